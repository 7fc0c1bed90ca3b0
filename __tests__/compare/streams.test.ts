import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { copyFile, mkdir, readFile, rename, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { gzipComparator, xzComparator, zstdComparator } from '../../src/compare/comparators/streams.js';
import { tarComparator } from '../../src/compare/comparators/tar.js';
import { zipComparator } from '../../src/compare/comparators/zip.js';
import { compareFile } from '../../src/compare/registry.js';
import {
  ComparatorFallback,
  DEFAULT_LIMITS,
  type Comparator,
  type CompareContext,
  type CompareLimits,
  type Difference,
} from '../../src/compare/types.js';
import { findTool, removeDir, runTool, tempDir } from '../helpers/toolchain.js';

/** Nested payloads go through the real registry; bytes are a stand-in leaf so only our comparators are under test. */
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
const T1 = new Date('2024-03-02T11:30:00Z');
const MiB = 1024 * 1024;
let root: string;
let counter = 0;

/** Writes `text` to a fresh `name` (mtime T0 unless given) in its own directory and returns the path. */
async function source(name: string, text: string | Buffer, mtime = T0): Promise<string> {
  const dir = join(root, `src-${counter++}`);
  await mkdir(dir, { recursive: true });
  const file = join(dir, name);
  await writeFile(file, text);
  await utimes(file, mtime, mtime);
  return file;
}

/** Compresses a copy of `file` with the real tool and returns the compressed bytes. */
async function compress(tool: 'gzip' | 'xz' | 'zstd', file: string, args: string[] = []): Promise<Buffer> {
  const copy = join(root, `c-${counter++}`);
  await mkdir(copy, { recursive: true });
  const target = join(copy, file.slice(file.lastIndexOf('/') + 1));
  await copyFile(file, target);
  const times = await stat(file);
  await utimes(target, times.atime, times.mtime);
  if (tool === 'zstd') {
    await runTool('zstd', ['-q', ...args, '-o', `${target}.zst`, target]);
    return readFile(`${target}.zst`);
  }
  await runTool(tool, [...args, target]);
  return readFile(`${target}.${tool === 'gzip' ? 'gz' : 'xz'}`);
}

/** Streams `zeros` zero bytes through a real compressor into `out`, without holding them in memory. */
async function compressZeros(tool: 'zstd', args: string[], zeros: number, out: string): Promise<void> {
  const child = spawn(await findTool(tool), args, { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise<void>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${tool} exited with ${code}`))));
  });
  const written = pipeline(child.stdout, createWriteStream(out));
  const chunk = Buffer.alloc(MiB);
  for (let sent = 0; sent < zeros; sent += chunk.length) {
    if (!child.stdin.write(chunk)) await new Promise((resolve) => child.stdin.once('drain', resolve));
  }
  child.stdin.end();
  await Promise.all([exited, written]);
}

/**
 * A gzip of `zeros` zero bytes built from one deflate chunk repeated: zlib's own encoder, fully
 * flushed so each copy stands alone. A 1 GB bomb takes 1 MB and no time to build.
 */
function gzipBomb(zeros: number): Buffer {
  const zero = Buffer.alloc(MiB);
  const chunk = deflateRawSync(zero, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  let crc = 0;
  for (let i = 0; i < zeros / MiB; i++) crc = crc32(zero, crc);
  const trailer = Buffer.alloc(8);
  trailer.writeUInt32LE(crc, 0);
  trailer.writeUInt32LE(zeros % 2 ** 32, 4);
  const header = Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);
  return Buffer.concat([header, ...new Array<Buffer>(zeros / MiB).fill(chunk), Buffer.from([3, 0]), trailer]);
}

function measure(run: () => Difference[]): { diffs: Difference[]; growth: number; rssGrowth: number } {
  const before = process.memoryUsage().arrayBuffers;
  const rss = process.resourceUsage().maxRSS;
  const diffs = run();
  return { diffs, growth: process.memoryUsage().arrayBuffers - before, rssGrowth: (process.resourceUsage().maxRSS - rss) * 1024 };
}

const fieldsOf = (diffs: Difference[]): Array<[string, string]> =>
  diffs.map((d) => [d.path, d.detail?.type === 'field' ? d.detail.name : d.kind]);

beforeAll(async () => {
  root = await tempDir('vitsnap-streams-');
});

afterAll(async () => {
  await removeDir(root);
});

describe('gzip comparator', () => {
  it('reports FNAME and MTIME as header fields and nothing else when only `-n` differs', async () => {
    const file = await source('notes.txt', 'the same payload\n'.repeat(20));
    const named = await compress('gzip', file);
    const bare = await compress('gzip', file, ['-n']);
    const diffs = gzipComparator.compare('dist/notes.txt.gz', named, bare, context());
    expect(diffs).toEqual([
      {
        path: 'dist/notes.txt.gz:gzip.mtime',
        kind: 'field',
        comparator: 'gzip',
        summary: 'gzip MTIME: 2024-03-01T10:00:00Z (1709287200) → 0 (not set)',
        detail: { type: 'field', name: 'mtime', before: '2024-03-01T10:00:00Z (1709287200)', after: '0 (not set)' },
        causes: [],
        children: [],
      },
      {
        path: 'dist/notes.txt.gz:gzip.fname',
        kind: 'field',
        comparator: 'gzip',
        summary: 'gzip FNAME (original file name): "notes.txt" → (absent)',
        detail: { type: 'field', name: 'fname', before: '"notes.txt"', after: '(absent)' },
        causes: [],
        children: [],
      },
    ]);
  });

  it('finds no difference in a stream compared with itself', async () => {
    const gz = await compress('gzip', await source('a.txt', 'alpha\n'));
    expect(gzipComparator.compare('a.txt.gz', gz, Buffer.from(gz), context())).toEqual([]);
  });

  it('nests into the payload, named without .gz, when the content changed', async () => {
    const a = await compress('gzip', await source('app.js', 'console.log(1)\n'), ['-n']);
    const b = await compress('gzip', await source('app.js', 'console.log(2)\n'), ['-n']);
    const diffs = gzipComparator.compare('dist/app.js.gz', a, b, context());
    expect(diffs.map((d) => [d.path, d.kind, d.comparator])).toEqual([['dist/app.js.gz!/app.js', 'modified', 'binary']]);
  });

  it('reports XFL and a re-compressed payload, without a payload child, for another level', async () => {
    const file = await source('data.txt', Array.from({ length: 4000 }, (_, i) => `line ${i} ${(i * 7919) % 1000}`).join('\n'));
    const fast = await compress('gzip', file, ['-n', '-1']);
    const best = await compress('gzip', file, ['-n', '-9']);
    const diffs = gzipComparator.compare('data.txt.gz', fast, best, context());
    expect(fieldsOf(diffs)).toEqual([
      ['data.txt.gz:gzip.xfl', 'xfl'],
      ['data.txt.gz:gzip.compressed-data', 'compressed-data'],
    ]);
    expect(diffs[0]?.detail).toEqual({ type: 'field', name: 'xfl', before: '4 (fastest compression)', after: '2 (maximum compression)' });
  });

  it('reads multi-member files member by member', async () => {
    const a1 = await compress('gzip', await source('one.txt', 'one\n'));
    const a2 = await compress('gzip', await source('two.txt', 'two\n'));
    const b2 = await compress('gzip', await source('deux.txt', 'deux\n', T1));
    const diffs = gzipComparator.compare('all.gz', Buffer.concat([a1, a2]), Buffer.concat([a1, b2]), context());
    expect(fieldsOf(diffs)).toEqual([
      ['all.gz:gzip.member2.mtime', 'member2.mtime'],
      ['all.gz:gzip.member2.fname', 'member2.fname'],
      ['all.gz!/all', 'modified'],
    ]);
    const three = gzipComparator.compare('all.gz', Buffer.concat([a1, a2]), Buffer.concat([a1, a2, a1]), context());
    expect(fieldsOf(three)).toEqual([
      ['all.gz:gzip.members', 'members'],
      ['all.gz!/all', 'modified'],
    ]);
  });

  it('stops at maxDepth with a note in a 60-level nested gzip', async () => {
    const build = async (text: string): Promise<Buffer> => {
      const file = await source('x', text);
      for (let level = 0; level < 60; level++) {
        await runTool('gzip', ['-n', file]);
        await rename(`${file}.gz`, file);
      }
      return readFile(file);
    };
    const a = await build('inner one\n');
    const b = await build('inner two\n');
    let node = compareFile('x.gz', a, b, COMPARATORS, DEFAULT_LIMITS);
    let levels = 0;
    while (node.children.length === 1 && node.children[0]?.comparator === 'gzip' && node.children[0].fallback === undefined) {
      node = node.children[0] as Difference;
      levels++;
    }
    expect(levels).toBe(DEFAULT_LIMITS.maxDepth);
    expect(node.children).toEqual([expect.objectContaining({ kind: 'modified', fallback: 'nesting deeper than 8 levels', children: [] })]);
    expect(node.children[0]?.summary).toMatch(/^compressed payload differs \(.+\); not expanded: nesting deeper than 8 levels$/);
  });

  describe('bombs', () => {
    let bomb: Buffer;
    let small: Buffer;
    const BOMB_BYTES = 1000 * MiB;

    beforeAll(async () => {
      bomb = gzipBomb(BOMB_BYTES);
      const file = join(root, 'bomb.gz');
      await writeFile(file, bomb);
      // The real gzip agrees about what this file expands to.
      const { stdout } = await runTool('gzip', ['-l', file]);
      expect(stdout).toContain(String(BOMB_BYTES));
      small = await compress('gzip', await source('bomb', 'not a bomb\n'), ['-n']);
    });

    it('refuses a stream that declares more than the cap without inflating it', () => {
      expect(bomb.length).toBeLessThan(2 * MiB);
      const { diffs, growth, rssGrowth } = measure(() => gzipComparator.compare('bomb.gz', bomb, small, context()));
      expect(diffs).toEqual([expect.objectContaining({ path: 'bomb.gz!/bomb', kind: 'modified', children: [] })]);
      expect(diffs[0]?.fallback).toBe('before: the last gzip member declares 1000 MiB uncompressed (ISIZE), more than the 256 MiB expansion cap');
      expect(growth).toBeLessThan(16 * MiB);
      expect(rssGrowth).toBeLessThan(64 * MiB);
    });

    it('stops inflating at the cap when the trailer lies about the size', () => {
      const lying = Buffer.from(bomb);
      lying.writeUInt32LE(10, lying.length - 4);
      const limits = { ...DEFAULT_LIMITS, maxExpandedBytes: 8 * MiB };
      const { diffs, growth, rssGrowth } = measure(() => gzipComparator.compare('bomb.gz', small, lying, context(limits)));
      expect(diffs).toEqual([expect.objectContaining({ path: 'bomb.gz!/bomb', kind: 'modified', children: [] })]);
      expect(diffs[0]?.fallback).toBe('after: gzip member 1 expands past the 8 MiB expansion cap');
      expect(growth).toBeLessThan(32 * MiB);
      expect(rssGrowth).toBeLessThan(64 * MiB);
    });
  });

  describe('corrupt input', () => {
    it.each([
      ['header cut short', 5, /^cannot read the gzip stream \(after\): gzip header: needs 10 bytes at offset 0, but the data ends at 5$/],
      ['FNAME without its terminator', 14, /^cannot read the gzip stream \(after\): truncated gzip header: FNAME has no terminating zero$/],
      ['payload cut short', -12, /^gzip payload not decoded: after: gzip member 1 at offset 0: deflate data corrupt or truncated \(unexpected end of file\)$/],
    ])('falls back with the reason (%s)', async (_label, cut, reason) => {
      const whole = await compress('gzip', await source('t.txt', 'some text to compress\n'.repeat(50)));
      const truncated = whole.subarray(0, cut < 0 ? whole.length + cut : cut);
      expect(() => gzipComparator.compare('t.txt.gz', whole, truncated, context())).toThrow(ComparatorFallback);
      expect(() => gzipComparator.compare('t.txt.gz', whole, truncated, context())).toThrow(reason);
    });

    it('keeps the header fields and notes the payload when both are there to see', async () => {
      const whole = await compress('gzip', await source('t.txt', 'some text to compress\n'.repeat(50)));
      const bare = await compress('gzip', await source('t.txt', 'some text to compress\n'.repeat(50)), ['-n']);
      const diffs = gzipComparator.compare('t.txt.gz', whole, bare.subarray(0, bare.length - 12), context());
      expect(fieldsOf(diffs)).toEqual([
        ['t.txt.gz:gzip.mtime', 'mtime'],
        ['t.txt.gz:gzip.fname', 'fname'],
        ['t.txt.gz!/t.txt', 'modified'],
      ]);
      expect(diffs[2]?.fallback).toMatch(/^after: gzip member 1 at offset 0: deflate data corrupt or truncated/);
    });
  });
});

describe('zstd comparator', () => {
  const text = Array.from({ length: 3000 }, (_, i) => `row ${i} value ${(i * 104729) % 9973}`).join('\n');

  it('reports header-only changes as fields with no payload child', async () => {
    const file = await source('rows.txt', text);
    const plain = await compress('zstd', file);
    const noCheck = await compress('zstd', file, ['--no-check']);
    expect(fieldsOf(zstdComparator.compare('rows.txt.zst', plain, noCheck, context()))).toEqual([['rows.txt.zst:zstd.checksum', 'checksum']]);
    const noSize = await compress('zstd', file, ['--no-content-size']);
    const diffs = zstdComparator.compare('rows.txt.zst', plain, noSize, context());
    expect(diffs.every((d) => d.kind === 'field')).toBe(true);
    expect(diffs.find((d) => d.path === 'rows.txt.zst:zstd.content-size')?.detail).toEqual({
      type: 'field',
      name: 'content-size',
      before: `${text.length} bytes`,
      after: '(not recorded)',
    });
  });

  it('finds no difference in a stream compared with itself, and nests into a changed payload', async () => {
    const a = await compress('zstd', await source('rows.txt', text));
    const b = await compress('zstd', await source('rows.txt', text.replace('row 17 ', 'row 71 ')));
    expect(zstdComparator.compare('rows.txt.zst', a, Buffer.from(a), context())).toEqual([]);
    expect(zstdComparator.compare('rows.txt.zst', a, b, context()).map((d) => [d.path, d.kind, d.comparator])).toEqual([
      ['rows.txt.zst!/rows.txt', 'modified', 'binary'],
    ]);
  });

  it('reports a re-compressed payload without a payload child', async () => {
    const file = await source('rows.txt', text);
    const diffs = zstdComparator.compare('rows.txt.zst', await compress('zstd', file, ['-1']), await compress('zstd', file, ['-19']), context());
    expect(diffs.some((d) => d.path === 'rows.txt.zst:zstd.compressed-data')).toBe(true);
    expect(diffs.every((d) => d.kind === 'field')).toBe(true);
  });

  it('decodes every frame of a multi-frame file', async () => {
    const one = await compress('zstd', await source('a.txt', 'first frame\n'));
    const two = await compress('zstd', await source('b.txt', 'second frame\n'));
    const other = await compress('zstd', await source('c.txt', 'other frame!\n'));
    const diffs = zstdComparator.compare('x.zst', Buffer.concat([one, two]), Buffer.concat([one, other]), context());
    expect(fieldsOf(diffs)).toEqual([['x.zst!/x', 'modified']]);
  });

  it('refuses a frame that declares more than the cap, and caps one that does not declare its size', async () => {
    const declared = join(root, 'zbomb-declared.zst');
    const undeclared = join(root, 'zbomb-undeclared.zst');
    await compressZeros('zstd', ['-q', '-19', `--stream-size=${1000 * MiB}`, '-c'], 1000 * MiB, declared);
    await compressZeros('zstd', ['-q', '-19', '-c'], 1000 * MiB, undeclared);
    const small = await compress('zstd', await source('zbomb', 'small\n'));
    const declaredBomb = await readFile(declared);
    const undeclaredBomb = await readFile(undeclared);
    expect(declaredBomb.length).toBeLessThan(MiB);
    const first = measure(() => zstdComparator.compare('zbomb.zst', small, declaredBomb, context()));
    expect(first.diffs.find((d) => d.kind === 'modified')?.fallback).toBe(
      'after: zstd frame 1 declares 1000 MiB of content, more than the 256 MiB expansion cap',
    );
    expect(first.growth).toBeLessThan(16 * MiB);
    const limits = { ...DEFAULT_LIMITS, maxExpandedBytes: 8 * MiB };
    const second = measure(() => zstdComparator.compare('zbomb.zst', small, undeclaredBomb, context(limits)));
    expect(second.diffs.find((d) => d.kind === 'modified')?.fallback).toBe('after: zstd frame 1 expands past the 8 MiB expansion cap');
    expect(second.growth).toBeLessThan(32 * MiB);
    expect(second.rssGrowth).toBeLessThan(64 * MiB);
  }, 60_000);

  it('falls back with the reason for a truncated stream', async () => {
    const whole = await compress('zstd', await source('rows.txt', text));
    expect(() => zstdComparator.compare('rows.txt.zst', whole, whole.subarray(0, whole.length - 10), context())).toThrow(
      /^cannot read the zstd stream \(after\): zstd frame 1 at offset 0: (block \d+|content checksum): needs \d+ bytes at offset \d+, but the data ends at \d+$/,
    );
  });
});
