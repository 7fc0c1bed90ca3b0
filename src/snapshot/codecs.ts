/**
 * Block codecs: `none` (already-compressed data), `zstd`, and byte grouping + zstd for float
 * tensors. Byte grouping writes byte 0 of every element, then byte 1, … so the slowly varying
 * sign/exponent bytes sit together and compress far better than interleaved with mantissas.
 */
import { constants, zstdCompressSync, zstdDecompressSync } from 'node:zlib';
import { SnapshotFormatError } from '../errors.js';
import { Codec, type CodecId } from './format.js';

/** Splits `raw` into `width` streams by byte position modulo `width`; a tail shorter than `width` stays last. */
export function groupBytes(raw: Uint8Array, width: number): Buffer {
  const out = Buffer.allocUnsafe(raw.length);
  const count = Math.floor(raw.length / width);
  let at = 0;
  for (let lane = 0; lane < width; lane++) {
    for (let e = 0, src = lane; e < count; e++, src += width) out[at++] = raw[src] as number;
  }
  for (let src = count * width; src < raw.length; src++) out[at++] = raw[src] as number;
  return out;
}

/** Inverse of `groupBytes`. */
export function ungroupBytes(grouped: Uint8Array, width: number): Buffer {
  const out = Buffer.allocUnsafe(grouped.length);
  const count = Math.floor(grouped.length / width);
  let at = 0;
  for (let lane = 0; lane < width; lane++) {
    for (let e = 0, dst = lane; e < count; e++, dst += width) out[dst] = grouped[at++] as number;
  }
  for (let dst = count * width; dst < grouped.length; dst++) out[dst] = grouped[at++] as number;
  return out;
}

/** Largest output buffer allocated up front by a decompression. */
const DECODE_CHUNK_CAP = 16 * 1024 * 1024;

export function zstdCompress(raw: Uint8Array, level: number): Buffer {
  return zstdCompressSync(raw, {
    params: { [constants.ZSTD_c_compressionLevel]: level },
    pledgedSrcSize: raw.length,
  } as Parameters<typeof zstdCompressSync>[1]);
}

/** Decompresses at most `rawLength` bytes: a frame that claims or yields more is an error, not an allocation. */
export function zstdDecompress(stored: Uint8Array, rawLength: number, what: string): Buffer {
  let out: Buffer;
  try {
    // chunkSize near the real size makes Node's zstd much faster on incompressible data; it is
    // capped so a hostile claim cannot make us allocate more than that up front.
    out = zstdDecompressSync(stored, { maxOutputLength: Math.max(rawLength, 1), chunkSize: Math.min(Math.max(rawLength, 1024), DECODE_CHUNK_CAP) });
  } catch (error) {
    const reason = (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? 'decompresses past its declared size' : 'is not valid zstd data';
    throw new SnapshotFormatError('E_CORRUPT', `${what} ${reason}: the snapshot is corrupt`);
  }
  if (out.length !== rawLength) throw new SnapshotFormatError('E_CORRUPT', `${what} decompressed to ${out.length} bytes, expected ${rawLength}`);
  return out;
}

export function encodeBlock(raw: Uint8Array, codec: CodecId, width: number, level: number): Buffer {
  switch (codec) {
    case Codec.none:
      return Buffer.from(raw.buffer, raw.byteOffset, raw.length);
    case Codec.zstd:
      return zstdCompress(raw, level);
    case Codec.bytegroupZstd:
      return zstdCompress(groupBytes(raw, width), level);
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
