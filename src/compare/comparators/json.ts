/**
 * JSON: a structural diff by jsondiffpatch (json-delta.ts), arrays of objects matched by a key
 * field or a content hash, reported as JSON Pointer changes grouped per record
 * (`app.json#/assets/3`). Key order and formatting are differences of their own, never folded
 * away. Work is bounded: arrays too long for jsondiffpatch's O(n·m) LCS are aligned by our O(ND)
 * line diff on item keys; past 8 MiB or 200k nodes both trees are walked in lockstep in one linear
 * pass (json-large.ts); past the line diff's edit budget the pretty-printed JSON is line-diffed
 * instead, and the node says why.
 */
import { extname, posix } from 'node:path';
import { compareText, decodeText } from './text.js';
import { ComparatorFallback } from '../types.js';
import type { Comparator, CompareContext, Difference, JsonChange } from '../types.js';
import { DeltaWalker, ItemKeys, MAX_CHANGES, MAX_LIST, findKeyReorders, makePatcher } from './json-delta.js';
import type { Collected, Reorder } from './json-delta.js';
import { diffLargeJson, diffLargeJsonRegion } from './json-large.js';
import { describeJsonFormatting } from './json-format.js';
import { SUMMARY_VALUE_CHARS, cap, isContainer, isObject, printJson } from './json-values.js';
import type { Json, JsonObject } from './json-values.js';

const MAX_STRUCTURED_BYTES = 8 * 1024 * 1024;
/** Nodes (values of any kind) on the larger side above which the lockstep walk is used. */
export const MAX_JSON_NODES = 200_000;
const MAX_DEPTH = 256;
const JSON_EXTENSIONS = new Set(['.json', '.webmanifest', '.jsonld', '.geojson']);

interface ParsedSide {
  value: Json;
  text: string;
  encoding: string;
  bytes: number;
  nodes: number;
  protoKeys: boolean;
}

/**
 * Counts nodes and checks depth without recursion (the input may be hostile), and notes keys that
 * are also `Object.prototype` names (`constructor`, `__proto__`…), which need detached objects.
 */
function measure(value: unknown, side: string): { nodes: number; protoKeys: boolean } {
  let nodes = 0;
  let protoKeys = false;
  const values: unknown[] = [value];
  const depths: number[] = [0];
  while (values.length > 0) {
    const v = values.pop();
    const depth = depths.pop() as number;
    nodes++;
    if (typeof v !== 'object' || v === null) continue;
    if (depth >= MAX_DEPTH) throw new ComparatorFallback(`${side} JSON is nested deeper than ${MAX_DEPTH} levels`);
    if (Array.isArray(v)) {
      for (const child of v) {
        values.push(child);
        depths.push(depth + 1);
      }
      continue;
    }
    const obj = v as Record<string, unknown>;
    for (const key in obj) {
      if (!protoKeys && key in Object.prototype) protoKeys = true;
      values.push(obj[key]);
      depths.push(depth + 1);
    }
  }
  return { nodes, protoKeys };
}

/** Objects without a prototype, so keys like `constructor` are plain data in every lookup. */
function detach(value: unknown): Json {
  if (Array.isArray(value)) return value.map(detach);
  if (!isContainer(value)) return value as Json;
  const out = Object.create(null) as JsonObject;
  for (const [key, child] of Object.entries(value)) out[key] = detach(child);
  return out;
}

