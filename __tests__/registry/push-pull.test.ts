/**
 * vitsnap push / pull against a real docker-registry (distribution 2.8): the layout, dedup of
 * chunk blobs across pushes, reproducible digests, resumed pulls, and registry content that is not
 * what was pushed.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RegistryClient } from '../../src/oci/client.js';
import { parseReference } from '../../src/oci/reference.js';
import { ARTIFACT_TYPE, CHUNK_MEDIA_TYPE, OCI_INDEX, OCI_MANIFEST, RECORD_MEDIA_TYPE, SNAPSHOT_DIGEST_ANNOTATION, TITLE } from '../../src/registry/layout.js';
import { captureSnapshot } from '../../src/snapshot/capture.js';
import { parseJsonOutput, runVitsnap, runVitsnapOk } from '../helpers/cli.js';
import { startFaultProxy, startRegistry, startTokenServer, type FaultProxy, type RunningRegistry, type TokenServer } from '../helpers/registry.js';
import { seededBytes } from '../helpers/trees.js';

let registry: RunningRegistry;
let proxy: FaultProxy;
let basic: RunningRegistry;
let tokens: TokenServer;
let bearer: RunningRegistry;
const work = mkdtempSync(join(tmpdir(), 'vitsnap-push-'));
const EPOCH = new Date('2024-01-02T03:04:05Z');
const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

beforeAll(async () => {
  registry = await startRegistry();
  proxy = await startFaultProxy(registry.port);
  basic = await startRegistry({ kind: 'htpasswd', users: { ci: 'hunter2' } });
  tokens = await startTokenServer({ ci: 'token-pass' });
  bearer = await startRegistry({ kind: 'token', realm: tokens.realm, service: tokens.service, issuer: tokens.issuer, certPath: tokens.certPath });
});
afterAll(async () => {
  await proxy.stop();
  await registry.stop();
  await basic.stop();
  await bearer.stop();
  await tokens.stop();
  rmSync(work, { recursive: true, force: true });
});

/** 80 files; `changed` of them differ from build 0. */
async function build(name: string, changed: number): Promise<string> {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < 80; i++) {
    const path = join(dir, `f${i}.${i % 2 === 0 ? 'txt' : 'bin'}`);
    writeFileSync(path, seededBytes(4096 + i * 512, i < changed ? 500 + i : i, i % 2 === 0));
    utimesSync(path, EPOCH, EPOCH);
  }
  const file = join(work, `${name}.vitsnap`);
  await captureSnapshot({ root: dir, patterns: [], output: file, workers: 0, metadata: null, sourceDateEpoch: '1700000000' });
  return file;
}

function env(store: string): NodeJS.ProcessEnv {
  return { ...process.env, VITSNAP_STORE: join(work, store) };
}

