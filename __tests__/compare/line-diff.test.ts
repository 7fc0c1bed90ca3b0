import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { alignLines, diffLines, splitLines } from '../../src/compare/line-diff.js';
import type { LineHunk } from '../../src/compare/types.js';

/** Applies unified-diff hunks to `a`, checking every context and removed line against it. */
function applyHunks(a: readonly string[], hunks: readonly LineHunk[]): string[] {
  let out: string[] = [];
  let next = 0;
  for (const hunk of hunks) {
    const start = hunk.oldLines === 0 ? hunk.oldStart : hunk.oldStart - 1;
    if (start < next) throw new Error(`hunk at ${hunk.oldStart} overlaps the previous one`);
    out = out.concat(a.slice(next, start));
    let i = start;
    let oldSeen = 0;
    let newSeen = 0;
    for (const line of hunk.lines) {
      const sign = line[0];
      const text = line.slice(1);
      if (sign === '+') {
        out.push(text);
        newSeen++;
        continue;
      }
      if (a[i] !== text) throw new Error(`hunk line ${JSON.stringify(line)} does not match old line ${i + 1}`);
      if (sign === ' ') {
        out.push(text);
        newSeen++;
      } else if (sign !== '-') {
        throw new Error(`bad prefix in ${JSON.stringify(line)}`);
      }
      oldSeen++;
      i++;
    }
    expect([oldSeen, newSeen]).toEqual([hunk.oldLines, hunk.newLines]);
    next = i;
  }
  return out.concat(a.slice(next));
}

/** diff(a, b) seen from the other side: +/− and old/new swapped, removals first in each block. */
function mirror(hunks: readonly LineHunk[]): LineHunk[] {
  return hunks.map((hunk) => {
    const lines: string[] = [];
    let block: string[] = [];
    const flush = (): void => {
      lines.push(...block.filter((l) => l[0] === '-'), ...block.filter((l) => l[0] === '+'));
      block = [];
    };
    for (const line of hunk.lines) {
      if (line[0] === ' ') {
        flush();
        lines.push(line);
      } else {
        block.push(`${line[0] === '+' ? '-' : '+'}${line.slice(1)}`);
      }
    }
    flush();
    return { oldStart: hunk.newStart, oldLines: hunk.newLines, newStart: hunk.oldStart, newLines: hunk.oldLines, lines };
  });
}

function editDistance(a: readonly string[], b: readonly string[]): number {
  const dp: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const row = dp[i] as number[];
      const up = dp[i - 1] as number[];
      row[j] = a[i - 1] === b[j - 1] ? (up[j - 1] as number) + 1 : Math.max(up[j] as number, row[j - 1] as number);
    }
  }
  const lcs = (dp[a.length] as number[])[b.length] as number;
  return a.length + b.length - 2 * lcs;
}

const lines = fc.array(fc.constantFrom('a', 'b', 'c', 'd', '', '}'), { maxLength: 40 });
const opts = { context: 3, maxLines: 100_000 };

