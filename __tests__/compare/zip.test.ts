import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { mkdir, open, readFile, utimes, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { zipComparator } from '../../src/compare/comparators/zip.js';
import { gzipComparator, xzComparator, zstdComparator } from '../../src/compare/comparators/streams.js';
import { tarComparator } from '../../src/compare/comparators/tar.js';
import { compareFile } from '../../src/compare/registry.js';
import {
  ComparatorFallback,
  DEFAULT_LIMITS,
  type Comparator,
  type CompareContext,
  type CompareLimits,
  type Difference,
} from '../../src/compare/types.js';
import { makeJar, makeZip, mulberry32, removeDir, runTool, tempDir } from '../helpers/toolchain.js';

/** Nested members go through the real registry; bytes are a stand-in leaf so only our comparators are under test. */
const bytes: Comparator = {
  id: 'binary',
  recognizes: () => true,
  compare: (path) => [{ path, kind: 'bytes', comparator: 'binary', summary: 'bytes differ', causes: [], children: [] }],
};
const COMPARATORS = [zipComparator, tarComparator, gzipComparator, zstdComparator, xzComparator, bytes];

function context(limits: CompareLimits = DEFAULT_LIMITS, depth = 0): CompareContext {
  return { limits, depth, compareNested: (path, a, b) => compareFile(path, a, b, COMPARATORS, limits, depth + 1) };
}

const T0 = new Date('2024-03-01T10:00:00Z');
let root: string;

async function writeFiles(dir: string, files: Record<string, string>, mtime = T0): Promise<void> {
  for (const [name, text] of Object.entries(files)) {
    const file = join(dir, name);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, text);
    await utimes(file, mtime, mtime);
  }
}

/** zip records atime, which reading a file moves: pin it again before each build that must match. */
async function pinTimes(dir: string, names: readonly string[]): Promise<void> {
  for (const name of names) await utimes(join(dir, name), T0, T0);
}

const fieldsOf = (diffs: Difference[]): Array<[string, string]> =>
  diffs.map((d) => [d.path, d.detail?.type === 'field' ? d.detail.name : d.kind]);

beforeAll(async () => {
  root = await tempDir('vitsnap-zip-');
});

afterAll(async () => {
  await removeDir(root);
});

