/**
 * Walks two directory trees side by side, as `diff -rq` does, for a directory-vs-directory diff:
 * each directory of one tree is listed with its namesake in the other, files present in both are
 * compared by bytes at once, and only what differs is reported. Nothing is stat'ed that the answer
 * does not need: a file found in both trees costs an open and an fstat per side (which the byte
 * check needs anyway), and the entries of a subtree present on one side only come from `walkTree`.
 *
 * The rules are capture's (src/snapshot/walk.ts): symlinks are never followed and the roots are not
 * entries. What capture leaves out is still reported, never silently equal: FIFOs, sockets and
 * devices as entries of their own type, names that are not valid UTF-8 (and symlinks whose target
 * is not) as "not compared".
 * Work comes in tasks with a budget, so that two workers share a tree between them: a task that
 * has read enough hands back the directories it has not listed yet.
 */
import { isUtf8 } from 'node:buffer';
import { lstatSync, readdirSync, readlinkSync, type Dirent, type Stats } from 'node:fs';
import { fromSystemError, OperationError } from '../errors.js';
import { checkPair } from './file-equality.js';
import { compileGlobs, type PathMatcher } from './globs.js';
import type { Entry } from './types.js';
import { escapeName, specialEntry, walkTree, type SpecialEntry } from './walk.js';

export interface DirPairTask {
  /** The two roots, each ending with a path separator. */
  rootA: string;
  rootB: string;
  /** Directories to list, relative to both roots (`''` is the roots themselves). */
  dirs: string[];
  /** Globs of paths left out of the comparison. */
  exclude: string[];
  /** The task hands back what is left once it has visited this many entries or read this many bytes. */
  maxEntries: number;
  maxBytes: number;
}

export interface DirPairFacts {
  /** Entries found on one side only: side 0 is tree A, 1 is tree B. */
  only: { side: 0 | 1; entry: Entry | SpecialEntry }[];
  /** Paths on both sides that differ in type, mode, symlink target or bytes. */
  pairs: { a: Entry | SpecialEntry; b: Entry | SpecialEntry; sameBytes: boolean }[];
  /** Paths that could not be compared (a name or symlink target that is not valid UTF-8), by side. */
  notCompared: { side: 0 | 1; path: string; reason: string }[];
  /** Directories found in both trees and not listed yet: for another task. */
  pending: string[];
  /** Files compared by bytes, and the bytes read doing so. */
  filesChecked: number;
  bytesRead: number;
}

/** `special`: a FIFO, socket or device. */
type Kind = 'file' | 'dir' | 'symlink' | 'special';

interface Listing {
  names: string[];
  kinds: Map<string, Kind>;
  /** Names that are not valid UTF-8, escaped (`bad\\xff`): not compared, but never left unsaid. */
  invalid: string[];
}

function kindOf(dirent: Dirent): Kind | null {
  if (dirent.isFile()) return 'file';
  if (dirent.isDirectory()) return 'dir';
  if (dirent.isSymbolicLink()) return 'symlink';
  if (dirent.isFIFO() || dirent.isSocket() || dirent.isCharacterDevice() || dirent.isBlockDevice()) return 'special';
  return null; // the filesystem did not say: lstat decides
}

function kindOfStats(stats: Stats): Kind {
  if (stats.isFile()) return 'file';
  if (stats.isDirectory()) return 'dir';
  if (stats.isSymbolicLink()) return 'symlink';
  return 'special';
}

function directoryError(error: unknown, abs: string): Error {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') {
    return new OperationError('E_IO', `cannot read directory ${abs}: permission denied; fix its permissions or leave it out with --exclude`);
  }
  return fromSystemError(error, `walking ${abs}`);
}

