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
 * zstd levels per class, measured in docs/benchmarks.md: level 2 is ~35–50 % faster than 3 for
 * 6–7 % more bytes on text and binaries; grouped tensors compress best at level 1.
 */
const LEVEL: Record<ContentClass, number> = { text: 2, binary: 2, compressed: 0, tensor: 1 };

/** The level each codec's blocks are written at (text and binaries share zstd's), for re-encoding stored chunks. */
export const CODEC_LEVEL: Record<CodecId, number> = { [Codec.none]: LEVEL.compressed, [Codec.zstd]: LEVEL.binary, [Codec.bytegroupZstd]: LEVEL.tensor };

interface OpenBlock {
  codec: CodecId;
  width: number;
  level: number;
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
    if (this.seen.has(sha256Hex)) return false;
    this.seen.add(sha256Hex);
    const key = cls === 'tensor' ? `tensor${width}` : cls;
    let block = this.open.get(key);
    if (block === undefined) {
      const codec = cls === 'compressed' ? Codec.none : cls === 'tensor' ? Codec.bytegroupZstd : Codec.zstd;
      block = { codec, width: cls === 'tensor' ? width : 0, level: LEVEL[cls], rawLength: 0, segments: [], chunks: [] };
      this.open.set(key, block);
    }
    if (block.width > 1) {
      // Pad so each element keeps its lane: block offset ≡ file offset (mod width).
      block.rawLength += (((fileOffset - block.rawLength) % block.width) + block.width) % block.width;
    }
    const sha256 = Buffer.from(sha256Hex, 'hex');
    block.segments.push({ absPath: file.absPath, size: file.size, mtimeMs: file.mtimeMs, fileOffset, length, blockOffset: block.rawLength });
    block.chunks.push({ sha256, offset: block.rawLength, length });
    block.rawLength += length;
    if (block.rawLength >= BLOCK_TARGET[cls]) {
      this.seal(block);
      this.open.delete(key);
    }
    return true;
  }

  /** Adds a chunk whose bytes are already in memory (a delta's patch: stored as is, it is zstd already). */
  addData(sha256Hex: string, data: Buffer): boolean {
    if (this.seen.has(sha256Hex)) return false;
    this.seen.add(sha256Hex);
    let block = this.open.get('compressed');
    if (block === undefined) {
      block = { codec: Codec.none, width: 0, level: LEVEL.compressed, rawLength: 0, segments: [], chunks: [] };
      this.open.set('compressed', block);
    }
    block.segments.push({ absPath: '', size: data.length, mtimeMs: 0, fileOffset: 0, length: data.length, blockOffset: block.rawLength, data });
    block.chunks.push({ sha256: Buffer.from(sha256Hex, 'hex'), offset: block.rawLength, length: data.length });
    block.rawLength += data.length;
    if (block.rawLength >= BLOCK_TARGET.compressed) {
      this.seal(block);
      this.open.delete('compressed');
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
    this.sealed.push({ codec: block.codec, width: block.width, level: block.level, rawLength: block.rawLength, segments: block.segments });
  }
}
