/**
 * Reading through a delta chain: a chunk comes from a layer's own blocks, from a patch against
 * its parent's bytes, or from a layer below. Patched and inherited chunks are checked against
 * their digests here; a layer's own chunks are covered by their block's digest.
 */
import { createHash } from 'node:crypto';
import { OperationError, SnapshotFormatError } from '../errors.js';
import type { SnapshotReader } from '../snapshot/reader.js';
import type { FileEntry, PatchRef } from '../snapshot/types.js';
import { decodePatch } from './patch.js';

const patchTables = new WeakMap<SnapshotReader, Map<string, PatchRef>>();
const contentTables = new WeakMap<SnapshotReader, Map<string, FileEntry>>();

const DAMAGED = 'the file was damaged after it was written; fetch a fresh copy and do not use this one';

/** The patches of every file of a layer, by the chunk each makes. */
export function patchesOf(layer: SnapshotReader): Map<string, PatchRef> {
  let table = patchTables.get(layer);
  if (table === undefined) {
    table = new Map();
    if (layer.isDelta) for (const e of layer.manifest.entries) if (e.type === 'file' && e.patches !== undefined) for (const p of e.patches) table.set(p.chunk, p);
    patchTables.set(layer, table);
  }
  return table;
}

/** The first file entry (in path order) of a layer with this content. */
function fileWithDigest(layer: SnapshotReader, sha256: string): FileEntry | undefined {
  let table = contentTables.get(layer);
  if (table === undefined) {
    table = new Map();
    for (const e of layer.manifest.entries) if (e.type === 'file' && !table.has(e.sha256)) table.set(e.sha256, e);
    contentTables.set(layer, table);
  }
  return table.get(sha256);
}

/** A chunk's bytes, wherever in the chain it is. */
export function chunkBytes(layer: SnapshotReader, hex: string, path: string): Buffer {
  const local = layer.localChunk(hex);
  if (local !== null) return local;
  const parent = layer.parent;
  if (layer.isDelta && parent === null) {
    throw new OperationError('E_PARENT', `${layer.path} is a delta snapshot and its parent ${(layer.summary.parent ?? '').slice(0, 12)}… was not opened; put it next to this file, add it to the store, or flatten the chain`);
  }
  if (parent === null) throw new SnapshotFormatError('E_CORRUPT', `${path}: chunk ${hex.slice(0, 12)}… is missing from the snapshot`);
  const patch = patchesOf(layer).get(hex);
  if (patch === undefined) {
    const bytes = inheritedChunk(parent, hex, path);
    if (bytes === null) throw new SnapshotFormatError('E_CORRUPT', `${layer.path}: ${path}: chunk ${hex.slice(0, 12)}… is neither in this snapshot nor in its parents`);
    return bytes;
  }
  const stored = chunkBytes(layer, patch.patch, path);
  const base = readRange(parent, patch.base, patch.offset, patch.length, path);
  const out = decodePatch(stored, base, patch.size, `${layer.path}: ${path}: patch ${patch.patch.slice(0, 12)}…`);
  if (createHash('sha256').update(out).digest('hex') !== hex) {
    throw new SnapshotFormatError('E_CHECKSUM', `${layer.path}: ${path}: a patched chunk does not match its digest: this snapshot or its parent is damaged`);
  }
  return out;
}

/** A chunk this layer or one below holds (verified), or null when none does. */
function inheritedChunk(layer: SnapshotReader, hex: string, path: string): Buffer | null {
  if (layer.localChunkLength(hex) === null && !patchesOf(layer).has(hex)) {
    return layer.parent === null ? null : inheritedChunk(layer.parent, hex, path);
  }
  const bytes = chunkBytes(layer, hex, path);
  if (createHash('sha256').update(bytes).digest('hex') !== hex) {
    throw new SnapshotFormatError('E_CHECKSUM', `${layer.path}: chunk ${hex.slice(0, 12)}… does not match its digest: ${DAMAGED}`);
  }
  return bytes;
}

/** Whether this layer or one below can produce a chunk. */
export function hasChunk(layer: SnapshotReader, hex: string): boolean {
  if (layer.localChunkLength(hex) !== null || patchesOf(layer).has(hex)) return true;
  return layer.parent !== null && hasChunk(layer.parent, hex);
}

/** A chunk's length from a layer's index or patches, or a layer below; null when none has it. */
function chunkLength(layer: SnapshotReader, hex: string): number | null {
  const local = layer.localChunkLength(hex);
  if (local !== null) return local;
  const patch = patchesOf(layer).get(hex);
  if (patch !== undefined) return patch.size;
  return layer.parent === null ? null : chunkLength(layer.parent, hex);
}

/** Bytes [offset, offset + length) of the layer's file with content `sha256`: a patch's dictionary. */
export function readRange(layer: SnapshotReader, sha256: string, offset: number, length: number, path: string): Buffer {
  const entry = fileWithDigest(layer, sha256);
  if (entry === undefined || offset + length > entry.size) {
    throw new SnapshotFormatError('E_CORRUPT', `${path}: a patch names base ${sha256.slice(0, 12)}… [${offset}, +${length}), which the parent ${layer.path} does not hold`);
  }
  const out = Buffer.allocUnsafe(length);
  let at = 0;
  let filled = 0;
  // Chunks before the range are skipped by their recorded lengths, not decoded.
  for (const hex of entry.size === 0 ? [] : (entry.chunks ?? [entry.sha256])) {
    if (at >= offset + length) break;
    const size = chunkLength(layer, hex);
    if (size !== null && at + size <= offset) {
      at += size;
      continue;
    }
    const piece = chunkBytes(layer, hex, path);
    const from = Math.max(offset - at, 0);
    const to = Math.min(offset + length - at, piece.length);
    if (from < to) {
      piece.copy(out, filled, from, to);
      filled += to - from;
    }
    at += piece.length;
  }
  if (filled !== length) throw new SnapshotFormatError('E_CORRUPT', `${path}: the parent's file ${sha256.slice(0, 12)}… is shorter than the range a patch needs`);
  return out;
}
