/**
 * Line diff: Myers' O(ND) greedy algorithm on interned lines, after trimming the common head and
 * tail, turned into unified-diff hunks with context. Work is bounded: past `maxEdit` edits (or a
 * fixed budget of comparisons) the middle becomes one coarse replace hunk, marked truncated.
 *
 * The result does not depend on argument order: the pair is aligned in a canonical orientation
 * (the lexicographically smaller side first) and mirrored back, so diff(b, a) mirrors diff(a, b).
 */
import type { LineHunk } from './types.js';

/** `length` equal lines at 0-based `oldIndex` in the old side and `newIndex` in the new side. */
export interface MatchRun {
  oldIndex: number;
  newIndex: number;
  length: number;
}

export interface Alignment {
  /** Increasing in both indices; every line not in a run was removed (old) or added (new). */
  runs: MatchRun[];
  /** The edit budget ran out: the unaligned middle is reported as one replace. */
  coarse: boolean;
  added: number;
  removed: number;
}

export interface LineDiffOptions {
  /** Equal lines shown around each change. */
  context: number;
  /** Hunk lines emitted at most (context included); past it the result is truncated. */
  maxLines: number;
  /** Edit distance (lines added + removed) searched at most before giving a coarse hunk. */
  maxEdit?: number;
}

export interface LineDiff {
  hunks: LineHunk[];
  /** Hunks were cut at `maxLines`, or the alignment is coarse. */
  truncated: boolean;
  /** Lines added and removed over the whole diff, including hunks cut at `maxLines`. */
  added: number;
  removed: number;
  coarse: boolean;
}

export const DEFAULT_MAX_EDIT = 2000;

/** Snake comparisons allowed per alignment; keeps a pathological middle from spinning. */
const WORK_LIMIT = 50_000_000;

/** A text's lines without their terminators (`\n`, `\r\n` or `\r`), and each line's terminator. */
export interface SplitText {
  lines: string[];
  /** Same length as `lines`; `''` only for a last line that has no terminator. */
  endings: string[];
}

export function splitLines(text: string): SplitText {
  const lines: string[] = [];
  const endings: string[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 10 && c !== 13) continue;
    lines.push(text.slice(start, i));
    if (c === 13 && text.charCodeAt(i + 1) === 10) {
      endings.push('\r\n');
      i++;
    } else {
      endings.push(c === 10 ? '\n' : '\r');
    }
    start = i + 1;
  }
  if (start < text.length) {
    lines.push(text.slice(start));
    endings.push('');
  }
  return { lines, endings };
}

function compareSides(a: readonly string[], b: readonly string[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i] as string;
    const y = b[i] as string;
    if (x !== y) return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

function intern(a: readonly string[], b: readonly string[]): { ia: Int32Array; ib: Int32Array } {
  const ids = new Map<string, number>();
  const encode = (lines: readonly string[]): Int32Array => {
    const out = new Int32Array(lines.length);
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i] as string;
      let id = ids.get(line);
      if (id === undefined) {
        id = ids.size;
        ids.set(line, id);
      }
      out[i] = id;
    }
    return out;
  };
  return { ia: encode(a), ib: encode(b) };
}

/**
 * Myers' forward greedy search on `a[0..n)` vs `b[0..m)`, keeping each round's furthest-reaching
 * points so the path can be walked back. Null when the edit or work budget runs out.
 */
function myers(a: Int32Array, b: Int32Array, maxEdit: number): MatchRun[] | null {
  const n = a.length;
  const m = b.length;
  const limit = Math.min(n + m, maxEdit);
  const offset = limit + 1;
  const v = new Int32Array(2 * limit + 3);
  const trace: Int32Array[] = [];
  let work = 0;
  let endD = -1;
  outer: for (let d = 0; d <= limit; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x: number;
      if (k === -d || (k !== d && (v[offset + k - 1] as number) < (v[offset + k + 1] as number))) {
        x = v[offset + k + 1] as number;
      } else {
        x = (v[offset + k - 1] as number) + 1;
      }
      let y = x - k;
      const start = x;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      work += x - start + 1;
      v[offset + k] = x;
      if (x >= n && y >= m) {
        trace.push(v.slice(offset - d, offset + d + 1));
        endD = d;
        break outer;
      }
    }
    trace.push(v.slice(offset - d, offset + d + 1));
    if (work > WORK_LIMIT) return null;
  }
  if (endD < 0) return null;

  const runs: MatchRun[] = [];
  let x = n;
  let y = m;
  for (let d = endD; d > 0; d--) {
    const prev = trace[d - 1] as Int32Array;
    const at = (k: number): number => prev[k + d - 1] as number;
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    const snakeX = down ? prevX : prevX + 1;
    if (x > snakeX) runs.push({ oldIndex: snakeX, newIndex: snakeX - k, length: x - snakeX });
    x = prevX;
    y = prevY;
  }
  if (x > 0) runs.push({ oldIndex: 0, newIndex: 0, length: x });
  return runs.reverse();
}

function alignOriented(a: readonly string[], b: readonly string[], maxEdit: number): Alignment {
  let head = 0;
  while (head < a.length && head < b.length && a[head] === b[head]) head++;
  let tail = 0;
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
  const runs: MatchRun[] = [];
  if (head > 0) runs.push({ oldIndex: 0, newIndex: 0, length: head });
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  let coarse = false;
  if (midA.length > 0 && midB.length > 0) {
    const { ia, ib } = intern(midA, midB);
    const middle = myers(ia, ib, maxEdit);
    if (middle === null) coarse = true;
    else for (const run of middle) runs.push({ oldIndex: run.oldIndex + head, newIndex: run.newIndex + head, length: run.length });
  }
  if (tail > 0) runs.push({ oldIndex: a.length - tail, newIndex: b.length - tail, length: tail });
  const matched = runs.reduce((sum, run) => sum + run.length, 0);
  return { runs: mergeRuns(runs), coarse, added: b.length - matched, removed: a.length - matched };
}

