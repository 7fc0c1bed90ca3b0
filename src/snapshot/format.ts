/**
 * Byte layout of a `.vitsnap` v1 file (specified in docs/format.md):
 *
 *   header (32) | blocks … | entries (zstd JSON) | manifest (zstd JSON) | index | trailer (200)
 *
 * Every section is contiguous and in this order, so a reader can bounds-check each offset against
 * the next section before using it. The manifest is the small summary (source, metadata, stats);
 * the entries (one per path) are a section of their own, so `info` never reads them.
 */
import { createHash } from 'node:crypto';
import { SnapshotFormatError } from '../errors.js';

export const FORMAT_MAJOR = 1;
export const FORMAT_MINOR = 0;
/**
 * Delta snapshots (a parent, entries with patches) are major 2: a 1.x reader would find chunks
 * missing and call the file corrupt, while a major it does not know tells it to upgrade. Full
 * snapshots stay 1.0, byte-identical to what earlier versions wrote.
 */
export const DELTA_MAJOR = 2;

export const HEADER_MAGIC = Buffer.from('VITSNAP\0', 'latin1');
export const TRAILER_MAGIC = Buffer.from('VSNPEND\0', 'latin1');
export const HEADER_SIZE = 32;
export const TRAILER_SIZE = 200;
export const BLOCK_RECORD_SIZE = 56;
export const CHUNK_RECORD_SIZE = 44;
/** Trailer bytes [0, 176) are covered by the truncated SHA-256 stored at 176. */
const TRAILER_DIGESTED = 176;

/** Codec ids stored in a block record. */
export const Codec = { none: 0, zstd: 1, bytegroupZstd: 2 } as const;
export type CodecId = (typeof Codec)[keyof typeof Codec];

/**
 * Hard caps a reader enforces before allocating anything a file claims. Chosen so that `verify`
 * of a snapshot at every cap at once stays under 512 MB of RSS (docs/benchmarks.md, "Reading at
 * the limits"; __tests__/snapshot/manifest-limits.test.ts proves it).
 */
export const LIMITS = {
  manifestStoredBytes: 16 * 1024 * 1024,
  manifestRawBytes: 32 * 1024 * 1024,
  entriesStoredBytes: 64 * 1024 * 1024,
  entriesRawBytes: 64 * 1024 * 1024,
  /** The writer makes blocks of at most ~8 MiB. */
  blockRawBytes: 16 * 1024 * 1024,
  /** The dictionary a patch is decoded with (a range of a parent's file). */
  patchBaseBytes: 64 * 1024 * 1024,
  /** Layers a chain may declare; how many a reader follows is a setting (default 16). */
  chainDepth: 1024,
  blockCount: 256 * 1024,
  chunkCount: 2 * 1024 * 1024,
  entryCount: 1_000_000,
  pathBytes: 4096,
  segmentBytes: 255,
  symlinkTargetBytes: 4096,
  /** Nesting of arrays and objects in either JSON section (the schema needs 5). */
  jsonDepth: 16,
  /** Members of one array or object in the manifest section (env variables, toolchains, commands …). */
  manifestMembers: 10_000,
  /** Array elements plus object members in the whole manifest section. */
  manifestValues: 200_000,
  /** One string in the manifest section as written, quotes and escapes included. */
  manifestStringBytes: 1024 * 1024,
  /** Members of one array or object below the top level of the entries section (a file's chunk list). */
  entryMembers: 1024 * 1024,
  /** Array elements plus object members in the whole entries section. */
  entriesValues: 16 * 1024 * 1024,
  /** One string in the entries section as written: a 4096-byte path with every byte escaped fits. */
  entryStringBytes: 64 * 1024,
  /** Environment variables capture records, and the bytes of one value. */
  envVariables: 1_000,
  envValueBytes: 64 * 1024,
} as const;

export interface Header {
  major: number;
  minor: number;
  flags: number;
}

