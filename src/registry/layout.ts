/**
 * How a stored snapshot lies in an OCI registry (docs/format.md, "OCI layout"):
 *
 *   TAG → image index (artifactType application/vnd.vitsnap.snapshot.v1, annotations)
 *           ├─ manifest 0: config = the snapshot record (application/vnd.vitsnap.record.v1)
 *           └─ manifest 1…: layers = chunk objects (application/vnd.vitsnap.chunk.v1), each titled
 *                           with the chunk's own SHA-256, grouped by digest prefix
 *
 * Chunk objects are the store's files, so pull writes them into a store unchanged and push sends
 * only the ones the registry lacks. Everything here is derived from the snapshot alone, with
 * `created` taken from SOURCE_DATE_EPOCH, so pushing the same snapshot gives the same digests.
 */
import { createHash } from 'node:crypto';
import { SnapshotFormatError } from '../errors.js';
import { OCI_EMPTY_CONFIG, OCI_INDEX, OCI_MANIFEST, sha256Digest } from '../oci/client.js';
import type { ManifestSummary } from '../snapshot/types.js';

export const ARTIFACT_TYPE = 'application/vnd.vitsnap.snapshot.v1';
export const RECORD_MEDIA_TYPE = 'application/vnd.vitsnap.record.v1';
export const CHUNK_MEDIA_TYPE = 'application/vnd.vitsnap.chunk.v1';
export { OCI_INDEX, OCI_MANIFEST, sha256Digest };
export const EMPTY_MEDIA_TYPE = OCI_EMPTY_CONFIG;
export const EMPTY_BLOB = Buffer.from('{}');
export const EMPTY_DIGEST = `sha256:${createHash('sha256').update(EMPTY_BLOB).digest('hex')}`;
export const TITLE = 'org.opencontainers.image.title';
export const SNAPSHOT_DIGEST_ANNOTATION = 'dev.vitsnap.snapshot.sha256';
/** Layers per manifest: ~230 bytes each keeps a manifest near 1 MiB, well under the 4 MiB registries must take. */
export const LAYERS_PER_MANIFEST = 4096;

export interface BlobDescriptor {
  mediaType: string;
  digest: string;
  size: number;
  annotations?: Record<string, string>;
}

export interface ChunkBlob {
  /** SHA-256 of the raw chunk (its name in a store). */
  chunk: string;
  /** Digest and size of the chunk object (what the registry holds). */
  digest: string;
  size: number;
}

export interface Layout {
  index: Buffer;
  /** The manifests the index lists, in order (manifest 0 holds the record). */
  manifests: Buffer[];
}

const json = (value: unknown): Buffer => Buffer.from(JSON.stringify(value));

/** Snapshot metadata as OCI annotations; nothing that varies between two pushes of one snapshot. */
export function snapshotAnnotations(id: string, summary: ManifestSummary): Record<string, string> {
  const a: Record<string, string> = { [SNAPSHOT_DIGEST_ANNOTATION]: id };
  if (summary.createdAt !== null) a['org.opencontainers.image.created'] = summary.createdAt;
  const repo = summary.source.repository;
  if (repo !== null) a['org.opencontainers.image.source'] = /^[\w.-]+\/[\w.-]+$/.test(repo) ? `https://github.com/${repo}` : repo;
  if (summary.source.sha !== null) a['org.opencontainers.image.revision'] = summary.source.sha;
  return a;
}

/** Hex digits of the chunk digest that pick its manifest: 0 (one group), 1 (16) or 2 (256). */
function prefixLength(chunks: number): number {
  if (chunks <= LAYERS_PER_MANIFEST) return 0;
  return chunks <= 16 * LAYERS_PER_MANIFEST ? 1 : 2;
}

export function buildLayout(id: string, summary: ManifestSummary, record: { digest: string; size: number }, chunks: readonly ChunkBlob[], subject?: BlobDescriptor): Layout {
  const annotations = snapshotAnnotations(id, summary);
  const empty = { mediaType: EMPTY_MEDIA_TYPE, digest: EMPTY_DIGEST, size: EMPTY_BLOB.length };
  const first = json({
    schemaVersion: 2,
    mediaType: OCI_MANIFEST,
    artifactType: ARTIFACT_TYPE,
    config: { mediaType: RECORD_MEDIA_TYPE, digest: record.digest, size: record.size },
    layers: [empty],
    annotations,
  });
  const sorted = [...chunks].sort((a, b) => (a.chunk < b.chunk ? -1 : a.chunk > b.chunk ? 1 : 0));
  const cut = prefixLength(sorted.length);
  const groups = new Map<string, ChunkBlob[]>();
  for (const c of sorted) {
    const key = c.chunk.slice(0, cut);
    const group = groups.get(key);
    if (group === undefined) groups.set(key, [c]);
    else group.push(c);
  }
  const manifests = [first];
  for (const group of groups.values()) {
    manifests.push(
      json({
        schemaVersion: 2,
        mediaType: OCI_MANIFEST,
        artifactType: ARTIFACT_TYPE,
        config: empty,
        layers: group.map((c) => ({ mediaType: CHUNK_MEDIA_TYPE, digest: c.digest, size: c.size, annotations: { [TITLE]: c.chunk } })),
      }),
    );
  }
  const index = json({
    schemaVersion: 2,
    mediaType: OCI_INDEX,
    artifactType: ARTIFACT_TYPE,
    manifests: manifests.map((m) => ({ mediaType: OCI_MANIFEST, artifactType: ARTIFACT_TYPE, digest: sha256Digest(m), size: m.length })),
    ...(subject === undefined ? {} : { subject }),
    annotations,
  });
  return { index, manifests };
}

