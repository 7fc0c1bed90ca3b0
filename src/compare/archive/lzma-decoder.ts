/**
 * `.lzma` files (LZMA_alone, as `xz --format=lzma` and the LZMA SDK write them): a 13-byte header
 * and one LZMA1 stream. Neither xz-embedded nor a maintained synchronous package reads them (see
 * docs/decisions.md), so this is our own LZMA1 decoder after the public lzma-specification.txt.
 * Every loop is bounded by the input or by the output cap; output goes through a circular window
 * no larger than the dictionary (or the cap) and leaves it in chunks, so a bomb costs the budget.
 */
import { ArchiveFormatError, type ExpansionBudget, formatSize, take } from './bytes.js';

export const LZMA_HEADER_SIZE = 13;
/** The largest properties byte: (pb 4 * 5 + lp 4) * 9 + lc 8. */
const MAX_PROPERTIES = 224;
/** The decoder's smallest window, whatever the header says (LZMA_DIC_MIN). */
const MIN_DICTIONARY = 4096;
/** Sizes liblzma accepts when it guesses a file is `.lzma`: 256 GiB. */
const MAX_PLAUSIBLE_SIZE = 2 ** 38;
const END_MARKER_DISTANCE = 0xffffffff;
const FIRST_WINDOW = 1 << 16;

export interface LzmaHeader {
  lc: number;
  lp: number;
  pb: number;
  dictionarySize: number;
  /** Undefined when the header says "unknown": the stream then ends with an end marker. */
  uncompressedSize: number | undefined;
}

/** The 13-byte header; ArchiveFormatError when it is short or impossible. */
export function parseLzmaHeader(buf: Buffer): LzmaHeader {
  const header = take(buf, 0, LZMA_HEADER_SIZE, 'lzma header');
  const props = header[0] ?? 0;
  if (props > MAX_PROPERTIES) throw new ArchiveFormatError(`lzma header: properties byte ${props} is over ${MAX_PROPERTIES} (not an .lzma file?)`);
  const size = header.readBigUInt64LE(5);
  const unknown = size === 0xffffffffffffffffn;
  if (!unknown && size > BigInt(Number.MAX_SAFE_INTEGER)) throw new ArchiveFormatError(`lzma header: uncompressed size ${size} is too large`);
  return {
    lc: props % 9,
    lp: Math.floor(props / 9) % 5,
    pb: Math.floor(props / 45),
    dictionarySize: header.readUInt32LE(1),
    uncompressedSize: unknown ? undefined : Number(size),
  };
}

/** 2^n or 2^n + 2^(n-1), the dictionary sizes encoders write (and all ones, "as big as needed"). */
function isPlausibleDictionary(size: number): boolean {
  if (size === 0xffffffff) return true;
  for (let n = 0; n < 32; n++) {
    if (size === 2 ** n || (n > 0 && size === 2 ** n + 2 ** (n - 1))) return true;
  }
  return false;
}

/**
 * `.lzma` has no magic, so a header is only believed when it looks like what encoders write (the
 * same test liblzma applies before it guesses the format); the caller also checks the file name.
 */
export function isLzmaAlone(head: Buffer): boolean {
  if (head.length < LZMA_HEADER_SIZE || (head[0] ?? 0xff) > MAX_PROPERTIES) return false;
  if (!isPlausibleDictionary(head.readUInt32LE(1))) return false;
  const size = head.readBigUInt64LE(5);
  return size === 0xffffffffffffffffn || size < BigInt(MAX_PLAUSIBLE_SIZE);
}

/** The binary range decoder: 11-bit probabilities, 5-bit adaptation, bytes fed big-end first. */
class RangeDecoder {
  private range = 0xffffffff;
  private code = 0;
  private at: number;
  private readonly input: Buffer;

  constructor(input: Buffer, start: number) {
    this.input = input;
    this.at = start;
    if (this.next() !== 0) throw new ArchiveFormatError('lzma data: the range coder does not start with a zero byte (corrupt)');
    for (let i = 0; i < 4; i++) this.code = this.code * 256 + this.next();
    if (this.code >= this.range) throw new ArchiveFormatError('lzma data: corrupt range coder start');
  }

  get position(): number {
    return this.at;
  }

  /** The encoder flushes so that a cleanly finished stream leaves the code at zero. */
  get finishedCleanly(): boolean {
    return this.code === 0;
  }

  private next(): number {
    const byte = this.input[this.at];
    if (byte === undefined) throw new ArchiveFormatError(`lzma data ends at ${this.input.length} bytes before the stream does (truncated)`);
    this.at++;
    return byte;
  }

  // range stays below 2^32 and code below range, so plain arithmetic stays exact (no sign bit trouble).
  private normalize(): void {
    if (this.range < 0x1000000) {
      this.range *= 256;
      this.code = this.code * 256 + this.next();
    }
  }

