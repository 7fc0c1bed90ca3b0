/** Wrong inputs get one clear line, a stable code, exit 2, and no work or files left behind. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describeError } from '../../src/cli.js';
import { runVitsnap, runVitsnapOk, vitsnapCommand } from '../helpers/cli.js';
import { forgeSnapshot } from '../helpers/forge.js';

const execFileAsync = promisify(execFile);

let dir: string;
let tree: string;
let snapshot: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vitsnap-cli-errors-'));
  tree = join(dir, 'tree');
  await mkdir(join(tree, 'bin'), { recursive: true });
  await writeFile(join(tree, 'bin/app'), 'app');
  snapshot = join(dir, 'tree.vitsnap');
  await runVitsnapOk(['create', '-C', tree, '-o', snapshot, '--no-metadata']);
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

function expectOneLineError(r: { code: number | null; stderr: string }, code: string): void {
  expect(r.code).toBe(2);
  const lines = r.stderr.trim().split('\n');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(new RegExp(`^vitsnap: error ${code}: `));
}

describe('bad inputs', () => {
  it('-o naming a directory fails before capturing, and says what to pass instead', async () => {
    const r = await runVitsnap(['create', '-C', tree, '-o', dir, '--no-metadata']);
    expectOneLineError(r, 'E_USAGE');
    expect(r.stderr).toContain('is a directory');
    expect(r.stderr).not.toContain('.vitsnap-tmp-');
  });

  it('-o into a missing directory names that directory, not a temp file', async () => {
    const r = await runVitsnap(['create', '-C', tree, '-o', join(dir, 'nodir', 'x.vitsnap'), '--no-metadata']);
    expectOneLineError(r, 'E_NOT_FOUND');
    expect(r.stderr).toContain(`directory ${join(dir, 'nodir')} does not exist`);
    expect(r.stderr).not.toContain('.vitsnap-tmp-');
  });

  it('a SOURCE_DATE_EPOCH that is not a time is E_INPUT, not a crash', async () => {
    for (const value of ['yesterday', '999999999999999', '-5']) {
      const out = join(dir, 'epoch.vitsnap');
      const r = await runVitsnap(['create', '-C', tree, '-o', out, '--no-metadata'], { env: { ...process.env, SOURCE_DATE_EPOCH: value } });
      expectOneLineError(r, 'E_INPUT');
      expect(existsSync(out)).toBe(false);
    }
  });

  it('--no-metadata with --meta-cmd or --env-allowlist is refused instead of silently dropping them', async () => {
    for (const extra of [['--meta-cmd', 'a=echo a'], ['--env-allowlist', 'FOO']]) {
      const r = await runVitsnap(['create', '-C', tree, '-o', join(dir, 'c.vitsnap'), '--no-metadata', ...extra]);
      expectOneLineError(r, 'E_USAGE');
      expect(r.stderr).toContain('--no-metadata cannot be combined');
    }
  });

  it('restore --only that matches nothing is an error, and writes nothing', async () => {
    const target = join(dir, 'only-none');
    const r = await runVitsnap(['restore', snapshot, '-C', target, '--only', 'nomatch/**']);
    expectOneLineError(r, 'E_NOT_FOUND');
    expect(existsSync(target) ? await readdir(target) : []).toEqual([]);
  });

  it('a short text file is E_BAD_MAGIC, not "truncated"', async () => {
    const small = join(dir, 'small.txt');
    await writeFile(small, 'hello\n');
    expectOneLineError(await runVitsnap(['info', small]), 'E_BAD_MAGIC');
  });

  it('an unknown option is named plainly, with the command to get help', async () => {
    const r = await runVitsnap(['verify', snapshot, '--bogus']);
    expectOneLineError(r, 'E_USAGE');
    expect(r.stderr.trim()).toBe("vitsnap: error E_USAGE: unknown option --bogus for 'vitsnap verify'; run 'vitsnap verify --help'");
  });

  it('a reader that closes the pipe early is not an error', async () => {
    // Far more output than a pipe buffers, so the writer really meets the closed pipe.
    const many = join(dir, 'many');
    await mkdir(many);
    await Promise.all(Array.from({ length: 3000 }, (_, i) => writeFile(join(many, `file-${i}.txt`), `${i}`)));
    const big = join(dir, 'many.vitsnap');
    await runVitsnapOk(['create', '-C', many, '-o', big, '--no-metadata']);
    const { file, args } = vitsnapCommand(['export', big, '--json']);
    const quoted = [file, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
    // `head -c 1` exits at once; export then writes into a closed pipe.
    const { stderr } = await execFileAsync('sh', ['-c', `${quoted} | head -c 1 >/dev/null; echo "status \${PIPESTATUS:-done}" >&2`]);
    expect(stderr).not.toContain('EPIPE');
    expect(stderr).not.toContain('Unhandled');
  });
});

describe('special files as the snapshot argument', () => {
  // runVitsnap kills the child after the timeout and fails the test: a blocking open() cannot hang the suite.
  const NO_HANG = { timeoutMs: 30_000 };

  it.each(['info', 'verify', 'export', 'restore'])('%s of a FIFO is E_INPUT at once, not a hang in open()', async (command) => {
    const fifo = join(dir, `fifo-${command}`);
    await execFileAsync('mkfifo', [fifo]);
    const target = join(dir, `fifo-target-${command}`);
    const args = command === 'restore' ? ['restore', fifo, '-C', target] : [command, fifo];
    const r = await runVitsnap(args, NO_HANG);
    expectOneLineError(r, 'E_INPUT');
    expect(r.stderr).toContain(`${fifo} is not a regular file; pass a .vitsnap file`);
    expect(existsSync(target)).toBe(false);
  });

  it.each([
    ['a directory', () => dir],
    ['a character device', () => '/dev/null'],
  ])('%s is E_INPUT too', async (_what, path) => {
    const r = await runVitsnap(['verify', path()], NO_HANG);
    expectOneLineError(r, 'E_INPUT');
    expect(r.stderr).toContain(`${path()} is not a regular file`);
  });
});

describe('system errors are coded, with the path and what to do; a stack only with VITSNAP_DEBUG=1', () => {
  it.each(['--html', '--output'])('diff %s into a missing directory is E_NOT_FOUND naming the path, one line', async (option) => {
    const r = await runVitsnap(['diff', tree, tree, option, join(dir, 'nope', 'report')]);
    expectOneLineError(r, 'E_NOT_FOUND');
    expect(r.stderr).toContain(join(dir, 'nope'));
  });

  it('a file larger than `ulimit -f` allows is E_IO "file too large" naming the entry, and the restore is undone', async () => {
    const big = join(dir, 'efbig.vitsnap');
    forgeSnapshot(big, [
      { path: 'a.txt', type: 'file', content: 'written first, removed again\n' },
      { path: 'big.bin', type: 'file', content: Buffer.alloc(256 * 1024, 0x42) },
    ]);
    const target = join(dir, 'efbig-target');
    const { file, args } = vitsnapCommand(['restore', big, '-C', target]);
    const quoted = [file, ...args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
    // 64 blocks of 1 KiB. Node ignores SIGXFSZ itself (so write() returns EFBIG); the trap says so for any shell.
    const r = await execFileAsync('bash', ['-c', `trap '' XFSZ; ulimit -f 64; ${quoted}; echo "exit=$?" >&2`], { env: { ...process.env, NODE_COMPILE_CACHE: '' } }).catch(
      (error: { stdout: string; stderr: string }) => error,
    );
    expect(r.stderr).toMatch(/^vitsnap: error E_IO: cannot restore file big\.bin in .*: file too large; raise the file-size limit \(ulimit -f\)/);
    expect(r.stderr).toContain('exit=2');
    expect(r.stderr.trim().split('\n')).toHaveLength(2);
    expect(existsSync(target)).toBe(false);
  });

  it('an unexpected error is one line that says how to get the stack; VITSNAP_DEBUG=1 prints it', () => {
    const bug = new TypeError('cannot read properties of undefined');
    const plain = describeError(bug, 'diff', false);
    expect(plain.trim().split('\n')).toHaveLength(1);
    expect(plain).toMatch(/^vitsnap: error E_INTERNAL: cannot read properties of undefined; this is a bug in vitsnap: rerun with VITSNAP_DEBUG=1 for the stack trace and report it/);
    const debug = describeError(bug, 'diff', true);
    expect(debug).toContain(bug.stack as string);
    expect(debug).toContain('report it');
  });

  it('a message naming a hostile path stays one inert line', () => {
    const raw = Object.assign(new Error('EACCES'), { code: 'EACCES', syscall: 'open', path: '/x/a\nvitsnap: ok\x1b[2J' });
    const line = describeError(raw, 'restore', false);
    expect(line.trim().split('\n')).toHaveLength(1);
    expect(line).toContain('/x/a\\nvitsnap: ok\\x1b[2J');
  });

  it.each([
    ['ENOENT', 'E_NOT_FOUND', 'no such file or directory'],
    ['ENAMETOOLONG', 'E_IO', 'file name too long'],
    ['EFBIG', 'E_IO', 'file too large'],
    ['ENOSPC', 'E_IO', 'no space left on device'],
    ['EDQUOT', 'E_IO', 'disk quota exceeded'],
    ['EEXIST', 'E_IO', 'already exists'],
    ['EISDIR', 'E_IO', 'is a directory'],
    ['ENOTDIR', 'E_IO', 'not a directory'],
    ['EROFS', 'E_IO', 'read-only file system'],
    ['EMFILE', 'E_IO', 'too many open files'],
    ['ELOOP', 'E_IO', 'symbolic links'],
    ['EACCES', 'E_IO', 'permission denied'],
    ['EWHATEVER', 'E_IO', 'system error EWHATEVER in open'],
  ])('a raw %s that reaches the CLI is %s with the path, without a stack', (errno, code, what) => {
    const raw = Object.assign(new Error(`${errno}: whatever, open '/x/y'`), { code: errno, syscall: 'open', path: '/x/y' });
    const line = describeError(raw, 'diff', false);
    expect(line).toMatch(new RegExp(`^vitsnap: error ${code}: diff could not open /x/y: .*${what}.*; \\w`));
    expect(line.trim().split('\n')).toHaveLength(1);
  });
});