// ---------- reading it back (registry content is untrusted: validate every field used) ----------

const DIGEST = /^sha256:[0-9a-f]{64}$/;
const HEX64 = /^[0-9a-f]{64}$/;

function fail(what: string): never {
  throw new SnapshotFormatError('E_CORRUPT', `the registry's copy is not a vitsnap snapshot: ${what}; push it again with vitsnap push`);
}

function parse(bytes: Buffer, what: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(bytes.toString('utf8'));
  } catch {
    fail(`${what} is not JSON`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) fail(`${what} is not a JSON object`);
  return value as Record<string, unknown>;
}

function descriptor(value: unknown, what: string): BlobDescriptor {
  const d = value as { mediaType?: unknown; digest?: unknown; size?: unknown; annotations?: unknown } | null;
  if (d === null || typeof d !== 'object' || typeof d.mediaType !== 'string' || typeof d.digest !== 'string' || !DIGEST.test(d.digest)) fail(`${what} is not a descriptor`);
  if (typeof d.size !== 'number' || !Number.isSafeInteger(d.size) || d.size < 0) fail(`${what} has no valid size`);
  const annotations = d.annotations !== undefined && d.annotations !== null && typeof d.annotations === 'object' ? (d.annotations as Record<string, string>) : undefined;
  return { mediaType: d.mediaType, digest: d.digest, size: d.size, ...(annotations === undefined ? {} : { annotations }) };
}

/** Whether a manifest or index says it is a vitsnap snapshot (else it may be an image with one attached). */
export function isSnapshotIndex(bytes: Buffer): boolean {
  try {
    const parsed = JSON.parse(bytes.toString('utf8')) as { artifactType?: unknown };
    return parsed.artifactType === ARTIFACT_TYPE;
  } catch {
    return false;
  }
}

/** The manifests an index lists, checked to be a vitsnap snapshot's. */
export function readIndex(bytes: Buffer): { manifests: BlobDescriptor[]; snapshotId: string | null } {
  const index = parse(bytes, 'the tag');
  if (index.mediaType !== OCI_INDEX || index.artifactType !== ARTIFACT_TYPE) fail(`the tag points at ${String(index.mediaType)} with artifactType ${String(index.artifactType)}, not a vitsnap snapshot index`);
  if (!Array.isArray(index.manifests) || index.manifests.length === 0) fail('the index lists no manifests');
  const annotations = index.annotations as Record<string, unknown> | undefined;
  const id = annotations?.[SNAPSHOT_DIGEST_ANNOTATION];
  return { manifests: index.manifests.map((m, i) => descriptor(m, `index entry ${i}`)), snapshotId: typeof id === 'string' && HEX64.test(id) ? id : null };
}

/** Manifest 0's record descriptor, or a chunk manifest's chunk blobs. */
export function readManifest(bytes: Buffer, position: number): { record: BlobDescriptor | null; chunks: ChunkBlob[] } {
  const m = parse(bytes, `manifest ${position}`);
  if (m.mediaType !== OCI_MANIFEST || m.artifactType !== ARTIFACT_TYPE || !Array.isArray(m.layers)) fail(`manifest ${position} is not a vitsnap manifest`);
  const config = descriptor(m.config, `manifest ${position}'s config`);
  if (position === 0) {
    if (config.mediaType !== RECORD_MEDIA_TYPE) fail(`manifest 0's config is ${config.mediaType}, not the snapshot record`);
    return { record: config, chunks: [] };
  }
  const chunks = m.layers.map((layer, i) => {
    const d = descriptor(layer, `manifest ${position} layer ${i}`);
    const title = d.annotations?.[TITLE];
    if (d.mediaType !== CHUNK_MEDIA_TYPE || typeof title !== 'string' || !HEX64.test(title)) fail(`manifest ${position} layer ${i} is not a chunk`);
    return { chunk: title, digest: d.digest, size: d.size };
  });
  return { record: null, chunks };
}
