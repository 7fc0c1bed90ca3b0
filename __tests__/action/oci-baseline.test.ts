/**
 * `baseline: oci` end to end: the bundled action against the REST emulator and a real
 * docker-registry. Pushes to main send the snapshot (only the chunks the registry lacks) under
 * `<name>-<sha>` and `latest-<name>`; pull requests find the base commit's snapshot, else walk back
 * main's trusted runs, else take latest; the compare reads only what it needs.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RegistryClient } from '../../src/oci/client.js';
import { parseReference } from '../../src/oci/reference.js';
import { addRepo, addRun, addToken, createWorld, startEmulator, type ApiToken, type Emulator, type World, type WorkflowRun } from '../github/emulators/index.js';
import { seededBytes } from '../helpers/trees.js';
import { startRegistry, type RunningRegistry } from '../helpers/registry.js';
import { actionBundle } from './bundle.js';
import { runAction, type ActionRun } from './harness.js';

// Each test runs the action two to four times (5-15 s each, longer on a loaded 2-core runner):
// a hang guard, not a speed check.
jest.setTimeout(240_000);

const REPO = 'octo/oci';
const PINNED = new Date(Date.UTC(2026, 0, 1));
let scratch: string;
let dist: string;
let world: World;
let emulator: Emulator;
let token: ApiToken;
let registry: RunningRegistry;
let counter = 0;

const sha = (c: string): string => c.repeat(40).slice(0, 40);

/** 40 build outputs; `flavour` changes one of them. */
function workspace(flavour: string): string {
  const ws = join(scratch, `ws-${flavour}`);
  if (existsSync(ws)) return ws;
  mkdirSync(join(ws, 'build'), { recursive: true });
  for (let i = 0; i < 40; i++) writeFileSync(join(ws, 'build', `lib${i}.bin`), seededBytes(8192 + i * 100, i, false), { mode: 0o644 });
  writeFileSync(join(ws, 'build', 'app.json'), `${JSON.stringify({ name: 'app', flavour }, null, 2)}\n`, { mode: 0o644 });
  for (let i = 0; i < 40; i++) utimesSync(join(ws, 'build', `lib${i}.bin`), PINNED, PINNED);
  utimesSync(join(ws, 'build', 'app.json'), PINNED, PINNED);
  return ws;
}

const repoEvent = { repository: { default_branch: 'main', full_name: REPO } };

function prEvent(number: number, baseSha: string, headSha: string): Record<string, unknown> {
  return { ...repoEvent, pull_request: { number, base: { sha: baseSha, ref: 'main', repo: { full_name: REPO } }, head: { sha: headSha, ref: `f-${number}`, repo: { full_name: REPO } } } };
}

async function act(run: WorkflowRun, event: Record<string, unknown>, ws: string): Promise<ActionRun> {
  const inputs = { path: 'build/**', baseline: 'oci', registry: `${registry.host}/Octo/OCI-vitsnap` };
  // Each run is a fresh runner: its own RUNNER_TEMP, so its store starts empty.
  const r = await runAction({ emulator, run, dist, workspace: ws, scratch: join(scratch, `run-${++counter}`), runnerTemp: join(scratch, `temp-${counter}`), inputs, event, token: token.token });
  run.status = 'completed';
  run.conclusion = 'success';
  return r;
}

async function tags(): Promise<string[]> {
  const client = new RegistryClient(parseReference(`oci://${registry.host}/octo/oci-vitsnap`, { allowMissingTag: true }));
  try {
    return (await client.listTags()).sort();
  } finally {
    client.close();
  }
}

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'vitsnap-oci-action-'));
  dist = await actionBundle();
  world = createWorld();
  addRepo(world, { owner: 'octo', name: 'oci', workflows: ['ci.yml'] });
  token = addToken(world);
  emulator = await startEmulator(world);
  registry = await startRegistry();
}, 900_000); // building the bundle alone took over 5 min on a loaded 2-core machine

afterAll(async () => {
  await emulator?.close();
  await registry?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

describe('baseline: oci', () => {
  it('pushes main snapshots by sha and latest, sending only new chunks the second time', async () => {
    const first = await act(addRun(world, { repo: REPO, event: 'push', headBranch: 'main', headSha: sha('1'), status: 'in_progress' }), repoEvent, workspace('one'));
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/pushed the snapshot to oci:\/\/127\.0\.0\.1:\d+\/octo\/oci-vitsnap:snapshot-1{40} and :latest-snapshot: 41 of 41 chunks sent/);
    const second = await act(addRun(world, { repo: REPO, event: 'push', headBranch: 'main', headSha: sha('2'), status: 'in_progress' }), repoEvent, workspace('two'));
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/: 1 of 41 chunks sent, [\d.]+ B \(\d\.\d % of the/);
    expect(await tags()).toEqual(['latest-snapshot', `snapshot-${sha('1')}`, `snapshot-${sha('2')}`]);
  });

  it('compares a pull request with its base commit snapshot from the registry', async () => {
    const pr = addRun(world, { repo: REPO, pullRequestNumber: 5, headBranch: 'f-5', baseRef: 'main', headSha: sha('5'), status: 'in_progress' });
    const r = await act(pr, prEvent(5, sha('1'), sha('5')), workspace('two'));
    expect(r.code).toBe(0);
    expect(r.outputs['baseline-sha']).toBe(sha('1'));
    expect(r.outputs.verdict).toBe('drift-unexplained');
    expect(r.outputs['changed-count']).toBe('1');
    expect(r.stdout).toContain(`baseline: oci://${registry.host}/octo/oci-vitsnap:snapshot-${sha('1')}, the base commit`);
    // A PR run pushes nothing.
    expect(await tags()).toEqual(['latest-snapshot', `snapshot-${sha('1')}`, `snapshot-${sha('2')}`]);
  });

  it('walks back main runs when the base commit has no snapshot, then falls back to latest', async () => {
    const pr = addRun(world, { repo: REPO, pullRequestNumber: 6, headBranch: 'f-6', baseRef: 'main', headSha: sha('6'), status: 'in_progress' });
    const r = await act(pr, prEvent(6, sha('9'), sha('6')), workspace('two'));
    expect(r.outputs['baseline-sha']).toBe(sha('2'));
    expect(r.outputs.verdict).toBe('identical');
    expect(r.stdout).toContain('the newest pushed snapshot on main');

    world.runs.length = 0; // no runs to walk: only latest-snapshot is left
    const lone = addRun(world, { repo: REPO, pullRequestNumber: 7, headBranch: 'f-7', baseRef: 'main', headSha: sha('7'), status: 'in_progress' });
    const l = await act(lone, prEvent(7, sha('8'), sha('7')), workspace('one'));
    expect(l.outputs.verdict).toBe('drift-unexplained');
    expect(l.stdout).toContain(':latest-snapshot (no tag for the base commit or a recent run)');
  });
});
