/**
 * The cause classifier: labels every node of a Difference tree with evidence-backed causes and a
 * one-line fix hint for the ecosystem. Evidence first: a `timestamp` means a date was found in the
 * differing bytes or a time field differs; anything not proven is `content` (unexplained).
 * Leaves are analysed in causes/leaf.ts; this module walks the tree and decides what is secondary.
 */
import type { Finding } from './evidence.js';
import { CAUSE_IDS, type Cause, type CauseId, type Difference } from './types.js';
import type { ClassifyContext } from './causes/context.js';
import { toolchainFinding } from './causes/formats.js';
import { hintFor } from './causes/hints.js';
import { analyzeLeaf, type LeafAnalysis } from './causes/leaf.js';

export type { ClassifyContext, ReadBytes, ToolchainChange } from './causes/context.js';
export { hintFor } from './causes/hints.js';

export type Verdict = 'identical' | 'drift-explained' | 'drift-unexplained';

/** Findings quoted in one cause's evidence; the rest are counted. */
const MAX_EVIDENCE = 3;

/** Where a cause came from (the leaf path) and how many leaves share it, for parents' evidence. */
interface Origin {
  path: string;
  evidence: string;
  count: number;
}

const origins = new WeakMap<Cause, Origin>();

function leafCauses(analysis: LeafAnalysis, secondaryIds: ReadonlySet<CauseId>): Cause[] {
  const causes: Cause[] = [];
  for (const id of CAUSE_IDS) {
    if (id === 'content') continue;
    const found = analysis.findings.filter((f) => f.id === id);
    if (found.length === 0) continue;
    const first = found[0];
    const secondary = secondaryIds.has(id);
    const distinct = [...new Set(found.map((f) => f.evidence))];
    const more = distinct.length > MAX_EVIDENCE ? ` (+${distinct.length - MAX_EVIDENCE} more)` : '';
    const evidence = `${distinct.slice(0, MAX_EVIDENCE).join('; ')}${more}`;
    causes.push({
      id,
      evidence,
      hint: first.hint ?? hintFor(id, first.format ?? analysis.format, { prefixes: first.prefixes, secondary }),
      ...(secondary ? { secondary: true } : {}),
    });
  }
  if (analysis.unexplained.length > 0) {
    const shown = analysis.unexplained.slice(0, 3).join('; ');
    const more = analysis.unexplained.length > 3 ? ` (+${analysis.unexplained.length - 3} more)` : '';
    causes.push({ id: 'content', evidence: `${shown}${more}`, hint: hintFor('content', analysis.format) });
  }
  return causes;
}

/** Union of the children's causes; `content` only when some child is unexplained. */
function summariseChildren(node: Difference, own: Cause[]): Cause[] {
  const merged = new Map<CauseId, { first: Cause; origin: Origin; count: number; allSecondary: boolean; primary?: Cause }>();
  const add = (cause: Cause, fallbackPath: string): void => {
    const origin = origins.get(cause) ?? { path: fallbackPath, evidence: cause.evidence, count: 1 };
    const entry = merged.get(cause.id);
    if (entry === undefined) {
      merged.set(cause.id, { first: cause, origin, count: origin.count, allSecondary: cause.secondary === true, ...(cause.secondary === true ? {} : { primary: cause }) });
      return;
    }
    entry.count += origin.count;
    entry.allSecondary &&= cause.secondary === true;
    if (entry.primary === undefined && cause.secondary !== true) entry.primary = cause;
  };
  for (const cause of own) add(cause, node.path);
  for (const child of node.children) for (const cause of child.causes) add(cause, child.path);
  const causes: Cause[] = [];
  for (const id of CAUSE_IDS) {
    const entry = merged.get(id);
    if (entry === undefined) continue;
    const shownFrom = entry.primary ?? entry.first;
    const origin = origins.get(shownFrom) ?? entry.origin;
    const where = origin.path !== node.path && origin.path !== '' ? `${origin.path}: ` : '';
    const more = entry.count > 1 ? ` (and ${entry.count - 1} more)` : '';
    const cause: Cause = { id, evidence: `${where}${origin.evidence}${more}`, hint: shownFrom.hint, ...(entry.allSecondary ? { secondary: true } : {}) };
    origins.set(cause, { path: origin.path, evidence: origin.evidence, count: entry.count });
    causes.push(cause);
  }
  return causes;
}

function collectLeaves(node: Difference, parents: Map<Difference, Difference | undefined>, parent: Difference | undefined, out: Difference[]): void {
  parents.set(node, parent);
  if (node.children.length === 0) out.push(node);
  for (const child of node.children) collectLeaves(child, parents, node, out);
}

function leavesUnder(node: Difference): Difference[] {
  if (node.children.length === 0) return [node];
  return node.children.flatMap(leavesUnder);
}

/** The file a leaf belongs to: its nearest `modified` ancestor below the root, else its parent. */
function scopeOf(leaf: Difference, root: Difference, parents: Map<Difference, Difference | undefined>): Difference | undefined {
  for (let p = parents.get(leaf); p !== undefined && p !== root; p = parents.get(p)) {
    if (p.kind === 'modified') return p;
  }
  const parent = parents.get(leaf);
  return parent === root ? undefined : parent;
}

function isRootContainer(root: Difference): boolean {
  return root.children.length === 0 && root.detail === undefined && root.kind === 'modified';
}

