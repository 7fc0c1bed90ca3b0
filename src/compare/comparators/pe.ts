/**
 * PE/COFF: the header fields that drift between builds (TimeDateStamp, CheckSum, linker
 * version…), the debug directory (CodeView GUID, age and PDB path; REPRO hash; each entry's
 * TimeDateStamp), the export directory's TimeDateStamp, and sections by name. A section whose only
 * differing bytes are those debug records is not reported again: the fields say it all.
 */
import { hex } from '../formats/bytes.js';
import {
  bytesNode,
  describeMembers,
  hexBytes,
  isoFromEpoch,
  keyed,
  listText,
  node,
  pushField,
  unionKeys,
  forSide,
  type DescribedComparator,
} from '../formats/details.js';
import {
  DEBUG_TYPES,
  DIRECTORY_SECURITY,
  looksLikePe,
  parsePe,
  readCodeView,
  rvaToOffset,
  type PeDebugEntry,
  type PeFile,
  type PeSection,
} from '../formats/pe.js';
import type { Difference } from '../types.js';

const ID = 'pe';
const MACHINES: Record<number, string> = { 0x14c: 'i386', 0x8664: 'x86-64', 0xaa64: 'ARM64', 0x1c0: 'ARM', 0x1c4: 'ARMv7 Thumb-2', 0x200: 'IA-64' };

function parseSide(buf: Buffer, side: 'old' | 'new'): PeFile {
  return forSide(side, () => parsePe(buf));
}

/** Timestamps are shown as both: with /Brepro the field holds a hash, not a time. */
function stampText(stamp: number | undefined): string {
  return stamp === undefined ? '(none)' : `${hex(stamp, 8)} (${isoFromEpoch(stamp)})`;
}

function headerChildren(path: string, a: PeFile, b: PeFile): Difference[] {
  const out: Difference[] = [];
  const field = (name: string, before: string, after: string): void => pushField(out, ID, `${path}:${name}`, name, before, after);
  field('Machine', MACHINES[a.machine] ?? hex(a.machine), MACHINES[b.machine] ?? hex(b.machine));
  field('TimeDateStamp', stampText(a.timeDateStamp), stampText(b.timeDateStamp));
  field('CheckSum', hex(a.checkSum, 8), hex(b.checkSum, 8));
  field('Characteristics', hex(a.characteristics, 4), hex(b.characteristics, 4));
  field('optional header Magic', a.magic === 0x20b ? 'PE32+' : 'PE32', b.magic === 0x20b ? 'PE32+' : 'PE32');
  field('LinkerVersion', a.linkerVersion, b.linkerVersion);
  field('AddressOfEntryPoint', hex(a.entryPoint), hex(b.entryPoint));
  field('ImageBase', hex(a.imageBase), hex(b.imageBase));
  field('SizeOfImage', hex(a.sizeOfImage), hex(b.sizeOfImage));
  field('Subsystem', String(a.subsystem), String(b.subsystem));
  field('DllCharacteristics', hex(a.dllCharacteristics, 4), hex(b.dllCharacteristics, 4));
  field('export directory TimeDateStamp', stampText(a.exportTimeDateStamp), stampText(b.exportTimeDateStamp));
  return out;
}

function debugLabel(entry: PeDebugEntry): string {
  return DEBUG_TYPES[entry.type] ?? `type ${entry.type}`;
}

function debugChildren(path: string, a: PeFile, b: PeFile): Difference[] {
  const before = keyed(a.debug, debugLabel);
  const after = keyed(b.debug, debugLabel);
  const out: Difference[] = [];
  for (const key of unionKeys(before, after)) {
    const x = before.get(key);
    const y = after.get(key);
    const at = `${path}:debug ${key}`;
    if (x === undefined) {
      out.push(node(ID, at, 'added', `debug directory entry ${key} added`));
      continue;
    }
    if (y === undefined) {
      out.push(node(ID, at, 'removed', `debug directory entry ${key} removed`));
      continue;
    }
    const field = (name: string, oldValue: string, newValue: string): void => pushField(out, ID, `${path}:${name}`, name, oldValue, newValue);
    field(`${key} TimeDateStamp`, stampText(x.timeDateStamp), stampText(y.timeDateStamp));
    field(`${key} version`, `${x.majorVersion}.${x.minorVersion}`, `${y.majorVersion}.${y.minorVersion}`);
    if (x.data.equals(y.data)) continue;
    const cx = x.type === 2 ? readCodeView(x) : undefined;
    const cy = y.type === 2 ? readCodeView(y) : undefined;
    if (cx !== undefined && cy !== undefined) {
      field('CodeView GUID', cx.guid, cy.guid);
      field('CodeView age', String(cx.age), String(cy.age));
      field('PDB path', cx.pdbPath, cy.pdbPath);
      if (cx.signature !== cy.signature) field('CodeView signature', cx.signature, cy.signature);
    } else if (x.type === 16) {
      field('REPRO hash', hexBytes(x.data, 128), hexBytes(y.data, 128));
    } else {
      out.push(bytesNode(ID, `${path}:debug ${key} data`, `debug ${key} data`, x.data, y.data, x.dataOffset, y.dataOffset));
    }
  }
  return out;
}

