/**
 * A `.vitsnap` side of a diff. Opening it checks everything cheap (header, trailer, manifest and
 * index digests), so a damaged file fails at once; block contents are only read for files whose
 * digests differ, so the side counts what it read and the report says what was not.
 */
import { OperationError, SnapshotFormatError } from '../errors.js';
import type { SnapshotReader } from '../snapshot/reader.js';
import type { Entry, FileEntry, Metadata } from '../snapshot/types.js';
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
