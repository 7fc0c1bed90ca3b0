/**
 * A restore's write-ahead journal: every path a restore is about to create, every temp file and
 * every file it moves aside is recorded (one line, before the change) in `.vitsnap-restore-<pid>`
 * at the restore root. Undoing the journal backwards puts the directory back as it was: on a
 * failure in this process, or, after a SIGKILL, by the next restore into the same directory.
 * Paths are relative to the root (the directory may have been moved since) and are re-checked
 * before undoing: a journal is a file in a directory anyone may have written to.
 */
import { closeSync, lstatSync, openSync, readdirSync, readFileSync, renameSync, rmdirSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { fromSystemError } from '../errors.js';
import { processIsAlive } from './atomic-file.js';
import { entryPathProblem } from './paths.js';

export const RESTORE_MARKER = '.vitsnap-restore-';

const JOURNAL_NAME = /^\.vitsnap-restore-(\d+)$/;
/** Temp and backup files: `.vitsnap-restore-<pid>-<n>`, a fixed short length next to any name. */
const SIDE_FILE_NAME = /^\.vitsnap-restore-(\d+)-\d+$/;

/** True for a name restore keeps for itself: a snapshot entry may not be called that. */
export function isReservedName(segment: string): boolean {
  return JOURNAL_NAME.test(segment) || SIDE_FILE_NAME.test(segment);
}

/**
 * `created`: a file, symlink or directory that was not there before. `temp`: a temp file that is
 * renamed into place or removed. `moved`: a file that was in the way, renamed to `to`.
 */
export type JournalRecord = { op: 'created'; path: string } | { op: 'temp'; path: string } | { op: 'moved'; path: string; to: string };

export class RestoreJournal {
  readonly base: string;
  readonly path: string;
  private fd: number;
  private readonly records: JournalRecord[] = [];
  private sideFiles = 0;

  constructor(base: string) {
    this.base = base;
    this.path = join(base, `${RESTORE_MARKER}${process.pid}`);
    try {
      this.fd = openSync(this.path, 'wx', 0o600);
    } catch (error) {
      throw fromSystemError(error, `cannot start restoring into ${base}`);
    }
    this.writeLine({ op: 'host', name: hostname() });
  }

  /** A fresh short name (relative to the root) next to `relPath`, for a temp or moved-aside file. */
  sideFile(relPath: string): string {
    const slash = relPath.lastIndexOf('/');
    return `${relPath.slice(0, slash + 1)}${RESTORE_MARKER}${process.pid}-${this.sideFiles++}`;
  }

  record(entry: JournalRecord): void {
    this.records.push(entry);
    this.writeLine(entry);
  }

  private writeLine(entry: JournalRecord | { op: 'host'; name: string }): void {
    const line = Buffer.from(`${JSON.stringify(entry)}\n`);
    try {
      let done = 0;
      while (done < line.length) done += writeSync(this.fd, line, done, line.length - done);
    } catch (error) {
      throw fromSystemError(error, `cannot write the restore journal ${this.path}`);
    }
  }

  /** Everything is in place: the files it replaced are no longer needed for a rollback. */
  discardMovedAside(): void {
    for (const r of this.records) if (r.op === 'moved') removeQuietly(this.base, r.to);
  }

  /** The restore succeeded: drop the journal. */
  finish(): void {
    this.close();
  }

  /** The restore failed: undo everything it did, newest first, then drop the journal. */
  rollback(): void {
    undo(this.base, this.records);
    this.close();
  }

  private close(): void {
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
    try {
      unlinkSync(this.path);
    } catch {
      // already gone
    }
  }
}

/**
 * Undoes the journals of restores into `base` whose process is gone, and removes their temp files
 * at its top level. Run before a restore looks at what `base` holds.
 */
export function recoverAbandonedRestores(base: string): void {
  let names: string[];
  try {
    names = readdirSync(base);
  } catch {
    return;
  }
  const abandoned = (pid: string | undefined): boolean => pid !== undefined && (Number(pid) === process.pid || !processIsAlive(Number(pid)));
  const foreign = new Set<string>();
  for (const name of names) {
    const pid = JOURNAL_NAME.exec(name)?.[1];
    if (pid === undefined || !abandoned(pid)) continue;
    const journal = readJournal(join(base, name));
    // A pid means nothing on another machine (or container) sharing this directory: leave its journal be.
    if (journal.host !== undefined && journal.host !== hostname()) {
      foreign.add(pid);
      continue;
    }
    undo(base, journal.records);
    removeQuietly(base, name);
  }
  for (const name of names) {
    const pid = SIDE_FILE_NAME.exec(name)?.[1];
    if (pid !== undefined && !foreign.has(pid) && abandoned(pid)) removeQuietly(base, name);
  }
}

/** The host that wrote a journal file, and its records; a torn last line (killed mid-write) is skipped. */
function readJournal(path: string): { host: string | undefined; records: JournalRecord[] } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return { host: undefined, records: [] };
  }
  let host: string | undefined;
  const records: JournalRecord[] = [];
  for (const line of text.split('\n')) {
    try {
      const r = JSON.parse(line) as { op?: unknown; path?: unknown; to?: unknown; name?: unknown };
      if (r.op === 'host' && typeof r.name === 'string') host = r.name;
      if (typeof r.path !== 'string') continue;
      if (r.op === 'created' || r.op === 'temp') records.push({ op: r.op, path: r.path });
      else if (r.op === 'moved' && typeof r.to === 'string') records.push({ op: 'moved', path: r.path, to: r.to });
    } catch {
      // torn or empty line
    }
  }
  return { host, records };
}

/** Best effort: each step that cannot be undone (already gone, or changed since) is skipped. */
function undo(base: string, records: readonly JournalRecord[]): void {
  for (const r of [...records].reverse()) {
    if (r.op !== 'moved') {
      removeQuietly(base, r.path);
      continue;
    }
    const from = safePath(base, r.to);
    const to = safePath(base, r.path);
    if (from === null || to === null) continue;
    try {
      renameSync(from, to);
    } catch {
      // never moved, or already back
    }
  }
}

/**
 * `base/relPath` when `relPath` is a plain relative path whose parents are real directories (not
 * symlinks), so undoing a tampered journal cannot touch anything outside `base`; otherwise null.
 */
function safePath(base: string, relPath: string): string | null {
  if (entryPathProblem(relPath) !== null) return null;
  const segments = relPath.split('/');
  let current = base;
  for (const segment of segments.slice(0, -1)) {
    current = join(current, segment);
    try {
      if (!lstatSync(current).isDirectory()) return null;
    } catch {
      return null;
    }
  }
  return join(current, segments[segments.length - 1] as string);
}

/** Removes a file, a symlink or an empty directory under `base`; anything else is left as it is. */
function removeQuietly(base: string, relPath: string): void {
  const path = safePath(base, relPath);
  if (path === null) return;
  try {
    unlinkSync(path);
    return;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'EISDIR' && code !== 'EPERM') return;
  }
  try {
    rmdirSync(path);
  } catch {
    // not empty: something that this restore did not make is inside
  }
}
