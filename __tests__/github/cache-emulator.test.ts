/**
 * The real @actions/cache client (service v2) against the emulator: scopes from the runtime
 * token decide what a run reads and writes; keys match exactly, then by prefix, newest first.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openSession, type ClientSession } from './client-session.js';
import { addRepo, addRun, CachePermission, createWorld, type WorkflowRun } from './emulators/index.js';

type CacheModule = typeof import('@actions/cache');

let session: ClientSession;
let cache: CacheModule;
let mainRun: WorkflowRun;
let pullRequestRun: WorkflowRun;
let siblingA: WorkflowRun;
let siblingB: WorkflowRun;

beforeAll(async () => {
  const world = createWorld();
  addRepo(world, { owner: 'octo', name: 'app', workflows: ['ci.yml'] });
  mainRun = addRun(world, { repo: 'octo/app', headBranch: 'main' });
  pullRequestRun = addRun(world, { repo: 'octo/app', headBranch: 'feature', pullRequestNumber: 7, baseRef: 'main' });
  siblingA = addRun(world, { repo: 'octo/app', headBranch: 'feature-a' });
  siblingB = addRun(world, { repo: 'octo/app', headBranch: 'feature-b' });
  session = await openSession(world);
  cache = await import('@actions/cache');
});

afterAll(async () => {
  await session.close();
});

afterEach(() => {
  expect(session.emulator.failures).toEqual([]);
});

/**
 * The cached directory, absolute: the client globs relative to the cwd (the workspace, on a
 * runner) but archives relative to GITHUB_WORKSPACE; an absolute path works in both.
 */
function deps(): string {
  return join(session.workspace, 'deps');
}

/** Writes `deps/lib.txt` in the workspace with this content. */
function writeDeps(content: string): void {
  const dir = join(session.workspace, 'deps');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir);
  writeFileSync(join(dir, 'lib.txt'), content);
}

function readDeps(): string {
  return readFileSync(join(session.workspace, 'deps', 'lib.txt'), 'utf8');
}

function removeDeps(): void {
  rmSync(join(session.workspace, 'deps'), { recursive: true, force: true });
}

describe('scopes', () => {
  beforeEach(() => removeDeps());

  test('saved on main, restored on a pull request (its token reads main) by a restore-key prefix', async () => {
    session.actAs(mainRun);
    writeDeps('from main');
    const id = await cache.saveCache([deps()], 'deps-linux-aaa');
    expect(id).toBeGreaterThan(0);
    const entry = session.world.cacheEntries.find((e) => e.id === id);
    expect(entry).toMatchObject({ scope: 'refs/heads/main', key: 'deps-linux-aaa', finalized: true });
    // Archives up to 128 MiB go up in one Put Blob, not as blocks.
    const upload = session.emulator.requests.filter((r) => r.service === 'blob' && r.method === 'PUT');
    expect(upload.map((r) => [r.query.includes('comp='), r.status])).toEqual([[false, 201]]);

    session.actAs(pullRequestRun);
    removeDeps();
    const matched = await cache.restoreCache([deps()], 'deps-linux-bbb', ['deps-linux-']);
    expect(matched).toBe('deps-linux-aaa');
    expect(readDeps()).toBe('from main');
  });

  test('a pull request saves into its own ref, which main never reads', async () => {
    session.actAs(pullRequestRun);
    writeDeps('from the pull request');
    const id = await cache.saveCache([deps()], 'pr-only-key');
    expect(session.world.cacheEntries.find((e) => e.id === id)?.scope).toBe('refs/pull/7/merge');
    session.actAs(mainRun);
    expect(await cache.restoreCache([deps()], 'pr-only-key')).toBeUndefined();
  });

  test('a sibling branch misses', async () => {
    session.actAs(siblingA);
    writeDeps('from feature-a');
    expect(await cache.saveCache([deps()], 'sibling-key')).toBeGreaterThan(0);
    session.actAs(siblingB);
    removeDeps();
    expect(await cache.restoreCache([deps()], 'sibling-key', ['sibling-'])).toBeUndefined();
  });

  test('a different version (other paths) misses even with the exact key', async () => {
    session.actAs(mainRun);
    expect(await cache.restoreCache([deps(), join(session.workspace, 'other')], 'deps-linux-aaa')).toBeUndefined();
    expect(await cache.restoreCache([deps()], 'deps-linux-aaa')).toBe('deps-linux-aaa');
  });
});

describe('matching', () => {
  test('the exact key beats a newer prefix match; among prefix matches the newest wins', async () => {
    session.actAs(mainRun);
    writeDeps('one');
    await cache.saveCache([deps()], 'order-1');
    writeDeps('two');
    await cache.saveCache([deps()], 'order-2');
    writeDeps('three');
    await cache.saveCache([deps()], 'order-10');

    removeDeps();
    expect(await cache.restoreCache([deps()], 'order-2', ['order-'])).toBe('order-2');
    expect(readDeps()).toBe('two');
    expect(await cache.restoreCache([deps()], 'order-9', ['order-'])).toBe('order-10');
    expect(readDeps()).toBe('three');
    // The primary key is itself a prefix.
    expect(await cache.restoreCache([deps()], 'order-1')).toBe('order-1');
    expect(await cache.restoreCache([deps()], 'order')).toBe('order-10');
  });

  test('a key taken in the scope is not saved twice', async () => {
    session.actAs(mainRun);
    writeDeps('again');
    const before = session.world.cacheEntries.length;
    expect(await cache.saveCache([deps()], 'order-1')).toBe(-1);
    expect(session.world.cacheEntries.length).toBe(before);
    expect(session.emulator.requests.at(-1)).toMatchObject({ path: expect.stringMatching(/CreateCacheEntry$/), status: 409 });
  });
});

describe('permissions', () => {
  test('a read-only token cannot save: the service denies the write and the client warns', async () => {
    session.actAs(mainRun, { cacheScopes: [{ scope: 'refs/heads/main', permission: CachePermission.read }] });
    writeDeps('read only');
    const before = session.world.cacheEntries.length;
    const outputBefore = session.output.length;
    expect(await cache.saveCache([deps()], 'denied-key')).toBe(-1);
    expect(session.world.cacheEntries.length).toBe(before);
    expect(session.output.slice(outputBefore).join('')).toMatch(/::warning::.*cache write denied/);
  });

  test('a token without readable scopes gets a miss and a warning', async () => {
    session.actAs(mainRun, { cacheScopes: [] });
    const outputBefore = session.output.length;
    expect(await cache.restoreCache([deps()], 'deps-linux-aaa')).toBeUndefined();
    expect(session.output.slice(outputBefore).join('')).toMatch(/::warning::.*cache read denied/);
  });
});
