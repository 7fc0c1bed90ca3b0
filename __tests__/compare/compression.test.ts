/**
 * The `compression` cause (issue #10 item 5): the same payload compressed with another level,
 * implementation or frame parameters is named as such, with the hint, and `--ignore compression`
 * accepts it. Fixtures by real gzip, zip and zstd at test time; a payload that really differs is
 * still compared as content.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { classifyCauses } from '../../src/compare/causes.js';
import { compareSources } from '../../src/compare/compare.js';
import { DEFAULT_COMPARATORS } from '../../src/compare/comparators/index.js';
import { openSides } from '../../src/compare/sources.js';
import { classified, leaves } from '../helpers/classified.js';
import { removeDir, runTool, tempDir } from '../helpers/toolchain.js';

const PINNED = new Date(Date.UTC(2026, 0, 1));
let work: string;
let text: string;


beforeAll(async () => {
  work = await tempDir('vitsnap-compression-');
  // Compressible and long enough for levels to matter.
  text = Array.from({ length: 4000 }, (_, i) => `line ${i} ${(i * 7919) % 1000} the quick brown fox\n`).join('');
  writeFileSync(join(work, 'data.txt'), text);
  utimesSync(join(work, 'data.txt'), PINNED, PINNED);
}, 30_000);

afterAll(async () => {
  await removeDir(work);
});

async function gzip(level: string): Promise<Buffer> {
  await runTool('gzip', ['-n', level, '-k', '-f', 'data.txt'], { cwd: work });
  return readFileSync(join(work, 'data.txt.gz'));
}

describe('the same payload, compressed differently', () => {
  it('gzip -9 vs gzip -1: XFL and the compressed bytes are compression, explained, and ignorable', async () => {
    const best = await gzip('-9');
    const fast = await gzip('-1');
    const { node, verdict } = classified('data.txt.gz', best, fast);
    expect(leaves(node).map((l) => [l.path, l.causes.map((c) => c.id)])).toEqual([
      ['data.txt.gz:gzip.xfl', ['compression']],
      ['data.txt.gz:gzip.compressed-data', ['compression']],
    ]);
    expect(node.causes[0]?.hint).toContain('gzip -n -9');
    expect(verdict).toBe('drift-explained');
  });

  it('zip -9 vs zip -1 and zstd -19 vs zstd -3 are compression too', async () => {
    for (const level of ['-9', '-1']) await runTool('zip', ['-X', '-q', level, `data${level}.zip`, 'data.txt'], { cwd: work });
    const zip = classified('data.zip', readFileSync(join(work, 'data-9.zip')), readFileSync(join(work, 'data-1.zip')));
    expect(new Set(leaves(zip.node).flatMap((l) => l.causes.map((c) => c.id)))).toEqual(new Set(['compression']));
    for (const level of ['-19', '-3']) await runTool('zstd', ['-q', '-f', level, 'data.txt', '-o', `data${level}.zst`], { cwd: work });
    const zst = classified('data.txt.zst', readFileSync(join(work, 'data-19.zst')), readFileSync(join(work, 'data-3.zst')));
    expect(new Set(leaves(zst.node).flatMap((l) => l.causes.map((c) => c.id)))).toEqual(new Set(['compression']));
  });

  it('--ignore compression accepts it; a payload that differs is still content', async () => {
    for (const [dir, level, body] of [['a', '-9', text], ['b', '-1', text], ['c', '-1', `${text}one more line\n`]] as const) {
      mkdirSync(join(work, dir), { recursive: true });
      writeFileSync(join(work, dir, 'data.txt'), body);
      await runTool('gzip', ['-n', level, '-f', 'data.txt'], { cwd: join(work, dir) });
    }
    const diff = async (a: string, b: string): Promise<string> => {
      const sides = await openSides(a, b, { cwd: work });
      try {
        return (await compareSources(sides, { comparators: DEFAULT_COMPARATORS, classify: classifyCauses, ignore: ['compression'] })).verdict;
      } finally {
        await sides.close();
      }
    };
    expect(await diff('a', 'b')).toBe('identical');
    expect(await diff('a', 'c')).toBe('drift-unexplained');
  });
});
