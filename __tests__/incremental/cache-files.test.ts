import { afterAll, describe, expect, it } from '@jest/globals';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileDigest } from '../../src/delta/chain.js';
import { captureScope, pruneCaches, recordedDigest, sidecarPath, storeCachePath } from '../../src/incremental/cache-files.js';
import { parseJsonOutput, runVitsnapOk } from '../helpers/cli.js';

const work = mkdtempSync(join(tmpdir(), 'vitsnap-cache-files-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('stat cache files', () => {
  it('keeps only the most recently written caches of a store, and nothing else is touched', () => {
    const dir = join(work, 'captures');
    mkdirSync(dir);
    for (let i = 0; i < 6; i++) {
      writeFileSync(join(dir, `${i}.statcache`), 'x');
      utimesSync(join(dir, `${i}.statcache`), 1_600_000_000 + i, 1_600_000_000 + i);
    }
    writeFileSync(join(dir, 'other.txt'), 'not a cache');
    utimesSync(join(dir, 'other.txt'), 1_500_000_000, 1_500_000_000);
    pruneCaches(dir, 3);
    expect(readdirSync(dir).sort()).toEqual(['3.statcache', '4.statcache', '5.statcache', 'other.txt']);
    pruneCaches(join(work, 'absent'), 3);
  });

  it('keys a store cache by root (through symlinks), globs and the hidden-file setting', () => {
    const real = join(work, 'real');
    mkdirSync(real);
    symlinkSync(real, join(work, 'link'));
    const key = (root: string, patterns: string[], hidden: boolean): string => storeCachePath('/store', captureScope(root, patterns, hidden));
    expect(key(join(work, 'link'), [], false)).toBe(key(real, [], false));
    expect(new Set([key(real, [], false), key(real, ['dist/**'], false), key(real, [], true), key(join(work, 'other'), [], false)]).size).toBe(4);
    expect(key(real, [], false)).toMatch(/^\/store\/captures\/[0-9a-f]{64}\.statcache$/);
  });

  it('records the snapshot file\'s digest for deltas on it, and never vouches for a replaced file', async () => {
    const env = { ...process.env, SOURCE_DATE_EPOCH: '1700000000', VITSNAP_STORE: join(work, 'no-store') };
    const tree = join(work, 'digest-tree');
    mkdirSync(tree);
    writeFileSync(join(tree, 'a.txt'), 'one\n');
    const a = join(work, 'a.vitsnap');
    await runVitsnapOk(['create', '-C', tree, '-o', a, '--no-metadata'], { env });
    // Hashed while it was written: equal to reading the file again.
    expect(recordedDigest(a)).toBe(fileDigest(a));

    // Another snapshot moved over a.vitsnap: the old sidecar is not its, so the file is hashed.
    writeFileSync(join(tree, 'a.txt'), 'two\n');
    const other = join(work, 'other.vitsnap');
    await runVitsnapOk(['create', '-C', tree, '-o', other, '--no-metadata'], { env });
    copyFileSync(other, a);
    expect(recordedDigest(a)).toBeNull();
    writeFileSync(join(tree, 'b.txt'), 'three\n');
    const delta = join(work, 'delta.vitsnap');
    await runVitsnapOk(['create', '-C', tree, '-o', delta, '--no-metadata', '--parent', a], { env });
    const exported = parseJsonOutput(await runVitsnapOk(['export', delta], { env })) as { parent: string };
    expect(exported.parent).toBe(fileDigest(other));

    rmSync(sidecarPath(other));
    expect(recordedDigest(other)).toBeNull();
  });
});
