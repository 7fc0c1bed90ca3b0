#!/usr/bin/env node
// Regenerates docs/html-report.png (the README's picture of the HTML report) from the demo:
// run `npm run demo` first. Needs Debian's chromium at /usr/bin/chromium.
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = resolve(import.meta.dirname, '..');
const out = join(root, 'demo-out');
const html = join(out, 'report.html');
const r = spawnSync(process.execPath, [join(root, 'dist/cli/index.js'), 'diff', 'build-1.vitsnap', 'build-2.vitsnap', '--html', html, '--quiet'], { cwd: out, stdio: 'inherit' });
if (r.status !== 0 && r.status !== 1) process.exit(r.status ?? 2);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: 1100, height: 760 } });
await page.goto(pathToFileURL(html).href);
await page.locator('details[data-path="share/sample/build.json"] > summary').first().click();
await page.locator('details[data-path="bin/sample"] > summary').first().click();
await page.screenshot({ path: join(root, 'docs/html-report.png') });
await browser.close();
console.log('wrote docs/html-report.png');
