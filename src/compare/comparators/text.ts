/**
 * Text: UTF-8 (with or without BOM) or UTF-16 with a BOM. Encoding, BOM, line endings and the
 * final newline are reported as fields of their own, so a CRLF → LF conversion is one difference
 * rather than every line; the content is a line diff with three lines of context.
 */
import { isUtf8 } from 'node:buffer';
import { extname, posix } from 'node:path';
import { alignLines, hunksFromAlignment, splitLines } from '../line-diff.js';
import { ComparatorFallback } from '../types.js';
import type { Comparator, CompareContext, CompareLimits, Difference, LineHunk } from '../types.js';

const CONTEXT_LINES = 3;
/** Hunk lines kept per file; the rest is counted in the summary and marked truncated. */
const MAX_HUNK_LINES = 10_000;
/** Longer lines are shown as a window around the change (minified bundles are one line). */
const MAX_LINE_CHARS = 1000;
const WINDOW_CHARS = 160;

const TEXT_EXTENSIONS = new Set([
  '.txt', '.md', '.rst', '.adoc', '.js', '.mjs', '.cjs', '.jsx', '.ts', '.mts', '.cts', '.tsx', '.css', '.scss',
  '.less', '.html', '.htm', '.xml', '.svg', '.json', '.jsonl', '.map', '.webmanifest', '.yml', '.yaml', '.toml',
  '.ini', '.cfg', '.conf', '.properties', '.csv', '.tsv', '.sh', '.bash', '.py', '.pyi', '.rb', '.go', '.rs',
  '.java', '.kt', '.kts', '.scala', '.gradle', '.c', '.h', '.cc', '.cpp', '.hpp', '.cs', '.swift', '.sql', '.lock',
  '.log', '.mf', '.pom', '.vue', '.svelte', '.graphql', '.proto', '.tex', '.diff', '.patch', '.pc', '.la', '.cmake',
]);
const TEXT_NAMES = new Set(['LICENSE', 'README', 'Makefile', 'Dockerfile', 'CHANGELOG', 'NOTICE', 'AUTHORS', 'RECORD', 'METADATA', 'WHEEL']);

export type TextEncoding = 'UTF-8' | 'UTF-16LE' | 'UTF-16BE' | 'ISO-8859-1' | 'windows-1252';

export interface DecodedText {
  encoding: TextEncoding;
  bom: boolean;
  text: string;
}

function hasUtf16Bom(buf: Buffer): TextEncoding | null {
  // FF FE 00 00 is UTF-32LE's BOM, which we do not decode.
  if (buf.length >= 4 && buf[0] === 0xff && buf[1] === 0xfe && buf[2] === 0 && buf[3] === 0) return null;
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return 'UTF-16LE';
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return 'UTF-16BE';
  return null;
}

function hasUtf8Bom(buf: Buffer): boolean {
  return buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
}

/**
 * Offset of the first byte that breaks UTF-8, or -1. With `allowCutEnd`, a sequence cut off by
 * the end of the buffer is fine (the head is the first 4 KiB of a longer file).
 */
