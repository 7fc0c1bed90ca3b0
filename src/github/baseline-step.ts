/**
 * Gets the baseline snapshot from where `baseline` says: a path, main's artifacts (found by
 * `findBaselines`, expired ones skipped), or the cache. `auto` tries artifacts, then the cache.
 * Nothing found is not an error: the caller reports `no-baseline`.
 */
import * as core from '@actions/core';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { snapshotArtifactName } from '../constants.js';
import { OperationError, isVitsnapError } from '../errors.js';
import type { ActionInputs } from '../inputs.js';
import { resolveChain } from '../delta/chain.js';
import { SnapshotReader } from '../snapshot/reader.js';
import { downloadSnapshot, isGoneError } from './artifacts.js';
import { findBaselines, type SkippedRun } from './baseline.js';
import { cacheAvailable, restoreSnapshotFromCache } from './cache.js';
import { artifactFetcher, fetchParents, type ParentFetcher } from './delta-parents.js';
import { fromRegistry } from './oci-baseline.js';
import type { RunContext } from './context.js';
import { runsApi, type Octokit } from './rest.js';

export interface Baseline {
  path: string;
  /** One line for the report: where the baseline came from. */
  description: string;
  runId: number | null;
  sha: string | null;
  /** Short name for the report's headline: `main @ abc1234 (run 123)`. */
  label: string;
  /** Every block was read and checked when it was accepted (downloaded baselines are). */
  verified: boolean;
  /** A delta baseline's parent files that were fetched (not next to it): what its chain is attached from. */
  parents?: string[];
}

export interface BaselineLookup {
  baseline: Baseline | null;
  skipped: SkippedRun[];
  /** Why there is none, when there is none. */
  reason: string;
}

const MAX_RUNS = 30;

function short(sha: string): string {
  return sha.slice(0, 7);
}

async function fromArtifacts(inputs: ActionInputs, ctx: RunContext, octokit: Octokit, skipped: SkippedRun[]): Promise<Baseline | null> {
  const workflow = inputs.workflow || ctx.workflowFile;
  if (workflow === '') {
    skipped.push({ runId: 0, sha: '', reason: "the current workflow file is unknown (GITHUB_WORKFLOW_REF); set the 'workflow' input" });
    return null;
  }
  const branch = inputs.baselineRef || ctx.base?.branch || ctx.defaultBranch;
  const candidates = findBaselines(
    runsApi(octokit, ctx),
    { workflow, artifactName: snapshotArtifactName(inputs.name), baseSha: ctx.base?.sha ?? null, branch, events: inputs.baselineEvents, currentRunId: ctx.runId, maxRuns: MAX_RUNS },
    skipped,
  );
  let tried = 0;
  for await (const c of candidates) {
    tried++;
    try {
      const dir = join(ctx.runnerTemp, `vitsnap-baseline-${inputs.name}-${c.run.id}`);
      const path = await downloadSnapshot(ctx, inputs.token, c.run.id, c.artifact.id, dir);
      const parents = await missingParents(path, artifactFetcher(ctx, inputs.token, runsApi(octokit, ctx)), `${dir}-parents`, `the baseline snapshot of run ${c.run.id} (${short(c.run.headSha)})`);
      if (parents === null) {
        skipped.push({ runId: c.run.id, sha: c.run.headSha, reason: 'its snapshot is a delta whose parent could not be fetched (E_PARENT)' });
        continue;
      }
      const unreadable = unreadableSnapshot(path, parents);
      if (unreadable !== null) {
        core.warning(`the baseline snapshot of run ${c.run.id} (${short(c.run.headSha)}) cannot be read (${unreadable}); skipping it and trying an older run`);
        skipped.push({ runId: c.run.id, sha: c.run.headSha, reason: `its snapshot cannot be read (${unreadable})` });
        continue;
      }
      const where = c.match === 'base-sha' ? 'the base commit' : `the newest usable run on ${branch}${c.runsBehind > 0 ? `, ${c.runsBehind} run${c.runsBehind === 1 ? '' : 's'} behind the branch head` : ''}`;
      const baseNote = ctx.base !== null && c.run.headSha !== ctx.base.sha ? ` (the ${ctx.base.source}'s base is ${short(ctx.base.sha)})` : '';
      return { path, runId: c.run.id, sha: c.run.headSha, label: `${branch} @ ${short(c.run.headSha)} (run ${c.run.id})`, verified: true, description: `run ${c.run.id} at ${short(c.run.headSha)}, ${where}${baseNote}`, parents };
    } catch (error) {
      if (!isGoneError(error)) throw error;
      skipped.push({ runId: c.run.id, sha: c.run.headSha, reason: `artifact ${c.artifact.id} could not be downloaded (${(error as Error).message})` });
    }
  }
  if (tried === 0) {
    const base = ctx.base === null ? '' : ` for the base commit ${short(ctx.base.sha)} or`;
    skipped.push({ runId: 0, sha: '', reason: `looked${base} among the newest ${MAX_RUNS} successful ${inputs.baselineEvents.join('/')} runs of ${workflow} on ${branch}: none has a usable ${snapshotArtifactName(inputs.name)} artifact` });
  }
  return null;
}

