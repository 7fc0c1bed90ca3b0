import { afterAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { lstatSync, mkdtempSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SnapshotReader } from '../../src/snapshot/reader.js';
import { restoreSnapshot } from '../../src/snapshot/restore.js';

/** Golden files of every released format version: this reader must read each one exactly. */
const GOLDENS = ['1.0'];
const fixtures = join(import.meta.dirname, '..', '..', '__fixtures__');
const work = mkdtempSync(join(tmpdir(), 'vitsnap-golden-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Row = [string, 'file', number, number, string] | [string, 'dir', number] | [string, 'symlink', string];

describe.each(GOLDENS)('golden snapshot v%s', (version) => {
  const file = join(fixtures, `golden-v${version}.vitsnap`);
  const expected = JSON.parse(readFileSync(join(fixtures, `golden-v${version}.json`), 'utf8')) as {
    createdAt: string;
    snapshotSha256: string;
    entries: Row[];
  };

  it('is the committed file, unchanged', async () => {
    expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(expected.snapshotSha256);
  });

  it('exercises every block codec (stored, zstd, byte-grouped zstd)', async () => {
    const reader = SnapshotReader.open(file);
    try {
      const codecs = new Set(reader.loadIndex().blocks.map((b) => b.codec));
      expect([...codecs].sort()).toEqual([0, 1, 2]);
    } finally {
      reader.close();
    }
  });

  it('reads, verifies and restores to exactly the recorded entries', async () => {
    const reader = SnapshotReader.open(file);
    try {
      expect(reader.manifest.createdAt).toBe(expected.createdAt);
      const rows = reader.manifest.entries.map((e): Row =>
        e.type === 'file' ? [e.path, 'file', e.mode, e.size, e.sha256] : e.type === 'dir' ? [e.path, 'dir', e.mode] : [e.path, 'symlink', e.target],
      );
      expect(rows).toEqual(expected.entries);
      reader.verify();
      const out = join(work, version);
      await restoreSnapshot(reader, out);
      for (const row of expected.entries) {
        const abs = join(out, row[0]);
        if (row[1] === 'file') {
          expect(createHash('sha256').update(readFileSync(abs)).digest('hex')).toBe(row[4]);
          expect(lstatSync(abs).mode & 0o7777).toBe(row[2]);
        } else if (row[1] === 'symlink') {
          expect(readlinkSync(abs)).toBe(row[2]);
        } else {
          expect(lstatSync(abs).isDirectory()).toBe(true);
        }
      }
    } finally {
      reader.close();
    }
  });
});
