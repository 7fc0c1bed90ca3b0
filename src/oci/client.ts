/**
 * An OCI Distribution client for one registry + repository (no dependencies: node:http/https).
 *
 *   const ref = parseReference('oci://ghcr.io/owner/snapshots:main', { insecure: env.VITSNAP_REGISTRY_INSECURE === '1' });
 *   const client = RegistryClient.forReference(ref, { env, home: os.homedir() }, { onRetry });
 *   try { … } finally { client.close(); }
 *
 * - RegistryClient.forReference(ref, { env, home }, options)   with the credentials found for the
 *                                registry (env pair, docker config, GITHUB_TOKEN for ghcr.io).
 * - ping()                       GET /v2/: the registry is there and we may talk to it (auth included).
 * - hasBlob(digest)              HEAD: true when the repository has the blob.
 * - pushBlob(digest, size, open, { mountFrom, chunkThreshold, chunkSize, onProgress })
 *                                'exists' (nothing sent), 'mounted' (from another repository of the
 *                                same registry) or 'uploaded'. `open` is called again for each try, so
 *                                it must give the same bytes each time (a Buffer, or a new Readable).
 *                                A Readable that fails rejects with its own error, unretried; one
 *                                longer or shorter than `size` is E_IO.
 * - getBlob(digest, { size, maxBytes, onProgress })      the blob in memory, digest verified.
 * - getBlobToFile(digest, path, { size, onProgress })    the blob in a file (atomic), digest verified.
 * - putManifest(tagOrDigest, bytes, mediaType)           the digest (checked against the registry's).
 * - getManifest(tagOrDigest, accept?)                    { bytes, digest, mediaType }, verified.
 * - resolveManifest(tagOrDigest, accept?)                { digest, mediaType, size } by HEAD, or null.
 * - listTags()                   every tag ([] when the repository does not exist).
 * - deleteManifest(digest)       by digest only.
 * - referrers(digest, artifactType?)                     descriptors, or null without the referrers API
 *                                (then use the tag referrersTag(digest), `sha256-<hex>`).
 * - close()                      frees the kept-alive connections.
 *
 * Every call retries 429 (honouring Retry-After), 5xx, dropped connections and timeouts with
 * backoff, up to `retry.attempts`; `timeoutMs` bounds how long the registry may stay silent.
 * Failures are OperationErrors: E_AUTH (401/403: credentials), E_NOT_FOUND (no such tag, manifest or
 * blob), E_NETWORK (unreachable, timed out, or still failing after the retries), E_REGISTRY (any
 * other refusal, or a registry that breaks the protocol), E_USAGE (a bad tag or digest); a blob whose
 * bytes do not match its digest is a SnapshotFormatError E_CHECKSUM.
 */
import type { Readable } from 'node:stream';
import { pushBlob, type PushBlobOptions, type PushResult } from './blob-upload.js';
import { getBlob, getBlobToFile, type GetBlobOptions } from './blob-download.js';
import { resolveCredentials, type CredentialContext, type Credentials } from './credentials.js';
import { deleteManifest, getManifest, getReferrers, listTags, putManifest, resolveManifest, DEFAULT_MANIFEST_ACCEPT, type Descriptor, type FetchedManifest } from './manifests.js';
import { isValidDigest, registryUrl, type OciReference } from './reference.js';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from './retry.js';
import { Transport, type RetryInfo } from './transport.js';
import { OperationError } from '../errors.js';
import { VERSION } from '../version.js';

export type { PushBlobOptions, PushResult } from './blob-upload.js';
export type { GetBlobOptions } from './blob-download.js';
export type { Descriptor, FetchedManifest } from './manifests.js';
export type { RetryInfo } from './transport.js';
export type { RetryPolicy } from './retry.js';
export { OCI_EMPTY_CONFIG, OCI_INDEX, OCI_MANIFEST, sha256Digest } from './manifests.js';
export { formatReference, isValidDigest, isValidTag, parseReference, referrersTag, type OciReference, type ParseReferenceOptions } from './reference.js';
export { Credentials, resolveCredentials, type CredentialContext } from './credentials.js';

export interface RegistryClientOptions {
  /** Offered when the registry asks (Basic, or to the Bearer token realm); undefined = anonymous. */
  credentials?: Credentials;
  /** Default: 5 attempts, 500 ms doubling to 20 s, Retry-After up to 60 s. */
  retry?: Partial<RetryPolicy>;
  /** The longest the registry may stay silent within one request (default 60 s). */
  timeoutMs?: number;
  /** Told before each retry (the CLI logs it). */
  onRetry?: (info: RetryInfo) => void;
  /** Extra CA certificates (PEM) to trust besides Node's own (NODE_EXTRA_CA_CERTS works too). */
  ca?: string | Buffer;
}

