/**
 * PNG (ISO/IEC 15948, W3C PNG 3rd ed.): signature, chunks with CRCs, IHDR, tIME, the text chunks
 * (tEXt, zTXt, iTXt) and the image data, inflated with an output cap derived from IHDR and
 * unfiltered, so "pixels identical" means the samples are, whatever the encoder's compression or
 * filter choices.
 */
import { createHash } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import { ByteView, hex } from './bytes.js';

export const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface PngChunk {
  type: string;
  offset: number;
  data: Buffer;
}

export interface PngHeader {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  compression: number;
  filter: number;
  interlace: number;
}

export interface PngText {
  chunk: 'tEXt' | 'zTXt' | 'iTXt';
  keyword: string;
  /** iTXt language tag and translated keyword, when present. */
  language: string;
  translated: string;
  text: string;
}

export interface PngFile {
  header: PngHeader;
  chunks: PngChunk[];
  texts: PngText[];
  /** tIME as an ISO date (UTC per the spec). */
  time: string | undefined;
  /** Bytes after IEND. */
  trailing: Buffer;
}

export type PixelResult =
  | { ok: true; pixels: Buffer; rowBytes: number; rows: number }
  | { ok: false; reason: string };

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(...parts: Buffer[]): number {
  let crc = 0xffffffff;
  for (const part of parts) {
    for (let i = 0; i < part.length; i++) crc = (CRC_TABLE[(crc ^ (part[i] as number)) & 0xff] as number) ^ (crc >>> 8);
  }
  return (crc ^ 0xffffffff) >>> 0;
}

/** Samples per pixel for each colour type. */
const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const ALLOWED_DEPTHS: Record<number, number[]> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };

/** Text chunks are small; one that inflates past this is summarised instead of expanded. */
export const MAX_TEXT_BYTES = 8 * 1024 * 1024;

/** Inflates a compressed text; a too-large one becomes a marker naming its size and digest, never a fallback. */
function inflateText(view: ByteView, data: Buffer, max: number, what: string): string | undefined {
  try {
    return inflateSync(data, { maxOutputLength: Math.max(1, max) }).toString('latin1');
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return undefined;
    const message = error instanceof Error ? error.message : String(error);
    return view.fail(`${what} does not inflate: ${message}`);
  }
}

function oversized(data: Buffer, max: number): string {
  return `(compressed text of ${data.length} bytes that inflates past ${max} bytes; sha256 ${createHash('sha256').update(data).digest('hex')})`;
}

function readHeader(view: ByteView, data: Buffer): PngHeader {
  if (data.length !== 13) view.fail(`IHDR has ${data.length} bytes, not 13`);
  const header: PngHeader = {
    width: data.readUInt32BE(0),
    height: data.readUInt32BE(4),
    bitDepth: data[8] as number,
    colorType: data[9] as number,
    compression: data[10] as number,
    filter: data[11] as number,
    interlace: data[12] as number,
  };
  if (header.width === 0 || header.height === 0 || header.width > 0x7fffffff || header.height > 0x7fffffff) {
    view.fail(`IHDR size ${header.width}×${header.height} is outside 1…2^31-1`);
  }
  const depths = ALLOWED_DEPTHS[header.colorType];
  if (depths === undefined) view.fail(`IHDR colour type ${header.colorType} is not one of 0, 2, 3, 4, 6`);
  if (!depths.includes(header.bitDepth)) view.fail(`IHDR bit depth ${header.bitDepth} is not allowed for colour type ${header.colorType}`);
  if (header.compression !== 0 || header.filter !== 0 || header.interlace > 1) {
    view.fail(`IHDR compression ${header.compression}, filter ${header.filter}, interlace ${header.interlace}: only 0, 0, 0/1 exist`);
  }
  return header;
}

