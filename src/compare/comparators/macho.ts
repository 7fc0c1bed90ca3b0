/**
 * Mach-O: LC_UUID, build and source versions, dylib commands (their timestamps and versions),
 * rpaths, sections by `segment,section` (strings for C-string and DWARF string sections), the
 * __LINKEDIT segment, symbol names and the code signature. Universal binaries recurse into each
 * architecture's slice through the registry.
 */
import { hex } from '../formats/bytes.js';
import {
  bytesNode,
  describeMembers,
  fieldNode,
  extractStrings,
  keyed,
  listText,
  multisetDiff,
  node,
  pushField,
  stringsDetail,
  stringsSummary,
  unionKeys,
  forSide,
  type DescribedComparator,
} from '../formats/details.js';
import { CPU_TYPES, machoMagic, parseFat, parseMacho, type FatArch, type MachoFile, type MachoSection } from '../formats/macho.js';
import { ComparatorFallback, type CompareContext, type Difference } from '../types.js';

const ID = 'macho';
/** S_CSTRING_LITERALS, and DWARF string tables by name. */
const CSTRING_TYPE = 0x2;
const STRING_SECTIONS = new Set(['__DWARF,__debug_str', '__DWARF,__debug_line_str', '__TEXT,__cstring', '__TEXT,__oslogstring']);


function cpuName(cputype: number): string {
  return CPU_TYPES[cputype] ?? hex(cputype);
}

function headerChildren(path: string, a: MachoFile, b: MachoFile): Difference[] {
  const out: Difference[] = [];
  const field = (name: string, before: string, after: string): void => pushField(out, ID, `${path}:${name}`, name, before, after);
  field('cputype', cpuName(a.cputype), cpuName(b.cputype));
  field('filetype', String(a.filetype), String(b.filetype));
  field('flags', hex(a.flags), hex(b.flags));
  field('LC_UUID', a.uuid ?? '(none)', b.uuid ?? '(none)');
  for (const key of unionKeys(a.versions, b.versions)) field(`build version ${key}`, a.versions.get(key) ?? '(none)', b.versions.get(key) ?? '(none)');
  field('LC_SOURCE_VERSION', a.sourceVersion ?? '(none)', b.sourceVersion ?? '(none)');
  const dylibsA = keyed(a.dylibs, (d) => `${d.command} ${d.name}`);
  const dylibsB = keyed(b.dylibs, (d) => `${d.command} ${d.name}`);
  for (const key of unionKeys(dylibsA, dylibsB)) {
    const x = dylibsA.get(key);
    const y = dylibsB.get(key);
    if (x === undefined || y === undefined) {
      out.push(node(ID, `${path}:${key}`, x === undefined ? 'added' : 'removed', `${key} ${x === undefined ? 'added' : 'removed'}`));
      continue;
    }
    field(`${key} timestamp`, String(x.timestamp), String(y.timestamp));
    field(`${key} current_version`, x.currentVersion, y.currentVersion);
    field(`${key} compatibility_version`, x.compatibilityVersion, y.compatibilityVersion);
  }
  const rpaths = multisetDiff(a.rpaths, b.rpaths);
  if (rpaths.removed.length > 0 || rpaths.added.length > 0) {
    out.push(node(ID, `${path}:LC_RPATH`, 'lines', `LC_RPATH: ${stringsSummary(rpaths.removed, rpaths.added, 'rpath')}`, stringsDetail(rpaths.removed, rpaths.added)));
  }
  return out;
}

function sectionBytes(file: MachoFile, section: MachoSection): Buffer {
  return section.inFile ? file.view.bytes(section.offset, section.size, `section ${section.name}`) : Buffer.alloc(0);
}

function sectionChild(path: string, a: MachoFile, x: MachoSection, b: MachoFile, y: MachoSection): Difference | undefined {
  const bytesA = sectionBytes(a, x);
  const bytesB = sectionBytes(b, y);
  if (bytesA.equals(bytesB) && x.size === y.size) return undefined;
  if (bytesA.equals(bytesB)) return bytesNode(ID, path, x.name, Buffer.alloc(x.size), Buffer.alloc(y.size));
  if (x.type === CSTRING_TYPE || STRING_SECTIONS.has(x.name)) {
    const { removed, added } = multisetDiff(extractStrings(bytesA), extractStrings(bytesB));
    if (removed.length > 0 || added.length > 0) return node(ID, path, 'lines', `${x.name}: ${stringsSummary(removed, added)}`, stringsDetail(removed, added));
  }
  return bytesNode(ID, path, x.name, bytesA, bytesB, x.offset, y.offset);
}

