/**
 * Walks the capture root with lstat semantics: symlinks are recorded with their target text and
 * never followed (so a link to `/` or to a sibling directory adds one entry, not a tree), and
 * anything that is not a file, directory or symlink is skipped with a reason.
 */
import { isUtf8 } from 'node:buffer';
import { lstatSync, readdirSync, readlinkSync, statSync, type BigIntStats, type Dirent, type Stats } from 'node:fs';
import { resolve, sep } from 'node:path';
import { fromSystemError, OperationError } from '../errors.js';
import { compareCodePoints } from './canonical-json.js';
import type { PathMatcher } from './globs.js';

export interface WalkedFile {
  type: 'file';
  path: string;
  absPath: string;
  mode: number;
  size: number;
  mtimeMs: number;
  /** Set when the walk was asked for it (`identity: true`): what incremental capture compares. */
  identity?: FileIdentity;
  /**
   * `dev:ino` of a file with more than one name (a hard link), when both are exact: names with
   * the same key are one file, so capture reads it once. Absent for a file with one name.
   */
  inode?: string;
}

/** A file's identity and change times from one lstat, exact (bigint): src/incremental/ decides reuse on them. */
export interface FileIdentity {
  dev: bigint;
  ino: bigint;
  mtimeNs: bigint;
  ctimeNs: bigint;
}

export interface WalkOptions {
  /** Record each file's `FileIdentity` (one bigint lstat instead of a plain one; measured as cheap). */
  identity?: boolean;
}

export interface WalkedDir {
  type: 'dir';
  path: string;
  absPath: string;
  mode: number;
}

export interface WalkedSymlink {
  type: 'symlink';
  path: string;
  absPath: string;
  target: string;
}

export type WalkedEntry = WalkedFile | WalkedDir | WalkedSymlink;

/** A FIFO, socket or device: never captured, but a diff reports it as an entry of its own type. */
export interface SpecialEntry {
  type: 'special';
  path: string;
  /** `fifo`, `socket`, `character device 1,3`, `block device 8,0`. */
  what: string;
}

export interface SkippedEntry {
  /** A name that is not valid UTF-8 is shown with its bad bytes escaped (`bad\xff.txt`). */
  path: string;
  reason: string;
  /** Set for FIFOs, sockets and devices. */
  special?: SpecialEntry;
}

export interface WalkResult {
  /** Sorted by path in UTF-8 byte order; a directory comes before its contents. */
  entries: WalkedEntry[];
  /** Sorted by path. */
  skipped: SkippedEntry[];
}

/**
 * Lists what `matcher` selects under `root`. Directories are recorded when they hold a recorded
 * entry or are matched themselves (so an empty `dist/empty/` survives `dist/**`); the root is not.
 */
export function walkTree(root: string, matcher: PathMatcher, options: WalkOptions = {}): WalkResult {
  const rootAbs = resolve(root);
  let rootStats: Stats;
  try {
    // The root itself may be a symlink (a workspace mounted elsewhere); only what is inside is not followed.
    rootStats = statSync(rootAbs);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      throw new OperationError('E_NOT_FOUND', `capture root ${rootAbs} does not exist; check the path`);
    }
    throw fromSystemError(error, `reading capture root ${rootAbs}`);
  }
  if (!rootStats.isDirectory()) {
    throw new OperationError(
      'E_USAGE',
      `capture root ${rootAbs} is a file, not a directory; pass the directory that holds it and select the file with a pattern`,
    );
  }

  const walk: Walk = { matcher, identity: options.identity === true, entries: [], skipped: [] };
  if (matcher.mayContain('')) walkDirectory(walk, rootAbs, '');
  walk.entries.sort((a, b) => compareCodePoints(a.path, b.path));
  walk.skipped.sort((a, b) => compareCodePoints(a.path, b.path));
  return { entries: walk.entries, skipped: walk.skipped };
}

