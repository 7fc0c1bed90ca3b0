/**
 * `store export`: a stored snapshot back as a standalone `.vitsnap` file. Blocks are rebuilt from
 * their chunks in the recorded layout and encoded as capture encodes them, so the file is the one
 * that was added, byte for byte (its SHA-256 is the snapshot id). Should an encoder ever produce
 * different bytes (another zstd), the blocks are written as encoded now, with the index and
 * trailer rewritten to match: a valid snapshot of the same content, under a new digest.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { SnapshotFormatError } from '../errors.js';
import { AtomicFile } from '../snapshot/atomic-file.js';
import { blockLevel } from '../snapshot/block-planner.js';
import { encodeBlock } from '../snapshot/codecs.js';
import { HEADER_SIZE, TRAILER_SIZE, encodeIndex, encodeTrailer, chunksByBlock, type BlockRecord, type ChunkRecord, type ChunkTable, type Trailer } from '../snapshot/format.js';
import { readChunk } from './chunks.js';
import type { StoreLayout } from './layout.js';
import { RECORD_PREFIX, openRecord, recordPath, touchRecord } from './records.js';
import { StoreSession } from './sessions.js';

export interface ExportResult {
  output: string;
  bytes: number;
  sha256: string;
  /** True when the file is byte-identical to the one added (its digest is the id). */
  identical: boolean;
}

export async function exportSnapshot(layout: StoreLayout, id: string, output: string, onProgress?: (done: number, total: number) => void): Promise<ExportResult> {
  const session = StoreSession.begin(layout, `export ${id.slice(0, 12)}`);
  const reader = openRecord(layout, id);
  const out = new AtomicFile(output);
  try {
    const { blocks, chunks } = reader.loadIndex();
    const { start, order } = chunksByBlock(blocks.length, chunks);
    const record = readRecordBytes(layout, id, reader.fileSize - reader.trailer.entriesOffset);
    const whole = createHash('sha256');
    const write = (data: Buffer): void => {
      whole.update(data);
      out.write(data);
    };
    write(record.header);
    const rewritten: BlockRecord[] = [];
    let same = true;
    blocks.forEach((b, i) => {
      const raw = Buffer.alloc(b.rawLength);
      for (let j = start[i] as number; j < (start[i + 1] as number); j++) {
        const k = order[j] as number;
        const c = chunks.at(k);
        if (c.offset + c.length > raw.length) throw new SnapshotFormatError('E_CORRUPT', `${reader.path}: chunk ${c.sha256.toString('hex').slice(0, 12)}… lies outside block ${i}: the store is damaged`);
        readChunk(layout, c.sha256.toString('hex'), c.length).copy(raw, c.offset);
      }
      const stored = encodeBlock(raw, b.codec, b.width, blockLevel(b.codec, b.rawLength));
      const sha256 = createHash('sha256').update(stored).digest();
      if (!sha256.equals(b.sha256) || out.position !== b.offset) same = false;
      rewritten.push({ ...b, offset: out.position, storedLength: stored.length, sha256 });
      write(stored);
      onProgress?.(i + 1, blocks.length);
    });
    if (same) write(record.tail);
    else writeNewTail(write, out.position, record.tail, reader.trailer, rewritten, chunks);
    const sha256 = whole.digest('hex');
    const bytes = out.position;
    out.commit();
    touchRecord(layout, id);
    return { output: out.target, bytes, sha256, identical: sha256 === id };
  } catch (error) {
    out.abort();
    throw error;
  } finally {
    reader.close();
    session.end();
  }
}

/** The sections keep their bytes; only offsets, the index's block records and the trailer change. */
function writeNewTail(
  write: (data: Buffer) => void,
  at: number,
  tail: Buffer,
  t: Trailer,
  blocks: BlockRecord[],
  table: ChunkTable,
): void {
  const sections = tail.subarray(0, t.entriesStoredLength + t.manifestStoredLength);
  const records: ChunkRecord[] = [];
  for (let k = 0; k < table.length; k++) records.push(table.at(k));
  const index = encodeIndex(blocks, records);
  write(sections);
  write(index);
  write(
    encodeTrailer({
      ...t,
      entriesOffset: at,
      manifestOffset: at + t.entriesStoredLength,
      indexOffset: at + sections.length,
      indexLength: index.length,
      indexSha256: createHash('sha256').update(index).digest(),
    }),
  );
}

function readRecordBytes(layout: StoreLayout, id: string, tailLength: number): { header: Buffer; tail: Buffer } {
  const fd = openSync(recordPath(layout, id), 'r');
  try {
    const buf = Buffer.allocUnsafe(HEADER_SIZE + tailLength);
    let done = 0;
    while (done < buf.length) {
      const n = readSync(fd, buf, done, buf.length - done, RECORD_PREFIX + done);
      if (n === 0) throw new SnapshotFormatError('E_TRUNCATED', `the record of snapshot ${id.slice(0, 12)} in store ${layout.root} is truncated: the store is damaged`);
      done += n;
    }
    if (tailLength < TRAILER_SIZE) throw new SnapshotFormatError('E_CORRUPT', `the record of snapshot ${id.slice(0, 12)} is too short: the store is damaged`);
    return { header: buf.subarray(0, HEADER_SIZE), tail: buf.subarray(HEADER_SIZE) };
  } finally {
    closeSync(fd);
  }
}
