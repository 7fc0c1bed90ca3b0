/**
 * A read-only zip parser (APPNOTE 6.3.x): end of central directory (+ zip64), central directory,
 * local headers, and member expansion (stored, deflate, zstd) under an expansion budget. Nothing
 * is trusted: every size and offset is checked against the buffer, entry counts are capped, and
 * expansion never passes a member's declared size or the budget.
 */
import { inflateRawSync, zstdDecompressSync } from 'node:zlib';
import {
  ArchiveFormatError,
  type ExpansionBudget,
  ExpansionLimitError,
  errorMessage,
  formatSize,
  isOutputLimitError,
  outputCap,
  readU64,
  take,
} from './bytes.js';

const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;
const SIG_DATA_DESCRIPTOR = 0x08074b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;

export const FLAG_ENCRYPTED = 0x0001;
export const FLAG_DATA_DESCRIPTOR = 0x0008;
export const FLAG_UTF8 = 0x0800;

export interface ExtraField {
  id: number;
  data: Buffer;
}

export interface LocalHeader {
  versionNeeded: number;
  flags: number;
  method: number;
  dosTime: number;
  dosDate: number;
  name: string;
  extra: ExtraField[];
}

export interface ZipEntry {
  name: string;
  versionMadeBy: number;
  versionNeeded: number;
  flags: number;
  method: number;
  dosTime: number;
  dosDate: number;
  crc32: number;
  compressedSize: number;
  size: number;
  extra: ExtraField[];
  comment: string;
  internalAttributes: number;
  externalAttributes: number;
  local: LocalHeader;
  /** Where the local header starts in the buffer (any prefix included). */
  localOffset: number;
  /** Where the member's (compressed) data starts and ends in the buffer. */
  dataStart: number;
  dataEnd: number;
  /** End of the data descriptor, when there is one. */
  recordEnd: number;
}

export interface ZipArchive {
  entries: ZipEntry[];
  comment: string;
  zip64: boolean;
  /** Bytes before the first member (a launcher script, an SFX stub). */
  prefix: Buffer;
  /** Bytes between the last member and the central directory (an APK signing block). */
  gap: Buffer;
}

const CP437_HIGH =
  'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';

/** Names and comments are UTF-8 when flag bit 11 says so, IBM code page 437 otherwise. */
function decodeText(raw: Buffer, flags: number): string {
  if (flags & FLAG_UTF8) return raw.toString('utf8');
  let text = '';
  for (const byte of raw) text += byte < 0x80 ? String.fromCharCode(byte) : CP437_HIGH[byte - 0x80];
  return text;
}

/** Extra fields as (id, data); a malformed tail (as zipalign padding can be) is kept as id -1. */
export function parseExtra(raw: Buffer): ExtraField[] {
  const fields: ExtraField[] = [];
  let at = 0;
  while (at + 4 <= raw.length) {
    const id = raw.readUInt16LE(at);
    const size = raw.readUInt16LE(at + 2);
    if (at + 4 + size > raw.length) break;
    fields.push({ id, data: raw.subarray(at + 4, at + 4 + size) });
    at += 4 + size;
  }
  if (at < raw.length) fields.push({ id: -1, data: raw.subarray(at) });
  return fields;
}

interface EndRecord {
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
  return { entries, cdSize, cdOffset, cdEnd, comment, zip64 };
}

/** Replaces 0xFFFF… placeholders with the zip64 extra field's values, in the order APPNOTE 4.5.3 gives. */
function applyZip64(extra: ExtraField[], values: { size: number; compressedSize: number; offset: number }, name: string): void {
  const needSize = values.size === 0xffffffff;
  const needCompressed = values.compressedSize === 0xffffffff;
  const needOffset = values.offset === 0xffffffff;
  if (!needSize && !needCompressed && !needOffset) return;
  const field = extra.find((f) => f.id === 0x0001);
  if (field === undefined) throw new ArchiveFormatError(`member "${name}": zip64 sizes are missing their extra field`);
  let at = 0;
  const what = `member "${name}": zip64 extra field`;
  if (needSize) { values.size = readU64(field.data, at, what); at += 8; }
  if (needCompressed) { values.compressedSize = readU64(field.data, at, what); at += 8; }
  if (needOffset) values.offset = readU64(field.data, at, what);
}

