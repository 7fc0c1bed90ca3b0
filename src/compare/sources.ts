/**
 * The two sides of a comparison: each a `.vitsnap` snapshot or a directory, and the tree diff
 * between them, delivered in parts as it is found so that comparators start early.
 *
 * - Two directories are walked side by side on worker threads (src/snapshot/dir-pair-walk.ts), as
 *   `diff -rq` does: files present in both are compared by bytes as they are met, nothing is
 *   hashed, and only what differs comes back.
 * - With a snapshot on either side, the entry lists meet in `diffTrees`; a directory side is walked
 *   with capture's rules and hashes only its same-size files, to match the manifest's digests.
 *
 * What capture leaves out of a directory is still reported: FIFOs, sockets and devices as entries
 * of their type, names (and symlink targets) that are not valid UTF-8 as "not compared".
 */
import { readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve, sep } from 'node:path';
import { OperationError, fromSystemError } from '../errors.js';
import { INLINE_BELOW_BYTES, batchBySize, toHashTask } from '../snapshot/capture-pipeline.js';
import type { DirPairFacts } from '../snapshot/dir-pair-walk.js';
import { compareCodePoints } from '../snapshot/canonical-json.js';
import { compileGlobs } from '../snapshot/globs.js';
import { TaskPool } from '../snapshot/task-pool.js';
import { sha256File } from '../snapshot/metadata/lockfiles.js';
import type { FileEntry, Metadata } from '../snapshot/types.js';
import type { WalkedFile, WalkResult } from '../snapshot/walk.js';
import { fileByteSource, type ByteSource } from './byte-source.js';
import { filePairSides, looksLikeSnapshot } from './file-pair.js';
import { normalizePrefix, prefixMismatch, stripEntries } from './path-prefix.js';
import type { OneSided } from './renames.js';
import { onSide, openSnapshotSide, type SideName, type SnapshotSide } from './snapshot-side.js';
import { isOciRef, openSnapshotAnywhere, type OpenedSnapshot } from '../registry/open.js';
import { isStoreRef } from '../store/open.js';
import { diffPair, diffTrees, oneSided, type ModifiedPair, type TreeDiff, type TreeEntry } from './tree-diff.js';
import type { Difference, NotCompared, SideVerification } from './types.js';

export interface TreeSource {
  /** What the user passed, for reports. */
  label: string;
  kind: 'snapshot' | 'directory';
  metadata: Metadata | null;
  /** A file's bytes; only called for files that differ. */
  readFile(entry: FileEntry): Buffer;
  /** A large file, to be read where a comparator needs it rather than whole; null when this side cannot. */
  openFile?(entry: FileEntry): ByteSource | null;
  /** A file's SHA-256 in hex: a snapshot's recorded digest, a directory's file hashed as it is streamed. */
  digest(entry: FileEntry): string;
  /** A snapshot side: how much of its block contents the diff has read so far. */
  verification?(): SideVerification;
}

/** Part of the tree diff: differences that need no content, and file pairs whose bytes differ. */
export interface DiffPart {
  differences: Difference[];
  modified: ModifiedPair[];
  /** Files present on one side only (also among `differences`): candidates for rename pairing. */
  only?: OneSided[];
  /** Paths that could not be compared. */
  notCompared?: NotCompared[];
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
  /** What opening the sides found worth saying: a path prefix one side lacks, what `--strip-prefix` left out. */
  notes: string[];
  close(): Promise<void>;
}

export interface OpenOptions {
  cwd: string;
  /** Compare only what is below this directory on each side that has it, with the directory removed from the paths. */
  stripPrefix?: string;
  /** Where `store:` sides find the store (`VITSNAP_STORE`, `HOME`); default: this process's. */
  env?: NodeJS.ProcessEnv;
  /** Where the parents of delta snapshot sides may be, and how deep a chain to follow. */
  parents?: readonly string[];
  maxDepth?: number;
}

/** A side whose whole entry list is known up front: a snapshot, or a directory walked with stats. */
interface ListedSource extends TreeSource {
  /** Sorted by path (UTF-8 byte order), as in a manifest; a directory's files have `sha256: ''`. */
  entries: TreeEntry[];
  /** A directory side's names and symlink targets that are not valid UTF-8. */
  notCompared: NotCompared[];
}

interface WalkedDirectory extends ListedSource {
  kind: 'directory';
  /** Walked files by path, with the absolute path, size and mtime hashing needs. */
  walked: Map<string, WalkedFile>;
}

interface SidePath {
  side: SideName;
  label: string;
  abs: string;
  directory: boolean;
  /** A `store:NAME` snapshot (when no file has that name). */
  stored: boolean;
}

/**
 * A directory or a regular file (a snapshot), decided by stat before anything is opened: opening
 * a FIFO would block until a writer comes, and a device is no snapshot either.
 */
