/**
 * One injected 500 and one dropped connection on each service, against the real clients, to pin
 * down which client retries what. The waits are the clients' own and cannot be configured from
 * outside: Twirp clients 3 s before their first retry, @actions/artifact's blob download 5 s,
 * @actions/cache's blob download 5 s, @octokit/plugin-retry (inside @actions/artifact) 1 s,
 * the Azure SDK 0 s before its first retry.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSession, type ClientSession } from './client-session.js';
import { addComment, addRepo, addRun, addToken, createWorld, type ApiToken, type FaultSpec, type WorkflowRun } from './emulators/index.js';

type ArtifactModule = typeof import('@actions/artifact');
type CacheModule = typeof import('@actions/cache');
type GitHubModule = typeof import('@actions/github');

let session: ClientSession;
let artifacts: InstanceType<ArtifactModule['DefaultArtifactClient']>;
let cache: CacheModule;
let github: GitHubModule;
let run: WorkflowRun;
let otherRun: WorkflowRun;
let token: ApiToken;
let uploadDir: string;
let uploads = 0;

beforeAll(async () => {
  const world = createWorld();
  addRepo(world, { owner: 'octo', name: 'app', workflows: ['ci.yml'] });
  run = addRun(world, { repo: 'octo/app', headBranch: 'main' });
  otherRun = addRun(world, { repo: 'octo/app', headBranch: 'feature', pullRequestNumber: 3, baseRef: 'main' });
  addComment(world, { repo: 'octo/app', issueNumber: 3, body: 'hello' });
  token = addToken(world);
  session = await openSession(world);
  const { DefaultArtifactClient } = await import('@actions/artifact');
  artifacts = new DefaultArtifactClient();
  cache = await import('@actions/cache');
  github = await import('@actions/github');
  uploadDir = join(session.dir, 'upload');
  mkdirSync(uploadDir);
  writeFileSync(join(uploadDir, 'file.txt'), 'payload');
});

afterAll(async () => {
  await session.close();
});

beforeEach(() => {
  session.actAs(run);
});

afterEach(() => {
  session.emulator.clearFaults();
  expect(session.emulator.failures).toEqual([]);
});

/** Injects a fault and returns the statuses of matching requests made by `action`, in order. */
async function statusesDuring(spec: FaultSpec, matching: (path: string, query: string) => boolean, action: () => Promise<unknown>) {
  const rule = session.emulator.injectFault(spec);
  const before = session.emulator.requests.at(-1)?.seq ?? 0;
  let outcome: unknown;
  try {
    await action();
  } catch (error) {
    outcome = error;
  }
  expect(rule.hits).toBe(spec.times ?? 1);
  const statuses = session.emulator.requests
    .filter((r) => r.seq > before && r.service === spec.service && matching(r.path, r.query))
    .map((r) => r.status);
  return { statuses, error: outcome };
}

function upload(): Promise<unknown> {
  uploads++;
  return artifacts.uploadArtifact(`artifact-${uploads}`, [join(uploadDir, 'file.txt')], uploadDir);
}

const isPutBlock = (_: string, query: string) => /[?&]comp=block(&|$)/.test(query);

describe('artifact service (Twirp)', () => {
  test('a 500 is retried (after 3 s) and the upload succeeds', async () => {
    const { statuses, error } = await statusesDuring(
      { service: 'artifact', route: 'CreateArtifact', status: 500 },
      (path) => path.endsWith('/CreateArtifact'),
      upload,
    );
    expect(error).toBeUndefined();
    expect(statuses).toEqual([500, 200]);
  });

  test('a dropped connection is not retried: the NetworkError (ECONNRESET) is rethrown as a plain Error', async () => {
    const { statuses, error } = await statusesDuring(
      { service: 'artifact', route: 'CreateArtifact', drop: true },
      (path) => path.endsWith('/CreateArtifact'),
      upload,
    );
    expect(statuses).toEqual(['dropped']);
    // The Twirp wrapper re-wraps it: only the message says what happened.
    expect(error).toMatchObject({
      name: 'Error',
      message: expect.stringMatching(/^Failed to CreateArtifact: Unable to make request: ECONNRESET/),
    });
  });
});