function readLocal(buf: Buffer, offset: number, name: string): { header: LocalHeader; dataStart: number } {
  const fixed = take(buf, offset, 30, `local header of "${name}"`);
  if (fixed.readUInt32LE(0) !== SIG_LOCAL) {
    throw new ArchiveFormatError(`member "${name}": no local header signature at offset ${offset}`);
  }
  const flags = fixed.readUInt16LE(6);
  const nameLength = fixed.readUInt16LE(26);
  const extraLength = fixed.readUInt16LE(28);
  const rawName = take(buf, offset + 30, nameLength, `local name of "${name}"`);
  const extra = take(buf, offset + 30 + nameLength, extraLength, `local extra field of "${name}"`);
  return {
    header: {
      versionNeeded: fixed.readUInt16LE(4),
      flags,
      method: fixed.readUInt16LE(8),
      dosTime: fixed.readUInt16LE(10),
      dosDate: fixed.readUInt16LE(12),
      name: decodeText(rawName, flags),
      extra: parseExtra(extra),
    },
    dataStart: offset + 30 + nameLength + extraLength,
  };
}

/** Length of a data descriptor at `at` (with or without its optional signature, zip64 or not). */
function descriptorLength(buf: Buffer, at: number, zip64Sizes: boolean): number {
  const signed = at + 4 <= buf.length && buf.readUInt32LE(at) === SIG_DATA_DESCRIPTOR;
  return (signed ? 4 : 0) + 4 + (zip64Sizes ? 16 : 8);
}

