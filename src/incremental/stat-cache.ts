/**
 * The stat cache: what one capture learned about each file (its exact stat and its hash results),
 * kept beside the snapshot so the next capture can skip files that did not change
 * (docs/incremental.md). Never part of a snapshot: a snapshot holds no inode or time.
 *
 * File layout (little-endian):
 *
 *   0   8  magic "VSNPSTAT"
 *   8   4  version (1)
 *   12  4  reserved, 0
 *   16  8  payload length, raw
 *   24 32  SHA-256 of the raw payload
 *   56  …  the payload, zstd
 *
 * Payload: u32 meta length, meta (JSON), u32 file count, then per file: u16 path length, path
 * (UTF-8), u64 dev, u64 ino, u64 size, i64 mtimeNs, i64 ctimeNs, u32 mode, u8 class, u8 width,
 * u32 chunk count, 32-byte SHA-256, then per chunk u64 length and 32-byte SHA-256.
 */
import { createHash } from 'node:crypto';
import { SnapshotFormatError } from '../errors.js';
import { parseBoundedJson } from '../snapshot/bounded-json.js';
import { zstdCompress, zstdDecompress } from '../snapshot/codecs.js';
import { LIMITS } from '../snapshot/format.js';
import type { ChunkInfo, HashedFile } from '../snapshot/tasks.js';
import type { ContentClass } from '../snapshot/types.js';

export const STAT_CACHE_MAGIC = Buffer.from('VSNPSTAT', 'latin1');
export const STAT_CACHE_VERSION = 1;
export const STAT_CACHE_HEADER_SIZE = 56;
/** Above a 1M-file tree's ~130 MB; a cache over it is not written, one claiming more is not read. */
export const STAT_CACHE_MAX_RAW = 256 * 1024 * 1024;
const MAX_META_BYTES = 1024 * 1024;
const CACHE_LEVEL = 3;

/** Which capture a cache comes from, and what makes it applicable to another one. */
export interface StatCacheMeta {
  /** vitsnap version that wrote it: hashing or chunking may differ in another version. */
  tool: string;
  /** Capture root, absolute and resolved through symlinks. */
  root: string;
  /** The user's globs (not the exclusions vitsnap adds for its own output). */
  patterns: string[];
  excludeHidden: boolean;
  /** Wall-clock time before the capture's walk, in ns since 1970 (decimal text). */
  startNs: string;
  /**
   * The snapshot the capture wrote (snapshot-identity.ts), and the SHA-256 of its whole file when
   * the writer hashed it as it wrote: what a delta on it names, without reading it again.
   */
  snapshot: { trailerSha256: string; size: number; sha256?: string };
}

export interface StatRecord {
  dev: bigint;
  ino: bigint;
  size: number;
  mtimeNs: bigint;
  ctimeNs: bigint;
  mode: number;
  hashed: HashedFile;
}

export interface StatCache {
  meta: StatCacheMeta;
  files: StatRecords;
}

const CLASSES: readonly ContentClass[] = ['text', 'binary', 'compressed', 'tensor'];
const U64_END = 1n << 64n;
const I64_MIN = -(1n << 63n);
const I64_END = 1n << 63n;
/** Path length, then dev, ino, size, mtimeNs, ctimeNs, mode, class, width, chunk count, SHA-256. */
const RECORD_FIXED = 2 + 8 * 5 + 4 + 2 + 4 + 32;
const CHUNK_SIZE = 8 + 32;

/** False for values the table cannot hold exactly; such a file is left out (and so hashed next time). */
export function isRecordable(path: string, r: StatRecord): boolean {
  return (
    Buffer.byteLength(path) <= 0xffff &&
    r.size < 2 ** 48 &&
    r.dev >= 0n && r.dev < U64_END && r.ino >= 0n && r.ino < U64_END &&
    r.mtimeNs >= I64_MIN && r.mtimeNs < I64_END && r.ctimeNs >= I64_MIN && r.ctimeNs < I64_END
  );
}

