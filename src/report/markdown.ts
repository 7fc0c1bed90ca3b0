/**
 * Markdown for GitHub: the PR comment (≤ 65,536 characters) and the job summary (≤ 1 MiB). Built
 * from whole blocks (a heading, a table row, a fenced code block) and cut only between blocks,
 * with a note saying what was left out, so the result is always well-formed.
 */
import type { CompareResult } from '../compare/compare.js';
import type { Cause, Difference } from '../compare/types.js';

export const COMMENT_LIMIT = 65_536;
export const SUMMARY_LIMIT = 1024 * 1024;

export interface MarkdownOptions {
  /** Maximum characters of the whole document. */
  limit: number;
  /** Prepended as is (e.g. the sticky comment's hidden marker); counted against the limit. */
  header?: string;
  /** Where the full report lives, for the truncation note. */
  fullReportUrl?: string;
}

const VERDICT_LINE: Record<CompareResult['verdict'], string> = {
  identical: '✅ **Identical**: the build outputs match bit for bit.',
  'drift-explained': '⚠️ **Drift, explained**: outputs differ, and every difference has a known cause.',
  'drift-unexplained': '❌ **Drift, unexplained**: some outputs differ for reasons vitsnap could not prove.',
};

/** Table cells: no pipes or newlines, bounded length. */
function cell(text: string, max = 160): string {
  const flat = text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|').replace(/`/g, "'");
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function causeCell(causes: readonly Cause[]): string {
  const ids = [...new Set(causes.filter((c) => c.secondary !== true).map((c) => c.id))];
  return ids.length > 0 ? ids.map((id) => (id === 'content' ? '**unexplained**' : id)).join(', ') : '—';
}

function leafCauses(node: Difference): Cause[] {
  if (node.children.length === 0) return node.causes;
  return node.children.flatMap(leafCauses);
}

function firstHint(node: Difference): string {
  return leafCauses(node).find((c) => c.id !== 'content' && c.secondary !== true)?.hint ?? '';
}

export function renderMarkdown(result: CompareResult, options: MarkdownOptions): string {
  const blocks: string[] = [];
  if (options.header !== undefined) blocks.push(options.header);
  blocks.push(`### vitsnap: \`${cell(result.before, 80)}\` → \`${cell(result.after, 80)}\``, VERDICT_LINE[result.verdict]);
  const c = result.counts;
  blocks.push(`${c.modified} modified · ${c.added} added · ${c.removed} removed · ${c.changed} mode/type/link${c.ignored > 0 ? ` · ${c.ignored} ignored` : ''}`);
  blocks.push(...(result.notes ?? []).map((note) => `> **note:** ${cell(note, 600)}`));
  const rows = result.root.children.filter((d) => d.ignored !== true);
  const tableHeader = '| | path | what changed | cause | fix |\n| --- | --- | --- | --- | --- |';
  const rowText = (d: Difference): string =>
    `| ${d.kind === 'added' ? '➕' : d.kind === 'removed' ? '➖' : '✏️'} | \`${cell(d.path, 120)}\` | ${cell(d.summary)} | ${causeCell(leafCauses(d))} | ${cell(firstHint(d), 120)} |`;
  const metadataBlock =
    result.metadata.length === 0
      ? null
      : ['**Build environment changes** (may explain the outputs above)', '', '| area | name | before | after |', '| --- | --- | --- | --- |',
          ...result.metadata.map((m) => `| ${m.area} | \`${cell(m.name, 60)}\` | ${cell(m.before ?? '—', 100)} | ${cell(m.after ?? '—', 100)} |`)].join('\n');

  const note = (shown: number): string =>
    `_${rows.length - shown} more differences not shown here${options.fullReportUrl === undefined ? '' : `: see the [full report](${options.fullReportUrl})`}._`;
  // Reserve room for what must always fit: the environment section and the truncation note.
  const reserve = (metadataBlock?.length ?? 0) + note(0).length + 64;
  let used = blocks.reduce((n, b) => n + b.length + 2, 0);
  let shown = 0;
  if (rows.length > 0) {
    const table: string[] = [tableHeader];
    used += tableHeader.length + 3;
    for (const d of rows) {
      const row = rowText(d);
      if (used + row.length + 1 + reserve > options.limit) break;
      table.push(row);
      used += row.length + 1;
      shown++;
    }
    blocks.push(table.join('\n'));
    if (shown < rows.length) blocks.push(note(shown));
  }
  if (metadataBlock !== null && used + metadataBlock.length + 2 <= options.limit) blocks.push(metadataBlock);
  const text = blocks.join('\n\n');
  // The reserve makes this unreachable for sane limits; never return more than asked.
  return text.length <= options.limit ? text : `${text.slice(0, Math.max(0, options.limit - 40)).replace(/\n[^\n]*$/, '')}\n\n_report cut at the size limit._`;
}
