/**
 * A patch is one zstd frame of the new bytes compressed with the old bytes as its dictionary, with
 * a window that reaches over both, so every unchanged run becomes a match into the old bytes.
 * Node's default parameters cannot see that far (a 4-byte edit to a 2 MiB library costs 600 KB);
 * these make it a few hundred bytes (docs/decisions.md, "Delta snapshots").
 */
import { promisify } from 'node:util';
import { constants, zstdCompress, zstdCompressSync, zstdDecompressSync, type ZstdOptions } from 'node:zlib';
import { SnapshotFormatError } from '../errors.js';

const compress = promisify(zstdCompress);

const PATCH_LEVEL = 6;
/** Larger hash and chain tables find no more matches here and cost ~1 s per patch to fill. */
const MAX_TABLE_LOG = 21;
/** The window a reader accepts: base (≤ 64 MiB) plus one chunk (≤ 16 MiB) fits in 2^27. */
const MAX_WINDOW_LOG = 27;

/** A window over base and target, doubled by default (`extraLog` 1) as the chunk patches were measured with. */
function windowLog(baseLength: number, targetLength: number, extraLog = 1): number {
  return Math.min(MAX_WINDOW_LOG, Math.max(10, Math.ceil(Math.log2(baseLength + targetLength + 1)) + extraLog));
}

/** Node 24.6 takes a zstd `dictionary`; its types do not list it yet. */
type PatchOptions = ZstdOptions & { dictionary: Buffer };

function patchOptions(base: Buffer, target: Buffer): PatchOptions {
  const wl = windowLog(base.length, target.length);
  return {
    dictionary: base,
    params: {
      [constants.ZSTD_c_compressionLevel]: PATCH_LEVEL,
      [constants.ZSTD_c_windowLog]: wl,
      [constants.ZSTD_c_hashLog]: Math.min(wl, MAX_TABLE_LOG),
      [constants.ZSTD_c_chainLog]: Math.min(wl, MAX_TABLE_LOG),
    },
    pledgedSrcSize: target.length,
  };
}

/** Encodes `target` against `base`; deterministic for equal inputs (one thread, fixed parameters). */
export async function encodePatch(base: Buffer, target: Buffer): Promise<Buffer> {
  return compress(target, patchOptions(base, target));
}

/**
 * A delta's entry list against its parent's, on this thread. Measured on the bench lists (4.8 MB,
 * 1 % of 20,000 files changed): level 1 with 2^20 tables and a window exactly over both gives
 * 16.0 KB in 13 ms; level 6 is no smaller, and the window doubled as for chunks costs 88 ms, most
 * of it first-touching the larger buffers. No digest covers the decoded entries, so the frame
 * carries zstd's checksum of them: a wrong base is E_CORRUPT.
 */
export function encodeEntriesPatch(base: Buffer, target: Buffer): Buffer {
  const wl = windowLog(base.length, target.length, 0);
  const options: PatchOptions = {
    dictionary: base,
    params: {
      [constants.ZSTD_c_compressionLevel]: 1,
      [constants.ZSTD_c_windowLog]: wl,
      [constants.ZSTD_c_hashLog]: Math.min(wl, 20),
      [constants.ZSTD_c_checksumFlag]: 1,
    },
    pledgedSrcSize: target.length,
  };
  return zstdCompressSync(target, options);
}

/** Decodes a patch to exactly `size` bytes; anything else is E_CORRUPT, never a larger allocation. */
export function decodePatch(patch: Buffer, base: Buffer, size: number, what: string): Buffer {
  let out: Buffer;
  try {
    out = zstdDecompressSync(patch, {
      dictionary: base,
      maxOutputLength: Math.max(size, 1),
      chunkSize: Math.min(Math.max(size, 1024), 16 * 1024 * 1024),
      params: { [constants.ZSTD_d_windowLogMax]: MAX_WINDOW_LOG },
    } as Parameters<typeof zstdDecompressSync>[1]);
  } catch (error) {
    const reason = (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE' ? 'decodes past its declared size' : 'does not decode against its base';
    throw new SnapshotFormatError('E_CORRUPT', `${what} ${reason}: the snapshot or its parent is damaged`);
  }
  if (out.length !== size) throw new SnapshotFormatError('E_CORRUPT', `${what} decoded to ${out.length} bytes, expected ${size}`);
  return out;
}
