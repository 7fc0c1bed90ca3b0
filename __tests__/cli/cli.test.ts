/**
 * End-to-end tests of the `vitsnap` CLI as a real process: help and usage errors, a full
 * create → info → verify → restore → export round trip on a tree built with real tools, globs,
 * metadata, determinism, error reporting, selective and hostile restores.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmod, copyFile, lstat, mkdir, readdir, readFile, readlink, stat, symlink, truncate, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT, parseJsonOutput, runVitsnap, runVitsnapOk, type CliResult } from '../helpers/cli.js';
import { forgeSnapshot } from '../helpers/forge.js';
import {
  buildCProgram,
  buildStaticLibrary,
  defaultCProgramOutput,
  makeTarGz,
  makeTextFile,
  makeZip,
  removeDir,
  runProgram,
  tempDir,
} from '../helpers/toolchain.js';

const execFileAsync = promisify(execFile);

/** The prefix of the temp file create writes before renaming it over the target. */
const TEMP_MARKER = '.vitsnap-tmp-';
const COMMANDS = ['create', 'info', 'verify', 'restore', 'export'] as const;
/** Almost every create here skips toolchain probing: it costs seconds and is tested on its own. */
const NO_META = '--no-metadata';

// ---------------------------------------------------------------------------------------------
// What a directory holds, read with lstat, for comparing a tree with its restored copy.

interface FsNode {
  type: 'file' | 'dir' | 'symlink';
  /** `mode & 0o777` for files and directories. */
  mode?: number;
  size?: number;
  sha256?: string;
  target?: string;
}

async function sha256File(path: string): Promise<string> {
  return createHash('sha256').update(await readFile(path)).digest('hex');
}

/** Every entry below `dir` (not `dir` itself), keyed by POSIX path relative to `dir`. */
async function readTree(dir: string, rel = '', into = new Map<string, FsNode>()): Promise<Map<string, FsNode>> {
  const names = (await readdir(join(dir, rel))).sort();
  for (const name of names) {
    const path = rel === '' ? name : `${rel}/${name}`;
    const abs = join(dir, path);
    const st = await lstat(abs);
    if (st.isSymbolicLink()) {
      into.set(path, { type: 'symlink', target: await readlink(abs) });
    } else if (st.isDirectory()) {
      into.set(path, { type: 'dir', mode: st.mode & 0o777 });
      await readTree(dir, path, into);
    } else if (st.isFile()) {
      into.set(path, { type: 'file', mode: st.mode & 0o777, size: st.size, sha256: await sha256File(abs) });
    } else {
      throw new Error(`unexpected special file ${abs}`);
    }
  }
  return into;
}

function sortedKeys(map: ReadonlyMap<string, unknown>): string[] {
  return [...map.keys()].sort();
}

// ---------------------------------------------------------------------------------------------
// The shapes of the JSON the CLI prints (only the fields these tests read).

interface ExportedEntry {
  type: 'file' | 'dir' | 'symlink';
  path: string;
  mode?: number;
  size?: number;
  sha256?: string;
  target?: string;
}

interface Stats {
  files: number;
  dirs: number;
  symlinks: number;
  bytes: number;
}

interface ExportedManifest {
  createdAt: string | null;
  metadata: unknown;
  entries: ExportedEntry[];
  stats: Stats;
}

interface InfoJson {
  createdAt: string | null;
  stats: Stats;
  metadata: {
    commands: { name: string; command: string; exitCode: number | null; stdout: string }[];
    toolchains: { name: string; command: string; found: boolean; version?: string }[];
    runner: unknown;
  } | null;
}

async function exportManifest(file: string): Promise<ExportedManifest> {
  const manifest = parseJsonOutput(await runVitsnapOk(['export', file, '--json'])) as ExportedManifest;
  expect(Array.isArray(manifest.entries)).toBe(true);
  return manifest;
}

