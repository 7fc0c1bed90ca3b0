/**
 * Runs the `vitsnap` CLI from the TypeScript sources as a real child process (Node 24 strips the
 * types; the dev hook maps `.js` imports to `.ts`). Paths are absolute, so any cwd works. Every
 * run has a timeout that kills the child, so a hung CLI fails a test instead of hanging the suite.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (two levels above this file). */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const VITSNAP_ENTRY = join(REPO_ROOT, 'src', 'vitsnap.ts');
export const TS_HOOKS = join(REPO_ROOT, 'src', 'dev', 'ts-worker-hooks.ts');

export interface CliOptions {
  cwd?: string;
  /**
   * The child's whole environment; default: this process's environment. `NODE_COMPILE_CACHE` is
   * added unless present (compiled sources are cached by content, so every run after the first
   * starts in a fraction of the time; it changes nothing the CLI does).
   */
  env?: NodeJS.ProcessEnv;
  /** Kill the child (SIGKILL) after this long; default 60 s. */
  timeoutMs?: number;
}

export interface CliResult {
  /** Exit code; null when the child was killed by a signal. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  /** True when the helper's timeout killed the child. */
  timedOut: boolean;
}

const DEFAULT_TIMEOUT_MS = 60_000;
/** Node's own default location for its compile cache. */
const COMPILE_CACHE = join(tmpdir(), 'node-compile-cache');

/** The node binary and arguments that run `vitsnap <args>` from the sources. */
export function vitsnapCommand(args: readonly string[]): { file: string; args: string[] } {
  // The Node running the tests (24, from node_modules/.bin), not whatever `node` is first on PATH.
  return {
    file: process.execPath,
    args: ['--disable-warning=ExperimentalWarning', '--import', TS_HOOKS, VITSNAP_ENTRY, ...args],
  };
}

/** Starts `vitsnap <args>` with piped stdio and returns the child, for tests that signal it. */
export function spawnVitsnap(args: readonly string[], opts: CliOptions = {}): ChildProcess {
  const cmd = vitsnapCommand(args);
  return spawn(cmd.file, cmd.args, {
    cwd: opts.cwd ?? REPO_ROOT,
    env: { NODE_COMPILE_CACHE: COMPILE_CACHE, ...(opts.env ?? process.env) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
}

/** Collects a spawned child's output and waits for it to exit; kills it after `timeoutMs`. */
export function waitForExit(child: ChildProcess, timeoutMs = DEFAULT_TIMEOUT_MS): Promise<CliResult> {
  return new Promise((resolvePromise, reject) => {
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    child.stdout?.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr?.on('data', (chunk: Buffer) => err.push(chunk));
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, timeoutMs);
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    // 'close': the process has exited and its stdio streams are drained.
    child.once('close', (code, signal) => {
      clearTimeout(timer);
      resolvePromise({
        code,
        signal,
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        timedOut,
      });
    });
  });
}

/** Runs `vitsnap <args>` to completion. */
export async function runVitsnap(args: readonly string[], opts: CliOptions = {}): Promise<CliResult> {
  const child = spawnVitsnap(args, opts);
  const result = await waitForExit(child, opts.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  if (result.timedOut) {
    throw new Error(`vitsnap ${args.join(' ')} did not finish within ${opts.timeoutMs ?? DEFAULT_TIMEOUT_MS} ms; stderr: ${result.stderr}`);
  }
  return result;
}

/** Runs `vitsnap <args>` and throws, with its output, unless it exits 0. */
export async function runVitsnapOk(args: readonly string[], opts: CliOptions = {}): Promise<CliResult> {
  const result = await runVitsnap(args, opts);
  if (result.code !== 0) {
    throw new Error(`vitsnap ${args.join(' ')} exited ${String(result.code)}\nstdout: ${result.stdout}\nstderr: ${result.stderr}`);
  }
  return result;
}

/** Parses JSON printed on stdout, naming the command when it is not JSON. */
export function parseJsonOutput(result: CliResult): unknown {
  try {
    return JSON.parse(result.stdout);
  } catch {
    throw new Error(`expected JSON on stdout, got: ${result.stdout.slice(0, 500)}\nstderr: ${result.stderr}`);
  }
}
