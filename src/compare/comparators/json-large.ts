/**
 * JSON past jsondiffpatch's caps (bytes or nodes): one linear walk of both parsed trees in
 * lockstep, emitting JSON Pointer changes. No LCS and no pretty-printing; when most bytes are
 * identical only the container that differs is parsed and walked (json-region.ts). Arrays of
 * keyed objects (`id`, `name`…) are matched by key, so one inserted module does not shift every
 * later index; other arrays pair up by index.
 */
import { ComparatorFallback } from '../types.js';
import { findJsonRegion } from './json-region.js';
import type { JsonRegion } from './json-region.js';
import type { JsonChange } from '../types.js';
import { KEY_FIELDS, escapePointer, isContainer, isObject, show } from './json-values.js';
import type { Json, JsonObject } from './json-values.js';

/** An object whose keys are the same set in another order. */
export interface KeyReorder {
  pointer: string;
  before: string[];
  after: string[];
  moved: number;
  total: number;
}

export interface LargeJsonChanges {
  changes: JsonChange[];
  /** Changes found beyond `maxChanges`. */
  dropped: number;
  /** Key order changes, found in the same pass so no second walk is needed. */
  reorders: KeyReorder[];
  /** Keyed arrays whose items are in another order (item keys listed, as the small path does). */
  moves: KeyReorder[];
}

export interface LargeJsonLimits {
  maxChanges: number;
  /** Keys listed per reorder. */
  maxList: number;
  /** Nesting depth past which the document is refused (the walk recurses). */
  maxDepth: number;
}

/** The key that identifies an item, or undefined when it has none. */
export function itemKey(value: Json): string | undefined {
  if (!isObject(value)) return undefined;
  for (const field of KEY_FIELDS) {
    const key = value[field];
    // The type letter keeps id 1 and id "1" apart without a JSON.stringify per item.
    if (typeof key === 'string') return `${field}=s${key}`;
    if (typeof key === 'number') return `${field}=n${key}`;
  }
  return undefined;
}

/** Item keys when every item has one and none repeats on that side, else null (pair by index). */
function uniqueKeys(items: readonly Json[]): Map<string, number> | null {
  const index = new Map<string, number>();
  for (let i = 0; i < items.length; i++) {
    const key = itemKey(items[i] as Json);
    if (key === undefined || index.has(key)) return null;
    index.set(key, i);
  }
  return index;
}

class LockstepWalker {
  readonly out: LargeJsonChanges = { changes: [], dropped: 0, reorders: [], moves: [] };
  private readonly limits: LargeJsonLimits;
  /** Escaped segments of the current location; the pointer string is built only for a change. */
  private readonly path: string[] = [];

  constructor(limits: LargeJsonLimits, path: readonly string[] = []) {
    this.limits = limits;
    this.path.push(...path);
  }

  private pointer(last?: string | number): string {
    const parts = last === undefined ? this.path : [...this.path, typeof last === 'number' ? String(last) : escapePointer(last)];
    return parts.length === 0 ? '' : `/${parts.join('/')}`;
  }

  /** Walks the children at `segment` (already escaped). */
  private child(a: Json, b: Json, segment: string, depth: number): void {
    this.path.push(segment);
    this.walk(a, b, depth);
    this.path.pop();
  }

  private push(change: JsonChange): void {
    if (this.out.changes.length < this.limits.maxChanges) this.out.changes.push(change);
    else this.out.dropped++;
  }

  walk(a: Json, b: Json, depth: number): void {
    if (a === b) return;
    if (depth >= this.limits.maxDepth && isContainer(a) && isContainer(b)) {
      throw new ComparatorFallback(`JSON is nested deeper than ${this.limits.maxDepth} levels (at ${this.pointer()})`);
    }
    if (Array.isArray(a) && Array.isArray(b)) {
      this.walkArray(a, b, depth + 1);
      return;
    }
    if (isObject(a) && isObject(b)) {
      this.walkObject(a, b, depth + 1);
      return;
    }
    // Containers of different kinds, or a value against a container, are one replacement.
    this.push({ pointer: this.pointer(), op: 'replace', before: show(a), after: show(b) });
  }

  private walkObject(a: JsonObject, b: JsonObject, depth: number): void {
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    let shared = 0;
    let inOrder = true;
    for (let n = 0; n < ka.length; n++) {
      const key = ka[n] as string;
      if (!Object.hasOwn(b, key)) {
        this.push({ pointer: this.pointer(key), op: 'remove', before: show(a[key]) });
        continue;
      }
      shared++;
      if (kb[n] !== key) inOrder = false;
      this.child(a[key] as Json, b[key] as Json, escapePointer(key), depth);
    }
    if (shared < kb.length) {
      for (const key of kb) {
        if (!Object.hasOwn(a, key)) this.push({ pointer: this.pointer(key), op: 'add', after: show(b[key]) });
      }
    }
    if (!inOrder && shared === ka.length && shared === kb.length) {
      const { maxList } = this.limits;
      this.out.reorders.push({ pointer: this.pointer(), before: ka.slice(0, maxList), after: kb.slice(0, maxList), moved: 0, total: ka.length });
    }
  }

