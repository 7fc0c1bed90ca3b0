import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { pycComparator } from '../../src/compare/comparators/pyc.js';
import { ComparatorFallback, DEFAULT_LIMITS, type CompareContext, type Difference } from '../../src/compare/types.js';
import { compilePython, mulberry32, removeDir, tempDir } from '../helpers/toolchain.js';

const ctx: CompareContext = {
  limits: DEFAULT_LIMITS,
  depth: 0,
  compareNested: () => {
    throw new Error('pyc never nests');
  },
};
const PATH = 'fixture_module.cpython.pyc';
const compare = (a: Buffer, b: Buffer): Difference[] => pycComparator.compare(PATH, a, b, ctx);
const paths = (children: Difference[]): string[] => children.map((c) => c.path);
const detailLines = (d: Difference | undefined): string[] => (d?.detail?.type === 'lines' ? d.detail.hunks.flatMap((h) => h.lines) : []);

function fallbackReason(a: Buffer, b: Buffer): string {
  try {
    compare(a, b);
  } catch (error) {
    if (error instanceof ComparatorFallback) return error.message;
    throw error;
  }
  throw new Error('expected a ComparatorFallback');
}

let root = '';
let counter = 0;
async function fresh(label: string): Promise<string> {
  counter += 1;
  const dir = join(root, `${counter}-${label}`);
  await mkdir(dir, { recursive: true });
  return dir;
}

beforeAll(async () => {
  root = await tempDir('vitsnap-pyc-');
});

afterAll(async () => {
  await removeDir(root);
});

const JAN_1_2020 = new Date('2020-01-01T00:00:00Z');
const JUN_1_2021 = new Date('2021-06-01T12:00:00Z');

