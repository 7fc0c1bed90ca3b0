/**
 * `upload: delta` end to end (issue #12 item 5): main uploads its snapshot whole, a pull request
 * uploads only a delta against the baseline it compared with, and whatever later reads that delta
 * artifact (locally with the CLI, or a later job naming it) fetches the parent artifact first and
 * checks its digest; a parent that has expired is a warning, not a crash.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addRepo, addRun, addToken, createWorld, expireArtifact, startEmulator, type ApiToken, type Artifact, type Emulator, type World, type WorkflowRun } from '../github/emulators/index.js';
import { SnapshotReader } from '../../src/snapshot/reader.js';
import { runVitsnapOk } from '../helpers/cli.js';
import { startRegistry, type RunningRegistry } from '../helpers/registry.js';
import { actionBundle } from './bundle.js';
import { runAction, type ActionRun } from './harness.js';

const REPO = 'octo/deltas';
const PINNED = new Date(Date.UTC(2026, 0, 1));
const MAIN_SHA = 'a'.repeat(40);
let scratch: string;
let dist: string;
let world: World;
let emulator: Emulator;
let registry: RunningRegistry;
let token: ApiToken;
let counter = 0;
let mainRun: WorkflowRun;
/** The PR's delta artifact and its full snapshot, as the later scenarios get them. */
let deltaFile: string;
let prFull: string;
let prWorkspace: string;

/** 256 KiB that no compressor shrinks, the same for every seed prefix: a stand-in for a binary. */
function binary(seed: string): Buffer {
  const parts: Buffer[] = [];
  for (let i = 0; i < 8192; i++) parts.push(createHash('sha256').update(`${seed}-${i}`).digest());
  return Buffer.concat(parts);
}

/** A build: a binary, a manifest and a readme; `edit` changes 64 bytes of the binary and the manifest. */
function workspace(flavour: string, edit: boolean): string {
  const ws = join(scratch, `ws-${flavour}`);
  mkdirSync(join(ws, 'build', 'bin'), { recursive: true });
  const bin = binary('app');
  if (edit) bin.fill(0x5a, 100_000, 100_064);
  const files: [string, Buffer | string][] = [
    ['build/bin/app', bin],
    ['build/build.json', `${JSON.stringify({ version: edit ? '1.1.0' : '1.0.0' })}\n`],
    ['build/README.txt', 'unchanged\n'],
  ];
  for (const [path, content] of files) {
    writeFileSync(join(ws, path), content, { mode: 0o644 });
    utimesSync(join(ws, path), PINNED, PINNED);
  }
  return ws;
}

function act(run: WorkflowRun, ws: string, inputs: Record<string, string>, event: Record<string, unknown>): Promise<ActionRun> {
  return runAction({ emulator, run, dist, workspace: ws, scratch: join(scratch, `run-${++counter}`), runnerTemp: join(scratch, 'runner-temp'), inputs: { path: 'build/**', ...inputs }, event, token: token.token });
}

function prEvent(number: number, headSha: string): Record<string, unknown> {
  return {
    pull_request: { number, base: { sha: MAIN_SHA, ref: 'main', repo: { full_name: REPO } }, head: { sha: headSha, ref: `feature-${number}`, repo: { full_name: REPO } } },
    repository: { default_branch: 'main', full_name: REPO },
  };
}

function snapshotArtifact(run: WorkflowRun, name = 'vitsnap-snapshot'): Artifact {
  const found = world.artifacts.filter((a) => a.runId === run.id && a.name === name && a.finalized);
  expect(found).toHaveLength(1);
  return found[0] as Artifact;
}

/** The artifact's zip as the service stores it, unzipped with the real unzip into `dir`; its .vitsnap file. */
function unzipArtifact(artifact: Artifact, dir: string): string {
  const blob = world.blobs.get(artifact.blobKey);
  if (blob === undefined) throw new Error(`no blob for artifact ${artifact.id}`);
  const zip = join(scratch, `artifact-${artifact.id}.zip`);
  writeFileSync(zip, blob.content ?? Buffer.concat([...blob.committedBlocks.values()]));
  mkdirSync(dir, { recursive: true });
  const unzip = spawnSync('unzip', ['-o', '-q', zip, '-d', dir], { encoding: 'utf8' });
  expect(unzip.status).toBe(0);
  const names = readdirSync(dir).filter((n) => n.endsWith('.vitsnap'));
  expect(names).toHaveLength(1);
  return join(dir, names[0] as string);
}

