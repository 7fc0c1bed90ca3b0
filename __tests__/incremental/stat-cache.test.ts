import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { zstdDecompressSync } from 'node:zlib';
import { STAT_CACHE_HEADER_SIZE, StatTable, decodeStatCache, encodeStatCache, type StatCacheMeta, type StatRecord } from '../../src/incremental/stat-cache.js';
import { zstdCompress } from '../../src/snapshot/codecs.js';

const hex = (seed: string): string => createHash('sha256').update(seed).digest('hex');

function record(over: Partial<StatRecord> = {}): StatRecord {
  return {
    dev: 2049n,
    ino: 1234567n,
    size: 11,
    mtimeNs: 1_609_459_200_123_456_789n,
    ctimeNs: 1_609_459_201_000_000_001n,
    mode: 0o644,
    hashed: { sha256: hex('a'), class: 'text', width: 0, chunks: null },
    ...over,
  };
}

interface Sample {
  meta: StatCacheMeta;
  files: Map<string, StatRecord>;
}

function encode(cache: Sample): Buffer {
  const table = new StatTable();
  for (const [path, r] of cache.files) table.add(path, r);
  return encodeStatCache(cache.meta, table);
}

function sample(): Sample {
  const files = new Map<string, StatRecord>([
    ['a.txt', record()],
    ['dir/日本/model.bin', record({ ino: (1n << 64n) - 1n, dev: 0n, size: 3 * 1024 * 1024, mtimeNs: -1_500_000_000n, mode: 0o755, hashed: { sha256: hex('m'), class: 'tensor', width: 4, chunks: [{ length: 2 * 1024 * 1024, sha256: hex('c1') }, { length: 1024 * 1024, sha256: hex('c2') }] } })],
    ['z.gz', record({ hashed: { sha256: hex('z'), class: 'compressed', width: 0, chunks: null } })],
  ]);
  return {
    meta: { tool: '9.9.9', root: '/work/tree', patterns: ['dist/**', '!**/*.map'], excludeHidden: true, startNs: '1733400000000000000', snapshot: { trailerSha256: hex('t'), size: 4096 } },
    files,
  };
}

/** A cache whose payload is `raw`, with a correct digest: only the structure checks can refuse it. */
function withPayload(raw: Buffer): Buffer {
  const header = Buffer.alloc(STAT_CACHE_HEADER_SIZE);
  Buffer.from('VSNPSTAT', 'latin1').copy(header, 0);
  header.writeUInt32LE(1, 8);
  header.writeBigUInt64LE(BigInt(raw.length), 16);
  createHash('sha256').update(raw).digest().copy(header, 24);
  return Buffer.concat([header, zstdCompress(raw, 3)]);
}

function payloadOf(cache: Sample): Buffer {
  return zstdDecompressSync(encode(cache).subarray(STAT_CACHE_HEADER_SIZE));
}

describe('stat cache encoding', () => {
  it('round-trips every field exactly, including 64-bit inodes and pre-1970 times', () => {
    const cache = sample();
    const back = decodeStatCache(encode(cache), 'x.statcache');
    expect(back.meta).toEqual(cache.meta);
    expect([...back.files.entries()]).toEqual([...cache.files.entries()]);
  });

  it('leaves out a record it cannot hold exactly instead of writing a wrong one', () => {
    const cache = sample();
    cache.files.set('neg-ino', record({ ino: -1n }));
    cache.files.set('huge-time', record({ mtimeNs: 1n << 63n }));
    cache.files.set('huge-size', record({ size: 2 ** 48 }));
    const back = decodeStatCache(encode(cache), 'x.statcache');
    expect([...back.files.entries()].map(([path]) => path)).toEqual(['a.txt', 'dir/日本/model.bin', 'z.gz']);
  });

  it('refuses any flipped bit: a recorded digest must never be trusted when damaged', () => {
    const file = encode(sample());
    for (let at = 0; at < file.length; at += 7) {
      const bad = Buffer.from(file);
      bad[at] = (bad[at] as number) ^ 0x10;
      expect(() => decodeStatCache(bad, 'x.statcache')).toThrow(expect.objectContaining({ name: 'SnapshotFormatError' }));
    }
  });

  it.each([
    ['not a cache', Buffer.from('hello world, this is no stat cache at all but a text file of some length'), 'E_BAD_MAGIC'],
    ['empty', Buffer.alloc(0), 'E_BAD_MAGIC'],
    ['truncated', encode(sample()).subarray(0, 80), 'E_CORRUPT'],
  ])('refuses %s with a typed error', (_name, file, code) => {
    expect(() => decodeStatCache(file, 'x.statcache')).toThrow(expect.objectContaining({ code }));
  });

  it('refuses another version and a claimed size past the limit before decompressing', () => {
    const v2 = encode(sample());
    v2.writeUInt32LE(2, 8);
    expect(() => decodeStatCache(v2, 'x.statcache')).toThrow(expect.objectContaining({ code: 'E_VERSION' }));
    const huge = encode(sample());
    huge.writeBigUInt64LE(1n << 40n, 16);
    expect(() => decodeStatCache(huge, 'x.statcache')).toThrow(expect.objectContaining({ code: 'E_LIMIT' }));
  });

  it('checks record shapes even under a valid digest (chunks that do not add up, bad class, trailing bytes)', () => {
    const good = payloadOf(sample());
    expect(decodeStatCache(withPayload(good), 'x').files.size).toBe(3);
    expect(() => decodeStatCache(withPayload(Buffer.concat([good, Buffer.from([0])])), 'x')).toThrow(/bytes after the last record/);

    const chunked = sample();
    const model = chunked.files.get('dir/日本/model.bin') as StatRecord;
    model.size += 1;
    expect(() => decodeStatCache(withPayload(payloadOf(chunked)), 'x')).toThrow(/do not add up/);

    const badClass = sample();
    (badClass.files.get('a.txt') as StatRecord).hashed.width = 4;
    expect(() => decodeStatCache(withPayload(payloadOf(badClass)), 'x')).toThrow(/bad class/);
  });
});
