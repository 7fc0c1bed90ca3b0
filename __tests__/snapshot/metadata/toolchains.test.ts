import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { createHash } from 'node:crypto';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { DEFAULT_PROBES, PROBE_CONCURRENCY, findExecutable, formatVersion, ownBinDirectory, probeToolchains } from '../../../src/snapshot/metadata/toolchains.js';
import { REPO_ROOT } from '../../helpers/cli.js';

let tmp: string;
let bin: string;

function tool(dir: string, name: string, body: string, mode = 0o755): string {
  const file = join(dir, name);
  writeFileSync(file, `#!/bin/sh\n${body}\n`);
  chmodSync(file, mode);
  return file;
}

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'vitsnap-probe-'));
  bin = join(tmp, 'bin');
  mkdirSync(bin);
  tool(bin, 'oktool', 'echo "oktool 1.2.3"; echo line2; echo line3; echo line4');
  tool(bin, 'errtool', 'echo "errtool version 9" >&2');
  tool(bin, 'longtool', `printf '%s\\n' "$(printf 'x%.0s' $(seq 1 500))"`);
  tool(bin, 'colortool', "printf '\\033[1mBold 1.0\\033[m\\r\\n'");
  tool(bin, 'failtool', 'echo "failtool: broken install" >&2; exit 3');
  tool(bin, 'slowtool', 'echo partial; exec sleep 30');
  tool(bin, 'stdintool', 'cat >/dev/null; echo "stdin closed"');
  tool(bin, 'envtool', 'echo "mark=$PROBE_MARK"');
  tool(bin, 'noexec', 'echo never', 0o644);
  tool(bin, 'go', 'echo "args: $*"');
  tool(bin, 'java', 'echo "args: $*" >&2');
  mkdirSync(join(bin, 'dirtool'));
  mkdirSync(join(tmp, 'real'));
  tool(join(tmp, 'real'), 'realtool', 'echo "realtool 4.5"');
  symlinkSync(join(tmp, 'real', 'realtool'), join(bin, 'linktool'));
  // A second directory later on PATH: only the first match may be used.
  mkdirSync(join(tmp, 'later'));
  tool(join(tmp, 'later'), 'oktool', 'echo "shadowed 0.0"');
});

afterAll(() => {
  rmSync(tmp, { recursive: true, force: true });
});

function fakeEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  return { PATH: `${bin}:${join(tmp, 'later')}:/usr/bin:/bin`, ...extra };
}

