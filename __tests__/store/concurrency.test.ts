/**
 * Several vitsnap processes on one store at once, some killed with SIGKILL part-way: afterwards
 * the store verifies clean and every snapshot it still lists restores to the tree it was made of.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { captureSnapshot } from '../../src/snapshot/capture.js';
import { restoreSnapshot } from '../../src/snapshot/restore.js';
import { addSnapshot } from '../../src/store/add.js';
import { openStore } from '../../src/store/layout.js';
import { listRecords, openRecord } from '../../src/store/records.js';
import { verifyStore } from '../../src/store/verify.js';
import { spawnVitsnap, waitForExit, type CliResult } from '../helpers/cli.js';
import { describeTree, seededBytes } from '../helpers/trees.js';

const work = mkdtempSync(join(tmpdir(), 'vitsnap-store-race-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const EPOCH = new Date('2024-01-02T03:04:05Z');
const BUILDS = 6;

async function build(n: number): Promise<{ dir: string; file: string }> {
  const dir = join(work, `tree-${n}`);
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < 60; i++) {
    // A third of the files differ from build to build; the rest are shared.
    const path = join(dir, `f${i}.${i % 3 === 0 ? 'txt' : 'bin'}`);
    writeFileSync(path, seededBytes(2048 + i * 1024, i % 3 === 1 ? 1000 * n + i : i, i % 3 === 0));
    utimesSync(path, EPOCH, EPOCH);
  }
  writeFileSync(join(dir, 'large.bin'), seededBytes(5 * 1024 * 1024, n % 2, false));
  utimesSync(join(dir, 'large.bin'), EPOCH, EPOCH);
  const file = join(work, `build-${n}.vitsnap`);
  await captureSnapshot({ root: dir, patterns: [], output: file, workers: 0, metadata: null, sourceDateEpoch: '1700000000' });
  return { dir, file };
}

describe('store under concurrent processes and SIGKILL', () => {
  it('stays consistent: verify is clean and every listed snapshot restores exactly', async () => {
    const builds = [];
    for (let n = 0; n < BUILDS; n++) builds.push(await build(n));
    const root = join(work, 'store');
    const layout = openStore(root, true);
    const idOf = new Map<string, number>();
    for (const n of [0, 1]) idOf.set((await addSnapshot(layout, (builds[n] as { file: string }).file, { name: `b${n}` })).id, n);
    // The ids of the others, known up front so survivors can be matched to their trees.
    const { createHash } = await import('node:crypto');
    const { readFileSync } = await import('node:fs');
    for (let n = 2; n < BUILDS; n++) idOf.set(createHash('sha256').update(readFileSync((builds[n] as { file: string }).file)).digest('hex'), n);

    const results: { what: string; result: CliResult }[] = [];
    for (let round = 0; round < 3; round++) {
      const jobs: { what: string; args: string[]; killAfterMs: number | null }[] = [];
      for (let n = 2; n < BUILDS; n++) {
        // Half of them capture the tree straight into the store, the others add the file.
        const args = (n + round) % 2 === 0
          ? ['create', '-C', (builds[n] as { dir: string }).dir, '--store', root, '--name', `b${n}`, '--no-metadata']
          : ['store', 'add', (builds[n] as { file: string }).file, '--store', root, '--name', `b${n}`];
        jobs.push({ what: `${args[0]} ${n}`, args, killAfterMs: (n + round) % 3 === 0 ? 150 + 90 * n : null });
      }
      for (const n of [0, 1]) {
        jobs.push({ what: `restore ${n}`, args: ['restore', `store:b${n}`, '-C', join(work, `out-${round}-${n}`)], killAfterMs: (n + round) % 2 === 0 ? 400 : null });
      }
      jobs.push({ what: 'gc', args: ['store', 'gc', '--store', root, '--apply', '--max-size', '4M'], killAfterMs: round === 1 ? 300 : null });
      jobs.push({ what: 'gc', args: ['store', 'gc', '--store', root, '--apply'], killAfterMs: null });
      const running = jobs.map((job) => {
        const child = spawnVitsnap(job.args, { env: { ...process.env, VITSNAP_STORE: root, SOURCE_DATE_EPOCH: '1700000000' } });
        if (job.killAfterMs !== null) setTimeout(() => child.kill('SIGKILL'), job.killAfterMs);
        return waitForExit(child, 120_000).then((result) => results.push({ what: job.what, result }));
      });
      await Promise.all(running);
    }
    for (const { what, result } of results) {
      expect(result.timedOut).toBe(false);
      if (result.signal === 'SIGKILL') continue;
      // A finished process either succeeded or gave up for a stated reason: the store busy (gc),
      // or a snapshot evicted by a gc before it could be read.
      if (result.code !== 0) expect(`${what}: ${result.stderr}`).toMatch(/E_BUSY|E_NOT_FOUND/);
    }

    const report = await verifyStore(layout);
    expect(report.badChunks).toEqual([]);
    expect(report.damaged).toEqual([]);
    const survivors = listRecords(layout);
    for (const s of survivors) {
      const n = idOf.get(s.id);
      expect(n).toBeDefined();
      const out = join(work, `check-${s.id.slice(0, 8)}`);
      const reader = openRecord(layout, s.id);
      try {
        expect(reader.verify().files).toBe(61);
        await restoreSnapshot(reader, out);
      } finally {
        reader.close();
      }
      expect(describeTree(out)).toEqual(describeTree((builds[n as number] as { dir: string }).dir));
    }
    // A last gc with no one else around leaves no temp files and no unused chunks.
    const { collectGarbage } = await import('../../src/store/gc.js');
    await collectGarbage(layout, { apply: true });
    expect((await verifyStore(layout)).orphans).toBe(0);
    expect(readdirSync(join(root, 'tmp'))).toEqual([]);
    expect(readdirSync(join(root, 'sessions'))).toEqual([]);
  }, 600_000);
});
