/**
 * compare(before, after) → one Difference tree, classified, with ignore rules applied and a verdict.
 * The pipeline the CLI and the action share.
 */
import { compareCodePoints } from '../snapshot/canonical-json.js';
import type { FileEntry } from '../snapshot/types.js';
import { ExpansionBudget, formatSize } from './archive/bytes.js';
import { describeNotCompared, mergeNotCompared, verificationOf, type Verification } from './coverage.js';
import { bufferSource, STREAM_FROM_BYTES, type ByteSource } from './byte-source.js';
import { compareFile, compareFileSources, fileBudgets } from './registry.js';
import { applyRenames, pairRenames, type OneSided, type RenamePair, type StripHash } from './renames.js';
import type { Sides } from './sources.js';
import { diffMetadata, type MetadataChange } from './toolchain-diff.js';
import type { ModifiedPair } from './tree-diff.js';
import { DEFAULT_LIMITS, type CauseId, type Comparator, type CompareLimits, type Difference, type NotCompared, type SideBudgets } from './types.js';

/** Ignore profiles users name in `--ignore` / the `ignore` input, and the causes each covers. */
export const IGNORE_PROFILES = {
  timestamps: 'timestamp',
  'build-paths': 'build-path',
  'file-order': 'file-order',
  'build-id': 'build-id',
  compression: 'compression',
} as const satisfies Record<string, CauseId>;

export type IgnoreProfile = keyof typeof IGNORE_PROFILES;

export type Verdict = 'identical' | 'drift-explained' | 'drift-unexplained';

/** What the classifier knows besides the tree: the toolchain changes from the metadata. */
export interface ClassifierContext {
  toolchainChanged: { name: string; before: string | null; after: string | null }[];
}

/** Labels causes on a classified tree; the cause classifier is injected so this module stays small. */
export type Classifier = (root: Difference, context: ClassifierContext) => void;

/** How far a comparison has got, for progress on long diffs. */
export interface CompareProgress {
  /** Files compared by bytes so far (directory sides) and the bytes read doing so. */
  filesChecked: number;
  bytesRead: number;
  /** Changed files found so far, and how many of them the comparators have explained. */
  filesChanged: number;
  filesExplained: number;
}

export interface CompareOptions {
  comparators: readonly Comparator[];
  classify: Classifier;
  /** Called as work is done: after each part of the tree diff and each explained file. */
  onProgress?: (progress: CompareProgress) => void;
  /** Called with each compared file's node, with the context `classify` will get: lets a classifier start early. */
  prepare?: (file: Difference, context: ClassifierContext) => void;
  ignore?: readonly IgnoreProfile[];
  /** Globs of paths left out of the comparison on both sides. */
  exclude?: readonly string[];
  limits?: CompareLimits;
  /** How files present on one side only are paired across renames (default: the built-in hash rule). */
  stripHash?: StripHash;
  /**
   * Names and kinds only, like `diff --brief`: changed files are found (by digest, or by bytes for
   * a directory side) but never read again or explained, and nothing is classified.
   */
  brief?: boolean;
}

export interface CompareCounts {
  added: number;
  removed: number;
  modified: number;
  /** Type, mode and symlink changes. */
  changed: number;
  /** Files paired across a rename (by content, or by name with hashes stripped); not in `added` or `removed`. */
  renamed: number;
  /** Top-level differences whose every cause is ignored. */
  ignored: number;
}

