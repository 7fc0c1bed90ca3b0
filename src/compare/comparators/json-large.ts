/**
 * JSON past jsondiffpatch's caps (bytes or nodes): one linear walk of both parsed trees in
 * lockstep, emitting JSON Pointer changes. No LCS and no pretty-printing, so a 17 MB single-line
 * stats.json costs one parse per side and one pass. Arrays of keyed objects (`id`, `name`…) are
 * matched by key, so one inserted module does not shift every later index; other arrays pair up
 * by index.
 */
import type { JsonChange } from '../types.js';
import { KEY_FIELDS, escapePointer, isContainer, isObject, show } from './json-values.js';
import type { Json, JsonObject } from './json-values.js';

export interface LargeJsonChanges {
  changes: JsonChange[];
  /** Changes found beyond `maxChanges`. */
  dropped: number;
}

/** The key that identifies an item, or undefined when it has none. */
function itemKey(value: Json): string | undefined {
  if (!isObject(value)) return undefined;
  for (const field of KEY_FIELDS) {
    const key = value[field];
    if (typeof key === 'string' || typeof key === 'number') return `${field}=${JSON.stringify(key)}`;
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
  readonly out: LargeJsonChanges = { changes: [], dropped: 0 };
  private readonly maxChanges: number;

  constructor(maxChanges: number) {
    this.maxChanges = maxChanges;
  }

  private push(change: JsonChange): void {
    if (this.out.changes.length < this.maxChanges) this.out.changes.push(change);
    else this.out.dropped++;
  }

  walk(a: Json, b: Json, pointer: string): void {
    if (a === b) return;
    if (Array.isArray(a) && Array.isArray(b)) {
      this.walkArray(a, b, pointer);
      return;
    }
    if (isObject(a) && isObject(b)) {
      this.walkObject(a, b, pointer);
      return;
    }
    // Numbers and strings compare by value; containers of different kinds are one replacement.
    if (!isContainer(a) && !isContainer(b) && a === b) return;
    this.push({ pointer, op: 'replace', before: show(a), after: show(b) });
  }

  private walkObject(a: JsonObject, b: JsonObject, pointer: string): void {
    for (const key of Object.keys(a)) {
      const at = `${pointer}/${escapePointer(key)}`;
      if (Object.hasOwn(b, key)) this.walk(a[key] as Json, b[key] as Json, at);
      else this.push({ pointer: at, op: 'remove', before: show(a[key]) });
    }
    for (const key of Object.keys(b)) {
      if (!Object.hasOwn(a, key)) this.push({ pointer: `${pointer}/${escapePointer(key)}`, op: 'add', after: show(b[key]) });
    }
  }

  private walkArray(a: Json[], b: Json[], pointer: string): void {
    const keysA = a.length > 0 && b.length > 0 ? uniqueKeys(a) : null;
    const keysB = keysA === null ? null : uniqueKeys(b);
    if (keysA === null || keysB === null) {
      const shared = Math.min(a.length, b.length);
      for (let i = 0; i < shared; i++) this.walk(a[i] as Json, b[i] as Json, `${pointer}/${i}`);
      for (let i = shared; i < a.length; i++) this.push({ pointer: `${pointer}/${i}`, op: 'remove', before: show(a[i]) });
      for (let j = shared; j < b.length; j++) this.push({ pointer: `${pointer}/${j}`, op: 'add', after: show(b[j]) });
      return;
    }
    // Removals at their old index, then matched items and additions at their new index.
    for (let i = 0; i < a.length; i++) {
      if (!keysB.has(itemKey(a[i] as Json) as string)) this.push({ pointer: `${pointer}/${i}`, op: 'remove', before: show(a[i]) });
    }
    let lastOld = -1;
    let moved = 0;
    for (let j = 0; j < b.length; j++) {
      const i = keysA.get(itemKey(b[j] as Json) as string);
      if (i === undefined) {
        this.push({ pointer: `${pointer}/${j}`, op: 'add', after: show(b[j]) });
        continue;
      }
      if (i < lastOld) moved++;
      else lastOld = i;
      this.walk(a[i] as Json, b[j] as Json, `${pointer}/${j}`);
    }
    if (moved > 0) {
      this.push({ pointer, op: 'move', before: `${a.length} items`, after: `${moved} of ${b.length} items in another order` });
    }
  }
}

/** The changes between two parsed documents, the first `maxChanges` listed and the rest counted. */
export function diffLargeJson(a: Json, b: Json, maxChanges: number): LargeJsonChanges {
  const walker = new LockstepWalker(maxChanges);
  walker.walk(a, b, '');
  return walker.out;
}
