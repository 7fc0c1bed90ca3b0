/**
 * The challenge flow against real registries: htpasswd Basic auth, and token auth where the real
 * registry verifies RS256 tokens from our token server. Plus WWW-Authenticate parsing.
 */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseChallenges, RegistryAuth } from '../../src/oci/auth.js';
import { RegistryClient, sha256Digest } from '../../src/oci/client.js';
import { Credentials } from '../../src/oci/credentials.js';
import { parseReference } from '../../src/oci/reference.js';
import { startRegistry, startTokenServer, type RunningRegistry, type TokenServer } from '../helpers/registry.js';

const clients: RegistryClient[] = [];

function client(host: string, repository: string, credentials?: Credentials): RegistryClient {
  const c = new RegistryClient(parseReference(`oci://${host}/${repository}`, { allowMissingTag: true }), { retry: { baseDelayMs: 10 }, ...(credentials === undefined ? {} : { credentials }) });
  clients.push(c);
  return c;
}

afterAll(() => {
  for (const c of clients) c.close();
});

describe('parseChallenges', () => {
  test.each([
    ['Basic realm="registry"', [{ scheme: 'basic', params: { realm: 'registry' } }]],
    [
      'Bearer realm="https://auth.example/token",service="registry.example",scope="repository:a/b:pull,push"',
      [{ scheme: 'bearer', params: { realm: 'https://auth.example/token', service: 'registry.example', scope: 'repository:a/b:pull,push' } }],
    ],
    [
      'Bearer realm="https://a/t",error="insufficient_scope", Basic realm=plain',
      [
        { scheme: 'bearer', params: { realm: 'https://a/t', error: 'insufficient_scope' } },
        { scheme: 'basic', params: { realm: 'plain' } },
      ],
    ],
    ['Bearer realm="say \\"hi\\""', [{ scheme: 'bearer', params: { realm: 'say "hi"' } }]],
    ['', []],
  ])('%s', (header, expected) => {
    expect(parseChallenges(header)).toEqual(expected);
  });
});

describe('RegistryAuth token cache (fake token server and clock)', () => {
  const challenge = 'Bearer realm="https://auth.example/token",service="reg"';
  const pull = ['repository:x:pull'];

  function setup(): { auth: RegistryAuth; fetches: { url: URL; authorization: string | undefined }[]; clock: { now: number } } {
    const fetches: { url: URL; authorization: string | undefined }[] = [];
    const clock = { now: 1_000_000 };
    const auth = new RegistryAuth(
      'reg.example',
      new Credentials('u', 'p', 'the test'),
      async (url, authorization) => {
        fetches.push({ url, authorization });
        return { status: 200, body: Buffer.from(JSON.stringify({ token: `t${fetches.length}`, expires_in: 60 })) };
      },
      () => clock.now,
    );
    return { auth, fetches, clock };
  }

  test('one request per scope set, shared by concurrent callers, renewed 10 s before expiry', async () => {
    const { auth, fetches, clock } = setup();
    expect(await auth.authorization(pull)).toBeUndefined();
    await auth.onUnauthorized(challenge, pull, undefined);
    expect(await Promise.all([auth.authorization(pull), auth.authorization([...pull, ...pull])])).toEqual(['Bearer t1', 'Bearer t1']);
    expect(fetches).toHaveLength(1);
    expect(fetches[0].url.href).toBe('https://auth.example/token?service=reg&scope=repository%3Ax%3Apull');
    expect(fetches[0].authorization).toBe(`Basic ${Buffer.from('u:p').toString('base64')}`);
    expect(await auth.authorization(['repository:y:pull', 'repository:x:pull,push'])).toBe('Bearer t2');
    expect(fetches[1].url.searchParams.getAll('scope')).toEqual(['repository:x:pull,push', 'repository:y:pull']);
    clock.now += 49_000;
    expect(await auth.authorization(pull)).toBe('Bearer t1');
    clock.now += 2_000;
    expect(await auth.authorization(pull)).toBe('Bearer t3');
  });

  test('a late 401 from a request sent before the challenge keeps the cache; invalid_token renews; a refused token is E_AUTH', async () => {
    const { auth, fetches } = setup();
    await auth.onUnauthorized(challenge, pull, undefined);
    expect(await auth.authorization(pull)).toBe('Bearer t1');
    await auth.onUnauthorized(challenge, pull, undefined);
    expect(await auth.authorization(pull)).toBe('Bearer t1');
    await auth.onUnauthorized(`${challenge},error="invalid_token"`, pull, 'Bearer t1');
    expect(await auth.authorization(pull)).toBe('Bearer t2');
    await expect(auth.onUnauthorized(`${challenge},error="insufficient_scope"`, pull, 'Bearer t2')).rejects.toMatchObject({ code: 'E_AUTH', message: expect.stringContaining('(insufficient_scope): this account may not read the repository') });
    expect(fetches).toHaveLength(2);
  });
});

