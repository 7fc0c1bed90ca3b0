/**
 * Go build information (issue #10 item 2): a Go binary built with and without `-trimpath` (Debian
 * golang-go, installed by .ci/run) shows the setting that differs, decoded from `.go.buildinfo`,
 * as a build path with the `-trimpath` hint; the CGO_* settings Go drops under -trimpath are folded
 * into it. What the move of the file paths does to the rest of the binary is not explained yet.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { classifyCauses } from '../../src/compare/causes.js';
import { DEFAULT_COMPARATORS } from '../../src/compare/comparators/index.js';
import { parseGoBuildInfo } from '../../src/compare/formats/go-buildinfo.js';
import { compareFile } from '../../src/compare/registry.js';
import { DEFAULT_LIMITS, type Difference } from '../../src/compare/types.js';
import { removeDir, tempDir } from '../helpers/toolchain.js';

let work: string;
let plain: Buffer;
let trimmed: Buffer;

function goBuild(dir: string, flags: string[]): Buffer {
  const root = join(work, dir);
  mkdirSync(root, { recursive: true });
  writeFileSync(join(root, 'go.mod'), 'module example.com/hello\n\ngo 1.19\n');
  writeFileSync(join(root, 'main.go'), 'package main\n\nimport "fmt"\n\nfunc main() { fmt.Println("hello") }\n');
  const env = { PATH: process.env.PATH ?? '', HOME: work, GOCACHE: join(work, 'cache'), GOPATH: join(work, 'gopath'), GOFLAGS: '-buildvcs=false', GOTOOLCHAIN: 'local', CGO_ENABLED: '0' };
  execFileSync('go', ['build', ...flags, '-o', 'hello', '.'], { cwd: root, env, stdio: 'pipe' });
  return readFileSync(join(root, 'hello'));
}

function find(d: Difference, path: string): Difference | undefined {
  if (d.path === path) return d;
  for (const c of d.children) {
    const hit = find(c, path);
    if (hit !== undefined) return hit;
  }
  return undefined;
}

beforeAll(async () => {
  work = await tempDir('vitsnap-go-');
  // One build cache: the second build reuses the standard library the first compiled.
  plain = goBuild('plain', []);
  trimmed = goBuild('trimmed', ['-trimpath']);
}, 300_000);

afterAll(async () => {
  await removeDir(work);
});

describe('Go build info', () => {
  it('with and without -trimpath: the setting, as a build path with the -trimpath hint', () => {
    // Decoded as `go version -m` prints it.
    const section = join(work, 'buildinfo.bin');
    execFileSync('objcopy', ['-O', 'binary', '--only-section=.go.buildinfo', join(work, 'trimmed', 'hello'), section]);
    const info = parseGoBuildInfo(readFileSync(section));
    const listed = execFileSync('go', ['version', '-m', join(work, 'trimmed', 'hello')], { env: { PATH: process.env.PATH ?? '', HOME: work, GOTOOLCHAIN: 'local' } }).toString();
    expect(listed.split('\n')[0]).toContain(info.goVersion);
    for (const line of listed.split('\n').slice(1).filter((l) => l.startsWith('\tbuild\t'))) {
      const [key, value] = line.slice('\tbuild\t'.length).split(/=(.*)/s);
      expect([key, info.settings.get(`build ${key ?? ''}`)]).toEqual([key, value ?? '']);
    }
    expect(info.settings.get('path')).toBe('example.com/hello');
    const node = compareFile('hello', plain, trimmed, DEFAULT_COMPARATORS, DEFAULT_LIMITS, 0);
    classifyCauses({ path: '', kind: 'modified', summary: '', causes: [], children: [node] });
    expect(find(node, 'hello:.go.buildinfo')?.summary).toBe('Go build info: 1 setting differs');
    const flag = find(node, 'hello:.go.buildinfo:build -trimpath');
    expect(flag?.summary).toMatch(/^Go build -trimpath: \(absent\) → true/);
    expect(flag?.causes).toEqual([expect.objectContaining({ id: 'build-path', hint: 'go build -trimpath (Go)' })]);
  });
});
