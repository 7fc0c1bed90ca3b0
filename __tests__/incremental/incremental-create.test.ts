/**
 * `vitsnap create --since` / `--store` / `--rehash` end to end, on real files changed with the
 * real tools (`touch`, `cp -a`), each result compared byte for byte with a full capture.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { closeSync, existsSync, lstatSync, mkdirSync, mkdtempSync, openSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { parseJsonOutput, runVitsnap, runVitsnapOk } from '../helpers/cli.js';
import { seededBytes } from '../helpers/trees.js';

const work = mkdtempSync(join(tmpdir(), 'vitsnap-incr-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Pinned file times (2021-01-01, and one in 2100 for the racy case). */
const PINNED = 1_609_459_200;
const FUTURE = 4_102_444_800;
const FILES = ['a.txt', 'b.txt', 'sub/big.bin', 'sub/c.txt', 'sub/deep/d.txt'];

let counter = 0;
function fresh(name: string): string {
  const dir = join(work, `${name}-${counter++}`);
  mkdirSync(dir);
  return dir;
}

/** A small tree with one file above the chunking threshold (its chunk list is reused too). */
function makeTree(root: string): void {
  mkdirSync(join(root, 'sub/deep'), { recursive: true });
  writeFileSync(join(root, 'a.txt'), 'alpha\n');
  writeFileSync(join(root, 'b.txt'), 'bravo bravo\n');
  writeFileSync(join(root, 'sub/big.bin'), seededBytes(2 * 1024 * 1024 + 300_000, 7, false));
  writeFileSync(join(root, 'sub/c.txt'), 'charlie\n'.repeat(50));
  writeFileSync(join(root, 'sub/deep/d.txt'), 'delta\n');
  symlinkSync('../a.txt', join(root, 'sub/link'));
  for (const f of FILES) utimesSync(join(root, f), PINNED, PINNED);
}

/**
 * Waits until every file's ctime (which no tool can pin) lies outside the racy window of a
 * capture starting now: 100 ms, or 2 s on a filesystem with whole-second times (src/incremental/reuse.ts).
 */
async function settle(root: string, more: readonly string[] = []): Promise<void> {
  let wait = 0;
  for (const f of [...FILES, ...more]) {
    let st;
    try {
      st = lstatSync(join(root, f), { bigint: true });
    } catch {
      continue;
    }
    const margin = st.ctimeNs % 1_000_000_000n === 0n ? 2_100 : 150;
    wait = Math.max(wait, Number(st.ctimeNs / 1_000_000n) + margin - Date.now());
  }
  if (wait > 0) await sleep(wait);
}

interface Created {
  reused: number;
  files: number;
  stderr: string;
}

async function create(root: string, output: string, ...extra: string[]): Promise<Created> {
  const result = await runVitsnapOk(['create', '-C', root, '-o', output, '--no-metadata', '--json', ...extra], { cwd: work });
  const json = parseJsonOutput(result) as { reused: number; stats: { files: number } };
  return { reused: json.reused, files: json.stats.files, stderr: result.stderr };
}

/** A full capture of `root` (no earlier results) for comparison. */
async function full(root: string): Promise<Buffer> {
  const out = join(fresh('full'), 'full.vitsnap');
  const made = await create(root, out);
  expect(made.reused).toBe(0);
  return readFileSync(out);
}

/** A tree captured once into `first.vitsnap` (with its stat cache), settled so nothing is racy. */
async function capturedTree(): Promise<{ dir: string; root: string; first: string }> {
  const dir = fresh('case');
  const root = join(dir, 'tree');
  makeTree(root);
  await settle(root);
  const first = join(dir, 'first.vitsnap');
  expect((await create(root, first)).reused).toBe(0);
  return { dir, root, first };
}

