/**
 * Octokit from @actions/github (`getOctokit`, `paginate`) against the emulated REST API:
 * workflow-run filters, Link pagination, sticky-comment writes, and GitHub's refusals.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { openSession, type ClientSession } from './client-session.js';
import {
  addArtifact,
  addComment,
  addRepo,
  addRun,
  addToken,
  createWorld,
  expireArtifact,
  type ApiToken,
  type IssueComment,
  type WorkflowRun,
} from './emulators/index.js';

type GitHubModule = typeof import('@actions/github');
type Octokit = ReturnType<GitHubModule['getOctokit']>;

const T0 = Date.parse('2025-03-01T12:00:00Z');
const minutes = (n: number): Date => new Date(T0 + n * 60_000);
const MARKER = '<!-- vitsnap:sticky -->';

let session: ClientSession;
let github: GitHubModule;
let octokit: Octokit;
let writer: ApiToken;
let reader: ApiToken;
const runs: Record<string, WorkflowRun> = {};
let sticky: IssueComment;

beforeAll(async () => {
  const world = createWorld();
  addRepo(world, { owner: 'octo', name: 'app', workflows: ['ci.yml', 'release.yml'] });
  const repo = 'octo/app';
  runs.oldGreen = addRun(world, { repo, headBranch: 'main', createdAt: minutes(1) });
  runs.red = addRun(world, { repo, headBranch: 'main', conclusion: 'failure', createdAt: minutes(2) });
  runs.pullRequest = addRun(world, { repo, headBranch: 'feature', pullRequestNumber: 7, baseRef: 'main', createdAt: minutes(3) });
  runs.release = addRun(world, { repo, workflow: 'release.yml', headBranch: 'main', createdAt: minutes(4) });
  runs.newGreen = addRun(world, { repo, headBranch: 'main', headSha: 'c0ffee'.padEnd(40, '0'), createdAt: minutes(5) });
  runs.running = addRun(world, { repo, headBranch: 'main', status: 'in_progress', createdAt: minutes(6) });
  for (let i = 0; i < 150; i++) {
    const comment = addComment(world, {
      repo,
      issueNumber: 7,
      body: i === 120 ? `${MARKER}\nold report` : `comment ${i}`,
      author: i === 120 ? 'github-actions[bot]' : 'someone',
      createdAt: minutes(10 + i),
    });
    if (i === 120) sticky = comment;
  }
  writer = addToken(world, { access: 'write' });
  reader = addToken(world, { access: 'read-only' });
  session = await openSession(world);
  github = await import('@actions/github');
  octokit = github.getOctokit(writer.token);
});

afterAll(async () => {
  await session.close();
});

afterEach(() => {
  expect(session.emulator.failures).toEqual([]);
});

const repo = { owner: 'octo', repo: 'app' };

describe('workflow runs', () => {
  test('filters by branch, status (a conclusion) and event, newest first', async () => {
    const { data } = await octokit.rest.actions.listWorkflowRuns({
      ...repo,
      workflow_id: 'ci.yml',
      branch: 'main',
      status: 'success',
      event: 'push',
    });
    expect(data.total_count).toBe(2);
    expect(data.workflow_runs.map((r) => r.id)).toEqual([runs.newGreen.id, runs.oldGreen.id]);
    expect(data.workflow_runs[0]).toMatchObject({
      head_sha: runs.newGreen.headSha,
      head_branch: 'main',
      event: 'push',
      status: 'completed',
      conclusion: 'success',
      path: '.github/workflows/ci.yml',
      created_at: '2025-03-01T12:05:00Z',
      html_url: `${session.world.serverUrl}/octo/app/actions/runs/${runs.newGreen.id}`,
    });
  });

  test('status "completed" filters by status; the numeric workflow id works like the file name', async () => {
    const workflowId = runs.oldGreen.workflowId;
    const { data } = await octokit.rest.actions.listWorkflowRuns({ ...repo, workflow_id: workflowId, status: 'completed' });
    expect(data.workflow_runs.map((r) => r.id)).toEqual([runs.newGreen.id, runs.pullRequest.id, runs.red.id, runs.oldGreen.id]);
  });

  test('repository-wide runs filter by head_sha', async () => {
    const { data } = await octokit.rest.actions.listWorkflowRunsForRepo({ ...repo, head_sha: runs.newGreen.headSha });
    expect(data.workflow_runs.map((r) => r.id)).toEqual([runs.newGreen.id]);
    const pr = await octokit.rest.actions.listWorkflowRunsForRepo({ ...repo, event: 'pull_request' });
    expect(pr.data.workflow_runs[0]).toMatchObject({ id: runs.pullRequest.id, pull_requests: [{ number: 7 }] });
  });

  test('paginate walks the Link headers of the runs listing', async () => {
    const all = await octokit.paginate(octokit.rest.actions.listWorkflowRunsForRepo, { ...repo, per_page: 2 });
    expect(all.map((r) => r.id)).toEqual(
      [runs.running, runs.newGreen, runs.release, runs.pullRequest, runs.red, runs.oldGreen].map((r) => r.id),
    );
  });

  test('an unknown workflow is a 404', async () => {
    await expect(octokit.rest.actions.listWorkflowRuns({ ...repo, workflow_id: 'nope.yml' })).rejects.toMatchObject({ status: 404 });
  });
});

describe('issue comments', () => {
  test('the first page links to the next and the last', async () => {
    const response = await octokit.rest.issues.listComments({ ...repo, issue_number: 7 });
    expect(response.data).toHaveLength(30);
    expect(response.headers.link).toBe(
      `<${session.emulator.urls.api}/repos/octo/app/issues/7/comments?page=2>; rel="next", ` +
        `<${session.emulator.urls.api}/repos/octo/app/issues/7/comments?page=5>; rel="last"`,
    );
  });

  test('paginate reads all 150 comments and finds the sticky one on page 2', async () => {
    const before = session.emulator.requests.length;
    const all = await octokit.paginate(octokit.rest.issues.listComments, { ...repo, issue_number: 7, per_page: 100 });
    expect(all).toHaveLength(150);
    expect(all.find((c) => c.body?.startsWith(MARKER))?.id).toBe(sticky.id);
    const pages = session.emulator.requests.slice(before).map((r) => new URLSearchParams(r.query).get('page'));
    expect(pages).toEqual([null, '2']);
  });

  test('creates and updates a comment', async () => {
    const created = await octokit.rest.issues.createComment({ ...repo, issue_number: 7, body: `${MARKER}\nnew report` });
    expect(created.status).toBe(201);
    expect(created.data.user?.login).toBe(writer.login);
    const updated = await octokit.rest.issues.updateComment({ ...repo, comment_id: created.data.id, body: `${MARKER}\nnewer report` });
    expect(updated.data.body).toBe(`${MARKER}\nnewer report`);
    const fetched = await octokit.rest.issues.getComment({ ...repo, comment_id: created.data.id });
    expect(fetched.data.body).toBe(`${MARKER}\nnewer report`);
    expect(session.world.comments.find((c) => c.id === created.data.id)?.body).toBe(`${MARKER}\nnewer report`);
  });

  test('a read-only token (fork pull request) reads but gets 403 on writes', async () => {
    const forkOctokit = github.getOctokit(reader.token, { baseUrl: session.emulator.urls.api });
    const listed = await forkOctokit.rest.issues.listComments({ ...repo, issue_number: 7, per_page: 1 });
    expect(listed.status).toBe(200);
    const refusal = { status: 403, message: expect.stringContaining('Resource not accessible by integration') };
    await expect(forkOctokit.rest.issues.createComment({ ...repo, issue_number: 7, body: 'hi' })).rejects.toMatchObject(refusal);
    await expect(forkOctokit.rest.issues.updateComment({ ...repo, comment_id: sticky.id, body: 'hi' })).rejects.toMatchObject(refusal);
    expect(session.world.comments.find((c) => c.id === sticky.id)?.body).toBe(`${MARKER}\nold report`);
  });

  test('a body over 65,536 characters is a 422; exactly 65,536 is fine', async () => {
    await expect(octokit.rest.issues.createComment({ ...repo, issue_number: 7, body: 'x'.repeat(65_537) })).rejects.toMatchObject({
      status: 422,
      message: expect.stringContaining('Body is too long (maximum is 65536 characters)'),
    });
    const created = await octokit.rest.issues.createComment({ ...repo, issue_number: 7, body: 'x'.repeat(65_536) });
    expect(created.status).toBe(201);
  });
});

describe('authentication and artifacts', () => {
  test('an unknown token is a 401; a known one reads the repository', async () => {
    const stranger = github.getOctokit('ghs_unknown');
    await expect(stranger.rest.repos.get(repo)).rejects.toMatchObject({ status: 401, message: expect.stringContaining('Bad credentials') });
    const { data } = await octokit.rest.repos.get(repo);
    expect(data).toMatchObject({ full_name: 'octo/app', default_branch: 'main' });
  });

  test('artifact listings mark expired ones, and their zip answers 410', async () => {
    const live = addArtifact(session.world, runs.newGreen, { name: 'snapshot', content: Buffer.from('PK\u0005\u0006'.padEnd(22, '\0')) });
    const old = addArtifact(session.world, runs.newGreen, { name: 'old-snapshot', content: Buffer.from('zip') });
    expireArtifact(session.world, old.id);
    const { data } = await octokit.rest.actions.listWorkflowRunArtifacts({ ...repo, run_id: runs.newGreen.id });
    expect(data.artifacts.map((a) => [a.name, a.expired])).toEqual([
      ['snapshot', false],
      ['old-snapshot', true],
    ]);
    const named = await octokit.rest.actions.listWorkflowRunArtifacts({ ...repo, run_id: runs.newGreen.id, name: 'snapshot' });
    expect(named.data.artifacts.map((a) => a.id)).toEqual([live.id]);
    const redirect = await octokit.rest.actions.downloadArtifact({
      ...repo,
      artifact_id: live.id,
      archive_format: 'zip',
      request: { redirect: 'manual' },
    });
    expect(redirect.status).toBe(302);
    expect(redirect.headers.location).toMatch(new RegExp(`^${session.emulator.urls.blob}/`));
    await expect(octokit.rest.actions.downloadArtifact({ ...repo, artifact_id: old.id, archive_format: 'zip' })).rejects.toMatchObject({
      status: 410,
    });
  });

  test('following the redirect (cross-origin, as on GitHub) downloads the bytes', async () => {
    const artifact = addArtifact(session.world, runs.oldGreen, { name: 'followed', content: Buffer.from('zip bytes') });
    const response = await octokit.rest.actions.downloadArtifact({ ...repo, artifact_id: artifact.id, archive_format: 'zip' });
    expect(response.status).toBe(200);
    expect(Buffer.from(response.data as ArrayBuffer).toString()).toBe('zip bytes');
  });
});
