/**
 * The text report: hostile names are shown escaped (one line each, no terminal control), causes
 * and fixes come first and survive the line cut, counts read as English, the verdict is said once.
 */
import { describe, expect, it } from '@jest/globals';
import type { CompareResult } from '../../src/compare/compare.js';
import type { Difference } from '../../src/compare/types.js';
import { renderText } from '../../src/report/text.js';
import { hostileResult } from '../helpers/hostile-result.js';

function drift(n: number): CompareResult {
  const children: Difference[] = Array.from({ length: n }, (_, i) => ({
    path: `dist/chunk-${String(i).padStart(4, '0')}.js`,
    kind: 'modified',
    summary: '1 line changed',
    causes: [{ id: i === 0 ? 'content' : 'timestamp', evidence: 'dates differ', hint: i === 0 ? 'no known cause: inspect the differing bytes' : 'export SOURCE_DATE_EPOCH' }],
    children: [],
    detail: { type: 'lines', truncated: false, hunks: [{ oldStart: 1, oldLines: 1, newStart: 1, newLines: 1, lines: ['-built 2026-01-01', '+built 2026-01-02'] }] },
  }));
  return {
    before: 'main.vitsnap',
    after: 'pr.vitsnap',
    root: { path: '', kind: 'modified', summary: '', causes: [], children },
    verdict: 'drift-unexplained',
    counts: { added: 0, removed: 0, modified: n, changed: 0, renamed: 0, ignored: 0 },
    metadata: [],
  };
}

describe('text report', () => {
  it('shows hostile names escaped: no forged lines, no ESC, no bidi override', () => {
    const text = renderText(hostileResult(), { colour: false, maxLines: 1000 });
    expect(text).not.toContain('\x1b');
    expect(text).not.toContain('\x07');
    expect(text).not.toContain('\u202e');
    const lines = text.split('\n');
    expect(lines.filter((l) => /^\s*verdict:/.test(l))).toEqual(['verdict: drift-unexplained — 3 modified, 1 added']);
    expect(lines).toContain('M evil\\nverdict: identical\\n.txt  1 line changed\\nverdict: identical\\n [content]');
    expect(lines).toContain('A term\\x1b[2J\\x1b[31mred.bin  added (file, 3 bytes)');
    expect(text).toContain('before: a\\nverdict: identical\\n, b\\u202egnp.exe');
    expect(text).toContain('x\\nverdict: identical\\n: \\x1b[2J → \\nverdict: identical\\n');
    expect(text).toContain('toolchain gcc\\x1b[2J: gcc 12\\x1b[2J → gcc 13\\nverdict: identical\\n');
    expect(text).toContain('vitsnap diff main\\x1b]0;pwned\\x07.vitsnap → pr\\u202e.vitsnap');
    expect(text).toContain('note: fell back\\x1b[2J');
  });

  it('colours only what it adds: the only ESC bytes are its own SGR codes', () => {
    const text = renderText(hostileResult(), { colour: true, maxLines: 1000 });
    expect(text.replace(/\x1b\[[0-9;]*m/g, '')).not.toContain('\x1b');
    expect(text).not.toContain('\x1b[2J');
  });

  it('puts causes with their fixes first, unexplained on top, and cuts only the details', () => {
    const text = renderText(drift(300), { colour: false, maxLines: 40 });
    const lines = text.split('\n');
    expect(lines.slice(0, 7)).toEqual([
      'vitsnap diff main.vitsnap → pr.vitsnap',
      'verdict: drift-unexplained — 300 modified',
      '',
      'causes and fixes:',
      '  unexplained  1 file     no known cause: inspect the differing bytes',
      '  timestamp    299 files  fix: export SOURCE_DATE_EPOCH',
      '',
    ]);
    expect(lines).toHaveLength(41);
    expect(lines[40]).toMatch(/^… \d+ more lines of details \(use --max-lines, --json or --html for everything\)$/);
    expect(lines).toContain('legend: M modified');
  });

  it('keeps the summary even when the cut leaves no room for details', () => {
    const text = renderText(drift(3), { colour: false, maxLines: 1 });
    expect(text).toContain('fix: export SOURCE_DATE_EPOCH');
    expect(text.split('\n').at(-1)).toBe('… 14 more lines of details (use --max-lines, --json or --html for everything)');
  });

  it('says identical once, and counts in English', () => {
    const identical: CompareResult = { ...drift(0), verdict: 'identical' };
    expect(renderText(identical, { colour: false, maxLines: 400 })).toBe('vitsnap diff main.vitsnap → pr.vitsnap\nverdict: identical');
    const one = renderText(drift(2), { colour: false, maxLines: 400 });
    expect(one).toContain('  unexplained  1 file  no known cause');
    expect(one).toContain('  timestamp    1 file  fix: export SOURCE_DATE_EPOCH');
    expect(one).not.toMatch(/\b1 files\b/);
  });
});
