/** Digests of the dependency lockfiles that pin what a build pulled in. */
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fromSystemError } from '../../errors.js';
import type { LockfileDigest } from '../types.js';
import { compareText } from './commands.js';

/** Lockfile names looked for directly in the lockfile directory (no recursion). */
export const KNOWN_LOCKFILES: readonly string[] = [
  'package-lock.json',
  'npm-shrinkwrap.json',
  'yarn.lock',
  'pnpm-lock.yaml',
  'bun.lockb',
  'Cargo.lock',
  'go.sum',
  'poetry.lock',
  'Pipfile.lock',
  'uv.lock',
  'requirements.txt',
  'Gemfile.lock',
  'composer.lock',
  'gradle.lockfile',
  'packages.lock.json',
  'flake.lock',
  'pubspec.lock',
  'mix.lock',
];

/** SHA-256 of each known lockfile present in `dir`, sorted by path. A missing `dir` gives none. */
export function digestLockfiles(dir: string): LockfileDigest[] {
  const digests: LockfileDigest[] = [];
  for (const name of KNOWN_LOCKFILES) {
    const file = join(dir, name);
    try {
      if (!statSync(file).isFile()) continue;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ENOENT' || code === 'ENOTDIR') continue;
      throw fromSystemError(error, 'reading lockfile');
    }
    try {
      digests.push({ path: name, sha256: sha256File(file) });
    } catch (error) {
      throw fromSystemError(error, 'reading lockfile');
    }
  }
  return digests.sort((a, b) => compareText(a.path, b.path));
}

// One buffer for every synchronous hash: no call can interleave with another.
const HASH_BUFFER = Buffer.allocUnsafe(1024 * 1024);

/** SHA-256 of a file's bytes as lowercase hex (what `sha256sum` prints), read in bounded pieces. */
/** Like `sha256File`, without blocking the event loop: probes hash large compiler binaries while their processes run. */
export async function sha256FileAsync(file: string): Promise<string> {
  const hash = createHash('sha256');
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.allocUnsafe(1024 * 1024);
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
    }
  } finally {
    await handle.close();
  }
  return hash.digest('hex');
}

export function sha256File(file: string): string {
  const hash = createHash('sha256');
  const fd = openSync(file, 'r');
  try {
    for (;;) {
      const n = readSync(fd, HASH_BUFFER, 0, HASH_BUFFER.length, null);
      if (n === 0) break;
      hash.update(HASH_BUFFER.subarray(0, n));
    }
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}
