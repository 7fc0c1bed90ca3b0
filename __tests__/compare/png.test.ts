import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { pngComparator } from '../../src/compare/comparators/png.js';
import { ComparatorFallback, DEFAULT_LIMITS, type CompareContext, type Difference } from '../../src/compare/types.js';
import { mulberry32, removeDir, runTool, tempDir } from '../helpers/toolchain.js';

const ctx: CompareContext = {
  limits: DEFAULT_LIMITS,
  depth: 0,
  compareNested: () => {
    throw new Error('PNG never nests');
  },
};
const PATH = 'logo.png';
const compare = (a: Buffer, b: Buffer, context = ctx): Difference[] => pngComparator.compare(PATH, a, b, context);
const paths = (children: readonly Difference[]): string[] => children.map((c) => c.path);

function fallbackReason(a: Buffer, b: Buffer): string {
  try {
    compare(a, b);
  } catch (error) {
    if (error instanceof ComparatorFallback) return error.message;
    throw error;
  }
  throw new Error('expected a ComparatorFallback');
}

// ---------------------------------------------------------------------------------------------
// A PNG writer written from the spec for the tests (zlib's own crc32, not the one under test).

function chunk(type: string, data: Buffer = Buffer.alloc(0)): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

interface Image {
  width: number;
  height: number;
  colorType: number;
  bitDepth: number;
  /** The raster, rows top to bottom, each ceil(width × bits / 8) bytes. */
  raster: Buffer;
}

function rowBytes(image: Image, width = image.width): number {
  return Math.ceil((width * CHANNELS[image.colorType] * image.bitDepth) / 8);
}

/** Copies the bits of one pixel between rasters (any depth, any width of pixel). */
function copyPixelBits(from: Buffer, fromStride: number, fx: number, fy: number, to: Buffer, toStride: number, tx: number, ty: number, bits: number): void {
  for (let i = 0; i < bits; i++) {
    const sourceBit = fx * bits + i;
    const targetBit = tx * bits + i;
    const value = (from[fy * fromStride + (sourceBit >> 3)] >> (7 - (sourceBit & 7))) & 1;
    const at = ty * toStride + (targetBit >> 3);
    to[at] = (to[at] & ~(0x80 >> (targetBit & 7))) | (value << (7 - (targetBit & 7)));
  }
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Filters rows of `stride` bytes with the filter `filterFor(row)` picks. */
function filterRows(rows: Buffer, stride: number, bpp: number, filterFor: (row: number) => number): Buffer {
  const height = stride === 0 ? 0 : rows.length / stride;
  const out = Buffer.alloc(height * (stride + 1));
  for (let y = 0; y < height; y++) {
    const filter = filterFor(y);
    out[y * (stride + 1)] = filter;
    for (let x = 0; x < stride; x++) {
      const cur = rows[y * stride + x];
      const left = x >= bpp ? rows[y * stride + x - bpp] : 0;
      const up = y > 0 ? rows[(y - 1) * stride + x] : 0;
      const upLeft = y > 0 && x >= bpp ? rows[(y - 1) * stride + x - bpp] : 0;
      const predictor = [0, left, up, (left + up) >> 1, paeth(left, up, upLeft)][filter];
      out[y * (stride + 1) + 1 + x] = (cur - predictor) & 0xff;
    }
  }
  return out;
}

const ADAM7 = [[0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2]] as const;

interface WriteOptions {
  interlace?: boolean;
  filterFor?: (row: number) => number;
  level?: number;
  /** Chunks between IHDR and IDAT, and after IDAT. */
  before?: Buffer[];
  after?: Buffer[];
  /** Split IDAT into chunks of this many bytes. */
  idatSize?: number;
}

function writePng(image: Image, options: WriteOptions = {}): Buffer {
  const bits = CHANNELS[image.colorType] * image.bitDepth;
  const bpp = Math.max(1, bits >> 3);
  const filterFor = options.filterFor ?? (() => 0);
  let filtered: Buffer;
  if (options.interlace === true) {
    const parts: Buffer[] = [];
    for (const [x0, y0, dx, dy] of ADAM7) {
      const width = Math.max(0, Math.ceil((image.width - x0) / dx));
      const height = Math.max(0, Math.ceil((image.height - y0) / dy));
      if (width === 0 || height === 0) continue;
      const stride = rowBytes(image, width);
      const pass = Buffer.alloc(stride * height);
      for (let y = 0; y < height; y++) {
        for (let x = 0; x < width; x++) copyPixelBits(image.raster, rowBytes(image), x0 + x * dx, y0 + y * dy, pass, stride, x, y, bits);
      }
      parts.push(filterRows(pass, stride, bpp, filterFor));
    }
    filtered = Buffer.concat(parts);
  } else {
    filtered = filterRows(image.raster, rowBytes(image), bpp, filterFor);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(image.width, 0);
  ihdr.writeUInt32BE(image.height, 4);
  ihdr.set([image.bitDepth, image.colorType, 0, 0, options.interlace === true ? 1 : 0], 8);
  const compressed = deflateSync(filtered, { level: options.level ?? 6 });
  const idat: Buffer[] = [];
  const size = options.idatSize ?? compressed.length;
  for (let at = 0; at < compressed.length; at += size) idat.push(chunk('IDAT', compressed.subarray(at, at + size)));
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    ...(options.before ?? []),
    ...idat,
    ...(options.after ?? []),
    chunk('IEND'),
  ]);
}

