/**
 * A `.vitsnap` side of a diff. Opening it checks everything cheap (header, trailer, manifest and
 * index digests), so a damaged file fails at once; block contents are only read for files whose
 * digests differ, so the side counts what it read and the report says what was not.
 */
import { OperationError, SnapshotFormatError } from '../errors.js';
import type { ChunkRecord } from '../snapshot/format.js';
import type { SnapshotReader } from '../snapshot/reader.js';
import type { Entry, FileEntry, Metadata } from '../snapshot/types.js';
import { checkRange, type ByteSource } from './byte-source.js';
import type { SideVerification } from './types.js';

export type SideName = 'BEFORE' | 'AFTER';

/**
 * The same error, its message led by the side and the path (`BEFORE main.vitsnap: not a .vitsnap
 * file …`), so a two-input command says which input failed. Other errors pass unchanged.
 */
export function onSide(error: unknown, side: SideName, label: string): unknown {
  const e = error as { name?: unknown; code?: unknown; message?: unknown } | null;
  if (e === null || typeof e !== 'object' || typeof e.message !== 'string' || typeof e.code !== 'string') return error;
  const message = `${side} ${label}: ${e.message}`;
  if (e.name === 'SnapshotFormatError') return new SnapshotFormatError(e.code as SnapshotFormatError['code'], message);
  if (e.name === 'OperationError') return new OperationError(e.code as OperationError['code'], message);
  return error;
}

export interface SnapshotSide {
  label: string;
  kind: 'snapshot';
  entries: Entry[];
  metadata: Metadata | null;
  readFile(entry: FileEntry): Buffer;
  /** A file read chunk by chunk as it is walked; null for a delta snapshot (its chunks live in several layers). */
  openFile(entry: FileEntry): ByteSource | null;
  verification(): SideVerification;
  close(): void;
}

/** Opens and checks a snapshot side; every failure names the side. */
export function openSnapshotSide(open: () => SnapshotReader, side: SideName, label: string): SnapshotSide {
  let reader: SnapshotReader;
  try {
    reader = open();
  } catch (error) {
    throw onSide(error, side, label);
  }
  try {
    // The index digest and the entry list's digest: both cheap next to the blocks, and neither is
    // checked again when no file is read (equal digests never are).
    reader.loadIndex();
    // A diff reads a few files here and there: blocks are decoded as far as those files need.
    reader.prefixDecoding = true;
    const entries = reader.manifest.entries;
    const blocksRead = new Set<number>();
    const filesRead = new Set<string>();
    /** The chunks of the files walked through `openFile`, which may leave some blocks unread. */
    const opened: (readonly ChunkRecord[])[] = [];
    return {
      label,
      kind: 'snapshot',
      entries,
      metadata: reader.summary.metadata,
      readFile: (entry) => {
        try {
          for (const chunk of reader.fileChunks(entry)) blocksRead.add(chunk.block);
          filesRead.add(entry.path);
          return reader.readFileBuffer(entry);
        } catch (error) {
          throw onSide(error, side, label);
        }
      },
      openFile: (entry) => {
        if (reader.isDelta) return null;
        try {
          const chunks = reader.fileChunks(entry);
          filesRead.add(entry.path);
          opened.push(chunks);
          return chunkedSource(reader, entry, chunks, (error) => onSide(error, side, label), (block) => blocksRead.add(block));
        } catch (error) {
          throw onSide(error, side, label);
        }
      },
      verification: () => {
        const unread = entries.filter((e) => e.type === 'file' && e.size > 0 && !filesRead.has(e.path)).length;
        const partly = opened.filter((chunks) => chunks.some((c) => !blocksRead.has(c.block))).length;
        return { side: side === 'BEFORE' ? 'before' : 'after', label, blocksRead: blocksRead.size, blocksTotal: reader.trailer.blockCount, filesNotRead: unread, filesPartlyRead: partly };
      },
      close: () => reader.close(),
    };
  } catch (error) {
    reader.close();
    throw onSide(error, side, label);
  }
}

interface ChunkLayout {
  chunks: readonly ChunkRecord[];
  /** starts[k]: file offset of chunk k; starts[chunks.length]: the file's size. */
  starts: Float64Array;
}

/** The chunk layout and reader behind each chunked source, for `unknownParts` and `borrowFrom` between two of them. */
const layouts = new WeakMap<ByteSource, { layout: ChunkLayout; reader: SnapshotReader }>();

/** A chunk digest as a map key. */
function digestKey(sha256: Buffer): string {
  return sha256.toString('latin1');
}

