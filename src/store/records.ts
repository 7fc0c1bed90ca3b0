/**
 * Snapshot records: a `.vitsnap` file without its blocks, which live in the store as chunks.
 *
 *   "VSREC001" | snapshot size u64 LE | the snapshot's header (32) | everything after its blocks
 *
 * A record is named by the SHA-256 of the whole standalone file, so `store export` can prove it
 * gave back the very bytes that were added. Its mtime is when the snapshot was last used (GC's LRU).
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync, readdirSync, rmSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { OperationError, SnapshotFormatError, fromSystemError } from '../errors.js';
import { AtomicFile } from '../snapshot/atomic-file.js';
import { HEADER_SIZE } from '../snapshot/format.js';
import { SnapshotReader, type ChunkSource } from '../snapshot/reader.js';
import { readChunk } from './chunks.js';
import { checkName, isDigestHex, type StoreLayout } from './layout.js';

const RECORD_MAGIC = Buffer.from('VSREC001', 'latin1');
export const RECORD_PREFIX = 16;

export interface StoredSnapshot {
  id: string;
  names: string[];
  /** Bytes of the record file (sections, index and trailer). */
  recordBytes: number;
  lastUsedMs: number;
}

export function recordPath(layout: StoreLayout, id: string): string {
  return join(layout.snapshots, id);
}

/** Writes a record from the snapshot's header and the bytes after its blocks. */
export function writeRecord(layout: StoreLayout, id: string, snapshotSize: number, header: Buffer, tail: Buffer): void {
  const prefix = Buffer.alloc(RECORD_PREFIX);
  RECORD_MAGIC.copy(prefix, 0);
  prefix.writeBigUInt64LE(BigInt(snapshotSize), 8);
  const out = new AtomicFile(recordPath(layout, id));
  try {
    out.write(prefix);
    out.write(header);
    out.write(tail);
    out.commit();
  } catch (error) {
    out.abort();
    throw error;
  }
}

export function storeChunkSource(layout: StoreLayout): ChunkSource {
  return { readChunk: (sha256, length) => readChunk(layout, sha256.toString('hex'), length) };
}

/** Opens a stored snapshot for reading; its chunks come from the store, each verified as read. */
export function openRecord(layout: StoreLayout, id: string, label = `store:${id.slice(0, 12)}`): SnapshotReader {
  const path = recordPath(layout, id);
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new OperationError('E_NOT_FOUND', `snapshot ${id.slice(0, 12)} is not in store ${layout.root}; list them with vitsnap store ls`);
    throw fromSystemError(error, `cannot open snapshot ${id.slice(0, 12)} in store ${layout.root}`);
  }
  try {
    const recordSize = fstatSync(fd).size;
    const prefix = Buffer.alloc(RECORD_PREFIX);
    const n = recordSize >= RECORD_PREFIX ? readPrefix(fd, prefix) : 0;
    if (n !== RECORD_PREFIX || !prefix.subarray(0, 8).equals(RECORD_MAGIC)) {
      throw new SnapshotFormatError('E_CORRUPT', `${path} is not a snapshot record: the store is damaged; remove it with vitsnap store rm ${id.slice(0, 12)}`);
    }
    const size = Number(prefix.readBigUInt64LE(8));
    const kept = recordSize - RECORD_PREFIX;
    if (!Number.isSafeInteger(size) || size < kept || kept < HEADER_SIZE) {
      throw new SnapshotFormatError('E_CORRUPT', `${path} has an impossible snapshot size: the store is damaged; remove it with vitsnap store rm ${id.slice(0, 12)}`);
    }
    const view = { fd, size, prefix: RECORD_PREFIX, gapStart: HEADER_SIZE, gapLength: size - kept };
    const reader = SnapshotReader.openDetached(label, view, storeChunkSource(layout));
    const parent = reader.summary.parent;
    // A store holds every stored delta's parent (add and rm see to it).
    if (parent !== null) reader.parentLoader = () => openRecord(layout, parent);
    return reader;
  } catch (error) {
    closeSync(fd);
    throw error;
  }
}