function tIME(iso: string): Buffer {
  const d = new Date(iso);
  const data = Buffer.alloc(7);
  data.writeUInt16BE(d.getUTCFullYear(), 0);
  data.set([d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()], 2);
  return chunk('tIME', data);
}

const tEXt = (keyword: string, text: string): Buffer => chunk('tEXt', Buffer.from(`${keyword}\0${text}`, 'latin1'));
const zTXt = (keyword: string, text: string): Buffer =>
  chunk('zTXt', Buffer.concat([Buffer.from(`${keyword}\0\0`, 'latin1'), deflateSync(Buffer.from(text, 'latin1'))]));
const iTXt = (keyword: string, text: string, compressed: boolean): Buffer =>
  chunk('iTXt', Buffer.concat([Buffer.from(`${keyword}\0${compressed ? '\x01' : '\x00'}\0en\0Titel\0`, 'latin1'), compressed ? deflateSync(Buffer.from(text)) : Buffer.from(text)]));

/** A seeded RGB8 test card. */
function testCard(width = 37, height = 23, colorType = 2, bitDepth = 8, seed = 1): Image {
  const image: Image = { width, height, colorType, bitDepth, raster: Buffer.alloc(0) };
  const next = mulberry32(seed);
  image.raster = Buffer.alloc(rowBytes(image) * height);
  for (let i = 0; i < image.raster.length; i++) image.raster[i] = (i * 7 + (next() & 0x1f)) & 0xff;
  // Unused low bits of the last byte of each row must be zero to compare sub-byte rasters.
  const bits = CHANNELS[colorType] * bitDepth;
  const spare = rowBytes(image) * 8 - width * bits;
  if (spare > 0) for (let y = 0; y < height; y++) image.raster[(y + 1) * rowBytes(image) - 1] &= (0xff << spare) & 0xff;
  return image;
}

let root = '';
beforeAll(async () => {
  root = await tempDir('vitsnap-png-');
});
afterAll(async () => {
  await removeDir(root);
});

