import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import type { CompareResult } from '../../src/compare/compare.js';
import { renderHtml } from '../../src/report/html.js';
import { MARKS } from '../../src/report/marks.js';
import { hostileResult } from '../helpers/hostile-result.js';

const CHROMIUM = '/usr/bin/chromium';
const work = mkdtempSync(join(tmpdir(), 'vitsnap-html-'));
let browser: Browser;

const result: CompareResult = {
  before: 'build-1.vitsnap',
  after: 'build-2.vitsnap',
  verdict: 'drift-unexplained',
  counts: { added: 1, removed: 0, modified: 2, changed: 0, renamed: 0, ignored: 0 },
  metadata: [{ area: 'toolchain', name: 'gcc', before: 'gcc 12.2.0', after: 'gcc 13.1.0' }],
  root: {
    path: '',
    kind: 'modified',
    summary: '',
    causes: [],
    children: [
      {
        path: 'share/build.json',
        kind: 'modified',
        comparator: 'json',
        summary: '1 value changed',
        causes: [{ id: 'timestamp', evidence: '"2026-01-01" vs "2026-01-02"', hint: 'set SOURCE_DATE_EPOCH' }],
        children: [],
        detail: { type: 'json', changes: [{ pointer: '/built', op: 'replace', before: '"2026-01-01"', after: '"2026-01-02"' }], truncated: false },
      },
      {
        path: 'src/notes.txt',
        kind: 'modified',
        comparator: 'text',
        summary: '1 line changed',
        causes: [{ id: 'content', evidence: 'no known cause', hint: '' }],
        children: [],
        detail: { type: 'lines', truncated: false, hunks: [{ oldStart: 1, oldLines: 2, newStart: 1, newLines: 2, lines: [' keep <me>', '-old line', '+new line'] }] },
      },
      { path: 'added.bin', kind: 'added', summary: 'added (file, 3 bytes)', causes: [], children: [] },
    ],
  },
};

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: install Debian's chromium (.ci/run does)`);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, 60_000);
afterAll(async () => {
  await browser?.close();
  rmSync(work, { recursive: true, force: true });
});

describe('HTML report in a real browser', () => {
  it('renders the file list, expands a diff on click, and loads nothing from outside', async () => {
    const file = join(work, 'report.html');
    const html = renderHtml(result);
    writeFileSync(file, html);
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=/i);
    const page = await browser.newPage();
    const requests: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    await page.goto(pathToFileURL(file).href);
    expect(await page.locator('#verdict').textContent()).toBe('drift-unexplained');
    expect(await page.locator('#files > details').count()).toBe(3);
    expect(await page.locator('#files > details .path').allTextContents()).toEqual(['share/build.json', 'src/notes.txt', 'added.bin']);

    const text = page.locator('details[data-path="src/notes.txt"]');
    expect(await text.locator('table.sxs').isVisible()).toBe(false);
    await text.locator('summary').click();
    expect(await text.locator('table.sxs').isVisible()).toBe(true);
    expect(await text.locator('td.del').first().textContent()).toBe('old line');
    expect(await text.locator('td.add').first().textContent()).toBe('new line');
    expect(await text.locator('table.sxs').textContent()).toContain('keep <me>');

    await page.locator('details[data-path="share/build.json"] summary').click();
    expect(await page.locator('details[data-path="share/build.json"] .hint').textContent()).toBe('fix: set SOURCE_DATE_EPOCH');

    mkdirSync('test-results', { recursive: true });
    await page.screenshot({ path: 'test-results/html-report.png', fullPage: true });
    expect(requests.every((u) => u.startsWith('file:'))).toBe(true);
    await page.close();
  });

  it('opens with causes and fixes, explains its letters, and expands or collapses every file at once', async () => {
    const file = join(work, 'report-tools.html');
    writeFileSync(file, renderHtml(result));
    const page = await browser.newPage();
    await page.goto(pathToFileURL(file).href);
    // The cause summary comes before the file list, unexplained first.
    expect(await page.locator('h2').allTextContents()).toEqual(['Causes and fixes', 'Build environment changes', 'Files']);
    expect(await page.locator('#causes tr td:first-child').allTextContents()).toEqual(['unexplained', 'timestamp']);
    expect(await page.locator('#causes').textContent()).toContain('fix: set SOURCE_DATE_EPOCH');
    expect(await page.locator('#causes').textContent()).toContain('1 file');
    expect(await page.locator('#causes').textContent()).not.toContain('1 files');

    // The same letters as the text report, and a legend for them.
    expect(await page.locator('#files > details > summary > .kind').allTextContents()).toEqual([MARKS.modified.mark, MARKS.modified.mark, MARKS.added.mark]);
    expect(await page.locator('#legend').textContent()).toBe('A added · M modified');

    const total = await page.locator('#files details').count();
    expect(await page.locator('#files details[open]').count()).toBe(0);
    await page.locator('#expand-all').click();
    expect(await page.locator('#files details[open]').count()).toBe(total);
    expect(await page.locator('details[data-path="src/notes.txt"] table.sxs').isVisible()).toBe(true);
    // Line numbers never wrap, however narrow the window.
    await page.setViewportSize({ width: 320, height: 600 });
    expect(await page.evaluate("getComputedStyle(document.querySelector('td.ln')).whiteSpace")).toBe('nowrap');
    await page.locator('#collapse-all').click();
    expect(await page.locator('#files details[open]').count()).toBe(0);
    await page.close();
  });

  it('shows hostile names as escaped text: no tag, no ESC, no bidi override', async () => {
    const file = join(work, 'report-hostile.html');
    const html = renderHtml(hostileResult());
    writeFileSync(file, html);
    expect(html).not.toMatch(/[\x00-\x09\x0b-\x1f\x7f\u202a-\u202e\u2066-\u2069]/);
    const page = await browser.newPage();
    await page.goto(pathToFileURL(file).href);
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('script').count()).toBe(1);
    expect(await page.locator('b:has-text("x")').count()).toBe(0);
    expect(await page.locator('#files > details > summary .path').allTextContents()).toEqual([
      'evil\\nverdict: identical\\n.txt',
      'term\\x1b[2J\\x1b[31mred.bin',
      'dist/app.zip',
      '<img src=x onerror=alert(1)>|`a`|[link](http://evil.invalid)\\|@octocat',
    ]);
    expect(await page.title()).toBe('vitsnap: main\\x1b]0;pwned\\x07.vitsnap → pr\\u202e.vitsnap');
    await page.close();
  });
});
