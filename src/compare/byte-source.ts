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
  /** Bytes [offset, offset + length), which the caller may keep. The range must lie inside the file. */
  read(offset: number, length: number): Buffer;
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

/** Fails unless [offset, offset + length) lies inside `size` bytes; `what` names the file. */
export function checkRange(size: number, offset: number, length: number, what: string): void {
  if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || offset < 0 || length < 0 || offset + length > size) {
    throw new OperationError('E_IO', `${what}: ${length} bytes at offset ${offset} are outside its ${size} bytes`);
  }
}

export function bufferSource(buf: Buffer): ByteSource {
  const read = (offset: number, length: number): Buffer => {
    checkRange(buf.length, offset, length, 'buffer');
    return buf.subarray(offset, offset + length);
  };
  return { size: buf.length, read, view: read, close: () => undefined };
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
  const fill = (into: Buffer, position: number, length: number): void => {
    const handle = open();
    let done = 0;
    while (done < length) {
      let n: number;
      try {
        n = readSync(handle, into, done, length - done, position + done);
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
    fill(window, offset, windowLength);
  };
  const inWindow = (offset: number, length: number): boolean => offset >= windowStart && offset + length <= windowStart + windowLength;
  const view = (offset: number, length: number): Buffer => {
    checkRange(size, offset, length, name);
    if (length > window.length) {
      const out = Buffer.allocUnsafe(length);
      fill(out, offset, length);
      return out;
    }
    if (!inWindow(offset, length)) load(offset);
    return window.subarray(offset - windowStart, offset - windowStart + length);
  };
  return {
    size,
    view,
    // A view of the window is overwritten by the next load: what the caller keeps is a copy.
    read: (offset, length) => (length > window.length ? view(offset, length) : Buffer.from(view(offset, length))),
    close: () => {
      if (fd !== null) closeSync(fd);
      fd = null;
    },
  };
}
