/** Delta chains in a store: parents are added with their deltas, kept while a delta needs them, and resolved by digest. */
import { afterAll, describe, expect, it, jest } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileDigest } from '../../src/delta/chain.js';
import { addSnapshot } from '../../src/store/add.js';
import { collectGarbage } from '../../src/store/gc.js';
import { openStore } from '../../src/store/layout.js';
import { listRecords } from '../../src/store/records.js';
import { runVitsnap, runVitsnapOk } from '../helpers/cli.js';
import { describeTree, seededBytes } from '../helpers/trees.js';

jest.setTimeout(240_000);

const work = mkdtempSync(join(tmpdir(), 'vitsnap-delta-store-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const EPOCH = new Date('2024-01-02T03:04:05Z');
const store = join(work, 'store');
const ENV = { ...process.env, SOURCE_DATE_EPOCH: '1700000000', VITSNAP_STORE: store };

/** Build `n`: 20 files of which file n differs from build 0, plus a 3 MiB binary with a few bytes changed. */
function build(n: number): string {
  const dir = join(work, `build${n}`);
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < 20; i++) writeFileSync(join(dir, `f${i}.txt`), seededBytes(4000, i === n ? 1000 + n : i, true));
  const big = seededBytes(3 * 1024 * 1024, 5, false);
  big.writeUInt32LE(n, 2 * 1024 * 1024 + 100);
  writeFileSync(join(dir, 'big.bin'), big);
  for (const f of [...Array.from({ length: 20 }, (_, i) => `f${i}.txt`), 'big.bin']) utimesSync(join(dir, f), EPOCH, EPOCH);
  return dir;
}

describe('delta chains in a store', () => {
  it('adds a file parent with its delta, restores store:NAME through the chain, refuses to orphan a delta, and evicts children before parents', async () => {
    const b0 = build(0);
    const b1 = build(1);
    const b2 = build(2);
    const base = join(work, 'b0.vitsnap');
    await runVitsnapOk(['create', '-C', b0, '-o', base, '--no-metadata'], { env: ENV });
    // The parent is a file: the store gets it too, so the stored delta can be read.
    await runVitsnapOk(['create', '-C', b1, '--no-metadata', '--store', store, '--name', 'one', '--parent', base], { env: ENV });
    const ids = listRecords(openStore(store, false)).map((s) => s.id);
    expect(ids).toContain(fileDigest(base));
    // A delta on a stored delta.
    await runVitsnapOk(['create', '-C', b2, '--no-metadata', '--store', store, '--name', 'two', '--parent', 'store:one'], { env: ENV });
    const info = await runVitsnapOk(['info', 'store:two'], { env: ENV });
    expect(info.stdout).toMatch(/chain {6}store:[0-9a-f]{12} .* ← store:[0-9a-f]{12} .* ← store:[0-9a-f]{12} .*\(3 layers/);
    const out = join(work, 'out2');
    await runVitsnapOk(['restore', 'store:two', '-C', out], { env: ENV });
    expect(describeTree(out)).toEqual(describeTree(b2));
    await runVitsnapOk(['verify', 'store:two'], { env: ENV });

    // Removing the parent alone would orphan 'two'.
    const rm = await runVitsnap(['store', 'rm', 'one'], { env: ENV });
    expect(rm.code).toBe(2);
    expect(rm.stderr).toMatch(/is the parent of .*flatten/);

    // A budget of almost nothing evicts everything, children first: no delta ever loses its parent.
    const order: string[] = [];
    const layout = openStore(store, false);
    const plan = await collectGarbage(layout, { maxBytes: 1, apply: false });
    for (const s of plan.evicted) order.push(s.id);
    const two = listRecords(layout).find((s) => s.names.includes('two'))?.id ?? '';
    const one = listRecords(layout).find((s) => s.names.includes('one'))?.id ?? '';
    expect(order.indexOf(two)).toBeLessThan(order.indexOf(one));
    expect(order.indexOf(one)).toBeLessThan(order.indexOf(fileDigest(base)));
  });

  it('refuses to add a delta whose parent is not in the store', async () => {
    const lone = openStore(join(work, 'lone-store'), true);
    const b0 = build(0);
    const b3 = build(3);
    const base = join(work, 'p0.vitsnap');
    const delta = join(work, 'p3.vitsnap');
    await runVitsnapOk(['create', '-C', b0, '-o', base, '--no-metadata'], { env: ENV });
    await runVitsnapOk(['create', '-C', b3, '-o', delta, '--no-metadata', '--parent', base], { env: ENV });
    await expect(addSnapshot(lone, delta)).rejects.toMatchObject({ code: 'E_PARENT', message: expect.stringContaining(fileDigest(base)) });
    await addSnapshot(lone, base);
    await expect(addSnapshot(lone, delta)).resolves.toMatchObject({ added: true });
  });
});
