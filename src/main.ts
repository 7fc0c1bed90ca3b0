/**
 * The action: inputs → capture → keep (artifact, cache) → baseline → compare → report → outputs
 * → gate, or for `mode: rebuild` inputs → control and varied build → report → outputs → gate.
 * The steps live in `github/`; this only wires them in the order `mode` asks for.
 */
import * as core from '@actions/core';
import type { CompareResult } from './compare/compare.js';
import { Outputs } from './constants.js';
import { isVitsnapError } from './errors.js';
import { findBaselineStep, type Baseline, type BaselineLookup } from './github/baseline-step.js';
import { captureStep, keepStep } from './github/capture-step.js';
import { readRunContext, runUrl, type RunContext } from './github/context.js';
import { uploadLine, type SnapshotUpload } from './github/delta-upload.js';
import { postStep } from './github/post-step.js';
import { ACTION_WORDING, culpritsOutput, rebuildStep, rebuildSubject } from './github/rebuild-step.js';
import { baselineSubject, compareStep, reportStep, writeSummary, type ReportOutcome } from './github/report-step.js';
import { createOctokit, restOptionsFromEnv, type Octokit } from './github/rest.js';
import { getInputs, type ActionInputs, type RebuildInputs } from './inputs.js';
import { causedByLine } from './rebuild/report.js';
import { verdictLine } from './report/cause-summary.js';

type Plan = { capture: boolean; keep: boolean; compare: boolean };

function planFor(inputs: ActionInputs, eventName: string): Plan {
  switch (inputs.mode) {
    case 'capture':
      return { capture: true, keep: true, compare: false };
    case 'compare':
      return { capture: true, keep: false, compare: true };
    case 'post':
    case 'rebuild':
      // Both are handled before any plan: post delivers a comment, rebuild builds for itself.
      return { capture: false, keep: false, compare: false };
    case 'auto': {
      // A merge-queue group is gated like a pull request: compared with the queue's base commit.
      const compare = eventName === 'pull_request' || eventName === 'pull_request_target' || eventName === 'merge_group';
      return { capture: true, keep: true, compare };
    }
  }
}

/** How the gate says what differed: from a baseline, or between a rebuild's two builds. */
export interface GateWording {
  drift: string;
  unexplained: string;
}

const BASELINE_WORDING: GateWording = { drift: 'build outputs drifted from the baseline', unexplained: 'build outputs drifted for reasons vitsnap could not explain' };
const REBUILD_WORDING: GateWording = {
  drift: "the build is not reproducible: the varied build's outputs differ from the control build's",
  unexplained: "the build is not reproducible: the varied build's outputs differ from the control build's for reasons vitsnap could not explain",
};

/** The gate: a one-line reason when the job should fail, else null. */
export function gateReason(inputs: ActionInputs, result: CompareResult | null, missingReason: string, wording = BASELINE_WORDING): string | null {
  if (result === null) return inputs.failOnMissingBaseline ? `no baseline snapshot (${missingReason}) and fail-on-missing-baseline is true` : null;
  const c = result.counts;
  const what = `${c.modified} modified, ${c.added} added, ${c.removed} removed, ${c.changed} mode/type/link${c.renamed > 0 ? `, ${c.renamed} renamed` : ''}`;
  if (inputs.failOn === 'drift' && result.verdict !== 'identical') return `${wording.drift} (${result.verdict}: ${what}) and fail-on is 'drift'`;
  if (inputs.failOn === 'unexplained' && result.verdict === 'drift-unexplained') return `${wording.unexplained} (${what}) and fail-on is 'unexplained'`;
  return null;
}

/** The outputs of a comparison, whatever its sides were. */
function setReportOutputs(report: ReportOutcome): void {
  const { result } = report;
  const c = result.counts;
  core.setOutput(Outputs.Verdict, result.verdict);
  core.setOutput(Outputs.Drift, String(result.verdict !== 'identical'));
  core.setOutput(Outputs.ChangedCount, String(c.modified + c.changed));
  core.setOutput(Outputs.AddedCount, String(c.added));
  core.setOutput(Outputs.RemovedCount, String(c.removed));
  core.setOutput(Outputs.RenamedCount, String(c.renamed));
  core.setOutput(Outputs.ReportPath, report.reportDir);
  core.setOutput(Outputs.CommentBodyPath, report.commentBodyPath);
  const posted = report.comment;
  core.setOutput(Outputs.CommentUrl, posted !== null && (posted.status === 'created' || posted.status === 'updated') ? posted.url : '');
}

/** `mode: rebuild`: control and varied build, report, outputs, gate; no baseline involved. */
async function rebuildMode(inputs: ActionInputs, rebuild: RebuildInputs, ctx: RunContext, octokit: Octokit | null): Promise<void> {
  const outcome = await rebuildStep(inputs, rebuild, ctx);
  const { result } = outcome;
  core.info(`${result.reproducible ? 'reproducible' : 'not reproducible'}: ${verdictLine(outcome.compare)}`);
  if (result.bisect !== null) core.info(causedByLine(result.bisect, result.builds, rebuild.maxBuilds, ACTION_WORDING.maxBuilds));
  const report = await reportStep(inputs, ctx, octokit, rebuildSubject(outcome, inputs, rebuild, ctx), outcome.compare);
  setReportOutputs(report);
  core.setOutput(Outputs.Reproducible, String(result.reproducible));
  core.setOutput(Outputs.Culprits, culpritsOutput(result));
  core.setOutput(Outputs.SnapshotPath, result.kept?.varied ?? '');
  const artifact = outcome.artifact;
  core.setOutput(Outputs.ArtifactId, artifact === null ? '' : String(artifact.id));
  core.setOutput(Outputs.ArtifactUrl, artifact === null ? '' : `${runUrl(ctx)}/artifacts/${artifact.id}`);
  core.setOutput(Outputs.ArtifactDigest, artifact?.digest ?? '');
  const reason = gateReason(inputs, outcome.compare, '', REBUILD_WORDING);
  if (reason !== null) core.setFailed(reason);
}

