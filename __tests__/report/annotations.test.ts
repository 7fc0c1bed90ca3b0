/** Annotation ranking: unexplained first, at most N per level, ignored never, the rest counted. */
import { describe, expect, it } from '@jest/globals';
import type { CompareResult } from '../../src/compare/compare.js';
import type { CauseId, Difference } from '../../src/compare/types.js';
import { rankAnnotations } from '../../src/report/annotations.js';

function diff(path: string, kind: Difference['kind'], causes: CauseId[], ignored = false): Difference {
  const d: Difference = { path, kind, summary: `${path} changed`, causes: causes.map((id) => ({ id, evidence: 'e', hint: `fix ${id}` })), children: [] };
  if (ignored) d.ignored = true;
  return d;
}

function result(children: Difference[]): CompareResult {
  return {
    before: 'a',
    after: 'b',
    root: { path: '', kind: 'modified', summary: '', causes: [], children },
    verdict: 'drift-unexplained',
    counts: { added: 0, removed: 0, modified: children.length, changed: 0, ignored: 0 },
    metadata: [],
  };
}

describe('annotations', () => {
  it('puts unexplained drift first as warnings, explained drift as notices, and skips ignored differences', () => {
    const r = result([diff('a.json', 'modified', ['timestamp']), diff('b.bin', 'modified', ['content']), diff('c.txt', 'added', []), diff('d.zip', 'modified', ['file-order'], true)]);
    const { shown, omitted } = rankAnnotations(r, 10);
    expect(shown.map((a) => [a.level, a.file])).toEqual([
      ['warning', 'b.bin'],
      ['warning', 'c.txt'],
      ['notice', 'a.json'],
    ]);
    expect(shown[2]?.message).toBe('a.json changed\nfix: fix timestamp');
    expect(omitted).toBe(0);
  });

  it('caps each level and counts what it left out', () => {
    const many = Array.from({ length: 25 }, (_, i) => diff(`u${i}`, 'modified', ['content'])).concat(Array.from({ length: 3 }, (_, i) => diff(`e${i}`, 'modified', ['timestamp'])));
    const { shown, omitted } = rankAnnotations(result(many), 10);
    expect(shown.filter((a) => a.level === 'warning')).toHaveLength(10);
    expect(shown.filter((a) => a.level === 'notice')).toHaveLength(3);
    expect(omitted).toBe(15);
  });
});
