/**
 * Large files are compared without being read whole (src/compare/byte-source.ts): a 20 MiB static
 * library built by gcc and ar, one object changed, gives the same report from two snapshots, two
 * directories and two buffers in memory; its bytes are walked through the sides' ByteSources, a
 * damaged block still fails the diff, the sources read exactly the bytes asked for, and two
 * snapshots know the members they share are equal from their chunk digests alone.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chmodSync, mkdirSync, readFileSync, rmSync, truncateSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAr, type ArMember } from '../../src/compare/archive/ar-reader.js';
import { bufferSource, fileByteSource, sameBytes, STREAM_FROM_BYTES, type ByteSource } from '../../src/compare/byte-source.js';
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

/** The library's entry in a snapshot of the work directory. */
function entryOf(file: string): FileEntry {
  const reader = SnapshotReader.open(join(work, file));
  try {
    const found = reader.manifest.entries.find((e): e is FileEntry => e.type === 'file' && e.path === LIB);
    if (found === undefined) throw new Error(`no ${LIB} in ${file}`);
    return found;
  } finally {
    reader.close();
  }
}

/** The library of a.vitsnap and of b.vitsnap as the two sides of a diff open it. */
async function withLibrarySources(use: (before: ByteSource, after: ByteSource, sides: Sides) => void): Promise<void> {
  const sides = await openSides('a.vitsnap', 'b.vitsnap', { cwd: work });
  try {
    const sa = sides.before.openFile?.(entryOf('a.vitsnap')) ?? null;
    const sb = sides.after.openFile?.(entryOf('b.vitsnap')) ?? null;
    if (sa === null || sb === null) throw new Error('full snapshot sides must open files');
    use(sa, sb, sides);
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

  /** A copy of a.vitsnap with one byte flipped in the block that holds the library's byte at `fileOffset`. */
  function damagedAt(fileOffset: number, name: string): void {
    const reader = SnapshotReader.open(join(work, 'a.vitsnap'));
    let at: number;
    try {
      const entry = reader.manifest.entries.find((e): e is FileEntry => e.type === 'file' && e.path === LIB) as FileEntry;
      let start = 0;
      const chunk = reader.fileChunks(entry).find((c) => {
        start += c.length;
        return start > fileOffset;
      });
      if (chunk === undefined) throw new Error('offset past the library');
      const block = reader.loadIndex().blocks[chunk.block] as { offset: number; storedLength: number };
      at = block.offset + Math.floor(block.storedLength / 2);
    } finally {
      reader.close();
    }
    const bytes = readFileSync(join(work, 'a.vitsnap'));
    bytes[at] = (bytes[at] as number) ^ 0xff;
    writeFileSync(join(work, name), bytes);
  }

  it('fails the diff with E_CHECKSUM when a block it reads is damaged', async () => {
    // The changed object is at the start of the archive: its block is read.
    damagedAt(100, 'damaged-head.vitsnap');
    await expect(compareRecording('damaged-head.vitsnap', 'b.vitsnap')).rejects.toMatchObject({ code: 'E_CHECKSUM' });
  }, 60_000);

  it('leaves unread the blocks chunk digests prove equal, and says so', async () => {
    // The middle of the blob: no member header there, and its chunks are the same on both sides.
    damagedAt(8 + 60 + 4096 + BLOB_BYTES / 2, 'damaged-blob.vitsnap');
    const { result } = await compareRecording('damaged-blob.vitsnap', 'b.vitsnap');
    const before = result.verification?.sides.find((s) => s.side === 'before');
    expect(before?.filesPartlyRead).toBe(1);
    expect((before?.blocksRead ?? 0) < (before?.blocksTotal ?? 0)).toBe(true);
    // Both sides left the blob's middle unread: one file, counted on each side.
    expect(result.verification?.note).toMatch(/the unchanged parts of 2 large files were not read .*run `vitsnap verify damaged-blob\.vitsnap`/);
    expect((result.notes ?? []).some((n) => n.includes('vitsnap verify damaged-blob.vitsnap'))).toBe(true);
  }, 60_000);
});

