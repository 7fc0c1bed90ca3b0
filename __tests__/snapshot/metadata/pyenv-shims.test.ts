import { describe, it, expect, beforeEach, afterEach } from '@jest/globals';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runFile } from '../../../src/snapshot/metadata/commands.js';
import { probeToolchains, type ToolRunner } from '../../../src/snapshot/metadata/toolchains.js';

/**
 * A PYENV_ROOT made per test: shims in pyenv's format whose `pyenv` prints `shim-ran`, and one
 * installed version whose python3 prints `Python 3.99.1`. The record says which of them ran.
 */
let tmp: string;
let root: string;
let project: string;

function write(file: string, text: string, mode: number): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o755 });
  writeFileSync(file, text);
  chmodSync(file, mode);
}

function shim(pyenvRoot: string, extra = ''): string {
  return [
    '#!/usr/bin/env bash',
    'set -e',
    '[ -n "$PYENV_DEBUG" ] && set -x',
    '',
    'program="${0##*/}"',
    '',
    `export PYENV_ROOT="${pyenvRoot}"`,
    'SHIM_PATH=${0%/*}',
    `if [[ $SHIM_PATH != "${pyenvRoot}/shims" ]]; then`,
    '  export _PYENV_SHIM_PATH="$SHIM_PATH"',
    'fi',
    extra,
    `exec "${pyenvRoot}/libexec/pyenv" exec "$program" "$@"`,
    '',
  ].join('\n');
}

beforeEach(() => {
  tmp = mkdtempSync(join(tmpdir(), 'vitsnap-pyenv-'));
  root = join(tmp, 'pyenv');
  write(join(root, 'libexec', 'pyenv'), '#!/bin/sh\necho shim-ran\n', 0o755);
  for (const name of ['python3', 'pip']) write(join(root, 'shims', name), shim(root), 0o755);
  write(join(root, 'versions', '3.99.1', 'bin', 'python3'), '#!/bin/sh\necho "Python 3.99.1"\n', 0o755);
  project = join(tmp, 'project');
  mkdirSync(join(project, 'src', 'deep'), { recursive: true, mode: 0o755 });
});

afterEach(() => {
  rmSync(tmp, { recursive: true, force: true });
});

function envFor(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { PATH: `${root}/shims:/usr/bin:/bin`, PYENV_ROOT: root, HOME: join(tmp, 'home'), ...extra };
}

async function probe(name: string, env: NodeJS.ProcessEnv, cwd = project): Promise<{ probe: Awaited<ReturnType<typeof probeToolchains>>[number]; ran: { file: string; env: NodeJS.ProcessEnv | undefined }[] }> {
  const ran: { file: string; env: NodeJS.ProcessEnv | undefined }[] = [];
  const runner: ToolRunner = (file, args, options) => {
    ran.push({ file, env: options.env });
    return runFile(file, args, options);
  };
  const [result] = await probeToolchains({ names: [name], env, cwd, runner });
  return { probe: result, ran };
}

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

