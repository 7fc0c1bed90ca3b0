/**
 * Building blocks the format comparators share: field, strings, bytes and membership nodes, and
 * the short lists their summaries quote. Everything here is pure and capped, so a comparator's
 * output stays small however big or odd its input.
 */
import { ComparatorFallback, type ByteRange, type Comparator, type ComparatorId, type DiffDetail, type Difference, type LineHunk } from '../types.js';
import { diffBytes, hexdump } from '../byte-ranges.js';

/** Strings shown in one `lines` detail before it says `truncated`. */
export const MAX_DETAIL_LINES = 200;
/** Ranges of a `bytes` detail that get a hexdump. */
const HEXDUMP_RANGES = 3;

/**
 * A comparator that can also say, in one line, what its children add up to
 * ("3 sections differ: .text, .debug_str, .note.gnu.build-id"). `Comparator.compare` returns only
 * children, so the registry may use this for the file's own `summary`.
 */
export interface DescribedComparator extends Comparator {
  describe(path: string, children: readonly Difference[]): string;
}

/** Runs a parse of one side, naming that side in its fallback reason (`old file: …`). */
export function forSide<T>(side: 'old' | 'new', read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof ComparatorFallback) throw new ComparatorFallback(`${side} file: ${error.message}`);
    throw error;
  }
}

/** `a, b, c and 4 more`. */
export function listText(items: readonly string[], max = 3): string {
  if (items.length <= max) return items.join(', ');
  return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}

