/**
 * ELF: which sections differ, and for the ones that usually explain drift, how: build-id notes
 * (GNU and Go), strings in debug-info and read-only data (build paths, __DATE__), symbols and the
 * dynamic section. Everything else is a byte comparison per section.
 */
import {
  DYNAMIC_STRING_TAGS,
  ELF_MAGIC,
  ELF_TYPES,
  SHF_COMPRESSED,
  SHF_EXECINSTR,
  SHT_DYNAMIC,
  SHT_DYNSYM,
  SHT_NOTE,
  SHT_SYMTAB,
  parseElf,
  parseNotes,
  readDynamic,
  readSymbols,
  sectionBytes,
  sectionContents,
  type ElfFile,
  type ElfNote,
  type ElfSection,
  type ElfSymbol,
} from '../formats/elf.js';
import { hex, tableString } from '../formats/bytes.js';
import {
  alignByLikeness,
  bytesNode,
  describeMembers,
  extractPrintableRuns,
  extractStrings,
  fieldNode,
  hexBytes,
  keyed,
  multisetDiff,
  node,
  stringsDetail,
  stringsSummary,
  unionKeys,
  forSide,
  type DescribedComparator,
} from '../formats/details.js';
import { ComparatorFallback, type CompareContext, type Difference } from '../types.js';
import { disassembleRanges, findObjdump } from '../formats/disassembly.js';
import { parseGoBuildInfo, type GoBuildInfo } from '../formats/go-buildinfo.js';
import { lineRelocationConsequence, lineTableNode } from './elf-line.js';
import { stringOffsetConsequence } from './elf-offsets.js';

const ID = 'elf';

/** Sections that are nothing but NUL-separated strings. */
const STRING_TABLES = new Set(['.debug_str', '.debug_line_str', '.comment', '.dynstr', '.debug_str.dwo', '.zdebug_str']);
/** Mixed data whose strings are worth listing (`__DATE__`, embedded paths): `.rodata`, `.rodata.str1.1`… */
const isReadOnlyData = (name: string): boolean => name === '.rodata' || name.startsWith('.rodata.');

/** Children whose path ends in one of these are not sections (for the summary). */
const NON_SECTION_LABELS = ['ELF header', 'program headers', 'section headers', 'bytes outside sections'];

function parseSide(buf: Buffer, side: 'old' | 'new'): ElfFile {
  return forSide(side, () => parseElf(buf));
}

function headerChildren(path: string, a: ElfFile, b: ElfFile): Difference[] {
  const fields: [string, string, string][] = [
    ['class', `ELF${a.header.elfClass}`, `ELF${b.header.elfClass}`],
    ['byte order', a.header.endian === 'le' ? 'little-endian' : 'big-endian', b.header.endian === 'le' ? 'little-endian' : 'big-endian'],
    ['OS/ABI', String(a.header.osabi), String(b.header.osabi)],
    ['e_type', ELF_TYPES[a.header.type] ?? String(a.header.type), ELF_TYPES[b.header.type] ?? String(b.header.type)],
    ['e_machine', String(a.header.machine), String(b.header.machine)],
    ['e_entry', hex(a.header.entry), hex(b.header.entry)],
    ['e_flags', hex(a.header.flags), hex(b.header.flags)],
  ];
  const differing = fields.filter(([, before, after]) => before !== after);
  const at = `${path}:ELF header`;
  if (differing.length === 0) return [];
  if (differing.length === 1) {
    const [name, before, after] = differing[0] as [string, string, string];
    return [fieldNode(ID, at, name, before, after, `ELF header ${name} differs: ${before} → ${after}`)];
  }
  const children = differing.map(([name, before, after]) => fieldNode(ID, `${at}:${name}`, name, before, after));
  return [node(ID, at, 'modified', `ELF header: ${differing.map(([name]) => name).join(', ')} differ`, undefined, children)];
}

function noteLabel(note: ElfNote): string {
  if (note.name === 'GNU' && note.type === 3) return 'GNU build-id';
  if (note.name === 'Go' && note.type === 4) return 'Go build ID';
  return `note ${note.name} type ${note.type}`;
}

function noteValue(note: ElfNote | undefined): string {
  if (note === undefined) return '(none)';
  if (note.name === 'Go' && note.type === 4) return note.desc.toString('utf8');
  return hexBytes(note.desc, 256);
}

