/**
 * Renamed members of an archive (issue #10 item 3): a tar made in `equivs.TyCgZ2/` and one made
 * in `equivs.b0DMbr/` hold the same files under other names. First one varying path component:
 * every removed member below `A/` and every added one below `B/`, the rest of their paths
 * matching one to one, is the archive's top directory renamed. Otherwise members found on one
 * side only are paired like top-level files (src/compare/renames.ts: same bytes, or names equal
 * once hashes are stripped).
 */
import { createHash } from 'node:crypto';
import type { FileEntry } from '../../snapshot/types.js';
import { pairRenames } from '../renames.js';
import type { ComparatorId, Difference } from '../types.js';
import { displayName } from './bytes.js';
import { memberPath } from './nodes.js';

export interface MemberPair {
  before: string;
  after: string;
  /** Same bytes: only the name changed. */
  same: boolean;
  /** Found through a directory component that varies for every member (a top directory renamed). */
  directory: boolean;
}

function entry(key: string, data: Buffer): FileEntry {
  return { type: 'file', path: key, mode: 0, size: data.length, sha256: '', class: 'binary' };
}

/** One path component that differs for every remaining member, the rest matching one to one. */
function varyingComponent(removed: readonly string[], added: readonly string[]): [string, string][] {
  if (removed.length === 0 || removed.length !== added.length) return [];
  const split = (keys: readonly string[]): string[][] => keys.map((k) => k.split('/'));
  const a = split(removed);
  const b = split(added);
  const depth = Math.min(...a.map((p) => p.length), ...b.map((p) => p.length));
  for (let k = 0; k < depth - 1; k++) {
    const from = a[0]?.[k];
    const to = b[0]?.[k];
    if (from === undefined || to === undefined || from === to) continue;
    if (!a.every((p) => p[k] === from) || !b.every((p) => p[k] === to)) continue;
    const rest = (p: string[]): string => [...p.slice(0, k), '*', ...p.slice(k + 1)].join('/');
    const byRest = new Map(b.map((p, i) => [rest(p), added[i] as string]));
    if (byRest.size !== b.length) continue;
    const pairs: [string, string][] = [];
    for (const [i, p] of a.entries()) {
      const match = byRest.get(rest(p));
      if (match === undefined) break;
      pairs.push([removed[i] as string, match]);
    }
    if (pairs.length === removed.length) return pairs;
  }
  return [];
}

/** Pairs members present on one side only; `dataOf` gives a member's bytes (null: not a file). */
export function pairMembers(removed: readonly string[], added: readonly string[], dataOf: (key: string, side: 'before' | 'after') => Buffer | null): MemberPair[] {
  if (removed.length === 0 || added.length === 0) return [];
  const sameData = (before: string, after: string): boolean => {
    const x = dataOf(before, 'before');
    const y = dataOf(after, 'after');
    return x === null || y === null ? x === y : x.equals(y);
  };
  // A top directory renamed whole explains every member at once: tried first.
  const moved = varyingComponent(removed, added);
  if (moved.length > 0) return moved.map(([before, after]): MemberPair => ({ before, after, same: sameData(before, after), directory: true }));
  const data = new Map<string, Buffer>();
  const files = [
    ...removed.flatMap((key) => {
      const d = dataOf(key, 'before');
      if (d === null) return [];
      data.set(`before\0${key}`, d);
      return [{ side: 'before' as const, entry: entry(key, d) }];
    }),
    ...added.flatMap((key) => {
      const d = dataOf(key, 'after');
      if (d === null) return [];
      data.set(`after\0${key}`, d);
      return [{ side: 'after' as const, entry: entry(key, d) }];
    }),
  ];
  const digest = (f: { side: 'before' | 'after'; entry: FileEntry }): string => createHash('sha256').update(data.get(`${f.side}\0${f.entry.path}`) ?? Buffer.alloc(0)).digest('hex');
  return pairRenames(files, 'default', digest).map((p): MemberPair => ({ before: p.before.path, after: p.after.path, same: p.same, directory: false }));
}

/** The first path component where two member names differ: `pkg-1/` and `pkg-2/`. */
function varyingParts(before: string, after: string): [string, string] {
  const a = before.split('/');
  const b = after.split('/');
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return [a.slice(0, i + 1).join('/'), b.slice(0, i + 1).join('/')];
  return [before, after];
}

/**
 * The nodes of pairs whose bytes are the same: one `renamed` node each, or one for all the
 * members of a renamed top directory. `from` and `path` are display paths inside the archive.
 */
export function sameMemberNodes(comparator: ComparatorId, path: string, pairs: readonly MemberPair[]): Difference[] {
  const nodes: Difference[] = [];
  const directories = new Map<string, { from: string; to: string; count: number }>();
  for (const p of pairs) {
    if (!p.same) continue;
    if (p.directory) {
      const [from, to] = varyingParts(p.before, p.after);
      const group = directories.get(`${from}\0${to}`) ?? { from, to, count: 0 };
      group.count++;
      directories.set(`${from}\0${to}`, group);
      continue;
    }
    nodes.push({
      path: memberPath(path, p.after),
      from: memberPath(path, p.before),
      kind: 'renamed',
      comparator,
      summary: `renamed from ${displayName(p.before)}, same content`,
      detail: { type: 'field', name: 'member name', before: p.before, after: p.after },
      causes: [],
      children: [],
    });
  }
  for (const { from, to, count } of directories.values()) {
    nodes.push({
      path: memberPath(path, to.replace(/\/$/, '')),
      from: memberPath(path, from.replace(/\/$/, '')),
      kind: 'renamed',
      comparator,
      summary: `directory renamed from ${displayName(from)}: ${count === 1 ? '1 member' : `${count} members`}, same content`,
      detail: { type: 'field', name: 'directory name', before: from, after: to },
      causes: [],
      children: [],
    });
  }
  return nodes;
}

/** The removed and added member nodes a pairing replaced. */
export function withoutPaired(differences: readonly Difference[], path: string, pairs: readonly MemberPair[]): Difference[] {
  const gone = new Set(pairs.map((p) => memberPath(path, p.before)));
  const came = new Set(pairs.map((p) => memberPath(path, p.after)));
  return differences.filter((d) => !(d.kind === 'removed' && gone.has(d.path)) && !(d.kind === 'added' && came.has(d.path)));
}
