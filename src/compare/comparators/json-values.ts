/** JSON values and their one-line and pretty-printed forms, shared by the small and large paths. */

export type Json = null | boolean | number | string | Json[] | JsonObject;
export interface JsonObject {
  [key: string]: Json;
}

/** Fields that identify an object in an array, in order of preference. */
export const KEY_FIELDS = ['id', 'name', 'key', 'path', 'file'] as const;

const VALUE_CHARS = 200;
export const SUMMARY_VALUE_CHARS = 60;
const INLINE_WIDTH = 200;

export function isObject(value: Json | undefined): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isContainer(value: unknown): value is Json[] | JsonObject {
  return typeof value === 'object' && value !== null;
}

export function escapePointer(key: string): string {
  if (!key.includes('~') && !key.includes('/')) return key;
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

export function cap(text: string, limit: number): string {
  return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}

export function show(value: unknown, limit = VALUE_CHARS): string {
  return cap(JSON.stringify(value) ?? 'undefined', limit);
}

/**
 * Pretty-printed lines, keys in document order. A container that fits in INLINE_WIDTH stays on
 * one line, so a record of a manifest is one line of the diff and the whole record is in view.
 */
export function printJson(value: Json): string[] {
  const out: string[] = [];
  const memo = new WeakMap<object, string | null>();
  // The one-line form of `v`, or null when it is longer than INLINE_WIDTH; each container once.
  const inline = (v: Json): string | null => {
    if (!isContainer(v)) return JSON.stringify(v);
    const cached = memo.get(v);
    if (cached !== undefined) return cached;
    const isArray = Array.isArray(v);
    const keys = isArray ? [] : Object.keys(v);
    const count = isArray ? v.length : keys.length;
    let text: string | null = isArray ? '[' : '{';
    for (let i = 0; i < count && text !== null; i++) {
      const lead = isArray ? '' : `${JSON.stringify(keys[i])}: `;
      const child = inline(isArray ? (v[i] as Json) : ((v as JsonObject)[keys[i] as string] as Json));
      text = child === null ? null : `${text}${i > 0 ? ', ' : ''}${lead}${child}`;
      if (text !== null && text.length > INLINE_WIDTH) text = null;
    }
    if (text !== null) text += isArray ? ']' : '}';
    memo.set(v, text);
    return text;
  };
  const emit = (v: Json, indent: string, lead: string, trail: string): void => {
    const one = inline(v);
    if (one !== null && (!isContainer(v) || indent.length + lead.length + one.length <= INLINE_WIDTH)) {
      out.push(`${indent}${lead}${one}${trail}`);
      return;
    }
    const inner = `${indent}  `;
    if (Array.isArray(v)) {
      out.push(`${indent}${lead}[`);
      v.forEach((item, i) => emit(item, inner, '', i < v.length - 1 ? ',' : ''));
      out.push(`${indent}]${trail}`);
      return;
    }
    const obj = v as JsonObject;
    const keys = Object.keys(obj);
    out.push(`${indent}${lead}{`);
    keys.forEach((k, i) => emit(obj[k] as Json, inner, `${JSON.stringify(k)}: `, i < keys.length - 1 ? ',' : ''));
    out.push(`${indent}}${trail}`);
  };
  emit(value, '', '', '');
  return out;
}

