import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ExpansionBudget } from '../../src/compare/archive/bytes.js';
import { decodeXz } from '../../src/compare/archive/xz-decoder.js';
import { gzipComparator, xzComparator, zstdComparator } from '../../src/compare/comparators/streams.js';
import { tarComparator } from '../../src/compare/comparators/tar.js';
import { compareFile } from '../../src/compare/registry.js';
import { DEFAULT_LIMITS, type Comparator, type CompareContext, type CompareLimits, type Difference } from '../../src/compare/types.js';
import { removeDir, reproducibleTar, runTool, tempDir } from '../helpers/toolchain.js';

/** Nested payloads go through the real registry; bytes are a stand-in leaf so only our comparators are under test. */
const bytes: Comparator = {
  id: 'binary',
  recognizes: () => true,
  compare: (path) => [{ path, kind: 'bytes', comparator: 'binary', summary: 'bytes differ', causes: [], children: [] }],
};
const COMPARATORS = [tarComparator, gzipComparator, zstdComparator, xzComparator, bytes];

function context(limits: CompareLimits = DEFAULT_LIMITS): CompareContext {
  return { limits, depth: 0, compareNested: (path, a, b) => compareFile(path, a, b, COMPARATORS, limits, 1) };
}

const MiB = 1024 * 1024;
/** 2026-01-01T00:00:00Z, for every tar member. */
const MTIME = '@1767225600';
let root: string;
let counter = 0;

/** `xz args` of `content` written as `name` in a fresh directory; the compressed bytes. */
async function xz(name: string, content: string | Buffer, args: string[]): Promise<Buffer> {
  const dir = join(root, `x-${counter++}`);
  await mkdir(dir, { recursive: true });
  const file = join(dir, name);
  await writeFile(file, content);
  await runTool('xz', ['-T1', ...args, file]);
  return readFile(`${file}.xz`);
}

/** A reproducible `.tar.xz` of `files`. */
async function tarXz(files: Record<string, string>): Promise<Buffer> {
  const tar = await reproducibleTar(join(root, `t-${counter++}`), files, MTIME);
  await runTool('xz', ['-T1', '-6', tar]);
  return readFile(`${tar}.xz`);
}

const fieldsOf = (diffs: Difference[]): Array<[string, string]> =>
  diffs.map((d) => [d.path, d.detail?.type === 'field' ? d.detail.name : d.kind]);

beforeAll(async () => {
  root = await tempDir('vitsnap-xz-');
});

afterAll(async () => {
  await removeDir(root);
});

