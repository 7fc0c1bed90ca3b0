/**
 * A snapshot may not expand to more than its limits allow: a tiny forged snapshot that names one
 * chunk many times is refused by `verify` and `restore` before a byte is hashed or written, and
 * restore checks the free space (and inodes) of its target first.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, statfsSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { checkExpansion, checkFreeSpace, EXPANSION_FLOOR, parseSize } from '../../src/snapshot/expansion.js';
import { SnapshotReader } from '../../src/snapshot/reader.js';
import { restoreSnapshot } from '../../src/snapshot/restore.js';
import type { Entry } from '../../src/snapshot/types.js';
import { runVitsnap } from '../helpers/cli.js';
import { forgeSnapshot } from '../helpers/forge.js';

const execFileAsync = promisify(execFile);
const MiB = 2 ** 20;

const work = mkdtempSync(join(tmpdir(), 'vitsnap-expansion-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** One 1 MiB chunk of zeros named 1024 times: a 1 GiB file in a snapshot of about a kilobyte. */
let gibibyte = '';
/** One 16 MiB chunk named 100,000 times: 1.5 TiB. */
let tebibytes = '';
/** 80 MiB from one 1 MiB chunk: over the default bound, small enough to really verify. */
let eighty = '';

beforeAll(() => {
  gibibyte = join(work, 'gibibyte.vitsnap');
  forgeSnapshot(gibibyte, [{ path: 'big', type: 'file', content: Buffer.alloc(MiB), repeat: 1024 }]);
  tebibytes = join(work, 'tebibytes.vitsnap');
  forgeSnapshot(tebibytes, [{ path: 'huge', type: 'file', content: Buffer.alloc(16 * MiB), repeat: 100_000, sha256: '0'.repeat(64) }]);
  eighty = join(work, 'eighty.vitsnap');
  forgeSnapshot(eighty, [{ path: 'dir', type: 'dir' }, { path: 'dir/eighty', type: 'file', content: Buffer.alloc(MiB, 0x61), repeat: 80 }]);
});

function expectOneLine(r: { code: number | null; stderr: string }, code: string): string {
  expect(r.code).toBe(2);
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(new RegExp(`^vitsnap: error ${code}: `));
  return lines[0] as string;
}

describe('parseSize', () => {
  it.each([
    ['1048576', 1048576],
    ['512M', 512 * MiB],
    ['10G', 10 * 2 ** 30],
    ['10GiB', 10 * 2 ** 30],
    ['1.5g', 1.5 * 2 ** 30],
    ['64k', 65536],
    ['2T', 2 * 2 ** 40],
    ['0', 0],
  ])('%s is %d bytes', (text, bytes) => {
    expect(parseSize(text)).toBe(bytes);
  });

  it.each(['', 'ten', '-1', '5X', '1e3', '99999999999P'])('%j is E_USAGE', (text) => {
    expect(() => parseSize(text)).toThrow(expect.objectContaining({ code: 'E_USAGE', message: expect.stringContaining('--max-size') }));
  });
});

describe('checkExpansion', () => {
  const file = (size: number): Entry => ({ type: 'file', path: 'f', mode: 0o644, size, sha256: '0'.repeat(64), class: 'text' });
  const snapshot = { path: 'x.vitsnap', fileSize: 10 * MiB };

  it('allows up to 10x the snapshot size, and never less than the floor', async () => {
    expect(() => checkExpansion(snapshot, [file(100 * MiB)])).not.toThrow();
    expect(() => checkExpansion({ path: 'tiny', fileSize: 1000 }, [file(EXPANSION_FLOOR)])).not.toThrow();
  });

  it('refuses more, saying why and what to pass', async () => {
    expect(() => checkExpansion(snapshot, [file(60 * MiB), file(60 * MiB)])).toThrow(
      expect.objectContaining({ code: 'E_LIMIT', message: expect.stringMatching(/x\.vitsnap would expand to 120\.0 MiB .* 12× .*legitimately.*--allow-expand.*--max-size/) }),
    );
  });

  it('--allow-expand lifts the bound; --max-size replaces it', async () => {
    expect(() => checkExpansion(snapshot, [file(2 ** 40)], { allowExpand: true })).not.toThrow();
    expect(() => checkExpansion(snapshot, [file(200 * MiB)], { maxSize: 256 * MiB })).not.toThrow();
    expect(() => checkExpansion(snapshot, [file(20 * MiB)], { maxSize: 10 * MiB, allowExpand: true })).toThrow(
      expect.objectContaining({ code: 'E_LIMIT', message: expect.stringContaining('more than --max-size 10.0 MiB') }),
    );
  });
});

