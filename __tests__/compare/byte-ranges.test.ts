import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { createCipheriv } from 'node:crypto';
import { diffBytes, hexdump, mirrorRanges, parseHexdump } from '../../src/compare/byte-ranges.js';
import type { ByteRange } from '../../src/compare/types.js';
import { mulberry32 } from '../helpers/toolchain.js';

/** Seeded pseudo-random bytes, fast enough for 100 MB: AES-128-CTR over zeros. */
function randomBuffer(size: number, seed: number): Buffer {
  const key = Buffer.alloc(16);
  key.writeUInt32LE(mulberry32(seed)(), 0);
  const cipher = createCipheriv('aes-128-ctr', key, Buffer.alloc(16));
  return Buffer.concat([cipher.update(Buffer.alloc(size)), cipher.final()]);
}

/** Rebuilds `b` from `a`: equal stretches from `a` (checked equal to `b`), ranges from `b`. */
function rebuild(a: Buffer, b: Buffer, ranges: readonly ByteRange[]): Buffer {
  const parts: Buffer[] = [];
  let oldPos = 0;
  let newPos = 0;
  for (const r of ranges) {
    expect(r.oldOffset - oldPos).toBe(r.newOffset - newPos);
    expect(a.subarray(oldPos, r.oldOffset).equals(b.subarray(newPos, r.newOffset))).toBe(true);
    parts.push(a.subarray(oldPos, r.oldOffset), b.subarray(r.newOffset, r.newOffset + r.newLength));
    oldPos = r.oldOffset + r.oldLength;
    newPos = r.newOffset + r.newLength;
  }
  expect(a.length - oldPos).toBe(b.length - newPos);
  parts.push(a.subarray(oldPos));
  return Buffer.concat(parts);
}

