/**
 * The smallest JSON container that holds every differing byte of two large documents, found on the
 * raw UTF-8 bytes, so only that container is decoded and parsed. Two builds' 17 MB stats.json
 * differ in a few values; parsing both whole cost most of the diff's second. Everything outside
 * the container is byte-identical, hence equal after parsing, so the lockstep walk of the two
 * containers reports exactly what the walk of the whole documents would.
 *
 * The scanner validates the grammar of every byte (prefix, both containers, suffix) and answers
 * null whenever it is unsure — invalid JSON, nesting near the walk's limit, a duplicate key on the
 * path, a container that is most of the document — and the caller parses the whole documents.
 */
import { isUtf8 } from 'node:buffer';
import { BACKSLASH, isSpace, QUOTE } from '../../snapshot/bounded-json.js';
import { escapePointer } from './json-values.js';

/** The container chosen, per side its byte range, and the way to it from the root. */
export interface JsonRegion {
  /** Pointer segments (escaped) from the root to the container. */
  segments: string[];
  /** Per ancestor (root first): true for an array, false for an object. */
  arrays: boolean[];
  a: { start: number; end: number };
  b: { start: number; end: number };
}

const OBJECT = 1;
const ARRAY = 2;

// What the grammar allows next.
const VALUE = 0;
const VALUE_OR_CLOSE = 1;
const KEY_OR_CLOSE = 2;
const KEY = 3;
const COLON = 4;
const COMMA_OR_CLOSE = 5;
const END = 6;

// Why a run stopped.
const STOPPED = 0;
const CLOSED = 1;
const FINISHED = 2;
const INVALID = 3;

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

