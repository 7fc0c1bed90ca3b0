/**
 * Mozilla-optimised zips (issue #10 item 2): Firefox's omni.ja puts a 4-byte read-ahead length
 * first, then the central directory at offset 4, a copy of the end record, the members, and the
 * end record again. Fixtures: real `zip -X` archives (pinned mtimes, TZ=UTC), rewritten into that
 * layout by a small Python script that does what build/optimizejars.py --optimize does with a jar
 * log (preloaded members first, directory entries and extra fields dropped, times set to
 * 2010-01-01, every offset rewritten).
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdir, readFile, utimes, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { DEFAULT_COMPARATORS } from '../../src/compare/comparators/index.js';
import { zipComparator } from '../../src/compare/comparators/zip.js';
import { compareFile } from '../../src/compare/registry.js';
import { ComparatorFallback, DEFAULT_LIMITS, type Difference } from '../../src/compare/types.js';
import { parseJsonOutput, runVitsnap } from '../helpers/cli.js';
import { classified, leaves } from '../helpers/classified.js';
import { makeZip, mulberry32, removeDir, runTool, tempDir } from '../helpers/toolchain.js';

/** 2010-01-01T00:00:00Z: the time optimizejars stamps on every member, so `zip -X` of files touched to it matches. */
const MOZILLA_TIME = new Date(Date.UTC(2010, 0, 1));

const OPTIMIZE_JAR = String.raw`
import struct, sys
src, dst, preload = sys.argv[1], sys.argv[2], sys.argv[3:]
data = open(src, "rb").read()
end = data.rindex(b"PK\x05\x06")
count, cd_size, cd_off = struct.unpack_from("<HII", data, end + 10)
entries, at = [], cd_off
for _ in range(count):
    c = list(struct.unpack_from("<IHHHHHHIIIHHHHHII", data, at))
    name = data[at + 46:at + 46 + c[10]]
    comment = data[at + 46 + c[10] + c[11]:at + 46 + c[10] + c[11] + c[12]]
    at += 46 + c[10] + c[11] + c[12]
    if name.endswith(b"/"):
        continue
    l = list(struct.unpack_from("<IHHHHHIIIHH", data, c[16]))
    assert l[2] & 8 == 0, "data descriptors are not handled"
    start = c[16] + 30 + l[9] + l[10]
    entries.append((c, name, comment, l, data[start:start + c[8]]))
wanted = [n.encode() for n in preload]
first = sorted([e for e in entries if e[1] in wanted], key=lambda e: wanted.index(e[1]))
entries = first + [e for e in entries if e[1] not in wanted]
date = ((2010 - 1980) << 9) | (1 << 5) | 1
offset = 4 + sum(46 + len(e[1]) + len(e[2]) for e in entries) + 22
cd, members, readahead = b"", b"", 0
for i, (c, name, comment, l, body) in enumerate(entries):
    l[4], l[5], l[10] = 0, date, 0
    c[5], c[6], c[11], c[16] = 0, date, 0, offset
    record = struct.pack("<IHHHHHIIIHH", *l) + name + body
    cd += struct.pack("<IHHHHHHIIIHHHHHII", *c) + name + comment
    members += record
    offset += len(record)
    if i + 1 == len(first):
        readahead = offset
eocd = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(entries), len(entries), len(cd), 4, 0)
open(dst, "wb").write(struct.pack("<I", readahead) + cd + eocd + members + eocd)
`;

const MEMBERS = ['a.txt', 'chrome/b.js', 'chrome/c.css'];
let work: string;

async function writeTree(dir: string, files: Record<string, string>): Promise<void> {
  for (const [name, text] of Object.entries(files)) {
    const file = join(dir, name);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, text);
    await utimes(file, MOZILLA_TIME, MOZILLA_TIME);
  }
}

/** A plain `zip -X` archive of the tree and its Mozilla-optimised form, preloading `preload`. */
async function build(label: string, files: Record<string, string>, preload: readonly string[]): Promise<{ plain: Buffer; mozilla: Buffer }> {
  const src = join(work, label, 'src');
  await writeTree(src, files);
  const plain = await makeZip(join(work, label), 'plain.zip', src, MEMBERS.filter((m) => m in files), { extraAttributes: false });
  const optimized = join(work, label, 'omni.ja');
  await runTool('python3', ['-c', OPTIMIZE_JAR, plain, optimized, ...preload]);
  return { plain: await readFile(plain), mozilla: await readFile(optimized) };
}

