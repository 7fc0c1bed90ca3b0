/**
 * Zip family (zip, jar, war, whl, apk, aar, nupkg, vsix …): members added and removed, member
 * order, each member's header fields (DOS time, extra fields, attributes, method, flags), the
 * archive comment, and — for members whose bytes differ — the expanded members, compared by the
 * whole registry. Member names are only ever reported, never used as file-system paths.
 */
import { createHash } from 'node:crypto';
import {
  ExpansionBudget,
  displayName,
  errorMessage,
  formatSize,
  unsafeNameNote,
} from '../archive/bytes.js';
import { pairMembers, sameMemberNodes, withoutPaired, type MemberPair } from '../archive/member-renames.js';
import { FieldCollector, canNest, depthCapReason, diffMemberSets, memberKeys, memberPath, unexpandedNode } from '../archive/nodes.js';
import {
  extraIds,
  extraLabel,
  extraValue,
  formatContentFacts,
  formatDosAttributes,
  formatDosTime,
  formatFlags,
  formatMadeBy,
  formatMethod,
  formatUnixMode,
  formatVersionNeeded,
  unixMode,
} from '../archive/zip-fields.js';
import { SIG_CENTRAL } from '../archive/zip-layout.js';
import { type ExtraField, expandMember, parseZip, type ZipArchive, type ZipEntry } from '../archive/zip-reader.js';
import { type Comparator, ComparatorFallback, type CompareContext, type Difference } from '../types.js';

/** Hard cap on members per archive, whatever the directory claims. */
export const MAX_ZIP_ENTRIES = 100_000;

// No `.ja` (omni.ja): its magic tells, and `README.ja`-style text must not meet the zip reader first.
const ZIP_EXTENSIONS = /\.(zip|jar|war|ear|whl|egg|apk|aab|aar|nupkg|vsix|xpi|ipa|jmod)$/i;

function hasZipMagic(head: Buffer): boolean {
  // A Mozilla-optimised jar: a read-ahead length, then a central directory entry.
  if (head.length >= 8 && head.readUInt32LE(4) === SIG_CENTRAL) return true;
  if (head.length < 4 || head[0] !== 0x50 || head[1] !== 0x4b) return false;
  // A local header, or the end record of an empty archive.
  return (head[2] === 0x03 && head[3] === 0x04) || (head[2] === 0x05 && head[3] === 0x06);
}

interface Side {
  buf: Buffer;
  archive: ZipArchive;
  byKey: Map<string, ZipEntry>;
  keys: string[];
  budget: ExpansionBudget;
}

function readSide(buf: Buffer, label: 'before' | 'after', ctx: CompareContext): Side {
  let archive: ZipArchive;
  try {
    archive = parseZip(buf, MAX_ZIP_ENTRIES);
  } catch (error) {
    throw new ComparatorFallback(`cannot read the zip (${label}): ${errorMessage(error)}`);
  }
  const keys = memberKeys(archive.entries.map((e) => e.name));
  const byKey = new Map(keys.map((key, i) => [key, archive.entries[i] as ZipEntry]));
  return { buf, archive, byKey, keys, budget: ctx.budgets?.[label] ?? new ExpansionBudget(ctx.limits.maxExpandedBytes) };
}

function describeBlob(data: Buffer): string {
  if (data.length === 0) return '(none)';
  return `${formatSize(data.length)}, sha256 ${createHash('sha256').update(data).digest('hex').slice(0, 16)}…`;
}

function archiveFields(path: string, a: ZipArchive, b: ZipArchive): Difference[] {
  const fields = new FieldCollector('zip', path, '');
  fields.add('comment', 'archive comment', JSON.stringify(a.comment), JSON.stringify(b.comment));
  fields.add('zip64', 'zip64 end records', a.zip64 ? 'present' : 'absent', b.zip64 ? 'present' : 'absent');
  fields.add('prefix', 'bytes before the first member', describeBlob(a.prefix), describeBlob(b.prefix));
  fields.add('pre-directory-data', 'bytes between the members and the central directory', describeBlob(a.gap), describeBlob(b.gap));
  fields.add('layout', 'central directory placement', describeLayout(a), describeLayout(b));
  if (a.layout === 'mozilla' && b.layout === 'mozilla') fields.add('preload', 'members Gecko reads ahead at startup', describePreload(a), describePreload(b));
  return fields.differences;
}

function describeLayout(archive: ZipArchive): string {
  return archive.layout === 'mozilla' ? 'first (Mozilla-optimised jar)' : 'last (standard zip)';
}

/**
 * The read-ahead length as the members it covers: the offset itself moves whenever a preloaded
 * member changes size, the list of preloaded members only when the packaging changed.
 */
