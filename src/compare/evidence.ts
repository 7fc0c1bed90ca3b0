/**
 * Evidence finders: given the bytes around one differing stretch on both sides, what do they prove?
 * A date or epoch on both sides, an absolute path that differs only in a directory prefix, a
 * build-id note, a random token … Each finding says which differing bytes it accounts for; a
 * stretch is explained only when every differing byte is accounted for.
 */
import type { ByteSpan } from './byte-ranges.js';
import type { CauseId } from './types.js';

/** Formats and ecosystems a finding can name, so the fix hint fits. */
export type FormatKey =
  | 'gzip'
  | 'tar'
  | 'ar'
  | 'zip'
  | 'jar'
  | 'wheel'
  | 'elf'
  | 'go'
  | 'rust'
  | 'c'
  | 'pe'
  | 'macho'
  | 'pyc'
  | 'python'
  | 'class'
  | 'png'
  | 'json'
  | 'js'
  | 'text';

export interface Finding {
  id: CauseId;
  evidence: string;
  /** The format the evidence itself points at (a gzip header, an ELF note), overriding the file's. */
  format?: FormatKey;
  /** For build-path hints: the two prefixes. */
  prefixes?: [string, string];
  /** A hint that fits this evidence better than the cause's usual one for the format. */
  hint?: string;
}

/** One side of a differing stretch: `[start, end)` are file offsets, `view` holds at least those bytes. */
export interface ByteSide {
  view: ByteSpan;
  start: number;
  end: number;
}

export interface Site {
  before: ByteSide;
  after: ByteSide;
  /** Where, for evidence: `offset 0x1f0`, `field mtime`, `line 12`. */
  where: string;
  /** Binary sites also get structural probes (headers, notes). */
  binary: boolean;
  /**
   * Also take a bare little-endian u32 for a time. Off for executables, whose code and data words
   * land in a recent-epoch window now and then; their times live in known headers instead.
   */
  bareEpochs?: boolean;
}

export interface SiteResult {
  findings: Finding[];
  /** True when every differing byte is accounted for by a finding. */
  explained: boolean;
}

// ---------------------------------------------------------------------------------------------
// Small helpers

const YEAR = 365.25 * 86_400;
/** Epochs further than this from now are not taken for timestamps. */
const EPOCH_WINDOW = 30 * YEAR;
/** Two binary u32 values count as build times only when this close: random words rarely are. */
const BINARY_EPOCH_SPREAD = 366 * 86_400;
/** Text evidence is looked for this far around a differing stretch. */
const MAX_EXPAND = 256;
/** Stretches longer than this are not one token: no text evidence is looked for. */
const MAX_TEXT_SPAN = 4096;

export function plausibleEpoch(seconds: number, nowSeconds = Date.now() / 1000): boolean {
  return Number.isFinite(seconds) && Math.abs(seconds - nowSeconds) <= EPOCH_WINDOW;
}

export function isoOfEpoch(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
}

export function hexOffset(offset: number): string {
  return `0x${offset.toString(16)}`;
}

/** A value quoted for evidence, shortened in the middle when long. */
export function quote(value: string, max = 80): string {
  const shown = value.length > max ? `${value.slice(0, max / 2 - 1)}…${value.slice(value.length - max / 2)}` : value;
  return JSON.stringify(shown);
}

function byteAt(view: ByteSpan, offset: number): number {
  const i = offset - view.offset;
  return i >= 0 && i < view.bytes.length ? view.bytes[i] : -1;
}

function u16le(view: ByteSpan, offset: number): number | undefined {
  const lo = byteAt(view, offset);
  const hi = byteAt(view, offset + 1);
  return lo < 0 || hi < 0 ? undefined : lo | (hi << 8);
}

function u32le(view: ByteSpan, offset: number): number | undefined {
  const lo = u16le(view, offset);
  const hi = u16le(view, offset + 2);
  return lo === undefined || hi === undefined ? undefined : lo + hi * 0x10000;
}

function slice(view: ByteSpan, start: number, end: number): Buffer | undefined {
  if (start < view.offset || end > view.offset + view.bytes.length) return undefined;
  return view.bytes.subarray(start - view.offset, end - view.offset);
}

function hexOf(bytes: Buffer | undefined, max = 12): string {
  if (bytes === undefined) return '?';
  const hex = bytes.toString('hex');
  return hex.length > max * 2 ? `${hex.slice(0, max * 2)}…` : hex;
}

type Interval = [number, number];

function within(inner: Interval, outer: Interval): boolean {
  return inner[0] >= outer[0] && inner[1] <= outer[1];
}