function readPrefix(fd: number, into: Buffer): number {
  let done = 0;
  while (done < into.length) {
    const n = readSync(fd, into, done, into.length - done, done);
    if (n === 0) break;
    done += n;
  }
  return done;
}

export function touchRecord(layout: StoreLayout, id: string): void {
  const now = new Date();
  try {
    utimesSync(recordPath(layout, id), now, now);
  } catch {
    // a record removed meanwhile; nothing to mark
  }
}

export function listRecords(layout: StoreLayout): StoredSnapshot[] {
  const names = readNames(layout);
  const out: StoredSnapshot[] = [];
  for (const id of readdirSync(layout.snapshots).filter(isDigestHex).sort()) {
    let fd: number;
    try {
      fd = openSync(recordPath(layout, id), 'r');
    } catch {
      continue; // removed meanwhile
    }
    try {
      const st = fstatSync(fd);
      out.push({ id, names: [...names].filter(([, target]) => target === id).map(([name]) => name).sort(), recordBytes: st.size, lastUsedMs: st.mtimeMs });
    } finally {
      closeSync(fd);
    }
  }
  return out;
}

/** name → snapshot id, skipping names that do not hold an id. */
export function readNames(layout: StoreLayout): Map<string, string> {
  const out = new Map<string, string>();
  for (const name of readdirSync(layout.names)) {
    if (name.startsWith('.')) continue;
    try {
      const id = readFileSync(join(layout.names, name), 'utf8').trim();
      if (isDigestHex(id)) out.set(name, id);
    } catch {
      // removed meanwhile
    }
  }
  return out;
}

export function setName(layout: StoreLayout, name: string, id: string): void {
  const out = new AtomicFile(join(layout.names, checkName(name)));
  try {
    out.write(Buffer.from(`${id}\n`));
    out.commit();
  } catch (error) {
    out.abort();
    throw error;
  }
}

/**
 * A snapshot by name, full id, or an id prefix of at least 6 hex digits that only one snapshot
 * has (`store:` in front is allowed, as other commands take it).
 */
export function resolveRef(layout: StoreLayout, ref: string): string {
  const text = ref.startsWith('store:') ? ref.slice('store:'.length) : ref;
  const named = readNames(layout).get(text);
  if (named !== undefined) return named;
  const ids = readdirSync(layout.snapshots).filter(isDigestHex);
  if (/^[0-9a-f]{6,64}$/.test(text)) {
    const matches = ids.filter((id) => id.startsWith(text));
    if (matches.length === 1) return matches[0] as string;
    if (matches.length > 1) throw new OperationError('E_USAGE', `${text} matches ${matches.length} snapshots in store ${layout.root}; give more digits`);
  }
  throw new OperationError('E_NOT_FOUND', `no snapshot named or starting with ${JSON.stringify(text)} in store ${layout.root}; list them with vitsnap store ls`);
}

/** Removes a snapshot's record and every name pointing at it; its chunks go at the next GC. */
export function removeRecord(layout: StoreLayout, id: string): string[] {
  const removedNames: string[] = [];
  for (const [name, target] of readNames(layout)) {
    if (target !== id) continue;
    rmSync(join(layout.names, name), { force: true });
    removedNames.push(name);
  }
  rmSync(recordPath(layout, id), { force: true });
  return removedNames;
}

/** The stored snapshots that are deltas on `id`: they cannot be read once it is gone. */
export function deltasOn(layout: StoreLayout, id: string): string[] {
  const out: string[] = [];
  for (const s of listRecords(layout)) {
    if (s.id === id) continue;
    try {
      const reader = openRecord(layout, s.id);
      try {
        if (reader.summary.parent === id) out.push(s.id);
      } finally {
        reader.close();
      }
    } catch {
      // an unreadable record is no child we can know of
    }
  }
  return out;
}
