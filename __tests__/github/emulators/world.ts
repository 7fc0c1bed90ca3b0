/**
 * The state behind every emulated service: a plain object tests seed before a run and inspect
 * after it. Services read and write it directly; the helpers here only fill in ids, defaults and
 * cross-references so a test can say `addRun(world, { repo: 'octo/app', headBranch: 'main' })`.
 *
 * Time comes from `world.now()` (real time unless a test passes its own clock), so expiry and
 * "newest first" orderings are under the test's control.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { CachePermission, mintRuntimeToken, type CacheScope } from './runtime-token.js';

export interface Workflow {
  id: number;
  name: string;
  /** `.github/workflows/<file>`; REST accepts the file name wherever it takes a workflow id. */
  path: string;
}

export interface Repository {
  id: number;
  owner: string;
  name: string;
  defaultBranch: string;
  /** Artifacts uploaded without `retentionDays` expire after this many days. */
  retentionDays: number;
  workflows: Workflow[];
}

/** Statuses and conclusions as REST spells them. */
export type RunStatus = 'queued' | 'in_progress' | 'completed' | 'waiting' | 'requested' | 'pending';
export type RunConclusion =
  | 'success'
  | 'failure'
  | 'cancelled'
  | 'neutral'
  | 'skipped'
  | 'stale'
  | 'timed_out'
  | 'action_required'
  | 'startup_failure';

export interface WorkflowRun {
  id: number;
  /** The results service's id for the run (a UUID), carried in the runtime token. */
  backendId: string;
  /** `owner/name`. */
  repo: string;
  workflowId: number;
  event: string;
  headBranch: string;
  headSha: string;
  /** `GITHUB_REF` of the run: `refs/heads/<branch>`, or `refs/pull/<n>/merge` for pull requests. */
  ref: string;
  /** For pull_request runs: the base branch, whose caches the run may read. */
  baseRef?: string;
  pullRequestNumber?: number;
  status: RunStatus;
  conclusion: RunConclusion | null;
  runNumber: number;
  runAttempt: number;
  createdAt: Date;
}

export interface Artifact {
  /** The database id REST and `ListArtifacts` report. */
  id: number;
  runId: number;
  runBackendId: string;
  jobBackendId: string;
  name: string;
  /** Key in `world.blobs`. */
  blobKey: string;
  mimeType: string;
  /** Bytes, as reported at finalize. */
  size: number;
  /** `sha256:<hex>`, as reported at finalize (and checked against the blob). */
  digest?: string;
  version: number;
  createdAt: Date;
  expiresAt: Date;
  /** Uploads are invisible until `FinalizeArtifact` succeeds. */
  finalized: boolean;
}

export interface Issue {
  repo: string;
  number: number;
  pullRequest: boolean;
}

export interface IssueComment {
  id: number;
  repo: string;
  issueNumber: number;
  body: string;
  author: string;
  createdAt: Date;
  updatedAt: Date;
}

export interface CacheEntry {
  id: number;
  repo: string;
  /** The ref the entry was written under, e.g. `refs/heads/main`. */
  scope: string;
  key: string;
  version: string;
  blobKey: string;
  sizeBytes: number;
  createdAt: Date;
  /** Restores see an entry only once `FinalizeCacheEntryUpload` succeeds. */
  finalized: boolean;
}

/** A REST token (`GITHUB_TOKEN` or a PAT). Fork pull requests get read-only ones. */
export interface ApiToken {
  token: string;
  /** The comment author for writes made with this token. */
  login: string;
  access: 'write' | 'read-only';
}

/** An Azure block blob as the blob endpoint stores it. */
export interface StoredBlob {
  key: string;
  /** Undefined until a Put Blob or Put Block List commits content. */
  content?: Buffer;
  contentType: string;
  contentDisposition?: string;
  /** Put Block stages here by block id (base64); Put Block List commits and clears them. */
  uncommittedBlocks: Map<string, Buffer>;
  /** The committed block list in order (empty after a single-shot Put Blob). */
  committedBlocks: Map<string, Buffer>;
  etag: string;
  lastModified: Date;
}

export interface World {
  now: () => Date;
  /** Base of `html_url`s; a `*.localhost` host so @actions/artifact does not take it for GHES. */
  serverUrl: string;
  repos: Repository[];
  runs: WorkflowRun[];
  artifacts: Artifact[];
  issues: Issue[];
  comments: IssueComment[];
  cacheEntries: CacheEntry[];
  tokens: ApiToken[];
  blobs: Map<string, StoredBlob>;
  /** Signs blob URLs, the way an account key signs a SAS. */
  sasKey: Buffer;
  nextIds: { repo: number; workflow: number; run: number; artifact: number; comment: number; cacheEntry: number };
}

