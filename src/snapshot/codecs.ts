/**
 * Block codecs: `none` (already-compressed data), `zstd`, and byte grouping + zstd for float
 * tensors. Byte grouping writes byte 0 of every element, then byte 1, … so the slowly varying
 * sign/exponent bytes sit together and compress far better than interleaved with mantissas.
 */
import { constants, zstdCompressSync, zstdDecompressSync } from 'node:zlib';
import { SnapshotFormatError } from '../errors.js';
import { Codec, type CodecId } from './format.js';

/** The word-at-a-time paths below assume little-endian words; other hosts take the byte loops. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/**
 * Splits `raw` into `width` streams by byte position modulo `width`: byte 0 of every element, then
 * byte 1, …; a tail shorter than `width` stays last. Writes into `out` (same length) when given.
 */
export function groupBytes(raw: Uint8Array, width: number, out: Buffer = Buffer.allocUnsafe(raw.length)): Buffer {
  const count = Math.floor(raw.length / width);
  let done = 0;
  if (LITTLE_ENDIAN && raw.byteOffset % 4 === 0 && (width === 2 || width === 4)) {
    // Read four bytes at a time: several times faster than a byte loop in V8.
    const words = new Uint32Array(raw.buffer, raw.byteOffset, raw.length >>> 2);
    if (width === 2 && count % 2 === 0 && out.byteOffset % 2 === 0) {
      // Two elements per word; each lane takes one 16-bit write.
      const lo = new Uint16Array(out.buffer, out.byteOffset, words.length);
      const hi = new Uint16Array(out.buffer, out.byteOffset + count, words.length);
      for (let k = 0; k < words.length; k++) {
        const v = words[k] as number;
        lo[k] = (v & 0xff) | ((v >>> 8) & 0xff00);
        hi[k] = ((v >>> 8) & 0xff) | ((v >>> 16) & 0xff00);
      }
      done = words.length * 2;
    } else if (width === 4) {
      for (let k = 0; k < words.length; k++) {
        const v = words[k] as number;
        out[k] = v & 0xff;
        out[count + k] = (v >>> 8) & 0xff;
        out[2 * count + k] = (v >>> 16) & 0xff;
        out[3 * count + k] = v >>> 24;
      }
      done = words.length;
    }
  }
  for (let e = done; e < count; e++) for (let lane = 0; lane < width; lane++) out[lane * count + e] = raw[e * width + lane] as number;
  for (let src = count * width; src < raw.length; src++) out[src] = raw[src] as number;
  return out;
}

/** Inverse of `groupBytes`. */
export function ungroupBytes(grouped: Uint8Array, width: number, out: Buffer = Buffer.allocUnsafe(grouped.length)): Buffer {
  const count = Math.floor(grouped.length / width);
  let done = 0;
  if (LITTLE_ENDIAN && out.byteOffset % 4 === 0 && (width === 2 || width === 4)) {
    const words = new Uint32Array(out.buffer, out.byteOffset, out.length >>> 2);
    if (width === 2 && count % 2 === 0 && grouped.byteOffset % 2 === 0) {
      const lo = new Uint16Array(grouped.buffer, grouped.byteOffset, words.length);
      const hi = new Uint16Array(grouped.buffer, grouped.byteOffset + count, words.length);
      for (let k = 0; k < words.length; k++) {
        const l = lo[k] as number;
        const h = hi[k] as number;
        words[k] = ((l & 0xff) | ((h & 0xff) << 8) | ((l & 0xff00) << 8) | ((h & 0xff00) << 16)) >>> 0;
      }
      done = words.length * 2;
    } else if (width === 4) {
      for (let k = 0; k < words.length; k++) {
        words[k] =
          ((grouped[k] as number) | ((grouped[count + k] as number) << 8) | ((grouped[2 * count + k] as number) << 16) | ((grouped[3 * count + k] as number) << 24)) >>> 0;
      }
      done = words.length;
    }
  }
  for (let e = done; e < count; e++) for (let lane = 0; lane < width; lane++) out[e * width + lane] = grouped[lane * count + e] as number;
  for (let dst = count * width; dst < grouped.length; dst++) out[dst] = grouped[dst] as number;
  return out;
}

