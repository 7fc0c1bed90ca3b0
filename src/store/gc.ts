/**
 * Garbage collection: chunks are kept while a snapshot record references them. With a budget,
 * the least recently used snapshots are evicted first until what remains fits; then every chunk
 * no remaining snapshot references is deleted. Runs under the GC lock, so no process is adding
 * or reading while it marks and sweeps.
 */
import { readdirSync, rmSync, statSync } from 'node:fs';
import { unlink } from 'node:fs/promises';
import { inParallel } from '../in-parallel.js';
import { join } from 'node:path';
import { processIsAlive, removeStaleTemps } from '../snapshot/atomic-file.js';
import { isDigestHex, type StoreLayout } from './layout.js';
import { listPlainCopies } from './plain.js';
import { listRecords, openRecord, removeRecord, type StoredSnapshot } from './records.js';
import { GcLock } from './sessions.js';

export interface GcPlan {
  /** Plain copies (for restore --link) deleted: those no snapshot has, or all of them to meet the budget. */
  plainDeleted: number;
  /** Snapshots evicted to meet the budget, oldest use first. */
  evicted: StoredSnapshot[];
  kept: StoredSnapshot[];
  chunksDeleted: number;
  bytesFreed: number;
  bytesBefore: number;
  bytesAfter: number;
  /** Snapshots whose record could not be read: kept, with their chunks, and reported. */
  unreadable: { id: string; reason: string }[];
  applied: boolean;
}

export interface GcOptions {
  maxBytes?: number;
  apply: boolean;
  /** How long to wait for processes using the store (default 60 s). */
  waitMs?: number;
}

/** Every chunk object in the store and its size on disk. */
export function chunkSizes(layout: StoreLayout): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const dir of readdirSync(layout.chunks)) {
    let names: string[];
    try {
      names = readdirSync(join(layout.chunks, dir));
    } catch {
      continue;
    }
    for (const name of names) {
      if (!isDigestHex(name)) continue;
      try {
        sizes.set(name, statSync(join(layout.chunks, dir, name)).size);
      } catch {
        // removed meanwhile
      }
    }
  }
  return sizes;
}

/**
 * The chunk digests a snapshot references (and, when asked, its files' digests). A delta's other
 * chunks are its parent's: `parents` gets the parent's id, which must outlive it.
 */
export function referencedChunks(layout: StoreLayout, id: string, files?: Set<string>, parents?: Map<string, string>): string[] {
  const reader = openRecord(layout, id);
  try {
    const { chunks } = reader.loadIndex();
    const out: string[] = [];
    for (let k = 0; k < chunks.length; k++) out.push(chunks.at(k).sha256.toString('hex'));
    if (files !== undefined) for (const e of reader.manifest.entries) if (e.type === 'file') files.add(e.sha256);
    if (parents !== undefined && reader.summary.parent !== null) parents.set(id, reader.summary.parent);
    return out;
  } finally {
    reader.close();
  }
}

