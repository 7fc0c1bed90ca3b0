/** The rebuild's parts: bisecting over a simulated build, the --vary list, how a build's environment is put together, and the time variation's check. */
import { describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bisectVariations } from '../../src/rebuild/bisect.js';
import { planBuild } from '../../src/rebuild/build-env.js';
import { binaryKind } from '../../src/rebuild/probe.js';
import { logTail } from '../../src/rebuild/run-build.js';
import { parseVaryList } from '../../src/rebuild/vary-list.js';
import { checkVariations, VARIATION_NAMES, type Variation } from '../../src/rebuild/variations.js';

const LETTERS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l'];

/** A build that differs when any culprit is on, or (groups) when all of a group are on. */
function simulated(culprits: readonly string[], groups: readonly (readonly string[])[] = []) {
  const calls: string[][] = [];
  const differs = async (on: readonly string[]): Promise<boolean> => {
    calls.push([...on]);
    return on.some((v) => culprits.includes(v)) || groups.some((g) => g.every((v) => on.includes(v)));
  };
  return { differs, calls };
}

describe('bisectVariations', () => {
  it.each([
    { name: 'one culprit among twelve', culprits: ['g'] },
    { name: 'two culprits in different halves', culprits: ['b', 'k'] },
    { name: 'two culprits side by side', culprits: ['e', 'f'] },
    { name: 'every variation', culprits: LETTERS.slice(0, 4), all: LETTERS.slice(0, 4) },
  ])('isolates $name exactly', async ({ culprits, all }) => {
    const set = all ?? LETTERS;
    const { differs, calls } = simulated(culprits);
    const outcome = await bisectVariations(set, differs, 100);
    expect(outcome.culprits.sort()).toEqual([...culprits].sort());
    expect(outcome).toMatchObject({ combined: [], unresolved: [], nondeterministic: false, exhausted: false });
    expect(outcome.builds).toBe(calls.length);
    // The first build varies nothing; no set is built twice.
    expect(calls[0]).toEqual([]);
    expect(new Set(calls.map((c) => [...c].sort().join())).size).toBe(calls.length);
  });

  it('needs few builds for one culprit among twelve (halving, not one by one)', async () => {
    const { differs } = simulated(['c']);
    const outcome = await bisectVariations(LETTERS, differs, 100);
    // One baseline, then two halves per level over four levels at most.
    expect(outcome.builds).toBeLessThanOrEqual(1 + 2 * 4);
  });

  it('reports variations that differ only together as one group', async () => {
    const { differs } = simulated([], [['b', 'h']]);
    const outcome = await bisectVariations(LETTERS.slice(0, 8), differs, 100);
    expect(outcome.culprits).toEqual([]);
    expect(outcome.combined).toEqual([['b', 'h']]);
  });

  it('blames nothing when the build differs with nothing varied', async () => {
    const outcome = await bisectVariations(LETTERS, async () => true, 100);
    expect(outcome).toMatchObject({ nondeterministic: true, culprits: [], builds: 1 });
  });

  it('stops at the budget and says what is left', async () => {
    const { differs, calls } = simulated(['b', 'k']);
    const outcome = await bisectVariations(LETTERS, differs, 3);
    expect(calls).toHaveLength(3);
    expect(outcome.exhausted).toBe(true);
    expect(outcome.builds).toBe(3);
    // Whatever was not isolated is still listed: every culprit is found or in an unresolved set.
    for (const c of ['b', 'k']) expect(outcome.culprits.includes(c) || outcome.unresolved.some((s) => s.includes(c))).toBe(true);
  });

  it('with no budget leaves everything unresolved without building', async () => {
    const { differs, calls } = simulated(['a']);
    const outcome = await bisectVariations(LETTERS, differs, 0);
    expect(calls).toHaveLength(0);
    expect(outcome).toMatchObject({ exhausted: true, unresolved: [LETTERS] });
  });
});

describe('parseVaryList', () => {
  it.each([
    { values: [], expected: [...VARIATION_NAMES] },
    { values: ['time,umask'], expected: ['time', 'umask'] },
    { values: ['umask', 'time'], expected: ['time', 'umask'] },
    { values: ['all,-file-order,-user'], expected: VARIATION_NAMES.filter((n) => n !== 'file-order' && n !== 'user') },
    { values: ['-file-order'], expected: VARIATION_NAMES.filter((n) => n !== 'file-order') },
    { values: ['none'], expected: [] },
    { values: ['none,time'], expected: ['time'] },
    { values: ['time build-path'], expected: ['build-path', 'time'] },
  ])('$values → $expected', ({ values, expected }) => {
    expect(parseVaryList(values)).toEqual(expected);
  });

  it('refuses an unknown name with a suggestion', () => {
    expect(() => parseVaryList(['tme'])).toThrow(expect.objectContaining({ code: 'E_USAGE', message: expect.stringContaining("did you mean 'time'?") }));
    expect(() => parseVaryList(['all,-fileorder'])).toThrow(/did you mean 'file-order'/);
  });
});

