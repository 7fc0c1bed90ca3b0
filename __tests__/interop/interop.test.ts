/**
 * Interop: an independent Python reader, written only from docs/format.md, must read a snapshot
 * made by `captureSnapshot` and agree with the tree on disk: every path, type, size, SHA-256 and
 * symlink target, plus the block and chunk counts of the trailer. It must also reject a snapshot
 * with one byte flipped inside a block.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { captureSnapshot } from '../../src/snapshot/capture.js';
import { Codec, TRAILER_SIZE } from '../../src/snapshot/format.js';
import { SnapshotReader } from '../../src/snapshot/reader.js';
import { makeRandomBytes, makeTextFile, removeDir, runTool, tempDir, writeBf16Tensor } from '../helpers/toolchain.js';

const READER = join(dirname(fileURLToPath(import.meta.url)), 'read_vitsnap.py');

type Row = [string, 'file' | 'dir' | 'symlink', number | null, string | null];

interface PythonResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

function runReader(snapshot: string): PythonResult {
  const r = spawnSync('python3', [READER, snapshot], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
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
        rows.push([path, 'symlink', null, readlinkSync(childAbs)]);
      } else if (st.isDirectory()) {
        rows.push([path, 'dir', null, null]);
        visit(childAbs, path);
      } else {
        const bytes = readFileSync(childAbs);
        rows.push([path, 'file', bytes.length, createHash('sha256').update(bytes).digest('hex')]);
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

  it('reads every entry, digest and count the way the tree and the trailer have them', () => {
    const r = runReader(snapshot);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { entries: Row[]; blocks: number; chunks: number };
    expect(out.entries).toEqual(describeDisk(tree));

    const bytes = readFileSync(snapshot);
    const trailer = bytes.subarray(bytes.length - TRAILER_SIZE);
    expect(out.blocks).toBe(trailer.readUInt32LE(48));
    expect(out.chunks).toBe(trailer.readUInt32LE(52));
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

    const r = runReader(path);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('E_CHECKSUM');
  });
});
