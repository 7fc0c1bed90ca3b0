/** Suggestions for typos: close names only, transpositions count as one edit. */
import { describe, expect, it } from '@jest/globals';
import { closest, editDistance } from '../../src/commands/did-you-mean.js';

const COMMANDS = ['create', 'diff', 'info', 'verify', 'restore', 'export'];

describe('did you mean', () => {
  it.each([
    ['verify', 'verify', 0],
    ['verfiy', 'verify', 1],
    ['creat', 'create', 1],
    ['dif', 'diff', 1],
    ['', 'info', 4],
    ['kitten', 'sitting', 3],
  ])('editDistance(%j, %j) = %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
    expect(editDistance(b, a)).toBe(d);
  });

  it.each([
    ['creat', 'create'],
    ['CREATE', 'create'],
    ['restor', 'restore'],
    ['exprot', 'export'],
    ['inf', 'info'],
    ['snapshot-everything', undefined],
    ['x', undefined],
    ['zz', undefined],
  ])('closest(%j) is %j', (typed, expected) => {
    expect(closest(typed, COMMANDS)).toBe(expected);
  });
});
