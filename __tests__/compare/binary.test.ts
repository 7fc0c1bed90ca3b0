import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { mirrorRanges, parseHexdump } from '../../src/compare/byte-ranges.js';
import { binaryComparator } from '../../src/compare/comparators/binary.js';
import { DEFAULT_LIMITS, type CompareContext, type DiffDetail, type Difference } from '../../src/compare/types.js';
import { buildCProgram, removeDir, tempDir } from '../helpers/toolchain.js';

const ctx: CompareContext = {
  limits: DEFAULT_LIMITS,
  depth: 0,
  compareNested: () => {
    throw new Error('the binary comparator never nests');
  },
};

function compare(before: Buffer, after: Buffer, path = 'out/blob.bin'): Difference[] {
  return binaryComparator.compare(path, before, after, ctx);
}

function bytesDetail(node: Difference | undefined): Extract<DiffDetail, { type: 'bytes' }> {
  if (node?.detail?.type !== 'bytes') throw new Error('expected a bytes difference');
  return node.detail;
}

describe('binaryComparator', () => {
  it('recognises every file', () => {
    expect(binaryComparator.id).toBe('binary');
    expect(binaryComparator.recognizes('anything', Buffer.alloc(0))).toBe(true);
    expect(binaryComparator.recognizes('x.zip', Buffer.from('PK\x03\x04'))).toBe(true);
  });

  it('reports nothing for equal bytes', () => {
    expect(compare(Buffer.from('same'), Buffer.from('same'))).toEqual([]);
  });

  it('same size: ranges, share of bytes, hexdump of old and new', () => {
    const before = Buffer.alloc(100_000, 0x41);
    const after = Buffer.from(before);
    after.write('abcdefgh', 0x100, 'latin1');
    after.write('wxyz', 0x2000, 'latin1');
    const [node, ...rest] = compare(before, after);
    expect(rest).toEqual([]);
    expect(node).toMatchObject({ path: 'out/blob.bin', kind: 'bytes', comparator: 'binary', causes: [], children: [] });
    expect(node?.summary).toBe('12 bytes differ in 2 ranges (0.01 %)');
    const detail = bytesDetail(node);
    expect(detail.ranges).toEqual([
      { oldOffset: 0x100, oldLength: 8, newOffset: 0x100, newLength: 8 },
      { oldOffset: 0x2000, oldLength: 4, newOffset: 0x2000, newLength: 4 },
    ]);
    expect(detail).toMatchObject({ changedBytes: 12, totalBytes: 100_000, truncated: false });
    expect(detail.hexdump).toHaveLength(2);
    const first = detail.hexdump[0];
    expect(first?.offset).toBe(0x100);
    // Two lines of context before, the range, two lines after.
    expect(first?.before.split('\n')).toEqual([
      '000000e0  41 41 41 41 41 41 41 41  41 41 41 41 41 41 41 41  |AAAAAAAAAAAAAAAA|',
      '000000f0  41 41 41 41 41 41 41 41  41 41 41 41 41 41 41 41  |AAAAAAAAAAAAAAAA|',
      '00000100  41 41 41 41 41 41 41 41  41 41 41 41 41 41 41 41  |AAAAAAAAAAAAAAAA|',
      '00000110  41 41 41 41 41 41 41 41  41 41 41 41 41 41 41 41  |AAAAAAAAAAAAAAAA|',
      '00000120  41 41 41 41 41 41 41 41  41 41 41 41 41 41 41 41  |AAAAAAAAAAAAAAAA|',
    ]);
    expect(first?.after.split('\n')[2]).toBe('00000100  61 62 63 64 65 66 67 68  41 41 41 41 41 41 41 41  |abcdefghAAAAAAAA|');
  });

  it('hexdumps only the first 3 ranges, and caps the ranges', () => {
    const before = Buffer.alloc(1_000_000);
    const after = Buffer.from(before);
    for (let i = 0; i < 1500; i++) after[i * 500] = 1;
    const [node] = compare(before, after);
    const detail = bytesDetail(node);
    expect(detail.hexdump.map((h) => h.offset)).toEqual([0, 500, 1000]);
    expect(detail.ranges).toHaveLength(1000);
    expect(detail.truncated).toBe(true);
    expect(detail.changedBytes).toBe(1500);
    expect(node?.summary).toBe('1500 bytes differ in more than 1000 ranges (0.15 %)');
  });

  it('insertion and removal: found by block matching, not a positional compare', () => {
    const base = Buffer.alloc(10 * 1024 * 1024);
    for (let i = 0; i < base.length; i++) base[i] = (i * 7 + (i >> 9)) & 0xff;
    const inserted = Buffer.concat([Buffer.from('0123456789'), base]);
    const [insert] = compare(base, inserted);
    expect(insert?.summary).toBe('+10 bytes inserted at 0x0');
    expect(bytesDetail(insert).ranges).toEqual([{ oldOffset: 0, oldLength: 0, newOffset: 0, newLength: 10 }]);
    const removed = Buffer.concat([base.subarray(0, 16), base.subarray(20)]);
    const [remove] = compare(base, removed);
    expect(remove?.summary).toBe('-4 bytes removed at 0x10');
    const both = Buffer.concat([base.subarray(0, 1000), Buffer.from('xyz'), base.subarray(1000, 5_000_000), base.subarray(5_000_100)]);
    const [mixed] = compare(base, both);
    expect(mixed?.summary).toBe(`103 bytes differ in 2 ranges (< 0.01 %), size ${base.length} → ${both.length} bytes`);
  });

  it('property: compare(a, a) is empty; compare(b, a) mirrors compare(a, b)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 400 }), fc.uint8Array({ maxLength: 400 }), (x, y) => {
        const a = Buffer.from(x);
        const b = Buffer.from(y);
        expect(compare(a, Buffer.from(a))).toEqual([]);
        const forward = compare(a, b);
        const backward = compare(b, a);
        expect(forward.length).toBe(backward.length);
        if (forward.length === 1) expect(bytesDetail(backward[0]).ranges).toEqual(mirrorRanges(bytesDetail(forward[0]).ranges));
      }),
      { numRuns: 200 },
    );
  });
});

describe('binaryComparator on real gcc builds', () => {
  let root = '';
  beforeAll(async () => {
    root = await tempDir('vitsnap-binary-test-');
  });
  afterAll(async () => {
    await removeDir(root);
  });

  it('__DATE__ at two SOURCE_DATE_EPOCHs: the build-id note and the date strings differ', async () => {
    const a = await buildCProgram(join(root, 'a'), { useDate: true, env: { SOURCE_DATE_EPOCH: '1700000000' } });
    const b = await buildCProgram(join(root, 'b'), { useDate: true, env: { SOURCE_DATE_EPOCH: '1700100000' } });
    const before = await readFile(a.binary);
    const after = await readFile(b.binary);
    const [node] = compare(before, after, 'bin/prog');
    const detail = bytesDetail(node);
    expect(detail.ranges).toHaveLength(2);
    expect(node?.summary).toMatch(/^\d+ bytes differ in 2 ranges \(0\.\d\d %\)$/);
    // The date strings, shown in the hexdump context of the second range.
    const shown = (text: string | undefined): string => parseHexdump(text ?? '').map((s) => s.bytes.toString('latin1')).join('');
    expect(shown(detail.hexdump[1]?.before)).toContain('Nov 14 2023');
    expect(shown(detail.hexdump[1]?.after)).toContain('Nov 16 2023');
    // Same-size: every range is the same offset on both sides.
    for (const r of detail.ranges) expect([r.newOffset, r.newLength]).toEqual([r.oldOffset, r.oldLength]);
  });
});