async function infoJson(file: string): Promise<InfoJson> {
  return parseJsonOutput(await runVitsnapOk(['info', file, '--json'])) as InfoJson;
}

async function exportedPaths(file: string): Promise<string[]> {
  return (await exportManifest(file)).entries.map((e) => e.path).sort();
}

/** The one-line error contract: exit 2, one `vitsnap: error E_…` line on stderr, no stack. */
function expectError(result: CliResult, code: string): void {
  const context = `stdout: ${result.stdout}\nstderr: ${result.stderr}`;
  expect({ exit: result.code, context }).toEqual({ exit: 2, context });
  const lines = result.stderr.split('\n');
  expect(lines[lines.length - 1]).toBe(''); // ends with a newline
  expect(lines.slice(0, -1)).toHaveLength(1);
  expect(lines[0]).toMatch(new RegExp(`^vitsnap: error ${code}: \\S`));
  expect(result.stderr).not.toMatch(/^\s+at /m);
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Fixtures

let work = '';
/** The tree built with real tools; never modified after beforeAll. */
let tree = '';
/** A snapshot of all of `tree`, made once. */
let full = '';
/** A tiny tree for tests that only need something to capture. */
let small = '';

async function buildTree(dir: string, staging: string): Promise<void> {
  const bin = join(dir, 'bin');
  await buildCProgram(bin, { name: 'prog' }); // bin/prog (gcc), bin/prog.c
  await writeFile(join(bin, 'run.sh'), '#!/bin/sh\nexec "$(dirname "$0")/prog" "$@"\n');
  await chmod(join(bin, 'run.sh'), 0o755);
  await buildStaticLibrary(join(dir, 'lib')); // lib/libfixture.a, alpha/beta .c and .o

  const pkg = join(staging, 'pkg');
  await mkdir(join(pkg, 'share'), { recursive: true });
  await writeFile(join(pkg, 'README'), 'packaged readme\n');
  await makeTextFile(join(pkg, 'share', 'data.ts'), 30_000, 11);
  await makeTarGz(join(dir, 'dist'), 'app.tar.gz', pkg, { sort: true, mtime: '@0', gzipNoName: true });
  await makeZip(join(dir, 'dist'), 'app.zip', pkg, ['README', 'share/data.ts']);

  await mkdir(join(dir, 'docs', 'guide'), { recursive: true });
  await makeTextFile(join(dir, 'docs', 'readme.txt'), 50_000, 7);
  await writeFile(join(dir, 'docs', 'guide', 'intro.txt'), 'Start with vitsnap create.\n');

  await symlink('bin/prog', join(dir, 'latest'));
  await writeFile(join(dir, 'secret.key'), 'not really a secret\n');
  await chmod(join(dir, 'secret.key'), 0o600);
  await mkdir(join(dir, 'empty'));
  await chmod(join(dir, 'empty'), 0o750);
}

beforeAll(async () => {
  work = await tempDir('vitsnap-cli-');
  tree = join(work, 'tree');
  await buildTree(tree, join(work, 'staging'));
  small = join(work, 'small');
  await mkdir(join(small, 'sub'), { recursive: true });
  await writeFile(join(small, 'a.txt'), 'alpha\n');
  await writeFile(join(small, 'sub', 'b.txt'), 'beta\n');
  full = join(work, 'full.vitsnap');
  await runVitsnapOk(['create', '-C', tree, '-o', full, NO_META]);
}, 120_000);

afterAll(async () => {
  if (work !== '') await removeDir(work);
});

// ---------------------------------------------------------------------------------------------

describe('help, usage and version', () => {
  it('--help, -h and help print the tool usage with every command and exit 0', async () => {
    const results = await Promise.all([['--help'], ['-h'], ['help']].map((args) => runVitsnap(args)));
    for (const r of results) {
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout).toContain('Usage: vitsnap <command>');
      for (const name of COMMANDS) expect(r.stdout).toMatch(new RegExp(`^\\s+${name}\\s+\\S`, 'm'));
    }
  });

  it('the tool usage shows an example command line', async () => {
    const r = await runVitsnap(['--help']);
    expect(r.code).toBe(0);
    // An indented, runnable line such as "  vitsnap create -C build -o app.vitsnap".
    expect(r.stdout).toMatch(/^\s+vitsnap (create|info|verify|restore|export) \S/m);
  });

  it.each(COMMANDS)('%s --help and -h print its usage with an example and exit 0', async (name) => {
    const [long, short] = await Promise.all([runVitsnap([name, '--help']), runVitsnap([name, '-h'])]);
    for (const r of [long, short]) {
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
      expect(r.stdout).toContain(`Usage: vitsnap ${name}`);
      expect(r.stdout).toMatch(/^Examples?:$/m);
      expect(r.stdout).toMatch(new RegExp(`^\\s+vitsnap ${name} \\S`, 'm'));
    }
    expect(short.stdout).toBe(long.stdout);
  });

  it('no arguments prints the usage and exits 2', async () => {
    const r = await runVitsnap([]);
    expect(r.code).toBe(2);
    expect(r.stdout + r.stderr).toContain('Usage: vitsnap <command>');
  });

  it('an unknown command exits 2 with E_USAGE and points at vitsnap --help', async () => {
    const r = await runVitsnap(['snapshot-everything']);
    expectError(r, 'E_USAGE');
    expect(r.stderr).toContain('snapshot-everything');
    expect(r.stderr).toContain('vitsnap --help');
    expect(r.stdout).toBe('');
  });

  it.each(COMMANDS)('an unknown option to %s exits 2 with E_USAGE and a --help hint', async (name) => {
    const r = await runVitsnap([name, '--frobnicate', 'x.vitsnap']);
    expectError(r, 'E_USAGE');
    expect(r.stderr).toContain('--frobnicate');
    expect(r.stderr).toContain(`vitsnap ${name} --help`);
  });

  it('--version and -V print the package.json version', async () => {
    const pkg = JSON.parse(await readFile(join(REPO_ROOT, 'package.json'), 'utf8')) as { version: string };
    const results = await Promise.all([runVitsnap(['--version']), runVitsnap(['-V'])]);
    for (const r of results) {
      expect(r.code).toBe(0);
      expect(r.stdout).toBe(`${pkg.version}\n`);
    }
  });
});

