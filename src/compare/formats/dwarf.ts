/**
 * Just enough DWARF (versions 2–5) and ELF relocation decoding to know where a debug section
 * holds offsets into a string section: `DW_FORM_strp` / `DW_FORM_line_strp` attribute values in
 * `.debug_info`, the v5 directory and file tables of `.debug_line`, the `.debug_str_offsets`
 * arrays, and the addends of `.rela.debug_*` entries whose symbol is a string section. When a build
 * path changes length, those are the values that move; knowing where they sit lets the comparator
 * show them as a consequence of the string change instead of unexplained bytes.
 */
import { ByteView, hex } from './bytes.js';
import { sectionContents, SHT_RELA, SHT_SYMTAB, type ElfFile, type ElfSection } from './elf.js';

/** A place in a section that holds an offset into a string section (or, `DW_AT_stmt_list`, into `.debug_line`). */
export interface StringSite {
  at: number;
  size: 4 | 8;
  /** The section the offset points into. */
  target: string;
}

export const STRING_SECTIONS = ['.debug_str', '.debug_line_str'] as const;

const SHT_REL = 9;
const STT_SECTION = 3;

/** Units and DIEs walked per section at most: a hostile file cannot make the walk unbounded. */
const MAX_SITES = 2_000_000;

// DW_FORM codes (DWARF 5, section 7.5.6) and the GNU extensions gcc emits.
const FORM = {
  addr: 0x01, block2: 0x03, block4: 0x04, data2: 0x05, data4: 0x06, data8: 0x07, string: 0x08, block: 0x09, block1: 0x0a,
  data1: 0x0b, flag: 0x0c, sdata: 0x0d, strp: 0x0e, udata: 0x0f, refAddr: 0x10, ref1: 0x11, ref2: 0x12, ref4: 0x13, ref8: 0x14,
  refUdata: 0x15, indirect: 0x16, secOffset: 0x17, exprloc: 0x18, flagPresent: 0x19, strx: 0x1a, addrx: 0x1b, refSup4: 0x1c,
  strpSup: 0x1d, data16: 0x1e, lineStrp: 0x1f, refSig8: 0x20, implicitConst: 0x21, loclistx: 0x22, rnglistx: 0x23, refSup8: 0x24,
  strx1: 0x25, strx2: 0x26, strx3: 0x27, strx4: 0x28, addrx1: 0x29, addrx2: 0x2a, addrx3: 0x2b, addrx4: 0x2c,
  gnuAddrIndex: 0x1f01, gnuStrIndex: 0x1f02, gnuRefAlt: 0x1f20, gnuStrpAlt: 0x1f21,
} as const;

const FIXED_SIZES = new Map<number, number>([
  [FORM.data1, 1], [FORM.ref1, 1], [FORM.flag, 1], [FORM.strx1, 1], [FORM.addrx1, 1],
  [FORM.data2, 2], [FORM.ref2, 2], [FORM.strx2, 2], [FORM.addrx2, 2],
  [FORM.strx3, 3], [FORM.addrx3, 3],
  [FORM.data4, 4], [FORM.ref4, 4], [FORM.refSup4, 4], [FORM.strx4, 4], [FORM.addrx4, 4],
  [FORM.data8, 8], [FORM.ref8, 8], [FORM.refSig8, 8], [FORM.refSup8, 8],
  [FORM.data16, 16], [FORM.flagPresent, 0], [FORM.implicitConst, 0],
]);
const ULEB_FORMS = new Set<number>([FORM.udata, FORM.refUdata, FORM.strx, FORM.addrx, FORM.loclistx, FORM.rnglistx, FORM.gnuAddrIndex, FORM.gnuStrIndex]);
const OFFSET_FORMS = new Set<number>([FORM.secOffset, FORM.strpSup, FORM.gnuRefAlt, FORM.gnuStrpAlt]);

/** DW_AT_stmt_list: a compilation unit's offset of its line table in `.debug_line`. */
const AT_STMT_LIST = 0x10;

/** A cursor over one section: LEB128 and the reads DWARF needs, all bounds-checked. */
export class Cursor {
  readonly view: ByteView;
  at: number;

  constructor(view: ByteView, at: number) {
    this.view = view;
    this.at = at;
  }

  u8(what: string): number {
    return this.view.u8(this.at++, what);
  }