/**
 * Why a downloaded baseline cannot serve (a newer format, a corrupt download), or null. Verified
 * whole, blocks included: a baseline that fails halfway through the diff would fail the job.
 */
function unreadableSnapshot(path: string, parents: readonly string[] = []): string | null {
  let reader: SnapshotReader | undefined;
  try {
    reader = SnapshotReader.open(path);
    if (reader.isDelta) resolveChain(reader, { candidates: parents });
    reader.verify();
    return null;
  } catch (error) {
    if (isVitsnapError(error)) return `${error.code}: ${error.message}`;
    throw error;
  } finally {
    reader?.close();
  }
}

/**
 * The parent files a delta snapshot needs, fetched from the artifacts its `parentRef` names; []
 * for a full snapshot. A parent that cannot be had (expired, deleted, replaced) is warned about as
 * an expired baseline is, and null returned: the caller goes on without this snapshot.
 */
export async function missingParents(path: string, fetch: ParentFetcher | null, dir: string, what: string): Promise<string[] | null> {
  try {
    return await fetchParents(path, fetch, dir);
  } catch (error) {
    if (!isVitsnapError(error)) throw error;
    // A file that cannot be read at all is for the caller's own check to report.
    if (error.code !== 'E_PARENT' && error.code !== 'E_CHAIN') return [];
    core.warning(`${what} is a delta snapshot whose parent is gone (${error.code}: ${error.message}); going on without it`);
    return null;
  }
}

async function fromCache(inputs: ActionInputs, ctx: RunContext, skipped: SkippedRun[]): Promise<Baseline | null> {
  if (!cacheAvailable()) {
    skipped.push({ runId: 0, sha: '', reason: 'the cache service is not available to this job' });
    return null;
  }
  const ref = inputs.baselineRef ? `refs/heads/${inputs.baselineRef}` : `refs/heads/${ctx.base?.branch || ctx.defaultBranch}`;
  try {
    const hit = await restoreSnapshotFromCache(ctx.workspace, ctx.runnerTemp, inputs.name, ref, ctx.base?.sha ?? null);
    if (hit === null) {
      skipped.push({ runId: 0, sha: '', reason: `no cache entry starts with vitsnap-${inputs.name}-${ref}-` });
      return null;
    }
    const sha = hit.key.slice(hit.key.lastIndexOf('-') + 1);
    const unreadable = unreadableSnapshot(hit.path);
    if (unreadable !== null) {
      core.warning(`the baseline snapshot in cache entry ${hit.key} cannot be read (${unreadable}); continuing without a baseline`);
      skipped.push({ runId: 0, sha, reason: `cache entry ${hit.key} cannot be read (${unreadable})` });
      return null;
    }
    const base = ctx.base?.sha;
    const how = base === undefined || base === '' ? '' : sha === base ? ', the base commit' : `, the newest for ${ref.replace(/^refs\/heads\//, '')} (no entry for the ${ctx.base?.source ?? 'pull request'}'s base ${short(base)})`;
    return { path: hit.path, runId: null, sha, label: `${ref.replace(/^refs\/heads\//, '')} @ ${short(sha)} (cache)`, verified: true, description: `cache entry ${hit.key}${how}` };
  } catch (error) {
    core.warning(`the cache could not be read (${(error as Error).message}); continuing without it`);
    skipped.push({ runId: 0, sha: '', reason: 'the cache could not be read' });
    return null;
  }
}

