/** What `mode: rebuild` hands its builds and reports from them, apart from the builds themselves (rebuild.test.ts in action/ runs those). */
import { describe, expect, it } from '@jest/globals';
import { buildEnvironment, culpritsOutput } from '../../src/github/rebuild-step.js';

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