describe('checkFreeSpace', () => {
  it('refuses when the files need more blocks than the file system has free', async () => {
    const fs = statfsSync(work);
    const free = fs.bavail * fs.bsize;
    const entries: Entry[] = [{ type: 'file', path: 'f', mode: 0o644, size: 2 * free + 2 ** 30, sha256: '0'.repeat(64), class: 'binary' }];
    expect(() => checkFreeSpace(work, entries)).toThrow(expect.objectContaining({ code: 'E_IO', message: expect.stringMatching(/^restoring needs .* but .* free; free some space or restore elsewhere$/) }));
    expect(() => checkFreeSpace(work, [])).not.toThrow();
  });
});

describe('verify and restore of a snapshot that claims far more than it holds', () => {
  it('the forged snapshots are tiny', async () => {
    expect(statSync(gibibyte).size).toBeLessThan(4096);
    expect(statSync(tebibytes).size).toBeLessThan(1024 * 1024);
  });

  it.each([
    ['verify', '1.00 GiB', () => gibibyte],
    ['verify', '1.53 TiB', () => tebibytes],
    ['restore', '1.00 GiB', () => gibibyte],
    ['restore', '1.53 TiB', () => tebibytes],
  ])('%s of a snapshot claiming %s is E_LIMIT before reading a block, and restore writes nothing', async (command, claimed, snapshot) => {
    const target = join(work, `target-${command}-${claimed.replace(/\W/g, '')}`);
    const args = command === 'verify' ? ['verify', snapshot()] : ['restore', snapshot(), '-C', target];
    const line = expectOneLine(await runVitsnap(args, { timeoutMs: 60_000 }), 'E_LIMIT');
    expect(line).toContain(`would expand to ${claimed}`);
    expect(line).toContain('--allow-expand');
    expect(existsSync(target)).toBe(false);
  });

  it('--allow-expand and a large enough --max-size let verify read it; a smaller --max-size refuses', async () => {
    expectOneLine(await runVitsnap(['verify', eighty]), 'E_LIMIT');
    for (const extra of [['--allow-expand'], ['--max-size', '100M']]) {
      const r = await runVitsnap(['verify', eighty, ...extra]);
      expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
      expect(r.stdout).toMatch(/^ok: 1 file \(80\.0 MiB\)/);
    }
    expect(expectOneLine(await runVitsnap(['verify', eighty, '--max-size', '50M']), 'E_LIMIT')).toContain('more than --max-size 50.0 MiB');
    expectOneLine(await runVitsnap(['verify', eighty, '--max-size', 'lots']), 'E_USAGE');
  });

  it('restore --allow-expand writes the 80 MiB file', async () => {
    const target = join(work, 'eighty-out');
    const r = await runVitsnap(['restore', eighty, '-C', target, '--allow-expand']);
    expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: '' });
    expect(statSync(join(target, 'dir', 'eighty')).size).toBe(80 * MiB);
  });
});

/**
 * A 1 MiB tmpfs: real "disk full" without filling the disk. Needs mount privileges (root in a
 * container that allows it); skipped, and said so, where mounting is refused.
 */