describe('png comparator: metadata versus pixels', () => {
  const card = testCard();

  it('finds only tIME and tEXt differing, with identical pixels', () => {
    const before = writePng(card, { before: [tIME('2020-01-01T00:00:00Z'), tEXt('Comment', 'built on host-a')] });
    const after = writePng(card, { before: [tIME('2024-05-06T07:08:09Z'), tEXt('Comment', 'built on host-b')] });
    const children = compare(before, after);
    expect(paths(children)).toEqual([`${PATH}:tIME`, `${PATH}:tEXt Comment`]);
    expect(children[0]?.detail).toEqual({ type: 'field', name: 'tIME', before: '2020-01-01T00:00:00Z', after: '2024-05-06T07:08:09Z' });
    expect(children[0]?.summary).toBe('tIME differs: 2020-01-01T00:00:00Z → 2024-05-06T07:08:09Z (pixels are identical)');
    expect(children[1]?.detail).toEqual({ type: 'field', name: 'tEXt Comment', before: 'built on host-a', after: 'built on host-b' });
    expect(children.every((c) => c.comparator === 'png' && c.causes.length === 0)).toBe(true);
    expect(pngComparator.describe(PATH, children)).toBe('only metadata differs (tIME, tEXt Comment); pixels are identical');
  });

  it('reports nothing for the same file twice', () => {
    const png = writePng(card, { before: [tIME('2020-01-01T00:00:00Z')] });
    expect(compare(png, Buffer.from(png))).toEqual([]);
  });

  it('reports a tIME chunk that only one side has in the chunk list', () => {
    const before = writePng(card, { before: [tIME('2020-01-01T00:00:00Z')] });
    const after = writePng(card);
    const children = compare(before, after);
    expect(paths(children)).toEqual([`${PATH}:chunks`, `${PATH}:tIME`]);
    expect(children[0]?.detail).toEqual({ type: 'order', before: ['IHDR', 'tIME', 'IDAT', 'IEND'], after: ['IHDR', 'IDAT', 'IEND'] });
    expect(children[0]?.summary).toBe('chunk list differs: tIME removed (pixels are identical)');
    expect(children[1]?.detail).toMatchObject({ before: '2020-01-01T00:00:00Z', after: '(none)' });
  });

  it('decodes zTXt and iTXt (compressed and not), and reports keywords added and removed', () => {
    const before = writePng(card, { after: [zTXt('Software', 'encoder 1.0'), iTXt('Title', 'Grüße', true), tEXt('Old', 'x')] });
    const after = writePng(card, { after: [zTXt('Software', 'encoder 1.1'), iTXt('Title', 'Grüße!', false), tEXt('New', 'y')] });
    const children = compare(before, after);
    expect(children.map((c) => [c.path, c.detail])).toEqual([
      [`${PATH}:zTXt Software`, { type: 'field', name: 'zTXt Software', before: 'encoder 1.0', after: 'encoder 1.1' }],
      [`${PATH}:iTXt Title`, { type: 'field', name: 'iTXt Title', before: 'Grüße [en, Titel]', after: 'Grüße! [en, Titel]' }],
      [`${PATH}:tEXt Old`, { type: 'field', name: 'tEXt Old', before: 'x', after: '(none)' }],
      [`${PATH}:tEXt New`, { type: 'field', name: 'tEXt New', before: '(none)', after: 'y' }],
    ]);
    expect(children[2]?.summary).toBe('tEXt Old removed: "x" (pixels are identical)');
  });

  it('sees through other filters, compression levels and IDAT splits: pixels identical', () => {
    const before = writePng(card, { filterFor: () => 0, level: 9 });
    const after = writePng(card, { filterFor: (row) => row % 5, level: 1, idatSize: 100 });
    const children = compare(before, after);
    expect(paths(children)).toEqual([`${PATH}:chunks`, `${PATH}:IDAT`]);
    expect(children[1]?.summary).toBe('IDAT bytes differ but the decoded pixels are identical (other compression or filtering)');
    expect(pngComparator.describe(PATH, children)).toBe('only the IDAT compression differs; pixels are identical');
  });

  it('agrees with a PNG that python3 writes (zlib + struct) for the same pixels', async () => {
    const script = `import struct, sys, zlib
w, h = int(sys.argv[2]), int(sys.argv[3])
raster = open(sys.argv[4], 'rb').read()
stride = w * 3
rows = b''.join(b'\\x00' + raster[y * stride:(y + 1) * stride] for y in range(h))
def chunk(t, d):
    return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
png = b'\\x89PNG\\r\\n\\x1a\\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 2, 0, 0, 0))
png += chunk(b'tEXt', b'Software\\x00python zlib') + chunk(b'IDAT', zlib.compress(rows, 9)) + chunk(b'IEND', b'')
open(sys.argv[1], 'wb').write(png)
`;
    const rasterPath = join(root, 'card.raw');
    const pngPath = join(root, 'card.png');
    await writeFile(rasterPath, card.raster);
    await runTool('python3', ['-c', script, pngPath, String(card.width), String(card.height), rasterPath]);
    const fromPython = await readFile(pngPath);
    const fromTest = writePng(card, { filterFor: () => 4, before: [tEXt('Software', 'vitsnap test')] });
    const children = compare(fromPython, fromTest);
    expect(paths(children)).toEqual([`${PATH}:tEXt Software`, `${PATH}:IDAT`]);
    expect(pngComparator.describe(PATH, children)).toBe('only metadata differs (tEXt Software, and the IDAT compression); pixels are identical');
  });

  it('locates a changed pixel by row', () => {
    const changed: Image = { ...card, raster: Buffer.from(card.raster) };
    changed.raster[rowBytes(card) * 3 + 10] ^= 0xff;
    const children = compare(writePng(card), writePng(changed));
    expect(paths(children)).toEqual([`${PATH}:pixels`]);
    expect(children[0]?.kind).toBe('bytes');
    expect(children[0]?.summary).toBe(`pixel data differs: 1 of ${card.raster.length} sample bytes in row 3`);
    expect(children[0]?.detail).toMatchObject({ type: 'bytes', changedBytes: 1, ranges: [{ oldOffset: rowBytes(card) * 3 + 10, oldLength: 1 }] });
    expect(pngComparator.describe(PATH, children)).toBe(children[0]?.summary);
  });

  it('de-interlaces Adam7 at every bit depth: interlaced and plain encodings of one image have the same pixels', () => {
    const cases: [number, number][] = [[0, 1], [0, 2], [0, 4], [0, 8], [0, 16], [2, 8], [2, 16], [3, 4], [4, 8], [6, 8], [6, 16]];
    for (const [colorType, bitDepth] of cases) {
      const image = testCard(13, 11, colorType, bitDepth, colorType * 100 + bitDepth);
      const plte = colorType === 3 ? [chunk('PLTE', Buffer.alloc(48, 0x80))] : [];
      const plain = writePng(image, { before: plte });
      const interlaced = writePng(image, { interlace: true, filterFor: (row) => (row * 3) % 5, before: plte });
      const children = compare(plain, interlaced);
      expect([colorType, bitDepth, paths(children)]).toEqual([colorType, bitDepth, [`${PATH}:IHDR interlace`, `${PATH}:IDAT`]]);
      expect(pngComparator.describe(PATH, children)).toBe('IHDR interlace differs; the decoded samples are identical');
      // And one changed pixel in an interlaced image is found in its row.
      const changed: Image = { ...image, raster: Buffer.from(image.raster) };
      changed.raster[rowBytes(image) * 6] ^= 0x80;
      const moved = compare(interlaced, writePng(changed, { interlace: true, before: plte }));
      expect(moved.map((c) => c.summary)).toEqual([`pixel data differs: 1 of ${image.raster.length} sample bytes in row 6`]);
    }
  });

  it('treats a palette change as a pixel-affecting chunk', () => {
    const image = testCard(8, 8, 3, 4, 5);
    const before = writePng(image, { before: [chunk('PLTE', Buffer.alloc(48, 0x10))] });
    const after = writePng(image, { before: [chunk('PLTE', Buffer.alloc(48, 0x20))] });
    const children = compare(before, after);
    expect(paths(children)).toEqual([`${PATH}:PLTE`]);
    expect(children[0]?.summary).toBe('PLTE chunk: 48 of 48 bytes differ in 1 range');
    expect(pngComparator.describe(PATH, children)).toBe('PLTE differs; the decoded samples are identical');
  });
});

