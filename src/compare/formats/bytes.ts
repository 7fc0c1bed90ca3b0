/**
 * Bounds-checked reads for the binary format parsers. Every read names what it reads, so a
 * hostile or truncated file turns into a `ComparatorFallback` that says exactly what is wrong and
 * where, never into an out-of-range read, a huge allocation or an unbounded loop.
 */
import { ComparatorFallback } from '../types.js';

export type Endian = 'le' | 'be';

export function hex(value: number | bigint, width = 0): string {
  return `0x${value.toString(16).padStart(width, '0')}`;
}

export class ByteView {
  readonly buf: Buffer;
  readonly endian: Endian;
  /** Format name that starts every failure message: `ELF`, `PE`, `pyc`… */
  readonly format: string;

  constructor(buf: Buffer, endian: Endian, format: string) {
    this.buf = buf;
    this.endian = endian;
    this.format = format;
  }

  get length(): number {
    return this.buf.length;
  }

  fail(message: string): never {
    throw new ComparatorFallback(`${this.format}: ${message}`);
  }

  /** Throws unless `[offset, offset + size)` lies inside the buffer. */
  check(offset: number, size: number, what: string): void {
    if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(size) || offset < 0 || size < 0) {
      this.fail(`${what} has an invalid offset ${offset} or size ${size}`);
    }
    if (offset + size > this.buf.length) {
      this.fail(
        `${what} at offset ${hex(offset)} (${size} bytes) runs past the end of the file (${this.buf.length} bytes)`,
      );
    }
  }

  u8(offset: number, what: string): number {
    this.check(offset, 1, what);
    return this.buf[offset] as number;
  }

  u16(offset: number, what: string): number {
    this.check(offset, 2, what);
    return this.endian === 'le' ? this.buf.readUInt16LE(offset) : this.buf.readUInt16BE(offset);
  }

  u32(offset: number, what: string): number {
    this.check(offset, 4, what);
    return this.endian === 'le' ? this.buf.readUInt32LE(offset) : this.buf.readUInt32BE(offset);
  }

  i32(offset: number, what: string): number {
    this.check(offset, 4, what);
    return this.endian === 'le' ? this.buf.readInt32LE(offset) : this.buf.readInt32BE(offset);
  }

  u64big(offset: number, what: string): bigint {
    this.check(offset, 8, what);
    return this.endian === 'le' ? this.buf.readBigUInt64LE(offset) : this.buf.readBigUInt64BE(offset);
  }

  /** A 64-bit offset or size: must fit a safe integer (any real one in a file we hold does). */
  u64(offset: number, what: string): number {
    const value = this.u64big(offset, what);
    if (value > BigInt(Number.MAX_SAFE_INTEGER)) this.fail(`${what} is ${hex(value)}, larger than any file`);
    return Number(value);
  }

  bytes(offset: number, size: number, what: string): Buffer {
    this.check(offset, size, what);
    return this.buf.subarray(offset, offset + size);
  }

  /** A NUL-terminated string starting at `offset`, read at most up to `end` (default: the buffer's end). */
  cstring(offset: number, what: string, end = this.buf.length, encoding: BufferEncoding = 'utf8'): string {
    const limit = Math.min(end, this.buf.length);
    if (!Number.isSafeInteger(offset) || offset < 0 || offset >= limit) {
      this.fail(`${what} at offset ${hex(Math.max(0, offset))} lies outside its table (ends at ${hex(limit)})`);
    }
    const nul = this.buf.indexOf(0, offset);
    if (nul < 0 || nul >= limit) this.fail(`${what} at offset ${hex(offset)} is not NUL-terminated before ${hex(limit)}`);
    return this.buf.toString(encoding, offset, nul);
  }

  /** A fixed-width, NUL-padded name (ELF has none, PE and Mach-O do). */
  fixedString(offset: number, size: number, what: string): string {
    const raw = this.bytes(offset, size, what);
    const nul = raw.indexOf(0);
    return raw.toString('latin1', 0, nul < 0 ? size : nul);
  }
}

/** Reads a NUL-terminated string from a standalone table (ELF string tables, symbol names). */
export function tableString(table: Buffer, offset: number): string | undefined {
  if (!Number.isSafeInteger(offset) || offset < 0 || offset >= table.length) return undefined;
  const nul = table.indexOf(0, offset);
  return table.toString('utf8', offset, nul < 0 ? table.length : nul);
}