/**
 * Records in their on-disk form, appended as a capture goes: ~130 bytes a file and no objects,
 * where a Map of records would hold ~300 bytes of objects and bigints a file (300 MB at 1M files).
 */
export class StatTable {
  private buf = Buffer.alloc(64 * 1024);
  private used = 0;
  private full = false;
  count = 0;

  add(path: string, r: StatRecord): void {
    if (this.full || !isRecordable(path, r)) return;
    const chunks = r.hashed.chunks ?? [];
    const nameLength = Buffer.byteLength(path);
    const need = RECORD_FIXED + nameLength + chunks.length * CHUNK_SIZE;
    if (this.used + need > STAT_CACHE_MAX_RAW - MAX_META_BYTES - 8) {
      this.full = true;
      return;
    }
    if (this.used + need > this.buf.length) {
      const grown = Buffer.alloc(Math.max(this.buf.length * 2, this.used + need));
      this.buf.copy(grown, 0, 0, this.used);
      this.buf = grown;
    }
    const raw = this.buf;
    let at = raw.writeUInt16LE(nameLength, this.used);
    at += raw.write(path, at, 'utf8');
    at = raw.writeBigUInt64LE(r.dev, at);
    at = raw.writeBigUInt64LE(r.ino, at);
    at = raw.writeBigUInt64LE(BigInt(r.size), at);
    at = raw.writeBigInt64LE(r.mtimeNs, at);
    at = raw.writeBigInt64LE(r.ctimeNs, at);
    at = raw.writeUInt32LE(r.mode, at);
    at = raw.writeUInt8(CLASSES.indexOf(r.hashed.class), at);
    at = raw.writeUInt8(r.hashed.width, at);
    at = raw.writeUInt32LE(chunks.length, at);
    at += raw.write(r.hashed.sha256, at, 32, 'hex');
    for (const c of chunks) {
      at = raw.writeBigUInt64LE(BigInt(c.length), at);
      at += raw.write(c.sha256, at, 32, 'hex');
    }
    this.used = at;
    this.count++;
  }

  /** True when a record did not fit under the size limit (the cache is then not written). */
  get overflowed(): boolean {
    return this.full;
  }

  get bytes(): Buffer {
    return this.buf.subarray(0, this.used);
  }
}

/** A read cache's records, kept in their binary form and decoded one at a time on lookup. */
export class StatRecords {
  private readonly raw: Buffer;
  private readonly offsets: Map<string, number>;

  constructor(raw: Buffer, offsets: Map<string, number>) {
    this.raw = raw;
    this.offsets = offsets;
  }

  get size(): number {
    return this.offsets.size;
  }

  get(path: string): StatRecord | undefined {
    const at = this.offsets.get(path);
    return at === undefined ? undefined : readRecord(this.raw, at);
  }

  *entries(): IterableIterator<[string, StatRecord]> {
    for (const [path, at] of this.offsets) yield [path, readRecord(this.raw, at)];
  }
}

/** The record whose fixed fields start at `at` (just after its path); checked by decodeStatCache. */
function readRecord(raw: Buffer, at: number): StatRecord {
  const chunkCount = raw.readUInt32LE(at + 46);
  let chunks: ChunkInfo[] | null = null;
  if (chunkCount > 0) {
    chunks = [];
    for (let c = 0, p = at + 82; c < chunkCount; c++, p += CHUNK_SIZE) {
      chunks.push({ length: raw.readUIntLE(p, 6), sha256: raw.toString('hex', p + 8, p + CHUNK_SIZE) });
    }
  }
  return {
    dev: raw.readBigUInt64LE(at),
    ino: raw.readBigUInt64LE(at + 8),
    size: raw.readUIntLE(at + 16, 6),
    mtimeNs: raw.readBigInt64LE(at + 24),
    ctimeNs: raw.readBigInt64LE(at + 32),
    mode: raw.readUInt32LE(at + 40),
    hashed: { sha256: raw.toString('hex', at + 50, at + 82), class: CLASSES[raw.readUInt8(at + 44)] as ContentClass, width: raw.readUInt8(at + 45), chunks },
  };
}

