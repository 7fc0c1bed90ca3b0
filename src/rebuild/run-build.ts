/** Runs one build: its own process group, output to a log file, a timeout, and the group killed on timeout or Ctrl-C. */
import { spawn } from 'node:child_process';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { OperationError } from '../errors.js';
import { onInterrupt } from '../interrupt.js';
import type { RebuildWording } from './wording.js';

export interface BuildRun {
  /** Shown in messages: "control build", "varied build", "bisect build 3". */
  label: string;
  argv: readonly string[];
  cwd: string;
  env: NodeJS.ProcessEnv;
  logFile: string;
  /** The log outlives the run (--keep): messages may point at it. */
  logKept: boolean;
  timeoutMs: number;
  wording: RebuildWording;
}

/** Grace between SIGTERM and SIGKILL for a build that timed out. */
const KILL_GRACE_MS = 3000;
const TAIL_LINES = 20;

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}

/** How much of a log's end is read for its tail: a build may write gigabytes. */
const TAIL_BYTES = 64 * 1024;

/** The last lines of a build log, indented, for an error message. */
export function logTail(logFile: string, lines = TAIL_LINES): string {
  let text: string;
  try {
    const fd = openSync(logFile, 'r');
    try {
      const size = fstatSync(fd).size;
      const buf = Buffer.alloc(Math.min(size, TAIL_BYTES));
      const n = readSync(fd, buf, 0, buf.length, size - buf.length);
      text = buf.toString('utf8', 0, n);
    } finally {
      closeSync(fd);
    }
  } catch {
    return '';
  }
  const tail = text.trimEnd().split('\n').slice(-lines);
  return tail.length === 0 || tail[0] === '' ? '' : `\n  | ${tail.join('\n  | ')}`;
}

/** Resolves when the build exits 0; E_BUILD (with the log's tail) when it fails, is killed, or times out. */
export async function runBuild(run: BuildRun): Promise<void> {
  const [file, ...args] = run.argv;
  if (file === undefined) throw new OperationError('E_USAGE', 'no build command given');
  const log = openSync(run.logFile, 'w');
  let outcome: { code: number | null; signal: NodeJS.Signals | null; timedOut: boolean; error: Error | null };
  try {
    outcome = await new Promise((done) => {
      const child = spawn(file, args, { cwd: run.cwd, env: run.env, stdio: ['ignore', log, log], detached: true });
      let timedOut = false;
      let killer: NodeJS.Timeout | undefined;
      const timer = setTimeout(() => {
        timedOut = true;
        if (child.pid !== undefined) killGroup(child.pid, 'SIGTERM');
        killer = setTimeout(() => child.pid !== undefined && killGroup(child.pid, 'SIGKILL'), KILL_GRACE_MS);
      }, run.timeoutMs);
      const forget = onInterrupt(() => child.pid !== undefined && killGroup(child.pid, 'SIGKILL'));
      const finish = (code: number | null, signal: NodeJS.Signals | null, error: Error | null): void => {
        clearTimeout(timer);
        if (killer !== undefined) clearTimeout(killer);
        forget();
        // Whatever the build left running in its group (a daemon, a stuck test) goes with it.
        if (child.pid !== undefined) killGroup(child.pid, 'SIGKILL');
        done({ code, signal, timedOut, error });
      };
      child.once('error', (error) => finish(null, null, error));
      child.once('exit', (code, signal) => finish(code, signal, null));
    });
  } finally {
    closeSync(log);
  }
  if (outcome.error !== null) {
    const code = (outcome.error as NodeJS.ErrnoException).code;
    const what = code === 'ENOENT' ? `${file} was not found` : outcome.error.message;
    throw new OperationError('E_BUILD', `${run.label} could not start: ${what}; check the command after '--'`);
  }
  const where = run.logKept ? `its log is ${run.logFile}` : run.wording.keepLog;
  if (outcome.timedOut) throw new OperationError('E_BUILD', `${run.label} timed out after ${run.timeoutMs / 1000} s and was killed; ${run.wording.timeout} (${where}); last lines:${logTail(run.logFile)}`);
  if (outcome.code !== 0) {
    const how = outcome.signal !== null ? `was killed by ${outcome.signal}` : `failed with exit code ${outcome.code}`;
    throw new OperationError('E_BUILD', `${run.label} ${how} (${where}); last lines:${logTail(run.logFile)}`);
  }
}
