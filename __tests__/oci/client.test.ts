/**
 * RegistryClient against a real docker-registry (distribution 2.8) without auth: blobs (whole and
 * chunked), HEAD skip, cross-repository mount, image-spec 1.1 manifests, tags, delete, referrers.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { OCI_EMPTY_CONFIG, OCI_MANIFEST, RegistryClient, sha256Digest } from '../../src/oci/client.js';
import { parseReference, referrersTag } from '../../src/oci/reference.js';
import { startFaultProxy, startRegistry, type FaultProxy, type RunningRegistry } from '../helpers/registry.js';

let registry: RunningRegistry;
let proxy: FaultProxy;
let work: string;
const clients: RegistryClient[] = [];

function client(repository: string, via: 'direct' | 'proxy' = 'direct'): RegistryClient {
  const host = via === 'proxy' ? proxy.host : registry.host;
  const c = new RegistryClient(parseReference(`oci://${host}/${repository}`, { allowMissingTag: true }), { retry: { baseDelayMs: 10 } });
  clients.push(c);
  return c;
}

/** Deterministic bytes (a counter through SHA-256), so every run pushes the same blobs. */
function bytesOf(label: string, size: number): Buffer {
  const out = Buffer.alloc(size);
  for (let offset = 0, i = 0; offset < size; i += 1) offset += createHash('sha256').update(`${label}:${i}`).digest().copy(out, offset);
  return out;
}

beforeAll(async () => {
  registry = await startRegistry();
  proxy = await startFaultProxy(registry.port);
  work = mkdtempSync(join(tmpdir(), 'vitsnap-oci-client-'));
});

afterAll(async () => {
  for (const c of clients) c.close();
  await proxy?.stop();
  await registry?.stop();
  if (work !== undefined) rmSync(work, { recursive: true, force: true });
});

describe('blobs', () => {
  test('a small blob goes up with POST then PUT and comes back verified', async () => {
    const c = client('blobs/small');
    const data = bytesOf('small', 1000);
    const digest = sha256Digest(data);
    expect(await c.hasBlob(digest)).toBe(false);
    expect(await c.pushBlob(digest, data.length, () => data)).toBe('uploaded');
    expect(await c.hasBlob(digest)).toBe(true);
    expect((await c.getBlob(digest)).equals(data)).toBe(true);
  });

  test('an empty blob goes up and comes back', async () => {
    const c = client('blobs/empty');
    const empty = Buffer.alloc(0);
    const digest = sha256Digest(empty);
    expect(await c.pushBlob(digest, 0, () => empty)).toBe('uploaded');
    expect((await c.getBlob(digest, { size: 0 })).length).toBe(0);
  });

  test('a second push of the same blob is one HEAD and sends no bytes', async () => {
    const c = client('blobs/again', 'proxy');
    const data = bytesOf('again', 5000);
    const digest = sha256Digest(data);
    expect(await c.pushBlob(digest, data.length, () => data)).toBe('uploaded');
    const before = proxy.log.length;
    expect(await c.pushBlob(digest, data.length, () => data)).toBe('exists');
    const second = proxy.log.slice(before);
    expect(second.map((r) => r.method)).toEqual(['HEAD']);
    expect(second.reduce((sum, r) => sum + r.bytesIn, 0)).toBe(0);
  });

  test('a blob over the threshold goes up in PATCH chunks with Content-Range, from a stream', async () => {
    const c = client('blobs/chunked', 'proxy');
    const data = bytesOf('chunked', 300_000);
    const digest = sha256Digest(data);
    const before = proxy.log.length;
    const progress: number[] = [];
    const result = await c.pushBlob(digest, data.length, () => Readable.from([data.subarray(0, 70_000), data.subarray(70_000)]), {
      chunkThreshold: 100_000,
      chunkSize: 128 * 1024,
      onProgress: (bytes) => progress.push(bytes),
    });
    expect(result).toBe('uploaded');
    const patches = proxy.log.slice(before).filter((r) => r.method === 'PATCH');
    expect(patches.map((r) => r.headers['content-range'])).toEqual(['0-131071', '131072-262143', '262144-299999']);
    expect(progress[progress.length - 1]).toBe(data.length);
    const put = proxy.log.slice(before).find((r) => r.method === 'PUT');
    expect(put?.bytesIn).toBe(0);
    expect(put?.url).toContain(`digest=${encodeURIComponent(digest)}`);
    const file = join(work, 'chunked.bin');
    expect(await c.getBlobToFile(digest, file)).toBe(data.length);
    expect(readFileSync(file).equals(data)).toBe(true);
  });

  test('a blob in another repository of the registry is mounted, not uploaded', async () => {
    const source = client('mount/source');
    const target = client('mount/target', 'proxy');
    const data = bytesOf('mount', 2000);
    const digest = sha256Digest(data);
    await source.pushBlob(digest, data.length, () => data);
    const before = proxy.log.length;
    expect(await target.pushBlob(digest, data.length, () => data, { mountFrom: 'mount/source' })).toBe('mounted');
    expect(proxy.log.slice(before).reduce((sum, r) => sum + r.bytesIn, 0)).toBe(0);
    expect((await target.getBlob(digest)).equals(data)).toBe(true);
  });

  test('a mount from a repository without the blob falls back to the upload it started', async () => {
    const target = client('mount/fallback');
    const data = bytesOf('fallback', 1500);
    const digest = sha256Digest(data);
    expect(await target.pushBlob(digest, data.length, () => data, { mountFrom: 'mount/nowhere' })).toBe('uploaded');
    expect((await target.getBlob(digest)).equals(data)).toBe(true);
  });

  test('bytes that do not hash to the digest are refused by the registry', async () => {
    const c = client('blobs/wrong');
    const data = bytesOf('wrong', 100);
    const claimed = sha256Digest(bytesOf('other', 100));
    await expect(c.pushBlob(claimed, data.length, () => data)).rejects.toMatchObject({ code: 'E_REGISTRY', message: expect.stringContaining('DIGEST_INVALID') });
  });

  test('a blob that is not there is E_NOT_FOUND naming the repository', async () => {
    const c = client('blobs/small');
    const missing = sha256Digest(Buffer.from('never pushed'));
    await expect(c.getBlob(missing)).rejects.toMatchObject({ code: 'E_NOT_FOUND', message: expect.stringContaining(`blob ${missing} is not in blobs/small`) });
  });
});

