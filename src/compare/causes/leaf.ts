/** One leaf of the tree: the findings its evidence proves, plus what stays unexplained. */
import { diffBytes, parseHexdump, type ByteSpan } from '../byte-ranges.js';
import { analyzeSite, hexOffset, quote, textSite, type FormatKey, type Finding, type Site } from '../evidence.js';
import { RENAME_HINT, renameEvidence } from '../renames.js';
import type { ByteRange, ComparatorId, Consequence, DiffDetail, Difference, LineHunk } from '../types.js';
import type { ClassifyContext } from './context.js';
import { formatOfNode, formatOfPath } from './formats.js';

/** Byte ranges examined per node; the rest count as unexplained. */
const MAX_SITES = 256;
/** Line pairs examined per text node. */
const MAX_LINE_PAIRS = 512;

export interface LeafAnalysis {
  findings: Finding[];
  /** What no finding accounts for, as evidence for `content`. */
  unexplained: string[];
  /** A checksum or size field: it differs because the rest does. */
  consequenceOf?: string;
  /** A comparator's proof of the consequence: its evidence, and the paths of the differences it follows from. */
  consequence?: Consequence;
  format: FormatKey | undefined;
}

function words(name: string): Set<string> {
  const split = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/);
  return new Set([...split, name.toLowerCase(), name.toLowerCase().replace(/[^a-z0-9]+/g, '')]);
}

const BUILD_ID_FIELD = /build[-_ ]?id|lc_uuid|guid|uuid|rsds|codeview|repro/i;
/** Zip extra fields by header id, as the zip comparator names them (`extra.0x5455`). */
const ZIP_TIME_EXTRAS = /0x5455|0x000a/i;
const ZIP_OWNER_EXTRAS = /0x7875|0x7855/i;
const CONSEQUENCE_WORDS = ['crc', 'crc32', 'checksum', 'chksum', 'cksum', 'size', 'compressedsize', 'csize', 'digest'];
const PERMISSION_WORDS = ['mode', 'perm', 'perms', 'permissions', 'attr', 'attrs', 'attributes', 'externalattr', 'externalattributes', 'uid', 'gid', 'owner', 'group', 'uname', 'gname', 'umask'];
const SYMLINK_WORDS = ['linkname', 'linktarget', 'symlink', 'symlinktarget'];
const TIME_WORDS = ['time', 'mtime', 'atime', 'ctime', 'date', 'datetime', 'timestamp', 'stamp', 'timedatestamp', 'modified', 'lastmodified', 'dostime', 'dosdate'];

function hasWord(set: Set<string>, list: readonly string[]): boolean {
  return list.some((w) => set.has(w));
}

function fieldValues(name: string, before: string, after: string): string {
  return `${name} ${quote(before, 60)} vs ${quote(after, 60)}`;
}

/**
 * Fields that say how data were compressed, not what they hold: the same payload compressed
 * differently (any container), gzip's XFL (level) and OS byte (the implementation), zip's method
 * and flags, zstd frame parameters, xz check and filter chain.
 */
const COMPRESSION_FIELD = /(?:^|\.)(?:compressed-data|compressed bytes|compression|xfl|window-size|single-segment|filters)$/;
const COMPRESSION_FIELDS_BY_COMPARATOR: Partial<Record<ComparatorId, RegExp>> = {
  gzip: /(?:^|\.)os$/,
  zip: /(?:^|\.)(?:flags|version-needed)$/,
  zstd: /(?:^|\.)(?:checksum|content-size)$/,
  xz: /(?:^|\.)(?:check|blocks|padding)$/,
  // uncompressed-size is only reported when one side records it and the other relies on the end marker.
  lzma: /(?:^|\.)(?:properties|dictionary-size|uncompressed-size)$/,
};

const ZIP_LAYOUT_HINT =
  'package the jar the same way on every builder: Mozilla-optimised (mozpack JarWriter with a preload list, optimizejars.py) or a plain zip, not both';
const ZIP_PRELOAD_HINT = 'the preload list comes from a startup jar log (MOZ_JAR_LOG_FILE): package every build with the same log, or with none';