  fixed(size: number, what: string): number {
    const at = this.at;
    this.at += size;
    if (size === 1) return this.view.u8(at, what);
    if (size === 2) return this.view.u16(at, what);
    if (size === 4) return this.view.u32(at, what);
    if (size === 8) return this.view.u64(at, what);
    this.view.check(at, size, what);
    return 0;
  }

  uleb(what: string): number {
    let value = 0;
    for (let shift = 0; shift < 63; shift += 7) {
      const byte = this.u8(what);
      value += (byte & 0x7f) * 2 ** shift;
      if ((byte & 0x80) === 0) return value;
    }
    return this.view.fail(`${what}: LEB128 longer than 9 bytes at ${hex(this.at)}`);
  }

  /** Steps over a signed or unsigned LEB128 whose value is not needed: up to 128 bits, as rustc emits for u128 constants. */
  skipLeb(what: string): void {
    for (let i = 0; i < 19; i++) if ((this.u8(what) & 0x80) === 0) return;
    this.view.fail(`${what}: LEB128 longer than 19 bytes at ${hex(this.at)}`);
  }

  skip(size: number, what: string): void {
    this.view.check(this.at, size, what);
    this.at += size;
  }

  cstring(what: string): void {
    const nul = this.view.buf.indexOf(0, this.at);
    if (nul < 0) this.view.fail(`${what} at ${hex(this.at)} is not NUL-terminated`);
    this.at = nul + 1;
  }
}

interface UnitHeader {
  /** First byte after the unit (its end). */
  end: number;
  version: number;
  offsetSize: 4 | 8;
  addressSize: number;
}

/** `unit_length` (32- or 64-bit DWARF) and `version`, shared by .debug_info, .debug_line and .debug_str_offsets. */
export function unitStart(c: Cursor, what: string): { end: number; offsetSize: 4 | 8; version: number } {
  let length = c.fixed(4, `${what} unit_length`);
  let offsetSize: 4 | 8 = 4;
  if (length === 0xffffffff) {
    length = c.fixed(8, `${what} unit_length`);
    offsetSize = 8;
  } else if (length >= 0xfffffff0) {
    c.view.fail(`${what}: reserved unit_length ${hex(length)}`);
  }
  const end = c.at + length;
  c.view.check(c.at, length, `${what} unit`);
  const version = c.fixed(2, `${what} version`);
  return { end, offsetSize, version };
}

type Abbrev = { children: boolean; attributes: { name: number; form: number }[] };

function readAbbrevs(view: ByteView, offset: number): Map<number, Abbrev> {
  const c = new Cursor(view, offset);
  const table = new Map<number, Abbrev>();
  for (;;) {
    const code = c.uleb('abbreviation code');
    if (code === 0) return table;
    c.uleb('abbreviation tag');
    const children = c.u8('abbreviation children flag') !== 0;
    const attributes: { name: number; form: number }[] = [];
    for (;;) {
      const name = c.uleb('attribute name');
      const form = c.uleb('attribute form');
      if (name === 0 && form === 0) break;
      if (form === FORM.implicitConst) c.skipLeb('implicit constant');
      attributes.push({ name, form });
    }
    table.set(code, { children, attributes });
  }
}

/** Steps over one attribute value, recording it when it is a string offset. */
function attributeValue(c: Cursor, form: number, unit: UnitHeader, sites: StringSite[], name = 0): void {
  if (name === AT_STMT_LIST && (form === FORM.secOffset || form === FORM.data4 || form === FORM.data8)) {
    const size = form === FORM.data4 ? 4 : form === FORM.data8 ? 8 : unit.offsetSize;
    sites.push({ at: c.at, size, target: '.debug_line' });
    return c.skip(size, 'line table offset');
  }
  if (form === FORM.strp || form === FORM.lineStrp) {
    sites.push({ at: c.at, size: unit.offsetSize, target: form === FORM.strp ? '.debug_str' : '.debug_line_str' });
    c.skip(unit.offsetSize, 'string offset');
    return;
  }
  const fixed = FIXED_SIZES.get(form);
  if (fixed !== undefined) return c.skip(fixed, 'attribute');
  if (ULEB_FORMS.has(form)) return c.skipLeb('attribute');
  if (OFFSET_FORMS.has(form)) return c.skip(unit.offsetSize, 'attribute');
  switch (form) {
    case FORM.addr:
      return c.skip(unit.addressSize, 'address');
    case FORM.refAddr:
      return c.skip(unit.version <= 2 ? unit.addressSize : unit.offsetSize, 'reference');
    case FORM.sdata:
      return c.skipLeb('attribute');
    case FORM.string:
      return c.cstring('inline string');
    case FORM.block1:
      return c.skip(c.fixed(1, 'block length'), 'block');
    case FORM.block2:
      return c.skip(c.fixed(2, 'block length'), 'block');
    case FORM.block4:
      return c.skip(c.fixed(4, 'block length'), 'block');
    case FORM.block:
    case FORM.exprloc:
      return c.skip(c.uleb('block length'), 'block');
    case FORM.indirect:
      return attributeValue(c, c.uleb('indirect form'), unit, sites, name);
    default:
      return c.view.fail(`unknown DW_FORM ${hex(form)} at ${hex(c.at)}`);
  }
}

