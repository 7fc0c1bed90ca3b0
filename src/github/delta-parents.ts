/**
 * A snapshot artifact may be a delta against the baseline its run compared with (`upload:
 * delta`). Its manifest names the parent by the SHA-256 of the parent's file and records where it
 * lives as `parentRef: artifact:<owner>/<repo>/<run id>/<artifact name>`. Before such a file is
 * read, every missing layer below it is fetched from there and digest-checked; the files found are
 * the candidates `resolveChain` (or `openSides`' `parents`) then attaches.
 */
import * as core from '@actions/core';
import { readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileDigest } from '../delta/chain.js';
import { OperationError } from '../errors.js';
import { SnapshotReader } from '../snapshot/reader.js';
import { downloadSnapshot } from './artifacts.js';
import type { RunContext } from './context.js';
import type { RunsApi } from './baseline.js';

const ARTIFACT_PREFIX = 'artifact:';
/** Layers fetched at most: the chain depth limit the CLI follows by default. */
const MAX_LAYERS = 16;

export interface ArtifactLocation {
  owner: string;
  repo: string;
  runId: number;
  name: string;
}

/** The `parentRef` a delta against `runId`'s artifact records. */
export function artifactRef(ctx: Pick<RunContext, 'owner' | 'repo'>, runId: number, name: string): string {
  return `${ARTIFACT_PREFIX}${ctx.owner}/${ctx.repo}/${runId}/${name}`;
}

/** The artifact a `parentRef` names, or null when it names something else (a file, `oci://…`). */
export function parseArtifactRef(ref: string): ArtifactLocation | null {
  if (!ref.startsWith(ARTIFACT_PREFIX)) return null;
  const m = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)\/(\d{1,15})\/([A-Za-z0-9._-]{1,200})$/.exec(ref.slice(ARTIFACT_PREFIX.length));
  if (m === null) return null;
  return { owner: m[1] as string, repo: m[2] as string, runId: Number(m[3]), name: m[4] as string };
}

/** Fetches the snapshot file a parentRef names into `dir` and returns its path; throws E_PARENT when it cannot. */
export type ParentFetcher = (ref: string, dir: string) => Promise<string>;

/** Fetches parents from this repository's artifacts (a ref to another repository is refused: the token is this one's). */
export function artifactFetcher(ctx: RunContext, token: string, api: RunsApi | null): ParentFetcher {
  return async (ref, dir) => {
    const at = parseArtifactRef(ref);
    if (at === null) throw new OperationError('E_PARENT', `the parent ${ref} is not an artifact this action can fetch`);
    if (`${at.owner}/${at.repo}`.toLowerCase() !== `${ctx.owner}/${ctx.repo}`.toLowerCase()) {
      throw new OperationError('E_PARENT', `the parent ${ref} is an artifact of another repository; download it next to the delta yourself`);
    }
    if (api === null) throw new OperationError('E_PARENT', `fetching the parent ${ref} needs the 'token' input`);
    const live = (await api.listRunArtifacts(at.runId, at.name)).find((a) => a.name === at.name && !a.expired);
    if (live === undefined) throw new OperationError('E_PARENT', `the parent artifact ${at.name} of run ${at.runId} has expired or was deleted`);
    core.info(`fetching the delta's parent: artifact ${at.name} (id ${live.id}) of run ${at.runId}`);
    return downloadSnapshot(ctx, token, at.runId, live.id, dir);
  };
}

interface Link {
  parent: string | null;
  parentRef: string | undefined;
}

function linkOf(path: string): Link {
  const reader = SnapshotReader.open(path);
  try {
    return { parent: reader.summary.parent, parentRef: reader.summary.parentRef };
  } finally {
    reader.close();
  }
}

/** A snapshot with `digest` among `files` or next to `path`, or null. */
function findLocal(digest: string, path: string, files: readonly string[]): string | null {
  const dir = dirname(resolve(path));
  let siblings: string[] = [];
  try {
    siblings = readdirSync(dir)
      .filter((n) => n.endsWith('.vitsnap'))
      .sort()
      .map((n) => join(dir, n));
  } catch {
    // an unreadable directory just has no candidates
  }
  for (const candidate of [...files, ...siblings]) {
    if (candidate === resolve(path)) continue;
    try {
      if (fileDigest(candidate) === digest) return candidate;
    } catch {
      // unreadable: not the parent
    }
  }
  return null;
}

/**
 * The parent files `path` needs that are not next to it, fetched into subdirectories of `dir`;
 * [] for a full snapshot. Throws E_PARENT (naming the digest and where it was looked for) when a
 * layer is missing or the fetched file is not the one the delta names.
 */
export async function fetchParents(path: string, fetch: ParentFetcher | null, dir: string): Promise<string[]> {
  const fetched: string[] = [];
  let current = resolve(path);
  for (let depth = 0; depth < MAX_LAYERS; depth++) {
    const { parent, parentRef } = linkOf(current);
    if (parent === null) return fetched;
    const local = findLocal(parent, current, fetched);
    if (local !== null) {
      current = local;
      continue;
    }
    const named = parentRef === undefined ? '' : ` (${parentRef})`;
    if (fetch === null || parentRef === undefined || parseArtifactRef(parentRef) === null) {
      throw new OperationError('E_PARENT', `${current} is a delta snapshot; its parent sha256:${parent}${named} is not next to it and cannot be fetched: download the parent into ${dirname(current)}`);
    }
    let file: string;
    try {
      file = await fetch(parentRef, join(dir, `parent-${parent.slice(0, 16)}`));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new OperationError('E_PARENT', `${current} is a delta snapshot; its parent sha256:${parent}${named} could not be fetched (${message})`);
    }
    if (fileDigest(file) !== parent) {
      throw new OperationError('E_PARENT', `${current} is a delta snapshot; ${parentRef} holds a different snapshot than its parent sha256:${parent} (it was replaced, e.g. by a re-run)`);
    }
    fetched.push(file);
    current = file;
  }
  throw new OperationError('E_CHAIN', `${path} has more than ${MAX_LAYERS} delta layers above its full snapshot; flatten it (vitsnap flatten)`);
}
