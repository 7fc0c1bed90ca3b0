/**
 * Reads `.vitsnap` files safely: the trailer, manifest and index are validated before use, each
 * block's digest is checked before it is decoded, and decoding is capped by the block's declared
 * size. `SnapshotReader.open` reads just header, trailer and the manifest summary; the entries, the
 * index and the blocks are read (and validated) on first use.
 */
import { createHash } from 'node:crypto';
import { closeSync, constants, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { OperationError, SnapshotFormatError, fromSystemError } from '../errors.js';
import { decodeBlock, zstdDecompress, zstdDecompressPrefix } from './codecs.js';
import {
  Codec,
  HEADER_SIZE,
  chunksByBlock,
  TRAILER_SIZE,
  decodeHeader,
  decodeIndex,
  decodeTrailer,
  type BlockRecord,
  type ChunkRecord,
  type ChunkTable,
  type Header,
  type Trailer,
} from './format.js';
import { parseEntriesSection, parseManifestSection } from './manifest.js';
import type { Entry, FileEntry, Manifest, ManifestSummary } from './types.js';
import { chunkBytes } from '../delta/layers.js';
import { decodePatch } from '../delta/patch.js';

const CACHED_BLOCKS = 4;
const SCRATCH_MIN_BYTES = 2 * 1024 * 1024;
/** A prefix decode is not tried past this share of a block: the rest costs little more than the guess. */
const PREFIX_AT_MOST = 0.75;
const PREFIX_SLACK_BYTES = 8 * 1024;
const ZSTD_BLOCK_BYTES = 128 * 1024;
/** The next step after any checksum mismatch. */
const DAMAGED = 'the file was damaged after it was written; fetch a fresh copy and do not use this one';

/**
 * Where a snapshot's bytes are: a file, or (for a store) a file without the blocks, which start
 * at `gapStart` and are `gapLength` long; `prefix` bytes of the file come before offset 0.
 */
export interface FileView {
  fd: number;
  /** The snapshot's own size, blocks included. */
  size: number;
  prefix: number;
  gapStart: number;
  gapLength: number;
}

export interface ChunkSource {
  /** A chunk's bytes, checked against its digest. */
  readChunk(sha256: Buffer, length: number): Buffer;
}

export interface VerifyReport {
  blocks: number;
  chunks: number;
  files: number;
  bytes: number;
}

export class SnapshotReader {
  readonly path: string;
  readonly fileSize: number;
  readonly header: Header;
  readonly trailer: Trailer;
  /** Source, metadata and stats: everything but the entries. */
  readonly summary: ManifestSummary;
  private readonly view: FileView;
  /** Where chunks come from when the blocks are not in this file (a store), else null. */
  private readonly chunkSource: ChunkSource | null;
  private full: Manifest | null = null;
  private index: { blocks: BlockRecord[]; chunks: ChunkTable } | null = null;
  private readonly cache = new Map<number, Buffer>();
  /** Where compressed blocks are read before they are decoded. */
  private scratch: Buffer | null = null;
  /**
   * Decode blocks only as far as the chunks read need (a diff reading a few files). Off for
   * whole-snapshot reads (restore, verify, export), which read every block to its end anyway.
   */
  prefixDecoding = false;
  /** Raw bytes decoded from blocks so far, prefixes included (what reading cost). */
  decodedBytes = 0;
  /** Delta snapshots: the layer below, attached by the chain resolver (src/delta/chain.ts). */
  private parentLayer: SnapshotReader | null = null;
  /** The raw entries section, kept once asked for: the base of a child delta's entries (in a chain or a capture). */
  private entriesBase: Buffer | null = null;
  /**
   * Delta snapshots in a store: opens the parent record when no parent is attached, for a
   * delta whose entries are stored against its parent's (the store holds every parent).
   */
  parentLoader: (() => SnapshotReader) | null = null;

  private constructor(path: string, view: FileView, header: Header, trailer: Trailer, summary: ManifestSummary, chunkSource: ChunkSource | null) {
    this.path = path;
    this.view = view;
    this.fileSize = view.size;
    this.chunkSource = chunkSource;
    this.header = header;
    this.trailer = trailer;
    this.summary = summary;
  }

  static open(path: string): SnapshotReader {
    let fd: number;
    try {
      // A FIFO or a device would block open() (and a sync open cannot be interrupted by a signal):
      // check the type first, and open non-blocking in case the path is swapped in between.
      if (!statSync(path).isFile()) throw new OperationError('E_INPUT', `${path} is not a regular file; pass a .vitsnap file`);
      fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    } catch (error) {
      throw fromSystemError(error, `cannot open snapshot ${path}`);
    }
    try {
      const st = fstatSync(fd);
      if (!st.isFile()) throw new OperationError('E_INPUT', `${path} is not a regular file; pass a .vitsnap file`);
      return SnapshotReader.fromView(path, { fd, size: st.size, prefix: 0, gapStart: st.size, gapLength: 0 }, null);
    } catch (error) {
      closeSync(fd);
      throw error;
    }
  }

  /**
   * A snapshot whose blocks live elsewhere (a store): `view` maps the file's offsets onto a file
   * that holds everything but the blocks, and `chunks` supplies each chunk's bytes, verified.
   */
  static openDetached(path: string, view: FileView, chunks: ChunkSource): SnapshotReader {
    return SnapshotReader.fromView(path, view, chunks);
  }

  /** Called once by close(), e.g. to end a store session. */
  onClose: (() => void) | null = null;

  private static fromView(path: string, view: FileView, chunkSource: ChunkSource | null): SnapshotReader {
    const size = view.size;
    const header = decodeHeader(readAt(view, 0, Math.min(HEADER_SIZE, size), path), path);
    const trailer = decodeTrailer(readAt(view, Math.max(0, size - TRAILER_SIZE), Math.min(TRAILER_SIZE, size), path), size, path);
    if (trailer.major !== header.major || trailer.minor !== header.minor) {
      throw new SnapshotFormatError('E_CORRUPT', 'snapshot header and trailer disagree on the format version');
    }
    if (chunkSource !== null && trailer.entriesOffset !== view.gapStart + view.gapLength) {
      throw new SnapshotFormatError('E_CORRUPT', `${path}: the stored snapshot's sections do not start where its blocks end: the store is damaged`);
    }
    const raw = readSection(view, path, trailer.manifestOffset, trailer.manifestStoredLength, trailer.manifestRawLength, trailer.manifestSha256, 'manifest');
    const summary = parseManifestSection(raw, `${path}: manifest section`);
    if (summary.stats.blocks !== trailer.blockCount || summary.stats.chunks !== trailer.chunkCount) {
      throw new SnapshotFormatError('E_MANIFEST', 'snapshot manifest stats disagree with its index');
    }
    return new SnapshotReader(path, view, header, trailer, summary, chunkSource);
  }

  /** The whole manifest; its entries are read and validated on first use. */
  get manifest(): Manifest {
    if (this.full === null) {
      const entries = parseEntriesSection(this.entriesBase ?? this.readEntries(), `${this.path}: entries section`);
      const s = this.summary.stats;
      const count = (type: Entry['type']): number => entries.reduce((n, e) => n + (e.type === type ? 1 : 0), 0);
      if (count('file') !== s.files || count('dir') !== s.dirs || count('symlink') !== s.symlinks) {
        throw new SnapshotFormatError('E_MANIFEST', 'snapshot entry list disagrees with the manifest stats');
      }
      this.full = { ...this.summary, entries };
    }
    return this.full;
  }

  /** The entries section as canonical JSON: a child delta's entries may be stored against it. */
  rawEntries(): Buffer {
    this.entriesBase ??= this.readEntries();
    return this.entriesBase;
  }

  private readEntries(): Buffer {
    const t = this.trailer;
    if (this.summary.entriesPatch !== true) return readSection(this.view, this.path, t.entriesOffset, t.entriesStoredLength, t.entriesRawLength, t.entriesSha256, 'entries');
    const stored = readVerified(this.view, this.path, t.entriesOffset, t.entriesStoredLength, t.entriesSha256, 'entries');
    return decodePatch(stored, this.parentEntries(), t.entriesRawLength, `${this.path}: entries section`);
  }

  /** The parent's raw entries: from the attached layer, else a store's record, else E_PARENT. */
  private parentEntries(): Buffer {
    if (this.parentLayer !== null) return this.parentLayer.rawEntries();
    if (this.parentLoader !== null) {
      const parent = this.parentLoader();
      try {
        return parent.rawEntries();
      } finally {
        parent.close();
      }
    }
    throw new OperationError(
      'E_PARENT',
      `${this.path} is a delta snapshot whose entry list is stored against its parent sha256:${this.summary.parent ?? ''}, which was not found; put the parent next to it, pass it with --parent FILE, or add it to the store`,
    );
  }

  /** True for a delta snapshot: chunks it does not hold come from its parent. */
  get isDelta(): boolean {
    return this.summary.parent !== null;
  }

  get parent(): SnapshotReader | null {
    return this.parentLayer;
  }

  /** Bytes of this snapshot and every layer below it: what a restore's expansion bound measures against. */
  get chainBytes(): number {
    return this.fileSize + (this.parentLayer?.chainBytes ?? 0);
  }

  /** The layer below; the caller has checked it is the snapshot whose digest `summary.parent` names. Closed with this one. */
  attachParent(parent: SnapshotReader): void {
    this.parentLayer = parent;
  }

  close(): void {
    this.parentLayer?.close();
    this.parentLayer = null;
    this.entriesBase = null;
    if (this.view.fd >= 0) closeSync(this.view.fd);
    this.view.fd = -1;
    this.cache.clear();
    const onClose = this.onClose;
    this.onClose = null;
    onClose?.();
  }

  /** The block and chunk tables, read and validated on first use. */
  loadIndex(): { blocks: BlockRecord[]; chunks: ChunkTable } {
    if (this.index === null) {
      const buf = readAt(this.view, this.trailer.indexOffset, this.trailer.indexLength, this.path);
      if (!createHash('sha256').update(buf).digest().equals(this.trailer.indexSha256)) {
        throw new SnapshotFormatError('E_CHECKSUM', `${this.path}: index checksum mismatch: ${DAMAGED}`);
      }
      this.index = decodeIndex(buf, this.trailer);
    }
    return this.index;
  }

  /** A block's raw bytes, digest-verified and decoded. */
  readBlock(i: number): Buffer {
    return this.readBlockPrefix(i, Number.POSITIVE_INFINITY);
  }

  /**
   * At least the first `end` raw bytes of block `i` (all of them when `end` is past its end). With
   * `prefixDecoding` on, a zstd block is decoded only as far as asked, and further (at least twice
   * as far) when asked again: a diff reading one small file of a block decodes half the block on average.
   */
  private readBlockPrefix(i: number, end: number): Buffer {
    const cached = this.cache.get(i);
    if (cached !== undefined && cached.length >= end) {
      this.cache.delete(i);
      this.cache.set(i, cached);
      return cached;
    }
    const { blocks } = this.loadIndex();
    const b = blocks[i];
    if (b === undefined) throw new SnapshotFormatError('E_CORRUPT', `block ${i} does not exist`);
    if (cached !== undefined && cached.length >= b.rawLength) return cached;
    if (this.chunkSource !== null) throw new OperationError('E_IO', `${this.path}: the blocks of a stored snapshot are read chunk by chunk`);
    // Compressed bytes are dead once decoded: one buffer serves every block (fresh memory costs ~3 ms/MiB here).
    const scratch = b.codec === Codec.none ? undefined : this.storedScratch(b.storedLength);
    const stored = readAt(this.view, b.offset, b.storedLength, this.path, scratch);
    if (!createHash('sha256').update(stored).digest().equals(b.sha256)) {
      throw new SnapshotFormatError('E_CHECKSUM', `${this.path}: block ${i} checksum mismatch: ${DAMAGED}`);
    }
    const want = Math.max(end, 2 * (cached?.length ?? 0));
    let raw: Buffer | null = null;
    if (this.prefixDecoding && b.codec === Codec.zstd && want < b.rawLength * PREFIX_AT_MOST) {
      // zstd only yields whole internal blocks (≤ 128 KiB raw): the stored bytes up to the end of
      // the one holding `want`, in proportion, and some more (compression is uneven within a block).
      const take = Math.min(b.storedLength, Math.ceil((b.storedLength * (want + ZSTD_BLOCK_BYTES)) / b.rawLength) + PREFIX_SLACK_BYTES);
      const prefix = zstdDecompressPrefix(stored.subarray(0, take), b.rawLength, want + (want >>> 2), `block ${i}`);
      if (prefix.length >= end) raw = prefix;
    }
    raw ??= decodeBlock(stored, b.codec, b.width, b.rawLength, `block ${i}`);
    this.decodedBytes += raw.length;
    this.cache.delete(i);
    this.cache.set(i, raw);
    if (this.cache.size > CACHED_BLOCKS) this.cache.delete(this.cache.keys().next().value as number);
    return raw;
  }

  /** Whether block `i` is decoded whole in the cache: reading it now costs nothing. */
  hasBlock(i: number): boolean {
    const cached = this.cache.get(i);
    const b = this.index?.blocks[i];
    return cached !== undefined && b !== undefined && cached.length >= b.rawLength;
  }

  private storedScratch(length: number): Buffer {
    if (this.scratch === null || this.scratch.length < length) this.scratch = Buffer.allocUnsafeSlow(Math.max(length, SCRATCH_MIN_BYTES));
    return this.scratch;
  }

  /**
   * The chunk records of a file, in order, checked to add up to its size. A delta snapshot holds
   * only some of them: it returns those, and leaves the rest to `readFile`.
   */
  fileChunks(entry: FileEntry): ChunkRecord[] {
    if (entry.size === 0) return [];
    const { chunks } = this.loadIndex();
    const digests = entry.chunks ?? [entry.sha256];
    if (this.isDelta) return digests.flatMap((hex) => chunks.find(Buffer.from(hex, 'hex')) ?? []);
    let total = 0;
    const records = digests.map((hex) => {
      const record = chunks.find(Buffer.from(hex, 'hex'));
      if (record === undefined) throw new SnapshotFormatError('E_CORRUPT', `${entry.path}: chunk ${hex.slice(0, 12)}… is missing from the snapshot`);
      total += record.length;
      return record;
    });
    if (total !== entry.size) throw new SnapshotFormatError('E_CORRUPT', `${entry.path}: chunks add up to ${total} bytes, expected ${entry.size}`);
    return records;
  }

  /** Yields a file's bytes chunk by chunk (views into cached blocks: copy before keeping them). */
  *readFile(entry: FileEntry): Generator<Buffer> {
    if (this.isDelta) {
      yield* this.readLayeredFile(entry);
      return;
    }
    for (const c of this.fileChunks(entry)) yield this.readChunk(c);
  }

  /**
   * One chunk of a full snapshot's file, from its block (checked) or the store; the chunk's own
   * digest is the caller's to check. `sequential`: more chunks of the block follow, so decode it whole.
   */
  readChunk(c: ChunkRecord, sequential = false): Buffer {
    const source = this.chunkSource;
    if (source !== null) return source.readChunk(c.sha256, c.length);
    return this.readBlockPrefix(c.block, sequential ? Number.POSITIVE_INFINITY : c.offset + c.length).subarray(c.offset, c.offset + c.length);
  }

  private *readLayeredFile(entry: FileEntry): Generator<Buffer> {
    let total = 0;
    for (const hex of entry.size === 0 ? [] : (entry.chunks ?? [entry.sha256])) {
      const piece = chunkBytes(this, hex, entry.path);
      total += piece.length;
      if (total > entry.size) break;
      yield piece;
    }
    if (total !== entry.size) throw new SnapshotFormatError('E_CORRUPT', `${this.path}: ${entry.path}: chunks add up to ${total} bytes, expected ${entry.size}`);
  }

  /** A chunk this layer's own blocks hold (not checked against its digest: its block was), or null. */
  localChunk(hex: string): Buffer | null {
    const record = this.loadIndex().chunks.find(Buffer.from(hex, 'hex'));
    if (record === undefined) return null;
    const source = this.chunkSource;
    return source !== null ? source.readChunk(record.sha256, record.length) : this.readBlock(record.block).subarray(record.offset, record.offset + record.length);
  }

  /** The length of a chunk this layer's own blocks hold, or null. */
  localChunkLength(hex: string): number | null {
    const length = this.loadIndex().chunks.lengthOf(Buffer.from(hex, 'hex'));
    return length < 0 ? null : length;
  }

  /** A whole file in memory, digest-checked. For small files and tests. */
  readFileBuffer(entry: FileEntry): Buffer {
    const pieces = [...this.readFile(entry)];
    // A file of one chunk is a view of its decoded block, which nothing writes to: no copy.
    const out = pieces.length === 1 && (pieces[0] as Buffer).length === entry.size ? (pieces[0] as Buffer) : Buffer.concat(pieces, entry.size);
    if (createHash('sha256').update(out).digest('hex') !== entry.sha256) {
      throw new SnapshotFormatError('E_CHECKSUM', `${this.path}: ${entry.path}: content does not match its SHA-256: ${DAMAGED}`);
    }
    return out;
  }

  /** Checks every block, every chunk digest and every file digest. */
  verify(onProgress?: (done: number, total: number) => void): VerifyReport {
    const { blocks, chunks } = this.loadIndex();
    if (this.chunkSource !== null) return this.verifyDetached(blocks.length, chunks.length, onProgress);
    // Each block decoded once, for all of its chunks.
    const { start, order } = chunksByBlock(blocks.length, chunks);
    for (let i = 0; i < blocks.length; i++) {
      const raw = this.readBlock(i);
      for (let j = start[i] as number; j < (start[i + 1] as number); j++) {
        const k = order[j] as number;
        const c = chunks.at(k);
        if (!createHash('sha256').update(raw.subarray(c.offset, c.offset + c.length)).digest().equals(c.sha256)) {
          throw new SnapshotFormatError('E_CHECKSUM', `${this.path}: chunk ${c.sha256.toString('hex').slice(0, 12)}… in block ${i} does not match its digest: ${DAMAGED}`);
        }
      }
      onProgress?.(i + 1, blocks.length);
    }
    let files = 0;
    let bytes = 0;
    for (const e of this.manifest.entries) {
      if (e.type !== 'file') continue;
      const records = this.fileChunks(e);
      if (this.isDelta || records.length > 1 || e.size === 0) {
        const hash = createHash('sha256');
        for (const piece of this.readFile(e)) hash.update(piece);
        if (hash.digest('hex') !== e.sha256) throw new SnapshotFormatError('E_CHECKSUM', `${this.path}: ${e.path}: content does not match its SHA-256: ${DAMAGED}`);
      } else if ((records[0] as ChunkRecord).sha256.toString('hex') !== e.sha256) {
        throw new SnapshotFormatError('E_CHECKSUM', `${this.path}: ${e.path}: content does not match its SHA-256: ${DAMAGED}`);
      }
      files++;
      bytes += e.size;
    }
    return { blocks: blocks.length, chunks: chunks.length, files, bytes };
  }

  /** Every file read through the chunk source (which checks each chunk) and its digest checked. */
  private verifyDetached(blockCount: number, chunkCount: number, onProgress?: (done: number, total: number) => void): VerifyReport {
    const files = this.manifest.entries.filter((e): e is FileEntry => e.type === 'file');
    let bytes = 0;
    files.forEach((e, i) => {
      const hash = createHash('sha256');
      for (const piece of this.readFile(e)) hash.update(piece);
      if (hash.digest('hex') !== e.sha256) throw new SnapshotFormatError('E_CHECKSUM', `${this.path}: ${e.path}: content does not match its SHA-256: ${DAMAGED}`);
      bytes += e.size;
      onProgress?.(i + 1, files.length);
    });
    return { blocks: blockCount, chunks: chunkCount, files: files.length, bytes };
  }
}

/** Reads a zstd-compressed JSON section, checking its digest before decompressing and its size while decompressing. */
function readSection(view: FileView, path: string, offset: number, storedLength: number, rawLength: number, digest: Buffer, what: string): Buffer {
  return zstdDecompress(readVerified(view, path, offset, storedLength, digest, what), rawLength, `${path}: ${what} section`);
}

/** A section's stored bytes, checked against the trailer's digest. */
function readVerified(view: FileView, path: string, offset: number, storedLength: number, digest: Buffer, what: string): Buffer {
  const stored = readAt(view, offset, storedLength, path);
  if (!createHash('sha256').update(stored).digest().equals(digest)) {
    throw new SnapshotFormatError('E_CHECKSUM', `${path}: ${what} section checksum mismatch: ${DAMAGED}`);
  }
  return stored;
}

/** Reads exactly `length` bytes at `position`, or fails with E_TRUNCATED. Callers bound `length` first. */
function readAt(view: FileView, position: number, length: number, path: string, into?: Buffer): Buffer {
  const fileSize = view.size;
  const truncated = (endsAt: number): SnapshotFormatError =>
    new SnapshotFormatError(
      'E_TRUNCATED',
      `${path} is truncated (ends at ${endsAt} of at least ${position + length} bytes): the download or copy was cut off; fetch it again`,
    );
  if (position < 0 || position + length > fileSize) throw truncated(fileSize);
  if (position < view.gapStart + view.gapLength && position + length > view.gapStart) {
    throw new SnapshotFormatError('E_CORRUPT', `${path}: a section points into the blocks, which a stored snapshot does not hold: the store is damaged`);
  }
  const physical = view.prefix + (position >= view.gapStart ? position - view.gapLength : position);
  const fd = view.fd;
  const buf = into === undefined ? Buffer.allocUnsafe(length) : into.subarray(0, length);
  let done = 0;
  while (done < length) {
    const n = readSync(fd, buf, done, length - done, physical + done);
    if (n === 0) throw truncated(position + done);
    done += n;
  }
  return buf;
}
