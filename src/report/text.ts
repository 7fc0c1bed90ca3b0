/**
 * The CLI's text report: what to fix first (a summary per cause with its fix), then the tree of
 * differences with evidence; colour when asked. A long report is cut in the details only, so the
 * summary and fixes always show. Every name is passed through `escapeControls`.
 */
import type { CompareResult } from '../compare/compare.js';
import type { Cause, Difference } from '../compare/types.js';
import { hasSecondaryCause, summarizeCauses, verdictLine } from './cause-summary.js';
import { clip, escapeControls as e } from './escape.js';
import { kindsIn, legendEntries, MARKS } from './marks.js';
import { plural } from './plural.js';

export interface TextOptions {
  colour: boolean;
  /** Cut the details after this many lines of report, saying how many more there were. */
  maxLines: number;
}

const DETAIL_LINES = 8;
const HEX_LINES = 3;
const EVIDENCE_CHARS = 240;
/** Fix hints shown per cause on top; the details carry the rest. */
const HINTS_PER_CAUSE = 3;
/** Build environment changes shown on top; `--json` has them all. */
const METADATA_LINES = 12;

function paint(on: boolean, code: string, text: string): string {
  return on ? `\x1b[${code}m${text}\x1b[0m` : text;
}

function causeLabel(causes: readonly Cause[]): string {
  const ids = [...new Set(causes.map((c) => (c.secondary === true ? `${c.id}*` : c.id)))];
  return ids.length > 0 ? `[${ids.join(', ')}]` : '';
}

/** A nested node's path relative to its parent, so deep trees stay readable. */
function relativePath(parent: string, path: string): string {
  return parent !== '' && path.startsWith(parent) && path.length > parent.length ? path.slice(parent.length) : path;
}

function detailLines(d: Difference): string[] {
  const detail = d.detail;
  if (detail === undefined) return [];
  switch (detail.type) {
    case 'field':
      return [`${e(detail.name)}: ${e(detail.before)} → ${e(detail.after)}`];
    case 'order': {
      const list = (names: readonly string[]): string => `${names.slice(0, 8).map(e).join(', ')}${names.length > 8 ? ', …' : ''}`;
      return [`before: ${list(detail.before)}`, `after:  ${list(detail.after)}`];
    }
    case 'lines':
      return detail.hunks.flatMap((h) => [`@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@`, ...h.lines.map(e)]).slice(0, DETAIL_LINES);
    case 'bytes': {
      // The first range only: a few lines of each side are what a person can compare; code as objdump disassembles it.
      const code = detail.disassembly?.windows[0];
      const first = code ?? detail.hexdump[0];
      if (first === undefined) return [];
      const cut = (text: string): string[] => text.split('\n').slice(0, HEX_LINES).map(e);
      const label = code !== undefined ? [`(${detail.disassembly?.tool ?? 'disassembly'})`] : detail.disassemblyNote === undefined ? [] : [`(${e(detail.disassemblyNote)})`];
      return [...label, ...cut(first.before).map((l) => `- ${l}`), ...cut(first.after).map((l) => `+ ${l}`)];
    }
    case 'json':
      return detail.changes
        .slice(0, DETAIL_LINES)
        .map((c) => `${c.op} ${e(c.pointer)}${c.before === undefined ? '' : `: ${e(c.before)}`}${c.after === undefined ? '' : ` → ${e(c.after)}`}`);
  }
}