describe('zip comparator', () => {
  it('recognises zip magic, an empty archive, and zip-family names', () => {
    expect(zipComparator.recognizes('x.bin', Buffer.from('PK\x03\x04rest', 'latin1'))).toBe(true);
    expect(zipComparator.recognizes('x.bin', Buffer.from('PK\x05\x06', 'latin1'))).toBe(true);
    expect(zipComparator.recognizes('app.jar', Buffer.from('#!/bin/sh\n'))).toBe(true);
    expect(zipComparator.recognizes('x.txt', Buffer.from('hello'))).toBe(false);
  });

  it('reports the same files in another order as one order difference and nothing else', async () => {
    const src = join(root, 'order');
    await writeFiles(src, { 'a.txt': 'alpha\n', 'b.txt': 'beta\n', 'c/d.txt': 'delta\n' });
    const a = await makeZip(join(root, 'order-a'), 'x.zip', src, ['a.txt', 'b.txt', 'c/d.txt']);
    await pinTimes(src, ['a.txt', 'b.txt', 'c/d.txt']);
    const b = await makeZip(join(root, 'order-b'), 'x.zip', src, ['c/d.txt', 'a.txt', 'b.txt']);
    const diffs = zipComparator.compare('dist/x.zip', await readFile(a), await readFile(b), context());
    expect(diffs).toEqual([
      expect.objectContaining({
        path: 'dist/x.zip:zip.order',
        kind: 'order',
        comparator: 'zip',
        causes: [],
        detail: { type: 'order', before: ['a.txt', 'b.txt', 'c/d.txt'], after: ['c/d.txt', 'a.txt', 'b.txt'] },
      }),
    ]);
    expect(diffs[0]?.summary).toBe('member order changed: 1 of 3 shared members moved (first at position 1: a.txt → c/d.txt)');
  });

  it('reports the access time zip records, which the first build moved by reading the files', async () => {
    const src = join(root, 'atime');
    await writeFiles(src, { 'a.txt': 'alpha\n' });
    const a = await makeZip(join(root, 'atime-a'), 'x.zip', src, ['a.txt']);
    const b = await makeZip(join(root, 'atime-b'), 'x.zip', src, ['a.txt']);
    const diffs = zipComparator.compare('x.zip', await readFile(a), await readFile(b), context());
    expect(fieldsOf(diffs)).toEqual([['x.zip!/a.txt:zip.extra.0x5455', 'extra.0x5455']]);
    const detail = diffs[0]?.detail;
    expect(detail?.type === 'field' && detail.before).toContain('atime 2024-03-01T10:00:00Z (1709287200)');
    expect(detail?.type === 'field' && detail.after).not.toContain('atime 2024-03-01T10:00:00Z');
  });

  it('finds no difference in an archive compared with itself', async () => {
    const src = join(root, 'same');
    await writeFiles(src, { 'a.txt': 'alpha\n' });
    const buf = await readFile(await makeZip(join(root, 'same-out'), 'x.zip', src, ['a.txt']));
    expect(zipComparator.compare('x.zip', buf, Buffer.from(buf), context())).toEqual([]);
  });

  it('reports the extra fields `zip -X` leaves out, per member and header id', async () => {
    const src = join(root, 'extra');
    await writeFiles(src, { 'a.txt': 'alpha\n', 'b.txt': 'beta\n' });
    const a = await makeZip(join(root, 'extra-a'), 'x.zip', src, ['a.txt', 'b.txt']);
    const b = await makeZip(join(root, 'extra-b'), 'x.zip', src, ['a.txt', 'b.txt'], { extraAttributes: false });
    const diffs = zipComparator.compare('x.zip', await readFile(a), await readFile(b), context());
    expect(fieldsOf(diffs)).toEqual([
      ['x.zip!/a.txt:zip.extra.0x5455', 'extra.0x5455'],
      ['x.zip!/a.txt:zip.extra.0x7875', 'extra.0x7875'],
      ['x.zip!/b.txt:zip.extra.0x5455', 'extra.0x5455'],
      ['x.zip!/b.txt:zip.extra.0x7875', 'extra.0x7875'],
    ]);
    const timestamp = diffs[0]?.detail;
    expect(timestamp).toEqual({
      type: 'field',
      name: 'extra.0x5455',
      before: expect.stringMatching(/^local: mtime 2024-03-01T10:00:00Z \(1709287200\), atime .*; central: mtime 2024-03-01T10:00:00Z \(1709287200\)$/),
      after: '(absent)',
    });
    expect(diffs[1]?.detail).toEqual({ type: 'field', name: 'extra.0x7875', before: expect.stringMatching(/^uid \d+, gid \d+$/), after: '(absent)' });
    expect(diffs[0]?.summary).toMatch(/^a\.txt: extended timestamp extra field \(0x5455\): local: mtime .* → \(absent\)$/);
    // Swapping the sides swaps before and after, and nothing else.
    const swapped = zipComparator.compare('x.zip', await readFile(b), await readFile(a), context());
    expect(swapped.map((d) => [d.path, d.detail?.type === 'field' ? [d.detail.after, d.detail.before] : d.kind])).toEqual(
      diffs.map((d) => [d.path, d.detail?.type === 'field' ? [d.detail.before, d.detail.after] : d.kind]),
    );
  });

  it('reports a DOS time difference on every member of a jar built at two --date values', async () => {
    const a = await makeJar(join(root, 'jar-a'), { date: '2020-01-01T00:00:00Z' });
    const b = await makeJar(join(root, 'jar-b'), { date: '2021-06-01T12:00:00Z' });
    const diffs = zipComparator.compare('dist/app.jar', await readFile(a.jar), await readFile(b.jar), context());
    const members = ['META-INF/', 'META-INF/MANIFEST.MF', 'fixture/', 'fixture/Greeter.class', 'fixture/Main.class'];
    expect(diffs.map((d) => d.path).sort()).toEqual(members.map((m) => `dist/app.jar!/${m}:zip.dos-time`).sort());
    expect(diffs.every((d) => d.kind === 'field' && d.comparator === 'zip')).toBe(true);
    expect(diffs.find((d) => d.path.includes('Main.class'))?.detail).toEqual({
      type: 'field',
      name: 'dos-time',
      before: '2020-01-01T00:00:00',
      after: '2021-06-01T12:00:00',
    });
  });

  it('nests into exactly the member whose content changed, and into a zip inside the zip', async () => {
    const srcA = join(root, 'content-a');
    const srcB = join(root, 'content-b');
    const inner = { 'in/x.txt': 'x\n', 'in/y.txt': 'y\n' };
    await writeFiles(srcA, { 'a.txt': 'alpha\n', 'b.txt': 'beta\n', ...inner });
    await writeFiles(srcB, { 'a.txt': 'alpha\n', 'b.txt': 'BETA!\n', ...inner, 'in/y.txt': 'why\n' });
    await makeZip(srcA, 'inner.zip', srcA, ['in/x.txt', 'in/y.txt']);
    await makeZip(srcB, 'inner.zip', srcB, ['in/x.txt', 'in/y.txt']);
    await utimes(join(srcA, 'inner.zip'), T0, T0);
    await utimes(join(srcB, 'inner.zip'), T0, T0);
    const a = await makeZip(join(root, 'content-out-a'), 'x.zip', srcA, ['a.txt', 'b.txt', 'inner.zip']);
    const b = await makeZip(join(root, 'content-out-b'), 'x.zip', srcB, ['a.txt', 'b.txt', 'inner.zip']);
    const diffs = zipComparator.compare('x.zip', await readFile(a), await readFile(b), context());
    expect(diffs.map((d) => [d.path, d.kind, d.comparator])).toEqual([
      ['x.zip!/b.txt', 'modified', 'binary'],
      ['x.zip!/inner.zip', 'modified', 'zip'],
    ]);
    expect(diffs[1]?.children.map((d) => [d.path, d.kind])).toEqual([['x.zip!/inner.zip!/in/y.txt', 'modified']]);
  });

  it('reads an empty archive (an end record alone)', async () => {
    const out = join(root, 'empty');
    await mkdir(out, { recursive: true });
    const script = 'import zipfile,sys\nz=zipfile.ZipFile(sys.argv[1],"w")\nfor n in sys.argv[2:]: z.writestr(n,"x")\nz.close()';
    await runTool('python3', ['-c', script, join(out, 'empty.zip')]);
    await runTool('python3', ['-c', script, join(out, 'one.zip'), 'one.txt']);
    const empty = await readFile(join(out, 'empty.zip'));
    expect(empty.length).toBe(22);
    expect(zipComparator.recognizes('x.bin', empty)).toBe(true);
    const diffs = zipComparator.compare('x.zip', empty, await readFile(join(out, 'one.zip')), context());
    expect(diffs.map((d) => [d.path, d.kind])).toEqual([['x.zip!/one.txt', 'added']]);
  });

  it('reports members added and removed with their sizes', async () => {
    const src = join(root, 'sets');
    await writeFiles(src, { 'a.txt': 'alpha\n', 'b.txt': 'beta\n', 'c.txt': 'gamma\n' });
    const a = await makeZip(join(root, 'sets-a'), 'x.zip', src, ['a.txt', 'b.txt']);
    await pinTimes(src, ['a.txt']);
    const b = await makeZip(join(root, 'sets-b'), 'x.zip', src, ['a.txt', 'c.txt']);
    const diffs = zipComparator.compare('x.zip', await readFile(a), await readFile(b), context());
    expect(diffs.map((d) => [d.path, d.kind, d.summary])).toEqual([
      ['x.zip!/b.txt', 'removed', 'member removed: b.txt (5 bytes)'],
      ['x.zip!/c.txt', 'added', 'member added: c.txt (6 bytes)'],
    ]);
  });

  it('reports permissions, the archive comment and the compression method', async () => {
    const src = join(root, 'attrs');
    await writeFiles(src, { 'run.sh': 'echo hi hi hi hi hi hi hi hi hi hi\n' });
    const a = await makeZip(join(root, 'attrs-a'), 'x.zip', src, ['run.sh']);
    await runTool('python3', ['-c', 'import os,sys; os.chmod(sys.argv[1], 0o755)', join(src, 'run.sh')]);
    const outB = join(root, 'attrs-b');
    await mkdir(outB, { recursive: true });
    await runTool('zip', ['-q', '-0', join(outB, 'x.zip'), 'run.sh'], { cwd: src });
    await runTool('python3', ['-c', 'import zipfile,sys\nz=zipfile.ZipFile(sys.argv[1],"a")\nz.comment=b"release build"\nz.close()', join(outB, 'x.zip')]);
    const diffs = zipComparator.compare('x.zip', await readFile(a), await readFile(join(outB, 'x.zip')), context());
    const byName = new Map(diffs.map((d) => [d.detail?.type === 'field' ? d.detail.name : d.kind, d.detail]));
    expect(byName.get('comment')).toEqual({ type: 'field', name: 'comment', before: '""', after: '"release build"' });
    expect(byName.get('permissions')).toEqual({ type: 'field', name: 'permissions', before: '100644 (-rw-r--r--)', after: '100755 (-rwxr-xr-x)' });
    expect(byName.get('compression')).toEqual({ type: 'field', name: 'compression', before: 'deflate (normal)', after: 'stored' });
    expect(byName.get('compressed-data')).toMatchObject({ type: 'field', name: 'compressed-data' });
    expect(diffs.find((d) => d.detail?.type === 'field' && d.detail.name === 'comment')?.path).toBe('x.zip:zip.comment');
  });

  it('reads zip64 archives and archives with a launcher prefix, with or without adjusted offsets', async () => {
    const src = join(root, 'z64');
    await writeFiles(src, { 'a.txt': 'alpha\n' });
    const out = join(root, 'z64-out');
    await mkdir(out, { recursive: true });
    await runTool('zip', ['-q', '-X', join(out, 'plain.zip'), 'a.txt'], { cwd: src });
    await runTool('zip', ['-q', '-X', '-fz', join(out, 'z64.zip'), 'a.txt'], { cwd: src });
    const plain = await readFile(join(out, 'plain.zip'));
    const z64 = await readFile(join(out, 'z64.zip'));
    const diffs = zipComparator.compare('x.zip', plain, z64, context());
    expect(fieldsOf(diffs)).toEqual([
      ['x.zip:zip.zip64', 'zip64'],
      ['x.zip!/a.txt:zip.extra.0x0001', 'extra.0x0001'],
      ['x.zip!/a.txt:zip.version-needed', 'version-needed'],
    ]);
    // A shell launcher in front: offsets still relative to the zip (shifted), then fixed up by `zip -A`.
    const launcher = Buffer.from('#!/bin/sh\nexec java -jar "$0" "$@"\n');
    await writeFile(join(out, 'run.zip'), Buffer.concat([launcher, plain]));
    const shifted = await readFile(join(out, 'run.zip'));
    await runTool('zip', ['-q', '-A', join(out, 'run.zip')]);
    const adjusted = await readFile(join(out, 'run.zip'));
    for (const prefixed of [shifted, adjusted]) {
      const found = zipComparator.compare('app.jar', plain, prefixed, context());
      expect(fieldsOf(found)).toEqual([['app.jar:zip.prefix', 'prefix']]);
      expect(found[0]?.detail).toMatchObject({ before: '(none)', after: expect.stringMatching(/^35 B, sha256 [0-9a-f]{16}…$/) });
    }
  });

  it('reports zip-slip member names as names, and never writes them', async () => {
    const out = join(root, 'slip');
    await mkdir(out, { recursive: true });
    // Fixed member dates: writestr would stamp the current time, and two runs can straddle a 2-second DOS tick.
    const script = 'import zipfile,sys\nz=zipfile.ZipFile(sys.argv[1],"w")\nd=(2020,1,1,0,0,0)\nz.writestr(zipfile.ZipInfo("ok.txt",d),"ok")\nfor n in sys.argv[2:]: z.writestr(zipfile.ZipInfo(n,d),"evil")\nz.close()';
    await runTool('python3', ['-c', script, join(out, 'a.zip')]);
    await runTool('python3', ['-c', script, join(out, 'b.zip'), '../../evil.txt', '/etc/evil.conf']);
    const diffs = zipComparator.compare('x.zip', await readFile(join(out, 'a.zip')), await readFile(join(out, 'b.zip')), context());
    expect(diffs.map((d) => [d.path, d.kind, d.summary])).toEqual([
      ['x.zip!/../../evil.txt', 'added', 'member added: ../../evil.txt (4 bytes) (path escapes the archive root)'],
      ['x.zip!//etc/evil.conf', 'added', 'member added: /etc/evil.conf (4 bytes) (absolute path)'],
    ]);
    expect(existsSync(join(out, '..', '..', 'evil.txt'))).toBe(false);
  });

  it('stops at the depth cap with a note instead of expanding', async () => {
    const srcA = join(root, 'depth-a');
    const srcB = join(root, 'depth-b');
    await writeFiles(srcA, { 'a.txt': 'one\n' });
    await writeFiles(srcB, { 'a.txt': 'two\n' });
    const a = await readFile(await makeZip(join(root, 'depth-out-a'), 'x.zip', srcA, ['a.txt']));
    const b = await readFile(await makeZip(join(root, 'depth-out-b'), 'x.zip', srcB, ['a.txt']));
    const limits = { ...DEFAULT_LIMITS, maxDepth: 2 };
    const diffs = zipComparator.compare('x.zip', a, b, context(limits, 2));
    expect(diffs).toEqual([
      expect.objectContaining({ path: 'x.zip!/a.txt', kind: 'modified', fallback: 'nesting deeper than 2 levels', children: [] }),
    ]);
    expect(diffs[0]?.summary).toMatch(/^a\.txt: content differs \(crc32 0x[0-9a-f]{8}, 4 bytes → crc32 0x[0-9a-f]{8}, 4 bytes\); not expanded: nesting deeper than 2 levels$/);
  });

  describe('hostile input', () => {
    let bombA: Buffer;
    let bombB: Buffer;
    const BOMB_BYTES = 200 * 1024 * 1024;

    beforeAll(async () => {
      const src = join(root, 'bomb');
      await mkdir(src, { recursive: true });
      const file = join(src, 'zeros.bin');
      const handle = await open(file, 'w');
      const chunk = Buffer.alloc(1024 * 1024);
      for (let i = 0; i < BOMB_BYTES / chunk.length; i++) await handle.write(chunk);
      await handle.close();
      await utimes(file, T0, T0);
      bombA = await readFile(await makeZip(join(root, 'bomb-a'), 'bomb.zip', src, ['zeros.bin']));
      const edit = await open(file, 'r+');
      await edit.write(Buffer.from('x'), 0, 1, BOMB_BYTES - 1);
      await edit.close();
      await utimes(file, T0, T0);
      bombB = await readFile(await makeZip(join(root, 'bomb-b'), 'bomb.zip', src, ['zeros.bin']));
    }, 120_000);

    function measure(run: () => Difference[]): { diffs: Difference[]; growth: number; rssGrowth: number } {
      const before = process.memoryUsage().arrayBuffers;
      const rss = process.resourceUsage().maxRSS;
      const diffs = run();
      return { diffs, growth: process.memoryUsage().arrayBuffers - before, rssGrowth: (process.resourceUsage().maxRSS - rss) * 1024 };
    }

    it('does not expand a member that declares more than the cap', () => {
      expect(bombA.length).toBeLessThan(BOMB_BYTES / 500);
      const limits = { ...DEFAULT_LIMITS, maxExpandedBytes: 8 * 1024 * 1024 };
      const { diffs, growth, rssGrowth } = measure(() => zipComparator.compare('bomb.zip', bombA, bombB, context(limits)));
      expect(diffs).toEqual([expect.objectContaining({ path: 'bomb.zip!/zeros.bin', kind: 'modified', children: [] })]);
      expect(diffs[0]?.fallback).toBe('before: member "zeros.bin" declares 200 MiB uncompressed, more than the 8 MiB expansion cap');
      expect(growth).toBeLessThan(16 * 1024 * 1024);
      expect(rssGrowth).toBeLessThan(64 * 1024 * 1024);
    });

    it('stops inflating at the declared size when the header lies about it', () => {
      // Declare 1000 bytes in the local and central headers: inflating must stop there.
      const lie = (zip: Buffer): Buffer => {
        const copy = Buffer.from(zip);
        copy.writeUInt32LE(1000, 22);
        const central = copy.lastIndexOf(Buffer.from('PK\x01\x02', 'latin1'));
        copy.writeUInt32LE(1000, central + 24);
        return copy;
      };
      const { diffs, growth, rssGrowth } = measure(() => zipComparator.compare('bomb.zip', lie(bombA), lie(bombB), context()));
      expect(diffs).toEqual([expect.objectContaining({ path: 'bomb.zip!/zeros.bin', kind: 'modified' })]);
      expect(diffs[0]?.fallback).toBe('before: member "zeros.bin" expands past its declared 1000 B: corrupt, or a bomb');
      expect(growth).toBeLessThan(16 * 1024 * 1024);
      expect(rssGrowth).toBeLessThan(64 * 1024 * 1024);
    });

    it.each([
      ['empty', 0, /too short for a zip end-of-central-directory record/],
      ['cut to 10 bytes', 10, /too short/],
      ['cut in the middle', 0.5, /no zip end-of-central-directory record|needs \d+ bytes/],
      ['last byte missing', -1, /no zip end-of-central-directory record/],
    ])('falls back with a reason for a truncated zip (%s)', async (_label, cut, reason) => {
      const src = join(root, 'trunc');
      await writeFiles(src, { 'a.txt': 'alpha\n'.repeat(50), 'b.txt': 'beta\n' });
      const whole = await readFile(await makeZip(join(root, 'trunc-out'), 'x.zip', src, ['a.txt', 'b.txt']));
      const end = cut < 0 ? whole.length + cut : cut < 1 ? Math.floor(whole.length * cut) : cut;
      const truncated = whole.subarray(0, end);
      expect(() => zipComparator.compare('x.zip', whole, truncated, context())).toThrow(ComparatorFallback);
      expect(() => zipComparator.compare('x.zip', whole, truncated, context())).toThrow(reason);
      const node = compareFile('x.zip', whole, truncated, COMPARATORS, DEFAULT_LIMITS);
      expect(node.comparator).toBe('binary');
      expect(node.fallback).toMatch(/^zip: cannot read the zip \(after\): /);
    });

    it('reports a central directory that runs past its end record precisely', async () => {
      const src = join(root, 'cd');
      await writeFiles(src, { 'a.txt': 'alpha\n' });
      const whole = await readFile(await makeZip(join(root, 'cd-out'), 'x.zip', src, ['a.txt']));
      const bad = Buffer.from(whole);
      const eocd = bad.lastIndexOf(Buffer.from('PK\x05\x06', 'latin1'));
      bad.writeUInt32LE(0xfffff, eocd + 12);
      expect(() => zipComparator.compare('x.zip', whole, bad, context())).toThrow(
        'cannot read the zip (after): central directory size 1048575 is larger than the data before its end record',
      );
    });

    it('caps the member count, and stays fast on many members', async () => {
      const out = join(root, 'many');
      await mkdir(out, { recursive: true });
      const script =
        'import zipfile,sys\nn=int(sys.argv[2]); y=int(sys.argv[3])\nz=zipfile.ZipFile(sys.argv[1],"w")\n' +
        'for i in range(n): z.writestr(zipfile.ZipInfo(f"f/{i:06d}", (y,1,1,0,0,0)), b"")\nz.close()';
      await runTool('python3', ['-c', script, join(out, 'over.zip'), '100001', '2020']);
      await runTool('python3', ['-c', script, join(out, 'a.zip'), '50000', '2020']);
      await runTool('python3', ['-c', script, join(out, 'b.zip'), '50000', '2021']);
      const over = await readFile(join(out, 'over.zip'));
      const a = await readFile(join(out, 'a.zip'));
      expect(() => zipComparator.compare('x.zip', a, over, context())).toThrow('cannot read the zip (after): zip declares 100001 entries, over the cap of 100000');
      const diffs = zipComparator.compare('x.zip', a, await readFile(join(out, 'b.zip')), context());
      expect(diffs).toHaveLength(50_000);
      expect(diffs[49_999]?.path).toBe('x.zip!/f/049999:zip.dos-time');
    });

    it('never throws anything but a fallback on mutated archives', async () => {
      const src = join(root, 'fuzz');
      await writeFiles(src, { 'a.txt': 'alpha\n'.repeat(20), 'b/c.txt': 'gamma\n' });
      const whole = await readFile(await makeZip(join(root, 'fuzz-out'), 'x.zip', src, ['a.txt', 'b/c.txt']));
      const next = mulberry32(7);
      for (let i = 0; i < 500; i++) {
        const mutated = Buffer.from(whole);
        for (let flips = 1 + (next() % 4); flips > 0; flips--) mutated[next() % mutated.length] = next() & 0xff;
        try {
          zipComparator.compare('x.zip', whole, mutated, context());
        } catch (error) {
          expect((error as Error).name).toBe('ComparatorFallback');
        }
      }
    });
  });
});
