import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { isUtf8 } from 'node:buffer';
import { compareText, invalidUtf8Offset, textComparator } from '../../src/compare/comparators/text.js';
import { DEFAULT_LIMITS } from '../../src/compare/types.js';
import type { CompareContext, CompareLimits, Difference } from '../../src/compare/types.js';
import { removeDir, tempDir } from '../helpers/toolchain.js';

function context(limits: Partial<CompareLimits> = {}): CompareContext {
  return {
    limits: { ...DEFAULT_LIMITS, ...limits },
    depth: 0,
    compareNested: () => {
      throw new Error('text never nests');
    },
  };
}

function compare(before: Buffer | string, after: Buffer | string, limits: Partial<CompareLimits> = {}): Difference[] {
  return textComparator.compare('dist/app.js', Buffer.from(before), Buffer.from(after), context(limits));
}

function fallbackOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect((error as Error).name).toBe('ComparatorFallback');
    return (error as Error).message;
  }
  throw new Error('expected a ComparatorFallback');
}

/** A small JS bundle from `node -e`, stamped the way a careless build stamps it. */
const BUNDLE_SCRIPT = `
const fs = require('fs');
const modules = { add: 'return a + b;', mul: 'return a * b;', neg: 'return -a;' };
const body = Object.entries(modules).map(([name, code]) => '  function ' + name + '(a, b) {\\n    ' + code + '\\n  }').join('\\n');
fs.writeFileSync(process.argv[1], '/* app bundle */\\n(function () {\\n  var BUILD_TIME = "' + process.env.BUILD_TIME + '";\\n' + body + '\\n  module.exports = { add, mul, neg, BUILD_TIME };\\n})();\\n');
`;

let dir = '';
/** Real text: TypeScript's own lib.es5.d.ts (LF, a few thousand lines). */
let realText: Buffer;

beforeAll(async () => {
  dir = await tempDir('vitsnap-text-');
  realText = readFileSync(join(process.cwd(), 'node_modules/typescript/lib/lib.es5.d.ts'));
});

afterAll(async () => {
  await removeDir(dir);
});

function buildBundle(name: string, stamp: string): Buffer {
  const out = join(dir, name);
  execFileSync(process.execPath, ['-e', BUNDLE_SCRIPT, out], { env: { BUILD_TIME: stamp } });
  return readFileSync(out);
}

