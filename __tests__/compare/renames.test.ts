/**
 * Renamed files (src/compare/renames.ts): a file with the same bytes under a new name is one
 * `renamed` file; bundle names that differ only in their hash are compared as one modified file;
 * anything ambiguous stays added and removed. Every side combination is exercised (two
 * directories, snapshot against directory, two snapshots), since each finds one-sided files its own way.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { classifyCauses } from '../../src/compare/causes.js';
import { compareSources, type CompareResult } from '../../src/compare/compare.js';
import { DEFAULT_COMPARATORS } from '../../src/compare/comparators/index.js';
import { isHashLike, pairRenames, parseStripHash, strippedName, type OneSided, type StripHash } from '../../src/compare/renames.js';
import { openSides } from '../../src/compare/sources.js';
import { renderMarkdown } from '../../src/report/markdown.js';
import { renderText } from '../../src/report/text.js';
import { captureSnapshot } from '../../src/snapshot/capture.js';
import type { FileEntry } from '../../src/snapshot/types.js';
import { parseJsonOutput, runVitsnap } from '../helpers/cli.js';
import { removeDir, tempDir } from '../helpers/toolchain.js';

const PINNED = new Date(Date.UTC(2026, 0, 1));
let work: string;

function write(root: string, files: Record<string, string>, mode = 0o644): void {
  for (const [path, content] of Object.entries(files)) {
    const abs = join(root, path);
    mkdirSync(join(abs, '..'), { recursive: true });
    writeFileSync(abs, content);
    chmodSync(abs, mode);
    utimesSync(abs, PINNED, PINNED);
  }
}

/**
 * A bundler's output, made by node the way webpack names `[name].[contenthash:8].js`: the name
 * carries the first 8 hex digits of the chunk's SHA-256, and index.html refers to it.
 */
const EMIT = `
const { createHash } = require('node:crypto');
const { mkdirSync, writeFileSync } = require('node:fs');
const [out, appSource] = process.argv.slice(1);
mkdirSync(out, { recursive: true });
const names = [];
for (const [name, source] of [['app', appSource], ['vendor', 'export const v = 1;\\n']]) {
  const file = name + '.' + createHash('sha256').update(source).digest('hex').slice(0, 8) + '.js';
  writeFileSync(out + '/' + file, source);
  names.push(file);
}
writeFileSync(out + '/index.html', names.map((n) => '<script src="' + n + '"></script>').join('\\n') + '\\n');
`;

function bundle(dir: string, appSource: string): void {
  execFileSync(process.execPath, ['-e', EMIT, join(work, dir), appSource]);
}

async function compare(before: string, after: string, stripHash?: StripHash): Promise<CompareResult> {
  const sides = await openSides(before, after, { cwd: work });
  try {
    return await compareSources(sides, { comparators: DEFAULT_COMPARATORS, classify: classifyCauses, ...(stripHash === undefined ? {} : { stripHash }) });
  } finally {
    await sides.close();
  }
}

async function snapshot(dir: string): Promise<string> {
  const output = join(work, `${dir}.vitsnap`);
  await captureSnapshot({ root: join(work, dir), patterns: [], output, metadata: null });
  return `${dir}.vitsnap`;
}

const shape = (r: CompareResult): string[] => r.root.children.map((d) => `${d.kind} ${d.from === undefined ? '' : `${d.from} → `}${d.path}`);

/** Every way to present two trees: two directories, a snapshot against a directory, two snapshots. */
async function everySide(a: string, b: string): Promise<[string, string][]> {
  return [
    [a, b],
    [await snapshot(a), b],
    [await snapshot(a), await snapshot(b)],
  ];
}

beforeAll(async () => {
  work = await tempDir('vitsnap-renames-');
  bundle('web-1', 'console.log("hello");\n');
  bundle('web-2', 'console.log("hello, world");\n');
}, 60_000);

afterAll(async () => {
  await removeDir(work);
});

describe('hashed bundle names', () => {
  it('pairs app.<hash>.js across a content change and compares it as one modified file, on every kind of side', async () => {
    for (const [a, b] of await everySide('web-1', 'web-2')) {
      const r = await compare(a, b);
      const app = r.root.children.find((d) => d.path.startsWith('app.'));
      expect(app?.kind).toBe('modified');
      expect(app?.from).toMatch(/^app\.[0-9a-f]{8}\.js$/);
      expect(app?.from).not.toBe(app?.path);
      expect(app?.summary).toMatch(/^renamed from app\.[0-9a-f]{8}\.js; /);
      // The content change is what the report shows, line by line.
      expect(JSON.stringify(app?.children)).toContain('hello, world');
      expect(r.counts).toMatchObject({ added: 0, removed: 0, modified: 2, renamed: 1 });
      expect(r.root.summary).toContain('1 renamed');
      expect(r.verdict).toBe('drift-unexplained');
    }
  });

  it('--strip-hash off lists the same change as one removed and one added file', async () => {
    const r = await compare('web-1', 'web-2', 'off');
    expect(r.counts).toMatchObject({ added: 1, removed: 1, modified: 1, renamed: 0 });
    expect(shape(r).filter((s) => s.startsWith('added') || s.startsWith('removed'))).toEqual([
      expect.stringMatching(/^(added|removed) app\.[0-9a-f]{8}\.js$/),
      expect.stringMatching(/^(added|removed) app\.[0-9a-f]{8}\.js$/),
    ]);
  });
});

