/**
 * `vitsnap pull`: a snapshot from an OCI registry into the store (and out as a file with -o).
 * Chunk blobs the store has are not fetched, so a pull that failed half-way resumes where it
 * stopped. Registry content is untrusted: each blob is checked against its digest, each chunk
 * against its own SHA-256, and the snapshot as a whole against the id it claims, by rebuilding
 * the standalone file, before the record takes its name in the store.
 */
import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { SnapshotFormatError } from '../errors.js';
import { inParallel } from '../in-parallel.js';
import type { RegistryClient } from '../oci/client.js';
import type { OciReference } from '../oci/reference.js';
import { hasChunk, putChunkObject } from '../store/chunks.js';
import { exportSnapshot } from '../store/export.js';
import type { StoreLayout } from '../store/layout.js';
import { recordPath, setName } from '../store/records.js';
import { StoreSession } from '../store/sessions.js';
import { isSnapshotIndex, readIndex, readManifest, type ChunkBlob } from './layout.js';
import { findSnapshotReferrer } from './referrers.js';
import { CHUNK_HEADER } from '../store/chunks.js';
import { LIMITS } from '../snapshot/format.js';

/** A record holds sections and index only: this bounds what a hostile registry can make us hold. */
const MAX_RECORD_BYTES = LIMITS.entriesStoredBytes + LIMITS.manifestStoredBytes + LIMITS.blockCount * 56 + LIMITS.chunkCount * 44 + 1024;

export interface RemoteSnapshot {
  indexDigest: string;
  /** The id the index claims (checked by pull before the store trusts it). */
  claimedId: string | null;
  record: Buffer;
  chunks: ChunkBlob[];
}

/** The index, manifests and record of a tag or digest; no chunk is fetched. */
export async function fetchRemote(client: RegistryClient, ref: OciReference): Promise<RemoteSnapshot> {
  let top = await client.getManifest(ref.digest ?? ref.tag ?? 'latest');
  if (!isSnapshotIndex(top.bytes)) {
    // An image, say: take the newest snapshot attached to it.
    const attached = await findSnapshotReferrer(client, top.digest);
    if (attached !== null) top = await client.getManifest(attached);
  }
  const index = readIndex(top.bytes);
  // push writes at most 1 + 256 manifests; more is not a snapshot of ours, and could be made to go on and on.
  if (index.manifests.length > 257) throw new SnapshotFormatError('E_LIMIT', `the snapshot index in ${ref.repository} lists ${index.manifests.length} manifests; vitsnap writes at most 257: push it again with vitsnap push`);
  let record: Buffer | null = null;
  const chunks: ChunkBlob[] = [];
  for (let i = 0; i < index.manifests.length; i++) {
    const d = index.manifests[i];
    if (d === undefined) continue;
    const m = readManifest((await client.getManifest(d.digest)).bytes, i);
    if (m.record !== null) {
      if (m.record.size > MAX_RECORD_BYTES) throw new SnapshotFormatError('E_LIMIT', `the snapshot record in ${ref.repository} claims ${m.record.size} bytes, more than a snapshot's sections can take`);
      record = await client.getBlob(m.record.digest, { size: m.record.size });
    }
    chunks.push(...m.chunks);
    if (chunks.length > LIMITS.chunkCount) throw new SnapshotFormatError('E_LIMIT', `the snapshot in ${ref.repository} lists more than ${LIMITS.chunkCount} chunks, more than a snapshot can hold`);
  }
  if (record === null) throw new SnapshotFormatError('E_CORRUPT', `the registry's copy of ${ref.repository} has no snapshot record; push it again with vitsnap push`);
  return { indexDigest: top.digest, claimedId: index.snapshotId, record, chunks };
}

/** Fetches the chunk blobs the store lacks; returns how many and their bytes. */
export async function fetchChunks(
  layout: StoreLayout,
  client: RegistryClient,
  chunks: readonly ChunkBlob[],
  options: { concurrency?: number; onProgress?: (done: number, total: number) => void } = {},
): Promise<{ fetched: number; bytes: number }> {
  const missing = chunks.filter((c) => !hasChunk(layout, c.chunk));
  let fetched = 0;
  let bytes = 0;
  await inParallel(missing, options.concurrency ?? 16, async (c) => {
    if (c.size > CHUNK_HEADER + LIMITS.blockRawBytes) throw new SnapshotFormatError('E_LIMIT', `chunk blob ${c.digest} claims ${c.size} bytes, more than a chunk can be`);
    const data = await client.getBlob(c.digest, { size: c.size });
    bytes += putChunkObject(layout, c.chunk, data);
    fetched++;
    options.onProgress?.(fetched, missing.length);
  });
  return { fetched, bytes };
}

export interface PullReport {
  id: string;
  chunks: number;
  fetched: number;
  fetchedBytes: number;
  output: string | null;
}

export async function pullSnapshot(
  layout: StoreLayout,
  client: RegistryClient,
  ref: OciReference,
  options: { name?: string; output?: string; onProgress?: (done: number, total: number) => void } = {},
): Promise<PullReport> {
  const session = StoreSession.begin(layout, `pull ${ref.repository}`);
  const pending = `pull-${process.pid}-${randomBytes(6).toString('hex')}`;
  try {
    const remote = await fetchRemote(client, ref);
    const { fetched, bytes } = await fetchChunks(layout, client, remote.chunks, { onProgress: options.onProgress });
    // Under a name no listing takes for an id until the rebuilt file proves which snapshot it is.
    writeFileSync(recordPath(layout, pending), remote.record);
    const output = options.output ?? join(layout.tmp, `${pending}.vitsnap`);
    const exported = await exportSnapshot(layout, pending, output);
    if (options.output === undefined) rmSync(output, { force: true });
    const id = exported.sha256;
    if (remote.claimedId !== null && remote.claimedId !== id) {
      if (options.output !== undefined) rmSync(options.output, { force: true });
      throw new SnapshotFormatError('E_CHECKSUM', `the snapshot in ${ref.repository} claims to be ${remote.claimedId.slice(0, 12)} but its content rebuilds to ${id.slice(0, 12)}: the registry's copy does not match what was pushed; push it again`);
    }
    renameSync(recordPath(layout, pending), recordPath(layout, id));
    if (options.name !== undefined) setName(layout, options.name, id);
    return { id, chunks: remote.chunks.length, fetched, fetchedBytes: bytes, output: options.output ?? null };
  } finally {
    rmSync(recordPath(layout, pending), { force: true });
    session.end();
  }
}
