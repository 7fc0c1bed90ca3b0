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
  await cache.saveCache([dir], key);
  return key;
}

/** The restored snapshot's path and the key it came from, or null on a miss. */
export async function restoreSnapshotFromCache(runnerTemp: string, name: string, ref: string): Promise<{ path: string; key: string } | null> {
  const dir = cacheDir(runnerTemp, name);
  mkdirSync(dir, { recursive: true });
  const prefix = cacheKeyPrefix(name, ref);
  const key = await cache.restoreCache([dir], prefix, [prefix]);
  const path = join(dir, CACHE_FILE);
  return key === undefined || !existsSync(path) ? null : { path, key };
}
