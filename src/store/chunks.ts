/**
 * Chunk objects: one file per chunk, named by the SHA-256 of its raw bytes and compressed by the
 * codec of the block it came from. Written once (temp file + rename, so a reader never sees half
 * of one) and never modified; a reader checks the digest every time.
 *
 *   "VSC1" | codec u8 | width u8 | 0 u16 | raw length u64 LE | stored bytes
 */
import { createHash, randomBytes } from 'node:crypto';
import { closeSync, existsSync, fstatSync, mkdirSync, openSync, readSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SnapshotFormatError, fromSystemError } from '../errors.js';
import { blockLevel } from '../snapshot/block-planner.js';
import { decodeBlock, encodeBlock } from '../snapshot/codecs.js';
import { Codec, LIMITS, type CodecId } from '../snapshot/format.js';
import { chunkPath, type StoreLayout } from './layout.js';

const MAGIC = Buffer.from('VSC1', 'latin1');
export const CHUNK_HEADER = 16;

export interface ChunkObject {
  codec: CodecId;
  width: number;
  rawLength: number;
  /** Bytes on disk, header included. */
  storedLength: number;
}

export function hasChunk(layout: StoreLayout, hex: string): boolean {
  return existsSync(chunkPath(layout, hex));
}

/** Encodes `raw` as a chunk object; incompressible chunks are stored as they are. */
export function encodeChunk(raw: Uint8Array, codec: CodecId, width: number): Buffer {
  let use = codec;
  let body = codec === Codec.none ? Buffer.from(raw.buffer, raw.byteOffset, raw.length) : encodeBlock(raw, codec, width, blockLevel(codec, raw.length));
  if (body.length >= raw.length && codec !== Codec.none) {
    use = Codec.none;
    body = Buffer.from(raw.buffer, raw.byteOffset, raw.length);
  }
  const header = Buffer.alloc(CHUNK_HEADER);
  MAGIC.copy(header, 0);
  header.writeUInt8(use, 4);
  header.writeUInt8(use === Codec.bytegroupZstd ? width : 0, 5);
  header.writeBigUInt64LE(BigInt(raw.length), 8);
  return Buffer.concat([header, body]);
}

/**
 * Writes a chunk unless the store has it. Returns the bytes written, 0 when it was there. Two
 * processes writing the same chunk both rename identical bytes into place, which is harmless.
 */
export function putChunk(layout: StoreLayout, hex: string, raw: Uint8Array, codec: CodecId, width: number): number {
  return existsSync(chunkPath(layout, hex)) ? 0 : writeObject(layout, hex, encodeChunk(raw, codec, width));
}

/** Callers have checked the chunk is absent; a racing writer renames identical bytes over it. */
function writeObject(layout: StoreLayout, hex: string, data: Buffer): number {
  const target = chunkPath(layout, hex);
  const temp = join(layout.tmp, `chunk-${process.pid}-${randomBytes(6).toString('hex')}`);
  let fd = -1;
  try {
    fd = openSync(temp, 'wx', 0o444);
    let done = 0;
    while (done < data.length) done += writeSync(fd, data, done, data.length - done);
    closeSync(fd);
    fd = -1;
    mkdirSync(dirname(target), { recursive: true });
    renameSync(temp, target);
  } catch (error) {
    if (fd >= 0) closeSync(fd);
    try {
      unlinkSync(temp);
    } catch {
      // never created, or already renamed
    }
    throw fromSystemError(error, `cannot write chunk ${hex.slice(0, 12)}… into store ${layout.root}`);
  }
  return data.length;
}

/**
 * Writes a chunk object received from elsewhere (a registry) after checking it decodes to the
 * chunk its name says; returns the bytes written, 0 when the store had it.
 */
export function putChunkObject(layout: StoreLayout, hex: string, data: Buffer): number {
  if (existsSync(chunkPath(layout, hex))) return 0;
  decodeChunk(data, hex, layout.root);
  return writeObject(layout, hex, data);
}

const DAMAGED = 'the store is damaged: run vitsnap store verify, then add the snapshot again from a good copy';

/** Reads, decodes and digest-checks one chunk. */
export function readChunk(layout: StoreLayout, hex: string, expectedLength?: number): Buffer {
  const path = chunkPath(layout, hex);
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new SnapshotFormatError('E_CORRUPT', `chunk ${hex.slice(0, 12)}… is missing from store ${layout.root}: ${DAMAGED}`);
    }
    throw fromSystemError(error, `cannot read chunk ${hex.slice(0, 12)}… of store ${layout.root}`);
  }
  let data: Buffer;
  try {
    const size = fstatSync(fd).size;
    if (size < CHUNK_HEADER || size > CHUNK_HEADER + LIMITS.blockRawBytes) {
      throw new SnapshotFormatError('E_CORRUPT', `chunk ${hex.slice(0, 12)}… in store ${layout.root} has an impossible size (${size} bytes): ${DAMAGED}`);
    }
    data = Buffer.allocUnsafe(size);
    let done = 0;
    while (done < size) {
      const n = readSync(fd, data, done, size - done, done);
      if (n === 0) break;
      done += n;
    }
    if (done !== size) throw new SnapshotFormatError('E_TRUNCATED', `chunk ${hex.slice(0, 12)}… in store ${layout.root} is truncated: ${DAMAGED}`);
  } finally {
    closeSync(fd);
  }
  return decodeChunk(data, hex, layout.root, expectedLength);
}

export function chunkHeader(data: Buffer, what: string): ChunkObject {
  if (data.length < CHUNK_HEADER || !data.subarray(0, 4).equals(MAGIC) || data.readUInt16LE(6) !== 0) {
    throw new SnapshotFormatError('E_CORRUPT', `${what} is not a chunk object: ${DAMAGED}`);
  }
  const codec = data.readUInt8(4);
  const width = data.readUInt8(5);
  const rawLength = data.readBigUInt64LE(8);
  if (codec > Codec.bytegroupZstd || rawLength > BigInt(LIMITS.blockRawBytes) || (codec === Codec.bytegroupZstd) !== (width === 2 || width === 4)) {
    throw new SnapshotFormatError('E_CORRUPT', `${what} has an invalid header: ${DAMAGED}`);
  }
  return { codec: codec as CodecId, width, rawLength: Number(rawLength), storedLength: data.length };
}

export function decodeChunk(data: Buffer, hex: string, root: string, expectedLength?: number): Buffer {
  const what = `chunk ${hex.slice(0, 12)}… in store ${root}`;
  const h = chunkHeader(data, what);
  if (expectedLength !== undefined && h.rawLength !== expectedLength) {
    throw new SnapshotFormatError('E_CORRUPT', `${what} holds ${h.rawLength} bytes, the snapshot expects ${expectedLength}: ${DAMAGED}`);
  }
  const body = data.subarray(CHUNK_HEADER);
  if (h.codec === Codec.none && body.length !== h.rawLength) throw new SnapshotFormatError('E_CORRUPT', `${what} is truncated: ${DAMAGED}`);
  const raw = decodeBlock(body, h.codec, h.width, h.rawLength, what);
  if (createHash('sha256').update(raw).digest('hex') !== hex) {
    throw new SnapshotFormatError('E_CHECKSUM', `${what} does not match its SHA-256: ${DAMAGED}`);
  }
  return raw;
}
