/**
 * Manifests, tags and referrers of one repository. Every manifest that comes back is checked
 * against its digest (the one asked for, or the one the registry names), so a tag can be trusted
 * as far as the registry can.
 */
import { createHash } from 'node:crypto';
import { OperationError } from '../errors.js';
import { isValidDigest, isValidTag } from './reference.js';
import { headerText, type Transport } from './transport.js';

export const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
export const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
export const OCI_EMPTY_CONFIG = 'application/vnd.oci.empty.v1+json';
/** The default Accept of getManifest: distribution 2.8 answers 404 to a GET without one it serves. */
export const DEFAULT_MANIFEST_ACCEPT: readonly string[] = [OCI_MANIFEST, OCI_INDEX];

/** What registries are required to accept (the image spec's limit). */
export const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
const TAG_LIST_LIMIT = 16 * 1024 * 1024;

export interface Descriptor {
  mediaType: string;
  digest: string;
  size: number;
  artifactType?: string;
  annotations?: Record<string, string>;
}

export interface FetchedManifest {
  bytes: Buffer;
  /** `sha256:…` of `bytes`. */
  digest: string;
  /** From Content-Type, else the manifest's own `mediaType` field. */
  mediaType: string;
}

export function sha256Digest(bytes: Buffer): string {
  return `sha256:${createHash('sha256').update(bytes).digest('hex')}`;
}

function checkRef(ref: string, registry: string): void {
  if (!isValidTag(ref) && !isValidDigest(ref)) {
    throw new OperationError('E_USAGE', `${JSON.stringify(ref)} is neither a tag (1-128 of A-Z a-z 0-9 _ . -) nor a sha256:<64 hex> digest, so registry ${registry} cannot hold a manifest under it`);
  }
}

function noSuchManifest(transport: Transport, repository: string, ref: string): string {
  const kind = isValidDigest(ref) ? 'manifest' : 'tag';
  return `no such ${kind} ${ref} in ${repository} on registry ${transport.registry}; check the reference (list the repository's tags to see what exists)`;
}

/** Uploads a manifest under a tag or its digest; returns the digest, checked against the registry's. */
export async function putManifest(transport: Transport, repository: string, ref: string, bytes: Buffer, mediaType: string): Promise<string> {
  checkRef(ref, transport.registry);
  const digest = sha256Digest(bytes);
  if (isValidDigest(ref) && ref !== digest) throw new OperationError('E_USAGE', `cannot put a manifest under ${ref}: its bytes hash to ${digest}`);
  if (bytes.length > MAX_MANIFEST_BYTES) throw new OperationError('E_USAGE', `manifest for ${repository}:${ref} has ${bytes.length} bytes; registries need not accept more than ${MAX_MANIFEST_BYTES}: put fewer layers in it`);
  const response = await transport.send({
    method: 'PUT',
    target: `/v2/${repository}/manifests/${ref}`,
    headers: { 'Content-Type': mediaType, 'Content-Length': String(bytes.length) },
    body: () => bytes,
    scopes: [`repository:${repository}:pull,push`],
    accept: [201],
    what: `pushing manifest ${ref} to ${repository}`,
    notFound: `registry ${transport.registry} does not know a blob that manifest ${ref} for ${repository} names; push every layer and the config before the manifest`,
  });
  await response.discard();
  const answered = headerText(response.headers['docker-content-digest']);
  if (answered !== undefined && answered !== digest) {
    throw new OperationError('E_REGISTRY', `registry ${transport.registry} stored manifest ${ref} for ${repository} as ${answered}, but its bytes hash to ${digest}; the registry rewrote it: use a registry that stores manifests as sent`);
  }
  return digest;
}

/** Downloads a manifest; `accept` lists the media types we can read (sent as Accept). */
export async function getManifest(transport: Transport, repository: string, ref: string, accept: readonly string[] = DEFAULT_MANIFEST_ACCEPT): Promise<FetchedManifest> {
  checkRef(ref, transport.registry);
  const response = await transport.fetchBytes(
    {
      method: 'GET',
      target: `/v2/${repository}/manifests/${ref}`,
      headers: { Accept: accept.join(', ') },
      scopes: [`repository:${repository}:pull`],
      accept: [200],
      what: `pulling manifest ${ref} from ${repository}`,
      notFound: noSuchManifest(transport, repository, ref),
    },
    MAX_MANIFEST_BYTES,
  );
  const bytes = response.body;
  const digest = sha256Digest(bytes);
  const expected = isValidDigest(ref) ? ref : headerText(response.headers['docker-content-digest']);
  if (expected !== undefined && expected !== digest) {
    throw new OperationError('E_REGISTRY', `registry ${transport.registry} returned a manifest for ${repository}:${ref} that hashes to ${digest}, not ${expected}; its copy is damaged or a proxy altered it: push it again`);
  }
  return { bytes, digest, mediaType: manifestMediaType(headerText(response.headers['content-type']), bytes) };
}

function manifestMediaType(contentType: string | undefined, bytes: Buffer): string {
  const header = contentType?.split(';')[0]?.trim();
  if (header !== undefined && header !== '' && header !== 'application/json' && header !== 'application/octet-stream') return header;
  try {
    const parsed = JSON.parse(bytes.toString('utf8')) as { mediaType?: unknown };
    if (typeof parsed.mediaType === 'string') return parsed.mediaType;
  } catch {
    // not JSON: keep what the header said
  }
  return header ?? '';
}

/**
 * What a tag or digest points at, without downloading it (HEAD): its digest, media type and size,
 * or null when there is no such manifest.
 */