/** A u64 below 2^48 (all sizes the table holds), else -1. */
function safeU64(raw: Buffer, at: number): number {
  return raw.readUInt16LE(at + 6) === 0 ? raw.readUIntLE(at, 6) : -1;
}

export function encodeStatCache(meta: StatCacheMeta, table: StatTable): Buffer {
  if (table.overflowed) {
    throw new SnapshotFormatError('E_LIMIT', `the stat cache would be over ${STAT_CACHE_MAX_RAW} bytes; capture fewer files to use incremental capture`);
  }
  const metaBytes = Buffer.from(JSON.stringify(meta));
  const head = Buffer.alloc(4);
  head.writeUInt32LE(metaBytes.length, 0);
  const count = Buffer.alloc(4);
  count.writeUInt32LE(table.count, 0);
  const raw = Buffer.concat([head, metaBytes, count, table.bytes]);
  const header = Buffer.alloc(STAT_CACHE_HEADER_SIZE);
  STAT_CACHE_MAGIC.copy(header, 0);
  header.writeUInt32LE(STAT_CACHE_VERSION, 8);
  header.writeBigUInt64LE(BigInt(raw.length), 16);
  createHash('sha256').update(raw).digest().copy(header, 24);
  return Buffer.concat([header, zstdCompress(raw, CACHE_LEVEL)]);
}

/**
 * Parses a stat cache, checking everything a reuse relies on: the payload digest (a flipped bit
 * in a recorded hash would otherwise go into the next snapshot), and every record's shape.
 * Throws SnapshotFormatError (E_BAD_MAGIC, E_VERSION, E_CORRUPT, E_LIMIT) naming `what`.
 */
/** Header, payload and meta of a cache file, checked; the records are left undecoded after `at`. */
function decodePayload(file: Buffer, what: string, corrupt: (problem: string) => never): { raw: Buffer; meta: StatCacheMeta; at: number } {
  if (file.length < STAT_CACHE_HEADER_SIZE || !file.subarray(0, 8).equals(STAT_CACHE_MAGIC)) {
    throw new SnapshotFormatError('E_BAD_MAGIC', `${what} is not a vitsnap stat cache`);
  }
  const version = file.readUInt32LE(8);
  if (file.readUInt32LE(12) !== 0) corrupt('unknown flags');
  if (version !== STAT_CACHE_VERSION) throw new SnapshotFormatError('E_VERSION', `${what} has version ${version}; this vitsnap reads version ${STAT_CACHE_VERSION}`);
  const rawLength = file.readBigUInt64LE(16);
  if (rawLength > BigInt(STAT_CACHE_MAX_RAW)) throw new SnapshotFormatError('E_LIMIT', `${what} claims ${rawLength} bytes, over the ${STAT_CACHE_MAX_RAW} vitsnap reads`);
  let raw: Buffer;
  try {
    raw = zstdDecompress(file.subarray(STAT_CACHE_HEADER_SIZE), Number(rawLength), what);
  } catch {
    return corrupt('its payload does not decompress to its declared length');
  }
  if (!createHash('sha256').update(raw).digest().equals(file.subarray(24, 56))) corrupt('its digest does not match');
  if (raw.length < 4) corrupt('truncated at byte 0');
  const metaLength = raw.readUInt32LE(0);
  if (metaLength > MAX_META_BYTES) corrupt('its header is too large');
  if (4 + metaLength > raw.length) corrupt('truncated at byte 4');
  const meta = checkMeta(
    parseBoundedJson(raw.subarray(4, 4 + metaLength), { maxDepth: 4, maxMembers: 10_000, maxTopMembers: 16, maxValues: 20_000, maxStringBytes: 64 * 1024 }, what),
    corrupt,
  );
  return { raw, meta, at: 4 + metaLength };
}

function corruptIn(what: string): (problem: string) => never {
  return (problem) => {
    throw new SnapshotFormatError('E_CORRUPT', `${what} is damaged (${problem})`);
  };
}

