/**
 * The `path` input's glob language, compiled to linear-time matchers.
 *
 * Patterns are relative to the capture root and matched against POSIX paths with no leading `./`.
 * `*` is any run of characters except `/`, `?` one character except `/`, `**` as a whole segment
 * zero or more segments, `[abc]` `[a-z]` `[!a]` a character class, `{a,b}` alternation (may nest,
 * may hold `/`), `\` escapes the next character. A leading `!` excludes; excludes always win.
 * A pattern that matches a directory takes everything below it (`dist` ≡ `dist/**`); a trailing
 * `/` restricts the pattern to directories. Patterns are not searched at every depth as in
 * .gitignore: `*.log` names top-level logs only; write `**\/*.log` for all of them.
 *
 * Dot files are matched by `*`, `?`, `[...]` and `**` like any other name: a reproducibility tool
 * must capture everything it was asked for, and silently skipping `.env.production` or `.next/`
 * would make snapshots look complete when they are not. Exclude them explicitly (`!**\/.env`).
 * The one exception is made by capture, not here: `.git` is never captured (its config can hold
 * a token), and the action leaves hidden files out unless `include-hidden-files` is true.
 */
import { OperationError } from '../errors.js';

/** Decides which walked paths a snapshot captures. Paths are POSIX, relative to the root. */
export interface PathMatcher {
  /** Whether the file or symlink at `path` is captured. */
  matches(path: string): boolean;
  /** Whether the directory at `dirPath` is itself captured (recorded even when empty). */
  matchesDir(dirPath: string): boolean;
  /**
   * False only when nothing at or below `dirPath` can be captured, so the walk may skip it.
   * Conservative: true whenever a pattern could still match something inside.
   */
  mayContain(dirPath: string): boolean;
}

/** Splits a multi-line input into patterns: one a line, trimmed, without blanks and `#` comments. */
export function parsePatternList(text: string): string[] {
  const patterns: string[] = [];
  for (const line of text.split('\n')) {
    const pattern = line.trim();
    if (pattern !== '' && !pattern.startsWith('#')) patterns.push(pattern);
  }
  return patterns;
}

/** Compiles include and `!exclude` patterns into one matcher; no includes means everything. */
export function compileGlobs(patterns: readonly string[]): PathMatcher {
  const includes: CompiledPattern[] = [];
  const excludes: CompiledPattern[] = [];
  for (const pattern of patterns) {
    const compiled = compilePattern(pattern);
    (compiled.exclude ? excludes : includes).push(compiled);
  }
  const includeAll = includes.length === 0;

  const fileHit = (p: CompiledPattern, path: string): boolean => (p.dirOnly ? dirHit(p, parentOf(path)) : dirHit(p, path));
  const excludedDir = (dirPath: string): boolean => excludes.some((p) => dirHit(p, dirPath));

  return {
    matches(path) {
      if (!includeAll && !includes.some((p) => fileHit(p, path))) return false;
      return !excludes.some((p) => fileHit(p, path));
    },
    matchesDir(dirPath) {
      if (!includeAll && !includes.some((p) => dirHit(p, dirPath))) return false;
      return !excludedDir(dirPath);
    },
    mayContain(dirPath) {
      // An exclude that matches a directory matches everything below it too.
      if (excludedDir(dirPath)) return false;
      return includeAll || dirPath === '' || includes.some((p) => p.prefix === null || p.prefix.test(dirPath));
    },
  };
}

/** Whether `p` matches the directory `dirPath` or one above it; `''` is the root. */
function dirHit(p: CompiledPattern, dirPath: string): boolean {
  // Tested apart because a segment of stars matches the empty string, and the root is no segment.
  return dirPath === '' ? p.matchesRoot : p.regex.test(dirPath);
}

interface CompiledPattern {
  exclude: boolean;
  /** Written with a trailing `/`: files match only below a matching directory. */
  dirOnly: boolean;
  /** Matches a path iff the pattern matches it or one of its ancestors (the pattern plus `/**`). */
  regex: RegExp;
  /** Matches a directory that a match could lie below; null when that is every directory. */
  prefix: RegExp | null;
  /** Matches the root itself, hence everything (`**`, `.`). */
  matchesRoot: boolean;
}

