import { afterAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { captureSnapshot } from '../../src/snapshot/capture.js';
import { addSnapshot } from '../../src/store/add.js';
import { exportSnapshot } from '../../src/store/export.js';
import { chunkSizes, collectGarbage } from '../../src/store/gc.js';
import { chunkPath, openStore } from '../../src/store/layout.js';
import { listRecords, openRecord, recordPath, removeRecord, resolveRef } from '../../src/store/records.js';
import { verifyStore } from '../../src/store/verify.js';
import { restoreSnapshot } from '../../src/snapshot/restore.js';
import { parseJsonOutput, runVitsnap, runVitsnapOk } from '../helpers/cli.js';
import { describeTree, seededBytes } from '../helpers/trees.js';

const work = mkdtempSync(join(tmpdir(), 'vitsnap-store-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const sha256 = (data: Buffer): string => createHash('sha256').update(data).digest('hex');
const EPOCH = new Date('2024-01-02T03:04:05Z');

/** 100 files (text and binary, 1–40 KiB, one of 3 MiB that is chunked); `changed` of them differ by seed. */
function buildTree(dir: string, changed: number, salt: number): void {
  mkdirSync(join(dir, 'lib'), { recursive: true });
  for (let i = 0; i < 100; i++) {
    const seed = i < changed ? 10_000 + i + salt : i;
    const path = join(dir, i % 2 === 0 ? `f${i}.txt` : join('lib', `f${i}.bin`));
    writeFileSync(path, seededBytes(1024 + ((i * 397) % 40) * 1024, seed, i % 2 === 0));
    utimesSync(path, EPOCH, EPOCH);
  }
  writeFileSync(join(dir, 'big.bin'), seededBytes(3 * 1024 * 1024, 7, false));
  utimesSync(join(dir, 'big.bin'), EPOCH, EPOCH);
}

async function snapshotOf(name: string, changed: number, salt: number): Promise<{ dir: string; file: string }> {
  const dir = join(work, name);
  buildTree(dir, changed, salt);
  const file = join(work, `${name}.vitsnap`);
  await captureSnapshot({ root: dir, patterns: [], output: file, workers: 0, metadata: null, sourceDateEpoch: '1700000000' });
  return { dir, file };
}

function storeBytes(root: string): number {
  const layout = openStore(root, false);
  return [...chunkSizes(layout).values()].reduce((a, b) => a + b, 0) + listRecords(layout).reduce((a, s) => a + s.recordBytes, 0);
}

describe('content-addressed store', () => {
  it('stores two trees that share 90 % of their files once, and exports each byte for byte', async () => {
    const a = await snapshotOf('dedup-a', 0, 0);
    const b = await snapshotOf('dedup-b', 10, 1);
    const root = join(work, 'dedup-store');
    const layout = openStore(root, true);
    const first = await addSnapshot(layout, a.file, { name: 'a' });
    const second = await addSnapshot(layout, b.file, { name: 'b' });
    expect(first).toMatchObject({ added: true, newChunks: first.chunks, reusedChunks: 0 });
    // Ten changed small files are ten new chunks; the other 90 files and big.bin's chunks are reused.
    expect(second.newChunks).toBe(10);
    expect(second.reusedChunks).toBe(second.chunks - 10);
    const sizeA = statSync(a.file).size;
    const sizeB = statSync(b.file).size;
    expect(storeBytes(root)).toBeLessThan(1.3 * sizeA);
    expect(storeBytes(root)).toBeLessThan(0.7 * (sizeA + sizeB));
    // The id is the snapshot file's SHA-256, and export gives the same bytes back.
    expect(first.id).toBe(sha256(readFileSync(a.file)));
    for (const [name, file] of [['a', a.file], ['b', b.file]] as const) {
      const out = join(work, `exported-${name}.vitsnap`);
      const result = await exportSnapshot(layout, resolveRef(layout, name), out);
      expect(result.identical).toBe(true);
      expect(readFileSync(out).equals(readFileSync(file))).toBe(true);
    }
    // Adding the same file again writes nothing.
    const again = await addSnapshot(layout, a.file);
    expect(again).toMatchObject({ added: false, newChunks: 0, writtenBytes: 0 });
  });

  it('restores, diffs, verifies and describes a stored snapshot through store:NAME', async () => {
    const a = await snapshotOf('ref-a', 0, 0);
    const b = await snapshotOf('ref-b', 1, 5);
    const root = join(work, 'ref-store');
    const env = { ...process.env, VITSNAP_STORE: root, SOURCE_DATE_EPOCH: '1700000000' };
    const made = await runVitsnapOk(['create', '-C', a.dir, '--name', 'main', '--no-metadata', '--json'], { env });
    const created = parseJsonOutput(made) as { output?: string; store: { id: string; newChunks: number } };
    expect(created.output).toBeUndefined(); // into the store only: no file left behind
    expect(readdirSync(join(root, 'tmp'))).toEqual([]);
    expect(created.store.id).toBe(sha256(readFileSync(a.file)));
    const second = await runVitsnapOk(['create', '-C', b.dir, '--name', 'pr', '--no-metadata'], { env });
    expect(second.stdout).toMatch(/^stored [0-9a-f]{12} \(pr\) in .*: \d+ chunks, 1 new, \d+ reused \([\d.]+ [KM]iB saved\)/m);

    const diff = await runVitsnap(['diff', 'store:main', 'store:pr', '--json'], { env });
    expect(diff.code).toBe(1);
    const report = JSON.parse(diff.stdout) as { counts: { modified: number }; verdict: string };
    expect(report.counts.modified).toBe(1);
    const out = join(work, 'ref-restored');
    await runVitsnapOk(['restore', 'store:pr', '-C', out], { env });
    expect(describeTree(out)).toEqual(describeTree(b.dir));
    expect((await runVitsnapOk(['verify', 'store:main'], { env })).stdout).toMatch(/^ok: 101 files/);
    expect((await runVitsnapOk(['info', 'store:main'], { env })).stdout).toContain(`store:${created.store.id.slice(0, 12)}`);
    const missing = await runVitsnap(['info', 'store:nope'], { env });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('E_NOT_FOUND: no snapshot named or starting with "nope"');
  });

  it('gc deletes only unreferenced chunks, is a dry run unless --apply, and evicts least recently used first', async () => {
    const root = join(work, 'gc-store');
    const layout = openStore(root, true);
    const ids: string[] = [];
    for (let n = 0; n < 3; n++) {
      const s = await snapshotOf(`gc-${n}`, 30, 100 * n);
      ids.push((await addSnapshot(layout, s.file, { name: `build-${n}` })).id);
    }
    // Pin the last-use order: build-1 oldest, then build-0, then build-2.
    const used = [2_000_000_000, 1_000_000_000, 3_000_000_000];
    ids.forEach((id, n) => utimesSync(recordPath(layout, id), used[n] as number, used[n] as number));

    removeRecord(layout, ids[2] as string);
    const before = chunkSizes(layout);
    const dry = await collectGarbage(layout, { apply: false });
    expect(dry.chunksDeleted).toBe(30);
    expect(chunkSizes(layout)).toEqual(before); // nothing deleted
    const applied = await collectGarbage(layout, { apply: true });
    expect(applied.chunksDeleted).toBe(30);
    expect(chunkSizes(layout).size).toBe(before.size - 30);

    // A budget that only one of the two left fits: build-1 (least recently used) goes.
    const one = storeBytes(root) - 30 * 8 * 1024;
    const evicting = await collectGarbage(layout, { apply: true, maxBytes: one });
    expect(evicting.evicted.map((s) => s.names)).toEqual([['build-1']]);
    expect(listRecords(layout).map((s) => s.id)).toEqual([ids[0]]);
    expect((await verifyStore(layout)).damaged).toEqual([]);
    const out = join(work, 'gc-restored');
    const reader = openRecord(layout, ids[0] as string);
    try {
      await restoreSnapshot(reader, out);
    } finally {
      reader.close();
    }
    expect(describeTree(out)).toEqual(describeTree(join(work, 'gc-0')));
  });

  it('store verify names the snapshots a damaged or missing chunk breaks', async () => {
    const s = await snapshotOf('verify-a', 0, 0);
    const root = join(work, 'verify-store');
    const layout = openStore(root, true);
    const { id } = await addSnapshot(layout, s.file, { name: 'v' });
    expect(await verifyStore(layout)).toMatchObject({ snapshots: 1, badChunks: [], damaged: [], orphans: 0 });

    const reader = openRecord(layout, id);
    const digests: string[] = [];
    try {
      const { chunks } = reader.loadIndex();
      for (let k = 0; k < chunks.length; k++) digests.push(chunks.at(k).sha256.toString('hex'));
    } finally {
      reader.close();
    }
    const flipped = chunkPath(layout, digests[0] as string);
    chmodSync(flipped, 0o644);
    const bytes = readFileSync(flipped);
    bytes[bytes.length - 1] ^= 0xff;
    writeFileSync(flipped, bytes);
    rmSync(chunkPath(layout, digests[1] as string));
    const report = await verifyStore(layout);
    expect(report.badChunks.map((b) => b.digest)).toEqual([digests[0]]);
    expect(report.damaged).toEqual([{ id, reason: `1 chunk(s) missing (${(digests[1] as string).slice(0, 12)}…), 1 chunk(s) damaged (${(digests[0] as string).slice(0, 12)}…)` }]);

    const cli = await runVitsnap(['store', 'verify', '--store', root]);
    expect(cli.code).toBe(2);
    expect(cli.stderr).toContain(`snapshot ${id.slice(0, 12)}: 1 chunk(s) missing`);
    expect(cli.stderr).toContain('E_IO: store');
  });

  it('refuses a damaged snapshot before recording it, and a non-store directory', async () => {
    const s = await snapshotOf('hostile-a', 0, 0);
    const bad = readFileSync(s.file);
    bad[40] ^= 0x55; // inside the first block
    const badFile = join(work, 'hostile.vitsnap');
    writeFileSync(badFile, bad);
    const root = join(work, 'hostile-store');
    const result = await runVitsnap(['store', 'add', badFile, '--store', root]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('E_CHECKSUM');
    expect(readdirSync(join(root, 'snapshots'))).toEqual([]);
    expect(await verifyStore(openStore(root, false))).toMatchObject({ snapshots: 0, damaged: [], badChunks: [] });

    const notStore = join(work, 'not-a-store');
    mkdirSync(notStore);
    writeFileSync(join(notStore, 'keep.txt'), 'mine');
    const refused = await runVitsnap(['store', 'add', s.file, '--store', notStore]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('is not empty and has no store.json');
    expect(existsSync(join(notStore, 'chunks'))).toBe(false);
  });
});