describe('probeToolchains on real tools', () => {
  // Resolved by the shell itself, so the test does not share the code under test; without
  // vitsnap's own node_modules/.bin, which npm scripts put first on PATH and probes leave out.
  const ownBin = join(REPO_ROOT, 'node_modules', '.bin');
  const projectPath = (process.env.PATH ?? '').split(':').filter((d) => d.replace(/\/+$/, '') !== ownBin).join(':');
  const onPath = (name: string): string | null => {
    const r = spawnSync('/bin/sh', ['-c', `command -v ${name}`], { encoding: 'utf8', env: { ...process.env, PATH: projectPath } });
    return r.status === 0 ? r.stdout.trim() : null;
  };

  it("leaves out vitsnap's own node_modules/.bin (its pinned node is not the project's), and only that", async () => {
    expect(ownBinDirectory()).toBe(ownBin);
    const env = { ...process.env, PATH: `${ownBin}:${projectPath}` };
    const [probe] = await probeToolchains({ names: ['node'], env });
    expect(probe.path).toBe(onPath('node') ?? undefined);
    expect(probe.path?.startsWith(`${ownBin}/`)).toBe(false);
    const [unfiltered] = await probeToolchains({ names: ['node'], env, excludeDirs: [] });
    expect(unfiltered.path).toBe(join(ownBin, 'node'));
    // A project's own node_modules/.bin is its toolchain and stays.
    const [project] = await probeToolchains({ names: ['oktool'], env: { PATH: `${bin}:${projectPath}` } });
    expect(project.path).toBe(join(bin, 'oktool'));
  });

  it('reports node exactly: path, realpath, sha256sum, version', async () => {
    const [probe] = await probeToolchains({ names: ['node'] });
    const expectedPath = onPath('node');
    expect(expectedPath).not.toBeNull();
    expect(probe.found).toBe(true);
    expect(probe.command).toBe('node --version');
    expect(probe.path).toBe(expectedPath);
    expect(probe.realpath).toBe(realpathSync(expectedPath ?? ''));
    const sum = execFileSync('sha256sum', [probe.realpath ?? '']).toString().split(' ')[0];
    expect(probe.sha256).toBe(sum);
    const own = execFileSync(expectedPath ?? '', ['--version']).toString().trim();
    expect(probe.version).toBe(own);
    expect(probe.error).toBeUndefined();
  });

  it.each(['gcc', 'python3', 'javac', 'java'])('reports %s as the shell sees it', async (name) => {
    const [probe] = await probeToolchains({ names: [name], timeoutMs: 10_000 });
    const expectedPath = onPath(name);
    if (expectedPath === null) {
      expect(probe).toEqual({ name, command: `${name} ${name.startsWith('java') ? '-version' : '--version'}`, found: false });
      return;
    }
    expect(probe.found).toBe(true);
    expect(probe.path).toBe(expectedPath);
    // A pyenv shim is recorded as the interpreter pyenv selects, which `pyenv which` names.
    const selected = /\/shims\/[^/]+$/.test(expectedPath) ? spawnSync('pyenv', ['which', name], { encoding: 'utf8', env: { ...process.env, PATH: projectPath } }) : null;
    if (selected !== null) expect(selected.status).toBe(0);
    const real = realpathSync(selected === null ? expectedPath : selected.stdout.trim());
    expect(probe.realpath).toBe(real);
    expect(probe.sha256).toBe(execFileSync('sha256sum', [real]).toString().split(' ')[0]);
    const args = name.startsWith('java') ? ['-version'] : ['--version'];
    const own = spawnSync(expectedPath, args, { encoding: 'utf8' });
    const firstLine = (own.stdout.trim() || own.stderr.trim()).split('\n')[0].trim();
    expect(firstLine).not.toBe('');
    expect(probe.version?.split('\n')[0]).toBe(firstLine);
    expect(probe.error).toBeUndefined();
  });

  it('probes the default list, sorted, each with its own version command', async () => {
    const probes = await probeToolchains({ timeoutMs: 10_000 });
    expect(probes.map((p) => p.name)).toEqual([...DEFAULT_PROBES].sort());
    const byName = new Map(probes.map((p) => [p.name, p]));
    expect(byName.get('java')?.command).toBe('java -version');
    expect(byName.get('javac')?.command).toBe('javac -version');
    expect(byName.get('go')?.command).toBe('go version');
    expect(byName.get('zig')?.command).toBe('zig version');
    expect(byName.get('dotnet')?.command).toBe('dotnet --version');
    expect(byName.get('gcc')?.command).toBe('gcc --version');
    expect(byName.get('node')?.version).toBe(execFileSync(onPath('node') ?? 'node', ['--version']).toString().trim());
    for (const p of probes) {
      expect(p.found).toBe(onPath(p.name) !== null);
      if (!p.found) expect(Object.keys(p).sort()).toEqual(['command', 'found', 'name']);
    }
  });
});

