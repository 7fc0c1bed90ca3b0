/** A delta whose parent lives in a registry (real docker-registry): made against it, pushed, and read on a machine that has neither. */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseJsonOutput, runVitsnap, runVitsnapOk } from '../helpers/cli.js';
import { startRegistry, type RunningRegistry } from '../helpers/registry.js';
import { describeTree, seededBytes } from '../helpers/trees.js';

jest.setTimeout(240_000);

let registry: RunningRegistry;
const work = mkdtempSync(join(tmpdir(), 'vitsnap-delta-oci-'));
const EPOCH = new Date('2024-01-02T03:04:05Z');

beforeAll(async () => {
  registry = await startRegistry();
});
afterAll(async () => {
  await registry.stop();
  rmSync(work, { recursive: true, force: true });
});

function build(name: string, variant: number): string {
  const dir = join(work, name);
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < 30; i++) writeFileSync(join(dir, `f${i}.bin`), seededBytes(8192, i === 3 ? 701 + 2 * variant : 2 * i + 1, false));
  const big = seededBytes(3 * 1024 * 1024, 9, false);
  big.writeUInt32LE(variant, 1024 * 1024);
  writeFileSync(join(dir, 'lib.so'), big);
  for (let i = 0; i < 30; i++) utimesSync(join(dir, `f${i}.bin`), EPOCH, EPOCH);
  utimesSync(join(dir, 'lib.so'), EPOCH, EPOCH);
  return dir;
}

const env = (store: string): NodeJS.ProcessEnv => ({ ...process.env, SOURCE_DATE_EPOCH: '1700000000', VITSNAP_STORE: join(work, store) });

describe('delta chains across a registry', () => {
  it('makes a delta on an oci:// parent, and a machine with an empty store pulls the parent when it reads the delta', async () => {
    const base = build('base', 0);
    const next = build('next', 1);
    const baseFile = join(work, 'base.vitsnap');
    await runVitsnapOk(['create', '-C', base, '-o', baseFile, '--no-metadata'], { env: env('a') });
    const baseRef = `oci://${registry.host}/acme/app:base`;
    await runVitsnapOk(['push', baseFile, baseRef], { env: env('a') });

    // The builder has no local copy of the parent: create pulls it.
    const deltaFile = join(work, 'next.vitsnap');
    const made = parseJsonOutput(await runVitsnapOk(['create', '-C', next, '-o', deltaFile, '--no-metadata', '--parent', baseRef, '--json'], { env: env('b') })) as { depth: number; delta: { patched: number; inherited: number } };
    expect(made.depth).toBe(1);
    expect(made.delta.inherited).toBeGreaterThan(25);
    expect(made.delta.patched).toBeGreaterThan(0);
    const nextRef = `oci://${registry.host}/acme/app:next`;
    await runVitsnapOk(['push', deltaFile, nextRef], { env: env('b') });

    // A third machine: nothing local. The delta's parentRef names the registry; the parent is pulled and digest-checked.
    const out = join(work, 'out');
    await runVitsnapOk(['restore', nextRef, '-C', out], { env: env('c') });
    expect(describeTree(out)).toEqual(describeTree(next));
    const info = await runVitsnapOk(['info', nextRef], { env: env('c') });
    expect(info.stdout).toMatch(/chain {6}.* ← .* \(2 layers/);

    // The parent's tag moved to another snapshot: its digest no longer matches, and the reader says so.
    const other = build('other', 7);
    const otherFile = join(work, 'other.vitsnap');
    await runVitsnapOk(['create', '-C', other, '-o', otherFile, '--no-metadata'], { env: env('a') });
    await runVitsnapOk(['push', otherFile, baseRef], { env: env('a') });
    const moved = await runVitsnap(['restore', nextRef, '-C', join(work, 'out2')], { env: env('d') });
    expect(moved.code).toBe(2);
    expect(moved.stderr).toContain('E_PARENT');
  });
});
