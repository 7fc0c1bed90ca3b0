/**
 * Files found on one side only, paired when they are one file under two names, so a bundler's
 * `app.3f9a1c.js` → `app.9b2e41.js` reads as one changed file instead of one removed and one
 * added. Two passes, both O(n) with maps:
 *
 * 1. by content: a removed and an added file with the same digest (empty files never pair);
 * 2. by name: paths equal once hash-like parts are stripped (`--strip-hash`), compared as one
 *    modified file with both names shown.
 *
 * A pair needs exactly one candidate on each side; anything ambiguous stays added and removed.
 */
import { OperationError } from '../errors.js';
import type { FileEntry } from '../snapshot/types.js';
import { modeChange, type TreeEntry } from './tree-diff.js';
import type { Difference } from './types.js';

/** An entry present on one side of the tree diff only. */
export interface OneSided {
  side: 'before' | 'after';
  entry: TreeEntry;
}

interface OneSidedFile {
  side: 'before' | 'after';
  entry: FileEntry;
}

export interface RenamePair {
  before: FileEntry;
  after: FileEntry;
  /** Same digest, or same name once hashes are stripped (contents then differ or are unknown). */
  by: 'content' | 'name';
  /** Same bytes: a pure rename. Otherwise the pair is compared as one modified file. */
  same: boolean;
}

/** How paths are reduced to the name two builds share: a user's pattern, the built-in rule, or none. */
export type StripHash = RegExp | 'default' | 'off';

/** Separators inside a path segment: `app.3f9a1c.js`, `index-BWz3x9q1.js`, `chunk~a1b2c3d4`. */
const PART_SEPARATORS = /([.\-~])/;

/**
 * A part of a name that looks computed rather than chosen: hex of 6+ with a digit (webpack's
 * `[contenthash]`), 8+ letters and digits mixed (Vite's base64url), or 6+ mixing upper case,
 * lower case and digits (mktemp's `XXXXXX`). Plain words and versions (`linux64`, `v1`) are not.
 */
export function isHashLike(part: string): boolean {
  if (/^[0-9a-f]{6,}$/i.test(part) && /\d/.test(part)) return true;
  if (/^[A-Za-z0-9_]{8,}$/.test(part) && /\d/.test(part) && /[A-Za-z]/.test(part)) return true;
  return /^[A-Za-z0-9]{6,}$/.test(part) && /\d/.test(part) && /[a-z]/.test(part) && /[A-Z]/.test(part);
}

function stripSegment(segment: string): string {
  return segment
    .split(PART_SEPARATORS)
    .map((part) => (isHashLike(part) ? '*' : part))
    .join('');
}

/** Parses a user's strip-hash pattern; a bad one is an error that names the flag or input. */
export function parseStripHash(pattern: string, where: string, code: 'E_USAGE' | 'E_INPUT' = 'E_USAGE'): StripHash {
  pattern = pattern.trim();
  if (pattern === 'off' || pattern === 'false' || pattern === 'none') return 'off';
  if (pattern === '' || pattern === 'default' || pattern === 'true') return 'default';
  try {
    return new RegExp(pattern, 'g');
  } catch (error) {
    throw new OperationError(code, `${where}: not a regular expression (${(error as Error).message}); pass a pattern such as '\\.[0-9a-f]{8}\\.' or 'off'`);
  }
}

/**
 * The name a file keeps across builds: every hash-like part replaced, or, with a user's pattern,
 * every match removed (only its capture groups when it has any, as compressed-size does).
 */
export function strippedName(path: string, rule: StripHash): string {
  if (rule === 'off') return path;
  if (rule === 'default') return path.split('/').map(stripSegment).join('/');
  return path.replace(rule, (match: string, ...rest: unknown[]) => {
    const groups = rest.slice(0, -2).filter((g): g is string => typeof g === 'string');
    return groups.reduce((text, g) => text.replace(g, ''), groups.length === 0 ? '' : match);
  });
}