function noteChildren(path: string, a: ElfFile, sa: ElfSection, b: ElfFile, sb: ElfSection): Difference | undefined {
  const before = keyed(parseNotes(a, sa), noteLabel);
  const after = keyed(parseNotes(b, sb), noteLabel);
  const fields: Difference[] = [];
  for (const key of unionKeys(before, after)) {
    const x = before.get(key);
    const y = after.get(key);
    if (x !== undefined && y !== undefined && x.desc.equals(y.desc)) continue;
    const oldValue = noteValue(x);
    const newValue = noteValue(y);
    const shortOld = oldValue.length > 16 ? `${oldValue.slice(0, 16)}…` : oldValue;
    const shortNew = newValue.length > 16 ? `${newValue.slice(0, 16)}…` : newValue;
    fields.push(fieldNode(ID, `${path}:${key}`, key, oldValue, newValue, `${key} differs: ${shortOld} → ${shortNew}`));
  }
  if (fields.length === 0) return undefined;
  if (fields.length === 1) {
    const only = fields[0] as Difference;
    return { ...only, path };
  }
  return node(ID, path, 'modified', `${sa.name}: ${fields.map((f) => (f.detail?.type === 'field' ? f.detail.name : f.path)).join(', ')} differ`, undefined, fields);
}

function symbolText(symbol: ElfSymbol): string {
  return `${symbol.name} @${hex(symbol.value)} size ${symbol.size}`;
}

function symbolChildren(path: string, name: string, a: ElfFile, sa: ElfSection, b: ElfFile, sb: ElfSection): Difference | undefined {
  const before = readSymbols(a, sa).filter((s) => s.name !== '');
  const after = readSymbols(b, sb).filter((s) => s.name !== '');
  const names = multisetDiff(before.map((s) => s.name), after.map((s) => s.name));
  // Symbols paired by name (repeated names in order) whose address, size or type moved.
  const uniqueBefore = keyed(before, (s) => s.name);
  const uniqueAfter = keyed(after, (s) => s.name);
  const movedOld: string[] = [];
  const movedNew: string[] = [];
  for (const [key, x] of uniqueBefore) {
    const y = uniqueAfter.get(key);
    if (y === undefined) continue;
    if (x.value !== y.value || x.size !== y.size || x.info !== y.info) {
      movedOld.push(symbolText(x));
      movedNew.push(symbolText(y));
    }
  }
  if (names.removed.length === 0 && names.added.length === 0 && movedOld.length === 0) return undefined;
  const parts: string[] = [];
  if (names.removed.length + names.added.length > 0) parts.push(stringsSummary(names.removed, names.added, 'symbol'));
  if (movedOld.length > 0) {
    const moved = movedOld.map((text) => text.split(' ')[0] as string);
    parts.push(`${movedOld.length} moved or resized (${moved.slice(0, 3).join(', ')}${moved.length > 3 ? ', …' : ''})`);
  }
  const detail = stringsDetail([...names.removed, ...movedOld], [...names.added, ...movedNew]);
  return node(ID, path, 'lines', `${name}: ${parts.join('; ')}`, detail);
}

function dynamicStrings(elf: ElfFile, section: ElfSection): string[] {
  const strtab = elf.sections[section.link];
  const table = strtab === undefined ? Buffer.alloc(0) : sectionBytes(elf, strtab);
  const out: string[] = [];
  for (const entry of readDynamic(elf, section)) {
    const label = DYNAMIC_STRING_TAGS.get(entry.tag);
    if (label === undefined) continue;
    const value = entry.value <= BigInt(table.length) ? tableString(table, Number(entry.value)) : undefined;
    out.push(`${label} ${value ?? `<string at ${hex(entry.value)}>`}`);
  }
  return out;
}

/** `.dynamic` with the same bytes can still name other libraries when `.dynstr` changed under it. */
function dynamicThroughStrings(path: string, a: ElfFile, sa: ElfSection, b: ElfFile, sb: ElfSection): Difference | undefined {
  if (sa.type !== SHT_DYNAMIC || sb.type !== SHT_DYNAMIC) return undefined;
  const found = stringChildren(path, sa.name, dynamicStrings(a, sa), dynamicStrings(b, sb));
  if (found !== undefined) found.summary = `${found.summary} (same entries; their strings in .dynstr changed)`;
  return found;
}

