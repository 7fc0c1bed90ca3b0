/**
 * The two sides of a comparison: each a `.vitsnap` snapshot or a directory walked on the fly with
 * the same rules as capture. Directories are not hashed up front: a directory-vs-directory diff
 * compares sizes, then bytes (stopping at the first difference), as `diff -rq` does; only a
 * directory compared with a snapshot hashes its same-size files, to match the manifest's digests.
 * Both directory walks run at once on worker threads.
 */
import { readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve, sep } from 'node:path';
import { OperationError, fromSystemError } from '../errors.js';
import { INLINE_BELOW_BYTES, batchBySize, batchFiles } from '../snapshot/capture-pipeline.js';
import { SnapshotReader } from '../snapshot/reader.js';
import { TaskPool } from '../snapshot/task-pool.js';
import type { Entry, FileEntry, Metadata } from '../snapshot/types.js';
import type { WalkedFile, WalkResult } from '../snapshot/walk.js';
import type { ModifiedPair } from './tree-diff.js';

export interface TreeSource {
  /** What the user passed, for reports. */
  label: string;
  kind: 'snapshot' | 'directory';
  /**
   * Sorted by path (UTF-8 byte order), as in a manifest. A directory's files have `sha256: ''`
   * until something needs their digest (see `Sides.settle`).
   */
  entries: Entry[];
  metadata: Metadata | null;
  /** A file's bytes; only called for files that differ. */
  readFile(entry: FileEntry): Buffer;
}

/** Both sides, opened together, and what it takes to decide the pairs their entries cannot. */
export interface Sides {
  before: TreeSource;
  after: TreeSource;
  /**
   * Of the same-size pairs the tree diff left unsettled (a side without digests), those whose bytes
   * differ: one promise per job, in path order, so callers can compare early answers while later
   * jobs still run on the workers.
   */
  settle(pairs: readonly ModifiedPair[]): Promise<ModifiedPair[]>[];
  close(): Promise<void>;
}

interface DirectorySource extends TreeSource {
  kind: 'directory';
  /** Walked files by path, with the absolute path, size and mtime their checks need. */
  walked: Map<string, WalkedFile>;
  /** The root with a trailing separator. */
  prefix: string;
}

function isDirectory(path: string, label: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch (error) {
    throw fromSystemError(error, `cannot compare ${label}`);
  }
}

export async function openSides(beforePath: string, afterPath: string, options: { cwd: string }): Promise<Sides> {
  const paths = [beforePath, afterPath].map((p) => ({ label: p, abs: resolve(options.cwd, p) }));
  const dirs = paths.map((p) => isDirectory(p.abs, p.label));
  const workers = dirs.some(Boolean) ? new TaskPool(Math.min(2, availableParallelism())) : null;
  const readers: SnapshotReader[] = [];
  const closeAll = async (): Promise<void> => {
    for (const r of readers) r.close();
    await workers?.close();
  };
  try {
    const walks = paths.map((p, i) => (dirs[i] === true && workers !== null ? workers.walk(p.abs, []) : null));
    // Awaited below; this keeps a walk that fails while a snapshot is being opened from going unhandled.
    for (const w of walks) w?.catch(() => undefined);
    // Snapshots open while the walks run on the workers.
    const snapshots = paths.map((p, i) => {
      if (walks[i] !== null) return null;
      const reader = SnapshotReader.open(p.abs);
      readers.push(reader);
      return snapshotSource(p.label, reader);
    });
    const sources: TreeSource[] = [];
    for (let i = 0; i < 2; i++) {
      const walk = walks[i];
      sources.push(walk === null || walk === undefined ? (snapshots[i] as TreeSource) : directorySource(paths[i] as { label: string; abs: string }, await walk));
    }
    const [before, after] = sources as [TreeSource, TreeSource];
    return { before, after, settle: (pairs) => settlePairs(before, after, pairs, workers), close: closeAll };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

function snapshotSource(label: string, reader: SnapshotReader): TreeSource {
  return {
    label,
    kind: 'snapshot',
    entries: reader.manifest.entries,
    metadata: reader.summary.metadata,
    readFile: (entry) => reader.readFileBuffer(entry),
  };
}

function directorySource({ label, abs }: { label: string; abs: string }, walk: WalkResult): DirectorySource {
  const walked = new Map<string, WalkedFile>();
  const entries: Entry[] = walk.entries.map((e) => {
    if (e.type === 'dir') return { type: 'dir', path: e.path, mode: e.mode };
    if (e.type === 'symlink') return { type: 'symlink', path: e.path, target: e.target };
    walked.set(e.path, e);
    // The class only matters to capture's codecs; comparators sniff the bytes themselves.
    return { type: 'file', path: e.path, mode: e.mode, size: e.size, sha256: '', class: 'binary' };
  });
  const source: DirectorySource = {
    label,
    kind: 'directory',
    entries,
    metadata: null,
    walked,
    prefix: abs.endsWith(sep) ? abs : abs + sep,
    readFile: (entry) => {
      const file = walkedFile(source, entry.path);
      try {
        return readFileSync(file.absPath);
      } catch (error) {
        throw fromSystemError(error, `cannot read ${entry.path}`);
      }
    },
  };
  return source;
}

function walkedFile(source: TreeSource, path: string): WalkedFile {
  const file = (source as DirectorySource).walked.get(path);
  if (file === undefined) throw new OperationError('E_IO', `${path} was not found by the directory walk`);
  return file;
}

function settlePairs(before: TreeSource, after: TreeSource, pairs: readonly ModifiedPair[], workers: TaskPool | null): Promise<ModifiedPair[]>[] {
  if (pairs.length === 0) return [];
  if (workers === null) return [Promise.reject(new OperationError('E_IO', 'snapshot entries without digests: the snapshot reader should have rejected them'))];
  const totalBytes = pairs.reduce((sum, p) => sum + p.before.size, 0);
  // Small work runs inline: handing it to threads costs more than it saves.
  const pool = totalBytes < INLINE_BELOW_BYTES ? new TaskPool(0) : workers;
  const bothDirectories = before.kind === 'directory' && after.kind === 'directory';
  // Built from the root where paths need no conversion: 40k map lookups of long paths cost ~40 ms.
  const fileOf = (side: TreeSource, path: string): string => (sep === '/' ? (side as DirectorySource).prefix + path : walkedFile(side, path).absPath);
  const dirIsBefore = before.kind === 'directory';
  return batchBySize(pairs, (p) => p.before.size).map(async (job) => {
    if (bothDirectories) {
      const same = await pool.sameBytes(job.map((p) => ({ a: fileOf(before, p.path), b: fileOf(after, p.path), size: p.before.size })));
      return job.filter((_, i) => same[i] === false);
    }
    // One side is a directory: hash its files to meet the snapshot's digests.
    const hashed = await pool.hash(batchFiles(job.map((p) => walkedFile(dirIsBefore ? before : after, p.path))).flat());
    return job.filter((p, i) => {
      const digest = hashed[i]?.sha256;
      if (digest === undefined) throw new OperationError('E_IO', 'directory hashing lost track of its files');
      return digest !== (dirIsBefore ? p.after.sha256 : p.before.sha256);
    });
  });
}
