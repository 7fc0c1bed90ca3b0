import { describe, expect, it } from '@jest/globals';
import { peComparator } from '../../src/compare/comparators/pe.js';
import { parseHexdump } from '../../src/compare/byte-ranges.js';
import { parsePe } from '../../src/compare/formats/pe.js';
import { ComparatorFallback, DEFAULT_LIMITS, type CompareContext, type Difference } from '../../src/compare/types.js';
import { mulberry32 } from '../helpers/toolchain.js';

/*
 * No MinGW or MSVC here (x86_64-w64-mingw32-gcc is absent), so the tests assemble minimal, valid
 * PE images from the PE Format specification. Layout (PE32+; PE32 shifts the optional header
 * fields as noted):
 *
 *   0x000  DOS header: "MZ", e_lfanew (u32 at 0x3c) = 0x40
 *   0x040  "PE\0\0"
 *   0x044  COFF header (20 bytes): Machine, NumberOfSections, TimeDateStamp, PointerToSymbolTable,
 *          NumberOfSymbols, SizeOfOptionalHeader, Characteristics
 *   0x058  optional header: Magic 0x20b; AddressOfEntryPoint +16; ImageBase +24 (u64; PE32: +28 u32);
 *          SizeOfImage +56; SizeOfHeaders +60; CheckSum +64; Subsystem +68;
 *          NumberOfRvaAndSizes +108 (PE32: +92); data directories +112 (PE32: +96), 16 × 8 bytes
 *   then   section table, 40 bytes per section
 *   0x200  .text raw data (0x200 bytes, RVA 0x1000)
 *   0x400  .rdata raw data (0x200 bytes, RVA 0x2000): the debug directory (one 28-byte CodeView
 *          entry) at 0x400, its RSDS record at 0x41c ("RSDS", GUID, age, PDB path), a string after
 *   0x600  end, or a COFF string table when a section has a long name
 */
interface PeSpec {
  pe32?: boolean;
  timeDateStamp?: number;
  checkSum?: number;
  debugTimeDateStamp?: number;
  guid?: string;
  age?: number;
  pdbPath?: string;
  text?: Buffer;
  rdataTail?: string;
  /** A third section, named through the string table when longer than 8 bytes. */
  extraSection?: string;
}

const FILE_ALIGN = 0x200;

