/**
 * Capture (or take an existing `.vitsnap` named by `path`) and keep it: upload it as the
 * `vitsnap-<name>` artifact, and on the default branch save it to the cache when asked. A failed
 * upload never loses the snapshot: it stays at `snapshot-path`, and the log says so.
 */
import * as core from '@actions/core';
import { existsSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { snapshotArtifactName } from '../constants.js';
import { OperationError } from '../errors.js';
import type { ActionInputs } from '../inputs.js';
import { captureSnapshot } from '../snapshot/capture.js';
import { findCredentials } from '../snapshot/credentials.js';
import { collectMetadata } from '../snapshot/metadata/index.js';
import { ArtifactNameTakenError, uploadSnapshot, type UploadedArtifact } from './artifacts.js';
import type { Baseline } from './baseline-step.js';
import { cacheAvailable, saveSnapshotToCache } from './cache.js';
import { pushBaseline } from './oci-baseline.js';
import { planCapture } from './capture-paths.js';
import type { RunContext } from './context.js';
import { prepareUpload, type SnapshotUpload } from './delta-upload.js';

/** `path: some/file.vitsnap` names a snapshot made elsewhere (a release gate's compare job). */
function existingSnapshot(inputs: ActionInputs, workspace: string): string | null {
  if (inputs.patterns.length !== 1) return null;
  const only = inputs.patterns[0] as string;
  if (!only.endsWith('.vitsnap')) return null;
  const abs = resolve(workspace, only);
  return existsSync(abs) && statSync(abs).isFile() ? abs : null;
}

/** At most this many credential warnings; the rest are counted in one more. */
const MAX_CREDENTIAL_WARNINGS = 10;

/**
 * Captures what `path` names into RUNNER_TEMP and returns the snapshot, or null when nothing
 * matched and `if-no-files-found` lets the step go on (nothing to upload or compare).
 */
export async function captureStep(inputs: ActionInputs, ctx: RunContext): Promise<string | null> {
  const given = existingSnapshot(inputs, ctx.workspace);
  if (given !== null) {
    core.info(`using the snapshot ${given} named by 'path'`);
    return given;
  }
  const plan = planCapture(inputs.patterns, { workspace: ctx.workspace, runnerTemp: ctx.runnerTemp });
  const output = join(ctx.runnerTemp, `vitsnap-${inputs.name}.vitsnap`);
  if (!inputs.includeHiddenFiles) {
    const hidden = plan.patterns.filter((p) => !p.startsWith('!') && /(^|\/)\.[^/.]/.test(p));
    for (const p of hidden) {
      core.warning(`input 'path' names hidden files (${p}), which are left out: set 'include-hidden-files: true' to capture them`);
    }
  }
  const metadata = (signal: AbortSignal) =>
    collectMetadata({ root: ctx.workspace, envAllowlist: inputs.envAllowlist, commands: inputs.metadataCommands, probes: inputs.probes ?? undefined, signal }).then((m) => {
      for (const w of m.warnings) core.warning(w);
      return { metadata: m.metadata, source: m.source };
    });
  const result = await core.group('Capture snapshot', () =>
    captureSnapshot({
      root: plan.root,
      patterns: plan.patterns,
      output,
      metadata,
      sourceDateEpoch: process.env.SOURCE_DATE_EPOCH,
      allowEmpty: true,
      excludeHidden: !inputs.includeHiddenFiles,
    }),
  );
  const s = result.manifest.stats;
  if (s.files + s.dirs + s.symlinks === 0) {
    rmSync(result.output, { force: true });
    const hint = inputs.includeHiddenFiles ? '' : " (hidden files are left out unless 'include-hidden-files: true')";
    const message = `no files match input 'path' (${inputs.patterns.join(', ')}) under ${plan.root}${hint}: check that the build step ran and wrote there`;
    if (inputs.ifNoFilesFound === 'error') throw new OperationError('E_NOT_FOUND', `${message}; 'if-no-files-found: error' fails the step`);
    if (inputs.ifNoFilesFound === 'warn') core.warning(`${message}; nothing was uploaded or compared`);
    else core.info(`${message}; nothing was uploaded or compared`);
    return null;
  }
  core.info(`snapshot ${result.output}: ${s.files} files, ${s.bytes} bytes → ${result.size} bytes`);
  for (const skip of result.skipped.slice(0, 20)) core.info(`skipped ${skip.path}: ${skip.reason}`);
  const credentials = findCredentials(plan.root, result.manifest.entries.filter((e) => e.type === 'file').map((e) => e.path));
  for (const c of credentials.slice(0, MAX_CREDENTIAL_WARNINGS)) {
    core.warning(`captured ${c.path}, which looks like ${c.reason}; the snapshot is uploaded as an artifact anyone with read access can download: exclude it with '!${c.path}' in 'path'`, { title: 'vitsnap: possible credential captured' });
  }
  if (credentials.length > MAX_CREDENTIAL_WARNINGS) core.warning(`${credentials.length - MAX_CREDENTIAL_WARNINGS} more captured files look like credentials; see the snapshot's file list`);
  return result.output;
}

export interface KeptSnapshot {
  artifact: UploadedArtifact | null;
  /** What went up as the artifact (a delta or the full file); null when nothing did. */
  upload: SnapshotUpload | null;
}

/**
 * Uploads the snapshot (as a delta against `baseline` under `upload: delta`); a failure is a
 * warning that says where the snapshot still is, except a name another job took.
 */
export async function keepStep(inputs: ActionInputs, ctx: RunContext, snapshotPath: string, baseline: Baseline | null = null): Promise<KeptSnapshot> {
  let artifact: UploadedArtifact | null = null;
  let upload: SnapshotUpload | null = null;
  if (ctx.ghes) {
    core.info('GitHub Enterprise Server has no artifact service v4: the snapshot is not uploaded as an artifact; the default branch keeps it in the cache instead');
  } else {
    const planned = await prepareUpload(inputs, ctx, snapshotPath, baseline);
    try {
      const uploaded = await core.group('Upload snapshot artifact', () => uploadSnapshot(snapshotArtifactName(inputs.name), planned.path, inputs.retentionDays, ctx.runAttempt));
      artifact = uploaded;
      upload = planned;
      core.info(`uploaded artifact ${snapshotArtifactName(inputs.name)} (id ${uploaded.id}, ${uploaded.size} bytes, ${planned.kind} snapshot)`);
    } catch (error) {
      if (error instanceof ArtifactNameTakenError) throw error;
      core.warning(`could not upload the snapshot artifact (${(error as Error).message}); the snapshot is still at ${snapshotPath}`);
    }
  }
  const onDefaultBranch = ctx.eventName === 'push' && ctx.branch === ctx.defaultBranch;
  if (inputs.baseline.kind === 'oci' && onDefaultBranch) await core.group('Push snapshot to the registry', () => pushBaseline(inputs, ctx, snapshotPath));
  // On GHES the cache is where baselines live, also under `baseline: auto`.
  const useCache = inputs.baseline.kind === 'cache' || (ctx.ghes && inputs.baseline.kind === 'auto');
  if (useCache && onDefaultBranch) {
    if (!cacheAvailable()) {
      core.warning('the cache service is not available to this job: the baseline was not saved to the cache');
    } else {
      try {
        const key = await saveSnapshotToCache(snapshotPath, ctx.workspace, inputs.name, ctx.ref, ctx.sha);
        core.info(`saved the snapshot to the cache as ${key}`);
      } catch (error) {
        core.warning(`could not save the snapshot to the cache (${(error as Error).message}); pull requests will fall back to artifacts or report no baseline`);
      }
    }
  }
  return { artifact, upload };
}
