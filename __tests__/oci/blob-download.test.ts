/**
 * Pulling blobs through a fault-injecting proxy in front of a real registry: a body cut half-way
 * is resumed with Range (or fetched again when the registry cannot serve ranges), and bytes that
 * do not match the digest are an error at once.
 */
import { afterAll, afterEach, beforeAll, expect, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RegistryClient, sha256Digest } from '../../src/oci/client.js';
import { parseReference } from '../../src/oci/reference.js';
import { faultFirst, startFaultProxy, startRegistry, type FaultProxy, type ProxiedRequest, type RunningRegistry } from '../helpers/registry.js';

let registry: RunningRegistry;
let proxy: FaultProxy;
let work: string;
const clients: RegistryClient[] = [];
const repository = 'faults/download';
const data = Buffer.alloc(400_000);
for (let offset = 0, i = 0; offset < data.length; i += 1) offset += createHash('sha256').update(`download:${i}`).digest().copy(data, offset);
const digest = sha256Digest(data);

function client(): RegistryClient {
  const c = new RegistryClient(parseReference(`oci://${proxy.host}/${repository}`, { allowMissingTag: true }), { retry: { baseDelayMs: 5, maxDelayMs: 20 } });
  clients.push(c);
  return c;
}

const isBlobGet = (r: ProxiedRequest): boolean => r.method === 'GET' && r.url.includes('/blobs/sha256:');

beforeAll(async () => {
  registry = await startRegistry();
  proxy = await startFaultProxy(registry.port);
  work = mkdtempSync(join(tmpdir(), 'vitsnap-oci-download-'));
  const setup = new RegistryClient(parseReference(`oci://${registry.host}/${repository}`, { allowMissingTag: true }));
  clients.push(setup);
  await setup.pushBlob(digest, data.length, () => data);
});

afterEach(() => {
  proxy.fault = () => undefined;
});

afterAll(async () => {
  for (const c of clients) c.close();
  await proxy?.stop();
  await registry?.stop();
  if (work !== undefined) rmSync(work, { recursive: true, force: true });
});

test('a download cut half-way resumes with Range from where it stopped, and the result is verified', async () => {
  proxy.fault = faultFirst(1, isBlobGet, { kind: 'cut-body', after: 150_000 });
  const before = proxy.log.length;
  const progress: number[] = [];
  const got = await client().getBlob(digest, { onProgress: (bytes) => progress.push(bytes) });
  expect(got.equals(data)).toBe(true);
  const gets = proxy.log.slice(before).filter(isBlobGet);
  expect(gets).toHaveLength(2);
  expect(gets[0].headers.range).toBeUndefined();
  const resumedAt = Number(/^bytes=(\d+)-$/.exec(String(gets[1].headers.range))?.[1]);
  expect(resumedAt).toBeGreaterThan(0);
  expect(resumedAt).toBeLessThanOrEqual(150_000);
  expect(gets[1].status).toBe(206);
  // Progress never went back: the second request only added the rest.
  expect(progress.every((bytes, i) => i === 0 || bytes >= progress[i - 1])).toBe(true);
  expect(progress[progress.length - 1]).toBe(data.length);
});

test('to a file: resumed, written atomically, no partial file left', async () => {
  proxy.fault = faultFirst(2, isBlobGet, { kind: 'cut-body', after: 100_000 });
  const file = join(work, 'resumed.bin');
  expect(await client().getBlobToFile(digest, file, { size: data.length })).toBe(data.length);
  expect(readFileSync(file).equals(data)).toBe(true);
  expect(readdirSync(work).filter((name) => name.includes('.partial-'))).toEqual([]);
});

test('a registry that ignores Range answers 200 again: the download starts over and still verifies', async () => {
  let cut = false;
  proxy.fault = (req) => {
    if (!isBlobGet(req)) return undefined;
    if (!cut) {
      cut = true;
      return { kind: 'cut-body', after: 120_000 };
    }
    return { kind: 'strip-range' };
  };
  const before = proxy.log.length;
  const progress: number[] = [];
  expect((await client().getBlob(digest, { onProgress: (bytes) => progress.push(bytes) })).equals(data)).toBe(true);
  expect(proxy.log.slice(before).filter(isBlobGet).map((r) => r.status)).toEqual([200, 200]);
  expect(Math.max(...progress)).toBe(data.length);
});

test('a resume answered 416 fetches the whole blob again', async () => {
  let step = 0;
  proxy.fault = (req) => {
    if (!isBlobGet(req)) return undefined;
    step += 1;
    if (step === 1) return { kind: 'cut-body', after: 50_000 };
    return step === 2 ? { kind: 'status', status: 416 } : undefined;
  };
  const before = proxy.log.length;
  expect((await client().getBlob(digest)).equals(data)).toBe(true);
  const gets = proxy.log.slice(before).filter(isBlobGet);
  expect(gets.map((r) => [r.status, r.headers.range === undefined ? 'whole' : 'range'])).toEqual([[200, 'whole'], [416, 'range'], [200, 'whole']]);
});

test('a slow body that keeps moving is not cut by the timeout, which is for silence only', async () => {
  // 70 pieces 50 ms apart: about 3.5 s in all, over a 3 s timeout that no single gap comes near.
  proxy.fault = (req) => (isBlobGet(req) ? { kind: 'trickle', pieces: 70, gapMs: 50 } : undefined);
  const slow = new RegistryClient(parseReference(`oci://${proxy.host}/${repository}`, { allowMissingTag: true }), { timeoutMs: 3000, retry: { attempts: 1 } });
  clients.push(slow);
  expect((await slow.getBlob(digest)).equals(data)).toBe(true);
});

test('wrong bytes from the registry are E_CHECKSUM at once, with no retry and no file left', async () => {
  proxy.fault = (req) => (isBlobGet(req) ? { kind: 'corrupt' } : undefined);
  const before = proxy.log.length;
  const file = join(work, 'corrupt.bin');
  await expect(client().getBlobToFile(digest, file)).rejects.toMatchObject({
    name: 'SnapshotFormatError',
    code: 'E_CHECKSUM',
    message: expect.stringContaining(`registry ${proxy.host} returned different bytes for blob ${digest} in ${repository}`),
  });
  expect(proxy.log.slice(before).filter(isBlobGet)).toHaveLength(1);
  expect(existsSync(file)).toBe(false);
  expect(readdirSync(work).filter((name) => name.includes('.partial-'))).toEqual([]);
});

test('a size that disagrees with the registry is refused before reading', async () => {
  await expect(client().getBlob(digest, { size: 10 })).rejects.toMatchObject({ code: 'E_REGISTRY', message: expect.stringContaining('with 400000 bytes, but the manifest says 10') });
});

test('cut every time: E_NETWORK after the attempts allowed without progress', async () => {
  proxy.fault = (req) => (isBlobGet(req) ? { kind: 'cut-body', after: 0 } : undefined);
  await expect(client().getBlob(digest)).rejects.toMatchObject({ code: 'E_NETWORK', message: expect.stringContaining(`pulling blob ${digest}`) });
});
