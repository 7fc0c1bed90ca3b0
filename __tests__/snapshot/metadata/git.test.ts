import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeSource, findGitToplevel } from '../../../src/snapshot/metadata/git.js';

let tmp: string;
let repo: string;
let plain: string;
// A clean environment: no GITHUB_* from a CI runner, no user or system git config.
let env: NodeJS.ProcessEnv;

const git = (cwd: string, ...args: string[]): string => execFileSync('git', args, { cwd, env }).toString().trim();

beforeAll(() => {
  tmp = realpathSync(mkdtempSync(join(tmpdir(), 'vitsnap-git-')));
  env = {
    PATH: process.env.PATH,
    HOME: tmp,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CEILING_DIRECTORIES: tmp,
    GIT_AUTHOR_NAME: 'T',
    GIT_AUTHOR_EMAIL: 't@example.com',
    GIT_COMMITTER_NAME: 'T',
    GIT_COMMITTER_EMAIL: 't@example.com',
  };
  repo = join(tmp, 'repo');
  mkdirSync(join(repo, 'sub'), { recursive: true });
  git(repo, 'init', '-q', '-b', 'main');
  writeFileSync(join(repo, 'a.txt'), 'one\n');
  git(repo, 'add', 'a.txt');
  git(repo, 'commit', '-q', '-m', 'first');
  plain = join(tmp, 'plain');
  mkdirSync(plain);
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('describeSource', () => {
  it('reads sha, ref and a clean tree from a real repository', async () => {
    const sha = git(repo, 'rev-parse', 'HEAD');
    expect(sha).toMatch(/^[0-9a-f]{40}$/);
    expect(await describeSource(join(repo, 'sub'), env)).toEqual({
      repository: null,
      ref: 'refs/heads/main',
      sha,
      dirty: false,
      runId: null,
    });
  });

  it('is dirty after a tracked file changes, not for an untracked file', async () => {
    writeFileSync(join(repo, 'untracked.txt'), 'new');
    expect((await describeSource(repo, env)).dirty).toBe(false);
    writeFileSync(join(repo, 'a.txt'), 'two\n');
    try {
      expect((await describeSource(repo, env)).dirty).toBe(true);
    } finally {
      writeFileSync(join(repo, 'a.txt'), 'one\n');
      rmSync(join(repo, 'untracked.txt'));
    }
  });

  it('prefers GitHub env for repository, ref and run, and git for the sha', async () => {
    const info = await describeSource(repo, {
      ...env,
      GITHUB_REPOSITORY: 'octo/repo',
      GITHUB_REF: 'refs/pull/7/merge',
      GITHUB_RUN_ID: '123456',
      GITHUB_SHA: 'f'.repeat(40),
    });
    expect(info).toEqual({
      repository: 'octo/repo',
      ref: 'refs/pull/7/merge',
      sha: git(repo, 'rev-parse', 'HEAD'),
      dirty: false,
      runId: '123456',
    });
  });

  it('has no ref on a detached HEAD', async () => {
    const sha = git(repo, 'rev-parse', 'HEAD');
    git(repo, 'checkout', '-q', '--detach');
    try {
      const info = await describeSource(repo, env);
      expect(info.ref).toBeNull();
      expect(info.sha).toBe(sha);
    } finally {
      git(repo, 'checkout', '-q', 'main');
    }
  });

  it('gives nulls outside a repository, falling back to GITHUB_SHA', async () => {
    expect(await describeSource(plain, env)).toEqual({ repository: null, ref: null, sha: null, dirty: null, runId: null });
    const sha = 'a'.repeat(40);
    expect((await describeSource(plain, { ...env, GITHUB_SHA: sha })).sha).toBe(sha);
  });

  it('gives nulls without throwing when git is missing or the root does not exist', async () => {
    const empty = { repository: null, ref: null, sha: null, dirty: null, runId: null };
    expect(await describeSource(repo, { ...env, PATH: join(tmp, 'no-bin') })).toEqual(empty);
    expect(await describeSource(join(tmp, 'missing'), env)).toEqual(empty);
  });
});

describe('findGitToplevel', () => {
  it('finds the work tree top from a subdirectory, null outside', async () => {
    expect(await findGitToplevel(join(repo, 'sub'), env)).toBe(repo);
    expect(await findGitToplevel(plain, env)).toBeNull();
  });
});
