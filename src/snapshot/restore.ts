/**
 * Restores a snapshot's entries under a target directory. Every entry path is re-checked, every
 * parent directory on disk is checked not to be a symlink before anything is written under it,
 * each file is written to a temp name, digest-checked, then renamed into place.
 */
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, closeSync, lstatSync, mkdirSync, openSync, realpathSync, renameSync, rmSync, symlinkSync, unlinkSync, writeSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { join } from 'node:path';
import { OperationError, SnapshotFormatError, UnsafePathError, fromSystemError } from '../errors.js';
import type { PathMatcher } from './globs.js';
import { entryPathProblem } from './paths.js';
import type { SnapshotReader } from './reader.js';
import type { Entry, FileEntry } from './types.js';

export interface RestoreOptions {
  /** Restore only files/symlinks this matcher accepts (and the directories above them). */
  only?: PathMatcher;
  onProgress?: (doneBytes: number, totalBytes: number) => void;
}

export interface RestoreReport {
  files: number;
  dirs: number;
  symlinks: number;
  bytes: number;
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

export function restoreSnapshot(reader: SnapshotReader, targetDir: string, options: RestoreOptions = {}): RestoreReport {
  try {
    mkdirSync(targetDir, { recursive: true });
  } catch (error) {
    throw fromSystemError(error, `cannot create ${targetDir}`);
  }
  const base = realpathSync(targetDir);
  const entries = selectEntries(reader.manifest.entries, options.only);
  if (options.only !== undefined && entries.length === 0) {
    throw new OperationError('E_NOT_FOUND', 'no entry in the snapshot matches --only; list its paths with \'vitsnap export FILE --json\'');
  }
  const totalBytes = entries.reduce((sum, e) => sum + (e.type === 'file' ? e.size : 0), 0);
  const report: RestoreReport = { files: 0, dirs: 0, symlinks: 0, bytes: 0 };
  const dirModes: { abs: string; mode: number }[] = [];
  for (const entry of entries) {
    const problem = entryPathProblem(entry.path);
    if (problem !== null) throw new UnsafePathError(entry.path, problem);
    const abs = join(base, ...entry.path.split('/'));
    ensureParents(base, entry.path);
    if (entry.type === 'dir') {
      const existing = lstatOrNull(abs);
      if (existing === null) mkdirSync(abs, { mode: 0o700 });
      else if (existing.isSymbolicLink()) throw new UnsafePathError(entry.path, 'a symlink is in the way of this directory');
      else if (!existing.isDirectory()) throw new OperationError('E_IO', `cannot restore directory ${entry.path}: a file is in the way`);
      dirModes.push({ abs, mode: entry.mode & RESTORABLE_MODE });
      report.dirs++;
    } else if (entry.type === 'symlink') {
      const existing = lstatOrNull(abs);
      if (existing?.isDirectory() === true) throw new OperationError('E_IO', `cannot restore symlink ${entry.path}: a directory is in the way`);
      if (existing !== null) unlinkSync(abs);
      symlinkSync(entry.target, abs);
      report.symlinks++;
    } else {
      writeFileEntry(reader, entry, abs, (n) => {
        report.bytes += n;
        options.onProgress?.(report.bytes, totalBytes);
      });
      report.files++;
    }
  }
  // Directory modes last, deepest first, so a read-only directory does not block its contents.
  for (const { abs, mode } of dirModes.reverse()) chmodSync(abs, mode);
  return report;
}

function lstatOrNull(path: string): Stats | null {
  try {
    return lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw fromSystemError(error, `cannot inspect ${path}`);
  }
}

/** Creates missing parent directories of `relPath`, refusing to pass through a symlink or a file. */
function ensureParents(base: string, relPath: string): void {
  const segments = relPath.split('/');
  let current = base;
  for (let i = 0; i < segments.length - 1; i++) {
    current = join(current, segments[i] as string);
    const st = lstatOrNull(current);
    if (st === null) {
      mkdirSync(current, { mode: 0o755 });
    } else if (st.isSymbolicLink()) {
      throw new UnsafePathError(relPath, `its parent ${segments.slice(0, i + 1).join('/')} is a symlink`);
    } else if (!st.isDirectory()) {
      throw new UnsafePathError(relPath, `its parent ${segments.slice(0, i + 1).join('/')} is not a directory`);
    }
  }
}

function writeFileEntry(reader: SnapshotReader, entry: FileEntry, abs: string, onBytes: (n: number) => void): void {
  const existing = lstatOrNull(abs);
  if (existing?.isDirectory() === true) throw new OperationError('E_IO', `cannot restore file ${entry.path}: a directory is in the way`);
  const temp = `${abs}.vitsnap-restore-${randomBytes(4).toString('hex')}`;
  const fd = openSync(temp, 'wx', 0o600);
  let renamed = false;
  try {
    const hash = createHash('sha256');
    for (const piece of reader.readFile(entry)) {
      hash.update(piece);
      let done = 0;
      while (done < piece.length) done += writeSync(fd, piece, done, piece.length - done);
      onBytes(piece.length);
    }
    if (hash.digest('hex') !== entry.sha256) {
      throw new SnapshotFormatError('E_CHECKSUM', `${entry.path}: restored bytes do not match its SHA-256; the snapshot is corrupt`);
    }
    closeSync(fd);
    chmodSync(temp, entry.mode & RESTORABLE_MODE);
    renameSync(temp, abs);
    renamed = true;
  } finally {
    if (!renamed) {
      try {
        closeSync(fd);
      } catch {
        // already closed
      }
      rmSync(temp, { force: true });
    }
  }
}
