/**
 * Which runs may serve as the baseline, end to end (issue #9 items 2, 7, 8): the bundled action
 * against the emulators. Only runs that built the base branch's own code count (`push`; `schedule`
 * and `workflow_dispatch` when `baseline-events` says so) — never a `pull_request_target` run,
 * whose head sha is the base commit but whose build may be a fork's. Merge-queue groups are
 * compared with the queue's base commit and gated. A baseline that cannot be read is skipped with
 * a warning, and the next run is tried.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addArtifact, addRepo, addRun, addToken, createWorld, startEmulator, type ApiToken, type Artifact, type Emulator, type World, type WorkflowRun } from '../github/emulators/index.js';
import { actionBundle } from './bundle.js';
import { runAction, type ActionRun } from './harness.js';

// Each test runs the action two to four times (5-15 s each, longer on a loaded 2-core runner):
// a hang guard, not a speed check.
jest.setTimeout(240_000);

const REPO = 'octo/trust';
const PINNED = new Date(Date.UTC(2026, 0, 1));
let scratch: string;
let dist: string;
let world: World;
let emulator: Emulator;
let token: ApiToken;
let counter = 0;

const sha = (c: string): string => c.repeat(40).slice(0, 40);

/** A build output tree; `flavour` changes one file's content. */
function workspace(flavour: string): string {
  const ws = join(scratch, `ws-${flavour}`);
  if (existsSync(ws)) return ws;
  mkdirSync(join(ws, 'build'), { recursive: true });
  writeFileSync(join(ws, 'build', 'app.json'), `${JSON.stringify({ name: 'app', flavour }, null, 2)}\n`, { mode: 0o644 });
  writeFileSync(join(ws, 'build', 'README.txt'), 'unchanged\n', { mode: 0o644 });
  for (const f of ['app.json', 'README.txt']) utimesSync(join(ws, 'build', f), PINNED, PINNED);
  return ws;
}

function finish(run: WorkflowRun): void {
  run.status = 'completed';
  run.conclusion = 'success';
}

async function act(run: WorkflowRun, event: Record<string, unknown>, ws: string, inputs: Record<string, string> = {}, runnerTemp = join(scratch, 'runner-temp')): Promise<ActionRun> {
  const r = await runAction({ emulator, run, dist, workspace: ws, scratch: join(scratch, `run-${++counter}`), runnerTemp, inputs: { path: 'build/**', ...inputs }, event, token: token.token });
  finish(run);
  return r;
}

const repoEvent = { repository: { default_branch: 'main', full_name: REPO } };

function prEvent(number: number, baseSha: string, headSha: string): Record<string, unknown> {
  return {
    ...repoEvent,
    pull_request: { number, base: { sha: baseSha, ref: 'main', repo: { full_name: REPO } }, head: { sha: headSha, ref: `f-${number}`, repo: { full_name: REPO } } },
  };
}

function snapshotArtifacts(run: WorkflowRun): Artifact[] {
  return world.artifacts.filter((a) => a.runId === run.id && a.name === 'vitsnap-snapshot' && a.finalized);
}

function blobOf(artifact: Artifact): Buffer {
  const blob = world.blobs.get(artifact.blobKey);
  if (blob === undefined) throw new Error(`no blob for artifact ${artifact.id}`);
  return blob.content ?? Buffer.concat([...blob.committedBlocks.values()]);
}

/** A push run on main at `headSha` that uploads the snapshot of `ws`. */
async function mainPush(headSha: string, ws: string, event = 'push'): Promise<WorkflowRun> {
  const run = addRun(world, { repo: REPO, event, headBranch: 'main', headSha, status: 'in_progress' });
  const r = await act(run, repoEvent, ws);
  expect(r.code).toBe(0);
  expect(snapshotArtifacts(run)).toHaveLength(1);
  return run;
}

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'vitsnap-baseline-trust-'));
  dist = await actionBundle();
  world = createWorld();
  addRepo(world, { owner: 'octo', name: 'trust', workflows: ['ci.yml'] });
  token = addToken(world);
  emulator = await startEmulator(world);
}, 900_000); // building the bundle alone took over 5 min on a loaded 2-core machine