/** String offsets in `.debug_info` (or `.debug_types`): every DIE of every unit, walked with its abbreviations. */
export function infoStringSites(info: ByteView, abbrev: ByteView): StringSite[] {
  const sites: StringSite[] = [];
  const c = new Cursor(info, 0);
  const abbrevCache = new Map<number, Map<number, Abbrev>>();
  while (c.at < info.length) {
    const start = unitStart(c, '.debug_info');
    let abbrevOffset: number;
    let addressSize: number;
    if (start.version >= 5) {
      const unitType = c.u8('unit_type');
      addressSize = c.u8('address_size');
      abbrevOffset = c.fixed(start.offsetSize, 'debug_abbrev_offset');
      // skeleton/split units carry a dwo_id; type units a signature and a type offset.
      if (unitType === 0x04 || unitType === 0x05) c.skip(8, 'dwo_id');
      else if (unitType === 0x02 || unitType === 0x06) c.skip(8 + start.offsetSize, 'type signature');
    } else if (start.version >= 2) {
      abbrevOffset = c.fixed(start.offsetSize, 'debug_abbrev_offset');
      addressSize = c.u8('address_size');
    } else {
      return info.fail(`.debug_info unit of version ${start.version} at ${hex(c.at)}`);
    }
    const unit: UnitHeader = { end: start.end, version: start.version, offsetSize: start.offsetSize, addressSize };
    let abbrevs = abbrevCache.get(abbrevOffset);
    if (abbrevs === undefined) abbrevCache.set(abbrevOffset, (abbrevs = readAbbrevs(abbrev, abbrevOffset)));
    while (c.at < unit.end) {
      const code = c.uleb('abbreviation code');
      if (code === 0) continue;
      const entry = abbrevs.get(code);
      if (entry === undefined) info.fail(`DIE at ${hex(c.at)} uses abbreviation ${code}, which is not defined`);
      for (const { name, form } of entry.attributes) attributeValue(c, form, unit, sites, name);
      if (sites.length > MAX_SITES) info.fail(`more than ${MAX_SITES} string offsets`);
    }
    c.at = unit.end;
  }
  return sites;
}

/** String offsets in `.debug_line`: the v5 header's directory and file tables (earlier versions inline their strings). */
export function lineStringSites(line: ByteView): StringSite[] {
  const sites: StringSite[] = [];
  const c = new Cursor(line, 0);
  while (c.at < line.length) {
    const start = unitStart(c, '.debug_line');
    if (start.version >= 5) {
      const addressSize = c.u8('address_size');
      c.skip(1, 'segment_selector_size');
      c.skip(start.offsetSize, 'header_length');
      c.skip(5, 'line program parameters');
      const opcodeBase = c.u8('opcode_base');
      c.skip(Math.max(0, opcodeBase - 1), 'standard_opcode_lengths');
      const unit: UnitHeader = { end: start.end, version: start.version, offsetSize: start.offsetSize, addressSize };
      for (const table of ['directory', 'file name']) {
        const formatCount = c.u8(`${table} entry format count`);
        const forms: number[] = [];
        for (let i = 0; i < formatCount; i++) {
          c.uleb(`${table} content type`);
          forms.push(c.uleb(`${table} form`));
        }
        const count = c.uleb(`${table} count`);
        for (let i = 0; i < count; i++) for (const form of forms) attributeValue(c, form, unit, sites);
        if (sites.length > MAX_SITES) line.fail(`more than ${MAX_SITES} string offsets`);
      }
    }
    c.at = start.end;
  }
  return sites;
}