function mergeRuns(runs: MatchRun[]): MatchRun[] {
  const out: MatchRun[] = [];
  for (const run of runs) {
    const last = out[out.length - 1];
    if (last !== undefined && last.oldIndex + last.length === run.oldIndex && last.newIndex + last.length === run.newIndex) {
      last.length += run.length;
    } else {
      out.push({ ...run });
    }
  }
  return out;
}

/** Which lines of `a` and `b` are kept, by a minimal edit script unless the budget runs out. */
export function alignLines(a: readonly string[], b: readonly string[], opts: { maxEdit?: number } = {}): Alignment {
  const maxEdit = Math.max(0, opts.maxEdit ?? DEFAULT_MAX_EDIT);
  if (compareSides(a, b) <= 0) return alignOriented(a, b, maxEdit);
  const mirrored = alignOriented(b, a, maxEdit);
  return {
    runs: mirrored.runs.map((run) => ({ oldIndex: run.newIndex, newIndex: run.oldIndex, length: run.length })),
    coarse: mirrored.coarse,
    added: mirrored.removed,
    removed: mirrored.added,
  };
}

/** A changed region: old `[oldStart, oldEnd)` replaced by new `[newStart, newEnd)`. */
interface Change {
  oldStart: number;
  oldEnd: number;
  newStart: number;
  newEnd: number;
}

function changesOf(alignment: Alignment, oldLength: number, newLength: number): Change[] {
  const changes: Change[] = [];
  let i = 0;
  let j = 0;
  const sentinel: MatchRun = { oldIndex: oldLength, newIndex: newLength, length: 0 };
  for (const run of [...alignment.runs, sentinel]) {
    if (run.oldIndex > i || run.newIndex > j) changes.push({ oldStart: i, oldEnd: run.oldIndex, newStart: j, newEnd: run.newIndex });
    i = run.oldIndex + run.length;
    j = run.newIndex + run.length;
  }
  return changes;
}

function makeHunk(oldFrom: number, newFrom: number, lines: string[]): LineHunk {
  let oldLines = 0;
  let newLines = 0;
  for (const line of lines) {
    if (line[0] !== '+') oldLines++;
    if (line[0] !== '-') newLines++;
  }
  // Unified-diff convention: an empty side names the line before the change.
  return {
    oldStart: oldLines === 0 ? oldFrom : oldFrom + 1,
    oldLines,
    newStart: newLines === 0 ? newFrom : newFrom + 1,
    newLines,
    lines,
  };
}

/** Unified-diff hunks for an alignment of `a` and `b`. */
export function hunksFromAlignment(
  a: readonly string[],
  b: readonly string[],
  alignment: Alignment,
  opts: { context: number; maxLines: number },
): { hunks: LineHunk[]; truncated: boolean } {
  const context = Math.max(0, opts.context);
  const changes = changesOf(alignment, a.length, b.length);
  const hunks: LineHunk[] = [];
  let emitted = 0;
  let truncated = alignment.coarse;
  let c = 0;
  while (c < changes.length) {
    // Changes separated by at most 2 × context equal lines share a hunk.
    let last = c;
    while (last + 1 < changes.length) {
      const next = changes[last + 1] as Change;
      if (next.oldStart - (changes[last] as Change).oldEnd > 2 * context) break;
      last++;
    }
    const first = changes[c] as Change;
    const end = changes[last] as Change;
    const lead = Math.min(context, first.oldStart, first.newStart);
    const trail = Math.min(context, a.length - end.oldEnd, b.length - end.newEnd);
    const lines: string[] = [];
    for (let i = first.oldStart - lead; i < first.oldStart; i++) lines.push(` ${a[i]}`);
    for (let k = c; k <= last; k++) {
      const change = changes[k] as Change;
      for (let i = change.oldStart; i < change.oldEnd; i++) lines.push(`-${a[i]}`);
      for (let j = change.newStart; j < change.newEnd; j++) lines.push(`+${b[j]}`);
      const next = changes[k + 1];
      if (k < last && next !== undefined) for (let i = change.oldEnd; i < next.oldStart; i++) lines.push(` ${a[i]}`);
    }
    for (let i = end.oldEnd; i < end.oldEnd + trail; i++) lines.push(` ${a[i]}`);
    const oldFrom = first.oldStart - lead;
    const newFrom = first.newStart - lead;
    if (emitted + lines.length > opts.maxLines) {
      truncated = true;
      // Keep at least part of the first hunk so a huge change still shows where it starts.
      if (hunks.length === 0 && opts.maxLines > 0) hunks.push(makeHunk(oldFrom, newFrom, lines.slice(0, opts.maxLines)));
      break;
    }
    hunks.push(makeHunk(oldFrom, newFrom, lines));
    emitted += lines.length;
    c = last + 1;
  }
  return { hunks, truncated };
}

/** Line diff of `a` → `b` as unified-diff hunks; empty when the sides are equal. */
export function diffLines(a: readonly string[], b: readonly string[], opts: LineDiffOptions): LineDiff {
  const alignment = alignLines(a, b, { maxEdit: opts.maxEdit });
  const { hunks, truncated } = hunksFromAlignment(a, b, alignment, opts);
  return { hunks, truncated, added: alignment.added, removed: alignment.removed, coarse: alignment.coarse };
}
