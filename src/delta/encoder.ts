/**
 * What a delta snapshot stores for each chunk of the new tree: nothing when a layer below already
 * has it; else a patch against the parent's version of the same path (or of a renamed file that
 * shares chunks with it) when that is smaller than the chunk compressed on its own.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { OperationError } from '../errors.js';
import { zstdCompress } from '../snapshot/codecs.js';
import type { SnapshotReader } from '../snapshot/reader.js';
import type { ContentClass, FileEntry, PatchRef } from '../snapshot/types.js';
import { encodePatch } from './patch.js';
import { hasChunk, readRange } from './layers.js';

/**
 * How far around a chunk's own offset its base range reaches into the parent's file: edits that
 * insert or remove up to this much before it still find its old bytes. 2 MiB each side keeps a
 * dictionary at most 8 MiB (a 4 MiB chunk plus margins), which zstd loads in a few milliseconds.
 */
const BASE_MARGIN = 2 * 1024 * 1024;
/** The class level a whole chunk would be stored at (block-planner's LEVEL for text and binaries). */
const WHOLE_LEVEL = 2;

export interface DeltaStats {
  /** Chunks found in a layer below: not stored. */
  inherited: number;
  inheritedBytes: number;
  patched: number;
  /** Bytes of the chunks patches stand for, and the bytes of the patches. */
  patchedBytes: number;
  patchBytes: number;
  /** New chunks stored whole (no base, or the patch was not smaller). */
  whole: number;
  wholeBytes: number;
}

export interface NewChunk {
  /** The file's path in the tree. */
  path: string;
  /** The chunk's bytes (from disk, or from a snapshot being rewritten), checked by the caller. */
  read: () => Buffer;
  cls: ContentClass;
  /** The file's chunk digests in order (its sha256 alone when it is one chunk). */
  digests: readonly string[];
  sha256: string;
  offset: number;
  length: number;
}

/** `planned`: an earlier chunk of this snapshot had the same digest; what was decided for it holds. */
export type Placement = { kind: 'inherited' } | { kind: 'planned' } | { kind: 'whole' } | { kind: 'patch'; ref: PatchRef; data: Buffer };

export class DeltaEncoder {
  readonly stats: DeltaStats = { inherited: 0, inheritedBytes: 0, patched: 0, patchedBytes: 0, patchBytes: 0, whole: 0, wholeBytes: 0 };
  private readonly parent: SnapshotReader;
  private byPath: Map<string, FileEntry> | null = null;
  private byChunk: Map<string, FileEntry> | null = null;
  private readonly planned = new Set<string>();

  constructor(parent: SnapshotReader) {
    this.parent = parent;
  }

  async place(chunk: NewChunk): Promise<Placement> {
    if (this.planned.has(chunk.sha256)) return { kind: 'planned' };
    this.planned.add(chunk.sha256);
    if (hasChunk(this.parent, chunk.sha256)) {
      this.stats.inherited++;
      this.stats.inheritedBytes += chunk.length;
      return { kind: 'inherited' };
    }
    const base = this.baseFile(chunk);
    if (base !== undefined && base.size > 0) {
      const from = Math.max(0, Math.min(chunk.offset, base.size) - BASE_MARGIN);
      const to = Math.min(base.size, chunk.offset + chunk.length + BASE_MARGIN);
      const target = chunk.read();
      const dictionary = readRange(this.parent, base.sha256, from, to - from, chunk.path);
      const data = await encodePatch(dictionary, target);
      const whole = chunk.cls === 'compressed' ? target.length : zstdCompress(target, WHOLE_LEVEL).length;
      if (data.length < whole) {
        this.stats.patched++;
        this.stats.patchedBytes += chunk.length;
        this.stats.patchBytes += data.length;
        const patch = createHash('sha256').update(data).digest('hex');
        return { kind: 'patch', data, ref: { chunk: chunk.sha256, size: chunk.length, patch, base: base.sha256, offset: from, length: to - from } };
      }
    }
    this.stats.whole++;
    this.stats.wholeBytes += chunk.length;
    return { kind: 'whole' };
  }

  /** The parent's file at the same path, else one that shares a chunk with this file (a rename). */
  private baseFile(chunk: NewChunk): FileEntry | undefined {
    if (this.byPath === null) {
      this.byPath = new Map();
      for (const e of this.parent.manifest.entries) if (e.type === 'file') this.byPath.set(e.path, e);
    }
    const same = this.byPath.get(chunk.path);
    if (same !== undefined) return same;
    if (chunk.digests.length < 2) return undefined;
    if (this.byChunk === null) {
      this.byChunk = new Map();
      for (const e of this.parent.manifest.entries) if (e.type === 'file' && e.chunks !== undefined) for (const c of e.chunks) if (!this.byChunk.has(c)) this.byChunk.set(c, e);
    }
    for (const d of chunk.digests) {
      const twin = this.byChunk.get(d);
      if (twin !== undefined) return twin;
    }
    return undefined;
  }
}

/** A chunk's bytes from disk, checked against the digest the hash pass gave it. */
export function readChunkFromDisk(chunk: { path: string; absPath: string; offset: number; length: number; sha256: string }): Buffer {
  const buf = Buffer.allocUnsafe(chunk.length);
  const fd = openSync(chunk.absPath, 'r');
  try {
    let done = 0;
    while (done < chunk.length) {
      const n = readSync(fd, buf, done, chunk.length - done, chunk.offset + done);
      if (n === 0) break;
      done += n;
    }
  } finally {
    closeSync(fd);
  }
  if (createHash('sha256').update(buf).digest('hex') !== chunk.sha256) {
    throw new OperationError('E_CHANGED', `${chunk.path} changed while the snapshot was being taken; capture after the build has finished`);
  }
  return buf;
}
