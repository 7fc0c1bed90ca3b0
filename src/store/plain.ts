/**
 * Plain copies for `restore --link`: a file's bytes as an ordinary read-only file in the store,
 * which restored trees hardlink instead of holding copies. Keyed by digest and mode (a hardlink
 * shares its mode). Modes cannot stop root (or a chmod) from writing through a link, so a copy
 * is hashed before every link, and one whose bytes changed is replaced, never linked again.
 */
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, closeSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, statSync, utimesSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { SnapshotFormatError, fromSystemError } from '../errors.js';
import type { SnapshotReader } from '../snapshot/reader.js';
import { sha256File } from '../snapshot/metadata/lockfiles.js';
import { finishSparse, writeSparse } from '../snapshot/sparse.js';
import type { FileEntry } from '../snapshot/types.js';
import { isDigestHex, type StoreLayout } from './layout.js';

/** 1970-01-01T00:00:01Z, as Nix does: a plain copy's mtime says nothing about any build. */
export const PLAIN_MTIME_S = 1;
/** Permission bits a linked file keeps: no write bits, no special bits. */
const LINKED_MODE = 0o1555;

export function plainMode(entry: FileEntry): number {
  return entry.mode & LINKED_MODE;
}

export function plainPath(layout: StoreLayout, sha256: string, mode: number): string {
  return join(layout.files, sha256.slice(0, 2), `${sha256}-${mode.toString(8)}`);
}

/** The path of an intact plain copy of `entry`, made from the snapshot's chunks when missing or changed. */
export function ensurePlainCopy(layout: StoreLayout, reader: SnapshotReader, entry: FileEntry): string {
  const mode = plainMode(entry);
  const path = plainPath(layout, entry.sha256, mode);
  try {
    const st = statSync(path);
    if (st.size === entry.size && (st.mode & 0o7777) === mode && sha256File(path) === entry.sha256) return path;
  } catch {
    // missing: made below
  }
  const temp = join(layout.tmp, `plain-${process.pid}-${randomBytes(6).toString('hex')}`);
  const fd = openSync(temp, 'wx', 0o600);
  try {
    const hash = createHash('sha256');
    let position = 0;
    for (const piece of reader.readFile(entry)) {
      hash.update(piece);
      writeSparse(fd, piece, position);
      position += piece.length;
    }
    finishSparse(fd, entry.size);
    if (hash.digest('hex') !== entry.sha256) {
      throw new SnapshotFormatError('E_CHECKSUM', `${entry.path}: the stored bytes do not match its SHA-256: the store is damaged; run vitsnap store verify`);
    }
  } catch (error) {
    closeSync(fd);
    rmSync(temp, { force: true });
    throw error;
  }
  closeSync(fd);
  try {
    chmodSync(temp, mode);
    utimesSync(temp, PLAIN_MTIME_S, PLAIN_MTIME_S);
    mkdirSync(dirname(path), { recursive: true });
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw fromSystemError(error, `cannot make a plain copy of ${entry.path} in store ${layout.root}`);
  }
  return path;
}

export interface PlainCopy {
  path: string;
  sha256: string;
  size: number;
}

export function listPlainCopies(layout: StoreLayout): PlainCopy[] {
  const out: PlainCopy[] = [];
  let dirs: string[];
  try {
    dirs = readdirSync(layout.files);
  } catch {
    return out;
  }
  for (const dir of dirs) {
    let names: string[] = [];
    try {
      names = readdirSync(join(layout.files, dir));
    } catch {
      continue;
    }
    for (const name of names) {
      const sha256 = name.slice(0, 64);
      if (!isDigestHex(sha256) || !/^-[0-7]{1,4}$/.test(name.slice(64))) continue;
      const path = join(layout.files, dir, name);
      try {
        out.push({ path, sha256, size: statSync(path).size });
      } catch {
        // removed meanwhile
      }
    }
  }
  return out;
}