/** Every regular file under `root`, relative path → bytes. */
function tree(root: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  const walk = (rel: string): void => {
    for (const name of readdirSync(join(root, rel)).sort()) {
      const path = rel === '' ? name : `${rel}/${name}`;
      if (statSync(join(root, path)).isDirectory()) walk(path);
      else out.set(path, readFileSync(join(root, path)));
    }
  };
  walk('');
  return out;
}

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'vitsnap-delta-upload-'));
  dist = await actionBundle();
  world = createWorld();
  addRepo(world, { owner: 'octo', name: 'deltas', workflows: ['ci.yml'] });
  token = addToken(world);
  emulator = await startEmulator(world);
  registry = await startRegistry();
}, 900_000); // building the bundle alone took over 5 min on a loaded 2-core machine

afterAll(async () => {
  await emulator?.close();
  await registry?.stop();
  rmSync(scratch, { recursive: true, force: true });
});

describe('upload: delta', () => {
  it('a push to main uploads the full snapshot (there is no baseline to make a delta against)', async () => {
    mainRun = addRun(world, { repo: REPO, event: 'push', headBranch: 'main', headSha: MAIN_SHA, status: 'in_progress' });
    const r = await act(mainRun, workspace('main', false), {}, { repository: { default_branch: 'main' } });
    expect(r.code).toBe(0);
    expect(r.outputs['snapshot-kind']).toBe('full');
    const file = unzipArtifact(snapshotArtifact(mainRun), join(scratch, 'main-artifact'));
    expect(file.endsWith('/vitsnap-snapshot.vitsnap')).toBe(true);
    expect(r.outputs['snapshot-upload-bytes']).toBe(String(statSync(file).size));
    mainRun.status = 'completed';
    mainRun.conclusion = 'success';
  });

  it('a pull request uploads a small delta against its baseline that restores byte-identical next to the main artifact, and says so', async () => {
    prWorkspace = workspace('pr', true);
    const run = addRun(world, { repo: REPO, pullRequestNumber: 3, headBranch: 'feature-3', baseRef: 'main', headSha: 'b'.repeat(40), status: 'in_progress' });
    const r = await act(run, prWorkspace, { comment: 'never' }, prEvent(3, 'b'.repeat(40)));
    expect(r.code).toBe(0);
    expect(r.outputs['baseline-run-id']).toBe(String(mainRun.id));
    expect(r.outputs['snapshot-kind']).toBe('delta');
    prFull = join(scratch, 'pr-full', 'vitsnap-snapshot.vitsnap');
    mkdirSync(join(scratch, 'pr-full'));
    copyFileSync(r.outputs['snapshot-path'] as string, prFull);

    // Both artifacts downloaded into one directory, as download-artifact's merge-multiple does.
    const together = join(scratch, 'together');
    unzipArtifact(snapshotArtifact(mainRun), together);
    deltaFile = join(together, 'vitsnap-snapshot-delta.vitsnap');
    const delta = unzipArtifact(snapshotArtifact(run), join(scratch, 'pr-artifact'));
    copyFileSync(delta, deltaFile);
    const bytes = readFileSync(deltaFile);
    expect(bytes.subarray(0, 8).toString('latin1')).toBe('VITSNAP\0');
    expect(bytes.readUInt16LE(8)).toBe(2);
    const full = statSync(prFull).size;
    expect(r.outputs['snapshot-upload-bytes']).toBe(String(bytes.length));
    expect(bytes.length * 20).toBeLessThan(full);
    expect(r.summary).toMatch(/Snapshot uploaded: [\d.]+ (B|KiB) \(delta on main @\u2060? aaaaaaa \(run \d+\); full 25\d\.\d KiB\)\./);

    const reader = SnapshotReader.open(deltaFile);
    try {
      expect(reader.summary.parentRef).toBe(`artifact:${REPO}/${mainRun.id}/vitsnap-snapshot`);
    } finally {
      reader.close();
    }
    const out = join(scratch, 'restored');
    await runVitsnapOk(['restore', deltaFile, '-C', out]);
    const restored = tree(out);
    const built = new Map([...tree(join(prWorkspace, 'build'))].map(([path, content]) => [`build/${path}`, content]));
    expect([...restored.keys()]).toEqual([...built.keys()]);
    for (const [path, content] of built) expect(restored.get(path)?.equals(content)).toBe(true);
  });

  it('upload: full uploads the whole snapshot even with a baseline', async () => {
    const run = addRun(world, { repo: REPO, pullRequestNumber: 4, headBranch: 'feature-4', baseRef: 'main', headSha: 'c'.repeat(40), status: 'in_progress' });
    const r = await act(run, prWorkspace, { comment: 'never', upload: 'full' }, prEvent(4, 'c'.repeat(40)));
    expect(r.code).toBe(0);
    expect(r.outputs['snapshot-kind']).toBe('full');
    const file = unzipArtifact(snapshotArtifact(run), join(scratch, 'full-artifact'));
    expect(file.endsWith('/vitsnap-snapshot.vitsnap')).toBe(true);
    expect(readFileSync(file).readUInt16LE(8)).toBe(1);
    expect(r.summary).toMatch(/Snapshot uploaded: 25\d\.\d KiB \(full\)\./);
  });

  it('a later job that names the delta artifact fetches its parent artifact first: as the baseline, and as the snapshot compared', async () => {
    const gate = join(scratch, 'ws-gate');
    mkdirSync(join(gate, 'in'), { recursive: true });
    expect(spawnSync('cp', ['-a', join(prWorkspace, 'build'), gate]).status).toBe(0);
    // Only the delta: its parent is not next to it.
    copyFileSync(deltaFile, join(gate, 'in', 'pr.vitsnap'));
    copyFileSync(prFull, join(gate, 'in-full.vitsnap'));
    const dispatch = (): WorkflowRun => addRun(world, { repo: REPO, event: 'workflow_dispatch', headBranch: 'main', headSha: 'd'.repeat(40), status: 'in_progress' });
    const asBaseline = await act(dispatch(), gate, { mode: 'compare', baseline: 'path:in/pr.vitsnap', comment: 'never' }, { repository: { default_branch: 'main' } });
    expect(asBaseline.code).toBe(0);
    expect(asBaseline.outputs.verdict).toBe('identical');
    expect(asBaseline.stdout).toContain(`fetching the delta's parent: artifact vitsnap-snapshot (id ${snapshotArtifact(mainRun).id}) of run ${mainRun.id}`);
    const compared = await act(dispatch(), gate, { mode: 'compare', path: 'in/pr.vitsnap', baseline: 'path:in-full.vitsnap', comment: 'never' }, { repository: { default_branch: 'main' } });
    expect(compared.code).toBe(0);
    expect(compared.outputs.verdict).toBe('identical');
    expect(compared.stdout).toContain(`fetching the delta's parent: artifact vitsnap-snapshot (id ${snapshotArtifact(mainRun).id}) of run ${mainRun.id}`);
  });

  it('an expired parent artifact is a warning naming E_PARENT and the run reports no baseline, without failing', async () => {
    expireArtifact(world, snapshotArtifact(mainRun).id);
    const gate = join(scratch, 'ws-gate');
    const run = addRun(world, { repo: REPO, event: 'workflow_dispatch', headBranch: 'main', headSha: 'e'.repeat(40), status: 'in_progress' });
    const r = await act(run, gate, { mode: 'compare', baseline: 'path:in/pr.vitsnap', comment: 'never' }, { repository: { default_branch: 'main' } });
    expect(r.code).toBe(0);
    expect(r.outputs.verdict).toBe('no-baseline');
    expect(r.stdout).toMatch(/^::warning::the baseline in\/pr\.vitsnap is a delta snapshot whose parent is gone \(E_PARENT: .*expired or was deleted/m);
  });

  it('baseline: oci: the delta names the registry snapshot it was made against, pinned by digest', async () => {
    const inputs = { name: 'oci', baseline: 'oci', registry: `${registry.host}/octo/deltas-vitsnap`, comment: 'never' };
    const push = addRun(world, { repo: REPO, event: 'push', headBranch: 'main', headSha: 'f'.repeat(40), status: 'in_progress' });
    const main = await act(push, workspace('main', false), inputs, { repository: { default_branch: 'main' } });
    expect(main.code).toBe(0);
    expect(main.outputs['snapshot-kind']).toBe('full');
    push.status = 'completed';
    push.conclusion = 'success';
    const run = addRun(world, { repo: REPO, pullRequestNumber: 5, headBranch: 'feature-5', baseRef: 'main', headSha: '5'.repeat(40), status: 'in_progress' });
    const event = prEvent(5, '5'.repeat(40));
    (event.pull_request as { base: { sha: string } }).base.sha = 'f'.repeat(40);
    const r = await act(run, prWorkspace, inputs, event);
    expect(r.code).toBe(0);
    expect(r.outputs['snapshot-kind']).toBe('delta');
    const delta = unzipArtifact(snapshotArtifact(run, 'vitsnap-oci'), join(scratch, 'oci-artifact'));
    const reader = SnapshotReader.open(delta);
    try {
      expect(reader.summary.parentRef).toMatch(new RegExp(`^oci://${registry.host.replace(/\./g, '\\.')}/octo/deltas-vitsnap@sha256:[0-9a-f]{64}$`));
      expect(reader.fileSize * 20).toBeLessThan(statSync(r.outputs['snapshot-path'] as string).size);
    } finally {
      reader.close();
    }
  });
});
