import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { captureSnapshot, type CaptureResult } from '../../src/snapshot/capture.js';
import { SnapshotReader } from '../../src/snapshot/reader.js';
import { restoreSnapshot } from '../../src/snapshot/restore.js';
import type { FileEntry } from '../../src/snapshot/types.js';
import {
  buildCProgram,
  buildStaticLibrary,
  makeTextFile,
  makeTarGz,
  makeZip,
  removeDir,
  tempDir,
  writeBf16Tensor,
  writeSafetensors,
} from '../helpers/toolchain.js';
import { describeTree } from '../helpers/trees.js';

let work: string;
let src: string;
let result: CaptureResult;

beforeAll(async () => {
  work = await tempDir('vitsnap-fixtures-');
  src = join(work, 'build');
  mkdirSync(join(src, 'bin'), { recursive: true });
  mkdirSync(join(src, 'lib'), { recursive: true });
  mkdirSync(join(src, 'dist'), { recursive: true });
  mkdirSync(join(src, 'model'), { recursive: true });
  await buildCProgram(join(src, 'bin'), { name: 'hello', cflags: ['-O2', '-g'] });
  await buildStaticLibrary(join(src, 'lib'), { name: 'util' });
  const pkg = join(work, 'pkg');
  mkdirSync(pkg);
  await makeTextFile(join(pkg, 'main.js'), 200_000, 3);
  writeFileSync(join(pkg, 'package.json'), JSON.stringify({ name: 'pkg', version: '1.0.0' }));
  await makeTarGz(join(src, 'dist'), 'pkg.tar.gz', pkg);
  await makeZip(join(src, 'dist'), 'pkg.zip', pkg, ['package.json', 'main.js']);
  await writeBf16Tensor(join(src, 'model', 'weights.bin'), 3 * 1024 * 1024, 17);
  await writeSafetensors(join(src, 'model', 'small.safetensors'), [
    { name: 'embed', dtype: 'BF16', shape: [512, 256], seed: 1 },
    { name: 'proj', dtype: 'BF16', shape: [256, 256], seed: 2 },
  ]);
  result = await captureSnapshot({ root: src, patterns: [], output: join(work, 'build.vitsnap'), metadata: null, workers: 2 });
}, 120_000);
afterAll(async () => removeDir(work));

function entry(path: string): FileEntry {
  const e = result.manifest.entries.find((x) => x.path === path);
  if (e?.type !== 'file') throw new Error(`no file ${path} in the snapshot`);
  return e;
}

describe('real build outputs', () => {
  it('records the SHA-256 that sha256sum would print, and classifies each file', async () => {
    const expectations: [string, string][] = [
      ['bin/hello', 'binary'],
      ['lib/libutil.a', 'binary'],
      ['dist/pkg.tar.gz', 'compressed'],
      ['dist/pkg.zip', 'compressed'],
      ['model/weights.bin', 'tensor'],
      ['model/small.safetensors', 'tensor'],
    ];
    for (const [path, cls] of expectations) {
      const e = entry(path);
      expect(e.sha256).toBe(createHash('sha256').update(readFileSync(join(src, path))).digest('hex'));
      expect(e.class).toBe(cls);
    }
    // 6 MiB of bf16: above the chunking threshold, so it is split into content-defined chunks.
    expect(entry('model/weights.bin').chunks?.length ?? 0).toBeGreaterThan(1);
  });

  it('restores every file byte for byte, with modes', async () => {
    const reader = SnapshotReader.open(result.output);
    try {
      reader.verify();
      await restoreSnapshot(reader, join(work, 'restored'));
    } finally {
      reader.close();
    }
    expect(describeTree(join(work, 'restored'))).toEqual(describeTree(src));
  });

  it('stores bf16 tensors with byte grouping, well below plain zstd', async () => {
    const reader = SnapshotReader.open(result.output);
    try {
      const { blocks } = reader.loadIndex();
      const grouped = blocks.filter((b) => b.codec === 2);
      expect(grouped.length).toBeGreaterThan(0);
      expect(grouped.every((b) => b.width === 2)).toBe(true);
      const raw = grouped.reduce((s, b) => s + b.rawLength, 0);
      const stored = grouped.reduce((s, b) => s + b.storedLength, 0);
      expect(raw / stored).toBeGreaterThan(1.4);
      // Already-compressed archives are stored as they are.
      const none = blocks.filter((b) => b.codec === 0);
      expect(none.length).toBeGreaterThan(0);
    } finally {
      reader.close();
    }
  });
});