function analyzeField(detail: { name: string; before: string; after: string }, format: FormatKey | undefined, comparator?: ComparatorId): LeafAnalysis {
  const { name, before, after } = detail;
  const w = words(name);
  const base: LeafAnalysis = { findings: [], unexplained: [], format };
  // Go's build settings: -trimpath decides whether the build directory is in the binary; the
  // Go version recorded in the binary is the toolchain, shown by the binary itself.
  if (name === 'build -trimpath') return { ...base, findings: [{ id: 'build-path', evidence: `go build -trimpath ${before} → ${after}: file paths in the binary ${after === 'true' ? 'lose' : 'gain'} the build directory`, format: 'go' }] };
  if (name === 'go version') return { ...base, findings: [{ id: 'toolchain', evidence: `the binary records ${before} → ${after}` }] };
  // How a zip was packed, not what it holds: Mozilla's optimised layout and its startup preload list.
  if (comparator === 'zip' && name === 'layout') {
    return { ...base, findings: [{ id: 'compression', evidence: `central directory placement ${quote(before, 60)} vs ${quote(after, 60)}`, hint: ZIP_LAYOUT_HINT }] };
  }
  if (comparator === 'zip' && name === 'preload') {
    return { ...base, findings: [{ id: 'file-order', evidence: `preloaded members ${quote(before, 60)} vs ${quote(after, 60)}`, hint: ZIP_PRELOAD_HINT }] };
  }
  const byComparator = comparator === undefined ? undefined : COMPRESSION_FIELDS_BY_COMPARATOR[comparator];
  if (COMPRESSION_FIELD.test(name) || byComparator?.test(name) === true) {
    return { ...base, findings: [{ id: 'compression', evidence: fieldValues(name, before, after) }] };
  }
  if (BUILD_ID_FIELD.test(name)) {
    const idFormat: FormatKey | undefined = /go/i.test(name) ? 'go' : /lc_uuid/i.test(name) ? 'macho' : /guid|rsds|pdb/i.test(name) ? 'pe' : undefined;
    return { ...base, findings: [{ id: 'build-id', evidence: fieldValues(name, before, after), ...(idFormat === undefined ? {} : { format: idFormat }) }] };
  }
  if (hasWord(w, CONSEQUENCE_WORDS)) return { ...base, consequenceOf: name, unexplained: [fieldValues(name, before, after)] };
  if (hasWord(w, PERMISSION_WORDS) || ZIP_OWNER_EXTRAS.test(name)) return { ...base, findings: [{ id: 'permissions', evidence: fieldValues(name, before, after) }] };
  if (hasWord(w, SYMLINK_WORDS) || (w.has('link') && w.has('target'))) {
    return { ...base, findings: [{ id: 'symlink', evidence: `${name} target ${quote(before)} → ${quote(after)}` }] };
  }
  const site = analyzeSite(textSite(before, after, `field ${name}`));
  if (hasWord(w, TIME_WORDS) || ZIP_TIME_EXTRAS.test(name)) {
    // The parser says it is a time; quote the values, with the date we read when we can.
    const dated = site.findings.find((f) => f.id === 'timestamp');
    return { ...base, findings: [dated ?? { id: 'timestamp', evidence: `${fieldValues(name, before, after)} (a time field)` }] };
  }
  return { ...base, findings: site.findings, unexplained: site.explained ? [] : [fieldValues(name, before, after)] };
}

function analyzeOrder(before: readonly string[], after: readonly string[], format: FormatKey | undefined): LeafAnalysis {
  const sorted = (list: readonly string[]): string => [...list].sort().join('\0');
  const same = sorted(before) === sorted(after);
  const first = before.findIndex((item, i) => item !== after[i]);
  const at = first < 0 ? '' : `; first difference at position ${first + 1}: ${quote(before[first] ?? '', 40)} vs ${quote(after[first] ?? '', 40)}`;
  const evidence = same ? `same ${before.length} entries in another order${at}` : `entries in another order (${before.length} vs ${after.length} listed)${at}`;
  return { findings: [{ id: 'file-order', evidence }], unexplained: [], format };
}

const collator = new Intl.Collator('en');

function isSortedBy(list: readonly string[], compare: (a: string, b: string) => number): boolean {
  for (let i = 1; i < list.length; i++) if (compare(list[i - 1], list[i]) > 0) return false;
  return true;
}