describe('restore onto a small file system', () => {
  let mountPoint = '';
  let mounted = false;

  beforeAll(async () => {
    mountPoint = join(work, 'small-fs');
    mkdirSync(mountPoint);
    try {
      await execFileAsync('mount', ['-t', 'tmpfs', '-o', 'size=1m,nr_inodes=64', 'tmpfs', mountPoint]);
      mounted = true;
    } catch (error) {
      process.stderr.write(`skipping the small-file-system restore tests: cannot mount a tmpfs (${(error as Error).message.split('\n')[0]})\n`);
    }
  });
  afterAll(async () => {
    if (mounted) await execFileAsync('umount', [mountPoint]);
  });

  async function restoreInto(file: string, target: string, force = false): Promise<string> {
    const reader = SnapshotReader.open(file);
    try {
      await restoreSnapshot(reader, target, { force });
      return 'ok';
    } catch (error) {
      return `${(error as { code?: string }).code ?? ''}: ${(error as Error).message}`;
    } finally {
      reader.close();
    }
  }

  it('a restore larger than the free space is E_IO "needs X, Y free" before writing', async () => {
    if (!mounted) return;
    const file = join(work, 'two-mib.vitsnap');
    forgeSnapshot(file, [{ path: 'two', type: 'file', content: Buffer.alloc(MiB), repeat: 2 }]);
    const target = join(mountPoint, 'out');
    expect(await restoreInto(file, target)).toMatch(/^E_IO: restoring needs 2\.00 MiB but .* has .* free/);
    expect(readdirSync(mountPoint)).toEqual([]);
  });

  it('more files than free inodes is E_IO before writing', async () => {
    if (!mounted) return;
    const file = join(work, 'many-files.vitsnap');
    forgeSnapshot(file, Array.from({ length: 100 }, (_, i) => ({ path: `f${String(i).padStart(3, '0')}`, type: 'file' as const, content: `${i}` })));
    expect(await restoreInto(file, join(mountPoint, 'out'))).toMatch(/^E_IO: restoring needs 100 inodes but/);
    expect(readdirSync(mountPoint)).toEqual([]);
  });

  it('a read-only file system is E_IO "read-only file system" naming the target, not E_INTERNAL', async () => {
    if (!mounted) return;
    const readOnly = join(work, 'read-only');
    mkdirSync(readOnly);
    await execFileAsync('mount', ['-t', 'tmpfs', '-o', 'ro,size=1m', 'tmpfs', readOnly]);
    try {
      const file = join(work, 'small.vitsnap');
      forgeSnapshot(file, [{ path: 'a', type: 'file', content: 'a' }]);
      for (const target of [readOnly, join(readOnly, 'sub')]) {
        expect(await restoreInto(file, target)).toMatch(new RegExp(`^E_IO: cannot .*${target}.*: read-only file system.*; choose a writable location$`));
      }
    } finally {
      await execFileAsync('umount', [readOnly]);
    }
  });

  it('ENOSPC while writing (a full file system mounted inside a --force target) is E_IO naming the entry, and is undone', async () => {
    if (!mounted) return;
    const target = join(work, 'outer');
    mkdirSync(target);
    writeFileSync(join(target, 'first'), 'the old first');
    // The target's own file system has room; its subdirectory `small` is the 1 MiB tmpfs.
    const inner = join(target, 'small');
    mkdirSync(inner);
    return (async () => {
      await execFileAsync('mount', ['--bind', mountPoint, inner]);
      try {
        const file = join(work, 'fills-inner.vitsnap');
        forgeSnapshot(file, [
          { path: 'first', type: 'file', content: 'new first' },
          { path: 'small', type: 'dir' },
          { path: 'small/big', type: 'file', content: Buffer.alloc(MiB, 0x62), repeat: 3 },
        ]);
        expect(await restoreInto(file, target, true)).toMatch(/^E_IO: cannot restore file small\/big in .*: no space left on device; /);
        expect(readdirSync(target).sort()).toEqual(['first', 'small']);
        expect(readdirSync(inner)).toEqual([]);
        expect(statSync(join(target, 'first')).size).toBe('the old first'.length);
      } finally {
        await execFileAsync('umount', [inner]);
      }
    })();
  });
});
