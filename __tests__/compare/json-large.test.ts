/**
 * JSON past jsondiffpatch's caps (issue #10 item 8): a lockstep walk names the changed JSON
 * Pointers instead of line-diffing the pretty-printed text. Documents are generated here,
 * deterministically; nothing is timed.
 */
import { describe, expect, it } from '@jest/globals';
import { classifyCauses } from '../../src/compare/causes.js';
import { MAX_JSON_NODES, jsonComparator } from '../../src/compare/comparators/json.js';
import { DEFAULT_LIMITS } from '../../src/compare/types.js';
import type { CompareContext, Difference, JsonChange } from '../../src/compare/types.js';

const ctx: CompareContext = {
  limits: DEFAULT_LIMITS,
  depth: 0,
  compareNested: () => {
    throw new Error('json never nests');
  },
};

function compare(before: string, after: string, path = 'dist/stats.json'): Difference[] {
  return jsonComparator.compare(path, Buffer.from(before), Buffer.from(after), ctx);
}

function changesOf(diffs: readonly Difference[]): JsonChange[] {
  return diffs.flatMap((d) => (d.detail?.type === 'json' ? d.detail.changes : []));
}

interface Module {
  id: number | string;
  name: string;
  size: number;
  chunks: number[];
  reasons: { moduleId: number; type: string }[];
}

interface Stats {
  outputPath: string;
  builtAt: number;
  modules: Module[];
}

/** A webpack stats.json-like document: `count` modules of ~12 JSON nodes each. */
function stats(count: number, outputPath = '/tmp/checkout-build-1/app/dist'): Stats {
  const modules: Module[] = [];
  for (let id = 0; id < count; id++) {
    modules.push({
      id,
      name: `./src/m${id}.js`,
      size: id % 997,
      chunks: [id % 7],
      reasons: [
        { moduleId: (id * 31) % count, type: 'harmony import' },
        { moduleId: (id * 17) % count, type: 'cjs require' },
      ],
    });
  }
  return { outputPath, builtAt: 1714557600000, modules };
}

const count = Math.ceil(MAX_JSON_NODES / 12) + 100;