export interface Trailer {
  major: number;
  minor: number;
  flags: number;
  entriesOffset: number;
  entriesStoredLength: number;
  entriesRawLength: number;
  manifestOffset: number;
  manifestStoredLength: number;
  manifestRawLength: number;
  indexOffset: number;
  indexLength: number;
  blockCount: number;
  chunkCount: number;
  entriesSha256: Buffer;
  manifestSha256: Buffer;
  indexSha256: Buffer;
}

export interface BlockRecord {
  offset: number;
  storedLength: number;
  rawLength: number;
  codec: CodecId;
  /** Element width for the byte-grouping codec (2 or 4), else 0. */
  width: number;
  sha256: Buffer;
}

export interface ChunkRecord {
  sha256: Buffer;
  block: number;
  offset: number;
  length: number;
}

export function encodeHeader(major = FORMAT_MAJOR): Buffer {
  const out = Buffer.alloc(HEADER_SIZE);
  HEADER_MAGIC.copy(out, 0);
  out.writeUInt16LE(major, 8);
  out.writeUInt16LE(FORMAT_MINOR, 10);
  out.writeUInt32LE(0, 12);
  return out;
}

/** `name` (the file's path) goes into the messages that tell the user to fetch the file again. */
export function decodeHeader(buf: Buffer, name = 'the snapshot'): Header {
  const prefix = Math.min(buf.length, HEADER_MAGIC.length);
  if (!buf.subarray(0, prefix).equals(HEADER_MAGIC.subarray(0, prefix)) || buf.length === 0) {
    throw new SnapshotFormatError('E_BAD_MAGIC', 'not a .vitsnap file (bad magic); check that the path points at a snapshot');
  }
  if (buf.length < HEADER_SIZE) {
    throw new SnapshotFormatError('E_TRUNCATED', `${name} is truncated (${buf.length} bytes, shorter than the ${HEADER_SIZE}-byte header): the download or copy was cut off; fetch it again`);
  }
  const header = { major: buf.readUInt16LE(8), minor: buf.readUInt16LE(10), flags: buf.readUInt32LE(12) };
  checkVersion(header.major, header.minor);
  // v1 defines no flags and reserves bytes 16–31 as zero, so every header byte is checked.
  if (header.flags !== 0 || buf.subarray(16, HEADER_SIZE).some((b) => b !== 0)) {
    throw new SnapshotFormatError('E_CORRUPT', 'snapshot header has unknown flags or non-zero reserved bytes: the file is corrupt');
  }
  return header;
}

function checkVersion(major: number, minor: number): void {
  if (major !== FORMAT_MAJOR && major !== DELTA_MAJOR) {
    throw new SnapshotFormatError(
      'E_VERSION',
      `snapshot format ${major}.${minor} is not supported by this vitsnap (reads ${FORMAT_MAJOR}.x and ${DELTA_MAJOR}.x); upgrade vitsnap`,
    );
  }
}

function u64(buf: Buffer, at: number, what: string): number {
  const value = buf.readBigUInt64LE(at);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new SnapshotFormatError('E_CORRUPT', `${what} is out of range`);
  return Number(value);
}

function trailerDigest(body: Buffer): Buffer {
  return createHash('sha256').update(body).digest().subarray(0, 16);
}

export function encodeTrailer(t: Omit<Trailer, 'major' | 'minor' | 'flags'>, major = FORMAT_MAJOR): Buffer {
  const out = Buffer.alloc(TRAILER_SIZE);
  out.writeUInt16LE(major, 0);
  out.writeUInt16LE(FORMAT_MINOR, 2);
  out.writeUInt32LE(0, 4);
  out.writeBigUInt64LE(BigInt(t.entriesOffset), 8);
  out.writeBigUInt64LE(BigInt(t.entriesStoredLength), 16);
  out.writeBigUInt64LE(BigInt(t.entriesRawLength), 24);
  out.writeBigUInt64LE(BigInt(t.manifestOffset), 32);
  out.writeBigUInt64LE(BigInt(t.manifestStoredLength), 40);
  out.writeBigUInt64LE(BigInt(t.manifestRawLength), 48);
  out.writeBigUInt64LE(BigInt(t.indexOffset), 56);
  out.writeBigUInt64LE(BigInt(t.indexLength), 64);
  out.writeUInt32LE(t.blockCount, 72);
  out.writeUInt32LE(t.chunkCount, 76);
  t.entriesSha256.copy(out, 80);
  t.manifestSha256.copy(out, 112);
  t.indexSha256.copy(out, 144);
  trailerDigest(out.subarray(0, TRAILER_DIGESTED)).copy(out, TRAILER_DIGESTED);
  TRAILER_MAGIC.copy(out, TRAILER_SIZE - 8);
  return out;
}

