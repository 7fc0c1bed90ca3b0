/**
 * Large files are compared without being read whole (src/compare/byte-source.ts): a 20 MiB static
 * library built by gcc and ar, one object changed, gives the same report from two snapshots, two
 * directories and two buffers in memory; its bytes are walked through the sides' ByteSources, a
 * damaged block still fails the diff, and the sources read exactly the bytes asked for.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chmodSync, copyFileSync, mkdirSync, readFileSync, rmSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileByteSource, STREAM_FROM_BYTES, type ByteSource } from '../../src/compare/byte-source.js';
import { classifyCauses } from '../../src/compare/causes.js';
import { compareSources, type CompareResult } from '../../src/compare/compare.js';
import { DEFAULT_COMPARATORS } from '../../src/compare/comparators/index.js';
import { compareFile } from '../../src/compare/registry.js';
import { openSides, type Sides } from '../../src/compare/sources.js';
import { DEFAULT_LIMITS, type Difference } from '../../src/compare/types.js';
import { captureSnapshot } from '../../src/snapshot/capture.js';
import { SnapshotReader } from '../../src/snapshot/reader.js';
import type { FileEntry } from '../../src/snapshot/types.js';
import { removeDir, runTool, tempDir } from '../helpers/toolchain.js';

const PINNED = new Date(Date.UTC(2026, 0, 1));
const LIB = 'lib/libbig.a';
const BLOB_BYTES = 20 * 1024 * 1024;
let work: string;

/** Bytes that neither compress nor repeat (content-defined chunking cuts them into many chunks), the same every run. */
function noise(length: number, seed: number): Buffer {
  const out = Buffer.allocUnsafe(length + 3);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < length; i += 4) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out.writeUInt32LE(x >>> 0, i);
  }
  return out.subarray(0, length);
}

async function buildSide(side: string, factor: number): Promise<void> {
  const dir = join(work, side, 'lib');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'alpha.c'), `int alpha_value(int x) {\n  return x * ${factor} + 7;\n}\n`);
  writeFileSync(join(dir, 'beta.c'), 'int alpha_value(int x);\nint beta_value(int x) {\n  return alpha_value(x) - 1;\n}\n');
  for (const name of ['alpha', 'beta']) await runTool('gcc', ['-O1', '-c', '-o', `${name}.o`, `${name}.c`], { cwd: dir });
  writeFileSync(join(dir, 'blob.bin'), noise(BLOB_BYTES, 42));
  // The changed object first, the big member between: every member after it sits at the same offset on both sides.
  await runTool('ar', ['rcsD', 'libbig.a', 'alpha.o', 'blob.bin', 'beta.o'], { cwd: dir });
  for (const name of ['alpha.c', 'beta.c', 'alpha.o', 'beta.o', 'blob.bin']) rmSync(join(dir, name));
  chmodSync(join(dir, 'libbig.a'), 0o644);
  utimesSync(join(dir, 'libbig.a'), PINNED, PINNED);
}

/** Compares two sides, recording which files the diff read whole. */
async function compareRecording(before: string, after: string): Promise<{ result: CompareResult; readWhole: string[] }> {
  const sides: Sides = await openSides(before, after, { cwd: work });
  const readWhole: string[] = [];
  for (const source of [sides.before, sides.after]) {
    const read = source.readFile.bind(source);
    source.readFile = (entry: FileEntry) => {
      readWhole.push(entry.path);
      return read(entry);
    };
  }
  try {
    return { result: await compareSources(sides, { comparators: DEFAULT_COMPARATORS, classify: classifyCauses }), readWhole };
  } finally {
    await sides.close();
  }
}

/** A difference tree without what depends on where it was found: kind, path, summary and children. */
function shape(d: Difference): unknown {
  return { kind: d.kind, path: d.path, summary: d.summary, comparator: d.comparator, children: d.children.map(shape) };
}

function libraryNode(result: CompareResult): Difference {
  const node = result.root.children.find((c) => c.path === LIB);
  if (node === undefined) throw new Error(`no ${LIB} in ${result.root.children.map((c) => c.path).join(', ')}`);
  return node;
}

beforeAll(async () => {
  work = await tempDir('vitsnap-large-archive-');
  await buildSide('a', 3);
  await buildSide('b', 5);
  for (const side of ['a', 'b']) {
    await captureSnapshot({ root: join(work, side), patterns: [], output: join(work, `${side}.vitsnap`), metadata: null });
  }
}, 120_000);

