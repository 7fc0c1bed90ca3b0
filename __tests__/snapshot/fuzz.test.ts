/**
 * The fuzz campaign (helpers/fuzz-campaign.ts) in a child process with a capped heap: mutations
 * that get past the checksums (field overwrites with digests recomputed, splices of two snapshots,
 * entry and manifest JSON mutations re-encoded with correct digests) through info, verify, export,
 * diff and restore. Every input must end in a result or a typed error, restore must never write
 * outside its target, and the child's peak RSS over all inputs must stay under 512 MiB. The
 * campaign is seeded: a failure names the input, and rerunning the seed reproduces it.
 * (`npm run fuzz -- --count 100000 --seed N` is the long run; docs/benchmarks.md has its counts.)
 */
import { describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../helpers/cli.js';
import { GENERATORS, type CampaignReport } from '../helpers/fuzz-campaign.js';

const run = promisify(execFile);
const COUNT = 6000;
const SEED = 20261205;

describe('fuzz campaign past the checksums', () => {
  it(`runs ${COUNT} mutated snapshots through every reading command: no crash, no escape, peak RSS under 512 MiB`, async () => {
    const args = ['--max-old-space-size=384', '--import', join(REPO_ROOT, 'src/dev/ts-worker-hooks.ts'), join(REPO_ROOT, '__tests__/helpers/fuzz-campaign.ts'), '--count', String(COUNT), '--seed', String(SEED)];
    const { stdout } = await run(process.execPath, args, { cwd: REPO_ROOT, maxBuffer: 16 * 1024 * 1024 });
    const report = JSON.parse(stdout.trim().split('\n').pop() ?? '') as CampaignReport;

    expect(report.inputs).toBe(COUNT);
    expect(report.crashes).toEqual([]);
    expect(report.escapes).toEqual([]);
    expect(report.maxRssBytes).toBeLessThan(512 * 1024 * 1024);
    for (const gen of GENERATORS) expect(report.byGenerator[gen]?.inputs).toBe(COUNT / GENERATORS.length);

    // The mutations reached the checks beneath the checksums: resealed field overwrites open
    // (info succeeds) and are then caught by bounds and consistency checks; re-encoded entry
    // mutations pass every digest and are refused by manifest validation.
    const outcomes = (gen: string): [string, number][] => Object.entries(report.byGenerator[gen]?.outcomes ?? {});
    const opened = (gen: string, then: string): number => outcomes(gen).filter(([k]) => k.startsWith(`ok ${then}`)).reduce((n, [, c]) => n + c, 0);
    expect(opened('field', 'E_CORRUPT')).toBeGreaterThan(0);
    expect(opened('entries', 'E_MANIFEST')).toBeGreaterThan(0);
    expect(opened('sectionSplice', 'ok')).toBeGreaterThan(0);
    // And some mutations are valid snapshots that every command accepts.
    expect(outcomes('manifest').some(([k]) => k === 'ok ok ok ok ok')).toBe(true);
  }, 900_000);
});
