/**
 * A restore that cannot finish leaves the target as it found it, with a coded error that names
 * the entry: long names and symlink targets, corrupt data mid-way, a non-empty target, what a
 * killed restore left behind (its journal), a journal someone tampered with, and Ctrl-C midway.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { execFile } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { SnapshotReader } from '../../src/snapshot/reader.js';
import { restoreSnapshot, type RestoreOptions } from '../../src/snapshot/restore.js';
import { forgeSnapshot, type ForgedEntry } from '../helpers/forge.js';
import { spawnVitsnap, waitForExit } from '../helpers/cli.js';
import { describeTree, seededBytes } from '../helpers/trees.js';

const execFileAsync = promisify(execFile);
const work = mkdtempSync(join(tmpdir(), 'vitsnap-restore-failures-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Above this pid no process can exist (Linux pid_max is at most 2^22). */
const DEAD_PID = 2 ** 22 + 1;

let n = 0;
function forge(entries: ForgedEntry[]): string {
  const file = join(work, `snap-${n++}.vitsnap`);
  forgeSnapshot(file, entries);
  return file;
}

function freshDir(name: string): string {
  const dir = join(work, `${name}-${n++}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** Restores and returns 'ok' or the error's code and message. */
async function restore(file: string, target: string, options: RestoreOptions = {}): Promise<{ code: string; message: string }> {
  const reader = SnapshotReader.open(file);
  try {
    await restoreSnapshot(reader, target, options);
    return { code: 'ok', message: '' };
  } catch (error) {
    const e = error as { code?: string; message?: string };
    return { code: e.code ?? 'none', message: e.message ?? String(error) };
  } finally {
    reader.close();
  }
}

/** A tree that is there before the restore, to check it is left exactly as it was. */
function prepareExisting(target: string): Map<string, string> {
  mkdirSync(join(target, 'keep'), { recursive: true });
  writeFileSync(join(target, 'keep', 'mine.txt'), 'not in the snapshot\n');
  writeFileSync(join(target, 'a.txt'), 'the old a.txt\n');
  symlinkSync('a.txt', join(target, 'link'));
  return describeTree(target);
}

const sha = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex');

/** a.txt, then dir/b.bin (random, so stored verbatim), then dir/c.txt whose recorded digest is wrong. */
function snapshotFailingAtTheEnd(): string {
  return forge([
    { path: 'a.txt', type: 'file', content: 'new a\n' },
    { path: 'dir', type: 'dir' },
    { path: 'dir/b.bin', type: 'file', content: seededBytes(200_000, 7, false) },
    { path: 'dir/c.txt', type: 'file', content: 'cc', repeat: 3, sha256: sha('not cccccc') },
    { path: 'link', type: 'symlink', target: 'dir/b.bin' },
  ]);
}

/** A small snapshot that restores fine: a.txt and b.txt. */
function ok(): string {
  return forge([{ path: 'a.txt', type: 'file', content: 'new a\n' }, { path: 'b.txt', type: 'file', content: 'b\n' }]);
}

describe('names at the limits of the file system', () => {
  it('a 255-byte file name restores (the temp name does not add to it)', async () => {
    const name = 'n'.repeat(255);
    const target = join(work, `long-name-${n++}`);
    expect((await restore(forge([{ path: `d/${name}`, type: 'file', content: 'long\n' }]), target)).code).toBe('ok');
    expect(readFileSync(join(target, 'd', name), 'utf8')).toBe('long\n');
    expect(readdirSync(target)).toEqual(['d']);
    expect(readdirSync(join(target, 'd'))).toEqual([name]);
  });

  it('a 4096-byte symlink target (the format allows it, Linux does not) is E_IO naming the entry, and nothing is left', async () => {
    const target = join(work, `long-link-${n++}`);
    const file = forge([
      { path: 'first.txt', type: 'file', content: 'first\n' },
      { path: 'sub', type: 'dir' },
      { path: 'sub/link', type: 'symlink', target: 't'.repeat(4096) },
    ]);
    const r = await restore(file, target);
    expect(r.code).toBe('E_IO');
    expect(r.message).toContain('symlink sub/link');
    expect(r.message).toContain('4096 bytes');
    expect(existsSync(target)).toBe(false);
  });
});

describe('a restore that fails midway leaves the target as it was', () => {
  it('E_CHECKSUM on the third file: a target it created is removed again', async () => {
    const target = join(work, `new-target-${n++}`, 'deeper');
    const r = await restore(snapshotFailingAtTheEnd(), target);
    expect(r.code).toBe('E_CHECKSUM');
    expect(r.message).toContain('dir/c.txt');
    expect(existsSync(join(target, '..'))).toBe(false);
  });

  it('E_CHECKSUM on the third file: an empty target stays empty', async () => {
    const target = freshDir('empty-target');
    expect((await restore(snapshotFailingAtTheEnd(), target)).code).toBe('E_CHECKSUM');
    expect(readdirSync(target)).toEqual([]);
  });

  it('E_CHECKSUM with --force: the files it replaced are put back, the others untouched, no temp files', async () => {
    const target = freshDir('forced-target');
    const before = prepareExisting(target);
    expect((await restore(snapshotFailingAtTheEnd(), target, { force: true })).code).toBe('E_CHECKSUM');
    expect(describeTree(target)).toEqual(before);
  });

  it('a corrupt block midway (E_CHECKSUM from the reader) leaves the target as it was', async () => {
    const file = forge([
      { path: 'a.txt', type: 'file', content: 'new a\n' },
      { path: 'z.bin', type: 'file', content: seededBytes(100_000, 9, false) },
    ]);
    // Random bytes are stored verbatim: flip one in the middle of z.bin's block.
    const bytes = readFileSync(file);
    const at = bytes.indexOf(seededBytes(100_000, 9, false).subarray(50_000, 50_064));
    expect(at).toBeGreaterThan(0);
    bytes[at] = (bytes[at] as number) ^ 0xff;
    writeFileSync(file, bytes);
    const target = freshDir('corrupt-block');
    const before = prepareExisting(target);
    const r = await restore(file, target, { force: true });
    expect(r.code).toBe('E_CHECKSUM');
    expect(describeTree(target)).toEqual(before);
  });
});

describe('the target directory', () => {
  it('a non-empty target is refused (E_INPUT) and nothing is written', async () => {
    const target = freshDir('non-empty');
    const before = prepareExisting(target);
    const r = await restore(ok(), target);
    expect(r.code).toBe('E_INPUT');
    expect(r.message).toContain(`${target} is not empty; pass --force to overwrite files in it, or choose an empty directory`);
    expect(describeTree(target)).toEqual(before);
  });

  it('--force replaces what the snapshot has and keeps everything else; no side files remain', async () => {
    const target = freshDir('merge');
    prepareExisting(target);
    expect((await restore(ok(), target, { force: true })).code).toBe('ok');
    expect(readFileSync(join(target, 'a.txt'), 'utf8')).toBe('new a\n');
    expect(readFileSync(join(target, 'keep', 'mine.txt'), 'utf8')).toBe('not in the snapshot\n');
    expect(readdirSync(target).sort()).toEqual(['a.txt', 'b.txt', 'keep', 'link']);
  });

  it('a path through a file (ENOTDIR) is E_IO with the path, not an internal error', async () => {
    const dir = freshDir('notdir');
    writeFileSync(join(dir, 'file'), 'x');
    const r = await restore(ok(), join(dir, 'file', 'sub'));
    expect(r.code).toBe('E_IO');
    expect(r.message).toContain(join(dir, 'file', 'sub'));
    expect(r.message).toContain('not a directory');
  });

  it('a target it may not write to is E_IO naming it (root: an immutable directory; others: mode 555)', async () => {
    const target = freshDir('locked');
    const asRoot = process.getuid?.() === 0;
    if (asRoot) {
      try {
        await execFileAsync('chattr', ['+i', target]);
      } catch (error) {
        process.stderr.write(`skipping the locked-target test: chattr +i failed (${(error as Error).message.split('\n')[0]})\n`);
        return;
      }
    } else {
      chmodSync(target, 0o555);
    }
    try {
      const r = await restore(ok(), target);
      expect(r.code).toBe('E_IO');
      expect(r.message).toContain(target);
      expect(r.message).toMatch(asRoot ? /operation not permitted.*; check ownership, permissions and file attributes/ : /permission denied.*; check ownership and permissions/);
      expect(readdirSync(target)).toEqual([]);
    } finally {
      if (asRoot) await execFileAsync('chattr', ['-i', target]);
      else chmodSync(target, 0o755);
    }
  });

  it('entries named like restore\'s own journal or side files are refused before anything is written', async () => {
    for (const path of ['.vitsnap-restore-123', 'd/.vitsnap-restore-1-2']) {
      const target = join(work, `reserved-${n++}`);
      expect((await restore(forge([{ path, type: 'file', content: 'x' }]), target)).code).toBe('E_UNSAFE_PATH');
      expect(existsSync(target)).toBe(false);
    }
  });
});

describe('what a killed restore left behind', () => {
  it('the next restore undoes a dead restore\'s journal: its files, temp files and directories go, moved-aside files come back', async () => {
    const target = freshDir('abandoned');
    // What a restore with pid DEAD_PID had done when it was killed: made d/, wrote d/x, had a temp
    // file open, and had moved the user's old.txt aside.
    mkdirSync(join(target, 'd'));
    writeFileSync(join(target, 'd', 'x'), 'restored before the kill');
    writeFileSync(join(target, 'd', `.vitsnap-restore-${DEAD_PID}-1`), 'half a file');
    writeFileSync(join(target, `.vitsnap-restore-${DEAD_PID}-2`), 'the user\'s old.txt');
    const journal = [
      { op: 'created', path: 'd' },
      { op: 'temp', path: `d/.vitsnap-restore-${DEAD_PID}-0` },
      { op: 'created', path: 'd/x' },
      { op: 'temp', path: `d/.vitsnap-restore-${DEAD_PID}-1` },
      { op: 'moved', path: 'old.txt', to: `.vitsnap-restore-${DEAD_PID}-2` },
    ];
    // The last line was torn by the kill.
    writeFileSync(join(target, `.vitsnap-restore-${DEAD_PID}`), `${journal.map((r) => JSON.stringify(r)).join('\n')}\n{"op":"crea`);

    const r = await restore(ok(), target, { force: true });
    expect(r.code).toBe('ok');
    expect(readdirSync(target).sort()).toEqual(['a.txt', 'b.txt', 'old.txt']);
    expect(readFileSync(join(target, 'old.txt'), 'utf8')).toBe('the user\'s old.txt');
  });

  it('without --force, a target holding only a dead restore\'s leftovers counts as empty', async () => {
    const target = freshDir('abandoned-only');
    writeFileSync(join(target, 'x'), 'restored before the kill');
    writeFileSync(join(target, `.vitsnap-restore-${DEAD_PID}`), `${JSON.stringify({ op: 'created', path: 'x' })}\n`);
    expect((await restore(ok(), target)).code).toBe('ok');
    expect(readdirSync(target).sort()).toEqual(['a.txt', 'b.txt']);
  });

  it('a tampered journal cannot remove or move anything outside the target, nor through a symlink', async () => {
    const outside = freshDir('outside');
    writeFileSync(join(outside, 'precious'), 'keep me');
    const target = freshDir('tampered');
    symlinkSync(outside, join(target, 'escape'));
    const journal = [
      { op: 'created', path: '../outside/precious' },
      { op: 'created', path: join(outside, 'precious') },
      { op: 'created', path: 'escape/precious' },
      { op: 'moved', path: 'escape/stolen', to: '../outside/precious' },
    ];
    writeFileSync(join(target, `.vitsnap-restore-${DEAD_PID}`), journal.map((r) => JSON.stringify(r)).join('\n'));
    expect((await restore(ok(), target, { force: true })).code).toBe('ok');
    expect(readdirSync(outside)).toEqual(['precious']);
    expect(readFileSync(join(outside, 'precious'), 'utf8')).toBe('keep me');
  });

  it('a journal written on another host (a shared directory, another container) is left alone', async () => {
    const target = freshDir('foreign');
    writeFileSync(join(target, 'x'), 'another host restored this');
    const journal = [{ op: 'host', name: `not-${hostname()}` }, { op: 'created', path: 'x' }];
    writeFileSync(join(target, `.vitsnap-restore-${DEAD_PID}`), journal.map((r) => JSON.stringify(r)).join('\n'));
    writeFileSync(join(target, `.vitsnap-restore-${DEAD_PID}-0`), 'its temp file');
    expect((await restore(ok(), target)).code).toBe('E_INPUT');
    expect(readdirSync(target).sort()).toEqual([`.vitsnap-restore-${DEAD_PID}`, `.vitsnap-restore-${DEAD_PID}-0`, 'x']);
  });

  it('a live restore\'s journal (this process\'s parent) is left alone, so the target counts as not empty', async () => {
    const target = freshDir('live');
    writeFileSync(join(target, `.vitsnap-restore-${process.ppid}`), '');
    expect((await restore(ok(), target)).code).toBe('E_INPUT');
    expect(readdirSync(target)).toEqual([`.vitsnap-restore-${process.ppid}`]);
  });
});