describe('pyc comparator: py_compile fixtures', () => {
  it('finds only the source mtime in the header when the same source is compiled at two mtimes', async () => {
    const dir = await fresh('mtime');
    const before = await readFile(await compilePython(dir, { invalidationMode: 'timestamp', sourceMtime: JAN_1_2020 }));
    const after = await readFile(await compilePython(dir, { invalidationMode: 'timestamp', sourceMtime: JUN_1_2021 }));

    const children = compare(before, after);
    expect(paths(children)).toEqual([`${PATH}:source mtime`]);
    const [mtime] = children;
    expect(mtime?.kind).toBe('field');
    expect(mtime?.comparator).toBe('pyc');
    expect(mtime?.causes).toEqual([]);
    expect(mtime?.detail).toEqual({
      type: 'field',
      name: 'source mtime',
      before: '1577836800 (2020-01-01T00:00:00Z)',
      after: '1622548800 (2021-06-01T12:00:00Z)',
    });
    expect(mtime?.summary).toBe(
      'source mtime differs: 2020-01-01T00:00:00Z → 2021-06-01T12:00:00Z (header only: the code object is identical)',
    );
    expect(pycComparator.describe(PATH, children)).toBe('only the header differs (source mtime); the code object is identical');
  });

  it('reports nothing for the same compilation twice', async () => {
    const dir = await fresh('same');
    const before = await readFile(await compilePython(dir, { invalidationMode: 'timestamp', sourceMtime: JAN_1_2020 }));
    const after = await readFile(await compilePython(dir, { invalidationMode: 'timestamp', sourceMtime: JAN_1_2020 }));
    expect(compare(before, after)).toEqual([]);
  });

  it('shows the invalidation mode and hash versus mtime fields, with identical code', async () => {
    const dir = await fresh('modes');
    const before = await readFile(await compilePython(dir, { invalidationMode: 'timestamp', sourceMtime: JAN_1_2020 }));
    const after = await readFile(await compilePython(dir, { invalidationMode: 'checked-hash' }));
    const children = compare(before, after);
    expect(paths(children)).toEqual([`${PATH}:flags`, `${PATH}:source mtime`, `${PATH}:source size`, `${PATH}:source hash`]);
    expect(children[0]?.detail).toEqual({ type: 'field', name: 'flags', before: '0 (timestamp-based)', after: '3 (checked hash-based)' });
    expect(children[3]?.detail).toMatchObject({ before: '(none)', after: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect(pycComparator.describe(PATH, children)).toBe(
      'only the header differs (flags, source mtime, source size and 1 more); the code object is identical',
    );
  });

  it('names the changed string constant and the source hash when the source changes (hash-based)', async () => {
    const dir = await fresh('content');
    const source = (word: string): string => `GREETING = "hello ${word}"\n\ndef greet():\n    return GREETING\n`;
    const before = await readFile(await compilePython(dir, { invalidationMode: 'checked-hash', source: source('world') }));
    const after = await readFile(await compilePython(dir, { invalidationMode: 'checked-hash', source: source('there') }));
    const children = compare(before, after);
    expect(paths(children)).toEqual([`${PATH}:source hash`, `${PATH}:code object`]);
    const code = children[1] as Difference;
    expect(code.kind).toBe('modified');
    expect(paths(code.children)).toEqual([`${PATH}:code object:strings`]);
    expect(detailLines(code.children[0])).toEqual(['-hello world', '+hello there']);
    expect(code.summary).toMatch(/^code object differs \(\d+ of \d+ bytes differ in \d+ ranges?\): strings: 1 string removed, 1 added/);
  });

  it('shows co_filename when the same module is compiled in two directories', async () => {
    const one = await fresh('dir-one');
    const two = await fresh('dir-two');
    const before = await readFile(await compilePython(one, { invalidationMode: 'unchecked-hash' }));
    const after = await readFile(await compilePython(two, { invalidationMode: 'unchecked-hash' }));
    const children = compare(before, after);
    expect(paths(children)).toEqual([`${PATH}:code object`]);
    const filename = children[0]?.children[0];
    expect(filename?.path).toBe(`${PATH}:code object:co_filename`);
    expect(filename?.detail).toEqual({
      type: 'field',
      name: 'co_filename',
      before: join(one, 'fixture_module.py'),
      after: join(two, 'fixture_module.py'),
    });
  });
});

/** Compiles with one pyenv Python (2.7 or 3.x) and returns the .pyc; py_compile returns None on 2.7. */
async function compileWith(version: string, dir: string): Promise<Buffer | undefined> {
  const source = join(dir, 'fixture_module.py');
  await writeFile(source, 'NAMES = ["alpha", u"beta"]\n\ndef total(values):\n    return sum(values) + 1.5\n');
  const script = 'import py_compile, sys\nr = py_compile.compile(sys.argv[1], doraise=True)\nprint(r or sys.argv[1] + "c")\n';
  try {
    const { stdout } = await promisify(execFile)(version.startsWith('2') ? 'python2' : 'python3', ['-c', script, source], {
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', PYENV_VERSION: version, LC_ALL: 'C' },
    });
    return await readFile(stdout.trim());
  } catch {
    return undefined;
  }
}

describe('pyc comparator: every Python the machine has', () => {
  const versions = ['2.7.18', '3.6.15', '3.7.16', '3.8.18', '3.9.18', '3.10.13', '3.11.7', '3.12.1', '3.13.0'];

  it('walks each release\'s code layout and finds co_filename from two directories', async () => {
    const walked: string[] = [];
    for (const version of versions) {
      const before = await compileWith(version, await fresh(`py${version}-a`));
      const after = await compileWith(version, await fresh(`py${version}-b`));
      if (before === undefined || after === undefined) continue;
      const children = compare(before, after);
      const code = children.find((c) => c.path === `${PATH}:code object`);
      const filename = code?.children.find((c) => c.path.endsWith(':co_filename'));
      expect(filename?.detail).toMatchObject({ type: 'field', name: 'co_filename' });
      if (filename?.detail?.type === 'field') {
        expect(filename.detail.before).toMatch(/-a\/fixture_module\.py$/);
        expect(filename.detail.after).toMatch(/-b\/fixture_module\.py$/);
      }
      walked.push(version.split('.').slice(0, 2).join('.'));
    }
    // The interpreter the toolchain helpers use must be among them.
    expect(walked.length).toBeGreaterThan(0);
  });

  it('names both Python versions when the magic differs', async () => {
    const before = await compileWith('3.12.1', await fresh('magic-a'));
    const after = await compileWith('3.13.0', await fresh('magic-b'));
    if (before === undefined || after === undefined) return;
    const magic = compare(before, after).find((c) => c.path === `${PATH}:magic`);
    expect(magic?.detail).toEqual({ type: 'field', name: 'magic', before: '3531 (Python 3.12)', after: '3571 (Python 3.13)' });
  });
});

describe('pyc comparator: hostile input', () => {
  let real = Buffer.alloc(0);
  beforeAll(async () => {
    real = await readFile(await compilePython(await fresh('hostile'), { invalidationMode: 'timestamp', sourceMtime: JAN_1_2020 }));
  });

  it('recognises by magic, and by name only when the magic is followed by \\r\\n', () => {
    expect(pycComparator.recognizes('x.bin', real.subarray(0, 16))).toBe(true);
    expect(pycComparator.recognizes('notes.txt', Buffer.from('ab\r\nplain text'))).toBe(false);
    expect(pycComparator.recognizes('x.pyc', Buffer.from('not a pyc'))).toBe(false);
  });

  it('falls back with a reason on truncated files', () => {
    expect(fallbackReason(real.subarray(0, 10), real)).toBe('old file: pyc: PEP 552 header at offset 0x0 (16 bytes) runs past the end of the file (10 bytes)');
    expect(fallbackReason(real, real.subarray(0, real.length - 7))).toMatch(/^new file: pyc code object: .* runs past the end of the file/);
  });

  it('falls back on random bytes behind a valid magic', () => {
    const next = mulberry32(3);
    for (let i = 0; i < 200; i++) {
      const junk = Buffer.alloc(64 + (next() % 512));
      for (let j = 0; j < junk.length; j++) junk[j] = next() & 0xff;
      real.copy(junk, 0, 0, 4);
      // Half of them with a valid header, so the marshal walk itself meets the junk.
      if (i % 2 === 0) real.copy(junk, 0, 0, 16);
      expect(fallbackReason(junk, real)).toMatch(/^old file: pyc( code object)?: /);
    }
  });

  it('bounds nesting depth and element counts', () => {
    const header = real.subarray(0, 16);
    const code = Buffer.concat([Buffer.from([0xe3]), Buffer.alloc(20)]);
    const deep = Buffer.concat([header, code, Buffer.alloc(100_000, 0x5b /* '[' */).map((b, i) => (i % 5 === 0 ? b : i % 5 === 1 ? 1 : 0))]);
    expect(fallbackReason(deep, real)).toMatch(/objects nest deeper than 2000 levels/);
    const huge = Buffer.concat([header, code, Buffer.from([0x28, 0xff, 0xff, 0xff, 0xff])]);
    expect(fallbackReason(huge, real)).toMatch(/container at offset 0x25 claims 4294967295 elements/);
  });
});
