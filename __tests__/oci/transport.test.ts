/**
 * Retries and timeouts, through a fault-injecting proxy in front of a real registry: 429 with
 * Retry-After, 503s, connections reset, cut bodies and a registry that never answers. Every wait
 * is bounded by the retry policy and the timeout; nothing here measures the clock.
 */
import { afterAll, afterEach, beforeAll, expect, test } from '@jest/globals';
import { createServer } from 'node:http';
import { OCI_EMPTY_CONFIG, OCI_MANIFEST, RegistryClient, sha256Digest, type RetryInfo, type RegistryClientOptions } from '../../src/oci/client.js';
import { parseReference } from '../../src/oci/reference.js';
import { faultFirst, freePort, startFaultProxy, startRegistry, type FaultProxy, type RunningRegistry } from '../helpers/registry.js';

let registry: RunningRegistry;
let proxy: FaultProxy;
const clients: RegistryClient[] = [];
const repository = 'faults/transport';
const manifest = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: OCI_MANIFEST, config: { mediaType: OCI_EMPTY_CONFIG, digest: sha256Digest(Buffer.from('{}')), size: 2 }, layers: [] }));

function client(via: 'direct' | 'proxy', options: RegistryClientOptions = {}): RegistryClient {
  const host = via === 'proxy' ? proxy.host : registry.host;
  const c = new RegistryClient(parseReference(`oci://${host}/${repository}`, { allowMissingTag: true }), { ...options, retry: { baseDelayMs: 5, maxDelayMs: 20, ...options.retry } });
  clients.push(c);
  return c;
}

const isManifestGet = (r: { method: string; url: string }): boolean => r.method === 'GET' && r.url.includes('/manifests/');

beforeAll(async () => {
  registry = await startRegistry();
  proxy = await startFaultProxy(registry.port);
  const setup = client('direct');
  const empty = Buffer.from('{}');
  await setup.pushBlob(sha256Digest(empty), empty.length, () => empty);
  await setup.putManifest('v1', manifest, OCI_MANIFEST);
});

afterEach(() => {
  proxy.fault = () => undefined;
});

afterAll(async () => {
  for (const c of clients) c.close();
  await proxy?.stop();
  await registry?.stop();
});

test('429 with Retry-After is waited out, then the request succeeds', async () => {
  proxy.fault = faultFirst(1, isManifestGet, { kind: 'status', status: 429, headers: { 'Retry-After': '1' } });
  const retries: RetryInfo[] = [];
  const before = proxy.log.length;
  const got = await client('proxy', { onRetry: (info) => retries.push(info) }).getManifest('v1');
  expect(got.bytes.equals(manifest)).toBe(true);
  expect(proxy.log.slice(before).filter(isManifestGet).map((r) => r.status)).toEqual([429, 200]);
  expect(retries).toHaveLength(1);
  expect(retries[0]).toMatchObject({ attempt: 2, reason: 'HTTP 429' });
  expect(retries[0].delayMs).toBeGreaterThanOrEqual(1000);
});

test('503 twice, then success', async () => {
  proxy.fault = faultFirst(2, isManifestGet, { kind: 'status', status: 503 });
  const before = proxy.log.length;
  expect((await client('proxy').getManifest('v1')).bytes.equals(manifest)).toBe(true);
  expect(proxy.log.slice(before).filter(isManifestGet).map((r) => r.status)).toEqual([503, 503, 200]);
});

test('503 every time: E_NETWORK after exactly the attempts allowed', async () => {
  proxy.fault = () => ({ kind: 'status', status: 503 });
  const before = proxy.log.length;
  await expect(client('proxy', { retry: { attempts: 3 } }).getManifest('v1')).rejects.toMatchObject({
    code: 'E_NETWORK',
    message: expect.stringContaining(`registry ${proxy.host} kept answering HTTP 503 UNAVAILABLE: injected by the test proxy to pulling manifest v1 from ${repository} after 3 attempts; try again later`),
  });
  expect(proxy.log.length - before).toBe(3);
});

test('a Retry-After longer than we wait ends the retries at once', async () => {
  proxy.fault = () => ({ kind: 'status', status: 429, headers: { 'Retry-After': '3600' } });
  const before = proxy.log.length;
  await expect(client('proxy').getManifest('v1')).rejects.toMatchObject({ code: 'E_NETWORK', message: expect.stringContaining('asked to wait 3600 s') });
  expect(proxy.log.length - before).toBe(1);
});

test('a connection reset before any answer is retried', async () => {
  proxy.fault = faultFirst(2, (r) => r.method === 'HEAD', { kind: 'reset' });
  expect(await client('proxy').hasBlob(sha256Digest(Buffer.from('{}')))).toBe(true);
});

test('a manifest body cut half-way is fetched again', async () => {
  proxy.fault = faultFirst(1, isManifestGet, { kind: 'cut-body', after: 20 });
  const before = proxy.log.length;
  expect((await client('proxy').getManifest('v1')).bytes.equals(manifest)).toBe(true);
  expect(proxy.log.slice(before).filter(isManifestGet)).toHaveLength(2);
});

test('a registry that never answers is a timeout error, not a hang', async () => {
  proxy.fault = () => ({ kind: 'silence' });
  const before = proxy.log.length;
  await expect(client('proxy', { timeoutMs: 300, retry: { attempts: 2 } }).getManifest('v1')).rejects.toMatchObject({
    code: 'E_NETWORK',
    message: expect.stringContaining(`registry ${proxy.host} did not answer within 300 ms while pulling manifest v1`),
  });
  expect(proxy.log.length - before).toBe(2);
});

test('a body that stops half-way is a timeout too', async () => {
  // The proxy forwards 20 bytes and then holds the connection open: the inactivity timer must fire.
  proxy.fault = () => ({ kind: 'cut-body', after: 20, hold: true });
  await expect(client('proxy', { timeoutMs: 300, retry: { attempts: 2 } }).getManifest('v1')).rejects.toMatchObject({ code: 'E_NETWORK', message: expect.stringContaining('did not answer within') });
});

test('a host where nothing listens is E_NETWORK naming it', async () => {
  const port = await freePort();
  const closed = new RegistryClient(parseReference(`oci://127.0.0.1:${port}/nothing/here:v1`), { retry: { attempts: 2, baseDelayMs: 5 } });
  clients.push(closed);
  await expect(closed.ping()).rejects.toMatchObject({ code: 'E_NETWORK', message: expect.stringContaining(`cannot reach registry 127.0.0.1:${port} while checking the registry API (GET /v2/) (ECONNREFUSED`) });
});

test('a server that sends an endless manifest is E_REGISTRY, not a crash or a 4 GiB buffer', async () => {
  // Not a registry: a hostile peer that answers every request with 5 MiB of JSON-ish bytes.
  const hostile = createServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': OCI_MANIFEST, 'Content-Length': String(5 * 1024 * 1024) });
    res.end(Buffer.alloc(5 * 1024 * 1024, 0x20));
  });
  await new Promise<void>((resolve) => hostile.listen(0, '127.0.0.1', resolve));
  try {
    const address = hostile.address();
    const port = typeof address === 'object' && address !== null ? address.port : 0;
    const c = new RegistryClient(parseReference(`oci://127.0.0.1:${port}/big/manifest:v1`), { retry: { attempts: 1 } });
    clients.push(c);
    await expect(c.getManifest('v1')).rejects.toMatchObject({ code: 'E_REGISTRY', message: expect.stringContaining('sent more than 4194304 bytes while pulling manifest v1') });
  } finally {
    hostile.closeAllConnections();
    await new Promise<void>((resolve) => hostile.close(() => resolve()));
  }
});
