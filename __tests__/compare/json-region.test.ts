/**
 * Large JSON diffed through the smallest differing container (json-region.ts, issue #10 item 8)
 * must report exactly what parsing both documents whole reports: every case runs both paths on
 * the same bytes and compares the whole result, and says whether the region path was taken, so a
 * case cannot pass by silently parsing everything. Documents are generated; nothing is timed.
 */
import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { compareJson } from '../../src/compare/comparators/json.js';
import { diffLargeJson, diffLargeJsonRegion } from '../../src/compare/comparators/json-large.js';
import type { Json } from '../../src/compare/comparators/json-values.js';
import { DEFAULT_LIMITS } from '../../src/compare/types.js';
import type { CompareContext, Difference } from '../../src/compare/types.js';

const ctx: CompareContext = {
  limits: DEFAULT_LIMITS,
  depth: 0,
  compareNested: () => {
    throw new Error('json never nests');
  },
};

const limits = { maxChanges: 1000, maxList: 1000, maxDepth: 256 };
const MODULES = 60_000;

/** A webpack stats.json-like document over 8 MiB, on one line (or indented). */
function statsText(edit: (doc: Record<string, unknown>) => void = () => {}, indent?: number): string {
  const assets = [];
  for (let i = 0; i < 60; i++) assets.push({ name: `chunk-${i}.js`, size: 1000 + i, chunks: [i], info: { minimized: true } });
  const modules = [];
  for (let id = 0; id < MODULES; id++) {
    modules.push({
      id,
      name: id === 7 ? './src/caf\u00e9 "\u2713"\\n.js' : `./src/m${id}.js`,
      size: id % 997,
      chunks: [id % 7],
      reasons: [
        { moduleId: (id * 31) % MODULES, type: 'harmony import' },
        { moduleId: (id * 17) % MODULES, type: 'cjs require' },
      ],
    });
  }
  const doc: Record<string, unknown> = {
    version: '5.91.0',
    hash: 'a1b2c3d4',
    outputPath: '/build/app/dist',
    assets,
    modules,
    entrypoints: { 'main/app~1': { assets: ['chunk-0.js'], size: 1 } },
    namedChunkGroups: { main: { chunks: [0, 1, 2] } },
  };
  edit(doc);
  return JSON.stringify(doc, null, indent);
}

const base = statsText();

function moduleAt(doc: Record<string, unknown>, index: number): Record<string, unknown> {
  return (doc.modules as Record<string, unknown>[])[index] as Record<string, unknown>;
}

function assetsOf(doc: Record<string, unknown>): Record<string, unknown>[] {
  return doc.assets as Record<string, unknown>[];
}

