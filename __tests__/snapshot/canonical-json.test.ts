import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { canonicalEntriesJson, canonicalJson, compareCodePoints } from '../../src/snapshot/canonical-json.js';
import type { Entry } from '../../src/snapshot/types.js';

describe('canonical JSON', () => {
  it('sorts keys at every level and drops undefined members', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: undefined } })).toBe('{"a":{"d":[3,{"y":2,"z":1}]},"b":1}');
  });

  it('is independent of key insertion order and parses back to the same value', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        expect(canonicalJson(reversed)).toBe(canonicalJson(obj));
        expect(JSON.parse(canonicalJson(obj))).toEqual(JSON.parse(JSON.stringify(obj)));
      }),
    );
  });

  it('writes entry lists exactly as the generic canonical form does', () => {
    const hex = fc.stringMatching(/^[0-9a-f]{64}$/);
    const entry: fc.Arbitrary<Entry> = fc.oneof(
      fc.record(
        {
          type: fc.constant('file' as const),
          path: fc.string({ unit: 'grapheme', minLength: 1 }),
          mode: fc.nat(0o7777),
          size: fc.nat(),
          sha256: hex,
          chunks: fc.array(hex, { minLength: 2, maxLength: 3 }),
          class: fc.constantFrom('text' as const, 'binary' as const, 'compressed' as const, 'tensor' as const),
        },
        { requiredKeys: ['type', 'path', 'mode', 'size', 'sha256', 'class'] },
      ),
      fc.record({ type: fc.constant('dir' as const), path: fc.string({ minLength: 1 }), mode: fc.nat(0o7777) }),
      fc.record({ type: fc.constant('symlink' as const), path: fc.string({ minLength: 1 }), target: fc.string({ unit: 'grapheme', minLength: 1 }) }),
    );
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 8 }), (entries) => {
        expect(canonicalEntriesJson(entries)).toBe(canonicalJson(entries));
      }),
      { numRuns: 2000 },
    );
  });

  it('orders strings like their UTF-8 bytes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), fc.string({ unit: 'grapheme' }), (a, b) => {
        expect(Math.sign(compareCodePoints(a, b))).toBe(Math.sign(Buffer.compare(Buffer.from(a), Buffer.from(b))));
      }),
    );
  });
});
