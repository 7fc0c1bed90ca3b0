/**
 * Runs the bundled action the way the runner does: `node dist/index.js` in a child process, spawned
 * asynchronously (the emulators answer from this process), with action.yml's defaults applied to
 * `INPUT_*` (hyphens kept), the runner's `GITHUB_*` variables pointed at the emulators, an event
 * payload file, and the file commands (`GITHUB_OUTPUT`, `GITHUB_STEP_SUMMARY`) read back afterwards.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runnerEnv, type Emulator, type WorkflowRun } from '../github/emulators/index.js';
import { REPO_ROOT } from '../helpers/cli.js';

/** Defaults from action.yml, the way the runner applies them. */
export function actionDefaults(): Record<string, string> {
  const yml = readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8');
  const defaults: Record<string, string> = {};
  let input: string | null = null;
  for (const line of yml.split('\n')) {
    if (/^outputs:/.test(line)) break;
    const name = /^ {2}([a-z-]+):\s*$/.exec(line);
    if (name !== null) input = name[1] ?? null;
    const value = /^ {4}default:\s*'(.*)'\s*$/.exec(line);
    if (value !== null && input !== null) defaults[`INPUT_${input.toUpperCase()}`] = (value[1] ?? '').replaceAll("''", "'");
  }
  return defaults;
}

/** Parses the `name<<delimiter … delimiter` blocks @actions/core writes to GITHUB_OUTPUT. */
export function parseOutputs(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const re = /^([^\n<]+)<<(\S+)\n([\s\S]*?)\n?\2$/gm;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) out[m[1] as string] = m[3] as string;
  return out;
}

export interface Annotation {
  level: string;
  properties: Record<string, string>;
  message: string;
}

const unescape = (s: string): string => s.replaceAll('%0A', '\n').replaceAll('%0D', '\r').replaceAll('%3A', ':').replaceAll('%2C', ',').replaceAll('%25', '%');

/** `::warning title=T,file=F::message` lines on stdout. */
export function parseAnnotations(stdout: string): Annotation[] {
  const out: Annotation[] = [];
  for (const line of stdout.split('\n')) {
    const m = /^::(error|warning|notice)( [^:]*)?::(.*)$/.exec(line);
    if (m === null) continue;
    const properties: Record<string, string> = {};
    for (const pair of (m[2] ?? '').trim().split(',').filter(Boolean)) {
      const eq = pair.indexOf('=');
      properties[pair.slice(0, eq)] = unescape(pair.slice(eq + 1));
    }
    out.push({ level: m[1] as string, properties, message: unescape(m[3] ?? '') });
  }
  return out;
}

export interface ActionRun {
  code: number;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  /** The step summary as the runner publishes it: '' when the file was over the limit. */
  summary: string;
  /** Size of the summary file in bytes, as the runner measures it (FileInfo.Length). */
  summaryBytes: number;
  /** The runner drops a summary file over 1 MiB whole (and logs an error) rather than cutting it. */
  summaryDropped: boolean;
  annotations: Annotation[];
  runnerTemp: string;
}

/** The runner's per-step limit on GITHUB_STEP_SUMMARY, in bytes. */
export const RUNNER_SUMMARY_LIMIT = 1024 * 1024;

export interface RunOptions {
  emulator: Emulator;
  run: WorkflowRun;
  /** The built action: a directory holding index.js (and worker.js). */
  dist: string;
  workspace: string;
  /** Scratch directory for this run's event and file-command files. */
  scratch: string;
  /**
   * RUNNER_TEMP: one path for every run, emptied before each, as on hosted runners. (Cache
   * versions hash the cached paths, so a path that moved between runs would never match.)
   */
  runnerTemp: string;
  inputs: Record<string, string>;
  event: Record<string, unknown>;
  token: string;
  /** The child is killed after this long (default 90 s); its output so far is returned. */
  timeoutMs?: number;
  /** Fills RUNNER_TEMP after it is emptied, as an earlier step of the job would (`${{ runner.temp }}/out`). */
  prepareRunnerTemp?: (dir: string) => void;
}

export async function runAction(o: RunOptions): Promise<ActionRun> {
  mkdirSync(o.scratch, { recursive: true });
  const { runnerTemp } = o;
  rmSync(runnerTemp, { recursive: true, force: true });
  mkdirSync(runnerTemp, { recursive: true });
  o.prepareRunnerTemp?.(runnerTemp);
  const eventPath = join(o.scratch, 'event.json');
  writeFileSync(eventPath, JSON.stringify(o.event));
  const outputFile = join(o.scratch, 'output');
  const summaryFile = join(o.scratch, 'summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const inputs = Object.fromEntries(Object.entries(o.inputs).map(([k, v]) => [`INPUT_${k.toUpperCase()}`, v]));
  const env: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    ...actionDefaults(),
    INPUT_TOKEN: o.token,
    ...inputs,
    ...runnerEnv(o.emulator, { run: o.run, workspace: o.workspace, runnerTemp, eventPath }),
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    // Octokit's retry backoff in milliseconds: the emulators answer at once.
    VITSNAP_RETRY_BASE_MS: '20',
  };
  const child = spawn(process.execPath, [join(o.dist, 'index.js')], { cwd: o.workspace, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  // A hung action is a failure with its output, not a test timeout without one.
  const timer = setTimeout(() => child.kill('SIGKILL'), o.timeoutMs ?? 90_000);
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? -1)));
  clearTimeout(timer);
  const summary = readFileSync(summaryFile);
  const summaryDropped = summary.length > RUNNER_SUMMARY_LIMIT;
  return {
    code,
    stdout,
    stderr,
    outputs: parseOutputs(readFileSync(outputFile, 'utf8')),
    summary: summaryDropped ? '' : summary.toString('utf8'),
    summaryBytes: summary.length,
    summaryDropped,
    annotations: parseAnnotations(stdout),
    runnerTemp,
  };
}
