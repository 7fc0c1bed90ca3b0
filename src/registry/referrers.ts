/**
 * Snapshots attached to an image: a pushed snapshot index may name a `subject` (the image built
 * from the same commit), and `pull` of the image's tag finds the snapshot among its referrers.
 * Registries without the referrers API (distribution 2.8) get the spec's fallback: an image
 * index under the tag `sha256-<hex of the subject>` that lists the referrers, kept up to date by
 * whoever pushes one.
 */
import { OperationError } from '../errors.js';
import type { Descriptor, RegistryClient } from '../oci/client.js';
import { referrersTag } from '../oci/reference.js';
import { ARTIFACT_TYPE, OCI_INDEX } from './layout.js';

/** The subject's descriptor, as the index's `subject` field takes it. */
export async function subjectDescriptor(client: RegistryClient, digest: string): Promise<Descriptor> {
  const d = await client.resolveManifest(digest);
  if (d === null) throw new OperationError('E_NOT_FOUND', `--subject ${digest} is not a manifest in ${client.repository}; push the image first, or drop --subject`);
  return { mediaType: d.mediaType, digest: d.digest, size: d.size };
}

/** Lists `referrer` under the subject's fallback tag when the registry has no referrers API. */
export async function recordReferrer(client: RegistryClient, subject: string, referrer: Descriptor): Promise<'api' | 'tag'> {
  if ((await client.referrers(subject)) !== null) return 'api';
  const tag = referrersTag(subject);
  let manifests: Descriptor[] = [];
  if ((await client.resolveManifest(tag)) !== null) {
    const existing = JSON.parse((await client.getManifest(tag)).bytes.toString('utf8')) as { manifests?: unknown };
    if (Array.isArray(existing.manifests)) manifests = existing.manifests as Descriptor[];
  }
  if (!manifests.some((m) => m.digest === referrer.digest)) manifests.push(referrer);
  await client.putManifest(tag, Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: OCI_INDEX, manifests })), OCI_INDEX);
  return 'tag';
}

/** The newest snapshot attached to `subject` (the last listed), or null. */
export async function findSnapshotReferrer(client: RegistryClient, subject: string): Promise<string | null> {
  let listed = await client.referrers(subject, ARTIFACT_TYPE);
  if (listed === null) {
    const tag = referrersTag(subject);
    if ((await client.resolveManifest(tag)) === null) return null;
    const index = JSON.parse((await client.getManifest(tag)).bytes.toString('utf8')) as { manifests?: unknown };
    listed = Array.isArray(index.manifests) ? (index.manifests as Descriptor[]).filter((m) => m.artifactType === ARTIFACT_TYPE) : [];
  }
  return listed.at(-1)?.digest ?? null;
}
