import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { entryPathProblem } from '../../src/snapshot/paths.js';

/** The rules stated plainly (slow, obviously right): the fast single-pass check must agree. */
function reference(path: string): boolean {
  if (path.length === 0 || path.includes('\0') || Buffer.byteLength(path) > 4096 || path.startsWith('/')) return false;
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.' || segment === '..' || Buffer.byteLength(segment) > 255) return false;
  }
  if (/(^|[\\/])\.\.([\\/]|$)/.test(path)) return false;
  return !/^[A-Za-z]:[\\/]/.test(path);
}

describe('entry path rules', () => {
  it('agree with the plainly stated rules on random paths', () => {
    const part = fc.oneof(
      fc.constantFrom('.', '..', '', 'a', '\\', '..\\', '\\..', 'é', '日', '🙂', '\0', 'C:', ':', 'x'.repeat(254), 'é'.repeat(128), '日'.repeat(85), '€'.repeat(85)),
      fc.string({ maxLength: 4 }),
    );
    fc.assert(
      fc.property(fc.array(part, { maxLength: 24 }), fc.constantFrom('/', '\\'), (parts, sep) => {
        const path = parts.join(sep);
        expect(entryPathProblem(path) === null).toBe(reference(path));
      }),
      { numRuns: 50_000 },
    );
  });

  const cases: [string, boolean][] = [
    ['a/b/c.txt', true],
    ['a'.repeat(255), true],
    ['a'.repeat(256), false],
    ['é'.repeat(127), true],
    ['é'.repeat(128), false],
    [Array(17).fill('x'.repeat(240)).join('/'), true],
    [Array(18).fill('x'.repeat(240)).join('/'), false],
    ['C:/x', false],
    ['c:\\x', false],
    ['C:x', true],
    ['/a', false],
    ['a/../b', false],
    ['a\\..', false],
    ['a\\b', true],
    ['..', false],
    ['a/.', false],
    ['./a', false],
    ['a//b', false],
    ['a/', false],
    ['.hidden/..x', true],
    // Non-ASCII segments, each short, adding up to more than 4096 UTF-8 bytes.
    [Array(20).fill('€'.repeat(85)).join('/'), false],
    [Array(16).fill('€'.repeat(85)).join('/'), true],
  ];
  const labelled = cases.map(([path, safe]) => [path.length > 24 ? `${path.slice(0, 12)}…(${path.length} chars)` : path, path, safe] as const);
  it.each(labelled)('%s is safe: %s', (_label, path, safe) => {
    expect(entryPathProblem(path) === null).toBe(safe);
    expect(reference(path)).toBe(safe);
  });
});
