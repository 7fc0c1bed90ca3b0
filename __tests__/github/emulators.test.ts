/**
 * The emulators on their own, over raw HTTP: the protocol details the real clients depend on
 * (or that GitHub enforces) but that the client tests would only show indirectly.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { createHash } from 'node:crypto';
import {
  addArtifact,
  addCacheEntry,
  addRepo,
  addRun,
  addToken,
  ARTIFACT_SERVICE,
  CACHE_SERVICE,
  CachePermission,
  createWorld,
  decodeRuntimeToken,
  defaultCacheScopes,
  findCacheEntry,
  mintRuntimeToken,
  runnerEnv,
  runtimeTokenFor,
  signBlobUrl,
  startEmulator,
  type ApiToken,
  type Emulator,
  type World,
  type WorkflowRun,
} from './emulators/index.js';
import { createFaultRule, takeFault } from './emulators/faults.js';

let now = Date.parse('2025-06-01T00:00:00Z');
let world: World;
let emulator: Emulator;
let run: WorkflowRun;
let otherRun: WorkflowRun;
let writer: ApiToken;
let reader: ApiToken;

beforeAll(async () => {
  world = createWorld({ now: () => new Date(now) });
  addRepo(world, { owner: 'octo', name: 'app', workflows: ['ci.yml'] });
  run = addRun(world, { repo: 'octo/app', headBranch: 'main' });
  otherRun = addRun(world, { repo: 'octo/app', headBranch: 'dev' });
  writer = addToken(world);
  reader = addToken(world, { access: 'read-only' });
  emulator = await startEmulator(world);
});

afterAll(async () => {
  await emulator.close();
});

function twirp(service: string, method: string, body: unknown, token = runtimeTokenFor(world, run)): Promise<Response> {
  return fetch(new URL(`twirp/${service}/${method}`, emulator.urls.results), {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
  });
}

/** A well-formed runtime token for a run the world does not have. */
function strangerToken(): string {
  const issuedAt = new Date(now);
  return mintRuntimeToken({ runBackendId: 'nope', jobBackendId: 'j', cacheScopes: [], issuedAt, expiresAt: new Date(now + 60_000) });
}

function rest(path: string, init: RequestInit & { token?: string } = {}): Promise<Response> {
  const headers = new Headers(init.headers);
  if (init.token !== '') headers.set('authorization', `token ${init.token ?? writer.token}`);
  return fetch(`${emulator.urls.api}${path}`, { ...init, headers });
}

describe('runtime token', () => {
  test('round-trips the Results scope and the cache scopes', () => {
    const scopes = [{ scope: 'refs/heads/main', permission: CachePermission.readWrite }];
    const token = mintRuntimeToken({
      runBackendId: 'run-uuid',
      jobBackendId: 'job-uuid',
      cacheScopes: scopes,
      issuedAt: new Date(now),
      expiresAt: new Date(now + 3600_000),
    });
    const payload = JSON.parse(Buffer.from(token.split('.')[1], 'base64url').toString('utf8')) as Record<string, unknown>;
    expect(payload.scp).toContain('Actions.Results:run-uuid:job-uuid');
    // `ac` is a JSON string inside the JSON payload, as in the runner's tokens.
    expect(payload.ac).toBe('[{"Scope":"refs/heads/main","Permission":3}]');
    expect(decodeRuntimeToken(token)).toMatchObject({ runBackendId: 'run-uuid', jobBackendId: 'job-uuid', cacheScopes: scopes });
  });

  test('refuses tokens without a Results scope', () => {
    const header = Buffer.from('{"alg":"none"}').toString('base64url');
    const payload = Buffer.from(JSON.stringify({ scp: 'Actions.GenericRead:x', exp: 1 })).toString('base64url');
    expect(decodeRuntimeToken(`${header}.${payload}.`)).toBeUndefined();
    expect(decodeRuntimeToken('not a jwt')).toBeUndefined();
  });

  test('a pull request run reads its base and the default branch, writes only its own ref', () => {
    const pr = addRun(world, { repo: 'octo/app', headBranch: 'topic', pullRequestNumber: 9, baseRef: 'release' });
    expect(pr.ref).toBe('refs/pull/9/merge');
    expect(defaultCacheScopes(world, pr)).toEqual([
      { scope: 'refs/pull/9/merge', permission: 3 },
      { scope: 'refs/heads/release', permission: 1 },
      { scope: 'refs/heads/main', permission: 1 },
    ]);
  });
});

