/**
 * Which bytes differ between two buffers. Same size: a positional compare, coalesced into ranges.
 * Different sizes: the inserted / removed / replaced regions, found by matching content-defined
 * 32-byte anchors of the shorter side in the longer one, so a 10-byte insertion at the start of 10 MB is one range.
 * Time and memory stay linear in the input.
 */
import type { ByteRange } from './types.js';

export interface DiffBytesOptions {
  /** Ranges kept (later ones are counted but dropped, and `truncated` is set). Default 1000. */
  maxRanges?: number;
  /** Ranges separated by fewer equal bytes than this are merged. Default 8. */
  mergeGap?: number;
}

export interface ByteDiff {
  ranges: ByteRange[];
  /** Bytes that differ, plus bytes inserted or removed. */
  changedBytes: number;
  truncated: boolean;
}

export const DEFAULT_MAX_RANGES = 1000;
export const DEFAULT_MERGE_GAP = 8;

/** Native compares run on windows this large before any byte is looked at in JavaScript. */
const WINDOW = 4096;
/** Bytes hashed per anchor: the shortest equal stretch block matching can find. */
const WINDOW_BYTES = 32;
/** About one position in 2^bits anchors; big inputs get more bits to keep the index small. */
const MIN_ANCHOR_BITS = 5;
const MAX_ANCHORS = 1 << 21;
/** Hash-chain entries looked at per anchor: bounds time on repetitive input. */
const MAX_CHAIN = 16;
/** Spreads anchor hashes (whose top bits are zero) over the table's buckets. */
const HASH_MIX = 0x85ebca6b | 0;

export function diffBytes(a: Buffer, b: Buffer, opts: DiffBytesOptions = {}): ByteDiff {
  const maxRanges = Math.max(0, opts.maxRanges ?? DEFAULT_MAX_RANGES);
  const mergeGap = Math.max(0, opts.mergeGap ?? DEFAULT_MERGE_GAP);
  if (a.length === b.length) {
    if (a.equals(b)) return { ranges: [], changedBytes: 0, truncated: false };
    return diffSameSize(a, b, maxRanges, mergeGap);
  }
  // Always index the shorter side, so diff(b, a) is exactly diff(a, b) mirrored.
  if (a.length > b.length) return mirror(diffResized(b, a, maxRanges, mergeGap));
  return diffResized(a, b, maxRanges, mergeGap);
}

/** The same diff seen from the other side. */
export function mirrorRanges(ranges: readonly ByteRange[]): ByteRange[] {
  return ranges.map((r) => ({ oldOffset: r.newOffset, oldLength: r.newLength, newOffset: r.oldOffset, newLength: r.oldLength }));
}

function mirror(diff: ByteDiff): ByteDiff {
  return { ...diff, ranges: mirrorRanges(diff.ranges) };
}

/** Collects ranges in order, merging close ones and counting past the cap. */
class RangeSink {
  readonly ranges: ByteRange[] = [];
  truncated = false;
  private current: ByteRange | undefined;
  private readonly maxRanges: number;
  private readonly mergeGap: number;

  constructor(maxRanges: number, mergeGap: number) {
    this.maxRanges = maxRanges;
    this.mergeGap = mergeGap;
  }

  add(oldOffset: number, oldLength: number, newOffset: number, newLength: number): void {
    const cur = this.current;
    if (cur !== undefined) {
      // Equal stretches have the same length on both sides, so one gap measures both.
      const gap = oldOffset - (cur.oldOffset + cur.oldLength);
      if (gap === 0 || gap < this.mergeGap) {
        cur.oldLength = oldOffset + oldLength - cur.oldOffset;
        cur.newLength = newOffset + newLength - cur.newOffset;
        return;
      }
      this.flush();
    }
    this.current = { oldOffset, oldLength, newOffset, newLength };
  }

  finish(): ByteRange[] {
    this.flush();
    return this.ranges;
  }

  private flush(): void {
    if (this.current === undefined) return;
    if (this.ranges.length < this.maxRanges) this.ranges.push(this.current);
    else this.truncated = true;
    this.current = undefined;
  }
}

function diffSameSize(a: Buffer, b: Buffer, maxRanges: number, mergeGap: number): ByteDiff {
  const n = a.length;
  const sink = new RangeSink(maxRanges, mergeGap);
  let changedBytes = 0;
  let runStart = -1;
  for (let w = 0; w < n; w += WINDOW) {
    const end = Math.min(n, w + WINDOW);
    if (a.compare(b, w, end, w, end) === 0) {
      if (runStart >= 0) {
        sink.add(runStart, w - runStart, runStart, w - runStart);
        runStart = -1;
      }
      continue;
    }
    for (let i = w; i < end; i++) {
      if (a[i] !== b[i]) {
        changedBytes++;
        if (runStart < 0) runStart = i;
      } else if (runStart >= 0) {
        sink.add(runStart, i - runStart, runStart, i - runStart);
        runStart = -1;
      }
    }
  }
  if (runStart >= 0) sink.add(runStart, n - runStart, runStart, n - runStart);
  const ranges = sink.finish();
  return { ranges, changedBytes, truncated: sink.truncated };
}

