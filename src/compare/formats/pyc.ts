/**
 * Python bytecode caches: the header (magic → version; PEP 552 flags; source mtime and size, or
 * the source hash) and a bounded walk of the marshalled code object that collects what explains
 * drift: `co_filename` (the build path) and the text constants and names.
 * Layouts follow CPython's Python/marshal.c and Lib/importlib/_bootstrap_external.py.
 */
import { ByteView, hex } from './bytes.js';

/** Magic numbers per release (the range each release's alphas to finals used). */
const PY3_RANGES: ReadonlyArray<[number, number, string]> = [
  [3000, 3140, '3.0'],
  [3141, 3159, '3.1'],
  [3160, 3189, '3.2'],
  [3190, 3249, '3.3'],
  [3250, 3319, '3.4'],
  [3320, 3359, '3.5'],
  [3360, 3389, '3.6'],
  [3390, 3399, '3.7'],
  [3400, 3419, '3.8'],
  [3420, 3429, '3.9'],
  [3430, 3449, '3.10'],
  [3450, 3499, '3.11'],
  [3500, 3549, '3.12'],
  [3550, 3599, '3.13'],
  [3600, 3649, '3.14'],
  [3650, 3699, '3.15'],
];
const PY2_RANGES: ReadonlyArray<[number, number, string]> = [
  [20121, 20121, '1.5'],
  [50428, 50428, '1.6'],
  [50823, 50823, '2.0'],
  [60202, 60202, '2.1'],
  [60717, 60717, '2.2'],
  [62011, 62021, '2.3'],
  [62041, 62061, '2.4'],
  [62071, 62131, '2.5'],
  [62151, 62161, '2.6'],
  [62171, 62211, '2.7'],
];

export function pythonVersion(magic: number): string | undefined {
  for (const [low, high, version] of [...PY3_RANGES, ...PY2_RANGES]) if (magic >= low && magic <= high) return version;
  return undefined;
}

export type PycMode = 'timestamp' | 'unchecked-hash' | 'checked-hash';

export interface PycHeader {
  magic: number;
  version: string | undefined;
  /** PEP 552 flags (3.7+); undefined before. */
  flags: number | undefined;
  mode: PycMode;
  mtime: number | undefined;
  sourceSize: number | undefined;
  sourceHash: Buffer | undefined;
  size: number;
}

export interface PycCode {
  /** Every distinct co_filename, in order of appearance. */
  filenames: string[];
  /** Distinct text objects (names, string constants, qualnames, filenames) in order of appearance. */
  strings: string[];
  /** Offset just past the top-level object. */
  end: number;
}

export function looksLikePyc(head: Buffer): boolean {
  return head.length >= 4 && head[2] === 0x0d && head[3] === 0x0a;
}

export function parsePycHeader(buf: Buffer): PycHeader {
  const view = new ByteView(buf, 'le', 'pyc');
  view.check(0, 4, 'magic number');
  if (!looksLikePyc(buf)) view.fail(`magic ${hex(buf.readUInt16LE(0))} is not followed by \\r\\n`);
  const magic = view.u16(0, 'magic number');
  const version = pythonVersion(magic);
  if (magic >= 3392 && magic < 20000) {
    view.check(0, 16, 'PEP 552 header');
    const flags = view.u32(4, 'flags');
    if ((flags & ~0b11) !== 0) view.fail(`flags ${hex(flags)} has bits other than hash-based (0x1) and check-source (0x2)`);
    if ((flags & 1) === 1) {
      return { magic, version, flags, mode: (flags & 2) === 2 ? 'checked-hash' : 'unchecked-hash', mtime: undefined, sourceSize: undefined, sourceHash: view.bytes(8, 8, 'source hash'), size: 16 };
    }
    return { magic, version, flags, mode: 'timestamp', mtime: view.u32(8, 'source mtime'), sourceSize: view.u32(12, 'source size'), sourceHash: undefined, size: 16 };
  }
  // 3.3 added the source size; Python 2 and 3.0–3.2 have magic and mtime only.
  const withSize = magic >= 3210 && magic < 20000;
  const size = withSize ? 12 : 8;
  view.check(0, size, 'header');
  return { magic, version, flags: undefined, mode: 'timestamp', mtime: view.u32(4, 'source mtime'), sourceSize: withSize ? view.u32(8, 'source size') : undefined, sourceHash: undefined, size };
}

/** How a code object is laid out: int fields before the objects, and where filename sits. */
interface CodeLayout {
  leadingInts: number;
  /** Objects after the ints and before co_firstlineno; co_filename is the one at `filenameIndex`. */
  objects: number;
  filenameIndex: number;
  /** Objects after co_firstlineno. */
  trailing: number;
}

function codeLayout(magic: number): CodeLayout | undefined {
  if (magic >= 20000) return { leadingInts: 4, objects: 8, filenameIndex: 6, trailing: 1 }; // Python 2
  if (magic >= 3700) return undefined;
  // 3.11: argcount, posonly, kwonly, stacksize, flags; code … localspluskinds, filename, name, qualname; firstlineno; linetable, exceptiontable
  if (magic >= 3450) return { leadingInts: 5, objects: 8, filenameIndex: 5, trailing: 2 };
  // 3.8–3.10 add posonlyargcount to 3.0's argcount, kwonly, nlocals, stacksize, flags.
  if (magic >= 3410) return { leadingInts: 6, objects: 8, filenameIndex: 6, trailing: 1 };
  if (magic >= 3000) return { leadingInts: 5, objects: 8, filenameIndex: 6, trailing: 1 };
  return undefined;
}

/** CPython refuses deeper nesting too (MAX_MARSHAL_STACK_DEPTH). */
const MAX_DEPTH = 2000;

