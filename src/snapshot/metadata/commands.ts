/**
 * Runs the commands metadata is read from: the user's `metadata-commands` (shell text, through
 * `/bin/sh -c`) and our own probes (a resolved file plus arguments, never through a shell).
 * Every run is bounded by a timeout and never throws for what the child does.
 */
import { execFile, spawn } from 'node:child_process';
import { OperationError } from '../../errors.js';
import type { CommandOutput } from '../types.js';

export const DEFAULT_COMMAND_TIMEOUT_MS = 10_000;
/** Longest stdout a metadata command may record, `[truncated]` marker included. */
export const COMMAND_OUTPUT_CAP = 65_536;

const TRUNCATED_MARKER = '\n[truncated]';
const NAME_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;
const EXPECTED_FORM = 'expected name=command, e.g. "openssl=openssl version", with a name of 1-64 letters, digits, ".", "_" or "-"';

export interface MetadataCommand {
  name: string;
  command: string;
}

export interface RunMetadataCommandsOptions {
  cwd: string;
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
  /** Kills every command still running (the capture they describe failed). */
  signal?: AbortSignal;
}

/** Parses one `name=command` line of the `metadata-commands` input. */
export function parseMetadataCommand(spec: string): MetadataCommand {
  const text = spec.trim();
  const eq = text.indexOf('=');
  if (eq < 0) {
    throw new OperationError('E_USAGE', `metadata command ${JSON.stringify(spec)} has no "=": ${EXPECTED_FORM}`);
  }
  const name = text.slice(0, eq).trim();
  const command = text.slice(eq + 1).trim();
  if (!NAME_PATTERN.test(name)) {
    throw new OperationError('E_USAGE', `metadata command ${JSON.stringify(spec)} has an invalid name: ${EXPECTED_FORM}`);
  }
  if (command === '') {
    throw new OperationError('E_USAGE', `metadata command ${JSON.stringify(spec)} has an empty command: ${EXPECTED_FORM}`);
  }
  return { name, command };
}

/** Runs every command in parallel through `/bin/sh -c`; results sorted by name. */
export async function runMetadataCommands(
  cmds: readonly MetadataCommand[],
  options: RunMetadataCommandsOptions,
): Promise<CommandOutput[]> {
  const seen = new Set<string>();
  for (const { name, command } of cmds) {
    if (!NAME_PATTERN.test(name) || command.trim() === '') {
      throw new OperationError('E_USAGE', `metadata command ${JSON.stringify(`${name}=${command}`)} is invalid: ${EXPECTED_FORM}`);
    }
    if (seen.has(name)) {
      throw new OperationError('E_USAGE', `metadata command name ${JSON.stringify(name)} is used twice; give each command its own name`);
    }
    seen.add(name);
  }
  const timeoutMs = options.timeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
  const env = options.env ?? process.env;
  const sorted = [...cmds].sort((a, b) => compareText(a.name, b.name));
  return Promise.all(sorted.map((cmd) => runShellCommand(cmd, options.cwd, timeoutMs, env, options.signal)));
}

function runShellCommand(
  { name, command }: MetadataCommand,
  cwd: string,
  timeoutMs: number,
  env: NodeJS.ProcessEnv,
  signal: AbortSignal | undefined,
): Promise<CommandOutput> {
  return new Promise((resolve) => {
    // Enough bytes to hold COMMAND_OUTPUT_CAP characters of any UTF-8 text, plus one more.
    const keepBytes = 4 * (COMMAND_OUTPUT_CAP + 1);
    const out: Buffer[] = [];
    let outBytes = 0;
    let overflowed = false;
    let errTail = '';
    let settled = false;

    // A session of its own, so a timeout can kill everything the shell started, not just the shell.
    const [shell, args] = shellFor(command);
    const child = spawn(shell, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: process.platform !== 'win32' });

    const finish = (result: Omit<CommandOutput, 'name' | 'command'>): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener('abort', stop);
      resolve({ name, command, ...result });
    };
    const kill = (error: string): void => {
      killGroup(child.pid);
      child.stdout.destroy();
      child.stderr.destroy();
      finish({ exitCode: null, stdout: '', error });
    };
    const stop = (): void => kill('stopped: the capture failed');

    const timer = setTimeout(() => kill(`timed out after ${timeoutMs} ms`), timeoutMs);
    if (signal?.aborted === true) stop();
    else signal?.addEventListener('abort', stop, { once: true });

    child.stdout.on('data', (chunk: Buffer) => {
      if (outBytes >= keepBytes) {
        overflowed = true;
        return;
      }
      out.push(chunk);
      outBytes += chunk.length;
    });
    child.stderr.on('data', (chunk: Buffer) => {
      errTail = (errTail + chunk.toString('utf8')).slice(-4096);
    });
    child.on('error', (error) => {
      finish({ exitCode: null, stdout: '', error: error.message });
    });
    // 'close' (not 'exit'): all output has arrived. Background children holding the pipe run into the timeout.
    child.on('close', (code, signal) => {
      const stdout = capOutput(Buffer.concat(out).toString('utf8'), overflowed);
      if (code === 0) {
        finish({ exitCode: 0, stdout });
      } else if (code !== null) {
        finish({ exitCode: code, stdout, error: describeFailure(`exited with code ${code}`, errTail) });
      } else {
        finish({ exitCode: null, stdout, error: describeFailure(`killed by ${signal ?? 'a signal'}`, errTail) });
      }
    });
  });
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // The group is already gone.
  }
}