function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Same lines in another order: sorted by bytes on one side and by a locale on the other → locale. */
function reorderFinding(removed: string[], added: string[]): Finding | undefined {
  if (removed.length < 2 || removed.length !== added.length) return undefined;
  if ([...removed].sort().join('\n') !== [...added].sort().join('\n')) return undefined;
  const cOrder = (list: string[]): boolean => isSortedBy(list, byteOrder);
  const localeOrder = (list: string[]): boolean => isSortedBy(list, (a, b) => collator.compare(a, b));
  if ((cOrder(removed) && localeOrder(added)) || (localeOrder(removed) && cOrder(added))) {
    const which = cOrder(removed) ? 'byte (C) order before, locale order after' : 'locale order before, byte (C) order after';
    return { id: 'locale', evidence: `same ${removed.length} lines sorted differently: ${which} (first ${quote(removed[0], 40)} vs ${quote(added[0], 40)})` };
  }
  return { id: 'file-order', evidence: `same ${removed.length} lines in another order (first ${quote(removed[0], 40)} vs ${quote(added[0], 40)})` };
}

function analyzeLines(hunks: readonly LineHunk[], truncated: boolean, format: FormatKey | undefined): LeafAnalysis {
  const result: LeafAnalysis = { findings: [], unexplained: [], format };
  const removedAll: string[] = [];
  const addedAll: string[] = [];
  const pairs: { before: string; after: string; line: number }[] = [];
  const unpaired: string[] = [];
  for (const hunk of hunks) {
    let oldLine = hunk.oldStart;
    let block: { removed: { text: string; line: number }[]; added: string[] } = { removed: [], added: [] };
    const closeBlock = (): void => {
      const n = Math.min(block.removed.length, block.added.length);
      for (let i = 0; i < n; i++) pairs.push({ before: block.removed[i].text, after: block.added[i], line: block.removed[i].line });
      for (const r of block.removed.slice(n)) unpaired.push(`line ${r.line} removed`);
      if (block.added.length > n) unpaired.push(`${block.added.length - n} line(s) added after line ${oldLine - 1}`);
      block = { removed: [], added: [] };
    };
    for (const line of hunk.lines) {
      const text = line.slice(1);
      if (line.startsWith('-')) {
        if (block.added.length > 0) closeBlock();
        block.removed.push({ text, line: oldLine });
        removedAll.push(text);
        oldLine++;
      } else if (line.startsWith('+')) {
        block.added.push(text);
        addedAll.push(text);
      } else {
        closeBlock();
        oldLine++;
      }
    }
    closeBlock();
  }
  if (truncated) result.unexplained.push('line diff truncated: the rest was not examined');
  const reorder = reorderFinding(removedAll, addedAll);
  if (reorder !== undefined) {
    result.findings.push(reorder);
    return result;
  }
  result.unexplained.push(...unpaired);
  for (const [i, pair] of pairs.entries()) {
    if (i >= MAX_LINE_PAIRS) {
      result.unexplained.push(`${pairs.length - MAX_LINE_PAIRS} changed lines not examined`);
      break;
    }
    const site = analyzeSite(textSite(pair.before, pair.after, `line ${pair.line}`));
    result.findings.push(...site.findings);
    if (!site.explained) result.unexplained.push(`line ${pair.line}: ${quote(pair.before, 60)} vs ${quote(pair.after, 60)}`);
  }
  return result;
}

function analyzeJson(detail: Extract<DiffDetail, { type: 'json' }>, format: FormatKey | undefined): LeafAnalysis {
  const result: LeafAnalysis = { findings: [], unexplained: [], format };
  if (detail.truncated) result.unexplained.push('JSON diff truncated: the rest was not examined');
  for (const change of detail.changes.slice(0, MAX_LINE_PAIRS)) {
    const where = `JSON ${change.pointer === '' ? '/' : change.pointer}`;
    if (change.op === 'move') {
      result.findings.push({ id: 'file-order', format: 'json', evidence: `array item moved at ${where}` });
    } else if (change.op === 'replace' && change.before !== undefined && change.after !== undefined) {
      const site = analyzeSite(textSite(change.before, change.after, where));
      result.findings.push(...site.findings);
      if (!site.explained) result.unexplained.push(`${where}: ${quote(change.before, 60)} vs ${quote(change.after, 60)}`);
    } else {
      result.unexplained.push(`${where} ${change.op === 'add' ? 'added' : change.op === 'remove' ? 'removed' : 'replaced'}`);
    }
  }
  if (detail.changes.length > MAX_LINE_PAIRS) result.unexplained.push(`${detail.changes.length - MAX_LINE_PAIRS} JSON changes not examined`);
  return result;
}