// ---------------------------------------------------------------------------------------------
// Binary probes: one run of differing bytes (same offsets on both sides) inside a known structure

interface Probe {
  finding: Finding;
  /** File offsets accounted for (the same on both sides). */
  cover: Interval;
}

type BinaryProbe = (before: ByteSpan, after: ByteSpan, run: Interval) => Probe | undefined;

/** gzip header MTIME (RFC 1952: bytes 4–7 after 1f 8b 08). */
const probeGzipMtime: BinaryProbe = (before, after, run) => {
  const field: Interval = [4, 8];
  if (!within(run, field)) return undefined;
  for (const view of [before, after]) {
    if (byteAt(view, 0) !== 0x1f || byteAt(view, 1) !== 0x8b || byteAt(view, 2) !== 8) return undefined;
  }
  const a = u32le(before, 4);
  const b = u32le(after, 4);
  if (a === undefined || b === undefined) return undefined;
  const show = (v: number): string => (v === 0 ? '0' : `${v} (${isoOfEpoch(v)})`);
  return {
    finding: { id: 'timestamp', format: 'gzip', evidence: `gzip header MTIME ${show(a)} vs ${show(b)} at offset 0x4` },
    cover: field,
  };
};

function dosDateTime(date: number, time: number): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  const year = 1980 + (date >> 9);
  return `${year}-${pad((date >> 5) & 15)}-${pad(date & 31)} ${pad(time >> 11)}:${pad((time >> 5) & 63)}:${pad((time & 31) * 2)}`;
}

/** DOS time and date of a zip local (PK 03 04, at +10) or central (PK 01 02, at +12) header. */
const probeZipDosTime: BinaryProbe = (before, after, run) => {
  for (let q = run[0] - 10; q >= run[0] - 16 && q >= 0; q--) {
    const sig = u32le(before, q);
    const fieldAt = sig === 0x04034b50 ? 10 : sig === 0x02014b50 ? 12 : -1;
    if (fieldAt < 0 || u32le(after, q) !== sig) continue;
    const field: Interval = [q + fieldAt, q + fieldAt + 4];
    if (!within(run, field)) continue;
    const [ta, da, tb, db] = [u16le(before, field[0]), u16le(before, field[0] + 2), u16le(after, field[0]), u16le(after, field[0] + 2)];
    if (ta === undefined || da === undefined || tb === undefined || db === undefined) continue;
    const header = fieldAt === 10 ? 'local' : 'central directory';
    return {
      finding: {
        id: 'timestamp',
        format: 'zip',
        evidence: `DOS time ${dosDateTime(da, ta)} vs ${dosDateTime(db, tb)} in a zip ${header} header at offset ${hexOffset(field[0])}`,
      },
      cover: field,
    };
  }
  return undefined;
};

function tarOctal(view: ByteSpan, start: number, length: number): number | undefined {
  const bytes = slice(view, start, start + length);
  if (bytes === undefined) return undefined;
  const text = bytes.toString('latin1').replace(/[\0 ]+$/, '').trim();
  return /^[0-7]+$/.test(text) ? Number.parseInt(text, 8) : undefined;
}

function isUstar(view: ByteSpan, block: number): boolean {
  return slice(view, block + 257, block + 262)?.toString('latin1') === 'ustar';
}

/** A ustar header's mtime (octal at +136), and its checksum (+148) when the mtime also differs. */
const probeTarMtime: BinaryProbe = (before, after, run) => {
  const block = Math.floor(run[0] / 512) * 512;
  if (!isUstar(before, block) || !isUstar(after, block)) return undefined;
  const mtime: Interval = [block + 136, block + 148];
  const checksum: Interval = [block + 148, block + 156];
  const a = tarOctal(before, mtime[0], 12);
  const b = tarOctal(after, mtime[0], 12);
  if (a === undefined || b === undefined || a === b) return undefined;
  if (!within(run, mtime) && !within(run, checksum)) return undefined;
  return {
    finding: { id: 'timestamp', format: 'tar', evidence: `tar header mtime ${a} (${isoOfEpoch(a)}) vs ${b} (${isoOfEpoch(b)}) at offset ${hexOffset(mtime[0])}` },
    cover: within(run, mtime) ? mtime : checksum,
  };
};

/** ELF note header just before `desc`: namesz 4, descsz, type, then the 4-byte name. */
function noteDescSize(view: ByteSpan, desc: number, name: number, type: number): number | undefined {
  if (u32le(view, desc - 4) !== name || u32le(view, desc - 16) !== 4 || u32le(view, desc - 8) !== type) return undefined;
  const size = u32le(view, desc - 12);
  return size !== undefined && size >= 8 && size <= 256 ? size : undefined;
}