/** The expansions of one pattern's braces may not exceed this, so a pattern stays cheap to match. */
const MAX_ALTERNATIVES = 1024;

function compilePattern(source: string): CompiledPattern {
  const exclude = source.startsWith('!');
  const body = exclude ? source.slice(1) : source;
  if (body === '') {
    throw usage(source, exclude ? 'nothing follows the "!"' : 'the pattern is empty');
  }
  if (/^[A-Za-z]:[\\/]/.test(body)) throw usage(source, 'absolute paths are not allowed; write it relative to the root');

  const tree = parseBraces(tokenize(source, body), source);
  let dirOnly = false;
  while (tree.length > 0 && tree[tree.length - 1] === SLASH) {
    tree.pop();
    dirOnly = true;
  }

  const alternatives: Segment[][] = [];
  for (const tokens of expand(tree, source)) {
    alternatives.push(toSegments(tokens, source));
  }

  const names = { next: 0 };
  const matchSources = alternatives.map((segments) => matchSource(segments, names));
  const regex = new RegExp(`^(?:${matchSources.join('|')})$`, 'su');

  const prefixSources: string[] = [];
  let everyDirectory = false;
  for (const segments of alternatives) {
    const head: SegmentToken[][] = [];
    for (const s of segments) {
      if (s === GLOBSTAR) break;
      head.push(s);
    }
    if (head.length === 0) everyDirectory = true;
    else prefixSources.push(prefixSource(head, names));
  }
  const prefix = everyDirectory ? null : new RegExp(`^(?:${prefixSources.join('|')})$`, 'su');

  // Every alternative ends with `**`, so a lone one is `**` itself.
  const matchesRoot = alternatives.some((segments) => segments.length === 1);
  return { exclude, dirOnly, regex, prefix, matchesRoot };
}

function usage(pattern: string, why: string): OperationError {
  return new OperationError('E_USAGE', `invalid path pattern ${JSON.stringify(pattern)}: ${why}`);
}

function parentOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash < 0 ? '' : path.slice(0, slash);
}

// ---- tokens ----

/** One character position of a pattern: a literal, a wildcard, a class, or brace punctuation. */
type Token =
  | { kind: 'char'; char: string }
  | { kind: 'star' }
  | { kind: 'any' }
  | { kind: 'class'; regex: string }
  | { kind: 'slash' }
  | { kind: 'open' }
  | { kind: 'comma' }
  | { kind: 'close' };

const STAR: Token = { kind: 'star' };
const ANY: Token = { kind: 'any' };
const SLASH: Token = { kind: 'slash' };
const OPEN: Token = { kind: 'open' };
const COMMA: Token = { kind: 'comma' };
const CLOSE: Token = { kind: 'close' };

function tokenize(source: string, body: string): Token[] {
  const chars = Array.from(body);
  const tokens: Token[] = [];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i];
    switch (c) {
      case '\\':
        if (i + 1 >= chars.length) throw usage(source, 'it ends with a lone "\\"; write "\\\\" for a backslash');
        i++;
        tokens.push(chars[i] === '/' ? SLASH : { kind: 'char', char: chars[i] });
        break;
      case '*':
        tokens.push(STAR);
        break;
      case '?':
        tokens.push(ANY);
        break;
      case '/':
        tokens.push(SLASH);
        break;
      case '{':
        tokens.push(OPEN);
        break;
      case ',':
        tokens.push(COMMA);
        break;
      case '}':
        tokens.push(CLOSE);
        break;
      case '[': {
        const { regex, end } = parseClass(chars, i, source);
        tokens.push({ kind: 'class', regex });
        i = end;
        break;
      }
      default:
        tokens.push({ kind: 'char', char: c });
    }
  }
  return tokens;
}

