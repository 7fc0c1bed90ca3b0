import { describe, expect, it } from '@jest/globals';
import { compareFile } from '../../src/compare/registry.js';
import { ComparatorFallback, DEFAULT_LIMITS, type Comparator, type Difference } from '../../src/compare/types.js';

/** Comparators written for the test: the registry's ordering and fallback rules are what is checked. */
const leaf = (path: string, summary: string): Difference => ({ path, kind: 'field', summary, causes: [], children: [] });
const bytes: Comparator = { id: 'binary', recognizes: () => true, compare: (p) => [leaf(p, 'bytes differ')] };
const picky: Comparator = {
  id: 'json',
  recognizes: (p) => p.endsWith('.json'),
  compare: (p, a) => {
    if (a.toString().startsWith('!')) throw new ComparatorFallback('not JSON');
    return [leaf(`${p}#/x`, 'x changed')];
  },
};
const broken: Comparator = { id: 'elf', recognizes: () => true, compare: () => { throw new RangeError('offset out of range'); } };
const silent: Comparator = { id: 'text', recognizes: () => true, compare: () => [] };
const nesting: Comparator = {
  id: 'zip',
  recognizes: (p) => p.endsWith('.zip'),
  compare: (p, a, b, ctx) => [ctx.compareNested(`${p}!/inner.zip`, a, b)],
};

describe('comparator registry', () => {
  it('uses the first comparator that recognises both sides', () => {
    const d = compareFile('a.json', Buffer.from('{}'), Buffer.from('{"x":1}'), [picky, bytes], DEFAULT_LIMITS);
    expect(d.comparator).toBe('json');
    expect(d.children.map((c) => c.path)).toEqual(['a.json#/x']);
    expect(d.fallback).toBeUndefined();
  });

  it('falls back to the next comparator and says why', () => {
    const d = compareFile('a.json', Buffer.from('!'), Buffer.from('!!'), [picky, bytes], DEFAULT_LIMITS);
    expect(d.comparator).toBe('binary');
    expect(d.fallback).toBe('json: not JSON');
  });

  it('treats a comparator crashing on odd input as a fallback, never as a failure', () => {
    const d = compareFile('x', Buffer.from('a'), Buffer.from('b'), [broken, bytes], DEFAULT_LIMITS);
    expect(d.comparator).toBe('binary');
    expect(d.fallback).toBe('elf: failed: offset out of range');
  });

  it('does not accept "no difference" from a structured comparator for bytes that differ', () => {
    const d = compareFile('x', Buffer.from('a'), Buffer.from('b'), [silent, bytes], DEFAULT_LIMITS);
    expect(d.comparator).toBe('binary');
    expect(d.fallback).toContain('text: found no difference');
  });

  it('compares files over the size cap as bytes only', () => {
    const limits = { ...DEFAULT_LIMITS, maxStructuredBytes: 1 };
    const d = compareFile('a.json', Buffer.from('{}'), Buffer.from('{"x":1}'), [picky, bytes], limits);
    expect(d.comparator).toBe('binary');
    expect(d.fallback).toContain('larger than 1 bytes');
  });

  it('stops nesting at the depth cap with a note', () => {
    const limits = { ...DEFAULT_LIMITS, maxDepth: 3 };
    let d = compareFile('a.zip', Buffer.from('1'), Buffer.from('2'), [nesting, bytes], limits);
    let depth = 0;
    while (d.comparator === 'zip') {
      d = d.children[0] as Difference;
      depth++;
    }
    expect(depth).toBe(4);
    expect(d.comparator).toBe('binary');
    expect(d.fallback).toBe('nesting deeper than 3 levels: compared as bytes');
  });
});
