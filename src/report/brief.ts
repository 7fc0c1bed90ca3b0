/**
 * `vitsnap diff --brief`: one line per top-level difference, its kind and its path, like
 * `diff --brief`; then the counts. Nothing was explained, so there are no causes to show.
 */
import type { CompareResult } from '../compare/compare.js';
import type { Difference } from '../compare/types.js';
import { countsLine } from './cause-summary.js';
import { escapeControls as e } from './escape.js';

/** The kind column, padded so paths line up. */
const KIND_WIDTH = 9;

function briefLine(node: Difference): string {
  const path = e(node.path);
  if (node.from !== undefined) {
    const kind = node.kind === 'renamed' ? 'renamed' : 'modified';
    return `${kind.padEnd(KIND_WIDTH)}${e(node.from)} -> ${path}`;
  }
  if (node.kind === 'added' || node.kind === 'removed' || node.kind === 'modified') return `${node.kind.padEnd(KIND_WIDTH)}${path}`;
  // Type, mode and link changes: the summary says from what to what (`0755 → 0644`).
  return `${node.kind.padEnd(KIND_WIDTH)}${path}: ${e(node.summary)}`;
}

export function renderBrief(result: CompareResult): string {
  const lines = result.root.children.map(briefLine);
  for (const note of result.notes ?? []) lines.push(`note: ${e(note)}`);
  const differs = result.root.children.length > 0 || (result.notCompared?.length ?? 0) > 0;
  lines.push(differs ? `differ: ${countsLine(result)}` : 'identical');
  return lines.join('\n');
}
