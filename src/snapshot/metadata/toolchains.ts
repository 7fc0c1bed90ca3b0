/**
 * Toolchain probes: for each tool, the executable PATH resolves to, its real path and digest, and
 * the version text it prints. A tool that is not on PATH costs no process.
 */
import { accessSync, constants, readFileSync, realpathSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { delimiter, dirname, isAbsolute, join, win32 } from 'node:path';
import { OperationError } from '../../errors.js';
import type { ToolchainProbe } from '../types.js';
import { compareText, runFile, type FileRunResult } from './commands.js';
import { sha256FileAsync } from './lockfiles.js';
import { readNodeScriptVersion } from './node-script-versions.js';
import { resolvePyenvShim } from './pyenv-shims.js';

/**
 * Generous: a probe that times out records an error instead of a version, and that alone would
 * show as toolchain drift. JVMs and npm take seconds to start on a loaded 2-core runner.
 */
export const DEFAULT_PROBE_TIMEOUT_MS = 20_000;

/** Probes running at once: a dozen JVMs and compilers started together on two cores starve each other. */
export const PROBE_CONCURRENCY = 2 * availableParallelism();

/** The tools probed by default (DESIGN §4). */
export const DEFAULT_PROBES: readonly string[] = [
  'gcc', 'g++', 'clang', 'cc', 'ld',
  'rustc', 'cargo',
  'go',
  'node', 'npm', 'pnpm', 'yarn', 'tsc',
  'java', 'javac', 'mvn', 'gradle',
  'python3', 'python', 'pip',
  'cmake', 'make', 'ninja',
  'dotnet', 'zig', 'swift',
];

/** Tools whose version is not `--version`. */
const VERSION_ARGS: Readonly<Record<string, readonly string[]>> = {
  java: ['-version'],
  javac: ['-version'],
  go: ['version'],
  zig: ['version'],
};

const VERSION_LINES = 3;
const VERSION_LINE_CHARS = 200;
const PROBE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.+-]{0,63}$/;

export interface ProbeToolchainsOptions {
  /** Tools to probe; defaults to DEFAULT_PROBES. */
  names?: readonly string[];
  timeoutMs?: number;
  /** Environment for PATH lookup and for the version commands; defaults to process.env. */
  env?: NodeJS.ProcessEnv;
  /** PATH directories whose tools are not the project's; defaults to vitsnap's own `node_modules/.bin`. */
  excludeDirs?: readonly string[];
  /** Stops the probes: running ones are killed, waiting ones never start. */
  signal?: AbortSignal;
  /** Directory the tools run in, and where pyenv and yarn settings are looked up from; defaults to the process's. */
  cwd?: string;
  /** Runs one version command; defaults to runFile. A seam to count what the probes spawn. */
  runner?: ToolRunner;
}

export type ToolRunner = typeof runFile;

interface ProbeContext {
  env: NodeJS.ProcessEnv;
  cwd: string | undefined;
  timeoutMs: number;
  signal: AbortSignal | undefined;
  runner: ToolRunner;
}

/**
 * Probes that take longest start first, so the last to finish is not a slow one started late
 * (a JVM, pip importing itself, a Node script). Measured by hand on this project's 2-core VM:
 * pip ~0.8 s, mvn 0.3, python shims 0.25, javac 0.24, npm 0.21, node and java 0.1, the rest less.
 * (npm and tsc usually need no process now, and pyenv shims are run past; the order still holds
 * when they do.) Results are sorted by name whatever the order they ran in.
 */
const SLOW_FIRST: readonly string[] = ['gradle', 'pip', 'mvn', 'dotnet', 'swift', 'python3', 'python', 'javac', 'tsc', 'npm', 'pnpm', 'yarn', 'node', 'java'];

function startOrder(name: string): number {
  const rank = SLOW_FIRST.indexOf(name);
  return rank === -1 ? SLOW_FIRST.length : rank;
}

/**
 * vitsnap's own dependencies' executables: `<its package root>/node_modules/.bin`, found from the
 * running script. In vitsnap's checkout npm scripts put that first on PATH, and its pinned `node`
 * (node@24) is not the project's toolchain. A project that installs vitsnap keeps its own
 * `node_modules/.bin` (its tsc, its esbuild): that is a different directory.
 */
export function ownBinDirectory(script: string | undefined = process.argv[1]): string | null {
  if (script === undefined || script === '') return null;
  let dir: string;
  try {
    dir = dirname(realpathSync(script));
  } catch {
    return null;
  }
  for (let depth = 0; depth < 8; depth++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: unknown };
      if (pkg.name === 'snapshot-action') return join(dir, 'node_modules', '.bin');
    } catch {
      // no package.json here, or not ours: keep walking up
    }
    const up = dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return null;
}

function withoutDirs(pathList: string | undefined, dirs: readonly string[]): string | undefined {
  if (pathList === undefined || dirs.length === 0) return pathList;
  return pathList
    .split(delimiter)
    .filter((d) => !dirs.includes(d.replace(/[\\/]+$/, '')))
    .join(delimiter);
}

/**
 * The tools a user asked for (`--probes`, the `probes` input), items already split: none means
 * the default list (null), `none` alone means no probes ([]); a name that is not a bare command
 * name is refused with `code`, naming `what`.
 */
export function parseProbeList(items: readonly string[], what: string, code: 'E_USAGE' | 'E_INPUT'): string[] | null {
  const names = items.map((s) => s.trim()).filter((s) => s !== '');
  if (names.length === 0) return null;
  if (names.length === 1 && names[0] === 'none') return [];
  for (const name of names) {
    if (!PROBE_NAME.test(name) || name === 'none') {
      throw new OperationError(code, `${what}: ${JSON.stringify(name)} is not a tool name; give bare command names such as gcc,node (or 'none' alone for no probes)`);
    }
  }
  return [...new Set(names)];
}