describe('blob service', () => {
  test('upload: a 500 on Put Block is retried at once by the Azure SDK', async () => {
    const spec = { service: 'blob', method: 'PUT', route: /[?&]comp=block(&|$)/, status: 500 } as const;
    const { statuses, error } = await statusesDuring(spec, isPutBlock, upload);
    expect(error).toBeUndefined();
    expect(statuses).toEqual([500, 201]);
  });

  test('upload: a dropped Put Block is retried at once by the Azure SDK', async () => {
    const spec = { service: 'blob', method: 'PUT', route: /[?&]comp=block(&|$)/, drop: true } as const;
    const { statuses, error } = await statusesDuring(spec, isPutBlock, upload);
    expect(error).toBeUndefined();
    expect(statuses).toEqual(['dropped', 201]);
  });

  describe('artifact download', () => {
    let id: number;
    beforeAll(async () => {
      session.actAs(run);
      writeFileSync(join(uploadDir, 'file.txt'), 'download me');
      const result = await artifacts.uploadArtifact('to-download', [join(uploadDir, 'file.txt')], uploadDir);
      id = result.id ?? -1;
    });

    test.each([
      ['a 500', { status: 500 }, 500],
      ['a dropped connection', { drop: true }, 'dropped'],
    ] as const)('%s on the GET is retried (after 5 s)', async (_, fault, first) => {
      const target = join(session.dir, `download-${String(first)}`);
      const { statuses, error } = await statusesDuring({ service: 'blob', method: 'GET', ...fault }, () => true, () =>
        artifacts.downloadArtifact(id, { path: target }),
      );
      expect(error).toBeUndefined();
      expect(statuses).toEqual([first, 200]);
      expect(readFileSync(join(target, 'file.txt'), 'utf8')).toBe('download me');
    });
  });
});

describe('cache service', () => {
  const dir = (): string => join(session.workspace, 'cached');
  let saved = 0;

  async function saveFresh(): Promise<string> {
    saved++;
    const key = `fault-${saved}`;
    rmSync(dir(), { recursive: true, force: true });
    mkdirSync(dir());
    writeFileSync(join(dir(), 'data.txt'), key);
    expect(await cache.saveCache([dir()], key)).toBeGreaterThan(0);
    rmSync(dir(), { recursive: true, force: true });
    return key;
  }

  const isLookup = (path: string) => path.endsWith('/GetCacheEntryDownloadURL');

  test('Twirp: a 500 is retried (after 3 s) and the restore hits', async () => {
    const key = await saveFresh();
    const { statuses } = await statusesDuring({ service: 'cache', route: 'GetCacheEntryDownloadURL', status: 500 }, isLookup, async () => {
      expect(await cache.restoreCache([dir()], key)).toBe(key);
    });
    expect(statuses).toEqual([500, 200]);
  });

  test('Twirp: a dropped connection is not retried: the restore warns and misses', async () => {
    const key = await saveFresh();
    const outputBefore = session.output.length;
    const { statuses } = await statusesDuring({ service: 'cache', route: 'GetCacheEntryDownloadURL', drop: true }, isLookup, async () => {
      expect(await cache.restoreCache([dir()], key)).toBeUndefined();
    });
    expect(statuses).toEqual(['dropped']);
    expect(session.output.slice(outputBefore).join('')).toMatch(
      /::warning::Failed to restore: Failed to GetCacheEntryDownloadURL: Unable to make request: ECONNRESET/,
    );
  });

  test('Twirp: a 429 is not retried either (rate limit): miss with a warning', async () => {
    const key = await saveFresh();
    const { statuses } = await statusesDuring({ service: 'cache', route: 'GetCacheEntryDownloadURL', status: 429 }, isLookup, async () => {
      expect(await cache.restoreCache([dir()], key)).toBeUndefined();
    });
    expect(statuses).toEqual([429]);
  });

  test.each([
    ['a 500', { status: 500 }, 500],
    ['a dropped connection', { drop: true }, 'dropped'],
  ] as const)('blob upload: %s on Put Blob is retried at once by the Azure SDK', async (_, fault, first) => {
    const { statuses } = await statusesDuring({ service: 'blob', method: 'PUT', ...fault }, () => true, saveFresh);
    expect(statuses).toEqual([first, 201]);
  });

  test.each([
    ['a dropped connection', { drop: true }, 'dropped'],
    ['a 503', { status: 503 }, 503],
  ] as const)('blob download: %s is retried (after 5 s) and the restore hits', async (_, fault, first) => {
    const key = await saveFresh();
    const { statuses } = await statusesDuring({ service: 'blob', method: 'GET', ...fault }, () => true, async () => {
      expect(await cache.restoreCache([dir()], key)).toBe(key);
    });
    expect(statuses).toEqual([first, 200]);
    expect(readFileSync(join(dir(), 'data.txt'), 'utf8')).toBe(key);
  });

  test('blob download: a 500 is not retried (only 502/503/504 are): miss with a warning', async () => {
    const key = await saveFresh();
    const outputBefore = session.output.length;
    const { statuses } = await statusesDuring({ service: 'blob', method: 'GET', status: 500 }, () => true, async () => {
      expect(await cache.restoreCache([dir()], key)).toBeUndefined();
    });
    expect(statuses).toEqual([500]);
    expect(session.output.slice(outputBefore).join('')).toMatch(
      /Failed to restore: downloadCache failed: Cache service responded with 500/,
    );
  });
});

