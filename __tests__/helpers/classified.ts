/** One file compared by the default comparators and classified as `vitsnap diff` would: the node and the verdict. */
import { classifyCauses, verdictOf } from '../../src/compare/causes.js';
import { DEFAULT_COMPARATORS } from '../../src/compare/comparators/index.js';
import { compareFile } from '../../src/compare/registry.js';
import { DEFAULT_LIMITS, type Difference } from '../../src/compare/types.js';

export function classified(path: string, a: Buffer, b: Buffer): { node: Difference; verdict: string } {
  const node = compareFile(path, a, b, DEFAULT_COMPARATORS, DEFAULT_LIMITS, 0);
  const root: Difference = { path: '', kind: 'modified', summary: '', causes: [], children: [node] };
  classifyCauses(root);
  return { node, verdict: verdictOf(root) };
}

export function leaves(d: Difference): Difference[] {
  return d.children.length === 0 ? [d] : d.children.flatMap(leaves);
}
