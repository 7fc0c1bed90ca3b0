/**
 * `mode: post`, in a `workflow_run` workflow with a write token: fetch the comment a fork PR's
 * run prepared (in its `vitsnap-<name>-report` artifact) and post it as the sticky comment. The
 * artifact comes from untrusted code, so the PR it names must really have the run's head commit,
 * and the body is capped at GitHub's comment limit.
 */
import * as core from '@actions/core';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { OperationError, isVitsnapError } from '../errors.js';
import type { ActionInputs } from '../inputs.js';
import { COMMENT_LIMIT } from '../report/markdown.js';
import { downloadFiles } from './artifacts.js';
import { runsApi, type Octokit } from './rest.js';
import { commentMarker, upsertStickyComment, type CommentOutcome } from './comment.js';
import type { RunContext, WorkflowRunInfo } from './context.js';
import { PREPARED_COMMENT_FILE, type PreparedComment } from './report-step.js';

function parsePrepared(text: string, name: string): PreparedComment {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new OperationError('E_INPUT', `${PREPARED_COMMENT_FILE} in the report artifact is not JSON`);
  }
  const p = value as Partial<PreparedComment>;
  if (p.schema !== 'vitsnap-comment/1' || typeof p.body !== 'string' || typeof p.pullRequest !== 'number' || typeof p.headSha !== 'string' || p.name !== name) {
    throw new OperationError('E_INPUT', `${PREPARED_COMMENT_FILE} in the report artifact is not a vitsnap comment for name '${name}'`);
  }
  return p as PreparedComment;
}

export interface PostOutcome {
  /** The snapshot name the report artifact belongs to. */
  name: string;
  outcome: CommentOutcome;
}

const REPORT_ARTIFACT = /^vitsnap-([A-Za-z0-9._-]{1,64})-report$/;

/**
 * Posts the prepared comment of every report artifact the finished run left: one per snapshot
 * `name` (every matrix leg). A report that cannot be posted does not stop the others; a refused
 * one (it names a PR whose head the run did not build) fails the step once all are done.
 */
export async function postStep(inputs: ActionInputs, ctx: RunContext, octokit: Octokit): Promise<PostOutcome[]> {
  const run = ctx.workflowRun;
  if (run === null) throw new OperationError('E_INPUT', "mode 'post' runs in a workflow_run workflow: the event has no workflow_run (see README: Forks)");
  const reports = (await runsApi(octokit, ctx).listRunArtifacts(run.id))
    .filter((a) => !a.expired && REPORT_ARTIFACT.test(a.name))
    .sort((a, b) => a.name.localeCompare(b.name));
  if (reports.length === 0) {
    core.info(`run ${run.id} left no vitsnap report artifact (vitsnap-<name>-report): nothing to post`);
    return [{ name: inputs.name, outcome: { status: 'skipped', reason: 'no report artifact' } }];
  }
  const outcomes: PostOutcome[] = [];
  const refused: string[] = [];
  for (const artifact of reports) {
    const name = (REPORT_ARTIFACT.exec(artifact.name) as RegExpExecArray)[1] as string; // filtered above
    try {
      outcomes.push({ name, outcome: await postOne(inputs, ctx, octokit, run, name, artifact.id) });
    } catch (error) {
      if (!isVitsnapError(error)) throw error;
      refused.push(`${artifact.name}: ${error.message}`);
      core.error(`vitsnap: ${artifact.name}: ${error.message}`);
    }
  }
  if (refused.length > 0) throw new OperationError('E_INPUT', `${refused.length} of ${reports.length} report artifacts were not posted: ${refused.join('; ')}`);
  return outcomes;
}

async function postOne(inputs: ActionInputs, ctx: RunContext, octokit: Octokit, run: WorkflowRunInfo, name: string, artifactId: number): Promise<CommentOutcome> {
  const dir = await downloadFiles(ctx, inputs.token, run.id, artifactId, join(ctx.runnerTemp, `vitsnap-post-${name}-${run.id}`));
  const file = join(dir, PREPARED_COMMENT_FILE);
  if (!existsSync(file)) return { status: 'skipped', reason: 'the report artifact holds no prepared comment (the run was not for a pull request)' };
  const prepared = parsePrepared(readFileSync(file, 'utf8'), name);
  const { data: pr } = await octokit.rest.pulls.get({ owner: ctx.owner, repo: ctx.repo, pull_number: prepared.pullRequest });
  if (prepared.headSha !== run.headSha) {
    throw new OperationError('E_INPUT', `the prepared comment names #${prepared.pullRequest}, whose head is not the commit run ${run.id} built; refusing to post it`);
  }
  if (pr.head.sha !== run.headSha) {
    // A push to the PR while the run was building is routine, not a failure: the newer run will
    // post about the newer commit, and this stale report must not overwrite that.
    const reason = `#${prepared.pullRequest} has moved on to ${pr.head.sha.slice(0, 7)} since run ${run.id} built ${run.headSha.slice(0, 7)}; not posting its stale report`;
    core.notice(`vitsnap: ${reason}`);
    return { status: 'skipped', reason };
  }
  const marker = commentMarker(name);
  const body = prepared.body.length > COMMENT_LIMIT ? `${prepared.body.slice(0, COMMENT_LIMIT - 40)}\n\n_report cut at the size limit._` : prepared.body;
  const outcome = await upsertStickyComment(octokit, { owner: ctx.owner, repo: ctx.repo, issueNumber: prepared.pullRequest }, marker, body, { headSha: prepared.headSha });
  if (outcome.status === 'forbidden') throw new OperationError('E_INPUT', `${outcome.reason}: 'mode: post' needs a token with 'pull-requests: write'`);
  return outcome;
}
