import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findCredentials } from '../../src/snapshot/credentials.js';

const root = mkdtempSync(join(tmpdir(), 'vitsnap-credentials-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe('findCredentials', () => {
  it('names key files, env files and package-manager configs that hold a token, and nothing else', () => {
    mkdirSync(join(root, 'a'), { recursive: true });
    const files: Record<string, string> = {
      '.env': 'API_KEY=x',
      'a/.env.production': 'X=1',
      'a/server.pem': '-----BEGIN PRIVATE KEY-----',
      'a/id_ed25519': 'key',
      '.npmrc': '//registry.npmjs.org/:_authToken=npm_abc',
      'a/.npmrc': 'registry=https://registry.npmjs.org/',
      '.yarnrc.yml': 'npmAuthToken: abc',
      '.netrc': 'machine x login y password z',
      'a/app.js': 'const env = ".env";',
      'a/keys.json': '{}',
    };
    for (const [path, content] of Object.entries(files)) writeFileSync(join(root, path), content);
    const found = findCredentials(root, Object.keys(files).sort()).map((c) => c.path);
    expect(found).toEqual(['.env', '.netrc', '.npmrc', '.yarnrc.yml', 'a/.env.production', 'a/id_ed25519', 'a/server.pem']);
  });
});

describe('capture never takes .git', () => {
  it('leaves out .git directories at any depth (and gitfiles of submodules), even when a pattern names them', async () => {
    const { captureSnapshot } = await import('../../src/snapshot/capture.js');
    const tree = join(root, 'repo');
    mkdirSync(join(tree, '.git'), { recursive: true });
    mkdirSync(join(tree, 'vendor/lib'), { recursive: true });
    writeFileSync(join(tree, '.git/config'), '[http]\n\textraheader = AUTHORIZATION: basic c2VjcmV0\n');
    writeFileSync(join(tree, 'vendor/lib/.git'), 'gitdir: ../../.git/modules/lib\n');
    writeFileSync(join(tree, 'vendor/lib/lib.c'), 'int x;\n');
    writeFileSync(join(tree, '.env'), 'X=1\n');
    const r = await captureSnapshot({ root: tree, patterns: ['**', '.git/**'], output: join(root, 'repo.vitsnap'), metadata: null, workers: 0 });
    expect(r.manifest.entries.map((e) => e.path)).toEqual(['.env', 'vendor', 'vendor/lib', 'vendor/lib/lib.c']);
  });
});
