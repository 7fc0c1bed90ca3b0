/**
 * What the runner tells the action about the run: repository, event, commit, pull request. Read
 * from the environment and the event file in one place (not from @actions/github's context, which
 * reads them when it is imported and so cannot be pointed elsewhere by tests).
 */
import { readFileSync } from 'node:fs';
import { OperationError } from '../errors.js';

export interface PullRequestInfo {
  number: number;
  baseSha: string;
  baseRef: string;
  headSha: string;
  /** The head branch lives in another repository: the token is read-only there. */
  fromFork: boolean;
}

export interface WorkflowRunInfo {
  /** The run that finished, for `mode: post` in a `workflow_run` workflow. */
  id: number;
  headSha: string;
  event: string;
}

/** What a pull request or a merge-queue group is compared with: its base commit on its base branch. */
export interface ComparisonBase {
  sha: string;
  /** Branch name (`main`), not a ref. */
  branch: string;
  /** Where it came from, for messages: "the PR's base", "the merge queue's base". */
  source: 'pull request' | 'merge queue';
}

export interface RunContext {
  owner: string;
  repo: string;
  eventName: string;
  sha: string;
  /** `refs/heads/main`, `refs/pull/7/merge`, … */
  ref: string;
  /** Branch name of `ref` when it is a branch, else ''. */
  branch: string;
  runId: number;
  /** GITHUB_RUN_ATTEMPT: 2 and up on "Re-run jobs". */
  runAttempt: number;
  /** The workflow file of this run (`ci.yml`), from GITHUB_WORKFLOW_REF. */
  workflowFile: string;
  defaultBranch: string;
  apiUrl: string;
  serverUrl: string;
  /** GitHub Enterprise Server: no artifact service v4, so baselines go through the cache. */
  ghes: boolean;
  workspace: string;
  runnerTemp: string;
  pullRequest: PullRequestInfo | null;
  workflowRun: WorkflowRunInfo | null;
  /** The base to compare with on `pull_request*` and `merge_group` events, else null. */
  base: ComparisonBase | null;
}

type Json = Record<string, unknown>;

function object(value: unknown): Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function required(env: NodeJS.ProcessEnv, name: string): string {
  const value = env[name];
  if (value === undefined || value === '') {
    throw new OperationError('E_INPUT', `${name} is not set: run the action inside a GitHub Actions job (or set it when testing locally)`);
  }
  return value;
}

function readEvent(path: string | undefined): Json {
  if (path === undefined || path === '') return {};
  try {
    return object(JSON.parse(readFileSync(path, 'utf8')));
  } catch (error) {
    throw new OperationError('E_INPUT', `cannot read the event payload at GITHUB_EVENT_PATH (${path}): ${(error as Error).message}`);
  }
}

export function readRunContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  const [owner, repo] = required(env, 'GITHUB_REPOSITORY').split('/');
  if (owner === undefined || repo === undefined || owner === '' || repo === '') {
    throw new OperationError('E_INPUT', `GITHUB_REPOSITORY must be owner/name (got ${JSON.stringify(env.GITHUB_REPOSITORY)})`);
  }
  const event = readEvent(env.GITHUB_EVENT_PATH);
  const ref = env.GITHUB_REF ?? '';
  const pr = object(event.pull_request);
  const base = object(pr.base);
  const head = object(pr.head);
  const baseRepo = text(object(base.repo).full_name);
  const headRepo = text(object(head.repo).full_name);
  const pullRequest: PullRequestInfo | null =
    typeof pr.number === 'number'
      ? { number: pr.number, baseSha: text(base.sha), baseRef: text(base.ref), headSha: text(head.sha), fromFork: headRepo !== '' && headRepo !== baseRepo }
      : null;
  // merge_group: { base_sha, base_ref: 'refs/heads/main', head_sha, head_ref: 'refs/heads/gh-readonly-queue/main/pr-…' }
  const group = object(event.merge_group);
  const groupBaseRef = text(group.base_ref);
  const comparisonBase: ComparisonBase | null =
    pullRequest !== null && pullRequest.baseSha !== ''
      ? { sha: pullRequest.baseSha, branch: pullRequest.baseRef, source: 'pull request' }
      : text(group.base_sha) !== ''
        ? { sha: text(group.base_sha), branch: groupBaseRef.startsWith('refs/heads/') ? groupBaseRef.slice('refs/heads/'.length) : groupBaseRef, source: 'merge queue' }
        : null;
  const run = object(event.workflow_run);
  const workflowRun: WorkflowRunInfo | null = typeof run.id === 'number' ? { id: run.id, headSha: text(run.head_sha), event: text(run.event) } : null;
  // GITHUB_WORKFLOW_REF: owner/repo/.github/workflows/ci.yml@refs/heads/main
  const workflowRef = env.GITHUB_WORKFLOW_REF ?? '';
  const workflowFile = /\/\.github\/workflows\/([^@/]+)@/.exec(workflowRef)?.[1] ?? '';
  const runId = Number(env.GITHUB_RUN_ID ?? '0');
  return {
    owner,
    repo,
    eventName: env.GITHUB_EVENT_NAME ?? '',
    sha: env.GITHUB_SHA ?? '',
    ref,
    branch: ref.startsWith('refs/heads/') ? ref.slice('refs/heads/'.length) : '',
    runId: Number.isSafeInteger(runId) ? runId : 0,
    runAttempt: Math.max(1, Number(env.GITHUB_RUN_ATTEMPT ?? '1') || 1),
    workflowFile,
    defaultBranch: text(object(event.repository).default_branch) || 'main',
    apiUrl: env.GITHUB_API_URL ?? 'https://api.github.com',
    serverUrl: env.GITHUB_SERVER_URL ?? 'https://github.com',
    ghes: isGhes(env.GITHUB_SERVER_URL),
    workspace: env.GITHUB_WORKSPACE ?? process.cwd(),
    runnerTemp: env.RUNNER_TEMP ?? env.GITHUB_WORKSPACE ?? process.cwd(),
    pullRequest,
    workflowRun,
    base: comparisonBase,
  };
}

/**
 * The rule @actions/artifact applies before refusing to run: github.com, GHE.com (`*.ghe.com`)
 * and local hosts have the artifact service v4; any other host is a GitHub Enterprise Server.
 */
export function isGhes(serverUrl: string | undefined): boolean {
  let host: string;
  try {
    host = new URL(serverUrl || 'https://github.com').hostname.toLowerCase();
  } catch {
    return false;
  }
  return host !== 'github.com' && !host.endsWith('.ghe.com') && !host.endsWith('.localhost');
}

/** The run's page, for links in comments and summaries. */
export function runUrl(ctx: RunContext, runId = ctx.runId): string {
  return `${ctx.serverUrl}/${ctx.owner}/${ctx.repo}/actions/runs/${runId}`;
}
