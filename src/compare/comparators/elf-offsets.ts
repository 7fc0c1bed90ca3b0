/**
 * Offsets that moved because strings did. When a build path changes length, `.debug_line_str`
 * and `.debug_str` are laid out anew, and every offset into them in `.debug_info`, `.debug_line`,
 * `.debug_str_offsets` (or, in an object file, the addends of `.rela.debug_*`) changes with them.
 * Each differing byte must lie in such an offset, and each offset must point at a string on
 * both sides; then the section's difference follows from the string sections' and takes their
 * causes as secondary. One byte outside a known offset, and the section stays as it is.
 */
import { ByteView, tableString } from '../formats/bytes.js';
import { lineUnits } from '../formats/dwarf-line.js';
import { holdsStringOffsets, stringSites, type StringSite } from '../formats/dwarf.js';
import { sectionContents, type ElfFile, type ElfSection } from '../formats/elf.js';
import { ComparatorFallback, type Consequence } from '../types.js';

function readOffset(buf: Buffer, site: StringSite, endian: 'le' | 'be'): number {
  if (site.size === 4) return endian === 'le' ? buf.readUInt32LE(site.at) : buf.readUInt32BE(site.at);
  const value = endian === 'le' ? buf.readBigInt64LE(site.at) : buf.readBigInt64BE(site.at);
  return value < 0n || value > BigInt(Number.MAX_SAFE_INTEGER) ? -1 : Number(value);
}

/** The sites that cover every differing byte, or null when some byte lies outside all of them. */
function coveringSites(x: Buffer, y: Buffer, sites: readonly StringSite[]): StringSite[] | null {
  const touched: StringSite[] = [];
  let k = 0;
  for (let i = 0; i < x.length; i++) {
    if (x[i] === y[i]) continue;
    while (k < sites.length && (sites[k] as StringSite).at + (sites[k] as StringSite).size <= i) k++;
    const site = sites[k];
    if (site === undefined || site.at > i) return null;
    if (touched[touched.length - 1] !== site) touched.push(site);
  }
  return touched;
}

const quote = (s: string): string => JSON.stringify(s.length > 60 ? `${s.slice(0, 57)}…` : s);

/**
 * Whether the difference of a debug section (both sides' contents, decompressed) is made of
 * string offsets only; `path` is the file's display path, for naming the string sections' nodes.
 */
export function stringOffsetConsequence(path: string, a: ElfFile, sa: ElfSection, x: Buffer, b: ElfFile, sb: ElfSection, y: Buffer, maxBytes: number): Consequence | undefined {
  if (!holdsStringOffsets(sa) || !holdsStringOffsets(sb) || x.length !== y.length || x.equals(y)) return undefined;
  let sitesA: StringSite[];
  let sitesB: StringSite[];
  try {
    sitesA = stringSites(a, sa, x, maxBytes).sort((p, q) => p.at - q.at);
    sitesB = stringSites(b, sb, y, maxBytes).sort((p, q) => p.at - q.at);
  } catch (error) {
    if (error instanceof ComparatorFallback) return undefined; // not decodable: the bytes speak for themselves
    throw error;
  }
  if (sitesA.length !== sitesB.length || sitesA.some((s, i) => s.at !== sitesB[i]?.at || s.size !== sitesB[i]?.size || s.target !== sitesB[i]?.target)) return undefined;
  const touched = coveringSites(x, y, sitesA);
  if (touched === null || touched.length === 0) return undefined;
  const tables = new Map<string, [Buffer, Buffer] | null>();
  const tableOf = (target: string): [Buffer, Buffer] | null => {
    let pair = tables.get(target);
    if (pair !== undefined) return pair;
    const ta = a.sections.find((s) => s.name === target);
    const tb = b.sections.find((s) => s.name === target);
    pair = ta === undefined || tb === undefined ? null : [sectionContents(a, ta, maxBytes), sectionContents(b, tb, maxBytes)];
    tables.set(target, pair);
    return pair;
  };
  // Unit start → position, per side: one lookup per DW_AT_stmt_list, however many units there are.
  const lineStarts = new Map<string, Map<number, number> | null>();
  const lineUnitIndex = (side: 'a' | 'b', offset: number): number => {
    let starts = lineStarts.get(side);
    if (starts === undefined) {
      const pair = tableOf('.debug_line');
      const elf = side === 'a' ? a : b;
      starts = pair === null ? null : new Map(lineUnits(new ByteView(pair[side === 'a' ? 0 : 1], elf.view.endian, 'DWARF .debug_line')).map((u, k) => [u.start, k]));
      lineStarts.set(side, starts);
    }
    return starts?.get(offset) ?? -1;
  };
  let same = 0;
  let lines = 0;
  const changed = new Map<string, number>();
  try {
    for (const site of touched) {
      if (site.target === '.debug_line') {
        // A compilation unit's line table: the same unit (by position) on both sides, moved.
        const k = lineUnitIndex('a', readOffset(x, site, a.view.endian));
        if (k < 0 || k !== lineUnitIndex('b', readOffset(y, site, b.view.endian))) return undefined;
        lines++;
        continue;
      }
      const pair = tableOf(site.target);
      if (pair === null) return undefined;
      const before = tableString(pair[0], readOffset(x, site, a.view.endian));
      const after = tableString(pair[1], readOffset(y, site, b.view.endian));
      if (before === undefined || after === undefined) return undefined;
      if (before === after) same++;
      else changed.set(`${quote(before)} → ${quote(after)}`, (changed.get(`${quote(before)} → ${quote(after)}`) ?? 0) + 1);
    }
  } catch (error) {
    if (error instanceof ComparatorFallback) return undefined;
    throw error;
  }
  const targets = [...new Set(touched.map((s) => s.target))].sort();
  const strings = touched.length - lines;
  const moved = changed.size === 0 ? '' : `, ${strings - same} at strings that changed (${[...changed.keys()].slice(0, 2).join('; ')}${changed.size > 2 ? '; …' : ''})`;
  const lineText = lines === 0 ? '' : `${strings === 0 ? '' : '; '}${lines} still point at the same line table`;
  const stringPart = strings === 0 ? '' : `${same} still point at the same string${moved}`;
  return {
    of: `offsets into ${targets.join(' and ')}`,
    evidence: `${touched.length} offset${touched.length === 1 ? '' : 's'} into ${targets.join(' and ')} changed as the ${strings === 0 ? 'line tables' : 'strings'} moved: ${stringPart}${lineText}`,
    from: targets.map((t) => `${path}:${t}`),
  };
}
