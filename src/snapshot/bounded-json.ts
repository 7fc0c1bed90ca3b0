/**
 * Bounds-checks untrusted JSON text in one pass over its bytes before anything is parsed: nesting
 * depth, members per container, values in total and the length of each string. `JSON.parse` on a
 * few KiB can otherwise build a 536 MB array of zeros, recurse 1e8 levels or create millions of
 * keys (issue #8, item 5). The scan allocates nothing but a stack of `maxDepth` counters.
 */
import { isUtf8 } from 'node:buffer';
import { SnapshotFormatError } from '../errors.js';

export interface JsonBounds {
  /** Deepest nesting of arrays and objects (the top-level value is depth 1). */
  maxDepth: number;
  /** Elements of one array or members of one object, below the top level. */
  maxMembers: number;
  /** Elements or members of the top-level container. */
  maxTopMembers: number;
  /** Array elements plus object members, summed over the whole text. */
  maxValues: number;
  /** Bytes of one string as written, quotes and escapes included. */
  maxStringBytes: number;
}

export interface JsonScan {
  /**
   * When the top-level value is an array: for element i, its text is [starts[i], ends[i]) (may
   * include surrounding whitespace). Lets a caller parse one element at a time.
   */
  starts: number[];
  ends: number[];
  /** Offset of the byte that closes the top-level container, or -1 for a scalar. */
  close: number;
}

export const QUOTE = 0x22;
export const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;

/** JSON's four whitespace bytes. */
export function isSpace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/**
 * Scans `text` and throws E_LIMIT (naming `what` and the limit) when it breaks a bound, or
 * E_MANIFEST for unbalanced brackets or an unterminated string. Everything else about the syntax
 * is left to `JSON.parse`, which the caller runs next on text now known to be small in every way.
 */
export function scanJsonBounds(text: Uint8Array, bounds: JsonBounds, what: string): JsonScan {
  const over = (limit: string, at: number): never => {
    throw new SnapshotFormatError('E_LIMIT', `${what} has ${limit} (at byte ${at}), over the limit vitsnap reads; the file is hostile or damaged and cannot be read`);
  };
  const bad = (problem: string, at: number): never => {
    throw new SnapshotFormatError('E_MANIFEST', `${what} is not valid JSON: ${problem} at byte ${at}`);
  };
  const kinds = new Uint8Array(bounds.maxDepth + 1);
  const members = new Float64Array(bounds.maxDepth + 1);
  const scan: JsonScan = { starts: [], ends: [], close: -1 };
  let depth = 0;
  let values = 0;
  let topArray = false;
  // Set on `[`, `{` and `,`: the next non-space byte starts a member (a closing bracket ends an empty container).
  let expectMember = false;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text[i] as number;
    if (isSpace(c)) continue;
    if (expectMember && depth > 0 && c !== CLOSE_ARRAY && c !== CLOSE_OBJECT) {
      expectMember = false;
      const count = (members[depth] as number) + 1;
      members[depth] = count;
      if (count > (depth === 1 ? bounds.maxTopMembers : bounds.maxMembers)) over(`more than ${depth === 1 ? bounds.maxTopMembers : bounds.maxMembers} members in one ${kinds[depth] === OPEN_ARRAY ? 'array' : 'object'}`, i);
      if (++values > bounds.maxValues) over(`more than ${bounds.maxValues} values`, i);
      if (depth === 1 && topArray) scan.starts.push(i);
    }
    if (c === QUOTE) {
      const start = i;
      for (i++; i < n; i++) {
        const s = text[i] as number;
        if (s === QUOTE) break;
        if (s === BACKSLASH) i++;
      }
      if (i >= n) bad('unterminated string', start);
      if (i + 1 - start > bounds.maxStringBytes) over(`a string longer than ${bounds.maxStringBytes} bytes`, start);
    } else if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
      if (depth === 0 && i !== firstNonSpace(text)) bad('more than one top-level value', i);
      if (++depth > bounds.maxDepth) over(`nesting deeper than ${bounds.maxDepth} levels`, i);
      if (depth === 1) topArray = c === OPEN_ARRAY;
      kinds[depth] = c;
      members[depth] = 0;
      expectMember = true;
    } else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT) {
      if (depth === 0 || kinds[depth] !== (c === CLOSE_ARRAY ? OPEN_ARRAY : OPEN_OBJECT)) bad('unbalanced brackets', i);
      if (expectMember && (members[depth] as number) > 0) bad('a comma before a closing bracket', i);
      if (depth === 1) {
        if (topArray && (members[1] as number) > 0) scan.ends.push(i);
        scan.close = i;
      }
      depth--;
      expectMember = false;
    } else if (c === COMMA && depth > 0) {
      if (depth === 1 && topArray) scan.ends.push(i);
      expectMember = true;
    }
  }
  if (depth !== 0) bad('unbalanced brackets', n);
  return scan;
}

function firstNonSpace(text: Uint8Array): number {
  let i = 0;
  while (i < text.length && isSpace(text[i] as number)) i++;
  return i;
}

const BOM = [0xef, 0xbb, 0xbf];

/** The text without one leading byte-order mark, checked to be UTF-8 (E_MANIFEST otherwise). */
function utf8Body(raw: Buffer, what: string): Buffer {
  const body = raw[0] === BOM[0] && raw[1] === BOM[1] && raw[2] === BOM[2] ? raw.subarray(3) : raw;
  if (!isUtf8(body)) throw new SnapshotFormatError('E_MANIFEST', `${what} is not valid UTF-8 JSON: the file is corrupt`);
  return body;
}

/** `JSON.parse` of `raw` (UTF-8, optional BOM) once it is known to stay within `bounds`. */
export function parseBoundedJson(raw: Buffer, bounds: JsonBounds, what: string): unknown {
  const body = utf8Body(raw, what);
  scanJsonBounds(body, bounds, what);
  try {
    return JSON.parse(body.toString('utf8'));
  } catch {
    throw new SnapshotFormatError('E_MANIFEST', `${what} is not valid UTF-8 JSON: the file is corrupt`);
  }
}

/**
 * Parses a top-level JSON array one element at a time and maps each through `each`, so neither
 * the whole text as a string nor the whole generic value tree is ever in memory at once: only
 * what `each` keeps.
 */
export function parseBoundedJsonArray<T>(raw: Buffer, bounds: JsonBounds, what: string, each: (value: unknown, index: number) => T): T[] {
  const body = utf8Body(raw, what);
  const scan = scanJsonBounds(body, bounds, what);
  const first = firstNonSpace(body);
  if (body[first] !== OPEN_ARRAY) throw new SnapshotFormatError('E_MANIFEST', `${what} is invalid: expected a JSON array`);
  if (firstNonSpace(body.subarray(scan.close + 1)) !== body.length - scan.close - 1) {
    throw new SnapshotFormatError('E_MANIFEST', `${what} is not valid JSON: text after the closing bracket`);
  }
  const out: T[] = new Array(scan.starts.length);
  for (let i = 0; i < scan.starts.length; i++) {
    let value: unknown;
    try {
      value = JSON.parse(body.toString('utf8', scan.starts[i], scan.ends[i]));
    } catch {
      throw new SnapshotFormatError('E_MANIFEST', `${what} is not valid JSON: element ${i} does not parse`);
    }
    out[i] = each(value, i);
  }
  return out;
}