function contentChildren(path: string, a: MachoFile, b: MachoFile): Difference[] {
  const out: Difference[] = [];
  const sectionsA = keyed(a.segments.flatMap((s) => s.sections), (s) => s.name);
  const sectionsB = keyed(b.segments.flatMap((s) => s.sections), (s) => s.name);
  for (const key of unionKeys(sectionsA, sectionsB)) {
    const x = sectionsA.get(key);
    const y = sectionsB.get(key);
    const at = `${path}:${key}`;
    if (x === undefined) out.push(node(ID, at, 'added', `section ${key} added`));
    else if (y === undefined) out.push(node(ID, at, 'removed', `section ${key} removed`));
    else {
      const child = sectionChild(at, a, x, b, y);
      if (child !== undefined) out.push(child);
    }
  }
  // Segments without sections (__LINKEDIT, __PAGEZERO) compare whole.
  const bare = (file: MachoFile): Map<string, { fileoff: number; filesize: number }> =>
    keyed(file.segments.filter((s) => s.sections.length === 0), (s) => s.name);
  const segmentsA = bare(a);
  const segmentsB = bare(b);
  for (const key of unionKeys(segmentsA, segmentsB)) {
    const x = segmentsA.get(key);
    const y = segmentsB.get(key);
    const at = `${path}:${key}`;
    if (x === undefined) out.push(node(ID, at, 'added', `segment ${key} added`));
    else if (y === undefined) out.push(node(ID, at, 'removed', `segment ${key} removed`));
    else {
      const bytesA = a.view.bytes(x.fileoff, x.filesize, `segment ${key}`);
      const bytesB = b.view.bytes(y.fileoff, y.filesize, `segment ${key}`);
      if (!bytesA.equals(bytesB)) out.push(bytesNode(ID, at, `segment ${key}`, bytesA, bytesB, x.fileoff, y.fileoff));
    }
  }
  const symbols = multisetDiff(a.symbols, b.symbols);
  if (symbols.removed.length > 0 || symbols.added.length > 0) {
    out.push(node(ID, `${path}:symbols`, 'lines', `symbols: ${stringsSummary(symbols.removed, symbols.added, 'symbol')}`, stringsDetail(symbols.removed, symbols.added)));
  }
  const signature = (file: MachoFile): Buffer =>
    file.codeSignature === undefined ? Buffer.alloc(0) : file.view.bytes(file.codeSignature.offset, file.codeSignature.size, 'code signature');
  const sigA = signature(a);
  const sigB = signature(b);
  if (!sigA.equals(sigB)) out.push(bytesNode(ID, `${path}:code signature`, 'code signature', sigA, sigB));
  return out;
}

function compareThin(path: string, before: Buffer, after: Buffer): Difference[] {
  const a = forSide('old', () => parseMacho(before));
  const b = forSide('new', () => parseMacho(after));
  if (before.equals(after)) return [];
  const children = [...headerChildren(path, a, b), ...contentChildren(path, a, b)];
  if (children.length === 0) {
    const commandsEnd = (file: MachoFile): number => (file.is64 ? 32 : 28) + file.view.u32(20, 'sizeofcmds');
    const ha = before.subarray(0, commandsEnd(a));
    const hb = after.subarray(0, commandsEnd(b));
    children.push(ha.equals(hb) ? bytesNode(ID, `${path}:bytes outside sections`, 'bytes outside sections', before, after) : bytesNode(ID, `${path}:load commands`, 'load commands', ha, hb));
  }
  return children;
}

function archName(arch: FatArch): string {
  return cpuName(arch.cputype);
}