function readText(view: ByteView, chunk: PngChunk, maxBytes: number): PngText {
  const { data, type } = chunk;
  const what = `${type} chunk at offset ${hex(chunk.offset)}`;
  const nul = data.indexOf(0);
  if (nul < 1 || nul > 79) view.fail(`${what} has no keyword of 1–79 bytes`);
  const keyword = data.toString('latin1', 0, nul);
  if (type === 'tEXt') return { chunk: type, keyword, language: '', translated: '', text: data.toString('latin1', nul + 1) };
  if (type === 'zTXt') {
    if (data[nul + 1] !== 0) view.fail(`${what} uses compression method ${data[nul + 1]}, not 0`);
    const body = data.subarray(nul + 2);
    const text = inflateText(view, body, maxBytes, what) ?? oversized(body, maxBytes);
    return { chunk: type, keyword, language: '', translated: '', text };
  }
  // iTXt: keyword, compression flag, method, language tag, translated keyword, text.
  const flag = data[nul + 1];
  const method = data[nul + 2];
  if (flag === undefined || method === undefined || flag > 1) view.fail(`${what} has a bad compression flag`);
  const languageEnd = data.indexOf(0, nul + 3);
  const translatedEnd = languageEnd < 0 ? -1 : data.indexOf(0, languageEnd + 1);
  if (translatedEnd < 0) view.fail(`${what} lacks the NULs after its language tag and translated keyword`);
  const language = data.toString('latin1', nul + 3, languageEnd);
  const translated = data.toString('utf8', languageEnd + 1, translatedEnd);
  const body = data.subarray(translatedEnd + 1);
  if (flag === 1 && method !== 0) view.fail(`${what} uses compression method ${method}, not 0`);
  const inflated = flag === 1 ? inflateText(view, body, maxBytes, what) : body.toString('latin1');
  const text = inflated === undefined ? oversized(body, maxBytes) : Buffer.from(inflated, 'latin1').toString('utf8');
  return { chunk: 'iTXt', keyword, language, translated, text };
}

function readTime(view: ByteView, chunk: PngChunk): string {
  const d = chunk.data;
  if (d.length !== 7) view.fail(`tIME at offset ${hex(chunk.offset)} has ${d.length} bytes, not 7`);
  const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
  return `${pad(d.readUInt16BE(0), 4)}-${pad(d[2] as number)}-${pad(d[3] as number)}T${pad(d[4] as number)}:${pad(d[5] as number)}:${pad(d[6] as number)}Z`;
}

export function parsePng(buf: Buffer, maxTextBytes: number): PngFile {
  const view: ByteView = new ByteView(buf, 'be', 'PNG');
  view.check(0, 8, 'signature');
  if (!buf.subarray(0, 8).equals(PNG_SIGNATURE)) view.fail('no PNG signature');
  const chunks: PngChunk[] = [];
  let at = 8;
  let ended = false;
  // Each chunk consumes at least 12 bytes, so this ends.
  while (!ended) {
    const length = view.u32(at, `chunk ${chunks.length} length`);
    if (length > 0x7fffffff) view.fail(`chunk ${chunks.length} at offset ${hex(at)} claims ${length} bytes (the limit is 2^31-1)`);
    const typeBytes = view.bytes(at + 4, 4, `chunk ${chunks.length} type`);
    const type = typeBytes.toString('latin1');
    if (!/^[A-Za-z]{4}$/.test(type)) view.fail(`chunk ${chunks.length} at offset ${hex(at)} has type ${JSON.stringify(type)}, not four letters`);
    const data = view.bytes(at + 8, length, `${type} chunk data`);
    const stored = view.u32(at + 8 + length, `${type} chunk CRC`);
    const computed = crc32(typeBytes, data);
    if (stored !== computed) view.fail(`${type} chunk at offset ${hex(at)} has CRC ${hex(stored, 8)}, its bytes give ${hex(computed, 8)}`);
    chunks.push({ type, offset: at, data });
    at += 12 + length;
    if (type === 'IEND') ended = true;
    else if (at === buf.length) view.fail(`the file ends after ${chunks.length} chunks without IEND`);
  }
  const first = chunks[0];
  if (first === undefined || first.type !== 'IHDR') view.fail(`the first chunk is ${first?.type ?? 'missing'}, not IHDR`);
  const header = readHeader(view, first.data);
  const texts = chunks.filter((c) => c.type === 'tEXt' || c.type === 'zTXt' || c.type === 'iTXt').map((c) => readText(view, c, maxTextBytes));
  const timeChunk = chunks.find((c) => c.type === 'tIME');
  return { header, chunks, texts, time: timeChunk === undefined ? undefined : readTime(view, timeChunk), trailing: buf.subarray(at) };
}

/** The seven Adam7 passes: start column, start row, column step, row step. */
const ADAM7: ReadonlyArray<[number, number, number, number]> = [
  [0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2],
];

interface Pass {
  x0: number;
  y0: number;
  dx: number;
  dy: number;
  width: number;
  height: number;
}

