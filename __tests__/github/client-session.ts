/**
 * Runs the real clients in this jest process against a fresh emulator: starts it, makes a temp
 * workspace and runner temp, and points the environment at it. @actions/github reads
 * `GITHUB_API_URL` when first imported, so open the session *before* the first dynamic
 * `import()` of a client in a test file (each file has its own module registry).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import {
  applyEnv,
  FOREIGN_ENV,
  runnerEnv,
  startEmulator,
  type Emulator,
  type RuntimeTokenOptions,
  runtimeTokenFor,
  type World,
  type WorkflowRun,
} from './emulators/index.js';

export interface ClientSession {
  emulator: Emulator;
  world: World;
  /** Temp root, removed on close. */
  dir: string;
  workspace: string;
  runnerTemp: string;
  /**
   * What the clients wrote to stdout (`core.info`, `::warning::` …) while the session was open;
   * kept off the test log unless EMULATOR_VERBOSE is set.
   */
  output: string[];
  /** Makes the process look like a job of `run` (its runtime token, GITHUB_RUN_ID, …). */
  actAs(run: WorkflowRun, token?: RuntimeTokenOptions): void;
  close(): Promise<void>;
}

export async function openSession(world: World): Promise<ClientSession> {
  const emulator = await startEmulator(world);
  const dir = await mkdtemp(join(tmpdir(), 'gh-emulator-'));
  const workspace = join(dir, 'workspace');
  const runnerTemp = join(dir, 'runner-temp');
  mkdirSync(workspace);
  mkdirSync(runnerTemp);
  const cleared = Object.fromEntries(FOREIGN_ENV.map((name) => [name, undefined]));
  const restores = [
    applyEnv({
      ...cleared,
      GITHUB_API_URL: emulator.urls.api,
      GITHUB_SERVER_URL: world.serverUrl,
      ACTIONS_RESULTS_URL: emulator.urls.results,
      ACTIONS_CACHE_SERVICE_V2: 'True',
      GITHUB_WORKSPACE: workspace,
      RUNNER_TEMP: runnerTemp,
    }),
  ];
  const output: string[] = [];
  const write = process.stdout.write;
  if (process.env.EMULATOR_VERBOSE === undefined) {
    // @actions/core logs with process.stdout.write; jest reports on stderr, so this hides only them.
    process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]): boolean => {
      output.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
      const callback = rest.find((r): r is () => void => typeof r === 'function');
      callback?.();
      return true;
    }) as typeof process.stdout.write;
  }
  return {
    emulator,
    world,
    dir,
    workspace,
    runnerTemp,
    output,
    actAs(run, token) {
      const env = runnerEnv(emulator, { run, workspace, runnerTemp, runtimeToken: runtimeTokenFor(world, run, token) });
      restores.push(applyEnv(env));
    },
    async close() {
      // Newest first, so every variable ends as it was before the session.
      for (const restore of restores.reverse()) restore();
      process.stdout.write = write;
      await emulator.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