function assemblePe(spec: PeSpec = {}): Buffer {
  const pe32 = spec.pe32 === true;
  const sections: { name: string; rva: number; data: Buffer }[] = [];
  const text = Buffer.alloc(FILE_ALIGN, 0xcc);
  (spec.text ?? Buffer.from([0x48, 0x31, 0xc0, 0xc3])).copy(text);
  sections.push({ name: '.text', rva: 0x1000, data: text });

  const rdata = Buffer.alloc(FILE_ALIGN);
  const pdb = Buffer.from(`${spec.pdbPath ?? 'C:\\build\\app.pdb'}\0`);
  const rsds = Buffer.alloc(24);
  rsds.write('RSDS', 0, 'latin1');
  Buffer.from((spec.guid ?? '00112233445566778899aabbccddeeff'), 'hex').copy(rsds, 4);
  rsds.writeUInt32LE(spec.age ?? 1, 20);
  const record = Buffer.concat([rsds, pdb]);
  // Debug directory entry: Characteristics, TimeDateStamp, Major, Minor, Type, SizeOfData, AddressOfRawData, PointerToRawData.
  rdata.writeUInt32LE(spec.debugTimeDateStamp ?? 0x5f000000, 4);
  rdata.writeUInt32LE(2, 12);
  rdata.writeUInt32LE(record.length, 16);
  rdata.writeUInt32LE(0x2000 + 28, 20);
  rdata.writeUInt32LE(0x400 + 28, 24);
  record.copy(rdata, 28);
  Buffer.from(spec.rdataTail ?? 'constant data').copy(rdata, 0x100);
  sections.push({ name: '.rdata', rva: 0x2000, data: rdata });
  if (spec.extraSection !== undefined) sections.push({ name: spec.extraSection, rva: 0x3000, data: Buffer.alloc(FILE_ALIGN, 0x11) });

  const optionalSize = (pe32 ? 96 : 112) + 16 * 8;
  const headerEnd = 0x58 + optionalSize + sections.length * 40;
  if (headerEnd > FILE_ALIGN) throw new Error('headers overflow');
  const rawStart = FILE_ALIGN;
  const stringTable: Buffer[] = [];
  let stringsSize = 4;
  const out = Buffer.alloc(rawStart + sections.length * FILE_ALIGN);
  out.write('MZ', 0, 'latin1');
  out.writeUInt32LE(0x40, 0x3c);
  out.write('PE\0\0', 0x40, 'latin1');
  out.writeUInt16LE(pe32 ? 0x14c : 0x8664, 0x44);
  out.writeUInt16LE(sections.length, 0x46);
  out.writeUInt32LE(spec.timeDateStamp ?? 0x5f000000, 0x48);
  out.writeUInt16LE(optionalSize, 0x54);
  out.writeUInt16LE(0x22, 0x56);
  const opt = 0x58;
  out.writeUInt16LE(pe32 ? 0x10b : 0x20b, opt);
  out[opt + 2] = 14;
  out[opt + 3] = 36;
  out.writeUInt32LE(0x1000, opt + 16);
  if (pe32) out.writeUInt32LE(0x400000, opt + 28);
  else out.writeBigUInt64LE(0x140000000n, opt + 24);
  out.writeUInt32LE(0x1000, opt + 32);
  out.writeUInt32LE(FILE_ALIGN, opt + 36);
  out.writeUInt32LE(0x1000 * (sections.length + 1), opt + 56);
  out.writeUInt32LE(FILE_ALIGN, opt + 60);
  out.writeUInt32LE(spec.checkSum ?? 0, opt + 64);
  out.writeUInt16LE(3, opt + 68);
  out.writeUInt16LE(0x8160, opt + 70);
  const dirs = opt + (pe32 ? 96 : 112);
  out.writeUInt32LE(16, dirs - 4);
  out.writeUInt32LE(0x2000, dirs + 6 * 8);
  out.writeUInt32LE(28, dirs + 6 * 8 + 4);
  sections.forEach((section, i) => {
    const at = opt + optionalSize + i * 40;
    if (section.name.length <= 8) out.write(section.name, at, 'latin1');
    else {
      out.write(`/${stringsSize}`, at, 'latin1');
      stringTable.push(Buffer.from(`${section.name}\0`));
      stringsSize += section.name.length + 1;
    }
    out.writeUInt32LE(section.data.length, at + 8);
    out.writeUInt32LE(section.rva, at + 12);
    out.writeUInt32LE(section.data.length, at + 16);
    out.writeUInt32LE(rawStart + i * FILE_ALIGN, at + 20);
    out.writeUInt32LE(0x40000040, at + 36);
    section.data.copy(out, rawStart + i * FILE_ALIGN);
  });
  if (stringTable.length === 0) return out;
  // A COFF string table right after the (empty) symbol table: u32 size, then the strings.
  out.writeUInt32LE(out.length, 0x4c);
  const size = Buffer.alloc(4);
  size.writeUInt32LE(stringsSize);
  return Buffer.concat([out, size, ...stringTable]);
}

const ctx: CompareContext = {
  limits: DEFAULT_LIMITS,
  depth: 0,
  compareNested: () => {
    throw new Error('PE never nests');
  },
};
const PATH = 'app.exe';
const compare = (a: Buffer, b: Buffer): Difference[] => peComparator.compare(PATH, a, b, ctx);
const fields = (children: readonly Difference[]): [string, string, string][] =>
  children.flatMap((c) => (c.detail?.type === 'field' ? [[c.path, c.detail.before, c.detail.after] as [string, string, string]] : []));

function fallbackReason(a: Buffer, b: Buffer): string {
  try {
    compare(a, b);
  } catch (error) {
    if (error instanceof ComparatorFallback) return error.message;
    throw error;
  }
  throw new Error('expected a ComparatorFallback');
}