describe('manifests', () => {
  const artifactType = 'application/vnd.vitsnap.snapshot.v1';

  async function pushArtifact(c: RegistryClient, tag: string, label: string): Promise<{ digest: string; bytes: Buffer }> {
    const empty = Buffer.from('{}');
    const layer = bytesOf(label, 3000);
    await c.pushBlob(sha256Digest(empty), empty.length, () => empty);
    await c.pushBlob(sha256Digest(layer), layer.length, () => layer);
    const manifest = {
      schemaVersion: 2,
      mediaType: OCI_MANIFEST,
      artifactType,
      config: { mediaType: OCI_EMPTY_CONFIG, digest: sha256Digest(empty), size: empty.length, data: 'e30=' },
      layers: [{ mediaType: 'application/vnd.vitsnap.chunk.v1', digest: sha256Digest(layer), size: layer.length, annotations: { 'org.opencontainers.image.title': `${label}.bin` } }],
      annotations: { 'org.opencontainers.image.created': '1970-01-01T00:00:00Z' },
    };
    const bytes = Buffer.from(JSON.stringify(manifest));
    const digest = await c.putManifest(tag, bytes, OCI_MANIFEST);
    return { digest, bytes };
  }

  test('an image-spec 1.1 manifest with artifactType and the empty config round-trips byte for byte', async () => {
    const c = client('manifests/roundtrip');
    const { digest, bytes } = await pushArtifact(c, 'v1', 'roundtrip');
    expect(digest).toBe(sha256Digest(bytes));
    for (const ref of ['v1', digest]) {
      const got = await c.getManifest(ref);
      expect(got.bytes.equals(bytes)).toBe(true);
      expect(got.digest).toBe(digest);
      expect(got.mediaType).toBe(OCI_MANIFEST);
    }
  });

  test('resolveManifest: a HEAD gives the digest, type and size; null for a tag that does not exist', async () => {
    const c = client('manifests/resolve', 'proxy');
    const { digest, bytes } = await pushArtifact(c, 'v1', 'resolve');
    const before = proxy.log.length;
    expect(await c.resolveManifest('v1')).toEqual({ mediaType: OCI_MANIFEST, digest, size: bytes.length });
    expect(await c.resolveManifest(digest)).toEqual({ mediaType: OCI_MANIFEST, digest, size: bytes.length });
    expect(await c.resolveManifest('v2')).toBeNull();
    expect(proxy.log.slice(before).map((r) => r.method)).toEqual(['HEAD', 'HEAD', 'HEAD']);
  });

  test('tags list, delete by digest, then the tag is gone', async () => {
    const c = client('manifests/tags');
    const a = await pushArtifact(c, 'build-1', 'tags-a');
    await pushArtifact(c, 'build-2', 'tags-b');
    expect((await c.listTags()).sort()).toEqual(['build-1', 'build-2']);
    await c.deleteManifest(a.digest);
    expect(await c.listTags()).toEqual(['build-2']);
    await expect(c.getManifest('build-1')).rejects.toMatchObject({ code: 'E_NOT_FOUND', message: expect.stringContaining('no such tag build-1 in manifests/tags') });
    await expect(c.deleteManifest(a.digest)).rejects.toMatchObject({ code: 'E_NOT_FOUND' });
  });

  test('a repository that does not exist has no tags', async () => {
    expect(await client('manifests/none').listTags()).toEqual([]);
  });

  test('distribution 2.8 has no referrers API: null, and the fallback tag works', async () => {
    const c = client('manifests/referrers');
    const { digest, bytes } = await pushArtifact(c, 'subject', 'referrers');
    expect(await c.referrers(digest)).toBeNull();
    const fallback = referrersTag(digest);
    expect(fallback).toBe(digest.replace('sha256:', 'sha256-'));
    await c.putManifest(fallback, bytes, OCI_MANIFEST);
    expect((await c.getManifest(fallback)).digest).toBe(digest);
  });

  test('a manifest naming a blob the registry lacks is refused with what to push first', async () => {
    const c = client('manifests/missing-blob');
    const manifest = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: OCI_MANIFEST, config: { mediaType: OCI_EMPTY_CONFIG, digest: sha256Digest(Buffer.from('{}')), size: 2 }, layers: [] }));
    await expect(c.putManifest('x', manifest, OCI_MANIFEST)).rejects.toMatchObject({ code: expect.stringMatching(/^E_(NOT_FOUND|REGISTRY)$/), message: expect.stringContaining('MANIFEST_BLOB_UNKNOWN') });
  });
});

