/**
 * The sticky PR comment: one per snapshot `name`, found by an invisible marker on any page of the
 * PR's comments and updated in place. Only comments written by the token's own identity count (a
 * user quoting the marker does not make their comment ours). Each comment names the commit it is
 * about, and a run never replaces the result of a newer commit: before writing, the PR's current
 * head must still be this run's. Two runs that raced to create a comment leave one: the oldest is
 * kept, the others deleted. A read-only token (fork PRs) gets 403 on create: reported back, not
 * thrown, so the caller can fall back to the summary and `mode: post`.
 */
import type { Octokit } from './rest.js';

export function commentMarker(name: string): string {
  return `<!-- vitsnap:comment name=${name} -->`;
}

/** Second hidden line: the head commit the comment reports on. */
export function headMarker(sha: string): string {
  return `<!-- vitsnap:head ${sha} -->`;
}

export type CommentOutcome =
  | { status: 'created' | 'updated'; id: number; url: string }
  | { status: 'forbidden'; reason: string }
  | { status: 'skipped'; reason: string };

interface RawComment {
  id: number;
  body?: string | null;
  html_url: string;
  user?: { login?: string } | null;
}

export interface CommentTarget {
  owner: string;
  repo: string;
  issueNumber: number;
}

export interface UpsertOptions {
  /** Refresh an existing comment, but do not start one (comment: auto with no drift). */
  onlyUpdate?: boolean;
  /** The PR head this report is about; written into the comment, and checked against the PR first. */
  headSha?: string;
}

function httpStatus(error: unknown): number | undefined {
  const status = (error as { status?: unknown }).status;
  return typeof status === 'number' ? status : undefined;
}

/** The workflow token (an installation token) cannot read /user; its comments are by this app. */
const ACTIONS_BOT = 'github-actions[bot]';

/** Who the token writes comments as: a user token's login, else the GitHub Actions app. */
export async function tokenIdentity(octokit: Octokit): Promise<string> {
  try {
    const { data } = await octokit.rest.users.getAuthenticated();
    return data.login;
  } catch (error) {
    const status = httpStatus(error);
    if (status === 401 || status === 403 || status === 404) return ACTIONS_BOT;
    throw error;
  }
}

/** Our comments (marker and author both ours) across every page, oldest first. */
export async function findStickyComments(octokit: Octokit, target: CommentTarget, marker: string, author: string): Promise<RawComment[]> {
  const found: RawComment[] = [];
  const iterator = octokit.paginate.iterator(octokit.rest.issues.listComments, { owner: target.owner, repo: target.repo, issue_number: target.issueNumber, per_page: 100 });
  for await (const page of iterator) {
    for (const c of page.data as RawComment[]) {
      if (typeof c.body === 'string' && c.body.includes(marker) && c.user?.login === author) found.push(c);
    }
  }
  return found.sort((a, b) => a.id - b.id);
}

async function deleteQuietly(octokit: Octokit, target: CommentTarget, id: number): Promise<void> {
  try {
    await octokit.rest.issues.deleteComment({ owner: target.owner, repo: target.repo, comment_id: id });
  } catch (error) {
    // Another run deleted it first.
    if (httpStatus(error) !== 404) throw error;
  }
}

/** Why this run must not write (the PR moved past its commit), or null. */
async function staleReason(octokit: Octokit, target: CommentTarget, headSha: string): Promise<string | null> {
  const { data: pr } = await octokit.rest.pulls.get({ owner: target.owner, repo: target.repo, pull_number: target.issueNumber });
  if (pr.head.sha === headSha) return null;
  return `#${target.issueNumber} has moved on to ${pr.head.sha.slice(0, 7)}; this run built ${headSha.slice(0, 7)}, so it leaves the comment to the newer run`;
}

/** Creates or updates our comment holding `marker`; see the file comment for the rules. */
export async function upsertStickyComment(octokit: Octokit, target: CommentTarget, marker: string, body: string, options: UpsertOptions = {}): Promise<CommentOutcome> {
  const head = options.headSha === undefined || options.headSha === '' || body.includes(headMarker(options.headSha)) ? '' : `\n${headMarker(options.headSha)}`;
  const text = `${body.includes(marker) ? body.replace(marker, `${marker}${head}`) : `${marker}${head}\n${body}`}`;
  try {
    if (options.headSha !== undefined && options.headSha !== '') {
      const stale = await staleReason(octokit, target, options.headSha);
      if (stale !== null) return { status: 'skipped', reason: stale };
    }
    const author = await tokenIdentity(octokit);
    const ours = await findStickyComments(octokit, target, marker, author);
    const [keep, ...duplicates] = ours;
    if (keep === undefined && options.onlyUpdate === true) return { status: 'skipped', reason: 'no drift and no earlier comment to update' };
    if (keep !== undefined) {
      const { data } = await octokit.rest.issues.updateComment({ owner: target.owner, repo: target.repo, comment_id: keep.id, body: text });
      for (const d of duplicates) await deleteQuietly(octokit, target, d.id);
      return { status: 'updated', id: data.id, url: data.html_url };
    }
    const { data: created } = await octokit.rest.issues.createComment({ owner: target.owner, repo: target.repo, issue_number: target.issueNumber, body: text });
    // A concurrent run may have created one too: the oldest stays (with this run's text), the rest go.
    const now = await findStickyComments(octokit, target, marker, author);
    const oldest = now[0];
    let outcome: CommentOutcome = { status: 'created', id: created.id, url: created.html_url };
    if (oldest !== undefined && oldest.id !== created.id) {
      const { data } = await octokit.rest.issues.updateComment({ owner: target.owner, repo: target.repo, comment_id: oldest.id, body: text });
      outcome = { status: 'updated', id: data.id, url: data.html_url };
    }
    const extra = now.filter((c) => c.id !== outcome.id);
    if (outcome.id !== created.id && !extra.some((c) => c.id === created.id)) extra.push({ id: created.id, html_url: created.html_url });
    for (const d of extra) await deleteQuietly(octokit, target, d.id);
    return outcome;
  } catch (error) {
    const status = httpStatus(error);
    if (status === 403 || status === 404) {
      return { status: 'forbidden', reason: `the token cannot write comments on #${target.issueNumber} (HTTP ${status}; fork pull requests get a read-only token)` };
    }
    throw error;
  }
}