/** Files keyed by a derived value; a key with one file on each side is a pair. */
function uniquePairs(files: readonly OneSidedFile[], keyOf: (f: OneSidedFile) => string | null): [FileEntry, FileEntry][] {
  const groups = new Map<string, { before: FileEntry[]; after: FileEntry[] }>();
  for (const f of files) {
    const key = keyOf(f);
    if (key === null) continue;
    let group = groups.get(key);
    if (group === undefined) groups.set(key, (group = { before: [], after: [] }));
    group[f.side].push(f.entry);
  }
  const pairs: [FileEntry, FileEntry][] = [];
  for (const { before, after } of groups.values()) {
    const [a] = before;
    const [b] = after;
    if (before.length === 1 && after.length === 1 && a !== undefined && b !== undefined) pairs.push([a, b]);
  }
  return pairs;
}

/**
 * Pairs one-sided files. `digest` gives a file's SHA-256 (a directory side hashes on demand):
 * it is asked only for non-empty files whose size some file on the other side shares.
 */
export function pairRenames(oneSided: readonly OneSided[], rule: StripHash, digest: (f: OneSidedFile) => string): RenamePair[] {
  const files = oneSided.filter((f): f is OneSidedFile => f.entry.type === 'file');
  if (rule === 'off' || files.length < 2) return [];
  const sizes = { before: new Set<number>(), after: new Set<number>() };
  for (const f of files) sizes[f.side].add(f.entry.size);
  const other = (f: OneSidedFile): Set<number> => sizes[f.side === 'before' ? 'after' : 'before'];
  const byContent = uniquePairs(files, (f) => (f.entry.size > 0 && other(f).has(f.entry.size) ? `${f.entry.size}:${digest(f)}` : null));
  const taken = new Set<FileEntry>(byContent.flat());
  const rest = files.filter((f) => !taken.has(f.entry));
  const byName = uniquePairs(rest, (f) => {
    const key = strippedName(f.entry.path, rule);
    return key === f.entry.path ? null : key;
  });
  const sameBytes = (before: FileEntry, after: FileEntry): boolean =>
    before.size === after.size && digest({ side: 'before', entry: before }) === digest({ side: 'after', entry: after });
  return [
    ...byContent.map(([before, after]): RenamePair => ({ before, after, by: 'content', same: true })),
    ...byName.map(([before, after]): RenamePair => ({ before, after, by: 'name', same: sameBytes(before, after) })),
  ];
}

/**
 * Why a path changed when the bytes did not, when the names tell: every part that differs looks
 * computed (a temporary directory's random name, a hash). In a directory name that is a build
 * directory that was not fixed: `build-path`. In a file name it is a hash of more than these
 * bytes, which names no cause: the text says so for the unexplained difference.
 */
export function renameEvidence(before: string, after: string, directory: boolean): { id: 'build-path' | 'content'; evidence: string } | null {
  const a = before.split(/([/.\-~])/);
  const b = after.split(/([/.\-~])/);
  if (a.length !== b.length) return null;
  const lastSlash = a.lastIndexOf('/');
  const differing: string[] = [];
  let inDirectory = false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as string;
    const y = b[i] as string;
    if (x === y) continue;
    // Digits alone are a date, a counter or a version: not a hash, and not this cause.
    if (!isHashLike(x) || !isHashLike(y) || !/[A-Za-z]/.test(x + y)) return null;
    differing.push(`${x} → ${y}`);
    if (directory || i < lastSlash) inDirectory = true;
  }
  if (differing.length === 0) return null;
  return inDirectory
    ? { id: 'build-path', evidence: `only a generated directory name differs (${differing.join(', ')}): the build ran in a temporary directory` }
    : { id: 'content', evidence: `only the hash in the name differs (${differing.join(', ')}), over the same bytes: the name hashes more than this file's content` };
}

export const RENAME_HINT = 'build in a fixed directory instead of a mktemp one (or map it away: -ffile-prefix-map=$PWD=., tar --transform)';

/**
 * The tree-level nodes of a pair: a `renamed` leaf when the bytes are the same (a pair whose
 * bytes differ gets its `modified` node from the comparators), and a mode change when there is one.
 */
