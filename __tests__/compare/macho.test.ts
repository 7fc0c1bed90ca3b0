import { describe, expect, it } from '@jest/globals';
import { machoComparator } from '../../src/compare/comparators/macho.js';
import { parseMacho } from '../../src/compare/formats/macho.js';
import { compareFile } from '../../src/compare/registry.js';
import { ComparatorFallback, DEFAULT_LIMITS, type CompareContext, type Difference } from '../../src/compare/types.js';
import { mulberry32 } from '../helpers/toolchain.js';

/*
 * No Apple toolchain here, so the tests assemble Mach-O images from <mach-o/loader.h>:
 *
 *   0x000  mach_header(_64): magic, cputype, cpusubtype, filetype, ncmds, sizeofcmds, flags
 *          (+ reserved in 64-bit: 32 bytes; 28 in 32-bit)
 *          load commands, in order: LC_SEGMENT(_64) __TEXT with __text and __cstring;
 *          LC_SEGMENT(_64) __LINKEDIT (no sections); LC_UUID; LC_BUILD_VERSION (one tool);
 *          LC_LOAD_DYLIB /usr/lib/libSystem.B.dylib; LC_SYMTAB; LC_CODE_SIGNATURE
 *   0x400  __TEXT,__text (16 bytes)
 *   0x410  __TEXT,__cstring (NUL-separated strings, 48 bytes)
 *   0x800  __LINKEDIT: nlist(_64) entries, then the string table, then the code signature blob
 */
interface MachoSpec {
  is64?: boolean;
  endian?: 'le' | 'be';
  uuid?: string;
  sdk?: number;
  dylibTimestamp?: number;
  text?: Buffer;
  strings?: string[];
  symbols?: string[];
  signature?: Buffer;
}