export interface WorldOptions {
  now?: () => Date;
  serverUrl?: string;
}

export function createWorld(options: WorldOptions = {}): World {
  return {
    now: options.now ?? (() => new Date()),
    serverUrl: options.serverUrl ?? 'http://github.localhost',
    repos: [],
    runs: [],
    artifacts: [],
    issues: [],
    comments: [],
    cacheEntries: [],
    tokens: [],
    blobs: new Map(),
    sasKey: randomBytes(32),
    // Realistic magnitudes, so code that assumes small ids (or int32) shows up.
    nextIds: { repo: 700_001, workflow: 90_001, run: 16_000_000_001, artifact: 3_000_000_001, comment: 2_600_000_001, cacheEntry: 1 },
  };
}

export function fullName(repo: Repository): string {
  return `${repo.owner}/${repo.name}`;
}

export function findRepo(world: World, fullRepoName: string): Repository | undefined {
  const wanted = fullRepoName.toLowerCase();
  return world.repos.find((r) => fullName(r).toLowerCase() === wanted);
}

function requireRepo(world: World, fullRepoName: string): Repository {
  const repo = findRepo(world, fullRepoName);
  if (repo === undefined) throw new Error(`world has no repository ${fullRepoName}: addRepo first`);
  return repo;
}

export interface RepoSeed {
  owner: string;
  name: string;
  defaultBranch?: string;
  retentionDays?: number;
  /** Workflow file names or paths (`ci.yml` or `.github/workflows/ci.yml`). */
  workflows?: string[];
}

export function addRepo(world: World, seed: RepoSeed): Repository {
  if (findRepo(world, `${seed.owner}/${seed.name}`) !== undefined) {
    throw new Error(`repository ${seed.owner}/${seed.name} already exists`);
  }
  const repo: Repository = {
    id: world.nextIds.repo++,
    owner: seed.owner,
    name: seed.name,
    defaultBranch: seed.defaultBranch ?? 'main',
    retentionDays: seed.retentionDays ?? 90,
    workflows: [],
  };
  world.repos.push(repo);
  for (const workflow of seed.workflows ?? []) addWorkflow(world, repo, workflow);
  return repo;
}

function workflowPath(fileOrPath: string): string {
  return fileOrPath.includes('/') ? fileOrPath : `.github/workflows/${fileOrPath}`;
}

/** The workflow with this id, file name or path. */
export function findWorkflow(repo: Repository, idOrFile: string | number): Workflow | undefined {
  const text = String(idOrFile);
  if (/^\d+$/.test(text)) return repo.workflows.find((w) => w.id === Number(text));
  const path = workflowPath(text);
  return repo.workflows.find((w) => w.path === path);
}