describe('probeToolchains on tools written by the test', () => {
  it('takes the first match on PATH, hashes it and keeps the first 3 lines', async () => {
    const [probe] = await probeToolchains({ names: ['oktool'], env: fakeEnv() });
    const file = join(bin, 'oktool');
    expect(probe).toEqual({
      name: 'oktool',
      command: 'oktool --version',
      found: true,
      path: file,
      realpath: file,
      sha256: sha256(file),
      version: 'oktool 1.2.3\nline2\nline3',
    });
  });

  it('uses stderr when stdout is empty, caps long lines and strips terminal escapes', async () => {
    const probes = await probeToolchains({ names: ['errtool', 'longtool', 'colortool'], env: fakeEnv() });
    const [colortool, errtool, longtool] = probes;
    expect(errtool.version).toBe('errtool version 9');
    expect(longtool.version).toBe('x'.repeat(200));
    expect(colortool.version).toBe('Bold 1.0');
  });

  it('runs go and java with their own version arguments', async () => {
    const [go, java] = await probeToolchains({ names: ['java', 'go'], env: fakeEnv() });
    expect(go.version).toBe('args: version');
    expect(java.version).toBe('args: -version');
  });

  it('resolves a symlink to its target and hashes the target', async () => {
    const [probe] = await probeToolchains({ names: ['linktool'], env: fakeEnv() });
    const target = join(tmp, 'real', 'realtool');
    expect(probe.path).toBe(join(bin, 'linktool'));
    expect(probe.realpath).toBe(target);
    expect(probe.sha256).toBe(sha256(target));
    expect(probe.version).toBe('realtool 4.5');
  });

  it('reports a non-zero exit as an error with the tool output', async () => {
    const [probe] = await probeToolchains({ names: ['failtool'], env: fakeEnv() });
    expect(probe.found).toBe(true);
    expect(probe.sha256).toBe(sha256(join(bin, 'failtool')));
    expect(probe.error).toBe('exited with code 3: failtool: broken install');
    expect(probe.version).toBeUndefined();
  });

  it('runs at most PROBE_CONCURRENCY tools at once, so a loaded runner does not starve them into timeouts', async () => {
    // Each tool takes a slot (mkdir is atomic), records how many slots are taken, then frees its slot.
    const slots = join(tmp, 'slots');
    mkdirSync(slots);
    const names = Array.from({ length: PROBE_CONCURRENCY * 3 }, (_, i) => `busytool${i}`);
    for (const name of names) {
      tool(bin, name, `mkdir ${slots}/$$; ls ${slots} | wc -l > ${slots}.${name}; sleep 0.2; rmdir ${slots}/$$; echo ${name} 1.0`);
    }
    const probes = await probeToolchains({ names, env: fakeEnv() });
    expect(probes.map((p) => p.version)).toEqual([...names].sort().map((n) => `${n} 1.0`));
    const peak = Math.max(...names.map((n) => Number(readFileSync(`${slots}.${n}`, 'utf8').trim())));
    expect(peak).toBeGreaterThanOrEqual(1);
    expect(peak).toBeLessThanOrEqual(PROBE_CONCURRENCY);
  });

  it('kills a tool that hangs and records the timeout', async () => {
    const [probe] = await probeToolchains({ names: ['slowtool'], env: fakeEnv(), timeoutMs: 400 });
    expect(probe.found).toBe(true);
    expect(probe.error).toMatch(/^timed out after 400 ms/);
    expect(probe.version).toBeUndefined();
  });

  it('gives the tool a closed stdin and the env it was given', async () => {
    const [envtool, stdintool] = await probeToolchains({
      names: ['stdintool', 'envtool'],
      env: fakeEnv({ PROBE_MARK: 'given' }),
      timeoutMs: 5000,
    });
    expect(stdintool.version).toBe('stdin closed');
    expect(envtool.version).toBe('mark=given');
  });

  it('runs probes in parallel', async () => {
    const dir = mkdtempSync(join(tmp, 'par-'));
    const names = ['p1', 'p2', 'p3', 'p4'];
    for (const name of names) tool(dir, name, `sleep 0.8; echo ${name}`);
    const probes = await probeToolchains({ names, env: { PATH: `${dir}:/usr/bin:/bin` } });
    expect(probes.map((p) => p.version)).toEqual(names);
  });

  it('starts the slow probes first: pip runs in the first wave even when its name sorts last', async () => {
    const dir = mkdtempSync(join(tmp, 'order-'));
    const log = join(dir, 'started');
    // One more quick tool than there are lanes, so the last name sorted would wait for a lane.
    const quick = Array.from({ length: PROBE_CONCURRENCY + 1 }, (_, i) => `a${String(i).padStart(3, '0')}`);
    for (const name of [...quick, 'pip']) tool(dir, name, `echo ${name} >> ${log}; sleep 1; echo ${name}`);
    const probes = await probeToolchains({ names: [...quick, 'pip'], env: { PATH: `${dir}:/usr/bin:/bin` } });
    expect(probes.map((p) => p.name)).toEqual([...quick, 'pip']);
    const started = readFileSync(log, 'utf8').trim().split('\n');
    // Some quick tool waited for a lane (a second wave, a second later); pip never did.
    expect(started.indexOf('pip')).toBeLessThan(PROBE_CONCURRENCY);
    expect(started.slice(PROBE_CONCURRENCY).every((name) => name.startsWith('a'))).toBe(true);
  });

  it('stops when the signal aborts: the running probe is killed, the rest never start', async () => {
    const dir = mkdtempSync(join(tmp, 'abort-'));
    const log = join(dir, 'started');
    const names = Array.from({ length: PROBE_CONCURRENCY + 2 }, (_, i) => `s${i}`);
    for (const name of names) tool(dir, name, `echo ${name} >> ${log}; exec sleep 30`);
    const stop = new AbortController();
    const running = probeToolchains({ names, env: { PATH: `${dir}:/usr/bin:/bin` }, signal: stop.signal });
    for (let i = 0; i < 200 && (!existsSync(log) || readFileSync(log, 'utf8').trim().split('\n').length < PROBE_CONCURRENCY); i++) await new Promise((r) => setTimeout(r, 50));
    stop.abort();
    const probes = await running;
    expect(probes.filter((p) => p !== undefined).every((p) => p.error === 'stopped: the capture failed')).toBe(true);
    expect(readFileSync(log, 'utf8').trim().split('\n')).toHaveLength(PROBE_CONCURRENCY);
  });

  it('reports absent, non-executable and directory names as not found', async () => {
    const probes = await probeToolchains({ names: ['dirtool', 'noexec', 'absent-tool'], env: fakeEnv() });
    expect(probes).toEqual([
      { name: 'absent-tool', command: 'absent-tool --version', found: false },
      { name: 'dirtool', command: 'dirtool --version', found: false },
      { name: 'noexec', command: 'noexec --version', found: false },
    ]);
  });

  it('spawns nothing for a tool that is not found', async () => {
    // Anything a lookup might spawn on this PATH leaves a mark.
    const dir = mkdtempSync(join(tmp, 'spy-'));
    const mark = join(dir, 'spawned');
    for (const name of ['which', 'sh', 'command', 'type', 'whereis']) tool(dir, name, `echo ${name} >> ${mark}`);
    const probes = await probeToolchains({ names: ['absent-a', 'absent-b'], env: { PATH: dir } });
    expect(probes.every((p) => !p.found)).toBe(true);
    expect(existsSync(mark)).toBe(false);
  });

  it('sorts and de-duplicates names, and rejects paths as names', async () => {
    const probes = await probeToolchains({ names: ['oktool', 'errtool', 'oktool'], env: fakeEnv() });
    expect(probes.map((p) => p.name)).toEqual(['errtool', 'oktool']);
    await expect(probeToolchains({ names: ['../bin/oktool'], env: fakeEnv() })).rejects.toMatchObject({ code: 'E_USAGE' });
  });
});