describe('create --since', () => {
  it('reuses every file of an unchanged tree; the snapshot is byte-identical to a full capture', async () => {
    const { dir, root, first } = await capturedTree();
    expect(existsSync(`${first}.statcache`)).toBe(true);
    const second = join(dir, 'second.vitsnap');
    const result = await runVitsnapOk(['create', '-C', root, '-o', second, '--no-metadata', '--since', first], { cwd: dir });
    expect(result.stdout).toContain(`5 files of 5 reused without hashing (unchanged since ${first})`);
    expect(result.stderr).toBe('');
    expect(readFileSync(second)).toEqual(readFileSync(first));
    expect(readFileSync(second)).toEqual(await full(root));
  });

  it('hashes again a touched file: same content, same digest', async () => {
    const { dir, root, first } = await capturedTree();
    execFileSync('touch', [join(root, 'sub/c.txt')]);
    await settle(root);
    const second = join(dir, 'second.vitsnap');
    expect(await create(root, second, '--since', first)).toEqual({ reused: 4, files: 5, stderr: '' });
    expect(readFileSync(second)).toEqual(readFileSync(first));
  });

  it('hashes again a file edited in place with its size and mtime put back (its ctime moved)', async () => {
    const { dir, root, first } = await capturedTree();
    const path = join(root, 'b.txt');
    const before = lstatSync(path, { bigint: true });
    const fd = openSync(path, 'r+');
    writeSync(fd, 'BRAVO', 0);
    closeSync(fd);
    execFileSync('touch', ['-d', `@${PINNED}`, path]);
    const after = lstatSync(path, { bigint: true });
    // The edit is invisible to everything but ctime: the case a size+mtime check gets wrong.
    expect([after.ino, after.size, after.mtimeNs]).toEqual([before.ino, before.size, before.mtimeNs]);
    await settle(root);
    const second = join(dir, 'second.vitsnap');
    expect((await create(root, second, '--since', first)).reused).toBe(4);
    expect(readFileSync(second)).not.toEqual(readFileSync(first));
    expect(readFileSync(second)).toEqual(await full(root));
  });

  it('hashes again a file whose mtime is not older than the earlier capture start (racy), even with every stat equal', async () => {
    const dir = fresh('racy');
    const root = join(dir, 'tree');
    makeTree(root);
    utimesSync(join(root, 'a.txt'), FUTURE, FUTURE);
    await settle(root);
    const first = join(dir, 'first.vitsnap');
    await create(root, first);
    const second = join(dir, 'second.vitsnap');
    expect((await create(root, second, '--since', first)).reused).toBe(4);
    expect(readFileSync(second)).toEqual(readFileSync(first));
  });

  it('does not use a cache made for another root: cp -a to a new directory hashes everything', async () => {
    const { dir, root, first } = await capturedTree();
    const copy = join(dir, 'copy');
    execFileSync('cp', ['-a', root, copy]);
    await settle(copy);
    const second = join(dir, 'second.vitsnap');
    const made = await create(copy, second, '--since', first);
    expect(made.reused).toBe(0);
    expect(made.stderr).toContain(`ignoring stat cache ${first}.statcache: it was made for root ${root}, this capture's root is ${copy}; hashing every file`);
    expect(readFileSync(second)).toEqual(readFileSync(first));
  });

  it('hashes everything after a fresh checkout at the same path (cp -a: new inodes and ctimes, same mtimes)', async () => {
    const { dir, root, first } = await capturedTree();
    const backup = join(dir, 'backup');
    execFileSync('cp', ['-a', root, backup]);
    rmSync(root, { recursive: true });
    execFileSync('cp', ['-a', backup, root]);
    rmSync(backup, { recursive: true });
    await settle(root);
    const second = join(dir, 'second.vitsnap');
    expect(await create(root, second, '--since', first)).toEqual({ reused: 0, files: 5, stderr: '' });
    expect(readFileSync(second)).toEqual(readFileSync(first));
  });

  it('ignores a stale stat cache: the snapshot beside it was replaced', async () => {
    const { dir, root, first } = await capturedTree();
    const other = join(dir, 'other');
    mkdirSync(other);
    writeFileSync(join(other, 'x.txt'), 'x');
    await create(other, join(dir, 'other.vitsnap'));
    execFileSync('cp', [join(dir, 'other.vitsnap'), first]);
    const made = await create(root, join(dir, 'second.vitsnap'), '--since', first);
    expect(made.reused).toBe(0);
    expect(made.stderr).toContain(`ignoring stat cache ${first}.statcache: it belongs to another snapshot than ${first}`);
  });

  it.each([
    ['a flipped byte', (cache: Buffer): Buffer => Buffer.from(cache.map((b, i) => (i === cache.length - 20 ? b ^ 1 : b))), /damaged/],
    ['a truncated file', (cache: Buffer): Buffer => cache.subarray(0, 40), /not a vitsnap stat cache/],
    ['garbage', (): Buffer => Buffer.from('{"not": "a stat cache"}'), /not a vitsnap stat cache/],
  ])('warns about a damaged stat cache (%s) and hashes every file', async (_what, damage, why) => {
    const { dir, root, first } = await capturedTree();
    writeFileSync(`${first}.statcache`, damage(readFileSync(`${first}.statcache`)));
    const second = join(dir, 'second.vitsnap');
    const made = await create(root, second, '--since', first);
    expect(made.reused).toBe(0);
    expect(made.stderr).toMatch(new RegExp(`warning: ignoring stat cache ${first}\\.statcache: .*(${why.source}).*; hashing every file`));
    expect(readFileSync(second)).toEqual(readFileSync(first));
    // The damaged cache was replaced by a good one.
    expect((await create(root, join(dir, 'third.vitsnap'), '--since', second)).reused).toBe(5);
  });

  it('warns when there is no stat cache or no snapshot, and still captures', async () => {
    const { dir, root, first } = await capturedTree();
    rmSync(`${first}.statcache`);
    const made = await create(root, join(dir, 'second.vitsnap'), '--since', first);
    expect(made.reused).toBe(0);
    expect(made.stderr).toContain(`no stat cache next to ${first} (${first}.statcache); hashing every file`);
    const none = await create(root, join(dir, 'third.vitsnap'), '--since', join(dir, 'missing.vitsnap'));
    expect(none.stderr).toContain(`--since ${join(dir, 'missing.vitsnap')}: no snapshot there; hashing every file`);
  });

  it('never captures a stat cache (its own or an older snapshot\'s) when snapshots are written inside the tree, and can overwrite the snapshot it starts from', async () => {
    const dir = fresh('inside');
    const root = join(dir, 'tree');
    makeTree(root);
    const old = join(root, 'old.vitsnap');
    expect((await create(root, old)).files).toBe(5);
    expect(existsSync(`${old}.statcache`)).toBe(true);
    await settle(root, ['old.vitsnap']);
    const snap = join(root, 'snap.vitsnap');
    // The older snapshot is a file of the tree like any other; its stat cache is not.
    expect((await create(root, snap)).files).toBe(6);
    expect(await create(root, snap, '--since', snap)).toEqual({ reused: 6, files: 6, stderr: '' });
    expect(await create(root, snap, '--since', snap)).toEqual({ reused: 6, files: 6, stderr: '' });
  });

  it('combines with --parent: the delta is byte-identical to one made with every file hashed', async () => {
    const { dir, root, first } = await capturedTree();
    writeFileSync(join(root, 'a.txt'), 'alpha, edited\n');
    await settle(root);
    const delta = join(dir, 'delta.vitsnap');
    expect((await create(root, delta, '--parent', first, '--since', first)).reused).toBe(4);
    const hashedDelta = join(fresh('delta-full'), 'delta.vitsnap');
    expect((await create(root, hashedDelta, '--parent', first, '--rehash')).reused).toBe(0);
    expect(readFileSync(delta)).toEqual(readFileSync(hashedDelta));
  });

  it('refuses --since together with --rehash', async () => {
    const { dir, root, first } = await capturedTree();
    const result = await runVitsnap(['create', '-C', root, '-o', join(dir, 'x.vitsnap'), '--since', first, '--rehash'], { cwd: dir });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('E_USAGE');
  });
});

