/**
 * The REST v3 endpoints the action and @actions/artifact's `findBy` path use, in the shapes
 * Octokit expects: JSON bodies, `{message, documentation_url, status}` errors, `Link` headers
 * (`prev`, `next`, `last`, `first`) with `per_page` (default 30, at most 100) and `page`.
 *
 * - Runs: `GET /repos/{o}/{r}/actions/runs`, `…/actions/workflows/{id|file}/runs` (filters
 *   `branch`, `event`, `status` (a status or a conclusion), `head_sha`; newest first),
 *   `GET …/actions/runs/{id}`.
 * - Artifacts: `GET …/actions/runs/{id}/artifacts[?name=]`, `GET …/actions/artifacts[?name=]`,
 *   `GET|DELETE …/actions/artifacts/{id}`, `GET …/actions/artifacts/{id}/zip` → 302 to a
 *   signed blob URL, 410 once expired.
 * - Comments: `GET|POST …/issues/{n}/comments` (oldest first), `GET|PATCH|DELETE
 *   …/issues/comments/{id}`; bodies over 65,536 characters → 422.
 *
 * Auth: `Authorization: token <t>` (or `Bearer <t>`) with a token from `world.tokens`; none →
 * 401 "Requires authentication", unknown → 401 "Bad credentials". Writes with a read-only token
 * (a fork pull request's) → 403 "Resource not accessible by integration".
 */
import { randomBytes } from 'node:crypto';
import { artifactDownloadUrl } from './artifact-service.js';
import type { EmulatorReply, EmulatorRequest, Service, ServiceContext } from './server.js';
import {
  commentsOn,
  findIssue,
  findRepo,
  findRun,
  findToken,
  findWorkflow,
  fullName,
  isExpired,
  type ApiToken,
  type Artifact,
  type IssueComment,
  type Repository,
  type WorkflowRun,
} from './world.js';

const DOCS = 'https://docs.github.com/rest';
const MAX_COMMENT_LENGTH = 65_536;
/** GitHub's artifact download redirects are short-lived. */
const REDIRECT_LIFETIME_MS = 60_000;

const RUN_STATUSES = new Set(['queued', 'in_progress', 'completed', 'waiting', 'requested', 'pending']);
const RUN_CONCLUSIONS = new Set([
  'success',
  'failure',
  'cancelled',
  'neutral',
  'skipped',
  'stale',
  'timed_out',
  'action_required',
  'startup_failure',
]);

function restReply(status: number, value: unknown, headers: Record<string, string> = {}): EmulatorReply {
  return {
    status,
    headers: {
      'content-type': 'application/json; charset=utf-8',
      'x-github-media-type': 'github.v3; format=json',
      'x-github-request-id': randomBytes(8).toString('hex').toUpperCase(),
      'x-ratelimit-limit': '5000',
      'x-ratelimit-remaining': '4999',
      ...headers,
    },
    body: JSON.stringify(value),
  };
}

function restError(
  status: number,
  message: string,
  documentationUrl = DOCS,
  extra: Record<string, unknown> = {},
  headers: Record<string, string> = {},
): EmulatorReply {
  return restReply(status, { message, ...extra, documentation_url: documentationUrl, status: String(status) }, headers);
}

function noContent(): EmulatorReply {
  return { status: 204, headers: { 'x-github-request-id': randomBytes(8).toString('hex').toUpperCase() } };
}

