/**
 * A file that appears at its target path whole or not at all: written to a temp file in the same
 * directory, fsynced, renamed over the target, then the directory is fsynced.
 */
import { createHash, randomBytes, type Hash } from 'node:crypto';
import { closeSync, fdatasync, fsyncSync, openSync, readdirSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fromSystemError } from '../errors.js';

export const TEMP_MARKER = '.vitsnap-tmp-';

/** Start flushing to disk in the background after this many bytes, so the final fsync is short. */
const FLUSH_EVERY = 64 * 1024 * 1024;

/** Files being written, so a signal handler can remove their temp files before the process exits. */
const unfinished = new Set<AtomicFile>();

/** `.vitsnap-tmp-<pid>-<hex>`, and the older `.vitsnap-tmp-<target name>-<pid>-<hex>`. */
const TEMP_NAME = /^\.vitsnap-tmp-(?:.*-)?(\d+)-[0-9a-f]{8}$/s;

/**
 * False only when no process has this pid (ESRCH). A process of another user (EPERM) is alive; so
 * is this process, so callers that own this pid's leftovers check `pid === process.pid` first.
 */
export function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/**
 * Removes the temp files that a killed writer (SIGKILL, power loss) left in `dir`. Best effort: a
 * directory we cannot list or a file we cannot remove is left for the user, as before.
 */
export function removeStaleTemps(dir: string): void {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return;
  }
  for (const name of names) {
    const pid = TEMP_NAME.exec(name)?.[1];
    if (pid === undefined || processIsAlive(Number(pid))) continue;
    try {
      unlinkSync(join(dir, name));
    } catch {
      // gone already, or not ours to remove
    }
  }
}

export function abortUnfinishedFiles(): void {
  for (const file of [...unfinished]) file.abort();
}

export class AtomicFile {
  readonly target: string;
  readonly tempPath: string;
  private fd: number;
  private written = 0;
  private unflushed = 0;
  private flushing = false;
  private readonly hash: Hash | null;
  private digest: string | null = null;

  /** `hash`: keep the SHA-256 of everything written (`sha256` after commit). */
  constructor(target: string, options: { hash?: boolean } = {}) {
    this.target = target;
    this.hash = options.hash === true ? createHash('sha256') : null;
    // Fixed length, so a 255-byte target name still has a valid temp name; the pid lets a later
    // run tell a dead writer's leftover from a live one's.
    this.tempPath = join(dirname(target), `${TEMP_MARKER}${process.pid}-${randomBytes(4).toString('hex')}`);
    removeStaleTemps(dirname(target));
    try {
      this.fd = openSync(this.tempPath, 'wx', 0o644);
    } catch (error) {
      throw fromSystemError(error, `cannot create ${target}`);
    }
    unfinished.add(this);
  }

  get position(): number {
    return this.written;
  }

  /** SHA-256 of the committed file; only for a file constructed with `hash: true`. */
  get sha256(): string {
    if (this.digest === null) throw new Error(`internal: ${this.target} was not hashed, or is not committed yet`);
    return this.digest;
  }

  write(data: Uint8Array): void {
    let done = 0;
    try {
      while (done < data.length) done += writeSync(this.fd, data, done, data.length - done);
    } catch (error) {
      throw fromSystemError(error, `cannot write ${this.target}`);
    }
    this.hash?.update(data);
    this.written += data.length;
    this.unflushed += data.length;
    if (this.unflushed >= FLUSH_EVERY && !this.flushing) {
      this.flushing = true;
      this.unflushed = 0;
      // A background flush (libuv thread) while we keep writing; errors surface at the final fsync.
      fdatasync(this.fd, () => {
        this.flushing = false;
      });
    }
  }

  commit(): void {
    try {
      fsyncSync(this.fd);
      closeSync(this.fd);
      this.fd = -1;
      renameSync(this.tempPath, this.target);
      unfinished.delete(this);
      this.digest = this.hash?.digest('hex') ?? null;
    } catch (error) {
      this.abort();
      throw fromSystemError(error, `cannot write ${this.target}`);
    }
    syncDirectory(dirname(this.target));
  }

  /** Removes the temp file; the target is untouched. Safe to call more than once. */
  abort(): void {
    unfinished.delete(this);
    if (this.fd >= 0) {
      try {
        closeSync(this.fd);
      } catch {
        // already closed by a failed commit
      }
      this.fd = -1;
    }
    try {
      unlinkSync(this.tempPath);
    } catch {
      // never created, or already renamed
    }
  }
}

function syncDirectory(dir: string): void {
  let fd = -1;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Some filesystems refuse fsync on a directory; the rename itself has happened.
  } finally {
    if (fd >= 0) closeSync(fd);
  }
}
