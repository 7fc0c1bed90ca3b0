/**
 * PE/COFF images (Microsoft PE Format specification): the MZ stub's e_lfanew, the COFF file
 * header, the optional header (PE32 and PE32+) with its data directories, the section table, and
 * the debug directory with CodeView (RSDS/NB10) and REPRO entries. All offsets are checked.
 */
import { ByteView, hex } from './bytes.js';

export interface PeSection {
  name: string;
  virtualSize: number;
  virtualAddress: number;
  rawSize: number;
  rawOffset: number;
  characteristics: number;
}

export interface PeDebugEntry {
  type: number;
  timeDateStamp: number;
  majorVersion: number;
  minorVersion: number;
  data: Buffer;
  /** File offset of the entry's data, 0 when it has none in the file. */
  dataOffset: number;
}

export interface CodeView {
  signature: 'RSDS' | 'NB10';
  /** RSDS: the GUID as Windows prints it; NB10: the signature as hex. */
  guid: string;
  age: number;
  pdbPath: string;
}

export interface PeFile {
  machine: number;
  timeDateStamp: number;
  characteristics: number;
  /** 0x10b PE32, 0x20b PE32+. */
  magic: number;
  linkerVersion: string;
  entryPoint: number;
  imageBase: bigint;
  sizeOfImage: number;
  sizeOfHeaders: number;
  checkSum: number;
  /** File offset of the CheckSum field, so comparisons can set it aside. */
  checkSumOffset: number;
  subsystem: number;
  dllCharacteristics: number;
  directories: { rva: number; size: number }[];
  sections: PeSection[];
  debug: PeDebugEntry[];
  /** The export directory's TimeDateStamp, when there is an export directory. */
  exportTimeDateStamp: number | undefined;
  view: ByteView;
}

export const DEBUG_TYPES: Record<number, string> = {
  1: 'COFF', 2: 'CodeView', 3: 'FPO', 4: 'Misc', 5: 'Exception', 6: 'Fixup', 7: 'OMAP to source', 8: 'OMAP from source',
  9: 'Borland', 10: 'Reserved10', 11: 'CLSID', 12: 'VC feature', 13: 'POGO', 14: 'ILTCG', 15: 'MPX', 16: 'REPRO',
  20: 'extended DLL characteristics',
};

export const DIRECTORY_EXPORT = 0;
export const DIRECTORY_SECURITY = 4;
export const DIRECTORY_DEBUG = 6;

export function looksLikePe(head: Buffer): boolean {
  if (head.length < 0x40 || head[0] !== 0x4d || head[1] !== 0x5a) return false;
  const lfanew = head.readUInt32LE(0x3c);
  return lfanew + 4 <= head.length && head.readUInt32LE(lfanew) === 0x00004550;
}

/** The file offset of an RVA, through the section that maps it (or the headers). */
export function rvaToOffset(file: Pick<PeFile, 'sections' | 'sizeOfHeaders'>, rva: number): number | undefined {
  if (rva < file.sizeOfHeaders) return rva;
  for (const section of file.sections) {
    const span = Math.max(section.virtualSize, section.rawSize);
    if (rva >= section.virtualAddress && rva < section.virtualAddress + span) {
      const delta = rva - section.virtualAddress;
      return delta < section.rawSize ? section.rawOffset + delta : undefined;
    }
  }
  return undefined;
}

function guidText(bytes: Buffer): string {
  const h = (b: Buffer): string => b.toString('hex').toUpperCase();
  const d1 = bytes.readUInt32LE(0).toString(16).padStart(8, '0').toUpperCase();
  const d2 = bytes.readUInt16LE(4).toString(16).padStart(4, '0').toUpperCase();
  const d3 = bytes.readUInt16LE(6).toString(16).padStart(4, '0').toUpperCase();
  return `{${d1}-${d2}-${d3}-${h(bytes.subarray(8, 10))}-${h(bytes.subarray(10, 16))}}`;
}

export function readCodeView(entry: PeDebugEntry): CodeView | undefined {
  const view = new ByteView(entry.data, 'le', 'PE CodeView record');
  if (entry.data.length < 4) return undefined;
  const signature = entry.data.toString('latin1', 0, 4);
  if (signature === 'RSDS') {
    const guid = guidText(view.bytes(4, 16, 'RSDS GUID'));
    const age = view.u32(20, 'RSDS age');
    return { signature, guid, age, pdbPath: view.cstring(24, 'RSDS PDB path') };
  }
  if (signature === 'NB10') {
    const stamp = view.u32(8, 'NB10 signature');
    const age = view.u32(12, 'NB10 age');
    return { signature, guid: hex(stamp, 8), age, pdbPath: view.cstring(16, 'NB10 PDB path') };
  }
  return undefined;
}