export const DEFAULT_TIMEOUT_MS = 60_000;

export class RegistryClient {
  readonly registry: string;
  readonly repository: string;
  readonly #transport: Transport;

  /** `target` is a parsed reference (its tag and digest are ignored here) or registry, scheme and repository. */
  constructor(target: Pick<OciReference, 'registry' | 'scheme' | 'repository'>, options: RegistryClientOptions = {}) {
    this.registry = target.registry;
    this.repository = target.repository;
    this.#transport = new Transport({
      baseUrl: registryUrl(target),
      registry: target.registry,
      credentials: options.credentials,
      retry: { ...DEFAULT_RETRY_POLICY, ...options.retry },
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      userAgent: `vitsnap/${VERSION}`,
      ...(options.onRetry === undefined ? {} : { onRetry: options.onRetry }),
      ...(options.ca === undefined ? {} : { ca: options.ca }),
    });
  }

  /** A client with the credentials found for the reference's registry (see credentials.ts). */
  static forReference(target: Pick<OciReference, 'registry' | 'scheme' | 'repository'>, context: CredentialContext, options: Omit<RegistryClientOptions, 'credentials'> = {}): RegistryClient {
    const credentials = resolveCredentials(target.registry, context);
    return new RegistryClient(target, { ...options, ...(credentials === undefined ? {} : { credentials }) });
  }

  close(): void {
    this.#transport.close();
  }

  async ping(): Promise<void> {
    const response = await this.#transport.send({ method: 'GET', target: '/v2/', scopes: [], accept: [200], what: 'checking the registry API (GET /v2/)', notFound: `${this.registry} does not serve the OCI distribution API at /v2/; check the registry address` });
    await response.discard();
  }

  async hasBlob(digest: string): Promise<boolean> {
    checkDigest(digest);
    const response = await this.#transport.send({ method: 'HEAD', target: `/v2/${this.repository}/blobs/${digest}`, scopes: [`repository:${this.repository}:pull`], accept: [200, 404], what: `checking for blob ${digest} in ${this.repository}` });
    await response.discard();
    return response.status === 200;
  }

  async pushBlob(digest: string, size: number, open: () => Buffer | Readable, options?: PushBlobOptions): Promise<PushResult> {
    checkDigest(digest);
    if (!Number.isSafeInteger(size) || size < 0) throw new OperationError('E_USAGE', `blob size ${size} is not a byte count`);
    return pushBlob(this.#transport, this.repository, digest, size, open, options);
  }

  async getBlob(digest: string, options?: GetBlobOptions): Promise<Buffer> {
    checkDigest(digest);
    return getBlob(this.#transport, this.repository, digest, options);
  }

  async getBlobToFile(digest: string, path: string, options?: GetBlobOptions): Promise<number> {
    checkDigest(digest);
    return getBlobToFile(this.#transport, this.repository, digest, path, options);
  }

  async putManifest(tagOrDigest: string, bytes: Buffer, mediaType: string): Promise<string> {
    return putManifest(this.#transport, this.repository, tagOrDigest, bytes, mediaType);
  }

  async getManifest(tagOrDigest: string, accept: readonly string[] = DEFAULT_MANIFEST_ACCEPT): Promise<FetchedManifest> {
    return getManifest(this.#transport, this.repository, tagOrDigest, accept);
  }

  async resolveManifest(tagOrDigest: string, accept: readonly string[] = DEFAULT_MANIFEST_ACCEPT): Promise<Descriptor | null> {
    return resolveManifest(this.#transport, this.repository, tagOrDigest, accept);
  }

  async listTags(): Promise<string[]> {
    return listTags(this.#transport, this.repository);
  }

  async deleteManifest(digest: string): Promise<void> {
    return deleteManifest(this.#transport, this.repository, digest);
  }

  async referrers(digest: string, artifactType?: string): Promise<Descriptor[] | null> {
    return getReferrers(this.#transport, this.repository, digest, artifactType);
  }
}

function checkDigest(digest: string): void {
  if (!isValidDigest(digest)) throw new OperationError('E_USAGE', `${JSON.stringify(digest)} is not a blob digest; expected sha256:<64 lower-case hex digits>`);
}
