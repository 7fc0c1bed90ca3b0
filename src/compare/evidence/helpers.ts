/** Helpers every evidence finder shares: bounds, quoting, and reading little-endian fields from a byte span. */
import type { ByteSpan } from '../byte-ranges.js';

export const YEAR = 365.25 * 86_400;
/** Epochs further than this from now are not taken for timestamps. */
export const EPOCH_WINDOW = 30 * YEAR;
/** Two binary u32 values count as build times only when this close: random words rarely are. */
export const BINARY_EPOCH_SPREAD = 366 * 86_400;
/** Text evidence is looked for this far around a differing stretch. */
export const MAX_EXPAND = 256;
/** Stretches longer than this are not one token: no text evidence is looked for. */
export const MAX_TEXT_SPAN = 4096;

export function plausibleEpoch(seconds: number, nowSeconds = Date.now() / 1000): boolean {
  return Number.isFinite(seconds) && Math.abs(seconds - nowSeconds) <= EPOCH_WINDOW;
}

export function isoOfEpoch(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
}

export function hexOffset(offset: number): string {
  return `0x${offset.toString(16)}`;
}

/** A value quoted for evidence, shortened in the middle when long. */
export function quote(value: string, max = 80): string {
  const shown = value.length > max ? `${value.slice(0, max / 2 - 1)}…${value.slice(value.length - max / 2)}` : value;
  return JSON.stringify(shown);
}

export function byteAt(view: ByteSpan, offset: number): number {
  const i = offset - view.offset;
  return i >= 0 && i < view.bytes.length ? view.bytes[i] : -1;
}

export function u16le(view: ByteSpan, offset: number): number | undefined {
  const lo = byteAt(view, offset);
  const hi = byteAt(view, offset + 1);
  return lo < 0 || hi < 0 ? undefined : lo | (hi << 8);
}

export function u32le(view: ByteSpan, offset: number): number | undefined {
  const lo = u16le(view, offset);
  const hi = u16le(view, offset + 2);
  return lo === undefined || hi === undefined ? undefined : lo + hi * 0x10000;
}

export function slice(view: ByteSpan, start: number, end: number): Buffer | undefined {
  if (start < view.offset || end > view.offset + view.bytes.length) return undefined;
  return view.bytes.subarray(start - view.offset, end - view.offset);
}

export function hexOf(bytes: Buffer | undefined, max = 12): string {
  if (bytes === undefined) return '?';
  const hex = bytes.toString('hex');
  return hex.length > max * 2 ? `${hex.slice(0, max * 2)}…` : hex;
}

export type Interval = [number, number];

export function within(inner: Interval, outer: Interval): boolean {
  return inner[0] >= outer[0] && inner[1] <= outer[1];
}

/** Printable ASCII and tab; in text also every byte of a multi-byte character. */
export function isPrintable(byte: number, binary: boolean): boolean {
  return (byte >= 0x20 && byte < 0x7f) || byte === 9 || (!binary && byte >= 0x80);
}
