import { describe, it, expect, beforeAll, afterAll } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../../helpers/cli.js';
import { captureSnapshot } from '../../../src/snapshot/capture.js';
import { collectMetadata } from '../../../src/snapshot/metadata/index.js';

let tmp: string;
let repo: string;
let env: NodeJS.ProcessEnv;

beforeAll(() => {
  tmp = realpathSync(mkdtempSync(join(tmpdir(), 'vitsnap-meta-')));
  repo = join(tmp, 'repo');
  mkdirSync(join(repo, 'app'), { recursive: true });
  env = {
    PATH: process.env.PATH,
    HOME: tmp,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CEILING_DIRECTORIES: tmp,
    GIT_AUTHOR_NAME: 'T',
    GIT_AUTHOR_EMAIL: 't@example.com',
    GIT_COMMITTER_NAME: 'T',
    GIT_COMMITTER_EMAIL: 't@example.com',
    SOURCE_DATE_EPOCH: '1700000000',
    CFLAGS: '-O2',
    GITHUB_TOKEN: 'ghs_abcdefghijklmnopqrstuvwxyz012345',
    GITHUB_REPOSITORY: 'octo/repo',
    GITHUB_RUN_ID: '42',
  };
  writeFileSync(join(repo, 'package-lock.json'), '{}\n');
  writeFileSync(join(repo, 'app', 'Cargo.lock'), '# nested\n');
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repo, env });
  git('init', '-q', '-b', 'main');
  git('add', '.');
  git('commit', '-q', '-m', 'init');
});

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const sha256sum = (file: string): string => execFileSync('sha256sum', [file]).toString().split(' ')[0];

describe('collectMetadata', () => {
  it('collects every part, lockfiles from the git top level, secrets kept out', async () => {
    const { metadata, source, warnings } = await collectMetadata({
      root: join(repo, 'app'),
      env,
      envAllowlist: ['GITHUB_TOKEN'],
      probes: ['node', 'absent-tool-xyz'],
      commands: [{ name: 'where', command: 'pwd' }, { name: 'broken', command: 'exit 4' }],
    });
    expect(source).toEqual({
      repository: 'octo/repo',
      ref: 'refs/heads/main',
      sha: execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repo, env }).toString().trim(),
      dirty: false,
      runId: '42',
    });
    expect(metadata.toolchains.map((t) => [t.name, t.found])).toEqual([['absent-tool-xyz', false], ['node', true]]);
    // The project's node: the first on PATH after vitsnap's own node_modules/.bin, which probes leave out.
    const ownBin = join(REPO_ROOT, 'node_modules', '.bin');
    const projectPath = (env.PATH ?? '').split(':').filter((d) => d !== ownBin).join(':');
    expect(metadata.toolchains[1].version).toBe(execFileSync('node', ['--version'], { env: { ...env, PATH: projectPath } }).toString().trim());
    expect(metadata.env).toEqual({ CFLAGS: '-O2', SOURCE_DATE_EPOCH: '1700000000' });
    expect(warnings).toEqual([expect.stringContaining('GITHUB_TOKEN')]);
    expect(JSON.stringify({ metadata, source, warnings })).not.toContain('ghs_abcdefghijklmnopqrstuvwxyz012345');
    expect(metadata.umask).toMatch(/^[0-7]{4}$/);
    expect(metadata.runner.os).toBe(process.platform);
    expect(metadata.lockfiles).toEqual([{ path: 'package-lock.json', sha256: sha256sum(join(repo, 'package-lock.json')) }]);
    expect(metadata.commands).toEqual([
      { name: 'broken', command: 'exit 4', exitCode: 4, stdout: '', error: 'exited with code 4' },
      { name: 'where', command: 'pwd', exitCode: 0, stdout: join(repo, 'app') },
    ]);
  });

  it('takes lockfiles from lockfileDir, or from root outside a repository', async () => {
    const inApp = await collectMetadata({ root: repo, env, probes: [], lockfileDir: join(repo, 'app') });
    expect(inApp.metadata.lockfiles.map((l) => l.path)).toEqual(['Cargo.lock']);
    const plain = join(tmp, 'plain');
    mkdirSync(plain, { recursive: true });
    writeFileSync(join(plain, 'go.sum'), 'x\n');
    const outside = await collectMetadata({ root: plain, env: { ...env, GITHUB_REPOSITORY: '' }, probes: [] });
    expect(outside.metadata.lockfiles.map((l) => l.path)).toEqual(['go.sum']);
    expect(outside.source).toEqual({ repository: null, ref: null, sha: null, dirty: null, runId: '42' });
  });

  it('rejects invalid commands with E_USAGE', async () => {
    await expect(
      collectMetadata({ root: repo, env, probes: [], commands: [{ name: 'a', command: 'true' }, { name: 'a', command: 'true' }] }),
    ).rejects.toMatchObject({ code: 'E_USAGE' });
  });

  it('is deterministic: two runs give equal results', async () => {
    // The default list is probed in toolchains.test.ts; a few real tools keep this test quick.
    const probes = ['python3', 'node', 'gcc', 'cc', 'javac', 'absent-tool-xyz'];
    const options = { root: repo, env, probes, commands: [{ name: 'echo', command: 'echo same' }] };
    const first = await collectMetadata(options);
    const second = await collectMetadata(options);
    expect(second).toEqual(first);
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    expect(first.metadata.toolchains.map((t) => t.name)).toEqual([...probes].sort());
    expect(first.metadata.toolchains.find((t) => t.name === 'node')?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(first.metadata.commands[0].stdout).toBe('same');
  });

  it('start with the capture, and a capture that fails kills what still runs instead of waiting for it', async () => {
    const bin = join(tmp, 'slow-bin');
    mkdirSync(bin);
    // A duration no other process uses, to find this probe's sleep in /proc (it may be killed before it starts).
    const marker = `60.${process.pid}`;
    writeFileSync(join(bin, 'gcc'), `#!/bin/sh\nexec sleep ${marker}\n`);
    chmodSync(join(bin, 'gcc'), 0o755);
    const empty = join(tmp, 'nothing-to-capture');
    mkdirSync(empty);
    let started = false;
    const capture = captureSnapshot({
      root: empty,
      patterns: [],
      output: join(tmp, 'never.vitsnap'),
      workers: 0,
      metadata: (signal) => {
        started = true;
        return collectMetadata({ root: empty, env: { PATH: `${bin}:/usr/bin:/bin` }, probes: ['gcc'], signal });
      },
    });
    expect(started).toBe(true); // before the walk
    await expect(capture).rejects.toMatchObject({ code: 'E_NOT_FOUND' });
    const sleeping = (): boolean =>
      readdirSync('/proc').some((pid) => {
        try {
          return /^\d+$/.test(pid) && readFileSync(`/proc/${pid}/cmdline`, 'utf8') === `sleep\0${marker}\0` && !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
        } catch {
          return false; // gone while we looked
        }
      });
    // It may have been killed before it got to exec sleep; if it did start, it must go.
    for (let i = 0; i < 40 && !sleeping(); i++) await new Promise((r) => setTimeout(r, 50));
    for (let i = 0; i < 100 && sleeping(); i++) await new Promise((r) => setTimeout(r, 50));
    expect(sleeping()).toBe(false);
  });
});
