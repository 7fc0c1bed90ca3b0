/**
 * Writes file bytes leaving runs of zeros as holes: a run of at least 64 KiB of zero pages is
 * skipped (the file is extended to its size at the end), so a restored sparse file (a disk image,
 * a core dump, a preallocated database) takes the blocks it took before, not its apparent size.
 */
import { ftruncateSync, writeSync } from 'node:fs';

const PAGE = 4096;
export const HOLE_MIN_BYTES = 64 * 1024;
const ZERO_PAGE = Buffer.alloc(PAGE);

function zeroPage(buf: Buffer, at: number): boolean {
  const end = Math.min(at + PAGE, buf.length);
  return buf.compare(ZERO_PAGE, 0, end - at, at, end) === 0;
}

function writeAll(fd: number, buf: Buffer, from: number, to: number, position: number): void {
  let done = from;
  while (done < to) done += writeSync(fd, buf, done, to - done, position + (done - from));
}

/** Writes `piece` at `position`, skipping zero runs of at least HOLE_MIN_BYTES; returns the bytes skipped. */
export function writeSparse(fd: number, piece: Buffer, position: number): number {
  let skipped = 0;
  let dataFrom = 0;
  let at = 0;
  while (at < piece.length) {
    if (!zeroPage(piece, at)) {
      at += PAGE;
      continue;
    }
    let end = at;
    while (end < piece.length && zeroPage(piece, end)) end = Math.min(end + PAGE, piece.length);
    if (end - at >= HOLE_MIN_BYTES) {
      writeAll(fd, piece, dataFrom, at, position + dataFrom);
      skipped += end - at;
      dataFrom = end;
    }
    at = end;
  }
  writeAll(fd, piece, dataFrom, piece.length, position + dataFrom);
  return skipped;
}

/** Gives the file its full size when it ends in a hole. */
export function finishSparse(fd: number, size: number): void {
  ftruncateSync(fd, size);
}