describe('pyenv shims, resolved as pyenv does', () => {
  const real = (): string => join(root, 'versions', '3.99.1', 'bin', 'python3');

  it.each([
    { what: 'PYENV_VERSION', setup: (): NodeJS.ProcessEnv => envFor({ PYENV_VERSION: '3.99.1' }), cwd: (): string => project },
    {
      what: 'a .python-version above the working directory',
      setup: (): NodeJS.ProcessEnv => {
        write(join(project, '.python-version'), '# pinned for CI\n3.99.1\n', 0o644);
        write(join(root, 'version'), 'system\n', 0o644);
        return envFor();
      },
      cwd: (): string => join(project, 'src', 'deep'),
    },
    {
      what: '$PYENV_ROOT/version',
      setup: (): NodeJS.ProcessEnv => {
        write(join(root, 'version'), '3.99.1\n', 0o644);
        return envFor();
      },
      cwd: (): string => project,
    },
  ])('runs the selected version directly, chosen by $what', async ({ setup, cwd }) => {
    const { probe: p, ran } = await probe('python3', setup(), cwd());
    expect(p).toEqual({
      name: 'python3',
      command: 'python3 --version',
      found: true,
      path: join(root, 'shims', 'python3'),
      realpath: realpathSync(real()),
      sha256: sha256(real()),
      version: 'Python 3.99.1',
    });
    expect(ran.map((r) => r.file)).toEqual([real()]);
    // As `pyenv exec` runs it: the version selected and its bin directory first on PATH.
    expect(ran[0]?.env?.PYENV_VERSION).toBe('3.99.1');
    expect(ran[0]?.env?.PATH?.split(':')[0]).toBe(dirname(real()));
  });

  it.each([
    { what: 'PYENV_VERSION is system', name: 'python3', setup: (): void => undefined, extra: { PYENV_VERSION: 'system' } },
    { what: 'PYENV_VERSION names two versions', name: 'python3', setup: (): void => undefined, extra: { PYENV_VERSION: '3.99.1:3.98.0' } },
    { what: 'PYENV_VERSION is a prefix pyenv would resolve', name: 'python3', setup: (): void => undefined, extra: { PYENV_VERSION: '3.99' } },
    { what: 'the version is not installed', name: 'python3', setup: (): void => undefined, extra: { PYENV_VERSION: '3.98.0' } },
    { what: 'the nearest .python-version says system', name: 'python3', setup: (): void => write(join(project, '.python-version'), 'system\n', 0o644), extra: {} },
    { what: 'the nearest .python-version is empty', name: 'python3', setup: (): void => write(join(project, '.python-version'), '\n', 0o644), extra: {} },
    { what: 'no version is set anywhere', name: 'python3', setup: (): void => undefined, extra: {} },
    { what: 'the selected version has no such command', name: 'pip', setup: (): void => undefined, extra: { PYENV_VERSION: '3.99.1' } },
    { what: 'an unknown exec hook is installed', name: 'python3', setup: (): void => write(join(root, 'pyenv.d', 'exec', 'custom.bash'), 'PYENV_COMMAND_PATH=/bin/false\n', 0o644), extra: { PYENV_VERSION: '3.99.1' } },
    { what: 'the shim is not pyenv’s', name: 'python3', setup: (): void => write(join(root, 'shims', 'python3'), shim(root, 'export PYTHONPATH=/elsewhere'), 0o755), extra: { PYENV_VERSION: '3.99.1' } },
    { what: 'PYENV_ROOT is another root', name: 'python3', setup: (): void => undefined, extra: { PYENV_VERSION: '3.99.1', PYENV_ROOT: '/nonexistent/pyenv' } },
  ])('runs the shim as before when $what', async ({ name, setup, extra }) => {
    setup();
    const shimFile = join(root, 'shims', name);
    const { probe: p, ran } = await probe(name, envFor(extra), join(project, 'src'));
    expect(p.path).toBe(shimFile);
    expect(p.realpath).toBe(shimFile);
    expect(p.sha256).toBe(sha256(shimFile));
    expect(p.version).toBe('shim-ran');
    expect(ran.map((r) => r.file)).toEqual([shimFile]);
  });
});

describe('agrees with the pyenv installed here, on the same PYENV_ROOT', () => {
  // Cross-checks the lookup against the real pyenv when there is one; the temp root keeps the
  // machine's own versions out of it.
  const pyenv = spawnSync('/bin/sh', ['-c', 'command -v pyenv'], { encoding: 'utf8' });
  const installed = pyenv.status === 0 ? pyenv.stdout.trim() : null;
  const maybe = installed === null ? it.skip : it;

  maybe.each([
    { what: 'PYENV_VERSION', extra: { PYENV_VERSION: '3.99.1' }, local: null, global: 'system' },
    { what: '.python-version', extra: {}, local: '3.99.1', global: 'system' },
    { what: '$PYENV_ROOT/version', extra: {}, local: null, global: '3.99.1' },
  ])('selects the same python3 as `pyenv which` by $what', async ({ extra, local, global }) => {
    if (local !== null) write(join(project, '.python-version'), `${local}\n`, 0o644);
    write(join(root, 'version'), `${global}\n`, 0o644);
    const cwd = join(project, 'src', 'deep');
    const env = envFor(extra);
    const which = spawnSync(installed ?? 'pyenv', ['which', 'python3'], { cwd, env: { ...env, PATH: `${dirname(installed ?? '')}:${env.PATH ?? ''}` }, encoding: 'utf8' });
    expect(which.status).toBe(0);
    const { probe: p } = await probe('python3', env, cwd);
    expect(p.realpath).toBe(realpathSync(which.stdout.trim()));
  });
});