const NOTES = [
  { name: 0x00554e47, type: 3, label: 'GNU build-id note', format: 'elf' as const }, // "GNU\0", NT_GNU_BUILD_ID
  { name: 0x00006f47, type: 4, label: 'Go build ID note', format: 'go' as const }, // "Go\0\0", ELF_NOTE_GOBUILDID_TAG
];

const probeElfBuildId: BinaryProbe = (before, after, run) => {
  for (let desc = run[0]; desc >= run[0] - 256 && desc >= 16; desc--) {
    for (const note of NOTES) {
      const size = noteDescSize(before, desc, note.name, note.type);
      if (size === undefined || noteDescSize(after, desc, note.name, note.type) !== size) continue;
      const field: Interval = [desc, desc + size];
      if (!within(run, field)) continue;
      const a = slice(before, field[0], field[1]);
      const b = slice(after, field[0], field[1]);
      const show = (bytes: Buffer | undefined): string => (note.format === 'go' && bytes !== undefined ? quote(bytes.toString('latin1'), 40) : hexOf(bytes));
      return {
        finding: { id: 'build-id', format: note.format, evidence: `${note.label} ${show(a)} vs ${show(b)} at offset ${hexOffset(desc)}` },
        cover: field,
      };
    }
  }
  return undefined;
};

/** Mach-O LC_UUID (cmd 0x1b, cmdsize 24) and PE CodeView RSDS GUID + age. */
const probeUuidCommands: BinaryProbe = (before, after, run) => {
  for (let at = run[0]; at >= run[0] - 20 && at >= 8; at--) {
    if (u32le(before, at - 8) === 0x1b && u32le(before, at - 4) === 24 && u32le(after, at - 8) === 0x1b && u32le(after, at - 4) === 24) {
      const field: Interval = [at, at + 16];
      if (within(run, field)) {
        return {
          finding: { id: 'build-id', format: 'macho', evidence: `Mach-O LC_UUID ${hexOf(slice(before, at, at + 16), 16)} vs ${hexOf(slice(after, at, at + 16), 16)} at offset ${hexOffset(at)}` },
          cover: field,
        };
      }
    }
    const rsds = 0x53445352; // "RSDS"
    if (u32le(before, at - 4) === rsds && u32le(after, at - 4) === rsds) {
      const field: Interval = [at, at + 20];
      if (within(run, field)) {
        return {
          finding: { id: 'build-id', format: 'pe', evidence: `PE debug (RSDS) GUID ${hexOf(slice(before, at, at + 16), 16)} vs ${hexOf(slice(after, at, at + 16), 16)} at offset ${hexOffset(at)}` },
          cover: field,
        };
      }
    }
  }
  return undefined;
};

/** PE/COFF TimeDateStamp: 4 bytes at +8 after "PE\0\0", when both values are dates. */
const probePeTimestamp: BinaryProbe = (before, after, run) => {
  for (let pe = run[0] - 8; pe >= run[0] - 11 && pe >= 0; pe--) {
    if (u32le(before, pe) !== 0x00004550 || u32le(after, pe) !== 0x00004550) continue;
    const field: Interval = [pe + 8, pe + 12];
    const a = u32le(before, field[0]);
    const b = u32le(after, field[0]);
    if (!within(run, field) || a === undefined || b === undefined || !plausibleEpoch(a) || !plausibleEpoch(b)) continue;
    return {
      finding: { id: 'timestamp', format: 'pe', evidence: `PE TimeDateStamp ${a} (${isoOfEpoch(a)}) vs ${b} (${isoOfEpoch(b)}) at offset ${hexOffset(field[0])}` },
      cover: field,
    };
  }
  return undefined;
};

/** Zip "UT" extended-timestamp extra field (0x5455): flags, then up to three u32 times. */
const probeZipExtendedTime: BinaryProbe = (before, after, run) => {
  for (let tag = run[0] - 5; tag >= run[0] - 13 && tag >= 0; tag--) {
    if (u16le(before, tag) !== 0x5455 || u16le(after, tag) !== 0x5455) continue;
    const size = u16le(before, tag + 2);
    if (size === undefined || size < 5 || size > 13 || (size - 1) % 4 !== 0 || u16le(after, tag + 2) !== size) continue;
    const field: Interval = [tag + 5, tag + 4 + size];
    if (!within(run, field)) continue;
    const slot = Math.floor((run[0] - field[0]) / 4) * 4 + field[0];
    const a = u32le(before, slot);
    const b = u32le(after, slot);
    if (a === undefined || b === undefined) continue;
    return {
      finding: {
        id: 'timestamp',
        format: 'zip',
        evidence: `zip extended timestamp (UT) ${a} (${isoOfEpoch(a)}) vs ${b} (${isoOfEpoch(b)}) at offset ${hexOffset(slot)}`,
      },
      cover: field,
    };
  }
  return undefined;
};