describe('png comparator: hostile input', () => {
  const card = testCard();
  const good = writePng(card, { before: [tIME('2020-01-01T00:00:00Z')] });

  it('falls back with a reason on truncated files and bad CRCs', () => {
    expect(fallbackReason(good.subarray(0, good.length - 20), good)).toMatch(/^old file: PNG: IDAT chunk (data|CRC) at offset 0x[0-9a-f]+ \(\d+ bytes\) runs past the end of the file \(\d+ bytes\)$/);
    expect(fallbackReason(good.subarray(0, 5), good)).toBe('old file: PNG: signature at offset 0x0 (8 bytes) runs past the end of the file (5 bytes)');
    const badCrc = Buffer.from(good);
    badCrc[8 + 8 + 3] ^= 1; // a byte of IHDR's width
    expect(fallbackReason(good, badCrc)).toMatch(/^new file: PNG: IHDR chunk at offset 0x8 has CRC 0x[0-9a-f]{8}, its bytes give 0x[0-9a-f]{8}$/);
    const noEnd = good.subarray(0, good.length - 12);
    expect(fallbackReason(noEnd, good)).toBe('old file: PNG: the file ends after 3 chunks without IEND');
  });

  it('falls back on random bytes behind the signature, quickly', () => {
    const next = mulberry32(9);
    for (let i = 0; i < 300; i++) {
      const junk = Buffer.alloc(16 + (next() % 1024));
      for (let j = 0; j < junk.length; j++) junk[j] = next() & 0xff;
      good.copy(junk, 0, 0, 8);
      expect(fallbackReason(junk, good)).toMatch(/^old file: PNG: /);
    }
  });

  it('does not inflate a pixel bomb past what IHDR describes', () => {
    const bomb = Buffer.concat([
      good.subarray(0, 8),
      chunk('IHDR', Buffer.from([0, 0, 0, 16, 0, 0, 0, 16, 8, 0, 0, 0, 0])),
      chunk('IDAT', deflateSync(Buffer.alloc(64 * 1024 * 1024))),
      chunk('IEND'),
    ]);
    const plain = writePng({ width: 16, height: 16, colorType: 0, bitDepth: 8, raster: Buffer.alloc(256) });
    const children = compare(plain, bomb);
    expect(children.map((c) => c.summary)).toEqual([
      expect.stringMatching(/^IDAT: size \d+ → \d+ bytes, \d+ bytes differ in \d+ ranges?; pixels not compared: new file: IDAT inflates to more than the 272 bytes IHDR describes$/),
    ]);
  });

  it('declines to decode an image larger than the expansion limit', () => {
    const huge = (zeros: number): Buffer =>
      Buffer.concat([
        good.subarray(0, 8),
        chunk('IHDR', Buffer.from([0x7f, 0xff, 0xff, 0xff, 0x7f, 0xff, 0xff, 0xff, 8, 6, 0, 0, 0])),
        chunk('IDAT', deflateSync(Buffer.alloc(zeros))),
        chunk('IEND'),
      ]);
    const children = compare(huge(10), huge(11));
    expect(paths(children)).toEqual([`${PATH}:IDAT`]);
    expect(children[0]?.summary).toMatch(/; pixels not compared: old file: the image would decode to \d+ bytes, more than the limit of 268435456$/);
    expect(pngComparator.describe(PATH, children)).toBe(children[0]?.summary);
  });

  it('summarises a zTXt that inflates past the text limit instead of expanding it', () => {
    const small = { ...ctx, limits: { ...DEFAULT_LIMITS, maxExpandedBytes: 1000 } };
    const a = writePng(card, { after: [zTXt('XML', 'x'.repeat(5000))] });
    const b = writePng(card, { after: [zTXt('XML', 'y'.repeat(5000))] });
    const [text] = compare(a, b, small);
    expect(text?.detail).toMatchObject({
      type: 'field',
      before: expect.stringMatching(/^\(compressed text of \d+ bytes that inflates past 1000 bytes; sha256 [0-9a-f]{64}\)$/),
    });
  });
});