describe('create → info → verify → restore → export on a tree built with real tools', () => {
  let source = new Map<string, FsNode>();

  beforeAll(async () => {
    source = await readTree(tree);
    // The fixture holds what the tests below promise it does.
    expect(source.get('bin/prog')?.type).toBe('file');
    expect(source.get('bin/run.sh')?.mode).toBe(0o755);
    expect(source.get('secret.key')?.mode).toBe(0o600);
    expect(source.get('latest')).toEqual({ type: 'symlink', target: 'bin/prog' });
    expect(source.get('empty')).toEqual({ type: 'dir', mode: 0o750 });
    for (const p of ['lib/libfixture.a', 'dist/app.tar.gz', 'dist/app.zip', 'docs/readme.txt']) expect(source.get(p)?.type).toBe('file');
  });

  const count = (type: FsNode['type']): number => [...source.values()].filter((n) => n.type === type).length;
  const totalBytes = (): number => [...source.values()].reduce((sum, n) => sum + (n.size ?? 0), 0);

  it('info names the file count, and info --json has the right stats', async () => {
    const [text, json] = await Promise.all([runVitsnapOk(['info', full]), infoJson(full)]);
    const n = (type: 'file' | 'dir' | 'symlink'): string => `${count(type)} ${type}${count(type) === 1 ? '' : 's'}`;
    expect(text.stdout).toMatch(new RegExp(`\\b${n('file')}, ${n('dir')}, ${n('symlink')}, `));
    expect(json.stats).toMatchObject({ files: count('file'), dirs: count('dir'), symlinks: count('symlink'), bytes: totalBytes() });
    expect(json.metadata).toBeNull();
    expect(json.createdAt).toBeNull();
  });

  it('verify exits 0 and says ok', async () => {
    const r = await runVitsnap(['verify', full]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ok\b/);
    expect(r.stdout).toContain(`${count('file')} files`);
  });

  it('restore gives identical bytes, modes and symlink targets, and the binary still runs', async () => {
    const target = join(work, 'restored-full');
    const r = await runVitsnapOk(['restore', full, '-C', target]);
    expect(r.stdout).toContain(`restored ${count('file')} files`);
    const restored = await readTree(target);
    expect(sortedKeys(restored)).toEqual(sortedKeys(source));
    for (const [path, node] of source) expect({ path, node: restored.get(path) }).toEqual({ path, node });
    expect((await runProgram(join(target, 'bin', 'prog'), [])).stdout).toBe(defaultCProgramOutput());
    expect((await runProgram(join(target, 'bin', 'run.sh'), [])).stdout).toBe(defaultCProgramOutput());
  });

  it('export --json lists every path, with the sha256 that sha256sum prints for each file', async () => {
    const manifest = await exportManifest(full);
    expect(manifest.entries.map((e) => e.path).sort()).toEqual(sortedKeys(source));
    const files = [...source.entries()].filter(([, n]) => n.type === 'file').map(([p]) => p);
    const { stdout } = await execFileAsync('sha256sum', ['--', ...files], { cwd: tree, encoding: 'utf8' });
    const expected = new Map<string, string>();
    for (const line of stdout.trim().split('\n')) {
      const m = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
      if (m === null) throw new Error(`unexpected sha256sum line ${line}`);
      expected.set(m[2] as string, m[1] as string);
    }
    expect(expected.size).toBe(files.length);
    for (const e of manifest.entries) {
      const node = source.get(e.path);
      expect({ path: e.path, type: e.type }).toEqual({ path: e.path, type: node?.type });
      if (e.type === 'file') {
        expect({ path: e.path, sha256: e.sha256, size: e.size, mode: e.mode }).toEqual({
          path: e.path,
          sha256: expected.get(e.path),
          size: node?.size,
          mode: node?.mode,
        });
      } else if (e.type === 'symlink') {
        expect(e.target).toBe(node?.target);
      }
    }
  });
});