describe('byte sources', () => {
  function expectReads(source: ByteSource, original: Buffer): void {
    expect(source.size).toBe(original.length);
    // Inside one piece, across chunk, block and window boundaries, the first and the last byte, all of it.
    const ranges: [number, number][] = [[0, 60], [1024 * 1024 - 30, 60], [3 * 1024 * 1024 + 5, 2 * 1024 * 1024 - 11], [original.length - 1, 1], [0, original.length]];
    for (const [offset, length] of ranges) {
      expect(source.read(offset, length).equals(original.subarray(offset, offset + length))).toBe(true);
      expect(source.view(offset, length).equals(original.subarray(offset, offset + length))).toBe(true);
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

  it('two snapshot sides know the members they share are equal without reading them, and never claim more', async () => {
    await withLibrarySources((sa, sb) => {
      const membersA = new Map(parseAr(sa, 10).map((m) => [m.name, m]));
      const membersB = new Map(parseAr(sb, 10).map((m) => [m.name, m]));
      const at = (name: string): [ArMember, ArMember] => [membersA.get(name) as ArMember, membersB.get(name) as ArMember];
      const [blobA, blobB] = at('blob.bin');
      expect(blobA.size).toBe(BLOB_BYTES);
      const unknownBytes = (parts: [number, number][] | null | undefined): number => (parts ?? [[0, Infinity]]).reduce((n, [from, to]) => n + to - from, 0);
      // All of the blob but the chunk it shares with the changed object before it is known equal, unread.
      const blob = sa.unknownParts?.(blobA.dataOffset, sb, blobB.dataOffset, blobA.size);
      expect(blob?.length).toBe(1);
      expect(unknownBytes(blob)).toBeLessThan(BLOB_BYTES / 4);
      const [alphaA, alphaB] = at('alpha.o');
      const alphaLength = Math.min(alphaA.size, alphaB.size);
      expect(unknownBytes(sa.unknownParts?.(alphaA.dataOffset, sb, alphaB.dataOffset, alphaLength))).toBe(alphaLength);
      // The same bytes one byte further on are not "known": the chunks do not line up.
      expect(unknownBytes(sa.unknownParts?.(blobA.dataOffset + 1, sb, blobB.dataOffset, BLOB_BYTES - 1))).toBe(BLOB_BYTES - 1);
      expect(sameBytes(sa, alphaA.dataOffset, sb, alphaB.dataOffset, Math.min(alphaA.size, alphaB.size))).toBe(false);
      expect(sameBytes(sa, blobA.dataOffset, sb, blobB.dataOffset, blobA.size)).toBe(true);
    });
  });

  it('a snapshot side takes the chunks it shares with the other side from what that side has decoded', async () => {
    await withLibrarySources((sa, sb, sides) => {
      sb.borrowFrom?.(sa);
      const blobA = parseAr(bufferSource(readFileSync(join(work, 'a', LIB))), 10).find((m) => m.name === 'blob.bin') as ArMember;
      const blobB = parseAr(bufferSource(readFileSync(join(work, 'b', LIB))), 10).find((m) => m.name === 'blob.bin') as ArMember;
      // The middle of the blob: the before side decodes it, the after side reads the same bytes from that.
      const middle = BLOB_BYTES / 2;
      const fromA = Buffer.from(sa.read(blobA.dataOffset + middle, 4096));
      const readBefore = sides.after.verification?.().blocksRead ?? -1;
      const fromB = sb.read(blobB.dataOffset + middle, 4096);
      expect(fromB.equals(fromA)).toBe(true);
      expect(fromB.equals(readFileSync(join(work, 'b', LIB)).subarray(blobB.dataOffset + middle, blobB.dataOffset + middle + 4096))).toBe(true);
      expect(sides.after.verification?.().blocksRead).toBe(readBefore);
      // A part the before side has not decoded comes from the after side's own blocks.
      sb.read(0, 100);
      expect(sides.after.verification?.().blocksRead).toBe(readBefore + 1);
    });
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