/** Bare binary epochs must be recent: random words fall in ±30 years far too often (≈ 44 %). */
const RECENT_EPOCH_YEARS = 10;

function recentEpoch(seconds: number, nowSeconds = Date.now() / 1000): boolean {
  return seconds >= nowSeconds - RECENT_EPOCH_YEARS * YEAR && seconds <= nowSeconds + 86_400;
}

/**
 * A 4-aligned little-endian u32 that is a recent time on both sides, the two within a year, the
 * run starting at its low byte, and not four printable bytes (`"22:1"` reads as a 2011 epoch).
 * Each condition removes most random words; real build clocks pass all of them.
 */
const probeEpochU32: BinaryProbe = (before, after, run) => {
  if (run[1] - run[0] > 4 || run[0] % 4 !== 0) return undefined;
  const field: Interval = [run[0], run[0] + 4];
  for (const view of [before, after]) {
    const bytes = slice(view, field[0], field[1]);
    if (bytes === undefined || bytes.every((byte) => isPrintable(byte, true))) return undefined;
  }
  const a = u32le(before, field[0]);
  const b = u32le(after, field[0]);
  if (a === undefined || b === undefined || !recentEpoch(a) || !recentEpoch(b)) return undefined;
  if (a === b || Math.abs(a - b) > BINARY_EPOCH_SPREAD) return undefined;
  return {
    finding: { id: 'timestamp', evidence: `${a} (${isoOfEpoch(a)}) vs ${b} (${isoOfEpoch(b)}) as a little-endian u32 epoch at offset ${hexOffset(field[0])}` },
    cover: field,
  };
};

/** Known headers and notes, most specific first; bare little-endian epochs only after text evidence. */
const STRUCTURE_PROBES: readonly BinaryProbe[] = [probeGzipMtime, probeZipDosTime, probeZipExtendedTime, probeTarMtime, probeElfBuildId, probeUuidCommands, probePeTimestamp];

// ---------------------------------------------------------------------------------------------
// Text evidence: tokens found in the printable text around the stretch on both sides

interface Token {
  kind: string;
  text: string;
  /** File offsets. */
  start: number;
  end: number;
}

interface TextSide {
  text: string;
  /** File offset of `text[0]`. */
  base: number;
  span: Interval;
}

function isPrintable(byte: number, binary: boolean): boolean {
  return (byte >= 0x20 && byte < 0x7f) || byte === 9 || (!binary && byte >= 0x80);
}

/** The printable text around the stretch (its inside may hold NULs); other bytes become NUL. */
function textAround(side: ByteSide, binary: boolean): TextSide | undefined {
  const { view, start, end } = side;
  if (end - start > MAX_TEXT_SPAN) return undefined;
  const lo = view.offset;
  const hi = view.offset + view.bytes.length;
  let ws = Math.max(lo, start);
  while (ws > lo && start - ws < MAX_EXPAND && isPrintable(byteAt(view, ws - 1), binary)) ws--;
  let we = Math.min(hi, end);
  while (we < hi && we - end < MAX_EXPAND && isPrintable(byteAt(view, we), binary)) we++;
  let text = '';
  for (let i = ws; i < we; i++) {
    const byte = byteAt(view, i);
    text += isPrintable(byte, binary) ? String.fromCharCode(byte) : '\0';
  }
  return { text, base: ws, span: [start, end] };
}

function touches(token: Token, span: Interval): boolean {
  if (span[0] === span[1]) return token.start <= span[0] && token.end >= span[0];
  return token.start < span[1] && token.end > span[0];
}

function scan(side: TextSide, kind: string, pattern: RegExp, accept: (m: RegExpExecArray) => boolean = () => true): Token[] {
  const tokens: Token[] = [];
  const re = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
  for (let m = re.exec(side.text); m !== null; m = re.exec(side.text)) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    const token = { kind, text: m[0], start: side.base + m.index, end: side.base + m.index + m[0].length };
    if (touches(token, side.span) && accept(m)) tokens.push(token);
  }
  return tokens;
}

