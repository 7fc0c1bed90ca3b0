/**
 * The CPU-heavy work of a capture, run inside worker threads (or inline for small trees):
 * `hashFiles` reads each file once to hash, chunk and classify it; `packBlock` gathers a block's
 * chunks from their files, encodes and digests it. Both check the file did not change since the walk.
 */
import { createHash, type Hash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { OperationError, fromSystemError } from '../errors.js';
import { Chunker, CHUNKING_THRESHOLD } from './chunker.js';
import { chooseTensorWidth, classifyHead } from './classify.js';
import { encodeBlock } from './codecs.js';
import { Codec, type CodecId } from './format.js';
import type { ContentClass } from './types.js';

export const SCRATCH_BYTES = 4 * 1024 * 1024;
const TENSOR_SAMPLE_OFFSET = 64 * 1024;
const TENSOR_SAMPLE_BYTES = 256 * 1024;

export interface FileToHash {
  absPath: string;
  path: string;
  size: number;
  mtimeMs: number;
}

export interface ChunkInfo {
  length: number;
  sha256: string;
}

export interface HashedFile {
  sha256: string;
  class: ContentClass;
  /** Element width for byte grouping (tensor class only), else 0. */
  width: number;
  /** Chunk list for files above the chunking threshold, else null (one chunk: the file). */
  chunks: ChunkInfo[] | null;
}

export interface PackSegment {
  absPath: string;
  /** Walked size and mtime, to detect a file that changed during the capture. */
  size: number;
  mtimeMs: number;
  fileOffset: number;
  length: number;
  blockOffset: number;
  /** Bytes already in memory (a patch); `absPath` is then unused. */
  data?: Uint8Array;
}

export interface PackJob {
  codec: CodecId;
  width: number;
  level: number;
  rawLength: number;
  segments: PackSegment[];
}

export interface PackedBlock {
  stored: Buffer;
  sha256: Buffer;
}

function openUnchanged(absPath: string, path: string, size: number, mtimeMs: number): number {
  let fd: number;
  try {
    fd = openSync(absPath, 'r');
  } catch (error) {
    throw fromSystemError(error, `cannot read ${path}`);
  }
  const st = fstatSync(fd);
  if (st.size !== size || st.mtimeMs !== mtimeMs) {
    closeSync(fd);
    throw new OperationError('E_CHANGED', `${path} changed while the snapshot was being taken; capture after the build has finished`);
  }
  return fd;
}

function readFully(fd: number, buf: Buffer, length: number, position: number, path: string): void {
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buf, done, length - done, position + done);
    if (n === 0) throw new OperationError('E_CHANGED', `${path} became shorter while the snapshot was being taken`);
    done += n;
  }
}

/** Hashes, classifies and (above the threshold) chunks one file with a single read of each byte. */
export function hashFile(file: FileToHash, scratch: Buffer): HashedFile {
  const fd = openUnchanged(file.absPath, file.path, file.size, file.mtimeMs);
  try {
    const fileHash = createHash('sha256');
    const chunker = file.size > CHUNKING_THRESHOLD ? new Chunker() : null;
    const chunks: ChunkInfo[] = [];
    let chunkHash: Hash = createHash('sha256');
    let chunkFill = 0; // bytes of the current chunk already hashed, from earlier pieces
    let cls: ContentClass = 'text';
    let width = 0;
    let position = 0;
    do {
      const length = Math.min(scratch.length, file.size - position);
      readFully(fd, scratch, length, position, file.path);
      const piece = scratch.subarray(0, length);
      if (position === 0) [cls, width] = classify(file.path, piece);
      fileHash.update(piece);
      if (chunker !== null) {
        let from = 0;
        for (const cut of chunker.push(piece)) {
          const take = cut - chunkFill;
          chunkHash.update(piece.subarray(from, from + take));
          chunks.push({ length: cut, sha256: chunkHash.digest('hex') });
          from += take;
          chunkHash = createHash('sha256');
          chunkFill = 0;
        }
        chunkHash.update(piece.subarray(from));
        chunkFill += length - from;
      }
      position += length;
    } while (position < file.size);
    if (chunker !== null) {
      const last = chunker.finish();
      if (last > 0) chunks.push({ length: last, sha256: chunkHash.digest('hex') });
    }
    return { sha256: fileHash.digest('hex'), class: cls, width, chunks: chunks.length > 1 ? chunks : null };
  } finally {
    closeSync(fd);
  }
}

function classify(path: string, head: Buffer): [ContentClass, number] {
  const cls = classifyHead(path, head);
  if (cls !== 'tensor') return [cls, 0];
  // Sample past any header, at an offset that keeps 2- and 4-byte elements aligned.
  const start = head.length >= TENSOR_SAMPLE_OFFSET + TENSOR_SAMPLE_BYTES ? TENSOR_SAMPLE_OFFSET : 0;
  const width = chooseTensorWidth(head.subarray(start, start + TENSOR_SAMPLE_BYTES));
  return width === 0 ? ['binary', 0] : ['tensor', width];
}

export function hashFiles(files: readonly FileToHash[], scratch: Buffer): HashedFile[] {
  return files.map((file) => hashFile(file, scratch));
}

/** Buffers a thread reuses from block to block, so packing does not churn through large allocations. */
export class PackScratch {
  private raw = Buffer.alloc(0);
  private grouped = Buffer.alloc(0);

  rawBuffer(length: number): Buffer {
    if (this.raw.length < length) this.raw = Buffer.from(new ArrayBuffer(length));
    return this.raw.subarray(0, length);
  }

  groupBuffer(length: number): Buffer {
    if (this.grouped.length < length) this.grouped = Buffer.from(new ArrayBuffer(length));
    return this.grouped.subarray(0, length);
  }
}

/** Reads a block's chunks from their files into one raw buffer, then encodes and digests it. */
export function packBlock(job: PackJob, scratch: PackScratch): PackedBlock {
  // A stored (uncompressed) block is the raw buffer itself and leaves this thread: give it its own
  // ArrayBuffer. Otherwise reuse the scratch buffer, zeroed where tensor padding leaves gaps.
  const raw = job.codec === Codec.none ? Buffer.from(new ArrayBuffer(job.rawLength)) : scratch.rawBuffer(job.rawLength);
  if (job.width > 1) raw.fill(0);
  let openPath = '';
  let fd = -1;
  try {
    for (const s of job.segments) {
      if (s.data !== undefined) {
        raw.set(s.data, s.blockOffset);
        continue;
      }
      if (s.absPath !== openPath) {
        if (fd >= 0) closeSync(fd);
        fd = -1;
        fd = openUnchanged(s.absPath, s.absPath, s.size, s.mtimeMs);
        openPath = s.absPath;
      }
      readFully(fd, raw.subarray(s.blockOffset, s.blockOffset + s.length), s.length, s.fileOffset, s.absPath);
    }
  } finally {
    if (fd >= 0) closeSync(fd);
  }
  const stored = encodeBlock(raw, job.codec, job.width, job.level, scratch);
  return { stored, sha256: createHash('sha256').update(stored).digest() };
}