/**
 * Decodes and validates a trailer against the file size: after this, every section offset in it
 * is known to lie inside the file, in order, and within the hard limits.
 */
export function decodeTrailer(buf: Buffer, fileSize: number, name = 'the snapshot'): Trailer {
  if (buf.length < TRAILER_SIZE || fileSize < HEADER_SIZE + TRAILER_SIZE) {
    throw new SnapshotFormatError(
      'E_TRUNCATED',
      `${name} is truncated (ends at ${fileSize} bytes; a snapshot has at least ${HEADER_SIZE + TRAILER_SIZE}): the download or copy was cut off; fetch it again`,
    );
  }
  if (!buf.subarray(TRAILER_SIZE - 8, TRAILER_SIZE).equals(TRAILER_MAGIC)) {
    throw new SnapshotFormatError(
      'E_TRUNCATED',
      `${name} has no end marker (${fileSize} bytes): it is truncated or was not written completely (or has bytes appended); fetch or copy it again`,
    );
  }
  if (!trailerDigest(buf.subarray(0, TRAILER_DIGESTED)).equals(buf.subarray(TRAILER_DIGESTED, TRAILER_DIGESTED + 16))) {
    throw new SnapshotFormatError('E_CHECKSUM', `${name}: trailer checksum mismatch: the file was damaged after it was written; fetch a fresh copy`);
  }
  const major = buf.readUInt16LE(0);
  const minor = buf.readUInt16LE(2);
  checkVersion(major, minor);
  if (buf.readUInt32LE(4) !== 0) throw new SnapshotFormatError('E_CORRUPT', 'snapshot trailer has unknown flags');
  const t: Trailer = {
    major,
    minor,
    flags: buf.readUInt32LE(4),
    entriesOffset: u64(buf, 8, 'entries offset'),
    entriesStoredLength: u64(buf, 16, 'entries length'),
    entriesRawLength: u64(buf, 24, 'entries size'),
    manifestOffset: u64(buf, 32, 'manifest offset'),
    manifestStoredLength: u64(buf, 40, 'manifest length'),
    manifestRawLength: u64(buf, 48, 'manifest size'),
    indexOffset: u64(buf, 56, 'index offset'),
    indexLength: u64(buf, 64, 'index length'),
    blockCount: buf.readUInt32LE(72),
    chunkCount: buf.readUInt32LE(76),
    entriesSha256: Buffer.from(buf.subarray(80, 112)),
    manifestSha256: Buffer.from(buf.subarray(112, 144)),
    indexSha256: Buffer.from(buf.subarray(144, 176)),
  };
  const trailerOffset = fileSize - TRAILER_SIZE;
  if (
    t.entriesOffset < HEADER_SIZE ||
    t.entriesOffset + t.entriesStoredLength !== t.manifestOffset ||
    t.manifestOffset + t.manifestStoredLength !== t.indexOffset ||
    t.indexOffset + t.indexLength !== trailerOffset
  ) {
    throw new SnapshotFormatError('E_CORRUPT', `${name}: section offsets do not match the file size (${fileSize} bytes): the file is corrupt or truncated; fetch it again`);
  }
  if (t.manifestStoredLength > LIMITS.manifestStoredBytes) {
    throw new SnapshotFormatError('E_LIMIT', `snapshot manifest is stored in more than ${LIMITS.manifestStoredBytes / 2 ** 20} MiB, over the limit`);
  }
  if (t.manifestRawLength > LIMITS.manifestRawBytes) {
    throw new SnapshotFormatError('E_LIMIT', `snapshot manifest decompresses to more than ${LIMITS.manifestRawBytes / 2 ** 20} MiB, over the limit`);
  }
  if (t.entriesStoredLength > LIMITS.entriesStoredBytes || t.entriesRawLength > LIMITS.entriesRawBytes) {
    throw new SnapshotFormatError('E_LIMIT', `snapshot entry list is larger than vitsnap accepts (${LIMITS.entriesRawBytes / 2 ** 20} MiB)`);
  }
  if (t.blockCount > LIMITS.blockCount || t.chunkCount > LIMITS.chunkCount) {
    throw new SnapshotFormatError('E_LIMIT', 'snapshot claims more blocks or chunks than vitsnap accepts');
  }
  if (t.indexLength !== t.blockCount * BLOCK_RECORD_SIZE + t.chunkCount * CHUNK_RECORD_SIZE) {
    throw new SnapshotFormatError('E_CORRUPT', 'snapshot index length does not match its block and chunk counts');
  }
  return t;
}

