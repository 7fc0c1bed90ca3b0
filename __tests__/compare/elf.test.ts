import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { elfComparator } from '../../src/compare/comparators/elf.js';
import { ComparatorFallback, DEFAULT_LIMITS, type CompareContext, type Difference } from '../../src/compare/types.js';
import { buildCProgram, mulberry32, removeDir, runTool, tempDir } from '../helpers/toolchain.js';

const ctx: CompareContext = {
  limits: DEFAULT_LIMITS,
  depth: 0,
  compareNested: () => {
    throw new Error('ELF never nests');
  },
};

const compare = (a: Buffer, b: Buffer, path = 'prog'): Difference[] => elfComparator.compare(path, a, b, ctx);
const paths = (children: Difference[]): string[] => children.map((c) => c.path);
const byPath = (children: Difference[], path: string): Difference => {
  const found = children.find((c) => c.path === path);
  if (found === undefined) throw new Error(`no child ${path} in ${paths(children).join(', ')}`);
  return found;
};
const detailLines = (d: Difference): string[] => (d.detail?.type === 'lines' ? d.detail.hunks.flatMap((h) => h.lines) : []);

/** The reason a comparison fell back, or a failure naming what happened instead. */
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
  root = await tempDir('vitsnap-elf-');
});

afterAll(async () => {
  await removeDir(root);
});

/**
 * A minimal ELF assembled from the gABI layout: file header, section contents, `.shstrtab`, then
 * the section header table. Lets the tests cover ELF32 and big-endian files gcc here cannot make.
 */
interface RawSection {
  name: string;
  type: number;
  data: Buffer;
  addralign?: number;
  link?: number;
  entsize?: number;
}

function assembleElf(elfClass: 32 | 64, endian: 'le' | 'be', sections: RawSection[]): Buffer {
  const is64 = elfClass === 64;
  const ehsize = is64 ? 64 : 52;
  const shentsize = is64 ? 64 : 40;
  const names = ['', ...sections.map((s) => s.name), '.shstrtab'];
  const nameOffsets: number[] = [];
  let shstr = Buffer.alloc(0);
  for (const name of names) {
    nameOffsets.push(shstr.length);
    shstr = Buffer.concat([shstr, Buffer.from(`${name}\0`, 'latin1')]);
  }
  const all: RawSection[] = [...sections, { name: '.shstrtab', type: 3, data: shstr }];
  const offsets: number[] = [];
  let cursor = ehsize;
  for (const section of all) {
    cursor = Math.ceil(cursor / 8) * 8;
    offsets.push(cursor);
    cursor += section.data.length;
  }
  const shoff = Math.ceil(cursor / 8) * 8;
  const total = shoff + shentsize * (all.length + 1);
  const out = Buffer.alloc(total);
  const u16 = (v: number, at: number): number => (endian === 'le' ? out.writeUInt16LE(v, at) : out.writeUInt16BE(v, at));
  const u32 = (v: number, at: number): number => (endian === 'le' ? out.writeUInt32LE(v, at) : out.writeUInt32BE(v, at));
  const word = (v: number, at: number): number =>
    is64 ? (endian === 'le' ? out.writeBigUInt64LE(BigInt(v), at) : out.writeBigUInt64BE(BigInt(v), at)) : u32(v, at);
  out.set([0x7f, 0x45, 0x4c, 0x46, is64 ? 2 : 1, endian === 'le' ? 1 : 2, 1], 0);
  u16(1, 16); // ET_REL
  u16(is64 ? 62 : 20, 18); // EM_X86_64 / EM_PPC
  u32(1, 20);
  word(shoff, is64 ? 40 : 32);
  const tail = is64 ? 52 : 40;
  u16(ehsize, tail);
  u16(shentsize, tail + 6);
  u16(all.length + 1, tail + 8);
  u16(all.length, tail + 10);
  all.forEach((section, i) => {
    section.data.copy(out, offsets[i]);
    const base = shoff + shentsize * (i + 1);
    u32(nameOffsets[i + 1] as number, base);
    u32(section.type, base + 4);
    if (is64) {
      word(offsets[i] as number, base + 24);
      word(section.data.length, base + 32);
      u32(section.link ?? 0, base + 40);
      word(section.addralign ?? 1, base + 48);
      word(section.entsize ?? 0, base + 56);
    } else {
      word(offsets[i] as number, base + 16);
      word(section.data.length, base + 20);
      u32(section.link ?? 0, base + 24);
      word(section.addralign ?? 1, base + 32);
      word(section.entsize ?? 0, base + 36);
    }
  });
  return out;
}

