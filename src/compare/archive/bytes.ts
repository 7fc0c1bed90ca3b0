/**
 * Bounds-checked reading and the small formatters the archive comparators share. Archive headers
 * are hostile input: every offset and length is checked against the buffer before it is used, and
 * a failed check says what was being read, where, and how much was there.
 */

/** An archive's structure cannot be read: truncated, corrupt, or over a hard cap. */
export class ArchiveFormatError extends Error {
  override readonly name = 'ArchiveFormatError';
}

/** Expanding a member or stream would pass the expansion budget (a bomb, or just too big). */
export class ExpansionLimitError extends Error {
  override readonly name = 'ExpansionLimitError';
}

/** `length` bytes at `offset`, or an ArchiveFormatError naming `what` when they are not all there. */
export function take(buf: Buffer, offset: number, length: number, what: string): Buffer {
  if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || offset < 0 || length < 0) {
    throw new ArchiveFormatError(`${what}: invalid offset ${offset} or length ${length}`);
  }
  if (offset + length > buf.length) {
    throw new ArchiveFormatError(
      `${what}: needs ${length} bytes at offset ${offset}, but the data ends at ${buf.length}`,
    );
  }
  return buf.subarray(offset, offset + length);
}

/** An unsigned 64-bit little-endian value that must fit a safe integer (offsets, sizes). */
export function readU64(buf: Buffer, offset: number, what: string): number {
  const value = take(buf, offset, 8, what).readBigUInt64LE(0);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new ArchiveFormatError(`${what}: value ${value} is too large`);
  return Number(value);
}

/** Tracks how many bytes one side may still expand; shared by every member of one archive side. */
export class ExpansionBudget {
  readonly limit: number;
  private used = 0;
  constructor(limit: number) {
    this.limit = limit;
  }

  get remaining(): number {
    return Math.max(0, this.limit - this.used);
  }

  /** Accounts for `bytes` already produced, or throws when they pass the limit. */
  spend(bytes: number, what: string): void {
    if (bytes > this.remaining) {
      throw new ExpansionLimitError(`${what} expands past the ${formatSize(this.limit)} expansion cap`);
    }
    this.used += bytes;
  }
}

/** Node's `maxOutputLength` must be at least 1; 0 still lets an empty stream decode. */
export function outputCap(bytes: number): number {
  return Math.max(1, Math.min(bytes, 0x7fffffff));
}

/** True for zlib's "output would pass maxOutputLength" error. */
export function isOutputLimitError(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'ERR_BUFFER_TOO_LARGE';
}

/** An error's message; zlib's errors may come from another realm, so no `instanceof`. */
export function errorMessage(error: unknown): string {
  const message = (error as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? message : String(error);
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  const units = ['KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${Number.isInteger(value) ? value : value.toFixed(1)} ${units[unit]}`;
}

export function hex(value: number, digits = 8): string {
  return `0x${value.toString(16).padStart(digits, '0')}`;
}

/** Up to `max` bytes as hex, with the total length when cut. */
export function hexBytes(data: Buffer, max = 48): string {
  const shown = data.subarray(0, max).toString('hex');
  return data.length > max ? `${shown}… (${data.length} bytes)` : shown || '(empty)';
}

/** Seconds since the epoch as `2024-01-01T00:00:00Z (1704067200)`; the epoch shows as evidence. */
export function formatEpoch(seconds: number, text = String(seconds)): string {
  const ms = seconds * 1000;
  if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15) return text;
  return `${new Date(ms).toISOString().replace(/\.000Z$/, 'Z')} (${text})`;
}

const PERMISSION_BITS = 'rwxrwxrwx';

/** Permission bits as `0755 (rwxr-xr-x)`, with setuid/setgid/sticky folded into the x positions. */
export function formatPermissions(mode: number): string {
  const chars = [...PERMISSION_BITS].map((c, i) => ((mode >> (8 - i)) & 1 ? c : '-'));
  if (mode & 0o4000) chars[2] = chars[2] === 'x' ? 's' : 'S';
  if (mode & 0o2000) chars[5] = chars[5] === 'x' ? 's' : 'S';
  if (mode & 0o1000) chars[8] = chars[8] === 'x' ? 't' : 'T';
  return `${(mode & 0o7777).toString(8).padStart(4, '0')} (${chars.join('')})`;
}

/** Control characters escaped so a hostile member name cannot break a report line. */
export function displayName(name: string): string {
  return name.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** A note for names that would escape an extraction root; such names are reported, never acted on. */
export function unsafeNameNote(name: string): string {
  const segments = name.split(/[\\/]/);
  if (name.startsWith('/') || name.startsWith('\\') || /^[A-Za-z]:/.test(name)) return ' (absolute path)';
  if (segments.includes('..')) return ' (path escapes the archive root)';
  return '';
}

/** The last path segment of a display path (`a.zip!/dir/x.tar.gz` → `x.tar.gz`). */
export function baseName(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return path.slice(cut + 1);
}