/**
 * Sets `causes` on every node of the tree: leaves from their own evidence, a build-id that changed
 * alongside other bytes of its file as secondary, parents as the union of their children.
 */
export function classifyCauses(root: Difference, ctx: ClassifyContext = {}, prepared?: Map<Difference, LeafAnalysis>): void {
  const parents = new Map<Difference, Difference | undefined>();
  const leaves: Difference[] = [];
  collectLeaves(root, parents, undefined, leaves);
  if (isRootContainer(root)) {
    root.causes = [];
    return;
  }
  const analyses = new Map<Difference, LeafAnalysis>();
  for (const leaf of leaves) {
    analyses.set(leaf, prepared?.get(leaf) ?? analyzeLeaf(leaf, ctx));
    prepared?.delete(leaf);
  }

  // A compiled output with unexplained bytes, and its compiler changed: an explanation only when
  // the differing bytes show the new version; otherwise said as a possibility.
  const toolchains = ctx.toolchainChanged ?? [];
  if (toolchains.length > 0) {
    for (const [leaf, analysis] of analyses) {
      if (analysis.unexplained.length === 0) continue;
      const text = `${leaf.summary}\n${JSON.stringify(leaf.detail ?? null)}`;
      const { finding, possible } = toolchainFinding(analysis.format, toolchains, (version) => text.includes(version));
      if (finding !== undefined) {
        analysis.findings.push(finding);
        analysis.unexplained = [];
      } else if (possible !== undefined) {
        analysis.unexplained.push(possible);
      }
    }
  }

  const others = (leaf: Difference, only?: readonly string[]): LeafAnalysis[] => {
    const scope = scopeOf(leaf, root, parents);
    if (scope === undefined) return [];
    return leavesUnder(scope)
      .filter((l) => l !== leaf && (only === undefined || only.some((p) => l.path === p || l.path.startsWith(`${p}:`))))
      .map((l) => analyses.get(l))
      .filter((a): a is LeafAnalysis => a !== undefined && a.consequenceOf === undefined);
  };

  const secondary = new Map<Difference, Set<CauseId>>();
  for (const leaf of leaves) {
    const analysis = analyses.get(leaf);
    if (analysis === undefined) continue;
    const siblings = others(leaf, analysis.consequence?.from);
    if (analysis.consequenceOf !== undefined && siblings.length > 0) {
      // A checksum or size follows from the other differences of its file: it takes their causes.
      const primaries = new Map<CauseId, Finding>();
      for (const s of siblings) {
        for (const f of s.findings) if (!primaries.has(f.id)) primaries.set(f.id, { ...f, format: f.format ?? s.format });
      }
      const ids = new Set(primaries.keys());
      const unexplained = siblings.some((s) => s.unexplained.length > 0);
      const evidence = analysis.consequence?.evidence ?? `${analysis.consequenceOf} follows from the other differences of this file`;
      analysis.findings = [...primaries.values()].map((f) => ({ ...f, evidence }));
      analysis.unexplained = unexplained ? analysis.unexplained : [];
      secondary.set(leaf, ids);
      continue;
    }
    if (!analysis.findings.some((f) => f.id === 'build-id')) continue;
    const otherReason = (a: LeafAnalysis): boolean => a.unexplained.length > 0 || a.findings.some((f) => f.id !== 'build-id');
    if (otherReason(analysis) || siblings.some(otherReason)) secondary.set(leaf, new Set<CauseId>(['build-id']));
  }

  const visit = (node: Difference): void => {
    node.children.forEach(visit);
    const analysis = analyses.get(node);
    if (analysis !== undefined) {
      node.causes = leafCauses(analysis, secondary.get(node) ?? new Set());
      for (const cause of node.causes) origins.set(cause, { path: node.path, evidence: cause.evidence, count: 1 });
      return;
    }
    node.causes = summariseChildren(node, []);
  };
  visit(root);
}

/**
 * `identical` when no leaf differs; `drift-explained` when every leaf has a proven cause and none
 * is left unexplained (`content`). A secondary-only leaf (a build-id that changed because its
 * siblings did) is explained exactly when those siblings are, and they are leaves judged here too.
 */
export function verdictOf(root: Difference): Verdict {
  if (isRootContainer(root)) return 'identical';
  const leaves = leavesUnder(root);
  const explained = leaves.every((leaf) => leaf.causes.length > 0 && leaf.causes.every((c) => c.id !== 'content'));
  return explained ? 'drift-explained' : 'drift-unexplained';
}

/**
 * The classifier split in two: `prepare` analyses one file's leaves as soon as the file is
 * compared (while the diff still waits on other work), `classify` does the rest for the whole
 * tree. The result is the same as `classifyCauses` alone. `prepare` must get the context that
 * `classify` will get.
 */
export function createCauseClassifier(): { prepare: (file: Difference, ctx: ClassifyContext) => void; classify: (root: Difference, ctx: ClassifyContext) => void } {
  const prepared = new Map<Difference, LeafAnalysis>();
  return {
    prepare: (file, ctx) => {
      const leaves: Difference[] = [];
      collectLeaves(file, new Map(), undefined, leaves);
      for (const leaf of leaves) prepared.set(leaf, analyzeLeaf(leaf, ctx));
    },
    classify: (root, ctx) => classifyCauses(root, ctx, prepared),
  };
}
