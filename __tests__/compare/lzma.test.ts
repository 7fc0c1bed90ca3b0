/**
 * `.lzma` (LZMA_alone) decoding with our own LZMA1 decoder: fixtures made by the real `xz
 * --format=lzma` at test time.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ExpansionBudget } from '../../src/compare/archive/bytes.js';
import { decodeLzma } from '../../src/compare/archive/lzma-decoder.js';
import { classifyCauses } from '../../src/compare/causes.js';
import { DEFAULT_COMPARATORS } from '../../src/compare/comparators/index.js';
import { compareFile } from '../../src/compare/registry.js';
import { DEFAULT_LIMITS, type Difference } from '../../src/compare/types.js';
import { removeDir, reproducibleTar, runTool, tempDir } from '../helpers/toolchain.js';

const MiB = 1024 * 1024;
/** 2026-01-01T00:00:00Z, for every tar member. */
const MTIME = '@1767225600';
let root: string;
let counter = 0;

/** `xz --format=lzma args` of `content`; the compressed bytes. */
async function lzma(content: string | Buffer, args: string[]): Promise<Buffer> {
  const dir = join(root, `x-${counter++}`);
  await mkdir(dir, { recursive: true });
  const file = join(dir, 'data');
  await writeFile(file, content);
  await runTool('xz', ['--format=lzma', ...args, file]);
  return readFile(`${file}.lzma`);
}

async function tarLzma(files: Record<string, string>): Promise<Buffer> {
  const tar = await reproducibleTar(join(root, `t-${counter++}`), files, MTIME);
  await runTool('xz', ['--format=lzma', '-6', tar]);
  return readFile(`${tar}.lzma`);
}

const leaves = (d: Difference): Difference[] => (d.children.length === 0 ? [d] : d.children.flatMap(leaves));

beforeAll(async () => {
  root = await tempDir('vitsnap-lzma-');
});

afterAll(async () => {
  await removeDir(root);
});

describe('lzma', () => {
  it('decodes what xz --format=lzma wrote, exactly', async () => {
    const text = Array.from({ length: 20000 }, (_, i) => `line ${i} ${(i * 7919) % 1000}\n`).join('');
    for (const level of ['-0', '-6', '-9e']) {
      expect(decodeLzma(await lzma(text, [level]), new ExpansionBudget(256 * MiB)).toString()).toBe(text);
    }
    expect(decodeLzma(await lzma('', ['-6']), new ExpansionBudget(MiB)).length).toBe(0);
  });

  it('nests into a .tar.lzma and names the one changed member', async () => {
    const a = await tarLzma({ 'a.txt': 'alpha\n', 'b.txt': 'beta 1\n' });
    const b = await tarLzma({ 'a.txt': 'alpha\n', 'b.txt': 'beta 2\n' });
    const node = compareFile('x.tar.lzma', a, b, DEFAULT_COMPARATORS, DEFAULT_LIMITS);
    expect(node.comparator).toBe('lzma');
    expect(node.children.map((d) => [d.path, d.kind, d.comparator])).toEqual([['x.tar.lzma!/x.tar', 'modified', 'tar']]);
    expect(node.children[0]?.children.map((d) => [d.path, d.kind])).toEqual([['x.tar.lzma!/x.tar!/./b.txt', 'modified']]);
  });

  it('names the same payload at -1 and -9 as compression', async () => {
    const text = Array.from({ length: 20000 }, (_, i) => `line ${i} ${(i * 7919) % 1000} the quick brown fox\n`).join('');
    const node = compareFile('log.lzma', await lzma(text, ['-1']), await lzma(text, ['-9']), DEFAULT_COMPARATORS, DEFAULT_LIMITS);
    classifyCauses({ path: '', kind: 'modified', summary: '', causes: [], children: [node] });
    expect(leaves(node).map((l) => [l.path, l.causes.map((c) => c.id)])).toEqual([
      ['log.lzma:lzma.dictionary-size', ['compression']],
      ['log.lzma:lzma.compressed-data', ['compression']],
    ]);
    expect(node.children[0]?.detail).toEqual({ type: 'field', name: 'dictionary-size', before: '1 MiB', after: '64 MiB' });
  });

  it('stops a bomb at the expansion cap, with bounded memory', async () => {
    const bomb = await lzma(Buffer.alloc(64 * MiB), ['-1']);
    expect(bomb.length).toBeLessThan(MiB);
    const before = process.memoryUsage().arrayBuffers;
    expect(() => decodeLzma(bomb, new ExpansionBudget(8 * MiB))).toThrow('the lzma stream expands past the 8 MiB expansion cap');
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(48 * MiB);
    const small = await lzma('not a bomb\n', ['-1']);
    const limits = { ...DEFAULT_LIMITS, maxExpandedBytes: 8 * MiB };
    const node = compareFile('zeros.lzma', bomb, small, DEFAULT_COMPARATORS, limits);
    expect(node.comparator).toBe('lzma');
    expect(node.children.map((d) => [d.path, d.fallback])).toEqual([['zeros.lzma!/zeros', 'before: the lzma stream expands past the 8 MiB expansion cap']]);
    // Compressing 64 MiB with xz and decoding 8 MiB in JavaScript: over 60 s on a loaded 2-core machine.
  }, 300_000);

  it('refuses a recorded size over the cap before decoding', async () => {
    const file = Buffer.from(await lzma('small\n', ['-6']));
    file.writeBigUInt64LE(4n * 1024n * MiB_BIG, 5);
    expect(() => decodeLzma(file, new ExpansionBudget(256 * MiB))).toThrow('the lzma stream declares 4 GiB uncompressed (header), more than the 256 MiB expansion cap');
  });

  it('falls back to bytes with the reason for truncated or corrupt data, never hanging', async () => {
    const whole = await lzma('log line\n'.repeat(500), ['-6']);
    const truncated = compareFile('log.lzma', whole, whole.subarray(0, whole.length - 4), DEFAULT_COMPARATORS, DEFAULT_LIMITS);
    expect(truncated.comparator).toBe('binary');
    expect(truncated.fallback).toMatch(/^lzma: lzma payload not decoded: after: lzma data (ends at \d+ bytes before the stream does \(truncated\)|corrupt after)/);
    for (let at = 14; at < whole.length; at += 7) {
      const corrupt = Buffer.from(whole);
      corrupt[at] = (corrupt[at] ?? 0) ^ 0x55;
      const node = compareFile('log.lzma', whole, corrupt, DEFAULT_COMPARATORS, DEFAULT_LIMITS);
      expect(node.fallback ?? '').toMatch(/^lzma: lzma payload not decoded: after: |^$/);
    }
  });
});

const MiB_BIG = 1024n * 1024n;