/** Length of the common run of `a` from `ai` and `b` from `bi`, at most `limit`. */
export function commonPrefixLength(a: Buffer, ai: number, b: Buffer, bi: number, limit: number): number {
  let done = 0;
  while (done < limit) {
    const step = Math.min(WINDOW, limit - done);
    if (a.compare(b, bi + done, bi + done + step, ai + done, ai + done + step) === 0) {
      done += step;
      continue;
    }
    while (done < limit && a[ai + done] === b[bi + done]) done++;
    return done;
  }
  return done;
}

/** Length of the common run of `a` ending before `aEnd` and `b` ending before `bEnd`, at most `limit`. */
export function commonSuffixLength(a: Buffer, aEnd: number, b: Buffer, bEnd: number, limit: number): number {
  let done = 0;
  while (done < limit) {
    const step = Math.min(WINDOW, limit - done);
    if (a.compare(b, bEnd - done - step, bEnd - done, aEnd - done - step, aEnd - done) === 0) {
      done += step;
      continue;
    }
    while (done < limit && a[aEnd - done - 1] === b[bEnd - done - 1]) done++;
    return done;
  }
  return done;
}

interface Match {
  /** Start in the shorter (indexed) side, start in the longer (scanned) side, length. */
  x: number;
  y: number;
  length: number;
}

/** `x` is the shorter side. */
function diffResized(x: Buffer, y: Buffer, maxRanges: number, mergeGap: number): ByteDiff {
  const prefix = commonPrefixLength(x, 0, y, 0, x.length);
  const suffix = commonSuffixLength(x, x.length, y, y.length, x.length - prefix);
  const xe = x.length - suffix;
  const ye = y.length - suffix;
  const matches = matchBlocks(x, prefix, xe, y, prefix, ye);
  const sink = new RangeSink(maxRanges, mergeGap);
  let changedBytes = 0;
  let cx = prefix;
  let cy = prefix;
  const gap = (xEnd: number, yEnd: number): void => {
    const oldLength = xEnd - cx;
    const newLength = yEnd - cy;
    if (oldLength === 0 && newLength === 0) return;
    changedBytes += oldLength === newLength ? countDiffering(x, cx, y, cy, oldLength) : Math.max(oldLength, newLength);
    sink.add(cx, oldLength, cy, newLength);
  };
  for (const m of matches) {
    gap(m.x, m.y);
    cx = m.x + m.length;
    cy = m.y + m.length;
  }
  gap(xe, ye);
  return { ranges: sink.finish(), changedBytes, truncated: sink.truncated };
}

function countDiffering(a: Buffer, ai: number, b: Buffer, bi: number, length: number): number {
  let count = 0;
  for (let i = 0; i < length; i++) if (a[ai + i] !== b[bi + i]) count++;
  return count;
}

/** A gear hash's random byte table (fixed seed): h = (h << 1) + GEAR[byte] hashes the last 32 bytes. */
const GEAR = (() => {
  const table = new Int32Array(256);
  let state = 0x2545f491;
  for (let i = 0; i < 256; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    table[i] = state;
  }
  return table;
})();

/**
 * The next content-defined anchor at or after `from`: a position whose 32-byte window has a gear
 * hash with the `mask` bits zero. The same content anchors at the same places on both sides, so
 * only anchors are indexed (of x) and looked up (in y). `state` is [hash, warm]: when warm, the
 * hash of the window ending just before `from + 31` is carried over instead of recomputed.
 */
function nextAnchor(buf: Buffer, from: number, end: number, mask: number, state: Int32Array): number {
  let h = 0;
  let i = from;
  if (state[1] === 1) {
    h = state[0];
    i = from + WINDOW_BYTES - 1;
  } else {
    const warm = Math.min(end, from + WINDOW_BYTES - 1);
    for (; i < warm; i++) h = ((h << 1) + GEAR[buf[i]]) | 0;
  }
  for (; i < end; i++) {
    h = ((h << 1) + GEAR[buf[i]]) | 0;
    if ((h & mask) === 0) {
      state[0] = h;
      state[1] = 1;
      return i - WINDOW_BYTES + 1;
    }
  }
  state[1] = 0;
  return -1;
}

/**
 * Greedy, monotonic anchor matching: anchors of x[xs, xe) go into a hash table (chains in offset
 * order); y[ys, ye) is scanned for anchors, each looked up, verified and extended both ways.
 * Everything between matches is a range.
 */
