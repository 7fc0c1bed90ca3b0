/**
 * One side of a comparison: a `.vitsnap` snapshot, or a directory scanned on the fly with the same
 * walk and hashing as capture (no compression: nothing is written).
 */
import { readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join, resolve } from 'node:path';
import { OperationError, fromSystemError } from '../errors.js';
import { INLINE_BELOW_BYTES, batchFiles } from '../snapshot/capture-pipeline.js';
import { compileGlobs } from '../snapshot/globs.js';
import { SnapshotReader } from '../snapshot/reader.js';
import { TaskPool } from '../snapshot/task-pool.js';
import type { Entry, FileEntry, Metadata } from '../snapshot/types.js';
import { walkTree, type WalkedFile } from '../snapshot/walk.js';

export interface TreeSource {
  /** What the user passed, for reports. */
  label: string;
  kind: 'snapshot' | 'directory';
  /** Sorted by path (UTF-8 byte order), as in a manifest. */
  entries: Entry[];
  metadata: Metadata | null;
  /** A file's bytes; only called for files whose digests differ. */
  readFile(entry: FileEntry): Buffer;
  close(): void;
}

export async function openSource(path: string, options: { cwd: string; patterns?: string[] }): Promise<TreeSource> {
  const abs = resolve(options.cwd, path);
  let isDir: boolean;
  try {
    isDir = statSync(abs).isDirectory();
  } catch (error) {
    throw fromSystemError(error, `cannot compare ${path}`);
  }
  return isDir ? scanDirectory(path, abs, options.patterns ?? []) : openSnapshotSource(path, abs);
}

function openSnapshotSource(label: string, abs: string): TreeSource {
  const reader = SnapshotReader.open(abs);
  const entries = reader.manifest.entries;
  return {
    label,
    kind: 'snapshot',
    entries,
    metadata: reader.summary.metadata,
    readFile: (entry) => reader.readFileBuffer(entry),
    close: () => reader.close(),
  };
}

async function scanDirectory(label: string, root: string, patterns: string[]): Promise<TreeSource> {
  const walk = walkTree(root, compileGlobs(patterns));
  const files = walk.entries.filter((e): e is WalkedFile => e.type === 'file');
  const totalBytes = files.reduce((sum, f) => sum + f.size, 0);
  const pool = new TaskPool(totalBytes < INLINE_BELOW_BYTES ? 0 : Math.min(2, availableParallelism()));
  try {
    const hashed = (await Promise.all(batchFiles(files).map((batch) => pool.hash(batch)))).flat();
    let i = 0;
    const entries: Entry[] = walk.entries.map((e) => {
      if (e.type === 'dir') return { type: 'dir', path: e.path, mode: e.mode };
      if (e.type === 'symlink') return { type: 'symlink', path: e.path, target: e.target };
      const h = hashed[i++];
      if (h === undefined) throw new OperationError('E_IO', 'directory scan lost track of its files');
      return { type: 'file', path: e.path, mode: e.mode, size: e.size, sha256: h.sha256, class: h.class };
    });
    return {
      label,
      kind: 'directory',
      entries,
      metadata: null,
      readFile: (entry) => {
        try {
          return readFileSync(join(root, ...entry.path.split('/')));
        } catch (error) {
          throw fromSystemError(error, `cannot read ${entry.path}`);
        }
      },
      close: () => undefined,
    };
  } finally {
    await pool.close();
  }
}
