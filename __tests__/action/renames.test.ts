/**
 * Renamed files through the bundled action (issue #9 item 13): a bundler's hashed names that
 * changed with the content are one modified file in the outputs, the summary and the comment;
 * `strip-hash: off` lists them as added and removed; a bad pattern fails the step naming the input.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addRepo, addRun, addToken, commentsOn, createWorld, startEmulator, type ApiToken, type Emulator, type World, type WorkflowRun } from '../github/emulators/index.js';
import { actionBundle } from './bundle.js';
import { runAction, type ActionRun } from './harness.js';

// Each test runs the action several times: on a loaded 2-core machine one run alone can take 20 s.
jest.setTimeout(240_000);

const REPO = 'octo/web';
const BASE = 'a'.repeat(40);
let scratch: string;
let dist: string;
let world: World;
let emulator: Emulator;
let token: ApiToken;
let counter = 0;

/** node writes `dist/app.<first 8 hex of sha256>.js` and an index.html that loads it, as webpack's [contenthash:8] does. */
function build(source: string): string {
  const ws = join(scratch, `ws-${++counter}`);
  const emit = `
    const { createHash } = require('node:crypto');
    const { mkdirSync, writeFileSync } = require('node:fs');
    const [out, source] = process.argv.slice(1);
    mkdirSync(out, { recursive: true });
    const name = 'app.' + createHash('sha256').update(source).digest('hex').slice(0, 8) + '.js';
    writeFileSync(out + '/' + name, source);
    writeFileSync(out + '/index.html', '<script src="' + name + '"></script>\\n');`;
  execFileSync(process.execPath, ['-e', emit, join(ws, 'dist'), source]);
  return ws;
}

async function act(run: WorkflowRun, event: Record<string, unknown>, ws: string, inputs: Record<string, string> = {}): Promise<ActionRun> {
  return runAction({ emulator, run, dist, workspace: ws, scratch: join(scratch, `run-${counter}`), runnerTemp: join(scratch, 'runner-temp'), inputs: { path: 'dist/**', ...inputs }, event, token: token.token });
}

async function pullRequest(number: number, inputs: Record<string, string> = {}): Promise<ActionRun> {
  const head = String(number).repeat(40).slice(0, 40);
  const run = addRun(world, { repo: REPO, pullRequestNumber: number, headBranch: `feature-${number}`, baseRef: 'main', headSha: head, status: 'in_progress' });
  const event = {
    pull_request: { number, base: { sha: BASE, ref: 'main', repo: { full_name: REPO } }, head: { sha: head, ref: `feature-${number}`, repo: { full_name: REPO } } },
    repository: { default_branch: 'main', full_name: REPO },
  };
  return act(run, event, build('console.log("hello, world");\n'), inputs);
}

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'vitsnap-renames-e2e-'));
  dist = await actionBundle();
  world = createWorld();
  addRepo(world, { owner: 'octo', name: 'web', workflows: ['ci.yml'] });
  token = addToken(world);
  emulator = await startEmulator(world);
  const main = addRun(world, { repo: REPO, event: 'push', headBranch: 'main', headSha: BASE, status: 'in_progress' });
  const r = await act(main, { repository: { default_branch: 'main' } }, build('console.log("hello");\n'));
  if (r.code !== 0) throw new Error(`baseline run failed: ${r.stdout}`);
  main.status = 'completed';
  main.conclusion = 'success';
}, 900_000); // building the bundle alone took over 5 min on a loaded 2-core machine

afterAll(async () => {
  await emulator?.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe('hashed bundle names in a pull request', () => {
  it('pairs app.<hash>.js with its new name: renamed-count 1, nothing added or removed, one row in the comment', async () => {
    const r = await pullRequest(3);
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({ verdict: 'drift-unexplained', 'added-count': '0', 'removed-count': '0', 'renamed-count': '1', 'changed-count': '2' });
    const comment = commentsOn(world, REPO, 3).map((c) => c.body).join('\n');
    expect(comment).toMatch(/\| 🔀 \| <code>dist\/app\.[0-9a-f]{8}\.js<\/code> \| renamed from dist\/app\.[0-9a-f]{8}\.js; /);
    expect(comment).not.toMatch(/\| ➕ \|/);
    expect(r.summary).toContain('1 renamed');
  });

  it('strip-hash: off lists the old name as removed and the new one as added', async () => {
    const r = await pullRequest(4, { 'strip-hash': 'off' });
    expect(r.code).toBe(0);
    expect(r.outputs).toMatchObject({ 'added-count': '1', 'removed-count': '1', 'renamed-count': '0', 'changed-count': '1' });
  });

  it('a strip-hash that is not a regular expression fails the step, naming the input', async () => {
    const r = await pullRequest(5, { 'strip-hash': '(' });
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/^::error::E_INPUT: input 'strip-hash': not a regular expression .*; pass a pattern such as/m);
  });
});