describe('jsonComparator on JSON above the jsondiffpatch caps', () => {
  it('names a deep value, an inserted module (matched by id) and a build path, with their causes', () => {
    const a = stats(count);
    const b = stats(count, '/tmp/checkout-build-22/app/dist');
    (b.modules[12345] as Module).reasons[1] = { moduleId: 4242, type: 'cjs require' };
    b.modules.splice(5, 0, { id: 'inserted', name: './src/new.js', size: 1, chunks: [], reasons: [] });
    const diffs = compare(JSON.stringify(a), JSON.stringify(b));
    expect(diffs.map((d) => [d.path, d.kind, d.summary, d.fallback])).toEqual([
      ['dist/stats.json#/outputPath', 'json', '/outputPath: "/tmp/checkout-build-1/app/dist" → "/tmp/checkout-build-22/app/dist"', undefined],
      ['dist/stats.json#/modules/5', 'json', '/modules/5 added: {"id":"inserted","name":"./src/new.js","size":1,"chunks":[]…', undefined],
      ['dist/stats.json#/modules/12346', 'json', `/modules/12346/reasons/1/moduleId: ${(12345 * 17) % count} → 4242`, undefined],
    ]);
    // The module after the insertion is compared with its own old self: the new index, no shift.
    expect(changesOf(diffs)).toEqual([
      { pointer: '/outputPath', op: 'replace', before: '"/tmp/checkout-build-1/app/dist"', after: '"/tmp/checkout-build-22/app/dist"' },
      { pointer: '/modules/5', op: 'add', after: '{"id":"inserted","name":"./src/new.js","size":1,"chunks":[],"reasons":[]}' },
      { pointer: '/modules/12346/reasons/1/moduleId', op: 'replace', before: String((12345 * 17) % count), after: '4242' },
    ]);
    const file: Difference = { path: 'dist/stats.json', kind: 'modified', comparator: 'json', summary: '', causes: [], children: diffs };
    classifyCauses({ path: '', kind: 'modified', summary: '', causes: [], children: [file] });
    expect(diffs.map((d) => d.causes.map((c) => c.id))).toEqual([['build-path'], ['content'], ['content']]);
  });

  it('walks a document over 8 MiB without pretty-printing it', () => {
    const a = stats(70_000);
    const b = stats(70_000);
    (b.modules[27182] as Module).size += 1;
    const before = JSON.stringify(a);
    expect(before.length).toBeGreaterThan(8 * 1024 * 1024);
    const diffs = compare(before, JSON.stringify(b));
    expect(diffs.map((d) => [d.path, d.summary, d.fallback])).toEqual([
      ['dist/stats.json#/modules/27182', `/modules/27182/size: ${27182 % 997} → ${(27182 % 997) + 1}`, undefined],
    ]);
  });

  it('replaces the whole document when the roots differ in type', () => {
    const numbers = Array.from({ length: MAX_JSON_NODES + 1 }, (_, i) => i);
    const diffs = compare(JSON.stringify(numbers), JSON.stringify({ numbers: 1 }));
    expect(changesOf(diffs)).toEqual([{ pointer: '', op: 'replace', before: expect.stringMatching(/^\[0,1,2,3,.*…$/), after: '{"numbers":1}' }]);
    expect(diffs.map((d) => [d.path, d.kind])).toEqual([['dist/stats.json', 'json']]);
    expect(diffs[0]?.summary).toMatch(/^document: \[0,1,2,.*… → \{"numbers":1\}$/);
  });

  it('lists the first 1000 changes and says how many more were cut', () => {
    const a = stats(count);
    const b = stats(count);
    for (const m of b.modules) m.size += 1;
    const diffs = compare(JSON.stringify(a), JSON.stringify(b));
    expect(changesOf(diffs)).toHaveLength(1000);
    expect(changesOf(diffs)[0]).toEqual({ pointer: '/modules/0/size', op: 'replace', before: '0', after: '1' });
    const last = diffs.at(-1);
    expect([last?.summary, last?.detail]).toEqual([`${count - 1000} more JSON changes not listed (first 1000 shown)`, { type: 'json', changes: [], truncated: true }]);
  });

  it('reports keys in another order, found in the same pass', () => {
    const a = stats(count);
    const b = stats(count);
    const { name, id, ...rest } = b.modules[7] as Module;
    b.modules[7] = { name, id, ...rest };
    const diffs = compare(JSON.stringify(a), JSON.stringify(b));
    expect(diffs.map((d) => [d.path, d.kind, d.summary])).toEqual([['dist/stats.json#/modules/7', 'order', 'same JSON, keys in another order at /modules/7']]);
  });

  it('reports keyed items in another order as one order node, classified file-order', () => {
    const a = stats(count);
    const b = stats(count);
    const [m3, m4] = [b.modules[3] as Module, b.modules[4] as Module];
    b.modules[3] = m4;
    b.modules[4] = m3;
    const diffs = compare(JSON.stringify(a), JSON.stringify(b));
    expect(diffs.map((d) => [d.path, d.kind, d.summary])).toEqual([['dist/stats.json#/modules', 'order', `1 of ${count} items of /modules in another order`]]);
    expect(diffs[0]?.detail?.type === 'order' ? [diffs[0].detail.before.slice(2, 6), diffs[0].detail.after.slice(2, 6)] : []).toEqual([
      ['2', '3', '4', '5'],
      ['2', '4', '3', '5'],
    ]);
    const file: Difference = { path: 'dist/stats.json', kind: 'modified', comparator: 'json', summary: '', causes: [], children: diffs };
    classifyCauses({ path: '', kind: 'modified', summary: '', causes: [], children: [file] });
    expect(diffs.map((d) => d.causes.map((c) => [c.id, c.evidence]))).toEqual([[['file-order', expect.stringContaining('another order')]]]);
  });

  it('falls back on a truncated document, as for small JSON', () => {
    const text = JSON.stringify(stats(count));
    expect(() => compare(text, text.slice(0, -100))).toThrow(/^new side is not valid JSON: /);
    try {
      compare(text, text.slice(0, -100));
    } catch (error) {
      expect((error as Error).name).toBe('ComparatorFallback');
    }
  });

  it('refuses nesting past 256 levels with a fallback, not a stack overflow', () => {
    const deep = (leaf: number): string => `${'['.repeat(300)}${leaf}${']'.repeat(300)}`;
    const big = `[${Array.from({ length: MAX_JSON_NODES }, () => 0).join(',')},${deep(1)}]`;
    expect(() => compare(big, big.replace(`${'['.repeat(300)}1`, `${'['.repeat(300)}2`))).toThrow(/nested deeper than 256 levels/);
  });
});
