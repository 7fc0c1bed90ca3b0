/**
 * A `.vitsnap` side of a diff. Opening it checks everything cheap (header, trailer, manifest and
 * index digests), so a damaged file fails at once; block contents are only read for files whose
 * digests differ, so the side counts what it read and the report says what was not.
 */
import { createHash } from 'node:crypto';
import { OperationError, SnapshotFormatError } from '../errors.js';
import type { ChunkRecord } from '../snapshot/format.js';
import type { SnapshotReader } from '../snapshot/reader.js';
import type { Entry, FileEntry, Metadata } from '../snapshot/types.js';
import type { ByteSource } from './byte-source.js';
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
          for (const chunk of chunks) blocksRead.add(chunk.block);
          filesRead.add(entry.path);
          return chunkedSource(reader, entry, chunks, (error) => onSide(error, side, label));
        } catch (error) {
          throw onSide(error, side, label);
        }
      },
      verification: () => {
        const unread = entries.filter((e) => e.type === 'file' && e.size > 0 && !filesRead.has(e.path)).length;
        return { side: side === 'BEFORE' ? 'before' : 'after', label, blocksRead: blocksRead.size, blocksTotal: reader.trailer.blockCount, filesNotRead: unread };
      },
      close: () => reader.close(),
    };
  } catch (error) {
    reader.close();
    throw onSide(error, side, label);
  }
}

/**
 * A full snapshot's file as its chunks, each checked against its digest the first time it is
 * touched: the whole-file digest check of `readFileBuffer`, done piecewise. Blocks are decoded as
 * the walk reaches them, a few at a time (the reader's block cache), never the whole file at once.
 */
function chunkedSource(reader: SnapshotReader, entry: FileEntry, chunks: readonly ChunkRecord[], sided: (error: unknown) => unknown): ByteSource {
  const starts = new Float64Array(chunks.length + 1);
  for (let k = 0; k < chunks.length; k++) starts[k + 1] = (starts[k] as number) + (chunks[k] as ChunkRecord).length;
  const checked = new Uint8Array(chunks.length);
  const chunkAt = (offset: number): number => {
    let lo = 0;
    let hi = chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((starts[mid] as number) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const piece = (k: number): Buffer => {
    const c = chunks[k] as ChunkRecord;
    const bytes = reader.readChunk(c, true);
    if (checked[k] === 0) {
      if (!createHash('sha256').update(bytes).digest().equals(c.sha256)) {
        throw new SnapshotFormatError('E_CHECKSUM', `${reader.path}: ${entry.path}: a chunk does not match its SHA-256: the file was damaged after it was written; fetch a fresh copy`);
      }
      checked[k] = 1;
    }
    return bytes;
  };
  const checkRange = (offset: number, length: number): void => {
    if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || offset < 0 || length < 0 || offset + length > entry.size) {
      throw new OperationError('E_IO', `${entry.path}: ${length} bytes at offset ${offset} are outside its ${entry.size} bytes`);
    }
  };
  const scan = (offset: number, length: number, visit: (piece: Buffer) => void): void => {
    checkRange(offset, length);
    try {
      for (let at = offset, end = offset + length, k = length > 0 ? chunkAt(offset) : 0; at < end; k++) {
        const start = starts[k] as number;
        const bytes = piece(k);
        const stop = Math.min(end, start + bytes.length);
        visit(bytes.subarray(at - start, stop - start));
        at = stop;
      }
    } catch (error) {
      throw sided(error);
    }
  };
  return {
    size: entry.size,
    inMemory: false,
    read: (offset, length) => {
      const parts: Buffer[] = [];
      scan(offset, length, (p) => parts.push(p));
      // One piece is a view of a decoded block, which nothing writes to: no copy needed.
      return parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts, length);
    },
    scan,
    close: () => undefined,
  };
}