describe('Twirp', () => {
  test.each([
    ['an unknown method', () => twirp(ARTIFACT_SERVICE, 'MigrateArtifact', {}), 404, 'bad_route'],
    ['an unknown service', () => twirp('github.actions.results.api.v1.Nope', 'X', {}), 404, 'bad_route'],
    ['no token', () => twirp(ARTIFACT_SERVICE, 'ListArtifacts', {}, ''), 401, 'unauthenticated'],
    ['a token of an unknown run', () => twirp(ARTIFACT_SERVICE, 'ListArtifacts', {}, strangerToken()), 401, 'unauthenticated'],
    [
      "another run's ids",
      () => twirp(ARTIFACT_SERVICE, 'ListArtifacts', { workflow_run_backend_id: otherRun.backendId, workflow_job_run_backend_id: 'j' }),
      403,
      'permission_denied',
    ],
    ['a GET', () => fetch(new URL(`twirp/${ARTIFACT_SERVICE}/ListArtifacts`, emulator.urls.results)), 404, 'bad_route'],
    [
      'malformed JSON',
      () =>
        fetch(new URL(`twirp/${CACHE_SERVICE}/CreateCacheEntry`, emulator.urls.results), {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${runtimeTokenFor(world, run)}` },
          body: '{',
        }),
      400,
      'malformed',
    ],
  ])('%s is a JSON error', async (_, call, status, code) => {
    const response = await call();
    expect(response.status).toBe(status);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(await response.json()).toMatchObject({ code, msg: expect.any(String) });
  });

  test('an expired runtime token is unauthenticated', async () => {
    const token = runtimeTokenFor(world, run, { lifetimeSeconds: 60 });
    now += 120_000;
    const response = await twirp(ARTIFACT_SERVICE, 'ListArtifacts', {}, token);
    expect(response.status).toBe(401);
  });

  test('ListArtifacts answers snake_case fields with int64s as strings', async () => {
    const artifact = addArtifact(world, run, { name: 'seeded', content: Buffer.from('zip') });
    const token = runtimeTokenFor(world, run);
    const ids = { workflow_run_backend_id: run.backendId, workflow_job_run_backend_id: decodeRuntimeToken(token)?.jobBackendId };
    const response = await twirp(ARTIFACT_SERVICE, 'ListArtifacts', { ...ids, name_filter: 'seeded' }, token);
    expect(await response.json()).toEqual({
      artifacts: [
        {
          workflow_run_backend_id: run.backendId,
          workflow_job_run_backend_id: artifact.jobBackendId,
          database_id: String(artifact.id),
          name: 'seeded',
          size: '3',
          created_at: artifact.createdAt.toISOString(),
          digest: `sha256:${createHash('sha256').update('zip').digest('hex')}`,
        },
      ],
    });
  });

  test('FinalizeArtifact checks the uploaded size and sha256 hash', async () => {
    const token = runtimeTokenFor(world, run);
    const ids = { workflow_run_backend_id: run.backendId, workflow_job_run_backend_id: decodeRuntimeToken(token)?.jobBackendId };
    const created = (await (await twirp(ARTIFACT_SERVICE, 'CreateArtifact', { ...ids, name: 'checked', version: 7 }, token)).json()) as {
      ok: boolean;
      signed_upload_url: string;
    };
    expect(created.ok).toBe(true);
    const put = await fetch(created.signed_upload_url, { method: 'PUT', headers: { 'x-ms-blob-type': 'BlockBlob' }, body: 'content' });
    expect(put.status).toBe(201);
    const finalize = (size: string, hash: string) =>
      twirp(ARTIFACT_SERVICE, 'FinalizeArtifact', { ...ids, name: 'checked', size, hash }, token);
    const digest = `sha256:${createHash('sha256').update('content').digest('hex')}`;
    expect(await (await finalize('7', 'sha256:0000')).json()).toMatchObject({
      code: 'invalid_argument',
      msg: expect.stringContaining('does not match'),
    });
    expect((await finalize('8', digest)).status).toBe(400);
    const ok = await finalize('7', digest);
    expect(await ok.json()).toEqual({ ok: true, artifact_id: expect.stringMatching(/^\d+$/) });
  });

  test('CreateArtifact refuses the pre-v4 protocol', async () => {
    const token = runtimeTokenFor(world, run);
    const ids = { workflow_run_backend_id: run.backendId, workflow_job_run_backend_id: decodeRuntimeToken(token)?.jobBackendId };
    const response = await twirp(ARTIFACT_SERVICE, 'CreateArtifact', { ...ids, name: 'old', version: 3 }, token);
    expect(response.status).toBe(400);
  });
});

describe('cache matching', () => {
  test("the run's own scope is searched fully (prefixes too) before a base scope's exact key", () => {
    const content = Buffer.from('tar');
    addCacheEntry(world, { repo: 'octo/app', scope: 'refs/heads/main', key: 'npm-abc', version: 'v1', content });
    const own = addCacheEntry(world, { repo: 'octo/app', scope: 'refs/heads/dev', key: 'npm-old', version: 'v1', content });
    addCacheEntry(world, { repo: 'octo/app', scope: 'refs/heads/dev', key: 'npm-abc', version: 'v2', content });
    expect(findCacheEntry(world, 'octo/app', ['refs/heads/dev', 'refs/heads/main'], 'npm-abc', ['npm-'], 'v1')).toBe(own);
    expect(findCacheEntry(world, 'octo/app', ['refs/heads/main'], 'npm-abc', [], 'v1')?.scope).toBe('refs/heads/main');
    expect(findCacheEntry(world, 'octo/app', ['refs/heads/dev'], 'npm-abc', [], 'v3')).toBeUndefined();
  });

  test('a miss is ok: false with a 200', async () => {
    const token = runtimeTokenFor(world, run);
    const response = await twirp(CACHE_SERVICE, 'GetCacheEntryDownloadURL', { key: 'absent', version: 'v1' }, token);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: false, signed_download_url: '', matched_key: '' });
  });
});

describe('blob store', () => {
  const key = 'actions-results/test/blob';
  const upload = () => signBlobUrl({ world, urls: emulator.urls }, key, 'cw', 60_000);
  const download = () => signBlobUrl({ world, urls: emulator.urls }, key, 'r', 60_000);

  async function errorCode(response: Response): Promise<string | undefined> {
    const text = await response.text();
    expect(response.headers.get('content-type')).toBe('application/xml');
    return /<Code>([^<]+)<\/Code>/.exec(text)?.[1];
  }

  test('blocks commit in block-list order; Range reads answer 206', async () => {
    const b64 = (s: string) => encodeURIComponent(Buffer.from(s).toString('base64'));
    expect((await fetch(`${upload()}&comp=block&blockid=${b64('b2')}`, { method: 'PUT', body: 'world' })).status).toBe(201);
    expect((await fetch(`${upload()}&comp=block&blockid=${b64('b1')}`, { method: 'PUT', body: 'hello ' })).status).toBe(201);
    const latest = (id: string) => `<Latest>${Buffer.from(id).toString('base64')}</Latest>`;
    const list = `<?xml version="1.0" encoding="utf-8"?><BlockList>${latest('b1')}${latest('b2')}</BlockList>`;
    const committed = await fetch(`${upload()}&comp=blocklist`, {
      method: 'PUT',
      headers: { 'x-ms-blob-content-type': 'text/plain' },
      body: list,
    });
    expect(committed.status).toBe(201);
    const read = await fetch(download());
    expect([read.status, read.headers.get('content-type'), await read.text()]).toEqual([200, 'text/plain', 'hello world']);
    const range = await fetch(download(), { headers: { range: 'bytes=6-' } });
    expect([range.status, range.headers.get('content-range'), await range.text()]).toEqual([206, 'bytes 6-10/11', 'world']);
  });

  test('a block list naming an unknown block is InvalidBlockList', async () => {
    const response = await fetch(`${upload()}&comp=blocklist`, { method: 'PUT', body: '<BlockList><Latest>bm9wZQ==</Latest></BlockList>' });
    expect(response.status).toBe(400);
    expect(await errorCode(response)).toBe('InvalidBlockList');
  });

  test('Put Blob needs x-ms-blob-type', async () => {
    const response = await fetch(upload(), { method: 'PUT', body: 'x' });
    expect(response.status).toBe(400);
    expect(await errorCode(response)).toBe('MissingRequiredHeader');
  });

  test('a tampered, read-only or expired URL is refused with 403', async () => {
    const tampered = download().replace(/sig=[^&]+/, 'sig=AAAA');
    expect(await errorCode(await fetch(tampered))).toBe('AuthenticationFailed');
    const readOnly = await fetch(download(), { method: 'PUT', headers: { 'x-ms-blob-type': 'BlockBlob' }, body: 'x' });
    expect([readOnly.status, await errorCode(readOnly)]).toEqual([403, 'AuthorizationPermissionMismatch']);
    const url = download();
    now += 120_000;
    const expired = await fetch(url);
    expect([expired.status, await errorCode(expired)]).toEqual([403, 'AuthenticationFailed']);
  });
});

describe('REST', () => {
  test('no token is 401 "Requires authentication"; an unknown route is a JSON 404', async () => {
    const anonymous = await rest('/repos/octo/app', { token: '' });
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ message: 'Requires authentication', status: '401' });
    const unknown = await rest('/repos/octo/app/nothing-here');
    expect([unknown.status, ((await unknown.json()) as { message: string }).message]).toEqual([404, 'Not Found']);
    expect((await rest('/repos/octo/missing/actions/runs')).status).toBe(404);
  });

  test('per_page is capped at 100; a page past the end is empty but links back', async () => {
    for (let i = 0; i < 120; i++) addRun(world, { repo: 'octo/app', headBranch: `b${i}` });
    const capped = await rest('/repos/octo/app/actions/runs?per_page=500');
    expect(((await capped.json()) as { workflow_runs: unknown[] }).workflow_runs).toHaveLength(100);
    const past = await rest('/repos/octo/app/actions/runs?per_page=100&page=9');
    expect(((await past.json()) as { workflow_runs: unknown[] }).workflow_runs).toEqual([]);
    expect(past.headers.get('link')).toMatch(/page=2>; rel="prev".*page=1>; rel="first"/);
  });

  test('an unknown status filter is a 422', async () => {
    expect((await rest('/repos/octo/app/actions/runs?status=great')).status).toBe(422);
  });

  test('comment writes validate the body', async () => {
    const post = (body: string) => rest('/repos/octo/app/issues/1/comments', { method: 'POST', body });
    expect((await rest('/repos/octo/app/issues/1/comments')).status).toBe(404);
    addRun(world, { repo: 'octo/app', headBranch: 'pr', pullRequestNumber: 1 });
    expect((await post('{')).status).toBe(400);
    expect((await post('{}')).status).toBe(422);
    expect((await post('{"body": 5}')).status).toBe(422);
    // Characters, not UTF-16 units: 65,536 emoji are 131,072 units and still fit.
    expect((await post(JSON.stringify({ body: '😀'.repeat(65_536) }))).status).toBe(201);
  });

  test('a read-only token cannot delete an artifact and is told which permission it lacks', async () => {
    const artifact = addArtifact(world, run, { name: 'keep', content: Buffer.from('zip') });
    const response = await rest(`/repos/octo/app/actions/artifacts/${artifact.id}`, { method: 'DELETE', token: reader.token });
    expect(response.status).toBe(403);
    expect(response.headers.get('x-accepted-github-permissions')).toBe('actions=write');
    expect((await rest(`/repos/octo/app/actions/artifacts/${artifact.id}`, { method: 'DELETE' })).status).toBe(204);
    expect(world.artifacts.some((a) => a.id === artifact.id)).toBe(false);
  });

  test('the zip endpoint redirects with a short-lived signed URL', async () => {
    const artifact = addArtifact(world, run, { name: 'redirected', content: Buffer.from('zip') });
    const response = await rest(`/repos/octo/app/actions/artifacts/${artifact.id}/zip`, { redirect: 'manual' });
    expect(response.status).toBe(302);
    const location = new URL(response.headers.get('location') ?? '');
    expect(location.origin).toBe(emulator.urls.blob);
    expect(new Date(location.searchParams.get('se') ?? '').getTime()).toBe(Math.floor(now / 1000) * 1000 + 60_000);
  });
});

describe('faults and the request log', () => {
  test('a fault needs exactly one of status or drop', () => {
    expect(() => createFaultRule({ service: 'rest' })).toThrow(/exactly one/);
    expect(() => createFaultRule({ status: 500, drop: true })).toThrow(/exactly one/);
    expect(() => createFaultRule({ status: 42 })).toThrow(/HTTP status/);
  });

  test('rules match in order and are used up', () => {
    const rules = [
      createFaultRule({ service: 'blob', route: /comp=block&/, status: 503, times: 2 }),
      createFaultRule({ service: 'blob', drop: true }),
    ];
    const target = { service: 'blob' as const, method: 'PUT', path: '/a/b', pathAndQuery: '/a/b?sig=x&comp=block&blockid=y' };
    expect(takeFault(rules, target)).toMatchObject({ kind: 'status', status: 503 });
    expect(takeFault(rules, target)).toMatchObject({ kind: 'status', status: 503 });
    expect(takeFault(rules, target)).toEqual({ kind: 'drop' });
    expect(takeFault(rules, target)).toBeUndefined();
    expect(rules.map((r) => r.hits)).toEqual([2, 1]);
  });

  test('injected answers use the service format and are logged as injected', async () => {
    const rule = emulator.injectFault({ service: 'rest', route: '/actions/runs', status: 502, headers: { 'retry-after': '1' } });
    const response = await rest('/repos/octo/app/actions/runs');
    expect([response.status, response.headers.get('retry-after')]).toEqual([502, '1']);
    expect(await response.json()).toMatchObject({ message: 'Server Error' });
    expect(rule).toMatchObject({ hits: 1, remaining: 0 });
    expect(emulator.requests.at(-1)).toMatchObject({
      service: 'rest',
      method: 'GET',
      path: '/repos/octo/app/actions/runs',
      status: 502,
      injected: true,
    });
    expect((await rest('/repos/octo/app/actions/runs')).status).toBe(200);

    emulator.injectFault({ service: 'artifact', status: 503 });
    const twirpFault = await twirp(ARTIFACT_SERVICE, 'ListArtifacts', {});
    expect([twirpFault.status, await twirpFault.json()]).toEqual([503, { code: 'unavailable', msg: 'injected fault: 503' }]);
  });

  test('a dropped request gets no answer at all', async () => {
    emulator.injectFault({ service: 'rest', drop: true });
    await expect(rest('/repos/octo/app')).rejects.toThrow(/fetch failed/);
    expect(emulator.requests.at(-1)).toMatchObject({ status: 'dropped', injected: true });
    emulator.clearFaults();
    expect(emulator.failures).toEqual([]);
  });
});

describe('runnerEnv', () => {
  test('names the emulator for every client and describes the run', () => {
    const env = runnerEnv(emulator, { run, workspace: '/w', runnerTemp: '/t' });
    expect(env).toMatchObject({
      GITHUB_API_URL: emulator.urls.api,
      GITHUB_SERVER_URL: 'http://github.localhost',
      ACTIONS_RESULTS_URL: emulator.urls.results,
      ACTIONS_CACHE_SERVICE_V2: 'True',
      GITHUB_REPOSITORY: 'octo/app',
      GITHUB_RUN_ID: String(run.id),
      GITHUB_REF: 'refs/heads/main',
      GITHUB_WORKFLOW_REF: 'octo/app/.github/workflows/ci.yml@refs/heads/main',
      GITHUB_WORKSPACE: '/w',
      RUNNER_TEMP: '/t',
    });
    expect(decodeRuntimeToken(env.ACTIONS_RUNTIME_TOKEN)?.runBackendId).toBe(run.backendId);
  });
});
