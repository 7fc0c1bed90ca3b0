/**
 * The way the end-to-end test will run the action: a separate Node process whose environment is
 * `runnerEnv(...)` (plus PATH), talking to the emulator in this process. Spawned asynchronously:
 * a synchronous spawn would block the event loop the emulator answers on.
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import {
  addRepo,
  addRun,
  addToken,
  createWorld,
  runnerEnv,
  startEmulator,
  type ApiToken,
  type Emulator,
  type WorkflowRun,
} from './emulators/index.js';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

// Uses all three clients the way an action would; the result is the last line on stdout.
const CHILD = `
import { DefaultArtifactClient } from '@actions/artifact';
import * as cache from '@actions/cache';
import { context, getOctokit } from '@actions/github';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
const out = join(process.env.GITHUB_WORKSPACE, 'out');
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'a.txt'), 'from the child');
const artifact = await new DefaultArtifactClient().uploadArtifact('spawned', [join(out, 'a.txt')], out);
const cacheId = await cache.saveCache([out], 'spawned-key');
const octokit = getOctokit(process.env.TEST_GITHUB_TOKEN);
const { data } = await octokit.rest.issues.createComment({ ...context.repo, issue_number: context.issue.number, body: 'from the child' });
console.log(JSON.stringify({ artifact: artifact.id, cacheId, comment: data.id }));
`;

let emulator: Emulator;
let run: WorkflowRun;
let token: ApiToken;
let dir: string;

beforeAll(async () => {
  const world = createWorld();
  addRepo(world, { owner: 'octo', name: 'app', workflows: ['ci.yml'] });
  run = addRun(world, { repo: 'octo/app', headBranch: 'feature', pullRequestNumber: 4, baseRef: 'main' });
  token = addToken(world);
  emulator = await startEmulator(world);
  dir = await mkdtemp(join(tmpdir(), 'gh-emulator-child-'));
});

afterAll(async () => {
  await emulator.close();
  await rm(dir, { recursive: true, force: true });
});

test('a child process with only runnerEnv uses all three services', async () => {
  const workspace = join(dir, 'workspace');
  const runnerTemp = join(dir, 'temp');
  mkdirSync(workspace);
  mkdirSync(runnerTemp);
  const eventPath = join(dir, 'event.json');
  await writeFile(eventPath, JSON.stringify({ pull_request: { number: 4 }, number: 4 }));
  const env = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? dir,
    ...runnerEnv(emulator, { run, workspace, runnerTemp, eventPath }),
    TEST_GITHUB_TOKEN: token.token,
  };
  // cwd is the repository so the bare specifiers resolve from its node_modules.
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', CHILD], {
    cwd: REPO_ROOT,
    env,
    timeout: 60_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  const result = JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as { artifact: number; cacheId: number; comment: number };
  const { world } = emulator;
  expect(world.artifacts.find((a) => a.id === result.artifact)).toMatchObject({ name: 'spawned', runId: run.id, finalized: true });
  expect(world.cacheEntries.find((e) => e.id === result.cacheId)).toMatchObject({ scope: 'refs/pull/4/merge', finalized: true });
  expect(world.comments.find((c) => c.id === result.comment)).toMatchObject({
    issueNumber: 4,
    body: 'from the child',
    author: token.login,
  });
  expect(emulator.failures).toEqual([]);
});