/** Orders siblings as their paths will sort: a directory's contents at `name/`, by raw name bytes. */
function compareDirents(a: Dirent<Buffer>, b: Dirent<Buffer>): number {
  const x = a.name;
  const y = b.name;
  const n = Math.min(x.length, y.length);
  const common = x.compare(y, 0, n, 0, n);
  if (common !== 0) return common;
  const nextX = x.length > n ? x[n] : a.isDirectory() ? 0x2f : -1;
  const nextY = y.length > n ? y[n] : b.isDirectory() ? 0x2f : -1;
  return nextX - nextY;
}

interface Walk {
  matcher: PathMatcher;
  identity: boolean;
  entries: WalkedEntry[];
  skipped: SkippedEntry[];
}

/** Walks one directory; returns how many entries it recorded below it. */
function walkDirectory(walk: Walk, dirAbs: string, dirRel: string): number {
  const { matcher, entries, skipped } = walk;
  let dirents: Dirent<Buffer>[];
  try {
    dirents = readdirSync(dirAbs, { withFileTypes: true, encoding: 'buffer' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') {
      skipped.push({ path: dirRel, reason: 'directory vanished or changed during the walk' });
      return 0;
    }
    throw walkError(error, dirAbs, dirRel);
  }

  // Visiting names in the order their paths sort leaves the final sort almost nothing to do.
  dirents.sort(compareDirents);
  const before = entries.length;
  const prefixAbs = dirAbs.endsWith(sep) ? dirAbs : dirAbs + sep;
  for (const dirent of dirents) {
    const raw = dirent.name;
    if (!isUtf8(raw)) {
      // Kept out rather than renamed: a lossy name could not be restored to the same file.
      const path = dirRel === '' ? escapeName(raw) : `${dirRel}/${escapeName(raw)}`;
      if (matcher.matches(path) || matcher.mayContain(path)) skipped.push({ path, reason: 'name is not valid UTF-8' });
      continue;
    }
    const name = raw.toString('utf8');
    const path = dirRel === '' ? name : `${dirRel}/${name}`;

    // Decide from the dirent type when the filesystem reports one, so unselected files cost no lstat.
    let leafMatched: boolean | null = null;
    if (dirent.isDirectory()) {
      if (!matcher.mayContain(path)) continue;
    } else if (dirent.isFile() || dirent.isSymbolicLink() || hasOtherType(dirent)) {
      leafMatched = matcher.matches(path);
      if (!leafMatched) continue;
    }

    const absPath = prefixAbs + name;
    let stats: Stats | BigIntStats | undefined;
    try {
      stats = walk.identity ? lstatSync(absPath, { bigint: true, throwIfNoEntry: false }) : lstatSync(absPath, { throwIfNoEntry: false });
    } catch (error) {
      throw walkError(error, dirAbs, dirRel);
    }
    if (stats === undefined) {
      skipped.push({ path, reason: 'vanished during the walk' });
      continue;
    }

    if (stats.isDirectory()) {
      // Pushed first so it precedes its contents; dropped again if it turns out to hold nothing selected.
      entries.push({ type: 'dir', path, absPath, mode: Number(stats.mode) & 0o7777 });
      const recorded = matcher.mayContain(path) ? walkDirectory(walk, absPath, path) : 0;
      if (recorded === 0 && !matcher.matchesDir(path)) entries.pop();
      continue;
    }
    if (!(leafMatched ?? matcher.matches(path))) continue;
    if (stats.isFile()) {
      const file: WalkedFile = isBigIntStats(stats) ? exactFile(path, absPath, stats) : {
        type: 'file',
        path,
        absPath,
        mode: stats.mode & 0o7777,
        size: stats.size,
        mtimeMs: stats.mtimeMs,
      };
      const inode = inodeKey(stats);
      if (inode !== null) file.inode = inode;
      entries.push(file);
    } else if (stats.isSymbolicLink()) {
      recordSymlink(walk, path, absPath, dirAbs, dirRel);
    } else {
      skipped.push({ path, reason: `${specialKind(stats)}; only files, directories and symlinks are captured`, special: specialEntry(path, stats) });
    }
  }
  return entries.length - before;
}

/**
 * The key of a file with several names; null for one name, or when a plain stat's numbers may have
 * lost bits (overlayfs puts a filesystem id in an inode number's high bits): two files must never
 * share a key.
 */
function inodeKey(stats: Stats | BigIntStats): string | null {
  if (isBigIntStats(stats)) return stats.nlink > 1n ? `${stats.dev}:${stats.ino}` : null;
  if (stats.nlink <= 1 || !Number.isSafeInteger(stats.dev) || !Number.isSafeInteger(stats.ino)) return null;
  return `${stats.dev}:${stats.ino}`;
}

function isBigIntStats(stats: Stats | BigIntStats): stats is BigIntStats {
  return typeof stats.mode === 'bigint';
}

function exactFile(path: string, absPath: string, stats: BigIntStats): WalkedFile {
  return {
    type: 'file',
    path,
    absPath,
    mode: Number(stats.mode & 0o7777n),
    size: Number(stats.size),
    mtimeMs: msFromNs(stats.mtimeNs),
    identity: { dev: stats.dev, ino: stats.ino, mtimeNs: stats.mtimeNs, ctimeNs: stats.ctimeNs },
  };
}

/**
 * The float `mtimeMs` a plain (non-bigint) stat reports for the same time, computed as Node does
 * (seconds * 1e3 + nanoseconds / 1e6, seconds floored): capture's threads compare it with their
 * own fstat to notice a file that changed, so it must be equal to the last bit.
 */
export function msFromNs(ns: bigint): number {
  let seconds = ns / 1_000_000_000n;
  let rest = ns - seconds * 1_000_000_000n;
  if (rest < 0n) {
    seconds -= 1n;
    rest += 1_000_000_000n;
  }
  return Number(seconds) * 1000 + Number(rest) / 1e6;
}

function recordSymlink(walk: Walk, path: string, absPath: string, dirAbs: string, dirRel: string): void {
  let target: Buffer;
  try {
    target = readlinkSync(absPath, { encoding: 'buffer' });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'EINVAL') {
      walk.skipped.push({ path, reason: 'vanished or changed during the walk' });
      return;
    }
    throw walkError(error, dirAbs, dirRel);
  }
  if (!isUtf8(target)) {
    walk.skipped.push({ path, reason: 'symlink target is not valid UTF-8' });
    return;
  }
  walk.entries.push({ type: 'symlink', path, absPath, target: target.toString('utf8') });
}

