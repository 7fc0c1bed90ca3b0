/**
 * Content-defined chunking (a gear rolling hash with normalised chunk sizes, after FastCDC):
 * cut points depend on the bytes, so an insertion early in a large file moves only nearby
 * boundaries and the rest of its chunks still deduplicate.
 */

export const CHUNK_MIN = 256 * 1024;
export const CHUNK_AVG = 1024 * 1024;
export const CHUNK_MAX = 4 * 1024 * 1024;
/** Files up to this size are stored as one chunk. */
export const CHUNKING_THRESHOLD = 2 * 1024 * 1024;

// Below the average size a cut needs more zero bits (rarer), above it fewer: sizes cluster near the average.
const MASK_HARD = 0xfffffc00 | 0; // 22 bits
const MASK_EASY = 0xffffc000 | 0; // 18 bits

/** 256 fixed pseudo-random words; changing them changes chunk boundaries (not readability). */
const GEAR: Int32Array = (() => {
  const table = new Int32Array(256);
  let state = 0x9e3779b9;
  for (let i = 0; i < 256; i++) {
    // xorshift32, seeded with a constant so every build cuts the same way
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    table[i] = state | 0;
  }
  return table;
})();

/**
 * Finds cut points in a stream fed in buffers of any size. `push` returns the lengths of the chunks
 * completed by that buffer; `finish` returns the length of the last chunk (0 if none is pending).
 */
export class Chunker {
  private hash = 0;
  private length = 0;

  push(buf: Uint8Array): number[] {
    const cuts: number[] = [];
    let i = 0;
    const n = buf.length;
    while (i < n) {
      // Skip the bytes before the minimum size: no cut can happen there.
      if (this.length < CHUNK_MIN) {
        const skip = Math.min(CHUNK_MIN - this.length, n - i);
        this.length += skip;
        i += skip;
        continue;
      }
      let h = this.hash;
      let len = this.length;
      let cut = false;
      while (i < n) {
        h = ((h << 1) + GEAR[buf[i] as number]) | 0;
        i++;
        len++;
        const mask = len < CHUNK_AVG ? MASK_HARD : MASK_EASY;
        if ((h & mask) === 0 || len >= CHUNK_MAX) {
          cut = true;
          break;
        }
      }
      if (cut) {
        cuts.push(len);
        this.hash = 0;
        this.length = 0;
      } else {
        this.hash = h;
        this.length = len;
      }
    }
    return cuts;
  }

  finish(): number {
    const last = this.length;
    this.hash = 0;
    this.length = 0;
    return last;
  }
}

/** Chunk lengths of a whole buffer (tests and small inputs). */
export function chunkLengths(buf: Uint8Array): number[] {
  const chunker = new Chunker();
  const lengths = chunker.push(buf);
  const last = chunker.finish();
  if (last > 0) lengths.push(last);
  return lengths;
}
