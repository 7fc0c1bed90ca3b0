/**
 * `mode: rebuild`: the workspace's git-tracked files are built twice by `vitsnap rebuild`'s
 * pipeline (a control build, then one in a varied environment), each build's outputs captured and
 * the two snapshots compared; with `bisect`, more builds name the variations responsible. Both
 * snapshots and the build logs go up as the `vitsnap-<name>-rebuild` artifact. Reporting and the
 * gate are the same steps a comparison with a baseline uses.
 */
import * as core from '@actions/core';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { CompareResult } from '../compare/compare.js';
import { Inputs, rebuildArtifactName } from '../constants.js';
import { isVitsnapError } from '../errors.js';
import type { ActionInputs, RebuildInputs } from '../inputs.js';
import { rebuildIntro, rebuildSections } from '../rebuild/markdown.js';
import { runRebuild, type RebuildResult } from '../rebuild/rebuild.js';
import { renderRebuildJson } from '../rebuild/report.js';
import { cell } from '../report/markdown.js';
import { ArtifactNameTakenError, uploadFiles, type UploadedArtifact } from './artifacts.js';
import { runUrl, type RunContext } from './context.js';
import type { ReportSubject } from './report-step.js';
import type { RebuildWording } from '../rebuild/wording.js';

/** Messages in the action name its inputs and the job's settings, not the CLI's options. */
export const ACTION_WORDING: RebuildWording = {
  outputs: `input '${Inputs.Path}'`,
  maxBuilds: `input '${Inputs.MaxBuilds}'`,
  notGit: 'check the repository out (actions/checkout) before this step: the builds start from its tracked files',
  noTrackedFiles: 'check the repository out (actions/checkout) before this step: the builds start from its tracked files',
  timeout: "raise the job's timeout-minutes",
  keepLog: 'its log is in the rebuild artifact',
};

/**
 * What the builds do not inherit: the action's inputs (the token among them), the runner's service
 * tokens, which `run:` steps never see either, and this step's file commands, through which a
 * build could set the step's outputs (`reproducible=true`) or the job's environment.
 */
const WITHHELD = /^(INPUT_|ACTIONS_RUNTIME_|ACTIONS_RESULTS_URL$|ACTIONS_CACHE_|ACTIONS_ID_TOKEN_REQUEST_|GITHUB_(OUTPUT|STATE|STEP_SUMMARY|ENV|PATH)$)/;

export function buildEnvironment(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(env).filter(([name]) => !WITHHELD.test(name)));
}

/** The longest a hosted job may run: the job's `timeout-minutes` is the limit that should stop a build. */
const BUILD_TIMEOUT_SECONDS = 6 * 60 * 60;

export interface RebuildOutcome {
  result: RebuildResult;
  /** The comparison as the report shows it: control build → varied build. */
  compare: CompareResult;
  /** control.vitsnap, varied.vitsnap and the build logs. */
  keepDir: string;
  artifact: UploadedArtifact | null;
}

export async function rebuildStep(inputs: ActionInputs, rebuild: RebuildInputs, ctx: RunContext): Promise<RebuildOutcome> {
  const keepDir = join(ctx.runnerTemp, `vitsnap-${inputs.name}-rebuild`);
  let result: RebuildResult;
  try {
    result = await core.group('Control and varied builds', () =>
      runRebuild({
        command: ['sh', '-e', '-c', rebuild.command],
        outputs: inputs.patterns,
        sourceDir: ctx.workspace,
        plainSource: false,
        vary: rebuild.vary,
        bisect: rebuild.bisect,
        maxBuilds: rebuild.maxBuilds,
        timeoutSeconds: BUILD_TIMEOUT_SECONDS,
        keepDir,
        env: buildEnvironment(process.env),
        ignore: inputs.ignore,
        tmpDir: ctx.runnerTemp,
        wording: ACTION_WORDING,
        onProgress: (line) => core.info(line),
      }),
    );
  } catch (error) {
    // A failed build's whole log is worth more than the tail in the error: upload what there is.
    if (isVitsnapError(error) && error.code === 'E_BUILD' && existsSync(keepDir)) await keepBuilds(inputs, ctx, keepDir);
    throw error;
  }
  const compare = { ...result.compare, before: 'control build', after: 'varied build' };
  return { result, compare, keepDir, artifact: await keepBuilds(inputs, ctx, keepDir) };
}

/** Uploads the snapshots and logs; optional, so a failure warns (except a name another job took). */
async function keepBuilds(inputs: ActionInputs, ctx: RunContext, keepDir: string): Promise<UploadedArtifact | null> {
  if (ctx.ghes) {
    core.info(`GitHub Enterprise Server has no artifact service v4: the snapshots and build logs stay in ${keepDir}`);
    return null;
  }
  const name = rebuildArtifactName(inputs.name);
  try {
    const files = readdirSync(keepDir).map((f) => join(keepDir, f));
    // Level 1: the snapshots are compressed already; the logs still shrink.
    const artifact = await core.group('Upload the snapshots and build logs', () => uploadFiles(name, files, keepDir, inputs.retentionDays, 1, ctx.runAttempt));
    core.info(`uploaded artifact ${name} (id ${artifact.id}, ${artifact.size} bytes)`);
    return artifact;
  } catch (error) {
    if (error instanceof ArtifactNameTakenError) throw error;
    core.warning(`could not upload the ${name} artifact (${(error as Error).message}); the snapshots and build logs are in ${keepDir}`);
    return null;
  }
}

/** The report's intro, bisect result and variations table, and rebuild.json for the report artifact. */
export function rebuildSubject(outcome: RebuildOutcome, inputs: ActionInputs, rebuild: RebuildInputs, ctx: RunContext): ReportSubject {
  const name = rebuildArtifactName(inputs.name);
  const uploaded =
    outcome.artifact === null
      ? `The two snapshots and the build logs stay on the runner in ${cell(outcome.keepDir, 300)}.`
      : `The two snapshots and the build logs: the [${name}](${runUrl(ctx)}/artifacts/${outcome.artifact.id}) artifact.`;
  return {
    intro: rebuildIntro(outcome.result, rebuild.command),
    sections: rebuildSections(outcome.result, rebuild.maxBuilds, ACTION_WORDING.maxBuilds),
    files: { 'rebuild.json': `${renderRebuildJson(outcome.result)}\n` },
    uploaded,
  };
}

/** The `culprits` output: variations that made the difference alone, and groups (`a+b`) that did only together. */
export function culpritsOutput(result: Pick<RebuildResult, 'bisect'>): string {
  const bisect = result.bisect;
  if (bisect === null) return '';
  return [...bisect.culprits, ...bisect.combined.map((group) => group.join('+'))].join(',');
}