function hasOtherType(dirent: Dirent<Buffer>): boolean {
  return dirent.isFIFO() || dirent.isSocket() || dirent.isCharacterDevice() || dirent.isBlockDevice();
}

function specialKind(stats: Stats | BigIntStats): string {
  if (stats.isFIFO()) return 'a FIFO';
  if (stats.isSocket()) return 'a socket';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  return 'an unknown file type';
}

/** Linux's encoding of device numbers in `rdev` (glibc's gnu_dev_major/minor). */
function deviceNumbers(rdev: number): string {
  const high = Math.floor(rdev / 2 ** 32);
  const low = rdev % 2 ** 32;
  const major = ((low >>> 8) & 0xfff) | ((high & 0xfffff000) >>> 0);
  const minor = (low & 0xff) | ((low >>> 12) & 0xfff00);
  return `${major},${minor}`;
}

/** What a diff shows for a FIFO, socket or device; undefined for files, directories and symlinks. */
export function specialEntry(path: string, stats: Stats | BigIntStats): SpecialEntry | undefined {
  if (stats.isFIFO()) return { type: 'special', path, what: 'fifo' };
  if (stats.isSocket()) return { type: 'special', path, what: 'socket' };
  if (stats.isCharacterDevice()) return { type: 'special', path, what: `character device ${deviceNumbers(Number(stats.rdev))}` };
  if (stats.isBlockDevice()) return { type: 'special', path, what: `block device ${deviceNumbers(Number(stats.rdev))}` };
  return undefined;
}