/**
 * Walks the marshalled code object after the header. Returns undefined when this Python's code
 * layout is unknown (a newer release); throws a fallback when the bytes are not marshal data.
 */
export function walkCode(buf: Buffer, header: PycHeader): PycCode | undefined {
  const layout = codeLayout(header.magic);
  if (layout === undefined) return undefined;
  const view: ByteView = new ByteView(buf, 'le', 'pyc code object');
  const python2 = header.magic >= 20000;
  const first = view.u8(header.size, 'type of the marshalled object');
  if ((first & 0x7f) !== 0x63) view.fail(`the marshalled data starts with type ${hex(first)}, not a code object ('c')`);
  const refs: (string | null)[] = [];
  const interned: string[] = [];
  const filenames = new Set<string>();
  const strings = new Set<string>();
  let at = header.size;

  const text = (value: string): string => {
    strings.add(value);
    return value;
  };

  /** Reads one object; returns its text when it is a string, else null. */
  const read = (depth: number): string | null => {
    if (depth > MAX_DEPTH) view.fail(`objects nest deeper than ${MAX_DEPTH} levels at offset ${hex(at)}`);
    const start = at;
    const code = view.u8(at, 'object type');
    at += 1;
    const type = String.fromCharCode(python2 ? code : code & 0x7f);
    const flagged = !python2 && (code & 0x80) !== 0;
    let slot = -1;
    if (flagged) {
      slot = refs.length;
      refs.push(null);
    }
    const count = (n: number, each: number, what: string): number => {
      // Every element takes at least `each` bytes, so a count larger than what is left is a lie.
      if (n * each > buf.length - at) view.fail(`${what} at offset ${hex(start)} claims ${n} elements, more than the ${buf.length - at} bytes left`);
      return n;
    };
    const blob = (n: number, what: string): Buffer => {
      const out = view.bytes(at, n, what);
      at += n;
      return out;
    };
    let value: string | null = null;
    switch (type) {
      case '0':
        view.fail(`unexpected NULL object at offset ${hex(start)}`);
        break;
      case 'N':
      case 'T':
      case 'F':
      case 'S':
      case '.':
        break;
      case 'i':
        blob(4, 'int');
        break;
      case 'I':
        blob(8, 'int64');
        break;
      case 'l': {
        const n = Math.abs(view.i32(at, 'long digit count'));
        at += 4;
        blob(count(n, 2, 'long') * 2, 'long digits');
        break;
      }
      case 'f':
        blob(view.u8(at++, 'float length'), 'float text');
        break;
      case 'g':
        blob(8, 'binary float');
        break;
      case 'x':
        blob(view.u8(at++, 'complex real length'), 'complex real');
        blob(view.u8(at++, 'complex imaginary length'), 'complex imaginary');
        break;
      case 'y':
        blob(16, 'binary complex');
        break;
      case 's': {
        const n = view.u32(at, 'bytes length');
        at += 4;
        const bytes = blob(n, 'bytes');
        // Python 2's str is bytes: bytecode and text alike; only printable ones count as text.
        if (python2) {
          value = bytes.toString('latin1');
          if (/^[\x20-\x7e\t\n]*$/.test(value)) text(value);
        }
        break;
      }
      case 't':
      case 'u':
      case 'a':
      case 'A': {
        const n = view.u32(at, 'string length');
        at += 4;
        const bytes = blob(n, 'string');
        value = text(bytes.toString(type === 'u' || type === 't' ? 'utf8' : 'latin1'));
        if (python2 && type === 't') interned.push(value);
        break;
      }
      case 'z':
      case 'Z': {
        const n = view.u8(at++, 'short string length');
        value = text(blob(n, 'short string').toString('latin1'));
        break;
      }
      case 'R': {
        if (!python2) view.fail(`Python 2 string reference at offset ${hex(start)} in a Python 3 file`);
        const index = view.u32(at, 'string reference');
        at += 4;
        if (index >= interned.length) view.fail(`string reference ${index} at offset ${hex(start)} names no interned string (${interned.length} so far)`);
        value = interned[index] as string;
        break;
      }
      case 'r': {
        const index = view.u32(at, 'object reference');
        at += 4;
        if (index >= refs.length) view.fail(`reference ${index} at offset ${hex(start)} names no earlier object (${refs.length} so far)`);
        value = refs[index] as string | null;
        break;
      }
      case ')': {
        const n = count(view.u8(at++, 'small tuple size'), 1, 'small tuple');
        for (let i = 0; i < n; i++) read(depth + 1);
        break;
      }
      case '(':
      case '[':
      case '<':
      case '>': {
        const n = view.u32(at, 'container size');
        at += 4;
        count(n, 1, 'container');
        for (let i = 0; i < n; i++) read(depth + 1);
        break;
      }
      case '{': {
        // Key/value pairs up to a NULL key; every pair consumes bytes, so this ends.
        while (view.u8(at, 'dict key type') !== 0x30) {
          read(depth + 1);
          read(depth + 1);
        }
        at += 1;
        break;
      }
      case 'c': {
        blob(4 * layout.leadingInts, 'code object fields');
        for (let i = 0; i < layout.objects; i++) {
          const object = read(depth + 1);
          if (i === layout.filenameIndex) {
            if (object === null) view.fail(`co_filename at offset ${hex(start)} is not a string`);
            filenames.add(object);
          }
        }
        blob(4, 'co_firstlineno');
        for (let i = 0; i < layout.trailing; i++) read(depth + 1);
        break;
      }
      default:
        view.fail(`unknown marshal type ${hex(code)} at offset ${hex(start)}`);
    }
    if (slot >= 0) refs[slot] = value;
    return value;
  };

  read(0);
  return { filenames: [...filenames], strings: [...strings], end: at };
}
