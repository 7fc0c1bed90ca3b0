/**
 * The cache backend for baselines, through the real @actions/cache client: the default branch
 * saves its snapshot under `vitsnap-<name>-<ref>-<sha>`; a PR restores the newest entry whose key
 * starts with `vitsnap-<name>-<base ref>-` (the service only shows a PR its own and its base
 * branch's entries). The cache is optional: unavailable or denied means a warning, not a failure.
 */
import * as cache from '@actions/cache';
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { cacheKeyPrefix } from '../constants.js';

/** Caches are keyed by the paths list too: save and restore must name the same path. */
const CACHE_FILE = 'baseline.vitsnap';

/**
 * The cache client reports a dropped connection to its service (and a 500 from blob storage) as
 * a warning and a miss, without retrying: its caller cannot tell that from a real miss. One more
 * attempt after a pause costs one request on a real miss and recovers the transient case.
 */
const SECOND_TRY_DELAY_MS = 1000;

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function cacheDir(runnerTemp: string, name: string): string {
  return join(runnerTemp, `vitsnap-cache-${name}`);
}

export function cacheAvailable(): boolean {
  return cache.isFeatureAvailable();
}

export async function saveSnapshotToCache(snapshotPath: string, runnerTemp: string, name: string, ref: string, sha: string): Promise<string> {
  const dir = cacheDir(runnerTemp, name);
  mkdirSync(dir, { recursive: true });
  copyFileSync(snapshotPath, join(dir, CACHE_FILE));
  const key = `${cacheKeyPrefix(name, ref)}${sha}`;
  // -1: not saved (a failure it only warned about, or the key exists already: then the retry is a no-op).
  if ((await cache.saveCache([dir], key)) === -1) {
    await pause(SECOND_TRY_DELAY_MS);
    if ((await cache.saveCache([dir], key)) === -1) throw new Error(`the cache did not store ${key}: an entry with that key exists already, or see the warning above`);
  }
  return key;
}

/** The restored snapshot's path and the key it came from, or null on a miss. */
export async function restoreSnapshotFromCache(runnerTemp: string, name: string, ref: string): Promise<{ path: string; key: string } | null> {
  const dir = cacheDir(runnerTemp, name);
  mkdirSync(dir, { recursive: true });
  const prefix = cacheKeyPrefix(name, ref);
  let key = await cache.restoreCache([dir], prefix, [prefix]);
  if (key === undefined) {
    await pause(SECOND_TRY_DELAY_MS);
    key = await cache.restoreCache([dir], prefix, [prefix]);
  }
  const path = join(dir, CACHE_FILE);
  return key === undefined || !existsSync(path) ? null : { path, key };
}
