/**
 * Difference nodes the container comparators (zip, tar, gzip, zstd, xz) build: header fields,
 * members added/removed, member order, notes for what was not expanded, and nesting into members
 * with the depth cap applied before anything is expanded.
 */
import type { ComparatorId, CompareContext, Difference } from '../types.js';
import { displayName, unsafeNameNote } from './bytes.js';

/** A header field or attribute that differs: `x.tar.gz:gzip.mtime`, `a.jar!/A.class:zip.dos-time`. */
export function fieldDifference(
  comparator: ComparatorId,
  path: string,
  name: string,
  before: string,
  after: string,
  summary: string,
): Difference {
  return {
    path: `${path}:${comparator}.${name}`,
    kind: 'field',
    comparator,
    summary,
    detail: { type: 'field', name, before, after },
    causes: [],
    children: [],
  };
}

/**
 * Collects field differences for one subject: `add(name, label, before, after)` records one when
 * the two values differ, summarised as `label: before → after`.
 */
export class FieldCollector {
  readonly differences: Difference[] = [];
  private readonly comparator: ComparatorId;
  private readonly path: string;
  private readonly subject: string;
  constructor(comparator: ComparatorId, path: string, subject: string) {
    this.comparator = comparator;
    this.path = path;
    this.subject = subject;
  }

  add(name: string, label: string, before: string, after: string): void {
    if (before === after) return;
    const summary = `${this.subject}${label}: ${before} → ${after}`;
    this.differences.push(fieldDifference(this.comparator, this.path, name, before, after, summary));
  }
}

/**
 * A nested file that differs but was not expanded (depth cap, expansion cap, unsupported or
 * corrupt data): a `modified` leaf whose `fallback` says why, so the report can show it.
 */
export function unexpandedNode(comparator: ComparatorId, path: string, summary: string, reason: string): Difference {
  return { path, kind: 'modified', comparator, summary: `${summary}; not expanded: ${reason}`, causes: [], children: [], fallback: reason };
}

/** The note used when nesting one more level would pass `maxDepth`. */
export function depthCapReason(ctx: CompareContext): string {
  return `nesting deeper than ${ctx.limits.maxDepth} levels`;
}

/** Whether a member may be expanded and compared by the registry at this depth. */
export function canNest(ctx: CompareContext): boolean {
  return ctx.depth < ctx.limits.maxDepth;
}

/** Member path in a container: `dist/a.jar!/META-INF/MANIFEST.MF`. */
export function memberPath(path: string, name: string): string {
  return `${path}!/${displayName(name)}`;
}

/** Gives each member a unique key: its name, and `name [#2]`… for later duplicates. */
export function memberKeys(names: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return names.map((name) => {
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name} [#${count}]`;
  });
}

export interface MemberSetDiff {
  /** Added, removed, and at most one `order` difference. */
  differences: Difference[];
  /** Keys on both sides, in the new side's order. */
  common: string[];
}

/**
 * Members added and removed, and one `order` difference when the members both sides share appear
 * in another relative order. `describe(key, side)` adds a size or type to the added/removed lines.
 */
export function diffMemberSets(
  comparator: ComparatorId,
  path: string,
  before: readonly string[],
  after: readonly string[],
  describe: (key: string, side: 'before' | 'after') => string,
): MemberSetDiff {
  const inBefore = new Set(before);
  const inAfter = new Set(after);
  const differences: Difference[] = [];
  const commonBefore = before.filter((key) => inAfter.has(key));
  const common = after.filter((key) => inBefore.has(key));
  const firstMoved = common.findIndex((key, i) => commonBefore[i] !== key);
  if (firstMoved >= 0) {
    const position = new Map(commonBefore.map((key, i) => [key, i]));
    const moved = common.length - longestIncreasingRun(common.map((key) => position.get(key) ?? 0));
    differences.push({
      path: `${path}:${comparator}.order`,
      kind: 'order',
      comparator,
      summary:
        `member order changed: ${moved} of ${common.length} shared members moved ` +
        `(first at position ${firstMoved + 1}: ${displayName(commonBefore[firstMoved] ?? '')} → ${displayName(common[firstMoved] ?? '')})`,
      detail: { type: 'order', before: commonBefore.map(displayName), after: common.map(displayName) },
      causes: [],
      children: [],
    });
  }
  for (const key of before) {
    if (inAfter.has(key)) continue;
    differences.push(memberChange(comparator, path, key, 'removed', describe(key, 'before')));
  }
  for (const key of after) {
    if (inBefore.has(key)) continue;
    differences.push(memberChange(comparator, path, key, 'added', describe(key, 'after')));
  }
  return { differences, common };
}

function memberChange(comparator: ComparatorId, path: string, key: string, kind: 'added' | 'removed', what: string): Difference {
  return {
    path: memberPath(path, key),
    kind,
    comparator,
    summary: `member ${kind}: ${displayName(key)}${what === '' ? '' : ` (${what})`}${unsafeNameNote(key)}`,
    causes: [],
    children: [],
  };
}

/** Length of the longest strictly increasing subsequence: the members that kept their relative order. */
function longestIncreasingRun(values: readonly number[]): number {
  const tails: number[] = [];
  for (const value of values) {
    let lo = 0;
    let hi = tails.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((tails[mid] ?? 0) < value) lo = mid + 1;
      else hi = mid;
    }
    tails[lo] = value;
  }
  return tails.length;
}

/** Name of a decompressed payload: `x.tar.gz` → `x.tar`, `x.tgz` → `x.tar`, `x.bin` → `x.bin-content`. */
export function payloadName(name: string, suffixes: ReadonlyArray<readonly [string, string]>): string {
  const lower = name.toLowerCase();
  for (const [suffix, replacement] of suffixes) {
    if (lower.endsWith(suffix) && lower.length > suffix.length) return name.slice(0, -suffix.length) + replacement;
  }
  return `${name}-content`;
}
