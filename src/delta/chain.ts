/**
 * Finds and attaches the layers below a delta snapshot. A delta names its parent by the SHA-256 of
 * the parent's file, so wherever a candidate comes from, it is used only once that digest matches:
 * a store record (named by that digest), a file given with --parent, the file the delta was made
 * from (`parentRef`) next to it, or any other `.vitsnap` in its directory.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readSync, readdirSync, statSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { OperationError } from '../errors.js';
import { recordedDigest } from '../incremental/cache-files.js';
import { SnapshotReader } from '../snapshot/reader.js';
import { openStore, type StoreLayout } from '../store/layout.js';
import { openRecord, recordPath } from '../store/records.js';
import { StoreSession } from '../store/sessions.js';

export const DEFAULT_MAX_DEPTH = 16;

export interface ChainOptions {
  /** A store to look in (its records are named by the digest a delta names). */
  storeDir?: string | null;
  /** Snapshot files to try first. */
  candidates?: readonly string[];
  /** How many layers to follow; default 16. */
  maxDepth?: number;
}

/** SHA-256 of a whole file, read in 4 MiB pieces. */
export function fileDigest(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const hash = createHash('sha256');
    const buf = Buffer.allocUnsafe(4 * 1024 * 1024);
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      hash.update(buf.subarray(0, n));
    }
    return hash.digest('hex');
  } finally {
    closeSync(fd);
  }
}

/**
 * The digest a delta names for the snapshot file at `path`: the one its writer recorded beside it
 * (cache-files.ts, `recordedDigest`), else hashed now (0.3 s for a 450 MB snapshot here).
 */
export function snapshotDigest(path: string): string {
  return recordedDigest(path) ?? fileDigest(path);
}

function tooDeep(reader: SnapshotReader, depth: number, max: number): OperationError {
  return new OperationError(
    'E_CHAIN',
    `${reader.path} is ${depth} layers above its full snapshot, more than the ${max} this command follows; flatten it (vitsnap flatten ${reader.path} -o full.vitsnap) or pass --max-depth ${depth}`,
  );
}

/** Resolves every layer below `reader` and attaches it; throws E_PARENT naming the digest it could not find. */
export function resolveChain(reader: SnapshotReader, options: ChainOptions = {}): void {
  const max = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const top = reader.summary.depth ?? 0;
  if (top > max) throw tooDeep(reader, top, max);
  let layer = reader;
  while (layer.summary.parent !== null) {
    const attached = layer.parent;
    if (attached !== null) {
      // Resolved by an earlier call (a retry after a parent was pulled from a registry).
      layer = attached;
      continue;
    }
    const want = layer.summary.parent;
    const parent = findParent(layer, want, options);
    const expected = (layer.summary.depth ?? 1) - 1;
    if ((parent.summary.depth ?? 0) !== expected) {
      parent.close();
      throw new OperationError('E_PARENT', `${parent.path} has the digest ${layer.path} names as its parent but is at chain depth ${parent.summary.depth ?? 0}, not ${expected}: the chain is inconsistent`);
    }
    layer.attachParent(parent);
    layer = parent;
  }
}

/** The lowest layer attached so far whose parent is still missing, or null when the chain is whole. */
export function missingLayer(reader: SnapshotReader): SnapshotReader | null {
  let layer = reader;
  while (layer.parent !== null) layer = layer.parent;
  return layer.summary.parent === null ? null : layer;
}

/** The readers of a chain from the top down (`reader` first). */
export function chainOf(reader: SnapshotReader): SnapshotReader[] {
  const out: SnapshotReader[] = [];
  for (let r: SnapshotReader | null = reader; r !== null; r = r.parent) out.push(r);
  return out;
}

function findParent(child: SnapshotReader, digest: string, options: ChainOptions): SnapshotReader {
  const fromStore = openFromStore(digest, options.storeDir ?? null);
  if (fromStore !== null) return fromStore;
  const tried = new Set<string>();
  for (const path of fileCandidates(child, options.candidates ?? [])) {
    if (tried.has(path)) continue;
    tried.add(path);
    let digestOf: string;
    try {
      digestOf = snapshotDigest(path);
    } catch {
      continue;
    }
    if (digestOf === digest) return SnapshotReader.open(path);
  }
  const where = [options.storeDir !== null && options.storeDir !== undefined ? `store ${options.storeDir}` : null, ...(isFile(child.path) ? [dirname(resolve(child.path))] : []), ...(options.candidates ?? [])]
    .filter((w): w is string => w !== null)
    .join(', ');
  const hint = child.summary.parentRef !== undefined ? ` (it was made from ${child.summary.parentRef})` : '';
  throw new OperationError(
    'E_PARENT',
    `${child.path} is a delta snapshot; its parent sha256:${digest}${hint} is not in ${where || 'any place searched'}; put the parent next to it, pass it with --parent FILE, or add it to the store`,
  );
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Explicit candidates, then the file the delta names, then every other snapshot in its directory. */
function fileCandidates(child: SnapshotReader, explicit: readonly string[]): string[] {
  const out = explicit.map((p) => resolve(p));
  if (!isFile(child.path)) return out;
  const dir = dirname(resolve(child.path));
  const ref = child.summary.parentRef;
  if (ref !== undefined && !ref.includes(':')) out.push(join(dir, basename(ref)));
  let names: string[] = [];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith('.vitsnap')).sort();
  } catch {
    // an unreadable directory just has no candidates
  }
  const self = resolve(child.path);
  for (const n of names) if (join(dir, n) !== self) out.push(join(dir, n));
  return out.filter((p) => isFile(p));
}

/** The record named by `digest` in the store, held in a session until closed; null when absent. */
function openFromStore(digest: string, storeDir: string | null): SnapshotReader | null {
  if (storeDir === null || !existsSync(join(storeDir, 'store.json'))) return null;
  let layout: StoreLayout;
  try {
    layout = openStore(storeDir, false);
  } catch {
    return null;
  }
  if (!existsSync(recordPath(layout, digest))) return null;
  const session = StoreSession.begin(layout, `read ${digest.slice(0, 12)}`);
  try {
    const reader = openRecord(layout, digest);
    reader.onClose = () => session.end();
    return reader;
  } catch (error) {
    session.end();
    throw error;
  }
}

