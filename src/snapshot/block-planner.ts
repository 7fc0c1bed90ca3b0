/**
 * Decides, in file order, which block stores each new chunk: deduplicates chunks by digest and
 * packs chunks of one codec class together. Pure bookkeeping, so the layout (and therefore the
 * snapshot bytes) is the same however the hashing threads were scheduled.
 */
import { Codec, type ChunkRecord, type CodecId } from './format.js';
import type { PackJob, PackSegment } from './tasks.js';
import type { ContentClass } from './types.js';

/**
 * Raw bytes at which a block is sealed, by class. Small blocks let a reader that wants one file
 * decode little besides it (diffs read a few files of many): text, where changed files are
 * smallest and blocks most numerous, seals at 512 KiB; tensors keep 4 MiB because byte grouping
 * needs long runs to reach its ratio (1 MiB cost 0.5 % of it). docs/decisions.md.
 */
export const BLOCK_TARGET: Record<ContentClass, number> = { text: 512 * 1024, binary: 1024 * 1024, compressed: 1024 * 1024, tensor: 4 * 1024 * 1024 };

/**
 * Binaries of at least LARGE_FILE_BYTES go to blocks of their own, sealed at LARGE_BLOCK_TARGET:
 * a reader of such a file decodes all of its blocks anyway, so big blocks cost it little, and
 * zstd finds the repeats a big library holds megabytes apart (the real libraries of the bench: their
 * files of 1 MiB and more take 18 % fewer bytes, the snapshot 12.5 %;
 * docs/benchmarks.md). Small binaries keep small blocks, for diffs that read one of them.
 */
export const LARGE_FILE_BYTES = 1024 * 1024;
const LARGE_BLOCK_TARGET = 8 * 1024 * 1024;

/**
 * zstd levels per class, measured in docs/benchmarks.md: level 2 is ~35–50 % faster than 3 for
 * 6–7 % more bytes on text and binaries; grouped tensors compress best at level 1.
 */
const LEVEL: Record<ContentClass, number> = { text: 2, binary: 2, compressed: 0, tensor: 1 };

/**
 * zstd blocks this big are written at level 4: its 2 MiB window finds the far repeats, for
 * about level 2's time on them. Only large-file blocks reach it (others end below 512 KiB or 1 MiB
 * plus one 4 MiB chunk), so blocks written before it existed still re-encode to their own bytes.
 */
const WIDE_BLOCK_BYTES = 6 * 1024 * 1024;
const WIDE_LEVEL = 4;

/**
 * The level a block is encoded at: a function of its codec and raw size only, so that a block
 * rebuilt from its chunks (store export, chunk objects) encodes to the same bytes.
 */
export function blockLevel(codec: CodecId, rawLength: number): number {
  switch (codec) {
    case Codec.none:
      return LEVEL.compressed;
    case Codec.zstd:
      return rawLength >= WIDE_BLOCK_BYTES ? WIDE_LEVEL : LEVEL.binary;
    case Codec.bytegroupZstd:
      return LEVEL.tensor;
  }
}

interface OpenBlock {
  codec: CodecId;
  width: number;
  /** Raw bytes at which it is sealed. */
  target: number;
  rawLength: number;
  segments: PackSegment[];
  chunks: { sha256: Buffer; offset: number; length: number }[];
}

export interface SourceFile {
  absPath: string;
  size: number;
  mtimeMs: number;
}

export class BlockPlanner {
  private readonly open = new Map<string, OpenBlock>();
  private readonly seen = new Set<string>();
  private readonly sealed: PackJob[] = [];
  readonly chunks: ChunkRecord[] = [];

  /** Adds one chunk of `file`; returns false when an identical chunk was already planned. */
  addChunk(file: SourceFile, cls: ContentClass, width: number, sha256Hex: string, fileOffset: number, length: number): boolean {
    return this.append(cls, width, file.size, sha256Hex, fileOffset, length, (blockOffset) => ({ absPath: file.absPath, size: file.size, mtimeMs: file.mtimeMs, fileOffset, length, blockOffset }));
  }

  /**
   * Adds a chunk whose bytes are already in memory, planned exactly as `addChunk` would plan it
   * for a file of `fileSize` bytes: a chunk read back from a snapshot (flatten, merge), or a patch
   * (class `compressed`).
   */
  addData(cls: ContentClass, width: number, fileSize: number, sha256Hex: string, fileOffset: number, data: Buffer): boolean {
    return this.append(cls, width, fileSize, sha256Hex, fileOffset, data.length, (blockOffset) => ({ absPath: '', size: data.length, mtimeMs: 0, fileOffset: 0, length: data.length, blockOffset, data }));
  }

  private append(cls: ContentClass, width: number, fileSize: number, sha256Hex: string, fileOffset: number, length: number, segment: (blockOffset: number) => PackSegment): boolean {
    if (this.seen.has(sha256Hex)) return false;
    this.seen.add(sha256Hex);
    const large = cls === 'binary' && fileSize >= LARGE_FILE_BYTES;
    const key = cls === 'tensor' ? `tensor${width}` : large ? 'binary-large' : cls;
    const target = large ? LARGE_BLOCK_TARGET : BLOCK_TARGET[cls];
    let block = this.open.get(key);
    if (block === undefined) {
      const codec = cls === 'compressed' ? Codec.none : cls === 'tensor' ? Codec.bytegroupZstd : Codec.zstd;
      block = { codec, width: cls === 'tensor' ? width : 0, target, rawLength: 0, segments: [], chunks: [] };
      this.open.set(key, block);
    }
    if (block.width > 1) {
      // Pad so each element keeps its lane: block offset ≡ file offset (mod width).
      block.rawLength += (((fileOffset - block.rawLength) % block.width) + block.width) % block.width;
    }
    block.segments.push(segment(block.rawLength));
    block.chunks.push({ sha256: Buffer.from(sha256Hex, 'hex'), offset: block.rawLength, length });
    block.rawLength += length;
    if (block.rawLength >= block.target) {
      this.seal(block);
      this.open.delete(key);
    }
    return true;
  }

  /** Blocks sealed since the last call, in the order they must be written. */
  takeSealed(): PackJob[] {
    return this.sealed.splice(0, this.sealed.length);
  }

  /** Seals every open block, in a fixed order. */
  finish(): PackJob[] {
    for (const key of [...this.open.keys()].sort()) this.seal(this.open.get(key) as OpenBlock);
    this.open.clear();
    return this.takeSealed();
  }

  get blockCount(): number {
    return this.nextBlock;
  }

  private nextBlock = 0;

  private seal(block: OpenBlock): void {
    // Tensor blocks end on an 8-byte boundary so byte grouping always takes its word-at-a-time path.
    if (block.width > 1) block.rawLength = Math.ceil(block.rawLength / 8) * 8;
    const index = this.nextBlock++;
    for (const c of block.chunks) this.chunks.push({ sha256: c.sha256, block: index, offset: c.offset, length: c.length });
    this.sealed.push({ codec: block.codec, width: block.width, level: blockLevel(block.codec, block.rawLength), rawLength: block.rawLength, segments: block.segments });
  }
}