describe('diffBytes, same size', () => {
  it('finds nothing in equal buffers', () => {
    const a = randomBuffer(10_000, 1);
    expect(diffBytes(a, Buffer.from(a))).toEqual({ ranges: [], changedBytes: 0, truncated: false });
  });

  it('coalesces differing bytes closer than mergeGap', () => {
    const a = Buffer.alloc(100);
    const b = Buffer.from(a);
    b[10] = 1;
    b[12] = 1; // 1 equal byte between: merged
    b[40] = 1; // far: its own range
    b[41] = 1;
    const diff = diffBytes(a, b);
    expect(diff.ranges).toEqual([
      { oldOffset: 10, oldLength: 3, newOffset: 10, newLength: 3 },
      { oldOffset: 40, oldLength: 2, newOffset: 40, newLength: 2 },
    ]);
    expect(diff.changedBytes).toBe(4);
    expect(diffBytes(a, b, { mergeGap: 0 }).ranges).toHaveLength(3);
  });

  it('caps the ranges but counts every byte', () => {
    const a = Buffer.alloc(10_000);
    const b = Buffer.from(a);
    for (let i = 0; i < 10_000; i += 100) b[i] = 7;
    const diff = diffBytes(a, b, { maxRanges: 5 });
    expect(diff.ranges).toHaveLength(5);
    expect(diff.truncated).toBe(true);
    expect(diff.changedBytes).toBe(100);
  });

  it('property: ranges hold exactly the differing bytes (mergeGap 0), b rebuilds from a, and mirror', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 0, maxLength: 600 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 40 }),
        (bytes, edits) => {
          const a = Buffer.from(bytes);
          const b = Buffer.from(a);
          for (const [at, value] of edits) if (b.length > 0) b[at % b.length] = value;
          const diff = diffBytes(a, b, { mergeGap: 0 });
          let differing = 0;
          for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) differing++;
          expect(diff.changedBytes).toBe(differing);
          const covered = diff.ranges.reduce((sum, r) => sum + r.oldLength, 0);
          expect(covered).toBe(differing);
          for (const r of diff.ranges) {
            for (let i = r.oldOffset; i < r.oldOffset + r.oldLength; i++) expect(a[i]).not.toBe(b[i]);
          }
          expect(rebuild(a, b, diff.ranges).equals(b)).toBe(true);
          expect(diffBytes(b, a, { mergeGap: 0 }).ranges).toEqual(mirrorRanges(diff.ranges));
          // Merging keeps the rebuild exact.
          expect(rebuild(a, b, diffBytes(a, b).ranges).equals(b)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('diffBytes, different sizes', () => {
  it('an insertion of 10 bytes at the start of 10 MB is one small range', () => {
    const a = randomBuffer(10 * 1024 * 1024, 2);
    const b = Buffer.concat([Buffer.from('0123456789'), a]);
    const diff = diffBytes(a, b);
    expect(diff.ranges).toEqual([{ oldOffset: 0, oldLength: 0, newOffset: 0, newLength: 10 }]);
    expect(diff.changedBytes).toBe(10);
  });

  it('finds an insertion and a removal in the middle by block matching', () => {
    const a = randomBuffer(200_000, 3);
    // Remove 100 bytes at 50,000 and insert 37 at 150,000.
    const b = Buffer.concat([a.subarray(0, 50_000), a.subarray(50_100, 150_000), randomBuffer(37, 4), a.subarray(150_000)]);
    const diff = diffBytes(a, b);
    expect(diff.ranges).toEqual([
      { oldOffset: 50_000, oldLength: 100, newOffset: 50_000, newLength: 0 },
      { oldOffset: 150_000, oldLength: 0, newOffset: 149_900, newLength: 37 },
    ]);
    expect(diff.changedBytes).toBe(137);
    expect(diffBytes(b, a).ranges).toEqual(mirrorRanges(diff.ranges));
  });

  it('property: equal stretches are equal, b rebuilds from a, diff(b, a) mirrors diff(a, b)', () => {
    const chunk = fc.uint8Array({ minLength: 0, maxLength: 300 });
    fc.assert(
      fc.property(fc.array(chunk, { minLength: 1, maxLength: 6 }), fc.array(fc.tuple(fc.nat(), chunk), { maxLength: 4 }), (pieces, inserts) => {
        const a = Buffer.concat(pieces.map((p) => Buffer.from(p)));
        let b = Buffer.from(a);
        for (const [at, piece] of inserts) {
          const pos = b.length === 0 ? 0 : at % b.length;
          b = Buffer.concat([b.subarray(0, pos), Buffer.from(piece), b.subarray(pos + (at % 3 === 0 ? Math.min(20, b.length - pos) : 0))]);
        }
        const diff = diffBytes(a, b);
        expect(rebuild(a, b, diff.ranges).equals(b)).toBe(true);
        expect(diffBytes(b, a).ranges).toEqual(mirrorRanges(diff.ranges));
        expect(diffBytes(a, a).ranges).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('property: repetitive inputs (long runs of few values) stay correct', () => {
    const run = fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 1, max: 400 }));
    fc.assert(
      fc.property(fc.array(run, { maxLength: 12 }), fc.array(run, { maxLength: 12 }), (ra, rb) => {
        const make = (runs: [number, number][]): Buffer => Buffer.concat(runs.map(([v, n]) => Buffer.alloc(n, v)));
        const a = make(ra);
        const b = make(rb);
        const diff = diffBytes(a, b);
        expect(rebuild(a, b, diff.ranges).equals(b)).toBe(true);
        expect(diffBytes(b, a).ranges).toEqual(mirrorRanges(diff.ranges));
      }),
      { numRuns: 300 },
    );
  });
});

// How fast these run is the benchmark's business (no wall-clock limits in tests: CI shares a loaded machine).
describe('diffBytes on 100 MB', () => {
  const size = 100 * 1024 * 1024;
  const a = randomBuffer(size, 5);

  it('same size, scattered changes', () => {
    const b = Buffer.from(a);
    for (let i = 1000; i < size; i += 7_000_000) b[i] ^= 0xff;
    const diff = diffBytes(a, b);
    expect(diff.ranges).toHaveLength(15);
  });

  it('different sizes, an insertion and a removal in the middle', () => {
    const b = Buffer.concat([a.subarray(0, 30_000_000), Buffer.from('inserted!'), a.subarray(30_000_000, 70_000_000), a.subarray(70_000_064)]);
    const diff = diffBytes(a, b);
    expect(diff.ranges).toEqual([
      { oldOffset: 30_000_000, oldLength: 0, newOffset: 30_000_000, newLength: 9 },
      { oldOffset: 70_000_000, oldLength: 64, newOffset: 70_000_009, newLength: 0 },
    ]);
  });

  it('different sizes, nothing in common', () => {
    const b = randomBuffer(size + 1000, 6);
    const diff = diffBytes(a, b);
    expect(diff.changedBytes).toBeGreaterThan(size * 0.99);
  });
});

describe('hexdump', () => {
  it('prints offset, hex and ASCII, 16 bytes a line, and parses back', () => {
    const buf = Buffer.from('Hello, world!\n\0\x01vitsnap hexdump', 'latin1');
    const lines = hexdump(buf, 0, buf.length);
    expect(lines).toEqual([
      '00000000  48 65 6c 6c 6f 2c 20 77  6f 72 6c 64 21 0a 00 01  |Hello, world!...|',
      '00000010  76 69 74 73 6e 61 70 20  68 65 78 64 75 6d 70     |vitsnap hexdump|',
    ]);
    expect(parseHexdump(lines.join('\n'))).toEqual([{ offset: 0, bytes: buf }]);
    expect(hexdump(buf, 16, 4)).toEqual(['00000010  76 69 74 73                                       |vits|']);
  });
});
