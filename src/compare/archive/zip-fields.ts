/**
 * Zip header values as text a person can compare: DOS times, extra fields decoded by header id
 * (times rendered as ISO dates with their epoch, so the cause classifier finds the evidence),
 * host systems, attribute bits, flags and methods.
 */
import { formatEpoch, formatPermissions, hex, hexBytes } from './bytes.js';
import { type ExtraField, FLAG_ENCRYPTED, METHOD_NAMES, type ZipEntry } from './zip-reader.js';

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** DOS date and time (local time, 2-second resolution) as `2020-01-01T00:00:00`. */
export function formatDosTime(date: number, time: number): string {
  const year = 1980 + (date >> 9);
  const month = (date >> 5) & 0x0f;
  const day = date & 0x1f;
  const text = `${year}-${pad(month)}-${pad(day)}T${pad(time >> 11)}:${pad((time >> 5) & 0x3f)}:${pad((time & 0x1f) * 2)}`;
  const valid = month >= 1 && month <= 12 && day >= 1 && time >> 11 < 24 && ((time >> 5) & 0x3f) < 60 && (time & 0x1f) < 30;
  return valid ? text : `${text} (invalid)`;
}

export const EXTRA_NAMES: Record<number, string> = {
  0x0001: 'zip64 sizes',
  0x000a: 'NTFS times',
  0x000d: 'PKWARE unix',
  0x5455: 'extended timestamp',
  0x5855: 'Info-ZIP unix (old)',
  0x7855: 'Info-ZIP unix uid/gid (old)',
  0x7875: 'unix uid/gid',
  0x7075: 'unicode path',
  0x6375: 'unicode comment',
  0x9901: 'AES encryption',
  0xcafe: 'jar marker',
  0xd935: 'Android alignment',
  [-1]: 'malformed extra data',
};

export function extraLabel(id: number): string {
  return id < 0 ? EXTRA_NAMES[-1] ?? 'malformed' : `${EXTRA_NAMES[id] ?? 'unknown'} extra field (${hex(id, 4)})`;
}

function int32(data: Buffer, at: number): number | undefined {
  return at + 4 <= data.length ? data.readInt32LE(at) : undefined;
}

/** Little-endian unsigned integer of any width, as decimal text. */
function uintText(data: Buffer): string {
  let value = 0n;
  for (let i = data.length - 1; i >= 0; i--) value = (value << 8n) | BigInt(data[i] ?? 0);
  return value.toString();
}

function describeUnixTime(data: Buffer): string {
  const flags = data[0] ?? 0;
  const parts: string[] = [];
  let at = 1;
  for (const [bit, label] of [[1, 'mtime'], [2, 'atime'], [4, 'ctime']] as const) {
    if (!(flags & bit)) continue;
    const value = int32(data, at);
    // The central copy sets the flags for all times but carries only mtime.
    if (value === undefined) break;
    parts.push(`${label} ${formatEpoch(value)}`);
    at += 4;
  }
  return parts.length > 0 ? parts.join(', ') : `flags ${hex(flags, 2)}`;
}

function describeUnixIds(data: Buffer): string {
  const uidSize = data[1] ?? 0;
  const gidSizeAt = 2 + uidSize;
  const gidSize = data[gidSizeAt] ?? 0;
  if (data.length < gidSizeAt + 1 + gidSize) return hexBytes(data);
  return `uid ${uintText(data.subarray(2, gidSizeAt))}, gid ${uintText(data.subarray(gidSizeAt + 1, gidSizeAt + 1 + gidSize))}`;
}

/** atime, mtime [, uid, gid]: the layout of 0x000d and 0x5855. */
function describeOldUnix(data: Buffer): string {
  const atime = int32(data, 0);
  const mtime = int32(data, 4);
  if (atime === undefined || mtime === undefined) return hexBytes(data);
  const ids = data.length >= 12 ? `, uid ${data.readUInt16LE(8)}, gid ${data.readUInt16LE(10)}` : '';
  return `mtime ${formatEpoch(mtime)}, atime ${formatEpoch(atime)}${ids}`;
}

const FILETIME_EPOCH_OFFSET = 11644473600n;

function describeNtfs(data: Buffer): string {
  let at = 4;
  while (at + 4 <= data.length) {
    const tag = data.readUInt16LE(at);
    const size = data.readUInt16LE(at + 2);
    if (tag === 1 && size >= 24 && at + 4 + 24 <= data.length) {
      const times = [0, 8, 16].map((o) => {
        const ticks = data.readBigUInt64LE(at + 4 + o);
        return formatEpoch(Number(ticks / 10_000_000n - FILETIME_EPOCH_OFFSET), String(ticks));
      });
      return `mtime ${times[0]}, atime ${times[1]}, ctime ${times[2]}`;
    }
    at += 4 + size;
  }
  return hexBytes(data);
}

