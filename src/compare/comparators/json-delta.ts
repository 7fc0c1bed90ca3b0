/**
 * The jsondiffpatch path for JSON within the caps: items matched by key or content hash, long
 * arrays aligned by our O(ND) line diff, the delta turned into JSON Pointer changes, and key
 * order changes found through matched items.
 */
import { createHash } from 'node:crypto';
import { create } from 'jsondiffpatch';
import type { Delta, DiffContext } from 'jsondiffpatch';
import { alignLines } from '../line-diff.js';
import type { JsonChange } from '../types.js';
import type { KeyReorder } from './json-large.js';
import { KEY_FIELDS, SUMMARY_VALUE_CHARS, escapePointer, isContainer, isObject, show } from './json-values.js';
import type { Json } from './json-values.js';

/** jsondiffpatch's LCS matrix cells per array, and in all, before our O(ND) alignment takes over. */
const MAX_ARRAY_CELLS = 1_000_000;
const MAX_TOTAL_CELLS = 4_000_000;
export const MAX_CHANGES = 1000;
export const MAX_LIST = 1000;

export class AlignmentTooLarge extends Error {
  override readonly name = 'AlignmentTooLarge';
}


/** Identity of array items for matching: a key field's value, else a hash of the content. */
export class ItemKeys {
  private readonly content = new WeakMap<object, string>();

  contentHash(value: Json): string {
    if (!isContainer(value)) return JSON.stringify(value);
    const cached = this.content.get(value);
    if (cached !== undefined) return cached;
    const parts = Array.isArray(value)
      ? value.map((item) => this.contentHash(item))
      : Object.keys(value)
          .sort()
          .map((key) => `${JSON.stringify(key)}:${this.contentHash(value[key] as Json)}`);
    const text = Array.isArray(value) ? `[${parts.join(',')}]` : `{${parts.join(',')}}`;
    const hash = text.length > 64 ? `#${createHash('sha1').update(text).digest('base64')}` : text;
    this.content.set(value, hash);
    return hash;
  }

  keyField(value: Json): string | undefined {
    if (!isObject(value)) return undefined;
    for (const field of KEY_FIELDS) {
      const key = value[field];
      if (typeof key === 'string' || typeof key === 'number') return `${field}=${JSON.stringify(key)}`;
    }
    return undefined;
  }

  match(value: Json): string {
    return this.keyField(value) ?? this.contentHash(value);
  }

  /** A short name for an item in an order list. */
  label(value: Json): string {
    if (isObject(value)) {
      for (const field of KEY_FIELDS) {
        const key = value[field];
        if (typeof key === 'string' || typeof key === 'number') return String(key);
      }
    }
    return show(value, SUMMARY_VALUE_CHARS);
  }
}

function pointerOf(context: DiffContext): string {
  const names: string[] = [];
  for (let c: DiffContext | undefined = context; c?.childName !== undefined; c = c.parent) names.push(escapePointer(String(c.childName)));
  return names.length === 0 ? '/' : `/${names.reverse().join('/')}`;
}

type DiffContextClass = new (left: unknown, right: unknown) => DiffContext;

/**
 * Aligns a long array the way jsondiffpatch's own filter would, but with our O(ND) line diff on
 * item keys instead of its O(n·m) LCS matrix; emits the same delta shape (removals `_i`, adds
 * `j`, moves `_i: ['', j, 3]`) and queues matched pairs for the inner diff.
 */
function alignLongArray(context: DiffContext, left: Json[], right: Json[], keys: ItemKeys): void {
  const keyOf = (item: Json): string => (isContainer(item) ? `o${keys.match(item)}` : `v${JSON.stringify(item)}`);
  const keysA = left.map(keyOf);
  const keysB = right.map(keyOf);
  const alignment = alignLines(keysA, keysB);
  if (alignment.coarse) {
    throw new AlignmentTooLarge(`the array at ${pointerOf(context)} has too many changes to align item by item (${left.length} → ${right.length} items)`);
  }
  const Child = context.constructor as DiffContextClass;
  const matchedOld = new Uint8Array(left.length);
  const matchedNew = new Uint8Array(right.length);
  for (const run of alignment.runs) {
    for (let k = 0; k < run.length; k++) {
      matchedOld[run.oldIndex + k] = 1;
      matchedNew[run.newIndex + k] = 1;
      context.push(new Child(left[run.oldIndex + k], right[run.newIndex + k]), run.newIndex + k);
    }
  }
  const removedByKey = new Map<string, number[]>();
  for (let i = 0; i < left.length; i++) {
    if (matchedOld[i] === 1 || !isContainer(left[i] as Json)) continue;
    const list = removedByKey.get(keysA[i] as string) ?? [];
    list.push(i);
    removedByKey.set(keysA[i] as string, list);
  }
  const result: Record<string, unknown> = { _t: 'a' };
  let changed = false;
  for (let j = 0; j < right.length; j++) {
    if (matchedNew[j] === 1) continue;
    changed = true;
    const from = removedByKey.get(keysB[j] as string)?.shift();
    if (from !== undefined) {
      matchedOld[from] = 1;
      result[`_${from}`] = ['', j, 3];
      context.push(new Child(left[from], right[j]), j);
    } else {
      result[j] = [right[j]];
    }
  }
  for (let i = 0; i < left.length; i++) {
    if (matchedOld[i] === 1) continue;
    changed = true;
    result[`_${i}`] = [left[i], 0, 0];
  }
  context.setResult(changed ? (result as Delta) : undefined).exit();
}

