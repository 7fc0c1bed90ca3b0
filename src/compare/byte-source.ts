/**
 * One file's bytes, read where they are needed instead of all at once. A 58 MB static library
 * changed in one member costs two 58 MB buffers when it is read whole: on this kind of VM that
 * memory's first touch alone is ~0.3 s (docs/benchmarks.md). A comparator that can walk a file
 * (ar: its headers and the member that differs) takes a ByteSource and never holds the whole file.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { OperationError, fromSystemError } from '../errors.js';

export interface ByteSource {
  readonly size: number;
  /** All bytes are in memory already: reading costs nothing, comparing bytes is cheaper than hashing them. */
  readonly inMemory: boolean;
  /** Bytes [offset, offset + length), which the caller may keep. The range must lie inside the file. */
  read(offset: number, length: number): Buffer;
  /** The same bytes in order, in pieces valid only during `visit` (no copy where the source can avoid one). */
  scan(offset: number, length: number, visit: (piece: Buffer) => void): void;
  /** The same bytes, valid only until this source is next used (no copy where the source can avoid one). */
  view(offset: number, length: number): Buffer;
  /**
   * The parts of the range not known to equal `other` at `otherOffset`, as [start, end) pairs
   * relative to the range; the rest is known equal without reading either side (both are snapshot
   * files whose chunks there have the same digests at the same places). Null: nothing is known.
   */
  unknownParts?(offset: number, other: ByteSource, otherOffset: number, length: number): [number, number][] | null;
  /**
   * Lets this source take bytes it shares with `other` (chunks of the same digest) from what
   * `other` has decoded already, instead of decoding its own copy: two versions of a large file
   * walked in step decode their common parts once.
   */
  borrowFrom?(other: ByteSource): void;
  close(): void;
}

const COMPARE_STEP = 256 * 1024;

/**
 * Whether two ranges hold the same bytes: what chunk digests prove equal is not read, the rest
 * is compared a piece at a time.
 */
export function sameBytes(a: ByteSource, offsetA: number, b: ByteSource, offsetB: number, length: number): boolean {
  const unknown = a.unknownParts?.(offsetA, b, offsetB, length) ?? [[0, length]];
  return unknown.every(([from, to]) => compareBytes(a, offsetA, b, offsetB, from, to));
}

function compareBytes(a: ByteSource, offsetA: number, b: ByteSource, offsetB: number, from: number, to: number): boolean {
  for (let done = from; done < to; done += COMPARE_STEP) {
    const n = Math.min(COMPARE_STEP, to - done);
    // Each view stays valid while the other source is read: they are different sources, or the same buffer.
    if (!a.view(offsetA + done, n).equals(b.view(offsetB + done, n))) return false;
  }
  return true;
}

/** Files at least this big are read through a ByteSource when both sides can give one. */
export const STREAM_FROM_BYTES = 16 * 1024 * 1024;

const WINDOW_BYTES = 1024 * 1024;

function checkRange(size: number, offset: number, length: number, what: string): void {
  if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || offset < 0 || length < 0 || offset + length > size) {
    throw new OperationError('E_IO', `${what}: ${length} bytes at offset ${offset} are outside its ${size} bytes`);
  }
}

export function bufferSource(buf: Buffer): ByteSource {
  return {
    size: buf.length,
    inMemory: true,
    read: (offset, length) => {
      checkRange(buf.length, offset, length, 'buffer');
      return buf.subarray(offset, offset + length);
    },
    scan: (offset, length, visit) => {
      checkRange(buf.length, offset, length, 'buffer');
      if (length > 0) visit(buf.subarray(offset, offset + length));
    },
    view: (offset, length) => {
      checkRange(buf.length, offset, length, 'buffer');
      return buf.subarray(offset, offset + length);
    },
    close: () => undefined,
  };
}

/** The whole file in one buffer: for comparators that need it so. */
export function wholeBytes(source: ByteSource): Buffer {
  return source.read(0, source.size);
}

/**
 * A file on disk, `size` bytes as the walk saw them, read through one reused 1 MiB window. A file
 * that shrinks under the diff is an error that names it, not a short buffer.
 */
export function fileByteSource(absPath: string, size: number, name: string): ByteSource {
  let fd: number | null = null;
  const window = Buffer.allocUnsafe(Math.min(WINDOW_BYTES, Math.max(size, 1)));
  let windowStart = 0;
  let windowLength = 0;
  const open = (): number => {
    try {
      fd ??= openSync(absPath, 'r');
      return fd;
    } catch (error) {
      throw fromSystemError(error, `cannot read ${name}`);
    }
  };
  const fill = (into: Buffer, at: number, position: number, length: number): void => {
    const handle = open();
    let done = 0;
    while (done < length) {
      let n: number;
      try {
        n = readSync(handle, into, at + done, length - done, position + done);
      } catch (error) {
        throw fromSystemError(error, `cannot read ${name}`);
      }
      if (n === 0) throw new OperationError('E_IO', `${name} became shorter while it was compared (expected ${size} bytes); run the diff again once the tree is stable`);
      done += n;
    }
  };
  const load = (offset: number): void => {
    windowStart = offset;
    windowLength = Math.min(window.length, size - offset);
    fill(window, 0, offset, windowLength);
  };
  const inWindow = (offset: number, length: number): boolean => offset >= windowStart && offset + length <= windowStart + windowLength;
  return {
    size,
    inMemory: false,
    read: (offset, length) => {
      checkRange(size, offset, length, name);
      if (length <= window.length && !inWindow(offset, length)) load(offset);
      if (inWindow(offset, length)) return Buffer.from(window.subarray(offset - windowStart, offset - windowStart + length));
      const out = Buffer.allocUnsafe(length);
      fill(out, 0, offset, length);
      return out;
    },
    view: (offset, length) => {
      checkRange(size, offset, length, name);
      if (length <= window.length) {
        if (!inWindow(offset, length)) load(offset);
        return window.subarray(offset - windowStart, offset - windowStart + length);
      }
      const out = Buffer.allocUnsafe(length);
      fill(out, 0, offset, length);
      return out;
    },
    scan: (offset, length, visit) => {
      checkRange(size, offset, length, name);
      for (let at = offset, end = offset + length; at < end; ) {
        if (!inWindow(at, 1)) load(at);
        const stop = Math.min(end, windowStart + windowLength);
        visit(window.subarray(at - windowStart, stop - windowStart));
        at = stop;
      }
    },
    close: () => {
      if (fd !== null) closeSync(fd);
      fd = null;
    },
  };
}
