/**
 * Which earlier run holds the baseline snapshot. On a pull request: the successful run of the
 * same workflow whose head is the PR's base commit; otherwise (or when that run has no usable
 * artifact) the newest successful runs on the base branch, walked back a bounded number of runs.
 * Only trusted runs count: an event that builds the branch's own code (`push`; `schedule` and
 * `workflow_dispatch` when asked) on that branch. A `pull_request_target` run has the base
 * commit as its head sha but may have built a fork's code: never a baseline. Runs whose artifact
 * is missing or expired are skipped, and each skip is recorded so the report can say why an
 * older baseline was used.
 */

/** Events whose runs build the branch's own code, and so may hold baselines (`baseline-events`). */
export const TRUSTED_EVENTS = ['push', 'schedule', 'workflow_dispatch'] as const;
export type TrustedEvent = (typeof TRUSTED_EVENTS)[number];

export interface RunSummary {
  id: number;
  headSha: string;
  headBranch: string;
  event: string;
  createdAt: string;
}

export interface ArtifactSummary {
  id: number;
  name: string;
  expired: boolean;
  size: number;
}

/** The REST calls the finder needs; `rest.ts` implements them with Octokit. */
export interface RunsApi {
  /** Successful runs of `workflow`, newest first; one page. */
  listSuccessfulRuns(query: { workflow: string; branch?: string; headSha?: string; event?: string; page: number; perPage: number }): Promise<RunSummary[]>;
  /** A run's artifacts named `name` (all of them without a name). */
  listRunArtifacts(runId: number, name?: string): Promise<ArtifactSummary[]>;
}

export interface BaselineQuery {
  workflow: string;
  artifactName: string;
  /** The PR's base commit, when there is one. */
  baseSha: string | null;
  /** Branch whose runs are walked back; a baseline run's head branch must be this. */
  branch: string;
  /** Events whose runs may be baselines. */
  events: readonly TrustedEvent[];
  /** This run: never its own baseline. */
  currentRunId: number;
  /** At most this many runs are looked at in the walk back. */
  maxRuns: number;
}

export interface BaselineCandidate {
  run: RunSummary;
  artifact: ArtifactSummary;
  /** How it was found. */
  match: 'base-sha' | 'walk-back';
  /** Newer successful runs on the branch that were passed over to reach this one. */
  runsBehind: number;
}

export interface SkippedRun {
  runId: number;
  sha: string;
  reason: string;
}

const PAGE = 20;
/** Pages of the branch's runs read at most (untrusted runs on the branch do not count toward maxRuns). */
const MAX_PAGES = 10;

/**
 * Yields usable candidates, best first. The caller downloads each in turn and asks for the next
 * when a download fails (an artifact can expire between listing and download: 410). `skipped`
 * collects the runs passed over and why.
 */
export async function* findBaselines(api: RunsApi, query: BaselineQuery, skipped: SkippedRun[]): AsyncGenerator<BaselineCandidate> {
  const seen = new Set<number>([query.currentRunId]);
  const usable = async (run: RunSummary): Promise<ArtifactSummary | null> => {
    const artifacts = await api.listRunArtifacts(run.id, query.artifactName);
    const live = artifacts.find((a) => a.name === query.artifactName && !a.expired);
    if (live !== undefined) return live;
    skipped.push({ runId: run.id, sha: run.headSha, reason: artifacts.length > 0 ? `artifact ${query.artifactName} has expired` : `no artifact named ${query.artifactName}` });
    return null;
  };

  const untrusted = (run: RunSummary): string | null => {
    if (!(query.events as readonly string[]).includes(run.event)) return `a ${run.event} run, not one of baseline-events (${query.events.join(', ')})`;
    if (run.headBranch !== query.branch) return `ran on ${run.headBranch === '' ? 'no branch' : run.headBranch}, not ${query.branch}`;
    return null;
  };

  if (query.baseSha !== null && query.baseSha !== '') {
    const runs = await api.listSuccessfulRuns({ workflow: query.workflow, headSha: query.baseSha, page: 1, perPage: PAGE });
    let trusted = 0;
    for (const run of runs) {
      if (seen.has(run.id) || run.headSha !== query.baseSha) continue;
      seen.add(run.id);
      const why = untrusted(run);
      if (why !== null) {
        skipped.push({ runId: run.id, sha: run.headSha, reason: `not a trusted baseline: ${why}` });
        continue;
      }
      trusted++;
      const artifact = await usable(run);
      if (artifact !== null) yield { run, artifact, match: 'base-sha', runsBehind: 0 };
    }
    if (trusted === 0 && !skipped.some((s) => s.sha === query.baseSha)) {
      skipped.push({ runId: 0, sha: query.baseSha, reason: `no successful run of ${query.workflow} for the base commit` });
    }
  }

  // One event: the API filters. Several: ask for the branch's runs and filter here.
  const event = query.events.length === 1 ? query.events[0] : undefined;
  let looked = 0;
  let behind = 0;
  for (let page = 1; looked < query.maxRuns && page <= MAX_PAGES; page++) {
    const runs = await api.listSuccessfulRuns({ workflow: query.workflow, branch: query.branch, ...(event === undefined ? {} : { event }), page, perPage: PAGE });
    for (const run of runs) {
      if (looked >= query.maxRuns) break;
      if (untrusted(run) !== null) continue;
      looked++;
      if (seen.has(run.id)) {
        behind++;
        continue;
      }
      seen.add(run.id);
      const artifact = await usable(run);
      if (artifact !== null) yield { run, artifact, match: 'walk-back', runsBehind: behind };
      behind++;
    }
    if (runs.length < PAGE) break;
  }
}