  private walkArray(a: Json[], b: Json[], depth: number): void {
    const keysA = a.length > 0 && b.length > 0 ? uniqueKeys(a) : null;
    const keysB = keysA === null ? null : uniqueKeys(b);
    if (keysA === null || keysB === null) {
      const shared = Math.min(a.length, b.length);
      for (let i = 0; i < shared; i++) this.child(a[i] as Json, b[i] as Json, String(i), depth);
      for (let i = shared; i < a.length; i++) this.push({ pointer: this.pointer(i), op: 'remove', before: show(a[i]) });
      for (let j = shared; j < b.length; j++) this.push({ pointer: this.pointer(j), op: 'add', after: show(b[j]) });
      return;
    }
    // Removals at their old index, then matched items and additions at their new index.
    for (let i = 0; i < a.length; i++) {
      if (!keysB.has(itemKey(a[i] as Json) as string)) this.push({ pointer: this.pointer(i), op: 'remove', before: show(a[i]) });
    }
    let lastOld = -1;
    let moved = 0;
    for (let j = 0; j < b.length; j++) {
      const i = keysA.get(itemKey(b[j] as Json) as string);
      if (i === undefined) {
        this.push({ pointer: this.pointer(j), op: 'add', after: show(b[j]) });
        continue;
      }
      if (i < lastOld) moved++;
      else lastOld = i;
      this.child(a[i] as Json, b[j] as Json, String(j), depth);
    }
    if (moved > 0) {
      const { maxList } = this.limits;
      const label = (item: Json): string => (itemKey(item) ?? '').replace(/^[a-z]+=[sn]/, '');
      this.out.moves.push({ pointer: this.pointer(), before: a.slice(0, maxList).map(label), after: b.slice(0, maxList).map(label), moved, total: b.length });
    }
  }
}

/**
 * The changes between two parsed documents, the first `maxChanges` listed and the rest counted.
 * Keys like `__proto__` need no detached objects here: JSON.parse makes them own data properties,
 * and every lookup goes through Object.hasOwn or Object.keys.
 */
export function diffLargeJson(a: Json, b: Json, limits: LargeJsonLimits): LargeJsonChanges {
  const walker = new LockstepWalker(limits);
  walker.walk(a, b, 0);
  return walker.out;
}

/** Changes found in one container of each side, with partial documents to locate records in. */
export interface RegionChanges {
  found: LargeJsonChanges;
  /** Each side's root with only the path to the container filled in (for json.ts's record grouping). */
  roots: [Json, Json];
  region: JsonRegion;
}

/** A partial document: the ancestors of the container, each holding only the next one down. */
function skeleton(region: JsonRegion, container: Json): Json {
  let node = container;
  for (let d = region.segments.length - 1; d >= 0; d--) {
    const segment = region.segments[d] as string;
    if (region.arrays[d]) {
      const array: Json[] = [];
      array[Number(segment)] = node;
      node = array;
      continue;
    }
    // defineProperty keeps a `__proto__` key an own data property, as JSON.parse does.
    const object: JsonObject = {};
    Object.defineProperty(object, segment.replace(/~1/g, '/').replace(/~0/g, '~'), { value: node, enumerable: true, writable: true, configurable: true });
    node = object;
  }
  return node;
}

/** Documents up to this share of the larger side are parsed as a region; past it, whole. */
const MAX_REGION_SHARE = 0.5;

/**
 * The lockstep walk on the smallest container holding every differing byte (json-region.ts), so
 * two large documents that differ in a few values are not parsed whole; exactly the result of
 * diffLargeJson on the whole documents. Null when the region is not found or not sure: parse all.
 */
export function diffLargeJsonRegion(before: Buffer, after: Buffer, limits: LargeJsonLimits): RegionChanges | null {
  let parsed: [Json, Json] | null = null;
  const accept = (region: JsonRegion): boolean => {
    try {
      parsed = [JSON.parse(before.toString('utf8', region.a.start, region.a.end)) as Json, JSON.parse(after.toString('utf8', region.b.start, region.b.end)) as Json];
    } catch {
      return false;
    }
    // An item of a keyed array is paired by its key: only the same key on both sides pairs it by index.
    return region.arrays[region.arrays.length - 1] !== true || itemKey(parsed[0]) === itemKey(parsed[1]);
  };
  const region = findJsonRegion(before, after, { maxDepth: limits.maxDepth, maxShare: MAX_REGION_SHARE }, accept);
  if (region === null || parsed === null) return null;
  const [a, b] = parsed as [Json, Json];
  const walker = new LockstepWalker(limits, region.segments);
  walker.walk(a, b, region.segments.length);
  return { found: walker.out, roots: [skeleton(region, a), skeleton(region, b)], region };
}
