/**
 * Tar (v7, ustar, GNU, pax): members added and removed, member order, each member's header fields
 * (type, mode, uid/gid, uname/gname, mtime, link target, device, other pax records) and, for
 * members whose data differ, the data compared by the whole registry. Compressed tars reach this
 * comparator through the stream comparators (gzip, zstd), which nest their payload.
 */
import { displayName, errorMessage, formatEpoch, formatPermissions, hexBytes, unsafeNameNote } from '../archive/bytes.js';
import { FieldCollector, canNest, depthCapReason, diffMemberSets, memberKeys, memberPath, unexpandedNode } from '../archive/nodes.js';
import { pairMembers, sameMemberNodes, withoutPaired } from '../archive/member-renames.js';
import { looksLikeTar, parseTar, type TarArchive, type TarEntry } from '../archive/tar-reader.js';
import { type Comparator, ComparatorFallback, type CompareContext, type Difference } from '../types.js';

/** Hard cap on members per archive. */
export const MAX_TAR_ENTRIES = 100_000;

const TYPE_NAMES: Record<string, string> = {
  '0': 'regular file',
  '1': 'hard link',
  '2': 'symlink',
  '3': 'character device',
  '4': 'block device',
  '5': 'directory',
  '6': 'fifo',
  '7': 'contiguous file',
  D: 'GNU dump directory',
  M: 'GNU multi-volume continuation',
  S: 'GNU sparse file',
  V: 'GNU volume label',
};

function typeName(type: string): string {
  return TYPE_NAMES[type] ?? `type ${JSON.stringify(type)}`;
}

/** Types whose data are file content worth comparing. */
const CONTENT_TYPES = new Set(['0', '7', 'S', 'D', 'M']);

interface Side {
  archive: TarArchive;
  keys: string[];
  byKey: Map<string, TarEntry>;
}

function readSide(buf: Buffer, label: 'before' | 'after'): Side {
  let archive: TarArchive;
  try {
    archive = parseTar(buf, MAX_TAR_ENTRIES);
  } catch (error) {
    throw new ComparatorFallback(`cannot read the tar (${label}): ${errorMessage(error)}`);
  }
  const keys = memberKeys(archive.entries.map((e) => e.name));
  return { archive, keys, byKey: new Map(keys.map((key, i) => [key, archive.entries[i] as TarEntry])) };
}

function formatMode(mode: number): string {
  return mode > 0o7777 ? `${formatPermissions(mode)} [raw ${mode.toString(8)}]` : formatPermissions(mode);
}

function formatTime(value: string | undefined): string {
  if (value === undefined) return '(absent)';
  const seconds = Number(value);
  return Number.isFinite(seconds) ? formatEpoch(seconds, value) : JSON.stringify(value);
}

/** Pax records that are times are shown as dates, the rest as they are. */
function paxValue(key: string, value: string | undefined): string {
  if (value === undefined) return '(absent)';
  return /(^|\.)(atime|ctime|mtime)$/.test(key) ? formatTime(value) : JSON.stringify(value);
}

/** What ends the archive; zero padding to the record size is left out (it follows from the sizes). */
function describeTrailer(trailer: Buffer): string {
  if (trailer.length === 0) return 'no end-of-archive blocks';
  if (!trailer.every((byte) => byte === 0)) return `${trailer.length} bytes after the last member, not all zero (${hexBytes(trailer, 16)})`;
  return trailer.length >= 1024 ? 'end-of-archive blocks' : `short end-of-archive marker (${trailer.length} zero bytes)`;
}

function archiveFields(path: string, a: TarArchive, b: TarArchive): Difference[] {
  const fields = new FieldCollector('tar', path, '');
  fields.add('pax-global', 'global pax records', JSON.stringify(a.globals), JSON.stringify(b.globals));
  fields.add('end', 'end of archive', describeTrailer(a.trailer), describeTrailer(b.trailer));
  return fields.differences;
}

/** Padding length matters only when nothing else explains why the bytes differ (another blocking factor). */
function paddingField(path: string, a: TarArchive, b: TarArchive): Difference[] {
  const fields = new FieldCollector('tar', path, '');
  fields.add('end-padding', 'zero padding after the last member (tar blocking factor)', `${a.trailer.length} bytes`, `${b.trailer.length} bytes`);
  return fields.differences;
}

