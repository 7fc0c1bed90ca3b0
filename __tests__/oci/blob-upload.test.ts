/**
 * Pushing blobs through a fault-injecting proxy in front of a real registry: a failed closing PUT
 * starts the upload again, a failed PATCH continues from the offset the registry reports, and a
 * local read error is reported as it is, without retries.
 */
import { afterAll, afterEach, beforeAll, expect, test } from '@jest/globals';
import { createReadStream } from 'node:fs';
import { Readable } from 'node:stream';
import { RegistryClient, sha256Digest } from '../../src/oci/client.js';
import { parseReference } from '../../src/oci/reference.js';
import { faultFirst, startFaultProxy, startRegistry, type FaultProxy, type ProxiedRequest, type RunningRegistry } from '../helpers/registry.js';

let registry: RunningRegistry;
let proxy: FaultProxy;
const clients: RegistryClient[] = [];

function client(repository: string): RegistryClient {
  const c = new RegistryClient(parseReference(`oci://${proxy.host}/${repository}`, { allowMissingTag: true }), { retry: { baseDelayMs: 5, maxDelayMs: 20 } });
  clients.push(c);
  return c;
}

function bytesOf(label: string, size: number): Buffer {
  return Buffer.from(Array.from({ length: size }, (_, i) => (i * 31 + label.length * 7 + (i >> 8)) & 0xff));
}

const since = (start: number): ProxiedRequest[] => proxy.log.slice(start);

beforeAll(async () => {
  registry = await startRegistry();
  proxy = await startFaultProxy(registry.port);
});

afterEach(() => {
  proxy.fault = () => undefined;
});

afterAll(async () => {
  for (const c of clients) c.close();
  await proxy?.stop();
  await registry?.stop();
});

test('a closing PUT answered 503 starts the upload again with a new POST', async () => {
  const data = bytesOf('put-503', 10_000);
  const digest = sha256Digest(data);
  proxy.fault = faultFirst(1, (r) => r.method === 'PUT', { kind: 'status', status: 503 });
  const start = proxy.log.length;
  const progress: number[] = [];
  expect(await client('faults/put').pushBlob(digest, data.length, () => data, { onProgress: (bytes) => progress.push(bytes) })).toBe('uploaded');
  expect(since(start).map((r) => `${r.method} ${r.status}`)).toEqual(['HEAD 404', 'POST 202', 'PUT 503', 'POST 202', 'PUT 201']);
  expect(progress[progress.length - 1]).toBe(data.length);
  expect((await client('faults/put').getBlob(digest)).equals(data)).toBe(true);
});

test('a PATCH that fails continues from the offset the registry reports, not from the start', async () => {
  const data = bytesOf('patch-503', 250_000);
  const digest = sha256Digest(data);
  let patches = 0;
  proxy.fault = (req) => (req.method === 'PATCH' && ++patches === 2 ? { kind: 'status', status: 503 } : undefined);
  const start = proxy.log.length;
  const result = await client('faults/patch').pushBlob(digest, data.length, () => Readable.from([data]), { chunkThreshold: 1000, chunkSize: 100_000 });
  expect(result).toBe('uploaded');
  const calls = since(start).map((r) => `${r.method} ${r.status} ${r.headers['content-range'] ?? ''}`.trim());
  expect(calls).toEqual(['HEAD 404', 'POST 202', 'PATCH 202 0-99999', 'PATCH 503 100000-199999', 'GET 204', 'PATCH 202 100000-199999', 'PATCH 202 200000-249999', 'PUT 201']);
  expect((await client('faults/patch').getBlob(digest)).equals(data)).toBe(true);
});

test('a PATCH cut half-way inside the registry: the upload starts over and the blob is whole', async () => {
  // distribution keeps the part it got and then refuses the session's stale state: only a new upload works.
  const data = bytesOf('patch-cut', 200_000);
  const digest = sha256Digest(data);
  proxy.fault = faultFirst(1, (r) => r.method === 'PATCH', { kind: 'cut-request', after: 40_000 });
  const start = proxy.log.length;
  expect(await client('faults/patch-cut').pushBlob(digest, data.length, () => Readable.from([data]), { chunkThreshold: 1000, chunkSize: 100_000 })).toBe('uploaded');
  // Usually the status GET finds the session gone (404 BLOB_UPLOAD_UNKNOWN) and a new POST starts
  // again; when the registry is slow to notice the cut, the GET may still see the session, and the
  // resumed upload fails and is replaced by a new one. Either way it ends in one good PUT.
  const calls = since(start).map((r) => `${r.method} ${r.status}`);
  expect(calls.slice(0, 3)).toEqual(['HEAD 404', 'POST 202', 'PATCH 0']);
  expect(calls.filter((c) => c.startsWith('PUT'))).toEqual(['PUT 201']);
  expect(calls.filter((c) => c.startsWith('POST')).length).toBeGreaterThanOrEqual(1);
  expect((await client('faults/patch-cut').getBlob(digest)).equals(data)).toBe(true);
});

