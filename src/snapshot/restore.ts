/**
 * Restores a snapshot's entries under a target directory. Every entry path is re-checked, every
 * parent directory on disk is checked not to be a symlink before anything is written under it,
 * each file is written to a short temp name, digest-checked, then renamed into place. The target
 * must be empty unless `force`; every change is journaled first (restore-journal.ts), so a failed
 * restore takes back everything it did, and a killed one is taken back by the next restore there.
 */
import { createHash } from 'node:crypto';
import { chmodSync, closeSync, linkSync, lstatSync, mkdirSync, openSync, readdirSync, realpathSync, renameSync, rmdirSync, statSync, symlinkSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { setImmediate } from 'node:timers/promises';
import { OperationError, SnapshotFormatError, UnsafePathError, fromSystemError, isVitsnapError } from '../errors.js';
import { onInterrupt } from '../interrupt.js';
import { checkExpansion, checkFreeSpace, type ExpansionLimits } from './expansion.js';
import type { PathMatcher } from './globs.js';
import { entryPathProblem } from './paths.js';
import type { SnapshotReader } from './reader.js';
import { RestoreJournal, isReservedName, recoverAbandonedRestores } from './restore-journal.js';
import { finishSparse, writeSparse } from './sparse.js';
import type { Entry, FileEntry, SymlinkEntry } from './types.js';

/**
 * The writer pauses (one event-loop turn) after about this much work, counting 4 KiB per entry
 * besides file bytes: often enough that Ctrl-C is answered within a fraction of a second, rarely
 * enough to cost nothing measurable.
 */
const PAUSE_EVERY_BYTES = 16 * 1024 * 1024;

export interface RestoreOptions {
  /** Restore only files/symlinks this matcher accepts (and the directories above them). */
  only?: PathMatcher;
  /** Restore into a directory that is not empty, replacing the files and symlinks the snapshot also has. */
  force?: boolean;
  /** How far the snapshot may expand (expansion.ts); default: 10× its size. */
  limits?: ExpansionLimits;
  onProgress?: (doneBytes: number, totalBytes: number) => void;
  /**
   * Hardlink files instead of writing them: returns a read-only file with the entry's bytes to
   * link to (a store's plain copy). When linking fails across filesystems, the file is written.
   */
  linkSource?: (entry: FileEntry) => string;
}

export interface RestoreReport {
  files: number;
  dirs: number;
  symlinks: number;
  bytes: number;
  /** Files hardlinked (with linkSource). */
  linked?: number;
  /** Why files were written instead of linked, when they were. */
  linkFallback?: string;
}

/** Special bits are never restored: a snapshot must not be able to plant a setuid binary. */
const RESTORABLE_MODE = 0o1777;

function selectEntries(entries: readonly Entry[], only: PathMatcher | undefined): Entry[] {
  if (only === undefined) return [...entries];
  const leaves = entries.filter((e) => e.type !== 'dir' && only.matches(e.path));
  const neededDirs = new Set<string>();
  for (const e of leaves) {
    for (let i = e.path.indexOf('/'); i >= 0; i = e.path.indexOf('/', i + 1)) neededDirs.add(e.path.slice(0, i));
  }
  return entries.filter((e) => (e.type === 'dir' ? neededDirs.has(e.path) || only.matches(e.path) : only.matches(e.path)));
}

export async function restoreSnapshot(reader: SnapshotReader, targetDir: string, options: RestoreOptions = {}): Promise<RestoreReport> {
  const entries = selectEntries(reader.manifest.entries, options.only);
  if (options.only !== undefined && entries.length === 0) {
    throw new OperationError('E_NOT_FOUND', 'no entry in the snapshot matches --only; list its paths with \'vitsnap export FILE --json\'');
  }
  for (const entry of entries) {
    const problem = entryPathProblem(entry.path) ?? (entry.path.split('/').some(isReservedName) ? 'names like .vitsnap-restore-<n> are kept for restore\'s own journal' : null);
    if (problem !== null) throw new UnsafePathError(entry.path, problem);
  }
  checkExpansion({ path: reader.path, fileSize: reader.chainBytes }, entries, options.limits);

  const target = resolve(targetDir);
  const firstCreated = makeDirs(target, targetDir);
  let journal: RestoreJournal;
  let base: string;
  try {
    base = realpathSync(target);
    recoverAbandonedRestores(base);
    if (options.force !== true && readdirSync(base).length > 0) {
      throw new OperationError('E_INPUT', `${targetDir} is not empty; pass --force to overwrite files in it, or choose an empty directory`);
    }
    checkFreeSpace(targetDir, entries);
    journal = new RestoreJournal(base);
  } catch (error) {
    removeCreatedDirs(target, firstCreated);
    throw fromSystemError(error, `cannot restore into ${targetDir}`);
  }
  const undo = (): void => {
    journal.rollback();
    removeCreatedDirs(target, firstCreated);
  };
  // Ctrl-C while writing: the signal handler runs this at the writer's next pause.
  const forget = onInterrupt(undo);
  try {
    const writer = new EntryWriter(reader, journal, options.onProgress, options.linkSource);
    const report = await writer.writeAll(entries);
    forget();
    // Before the modes: a directory made read-only would keep the moved-aside files in it.
    journal.discardMovedAside();
    writer.applyDirModes();
    journal.finish();
    return report;
  } catch (error) {
    forget();
    undo();
    throw error;
  }
}

/**
 * `mkdir -p target`, returning the first directory it made. Not `mkdirSync(recursive)`: on a
 * read-only file system that reports ENOENT instead of EROFS.
 */
function makeDirs(target: string, shown: string): string | undefined {
  const missing: string[] = [];
  for (let dir = target; dirname(dir) !== dir; dir = dirname(dir)) {
    try {
      statSync(dir);
      break;
    } catch {
      missing.push(dir);
    }
  }
  let first: string | undefined;
  for (const dir of missing.reverse()) {
    try {
      mkdirSync(dir);
    } catch (error) {
      removeCreatedDirs(dirname(dir), first);
      throw fromSystemError(error, `cannot create ${shown}`);
    }
    first ??= dir;
  }
  return first;
}

/** Removes `target` and its parents up to `firstCreated` (what `mkdir -p` made), when empty. */
function removeCreatedDirs(target: string, firstCreated: string | undefined): void {
  if (firstCreated === undefined) return;
  for (let dir = target; ; dir = dirname(dir)) {
    try {
      rmdirSync(dir);
    } catch {
      return;
    }
    if (dir === firstCreated || dirname(dir) === dir) return;
  }
}

/** Writes entries under the journal's root, journaling each change before it is made. */
class EntryWriter {
  private readonly report: RestoreReport = { files: 0, dirs: 0, symlinks: 0, bytes: 0 };
  private readonly dirModes: { abs: string; mode: number }[] = [];
  private totalBytes = 0;
  private readonly reader: SnapshotReader;
  private readonly journal: RestoreJournal;
  private readonly onProgress: ((doneBytes: number, totalBytes: number) => void) | undefined;
  private linkSource: ((entry: FileEntry) => string) | undefined;

  constructor(
    reader: SnapshotReader,
    journal: RestoreJournal,
    onProgress: ((doneBytes: number, totalBytes: number) => void) | undefined,
    linkSource: ((entry: FileEntry) => string) | undefined,
  ) {
    this.reader = reader;
    this.journal = journal;
    this.onProgress = onProgress;
    this.linkSource = linkSource;
    if (linkSource !== undefined) this.report.linked = 0;
  }

  /** Writes every entry, pausing between entries now and then so a signal can be handled (and the restore undone). */
  async writeAll(entries: readonly Entry[]): Promise<RestoreReport> {
    this.totalBytes = entries.reduce((sum, e) => sum + (e.type === 'file' ? e.size : 0), 0);
    let sincePause = 0;
    for (const entry of entries) {
      try {
        this.write(entry);
      } catch (error) {
        throw entryError(error, entry, this.journal.base);
      }
      sincePause += 4096 + (entry.type === 'file' ? entry.size : 0);
      if (sincePause >= PAUSE_EVERY_BYTES) {
        sincePause = 0;
        await setImmediate();
      }
    }
    return this.report;
  }

  /** Directory modes last, deepest first, so a read-only directory does not block its contents. */
  applyDirModes(): void {
    for (const { abs, mode } of [...this.dirModes].reverse()) {
      try {
        chmodSync(abs, mode);
      } catch (error) {
        throw fromSystemError(error, `cannot set the mode of ${abs}`);
      }
    }
  }

  private abs(relPath: string): string {
    return join(this.journal.base, ...relPath.split('/'));
  }

  private write(entry: Entry): void {
    this.ensureParents(entry.path);
    const abs = this.abs(entry.path);
    const existing = lstatOrNull(abs);
    if (entry.type === 'dir') {
      if (existing === null) {
        this.journal.record({ op: 'created', path: entry.path });
        mkdirSync(abs, { mode: 0o700 });
      } else if (existing.isSymbolicLink()) throw new UnsafePathError(entry.path, 'a symlink is in the way of this directory');
      else if (!existing.isDirectory()) throw new OperationError('E_IO', `cannot restore directory ${entry.path}: a file is in the way; remove it or restore into an empty directory`);
      this.dirModes.push({ abs, mode: entry.mode & RESTORABLE_MODE });
      this.report.dirs++;
      return;
    }
    if (existing?.isDirectory() === true) {
      throw new OperationError('E_IO', `cannot restore ${entry.type} ${entry.path}: a directory is in the way; remove it or restore into an empty directory`);
    }
    if (entry.type === 'symlink') {
      this.putInPlace(entry.path, existing, () => this.makeSymlink(entry, abs));
      this.report.symlinks++;
    } else {
      const temp = this.linkTemp(entry) ?? this.writeTemp(entry);
      this.putInPlace(entry.path, existing, () => renameSync(temp, abs));
      this.report.files++;
    }
  }

  /** Moves whatever is at `relPath` aside (so a rollback can put it back), then runs `place`. */
  private putInPlace(relPath: string, existing: Stats | null, place: () => void): void {
    if (existing !== null) {
      const aside = this.journal.sideFile(relPath);
      this.journal.record({ op: 'moved', path: relPath, to: aside });
      renameSync(this.abs(relPath), this.abs(aside));
    }
    this.journal.record({ op: 'created', path: relPath });
    place();
  }

  private makeSymlink(entry: SymlinkEntry, abs: string): void {
    try {
      symlinkSync(entry.target, abs);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENAMETOOLONG') {
        const bytes = Buffer.byteLength(entry.target);
        throw new OperationError('E_IO', `cannot restore symlink ${entry.path}: its target is ${bytes} bytes, longer than this system allows (Linux: 4095); nothing was restored`);
      }
      throw error;
    }
  }

  /** Hardlinks the entry's plain copy as a temp file next to it; null when it must be written instead. */
  private linkTemp(entry: FileEntry): string | null {
    if (this.linkSource === undefined) return null;
    const source = this.linkSource(entry);
    const rel = this.journal.sideFile(entry.path);
    this.journal.record({ op: 'temp', path: rel });
    try {
      linkSync(source, this.abs(rel));
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'EMLINK') throw error;
      // Another filesystem (or one without hardlinks): every later file would fail the same way.
      this.linkSource = undefined;
      this.report.linkFallback = code === 'EXDEV' ? 'the store is on another filesystem' : `the filesystem refused a hardlink (${code})`;
      return null;
    }
    this.report.bytes += entry.size;
    this.report.linked = (this.report.linked ?? 0) + 1;
    this.onProgress?.(this.report.bytes, this.totalBytes);
    return this.abs(rel);
  }

  /** Writes a file's bytes to a new temp file next to it and checks their digest; returns the temp path. */
  private writeTemp(entry: FileEntry): string {
    const rel = this.journal.sideFile(entry.path);
    const temp = this.abs(rel);
    this.journal.record({ op: 'temp', path: rel });
    const fd = openSync(temp, 'wx', 0o600);
    try {
      const hash = createHash('sha256');
      let position = 0;
      let skipped = 0;
      for (const piece of this.reader.readFile(entry)) {
        hash.update(piece);
        skipped += writeSparse(fd, piece, position);
        position += piece.length;
        this.report.bytes += piece.length;
        this.onProgress?.(this.report.bytes, this.totalBytes);
      }
      if (skipped > 0) finishSparse(fd, entry.size);
      if (hash.digest('hex') !== entry.sha256) {
        throw new SnapshotFormatError('E_CHECKSUM', `${entry.path}: restored bytes do not match its SHA-256; the snapshot ${this.reader.path} is corrupt (run 'vitsnap verify' on it); nothing was left in the target`);
      }
    } finally {
      closeSync(fd);
    }
    chmodSync(temp, entry.mode & RESTORABLE_MODE);
    return temp;
  }

  /** Creates missing parent directories of `relPath`, refusing to pass through a symlink or a file. */
  private ensureParents(relPath: string): void {
    const segments = relPath.split('/');
    for (let i = 1; i < segments.length; i++) {
      const parent = segments.slice(0, i).join('/');
      const st = lstatOrNull(this.abs(parent));
      if (st === null) {
        this.journal.record({ op: 'created', path: parent });
        mkdirSync(this.abs(parent), { mode: 0o755 });
      } else if (st.isSymbolicLink()) {
        throw new UnsafePathError(relPath, `its parent ${parent} is a symlink`);
      } else if (!st.isDirectory()) {
        throw new UnsafePathError(relPath, `its parent ${parent} is not a directory`);
      }
    }
  }
}

/** A failure while restoring `entry`, as a coded error that names it; vitsnap's own errors pass through. */
function entryError(error: unknown, entry: Entry, base: string): Error {
  if (isVitsnapError(error)) return error as unknown as Error;
  return fromSystemError(error, `cannot restore ${entry.type} ${entry.path} in ${base}`);
}

function lstatOrNull(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}