function assembleMacho(spec: MachoSpec = {}): Buffer {
  const is64 = spec.is64 ?? true;
  const le = (spec.endian ?? 'le') === 'le';
  const out = Buffer.alloc(0x900);
  const u32 = (v: number, at: number): void => void (le ? out.writeUInt32LE(v >>> 0, at) : out.writeUInt32BE(v >>> 0, at));
  const word = (v: number, at: number): void => (is64 ? void (le ? out.writeBigUInt64LE(BigInt(v), at) : out.writeBigUInt64BE(BigInt(v), at)) : u32(v, at));
  const name16 = (text: string, at: number): void => void out.write(text, at, 'latin1');
  const headerSize = is64 ? 32 : 28;
  let at = headerSize;
  let ncmds = 0;

  const text = Buffer.alloc(16);
  (spec.text ?? Buffer.from([0x20, 0x00, 0x80, 0x52, 0xc0, 0x03, 0x5f, 0xd6])).copy(text);
  const cstrings = Buffer.from((spec.strings ?? ['hello', '/Users/ci/build-1/main.c']).map((s) => `${s}\0`).join(''), 'latin1');
  text.copy(out, 0x400);
  cstrings.copy(out, 0x410);

  // __TEXT segment with two sections.
  const segment = (segname: string, fileoff: number, filesize: number, sections: { name: string; offset: number; size: number; flags: number }[]): void => {
    const fixed = is64 ? 72 : 56;
    const sectionSize = is64 ? 80 : 68;
    const size = fixed + sections.length * sectionSize;
    u32(is64 ? 0x19 : 0x1, at);
    u32(size, at + 4);
    name16(segname, at + 8);
    if (is64) {
      word(fileoff, at + 40);
      word(filesize, at + 48);
      u32(sections.length, at + 64);
    } else {
      u32(fileoff, at + 32);
      u32(filesize, at + 36);
      u32(sections.length, at + 48);
    }
    sections.forEach((section, i) => {
      const base = at + fixed + i * sectionSize;
      name16(section.name, base);
      name16(segname, base + 16);
      if (is64) {
        word(section.size, base + 40);
        u32(section.offset, base + 48);
        u32(section.flags, base + 64);
      } else {
        u32(section.size, base + 36);
        u32(section.offset, base + 40);
        u32(section.flags, base + 56);
      }
    });
    at += size;
    ncmds++;
  };
  segment('__TEXT', 0, 0x800, [
    { name: '__text', offset: 0x400, size: 16, flags: 0x80000400 },
    { name: '__cstring', offset: 0x410, size: 48, flags: 0x2 },
  ]);
  segment('__LINKEDIT', 0x800, 0x100, []);

  u32(0x1b, at);
  u32(24, at + 4);
  Buffer.from(spec.uuid ?? '11111111222233334444555555555555', 'hex').copy(out, at + 8);
  at += 24;
  ncmds++;

  u32(0x32, at);
  u32(32, at + 4);
  u32(1, at + 8); // macOS
  u32(0x000e0000, at + 12); // minos 14.0
  u32(spec.sdk ?? 0x000e0500, at + 16); // sdk 14.5
  u32(1, at + 20);
  u32(3, at + 24); // ld
  u32(0x03b70000, at + 28);
  at += 32;
  ncmds++;

  const dylib = '/usr/lib/libSystem.B.dylib\0';
  const dylibSize = 24 + Math.ceil(dylib.length / 8) * 8;
  u32(0xc, at);
  u32(dylibSize, at + 4);
  u32(24, at + 8);
  u32(spec.dylibTimestamp ?? 2, at + 12);
  u32(0x05270000, at + 16);
  u32(0x00010000, at + 20);
  out.write(dylib, at + 24, 'latin1');
  at += dylibSize;
  ncmds++;

  // Symbols: nlist(_64) entries at 0x800, string table after them.
  const symbols = spec.symbols ?? ['_main', '_helper'];
  const entry = is64 ? 16 : 12;
  const stroff = 0x800 + symbols.length * entry;
  let strings = Buffer.from('\0', 'latin1');
  symbols.forEach((symbol, i) => {
    u32(strings.length, 0x800 + i * entry);
    out[0x800 + i * entry + 4] = 0x0f;
    strings = Buffer.concat([strings, Buffer.from(`${symbol}\0`, 'latin1')]);
  });
  strings.copy(out, stroff);
  u32(0x2, at);
  u32(24, at + 4);
  u32(0x800, at + 8);
  u32(symbols.length, at + 12);
  u32(stroff, at + 16);
  u32(strings.length, at + 20);
  at += 24;
  ncmds++;

  const signature = spec.signature ?? Buffer.alloc(32, 0xaa);
  signature.copy(out, 0x880);
  u32(0x1d, at);
  u32(16, at + 4);
  u32(0x880, at + 8);
  u32(signature.length, at + 12);
  at += 16;
  ncmds++;

  u32(is64 ? 0xfeedfacf : 0xfeedface, 0);
  u32(is64 ? 0x0100000c : 18, 4);
  u32(2, 12);
  u32(ncmds, 16);
  u32(at - headerSize, 20);
  u32(0x00200085, 24);
  return out;
}

/** A universal binary around the given slices, each at a 0x1000-aligned offset. */
function assembleFat(slices: { cputype: number; data: Buffer }[]): Buffer {
  const header = Buffer.alloc(0x1000);
  header.writeUInt32BE(0xcafebabe, 0);
  header.writeUInt32BE(slices.length, 4);
  const parts: Buffer[] = [header];
  let offset = 0x1000;
  slices.forEach((slice, i) => {
    const at = 8 + i * 20;
    header.writeUInt32BE(slice.cputype, at);
    header.writeUInt32BE(offset, at + 8);
    header.writeUInt32BE(slice.data.length, at + 12);
    header.writeUInt32BE(12, at + 16);
    const padded = Buffer.alloc(Math.ceil(slice.data.length / 0x1000) * 0x1000);
    slice.data.copy(padded);
    parts.push(padded);
    offset += padded.length;
  });
  return Buffer.concat(parts);
}

const ctx: CompareContext = {
  limits: DEFAULT_LIMITS,
  depth: 0,
  compareNested: (path, a, b) => compareFile(path, a, b, [machoComparator], DEFAULT_LIMITS, 1),
};
const PATH = 'App';
const compare = (a: Buffer, b: Buffer): Difference[] => machoComparator.compare(PATH, a, b, ctx);
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

