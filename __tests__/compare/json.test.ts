import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { jsonComparator } from '../../src/compare/comparators/json.js';
import { DEFAULT_LIMITS } from '../../src/compare/types.js';
import type { CompareContext, Difference, JsonChange } from '../../src/compare/types.js';
import { removeDir, tempDir } from '../helpers/toolchain.js';

const ctx: CompareContext = {
  limits: DEFAULT_LIMITS,
  depth: 0,
  compareNested: () => {
    throw new Error('json never nests');
  },
};

function compare(before: Buffer | string, after: Buffer | string, path = 'dist/manifest.json'): Difference[] {
  return jsonComparator.compare(path, Buffer.from(before), Buffer.from(after), ctx);
}

function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

function fallbackOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect((error as Error).name).toBe('ComparatorFallback');
    return (error as Error).message;
  }
  throw new Error('expected a ComparatorFallback');
}

function changesOf(diffs: readonly Difference[]): JsonChange[] {
  return diffs.flatMap((d) => (d.detail?.type === 'json' ? d.detail.changes : []));
}

/**
 * A build that writes a bundle and its asset manifest, stamping both with BUILD_TIME; the second
 * argument picks a variant of the 5 MB manifest (`big-a` / `big-b`).
 */
const BUILD_SCRIPT = `
const fs = require('fs');
const crypto = require('crypto');
const [out, variant] = process.argv.slice(1);
const stamp = process.env.BUILD_TIME;
const hash = (s) => crypto.createHash('sha256').update(s).digest('hex').slice(0, 16);
if (variant === undefined) {
  const bundle = '/* built ' + stamp + ' */\\nconsole.log("app");\\n';
  fs.writeFileSync(out + '/app.js', bundle);
  const manifest = {
    version: 1,
    builtAt: stamp,
    assets: [
      { file: 'app.js', hash: hash(bundle), size: bundle.length },
      { file: 'vendor.js', hash: hash('vendor'), size: 6 },
      { file: 'style.css', hash: hash('css'), size: 3 },
    ],
    entrypoints: { main: ['vendor.js', 'app.js'] },
  };
  fs.writeFileSync(out + '/manifest.json', JSON.stringify(manifest, null, 2) + '\\n');
} else {
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648);
  const assets = [];
  for (let i = 0; i < 18000; i++) {
    assets.push({
      id: 'chunk-' + i,
      file: 'static/js/chunk-' + i + '.' + hash('c' + i) + '.js',
      hash: hash('h' + i),
      size: next() % 100000,
      imports: [next() % 18000, next() % 18000, next() % 18000],
      meta: { lang: 'js', minified: true, license: 'MIT', owner: 'team-' + (i % 17) },
    });
  }
  if (variant === 'big-b') {
    assets[1234].hash = 'ffffffffffffffff';
    assets.splice(12000, 1);
    assets.splice(15000, 0, { id: 'chunk-new', file: 'static/js/chunk-new.js', hash: hash('new'), size: 1, imports: [], meta: {} });
  }
  fs.writeFileSync(out, JSON.stringify({ builtAt: stamp, assets }, null, 2) + '\\n');
}
`;

let dir = '';

beforeAll(async () => {
  dir = await tempDir('vitsnap-json-');
});

afterAll(async () => {
  await removeDir(dir);
});

function build(name: string, stamp: string, variant?: string): string {
  const out = join(dir, name);
  execFileSync('mkdir', ['-p', out]);
  const target = variant === undefined ? out : join(out, 'big.json');
  execFileSync(process.execPath, ['-e', BUILD_SCRIPT, target, ...(variant === undefined ? [] : [variant])], {
    env: { BUILD_TIME: stamp },
  });
  return variant === undefined ? join(out, 'manifest.json') : target;
}

