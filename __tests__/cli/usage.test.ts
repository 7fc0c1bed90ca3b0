/**
 * The CLI's paper cuts, as a real process: "did you mean" for typos, --quiet that is quiet,
 * --workers in range, flags that contradict each other refused, the verdict said once, colour by
 * NO_COLOR / FORCE_COLOR, and hostile file names that cannot forge report lines or drive the
 * terminal.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { lstat, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { runVitsnap, runVitsnapOk, vitsnapCommand, type CliResult } from '../helpers/cli.js';
import { removeDir, tempDir } from '../helpers/toolchain.js';

const execFileAsync = promisify(execFile);
const NO_META = '--no-metadata';

/** This environment without colour settings, so each test states its own. */
function plainEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) if (!['FORCE_COLOR', 'NO_COLOR', 'TERM'].includes(k)) env[k] = v;
  return { ...env, TERM: 'xterm', ...extra };
}

function expectUsageError(r: CliResult): void {
  expect({ code: r.code, stdout: r.stdout }).toEqual({ code: 2, stdout: '' });
  expect(r.stderr).toMatch(/^vitsnap: error E_USAGE: /);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
}

let work = '';
let same: [string, string];
let hostile: [string, string];
const NEWLINE_NAME = 'evil\nverdict: identical\n.txt';
const ESC_NAME = 'clear\x1b[2J\x1b]0;pwned\x07.bin';

beforeAll(async () => {
  work = await tempDir('vitsnap-usage-');
  same = [join(work, 'same-a'), join(work, 'same-b')];
  hostile = [join(work, 'hostile-a'), join(work, 'hostile-b')];
  for (const dir of [...same, ...hostile]) await mkdir(dir);
  for (const dir of same) await writeFile(join(dir, 'a.txt'), 'same\n');
  await writeFile(join(hostile[0], NEWLINE_NAME), 'before\n');
  await writeFile(join(hostile[1], NEWLINE_NAME), 'after\n');
  await writeFile(join(hostile[1], ESC_NAME), 'new\n');
});

afterAll(async () => {
  if (work !== '') await removeDir(work);
});

describe('did you mean', () => {
  it.each([
    ['creat', 'create'],
    ['verfiy', 'verify'],
    ['dif', 'diff'],
  ])('an unknown command %s suggests %s', async (typed, meant) => {
    const r = await runVitsnap([typed]);
    expectUsageError(r);
    expect(r.stderr).toContain(`unknown command "${typed}"; did you mean '${meant}'?`);
  });

  it.each([
    ['create', '--wokers', '--workers'],
    ['create', '--outptu', '--output'],
    ['diff', '--jsn', '--json'],
    ['diff', '--max-line', '--max-lines'],
    ['restore', '--onyl', '--only'],
    ['create', '-workers', '--workers'],
  ])('%s: an unknown option %s suggests %s', async (command, typed, meant) => {
    const r = await runVitsnap([command, typed, '1']);
    expectUsageError(r);
    expect(r.stderr).toContain(`unknown option ${typed} for 'vitsnap ${command}'; did you mean '${meant}'?`);
  });

  it('suggests nothing when nothing is close', async () => {
    const r = await runVitsnap(['snapshot-everything']);
    expectUsageError(r);
    expect(r.stderr).not.toContain('did you mean');
  });
});

describe('create', () => {
  it('-q prints nothing on success; --json still prints the result', async () => {
    const out = join(work, 'quiet.vitsnap');
    const quiet = await runVitsnap(['create', '-q', '-C', same[0], '-o', out, NO_META]);
    expect(quiet).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect((await lstat(out)).isFile()).toBe(true);
    const json = await runVitsnap(['create', '-q', '--json', '-C', same[0], '-o', out, NO_META]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ stats: { files: 1 } });
  });

  it('-q still prints warnings: a skipped special file is never silent', async () => {
    const dir = join(work, 'with-fifo');
    await mkdir(dir);
    await writeFile(join(dir, 'a.txt'), 'a\n');
    await execFileAsync('mkfifo', [join(dir, 'pipe')]);
    const r = await runVitsnap(['create', '-q', '-C', dir, '-o', join(work, 'fifo.vitsnap'), NO_META]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^warning: skipped pipe: /);
  });

  it('counts in English: 1 file, 0 dirs', async () => {
    const r = await runVitsnap(['create', '-C', same[0], '-o', join(work, 'one.vitsnap'), NO_META]);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/: 1 file, 0 dirs, 0 symlinks, /);
  });

  it.each(['0', '65', '1.5', 'many'])('--workers %s is refused: 1 to 64, or leave it out', async (n) => {
    const out = join(work, `workers-${n}.vitsnap`);
    const r = await runVitsnap(['create', '--workers', n, '-C', same[0], '-o', out, NO_META]);
    expectUsageError(r);
    expect(r.stderr).toContain(`--workers takes a whole number from 1 to 64 (got ${n})`);
    await expect(lstat(out)).rejects.toThrow();
  });
});