function matchBlocks(x: Buffer, xs: number, xe: number, y: Buffer, ys: number, ye: number): Match[] {
  if (xe - xs < WINDOW_BYTES || ye - ys < WINDOW_BYTES) return [];
  // Anchors of x are kept at least `spacing` apart (repetitive input anchors everywhere), which
  // bounds the index at MAX_ANCHORS entries.
  let anchorBits = MIN_ANCHOR_BITS;
  while ((xe - xs) >> (anchorBits - 1) > MAX_ANCHORS) anchorBits++;
  const mask = (0xffffffff << (32 - anchorBits)) | 0;
  const spacing = 1 << (anchorBits - 1);
  const state = new Int32Array(2);
  const found: number[] = [];
  const foundHashes: number[] = [];
  for (let from = xs; ; ) {
    const q = nextAnchor(x, from, xe, mask, state);
    if (q < 0) break;
    found.push(q);
    foundHashes.push(state[0]);
    from = q + spacing;
    state[1] = 0;
  }
  const count = found.length;
  if (count === 0) return [];
  const positions = Int32Array.from(found);
  const hashes = Int32Array.from(foundHashes);
  let tableBits = 10;
  while (1 << tableBits < count * 2) tableBits++;
  const shift = 32 - tableBits;
  const head = new Int32Array(1 << tableBits).fill(-1);
  const next = new Int32Array(count);
  // Inserted back to front, so each chain runs from the lowest offset up.
  for (let k = count - 1; k >= 0; k--) {
    const bucket = Math.imul(hashes[k], HASH_MIX) >>> shift;
    next[k] = head[bucket];
    head[bucket] = k;
  }

  const matches: Match[] = [];
  let xPos = xs;
  let yPos = ys;
  state[1] = 0;
  for (let p = ys; p < ye; ) {
    const at = nextAnchor(y, p, ye, mask, state);
    if (at < 0) break;
    const h = state[0];
    const bucket = Math.imul(h, HASH_MIX) >>> shift;
    // Matches only move forward, so entries behind xPos are dead for good: drop them.
    let k = head[bucket];
    while (k >= 0 && positions[k] < xPos) k = next[k];
    head[bucket] = k;
    let match = -1;
    for (let steps = 0; k >= 0 && steps < MAX_CHAIN; steps++, k = next[k]) {
      const q = positions[k];
      if (hashes[k] === h && q + WINDOW_BYTES <= xe && x.compare(y, at, at + WINDOW_BYTES, q, q + WINDOW_BYTES) === 0) {
        match = q;
        break;
      }
    }
    if (match < 0) {
      p = at + 1;
      continue;
    }
    let mx = match;
    let my = at;
    while (mx > xPos && my > yPos && x[mx - 1] === y[my - 1]) {
      mx--;
      my--;
    }
    const forward = commonPrefixLength(x, match + WINDOW_BYTES, y, at + WINDOW_BYTES, Math.min(xe - match, ye - at) - WINDOW_BYTES);
    const length = match + WINDOW_BYTES + forward - mx;
    matches.push({ x: mx, y: my, length });
    xPos = mx + length;
    yPos = my + length;
    p = yPos;
    state[1] = 0;
  }
  return matches;
}

// ---------------------------------------------------------------------------------------------
// Hexdump

const HEX_WIDTH = 16 * 3 + 1;

/** `hexdump -C` style lines: offset, 16 bytes in hex, the printable ASCII. */
export function hexdump(buf: Buffer, offset: number, length: number): string[] {
  const start = Math.max(0, offset);
  const end = Math.min(buf.length, start + Math.max(0, length));
  const lines: string[] = [];
  for (let line = start; line < end; line += 16) {
    const stop = Math.min(end, line + 16);
    let hex = '';
    let ascii = '';
    for (let i = line; i < stop; i++) {
      const byte = buf[i];
      hex += `${i - line === 8 ? ' ' : ''}${byte.toString(16).padStart(2, '0')} `;
      ascii += byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : '.';
    }
    lines.push(`${line.toString(16).padStart(8, '0')}  ${hex.padEnd(HEX_WIDTH)} |${ascii}|`);
  }
  return lines;
}

/** A contiguous stretch of known bytes of a file: `bytes[0]` is at `offset`. */
export interface ByteSpan {
  offset: number;
  bytes: Buffer;
}

const HEXDUMP_LINE = /^([0-9a-f]{8,})  ((?:[0-9a-f]{2} {1,2})+)/;

/** Reads `hexdump` lines back into byte spans (contiguous lines join one span). */
export function parseHexdump(text: string): ByteSpan[] {
  const spans: { offset: number; bytes: number[] }[] = [];
  for (const line of text.split('\n')) {
    const m = HEXDUMP_LINE.exec(line);
    if (m === null) continue;
    const offset = Number.parseInt(m[1], 16);
    const bytes = m[2].trim().split(/\s+/).map((h) => Number.parseInt(h, 16));
    const last = spans[spans.length - 1];
    if (last !== undefined && last.offset + last.bytes.length === offset) last.bytes.push(...bytes);
    else spans.push({ offset, bytes });
  }
  return spans.map((s) => ({ offset: s.offset, bytes: Buffer.from(s.bytes) }));
}
