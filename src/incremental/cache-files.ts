/**
 * Where stat caches live and how they are found, checked, written. A cache that is missing,
 * damaged, stale or made for another tree is never an error: the capture hashes every file and
 * says why in a warning.
 *
 *   SNAPSHOT.statcache                  beside every snapshot `create` writes
 *   STORE/captures/<key>.statcache      the last `create --store` of one root and set of globs
 */
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, mkdirSync, openSync, readSync, readdirSync, realpathSync, statSync, unlinkSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isVitsnapError } from '../errors.js';
import { AtomicFile } from '../snapshot/atomic-file.js';
import { VERSION } from '../version.js';
import { sameSnapshot, snapshotIdentity } from './snapshot-identity.js';
import { STAT_CACHE_HEADER_SIZE, STAT_CACHE_MAX_RAW, decodeStatCache, decodeStatCacheMeta, encodeStatCache, type StatCache, type StatCacheMeta, type StatTable } from './stat-cache.js';

export const STAT_CACHE_SUFFIX = '.statcache';
/** Stat caches a store keeps (one per root and globs): a runner that captures from fresh temp dirs must not fill it. */
export const STORE_CACHES_KEPT = 64;

/** What a capture is of: a cache from another root is not used. */
export interface CaptureScope {
  /** Absolute, through symlinks when the directory exists. */
  root: string;
  /** The user's globs, without the exclusions vitsnap adds for its own files. */
  patterns: string[];
  excludeHidden: boolean;
}

export interface LoadedCache {
  cache: StatCache | null;
  /** Why no cache is used, for the user; null when one is, or when there simply is none yet. */
  warning: string | null;
}

export function captureScope(root: string, patterns: readonly string[], excludeHidden: boolean): CaptureScope {
  let real = resolve(root);
  try {
    real = realpathSync(real);
  } catch {
    // a missing root fails the capture itself, with its own message
  }
  return { root: real, patterns: [...patterns], excludeHidden };
}

export function sidecarPath(snapshot: string): string {
  return `${snapshot}${STAT_CACHE_SUFFIX}`;
}

/** The store's cache for one scope: keyed by root and globs, so captures of different parts of a tree keep their own. */
export function storeCachePath(storeRoot: string, scope: CaptureScope): string {
  const key = createHash('sha256').update(JSON.stringify([scope.root, scope.patterns, scope.excludeHidden])).digest('hex');
  return join(storeRoot, 'captures', `${key}${STAT_CACHE_SUFFIX}`);
}

/** Removes all but the `keep` most recently written stat caches in `dir`; best effort. */
export function pruneCaches(dir: string, keep: number): void {
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith(STAT_CACHE_SUFFIX));
  } catch {
    return;
  }
  if (names.length <= keep) return;
  const aged = names.map((name) => {
    try {
      return { name, mtime: statSync(join(dir, name)).mtimeMs };
    } catch {
      return { name, mtime: Infinity }; // gone meanwhile: nothing to remove
    }
  });
  aged.sort((a, b) => b.mtime - a.mtime || (a.name < b.name ? -1 : 1));
  for (const { name } of aged.slice(keep)) {
    try {
      unlinkSync(join(dir, name));
    } catch {
      // removed by a concurrent create, or not ours to remove
    }
  }
}

/** Reads at most the largest cache vitsnap writes; null when there is no file. */
function readBounded(path: string): Buffer | null {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const size = fstatSync(fd).size;
    // zstd never grows data by more than a fraction of a percent.
    if (size > STAT_CACHE_HEADER_SIZE + STAT_CACHE_MAX_RAW + (STAT_CACHE_MAX_RAW >>> 7) + 1024) throw new Error(`it is ${size} bytes, larger than any stat cache vitsnap writes`);
    const buf = Buffer.alloc(size);
    let done = 0;
    while (done < size) {
      const n = readSync(fd, buf, done, size - done, done);
      if (n === 0) break;
      done += n;
    }
    return buf.subarray(0, done);
  } finally {
    closeSync(fd);
  }
}

function reason(error: unknown): string {
  return isVitsnapError(error) || error instanceof Error ? error.message : String(error);
}