/** Probes the tools a few at a time; results sorted by name. Throws only for an invalid tool name. */
export async function probeToolchains(options: ProbeToolchainsOptions = {}): Promise<ToolchainProbe[]> {
  const names = [...new Set(options.names ?? DEFAULT_PROBES)].sort(compareText);
  for (const name of names) {
    if (!PROBE_NAME.test(name)) {
      throw new OperationError(
        'E_USAGE',
        `toolchain probe ${JSON.stringify(name)} is not a command name; use bare names such as "gcc" or "g++", without paths`,
      );
    }
  }
  const given = options.env ?? process.env;
  const own = ownBinDirectory();
  const path = withoutDirs(given.PATH, options.excludeDirs ?? (own === null ? [] : [own]));
  const env = path === undefined ? given : { ...given, PATH: path };
  const context: ProbeContext = {
    env,
    cwd: options.cwd,
    timeoutMs: options.timeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS,
    signal: options.signal,
    runner: options.runner ?? runFile,
  };
  const results: ToolchainProbe[] = new Array(names.length);
  const order = names.map((_, i) => i).sort((x, y) => startOrder(names[x] as string) - startOrder(names[y] as string) || x - y);
  let next = 0;
  // Each probe's timeout starts when it starts, not while it waits for a slot.
  const lane = async (): Promise<void> => {
    for (let k = next++; k < order.length && options.signal?.aborted !== true; k = next++) {
      const i = order[k] as number;
      results[i] = await probeToolchain(names[i] as string, context);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PROBE_CONCURRENCY, names.length) }, lane));
  return results;
}

async function probeToolchain(name: string, context: ProbeContext): Promise<ToolchainProbe> {
  const { env, timeoutMs, signal } = context;
  const args = VERSION_ARGS[name] ?? ['--version'];
  const command = [name, ...args].join(' ');
  const found = findExecutable(name, env.PATH);
  if (found === null) return { name, command, found: false };

  const probe: ToolchainProbe = { name, command, found: true, path: found };
  const cwd = context.cwd ?? currentDirectory();
  // A pyenv shim is recorded as what it runs: its own bytes are the same for every Python.
  const shim = cwd === null ? null : resolvePyenvShim(found, env, cwd);
  const executable = shim?.executable ?? found;
  let real: string | undefined;
  let unreadable: unknown;
  try {
    real = realpathSync(executable);
  } catch (error) {
    unreadable = error;
  }
  const known =
    real === undefined || shim !== null || cwd === null
      ? null
      : readNodeScriptVersion(name, real, { env, cwd, isOnPath: (c) => findExecutable(c, env.PATH) !== null });
  // Run by the PATH name, not the realpath: multi-call binaries (rustup's proxies, busybox) dispatch on argv[0].
  // A pyenv shim's target is run by the path `pyenv exec` runs it by. Started first so the tool runs while its binary is hashed.
  const running: Promise<FileRunResult> =
    known === null
      ? context.runner(executable, args, { cwd: context.cwd, env: shim?.env ?? env, timeoutMs, signal })
      : Promise.resolve({ stdout: known, stderr: '', exitCode: 0 });
  try {
    if (real === undefined) throw unreadable;
    probe.realpath = real;
    probe.sha256 = await sha256FileAsync(real);
  } catch (error) {
    probe.error = `cannot read ${executable}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`;
    await running;
    return probe;
  }
  const result = await running;
  const text = result.stdout.trim() || result.stderr.trim();
  if (result.error === undefined) {
    probe.version = formatVersion(text);
  } else {
    const first = formatVersion(text).split('\n')[0];
    probe.error = first ? `${result.error}: ${first}` : result.error;
  }
  return probe;
}

/** null when the working directory is gone: then only running a tool tells what it would do. */
function currentDirectory(): string | null {
  try {
    return process.cwd();
  } catch {
    return null;
  }
}

/**
 * The first executable regular file named `name` in the absolute directories of `pathList`.
 * Empty and relative entries are skipped: they would resolve against whatever the cwd is. On
 * Windows PATH is `;`-separated, files have no execute bit, and `gcc` is found as `gcc.exe`: each
 * PATHEXT extension is tried, as cmd.exe does.
 */
export function findExecutable(name: string, pathList: string | undefined, platform: NodeJS.Platform = process.platform, pathExt = process.env.PATHEXT): string | null {
  const windows = platform === 'win32';
  if (pathList === undefined || name.includes('/') || (windows && name.includes('\\'))) return null;
  const names = windows ? [name, ...(pathExt || '.COM;.EXE;.BAT;.CMD').split(';').filter((e) => e !== '').map((e) => `${name}${e}`)] : [name];
  for (const dir of pathList.split(windows ? ';' : delimiter)) {
    if (dir === '' || !(windows ? win32.isAbsolute(dir) : isAbsolute(dir))) continue;
    for (const file of names) {
      const candidate = join(dir, file);
      try {
        if (!statSync(candidate).isFile()) continue;
        if (!windows) accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // Not here, or not executable: keep walking PATH like a shell does.
      }
    }
  }
  return null;
}

/** First non-blank lines of a version text, each capped, terminal escapes and control characters removed. */
export function formatVersion(text: string): string {
  return text
    .replace(/\x1b\[[0-9;?]*[ -/]*[@-~]/g, '')
    .replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '')
    .trim()
    .split(/\n/)
    .map((line) => line.trimEnd())
    .filter((line) => line !== '')
    .slice(0, VERSION_LINES)
    .map((line) => line.slice(0, VERSION_LINE_CHARS))
    .join('\n');
}