/** Drops tokens inside a longer token (the time inside an ISO 8601 stamp). */
function outermost(tokens: Token[]): Token[] {
  return tokens.filter((t) => !tokens.some((o) => o !== t && o.start <= t.start && o.end >= t.end && o.end - o.start > t.end - t.start));
}

/** Tokens of the same kind, paired in order; only pairs whose texts differ. */
function pairTokens(before: Token[], after: Token[]): [Token, Token][] {
  const pairs: [Token, Token][] = [];
  const used = new Set<Token>();
  for (const b of before) {
    const a = after.find((t) => t.kind === b.kind && !used.has(t));
    if (a === undefined) continue;
    used.add(a);
    if (a.text !== b.text) pairs.push([b, a]);
  }
  return pairs;
}

const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const WEEKDAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';

const DATE_PATTERNS: readonly { kind: string; pattern: RegExp; accept?: (m: RegExpExecArray) => boolean }[] = [
  { kind: 'epoch seconds', pattern: /(?<![0-9.])[0-9]{10}(?![0-9])/, accept: (m) => plausibleEpoch(Number(m[0])) },
  { kind: 'epoch milliseconds', pattern: /(?<![0-9.])[0-9]{13}(?![0-9])/, accept: (m) => plausibleEpoch(Number(m[0]) / 1000) },
  {
    kind: 'ISO 8601',
    pattern: /(?<![0-9])[12][0-9]{3}-[01][0-9]-[0-3][0-9](?:[T ][0-2][0-9]:[0-5][0-9](?::[0-5][0-9](?:[.,][0-9]+)?)?(?:Z|[+-][0-2][0-9]:?[0-5][0-9])?)?/,
  },
  { kind: 'ISO 8601', pattern: /(?<![0-9])[12][0-9]{3}[01][0-9][0-3][0-9]T[0-2][0-9][0-5][0-9][0-5][0-9]Z?/ },
  { kind: '__DATE__', pattern: new RegExp(`${MONTH} [ 0-3][0-9] [12][0-9]{3}`) },
  { kind: '__TIME__', pattern: /(?<![0-9:])[0-2][0-9]:[0-5][0-9]:[0-5][0-9](?![0-9:])/ },
  { kind: 'RFC 2822', pattern: new RegExp(`${WEEKDAY}, [0-3]?[0-9] ${MONTH} [12][0-9]{3} [0-2][0-9]:[0-5][0-9](?::[0-5][0-9])? (?:GMT|UTC|UT|[+-][0-9]{4})`) },
  { kind: 'date(1)', pattern: new RegExp(`${WEEKDAY} ${MONTH} [ 0-3]?[0-9] [0-2][0-9]:[0-5][0-9]:[0-5][0-9](?: [A-Z]{2,5})? [12][0-9]{3}`) },
];

function findDates(side: TextSide): Token[] {
  return outermost(DATE_PATTERNS.flatMap((d) => scan(side, d.kind, d.pattern, d.accept)));
}

interface TextProbeResult {
  findings: Finding[];
  before: Interval[];
  after: Interval[];
}

function showToken(token: Token): string {
  if (token.kind === 'epoch seconds') return `${quote(token.text)} (${isoOfEpoch(Number(token.text))})`;
  if (token.kind === 'epoch milliseconds') return `${quote(token.text)} (${isoOfEpoch(Number(token.text) / 1000)})`;
  return quote(token.text);
}

function probeDates(before: TextSide, after: TextSide, where: string): TextProbeResult | undefined {
  const pairs = pairTokens(findDates(before), findDates(after));
  if (pairs.length === 0) return undefined;
  const shown = pairs.map(([b, a]) => `${showToken(b)} vs ${showToken(a)} (${b.kind})`);
  return {
    findings: [{ id: 'timestamp', evidence: `${shown.join(', ')} at ${where}` }],
    before: pairs.map(([b]) => [b.start, b.end]),
    after: pairs.map(([, a]) => [a.start, a.end]),
  };
}

const POSIX_PATH = /(?<![\w.~@%+=,-])\/(?:[\w.@+~%=,-]+\/)*[\w.@+~%=,-]+\/?/;
const WINDOWS_PATH = /(?<![\w])[A-Za-z]:\\(?:[\w.@+~%=,-]+\\)*[\w.@+~%=,-]+\\?/;

