/**
 * One expansion budget per top-level file side, shared by every archive and stream nested in it,
 * and one for the whole diff (src/compare/archive/bytes.ts, registry.ts, compare.ts). A 42.zip
 * (16 copies per level, 1 MiB leaves) once got a fresh allowance per nested archive and ran for
 * tens of minutes; now it stops when the file's budget is spent and says so.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ExpansionBudget } from '../../src/compare/archive/bytes.js';
import { classifyCauses } from '../../src/compare/causes.js';
import { compareSources } from '../../src/compare/compare.js';
import { DEFAULT_COMPARATORS } from '../../src/compare/comparators/index.js';
import { compareFile, fileBudgets } from '../../src/compare/registry.js';
import { openSides } from '../../src/compare/sources.js';
import { DEFAULT_LIMITS, type Difference } from '../../src/compare/types.js';
import { removeDir, tempDir } from '../helpers/toolchain.js';

const MiB = 1024 * 1024;
let work: string;

/** 16 copies per level of a 1 MiB leaf filled with `fill`, `levels` deep; every member dated 1980-01-01. */
const NESTED_ZIP = `
import io, sys, zipfile
out, fill, levels = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
data, name = bytes([fill]) * (1 << 20), 'leaf.bin'
for level in range(levels):
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, 'w') as z:
        for i in range(16):
            info = zipfile.ZipInfo(f'{i}-{name}', date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, data)
    data, name = buf.getvalue(), f'level{level}.zip'
open(out, 'wb').write(data)
`;

/** A tar of 16 gzip members, each 1 MiB of `fill` expanded; fixed mtimes. */
const TAR_OF_GZ = `
import gzip, io, sys, tarfile
out, fill = sys.argv[1], int(sys.argv[2])
with tarfile.open(out, 'w', format=tarfile.USTAR_FORMAT) as t:
    for i in range(16):
        data = gzip.compress(bytes([fill]) * (1 << 20), mtime=0)
        info = tarfile.TarInfo(f'part{i}.bin.gz')
        info.size, info.mtime = len(data), 0
        t.addfile(info, io.BytesIO(data))
`;

function python(script: string, ...args: string[]): void {
  execFileSync('python3', ['-c', script, ...args]);
}

function countNodes(node: Difference): number {
  return 1 + node.children.reduce((n, c) => n + countNodes(c), 0);
}

function leavesOf(node: Difference): Difference[] {
  return node.children.length === 0 ? [node] : node.children.flatMap(leavesOf);
}

beforeAll(async () => {
  work = await tempDir('vitsnap-budget-');
  for (const [side, fill] of [['a', '0'], ['b', '1']] as const) {
    mkdirSync(join(work, side));
    python(NESTED_ZIP, join(work, side, '42.zip'), fill, '4');
    python(TAR_OF_GZ, join(work, side, 'parts.tar'), fill);
  }
}, 60_000);
afterAll(async () => removeDir(work));

describe('expansion budget', () => {
  const limits = { ...DEFAULT_LIMITS, maxExpandedBytes: 8 * MiB };

  it('is shared by every level of a nested zip, and stops once spent (42.zip)', () => {
    const before = readFileSync(join(work, 'a', '42.zip'));
    const after = readFileSync(join(work, 'b', '42.zip'));
    expect(before.length).toBeLessThan(64 * 1024); // 65,536 leaves of 1 MiB: 64 GiB per side
    const budgets = fileBudgets(limits);
    const node = compareFile('42.zip', before, after, DEFAULT_COMPARATORS, limits, 0, budgets);
    // Members expand before-side first, so the before side is the one that runs dry.
    expect(budgets.before.used).toBeLessThanOrEqual(8 * MiB);
    expect(budgets.after.used).toBeLessThanOrEqual(8 * MiB);
    expect(budgets.before.exhausted).toBe(true);
    expect(leavesOf(node).some((l) => l.fallback?.startsWith('before: expansion budget exhausted') === true)).toBe(true);
    // Once spent, nothing nested is opened again: a few notes per level, not one per leaf.
    expect(countNodes(node)).toBeLessThan(200);
  });

  it('is shared by the compressed members of a tar, where each stream once had its own', () => {
    const budgets = fileBudgets(limits);
    const node = compareFile('parts.tar', readFileSync(join(work, 'a', 'parts.tar')), readFileSync(join(work, 'b', 'parts.tar')), DEFAULT_COMPARATORS, limits, 0, budgets);
    expect(budgets.before.used).toBeLessThanOrEqual(8 * MiB);
    expect(budgets.before.exhausted).toBe(true);
    const notes = leavesOf(node).map((c) => c.fallback ?? '');
    expect(notes.filter((n) => n.includes('expansion budget exhausted')).length).toBeGreaterThan(0);
    // 1 MiB per stream: at most 8 of the 16 fit, where each once had 8 MiB of its own.
    expect(leavesOf(node).filter((l) => l.comparator === 'binary').length).toBeLessThanOrEqual(8);
  });

  it('charges the whole diff too: a file that starts after the diff budget is spent expands nothing', () => {
    const diff = new ExpansionBudget(3 * MiB, { scope: 'diff' });
    const first = fileBudgets(limits, diff);
    compareFile('parts.tar', readFileSync(join(work, 'a', 'parts.tar')), readFileSync(join(work, 'b', 'parts.tar')), DEFAULT_COMPARATORS, limits, 0, first);
    expect(diff.used).toBeLessThanOrEqual(3 * MiB);
    const second = fileBudgets(limits, diff);
    const node = compareFile('42.zip', readFileSync(join(work, 'a', '42.zip')), readFileSync(join(work, 'b', '42.zip')), DEFAULT_COMPARATORS, limits, 0, second);
    expect(second.before.used + second.after.used).toBe(0);
    expect(node.children.every((c) => c.fallback === undefined || c.fallback.includes('expansion budget exhausted'))).toBe(true);
  });

  it('a single bomb over the cap is refused on its own; smaller members still expand', () => {
    const budget = new ExpansionBudget(8 * MiB, { scope: 'file' });
    expect(budget.refuse('member "big"', 'declares 200 MiB uncompressed, more than').message).toBe('member "big" declares 200 MiB uncompressed, more than the 8 MiB expansion cap');
    expect(budget.exhausted).toBe(false);
    budget.spend(6 * MiB, 'member "a"');
    expect(() => budget.spend(3 * MiB, 'member "b"')).toThrow('expansion budget exhausted: member "b" expands to 3 MiB, more than the 2 MiB left of the 8 MiB the file may expand');
    expect(budget.exhausted).toBe(true);
    expect(budget.remaining).toBe(0);
  });

  it('reports the finding in a diff of two directories, with the file still differing', async () => {
    const sides = await openSides('a', 'b', { cwd: work });
    try {
      const result = await compareSources(sides, { comparators: DEFAULT_COMPARATORS, classify: classifyCauses, limits });
      expect(result.verdict).toBe('drift-unexplained');
      const zip = result.root.children.find((d) => d.path === '42.zip');
      expect(zip?.kind).toBe('modified');
      expect(zip?.fallback).toMatch(/expansion budget exhausted after/);
      expect(result.notes).toContainEqual(expect.stringMatching(/^expansion budget exhausted in 2 files \(42\.zip, parts\.tar\)/));
    } finally {
      await sides.close();
    }
  }, 60_000);
});