/** One path's answer: its nodes, or the fallback it raised. */
function answer(a: Buffer, b: Buffer, regions: boolean): Difference[] | string {
  try {
    return compareJson('dist/stats.json', a, b, ctx, regions);
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`;
  }
}

/** Both paths' answers, equal, and the pointer of the region used (null: whole documents). */
function bothPaths(before: string, after: string): { result: Difference[] | string; region: string | null } {
  const a = Buffer.from(before);
  const b = Buffer.from(after);
  expect(Math.max(a.length, b.length)).toBeGreaterThan(8 * 1024 * 1024);
  const fast = answer(a, b, true);
  expect(fast).toEqual(answer(a, b, false));
  const used = diffLargeJsonRegion(a, b, limits);
  const region = used === null ? null : `/${used.region.segments.join('/')}`;
  return { result: fast, region };
}

function summaries(result: Difference[] | string): string[] | string {
  return typeof result === 'string' ? result : result.map((d) => `${d.path} | ${d.summary}`);
}

describe('large JSON through the differing region', () => {
  it('parses one module for one changed value, and names it as the whole walk does', () => {
    const { result, region } = bothPaths(base, statsText((d) => (moduleAt(d, 27182).size = 1)));
    expect(region).toBe('/modules/27182');
    expect(summaries(result)).toEqual([`dist/stats.json#/modules/27182 | /modules/27182/size: ${27182 % 997} → 1`]);
  });

  it('handles a change in the first module and in the last value of the document', () => {
    const first = bothPaths(base, statsText((d) => (moduleAt(d, 0).chunks = [9])));
    expect(first.region).toBe('/modules/0/chunks');
    expect(summaries(first.result)).toEqual(['dist/stats.json#/modules/0 | /modules/0/chunks/0: 0 → 9']);
    const last = bothPaths(base, statsText((d) => (d.namedChunkGroups = { main: { chunks: [0, 1, 3] } })));
    expect(last.region).toBe('/namedChunkGroups/main/chunks');
    expect(summaries(last.result)).toEqual(['dist/stats.json#/namedChunkGroups/main/chunks/2 | /namedChunkGroups/main/chunks/2: 2 → 3']);
  });

  it('parses everything when the first root value changes (no container but the root)', () => {
    const { result, region } = bothPaths(base, statsText((d) => (d.version = '5.92.0')));
    expect(region).toBeNull();
    expect(summaries(result)).toEqual(['dist/stats.json#/version | /version: "5.91.0" → "5.92.0"']);
  });

  it('reports a renamed key as a removal and an addition', () => {
    const after = base.replace('{"id":100,"name":"./src/m100.js","size":100,', '{"id":100,"name":"./src/m100.js","bytes":100,');
    const { result, region } = bothPaths(base, after);
    expect(region).toBe('/modules/100');
    expect(summaries(result)).toEqual(['dist/stats.json#/modules/100 | /modules/100: 2 values changed (/size, /bytes)']);
  });

  it('decodes escapes and multi-byte UTF-8 inside the region and in the keys on the path', () => {
    const name = statsText((d) => (moduleAt(d, 7).name = './src/caf\u00e9 "\u2713"\\n\u00e8.js'));
    const inName = bothPaths(base, name);
    expect(inName.region).toBe('/modules/7');
    expect(summaries(inName.result)).toEqual(['dist/stats.json#/modules/7 | /modules/7/name: "./src/café \\"✓\\"\\\\n.js" → "./src/café \\"✓\\"\\\\nè.js"']);
    // A key written with escapes ("main/app~1" as \u006dain\/app~1) is the same key, its pointer escaped.
    const escapedKey = (text: string): string => text.replace('"main/app~1":{', '"\\u006dain\\/app~1":{');
    const inKey = bothPaths(escapedKey(base), escapedKey(statsText((d) => (d.entrypoints = { 'main/app~1': { assets: ['chunk-0.js'], size: 2 } }))));
    expect(inKey.region).toBe('/entrypoints/main~1app~01');
    expect(summaries(inKey.result)).toEqual(['dist/stats.json#/entrypoints/main~1app~01/size | /entrypoints/main~1app~01/size: 1 → 2']);
  });

  it('matches an inserted asset by name: the region is the whole keyed array, not the item', () => {
    const inserted = { name: 'chunk-new.js', size: 5, chunks: [], info: { minimized: true } };
    const { result, region } = bothPaths(base, statsText((d) => assetsOf(d).splice(3, 0, inserted)));
    expect(region).toBe('/assets');
    expect(summaries(result)).toEqual(['dist/stats.json#/assets/3 | /assets/3 added: {"name":"chunk-new.js","size":5,"chunks":[],"info":{"minimi…']);
  });

  it('widens to the keyed array when an item key itself changes (not a value of item 3)', () => {
    const { result, region } = bothPaths(base, statsText((d) => ((assetsOf(d)[3] as Record<string, unknown>).name = 'chunk-3b.js')));
    expect(region).toBe('/assets');
    expect(summaries(result)).toEqual([
      'dist/stats.json#/assets/3 | /assets/3 replaced: {"name":"chunk-3.js","size":1003,"chunks":[3],"info":{"mini… → {"name":"chunk-3b.js","size":1003,"chunks":[3],"info":{"min…',
    ]);
  });

  it('reports keyed items and keys in another order inside the region', () => {
    const moved = bothPaths(base, statsText((d) => assetsOf(d).reverse()));
    expect(moved.region).toBe('/assets');
    expect(summaries(moved.result)).toEqual(['dist/stats.json#/assets | 59 of 60 items of /assets in another order']);
    const keys = base.replace('{"id":200,"name":"./src/m200.js","size":200,', '{"name":"./src/m200.js","id":200,"size":200,');
    const reordered = bothPaths(base, keys);
    expect(reordered.region).toBe('/modules/200');
    expect(summaries(reordered.result)).toEqual(['dist/stats.json#/modules/200 | same JSON, keys in another order at /modules/200']);
  });

  it('lists the first 1000 changes of a region and counts the rest', () => {
    const { result, region } = bothPaths(base, statsText((d) => (d.assets = assetsOf(d).map((a) => ({ ...a, chunks: Array.from({ length: 30 }, (_, i) => i) })))));
    expect(region).toBe('/assets');
    expect(typeof result === 'string' ? result : result.at(-1)?.summary).toBe('799 more JSON changes not listed (first 1000 shown)');
  });

  it('parses everything for two changes far apart, and for a change of type at the root', () => {
    const far = bothPaths(base, statsText((d) => {
      moduleAt(d, 10).size = 5000;
      moduleAt(d, MODULES - 10).size = 5000;
    }));
    expect(far.region).toBeNull();
    expect(summaries(far.result)).toEqual(['dist/stats.json#/modules/10 | /modules/10/size: 10 → 5000', `dist/stats.json#/modules/${MODULES - 10} | /modules/${MODULES - 10}/size: ${(MODULES - 10) % 997} → 5000`]);
    const root = bothPaths(base, `[${base}]`);
    expect(root.region).toBeNull();
    expect(summaries(root.result)).toEqual([expect.stringMatching(/^dist\/stats\.json \| document: \{"version"/)]);
  });

  it('keeps two nearby changes in one region and reports both', () => {
    const { result, region } = bothPaths(base, statsText((d) => {
      (assetsOf(d)[1] as Record<string, unknown>).size = 1;
      (assetsOf(d)[5] as Record<string, unknown>).size = 5;
    }));
    expect(region).toBe('/assets');
    expect(summaries(result)).toEqual(['dist/stats.json#/assets/1 | /assets/1/size: 1001 → 1', 'dist/stats.json#/assets/5 | /assets/5/size: 1005 → 5']);
  });

  it('says the document is invalid (or holds a NUL) when the identical bytes before or after the region do', () => {
    const early = (text: string): string => text.replace('"info":{"minimized":true}}', '"info":{"minimized":true,}}');
    const late = (text: string): string => text.replace('"size":1}', '"size":1,}');
    const after = statsText((d) => (moduleAt(d, 27182).size = 1));
    for (const broken of [early, late]) {
      const { result, region } = bothPaths(broken(base), broken(after));
      expect(region).toBeNull();
      expect(result).toMatch(/^ComparatorFallback: old side is not valid JSON: /);
    }
    const nul = (text: string): string => text.replace('./src/m5.js', './src/m5\u0000.js');
    const withNul = bothPaths(nul(base), nul(after));
    expect(withNul.region).toBeNull();
    expect(withNul.result).toMatch(/^ComparatorFallback: old side contains a NUL byte at offset \d+$/);
  });

  it('gives up, without throwing, on a literal cut off at the end of the document', () => {
    const pad = `"${'x'.repeat(100)}"`;
    for (const tail of ['tru', 'n', 'fals']) {
      const region = diffLargeJsonRegion(Buffer.from(`[${pad},{"a":[1]},${tail}`), Buffer.from(`[${pad},{"a":[2]},${tail}`), limits);
      expect(region).toBeNull();
    }
    expect(diffLargeJsonRegion(Buffer.from(`[${pad},{"a":[1]},true]`), Buffer.from(`[${pad},{"a":[2]},true]`), limits)?.found.changes).toEqual([
      { pointer: '/1/a/0', op: 'replace', before: '1', after: '2' },
    ]);
  });

  it('parses everything when a key on the path repeats (JSON.parse keeps the last copy)', () => {
    const twice = (text: string): string => `${text.slice(0, -1)},"modules":[]}`;
    const { result, region } = bothPaths(twice(base), twice(statsText((d) => (moduleAt(d, 27182).size = 1))));
    expect(region).toBeNull();
    expect(result).toBe('ComparatorFallback: same JSON value; only the serialisation differs (escapes, number forms or spacing)');
  });

  it('reports formatting from the bytes: a newline added inside the region, a pretty-printed CRLF document', () => {
    const wrapped = base.replace('{"id":300,"name":"./src/m300.js","size":300,', '{"id":300,"name":"./src/m300.js",\n  "size":301,');
    const inside = bothPaths(base, wrapped);
    expect(inside.region).toBe('/modules/300');
    expect(summaries(inside.result)).toEqual([
      'dist/stats.json#/modules/300 | /modules/300/size: 300 → 301',
      'dist/stats.json | formatting: single line, no final newline → 2-space indent, LF, no final newline',
    ]);
    const crlf = (text: string): string => `\ufeff${text.replace(/\n/g, '\r\n')}\r\n`;
    const pretty = bothPaths(crlf(statsText(undefined, 2)), crlf(statsText((d) => (moduleAt(d, 27182).size = 1), 2)));
    expect(pretty.region).toBe('/modules/27182');
    expect(summaries(pretty.result)).toEqual([`dist/stats.json#/modules/27182 | /modules/27182/size: ${27182 % 997} → 1`]);
  });
});