export function addWorkflow(world: World, repo: Repository, fileOrPath: string, name?: string): Workflow {
  const existing = findWorkflow(repo, fileOrPath);
  if (existing !== undefined) return existing;
  const path = workflowPath(fileOrPath);
  const workflow: Workflow = { id: world.nextIds.workflow++, name: name ?? path.replace(/^.*\//, ''), path };
  repo.workflows.push(workflow);
  return workflow;
}

export interface RunSeed {
  repo: string;
  /** File name or path; registered on the repository if new. Default `ci.yml`. */
  workflow?: string;
  id?: number;
  backendId?: string;
  event?: string;
  headBranch?: string;
  headSha?: string;
  /** Default: `refs/pull/<n>/merge` when `pullRequestNumber` is set, else `refs/heads/<headBranch>`. */
  ref?: string;
  baseRef?: string;
  pullRequestNumber?: number;
  status?: RunStatus;
  conclusion?: RunConclusion | null;
  runAttempt?: number;
  createdAt?: Date;
}

export function addRun(world: World, seed: RunSeed): WorkflowRun {
  const repo = requireRepo(world, seed.repo);
  const workflow = addWorkflow(world, repo, seed.workflow ?? 'ci.yml');
  const headBranch = seed.headBranch ?? repo.defaultBranch;
  const status = seed.status ?? 'completed';
  const sameWorkflow = world.runs.filter((r) => r.repo === fullName(repo) && r.workflowId === workflow.id);
  const run: WorkflowRun = {
    id: seed.id ?? world.nextIds.run++,
    backendId: seed.backendId ?? randomUUID(),
    repo: fullName(repo),
    workflowId: workflow.id,
    event: seed.event ?? (seed.pullRequestNumber !== undefined ? 'pull_request' : 'push'),
    headBranch,
    headSha: seed.headSha ?? createHash('sha1').update(`${repo.id}:${world.runs.length}`).digest('hex'),
    ref: seed.ref ?? (seed.pullRequestNumber !== undefined ? `refs/pull/${seed.pullRequestNumber}/merge` : `refs/heads/${headBranch}`),
    baseRef: seed.baseRef,
    pullRequestNumber: seed.pullRequestNumber,
    status,
    conclusion: seed.conclusion !== undefined ? seed.conclusion : status === 'completed' ? 'success' : null,
    runNumber: sameWorkflow.length + 1,
    runAttempt: seed.runAttempt ?? 1,
    createdAt: seed.createdAt ?? world.now(),
  };
  if (world.runs.some((r) => r.id === run.id || r.backendId === run.backendId)) {
    throw new Error(`run ${run.id} already exists`);
  }
  world.runs.push(run);
  if (run.pullRequestNumber !== undefined) addIssue(world, run.repo, run.pullRequestNumber, { pullRequest: true });
  return run;
}

export function findRun(world: World, fullRepoName: string, id: number): WorkflowRun | undefined {
  const repo = findRepo(world, fullRepoName);
  if (repo === undefined) return undefined;
  return world.runs.find((r) => r.id === id && r.repo === fullName(repo));
}

export function findRunByBackendId(world: World, backendId: string): WorkflowRun | undefined {
  return world.runs.find((r) => r.backendId === backendId);
}

/**
 * The cache scopes the runner would grant: the run's own ref read-write; a pull request's base
 * branch and the default branch read-only. Siblings never appear, so they never share entries.
 */
export function defaultCacheScopes(world: World, run: WorkflowRun): CacheScope[] {
  const repo = requireRepo(world, run.repo);
  const scopes: CacheScope[] = [{ scope: run.ref, permission: CachePermission.readWrite }];
  const readable = [run.baseRef, repo.defaultBranch].filter((b): b is string => b !== undefined);
  for (const branch of readable) {
    const ref = `refs/heads/${branch}`;
    if (!scopes.some((s) => s.scope === ref)) scopes.push({ scope: ref, permission: CachePermission.read });
  }
  return scopes;
}

export interface RuntimeTokenOptions {
  /** Default: a fresh UUID (a new job). */
  jobBackendId?: string;
  /** Default: {@link defaultCacheScopes}. */
  cacheScopes?: CacheScope[];
  /** Default: six hours, like the runner's. */
  lifetimeSeconds?: number;
}

/** An `ACTIONS_RUNTIME_TOKEN` for a job of this run. */
export function runtimeTokenFor(world: World, run: WorkflowRun, options: RuntimeTokenOptions = {}): string {
  const issuedAt = world.now();
  return mintRuntimeToken({
    runBackendId: run.backendId,
    jobBackendId: options.jobBackendId ?? randomUUID(),
    cacheScopes: options.cacheScopes ?? defaultCacheScopes(world, run),
    issuedAt,
    expiresAt: new Date(issuedAt.getTime() + (options.lifetimeSeconds ?? 6 * 3600) * 1000),
  });
}

export interface TokenSeed {
  token?: string;
  login?: string;
  access?: ApiToken['access'];
}

export function addToken(world: World, seed: TokenSeed = {}): ApiToken {
  const token: ApiToken = {
    // Not three dot-separated parts: Octokit would send a JWT as `bearer`, this as `token`.
    token: seed.token ?? `ghs_${randomBytes(18).toString('base64url')}`,
    login: seed.login ?? 'github-actions[bot]',
    access: seed.access ?? 'write',
  };
  world.tokens.push(token);
  return token;
}

export function findToken(world: World, token: string): ApiToken | undefined {
  return world.tokens.find((t) => t.token === token);
}

export function addIssue(world: World, fullRepoName: string, number: number, options: { pullRequest?: boolean } = {}): Issue {
  const repo = requireRepo(world, fullRepoName);
  const existing = findIssue(world, fullName(repo), number);
  if (existing !== undefined) return existing;
  const issue: Issue = { repo: fullName(repo), number, pullRequest: options.pullRequest ?? true };
  world.issues.push(issue);
  return issue;
}

export function findIssue(world: World, fullRepoName: string, number: number): Issue | undefined {
  return world.issues.find((i) => i.repo.toLowerCase() === fullRepoName.toLowerCase() && i.number === number);
}

export interface CommentSeed {
  repo: string;
  issueNumber: number;
  body: string;
  author?: string;
  createdAt?: Date;
}

/** Adds a comment (and the issue or pull request it sits on, if new). */
export function addComment(world: World, seed: CommentSeed): IssueComment {
  const issue = addIssue(world, seed.repo, seed.issueNumber);
  const createdAt = seed.createdAt ?? world.now();
  const comment: IssueComment = {
    id: world.nextIds.comment++,
    repo: issue.repo,
    issueNumber: issue.number,
    body: seed.body,
    author: seed.author ?? 'someone',
    createdAt,
    updatedAt: createdAt,
  };
  world.comments.push(comment);
  return comment;
}

export function commentsOn(world: World, fullRepoName: string, issueNumber: number): IssueComment[] {
  return world.comments
    .filter((c) => c.repo.toLowerCase() === fullRepoName.toLowerCase() && c.issueNumber === issueNumber)
    .sort((a, b) => a.id - b.id);
}

export function newEtag(): string {
  return `"0x8D${randomBytes(7).toString('hex').toUpperCase()}"`;
}

/** Stores committed content directly, as if uploaded. */
export function putBlob(world: World, key: string, content: Buffer, contentType: string): StoredBlob {
  const blob: StoredBlob = {
    key,
    content,
    contentType,
    uncommittedBlocks: new Map(),
    committedBlocks: new Map(),
    etag: newEtag(),
    lastModified: world.now(),
  };
  world.blobs.set(key, blob);
  return blob;
}

export function artifactBlobKey(runBackendId: string, jobBackendId: string, name: string, mimeType: string): string {
  // Hash the name: it may hold anything, the blob path should not.
  const hashed = createHash('sha256').update(name).digest('hex').slice(0, 32);
  const extension = mimeType === 'application/zip' ? '.zip' : '';
  return `actions-results/${runBackendId}/workflow-job-run-${jobBackendId}/artifacts/${hashed}${extension}`;
}

export interface ArtifactSeed {
  name: string;
  content: Buffer;
  /** Default application/zip: `content` should then be a zip. */
  mimeType?: string;
  jobBackendId?: string;
  createdAt?: Date;
  expiresAt?: Date;
}

/** A finalized artifact of `run` with its blob, as if a job of that run had uploaded it. */
export function addArtifact(world: World, run: WorkflowRun, seed: ArtifactSeed): Artifact {
  const repo = requireRepo(world, run.repo);
  const mimeType = seed.mimeType ?? 'application/zip';
  const jobBackendId = seed.jobBackendId ?? randomUUID();
  const createdAt = seed.createdAt ?? world.now();
  const blobKey = artifactBlobKey(run.backendId, jobBackendId, seed.name, mimeType);
  putBlob(world, blobKey, seed.content, mimeType);
  const artifact: Artifact = {
    id: world.nextIds.artifact++,
    runId: run.id,
    runBackendId: run.backendId,
    jobBackendId,
    name: seed.name,
    blobKey,
    mimeType,
    size: seed.content.length,
    digest: `sha256:${createHash('sha256').update(seed.content).digest('hex')}`,
    version: 7,
    createdAt,
    expiresAt: seed.expiresAt ?? new Date(createdAt.getTime() + repo.retentionDays * 86_400_000),
    finalized: true,
  };
  world.artifacts.push(artifact);
  return artifact;
}

export function isExpired(world: World, artifact: Artifact): boolean {
  return artifact.expiresAt.getTime() <= world.now().getTime();
}

/** Moves an artifact's expiry into the past: REST then lists it `expired: true` and answers 410. */
export function expireArtifact(world: World, artifactId: number): Artifact {
  const artifact = world.artifacts.find((a) => a.id === artifactId);
  if (artifact === undefined) throw new Error(`world has no artifact ${artifactId}`);
  artifact.expiresAt = new Date(world.now().getTime() - 1000);
  return artifact;
}

/** Finalized artifacts of a run, oldest first. */
export function artifactsOfRun(world: World, runBackendId: string): Artifact[] {
  return world.artifacts.filter((a) => a.runBackendId === runBackendId && a.finalized).sort((a, b) => a.id - b.id);
}

export interface CacheEntrySeed {
  repo: string;
  scope: string;
  key: string;
  version: string;
  content: Buffer;
  createdAt?: Date;
}

export function cacheBlobKey(repo: Repository, entryId: number): string {
  return `actions-cache/${repo.id}/${entryId}`;
}

/** A finalized cache entry with its blob (the content must be what the client would archive). */
export function addCacheEntry(world: World, seed: CacheEntrySeed): CacheEntry {
  const repo = requireRepo(world, seed.repo);
  const id = world.nextIds.cacheEntry++;
  const blobKey = cacheBlobKey(repo, id);
  putBlob(world, blobKey, seed.content, 'application/octet-stream');
  const entry: CacheEntry = {
    id,
    repo: fullName(repo),
    scope: seed.scope,
    key: seed.key,
    version: seed.version,
    blobKey,
    sizeBytes: seed.content.length,
    createdAt: seed.createdAt ?? world.now(),
    finalized: true,
  };
  world.cacheEntries.push(entry);
  return entry;
}
