import { describe, it, expect, beforeAll, afterAll, jest } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import { chmodSync, lstatSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileGlobs, type PathMatcher } from '../../src/snapshot/globs.js';
import { compareCodePoints } from '../../src/snapshot/canonical-json.js';
import { msFromNs, packWalk, unpackWalk, walkTree, type WalkResult } from '../../src/snapshot/walk.js';

const temps: string[] = [];

/** Makes a temp tree: keys ending in `/` are directories, others files with the value as content. */
function makeTree(layout: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'vitsnap-walk-'));
  temps.push(root);
  for (const [path, content] of Object.entries(layout)) {
    if (path.endsWith('/')) mkdirSync(join(root, path), { recursive: true });
    else {
      mkdirSync(join(root, path, '..'), { recursive: true });
      writeFileSync(join(root, path), content);
    }
  }
  return root;
}

function paths(result: WalkResult): string[] {
  return result.entries.map((e) => `${e.type === 'dir' ? 'd' : e.type === 'file' ? 'f' : 'l'} ${e.path}`);
}

function byBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a), Buffer.from(b));
}

/** Records every path the walk asks the matcher about. */
function spy(matcher: PathMatcher): { matcher: PathMatcher; asked: Set<string> } {
  const asked = new Set<string>();
  return {
    asked,
    matcher: {
      matches: (p) => (asked.add(p), matcher.matches(p)),
      matchesDir: (p) => (asked.add(p), matcher.matchesDir(p)),
      mayContain: (p) => (asked.add(p), matcher.mayContain(p)),
    },
  };
}

afterAll(() => {
  for (const t of temps) {
    chmodSync(t, 0o755);
    rmSync(t, { recursive: true, force: true });
  }
});