describe('what create captures', () => {
  it('globs, ! excludes and --exclude select exactly the right paths', async () => {
    const out = join(work, 'globs.vitsnap');
    await runVitsnapOk(['create', '-C', tree, 'bin/**', 'dist/**', '!**/*.c', '--exclude', 'dist/*.zip', '-o', out, NO_META]);
    expect(await exportedPaths(out)).toEqual(['bin', 'bin/prog', 'bin/run.sh', 'dist', 'dist/app.tar.gz']);
  });

  it('a directory name takes everything below it, and a --exclude may carry its own !', async () => {
    const out = join(work, 'globs-dir.vitsnap');
    await runVitsnapOk(['create', '-C', tree, 'docs', 'lib/*.a', '--exclude', '!docs/readme.txt', '-o', out, NO_META]);
    expect(await exportedPaths(out)).toEqual(['docs', 'docs/guide', 'docs/guide/intro.txt', 'lib', 'lib/libfixture.a']);
  });

  it('-o inside the root never captures the snapshot itself, even when it already exists', async () => {
    const root = join(work, 'inroot');
    await mkdir(join(root, 'sub'), { recursive: true });
    await writeFile(join(root, 'a.txt'), 'alpha\n');
    await writeFile(join(root, 'sub', 'b.txt'), 'beta\n');
    // Relative -o and the default root '.', as a user in that directory would type it.
    await runVitsnapOk(['create', '-o', 'snap.vitsnap', NO_META], { cwd: root });
    const first = await exportedPaths(join(root, 'snap.vitsnap'));
    expect(first).toEqual(['a.txt', 'sub', 'sub/b.txt']);
    await runVitsnapOk(['create', '-o', 'snap.vitsnap', NO_META], { cwd: root });
    expect(await exportedPaths(join(root, 'snap.vitsnap'))).toEqual(first);
    // Same through -C and an absolute -o.
    await runVitsnapOk(['create', '-C', root, '-o', join(root, 'sub', 'snap.vitsnap'), NO_META]);
    await runVitsnapOk(['create', '-C', root, '-o', join(root, 'sub', 'snap.vitsnap'), NO_META]);
    expect(await exportedPaths(join(root, 'sub', 'snap.vitsnap'))).toEqual(['a.txt', 'snap.vitsnap', 'sub', 'sub/b.txt']);
    expect((await readdir(root)).filter((n) => n.includes(TEMP_MARKER))).toEqual([]);
  });

  it('a partial temp file left in the root by a killed create is not captured by the next one', async () => {
    const root = join(work, 'stale-root');
    await mkdir(root);
    await writeFile(join(root, 'a.txt'), 'alpha\n');
    // What a SIGKILLed `vitsnap create -o snap.vitsnap` leaves next to its target (see atomicity.test.ts).
    const stale = `${TEMP_MARKER}snap.vitsnap-99999-0badf00d`;
    await writeFile(join(root, stale), Buffer.alloc(64 * 1024, 0x5a));
    await runVitsnapOk(['create', '-o', 'snap.vitsnap', NO_META], { cwd: root });
    expect(await exportedPaths(join(root, 'snap.vitsnap'))).toEqual(['a.txt']);
  });
});

