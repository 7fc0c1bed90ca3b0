/**
 * Directory-vs-directory diffs walk both trees side by side (src/snapshot/dir-pair-walk.ts) instead
 * of listing each tree and merging the lists. These tests hold that walk to the listing rules: the
 * same differences as a snapshot-vs-snapshot diff of the same trees, whatever the task budgets.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { classifyCauses } from '../../src/compare/causes.js';
import { compareSources, type CompareResult } from '../../src/compare/compare.js';
import { DEFAULT_COMPARATORS } from '../../src/compare/comparators/index.js';
import { openSides } from '../../src/compare/sources.js';
import { captureSnapshot } from '../../src/snapshot/capture.js';
import { walkDirPair, type DirPairFacts } from '../../src/snapshot/dir-pair-walk.js';
import { removeDir, tempDir } from '../helpers/toolchain.js';

let work: string;

function write(root: string, path: string, content: string | Buffer): void {
  mkdirSync(join(root, path, '..'), { recursive: true });
  writeFileSync(join(root, path), content);
}

/** Two trees with one of each kind of difference, plus things a walk must leave out. */
function makeTrees(): void {
  const [a, b] = [join(work, 'a'), join(work, 'b')];
  for (const root of [a, b]) {
    write(root, 'same/one.txt', 'same\n');
    write(root, 'same/deep/er/two.txt', 'also same\n');
    write(root, 'edit.txt', root === a ? 'before\n' : 'after!\n'); // same size, other bytes
    write(root, 'grow.txt', root === a ? 'short\n' : 'a longer line\n');
    write(root, 'mode-only.sh', '#!/bin/sh\n');
    chmodSync(join(root, 'mode-only.sh'), root === a ? 0o644 : 0o755);
    mkdirSync(join(root, 'locked'), { recursive: true });
    chmodSync(join(root, 'locked'), root === a ? 0o755 : 0o700);
    symlinkSync(root === a ? 'same/one.txt' : 'edit.txt', join(root, 'link'));
  }
  write(a, 'gone/inner/file.txt', 'removed with its directory\n');
  write(b, 'new/inner/file.txt', 'added with its directory\n');
  write(b, 'new/empty-not/x.txt', 'x\n');
  // A file that became a directory: the type changes, and what the directory holds is added.
  write(a, 'shape', 'was a file\n');
  write(b, 'shape/now.txt', 'now a directory\n');
  // A directory that became a symlink: what it held is removed.
  write(a, 'became-link/held.txt', 'held\n');
  symlinkSync('same', join(b, 'became-link'));
}

async function compare(before: string, after: string, exclude: string[] = []): Promise<CompareResult> {
  const sides = await openSides(before, after, { cwd: work });
  try {
    return await compareSources(sides, { comparators: DEFAULT_COMPARATORS, classify: classifyCauses, exclude });
  } finally {
    await sides.close();
  }
}

const shape = (r: CompareResult): string[] => r.root.children.map((d) => `${d.kind} ${d.path}: ${d.summary}`);

/** Runs tasks until none is left, as the scheduler does, and merges what they found. */
function walkInTasks(maxEntries: number): { facts: DirPairFacts; tasks: number } {
  const scratch = Buffer.alloc(64 * 1024);
  const merged: DirPairFacts = { only: [], pairs: [], notCompared: [], pending: [], filesChecked: 0, bytesRead: 0 };
  const queue = [''];
  let tasks = 0;
  while (queue.length > 0) {
    const dirs = queue.splice(0, 1);
    const facts = walkDirPair({ rootA: join(work, 'a') + '/', rootB: join(work, 'b') + '/', dirs, exclude: [], maxEntries, maxBytes: 1e12 }, scratch);
    tasks++;
    merged.only.push(...facts.only);
    merged.pairs.push(...facts.pairs);
    merged.filesChecked += facts.filesChecked;
    queue.push(...facts.pending);
  }
  const byPath = <T extends { path: string }>(x: T, y: T): number => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0);
  merged.only.sort((x, y) => byPath(x.entry, y.entry));
  merged.pairs.sort((x, y) => byPath(x.a, y.a));
  return { facts: merged, tasks };
}

beforeAll(async () => {
  work = await tempDir('vitsnap-dirpairs-');
  makeTrees();
  for (const side of ['a', 'b']) await captureSnapshot({ root: join(work, side), patterns: [], output: join(work, `${side}.vitsnap`), metadata: null });
}, 60_000);
afterAll(async () => removeDir(work));

