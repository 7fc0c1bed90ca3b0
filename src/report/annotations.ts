/**
 * Annotations from one Difference tree: GitHub shows at most 10 per level per step, so the most
 * telling differences go first (unexplained before explained, content before metadata), and the
 * rest are counted for the summary, which lists them all.
 *
 * @actions/core escapes the workflow-command syntax (`%`, CR, LF; `:` and `,` in properties), but
 * passes every other byte through to the log: an ESC sequence in a file name would reach the log
 * viewer, a bidi override would reorder the line. So titles and messages carry names through
 * `escapeControls`, and a name that needs escaping is not offered as `file` (it could not point
 * at a real file in the PR's diff as written) but quoted in the message.
 */
import type { CompareResult } from '../compare/compare.js';
import type { Cause, Difference } from '../compare/types.js';
import { escapeControls, hasControls } from './escape.js';

export type AnnotationLevel = 'warning' | 'notice';

export interface Annotation {
  level: AnnotationLevel;
  title: string;
  /** The drifted file, relative to the workspace (snapshots are captured from it); absent when its name holds control characters. */
  file?: string;
  message: string;
}

export interface RankedAnnotations {
  shown: Annotation[];
  /** Differences left out of the annotations (they are in the summary and the reports). */
  omitted: number;
}

function leafCauses(node: Difference): Cause[] {
  return node.children.length === 0 ? node.causes : node.children.flatMap(leafCauses);
}

function primaryCauses(node: Difference): string[] {
  return [...new Set(leafCauses(node).filter((c) => c.secondary !== true).map((c) => c.id))];
}

const KIND_RANK: Record<Difference['kind'], number> = { modified: 0, type: 1, removed: 2, added: 3, renamed: 3, order: 4, field: 4, bytes: 4, lines: 4, json: 4, mode: 5, symlink: 6 };

function isUnexplained(node: Difference): boolean {
  const causes = primaryCauses(node);
  return causes.length === 0 || causes.includes('content');
}

/** Unexplained drift is a warning, explained drift a notice; ignored differences are not annotated. */
export function rankAnnotations(result: CompareResult, maxPerLevel: number): RankedAnnotations {
  const candidates = result.root.children.filter((d) => d.ignored !== true);
  const ordered = [...candidates].sort((a, b) => Number(isUnexplained(b)) - Number(isUnexplained(a)) || KIND_RANK[a.kind] - KIND_RANK[b.kind]);
  const perLevel: Record<AnnotationLevel, number> = { warning: 0, notice: 0 };
  const shown: Annotation[] = [];
  for (const d of ordered) {
    const level: AnnotationLevel = isUnexplained(d) ? 'warning' : 'notice';
    if (perLevel[level] >= maxPerLevel) continue;
    perLevel[level]++;
    const causes = primaryCauses(d);
    const hint = leafCauses(d).find((c) => c.id !== 'content' && c.secondary !== true)?.hint;
    const safeName = !hasControls(d.path);
    const message = `${safeName ? '' : `${escapeControls(d.path)}: `}${escapeControls(d.summary)}${hint === undefined ? '' : `\nfix: ${escapeControls(hint)}`}`;
    shown.push({
      level,
      title: level === 'warning' ? `vitsnap: unexplained drift (${d.kind})` : `vitsnap: drift from ${causes.join(', ')}`,
      ...(safeName ? { file: d.path } : {}),
      message,
    });
  }
  return { shown, omitted: candidates.length - shown.length };
}