/** GitHub's timestamps: ISO 8601 in UTC, whole seconds. */
function iso(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

function nodeId(prefix: string, id: number): string {
  return `${prefix}_${Buffer.from(`0:${id}`).toString('base64url')}`;
}

function positiveInt(text: string | null, fallback: number): number {
  if (text === null || !/^\d+$/.test(text)) return fallback;
  const value = Number(text);
  return value >= 1 ? value : fallback;
}

interface Page<T> {
  items: T[];
  headers: Record<string, string>;
}

/** A page of `items` as `per_page`/`page` select, with GitHub's Link header when there are more. */
function paginate<T>(items: readonly T[], request: EmulatorRequest): Page<T> {
  const perPage = Math.min(positiveInt(request.url.searchParams.get('per_page'), 30), 100);
  const page = positiveInt(request.url.searchParams.get('page'), 1);
  const lastPage = Math.max(1, Math.ceil(items.length / perPage));
  const pageUrl = (n: number): string => {
    const url = new URL(request.url.href);
    url.searchParams.set('page', String(n));
    return url.href;
  };
  const links: string[] = [];
  if (page > 1) links.push(`<${pageUrl(Math.min(page - 1, lastPage))}>; rel="prev"`);
  if (page < lastPage) links.push(`<${pageUrl(page + 1)}>; rel="next"`, `<${pageUrl(lastPage)}>; rel="last"`);
  if (page > 1) links.push(`<${pageUrl(1)}>; rel="first"`);
  return {
    items: items.slice((page - 1) * perPage, page * perPage),
    headers: links.length > 0 ? { link: links.join(', ') } : {},
  };
}

interface Call {
  request: EmulatorRequest;
  context: ServiceContext;
  token: ApiToken;
  repo: Repository;
  params: Record<string, string>;
  /** The endpoint's docs page, which GitHub links from its errors. */
  docs: string;
}

function notFound(call: Pick<Call, 'docs'>): EmulatorReply {
  return restError(404, 'Not Found', call.docs);
}

interface Route {
  method: string;
  pattern: RegExp;
  names: string[];
  write: boolean;
  /** The docs page named in errors, as GitHub links the endpoint's own page. */
  docs: string;
  handle(call: Call): EmulatorReply;
}

function route(method: string, template: string, docs: string, handle: (call: Call) => EmulatorReply): Route {
  const names: string[] = [];
  const source = template.replace(/:([a-z_]+)/g, (_, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { method, pattern: new RegExp(`^${source}/?$`), names, write: method !== 'GET', docs: `${DOCS}/${docs}`, handle };
}

function repoJson(call: Pick<Call, 'context' | 'repo'>): Record<string, unknown> {
  const { repo, context } = call;
  const name = fullName(repo);
  return {
    id: repo.id,
    node_id: nodeId('R', repo.id),
    name: repo.name,
    full_name: name,
    private: true,
    owner: { login: repo.owner, id: repo.id + 1_000_000, type: 'Organization' },
    html_url: `${context.world.serverUrl}/${name}`,
    url: `${context.urls.api}/repos/${name}`,
    default_branch: repo.defaultBranch,
  };
}

function runJson(call: Pick<Call, 'context' | 'repo'>, run: WorkflowRun): Record<string, unknown> {
  const { repo, context } = call;
  const name = fullName(repo);
  const api = `${context.urls.api}/repos/${name}`;
  const workflow = repo.workflows.find((w) => w.id === run.workflowId);
  const repository = repoJson(call);
  const created = iso(run.createdAt);
  const pullRequests =
    run.pullRequestNumber === undefined
      ? []
      : [
          {
            url: `${api}/pulls/${run.pullRequestNumber}`,
            id: run.pullRequestNumber + 500_000_000,
            number: run.pullRequestNumber,
            head: { ref: run.headBranch, sha: run.headSha, repo: { id: repo.id, url: api, name: repo.name } },
            base: { ref: run.baseRef ?? repo.defaultBranch, sha: '', repo: { id: repo.id, url: api, name: repo.name } },
          },
        ];
  return {
    id: run.id,
    name: workflow?.name ?? '',
    node_id: nodeId('WFR', run.id),
    head_branch: run.headBranch,
    head_sha: run.headSha,
    path: workflow?.path ?? '',
    display_title: `run ${run.runNumber}`,
    run_number: run.runNumber,
    event: run.event,
    status: run.status,
    conclusion: run.conclusion,
    workflow_id: run.workflowId,
    check_suite_id: run.id + 1,
    check_suite_node_id: nodeId('CS', run.id + 1),
    url: `${api}/actions/runs/${run.id}`,
    html_url: `${context.world.serverUrl}/${name}/actions/runs/${run.id}`,
    pull_requests: pullRequests,
    created_at: created,
    updated_at: created,
    actor: { login: 'octocat', id: 583231, type: 'User' },
    triggering_actor: { login: 'octocat', id: 583231, type: 'User' },
    run_attempt: run.runAttempt,
    run_started_at: created,
    jobs_url: `${api}/actions/runs/${run.id}/jobs`,
    logs_url: `${api}/actions/runs/${run.id}/logs`,
    check_suite_url: `${api}/check-suites/${run.id + 1}`,
    artifacts_url: `${api}/actions/runs/${run.id}/artifacts`,
    cancel_url: `${api}/actions/runs/${run.id}/cancel`,
    rerun_url: `${api}/actions/runs/${run.id}/rerun`,
    previous_attempt_url: null,
    workflow_url: `${api}/actions/workflows/${run.workflowId}`,
    head_commit: {
      id: run.headSha,
      tree_id: run.headSha.split('').reverse().join(''),
      message: `commit ${run.headSha.slice(0, 7)}`,
      timestamp: created,
      author: { name: 'Octo Cat', email: 'octocat@example.com' },
      committer: { name: 'GitHub', email: 'noreply@github.com' },
    },
    repository,
    head_repository: repository,
  };
}

function artifactJson(call: Pick<Call, 'context' | 'repo'>, artifact: Artifact): Record<string, unknown> {
  const { repo, context } = call;
  const api = `${context.urls.api}/repos/${fullName(repo)}`;
  const run = context.world.runs.find((r) => r.id === artifact.runId);
  return {
    id: artifact.id,
    node_id: nodeId('MDg6QXJ0aWZhY3Q', artifact.id),
    name: artifact.name,
    size_in_bytes: artifact.size,
    url: `${api}/actions/artifacts/${artifact.id}`,
    archive_download_url: `${api}/actions/artifacts/${artifact.id}/zip`,
    expired: isExpired(context.world, artifact),
    digest: artifact.digest ?? null,
    created_at: iso(artifact.createdAt),
    updated_at: iso(artifact.createdAt),
    expires_at: iso(artifact.expiresAt),
    workflow_run: {
      id: artifact.runId,
      repository_id: repo.id,
      head_repository_id: repo.id,
      head_branch: run?.headBranch ?? '',
      head_sha: run?.headSha ?? '',
    },
  };
}

function commentJson(call: Pick<Call, 'context' | 'repo'>, comment: IssueComment): Record<string, unknown> {
  const { repo, context } = call;
  const name = fullName(repo);
  const api = `${context.urls.api}/repos/${name}`;
  const bot = comment.author.endsWith('[bot]');
  return {
    id: comment.id,
    node_id: nodeId('IC', comment.id),
    url: `${api}/issues/comments/${comment.id}`,
    html_url: `${context.world.serverUrl}/${name}/pull/${comment.issueNumber}#issuecomment-${comment.id}`,
    issue_url: `${api}/issues/${comment.issueNumber}`,
    body: comment.body,
    user: { login: comment.author, id: bot ? 41898282 : 1, type: bot ? 'Bot' : 'User' },
    created_at: iso(comment.createdAt),
    updated_at: iso(comment.updatedAt),
    author_association: bot ? 'NONE' : 'MEMBER',
    performed_via_github_app: null,
  };
}

function numericParam(call: Call, name: string): number | undefined {
  const text = call.params[name];
  return /^\d+$/.test(text) ? Number(text) : undefined;
}

function listRuns(call: Call, workflowId?: number): EmulatorReply {
  const query = call.request.url.searchParams;
  const status = query.get('status');
  if (status !== null && !RUN_STATUSES.has(status) && !RUN_CONCLUSIONS.has(status)) {
    return restError(422, `Invalid status: ${status}`, call.docs);
  }
  const branch = query.get('branch');
  const event = query.get('event');
  const headSha = query.get('head_sha');
  const runs = call.context.world.runs
    .filter((r) => r.repo === fullName(call.repo))
    .filter((r) => workflowId === undefined || r.workflowId === workflowId)
    .filter((r) => branch === null || r.headBranch === branch)
    .filter((r) => event === null || r.event === event)
    .filter((r) => headSha === null || r.headSha === headSha)
    .filter((r) => status === null || (RUN_STATUSES.has(status) ? r.status === status : r.conclusion === status))
    .sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id);
  const page = paginate(runs, call.request);
  return restReply(200, { total_count: runs.length, workflow_runs: page.items.map((r) => runJson(call, r)) }, page.headers);
}

function runOf(call: Call): WorkflowRun | undefined {
  const id = numericParam(call, 'run_id');
  return id === undefined ? undefined : findRun(call.context.world, fullName(call.repo), id);
}

function artifactOf(call: Call): Artifact | undefined {
  const id = numericParam(call, 'artifact_id');
  const { world } = call.context;
  const artifact = world.artifacts.find((a) => a.id === id && a.finalized);
  if (artifact === undefined) return undefined;
  const run = world.runs.find((r) => r.id === artifact.runId);
  return run?.repo === fullName(call.repo) ? artifact : undefined;
}

function listArtifacts(call: Call, artifacts: Artifact[]): EmulatorReply {
  const name = call.request.url.searchParams.get('name');
  const matching = artifacts.filter((a) => name === null || a.name === name);
  const page = paginate(matching, call.request);
  return restReply(200, { total_count: matching.length, artifacts: page.items.map((a) => artifactJson(call, a)) }, page.headers);
}

function repoArtifacts(call: Call): Artifact[] {
  const runIds = new Set(call.context.world.runs.filter((r) => r.repo === fullName(call.repo)).map((r) => r.id));
  // Newest first, as the repository listing answers.
  return call.context.world.artifacts.filter((a) => a.finalized && runIds.has(a.runId)).sort((a, b) => b.id - a.id);
}

type BodyResult = { body: string } | { error: EmulatorReply };

/** The `body` field of a comment write, validated the way GitHub does. */
function commentBody(call: Call): BodyResult {
  const { docs } = call;
  let parsed: unknown;
  try {
    parsed = JSON.parse(call.request.body.toString('utf8'));
  } catch {
    return { error: restError(400, 'Problems parsing JSON', docs) };
  }
  const body = typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>).body : undefined;
  if (body === undefined) return { error: restError(422, 'Invalid request.\n\n"body" wasn\'t supplied.', docs) };
  if (typeof body !== 'string') return { error: restError(422, 'Invalid request.\n\nFor \'properties/body\', is not a string.', docs) };
  // GitHub counts characters (code points), not UTF-16 units or bytes.
  if ([...body].length > MAX_COMMENT_LENGTH) {
    return {
      error: restError(422, 'Validation Failed', docs, {
        errors: [
          {
            resource: 'IssueComment',
            code: 'unprocessable',
            field: 'data',
            message: `Body is too long (maximum is ${MAX_COMMENT_LENGTH} characters)`,
          },
        ],
      }),
    };
  }
  return { body };
}

function commentOf(call: Call): IssueComment | undefined {
  const id = numericParam(call, 'comment_id');
  return call.context.world.comments.find((c) => c.id === id && c.repo === fullName(call.repo));
}

const ROUTES: Route[] = [
  route('GET', '/repos/:owner/:repo', 'repos/repos#get-a-repository', (call) => restReply(200, repoJson(call))),
  route('GET', '/repos/:owner/:repo/actions/runs', 'actions/workflow-runs#list-workflow-runs-for-a-repository', (call) =>
    listRuns(call),
  ),
  route('GET', '/repos/:owner/:repo/actions/workflows/:workflow_id/runs', 'actions/workflow-runs#list-workflow-runs-for-a-workflow', (call) => {
    const workflow = findWorkflow(call.repo, call.params.workflow_id);
    return workflow === undefined ? notFound(call) : listRuns(call, workflow.id);
  }),
  route('GET', '/repos/:owner/:repo/actions/runs/:run_id', 'actions/workflow-runs#get-a-workflow-run', (call) => {
    const run = runOf(call);
    return run === undefined ? notFound(call) : restReply(200, runJson(call, run));
  }),
  route('GET', '/repos/:owner/:repo/actions/runs/:run_id/artifacts', 'actions/artifacts#list-workflow-run-artifacts', (call) => {
    const run = runOf(call);
    if (run === undefined) return notFound(call);
    const artifacts = call.context.world.artifacts.filter((a) => a.runId === run.id && a.finalized).sort((a, b) => a.id - b.id);
    return listArtifacts(call, artifacts);
  }),
  route('GET', '/repos/:owner/:repo/actions/artifacts', 'actions/artifacts#list-artifacts-for-a-repository', (call) =>
    listArtifacts(call, repoArtifacts(call)),
  ),
  route('GET', '/repos/:owner/:repo/actions/artifacts/:artifact_id', 'actions/artifacts#get-an-artifact', (call) => {
    const artifact = artifactOf(call);
    return artifact === undefined ? notFound(call) : restReply(200, artifactJson(call, artifact));
  }),
  route('DELETE', '/repos/:owner/:repo/actions/artifacts/:artifact_id', 'actions/artifacts#delete-an-artifact', (call) => {
    const artifact = artifactOf(call);
    if (artifact === undefined) return notFound(call);
    const { world } = call.context;
    world.artifacts.splice(world.artifacts.indexOf(artifact), 1);
    world.blobs.delete(artifact.blobKey);
    return noContent();
  }),
  route('GET', '/repos/:owner/:repo/actions/artifacts/:artifact_id/:archive_format', 'actions/artifacts#download-an-artifact', (call) => {
    const artifact = artifactOf(call);
    if (artifact === undefined || call.params.archive_format !== 'zip') return notFound(call);
    if (isExpired(call.context.world, artifact)) return restError(410, 'Artifact has expired', call.docs);
    return {
      status: 302,
      headers: {
        location: artifactDownloadUrl(call.context, artifact, REDIRECT_LIFETIME_MS),
        'x-github-request-id': randomBytes(8).toString('hex').toUpperCase(),
      },
    };
  }),
  route('GET', '/repos/:owner/:repo/pulls/:pull_number', 'pulls/pulls#get-a-pull-request', (call) => {
    // A pull request is what its newest run says it is: head branch and commit, base branch.
    const number = numericParam(call, 'pull_number');
    if (number === undefined) return notFound(call);
    const run = call.context.world.runs.filter((r) => r.repo === fullName(call.repo) && r.pullRequestNumber === number).sort((a, b) => b.id - a.id)[0];
    if (run === undefined) return notFound(call);
    const api = `${call.context.urls.api}/repos/${fullName(call.repo)}`;
    return restReply(200, {
      url: `${api}/pulls/${number}`,
      id: number + 500_000_000,
      number,
      state: 'open',
      head: { ref: run.headBranch, sha: run.headSha },
      base: { ref: run.baseRef ?? call.repo.defaultBranch, sha: '' },
    });
  }),
  route('GET', '/repos/:owner/:repo/issues/:issue_number/comments', 'issues/comments#list-issue-comments', (call) => {
    const number = numericParam(call, 'issue_number');
    const name = fullName(call.repo);
    if (number === undefined || findIssue(call.context.world, name, number) === undefined) {
      return notFound(call);
    }
    const sinceText = call.request.url.searchParams.get('since');
    const since = sinceText === null ? undefined : new Date(sinceText);
    const comments = commentsOn(call.context.world, name, number).filter(
      (c) => since === undefined || Number.isNaN(since.getTime()) || c.updatedAt >= since,
    );
    const page = paginate(comments, call.request);
    return restReply(200, page.items.map((c) => commentJson(call, c)), page.headers);
  }),
  route('POST', '/repos/:owner/:repo/issues/:issue_number/comments', 'issues/comments#create-an-issue-comment', (call) => {
    const number = numericParam(call, 'issue_number');
    const { world } = call.context;
    const issue = number === undefined ? undefined : findIssue(world, fullName(call.repo), number);
    if (issue === undefined) return notFound(call);
    const parsed = commentBody(call);
    if ('error' in parsed) return parsed.error;
    const now = world.now();
    const comment: IssueComment = {
      id: world.nextIds.comment++,
      repo: issue.repo,
      issueNumber: issue.number,
      body: parsed.body,
      author: call.token.login,
      createdAt: now,
      updatedAt: now,
    };
    world.comments.push(comment);
    const json = commentJson(call, comment);
    return restReply(201, json, { location: String(json.url) });
  }),
  route('GET', '/repos/:owner/:repo/issues/comments/:comment_id', 'issues/comments#get-an-issue-comment', (call) => {
    const comment = commentOf(call);
    return comment === undefined ? notFound(call) : restReply(200, commentJson(call, comment));
  }),
  route('PATCH', '/repos/:owner/:repo/issues/comments/:comment_id', 'issues/comments#update-an-issue-comment', (call) => {
    const comment = commentOf(call);
    if (comment === undefined) return notFound(call);
    const parsed = commentBody(call);
    if ('error' in parsed) return parsed.error;
    comment.body = parsed.body;
    comment.updatedAt = call.context.world.now();
    return restReply(200, commentJson(call, comment));
  }),
  route('DELETE', '/repos/:owner/:repo/issues/comments/:comment_id', 'issues/comments#delete-an-issue-comment', (call) => {
    const comment = commentOf(call);
    if (comment === undefined) return notFound(call);
    const { world } = call.context;
    world.comments.splice(world.comments.indexOf(comment), 1);
    return noContent();
  }),
];

/** The permission GitHub names in `x-accepted-github-permissions` on a refused write. */
function acceptedPermissions(path: string): string {
  if (path.includes('/issues/')) return 'issues=write; pull_requests=write';
  return 'actions=write';
}

/**
 * `GET /user`: a user's token (PAT, OAuth) reads its user; an installation token (the workflow's
 * GITHUB_TOKEN, a GitHub App's) has no user and gets 403, as on github.com.
 */
function authenticatedUser(token: ApiToken): EmulatorReply {
  if (token.login.endsWith('[bot]')) return restError(403, 'Resource not accessible by integration', `${DOCS}/users/users#get-the-authenticated-user`);
  return restReply(200, { login: token.login, id: 1000 + token.login.length, type: 'User' });
}

function handle(request: EmulatorRequest, context: ServiceContext): EmulatorReply {
  const authorization = String(request.headers.authorization ?? '');
  const match = /^(?:token|bearer)\s+(\S+)$/i.exec(authorization);
  if (authorization === '') return restError(401, 'Requires authentication');
  const token = match === null ? undefined : findToken(context.world, match[1]);
  if (token === undefined) return restError(401, 'Bad credentials');

  if (request.method === 'GET' && /^\/user\/?$/.test(request.url.pathname)) return authenticatedUser(token);

  for (const candidate of ROUTES) {
    const found = candidate.pattern.exec(request.url.pathname);
    if (found === null || candidate.method !== request.method) continue;
    const params = Object.fromEntries(candidate.names.map((name, i) => [name, decodeURIComponent(found[i + 1])]));
    const repo = findRepo(context.world, `${params.owner}/${params.repo}`);
    if (repo === undefined) return notFound(candidate);
    if (candidate.write && token.access !== 'write') {
      return restError(403, 'Resource not accessible by integration', candidate.docs, {}, {
        'x-accepted-github-permissions': acceptedPermissions(request.url.pathname),
      });
    }
    return candidate.handle({ request, context, token, repo, params, docs: candidate.docs });
  }
  return restError(404, 'Not Found');
}

export const restApi: Service = {
  name: 'rest',
  owns: () => true,
  handle,
  errorReply: (status, message) => restError(status, status >= 500 ? 'Server Error' : message),
};
