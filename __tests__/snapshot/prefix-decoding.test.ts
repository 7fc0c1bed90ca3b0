/**
 * Prefix decoding (SnapshotReader.prefixDecoding, what a diff turns on): a zstd block is decoded
 * only as far as the file read needs, and further when a later file needs more. Every file reads
 * back exactly, in any order, for less decoding than whole blocks; a damaged block still fails.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { captureSnapshot } from '../../src/snapshot/capture.js';
import { SnapshotReader } from '../../src/snapshot/reader.js';
import type { FileEntry } from '../../src/snapshot/types.js';
import { removeDir, tempDir } from '../helpers/toolchain.js';

let work: string;
const FILES = 40;

/** Text that compresses unevenly: some files repetitive, some not, so stored and raw offsets do not run in step. */
function fileText(i: number): string {
  let x = (i + 1) * 2654435761;
  const words: string[] = [];
  for (let w = 0; w < 900 + ((i * 37) % 700); w++) {
    x = (x * 1103515245 + 12345) >>> 0;
    words.push(i % 3 === 0 ? 'same words again' : (x >>> 8).toString(36));
  }
  return `file ${i}\n${words.join(' ')}\n`;
}

function open(): SnapshotReader {
  const reader = SnapshotReader.open(join(work, 'tree.vitsnap'));
  reader.prefixDecoding = true;
  return reader;
}

function files(reader: SnapshotReader): FileEntry[] {
  return reader.manifest.entries.filter((e): e is FileEntry => e.type === 'file');
}

beforeAll(async () => {
  work = await tempDir('vitsnap-prefix-');
  mkdirSync(join(work, 'tree'));
  for (let i = 0; i < FILES; i++) writeFileSync(join(work, 'tree', `f${String(i).padStart(2, '0')}.txt`), fileText(i));
  await captureSnapshot({ root: join(work, 'tree'), patterns: [], output: join(work, 'tree.vitsnap'), metadata: null });
});

afterAll(async () => {
  await removeDir(work);
});

describe('prefix decoding', () => {
  it('reads every file exactly, in any order', () => {
    const reader = open();
    try {
      const entries = files(reader);
      expect(entries.length).toBe(FILES);
      // Back to front, then every third: prefixes are extended and reused, never trusted short.
      const order = [...entries].reverse().concat(entries.filter((_, k) => k % 3 === 0));
      for (const entry of order) {
        expect(reader.readFileBuffer(entry).equals(readFileSync(join(work, 'tree', entry.path)))).toBe(true);
      }
    } finally {
      reader.close();
    }
  });

  it('decodes only as far as the first file of a block when that is all that is read', () => {
    const reader = open();
    const whole = SnapshotReader.open(join(work, 'tree.vitsnap'));
    try {
      const entry = files(reader)[0] as FileEntry;
      expect(reader.loadIndex().blocks.length).toBeGreaterThan(0);
      reader.readFileBuffer(entry);
      whole.readFileBuffer(files(whole)[0] as FileEntry);
      expect(whole.decodedBytes).toBe((whole.loadIndex().blocks[0] as { rawLength: number }).rawLength);
      expect(reader.decodedBytes).toBeGreaterThanOrEqual(entry.size);
      expect(reader.decodedBytes).toBeLessThan(whole.decodedBytes / 2);
      // The whole block is still there when asked for.
      expect(reader.readBlock(0).length).toBe(whole.readBlock(0).length);
    } finally {
      reader.close();
      whole.close();
    }
  });

  it('fails with E_CHECKSUM on a damaged block, however little of it is decoded', () => {
    const damaged = join(work, 'damaged.vitsnap');
    const bytes = readFileSync(join(work, 'tree.vitsnap'));
    const reader = SnapshotReader.open(join(work, 'tree.vitsnap'));
    const block = reader.loadIndex().blocks[0] as { offset: number; storedLength: number };
    reader.close();
    // Damage the block's last byte: a prefix decode never looks at it, the digest check does.
    const at = block.offset + block.storedLength - 1;
    bytes[at] = (bytes[at] as number) ^ 0x55;
    writeFileSync(damaged, bytes);
    const side = SnapshotReader.open(damaged);
    side.prefixDecoding = true;
    try {
      expect(() => side.readFileBuffer(files(side)[0] as FileEntry)).toThrow(expect.objectContaining({ code: 'E_CHECKSUM' }) as unknown as Error);
    } finally {
      side.close();
    }
  });
});