function describePreload(archive: ZipArchive): string {
  const readahead = archive.readahead ?? 0;
  if (readahead === 0) return 'none';
  const members = archive.entries.filter((e) => !e.name.endsWith('/')).sort((x, y) => x.localOffset - y.localOffset);
  const covered = members.filter((e) => e.recordEnd <= readahead);
  const cut = members.find((e) => e.localOffset < readahead && e.recordEnd > readahead);
  const last = covered[covered.length - 1];
  const through = last === undefined ? 'the central directory only' : `${covered.length} of ${members.length} members, through ${displayName(last.name)}`;
  return cut === undefined ? through : `${through}, and part of ${displayName(cut.name)}`;
}

function dosTimeValue(e: ZipEntry): string {
  const central = formatDosTime(e.dosDate, e.dosTime);
  const local = formatDosTime(e.local.dosDate, e.local.dosTime);
  return local === central ? central : `${central} (local header: ${local})`;
}

function sameExtra(a: readonly ExtraField[], b: readonly ExtraField[]): boolean {
  return a.length === b.length && a.every((f, i) => f.id === b[i]?.id && f.data.equals(b[i]?.data ?? Buffer.alloc(0)));
}

/** Cheap raw comparison first: most members of two builds share every header value. */
function sameHeaders(a: ZipEntry, b: ZipEntry): boolean {
  return (
    a.dosDate === b.dosDate && a.dosTime === b.dosTime && a.local.dosDate === b.local.dosDate && a.local.dosTime === b.local.dosTime &&
    a.externalAttributes === b.externalAttributes && a.internalAttributes === b.internalAttributes &&
    a.versionMadeBy === b.versionMadeBy && a.versionNeeded === b.versionNeeded && a.method === b.method && a.flags === b.flags &&
    a.comment === b.comment && (a.local.name === a.name) === (b.local.name === b.name) && a.local.name === b.local.name &&
    sameExtra(a.extra, b.extra) && sameExtra(a.local.extra, b.local.extra)
  );
}

function memberFields(path: string, key: string, a: ZipEntry, b: ZipEntry): Difference[] {
  if (sameHeaders(a, b)) return [];
  const fields = new FieldCollector('zip', memberPath(path, key), `${displayName(key)}${unsafeNameNote(key)}: `);
  if (a.dosDate !== b.dosDate || a.dosTime !== b.dosTime || a.local.dosDate !== b.local.dosDate || a.local.dosTime !== b.local.dosTime) {
    fields.add('dos-time', 'DOS time', dosTimeValue(a), dosTimeValue(b));
  }
  if (!sameExtra(a.extra, b.extra) || !sameExtra(a.local.extra, b.local.extra)) {
    for (const id of new Set([...extraIds(a), ...extraIds(b)])) {
      const name = id < 0 ? 'extra.malformed' : `extra.0x${id.toString(16).padStart(4, '0')}`;
      fields.add(name, extraLabel(id), extraValue(a, id), extraValue(b, id));
    }
  }
  if (a.externalAttributes !== b.externalAttributes || a.versionMadeBy !== b.versionMadeBy) {
    fields.add('permissions', 'permissions', formatUnixMode(unixMode(a)), formatUnixMode(unixMode(b)));
    fields.add('dos-attributes', 'DOS attributes', formatDosAttributes(a.externalAttributes & 0xffff), formatDosAttributes(b.externalAttributes & 0xffff));
    fields.add('made-by', 'made by', formatMadeBy(a.versionMadeBy), formatMadeBy(b.versionMadeBy));
  }
  fields.add('internal-attributes', 'internal attributes', String(a.internalAttributes), String(b.internalAttributes));
  fields.add('version-needed', 'version needed to extract', formatVersionNeeded(a.versionNeeded), formatVersionNeeded(b.versionNeeded));
  if (a.method !== b.method || a.flags !== b.flags) {
    fields.add('compression', 'compression', formatMethod(a.method, a.flags), formatMethod(b.method, b.flags));
    fields.add('flags', 'flags', formatFlags(a.flags), formatFlags(b.flags));
  }
  if (a.comment !== b.comment) fields.add('comment', 'comment', JSON.stringify(a.comment), JSON.stringify(b.comment));
  const localName = (e: ZipEntry): string => (e.local.name === e.name ? '(same as central)' : JSON.stringify(e.local.name));
  fields.add('local-name', 'local header name', localName(a), localName(b));
  return fields.differences;
}

/** Expands one member on both sides, or says why it could not. */
function expandBoth(a: Side, ea: ZipEntry, b: Side, eb: ZipEntry): [Buffer, Buffer] | string {
  let side = 'before';
  try {
    const da = expandMember(a.buf, ea, a.budget);
    side = 'after';
    return [da, expandMember(b.buf, eb, b.budget)];
  } catch (error) {
    return `${side}: ${errorMessage(error)}`;
  }
}

