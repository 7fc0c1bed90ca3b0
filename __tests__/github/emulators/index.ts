/**
 * Loopback emulators of the GitHub services the action talks to, faithful enough for the real,
 * unmodified @actions/artifact, @actions/cache and Octokit (@actions/github) clients:
 *
 * - artifact: the results service's Twirp ArtifactService (`artifact-service.ts`)
 * - cache: the results service's Twirp CacheService v2 (`cache-service.ts`)
 * - blob: Azure Block Blob behind signed URLs (`blob-service.ts`)
 * - rest: REST v3 runs, artifacts and issue comments (`rest-api.ts`)
 *
 * on three listeners, one per GitHub host (`server.ts`), over one seeded `World` (`world.ts`),
 * with fault injection and a request log (`faults.ts`). Usage:
 *
 *     const world = createWorld();
 *     addRepo(world, { owner: 'octo', name: 'app' });
 *     const run = addRun(world, { repo: 'octo/app', headBranch: 'main' });
 *     const emulator = await startEmulator(world);
 *     const env = runnerEnv(emulator, { run, workspace, runnerTemp });   // for a spawned action
 *     emulator.injectFault({ service: 'blob', method: 'PUT', status: 500 });
 *     …
 *     await emulator.close();
 */
import { artifactService } from './artifact-service.js';
import { blobService } from './blob-service.js';
import { cacheService } from './cache-service.js';
import { restApi } from './rest-api.js';
import { startListeners, type Emulator } from './server.js';
import { createWorld, findRepo, runtimeTokenFor, type World, type WorkflowRun } from './world.js';

export * from './world.js';
export * from './runtime-token.js';
export type { Emulator, EmulatorUrls, RequestLogEntry } from './server.js';
export type { FaultRule, FaultSpec, ServiceName } from './faults.js';
export { ARTIFACT_SERVICE } from './artifact-service.js';
export { CACHE_SERVICE, findCacheEntry } from './cache-service.js';
export { BLOB_ACCOUNT, signBlobUrl } from './blob-service.js';

/** Starts every service on 127.0.0.1 (ports chosen by the OS). */
export function startEmulator(world: World = createWorld()): Promise<Emulator> {
  return startListeners(world, {
    api: [restApi],
    // The cache service is asked first; the artifact service answers everything else on the host
    // (unknown routes included) with a Twirp JSON error.
    results: [cacheService, artifactService],
    blob: [blobService],
  });
}

export interface RunnerEnvOptions {
  run: WorkflowRun;
  /** `GITHUB_WORKSPACE`: artifact downloads land here by default, cache paths are relative to it. */
  workspace: string;
  /** `RUNNER_TEMP`: the cache client archives here. */
  runnerTemp: string;
  /** Default: a fresh token for a new job of `run` with the runner's cache scopes. */
  runtimeToken?: string;
  /** `GITHUB_EVENT_PATH`, when the harness wrote an event payload. */
  eventPath?: string;
}

/**
 * What the runner would put in a JavaScript action's environment for a job of `run`, pointed at
 * the emulator. Inputs (`INPUT_*`) and file commands (`GITHUB_OUTPUT`, …) are the harness's job.
 * Start the child from this plus PATH/HOME only: variables inherited from a real runner
 * (`ACTIONS_CACHE_URL`, proxies, …) would send clients elsewhere.
 */
export function runnerEnv(emulator: Emulator, options: RunnerEnvOptions): Record<string, string> {
  const { world, urls } = emulator;
  const { run } = options;
  const repo = findRepo(world, run.repo);
  if (repo === undefined) throw new Error(`run ${run.id} belongs to no seeded repository`);
  const workflow = repo.workflows.find((w) => w.id === run.workflowId);
  const env: Record<string, string> = {
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_API_URL: urls.api,
    // Only its host matters to the clients: @actions/artifact and @actions/cache treat any host
    // but github.com, *.ghe.com and *.localhost as GHES and refuse to work.
    GITHUB_SERVER_URL: world.serverUrl,
    GITHUB_GRAPHQL_URL: `${urls.api}/graphql`,
    ACTIONS_RESULTS_URL: urls.results,
    ACTIONS_RUNTIME_TOKEN: options.runtimeToken ?? runtimeTokenFor(world, run),
    ACTIONS_CACHE_SERVICE_V2: 'True',
    GITHUB_REPOSITORY: run.repo,
    GITHUB_REPOSITORY_OWNER: repo.owner,
    GITHUB_REPOSITORY_ID: String(repo.id),
    GITHUB_RUN_ID: String(run.id),
    GITHUB_RUN_NUMBER: String(run.runNumber),
    GITHUB_RUN_ATTEMPT: String(run.runAttempt),
    GITHUB_SHA: run.headSha,
    GITHUB_REF: run.ref,
    GITHUB_REF_NAME: run.ref.replace(/^refs\/(heads|tags)\//, ''),
    GITHUB_EVENT_NAME: run.event,
    GITHUB_WORKFLOW: workflow?.name ?? '',
    GITHUB_WORKFLOW_REF: `${run.repo}/${workflow?.path ?? ''}@${run.ref}`,
    GITHUB_RETENTION_DAYS: String(repo.retentionDays),
    GITHUB_WORKSPACE: options.workspace,
    RUNNER_TEMP: options.runnerTemp,
    RUNNER_OS: 'Linux',
  };
  if (run.pullRequestNumber !== undefined) {
    env.GITHUB_HEAD_REF = run.headBranch;
    env.GITHUB_BASE_REF = run.baseRef ?? repo.defaultBranch;
  }
  if (options.eventPath !== undefined) env.GITHUB_EVENT_PATH = options.eventPath;
  return env;
}

/** Variables a real runner or the developer's shell may have set that would redirect the clients. */
export const FOREIGN_ENV = [
  'ACTIONS_CACHE_URL',
  'ACTIONS_RUNTIME_URL',
  'ACTIONS_CACHE_MODE',
  'ACTIONS_ORCHESTRATION_ID',
  'HTTP_PROXY',
  'HTTPS_PROXY',
  'http_proxy',
  'https_proxy',
] as const;

/**
 * Sets variables on this process's environment (undefined deletes) and returns a function that
 * puts every touched variable back, for running the clients in-process.
 */
export function applyEnv(vars: Record<string, string | undefined>): () => void {
  const saved = new Map<string, string | undefined>();
  for (const [name, value] of Object.entries(vars)) {
    if (!saved.has(name)) saved.set(name, process.env[name]);
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  return () => {
    for (const [name, value] of saved) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  };
}
