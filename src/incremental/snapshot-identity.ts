/**
 * Which snapshot a stat cache belongs to, cheaply: the SHA-256 of the snapshot's 200-byte trailer
 * and its size. The trailer holds the SHA-256 of the entries, the manifest and the index, and the
 * index the SHA-256 of every block, so any other snapshot has another trailer; hashing the whole
 * file instead would read a 1 GB snapshot on every incremental capture.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { TRAILER_MAGIC, TRAILER_SIZE } from '../snapshot/format.js';

export interface SnapshotIdentity {
  trailerSha256: string;
  size: number;
}

/** The identity of the snapshot at `path`, or null when there is none there (or it has no trailer). */
export function snapshotIdentity(path: string): SnapshotIdentity | null {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return null;
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile() || st.size < TRAILER_SIZE) return null;
    const trailer = Buffer.alloc(TRAILER_SIZE);
    let done = 0;
    while (done < TRAILER_SIZE) {
      const n = readSync(fd, trailer, done, TRAILER_SIZE - done, st.size - TRAILER_SIZE + done);
      if (n === 0) return null;
      done += n;
    }
    if (!trailer.subarray(TRAILER_SIZE - TRAILER_MAGIC.length).equals(TRAILER_MAGIC)) return null;
    return { trailerSha256: createHash('sha256').update(trailer).digest('hex'), size: st.size };
  } catch {
    return null;
  } finally {
    closeSync(fd);
  }
}

export function sameSnapshot(a: SnapshotIdentity, b: SnapshotIdentity): boolean {
  return a.trailerSha256 === b.trailerSha256 && a.size === b.size;
}
