/**
 * A read-only tar parser: v7, ustar, GNU (long names/links, base-256 numbers) and POSIX pax
 * (extended and global headers). Every header's checksum is verified and every size is checked
 * against the buffer; member data are views into it, never copies.
 */
import { ArchiveFormatError } from './bytes.js';

const BLOCK = 512;
/** Long names and pax headers larger than this are hostile, not metadata. */
const MAX_META_BYTES = 1024 * 1024;

export type TarFormat = 'v7' | 'ustar' | 'gnu';

export interface TarEntry {
  name: string;
  /** The typeflag character (`0` file, `5` directory, `2` symlink …); `\0` reads as `0`. */
  type: string;
  mode: number;
  uid: number;
  gid: number;
  /** Seconds since the epoch as recorded: a pax `mtime` may carry a fraction. */
  mtime: string;
  size: number;
  linkName: string;
  uname: string;
  gname: string;
  devMajor: number;
  devMinor: number;
  format: TarFormat;
  /** Pax records for this member other than the ones folded into the fields above. */
  pax: Map<string, string>;
  data: Buffer;
  offset: number;
}

export interface TarArchive {
  entries: TarEntry[];
  /** Global pax records (`g` headers), in order, `key=value`. */
  globals: string[];
  /** Bytes after the last member (end-of-archive blocks and record padding). */
  trailer: Buffer;
}

function text(field: Buffer): string {
  const nul = field.indexOf(0);
  return (nul < 0 ? field : field.subarray(0, nul)).toString('utf8');
}

/** An octal field, or GNU base-256 (high bit set) for values that do not fit. */
function numeric(field: Buffer, what: string): number {
  const first = field[0] ?? 0;
  if (first & 0x80) {
    let value = BigInt(first & 0x7f) - (first & 0x40 ? 0x80n : 0n);
    for (const byte of field.subarray(1)) value = (value << 8n) | BigInt(byte);
    if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
      throw new ArchiveFormatError(`${what}: base-256 value ${value} is out of range`);
    }
    return Number(value);
  }
  const digits = field.toString('latin1').replace(/\0.*$/s, '').trim();
  if (digits === '') return 0;
  if (!/^[0-7]+$/.test(digits)) throw new ArchiveFormatError(`${what}: "${digits}" is not an octal number`);
  const value = parseInt(digits, 8);
  if (!Number.isSafeInteger(value)) throw new ArchiveFormatError(`${what}: ${digits} is out of range`);
  return value;
}

function verifyChecksum(header: Buffer, offset: number): void {
  const stored = numeric(header.subarray(148, 156), `header checksum at offset ${offset}`);
  let unsigned = 0;
  let signed = 0;
  for (let i = 0; i < BLOCK; i++) {
    const byte = i >= 148 && i < 156 ? 0x20 : (header[i] ?? 0);
    unsigned += byte;
    signed += byte > 127 ? byte - 256 : byte;
  }
  // Some historic tars summed signed bytes; both are accepted, as GNU tar does.
  if (stored !== unsigned && stored !== signed) {
    throw new ArchiveFormatError(`header checksum mismatch at offset ${offset}: stored ${stored}, computed ${unsigned}`);
  }
}

/** `len key=value\n` records (POSIX pax); a malformed record stops the parse with its offset. */
function parsePax(data: Buffer, offset: number): Map<string, string> {
  const records = new Map<string, string>();
  let at = 0;
  while (at < data.length) {
    if (data[at] === 0) break;
    const space = data.indexOf(0x20, at);
    const length = space < 0 ? NaN : Number(data.toString('latin1', at, space));
    if (!Number.isSafeInteger(length) || length <= space - at || at + length > data.length) {
      throw new ArchiveFormatError(`malformed pax record at offset ${offset + at}`);
    }
    const record = data.toString('utf8', space + 1, at + length - 1);
    const equals = record.indexOf('=');
    if (equals < 0) throw new ArchiveFormatError(`pax record without "=" at offset ${offset + at}`);
    records.set(record.slice(0, equals), record.slice(equals + 1));
    at += length;
  }
  return records;
}

function formatOf(header: Buffer): TarFormat {
  const magic = header.toString('latin1', 257, 263);
  if (magic === 'ustar\0') return 'ustar';
  if (magic === 'ustar ') return 'gnu';
  return 'v7';
}

/** Whether `head` starts with a tar header: ustar/GNU magic, or (v7) a valid checksum. */
export function looksLikeTar(head: Buffer, allowV7: boolean): boolean {
  if (head.length < BLOCK) return false;
  const header = head.subarray(0, BLOCK);
  if (formatOf(header) === 'v7' && !allowV7) return false;
  if (header.every((byte) => byte === 0)) return false;
  try {
    verifyChecksum(header, 0);
    return true;
  } catch {
    return false;
  }
}