describe('diffLines', () => {
  it('gives unified hunks with three lines of context', () => {
    const a = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '14', '15', '16'];
    const b = [...a];
    b[1] = 'two';
    b.splice(12, 1);
    b.splice(14, 0, 'new');
    const result = diffLines(a, b, opts);
    expect(result.truncated).toBe(false);
    expect(result).toMatchObject({ added: 2, removed: 2 });
    expect(result.hunks).toEqual([
      { oldStart: 1, oldLines: 5, newStart: 1, newLines: 5, lines: [' 1', '-2', '+two', ' 3', ' 4', ' 5'] },
      {
        oldStart: 10,
        oldLines: 7,
        newStart: 10,
        newLines: 7,
        lines: [' 10', ' 11', ' 12', '-13', ' 14', ' 15', '+new', ' 16'],
      },
    ]);
  });

  it('follows the unified convention for an empty side', () => {
    expect(diffLines([], ['x', 'y'], opts).hunks).toEqual([
      { oldStart: 0, oldLines: 0, newStart: 1, newLines: 2, lines: ['+x', '+y'] },
    ]);
    expect(diffLines(['x'], [], opts).hunks).toEqual([{ oldStart: 1, oldLines: 1, newStart: 0, newLines: 0, lines: ['-x'] }]);
  });

  it('property: applying the hunks to a gives b, with a minimal edit', () => {
    fc.assert(
      fc.property(lines, lines, fc.nat(4), (a, b, context) => {
        const result = diffLines(a, b, { context, maxLines: 100_000 });
        expect(result.truncated).toBe(false);
        expect(applyHunks(a, result.hunks)).toEqual(b);
        expect(result.added + result.removed).toBe(editDistance(a, b));
      }),
      { numRuns: 500 },
    );
  });

  it('property: diff(a, a) is empty', () => {
    fc.assert(
      fc.property(lines, (a) => {
        expect(diffLines(a, [...a], opts)).toEqual({ hunks: [], truncated: false, added: 0, removed: 0, coarse: false });
      }),
    );
  });

  it('property: diff(b, a) mirrors diff(a, b)', () => {
    fc.assert(
      fc.property(lines, lines, (a, b) => {
        expect(diffLines(b, a, opts).hunks).toEqual(mirror(diffLines(a, b, opts).hunks));
      }),
      { numRuns: 500 },
    );
  });

  it('gives one coarse hunk past maxEdit, still a correct patch', () => {
    fc.assert(
      fc.property(lines, lines, (a, b) => {
        const result = diffLines(a, b, { context: 2, maxLines: 100_000, maxEdit: 3 });
        expect(applyHunks(a, result.hunks)).toEqual(b);
        // A pure insertion or removal needs no search, so it is never coarse.
        const search = result.added > 0 && result.removed > 0;
        expect(result.coarse).toBe(search && editDistance(a, b) > 3);
        if (result.coarse) {
          expect(result.truncated).toBe(true);
          expect(result.hunks).toHaveLength(1);
        }
      }),
    );
    const a = Array.from({ length: 50 }, (_, i) => `old ${i}`);
    const b = ['head', ...Array.from({ length: 50 }, (_, i) => `new ${i}`), 'tail'];
    const result = diffLines(['same', ...a, 'end'], ['same', ...b, 'end'], { context: 1, maxLines: 1000, maxEdit: 10 });
    expect(result).toMatchObject({ coarse: true, truncated: true, added: 52, removed: 50 });
    expect(result.hunks).toHaveLength(1);
    expect(result.hunks[0]).toMatchObject({ oldStart: 1, oldLines: 52, newStart: 1, newLines: 54 });
  });

  it('stops at maxLines with truncated set and consistent hunk headers', () => {
    const a = Array.from({ length: 1000 }, (_, i) => `line ${i}`);
    const b = a.map((line, i) => (i % 10 === 0 ? `${line} changed` : line));
    const result = diffLines(a, b, { context: 3, maxLines: 100 });
    expect(result.truncated).toBe(true);
    expect(result).toMatchObject({ added: 100, removed: 100, coarse: false });
    const emitted = result.hunks.reduce((sum, hunk) => sum + hunk.lines.length, 0);
    expect(emitted).toBeLessThanOrEqual(100);
    expect(result.hunks.length).toBeGreaterThan(0);
    for (const hunk of result.hunks) {
      expect(hunk.lines.filter((l) => l[0] !== '+')).toHaveLength(hunk.oldLines);
      expect(hunk.lines.filter((l) => l[0] !== '-')).toHaveLength(hunk.newLines);
    }
    // One huge change: the first hunk is cut rather than dropped.
    const cut = diffLines([], Array.from({ length: 500 }, (_, i) => `${i}`), { context: 3, maxLines: 20 });
    expect(cut.hunks).toEqual([
      { oldStart: 0, oldLines: 0, newStart: 1, newLines: 20, lines: Array.from({ length: 20 }, (_, i) => `+${i}`) },
    ]);
    expect(cut.truncated).toBe(true);
  });

  it('handles 400,000 lines with scattered edits', () => {
    const a = Array.from({ length: 400_000 }, (_, i) => `    "item-${i % 977}": ${i},`);
    const b = [...a];
    b[17] = 'changed near the head';
    b[399_990] = 'changed near the tail';
    b.splice(200_000, 0, 'inserted in the middle');
    const result = diffLines(a, b, opts);
    expect(result).toMatchObject({ added: 3, removed: 2, truncated: false });
    expect(result.hunks.map((h) => h.lines.filter((l) => l[0] !== ' '))).toEqual([
      ['-    "item-17": 17,', '+changed near the head'],
      ['+inserted in the middle'],
      [`-${a[399_990]}`, '+changed near the tail'],
    ]);
    expect(applyHunks(a, result.hunks)).toEqual(b);
  });

  it('aligns runs that cover every kept line once', () => {
    const alignment = alignLines(['a', 'b', 'c', 'd'], ['b', 'c', 'x', 'd']);
    expect(alignment).toEqual({
      runs: [
        { oldIndex: 1, newIndex: 0, length: 2 },
        { oldIndex: 3, newIndex: 3, length: 1 },
      ],
      coarse: false,
      added: 1,
      removed: 1,
    });
  });
});

describe('splitLines', () => {
  it('keeps each terminator and marks a missing final newline', () => {
    expect(splitLines('a\r\nb\nc\rd')).toEqual({ lines: ['a', 'b', 'c', 'd'], endings: ['\r\n', '\n', '\r', ''] });
    expect(splitLines('a\n\n')).toEqual({ lines: ['a', ''], endings: ['\n', '\n'] });
    expect(splitLines('')).toEqual({ lines: [], endings: [] });
  });

  it('property: joining lines with their endings gives the text back', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', '\r', '\n', 'é', ' ') }), (text) => {
        const { lines: ls, endings } = splitLines(text);
        expect(ls.map((l, i) => l + endings[i]).join('')).toBe(text);
      }),
    );
  });
});
