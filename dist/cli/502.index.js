export const id = 502;
export const ids = [502];
export const modules = {

/***/ 9502:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runDiff: () => (/* binding */ runDiff)
});

// UNUSED EXPORTS: progressLine

// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/compare/causes.ts + 7 modules
var causes = __webpack_require__(4495);
// EXTERNAL MODULE: ./src/compare/compare.ts + 3 modules
var compare = __webpack_require__(7924);
// EXTERNAL MODULE: ./src/compare/comparators/index.ts + 48 modules
var comparators = __webpack_require__(5472);
// EXTERNAL MODULE: ./src/compare/renames.ts
var renames = __webpack_require__(8196);
// EXTERNAL MODULE: ./src/compare/sources.ts + 3 modules
var sources = __webpack_require__(4271);
// EXTERNAL MODULE: ./src/report/cause-summary.ts
var cause_summary = __webpack_require__(6136);
// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __webpack_require__(4031);
;// CONCATENATED MODULE: ./src/report/brief.ts


/** The kind column, padded so paths line up. */
const KIND_WIDTH = 9;
function briefLine(node) {
    const path = (0,report_escape/* escapeControls */.UN)(node.path);
    if (node.from !== undefined) {
        const kind = node.kind === 'renamed' ? 'renamed' : 'modified';
        return `${kind.padEnd(KIND_WIDTH)}${(0,report_escape/* escapeControls */.UN)(node.from)} -> ${path}`;
    }
    if (node.kind === 'added' || node.kind === 'removed' || node.kind === 'modified')
        return `${node.kind.padEnd(KIND_WIDTH)}${path}`;
    // Type, mode and link changes: the summary says from what to what (`0755 → 0644`).
    return `${node.kind.padEnd(KIND_WIDTH)}${path}: ${(0,report_escape/* escapeControls */.UN)(node.summary)}`;
}
function renderBrief(result) {
    const lines = result.root.children.map(briefLine);
    for (const note of result.notes ?? [])
        lines.push(`note: ${(0,report_escape/* escapeControls */.UN)(note)}`);
    const differs = result.root.children.length > 0 || (result.notCompared?.length ?? 0) > 0;
    lines.push(differs ? `differ: ${(0,cause_summary/* countsLine */.J7)(result)}` : 'identical');
    return lines.join('\n');
}

// EXTERNAL MODULE: ./src/report/json.ts
var json = __webpack_require__(2794);
// EXTERNAL MODULE: ./src/report/marks.ts
var marks = __webpack_require__(5152);
// EXTERNAL MODULE: ./src/report/plural.ts
var plural = __webpack_require__(1190);
;// CONCATENATED MODULE: ./src/report/html.ts




/**
 * HTML-escaped, and control characters and bidi overrides shown as escapes: a name can neither
 * reorder what the page shows nor drive a terminal that prints the file (attributes included).
 */
