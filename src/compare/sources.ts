/**
 * The two sides of a comparison: each a `.vitsnap` snapshot or a directory, and the tree diff
 * between them, delivered in parts as it is found so that comparators start early.
 *
 * - Two directories are walked side by side on worker threads (src/snapshot/dir-pair-walk.ts), as
 *   `diff -rq` does: files present in both are compared by bytes as they are met, nothing is
 *   hashed, and only what differs comes back.
 * - With a snapshot on either side, the entry lists meet in `diffTrees`; a directory side is walked
 *   with capture's rules and hashes only its same-size files, to match the manifest's digests.
 */
import { readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { resolve, sep } from 'node:path';
import { OperationError, fromSystemError } from '../errors.js';
import { INLINE_BELOW_BYTES, batchBySize, toHashTask } from '../snapshot/capture-pipeline.js';
import type { DirPairFacts } from '../snapshot/dir-pair-walk.js';
import { compileGlobs } from '../snapshot/globs.js';
import { SnapshotReader } from '../snapshot/reader.js';
import { TaskPool } from '../snapshot/task-pool.js';
import type { Entry, FileEntry, Metadata } from '../snapshot/types.js';
import type { WalkedFile, WalkResult } from '../snapshot/walk.js';
import { diffPair, diffTrees, oneSided, type ModifiedPair, type TreeDiff } from './tree-diff.js';
import type { Difference } from './types.js';

export interface TreeSource {
  /** What the user passed, for reports. */
  label: string;
  kind: 'snapshot' | 'directory';
  metadata: Metadata | null;
  /** A file's bytes; only called for files that differ. */
  readFile(entry: FileEntry): Buffer;
}

/** Part of the tree diff: differences that need no content, and file pairs whose bytes differ. */
export interface DiffPart {
  differences: Difference[];
  modified: ModifiedPair[];
  /** Files this part compared by bytes, and the bytes it read doing so (directory sides). */
  checked?: { files: number; bytes: number };
}

/** Both sides, opened together. */
export interface Sides {
  before: TreeSource;
  after: TreeSource;
  /**
   * The tree diff, in parts as they are found (in no particular order), leaving out paths that
   * match `exclude`. Files with equal bytes or digests are never part of it.
   */
  diff(exclude: readonly string[]): AsyncGenerator<DiffPart>;
  close(): Promise<void>;
}

/** A side whose whole entry list is known up front: a snapshot, or a directory walked with stats. */
interface ListedSource extends TreeSource {
  /** Sorted by path (UTF-8 byte order), as in a manifest; a directory's files have `sha256: ''`. */
  entries: Entry[];
}

interface WalkedDirectory extends ListedSource {
  kind: 'directory';
  /** Walked files by path, with the absolute path, size and mtime hashing needs. */
  walked: Map<string, WalkedFile>;
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
  if (workers !== null && dirs[0] === true && dirs[1] === true) {
    const [before, after] = paths.map((p) => directorySource(p.label, p.abs)) as [DirectorySource, DirectorySource];
    return { before, after, diff: (exclude) => pairWalkParts(before, after, exclude, workers), close: () => workers.close() };
  }
  const readers: SnapshotReader[] = [];
  const closeAll = async (): Promise<void> => {
    for (const r of readers) r.close();
    await workers?.close();
  };
  try {
    const walks = paths.map((p, i) => (dirs[i] === true && workers !== null ? workers.walk(p.abs, []) : null));
    // Awaited below; this keeps a walk that fails while a snapshot is being opened from going unhandled.
    for (const w of walks) w?.catch(() => undefined);
    // Snapshots open while the walk runs on a worker.
    const snapshots = paths.map((p, i) => {
      if (walks[i] !== null) return null;
      const reader = SnapshotReader.open(p.abs);
      readers.push(reader);
      return snapshotSource(p.label, reader);
    });
    const sources: ListedSource[] = [];
    for (let i = 0; i < 2; i++) {
      const walk = walks[i];
      const path = paths[i] as { label: string; abs: string };
      sources.push(walk === null || walk === undefined ? (snapshots[i] as ListedSource) : walkedDirectory(path.label, await walk));
    }
    const [before, after] = sources as [ListedSource, ListedSource];
    return { before, after, diff: (exclude) => listedParts(before, after, exclude, workers), close: closeAll };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

function snapshotSource(label: string, reader: SnapshotReader): ListedSource {
  return {
    label,
    kind: 'snapshot',
    entries: reader.manifest.entries,
    metadata: reader.summary.metadata,
    readFile: (entry) => reader.readFileBuffer(entry),
  };
}

function readFileAt(absPath: string, path: string): Buffer {
  try {
    return readFileSync(absPath);
  } catch (error) {
    throw fromSystemError(error, `cannot read ${path}`);
  }
}

interface DirectorySource extends TreeSource {
  kind: 'directory';
  /** The root with a trailing separator. */
  prefix: string;
}

/** A directory diffed against another directory: files are read by path (`/` works on Windows too). */
function directorySource(label: string, abs: string): DirectorySource {
  const prefix = abs.endsWith(sep) ? abs : abs + sep;
  return { label, kind: 'directory', metadata: null, prefix, readFile: (entry) => readFileAt(prefix + entry.path, entry.path) };
}

function walkedDirectory(label: string, walk: WalkResult): WalkedDirectory {
  const walked = new Map<string, WalkedFile>();
  const entries: Entry[] = walk.entries.map((e) => {
    if (e.type === 'dir') return { type: 'dir', path: e.path, mode: e.mode };
    if (e.type === 'symlink') return { type: 'symlink', path: e.path, target: e.target };
    walked.set(e.path, e);
    // The class only matters to capture's codecs; comparators sniff the bytes themselves.
    return { type: 'file', path: e.path, mode: e.mode, size: e.size, sha256: '', class: 'binary' };
  });
  const source: WalkedDirectory = {
    label,
    kind: 'directory',
    entries,
    metadata: null,
    walked,
    readFile: (entry) => readFileAt(walkedFile(source, entry.path).absPath, entry.path),
  };
  return source;
}

function walkedFile(source: WalkedDirectory, path: string): WalkedFile {
  const file = source.walked.get(path);
  if (file === undefined) throw new OperationError('E_IO', `${path} was not found by the directory walk`);
  return file;
}

function excludeFilter(exclude: readonly string[]): (e: Entry) => boolean {
  if (exclude.length === 0) return () => true;
  const matcher = compileGlobs([...exclude]);
  return (e) => !matcher.matches(e.path);
}

/** A snapshot on at least one side: the entry lists meet, then a directory side's same-size files are hashed. */
async function* listedParts(before: ListedSource, after: ListedSource, exclude: readonly string[], workers: TaskPool | null): AsyncGenerator<DiffPart> {
  const keep = excludeFilter(exclude);
  const tree = diffTrees(before.entries.filter(keep), after.entries.filter(keep));
  // The workers hash while the caller compares the pairs already known to differ.
  const jobs = settleByDigest(before, after, tree.unsettled, workers);
  for (const job of jobs) job.catch(() => undefined); // each is awaited below; no unhandled rejection meanwhile
  yield { differences: tree.differences, modified: tree.modified };
  for (const job of jobs) yield { differences: [], modified: await job };
}

/** Same-size pairs of a directory and a snapshot: the directory's files are hashed to meet the digests. */
function settleByDigest(before: ListedSource, after: ListedSource, pairs: readonly ModifiedPair[], workers: TaskPool | null): Promise<ModifiedPair[]>[] {
  if (pairs.length === 0) return [];
  const dirSide = before.kind === 'directory' ? before : after.kind === 'directory' ? after : null;
  if (workers === null || dirSide === null) {
    return [Promise.reject(new OperationError('E_IO', 'snapshot entries without digests: the snapshot reader should have rejected them'))];
  }
  const totalBytes = pairs.reduce((sum, p) => sum + p.before.size, 0);
  // Small work runs inline: handing it to threads costs more than it saves.
  const pool = totalBytes < INLINE_BELOW_BYTES ? new TaskPool(0) : workers;
  const dirIsBefore = dirSide === before;
  return batchBySize(pairs, (p) => p.before.size).map(async (job) => {
    const hashed = await pool.hash(job.map((p) => toHashTask(walkedFile(dirSide as WalkedDirectory, p.path))));
    return job.filter((p, i) => {
      const digest = hashed[i]?.sha256;
      if (digest === undefined) throw new OperationError('E_IO', 'directory hashing lost track of its files');
      return digest !== (dirIsBefore ? p.after.sha256 : p.before.sha256);
    });
  });
}

/** A task's budget once the work has spread over the workers, and before (so it spreads fast). */
const TASK_BUDGET = { maxEntries: 2048, maxBytes: 32 * 1024 * 1024 };
const SPLIT_BUDGET = { maxEntries: 64, maxBytes: 4 * 1024 * 1024 };

function partOf(facts: DirPairFacts): DiffPart {
  const out: TreeDiff = { differences: [], modified: [], unsettled: [] };
  for (const { side, entry } of facts.only) out.differences.push(oneSided(entry, side === 0 ? 'before' : 'after'));
  for (const { a, b, sameBytes } of facts.pairs) diffPair(a, b, out, sameBytes);
  return { differences: out.differences, modified: out.modified, checked: { files: facts.filesChecked, bytes: facts.bytesRead } };
}

/**
 * Two directories: tasks of directories to list go to the workers; each comes back with what
 * differs and the directories it left, which are shared out again. Parts are yielded as tasks end.
 */
async function* pairWalkParts(before: DirectorySource, after: DirectorySource, exclude: readonly string[], pool: TaskPool): AsyncGenerator<DiffPart> {
  const capacity = Math.max(1, pool.size);
  const queue: string[] = [''];
  const ready: DiffPart[] = [];
  let running = 0;
  let failure: unknown = null;
  let wake: (() => void) | null = null;
  const notify = (): void => {
    const w = wake;
    wake = null;
    w?.();
  };
  const dispatch = (): void => {
    while (failure === null && queue.length > 0 && running < capacity) {
      const dirs = queue.splice(0, Math.ceil(queue.length / (capacity - running)));
      running++;
      // While a worker would otherwise sit idle, tasks hand back their work early so it spreads.
      const budget = queue.length === 0 && running < capacity ? SPLIT_BUDGET : TASK_BUDGET;
      pool.walkDirPair({ rootA: before.prefix, rootB: after.prefix, dirs, exclude: [...exclude], ...budget }).then(
        (facts) => {
          running--;
          queue.push(...facts.pending);
          ready.push(partOf(facts));
          dispatch();
          notify();
        },
        (error: unknown) => {
          running--;
          failure ??= error;
          notify();
        },
      );
    }
  };
  dispatch();
  for (;;) {
    if (failure !== null) throw failure;
    const part = ready.shift();
    if (part !== undefined) {
      yield part;
      continue;
    }
    if (running === 0 && queue.length === 0) return;
    await new Promise<void>((resolve) => {
      wake = resolve;
    });
  }
}
