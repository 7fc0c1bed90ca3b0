import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { copyFile, readFile, utimes, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { classifyCauses, verdictOf, type ClassifyContext } from '../../src/compare/causes.js';
import { binaryComparator } from '../../src/compare/comparators/binary.js';
import { DEFAULT_LIMITS, type Cause, type CauseId, type ComparatorId, type CompareContext, type DiffDetail, type Difference, type DifferenceKind } from '../../src/compare/types.js';
import { buildCProgram, compilePython, makeZip, removeDir, runTool, tempDir } from '../helpers/toolchain.js';

const compareCtx: CompareContext = {
  limits: DEFAULT_LIMITS,
  depth: 0,
  compareNested: () => {
    throw new Error('not nested');
  },
};

/** A file's `modified` node with the binary comparator's children, and readers for its bytes. */
function bytesFile(path: string, before: Buffer, after: Buffer): { node: Difference; ctx: ClassifyContext } {
  const children = binaryComparator.compare(path, before, after, compareCtx);
  const node: Difference = { path, kind: 'modified', comparator: 'binary', summary: '', causes: [], children };
  const read = (side: Buffer) => (p: string) => (p === path ? side : undefined);
  return { node, ctx: { before: read(before), after: read(after) } };
}

function node(path: string, kind: DifferenceKind, detail?: DiffDetail, comparator?: ComparatorId): Difference {
  return { path, kind, summary: `${kind} ${path}`, causes: [], children: [], ...(detail === undefined ? {} : { detail }), ...(comparator === undefined ? {} : { comparator }) };
}

function field(path: string, name: string, before: string, after: string, comparator?: ComparatorId): Difference {
  return node(path, 'field', { type: 'field', name, before, after }, comparator);
}

function file(path: string, children: Difference[], comparator?: ComparatorId): Difference {
  return { path, kind: 'modified', summary: `${path} differs`, causes: [], children, ...(comparator === undefined ? {} : { comparator }) };
}

function tree(...children: Difference[]): Difference {
  return { path: '', kind: 'modified', summary: '', causes: [], children };
}

function ids(n: Difference): CauseId[] {
  return n.causes.map((c) => c.id);
}

function cause(n: Difference | undefined, id: CauseId): Cause {
  const found = n?.causes.find((c) => c.id === id);
  if (found === undefined) throw new Error(`no ${id} cause on ${n?.path}: ${JSON.stringify(n?.causes)}`);
  return found;
}

/** Drops the readers: the classifier then works from the hexdump context alone. */
function withoutBytes(root: Difference): Difference {
  return JSON.parse(JSON.stringify(root)) as Difference;
}

let root = '';
beforeAll(async () => {
  root = await tempDir('vitsnap-causes-test-');
});
afterAll(async () => {
  await removeDir(root);
});

describe('real builds', () => {
  it('gcc __DATE__ at two SOURCE_DATE_EPOCHs → timestamp with both dates, build-id secondary, drift-explained', async () => {
    const a = await buildCProgram(join(root, 'date-a'), { useDate: true, env: { SOURCE_DATE_EPOCH: '1700000000' } });
    const b = await buildCProgram(join(root, 'date-b'), { useDate: true, env: { SOURCE_DATE_EPOCH: '1700100000' } });
    const { node: prog, ctx } = bytesFile('bin/prog', await readFile(a.binary), await readFile(b.binary));
    const top = tree(prog);
    classifyCauses(top, ctx);
    const bytes = prog.children[0];
    expect(bytes === undefined ? [] : ids(bytes)).toEqual(['timestamp', 'build-id']);
    const timestamp = cause(bytes, 'timestamp');
    expect(timestamp.evidence).toMatch(/^"Nov 14 2023" vs "Nov 16 2023" \(__DATE__\), "22:13:20" vs "02:00:00" \(__TIME__\) at offset 0x[0-9a-f]+$/);
    expect(timestamp.hint).toContain('SOURCE_DATE_EPOCH');
    expect(timestamp.secondary).toBeUndefined();
    const buildId = cause(bytes, 'build-id');
    expect(buildId.evidence).toMatch(/^GNU build-id note [0-9a-f]{24}… vs [0-9a-f]{24}… at offset 0x[0-9a-f]+$/);
    expect(buildId.secondary).toBe(true);
    expect(buildId.hint).toContain('follows from the other differences');
    // Parents summarise, naming where the evidence is.
    expect(ids(prog)).toEqual(['timestamp', 'build-id']);
    expect(cause(top, 'timestamp').evidence).toMatch(/^bin\/prog: "Nov 14 2023" vs "Nov 16 2023"/);
    expect(cause(top, 'build-id').secondary).toBe(true);
    expect(verdictOf(top)).toBe('drift-explained');

    // From the report alone (hexdump context, no bytes), the same conclusion.
    const again = withoutBytes(top);
    classifyCauses(again, {});
    expect(again.causes).toEqual(top.causes);
    expect(verdictOf(again)).toBe('drift-explained');
  });

  it('gcc -g -c in two directories → build-path with both prefixes and -ffile-prefix-map', async () => {
    // gcc writes .debug_line_str in hash order of its strings, so some directory names also swap
    // strings (and move relocations) — an ELF comparator's job. Fixed names keep this test exact.
    const fixed = join(tmpdir(), 'vitsnap-causes-build-path');
    await removeDir(fixed);
    const dirA = join(fixed, 'build-1');
    const dirB = join(fixed, 'build-2');
    const a = await buildCProgram(dirA, { cflags: ['-g', '-c'] });
    const b = await buildCProgram(dirB, { cflags: ['-g', '-c'] });
    const { node: prog, ctx } = bytesFile('obj/prog.o', await readFile(a.binary), await readFile(b.binary));
    await removeDir(fixed);
    const top = tree(prog);
    classifyCauses(top, ctx);
    const bytes = prog.children[0];
    expect(bytes === undefined ? [] : ids(bytes)).toEqual(['build-path']);
    const buildPath = cause(bytes, 'build-path');
    expect(buildPath.evidence).toMatch(new RegExp(`^build directory prefix ${JSON.stringify(dirA)} vs ${JSON.stringify(dirB)} at offset 0x[0-9a-f]+`));
    expect(buildPath.hint).toBe(`-ffile-prefix-map=${dirA}=. (C/C++: gcc ≥ 8, clang ≥ 10); Rust --remap-path-prefix, Go -trimpath`);
    expect(verdictOf(top)).toBe('drift-explained');
  });

  it('gzip without -n at two mtimes → timestamp in the gzip header, gzip -n', async () => {
    const dir = join(root, 'gzip');
    await mkdir(dir, { recursive: true });
    const source = join(dir, 'data.txt');
    const gz = async (mtime: Date, copy: string): Promise<Buffer> => {
      await writeFile(source, 'payload that stays the same\n'.repeat(50));
      await utimes(source, mtime, mtime);
      await runTool('gzip', ['-k', '-f', source]);
      await copyFile(`${source}.gz`, copy);
      return readFile(copy);
    };
    const before = await gz(new Date('2024-05-01T10:00:00Z'), join(dir, 'a.gz'));
    const after = await gz(new Date('2024-05-02T12:30:00Z'), join(dir, 'b.gz'));
    const { node: data, ctx } = bytesFile('dist/data.txt.gz', before, after);
    const top = tree(data);
    classifyCauses(top, ctx);
    expect(ids(data)).toEqual(['timestamp']);
    const timestamp = cause(data, 'timestamp');
    expect(timestamp.evidence).toBe('gzip header MTIME 1714557600 (2024-05-01T10:00:00Z) vs 1714653000 (2024-05-02T12:30:00Z) at offset 0x4');
    expect(timestamp.hint).toContain('gzip -n');
    expect(verdictOf(top)).toBe('drift-explained');
  });

  it('zip of the same files at two mtimes (raw bytes) → DOS and extra-field times, zip hint', async () => {
    const src = join(root, 'zip-src');
    await mkdir(src, { recursive: true });
    await writeFile(join(src, 'a.txt'), 'alpha\n');
    await writeFile(join(src, 'b.txt'), 'beta\n');
    const build = async (mtime: Date, name: string, extra: boolean): Promise<Buffer> => {
      for (const f of ['a.txt', 'b.txt']) await utimes(join(src, f), mtime, mtime);
      return readFile(await makeZip(join(root, 'zips'), name, src, ['a.txt', 'b.txt'], { extraAttributes: extra }));
    };
    for (const extra of [false, true]) {
      const before = await build(new Date('2024-05-01T10:00:00Z'), `a-${extra}.zip`, extra);
      const after = await build(new Date('2024-05-03T18:20:00Z'), `b-${extra}.zip`, extra);
      const { node: zip, ctx } = bytesFile('dist/app.zip', before, after);
      const top = tree(zip);
      classifyCauses(top, ctx);
      expect(ids(zip)).toEqual(['timestamp']);
      const timestamp = cause(zip, 'timestamp');
      expect(timestamp.evidence).toMatch(/^DOS time 2024-05-01 10:00:00 vs 2024-05-03 18:20:00 in a zip local header at offset 0xa; .* \(\+\d+ more\)$/);
      if (extra) expect(timestamp.evidence).toContain('; zip extended timestamp (UT) 1714557600 (2024-05-01T10:00:00Z) vs 1714760400 (2024-05-03T18:20:00Z) at offset 0x28;');
      else expect(timestamp.evidence).toContain('in a zip central directory header');
      expect(timestamp.hint).toContain('zip -X');
      expect(verdictOf(top)).toBe('drift-explained');
    }
  });

  it('.pyc compiled at two source mtimes → little-endian epoch in the header, checked-hash hint', async () => {
    const dir = join(root, 'pyc');
    // Yesterday and an hour later: bare binary epochs must be recent to count.
    const t1 = Math.floor(Date.now() / 3_600_000) * 3600 - 86_400;
    const t2 = t1 + 3600;
    const iso = (t: number): string => new Date(t * 1000).toISOString().replace('.000Z', 'Z');
    const first = await compilePython(dir, { invalidationMode: 'timestamp', sourceMtime: new Date(t1 * 1000) });
    const before = await readFile(first);
    const second = await compilePython(dir, { invalidationMode: 'timestamp', sourceMtime: new Date(t2 * 1000) });
    const after = await readFile(second);
    const { node: pyc, ctx } = bytesFile('pkg/__pycache__/fixture_module.cpython.pyc', before, after);
    const top = tree(pyc);
    classifyCauses(top, ctx);
    expect(ids(pyc)).toEqual(['timestamp']);
    expect(cause(pyc, 'timestamp').evidence).toBe(`${t1} (${iso(t1)}) vs ${t2} (${iso(t2)}) as a little-endian u32 epoch at offset 0x8`);
    expect(cause(pyc, 'timestamp').hint).toContain('--invalidation-mode checked-hash');
  });

  it('a real code change in a linked binary: no invented cause, build-id secondary', async () => {
    const source = (n: number): string => `#include <stdio.h>\nint main(int c, char **v) { for (int i = 0; i < c * ${n}; i++) printf("%d\\n", i * ${n * 7}); return v[0][0] == ${n}; }\n`;
    const a = await buildCProgram(join(root, 'code'), { source: source(3), cflags: ['-O2'] });
    const before = await readFile(a.binary);
    const b = await buildCProgram(join(root, 'code'), { source: source(1234), cflags: ['-O2'] });
    const { node: prog, ctx } = bytesFile('bin/prog', before, await readFile(b.binary));
    const top = tree(prog);
    classifyCauses(top, ctx);
    expect(ids(prog)).toEqual(['build-id', 'content']);
    expect(cause(prog, 'build-id').secondary).toBe(true);
    expect(verdictOf(top)).toBe('drift-unexplained');
  });

  it('a 10 MB file changed everywhere: unexplained, in bounded time', () => {
    const size = 10 * 1024 * 1024;
    const before = Buffer.alloc(size);
    const after = Buffer.alloc(size);
    for (let i = 0; i < size; i++) {
      before[i] = (i * 31) & 0xff;
      after[i] = (i * 17 + 5) & 0xff;
    }
    for (let i = 0; i < size; i += 4099) after[i] = before[i];
    const { node: blob, ctx } = bytesFile('data/blob.bin', before, after);
    const top = tree(blob);
    classifyCauses(top, ctx);
    expect(ids(blob)).toEqual(['content']);
  });

  it('random UUIDs in a generated file → randomness', () => {
    const make = (id: string): Buffer => Buffer.from(`{"name":"app","buildId":"${id}","version":"1.0.0"}\n`);
    const a = randomUUID();
    const b = randomUUID();
    const { node: json, ctx } = bytesFile('dist/build-info.json', make(a), make(b));
    let first = 0;
    while (a[first] === b[first]) first++;
    const top = tree(json);
    classifyCauses(top, ctx);
    expect(ids(json)).toEqual(['randomness']);
    expect(cause(json, 'randomness').evidence).toBe(
      `UUID ${JSON.stringify(a)} vs ${JSON.stringify(b)} (random-looking, equal length, nothing else explains it) at offset 0x${(25 + first).toString(16)}`,
    );
    expect(verdictOf(top)).toBe('drift-explained');
  });

  it('a plain content change → content, drift-unexplained', () => {
    const { node: text, ctx } = bytesFile('dist/app.js', Buffer.from('console.log("hello");\n'), Buffer.from('console.log("howdy");\n'));
    const top = tree(text);
    classifyCauses(top, ctx);
    expect(ids(text)).toEqual(['content']);
    expect(cause(text, 'content').evidence).toBe('1 of 1 differing ranges with no known cause (at 0xe)');
    expect(ids(top)).toEqual(['content']);
    expect(verdictOf(top)).toBe('drift-unexplained');
  });
});

describe('other comparators\' nodes', () => {
  it('an order node → file-order with the hint for its archive', () => {
    const order = (path: string, comparator: ComparatorId): Difference =>
      node(path, 'order', { type: 'order', before: ['a.txt', 'b.txt', 'c.txt'], after: ['c.txt', 'a.txt', 'b.txt'] }, comparator);
    const zip = order('dist/app.zip', 'zip');
    const jar = order('dist/app.jar', 'zip');
    const tar = order('dist/app.tar.gz', 'tar');
    const top = tree(file('dist/app.zip', [zip], 'zip'), file('dist/app.jar', [jar], 'zip'), file('dist/app.tar.gz', [tar], 'tar'));
    classifyCauses(top);
    expect(zip.causes).toEqual([
      {
        id: 'file-order',
        evidence: 'same 3 entries in another order; first difference at position 1: "a.txt" vs "c.txt"',
        hint: 'add entries in sorted order and without extra fields: find . -type f | LC_ALL=C sort | zip -X -@ out.zip',
      },
    ]);
    expect(cause(jar, 'file-order').hint).toContain('reproducibleFileOrder = true');
    expect(cause(tar, 'file-order').hint).toContain('tar --sort=name');
    expect(verdictOf(top)).toBe('drift-explained');
  });

  it('a build-id next to a differing .text → build-id secondary; alone → primary', () => {
    const buildId = field('lib.so:.note.gnu.build-id', 'build-id', '3dbf53bba246755dc88b14da76a073865c959bbe', '40a21537102c946dea089f1b9952823435b5151c', 'elf');
    const text = field('lib.so:.text', '.text', 'sha256:1f2e…', 'sha256:9a8b…', 'elf');
    const lib = file('lib.so', [buildId, text], 'elf');
    const top = tree(lib);
    classifyCauses(top);
    expect(buildId.causes).toEqual([
      {
        id: 'build-id',
        evidence: 'build-id "3dbf53bba246755dc88b14da76a073865c959bbe" vs "40a21537102c946dea089f1b9952823435b5151c"',
        hint: 'follows from the other differences in this file: fix those and the build-id will match',
        secondary: true,
      },
    ]);
    expect(ids(text)).toEqual(['content']);
    expect(ids(lib)).toEqual(['build-id', 'content']);
    expect(verdictOf(top)).toBe('drift-unexplained');

    const alone = field('lib.so:.note.gnu.build-id', 'build-id', 'aa'.repeat(20), 'bb'.repeat(20), 'elf');
    const top2 = tree(file('lib.so', [alone], 'elf'));
    classifyCauses(top2);
    expect(alone.causes[0]?.secondary).toBeUndefined();
    expect(alone.causes[0]?.hint).toContain('--build-id=sha1');
    expect(verdictOf(top2)).toBe('drift-explained');

    const go = field('app:.note.go.buildid', 'Go build ID', 'abc/def', 'abc/xyz', 'elf');
    classifyCauses(tree(file('app', [go], 'elf')));
    expect(go.causes[0]?.hint).toContain('-buildid=');
  });

  it('time fields: the hint follows the format (gzip MTIME, jar member, tar member, PE)', () => {
    const gzip = field('dist/app.tar.gz', 'MTIME', '1714557600', '1714653000', 'gzip');
    const jarMember = field('dist/app.jar!/fixture/Main.class', 'mtime', '2024-05-01 10:00:00', '2024-05-02 12:30:00', 'zip');
    const tarMember = field('dist/app.tar!/./a.txt', 'mtime', '1714557600', '1714653000', 'tar');
    const pe = field('bin/app.exe', 'TimeDateStamp', '0x66321220', '0x66339648', 'pe');
    const top = tree(gzip, jarMember, tarMember, pe);
    classifyCauses(top);
    expect(cause(gzip, 'timestamp')).toEqual({
      id: 'timestamp',
      evidence: '"1714557600" (2024-05-01T10:00:00Z) vs "1714653000" (2024-05-02T12:30:00Z) (epoch seconds) at field MTIME',
      hint: 'gzip -n (--no-name): keep the file name and MTIME out of the gzip header',
    });
    expect(cause(jarMember, 'timestamp').evidence).toBe('"2024-05-01 10:00:00" vs "2024-05-02 12:30:00" (ISO 8601) at field mtime');
    expect(cause(jarMember, 'timestamp').hint).toContain('preserveFileTimestamps = false');
    expect(cause(tarMember, 'timestamp').hint).toBe('tar --sort=name --mtime=@$SOURCE_DATE_EPOCH --owner=0 --group=0 --numeric-owner');
    expect(cause(pe, 'timestamp')).toMatchObject({ evidence: 'TimeDateStamp "0x66321220" vs "0x66339648" (a time field)' });
    expect(cause(pe, 'timestamp').hint).toContain('/Brepro');
    expect(verdictOf(top)).toBe('drift-explained');
  });

  it('dates found in values without a time-ish field name', () => {
    const cases: [string, string, string][] = [
      ['built 1714557600 ok', 'built 1714653000 ok', 'epoch seconds'],
      ['t=1714557600123', 't=1714653000456', 'epoch milliseconds'],
      ['"2024-05-01T10:00:00Z"', '"2024-05-02T12:30:00.5+02:00"', 'ISO 8601'],
      ['Last-Modified: Wed, 01 May 2024 10:00:00 GMT', 'Last-Modified: Thu, 02 May 2024 12:30:00 GMT', 'RFC 2822'],
      ['built Wed May  1 10:00:00 UTC 2024 by ci', 'built Thu May  2 12:30:00 UTC 2024 by ci', 'date(1)'],
      ['v1.0 (May  1 2024)', 'v1.0 (May  2 2024)', '__DATE__'],
    ];
    for (const [before, after, kind] of cases) {
      const n = field('x.txt', 'banner', before, after, 'text');
      classifyCauses(tree(n));
      expect(ids(n)).toEqual(['timestamp']);
      expect(cause(n, 'timestamp').evidence).toContain(`(${kind}) at field banner`);
    }
  });

  it('build paths in text: the two prefixes, runner vs container workspace', () => {
    const lines = node('dist/app.js.map', 'lines', {
      type: 'lines',
      hunks: [{ oldStart: 3, oldLines: 1, newStart: 3, newLines: 1, lines: ['-  "file": "/home/runner/work/x/x/src/a.ts",', '+  "file": "/__w/x/x/src/a.ts",'] }],
      truncated: false,
    }, 'text');
    classifyCauses(tree(lines));
    expect(lines.causes).toEqual([
      {
        id: 'build-path',
        evidence: 'build directory prefix "/home/runner/work" vs "/__w" (common rest "x/x/src/a.ts") at line 3',
        hint: 'emit relative paths (source maps: sourceRoot / devtool settings); never bake the build directory into bundles',
      },
    ]);
    // A system path that differs is no build path (a toolchain upgrade looks like this).
    const system = field('bin/app', 'include dir', '/usr/lib/gcc/x86_64-linux-gnu/12/include', '/usr/lib/gcc/x86_64-linux-gnu/13/include');
    classifyCauses(tree(system));
    expect(ids(system)).toEqual(['content']);
  });

  it('mode, permission fields and symlinks', () => {
    const mode = node('bin/run.sh', 'mode', { type: 'field', name: 'mode', before: '0644', after: '0755' });
    const uid = field('dist/app.tar!/./a.txt', 'uid', '1000', '1001', 'tar');
    const link = node('current', 'symlink', { type: 'field', name: 'target', before: 'releases/1', after: 'releases/2' });
    const top = tree(mode, file('dist/app.tar', [uid], 'tar'), link);
    classifyCauses(top);
    expect(mode.causes).toEqual([{ id: 'permissions', evidence: 'mode "0644" → "0755"', hint: 'set a fixed umask (umask 022) and chmod the outputs explicitly in the build' }]);
    expect(cause(uid, 'permissions').hint).toContain('--owner=0 --group=0 --numeric-owner');
    expect(link.causes).toEqual([
      { id: 'symlink', evidence: 'symlink target "releases/1" → "releases/2"', hint: 'create the link with a fixed relative target (ln -sfn ../target link), not one derived from the build directory' },
    ]);
    expect(ids(top)).toEqual(['permissions', 'symlink']);
    expect(verdictOf(top)).toBe('drift-explained');
  });

  it('names the format comparators use: zip extras, PE debug fields, signatures', () => {
    const ut = field('dist/app.zip!/a.txt:zip.extra.0x5455', 'extra.0x5455', 'mtime 2024-05-01T10:00:00Z', 'mtime 2024-05-02T12:30:00Z', 'zip');
    const ux = field('dist/app.zip!/a.txt:zip.extra.0x7875', 'extra.0x7875', 'uid 1000 gid 1000', 'uid 1001 gid 1001', 'zip');
    const guid = field('app.exe:CodeView GUID', 'CodeView GUID', '{0c4f…}', '{9a1b…}', 'pe');
    const checksum = field('app.exe:CheckSum', 'CheckSum', '0x0001a2b3', '0x0001c4d5', 'pe');
    const stamp = field('app.exe:TimeDateStamp', 'TimeDateStamp', '0x66321220 (2024-05-01T10:00:00Z)', '0x66339648 (2024-05-02T12:30:00Z)', 'pe');
    const signature: Difference = { ...node('app.exe:certificate table', 'bytes', undefined, 'pe'), detail: { type: 'bytes', ranges: [{ oldOffset: 0, oldLength: 4, newOffset: 0, newLength: 4 }], changedBytes: 4, totalBytes: 64, hexdump: [], truncated: false } };
    const exe = file('app.exe', [guid, checksum, stamp, signature], 'pe');
    const top = tree(file('dist/app.zip', [ut, ux], 'zip'), exe);
    classifyCauses(top);
    expect(ids(ut)).toEqual(['timestamp']);
    expect(cause(ut, 'timestamp').hint).toContain('zip -X');
    expect(ids(ux)).toEqual(['permissions']);
    expect(guid.causes).toMatchObject([{ id: 'build-id', secondary: true }]);
    // Checksums and signatures take the causes of what they hash, as secondary.
    expect(checksum.causes).toMatchObject([{ id: 'timestamp', secondary: true, evidence: 'CheckSum follows from the other differences of this file' }, { id: 'build-id', secondary: true }]);
    expect(signature.causes).toMatchObject([{ id: 'timestamp', secondary: true }, { id: 'build-id', secondary: true }]);
    expect(cause(stamp, 'timestamp').hint).toContain('/Brepro');
    expect(verdictOf(top)).toBe('drift-explained');
  });

  it('a checksum field follows from the member that changed', () => {
    const crc = field('dist/app.jar!/build.properties', 'crc32', '0x1234abcd', '0x9876fedc', 'zip');
    const body = field('dist/app.jar!/build.properties', 'build.time', '2024-05-01T10:00:00Z', '2024-05-02T12:30:00Z', 'text');
    const member = file('dist/app.jar!/build.properties', [crc, body]);
    const top = tree(file('dist/app.jar', [member], 'zip'));
    classifyCauses(top);
    expect(crc.causes).toEqual([
      { id: 'timestamp', evidence: 'crc32 follows from the other differences of this file', hint: expect.stringMatching(/^export SOURCE_DATE_EPOCH/), secondary: true },
    ]);
    expect(verdictOf(top)).toBe('drift-explained');
  });

  it('locale: sort order by collation, decimal separators; a plain reorder is file-order', () => {
    const hunk = (removed: string[], added: string[]): DiffDetail => ({
      type: 'lines',
      hunks: [{ oldStart: 1, oldLines: removed.length, newStart: 1, newLines: added.length, lines: [...removed.map((l) => `-${l}`), ...added.map((l) => `+${l}`)] }],
      truncated: false,
    });
    const collated = node('files.txt', 'lines', hunk(['Banana', 'apple', 'cherry'], ['apple', 'Banana', 'cherry']), 'text');
    const shuffled = node('list.txt', 'lines', hunk(['b', 'c', 'a'], ['c', 'a', 'b']), 'text');
    const decimal = node('report.txt', 'lines', hunk(['total: 1.234,5 MB'], ['total: 1,234.5 MB']), 'text');
    classifyCauses(tree(collated, shuffled, decimal));
    expect(collated.causes).toEqual([
      {
        id: 'locale',
        evidence: 'same 3 lines sorted differently: byte (C) order before, locale order after (first "Banana" vs "apple")',
        hint: 'run the build with LC_ALL=C (and TZ=UTC) so sort order and number/date formats do not follow the machine',
      },
    ]);
    expect(shuffled.causes.map((c) => [c.id, c.evidence])).toEqual([['file-order', 'same 3 lines in another order (first "b" vs "c")']]);
    expect(decimal.causes.map((c) => [c.id, c.evidence])).toEqual([['locale', '"1.234,5" vs "1,234.5" (same digits, other separators) at line 1']]);
  });

  it('env: user and host of the build, $HOME', () => {
    const who = field('dist/version.txt', 'built by', 'USER=alice on alice@buildbox-7', 'USER=bob on bob@ci-runner');
    const home = field('dist/config.json', 'cache', '/home/alice', '/home/bob');
    classifyCauses(tree(who, home));
    expect(who.causes.map((c) => [c.id, c.evidence])).toEqual([
      ['env', '"USER=alice" vs "USER=bob", "alice@buildbox-7" vs "bob@ci-runner" (user/host of the build) at field built by'],
    ]);
    expect(home.causes.map((c) => [c.id, c.evidence])).toEqual([['env', 'home directory "/home/alice" vs "/home/bob" ($HOME) at field cache']]);
  });

  it('timezone: a UTC offset in another zone is a time cause with a TZ hint; a signed count is not', () => {
    // `date +'%Z %z'` under TZ=GMT+12 and TZ=GMT-14 (%Z alone prints GMT both times).
    const zone = field('out/zone.txt', 'line 1', 'built in GMT -1200', 'built in GMT -1400');
    const named = field('out/tz.txt', 'line 1', 'TZ GMT+12 today', 'TZ GMT-14 today');
    const colon = field('out/stamp.txt', 'offset', 'offset +05:30', 'offset -03:00');
    const count = field('out/size.txt', 'delta', 'grew by +1200 bytes', 'grew by +1337 bytes');
    classifyCauses(tree(zone, named, colon, count));
    expect(zone.causes).toEqual([
      { id: 'timestamp', evidence: 'UTC offset "-1200" vs "-1400" (the time zone of the build) at field line 1', hint: expect.stringMatching(/^build with TZ=UTC/) },
    ]);
    expect(named.causes.map((c) => [c.id, c.evidence])).toEqual([['timestamp', 'UTC offset "GMT+12" vs "GMT-14" (the time zone of the build) at field line 1']]);
    expect(colon.causes.map((c) => c.id)).toEqual(['timestamp']);
    expect(count.causes.map((c) => c.id)).toEqual(['content']);
  });

  it('random hex tokens of equal length; JSON changes', () => {
    const json = node('dist/manifest.json', 'json', {
      type: 'json',
      changes: [
        { pointer: '/nonce', op: 'replace', before: '"8f14e45fceea167a5a36dedd4bea2543"', after: '"c9f0f895fb98ab9159f51fd0297e236d"' },
        { pointer: '/files/2', op: 'move' },
      ],
      truncated: false,
    }, 'json');
    classifyCauses(tree(json));
    expect(ids(json)).toEqual(['file-order', 'randomness']);
    expect(cause(json, 'file-order').evidence).toBe('array item moved at JSON /files/2');
    expect(cause(json, 'randomness').evidence).toContain('hex token "8f14e45fceea167a5a36dedd4bea2543" vs "c9f0f895fb98ab9159f51fd0297e236d"');
  });

  it('toolchain: explains compiled output only when the differing bytes show the new version (issue #10 item 6)', () => {
    const gcc = [{ name: 'gcc', before: 'gcc (Debian 12.2.0-14) 12.2.0', after: 'gcc (GCC) 13.1.0' }, { name: 'node', before: 'v20.1.0', after: 'v22.0.0' }];
    // The .comment section names the compiler that built the file: that ties the change to the bytes.
    const comment = field('bin/app:.comment', '.comment', 'GCC: (Debian 12.2.0-14) 12.2.0', 'GCC: (GCC) 13.1.0', 'elf');
    const shown = tree(file('bin/app', [comment], 'elf'));
    classifyCauses(shown, { toolchainChanged: gcc });
    expect(comment.causes).toEqual([
      { id: 'toolchain', evidence: 'gcc 12.2.0 → 13.1.0: the new version appears in the differing bytes', hint: expect.stringContaining('pin the toolchain') },
    ]);
    expect(verdictOf(shown)).toBe('drift-explained');
    // Code that differs while the compiler changed may be either: said, but unexplained.
    const text = field('bin/app:.text', '.text', 'sha256:1f2e', 'sha256:9a8b', 'elf');
    const top = tree(file('bin/app', [text], 'elf'));
    classifyCauses(top, { toolchainChanged: gcc });
    expect(ids(text)).toEqual(['content']);
    expect(cause(text, 'content').evidence).toContain('possibly the toolchain (gcc 12.2.0 → 13.1.0 between the snapshots), but nothing in these bytes shows it');
    expect(verdictOf(top)).toBe('drift-unexplained');
    const namesOnly = field('bin/app:.text', '.text', 'sha256:1f2e', 'sha256:9a8b', 'elf');
    classifyCauses(tree(file('bin/app', [namesOnly], 'elf')), { toolchainChanged: ['gcc', 'node'] });
    expect(cause(namesOnly, 'content').evidence).toContain('possibly the toolchain (gcc changed between the snapshots)');
    // A tool that does not build this kind of file is not even offered.
    const unrelated = field('bin/app:.text', '.text', 'sha256:1f2e', 'sha256:9a8b', 'elf');
    classifyCauses(tree(file('bin/app', [unrelated], 'elf')), { toolchainChanged: ['node'] });
    expect(cause(unrelated, 'content').evidence).not.toContain('toolchain');
  });

  it('added, removed and type changes stay unexplained', () => {
    const added = node('dist/new.js', 'added');
    const top = tree(added, node('dist/old.js', 'removed'), node('dist/x', 'type'));
    classifyCauses(top);
    expect(added.causes).toEqual([{ id: 'content', evidence: 'added dist/new.js', hint: expect.stringContaining('no known cause') }]);
    expect(cause(top, 'content').evidence).toBe('dist/new.js: added dist/new.js (and 2 more)');
    expect(verdictOf(top)).toBe('drift-unexplained');
  });
});

describe('verdictOf', () => {
  it('empty tree → identical', () => {
    const top = tree();
    classifyCauses(top);
    expect(top.causes).toEqual([]);
    expect(verdictOf(top)).toBe('identical');
  });

  it('all explained → drift-explained; one unexplained leaf → drift-unexplained', () => {
    const explained = () => [
      field('dist/app.tar.gz', 'MTIME', '1714557600', '1714653000', 'gzip'),
      node('dist/app.zip', 'order', { type: 'order', before: ['a', 'b'], after: ['b', 'a'] }, 'zip'),
      node('bin/run.sh', 'mode', { type: 'field', name: 'mode', before: '0644', after: '0755' }),
    ];
    const good = tree(...explained());
    classifyCauses(good);
    expect(ids(good)).toEqual(['timestamp', 'file-order', 'permissions']);
    expect(verdictOf(good)).toBe('drift-explained');
    const bad = tree(...explained(), field('dist/app.js', 'body', 'a', 'b', 'text'));
    classifyCauses(bad);
    expect(ids(bad)).toEqual(['timestamp', 'file-order', 'permissions', 'content']);
    expect(verdictOf(bad)).toBe('drift-unexplained');
  });

  it('classifying twice gives the same causes', () => {
    const top = tree(file('lib.so', [field('lib.so:.note.gnu.build-id', 'build-id', 'aa', 'bb', 'elf'), field('lib.so:.rodata', 'banner', 'built 1714557600', 'built 1714653000', 'elf')], 'elf'));
    classifyCauses(top);
    const first = JSON.stringify(top);
    classifyCauses(top);
    expect(JSON.stringify(top)).toBe(first);
    expect(verdictOf(top)).toBe('drift-explained');
  });
});