/** Trims, then caps at COMMAND_OUTPUT_CAP characters with a marker, never splitting a surrogate pair. */
function capOutput(text: string, overflowed: boolean): string {
  const trimmed = text.trim();
  if (!overflowed && trimmed.length <= COMMAND_OUTPUT_CAP) return trimmed;
  let end = Math.min(trimmed.length, COMMAND_OUTPUT_CAP - TRUNCATED_MARKER.length);
  const last = trimmed.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return trimmed.slice(0, end) + TRUNCATED_MARKER;
}

function describeFailure(what: string, stderr: string): string {
  const lines = stderr.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
  const last = lines.at(-1);
  return last === undefined ? what : `${what}: ${last.slice(0, 500)}`;
}

export interface FileRunResult {
  stdout: string;
  stderr: string;
  /** Exit code; null when killed by a signal, timed out, or never started. */
  exitCode: number | null;
  /** Why the run did not succeed; absent when it exited 0. */
  error?: string;
}

/**
 * The shell a `metadata-commands` line runs in: `/bin/sh -c` on POSIX; on Windows, where there is
 * no /bin/sh, the command interpreter every Windows has (`%ComSpec%`, cmd.exe).
 */
export function shellFor(command: string, platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): [string, string[]] {
  if (platform === 'win32') return [env.ComSpec || 'cmd.exe', ['/d', '/s', '/c', command]];
  return ['/bin/sh', ['-c', command]];
}

/**
 * Runs `file` with `args` (no shell), stdin closed, killed with SIGKILL after `timeoutMs`.
 * `file` is looked up on `env.PATH` when it has no slash.
 */
export function runFile(
  file: string,
  args: readonly string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs: number; signal?: AbortSignal | undefined },
): Promise<FileRunResult> {
  return new Promise((resolve) => {
    const child = execFile(
      file,
      args,
      {
        cwd: options.cwd,
        env: options.env ?? process.env,
        timeout: options.timeoutMs,
        killSignal: 'SIGKILL',
        signal: options.signal,
        maxBuffer: 1024 * 1024,
        encoding: 'utf8',
        windowsHide: true,
      },
      (error, stdout, stderr) => {
        if (error === null) {
          resolve({ stdout, stderr, exitCode: 0 });
          return;
        }
        const failure = error as NodeJS.ErrnoException & { killed?: boolean; signal?: NodeJS.Signals | null };
        const exitCode = typeof failure.code === 'number' ? failure.code : null;
        let reason: string;
        if (failure.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') {
          reason = 'printed more than 1 MiB';
        } else if (options.signal?.aborted === true) {
          reason = 'stopped: the capture failed';
        } else if (failure.killed === true && failure.signal === 'SIGKILL') {
          reason = `timed out after ${options.timeoutMs} ms`;
        } else if (exitCode !== null) {
          reason = `exited with code ${exitCode}`;
        } else if (typeof failure.signal === 'string') {
          reason = `killed by ${failure.signal}`;
        } else {
          reason = failure.code === undefined ? failure.message : `could not run: ${failure.code}`;
        }
        resolve({ stdout, stderr, exitCode, error: reason });
      },
    );
    // Nothing is ever written to the child; a tool that reads stdin sees EOF instead of waiting.
    child.stdin?.end();
  });
}

/** Byte-order comparison for stable, locale-independent sorting. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
