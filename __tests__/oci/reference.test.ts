/** oci:// references: the distribution spec's grammar, loopback → http, and errors with an example. */
import { describe, expect, test } from '@jest/globals';
import { formatReference, isLoopbackHost, parseReference, referrersTag, type OciReference } from '../../src/oci/reference.js';

const HEX = 'a'.repeat(64);

describe('parseReference accepts', () => {
  test.each<[string, Partial<OciReference>]>([
    ['oci://ghcr.io/owner/repo:main', { registry: 'ghcr.io', host: 'ghcr.io', repository: 'owner/repo', tag: 'main', scheme: 'https' }],
    ['oci://ghcr.io/owner/repo-vitsnap/sub.dir/x__y:v1.2_3-rc', { repository: 'owner/repo-vitsnap/sub.dir/x__y', tag: 'v1.2_3-rc' }],
    [`oci://registry.example.com:5000/a/b@sha256:${HEX}`, { registry: 'registry.example.com:5000', port: 5000, repository: 'a/b', digest: `sha256:${HEX}`, scheme: 'https' }],
    [`oci://localhost:5000/snap:latest@sha256:${HEX}`, { registry: 'localhost:5000', tag: 'latest', digest: `sha256:${HEX}`, scheme: 'http' }],
    ['oci://127.0.0.1:41234/x:y', { registry: '127.0.0.1:41234', host: '127.0.0.1', port: 41234, scheme: 'http' }],
    ['oci://127.8.9.10/x:y', { scheme: 'http' }],
    ['oci://[::1]:5000/x:y', { registry: '[::1]:5000', host: '::1', port: 5000, scheme: 'http' }],
    ['oci://GHCR.IO/owner/repo:Tag_1', { registry: 'ghcr.io', tag: 'Tag_1' }],
    ['oci://a---b.example/x-y--z:t', { repository: 'x-y--z' }],
    [`oci://r.io/x:${'t'.repeat(128)}`, { tag: 't'.repeat(128) }],
  ])('%s', (text, expected) => {
    expect(parseReference(text)).toMatchObject(expected);
  });

  test('a bare reference only when the caller allows it, and only with a registry-looking host', () => {
    expect(parseReference('ghcr.io/o/r:t', { allowBare: true })).toMatchObject({ registry: 'ghcr.io', repository: 'o/r', tag: 't' });
    expect(parseReference('localhost/r:t', { allowBare: true })).toMatchObject({ registry: 'localhost', scheme: 'http' });
    expect(() => parseReference('ghcr.io/o/r:t')).toThrow('it must start with oci://');
    expect(() => parseReference('owner/repo:t', { allowBare: true })).toThrow('"owner" does not look like a registry host');
    expect(() => parseReference('https://ghcr.io/o/r:t', { allowBare: true })).toThrow('only the oci:// scheme is supported');
  });

  test('no tag only when allowed', () => {
    expect(parseReference('oci://r.io/x', { allowMissingTag: true })).toMatchObject({ repository: 'x' });
    expect(parseReference('oci://r.io/x', { allowMissingTag: true }).tag).toBeUndefined();
    expect(() => parseReference('oci://r.io/x')).toThrow('it needs a :tag or an @sha256: digest');
  });

  test('plain HTTP off loopback only with insecure', () => {
    expect(parseReference('oci://registry.internal:5000/x:y').scheme).toBe('https');
    expect(parseReference('oci://registry.internal:5000/x:y', { insecure: true }).scheme).toBe('http');
  });
});

describe('parseReference rejects with E_USAGE and an example', () => {
  test.each([
    ['oci://ghcr.io/Owner/repo:t', 'repository component "Owner" must be lower-case'],
    ['oci://ghcr.io/owner//repo:t', 'repository component ""'],
    ['oci://ghcr.io/owner/repo-:t', 'repository component "repo-"'],
    ['oci://ghcr.io/owner/.repo:t', 'repository component ".repo"'],
    ['oci://ghcr.io/a___b:t', 'repository component "a___b"'],
    ['oci://ghcr.io/repo:-t', 'tag "-t" must be 1 to 128'],
    ['oci://ghcr.io/repo:', 'tag "" must be 1 to 128'],
    [`oci://ghcr.io/repo:${'t'.repeat(129)}`, 'must be 1 to 128'],
    ['oci://ghcr.io/repo@sha256:abc', 'digest "sha256:abc" is not sha256: followed by 64'],
    [`oci://ghcr.io/repo@sha512:${HEX}`, 'is not sha256:'],
    [`oci://ghcr.io/repo@sha256:${'A'.repeat(64)}`, 'is not sha256:'],
    ['oci://ghcr.io', 'it needs a registry host and a repository'],
    ['oci:///repo:t', 'it needs a registry host and a repository'],
    ['oci://ghcr.io/:t', 'the repository name is empty'],
    ['oci://host:0/r:t', 'port "0" is not a number from 1 to 65535'],
    ['oci://host:99999/r:t', 'port "99999"'],
    ['oci://host:x/r:t', 'port "x"'],
    ['oci://-bad.io/r:t', '"-bad.io" is not a valid registry host name'],
    ['oci://user@ghcr.io/r:t', 'is not sha256:'],
    ['oci://[::1/r:t', 'unclosed "["'],
    ['oci://300.1.1.1/r:t', '"300.1.1.1" is not an IPv4 address'],
    [`oci://r.io/${'a'.repeat(300)}:t`, 'exceed 255 characters'],
    ['', 'it must start with oci://'],
  ])('%s', (text, why) => {
    let error: unknown;
    try {
      parseReference(text);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ name: 'OperationError', code: 'E_USAGE' });
    const message = (error as Error).message;
    expect(message).toContain(why);
    expect(message).toContain(`invalid registry reference ${JSON.stringify(text)}`);
    expect(message).toContain('e.g. oci://ghcr.io/owner/snapshots:main');
  });
});

test('isLoopbackHost', () => {
  expect(['localhost', 'LOCALHOST', '127.0.0.1', '127.255.0.3', '::1'].map(isLoopbackHost)).toEqual([true, true, true, true, true]);
  expect(['localhost.example', '128.0.0.1', '10.0.0.1', 'ghcr.io', '127.0.0.256', '::2'].map(isLoopbackHost)).toEqual([false, false, false, false, false, false]);
});

test('formatReference gives back what was parsed', () => {
  for (const text of ['oci://ghcr.io/o/r:t', `oci://[::1]:5000/a/b:t@sha256:${HEX}`, `oci://localhost:5000/x@sha256:${HEX}`]) {
    expect(formatReference(parseReference(text))).toBe(text);
  }
});

test('referrersTag is the sha256-<hex> fallback tag, and a valid tag', () => {
  expect(referrersTag(`sha256:${HEX}`)).toBe(`sha256-${HEX}`);
  expect(parseReference(`oci://r.io/x:${referrersTag(`sha256:${HEX}`)}`).tag).toBe(`sha256-${HEX}`);
  expect(() => referrersTag('sha256:xyz')).toThrow('not a sha256 digest');
});
