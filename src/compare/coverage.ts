/**
 * What a diff did not look at, said in the report rather than left out: paths it could not
 * compare, and snapshot block contents it did not read (files with equal digests never are, so
 * a damaged block in an unchanged file goes unnoticed until `vitsnap verify`).
 */
import { compareCodePoints } from '../snapshot/canonical-json.js';
import type { NotCompared, SideVerification } from './types.js';

export interface Verification {
  /** Blocks read, and blocks held, over the snapshot sides. */
  blocksRead: number;
  blocksTotal: number;
  /** Non-empty files whose contents were not read because their digests matched. */
  filesNotRead: number;
  /** One line for the report; empty when every block was read. */
  note: string;
  sides: SideVerification[];
}

/** Sorted by path; one entry per path, `both` when each side had it. */
export function mergeNotCompared(items: readonly NotCompared[]): NotCompared[] {
  const byPath = new Map<string, NotCompared>();
  for (const item of items) {
    const seen = byPath.get(item.path);
    if (seen === undefined) byPath.set(item.path, { ...item });
    else if (seen.side !== item.side) seen.side = 'both';
  }
  return [...byPath.values()].sort((x, y) => compareCodePoints(x.path, y.path));
}

/** One line: how many paths were not compared, the first few, and why. */
export function describeNotCompared(items: readonly NotCompared[]): string {
  const shown = items.slice(0, 3).map((n) => `${n.path} (${n.side === 'both' ? 'both sides' : n.side}: ${n.reason})`);
  const more = items.length > shown.length ? `, and ${items.length - shown.length} more (see --json)` : '';
  return `${items.length} ${items.length === 1 ? 'entry was' : 'entries were'} not compared: ${shown.join(', ')}${more}`;
}

/** Sums the snapshot sides' reading; null when no side is a snapshot. */
export function verificationOf(sources: ReadonlyArray<{ verification?: () => SideVerification }>): Verification | null {
  const sides = sources.flatMap((s) => (s.verification === undefined ? [] : [s.verification()]));
  if (sides.length === 0) return null;
  const sum = (f: (s: SideVerification) => number): number => sides.reduce((n, s) => n + f(s), 0);
  const filesNotRead = sum((s) => s.filesNotRead);
  const partly = sum((s) => s.filesPartlyRead ?? 0);
  const unread = sides.filter((s) => s.filesNotRead > 0 || (s.filesPartlyRead ?? 0) > 0);
  const what = [
    ...(filesNotRead > 0 ? [`${filesNotRead} unchanged file${filesNotRead === 1 ? '' : 's'}`] : []),
    ...(partly > 0 ? [`the unchanged parts of ${partly} large file${partly === 1 ? '' : 's'}`] : []),
  ].join(' and ');
  const note =
    unread.length === 0
      ? ''
      : `block contents of ${what} were not read (${unread.map((s) => `${s.label}: ${s.blocksRead} of ${s.blocksTotal} blocks read`).join('; ')}); ` +
        `run ${unread.map((s) => `\`vitsnap verify ${s.label}\``).join(' and ')} to check them`;
  return { blocksRead: sum((s) => s.blocksRead), blocksTotal: sum((s) => s.blocksTotal), filesNotRead, note, sides };
}