const FILES = {
  'a.txt': 'built at the default settings\n',
  'chrome/b.js': 'console.log("startup");\n'.repeat(30),
  'chrome/c.css': 'body { color: black; }\n'.repeat(10),
};


/** Offset of central directory entry `index` (0-based) of a Mozilla-layout jar, which starts at 4. */
function centralEntry(jar: Buffer, index: number): number {
  let at = 4;
  for (let i = 0; i < index; i++) at += 46 + jar.readUInt16LE(at + 28) + jar.readUInt16LE(at + 30) + jar.readUInt16LE(at + 32);
  return at;
}

let base: { plain: Buffer; mozilla: Buffer };

beforeAll(async () => {
  work = await tempDir('vitsnap-mozip-');
  base = await build('base', FILES, ['chrome/b.js', 'a.txt']);
}, 30_000);

afterAll(async () => {
  await removeDir(work);
});

describe('Mozilla-optimised zips (central directory first)', () => {
  it('the fixture has the layout optimizejars writes, which generic readers only half accept', async () => {
    const jar = base.mozilla;
    const trailing = jar.length - 22;
    expect(jar.readUInt32LE(4)).toBe(0x02014b50);
    expect(jar.readUInt32LE(trailing)).toBe(0x06054b50);
    expect(jar.readUInt32LE(trailing + 16)).toBe(4);
    const cdSize = jar.readUInt32LE(trailing + 12);
    expect(jar.subarray(4 + cdSize, 4 + cdSize + 22)).toEqual(jar.subarray(trailing));
    // Info-ZIP lists it, with the warning every generic reader gives.
    const listed = await runTool('python3', ['-c', 'import subprocess,sys\nr=subprocess.run(["unzip","-l",sys.argv[1]],capture_output=True,text=True)\nprint(r.stdout+r.stderr)', join(work, 'base', 'omni.ja')]);
    expect(listed.stdout).toMatch(/extra bytes at beginning or within zipfile/);
  });

  it('compares the member that changed by content, between two Mozilla-layout jars', async () => {
    const changed = await build('changed', { ...FILES, 'a.txt': 'built with the other settings, longer\n' }, ['chrome/b.js', 'a.txt']);
    const { node, verdict } = classified('omni.ja', base.mozilla, changed.mozilla);
    expect(node.comparator).toBe('zip');
    expect(node.fallback).toBeUndefined();
    expect(node.children.map((d) => [d.path, d.kind, d.comparator])).toEqual([['omni.ja!/a.txt', 'modified', 'text']]);
    expect(leaves(node).map((l) => [l.path, l.kind, l.causes.map((c) => c.id)])).toEqual([['omni.ja!/a.txt', 'lines', ['content']]]);
    const lines = leaves(node)[0]?.detail;
    expect(lines?.type === 'lines' && lines.hunks[0]?.lines).toEqual(['-built at the default settings', '+built with the other settings, longer']);
    // a.txt is preloaded and grew: the read-ahead length moved, the preloaded members did not.
    expect(base.mozilla.readUInt32LE(0)).not.toBe(changed.mozilla.readUInt32LE(0));
    expect(verdict).toBe('drift-unexplained');
  });

  it('reports the same members in a plain zip and in the Mozilla layout as one layout difference', () => {
    const { node, verdict } = classified('omni.ja', base.plain, base.mozilla);
    expect(node.comparator).toBe('zip');
    expect(leaves(node).map((l) => [l.path, l.kind, l.causes.map((c) => c.id)])).toEqual([
      ['omni.ja:zip.order', 'order', ['file-order']],
      ['omni.ja:zip.layout', 'field', ['compression']],
    ]);
    const layout = node.children.find((d) => d.path === 'omni.ja:zip.layout');
    expect(layout?.detail).toEqual({ type: 'field', name: 'layout', before: 'last (standard zip)', after: 'first (Mozilla-optimised jar)' });
    expect(layout?.summary).toBe('central directory placement: last (standard zip) → first (Mozilla-optimised jar)');
    expect(layout?.causes[0]?.hint).toMatch(/Mozilla-optimised \(mozpack JarWriter with a preload list, optimizejars\.py\) or a plain zip/);
    expect(verdict).toBe('drift-explained');
  });

  it('reports a plain zip vs the Mozilla layout of the same members in the same order as the layout alone', async () => {
    const same = await build('same-order', FILES, ['a.txt']);
    const diffs = zipComparator.compare('omni.ja', same.plain, same.mozilla, {
      limits: DEFAULT_LIMITS,
      depth: 0,
      compareNested: () => {
        throw new Error('no member should need comparing');
      },
    });
    expect(diffs.map((d) => d.path)).toEqual(['omni.ja:zip.layout']);
  });

  it('reports another preload list as the preloaded members and their order, not byte offsets', async () => {
    const other = await build('preload', FILES, ['a.txt']);
    const { node, verdict } = classified('omni.ja', base.mozilla, other.mozilla);
    expect(leaves(node).map((l) => [l.path, l.causes.map((c) => c.id)])).toEqual([
      ['omni.ja:zip.order', ['file-order']],
      ['omni.ja:zip.preload', ['file-order']],
    ]);
    expect(node.children[1]?.detail).toEqual({
      type: 'field',
      name: 'preload',
      before: '2 of 3 members, through a.txt',
      after: '1 of 3 members, through a.txt',
    });
    expect(node.children[1]?.causes[0]?.hint).toContain('MOZ_JAR_LOG_FILE');
    expect(verdict).toBe('drift-explained');
  });

  it('recognises the layout by its first bytes, whatever the name', () => {
    expect(zipComparator.recognizes('browser/omni.ja', base.mozilla.subarray(0, 64))).toBe(true);
    expect(zipComparator.recognizes('data.bin', base.mozilla.subarray(0, 64))).toBe(true);
    expect(zipComparator.recognizes('README.ja', Buffer.from('日本語の説明\n'))).toBe(false);
    expect(zipComparator.recognizes('data.bin', Buffer.from('\x00\x00\x00\x00PK\x03\x04', 'latin1'))).toBe(false);
  });

  describe('hostile or truncated Mozilla-layout files: a precise reason, never a crash or a hang', () => {
    const cases: ReadonlyArray<readonly [string, (jar: Buffer) => Buffer, string]> = [
      [
        'a directory size past the end of the file',
        (jar) => {
          const bad = Buffer.from(jar);
          bad.writeUInt32LE(0xfffff, bad.length - 22 + 12);
          return bad;
        },
        'Mozilla-optimised zip (central directory first): the central directory at offset 4 declares 1048575 bytes, past the end of the file',
      ],
      [
        'end records that disagree',
        (jar) => {
          const bad = Buffer.from(jar);
          bad.writeUInt16LE(2, bad.length - 22 + 10);
          return bad;
        },
        'Mozilla-optimised zip (central directory first): the end record after the directory (offset ',
      ],
      [
        'the closing end record cut off, and the last member with it',
        (jar) => jar.subarray(0, jar.length - 30),
        'bytes of data at offset ',
      ],
      [
        'a member whose local header is inside the directory',
        (jar) => {
          const bad = Buffer.from(jar);
          bad.writeUInt32LE(4, centralEntry(bad, 1) + 42);
          return bad;
        },
        'member "a.txt": local header at offset 4 lies in the central directory or its end record (members start at ',
      ],
    ];

    it.each(cases)('%s', (_label, mutate, reason) => {
      const bad = mutate(base.mozilla);
      expect(() => zipComparator.compare('omni.ja', base.mozilla, bad, { limits: DEFAULT_LIMITS, depth: 0, compareNested: () => { throw new Error('unreachable'); } })).toThrow(ComparatorFallback);
      const node = compareFile('omni.ja', base.mozilla, bad, DEFAULT_COMPARATORS, DEFAULT_LIMITS, 0);
      expect(node.comparator).toBe('binary');
      expect(node.fallback).toContain('zip: cannot read the zip (after): ');
      expect(node.fallback).toContain(reason);
    });

    it('does not expand a member whose record overlaps another, in either layout, and says why', () => {
      const pointAtFirst = (jar: Buffer, directory: number): Buffer => {
        const bad = Buffer.from(jar);
        let at = directory;
        const first = bad.readUInt32LE(at + 42);
        for (let i = 0; i < 2; i++) at += 46 + bad.readUInt16LE(at + 28) + bad.readUInt16LE(at + 30) + bad.readUInt16LE(at + 32);
        bad.writeUInt32LE(first, at + 42);
        return bad;
      };
      // The third entry (chrome/c.css) is pointed at the first member's record.
      const mozilla = pointAtFirst(base.mozilla, 4);
      const plain = pointAtFirst(base.plain, base.plain.readUInt32LE(base.plain.length - 22 + 16));
      for (const [label, before, after, first] of [['omni.ja', base.mozilla, mozilla, 'chrome/b.js'], ['plain.zip', base.plain, plain, 'a.txt']] as const) {
        const { node, verdict } = classified(label, before, after);
        expect(node.comparator).toBe('zip');
        const css = node.children.find((d) => d.path === `${label}!/chrome/c.css`);
        expect(css).toMatchObject({ kind: 'modified', children: [] });
        expect(css?.fallback).toBe(`after: member "chrome/c.css" shares bytes with member "${first}": overlapping records, a crafted archive`);
        expect(css?.causes.map((c) => c.id)).toEqual(['content']);
        expect(node.children.find((d) => d.path === `${label}!/chrome/c.css:zip.local-name`)?.detail).toMatchObject({ after: JSON.stringify(first) });
        expect(verdict).toBe('drift-unexplained');
      }
    });

    it('the cut-off file names where the members end, since its closing end record is gone', () => {
      const node = compareFile('omni.ja', base.mozilla, base.mozilla.subarray(0, base.mozilla.length - 30), DEFAULT_COMPARATORS, DEFAULT_LIMITS, 0);
      expect(node.fallback).toMatch(/^zip: cannot read the zip \(after\): member "chrome\/c\.css": \d+ bytes of data at offset \d+ run past the end of the members at \d+/);
    });

    it('never throws anything but a fallback on mutated Mozilla-layout jars', () => {
      const next = mulberry32(10);
      const ctx = { limits: DEFAULT_LIMITS, depth: 0, compareNested: (path: string, a: Buffer, b: Buffer) => compareFile(path, a, b, DEFAULT_COMPARATORS, DEFAULT_LIMITS, 1) };
      for (let i = 0; i < 400; i++) {
        const mutated = Buffer.from(base.mozilla);
        // Half the mutations hit the directory and end records at the front, where the layout is decided.
        const span = i % 2 === 0 ? 160 : mutated.length;
        for (let flips = 1 + (next() % 4); flips > 0; flips--) mutated[next() % span] = next() & 0xff;
        try {
          zipComparator.compare('omni.ja', base.mozilla, mutated, ctx);
        } catch (error) {
          expect((error as Error).name).toBe('ComparatorFallback');
        }
      }
    });
  });

  it('vitsnap diff a/omni.ja b/omni.ja compares the members from the command line', async () => {
    const changed = await build('cli', { ...FILES, 'chrome/c.css': 'body { color: white; }\n'.repeat(10) }, ['chrome/b.js', 'a.txt']);
    const dirA = join(work, 'cli-a');
    const dirB = join(work, 'cli-b');
    await mkdir(dirA, { recursive: true });
    await mkdir(dirB, { recursive: true });
    await writeFile(join(dirA, 'omni.ja'), base.mozilla);
    await writeFile(join(dirB, 'omni.ja'), changed.mozilla);
    const result = await runVitsnap(['diff', join(dirA, 'omni.ja'), join(dirB, 'omni.ja'), '--json']);
    expect(result.code).toBe(1);
    const report = parseJsonOutput(result) as { verdict: string; differences: Difference[] };
    expect(report.verdict).toBe('drift-unexplained');
    const file = report.differences[0];
    expect(file?.fallback).toBeUndefined();
    expect(file?.children.map((d) => [d.path, d.kind, d.comparator])).toEqual([['omni.ja!/chrome/c.css', 'modified', 'text']]);
    expect(leaves(file as Difference).map((l) => [l.path, l.causes.map((c) => c.id)])).toEqual([['omni.ja!/chrome/c.css', ['content']]]);
  }, 90_000);
});