/** Roots where two machines' build trees live; system roots are excluded (a different path there is a toolchain). */
const BUILD_ROOTS = /^(?:\/tmp\/|\/var\/tmp\/|\/private\/(?:var|tmp)\/|\/home\/|\/Users\/|\/root\/|\/build\/|\/builds\/|\/__w\/|\/github\/|\/runner\/|\/workspace|\/work\/|\/src\/|\/mnt\/|\/srv\/|\/data\/|\/opt\/buildagent\/|\/agent\/|[A-Za-z]:\\)/;
const SYSTEM_ROOTS = /^(?:\/usr\/|\/lib|\/bin\/|\/sbin\/|\/etc\/|\/opt\/(?!buildagent)|\/nix\/store\/|\/gnu\/store\/|\/System\/|\/Library\/|\/Applications\/|[A-Za-z]:\\(?:Program Files|Windows))/i;

function segmentsOf(path: string): string[] {
  return path.replace(/[\\/]+$/, '').split(/[\\/]/);
}

function languageOfPath(path: string): FormatKey | undefined {
  if (/\.rs$|\/\.cargo\/|\/rustc\//.test(path)) return 'rust';
  if (/\.go$|\/go\/pkg\/mod\//.test(path)) return 'go';
  if (/\.(?:c|h|cc|cpp|cxx|hpp|hh|S|s|m|mm)$/.test(path)) return 'c';
  if (/\.pyw?$|site-packages/.test(path)) return 'python';
  if (/\.(?:m?js|cjs|ts|tsx|jsx|vue|svelte)$|node_modules/.test(path)) return 'js';
  if (/\.(?:java|kt|scala)$/.test(path)) return 'class';
  return undefined;
}

/** `/home/alice` vs `/home/bob`: a home directory, i.e. the user building. */
const HOME_DIR = /^(?:\/home\/[^/]+|\/Users\/[^/]+|\/root|[A-Za-z]:\\Users\\[^\\]+)\/?$/;

/**
 * Two absolute paths that differ only in a leading directory: the old and new prefixes, when the
 * rest is common, or both whole paths when both sit under a build root (a recorded build directory).
 */
export function prefixDifference(before: string, after: string): { before: string; after: string; rest: string } | undefined {
  if (before === after || SYSTEM_ROOTS.test(before) || SYSTEM_ROOTS.test(after)) return undefined;
  const sa = segmentsOf(before);
  const sb = segmentsOf(after);
  let common = 0;
  while (common < sa.length - 1 && common < sb.length - 1 && sa[sa.length - 1 - common] === sb[sb.length - 1 - common]) common++;
  const sep = before.includes('\\') && !before.includes('/') ? '\\' : '/';
  const prefixA = sa.slice(0, sa.length - common).join(sep);
  const prefixB = sb.slice(0, sb.length - common).join(after.includes('\\') && !after.includes('/') ? '\\' : '/');
  const rest = sa.slice(sa.length - common).join(sep);
  if (common === 0 && !(BUILD_ROOTS.test(`${before}/`) && BUILD_ROOTS.test(`${after}/`))) return undefined;
  if (prefixA.length < 2 || prefixB.length < 2) return undefined;
  return { before: prefixA, after: prefixB, rest };
}

function findPaths(side: TextSide): Token[] {
  return [...scan(side, 'path', POSIX_PATH), ...scan(side, 'path', WINDOWS_PATH)].sort((x, y) => x.start - y.start);
}

function probePaths(before: TextSide, after: TextSide, where: string): TextProbeResult | undefined {
  const pairs = pairTokens(findPaths(before), findPaths(after));
  const result: TextProbeResult = { findings: [], before: [], after: [] };
  for (const [b, a] of pairs) {
    if (HOME_DIR.test(b.text) && HOME_DIR.test(a.text)) {
      result.findings.push({ id: 'env', evidence: `home directory ${quote(b.text)} vs ${quote(a.text)} ($HOME) at ${where}` });
    } else {
      const diff = prefixDifference(b.text, a.text);
      if (diff === undefined) continue;
      const language = languageOfPath(b.text);
      const rest = diff.rest === '' ? '' : ` (common rest ${quote(diff.rest)})`;
      result.findings.push({
        id: 'build-path',
        evidence: `build directory prefix ${quote(diff.before)} vs ${quote(diff.after)}${rest} at ${where}`,
        prefixes: [diff.before, diff.after],
        ...(language === undefined ? {} : { format: language }),
      });
    }
    result.before.push([b.start, b.end]);
    result.after.push([a.start, a.end]);
  }
  return result.findings.length > 0 ? result : undefined;
}

const ENV_PATTERNS: readonly { kind: string; pattern: RegExp }[] = [
  { kind: 'variable', pattern: /\b(?:USER|USERNAME|LOGNAME|HOSTNAME|HOST|COMPUTERNAME|HOME)=[^\s\0"';]+/ },
  // A standalone user@host without a public domain: "alice@buildbox-7", "bob@ci-runner.local"
  {
    kind: 'user@host',
    pattern: /(?<=^|[\0\s"'(=:,])[a-z_][a-z0-9_-]{1,31}@(?=[A-Za-z0-9-]*[A-Za-z])[A-Za-z0-9][A-Za-z0-9-]{2,62}(?:\.(?:local|lan|internal|localdomain|home))?(?=$|[\0\s"'),:;])/,
  },
];

function probeEnv(before: TextSide, after: TextSide, where: string): TextProbeResult | undefined {
  const find = (side: TextSide): Token[] => ENV_PATTERNS.flatMap((p) => scan(side, p.kind, p.pattern));
  const pairs = pairTokens(find(before), find(after));
  if (pairs.length === 0) return undefined;
  return {
    findings: [{ id: 'env', evidence: `${pairs.map(([b, a]) => `${quote(b.text)} vs ${quote(a.text)}`).join(', ')} (user/host of the build) at ${where}` }],
    before: pairs.map(([b]) => [b.start, b.end]),
    after: pairs.map(([, a]) => [a.start, a.end]),
  };
}

const GO_BUILD_ID = /Go build ID: "[^"\0]{8,}"/;

function probeGoBuildIdText(before: TextSide, after: TextSide, where: string): TextProbeResult | undefined {
  const pairs = pairTokens(scan(before, 'go', GO_BUILD_ID), scan(after, 'go', GO_BUILD_ID));
  if (pairs.length === 0) return undefined;
  const [b, a] = pairs[0];
  return {
    findings: [{ id: 'build-id', format: 'go', evidence: `${quote(b.text, 60)} vs ${quote(a.text, 60)} at ${where}` }],
    before: pairs.map(([t]) => [t.start, t.end]),
    after: pairs.map(([, t]) => [t.start, t.end]),
  };
}

/** "1,5" vs "1.5", "1.234,5" vs "1,234.5": the same number in another locale's separators. */
function probeDecimals(before: TextSide, after: TextSide, where: string): TextProbeResult | undefined {
  const number = /(?<![\d.,])\d+(?:[.,\u00a0\u202f']\d+)+(?![\d])/;
  const pairs = pairTokens(scan(before, 'number', number), scan(after, 'number', number)).filter(
    ([b, a]) => b.text.replace(/\D/g, '') === a.text.replace(/\D/g, ''),
  );
  if (pairs.length === 0) return undefined;
  return {
    findings: [{ id: 'locale', evidence: `${pairs.map(([b, a]) => `${quote(b.text)} vs ${quote(a.text)}`).join(', ')} (same digits, other separators) at ${where}` }],
    before: pairs.map(([b]) => [b.start, b.end]),
    after: pairs.map(([, a]) => [a.start, a.end]),
  };
}

const RANDOM_PATTERNS: readonly { kind: string; pattern: RegExp }[] = [
  { kind: 'UUID', pattern: /(?<![0-9a-fA-F-])[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-4[0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}(?![0-9a-fA-F-])/ },
  { kind: 'hex token', pattern: /(?<![0-9a-fA-F])[0-9a-fA-F]{32,}(?![0-9a-fA-F])/ },
];

function probeRandom(before: TextSide, after: TextSide, where: string): TextProbeResult | undefined {
  const find = (side: TextSide): Token[] => RANDOM_PATTERNS.flatMap((p) => scan(side, p.kind, p.pattern));
  const pairs = pairTokens(find(before), find(after)).filter(([b, a]) => b.text.length === a.text.length);
  if (pairs.length === 0) return undefined;
  return {
    findings: [
      {
        id: 'randomness',
        evidence: `${pairs.map(([b, a]) => `${b.kind} ${quote(b.text, 48)} vs ${quote(a.text, 48)}`).join(', ')} (random-looking, equal length, nothing else explains it) at ${where}`,
      },
    ],
    before: pairs.map(([b]) => [b.start, b.end]),
    after: pairs.map(([, a]) => [a.start, a.end]),
  };
}

type TextProbe = (before: TextSide, after: TextSide, where: string) => TextProbeResult | undefined;

/** Randomness comes last and only for bytes nothing else accounts for. */
const TEXT_PROBES: readonly TextProbe[] = [probeGoBuildIdText, probeDates, probePaths, probeEnv, probeDecimals];

// ---------------------------------------------------------------------------------------------
// A site: run every probe, then check every differing byte is accounted for

class Coverage {
  private readonly intervals: Interval[] = [];

  add(interval: Interval): void {
    this.intervals.push(interval);
  }

  has(offset: number): boolean {
    return this.intervals.some(([s, e]) => offset >= s && offset < e);
  }

  spans(interval: Interval): boolean {
    for (let i = interval[0]; i < interval[1]; i++) if (!this.has(i)) return false;
    return true;
  }
}

/** Runs of differing bytes of a same-length site, as file offsets of the before side. */
function differingRuns(site: Site): Interval[] {
  const runs: Interval[] = [];
  const { before, after } = site;
  const length = before.end - before.start;
  let runStart = -1;
  for (let j = 0; j <= length; j++) {
    const differs = j < length && byteAt(before.view, before.start + j) !== byteAt(after.view, after.start + j);
    if (differs && runStart < 0) runStart = j;
    if (!differs && runStart >= 0) {
      runs.push([before.start + runStart, before.start + j]);
      runStart = -1;
    }
  }
  return runs;
}

export function analyzeSite(site: Site): SiteResult {
  // A long stretch is not one token or field: nothing here could prove it.
  if (site.before.end - site.before.start > MAX_TEXT_SPAN || site.after.end - site.after.start > MAX_TEXT_SPAN) {
    return { findings: [], explained: false };
  }
  const findings: Finding[] = [];
  const coverBefore = new Coverage();
  const coverAfter = new Coverage();
  const sameLength = site.before.end - site.before.start === site.after.end - site.after.start;
  const binaryRuns = site.binary && sameLength && site.before.start === site.after.start;
  const runs = sameLength ? differingRuns(site) : [];

  const explained = (): boolean => {
    if (sameLength) {
      const shift = site.after.start - site.before.start;
      return runs.every(([s, e]) => {
        for (let i = s; i < e; i++) if (!coverBefore.has(i) && !coverAfter.has(i + shift)) return false;
        return true;
      });
    }
    // Different lengths: what no finding covers must read the same on both sides.
    const rest = (side: ByteSide, cover: Coverage): string[] => {
      const segments: string[] = [];
      let current = '';
      for (let i = side.start; i < side.end; i++) {
        if (cover.has(i)) {
          if (current !== '') segments.push(current);
          current = '';
        } else current += String.fromCharCode(byteAt(side.view, i) & 0xff);
      }
      if (current !== '') segments.push(current);
      return segments;
    };
    return rest(site.before, coverBefore).join('\0') === rest(site.after, coverAfter).join('\0');
  };
  const probeRuns = (probes: readonly BinaryProbe[]): void => {
    if (!binaryRuns) return;
    for (const run of runs) {
      if (coverBefore.spans(run)) continue;
      for (const probe of probes) {
        const hit = probe(site.before.view, site.after.view, run);
        if (hit === undefined) continue;
        findings.push(hit.finding);
        coverBefore.add(hit.cover);
        coverAfter.add(hit.cover);
        break;
      }
    }
  };
  const apply = (result: TextProbeResult | undefined): void => {
    if (result === undefined) return;
    findings.push(...result.findings);
    result.before.forEach((i) => coverBefore.add(i));
    result.after.forEach((i) => coverAfter.add(i));
  };

  probeRuns(STRUCTURE_PROBES);
  if (explained()) return { findings, explained: true };
  const textBefore = textAround(site.before, site.binary);
  const textAfter = textAround(site.after, site.binary);
  if (textBefore !== undefined && textAfter !== undefined) {
    for (const probe of TEXT_PROBES) apply(probe(textBefore, textAfter, site.where));
    if (explained()) return { findings, explained: true };
  }
  if (site.bareEpochs === true) {
    probeRuns([probeEpochU32]);
    if (explained()) return { findings, explained: true };
  }
  if (textBefore !== undefined && textAfter !== undefined) apply(probeRandom(textBefore, textAfter, site.where));
  return { findings, explained: explained() };
}

/** A site for two text values (a field, a line, a JSON value): the differing middle, found by common prefix and suffix. */
export function textSite(before: string, after: string, where: string): Site {
  const a = Buffer.from(before, 'utf8');
  const b = Buffer.from(after, 'utf8');
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  let suffix = 0;
  while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  return {
    before: { view: { offset: 0, bytes: a }, start: prefix, end: a.length - suffix },
    after: { view: { offset: 0, bytes: b }, start: prefix, end: b.length - suffix },
    where,
    binary: false,
  };
}