/** Parses the whole directory of a zip; throws ArchiveFormatError with the precise problem. */
export function parseZip(buf: Buffer, maxEntries: number): ZipArchive {
  const end = readEndRecord(buf, maxEntries);
  const cdStart = end.cdEnd - end.cdSize;
  if (cdStart < 0) throw new ArchiveFormatError(`central directory size ${end.cdSize} is larger than the data before its end record`);
  // Bytes prepended to the archive (launch scripts, SFX stubs) shift every offset by the same amount.
  const shift = cdStart - end.cdOffset;
  if (shift < 0) {
    throw new ArchiveFormatError(`central directory offset ${end.cdOffset} points past its end record at ${end.cdEnd}: truncated`);
  }
  const entries: ZipEntry[] = [];
  let at = cdStart;
  for (let i = 0; i < end.entries; i++) {
    const what = `central directory entry ${i + 1} of ${end.entries}`;
    const fixed = take(buf, at, 46, what);
    if (fixed.readUInt32LE(0) !== SIG_CENTRAL) throw new ArchiveFormatError(`${what}: bad signature at offset ${at}`);
    const flags = fixed.readUInt16LE(8);
    const nameLength = fixed.readUInt16LE(28);
    const extraLength = fixed.readUInt16LE(30);
    const commentLength = fixed.readUInt16LE(32);
    if (at + 46 + nameLength + extraLength + commentLength > end.cdEnd) {
      throw new ArchiveFormatError(`${what}: runs past the end of the central directory at ${end.cdEnd}`);
    }
    const name = decodeText(take(buf, at + 46, nameLength, what), flags);
    const extra = parseExtra(take(buf, at + 46 + nameLength, extraLength, what));
    const comment = decodeText(take(buf, at + 46 + nameLength + extraLength, commentLength, what), flags);
    const values = { size: fixed.readUInt32LE(24), compressedSize: fixed.readUInt32LE(20), offset: fixed.readUInt32LE(42) };
    applyZip64(extra, values, name);
    const { header, dataStart } = readLocal(buf, values.offset + shift, name);
    const dataEnd = dataStart + values.compressedSize;
    if (dataEnd > cdStart) {
      throw new ArchiveFormatError(
        `member "${name}": ${values.compressedSize} bytes of data at offset ${dataStart} run past the central directory at ${cdStart}`,
      );
    }
    const zip64Sizes = extra.some((f) => f.id === 0x0001);
    const recordEnd = flags & FLAG_DATA_DESCRIPTOR ? Math.min(cdStart, dataEnd + descriptorLength(buf, dataEnd, zip64Sizes)) : dataEnd;
    entries.push({
      name,
      versionMadeBy: fixed.readUInt16LE(4),
      versionNeeded: fixed.readUInt16LE(6),
      flags,
      method: fixed.readUInt16LE(10),
      dosTime: fixed.readUInt16LE(12),
      dosDate: fixed.readUInt16LE(14),
      crc32: fixed.readUInt32LE(16),
      compressedSize: values.compressedSize,
      size: values.size,
      extra,
      comment,
      internalAttributes: fixed.readUInt16LE(36),
      externalAttributes: fixed.readUInt32LE(38),
      local: header,
      localOffset: values.offset + shift,
      dataStart,
      dataEnd,
      recordEnd,
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  const firstMember = entries.reduce((low, e) => Math.min(low, e.localOffset), cdStart);
  const lastEnd = entries.reduce((high, e) => Math.max(high, e.recordEnd), shift);
  return {
    entries,
    comment: decodeText(end.comment, 0),
    zip64: end.zip64,
    prefix: buf.subarray(0, firstMember),
    gap: buf.subarray(Math.min(lastEnd, cdStart), cdStart),
  };
}

export const METHOD_NAMES: Record<number, string> = {
  0: 'stored',
  1: 'shrunk',
  6: 'imploded',
  8: 'deflate',
  9: 'deflate64',
  12: 'bzip2',
  14: 'lzma',
  93: 'zstd',
  95: 'xz',
  98: 'ppmd',
  99: 'aes-encrypted',
};

/**
 * A member's bytes, expanded: never more than its declared size or what the budget has left.
 * Throws ExpansionLimitError for the caps, ArchiveFormatError for what cannot be decoded.
 */
export function expandMember(buf: Buffer, entry: ZipEntry, budget: ExpansionBudget): Buffer {
  const what = `member "${entry.name}"`;
  if (entry.flags & FLAG_ENCRYPTED) throw new ArchiveFormatError(`${what} is encrypted`);
  if (entry.size > budget.remaining) throw budget.refuse(what, `declares ${formatSize(entry.size)} uncompressed, more than`);
  const raw = buf.subarray(entry.dataStart, entry.dataEnd);
  let data: Buffer;
  try {
    switch (entry.method) {
      case 0:
        data = raw;
        break;
      case 8:
        data = inflateRawSync(raw, { maxOutputLength: outputCap(entry.size) });
        break;
      case 93:
        data = zstdDecompressSync(raw, { maxOutputLength: outputCap(entry.size) });
        break;
      default:
        throw new ArchiveFormatError(`${what} uses compression method ${entry.method} (${METHOD_NAMES[entry.method] ?? 'unknown'}), which is not decoded`);
    }
  } catch (error) {
    if (isOutputLimitError(error)) {
      throw new ExpansionLimitError(`${what} expands past its declared ${formatSize(entry.size)}: corrupt, or a bomb`);
    }
    if ((error as { name?: string }).name === 'ArchiveFormatError') throw error;
    throw new ArchiveFormatError(`${what}: ${METHOD_NAMES[entry.method] ?? 'compressed'} data is corrupt (${errorMessage(error)})`);
  }
  if (data.length !== entry.size) {
    throw new ArchiveFormatError(`${what} expands to ${data.length} bytes, but the directory says ${entry.size}`);
  }
  budget.spend(data.length, what);
  return data;
}
