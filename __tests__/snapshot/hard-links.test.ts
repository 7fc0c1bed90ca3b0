/**
 * Hard links: names of one inode are read and hashed once (the walk keys them by `dev:ino`), and
 * the snapshot is the same as for a tree where they are copies. The content is a gcc-built binary
 * and `ln` makes the links, as Mesa's drivers or a pnpm store have them.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { captureSnapshot, type CaptureProgress } from '../../src/snapshot/capture.js';
import { SnapshotReader } from '../../src/snapshot/reader.js';
import { restoreSnapshot } from '../../src/snapshot/restore.js';
import { compileGlobs } from '../../src/snapshot/globs.js';
import { walkTree } from '../../src/snapshot/walk.js';
import { buildCProgram, removeDir, tempDir } from '../helpers/toolchain.js';

const PINNED = new Date(Date.UTC(2026, 0, 1));
let work: string;
let binarySize: number;

/** A tree with the binary under three names and a text file; `link` makes the names hard links, else copies. */
function makeTree(dir: string, link: boolean): void {
  execFileSync('mkdir', ['-p', join(dir, 'dri'), join(dir, 'bin')]);
  execFileSync('cp', [join(work, 'src', 'prog'), join(dir, 'dri', 'a_dri.so')]);
  utimesSync(join(dir, 'dri', 'a_dri.so'), PINNED, PINNED);
  for (const other of ['dri/b_dri.so', 'bin/prog']) {
    execFileSync(link ? 'ln' : 'cp', [...(link ? [] : ['-p']), join(dir, 'dri', 'a_dri.so'), join(dir, other)]);
  }
  writeFileSync(join(dir, 'README'), 'three names, one driver\n');
  utimesSync(join(dir, 'README'), PINNED, PINNED);
}

beforeAll(async () => {
  work = await tempDir('vitsnap-hardlinks-');
  // A few hundred KiB of code, so reading it twice would show in the bytes hashed.
  const calls = Array.from({ length: 3000 }, (_, i) => `  x = x * ${i + 3} + ${i};`).join('\n');
  await buildCProgram(join(work, 'src'), { source: `int main(int c, char **v) { long x = c;\n${calls}\n  return (int)(x & 1); }\n`, cflags: ['-O0'] });
  binarySize = statSync(join(work, 'src', 'prog')).size;
  makeTree(join(work, 'linked'), true);
  makeTree(join(work, 'copied'), false);
}, 120_000);

afterAll(async () => {
  await removeDir(work);
});

describe('hard links', () => {
  it('the walk gives the names of one inode one key, and a file with one name none', () => {
    const walked = walkTree(join(work, 'linked'), compileGlobs([]));
    const keys = new Map(walked.entries.flatMap((e) => (e.type === 'file' ? [[e.path, e.inode]] : [])));
    expect(keys.get('dri/a_dri.so')).toMatch(/^\d+:\d+$/);
    expect(keys.get('dri/b_dri.so')).toBe(keys.get('dri/a_dri.so'));
    expect(keys.get('bin/prog')).toBe(keys.get('dri/a_dri.so'));
    expect(keys.get('README')).toBeUndefined();
    const copies = walkTree(join(work, 'copied'), compileGlobs([]), { identity: true });
    expect(copies.entries.every((e) => e.type !== 'file' || e.inode === undefined)).toBe(true);
  });

  it('capture reads one of the names, and writes the snapshot a tree of copies gets', async () => {
    const seen: CaptureProgress[] = [];
    for (const [tree, progress] of [['linked', (p: CaptureProgress) => seen.push(p)], ['copied', undefined]] as const) {
      await captureSnapshot({ root: join(work, tree), patterns: [], output: join(work, `${tree}.vitsnap`), metadata: null, workers: 0, onProgress: progress });
    }
    // The bytes to read: the binary once and the README, not the binary three times.
    const readme = statSync(join(work, 'linked', 'README')).size;
    expect(seen.at(-1)).toEqual({ doneBytes: binarySize + readme, totalBytes: binarySize + readme });
    expect(readFileSync(join(work, 'linked.vitsnap')).equals(readFileSync(join(work, 'copied.vitsnap')))).toBe(true);
  });

  it('restores every name with the binary bytes', async () => {
    const out = join(work, 'restored');
    const reader = SnapshotReader.open(join(work, 'linked.vitsnap'));
    try {
      await restoreSnapshot(reader, out);
    } finally {
      reader.close();
    }
    const original = readFileSync(join(work, 'src', 'prog'));
    for (const name of ['dri/a_dri.so', 'dri/b_dri.so', 'bin/prog']) expect(readFileSync(join(out, name)).equals(original)).toBe(true);
  });
});
