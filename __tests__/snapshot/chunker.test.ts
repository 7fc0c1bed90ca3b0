import { describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { CHUNK_MAX, CHUNK_MIN, Chunker, chunkLengths } from '../../src/snapshot/chunker.js';

function seeded(size: number, seed: number): Buffer {
  const out = Buffer.allocUnsafe(size);
  let s = seed >>> 0;
  for (let i = 0; i < size; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    out[i] = s & 0xff;
  }
  return out;
}

describe('content-defined chunking', () => {
  it('covers the input exactly with chunks between the min and max size', () => {
    const data = seeded(20 * 1024 * 1024, 7);
    const lengths = chunkLengths(data);
    expect(lengths.reduce((a, b) => a + b, 0)).toBe(data.length);
    for (const l of lengths.slice(0, -1)) {
      expect(l).toBeGreaterThanOrEqual(CHUNK_MIN);
      expect(l).toBeLessThanOrEqual(CHUNK_MAX);
    }
    // ~1 MiB average: 20 MiB of random data gives roughly 10–40 chunks.
    expect(lengths.length).toBeGreaterThan(8);
    expect(lengths.length).toBeLessThan(60);
  });

  it('cuts at the same places whatever the read size', () => {
    const data = seeded(9 * 1024 * 1024, 11);
    const whole = chunkLengths(data);
    for (const piece of [1, 4096, 65_537, 1_000_000]) {
      const chunker = new Chunker();
      const lengths: number[] = [];
      for (let at = 0; at < data.length; at += piece) lengths.push(...chunker.push(data.subarray(at, Math.min(data.length, at + piece))));
      const last = chunker.finish();
      if (last > 0) lengths.push(last);
      expect(lengths).toEqual(whole);
    }
  });

  it('keeps later boundaries after an insertion near the start (so chunks deduplicate)', () => {
    const data = seeded(16 * 1024 * 1024, 3);
    const edited = Buffer.concat([data.subarray(0, 100_000), randomBytes(333), data.subarray(100_000)]);
    const cuts = (lengths: number[]): number[] => {
      let at = 0;
      return lengths.map((l) => (at += l));
    };
    const before = new Set(cuts(chunkLengths(data)).map((c) => c + 333));
    const after = cuts(chunkLengths(edited));
    const shared = after.filter((c) => before.has(c)).length;
    expect(shared).toBeGreaterThanOrEqual(after.length - 3);
  });

  it('forces a cut at the maximum size on data with no natural boundary', () => {
    const lengths = chunkLengths(Buffer.alloc(3 * CHUNK_MAX + 5));
    expect(lengths).toEqual([CHUNK_MAX, CHUNK_MAX, CHUNK_MAX, 5]);
  });
});