describe('walkTree', () => {
  it('records nested files and their directories, sorted, without the root', () => {
    const root = makeTree({ 'b/c/d.txt': 'd', 'a.txt': 'a', 'b/e.txt': 'e', 'z/': '' });
    expect(paths(walkTree(root, compileGlobs([])))).toEqual(['f a.txt', 'd b', 'd b/c', 'f b/c/d.txt', 'f b/e.txt', 'd z']);
  });

  it('fills file fields from lstat', () => {
    const root = makeTree({ 'x/y.bin': 'hello' });
    const [dir, file] = walkTree(root, compileGlobs([])).entries;
    const st = lstatSync(join(root, 'x/y.bin'));
    expect(dir).toEqual({ type: 'dir', path: 'x', absPath: join(root, 'x'), mode: lstatSync(join(root, 'x')).mode & 0o7777 });
    expect(file).toEqual({
      type: 'file',
      path: 'x/y.bin',
      absPath: join(root, 'x/y.bin'),
      mode: st.mode & 0o7777,
      size: 5,
      mtimeMs: st.mtimeMs,
    });
  });

  it('records exact identity on request, with the same mtimeMs a plain lstat reports (capture compares them)', () => {
    const root = makeTree({ 'a.bin': 'a', 'b.bin': 'b', 'c.bin': 'c', 'd/': '', 'd/e.bin': 'e' });
    // Pinned odd times: nanoseconds, before 1970, far future; the float conversion must agree to the last bit.
    const times = { 'a.bin': '@1609459200.123456789', 'b.bin': '@-1.5', 'c.bin': '@4102444800.999999999', 'd/e.bin': '1969-05-01 00:00:00.000000001' };
    for (const [path, at] of Object.entries(times)) execFileSync('touch', ['-h', '-d', at, join(root, path)], { env: { ...process.env, TZ: 'UTC' } });
    const plain = walkTree(root, compileGlobs([])).entries;
    const exact = walkTree(root, compileGlobs([]), { identity: true }).entries;
    expect(exact.map((e) => ({ ...e, identity: undefined }))).toEqual(plain.map((e) => ({ ...e, identity: undefined })));
    for (const e of exact) {
      if (e.type !== 'file') continue;
      const st = lstatSync(e.absPath, { bigint: true });
      expect(e.mtimeMs).toBe(lstatSync(e.absPath).mtimeMs);
      expect(e.identity).toEqual({ dev: st.dev, ino: st.ino, mtimeNs: st.mtimeNs, ctimeNs: st.ctimeNs });
    }
    expect(plain.every((e) => !('identity' in e))).toBe(true);
  });

  it('msFromNs floors seconds as Node does, below 1970 too', () => {
    expect(msFromNs(1_500_000_001n)).toBe(1 * 1000 + 500_000_001 / 1e6);
    expect(msFromNs(-1_500_000_000n)).toBe(-1500);
    expect(msFromNs(-1n)).toBe(-1000 + 999999999 / 1e6);
  });

  it('survives packing for another thread unchanged', () => {
    const root = makeTree({ 'a/b.txt': 'b', 'a/c/': '', 'z.bin': 'zz' });
    symlinkSync('a/b.txt', join(root, 'link'));
    const walk = walkTree(root, compileGlobs([]));
    expect(walk.entries.map((e) => e.type)).toEqual(['dir', 'file', 'dir', 'symlink', 'file']);
    expect(unpackWalk(structuredClone(packWalk(root, walk)))).toEqual(walk);
  });

  it('records permission bits, including setuid and sticky', () => {
    const root = makeTree({ 'run.sh': '#!/bin/sh', 'secret': 's', 'shared/': '', 'suid': 'x' });
    chmodSync(join(root, 'run.sh'), 0o755);
    chmodSync(join(root, 'secret'), 0o600);
    chmodSync(join(root, 'shared'), 0o1777);
    chmodSync(join(root, 'suid'), 0o4750);
    const modes = Object.fromEntries(
      walkTree(root, compileGlobs([])).entries.map((e) => [e.path, e.type === 'symlink' ? -1 : e.mode]),
    );
    expect(modes).toEqual({ 'run.sh': 0o755, secret: 0o600, shared: 0o1777, suid: 0o4750 });
  });

  it('sorts by whole-path UTF-8 bytes, not UTF-16 code units', () => {
    const names = ['a/b', 'a.b', 'a-b', 'a0', 'é', 'z', 'ﬀ', '😀', 'Z', '日本/語', '\u{10000}x'];
    const root = makeTree(Object.fromEntries(names.map((n) => [n, n])));
    const got = walkTree(root, compileGlobs([])).entries.map((e) => e.path);
    expect(got).toEqual(['Z', 'a', 'a-b', 'a.b', 'a/b', 'a0', 'z', 'é', '日本', '日本/語', 'ﬀ', '\u{10000}x', '😀']);
    expect([...got].sort(byBytes)).toEqual(got);
    // The trap: JS default order puts the emoji (a surrogate pair) before U+FB00.
    expect([...got].sort()).not.toEqual(got);
  });

  it('orders strings like Buffer.compare', () => {
    const samples = ['', 'a', 'a/', 'a.', '\u{ffff}', '\u{10000}', '\u{e000}', '\u{d7ff}', 'ab', '\u{10ffff}', 'é'];
    for (const a of samples) for (const b of samples) expect(Math.sign(compareCodePoints(a, b))).toBe(Math.sign(byBytes(a, b)));
  });

  it('includes dot files and dot directories', () => {
    const root = makeTree({ '.env': 'x', '.git/config': 'c', 'dist/.cache/.x': 'x' });
    expect(paths(walkTree(root, compileGlobs([])))).toEqual(['f .env', 'd .git', 'f .git/config', 'd dist', 'd dist/.cache', 'f dist/.cache/.x']);
    expect(paths(walkTree(root, compileGlobs(['dist/**'])))).toEqual(['d dist', 'd dist/.cache', 'f dist/.cache/.x']);
  });

  it('records symlinks with their target and never follows them', () => {
    const root = makeTree({ 'src/a.txt': 'a', 'src/deep/b.txt': 'b' });
    symlinkSync('src', join(root, 'to-src'));
    symlinkSync('/', join(root, 'to-root'));
    symlinkSync('missing/nowhere', join(root, 'dangling'));
    const result = walkTree(root, compileGlobs([]));
    expect(paths(result)).toEqual(['l dangling', 'd src', 'f src/a.txt', 'd src/deep', 'f src/deep/b.txt', 'l to-root', 'l to-src']);
    const links = result.entries.filter((e) => e.type === 'symlink');
    expect(links).toEqual([
      { type: 'symlink', path: 'dangling', absPath: join(root, 'dangling'), target: 'missing/nowhere' },
      { type: 'symlink', path: 'to-root', absPath: join(root, 'to-root'), target: '/' },
      { type: 'symlink', path: 'to-src', absPath: join(root, 'to-src'), target: 'src' },
    ]);
  });

  it('selects symlinks by pattern like files', () => {
    const root = makeTree({ 'dist/a.js': 'a' });
    symlinkSync('a.js', join(root, 'dist/latest.js'));
    symlinkSync('/', join(root, 'dist/root'));
    expect(paths(walkTree(root, compileGlobs(['dist/*.js'])))).toEqual(['d dist', 'f dist/a.js', 'l dist/latest.js']);
    // A link to a directory is no directory: `to/` selects what is below a real directory only.
    expect(paths(walkTree(root, compileGlobs(['dist/root/'])))).toEqual([]);
  });

  it('skips FIFOs with a reason, when they are selected', () => {
    const root = makeTree({ 'a.txt': 'a', 'ignored/': '' });
    execFileSync('mkfifo', [join(root, 'pipe'), join(root, 'ignored/pipe')]);
    const result = walkTree(root, compileGlobs(['!ignored']));
    expect(paths(result)).toEqual(['f a.txt']);
    expect(result.skipped).toEqual([
      { path: 'pipe', reason: expect.stringMatching(/^a FIFO; only files, directories and symlinks/), special: { type: 'special', path: 'pipe', what: 'fifo' } },
    ]);
  });

  it('skips names that are not valid UTF-8, naming them with the bad bytes escaped', () => {
    const root = makeTree({ 'ok.txt': 'a' });
    const bad = Buffer.concat([Buffer.from(`${root}/bad`), Buffer.from([0xff, 0xfe])]);
    writeFileSync(bad, 'x');
    // A truncated 4-byte sequence decodes to a single U+FFFD of the same length: a byte count alone would miss it.
    writeFileSync(Buffer.concat([Buffer.from(`${root}/t`), Buffer.from([0xf0, 0x9f, 0x98])]), 'x');
    const result = walkTree(root, compileGlobs([]));
    expect(paths(result)).toEqual(['f ok.txt']);
    expect(result.skipped.map((s) => s.reason)).toEqual(['name is not valid UTF-8', 'name is not valid UTF-8']);
    // Escaped, not decoded lossily: two different bad names must not read alike.
    expect(result.skipped.map((s) => s.path)).toEqual(['bad\\xff\\xfe', 't\\xf0\\x9f\\x98']);
  });

  it('records matched empty directories and ancestors of matched files only', () => {
    const root = makeTree({ 'dist/empty/': '', 'dist/a.js': 'a', 'dist/sub/': '', 'src/a/b.js': 'b', 'src/c/': '', 'other/': '' });
    expect(paths(walkTree(root, compileGlobs(['dist/**'])))).toEqual(['d dist', 'f dist/a.js', 'd dist/empty', 'd dist/sub']);
    expect(paths(walkTree(root, compileGlobs(['dist/*.js'])))).toEqual(['d dist', 'f dist/a.js']);
    expect(paths(walkTree(root, compileGlobs(['src/a/b.js'])))).toEqual(['d src', 'd src/a', 'f src/a/b.js']);
    // `src/c` is visited (it could hold a match) but holds none and is not matched itself.
    expect(paths(walkTree(root, compileGlobs(['src/**/*.js'])))).toEqual(['d src', 'd src/a', 'f src/a/b.js']);
    expect(paths(walkTree(root, compileGlobs(['dist', '!dist/empty'])))).toEqual(['d dist', 'f dist/a.js', 'd dist/sub']);
    expect(paths(walkTree(root, compileGlobs(['nothing/**'])))).toEqual([]);
  });

  it('prunes directories no pattern can reach', () => {
    const root = makeTree({ 'dist/a.js': 'a', 'node_modules/x/y/z.js': 'z', 'src/deep/er/f.ts': 'f' });
    const onlyDist = spy(compileGlobs(['dist/**']));
    expect(paths(walkTree(root, onlyDist.matcher))).toEqual(['d dist', 'f dist/a.js']);
    expect([...onlyDist.asked].filter((p) => p.includes('/') && !p.startsWith('dist/'))).toEqual([]);

    const noModules = spy(compileGlobs(['!node_modules']));
    expect(paths(walkTree(root, noModules.matcher))).toEqual(['d dist', 'f dist/a.js', 'd src', 'd src/deep', 'd src/deep/er', 'f src/deep/er/f.ts']);
    expect([...noModules.asked].filter((p) => p.startsWith('node_modules/'))).toEqual([]);

    const everything = spy(compileGlobs([]));
    walkTree(root, everything.matcher);
    expect(everything.asked.has('node_modules/x/y/z.js')).toBe(true);
  });

  it('rejects a missing root and a root that is a file', () => {
    const root = makeTree({ 'f.txt': 'x' });
    const missing = join(root, 'nope');
    expect(() => walkTree(missing, compileGlobs([]))).toThrow(
      expect.objectContaining({ name: 'OperationError', code: 'E_NOT_FOUND', message: expect.stringContaining(missing) }),
    );
    expect(() => walkTree(join(root, 'f.txt'), compileGlobs([]))).toThrow(
      expect.objectContaining({ name: 'OperationError', code: 'E_USAGE', message: expect.stringContaining('f.txt') }),
    );
  });

  it('walks a root given through a symlink', () => {
    const root = makeTree({ 'real/a.txt': 'a' });
    symlinkSync(join(root, 'real'), join(root, 'alias'));
    expect(paths(walkTree(join(root, 'alias'), compileGlobs([])))).toEqual(['f a.txt']);
  });
});

