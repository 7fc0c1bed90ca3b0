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

/**
 * How many bytes one side may still expand. One budget covers a top-level file's side with all
 * the archives nested in it, and charges a parent (the whole diff's) too, so that nesting never
 * earns a fresh allowance (a 42.zip). A refusal that comes from what was already expanded stops
 * the budget: nothing more is expanded under it, so a bomb costs at most the budget, not one
 * refusal per member it holds.
 */
export class ExpansionBudget {
  readonly limit: number;
  /** Whose budget this is, for messages: `file`, `diff`. */
  readonly scope: string;
  private readonly parent: ExpansionBudget | null;
  private spent = 0;
  private stopped = false;

  constructor(limit: number, options: { parent?: ExpansionBudget; scope?: string } = {}) {
    this.limit = limit;
    this.parent = options.parent ?? null;
    this.scope = options.scope ?? 'archive';
  }

  /** Bytes expanded under this budget so far. */
  get used(): number {
    return this.spent;
  }

  /** True once a refusal came from what was already expanded: from then on nothing more is. */
  get exhausted(): boolean {
    return this.stopped;
  }

  get remaining(): number {
    if (this.stopped) return 0;
    const own = Math.max(0, this.limit - this.spent);
    return this.parent === null ? own : Math.min(own, this.parent.remaining);
  }

  /** Accounts for `bytes` already produced, or throws when they pass what is left. */
  spend(bytes: number, what: string): void {
    if (bytes > this.remaining) throw this.refuse(what, `expands to ${formatSize(bytes)}, more than`);
    this.charge(bytes);
  }

  /**
   * The error for `what`, which `claim`s more than is left (`declares 2 GiB uncompressed, more
   * than`, `expands past`). Alone over the cap it is a bomb by itself, and smaller things may still
   * be expanded; past what earlier expansion left, the budget is exhausted and stops.
   */
  refuse(what: string, claim: string): ExpansionLimitError {
    if (this.stopped) return new ExpansionLimitError(`expansion budget exhausted: ${what} was not expanded`);
    const binding = this.binding();
    if (binding.spent === 0) return new ExpansionLimitError(`${what} ${claim} the ${formatSize(binding.limit)} expansion cap`);
    const left = formatSize(binding.remaining);
    this.stopped = true;
    binding.stopped = true;
    return new ExpansionLimitError(
      `expansion budget exhausted: ${what} ${claim} the ${left} left of the ${formatSize(binding.limit)} the ${binding.scope} may expand`,
    );
  }

  private charge(bytes: number): void {
    this.spent += bytes;
    this.parent?.charge(bytes);
  }

  /** The budget in the chain with the least left. */
  private binding(): ExpansionBudget {
    const up = this.parent?.binding();
    return up !== undefined && up.remaining < Math.max(0, this.limit - this.spent) ? up : this;
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