export function renameNodes(pair: RenamePair): Difference[] {
  const { before, after } = pair;
  const nodes: Difference[] = [];
  if (pair.same) {
    nodes.push({
      path: after.path,
      from: before.path,
      kind: 'renamed',
      summary: `renamed from ${before.path} (same ${after.size} bytes)`,
      detail: { type: 'field', name: 'file name', before: before.path, after: after.path },
      causes: [],
      children: [],
    });
  }
  if (before.mode !== after.mode) nodes.push(modeChange(after.path, before.mode, after.mode));
  return nodes;
}

/** A directory found on one side only whose every file is a pure rename into one directory of the other. */
export interface DirectoryRename {
  before: string;
  after: string;
  files: number;
}

/** The outermost directory of `set` that holds `path`, if any. */
function outermost(path: string, set: ReadonlySet<string>): string | null {
  for (let i = path.indexOf('/'); i !== -1; i = path.indexOf('/', i + 1)) {
    const dir = path.slice(0, i);
    if (set.has(dir)) return dir;
  }
  return null;
}

/**
 * Directories renamed whole (`equivs.TyCgZ2/` → `equivs.b0DMbr/`): every entry below the
 * removed one is a file renamed to the same place below the added one, and the other way round.
 */
export function pairDirectories(oneSided: readonly OneSided[], pairs: readonly RenamePair[]): DirectoryRename[] {
  const dirs = { before: new Set<string>(), after: new Set<string>() };
  for (const o of oneSided) if (o.entry.type === 'dir') dirs[o.side].add(o.entry.path);
  if (dirs.before.size === 0 || dirs.after.size === 0) return [];
  const held = new Map<string, number>();
  for (const o of oneSided) {
    const top = o.entry.type === 'dir' ? null : outermost(o.entry.path, dirs[o.side]);
    if (top !== null) held.set(`${o.side}\0${top}`, (held.get(`${o.side}\0${top}`) ?? 0) + 1);
  }
  const votes = new Map<string, DirectoryRename>();
  for (const p of pairs) {
    if (!p.same) continue;
    const from = outermost(p.before.path, dirs.before);
    const to = outermost(p.after.path, dirs.after);
    if (from === null || to === null || p.before.path.slice(from.length) !== p.after.path.slice(to.length)) continue;
    const key = `${from}\0${to}`;
    const vote = votes.get(key) ?? { before: from, after: to, files: 0 };
    vote.files++;
    votes.set(key, vote);
  }
  return [...votes.values()].filter((v) => held.get(`before\0${v.before}`) === v.files && held.get(`after\0${v.after}`) === v.files);
}

const below = (path: string, dir: string): boolean => path === dir || path.startsWith(`${dir}/`);

/**
 * The tree-level differences with renames applied: paired files leave the added and removed
 * lists, pure renames and mode changes come in, and a directory renamed whole is one node.
 */
export function applyRenames(differences: readonly Difference[], oneSided: readonly OneSided[], pairs: readonly RenamePair[]): Difference[] {
  const gone = new Set(pairs.map((r) => r.before.path));
  const came = new Set(pairs.map((r) => r.after.path));
  let out = differences.filter((d) => !(d.kind === 'removed' && gone.has(d.path)) && !(d.kind === 'added' && came.has(d.path)));
  out.push(...pairs.flatMap(renameNodes));
  for (const dir of pairDirectories(oneSided, pairs)) {
    out = out.filter(
      (d) => !(d.kind === 'removed' && below(d.path, dir.before)) && !(d.kind === 'added' && below(d.path, dir.after)) && !(d.kind === 'renamed' && d.from !== undefined && below(d.from, dir.before)),
    );
    out.push({
      path: dir.after,
      from: dir.before,
      kind: 'renamed',
      summary: `renamed from ${dir.before} (a directory of ${dir.files === 1 ? '1 file' : `${dir.files} files`}, same content)`,
      detail: { type: 'field', name: 'directory name', before: dir.before, after: dir.after },
      causes: [],
      children: [],
    });
  }
  return out;
}
