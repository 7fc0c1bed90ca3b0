/**
 * `upload: delta`: a run that found a baseline uploads its snapshot as a delta against it, so a
 * pull request that changed a little costs a little artifact storage. Only baselines a later
 * reader can fetch by name are used as parents: an artifact of an earlier run, or a registry
 * snapshot pinned by digest; a cache entry (evicted within days, readable only from workflows)
 * or a file named by `baseline: path:` is not, and the full snapshot goes up instead. The full
 * file stays where it was written: the comparison reads it; only the upload changes.
 */
import * as core from '@actions/core';
import { mkdirSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileDigest, resolveChain } from '../delta/chain.js';
import { openParentSnapshot } from '../delta/open-parent.js';
import { rewriteSnapshot } from '../delta/rewrite.js';
import { snapshotArtifactName } from '../constants.js';
import { formatBytes } from '../format-bytes.js';
import type { ActionInputs } from '../inputs.js';
import { cell } from '../report/markdown.js';
import type { ParentSnapshot } from '../snapshot/capture.js';
import { SnapshotReader } from '../snapshot/reader.js';
import type { Baseline } from './baseline-step.js';
import type { RunContext } from './context.js';
import { artifactRef } from './delta-parents.js';
import { registryEnv } from './oci-baseline.js';

export interface SnapshotUpload {
  /** The file to upload. */
  path: string;
  kind: 'full' | 'delta';
  /** Bytes of `path`. */
  bytes: number;
  /** Bytes of the full snapshot. */
  fullBytes: number;
  /** For a delta, the baseline it is a delta on (its report label); else ''. */
  on: string;
}

/** The delta's file name differs from the full one's, so both artifacts can be downloaded into one directory. */
export const deltaFileName = (name: string): string => `${snapshotArtifactName(name)}-delta.vitsnap`;

/** Where a later reader finds the baseline, or null when it could not. */
function parentRefOf(baseline: Baseline, inputs: ActionInputs, ctx: RunContext): string | null {
  if (baseline.runId !== null) return artifactRef(ctx, baseline.runId, snapshotArtifactName(inputs.name));
  if (baseline.path.startsWith('oci://') && baseline.path.includes('@sha256:')) return baseline.path;
  return null;
}

async function openParent(baseline: Baseline, ref: string, inputs: ActionInputs, ctx: RunContext): Promise<ParentSnapshot> {
  if (baseline.runId === null) {
    const opened = await openParentSnapshot(baseline.path, { cwd: ctx.workspace, env: registryEnv(inputs, ctx) });
    return { ...opened, ref };
  }
  const reader = SnapshotReader.open(baseline.path);
  try {
    if (reader.isDelta) resolveChain(reader, { candidates: baseline.parents ?? [] });
    return { reader, digest: fileDigest(baseline.path), ref };
  } catch (error) {
    reader.close();
    throw error;
  }
}

/** What to upload for `snapshotPath`: a delta against `baseline` when asked, possible and smaller, else the snapshot itself. */
export async function prepareUpload(inputs: ActionInputs, ctx: RunContext, snapshotPath: string, baseline: Baseline | null): Promise<SnapshotUpload> {
  const size = statSync(snapshotPath).size;
  const full: SnapshotUpload = { path: snapshotPath, kind: 'full', bytes: size, fullBytes: size, on: '' };
  if (inputs.upload === 'full') return full;
  if (baseline === null) {
    core.info('uploading the full snapshot: there is no baseline to make a delta against');
    return full;
  }
  const ref = parentRefOf(baseline, inputs, ctx);
  if (ref === null) {
    core.info(`uploading the full snapshot: the baseline (${baseline.description}) is not an artifact or registry snapshot a later reader could fetch`);
    return full;
  }
  let source: SnapshotReader | null = null;
  const out = join(ctx.runnerTemp, `vitsnap-${inputs.name}-upload`, deltaFileName(inputs.name));
  try {
    source = SnapshotReader.open(snapshotPath);
    if (source.isDelta) {
      core.info(`uploading ${snapshotPath} as it is: it is a delta snapshot already`);
      return { ...full, kind: 'delta', on: source.summary.parentRef ?? '' };
    }
    rmSync(dirname(out), { recursive: true, force: true });
    mkdirSync(dirname(out), { recursive: true });
    const parent = await openParent(baseline, ref, inputs, ctx);
    let written: number;
    try {
      written = (await core.group('Make the delta against the baseline', () => rewriteSnapshot(source as SnapshotReader, out, { parent }))).size;
    } finally {
      parent.reader.close();
    }
    if (written >= size) {
      core.info(`uploading the full snapshot: the delta against the baseline (${formatBytes(written)}) is not smaller than it (${formatBytes(size)})`);
      rmSync(dirname(out), { recursive: true, force: true });
      return full;
    }
    core.info(`uploading a delta against ${ref}: ${formatBytes(written)} instead of ${formatBytes(size)}`);
    return { path: out, kind: 'delta', bytes: written, fullBytes: size, on: baseline.label };
  } catch (error) {
    // Optional work: the full snapshot is always a correct upload.
    core.warning(`could not make a delta against the baseline (${(error as Error).message}); uploading the full snapshot`);
    rmSync(dirname(out), { recursive: true, force: true });
    return full;
  } finally {
    source?.close();
  }
}

/** One line for the report: `snapshot uploaded: 2.1 KiB (delta on main @ abc1234 (run 5); full 989 KiB)`. */
export function uploadLine(upload: SnapshotUpload): string {
  if (upload.kind === 'full') return `Snapshot uploaded: ${formatBytes(upload.bytes)} (full).`;
  // The label holds a branch name: shown as inert text.
  const on = upload.on === '' ? '' : ` on ${cell(upload.on, 200)}`;
  return `Snapshot uploaded: ${formatBytes(upload.bytes)} (delta${on}; full ${formatBytes(upload.fullBytes)}).`;
}
