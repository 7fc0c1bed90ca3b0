/**
 * The last comparator: recognises every file and reports which byte ranges differ, how much of the
 * file that is, and a hexdump around the first ranges.
 */
import { diffBytes, hexdump } from '../byte-ranges.js';
import type { ByteRange, Comparator, DiffDetail, Difference } from '../types.js';

/** Ranges shown with hexdump context. */
const HEXDUMP_RANGES = 3;
/** Context before and after a range, and the most shown per side. */
const CONTEXT_BYTES = 32;
const MAX_DUMP_BYTES = 128;

export const binaryComparator: Comparator = {
  id: 'binary',
  recognizes: () => true,
  compare(path, before, after) {
    if (before.equals(after)) return [];
    const diff = diffBytes(before, after);
    const totalBytes = Math.max(before.length, after.length);
    const detail: DiffDetail = {
      type: 'bytes',
      ranges: diff.ranges,
      changedBytes: diff.changedBytes,
      totalBytes,
      hexdump: diff.ranges.slice(0, HEXDUMP_RANGES).map((r) => ({
        offset: r.oldOffset,
        before: dumpAround(before, r.oldOffset, r.oldLength),
        after: dumpAround(after, r.newOffset, r.newLength),
      })),
      truncated: diff.truncated,
    };
    const node: Difference = {
      path,
      kind: 'bytes',
      comparator: 'binary',
      summary: summarizeBytes(diff.ranges, diff.changedBytes, totalBytes, diff.truncated, before.length, after.length),
      detail,
      causes: [],
      children: [],
    };
    return [node];
  },
};

/** Whole 16-byte lines from a little before the range to a little after it, capped. */
function dumpAround(buf: Buffer, offset: number, length: number): string {
  const start = Math.max(0, Math.floor((offset - CONTEXT_BYTES) / 16) * 16);
  const end = Math.min(buf.length, Math.ceil((offset + length + CONTEXT_BYTES) / 16) * 16, start + MAX_DUMP_BYTES);
  return hexdump(buf, start, end - start).join('\n');
}

function plural(count: number, one: string, many: string): string {
  return `${count} ${count === 1 ? one : many}`;
}

export function formatShare(changed: number, total: number): string {
  if (total === 0) return '0 %';
  const share = (changed / total) * 100;
  if (share > 0 && share < 0.01) return '< 0.01 %';
  return `${share.toFixed(2)} %`;
}

/** "12 bytes differ in 2 ranges (0.01 %)", "+10 bytes inserted at 0x0", "-4 bytes removed at 0x1f0". */
export function summarizeBytes(
  ranges: readonly ByteRange[],
  changedBytes: number,
  totalBytes: number,
  truncated: boolean,
  beforeSize: number,
  afterSize: number,
): string {
  const only = ranges.length === 1 && !truncated ? ranges[0] : undefined;
  if (only !== undefined && only.oldLength === 0) return `+${only.newLength} bytes inserted at 0x${only.oldOffset.toString(16)}`;
  if (only !== undefined && only.newLength === 0) return `-${only.oldLength} bytes removed at 0x${only.oldOffset.toString(16)}`;
  const where = truncated ? `in more than ${plural(ranges.length, 'range', 'ranges')}` : `in ${plural(ranges.length, 'range', 'ranges')}`;
  const verb = changedBytes === 1 ? 'differs' : 'differ';
  const sizes = beforeSize === afterSize ? '' : `, size ${beforeSize} → ${afterSize} bytes`;
  return `${plural(changedBytes, 'byte', 'bytes')} ${verb} ${where} (${formatShare(changedBytes, totalBytes)})${sizes}`;
}
