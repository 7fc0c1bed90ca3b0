import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { constants, zstdCompressSync } from 'node:zlib';
import { chooseTensorWidth, classifyHead } from '../../src/snapshot/classify.js';
import { decodeBlock, encodeBlock, groupBytes, ungroupBytes, zstdDecompress, zstdDecompressPrefix } from '../../src/snapshot/codecs.js';
import { Codec } from '../../src/snapshot/format.js';

/** bf16 values from N(0, 0.02), little-endian, as a model checkpoint stores them. */
function bf16Normal(count: number, seed: number): Buffer {
  const out = Buffer.alloc(count * 2);
  let s = seed;
  const rand = (): number => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return (s + 1) / 4294967297;
  };
  const f = new Float32Array(1);
  const u = new Uint32Array(f.buffer);
  for (let i = 0; i < count; i++) {
    f[0] = Math.sqrt(-2 * Math.log(rand())) * Math.cos(2 * Math.PI * rand()) * 0.02;
    out.writeUInt16LE((u[0] as number) >>> 16, i * 2);
  }
  return out;
}

describe('byte grouping', () => {
  it('is lossless for every width and length', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.constantFrom(2, 4), (bytes, width) => {
        const grouped = groupBytes(bytes, width);
        expect(grouped.length).toBe(bytes.length);
        expect(Buffer.from(ungroupBytes(grouped, width))).toEqual(Buffer.from(bytes));
      }),
    );
  });

  it('puts byte lane 1 of every bf16 element before lane 0 contents end', () => {
    const grouped = groupBytes(Buffer.from([1, 2, 3, 4, 5, 6, 7]), 2);
    expect([...grouped]).toEqual([1, 3, 5, 2, 4, 6, 7]);
  });

  it('compresses bf16 weights better than plain zstd', () => {
    const tensor = bf16Normal(1 << 20, 42);
    const plain = zstdCompressSync(tensor, { params: { [constants.ZSTD_c_compressionLevel]: 3 } }).length;
    const grouped = encodeBlock(tensor, Codec.bytegroupZstd, 2, 1).length;
    expect(tensor.length / grouped).toBeGreaterThan(1.4);
    expect(grouped).toBeLessThan(plain * 0.92);
    expect(chooseTensorWidth(tensor.subarray(0, 256 * 1024))).toBe(2);
  });

  it('chooses no grouping for data it does not help', () => {
    const text = Buffer.from('function add(a, b) { return a + b; }\n'.repeat(10_000));
    expect(chooseTensorWidth(text)).toBe(0);
  });
});

describe('block codecs', () => {
  it.each([
    ['none', Codec.none, 0],
    ['zstd', Codec.zstd, 0],
    ['bytegroup2', Codec.bytegroupZstd, 2],
    ['bytegroup4', Codec.bytegroupZstd, 4],
  ] as const)('%s round-trips', (_name, codec, width) => {
    const raw = Buffer.concat([bf16Normal(5000, 1), Buffer.from('tail bytes')]);
    const stored = encodeBlock(raw, codec, width, 3);
    expect(decodeBlock(stored, codec, width, raw.length, 'block 0')).toEqual(raw);
  });

  it('prefix-decodes blocks smaller than the 64-byte minimum zlib chunk (a diff of two tiny text files)', () => {
    for (const raw of [Buffer.from('/root\n'), Buffer.from('GMT -1200\n/home/x\n'), Buffer.alloc(0)]) {
      const stored = encodeBlock(raw, Codec.zstd, 1, 3);
      expect(zstdDecompressPrefix(stored, raw.length, 5, 'block 1').equals(raw)).toBe(true);
    }
  });

  it('refuses to decompress past the declared size (no bombs)', () => {
    const bomb = zstdCompressSync(Buffer.alloc(50 * 1024 * 1024));
    expect(bomb.length).toBeLessThan(10_000);
    expect(() => zstdDecompress(bomb, 1024, 'block 3')).toThrow(expect.objectContaining({ code: 'E_CORRUPT' }));
  });

  it('rejects garbage and short output with E_CORRUPT', () => {
    expect(() => zstdDecompress(Buffer.from('not zstd at all'), 10, 'block 1')).toThrow(expect.objectContaining({ code: 'E_CORRUPT' }));
    const small = zstdCompressSync(Buffer.from('abc'));
    expect(() => zstdDecompress(small, 10, 'block 1')).toThrow(/expected 10/);
  });
});

describe('content classification', () => {
  it.each([
    ['a.tar.gz', [0x1f, 0x8b, 8, 0], 'compressed'],
    ['lib.jar', [0x50, 0x4b, 3, 4], 'compressed'],
    ['photo.bin', [0xff, 0xd8, 0xff, 0xe0], 'compressed'],
    ['model.gguf', [0x47, 0x47, 0x55, 0x46], 'compressed'],
    ['app', [0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0], 'binary'],
    ['w.safetensors', [0x10, 0, 0, 0, 0, 0, 0, 0], 'tensor'],
    ['main.c', [...Buffer.from('int main(void) { return 0; }\n')], 'text'],
    ['data.json', [...Buffer.from('{"a": [1, 2, 3]}')], 'text'],
  ] as const)('%s is %s', (name, head, expected) => {
    expect(classifyHead(name, Uint8Array.from(head))).toBe(expected);
  });
});
