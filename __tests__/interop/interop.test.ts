/**
 * Interop: an independent Python reader, written only from docs/format.md, must read a snapshot
 * made by `captureSnapshot` and agree with the tree on disk: every path, type, mode, size, SHA-256
 * and symlink target, plus the block and chunk counts of the trailer. It must read the committed
 * golden file exactly as its expected listing says, read the summary without touching the entries
 * section (what `info` relies on), and reject damaged or inconsistent files with the same error
 * code as vitsnap's own reader.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { zstdDecompressSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { captureSnapshot } from '../../src/snapshot/capture.js';
import { zstdCompress } from '../../src/snapshot/codecs.js';
import { BLOCK_RECORD_SIZE, Codec, TRAILER_SIZE, decodeTrailer, encodeTrailer } from '../../src/snapshot/format.js';
import { SnapshotReader } from '../../src/snapshot/reader.js';
import { makeRandomBytes, makeTextFile, removeDir, runTool, tempDir, writeBf16Tensor } from '../helpers/toolchain.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const READER = join(HERE, 'read_vitsnap.py');
const FIXTURES = join(HERE, '..', '..', '__fixtures__');

/** The rows the Python reader prints, in the format of `__fixtures__/golden-v1.0.json`. */
type Row = [string, 'file', number, number, string] | [string, 'dir', number] | [string, 'symlink', string];

interface PythonSummary {
  createdAt: string | null;
  tool: { name: string; version: string };
  stats: Record<string, unknown>;
}

interface PythonSnapshot extends PythonSummary {
  entries: Row[];
  blocks: number;
  chunks: number;
}

interface PythonResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