/** Uploads the snapshot and sets the artifact outputs; what went up, for the report. */
async function keep(inputs: ActionInputs, ctx: RunContext, snapshotPath: string, baseline: Baseline | null): Promise<SnapshotUpload | null> {
  const { artifact, upload } = await keepStep(inputs, ctx, snapshotPath, baseline);
  core.setOutput(Outputs.ArtifactId, artifact === null ? '' : String(artifact.id));
  core.setOutput(Outputs.ArtifactUrl, artifact === null ? '' : `${runUrl(ctx)}/artifacts/${artifact.id}`);
  core.setOutput(Outputs.ArtifactDigest, artifact?.digest ?? '');
  core.setOutput(Outputs.SnapshotKind, upload?.kind ?? '');
  core.setOutput(Outputs.SnapshotUploadBytes, upload === null ? '' : String(upload.bytes));
  return upload;
}

export async function run(): Promise<void> {
  try {
    const inputs = getInputs();
    const ctx = readRunContext();
    const octokit: Octokit | null = inputs.token === '' ? null : createOctokit(inputs.token, ctx, restOptionsFromEnv());
    if (inputs.mode === 'post') {
      if (octokit === null) throw new Error("mode 'post' needs the 'token' input");
      const posted = await postStep(inputs, ctx, octokit);
      for (const { name, outcome } of posted) core.info(outcome.status === 'skipped' ? `${name}: nothing posted: ${outcome.reason}` : `${name}: sticky comment ${outcome.status}`);
      // comment-url: the comment of this step's `name` when it posted one, else the first posted.
      const written = posted.filter((p) => p.outcome.status === 'created' || p.outcome.status === 'updated');
      const chosen = (written.find((p) => p.name === inputs.name) ?? written[0])?.outcome;
      core.setOutput(Outputs.CommentUrl, chosen !== undefined && 'url' in chosen ? chosen.url : '');
      return;
    }
    if (inputs.rebuild !== null) {
      await rebuildMode(inputs, inputs.rebuild, ctx, octokit);
      return;
    }
    const plan = planFor(inputs, ctx.eventName);
    const snapshotPath = await captureStep(inputs, ctx);
    if (snapshotPath === null) return; // nothing matched; if-no-files-found said what to do
    core.setOutput(Outputs.SnapshotPath, snapshotPath);
    if (plan.keep && ctx.eventName === 'pull_request_target') {
      // Its head sha is the base branch's, but it may have built a fork's code: never a baseline.
      core.info('not uploading the snapshot: a pull_request_target run may have built untrusted code, and its snapshot must not become a baseline');
      plan.keep = false;
    }
    // The baseline is looked up before the upload, which may be a delta against it.
    let lookup: BaselineLookup | null = null;
    if (plan.compare) {
      try {
        lookup = await core.group('Find the baseline', () => findBaselineStep(inputs, ctx, octokit));
      } catch (error) {
        if (plan.keep) await keep(inputs, ctx, snapshotPath, null);
        throw error;
      }
    }
    const upload = plan.keep ? await keep(inputs, ctx, snapshotPath, lookup?.baseline ?? null) : null;
    if (lookup === null) return;
    if (lookup.baseline === null) {
      core.setOutput(Outputs.Verdict, 'no-baseline');
      core.setOutput(Outputs.Drift, 'false');
      core.notice(`vitsnap: no baseline snapshot to compare with (${lookup.reason}). Once the default branch has run this workflow, pull requests are compared with its snapshot.`);
      await writeSummary(`### vitsnap: no baseline\n\nNo baseline snapshot to compare with: ${lookup.reason}.\n${upload === null ? '' : `\n${uploadLine(upload)}\n`}`);
      const reason = gateReason(inputs, null, lookup.reason);
      if (reason !== null) core.setFailed(reason);
      return;
    }
    const { baseline } = lookup;
    core.setOutput(Outputs.BaselineRunId, baseline.runId === null ? '' : String(baseline.runId));
    core.setOutput(Outputs.BaselineSha, baseline.sha ?? '');
    core.info(`baseline: ${baseline.description}`);

    const result = await compareStep(inputs, ctx, baseline, snapshotPath, octokit);
    core.info(verdictLine(result));
    const report = await reportStep(inputs, ctx, octokit, baselineSubject(baseline, ctx, upload), result);
    setReportOutputs(report);
    const reason = gateReason(inputs, result, '');
    if (reason !== null) core.setFailed(reason);
  } catch (error) {
    core.setFailed(isVitsnapError(error) ? `${error.code}: ${error.message}` : (error as Error).message);
  }
}