function sidePath(side: SideName, label: string, cwd: string): SidePath {
  const abs = resolve(cwd, label);
  if ((isStoreRef(label) || isOciRef(label)) && statSync(abs, { throwIfNoEntry: false }) === undefined) return { side, label, abs, directory: false, stored: true };
  let directory: boolean;
  try {
    const stats = statSync(abs);
    if (!stats.isDirectory() && !stats.isFile()) {
      throw new OperationError('E_INPUT', 'not a regular file or a directory (a FIFO, socket or device); pass a .vitsnap file or a directory');
    }
    directory = stats.isDirectory();
  } catch (error) {
    throw onSide(fromSystemError(error, 'cannot compare it'), side, label);
  }
  return { side, label, abs, directory, stored: false };
}

function looksLikeSnapshotOn(p: SidePath): boolean {
  if (p.stored) return true;
  try {
    return looksLikeSnapshot(p.abs);
  } catch (error) {
    throw onSide(error, p.side, p.label);
  }
}

/** A directory side that has `prefix` is compared from there; the note says so. */
function descend(p: SidePath, prefix: string | null, notes: string[]): SidePath {
  if (prefix === null || !p.directory) return p;
  const below = join(p.abs, prefix);
  if (statSync(below, { throwIfNoEntry: false })?.isDirectory() !== true) return p;
  notes.push(`--strip-prefix ${prefix}/: ${p.side} ${p.label} is compared from ${join(p.label, prefix)}/`);
  return { ...p, abs: below };
}

export async function openSides(beforePath: string, afterPath: string, options: OpenOptions): Promise<Sides> {
  const notes: string[] = [];
  const prefix = options.stripPrefix === undefined ? null : normalizePrefix(options.stripPrefix);
  const paths = [sidePath('BEFORE', beforePath, options.cwd), sidePath('AFTER', afterPath, options.cwd)].map((p) => descend(p, prefix, notes));
  const [first, second] = paths as [SidePath, SidePath];
  const plain = paths.map((p) => !p.directory && !looksLikeSnapshotOn(p));
  // Two plain files are compared as such; one next to a directory or snapshot fails as a snapshot would (E_BAD_MAGIC).
  if (plain[0] === true && plain[1] === true) return filePairSides(first, second);
  const workers = paths.some((p) => p.directory) ? new TaskPool(Math.min(2, availableParallelism())) : null;
  if (workers !== null && paths.every((p) => p.directory)) {
    const [before, after] = paths.map((p) => directorySource(p.label, p.abs)) as [DirectorySource, DirectorySource];
    return { before, after, notes, diff: (exclude) => pairWalkParts(before, after, exclude, workers), close: () => workers.close() };
  }
  const snapshots: SnapshotSide[] = [];
  const closeAll = async (): Promise<void> => {
    for (const s of snapshots) s.close();
    await workers?.close();
  };
  try {
    const walks = paths.map((p) => (p.directory && workers !== null ? workers.walk(p.abs, []) : null));
    // Awaited below; this keeps a walk that fails while a snapshot is being opened from going unhandled.
    for (const w of walks) w?.catch(() => undefined);
    // Snapshots open while the walk runs on a worker.
    const opened: (ListedSource | null)[] = [];
    const fetchers: ((entries: readonly FileEntry[]) => Promise<void>)[] = [];
    for (let i = 0; i < paths.length; i++) {
      const p = paths[i] as SidePath;
      if (walks[i] !== null) {
        opened.push(null);
        continue;
      }
      let any: OpenedSnapshot;
      try {
        any = await openSnapshotAnywhere(p.stored ? p.label : p.abs, { cwd: options.cwd, env: options.env ?? process.env, parents: options.parents, maxDepth: options.maxDepth });
      } catch (error) {
        throw onSide(error, p.side, p.label);
      }
      const side = openSnapshotSide(() => any.reader, p.side, p.label);
      snapshots.push(side);
      fetchers[i] = any.fetchFiles ?? (async () => undefined);
      opened.push(snapshotSource(side, prefix, notes));
    }
    const sources: ListedSource[] = [];
    for (let i = 0; i < 2; i++) {
      const walk = walks[i];
      const path = paths[i] as SidePath;
      if (walk === null || walk === undefined) {
        sources.push(opened[i] as ListedSource);
      } else {
        try {
          sources.push(walkedDirectory(path.label, await walk, path.side === 'BEFORE' ? 'before' : 'after'));
        } catch (error) {
          throw onSide(error, path.side, path.label);
        }
      }
    }
    const [before, after] = sources as [ListedSource, ListedSource];
    await fetchDiffering(fetchers, before, after, paths);
    if (prefix === null) {
      const mismatch = prefixMismatch({ name: `BEFORE ${before.label}`, entries: before.entries }, { name: `AFTER ${after.label}`, entries: after.entries });
      if (mismatch !== null) notes.push(mismatch);
    }
    return { before, after, notes, diff: (exclude) => listedParts(before, after, exclude, workers), close: closeAll };
  } catch (error) {
    await closeAll();
    throw error;
  }
}

/**
 * A registry side holds only its record until now: fetch the chunks of the files the other side
 * does not have with the same digest (all of them against a directory, whose digests come later).
 */
