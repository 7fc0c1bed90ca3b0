/**
 * The real @actions/artifact client against the emulator: uploads through Twirp + Azure blocks,
 * downloads within a run, and across runs through REST (`findBy`, 302 to the blob store).
 */
import { afterAll, afterEach, beforeAll, describe, expect, test } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSession, type ClientSession } from './client-session.js';
import {
  addRepo,
  addRun,
  addToken,
  applyEnv,
  createWorld,
  expireArtifact,
  type ApiToken,
  type WorkflowRun,
} from './emulators/index.js';

type ArtifactModule = typeof import('@actions/artifact');

const MiB = 1024 * 1024;

let session: ClientSession;
let artifacts: InstanceType<ArtifactModule['DefaultArtifactClient']>;
let producer: WorkflowRun;
let consumer: WorkflowRun;
let token: ApiToken;
let uploadDir: string;

beforeAll(async () => {
  const world = createWorld();
  addRepo(world, { owner: 'octo', name: 'app', workflows: ['ci.yml'] });
  producer = addRun(world, { repo: 'octo/app', headBranch: 'main' });
  consumer = addRun(world, { repo: 'octo/app', headBranch: 'feature', pullRequestNumber: 7, baseRef: 'main' });
  token = addToken(world);
  session = await openSession(world);
  const { DefaultArtifactClient } = await import('@actions/artifact');
  artifacts = new DefaultArtifactClient();
  uploadDir = join(session.dir, 'upload');
  mkdirSync(uploadDir);
});

afterAll(async () => {
  await session.close();
});

afterEach(() => {
  expect(session.emulator.failures).toEqual([]);
});

function blobPuts(since: number): string[] {
  return session.emulator.requests
    .filter((r) => r.seq > since && r.service === 'blob' && r.method === 'PUT')
    .map((r) => new URLSearchParams(r.query).get('comp') ?? 'put-blob');
}

function lastSeq(): number {
  return session.emulator.requests.at(-1)?.seq ?? 0;
}

function findBy(run: WorkflowRun) {
  return { token: token.token, workflowRunId: run.id, repositoryOwner: 'octo', repositoryName: 'app' };
}

test.each(['http://127.0.0.1:9', 'http://localhost:9'])('GITHUB_SERVER_URL=%s reads as GHES: the client refuses to work', async (url) => {
  session.actAs(producer);
  const restore = applyEnv({ GITHUB_SERVER_URL: url });
  try {
    writeFileSync(join(uploadDir, 'ghes.txt'), 'x');
    await expect(artifacts.uploadArtifact('ghes', [join(uploadDir, 'ghes.txt')], uploadDir)).rejects.toMatchObject({
      name: 'GHESNotSupportedError',
    });
  } finally {
    restore();
  }
});