/** A name with its invalid UTF-8 bytes as `\xff`: distinct names stay distinct, unlike U+FFFD. */
export function escapeName(raw: Buffer): string {
  let out = '';
  let at = 0;
  while (at < raw.length) {
    const width = utf8SequenceLength(raw, at);
    if (width === 0) {
      out += `\\x${(raw[at] as number).toString(16).padStart(2, '0')}`;
      at++;
    } else {
      out += raw.toString('utf8', at, at + width);
      at += width;
    }
  }
  return out;
}

/** Length of the valid UTF-8 sequence at `at`, or 0 when the byte there starts none. */
function utf8SequenceLength(raw: Buffer, at: number): number {
  const first = raw[at] as number;
  const width = first < 0x80 ? 1 : first >= 0xc2 && first < 0xe0 ? 2 : first >= 0xe0 && first < 0xf0 ? 3 : first >= 0xf0 && first < 0xf5 ? 4 : 0;
  if (width <= 1 || at + width > raw.length) return width === 1 ? 1 : 0;
  return isUtf8(raw.subarray(at, at + width)) ? width : 0;
}

function walkError(error: unknown, dirAbs: string, dirRel: string): Error {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EACCES' || code === 'EPERM') {
    const exclude = dirRel === '' ? '' : ` (e.g. "!${dirRel}")`;
    return new OperationError(
      'E_IO',
      `cannot read directory ${dirAbs}: permission denied; fix its permissions or exclude it from the patterns${exclude}`,
    );
  }
  return fromSystemError(error, `walking ${dirAbs}`);
}

/**
 * A walk result as a few flat arrays, for sending between threads: structured-cloning 26k small
 * objects cost the receiving thread ~60 ms, flat arrays a fraction of that. Absolute paths are
 * rebuilt from the root on arrival.
 */
export interface PackedWalk {
  root: string;
  paths: string[];
  /** 0 file, 1 dir, 2 symlink. */
  types: Uint8Array;
  modes: Uint32Array;
  sizes: Float64Array;
  mtimes: Float64Array;
  /** Symlink targets, in entry order. */
  targets: string[];
  skipped: SkippedEntry[];
}

const TYPE_CODES = { file: 0, dir: 1, symlink: 2 } as const;

export function packWalk(root: string, walk: WalkResult): PackedWalk {
  const n = walk.entries.length;
  const packed: PackedWalk = {
    root: resolve(root),
    paths: new Array<string>(n),
    types: new Uint8Array(n),
    modes: new Uint32Array(n),
    sizes: new Float64Array(n),
    mtimes: new Float64Array(n),
    targets: [],
    skipped: walk.skipped,
  };
  walk.entries.forEach((e, i) => {
    packed.paths[i] = e.path;
    packed.types[i] = TYPE_CODES[e.type];
    if (e.type === 'symlink') packed.targets.push(e.target);
    else packed.modes[i] = e.mode;
    if (e.type === 'file') {
      packed.sizes[i] = e.size;
      packed.mtimes[i] = e.mtimeMs;
    }
  });
  return packed;
}

/** Inverse of `packWalk`. */
export function unpackWalk(packed: PackedWalk): WalkResult {
  const prefix = packed.root.endsWith(sep) ? packed.root : packed.root + sep;
  let target = 0;
  const entries: WalkedEntry[] = packed.paths.map((path, i) => {
    const absPath = prefix + (sep === '/' ? path : path.split('/').join(sep));
    const type = packed.types[i];
    if (type === TYPE_CODES.dir) return { type: 'dir', path, absPath, mode: packed.modes[i] as number };
    if (type === TYPE_CODES.symlink) return { type: 'symlink', path, absPath, target: packed.targets[target++] as string };
    return { type: 'file', path, absPath, mode: packed.modes[i] as number, size: packed.sizes[i] as number, mtimeMs: packed.mtimes[i] as number };
  });
  return { entries, skipped: packed.skipped };
}
