/**
 * The cache backend for baselines, through the real @actions/cache client: the default branch
 * saves its snapshot under `vitsnap-<name>-<ref>-<sha>`; a PR restores the entry of its base
 * commit when there is one, else the newest entry whose key starts with `vitsnap-<name>-<base
 * ref>-` (the service only shows a PR its own and its base branch's entries). The cache is
 * optional: unavailable or denied means a warning, not a failure.
 *
 * Where the file sits while the client archives it matters: the client's `version` hashes the
 * paths list *as given*, and tar stores paths relative to the workspace. A relative path inside
 * the workspace is the same on every runner (an absolute RUNNER_TEMP path is not: self-hosted
 * runners with another layout never hit). The directory exists only around the cache call.
 */
import * as cache from '@actions/cache';
import { copyFileSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { cacheKeyPrefix } from '../constants.js';

/** Caches are keyed by the paths list too: save and restore must name the same path. */
const CACHE_FILE = 'baseline.vitsnap';
const cacheDir = (name: string): string => `.vitsnap-cache-${name}`;

/**
 * The cache client reports a dropped connection to its service (and a 500 from blob storage) as
 * a warning and a miss, without retrying: its caller cannot tell that from a real miss. One more
 * attempt after a pause costs one request on a real miss and recovers the transient case.
 */
const SECOND_TRY_DELAY_MS = 1000;

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export function cacheAvailable(): boolean {
  return cache.isFeatureAvailable();
}

export async function saveSnapshotToCache(snapshotPath: string, workspace: string, name: string, ref: string, sha: string): Promise<string> {
  const dir = cacheDir(name);
  const abs = join(workspace, dir);
  mkdirSync(abs, { recursive: true });
  try {
    copyFileSync(snapshotPath, join(abs, CACHE_FILE));
    const key = `${cacheKeyPrefix(name, ref)}${sha}`;
    // -1: not saved (a failure it only warned about, or the key exists already: then the retry is a no-op).
    if ((await cache.saveCache([dir], key)) === -1) {
      await pause(SECOND_TRY_DELAY_MS);
      if ((await cache.saveCache([dir], key)) === -1) throw new Error(`the cache did not store ${key}: an entry with that key exists already, or see the warning above`);
    }
    return key;
  } finally {
    rmSync(abs, { recursive: true, force: true });
  }
}

/**
 * Restores the baseline for `ref` into `into`: the entry for commit `sha` when given and present,
 * else the newest for the ref. Returns the file and the key it came from, or null on a miss.
 */
export async function restoreSnapshotFromCache(workspace: string, into: string, name: string, ref: string, sha: string | null): Promise<{ path: string; key: string } | null> {
  const dir = cacheDir(name);
  const abs = join(workspace, dir);
  const prefix = cacheKeyPrefix(name, ref);
  const primary = sha === null || sha === '' ? prefix : `${prefix}${sha}`;
  try {
    let key = await cache.restoreCache([dir], primary, [prefix]);
    if (key === undefined) {
      await pause(SECOND_TRY_DELAY_MS);
      key = await cache.restoreCache([dir], primary, [prefix]);
    }
    if (key === undefined || !existsSync(join(abs, CACHE_FILE))) return null;
    mkdirSync(into, { recursive: true });
    const path = join(into, `vitsnap-cache-${name}.vitsnap`);
    copyFileSync(join(abs, CACHE_FILE), path);
    return { path, key };
  } finally {
    rmSync(abs, { recursive: true, force: true });
  }
}