function isHex(c: number): boolean {
  return isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

/** End (after the closing quote) of the string whose opening quote is at `at`, or -1 when invalid. */
function stringEnd(buf: Buffer, at: number): number {
  const len = buf.length;
  let i = at + 1;
  while (i < len) {
    const c = buf[i] as number;
    if (c === QUOTE) return i + 1;
    if (c < 0x20) return -1;
    if (c === BACKSLASH) {
      const e = buf[i + 1];
      if (e === 0x75) {
        // \uXXXX; lone surrogates are valid JSON and JSON.parse keeps them.
        for (let k = 2; k < 6; k++) if (!isHex(buf[i + k] ?? 0)) return -1;
        i += 6;
        continue;
      }
      if (e === QUOTE || e === BACKSLASH || e === 0x2f || e === 0x62 || e === 0x66 || e === 0x6e || e === 0x72 || e === 0x74) {
        i += 2;
        continue;
      }
      return -1;
    }
    i++;
  }
  return -1;
}

/** End of the number starting at `at` (RFC 8259 grammar), or -1 when invalid. */
function numberEnd(buf: Buffer, at: number): number {
  let i = at;
  if (buf[i] === 0x2d) i++;
  const first = buf[i] ?? 0;
  if (first === 0x30) i++;
  else if (first >= 0x31 && first <= 0x39) while (isDigit(buf[i] ?? 0)) i++;
  else return -1;
  if (buf[i] === 0x2e) {
    i++;
    if (!isDigit(buf[i] ?? 0)) return -1;
    while (isDigit(buf[i] ?? 0)) i++;
  }
  if (buf[i] === 0x65 || buf[i] === 0x45) {
    i++;
    if (buf[i] === 0x2b || buf[i] === 0x2d) i++;
    if (!isDigit(buf[i] ?? 0)) return -1;
    while (isDigit(buf[i] ?? 0)) i++;
  }
  return i;
}

const LITERALS: Record<number, Buffer> = { 0x74: Buffer.from('true'), 0x66: Buffer.from('false'), 0x6e: Buffer.from('null') };

function literalEnd(buf: Buffer, at: number): number {
  const word = LITERALS[buf[at] as number];
  if (word === undefined || at + word.length > buf.length) return -1;
  return buf.compare(word, 0, word.length, at, at + word.length) === 0 ? at + word.length : -1;
}

/** End of the primitive value at `at`, or -1 when there is none. */
function primitiveEnd(buf: Buffer, c: number, at: number): number {
  if (c === QUOTE) return stringEnd(buf, at);
  if (c === 0x2d || isDigit(c)) return numberEnd(buf, at);
  return literalEnd(buf, at);
}

/**
 * A resumable validating scanner: a stack of open containers and what may come next. Builds no
 * values. In prefix mode it also keeps, per open object, the byte ranges of its keys so far (the
 * current one last) and, per open array, the current element's index.
 */
class Scanner {
  readonly buf: Buffer;
  pos: number;
  expect = VALUE;
  depth = 0;
  /** Open containers beneath this scanner's stack (its depth counts from there). */
  readonly base: number;
  readonly maxDepth: number;
  readonly kinds: number[] = [];
  readonly starts: number[] = [];
  readonly indexes: number[] = [];
  /** Per open object, where its keys begin in `keyLog`. */
  readonly keyBases: number[] = [];
  /** Start and end of each key of the open objects, innermost last. */
  readonly keyLog: number[] = [];
  recordKeys = false;
  /** The lowest depth reached: frames below it are still the ones the scan started inside. */
  lowest = 0;
  /** Called for each key read at a depth `<= watchDepth` (suffix mode). */
  watchDepth = -1;
  onKey: (frame: number, start: number, end: number) => boolean = () => true;

  constructor(buf: Buffer, pos: number, base: number, maxDepth: number) {
    this.buf = buf;
    this.pos = pos;
    this.base = base;
    this.maxDepth = maxDepth;
  }

  /** Resumes inside an open container, just after one of its values. */
  enter(kind: number): void {
    this.kinds[this.depth] = kind;
    this.depth++;
    this.expect = COMMA_OR_CLOSE;
  }

  private open(kind: number, at: number): boolean {
    if (this.base + this.depth + 1 >= this.maxDepth) return false;
    const d = this.depth;
    this.kinds[d] = kind;
    this.starts[d] = at;
    this.indexes[d] = 0;
    if (this.recordKeys) this.keyBases[d] = this.keyLog.length;
    this.depth = d + 1;
    this.expect = kind === OBJECT ? KEY_OR_CLOSE : VALUE_OR_CLOSE;
    return true;
  }

  private close(): void {
    const d = --this.depth;
    if (d < this.lowest) this.lowest = d;
    if (this.recordKeys && this.kinds[d] === OBJECT) this.keyLog.length = this.keyBases[d] as number;
    this.expect = d === 0 ? (this.base === 0 ? END : COMMA_OR_CLOSE) : COMMA_OR_CLOSE;
  }

  /**
   * Scans until the next token at or past `stopAt` (or one reaching it), until the depth falls to
   * `floor` (a container closed), or to the end of the buffer.
   */
  run(stopAt: number, floor: number): number {
    const buf = this.buf;
    const len = buf.length;
    for (;;) {
      let at = this.pos;
      while (at < len && isSpace(buf[at] as number)) at++;
      this.pos = at;
      if (at >= len) return this.expect === END ? FINISHED : INVALID;
      if (at >= stopAt) return STOPPED;
      const c = buf[at] as number;
      switch (this.expect) {
        case VALUE:
        case VALUE_OR_CLOSE:
          if (c === 0x7b || c === 0x5b) {
            if (!this.open(c === 0x7b ? OBJECT : ARRAY, at)) return INVALID;
            this.pos = at + 1;
            continue;
          }
          if (c === 0x5d && this.expect === VALUE_OR_CLOSE) break;
          {
            const end = primitiveEnd(buf, c, at);
            if (end < 0) return INVALID;
            if (end >= stopAt) return STOPPED;
            this.pos = end;
            this.expect = this.depth === 0 && this.base === 0 ? END : COMMA_OR_CLOSE;
          }
          continue;
        case KEY_OR_CLOSE:
        case KEY:
          if (c === 0x7d && this.expect === KEY_OR_CLOSE) break;
          if (c !== QUOTE) return INVALID;
          {
            const end = stringEnd(buf, at);
            if (end < 0) return INVALID;
            if (end >= stopAt) return STOPPED;
            if (this.recordKeys) this.keyLog.push(at, end);
            if (this.depth <= this.watchDepth && !this.onKey(this.depth - 1, at, end)) return INVALID;
            this.pos = end;
            this.expect = COLON;
          }
          continue;
        case COLON:
          if (c !== 0x3a) return INVALID;
          this.pos = at + 1;
          this.expect = VALUE;
          continue;
        case COMMA_OR_CLOSE:
          if (c === 0x2c) {
            const kind = this.kinds[this.depth - 1];
            if (kind === ARRAY) this.indexes[this.depth - 1] = (this.indexes[this.depth - 1] as number) + 1;
            this.pos = at + 1;
            this.expect = kind === OBJECT ? KEY : VALUE;
            continue;
          }
          break;
        default:
          return INVALID;
      }
      // A closing bracket where one may stand.
      const kind = this.kinds[this.depth - 1];
      if (!((c === 0x7d && kind === OBJECT) || (c === 0x5d && kind === ARRAY))) return INVALID;
      this.close();
      this.pos = at + 1;
      if (this.depth === floor) return CLOSED;
    }
  }
}

/** Length of the common prefix of `a` and `b`, by halving with native compares. */
function commonPrefix(a: Buffer, b: Buffer): number {
  let lo = 0;
  let hi = Math.min(a.length, b.length);
  while (lo < hi) {
    const mid = lo + Math.ceil((hi - lo) / 2);
    if (a.compare(b, lo, mid, lo, mid) === 0) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Length of the common suffix, at most `limit`. */
function commonSuffix(a: Buffer, b: Buffer, limit: number): number {
  let lo = 0;
  let hi = limit;
  while (lo < hi) {
    const mid = lo + Math.ceil((hi - lo) / 2);
    if (a.compare(b, b.length - mid, b.length - lo, a.length - mid, a.length - lo) === 0) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Whether the side is one the whole-document path would decode as plain UTF-8 (BOM or not). A NUL
 * byte needs no search of its own: the scanner reads every byte and refuses one anywhere.
 */
function plainUtf8(buf: Buffer): boolean {
  const b0 = buf[0];
  const b1 = buf[1];
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) return false;
  return isUtf8(buf);
}

function hasBom(buf: Buffer): boolean {
  return buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
}

function keyText(buf: Buffer, start: number, end: number): string {
  return JSON.parse(buf.toString('utf8', start, end)) as string;
}

function sameKey(buf: Buffer, s1: number, e1: number, s2: number, e2: number): boolean {
  if (buf.compare(buf, s1, e1, s2, e2) === 0) return true;
  // "a" and "\u0061" are one key: only escaped keys need decoding.
  const escaped = buf.indexOf(BACKSLASH, s1) < e1 || buf.indexOf(BACKSLASH, s2) < e2;
  return escaped && keyText(buf, s1, e1) === keyText(buf, s2, e2);
}

export interface RegionOptions {
  /** The walk's depth limit: documents nested this deep take the whole-document path. */
  maxDepth: number;
  /** Largest share of the larger document the container may be (else parsing it all is as cheap). */
  maxShare: number;
}

/**
 * The region, or null when the whole documents should be parsed instead. `accept` is asked about
 * each candidate container (innermost first) once its byte ranges are known; false widens it to
 * the enclosing container (the caller uses it for arrays matched by item key).
 */
export function findJsonRegion(a: Buffer, b: Buffer, options: RegionOptions, accept: (region: JsonRegion) => boolean): JsonRegion | null {
  if (!plainUtf8(a) || !plainUtf8(b)) return null;
  const start = hasBom(a) ? 3 : 0;
  if (hasBom(b) !== (start === 3)) return null;
  const p = commonPrefix(a, b);
  const s = commonSuffix(a, b, Math.min(a.length, b.length) - p);
  const largest = Math.max(a.length, b.length);
  // The container holds every differing byte: changes far apart need no scan to be sent whole.
  if (Math.max(a.length, b.length) - s - p > largest * options.maxShare) return null;

  const prefix = new Scanner(a, start, 0, options.maxDepth);
  prefix.recordKeys = true;
  if (prefix.run(p, -1) !== STOPPED) return null;
  let level = prefix.depth - 1;
  if (level < 1) return null;

  // Each side's end of the candidate container; widened a level at a time by resuming the scan.
  // A container past the share is not scanned to its end: the whole documents are parsed anyway.
  const limit = (d: number): number => (prefix.starts[d] as number) + largest * options.maxShare;
  const sideA = new Scanner(a, prefix.starts[level] as number, level, options.maxDepth);
  const sideB = new Scanner(b, prefix.starts[level] as number, level, options.maxDepth);
  if (sideA.run(limit(level), 0) !== CLOSED || sideB.run(limit(level), 0) !== CLOSED) return null;
  for (;;) {
    const endA = sideA.pos;
    const endB = sideB.pos;
    const begin = prefix.starts[level] as number;
    if (endA >= a.length - s && endB >= b.length - s && a.length - endA === b.length - endB) {
      const region = regionAt(prefix, level, begin, endA, endB);
      if (accept(region)) return checkRest(prefix, level, region, options) ? region : null;
    }
    level--;
    if (level < 1) return null;
    const kind = prefix.kinds[level] as number;
    for (const side of [sideA, sideB]) {
      side.enter(kind);
      if (side.run(limit(level), 0) !== CLOSED) return null;
    }
  }
}

function regionAt(prefix: Scanner, level: number, begin: number, endA: number, endB: number): JsonRegion {
  const segments: string[] = [];
  const arrays: boolean[] = [];
  for (let d = 0; d < level; d++) {
    const isArray = prefix.kinds[d] === ARRAY;
    arrays.push(isArray);
    if (isArray) {
      segments.push(String(prefix.indexes[d]));
      continue;
    }
    const last = (prefix.keyBases[d + 1] as number) - 2;
    segments.push(escapePointer(keyText(prefix.buf, prefix.keyLog[last] as number, prefix.keyLog[last + 1] as number)));
  }
  return { segments, arrays, a: { start: begin, end: endA }, b: { start: begin, end: endB } };
}

/**
 * The ancestors hold no second copy of a key on the path (JSON.parse keeps the last, which may be
 * outside the region), and the suffix is valid JSON that closes them.
 */
function checkRest(prefix: Scanner, level: number, region: JsonRegion, options: RegionOptions): boolean {
  const buf = prefix.buf;
  const { keyLog, keyBases } = prefix;
  const pathKey = (d: number): [number, number] => {
    const last = (keyBases[d + 1] as number) - 2;
    return [keyLog[last] as number, keyLog[last + 1] as number];
  };
  for (let d = 0; d < level; d++) {
    if (prefix.kinds[d] !== OBJECT) continue;
    const [ks, ke] = pathKey(d);
    const end = (keyBases[d + 1] as number) - 2;
    for (let k = keyBases[d] as number; k < end; k += 2) {
      if (sameKey(buf, ks, ke, keyLog[k] as number, keyLog[k + 1] as number)) return false;
    }
  }
  // The suffix, scanned once on the old side: the new side's is the same bytes after the same stack.
  const suffix = new Scanner(buf, region.a.end, 0, options.maxDepth);
  for (let d = 0; d < level; d++) suffix.enter(prefix.kinds[d] as number);
  suffix.lowest = level;
  suffix.watchDepth = level;
  suffix.onKey = (frame, start, end) => {
    if (frame >= suffix.lowest || prefix.kinds[frame] !== OBJECT) return true;
    const [ks, ke] = pathKey(frame);
    return !sameKey(buf, ks, ke, start, end);
  };
  return suffix.run(Infinity, -1) === FINISHED;
}