describe('metadata and determinism', () => {
  const META_CMD = 'greeting=echo hello';
  let metaA = '';
  let metaB = '';

  beforeAll(async () => {
    // Toolchain probing takes seconds: make the two metadata snapshots once, one after the other.
    metaA = join(work, 'meta-a.vitsnap');
    metaB = join(work, 'meta-b.vitsnap');
    await runVitsnapOk(['create', '-C', small, '-o', metaA, '--meta-cmd', META_CMD], { cwd: small });
    await runVitsnapOk(['create', '-C', small, '-o', metaB, '--meta-cmd', META_CMD], { cwd: small });
  }, 120_000);

  it('--meta-cmd records the command and its output', async () => {
    const info = await infoJson(metaA);
    expect(info.metadata?.commands).toEqual([{ name: 'greeting', command: 'echo hello', exitCode: 0, stdout: 'hello' }]);
    const text = await runVitsnapOk(['info', metaA]);
    expect(text.stdout).toMatch(/^command\s+greeting: hello$/m);
  });

  it('with metadata, two creates of the same tree on the same machine are byte-identical', async () => {
    expect((await readFile(metaA)).equals(await readFile(metaB))).toBe(true);
  });

  it('--meta-cmd without a name= is a usage error and writes nothing', async () => {
    const out = join(work, 'bad-meta.vitsnap');
    const r = await runVitsnap(['create', '-C', small, '-o', out, '--meta-cmd', 'bad']);
    expectError(r, 'E_USAGE');
    expect(r.stderr).toContain('name=command');
    expect(await exists(out)).toBe(false);
  });

  it('--probes records exactly the tools named, run from PATH; none records no toolchain', async () => {
    const bin = join(work, 'probe-bin');
    await mkdir(bin, { recursive: true });
    await writeFile(join(bin, 'buildtool'), '#!/bin/sh\necho "buildtool 7.1"\n');
    await chmod(join(bin, 'buildtool'), 0o755);
    const env = { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}` };
    const named = join(work, 'probes-named.vitsnap');
    await runVitsnapOk(['create', '-C', small, '-o', named, '--probes', 'buildtool,absent-tool-xyz'], { env });
    expect((await infoJson(named)).metadata?.toolchains).toEqual([
      { name: 'absent-tool-xyz', command: 'absent-tool-xyz --version', found: false },
      { name: 'buildtool', command: 'buildtool --version', found: true, path: join(bin, 'buildtool'), realpath: join(bin, 'buildtool'), sha256: expect.stringMatching(/^[0-9a-f]{64}$/), version: 'buildtool 7.1' },
    ]);
    const none = join(work, 'probes-none.vitsnap');
    await runVitsnapOk(['create', '-C', small, '-o', none, '--probes', 'none'], { env });
    const meta = (await infoJson(none)).metadata;
    expect(meta?.toolchains).toEqual([]);
    expect(meta?.runner).toBeDefined();
  });

  it('--probes refuses a path, an empty list, and --no-metadata beside it', async () => {
    for (const args of [['--probes', '/usr/bin/gcc'], ['--probes', ''], ['--probes', 'gcc', NO_META]]) {
      const out = join(work, 'bad-probes.vitsnap');
      const r = await runVitsnap(['create', '-C', small, '-o', out, ...args]);
      expectError(r, 'E_USAGE');
      expect(r.stderr).toContain('--probes');
      expect(await exists(out)).toBe(false);
    }
  });

  it('--no-metadata records null metadata', async () => {
    const out = join(work, 'nometa.vitsnap');
    await runVitsnapOk(['create', '-C', small, '-o', out, NO_META]);
    expect((await infoJson(out)).metadata).toBeNull();
    expect((await runVitsnapOk(['info', out])).stdout).toMatch(/^metadata\s+\(none recorded\)$/m);
  });

  it('with SOURCE_DATE_EPOCH and --no-metadata, two creates are byte-identical and record that time', async () => {
    const env = { ...process.env, SOURCE_DATE_EPOCH: '1700000000' };
    const a = join(work, 'sde-a.vitsnap');
    const b = join(work, 'sde-b.vitsnap');
    await runVitsnapOk(['create', '-C', tree, '-o', a, NO_META], { env });
    await runVitsnapOk(['create', '-C', tree, '-o', b, NO_META], { env });
    expect((await readFile(a)).equals(await readFile(b))).toBe(true);
    expect((await infoJson(a)).createdAt).toBe('2023-11-14T22:13:20.000Z');
    expect((await runVitsnapOk(['info', a])).stdout).toMatch(/^created\s+2023-11-14T22:13:20\.000Z$/m);
  });
});

describe('errors: exit 2 and one line on stderr', () => {
  it('create on a missing root is E_NOT_FOUND', async () => {
    const r = await runVitsnap(['create', '-C', join(work, 'no-such-root'), '-o', join(work, 'x.vitsnap'), NO_META]);
    expectError(r, 'E_NOT_FOUND');
    expect(r.stderr).toContain(join(work, 'no-such-root'));
  });

  it('globs that match nothing fail, suggest checking the globs, and leave no file behind', async () => {
    const dir = join(work, 'nomatch-out');
    await mkdir(dir);
    const out = join(dir, 'none.vitsnap');
    const r = await runVitsnap(['create', '-C', tree, 'nothing/**', '*.nope', '-o', out, NO_META]);
    expectError(r, 'E_NOT_FOUND');
    expect(r.stderr).toMatch(/check the globs/);
    expect(r.stderr).toContain('--allow-empty');
    expect(await readdir(dir)).toEqual([]);
  });

  it('--allow-empty writes an empty snapshot that verifies', async () => {
    const out = join(work, 'empty.vitsnap');
    await runVitsnapOk(['create', '-C', tree, 'nothing/**', '--allow-empty', '-o', out, NO_META]);
    const verify = await runVitsnap(['verify', out]);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(/^ok: 0 files/);
    expect((await infoJson(out)).stats).toMatchObject({ files: 0, dirs: 0, symlinks: 0, bytes: 0 });
    expect((await exportManifest(out)).entries).toEqual([]);
  });

  it('info, verify, export and restore on a missing file are E_NOT_FOUND', async () => {
    const missing = join(work, 'missing.vitsnap');
    const results = await Promise.all([
      runVitsnap(['info', missing]),
      runVitsnap(['verify', missing]),
      runVitsnap(['export', missing]),
      runVitsnap(['restore', missing, '-C', join(work, 'restore-missing')]),
    ]);
    for (const r of results) {
      expectError(r, 'E_NOT_FOUND');
      expect(r.stderr).toContain(missing);
    }
  });

  it('info and verify on a text file are E_BAD_MAGIC', async () => {
    const text = join(tree, 'docs', 'readme.txt');
    const results = await Promise.all([runVitsnap(['info', text]), runVitsnap(['verify', text])]);
    for (const r of results) expectError(r, 'E_BAD_MAGIC');
  });

  it('info and verify on a truncated snapshot are E_TRUNCATED', async () => {
    const cut = join(work, 'truncated.vitsnap');
    await copyFile(full, cut);
    await truncate(cut, Math.floor((await stat(full)).size / 2));
    const results = await Promise.all([runVitsnap(['info', cut]), runVitsnap(['verify', cut])]);
    for (const r of results) expectError(r, 'E_TRUNCATED');
  });

  it('restore without -C is E_USAGE and writes nothing', async () => {
    const dir = join(work, 'restore-no-dir');
    await mkdir(dir);
    const r = await runVitsnap(['restore', full], { cwd: dir });
    expectError(r, 'E_USAGE');
    expect(r.stderr).toContain('-C');
    expect(await readdir(dir)).toEqual([]);
  });

  it('commands that take one file refuse none or two with E_USAGE', async () => {
    const results = await Promise.all([
      runVitsnap(['info']),
      runVitsnap(['verify', full, full]),
      runVitsnap(['export']),
      runVitsnap(['restore', '-C', join(work, 'never')]),
    ]);
    for (const r of results) expectError(r, 'E_USAGE');
    expect(await exists(join(work, 'never'))).toBe(false);
  });
});

describe('restore', () => {
  it("--only 'bin/**' restores only those files and their parent directories", async () => {
    const target = join(work, 'restored-bin');
    await runVitsnapOk(['restore', full, '-C', target, '--only', 'bin/**']);
    const restored = await readTree(target);
    expect(sortedKeys(restored)).toEqual(['bin', 'bin/prog', 'bin/prog.c', 'bin/run.sh']);
    const source = await readTree(tree);
    for (const path of ['bin/prog', 'bin/prog.c', 'bin/run.sh']) expect(restored.get(path)).toEqual(source.get(path));
  });

  it('--only creates the parents of a nested match, and nothing else', async () => {
    const target = join(work, 'restored-guide');
    await runVitsnapOk(['restore', full, '-C', target, '--only', 'docs/guide/*.txt']);
    expect(sortedKeys(await readTree(target))).toEqual(['docs', 'docs/guide', 'docs/guide/intro.txt']);
  });

  it('refuses a forged snapshot that writes through a symlink to a directory outside the target', async () => {
    const outside = await tempDir('vitsnap-outside-');
    try {
      const hostile = join(work, 'hostile.vitsnap');
      forgeSnapshot(hostile, [
        { type: 'symlink', path: 'd', target: outside },
        { type: 'file', path: 'd/x', content: 'written outside the target\n' },
      ]);
      const target = join(work, 'restored-hostile');
      const r = await runVitsnap(['restore', hostile, '-C', target]);
      expectError(r, 'E_UNSAFE_PATH');
      expect(r.stderr).toContain('d/x');
      expect(await readdir(outside)).toEqual([]);
    } finally {
      await removeDir(outside);
    }
  });
});