export async function findBaselineStep(inputs: ActionInputs, ctx: RunContext, octokit: Octokit | null): Promise<BaselineLookup> {
  const skipped: SkippedRun[] = [];
  const source = inputs.baseline;
  if (source.kind === 'none') return { baseline: null, skipped, reason: "baseline is 'none'" };
  if (source.kind === 'path') {
    const path = resolve(ctx.workspace, source.path);
    if (!existsSync(path)) throw new OperationError('E_NOT_FOUND', `input 'baseline' names ${source.path}, which does not exist; download it first or fix the path`);
    const fetch = artifactFetcher(ctx, inputs.token, octokit === null ? null : runsApi(octokit, ctx));
    const parents = await missingParents(path, fetch, join(ctx.runnerTemp, `vitsnap-baseline-${inputs.name}-parents`), `the baseline ${source.path}`);
    if (parents === null) return { baseline: null, skipped, reason: `the baseline ${source.path} is a delta whose parent could not be fetched (E_PARENT)` };
    return { baseline: { path, runId: null, sha: null, label: source.path, verified: false, description: `the file ${source.path}`, parents }, skipped, reason: '' };
  }
  if (source.kind === 'oci') {
    const baseline = await fromRegistry(inputs, ctx, octokit, skipped);
    const reason = baseline === null ? skipped.map((s) => s.reason).join('; ') || 'no snapshot in the registry' : '';
    return { baseline, skipped, reason };
  }
  let baseline: Baseline | null = null;
  if ((source.kind === 'artifact' || source.kind === 'auto') && ctx.ghes) {
    if (source.kind === 'artifact') core.warning("GitHub Enterprise Server has no artifact service v4, so 'baseline: artifact' finds nothing; use 'baseline: auto' or 'cache'");
    else core.info('GitHub Enterprise Server: looking for the baseline in the cache (artifacts v4 are not available here)');
    skipped.push({ runId: 0, sha: '', reason: 'artifacts v4 are not available on GitHub Enterprise Server' });
  } else if (source.kind === 'artifact' || source.kind === 'auto') {
    try {
      if (octokit === null) throw new Error("artifact baselines need the 'token' input");
      baseline = await fromArtifacts(inputs, ctx, octokit, skipped);
    } catch (error) {
      const status = (error as { status?: unknown }).status;
      const hint = status === 401 || status === 403 || status === 404 ? "; the token needs 'actions: read' on this repository" : '';
      core.warning(`looking up the baseline artifact failed (${(error as Error).message})${hint}`);
      skipped.push({ runId: 0, sha: '', reason: `the artifact lookup failed${hint === '' ? '' : ` (HTTP ${String(status)})`}` });
    }
  }
  if (baseline === null && (source.kind === 'cache' || source.kind === 'auto')) baseline = await fromCache(inputs, ctx, skipped);
  const reason = baseline === null ? (skipped.length > 0 ? skipped.map((s) => (s.runId > 0 ? `run ${s.runId}: ${s.reason}` : s.reason)).join('; ') : 'no earlier run found') : '';
  return { baseline, skipped, reason };
}
