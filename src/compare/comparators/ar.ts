/**
 * `ar` archives (static libraries, `.rlib`, `.deb`): members added and removed, member order, the
 * header fields `ar` records (mtime, uid, gid, mode: zero with `ar D`), and the data of members
 * that differ, compared by the whole registry (an object file reaches the ELF comparator). The
 * symbol table indexes the other members by offset: when it differs only because they moved, it
 * follows from their differences.
 */
import { displayName, errorMessage, formatEpoch } from '../archive/bytes.js';
import { arMembers, looksLikeAr, type ArMember } from '../archive/ar-reader.js';
import { symbolOwners } from '../archive/ar-symbols.js';
import { FieldCollector, canNest, depthCapReason, diffMemberSets, memberKeys, memberPath, unexpandedNode } from '../archive/nodes.js';
import { bufferSource, sameBytes, type ByteSource } from '../byte-source.js';
import { bytesNode } from '../formats/details.js';
import { ComparatorFallback, type Comparator, type CompareContext, type Difference } from '../types.js';

export const MAX_AR_MEMBERS = 100_000;

interface Side {
  source: ByteSource;
  keys: string[];
  byKey: Map<string, ArMember>;
  /** Member key by header offset, to read the symbol table's offsets. */
  keyAt: Map<number, string>;
}

function sideOf(source: ByteSource, members: ArMember[]): Side {
  // GNU's `/` would read `lib.a!//`: the symbol table is named for what it is.
  const keys = memberKeys(members.map((m) => (m.name === '/' ? '(symbol table)' : m.name === '/SYM64/' ? '(symbol table, 64-bit)' : m.name)));
  const byKey = new Map(keys.map((key, i) => [key, members[i] as ArMember]));
  return { source, keys, byKey, keyAt: new Map([...byKey].map(([key, m]) => [m.offset, key])) };
}

/**
 * Both archives' members, read in step: each side advances while it is behind the other in the
 * share of its file read, so the blocks one side has just decoded are still cached when the other
 * reaches the same content (the after side borrows them: src/compare/byte-source.ts).
 */
function readSides(before: ByteSource, after: ByteSource): [Side, Side] {
  interface Walk {
    source: ByteSource;
    label: 'before' | 'after';
    members: Generator<ArMember>;
    found: ArMember[];
    /** Where the last member found ends. */
    at: number;
    done: boolean;
  }
  const walk = (source: ByteSource, label: 'before' | 'after'): Walk => ({ source, label, members: arMembers(source, MAX_AR_MEMBERS), found: [], at: 0, done: false });
  const a = walk(before, 'before');
  const b = walk(after, 'after');
  while (!a.done || !b.done) {
    const side = b.done || (!a.done && a.at / Math.max(a.source.size, 1) <= b.at / Math.max(b.source.size, 1)) ? a : b;
    let next: IteratorResult<ArMember>;
    try {
      next = side.members.next();
    } catch (error) {
      if ((error as { name?: unknown }).name !== 'ArchiveFormatError') throw error;
      throw new ComparatorFallback(`cannot read the ar archive (${side.label}): ${errorMessage(error)}`);
    }
    if (next.done === true) {
      side.done = true;
    } else {
      side.found.push(next.value);
      side.at = next.value.dataOffset + next.value.size;
    }
  }
  return [sideOf(before, a.found), sideOf(after, b.found)];
}

function data(side: Side, m: ArMember): Buffer {
  return side.source.read(m.dataOffset, m.size);
}

/** Equal member data: known equal from the sources' chunks, else compared byte for byte. */
function sameData(a: Side, ma: ArMember, b: Side, mb: ArMember): boolean {
  return ma.size === mb.size && sameBytes(a.source, ma.dataOffset, b.source, mb.dataOffset, ma.size);
}

function time(text: string): string {
  return /^\d+$/.test(text) ? formatEpoch(Number(text), text) : JSON.stringify(text);
}

function memberFields(path: string, key: string, a: ArMember, b: ArMember): Difference[] {
  const fields = new FieldCollector('ar', memberPath(path, key), `${displayName(key)}: `);
  fields.add('mtime', 'mtime', time(a.mtime), time(b.mtime));
  fields.add('uid', 'uid', a.uid, b.uid);
  fields.add('gid', 'gid', a.gid, b.gid);
  fields.add('mode', 'mode', a.mode, b.mode);
  return fields.differences;
}

function compareData(path: string, key: string, a: Side, ma: ArMember, b: Side, mb: ArMember, ctx: CompareContext): Difference | null {
  if (sameData(a, ma, b, mb)) return null;
  const target = memberPath(path, key);
  if (!canNest(ctx)) return unexpandedNode('ar', target, `${displayName(key)}: content differs (${ma.size} → ${mb.size} bytes)`, depthCapReason(ctx));
  return ctx.compareNested(target, data(a, ma), data(b, mb));
}

/** Both archives' members compared: headers first, then the data of members present on both sides. */
function compareArchives(path: string, before: ByteSource, after: ByteSource, ctx: CompareContext): Difference[] {
  const [a, b] = readSides(before, after);
  const describe = (key: string, side: 'before' | 'after'): string => `${(side === 'before' ? a : b).byKey.get(key)?.size ?? 0} bytes`;
  const members = diffMemberSets('ar', path, a.keys, b.keys, describe);
  const differences = [...members.differences];
  const symbolTables: [string, ArMember, ArMember][] = [];
  for (const key of members.common) {
    const ma = a.byKey.get(key);
    const mb = b.byKey.get(key);
    if (ma === undefined || mb === undefined) continue;
    differences.push(...memberFields(path, key, ma, mb));
    if (ma.symbolTable && mb.symbolTable) {
      if (!sameData(a, ma, b, mb)) symbolTables.push([key, ma, mb]);
      continue;
    }
    const changed = compareData(path, key, a, ma, b, mb, ctx);
    if (changed !== null) differences.push(changed);
  }
  // What can move members: their own data, their order, members added or removed.
  const movers = differences.filter((d) => !/:ar\.(mtime|uid|gid|mode)$/.test(d.path)).map((d) => d.path);
  for (const [key, ma, mb] of symbolTables) {
    const da = data(a, ma);
    const db = data(b, mb);
    const node = bytesNode('ar', memberPath(path, key), `${displayName(key)} (symbol table)`, da, db);
    const before = symbolOwners(ma.name, da, a.keyAt);
    const after = symbolOwners(mb.name, db, b.keyAt);
    // Decoded, and every symbol still names the same member: only the offsets of moved members differ.
    if (before !== null && after !== null && movers.length > 0 && before.length === after.length && before.every((s, i) => s === after[i])) {
      node.consequence = {
        of: 'member offsets in the symbol table',
        evidence: `all ${before.length} symbols name the same members on both sides; only the offsets of members that moved differ`,
        from: movers,
      };
    }
    differences.push(node);
  }
  return differences;
}

export const arComparator: Comparator = {
  id: 'ar',
  recognizes(_path, head) {
    return looksLikeAr(head);
  },
  compare(path, before, after, ctx) {
    return compareArchives(path, bufferSource(before), bufferSource(after), ctx);
  },
  compareSources: compareArchives,
};