describe('within one run', () => {
  let smallId: number;
  let largeId: number;
  const large = randomBytes(9 * MiB);

  test('a small upload is one Put Block and a Put Block List, finalized with its digest', async () => {
    session.actAs(producer);
    writeFileSync(join(uploadDir, 'report.txt'), 'hello from the producer\n');
    const before = lastSeq();
    const result = await artifacts.uploadArtifact('report', [join(uploadDir, 'report.txt')], uploadDir);
    smallId = result.id ?? -1;
    expect(blobPuts(before)).toEqual(['block', 'blocklist']);
    const stored = session.world.artifacts.find((a) => a.id === smallId);
    expect(stored).toMatchObject({ name: 'report', finalized: true, size: result.size, digest: `sha256:${result.digest}` });
    expect(session.world.blobs.get(stored?.blobKey ?? '')?.contentType).toBe('application/zip');
  });

  test('more than 8 MiB goes up as several blocks', async () => {
    writeFileSync(join(uploadDir, 'big.bin'), large);
    const before = lastSeq();
    const result = await artifacts.uploadArtifact('big', [join(uploadDir, 'big.bin')], uploadDir, { compressionLevel: 0 });
    largeId = result.id ?? -1;
    const puts = blobPuts(before);
    expect(puts.filter((p) => p === 'block').length).toBeGreaterThanOrEqual(2);
    expect(puts.at(-1)).toBe('blocklist');
    expect(result.size).toBeGreaterThan(8 * MiB);
  });

  test('lists both and downloads by id', async () => {
    const { artifacts: listed } = await artifacts.listArtifacts();
    expect(listed.map((a) => [a.name, a.id]).sort()).toEqual([
      ['big', largeId],
      ['report', smallId],
    ]);
    const target = join(session.dir, 'same-run');
    const { downloadPath } = await artifacts.downloadArtifact(largeId, { path: target });
    expect(readFileSync(join(downloadPath ?? '', 'big.bin')).equals(large)).toBe(true);
    await artifacts.downloadArtifact(smallId, { path: target });
    expect(readFileSync(join(target, 'report.txt'), 'utf8')).toBe('hello from the producer\n');
  });

  test('getArtifact finds one by name', async () => {
    const { artifact } = await artifacts.getArtifact('report');
    expect(artifact).toMatchObject({ id: smallId, name: 'report' });
  });

  test('a second upload under a taken name is refused with 409', async () => {
    const before = lastSeq();
    await expect(artifacts.uploadArtifact('report', [join(uploadDir, 'report.txt')], uploadDir)).rejects.toThrow(
      /\(409\).*already exists/,
    );
    expect(session.emulator.requests.filter((r) => r.seq > before).map((r) => r.status)).toEqual([409]);
  });

  test('skipArchive uploads the file as is; the download keeps its name', async () => {
    writeFileSync(join(uploadDir, 'summary.json'), '{"ok":true}');
    const result = await artifacts.uploadArtifact('ignored', [join(uploadDir, 'summary.json')], uploadDir, { skipArchive: true });
    const stored = session.world.artifacts.find((a) => a.id === result.id);
    expect(stored).toMatchObject({ name: 'summary.json', mimeType: 'application/json' });
    const target = join(session.dir, 'raw');
    await artifacts.downloadArtifact(result.id ?? -1, { path: target });
    expect(readFileSync(join(target, 'summary.json'), 'utf8')).toBe('{"ok":true}');
  });

  describe('from another run, through REST', () => {
    test('downloads by id with findBy (302 to the blob store)', async () => {
      session.actAs(consumer);
      const before = lastSeq();
      const target = join(session.dir, 'other-run');
      const { downloadPath } = await artifacts.downloadArtifact(largeId, { path: target, findBy: findBy(producer) });
      expect(readFileSync(join(downloadPath ?? '', 'big.bin')).equals(large)).toBe(true);
      const calls = session.emulator.requests.filter((r) => r.seq > before).map((r) => `${r.service} ${r.method} ${r.status}`);
      expect(calls).toEqual(['rest GET 302', 'blob GET 200']);
    });

    test('lists and gets by name with findBy', async () => {
      const { artifacts: listed } = await artifacts.listArtifacts({ findBy: findBy(producer) });
      expect(listed.map((a) => a.name).sort()).toEqual(['big', 'report', 'summary.json']);
      const { artifact } = await artifacts.getArtifact('report', { findBy: findBy(producer) });
      expect(artifact.id).toBe(smallId);
    });

    test('the consumer run sees none of them in its own listing', async () => {
      const { artifacts: own } = await artifacts.listArtifacts();
      expect(own).toEqual([]);
    });

    test('an expired artifact is a 410 the caller can recognise', async () => {
      expireArtifact(session.world, smallId);
      const error: unknown = await artifacts
        .downloadArtifact(smallId, { path: join(session.dir, 'expired'), findBy: findBy(producer) })
        .then(() => undefined, (e: unknown) => e);
      expect(error).toMatchObject({ name: 'HttpError', status: 410, message: expect.stringContaining('Artifact has expired') });
      const { artifacts: listed } = await artifacts.listArtifacts({ findBy: findBy(producer) });
      expect(listed.map((a) => a.name).sort()).toEqual(['big', 'report', 'summary.json']);
    });
  });
});
