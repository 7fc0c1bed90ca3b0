import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { digestLockfiles, KNOWN_LOCKFILES, sha256File } from '../../../src/snapshot/metadata/lockfiles.js';

let dir: string;
const sha256sum = (file: string): string => execFileSync('sha256sum', [file]).toString().split(' ')[0];

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'vitsnap-lock-'));
  writeFileSync(join(dir, 'package-lock.json'), '{"lockfileVersion":3}\n');
  writeFileSync(join(dir, 'go.sum'), 'example.com/m v1.0.0 h1:abc=\n');
  // Bigger than the hash buffer, so hashing takes several reads.
  writeFileSync(join(dir, 'Cargo.lock'), Buffer.alloc(3 * 1024 * 1024 + 17, 'cargo '));
  writeFileSync(join(dir, 'README.md'), 'not a lockfile');
  mkdirSync(join(dir, 'yarn.lock'));
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'sub', 'poetry.lock'), 'nested');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('digestLockfiles', () => {
  it('digests the known lockfiles directly in the directory, sorted by path', () => {
    expect(digestLockfiles(dir)).toEqual([
      { path: 'Cargo.lock', sha256: sha256sum(join(dir, 'Cargo.lock')) },
      { path: 'go.sum', sha256: sha256sum(join(dir, 'go.sum')) },
      { path: 'package-lock.json', sha256: sha256sum(join(dir, 'package-lock.json')) },
    ]);
  });

  it('knows every lockfile in the list', () => {
    const all = mkdtempSync(join(tmpdir(), 'vitsnap-lock-all-'));
    try {
      for (const name of KNOWN_LOCKFILES) writeFileSync(join(all, name), name);
      const digests = digestLockfiles(all);
      expect(digests.map((d) => d.path)).toEqual([...KNOWN_LOCKFILES].sort());
      expect(KNOWN_LOCKFILES).toEqual(expect.arrayContaining(['yarn.lock', 'pnpm-lock.yaml', 'uv.lock', 'flake.lock', 'mix.lock']));
      for (const d of digests) expect(d.sha256).toBe(sha256sum(join(all, d.path)));
    } finally {
      rmSync(all, { recursive: true, force: true });
    }
  });

  it('gives nothing for a missing directory', () => {
    expect(digestLockfiles(join(dir, 'nope'))).toEqual([]);
  });

  it('hashes empty files like sha256sum', () => {
    const empty = join(dir, 'sub', 'empty');
    writeFileSync(empty, '');
    expect(sha256File(empty)).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  });
});
