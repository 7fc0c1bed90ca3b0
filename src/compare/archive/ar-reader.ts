/**
 * Unix `ar` archives (`.a`, `.rlib`, `.deb`'s outer container): GNU (`/` symbol table, `//`
 * long-name table, `/123` names, `/SYM64/`) and BSD (`#1/NN` names stored before the data,
 * `__.SYMDEF`). Thin archives (`!<thin>`) hold only paths to their members and are refused.
 */
import type { ByteSource } from '../byte-source.js';
import { ArchiveFormatError } from './bytes.js';

export const AR_MAGIC = Buffer.from('!<arch>\n', 'latin1');
export const THIN_MAGIC = Buffer.from('!<thin>\n', 'latin1');
const HEADER_SIZE = 60;

export interface ArMember {
  name: string;
  /** Header fields as stored (decimal text; mode is octal text). */
  mtime: string;
  uid: string;
  gid: string;
  mode: string;
  /** Where its data starts in the archive (after a BSD name), and how long it is. */
  dataOffset: number;
  size: number;
  /** Offset of its header in the archive: what symbol tables point at. */
  offset: number;
  /** The symbol table (`/`, `/SYM64/`, `__.SYMDEF…`): an index of the other members, not a file. */
  symbolTable: boolean;
}

export function looksLikeAr(head: Buffer): boolean {
  return head.length >= 8 && (head.subarray(0, 8).equals(AR_MAGIC) || head.subarray(0, 8).equals(THIN_MAGIC));
}

function field(header: Buffer, start: number, length: number): string {
  return header.toString('latin1', start, start + length).trimEnd();
}

function decimal(text: string, what: string): number {
  if (!/^\d+$/.test(text)) throw new ArchiveFormatError(`${what} is not a decimal number: ${JSON.stringify(text)}`);
  return Number(text);
}

/** `length` bytes at `offset` of the archive, or an ArchiveFormatError naming `what`. */
function takeFrom(source: ByteSource, offset: number, length: number, what: string): Buffer {
  if (offset + length > source.size) {
    throw new ArchiveFormatError(`${what}: needs ${length} bytes at offset ${offset}, but the data ends at ${source.size}`);
  }
  return source.read(offset, length);
}

/** Parses the members, in archive order; at most `maxMembers`. Only headers and names are read. */
export function parseAr(source: ByteSource, maxMembers: number): ArMember[] {
  return [...arMembers(source, maxMembers)];
}

/** The members one at a time, in archive order, as `parseAr` finds them (two archives can be read in step). */
export function* arMembers(source: ByteSource, maxMembers: number): Generator<ArMember> {
  const magic = takeFrom(source, 0, Math.min(8, source.size), 'magic');
  if (magic.equals(THIN_MAGIC)) {
    throw new ArchiveFormatError('a thin archive (ar T): it holds paths to its members, not their bytes, so there is nothing inside to compare; compare the member files themselves');
  }
  if (!magic.equals(AR_MAGIC)) throw new ArchiveFormatError('no !<arch> magic');
  let count = 0;
  let longNames: Buffer | null = null;
  let at = 8;
  while (at < source.size) {
    if (source.size - at === 1 && (source.read(at, 1)[0] as number) === 0x0a) break; // a final padding byte
    const header = takeFrom(source, at, HEADER_SIZE, `member header at offset ${at}`);
    if (header.toString('latin1', 58, 60) !== '`\n') throw new ArchiveFormatError(`member header at offset ${at} does not end with the \`\\n terminator`);
    const size = decimal(field(header, 48, 10), `size of the member at offset ${at}`);
    if (at + HEADER_SIZE + size > source.size) {
      throw new ArchiveFormatError(`data of the member at offset ${at}: needs ${size} bytes at offset ${at + HEADER_SIZE}, but the data ends at ${source.size}`);
    }
    let dataOffset = at + HEADER_SIZE;
    let dataSize = size;
    let name = field(header, 0, 16);
    if (name.startsWith('#1/')) {
      // BSD: the name's length, and the name stored at the start of the data.
      const length = decimal(name.slice(3), `BSD name length at offset ${at}`);
      if (length > size) throw new ArchiveFormatError(`BSD name at offset ${at} is longer than its member`);
      name = source.read(dataOffset, length).toString('utf8').replace(/\0+$/, '');
      dataOffset += length;
      dataSize -= length;
    } else if (name === '//') {
      longNames = source.read(dataOffset, size);
    } else if (/^\/\d+$/.test(name)) {
      const offset = Number(name.slice(1));
      if (longNames === null || offset >= longNames.length) throw new ArchiveFormatError(`member at offset ${at} names long-name entry ${offset}, which does not exist`);
      const end = longNames.indexOf('/\n', offset, 'latin1');
      name = longNames.toString('utf8', offset, end < 0 ? longNames.length : end);
    } else if (name !== '/' && name !== '/SYM64/' && name.endsWith('/')) {
      name = name.slice(0, -1); // GNU ends short names with '/'
    }
    const symbolTable = name === '/' || name === '/SYM64/' || name.startsWith('__.SYMDEF');
    if (name !== '//') {
      if (++count > maxMembers) throw new ArchiveFormatError(`more than ${maxMembers} members`);
      yield { name, mtime: field(header, 16, 12), uid: field(header, 28, 6), gid: field(header, 34, 6), mode: field(header, 40, 8), dataOffset, size: dataSize, offset: at, symbolTable };
    }
    at += HEADER_SIZE + size + (size % 2);
  }
}