/** A directory's names and kinds; a directory that vanished lists as empty, as in `walkTree`. */
function list(abs: string): Listing {
  let dirents: Dirent[];
  try {
    dirents = readdirSync(abs, { withFileTypes: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return { names: [], kinds: new Map(), invalid: [] };
    throw directoryError(error, abs);
  }
  const kinds = new Map<string, Kind>();
  let suspect = false;
  for (const dirent of dirents) {
    const name = dirent.name;
    // Node decodes names as UTF-8 and puts U+FFFD where bytes are invalid; such names are checked raw below.
    if (name.includes('\uFFFD')) suspect = true;
    const kind = kindOf(dirent) ?? statKind(abs + name);
    if (kind !== null) kinds.set(name, kind);
  }
  const invalid = suspect ? takeInvalidNames(abs, kinds) : [];
  return { names: [...kinds.keys()].sort(), kinds, invalid };
}

function statKind(abs: string): Kind | null {
  const stats = lstatSync(abs, { throwIfNoEntry: false });
  return stats === undefined ? null : kindOfStats(stats);
}

/**
 * Takes out names that are not valid UTF-8 (a lossy name names no file, and two such names can
 * decode alike) and returns them escaped, sorted.
 */
function takeInvalidNames(abs: string, kinds: Map<string, Kind>): string[] {
  const valid = new Set<string>();
  const invalid: string[] = [];
  for (const name of readdirSync(abs, { encoding: 'buffer' })) {
    if (isUtf8(name)) valid.add(name.toString('utf8'));
    else invalid.push(escapeName(name));
  }
  for (const name of [...kinds.keys()]) if (!valid.has(name)) kinds.delete(name);
  return invalid.sort();
}

function dirMode(abs: string): number {
  try {
    return lstatSync(abs).mode & 0o7777;
  } catch (error) {
    throw fromSystemError(error, `walking ${abs}`);
  }
}

/** The entry for a path of a known kind, or null when it cannot be an entry (a symlink target that is not UTF-8). */
function entryOf(abs: string, path: string, kind: Kind): Entry | SpecialEntry | null {
  try {
    if (kind === 'dir') return { type: 'dir', path, mode: dirMode(abs) };
    if (kind === 'symlink') {
      const target = readlinkSync(abs, { encoding: 'buffer' });
      return isUtf8(target) ? { type: 'symlink', path, target: target.toString('utf8') } : null;
    }
    const stats = lstatSync(abs);
    const special = specialEntry(path, stats);
    if (special !== undefined) return special;
    return { type: 'file', path, mode: stats.mode & 0o7777, size: stats.size, sha256: '', class: 'binary' };
  } catch (error) {
    throw fromSystemError(error, `cannot read ${abs}`);
  }
}

const INVALID_NAME = 'name is not valid UTF-8';
const INVALID_TARGET = 'symlink target is not valid UTF-8';

class PairWalk {
  readonly facts: DirPairFacts = { only: [], pairs: [], notCompared: [], pending: [], filesChecked: 0, bytesRead: 0 };
  private readonly keep: (path: string) => boolean;
  private readonly task: DirPairTask;
  private readonly scratch: Buffer;
  private entries = 0;

  constructor(task: DirPairTask, scratch: Buffer) {
    this.task = task;
    this.scratch = scratch;
    const matcher: PathMatcher | null = task.exclude.length > 0 ? compileGlobs(task.exclude) : null;
    this.keep = matcher === null ? () => true : (path) => !matcher.matches(path);
  }

  run(): DirPairFacts {
    const stack = [...this.task.dirs].reverse();
    while (stack.length > 0) {
      if (this.entries >= this.task.maxEntries || this.facts.bytesRead >= this.task.maxBytes) {
        this.facts.pending = stack.reverse();
        break;
      }
      this.visit(stack.pop() as string, stack);
    }
    return this.facts;
  }

  private visit(dir: string, stack: string[]): void {
    const { rootA, rootB } = this.task;
    const prefix = dir === '' ? '' : `${dir}/`;
    const a = list(rootA + prefix);
    const b = list(rootB + prefix);
    for (const name of a.invalid) this.notCompared(0, prefix + name, INVALID_NAME);
    for (const name of b.invalid) this.notCompared(1, prefix + name, INVALID_NAME);
    const subdirs: string[] = [];
    let i = 0;
    let j = 0;
    while (i < a.names.length || j < b.names.length) {
      const x = a.names[i];
      const y = b.names[j];
      const name = (x === undefined ? y : y === undefined ? x : x <= y ? x : y) as string;
      const kindA = name === x ? a.kinds.get(name) : undefined;
      const kindB = name === y ? b.kinds.get(name) : undefined;
      if (kindA !== undefined) i++;
      if (kindB !== undefined) j++;
      this.entries++;
      const path = prefix + name;
      if (kindA === 'dir' && kindB === 'dir') {
        this.bothDirs(path);
        subdirs.push(path);
      } else {
        this.compareNames(path, kindA, kindB);
      }
    }
    // Pushed in reverse so the stack pops them in name order.
    for (let k = subdirs.length - 1; k >= 0; k--) stack.push(subdirs[k] as string);
  }

  private bothDirs(path: string): void {
    const [modeA, modeB] = [dirMode(this.task.rootA + path), dirMode(this.task.rootB + path)];
    if (modeA !== modeB && this.keep(path)) {
      this.facts.pairs.push({ a: { type: 'dir', path, mode: modeA }, b: { type: 'dir', path, mode: modeB }, sameBytes: true });
    }
  }

  private compareNames(path: string, kindA: Kind | undefined, kindB: Kind | undefined): void {
    const { rootA, rootB } = this.task;
    if (kindA === 'file' && kindB === 'file') {
      if (!this.keep(path)) return;
      const check = checkPair(rootA + path, rootB + path, this.scratch);
      this.facts.filesChecked++;
      this.facts.bytesRead += check.bytesRead;
      if (check.same && check.modeA === check.modeB) return;
      this.facts.pairs.push({
        a: { type: 'file', path, mode: check.modeA, size: check.sizeA, sha256: '', class: 'binary' },
        b: { type: 'file', path, mode: check.modeB, size: check.sizeB, sha256: '', class: 'binary' },
        sameBytes: check.same,
      });
      return;
    }
    const a = kindA === undefined ? null : entryOf(rootA + path, path, kindA);
    const b = kindB === undefined ? null : entryOf(rootB + path, path, kindB);
    if ((kindA !== undefined && a === null) || (kindB !== undefined && b === null)) {
      // A symlink whose target is not UTF-8: what it points to cannot be told apart from another.
      if (kindA !== undefined && a === null) this.notCompared(0, path, INVALID_TARGET);
      if (kindB !== undefined && b === null) this.notCompared(1, path, INVALID_TARGET);
    } else if (a !== null && b !== null) {
      const differs =
        a.type !== b.type ||
        (a.type === 'symlink' && b.type === 'symlink' && a.target !== b.target) ||
        (a.type === 'special' && b.type === 'special' && a.what !== b.what);
      if (differs && this.keep(path)) this.facts.pairs.push({ a, b, sameBytes: false });
    } else if (a !== null && this.keep(path)) {
      this.facts.only.push({ side: 0, entry: a });
    } else if (b !== null && this.keep(path)) {
      this.facts.only.push({ side: 1, entry: b });
    }
    // A directory whose namesake is missing or of another type: all it holds is on one side only.
    if (a?.type === 'dir') this.oneSided(0, path);
    if (b?.type === 'dir') this.oneSided(1, path);
  }

  private notCompared(side: 0 | 1, path: string, reason: string): void {
    if (this.keep(path)) this.facts.notCompared.push({ side, path, reason });
  }

  private oneSided(side: 0 | 1, path: string): void {
    const root = side === 0 ? this.task.rootA : this.task.rootB;
    const walk = walkTree(root + path, compileGlobs([]));
    for (const s of walk.skipped) {
      const sub = `${path}/${s.path}`;
      if (s.special !== undefined) {
        if (this.keep(sub)) this.facts.only.push({ side, entry: { ...s.special, path: sub } });
      } else {
        this.notCompared(side, sub, s.reason);
      }
    }
    for (const e of walk.entries) {
      this.entries++;
      const sub = `${path}/${e.path}`;
      if (!this.keep(sub)) continue;
      const entry: Entry =
        e.type === 'dir'
          ? { type: 'dir', path: sub, mode: e.mode }
          : e.type === 'symlink'
            ? { type: 'symlink', path: sub, target: e.target }
            : { type: 'file', path: sub, mode: e.mode, size: e.size, sha256: '', class: 'binary' };
      this.facts.only.push({ side, entry });
    }
  }
}

/** Runs one task; `scratch` holds the byte check's two pieces. */
export function walkDirPair(task: DirPairTask, scratch: Buffer): DirPairFacts {
  return new PairWalk(task, scratch).run();
}
