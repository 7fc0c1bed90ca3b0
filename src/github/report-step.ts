/**
 * Compare the snapshot with its baseline and tell people: the JSON and HTML reports (uploaded as
 * the `vitsnap-<name>-report` artifact), the job summary (≤ 1 MiB), the sticky PR comment
 * (≤ 65,536 characters), and at most `max-annotations` annotations per level. Every channel is
 * optional: one that fails warns, and the others still go out. A token that may not comment (fork
 * PRs) leaves the comment body in the report artifact for `mode: post`.
 */
import * as core from '@actions/core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCauseClassifier } from '../compare/causes.js';
import { compareSources, type CompareResult } from '../compare/compare.js';
import { DEFAULT_COMPARATORS } from '../compare/comparators/index.js';
import { openSides } from '../compare/sources.js';
import { registryEnv } from './oci-baseline.js';
import { reportArtifactName } from '../constants.js';
import type { ActionInputs } from '../inputs.js';
import { rankAnnotations } from '../report/annotations.js';
import { renderHtml } from '../report/html.js';
import { renderJson } from '../report/json.js';
import { cell, COMMENT_LIMIT, renderMarkdown, SUMMARY_LIMIT } from '../report/markdown.js';
import { uploadFiles } from './artifacts.js';
import type { Baseline } from './baseline-step.js';
import { commentMarker, headMarker, upsertStickyComment, type CommentOutcome } from './comment.js';
import { runUrl, type RunContext } from './context.js';
import { runsApi, type Octokit } from './rest.js';
import { artifactFetcher, fetchParents } from './delta-parents.js';
import { uploadLine, type SnapshotUpload } from './delta-upload.js';

/** What `mode: post` finds in the report artifact. */
export interface PreparedComment {
  schema: 'vitsnap-comment/1';
  name: string;
  pullRequest: number;
  headSha: string;
  body: string;
}

export const PREPARED_COMMENT_FILE = 'comment.json';

export interface ReportOutcome {
  result: CompareResult;
  reportDir: string;
  commentBodyPath: string;
  comment: CommentOutcome | null;
}

/** What the report is about: its first sentence, and (a rebuild's) extra sections and files. */
export interface ReportSubject {
  /** Markdown: what was compared with what ("Baseline: …", "Control build vs varied build …"). */
  intro: string;
  /** Markdown blocks after the verdict and counts. */
  sections?: readonly string[];
  /** More files for the report artifact, name → text. */
  files?: Readonly<Record<string, string>>;
  /** A sentence after the intro's link to the reports (what else was uploaded). */
  uploaded?: string;
}

export function baselineLine(baseline: Baseline, ctx: RunContext): string {
  // Branch names and cache keys may hold Markdown, HTML or pipes: shown as inert text.
  return `Baseline: ${cell(baseline.description, 300)}${baseline.runId === null ? '' : ` ([run](${runUrl(ctx, baseline.runId)}))`}.`;
}

export async function compareStep(inputs: ActionInputs, ctx: RunContext, baseline: Baseline, snapshotPath: string, octokit: Octokit | null = null): Promise<CompareResult> {
  // A snapshot named by 'path' may be a delta artifact of an earlier run: its parents are fetched first.
  const fetch = artifactFetcher(ctx, inputs.token, octokit === null ? null : runsApi(octokit, ctx));
  const parents = [...(baseline.parents ?? []), ...(await fetchParents(snapshotPath, fetch, join(ctx.runnerTemp, `vitsnap-${inputs.name}-parents`)))];
  const sides = await openSides(baseline.path, snapshotPath, { cwd: ctx.workspace, env: registryEnv(inputs, ctx), parents });
  try {
    const result = await core.group('Compare with the baseline', () =>
      compareSources(sides, { comparators: DEFAULT_COMPARATORS, ...createCauseClassifier(), ignore: inputs.ignore, exclude: inputs.exclude, stripHash: inputs.stripHash }),
    );
    return presentable(result, ctx, baseline, snapshotPath);
  } finally {
    await sides.close();
  }
}

/**
 * Names the sides for readers of the comment and summary (`main @ abc1234 (run 123)` → `#7 @
 * def5678`), not by runner temp paths. The note about unread blocks is dropped when it says
 * nothing: the baseline was verified whole on download and this run's snapshot was just written.
 */
function presentable(result: CompareResult, ctx: RunContext, baseline: Baseline, snapshotPath: string): CompareResult {
  const head = ctx.pullRequest?.headSha || ctx.sha;
  const where = ctx.pullRequest !== null ? `#${ctx.pullRequest.number}` : ctx.branch || ctx.eventName || 'this run';
  const after = `${where} @ ${head.slice(0, 7)}`;
  const capturedHere = snapshotPath.startsWith(ctx.runnerTemp);
  const quietNote = baseline.verified && capturedHere && result.verification != null;
  const verification = quietNote && result.verification != null ? { ...result.verification, note: '' } : result.verification;
  const notes = quietNote ? result.notes?.filter((n) => n !== result.verification?.note) : result.notes;
  return { ...result, before: baseline.label, after, verification, notes };
}