export function encodeIndex(blocks: readonly BlockRecord[], chunks: readonly ChunkRecord[]): Buffer {
  const out = Buffer.alloc(blocks.length * BLOCK_RECORD_SIZE + chunks.length * CHUNK_RECORD_SIZE);
  let at = 0;
  for (const b of blocks) {
    out.writeBigUInt64LE(BigInt(b.offset), at);
    out.writeUInt32LE(b.storedLength, at + 8);
    out.writeUInt32LE(b.rawLength, at + 12);
    out.writeUInt8(b.codec, at + 16);
    out.writeUInt8(b.width, at + 17);
    b.sha256.copy(out, at + 24);
    at += BLOCK_RECORD_SIZE;
  }
  for (const c of chunks) {
    c.sha256.copy(out, at);
    out.writeUInt32LE(c.block, at + 32);
    out.writeUInt32LE(c.offset, at + 36);
    out.writeUInt32LE(c.length, at + 40);
    at += CHUNK_RECORD_SIZE;
  }
  return out;
}

/**
 * The chunk records, left in the index bytes they were read from: 2 Mi records are 92 MB as bytes
 * but ~600 MB as objects. Records are made on demand.
 */
export class ChunkTable {
  readonly length: number;
  private readonly buf: Buffer;

  constructor(buf: Buffer, length: number) {
    this.buf = buf;
    this.length = length;
  }

  at(i: number): ChunkRecord {
    const at = i * CHUNK_RECORD_SIZE;
    const b = this.buf;
    return { sha256: Buffer.from(b.subarray(at, at + 32)), block: b.readUInt32LE(at + 32), offset: b.readUInt32LE(at + 36), length: b.readUInt32LE(at + 40) };
  }

  blockOf(i: number): number {
    return this.buf.readUInt32LE(i * CHUNK_RECORD_SIZE + 32);
  }

  /** Binary search of the digest-sorted table. */
  find(digest: Buffer): ChunkRecord | undefined {
    const i = this.indexOf(digest);
    return i < 0 ? undefined : this.at(i);
  }

  /** The chunk's length, or -1 when the table does not have it; allocates nothing. */
  lengthOf(digest: Buffer): number {
    const i = this.indexOf(digest);
    return i < 0 ? -1 : this.buf.readUInt32LE(i * CHUNK_RECORD_SIZE + 40);
  }

  private indexOf(digest: Buffer): number {
    let lo = 0;
    let hi = this.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const at = mid * CHUNK_RECORD_SIZE;
      const order = this.buf.compare(digest, 0, 32, at, at + 32);
      if (order === 0) return mid;
      if (order < 0) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }
}

/**
 * Decodes the index and checks it against the trailer: blocks are contiguous from the header to
 * the manifest, codecs are known, chunks are sorted by digest, unique, and lie inside their block.
 */