describe('REST', () => {
  const findBy = () => ({ token: token.token, workflowRunId: run.id, repositoryOwner: 'octo', repositoryName: 'app' });
  const isListing = (path: string) => path.endsWith('/artifacts');

  test.each([
    ['a 500', { status: 500 }, 500],
    ['a dropped connection', { drop: true }, 'dropped'],
  ] as const)('@actions/artifact findBy listing: %s is retried (after 1 s) by its plugin-retry', async (_, fault, first) => {
    session.actAs(otherRun);
    let names: string[] = [];
    const { statuses, error } = await statusesDuring({ service: 'rest', route: /\/artifacts$/, ...fault }, isListing, async () => {
      names = (await artifacts.listArtifacts({ findBy: findBy() })).artifacts.map((a) => a.name);
    });
    expect(error).toBeUndefined();
    expect(statuses).toEqual([first, 200]);
    expect(names).toContain('to-download');
  });

  test('@actions/artifact findBy download: the /zip redirect is not retried (plain getOctokit)', async () => {
    session.actAs(otherRun);
    const id = session.world.artifacts.find((a) => a.name === 'to-download')?.id ?? -1;
    const { statuses, error } = await statusesDuring({ service: 'rest', route: /\/zip$/, status: 500 }, (p) => p.endsWith('/zip'), () =>
      artifacts.downloadArtifact(id, { path: join(session.dir, 'rest-fault'), findBy: findBy() }),
    );
    expect(statuses).toEqual([500]);
    expect(error).toMatchObject({ name: 'HttpError', status: 500 });
  });

  test.each([
    ['a 500', { status: 500 }, 500, 'Server Error'],
    ['a dropped connection', { drop: true }, 'dropped', 'other side closed'],
  ] as const)('Octokit from @actions/github has no retry plugin: %s surfaces as an HttpError', async (_, fault, first, message) => {
    const octokit = github.getOctokit(token.token);
    const list = () => octokit.paginate(octokit.rest.issues.listComments, { owner: 'octo', repo: 'app', issue_number: 3 });
    const { statuses, error } = await statusesDuring({ service: 'rest', route: '/comments', ...fault }, (p) => p.endsWith('/comments'), list);
    expect(statuses).toEqual([first]);
    expect(error).toMatchObject({ name: 'HttpError', status: 500, message: expect.stringContaining(message) });
  });
});