describe('Basic auth (htpasswd)', () => {
  let registry: RunningRegistry;
  const data = Buffer.from('basic auth blob');
  const digest = sha256Digest(data);

  beforeAll(async () => {
    registry = await startRegistry({ kind: 'htpasswd', users: { alice: 'right-password' } });
  });
  afterAll(async () => {
    await registry?.stop();
  });

  test('a 401 with a Basic challenge is answered with the credentials', async () => {
    const c = client(registry.host, 'team/basic', new Credentials('alice', 'right-password', 'the test'));
    await c.ping();
    expect(await c.pushBlob(digest, data.length, () => data)).toBe('uploaded');
    expect((await c.getBlob(digest)).equals(data)).toBe(true);
  });

  test('a wrong password is E_AUTH naming the user and what to set, never the password', async () => {
    const c = client(registry.host, 'team/basic', new Credentials('alice', 'wrong-password', 'VITSNAP_REGISTRY_USER/VITSNAP_REGISTRY_PASSWORD'));
    const error = await c.hasBlob(digest).then(() => undefined, (e: unknown) => e as Error & { code: string });
    expect(error?.code).toBe('E_AUTH');
    expect(error?.message).toContain(`registry ${registry.host} rejected user "alice" from VITSNAP_REGISTRY_USER/VITSNAP_REGISTRY_PASSWORD`);
    expect(error?.message).toContain('set VITSNAP_REGISTRY_USER and VITSNAP_REGISTRY_PASSWORD, or run docker login');
    expect(error?.message).not.toContain('wrong-password');
  });

  test('credentials found in the environment or in a docker config of a temp HOME reach the registry', async () => {
    const home = mkdtempSync(join(tmpdir(), 'vitsnap-oci-home-'));
    try {
      const ref = parseReference(`oci://${registry.host}/team/basic:v1`);
      const fromEnv = RegistryClient.forReference(ref, { env: { VITSNAP_REGISTRY_USER: 'alice', VITSNAP_REGISTRY_PASSWORD: 'right-password' }, home });
      clients.push(fromEnv);
      await fromEnv.ping();
      mkdirSync(join(home, '.docker'));
      writeFileSync(join(home, '.docker', 'config.json'), JSON.stringify({ auths: { [`http://${registry.host}`]: { auth: Buffer.from('alice:right-password').toString('base64') } } }));
      const fromDocker = RegistryClient.forReference(ref, { env: {}, home });
      clients.push(fromDocker);
      await fromDocker.ping();
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });

  test('no credentials at all is E_AUTH saying the registry needs them', async () => {
    await expect(client(registry.host, 'team/basic').ping()).rejects.toMatchObject({ code: 'E_AUTH', message: expect.stringContaining('requires a user name and password') });
  });
});

describe('Bearer tokens (token server of ours, verified by the real registry)', () => {
  let tokens: TokenServer;
  let registry: RunningRegistry;

  beforeAll(async () => {
    tokens = await startTokenServer({ bob: 'token-password' });
    registry = await startRegistry({ kind: 'token', realm: tokens.realm, service: tokens.service, issuer: tokens.issuer, certPath: tokens.certPath });
  });
  afterAll(async () => {
    await registry?.stop();
    await tokens?.stop();
  });

  test('401 → token with the scopes and our credentials → retry; one token per scope set', async () => {
    const c = client(registry.host, 'team/bearer', new Credentials('bob', 'token-password', 'the test'));
    const data = Buffer.from('bearer blob');
    const digest = sha256Digest(data);
    const before = tokens.requests.length;
    expect(await c.pushBlob(digest, data.length, () => data)).toBe('uploaded');
    expect(await c.pushBlob(digest, data.length, () => data)).toBe('exists');
    const asked = tokens.requests.slice(before);
    expect(asked).toEqual([{ service: tokens.service, scopes: ['repository:team/bearer:pull,push'], user: 'bob' }]);
    expect((await c.getBlob(digest)).equals(data)).toBe(true);
    expect(tokens.requests.slice(before).map((r) => r.scopes)).toEqual([['repository:team/bearer:pull,push'], ['repository:team/bearer:pull']]);
  });

  test('a cross-repository mount asks for both scopes in one token request', async () => {
    const owner = new Credentials('bob', 'token-password', 'the test');
    const data = Buffer.from('mounted through a token');
    const digest = sha256Digest(data);
    await client(registry.host, 'team/from', owner).pushBlob(digest, data.length, () => data);
    const before = tokens.requests.length;
    expect(await client(registry.host, 'team/to', owner).pushBlob(digest, data.length, () => data, { mountFrom: 'team/from' })).toBe('mounted');
    expect(tokens.requests.slice(before).map((r) => r.scopes)).toContainEqual(['repository:team/from:pull', 'repository:team/to:pull,push']);
  });

  test('parallel pushes on one client share one token', async () => {
    const c = client(registry.host, 'team/parallel', new Credentials('bob', 'token-password', 'the test'));
    const blobs = Array.from({ length: 6 }, (_, i) => Buffer.from(`parallel blob ${i}`));
    const before = tokens.requests.length;
    expect(await Promise.all(blobs.map((b) => c.pushBlob(sha256Digest(b), b.length, () => b)))).toEqual(Array(6).fill('uploaded'));
    expect(tokens.requests.slice(before)).toHaveLength(1);
  });

  test('a token server that answers access_token works the same', async () => {
    tokens.useAccessTokenField = true;
    try {
      await client(registry.host, 'team/bearer', new Credentials('bob', 'token-password', 'the test')).ping();
    } finally {
      tokens.useAccessTokenField = false;
    }
  });

  test('anonymous gets a pull-only token: reading works, pushing is E_AUTH', async () => {
    const data = Buffer.from('anonymous read');
    const digest = sha256Digest(data);
    await client(registry.host, 'team/public', new Credentials('bob', 'token-password', 'the test')).pushBlob(digest, data.length, () => data);
    const anonymous = client(registry.host, 'team/public');
    expect((await anonymous.getBlob(digest)).equals(data)).toBe(true);
    const other = Buffer.from('not allowed');
    await expect(anonymous.pushBlob(sha256Digest(other), other.length, () => other)).rejects.toMatchObject({ code: 'E_AUTH', message: expect.stringContaining('anonymously') });
  });

  test('a wrong password is refused by the token server: E_AUTH with the hint', async () => {
    const c = client(registry.host, 'team/bearer', new Credentials('bob', 'nope', 'the test'));
    await expect(c.listTags()).rejects.toMatchObject({
      code: 'E_AUTH',
      message: expect.stringMatching(/token server .* rejected user "bob" from the test: wrong user name or password\? \(HTTP 401\); set VITSNAP_REGISTRY_USER/),
    });
  });
});
