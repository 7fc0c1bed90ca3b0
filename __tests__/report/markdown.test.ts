import { describe, expect, it } from '@jest/globals';
import type { CompareResult } from '../../src/compare/compare.js';
import type { Difference } from '../../src/compare/types.js';
import { COMMENT_LIMIT, SUMMARY_LIMIT, renderMarkdown } from '../../src/report/markdown.js';
import { HOSTILE_PATHS, hostileResult } from '../helpers/hostile-result.js';

function drift(n: number, dir = 'dist'): CompareResult {
  const children: Difference[] = Array.from({ length: n }, (_, i) => ({
    path: `${dir}/chunk-${String(i).padStart(5, '0')}|odd\`name.js`,
    kind: 'modified',
    summary: `build stamp changed: "2026-01-01T00:00:${i % 60}Z" → "2026-01-02T00:00:00Z" | with a pipe\nand a newline`,
    causes: [],
    children: [
      {
        path: `dist/chunk-${i}.js#/built`,
        kind: 'field',
        summary: 'built changed',
        causes: [{ id: i % 7 === 0 ? 'content' : 'timestamp', evidence: 'dates differ', hint: 'set SOURCE_DATE_EPOCH for the bundler' }],
        children: [],
      },
    ],
  }));
  return {
    before: 'main.vitsnap',
    after: 'pr.vitsnap',
    root: { path: '', kind: 'modified', summary: `${n} modified`, causes: [], children },
    verdict: 'drift-unexplained',
    counts: { added: 0, removed: 0, modified: n, changed: 0, renamed: 0, ignored: 0 },
    metadata: [{ area: 'toolchain', name: 'node', before: 'v24.1.0', after: 'v24.2.0' }],
  };
}

/** Well-formed for our purposes: every table line has the header's column count, fences balance. */
function checkWellFormed(md: string): void {
  const lines = md.split('\n');
  let columns = 0;
  for (const line of lines) {
    if (line.startsWith('|')) {
      const cells = line.replace(/\\\|/g, '').split('|').length;
      if (columns === 0) columns = cells;
      expect(cells).toBe(columns);
    } else {
      columns = 0;
    }
  }
  expect((md.match(/^```/gm) ?? []).length % 2).toBe(0);
}

describe('markdown budgets', () => {
  it('keeps a 10,000-file drift within the PR comment limit, well-formed, with a truncation note', () => {
    const md = renderMarkdown(drift(10_000), { limit: COMMENT_LIMIT, header: '<!-- vitsnap:snapshot -->', fullReportUrl: 'https://example.invalid/r' });
    expect(md.length).toBeLessThanOrEqual(COMMENT_LIMIT);
    expect(md.startsWith('<!-- vitsnap:snapshot -->')).toBe(true);
    expect(md).toMatch(/_\d+ more differences not shown here: see the \[full report\]\(https:\/\/example\.invalid\/r\)\._/);
    expect(md).toContain('**Build environment changes**');
    checkWellFormed(md);
  });

  it('keeps the same drift within the job summary limit and shows more of it', () => {
    const comment = renderMarkdown(drift(10_000), { limit: COMMENT_LIMIT });
    const summary = renderMarkdown(drift(10_000), { limit: SUMMARY_LIMIT });
    expect(summary.length).toBeLessThanOrEqual(SUMMARY_LIMIT);
    expect(summary.split('\n').length).toBeGreaterThan(comment.split('\n').length * 5);
    checkWellFormed(summary);
  });

  it('budgets the job summary in UTF-8 bytes, as the runner measures its file', () => {
    // Accented, CJK and emoji paths: 2 to 4 bytes a character, so a character budget would overflow 1 MiB.
    const wide = drift(12_000, 'données/构建/📦');
    const summary = renderMarkdown(wide, { limit: SUMMARY_LIMIT, unit: 'bytes', fullReportUrl: 'https://example.invalid/r' });
    expect(Buffer.byteLength(summary, 'utf8')).toBeLessThanOrEqual(SUMMARY_LIMIT);
    expect(Buffer.byteLength(summary, 'utf8')).toBeGreaterThan(SUMMARY_LIMIT * 0.9);
    expect(SUMMARY_LIMIT).toBeLessThan(1024 * 1024);
    expect(summary).toMatch(/_\d+ more differences not shown here/);
    checkWellFormed(summary);
    // Counting characters instead lets the same document grow past the runner's byte limit.
    const byChars = renderMarkdown(wide, { limit: SUMMARY_LIMIT, fullReportUrl: 'https://example.invalid/r' });
    expect(Buffer.byteLength(byChars, 'utf8')).toBeGreaterThan(SUMMARY_LIMIT);
  });

  it('lists everything, with causes and fixes, when it fits', () => {
    const md = renderMarkdown(drift(3), { limit: COMMENT_LIMIT });
    expect(md).not.toContain('more differences not shown');
    expect(md).toContain('**unexplained**');
    expect(md).toContain('| timestamp | set SOURCE_DATE_EPOCH for the bundler |');
    expect(md).toContain('❌ **Drift, unexplained**');
    checkWellFormed(md);
  });
});

describe('markdown from hostile names', () => {
  const md = renderMarkdown(hostileResult(), { limit: COMMENT_LIMIT });
  const lines = md.split('\n');

  it('keeps every name on its row: newlines, ESC and bidi overrides shown as escapes', () => {
    expect(md).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069]/);
    expect(lines.filter((l) => /^\s*verdict:/.test(l))).toEqual([]);
    // 4 differences and 2 environment changes, each one table row.
    expect(lines.filter((l) => l.startsWith('| ') && !l.startsWith('| ---') && !l.startsWith('| |') && !l.startsWith('| area'))).toHaveLength(6);
    expect(md).toContain('<code>evil\\\\nverdict: identical\\\\n.txt</code>');
    expect(md).toContain('<code>term\\\\x1b\\[2J\\\\x1b\\[31mred.bin</code>');
    checkWellFormed(md);
  });

  it('leaves no HTML, link, image, code span or mention active in a name or a summary', () => {
    // Every `<` is escaped or one of our <code> tags; every backtick, `[` and `!` is escaped.
    expect(md.replace(/<\/?code>/g, '')).not.toMatch(/(?<!\\)</);
    expect(md).not.toMatch(/(?<!\\)[`[!]/);
    expect(md).not.toMatch(/(?<!<code>[^\n]*)@octocat/);
    expect(md).toContain('@\u2060octocat \\*\\*bold\\*\\*');
    const row = lines.find((l) => l.includes('onerror'));
    expect(row).toBe(
      '| ✏️ | <code>\\<img src=x onerror=alert(1)\\>\\|\\`a\\`\\|\\[link\\](http://evil.invalid)\\\\\\|@octocat</code> ' +
        '| @\u2060octocat \\*\\*bold\\*\\* \\<b\\>x\\</b\\> \\!\\[i\\](http://evil.invalid/p.png) | timestamp | set SOURCE_DATE_EPOCH |',
    );
    expect(HOSTILE_PATHS.markup).toContain('\\|');
  });
});
