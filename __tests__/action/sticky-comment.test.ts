/**
 * The sticky comment is never stale and never someone else's (issue #9 item 6), end to end: only
 * comments by the token's own identity count, each names its head commit, an older run that
 * finishes late leaves a newer result alone, and racing runs' duplicates are cleaned up.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commentMarker, headMarker } from '../../src/github/comment.js';
import { addComment, addRepo, addRun, addToken, commentsOn, createWorld, startEmulator, type ApiToken, type Emulator, type World, type WorkflowRun } from '../github/emulators/index.js';
import { actionBundle } from './bundle.js';
import { runAction, type ActionRun } from './harness.js';

// Each test runs the action several times: on a loaded 2-core machine one run alone can take 20 s.
jest.setTimeout(240_000);

const REPO = 'octo/sticky';
const MARKER = commentMarker('snapshot');
const PINNED = new Date(Date.UTC(2026, 0, 1));
let scratch: string;
let dist: string;
let world: World;
let emulator: Emulator;
let bot: ApiToken;
let counter = 0;

const sha = (c: string): string => c.repeat(40).slice(0, 40);
const repoEvent = { repository: { default_branch: 'main', full_name: REPO } };

function workspace(flavour: string): string {
  const ws = join(scratch, `ws-${flavour}`);
  if (existsSync(ws)) return ws;
  mkdirSync(join(ws, 'build'), { recursive: true });
  writeFileSync(join(ws, 'build', 'app.json'), `${JSON.stringify({ flavour })}\n`, { mode: 0o644 });
  utimesSync(join(ws, 'build', 'app.json'), PINNED, PINNED);
  return ws;
}

function prEvent(number: number, baseSha: string, headSha: string): Record<string, unknown> {
  return { ...repoEvent, pull_request: { number, base: { sha: baseSha, ref: 'main', repo: { full_name: REPO } }, head: { sha: headSha, ref: `f-${number}`, repo: { full_name: REPO } } } };
}

async function act(run: WorkflowRun, event: Record<string, unknown>, ws: string, token = bot): Promise<ActionRun> {
  const r = await runAction({ emulator, run, dist, workspace: ws, scratch: join(scratch, `run-${++counter}`), runnerTemp: join(scratch, 'runner-temp'), inputs: { path: 'build/**', comment: 'always' }, event, token: token.token });
  run.status = 'completed';
  run.conclusion = 'success';
  return r;
}

function prRun(number: number, head: string): WorkflowRun {
  return addRun(world, { repo: REPO, pullRequestNumber: number, headBranch: `f-${number}`, baseRef: 'main', headSha: head, status: 'in_progress' });
}

const ours = (pr: number, author = 'github-actions[bot]') => commentsOn(world, REPO, pr).filter((c) => c.body.includes(MARKER) && c.author === author);

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'vitsnap-sticky-'));
  dist = await actionBundle();
  world = createWorld();
  addRepo(world, { owner: 'octo', name: 'sticky', workflows: ['ci.yml'] });
  bot = addToken(world);
  emulator = await startEmulator(world);
  const main = addRun(world, { repo: REPO, event: 'push', headBranch: 'main', headSha: sha('a'), status: 'in_progress' });
  expect((await act(main, repoEvent, workspace('main'))).code).toBe(0);
}, 900_000); // building the bundle alone took over 5 min on a loaded 2-core machine

afterAll(async () => {
  await emulator?.close();
  rmSync(scratch, { recursive: true, force: true });
});

describe('the sticky comment', () => {
  it("leaves a user's comment that quotes the marker alone and writes its own, naming the head commit", async () => {
    const quote = addComment(world, { repo: REPO, issueNumber: 40, body: `why does the bot write ${MARKER}?`, author: 'alice' });
    const r = await act(prRun(40, sha('b')), prEvent(40, sha('a'), sha('b')), workspace('b'));
    expect(r.code).toBe(0);
    expect(commentsOn(world, REPO, 40).find((c) => c.id === quote.id)?.body).toBe(`why does the bot write ${MARKER}?`);
    expect(ours(40)).toHaveLength(1);
    expect(ours(40)[0]?.body).toContain(headMarker(sha('b')));
    expect(r.outputs['comment-url']).toContain(String(ours(40)[0]?.id));
  });

  it('an older run that finishes after a newer one does not overwrite the newer result', async () => {
    const older = prRun(41, sha('c'));
    const newer = prRun(41, sha('d'));
    expect((await act(newer, prEvent(41, sha('a'), sha('d')), workspace('d'))).code).toBe(0);
    const late = await act(older, prEvent(41, sha('a'), sha('c')), workspace('c'));
    expect(late.code).toBe(0);
    expect(late.stdout).toMatch(/PR comment skipped: #41 has moved on to ddddddd; this run built ccccccc/);
    expect(ours(41)).toHaveLength(1);
    expect(ours(41)[0]?.body).toContain(headMarker(sha('d')));
    expect(ours(41)[0]?.body).not.toContain(headMarker(sha('c')));
  });

  it('keeps the oldest of duplicate comments (two runs that both created one) and deletes the rest', async () => {
    const first = addComment(world, { repo: REPO, issueNumber: 42, body: `${MARKER}\nold result`, author: 'github-actions[bot]' });
    addComment(world, { repo: REPO, issueNumber: 42, body: `${MARKER}\nraced result`, author: 'github-actions[bot]' });
    const r = await act(prRun(42, sha('e')), prEvent(42, sha('a'), sha('e')), workspace('e'));
    expect(r.code).toBe(0);
    expect(ours(42).map((c) => c.id)).toEqual([first.id]);
    expect(ours(42)[0]?.body).toContain(headMarker(sha('e')));
  });

  it("with a personal token, finds the comment by that user, not the bot's", async () => {
    const pat = addToken(world, { login: 'release-bot-user', token: 'ghp_personal0123456789' });
    const botComment = addComment(world, { repo: REPO, issueNumber: 43, body: `${MARKER}\nby the bot`, author: 'github-actions[bot]' });
    const r = await act(prRun(43, sha('f')), prEvent(43, sha('a'), sha('f')), workspace('f'), pat);
    expect(r.code).toBe(0);
    expect(ours(43, 'release-bot-user')).toHaveLength(1);
    expect(commentsOn(world, REPO, 43).find((c) => c.id === botComment.id)?.body).toBe(`${MARKER}\nby the bot`);
  });
});