describe('xz comparator', () => {
  it('reports the same payload compressed differently as fields only (xz -6 vs xz -1 -e)', async () => {
    const text = 'log line\n'.repeat(5000);
    const six = await xz('log.txt', text, ['-6']);
    const one = await xz('log.txt', text, ['-1', '-e']);
    const diffs = xzComparator.compare('log.txt.xz', six, one, context());
    expect(fieldsOf(diffs)).toEqual([
      ['log.txt.xz:xz.filters', 'filters'],
      ['log.txt.xz:xz.compressed-data', 'compressed-data'],
    ]);
    expect(diffs[0]?.detail).toEqual({ type: 'field', name: 'filters', before: 'LZMA2 (dictionary 8 MiB)', after: 'LZMA2 (dictionary 1 MiB)' });
    expect(diffs[1]?.summary).toMatch(/^same payload \(43.9 KiB\), compressed differently: /);
  });

  it('decodes and compares payloads when the stream headers match', async () => {
    const a = await xz('log.txt', 'log line A\n', ['-6']);
    const b = await xz('log.txt', 'log line B\n', ['-6']);
    const diffs = xzComparator.compare('log.txt.xz', a, b, context());
    expect(fieldsOf(diffs)).toEqual([['log.txt.xz!/log.txt', 'modified']]);
    expect(fieldsOf(diffs[0]?.children ?? [])).toEqual([['log.txt.xz!/log.txt', 'bytes']]);
    expect(xzComparator.compare('log.txt.xz', a, Buffer.from(a), context())).toEqual([]);
  });

  it('nests into a .tar.xz and names the one changed member', async () => {
    const a = await tarXz({ 'a.txt': 'alpha\n', 'b.txt': 'beta 1\n' });
    const b = await tarXz({ 'a.txt': 'alpha\n', 'b.txt': 'beta 2\n' });
    const diffs = xzComparator.compare('x.tar.xz', a, b, context());
    expect(fieldsOf(diffs)).toEqual([['x.tar.xz!/x.tar', 'modified']]);
    expect(diffs[0]?.comparator).toBe('tar');
    expect(fieldsOf(diffs[0]?.children ?? [])).toEqual([['x.tar.xz!/x.tar!/./b.txt', 'modified']]);
  });

  it('falls back with the reason for a truncated stream', async () => {
    const whole = await xz('log.txt', 'log line\n'.repeat(50), ['-6']);
    expect(() => xzComparator.compare('log.txt.xz', whole, whole.subarray(0, whole.length - 3), context())).toThrow(
      /^cannot read the xz stream \(after\): /,
    );
  });

  it('falls back with the decoder error for corrupt compressed data behind an intact index', async () => {
    const whole = await xz('log.txt', 'log line\n'.repeat(50), ['-6']);
    const corrupt = Buffer.from(whole);
    corrupt[40] = (corrupt[40] ?? 0) ^ 0xff;
    const node = compareFile('log.txt.xz', whole, corrupt, COMPARATORS, DEFAULT_LIMITS);
    expect(node.comparator).toBe('binary');
    expect(node.fallback).toContain('xz: xz payload not decoded: after: xz decoder: corrupt data (or a failed integrity check)');
  });

  it('verifies SHA-256 checks: the same payload under another check is compression only', async () => {
    const text = 'log line\n'.repeat(500);
    const crc = await xz('log.txt', text, ['-6']);
    const sha = await xz('log.txt', text, ['-6', '--check=sha256']);
    expect(decodeXz(sha, new ExpansionBudget(MiB), text.length).toString()).toBe(text);
    // Several blocks, and a CRC64 stream after a SHA-256 one, each checked where it belongs.
    const blocks = await xz('log.txt', text, ['-6', '--check=sha256', '--block-size=1000']);
    expect(decodeXz(Buffer.concat([blocks, crc]), new ExpansionBudget(MiB), 0).toString()).toBe(text + text);
    const diffs = xzComparator.compare('log.txt.xz', crc, sha, context());
    expect(fieldsOf(diffs)).toEqual([
      ['log.txt.xz:xz.check', 'check'],
      ['log.txt.xz:xz.compressed-data', 'compressed-data'],
    ]);
  });

  it('reports a wrong SHA-256 check like any corrupt xz', async () => {
    const sha = await xz('log.txt', 'log line\n'.repeat(500), ['-6', '--check=sha256']);
    const flipped = Buffer.from(sha);
    // The footer (12), the index (a multiple of 4, 12 bytes for one small block) and then the check.
    const checkEnd = sha.length - 12 - (sha.readUInt32LE(sha.length - 8) + 1) * 4;
    flipped[checkEnd - 5] = (flipped[checkEnd - 5] ?? 0) ^ 0x01;
    expect(() => decodeXz(flipped, new ExpansionBudget(MiB), 0)).toThrow(/^xz decoder: corrupt data \(or a failed integrity check\): SHA-256 of block 1 does not match/);
    const node = compareFile('log.txt.xz', sha, flipped, COMPARATORS, DEFAULT_LIMITS);
    expect(node.comparator).toBe('binary');
    expect(node.fallback).toContain('xz: xz payload not decoded: after: xz decoder: corrupt data (or a failed integrity check)');
  });

  describe('bombs', () => {
    let bomb: Buffer;
    let small: Buffer;

    beforeAll(async () => {
      // 64 streams of 64 MiB of zeros: 4 GiB declared, well under 1 MiB on disk.
      const stream = await xz('zeros', Buffer.alloc(64 * MiB), ['-1']);
      bomb = Buffer.concat(new Array<Buffer>(64).fill(stream));
      small = await xz('zeros', 'not a bomb\n', ['-1']);
    });

    it('refuses a file whose index declares more than the cap, without decoding it', () => {
      expect(bomb.length).toBeLessThan(2 * MiB);
      const diffs = xzComparator.compare('zeros.xz', bomb, small, context());
      const payload = diffs.find((d) => d.path === 'zeros.xz!/zeros');
      expect(payload).toEqual(expect.objectContaining({ kind: 'modified', children: [] }));
      expect(payload?.fallback).toBe('before: the xz stream declares 4 GiB uncompressed (index), more than the 256 MiB expansion cap');
    });

    it('stops decoding at the budget whatever the index says', () => {
      const before = process.memoryUsage().arrayBuffers;
      expect(() => decodeXz(bomb, new ExpansionBudget(8 * MiB), 0)).toThrow('the xz stream expands past the 8 MiB expansion cap');
      expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(64 * MiB);
    });
  });
});
