/**
 * The tree diff, from the two entry lists alone: added, removed, type, mode and symlink changes,
 * and files whose digests (or sizes) differ. Files with equal digests are never read. A directory
 * side has no digests: its same-size pairs are left `unsettled` for the caller to settle (by
 * hashing them, against a snapshot). Two directories are walked side by side instead, and their
 * facts go through `oneSided` and `diffPair` with the byte check's answer.
 */
import { compareCodePoints } from '../snapshot/canonical-json.js';
import type { Entry, FileEntry } from '../snapshot/types.js';
import type { SpecialEntry } from '../snapshot/walk.js';
import type { OneSided } from './renames.js';
import type { Difference } from './types.js';

/** An entry of either side: what a snapshot holds, or a FIFO, socket or device a directory holds. */
export type TreeEntry = Entry | SpecialEntry;

export interface ModifiedPair {
  path: string;
  before: FileEntry;
  after: FileEntry;
}

export interface TreeDiff {
  /** Differences that need no content: added, removed, type, mode, symlink. */
  differences: Difference[];
  /** Files present on both sides with different digests or sizes: the comparators' work. */
  modified: ModifiedPair[];
  /** Same-size files where a side has no digest (`sha256` is ''): equal or not, only their bytes tell. */
  unsettled: ModifiedPair[];
  /** Entries present on one side only: files are candidates for rename pairing, directories for collapsing. */
  only: OneSided[];
}

const octal = (mode: number): string => `0${mode.toString(8).padStart(3, '0')}`;

function describe(e: TreeEntry): string {
  if (e.type === 'file') return `file, ${e.size} bytes`;
  if (e.type === 'symlink') return `symlink → ${e.target}`;
  if (e.type === 'special') return e.what;
  return 'directory';
}

const typeName = (e: TreeEntry): string => (e.type === 'special' ? e.what : e.type);

function leaf(path: string, kind: Difference['kind'], summary: string, detail?: Difference['detail']): Difference {
  const d: Difference = { path, kind, summary, causes: [], children: [] };
  if (detail !== undefined) d.detail = detail;
  return d;
}

/** A permission change of the entry at `path`. */
export function modeChange(path: string, before: number, after: number): Difference {
  return leaf(path, 'mode', `mode ${octal(before)} → ${octal(after)}`, { type: 'field', name: 'mode', before: octal(before), after: octal(after) });
}

/** A path present on one side only, also listed in `only` when given. */
export function oneSided(entry: TreeEntry, side: 'before' | 'after', only?: OneSided[]): Difference {
  only?.push({ side, entry });
  return side === 'before' ? leaf(entry.path, 'removed', `removed (${describe(entry)})`) : leaf(entry.path, 'added', `added (${describe(entry)})`);
}

/**
 * What differs at a path present on both sides, added to `out`. Files are decided by `sameBytes`
 * when the caller compared them; otherwise by digests, or left unsettled when a side has none.
 */
export function diffPair(a: TreeEntry, b: TreeEntry, out: TreeDiff, sameBytes?: boolean): void {
  if (a.type !== b.type || (a.type === 'special' && b.type === 'special' && a.what !== b.what)) {
    out.differences.push(leaf(a.path, 'type', `${typeName(a)} → ${typeName(b)}`, { type: 'field', name: 'type', before: describe(a), after: describe(b) }));
  } else if (a.type === 'symlink' && b.type === 'symlink') {
    if (a.target !== b.target) {
      out.differences.push(leaf(a.path, 'symlink', `symlink retargeted: ${a.target} → ${b.target}`, { type: 'field', name: 'target', before: a.target, after: b.target }));
    }
  } else if ((a.type === 'file' || a.type === 'dir') && (b.type === 'file' || b.type === 'dir')) {
    if (a.mode !== b.mode) {
      out.differences.push(modeChange(a.path, a.mode, b.mode));
    }
    if (a.type === 'file' && b.type === 'file') {
      const digests = a.sha256 !== '' && b.sha256 !== '';
      if (sameBytes !== undefined) {
        if (!sameBytes) out.modified.push({ path: a.path, before: a, after: b });
      } else if (digests ? a.sha256 !== b.sha256 : a.size !== b.size) {
        out.modified.push({ path: a.path, before: a, after: b });
      } else if (!digests) {
        out.unsettled.push({ path: a.path, before: a, after: b });
      }
    }
  }
}

/** Merges two sorted entry lists. O(n); both lists come sorted from manifests or the walker. */
export function diffTrees(before: readonly TreeEntry[], after: readonly TreeEntry[]): TreeDiff {
  const out: TreeDiff = { differences: [], modified: [], unsettled: [], only: [] };
  let i = 0;
  let j = 0;
  while (i < before.length || j < after.length) {
    const a = before[i];
    const b = after[j];
    const order = a === undefined ? 1 : b === undefined ? -1 : compareCodePoints(a.path, b.path);
    if (order < 0 && a !== undefined) {
      out.differences.push(oneSided(a, 'before', out.only));
      i++;
    } else if (order > 0 && b !== undefined) {
      out.differences.push(oneSided(b, 'after', out.only));
      j++;
    } else if (a !== undefined && b !== undefined) {
      i++;
      j++;
      diffPair(a, b, out);
    }
  }
  return out;
}
