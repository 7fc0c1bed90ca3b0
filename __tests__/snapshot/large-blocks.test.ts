/**
 * Large binaries get blocks of their own (block-planner.ts): a binary of 1 MiB or more is packed
 * apart from small files, in blocks sealed at 8 MiB and written at the wide level, while small
 * binaries keep 1 MiB blocks at level 2. The level follows from a block's codec and size alone,
 * so a store exports the file byte for byte, and flatten still equals a full capture.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { blockLevel, LARGE_FILE_BYTES } from '../../src/snapshot/block-planner.js';
import { captureSnapshot } from '../../src/snapshot/capture.js';
import { encodeBlock } from '../../src/snapshot/codecs.js';
import { Codec } from '../../src/snapshot/format.js';
import { SnapshotReader } from '../../src/snapshot/reader.js';
import type { FileEntry } from '../../src/snapshot/types.js';
import { addSnapshot } from '../../src/store/add.js';
import { exportSnapshot } from '../../src/store/export.js';
import { openStore } from '../../src/store/layout.js';
import { resolveRef } from '../../src/store/records.js';
import { runVitsnapOk } from '../helpers/cli.js';
import { seededBytes } from '../helpers/trees.js';
import { removeDir, tempDir } from '../helpers/toolchain.js';

const EPOCH = new Date('2024-01-02T03:04:05Z');
const BIG = 9 * 1024 * 1024;
let work: string;

function write(path: string, data: Buffer): void {
  writeFileSync(path, data);
  utimesSync(path, EPOCH, EPOCH);
}

/** Small binaries around one 9 MiB binary (chunked; its first block fills to 8 MiB); `seed` varies the big one. */
function buildTree(dir: string, seed: number): void {
  mkdirSync(join(dir, 'lib'), { recursive: true });
  for (let i = 0; i < 12; i++) write(join(dir, 'lib', `small${i}.bin`), seededBytes(60 * 1024 + i * 1024, i, false));
  write(join(dir, 'lib', 'big.bin'), seededBytes(BIG, seed, false));
}

async function capture(dir: string, output: string): Promise<void> {
  await captureSnapshot({ root: dir, patterns: [], output, workers: 0, metadata: null, sourceDateEpoch: '1700000000' });
}

beforeAll(async () => {
  work = await tempDir('vitsnap-large-blocks-');
  buildTree(join(work, 'a'), 1);
  await capture(join(work, 'a'), join(work, 'a.vitsnap'));
});

afterAll(async () => {
  await removeDir(work);
});

describe('blocks of large binaries', () => {
  it('holds the large binary apart from the small ones, each block at the level its size gives', () => {
    const reader = SnapshotReader.open(join(work, 'a.vitsnap'));
    try {
      const files = reader.manifest.entries.filter((e): e is FileEntry => e.type === 'file');
      const blocksOf = (e: FileEntry): Set<number> => new Set(reader.fileChunks(e).map((c) => c.block));
      const big = files.find((e) => e.path === 'lib/big.bin') as FileEntry;
      expect(big.size).toBeGreaterThanOrEqual(LARGE_FILE_BYTES);
      const bigBlocks = blocksOf(big);
      const smallBlocks = new Set(files.filter((e) => e !== big).flatMap((e) => [...blocksOf(e)]));
      expect([...bigBlocks].filter((b) => smallBlocks.has(b))).toEqual([]);
      const { blocks } = reader.loadIndex();
      const sizes = [...bigBlocks].map((b) => (blocks[b] as { rawLength: number }).rawLength);
      expect(Math.max(...sizes)).toBeGreaterThanOrEqual(8 * 1024 * 1024);
      // Re-encoding each block at blockLevel(codec, size) gives its stored bytes: big ones wide, small ones at 2.
      const levels = new Set<number>();
      blocks.forEach((b, i) => {
        if (b.codec !== Codec.zstd) return;
        const level = blockLevel(b.codec, b.rawLength);
        levels.add(level);
        const stored = encodeBlock(reader.readBlock(i), b.codec, b.width, level);
        expect(stored.length).toBe(b.storedLength);
      });
      expect([...levels].sort()).toEqual([2, 4]);
    } finally {
      reader.close();
    }
  });

  it('exports from a store byte for byte', async () => {
    const layout = openStore(join(work, 'store'), true);
    await addSnapshot(layout, join(work, 'a.vitsnap'), { name: 'a' });
    const out = join(work, 'exported.vitsnap');
    const result = await exportSnapshot(layout, resolveRef(layout, 'a'), out);
    expect(result.identical).toBe(true);
    expect(readFileSync(out).equals(readFileSync(join(work, 'a.vitsnap')))).toBe(true);
  });

  it('flattens a delta to the file a full capture gives', async () => {
    buildTree(join(work, 'b'), 2);
    const delta = join(work, 'b-delta.vitsnap');
    const env = { SOURCE_DATE_EPOCH: '1700000000' };
    await runVitsnapOk(['create', '-C', join(work, 'b'), '-o', delta, '--no-metadata', '-q', '--parent', join(work, 'a.vitsnap')], { env });
    const flat = join(work, 'b-flat.vitsnap');
    await runVitsnapOk(['flatten', delta, '-o', flat, '-q'], { env });
    const full = join(work, 'b-full.vitsnap');
    await runVitsnapOk(['create', '-C', join(work, 'b'), '-o', full, '--no-metadata', '-q'], { env });
    expect(readFileSync(flat).equals(readFileSync(full))).toBe(true);
  }, 120_000);
});