export async function collectGarbage(layout: StoreLayout, options: GcOptions): Promise<GcPlan> {
  const lock = await GcLock.acquire(layout, options.waitMs);
  try {
    removeDeadTemps(layout);
    const snapshots = listRecords(layout).sort((a, b) => a.lastUsedMs - b.lastUsedMs || a.id.localeCompare(b.id));
    const sizes = chunkSizes(layout);
    const plain = listPlainCopies(layout);
    const fileDigests = new Map<string, Set<string>>();
    const refs = new Map<string, number>();
    const uses = new Map<string, string[]>();
    const unreadable: GcPlan['unreadable'] = [];
    const parentOf = new Map<string, string>();
    for (const s of snapshots) {
      let digests: string[];
      const files = new Set<string>();
      try {
        digests = referencedChunks(layout, s.id, plain.length > 0 ? files : undefined, parentOf);
      } catch (error) {
        unreadable.push({ id: s.id, reason: (error as Error).message });
        continue;
      }
      uses.set(s.id, digests);
      fileDigests.set(s.id, files);
      for (const d of digests) refs.set(d, (refs.get(d) ?? 0) + 1);
    }
    const plainBytes = plain.reduce((a, p) => a + p.size, 0);
    const bytesBefore = [...sizes.values()].reduce((a, b) => a + b, 0) + snapshots.reduce((a, s) => a + s.recordBytes, 0) + plainBytes;
    let live = snapshots.reduce((a, s) => a + s.recordBytes, 0);
    for (const [d, size] of sizes) if ((refs.get(d) ?? 0) > 0) live += size;
    const evicted: StoredSnapshot[] = [];
    // Plain copies are a cache that restore --link refills: over budget, they go before any snapshot.
    const dropAllPlain = options.maxBytes !== undefined && live + plainBytes > options.maxBytes;
    // A parent stays while a delta on it stays: it is evicted after its children, never before.
    const children = new Map<string, number>();
    for (const p of parentOf.values()) children.set(p, (children.get(p) ?? 0) + 1);
    const evictable = (s: StoredSnapshot): boolean => uses.has(s.id) && (children.get(s.id) ?? 0) === 0;
    if (options.maxBytes !== undefined) {
      const left = [...snapshots];
      while (live > options.maxBytes) {
        const at = left.findIndex(evictable);
        if (at < 0) break;
        const s = left.splice(at, 1)[0] as StoredSnapshot;
        const digests = uses.get(s.id) ?? [];
        const parent = parentOf.get(s.id);
        if (parent !== undefined) children.set(parent, (children.get(parent) ?? 1) - 1);
        evicted.push(s);
        live -= s.recordBytes;
        for (const d of digests) {
          const left = (refs.get(d) ?? 0) - 1;
          refs.set(d, left);
          if (left === 0) live -= sizes.get(d) ?? 0;
        }
      }
    }
    const evictedIds = new Set(evicted.map((s) => s.id));
    // With an unreadable record we cannot tell which chunks it needs: delete none.
    const sweep = unreadable.length > 0 ? [] : [...sizes.keys()].filter((d) => (refs.get(d) ?? 0) <= 0);
    const keptFiles = new Set<string>();
    for (const s of snapshots) if (!evictedIds.has(s.id)) for (const f of fileDigests.get(s.id) ?? []) keptFiles.add(f);
    const plainSweep = unreadable.length > 0 && !dropAllPlain ? [] : plain.filter((p) => dropAllPlain || !keptFiles.has(p.sha256));
    const bytesFreed =
      sweep.reduce((a, d) => a + (sizes.get(d) ?? 0), 0) + evicted.reduce((a, s) => a + s.recordBytes, 0) + plainSweep.reduce((a, p) => a + p.size, 0);
    if (options.apply) {
      for (const s of evicted) removeRecord(layout, s.id);
      await removeAll([...sweep.map((d) => join(layout.chunks, d.slice(0, 2), d)), ...plainSweep.map((p) => p.path)]);
    }
    return {
      evicted,
      kept: snapshots.filter((s) => !evictedIds.has(s.id)),
      chunksDeleted: sweep.length,
      plainDeleted: plainSweep.length,
      bytesFreed,
      bytesBefore,
      bytesAfter: bytesBefore - bytesFreed,
      unreadable,
      applied: options.apply,
    };
  } finally {
    lock.release();
  }
}

/**
 * Several unlinks in flight: one at a time costs ~1.7 ms per file on this VM's ext4 (mounted with
 * discard), four at once ~0.12 ms each (measured by the store benchmark's author, docs/benchmarks.md).
 */
async function removeAll(paths: readonly string[]): Promise<void> {
  await inParallel(paths, 8, (path) =>
    unlink(path).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') throw error;
    }),
  );
}

/** Temp files of processes that died while writing (`chunk-<pid>-…`, `.vitsnap-tmp-<pid>-…`). */
function removeDeadTemps(layout: StoreLayout): void {
  removeStaleTemps(layout.tmp);
  // Records of pulls and registry reads that were killed before they finished.
  for (const name of readdirSync(layout.snapshots)) {
    const pid = /^(?:pull|remote)-(\d+)-/.exec(name)?.[1];
    if (pid !== undefined && !processIsAlive(Number(pid))) rmSync(join(layout.snapshots, name), { force: true });
  }
  for (const name of readdirSync(layout.tmp)) {
    const pid = /^(?:chunk|plain|create)-(\d+)-/.exec(name)?.[1];
    if (pid !== undefined && !processIsAlive(Number(pid))) rmSync(join(layout.tmp, name), { force: true });
  }
}
