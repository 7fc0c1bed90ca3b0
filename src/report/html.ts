/**
 * One self-contained HTML file (no external resources): the file list with cause badges, and per
 * file collapsible details — fields, member order, side-by-side text diffs, hexdumps, JSON
 * changes — with evidence and fix hints. Built from the same Difference tree as every report.
 */
import type { CompareResult } from '../compare/compare.js';
import type { Cause, Difference, DifferenceKind, LineHunk } from '../compare/types.js';
import { countsLine, hasSecondaryCause, summarizeCauses } from './cause-summary.js';
import { escapeControls } from './escape.js';
import { kindsIn, legendEntries, MARKS } from './marks.js';
import { plural } from './plural.js';

/**
 * HTML-escaped, and control characters and bidi overrides shown as escapes: a name can neither
 * reorder what the page shows nor drive a terminal that prints the file (attributes included).
 */
function esc(text: string): string {
  return escapeControls(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function escLines(text: string): string {
  return text.split('\n').map(esc).join('\n');
}

const STYLE = `
body{font:14px/1.45 system-ui,sans-serif;margin:24px;color:#1f2328;background:#fff}
h1{font-size:20px;margin:0 0 4px} .sub{color:#59636e;margin:0 0 16px}
.verdict{display:inline-block;padding:4px 10px;border-radius:6px;font-weight:600;margin:8px 0}
.identical{background:#dafbe1}.drift-explained{background:#fff8c5}.drift-unexplained{background:#ffebe9}
details{border:1px solid #d1d9e0;border-radius:6px;margin:6px 0;padding:0 10px}
details>summary{cursor:pointer;padding:6px 0;list-style-position:inside}
details details{margin-left:12px}
.path{font-family:ui-monospace,monospace;font-weight:600}
.kind{display:inline-block;width:1.4em;text-align:center;font-weight:700}
.badge{display:inline-block;font-size:12px;padding:0 6px;margin-left:4px;border-radius:10px;background:#ddf4ff;color:#0550ae}
.badge.content{background:#ffebe9;color:#82071e}.badge.secondary{opacity:.6}
.ignored{opacity:.55}
table{border-collapse:collapse;margin:6px 0;font-family:ui-monospace,monospace;font-size:12px}
td,th{border:1px solid #d1d9e0;padding:2px 6px;vertical-align:top;white-space:pre-wrap;word-break:break-all}
.del{background:#ffebe9}.add{background:#dafbe1}.ln{color:#59636e;text-align:right;white-space:nowrap;word-break:normal}
.cause{margin:4px 0 8px 0;font-size:13px}.cause b{text-transform:capitalize}
.hint{color:#1a7f37}.note{color:#59636e;font-style:italic}
pre{background:#f6f8fa;padding:6px;overflow:auto;font-size:12px}
.tools{margin:8px 0}.tools button{font:inherit;font-size:13px;padding:2px 10px;margin-right:6px;cursor:pointer}
.legend{color:#59636e;font-size:13px}.legend .kind{color:#1f2328}
table.causes{font-family:inherit;font-size:13px}.causes td,.causes th{white-space:normal;word-break:normal}.causes td:nth-child(-n+2){white-space:nowrap}
table.env th,table.env td:nth-child(-n+2){white-space:nowrap;word-break:normal}
`;

// Inline, so the report stays one file with nothing loaded from outside.
const SCRIPT = `
for (const [id, open] of [['expand-all', true], ['collapse-all', false]]) {
  document.getElementById(id).addEventListener('click', () => {
    for (const d of document.querySelectorAll('#files details')) d.open = open;
  });
}
`;

function kindMark(kind: DifferenceKind): string {
  const m = MARKS[kind];
  return `<span class="kind" title="${esc(m.meaning)}">${esc(m.mark)}</span>`;
}

/** Per cause: files touched and how to fix, unexplained first; the same overview the text report opens with. */
function causeSummaryHtml(result: CompareResult): string {
  const overview = summarizeCauses(result);
  if (overview.causes.length === 0 && overview.ignored === 0) return '';
  const rows = overview.causes.map(
    (s) =>
      `<tr><td><span class="badge${s.id === 'content' ? ' content' : ''}">${esc(s.label)}</span></td><td>${esc(plural(s.files, 'file'))}</td>` +
      `<td>${s.hints.map((h) => `<div class="${s.id === 'content' ? 'note' : 'hint'}">${s.id === 'content' ? '' : 'fix: '}${esc(h)}</div>`).join('')}</td></tr>`,
  );
  if (overview.ignored > 0) rows.push(`<tr><td>ignored</td><td>${esc(plural(overview.ignored, 'difference'))}</td><td class="note">ignored as you asked; listed below, not counted</td></tr>`);
  return `<h2>Causes and fixes</h2><table class="causes" id="causes"><tr><th>cause</th><th>files</th><th>how to fix</th></tr>${rows.join('')}</table>`;
}

function legendHtml(result: CompareResult): string {
  const kinds = kindsIn(result.root.children);
  if (kinds.size === 0) return '';
  return `<p class="legend" id="legend">${legendEntries(kinds)
    .map((l) => `<span class="kind">${esc(l.mark)}</span> ${esc(l.meaning)}`)
    .join(' · ')}${hasSecondaryCause(result.root.children) ? '; a faded badge follows from another change' : ''}</p>`;
}

function badges(causes: readonly Cause[]): string {
  const seen = new Map<string, Cause>();
  for (const c of causes) if (!seen.has(c.id)) seen.set(c.id, c);
  return [...seen.values()]
    .map((c) => `<span class="badge${c.id === 'content' ? ' content' : ''}${c.secondary === true ? ' secondary' : ''}" title="${esc(c.hint)}">${esc(c.id === 'content' ? 'unexplained' : c.id)}</span>`)
    .join('');
}

function sideBySide(hunks: readonly LineHunk[]): string {
  const rows: string[] = [];
  for (const h of hunks) {
    rows.push(`<tr><td class="ln" colspan="4">@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@</td></tr>`);
    let oldNo = h.oldStart;
    let newNo = h.newStart;
    const dels: string[] = [];
    const adds: string[] = [];
    const flush = (): void => {
      for (let k = 0; k < Math.max(dels.length, adds.length); k++) {
        const d = dels[k];
        const a = adds[k];
        rows.push(
          `<tr><td class="ln">${d === undefined ? '' : oldNo++}</td><td class="${d === undefined ? '' : 'del'}">${esc(d ?? '')}</td>` +
            `<td class="ln">${a === undefined ? '' : newNo++}</td><td class="${a === undefined ? '' : 'add'}">${esc(a ?? '')}</td></tr>`,
        );
      }
      dels.length = 0;
      adds.length = 0;
    };
    for (const line of h.lines) {
      const text = line.slice(1);
      if (line.startsWith('-')) dels.push(text);
      else if (line.startsWith('+')) adds.push(text);
      else {
        flush();
        rows.push(`<tr><td class="ln">${oldNo++}</td><td>${esc(text)}</td><td class="ln">${newNo++}</td><td>${esc(text)}</td></tr>`);
      }
    }
    flush();
  }
  return `<table class="sxs">${rows.join('')}</table>`;
}

function detailHtml(d: Difference): string {
  const detail = d.detail;
  if (detail === undefined) return '';
  switch (detail.type) {
    case 'field':
      return `<table><tr><th>${esc(detail.name)}</th><td class="del">${esc(detail.before)}</td><td class="add">${esc(detail.after)}</td></tr></table>`;
    case 'order':
      return `<table><tr><th>before</th><td>${detail.before.map(esc).join('\n')}</td><th>after</th><td>${detail.after.map(esc).join('\n')}</td></tr></table>`;
    case 'lines':
      return sideBySide(detail.hunks) + (detail.truncated ? '<p class="note">diff truncated</p>' : '');
    case 'bytes':
      return (
        (detail.disassembly === undefined
          ? detail.disassemblyNote === undefined
            ? ''
            : `<p class="note">${esc(detail.disassemblyNote)}</p>`
          : `<p class="note">${esc(detail.disassembly.tool)}</p><pre>${detail.disassembly.windows.map((w) => `- ${escLines(w.before)}\n+ ${escLines(w.after)}`).join('\n')}</pre>`) +
        `<pre>${detail.hexdump.map((h) => `- ${escLines(h.before)}\n+ ${escLines(h.after)}`).join('\n')}</pre>` +
        `<p class="note">${detail.changedBytes} of ${detail.totalBytes} bytes differ in ${detail.ranges.length}${detail.truncated ? '+' : ''} ranges</p>`
      );
    case 'json':
      return `<table>${detail.changes.map((c) => `<tr><td>${esc(c.op)}</td><td>${esc(c.pointer)}</td><td class="del">${esc(c.before ?? '')}</td><td class="add">${esc(c.after ?? '')}</td></tr>`).join('')}</table>`;
  }
}

function causeHtml(causes: readonly Cause[]): string {
  return causes
    .filter((c) => c.id !== 'content')
    .map((c) => `<div class="cause"><b>${esc(c.id)}</b>${c.secondary === true ? ' (follows from another change)' : ''}: ${esc(c.evidence)}<br><span class="hint">fix: ${esc(c.hint)}</span></div>`)
    .join('');
}

function nodeHtml(d: Difference, parentPath: string): string {
  const shown = parentPath !== '' && d.path.startsWith(parentPath) && d.path.length > parentPath.length ? d.path.slice(parentPath.length) : d.path;
  const body =
    detailHtml(d) +
    (d.fallback === undefined ? '' : `<p class="note">${esc(d.fallback)}</p>`) +
    (d.children.length === 0 ? causeHtml(d.causes) : '') +
    d.children.map((c) => nodeHtml(c, d.path)).join('');
  const head = `${kindMark(d.kind)} <span class="path">${esc(shown)}</span> — ${esc(d.summary)} ${badges(d.causes)}`;
  return `<details class="diff${d.ignored === true ? ' ignored' : ''}" data-path="${esc(d.path)}"><summary>${head}</summary>${body}</details>`;
}

export function renderHtml(result: CompareResult): string {
  const files = result.root.children;
  const metadata =
    result.metadata.length === 0
      ? ''
      : `<h2>Build environment changes</h2><table class="env"><tr><th>area</th><th>name</th><th>before</th><th>after</th></tr>${result.metadata
          .map((m) => `<tr><td>${esc(m.area)}</td><td>${esc(m.name)}</td><td class="del">${esc(m.before ?? '—')}</td><td class="add">${esc(m.after ?? '—')}</td></tr>`)
          .join('')}</table>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>vitsnap: ${esc(result.before)} → ${esc(result.after)}</title><style>${STYLE}</style></head>
<body>
<h1>vitsnap diff</h1>
<p class="sub"><code>${esc(result.before)}</code> → <code>${esc(result.after)}</code></p>
<div class="verdict ${result.verdict}" id="verdict">${esc(result.verdict)}</div>
<p>${esc(countsLine(result))}</p>
${causeSummaryHtml(result)}
${metadata}
${files.length === 0 ? '' : `<h2>Files</h2>${legendHtml(result)}<div class="tools"><button type="button" id="expand-all">Expand all</button><button type="button" id="collapse-all">Collapse all</button></div>`}
<div id="files">${files.map((d) => nodeHtml(d, '')).join('\n')}</div>
${files.length === 0 ? '' : `<script>${SCRIPT}</script>`}
</body></html>
`;
}
