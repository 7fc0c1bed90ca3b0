/**
 * ELF reader (System V gABI, ELF32 and ELF64, either byte order): the file header, section headers
 * with names, notes, symbol tables and the dynamic section. Only what the comparator needs, and
 * every offset checked against the file.
 */
import * as zlib from 'node:zlib';
import { ByteView, hex, tableString, type Endian } from './bytes.js';

export const ELF_MAGIC = Buffer.from([0x7f, 0x45, 0x4c, 0x46]);

export const SHT_SYMTAB = 2;
export const SHT_STRTAB = 3;
export const SHT_RELA = 4;
export const SHT_DYNAMIC = 6;
export const SHT_NOTE = 7;
export const SHT_NOBITS = 8;
export const SHT_DYNSYM = 11;
export const SHF_COMPRESSED = 0x800;
export const SHF_EXECINSTR = 0x4;

const SHN_XINDEX = 0xffff;

export interface ElfHeader {
  elfClass: 32 | 64;
  endian: Endian;
  osabi: number;
  type: number;
  machine: number;
  version: number;
  entry: bigint;
  flags: number;
  phoff: number;
  phentsize: number;
  phnum: number;
  shoff: number;
  shentsize: number;
  shnum: number;
  shstrndx: number;
  ehsize: number;
}

export interface ElfSection {
  index: number;
  nameOffset: number;
  name: string;
  type: number;
  flags: number;
  addr: bigint;
  offset: number;
  size: number;
  link: number;
  info: number;
  addralign: number;
  entsize: number;
}

export interface ElfFile {
  header: ElfHeader;
  sections: ElfSection[];
  view: ByteView;
}

export interface ElfNote {
  name: string;
  type: number;
  desc: Buffer;
}

export interface ElfSymbol {
  name: string;
  value: bigint;
  size: bigint;
  info: number;
  shndx: number;
}

export interface ElfDynamicEntry {
  tag: bigint;
  value: bigint;
}

function readHeader(buf: Buffer): { header: ElfHeader; view: ByteView } {
  const probe = new ByteView(buf, 'le', 'ELF');
  probe.check(0, 16, 'identification bytes (e_ident)');
  if (!buf.subarray(0, 4).equals(ELF_MAGIC)) probe.fail('no \\x7fELF magic');
  const klass = buf[4];
  if (klass !== 1 && klass !== 2) probe.fail(`unknown class ${klass} in e_ident[EI_CLASS] (1 = ELF32, 2 = ELF64)`);
  const data = buf[5];
  if (data !== 1 && data !== 2) probe.fail(`unknown data encoding ${data} in e_ident[EI_DATA] (1 = LSB, 2 = MSB)`);
  const elfClass = klass === 1 ? 32 : 64;
  const view = new ByteView(buf, data === 1 ? 'le' : 'be', `ELF${elfClass}`);
  const ehsizeExpected = elfClass === 64 ? 64 : 52;
  view.check(0, ehsizeExpected, 'file header');
  const at = elfClass === 64
    ? { entry: 24, phoff: 32, shoff: 40, flags: 48, ehsize: 52 }
    : { entry: 24, phoff: 28, shoff: 32, flags: 36, ehsize: 40 };
  const word = (offset: number, what: string): number => (elfClass === 64 ? view.u64(offset, what) : view.u32(offset, what));
  const header: ElfHeader = {
    elfClass,
    endian: view.endian,
    osabi: buf[7] as number,
    type: view.u16(16, 'e_type'),
    machine: view.u16(18, 'e_machine'),
    version: view.u32(20, 'e_version'),
    entry: elfClass === 64 ? view.u64big(at.entry, 'e_entry') : BigInt(view.u32(at.entry, 'e_entry')),
    phoff: word(at.phoff, 'e_phoff'),
    shoff: word(at.shoff, 'e_shoff'),
    flags: view.u32(at.flags, 'e_flags'),
    ehsize: view.u16(at.ehsize, 'e_ehsize'),
    phentsize: view.u16(at.ehsize + 2, 'e_phentsize'),
    phnum: view.u16(at.ehsize + 4, 'e_phnum'),
    shentsize: view.u16(at.ehsize + 6, 'e_shentsize'),
    shnum: view.u16(at.ehsize + 8, 'e_shnum'),
    shstrndx: view.u16(at.ehsize + 10, 'e_shstrndx'),
  };
  return { header, view };
}

