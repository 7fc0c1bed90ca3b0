/**
 * Bounds on how much a snapshot may expand to. A file's chunk list may name one chunk many times
 * (that is how repeated content deduplicates), so an 880-byte snapshot can claim a 1 GiB file and a
 * 13 KB one 7.6 TiB: `verify` would hash for days and `restore` fill the disk. The sizes are in the
 * manifest, so the total is known, and checked, before any block is read.
 */
import { statfsSync } from 'node:fs';
import { OperationError, SnapshotFormatError, fromSystemError } from '../errors.js';
import { formatBytes } from '../format-bytes.js';
import type { Entry } from './types.js';

/** Default bound: this many times the snapshot's own size… */
export const EXPANSION_RATIO = 10;
/** …but never less than this, so small snapshots of compressible files are never refused. */
export const EXPANSION_FLOOR = 64 * 1024 * 1024;

export interface ExpansionLimits {
  /** Refuse more than this many bytes of file data (`--max-size`); replaces the default bound. */
  maxSize?: number;
  /** Lift the default bound (`--allow-expand`); `maxSize` still applies. */
  allowExpand?: boolean;
}

/** The snapshot being checked: its path (for messages) and its size on disk. */
export interface SnapshotSize {
  path: string;
  fileSize: number;
}

/** Total bytes of file data the entries expand to. */
export function logicalSize(entries: readonly Entry[]): number {
  let total = 0;
  for (const e of entries) if (e.type === 'file') total += e.size;
  return total;
}

/** Throws E_LIMIT when `entries` expand to more than the limits allow. */
export function checkExpansion(snapshot: SnapshotSize, entries: readonly Entry[], limits: ExpansionLimits = {}): void {
  const total = logicalSize(entries);
  if (limits.maxSize !== undefined) {
    if (total > limits.maxSize) {
      throw new SnapshotFormatError(
        'E_LIMIT',
        `${snapshot.path} holds ${formatBytes(total)} of file data, more than --max-size ${formatBytes(limits.maxSize)}; raise --max-size if you expect that much`,
      );
    }
    return;
  }
  if (limits.allowExpand === true) return;
  const bound = Math.max(EXPANSION_RATIO * snapshot.fileSize, EXPANSION_FLOOR);
  if (total <= bound) return;
  const ratio = Math.round(total / Math.max(snapshot.fileSize, 1));
  throw new SnapshotFormatError(
    'E_LIMIT',
    `${snapshot.path} would expand to ${formatBytes(total)} of file data, ${ratio}× its ${formatBytes(snapshot.fileSize)} on disk; ` +
      `vitsnap stops above ${EXPANSION_RATIO}× (or ${formatBytes(EXPANSION_FLOOR)}) by default because a forged snapshot can repeat one chunk to fill a disk. ` +
      'Snapshots of highly compressible or duplicated files can legitimately exceed this: if you trust this file, pass --allow-expand, or --max-size N (e.g. --max-size 10G) to set your own bound',
  );
}

const UNITS: Readonly<Record<string, number>> = { '': 1, k: 2 ** 10, m: 2 ** 20, g: 2 ** 30, t: 2 ** 40, p: 2 ** 50 };

/** Parses `--max-size` values: a byte count, or a number with K, M, G, T or P (binary: 1K = 1024), e.g. `512M`, `1.5G`, `10GiB`. */
export function parseSize(text: string, option = '--max-size'): number {
  const m = /^(\d+(?:\.\d+)?)\s*([kmgtp]?)(?:i?b)?$/i.exec(text.trim());
  const unit = m === null ? undefined : UNITS[(m[2] as string).toLowerCase()];
  const bytes = m === null || unit === undefined ? NaN : Math.floor(Number(m[1]) * unit);
  if (!Number.isSafeInteger(bytes)) {
    throw new OperationError('E_USAGE', `${option} expects a size such as 512M, 10G or 1048576, got ${JSON.stringify(text)}`);
  }
  return bytes;
}

/**
 * Throws E_IO when the file system holding `dir` has too few free blocks or inodes for `entries`.
 * Each file is counted in whole blocks, as the file system allocates it.
 */
export function checkFreeSpace(dir: string, entries: readonly Entry[]): void {
  let fs: { bsize: number; bavail: number; files: number; ffree: number };
  try {
    fs = statfsSync(dir);
  } catch (error) {
    throw fromSystemError(error, `cannot check the free space in ${dir}`);
  }
  const block = fs.bsize > 0 ? fs.bsize : 4096;
  let needed = 0;
  for (const e of entries) if (e.type === 'file') needed += Math.ceil(e.size / block) * block;
  const free = fs.bavail * block;
  if (needed > free) {
    throw new OperationError('E_IO', `restoring needs ${formatBytes(needed)} but ${dir} has ${formatBytes(free)} free; free some space or restore elsewhere`);
  }
  // Some file systems (btrfs) report no inode count at all: nothing to check there.
  if (fs.files > 0 && entries.length > fs.ffree) {
    throw new OperationError('E_IO', `restoring needs ${entries.length} inodes but ${dir} has ${fs.ffree} free; free some inodes (df -i) or restore elsewhere`);
  }
}