test('a resumed session that then fails is dropped for a new upload', async () => {
  const data = bytesOf('spoiled', 250_000);
  const digest = sha256Digest(data);
  let patches = 0;
  proxy.fault = (req) => {
    if (req.method !== 'PATCH') return undefined;
    patches += 1;
    if (patches === 2) return { kind: 'status', status: 503 };
    // The resumed PATCH: the registry says the offset is wrong after all.
    return patches === 3 ? { kind: 'status', status: 416 } : undefined;
  };
  const start = proxy.log.length;
  expect(await client('faults/spoiled').pushBlob(digest, data.length, () => Readable.from([data]), { chunkThreshold: 1000, chunkSize: 100_000 })).toBe('uploaded');
  const calls = since(start).map((r) => `${r.method} ${r.status} ${r.headers['content-range'] ?? ''}`.trim());
  expect(calls).toEqual([
    'HEAD 404',
    'POST 202',
    'PATCH 202 0-99999',
    'PATCH 503 100000-199999',
    'GET 204',
    'PATCH 416 100000-199999',
    'POST 202',
    'PATCH 202 0-99999',
    'PATCH 202 100000-199999',
    'PATCH 202 200000-249999',
    'PUT 201',
  ]);
  expect((await client('faults/spoiled').getBlob(digest)).equals(data)).toBe(true);
});

test('a connection reset on the PUT is retried the same way', async () => {
  const data = bytesOf('put-reset', 5000);
  const digest = sha256Digest(data);
  proxy.fault = faultFirst(1, (r) => r.method === 'PUT', { kind: 'reset' });
  expect(await client('faults/reset').pushBlob(digest, data.length, () => data)).toBe('uploaded');
  expect((await client('faults/reset').getBlob(digest)).equals(data)).toBe(true);
});

test('a source that cannot be read fails with its own error and is not retried', async () => {
  const digest = sha256Digest(Buffer.from('never read'));
  const start = proxy.log.length;
  await expect(client('faults/source').pushBlob(digest, 10, () => createReadStream('/nonexistent/vitsnap-oci-source'))).rejects.toMatchObject({ code: 'ENOENT', syscall: 'open' });
  expect(since(start).filter((r) => r.method === 'POST')).toHaveLength(1);
});

test('relative Locations are resolved against the registry and keep their query', async () => {
  const data = bytesOf('relative', 30_000);
  const digest = sha256Digest(data);
  proxy.fault = () => ({ kind: 'relative-location' });
  const start = proxy.log.length;
  expect(await client('faults/relative').pushBlob(digest, data.length, () => data, { chunkThreshold: 1000, chunkSize: 10_000 })).toBe('uploaded');
  const requests = since(start);
  expect(requests.map((r) => r.method)).toEqual(['HEAD', 'POST', 'PATCH', 'PATCH', 'PATCH', 'PUT']);
  // distribution's upload state travels in the query (_state=…): it must survive each hop.
  for (const r of requests.slice(2)) expect(r.url).toContain('_state=');
  expect(requests[5].url).toContain(`&digest=${encodeURIComponent(digest)}`);
  proxy.fault = () => undefined;
  expect((await client('faults/relative').getBlob(digest)).equals(data)).toBe(true);
});

test('a stream shorter or longer than the size given is E_IO at once, not a wait for the timeout', async () => {
  const data = bytesOf('short', 4000);
  const digest = sha256Digest(data);
  const c = new RegistryClient(parseReference(`oci://${proxy.host}/faults/short`, { allowMissingTag: true }), { timeoutMs: 30_000, retry: { baseDelayMs: 5 } });
  clients.push(c);
  await expect(c.pushBlob(digest, 5000, () => Readable.from([data]))).rejects.toMatchObject({ code: 'E_IO', message: expect.stringContaining('ended after 4000 of the 5000 bytes announced') });
  await expect(c.pushBlob(digest, 3000, () => Readable.from([data]))).rejects.toMatchObject({ code: 'E_IO', message: expect.stringContaining('has more than the 3000 bytes announced') });
});