function readSectionHeader(view: ByteView, header: ElfHeader, index: number): ElfSection {
  const base = header.shoff + index * header.shentsize;
  const what = `section header ${index}`;
  const is64 = header.elfClass === 64;
  view.check(base, is64 ? 64 : 40, what);
  const word = (offset: number, field: string): number =>
    is64 ? view.u64(base + offset, `${what} ${field}`) : view.u32(base + offset, `${what} ${field}`);
  const at = is64
    ? { flags: 8, addr: 16, offset: 24, size: 32, link: 40, info: 44, addralign: 48, entsize: 56 }
    : { flags: 8, addr: 12, offset: 16, size: 20, link: 24, info: 28, addralign: 32, entsize: 36 };
  // Flags above bit 31 carry no meaning we use; keeping the low word avoids unsafe integers.
  const flags = is64 ? Number(view.u64big(base + at.flags, `${what} sh_flags`) & 0xffffffffn) : view.u32(base + at.flags, `${what} sh_flags`);
  return {
    index,
    nameOffset: view.u32(base, `${what} sh_name`),
    name: '',
    type: view.u32(base + 4, `${what} sh_type`),
    flags,
    addr: is64 ? view.u64big(base + at.addr, `${what} sh_addr`) : BigInt(view.u32(base + at.addr, `${what} sh_addr`)),
    offset: word(at.offset, 'sh_offset'),
    size: word(at.size, 'sh_size'),
    link: view.u32(base + at.link, `${what} sh_link`),
    info: view.u32(base + at.info, `${what} sh_info`),
    addralign: word(at.addralign, 'sh_addralign'),
    entsize: word(at.entsize, 'sh_entsize'),
  };
}

export function parseElf(buf: Buffer): ElfFile {
  const { header, view } = readHeader(buf);
  const sections: ElfSection[] = [];
  if (header.shoff === 0) return { header, sections, view };
  const minimum = header.elfClass === 64 ? 64 : 40;
  if (header.shentsize < minimum) view.fail(`e_shentsize is ${header.shentsize}, smaller than a section header (${minimum})`);
  let shnum = header.shnum;
  let shstrndx = header.shstrndx;
  if (shnum === 0 || shstrndx === SHN_XINDEX) {
    // Extended numbering: the real counts live in section header 0 (gABI "Extended Section Indexes").
    const first = readSectionHeader(view, header, 0);
    if (shnum === 0) shnum = first.size;
    if (shstrndx === SHN_XINDEX) shstrndx = first.link;
  }
  // Each header must lie inside the file, so the count is bounded by the file size.
  view.check(header.shoff, shnum * header.shentsize, `section header table (${shnum} × ${header.shentsize} bytes)`);
  for (let i = 0; i < shnum; i++) {
    const section = readSectionHeader(view, header, i);
    if (section.type !== SHT_NOBITS && section.size > 0) {
      view.check(section.offset, section.size, `section ${i} contents`);
    }
    sections.push(section);
  }
  if (shnum > 0) {
    if (shstrndx >= shnum) view.fail(`e_shstrndx ${shstrndx} names no section (there are ${shnum})`);
    const names = sections[shstrndx] as ElfSection;
    if (names.type === SHT_NOBITS) view.fail(`section name table (section ${shstrndx}) has no bytes in the file`);
    const table = view.bytes(names.offset, names.size, 'section name table');
    for (const section of sections) {
      section.name =
        tableString(table, section.nameOffset) ??
        view.fail(`section ${section.index} name offset ${hex(section.nameOffset)} lies outside the name table (${table.length} bytes)`);
    }
  }
  return { header: { ...header, shnum, shstrndx }, sections, view };
}

/** The bytes a section holds in the file (none for SHT_NOBITS such as .bss). */
export function sectionBytes(elf: ElfFile, section: ElfSection): Buffer {
  if (section.type === SHT_NOBITS) return Buffer.alloc(0);
  return elf.view.bytes(section.offset, section.size, `section ${section.name || section.index} contents`);
}

/**
 * A section's bytes, decompressed when SHF_COMPRESSED (zlib or zstd, Elf_Chdr), with the output
 * capped at `maxBytes` and at the size the header declares.
 */
export function sectionContents(elf: ElfFile, section: ElfSection, maxBytes: number): Buffer {
  const raw = sectionBytes(elf, section);
  if ((section.flags & SHF_COMPRESSED) === 0) return raw;
  const view = new ByteView(raw, elf.view.endian, `ELF${elf.header.elfClass}`);
  const is64 = elf.header.elfClass === 64;
  const what = `compression header of ${section.name}`;
  const chType = view.u32(0, what);
  const size = is64 ? view.u64(8, what) : view.u32(4, what);
  const headerSize = is64 ? 24 : 12;
  view.check(0, headerSize, what);
  if (size > maxBytes) view.fail(`${section.name} would decompress to ${size} bytes, more than the limit of ${maxBytes}`);
  const payload = raw.subarray(headerSize);
  try {
    if (chType === 1) return zlib.inflateSync(payload, { maxOutputLength: Math.max(1, size) });
    // zstd arrived in Node 22.15; older runtimes fall back with the reason below.
    if (chType === 2 && typeof zlib.zstdDecompressSync === 'function') {
      return zlib.zstdDecompressSync(payload, { maxOutputLength: Math.max(1, size) });
    }
  } catch (error) {
    view.fail(`${section.name} does not decompress: ${error instanceof Error ? error.message : String(error)}`);
  }
  return view.fail(`${section.name} uses compression type ${chType}, which this runtime cannot decompress`);
}