afterAll(async () => {
  await emulator?.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe('only trusted runs are baselines', () => {
  it('a pull_request_target run uploads nothing, and one that did (an older action) is never the baseline', async () => {
    const main = await mainPush(sha('1'), workspace('main'));
    // pull_request_target: the head sha is the base branch's, the build is the PR's (a fork's) code.
    const target = addRun(world, { repo: REPO, event: 'pull_request_target', headBranch: 'main', headSha: sha('1'), status: 'in_progress' });
    const prt = await act(target, prEvent(30, sha('1'), sha('9')), workspace('fork'));
    expect(prt.code).toBe(0);
    expect(snapshotArtifacts(target)).toEqual([]);
    expect(prt.stdout).toContain('not uploading the snapshot: a pull_request_target run');
    // As an older version of the action would have: the fork's snapshot stored under the base sha.
    const planted = addRun(world, { repo: REPO, event: 'pull_request_target', headBranch: 'main', headSha: sha('1') });
    addArtifact(world, planted, { name: 'vitsnap-snapshot', content: blobOf(snapshotArtifacts(await mainPushOf('fork'))[0] as Artifact) });

    // A PR whose build equals main's: identical against main's push run, not drift against the fork.
    const pr = addRun(world, { repo: REPO, pullRequestNumber: 31, headBranch: 'f-31', baseRef: 'main', headSha: sha('2'), status: 'in_progress' });
    const r = await act(pr, prEvent(31, sha('1'), sha('2')), workspace('main'));
    expect(r.code).toBe(0);
    expect(r.outputs['baseline-run-id']).toBe(String(main.id));
    expect(r.outputs.verdict).toBe('identical');
  });

  it('schedule runs are baselines only when baseline-events names them, and the notice says what was looked for', async () => {
    world.runs.length = 0;
    const nightly = await mainPush(sha('3'), workspace('nightly'), 'schedule');
    const pr = addRun(world, { repo: REPO, pullRequestNumber: 32, headBranch: 'f-32', baseRef: 'main', headSha: sha('4'), status: 'in_progress' });
    const none = await act(pr, prEvent(32, sha('3'), sha('4')), workspace('nightly'));
    expect(none.outputs.verdict).toBe('no-baseline');
    expect(none.stdout).toMatch(/not a trusted baseline: a schedule run, not one of baseline-events \(push\)/);
    expect(none.stdout).toMatch(/looked for the base commit 3333333 or among the newest 30 successful push runs of ci\.yml on main/);

    const again = addRun(world, { repo: REPO, pullRequestNumber: 32, headBranch: 'f-32', baseRef: 'main', headSha: sha('5'), status: 'in_progress' });
    const r = await act(again, prEvent(32, sha('3'), sha('5')), workspace('nightly'), { 'baseline-events': 'push, schedule' });
    expect(r.outputs['baseline-run-id']).toBe(String(nightly.id));
    expect(r.outputs.verdict).toBe('identical');
  });

  it('refuses pull-request events in baseline-events with a reason', async () => {
    const run = addRun(world, { repo: REPO, pullRequestNumber: 33, headBranch: 'f-33', baseRef: 'main', headSha: sha('6'), status: 'in_progress' });
    const r = await act(run, prEvent(33, sha('3'), sha('6')), workspace('nightly'), { 'baseline-events': 'push,pull_request_target' });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/input 'baseline-events' must be a comma-separated list of push, schedule, workflow_dispatch: those runs build a pull request's code/);
  });
});

describe('merge queues', () => {
  it('a merge_group run is compared with the queue base commit and the fail-on gate applies', async () => {
    world.runs.length = 0;
    const main = await mainPush(sha('7'), workspace('main'));
    const group = addRun(world, { repo: REPO, event: 'merge_group', headBranch: 'gh-readonly-queue/main/pr-40-7777777', headSha: sha('8'), status: 'in_progress' });
    const event = { ...repoEvent, merge_group: { base_sha: sha('7'), base_ref: 'refs/heads/main', head_sha: sha('8'), head_ref: 'refs/heads/gh-readonly-queue/main/pr-40-7777777' } };
    const r = await act(group, event, workspace('queued'), { 'fail-on': 'drift' });
    expect(r.outputs['baseline-run-id']).toBe(String(main.id));
    expect(r.outputs['baseline-sha']).toBe(sha('7'));
    expect(r.outputs.drift).toBe('true');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error::build outputs drifted from the baseline/m);
  });
});

describe('an unreadable baseline', () => {
  it('is skipped with a warning naming the run, and the next run is used; fail-on: never still passes', async () => {
    world.runs.length = 0;
    const good = await mainPush(sha('a'), workspace('main'));
    // The newest main run's snapshot is from a future format version.
    const file = join(scratch, 'future', 'vitsnap-snapshot.vitsnap');
    mkdirSync(join(scratch, 'future'), { recursive: true });
    writeFileSync(join(scratch, 'good.zip'), blobOf(snapshotArtifacts(good)[0] as Artifact));
    execFileSync('unzip', ['-o', '-q', '-d', join(scratch, 'future'), join(scratch, 'good.zip')]);
    const bytes = readFileSync(file);
    bytes.writeUInt16LE(9, 8); // header: format major 9
    writeFileSync(file, bytes);
    const zip = join(scratch, 'future.zip');
    execFileSync('zip', ['-0', '-j', '-q', '-X', zip, file]);
    const future = addRun(world, { repo: REPO, event: 'push', headBranch: 'main', headSha: sha('b') });
    addArtifact(world, future, { name: 'vitsnap-snapshot', content: readFileSync(zip) });

    const pr = addRun(world, { repo: REPO, pullRequestNumber: 34, headBranch: 'f-34', baseRef: 'main', headSha: sha('c'), status: 'in_progress' });
    const r = await act(pr, prEvent(34, sha('b'), sha('c')), workspace('main'));
    expect(r.code).toBe(0);
    expect(r.annotations).toContainEqual(expect.objectContaining({ level: 'warning', message: expect.stringMatching(new RegExp(`^the baseline snapshot of run ${future.id} \\(bbbbbbb\\) cannot be read \\(E_VERSION: `)) }));
    expect(r.outputs['baseline-run-id']).toBe(String(good.id));
    expect(r.outputs.verdict).toBe('identical');
    expect(r.summary).toContain('**Identical**');
    // The headline names the sides, not runner temp paths; the verified baseline needs no "not read" note.
    expect(r.summary).toContain(`### vitsnap: <code>main @ aaaaaaa (run ${good.id})</code> → <code>#34 @ ccccccc</code>`);
    expect(r.summary).not.toContain('runner-temp');
    expect(r.summary).not.toContain('were not read');
  });
});

describe('the cache backend', () => {
  it("restores the base commit's entry, not the newest, also on a runner whose temp directory is elsewhere", async () => {
    world.runs.length = 0;
    const cached = { baseline: 'cache', name: 'cached' };
    for (const [c, flavour] of [['1', 'main'], ['2', 'newer']] as const) {
      const run = addRun(world, { repo: REPO, event: 'push', headBranch: 'main', headSha: sha(c), status: 'in_progress' });
      expect((await act(run, repoEvent, workspace(flavour), cached)).code).toBe(0);
    }
    expect(world.cacheEntries.map((e) => e.key)).toEqual([`vitsnap-cached-refs/heads/main-${sha('1')}`, `vitsnap-cached-refs/heads/main-${sha('2')}`]);
    const pr = addRun(world, { repo: REPO, pullRequestNumber: 35, headBranch: 'f-35', baseRef: 'main', headSha: sha('d'), status: 'in_progress' });
    const r = await act(pr, prEvent(35, sha('1'), sha('d')), workspace('main'), cached, join(scratch, 'elsewhere', 'tmp'));
    expect(r.outputs['baseline-sha']).toBe(sha('1'));
    expect(r.outputs.verdict).toBe('identical');
    expect(r.summary).toContain(`cache entry vitsnap-cached-refs/heads/main-${sha('1')}, the base commit`);
    // The cache's working directory is gone again: nothing left in the workspace for a later step.
    expect(existsSync(join(workspace('main'), '.vitsnap-cache-cached'))).toBe(false);
  });
});

describe('GitHub Enterprise Server', () => {
  it('uploads no artifact, looks for baselines in the cache only, and does not blame the token', async () => {
    const ghes = createWorld({ serverUrl: 'https://ghes.example.com' });
    addRepo(ghes, { owner: 'octo', name: 'trust', workflows: ['ci.yml'] });
    const ghesToken = addToken(ghes);
    const server = await startEmulator(ghes);
    try {
      const run = (r: WorkflowRun, event: Record<string, unknown>): Promise<ActionRun> =>
        runAction({ emulator: server, run: r, dist, workspace: workspace('main'), scratch: join(scratch, `run-${++counter}`), runnerTemp: join(scratch, 'runner-temp'), inputs: { path: 'build/**' }, event, token: ghesToken.token });
      const push = await run(addRun(ghes, { repo: REPO, event: 'push', headBranch: 'main', headSha: sha('1'), status: 'in_progress' }), repoEvent);
      expect(push.code).toBe(0);
      expect(push.stdout).toContain('GitHub Enterprise Server has no artifact service v4');
      expect(push.stdout).not.toMatch(/could not upload/);
      expect(ghes.artifacts).toEqual([]);

      const pr = await run(addRun(ghes, { repo: REPO, pullRequestNumber: 36, headBranch: 'f-36', baseRef: 'main', headSha: sha('2'), status: 'in_progress' }), prEvent(36, sha('1'), sha('2')));
      expect(pr.code).toBe(0);
      expect(pr.outputs.verdict).toBe('no-baseline');
      expect(pr.summary).toContain('artifacts v4 are not available on GitHub Enterprise Server');
      expect(pr.stdout).not.toMatch(/actions: read|could not upload/);
    } finally {
      await server.close();
    }
  });
});

/** The snapshot artifact a main push of workspace `flavour` uploads (made once, on a side run). */
async function mainPushOf(flavour: string): Promise<WorkflowRun> {
  const run = addRun(world, { repo: REPO, event: 'push', headBranch: `side-${flavour}`, headSha: sha('e'), status: 'in_progress' });
  const r = await act(run, repoEvent, workspace(flavour));
  expect(r.code).toBe(0);
  return run;
}
