/**
 * Peak memory at the reader's limits. Each worst-case snapshot (LIMITS in src/snapshot/format.ts:
 * the most entries, the biggest entry section, the longest strings, the biggest chunk table) is
 * read by a child process with a capped heap, the way `info`, `verify`, `export` and `diff` read it,
 * and the child's own peak RSS must stay under 512 MiB. A limit raised without making the reader
 * leaner fails here, not on a user's runner.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { REPO_ROOT } from '../helpers/cli.js';
import { LIMIT_SNAPSHOTS } from '../helpers/limit-snapshots.js';
import type { ProbeMode } from '../helpers/read-probe.js';

const run = promisify(execFile);
const PEAK_RSS_LIMIT = 512 * 1024 * 1024;
const TYPED = new Set(['ok', 'E_CHECKSUM', 'E_CORRUPT', 'E_LIMIT', 'E_MANIFEST']);

const work = mkdtempSync(join(tmpdir(), 'vitsnap-memory-'));
const files = new Map<string, string>();

beforeAll(() => {
  for (const [name, make] of Object.entries(LIMIT_SNAPSHOTS)) {
    const file = join(work, `${name.replaceAll(' ', '-')}.vitsnap`);
    writeFileSync(file, make());
    files.set(name, file);
  }
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Probe {
  result: string;
  maxRssBytes: number;
}

async function probe(mode: ProbeMode, file: string): Promise<Probe> {
  const args = ['--max-old-space-size=384', '--import', join(REPO_ROOT, 'src/dev/ts-worker-hooks.ts'), join(REPO_ROOT, '__tests__/helpers/read-probe.ts'), mode, file];
  const { stdout } = await run(process.execPath, args, { cwd: REPO_ROOT, maxBuffer: 1024 * 1024 });
  return JSON.parse(stdout.trim().split('\n').pop() ?? '') as Probe;
}

/** Every (snapshot, mode) pair, two children at a time: the machine has two cores. */
async function probeAll(modes: ProbeMode[]): Promise<{ name: string; mode: ProbeMode; probe: Probe }[]> {
  const jobs = [...files].flatMap(([name, file]) => modes.map((mode) => ({ name, mode, file })));
  const results: { name: string; mode: ProbeMode; probe: Probe }[] = [];
  const lane = async (): Promise<void> => {
    for (let job = jobs.shift(); job !== undefined; job = jobs.shift()) results.push({ name: job.name, mode: job.mode, probe: await probe(job.mode, job.file) });
  };
  await Promise.all([lane(), lane()]);
  return results;
}

describe('peak memory at the limits', () => {
  it('reads every worst-case snapshot in info, verify, export and diff under 512 MiB of RSS, with a typed result', async () => {
    const results = await probeAll(['info', 'verify', 'export', 'diff']);
    expect(results).toHaveLength(files.size * 4);
    for (const { name, mode, probe: p } of results) {
      // A crash (heap exhausted, untyped error) fails in `probe` itself: no JSON line.
      expect({ name, mode, result: TYPED.has(p.result) ? 'typed' : p.result }).toEqual({ name, mode, result: 'typed' });
      expect({ name, mode, over: p.maxRssBytes >= PEAK_RSS_LIMIT ? p.maxRssBytes : 0 }).toEqual({ name, mode, over: 0 });
    }
    // The heaviest inputs really were read whole, not refused at the door.
    const diffs = results.filter((r) => r.mode === 'diff');
    expect(diffs.every((r) => r.probe.result === 'ok')).toBe(true);
  }, 600_000);
});
