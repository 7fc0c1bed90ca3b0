/**
 * The bundled action end to end: `dist/` is built into a temp dir, then `node index.js` runs as
 * the runner runs it, against our loopback emulators of GitHub's artifact, cache and REST services,
 * with the real @actions/artifact, @actions/cache and Octokit clients inside the bundle. Scenarios
 * run in order on one world, like a repository's history: main pushes baselines, PRs compare.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commentMarker } from '../../src/github/comment.js';
import {
  addArtifact,
  addComment,
  addRepo,
  addRun,
  addToken,
  commentsOn,
  createWorld,
  expireArtifact,
  startEmulator,
  type ApiToken,
  type Artifact,
  type Emulator,
  type World,
  type WorkflowRun,
} from '../github/emulators/index.js';
import { REPO_ROOT } from '../helpers/cli.js';
import { buildCProgram } from '../helpers/toolchain.js';
import { actionBundle } from './bundle.js';
import { runAction, type ActionRun } from './harness.js';
import { EXAMPLES_DIR, exampleSteps } from './workflow-examples.js';

// Each test runs the action several times: on a loaded 2-core machine one run alone can take 20 s.
jest.setTimeout(240_000);

const REPO = 'octo/app';
const MARKER = commentMarker('snapshot');
let scratch: string;
let dist: string;
let world: World;
let emulator: Emulator;
let writeToken: ApiToken;
let readOnlyToken: ApiToken;
let counter = 0;

const sha = (c: string): string => c.repeat(40).slice(0, 40);

/** A workspace with a real build: a C program stamped by __DATE__ and a JSON manifest with a build date. */
async function workspace(day: number): Promise<string> {
  const ws = join(scratch, `ws-${day}`);
  if (existsSync(ws)) return ws;
  mkdirSync(join(ws, 'build', 'share'), { recursive: true });
  await buildCProgram(join(ws, 'build', 'bin'), { name: 'app', useDate: true, env: { SOURCE_DATE_EPOCH: String(1767225600 + day * 86400) } });
  rmSync(join(ws, 'build', 'bin', 'app.c'));
  writeFileSync(join(ws, 'build', 'share', 'build.json'), `${JSON.stringify({ name: 'app', built: new Date(Date.UTC(2026, 0, 1 + day)).toISOString() }, null, 2)}\n`);
  writeFileSync(join(ws, 'build', 'README.txt'), 'unchanged\n');
  return ws;
}

function pushRun(headSha: string): WorkflowRun {
  return addRun(world, { repo: REPO, event: 'push', headBranch: 'main', headSha, status: 'in_progress' });
}

function prRun(number: number, headSha: string): { run: WorkflowRun } {
  return { run: addRun(world, { repo: REPO, pullRequestNumber: number, headBranch: `feature-${number}`, baseRef: 'main', headSha, status: 'in_progress' }) };
}

function prEvent(number: number, baseSha: string, headSha: string, fork = false): Record<string, unknown> {
  return {
    pull_request: {
      number,
      base: { sha: baseSha, ref: 'main', repo: { full_name: REPO } },
      head: { sha: headSha, ref: `feature-${number}`, repo: { full_name: fork ? 'fork/app' : REPO } },
    },
    repository: { default_branch: 'main', full_name: REPO },
  };
}

function finish(run: WorkflowRun): void {
  run.status = 'completed';
  run.conclusion = 'success';
}

async function act(run: WorkflowRun, event: Record<string, unknown>, ws: string, inputs: Record<string, string> = {}, token = writeToken): Promise<ActionRun> {
  return runAction({ emulator, run, dist, workspace: ws, scratch: join(scratch, `run-${++counter}`), runnerTemp: join(scratch, 'runner-temp'), inputs: { path: 'build/**', ...inputs }, event, token: token.token });
}

function artifactsOf(run: WorkflowRun, name = 'vitsnap-snapshot'): Artifact[] {
  return world.artifacts.filter((a) => a.runId === run.id && a.name === name && a.finalized);
}

function blobContent(artifact: Artifact): Buffer {
  const blob = world.blobs.get(artifact.blobKey);
  if (blob === undefined) throw new Error(`no blob for artifact ${artifact.id}`);
  return blob.content ?? Buffer.concat([...blob.committedBlocks.values()]);
}