describe('Ctrl-C during a restore', () => {
  it('SIGINT midway undoes the restore at once: replaced files come back, new ones go, exit 130', async () => {
    // 20,000 files of one deduplicated 16 KiB chunk: a 30 KB snapshot that takes seconds to restore.
    const content = Buffer.alloc(16 * 1024, 'x');
    const file = forge(Array.from({ length: 20_000 }, (_, i) => ({ path: `f-${String(i).padStart(5, '0')}`, type: 'file' as const, content })));
    const target = freshDir('interrupted');
    writeFileSync(join(target, 'f-00000'), 'the user\'s own f-00000');
    writeFileSync(join(target, 'notes.txt'), 'kept');
    const before = describeTree(target);

    const child = spawnVitsnap(['restore', file, '-C', target, '--force', '--allow-expand']);
    const done = waitForExit(child, 120_000);
    let exited = false;
    child.once('exit', () => (exited = true));
    // Interrupt once the restore is well under way (bounded: a stuck restore fails, not hangs).
    for (let polls = 0; polls < 6000 && !exited && readdirSync(target).length < 500; polls++) await new Promise((r) => setTimeout(r, 10));
    expect(exited).toBe(false);
    child.kill('SIGINT');
    const result = await done;

    expect(result.code).toBe(130);
    expect(result.stderr).toContain('interrupted by SIGINT');
    expect(describeTree(target)).toEqual(before);
  }, 180_000);
});