function stringChildren(path: string, name: string, before: string[], after: string[]): Difference | undefined {
  const diff = multisetDiff(before, after);
  const { removed } = diff;
  const added = alignByLikeness(removed, diff.added);
  if (removed.length === 0 && added.length === 0) return undefined;
  return node(ID, path, 'lines', `${name}: ${stringsSummary(removed, added)}`, stringsDetail(removed, added));
}

function compareSection(path: string, a: ElfFile, sa: ElfSection, b: ElfFile, sb: ElfSection, ctx: CompareContext): Difference | undefined {
  const rawA = sectionBytes(a, sa);
  const rawB = sectionBytes(b, sb);
  if (rawA.equals(rawB) && sa.size === sb.size && sa.type === sb.type && sa.flags === sb.flags) return undefined;
  const name = sa.name;
  if (rawA.equals(rawB)) {
    // Same bytes (or both SHT_NOBITS): the header says what changed.
    const [field, before, after] =
      sa.size !== sb.size
        ? ['sh_size', String(sa.size), String(sb.size)]
        : sa.type !== sb.type
          ? ['sh_type', String(sa.type), String(sb.type)]
          : ['sh_flags', hex(sa.flags), hex(sb.flags)];
    return fieldNode(ID, path, field, before, after, `${name}: ${field} ${before} → ${after}`);
  }
  let special: Difference | undefined;
  if (sa.type === SHT_NOTE && sb.type === SHT_NOTE) {
    special = noteChildren(path, a, sa, b, sb);
  } else if ((sa.type === SHT_SYMTAB || sa.type === SHT_DYNSYM) && sa.type === sb.type) {
    special = symbolChildren(path, name, a, sa, b, sb);
  } else if (sa.type === SHT_DYNAMIC && sb.type === SHT_DYNAMIC) {
    special = stringChildren(path, name, dynamicStrings(a, sa), dynamicStrings(b, sb));
  } else if (STRING_TABLES.has(name)) {
    const x = sectionContents(a, sa, ctx.limits.maxExpandedBytes);
    const y = sectionContents(b, sb, ctx.limits.maxExpandedBytes);
    special = stringChildren(path, name, extractStrings(x), extractStrings(y));
  } else if (name === '.debug_line') {
    const x = decompressed(a, sa, rawA, ctx.limits.maxExpandedBytes);
    const y = decompressed(b, sb, rawB, ctx.limits.maxExpandedBytes);
    special = lineTableNode(path, name, x, y, a.view.endian);
  } else if (name === '.go.buildinfo') {
    special = goBuildInfoNode(path, rawA, rawB);
  } else if (isReadOnlyData(name)) {
    special = stringChildren(path, name, extractPrintableRuns(rawA), extractPrintableRuns(rawB));
  }
  return special ?? contentsNode(path, a, sa, rawA, b, sb, rawB, ctx);
}

/** objdump reads the whole file from disk: larger ones are not written out for it. */
const MAX_DISASSEMBLED_FILE = 64 * 1024 * 1024;

/** Code that differs: objdump's disassembly around the first two ranges, or a note saying why there is none. */
function addDisassembly(difference: Difference, a: ElfFile, sa: ElfSection, b: ElfFile, sb: ElfSection): void {
  const detail = difference.detail;
  if (detail?.type !== 'bytes') return;
  if (a.view.buf.length > MAX_DISASSEMBLED_FILE || b.view.buf.length > MAX_DISASSEMBLED_FILE) {
    detail.disassemblyNote = `no disassembly: files over ${MAX_DISASSEMBLED_FILE / (1024 * 1024)} MiB are shown as hex`;
    return;
  }
  const ranges = detail.ranges.slice(0, 2).map((r) => ({ ...r, oldOffset: r.oldOffset - sa.offset, newOffset: r.newOffset - sb.offset }));
  const windows = disassembleRanges(a.view.buf, b.view.buf, { name: sa.name, addrBefore: sa.addr, addrAfter: sb.addr }, ranges);
  if (windows !== null) detail.disassembly = { tool: 'objdump -d', windows };
  else detail.disassemblyNote = findObjdump() === null ? 'no disassembly: objdump (binutils) is not on PATH; shown as hex' : 'no disassembly: objdump could not read this file; shown as hex';
}

/** A compressed section's contents, or its raw bytes when they do not decompress (the bytes are then what is compared). */
function decompressed(elf: ElfFile, section: ElfSection, raw: Buffer, maxBytes: number): Buffer {
  try {
    return sectionContents(elf, section, maxBytes);
  } catch (error) {
    if (error instanceof ComparatorFallback) return raw;
    throw error;
  }
}

