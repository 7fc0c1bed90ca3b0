/**
 * The sticky comment of the bundled action end to end (issue #9): the `comment-url` output and a
 * headline that names the sides by branch, commit and run rather than by runner temp paths.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commentMarker } from '../../src/github/comment.js';
import { addRepo, addRun, addToken, commentsOn, createWorld, startEmulator, type ApiToken, type Emulator, type World, type WorkflowRun } from '../github/emulators/index.js';
import { actionBundle } from './bundle.js';
import { RUNNER_SUMMARY_LIMIT, runAction, type ActionRun } from './harness.js';

// Each test runs the action several times: on a loaded 2-core machine one run alone can take 20 s.
jest.setTimeout(240_000);

const REPO = 'octo/app';
const MARKER = commentMarker('snapshot');
let scratch: string;
let dist: string;
let world: World;
let emulator: Emulator;
let token: ApiToken;
let counter = 0;

const sha = (c: string): string => c.repeat(40).slice(0, 40);

function workspace(day: number): string {
  const ws = join(scratch, `ws-${day}`);
  mkdirSync(join(ws, 'build'), { recursive: true });
  writeFileSync(join(ws, 'build', 'build.json'), `${JSON.stringify({ built: new Date(Date.UTC(2026, 0, 1 + day)).toISOString() })}\n`);
  return ws;
}

async function act(run: WorkflowRun, event: Record<string, unknown>, ws: string): Promise<ActionRun> {
  return runAction({ emulator, run, dist, workspace: ws, scratch: join(scratch, `run-${++counter}`), runnerTemp: join(scratch, 'runner-temp'), inputs: { path: 'build/**' }, event, token: token.token });
}

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'vitsnap-action-comment-'));
  dist = await actionBundle();
  world = createWorld();
  addRepo(world, { owner: 'octo', name: 'app', workflows: ['ci.yml'] });
  token = addToken(world);
  emulator = await startEmulator(world);
}, 900_000); // building the bundle alone took over 5 min on a loaded 2-core machine

afterAll(async () => {
  await emulator?.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe('the sticky comment', () => {
  it('names the sides "main @ sha (run N)" → "#7 @ sha" and reports its address as comment-url', async () => {
    const main = addRun(world, { repo: REPO, event: 'push', headBranch: 'main', headSha: sha('a'), status: 'in_progress' });
    expect((await act(main, { repository: { default_branch: 'main' } }, workspace(1))).code).toBe(0);
    main.status = 'completed';
    main.conclusion = 'success';

    const pr = addRun(world, { repo: REPO, pullRequestNumber: 7, headBranch: 'feature-7', baseRef: 'main', headSha: sha('b'), status: 'in_progress' });
    const r = await act(
      pr,
      {
        pull_request: { number: 7, base: { sha: sha('a'), ref: 'main', repo: { full_name: REPO } }, head: { sha: sha('b'), ref: 'feature-7', repo: { full_name: REPO } } },
        repository: { default_branch: 'main', full_name: REPO },
      },
      workspace(2),
    );
    expect(r.code).toBe(0);
    const ours = commentsOn(world, REPO, 7).filter((c) => c.body.includes(MARKER));
    expect(ours).toHaveLength(1);
    const body = ours[0]?.body ?? '';
    expect(body).toContain(`### vitsnap: <code>main @ aaaaaaa (run ${main.id})</code> → <code>#7 @ bbbbbbb</code>`);
    expect(body).not.toContain(r.runnerTemp);
    expect(r.outputs['comment-url']).toBe(`${world.serverUrl}/${REPO}/pull/7#issuecomment-${ours[0]?.id}`);
  });
});

describe('mode: post', () => {
  it('skips with a notice, not an error, when the PR has moved past the commit the run built', async () => {
    const readOnly = addToken(world, { access: 'read-only' });
    const run = addRun(world, { repo: REPO, pullRequestNumber: 21, headBranch: 'feature-21', baseRef: 'main', headSha: sha('c'), status: 'in_progress' });
    const fork = await runAction({
      emulator, run, dist, workspace: workspace(3), scratch: join(scratch, `run-${++counter}`), runnerTemp: join(scratch, 'runner-temp'), inputs: { path: 'build/**' }, token: readOnly.token,
      event: {
        pull_request: { number: 21, base: { sha: sha('a'), ref: 'main', repo: { full_name: REPO } }, head: { sha: sha('c'), ref: 'feature-21', repo: { full_name: 'fork/app' } } },
        repository: { default_branch: 'main', full_name: REPO },
      },
    });
    expect(fork.code).toBe(0);
    run.status = 'completed';
    run.conclusion = 'success';
    // The contributor pushes again before the post workflow runs: the PR's head is now d….
    addRun(world, { repo: REPO, pullRequestNumber: 21, headBranch: 'feature-21', baseRef: 'main', headSha: sha('d'), status: 'in_progress' });
    const follow = addRun(world, { repo: REPO, workflow: 'post.yml', event: 'workflow_run', headBranch: 'main', headSha: sha('a'), status: 'in_progress' });
    const post = await runAction({
      emulator, run: follow, dist, workspace: workspace(3), scratch: join(scratch, `run-${++counter}`), runnerTemp: join(scratch, 'runner-temp'), inputs: { mode: 'post', path: '' }, token: token.token,
      event: { workflow_run: { id: run.id, head_sha: sha('c'), event: 'pull_request' } },
    });
    expect(post.code).toBe(0);
    expect(post.stdout).toMatch(new RegExp(`^::notice::vitsnap: #21 has moved on to ddddddd since run ${run.id} built ccccccc; not posting its stale report$`, 'm'));
    expect(commentsOn(world, REPO, 21).filter((c) => c.body.includes(MARKER))).toHaveLength(0);
    expect(post.outputs['comment-url']).toBe('');
  });
});

describe('the job summary', () => {
  /** 6,000 files under accented (multi-byte) names, their content stamped with `day`. */
  function manyFiles(day: number): string {
    const ws = join(scratch, `many-${day}`);
    for (let d = 0; d < 60; d++) {
      const dir = join(ws, 'build', `données-été-àéèêëîïôöùûüç-${d}`);
      mkdirSync(dir, { recursive: true });
      for (let f = 0; f < 100; f++) writeFileSync(join(dir, `résumé-naïve-façade-crème-brûlée-déjà-vu-${f}.txt`), `day ${day}\n`);
    }
    return ws;
  }

  it('stays under the runner\'s 1 MiB (bytes, not characters) with ~6,000 accented paths changed', async () => {
    const main = addRun(world, { repo: REPO, event: 'push', headBranch: 'main', headSha: sha('e'), status: 'in_progress' });
    expect((await act(main, { repository: { default_branch: 'main' } }, manyFiles(1))).code).toBe(0);
    main.status = 'completed';
    main.conclusion = 'success';
    const pr = addRun(world, { repo: REPO, pullRequestNumber: 31, headBranch: 'feature-31', baseRef: 'main', headSha: sha('f'), status: 'in_progress' });
    const r = await act(
      pr,
      {
        pull_request: { number: 31, base: { sha: sha('e'), ref: 'main', repo: { full_name: REPO } }, head: { sha: sha('f'), ref: 'feature-31', repo: { full_name: REPO } } },
        repository: { default_branch: 'main', full_name: REPO },
      },
      manyFiles(2),
    );
    expect(r.code).toBe(0);
    expect(r.outputs['changed-count']).toBe('6000');
    expect(r.summaryDropped).toBe(false);
    expect(r.summaryBytes).toBeLessThanOrEqual(RUNNER_SUMMARY_LIMIT);
    // Counted in characters the summary would pass; in bytes it is the accents that push it over.
    expect(r.summaryBytes).toBeGreaterThan(r.summary.length);
    expect(r.summary).toContain('données-été-àéèêëîïôöùûüç-0/résumé-naïve-façade-crème-brûlée-déjà-vu-0.txt');
    expect(r.summary).toMatch(/more differences? not shown here/);
  }, 180_000);
});
