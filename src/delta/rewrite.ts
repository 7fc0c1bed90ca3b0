/**
 * Writes a snapshot's tree again from its own bytes: as a full snapshot (`flatten`), or as a delta
 * against one of its ancestors (`merge`). Blocks are planned exactly as a capture plans them, so
 * flattening gives the very file a full capture of the same tree would have given.
 */
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { createHash } from 'node:crypto';
import { SnapshotFormatError } from '../errors.js';
import { AtomicFile } from '../snapshot/atomic-file.js';
import { BlockPlanner } from '../snapshot/block-planner.js';
import { classTotals, finishSnapshot, parentFields, type ParentSnapshot } from '../snapshot/capture.js';
import { BlockWriter } from '../snapshot/capture-pipeline.js';
import { DELTA_MAJOR, FORMAT_MAJOR, encodeHeader, type BlockRecord } from '../snapshot/format.js';
import type { SnapshotReader } from '../snapshot/reader.js';
import { SCRATCH_BYTES, classify } from '../snapshot/tasks.js';
import { TaskPool } from '../snapshot/task-pool.js';
import type { Entry, FileEntry, Manifest } from '../snapshot/types.js';
import { DeltaEncoder, type DeltaStats } from './encoder.js';
import { chunkBytes } from './layers.js';

export interface RewriteResult {
  output: string;
  manifest: Manifest;
  size: number;
  delta: DeltaStats | null;
}

export interface RewriteOptions {
  /** Write a delta against this ancestor (its chain attached); null writes a full snapshot. */
  parent: ParentSnapshot | null;
  onProgress?: (done: number, total: number) => void;
}

export async function rewriteSnapshot(source: SnapshotReader, output: string, options: RewriteOptions): Promise<RewriteResult> {
  const parent = options.parent;
  const major = parent === null ? FORMAT_MAJOR : DELTA_MAJOR;
  const pool = new TaskPool(Math.min(2, availableParallelism()));
  const out = new AtomicFile(resolve(output));
  try {
    out.write(encodeHeader(major));
    const planner = new BlockPlanner();
    const blocks: BlockRecord[] = [];
    const writer = new BlockWriter(pool, out, blocks, pool.size);
    // Read first: the encoder's parse of the parent's entries then reuses these bytes.
    const parentEntries = parent?.reader.rawEntries() ?? null;
    const delta = parent === null ? null : new DeltaEncoder(parent.reader);
    const entries: Entry[] = [];
    const total = source.summary.stats.bytes;
    let done = 0;
    for (const e of source.manifest.entries) {
      if (e.type !== 'file') {
        entries.push(e);
        continue;
      }
      const entry: FileEntry = { type: 'file', path: e.path, mode: e.mode, size: e.size, sha256: e.sha256, class: e.class };
      if (e.chunks !== undefined) entry.chunks = e.chunks;
      await planFile(source, e, entry, planner, delta);
      entries.push(entry);
      await writer.enqueue(planner.takeSealed());
      done += e.size;
      options.onProgress?.(done, total);
    }
    await writer.enqueue(planner.finish());
    await writer.drain();
    const files = entries.filter((e) => e.type === 'file').length;
    const { depth: _depth, parentRef: _ref, entriesPatch: _patch, ...summary } = source.summary;
    const manifest: Manifest = {
      ...summary,
      entries,
      ...parentFields(parent),
      stats: {
        ...source.summary.stats,
        files,
        chunks: planner.chunks.length,
        blocks: blocks.length,
        storedBytes: blocks.reduce((sum, b) => sum + b.storedLength, 0),
        classes: classTotals(entries),
      },
    };
    const size = finishSnapshot(out, manifest, blocks, planner.chunks, major, parentEntries);
    return { output: out.target, manifest, size, delta: delta?.stats ?? null };
  } catch (error) {
    out.abort();
    throw error;
  } finally {
    await pool.close();
  }
}

/**
 * Plans one file's chunks from the source's bytes. A tensor's element width is not recorded, so
 * it is chosen again from the file's first 4 MiB exactly as capture chose it.
 */
async function planFile(source: SnapshotReader, e: FileEntry, entry: FileEntry, planner: BlockPlanner, delta: DeltaEncoder | null): Promise<void> {
  const digests = e.size === 0 ? [] : (e.chunks ?? [e.sha256]);
  const hash = createHash('sha256');
  const held: { hex: string; offset: number; bytes: Buffer }[] = [];
  let heldBytes = 0;
  let width = -1;
  let offset = 0;
  const place = async (c: { hex: string; offset: number; bytes: Buffer }): Promise<void> => {
    if (delta === null) {
      planner.addData(e.class, width, e.size, c.hex, c.offset, c.bytes);
      return;
    }
    const placed = await delta.place({ path: e.path, cls: e.class, digests, sha256: c.hex, offset: c.offset, length: c.bytes.length, read: () => c.bytes });
    if (placed.kind === 'whole') planner.addData(e.class, width, e.size, c.hex, c.offset, c.bytes);
    if (placed.kind === 'patch') {
      planner.addData('compressed', 0, placed.data.length, placed.ref.patch, 0, placed.data);
      (entry.patches ??= []).push(placed.ref);
    }
  };
  for (const hex of digests) {
    const bytes = Buffer.from(chunkBytes(source, hex, e.path));
    hash.update(bytes);
    held.push({ hex, offset, bytes });
    heldBytes += bytes.length;
    offset += bytes.length;
    if (width < 0 && heldBytes < Math.min(e.size, SCRATCH_BYTES)) continue;
    if (width < 0) width = e.class === 'tensor' ? classify(e.path, Buffer.concat(held.map((h) => h.bytes)).subarray(0, SCRATCH_BYTES))[1] : 0;
    for (const c of held.splice(0)) await place(c);
  }
  if (offset !== e.size || hash.digest('hex') !== e.sha256) {
    throw new SnapshotFormatError('E_CHECKSUM', `${source.path}: ${e.path}: content does not match its SHA-256: the snapshot or one of its parents is damaged; run vitsnap verify on it`);
  }
}