/** The job summary; optional, so a failure (or no GITHUB_STEP_SUMMARY outside a runner) only warns. */
export async function writeSummary(markdown: string): Promise<void> {
  if (!process.env.GITHUB_STEP_SUMMARY) return;
  try {
    await core.summary.addRaw(markdown).write();
  } catch (error) {
    core.warning(`could not write the job summary: ${(error as Error).message}`);
  }
}

function shouldComment(inputs: ActionInputs, result: CompareResult): { post: boolean; onlyUpdate: boolean } {
  const drift = result.verdict !== 'identical';
  switch (inputs.comment) {
    case 'never':
      return { post: false, onlyUpdate: false };
    case 'always':
      return { post: true, onlyUpdate: false };
    case 'on-drift':
      return { post: drift, onlyUpdate: false };
    case 'auto':
      // Drift starts a comment; no drift only refreshes one that an earlier push left behind.
      return { post: true, onlyUpdate: !drift };
  }
}

function logComment(c: CommentOutcome): void {
  switch (c.status) {
    case 'created':
    case 'updated':
      core.info(`PR comment ${c.status}: ${c.url}`);
      return;
    case 'skipped':
      core.info(`PR comment skipped: ${c.reason}`);
      return;
    case 'forbidden':
      core.warning(`could not comment on the pull request: ${c.reason}. The report is in the job summary; a 'mode: post' step in a workflow_run workflow can post it (README: Forks).`);
  }
}

/** The subject of a comparison with a baseline, the snapshot's upload named after it. */
export function baselineSubject(baseline: Baseline, ctx: RunContext, upload: SnapshotUpload | null): ReportSubject {
  return { intro: baselineLine(baseline, ctx), ...(upload === null ? {} : { uploaded: uploadLine(upload) }) };
}

export async function reportStep(inputs: ActionInputs, ctx: RunContext, octokit: Octokit | null, subject: ReportSubject, result: CompareResult): Promise<ReportOutcome> {
  const reportDir = join(ctx.runnerTemp, `vitsnap-${inputs.name}-report`);
  mkdirSync(reportDir, { recursive: true });
  const files: string[] = [];
  const writeReport = (name: string, text: string): string => {
    const file = join(reportDir, name);
    writeFileSync(file, text);
    files.push(file);
    return file;
  };
  writeReport('report.json', `${renderJson(result)}\n`);
  if (inputs.htmlReport) writeReport('report.html', renderHtml(result));
  for (const [name, text] of Object.entries(subject.files ?? {})) writeReport(name, text);
  const marker = commentMarker(inputs.name);
  const fullReportUrl = `${runUrl(ctx)}#artifacts`;
  const uploaded = subject.uploaded === undefined ? '' : ` ${subject.uploaded}`;
  const intro = `${subject.intro} Full report (JSON + HTML): the [${reportArtifactName(inputs.name)}](${fullReportUrl}) artifact.${uploaded}`;
  const headLine = ctx.pullRequest === null ? '' : `\n${headMarker(ctx.pullRequest.headSha)}`;
  const sections = subject.sections ?? [];
  const comment = renderMarkdown(result, { limit: COMMENT_LIMIT, header: `${marker}${headLine}\n${intro}`, fullReportUrl, sections });
  const summary = renderMarkdown(result, { limit: SUMMARY_LIMIT, unit: 'bytes', header: intro, fullReportUrl, sections });
  const commentBodyPath = writeReport('comment.md', comment);

  let commentOutcome: CommentOutcome | null = null;
  const pr = ctx.pullRequest;
  const policy = shouldComment(inputs, result);
  if (pr !== null && policy.post) {
    if (octokit === null) {
      commentOutcome = { status: 'forbidden', reason: "no token: set the 'token' input" };
    } else {
      try {
        commentOutcome = await upsertStickyComment(octokit, { owner: ctx.owner, repo: ctx.repo, issueNumber: pr.number }, marker, comment, { onlyUpdate: policy.onlyUpdate, headSha: pr.headSha });
      } catch (error) {
        commentOutcome = { status: 'forbidden', reason: `commenting failed: ${(error as Error).message}` };
      }
    }
    logComment(commentOutcome);
  }
  if (pr !== null) {
    // Always prepared, so a `workflow_run` workflow can post it whatever happened here.
    const prepared: PreparedComment = { schema: 'vitsnap-comment/1', name: inputs.name, pullRequest: pr.number, headSha: pr.headSha, body: comment };
    writeReport(PREPARED_COMMENT_FILE, `${JSON.stringify(prepared)}\n`);
  }
  await writeSummary(summary);

  const ranked = rankAnnotations(result, inputs.maxAnnotations);
  for (const a of ranked.shown) {
    const properties = { title: a.title, file: a.file };
    if (a.level === 'warning') core.warning(a.message, properties);
    else core.notice(a.message, properties);
  }
  if (ranked.omitted > 0) core.info(`${ranked.omitted} more differences are in the job summary and the report artifact`);

  if (ctx.ghes) {
    core.info(`GitHub Enterprise Server has no artifact service v4: the reports stay in ${reportDir}`);
  } else {
    try {
      await uploadFiles(reportArtifactName(inputs.name), files, reportDir, inputs.retentionDays, 6, ctx.runAttempt);
    } catch (error) {
      core.warning(`could not upload the report artifact (${(error as Error).message}); the reports are in ${reportDir}`);
    }
  }
  return { result, reportDir, commentBodyPath, comment: commentOutcome };
}
