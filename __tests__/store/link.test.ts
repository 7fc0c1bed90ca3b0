import { afterAll, describe, expect, it } from '@jest/globals';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { captureSnapshot } from '../../src/snapshot/capture.js';
import { SnapshotReader } from '../../src/snapshot/reader.js';
import { restoreSnapshot } from '../../src/snapshot/restore.js';
import { collectGarbage } from '../../src/store/gc.js';
import { openStore } from '../../src/store/layout.js';
import { listPlainCopies } from '../../src/store/plain.js';
import { verifyStore } from '../../src/store/verify.js';
import { runVitsnap, runVitsnapOk } from '../helpers/cli.js';
import { seededBytes } from '../helpers/trees.js';

const work = mkdtempSync(join(tmpdir(), 'vitsnap-link-'));
const shm = '/dev/shm';
afterAll(() => rmSync(work, { recursive: true, force: true }));

const EPOCH = new Date('2024-01-02T03:04:05Z');

function tree(dir: string): void {
  mkdirSync(join(dir, 'bin'), { recursive: true });
  writeFileSync(join(dir, 'bin', 'tool'), seededBytes(50_000, 1, false), { mode: 0o755 });
  writeFileSync(join(dir, 'notes.txt'), seededBytes(3_000, 2, true), { mode: 0o644 });
  writeFileSync(join(dir, 'data.bin'), seededBytes(300_000, 3, false), { mode: 0o640 });
  chmodSync(join(dir, 'bin', 'tool'), 0o755);
  chmodSync(join(dir, 'notes.txt'), 0o644);
  chmodSync(join(dir, 'data.bin'), 0o640);
  for (const f of ['bin/tool', 'notes.txt', 'data.bin']) utimesSync(join(dir, f), EPOCH, EPOCH);
}

describe('restore --link', () => {
  const src = join(work, 'src');
  const root = join(work, 'store');
  const env = { ...process.env, VITSNAP_STORE: root };

  it('hardlinks every file to one read-only copy in the store, and copies across filesystems', async () => {
    tree(src);
    await runVitsnapOk(['create', '-C', src, '--name', 'app', '--no-metadata'], { env });
    const first = await runVitsnapOk(['restore', 'store:app', '-C', join(work, 't1'), '--link'], { env });
    expect(first.stdout).toContain('3 files hardlinked read-only from the store');
    await runVitsnapOk(['restore', 'store:app', '-C', join(work, 't2'), '--link'], { env });
    const plain = listPlainCopies(openStore(root, false));
    expect(plain).toHaveLength(3);
    for (const [file, mode] of [['bin/tool', 0o555], ['notes.txt', 0o444], ['data.bin', 0o440]] as const) {
      const a = statSync(join(work, 't1', file));
      const b = statSync(join(work, 't2', file));
      expect(a.ino).toBe(b.ino);
      expect(a.nlink).toBe(3); // two trees and the store's copy
      expect(a.mode & 0o7777).toBe(mode);
      expect(readFileSync(join(work, 't1', file)).equals(readFileSync(join(src, file)))).toBe(true);
      expect(plain.some((p) => statSync(p.path).ino === a.ino)).toBe(true);
    }

    // The store and a directory in /dev/shm (tmpfs) are on different filesystems: files are copied.
    expect(statSync(shm).dev).not.toBe(statSync(work).dev);
    const across = mkdtempSync(join(shm, 'vitsnap-link-'));
    try {
      const copied = await runVitsnapOk(['restore', 'store:app', '-C', join(across, 'out'), '--link'], { env });
      expect(copied.stderr).toContain('--link: the store is on another filesystem, so 3 files were copied instead of linked');
      const st = statSync(join(across, 'out', 'bin', 'tool'));
      expect(st.nlink).toBe(1);
      expect(st.mode & 0o7777).toBe(0o755); // a copy keeps the recorded mode
    } finally {
      rmSync(across, { recursive: true, force: true });
    }

    const refused = await runVitsnap(['restore', join(work, 'x.vitsnap'), '-C', join(work, 't3'), '--link'], { env });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--link restores from a store');
  });

  it('never links a copy that was edited through a hardlink', async () => {
    // As root (or after a chmod) a linked file can be written, which writes the store's copy.
    const linked = join(work, 't1', 'notes.txt');
    chmodSync(linked, 0o644);
    writeFileSync(linked, 'edited through the link\n'.padEnd(3000, '.'));
    const report = await verifyStore(openStore(root, false));
    expect(report.modifiedPlain).toHaveLength(1);
    const again = await runVitsnapOk(['restore', 'store:app', '-C', join(work, 't4'), '--link'], { env });
    expect(again.stdout).toContain('3 files hardlinked');
    expect(readFileSync(join(work, 't4', 'notes.txt')).equals(readFileSync(join(src, 'notes.txt')))).toBe(true);
    expect(statSync(join(work, 't4', 'notes.txt')).ino).not.toBe(statSync(linked).ino);
    expect((await verifyStore(openStore(root, false))).modifiedPlain).toEqual([]);
  });

  it('gc drops plain copies no snapshot has, and all of them before a snapshot when over budget', async () => {
    const layout = openStore(root, false);
    const dry = await collectGarbage(layout, { apply: false, maxBytes: 1 });
    expect(dry.plainDeleted).toBe(3);
    await runVitsnapOk(['store', 'rm', 'app'], { env });
    const plan = await collectGarbage(layout, { apply: true });
    expect(plan.plainDeleted).toBe(3);
    expect(listPlainCopies(layout)).toEqual([]);
    // Trees restored with --link keep their files: only the store's name for them is gone.
    expect(readFileSync(join(work, 't2', 'data.bin')).equals(readFileSync(join(src, 'data.bin')))).toBe(true);
  });
});

describe('sparse files', () => {
  it('restores runs of zeros as holes and stores them once', async () => {
    const dir = join(work, 'sparse');
    mkdirSync(dir);
    const image = join(dir, 'disk.img');
    // 100 KB of data, 24 MiB of zeros, 4 KB of data, 1 MiB of zeros at the end.
    writeFileSync(image, Buffer.concat([seededBytes(100_000, 9, false), Buffer.alloc(24 << 20), seededBytes(4_000, 10, false), Buffer.alloc(1 << 20)]));
    utimesSync(image, EPOCH, EPOCH);
    const file = join(work, 'sparse.vitsnap');
    const captured = await captureSnapshot({ root: dir, patterns: [], output: file, workers: 0, metadata: null });
    // 24 MiB of zeros cut into identical chunks: a handful of unique chunks, and a tiny file.
    expect(captured.manifest.stats.chunks).toBeLessThan(8);
    expect(captured.size).toBeLessThan(200_000);
    const out = join(work, 'sparse-out');
    const reader = SnapshotReader.open(file);
    try {
      await restoreSnapshot(reader, out);
    } finally {
      reader.close();
    }
    const restored = statSync(join(out, 'disk.img'));
    expect(readFileSync(join(out, 'disk.img')).equals(readFileSync(image))).toBe(true);
    expect(restored.size).toBe(statSync(image).size);
    // Allocated blocks cover the data, not the 25 MiB of zeros.
    expect(restored.blocks * 512).toBeLessThan(1 << 20);
  });
});