/** Verdict, causes with their fixes, environment changes, legend: the part never cut. */
function headLines(result: CompareResult, c: boolean): string[] {
  const verdictColour = result.verdict === 'identical' ? '32' : result.verdict === 'drift-explained' ? '33' : '31';
  const lines = [`vitsnap diff ${e(result.before)} → ${e(result.after)}`, verdictLine(result, (v) => paint(c, `1;${verdictColour}`, v))];
  for (const note of result.notes ?? []) lines.push(paint(c, '33', `note: ${e(note)}`));
  const overview = summarizeCauses(result);
  if (overview.causes.length > 0 || overview.ignored > 0) {
    lines.push('', paint(c, '1', 'causes and fixes:'));
    const width = Math.max(...overview.causes.map((s) => s.label.length), 'ignored'.length);
    const countWidth = Math.max(...overview.causes.map((s) => plural(s.files, 'file').length), 0);
    const pad = ' '.repeat(2 + width + 2 + countWidth + 2);
    for (const s of overview.causes) {
      const hints = s.hints.slice(0, HINTS_PER_CAUSE).map((h) => (s.id === 'content' ? e(h) : `fix: ${e(h)}`));
      if (s.hints.length > HINTS_PER_CAUSE) hints.push(`(${plural(s.hints.length - HINTS_PER_CAUSE, 'more fix', 'more fixes')} in the details below)`);
      const label = paint(c, s.id === 'content' ? '1;31' : '36', s.label.padEnd(width));
      lines.push(`  ${label}  ${plural(s.files, 'file').padEnd(countWidth)}  ${hints[0] ?? ''}`.trimEnd());
      for (const h of hints.slice(1)) lines.push(`${pad}${h}`);
    }
    if (overview.ignored > 0) lines.push(`  ${'ignored'.padEnd(width)}  ${plural(overview.ignored, 'difference')} you chose to ignore (listed below, not counted)`);
  }
  if (result.metadata.length > 0) {
    lines.push('', paint(c, '1', 'build environment changes (may explain the outputs):'));
    for (const m of result.metadata.slice(0, METADATA_LINES)) lines.push(`  ${m.area} ${e(m.name)}: ${e(m.before ?? '(none)')} → ${e(m.after ?? '(none)')}`);
    if (result.metadata.length > METADATA_LINES) lines.push(`  … ${plural(result.metadata.length - METADATA_LINES, 'more change')} (--json has them all)`);
  }
  const kinds = kindsIn(result.root.children);
  if (kinds.size > 0) {
    const secondary = hasSecondaryCause(result.root.children) ? '; cause* follows from another change' : '';
    lines.push('', `legend: ${legendEntries(kinds).map((l) => `${l.mark} ${l.meaning}`).join(' · ')}${secondary}`);
  }
  return lines;
}

function detailTree(result: CompareResult, c: boolean): string[] {
  const lines: string[] = [];
  const visit = (node: Difference, parentPath: string, depth: number): void => {
    const indent = '  '.repeat(depth);
    const ignored = node.ignored === true ? paint(c, '2', ' (ignored)') : '';
    const label = causeLabel(node.causes);
    lines.push(
      `${indent}${paint(c, '1', MARKS[node.kind].mark)} ${e(relativePath(parentPath, node.path))}  ${e(node.summary)}${label === '' ? '' : ` ${paint(c, '36', label)}`}${ignored}`,
    );
    for (const l of detailLines(node)) lines.push(`${indent}    ${paint(c, l.startsWith('+') ? '32' : l.startsWith('-') ? '31' : '2', l)}`);
    if (node.fallback !== undefined) lines.push(`${indent}    ${paint(c, '2', `note: ${e(node.fallback)}`)}`);
    if (node.children.length === 0) {
      for (const cause of node.causes) {
        if (cause.id === 'content') continue;
        lines.push(`${indent}    ${paint(c, '2', `${cause.id}: ${e(clip(cause.evidence, EVIDENCE_CHARS))}`)}`);
      }
    }
    for (const child of node.children) visit(child, node.path, depth + 1);
  };
  for (const child of result.root.children) visit(child, '', 0);
  return lines;
}

export function renderText(result: CompareResult, options: TextOptions): string {
  const head = headLines(result, options.colour);
  const details = detailTree(result, options.colour);
  if (details.length === 0) return head.join('\n');
  const room = Math.max(0, options.maxLines - head.length - 1);
  if (details.length <= room) return [...head, '', ...details].join('\n');
  const more = details.length - room;
  return [...head, '', ...details.slice(0, room), `… ${plural(more, 'more line')} of details (use --max-lines, --json or --html for everything)`].join('\n');
}