/** File ranges the debug fields above already explain: the directory, its records, the export stamp. */
function explainedRanges(file: PeFile): [number, number][] {
  const ranges: [number, number][] = [];
  const debug = file.directories[6];
  if (debug !== undefined && debug.size > 0) {
    const at = rvaToOffset(file, debug.rva);
    if (at !== undefined) ranges.push([at, at + debug.size]);
  }
  for (const entry of file.debug) if (entry.dataOffset > 0) ranges.push([entry.dataOffset, entry.dataOffset + entry.data.length]);
  const exports = file.directories[0];
  if (file.exportTimeDateStamp !== undefined && exports !== undefined) {
    const at = rvaToOffset(file, exports.rva);
    if (at !== undefined) ranges.push([at + 4, at + 8]);
  }
  return ranges;
}

function masked(file: PeFile, section: PeSection): Buffer {
  const bytes = Buffer.from(file.view.bytes(section.rawOffset, section.rawSize, `section ${section.name}`));
  for (const [start, end] of explainedRanges(file)) {
    const from = Math.max(start, section.rawOffset) - section.rawOffset;
    const to = Math.min(end, section.rawOffset + section.rawSize) - section.rawOffset;
    if (to > from) bytes.fill(0, from, to);
  }
  return bytes;
}

function sectionChildren(path: string, a: PeFile, b: PeFile): Difference[] {
  const before = keyed(a.sections, (s) => s.name);
  const after = keyed(b.sections, (s) => s.name);
  const out: Difference[] = [];
  for (const key of unionKeys(before, after)) {
    const x = before.get(key);
    const y = after.get(key);
    const at = `${path}:${key}`;
    if (x === undefined && y !== undefined) out.push(node(ID, at, 'added', `section ${key} added (${y.rawSize} bytes)`));
    else if (y === undefined && x !== undefined) out.push(node(ID, at, 'removed', `section ${key} removed (${x.rawSize} bytes)`));
    else if (x !== undefined && y !== undefined) {
      const rawA = a.view.bytes(x.rawOffset, x.rawSize, `section ${key}`);
      const rawB = b.view.bytes(y.rawOffset, y.rawSize, `section ${key}`);
      if (rawA.equals(rawB)) {
        pushField(out, ID, `${at}:VirtualSize`, `${key} VirtualSize`, hex(x.virtualSize), hex(y.virtualSize));
        continue;
      }
      // Differences wholly inside the debug records are reported as their fields.
      if (x.rawOffset === y.rawOffset && masked(a, x).equals(masked(b, y))) continue;
      out.push(bytesNode(ID, at, key, rawA, rawB, x.rawOffset, y.rawOffset));
    }
  }
  return out;
}

/** The certificate table (Authenticode): its "RVA" is a file offset. */
function certificateChild(path: string, a: PeFile, b: PeFile): Difference | undefined {
  const blob = (file: PeFile): Buffer => {
    const entry = file.directories[DIRECTORY_SECURITY];
    return entry === undefined || entry.size === 0 ? Buffer.alloc(0) : file.view.bytes(entry.rva, entry.size, 'certificate table');
  };
  const x = blob(a);
  const y = blob(b);
  if (x.equals(y)) return undefined;
  return bytesNode(ID, `${path}:certificate table`, 'certificate table (signature)', x, y);
}

export const peComparator: DescribedComparator = {
  id: ID,
  recognizes(path: string, head: Buffer): boolean {
    if (looksLikePe(head)) return true;
    // e_lfanew past the first 4 KiB: trust the name, parsing will tell.
    return head.length >= 2 && head[0] === 0x4d && head[1] === 0x5a && /\.(exe|dll|sys|efi|ocx|scr|cpl|mui|drv)$/i.test(path);
  },
  compare(path: string, before: Buffer, after: Buffer): Difference[] {
    const a = parseSide(before, 'old');
    const b = parseSide(after, 'new');
    if (before.equals(after)) return [];
    const children = [...headerChildren(path, a, b), ...debugChildren(path, a, b), ...sectionChildren(path, a, b)];
    const certificate = certificateChild(path, a, b);
    if (certificate !== undefined) children.push(certificate);
    if (children.length === 0) {
      const headers = Math.max(a.sizeOfHeaders, b.sizeOfHeaders);
      const ha = before.subarray(0, Math.min(headers, before.length));
      const hb = after.subarray(0, Math.min(headers, after.length));
      children.push(ha.equals(hb) ? bytesNode(ID, `${path}:bytes outside sections`, 'bytes outside sections', before, after) : bytesNode(ID, `${path}:headers`, 'headers', ha, hb));
    }
    return children;
  },
  describe(path: string, children: readonly Difference[]): string {
    const fields = children.filter((c) => c.kind === 'field').map((c) => c.path.slice(path.length + 1));
    const others = children.filter((c) => c.kind !== 'field');
    const parts: string[] = [];
    if (fields.length > 0) parts.push(`${listText(fields, 4)} differ${fields.length === 1 ? 's' : ''}`);
    if (others.length > 0) parts.push(describeMembers(others, `${path}:`, 'section'));
    else parts.push('no section content differs');
    return parts.join('; ');
  },
};
