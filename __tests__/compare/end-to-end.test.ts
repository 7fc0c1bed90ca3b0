/**
 * The whole comparison on two builds made by real tools, as `vitsnap diff dirA dirB` runs it:
 * exact paths, kinds and causes for each classic source of drift.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chmodSync, cpSync, mkdirSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { classifyCauses, createCauseClassifier } from '../../src/compare/causes.js';
import { compareSources, type CompareProgress, type CompareResult } from '../../src/compare/compare.js';
import { DEFAULT_COMPARATORS } from '../../src/compare/comparators/index.js';
import { openSides } from '../../src/compare/sources.js';
import type { Difference } from '../../src/compare/types.js';
import { captureSnapshot } from '../../src/snapshot/capture.js';
import { seededBytes } from '../helpers/trees.js';
import { buildCProgram, makeZip, removeDir, tempDir } from '../helpers/toolchain.js';

let work: string;
/** The docs' file times, the same in both builds: only the member order differs on purpose. */
const DOCS_MTIME = new Date('2026-01-01T00:00:00Z');

async function build(side: 'a' | 'b', epoch: string): Promise<string> {
  const out = join(work, side);
  mkdirSync(join(out, 'bin'), { recursive: true });
  mkdirSync(join(out, 'share'), { recursive: true });
  mkdirSync(join(out, 'dist'), { recursive: true });
  // __DATE__/__TIME__ follow SOURCE_DATE_EPOCH: a timestamp in .rodata.
  await buildCProgram(join(out, 'bin'), { name: 'dated', useDate: true, env: { SOURCE_DATE_EPOCH: epoch } });
  // -g in two different directories: the build path lands in the debug info.
  const checkout = join(work, `checkout-${side}`);
  mkdirSync(checkout, { recursive: true });
  const { binary } = await buildCProgram(checkout, { name: 'debug', cflags: ['-g', '-O0'] });
  cpSync(binary, join(out, 'bin', 'debug'));
  writeFileSync(join(out, 'share', 'build.json'), `${JSON.stringify({ name: 'app', built: side === 'a' ? '2026-01-01T00:00:00Z' : '2026-01-02T00:00:00Z', files: ['a.js', 'b.js'] }, null, 2)}\n`);
  const docs = join(work, `docs-${side}`);
  mkdirSync(docs, { recursive: true });
  writeFileSync(join(docs, 'one.txt'), 'one\n');
  writeFileSync(join(docs, 'two.txt'), 'two\n');
  // zip stores each member's mtime at 2-second DOS precision: two builds a moment apart can straddle a tick.
  for (const f of ['one.txt', 'two.txt']) utimesSync(join(docs, f), DOCS_MTIME, DOCS_MTIME);
  await makeZip(join(out, 'dist'), 'docs.zip', docs, side === 'a' ? ['one.txt', 'two.txt'] : ['two.txt', 'one.txt'], { extraAttributes: false });
  writeFileSync(join(out, 'run.sh'), '#!/bin/sh\necho run\n');
  chmodSync(join(out, 'run.sh'), side === 'a' ? 0o644 : 0o755);
  symlinkSync(side === 'a' ? 'bin/dated' : 'bin/debug', join(out, 'current'));
  writeFileSync(join(out, 'same.txt'), 'unchanged\n');
  return out;
}

async function compare(before: string, after: string, ignore: ('timestamps' | 'build-paths' | 'file-order' | 'build-id')[] = []): Promise<CompareResult> {
  const sides = await openSides(before, after, { cwd: work });
  try {
    return await compareSources(sides, { comparators: DEFAULT_COMPARATORS, classify: classifyCauses, ignore });
  } finally {
    await sides.close();
  }
}

function find(result: CompareResult, path: string): Difference {
  const node = result.root.children.find((d) => d.path === path);
  if (node === undefined) throw new Error(`no difference at ${path}; got ${result.root.children.map((d) => d.path).join(', ')}`);
  return node;
}

function causeIds(node: Difference): string[] {
  const ids = new Set<string>();
  const visit = (n: Difference): void => {
    if (n.children.length === 0) for (const c of n.causes) if (c.secondary !== true) ids.add(c.id);
    n.children.forEach(visit);
  };
  visit(node);
  return [...ids].sort();
}

beforeAll(async () => {
  work = await tempDir('vitsnap-e2e-');
  await build('a', '1767225600');
  await build('b', '1767312000');
}, 120_000);
afterAll(async () => removeDir(work));