  bit(probs: Uint16Array, i: number): number {
    const p = probs[i] ?? 0;
    const bound = (this.range >>> 11) * p;
    let bit: number;
    if (this.code < bound) {
      this.range = bound;
      probs[i] = p + ((2048 - p) >>> 5);
      bit = 0;
    } else {
      this.range -= bound;
      this.code -= bound;
      probs[i] = p - (p >>> 5);
      bit = 1;
    }
    this.normalize();
    return bit;
  }

  direct(count: number): number {
    let value = 0;
    for (let i = 0; i < count; i++) {
      this.range = Math.floor(this.range / 2);
      let bit = 0;
      if (this.code >= this.range) {
        this.code -= this.range;
        bit = 1;
      }
      value = value * 2 + bit;
      this.normalize();
    }
    return value;
  }

  tree(probs: Uint16Array, offset: number, bits: number): number {
    let m = 1;
    for (let i = 0; i < bits; i++) m = m * 2 + this.bit(probs, offset + m);
    return m - (1 << bits);
  }

  reverseTree(probs: Uint16Array, offset: number, bits: number): number {
    let m = 1;
    let symbol = 0;
    for (let i = 0; i < bits; i++) {
      const bit = this.bit(probs, offset + m);
      m = m * 2 + bit;
      symbol |= bit << i;
    }
    return symbol;
  }
}

function probabilities(count: number): Uint16Array {
  return new Uint16Array(count).fill(1024);
}

/** Match lengths: 2–9 (low, per position state), 10–17 (mid), 18–273 (high). */
class LengthDecoder {
  private readonly choice = probabilities(2);
  private readonly low = probabilities(16 << 3);
  private readonly mid = probabilities(16 << 3);
  private readonly high = probabilities(256);

  /** The length less 2 (the minimum match). */
  decode(rc: RangeDecoder, posState: number): number {
    if (rc.bit(this.choice, 0) === 0) return rc.tree(this.low, posState << 3, 3);
    if (rc.bit(this.choice, 1) === 0) return 8 + rc.tree(this.mid, posState << 3, 3);
    return 16 + rc.tree(this.high, 0, 8);
  }
}

/**
 * The output window: linear while it grows towards `capacity`, circular after. What wraps out of
 * it is handed to `emit`, so memory is the output once plus the window, never a re-concatenation.
 */
class OutputWindow {
  private buf: Uint8Array;
  private pos = 0;
  private flushed = 0;
  total = 0;
  private readonly capacity: number;
  private readonly emit: (chunk: Buffer) => void;

  constructor(capacity: number, emit: (chunk: Buffer) => void) {
    this.capacity = capacity;
    this.emit = emit;
    this.buf = new Uint8Array(Math.min(capacity, FIRST_WINDOW));
  }

  /** The byte `distance` back (1 = the last one written); callers check distance ≤ total. */
  back(distance: number): number {
    const i = this.pos - distance;
    return this.buf[i < 0 ? i + this.buf.length : i] ?? 0;
  }

  put(byte: number): void {
    this.buf[this.pos++] = byte;
    this.total++;
    if (this.pos === this.buf.length) this.makeRoom();
  }

  copy(distance: number, length: number): void {
    for (let i = 0; i < length; i++) this.put(this.back(distance));
  }

  flush(): void {
    if (this.pos > this.flushed) this.emit(Buffer.from(this.buf.subarray(this.flushed, this.pos)));
    this.flushed = this.pos;
  }

  private makeRoom(): void {
    if (this.buf.length < this.capacity) {
      const grown = new Uint8Array(Math.min(this.capacity, this.buf.length * 2));
      grown.set(this.buf);
      this.buf = grown;
      return;
    }
    this.flush();
    this.pos = 0;
    this.flushed = 0;
  }
}

const STATES = 12;
const POS_STATES_MAX = 16;