/** One extra field's content as text; offsets (zip64) are left out because they move with order. */
export function describeExtra(field: ExtraField): string {
  const { id, data } = field;
  switch (id) {
    case 0x0001:
      return `present (${data.length} bytes)`;
    case 0x000a:
      return describeNtfs(data);
    case 0x000d:
    case 0x5855:
      return describeOldUnix(data);
    case 0x5455:
      return describeUnixTime(data);
    case 0x7875:
      return describeUnixIds(data);
    case 0x7855:
      return data.length >= 4 ? `uid ${data.readUInt16LE(0)}, gid ${data.readUInt16LE(2)}` : `present (${data.length} bytes)`;
    case 0x7075:
    case 0x6375:
      return data.length >= 5 ? JSON.stringify(data.subarray(5).toString('utf8')) : hexBytes(data);
    case 0xcafe:
      return data.length === 0 ? 'present' : hexBytes(data);
    case 0xd935:
      return data.length >= 2 ? `align to ${data.readUInt16LE(0)} bytes, ${data.length - 2} padding bytes` : hexBytes(data);
    default:
      return hexBytes(data);
  }
}

/** Ids of every extra field of a member, local and central, in ascending order (malformed last). */
export function extraIds(entry: ZipEntry): number[] {
  const ids = new Set<number>([...entry.extra, ...entry.local.extra].map((f) => f.id));
  return [...ids].sort((x, y) => (x < 0 ? 1 : y < 0 ? -1 : x - y));
}

/** The value of extra field `id` on one member: local and central copies, or `(absent)`. */
export function extraValue(entry: ZipEntry, id: number): string {
  const render = (fields: ExtraField[]): string => fields.filter((f) => f.id === id).map(describeExtra).join(' + ');
  const local = render(entry.local.extra);
  const central = render(entry.extra);
  if (local === '' && central === '') return '(absent)';
  if (local === central) return local;
  return [local === '' ? '' : `local: ${local}`, central === '' ? '' : `central: ${central}`].filter((s) => s !== '').join('; ');
}

const HOSTS: Record<number, string> = {
  0: 'MS-DOS', 1: 'Amiga', 2: 'OpenVMS', 3: 'Unix', 4: 'VM/CMS', 5: 'Atari ST', 6: 'OS/2 HPFS', 7: 'Macintosh',
  8: 'Z-System', 9: 'CP/M', 10: 'NTFS', 11: 'MVS', 12: 'VSE', 13: 'Acorn RISC OS', 14: 'VFAT', 15: 'MVS (alternate)',
  16: 'BeOS', 17: 'Tandem', 18: 'OS/400', 19: 'OS X',
};

function specVersion(value: number): string {
  const v = value & 0xff;
  return `${Math.floor(v / 10)}.${v % 10}`;
}

export function formatMadeBy(value: number): string {
  const host = value >> 8;
  return `${HOSTS[host] ?? `host ${host}`}, spec ${specVersion(value)}`;
}

export function formatVersionNeeded(value: number): string {
  return specVersion(value);
}

/** Unix mode bits live in the top half of the external attributes when the host is Unix-like. */
export function unixMode(entry: ZipEntry): number | undefined {
  const host = entry.versionMadeBy >> 8;
  const mode = entry.externalAttributes >>> 16;
  return host === 3 || host === 19 || mode !== 0 ? mode : undefined;
}

const FILE_TYPES: Record<number, string> = {
  0o010000: 'p', 0o020000: 'c', 0o040000: 'd', 0o060000: 'b', 0o100000: '-', 0o120000: 'l', 0o140000: 's',
};

export function formatUnixMode(mode: number | undefined): string {
  if (mode === undefined) return '(not recorded)';
  const type = FILE_TYPES[mode & 0o170000] ?? '?';
  const permissions = formatPermissions(mode);
  return `${mode.toString(8).padStart(6, '0')} (${type}${permissions.slice(permissions.indexOf('(') + 1, -1)})`;
}

const DOS_ATTRIBUTES: ReadonlyArray<readonly [number, string]> = [
  [0x01, 'read-only'], [0x02, 'hidden'], [0x04, 'system'], [0x08, 'volume'], [0x10, 'directory'], [0x20, 'archive'],
];

export function formatDosAttributes(value: number): string {
  const names = DOS_ATTRIBUTES.filter(([bit]) => value & bit).map(([, name]) => name);
  return `${hex(value, 4)}${names.length > 0 ? ` (${names.join(', ')})` : ''}`;
}

const FLAG_NAMES: ReadonlyArray<readonly [number, string]> = [
  [FLAG_ENCRYPTED, 'encrypted'], [0x0008, 'data-descriptor'], [0x0010, 'enhanced-deflate'], [0x0020, 'patched'],
  [0x0040, 'strong-encryption'], [0x0800, 'utf8'], [0x2000, 'masked-headers'],
];

/** Bits 1–2 are the method's options (deflate level); they show under `compression`. */
export function formatFlags(flags: number): string {
  const shown = flags & ~0x0006;
  const names = FLAG_NAMES.filter(([bit]) => shown & bit).map(([, name]) => name);
  return `${hex(shown, 4)}${names.length > 0 ? ` (${names.join(', ')})` : ''}`;
}

const DEFLATE_LEVELS = ['normal', 'maximum', 'fast', 'super fast'];

export function formatMethod(method: number, flags: number): string {
  const name = METHOD_NAMES[method] ?? `method ${method}`;
  return method === 8 ? `${name} (${DEFLATE_LEVELS[(flags >> 1) & 3]})` : name;
}

export function formatContentFacts(entry: ZipEntry): string {
  return `crc32 ${hex(entry.crc32)}, ${entry.size} bytes`;
}
