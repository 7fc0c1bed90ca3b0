/**
 * SHA-256 integrity checks for xz, which xz-embedded refuses. Streams with a SHA-256 check are
 * rewritten to check type None (header and footer flags, block checks cut out, index sizes
 * reduced), xz-embedded decodes that (validating the index against the blocks), and we verify
 * each block's SHA-256 over its uncompressed bytes ourselves.
 */
import { createHash } from 'node:crypto';
import { crc32 } from 'node:zlib';
import { ArchiveFormatError, take } from './bytes.js';
import { parseXz, readVli } from './xz-reader.js';

const SHA256 = 10;
const CHECK_SIZE = 32;

export interface Sha256Plan {
  /** The file with every SHA-256 stream turned into a check-None stream. */
  rewritten: Buffer;
  /** Every block of every stream in output order: its size, and the digest when SHA-256. */
  blocks: Array<{ size: number; digest: Buffer | undefined }>;
}

function vli(value: number): number[] {
  const out: number[] = [];
  let v = value;
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
  return out;
}

function u32(value: number): Buffer {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(value >>> 0);
  return b;
}

const CORRUPT = 'xz decoder: corrupt data (or a failed integrity check)';

/** Undefined when no stream uses SHA-256: the file is decoded as it is. */
export function planSha256(input: Buffer): Sha256Plan | undefined {
  const streams = parseXz(input);
  if (!streams.some((s) => s.checkType === SHA256)) return undefined;
  const parts: Buffer[] = [];
  const blocks: Sha256Plan['blocks'] = [];
  for (const stream of streams) {
    const end = stream.offset + stream.length;
    const footer = take(input, end - 12, 12, 'xz stream footer');
    const indexSize = (footer.readUInt32LE(4) + 1) * 4;
    const indexStart = end - 12 - indexSize;
    const index = take(input, indexStart, indexSize, 'xz index');
    const sha = stream.checkType === SHA256;
    if (sha) {
      const header = take(input, stream.offset, 12, 'xz stream header');
      if (crc32(header.subarray(6, 8)) !== header.readUInt32LE(8)) throw new ArchiveFormatError(`${CORRUPT}: stream header CRC32 mismatch at offset ${stream.offset}`);
      if (crc32(footer.subarray(4, 10)) !== footer.readUInt32LE(0)) throw new ArchiveFormatError(`${CORRUPT}: stream footer CRC32 mismatch`);
      if (crc32(index.subarray(0, indexSize - 4)) !== index.readUInt32LE(indexSize - 4)) throw new ArchiveFormatError(`${CORRUPT}: index CRC32 mismatch`);
    }
    const [count, first] = readVli(index, 1, 'xz index record count');
    let at = first;
    let block = stream.offset + 12;
    const records: number[] = [0];
    const kept: Buffer[] = [];
    for (let i = 0; i < count; i++) {
      let unpadded: number;
      let size: number;
      [unpadded, at] = readVli(index, at, `xz index record ${i + 1}`);
      [size, at] = readVli(index, at, `xz index record ${i + 1}`);
      const total = Math.ceil(unpadded / 4) * 4;
      if (sha) {
        if (unpadded <= CHECK_SIZE) throw new ArchiveFormatError(`${CORRUPT}: block ${i + 1} is smaller than its check`);
        kept.push(take(input, block, total - CHECK_SIZE, `xz block ${i + 1}`));
        blocks.push({ size, digest: take(input, block + total - CHECK_SIZE, CHECK_SIZE, `xz block ${i + 1} check`) });
        records.push(...vli(unpadded - CHECK_SIZE), ...vli(size));
      } else {
        blocks.push({ size, digest: undefined });
      }
      block += total;
    }
    const streamEnd = end + stream.padding;
    if (!sha) {
      parts.push(input.subarray(stream.offset, streamEnd));
      continue;
    }
    const body = Buffer.from([0, ...vli(count), ...records.slice(1)]);
    const newIndex = Buffer.concat([body, Buffer.alloc((4 - (body.length % 4)) % 4)]);
    const indexWithCrc = Buffer.concat([newIndex, u32(crc32(newIndex))]);
    const flags = Buffer.from([0, 0]);
    const footerFields = Buffer.concat([u32(indexWithCrc.length / 4 - 1), flags]);
    parts.push(
      input.subarray(stream.offset, stream.offset + 6), flags, u32(crc32(flags)),
      ...kept, indexWithCrc, u32(crc32(footerFields)), footerFields, Buffer.from('YZ', 'latin1'),
      Buffer.alloc(stream.padding),
    );
  }
  return { rewritten: Buffer.concat(parts), blocks };
}

/** Throws the corrupt-xz error when a SHA-256 block's digest does not match its bytes. */
export function verifySha256(output: Buffer, plan: Sha256Plan): void {
  let at = 0;
  plan.blocks.forEach((block, i) => {
    const data = output.subarray(at, at + block.size);
    at += block.size;
    if (block.digest === undefined) return;
    const actual = createHash('sha256').update(data).digest();
    if (!actual.equals(block.digest)) throw new ArchiveFormatError(`${CORRUPT}: SHA-256 of block ${i + 1} does not match (computed ${actual.toString('hex').slice(0, 16)}…, recorded ${block.digest.toString('hex').slice(0, 16)}…)`);
  });
}