export async function resolveManifest(transport: Transport, repository: string, ref: string, accept: readonly string[] = DEFAULT_MANIFEST_ACCEPT): Promise<Descriptor | null> {
  checkRef(ref, transport.registry);
  const response = await transport.send({ method: 'HEAD', target: `/v2/${repository}/manifests/${ref}`, headers: { Accept: accept.join(', ') }, scopes: [`repository:${repository}:pull`], accept: [200, 404], what: `looking up manifest ${ref} in ${repository}` });
  await response.discard();
  if (response.status === 404) return null;
  const digest = headerText(response.headers['docker-content-digest']) ?? (isValidDigest(ref) ? ref : undefined);
  const size = Number(headerText(response.headers['content-length']));
  if (digest === undefined || !isValidDigest(digest) || !Number.isSafeInteger(size)) {
    // Without a digest header HEAD cannot say what the tag is: fetch and hash it instead.
    const fetched = await getManifest(transport, repository, ref, accept);
    return { mediaType: fetched.mediaType, digest: fetched.digest, size: fetched.bytes.length };
  }
  if (isValidDigest(ref) && digest !== ref) {
    throw new OperationError('E_REGISTRY', `registry ${transport.registry} answered a HEAD of manifest ${ref} in ${repository} with digest ${digest}; it is not serving what was asked`);
  }
  return { mediaType: headerText(response.headers['content-type'])?.split(';')[0]?.trim() ?? '', digest, size };
}

/** Every tag of the repository (following `Link: <…>; rel="next"` pages); [] when the repository does not exist. */
export async function listTags(transport: Transport, repository: string): Promise<string[]> {
  const tags: string[] = [];
  let target: string | undefined = `/v2/${repository}/tags/list`;
  for (let page = 0; target !== undefined; page += 1) {
    if (page >= 10_000) throw new OperationError('E_REGISTRY', `registry ${transport.registry} kept sending more tag pages for ${repository}; it is looping`);
    const response = await transport.fetchBytes({ method: 'GET', target, scopes: [`repository:${repository}:pull`], accept: [200, 404], what: `listing the tags of ${repository}` }, TAG_LIST_LIMIT);
    if (response.status === 404) return tags;
    const body = response.body.toString('utf8');
    let parsed: { tags?: unknown };
    try {
      parsed = JSON.parse(body) as { tags?: unknown };
    } catch {
      throw new OperationError('E_REGISTRY', `registry ${transport.registry} answered the tag list of ${repository} with something that is not JSON; it is not an OCI registry`);
    }
    if (Array.isArray(parsed.tags)) tags.push(...parsed.tags.filter((t): t is string => typeof t === 'string'));
    const link = /<([^>]+)>\s*;\s*rel="?next"?/.exec(headerText(response.headers.link) ?? '');
    target = link === null ? undefined : link[1];
  }
  return tags;
}

/** Deletes the manifest with this digest (registries delete by digest only, never by tag). */
export async function deleteManifest(transport: Transport, repository: string, digest: string): Promise<void> {
  if (!isValidDigest(digest)) throw new OperationError('E_USAGE', `manifests are deleted by digest: ${JSON.stringify(digest)} is not sha256:<64 hex>; get it with getManifest first`);
  const response = await transport.send({
    method: 'DELETE',
    target: `/v2/${repository}/manifests/${digest}`,
    scopes: [`repository:${repository}:pull,push,delete`],
    accept: [202, 405],
    what: `deleting manifest ${digest} from ${repository}`,
    notFound: noSuchManifest(transport, repository, digest),
  });
  await response.discard();
  if (response.status === 405) {
    throw new OperationError('E_REGISTRY', `registry ${transport.registry} does not allow deleting manifests (HTTP 405); enable deletes (distribution: storage.delete.enabled) or delete it in the registry's UI`);
  }
}

/**
 * The manifests that refer to `digest` (the referrers API), optionally only those of one
 * artifactType; null when the registry has no referrers API, so the caller can fall back to the
 * `sha256-<hex>` tag (see referrersTag).
 */
export async function getReferrers(transport: Transport, repository: string, digest: string, artifactType?: string): Promise<Descriptor[] | null> {
  if (!isValidDigest(digest)) throw new OperationError('E_USAGE', `referrers are looked up by digest: ${JSON.stringify(digest)} is not sha256:<64 hex>`);
  const query = artifactType === undefined ? '' : `?artifactType=${encodeURIComponent(artifactType)}`;
  const response = await transport.fetchBytes({ method: 'GET', target: `/v2/${repository}/referrers/${digest}${query}`, headers: { Accept: OCI_INDEX }, scopes: [`repository:${repository}:pull`], accept: [200, 404], what: `listing the referrers of ${digest} in ${repository}` }, MAX_MANIFEST_BYTES);
  if (response.status === 404) return null;
  let index: { manifests?: unknown };
  try {
    index = JSON.parse(response.body.toString('utf8')) as { manifests?: unknown };
  } catch {
    throw new OperationError('E_REGISTRY', `registry ${transport.registry} answered the referrers of ${digest} in ${repository} with something that is not an image index`);
  }
  const manifests = Array.isArray(index.manifests) ? (index.manifests as Descriptor[]) : [];
  // A registry that ignores the filter says so by omitting OCI-Filters-Applied.
  const filtered = headerText(response.headers['oci-filters-applied'])?.split(',').map((s) => s.trim()).includes('artifactType') === true;
  return artifactType === undefined || filtered ? manifests : manifests.filter((m) => m.artifactType === artifactType);
}
