/** Baseline selection over the REST seam we own (`RunsApi`): which run, in which order, and why others were skipped. */
import { describe, expect, it } from '@jest/globals';
import { findBaselines, type ArtifactSummary, type BaselineCandidate, type RunsApi, type RunSummary, type SkippedRun, type TrustedEvent } from '../../src/github/baseline.js';

interface FakeRun extends RunSummary {
  artifacts: ArtifactSummary[];
}

const NAME = 'vitsnap-snapshot';

function run(id: number, sha: string, artifact: 'live' | 'expired' | 'none' = 'live', event = 'push', headBranch = 'main'): FakeRun {
  const artifacts = artifact === 'none' ? [] : [{ id: id * 10, name: NAME, expired: artifact === 'expired', size: 1 }];
  return { id, headSha: sha, headBranch, event, createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, id)).toISOString(), artifacts };
}

/** Newest first, filtered like the REST endpoint; counts the calls so bounded walks can be checked. */
function api(runs: FakeRun[]): RunsApi & { pages: number } {
  const newestFirst = [...runs].sort((a, b) => b.id - a.id);
  const fake = {
    pages: 0,
    async listSuccessfulRuns(q: { headSha?: string; branch?: string; event?: string; page: number; perPage: number }) {
      fake.pages++;
      const matching = newestFirst.filter(
        (r) => (q.headSha === undefined || r.headSha === q.headSha) && (q.branch === undefined || r.headBranch === q.branch) && (q.event === undefined || r.event === q.event),
      );
      return matching.slice((q.page - 1) * q.perPage, q.page * q.perPage);
    },
    async listRunArtifacts(runId: number, name: string) {
      return (runs.find((r) => r.id === runId)?.artifacts ?? []).filter((a) => a.name === name);
    },
  };
  return fake;
}

async function collect(
  a: RunsApi,
  baseSha: string | null,
  opts: { maxRuns?: number; currentRunId?: number; events?: TrustedEvent[] } = {},
): Promise<{ found: BaselineCandidate[]; skipped: SkippedRun[] }> {
  const skipped: SkippedRun[] = [];
  const found: BaselineCandidate[] = [];
  const query = { workflow: 'ci.yml', artifactName: NAME, baseSha, branch: 'main', events: opts.events ?? ['push'], currentRunId: opts.currentRunId ?? 999, maxRuns: opts.maxRuns ?? 30 };
  for await (const c of findBaselines(a, query, skipped)) found.push(c);
  return { found, skipped };
}

describe('baseline finder', () => {
  it('prefers the run whose head is the base commit, then walks back without repeating it', async () => {
    const { found } = await collect(api([run(1, 'a1'), run(2, 'b2'), run(3, 'c3')]), 'b2');
    expect(found.map((c) => [c.run.id, c.match, c.runsBehind])).toEqual([
      [2, 'base-sha', 0],
      [3, 'walk-back', 0],
      [1, 'walk-back', 2],
    ]);
  });

  it('walks back past a base run without an artifact and past expired artifacts, saying why', async () => {
    const { found, skipped } = await collect(api([run(1, 'a1'), run(2, 'b2', 'expired'), run(3, 'c3', 'none')]), 'c3');
    expect(found.map((c) => [c.run.id, c.artifact.id, c.runsBehind])).toEqual([[1, 10, 2]]);
    expect(skipped).toEqual([
      { runId: 3, sha: 'c3', reason: `no artifact named ${NAME}` },
      { runId: 2, sha: 'b2', reason: `artifact ${NAME} has expired` },
    ]);
  });

  it('says when no run exists for the base commit', async () => {
    const { found, skipped } = await collect(api([run(1, 'a1')]), 'zz');
    expect(found.map((c) => c.run.id)).toEqual([1]);
    expect(skipped[0]?.reason).toBe('no successful run of ci.yml for the base commit');
  });

  it('finds nothing when no run has a live artifact', async () => {
    const { found, skipped } = await collect(api([run(1, 'a1', 'expired'), run(2, 'b2', 'none')]), null);
    expect(found).toEqual([]);
    expect(skipped.map((s) => s.runId)).toEqual([2, 1]);
  });

  it('never offers the current run, and stops after maxRuns across pages', async () => {
    const runs = Array.from({ length: 50 }, (_, i) => run(i + 1, `s${i + 1}`, 'expired'));
    const fake = api(runs);
    const { found, skipped } = await collect(fake, null, { maxRuns: 25, currentRunId: 50 });
    expect(found).toEqual([]);
    // Run 50 is this run: counted as looked at, never as a candidate.
    expect(skipped.map((s) => s.runId)).toEqual(Array.from({ length: 24 }, (_, i) => 49 - i));
    expect(fake.pages).toBe(2);
  });

  it('never takes a pull_request_target run as the baseline, although its head sha is the base commit', async () => {
    const { found, skipped } = await collect(api([run(1, 'a1'), run(2, 'b2', 'live', 'pull_request_target')]), 'b2');
    expect(found.map((c) => [c.run.id, c.match])).toEqual([[1, 'walk-back']]);
    expect(skipped).toContainEqual({ runId: 2, sha: 'b2', reason: 'not a trusted baseline: a pull_request_target run, not one of baseline-events (push)' });
  });

  it('takes schedule and workflow_dispatch runs only when baseline-events names them', async () => {
    const runs = [run(1, 'a1', 'live', 'schedule'), run(2, 'b2', 'live', 'workflow_dispatch')];
    expect((await collect(api(runs), 'b2')).found).toEqual([]);
    const { found } = await collect(api(runs), 'b2', { events: ['push', 'schedule', 'workflow_dispatch'] });
    expect(found.map((c) => [c.run.id, c.match])).toEqual([
      [2, 'base-sha'],
      [1, 'walk-back'],
    ]);
  });

  it('refuses a base-commit run whose head branch is not the base branch', async () => {
    const { found, skipped } = await collect(api([run(1, 'b2', 'live', 'push', 'release')]), 'b2');
    expect(found).toEqual([]);
    expect(skipped).toContainEqual({ runId: 1, sha: 'b2', reason: 'not a trusted baseline: ran on release, not main' });
  });
});
