/**
 * gzip (RFC 1952): member headers, and the payload of every member expanded under a budget.
 * Member boundaries come from inflating each deflate stream, so multi-member files (`cat a.gz
 * b.gz`, pigz --independent, bgzip) are read member by member.
 */
import { crc32, inflateRawSync } from 'node:zlib';
import {
  ArchiveFormatError,
  type ExpansionBudget,
  errorMessage,
  formatSize,
  hex,
  isOutputLimitError,
  outputCap,
  take,
} from './bytes.js';

export const FTEXT = 0x01;
export const FHCRC = 0x02;
export const FEXTRA = 0x04;
export const FNAME = 0x08;
export const FCOMMENT = 0x10;
/** Members read before giving up: each costs a header and a trailer, so this only stops abuse. */
const MAX_MEMBERS = 10_000;

export interface GzipHeader {
  method: number;
  flags: number;
  mtime: number;
  xfl: number;
  os: number;
  extra: Buffer | undefined;
  /** FNAME and FCOMMENT are ISO 8859-1 by the RFC. */
  name: string | undefined;
  comment: string | undefined;
  headerCrc: number | undefined;
  /** Header length in bytes: the deflate stream starts here. */
  length: number;
}

export function isGzip(head: Buffer): boolean {
  return head.length >= 3 && head[0] === 0x1f && head[1] === 0x8b && head[2] === 8;
}

function zeroTerminated(buf: Buffer, at: number, what: string): [string, number] {
  const end = buf.indexOf(0, at);
  if (end < 0) throw new ArchiveFormatError(`truncated gzip header: ${what} has no terminating zero`);
  return [buf.toString('latin1', at, end), end + 1];
}

/** Parses the member header at `offset`; ArchiveFormatError when it is not all there. */
export function parseGzipHeader(buf: Buffer, offset: number): GzipHeader {
  const fixed = take(buf, offset, 10, 'gzip header');
  if (fixed[0] !== 0x1f || fixed[1] !== 0x8b) throw new ArchiveFormatError(`no gzip magic at offset ${offset}`);
  const method = fixed[2] ?? 0;
  if (method !== 8) throw new ArchiveFormatError(`gzip member at offset ${offset} uses compression method ${method}, not deflate (8)`);
  const flags = fixed[3] ?? 0;
  let at = offset + 10;
  let extra: Buffer | undefined;
  let name: string | undefined;
  let comment: string | undefined;
  let headerCrc: number | undefined;
  if (flags & FEXTRA) {
    const length = take(buf, at, 2, 'gzip FEXTRA length').readUInt16LE(0);
    extra = take(buf, at + 2, length, 'gzip FEXTRA field');
    at += 2 + length;
  }
  if (flags & FNAME) [name, at] = zeroTerminated(buf, at, 'FNAME');
  if (flags & FCOMMENT) [comment, at] = zeroTerminated(buf, at, 'FCOMMENT');
  if (flags & FHCRC) {
    headerCrc = take(buf, at, 2, 'gzip FHCRC').readUInt16LE(0);
    at += 2;
  }
  return { method, flags, mtime: fixed.readUInt32LE(4), xfl: fixed[8] ?? 0, os: fixed[9] ?? 0, extra, name, comment, headerCrc, length: at - offset };
}

export interface GzipStream {
  members: GzipHeader[];
  payload: Buffer;
  /** Bytes after the last member (gzip ignores trailing zeros; anything else is garbage). */
  trailing: Buffer;
}

interface InflateInfo {
  buffer: Buffer;
  engine: { bytesWritten: number };
}

function isInflateInfo(value: unknown): value is InflateInfo {
  if (typeof value !== 'object' || value === null || !('buffer' in value) || !('engine' in value)) return false;
  const engine: unknown = value.engine;
  return Buffer.isBuffer(value.buffer) && typeof engine === 'object' && engine !== null && 'bytesWritten' in engine && typeof engine.bytesWritten === 'number';
}

/** Inflates one raw deflate stream and says how many input bytes it used. */
function inflateMember(input: Buffer, maxOutput: number): InflateInfo {
  const result: unknown = inflateRawSync(input, { info: true, maxOutputLength: outputCap(maxOutput) });
  if (!isInflateInfo(result)) throw new ArchiveFormatError('zlib returned no stream information');
  return result;
}

/** Deflate cannot expand more than 1032:1 (a 258-byte match per two bits). */
const MAX_DEFLATE_RATIO = 1032;

/**
 * What the last member says it expands to, when that is believable. ISIZE is the size mod 2^32,
 * so the real size is at least that: a bomb whose ISIZE passes the budget is refused before
 * anything is inflated. A value deflate could not produce (a truncated file) is no evidence: 0.
 */
export function declaredLastSize(buf: Buffer): number {
  if (buf.length < 18) return 0;
  const size = buf.readUInt32LE(buf.length - 4);
  return size <= buf.length * MAX_DEFLATE_RATIO ? size : 0;
}

/** Expands every member; ExpansionLimitError past the budget, ArchiveFormatError when corrupt. */
export function decodeGzip(buf: Buffer, budget: ExpansionBudget): GzipStream {
  if (declaredLastSize(buf) > budget.remaining) {
    throw budget.refuse('the last gzip member', `declares ${formatSize(declaredLastSize(buf))} uncompressed (ISIZE), more than`);
  }
  const members: GzipHeader[] = [];
  const parts: Buffer[] = [];
  let at = 0;
  while (at < buf.length) {
    if (members.length > 0 && !(buf[at] === 0x1f && buf[at + 1] === 0x8b)) break;
    if (members.length >= MAX_MEMBERS) throw new ArchiveFormatError(`more than ${MAX_MEMBERS} gzip members`);
    const header = parseGzipHeader(buf, at);
    const what = `gzip member ${members.length + 1}`;
    const start = at + header.length;
    let inflated: InflateInfo;
    try {
      inflated = inflateMember(buf.subarray(start), budget.remaining);
    } catch (error) {
      if (isOutputLimitError(error)) throw budget.refuse(what, 'expands past');
      throw new ArchiveFormatError(`${what} at offset ${at}: deflate data corrupt or truncated (${errorMessage(error)})`);
    }
    budget.spend(inflated.buffer.length, what);
    const trailer = take(buf, start + inflated.engine.bytesWritten, 8, `${what} trailer`);
    const stored = trailer.readUInt32LE(0);
    const computed = crc32(inflated.buffer);
    if (stored !== computed) throw new ArchiveFormatError(`${what}: CRC-32 mismatch (stored ${hex(stored)}, computed ${hex(computed)})`);
    if (trailer.readUInt32LE(4) !== inflated.buffer.length % 2 ** 32) {
      throw new ArchiveFormatError(`${what}: ISIZE ${trailer.readUInt32LE(4)} does not match the ${inflated.buffer.length} bytes inflated`);
    }
    members.push(header);
    parts.push(inflated.buffer);
    at = start + inflated.engine.bytesWritten + 8;
  }
  return { members, payload: parts.length === 1 ? (parts[0] as Buffer) : Buffer.concat(parts), trailing: buf.subarray(at) };
}