export function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`;
}

/** A string quoted for a summary, shortened in the middle when long. */
export function quote(text: string, max = 80): string {
  const shown = text.length > max ? `${text.slice(0, max - 20)}…${text.slice(-19)}` : text;
  return JSON.stringify(shown);
}

export function isoFromEpoch(seconds: number): string {
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? `epoch ${seconds}` : date.toISOString().replace('.000Z', 'Z');
}

export function node(
  comparator: ComparatorId,
  path: string,
  kind: Difference['kind'],
  summary: string,
  detail?: DiffDetail,
  children: Difference[] = [],
): Difference {
  const difference: Difference = { path, kind, comparator, summary, causes: [], children };
  if (detail !== undefined) difference.detail = detail;
  return difference;
}

/** A header field or attribute that differs; `summary` defaults to `<name> differs: <before> → <after>`. */
export function fieldNode(
  comparator: ComparatorId,
  path: string,
  name: string,
  before: string,
  after: string,
  summary = `${name} differs: ${before} → ${after}`,
): Difference {
  return node(comparator, path, 'field', summary, { type: 'field', name, before, after });
}

/** Pushes a field node when the two values differ. */
export function pushField(
  out: Difference[],
  comparator: ComparatorId,
  path: string,
  name: string,
  before: string,
  after: string,
): void {
  if (before !== after) out.push(fieldNode(comparator, path, name, before, after));
}

/** Multiset difference, in each side's own order: what only `before` has, what only `after` has. */
export function multisetDiff(before: readonly string[], after: readonly string[]): { removed: string[]; added: string[] } {
  const counts = new Map<string, number>();
  for (const item of after) counts.set(item, (counts.get(item) ?? 0) + 1);
  const removed: string[] = [];
  for (const item of before) {
    const left = counts.get(item) ?? 0;
    if (left > 0) counts.set(item, left - 1);
    else removed.push(item);
  }
  const beforeCounts = new Map<string, number>();
  for (const item of before) beforeCounts.set(item, (beforeCounts.get(item) ?? 0) + 1);
  const added: string[] = [];
  for (const item of after) {
    const left = beforeCounts.get(item) ?? 0;
    if (left > 0) beforeCounts.set(item, left - 1);
    else added.push(item);
  }
  return { removed, added };
}

/** Characters two strings share at both ends: how alike a removed and an added string look. */
function likeness(x: string, y: string): number {
  let head = 0;
  while (head < x.length && head < y.length && x[head] === y[head]) head++;
  let tail = 0;
  while (tail < x.length - head && tail < y.length - head && x[x.length - 1 - tail] === y[y.length - 1 - tail]) tail++;
  return head + tail;
}

/**
 * `added` reordered so each entry sits next to the removed string it most likely replaced (most
 * characters shared at both ends: `/tmp/a/x.c` with `/tmp/bb/x.c`, not with `/tmp/bb`; ties keep
 * the order), so the pairs the cause classifier reads line up. Left as it is past 200 × 200 strings.
 */
export function alignByLikeness(removed: readonly string[], added: readonly string[]): string[] {
  if (removed.length * added.length > 40_000) return [...added];
  const left = [...added];
  const out: string[] = [];
  for (const r of removed) {
    if (left.length === 0) break;
    let best = 0;
    for (let i = 1; i < left.length; i++) if (likeness(r, left[i] as string) > likeness(r, left[best] as string)) best = i;
    out.push(...left.splice(best, 1));
  }
  return [...out, ...left];
}

/** Escapes control characters so one string is one detail line. */
function printable(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f]/g, (c) => (c === '\n' ? '\\n' : c === '\t' ? '\\t' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));
}

/**
 * A `lines` detail for a set difference of strings (string tables, constant pools): one hunk, the
 * removed strings as `-` lines, then the added ones as `+` lines, each side capped.
 */
export function stringsDetail(removed: readonly string[], added: readonly string[]): DiffDetail {
  const half = MAX_DETAIL_LINES / 2;
  const shownRemoved = removed.slice(0, half).map((s) => `-${printable(s)}`);
  const shownAdded = added.slice(0, half).map((s) => `+${printable(s)}`);
  const hunk: LineHunk = {
    oldStart: 1,
    oldLines: shownRemoved.length,
    newStart: 1,
    newLines: shownAdded.length,
    lines: [...shownRemoved, ...shownAdded],
  };
  return { type: 'lines', hunks: [hunk], truncated: removed.length > half || added.length > half };
}

/** `2 strings removed, 2 added (e.g. "/tmp/a/x.c" → "/tmp/b/x.c")`. */
export function stringsSummary(removed: readonly string[], added: readonly string[], noun = 'string'): string {
  const parts: string[] = [];
  if (removed.length > 0) parts.push(`${plural(removed.length, noun)} removed`);
  if (added.length > 0) parts.push(`${removed.length > 0 ? added.length : plural(added.length, noun)} added`);
  const example =
    removed.length > 0 && added.length > 0
      ? `${quote(removed[0] as string)} → ${quote(added[0] as string)}`
      : quote((removed[0] ?? added[0]) as string);
  return `${parts.join(', ')} (e.g. ${example})`;
}

/** Printable strings in a blob: NUL-separated runs of at least `minLength` printable characters. */
export function extractStrings(bytes: Buffer, minLength = 1): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0) continue;
    if (i - start >= minLength) {
      const text = bytes.toString('utf8', start, i);
      if (isMostlyPrintable(text)) out.push(text);
    }
    start = i + 1;
  }
  return out;
}

/** Strings in mixed data (.rodata, __const): printable runs that end with a NUL, like strings(1). */
export function extractPrintableRuns(bytes: Buffer, minLength = 4): string[] {
  const out: string[] = [];
  let start = 0;
  for (let i = 0; i < bytes.length; i++) {
    const byte = bytes[i] as number;
    if (byte >= 0x20 && byte < 0x7f) continue;
    if (byte === 0x09 || byte === 0x0a) continue;
    if (byte === 0 && i - start >= minLength) out.push(bytes.toString('latin1', start, i));
    start = i + 1;
  }
  return out;
}

function isMostlyPrintable(text: string): boolean {
  let bad = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (code === 0xfffd || (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d)) bad++;
  }
  return bad * 10 <= text.length;
}

/** Ranges kept per bytes detail: as many as the cause classifier examines. */
const MAX_RANGES = 256;
/** Hexdump context around a range, and the most shown per side (as the binary comparator does). */
const CONTEXT_BYTES = 32;
const MAX_DUMP_BYTES = 128;

/** `hexdump -C` lines (the shared format the classifier reads back) with offsets moved by `base`. */
function dumpAround(buf: Buffer, offset: number, length: number, base: number): string {
  const start = Math.max(0, Math.floor((offset - CONTEXT_BYTES) / 16) * 16);
  const end = Math.min(buf.length, Math.ceil((offset + length + CONTEXT_BYTES) / 16) * 16, start + MAX_DUMP_BYTES);
  return hexdump(buf, start, end - start)
    .map((line) => {
      const digits = /^[0-9a-f]+/.exec(line)?.[0] ?? '';
      return `${(Number.parseInt(digits, 16) + base).toString(16).padStart(8, '0')}${line.slice(digits.length)}`;
    })
    .join('\n');
}

/**
 * A `bytes` detail for two blobs, from the shared range finder (positional for equal sizes, block
 * matching otherwise). Offsets are `base + index`, so a section's ranges and hexdump point at file
 * offsets.
 */
export function bytesDetail(before: Buffer, after: Buffer, oldBase = 0, newBase = 0): DiffDetail {
  const diff = diffBytes(before, after, { maxRanges: MAX_RANGES });
  const ranges: ByteRange[] = diff.ranges.map((r) => ({ ...r, oldOffset: r.oldOffset + oldBase, newOffset: r.newOffset + newBase }));
  const hexdumpLines = diff.ranges.slice(0, HEXDUMP_RANGES).map((r) => ({
    offset: r.oldOffset + oldBase,
    before: dumpAround(before, r.oldOffset, r.oldLength, oldBase),
    after: dumpAround(after, r.newOffset, r.newLength, newBase),
  }));
  return { type: 'bytes', ranges, changedBytes: diff.changedBytes, totalBytes: Math.max(before.length, after.length), hexdump: hexdumpLines, truncated: diff.truncated };
}

/** `12 of 4096 bytes differ in 3 ranges` / `size 288 → 320 bytes, 32 bytes differ in 1 range`. */
export function bytesSummary(before: Buffer, after: Buffer, detail: DiffDetail): string {
  if (detail.type !== 'bytes') return 'bytes differ';
  const count = `${detail.truncated ? 'more than ' : ''}${plural(detail.ranges.length, 'range')}`;
  if (before.length !== after.length) return `size ${before.length} → ${after.length} bytes, ${plural(detail.changedBytes, 'byte')} differ in ${count}`;
  return `${detail.changedBytes} of ${detail.totalBytes} bytes differ in ${count}`;
}

/** A leaf saying two blobs differ, with their ranges. */
export function bytesNode(comparator: ComparatorId, path: string, label: string, before: Buffer, after: Buffer, oldBase = 0, newBase = 0): Difference {
  const detail = bytesDetail(before, after, oldBase, newBase);
  return node(comparator, path, 'bytes', `${label}: ${bytesSummary(before, after, detail)}`, detail);
}

/** Hex of a short blob; longer ones are cut with their length. */
export function hexBytes(bytes: Buffer, max = 64): string {
  const shown = bytes.subarray(0, max).toString('hex');
  return bytes.length > max ? `${shown}… (${bytes.length} bytes)` : shown;
}

/**
 * Matches items by key across two lists. Repeated keys get `#2`, `#3`… in order of appearance, so
 * duplicates (two `.text` sections in an object file) pair up positionally.
 */