describe('jsonComparator.compare', () => {
  it('finds nothing in the same input', () => {
    const manifest = readFileSync(build('same', '2024-05-01T10:00:00Z'));
    expect(compare(manifest, Buffer.from(manifest))).toEqual([]);
  });

  it('points at the stamp and the asset hash of a manifest built twice', () => {
    const a = readFileSync(build('a', '2024-05-01T10:00:00Z'));
    const b = readFileSync(build('b', '2024-05-02T11:30:00Z'));
    const hashA = (JSON.parse(a.toString()) as { assets: Array<{ hash: string }> }).assets[0]?.hash;
    const hashB = (JSON.parse(b.toString()) as { assets: Array<{ hash: string }> }).assets[0]?.hash;
    expect(compare(a, b)).toEqual([
      {
        path: 'dist/manifest.json#/builtAt',
        kind: 'json',
        comparator: 'json',
        summary: '/builtAt: "2024-05-01T10:00:00Z" → "2024-05-02T11:30:00Z"',
        detail: {
          type: 'json',
          changes: [{ pointer: '/builtAt', op: 'replace', before: '"2024-05-01T10:00:00Z"', after: '"2024-05-02T11:30:00Z"' }],
          truncated: false,
        },
        causes: [],
        children: [],
      },
      {
        path: 'dist/manifest.json#/assets/0',
        kind: 'json',
        comparator: 'json',
        summary: `/assets/0/hash: "${hashA}" → "${hashB}"`,
        detail: {
          type: 'json',
          changes: [{ pointer: '/assets/0/hash', op: 'replace', before: `"${hashA}"`, after: `"${hashB}"` }],
          truncated: false,
        },
        causes: [],
        children: [],
      },
    ]);
  });

  it('matches array items by key: inserts, removals and changes at their own pointers', () => {
    const item = (file: string, hash: string): object => ({ file, hash, size: 10 });
    const a = json({ assets: [item('a.js', '1'), item('b.js', '2'), item('c.js', '3'), item('d.js', '4'), item('e.js', '5')] });
    const b = json({ assets: [item('a.js', '1'), item('new.js', '9'), item('b.js', '2'), item('d.js', '4'), item('e.js', '6')] });
    expect(changesOf(compare(a, b))).toEqual([
      { pointer: '/assets/1', op: 'add', after: '{"file":"new.js","hash":"9","size":10}' },
      { pointer: '/assets/2', op: 'remove', before: '{"file":"c.js","hash":"3","size":10}' },
      { pointer: '/assets/4/hash', op: 'replace', before: '"5"', after: '"6"' },
    ]);
    expect(compare(a, b).map((d) => d.path)).toEqual([
      'dist/manifest.json#/assets/1',
      'dist/manifest.json#/assets/2',
      'dist/manifest.json#/assets/4',
    ]);
  });

  it('matches by id before name, and by content hash without a key field', () => {
    const a = json({ mods: [{ id: 7, name: 'x', v: 1 }, { id: 8, name: 'y', v: 1 }], plain: [{ v: 1, w: 1 }, { v: 2, w: 2 }, { v: 3, w: 3 }] });
    const b = json({ mods: [{ id: 7, name: 'renamed', v: 1 }, { id: 8, name: 'y', v: 1 }], plain: [{ v: 1, w: 1 }, { v: 2, w: 20 }, { v: 3, w: 3 }] });
    expect(changesOf(compare(a, b))).toEqual([
      { pointer: '/mods/0/name', op: 'replace', before: '"x"', after: '"renamed"' },
      // No key: the changed object pairs with the one it replaced, so the pointer reaches the field.
      { pointer: '/plain/1/w', op: 'replace', before: '2', after: '20' },
    ]);
  });

  it('reports items in another order as one order difference per array', () => {
    const a = json({ files: [{ path: 'a' }, { path: 'b' }, { path: 'c' }, { path: 'd' }] });
    const b = json({ files: [{ path: 'c' }, { path: 'a' }, { path: 'b' }, { path: 'd' }] });
    expect(compare(a, b)).toEqual([
      {
        path: 'dist/manifest.json#/files',
        kind: 'order',
        comparator: 'json',
        summary: '1 of 4 items of /files in another order',
        detail: { type: 'order', before: ['a', 'b', 'c', 'd'], after: ['c', 'a', 'b', 'd'] },
        causes: [],
        children: [],
      },
    ]);
  });

  it('reports a change only in key order as one order difference', () => {
    const a = json({ name: 'app', version: '1.0.0', scripts: { build: 'x', test: 'y' } });
    const b = json({ version: '1.0.0', name: 'app', scripts: { build: 'x', test: 'y' } });
    expect(compare(a, b, 'package.json')).toEqual([
      {
        path: 'package.json',
        kind: 'order',
        comparator: 'json',
        summary: 'same JSON, keys in another order at /',
        detail: { type: 'order', before: ['name', 'version', 'scripts'], after: ['version', 'name', 'scripts'] },
        causes: [],
        children: [],
      },
    ]);
    const nested = compare(json({ a: { x: 1, y: 2 }, b: 1 }), json({ a: { y: 2, x: 1 }, b: 2 }));
    expect(nested.map((d) => [d.path, d.kind, d.summary])).toEqual([
      ['dist/manifest.json#/b', 'json', '/b: 1 → 2'],
      ['dist/manifest.json#/a', 'order', 'keys in another order at /a'],
    ]);
  });

  it('reports formatting as a field, and hands pure re-serialisation to the text comparator', () => {
    const value = { name: 'app', list: [1, 2, 3] };
    expect(compare(json(value), JSON.stringify(value)).map((d) => [d.kind, d.summary])).toEqual([
      ['field', 'formatting: 2-space indent, LF, final newline → single line, no final newline'],
    ]);
    expect(compare(json(value), `${JSON.stringify(value, null, '\t')}\n`)[0]?.detail).toEqual({
      type: 'field',
      name: 'formatting',
      before: '2-space indent, LF, final newline',
      after: 'tab indent, LF, final newline',
    });
    expect(fallbackOf(() => compare('{"a":"é","n":1.0}', '{"a":"\\u00e9","n":1}'))).toBe(
      'same JSON value; only the serialisation differs (escapes, number forms or spacing)',
    );
  });

  it('escapes pointers, caps values, and handles keys that are Object.prototype names', () => {
    const long = 'x'.repeat(500);
    const diffs = compare(json({ 'a/b~c': 1, blob: long, constructor: 1 }), json({ 'a/b~c': 2, blob: `${long}!`, toString: 2 }));
    const changes = changesOf(diffs);
    expect(changes.map((c) => [c.pointer, c.op])).toEqual([
      ['/a~1b~0c', 'replace'],
      ['/blob', 'replace'],
      ['/constructor', 'remove'],
      ['/toString', 'add'],
    ]);
    expect(changes[1]?.before).toHaveLength(200);
    expect(changes[1]?.before?.endsWith('…')).toBe(true);
    expect(compare('{}', '[]')).toMatchObject([{ path: 'dist/manifest.json', summary: 'document: {} → []' }]);
  });

  it('falls back with a reason on corrupt input', () => {
    const good = json({ a: 1 });
    expect(fallbackOf(() => compare(good, '{"a": 1,}'))).toMatch(/^new side is not valid JSON: /);
    // A manifest cut short by a failed write.
    const manifest = readFileSync(build('cut', '2024-05-01T10:00:00Z'));
    expect(fallbackOf(() => compare(manifest.subarray(0, manifest.length - 20), manifest))).toMatch(/^old side is not valid JSON: /);
    expect(fallbackOf(() => compare(Buffer.from([0x7b, 0xff, 0x7d]), good))).toBe('old side is not valid UTF-8 (byte 0xff at offset 1)');
    const deep = `${'['.repeat(10_000)}${']'.repeat(10_000)}`;
    expect(fallbackOf(() => compare(good, deep))).toBe('new side JSON is nested deeper than 256 levels');
  });

  it('lists at most 1000 changes and says how many more there are', () => {
    const a = Object.fromEntries(Array.from({ length: 1500 }, (_, i) => [`k${i}`, i]));
    const b = Object.fromEntries(Array.from({ length: 1500 }, (_, i) => [`k${i}`, i + 1]));
    const diffs = compare(json(a), json(b));
    expect(diffs).toHaveLength(1001);
    expect(diffs[1000]).toMatchObject({
      path: 'dist/manifest.json',
      summary: '500 more JSON changes not listed (first 1000 shown)',
      detail: { type: 'json', changes: [], truncated: true },
    });
  });

  it('aligns a long array itself where jsondiffpatch would need an n × m matrix', () => {
    const items = Array.from({ length: 3000 }, (_, i) => ({ id: i, v: i }));
    const b = [{ id: 'first', v: 0 }, ...items.slice(1, -1), { id: 'last', v: 0 }];
    const diffs = compare(json({ items }), json({ items: b }));
    expect(diffs.map((d) => [d.path, d.summary, d.fallback])).toEqual([
      ['dist/manifest.json#/items/0', '/items/0/id: 0 → "first"', undefined],
      ['dist/manifest.json#/items/2999', '/items/2999 replaced: {"id":2999,"v":2999} → {"id":"last","v":0}', undefined],
    ]);
    expect(changesOf(diffs)).toEqual([
      { pointer: '/items/0/id', op: 'replace', before: '0', after: '"first"' },
      { pointer: '/items/2999', op: 'remove', before: '{"id":2999,"v":2999}' },
      { pointer: '/items/2999', op: 'add', after: '{"id":"last","v":0}' },
    ]);
    // A move inside a long array is still a move.
    const moved = [...items.slice(0, 10), ...items.slice(11, 2990), items[10], ...items.slice(2990)];
    expect(compare(json({ items }), json({ items: moved })).map((d) => [d.kind, d.summary])).toEqual([
      ['order', '1 of 3000 items of /items in another order'],
    ]);
  });

  it('line-diffs an array with too many changes to align, saying why', () => {
    const items = Array.from({ length: 6000 }, (_, i) => ({ id: i, v: i }));
    const changed = items.map((item, i) => (i % 2 === 0 ? { id: `renamed-${i}`, v: item.v } : item));
    const diffs = compare(json({ items }), json({ items: changed }));
    expect(diffs.map((d) => [d.kind, d.fallback])).toEqual([
      ['lines', 'the array at /items has too many changes to align item by item (6000 → 6000 items): line diff of the pretty-printed JSON'],
    ]);
    const hunks = diffs[0]?.detail?.type === 'lines' ? diffs[0].detail.hunks : [];
    expect(hunks[0]?.lines.slice(0, 4)).toEqual([' {', '   "items": [', '-    {"id": 0, "v": 0},', '-    {"id": 1, "v": 1},']);
    expect(diffs[0]?.summary).toMatch(/too many edits to align: shown as one replacement/);
  });

  it('finds the few changes in a 5 MB manifest, at their pointers (issue #10 item 8)', () => {
    const a = readFileSync(build('big-a', '2024-05-01T10:00:00Z', 'big-a'));
    const b = readFileSync(build('big-b', '2024-05-02T11:30:00Z', 'big-b'));
    expect(a.length).toBeGreaterThan(5_000_000);
    const before = JSON.parse(a.toString()) as { assets: Array<{ hash: string }> };
    expect(JSON.stringify(before).length).toBeLessThan(8 * 1024 * 1024);
    const diffs = compare(a, b);
    // Past MAX_JSON_NODES the lockstep walk answers: assets matched by id, no line diff.
    expect(diffs.map((d) => [d.path, d.kind, d.fallback])).toEqual([
      ['dist/manifest.json#/builtAt', 'json', undefined],
      ['dist/manifest.json#/assets/12000', 'json', undefined],
      ['dist/manifest.json#/assets/1234', 'json', undefined],
      ['dist/manifest.json#/assets/15000', 'json', undefined],
    ]);
    expect(changesOf(diffs).map((c) => [c.pointer, c.op, c.op === 'remove' ? c.before?.slice(0, 20) : c.after?.slice(0, 20)])).toEqual([
      ['/builtAt', 'replace', '"2024-05-02T11:30:00'],
      ['/assets/12000', 'remove', '{"id":"chunk-12000",'],
      ['/assets/1234/hash', 'replace', '"ffffffffffffffff"'],
      ['/assets/15000', 'add', '{"id":"chunk-new","f'],
    ]);
    expect(changesOf(diffs)[2]?.before).toBe(JSON.stringify(before.assets[1234]?.hash));
  });

  it('property: compare(x, x) is empty, and any other value is a difference or an explained fallback', () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 4 }), fc.json({ maxDepth: 4 }), (x, y) => {
        expect(compare(x, x)).toEqual([]);
        try {
          const diffs = compare(x, y);
          expect(diffs.length > 0).toBe(x !== y);
          for (const d of diffs) expect(d.causes).toEqual([]);
        } catch (error) {
          expect((error as Error).name).toBe('ComparatorFallback');
        }
      }),
      { numRuns: 300 },
    );
  });

  it('property: a changed leaf in an object tree is found at its pointer', () => {
    const tree = fc.dictionary(fc.string({ minLength: 1, maxLength: 5 }), fc.dictionary(fc.string({ minLength: 1, maxLength: 5 }), fc.integer()), {
      minKeys: 1,
    });
    fc.assert(
      fc.property(tree, fc.nat(), (value, pick) => {
        const outer = Object.keys(value);
        const k1 = outer[pick % outer.length] as string;
        const inner = value[k1] as Record<string, number>;
        const innerKeys = Object.keys(inner);
        const changed = structuredClone(value);
        let pointer: string;
        const esc = (k: string): string => k.replace(/~/g, '~0').replace(/\//g, '~1');
        if (innerKeys.length === 0) {
          (changed[k1] as Record<string, number>).added = 1;
          pointer = `/${esc(k1)}/added`;
        } else {
          const k2 = innerKeys[pick % innerKeys.length] as string;
          (changed[k1] as Record<string, number>)[k2] = (inner[k2] as number) + 1;
          pointer = `/${esc(k1)}/${esc(k2)}`;
        }
        expect(changesOf(compare(JSON.stringify(value), JSON.stringify(changed))).map((c) => c.pointer)).toEqual([pointer]);
      }),
    );
  });
});

describe('jsonComparator.recognizes', () => {
  it('takes JSON names and JSON-looking content, not source maps by name', () => {
    expect(jsonComparator.recognizes('manifest.json', Buffer.from('garbage'))).toBe(true);
    expect(jsonComparator.recognizes('site.webmanifest', Buffer.from(''))).toBe(true);
    expect(jsonComparator.recognizes('data.bin', Buffer.from('\ufeff \n [1]'))).toBe(true);
    expect(jsonComparator.recognizes('app.js.map', Buffer.from('//# not json'))).toBe(false);
    expect(jsonComparator.recognizes('app.js', Buffer.from('console.log(1)'))).toBe(false);
  });
});
