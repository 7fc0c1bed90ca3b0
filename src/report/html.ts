/**
 * One self-contained HTML file (no external resources): the file list with cause badges, and per
 * file collapsible details — fields, member order, side-by-side text diffs, hexdumps, JSON
 * changes — with evidence and fix hints. Built from the same Difference tree as every report.
 */
import type { CompareResult } from '../compare/compare.js';
import type { Cause, Difference, LineHunk } from '../compare/types.js';

function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
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
.del{background:#ffebe9}.add{background:#dafbe1}.ln{color:#59636e;text-align:right}
.cause{margin:4px 0 8px 0;font-size:13px}.cause b{text-transform:capitalize}
.hint{color:#1a7f37}.note{color:#59636e;font-style:italic}
pre{background:#f6f8fa;padding:6px;overflow:auto;font-size:12px}
`;

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
      return `<table><tr><th>before</th><td>${esc(detail.before.join('\n'))}</td><th>after</th><td>${esc(detail.after.join('\n'))}</td></tr></table>`;
    case 'lines':
      return sideBySide(detail.hunks) + (detail.truncated ? '<p class="note">diff truncated</p>' : '');
    case 'bytes':
      return (
        `<pre>${detail.hexdump.map((h) => `- ${esc(h.before)}\n+ ${esc(h.after)}`).join('\n')}</pre>` +
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
  const head = `<span class="kind">${esc(d.kind.slice(0, 1).toUpperCase())}</span> <span class="path">${esc(shown)}</span> — ${esc(d.summary)} ${badges(d.causes)}`;
  return `<details class="diff${d.ignored === true ? ' ignored' : ''}" data-path="${esc(d.path)}"><summary>${head}</summary>${body}</details>`;
}

export function renderHtml(result: CompareResult): string {
  const c = result.counts;
  const metadata =
    result.metadata.length === 0
      ? ''
      : `<h2>Build environment changes</h2><table><tr><th>area</th><th>name</th><th>before</th><th>after</th></tr>${result.metadata
          .map((m) => `<tr><td>${esc(m.area)}</td><td>${esc(m.name)}</td><td class="del">${esc(m.before ?? '—')}</td><td class="add">${esc(m.after ?? '—')}</td></tr>`)
          .join('')}</table>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>vitsnap: ${esc(result.before)} → ${esc(result.after)}</title><style>${STYLE}</style></head>
<body>
<h1>vitsnap diff</h1>
<p class="sub"><code>${esc(result.before)}</code> → <code>${esc(result.after)}</code></p>
<div class="verdict ${result.verdict}" id="verdict">${esc(result.verdict)}</div>
<p>${c.modified} modified · ${c.added} added · ${c.removed} removed · ${c.changed} mode/type/link${c.ignored > 0 ? ` · ${c.ignored} ignored` : ''}</p>
<div id="files">${result.root.children.map((d) => nodeHtml(d, '')).join('\n')}</div>
${metadata}
</body></html>
`;
}
