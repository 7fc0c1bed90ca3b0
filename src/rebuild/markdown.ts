/** A rebuild in GitHub Markdown (the job summary, the PR comment): the intro, what bisecting blamed, the variations table. */
import { cell, code } from '../report/markdown.js';
import type { RebuildResult, VariationRecord } from './rebuild.js';
import { causedByLine } from './report.js';

/** `Control build vs varied build of <code>make</code> (varied: time, umask; not tested: file-order, see below).` */
export function rebuildIntro(result: Pick<RebuildResult, 'variations'>, command: string): string {
  const names = (status: VariationRecord['status']): string[] => result.variations.filter((v) => v.status === status).map((v) => v.name);
  const tested = names('tested');
  const skipped = names('skipped');
  const parts = [`varied: ${tested.length === 0 ? 'nothing' : tested.join(', ')}`];
  if (skipped.length > 0) parts.push(`not tested: ${skipped.join(', ')}, the reasons below`);
  return `Control build vs varied build of ${code(command, 200)} (${parts.join('; ')}).`;
}

function row(r: VariationRecord): string {
  // Descriptions hold paths, host and user names, locale names: inert text, never Markdown.
  const what = r.status === 'tested' ? `${cell(r.control ?? '', 200)} → ${cell(r.varied ?? '', 200)}` : cell(r.reason ?? '', 300);
  const note = r.note === null ? '' : `<br>note: ${cell(r.note, 300)}`;
  return `| ${r.name} | ${r.status === 'tested' ? 'tested' : 'not tested'} | ${what}${note} |`;
}

/** One row per variation of the catalogue: tested with control → varied, or not tested with the reason. */
export function variationsTable(records: readonly VariationRecord[]): string {
  return ['**Variations**', '', '| variation | status | control build → varied build, or why not tested |', '| --- | --- | --- |', ...records.map(row)].join('\n');
}

/** The blocks after the verdict: what bisecting blamed (when it ran), then the variations. */
export function rebuildSections(result: Pick<RebuildResult, 'variations' | 'bisect' | 'builds'>, maxBuilds: number, budgetName = '--max-builds'): string[] {
  const sections: string[] = [];
  if (result.bisect !== null) {
    const line = causedByLine(result.bisect, result.builds, maxBuilds, budgetName);
    sections.push(`**caused by:** ${cell(line.replace(/^caused by: /, ''), 600)}`);
  }
  sections.push(variationsTable(result.variations));
  return sections;
}
