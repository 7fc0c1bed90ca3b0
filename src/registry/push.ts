/**
 * `vitsnap push`: a stored snapshot into an OCI registry, sending only the blobs it lacks. Chunks
 * the tag's previous snapshot (or a `--base` tag) already lists are known to be there and cost
 * nothing; the others are checked with a HEAD and uploaded when missing.
 */
import { readFileSync } from 'node:fs';
import { inParallel } from '../in-parallel.js';
import type { RegistryClient } from '../oci/client.js';
import type { OciReference } from '../oci/reference.js';
import { chunkPath, type StoreLayout } from '../store/layout.js';
import { RECORD_PREFIX, openRecord, recordPath, touchRecord } from '../store/records.js';
import { StoreSession } from '../store/sessions.js';
import { recordReferrer, subjectDescriptor } from './referrers.js';
import { ARTIFACT_TYPE, EMPTY_BLOB, EMPTY_DIGEST, OCI_INDEX, OCI_MANIFEST, buildLayout, readIndex, readManifest, sha256Digest, type ChunkBlob } from './layout.js';

export interface PushReport {
  indexDigest: string;
  chunks: number;
  /** Chunk blobs sent or mounted this time, and their bytes; `mounted` of them came by mount. */
  uploaded: number;
  mounted: number;
  uploadedBytes: number;
  /** Chunk blobs the registry already had. */
  present: number;
  /** Bytes of the standalone snapshot, for scale. */
  snapshotBytes: number;
}

export interface PushOptions {
  /** Other tags of the repository whose chunks are known present (e.g. the main branch's latest). */
  baseTags?: string[];
  /** More tags for the same index (e.g. a moving `latest-<name>`). */
  extraTags?: string[];
  /** A manifest digest in the same repository (the image built from the same commit) to attach the snapshot to. */
  subject?: string;
  /** A repository on the same registry to mount blobs from (cross-repository mount) before uploading. */
  mountFrom?: string;
  concurrency?: number;
  onProgress?: (done: number, total: number) => void;
}

/** Chunk → blob for every chunk listed by a tag, or an empty map when the tag is absent or not ours. */
async function knownChunks(client: RegistryClient, tag: string): Promise<Map<string, ChunkBlob>> {
  const known = new Map<string, ChunkBlob>();
  let index;
  try {
    if ((await client.resolveManifest(tag)) === null) return known;
    index = readIndex((await client.getManifest(tag)).bytes);
  } catch {
    return known; // another kind of artifact under that tag: nothing known
  }
  for (let i = 1; i < index.manifests.length; i++) {
    const d = index.manifests[i];
    if (d === undefined) continue;
    for (const c of readManifest((await client.getManifest(d.digest)).bytes, i).chunks) known.set(c.chunk, c);
  }
  return known;
}

export async function pushSnapshot(layout: StoreLayout, id: string, ref: OciReference, client: RegistryClient, options: PushOptions = {}): Promise<PushReport> {
  const tag = ref.tag ?? 'latest';
  const session = StoreSession.begin(layout, `push ${id.slice(0, 12)}`);
  try {
    const reader = openRecord(layout, id);
    let digests: string[];
    let summary;
    try {
      const { chunks } = reader.loadIndex();
      digests = [];
      for (let k = 0; k < chunks.length; k++) digests.push(chunks.at(k).sha256.toString('hex'));
      summary = reader.summary;
    } finally {
      reader.close();
    }
    const known = new Map<string, ChunkBlob>();
    for (const t of [tag, ...(options.baseTags ?? [])]) for (const [k, v] of await knownChunks(client, t)) known.set(k, v);

    const blobs: ChunkBlob[] = [];
    const toSend: { chunk: string; path: string; digest: string; size: number }[] = [];
    for (const chunk of digests) {
      const listed = known.get(chunk);
      if (listed !== undefined) {
        blobs.push(listed);
        continue;
      }
      const path = chunkPath(layout, chunk);
      const bytes = readFileSync(path);
      const blob = { chunk, digest: sha256Digest(bytes), size: bytes.length };
      blobs.push(blob);
      toSend.push({ ...blob, path });
    }
    let uploaded = 0;
    let mounted = 0;
    let uploadedBytes = 0;
    let done = 0;
    await inParallel(toSend, options.concurrency ?? 16, async (b) => {
      const result = await client.pushBlob(b.digest, b.size, () => readFileSync(b.path), options.mountFrom === undefined ? undefined : { mountFrom: options.mountFrom });
      if (result === 'mounted') mounted++;
      if (result === 'uploaded') uploadedBytes += b.size;
      if (result !== 'exists') uploaded++;
      options.onProgress?.(++done, toSend.length);
    });
    const record = readFileSync(recordPath(layout, id));
    const recordDigest = sha256Digest(record);
    await client.pushBlob(recordDigest, record.length, () => record);
    await client.pushBlob(EMPTY_DIGEST, EMPTY_BLOB.length, () => EMPTY_BLOB);
    const subject = options.subject === undefined ? undefined : await subjectDescriptor(client, options.subject);
    const built = buildLayout(id, summary, { digest: recordDigest, size: record.length }, blobs, subject);
    for (const m of built.manifests) await client.putManifest(sha256Digest(m), m, OCI_MANIFEST);
    const indexDigest = await client.putManifest(tag, built.index, OCI_INDEX);
    for (const extra of options.extraTags ?? []) await client.putManifest(extra, built.index, OCI_INDEX);
    if (subject !== undefined) await recordReferrer(client, subject.digest, { mediaType: OCI_INDEX, digest: indexDigest, size: built.index.length, artifactType: ARTIFACT_TYPE });
    touchRecord(layout, id);
    return { indexDigest, chunks: digests.length, uploaded, mounted, uploadedBytes, present: digests.length - uploaded, snapshotBytes: summary.stats.storedBytes + record.length - RECORD_PREFIX };
  } finally {
    session.end();
  }
}
