/**
 * Consequences of a length change (issue #10 item 1): gcc builds of one source, passed by absolute
 * path as CMake does, in two directories whose names differ in length. The string offsets in
 * .debug_info and .debug_line (in an object file: the addends of .rela.debug_*) change because the
 * strings moved; they must be labelled with the build-path change as secondary, and only what the
 * move does not account for may stay unexplained.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { classifyCauses } from '../../src/compare/causes.js';
import { compareSources, type CompareResult, type IgnoreProfile } from '../../src/compare/compare.js';
import { DEFAULT_COMPARATORS } from '../../src/compare/comparators/index.js';
import { openSides } from '../../src/compare/sources.js';
import type { Difference } from '../../src/compare/types.js';
import { removeDir, runTool, tempDir } from '../helpers/toolchain.js';

const SOURCE = '#include <stdio.h>\nstatic int counter = 3;\nint main(void) { printf("%d\\n", counter); return 0; }\n';
let work: string;

/** Builds `hello` (linked) and `hello.o` from `<dir>/src/hello.c`, named by its absolute path, into `<dir>/out`. */
async function build(dir: string, flags: string[], source = SOURCE, twoUnits = false): Promise<void> {
  const root = join(work, dir);
  mkdirSync(join(root, 'src'), { recursive: true });
  mkdirSync(join(root, 'out'), { recursive: true });
  const file = join(root, 'src', 'hello.c');
  writeFileSync(file, source);
  // A second compilation unit: its DW_AT_stmt_list points past the first unit's line table.
  const second = join(root, 'src', 'twice.c');
  writeFileSync(second, 'int twice(int x) { return 2 * x; }\n');
  const units = twoUnits ? [file, second] : [file];
  await runTool('gcc', ['-g', '-O0', ...flags, '-o', join(root, 'out', 'hello'), ...units], { cwd: join(root, 'src') });
  await runTool('gcc', ['-g', '-O0', ...flags, '-c', '-o', join(root, 'out', 'hello.o'), file], { cwd: join(root, 'src') });
}

async function compare(a: string, b: string, ignore: IgnoreProfile[] = []): Promise<CompareResult> {
  const sides = await openSides(join(a, 'out'), join(b, 'out'), { cwd: work });
  try {
    return await compareSources(sides, { comparators: DEFAULT_COMPARATORS, classify: classifyCauses, ignore });
  } finally {
    await sides.close();
  }
}

function section(r: CompareResult, file: string, name: string): Difference | undefined {
  return r.root.children.find((f) => f.path === file)?.children.find((s) => s.path === `${file}:${name}`);
}

const causeIds = (d: Difference | undefined): string[] => (d?.causes ?? []).map((c) => `${c.id}${c.secondary === true ? '*' : ''}`);

beforeAll(async () => {
  work = await tempDir('vitsnap-dwarf-');
  await Promise.all([
    build('a', []),
    build('longer-directory', []),
    build('gz-a', ['-gz']),
    build('gz-longer-directory', ['-gz']),
    build('renamed-var', [], SOURCE.replaceAll('counter', 'counter_with_a_longer_name')),
    build('v4-a', ['-gdwarf-4']),
    build('v4-longer-directory', ['-gdwarf-4']),
    build('v4-two-a', ['-gdwarf-4'], SOURCE, true),
    build('v4-two-longer-directory', ['-gdwarf-4'], SOURCE, true),
  ]);
}, 120_000);

afterAll(async () => {
  await removeDir(work);
});