/** Notes in an SHT_NOTE section: namesz, descsz, type, then name and desc, each padded. */
export function parseNotes(elf: ElfFile, section: ElfSection): ElfNote[] {
  const bytes = sectionBytes(elf, section);
  const view = new ByteView(bytes, elf.view.endian, `ELF note section ${section.name}`);
  const align = section.addralign === 8 ? 8 : 4;
  const pad = (n: number): number => Math.ceil(n / align) * align;
  const notes: ElfNote[] = [];
  let offset = 0;
  // Every note consumes at least 12 bytes, so this ends.
  while (offset + 12 <= bytes.length) {
    const namesz = view.u32(offset, 'n_namesz');
    const descsz = view.u32(offset + 4, 'n_descsz');
    const type = view.u32(offset + 8, 'n_type');
    const nameAtOffset = offset + 12;
    const nameBytes = view.bytes(nameAtOffset, namesz, `note ${notes.length} name`);
    const descAt = nameAtOffset + pad(namesz);
    const desc = view.bytes(descAt, descsz, `note ${notes.length} descriptor`);
    const nul = nameBytes.indexOf(0);
    notes.push({ name: nameBytes.toString('latin1', 0, nul < 0 ? namesz : nul), type, desc });
    offset = descAt + pad(descsz);
  }
  return notes;
}

/** Symbols of an SHT_SYMTAB/SHT_DYNSYM section, named through its linked string table. */
export function readSymbols(elf: ElfFile, section: ElfSection): ElfSymbol[] {
  const is64 = elf.header.elfClass === 64;
  const entsize = is64 ? 24 : 16;
  if (section.entsize !== 0 && section.entsize < entsize) {
    elf.view.fail(`${section.name} has sh_entsize ${section.entsize}, smaller than a symbol (${entsize})`);
  }
  const stride = section.entsize === 0 ? entsize : section.entsize;
  const strings = elf.sections[section.link];
  if (strings === undefined) elf.view.fail(`${section.name} links to string table ${section.link}, which does not exist`);
  const table = sectionBytes(elf, strings);
  const bytes = sectionBytes(elf, section);
  const view = new ByteView(bytes, elf.view.endian, `ELF symbol table ${section.name}`);
  const symbols: ElfSymbol[] = [];
  for (let at = 0; at + entsize <= bytes.length; at += stride) {
    const nameOffset = view.u32(at, 'st_name');
    const name = tableString(table, nameOffset) ?? `<name at ${hex(nameOffset)}>`;
    symbols.push(
      is64
        ? { name, info: view.u8(at + 4, 'st_info'), shndx: view.u16(at + 6, 'st_shndx'), value: view.u64big(at + 8, 'st_value'), size: view.u64big(at + 16, 'st_size') }
        : { name, value: BigInt(view.u32(at + 4, 'st_value')), size: BigInt(view.u32(at + 8, 'st_size')), info: view.u8(at + 12, 'st_info'), shndx: view.u16(at + 14, 'st_shndx') },
    );
  }
  return symbols;
}

/** Entries of the dynamic section, up to DT_NULL. */
export function readDynamic(elf: ElfFile, section: ElfSection): ElfDynamicEntry[] {
  const is64 = elf.header.elfClass === 64;
  const size = is64 ? 16 : 8;
  const bytes = sectionBytes(elf, section);
  const view = new ByteView(bytes, elf.view.endian, `ELF dynamic section ${section.name}`);
  const entries: ElfDynamicEntry[] = [];
  for (let at = 0; at + size <= bytes.length; at += size) {
    const tag = is64 ? view.u64big(at, 'd_tag') : BigInt(view.u32(at, 'd_tag'));
    const value = is64 ? view.u64big(at + 8, 'd_val') : BigInt(view.u32(at + 4, 'd_val'));
    if (tag === 0n) break;
    entries.push({ tag, value });
  }
  return entries;
}

/** Dynamic tags whose value is a string-table offset, and how we label them. */
export const DYNAMIC_STRING_TAGS = new Map<bigint, string>([
  [1n, 'NEEDED'],
  [14n, 'SONAME'],
  [15n, 'RPATH'],
  [29n, 'RUNPATH'],
]);

export const ELF_TYPES: Record<number, string> = { 0: 'NONE', 1: 'REL', 2: 'EXEC', 3: 'DYN', 4: 'CORE' };