describe('textComparator.compare', () => {
  it('finds nothing in the same input', () => {
    const bundle = buildBundle('same.js', '2024-05-01T10:00:00Z');
    expect(compare(bundle, Buffer.from(bundle))).toEqual([]);
    expect(compare(realText, Buffer.from(realText))).toEqual([]);
  });

  it('shows the stamped line of a bundle built twice, with three lines of context', () => {
    const a = buildBundle('a.js', '2024-05-01T10:00:00Z');
    const b = buildBundle('b.js', '2024-05-02T11:30:00Z');
    expect(compare(a, b)).toEqual([
      {
        path: 'dist/app.js',
        kind: 'lines',
        comparator: 'text',
        summary: '2 lines changed (+1 −1)',
        detail: {
          type: 'lines',
          truncated: false,
          hunks: [
            {
              oldStart: 1,
              oldLines: 6,
              newStart: 1,
              newLines: 6,
              lines: [
                ' /* app bundle */',
                ' (function () {',
                '-  var BUILD_TIME = "2024-05-01T10:00:00Z";',
                '+  var BUILD_TIME = "2024-05-02T11:30:00Z";',
                '   function add(a, b) {',
                '     return a + b;',
                '   }',
              ],
            },
          ],
        },
        causes: [],
        children: [],
      },
    ]);
  });

  it('reports a CRLF conversion of real text as one line-endings field', () => {
    const lf = join(dir, 'lib.es5.d.ts');
    execFileSync('cp', [join(process.cwd(), 'node_modules/typescript/lib/lib.es5.d.ts'), lf]);
    const crlfPath = join(dir, 'lib.es5.crlf.d.ts');
    execFileSync('sh', ['-c', `sed -e 's/$/\\r/' "$1" > "$2"`, 'sh', lf, crlfPath]);
    const crlf = readFileSync(crlfPath);
    expect(crlf.length).toBe(realText.length + realText.toString('utf8').split('\n').length - 1);

    const diffs = compare(realText, crlf);
    expect(diffs).toEqual([
      {
        path: 'dist/app.js',
        kind: 'field',
        comparator: 'text',
        summary: 'line endings: LF → CRLF',
        detail: { type: 'field', name: 'line endings', before: 'LF', after: 'CRLF' },
        causes: [],
        children: [],
      },
    ]);
    expect(compare(crlf, realText).map((d) => d.summary)).toEqual(['line endings: CRLF → LF']);

    // A real edit on top of the conversion is still just that edit.
    const edited = Buffer.from(crlf.toString('utf8').replace('interface Array<T> {', 'interface Array<T> { // edited'));
    const both = compare(realText, edited);
    expect(both.map((d) => d.kind)).toEqual(['field', 'lines']);
    const hunk = both[1]?.detail?.type === 'lines' ? both[1].detail.hunks : [];
    expect(hunk).toHaveLength(1);
    expect(hunk[0]?.lines.filter((l) => l[0] !== ' ')).toEqual(['-interface Array<T> {', '+interface Array<T> { // edited']);
  });

  it('reports a BOM, the final newline and mixed endings as fields', () => {
    expect(compare('a\nb\n', '\ufeffa\nb\n').map((d) => [d.summary, d.detail])).toEqual([
      ['byte order mark added (UTF-8)', { type: 'field', name: 'byte order mark', before: 'none', after: 'UTF-8 BOM' }],
    ]);
    expect(compare('a\nb\n', 'a\nb').map((d) => d.summary)).toEqual(['final newline: present → missing']);
    expect(compare('x', 'x\n').map((d) => d.summary)).toEqual(['final newline: missing → present']);
    expect(compare('x', 'x\r\n').map((d) => d.summary)).toEqual(['final newline: missing → present (CRLF)']);
    expect(compare('a\r\nb\nc\n', 'a\nb\r\nc\n').map((d) => d.summary)).toEqual([
      'line endings: 2 lines changed terminator (first at line 1: CRLF → LF)',
    ]);
    expect(compare('a\r\nb\r\n', 'a\nb').map((d) => d.summary)).toEqual([
      'line endings: CRLF → LF',
      'final newline: present (CRLF) → missing',
    ]);
  });

  it('reads UTF-16 with a BOM and reports an encoding change as a field', () => {
    const text = 'héllo\nwörld\n';
    const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const utf16be = Buffer.from(utf16le);
    utf16be.swap16();
    expect(compare(text, utf16le).map((d) => d.summary)).toEqual(['encoding: UTF-8 → UTF-16LE']);
    expect(compare(utf16le, utf16be).map((d) => d.summary)).toEqual(['encoding: UTF-16LE → UTF-16BE']);
    const changed = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('héllo\nworld\n', 'utf16le')]);
    const diffs = compare(utf16le, changed);
    expect(diffs.map((d) => d.summary)).toEqual(['2 lines changed (+1 −1)']);
    expect(diffs[0]?.detail).toMatchObject({ hunks: [{ lines: [' héllo', '-wörld', '+world'] }] });
  });

  it('falls back with a reason on input that is not text', () => {
    const valid = Buffer.from('naïve café\n');
    // Broken UTF-8 (a valid sequence elsewhere in the file) is damage, not another encoding.
    expect(fallbackOf(() => compare(valid, Buffer.from([0xc3, 0xa9, 0x61, 0x62, 0xc3, 0x28, 0x0a])))).toBe(
      'new side is not valid UTF-8 (byte 0xc3 at offset 4) and does not read as 8-bit text',
    );
    // Truncated in the middle of "é": a file cut short by a failed write.
    const truncated = valid.subarray(0, valid.indexOf(0xa9));
    expect(fallbackOf(() => compare(truncated, valid))).toMatch(/^old side is not valid UTF-8 \(byte 0xc3 at offset \d+\) and does not read as 8-bit text$/);
    expect(fallbackOf(() => compare(valid, Buffer.from('a\0b')))).toBe('new side contains a NUL byte at offset 1');
    expect(fallbackOf(() => compare(Buffer.from([0xff, 0xfe, 0x61]), valid))).toBe('old side is not valid UTF-16LE: odd number of bytes');
    expect(fallbackOf(() => compare(Buffer.from([0xff, 0xfe, 0x00, 0xd8]), valid))).toBe('old side is not valid UTF-16LE (unpaired surrogate)');
  });

  it('falls back to bytes above maxTextLines', () => {
    const a = 'line\n'.repeat(101);
    expect(fallbackOf(() => compare(a, `${a}more\n`, { maxTextLines: 100 }))).toBe('more than 100 lines; comparing bytes');
    expect(compare('line\n'.repeat(99), 'line\n'.repeat(100), { maxTextLines: 100 })).toHaveLength(1);
  });

  it('shows a one-line minified bundle as a window around the change', () => {
    const filler = Array.from({ length: 2000 }, (_, i) => `function f${i}(a){return a+${i}}`).join(';');
    const a = `${filler};var BUILD="2024-05-01T10:00:00Z";${filler}\n`;
    const b = `${filler};var BUILD="2024-05-02T11:30:00Z";${filler}\n`;
    const [lines] = compare(a, b);
    expect(lines?.summary).toBe('2 lines changed (+1 −1); lines over 1000 characters shown around the change');
    expect(lines?.detail?.type).toBe('lines');
    const shown = lines?.detail?.type === 'lines' ? lines.detail.hunks[0]?.lines ?? [] : [];
    expect(shown).toHaveLength(2);
    expect(shown[0]).toContain('2024-05-01T10:00:00Z');
    expect(shown[1]).toContain('2024-05-02T11:30:00Z');
    for (const line of shown) expect(line.length).toBeLessThan(1100);
    expect(shown[0]).toMatch(/^-…\[\d+ chars\]….*…\[\d+ chars\]…$/);
  });

  it('property: any change to valid text is reported, and equal text is not', () => {
    const text = fc.string({ unit: fc.constantFrom('a', 'b', '\n', '\r', 'é', ' ', '\ufeff'), maxLength: 30 });
    fc.assert(
      fc.property(text, text, (x, y) => {
        const diffs = compare(x, y);
        expect(diffs.length > 0).toBe(!Buffer.from(x).equals(Buffer.from(y)));
        expect(compare(x, x)).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });

  it('property: compare(b, a) mirrors compare(a, b)', () => {
    const lines = fc.array(fc.constantFrom('a', 'b', 'c', ''), { maxLength: 20 }).map((l) => l.join('\n'));
    fc.assert(
      fc.property(lines, lines, (x, y) => {
        const forward = compareText('f', x, y, DEFAULT_LIMITS);
        const backward = compareText('f', y, x, DEFAULT_LIMITS);
        expect(backward.map((d) => d.kind)).toEqual(forward.map((d) => d.kind));
        const added = (ds: Difference[]): number[] =>
          ds.flatMap((d) => (d.detail?.type === 'lines' ? d.detail.hunks.map((h) => h.lines.filter((l) => l[0] === '+').length) : []));
        const removed = (ds: Difference[]): number[] =>
          ds.flatMap((d) => (d.detail?.type === 'lines' ? d.detail.hunks.map((h) => h.lines.filter((l) => l[0] === '-').length) : []));
        expect(added(backward)).toEqual(removed(forward));
      }),
    );
  });
});

describe('invalidUtf8Offset', () => {
  it('property: agrees with Node on what is UTF-8, and points at a byte that starts a bad sequence', () => {
    const bytes = fc.uint8Array({ maxLength: 24 }).map((b) => Buffer.from(b));
    const mostlyText = fc
      .array(fc.oneof(fc.string({ unit: 'grapheme', maxLength: 4 }).map((t) => Buffer.from(t)), bytes.map((b) => b.subarray(0, 2))), { maxLength: 8 })
      .map((parts) => Buffer.concat(parts));
    fc.assert(
      fc.property(fc.oneof(bytes, mostlyText), (buf) => {
        const offset = invalidUtf8Offset(buf, false);
        expect(offset < 0).toBe(isUtf8(buf));
        if (offset >= 0) expect(isUtf8(buf.subarray(0, offset))).toBe(true);
        // Cut anywhere, valid UTF-8 is still accepted as a head.
        if (offset < 0) for (let cut = 0; cut <= buf.length; cut++) expect(invalidUtf8Offset(buf.subarray(0, cut), true)).toBe(-1);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('textComparator.recognizes', () => {
  it('takes UTF-8 and UTF-16-with-BOM text, and leaves binaries alone', () => {
    const gz = join(dir, 'lib.gz');
    execFileSync('sh', ['-c', 'gzip -c -n "$1" > "$2"', 'sh', join(process.cwd(), 'node_modules/typescript/lib/lib.es5.d.ts'), gz]);
    const head = (buf: Buffer): Buffer => buf.subarray(0, 4096);
    expect(textComparator.recognizes('lib.es5.d.ts', head(realText))).toBe(true);
    expect(textComparator.recognizes('lib.gz', head(readFileSync(gz)))).toBe(false);
    expect(textComparator.recognizes('node', head(readFileSync(process.execPath)))).toBe(false);
    expect(textComparator.recognizes('notes', Buffer.from([0xff, 0xfe, 0x61, 0x00]))).toBe(true);
    expect(textComparator.recognizes('notes', Buffer.from([0xff, 0xfe, 0x00, 0x00, 0x61, 0, 0, 0]))).toBe(false);
    // A head cut in the middle of a multi-byte character is still text.
    const cut = Buffer.from('x'.repeat(4095) + 'é').subarray(0, 4096);
    expect(textComparator.recognizes('notes', cut)).toBe(true);
    // Latin-1: a known text name is taken (and decoded as ISO-8859-1); an unknown one is not.
    const latin1 = Buffer.from('caf\xe9\n', 'latin1');
    expect(textComparator.recognizes('README.txt', latin1)).toBe(true);
    expect(textComparator.recognizes('blob.bin', latin1)).toBe(false);
  });
});

describe('legacy and UTF-16 encodings (issue #10 item 4)', () => {
  const PROPERTIES = 'greeting=Grüße aus Köln\nfarewell=Adiós\n';
  const iconv = (text: string, to: string): Buffer => execFileSync('iconv', ['-f', 'UTF-8', '-t', to], { input: text });

  it('an ISO-8859-1 .properties file re-encoded as UTF-8: one encoding field, the text the same', () => {
    const diffs = textComparator.compare('app.properties', iconv(PROPERTIES, 'ISO-8859-1'), Buffer.from(PROPERTIES), context());
    expect(diffs.map((d) => [d.path, d.summary])).toEqual([['app.properties', 'encoding: ISO-8859-1 → UTF-8']]);
  });

  it('a changed value in ISO-8859-1 text is a line diff of the decoded text', () => {
    const diffs = textComparator.compare('app.properties', iconv(PROPERTIES, 'ISO-8859-1'), iconv(PROPERTIES.replace('Adiós', 'Tschüs'), 'ISO-8859-1'), context());
    expect(diffs[0]?.detail).toMatchObject({ hunks: [{ lines: [' greeting=Grüße aus Köln', '-farewell=Adiós', '+farewell=Tschüs'] }] });
  });

  it('UTF-16 with a BOM against UTF-8: the encoding changed, the lines did not', () => {
    const diffs = textComparator.compare('notes.txt', iconv(PROPERTIES, 'UTF-16'), Buffer.from(PROPERTIES), context());
    expect(diffs.map((d) => d.summary)).toEqual([expect.stringMatching(/^encoding: UTF-16(LE|BE) → UTF-8$/)]);
  });
});