describe('planBuild', () => {
  const variations: Variation[] = [
    { name: 'build-path', control: { describe: 'c', dirName: 'build' }, varied: { describe: 'v', dirName: 'longer-build' } },
    { name: 'time', control: { describe: 'c' }, varied: { describe: 'v', wrapper: ['faketime', '-f', '+3y'], env: { NO_FAKE_STAT: '1' } } },
    { name: 'timezone', control: { describe: 'c', env: { TZ: 'GMT+12' } }, varied: { describe: 'v', env: { TZ: 'GMT-14' } } },
    { name: 'aslr', control: { describe: 'c', wrapper: ['setarch', 'x86_64', '-R'] }, varied: { describe: 'v' } },
    { name: 'file-order', control: { describe: 'c' }, varied: { describe: 'v', disorder: true } },
  ];
  const base = { PATH: '/usr/bin', TZ: 'Europe/Paris', KEEP: 'yes' };

  it('gives the control every control setting, over the inherited environment', () => {
    const plan = planBuild(variations, new Set(), base, ['make', '-j2']);
    expect(plan).toEqual({ dirName: 'build', env: { PATH: '/usr/bin', TZ: 'GMT+12', KEEP: 'yes' }, argv: ['setarch', 'x86_64', '-R', 'make', '-j2'], disorder: false });
  });

  it('gives switched-on variations their varied setting and the rest their control setting', () => {
    const plan = planBuild(variations, new Set(['build-path', 'time', 'file-order'] as const), base, ['make']);
    expect(plan.dirName).toBe('longer-build');
    expect(plan.env).toEqual({ PATH: '/usr/bin', TZ: 'GMT+12', KEEP: 'yes', NO_FAKE_STAT: '1' });
    // Personality outermost, faketime right before the build.
    expect(plan.argv).toEqual(['setarch', 'x86_64', '-R', 'faketime', '-f', '+3y', 'make']);
    expect(plan.disorder).toBe(true);
  });

  it('leaves the environment alone for variations not in play', () => {
    expect(planBuild([], new Set(), base, ['make'])).toEqual({ dirName: 'build', env: base, argv: ['make'], disorder: false });
  });
});

describe('binaryKind', () => {
  it('tells static from dynamic ELF executables, and scripts from both', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitsnap-elf-'));
    try {
      writeFileSync(join(dir, 'main.c'), 'int main(void) { return 0; }\n');
      execFileSync('gcc', ['-o', join(dir, 'dynamic'), join(dir, 'main.c')]);
      execFileSync('gcc', ['-static', '-o', join(dir, 'static'), join(dir, 'main.c')]);
      writeFileSync(join(dir, 'script'), '#!/bin/sh\n');
      expect(binaryKind(join(dir, 'dynamic'))).toBe('dynamic');
      expect(binaryKind(join(dir, 'static'))).toBe('static');
      expect(binaryKind(join(dir, 'script'))).toBe('not-elf');
      expect(binaryKind(join(dir, 'missing'))).toBe('not-elf');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the time variation on this machine', () => {
  it('notes what faketime cannot reach when the command is a shell, not when it is the compiler itself', async () => {
    const workDir = mkdtempSync(join(tmpdir(), 'vitsnap-time-check-'));
    try {
      const env = { ...process.env };
      delete env.SOURCE_DATE_EPOCH;
      const check = async (executable: string) => (await checkVariations(['time'], { env, workDir, executable })).get('time');
      const shell = await check(realpathSync('/bin/sh'));
      const compiler = await check(realpathSync(execFileSync('sh', ['-c', 'command -v gcc'], { encoding: 'utf8' }).trim()));
      if (shell?.available !== true || compiler?.available !== true) {
        // Without faketime (CI installs it), the variation is reported as not tested, with the package to install.
        expect(shell).toMatchObject({ available: false, reason: expect.stringMatching(/faketime/) });
        return;
      }
      expect(shell.variation.note).toMatch(/dynamically linked programs only/);
      expect(compiler.variation.note).toBeUndefined();
    } finally {
      rmSync(workDir, { recursive: true, force: true });
    }
  });
});

describe('logTail', () => {
  it('gives the last lines of a log, reading only its end', () => {
    const dir = mkdtempSync(join(tmpdir(), 'vitsnap-log-tail-'));
    try {
      const log = join(dir, 'build.log');
      // 3 MB of lines: the tail must still be the last 20, in order.
      writeFileSync(log, Array.from({ length: 300_000 }, (_, i) => `line ${i}`).join('\n') + '\n');
      const tail = logTail(log).split('\n').filter((l) => l !== '');
      expect(tail).toHaveLength(20);
      expect(tail[0]).toBe('  | line 299980');
      expect(tail[19]).toBe('  | line 299999');
      expect(logTail(join(dir, 'missing.log'))).toBe('');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