/** `measured` false skips the node count and depth check (the lockstep walk checks depth itself). */
function parseSide(buf: Buffer, side: string, measured: boolean): ParsedSide {
  const decoded = decodeText(buf, side);
  let value: unknown;
  try {
    value = JSON.parse(decoded.text);
  } catch (error) {
    throw new ComparatorFallback(`${side} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const { nodes, protoKeys } = measured ? measure(value, side) : { nodes: 0, protoKeys: false };
  const encoding = decoded.encoding === 'UTF-8' && decoded.bom ? 'UTF-8 with BOM' : decoded.encoding;
  return { value: value as Json, text: decoded.text, encoding, bytes: buf.length, nodes, protoKeys };
}

function deepEqual(a: Json, b: Json): boolean {
  if (a === b) return true;
  if (!isContainer(a) || !isContainer(b) || Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((item, i) => deepEqual(item, b[i] as Json));
  const ka = Object.keys(a);
  const ob = b as JsonObject;
  if (ka.length !== Object.keys(ob).length) return false;
  return ka.every((key) => key in ob && deepEqual((a as JsonObject)[key] as Json, ob[key] as Json));
}

function describeFormatting(side: ParsedSide): string {
  const parts: string[] = [];
  if (side.encoding !== 'UTF-8') parts.push(side.encoding);
  const body = side.text.trimEnd();
  const indent = /\n([ \t]+)\S/.exec(body);
  if (indent === null) parts.push(body.includes('\n') ? 'not indented' : 'single line');
  else if ((indent[1] as string).includes('\t')) parts.push('tab indent');
  else parts.push(`${(indent[1] as string).length}-space indent`);
  if (body.includes('\n')) parts.push(body.includes('\r\n') ? 'CRLF' : 'LF');
  parts.push(/\n$/.test(side.text) ? 'final newline' : 'no final newline');
  return parts.join(', ');
}

function nodePath(path: string, pointer: string): string {
  return pointer === '' ? path : `${path}#${pointer}`;
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Pointer of the record a change belongs to: up to and including the first array index. */
function recordOf(pointer: string, a: Json, b: Json): string {
  const parts = pointer.split('/').slice(1);
  let va: Json | undefined = a;
  let vb: Json | undefined = b;
  for (let n = 0; n < parts.length; n++) {
    if (Array.isArray(va) || Array.isArray(vb)) return `/${parts.slice(0, n + 1).join('/')}`;
    const key = unescapePointer(parts[n] as string);
    va = isObject(va) && Object.hasOwn(va, key) ? va[key] : undefined;
    vb = isObject(vb) && Object.hasOwn(vb, key) ? vb[key] : undefined;
  }
  return pointer;
}

function summariseGroup(group: string, changes: readonly JsonChange[]): string {
  const where = group === '' ? 'document' : group;
  if (changes.length === 1) {
    const change = changes[0] as JsonChange;
    const at = change.pointer === '' ? 'document' : change.pointer;
    if (change.op === 'add') return `${at} added: ${cap(change.after ?? '', SUMMARY_VALUE_CHARS)}`;
    if (change.op === 'remove') return `${at} removed: ${cap(change.before ?? '', SUMMARY_VALUE_CHARS)}`;
    return `${at}: ${cap(change.before ?? '', SUMMARY_VALUE_CHARS)} → ${cap(change.after ?? '', SUMMARY_VALUE_CHARS)}`;
  }
  const [first, second] = changes;
  if (changes.length === 2 && first?.op === 'remove' && second?.op === 'add' && first.pointer === group && second.pointer === group) {
    return `${where} replaced: ${cap(first.before ?? '', SUMMARY_VALUE_CHARS)} → ${cap(second.after ?? '', SUMMARY_VALUE_CHARS)}`;
  }
  const inside = changes.map((c) => c.pointer.slice(group.length) || '/');
  const listed = inside.slice(0, 3).join(', ') + (inside.length > 3 ? ', …' : '');
  return `${where}: ${changes.length} values changed (${listed})`;
}

function changeNodes(path: string, collected: Collected, a: Json, b: Json): Difference[] {
  const groups = new Map<string, JsonChange[]>();
  for (const change of collected.changes) {
    const group = recordOf(change.pointer, a, b);
    const list = groups.get(group) ?? [];
    list.push(change);
    groups.set(group, list);
  }
  const out: Difference[] = [...groups].map(([group, changes]) => ({
    path: nodePath(path, group),
    kind: 'json',
    comparator: 'json',
    summary: summariseGroup(group, changes),
    detail: { type: 'json', changes, truncated: false },
    causes: [],
    children: [],
  }));
  if (collected.dropped > 0) {
    out.push({
      path,
      kind: 'json',
      comparator: 'json',
      summary: `${collected.dropped} more JSON changes not listed (first ${MAX_CHANGES} shown)`,
      detail: { type: 'json', changes: [], truncated: true },
      causes: [],
      children: [],
    });
  }
  return out;
}

function moveNode(path: string, move: Reorder): Difference {
  return {
    path: nodePath(path, move.pointer),
    kind: 'order',
    comparator: 'json',
    summary: `${move.moved} of ${move.total} items of ${move.pointer || 'the document'} in another order`,
    detail: { type: 'order', before: move.before, after: move.after },
    causes: [],
    children: [],
  };
}

function keyOrderNode(path: string, reorders: readonly Reorder[], sameValue: boolean): Difference {
  const first = reorders[0] as Reorder;
  const where = first.pointer || '/';
  const lead = sameValue ? 'same JSON, keys in another order' : 'keys in another order';
  const summary = reorders.length === 1 ? `${lead} at ${where}` : `${lead} (${reorders.length} objects, first at ${where})`;
  return {
    path: reorders.length === 1 ? nodePath(path, first.pointer) : path,
    kind: 'order',
    comparator: 'json',
    summary,
    detail: { type: 'order', before: first.before, after: first.after },
    causes: [],
    children: [],
  };
}

function structuralDiff(path: string, a: Json, b: Json, keys: ItemKeys): Difference[] {
  const patcher = makePatcher(keys);
  const delta = patcher.diff(a, b);
  const walker = new DeltaWalker(patcher, keys);
  walker.walk(delta, a, b, '');
  const out = changeNodes(path, walker.out, a, b);
  for (const move of walker.out.moves) out.push(moveNode(path, move));
  return out;
}

function lineFallback(path: string, a: Json, b: Json, reason: string, ctx: CompareContext): Difference[] {
  let nodes: Difference[];
  try {
    nodes = compareText(path, `${printJson(a).join('\n')}\n`, `${printJson(b).join('\n')}\n`, ctx.limits, 'json');
  } catch (error) {
    if ((error as { name?: string }).name !== 'ComparatorFallback') throw error;
    throw new ComparatorFallback(`${reason}, and its pretty-printed form has more than ${ctx.limits.maxTextLines} lines`);
  }
  for (const node of nodes) node.fallback = `${reason}: line diff of the pretty-printed JSON`;
  return nodes;
}

function isJsonName(path: string): boolean {
  const base = posix.basename(path.replace(/\\/g, '/'));
  return JSON_EXTENSIONS.has(extname(base).toLowerCase());
}

function startsLikeJson(head: Buffer): boolean {
  let i = head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
  while (i < head.length && (head[i] === 0x20 || head[i] === 0x09 || head[i] === 0x0a || head[i] === 0x0d)) i++;
  return head[i] === 0x7b || head[i] === 0x5b; // { or [
}

export const jsonComparator: Comparator = {
  id: 'json',

  recognizes(path: string, head: Buffer): boolean {
    return isJsonName(path) || startsLikeJson(head);
  },

  compare(path: string, before: Buffer, after: Buffer, ctx: CompareContext): Difference[] {
    return compareJson(path, before, after, ctx);
  },
};

/** Nodes for a region of two large documents (json-region.ts); null when they must be parsed whole. */
function compareRegion(path: string, before: Buffer, after: Buffer): Difference[] | null {
  const region = diffLargeJsonRegion(before, after, { maxChanges: MAX_CHANGES, maxList: MAX_LIST, maxDepth: MAX_DEPTH });
  if (region === null) return null;
  const { found, roots } = region;
  const out = changeNodes(path, found, roots[0], roots[1]);
  for (const move of found.moves) out.push(moveNode(path, move));
  const sameValue = found.changes.length === 0 && found.dropped === 0 && found.moves.length === 0;
  if (found.reorders.length > 0) out.push(keyOrderNode(path, found.reorders, sameValue));
  out.push(...formattingNodes(path, describeJsonFormatting(before), describeJsonFormatting(after)));
  if (out.length === 0) throw new ComparatorFallback(SAME_VALUE);
  return out;
}

const SAME_VALUE = 'same JSON value; only the serialisation differs (escapes, number forms or spacing)';

function formattingNodes(path: string, formatA: string, formatB: string): Difference[] {
  if (formatA === formatB) return [];
  return [
    {
      path,
      kind: 'field',
      comparator: 'json',
      summary: `formatting: ${formatA} → ${formatB}`,
      detail: { type: 'field', name: 'formatting', before: formatA, after: formatB },
      causes: [],
      children: [],
    },
  ];
}

/** `regions` false parses large documents whole (tests compare both paths). */
export function compareJson(path: string, before: Buffer, after: Buffer, ctx: CompareContext, regions = true): Difference[] {
  if (before.equals(after)) return [];
  // Past 8 MiB neither side is measured or walked twice: one lockstep pass does it all.
  const big = Math.max(before.length, after.length) > MAX_STRUCTURED_BYTES;
  // Most of two builds' large JSON is byte-identical: parse only the container that differs.
  const fast = big && regions ? compareRegion(path, before, after) : null;
  if (fast !== null) return fast;
  const a = parseSide(before, 'old side', !big);
  const b = parseSide(after, 'new side', !big);
  const out: Difference[] = [];
  let reorders: Reorder[] = [];
  let sameValue: boolean;
  if (big || Math.max(a.nodes, b.nodes) > MAX_JSON_NODES) {
    const found = diffLargeJson(a.value, b.value, { maxChanges: MAX_CHANGES, maxList: MAX_LIST, maxDepth: MAX_DEPTH });
    reorders = found.reorders;
    sameValue = found.changes.length === 0 && found.dropped === 0 && found.moves.length === 0;
    out.push(...changeNodes(path, found, a.value, b.value));
    for (const move of found.moves) out.push(moveNode(path, move));
  } else {
    if (a.protoKeys || b.protoKeys) {
      a.value = detach(a.value);
      b.value = detach(b.value);
    }
    const keys = new ItemKeys();
    findKeyReorders(a.value, b.value, null, keys, reorders);
    sameValue = deepEqual(a.value, b.value);
    if (!sameValue) {
      try {
        out.push(...structuralDiff(path, a.value, b.value, keys));
      } catch (error) {
        if ((error as { name?: string }).name !== 'AlignmentTooLarge') throw error;
        out.push(...lineFallback(path, a.value, b.value, (error as Error).message, ctx));
      }
    }
  }
  if (reorders.length > 0) out.push(keyOrderNode(path, reorders, sameValue));
  out.push(...formattingNodes(path, describeFormatting(a), describeFormatting(b)));
  if (out.length === 0) throw new ComparatorFallback(SAME_VALUE);
  return out;
}
