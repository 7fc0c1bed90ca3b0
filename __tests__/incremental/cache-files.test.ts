import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { captureScope, pruneCaches, storeCachePath } from '../../src/incremental/cache-files.js';

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
});