afterAll(async () => {
  await removeDir(work);
});

describe('a large static library', () => {
  it('is big enough to be walked, not read whole', () => {
    expect(readFileSync(join(work, 'a', LIB)).length).toBeGreaterThan(STREAM_FROM_BYTES);
  });

  it('gives the in-memory report from snapshots and from directories, without reading the library whole', async () => {
    const inMemory = compareFile(LIB, readFileSync(join(work, 'a', LIB)), readFileSync(join(work, 'b', LIB)), DEFAULT_COMPARATORS, DEFAULT_LIMITS);
    expect(inMemory.comparator).toBe('ar');
    const changed = inMemory.children.map((c) => c.path);
    expect(changed.some((p) => p.includes('alpha.o'))).toBe(true);
    expect(changed.some((p) => p.includes('blob.bin') || p.includes('beta.o'))).toBe(false);
    for (const [before, after] of [['a.vitsnap', 'b.vitsnap'], ['a', 'b'], ['a.vitsnap', 'b']]) {
      const { result, readWhole } = await compareRecording(before as string, after as string);
      expect(shape(libraryNode(result))).toEqual(shape(inMemory));
      expect(readWhole).not.toContain(LIB);
    }
  }, 120_000);

  it('still fails the diff with E_CHECKSUM when a block of the library is damaged', async () => {
    const damaged = join(work, 'damaged.vitsnap');
    copyFileSync(join(work, 'a.vitsnap'), damaged);
    const bytes = readFileSync(damaged);
    // The middle of the file is the blob's blocks: incompressible, stored as they are.
    const at = Math.floor(bytes.length / 2);
    bytes[at] = (bytes[at] as number) ^ 0xff;
    writeFileSync(damaged, bytes);
    await expect(compareRecording('damaged.vitsnap', 'b.vitsnap')).rejects.toMatchObject({ code: 'E_CHECKSUM' });
  }, 60_000);
});

describe('byte sources', () => {
  function expectReads(source: ByteSource, original: Buffer): void {
    expect(source.size).toBe(original.length);
    // Inside one piece, across chunk, block and window boundaries, the first and the last byte, all of it.
    const ranges: [number, number][] = [[0, 60], [1024 * 1024 - 30, 60], [3 * 1024 * 1024 + 5, 2 * 1024 * 1024 - 11], [original.length - 1, 1], [0, original.length]];
    for (const [offset, length] of ranges) {
      expect(source.read(offset, length).equals(original.subarray(offset, offset + length))).toBe(true);
      const pieces: Buffer[] = [];
      source.scan(offset, length, (piece) => pieces.push(Buffer.from(piece)));
      expect(Buffer.concat(pieces).equals(original.subarray(offset, offset + length))).toBe(true);
    }
    expect(() => source.read(original.length - 10, 11)).toThrow(/outside/);
  }

  it('a snapshot side reads any range of a file chunk by chunk', async () => {
    const original = readFileSync(join(work, 'a', LIB));
    const reader = SnapshotReader.open(join(work, 'a.vitsnap'));
    let entry: FileEntry | undefined;
    try {
      entry = reader.manifest.entries.find((e): e is FileEntry => e.type === 'file' && e.path === LIB);
      if (entry === undefined) throw new Error('library not in the snapshot');
      expect(reader.fileChunks(entry).length).toBeGreaterThan(4);
    } finally {
      reader.close();
    }
    const sides = await openSides('a.vitsnap', 'b.vitsnap', { cwd: work });
    try {
      const source = sides.before.openFile?.(entry) ?? null;
      if (source === null) throw new Error('a full snapshot side must open files');
      expectReads(source, original);
    } finally {
      await sides.close();
    }
  });

  it('a directory side reads any range through its window, and a file that shrinks under it is an error that names it', () => {
    const path = join(work, 'window.bin');
    const original = noise(5 * 1024 * 1024 + 3, 7);
    writeFileSync(path, original);
    const source = fileByteSource(path, original.length, 'window.bin');
    try {
      expectReads(source, original);
      truncateSync(path, 1024);
      expect(() => source.read(4 * 1024 * 1024, 100)).toThrow(/window\.bin became shorter while it was compared/);
    } finally {
      source.close();
    }
  });
});
