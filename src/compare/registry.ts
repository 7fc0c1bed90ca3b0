/**
 * Runs the ordered comparator list on one pair of files: the first comparator that recognises both
 * sides and does not fall back wins; bytes are last. Every fallback is recorded with its reason.
 */
import { ExpansionBudget } from './archive/bytes.js';
import { bufferSource, wholeBytes, type ByteSource } from './byte-source.js';
import type { Comparator, CompareContext, CompareLimits, Difference, SideBudgets } from './types.js';

const HEAD_BYTES = 4096;

function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function summarise(children: readonly Difference[], comparator: string): string {
  if (children.length === 1) return (children[0] as Difference).summary;
  return `${children.length} differences (${comparator})`;
}

function isReadError(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'SnapshotFormatError' || name === 'OperationError';
}

/** Fresh budgets for one top-level file's two sides, each charging `diff` (the whole run's) when given. */
export function fileBudgets(limits: CompareLimits, diff?: ExpansionBudget): SideBudgets {
  const options = diff === undefined ? { scope: 'file' } : { scope: 'file', parent: diff };
  return { before: new ExpansionBudget(limits.maxExpandedBytes, options), after: new ExpansionBudget(limits.maxExpandedBytes, options) };
}

/**
 * Compares `before` and `after` (known to differ) and returns their `modified` node. Everything
 * nested in the file expands under `budgets` (fresh ones when not given).
 */
export function compareFile(
  path: string,
  before: Buffer,
  after: Buffer,
  comparators: readonly Comparator[],
  limits: CompareLimits,
  depth = 0,
  budgets: SideBudgets = fileBudgets(limits),
): Difference {
  return compareFileSources(path, bufferSource(before), bufferSource(after), comparators, limits, depth, budgets);
}

/**
 * `compareFile` on sources read as needed: a comparator that walks files itself gets them unread,
 * any other gets both files whole, read once for all of them.
 */
export function compareFileSources(
  path: string,
  before: ByteSource,
  after: ByteSource,
  comparators: readonly Comparator[],
  limits: CompareLimits,
  depth = 0,
  budgets: SideBudgets = fileBudgets(limits),
): Difference {
  const node: Difference = { path, kind: 'modified', summary: '', causes: [], children: [] };
  const fallbacks: string[] = [];
  const ctx: CompareContext = {
    limits,
    depth,
    budgets,
    compareNested: (nestedPath, a, b) => {
      if (depth + 1 > limits.maxDepth) {
        const bytesOnly = comparators.filter((c) => c.id === 'binary');
        const nested = compareFile(nestedPath, a, b, bytesOnly, limits, depth + 1, budgets);
        nested.fallback = `nesting deeper than ${limits.maxDepth} levels: compared as bytes`;
        return nested;
      }
      return compareFile(nestedPath, a, b, comparators, limits, depth + 1, budgets);
    },
  };
  const tooBig = Math.max(before.size, after.size) > limits.maxStructuredBytes;
  if (tooBig) fallbacks.push(`larger than ${limits.maxStructuredBytes} bytes: compared as bytes`);
  const headA = before.read(0, Math.min(HEAD_BYTES, before.size));
  const headB = after.read(0, Math.min(HEAD_BYTES, after.size));
  let whole: [Buffer, Buffer] | null = null;
  const wholeFiles = (): [Buffer, Buffer] => (whole ??= [wholeBytes(before), wholeBytes(after)]);
  for (const comparator of comparators) {
    if (tooBig && comparator.id !== 'binary') continue;
    if (!comparator.recognizes(path, headA) || !comparator.recognizes(path, headB)) continue;
    let children: Difference[];
    try {
      if (comparator.compareSources !== undefined) {
        children = comparator.compareSources(path, before, after, ctx);
      } else {
        const [a, b] = wholeFiles();
        children = comparator.compare(path, a, b, ctx);
      }
    } catch (error) {
      // A side that cannot be read (damaged, changed under the diff) fails the diff, as a whole read would.
      if (isReadError(error)) throw error;
      // A fallback is expected; any other error is a comparator failing on odd input: never fatal.
      const reason = (error as { name?: string }).name === 'ComparatorFallback' ? errorText(error) : `failed: ${errorText(error)}`;
      fallbacks.push(`${comparator.id}: ${reason}`);
      continue;
    }
    if (children.length === 0 && comparator.id !== 'binary') {
      fallbacks.push(`${comparator.id}: found no difference in what it understands`);
      continue;
    }
    node.comparator = comparator.id;
    node.children = children;
    // One child says it best; for several, the comparator's own description beats a count.
    node.summary = children.length === 1 ? summarise(children, comparator.id) : (comparator.describe?.(path, children) ?? summarise(children, comparator.id));
    if (fallbacks.length > 0) node.fallback = fallbacks.join('; ');
    return node;
  }
  node.summary = 'contents differ';
  node.fallback = fallbacks.length > 0 ? fallbacks.join('; ') : 'no comparator recognised this file';
  return node;
}