/** Only the meta of a cache file (checked as fully as decodeStatCache checks it). */
export function decodeStatCacheMeta(file: Buffer, what: string): StatCacheMeta {
  return decodePayload(file, what, corruptIn(what)).meta;
}

export function decodeStatCache(file: Buffer, what: string): StatCache {
  const corrupt = corruptIn(what);
  const payload = decodePayload(file, what, corrupt);
  const { raw, meta } = payload;
  let at = payload.at;
  const need = (n: number): void => {
    if (at + n > raw.length) corrupt(`truncated at byte ${at}`);
  };
  need(4);
  const count = raw.readUInt32LE(at);
  at += 4;
  if (count > LIMITS.entryCount) corrupt(`${count} files, over ${LIMITS.entryCount}`);
  const offsets = new Map<string, number>();
  for (let i = 0; i < count; i++) {
    need(2);
    const nameLength = raw.readUInt16LE(at);
    at += 2;
    need(nameLength + RECORD_FIXED - 2);
    const path = raw.toString('utf8', at, at + nameLength);
    at += nameLength;
    const size = safeU64(raw, at + 16);
    const cls = CLASSES[raw.readUInt8(at + 44)];
    const width = raw.readUInt8(at + 45);
    const chunkCount = raw.readUInt32LE(at + 46);
    if (cls === undefined || (cls === 'tensor' ? width !== 2 && width !== 4 : width !== 0)) corrupt(`bad class of file ${i}`);
    if (size < 0 || raw.readUInt32LE(at + 40) > 0o7777 || chunkCount === 1) corrupt(`bad record of file ${i}`);
    if (offsets.has(path)) corrupt(`file ${i} repeats a path`);
    offsets.set(path, at);
    at += RECORD_FIXED - 2;
    if (chunkCount > 0) {
      need(chunkCount * CHUNK_SIZE);
      let sum = 0;
      for (let c = 0; c < chunkCount; c++, at += CHUNK_SIZE) {
        const length = safeU64(raw, at);
        if (length <= 0) corrupt(`bad chunk in file ${i}`);
        sum += length;
      }
      if (sum !== size) corrupt(`chunks of file ${i} do not add up to its size`);
    }
  }
  if (at !== raw.length) corrupt('bytes after the last record');
  return { meta, files: new StatRecords(raw, offsets) };
}

function checkMeta(value: unknown, corrupt: (problem: string) => never): StatCacheMeta {
  const m = value as Partial<Record<keyof StatCacheMeta, unknown>> | null;
  if (m === null || typeof m !== 'object') return corrupt('bad header');
  const snapshot = m.snapshot as { trailerSha256?: unknown; size?: unknown; sha256?: unknown } | null;
  const ok =
    typeof m.tool === 'string' &&
    typeof m.root === 'string' &&
    Array.isArray(m.patterns) && m.patterns.every((p) => typeof p === 'string') &&
    typeof m.excludeHidden === 'boolean' &&
    typeof m.startNs === 'string' && /^\d{1,25}$/.test(m.startNs) &&
    snapshot !== null && typeof snapshot === 'object' &&
    typeof snapshot.trailerSha256 === 'string' && /^[0-9a-f]{64}$/.test(snapshot.trailerSha256) &&
    Number.isSafeInteger(snapshot.size) &&
    (snapshot.sha256 === undefined || (typeof snapshot.sha256 === 'string' && /^[0-9a-f]{64}$/.test(snapshot.sha256)));
  if (!ok) return corrupt('bad header');
  const digest = snapshot.sha256 === undefined ? {} : { sha256: snapshot.sha256 as string };
  return {
    tool: m.tool as string,
    root: m.root as string,
    patterns: m.patterns as string[],
    excludeHidden: m.excludeHidden as boolean,
    startNs: m.startNs as string,
    snapshot: { trailerSha256: snapshot.trailerSha256 as string, size: snapshot.size as number, ...digest },
  };
}