describe('directory-vs-directory walk', () => {
  it('reports each kind of difference exactly once, and nothing for what is equal or left out', async () => {
    const r = await compare('a', 'b');
    expect(r.root.children.map((d) => [d.path, d.kind])).toEqual([
      ['became-link', 'type'],
      ['became-link/held.txt', 'removed'],
      ['edit.txt', 'modified'],
      ['gone', 'removed'],
      ['gone/inner', 'removed'],
      ['gone/inner/file.txt', 'removed'],
      ['grow.txt', 'modified'],
      ['link', 'symlink'],
      ['locked', 'mode'],
      ['mode-only.sh', 'mode'],
      ['new', 'added'],
      ['new/empty-not', 'added'],
      ['new/empty-not/x.txt', 'added'],
      ['new/inner', 'added'],
      ['new/inner/file.txt', 'added'],
      ['shape', 'type'],
      ['shape/now.txt', 'added'],
    ]);
    expect(shape(r)).toContain('removed gone/inner/file.txt: removed (file, 27 bytes)');
    expect(shape(r)).toContain('type shape: file → dir');
    expect(shape(r)).toContain('mode mode-only.sh: mode 0644 → 0755');
  });

  it('finds what a snapshot-vs-snapshot diff finds, and mirrors when swapped', async () => {
    const dirs = await compare('a', 'b');
    expect(shape(dirs)).toEqual(shape(await compare('a.vitsnap', 'b.vitsnap')));
    expect(shape(dirs)).toEqual(shape(await compare('a', 'b.vitsnap')));
    const swapped = await compare('b', 'a');
    expect(swapped.root.children.map((d) => d.path)).toEqual(dirs.root.children.map((d) => d.path));
    expect((await compare('a', 'a')).root.children).toEqual([]);
  });

  it('leaves out excluded paths the way the listing diff does', async () => {
    const exclude = ['gone', 'new/inner/**', '*.sh', 'shape/now.txt'];
    const dirs = await compare('a', 'b', exclude);
    expect(shape(dirs)).toEqual(shape(await compare('a.vitsnap', 'b.vitsnap', exclude)));
    const paths = dirs.root.children.map((d) => d.path);
    expect(paths).not.toContain('gone/inner/file.txt');
    expect(paths).not.toContain('mode-only.sh');
    expect(paths).toContain('new/empty-not/x.txt');
    expect(paths).toContain('shape');
  });

  it('hands back unlisted directories when a task spends its budget, and the tasks add up to one walk', () => {
    const whole = walkInTasks(Number.MAX_SAFE_INTEGER);
    const split = walkInTasks(1);
    expect(whole.tasks).toBe(1);
    expect(split.tasks).toBe(5); // one per directory in both trees: the roots, same, same/deep, same/deep/er, locked
    expect(split.facts).toEqual(whole.facts);
    expect(whole.facts.filesChecked).toBe(5); // one.txt, two.txt, edit.txt, grow.txt, mode-only.sh: a file on each side
  });

  it('walks deep trees: 400 levels in both trees, and 400 on one side only listed whole', async () => {
    const [a, b] = [join(work, 'deep-a'), join(work, 'deep-b')];
    const deep = Array.from({ length: 400 }, () => 'd').join('/');
    write(a, `both/${deep}/f.txt`, 'before\n');
    write(b, `both/${deep}/f.txt`, 'after!\n');
    write(b, `only/${deep}/g.txt`, 'new\n');
    const r = await compare('deep-a', 'deep-b');
    const kinds = r.root.children.map((d) => d.kind);
    expect(r.root.children.find((d) => d.kind === 'modified')?.path).toBe(`both/${deep}/f.txt`);
    expect(kinds.filter((k) => k === 'added')).toHaveLength(402); // only/, its 400 levels, and g.txt
    expect(kinds).toHaveLength(403);
  });

  it('shares many directories between the workers and still finds every difference', async () => {
    const [a, b] = [join(work, 'many-a'), join(work, 'many-b')];
    for (let d = 0; d < 300; d++) {
      for (const root of [a, b]) write(root, `d${d}/sub/f.txt`, root === b && d % 37 === 0 ? `changed ${d}\n` : `same ${d}\n`);
    }
    const r = await compare('many-a', 'many-b');
    const expected = Array.from({ length: 300 }, (_, d) => d)
      .filter((d) => d % 37 === 0)
      .map((d) => `d${d}/sub/f.txt`)
      .sort();
    expect(r.root.children.map((c) => c.path)).toEqual(expected);
  });
});