describe('HTTPS', () => {
  let secure: RunningRegistry;

  beforeAll(async () => {
    secure = await startRegistry({ kind: 'none' }, { tls: true });
  });
  afterAll(async () => {
    await secure?.stop();
  });

  test('a registry with a private CA works when its certificate is passed as ca', async () => {
    // Loopback would mean plain HTTP: ask for https explicitly, as for any non-loopback host.
    const c = new RegistryClient({ registry: secure.host, scheme: 'https', repository: 'tls/blobs' }, { ca: secure.certificate });
    clients.push(c);
    const data = bytesOf('tls', 70_000);
    const digest = sha256Digest(data);
    expect(await c.pushBlob(digest, data.length, () => data)).toBe('uploaded');
    expect((await c.getBlob(digest)).equals(data)).toBe(true);
  });

  test('an untrusted certificate is E_NETWORK at once, with what to do', async () => {
    const c = new RegistryClient({ registry: secure.host, scheme: 'https', repository: 'tls/blobs' }, { retry: { attempts: 3, baseDelayMs: 5 } });
    clients.push(c);
    const error = await c.ping().then(() => undefined, (e: unknown) => e as Error & { code: string });
    expect(error?.code).toBe('E_NETWORK');
    expect(error?.message).toContain(`cannot talk HTTPS to registry ${secure.host} while checking the registry API`);
    expect(error?.message).toContain('if it uses a private CA, add it with NODE_EXTRA_CA_CERTS');
  });

  test('HTTPS to a plain-HTTP registry says to allow plain HTTP', async () => {
    const c = new RegistryClient({ registry: registry.host, scheme: 'https', repository: 'tls/plain' }, { retry: { attempts: 2, baseDelayMs: 5 } });
    clients.push(c);
    await expect(c.ping()).rejects.toMatchObject({ code: 'E_NETWORK', message: expect.stringContaining('set VITSNAP_REGISTRY_INSECURE=1') });
  });
});