/** Node's (zlib's) smallest accepted output chunk. */
const MIN_CHUNK_SIZE = 64;

/** Largest output buffer allocated up front by a decompression. */
const DECODE_CHUNK_CAP = 16 * 1024 * 1024;

export function zstdCompress(raw: Uint8Array, level: number): Buffer {
  return zstdCompressSync(raw, {
    params: { [constants.ZSTD_c_compressionLevel]: level },
    pledgedSrcSize: raw.length,
    // One output buffer big enough for the worst case: Node otherwise fills 16 KiB pieces and
    // concatenates them, which is slower and leaves garbage behind (docs/benchmarks.md).
    chunkSize: Math.min(Math.max(raw.length + (raw.length >>> 7) + 1024, 64 * 1024), DECODE_CHUNK_CAP),
  } as Parameters<typeof zstdCompressSync>[1]);
}

/** Node's zstd decoder on `stored`, its errors as the snapshot's: corrupt data or a size past what was declared. */
function decompressChecked(stored: Uint8Array, options: Parameters<typeof zstdDecompressSync>[1], what: string): Buffer {
  try {
    return zstdDecompressSync(stored, options);
  } catch (error) {
    const reason = (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? 'decompresses past its declared size' : 'is not valid zstd data';
    throw new SnapshotFormatError('E_CORRUPT', `${what} ${reason}: the snapshot is corrupt`);
  }
}

/** Decompresses at most `rawLength` bytes: a frame that claims or yields more is an error, not an allocation. */
export function zstdDecompress(stored: Uint8Array, rawLength: number, what: string): Buffer {
  // chunkSize near the real size makes Node's zstd much faster on incompressible data; it is
  // capped so a hostile claim cannot make us allocate more than that up front.
  const out = decompressChecked(stored, { maxOutputLength: Math.max(rawLength, 1), chunkSize: Math.min(Math.max(rawLength, 1024), DECODE_CHUNK_CAP) }, what);
  if (out.length !== rawLength) throw new SnapshotFormatError('E_CORRUPT', `${what} decompressed to ${out.length} bytes, expected ${rawLength}`);
  return out;
}

/**
 * The first bytes of a zstd frame's output, decoded from a prefix of the frame: everything its
 * complete internal blocks hold (zstd decodes a cut frame up to where it was cut). At most
 * `rawLength` bytes; the caller checks it got as many as it needs.
 */
export function zstdDecompressPrefix(storedPrefix: Uint8Array, rawLength: number, expected: number, what: string): Buffer {
  // Node refuses a chunkSize under 64 bytes (zlib's minimum), which a block of a few small files can be.
  const chunkSize = Math.max(MIN_CHUNK_SIZE, Math.min(Math.max(expected, 1024), rawLength, DECODE_CHUNK_CAP));
  return decompressChecked(storedPrefix, { maxOutputLength: Math.max(rawLength, 1), chunkSize, finishFlush: constants.ZSTD_e_continue }, what);
}

export function encodeBlock(raw: Uint8Array, codec: CodecId, width: number, level: number, scratch?: { groupBuffer(length: number): Buffer }): Buffer {
  switch (codec) {
    case Codec.none:
      return Buffer.from(raw.buffer, raw.byteOffset, raw.length);
    case Codec.zstd:
      return zstdCompress(raw, level);
    case Codec.bytegroupZstd:
      return zstdCompress(groupBytes(raw, width, scratch?.groupBuffer(raw.length)), level);
  }
}

export function decodeBlock(stored: Buffer, codec: CodecId, width: number, rawLength: number, what: string): Buffer {
  switch (codec) {
    case Codec.none:
      return stored;
    case Codec.zstd:
      return zstdDecompress(stored, rawLength, what);
    case Codec.bytegroupZstd:
      return ungroupBytes(zstdDecompress(stored, rawLength, what), width);
  }
}