/** One ELF note: namesz, descsz, type, then name and descriptor padded to 4. */
function note(endian: 'le' | 'be', name: string, type: number, desc: Buffer): Buffer {
  const nameBytes = Buffer.from(`${name}\0`, 'latin1');
  const pad = (n: number): number => Math.ceil(n / 4) * 4;
  const out = Buffer.alloc(12 + pad(nameBytes.length) + pad(desc.length));
  const u32 = (v: number, at: number): number => (endian === 'le' ? out.writeUInt32LE(v, at) : out.writeUInt32BE(v, at));
  u32(nameBytes.length, 0);
  u32(desc.length, 4);
  u32(type, 8);
  nameBytes.copy(out, 12);
  desc.copy(out, 12 + pad(nameBytes.length));
  return out;
}

describe('elf comparator: real gcc builds', () => {
  it('finds the __DATE__/__TIME__ strings in .rodata when SOURCE_DATE_EPOCH differs', async () => {
    const dir = await fresh('date');
    const first = await buildCProgram(dir, { useDate: true, env: { SOURCE_DATE_EPOCH: '1577836800' } });
    const before = await readFile(first.binary);
    // 2020-01-02T01:02:03Z
    const second = await buildCProgram(dir, { useDate: true, env: { SOURCE_DATE_EPOCH: '1577926923' } });
    const after = await readFile(second.binary);

    const children = compare(before, after);
    // Debian's gcc links with --build-id, and the build-id hashes the changed bytes.
    expect(paths(children)).toEqual(['prog:.note.gnu.build-id', 'prog:.rodata']);
    const rodata = byPath(children, 'prog:.rodata');
    expect(rodata.kind).toBe('lines');
    expect(rodata.comparator).toBe('elf');
    expect(rodata.causes).toEqual([]);
    expect(detailLines(rodata)).toEqual(['-00:00:00', '-Jan  1 2020', '+01:02:03', '+Jan  2 2020']);
    expect(rodata.summary).toBe('.rodata: 2 strings removed, 2 added (e.g. "00:00:00" → "01:02:03")');
    expect(elfComparator.describe('prog', children)).toBe('2 sections differ: .note.gnu.build-id, .rodata');
  });

  it('shows both build directories in .debug_line_str and the changed GNU build-id for gcc -g in two directories', async () => {
    const one = await fresh('build-1');
    const two = await fresh('build-2');
    const cflags = ['-g', '-Wl,--build-id'];
    const before = await readFile((await buildCProgram(one, { cflags })).binary);
    const after = await readFile((await buildCProgram(two, { cflags })).binary);

    const children = compare(before, after);
    const names = paths(children);
    expect(names).toContain('prog:.note.gnu.build-id');
    expect(names).toContain('prog:.debug_line_str');
    // Nothing but the build-id note and DWARF may differ: the code is the same.
    for (const name of names) expect(name).toMatch(/^prog:(\.note\.gnu\.build-id|\.debug_\w+)$/);

    const lineStr = byPath(children, 'prog:.debug_line_str');
    expect(detailLines(lineStr)).toEqual([`-${one}`, `+${two}`]);

    const buildId = byPath(children, 'prog:.note.gnu.build-id');
    expect(buildId.kind).toBe('field');
    expect(buildId.detail).toMatchObject({ type: 'field', name: 'GNU build-id' });
    if (buildId.detail?.type !== 'field') throw new Error('field detail expected');
    expect(buildId.detail.before).toMatch(/^[0-9a-f]{40}$/);
    expect(buildId.detail.after).toMatch(/^[0-9a-f]{40}$/);
    expect(buildId.detail.before).not.toBe(buildId.detail.after);
    expect(buildId.summary).toMatch(/^GNU build-id differs: [0-9a-f]{16}… → [0-9a-f]{16}…$/);
    expect(elfComparator.describe('prog', children)).toMatch(/^\d+ sections differ: .*\.note\.gnu\.build-id/);
  });

  it('finds the build directory in .debug_str with DWARF 4, also when the section is zlib-compressed', async () => {
    for (const extra of [[], ['-gz=zlib']]) {
      const one = await fresh('dwarf4-a');
      const two = await fresh('dwarf4-b');
      const cflags = ['-gdwarf-4', ...extra];
      const before = await readFile((await buildCProgram(one, { cflags })).binary);
      const after = await readFile((await buildCProgram(two, { cflags })).binary);
      const children = compare(before, after);
      const debugStr = byPath(children, 'prog:.debug_str');
      expect(detailLines(debugStr)).toEqual([`-${one}`, `+${two}`]);
    }
  });

  it('reports nothing for the same build twice', async () => {
    const dir = await fresh('same');
    const before = await readFile((await buildCProgram(dir, { cflags: ['-g', '-Wl,--build-id'] })).binary);
    const after = await readFile((await buildCProgram(dir, { cflags: ['-g', '-Wl,--build-id'] })).binary);
    expect(before.equals(after)).toBe(true);
    expect(compare(before, after)).toEqual([]);
  });

  it('lists symbols added to .symtab by name', async () => {
    const dir = await fresh('symbols');
    const base = 'int helper(int x) { return x + 1; }\nint main(void) { return helper(1); }\n';
    const extra = 'int extra_function(int x) { return x * 2; }\n';
    const before = await readFile((await buildCProgram(dir, { source: base, cflags: ['-O0'] })).binary);
    const after = await readFile((await buildCProgram(dir, { source: extra + base, cflags: ['-O0'] })).binary);
    const children = compare(before, after);
    const symtab = byPath(children, 'prog:.symtab');
    expect(symtab.kind).toBe('lines');
    expect(detailLines(symtab)).toContain('+extra_function');
    expect(symtab.summary).toMatch(/^\.symtab: 1 symbol added \(e\.g\. "extra_function"\); \d+ moved or resized \(/);
    expect(paths(children)).toContain('prog:.text');
    expect(byPath(children, 'prog:.text').kind).toBe('bytes');
  });

  it('reports a changed SONAME from the dynamic section of a shared library', async () => {
    const dir = await fresh('soname');
    const source = 'int answer(void) { return 42; }\n';
    const build = async (soname: string): Promise<Buffer> =>
      readFile((await buildCProgram(dir, { name: 'libanswer.so', source, cflags: ['-shared', '-fPIC', `-Wl,-soname,${soname}`] })).binary);
    const before = await build('libanswer.so.1');
    const after = await build('libanswer.so.2');
    const children = compare(before, after, 'libanswer.so');
    const dynamic = byPath(children, 'libanswer.so:.dynamic');
    expect(detailLines(dynamic)).toEqual(['-SONAME libanswer.so.1', '+SONAME libanswer.so.2']);
    expect(dynamic.summary).toBe(
      '.dynamic: 1 string removed, 1 added (e.g. "SONAME libanswer.so.1" → "SONAME libanswer.so.2") (same entries; their strings in .dynstr changed)',
    );
    expect(detailLines(byPath(children, 'libanswer.so:.dynstr'))).toEqual(['-libanswer.so.1', '+libanswer.so.2']);
  });

  it('reports the Go build ID note as a field', async () => {
    const dir = await fresh('go');
    const { binary } = await buildCProgram(dir, {});
    const variants: Buffer[] = [];
    for (const id of ['aaaa/bbbb/cccc/dddd', 'aaaa/bbbb/cccc/eeee']) {
      const notePath = join(dir, 'go.note');
      await writeFile(notePath, note('le', 'Go', 4, Buffer.from(id)));
      const out = join(dir, `prog-${variants.length}`);
      await runObjcopy(['--add-section', `.note.go.buildid=${notePath}`, binary, out]);
      variants.push(await readFile(out));
    }
    const children = compare(variants[0] as Buffer, variants[1] as Buffer);
    expect(paths(children)).toEqual(['prog:.note.go.buildid']);
    expect(children[0]?.detail).toEqual({ type: 'field', name: 'Go build ID', before: 'aaaa/bbbb/cccc/dddd', after: 'aaaa/bbbb/cccc/eeee' });
  });

  it('compares a 32-bit object file from gcc -m32', async () => {
    const dir = await fresh('m32');
    const build = async (text: string): Promise<Buffer> => {
      await writeFile(join(dir, 'unit.c'), `const char *label(void) { return "${text}"; }\n`);
      await runTool('gcc', ['-m32', '-c', '-o', 'unit.o', 'unit.c'], { cwd: dir });
      return readFile(join(dir, 'unit.o'));
    };
    const before = await build('first label');
    const after = await build('other label');
    const children = compare(before, after, 'unit.o');
    expect(paths(children)).toEqual(['unit.o:.rodata']);
    expect(detailLines(children[0] as Difference)).toEqual(['-first label', '+other label']);
  });
});

/** objcopy (binutils) is not one of the toolchain helper's tools, so it runs here, without a shell. */
async function runObjcopy(args: string[]): Promise<void> {
  await promisify(execFile)('objcopy', args, { env: { PATH: process.env.PATH ?? '', LC_ALL: 'C' } });
}

describe('elf comparator: assembled files', () => {
  it('reads big-endian ELF32 and ELF64 and reports added and removed sections', () => {
    for (const elfClass of [32, 64] as const) {
      const before = assembleElf(elfClass, 'be', [
        { name: '.text', type: 1, data: Buffer.from([1, 2, 3, 4]) },
        { name: '.comment', type: 1, data: Buffer.from('GCC: (Example) 1.0\0') },
        { name: '.old', type: 1, data: Buffer.from('x') },
      ]);
      const after = assembleElf(elfClass, 'be', [
        { name: '.text', type: 1, data: Buffer.from([1, 2, 9, 4]) },
        { name: '.comment', type: 1, data: Buffer.from('GCC: (Example) 1.1\0') },
        { name: '.new', type: 1, data: Buffer.from('y') },
      ]);
      const children = compare(before, after, 'k.o');
      expect(children.map((c) => [c.path, c.kind])).toEqual([
        ['k.o:.text', 'bytes'],
        ['k.o:.comment', 'lines'],
        ['k.o:.old', 'removed'],
        ['k.o:.new', 'added'],
      ]);
      const text = children[0] as Difference;
      expect(text.summary).toBe('.text: 1 of 4 bytes differ in 1 range');
      expect(text.detail).toMatchObject({ type: 'bytes', changedBytes: 1, totalBytes: 4 });
      expect(detailLines(children[1] as Difference)).toEqual(['-GCC: (Example) 1.0', '+GCC: (Example) 1.1']);
      expect(elfComparator.describe('k.o', children)).toBe('2 sections differ: .text, .comment; 1 added: .new; 1 removed: .old');
    }
  });

  it('decodes a big-endian GNU build-id note', () => {
    const make = (id: string): Buffer =>
      assembleElf(64, 'be', [{ name: '.note.gnu.build-id', type: 7, addralign: 4, data: note('be', 'GNU', 3, Buffer.from(id, 'hex')) }]);
    const children = compare(make('0011223344'), make('00112233ff'));
    expect(children).toHaveLength(1);
    expect(children[0]?.detail).toEqual({ type: 'field', name: 'GNU build-id', before: '0011223344', after: '00112233ff' });
  });
});

describe('elf comparator: hostile input', () => {
  let real = Buffer.alloc(0);
  beforeAll(async () => {
    real = await readFile((await buildCProgram(await fresh('hostile'), { cflags: ['-g'] })).binary);
  });

  it('falls back with a reason on a truncated file', () => {
    const cut = real.subarray(0, Math.floor(real.length / 2));
    expect(fallbackReason(cut, real)).toMatch(/^old file: ELF64: section header table \(\d+ × 64 bytes\) at offset 0x[0-9a-f]+ \(\d+ bytes\) runs past the end of the file \(\d+ bytes\)$/);
    expect(fallbackReason(real.subarray(0, 10), real)).toBe('old file: ELF: identification bytes (e_ident) at offset 0x0 (16 bytes) runs past the end of the file (10 bytes)');
  });

  it('falls back on random bytes behind the magic', () => {
    const next = mulberry32(7);
    for (let i = 0; i < 50; i++) {
      const junk = Buffer.alloc(512);
      for (let j = 0; j < junk.length; j++) junk[j] = next() & 0xff;
      junk.set([0x7f, 0x45, 0x4c, 0x46], 0);
      junk[4] = 1 + (i % 2);
      junk[5] = 1 + ((i >> 1) % 2);
      expect(fallbackReason(junk, real)).toMatch(/^old file: ELF(32|64)?: /);
    }
  });

  it('falls back on a section count that would need more bytes than the file has', () => {
    const bad = Buffer.from(real);
    bad.writeUInt16LE(0xfffe, 60); // e_shnum
    expect(fallbackReason(real, bad)).toMatch(/^new file: ELF64: section header table \(65534 × 64 bytes\)/);
  });

  it('falls back on a note whose name size points past its section', () => {
    const make = (namesz: number): Buffer => {
      const data = note('le', 'GNU', 3, Buffer.from('0011', 'hex'));
      data.writeUInt32LE(namesz, 0);
      return assembleElf(64, 'le', [{ name: '.note.gnu.build-id', type: 7, data }]);
    };
    expect(fallbackReason(make(0xffffffff), make(4))).toMatch(/^ELF note section \.note\.gnu\.build-id: note 0 name at offset 0xc \(4294967295 bytes\) runs past/);
  });

  it('never crashes and stays fast on 300 mutations of a real binary', () => {
    const next = mulberry32(42);
    for (let i = 0; i < 300; i++) {
      const mutated = Buffer.from(real);
      // Damage the headers, where the offsets live.
      const flips = 1 + (next() % 8);
      for (let f = 0; f < flips; f++) {
        const inHeaders = next() % 2 === 0;
        const at = inHeaders ? next() % 64 : real.length - 1 - (next() % Math.min(real.length, 2560));
        mutated[at] = next() & 0xff;
      }
      try {
        const children = compare(real, mutated);
        expect(Array.isArray(children)).toBe(true);
      } catch (error) {
        expect((error as Error).name).toBe('ComparatorFallback');
      }
    }
  });
});
