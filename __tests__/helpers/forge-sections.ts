/**
 * Assembles `.vitsnap` bytes from raw parts — entries and manifest JSON text as bytes, block
 * payloads, a chunk table — through the real encoders, with every digest correct. Lets tests build
 * inputs at the reader's limits (a million entries, a 32 MiB manifest) quickly, and re-seal
 * mutated sections so the checks beneath the checksums are what gets tested.
 */
import { createHash } from 'node:crypto';
import { zstdCompress } from '../../src/snapshot/codecs.js';
import {
  BLOCK_RECORD_SIZE,
  CHUNK_RECORD_SIZE,
  HEADER_SIZE,
  TRAILER_SIZE,
  encodeHeader,
  encodeIndex,
  encodeTrailer,
  type BlockRecord,
} from '../../src/snapshot/format.js';

const sha = (b: Uint8Array): Buffer => createHash('sha256').update(b).digest();

export interface SnapshotParts {
  /** Stored block payloads, back to back after the header, with their records (offset and digest are filled in). */
  blocks?: { stored: Buffer; rawLength: number; codec: 0 | 1 | 2; width: number }[];
  /** The encoded chunk records (44 bytes each), already sorted by digest. */
  chunkTable?: Buffer;
  entriesRaw: Buffer;
  summaryRaw: Buffer;
  /** zstd level for both sections; 1 keeps big forged sections fast. */
  level?: number;
}

export function assembleSnapshot(parts: SnapshotParts): Buffer {
  const pieces: Buffer[] = [encodeHeader()];
  const records: BlockRecord[] = [];
  let at = HEADER_SIZE;
  for (const b of parts.blocks ?? []) {
    records.push({ offset: at, storedLength: b.stored.length, rawLength: b.rawLength, codec: b.codec, width: b.width, sha256: sha(b.stored) });
    pieces.push(b.stored);
    at += b.stored.length;
  }
  const chunkTable = parts.chunkTable ?? Buffer.alloc(0);
  const index = Buffer.concat([encodeIndex(records, []), chunkTable]);
  const level = parts.level ?? 1;
  const entriesStored = zstdCompress(parts.entriesRaw, level);
  const summaryStored = zstdCompress(parts.summaryRaw, level);
  const entriesOffset = at;
  const manifestOffset = entriesOffset + entriesStored.length;
  const indexOffset = manifestOffset + summaryStored.length;
  pieces.push(
    entriesStored,
    summaryStored,
    index,
    encodeTrailer({
      entriesOffset,
      entriesStoredLength: entriesStored.length,
      entriesRawLength: parts.entriesRaw.length,
      manifestOffset,
      manifestStoredLength: summaryStored.length,
      manifestRawLength: parts.summaryRaw.length,
      indexOffset,
      indexLength: index.length,
      blockCount: records.length,
      chunkCount: chunkTable.length / CHUNK_RECORD_SIZE,
      entriesSha256: sha(entriesStored),
      manifestSha256: sha(summaryStored),
      indexSha256: sha(index),
    }),
  );
  return Buffer.concat(pieces);
}

/** A snapshot taken apart again: what `assembleSnapshot` needs to rebuild it (sections decompressed). */
export interface SnapshotSections {
  blocks: { stored: Buffer; rawLength: number; codec: 0 | 1 | 2; width: number }[];
  chunkTable: Buffer;
  entriesRaw: Buffer;
  summaryRaw: Buffer;
}

/** Splits a well-formed snapshot into its parts (trusting it: for building mutations of good files). */
export function disassembleSnapshot(file: Buffer, decompress: (stored: Buffer, rawLength: number) => Buffer): SnapshotSections {
  const t = file.subarray(file.length - TRAILER_SIZE);
  const num = (o: number): number => Number(t.readBigUInt64LE(o));
  const blockCount = t.readUInt32LE(72);
  const index = file.subarray(num(56), num(56) + num(64));
  const blocks: SnapshotSections['blocks'] = [];
  for (let i = 0; i < blockCount; i++) {
    const r = index.subarray(i * BLOCK_RECORD_SIZE);
    const offset = Number(r.readBigUInt64LE(0));
    blocks.push({
      stored: Buffer.from(file.subarray(offset, offset + r.readUInt32LE(8))),
      rawLength: r.readUInt32LE(12),
      codec: r.readUInt8(16) as 0 | 1 | 2,
      width: r.readUInt8(17),
    });
  }
  return {
    blocks,
    chunkTable: Buffer.from(index.subarray(blockCount * BLOCK_RECORD_SIZE)),
    entriesRaw: decompress(file.subarray(num(8), num(8) + num(16)), num(24)),
    summaryRaw: decompress(file.subarray(num(32), num(32) + num(40)), num(48)),
  };
}

/** A manifest section (summary) for `entries`, consistent with them and with the given block and chunk counts. */
export function summaryFor(counts: { files: number; dirs: number; symlinks: number; blocks: number; chunks: number }, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    createdAt: null,
    metadata: null,
    parent: null,
    source: { dirty: null, ref: null, repository: null, runId: null, sha: null },
    stats: {
      blocks: counts.blocks,
      bytes: 0,
      chunks: counts.chunks,
      classes: Object.fromEntries(['binary', 'compressed', 'tensor', 'text'].map((c) => [c, { bytes: 0, files: 0 }])),
      dirs: counts.dirs,
      files: counts.files,
      storedBytes: 0,
      symlinks: counts.symlinks,
    },
    tool: { name: 'vitsnap', version: 'forged' },
    ...extra,
  };
}
