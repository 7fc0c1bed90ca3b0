import type { Entry } from './types.js';

/** Canonical JSON: object keys sorted by code point, no whitespace, `undefined` members dropped. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value === 'boolean' || typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new TypeError('canonical JSON cannot hold a non-finite number');
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item === undefined ? null : item)).join(',')}]`;
  if (typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const keys = Object.keys(record)
      .filter((key) => record[key] !== undefined)
      .sort(compareCodePoints);
    return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
  }
  throw new TypeError(`canonical JSON cannot hold a ${typeof value}`);
}

/** Orders strings by Unicode code point, which equals UTF-8 byte order (JS `<` compares UTF-16 units). */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    // Surrogates (0xD800–0xDFFF) encode code points above 0xFFFF: they sort after all other BMP units.
    const xs = x >= 0xd800 && x <= 0xdfff;
    const ys = y >= 0xd800 && y <= 0xdfff;
    if (xs !== ys) return xs ? 1 : -1;
    return x - y;
  }
  return a.length - b.length;
}

/**
 * `canonicalJson` of a well-formed entry list, without the generic key sorting: capture writes
 * one entry per path, so this runs over 100k+ entries. Keys are written in code-point order, as
 * `canonicalJson` would sort them; a test checks both give the same text.
 */
export function canonicalEntriesJson(entries: readonly Entry[]): string {
  const parts: string[] = new Array(entries.length);
  for (let i = 0; i < entries.length; i++) {
    const e = entries[i] as Entry;
    const path = JSON.stringify(e.path);
    if (e.type === 'file') {
      const chunks = e.chunks === undefined ? '' : `"chunks":[${e.chunks.map((c) => `"${c}"`).join(',')}],`;
      const patches = e.patches === undefined ? '' : `,"patches":${canonicalJson(e.patches)}`;
      parts[i] = `{${chunks}"class":"${e.class}","mode":${e.mode}${patches},"path":${path},"sha256":"${e.sha256}","size":${e.size},"type":"file"}`;
    } else if (e.type === 'dir') {
      parts[i] = `{"mode":${e.mode},"path":${path},"type":"dir"}`;
    } else {
      parts[i] = `{"path":${path},"target":${JSON.stringify(e.target)},"type":"symlink"}`;
    }
  }
  return `[${parts.join(',')}]`;
}