/** A copy of `value` with one value deep inside replaced, a member added or an item inserted. */
function mutate(value: Json, steps: readonly number[], replacement: Json): Json {
  const [step = 0, ...rest] = steps;
  if (Array.isArray(value)) {
    if (value.length === 0 || step % (value.length + 2) === value.length) return [...value.slice(0, step % 3), replacement, ...value.slice(step % 3)];
    if (step % (value.length + 2) === value.length + 1) return replacement;
    const i = step % value.length;
    return value.map((v, n) => (n === i ? mutate(v, rest, replacement) : v));
  }
  if (value !== null && typeof value === 'object') {
    const keys = Object.keys(value);
    const out: Record<string, Json> = {};
    const pickKey = keys.length === 0 ? -1 : step % (keys.length + 1);
    for (const [n, key] of keys.entries()) {
      const child = n === pickKey ? mutate(value[key] as Json, rest, replacement) : (value[key] as Json);
      Object.defineProperty(out, key, { value: child, enumerable: true, writable: true, configurable: true });
    }
    if (pickKey === keys.length || pickKey === -1) Object.defineProperty(out, `n${step % 5}`, { value: replacement, enumerable: true, writable: true, configurable: true });
    return out;
  }
  return replacement;
}

describe('the region path against the whole-document walk on random edits', () => {
  // Small documents, so the property runs many cases: the region finder does not look at size.
  const pad = 'x'.repeat(400);
  const item = fc.record({ id: fc.nat(3), v: fc.jsonValue({ maxDepth: 3 }) });
  const doc = fc.record({
    m: fc.uniqueArray(fc.record({ id: fc.nat(20), v: fc.jsonValue({ maxDepth: 3 }) }), { selector: (i) => i.id, maxLength: 6 }),
    o: fc.array(fc.oneof(item, fc.jsonValue({ maxDepth: 3 })), { maxLength: 4 }),
    k: fc.dictionary(fc.constantFrom('id', 'a', '1', '__proto__', 'k/~', 'caf\u00e9'), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
    z: fc.jsonValue({ maxDepth: 3 }),
  });
  const piece = fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '\\', '1', '0', '-', 'e', '.', ' ', '\n', '\u00e9', 'null', '"id":3', '"a":1,', '\\u0041');
  const edit = fc.record({ at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), drop: fc.nat(3), text: fc.oneof(fc.constant(''), piece) });
  // Low caps, so truncation and the listed keys are compared too.
  const tight = { maxChanges: 3, maxList: 2, maxDepth: 256 };
  const replacement = fc.oneof(fc.jsonValue({ maxDepth: 2 }), item);

  it('reports exactly the same changes whenever it takes the region, and never on invalid JSON', () => {
    let taken = 0;
    fc.assert(
      fc.property(doc, fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), replacement, fc.array(edit, { maxLength: 3 }), fc.boolean(), fc.boolean(), (value, steps, by, edits, swap, indented) => {
        const print = (v: unknown): string => JSON.stringify({ ...(v as object), p: pad }, null, indented ? 1 : undefined);
        let text = print(value);
        let other = print(mutate(value as Json, steps, by as Json));
        // Edits to one side, or to the identical bytes before or after the change on both.
        for (const [n, { at, drop, text: add }] of edits.entries()) {
          let same = 0;
          while (same < Math.min(text.length, other.length) - pad.length - 4 && text[same] === other[same]) same++;
          if (n % 3 === 0) {
            const i = Math.floor(at * (other.length - pad.length - 4));
            other = other.slice(0, i) + add + other.slice(i + drop);
          } else if (n % 3 === 1) {
            const i = Math.floor(at * same);
            const change = (t: string): string => t.slice(0, i) + add + t.slice(Math.min(i + drop, same));
            [text, other] = [change(text), change(other)];
          } else {
            const back = Math.floor(at * 20) + pad.length + 4;
            const change = (t: string): string => t.slice(0, t.length - back) + add + t.slice(t.length - back + Math.min(drop, 1));
            [text, other] = [change(text), change(other)];
          }
        }
        const [x, y] = swap ? [other, text] : [text, other];
        const region = diffLargeJsonRegion(Buffer.from(x), Buffer.from(y), tight);
        if (region === null) return;
        taken++;
        let whole: unknown;
        try {
          whole = diffLargeJson(JSON.parse(x) as Json, JSON.parse(y) as Json, tight);
        } catch (error) {
          whole = (error as Error).message;
        }
        expect(region.found).toEqual(whole);
      }),
      { numRuns: 3000, seed: 20261205 },
    );
    // Most cases must exercise the region, or the property proves little.
    expect(taken).toBeGreaterThan(500);
  });
});
