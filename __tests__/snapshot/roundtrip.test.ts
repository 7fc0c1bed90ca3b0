import { afterAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { captureSnapshot } from '../../src/snapshot/capture.js';
import { SnapshotReader } from '../../src/snapshot/reader.js';
import { restoreSnapshot } from '../../src/snapshot/restore.js';
import { describeTree, treeArbitrary, writeTree, type TreeNode } from '../helpers/trees.js';

const work = mkdtempSync(join(tmpdir(), 'vitsnap-roundtrip-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let run = 0;
async function roundTrip(tree: TreeNode & { kind: 'dir' }, workers: number): Promise<void> {
  const dir = join(work, `case-${run++}`);
  const src = join(dir, 'src');
  mkdirSync(src, { recursive: true });
  writeTree(src, tree);
  const first = join(dir, 'a.vitsnap');
  const second = join(dir, 'b.vitsnap');
  const captured = await captureSnapshot({ root: src, patterns: [], output: first, workers, metadata: null, allowEmpty: true });
  await captureSnapshot({ root: src, patterns: [], output: second, workers: workers === 0 ? 2 : 0, metadata: null, allowEmpty: true });
  // Deterministic: same tree → same bytes, whatever the thread count.
  expect(readFileSync(second).equals(readFileSync(first))).toBe(true);
  expect(captured.skipped).toEqual([]);

  const reader = SnapshotReader.open(first);
  try {
    expect(reader.verify().files).toBe(captured.manifest.stats.files);
    const out = join(dir, 'out');
    await restoreSnapshot(reader, out);
    expect(describeTree(out)).toEqual(describeTree(src));
  } finally {
    reader.close();
  }
  rmSync(dir, { recursive: true, force: true });
}

describe('capture → restore', () => {
  it('is the identity on random trees (bytes, modes, symlinks, unicode names), and capture is deterministic', async () => {
    await fc.assert(
      fc.asyncProperty(treeArbitrary, fc.constantFrom(0, 2), async (tree, workers) => {
        await roundTrip(tree as TreeNode & { kind: 'dir' }, workers);
      }),
      { numRuns: 40 },
    );
  });

  it('handles an empty tree and a tree of empty files and dirs', async () => {
    await roundTrip({ kind: 'dir', mode: 0o755, children: {} }, 0);
    await roundTrip(
      {
        kind: 'dir',
        mode: 0o755,
        children: {
          empty: { kind: 'file', mode: 0o644, size: 0, seed: 1, text: true },
          d: { kind: 'dir', mode: 0o700, children: { e: { kind: 'dir', mode: 0o755, children: {} } } },
        },
      },
      0,
    );
  });

  it('stores identical files and chunks once', async () => {
    const big = { kind: 'file' as const, mode: 0o644, size: 5 * 1024 * 1024, seed: 99, text: false };
    const dir = join(work, 'dedup');
    mkdirSync(join(dir, 'src'), { recursive: true });
    writeTree(join(dir, 'src'), { kind: 'dir', mode: 0o755, children: { a: big, b: big, c: { ...big, mode: 0o755 } } });
    const r = await captureSnapshot({ root: join(dir, 'src'), patterns: [], output: join(dir, 's.vitsnap'), metadata: null });
    expect(r.manifest.stats.bytes).toBe(15 * 1024 * 1024);
    // Random data does not compress: the snapshot is about one copy, not three.
    expect(r.size).toBeLessThan(5.2 * 1024 * 1024);
    const files = r.manifest.entries.filter((e) => e.type === 'file');
    expect(files.map((f) => (f.type === 'file' ? f.chunks?.length ?? 1 : 0)).every((n) => n > 1)).toBe(true);
  });
});