function passes(header: PngHeader): Pass[] {
  if (header.interlace === 0) return [{ x0: 0, y0: 0, dx: 1, dy: 1, width: header.width, height: header.height }];
  return ADAM7.map(([x0, y0, dx, dy]) => ({
    x0,
    y0,
    dx,
    dy,
    width: Math.max(0, Math.ceil((header.width - x0) / dx)),
    height: Math.max(0, Math.ceil((header.height - y0) / dy)),
  }));
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** Copies pixel `from` of a pass row into pixel `to` of an image row, for any bit depth. */
function copyPixel(source: Buffer, sourceRow: number, from: number, target: Buffer, targetRow: number, to: number, bits: number): void {
  if (bits >= 8) {
    const bytes = bits >> 3;
    source.copy(target, targetRow + to * bytes, sourceRow + from * bytes, sourceRow + (from + 1) * bytes);
    return;
  }
  const perByte = 8 / bits;
  const mask = (1 << bits) - 1;
  const fromShift = 8 - bits * ((from % perByte) + 1);
  const value = ((source[sourceRow + Math.floor(from / perByte)] as number) >> fromShift) & mask;
  const toIndex = targetRow + Math.floor(to / perByte);
  const toShift = 8 - bits * ((to % perByte) + 1);
  target[toIndex] = ((target[toIndex] as number) & ~(mask << toShift)) | (value << toShift);
}

/**
 * The image's samples as one raster, top row first: IDAT inflated (never past what IHDR
 * describes, nor `maxBytes`), every scanline unfiltered, and Adam7 passes put back in place. Two
 * images have the same pixels exactly when these bytes and their IHDR size, depth and colour type
 * are equal, whatever the compression, filters or interlacing.
 */
export function decodePixels(file: PngFile, maxBytes: number): PixelResult {
  const { header } = file;
  const bitsPerPixel = (CHANNELS[header.colorType] ?? 1) * header.bitDepth;
  const bpp = Math.max(1, bitsPerPixel >> 3);
  const layout = passes(header).filter((p) => p.width > 0 && p.height > 0);
  const expected = layout.reduce((sum, p) => sum + p.height * (1 + Math.ceil((p.width * bitsPerPixel) / 8)), 0);
  const rowBytes = Math.ceil((header.width * bitsPerPixel) / 8);
  // The inflated data, one pass's rows and the raster live at once.
  if (expected + 2 * rowBytes * header.height > maxBytes) {
    return { ok: false, reason: `the image would decode to ${expected} bytes, more than the limit of ${maxBytes}` };
  }
  const compressed = Buffer.concat(file.chunks.filter((c) => c.type === 'IDAT').map((c) => c.data));
  if (compressed.length === 0) return { ok: false, reason: 'there is no IDAT chunk' };
  let filtered: Buffer;
  try {
    filtered = inflateSync(compressed, { maxOutputLength: expected });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return { ok: false, reason: `IDAT inflates to more than the ${expected} bytes IHDR describes` };
    return { ok: false, reason: `IDAT does not inflate: ${error instanceof Error ? error.message : String(error)}` };
  }
  if (filtered.length !== expected) return { ok: false, reason: `IDAT inflates to ${filtered.length} bytes; IHDR describes ${expected}` };
  const raster = Buffer.alloc(rowBytes * header.height);
  let input = 0;
  let scanline = 0;
  for (const pass of layout) {
    const passRowBytes = Math.ceil((pass.width * bitsPerPixel) / 8);
    // Unfiltered in place of the filter bytes' successors: rows of this pass, one after another.
    const rows = Buffer.alloc(passRowBytes * pass.height);
    for (let y = 0; y < pass.height; y++, scanline++) {
      const filter = filtered[input++] as number;
      if (filter > 4) return { ok: false, reason: `scanline ${scanline} uses filter type ${filter}; only 0–4 exist` };
      const row = y * passRowBytes;
      const prior = row - passRowBytes;
      for (let x = 0; x < passRowBytes; x++) {
        const raw = filtered[input++] as number;
        const left = x >= bpp ? (rows[row + x - bpp] as number) : 0;
        const up = y > 0 ? (rows[prior + x] as number) : 0;
        const upLeft = y > 0 && x >= bpp ? (rows[prior + x - bpp] as number) : 0;
        const predictor = filter === 0 ? 0 : filter === 1 ? left : filter === 2 ? up : filter === 3 ? (left + up) >> 1 : paeth(left, up, upLeft);
        rows[row + x] = (raw + predictor) & 0xff;
      }
    }
    if (header.interlace === 0) {
      rows.copy(raster);
      continue;
    }
    for (let y = 0; y < pass.height; y++) {
      const targetRow = (pass.y0 + y * pass.dy) * rowBytes;
      for (let x = 0; x < pass.width; x++) copyPixel(rows, y * passRowBytes, x, raster, targetRow, pass.x0 + x * pass.dx, bitsPerPixel);
    }
  }
  return { ok: true, pixels: raster, rowBytes, rows: header.height };
}
