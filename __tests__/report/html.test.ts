import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import type { CompareResult } from '../../src/compare/compare.js';
import { renderHtml } from '../../src/report/html.js';

const CHROMIUM = '/usr/bin/chromium';
const work = mkdtempSync(join(tmpdir(), 'vitsnap-html-'));
let browser: Browser;

const result: CompareResult = {
  before: 'build-1.vitsnap',
  after: 'build-2.vitsnap',
  verdict: 'drift-unexplained',
  counts: { added: 1, removed: 0, modified: 2, changed: 0, ignored: 0 },
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
});
