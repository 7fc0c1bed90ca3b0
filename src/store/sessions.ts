/**
 * Who may touch a store's chunks at once. Adding and reading need no lock between themselves:
 * chunks are written once and renamed into place. Only GC must not run while someone relies on a
 * chunk it might delete, so each such process announces itself with a session file, and GC holds
 * `gc.lock`. Each side writes its own claim first and then looks for the other's (as in Dekker's
 * algorithm): at least one of them sees the other, and the session backs off, so GC never sweeps
 * a chunk a live session is using. A claim whose process has died (SIGKILL, power loss) is stale
 * and is removed by whoever finds it.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OperationError, fromSystemError } from '../errors.js';
import type { StoreLayout } from './layout.js';

const POLL_MS = 50;
/** A claim file or lock still without its owner after this long was left by a process killed while writing it. */
const UNFINISHED_CLAIM_MS = 10_000;

function olderThan(path: string, ms: number): boolean {
  try {
    return Date.now() - statSync(path).mtimeMs > ms;
  } catch {
    return true;
  }
}

interface Claim {
  pid: number;
  /** Kernel start time of the process (Linux), so a reused pid is not mistaken for the owner. */
  start: string | null;
  what: string;
}

function startTimeOf(pid: number): string | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
    // Field 22, counted after the command name, which is in parentheses and may hold spaces.
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
  } catch {
    return null;
  }
}

const OWN_CLAIM: Claim = { pid: process.pid, start: startTimeOf(process.pid), what: '' };

function isAlive(claim: Claim): boolean {
  if (claim.pid === process.pid) return true;
  try {
    process.kill(claim.pid, 0);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
  }
  const start = startTimeOf(claim.pid);
  return claim.start === null || start === null || start === claim.start;
}

function readClaim(path: string): Claim | null {
  try {
    const parsed = JSON.parse(readFileSync(path, 'utf8')) as Partial<Claim>;
    if (typeof parsed.pid !== 'number') return null;
    return { pid: parsed.pid, start: typeof parsed.start === 'string' ? parsed.start : null, what: typeof parsed.what === 'string' ? parsed.what : '' };
  } catch {
    return null;
  }
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Sessions start synchronously (readers open snapshots synchronously); waiting for a GC blocks. */
function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** The live sessions, after removing those of dead processes. */
export function liveSessions(layout: StoreLayout): Claim[] {
  let names: string[] = [];
  try {
    names = readdirSync(layout.sessions);
  } catch {
    return [];
  }
  const live: Claim[] = [];
  for (const name of names) {
    const path = join(layout.sessions, name);
    const claim = readClaim(path);
    // A file being written has no JSON yet: its writer has just started, unless it is old.
    if (claim === null) {
      if (olderThan(path, UNFINISHED_CLAIM_MS)) rmSync(path, { force: true });
      else live.push({ pid: -1, start: null, what: 'starting' });
      continue;
    }
    if (isAlive(claim)) live.push(claim);
    else rmSync(path, { force: true });
  }
  return live;
}

/** The running GC's claim, removing it when its process is gone. */
function liveGc(layout: StoreLayout): Claim | null {
  const claim = readClaim(join(layout.gcLock, 'owner'));
  if (claim === null) {
    try {
      readdirSync(layout.gcLock);
    } catch {
      return null; // no lock
    }
    // A lock directory without an owner yet: its GC is starting, unless it was killed doing so.
    if (!olderThan(layout.gcLock, UNFINISHED_CLAIM_MS)) return { pid: -1, start: null, what: 'gc' };
    rmSync(layout.gcLock, { recursive: true, force: true });
    return null;
  }
  if (isAlive(claim)) return claim;
  rmSync(layout.gcLock, { recursive: true, force: true });
  return null;
}

export class StoreSession {
  private path: string | null;

  private constructor(path: string) {
    this.path = path;
  }

  /** Announces a process that reads or adds chunks; waits (up to `waitMs`) while a GC runs. */
  static begin(layout: StoreLayout, what: string, waitMs = 10 * 60_000): StoreSession {
    const path = join(layout.sessions, `${process.pid}-${randomBytes(6).toString('hex')}`);
    const body = JSON.stringify({ ...OWN_CLAIM, what });
    const deadline = Date.now() + waitMs;
    for (;;) {
      try {
        writeFileSync(path, body, { flag: 'wx' });
      } catch (error) {
        throw fromSystemError(error, `cannot use store ${layout.root}`);
      }
      const gc = liveGc(layout);
      if (gc === null) return new StoreSession(path);
      unlinkSync(path);
      if (Date.now() > deadline) {
        throw new OperationError('E_BUSY', `store ${layout.root} is being garbage-collected (pid ${gc.pid}); try again when it has finished`);
      }
      sleepSync(POLL_MS);
    }
  }

  end(): void {
    if (this.path === null) return;
    rmSync(this.path, { force: true });
    this.path = null;
  }
}

export class GcLock {
  private readonly layout: StoreLayout;
  private held = true;

  private constructor(layout: StoreLayout) {
    this.layout = layout;
  }

  /**
   * Takes the GC lock, then waits (up to `waitMs`) until no session is live. Sessions that start
   * meanwhile see the lock and wait for it.
   */
  static async acquire(layout: StoreLayout, waitMs = 60_000): Promise<GcLock> {
    for (let attempt = 0; ; attempt++) {
      try {
        mkdirSync(layout.gcLock);
        break;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw fromSystemError(error, `cannot lock store ${layout.root}`);
        const owner = liveGc(layout);
        if (owner !== null && attempt > 0) {
          throw new OperationError('E_BUSY', `another vitsnap store gc (pid ${owner.pid}) is running on ${layout.root}; wait for it to finish`);
        }
        if (owner !== null) await sleep(POLL_MS);
      }
    }
    const lock = new GcLock(layout);
    try {
      writeFileSync(join(layout.gcLock, 'owner'), JSON.stringify({ ...OWN_CLAIM, what: 'gc' }));
      const deadline = Date.now() + waitMs;
      for (;;) {
        const live = liveSessions(layout);
        if (live.length === 0) return lock;
        if (Date.now() > deadline) {
          const pids = live.map((c) => `${c.pid} (${c.what})`).join(', ');
          throw new OperationError('E_BUSY', `store ${layout.root} is in use by ${pids}; run vitsnap store gc again when they have finished`);
        }
        await sleep(POLL_MS);
      }
    } catch (error) {
      lock.release();
      throw error;
    }
  }

  release(): void {
    if (!this.held) return;
    this.held = false;
    rmSync(this.layout.gcLock, { recursive: true, force: true });
  }
}
