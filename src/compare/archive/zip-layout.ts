/**
 * Where a zip's central directory is, and where its members may lie. Two layouts:
 *
 * - standard (APPNOTE 4.3.6): members, central directory, end record last (+ zip64 records); bytes
 *   prepended later (a launcher, an SFX stub) shift every offset by the same amount.
 * - Mozilla-optimised (`omni.ja`, written by mozpack's JarWriter with a preload list and by the
 *   old build/optimizejars.py): a 4-byte little-endian read-ahead length, the central directory
 *   at offset 4, a copy of the end record, the members, and the end record again. Both end
 *   records give offset 4. Gecko's nsZipArchive looks for the directory signature at offset 4
 *   before it looks for an end record; generic readers see "extra bytes at the beginning".
 */
import { ArchiveFormatError, readU64, take } from './bytes.js';

export const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
/** Where the Mozilla layout puts the central directory: just after the read-ahead length. */
const MOZILLA_DIRECTORY_OFFSET = 4;

export type ZipLayout = 'standard' | 'mozilla';

export interface ZipPlacement {
  layout: ZipLayout;
  entries: number;
  comment: Buffer;
  zip64: boolean;
  /** The central directory's bytes: entries must lie in [cdStart, cdEnd). */
  cdStart: number;
  cdEnd: number;
  /** Added to every recorded local-header offset (bytes prepended to a standard zip). */
  shift: number;
  /** Member records must lie in [membersStart, membersEnd): never over the directory or an end record. */
  membersStart: number;
  membersEnd: number;
  /** Mozilla layout: the leading length Gecko reads ahead at startup (the preloaded members end there). */
  readahead?: number;
}

interface EndRecord {
  /** Where the end record that was found starts. */
  at: number;
  entries: number;
  cdSize: number;
  cdOffset: number;
  /** Where the central directory must end: the zip64 end record, or the classic one. */
  cdEnd: number;
  comment: Buffer;
  zip64: boolean;
}

function findEndRecord(buf: Buffer): number {
  if (buf.length < EOCD_SIZE) {
    throw new ArchiveFormatError(`${buf.length} bytes is too short for a zip end-of-central-directory record (22 bytes)`);
  }
  const lowest = Math.max(0, buf.length - EOCD_SIZE - MAX_COMMENT);
  let loose = -1;
  for (let at = buf.length - EOCD_SIZE; at >= lowest; at--) {
    if (buf.readUInt32LE(at) !== SIG_EOCD) continue;
    const end = at + EOCD_SIZE + buf.readUInt16LE(at + 20);
    if (end === buf.length) return at;
    if (end < buf.length && loose < 0) loose = at;
  }
  if (loose >= 0) return loose;
  throw new ArchiveFormatError('no zip end-of-central-directory record in the last 65,557 bytes: truncated, or not a zip');
}

function readEndRecord(buf: Buffer, maxEntries: number): EndRecord {
  const at = findEndRecord(buf);
  const eocd = take(buf, at, EOCD_SIZE, 'end-of-central-directory record');
  const disk = eocd.readUInt16LE(4);
  const cdDisk = eocd.readUInt16LE(6);
  let entries = eocd.readUInt16LE(10);
  let cdSize = eocd.readUInt32LE(12);
  let cdOffset = eocd.readUInt32LE(16);
  const comment = take(buf, at + EOCD_SIZE, eocd.readUInt16LE(20), 'archive comment');
  let cdEnd = at;
  let zip64 = false;
  if (at >= 20 && buf.readUInt32LE(at - 20) === SIG_EOCD64_LOCATOR) {
    zip64 = true;
    const declared = readU64(buf, at - 20 + 8, 'zip64 end-of-central-directory locator');
    // An archive with a prefix (SFX stub) keeps offsets relative to the zip: look there too.
    const candidates = [declared, at - 20 - 56];
    const record = candidates.find((offset) => offset >= 0 && offset + 56 <= at - 20 && buf.readUInt32LE(offset) === SIG_EOCD64);
    if (record === undefined) throw new ArchiveFormatError(`zip64 end-of-central-directory record not found at offset ${declared}`);
    const eocd64 = take(buf, record, 56, 'zip64 end-of-central-directory record');
    if (eocd64.readUInt32LE(16) !== 0 || eocd64.readUInt32LE(20) !== 0) {
      throw new ArchiveFormatError('multi-disk (spanned) zip archives are not supported');
    }
    entries = readU64(eocd64, 32, 'zip64 entry count');
    cdSize = readU64(eocd64, 40, 'zip64 central directory size');
    cdOffset = readU64(eocd64, 48, 'zip64 central directory offset');
    cdEnd = record;
  } else if (disk !== 0 || cdDisk !== 0) {
    throw new ArchiveFormatError('multi-disk (spanned) zip archives are not supported');
  }
  if (entries > maxEntries) throw new ArchiveFormatError(`zip declares ${entries} entries, over the cap of ${maxEntries}`);
  return { at, entries, cdSize, cdOffset, cdEnd, comment, zip64 };
}