/**
 * The bytes of a section that has no structure of its own here. Compressed sections (gcc -gz) are
 * compared decompressed, so a build path inside them reads as what it is; string offsets in debug
 * sections that moved with their strings are marked as following from the string sections.
 */
function contentsNode(path: string, a: ElfFile, sa: ElfSection, rawA: Buffer, b: ElfFile, sb: ElfSection, rawB: Buffer, ctx: CompareContext): Difference {
  const name = sa.name;
  const compressed = ((sa.flags | sb.flags) & SHF_COMPRESSED) !== 0;
  const maxBytes = ctx.limits.maxExpandedBytes;
  const x = compressed ? decompressed(a, sa, rawA, maxBytes) : rawA;
  const y = compressed ? decompressed(b, sb, rawB, maxBytes) : rawB;
  // A side that does not decompress: both are compared as stored.
  if (compressed && (x === rawA || y === rawB)) return bytesNode(ID, path, name, rawA, rawB, sa.offset, sb.offset);
  if (compressed && x.equals(y)) {
    // Same contents, compressed differently: the compression header or stream says how.
    return fieldNode(ID, path, 'compressed bytes', `${rawA.length} bytes`, `${rawB.length} bytes`, `${name}: same contents, compressed differently (${rawA.length} → ${rawB.length} bytes)`);
  }
  const difference = compressed ? bytesNode(ID, path, `${name} (decompressed)`, x, y) : bytesNode(ID, path, name, rawA, rawB, sa.offset, sb.offset);
  if (!compressed && ((sa.flags & sb.flags) & SHF_EXECINSTR) !== 0) addDisassembly(difference, a, sa, b, sb);
  const file = path.slice(0, path.lastIndexOf(`:${name}`));
  const consequence = stringOffsetConsequence(file, a, sa, x, b, sb, y, maxBytes) ?? lineRelocationConsequence(file, a, sa, x, b, sb, y, maxBytes);
  if (consequence !== undefined) difference.consequence = consequence;
  return difference;
}

/**
 * Go's build information, setting by setting (`go version -m`). With `-trimpath` on one side only,
 * the CGO_* settings Go leaves out under it are folded into that one difference.
 */
function goBuildInfoNode(path: string, rawA: Buffer, rawB: Buffer): Difference | undefined {
  let a: GoBuildInfo;
  let b: GoBuildInfo;
  try {
    a = parseGoBuildInfo(rawA);
    b = parseGoBuildInfo(rawB);
  } catch (error) {
    if (error instanceof ComparatorFallback) return undefined; // compared as bytes, which say why
    throw error;
  }
  const children: Difference[] = [];
  const add = (key: string, before: string, after: string): void => {
    if (before !== after) children.push(fieldNode(ID, `${path}:${key}`, key, before, after, `Go ${key}: ${before} → ${after}`));
  };
  add('go version', a.goVersion, b.goVersion);
  const trimpath = (a.settings.get('build -trimpath') ?? 'false') !== (b.settings.get('build -trimpath') ?? 'false');
  const folded: string[] = [];
  for (const key of unionKeys(a.settings, b.settings)) {
    const x = a.settings.get(key);
    const y = b.settings.get(key);
    if (trimpath && key.startsWith('build CGO_') && (x === undefined || y === undefined)) {
      folded.push(key.slice('build '.length));
      continue;
    }
    add(key, x ?? '(absent)', y ?? '(absent)');
  }
  const flag = children.find((c) => c.path === `${path}:build -trimpath`);
  if (flag !== undefined && folded.length > 0) flag.summary = `${flag.summary} (so ${folded.join(', ')} are not recorded)`;
  if (children.length === 0) return undefined;
  return { path, kind: 'modified', comparator: ID, summary: `Go build info: ${children.length === 1 ? '1 setting differs' : `${children.length} settings differ`}`, causes: [], children };
}

