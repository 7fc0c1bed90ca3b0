import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { sourcemapComparator } from '../../src/compare/comparators/sourcemap.js';
import { DEFAULT_LIMITS } from '../../src/compare/types.js';
import type { CompareContext, CompareLimits, Difference } from '../../src/compare/types.js';
import { removeDir, tempDir } from '../helpers/toolchain.js';

function context(limits: Partial<CompareLimits> = {}): CompareContext {
  return {
    limits: { ...DEFAULT_LIMITS, ...limits },
    depth: 0,
    compareNested: () => {
      throw new Error('source maps never nest');
    },
  };
}

const PATH = 'dist/app.js.map';

function compare(before: Buffer | string, after: Buffer | string, limits: Partial<CompareLimits> = {}): Difference[] {
  return sourcemapComparator.compare(PATH, Buffer.from(before), Buffer.from(after), context(limits));
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

const UTIL = 'export function add(a, b) {\n  return a + b;\n}\n';
const MAIN = 'function main() {\n  console.log("hello", add(1, 2));\n  return 42;\n}\nmain();\n';

let dir = '';

beforeAll(async () => {
  dir = await tempDir('vitsnap-sourcemap-');
});

afterAll(async () => {
  await removeDir(dir);
});

/** Writes the sources into `<dir>/<build>/src` and minifies them with uglify-js by absolute path. */
function build(buildDir: string, sources: Record<string, string>, order = Object.keys(sources)): Buffer {
  const root = join(dir, buildDir);
  mkdirSync(join(root, 'src'), { recursive: true });
  for (const [name, text] of Object.entries(sources)) writeFileSync(join(root, 'src', name), text);
  const uglify = join(process.cwd(), 'node_modules/.bin/uglifyjs');
  execFileSync(uglify, [...order.map((name) => join(root, 'src', name)), '-c', '-m', '-o', join(root, 'app.js'), '--source-map', 'includeSources,url=app.js.map'], {
    cwd: root,
  });
  return readFileSync(join(root, 'app.js.map'));
}

describe('sourcemapComparator.compare', () => {
  it('finds nothing in the same input', () => {
    const map = build('same', { 'util.js': UTIL, 'main.js': MAIN });
    expect(compare(map, Buffer.from(map))).toEqual([]);
  });

  it('says when sources differ only by the absolute build directory', () => {
    const a = build('ci-1', { 'util.js': UTIL, 'main.js': MAIN });
    const b = build('ci-2', { 'util.js': UTIL, 'main.js': MAIN });
    expect(compare(a, b)).toEqual([
      {
        path: 'dist/app.js.map:sources',
        kind: 'json',
        comparator: 'sourcemap',
        summary: `sources differ only by directory prefix: ${dir}/ci-1/ → ${dir}/ci-2/ (2 of 2 sources)`,
        detail: {
          type: 'json',
          truncated: false,
          changes: [
            { pointer: '/sources/0', op: 'replace', before: JSON.stringify(`${dir}/ci-1/src/util.js`), after: JSON.stringify(`${dir}/ci-2/src/util.js`) },
            { pointer: '/sources/1', op: 'replace', before: JSON.stringify(`${dir}/ci-1/src/main.js`), after: JSON.stringify(`${dir}/ci-2/src/main.js`) },
          ],
        },
        causes: [],
        children: [],
      },
    ]);
  });

  it('diffs the embedded source that changed and counts mapping segments', () => {
    const a = build('edit', { 'util.js': UTIL, 'main.js': MAIN });
    const edited = MAIN.replace('  return 42;\n', '  const built = "2024-05-02T11:30:00Z";\n  console.log(built);\n  return 42;\n');
    const b = build('edit', { 'util.js': UTIL, 'main.js': edited });
    const segments = (map: Buffer): number => (JSON.parse(map.toString()) as { mappings: string }).mappings.split(/[;,]/).filter(Boolean).length;
    const diffs = compare(a, b);
    expect(diffs.map((d) => [d.path, d.kind, d.summary])).toEqual([
      [`dist/app.js.map:sourcesContent[${dir}/edit/src/main.js]`, 'lines', '2 lines changed (+2 −0)'],
      ['dist/app.js.map:mappings', 'field', `mappings changed (${segments(a)} → ${segments(b)} segments)`],
    ]);
    expect(diffs[0]?.detail).toEqual({
      type: 'lines',
      truncated: false,
      hunks: [
        {
          oldStart: 1,
          oldLines: 5,
          newStart: 1,
          newLines: 7,
          lines: [
            ' function main() {',
            '   console.log("hello", add(1, 2));',
            '+  const built = "2024-05-02T11:30:00Z";',
            '+  console.log(built);',
            '   return 42;',
            ' }',
            ' main();',
          ],
        },
      ],
    });
    expect(diffs.every((d) => d.comparator === 'sourcemap' && d.causes.length === 0)).toBe(true);
  });

  it('reports sources listed in another order as an order difference', () => {
    const a = build('order', { 'util.js': UTIL, 'main.js': MAIN }, ['util.js', 'main.js']);
    const b = build('order', { 'util.js': UTIL, 'main.js': MAIN }, ['main.js', 'util.js']);
    const diffs = compare(a, b);
    expect(diffs[0]).toEqual({
      path: 'dist/app.js.map:sources',
      kind: 'order',
      comparator: 'sourcemap',
      summary: 'same 2 sources in another order',
      detail: { type: 'order', before: [`${dir}/order/src/util.js`, `${dir}/order/src/main.js`], after: [`${dir}/order/src/main.js`, `${dir}/order/src/util.js`] },
      causes: [],
      children: [],
    });
    // The contents are matched by name, so nothing else is reported for them.
    expect(diffs.filter((d) => d.path.includes('sourcesContent'))).toEqual([]);
    expect(diffs.at(-1)?.path).toBe('dist/app.js.map:mappings');
  });

  it('compares header fields, added and removed sources, missing content and extra keys', () => {
    const base = { version: 3, file: 'app.js', sources: ['a.ts', 'b.ts'], sourcesContent: ['a\n', 'b\n'], names: [], mappings: 'AAAA;AACA' };
    const next = {
      version: 3,
      file: 'app.min.js',
      sourceRoot: '/build/',
      sources: ['a.ts', 'c.ts'],
      sourcesContent: ['a\n', 'c\n'],
      names: ['render'],
      mappings: 'AAAA;AACA',
      debugId: '85314830-023f-4cf1-a267-535f4e37bb17',
    };
    expect(compare(JSON.stringify(base), JSON.stringify(next)).map((d) => [d.path, d.kind, d.summary])).toEqual([
      ['dist/app.js.map:file', 'field', 'file: "app.js" → "app.min.js"'],
      ['dist/app.js.map:sourceRoot', 'field', 'sourceRoot: absent → "/build/"'],
      ['dist/app.js.map:sources', 'json', 'sources changed: 1 replaced'],
      ['dist/app.js.map:names', 'json', 'names changed: 1 added'],
      ['dist/app.js.map:debugId', 'field', 'debugId: absent → "85314830-023f-4cf1-a267-535f4e37bb17"'],
    ]);
    const noContent = { ...base, sourcesContent: undefined };
    expect(compare(JSON.stringify(base), JSON.stringify(noContent)).map((d) => d.summary)).toEqual(['sourcesContent: embedded (2) → absent']);
    const nullContent = { ...base, sourcesContent: ['a\n', null] };
    expect(compare(JSON.stringify(base), JSON.stringify(nullContent)).map((d) => [d.path, d.summary])).toEqual([
      ['dist/app.js.map:sourcesContent[b.ts]', 'content: 2 characters → missing'],
    ]);
  });

  it('notes content too long to diff instead of failing the whole map', () => {
    const long = 'x\n'.repeat(50);
    const base = { version: 3, sources: ['a.ts'], sourcesContent: [long], names: [], mappings: 'AAAA' };
    const next = { ...base, sourcesContent: [`${long}y\n`] };
    const [diff] = compare(JSON.stringify(base), JSON.stringify(next), { maxTextLines: 10 });
    expect(diff).toMatchObject({
      path: 'dist/app.js.map:sourcesContent[a.ts]',
      summary: 'content: 100 characters → 102 characters',
      fallback: 'more than 10 lines; comparing bytes',
    });
  });

  it('returns nothing when only the formatting differs, leaving it to the JSON comparator', () => {
    const map = { version: 3, sources: ['a.ts'], names: [], mappings: 'AAAA' };
    expect(compare(JSON.stringify(map), JSON.stringify(map, null, 2))).toEqual([]);
    expect(compare(JSON.stringify(map), `)]}'\n${JSON.stringify(map)}`)).toEqual([]);
  });

  it('falls back with a reason on input that is not a v3 source map', () => {
    const good = build('corrupt', { 'util.js': UTIL, 'main.js': MAIN });
    expect(fallbackOf(() => compare(good, good.subarray(0, good.length - 30)))).toMatch(/^new side is not valid JSON: /);
    expect(fallbackOf(() => compare(good, '{"version":2,"sources":[],"mappings":""}'))).toBe('new side is not a source map v3: version is 2');
    expect(fallbackOf(() => compare('{"version":3,"sources":[]}', good))).toBe('old side is not a source map v3: "mappings" is not a string');
    expect(fallbackOf(() => compare('{"version":3,"mappings":""}', good))).toBe('old side is not a source map v3: "sources" is not an array');
    expect(fallbackOf(() => compare('{"version":3,"sections":[]}', good))).toBe('old side is an index map (sections): compared as JSON');
    expect(fallbackOf(() => compare('[3]', good))).toBe('old side is not a source map: not a JSON object');
    expect(fallbackOf(() => compare(Buffer.from([0x7b, 0xc0, 0x7d]), good))).toBe('old side is not valid UTF-8 (byte 0xc0 at offset 1)');
  });
});

describe('sourcemapComparator.recognizes', () => {
  it('takes .map files that start like JSON', () => {
    expect(sourcemapComparator.recognizes('dist/app.js.map', Buffer.from('{"version":3'))).toBe(true);
    expect(sourcemapComparator.recognizes('dist/app.css.map', Buffer.from(`)]}'\n{"version":3`))).toBe(true);
    expect(sourcemapComparator.recognizes('dist/app.js', Buffer.from('{"version":3'))).toBe(false);
    expect(sourcemapComparator.recognizes('dist/site.map', Buffer.from('<map/>'))).toBe(false);
  });
});
