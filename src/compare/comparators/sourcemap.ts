/**
 * Source maps (v3): the header fields, the `sources` list (saying so when only an absolute build
 * directory differs), each source's embedded content as a line diff, `names`, and the mappings
 * by segment count. Anything else about the file (formatting) is left to the JSON and text
 * comparators by returning no difference.
 */
import { alignLines } from '../line-diff.js';
import { compareText, decodeText } from './text.js';
import { ComparatorFallback } from '../types.js';
import type { Comparator, CompareContext, Difference, JsonChange } from '../types.js';

const VALUE_CHARS = 200;
const HANDLED = new Set(['version', 'file', 'sourceRoot', 'sources', 'sourcesContent', 'names', 'mappings']);

interface SourceMap {
  version: 3;
  file?: unknown;
  sourceRoot?: unknown;
  sources: unknown[];
  sourcesContent?: unknown;
  names?: unknown;
  mappings: string;
  [key: string]: unknown;
}

function parseMap(buf: Buffer, side: string): SourceMap {
  let text = decodeText(buf, side).text;
  // The spec lets servers prefix `)]}'` on its own line against XSSI.
  if (text.startsWith(")]}'")) text = text.slice(text.indexOf('\n') + 1 || text.length);
  let map: unknown;
  try {
    map = JSON.parse(text);
  } catch (error) {
    throw new ComparatorFallback(`${side} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (typeof map !== 'object' || map === null || Array.isArray(map)) throw new ComparatorFallback(`${side} is not a source map: not a JSON object`);
  const m = map as Record<string, unknown>;
  if (m.version !== 3) throw new ComparatorFallback(`${side} is not a source map v3: version is ${JSON.stringify(m.version) ?? 'missing'}`);
  if ('sections' in m) throw new ComparatorFallback(`${side} is an index map (sections): compared as JSON`);
  if (typeof m.mappings !== 'string') throw new ComparatorFallback(`${side} is not a source map v3: "mappings" is not a string`);
  if (!Array.isArray(m.sources)) throw new ComparatorFallback(`${side} is not a source map v3: "sources" is not an array`);
  return m as SourceMap;
}

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? 'absent';
  return text.length <= VALUE_CHARS ? text : `${text.slice(0, VALUE_CHARS - 1)}…`;
}

function node(path: string, kind: Difference['kind'], summary: string, detail: Difference['detail']): Difference {
  return { path, kind, comparator: 'sourcemap', summary, detail, causes: [], children: [] };
}

function fieldNode(path: string, name: string, before: string, after: string, summary?: string): Difference {
  return node(path, 'field', summary ?? `${name}: ${before} → ${after}`, { type: 'field', name, before, after });
}

function isAbsoluteDir(prefix: string): boolean {
  const path = prefix.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
  return path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\\\');
}

/** `a` = `before + rest` and `b` = `after + rest`, with the split at a directory separator. */
function splitPrefix(a: string, b: string): { before: string; after: string } | null {
  let common = 0;
  while (common < a.length && common < b.length && a[a.length - 1 - common] === b[b.length - 1 - common]) common++;
  // Walk the common tail back until both prefixes end with a separator.
  for (let keep = common; keep > 0; keep--) {
    const before = a.slice(0, a.length - keep);
    const after = b.slice(0, b.length - keep);
    if (/[/\\]$/.test(before) && /[/\\]$/.test(after)) return { before, after };
  }
  return null;
}

/** When the two lists differ only by one absolute directory prefix, that prefix pair. */
function prefixChange(a: readonly string[], b: readonly string[]): { before: string; after: string; count: number } | null {
  if (a.length !== b.length) return null;
  let found: { before: string; after: string } | null = null;
  let count = 0;
  for (let i = 0; i < a.length; i++) {
    if (a[i] === b[i]) continue;
    const split = splitPrefix(a[i] as string, b[i] as string);
    if (split === null || !isAbsoluteDir(split.before) || !isAbsoluteDir(split.after)) return null;
    if (found !== null && (found.before !== split.before || found.after !== split.after)) return null;
    found = split;
    count++;
  }
  return found === null ? null : { ...found, count };
}

/** Adds, removals and in-place replacements between two string lists, as pointer changes. */
function listChanges(key: string, a: readonly string[], b: readonly string[]): JsonChange[] {
  const { runs } = alignLines(a, b);
  const changes: JsonChange[] = [];
  let i = 0;
  let j = 0;
  for (const run of [...runs, { oldIndex: a.length, newIndex: b.length, length: 0 }]) {
    const removed = run.oldIndex - i;
    const added = run.newIndex - j;
    const paired = Math.min(removed, added);
    for (let k = 0; k < paired; k++) {
      changes.push({ pointer: `/${key}/${j + k}`, op: 'replace', before: show(a[i + k]), after: show(b[j + k]) });
    }
    for (let k = paired; k < removed; k++) changes.push({ pointer: `/${key}/${i + k}`, op: 'remove', before: show(a[i + k]) });
    for (let k = paired; k < added; k++) changes.push({ pointer: `/${key}/${j + k}`, op: 'add', after: show(b[j + k]) });
    i = run.oldIndex + run.length;
    j = run.newIndex + run.length;
  }
  return changes;
}

function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const sortedA = [...a].sort();
  const sortedB = [...b].sort();
  return sortedA.every((item, i) => item === sortedB[i]);
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function compareList(path: string, key: string, a: readonly string[], b: readonly string[]): Difference | null {
  if (a.length === b.length && a.every((item, i) => item === b[i])) return null;
  const at = `${path}:${key}`;
  const prefix = prefixChange(a, b);
  if (prefix !== null) {
    const changes = listChanges(key, a, b);
    return node(
      at,
      'json',
      `${key} differ only by directory prefix: ${prefix.before} → ${prefix.after} (${prefix.count} of ${a.length} ${key})`,
      { type: 'json', changes, truncated: false },
    );
  }
  if (sameMembers(a, b)) {
    return node(at, 'order', `same ${plural(a.length, key.replace(/s$/, ''))} in another order`, { type: 'order', before: [...a], after: [...b] });
  }
  const changes = listChanges(key, a, b);
  const counts = (['add', 'remove', 'replace'] as const)
    .map((op) => ({ op, n: changes.filter((c) => c.op === op).length }))
    .filter(({ n }) => n > 0)
    .map(({ op, n }) => `${n} ${op === 'add' ? 'added' : op === 'remove' ? 'removed' : 'replaced'}`);
  return node(at, 'json', `${key} changed: ${counts.join(', ')}`, { type: 'json', changes, truncated: false });
}

function strings(list: unknown): string[] {
  return Array.isArray(list) ? list.map((item) => (typeof item === 'string' ? item : JSON.stringify(item) ?? 'null')) : [];
}

function countSegments(mappings: string): number {
  let count = 0;
  let inSegment = false;
  for (let i = 0; i < mappings.length; i++) {
    const c = mappings.charCodeAt(i);
    if (c === 44 || c === 59) {
      // ',' or ';'
      if (inSegment) count++;
      inSegment = false;
    } else {
      inSegment = true;
    }
  }
  return inSegment ? count + 1 : count;
}

/** Pairs of source indices whose content should be compared: by position or by name. */
function sourcePairs(a: readonly string[], b: readonly string[]): Array<[number, number]> {
  if (a.length === b.length && (prefixChange(a, b) !== null || a.every((item, i) => item === b[i]))) {
    return a.map((_, i) => [i, i]);
  }
  const index = new Map<string, number>();
  b.forEach((name, j) => {
    if (!index.has(name)) index.set(name, j);
  });
  const pairs: Array<[number, number]> = [];
  a.forEach((name, i) => {
    const j = index.get(name);
    if (j !== undefined) pairs.push([i, j]);
  });
  return pairs;
}

function compareContents(path: string, a: SourceMap, b: SourceMap, sa: string[], sb: string[], ctx: CompareContext): Difference[] {
  const out: Difference[] = [];
  const hasA = Array.isArray(a.sourcesContent);
  const hasB = Array.isArray(b.sourcesContent);
  if (hasA !== hasB) {
    const describe = (has: boolean, list: unknown): string => (has ? `embedded (${(list as unknown[]).length})` : 'absent');
    out.push(fieldNode(`${path}:sourcesContent`, 'sourcesContent', describe(hasA, a.sourcesContent), describe(hasB, b.sourcesContent)));
    return out;
  }
  if (!hasA) return out;
  const contentA = a.sourcesContent as unknown[];
  const contentB = b.sourcesContent as unknown[];
  for (const [i, j] of sourcePairs(sa, sb)) {
    const ca = contentA[i] ?? null;
    const cb = contentB[j] ?? null;
    if (ca === cb) continue;
    const at = `${path}:sourcesContent[${sb[j]}]`;
    if (typeof ca !== 'string' || typeof cb !== 'string') {
      const describe = (c: unknown): string => (typeof c === 'string' ? `${c.length} characters` : 'missing');
      out.push(fieldNode(at, 'content', describe(ca), describe(cb)));
      continue;
    }
    try {
      out.push(...compareText(at, ca, cb, ctx.limits, 'sourcemap'));
    } catch (error) {
      if ((error as { name?: string }).name !== 'ComparatorFallback') throw error;
      const changed = fieldNode(at, 'content', `${ca.length} characters`, `${cb.length} characters`);
      changed.fallback = (error as Error).message;
      out.push(changed);
    }
  }
  return out;
}

export const sourcemapComparator: Comparator = {
  id: 'sourcemap',

  recognizes(path: string, head: Buffer): boolean {
    if (!path.toLowerCase().endsWith('.map')) return false;
    const start = head.subarray(head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0).toString('latin1').trimStart();
    return start.startsWith('{') || start.startsWith(")]}'");
  },

  compare(path: string, before: Buffer, after: Buffer, ctx: CompareContext): Difference[] {
    if (before.equals(after)) return [];
    const a = parseMap(before, 'old side');
    const b = parseMap(after, 'new side');
    const out: Difference[] = [];
    for (const key of ['file', 'sourceRoot'] as const) {
      if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) out.push(fieldNode(`${path}:${key}`, key, show(a[key]), show(b[key])));
    }
    const sa = strings(a.sources);
    const sb = strings(b.sources);
    const sources = compareList(path, 'sources', sa, sb);
    if (sources !== null) out.push(sources);
    out.push(...compareContents(path, a, b, sa, sb, ctx));
    const names = compareList(path, 'names', strings(a.names), strings(b.names));
    if (names !== null) out.push(names);
    if (a.mappings !== b.mappings) {
      const na = countSegments(a.mappings);
      const nb = countSegments(b.mappings);
      out.push(fieldNode(`${path}:mappings`, 'mappings', `${na} segments`, `${nb} segments`, `mappings changed (${na} → ${nb} segments)`));
    }
    const others = new Set([...Object.keys(a), ...Object.keys(b)].filter((key) => !HANDLED.has(key)));
    for (const key of [...others].sort()) {
      if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) out.push(fieldNode(`${path}:${key}`, key, show(a[key]), show(b[key])));
    }
    return out;
  },
};