function chunkAt(layout: ChunkLayout, offset: number): number {
  let lo = 0;
  let hi = layout.chunks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >>> 1;
    if ((layout.starts[mid] as number) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * The parts of [offset, offset + length) of `a` not known equal to `b` at `otherOffset`, as
 * [start, end) pairs relative to the range. A part is known equal when the chunk of `a` holding it
 * is matched by a chunk of `b` with the same digest and length at the same place relative to the
 * range: equal chunks hold equal bytes, so neither needs reading.
 */
function unknownParts(a: ChunkLayout, offset: number, b: ChunkLayout, otherOffset: number, length: number): [number, number][] {
  const parts: [number, number][] = [];
  const end = offset + length;
  for (let i = length > 0 ? chunkAt(a, offset) : a.chunks.length; i < a.chunks.length && (a.starts[i] as number) < end; i++) {
    const ca = a.chunks[i] as ChunkRecord;
    const there = otherOffset + ((a.starts[i] as number) - offset);
    const j = there >= 0 && there < (b.starts[b.chunks.length] as number) ? chunkAt(b, there) : -1;
    const cb = b.chunks[j];
    if (cb !== undefined && (b.starts[j] as number) === there && cb.length === ca.length && cb.sha256.equals(ca.sha256)) continue;
    const from = Math.max(a.starts[i] as number, offset) - offset;
    const to = Math.min(a.starts[i + 1] as number, end) - offset;
    const previous = parts[parts.length - 1];
    if (previous !== undefined && previous[1] === from) previous[1] = to;
    else parts.push([from, to]);
  }
  return parts;
}

/**
 * A full snapshot's file as its chunks. Blocks are decoded whole as the walk reaches them, a few
 * at a time (the reader's block cache), never the whole file at once; each block's digest is
 * checked as it is read, which covers every byte handed out.
 */
function chunkedSource(reader: SnapshotReader, entry: FileEntry, chunks: readonly ChunkRecord[], sided: (error: unknown) => unknown, onRead: (block: number) => void): ByteSource {
  const starts = new Float64Array(chunks.length + 1);
  for (let k = 0; k < chunks.length; k++) starts[k + 1] = (starts[k] as number) + (chunks[k] as ChunkRecord).length;
  const layout: ChunkLayout = { chunks, starts };
  let lender: { reader: SnapshotReader; chunks: readonly ChunkRecord[]; byDigest: Map<string, number> } | null = null;
  /** Chunk `chunk`'s bytes from the lender's cache when it has them decoded, else from this reader's blocks. */
  const chunkBytes = (chunk: ChunkRecord): Buffer => {
    if (lender !== null) {
      const theirs = lender.chunks[lender.byDigest.get(digestKey(chunk.sha256)) ?? -1];
      if (theirs !== undefined && lender.reader.hasBlock(theirs.block)) return lender.reader.readChunk(theirs, true);
    }
    onRead(chunk.block);
    return reader.readChunk(chunk, true);
  };
  const scan = (offset: number, length: number, visit: (piece: Buffer) => void): void => {
    checkRange(entry.size, offset, length, entry.path);
    try {
      for (let at = offset, end = offset + length, k = length > 0 ? chunkAt(layout, offset) : 0; at < end; k++) {
        const start = starts[k] as number;
        const bytes = chunkBytes(chunks[k] as ChunkRecord);
        const stop = Math.min(end, start + bytes.length);
        visit(bytes.subarray(at - start, stop - start));
        at = stop;
      }
    } catch (error) {
      throw sided(error);
    }
  };
  const read = (offset: number, length: number): Buffer => {
    const parts: Buffer[] = [];
    scan(offset, length, (p) => parts.push(p));
    // One piece is a view of a decoded block, which nothing writes to: no copy needed.
    return parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts, length);
  };
  const source: ByteSource = {
    size: entry.size,
    read,
    view: read,
    unknownParts: (offset, other, otherOffset, length) => {
      const theirs = layouts.get(other);
      return theirs === undefined ? null : unknownParts(layout, offset, theirs.layout, otherOffset, length);
    },
    borrowFrom: (other) => {
      const theirs = layouts.get(other);
      if (theirs === undefined || theirs.reader === reader) return;
      const byDigest = new Map<string, number>();
      theirs.layout.chunks.forEach((c, i) => byDigest.set(digestKey(c.sha256), i));
      lender = { reader: theirs.reader, chunks: theirs.layout.chunks, byDigest };
    },
    close: () => undefined,
  };
  layouts.set(source, { layout, reader });
  return source;
}