describe('walkTree with failing filesystem calls', () => {
  let walkMocked: typeof walkTree;
  let locked = '';
  let vanishing = '';

  beforeAll(async () => {
    // Root ignores permission bits, so the errors are injected rather than made with chmod.
    await jest.isolateModulesAsync(async () => {
      jest.unstable_mockModule('node:fs', () => ({
        ...fs,
        readdirSync: (...args: Parameters<typeof fs.readdirSync>) => {
          if (String(args[0]) === locked) {
            throw Object.assign(new Error(`EACCES: permission denied, scandir '${locked}'`), { code: 'EACCES', path: locked });
          }
          return fs.readdirSync(...args);
        },
        lstatSync: (...args: Parameters<typeof fs.lstatSync>) => (String(args[0]) === vanishing ? undefined : fs.lstatSync(...args)),
      }));
      ({ walkTree: walkMocked } = await import('../../src/snapshot/walk.js'));
    });
  });

  it('fails on an unreadable directory, naming it and the fixes', () => {
    const root = makeTree({ 'ok/a.txt': 'a', 'private/key': 'k' });
    locked = join(root, 'private');
    expect(() => walkMocked(root, compileGlobs([]))).toThrow(
      expect.objectContaining({
        name: 'OperationError',
        code: 'E_IO',
        message: expect.stringMatching(new RegExp(`${locked}: permission denied; fix its permissions or exclude it .*"!private"`)),
      }),
    );
    expect(paths(walkMocked(root, compileGlobs(['!private'])))).toEqual(['d ok', 'f ok/a.txt']);
  });

  it('skips an entry that vanished between readdir and lstat', () => {
    const root = makeTree({ 'a.txt': 'a', 'gone.txt': 'g' });
    vanishing = join(root, 'gone.txt');
    const result = walkMocked(root, compileGlobs([]));
    expect(paths(result)).toEqual(['f a.txt']);
    expect(result.skipped).toEqual([{ path: 'gone.txt', reason: 'vanished during the walk' }]);
  });

  it('fails on an unreadable directory for real when not running as root', () => {
    if (process.getuid?.() === 0) return;
    const root = makeTree({ 'private/key': 'k' });
    chmodSync(join(root, 'private'), 0o000);
    try {
      expect(() => walkTree(root, compileGlobs([]))).toThrow(expect.objectContaining({ code: 'E_IO' }));
    } finally {
      chmodSync(join(root, 'private'), 0o755);
    }
  });
});