export function makePatcher(keys: ItemKeys): ReturnType<typeof create> {
  const patcher = create({
    objectHash: (item) => keys.match(item as Json),
    arrays: { detectMove: true, includeValueOnMove: false },
  });
  let totalCells = 0;
  // jsondiffpatch aligns arrays with a full LCS matrix: past a budget, align them ourselves.
  const budget = Object.assign(
    (context: DiffContext): void => {
      if (!context.leftIsArray || !Array.isArray(context.left) || !Array.isArray(context.right)) return;
      const left = context.left as Json[];
      const right = context.right as Json[];
      const same = (x: Json, y: Json): boolean => x === y || (typeof x === 'object' && typeof y === 'object' && keys.match(x) === keys.match(y));
      let head = 0;
      while (head < left.length && head < right.length && same(left[head] as Json, right[head] as Json)) head++;
      let tail = 0;
      while (
        tail + head < left.length &&
        tail + head < right.length &&
        same(left[left.length - 1 - tail] as Json, right[right.length - 1 - tail] as Json)
      ) tail++;
      const cells = (left.length - head - tail) * (right.length - head - tail);
      if (cells <= MAX_ARRAY_CELLS && totalCells + cells <= MAX_TOTAL_CELLS) {
        totalCells += cells;
        return;
      }
      alignLongArray(context, left, right, keys);
    },
    { filterName: 'vitsnapLongArrays' },
  );
  patcher.processor.pipes.diff.before('arrays', budget);
  return patcher;
}

export type Reorder = KeyReorder;

export interface Collected {
  changes: JsonChange[];
  /** Changes found beyond MAX_CHANGES. */
  dropped: number;
}

interface CollectedWithMoves extends Collected {
  moves: Reorder[];
}

export class DeltaWalker {
  readonly out: CollectedWithMoves = { changes: [], dropped: 0, moves: [] };
  private readonly patcher: ReturnType<typeof create>;
  private readonly keys: ItemKeys;

  constructor(patcher: ReturnType<typeof create>, keys: ItemKeys) {
    this.patcher = patcher;
    this.keys = keys;
  }

  private push(change: JsonChange): void {
    if (this.out.changes.length < MAX_CHANGES) this.out.changes.push(change);
    else this.out.dropped++;
  }

  walk(delta: Delta, left: Json | undefined, right: Json | undefined, pointer: string): void {
    if (delta === undefined) return;
    if (Array.isArray(delta)) {
      if (delta.length === 1) this.push({ pointer, op: 'add', after: show(delta[0]) });
      else if (delta.length === 2) this.push({ pointer, op: 'replace', before: show(delta[0]), after: show(delta[1]) });
      else if (delta[2] === 0) this.push({ pointer, op: 'remove', before: show(delta[0]) });
      return;
    }
    if ('_t' in delta && delta._t === 'a') {
      this.walkArray(delta as Record<string, Delta>, Array.isArray(left) ? left : [], Array.isArray(right) ? right : [], pointer);
      return;
    }
    const l = isObject(left) ? left : undefined;
    const r = isObject(right) ? right : undefined;
    for (const key of Object.keys(delta)) {
      this.walk((delta as Record<string, Delta>)[key], l?.[key], r?.[key], `${pointer}/${escapePointer(key)}`);
    }
  }

