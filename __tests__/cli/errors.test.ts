/** Wrong inputs get one clear line, a stable code, exit 2, and no work or files left behind. */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { runVitsnap, runVitsnapOk, vitsnapCommand } from '../helpers/cli.js';

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