/** The whole file when both readers have it (and it fits the ranges), else the hexdump context. */
function byteViews(
  path: string,
  ranges: readonly ByteRange[],
  hexdumps: readonly { before: string; after: string }[],
  ctx: ClassifyContext,
): { before: ByteSpan[]; after: ByteSpan[] } {
  const a = ctx.before?.(path);
  const b = ctx.after?.(path);
  const fits = ranges.every((r) => a !== undefined && b !== undefined && r.oldOffset + r.oldLength <= a.length && r.newOffset + r.newLength <= b.length);
  if (a !== undefined && b !== undefined && fits) return { before: [{ offset: 0, bytes: a }], after: [{ offset: 0, bytes: b }] };
  return { before: hexdumps.flatMap((h) => parseHexdump(h.before)), after: hexdumps.flatMap((h) => parseHexdump(h.after)) };
}

function spanHolding(spans: readonly ByteSpan[], start: number, end: number): ByteSpan | undefined {
  return spans.find((s) => s.offset <= start && s.offset + s.bytes.length >= end);
}

const EXECUTABLE_FORMATS: ReadonlySet<FormatKey | undefined> = new Set<FormatKey | undefined>(['elf', 'pe', 'macho', 'go', 'rust']);

function analyzeBytes(path: string, ranges: readonly ByteRange[], truncated: boolean, hexdumps: readonly { before: string; after: string }[], format: FormatKey | undefined, ctx: ClassifyContext): LeafAnalysis {
  const result: LeafAnalysis = { findings: [], unexplained: [], format };
  const views = byteViews(path, ranges, hexdumps, ctx);
  const sites: { site: Site; offset: number }[] = [];
  let unexamined = 0;
  for (const [i, r] of ranges.entries()) {
    const before = i < MAX_SITES ? spanHolding(views.before, r.oldOffset, r.oldOffset + r.oldLength) : undefined;
    const after = i < MAX_SITES ? spanHolding(views.after, r.newOffset, r.newOffset + r.newLength) : undefined;
    if (before === undefined || after === undefined) {
      unexamined++;
      continue;
    }
    const site: Site = {
      before: { view: before, start: r.oldOffset, end: r.oldOffset + r.oldLength },
      after: { view: after, start: r.newOffset, end: r.newOffset + r.newLength },
      where: `offset ${hexOffset(r.oldOffset)}`,
      binary: true,
    };
    sites.push({ site, offset: r.oldOffset });
  }
  let analyses = sites.map(({ site }) => analyzeSite(site));
  // Bare u32 epochs only once neither the name, the magic nor a note says executable.
  const executable = EXECUTABLE_FORMATS.has(format) || analyses.some((a) => a.findings.some((f) => EXECUTABLE_FORMATS.has(f.format)));
  if (!executable) analyses = analyses.map((a, i) => (a.explained ? a : analyzeSite({ ...sites[i].site, bareEpochs: true })));
  const unexplained: number[] = [];
  for (const [i, analysis] of analyses.entries()) {
    result.findings.push(...analysis.findings);
    if (!analysis.explained) unexplained.push(sites[i].offset);
  }
  if (unexplained.length > 0) {
    const shown = unexplained.slice(0, 3).map(hexOffset).join(', ');
    result.unexplained.push(`${unexplained.length} of ${ranges.length} differing ranges with no known cause (at ${shown}${unexplained.length > 3 ? ', …' : ''})`);
  }
  if (unexamined > 0) result.unexplained.push(`${unexamined} differing ranges not examined (bytes not available)`);
  if (truncated) result.unexplained.push('more differing ranges than were recorded');
  return result;
}

