/**
 * What a reader needs first: per cause, how many files it touches and how to fix it. The text and
 * HTML reports put this on top, so a cut report still says what to do; details follow.
 */
import type { CompareResult } from '../compare/compare.js';
import type { Cause, CauseId, Difference } from '../compare/types.js';
import { CAUSE_IDS } from '../compare/types.js';
import { plural } from './plural.js';

export interface CauseSummary {
  id: CauseId;
  /** `unexplained` for `content` (and for differences with no cause at all). */
  label: string;
  /** Top-level files (or tree entries) with this cause, ignored ones left out. */
  files: number;
  /** Distinct fix hints, most common first. */
  hints: string[];
}

export interface CauseOverview {
  causes: CauseSummary[];
  /** Top-level differences every cause of which the user chose to ignore. */
  ignored: number;
}

function leafCauses(node: Difference): Cause[] {
  return node.children.length === 0 ? node.causes : node.children.flatMap(leafCauses);
}

export function causeLabel(id: CauseId): string {
  return id === 'content' ? 'unexplained' : id;
}

/** Unexplained first (it is what needs a person), then by how many files each cause touches. */
export function summarizeCauses(result: CompareResult): CauseOverview {
  const files = new Map<CauseId, number>();
  const hints = new Map<CauseId, Map<string, number>>();
  let ignored = 0;
  for (const d of result.root.children) {
    if (d.ignored === true) {
      ignored++;
      continue;
    }
    const primary = leafCauses(d).filter((c) => c.secondary !== true);
    const ids = new Set(primary.map((c) => c.id));
    if (ids.size === 0) ids.add('content');
    for (const id of ids) files.set(id, (files.get(id) ?? 0) + 1);
    for (const c of primary) {
      if (c.hint === '') continue;
      const byHint = hints.get(c.id) ?? new Map<string, number>();
      byHint.set(c.hint, (byHint.get(c.hint) ?? 0) + 1);
      hints.set(c.id, byHint);
    }
  }
  const rank = (id: CauseId): number => (id === 'content' ? 0 : 1);
  const causes = CAUSE_IDS.filter((id) => files.has(id))
    .map((id) => ({
      id,
      label: causeLabel(id),
      files: files.get(id) ?? 0,
      hints: [...(hints.get(id) ?? new Map<string, number>()).entries()].sort((a, b) => b[1] - a[1]).map(([hint]) => hint),
    }))
    .sort((a, b) => rank(a.id) - rank(b.id) || b.files - a.files);
  return { causes, ignored };
}

/** `2 modified, 1 added, 1 mode/type/link change`: the counts line, zero counts left out. */
export function countsLine(result: CompareResult): string {
  const c = result.counts;
  const parts: string[] = [];
  if (c.modified > 0) parts.push(`${c.modified} modified`);
  if (c.added > 0) parts.push(`${c.added} added`);
  if (c.removed > 0) parts.push(`${c.removed} removed`);
  if (c.renamed > 0) parts.push(`${c.renamed} renamed`);
  if (c.changed > 0) parts.push(plural(c.changed, 'mode/type/link change'));
  if (c.ignored > 0) parts.push(`${plural(c.ignored, 'difference')} ignored`);
  return parts.length === 0 ? 'no differences' : parts.join(', ');
}

/** The verdict line: `verdict: identical`, or the verdict with what was counted; never the verdict twice. */
export function verdictLine(result: CompareResult, paint: (verdict: string) => string = (v) => v): string {
  const counts = countsLine(result);
  return result.verdict === 'identical' && result.counts.ignored === 0 ? `verdict: ${paint(result.verdict)}` : `verdict: ${paint(result.verdict)} — ${counts}`;
}

/** Whether any node carries a secondary cause (the legend then explains the `*` / faded badge). */
export function hasSecondaryCause(nodes: readonly Difference[]): boolean {
  return nodes.some((n) => n.causes.some((c) => c.secondary === true) || hasSecondaryCause(n.children));
}