describe('findExecutable', () => {
  it('skips empty and relative PATH entries', () => {
    const relativeLater = relative(process.cwd(), join(tmp, 'later'));
    expect(findExecutable('oktool', `${join(tmp, 'later')}:${bin}`)).toBe(join(tmp, 'later', 'oktool'));
    expect(findExecutable('oktool', `::${relativeLater}:${bin}`)).toBe(join(bin, 'oktool'));
    expect(findExecutable('oktool', '')).toBeNull();
    expect(findExecutable('oktool', undefined)).toBeNull();
  });

  it('on Windows splits PATH at ; and finds gcc as gcc.EXE through PATHEXT, without an execute bit', () => {
    const win = join(tmp, 'win-bin');
    mkdirSync(win, { recursive: true });
    writeFileSync(join(win, 'gcc.EXE'), 'MZ', { mode: 0o644 });
    expect(findExecutable('gcc', `${join(tmp, 'nowhere')};${win}`, 'win32', '.COM;.EXE;.BAT')).toBe(join(win, 'gcc.EXE'));
    // The same directory on Linux: no such name, and no execute bit.
    expect(findExecutable('gcc', win, 'linux')).toBeNull();
    expect(findExecutable('gcc.EXE', win, 'linux')).toBeNull();
  });
});

describe('formatVersion', () => {
  it('keeps three non-blank lines of at most 200 characters', () => {
    expect(formatVersion(`\n  a\r\n\n  \nb\n${'c'.repeat(300)}\nd\n`)).toBe(`a\nb\n${'c'.repeat(200)}`);
  });
});
