/** The CLI's text report: a tree of differences with causes, evidence and fix hints; colour on a TTY. */
import type { CompareResult } from '../compare/compare.js';
import type { Cause, Difference } from '../compare/types.js';

export interface TextOptions {
  colour: boolean;
  /** Stop after this many lines, saying how many more there were. */
  maxLines: number;
}

const MARK: Record<Difference['kind'], string> = {
  added: 'A',
  removed: 'D',
  modified: 'M',
  type: 'T',
  mode: 'P',
  symlink: 'L',
  field: '~',
  order: '↕',
  lines: '±',
  bytes: '#',
  json: '{',
};

const DETAIL_LINES = 8;
const HEX_LINES = 3;
const EVIDENCE_CHARS = 240;

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
      return [`${detail.name}: ${detail.before} → ${detail.after}`];
    case 'order':
      return [`before: ${detail.before.slice(0, 8).join(', ')}${detail.before.length > 8 ? ', …' : ''}`, `after:  ${detail.after.slice(0, 8).join(', ')}${detail.after.length > 8 ? ', …' : ''}`];
    case 'lines':
      return detail.hunks.flatMap((h) => [`@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@`, ...h.lines]).slice(0, DETAIL_LINES);
    case 'bytes': {
      // The first range only: a few hexdump lines of each side are what a person can compare.
      const first = detail.hexdump[0];
      if (first === undefined) return [];
      const cut = (text: string): string[] => text.split('\n').slice(0, HEX_LINES);
      return [...cut(first.before).map((l) => `- ${l}`), ...cut(first.after).map((l) => `+ ${l}`)];
    }
    case 'json':
      return detail.changes.slice(0, DETAIL_LINES).map((c) => `${c.op} ${c.pointer}${c.before === undefined ? '' : `: ${c.before}`}${c.after === undefined ? '' : ` → ${c.after}`}`);
  }
}

export function renderText(result: CompareResult, options: TextOptions): string {
  const c = options.colour;
  const lines: string[] = [];
  const verdictColour = result.verdict === 'identical' ? '32' : result.verdict === 'drift-explained' ? '33' : '31';
  lines.push(`vitsnap diff ${result.before} → ${result.after}`);
  lines.push(`verdict: ${paint(c, `1;${verdictColour}`, result.verdict)} — ${result.root.summary}`);
  for (const note of result.notes ?? []) lines.push(paint(c, '33', `note: ${note}`));
  const hints = new Map<string, string>();
  const visit = (node: Difference, parentPath: string, depth: number): void => {
    const indent = '  '.repeat(depth);
    const ignored = node.ignored === true ? paint(c, '2', ' (ignored)') : '';
    const label = causeLabel(node.causes);
    lines.push(`${indent}${paint(c, '1', MARK[node.kind])} ${relativePath(parentPath, node.path)}  ${node.summary}${label === '' ? '' : ` ${paint(c, '36', label)}`}${ignored}`);
    for (const l of detailLines(node)) lines.push(`${indent}    ${paint(c, l.startsWith('+') ? '32' : l.startsWith('-') ? '31' : '2', l)}`);
    if (node.fallback !== undefined) lines.push(`${indent}    ${paint(c, '2', `note: ${node.fallback}`)}`);
    if (node.children.length === 0) {
      for (const cause of node.causes) {
        if (cause.id === 'content') continue;
        const evidence = cause.evidence.length > EVIDENCE_CHARS ? `${cause.evidence.slice(0, EVIDENCE_CHARS - 1)}…` : cause.evidence;
        lines.push(`${indent}    ${paint(c, '2', `${cause.id}: ${evidence}`)}`);
        hints.set(cause.hint, cause.id);
      }
    }
    for (const child of node.children) visit(child, node.path, depth + 1);
  };
  if (result.root.children.length > 0) lines.push('');
  for (const child of result.root.children) visit(child, '', 0);
  if (result.metadata.length > 0) {
    lines.push('', paint(c, '1', 'build environment changes (may explain the outputs above):'));
    for (const m of result.metadata) lines.push(`  ${m.area} ${m.name}: ${m.before ?? '(none)'} → ${m.after ?? '(none)'}`);
  }
  if (hints.size > 0) {
    lines.push('', paint(c, '1', 'how to fix:'));
    for (const [hint, cause] of hints) lines.push(`  ${cause}: ${hint}`);
  }
  if (lines.length > options.maxLines) {
    const more = lines.length - options.maxLines;
    return [...lines.slice(0, options.maxLines), `… ${more} more lines (use --max-lines, --json or --html for everything)`].join('\n');
  }
  return lines.join('\n');
}