/**
 * The Mozilla layout, when the file has it: the end record says offset 4 and a directory entry
 * starts there. Then the copy of the end record that follows the directory must be there and agree.
 */
function mozillaPlacement(buf: Buffer, end: EndRecord): ZipPlacement | undefined {
  const start = MOZILLA_DIRECTORY_OFFSET;
  if (end.zip64 || end.cdOffset !== start || buf.length < start + 4 || buf.readUInt32LE(start) !== SIG_CENTRAL) return undefined;
  const what = 'Mozilla-optimised zip (central directory first)';
  const cdEnd = start + end.cdSize;
  if (cdEnd + EOCD_SIZE > buf.length) {
    throw new ArchiveFormatError(
      `${what}: the central directory at offset ${start} declares ${end.cdSize} bytes, past the end of the file (${buf.length} bytes): truncated or corrupt`,
    );
  }
  if (buf.readUInt32LE(cdEnd) !== SIG_EOCD) {
    throw new ArchiveFormatError(`${what}: no end-of-central-directory record right after the ${end.cdSize}-byte directory, at offset ${cdEnd}`);
  }
  const entries = buf.readUInt16LE(cdEnd + 10);
  const cdSize = buf.readUInt32LE(cdEnd + 12);
  const cdOffset = buf.readUInt32LE(cdEnd + 16);
  if (entries !== end.entries || cdSize !== end.cdSize || cdOffset !== end.cdOffset) {
    throw new ArchiveFormatError(
      `${what}: the end record after the directory (offset ${cdEnd}: ${entries} entries, ${cdSize} bytes at ${cdOffset}) ` +
        `and the one at offset ${end.at} (${end.entries} entries, ${end.cdSize} bytes at ${end.cdOffset}) disagree`,
    );
  }
  // The writers leave the first copy's comment out; the members start right after its fixed part.
  const membersStart = cdEnd + EOCD_SIZE;
  // Without the closing copy (Gecko does not need it) the members run to the end of the file.
  const membersEnd = end.at > cdEnd ? end.at : buf.length;
  return {
    layout: 'mozilla',
    entries: end.entries,
    comment: end.comment,
    zip64: false,
    cdStart: start,
    cdEnd,
    shift: 0,
    membersStart,
    membersEnd,
    readahead: buf.readUInt32LE(0),
  };
}

/** Finds the central directory of either layout; throws ArchiveFormatError with the precise problem. */
export function locateDirectory(buf: Buffer, maxEntries: number): ZipPlacement {
  const end = readEndRecord(buf, maxEntries);
  const mozilla = mozillaPlacement(buf, end);
  if (mozilla !== undefined) return mozilla;
  const cdStart = end.cdEnd - end.cdSize;
  if (cdStart < 0) throw new ArchiveFormatError(`central directory size ${end.cdSize} is larger than the data before its end record`);
  // Bytes prepended to the archive (launch scripts, SFX stubs) shift every offset by the same amount.
  const shift = cdStart - end.cdOffset;
  if (shift < 0) {
    throw new ArchiveFormatError(`central directory offset ${end.cdOffset} points past its end record at ${end.cdEnd}: truncated`);
  }
  return {
    layout: 'standard',
    entries: end.entries,
    comment: end.comment,
    zip64: end.zip64,
    cdStart,
    cdEnd: end.cdEnd,
    shift,
    membersStart: 0,
    membersEnd: cdStart,
  };
}