describe('push and pull', () => {
  let main: string;
  let pr: string;

  it('pushes a snapshot as an index of manifests that pull turns back into the same file', async () => {
    main = await build('main', 0);
    const ref = `oci://${registry.host}/acme/app-vitsnap:main`;
    const pushed = parseJsonOutput(await runVitsnapOk(['push', main, ref, '--json'], { env: env('s1') })) as { id: string; indexDigest: string; uploaded: number; chunks: number };
    expect(pushed.id).toBe(sha256(readFileSync(main)));
    expect(pushed.uploaded).toBe(pushed.chunks);

    // The layout, as another OCI client sees it.
    const client = new RegistryClient(parseReference(`oci://${registry.host}/acme/app-vitsnap`, { allowMissingTag: true }));
    try {
      const index = JSON.parse((await client.getManifest('main')).bytes.toString()) as {
        mediaType: string;
        artifactType: string;
        manifests: { digest: string }[];
        annotations: Record<string, string>;
      };
      expect(index.mediaType).toBe(OCI_INDEX);
      expect(index.artifactType).toBe(ARTIFACT_TYPE);
      expect(index.annotations).toEqual({ [SNAPSHOT_DIGEST_ANNOTATION]: pushed.id, 'org.opencontainers.image.created': '2023-11-14T22:13:20.000Z' });
      const first = JSON.parse((await client.getManifest(index.manifests[0]?.digest ?? '')).bytes.toString()) as { mediaType: string; config: { mediaType: string } };
      expect(first.mediaType).toBe(OCI_MANIFEST);
      expect(first.config.mediaType).toBe(RECORD_MEDIA_TYPE);
      const chunks = JSON.parse((await client.getManifest(index.manifests[1]?.digest ?? '')).bytes.toString()) as { layers: { mediaType: string; annotations: Record<string, string> }[] };
      expect(chunks.layers).toHaveLength(pushed.chunks);
      expect(chunks.layers.every((l) => l.mediaType === CHUNK_MEDIA_TYPE && /^[0-9a-f]{64}$/.test(l.annotations[TITLE] ?? ''))).toBe(true);
    } finally {
      client.close();
    }

    // From another machine's store: the same file, byte for byte.
    const out = join(work, 'pulled-main.vitsnap');
    const pulled = await runVitsnapOk(['pull', ref, '-o', out, '--name', 'main'], { env: env('s2') });
    expect(pulled.stdout).toMatch(new RegExp(`^pulled ${pushed.id.slice(0, 12)} \\(main\\): \\d+ chunks, ${pushed.chunks} fetched`));
    expect(readFileSync(out).equals(readFileSync(main))).toBe(true);

    // Pushing the same snapshot again, from another store, gives the same digest and sends nothing.
    const again = parseJsonOutput(await runVitsnapOk(['push', main, `oci://${registry.host}/acme/app-vitsnap:again`, '--json'], { env: env('s3') })) as { indexDigest: string; uploaded: number };
    expect(again.indexDigest).toBe(pushed.indexDigest);
    expect(again.uploaded).toBe(0);
  });

  it('sends only the chunks the registry lacks, and pull fetches only those the store lacks', async () => {
    pr = await build('pr', 2);
    const ref = `oci://${registry.host}/acme/app-vitsnap:pr-1`;
    const proxied = `oci://${proxy.host}/acme/app-vitsnap:pr-1`;
    proxy.log.length = 0;
    const pushed = parseJsonOutput(await runVitsnapOk(['push', pr, proxied, '--base', 'main', '--json'], { env: env('s1') })) as { uploaded: number; present: number; uploadedBytes: number; snapshotBytes: number };
    expect(pushed.uploaded).toBe(2);
    expect(pushed.uploadedBytes / pushed.snapshotBytes).toBeLessThan(0.05);
    // The chunks --base main lists were not even asked about: HEADs only for the two new ones.
    expect(proxy.log.filter((r) => r.method === 'HEAD' && r.url.includes('/blobs/')).length).toBeLessThanOrEqual(4);

    const result = await runVitsnapOk(['pull', ref, '--name', 'pr', '--json'], { env: env('s2') });
    expect(parseJsonOutput(result)).toMatchObject({ fetched: 2 });
    const diff = await runVitsnap(['diff', 'store:main', 'store:pr', '--json'], { env: env('s2') });
    expect((JSON.parse(diff.stdout) as { counts: { modified: number } }).counts.modified).toBe(2);
  });

  it('reads oci:// directly: info fetches no chunk, diff only the changed files, restore all', async () => {
    const main = `oci://${proxy.host}/acme/app-vitsnap:main`;
    const prRef = `oci://${proxy.host}/acme/app-vitsnap:pr-1`;
    const chunkGets = (): number => proxy.log.filter((r) => r.method === 'GET' && r.url.includes('/blobs/sha256:')).length;
    proxy.log.length = 0;
    const info = await runVitsnapOk(['info', main], { env: env('s8') });
    expect(info.stdout).toContain(`snapshot   ${main}`);
    expect(chunkGets()).toBe(1); // the record only
    proxy.log.length = 0;
    const diff = await runVitsnap(['diff', main, prRef, '--json'], { env: env('s8') });
    expect(diff.code).toBe(1);
    expect((JSON.parse(diff.stdout) as { counts: { modified: number } }).counts.modified).toBe(2);
    expect(chunkGets()).toBe(2 + 4); // two records, and the two changed files on each side
    const out = join(work, 'oci-restored');
    await runVitsnapOk(['restore', prRef, '-C', out], { env: env('s8') });
    expect(readFileSync(join(out, 'f0.txt')).equals(readFileSync(join(work, 'pr', 'f0.txt')))).toBe(true);
    // Nothing of the reads is left behind as a snapshot of the store.
    expect((parseJsonOutput(await runVitsnapOk(['store', 'ls', '--json'], { env: env('s8') })) as { snapshots: unknown[] }).snapshots).toEqual([]);
  });

  it('attaches a snapshot to an image with --subject, through the sha256-<hex> tag on a registry without the referrers API', async () => {
    const client = new RegistryClient(parseReference(`oci://${registry.host}/acme/image`, { allowMissingTag: true }));
    let imageDigest: string;
    try {
      const config = Buffer.from('{"architecture":"amd64","os":"linux"}');
      const configDigest = `sha256:${sha256(config)}`;
      await client.pushBlob(configDigest, config.length, () => config);
      const image = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: OCI_MANIFEST, config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: configDigest, size: config.length }, layers: [] }));
      imageDigest = await client.putManifest('v1', image, OCI_MANIFEST);
      expect(await client.referrers(imageDigest)).toBeNull(); // distribution 2.8: no referrers API
    } finally {
      client.close();
    }
    const pushed = parseJsonOutput(await runVitsnapOk(['push', main, `oci://${registry.host}/acme/image:snapshot-v1`, '--subject', imageDigest, '--json'], { env: env('s11') })) as { indexDigest: string };
    const check = new RegistryClient(parseReference(`oci://${registry.host}/acme/image`, { allowMissingTag: true }));
    try {
      const fallback = JSON.parse((await check.getManifest(imageDigest.replace(':', '-'))).bytes.toString()) as { manifests: { digest: string; artifactType: string }[] };
      expect(fallback.manifests).toEqual([expect.objectContaining({ digest: pushed.indexDigest, artifactType: ARTIFACT_TYPE })]);
      const index = JSON.parse((await check.getManifest('snapshot-v1')).bytes.toString()) as { subject: { digest: string } };
      expect(index.subject.digest).toBe(imageDigest);
    } finally {
      check.close();
    }
    // Pulling the image's own tag finds the snapshot attached to it.
    const out = join(work, 'attached.vitsnap');
    await runVitsnapOk(['pull', `oci://${registry.host}/acme/image:v1`, '-o', out], { env: env('s12') });
    expect(readFileSync(out).equals(readFileSync(main))).toBe(true);
  });

  it('mounts chunks from another repository of the registry instead of uploading them', async () => {
    const ref = `oci://${registry.host}/acme/other-app:main`;
    const pushed = parseJsonOutput(await runVitsnapOk(['push', main, ref, '--mount-from', 'acme/app-vitsnap', '--json'], { env: env('s9') })) as { chunks: number; mounted: number; uploadedBytes: number };
    expect(pushed.mounted).toBe(pushed.chunks);
    expect(pushed.uploadedBytes).toBe(0);
    const out = join(work, 'mounted.vitsnap');
    await runVitsnapOk(['pull', ref, '-o', out], { env: env('s10') });
    expect(readFileSync(out).equals(readFileSync(main))).toBe(true);
  });

  it('resumes a pull that failed part-way without fetching again what it has', async () => {
    const ref = `oci://${proxy.host}/acme/app-vitsnap:main`;
    // Every attempt at one chunk blob is refused: the pull fails after its retries.
    let victim = '';
    proxy.log.length = 0;
    proxy.fault = (req) => {
      if (req.method !== 'GET' || !req.url.includes('/blobs/sha256:')) return undefined;
      if (victim === '' && proxy.log.filter((r) => r.url.includes('/blobs/')).length > 5) victim = req.url;
      return req.url === victim ? { kind: 'status', status: 503 } : undefined;
    };
    const failed = await runVitsnap(['pull', ref, '--name', 'main'], { env: { ...env('s4'), VITSNAP_DEBUG: '' } });
    expect(failed.code).toBe(2);
    expect(failed.stderr).toContain('E_NETWORK');
    proxy.fault = () => undefined;
    proxy.log.length = 0;
    const resumed = parseJsonOutput(await runVitsnapOk(['pull', ref, '--name', 'main', '--json'], { env: env('s4') })) as { fetched: number; chunks: number };
    expect(resumed.fetched).toBeGreaterThan(0);
    expect(resumed.fetched).toBeLessThan(resumed.chunks);
    expect(proxy.log.filter((r) => r.method === 'GET' && r.url.includes('/blobs/sha256:')).length).toBe(resumed.fetched + 1); // + the record
  });

  it('refuses registry content that is not what was pushed', async () => {
    const client = new RegistryClient(parseReference(`oci://${registry.host}/acme/app-vitsnap`, { allowMissingTag: true }));
    try {
      // A tag holding some other artifact.
      const config = Buffer.from('{}');
      const configDigest = `sha256:${sha256(config)}`;
      await client.pushBlob(configDigest, config.length, () => config);
      const other = Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: OCI_MANIFEST, artifactType: 'application/vnd.example', config: { mediaType: 'application/vnd.oci.empty.v1+json', digest: configDigest, size: 2 }, layers: [{ mediaType: 'application/vnd.oci.empty.v1+json', digest: configDigest, size: 2 }] }));
      await client.putManifest('other', other, OCI_MANIFEST);
      const notOurs = await runVitsnap(['pull', `oci://${registry.host}/acme/app-vitsnap:other`], { env: env('s5') });
      expect(notOurs.code).toBe(2);
      expect(notOurs.stderr).toContain("E_CORRUPT: the registry's copy is not a vitsnap snapshot");

      // An index that claims another snapshot's id than its content rebuilds to.
      const index = JSON.parse((await client.getManifest('pr-1')).bytes.toString()) as { annotations: Record<string, string> };
      index.annotations[SNAPSHOT_DIGEST_ANNOTATION] = sha256(readFileSync(main));
      await client.putManifest('forged', Buffer.from(JSON.stringify(index)), OCI_INDEX);
    } finally {
      client.close();
    }
    const out = join(work, 'forged.vitsnap');
    const forged = await runVitsnap(['pull', `oci://${registry.host}/acme/app-vitsnap:forged`, '-o', out], { env: env('s5') });
    expect(forged.code).toBe(2);
    expect(forged.stderr).toContain('E_CHECKSUM');
    expect(forged.stderr).toContain('does not match what was pushed');
    expect(() => readFileSync(out)).toThrow(); // nothing half-written
    const listed = await runVitsnapOk(['store', 'ls', '--json'], { env: env('s5') });
    expect((parseJsonOutput(listed) as { snapshots: unknown[] }).snapshots).toEqual([]);
  });

  it('authenticates with VITSNAP_REGISTRY_USER/PASSWORD and says what to do without them', async () => {
    const ref = `oci://${basic.host}/acme/app:main`;
    const anonymous = await runVitsnap(['push', main, ref], { env: env('s6') });
    expect(anonymous.code).toBe(2);
    expect(anonymous.stderr).toContain('E_AUTH');
    expect(anonymous.stderr).toContain('VITSNAP_REGISTRY_USER');
    await runVitsnapOk(['push', main, ref], { env: { ...env('s6'), VITSNAP_REGISTRY_USER: 'ci', VITSNAP_REGISTRY_PASSWORD: 'hunter2' } });
    const out = join(work, 'basic.vitsnap');
    await runVitsnapOk(['pull', ref, '-o', out], { env: { ...env('s7'), VITSNAP_REGISTRY_USER: 'ci', VITSNAP_REGISTRY_PASSWORD: 'hunter2' } });
    expect(readFileSync(out).equals(readFileSync(main))).toBe(true);
  });

  it('pushes and pulls through a Bearer token flow, with the docker config credentials', async () => {
    const ref = `oci://${bearer.host}/acme/app:main`;
    const home = join(work, 'home');
    mkdirSync(join(home, '.docker'), { recursive: true });
    writeFileSync(join(home, '.docker', 'config.json'), JSON.stringify({ auths: { [bearer.host]: { auth: Buffer.from('ci:token-pass').toString('base64') } } }));
    const withLogin = { ...env('s13'), HOME: home, DOCKER_CONFIG: '' };
    const pushed = parseJsonOutput(await runVitsnapOk(['push', main, ref, '--json'], { env: withLogin })) as { uploaded: number; chunks: number };
    expect(pushed.uploaded).toBe(pushed.chunks);
    // The real registry checked our tokens; the token server saw the scopes push needs.
    expect(tokens.requests.some((r) => r.user === 'ci' && r.scopes.includes('repository:acme/app:pull,push'))).toBe(true);
    const out = join(work, 'bearer.vitsnap');
    await runVitsnapOk(['pull', ref, '-o', out], { env: { ...env('s14'), HOME: home, DOCKER_CONFIG: '' } });
    expect(readFileSync(out).equals(readFileSync(main))).toBe(true);
  });
});
