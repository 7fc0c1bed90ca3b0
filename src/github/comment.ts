/**
 * The sticky PR comment: one per snapshot `name`, found by an invisible marker on any page of the
 * PR's comments, updated in place, never duplicated. A read-only token (fork PRs) gets 403: that
 * is reported back, not thrown, so the caller can fall back to the summary and `mode: post`.
 */
import type { Octokit } from './rest.js';

export function commentMarker(name: string): string {
  return `<!-- vitsnap:comment name=${name} -->`;
}

export type CommentOutcome =
  | { status: 'created' | 'updated'; id: number; url: string }
  | { status: 'forbidden'; reason: string }
  | { status: 'skipped'; reason: string };

interface RawComment {
  id: number;
  body?: string | null;
  html_url: string;
}

export interface CommentTarget {
  owner: string;
  repo: string;
  issueNumber: number;
}

function httpStatus(error: unknown): number | undefined {
  const status = (error as { status?: unknown }).status;
  return typeof status === 'number' ? status : undefined;
}

/** Finds our comment across every page (the marker may sit on page 2 of a busy PR). */
export async function findStickyComment(octokit: Octokit, target: CommentTarget, marker: string): Promise<RawComment | null> {
  const iterator = octokit.paginate.iterator(octokit.rest.issues.listComments, { owner: target.owner, repo: target.repo, issue_number: target.issueNumber, per_page: 100 });
  for await (const page of iterator) {
    const found = (page.data as RawComment[]).find((c) => typeof c.body === 'string' && c.body.includes(marker));
    if (found !== undefined) return found;
  }
  return null;
}

/**
 * Creates or updates the comment holding `marker`. `onlyUpdate` (comment: auto with no drift)
 * refreshes an existing comment but does not start one.
 */
export async function upsertStickyComment(octokit: Octokit, target: CommentTarget, marker: string, body: string, onlyUpdate = false): Promise<CommentOutcome> {
  const text = body.includes(marker) ? body : `${marker}\n${body}`;
  try {
    const existing = await findStickyComment(octokit, target, marker);
    if (existing !== null) {
      const { data } = await octokit.rest.issues.updateComment({ owner: target.owner, repo: target.repo, comment_id: existing.id, body: text });
      return { status: 'updated', id: data.id, url: data.html_url };
    }
    if (onlyUpdate) return { status: 'skipped', reason: 'no drift and no earlier comment to update' };
    const { data } = await octokit.rest.issues.createComment({ owner: target.owner, repo: target.repo, issue_number: target.issueNumber, body: text });
    return { status: 'created', id: data.id, url: data.html_url };
  } catch (error) {
    const status = httpStatus(error);
    if (status === 403 || status === 404) {
      return { status: 'forbidden', reason: `the token cannot write comments on #${target.issueNumber} (HTTP ${status}; fork pull requests get a read-only token)` };
    }
    throw error;
  }
}