describe('create --store', () => {
  it('reuses the last capture of the same root and globs automatically; --rehash hashes everything and refreshes the cache', async () => {
    const dir = fresh('store');
    const root = join(dir, 'tree');
    const store = join(dir, 'store');
    makeTree(root);
    await settle(root);
    const into = async (...extra: string[]): Promise<{ reused: number; stdout: string }> => {
      const result = await runVitsnapOk(['create', '-C', root, '--store', store, '--no-metadata', ...extra], { cwd: dir });
      const line = /(\d+) files? of \d+ reused without hashing/.exec(result.stdout);
      expect(result.stderr).toBe('');
      return { reused: line === null ? 0 : Number(line[1]), stdout: result.stdout };
    };
    expect((await into()).reused).toBe(0);
    const again = await into('--name', 'two');
    expect(again.stdout).toContain('5 files of 5 reused without hashing (unchanged since the last capture of this tree into the store)');
    // Other globs are another capture: their own cache, none yet.
    expect((await into('sub/**')).reused).toBe(0);
    expect((await into('sub/**')).reused).toBe(3);
    expect((await into('--rehash')).stdout).not.toContain('reused without hashing');
    execFileSync('touch', [join(root, 'a.txt')]);
    await settle(root);
    // -o as well: the file gets its own stat cache, the store's is refreshed.
    const out = join(dir, 'out.vitsnap');
    const both = await runVitsnapOk(['create', '-C', root, '--store', store, '-o', out, '--no-metadata'], { cwd: dir });
    expect(both.stdout).toContain('4 files of 5 reused without hashing');
    expect(existsSync(`${out}.statcache`)).toBe(true);
    expect(readFileSync(out)).toEqual(await full(root));
  });
});
