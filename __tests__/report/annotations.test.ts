/** Annotation ranking: unexplained first, at most N per level, ignored never, the rest counted. */
import * as core from '@actions/core';
import { describe, expect, it, jest } from '@jest/globals';
import type { CompareResult } from '../../src/compare/compare.js';
import type { CauseId, Difference } from '../../src/compare/types.js';
import { rankAnnotations } from '../../src/report/annotations.js';
import { HOSTILE_PATHS, hostileResult } from '../helpers/hostile-result.js';

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
    counts: { added: 0, removed: 0, modified: children.length, changed: 0, renamed: 0, ignored: 0 },
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

describe('annotations from hostile names', () => {
  it('escape control characters in titles and messages, and point only at files whose names need no escaping', () => {
    const { shown } = rankAnnotations(hostileResult(), 10);
    for (const a of shown) expect(`${a.title}${a.message}${a.file ?? ''}`).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f\u202e]/);
    const newline = shown.find((a) => a.message.startsWith('evil'));
    expect(newline).toEqual({ level: 'warning', title: 'vitsnap: unexplained drift (modified)', message: 'evil\\nverdict: identical\\n.txt: 1 line changed\\nverdict: identical\\n' });
    expect(shown.find((a) => a.message.startsWith('term'))?.message).toBe('term\\x1b[2J\\x1b[31mred.bin: added (file, 3 bytes)');
    expect(shown.find((a) => a.file === HOSTILE_PATHS.archive)?.message).toBe('member order changed\nfix: sort the entries');
  });

  it('reach the runner as one workflow command line each, with no raw ESC', () => {
    const written: string[] = [];
    const spy = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    try {
      for (const a of rankAnnotations(hostileResult(), 10).shown) (a.level === 'warning' ? core.warning : core.notice)(a.message, { title: a.title, file: a.file });
    } finally {
      spy.mockRestore();
    }
    const out = written.join('');
    expect(out).not.toContain('\x1b');
    expect(out.trimEnd().split('\n').every((line) => /^::(warning|notice) /.test(line))).toBe(true);
    expect(out).toContain('::notice title=vitsnap%3A drift from file-order%2C timestamp,file=dist/app.zip::member order changed%0Afix: sort the entries');
  });
});