function memberFields(path: string, key: string, a: TarEntry, b: TarEntry): Difference[] {
  const fields = new FieldCollector('tar', memberPath(path, key), `${displayName(key)}${unsafeNameNote(key)}: `);
  fields.add('type', 'type', typeName(a.type), typeName(b.type));
  fields.add('mode', 'mode', formatMode(a.mode), formatMode(b.mode));
  fields.add('uid', 'uid', String(a.uid), String(b.uid));
  fields.add('gid', 'gid', String(a.gid), String(b.gid));
  fields.add('uname', 'owner name', JSON.stringify(a.uname), JSON.stringify(b.uname));
  fields.add('gname', 'group name', JSON.stringify(a.gname), JSON.stringify(b.gname));
  fields.add('mtime', 'mtime', formatTime(a.mtime), formatTime(b.mtime));
  fields.add('link-target', 'link target', JSON.stringify(a.linkName), JSON.stringify(b.linkName));
  fields.add('device', 'device numbers', `${a.devMajor},${a.devMinor}`, `${b.devMajor},${b.devMinor}`);
  fields.add('header-format', 'header format', a.format, b.format);
  for (const record of [...new Set([...a.pax.keys(), ...b.pax.keys()])].sort()) {
    fields.add(`pax.${record}`, `pax ${record}`, paxValue(record, a.pax.get(record)), paxValue(record, b.pax.get(record)));
  }
  return fields.differences;
}

function compareData(path: string, key: string, a: TarEntry, b: TarEntry, ctx: CompareContext): Difference[] {
  if (a.data.equals(b.data)) return [];
  const target = memberPath(path, key);
  const subject = `${displayName(key)}${unsafeNameNote(key)}`;
  if (!CONTENT_TYPES.has(a.type) || !CONTENT_TYPES.has(b.type)) {
    return [unexpandedNode('tar', target, `${subject}: data differ (${a.data.length} → ${b.data.length} bytes)`, `${typeName(a.type)} → ${typeName(b.type)} carries no file content`)];
  }
  if (!canNest(ctx)) {
    return [unexpandedNode('tar', target, `${subject}: content differs (${a.data.length} → ${b.data.length} bytes)`, depthCapReason(ctx))];
  }
  return [ctx.compareNested(target, a.data, b.data)];
}

export const tarComparator: Comparator = {
  id: 'tar',
  recognizes(path, head) {
    return looksLikeTar(head, /\.tar$/i.test(path));
  },
  compare(path, before, after, ctx) {
    const a = readSide(before, 'before');
    const b = readSide(after, 'after');
    const describe = (key: string, side: 'before' | 'after'): string => {
      const entry = (side === 'before' ? a : b).byKey.get(key);
      return entry === undefined ? '' : entry.type === '0' ? `${entry.size} bytes` : typeName(entry.type);
    };
    const members = diffMemberSets('tar', path, a.keys, b.keys, describe);
    const inA = new Set(a.keys);
    const inB = new Set(b.keys);
    const dataOf = (key: string, side: 'before' | 'after'): Buffer | null => {
      const entry = (side === 'before' ? a : b).byKey.get(key);
      return entry !== undefined && CONTENT_TYPES.has(entry.type) ? entry.data : null;
    };
    const pairs = pairMembers(a.keys.filter((k) => !inB.has(k)), b.keys.filter((k) => !inA.has(k)), dataOf);
    const differences = [...withoutPaired(members.differences, path, pairs), ...sameMemberNodes('tar', path, pairs), ...archiveFields(path, a.archive, b.archive)];
    for (const key of members.common) {
      const ea = a.byKey.get(key);
      const eb = b.byKey.get(key);
      if (ea === undefined || eb === undefined) continue;
      differences.push(...memberFields(path, key, ea, eb), ...compareData(path, key, ea, eb, ctx));
    }
    for (const pair of pairs) {
      const ea = a.byKey.get(pair.before);
      const eb = b.byKey.get(pair.after);
      if (ea === undefined || eb === undefined) continue;
      differences.push(...memberFields(path, pair.after, ea, eb));
      for (const d of pair.same ? [] : compareData(path, pair.after, ea, eb, ctx)) {
        d.from = memberPath(path, pair.before);
        d.summary = `renamed from ${displayName(pair.before)}; ${d.summary}`;
        differences.push(d);
      }
    }
    return differences.length > 0 ? differences : paddingField(path, a.archive, b.archive);
  },
};