export function parsePe(buf: Buffer): PeFile {
  const view: ByteView = new ByteView(buf, 'le', 'PE');
  view.check(0, 0x40, 'MZ header');
  if (buf[0] !== 0x4d || buf[1] !== 0x5a) view.fail('no MZ signature');
  const lfanew = view.u32(0x3c, 'e_lfanew');
  if (view.u32(lfanew, 'PE signature') !== 0x00004550) view.fail(`no "PE\\0\\0" signature at e_lfanew ${hex(lfanew)}`);
  const coff = lfanew + 4;
  view.check(coff, 20, 'COFF file header');
  const sectionCount = view.u16(coff + 2, 'NumberOfSections');
  const optionalSize = view.u16(coff + 16, 'SizeOfOptionalHeader');
  const optional = coff + 20;
  view.check(optional, optionalSize, 'optional header');
  const magic = view.u16(optional, 'optional header Magic');
  if (magic !== 0x10b && magic !== 0x20b) view.fail(`optional header Magic ${hex(magic)} is neither PE32 (0x10b) nor PE32+ (0x20b)`);
  const plus = magic === 0x20b;
  const fixedSize = plus ? 112 : 96;
  if (optionalSize < fixedSize) view.fail(`SizeOfOptionalHeader ${optionalSize} is smaller than the ${fixedSize} bytes a ${plus ? 'PE32+' : 'PE32'} header needs`);
  const directoryCount = view.u32(optional + (plus ? 108 : 92), 'NumberOfRvaAndSizes');
  const maxDirectories = Math.floor((optionalSize - fixedSize) / 8);
  if (directoryCount > maxDirectories) view.fail(`NumberOfRvaAndSizes ${directoryCount} does not fit the optional header (room for ${maxDirectories})`);
  const directories: { rva: number; size: number }[] = [];
  for (let i = 0; i < directoryCount; i++) {
    const at = optional + fixedSize + i * 8;
    directories.push({ rva: view.u32(at, `data directory ${i}`), size: view.u32(at + 4, `data directory ${i} size`) });
  }
  const table = optional + optionalSize;
  view.check(table, sectionCount * 40, `section table (${sectionCount} × 40 bytes)`);
  const symbolTable = view.u32(coff + 8, 'PointerToSymbolTable');
  const symbolCount = view.u32(coff + 12, 'NumberOfSymbols');
  const sections: PeSection[] = [];
  for (let i = 0; i < sectionCount; i++) {
    const at = table + i * 40;
    let name = view.fixedString(at, 8, `section ${i} name`);
    // "/123": an offset into the COFF string table, which follows the symbol table.
    if (/^\/\d+$/.test(name) && symbolTable > 0) {
      const strings = symbolTable + symbolCount * 18;
      name = view.cstring(strings + Number(name.slice(1)), `section ${i} long name`);
    }
    const section: PeSection = {
      name,
      virtualSize: view.u32(at + 8, `section ${name} VirtualSize`),
      virtualAddress: view.u32(at + 12, `section ${name} VirtualAddress`),
      rawSize: view.u32(at + 16, `section ${name} SizeOfRawData`),
      rawOffset: view.u32(at + 20, `section ${name} PointerToRawData`),
      characteristics: view.u32(at + 36, `section ${name} Characteristics`),
    };
    if (section.rawSize > 0) view.check(section.rawOffset, section.rawSize, `section ${name} raw data`);
    sections.push(section);
  }
  const sizeOfHeaders = view.u32(optional + 60, 'SizeOfHeaders');
  const mapping = { sections, sizeOfHeaders };
  const debug: PeDebugEntry[] = [];
  const debugDirectory = directories[DIRECTORY_DEBUG];
  if (debugDirectory !== undefined && debugDirectory.size > 0) {
    const at = rvaToOffset(mapping, debugDirectory.rva);
    if (at === undefined) view.fail(`debug directory RVA ${hex(debugDirectory.rva)} lies in no section's file data`);
    const count = Math.floor(debugDirectory.size / 28);
    view.check(at, count * 28, `debug directory (${count} × 28 bytes)`);
    for (let i = 0; i < count; i++) {
      const entry = at + i * 28;
      const size = view.u32(entry + 16, `debug entry ${i} SizeOfData`);
      const dataOffset = view.u32(entry + 24, `debug entry ${i} PointerToRawData`);
      debug.push({
        timeDateStamp: view.u32(entry + 4, `debug entry ${i} TimeDateStamp`),
        majorVersion: view.u16(entry + 8, `debug entry ${i} MajorVersion`),
        minorVersion: view.u16(entry + 10, `debug entry ${i} MinorVersion`),
        type: view.u32(entry + 12, `debug entry ${i} Type`),
        data: dataOffset === 0 ? Buffer.alloc(0) : view.bytes(dataOffset, size, `debug entry ${i} data`),
        dataOffset,
      });
    }
  }
  let exportTimeDateStamp: number | undefined;
  const exportDirectory = directories[DIRECTORY_EXPORT];
  if (exportDirectory !== undefined && exportDirectory.size >= 40) {
    const at = rvaToOffset(mapping, exportDirectory.rva);
    if (at === undefined) view.fail(`export directory RVA ${hex(exportDirectory.rva)} lies in no section's file data`);
    exportTimeDateStamp = view.u32(at + 4, 'export directory TimeDateStamp');
  }
  return {
    machine: view.u16(coff, 'Machine'),
    timeDateStamp: view.u32(coff + 4, 'TimeDateStamp'),
    characteristics: view.u16(coff + 18, 'Characteristics'),
    magic,
    linkerVersion: `${view.u8(optional + 2, 'MajorLinkerVersion')}.${view.u8(optional + 3, 'MinorLinkerVersion')}`,
    entryPoint: view.u32(optional + 16, 'AddressOfEntryPoint'),
    imageBase: plus ? view.u64big(optional + 24, 'ImageBase') : BigInt(view.u32(optional + 28, 'ImageBase')),
    sizeOfImage: view.u32(optional + 56, 'SizeOfImage'),
    sizeOfHeaders,
    checkSum: view.u32(optional + 64, 'CheckSum'),
    checkSumOffset: optional + 64,
    subsystem: view.u16(optional + 68, 'Subsystem'),
    dllCharacteristics: view.u16(optional + 70, 'DllCharacteristics'),
    directories,
    sections,
    debug,
    exportTimeDateStamp,
    view,
  };
}