async function fetchDiffering(fetchers: ((entries: readonly FileEntry[]) => Promise<void>)[], before: ListedSource, after: ListedSource, paths: SidePath[]): Promise<void> {
  const sides = [before, after];
  for (let i = 0; i < 2; i++) {
    const fetch = fetchers[i];
    if (fetch === undefined) continue;
    const own = sides[i] as ListedSource;
    const other = sides[1 - i] as ListedSource;
    const digests = other.kind === 'directory' ? null : new Set(other.entries.flatMap((e) => (e.type === 'file' ? [e.sha256] : [])));
    const wanted = own.entries.filter((e): e is FileEntry => e.type === 'file' && (digests === null || !digests.has(e.sha256)));
    try {
      await fetch(wanted);
    } catch (error) {
      const p = paths[i] as SidePath;
      throw onSide(error, p.side, p.label);
    }
  }
}

function snapshotSource(side: SnapshotSide, prefix: string | null, notes: string[]): ListedSource {
  let entries: TreeEntry[] = side.entries;
  const stripped = prefix === null ? null : stripEntries(side.entries, prefix);
  if (stripped !== null && prefix !== null) {
    entries = stripped.entries;
    if (stripped.outside > 0) notes.push(`--strip-prefix ${prefix}/: ${stripped.outside} entries of ${side.label} outside ${prefix}/ were left out`);
  }
  return {
    label: side.label,
    kind: 'snapshot',
    entries,
    notCompared: [],
    metadata: side.metadata,
    readFile: (entry) => side.readFile(entry),
    openFile: (entry) => side.openFile(entry),
    digest: (entry) => entry.sha256,
    verification: () => side.verification(),
  };
}

function readFileAt(absPath: string, path: string): Buffer {
  try {
    return readFileSync(absPath);
  } catch (error) {
    throw fromSystemError(error, `cannot read ${path}`);
  }
}

/** SHA-256 of a directory side's file (read in bounded pieces), an error naming the file when it cannot be read. */
function hashFileAt(absPath: string, path: string): string {
  try {
    return sha256File(absPath);
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
  return {
    label,
    kind: 'directory',
    metadata: null,
    prefix,
    readFile: (entry) => readFileAt(prefix + entry.path, entry.path),
    openFile: (entry) => fileByteSource(prefix + entry.path, entry.size, entry.path),
    digest: (entry) => hashFileAt(prefix + entry.path, entry.path),
  };
}

function walkedDirectory(label: string, walk: WalkResult, side: 'before' | 'after'): WalkedDirectory {
  const walked = new Map<string, WalkedFile>();
  const entries: TreeEntry[] = walk.entries.map((e) => {
    if (e.type === 'dir') return { type: 'dir', path: e.path, mode: e.mode };
    if (e.type === 'symlink') return { type: 'symlink', path: e.path, target: e.target };
    walked.set(e.path, e);
    // The class only matters to capture's codecs; comparators sniff the bytes themselves.
    return { type: 'file', path: e.path, mode: e.mode, size: e.size, sha256: '', class: 'binary' };
  });
  const notCompared: NotCompared[] = [];
  let specials = false;
  for (const s of walk.skipped) {
    if (s.special !== undefined) {
      entries.push(s.special);
      specials = true;
    } else {
      notCompared.push({ path: s.path, side, reason: s.reason });
    }
  }
  if (specials) entries.sort((x, y) => compareCodePoints(x.path, y.path));
  const source: WalkedDirectory = {
    label,
    kind: 'directory',
    entries,
    notCompared,
    metadata: null,
    walked,
    readFile: (entry) => readFileAt(walkedFile(source, entry.path).absPath, entry.path),
    openFile: (entry) => fileByteSource(walkedFile(source, entry.path).absPath, entry.size, entry.path),
    digest: (entry) => hashFileAt(walkedFile(source, entry.path).absPath, entry.path),
  };
  return source;
}

function walkedFile(source: WalkedDirectory, path: string): WalkedFile {
  const file = source.walked.get(path);
  if (file === undefined) throw new OperationError('E_IO', `${path} was not found by the directory walk`);
  return file;
}

function excludeFilter(exclude: readonly string[]): (e: { path: string }) => boolean {
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
  const notCompared = [...before.notCompared, ...after.notCompared].filter(keep);
  yield { differences: tree.differences, modified: tree.modified, only: tree.only, notCompared };
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
  const out: TreeDiff = { differences: [], modified: [], unsettled: [], only: [] };
  for (const { side, entry } of facts.only) out.differences.push(oneSided(entry, side === 0 ? 'before' : 'after', out.only));
  for (const { a, b, sameBytes } of facts.pairs) diffPair(a, b, out, sameBytes);
  const notCompared = facts.notCompared.map((n): NotCompared => ({ path: n.path, side: n.side === 0 ? 'before' : 'after', reason: n.reason }));
  return { differences: out.differences, modified: out.modified, only: out.only, notCompared, checked: { files: facts.filesChecked, bytes: facts.bytesRead } };
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