function compareContent(path: string, key: string, a: Side, ea: ZipEntry, b: Side, eb: ZipEntry, ctx: CompareContext): Difference[] {
  const rawA = a.buf.subarray(ea.dataStart, ea.dataEnd);
  const rawB = b.buf.subarray(eb.dataStart, eb.dataEnd);
  const sameFacts = ea.crc32 === eb.crc32 && ea.size === eb.size;
  if (sameFacts && ea.method === eb.method && rawA.equals(rawB)) return [];
  const target = memberPath(path, key);
  const subject = `${displayName(key)}${unsafeNameNote(key)}`;
  if (sameFacts) {
    const expanded = expandBoth(a, ea, b, eb);
    if (typeof expanded === 'string') {
      // Overlapping records are a crafted archive: equal CRC-32s prove nothing there.
      if (ea.overlaps !== undefined || eb.overlaps !== undefined) return [unexpandedNode('zip', target, `${subject}: content differs`, expanded)];
      return recompressedField(target, subject, ea, rawA, rawB, ` (equal by CRC-32; not expanded: ${expanded})`);
    }
    if (expanded[0].equals(expanded[1])) return recompressedField(target, subject, ea, rawA, rawB, '');
    return [canNest(ctx) ? ctx.compareNested(target, expanded[0], expanded[1]) : unexpandedNode('zip', target, `${subject}: content differs`, depthCapReason(ctx))];
  }
  const summary = `${subject}: content differs (${formatContentFacts(ea)} → ${formatContentFacts(eb)})`;
  if (!canNest(ctx)) return [unexpandedNode('zip', target, summary, depthCapReason(ctx))];
  const expanded = expandBoth(a, ea, b, eb);
  if (typeof expanded === 'string') return [unexpandedNode('zip', target, summary, expanded)];
  if (expanded[0].equals(expanded[1])) {
    const fields = new FieldCollector('zip', target, `${subject}: `);
    fields.add('crc32', 'same content, but the recorded CRC-32/size differ', formatContentFacts(ea), formatContentFacts(eb));
    return fields.differences;
  }
  return [ctx.compareNested(target, expanded[0], expanded[1])];
}

/** Same content, other compressed bytes (another deflate level or implementation). */
function recompressedField(target: string, subject: string, entry: ZipEntry, rawA: Buffer, rawB: Buffer, note: string): Difference[] {
  const fields = new FieldCollector('zip', target, `${subject}: `);
  const label = `same content (${entry.size} bytes), compressed differently${note}`;
  const sizes = rawA.length !== rawB.length;
  fields.add('compressed-data', label, sizes ? `${rawA.length} bytes compressed` : describeBlob(rawA), sizes ? `${rawB.length} bytes compressed` : describeBlob(rawB));
  return fields.differences;
}

export const zipComparator: Comparator = {
  id: 'zip',
  recognizes(path, head) {
    return hasZipMagic(head) || ZIP_EXTENSIONS.test(path);
  },
  compare(path, before, after, ctx) {
    const a = readSide(before, 'before', ctx);
    const b = readSide(after, 'after', ctx);
    const describe = (key: string, side: 'before' | 'after'): string => {
      const entry = (side === 'before' ? a : b).byKey.get(key);
      return entry === undefined ? '' : `${entry.size} bytes`;
    };
    const members = diffMemberSets('zip', path, a.keys, b.keys, describe);
    const inA = new Set(a.keys);
    const inB = new Set(b.keys);
    // One-sided members are paired by CRC-32 and size (no expansion); each pair is then compared for real.
    const fingerprint = (key: string, side: 'before' | 'after'): Buffer | null => {
      const entry = (side === 'before' ? a : b).byKey.get(key);
      return entry === undefined || entry.name.endsWith('/') ? null : Buffer.from(`${entry.crc32}:${entry.size}`);
    };
    const pairs = pairMembers(a.keys.filter((k) => !inB.has(k)), b.keys.filter((k) => !inA.has(k)), fingerprint);
    const differences = [...withoutPaired(members.differences, path, pairs), ...archiveFields(path, a.archive, b.archive)];
    for (const key of members.common) {
      const ea = a.byKey.get(key);
      const eb = b.byKey.get(key);
      if (ea === undefined || eb === undefined) continue;
      differences.push(...memberFields(path, key, ea, eb), ...compareContent(path, key, a, ea, b, eb, ctx));
    }
    const same: MemberPair[] = [];
    for (const pair of pairs) {
      const ea = a.byKey.get(pair.before);
      const eb = b.byKey.get(pair.after);
      if (ea === undefined || eb === undefined) continue;
      differences.push(...memberFields(path, pair.after, ea, eb));
      const content = compareContent(path, pair.after, a, ea, b, eb, ctx);
      if (content.length === 0) same.push({ ...pair, same: true });
      for (const d of content) {
        d.from = memberPath(path, pair.before);
        d.summary = `renamed from ${displayName(pair.before)}; ${d.summary}`;
        differences.push(d);
      }
    }
    differences.push(...sameMemberNodes('zip', path, same));
    return differences;
  },
};