/** The regions no section covers changed: report the table or bytes that did. */
function structureChildren(path: string, before: Buffer, after: Buffer, a: ElfFile, b: ElfFile): Difference[] {
  const table = (elf: ElfFile, offset: number, count: number, size: number): Buffer =>
    elf.view.bytes(offset, count * size, 'header table');
  const out: Difference[] = [];
  if (a.header.phoff > 0 || b.header.phoff > 0) {
    const pa = table(a, a.header.phoff, a.header.phnum, a.header.phentsize);
    const pb = table(b, b.header.phoff, b.header.phnum, b.header.phentsize);
    if (!pa.equals(pb)) out.push(bytesNode(ID, `${path}:program headers`, 'program headers', pa, pb, a.header.phoff, b.header.phoff));
  }
  if (a.header.shoff > 0 && b.header.shoff > 0) {
    const ha = table(a, a.header.shoff, a.sections.length, a.header.shentsize);
    const hb = table(b, b.header.shoff, b.sections.length, b.header.shentsize);
    if (!ha.equals(hb)) out.push(bytesNode(ID, `${path}:section headers`, 'section headers', ha, hb, a.header.shoff, b.header.shoff));
  }
  if (out.length === 0) out.push(bytesNode(ID, `${path}:bytes outside sections`, 'bytes outside sections', before, after));
  return out;
}

/**
 * A Go binary has its build info or build-ID note; a Rust one says so in `.comment` ("rustc
 * version 1.95.0") or, from older compilers, in its DWARF producer ("clang LLVM (rustc version …)").
 */
function languageOf(elf: ElfFile): 'rust' | 'go' | undefined {
  if (elf.sections.some((s) => s.name === '.go.buildinfo' || s.name === '.note.go.buildid')) return 'go';
  const says = (name: string): boolean => {
    const section = elf.sections.find((s) => s.name === name);
    return section !== undefined && sectionBytes(elf, section).includes('rustc version ');
  };
  return says('.comment') || says('.debug_str') ? 'rust' : undefined;
}

function tagLanguage(node: Difference, language: 'rust' | 'go'): void {
  node.language = language;
  for (const child of node.children) tagLanguage(child, language);
}

export const elfComparator: DescribedComparator = {
  id: ID,
  recognizes(_path: string, head: Buffer): boolean {
    return head.length >= 4 && head.subarray(0, 4).equals(ELF_MAGIC);
  },
  compare(path: string, before: Buffer, after: Buffer, ctx: CompareContext): Difference[] {
    const a = parseSide(before, 'old');
    const b = parseSide(after, 'new');
    if (before.equals(after)) return [];
    const children = headerChildren(path, a, b);
    const sectionsA = keyed(a.sections.filter((s) => s.index > 0), (s) => s.name);
    const sectionsB = keyed(b.sections.filter((s) => s.index > 0), (s) => s.name);
    const keys = unionKeys(sectionsA, sectionsB);
    const membershipChanged = keys.some((key) => !sectionsA.has(key) || !sectionsB.has(key));
    const nameTable = (elf: ElfFile): ElfSection | undefined => elf.sections[elf.header.shstrndx];
    for (const key of keys) {
      const sa = sectionsA.get(key);
      const sb = sectionsB.get(key);
      const at = `${path}:${key}`;
      if (sa === undefined && sb !== undefined) {
        children.push(node(ID, at, 'added', `section ${key} added (${sb.size} bytes)`));
      } else if (sb === undefined && sa !== undefined) {
        children.push(node(ID, at, 'removed', `section ${key} removed (${sa.size} bytes)`));
      } else if (sa !== undefined && sb !== undefined) {
        // The section-name table differs whenever sections come or go; the membership says it.
        if (membershipChanged && sa === nameTable(a) && sb === nameTable(b)) continue;
        const difference = compareSection(at, a, sa, b, sb, ctx) ?? dynamicThroughStrings(at, a, sa, b, sb);
        if (difference !== undefined) children.push(difference);
      }
    }
    if (children.length === 0) children.push(...structureChildren(path, before, after, a, b));
    const language = languageOf(b);
    if (language !== undefined) for (const child of children) tagLanguage(child, language);
    return children;
  },
  describe(path: string, children: readonly Difference[]): string {
    const prefix = `${path}:`;
    const isStructure = (c: Difference): boolean => NON_SECTION_LABELS.some((label) => c.path === `${prefix}${label}`);
    const sections = children.filter((c) => !isStructure(c));
    const others = children.filter(isStructure).map((c) => c.path.slice(prefix.length));
    const parts: string[] = [];
    if (sections.length > 0) parts.push(describeMembers(sections, prefix, 'section'));
    if (others.length > 0) parts.push(`${others.join(', ')} differ${others.length === 1 ? 's' : ''}`);
    return parts.length === 0 ? 'no differences' : parts.join('; ');
  },
};
