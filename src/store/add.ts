/**
 * `store add`: takes a `.vitsnap` file into the store in one pass over its bytes. Each block is
 * digest-checked and decoded, each chunk checked against its digest and written unless the store
 * has it; the whole file's SHA-256, computed on the way, names the record.
 */
import { createHash } from 'node:crypto';
import { closeSync, existsSync, openSync, readSync } from 'node:fs';
import { OperationError, SnapshotFormatError, fromSystemError } from '../errors.js';
import { decodeBlock } from '../snapshot/codecs.js';
import { HEADER_SIZE, chunksByBlock } from '../snapshot/format.js';
import { SnapshotReader } from '../snapshot/reader.js';
import { hasChunk, putChunk } from './chunks.js';
import type { StoreLayout } from './layout.js';
import { openRecord, recordPath, setName, touchRecord, writeRecord } from './records.js';
import { StoreSession } from './sessions.js';

export interface AddResult {
  id: string;
  /** False when the store already held this very snapshot. */
  added: boolean;
  chunks: number;
  newChunks: number;
  reusedChunks: number;
  /** Raw bytes of the chunks the store already had: what this add did not have to store again. */
  reusedBytes: number;
  /** Bytes written into the store (chunk objects and the record). */
  writtenBytes: number;
  snapshotBytes: number;
}

export interface AddProgress {
  doneBlocks: number;
  totalBlocks: number;
}

export interface AddOptions {
  name?: string;
  onProgress?: (p: AddProgress) => void;
  /**
   * Check each block's digest (default). `create --store` turns it off for the file it has just
   * written: new chunks are still checked against their own digests, and the file's SHA-256 (the
   * id) is still computed from every byte.
   */
  verifyBlocks?: boolean;
}

export async function addSnapshot(layout: StoreLayout, file: string, options: AddOptions = {}): Promise<AddResult> {
  const session = StoreSession.begin(layout, `add ${file}`);
  try {
    return addWithin(layout, file, options);
  } finally {
    session.end();
  }
}

function addWithin(layout: StoreLayout, file: string, options: AddOptions): AddResult {
  const reader = SnapshotReader.open(file);
  let fd = -1;
  try {
    const parent = reader.summary.parent;
    if (parent !== null && !existsSync(recordPath(layout, parent))) {
      throw new OperationError('E_PARENT', `${file} is a delta snapshot whose parent sha256:${parent} is not in the store ${layout.root}; add the parent first (vitsnap store add PARENT.vitsnap), or flatten it (vitsnap flatten ${file} -o FULL.vitsnap)`);
    }
    if (parent !== null) reader.parentLoader = () => openRecord(layout, parent);
    const { blocks, chunks } = reader.loadIndex();
    // Every file's chunks must be in the index, adding up to its size: checked before anything is written.
    for (const e of reader.manifest.entries) if (e.type === 'file') reader.fileChunks(e);
    try {
      fd = openSync(file, 'r');
    } catch (error) {
      throw fromSystemError(error, `cannot open snapshot ${file}`);
    }
    const whole = createHash('sha256');
    const header = readExactly(fd, 0, HEADER_SIZE, file);
    whole.update(header);
    const { start, order } = chunksByBlock(blocks.length, chunks);
    let position = HEADER_SIZE;
    let newChunks = 0;
    let reusedChunks = 0;
    let reusedBytes = 0;
    let writtenBytes = 0;
    blocks.forEach((b, i) => {
      if (b.offset !== position) throw new SnapshotFormatError('E_CORRUPT', `${file}: block ${i} is not where the previous one ends: the file is corrupt; fetch it again`);
      const stored = readExactly(fd, b.offset, b.storedLength, file);
      whole.update(stored);
      position += b.storedLength;
      if (options.verifyBlocks !== false && !createHash('sha256').update(stored).digest().equals(b.sha256)) {
        throw new SnapshotFormatError('E_CHECKSUM', `${file}: block ${i} checksum mismatch: the file was damaged after it was written; fetch a fresh copy`);
      }
            let raw: Buffer | null = null;
      for (let j = start[i] as number; j < (start[i + 1] as number); j++) {
        const k = order[j] as number;
        const c = chunks.at(k);
        const hex = c.sha256.toString('hex');
        if (hasChunk(layout, hex)) {
          reusedChunks++;
          reusedBytes += c.length;
          continue;
        }
        raw ??= decodeBlock(stored, b.codec, b.width, b.rawLength, `${file}: block ${i}`);
        const bytes = raw.subarray(c.offset, c.offset + c.length);
        if (c.offset + c.length > raw.length || createHash('sha256').update(bytes).digest('hex') !== hex) {
          throw new SnapshotFormatError('E_CHECKSUM', `${file}: chunk ${hex.slice(0, 12)}… in block ${i} does not match its digest: the file was damaged after it was written; fetch a fresh copy`);
        }
        const written = putChunk(layout, hex, bytes, b.codec, b.width);
        if (written > 0) newChunks++;
        else reusedChunks++;
        writtenBytes += written;
      }
      options.onProgress?.({ doneBlocks: i + 1, totalBlocks: blocks.length });
    });
    if (position !== reader.trailer.entriesOffset) {
      throw new SnapshotFormatError('E_CORRUPT', `${file}: bytes between the blocks and the entries belong to no block: the file is corrupt; fetch it again`);
    }
    const tail = readExactly(fd, position, reader.fileSize - position, file);
    whole.update(tail);
    const id = whole.digest('hex');
    const exists = existsSync(recordPath(layout, id));
    if (!exists) {
      writeRecord(layout, id, reader.fileSize, header, tail);
      writtenBytes += tail.length + HEADER_SIZE;
    }
    touchRecord(layout, id);
    if (options.name !== undefined) setName(layout, options.name, id);
    return { id, added: !exists, chunks: chunks.length, newChunks, reusedChunks, reusedBytes, writtenBytes, snapshotBytes: reader.fileSize };
  } finally {
    if (fd >= 0) closeSync(fd);
    reader.close();
  }
}

function readExactly(fd: number, position: number, length: number, file: string): Buffer {
  const buf = Buffer.allocUnsafe(length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buf, done, length - done, position + done);
    if (n === 0) throw new SnapshotFormatError('E_TRUNCATED', `${file} is truncated: the download or copy was cut off; fetch it again`);
    done += n;
  }
  return buf;
}
