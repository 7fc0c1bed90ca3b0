/**
 * Disassembly around changed code (issue #10 item 9): with binutils' objdump on PATH, a `.text`
 * difference shows the instructions of both sides around it, labelled with the tool; without
 * objdump the hexdump stays and the report says why.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_COMPARATORS } from '../../src/compare/comparators/index.js';
import { compareFile } from '../../src/compare/registry.js';
import { DEFAULT_LIMITS, type Difference } from '../../src/compare/types.js';
import { runVitsnap } from '../helpers/cli.js';
import { removeDir, runTool, tempDir } from '../helpers/toolchain.js';

let work: string;

async function build(dir: string, value: number): Promise<Buffer> {
  mkdirSync(join(work, dir), { recursive: true });
  writeFileSync(join(work, dir, 'calc.c'), `int calc(int x) { return x * ${value} + 7; }\n`);
  await runTool('gcc', ['-O1', '-c', '-o', 'calc.o', 'calc.c'], { cwd: join(work, dir) });
  return readFileSync(join(work, dir, 'calc.o'));
}

function find(d: Difference, path: string): Difference | undefined {
  if (d.path === path) return d;
  for (const c of d.children) {
    const hit = find(c, path);
    if (hit !== undefined) return hit;
  }
  return undefined;
}

beforeAll(async () => {
  work = await tempDir('vitsnap-disassembly-');
}, 30_000);

afterAll(async () => {
  await removeDir(work);
});

describe('changed code', () => {
  it('is disassembled by objdump around the change, on both sides', async () => {
    const node = compareFile('calc.o', await build('a', 3), await build('b', 5), DEFAULT_COMPARATORS, DEFAULT_LIMITS, 0);
    const text = find(node, 'calc.o:.text');
    expect(text?.detail?.type).toBe('bytes');
    if (text?.detail?.type !== 'bytes') return;
    expect(text.detail.disassembly?.tool).toBe('objdump -d');
    const window = text.detail.disassembly?.windows[0];
    // x*3 and x*5 are both computed with lea: the scale differs.
    expect(window?.before).toMatch(/^\s*[0-9a-f]+:\s+lea\s.*\(%rdi,%rdi,2\)/m);
    expect(window?.after).toMatch(/^\s*[0-9a-f]+:\s+lea\s.*\(%rdi,%rdi,4\)/m);
    // The window opens a few instructions before the change, so the change is in view.
    const changedAt = (text: string | undefined): number => (text ?? '').split('\n').findIndex((l) => /\(%rdi,%rdi,[24]\)/.test(l));
    expect(changedAt(window?.before)).toBeGreaterThanOrEqual(0);
    expect(changedAt(window?.before)).toBeLessThanOrEqual(3);
  });

  it('the text report labels it; without objdump on PATH it shows hex and says why', async () => {
    const shown = await runVitsnap(['diff', 'a/calc.o', 'b/calc.o', '--max-lines', '200'], { cwd: work });
    expect(shown.stdout).toContain('(objdump -d)');
    const bare = await runVitsnap(['diff', 'a/calc.o', 'b/calc.o', '--max-lines', '200'], { cwd: work, env: { PATH: join(work, 'no-tools') } });
    expect(bare.code).toBe(1);
    expect(bare.stdout).toContain('(no disassembly: objdump (binutils) is not on PATH; shown as hex)');
  });
});