/** Types whose size field does not announce data blocks. */
const NO_DATA_TYPES = new Set(['1', '2', '3', '4', '6']);

/** Parses every header of a tar; throws ArchiveFormatError with the offset of what is wrong. */
export function parseTar(buf: Buffer, maxEntries: number): TarArchive {
  const entries: TarEntry[] = [];
  const globals: string[] = [];
  let pax = new Map<string, string>();
  let longName: string | undefined;
  let longLink: string | undefined;
  let at = 0;
  let trailerStart = buf.length;
  while (at < buf.length) {
    if (buf.length - at < BLOCK) {
      if (buf.subarray(at).every((byte) => byte === 0)) { trailerStart = at; break; }
      throw new ArchiveFormatError(`truncated: ${buf.length - at} bytes at offset ${at} are not a whole 512-byte header`);
    }
    const header = buf.subarray(at, at + BLOCK);
    if (header.every((byte) => byte === 0)) { trailerStart = at; break; }
    verifyChecksum(header, at);
    const format = formatOf(header);
    const rawType = String.fromCharCode(header[156] ?? 0);
    const type = rawType === '\0' ? '0' : rawType;
    const what = `header at offset ${at}`;
    const declared = numeric(header.subarray(124, 136), `${what}: size`);
    const size = NO_DATA_TYPES.has(type) ? 0 : type === 'x' || type === 'g' || type === 'L' || type === 'K' ? declared : Number(pax.get('size') ?? declared);
    if (!Number.isSafeInteger(size) || size < 0) throw new ArchiveFormatError(`${what}: invalid size ${pax.get('size') ?? declared}`);
    const dataStart = at + BLOCK;
    if (size > buf.length - dataStart) {
      throw new ArchiveFormatError(`truncated: ${what} declares ${size} bytes of data, but only ${buf.length - dataStart} remain`);
    }
    const data = buf.subarray(dataStart, dataStart + size);
    const next = dataStart + Math.ceil(size / BLOCK) * BLOCK;
    if ((type === 'x' || type === 'g' || type === 'L' || type === 'K') && size > MAX_META_BYTES) {
      throw new ArchiveFormatError(`${what}: ${size}-byte metadata header is over the ${MAX_META_BYTES}-byte cap`);
    }
    if (type === 'x') {
      pax = new Map([...pax, ...parsePax(data, dataStart)]);
    } else if (type === 'g') {
      for (const [key, value] of parsePax(data, dataStart)) globals.push(`${key}=${value}`);
    } else if (type === 'L') {
      longName = text(data);
    } else if (type === 'K') {
      longLink = text(data);
    } else {
      if (entries.length >= maxEntries) throw new ArchiveFormatError(`tar has more than ${maxEntries} members (the cap)`);
      const prefix = format === 'ustar' ? text(header.subarray(345, 500)) : '';
      const shortName = text(header.subarray(0, 100));
      const name = pax.get('path') ?? longName ?? (prefix === '' ? shortName : `${prefix}/${shortName}`);
      const ids = (key: string, field: Buffer, label: string): number => {
        const value = pax.get(key);
        return value !== undefined && /^\d+$/.test(value) ? Number(value) : numeric(field, `${what}: ${label}`);
      };
      const rest = new Map(pax);
      for (const key of ['path', 'linkpath', 'size', 'mtime', 'uid', 'gid', 'uname', 'gname']) rest.delete(key);
      entries.push({
        name,
        type,
        mode: numeric(header.subarray(100, 108), `${what}: mode`),
        uid: ids('uid', header.subarray(108, 116), 'uid'),
        gid: ids('gid', header.subarray(116, 124), 'gid'),
        mtime: pax.get('mtime') ?? String(numeric(header.subarray(136, 148), `${what}: mtime`)),
        size,
        linkName: pax.get('linkpath') ?? longLink ?? text(header.subarray(157, 257)),
        uname: pax.get('uname') ?? (format === 'v7' ? '' : text(header.subarray(265, 297))),
        gname: pax.get('gname') ?? (format === 'v7' ? '' : text(header.subarray(297, 329))),
        devMajor: format === 'v7' ? 0 : numeric(header.subarray(329, 337), `${what}: devmajor`),
        devMinor: format === 'v7' ? 0 : numeric(header.subarray(337, 345), `${what}: devminor`),
        format,
        pax: rest,
        data,
        offset: at,
      });
      pax = new Map();
      longName = undefined;
      longLink = undefined;
    }
    // The last member's padding may be cut short; its data are all there.
    at = Math.min(next, buf.length);
  }
  if (longName !== undefined || longLink !== undefined || pax.size > 0) {
    throw new ArchiveFormatError('truncated: the archive ends after a long-name or pax header, before its member');
  }
  return { entries, globals, trailer: buf.subarray(trailerStart) };
}