describe('the same bytes under a new name', () => {
  beforeAll(() => {
    write(join(work, 'tmp-1'), { 'keep.txt': 'k\n', 'equivs.TyCgZ2/data.bin': 'payload\n', 'equivs.TyCgZ2/sub/more.bin': 'more\n', 'notes/report.txt': 'report\n', 'notes/other.txt': 'o\n' });
    write(join(work, 'tmp-2'), { 'keep.txt': 'k\n', 'equivs.b0DMbr/data.bin': 'payload\n', 'equivs.b0DMbr/sub/more.bin': 'more\n', 'docs/report.txt': 'report\n', 'notes/other.txt': 'o\n' });
  });

  it('is one renamed file, or one renamed directory: a mktemp directory is a build path, an ordinary move is unexplained', async () => {
    for (const [a, b] of await everySide('tmp-1', 'tmp-2')) {
      const r = await compare(a, b);
      expect(shape(r)).toEqual(['added docs', 'renamed notes/report.txt → docs/report.txt', 'renamed equivs.TyCgZ2 → equivs.b0DMbr']);
      expect(r.counts).toMatchObject({ added: 1, removed: 0, modified: 0, renamed: 2 });
      const tmp = r.root.children.find((d) => d.path === 'equivs.b0DMbr');
      expect(tmp?.summary).toBe('renamed from equivs.TyCgZ2 (a directory of 2 files, same content)');
      expect(tmp?.causes).toEqual([expect.objectContaining({ id: 'build-path', evidence: expect.stringContaining('TyCgZ2 → b0DMbr'), hint: expect.stringContaining('mktemp') })]);
      const moved = r.root.children.find((d) => d.path === 'docs/report.txt');
      expect(moved?.causes.map((c) => c.id)).toEqual(['content']);
      expect(moved?.summary).toBe('renamed from notes/report.txt (same 7 bytes)');
      expect(r.verdict).toBe('drift-unexplained');
    }
  });

  it('keeps a directory whose files went to several places as its files', async () => {
    write(join(work, 'split-1'), { 'out.Ab3dE5/a.bin': 'a\n', 'out.Ab3dE5/b.bin': 'b\n' });
    write(join(work, 'split-2'), { 'out.Zz9yY8/a.bin': 'a\n', 'elsewhere/b.bin': 'b\n' });
    const r = await compare('split-1', 'split-2');
    expect(shape(r)).toEqual(['added elsewhere', 'renamed out.Ab3dE5/b.bin → elsewhere/b.bin', 'removed out.Ab3dE5', 'added out.Zz9yY8', 'renamed out.Ab3dE5/a.bin → out.Zz9yY8/a.bin']);
  });

  it('shows a mode change of a renamed file as its own difference', async () => {
    write(join(work, 'mode-1'), { 'run.abc12345.sh': 'echo hi\n' });
    write(join(work, 'mode-2'), { 'run.def67890.sh': 'echo hi\n' }, 0o755);
    const r = await compare('mode-1', 'mode-2');
    expect(shape(r)).toEqual(['renamed run.abc12345.sh → run.def67890.sh', 'mode run.def67890.sh']);
    expect(r.counts).toMatchObject({ renamed: 1, changed: 1 });
    // A hash in a file name over the same bytes hashes something else: said, but not a cause.
    expect(r.root.children[0]?.causes).toEqual([
      expect.objectContaining({ id: 'content', evidence: 'only the hash in the name differs (abc12345 → def67890), over the same bytes: the name hashes more than this file\'s content' }),
    ]);
  });

  it('--ignore build-paths accepts a renamed temporary directory', async () => {
    const sides = await openSides('tmp-1', 'tmp-2', { cwd: work });
    try {
      const r = await compareSources(sides, { comparators: DEFAULT_COMPARATORS, classify: classifyCauses, ignore: ['build-paths'] });
      expect(r.root.children.filter((d) => d.ignored === true).map((d) => d.path)).toEqual(['equivs.b0DMbr']);
    } finally {
      await sides.close();
    }
  });

  it('presents the pair in the text and Markdown reports', async () => {
    const r = await compare('tmp-1', 'tmp-2');
    const text = renderText(r, { colour: false, maxLines: 100 });
    expect(text).toMatch(/^R equivs\.b0DMbr {2}renamed from equivs\.TyCgZ2 \(a directory of 2 files, same content\)/m);
    expect(text).toContain('R renamed, same content');
    expect(text).toContain('2 renamed');
    expect(renderMarkdown(r, { limit: 65_536 })).toContain('| 🔀 | <code>equivs.b0DMbr</code> | renamed from equivs.TyCgZ2');
  });
});

