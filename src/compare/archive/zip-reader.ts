/**
 * A read-only zip parser (APPNOTE 6.3.x): central directory (found by zip-layout.ts, standard or
 * Mozilla-optimised), local headers, and member expansion (stored, deflate, zstd) under an expansion budget. Nothing
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
import { locateDirectory, SIG_CENTRAL, type ZipLayout } from './zip-layout.js';

export type { ZipLayout } from './zip-layout.js';

const SIG_LOCAL = 0x04034b50;
const SIG_DATA_DESCRIPTOR = 0x08074b50;

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
  /** Another member whose record shares bytes with this one's (a crafted archive): not expanded. */
  overlaps?: string;
}

export interface ZipArchive {
  entries: ZipEntry[];
  comment: string;
  zip64: boolean;
  /** Bytes before the first member (a launcher script, an SFX stub; Mozilla layout: after the leading end record). */
  prefix: Buffer;
  /** Bytes between the last member and the central directory (an APK signing block; Mozilla layout: the closing end record). */
  gap: Buffer;
  /** Where the central directory is: last (standard) or first (Mozilla-optimised `omni.ja`). */
  layout: ZipLayout;
  /** Mozilla layout: how many leading bytes Gecko reads ahead at startup. */
  readahead?: number;
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
  const place = locateDirectory(buf, maxEntries);
  const { cdStart, cdEnd, shift, membersStart, membersEnd } = place;
  const entries: ZipEntry[] = [];
  let at = cdStart;
  for (let i = 0; i < place.entries; i++) {
    const what = `central directory entry ${i + 1} of ${place.entries}`;
    const fixed = take(buf, at, 46, what);
    if (fixed.readUInt32LE(0) !== SIG_CENTRAL) throw new ArchiveFormatError(`${what}: bad signature at offset ${at}`);
    const flags = fixed.readUInt16LE(8);
    const nameLength = fixed.readUInt16LE(28);
    const extraLength = fixed.readUInt16LE(30);
    const commentLength = fixed.readUInt16LE(32);
    if (at + 46 + nameLength + extraLength + commentLength > cdEnd) {
      throw new ArchiveFormatError(`${what}: runs past the end of the central directory at ${cdEnd}`);
    }
    const name = decodeText(take(buf, at + 46, nameLength, what), flags);
    const extra = parseExtra(take(buf, at + 46 + nameLength, extraLength, what));
    const comment = decodeText(take(buf, at + 46 + nameLength + extraLength, commentLength, what), flags);
    const values = { size: fixed.readUInt32LE(24), compressedSize: fixed.readUInt32LE(20), offset: fixed.readUInt32LE(42) };
    applyZip64(extra, values, name);
    const localOffset = values.offset + shift;
    if (localOffset < membersStart) {
      throw new ArchiveFormatError(
        `member "${name}": local header at offset ${localOffset} lies in the central directory or its end record (members start at ${membersStart})`,
      );
    }
    const { header, dataStart } = readLocal(buf, localOffset, name);
    const dataEnd = dataStart + values.compressedSize;
    if (dataEnd > membersEnd) {
      const limit = place.layout === 'standard' ? `the central directory at ${cdStart}` : `the end of the members at ${membersEnd}`;
      throw new ArchiveFormatError(`member "${name}": ${values.compressedSize} bytes of data at offset ${dataStart} run past ${limit}`);
    }
    const zip64Sizes = extra.some((f) => f.id === 0x0001);
    const recordEnd = flags & FLAG_DATA_DESCRIPTOR ? Math.min(membersEnd, dataEnd + descriptorLength(buf, dataEnd, zip64Sizes)) : dataEnd;
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
      localOffset,
      dataStart,
      dataEnd,
      recordEnd,
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  markOverlaps(entries);
  const firstMember = entries.reduce((low, e) => Math.min(low, e.localOffset), membersEnd);
  const lastEnd = entries.reduce((high, e) => Math.max(high, e.recordEnd), Math.max(membersStart, shift));
  return {
    entries,
    comment: decodeText(place.comment, 0),
    zip64: place.zip64,
    prefix: buf.subarray(membersStart, firstMember),
    gap: buf.subarray(Math.min(lastEnd, membersEnd), membersEnd),
    layout: place.layout,
    ...(place.readahead === undefined ? {} : { readahead: place.readahead }),
  };
}

/**
 * Marks members whose records share bytes with another's: no archiver writes them, and a crafted
 * archive uses them to expand the same compressed bytes many times. Like CPython's zipfile (and
 * unlike refusing the archive), only reading such a member fails: real jars with a borderline
 * record still list and compare.
 */
function markOverlaps(entries: readonly ZipEntry[]): void {
  const byOffset = [...entries].sort((x, y) => x.localOffset - y.localOffset);
  let reach: ZipEntry | undefined;
  for (const entry of byOffset) {
    // The data's end, not the descriptor's: a descriptor's length is inferred, its data is not.
    if (reach !== undefined && entry.localOffset < reach.dataEnd) {
      entry.overlaps ??= reach.name;
      reach.overlaps ??= entry.name;
    }
    if (reach === undefined || entry.dataEnd > reach.dataEnd) reach = entry;
  }
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
  if (entry.overlaps !== undefined) {
    throw new ArchiveFormatError(`${what} shares bytes with member "${entry.overlaps}": overlapping records, a crafted archive`);
  }
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