describe('string offsets that moved with a build path', () => {
  it('linked: .debug_info and .debug_line follow from the .debug_line_str change (build-path, secondary)', async () => {
    const r = await compare('a', 'longer-directory');
    const info = section(r, 'hello', '.debug_info');
    const line = section(r, 'hello', '.debug_line');
    expect(causeIds(info)).toEqual(['build-path*']);
    expect(causeIds(line)).toEqual(['build-path*']);
    expect(info?.causes[0]?.evidence).toMatch(/^\d+ offsets? into \.debug_line_str changed as the strings moved: \d+ still point at the same string/);
    expect(causeIds(section(r, 'hello', '.debug_line_str'))).toEqual(['build-path']);
    // The string pairs line up by likeness, so the evidence and the hint name the directory.
    expect(section(r, 'hello', '.debug_line_str')?.summary).toMatch(/\(e\.g\. "[^"]*\/a(\/src(?:\/hello\.c)?)" → "[^"]*\/longer-directory\1"\)$/);
    expect(r.root.children.find((f) => f.path === 'hello')?.causes[0]?.hint).toMatch(/^-ffile-prefix-map=\S*\/a=\. /);
  });

  it('object file: the addends of .rela.debug_info and .rela.debug_line follow too', async () => {
    const r = await compare('a', 'longer-directory');
    expect(causeIds(section(r, 'hello.o', '.rela.debug_info'))).toEqual(['build-path*']);
    expect(causeIds(section(r, 'hello.o', '.rela.debug_line'))).toEqual(['build-path*']);
    expect(r.root.children.find((f) => f.path === 'hello.o')?.causes.map((c) => c.id)).not.toContain('content');
  });

  it('--ignore build-paths,build-id: identical, with every difference listed as ignored', async () => {
    const r = await compare('a', 'longer-directory', ['build-paths', 'build-id']);
    expect(r.verdict).toBe('identical');
    expect(r.counts).toMatchObject({ modified: 2, ignored: 2 });
    expect(r.root.children.every((f) => f.ignored === true)).toBe(true);
  });

  it('compressed debug sections (gcc -gz) are compared decompressed, with the same result', async () => {
    const r = await compare('gz-a', 'gz-longer-directory', ['build-paths', 'build-id']);
    expect(r.verdict).toBe('identical');
    expect(causeIds(section(r, 'hello', '.debug_info'))).toEqual(['build-path*']);
    expect(section(r, 'hello', '.debug_info')?.summary).toContain('decompressed');
  });

  it('offsets that moved because a name in the code changed stay unexplained with it', async () => {
    const r = await compare('a', 'renamed-var', ['build-paths', 'build-id']);
    expect(r.verdict).toBe('drift-unexplained');
    expect(causeIds(section(r, 'hello', '.debug_str'))).toEqual(['content']);
    expect(causeIds(section(r, 'hello', '.debug_info'))).toContain('content');
  });

  it('DWARF 4 line tables: the names inline in their headers differ, the programs only moved', async () => {
    const r = await compare('v4-a', 'v4-longer-directory');
    const line = section(r, 'hello', '.debug_line');
    expect(line?.summary).toMatch(/^\.debug_line: 1 name in the line table headers differs \(e\.g\. "[^"]*\/v4-a\/src" → "[^"]*\/v4-longer-directory\/src"\); the line programs are the same, only moved$/);
    expect(causeIds(line)).toEqual(['build-path']);
    expect(causeIds(section(r, 'hello', '.debug_info'))).toEqual(['build-path*']);
    // In the object file the relocations that patch the line program moved with it.
    const rela = section(r, 'hello.o', '.rela.debug_line');
    expect(rela?.consequence).toEqual({
      of: 'relocation offsets into .debug_line',
      evidence: '1 relocation of .rela.debug_line moved with the line program it patches: the header before it changed length',
      from: ['hello.o:.debug_line'],
    });
    expect(causeIds(rela)).toEqual(['build-path*']);
    expect((await compare('v4-a', 'v4-longer-directory', ['build-paths', 'build-id'])).verdict).toBe('identical');
  });

  it('DWARF 4, two compilation units: the second unit\'s DW_AT_stmt_list moved with the first line table', async () => {
    const r = await compare('v4-two-a', 'v4-two-longer-directory');
    const info = section(r, 'hello', '.debug_info');
    expect(info?.consequence?.of).toBe('offsets into .debug_line and .debug_str');
    expect(info?.consequence?.evidence).toMatch(/; 1 still point at the same line table$/);
    expect(info?.consequence?.from).toEqual(['hello:.debug_line', 'hello:.debug_str']);
    expect(section(r, 'hello', '.debug_line')?.summary).toMatch(/^\.debug_line: 2 names in the line table headers differ/);
    expect((await compare('v4-two-a', 'v4-two-longer-directory', ['build-paths', 'build-id'])).verdict).toBe('identical');
  });
});
