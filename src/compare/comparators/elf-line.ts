/**
 * DWARF 2–4 line tables whose only change is a name in their headers. A build path of another
 * length changes `unit_length` and `header_length` and moves every line program after it; with
 * the programs and the other header fields equal, the difference is the names, shown as strings
 * so their cause (a build path) is found, and the relocations that patch the moved programs in an
 * object file follow from it.
 */
import { ByteView } from '../formats/bytes.js';
import { node, quote, stringsDetail } from '../formats/details.js';
import { lineUnits, mapProgramOffset, sameLinePrograms, type LineUnit } from '../formats/dwarf-line.js';
import { sectionContents, SHT_RELA, type ElfFile, type ElfSection } from '../formats/elf.js';
import { ComparatorFallback, type Consequence, type Difference } from '../types.js';

const ID = 'elf';

function decode(contents: Buffer, endian: 'le' | 'be'): LineUnit[] | undefined {
  try {
    return lineUnits(new ByteView(contents, endian, 'DWARF .debug_line'));
  } catch (error) {
    if (error instanceof ComparatorFallback) return undefined;
    throw error;
  }
}

/** The full name of a file of a line table: its directory (index 0 is the compilation directory, not listed) and name. */
function fileName(unit: LineUnit, k: number): string {
  const file = unit.files[k];
  if (file === undefined) return '';
  const directory = file.directory === 0 ? undefined : unit.directories[file.directory - 1];
  return directory === undefined || file.name.startsWith('/') ? file.name : `${directory}/${file.name}`;
}

/**
 * `.debug_line` (contents decompressed) whose units differ only in their directory and file
 * names, as a strings node; undefined when anything else differs (the bytes then speak).
 */
export function lineTableNode(path: string, name: string, x: Buffer, y: Buffer, endian: 'le' | 'be'): Difference | undefined {
  const a = decode(x, endian);
  const b = decode(y, endian);
  if (a === undefined || b === undefined) return undefined;
  const pairs = sameLinePrograms(x, a, y, b);
  if (pairs === undefined) return undefined;
  const removed: string[] = [];
  const added: string[] = [];
  for (const [ua, ub] of pairs) {
    ua.directories.forEach((d, k) => {
      const e = ub.directories[k] as string;
      if (d === e) return;
      removed.push(d);
      added.push(e);
    });
    ua.files.forEach((f, k) => {
      // A file listed under a changed directory changes with it; only its own name is news.
      if (f.name === ub.files[k]?.name) return;
      removed.push(fileName(ua, k));
      added.push(fileName(ub, k));
    });
  }
  if (removed.length === 0) return undefined;
  const moved = pairs.some(([ua, ub]) => ua.start !== ub.start || ua.programStart - ua.start !== ub.programStart - ub.start);
  const count = removed.length === 1 ? '1 name in the line table headers differs' : `${removed.length} names in the line table headers differ`;
  const rest = moved ? 'the line programs are the same, only moved' : 'the line programs are the same';
  const summary = `${name}: ${count} (e.g. ${quote(removed[0] as string)} → ${quote(added[0] as string)}); ${rest}`;
  return node(ID, path, 'lines', summary, stringsDetail(removed, added));
}

/**
 * The relocations of an object file's `.debug_line` (`.rela.debug_line`) when the only change is
 * where they apply: each entry the same but for `r_offset`, which moved with the line program it
 * patches. Undefined for anything else.
 */
export function lineRelocationConsequence(file: string, a: ElfFile, sa: ElfSection, x: Buffer, b: ElfFile, sb: ElfSection, y: Buffer, maxBytes: number): Consequence | undefined {
  if (sa.type !== SHT_RELA || sb.type !== SHT_RELA || x.length !== y.length || x.equals(y)) return undefined;
  const ta = a.sections[sa.info];
  const tb = b.sections[sb.info];
  if (ta?.name !== '.debug_line' || tb?.name !== '.debug_line') return undefined;
  let lineA: Buffer;
  let lineB: Buffer;
  try {
    lineA = sectionContents(a, ta, maxBytes);
    lineB = sectionContents(b, tb, maxBytes);
  } catch (error) {
    if (error instanceof ComparatorFallback) return undefined;
    throw error;
  }
  const unitsA = decode(lineA, a.view.endian);
  const unitsB = decode(lineB, b.view.endian);
  if (unitsA === undefined || unitsB === undefined) return undefined;
  const pairs = sameLinePrograms(lineA, unitsA, lineB, unitsB);
  if (pairs === undefined) return undefined;
  const is64 = a.header.elfClass === 64;
  const entrySize = is64 ? 24 : 12;
  const stride = Math.max(sa.entsize, entrySize);
  if (sb.entsize !== sa.entsize || x.length % stride !== 0) return undefined;
  const va = new ByteView(x, a.view.endian, `ELF ${sa.name}`);
  const vb = new ByteView(y, b.view.endian, `ELF ${sb.name}`);
  const offsetAt = (v: ByteView, at: number): number => (is64 ? v.u64(at, 'r_offset') : v.u32(at, 'r_offset'));
  let moved = 0;
  try {
    for (let at = 0; at < x.length; at += stride) {
      // r_info and r_addend must be the same bytes; r_offset must be where the program moved.
      if (!x.subarray(at + (is64 ? 8 : 4), at + entrySize).equals(y.subarray(at + (is64 ? 8 : 4), at + entrySize))) return undefined;
      const before = offsetAt(va, at);
      const after = offsetAt(vb, at);
      if (mapProgramOffset(pairs, before) !== after) return undefined;
      if (before !== after) moved++;
    }
  } catch (error) {
    if (error instanceof ComparatorFallback) return undefined;
    throw error;
  }
  if (moved === 0) return undefined;
  return {
    of: 'relocation offsets into .debug_line',
    evidence: `${moved} relocation${moved === 1 ? '' : 's'} of ${sa.name} moved with the line program ${moved === 1 ? 'it patches' : 'they patch'}: the header before it changed length`,
    from: [`${file}:.debug_line`],
  };
}
