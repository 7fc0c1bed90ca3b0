/**
 * Markdown for GitHub: the PR comment (≤ 65,536 characters) and the job summary (≤ 1 MiB of UTF-8
 * bytes: the runner drops a larger summary file whole). Built
 * from whole blocks (a heading, a table row, a fenced code block) and cut only between blocks,
 * with a note saying what was left out, so the result is always well-formed.
 */
import type { CompareResult } from '../compare/compare.js';
import type { Cause, Difference } from '../compare/types.js';
import { countsLine } from './cause-summary.js';
import { plural } from './plural.js';
import { clip, escapeControls } from './escape.js';

/** GitHub refuses a comment body over 65,536 characters. */
export const COMMENT_LIMIT = 65_536;
/**
 * The runner drops the whole step summary when its file exceeds 1 MiB in bytes; 64 KiB stay free
 * for the newline core.summary appends and for anything else written to the same step's summary.
 */
export const SUMMARY_LIMIT = 1024 * 1024 - 64 * 1024;

/** What a limit counts: UTF-16 characters (comments) or UTF-8 bytes (the summary file). */
export type MarkdownUnit = 'chars' | 'bytes';

export interface MarkdownOptions {
  /** Maximum size of the whole document, in `unit`s. */
  limit: number;
  /** Default 'chars'. */
  unit?: MarkdownUnit;
  /** Prepended as is (e.g. the sticky comment's hidden marker); counted against the limit. */
  header?: string;
  /** Where the full report lives, for the truncation note. */
  fullReportUrl?: string;
  /** Blocks shown after the verdict and counts (a rebuild's bisect result and variations); counted against the limit. */
  sections?: readonly string[];
}

const VERDICT_LINE: Record<CompareResult['verdict'], string> = {
  identical: '✅ **Identical**: the build outputs match bit for bit.',
  'drift-explained': '⚠️ **Drift, explained**: outputs differ, and every difference has a known cause.',
  'drift-unexplained': '❌ **Drift, unexplained**: some outputs differ for reasons vitsnap could not prove.',
};

/**
 * Names and comparator output as inert Markdown: control characters as visible escapes (one
 * line, so a name cannot end a table row), then every character Markdown or HTML would act on
 * backslash-escaped (emphasis, links, images, raw HTML, entities, code spans, table pipes).
 */
function inert(text: string, max: number): string {
  // `_` inside a word never emphasises (GFM), so SOURCE_DATE_EPOCH stays readable in the raw text.
  return clip(escapeControls(text), max).replace(/[\\`*[\]<>!|~&]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\$&');
}

/** Prose cells: also no @mentions (a word joiner after each `@`), bounded length. */
export function cell(text: string, max = 160): string {
  return inert(text, max).replace(/@/g, '@\u2060');
}

/**
 * A name in monospace. `<code>` rather than a code span: backslash escapes do not work inside a
 * code span, so a name ending in a backslash next to a pipe could still split the table row.
 */
export function code(text: string, max: number): string {
  return `<code>${inert(text, max)}</code>`;
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

const byteLength = (text: string): number => Buffer.byteLength(text, 'utf8');
const charLength = (text: string): number => text.length;

/** The longest prefix of `text` that fits in `max` units, not splitting a surrogate pair. */
function cutTo(text: string, max: number, size: (text: string) => number): string {
  let end = Math.min(text.length, max);
  while (end > 0 && size(text.slice(0, end)) > max) end = Math.floor(end * 0.9);
  if (end > 0 && end < text.length && /[\uD800-\uDBFF]/.test(text[end - 1] as string)) end--;
  return text.slice(0, end);
}

export function renderMarkdown(result: CompareResult, options: MarkdownOptions): string {
  const size = options.unit === 'bytes' ? byteLength : charLength;
  const blocks: string[] = [];
  if (options.header !== undefined) blocks.push(options.header);
  blocks.push(`### vitsnap: ${code(result.before, 80)} → ${code(result.after, 80)}`, VERDICT_LINE[result.verdict]);
  blocks.push(countsLine(result));
  blocks.push(...(options.sections ?? []));
  blocks.push(...(result.notes ?? []).map((note) => `> **note:** ${cell(note, 600)}`));
  const rows = result.root.children.filter((d) => d.ignored !== true);
  const tableHeader = '| | path | what changed | cause | fix |\n| --- | --- | --- | --- | --- |';
  const rowText = (d: Difference): string =>
    `| ${d.kind === 'added' ? '➕' : d.kind === 'removed' ? '➖' : d.from !== undefined ? '🔀' : '✏️'} | ${code(d.path, 120)} | ${cell(d.summary)} | ${causeCell(leafCauses(d))} | ${cell(firstHint(d), 120)} |`;
  const metadataBlock =
    result.metadata.length === 0
      ? null
      : ['**Build environment changes** (may explain the outputs above)', '', '| area | name | before | after |', '| --- | --- | --- | --- |',
          ...result.metadata.map((m) => `| ${m.area} | ${code(m.name, 60)} | ${m.before === null ? '—' : code(m.before, 100)} | ${m.after === null ? '—' : code(m.after, 100)} |`)].join('\n');

  const note = (shown: number): string =>
    `_${plural(rows.length - shown, 'more difference')} not shown here${options.fullReportUrl === undefined ? '' : `: see the [full report](${options.fullReportUrl})`}._`;
  // Reserve room for what must always fit: the environment section and the truncation note.
  const reserve = (metadataBlock === null ? 0 : size(metadataBlock)) + size(note(0)) + 64;
  let used = blocks.reduce((n, b) => n + size(b) + 2, 0);
  let shown = 0;
  if (rows.length > 0) {
    const table: string[] = [tableHeader];
    used += size(tableHeader) + 3;
    for (const d of rows) {
      const row = rowText(d);
      const rowSize = size(row);
      if (used + rowSize + 1 + reserve > options.limit) break;
      table.push(row);
      used += rowSize + 1;
      shown++;
    }
    blocks.push(table.join('\n'));
    if (shown < rows.length) blocks.push(note(shown));
  }
  if (metadataBlock !== null && used + size(metadataBlock) + 2 <= options.limit) blocks.push(metadataBlock);
  const text = blocks.join('\n\n');
  // The reserve makes this unreachable for sane limits; never return more than asked.
  if (size(text) <= options.limit) return text;
  return `${cutTo(text, Math.max(0, options.limit - 40), size).replace(/\n[^\n]*$/, '')}\n\n_report cut at the size limit._`;
}
