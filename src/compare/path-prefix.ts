/**
 * Paths that do not line up between the sides: `vitsnap create 'build/**'` stores `build/…`,
 * while a diff against the directory `build/` sees the paths below it. `--strip-prefix` lines
 * them up; without it, a side whose paths all start with a directory the other side lacks is
 * pointed out with the fix, since otherwise everything reads as removed and added.
 */
import { OperationError } from '../errors.js';
import type { TreeEntry } from './tree-diff.js';

/** `build/`, `./build`, `build` → `build`; refuses what could leave a side's root. */
export function normalizePrefix(prefix: string): string {
  const parts = prefix.split(/[\\/]+/).filter((p) => p !== '' && p !== '.');
  if (parts.length === 0 || parts.includes('..') || /^([\\/]|[A-Za-z]:)/.test(prefix)) {
    throw new OperationError('E_USAGE', `--strip-prefix takes a relative directory such as build/ (got ${JSON.stringify(prefix)})`);
  }
  return parts.join('/');
}

/** Entries below `prefix` with it removed (the prefix directory itself goes), and how many were outside it. */
export function stripEntries<T extends TreeEntry>(entries: readonly T[], prefix: string): { entries: T[]; outside: number } | null {
  const lead = `${prefix}/`;
  if (!entries.some((e) => e.path.startsWith(lead))) return null;
  const kept: T[] = [];
  let outside = 0;
  for (const e of entries) {
    if (e.path.startsWith(lead)) kept.push({ ...e, path: e.path.slice(lead.length) });
    else if (e.path !== prefix) outside++;
  }
  return { entries: kept, outside };
}

/** The first directory that (nearly) every non-directory entry sits below, if any. */
function leadingDirectory(entries: readonly TreeEntry[]): string | null {
  const counts = new Map<string, number>();
  let leaves = 0;
  for (const e of entries) {
    if (e.type === 'dir') continue;
    leaves++;
    const slash = e.path.indexOf('/');
    if (slash > 0) {
      const first = e.path.slice(0, slash);
      counts.set(first, (counts.get(first) ?? 0) + 1);
    }
  }
  let best: string | null = null;
  let most = 0;
  for (const [dir, n] of counts) {
    if (n > most) [best, most] = [dir, n];
  }
  // "Nearly": a stray top-level file or two (a README next to build/) should not hide the mistake.
  return best !== null && most >= 0.9 * leaves ? best : null;
}

export interface LabelledEntries {
  /** `BEFORE main.vitsnap`. */
  name: string;
  entries: readonly TreeEntry[];
}

/** A note when one side's paths all start with a directory the other side has nowhere, with the fix. */
export function prefixMismatch(before: LabelledEntries, after: LabelledEntries): string | null {
  for (const [x, y] of [[before, after], [after, before]] as const) {
    const dir = leadingDirectory(x.entries);
    if (dir === null || !y.entries.some((e) => e.type !== 'dir')) continue;
    if (y.entries.some((e) => e.path === dir || e.path.startsWith(`${dir}/`))) continue;
    return (
      `the paths of ${x.name} start with ${dir}/ and those of ${y.name} do not, so files may show as removed and added; ` +
      `pass --strip-prefix ${dir}/ (or diff against the directory that holds ${dir}/)`
    );
  }
  return null;
}
