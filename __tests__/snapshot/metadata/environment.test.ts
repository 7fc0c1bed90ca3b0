import { describe, it, expect } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { DEFAULT_ENV_ALLOWLIST, readUmask, selectBuildEnv } from '../../../src/snapshot/metadata/environment.js';

const GH_TOKEN_VALUE = 'ghp_' + 'A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8';

describe('selectBuildEnv', () => {
  it('records allowlisted variables only, keys sorted', () => {
    const { env, warnings } = selectBuildEnv({
      PATH: '/usr/bin',
      HOME: '/root',
      CFLAGS: '-O2 -g',
      CC: 'gcc-12',
      SOURCE_DATE_EPOCH: '1700000000',
      TZ: 'UTC',
      LC_ALL: 'C.UTF-8',
      RANDOM_THING: 'x',
    });
    expect(env).toEqual({ CC: 'gcc-12', CFLAGS: '-O2 -g', LC_ALL: 'C.UTF-8', SOURCE_DATE_EPOCH: '1700000000', TZ: 'UTC' });
    expect(Object.keys(env)).toEqual(['CC', 'CFLAGS', 'LC_ALL', 'SOURCE_DATE_EPOCH', 'TZ']);
    expect(warnings).toEqual([]);
  });

  it('takes every default name and nothing from the real process env outside the list', () => {
    const all = Object.fromEntries(DEFAULT_ENV_ALLOWLIST.map((name) => [name, `v-${name}`]));
    const { env } = selectBuildEnv({ ...process.env, ...all });
    expect(env).toEqual(all);
    expect(DEFAULT_ENV_ALLOWLIST).toEqual(expect.arrayContaining(['CC', 'RUSTFLAGS', 'GOFLAGS', 'SOURCE_DATE_EPOCH', 'TZ', 'LANG', 'ZERO_AR_DATE']));
  });

  it('adds exact names from the extra allowlist and warns about invalid ones', () => {
    const { env, warnings } = selectBuildEnv({ MY_FLAG: 'on', 'MY*': 'star', OTHER: 'no' }, ['MY_FLAG', ' ', 'MY*', '1BAD']);
    expect(env).toEqual({ MY_FLAG: 'on' });
    expect(warnings).toHaveLength(2);
    expect(warnings[0]).toContain('"MY*"');
    expect(warnings[1]).toContain('"1BAD"');
  });

  it('never records secret-looking names, even when allowlisted, and never prints their values', () => {
    const input = {
      GITHUB_TOKEN: 'ghs_secretvalue1234567890abcdef',
      AWS_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
      NPM_AUTH: 'npm-auth-value',
      MY_API_KEY: 'apikey-value',
      DB_PASSWORD: 'hunter2',
      CC: 'clang',
    };
    const { env, warnings } = selectBuildEnv(input, ['GITHUB_TOKEN', 'AWS_SECRET_ACCESS_KEY', 'NPM_AUTH', 'MY_API_KEY', 'DB_PASSWORD']);
    expect(env).toEqual({ CC: 'clang' });
    for (const name of ['GITHUB_TOKEN', 'AWS_SECRET_ACCESS_KEY', 'NPM_AUTH', 'MY_API_KEY', 'DB_PASSWORD']) {
      expect(warnings.some((w) => w.includes(name))).toBe(true);
    }
    const text = JSON.stringify({ env, warnings });
    for (const value of Object.values(input).filter((v) => v !== 'clang')) expect(text).not.toContain(value);
  });

  it('drops an allowed variable whose value holds a GitHub token or a URL password', () => {
    const { env, warnings } = selectBuildEnv({
      CFLAGS: `-DTOKEN=${GH_TOKEN_VALUE}`,
      NODE_OPTIONS: '--require ./x.js',
      MAKEFLAGS: `TOKEN=github_pat_${'a'.repeat(30)}`,
      GOFLAGS: '-mod=mod -x=https://user:pa55@proxy.example',
      LDFLAGS: '-ghp_short',
    });
    expect(env).toEqual({ LDFLAGS: '-ghp_short', NODE_OPTIONS: '--require ./x.js' });
    expect(warnings.join('\n')).toMatch(/CFLAGS/);
    expect(warnings.join('\n')).toMatch(/GOFLAGS/);
    expect(warnings.join('\n')).toMatch(/MAKEFLAGS/);
    expect(warnings.join('\n')).not.toContain(GH_TOKEN_VALUE);
    expect(warnings.join('\n')).not.toContain('pa55');
  });
});

describe('readUmask', () => {
  it('matches the umask a child shell inherits', () => {
    const shell = execFileSync('/bin/sh', ['-c', 'umask']).toString().trim().padStart(4, '0');
    expect(readUmask()).toBe(shell);
    expect(readUmask()).toMatch(/^[0-7]{4}$/);
  });

  it('follows a changed umask', () => {
    const old = process.umask(0o027);
    try {
      expect(readUmask()).toBe('0027');
    } finally {
      process.umask(old);
    }
  });
});
