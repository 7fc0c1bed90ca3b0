/**
 * What the action captures, end to end (issue #9 items 3 and 11): never `.git` (its config holds
 * the job token after actions/checkout), hidden files only when asked, a warning for files that
 * look like credentials, `if-no-files-found`, and absolute paths in the runner's temp directory.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SnapshotReader } from '../../src/snapshot/reader.js';
import { addRepo, addRun, addToken, createWorld, startEmulator, type ApiToken, type Emulator, type World } from '../github/emulators/index.js';
import { actionBundle } from './bundle.js';
import { runAction, type ActionRun, type RunOptions } from './harness.js';

// Each test runs the action several times: on a loaded 2-core machine one run alone can take 20 s.
jest.setTimeout(240_000);

const REPO = 'octo/paths';
const PINNED = new Date(Date.UTC(2026, 0, 1));
const TOKEN_LINE = 'extraheader = AUTHORIZATION: basic eC1hY2Nlc3MtdG9rZW46Z2hzX3NlY3JldA==';
let scratch: string;
let dist: string;
let world: World;
let emulator: Emulator;
let token: ApiToken;
let counter = 0;

function write(root: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    const abs = join(root, path);
    mkdirSync(join(abs, '..'), { recursive: true });
    writeFileSync(abs, content, { mode: 0o644 });
    utimesSync(abs, PINNED, PINNED);
  }
}

/** A checked-out repository after a build: .git with the persisted token, a .env, an .npmrc with a token. */
function checkout(): string {
  const ws = join(scratch, `ws-${++counter}`);
  write(ws, {
    '.git/config': `[http "https://github.com/"]\n\t${TOKEN_LINE}\n`,
    '.git/HEAD': 'ref: refs/heads/main\n',
    '.env': 'DATABASE_PASSWORD=hunter2\n',
    '.npmrc': '//registry.npmjs.org/:_authToken=npm_0123456789\n',
    'build/app.js': 'console.log(1);\n',
    'build/.cache/state': 'x\n',
  });
  return ws;
}

async function act(ws: string, inputs: Record<string, string>, extra: Partial<RunOptions> = {}): Promise<ActionRun> {
  const run = addRun(world, { repo: REPO, event: 'push', headBranch: 'main', headSha: 'a'.repeat(40), status: 'in_progress' });
  return runAction({ emulator, run, dist, workspace: ws, scratch: join(scratch, `run-${counter}`), runnerTemp: join(scratch, 'runner-temp'), inputs, event: { repository: { default_branch: 'main' } }, token: token.token, ...extra });
}

function capturedPaths(r: ActionRun): string[] {
  const reader = SnapshotReader.open(r.outputs['snapshot-path'] as string);
  try {
    return reader.manifest.entries.filter((e) => e.type === 'file').map((e) => e.path);
  } finally {
    reader.close();
  }
}

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'vitsnap-capture-paths-'));
  dist = await actionBundle();
  world = createWorld();
  addRepo(world, { owner: 'octo', name: 'paths', workflows: ['ci.yml'] });
  token = addToken(world);
  emulator = await startEmulator(world);
}, 900_000); // building the bundle alone took over 5 min on a loaded 2-core machine

afterAll(async () => {
  await emulator?.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe('secrets stay out of snapshots', () => {
  it("path: '**' captures the build but not .git, .env or .npmrc", async () => {
    const r = await act(checkout(), { path: '**' });
    expect(r.code).toBe(0);
    expect(capturedPaths(r)).toEqual(['build/app.js']);
    expect(r.stdout).not.toContain('ghs_secret');
  });

  it('include-hidden-files: true captures dot files (never .git) and warns about each credential-like file', async () => {
    const r = await act(checkout(), { path: '.', 'include-hidden-files': 'true' });
    expect(r.code).toBe(0);
    expect(capturedPaths(r)).toEqual(['.env', '.npmrc', 'build/.cache/state', 'build/app.js']);
    const warnings = r.annotations.filter((a) => a.level === 'warning' && a.properties.title === 'vitsnap: possible credential captured').map((a) => a.message);
    expect(warnings).toEqual([
      expect.stringMatching(/^captured \.env, which looks like an environment file .*exclude it with '!\.env' in 'path'$/),
      expect.stringMatching(/^captured \.npmrc, which looks like an npm auth token/),
    ]);
  });

  it('a pattern naming hidden files says they are left out and how to capture them', async () => {
    const r = await act(checkout(), { path: 'build/**\nbuild/.cache/**' });
    expect(capturedPaths(r)).toEqual(['build/app.js']);
    expect(r.annotations).toContainEqual(expect.objectContaining({ level: 'warning', message: expect.stringContaining("names hidden files (build/.cache/**), which are left out: set 'include-hidden-files: true'") }));
  });
});

describe('if-no-files-found and where files may be', () => {
  it('warn (default): a warning, nothing uploaded, the step passes; error fails it; ignore stays quiet', async () => {
    const ws = checkout();
    const warn = await act(ws, { path: 'dist/**' });
    expect(warn.code).toBe(0);
    expect(warn.annotations).toContainEqual(expect.objectContaining({ level: 'warning', message: expect.stringMatching(/^no files match input 'path' \(dist\/\*\*\) under .*: check that the build step ran/) }));
    expect(warn.outputs['snapshot-path']).toBeUndefined();
    expect(warn.stdout).not.toMatch(/--allow-empty|-C/);
    const error = await act(ws, { path: 'dist/**', 'if-no-files-found': 'error' });
    expect(error.code).toBe(1);
    expect(error.stdout).toMatch(/^::error::E_NOT_FOUND: no files match input 'path'.*'if-no-files-found: error' fails the step$/m);
    const ignore = await act(ws, { path: 'dist/**', 'if-no-files-found': 'ignore' });
    expect(ignore.code).toBe(0);
    expect(ignore.annotations.filter((a) => a.level !== 'notice')).toEqual([]);
  });

  it('captures an absolute path in the runner temp directory, relative to it', async () => {
    const temp = join(scratch, 'runner-temp');
    const r = await act(checkout(), { path: `${temp}/out` }, { prepareRunnerTemp: (dir) => write(dir, { 'out/lib.so': 'elf\n', 'out/share/a.txt': 'a\n' }) });
    expect(r.code).toBe(0);
    expect(capturedPaths(r)).toEqual(['out/lib.so', 'out/share/a.txt']);
  });
});
