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
    const gear = GEAR;
    const n = buf.length;
    let i = 0;
    let h = this.hash;
    let len = this.length;
    while (i < n) {
      // No cut can happen before the minimum size: skip those bytes without hashing them.
      if (len < CHUNK_MIN) {
        const skip = Math.min(CHUNK_MIN - len, n - i);
        len += skip;
        i += skip;
        continue;
      }
      // Two tight loops (hard mask below the average size, easy mask above) rather than choosing
      // the mask per byte: this loop is the chunker's whole cost.
      let cut = false;
      const hardLeft = CHUNK_AVG - 1 - len;
      if (hardLeft > 0) {
        const end = Math.min(n, i + hardLeft);
        let j = i;
        while (j < end) {
          h = ((h << 1) + gear[buf[j++] as number]) | 0;
          if ((h & MASK_HARD) === 0) {
            cut = true;
            break;
          }
        }
        len += j - i;
        i = j;
        if (!cut && i === n) break;
      }
      if (!cut) {
        const end = Math.min(n, i + (CHUNK_MAX - len));
        let j = i;
        while (j < end) {
          h = ((h << 1) + gear[buf[j++] as number]) | 0;
          if ((h & MASK_EASY) === 0) {
            cut = true;
            break;
          }
        }
        len += j - i;
        i = j;
        if (len >= CHUNK_MAX) cut = true;
      }
      if (cut) {
        cuts.push(len);
        len = 0;
        h = 0;
      }
    }
    this.hash = h;
    this.length = len;
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
