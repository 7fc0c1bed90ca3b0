import { describe, it, expect, afterAll } from '@jest/globals';
import { existsSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMMAND_OUTPUT_CAP, parseMetadataCommand, runMetadataCommands, shellFor } from '../../../src/snapshot/metadata/commands.js';

const tmp = realpathSync(mkdtempSync(join(tmpdir(), 'vitsnap-cmd-')));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const run = (command: string, timeoutMs = 5000, env: NodeJS.ProcessEnv = process.env) =>
  runMetadataCommands([{ name: 'c', command }], { cwd: tmp, timeoutMs, env }).then((r) => r[0]);

function isAlive(pid: number): boolean {
  try {
    // A zombie (dead, not yet reaped by an init that does not reap) counts as dead.
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

describe('parseMetadataCommand', () => {
  it('splits at the first "=" and trims', () => {
    expect(parseMetadataCommand(' openssl = openssl version ')).toEqual({ name: 'openssl', command: 'openssl version' });
    expect(parseMetadataCommand('env.x=echo a=b')).toEqual({ name: 'env.x', command: 'echo a=b' });
  });

  it.each(['no-equals-sign', '=echo hi', 'bad name=echo hi', 'x=', `${'n'.repeat(65)}=echo`, 'a/b=echo'])(
    'rejects %j with E_USAGE showing the expected form',
    (spec) => {
      expect(() => parseMetadataCommand(spec)).toThrow(expect.objectContaining({ code: 'E_USAGE', name: 'OperationError' }));
      expect(() => parseMetadataCommand(spec)).toThrow(/name=command/);
    },
  );
});

describe('runMetadataCommands', () => {
  it('runs shell text in cwd with the given env and trims stdout', async () => {
    const result = await run('printf "  %s\\n\\n" "$(pwd):$MARK:$((1 + 2))" | tr : /', 5000, { PATH: process.env.PATH, MARK: 'm' });
    expect(result).toEqual({ name: 'c', command: expect.any(String), exitCode: 0, stdout: `${tmp}/m/3` });
  });

  it('records a failure with its exit code, stdout and the end of stderr', async () => {
    const result = await run('echo out; echo first >&2; echo "last words" >&2; exit 3');
    expect(result.exitCode).toBe(3);
    expect(result.stdout).toBe('out');
    expect(result.error).toBe('exited with code 3: last words');
  });

  it('kills a command and its children on timeout', async () => {
    const pidFile = join(tmp, 'bg.pid');
    const result = await run(`sleep 30 & echo $! > ${pidFile}; echo before; wait`, 500);
    expect(result).toMatchObject({ exitCode: null, stdout: '', error: 'timed out after 500 ms' });
    const pid = Number(readFileSync(pidFile, 'utf8'));
    for (let i = 0; i < 40 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 50));
    expect(isAlive(pid)).toBe(false);
  });

  it('kills a command and its children when the signal aborts, and starts none after', async () => {
    const pidFile = join(tmp, 'aborted.pid');
    const stop = new AbortController();
    const running = runMetadataCommands([{ name: 'c', command: `sleep 30 & echo $! > ${pidFile}; wait` }], { cwd: tmp, timeoutMs: 60_000, signal: stop.signal });
    for (let i = 0; i < 200 && !existsSync(pidFile); i++) await new Promise((r) => setTimeout(r, 50));
    stop.abort();
    const [result] = await running;
    expect(result).toMatchObject({ exitCode: null, error: 'stopped: the capture failed' });
    const pid = Number(readFileSync(pidFile, 'utf8'));
    for (let i = 0; i < 40 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 50));
    expect(isAlive(pid)).toBe(false);
    const late = await runMetadataCommands([{ name: 'c', command: 'echo never' }], { cwd: tmp, signal: stop.signal });
    expect(late[0]).toMatchObject({ exitCode: null, stdout: '', error: 'stopped: the capture failed' });
  });

  it('caps stdout with a [truncated] marker', async () => {
    const exact = await run(`head -c ${COMMAND_OUTPUT_CAP} /dev/zero | tr '\\0' a`);
    expect(exact.stdout).toBe('a'.repeat(COMMAND_OUTPUT_CAP));
    const over = await run(`head -c ${COMMAND_OUTPUT_CAP + 1} /dev/zero | tr '\\0' a`);
    expect(over.stdout.length).toBeLessThanOrEqual(COMMAND_OUTPUT_CAP);
    expect(over.stdout.endsWith('\n[truncated]')).toBe(true);
    expect(over.stdout.startsWith('aaaa')).toBe(true);
    const huge = await run('head -c 20000000 /dev/zero | tr "\\0" b');
    expect(huge.exitCode).toBe(0);
    expect(huge.stdout.length).toBeLessThanOrEqual(COMMAND_OUTPUT_CAP);
    expect(huge.stdout.endsWith('[truncated]')).toBe(true);
  });

  it('runs commands in parallel and returns them sorted by name', async () => {
    const results = await runMetadataCommands(
      [
        { name: 'zeta', command: 'sleep 0.8; echo z' },
        { name: 'alpha', command: 'sleep 0.8; echo a' },
        { name: 'mid', command: 'sleep 0.8; echo m' },
      ],
      { cwd: tmp, timeoutMs: 5000, env: process.env },
    );
    expect(results.map((r) => [r.name, r.stdout])).toEqual([['alpha', 'a'], ['mid', 'm'], ['zeta', 'z']]);
  });

  it('rejects duplicate names before running anything', async () => {
    const mark = join(tmp, 'ran');
    await expect(
      runMetadataCommands(
        [{ name: 'x', command: `touch ${mark}` }, { name: 'x', command: 'true' }],
        { cwd: tmp, timeoutMs: 5000, env: process.env },
      ),
    ).rejects.toMatchObject({ code: 'E_USAGE' });
    expect(existsSync(mark)).toBe(false);
  });

  it('reports a cwd that does not exist as an error, without throwing', async () => {
    const [result] = await runMetadataCommands([{ name: 'x', command: 'true' }], { cwd: join(tmp, 'missing'), timeoutMs: 5000, env: process.env });
    expect(result.exitCode).toBeNull();
    expect(result.error).toMatch(/ENOENT/);
  });
});

describe('shellFor', () => {
  it('runs metadata commands with /bin/sh on POSIX and with the command interpreter (%ComSpec%) on Windows', () => {
    expect(shellFor('gcc --version', 'linux')).toEqual(['/bin/sh', ['-c', 'gcc --version']]);
    expect(shellFor('gcc --version', 'win32', { ComSpec: 'C:\\Windows\\system32\\cmd.exe' })).toEqual(['C:\\Windows\\system32\\cmd.exe', ['/d', '/s', '/c', 'gcc --version']]);
    expect(shellFor('ver', 'win32', {})[0]).toBe('cmd.exe');
  });
});