  private walkArray(delta: Record<string, Delta>, left: Json[], right: Json[], pointer: string): void {
    const removed = new Set<number>();
    const movedTo = new Map<number, number>(); // new index → old index
    const added = new Set<number>();
    const nested = new Map<number, Delta>(); // new index → inner delta
    for (const [name, item] of Object.entries(delta)) {
      if (name === '_t') continue;
      if (name.startsWith('_')) {
        const index = Number(name.slice(1));
        if (Array.isArray(item) && item[2] === 3) movedTo.set(item[1] as number, index);
        else removed.add(index);
      } else {
        const index = Number(name);
        if (Array.isArray(item) && item.length === 1) added.add(index);
        else nested.set(index, item);
      }
    }
    const movedFrom = new Set(movedTo.values());
    // Kept items pair up in order: the k-th kept old item is the k-th kept new item.
    const keptOld: number[] = [];
    for (let i = 0; i < left.length; i++) if (!removed.has(i) && !movedFrom.has(i)) keptOld.push(i);
    const newToOld = new Map<number, number>(movedTo);
    const gapOfNew = new Map<number, number>();
    let kept = 0;
    for (let j = 0; j < right.length; j++) {
      if (added.has(j)) gapOfNew.set(j, kept);
      else if (!movedTo.has(j)) newToOld.set(j, keptOld[kept++] as number);
    }
    const gapOfOld = new Map<number, number>();
    kept = 0;
    for (let i = 0; i < left.length; i++) {
      if (removed.has(i)) gapOfOld.set(i, kept);
      else if (!movedFrom.has(i)) kept++;
    }

    type Step = { at: number; rank: number; run: () => void };
    const steps: Step[] = [];
    const byGap = new Map<number, { olds: number[]; news: number[] }>();
    for (const [i, gap] of gapOfOld) {
      const entry = byGap.get(gap) ?? { olds: [], news: [] };
      entry.olds.push(i);
      byGap.set(gap, entry);
    }
    for (const [j, gap] of gapOfNew) {
      const entry = byGap.get(gap) ?? { olds: [], news: [] };
      entry.news.push(j);
      byGap.set(gap, entry);
    }
    for (const { olds, news } of byGap.values()) {
      olds.sort((x, y) => x - y);
      news.sort((x, y) => x - y);
      // An item replaced in place (its key changed too) is shown field by field when it kept some.
      let p = 0;
      while (p < olds.length && p < news.length) {
        const i = olds[p] as number;
        const j = news[p] as number;
        const inner = this.pairDelta(left[i] as Json, right[j] as Json);
        if (inner === null) break;
        steps.push({ at: j, rank: 1, run: () => this.walk(inner, left[i], right[j], `${pointer}/${j}`) });
        p++;
      }
      for (const i of olds.slice(p)) steps.push({ at: i, rank: 0, run: () => this.push({ pointer: `${pointer}/${i}`, op: 'remove', before: show(left[i]) }) });
      for (const j of news.slice(p)) steps.push({ at: j, rank: 2, run: () => this.push({ pointer: `${pointer}/${j}`, op: 'add', after: show(right[j]) }) });
    }
    for (const [j, inner] of nested) {
      const i = newToOld.get(j);
      steps.push({ at: j, rank: 1, run: () => this.walk(inner, i === undefined ? undefined : left[i], right[j], `${pointer}/${j}`) });
    }
    steps.sort((x, y) => x.at - y.at || x.rank - y.rank);
    for (const step of steps) step.run();

    if (movedTo.size > 0) {
      this.out.moves.push({
        pointer,
        before: left.slice(0, MAX_LIST).map((item) => this.keys.label(item)),
        after: right.slice(0, MAX_LIST).map((item) => this.keys.label(item)),
        moved: movedTo.size,
        total: right.length,
      });
    }
  }

  /** The inner delta of two containers of the same kind that still share a top-level member. */
  private pairDelta(a: Json, b: Json): Delta | null {
    if (!isContainer(a) || !isContainer(b) || Array.isArray(a) !== Array.isArray(b)) return null;
    const inner = this.patcher.diff(a, b);
    if (inner === undefined) return null;
    const members = Array.isArray(a) ? Math.max(a.length, (b as Json[]).length) : new Set([...Object.keys(a), ...Object.keys(b)]).size;
    const touched = Object.keys(inner).filter((k) => k !== '_t').length;
    return touched < members ? inner : null;
  }
}

/** A path built only when something is found there. */
interface Trail {
  parent: Trail | null;
  key: string;
}

function pointerOfTrail(trail: Trail | null): string {
  const parts: string[] = [];
  for (let t = trail; t !== null; t = t.parent) parts.push(escapePointer(t.key));
  return parts.length === 0 ? '' : `/${parts.reverse().join('/')}`;
}

/** Objects whose keys are the same set in another order, matched through arrays by item key. */
export function findKeyReorders(a: Json, b: Json, trail: Trail | null, keys: ItemKeys, out: Reorder[]): void {
  if (!isContainer(a) || !isContainer(b)) return;
  if (Array.isArray(a)) {
    if (!Array.isArray(b)) return;
    if (a.length === b.length) {
      for (let i = 0; i < a.length; i++) findKeyReorders(a[i] as Json, b[i] as Json, { parent: trail, key: String(i) }, keys, out);
      return;
    }
    const index = new Map<string, number>();
    b.forEach((item, j) => {
      if (!isContainer(item)) return;
      const key = keys.match(item);
      if (!index.has(key)) index.set(key, j);
    });
    for (const item of a) {
      if (!isContainer(item)) continue;
      const j = index.get(keys.match(item));
      if (j !== undefined) findKeyReorders(item, b[j] as Json, { parent: trail, key: String(j) }, keys, out);
    }
    return;
  }
  if (Array.isArray(b)) return;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  let reordered = false;
  if (ka.length === kb.length) {
    for (let i = 0; i < ka.length; i++) {
      if (ka[i] !== kb[i]) {
        reordered = true;
        break;
      }
    }
    if (reordered && ka.every((k) => k in b)) {
      out.push({ pointer: pointerOfTrail(trail), before: ka.slice(0, MAX_LIST), after: kb.slice(0, MAX_LIST), moved: 0, total: ka.length });
    }
  }
  for (const key of ka) {
    const child = a[key] as Json;
    if (isContainer(child) && key in b) findKeyReorders(child, b[key] as Json, { parent: trail, key }, keys, out);
  }
}