describe('macho comparator', () => {
  it('parses the assembled image in both widths and byte orders', () => {
    for (const is64 of [true, false]) {
      for (const endian of ['le', 'be'] as const) {
        const file = parseMacho(assembleMacho({ is64, endian }));
        expect(file.uuid).toBe('11111111-2222-3333-4444-555555555555');
        expect(file.segments.map((s) => [s.name, s.sections.map((x) => x.name)])).toEqual([
          ['__TEXT', ['__TEXT,__text', '__TEXT,__cstring']],
          ['__LINKEDIT', []],
        ]);
        expect(file.versions).toEqual(new Map([['platform', 'macOS'], ['minos', '14.0'], ['sdk', '14.5'], ['ld', '951.0']]));
        expect(file.dylibs).toEqual([{ command: 'LC_LOAD_DYLIB', name: '/usr/lib/libSystem.B.dylib', timestamp: 2, currentVersion: '1319.0', compatibilityVersion: '1.0' }]);
        expect(file.symbols).toEqual(['_main', '_helper']);
      }
    }
  });

  it('reports LC_UUID as a field and nothing else when only the UUID differs', () => {
    const before = assembleMacho();
    const after = assembleMacho({ uuid: 'aaaaaaaabbbbccccddddeeeeeeeeeeee' });
    const children = compare(before, after);
    expect(children).toEqual([
      {
        path: `${PATH}:LC_UUID`,
        kind: 'field',
        comparator: 'macho',
        summary: 'LC_UUID differs: 11111111-2222-3333-4444-555555555555 → AAAAAAAA-BBBB-CCCC-DDDD-EEEEEEEEEEEE',
        detail: { type: 'field', name: 'LC_UUID', before: '11111111-2222-3333-4444-555555555555', after: 'AAAAAAAA-BBBB-CCCC-DDDD-EEEEEEEEEEEE' },
        causes: [],
        children: [],
      },
    ]);
    expect(machoComparator.describe(PATH, children)).toBe('LC_UUID differs');
  });

  it('reports sections, strings, symbols, the SDK, a dylib timestamp and the code signature', () => {
    const before = assembleMacho();
    const after = assembleMacho({
      uuid: '99999999222233334444555555555555',
      sdk: 0x000f0000,
      dylibTimestamp: 1700000000,
      text: Buffer.from([0x40, 0x00, 0x80, 0x52, 0xc0, 0x03, 0x5f, 0xd6]),
      strings: ['hello', '/Users/ci/build-2/main.c'],
      symbols: ['_main', '_extra'],
      signature: Buffer.alloc(32, 0xbb),
    });
    const children = compare(before, after);
    expect(children.map((c) => [c.path, c.kind])).toEqual([
      [`${PATH}:LC_UUID`, 'field'],
      [`${PATH}:build version sdk`, 'field'],
      [`${PATH}:LC_LOAD_DYLIB /usr/lib/libSystem.B.dylib timestamp`, 'field'],
      [`${PATH}:__TEXT,__text`, 'bytes'],
      [`${PATH}:__TEXT,__cstring`, 'lines'],
      [`${PATH}:__LINKEDIT`, 'bytes'],
      [`${PATH}:symbols`, 'lines'],
      [`${PATH}:code signature`, 'bytes'],
    ]);
    expect(children[1]?.detail).toEqual({ type: 'field', name: 'build version sdk', before: '14.5', after: '15.0' });
    expect(detailLines(children[4])).toEqual(['-/Users/ci/build-1/main.c', '+/Users/ci/build-2/main.c']);
    expect(detailLines(children[6])).toEqual(['-_helper', '+_extra']);
    expect(children[3]?.summary).toBe('__TEXT,__text: 1 of 16 bytes differ in 1 range');
    expect(machoComparator.describe(PATH, children)).toBe(
      'LC_UUID, build version sdk, LC_LOAD_DYLIB /usr/lib/libSystem.B.dylib timestamp differ; 5 parts differ: __TEXT,__text, __TEXT,__cstring, __LINKEDIT, symbols and 1 more',
    );
  });

  it('reports nothing for the same image twice', () => {
    expect(compare(assembleMacho(), assembleMacho())).toEqual([]);
  });

  it('recurses into the slices of a universal binary through the registry', () => {
    const x86 = assembleMacho();
    const before = assembleFat([{ cputype: 0x01000007, data: x86 }, { cputype: 0x0100000c, data: assembleMacho() }]);
    const after = assembleFat([{ cputype: 0x01000007, data: x86 }, { cputype: 0x0100000c, data: assembleMacho({ uuid: '00000000222233334444555555555555' }) }]);
    const children = compare(before, after);
    expect(children.map((c) => [c.path, c.comparator, c.summary])).toEqual([
      [`${PATH}:arm64`, 'macho', 'LC_UUID differs: 11111111-2222-3333-4444-555555555555 → 00000000-2222-3333-4444-555555555555'],
    ]);
    expect(children[0]?.children.map((c) => c.path)).toEqual([`${PATH}:arm64:LC_UUID`]);
  });

  it('compares a thin image with the matching slice of a universal binary (issue #10 item 2)', () => {
    // The image itself is arm64 (cputype 0x0100000c); the universal binary also holds an x86_64 slice.
    const universal = assembleFat([{ cputype: 0x01000007, data: assembleMacho() }, { cputype: 0x0100000c, data: assembleMacho() }]);
    const thin = assembleMacho({ uuid: '00000000222233334444555555555555' });
    const children = compare(universal, thin);
    expect(children.map((c) => [c.path, c.summary])).toEqual([
      [`${PATH}:universal binary`, 'universal binary → thin arm64 image (other architectures: x86_64)'],
      [`${PATH}:arm64`, 'LC_UUID differs: 11111111-2222-3333-4444-555555555555 → 00000000-2222-3333-4444-555555555555'],
    ]);
    // The same slice thin: only the wrapper changed.
    expect(compare(assembleMacho(), universal).map((c) => c.summary)).toEqual(['thin arm64 image → universal binary (other architectures: x86_64)']);
    expect(fallbackReason(assembleFat([{ cputype: 0x01000007, data: assembleMacho() }]), thin)).toBe('the universal binary has no arm64 slice to compare the thin image with');
  });

  it('falls back with a reason on truncated and damaged images', () => {
    const good = assembleMacho();
    expect(fallbackReason(good.subarray(0, 0x850), good)).toBe('old file: Mach-O: segment __LINKEDIT at offset 0x800 (256 bytes) runs past the end of the file (2128 bytes)');
    expect(fallbackReason(good.subarray(0, 20), good)).toBe('old file: Mach-O: mach header at offset 0x0 (28 bytes) runs past the end of the file (20 bytes)');
    const manyCommands = Buffer.from(good);
    manyCommands.writeUInt32LE(0xffffffff, 16);
    expect(fallbackReason(good, manyCommands)).toMatch(/^new file: Mach-O: ncmds 4294967295 cannot fit in sizeofcmds \d+$/);
    const badSize = Buffer.from(good);
    badSize.writeUInt32LE(4, 32 + 4);
    expect(fallbackReason(badSize, good)).toBe('old file: Mach-O: load command 0 (0x19) at offset 0x20 has cmdsize 4, outside the load commands');
    const fat = assembleFat([{ cputype: 0x0100000c, data: good }]);
    fat.writeUInt32BE(0x7fffffff, 8 + 12);
    expect(fallbackReason(fat, fat)).toMatch(/^old file: Mach-O universal: arch 0 \(arm64\) slice at offset 0x1000 \(2147483647 bytes\) runs past/);
  });

  it('never crashes and stays fast on random load commands', () => {
    const good = assembleMacho();
    const next = mulberry32(17);
    for (let i = 0; i < 500; i++) {
      const mutated = Buffer.from(good);
      if (i % 2 === 0) for (let j = 16; j < 0x400; j++) mutated[j] = next() & 0xff;
      else for (let f = 0; f < 4; f++) mutated[16 + (next() % 0x3f0)] = next() & 0xff;
      try {
        compare(good, mutated);
      } catch (error) {
        expect((error as Error).name).toBe('ComparatorFallback');
      }
    }
  });
});