describe('what stays added and removed', () => {
  it('leaves ambiguous, empty and merely similar files alone', async () => {
    write(join(work, 'amb-1'), {
      'one.txt': 'same\n',
      'two.txt': 'same\n',
      'a.empty': '',
      'lib-linux64.so': 'sixty-four\n',
      'chunk.1a2b3c4d.js': 'x1\n',
      'chunk.5e6f7a8b.js': 'x2\n',
    });
    write(join(work, 'amb-2'), {
      'three.txt': 'same\n',
      'four.txt': 'same\n',
      'b.empty': '',
      'lib-linux32.so': 'thirty-two\n',
      'chunk.9c0d1e2f.js': 'x3\n',
    });
    const r = await compare('amb-1', 'amb-2');
    expect(r.counts).toMatchObject({ added: 5, removed: 6, renamed: 0, modified: 0 });
  });
});

describe('vitsnap diff --strip-hash', () => {
  interface Report {
    counts: { added: number; removed: number; renamed: number };
    differences: { kind: string; path: string; from?: string }[];
  }

  it('takes a pattern for names the built-in rule does not know, and off; a bad pattern is a usage error', async () => {
    // Five base-36 characters: too short to be sure of by default.
    write(join(work, 'cli-1'), { 'main.ab12c.js': 'one();\n' });
    write(join(work, 'cli-2'), { 'main.x9y8z.js': 'two();\n' });
    const plain = await runVitsnap(['diff', 'cli-1', 'cli-2', '--json'], { cwd: work });
    expect(plain.code).toBe(1);
    expect((parseJsonOutput(plain) as Report).counts).toMatchObject({ added: 1, removed: 1, renamed: 0 });
    const paired = await runVitsnap(['diff', 'cli-1', 'cli-2', '--json', '--strip-hash', '\\.([0-9a-z]{5})\\.'], { cwd: work });
    expect(paired.code).toBe(1);
    const report = parseJsonOutput(paired) as Report;
    expect(report.counts).toMatchObject({ added: 0, removed: 0, renamed: 1 });
    expect(report.differences).toEqual([expect.objectContaining({ kind: 'modified', path: 'main.x9y8z.js', from: 'main.ab12c.js' })]);
    const text = await runVitsnap(['diff', 'web-1', 'web-2', '--strip-hash', 'off'], { cwd: work });
    expect(text.stdout).toMatch(/1 modified, 1 added, 1 removed/);
    const bad = await runVitsnap(['diff', 'cli-1', 'cli-2', '--strip-hash', '('], { cwd: work });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--strip-hash: not a regular expression/);
  });
});

describe('the rules', () => {
  it.each([
    ['3f9a1c', true],
    ['deadbeef', false], // hex without a digit reads as a word
    ['BWz3x9q1', true],
    ['TyCgZ2', true],
    ['linux64', false],
    ['v2', false],
    ['index', false],
    ['20260101', true], // a date is hex-like too: stripped for pairing, and a name with it is still drift
  ])('isHashLike(%s) is %s', (part, expected) => {
    expect(isHashLike(part)).toBe(expected);
  });

  it('strips hashes per path part, or what a pattern (or its groups) matches', () => {
    expect(strippedName('static/js/main.3f9a1c2b.chunk.js', 'default')).toBe('static/js/main.*.chunk.js');
    expect(strippedName('assets/index-BWz3x9q1.js', 'default')).toBe('assets/index-*.js');
    expect(strippedName('main.ab12c.js', parseStripHash('\\.[0-9a-z]{5}\\.', 'x'))).toBe('mainjs');
    expect(strippedName('main.ab12c.js', parseStripHash('\\.([0-9a-z]{5})\\.', 'x'))).toBe('main..js');
    expect(parseStripHash('off', 'x')).toBe('off');
    expect(() => parseStripHash('(', '--strip-hash')).toThrow(/^--strip-hash: not a regular expression .*; pass a pattern such as/);
  });

  it('hashes only one-sided files whose size the other side shares', () => {
    const file = (path: string, size: number): FileEntry => ({ type: 'file', path, mode: 0o644, size, sha256: '', class: 'binary' });
    const files: OneSided[] = [
      { side: 'before', entry: file('a.bin', 10) },
      { side: 'after', entry: file('b.bin', 10) },
      { side: 'after', entry: file('c.bin', 11) },
      { side: 'before', entry: file('d.bin', 12) },
    ];
    const asked: string[] = [];
    const pairs = pairRenames(files, 'default', (f) => {
      asked.push(f.entry.path);
      return 'same';
    });
    expect(asked.sort()).toEqual(['a.bin', 'b.bin']);
    expect(pairs).toEqual([{ before: files[0]?.entry, after: files[1]?.entry, by: 'content', same: true }]);
  });
});
