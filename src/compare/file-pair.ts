/**
 * Two plain files (`vitsnap diff old.so new.so`): no snapshot, no directory, just the pair. A
 * regular file is a snapshot when it starts with the `.vitsnap` magic; two files that are not are
 * compared as one file, named by the AFTER side (comparators recognise formats by magic first).
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { fromSystemError } from '../errors.js';
import { HEADER_MAGIC } from '../snapshot/format.js';
import type { FileEntry } from '../snapshot/types.js';
import type { Sides, TreeSource } from './sources.js';

/** Whether a regular file starts like a `.vitsnap` snapshot (anything else is a plain file). */
export function looksLikeSnapshot(abs: string): boolean {
  const head = Buffer.alloc(HEADER_MAGIC.length);
  let fd: number | null = null;
  try {
    fd = openSync(abs, 'r');
    return readSync(fd, head, 0, head.length, 0) === head.length && head.equals(HEADER_MAGIC);
  } catch (error) {
    throw fromSystemError(error, 'cannot read it');
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

function fileSource(label: string, abs: string, name: string): { source: TreeSource; entry: FileEntry } {
  const stats = statSync(abs);
  const entry: FileEntry = { type: 'file', path: name, mode: stats.mode & 0o7777, size: stats.size, sha256: '', class: 'binary' };
  // Read once: the byte check and the comparators both want the bytes.
  let bytes: Buffer | null = null;
  const read = (): Buffer => {
    try {
      bytes ??= readFileSync(abs);
      return bytes;
    } catch (error) {
      throw fromSystemError(error, `cannot read ${label}`);
    }
  };
  return {
    entry,
    source: { label, kind: 'directory', metadata: null, readFile: read, digest: () => createHash('sha256').update(read()).digest('hex') },
  };
}

/** The sides of a two-file diff: one part, with the pair when their bytes differ. */
export function filePairSides(before: { label: string; abs: string }, after: { label: string; abs: string }): Sides {
  const name = basename(after.abs);
  const a = fileSource(before.label, before.abs, name);
  const b = fileSource(after.label, after.abs, name);
  const notes = basename(before.abs) === name ? [] : [`comparing two files: ${before.label} and ${after.label}, reported as ${name}`];
  return {
    before: a.source,
    after: b.source,
    notes,
    async *diff() {
      const same = a.entry.size === b.entry.size && a.source.readFile(a.entry).equals(b.source.readFile(b.entry));
      yield { differences: [], modified: same ? [] : [{ path: name, before: a.entry, after: b.entry }], checked: { files: 1, bytes: a.entry.size + b.entry.size } };
    },
    close: () => Promise.resolve(),
  };
}