function runReader(snapshot: string, ...flags: string[]): PythonResult {
  const r = spawnSync('python3', [READER, ...flags, snapshot], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.error !== undefined) throw r.error;
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** What the tree really holds, in UTF-8 byte order of paths, as the Python reader prints it. */
function describeDisk(root: string): Row[] {
  const rows: Row[] = [];
  const visit = (abs: string, rel: string): void => {
    for (const name of readdirSync(abs)) {
      const childAbs = join(abs, name);
      const path = rel === '' ? name : `${rel}/${name}`;
      const st = lstatSync(childAbs);
      if (st.isSymbolicLink()) {
        rows.push([path, 'symlink', readlinkSync(childAbs)]);
      } else if (st.isDirectory()) {
        rows.push([path, 'dir', st.mode & 0o7777]);
        visit(childAbs, path);
      } else {
        const bytes = readFileSync(childAbs);
        rows.push([path, 'file', st.mode & 0o7777, bytes.length, createHash('sha256').update(bytes).digest('hex')]);
      }
    }
  };
  visit(root, '');
  return rows.sort((a, b) => Buffer.compare(Buffer.from(a[0]), Buffer.from(b[0])));
}

describe('Python reader written from docs/format.md', () => {
  let work = '';
  let tree = '';
  let snapshot = '';

  beforeAll(async () => {
    work = await tempDir('vitsnap-interop-');
    tree = join(work, 'tree');
    for (const dir of ['src/lib/deep', 'model', 'data', 'bin', 'archive', 'empty-dir']) mkdirSync(join(tree, dir), { recursive: true });
    writeFileSync(join(tree, 'hello.txt'), 'hello, world\n');
    writeFileSync(join(tree, 'src.txt'), 'sorts between "src" and "src/…" in byte order\n');
    writeFileSync(join(tree, 'src-notes.txt'), 'also before "src/"\n');
    writeFileSync(join(tree, 'naïve €.txt'), 'non-ASCII name\n');
    await makeTextFile(join(tree, 'src/lib/deep/util.ts'), 200 * 1024, 7);
    writeFileSync(join(tree, 'src/lib/index.ts'), 'export * from "./deep/util.js";\n');
    copyFileSync('/usr/bin/ls', join(tree, 'bin/ls'));
    await makeRandomBytes(join(tree, 'data/random.dat'), 5 * 1024 * 1024 + 12345, 42);
    await writeBf16Tensor(join(tree, 'model/weights.bin'), 600_000, 3);
    await makeTextFile(join(tree, 'archive/notes.txt'), 300 * 1024, 11);
    await runTool('gzip', ['-n', '-9', join(tree, 'archive/notes.txt')]);
    writeFileSync(join(tree, 'empty'), '');
    symlinkSync('hello.txt', join(tree, 'link-to-hello'));
    symlinkSync('../nowhere/at/all', join(tree, 'src/dangling'));

    snapshot = join(work, 'tree.vitsnap');
    const result = await captureSnapshot({ root: tree, patterns: [], output: snapshot, metadata: null });
    expect(result.skipped).toEqual([]);
  });

  afterAll(async () => {
    if (work !== '') await removeDir(work);
  });

  it('builds a tree that exercises every codec, chunking and the empty-file rule', () => {
    const reader = SnapshotReader.open(snapshot);
    try {
      const { blocks } = reader.loadIndex();
      const codecs = new Set(blocks.map((b) => b.codec));
      expect(codecs).toEqual(new Set([Codec.none, Codec.zstd, Codec.bytegroupZstd]));
      expect(blocks.some((b) => b.codec === Codec.bytegroupZstd && b.width === 2)).toBe(true);
      const random = reader.manifest.entries.find((e) => e.path === 'data/random.dat');
      expect(random?.type === 'file' && (random.chunks?.length ?? 0) >= 2).toBe(true);
      const empty = reader.manifest.entries.find((e) => e.path === 'empty');
      expect(empty?.type === 'file' && empty.size === 0 && empty.chunks === undefined).toBe(true);
    } finally {
      reader.close();
    }
  });

  it('reads every entry, mode, digest and count the way the tree and the trailer have them', () => {
    const r = runReader(snapshot);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as PythonSnapshot;
    expect(out.entries).toEqual(describeDisk(tree));

    // Trailer (docs 7): blockCount at 72, chunkCount at 76.
    const bytes = readFileSync(snapshot);
    const trailer = bytes.subarray(bytes.length - TRAILER_SIZE);
    expect(out.blocks).toBe(trailer.readUInt32LE(72));
    expect(out.chunks).toBe(trailer.readUInt32LE(76));

    const reader = SnapshotReader.open(snapshot);
    try {
      expect(out.stats).toEqual(reader.summary.stats);
      expect(out.createdAt).toBe(reader.summary.createdAt);
      expect(out.tool).toEqual(reader.summary.tool);
    } finally {
      reader.close();
    }
  });

  it('reads the committed golden v1.0 file exactly as its expected listing says', () => {
    const expected = JSON.parse(readFileSync(join(FIXTURES, 'golden-v1.0.json'), 'utf8')) as { createdAt: string; entries: Row[] };
    const golden = join(FIXTURES, 'golden-v1.0.vitsnap');
    const r = runReader(golden);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as PythonSnapshot;
    expect(out.createdAt).toBe(expected.createdAt);
    expect(out.entries).toEqual(expected.entries);
    const bytes = readFileSync(golden);
    const trailer = bytes.subarray(bytes.length - TRAILER_SIZE);
    expect(out.blocks).toBe(trailer.readUInt32LE(72));
    expect(out.chunks).toBe(trailer.readUInt32LE(76));
  });

  it('reads the summary without the entries section, as `info` does', () => {
    // Damage the entries section only: the summary (trailer + manifest section) still reads, in
    // Python and in vitsnap; anything that needs the entries fails on their digest.
    const bytes = readFileSync(snapshot);
    const t = decodeTrailer(bytes.subarray(bytes.length - TRAILER_SIZE), bytes.length);
    const damaged = Buffer.from(bytes);
    const at = t.entriesOffset + Math.floor(t.entriesStoredLength / 2);
    damaged[at] = (damaged[at] as number) ^ 0xff;
    const path = join(work, 'entries-damaged.vitsnap');
    writeFileSync(path, damaged);

    const full = JSON.parse(runReader(snapshot).stdout) as PythonSnapshot;
    const summary = runReader(path, '--summary');
    expect(summary.stderr).toBe('');
    expect(summary.status).toBe(0);
    expect(JSON.parse(summary.stdout)).toEqual({ createdAt: full.createdAt, tool: full.tool, stats: full.stats });
    expectPythonError(runReader(path), 'E_CHECKSUM');

    const reader = SnapshotReader.open(path);
    try {
      expect(reader.summary.stats.files).toBe(full.entries.filter((row) => row[1] === 'file').length);
      expect(() => reader.manifest).toThrow(expect.objectContaining({ code: 'E_CHECKSUM' }));
    } finally {
      reader.close();
    }
  });

  it('rejects the snapshot with one byte flipped in the middle of a block', () => {
    const reader = SnapshotReader.open(snapshot);
    let target = 0;
    try {
      const { blocks } = reader.loadIndex();
      const largest = blocks.reduce((a, b) => (b.storedLength > a.storedLength ? b : a));
      target = largest.offset + Math.floor(largest.storedLength / 2);
    } finally {
      reader.close();
    }
    const damaged = readFileSync(snapshot);
    damaged[target] = (damaged[target] as number) ^ 0xff;
    const path = join(work, 'damaged.vitsnap');
    writeFileSync(path, damaged);

    expectPythonError(runReader(path), 'E_CHECKSUM');
    expect(vitsnapVerifyError(path)).toBe('E_CHECKSUM');
  });

  it('rejects entries whose counts by type disagree with the manifest stats (E_MANIFEST)', () => {
    // A consistent file in every other way: a symlink dropped from the entries, digests and trailer redone.
    const bytes = readFileSync(snapshot);
    const entries = entriesOf(bytes).filter((e) => e.path !== 'link-to-hello');
    const path = join(work, 'miscounted.vitsnap');
    writeFileSync(path, reseal(bytes, { entries }));

    expectPythonError(runReader(path, '--summary'), null);
    expectPythonError(runReader(path), 'E_MANIFEST');
    expect(vitsnapVerifyError(path)).toBe('E_MANIFEST');
  });

  it('rejects a block record that extends past the entries offset (E_CORRUPT)', () => {
    const bytes = readFileSync(snapshot);
    const t = decodeTrailer(bytes.subarray(bytes.length - TRAILER_SIZE), bytes.length);
    const index = Buffer.from(bytes.subarray(t.indexOffset, t.indexOffset + t.indexLength));
    const last = (t.blockCount - 1) * BLOCK_RECORD_SIZE;
    index.writeUInt32LE(index.readUInt32LE(last + 8) + 1, last + 8); // storedLength of the last block
    const path = join(work, 'block-past-entries.vitsnap');
    writeFileSync(path, reseal(bytes, { index }));

    expectPythonError(runReader(path, '--summary'), null);
    expectPythonError(runReader(path), 'E_CORRUPT');
    expect(vitsnapVerifyError(path)).toBe('E_CORRUPT');
  });
});

/** `null`: the run must succeed. Otherwise it must fail with exactly that code and print nothing. */
function expectPythonError(r: PythonResult, code: string | null): void {
  if (code === null) {
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    return;
  }
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(new RegExp(`^read_vitsnap: ${code}: `));
  expect(r.status).toBe(1);
}

/** The error code vitsnap's own reader gives for `verify`, or null. */
function vitsnapVerifyError(path: string): string | null {
  try {
    const reader = SnapshotReader.open(path);
    try {
      reader.verify();
    } finally {
      reader.close();
    }
    return null;
  } catch (error) {
    return (error as { code?: string }).code ?? 'no code';
  }
}

function entriesOf(bytes: Buffer): { path: string }[] {
  const t = decodeTrailer(bytes.subarray(bytes.length - TRAILER_SIZE), bytes.length);
  const stored = bytes.subarray(t.entriesOffset, t.entriesOffset + t.entriesStoredLength);
  return JSON.parse(zstdDecompressSync(stored).toString('utf8')) as { path: string }[];
}

/**
 * Rebuilds a snapshot around a replaced entries array and/or index, with every length, offset and
 * digest of the trailer redone, so that only the replaced content is inconsistent.
 */
function reseal(bytes: Buffer, change: { entries?: unknown; index?: Buffer }): Buffer {
  const t = decodeTrailer(bytes.subarray(bytes.length - TRAILER_SIZE), bytes.length);
  const sha = (b: Buffer): Buffer => createHash('sha256').update(b).digest();
  const blocks = bytes.subarray(0, t.entriesOffset);
  const entriesRaw = change.entries === undefined ? null : Buffer.from(JSON.stringify(change.entries));
  const entries = entriesRaw === null ? bytes.subarray(t.entriesOffset, t.manifestOffset) : zstdCompress(entriesRaw, 6);
  const manifest = bytes.subarray(t.manifestOffset, t.indexOffset);
  const index = change.index ?? bytes.subarray(t.indexOffset, t.indexOffset + t.indexLength);
  const manifestOffset = t.entriesOffset + entries.length;
  const trailer = encodeTrailer({
    entriesOffset: t.entriesOffset,
    entriesStoredLength: entries.length,
    entriesRawLength: entriesRaw?.length ?? t.entriesRawLength,
    manifestOffset,
    manifestStoredLength: manifest.length,
    manifestRawLength: t.manifestRawLength,
    indexOffset: manifestOffset + manifest.length,
    indexLength: index.length,
    blockCount: t.blockCount,
    chunkCount: t.chunkCount,
    entriesSha256: sha(entries),
    manifestSha256: sha(manifest),
    indexSha256: sha(index),
  });
  return Buffer.concat([blocks, entries, manifest, index, trailer]);
}