/** Reads and checks a cache file against the scope; `snapshot` set: it must belong to that snapshot too. */
function loadCache(path: string, scope: CaptureScope, snapshot: string | null, missing: string | null): LoadedCache {
  const ignore = (why: string): LoadedCache => ({ cache: null, warning: `ignoring stat cache ${path}: ${why}; hashing every file` });
  let cache: StatCache;
  try {
    const file = readBounded(path);
    if (file === null) return { cache: null, warning: missing };
    cache = decodeStatCache(file, path);
  } catch (error) {
    return ignore(reason(error));
  }
  const { meta } = cache;
  if (meta.tool !== VERSION) return ignore(`it was written by vitsnap ${meta.tool}, this is ${VERSION}`);
  if (meta.root !== scope.root) return ignore(`it was made for root ${meta.root}, this capture's root is ${scope.root}`);
  if (snapshot !== null) {
    const id = snapshotIdentity(snapshot);
    if (id === null || !sameSnapshot(id, meta.snapshot)) return ignore(`it belongs to another snapshot than ${snapshot} (replaced since?)`);
  }
  return { cache, warning: null };
}

/** The cache beside `previous` (a `.vitsnap` path), for `create --since`. */
export function loadSidecar(previous: string, scope: CaptureScope): LoadedCache {
  if (snapshotIdentity(previous) === null) {
    return { cache: null, warning: `--since ${previous}: no snapshot there; hashing every file` };
  }
  return loadCache(sidecarPath(previous), scope, previous, `no stat cache next to ${previous} (${sidecarPath(previous)}); hashing every file`);
}

/**
 * The SHA-256 of the snapshot file at `snapshot` as its writer recorded it in the sidecar, or null
 * (no sidecar, another snapshot's, or none recorded). The sidecar is bound to the snapshot by its
 * trailer, whose digests cover every section and block: another valid snapshot cannot match, and
 * damage to a block still fails that block's own check when it is read.
 */
export function recordedDigest(snapshot: string): string | null {
  const id = snapshotIdentity(snapshot);
  if (id === null) return null;
  try {
    const file = readBounded(sidecarPath(snapshot));
    if (file === null) return null;
    const { snapshot: recorded } = decodeStatCacheMeta(file, sidecarPath(snapshot));
    return sameSnapshot(id, recorded) ? (recorded.sha256 ?? null) : null;
  } catch {
    return null;
  }
}

/** The store's cache for this scope, for `create --store`; none yet is no warning. */
export function loadStoreCache(storeRoot: string, scope: CaptureScope): LoadedCache {
  return loadCache(storeCachePath(storeRoot, scope), scope, null, null);
}

/**
 * The cache for a capture that just wrote `snapshot`, started at `startNs` (taken before its walk).
 * Null when the snapshot cannot be identified (then no cache is written).
 */
export function buildCache(scope: CaptureScope, startNs: bigint, snapshot: string, records: StatTable, sha256?: string): { meta: StatCacheMeta; records: StatTable } | null {
  const id = snapshotIdentity(snapshot);
  if (id === null) return null;
  const meta: StatCacheMeta = { tool: VERSION, root: scope.root, patterns: scope.patterns, excludeHidden: scope.excludeHidden, startNs: startNs.toString(), snapshot: sha256 === undefined ? id : { ...id, sha256 } };
  return { meta, records };
}

/** Writes a cache atomically; returns a warning instead of throwing, as a cache is only an optimisation. */
export function writeCache(path: string, cache: { meta: StatCacheMeta; records: StatTable }): string | null {
  let out: AtomicFile | null = null;
  try {
    const data = encodeStatCache(cache.meta, cache.records);
    mkdirSync(join(path, '..'), { recursive: true });
    out = new AtomicFile(path);
    out.write(data);
    out.commit();
    return null;
  } catch (error) {
    out?.abort();
    return `could not write stat cache ${path}: ${reason(error)}; the next incremental capture will hash every file`;
  }
}

/** Wall-clock time now, in ns since 1970. */
export function nowNs(): bigint {
  return BigInt(Date.now()) * 1_000_000n;
}