describe('pe comparator', () => {
  it('parses the assembled image the way the specification lays it out', () => {
    const file = parsePe(assemblePe());
    expect(file.sections.map((s) => s.name)).toEqual(['.text', '.rdata']);
    expect(file.debug).toHaveLength(1);
    expect(file.machine).toBe(0x8664);
    expect(peComparator.recognizes(PATH, assemblePe().subarray(0, 4096))).toBe(true);
  });

  it('reports the header and debug fields of two links, and no section content', () => {
    const before = assemblePe();
    const after = assemblePe({
      timeDateStamp: 0x65000000,
      checkSum: 0x1234,
      debugTimeDateStamp: 0x65000000,
      guid: 'ffeeddccbbaa99887766554433221100',
      age: 2,
      pdbPath: 'D:\\agent\\_work\\app.pdb',
    });
    const children = compare(before, after);
    expect(fields(children)).toEqual([
      [`${PATH}:TimeDateStamp`, '0x5f000000 (2020-07-04T04:05:20Z)', '0x65000000 (2023-09-12T06:06:56Z)'],
      [`${PATH}:CheckSum`, '0x00000000', '0x00001234'],
      [`${PATH}:CodeView TimeDateStamp`, '0x5f000000 (2020-07-04T04:05:20Z)', '0x65000000 (2023-09-12T06:06:56Z)'],
      [`${PATH}:CodeView GUID`, '{33221100-5544-7766-8899-AABBCCDDEEFF}', '{CCDDEEFF-AABB-8899-7766-554433221100}'],
      [`${PATH}:CodeView age`, '1', '2'],
      [`${PATH}:PDB path`, 'C:\\build\\app.pdb', 'D:\\agent\\_work\\app.pdb'],
    ]);
    expect(children.every((c) => c.kind === 'field' && c.comparator === 'pe' && c.causes.length === 0)).toBe(true);
    expect(peComparator.describe(PATH, children)).toBe(
      'TimeDateStamp, CheckSum, CodeView TimeDateStamp, CodeView GUID and 2 more differ; no section content differs',
    );
  });

  it('reports sections whose bytes differ outside the debug records', () => {
    const before = assemblePe();
    const after = assemblePe({ text: Buffer.from([0x48, 0x31, 0xdb, 0xc3]), rdataTail: 'constant dada', age: 3 });
    const children = compare(before, after);
    expect(children.map((c) => [c.path, c.kind])).toEqual([
      [`${PATH}:CodeView age`, 'field'],
      [`${PATH}:.text`, 'bytes'],
      [`${PATH}:.rdata`, 'bytes'],
    ]);
    expect(children[1]?.summary).toBe('.text: 1 of 512 bytes differ in 1 range');
    expect(children[1]?.detail).toMatchObject({ ranges: [{ oldOffset: 0x202, oldLength: 1, newOffset: 0x202, newLength: 1 }] });
    // The hexdump speaks file offsets, in the shared format the cause classifier reads back.
    const detail = children[1]?.detail;
    if (detail?.type !== 'bytes') throw new Error('bytes detail expected');
    const [span] = parseHexdump(detail.hexdump[0]?.before ?? '');
    expect(span?.offset).toBe(0x200);
    expect(span?.bytes.equals(before.subarray(0x200, 0x200 + span.bytes.length))).toBe(true);
    expect(peComparator.describe(PATH, children)).toBe('CodeView age differs; 2 sections differ: .text, .rdata');
  });

  it('reports nothing for the same image twice, and sections added by their long names', () => {
    expect(compare(assemblePe(), assemblePe())).toEqual([]);
    const children = compare(assemblePe({ pe32: true }), assemblePe({ pe32: true, extraSection: '.debug_frame_long' }));
    expect(children.filter((c) => c.kind === 'added').map((c) => c.path)).toEqual([`${PATH}:.debug_frame_long`]);
    expect(fields(children).map(([path]) => path)).toEqual([`${PATH}:SizeOfImage`]);
  });

  it('falls back with a reason on truncated and damaged images', () => {
    const good = assemblePe();
    expect(fallbackReason(good.subarray(0, 0x300), good)).toBe(
      'old file: PE: section .text raw data at offset 0x200 (512 bytes) runs past the end of the file (768 bytes)',
    );
    expect(fallbackReason(good, good.subarray(0, 0x500))).toBe(
      'new file: PE: section .rdata raw data at offset 0x400 (512 bytes) runs past the end of the file (1280 bytes)',
    );
    expect(fallbackReason(good.subarray(0, 0x30), good)).toBe('old file: PE: MZ header at offset 0x0 (64 bytes) runs past the end of the file (48 bytes)');
    const farLfanew = Buffer.from(good);
    farLfanew.writeUInt32LE(0xfffffff0, 0x3c);
    expect(fallbackReason(farLfanew, good)).toBe('old file: PE: PE signature at offset 0xfffffff0 (4 bytes) runs past the end of the file (1536 bytes)');
    const manyDirectories = Buffer.from(good);
    manyDirectories.writeUInt32LE(0xffffffff, 0x58 + 108);
    expect(fallbackReason(good, manyDirectories)).toBe('new file: PE: NumberOfRvaAndSizes 4294967295 does not fit the optional header (room for 16)');
    const unmapped = Buffer.from(good);
    unmapped.writeUInt32LE(0x9000, 0x58 + 112 + 6 * 8);
    expect(fallbackReason(unmapped, good)).toBe("old file: PE: debug directory RVA 0x9000 lies in no section's file data");
  });

  it('never crashes and stays fast on random bytes behind the signatures and on mutations', () => {
    const good = assemblePe();
    const next = mulberry32(5);
    for (let i = 0; i < 500; i++) {
      const mutated = Buffer.from(good);
      if (i % 2 === 0) {
        for (let j = 0x44; j < 0x200; j++) mutated[j] = next() & 0xff;
      } else {
        for (let f = 0; f < 4; f++) mutated[0x3c + (next() % 0x200)] = next() & 0xff;
      }
      try {
        compare(good, mutated);
      } catch (error) {
        expect((error as Error).name).toBe('ComparatorFallback');
      }
    }
  });
});
