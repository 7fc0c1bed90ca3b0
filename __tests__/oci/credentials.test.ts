/** Where registry credentials come from, with a temp HOME and env passed in: never the real ones. */
import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inspect } from 'node:util';
import { dockerConfigPath, resolveCredentials } from '../../src/oci/credentials.js';

let root: string;
let n = 0;

/** A fresh HOME, with ~/.docker/config.json holding `auths` when given. */
function home(auths?: Record<string, unknown>, raw?: string): string {
  n += 1;
  const dir = join(root, `home-${n}`);
  mkdirSync(join(dir, '.docker'), { recursive: true });
  if (auths !== undefined || raw !== undefined) writeFileSync(join(dir, '.docker', 'config.json'), raw ?? JSON.stringify({ auths }));
  return dir;
}

const b64 = (text: string): string => Buffer.from(text).toString('base64');

beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'vitsnap-oci-creds-'));
});
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
});

describe('resolveCredentials', () => {
  test('VITSNAP_REGISTRY_USER/_PASSWORD win over everything', () => {
    const env = { VITSNAP_REGISTRY_USER: 'ci', VITSNAP_REGISTRY_PASSWORD: 'env-secret', GITHUB_TOKEN: 'gh' };
    const creds = resolveCredentials('ghcr.io', { env, home: home({ 'ghcr.io': { auth: b64('docker:secret') } }) });
    expect(creds).toMatchObject({ username: 'ci', password: 'env-secret', source: 'VITSNAP_REGISTRY_USER/VITSNAP_REGISTRY_PASSWORD' });
  });

  test('only one of the pair is E_USAGE naming the missing one', () => {
    expect(() => resolveCredentials('r.io', { env: { VITSNAP_REGISTRY_USER: 'ci' }, home: home() })).toThrow('VITSNAP_REGISTRY_PASSWORD is not set while its partner is');
    expect(() => resolveCredentials('r.io', { env: { VITSNAP_REGISTRY_PASSWORD: 'x' }, home: home() })).toThrow('VITSNAP_REGISTRY_USER is not set');
  });

  test.each([
    ['127.0.0.1:5000', { '127.0.0.1:5000': { auth: b64('alice:pa:ss') } }, 'alice', 'pa:ss'],
    ['r.example', { 'https://r.example': { auth: b64('bob:pw') } }, 'bob', 'pw'],
    ['r.example', { 'https://r.example/v1/': { username: 'carol', password: 'pw2' } }, 'carol', 'pw2'],
    ['r.example:5000', { 'http://R.EXAMPLE:5000/': { auth: b64('dave:pw3') } }, 'dave', 'pw3'],
    ['docker.io', { 'https://index.docker.io/v1/': { auth: b64('hub:pw4') } }, 'hub', 'pw4'],
  ])('docker config auths for %s', (registry, auths, username, password) => {
    const dir = home(auths);
    const creds = resolveCredentials(registry, { env: {}, home: dir });
    expect(creds).toMatchObject({ username, password, source: join(dir, '.docker', 'config.json') });
  });

  test('another host, a port that differs, or an entry without a password gives nothing', () => {
    const dir = home({ 'r.example:5000': { auth: b64('x:y') }, 'other.example': { auth: b64('x:y') }, 'bare.example': { username: 'only-user' } });
    expect(resolveCredentials('r.example', { env: {}, home: dir })).toBeUndefined();
    expect(resolveCredentials('r.example:5001', { env: {}, home: dir })).toBeUndefined();
    expect(resolveCredentials('bare.example', { env: {}, home: dir })).toBeUndefined();
  });

  test('DOCKER_CONFIG points at another directory', () => {
    const dir = join(root, 'docker-config-dir');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'config.json'), JSON.stringify({ auths: { 'r.example': { auth: b64('eve:pw5') } } }));
    const context = { env: { DOCKER_CONFIG: dir }, home: home({ 'r.example': { auth: b64('wrong:wrong') } }) };
    expect(dockerConfigPath(context)).toBe(join(dir, 'config.json'));
    expect(resolveCredentials('r.example', context)).toMatchObject({ username: 'eve', password: 'pw5' });
  });

  test('ghcr.io takes GITHUB_TOKEN with the actor, or x-access-token, when nothing else is set', () => {
    expect(resolveCredentials('ghcr.io', { env: { GITHUB_TOKEN: 'ghs_x', GITHUB_ACTOR: 'octocat' }, home: home() })).toMatchObject({ username: 'octocat', password: 'ghs_x', source: 'GITHUB_TOKEN' });
    expect(resolveCredentials('ghcr.io', { env: { GITHUB_TOKEN: 'ghs_x' }, home: home() })).toMatchObject({ username: 'x-access-token' });
    expect(resolveCredentials('r.example', { env: { GITHUB_TOKEN: 'ghs_x' }, home: home() })).toBeUndefined();
    // docker login (e.g. a PAT with more rights) is preferred to the job's token.
    expect(resolveCredentials('ghcr.io', { env: { GITHUB_TOKEN: 'ghs_x' }, home: home({ 'ghcr.io': { auth: b64('me:pat') } }) })).toMatchObject({ username: 'me', password: 'pat' });
  });

  test('no config file, or one without auths, is anonymous', () => {
    expect(resolveCredentials('r.example', { env: {}, home: join(root, 'no-such-home') })).toBeUndefined();
    expect(resolveCredentials('r.example', { env: {}, home: home(undefined, '{"credsStore":"desktop"}') })).toBeUndefined();
  });

  test('a broken config is an error naming the file, never a secret', () => {
    const broken = home(undefined, '{"auths": ');
    expect(() => resolveCredentials('r.example', { env: {}, home: broken })).toThrow(`the docker config ${join(broken, '.docker', 'config.json')} is not valid JSON`);
    const notUserPass = home({ 'r.example': { auth: b64('no-colon-secret') } });
    let message = '';
    try {
      resolveCredentials('r.example', { env: {}, home: notUserPass });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toContain('the "auth" value for "r.example"');
    expect(message).not.toContain('no-colon-secret');
    expect(message).not.toContain(b64('no-colon-secret'));
  });

  test('a config that cannot be read is E_IO naming it', () => {
    // A directory where the file should be: EISDIR, which root cannot read past either.
    const dir = home();
    mkdirSync(join(dir, '.docker', 'config.json'));
    expect(() => resolveCredentials('r.example', { env: {}, home: dir })).toThrow(`cannot read the docker config ${join(dir, '.docker', 'config.json')}`);
  });

  test('the password stays out of inspect, JSON and describe()', () => {
    const creds = resolveCredentials('r.example', { env: { VITSNAP_REGISTRY_USER: 'u', VITSNAP_REGISTRY_PASSWORD: 'hunter2-secret' }, home: home() });
    expect(creds).toBeDefined();
    for (const text of [inspect(creds), JSON.stringify(creds), creds?.describe() ?? '', String(creds), `${inspect({ nested: creds })}`]) {
      expect(text).not.toContain('hunter2-secret');
    }
    expect(creds?.basicAuthorization()).toBe(`Basic ${b64('u:hunter2-secret')}`);
  });
});
