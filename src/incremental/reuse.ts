/**
 * The reuse decision: a file's earlier hash results stand in for reading it only when its exact
 * stat is what the earlier capture recorded and that record was not "racy" (git's racy-clean
 * rule): a file changed in the same clock tick as that capture started could have changed again
 * after it was hashed without its times moving.
 */
import type { CaptureReuse } from '../snapshot/capture.js';
import type { HashedFile } from '../snapshot/tasks.js';
import type { WalkedFile } from '../snapshot/walk.js';
import { StatTable, type StatCache, type StatRecord } from './stat-cache.js';

/**
 * How far before a capture's start a file's times must lie to be trusted. File times come from
 * the kernel's coarse clock (up to a tick, ~4-10 ms, behind the clock we read) and some
 * filesystems keep only 10 ms (exFAT), 1 s (ext3, HFS+) or 2 s (FAT): a ctime with no
 * sub-second part means such a filesystem, and the wide margin.
 */
export const RACY_MARGIN_NS = 100_000_000n;
export const COARSE_RACY_MARGIN_NS = 2_000_000_000n;

/** Times at or after this could hide a change made after the capture that recorded them. */
export function racyFrom(startNs: bigint, ctimeNs: bigint): bigint {
  return startNs - (ctimeNs % 1_000_000_000n === 0n ? COARSE_RACY_MARGIN_NS : RACY_MARGIN_NS);
}

/** True when `file` (walked with identity) is certainly the file `earlier` describes, unchanged. */
export function isUnchanged(earlier: StatRecord, startNs: bigint, file: WalkedFile): boolean {
  const now = file.identity;
  if (now === undefined) return false;
  const racy = racyFrom(startNs, earlier.ctimeNs);
  return (
    now.ino === earlier.ino &&
    now.dev === earlier.dev &&
    file.size === earlier.size &&
    now.mtimeNs === earlier.mtimeNs &&
    now.ctimeNs === earlier.ctimeNs &&
    file.mode === earlier.mode &&
    earlier.mtimeNs < racy &&
    earlier.ctimeNs < racy
  );
}

/**
 * Capture's reuse hook over an earlier capture's stat cache (or none), collecting this capture's
 * records for the next one.
 */
export class StatCacheReuse implements CaptureReuse {
  readonly records = new StatTable();
  private readonly earlier: StatCache | null;
  private readonly earlierStartNs: bigint;

  constructor(earlier: StatCache | null) {
    this.earlier = earlier;
    this.earlierStartNs = earlier === null ? 0n : BigInt(earlier.meta.startNs);
  }

  get hasRecords(): boolean {
    return this.earlier !== null;
  }

  lookup(file: WalkedFile): HashedFile | null {
    const record = this.earlier?.files.get(file.path);
    return record !== undefined && isUnchanged(record, this.earlierStartNs, file) ? record.hashed : null;
  }

  record(file: WalkedFile, hashed: HashedFile): void {
    const id = file.identity;
    if (id === undefined) return;
    this.records.add(file.path, { dev: id.dev, ino: id.ino, size: file.size, mtimeNs: id.mtimeNs, ctimeNs: id.ctimeNs, mode: file.mode, hashed });
  }
}
