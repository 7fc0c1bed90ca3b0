/**
 * Matrix legs and re-runs against the artifact service's 409 (issue #9 items 4 and 5), end to
 * end: two jobs of one run uploading one `name` fail with what to change, and "Re-run jobs"
 * (a second attempt of the same run) replaces the first attempt's artifacts instead of keeping them.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addRepo, addRun, addToken, commentsOn, createWorld, startEmulator, type ApiToken, type Emulator, type World, type WorkflowRun } from '../github/emulators/index.js';
import { actionBundle } from './bundle.js';
import { runAction, type ActionRun } from './harness.js';

// Each test runs the action several times: on a loaded 2-core machine one run alone can take 20 s.
jest.setTimeout(240_000);

const REPO = 'octo/matrix';
const PINNED = new Date(Date.UTC(2026, 0, 1));
let scratch: string;
let dist: string;
let world: World;
let emulator: Emulator;
let token: ApiToken;
let counter = 0;

function workspace(flavour: string): string {
  const ws = join(scratch, `ws-${flavour}`);
  mkdirSync(join(ws, 'build'), { recursive: true });
  writeFileSync(join(ws, 'build', 'out.txt'), `${flavour}\n`, { mode: 0o644 });
  utimesSync(join(ws, 'build', 'out.txt'), PINNED, PINNED);
  return ws;
}

/** One job of `run` (each call is a new job, as each matrix leg is). */
function job(run: WorkflowRun, ws: string, inputs: Record<string, string> = {}, event: Record<string, unknown> = { repository: { default_branch: 'main' } }, as = token): Promise<ActionRun> {
  return runAction({ emulator, run, dist, workspace: ws, scratch: join(scratch, `run-${++counter}`), runnerTemp: join(scratch, `temp-${counter}`), inputs: { path: 'build/**', ...inputs }, event, token: as.token });
}

const snapshots = (run: WorkflowRun): number[] => world.artifacts.filter((a) => a.runId === run.id && a.name === 'vitsnap-snapshot' && a.finalized).map((a) => a.id);

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'vitsnap-matrix-'));
  dist = await actionBundle();
  world = createWorld();
  addRepo(world, { owner: 'octo', name: 'matrix', workflows: ['ci.yml'] });
  token = addToken(world);
  emulator = await startEmulator(world);
}, 900_000); // building the bundle alone took over 5 min on a loaded 2-core machine

afterAll(async () => {
  await emulator?.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe('one name per run', () => {
  it('a second matrix leg with the same name fails and says to give each leg its own name', async () => {
    const run = addRun(world, { repo: REPO, event: 'push', headBranch: 'main', headSha: '1'.repeat(40), status: 'in_progress' });
    const gcc = await job(run, workspace('gcc'));
    expect(gcc.code).toBe(0);
    const uploaded = world.artifacts.find((a) => a.id === Number(gcc.outputs['artifact-id']));
    expect(gcc.outputs['artifact-url']).toBe(`${world.serverUrl}/${REPO}/actions/runs/${run.id}/artifacts/${uploaded?.id}`);
    expect(gcc.outputs['artifact-digest']).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(gcc.outputs['artifact-digest']).toBe(uploaded?.digest);
    const clang = await job(run, workspace('clang'));
    expect(clang.code).toBe(1);
    expect(clang.stdout).toMatch(/^::error::E_INPUT: an artifact named vitsnap-snapshot already exists in this run: another job uploaded it, most likely a matrix leg with the same 'name'\. Give each matrix leg its own name \(e\.g\. 'name: \$\{\{ matrix\.os \}\}'\)/m);
    expect(snapshots(run)).toEqual([Number(gcc.outputs['artifact-id'])]);
    const named = await job(run, workspace('clang'), { name: 'clang' });
    expect(named.code).toBe(0);
  });

  it('a re-run (attempt 2) replaces its own artifact from attempt 1 and sets artifact-id', async () => {
    const run = addRun(world, { repo: REPO, event: 'push', headBranch: 'main', headSha: '2'.repeat(40), status: 'in_progress' });
    const first = await job(run, workspace('first'));
    expect(first.code).toBe(0);
    run.runAttempt = 2;
    const again = await job(run, workspace('second'));
    expect(again.code).toBe(0);
    expect(again.stdout).not.toMatch(/could not upload/);
    expect(again.outputs['artifact-id']).not.toBe('');
    expect(again.outputs['artifact-id']).not.toBe(first.outputs['artifact-id']);
    expect(snapshots(run)).toEqual([Number(again.outputs['artifact-id'])]);
  });

  it("mode: post posts every matrix leg's report of the finished run, each as its own sticky comment", async () => {
    const main = addRun(world, { repo: REPO, event: 'push', headBranch: 'main', headSha: '3'.repeat(40), status: 'in_progress' });
    for (const leg of ['gcc', 'clang']) expect((await job(main, workspace(`main-${leg}`), { name: leg })).code).toBe(0);
    main.status = 'completed';
    main.conclusion = 'success';
    // A fork's PR: read-only token, so each leg leaves its comment in its report artifact.
    const readOnly = addToken(world, { access: 'read-only' });
    const head = '4'.repeat(40);
    const pr = addRun(world, { repo: REPO, pullRequestNumber: 50, headBranch: 'fork-50', baseRef: 'main', headSha: head, status: 'in_progress' });
    const prEvent = {
      repository: { default_branch: 'main', full_name: REPO },
      pull_request: { number: 50, base: { sha: '3'.repeat(40), ref: 'main', repo: { full_name: REPO } }, head: { sha: head, ref: 'fork-50', repo: { full_name: 'fork/matrix' } } },
    };
    for (const leg of ['gcc', 'clang']) expect((await job(pr, workspace(`pr-${leg}`), { name: leg }, prEvent, readOnly)).code).toBe(0);
    pr.status = 'completed';
    pr.conclusion = 'success';
    const follow = addRun(world, { repo: REPO, event: 'workflow_run', headBranch: 'main', headSha: '5'.repeat(40), status: 'in_progress' });
    const post = await job(follow, workspace('post'), { mode: 'post', path: '' }, { workflow_run: { id: pr.id, head_sha: head, event: 'pull_request' } });
    expect(post.code).toBe(0);
    const bodies = commentsOn(world, REPO, 50).map((c) => c.body);
    expect(bodies.filter((b) => b.includes('<!-- vitsnap:comment name=gcc -->'))).toHaveLength(1);
    expect(bodies.filter((b) => b.includes('<!-- vitsnap:comment name=clang -->'))).toHaveLength(1);
    expect(post.stdout).toMatch(/clang: sticky comment created/);
    expect(post.stdout).toMatch(/gcc: sticky comment created/);
  });
});