/** Parses the class opening at `chars[start]`; returns its regex and the index of its `]`. */
function parseClass(chars: readonly string[], start: number, source: string): { regex: string; end: number } {
  let i = start + 1;
  const negated = chars[i] === '!' || chars[i] === '^';
  if (negated) i++;
  const items: string[] = [];
  let first = true;
  while (i < chars.length && (chars[i] !== ']' || first)) {
    first = false;
    let low = chars[i];
    if (low === '\\') {
      i++;
      if (i >= chars.length) break;
      low = chars[i];
    }
    i++;
    if (chars[i] === '-' && i + 1 < chars.length && chars[i + 1] !== ']') {
      let high = chars[i + 1];
      i += 2;
      if (high === '\\') {
        if (i >= chars.length) break;
        high = chars[i];
        i++;
      }
      if ((low.codePointAt(0) ?? 0) > (high.codePointAt(0) ?? 0)) {
        throw usage(source, `the range "${low}-${high}" in a [...] class runs backwards`);
      }
      items.push(`${codePointEscape(low)}-${codePointEscape(high)}`);
    } else {
      items.push(codePointEscape(low));
    }
  }
  if (i >= chars.length) throw usage(source, 'a "[" is never closed; write "\\[" for a literal bracket');
  // A class never matches the separator, whatever its range says.
  const regex = negated ? `[^/${items.join('')}]` : `(?!/)[${items.join('')}]`;
  return { regex, end: i };
}

function codePointEscape(char: string): string {
  return `\\u{${(char.codePointAt(0) ?? 0).toString(16)}}`;
}

// ---- braces ----

/** A pattern with its braces parsed: plain tokens and alternations of sub-sequences. */
type Node = Token | { kind: 'alt'; options: Node[][] };

function parseBraces(tokens: readonly Token[], source: string): Node[] {
  let pos = 0;
  const sequence = (nested: boolean): Node[] => {
    const out: Node[] = [];
    while (pos < tokens.length) {
      const t = tokens[pos];
      if (t.kind === 'close' || (t.kind === 'comma' && nested)) return out;
      pos++;
      if (t.kind === 'open') {
        const options: Node[][] = [sequence(true)];
        while (pos < tokens.length && tokens[pos].kind === 'comma') {
          pos++;
          options.push(sequence(true));
        }
        if (pos >= tokens.length) throw usage(source, 'a "{" is never closed; write "\\{" for a literal brace');
        pos++;
        out.push({ kind: 'alt', options });
      } else if (t.kind === 'comma') {
        out.push({ kind: 'char', char: ',' });
      } else {
        out.push(t);
      }
    }
    return out;
  };
  const tree = sequence(false);
  if (pos < tokens.length) throw usage(source, 'a "}" has no matching "{"; write "\\}" for a literal brace');
  return tree;
}

/** Every brace-free token sequence the tree stands for. */
function expand(nodes: readonly Node[], source: string): Token[][] {
  let results: Token[][] = [[]];
  for (const node of nodes) {
    if (node.kind !== 'alt') {
      for (const r of results) r.push(node);
      continue;
    }
    const choices = node.options.flatMap((option) => expand(option, source));
    if (results.length * choices.length > MAX_ALTERNATIVES) {
      throw usage(source, `its {...} alternations expand to more than ${MAX_ALTERNATIVES} patterns; split it up`);
    }
    const next: Token[][] = [];
    for (const r of results) for (const c of choices) next.push([...r, ...c]);
    results = next;
  }
  return results;
}

// ---- segments ----

type SegmentToken = Exclude<Token, { kind: 'slash' | 'open' | 'comma' | 'close' }>;
type Segment = SegmentToken[] | typeof GLOBSTAR;

/** A whole-segment `**`: zero or more path segments. */
const GLOBSTAR = 'globstar';

