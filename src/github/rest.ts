/**
 * The REST client: Octokit from @actions/github with Octokit's own retry plugin (429, 5xx and
 * connection errors, with backoff). Every REST call the action makes goes through this client, so
 * there is one retry policy and no second loop around it.
 */
import { getOctokit } from '@actions/github';
import { retry } from '@octokit/plugin-retry';
import type { ArtifactSummary, RunsApi, RunSummary } from './baseline.js';
import type { RunContext } from './context.js';

export type Octokit = ReturnType<typeof getOctokit>;

export interface RestOptions {
  /** Retries after the first attempt (Octokit's default is 3). */
  retries?: number;
  /** Base of the backoff in milliseconds (Octokit's default 1000); tests against local emulators shorten it. */
  retryAfterBaseValue?: number;
}

export function createOctokit(token: string, ctx: RunContext, options: RestOptions = {}): Octokit {
  const retryOptions = {
    retries: options.retries ?? 3,
    ...(options.retryAfterBaseValue === undefined ? {} : { retryAfterBaseValue: options.retryAfterBaseValue }),
  };
  return getOctokit(token, { baseUrl: ctx.apiUrl, retry: retryOptions }, retry);
}

/** Retry backoff from the environment (`VITSNAP_RETRY_BASE_MS`), so tests against local emulators need not wait seconds. */
export function restOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): RestOptions {
  const base = Number(env.VITSNAP_RETRY_BASE_MS);
  return Number.isFinite(base) && base > 0 ? { retryAfterBaseValue: base } : {};
}

interface RawRun {
  id: number;
  head_sha: string;
  head_branch: string | null;
  event: string;
  created_at: string;
}

interface RawArtifact {
  id: number;
  name: string;
  expired: boolean;
  size_in_bytes: number;
}

export function runsApi(octokit: Octokit, ctx: RunContext): RunsApi {
  const repo = { owner: ctx.owner, repo: ctx.repo };
  return {
    async listSuccessfulRuns(q) {
      const params = {
        ...repo,
        workflow_id: q.workflow,
        status: 'success' as const,
        per_page: q.perPage,
        page: q.page,
        ...(q.branch === undefined ? {} : { branch: q.branch }),
        ...(q.headSha === undefined ? {} : { head_sha: q.headSha }),
        ...(q.event === undefined ? {} : { event: q.event }),
      };
      const { data } = await octokit.rest.actions.listWorkflowRuns(params);
      return (data.workflow_runs as RawRun[]).map(
        (r): RunSummary => ({ id: r.id, headSha: r.head_sha, headBranch: r.head_branch ?? '', event: r.event, createdAt: r.created_at }),
      );
    },
    async listRunArtifacts(runId, name) {
      const artifacts = (await octokit.paginate(octokit.rest.actions.listWorkflowRunArtifacts, { ...repo, run_id: runId, ...(name === undefined ? {} : { name }), per_page: 100 })) as RawArtifact[];
      return artifacts.map((a): ArtifactSummary => ({ id: a.id, name: a.name, expired: a.expired, size: a.size_in_bytes }));
    },
  };
}
