/**
 * `captureSnapshot`: walk → hash/chunk/classify (threads) → plan blocks in file order → encode
 * blocks (threads, bounded window) → write header, blocks, manifest, index, trailer atomically.
 */
import { availableParallelism } from 'node:os';
import { statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { OperationError } from '../errors.js';
import { VERSION } from '../version.js';
import { AtomicFile, TEMP_MARKER } from './atomic-file.js';
import { BlockPlanner } from './block-planner.js';
import { DELTA_MAJOR, FORMAT_MAJOR, LIMITS, encodeHeader, type BlockRecord, type ChunkRecord } from './format.js';
import { compileGlobs } from './globs.js';
import { entryPathProblem } from './paths.js';
import { writeSnapshotTail } from './snapshot-tail.js';
import { BlockWriter, HashPipeline, INLINE_BELOW_BYTES, batchFiles } from './capture-pipeline.js';
import { TaskPool } from './task-pool.js';
import type { HashedFile } from './tasks.js';
import type { Entry, Manifest, Metadata, SnapshotStats, SourceInfo } from './types.js';
import { walkTree, type WalkedFile } from './walk.js';
import type { SnapshotReader } from './reader.js';
import { DeltaEncoder, readChunkFromDisk, type DeltaStats } from '../delta/encoder.js';

export interface CaptureProgress {
  /** File bytes read and hashed so far; blocks are packed right behind. */
  doneBytes: number;
  totalBytes: number;
}

export interface CaptureOptions {
  root: string;
  /** Globs relative to root; `!` excludes. Empty: everything. */
  patterns: string[];
  output: string;
  /** Worker threads; default: none for small trees, else up to 2. */
  workers?: number;
  /**
   * Starts metadata collection; called first, so the probes run beside the walk and the hashing.
   * `signal` aborts when the capture fails: whatever still runs is killed, never waited for. null
   * records no metadata.
   */
  metadata?: ((signal: AbortSignal) => Promise<{ metadata: Metadata; source: SourceInfo }>) | null;
  /** SOURCE_DATE_EPOCH text; the only clock a snapshot records. */
  sourceDateEpoch?: string;
  allowEmpty?: boolean;
  /** Leave out every path with a segment starting with `.` (the action's default, as upload-artifact's). */
  excludeHidden?: boolean;
  onProgress?: (progress: CaptureProgress) => void;
  /** Write a delta against this snapshot (its chain attached): chunks it has are not stored. */
  parent?: ParentSnapshot | null;
  /** Incremental capture (src/incremental/); when set, the walk records each file's exact identity. */
  reuse?: CaptureReuse;
}

/**
 * The hook incremental capture plugs in: `lookup` returns an earlier capture's result for a file
 * it knows to be unchanged (the file is then not hashed), `record` sees every file's result in order.
 */
export interface CaptureReuse {
  /** True when lookups can succeed (an earlier capture's records are loaded). */
  readonly hasRecords: boolean;
  lookup(file: WalkedFile): HashedFile | null;
  record(file: WalkedFile, hashed: HashedFile): void;
}

export interface ParentSnapshot {
  reader: SnapshotReader;
  /** SHA-256 of the parent's file: what the delta names. */
  digest: string;
  /** Where it was found, recorded as a hint for readers (a file name, `store:…`, `oci://…`). */
  ref: string;
}

export interface CaptureResult {
  output: string;
  manifest: Manifest;
  /** Bytes of the snapshot file. */
  size: number;
  skipped: { path: string; reason: string }[];
  /** For a delta: what was inherited, patched and stored whole. */
  delta: DeltaStats | null;
  /** Files whose hash results came from `reuse.lookup` instead of reading them. */
  reused: number;
  /** SHA-256 of the snapshot file, hashed as it was written (what a delta on it will name). */
  sha256: string;
}

export const EMPTY_SOURCE: SourceInfo = { repository: null, ref: null, sha: null, dirty: null, runId: null };

export function createdAtFrom(sourceDateEpoch: string | undefined): string | null {
  if (sourceDateEpoch === undefined || sourceDateEpoch === '') return null;
  // 8.64e12 s is the last instant a JavaScript Date (and so an ISO timestamp) can hold.
  if (!/^\d{1,13}$/.test(sourceDateEpoch) || Number(sourceDateEpoch) > 8_640_000_000_000) {
    throw new OperationError('E_INPUT', `SOURCE_DATE_EPOCH must be whole seconds since 1970 (got ${JSON.stringify(sourceDateEpoch)}); unset it or fix its value`);
  }
  return new Date(Number(sourceDateEpoch) * 1000).toISOString();
}

export function classTotals(entries: readonly Entry[]): SnapshotStats['classes'] {
  const totals: SnapshotStats['classes'] = {
    text: { files: 0, bytes: 0 },
    binary: { files: 0, bytes: 0 },
    compressed: { files: 0, bytes: 0 },
    tensor: { files: 0, bytes: 0 },
  };
  for (const e of entries) {
    if (e.type !== 'file') continue;
    totals[e.class].files++;
    totals[e.class].bytes += e.size;
  }
  return totals;
}

function symlinkTargetProblem(target: string): string | null {
  if (target.length === 0) return 'empty symlink target';
  if (!target.isWellFormed()) return 'symlink target is not well-formed Unicode';
  return Buffer.byteLength(target) > LIMITS.symlinkTargetBytes ? 'symlink target is too long' : null;
}

/** Fails before any work when the output cannot be written where asked. */
function checkOutputPath(output: string): void {
  const dir = dirname(output);
  let st;
  try {
    st = statSync(dir);
  } catch {
    throw new OperationError('E_NOT_FOUND', `cannot write ${output}: directory ${dir} does not exist; create it first`);
  }
  if (!st.isDirectory()) throw new OperationError('E_USAGE', `cannot write ${output}: ${dir} is not a directory`);
  try {
    if (statSync(output).isDirectory()) throw new OperationError('E_USAGE', `cannot write ${output}: it is a directory; pass a file name such as ${join(output, 'build.vitsnap')}`);
  } catch (error) {
    if ((error as { name?: string }).name === 'OperationError') throw error;
  }
}

/**
 * For each file, the index of an earlier name of the same inode that will be read (its result is
 * this file's too), or -1 to read it. Names whose lstat saw another size or mtime are read on
 * their own: the file changed between the two and the thread's check must see it.
 */
function hardLinkTwins(files: readonly WalkedFile[], earlier: readonly (HashedFile | null)[]): number[] {
  const first = new Map<string, number>();
  return files.map((f, i) => {
    if (f.inode === undefined || earlier[i] !== null) return -1;
    const at = first.get(f.inode);
    if (at === undefined) {
      first.set(f.inode, i);
      return -1;
    }
    const twin = files[at] as WalkedFile;
    return twin.size === f.size && twin.mtimeMs === f.mtimeMs ? at : -1;
  });
}

/** The manifest members that name a delta's parent: `parent: null` alone for a full snapshot. */
export function parentFields(parent: ParentSnapshot | null): Pick<Manifest, 'parent' | 'depth' | 'parentRef'> {
  return parent === null ? { parent: null } : { parent: parent.digest, depth: (parent.reader.summary.depth ?? 0) + 1, parentRef: parent.ref };
}

/**
 * Writes what follows the blocks and moves the file into place; returns its size. A delta's
 * entries are stored against its parent's raw entries when that is smaller (`manifest.entriesPatch`
 * is then set).
 */
export function finishSnapshot(out: AtomicFile, manifest: Manifest, blocks: readonly BlockRecord[], chunks: ChunkRecord[], major: number, parentEntries: Buffer | null): number {
  const { entriesPatch } = writeSnapshotTail(out, manifest, blocks, chunks, true, major, parentEntries);
  if (entriesPatch) manifest.entriesPatch = true;
  const size = out.position;
  out.commit();
  return size;
}

export async function captureSnapshot(options: CaptureOptions): Promise<CaptureResult> {
  const stop = new AbortController();
  const collecting = typeof options.metadata === 'function' ? options.metadata(stop.signal) : null;
  collecting?.catch(() => undefined); // awaited at the end; a failure before then must not go unhandled
  try {
    return await capture(options, collecting);
  } catch (error) {
    stop.abort();
    throw error;
  }
}

async function capture(options: CaptureOptions, collecting: Promise<{ metadata: Metadata; source: SourceInfo }> | null): Promise<CaptureResult> {
  const root = resolve(options.root);
  const createdAt = createdAtFrom(options.sourceDateEpoch);
  checkOutputPath(resolve(options.output));
  // Threads start while we walk; small trees shut them down again and run inline. A delta with an
  // earlier capture's records usually reads next to nothing: its threads start after the walk,
  // when the bytes left to read are known (starting them costs ~0.1 s of CPU each).
  const threads = options.workers ?? Math.min(2, availableParallelism());
  const lazyPool = options.workers === undefined && options.parent !== undefined && options.reuse?.hasRecords === true;
  const eagerPool = threads > 0 && !lazyPool ? new TaskPool(threads) : null;
  // Temp files of an interrupted capture are never part of a tree's contents.
  let walk;
  try {
    // `.git` is never a build output, and `.git/config` can hold the job's token (actions/checkout
    // persists it there): never captured, whatever the patterns say.
    const always = [`!**/${TEMP_MARKER}*`, '!**/.git', ...(options.excludeHidden === true ? ['!**/.*'] : [])];
    walk = walkTree(root, compileGlobs([...options.patterns, ...always]), { identity: options.reuse !== undefined });
  } catch (error) {
    await eagerPool?.close();
    throw error;
  }
  const skipped = [...walk.skipped];
  const walked = walk.entries.filter((e) => {
    const problem = entryPathProblem(e.path) ?? (e.type === 'symlink' ? symlinkTargetProblem(e.target) : null);
    if (problem !== null) skipped.push({ path: e.path, reason: `${problem}; a snapshot cannot hold it` });
    return problem === null;
  });
  const files = walked.filter((e): e is WalkedFile => e.type === 'file');
  if (walked.length === 0 && options.allowEmpty !== true) {
    await eagerPool?.close();
    const what = options.patterns.length > 0 ? options.patterns.join(', ') : '**';
    throw new OperationError('E_NOT_FOUND', `no files under ${root} match ${what}; check the globs and the root (-C), or pass --allow-empty`);
  }
  const totalBytes = files.reduce((sum, f) => sum + f.size, 0);
  const earlier = files.map((f) => options.reuse?.lookup(f) ?? null);
  const sameAs = hardLinkTwins(files, earlier);
  const toHash = files.filter((_, i) => earlier[i] === null && sameAs[i] === -1);
  const hashBytes = toHash.reduce((sum, f) => sum + f.size, 0);
  let pool = eagerPool ?? new TaskPool(lazyPool && hashBytes >= INLINE_BELOW_BYTES ? threads : 0);
  if (options.workers === undefined && totalBytes < INLINE_BELOW_BYTES) {
    await pool.close();
    pool = new TaskPool(0);
  }
  const workers = pool.size;
  let out: AtomicFile;
  try {
    out = new AtomicFile(resolve(options.output), { hash: true });
  } catch (error) {
    await pool.close();
    throw error;
  }
  try {
    const hashed = new HashPipeline(pool, batchFiles(toHash), Math.max(2, workers * 2), hashBytes, options.onProgress);
    let fileIndex = 0;
    const parent = options.parent ?? null;
    const major = parent === null ? FORMAT_MAJOR : DELTA_MAJOR;
    out.write(encodeHeader(major));
    const planner = new BlockPlanner();
    // Read first: the encoder's parse of the parent's entries then reuses these bytes.
    const parentEntries = parent?.reader.rawEntries() ?? null;
    const delta = parent === null ? null : new DeltaEncoder(parent.reader);
    const entries: Entry[] = [];
    // Results a hard link's later names take from its first name, kept only for those.
    const linked = new Map<number, HashedFile | null>(sameAs.filter((at) => at !== -1).map((at) => [at, null]));
    const blocks: BlockRecord[] = [];
    const writer = new BlockWriter(pool, out, blocks, workers);
    for (const e of walked) {
      if (e.type === 'dir') {
        entries.push({ type: 'dir', path: e.path, mode: e.mode });
      } else if (e.type === 'symlink') {
        entries.push({ type: 'symlink', path: e.path, target: e.target });
      } else {
        const twin = sameAs[fileIndex] as number;
        const h = earlier[fileIndex] ?? (twin === -1 ? await hashed.next() : (linked.get(twin) as HashedFile));
        if (linked.has(fileIndex)) linked.set(fileIndex, h);
        fileIndex++;
        options.reuse?.record(e, h);
        const entry: Entry = { type: 'file', path: e.path, mode: e.mode, size: e.size, sha256: h.sha256, class: h.class };
        if (h.chunks !== null) entry.chunks = h.chunks.map((c) => c.sha256);
        const pieces = h.chunks ?? (e.size > 0 ? [{ sha256: h.sha256, length: e.size }] : []);
        let offset = 0;
        for (const c of pieces) {
          if (delta === null) {
            planner.addChunk(e, h.class, h.width, c.sha256, offset, c.length);
          } else {
            const digests = entry.chunks ?? [h.sha256];
            const chunk = { path: e.path, absPath: e.absPath, sha256: c.sha256, offset, length: c.length };
            const placed = await delta.place({ ...chunk, cls: h.class, digests, read: () => readChunkFromDisk(chunk) });
            if (placed.kind === 'whole') planner.addChunk(e, h.class, h.width, c.sha256, offset, c.length);
            if (placed.kind === 'patch') {
              planner.addData('compressed', 0, placed.data.length, placed.ref.patch, 0, placed.data);
              (entry.patches ??= []).push(placed.ref);
            }
          }
          offset += c.length;
        }
        entries.push(entry);
        await writer.enqueue(planner.takeSealed());
      }
    }
    await writer.enqueue(planner.finish());
    await writer.drain();

    const collected = collecting === null ? null : await collecting;
    const manifest: Manifest = {
      tool: { name: 'vitsnap', version: VERSION },
      createdAt,
      source: collected?.source ?? EMPTY_SOURCE,
      metadata: collected?.metadata ?? null,
      entries,
      ...parentFields(parent),
      stats: {
        files: files.length,
        dirs: entries.filter((e) => e.type === 'dir').length,
        symlinks: entries.filter((e) => e.type === 'symlink').length,
        bytes: totalBytes,
        chunks: planner.chunks.length,
        blocks: blocks.length,
        storedBytes: blocks.reduce((sum, b) => sum + b.storedLength, 0),
        classes: classTotals(entries),
      },
    };
    const size = finishSnapshot(out, manifest, blocks, planner.chunks, major, parentEntries);
    const reused = earlier.reduce((n, e) => (e === null ? n : n + 1), 0);
    return { output: out.target, manifest, size, skipped, delta: delta?.stats ?? null, reused, sha256: out.sha256 };
  } catch (error) {
    out.abort();
    throw error;
  } finally {
    await pool.close();
  }
}