/** Splits a brace-free sequence at `/`, drops `.` and empty segments, and appends the implicit `/**`. */
function toSegments(tokens: readonly Token[], source: string): Segment[] {
  if (tokens[0]?.kind === 'slash') throw usage(source, 'absolute paths are not allowed; write it relative to the root');
  const segments: Segment[] = [];
  let current: SegmentToken[] = [];
  const finish = (): void => {
    const literal = current.every((t) => t.kind === 'char') ? current.map((t) => (t.kind === 'char' ? t.char : '')).join('') : null;
    if (literal === '..') throw usage(source, 'a ".." segment would leave the root');
    if (current.length === 0 || literal === '.') {
      // `a//b` and `./a` name the same paths as `a/b` and `a`.
    } else if (current.length === 2 && current[0].kind === 'star' && current[1].kind === 'star') {
      if (segments[segments.length - 1] !== GLOBSTAR) segments.push(GLOBSTAR);
    } else {
      // `a**b` is `a*b`: only a whole segment `**` crosses separators.
      segments.push(current.filter((t, i) => !(t.kind === 'star' && current[i - 1]?.kind === 'star')));
    }
    current = [];
  };
  for (const t of tokens) {
    if (t.kind === 'slash') finish();
    else if (t.kind === 'char' || t.kind === 'star' || t.kind === 'any' || t.kind === 'class') current.push(t);
  }
  finish();
  if (segments[segments.length - 1] !== GLOBSTAR) segments.push(GLOBSTAR);
  return segments;
}

// ---- regex generation ----
//
// Backtracking regexes for globs blow up (`*a*a*a*b`, `**/x/**/x/**/y`), so every choice point that
// could multiply is made atomic with the `(?=(?<g>…))\k<g>` idiom: the lookahead finds the
// leftmost placement, and the backreference consumes exactly that, never retrying another one.
// Leftmost placement is always right here because what follows a `*` chunk (fixed length) or a
// `**` group (fixed segment count) only needs room to its right. That keeps matching linear in
// the path length for a fixed pattern.

interface Names {
  next: number;
}

function atomic(inner: string, names: Names): string {
  const name = `g${names.next++}`;
  return `(?=(?<${name}>${inner}))\\k<${name}>`;
}

function tokenSource(t: SegmentToken): string {
  switch (t.kind) {
    case 'char':
      return t.char.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
    case 'any':
      return '[^/]';
    case 'class':
      return t.regex;
    case 'star':
      return '[^/]*';
  }
}

/** A regex for one segment; callers anchor its end at a `/` or the end of the path. */
function segmentSource(segment: readonly SegmentToken[], names: Names): string {
  const chunks: string[] = [''];
  for (const t of segment) {
    if (t.kind === 'star') chunks.push('');
    else chunks[chunks.length - 1] += tokenSource(t);
  }
  if (chunks.length === 1) return chunks[0];
  let out = chunks[0];
  for (let i = 1; i < chunks.length - 1; i++) out += atomic(`[^/]*?${chunks[i]}`, names);
  // Only the last `*` backtracks, and only within this segment.
  return `${out}[^/]*${chunks[chunks.length - 1]}`;
}

function groupSource(group: readonly (readonly SegmentToken[])[], names: Names): string {
  return group.map((segment) => segmentSource(segment, names)).join('/');
}

/** A regex for a pattern (which always ends with `**`) over a whole path. */
function matchSource(segments: readonly Segment[], names: Names): string {
  const groups: SegmentToken[][][] = [[]];
  for (const s of segments) {
    if (s === GLOBSTAR) groups.push([]);
    else groups[groups.length - 1].push(s);
  }
  // groups: head, then one group after each `**`; the last (after the final `**`) is empty.
  const [head, ...middles] = groups;
  middles.pop();
  if (head.length === 0 && middles.length === 0) return '.*';
  let out = groupSource(head, names);
  let atStart = head.length === 0;
  for (const group of middles) {
    const skip = atStart ? '(?:[^/]*/)*?' : '(?:/[^/]*)*?/';
    out += atomic(`${skip}${groupSource(group, names)}(?![^/])`, names);
    atStart = false;
  }
  return `${out}(?:/.*)?`;
}

/** A regex for directories a match could lie at or below: prefixes of `head`, or anything under all of it. */
function prefixSource(head: readonly (readonly SegmentToken[])[], names: Names): string {
  let out = '(?:/.*)?';
  for (let i = head.length - 1; i >= 0; i--) {
    out = segmentSource(head[i], names) + out;
    if (i > 0) out = `(?:/${out})?`;
  }
  return out;
}