function compareFat(path: string, before: Buffer, after: Buffer, ctx: CompareContext): Difference[] {
  const a = keyed(forSide('old', () => parseFat(before)), archName);
  const b = keyed(forSide('new', () => parseFat(after)), archName);
  if (before.equals(after)) return [];
  const out: Difference[] = [];
  for (const key of unionKeys(a, b)) {
    const x = a.get(key);
    const y = b.get(key);
    const at = `${path}:${key}`;
    if (x === undefined) out.push(node(ID, at, 'added', `architecture ${key} added`));
    else if (y === undefined) out.push(node(ID, at, 'removed', `architecture ${key} removed`));
    else {
      const sliceA = before.subarray(x.offset, x.offset + x.size);
      const sliceB = after.subarray(y.offset, y.offset + y.size);
      if (!sliceA.equals(sliceB)) out.push(ctx.compareNested(at, sliceA, sliceB));
    }
  }
  if (out.length === 0) out.push(bytesNode(ID, `${path}:universal header`, 'universal header', before.subarray(0, 4096), after.subarray(0, 4096)));
  return out;
}

/**
 * A universal binary on one side, a thin one on the other: the thin image is compared with the
 * slice of its architecture, and the change of wrapper is a field (with the architectures only
 * the universal binary has).
 */
function compareFatWithThin(path: string, before: Buffer, after: Buffer, fatIsBefore: boolean, ctx: CompareContext): Difference[] {
  const fatBuf = fatIsBefore ? before : after;
  const thinBuf = fatIsBefore ? after : before;
  const arches = forSide(fatIsBefore ? 'old' : 'new', () => parseFat(fatBuf));
  const thin = forSide(fatIsBefore ? 'new' : 'old', () => parseMacho(thinBuf));
  const match = arches.find((arch) => arch.cputype === thin.cputype);
  const thinName = cpuName(thin.cputype);
  if (match === undefined) throw new ComparatorFallback(`the universal binary has no ${thinName} slice to compare the thin image with`);
  const names = arches.map(archName);
  const wrapper = `universal (${names.join(', ')})`;
  const out: Difference[] = [
    fieldNode(
      ID,
      `${path}:universal binary`,
      'universal',
      fatIsBefore ? wrapper : `thin (${thinName})`,
      fatIsBefore ? `thin (${thinName})` : wrapper,
      `${fatIsBefore ? `universal binary → thin ${thinName} image` : `thin ${thinName} image → universal binary`}${names.length > 1 ? ` (other architectures: ${names.filter((n) => n !== thinName).join(', ')})` : ''}`,
    ),
  ];
  const slice = fatBuf.subarray(match.offset, match.offset + match.size);
  const [x, y] = fatIsBefore ? [slice, thinBuf] : [thinBuf, slice];
  if (!x.equals(y)) out.push(ctx.compareNested(`${path}:${thinName}`, x, y));
  return out;
}

export const machoComparator: DescribedComparator = {
  id: ID,
  recognizes(_path: string, head: Buffer): boolean {
    return machoMagic(head) !== undefined;
  },
  compare(path: string, before: Buffer, after: Buffer, ctx: CompareContext): Difference[] {
    const kindA = machoMagic(before.subarray(0, 8));
    const kindB = machoMagic(after.subarray(0, 8));
    if (kindA !== kindB) {
      if (kindA === undefined || kindB === undefined) throw new ComparatorFallback(`one side is not a Mach-O image (${kindA ?? 'neither'} vs ${kindB ?? 'neither'})`);
      return compareFatWithThin(path, before, after, kindA === 'fat', ctx);
    }
    return kindA === 'fat' ? compareFat(path, before, after, ctx) : compareThin(path, before, after);
  },
  describe(path: string, children: readonly Difference[]): string {
    const fields = children.filter((c) => c.kind === 'field').map((c) => c.path.slice(path.length + 1));
    const others = children.filter((c) => c.kind !== 'field');
    const parts: string[] = [];
    if (fields.length > 0) parts.push(`${listText(fields, 4)} differ${fields.length === 1 ? 's' : ''}`);
    if (others.length > 0) parts.push(describeMembers(others, `${path}:`, 'part'));
    return parts.length === 0 ? 'no differences' : parts.join('; ');
  },
};