export function decodeIndex(buf: Buffer, t: Trailer): { blocks: BlockRecord[]; chunks: ChunkTable } {
  const blocks: BlockRecord[] = new Array(t.blockCount);
  let expectedOffset = HEADER_SIZE;
  let at = 0;
  for (let i = 0; i < t.blockCount; i++, at += BLOCK_RECORD_SIZE) {
    const offset = u64(buf, at, 'block offset');
    const storedLength = buf.readUInt32LE(at + 8);
    const rawLength = buf.readUInt32LE(at + 12);
    const codec = buf.readUInt8(at + 16);
    const width = buf.readUInt8(at + 17);
    if (offset !== expectedOffset || offset + storedLength > t.entriesOffset) {
      throw new SnapshotFormatError('E_CORRUPT', `block ${i} lies outside the block area`);
    }
    if (buf.readUInt16LE(at + 18) !== 0 || buf.readUInt32LE(at + 20) !== 0) {
      throw new SnapshotFormatError('E_CORRUPT', `block ${i} has non-zero reserved bytes`);
    }
    if (rawLength > LIMITS.blockRawBytes) throw new SnapshotFormatError('E_LIMIT', `block ${i} claims ${rawLength} bytes, over the limit`);
    if (codec !== Codec.none && codec !== Codec.zstd && codec !== Codec.bytegroupZstd) {
      throw new SnapshotFormatError('E_CORRUPT', `block ${i} has unknown codec ${codec}`);
    }
    if (codec === Codec.none && storedLength !== rawLength) throw new SnapshotFormatError('E_CORRUPT', `block ${i} sizes disagree`);
    if (codec === Codec.bytegroupZstd ? width !== 2 && width !== 4 : width !== 0) {
      throw new SnapshotFormatError('E_CORRUPT', `block ${i} has an invalid element width ${width}`);
    }
    blocks[i] = { offset, storedLength, rawLength, codec, width, sha256: Buffer.from(buf.subarray(at + 24, at + 56)) };
    expectedOffset = offset + storedLength;
  }
  if (expectedOffset !== t.entriesOffset) throw new SnapshotFormatError('E_CORRUPT', 'blocks do not fill the block area');
  const table = buf.subarray(at, at + t.chunkCount * CHUNK_RECORD_SIZE);
  for (let i = 0, c = 0; i < t.chunkCount; i++, c += CHUNK_RECORD_SIZE) {
    if (i > 0 && table.compare(table, c - CHUNK_RECORD_SIZE, c - CHUNK_RECORD_SIZE + 32, c, c + 32) <= 0) {
      throw new SnapshotFormatError('E_CORRUPT', 'chunk index is not sorted or has duplicates');
    }
    const owner = blocks[table.readUInt32LE(c + 32)];
    if (owner === undefined || table.readUInt32LE(c + 36) + table.readUInt32LE(c + 40) > owner.rawLength) {
      throw new SnapshotFormatError('E_CORRUPT', `chunk ${i} points outside its block`);
    }
  }
  return { blocks, chunks: new ChunkTable(table, t.chunkCount) };
}

/**
 * Chunk numbers grouped by the block that holds them (a counting sort over the table, two flat
 * arrays however many blocks): block i's chunks are `order[start[i]]` … `order[start[i + 1] - 1]`.
 */
export function chunksByBlock(blockCount: number, chunks: ChunkTable): { start: Uint32Array; order: Uint32Array } {
  const start = new Uint32Array(blockCount + 1);
  for (let k = 0; k < chunks.length; k++) (start[chunks.blockOf(k) + 1] as number)++;
  for (let b = 0; b < blockCount; b++) start[b + 1] = (start[b + 1] as number) + (start[b] as number);
  const order = new Uint32Array(chunks.length);
  const fill = start.slice(0, blockCount);
  for (let k = 0; k < chunks.length; k++) {
    const b = chunks.blockOf(k);
    order[fill[b] as number] = k;
    fill[b] = (fill[b] as number) + 1;
  }
  return { start, order };
}