function stickyComments(pr: number): string[] {
  return commentsOn(world, REPO, pr)
    .map((c) => c.body)
    .filter((b) => b.includes(MARKER));
}

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'vitsnap-action-e2e-'));
  dist = await actionBundle();
  world = createWorld();
  addRepo(world, { owner: 'octo', name: 'app', workflows: ['ci.yml'] });
  writeToken = addToken(world);
  readOnlyToken = addToken(world, { access: 'read-only' });
  emulator = await startEmulator(world);
}, 900_000); // building the bundle alone took over 5 min on a loaded 2-core machine

afterAll(async () => {
  await emulator?.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe('the action on main and on pull requests', () => {
  let main1: WorkflowRun;

  it('uploads a baseline on a push to main', async () => {
    main1 = pushRun(sha('a'));
    const r = await act(main1, { repository: { default_branch: 'main' } }, await workspace(1));
    expect(r.code).toBe(0);
    expect(artifactsOf(main1)).toHaveLength(1);
    expect(r.outputs['artifact-id']).toBe(String(artifactsOf(main1)[0]?.id));
    expect(r.outputs['snapshot-path']).toBe(join(r.runnerTemp, 'vitsnap-snapshot.vitsnap'));
    expect(r.outputs.verdict).toBeUndefined(); // a push captures; it does not compare
    finish(main1);
  });

  it('finds the baseline by the base sha, reports drift in a sticky comment, the summary, annotations and outputs', async () => {
    const { run } = prRun(7, sha('b'));
    const r = await act(run, prEvent(7, sha('a'), sha('b')), await workspace(2));
    expect(r.code).toBe(0);
    expect(r.outputs['baseline-run-id']).toBe(String(main1.id));
    expect(r.outputs['baseline-sha']).toBe(sha('a'));
    expect(r.outputs.verdict).toBe('drift-explained');
    expect(r.outputs.drift).toBe('true');
    expect(r.outputs['changed-count']).toBe('2');
    expect(r.outputs['added-count']).toBe('0');
    expect(r.outputs['removed-count']).toBe('0');
    const comments = stickyComments(7);
    expect(comments).toHaveLength(1);
    expect(comments[0]).toContain('build/share/build.json');
    expect(comments[0]).toContain(`Baseline: run ${main1.id} at aaaaaaa, the base commit`);
    expect(comments[0]?.length).toBeLessThanOrEqual(65_536);
    expect(r.summary).toContain('build/bin/app');
    const files = r.annotations.filter((a) => a.properties.file !== undefined).map((a) => [a.level, a.properties.file]);
    expect(files).toEqual(expect.arrayContaining([['notice', 'build/bin/app'], ['notice', 'build/share/build.json']]));
    expect(readFileSync(r.outputs['comment-body-path'] as string, 'utf8')).toBe(comments[0]);
    const report = JSON.parse(readFileSync(join(r.outputs['report-path'] as string, 'report.json'), 'utf8')) as { verdict: string };
    expect(report.verdict).toBe('drift-explained');
    expect(artifactsOf(run, 'vitsnap-snapshot-report')).toHaveLength(1);
  });

  it('updates the same comment on the next push to the PR, and fails with a reason when fail-on is drift', async () => {
    const { run } = prRun(7, sha('c'));
    const r = await act(run, prEvent(7, sha('a'), sha('c')), await workspace(2), { 'fail-on': 'drift' });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error::build outputs drifted from the baseline \(drift-explained: 2 modified, 0 added, 0 removed, 0 mode\/type\/link\) and fail-on is 'drift'$/m);
    expect(stickyComments(7)).toHaveLength(1);
  });

  it('passes fail-on: unexplained when every difference has a cause, and says identical for the same build', async () => {
    const { run } = prRun(8, sha('d'));
    const explained = await act(run, prEvent(8, sha('a'), sha('d')), await workspace(2), { 'fail-on': 'unexplained' });
    expect(explained.code).toBe(0);
    const same = prRun(8, sha('e'));
    const r = await act(same.run, prEvent(8, sha('a'), sha('e')), await workspace(1), { 'fail-on': 'drift' });
    expect(r.code).toBe(0);
    expect(r.outputs.verdict).toBe('identical');
    expect(r.outputs.drift).toBe('false');
    // comment: auto refreshes the earlier drift comment instead of leaving it stale.
    expect(stickyComments(8)).toHaveLength(1);
    expect(stickyComments(8)[0]).toContain('Identical');
  });

  it('walks back to an older main run when the base run has no artifact, and skips expired ones (listed or 410 on download)', async () => {
    addRun(world, { repo: REPO, event: 'push', headBranch: 'main', headSha: sha('f') }); // the base commit's run: no artifact
    const expired = addRun(world, { repo: REPO, event: 'push', headBranch: 'main', headSha: sha('9') });
    const first = artifactsOf(main1)[0] as Artifact;
    expireArtifact(world, addArtifact(world, expired, { name: 'vitsnap-snapshot', content: blobContent(first) }).id);
    const gone = addRun(world, { repo: REPO, event: 'push', headBranch: 'main', headSha: sha('8') });
    addArtifact(world, gone, { name: 'vitsnap-snapshot', content: blobContent(first) });
    emulator.injectFault({ service: 'rest', route: new RegExp(`/actions/artifacts/\\d+/zip$`), status: 410 });
    const { run } = prRun(10, sha('7'));
    const r = await act(run, prEvent(10, sha('f'), sha('7')), await workspace(2));
    expect(r.code).toBe(0);
    expect(r.outputs['baseline-run-id']).toBe(String(main1.id));
    expect(stickyComments(10)[0]).toMatch(new RegExp(`Baseline: run ${main1.id} at aaaaaaa, the newest usable run on main, 3 runs behind the branch head \\(the pull request's base is fffffff\\)`));
  });

  it('reports no-baseline as a neutral result, and fails only when asked', async () => {
    const { run } = prRun(12, sha('6'));
    const r = await act(run, prEvent(12, sha('a'), sha('6')), await workspace(2), { name: 'other' });
    expect(r.code).toBe(0);
    expect(r.outputs.verdict).toBe('no-baseline');
    expect(r.annotations.find((a) => a.level === 'notice')?.message).toMatch(/^vitsnap: no baseline snapshot to compare with/);
    // A second run: two steps of one run with one name would be a matrix collision.
    const again = prRun(12, sha('6')).run;
    const strict = await act(again, prEvent(12, sha('a'), sha('6')), await workspace(2), { name: 'other', 'fail-on-missing-baseline': 'true' });
    expect(strict.code).toBe(1);
    expect(strict.stdout).toMatch(/^::error::no baseline snapshot \(.*\) and fail-on-missing-baseline is true$/m);
  });

  it('finds its comment on page 2 of 150 and updates it in place', async () => {
    for (let i = 0; i < 150; i++) addComment(world, { repo: REPO, issueNumber: 9, body: i === 120 ? `${MARKER}\nold report` : `chatter ${i}`, ...(i === 120 ? { author: 'github-actions[bot]' } : {}) });
    const { run } = prRun(9, sha('5'));
    const r = await act(run, prEvent(9, sha('a'), sha('5')), await workspace(2));
    expect(r.code).toBe(0);
    const all = commentsOn(world, REPO, 9);
    expect(all).toHaveLength(150);
    expect(all[120]?.body).toContain('build/share/build.json');
    expect(stickyComments(9)).toHaveLength(1);
    expect(emulator.requests.some((q) => q.service === 'rest' && q.path.endsWith('/issues/9/comments') && q.query.includes('page=2'))).toBe(true);
  });

  it('falls back to the summary for a fork PR (403), then mode: post in a workflow_run workflow posts the comment', async () => {
    const { run } = prRun(11, sha('4'));
    const r = await act(run, prEvent(11, sha('a'), sha('4'), true), await workspace(2), {}, readOnlyToken);
    expect(r.code).toBe(0);
    expect(r.annotations.some((a) => a.level === 'warning' && a.message.startsWith('could not comment on the pull request: the token cannot write comments on #11 (HTTP 403'))).toBe(true);
    expect(r.summary).toContain('build/share/build.json');
    expect(stickyComments(11)).toHaveLength(0);
    finish(run);
    const follow = addRun(world, { repo: REPO, workflow: 'post.yml', event: 'workflow_run', headBranch: 'main', headSha: sha('a'), status: 'in_progress' });
    const post = await act(follow, { workflow_run: { id: run.id, head_sha: sha('4'), event: 'pull_request' } }, await workspace(2), { ...exampleSteps('post-comment.yml')[0], path: '' });
    expect(post.code).toBe(0);
    expect(stickyComments(11)).toHaveLength(1);
    expect(stickyComments(11)[0]).toContain('build/share/build.json');
  });

  it('refuses to post a prepared comment whose PR does not match the run that made it', async () => {
    const { run } = prRun(13, sha('3'));
    await act(run, prEvent(13, sha('a'), sha('3'), true), await workspace(2), {}, readOnlyToken);
    finish(run);
    const follow = addRun(world, { repo: REPO, workflow: 'post.yml', event: 'workflow_run', headBranch: 'main', headSha: sha('a'), status: 'in_progress' });
    const post = await act(follow, { workflow_run: { id: run.id, head_sha: sha('2'), event: 'pull_request' } }, await workspace(2), { mode: 'post', path: '' });
    expect(post.code).toBe(1);
    expect(post.stdout).toMatch(/^::error::E_INPUT: 1 of 1 report artifacts were not posted: vitsnap-snapshot-report: the prepared comment names #13, whose head is not the commit run \d+ built; refusing to post it$/m);
    expect(stickyComments(13)).toHaveLength(0);
  });
});

describe('the cache backend', () => {
  it('saves main\'s snapshot to the cache and restores it on a PR by prefix, through a 500 and dropped connections', async () => {
    const main = pushRun(sha('c1'));
    // A dropped connection the cache client does not retry: the action tries once more.
    const saveDrop = emulator.injectFault({ service: 'cache', route: 'CreateCacheEntry', drop: true });
    const saved = await act(main, { repository: { default_branch: 'main' } }, await workspace(1), { baseline: 'cache', name: 'cached' });
    expect(saved.code).toBe(0);
    expect(world.cacheEntries.map((e) => [e.key, e.scope, e.finalized])).toEqual([[`vitsnap-cached-refs/heads/main-${sha('c1')}`, 'refs/heads/main', true]]);
    finish(main);
    const { run } = prRun(15, sha('c2'));
    // The cache client retries a 5xx from its service itself (a dropped connection it does not: README, Resilience).
    const fault = emulator.injectFault({ service: 'cache', route: 'GetCacheEntryDownloadURL', status: 500 });
    const restoreDrop = emulator.injectFault({ service: 'cache', route: 'GetCacheEntryDownloadURL', drop: true });
    const r = await act(run, prEvent(15, sha('c1'), sha('c2')), await workspace(2), { baseline: 'cache', name: 'cached' });
    expect(r.code).toBe(0);
    expect(r.outputs['baseline-sha']).toBe(sha('c1'));
    expect(r.outputs['baseline-run-id']).toBe('');
    expect(r.outputs.verdict).toBe('drift-explained');
    expect([saveDrop.hits, fault.hits, restoreDrop.hits]).toEqual([1, 1, 1]);
  });
});

describe("the README's workflows (examples/workflows), as written", () => {
  it('pr-drift.yml: main stores the baseline, the PR gets a comment that ignores build paths', async () => {
    const [inputs] = exampleSteps('pr-drift.yml');
    expect(inputs).toEqual({ path: 'build/**\n!build/obj/**', ignore: 'build-paths' });
    const main = pushRun(sha('e1'));
    expect((await act(main, { repository: { default_branch: 'main' } }, await workspace(1), inputs)).code).toBe(0);
    finish(main);
    const { run } = prRun(20, sha('e2'));
    const r = await act(run, prEvent(20, sha('e1'), sha('e2')), await workspace(2), inputs);
    expect(r.code).toBe(0);
    expect(r.outputs['baseline-run-id']).toBe(String(main.id));
    expect(r.outputs.verdict).toBe('drift-explained');
    expect(stickyComments(20)).toHaveLength(1);
  });

  it('matrix.yml: one snapshot and one sticky comment per leg', async () => {
    const legs = ['gcc', 'clang'];
    const main = pushRun(sha('e3'));
    for (const cc of legs) expect((await act(main, { repository: { default_branch: 'main' } }, await workspace(1), exampleSteps('matrix.yml', { 'matrix.cc': cc })[0])).code).toBe(0);
    finish(main);
    expect(world.artifacts.filter((a) => a.runId === main.id).map((a) => a.name).sort()).toEqual(['vitsnap-sample-clang', 'vitsnap-sample-gcc']);
    const { run } = prRun(21, sha('e4'));
    for (const cc of legs) expect((await act(run, prEvent(21, sha('e3'), sha('e4')), await workspace(2), exampleSteps('matrix.yml', { 'matrix.cc': cc })[0])).code).toBe(0);
    const bodies = commentsOn(world, REPO, 21).map((c) => c.body);
    expect(bodies).toHaveLength(2);
    expect(bodies.filter((b) => b.includes(commentMarker('sample-gcc')))).toHaveLength(1);
    expect(bodies.filter((b) => b.includes(commentMarker('sample-clang')))).toHaveLength(1);
  });

  it('release-gate.yml: two builds captured on two runners, the third job passes when identical and fails on drift', async () => {
    const gate = async (days: [number, number]): Promise<ActionRun> => {
      const tag = addRun(world, { repo: REPO, workflow: 'release-gate.yml', event: 'push', headBranch: 'v1.0.0', ref: 'refs/tags/v1.0.0', headSha: sha(`e${days[1]}`), status: 'in_progress' });
      const compareWs = join(scratch, `gate-${days.join('-')}`);
      const runners = ['ubuntu-22.04', 'ubuntu-24.04'];
      for (const [i, runner] of runners.entries()) {
        const [inputs] = exampleSteps('release-gate.yml', { 'matrix.runner': runner });
        expect((await act(tag, { repository: { default_branch: 'main' } }, await workspace(days[i] as number), inputs)).code).toBe(0);
        // What actions/download-artifact does with `pattern:`: each artifact unzipped into a directory of its name.
        const artifact = artifactsOf(tag, `vitsnap-${runner}`)[0] as Artifact;
        const dir = join(compareWs, artifact.name);
        mkdirSync(dir, { recursive: true });
        writeFileSync(join(scratch, 'artifact.zip'), blobContent(artifact));
        await new Promise<void>((resolve, reject) => spawn('unzip', ['-q', '-o', join(scratch, 'artifact.zip'), '-d', dir]).on('close', (c) => (c === 0 ? resolve() : reject(new Error(`unzip exit ${c}`)))));
      }
      return act(tag, { repository: { default_branch: 'main' } }, compareWs, exampleSteps('release-gate.yml')[1]);
    };
    const same = await gate([1, 1]);
    expect(same.code).toBe(0);
    expect(same.outputs.verdict).toBe('identical');
    const drift = await gate([1, 2]);
    expect(drift.code).toBe(1);
    expect(drift.outputs.verdict).toBe('drift-explained');
    expect(drift.stdout).toMatch(/^::error::build outputs drifted from the baseline .* and fail-on is 'drift'$/m);
  });

  it('the README shows each example workflow exactly', () => {
    const readme = readFileSync(join(REPO_ROOT, 'README.md'), 'utf8');
    for (const file of ['pr-drift.yml', 'post-comment.yml', 'release-gate.yml', 'matrix.yml']) {
      expect(readme).toContain(`\`\`\`yaml\n${readFileSync(join(EXAMPLES_DIR, file), 'utf8')}\`\`\``);
    }
  });
});

describe('the action under network faults', () => {
  it('retries an injected 500 and a dropped connection on each service, then succeeds', async () => {
    const main = pushRun(sha('1'));
    emulator.injectFault({ service: 'artifact', route: 'CreateArtifact', status: 500 });
    emulator.injectFault({ service: 'blob', method: 'PUT', route: /comp=block&/, status: 500 });
    emulator.injectFault({ service: 'blob', method: 'PUT', route: /comp=blocklist/, drop: true });
    const pushed = await act(main, { repository: { default_branch: 'main' } }, await workspace(1));
    expect(pushed.code).toBe(0);
    expect(artifactsOf(main)).toHaveLength(1);
    finish(main);

    const { run } = prRun(14, sha('0'));
    emulator.injectFault({ service: 'artifact', route: 'CreateArtifact', drop: true });
    emulator.injectFault({ service: 'rest', route: '/runs', status: 500 });
    emulator.injectFault({ service: 'rest', route: '/artifacts', drop: true });
    emulator.injectFault({ service: 'rest', route: '/comments', method: 'GET', status: 502 });
    emulator.injectFault({ service: 'rest', route: '/comments', method: 'POST', drop: true });
    emulator.injectFault({ service: 'blob', method: 'GET', status: 500 });
    const r = await act(run, prEvent(14, sha('1'), sha('0')), await workspace(2));
    expect(r.code).toBe(0);
    expect(r.outputs['baseline-run-id']).toBe(String(main.id));
    expect(r.outputs.verdict).toBe('drift-explained');
    expect(stickyComments(14)).toHaveLength(1);
    const faulted = emulator.requests.filter((q) => q.injected).map((q) => `${q.service} ${q.method} ${q.status}`);
    expect(faulted).toEqual(
      expect.arrayContaining(['artifact POST 500', 'artifact POST dropped', 'blob PUT 500', 'blob PUT dropped', 'blob GET 500', 'rest GET 500', 'rest GET dropped', 'rest GET 502', 'rest POST dropped']),
    );
    expect(emulator.failures).toEqual([]);
  }, 120_000);
});