export function keyed<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T> {
  const out = new Map<string, T>();
  const seen = new Map<string, number>();
  for (const item of items) {
    const key = keyOf(item);
    const n = (seen.get(key) ?? 0) + 1;
    seen.set(key, n);
    out.set(n === 1 ? key : `${key}#${n}`, item);
  }
  return out;
}

/** The keys of both maps: `before`'s order first, then what only `after` has. */
export function unionKeys<T>(before: Map<string, T>, after: Map<string, T>): string[] {
  const keys = [...before.keys()];
  for (const key of after.keys()) if (!before.has(key)) keys.push(key);
  return keys;
}

/** `3 sections differ: .text, .debug_str, .note.gnu.build-id; 1 added: .foo`. */
export function describeMembers(children: readonly Difference[], prefix: string, noun: string, many = `${noun}s`): string {
  const nameOf = (d: Difference): string => (d.path.startsWith(prefix) ? d.path.slice(prefix.length) : d.path);
  const changed = children.filter((c) => c.kind !== 'added' && c.kind !== 'removed').map(nameOf);
  const added = children.filter((c) => c.kind === 'added').map(nameOf);
  const removed = children.filter((c) => c.kind === 'removed').map(nameOf);
  const parts: string[] = [];
  if (changed.length > 0) parts.push(`${plural(changed.length, noun, many)} differ${changed.length === 1 ? 's' : ''}: ${listText(changed, 4)}`);
  if (added.length > 0) parts.push(`${added.length} added: ${listText(added)}`);
  if (removed.length > 0) parts.push(`${removed.length} removed: ${listText(removed)}`);
  return parts.length === 0 ? 'no differences' : parts.join('; ');
}