/** `.debug_str_offsets`: per unit, a header and an array of offsets into `.debug_str`. */
export function strOffsetsSites(view: ByteView): StringSite[] {
  const sites: StringSite[] = [];
  const c = new Cursor(view, 0);
  while (c.at < view.length) {
    const start = unitStart(c, '.debug_str_offsets');
    c.skip(2, 'padding');
    for (let at = c.at; at + start.offsetSize <= start.end; at += start.offsetSize) {
      sites.push({ at, size: start.offsetSize, target: '.debug_str' });
      if (sites.length > MAX_SITES) view.fail(`more than ${MAX_SITES} string offsets`);
    }
    c.at = start.end;
  }
  return sites;
}

/**
 * A relocatable object's debug sections hold zeros where string offsets go; the offsets are the
 * addends of relocations against the string section's symbol. Sites are those addend fields.
 */
export function relocationStringSites(elf: ElfFile, rela: ElfSection): StringSite[] {
  if (rela.type !== SHT_RELA) return [];
  const symtab = elf.sections[rela.link];
  if (symtab === undefined || symtab.type !== SHT_SYMTAB) return [];
  const is64 = elf.header.elfClass === 64;
  const symbolSize = is64 ? 24 : 16;
  const entrySize = is64 ? 24 : 12;
  const stride = rela.entsize >= entrySize ? rela.entsize : entrySize;
  const symbols = new ByteView(sectionContents(elf, symtab, Number.MAX_SAFE_INTEGER), elf.view.endian, 'ELF symbol table');
  const view = new ByteView(sectionContents(elf, rela, Number.MAX_SAFE_INTEGER), elf.view.endian, `ELF ${rela.name}`);
  const sectionOfSymbol = new Map<number, string | null>();
  const targetOf = (symbol: number): string | null => {
    let name = sectionOfSymbol.get(symbol);
    if (name !== undefined) return name;
    const at = symbol * symbolSize;
    name = null;
    if (at + symbolSize <= symbols.length) {
      const info = symbols.u8(at + (is64 ? 4 : 12), 'st_info');
      const shndx = symbols.u16(at + (is64 ? 6 : 14), 'st_shndx');
      const section = elf.sections[shndx];
      if ((info & 0xf) === STT_SECTION && section !== undefined && (STRING_SECTIONS as readonly string[]).includes(section.name)) name = section.name;
    }
    sectionOfSymbol.set(symbol, name);
    return name;
  };
  const sites: StringSite[] = [];
  for (let at = 0; at + entrySize <= view.length; at += stride) {
    const symbol = is64 ? Number(view.u64big(at + 8, 'r_info') >> 32n) : view.u32(at + 4, 'r_info') >>> 8;
    const target = targetOf(symbol);
    if (target !== null) sites.push({ at: at + (is64 ? 16 : 8), size: is64 ? 8 : 4, target });
  }
  return sites;
}

/** Whether a section can hold string offsets this module finds. */
export function holdsStringOffsets(section: ElfSection): boolean {
  const name = section.name;
  if (section.type === SHT_RELA || section.type === SHT_REL) return name.startsWith('.rela.debug_') || name.startsWith('.rel.debug_');
  return name === '.debug_info' || name === '.debug_types' || name === '.debug_line' || name === '.debug_str_offsets';
}

/** The string-offset sites of a section (sorted by position), or why they could not be found. */
export function stringSites(elf: ElfFile, section: ElfSection, contents: Buffer, maxBytes: number): StringSite[] {
  const view = new ByteView(contents, elf.view.endian, `DWARF ${section.name}`);
  if (section.type === SHT_RELA || section.type === SHT_REL) return relocationStringSites(elf, section);
  if (section.name === '.debug_line') return lineStringSites(view);
  if (section.name === '.debug_str_offsets') return strOffsetsSites(view);
  const abbrev = elf.sections.find((s) => s.name === '.debug_abbrev');
  if (abbrev === undefined) return view.fail('no .debug_abbrev section to decode the DIEs with');
  return infoStringSites(view, new ByteView(sectionContents(elf, abbrev, maxBytes), elf.view.endian, 'DWARF .debug_abbrev'));
}
