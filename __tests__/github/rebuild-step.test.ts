/** What `mode: rebuild` hands its builds and reports from them, apart from the builds themselves (rebuild.test.ts in action/ runs those). */
import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ACTION_WORDING, buildEnvironment, culpritsOutput } from '../../src/github/rebuild-step.js';
import { runRebuild } from '../../src/rebuild/rebuild.js';

describe('buildEnvironment', () => {
  it("withholds the action's inputs, the runner's tokens and the step's file commands, and keeps the rest", () => {
    const env = buildEnvironment({
      PATH: '/usr/bin',
      HOME: '/home/runner',
      GITHUB_SHA: 'abc',
      GITHUB_WORKSPACE: '/w',
      GITHUB_TOKEN: 'set by the workflow on purpose',
      SOURCE_DATE_EPOCH: '1',
      INPUT_TOKEN: 'ghs_secret',
      'INPUT_BUILD-COMMAND': 'make',
      ACTIONS_RUNTIME_TOKEN: 'jwt',
      ACTIONS_RUNTIME_URL: 'u',
      ACTIONS_RESULTS_URL: 'u',
      ACTIONS_CACHE_URL: 'u',
      ACTIONS_ID_TOKEN_REQUEST_TOKEN: 't',
      GITHUB_OUTPUT: '/o',
      GITHUB_STATE: '/s',
      GITHUB_STEP_SUMMARY: '/m',
      GITHUB_ENV: '/e',
      GITHUB_PATH: '/p',
    });
    expect(Object.keys(env).sort()).toEqual(['GITHUB_SHA', 'GITHUB_TOKEN', 'GITHUB_WORKSPACE', 'HOME', 'PATH', 'SOURCE_DATE_EPOCH']);
  });
});

describe('culpritsOutput', () => {
  it('joins culprits with commas and groups with +, empty without a bisection', () => {
    const outcome = { culprits: ['time' as const], combined: [['locale' as const, 'umask' as const]], unresolved: [], nondeterministic: false, builds: 8, exhausted: false };
    expect(culpritsOutput({ bisect: outcome })).toBe('time,locale+umask');
    expect(culpritsOutput({ bisect: null })).toBe('');
  });
});

describe("the action's wording", () => {
  const made: string[] = [];
  afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));
  const source = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'vitsnap-rebuild-words-'));
    made.push(dir);
    writeFileSync(join(dir, 'build.sh'), '#!/bin/sh\nexit 0\n', { mode: 0o755 });
    return dir;
  };
  const options = (sourceDir: string, plainSource: boolean) => ({ command: ['./build.sh'], outputs: ['dist/**'], sourceDir, plainSource, vary: [], bisect: false, maxBuilds: 32, timeoutSeconds: 60, keepDir: null, env: process.env, wording: ACTION_WORDING });

  it("names the 'path' input when nothing matched, not the CLI's --outputs", async () => {
    const error = await runRebuild(options(source(), true)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'E_NOT_FOUND' });
    expect((error as Error).message).toContain("nothing matched input 'path' dist/**");
    expect((error as Error).message).not.toContain('--');
  });

  it('asks for a checkout when the workspace is not a git work tree', async () => {
    const error = await runRebuild(options(source(), false)).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'E_USAGE' });
    expect((error as Error).message).toMatch(/is not a git work tree .*actions\/checkout/);
    expect((error as Error).message).not.toContain('--source');
  });

  it("names the 'max-builds' input when the budget is too small", async () => {
    await expect(runRebuild({ ...options(source(), true), maxBuilds: 1 })).rejects.toThrow(/^input 'max-builds' must allow/);
  });
});