export function invalidUtf8Offset(buf: Buffer, allowCutEnd: boolean): number {
  let i = 0;
  while (i < buf.length) {
    const c = buf[i] as number;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else {
      return i;
    }
    if (i + need >= buf.length) {
      if (!allowCutEnd) return i;
      // A sequence cut off by the end of the head: check the bytes that are there.
      for (let k = i + 1; k < buf.length; k++) if (((buf[k] as number) & 0xc0) !== 0x80) return i;
      return -1;
    }
    let cp = c & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const b = buf[i + k] as number;
      if ((b & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (b & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/** Whether a valid multi-byte UTF-8 sequence occurs: then invalid bytes elsewhere are damage, not another encoding. */
function hasUtf8Sequence(buf: Buffer): boolean {
  for (let i = 0; i < buf.length; i++) {
    const c = buf[i] as number;
    const need = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : 0;
    if (need === 0 || i + need >= buf.length + 0) continue;
    let ok = true;
    for (let k = 1; k <= need; k++) if (((buf[i + k] ?? 0) & 0xc0) !== 0x80) ok = false;
    if (ok) return true;
  }
  return false;
}

/**
 * Whether bytes that are not UTF-8 read as ISO-8859-1 / windows-1252 text: no NUL, and nearly all
 * bytes printable, whitespace or letters of the upper half (C0 controls other than tab, CR, LF and
 * form feed are what binary data is full of).
 */
function looksLike8BitText(buf: Buffer): boolean {
  if (buf.length === 0 || buf.includes(0) || hasUtf8Sequence(buf)) return false;
  let controls = 0;
  for (const byte of buf) if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) controls++;
  return controls <= buf.length / 100;
}

function isTextName(path: string): boolean {
  const base = posix.basename(path.replace(/\\/g, '/'));
  return TEXT_EXTENSIONS.has(extname(base).toLowerCase()) || TEXT_NAMES.has(base.replace(/\.[^.]*$/, ''));
}

/**
 * Decodes a text file exactly, or throws `ComparatorFallback` saying why it is not text. With
 * `legacy`, bytes that are not UTF-8 may be ISO-8859-1 / windows-1252 (formats that must be
 * UTF-8, such as JSON, leave it off).
 */
export function decodeText(buf: Buffer, side: string, legacy = false): DecodedText {
  const utf16 = hasUtf16Bom(buf);
  if (utf16 !== null) {
    if (buf.length % 2 !== 0) throw new ComparatorFallback(`${side} is not valid ${utf16}: odd number of bytes`);
    try {
      const decoder = new TextDecoder(utf16 === 'UTF-16LE' ? 'utf-16le' : 'utf-16be', { fatal: true, ignoreBOM: true });
      return { encoding: utf16, bom: true, text: decoder.decode(buf.subarray(2)) };
    } catch {
      throw new ComparatorFallback(`${side} is not valid ${utf16} (unpaired surrogate)`);
    }
  }
  const nul = buf.indexOf(0);
  if (nul >= 0) throw new ComparatorFallback(`${side} contains a NUL byte at offset ${nul}`);
  const bad = isUtf8(buf) ? -1 : invalidUtf8Offset(buf, false);
  if (bad >= 0) {
    // Not UTF-8: a legacy 8-bit text (a Java .properties file is ISO-8859-1), when it reads as one.
    const where = `${side} is not valid UTF-8 (byte 0x${(buf[bad] as number).toString(16).padStart(2, '0')} at offset ${bad})`;
    if (!legacy) throw new ComparatorFallback(where);
    if (!looksLike8BitText(buf)) throw new ComparatorFallback(`${where} and does not read as 8-bit text`);
    const cp1252 = buf.some((byte) => byte >= 0x80 && byte <= 0x9f);
    return { encoding: cp1252 ? 'windows-1252' : 'ISO-8859-1', bom: false, text: new TextDecoder(cp1252 ? 'windows-1252' : 'latin1').decode(buf) };
  }
  const bom = hasUtf8Bom(buf);
  return { encoding: 'UTF-8', bom, text: buf.toString('utf8', bom ? 3 : 0) };
}

function describeEncoding(d: DecodedText): string {
  return d.encoding === 'UTF-8' && d.bom ? 'UTF-8 with BOM' : d.encoding;
}

const ENDING_NAMES: Record<string, string> = { '\r\n': 'CRLF', '\n': 'LF', '\r': 'CR' };

function describeEndings(endings: readonly string[]): string {
  const counts = new Map<string, number>();
  for (const ending of endings) if (ending !== '') counts.set(ending, (counts.get(ending) ?? 0) + 1);
  if (counts.size === 0) return 'none';
  const names = [...counts.entries()].sort((x, y) => y[1] - x[1]).map(([ending, n]) => ({ name: ENDING_NAMES[ending] as string, n }));
  if (names.length === 1) return (names[0] as { name: string }).name;
  return `mixed (${names.map(({ name, n }) => `${n} ${name}`).join(', ')})`;
}

function field(
  path: string,
  name: string,
  before: string,
  after: string,
  summary?: string,
  comparator: Difference['comparator'] = 'text',
): Difference {
  return {
    path,
    kind: 'field',
    comparator,
    summary: summary ?? `${name}: ${before} → ${after}`,
    detail: { type: 'field', name, before, after },
    causes: [],
    children: [],
  };
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** Shows a long line as a window around `from..to`, with what was cut said in place. */
function clip(line: string, from: number, to: number): string {
  const start = Math.max(0, from - WINDOW_CHARS);
  const end = Math.min(line.length, Math.max(to, from) + WINDOW_CHARS, start + MAX_LINE_CHARS);
  const head = start > 0 ? `…[${start} chars]…` : '';
  const tail = end < line.length ? `…[${line.length - end} chars]…` : '';
  return `${head}${line.slice(start, end)}${tail}`;
}

/** Long lines in hunks become windows around where each removed/added pair differs. */
function clipLongLines(hunks: LineHunk[]): boolean {
  let clipped = false;
  for (const hunk of hunks) {
    const lines = hunk.lines;
    for (let i = 0; i < lines.length; ) {
      if (lines[i]?.[0] === ' ') {
        const line = lines[i] as string;
        if (line.length > MAX_LINE_CHARS + 1) {
          lines[i] = ` ${clip(line.slice(1), 0, 0)}`;
          clipped = true;
        }
        i++;
        continue;
      }
      let minus = i;
      while (minus < lines.length && lines[minus]?.[0] === '-') minus++;
      let plus = minus;
      while (plus < lines.length && lines[plus]?.[0] === '+') plus++;
      const removed = minus - i;
      const original = lines.slice(i, plus);
      for (let k = i; k < plus; k++) {
        const text = (original[k - i] as string).slice(1);
        if (text.length <= MAX_LINE_CHARS) continue;
        const partnerIndex = k < minus ? minus + (k - i) : i + (k - minus);
        const partnerInRange = k < minus ? partnerIndex < plus : partnerIndex < i + removed;
        const partner = partnerInRange ? (original[partnerIndex - i] as string).slice(1) : '';
        let prefix = 0;
        while (prefix < text.length && prefix < partner.length && text[prefix] === partner[prefix]) prefix++;
        let suffix = 0;
        while (
          suffix < text.length - prefix &&
          suffix < partner.length - prefix &&
          text[text.length - 1 - suffix] === partner[partner.length - 1 - suffix]
        ) suffix++;
        lines[k] = `${(lines[k] as string)[0]}${clip(text, prefix, text.length - suffix)}`;
        clipped = true;
      }
      i = plus > i ? plus : i + 1;
    }
  }
  return clipped;
}

/**
 * Compares two decoded texts: line endings and the final newline as fields, then the lines.
 * Shared with comparators whose members are text (a source map's `sourcesContent`).
 */
export function compareText(
  path: string,
  before: string,
  after: string,
  limits: Pick<CompareLimits, 'maxTextLines'>,
  comparator: Difference['comparator'] = 'text',
): Difference[] {
  if (before === after) return [];
  const a = splitLines(before);
  const b = splitLines(after);
  const most = Math.max(a.lines.length, b.lines.length);
  if (most > limits.maxTextLines) throw new ComparatorFallback(`more than ${limits.maxTextLines} lines; comparing bytes`);
  const out: Difference[] = [];
  const alignment = alignLines(a.lines, b.lines);

  const styleA = describeEndings(a.endings);
  const styleB = describeEndings(b.endings);
  // 'none' (one unterminated line) is the final-newline field's business, not a style change.
  if (styleA !== styleB && styleA !== 'none' && styleB !== 'none') {
    out.push(field(path, 'line endings', styleA, styleB, undefined, comparator));
  } else {
    // Same overall style: look for kept lines whose terminator changed (mixed files).
    let changed = 0;
    let first: { line: number; before: string; after: string } | null = null;
    for (const run of alignment.runs) {
      for (let k = 0; k < run.length; k++) {
        const ea = a.endings[run.oldIndex + k] as string;
        const eb = b.endings[run.newIndex + k] as string;
        if (ea === eb || ea === '' || eb === '') continue;
        changed++;
        first ??= { line: run.newIndex + k + 1, before: ENDING_NAMES[ea] as string, after: ENDING_NAMES[eb] as string };
      }
    }
    if (first !== null) {
      out.push(
        field(
          path,
          'line endings',
          first.before,
          first.after,
          `line endings: ${plural(changed, 'line')} changed terminator (first at line ${first.line}: ${first.before} → ${first.after})`,
          comparator,
        ),
      );
    }
  }
  const finalA = a.endings.length === 0 ? '\n' : (a.endings[a.endings.length - 1] as string);
  const finalB = b.endings.length === 0 ? '\n' : (b.endings[b.endings.length - 1] as string);
  if ((finalA === '') !== (finalB === '')) {
    const describe = (e: string): string => (e === '' ? 'missing' : e === '\n' ? 'present' : `present (${ENDING_NAMES[e]})`);
    out.push(field(path, 'final newline', describe(finalA), describe(finalB), undefined, comparator));
  }

  const { hunks, truncated } = hunksFromAlignment(a.lines, b.lines, alignment, { context: CONTEXT_LINES, maxLines: MAX_HUNK_LINES });
  if (hunks.length > 0) {
    const clipped = clipLongLines(hunks);
    const changed = alignment.added + alignment.removed;
    const notes: string[] = [];
    if (alignment.coarse) notes.push('too many edits to align: shown as one replacement');
    else if (truncated) notes.push(`hunks cut at ${MAX_HUNK_LINES} lines`);
    if (clipped) notes.push(`lines over ${MAX_LINE_CHARS} characters shown around the change`);
    out.push({
      path,
      kind: 'lines',
      comparator,
      summary: `${plural(changed, 'line')} changed (+${alignment.added} −${alignment.removed})${notes.length > 0 ? `; ${notes.join('; ')}` : ''}`,
      detail: { type: 'lines', hunks, truncated: truncated || clipped },
      causes: [],
      children: [],
    });
  }
  return out;
}

export const textComparator: Comparator = {
  id: 'text',

  recognizes(path: string, head: Buffer): boolean {
    if (hasUtf16Bom(head) !== null) return true;
    if (head.includes(0)) return false;
    return invalidUtf8Offset(head, true) < 0 || isTextName(path);
  },

  compare(path: string, before: Buffer, after: Buffer, ctx: CompareContext): Difference[] {
    if (before.equals(after)) return [];
    const a = decodeText(before, 'old side', true);
    const b = decodeText(after, 'new side', true);
    const out: Difference[] = [];
    const encodingA = describeEncoding(a);
    const encodingB = describeEncoding(b);
    if (encodingA !== encodingB) {
      const bomOnly = a.encoding === b.encoding;
      out.push(
        bomOnly
          ? field(path, 'byte order mark', a.bom ? 'UTF-8 BOM' : 'none', b.bom ? 'UTF-8 BOM' : 'none', `byte order mark ${a.bom ? 'removed' : 'added'} (UTF-8)`)
          : field(path, 'encoding', encodingA, encodingB),
      );
    }
    out.push(...compareText(path, a.text, b.text, ctx.limits));
    return out;
  },
};