describe('verify, restore and info', () => {
  it('-q prints nothing on success; counts are in English', async () => {
    const snap = join(work, 'one-file.vitsnap');
    await runVitsnapOk(['create', '-q', '-C', same[0], '-o', snap, NO_META]);
    expect(await runVitsnap(['verify', '-q', snap])).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(await runVitsnap(['restore', '-q', snap, '-C', join(work, 'quiet-restore')])).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect((await runVitsnapOk(['verify', snap])).stdout).toMatch(/^ok: 1 file \(.*\), 1 chunk in 1 block verified$/m);
    expect((await runVitsnapOk(['restore', snap, '-C', join(work, 'loud-restore')])).stdout).toMatch(/^restored 1 file \(.*\), 0 dirs, 0 symlinks into /m);
    expect((await runVitsnapOk(['info', snap])).stdout).toMatch(/^contents\s+1 file, 0 dirs, 0 symlinks, /m);
  });
});

describe('diff', () => {
  it('refuses --json with --markdown instead of picking one', async () => {
    const r = await runVitsnap(['diff', '--json', '--markdown', ...same]);
    expectUsageError(r);
    expect(r.stderr).toContain('--json and --markdown cannot be combined');
  });

  it('-q says the verdict once', async () => {
    const identical = await runVitsnap(['diff', '-q', ...same]);
    expect(identical).toMatchObject({ code: 0, stdout: 'verdict: identical\n' });
    const drift = await runVitsnap(['diff', '-q', ...hostile]);
    expect(drift).toMatchObject({ code: 1, stdout: 'verdict: drift-unexplained — 1 modified, 1 added\n' });
  });

  it('shows hostile file names escaped: no forged verdict line, no ESC byte', async () => {
    const r = await runVitsnap(['diff', ...hostile], { env: plainEnv() });
    expect(r.code).toBe(1);
    expect(r.stdout).not.toContain('\x1b');
    expect(r.stdout).not.toContain('\x07');
    const lines = r.stdout.split('\n');
    expect(lines.filter((l) => /^\s*verdict:/.test(l))).toEqual(['verdict: drift-unexplained — 1 modified, 1 added']);
    expect(lines).toContainEqual(expect.stringMatching(/^M evil\\nverdict: identical\\n\.txt {2}/));
    expect(lines).toContainEqual(expect.stringMatching(/^A clear\\x1b\[2J\\x1b\]0;pwned\\x07\.bin {2}/));
    // The JSON report stays exact.
    const json = JSON.parse((await runVitsnap(['diff', '--json', ...hostile])).stdout) as { differences: { path: string }[] };
    expect(json.differences.map((d) => d.path).sort()).toEqual([ESC_NAME, NEWLINE_NAME].sort());
  });

  it('colours the text report when FORCE_COLOR asks, even into a pipe', async () => {
    const forced = await runVitsnap(['diff', ...hostile], { env: plainEnv({ FORCE_COLOR: '1' }) });
    expect(forced.stdout).toMatch(/\x1b\[1;31mdrift-unexplained\x1b\[0m/);
    expect(forced.stdout.replace(/\x1b\[[0-9;]*m/g, '')).not.toContain('\x1b');
    const piped = await runVitsnap(['diff', ...hostile], { env: plainEnv() });
    expect(piped.stdout).not.toContain('\x1b[');
  });

  it('honours NO_COLOR on a terminal', async () => {
    // script(1) gives the CLI a pseudo-terminal for stdout.
    const onTty = async (env: NodeJS.ProcessEnv): Promise<string> => {
      const cmd = vitsnapCommand(['diff', ...hostile]);
      const line = [cmd.file, ...cmd.args].map((a) => `'${a.replace(/'/g, "'\\''")}'`).join(' ');
      const { stdout } = await execFileAsync('script', ['-qec', line, '/dev/null'], { env, encoding: 'utf8' }).catch((error: { stdout: string }) => error);
      return stdout;
    };
    const coloured = await onTty(plainEnv());
    expect(coloured).toMatch(/\x1b\[1;31mdrift-unexplained\x1b\[0m/);
    const plain = await onTty(plainEnv({ NO_COLOR: '1' }));
    expect(plain).toContain('verdict: drift-unexplained');
    expect(plain).not.toMatch(/\x1b\[[0-9;]*m/);
  });
});

describe('info', () => {
  it('shows hostile metadata (command output, environment) escaped; --json stays exact', async () => {
    const out = join(work, 'hostile-meta.vitsnap');
    const env = plainEnv({ CFLAGS: '-O2\x1b[2J\u202e' });
    await runVitsnapOk(['create', '-C', same[0], '-o', out, '--meta-cmd', "evil=printf 'ok\\033]0;pwned\\007\\033[2J'"], { env });
    const text = await runVitsnapOk(['info', out], { env });
    expect(text.stdout).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f\u202e]/);
    expect(text.stdout).toMatch(/^command\s+evil: ok\\x1b\]0;pwned\\x07\\x1b\[2J$/m);
    expect(text.stdout).toContain('CFLAGS=-O2\\x1b[2J\\u202e');
    const json = JSON.parse((await runVitsnapOk(['info', '--json', out], { env })).stdout) as { metadata: { env: Record<string, string>; commands: { stdout: string }[] } };
    expect(json.metadata.env.CFLAGS).toBe('-O2\x1b[2J\u202e');
    expect(json.metadata.commands[0]?.stdout).toBe('ok\x1b]0;pwned\x07\x1b[2J');
  }, 120_000);
});