function esc(text) {
    return (0,report_escape/* escapeControls */.UN)(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
function escLines(text) {
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
function kindMark(kind) {
    const m = marks/* MARKS */.j7[kind];
    return `<span class="kind" title="${esc(m.meaning)}">${esc(m.mark)}</span>`;
}
/** Per cause: files touched and how to fix, unexplained first; the same overview the text report opens with. */
function causeSummaryHtml(result) {
    const overview = (0,cause_summary/* summarizeCauses */.IK)(result);
    if (overview.causes.length === 0 && overview.ignored === 0)
        return '';
    const rows = overview.causes.map((s) => `<tr><td><span class="badge${s.id === 'content' ? ' content' : ''}">${esc(s.label)}</span></td><td>${esc((0,plural/* plural */.L)(s.files, 'file'))}</td>` +
        `<td>${s.hints.map((h) => `<div class="${s.id === 'content' ? 'note' : 'hint'}">${s.id === 'content' ? '' : 'fix: '}${esc(h)}</div>`).join('')}</td></tr>`);
    if (overview.ignored > 0)
        rows.push(`<tr><td>ignored</td><td>${esc((0,plural/* plural */.L)(overview.ignored, 'difference'))}</td><td class="note">ignored as you asked; listed below, not counted</td></tr>`);
    return `<h2>Causes and fixes</h2><table class="causes" id="causes"><tr><th>cause</th><th>files</th><th>how to fix</th></tr>${rows.join('')}</table>`;
}
function legendHtml(result) {
    const kinds = (0,marks/* kindsIn */.Rd)(result.root.children);
    if (kinds.size === 0)
        return '';
    return `<p class="legend" id="legend">${(0,marks/* legendEntries */._i)(kinds)
        .map((l) => `<span class="kind">${esc(l.mark)}</span> ${esc(l.meaning)}`)
        .join(' · ')}${(0,cause_summary/* hasSecondaryCause */.yl)(result.root.children) ? '; a faded badge follows from another change' : ''}</p>`;
}
function badges(causes) {
    const seen = new Map();
    for (const c of causes)
        if (!seen.has(c.id))
            seen.set(c.id, c);
    return [...seen.values()]
        .map((c) => `<span class="badge${c.id === 'content' ? ' content' : ''}${c.secondary === true ? ' secondary' : ''}" title="${esc(c.hint)}">${esc(c.id === 'content' ? 'unexplained' : c.id)}</span>`)
        .join('');
}
function sideBySide(hunks) {
    const rows = [];
    for (const h of hunks) {
        rows.push(`<tr><td class="ln" colspan="4">@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@</td></tr>`);
        let oldNo = h.oldStart;
        let newNo = h.newStart;
        const dels = [];
        const adds = [];
        const flush = () => {
            for (let k = 0; k < Math.max(dels.length, adds.length); k++) {
                const d = dels[k];
                const a = adds[k];
                rows.push(`<tr><td class="ln">${d === undefined ? '' : oldNo++}</td><td class="${d === undefined ? '' : 'del'}">${esc(d ?? '')}</td>` +
                    `<td class="ln">${a === undefined ? '' : newNo++}</td><td class="${a === undefined ? '' : 'add'}">${esc(a ?? '')}</td></tr>`);
            }
            dels.length = 0;
            adds.length = 0;
        };
        for (const line of h.lines) {
            const text = line.slice(1);
            if (line.startsWith('-'))
                dels.push(text);
            else if (line.startsWith('+'))
                adds.push(text);
            else {
                flush();
                rows.push(`<tr><td class="ln">${oldNo++}</td><td>${esc(text)}</td><td class="ln">${newNo++}</td><td>${esc(text)}</td></tr>`);
            }
        }
        flush();
    }
    return `<table class="sxs">${rows.join('')}</table>`;
}
function detailHtml(d) {
    const detail = d.detail;
    if (detail === undefined)
        return '';
    switch (detail.type) {
        case 'field':
            return `<table><tr><th>${esc(detail.name)}</th><td class="del">${esc(detail.before)}</td><td class="add">${esc(detail.after)}</td></tr></table>`;
        case 'order':
            return `<table><tr><th>before</th><td>${detail.before.map(esc).join('\n')}</td><th>after</th><td>${detail.after.map(esc).join('\n')}</td></tr></table>`;
        case 'lines':
            return sideBySide(detail.hunks) + (detail.truncated ? '<p class="note">diff truncated</p>' : '');
        case 'bytes':
            return ((detail.disassembly === undefined
                ? detail.disassemblyNote === undefined
                    ? ''
                    : `<p class="note">${esc(detail.disassemblyNote)}</p>`
                : `<p class="note">${esc(detail.disassembly.tool)}</p><pre>${detail.disassembly.windows.map((w) => `- ${escLines(w.before)}\n+ ${escLines(w.after)}`).join('\n')}</pre>`) +
                `<pre>${detail.hexdump.map((h) => `- ${escLines(h.before)}\n+ ${escLines(h.after)}`).join('\n')}</pre>` +
                `<p class="note">${detail.changedBytes} of ${detail.totalBytes} bytes differ in ${detail.ranges.length}${detail.truncated ? '+' : ''} ranges</p>`);
        case 'json':
            return `<table>${detail.changes.map((c) => `<tr><td>${esc(c.op)}</td><td>${esc(c.pointer)}</td><td class="del">${esc(c.before ?? '')}</td><td class="add">${esc(c.after ?? '')}</td></tr>`).join('')}</table>`;
    }
}
function causeHtml(causes) {
    return causes
        .filter((c) => c.id !== 'content')
        .map((c) => `<div class="cause"><b>${esc(c.id)}</b>${c.secondary === true ? ' (follows from another change)' : ''}: ${esc(c.evidence)}<br><span class="hint">fix: ${esc(c.hint)}</span></div>`)
        .join('');
}
function nodeHtml(d, parentPath) {
    const shown = parentPath !== '' && d.path.startsWith(parentPath) && d.path.length > parentPath.length ? d.path.slice(parentPath.length) : d.path;
    const body = detailHtml(d) +
        (d.fallback === undefined ? '' : `<p class="note">${esc(d.fallback)}</p>`) +
        (d.children.length === 0 ? causeHtml(d.causes) : '') +
        d.children.map((c) => nodeHtml(c, d.path)).join('');
    const head = `${kindMark(d.kind)} <span class="path">${esc(shown)}</span> — ${esc(d.summary)} ${badges(d.causes)}`;
    return `<details class="diff${d.ignored === true ? ' ignored' : ''}" data-path="${esc(d.path)}"><summary>${head}</summary>${body}</details>`;
}
function renderHtml(result) {
    const files = result.root.children;
    const metadata = result.metadata.length === 0
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
<p>${esc((0,cause_summary/* countsLine */.J7)(result))}</p>
${causeSummaryHtml(result)}
${metadata}
${files.length === 0 ? '' : `<h2>Files</h2>${legendHtml(result)}<div class="tools"><button type="button" id="expand-all">Expand all</button><button type="button" id="collapse-all">Collapse all</button></div>`}
<div id="files">${files.map((d) => nodeHtml(d, '')).join('\n')}</div>
${files.length === 0 ? '' : `<script>${SCRIPT}</script>`}
</body></html>
`;
}

;// CONCATENATED MODULE: ./src/report/markdown.ts



/** GitHub refuses a comment body over 65,536 characters. */
const COMMENT_LIMIT = 65_536;
/**
 * The runner drops the whole step summary when its file exceeds 1 MiB in bytes; 64 KiB stay free
 * for the newline core.summary appends and for anything else written to the same step's summary.
 */
const SUMMARY_LIMIT = (/* unused pure expression or super */ null && (1024 * 1024 - 64 * 1024));
const VERDICT_LINE = {
    identical: '✅ **Identical**: the build outputs match bit for bit.',
    'drift-explained': '⚠️ **Drift, explained**: outputs differ, and every difference has a known cause.',
    'drift-unexplained': '❌ **Drift, unexplained**: some outputs differ for reasons vitsnap could not prove.',
};
/**
 * Names and comparator output as inert Markdown: control characters as visible escapes (one
 * line, so a name cannot end a table row), then every character Markdown or HTML would act on
 * backslash-escaped (emphasis, links, images, raw HTML, entities, code spans, table pipes).
 */
function inert(text, max) {
    // `_` inside a word never emphasises (GFM), so SOURCE_DATE_EPOCH stays readable in the raw text.
    return (0,report_escape/* clip */.$Q)((0,report_escape/* escapeControls */.UN)(text), max).replace(/[\\`*[\]<>!|~&]|(?<![\p{L}\p{N}])_|_(?![\p{L}\p{N}])/gu, '\\$&');
}
/** Prose cells: also no @mentions (a word joiner after each `@`), bounded length. */
function cell(text, max = 160) {
    return inert(text, max).replace(/@/g, '@\u2060');
}
/**
 * A name in monospace. `<code>` rather than a code span: backslash escapes do not work inside a
 * code span, so a name ending in a backslash next to a pipe could still split the table row.
 */
function code(text, max) {
    return `<code>${inert(text, max)}</code>`;
}
function causeCell(causes) {
    const ids = [...new Set(causes.filter((c) => c.secondary !== true).map((c) => c.id))];
    return ids.length > 0 ? ids.map((id) => (id === 'content' ? '**unexplained**' : id)).join(', ') : '—';
}
function leafCauses(node) {
    if (node.children.length === 0)
        return node.causes;
    return node.children.flatMap(leafCauses);
}
function firstHint(node) {
    return leafCauses(node).find((c) => c.id !== 'content' && c.secondary !== true)?.hint ?? '';
}
const byteLength = (text) => Buffer.byteLength(text, 'utf8');
const charLength = (text) => text.length;
/** The longest prefix of `text` that fits in `max` units, not splitting a surrogate pair. */
function cutTo(text, max, size) {
    let end = Math.min(text.length, max);
    while (end > 0 && size(text.slice(0, end)) > max)
        end = Math.floor(end * 0.9);
    if (end > 0 && end < text.length && /[\uD800-\uDBFF]/.test(text[end - 1]))
        end--;
    return text.slice(0, end);
}
function renderMarkdown(result, options) {
    const size = options.unit === 'bytes' ? byteLength : charLength;
    const blocks = [];
    if (options.header !== undefined)
        blocks.push(options.header);
    blocks.push(`### vitsnap: ${code(result.before, 80)} → ${code(result.after, 80)}`, VERDICT_LINE[result.verdict]);
    blocks.push((0,cause_summary/* countsLine */.J7)(result));
    blocks.push(...(options.sections ?? []));
    blocks.push(...(result.notes ?? []).map((note) => `> **note:** ${cell(note, 600)}`));
    const rows = result.root.children.filter((d) => d.ignored !== true);
    const tableHeader = '| | path | what changed | cause | fix |\n| --- | --- | --- | --- | --- |';
    const rowText = (d) => `| ${d.kind === 'added' ? '➕' : d.kind === 'removed' ? '➖' : d.from !== undefined ? '🔀' : '✏️'} | ${code(d.path, 120)} | ${cell(d.summary)} | ${causeCell(leafCauses(d))} | ${cell(firstHint(d), 120)} |`;
    const metadataBlock = result.metadata.length === 0
        ? null
        : ['**Build environment changes** (may explain the outputs above)', '', '| area | name | before | after |', '| --- | --- | --- | --- |',
            ...result.metadata.map((m) => `| ${m.area} | ${code(m.name, 60)} | ${m.before === null ? '—' : code(m.before, 100)} | ${m.after === null ? '—' : code(m.after, 100)} |`)].join('\n');
    const note = (shown) => `_${(0,plural/* plural */.L)(rows.length - shown, 'more difference')} not shown here${options.fullReportUrl === undefined ? '' : `: see the [full report](${options.fullReportUrl})`}._`;
    // Reserve room for what must always fit: the environment section and the truncation note.
    const reserve = (metadataBlock === null ? 0 : size(metadataBlock)) + size(note(0)) + 64;
    let used = blocks.reduce((n, b) => n + size(b) + 2, 0);
    let shown = 0;
    if (rows.length > 0) {
        const table = [tableHeader];
        used += size(tableHeader) + 3;
        for (const d of rows) {
            const row = rowText(d);
            const rowSize = size(row);
            if (used + rowSize + 1 + reserve > options.limit)
                break;
            table.push(row);
            used += rowSize + 1;
            shown++;
        }
        blocks.push(table.join('\n'));
        if (shown < rows.length)
            blocks.push(note(shown));
    }
    if (metadataBlock !== null && used + size(metadataBlock) + 2 <= options.limit)
        blocks.push(metadataBlock);
    const text = blocks.join('\n\n');
    // The reserve makes this unreachable for sane limits; never return more than asked.
    if (size(text) <= options.limit)
        return text;
    return `${cutTo(text, Math.max(0, options.limit - 40), size).replace(/\n[^\n]*$/, '')}\n\n_report cut at the size limit._`;
}

// EXTERNAL MODULE: ./src/report/text.ts
var report_text = __webpack_require__(5655);
// EXTERNAL MODULE: ./src/commands/args.ts
var args = __webpack_require__(4690);
// EXTERNAL MODULE: ./src/format-bytes.ts
var format_bytes = __webpack_require__(7758);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/snapshot/atomic-file.ts
var atomic_file = __webpack_require__(5118);
;// CONCATENATED MODULE: ./src/commands/report-files.ts
/**
 * Report files a diff writes (`--html`, `--output`): opened before the comparison, so a missing
 * or read-only directory fails in a second rather than after a long diff, and written whole or
 * not at all (AtomicFile), so a failed run never leaves half a report.
 */




function onOption(error, option) {
    const e = error;
    if (e?.name !== 'OperationError' || typeof e.message !== 'string')
        return error;
    return new errors/* OperationError */.OK(e.code, `${option}: ${e.message}`);
}
class ReportFile {
    file;
    constructor(file) {
        this.file = file;
    }
    /** Checks where `path` (given to `option`) would go and reserves it; E_NOT_FOUND/E_IO/E_INPUT naming the path otherwise. */
    static open(cwd, option, path) {
        const target = (0,external_node_path_.resolve)(cwd, path);
        const dir = (0,external_node_path_.dirname)(target);
        const where = (0,external_node_fs_.statSync)(dir, { throwIfNoEntry: false });
        if (where === undefined)
            throw new errors/* OperationError */.OK('E_NOT_FOUND', `${option} ${path}: directory ${dir} does not exist; create it or write the report elsewhere`);
        if (!where.isDirectory())
            throw new errors/* OperationError */.OK('E_INPUT', `${option} ${path}: ${dir} is not a directory; write the report elsewhere`);
        if ((0,external_node_fs_.statSync)(target, { throwIfNoEntry: false })?.isDirectory() === true) {
            throw new errors/* OperationError */.OK('E_INPUT', `${option} ${path} is a directory; give a file name such as ${(0,external_node_path_.resolve)(target, 'report')}`);
        }
        try {
            return new ReportFile(new atomic_file/* AtomicFile */.A0(target));
        }
        catch (error) {
            // AtomicFile's error names the path and the system's reason; the option says which report.
            throw onOption(error, option);
        }
    }
    /** Writes the whole report and puts it in place. */
    commit(text) {
        this.file.write(Buffer.from(text));
        this.file.commit();
    }
    /** Leaves no trace when the diff fails. */
    abort() {
        this.file.abort();
    }
}

;// CONCATENATED MODULE: ./src/commands/diff-run.ts
/** `vitsnap diff`'s work, loaded only when diff runs: the comparators are most of the CLI's code. */















/** diff(1)'s convention: 1 means the inputs differ. */
const EXIT_DRIFT = 1;
function parseIgnore(values) {
    const profiles = (values ?? []).flatMap((v) => v.split(',')).map((s) => s.trim()).filter((s) => s !== '');
    for (const p of profiles) {
        if (!(p in compare/* IGNORE_PROFILES */.un)) {
            throw new errors/* OperationError */.OK('E_USAGE', `unknown --ignore profile ${JSON.stringify(p)}; valid: ${Object.keys(compare/* IGNORE_PROFILES */.un).join(', ')}`);
        }
    }
    return profiles;
}
/** The status line of a long diff (TTY only), e.g. `comparing: 19,960 files checked (1.84 GiB read), 200 changed, 57 explained`. */
function progressLine(p) {
    const checked = p.filesChecked > 0 ? `${p.filesChecked.toLocaleString('en-US')} files checked (${(0,format_bytes/* formatBytes */.z)(p.bytesRead)} read), ` : '';
    return `comparing: ${checked}${p.filesChanged.toLocaleString('en-US')} changed, ${p.filesExplained.toLocaleString('en-US')} explained`;
}
async function runDiff(argv, ctx) {
    const { values, positionals } = (0,args/* parseCommandArgs */.Qx)('diff', argv, {
        ...args/* COMMON_OPTIONS */.DT,
        ignore: { type: 'string', multiple: true },
        exclude: { type: 'string', multiple: true },
        'max-lines': { type: 'string' },
        output: { type: 'string' },
        markdown: { type: 'boolean' },
        html: { type: 'string' },
        'strip-prefix': { type: 'string' },
        'strip-hash': { type: 'string' },
        brief: { type: 'boolean' },
        ...args/* CHAIN_OPTIONS */.T,
    });
    (0,args/* exclusiveFlags */.o0)('diff', values, ['json', 'markdown', 'brief', 'quiet']);
    // Reports and ignore rules work on explanations, which --brief does not make.
    (0,args/* exclusiveFlags */.o0)('diff', values, ['brief', 'html']);
    (0,args/* exclusiveFlags */.o0)('diff', values, ['brief', 'output']);
    (0,args/* exclusiveFlags */.o0)('diff', values, ['brief', 'ignore']);
    if (positionals.length !== 2)
        throw new errors/* OperationError */.OK('E_USAGE', "diff takes two sides, BEFORE and AFTER; run 'vitsnap diff --help'");
    const maxLines = values['max-lines'] === undefined ? 400 : Number(values['max-lines']);
    if (!Number.isInteger(maxLines) || maxLines < 1)
        throw new errors/* OperationError */.OK('E_USAGE', `--max-lines takes a positive whole number (got ${values['max-lines']})`);
    const ignore = parseIgnore(values.ignore);
    const stripHash = (0,renames/* parseStripHash */.Ms)(values['strip-hash'] ?? 'default', '--strip-hash');
    const [beforePath, afterPath] = positionals;
    const reports = [];
    try {
        const output = values.output === undefined ? null : ReportFile.open(ctx.cwd, '--output', values.output);
        if (output !== null)
            reports.push(output);
        const html = values.html === undefined ? null : ReportFile.open(ctx.cwd, '--html', values.html);
        if (html !== null)
            reports.push(html);
        const stripPrefix = values['strip-prefix'];
        const sides = await (0,sources/* openSides */.P)(beforePath, afterPath, { cwd: ctx.cwd, env: ctx.env, ...(0,args/* chainOptions */.E3)(values), ...(stripPrefix === undefined ? {} : { stripPrefix }) });
        try {
            return await compareAndReport(sides, { values, ignore, stripHash, maxLines, output, html }, ctx);
        }
        finally {
            await sides.close();
        }
    }
    finally {
        // Committed reports are in place already; this only removes what a failed run left reserved.
        for (const r of reports)
            r.abort();
    }
}
async function compareAndReport(sides, plan, ctx) {
    const { values, ignore, stripHash, maxLines } = plan;
    const result = await (0,compare/* compareSources */.mr)(sides, {
        comparators: comparators/* DEFAULT_COMPARATORS */.u,
        ...(0,causes/* createCauseClassifier */.zv)(),
        ignore,
        stripHash,
        exclude: values.exclude ?? [],
        brief: values.brief === true,
        onProgress: (p) => ctx.log.status(progressLine(p)),
    });
    ctx.log.done();
    plan.output?.commit(`${(0,json/* renderJson */.hF)(result)}\n`);
    plan.html?.commit(renderHtml(result));
    if (values.brief === true)
        ctx.log.out(renderBrief(result));
    else if (values.json === true)
        ctx.log.out((0,json/* renderJson */.hF)(result));
    else if (values.markdown === true)
        ctx.log.out(renderMarkdown(result, { limit: COMMENT_LIMIT }));
    else if (values.quiet === true)
        ctx.log.out((0,cause_summary/* verdictLine */.MT)(result));
    else
        ctx.log.out((0,report_text/* renderText */.S)(result, { colour: ctx.log.colour === true, maxLines }));
    return result.verdict === 'identical' ? 0 : EXIT_DRIFT;
}


/***/ })

};
