/**
 * Text evidence: tokens (dates, paths, user and host names, numbers, build ids, random tokens)
 * found in the printable text around a differing stretch, paired in order across the two sides.
 */
import type { ByteSide, Finding, FormatKey } from '../evidence.js';
import { byteAt, isoOfEpoch, isPrintable, MAX_EXPAND, MAX_TEXT_SPAN, plausibleEpoch, quote, type Interval } from './helpers.js';


export interface Token {
  kind: string;
  text: string;
  /** File offsets. */
  start: number;
  end: number;
}

export interface TextSide {
  text: string;
  /** File offset of `text[0]`. */
  base: number;
  span: Interval;
}

/** The printable text around the stretch (its inside may hold NULs); other bytes become NUL. */
export function textAround(side: ByteSide, binary: boolean): TextSide | undefined {
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

export interface TextProbeResult {
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

/**
 * A UTC offset as `date +%z`, ISO 8601 or a zone name print it: "+1200", "-14:00", "GMT+12". Hours
 * up to 14 and minutes 00/15/30/45, standalone, so a signed count ("+1200 bytes") rarely passes;
 * only tokens touching the differing bytes count, as for every probe.
 */
const UTC_OFFSET = /(?<![\w+.-])(?:(?:GMT|UTC|UT)[+-](?:1[0-4]|0?[0-9])(?::?(?:00|15|30|45))?|[+-](?:1[0-4]|0[0-9]):?(?:00|15|30|45))(?![\w:])/;

/** The same output in another time zone: the offset differs and nothing else about the time does. */
function probeTimezone(before: TextSide, after: TextSide, where: string): TextProbeResult | undefined {
  const pairs = pairTokens(scan(before, 'offset', UTC_OFFSET), scan(after, 'offset', UTC_OFFSET));
  if (pairs.length === 0) return undefined;
  return {
    findings: [
      {
        id: 'timestamp',
        evidence: `UTC offset ${pairs.map(([b, a]) => `${quote(b.text)} vs ${quote(a.text)}`).join(', ')} (the time zone of the build) at ${where}`,
        hint: "build with TZ=UTC (or print times with date -u / gmtime): local times and offsets follow the builder's time zone",
      },
    ],
    before: pairs.map(([b]) => [b.start, b.end]),
    after: pairs.map(([, a]) => [a.start, a.end]),
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

export function probeRandom(before: TextSide, after: TextSide, where: string): TextProbeResult | undefined {
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

export type TextProbe = (before: TextSide, after: TextSide, where: string) => TextProbeResult | undefined;

/** Randomness comes last and only for bytes nothing else accounts for. */
export const TEXT_PROBES: readonly TextProbe[] = [probeGoBuildIdText, probeDates, probeTimezone, probePaths, probeEnv, probeDecimals];
