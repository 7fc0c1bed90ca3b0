import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { diffTrees } from '../../src/compare/tree-diff.js';
import { compareCodePoints } from '../../src/snapshot/canonical-json.js';
import type { Entry } from '../../src/snapshot/types.js';

const file = (path: string, sha: string, mode = 0o644): Entry => ({ type: 'file', path, mode, size: 1, sha256: sha.repeat(64).slice(0, 64), class: 'text' });

describe('tree diff', () => {
  it('finds added, removed, modified, type, mode and symlink changes from the entries alone', () => {
    const before: Entry[] = [
      file('a', 'a'),
      { type: 'dir', path: 'd', mode: 0o755 },
      file('d/same', 'b'),
      file('gone', 'c'),
      { type: 'symlink', path: 'link', target: 'a' },
      file('mode', 'd', 0o644),
      file('t', 'e'),
    ];
    const after: Entry[] = [
      file('a', 'f'),
      { type: 'dir', path: 'd', mode: 0o700 },
      file('d/same', 'b'),
      { type: 'symlink', path: 'link', target: 'd/same' },
      file('mode', 'd', 0o755),
      file('new', '1'),
      { type: 'dir', path: 't', mode: 0o755 },
    ];
    const { differences, modified } = diffTrees(before, after);
    expect(modified.map((m) => m.path)).toEqual(['a']);
    expect(differences.map((d) => [d.path, d.kind, d.summary])).toEqual([
      ['d', 'mode', 'mode 0755 → 0700'],
      ['gone', 'removed', 'removed (file, 1 bytes)'],
      ['link', 'symlink', 'symlink retargeted: a → d/same'],
      ['mode', 'mode', 'mode 0644 → 0755'],
      ['new', 'added', 'added (file, 1 bytes)'],
      ['t', 'type', 'file → dir'],
    ]);
  });

  it('leaves same-size pairs without a digest unsettled, and calls different sizes modified', () => {
    const digestless = (path: string, size: number): Entry => ({ type: 'file', path, mode: 0o644, size, sha256: '', class: 'text' });
    const before = [digestless('grew', 1), digestless('same-size', 4), file('snap', 'a')];
    const after = [digestless('grew', 2), digestless('same-size', 4), digestless('snap', 1)];
    const { modified, unsettled } = diffTrees(before, after);
    expect(modified.map((m) => m.path)).toEqual(['grew']);
    expect(unsettled.map((m) => m.path)).toEqual(['same-size', 'snap']);
  });

  const entries = fc
    .uniqueArray(fc.tuple(fc.string({ minLength: 1, maxLength: 4 }), fc.constantFrom('a', 'b'), fc.constantFrom(0o644, 0o755)), { selector: (t) => t[0], maxLength: 12 })
    .map((list) => list.map(([p, s, m]) => file(p, s, m)).sort((x, y) => compareCodePoints(x.path, y.path)));

  it('is empty for a tree compared with itself', () => {
    fc.assert(fc.property(entries, (e) => expect(diffTrees(e, e)).toEqual({ differences: [], modified: [], unsettled: [], only: [] })));
  });

  it('mirrors when the sides are swapped', () => {
    fc.assert(
      fc.property(entries, entries, (a, b) => {
        const ab = diffTrees(a, b);
        const ba = diffTrees(b, a);
        const flip = { added: 'removed', removed: 'added' } as Record<string, string>;
        expect(ba.differences.map((d) => [d.path, flip[d.kind] ?? d.kind])).toEqual(ab.differences.map((d) => [d.path, d.kind]));
        expect(ba.modified.map((m) => m.path)).toEqual(ab.modified.map((m) => m.path));
      }),
    );
  });
});
