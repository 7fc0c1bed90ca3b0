/**
 * `create`'s incremental capture, start to end: pick the earlier capture's stat cache (`--since`,
 * else the store's), hand capture the reuse hook, then write this capture's cache beside the
 * snapshot and into the store.
 */
import { dirname } from 'node:path';
import { OperationError } from '../errors.js';
import type { CaptureReuse } from '../snapshot/capture.js';
import { STORE_CACHES_KEPT, buildCache, captureScope, loadSidecar, loadStoreCache, nowNs, pruneCaches, sidecarPath, storeCachePath, writeCache, type CaptureScope, type LoadedCache } from './cache-files.js';
import { StatCacheReuse } from './reuse.js';

export interface IncrementalRequest {
  root: string;
  /** The user's globs (not the exclusions of vitsnap's own files). */
  patterns: readonly string[];
  excludeHidden: boolean;
  /** `--since`: a `.vitsnap` path, absolute. */
  since: string | null;
  /** The store `--store` writes to, if any: its cache is used when there is no `--since`. */
  storeRoot: string | null;
  /** `--rehash`: use no cache, still write a fresh one. */
  rehash: boolean;
  warn: (message: string) => void;
}

export interface IncrementalCapture {
  reuse: CaptureReuse;
  /** Where reused results come from: `--since`'s snapshot, the store's cache, or none (every file hashed). */
  source: 'since' | 'store' | null;
  /**
   * Builds this capture's cache for the `snapshot` it wrote (call before that file is removed),
   * writes it beside the snapshot when `keepSidecar`; `intoStore` writes it into a store later.
   * Failures are warnings. `sha256` is the snapshot file's digest, recorded for deltas made on it.
   */
  finish(snapshot: string, keepSidecar: boolean, sha256?: string): { intoStore(storeRoot: string): void };
}

export function startIncremental(request: IncrementalRequest): IncrementalCapture {
  if (request.rehash && request.since !== null) {
    throw new OperationError('E_USAGE', '--rehash hashes every file, --since reuses an earlier capture: drop one of them');
  }
  const scope: CaptureScope = captureScope(request.root, request.patterns, request.excludeHidden);
  const loaded: LoadedCache | null = request.rehash
    ? null
    : request.since !== null
      ? loadSidecar(request.since, scope)
      : request.storeRoot !== null
        ? loadStoreCache(request.storeRoot, scope)
        : null;
  if (loaded?.warning != null) request.warn(loaded.warning);
  const cache = loaded?.cache ?? null;
  const reuse = new StatCacheReuse(cache);
  // Taken before the walk: a file changed after this moment must not be trusted by the next capture.
  const startNs = nowNs();
  return {
    reuse,
    source: cache === null ? null : request.since !== null ? 'since' : 'store',
    finish(snapshot, keepSidecar, sha256) {
      const fresh = buildCache(scope, startNs, snapshot, reuse.records, sha256);
      const write = (target: string): void => {
        const problem = fresh === null ? null : writeCache(target, fresh);
        if (problem !== null) request.warn(problem);
      };
      if (keepSidecar) write(sidecarPath(snapshot));
      return {
        intoStore: (storeRoot) => {
          const path = storeCachePath(storeRoot, scope);
          write(path);
          pruneCaches(dirname(path), STORE_CACHES_KEPT);
        },
      };
    },
  };
}