function headOf(node: Difference, ctx: ClassifyContext): Buffer | undefined {
  const detail = node.detail;
  if (detail?.type === 'bytes') {
    const first = detail.hexdump.flatMap((h) => parseHexdump(h.before)).find((s) => s.offset === 0);
    if (first !== undefined) return first.bytes;
  }
  return ctx.before?.(node.path)?.subarray(0, 512);
}

function detailValues(node: Difference): string {
  return node.detail?.type === 'field' ? `${quote(node.detail.before)} → ${quote(node.detail.after)}` : node.summary;
}

/** Every leaf ends with a cause: one with neither findings nor leftovers is unexplained. */
export function analyzeLeaf(node: Difference, ctx: ClassifyContext): LeafAnalysis {
  const analysis = analyzeLeafDetail(node, ctx);
  if (analysis.findings.length === 0 && analysis.unexplained.length === 0 && analysis.consequenceOf === undefined) {
    analysis.unexplained.push(node.summary === '' ? `${node.kind} ${node.path}` : node.summary);
  }
  return analysis;
}

function analyzeLeafDetail(node: Difference, ctx: ClassifyContext): LeafAnalysis {
  const needsHead = node.comparator === undefined || node.comparator === 'binary' || node.comparator === 'xz' || node.comparator === 'lzma' || node.comparator === 'zstd';
  const format = node.language ?? formatOfNode(node, needsHead && formatOfPath(node.path) === undefined ? headOf(node, ctx) : undefined);
  const none: LeafAnalysis = { findings: [], unexplained: [], format };
  if (node.consequence !== undefined) return { ...none, consequenceOf: node.consequence.of, consequence: node.consequence, unexplained: [node.summary] };
  if (node.kind === 'mode') return { ...none, findings: [{ id: 'permissions', evidence: `mode ${detailValues(node)}` }] };
  if (node.kind === 'symlink') return { ...none, findings: [{ id: 'symlink', evidence: `symlink target ${detailValues(node)}` }] };
  if (node.kind === 'renamed' && node.from !== undefined) {
    const directory = node.detail?.type === 'field' && node.detail.name === 'directory name';
    const found = renameEvidence(node.from, node.path, directory);
    if (found?.id === 'build-path') return { ...none, findings: [{ id: 'build-path', evidence: found.evidence, hint: RENAME_HINT }] };
    if (found !== null) return { ...none, unexplained: [found.evidence] };
    // A directory renamed whole, its files the same: the tree was made in a directory named after the build.
    if (directory && node.detail?.type === 'field') {
      return { ...none, findings: [{ id: 'build-path', evidence: `the directory holding the same files is named ${JSON.stringify(node.detail.before)} → ${JSON.stringify(node.detail.after)}`, hint: RENAME_HINT }] };
    }
  }
  const detail = node.detail;
  if (detail?.type === 'order') return analyzeOrder(detail.before, detail.after, format);
  if (node.kind === 'order') return { ...none, findings: [{ id: 'file-order', evidence: node.summary }] };
  switch (detail?.type) {
    case 'field':
      return analyzeField(detail, format, node.comparator);
    case 'lines':
      return analyzeLines(detail.hunks, detail.truncated, format);
    case 'json':
      return analyzeJson(detail, format);
    case 'bytes': {
      const analysis = analyzeBytes(node.path, detail.ranges, detail.truncated, detail.hexdump, format, ctx);
      // A format comparator's `file:code signature` / `file:certificate table` hashes the rest of the file.
      const label = node.comparator === 'binary' ? '' : node.path.slice(node.path.lastIndexOf(':') + 1);
      const signature = hasWord(words(label), ['signature', 'certificate']);
      return analysis.unexplained.length > 0 && signature ? { ...analysis, consequenceOf: label } : analysis;
    }
    case undefined:
      break;
  }
  if (node.kind === 'modified') {
    const a = ctx.before?.(node.path);
    const b = ctx.after?.(node.path);
    if (a !== undefined && b !== undefined) {
      const diff = diffBytes(a, b);
      return analyzeBytes(node.path, diff.ranges, diff.truncated, [], format, ctx);
    }
  }
  return { ...none, unexplained: [node.summary === '' ? `${node.kind} ${node.path}` : node.summary] };
}