/** Decodes one LZMA1 stream with `header`'s settings from `input` at `start` into `window`. */
function decodeStream(input: Buffer, start: number, header: LzmaHeader, window: OutputWindow, limit: number, overLimit: () => Error): number {
  const { lc, lp, pb, uncompressedSize } = header;
  const dictionary = Math.max(header.dictionarySize, MIN_DICTIONARY);
  const rc = new RangeDecoder(input, start);
  const literals = probabilities(0x300 << (lc + lp));
  const isMatch = probabilities(STATES * POS_STATES_MAX);
  const isRep = probabilities(STATES);
  const isRepG0 = probabilities(STATES);
  const isRepG1 = probabilities(STATES);
  const isRepG2 = probabilities(STATES);
  const isRep0Long = probabilities(STATES * POS_STATES_MAX);
  const posSlots = probabilities(4 << 6);
  const posSpecial = probabilities(1 + 128 - 14);
  const align = probabilities(16);
  const lengths = new LengthDecoder();
  const repLengths = new LengthDecoder();
  const pbMask = (1 << pb) - 1;
  const lpMask = (1 << lp) - 1;
  const corrupt = (why: string): ArchiveFormatError =>
    new ArchiveFormatError(`lzma data corrupt after ${window.total} bytes of output: ${why}`);
  let state = 0;
  let rep0 = 0;
  let rep1 = 0;
  let rep2 = 0;
  let rep3 = 0;
  const left = (): number => (uncompressedSize === undefined ? Infinity : uncompressedSize - window.total);
  const room = (length: number): void => {
    if (window.total + length > limit) throw overLimit();
  };

  for (;;) {
    // With a recorded size the end marker is optional: a clean range coder there means done.
    if (left() === 0 && rc.finishedCleanly) return rc.position;
    const posState = window.total & pbMask;
    if (rc.bit(isMatch, (state << 4) + posState) === 0) {
      if (left() === 0) throw corrupt('a literal past the recorded uncompressed size');
      room(1);
      const previous = window.total > 0 ? window.back(1) : 0;
      const base = 0x300 * (((window.total & lpMask) << lc) + (previous >>> (8 - lc)));
      let symbol = 1;
      if (state >= 7) {
        // After a match the literal is coded against the byte the match would have continued with.
        let matchByte = window.back(rep0 + 1);
        while (symbol < 0x100) {
          const matchBit = (matchByte >>> 7) & 1;
          matchByte <<= 1;
          const bit = rc.bit(literals, base + ((1 + matchBit) << 8) + symbol);
          symbol = (symbol << 1) | bit;
          if (bit !== matchBit) break;
        }
      }
      while (symbol < 0x100) symbol = (symbol << 1) | rc.bit(literals, base + symbol);
      window.put(symbol & 0xff);
      state = state < 4 ? 0 : state < 10 ? state - 3 : state - 6;
      continue;
    }
    let length: number;
    if (rc.bit(isRep, state) !== 0) {
      if (left() === 0) throw corrupt('a repeated match past the recorded uncompressed size');
      if (window.total === 0) throw corrupt('a repeated match before any output');
      if (rc.bit(isRepG0, state) === 0) {
        if (rc.bit(isRep0Long, (state << 4) + posState) === 0) {
          room(1);
          state = state < 7 ? 9 : 11;
          window.put(window.back(rep0 + 1));
          continue;
        }
      } else {
        let distance: number;
        if (rc.bit(isRepG1, state) === 0) {
          distance = rep1;
        } else {
          if (rc.bit(isRepG2, state) === 0) {
            distance = rep2;
          } else {
            distance = rep3;
            rep3 = rep2;
          }
          rep2 = rep1;
        }
        rep1 = rep0;
        rep0 = distance;
      }
      length = repLengths.decode(rc, posState);
      state = state < 7 ? 8 : 11;
    } else {
      rep3 = rep2;
      rep2 = rep1;
      rep1 = rep0;
      length = lengths.decode(rc, posState);
      state = state < 7 ? 7 : 10;
      const slot = rc.tree(posSlots, Math.min(length, 3) << 6, 6);
      if (slot < 4) {
        rep0 = slot;
      } else {
        const bits = (slot >>> 1) - 1;
        const base = (2 | (slot & 1)) * 2 ** bits;
        rep0 = slot < 14
          ? base + rc.reverseTree(posSpecial, base - slot, bits)
          : base + rc.direct(bits - 4) * 16 + rc.reverseTree(align, 0, 4);
      }
      if (rep0 === END_MARKER_DISTANCE) {
        if (uncompressedSize !== undefined && left() !== 0) throw corrupt(`end marker before the recorded ${uncompressedSize} bytes`);
        if (!rc.finishedCleanly) throw corrupt('the range coder is not at a clean end after the end marker');
        return rc.position;
      }
      if (left() === 0) throw corrupt('a match past the recorded uncompressed size');
      if (rep0 >= dictionary || rep0 >= window.total) throw corrupt(`match distance ${rep0 + 1} reaches before the start of the data or the dictionary`);
    }
    length += 2;
    if (length > left()) throw corrupt('a match runs past the recorded uncompressed size');
    room(length);
    window.copy(rep0 + 1, length);
  }
}

/**
 * The payload of an `.lzma` file. ExpansionLimitError past the budget (a recorded size over what
 * is left is refused before decoding); ArchiveFormatError when corrupt or truncated.
 */
export function decodeLzma(input: Buffer, budget: ExpansionBudget): Buffer {
  const header = parseLzmaHeader(input);
  const limit = budget.remaining;
  if (header.uncompressedSize !== undefined && header.uncompressedSize > limit) {
    throw budget.refuse('the lzma stream', `declares ${formatSize(header.uncompressedSize)} uncompressed (header), more than`);
  }
  const parts: Buffer[] = [];
  // A window larger than the output can ever be is never needed, whatever the header asks for.
  const reachable = Math.min(header.dictionarySize, limit, header.uncompressedSize ?? Infinity);
  const window = new OutputWindow(Math.max(MIN_DICTIONARY, reachable), (chunk) => parts.push(chunk));
  const end = decodeStream(input, LZMA_HEADER_SIZE, header, window, limit, () => budget.refuse('the lzma stream', 'expands past'));
  if (end < input.length) {
    throw new ArchiveFormatError(`${input.length - end} bytes follow the end of the lzma stream at offset ${end}`);
  }
  window.flush();
  budget.spend(window.total, 'the lzma stream');
  return parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts);
}