export interface CompareResult {
  before: string;
  after: string;
  root: Difference;
  verdict: Verdict;
  counts: CompareCounts;
  metadata: MetadataChange[];
  /** Paths that could not be compared (names or symlink targets that are not valid UTF-8): never identical. */
  notCompared?: NotCompared[];
  /** Block contents of snapshot sides the diff did not read (equal digests are never read); null without a snapshot side. */
  verification?: Verification | null;
  /** One line each, for every presenter: what was not compared or read, a path prefix one side lacks, budgets spent. */
  notes?: string[];
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Marks nodes whose causes are all ignored; a parent is ignored when all its children are. */
function applyIgnores(node: Difference, ignored: ReadonlySet<CauseId>): boolean {
  if (node.children.length > 0) {
    const all = node.children.map((c) => applyIgnores(c, ignored)).every(Boolean);
    if (all) node.ignored = true;
    return all;
  }
  const isIgnored = node.causes.length > 0 && node.causes.every((c) => ignored.has(c.id) || c.secondary === true) && node.causes.some((c) => ignored.has(c.id));
  if (isIgnored) node.ignored = true;
  return isIgnored;
}

/**
 * Leaves that count: not ignored. Explained when each has causes and none is `content`. A leaf
 * whose only cause is secondary (a build-id) is explained by its siblings, which are judged too.
 */
export function verdictOf(root: Difference): Verdict {
  const leaves: Difference[] = [];
  const visit = (n: Difference): void => {
    if (n.ignored === true) return;
    if (n.children.length === 0) leaves.push(n);
    else n.children.forEach(visit);
  };
  root.children.forEach(visit);
  if (leaves.length === 0) return 'identical';
  const explained = leaves.every((l) => l.causes.length > 0 && l.causes.every((c) => c.id !== 'content'));
  return explained ? 'drift-explained' : 'drift-unexplained';
}

export async function compareSources(sides: Sides, options: CompareOptions): Promise<CompareResult> {
  const { before, after } = sides;
  const limits = options.limits ?? DEFAULT_LIMITS;
  const metadata = diffMetadata(before.metadata, after.metadata);
  const context: ClassifierContext = {
    toolchainChanged: metadata.filter((m) => m.area === 'toolchain').map((m) => ({ name: m.name, before: m.before, after: m.after })),
  };
  const differences: Difference[] = [];
  const fileNodes: Difference[] = [];
  // Parts arrive as the workers find them; comparing one lets the next ones in.
  const progress: CompareProgress = { filesChecked: 0, bytesRead: 0, filesChanged: 0, filesExplained: 0 };
  const notCompared: NotCompared[] = [];
  // Every file's nested archives share its budget, and all files share the diff's (42.zip).
  const diffBudget = new ExpansionBudget(limits.maxExpandedBytesPerDiff, { scope: 'diff' });
  const exhausted: string[] = [];
  const oneSided: OneSided[] = [];
  for await (const part of sides.diff(options.exclude ?? [])) {
    differences.push(...part.differences);
    if (part.only !== undefined) for (const f of part.only) oneSided.push(f);
    notCompared.push(...(part.notCompared ?? []));
    progress.filesChecked += part.checked?.files ?? 0;
    progress.bytesRead += part.checked?.bytes ?? 0;
    progress.filesChanged += part.modified.length;
    options.onProgress?.({ ...progress });
    await compareAll(part.modified);
  }
  const renames = pairRenames(oneSided, options.stripHash ?? 'default', (f) => (f.side === 'before' ? before : after).digest(f.entry));
  if (renames.length > 0) {
    differences.splice(0, differences.length, ...applyRenames(differences, oneSided, renames));
    const changed = renames.filter((r) => !r.same);
    progress.filesChanged += changed.length;
    await compareAll(changed, true);
  }
  function compareOpened(path: string, a: FileEntry, b: FileEntry, budgets: SideBudgets): Difference {
    if (Math.max(a.size, b.size) < STREAM_FROM_BYTES) return compareFile(path, before.readFile(a), after.readFile(b), options.comparators, limits, 0, budgets);
    const opened: ByteSource[] = [];
    try {
      const sa = before.openFile?.(a) ?? bufferSource(before.readFile(a));
      opened.push(sa);
      const sb = after.openFile?.(b) ?? bufferSource(after.readFile(b));
      opened.push(sb);
      sb.borrowFrom?.(sa);
      return compareFileSources(path, sa, sb, options.comparators, limits, 0, budgets);
    } finally {
      for (const source of opened) source.close();
    }
  }
  async function compareAll(pairs: readonly (ModifiedPair | RenamePair)[], renamed = false): Promise<void> {
    for (const m of pairs) {
      const budgets = fileBudgets(limits, diffBudget);
      const path = m.after.path;
      const node =
        options.brief === true
          ? { path, kind: 'modified' as const, summary: 'contents differ', causes: [], children: [] }
          : compareOpened(path, m.before, m.after, budgets);
      if (renamed) {
        node.from = m.before.path;
        node.summary = `renamed from ${m.before.path}; ${node.summary}`;
      }
      if (budgets.before.exhausted || budgets.after.exhausted) {
        exhausted.push(path);
        const spent = `expansion budget exhausted after ${formatSize(budgets.before.used)} + ${formatSize(budgets.after.used)} expanded: what was left is reported as differing, not expanded`;
        node.fallback = node.fallback === undefined ? spent : `${node.fallback}; ${spent}`;
      }
      options.prepare?.(node, context);
      fileNodes.push(node);
      progress.filesExplained++;
      options.onProgress?.({ ...progress });
      await yieldToEventLoop(); // lets worker answers in, so the next tasks start
    }
  }
  const children = [...differences, ...fileNodes].sort((x, y) => compareCodePoints(x.path, y.path));
  const root: Difference = { path: '', kind: 'modified', summary: '', causes: [], children };
  if (options.brief !== true) options.classify(root, context);
  const ignored = new Set<CauseId>((options.ignore ?? []).map((p) => IGNORE_PROFILES[p]));
  if (ignored.size > 0) for (const child of children) applyIgnores(child, ignored);
  const counts: CompareCounts = {
    added: children.filter((c) => c.kind === 'added').length,
    removed: children.filter((c) => c.kind === 'removed').length,
    modified: children.filter((c) => c.kind === 'modified').length,
    changed: children.filter((c) => c.kind === 'type' || c.kind === 'mode' || c.kind === 'symlink').length,
    renamed: children.filter((c) => c.from !== undefined).length,
    ignored: children.filter((c) => c.ignored === true).length,
  };
  const unchecked = mergeNotCompared(notCompared);
  // What could not be compared may differ: never identical, never fully explained.
  const verdict = unchecked.length > 0 ? 'drift-unexplained' : verdictOf(root);
  root.summary =
    verdict === 'identical'
      ? counts.ignored > 0
        ? `identical apart from ${counts.ignored} ignored differences`
        : 'identical'
      : `${counts.modified} modified, ${counts.added} added, ${counts.removed} removed, ${counts.changed} mode/type/link changes` +
        (counts.renamed > 0 ? `, ${counts.renamed} renamed` : '') +
        (unchecked.length > 0 ? `, ${unchecked.length} not compared` : '') +
        (counts.ignored > 0 ? ` (${counts.ignored} fully ignored)` : '');
  const verification = verificationOf([before, after]);
  const notes = [...sides.notes];
  if (unchecked.length > 0) notes.push(describeNotCompared(unchecked));
  if (exhausted.length > 0) {
    notes.push(
      `expansion budget exhausted in ${exhausted.length} file${exhausted.length === 1 ? '' : 's'} (${exhausted.slice(0, 3).join(', ')}${exhausted.length > 3 ? ', …' : ''}): ` +
        `a file may expand ${formatSize(limits.maxExpandedBytes)} per side with everything nested in it; members past that are reported as differing, not expanded`,
    );
  }
  if (verification !== null && verification.note !== '') notes.push(verification.note);
  return { before: before.label, after: after.label, root, verdict, counts, metadata, notCompared: unchecked, verification, notes };
}
