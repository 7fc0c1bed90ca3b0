/**
 * xz (.xz file format 1.1.0): what can be known without an LZMA2 decoder — streams, check type,
 * the filter chain and dictionary size of each stream's first block, and the index (block count,
 * uncompressed size). Streams are found from the end, footer → index → header, as xz does.
 */
import { ArchiveFormatError, formatSize, take } from './bytes.js';

const HEADER_MAGIC = Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]);
const FOOTER_MAGIC = Buffer.from('YZ', 'latin1');
const MAX_STREAMS = 1000;
const MAX_RECORDS = 100_000;

export interface XzStream {
  offset: number;
  length: number;
  checkType: number;
  /** Filters of the first block, e.g. `x86 BCJ, LZMA2 (dictionary 8 MiB)`; empty without blocks. */
  filters: string;
  blocks: number;
  uncompressedSize: number;
  /** Zero bytes of stream padding after this stream. */
  padding: number;
}

export function isXz(head: Buffer): boolean {
  return head.length >= 6 && head.subarray(0, 6).equals(HEADER_MAGIC);
}

export const CHECK_NAMES: Record<number, string> = { 0: 'none', 1: 'CRC32', 4: 'CRC64', 10: 'SHA-256' };

const FILTER_NAMES: Record<number, string> = {
  0x03: 'delta', 0x04: 'x86 BCJ', 0x05: 'PowerPC BCJ', 0x06: 'IA-64 BCJ', 0x07: 'ARM BCJ', 0x08: 'ARM-Thumb BCJ',
  0x09: 'SPARC BCJ', 0x0a: 'ARM64 BCJ', 0x0b: 'RISC-V BCJ', 0x21: 'LZMA2',
};

/** A multibyte integer (1–9 bytes, 7 bits each, little-endian). */
export function readVli(buf: Buffer, at: number, what: string): [number, number] {
  let value = 0;
  for (let i = 0; i < 9; i++) {
    const byte = take(buf, at + i, 1, what)[0] ?? 0;
    value += (byte & 0x7f) * 2 ** (7 * i);
    if (!(byte & 0x80)) {
      if (!Number.isSafeInteger(value)) throw new ArchiveFormatError(`${what}: value too large`);
      return [value, at + i + 1];
    }
  }
  throw new ArchiveFormatError(`${what}: integer longer than 9 bytes`);
}

function lzma2Dictionary(props: Buffer): string {
  const bits = props[0] ?? 0;
  if (bits > 40) return 'invalid dictionary size';
  const size = bits === 40 ? 0xffffffff : (2 | (bits & 1)) * 2 ** (Math.floor(bits / 2) + 11);
  return `dictionary ${formatSize(size)}`;
}

function describeFilters(buf: Buffer, at: number, end: number): string {
  const what = `xz block header at offset ${at}`;
  const sizeByte = take(buf, at, 1, what)[0] ?? 0;
  if (sizeByte === 0) return '';
  const headerEnd = at + (sizeByte + 1) * 4;
  if (headerEnd > end) throw new ArchiveFormatError(`${what}: runs past the stream`);
  const flags = take(buf, at + 1, 1, what)[0] ?? 0;
  let p = at + 2;
  if (flags & 0x40) p = readVli(buf, p, `${what}: compressed size`)[1];
  if (flags & 0x80) p = readVli(buf, p, `${what}: uncompressed size`)[1];
  const filters: string[] = [];
  for (let i = 0; i <= (flags & 3); i++) {
    const [id, afterId] = readVli(buf, p, `${what}: filter id`);
    const [size, afterSize] = readVli(buf, afterId, `${what}: filter properties size`);
    if (afterSize + size > headerEnd) throw new ArchiveFormatError(`${what}: filter properties run past the header`);
    const props = buf.subarray(afterSize, afterSize + size);
    const name = FILTER_NAMES[id] ?? `filter 0x${id.toString(16)}`;
    filters.push(id === 0x21 ? `${name} (${lzma2Dictionary(props)})` : name);
    p = afterSize + size;
  }
  return filters.join(', ');
}

function readStream(buf: Buffer, footerEnd: number, padding: number): XzStream {
  const footer = take(buf, footerEnd - 12, 12, 'xz stream footer');
  if (!footer.subarray(10, 12).equals(FOOTER_MAGIC)) throw new ArchiveFormatError(`no xz stream footer magic at offset ${footerEnd - 2}`);
  const indexSize = (footer.readUInt32LE(4) + 1) * 4;
  const indexStart = footerEnd - 12 - indexSize;
  const index = take(buf, indexStart, indexSize, 'xz index');
  if (index[0] !== 0) throw new ArchiveFormatError(`no xz index indicator at offset ${indexStart}`);
  const [records, first] = readVli(index, 1, 'xz index record count');
  let at = first;
  if (records > MAX_RECORDS) throw new ArchiveFormatError(`xz index lists ${records} blocks, over the cap of ${MAX_RECORDS}`);
  let blocksLength = 0;
  let uncompressedSize = 0;
  for (let i = 0; i < records; i++) {
    let unpadded: number;
    let uncompressed: number;
    [unpadded, at] = readVli(index, at, `xz index record ${i + 1}`);
    [uncompressed, at] = readVli(index, at, `xz index record ${i + 1}`);
    blocksLength += Math.ceil(unpadded / 4) * 4;
    uncompressedSize += uncompressed;
  }
  const offset = indexStart - blocksLength - 12;
  const header = take(buf, offset, 12, 'xz stream header (from the index)');
  if (!header.subarray(0, 6).equals(HEADER_MAGIC)) throw new ArchiveFormatError(`xz index does not lead to a stream header (offset ${offset})`);
  if (!header.subarray(6, 8).equals(footer.subarray(8, 10))) throw new ArchiveFormatError('xz stream header and footer flags differ');
  return {
    offset,
    length: footerEnd - offset,
    checkType: (header[7] ?? 0) & 0x0f,
    filters: records > 0 ? describeFilters(buf, offset + 12, indexStart) : '',
    blocks: records,
    uncompressedSize,
    padding,
  };
}

/** Every stream, first to last; ArchiveFormatError with the offset of what does not add up. */
export function parseXz(buf: Buffer): XzStream[] {
  const streams: XzStream[] = [];
  let end = buf.length;
  while (end > 0) {
    if (streams.length >= MAX_STREAMS) throw new ArchiveFormatError(`more than ${MAX_STREAMS} xz streams`);
    let padding = 0;
    while (end - padding >= 4 && buf.readUInt32LE(end - padding - 4) === 0) padding += 4;
    if (padding === end) break;
    const stream = readStream(buf, end - padding, padding);
    streams.unshift(stream);
    end = stream.offset;
  }
  if (streams.length === 0) throw new ArchiveFormatError('no xz stream found');
  return streams;
}