describe('diff of two real builds', () => {
  it('finds exactly the drifted paths and never reports the unchanged file', async () => {
    const r = await compare('a', 'b');
    expect(r.root.children.map((d) => d.path)).toEqual(['bin/debug', 'bin/dated', 'current', 'dist/docs.zip', 'run.sh', 'share/build.json'].sort());
    expect(r.verdict).not.toBe('identical');
  });

  it('explains each difference by its real cause', async () => {
    const r = await compare('a', 'b');
    expect(find(r, 'bin/dated').comparator).toBe('elf');
    expect(causeIds(find(r, 'bin/dated'))).toContain('timestamp');
    expect(causeIds(find(r, 'bin/debug'))).toContain('build-path');
    expect(find(r, 'dist/docs.zip').children.map((c) => c.kind)).toEqual(['order']);
    expect(causeIds(find(r, 'dist/docs.zip'))).toEqual(['file-order']);
    expect(causeIds(find(r, 'share/build.json'))).toEqual(['timestamp']);
    expect(find(r, 'run.sh').kind).toBe('mode');
    expect(causeIds(find(r, 'run.sh'))).toEqual(['permissions']);
    expect(find(r, 'current').kind).toBe('symlink');
    expect(causeIds(find(r, 'current'))).toEqual(['symlink']);
  });

  it('reports ignored differences as ignored, never drops them', async () => {
    const r = await compare('a', 'b', ['timestamps', 'build-paths', 'file-order', 'build-id']);
    expect(find(r, 'share/build.json').ignored).toBe(true);
    expect(find(r, 'dist/docs.zip').ignored).toBe(true);
    expect(find(r, 'run.sh').ignored).toBeUndefined();
    expect(r.counts.ignored).toBeGreaterThanOrEqual(2);
    expect(r.root.summary).toContain(`(${r.counts.ignored} fully ignored)`);
  });

  it('gives the same causes when files are analysed as they are compared', async () => {
    const once = await compare('a', 'b');
    const sides = await openSides('a', 'b', { cwd: work });
    const classifier = createCauseClassifier();
    let prepared = 0;
    try {
      const early = await compareSources(sides, {
        comparators: DEFAULT_COMPARATORS,
        classify: classifier.classify,
        prepare: (file, ctx) => {
          prepared++;
          classifier.prepare(file, ctx);
        },
      });
      expect(prepared).toBe(early.counts.modified);
      expect(early.root).toEqual(once.root);
    } finally {
      await sides.close();
    }
  });

  it('finds nothing when a build is compared with itself', async () => {
    const r = await compare('a', 'a');
    expect(r.root.children).toEqual([]);
    expect(r.verdict).toBe('identical');
  });

  it('mirrors when the sides are swapped', async () => {
    const ab = await compare('a', 'b');
    const ba = await compare('b', 'a');
    expect(ba.root.children.map((d) => [d.path, d.kind])).toEqual(ab.root.children.map((d) => [d.path, d.kind]));
    expect(ba.root.children.map(causeIds)).toEqual(ab.root.children.map(causeIds));
  });

  it('finds the same differences whichever side is a snapshot', async () => {
    for (const side of ['a', 'b']) await captureSnapshot({ root: join(work, side), patterns: [], output: join(work, `${side}.vitsnap`), metadata: null });
    const shape = (r: CompareResult): unknown => r.root.children.map((d) => [d.path, d.kind, d.summary, causeIds(d)]);
    const dirs = shape(await compare('a', 'b'));
    expect(shape(await compare('a.vitsnap', 'b.vitsnap'))).toEqual(dirs);
    expect(shape(await compare('a.vitsnap', 'b'))).toEqual(dirs);
    expect(shape(await compare('a', 'b.vitsnap'))).toEqual(dirs);
    expect((await compare('a.vitsnap', 'a')).verdict).toBe('identical');
  });
});

describe('directory sides', () => {
  /** Two trees past the inline threshold, so the walks and byte checks run on worker threads. */
  async function bigTrees(): Promise<{ a: string; b: string }> {
    const a = join(work, 'big-a');
    const b = join(work, 'big-b');
    for (const dir of [a, b]) mkdirSync(dir, { recursive: true });
    for (let i = 0; i < 24; i++) {
      const bytes = seededBytes(1024 * 1024, i, false);
      writeFileSync(join(a, `part-${i}.bin`), bytes);
      // Same size, one byte flipped near the end of file 7, and file 13 differs only in its last byte.
      if (i === 7) bytes[1000000] = (bytes[1000000] as number) ^ 0xff;
      if (i === 13) bytes[bytes.length - 1] = (bytes[bytes.length - 1] as number) ^ 0x01;
      writeFileSync(join(b, `part-${i}.bin`), bytes);
    }
    return { a: 'big-a', b: 'big-b' };
  }

  it('finds same-size files that differ by a single byte, on worker threads', async () => {
    const { a, b } = await bigTrees();
    const r = await compare(a, b);
    expect(r.root.children.map((d) => [d.path, d.kind])).toEqual([
      ['part-13.bin', 'modified'],
      ['part-7.bin', 'modified'],
    ]);
    expect(find(r, 'part-7.bin').summary).toMatch(/^1 byte differs/);
  });

  it('reports progress: files checked by bytes, changed files found and explained', async () => {
    const { a, b } = await bigTrees();
    const seen: CompareProgress[] = [];
    const sides = await openSides(a, b, { cwd: work });
    try {
      await compareSources(sides, { comparators: DEFAULT_COMPARATORS, classify: classifyCauses, onProgress: (p) => seen.push(p) });
    } finally {
      await sides.close();
    }
    const last = seen.at(-1);
    expect(last).toMatchObject({ filesChecked: 24, filesChanged: 2, filesExplained: 2 });
    // 22 equal files read whole on both sides, the two that differ up to their first difference.
    expect(last?.bytesRead).toBeGreaterThan(22 * 2 * 1024 * 1024);
    for (let i = 1; i < seen.length; i++) {
      const [x, y] = [seen[i - 1] as CompareProgress, seen[i] as CompareProgress];
      expect(y.filesChecked >= x.filesChecked && y.filesExplained >= x.filesExplained && y.filesChanged >= x.filesChanged).toBe(true);
    }
  });

  it('checks same-size files against a snapshot by digest', async () => {
    const { a, b } = await bigTrees();
    await captureSnapshot({ root: join(work, a), patterns: [], output: join(work, 'big-a.vitsnap'), metadata: null });
    const r = await compare('big-a.vitsnap', b);
    expect(r.root.children.map((d) => d.path)).toEqual(['part-13.bin', 'part-7.bin']);
  });
});

