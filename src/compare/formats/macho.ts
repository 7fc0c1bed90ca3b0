/**
 * Mach-O (<mach-o/loader.h>, <mach-o/fat.h>): thin 32- and 64-bit images in either byte order
 * and universal ("fat") wrappers. Reads the header, every load command's bounds, segments and
 * sections, LC_UUID, build/version commands, dylib commands (with their timestamps), rpaths,
 * the code signature's place and the symbol table's names.
 */
import { ByteView, hex, tableString } from './bytes.js';

export const MH_MAGIC = 0xfeedface;
export const MH_MAGIC_64 = 0xfeedfacf;
export const FAT_MAGIC = 0xcafebabe;
export const FAT_MAGIC_64 = 0xcafebabf;

const LC_SEGMENT = 0x1;
const LC_SYMTAB = 0x2;
const LC_LOAD_DYLIB = 0xc;
const LC_ID_DYLIB = 0xd;
const LC_LOAD_WEAK_DYLIB = 0x80000018;
const LC_REEXPORT_DYLIB = 0x8000001f;
const LC_SEGMENT_64 = 0x19;
const LC_UUID = 0x1b;
const LC_RPATH = 0x8000001c;
const LC_CODE_SIGNATURE = 0x1d;
const LC_VERSION_MIN_MACOSX = 0x24;
const LC_VERSION_MIN_IPHONEOS = 0x25;
const LC_SOURCE_VERSION = 0x2a;
const LC_BUILD_VERSION = 0x32;

/** Section types with no bytes in the file (S_ZEROFILL, S_GB_ZEROFILL, S_THREAD_LOCAL_ZEROFILL). */
const ZEROFILL_TYPES = new Set([0x1, 0xc, 0x12]);

export const CPU_TYPES: Record<number, string> = {
  7: 'i386', 0x01000007: 'x86_64', 12: 'arm', 0x0100000c: 'arm64', 0x0200000c: 'arm64_32', 18: 'ppc', 0x01000012: 'ppc64',
};

export const PLATFORMS: Record<number, string> = {
  1: 'macOS', 2: 'iOS', 3: 'tvOS', 4: 'watchOS', 5: 'bridgeOS', 6: 'Mac Catalyst', 7: 'iOS simulator', 8: 'tvOS simulator',
  9: 'watchOS simulator', 10: 'DriverKit', 11: 'visionOS', 12: 'visionOS simulator',
};

export interface MachoSection {
  /** `__TEXT,__text`. */
  name: string;
  offset: number;
  size: number;
  /** False for zero-fill sections, which have no file bytes. */
  inFile: boolean;
  type: number;
}

export interface MachoSegment {
  name: string;
  fileoff: number;
  filesize: number;
  sections: MachoSection[];
}

export interface MachoDylib {
  command: string;
  name: string;
  timestamp: number;
  currentVersion: string;
  compatibilityVersion: string;
}

export interface MachoFile {
  is64: boolean;
  cputype: number;
  cpusubtype: number;
  filetype: number;
  flags: number;
  uuid: string | undefined;
  /** LC_BUILD_VERSION / LC_VERSION_MIN_*: `platform`, `minos`, `sdk`, `tool <n>`. */
  versions: Map<string, string>;
  sourceVersion: string | undefined;
  dylibs: MachoDylib[];
  rpaths: string[];
  segments: MachoSegment[];
  codeSignature: { offset: number; size: number } | undefined;
  symbols: string[];
  view: ByteView;
}

export interface FatArch {
  cputype: number;
  cpusubtype: number;
  offset: number;
  size: number;
}

/** `a.b.c` packed as xxxx.yy.zz (nibbles per loader.h). */
function versionText(packed: number): string {
  const patch = packed & 0xff;
  const minor = (packed >>> 8) & 0xff;
  return `${packed >>> 16}.${minor}${patch === 0 ? '' : `.${patch}`}`;
}

function uuidText(bytes: Buffer): string {
  const h = bytes.toString('hex').toUpperCase();
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

export function machoMagic(head: Buffer): 'thin' | 'fat' | undefined {
  if (head.length < 8) return undefined;
  const be = head.readUInt32BE(0);
  const le = head.readUInt32LE(0);
  if (be === MH_MAGIC || be === MH_MAGIC_64 || le === MH_MAGIC || le === MH_MAGIC_64) return 'thin';
  // 0xcafebabe is also Java's magic; a universal binary's next word is a small architecture count.
  if ((be === FAT_MAGIC || be === FAT_MAGIC_64) && head.readUInt32BE(4) > 0 && head.readUInt32BE(4) < 45) return 'fat';
  return undefined;
}

export function parseFat(buf: Buffer): FatArch[] {
  const view: ByteView = new ByteView(buf, 'be', 'Mach-O universal');
  const magic = view.u32(0, 'magic');
  const is64 = magic === FAT_MAGIC_64;
  if (magic !== FAT_MAGIC && !is64) view.fail(`magic ${hex(magic)} is not a universal binary's`);
  const count = view.u32(4, 'nfat_arch');
  const entry = is64 ? 32 : 20;
  view.check(8, count * entry, `architecture table (${count} × ${entry} bytes)`);
  const arches: FatArch[] = [];
  for (let i = 0; i < count; i++) {
    const at = 8 + i * entry;
    const arch: FatArch = {
      cputype: view.u32(at, `arch ${i} cputype`),
      cpusubtype: view.u32(at + 4, `arch ${i} cpusubtype`),
      offset: is64 ? view.u64(at + 8, `arch ${i} offset`) : view.u32(at + 8, `arch ${i} offset`),
      size: is64 ? view.u64(at + 16, `arch ${i} size`) : view.u32(at + 12, `arch ${i} size`),
    };
    view.check(arch.offset, arch.size, `arch ${i} (${CPU_TYPES[arch.cputype] ?? hex(arch.cputype)}) slice`);
    arches.push(arch);
  }
  return arches;
}

export function parseMacho(buf: Buffer): MachoFile {
  const probe = new ByteView(buf, 'le', 'Mach-O');
  probe.check(0, 28, 'mach header');
  const le = buf.readUInt32LE(0);
  const endian = le === MH_MAGIC || le === MH_MAGIC_64 ? 'le' : 'be';
  const view: ByteView = new ByteView(buf, endian, 'Mach-O');
  const magic = view.u32(0, 'magic');
  if (magic !== MH_MAGIC && magic !== MH_MAGIC_64) view.fail(`magic ${hex(magic)} is not a Mach-O magic`);
  const is64 = magic === MH_MAGIC_64;
  const headerSize = is64 ? 32 : 28;
  view.check(0, headerSize, 'mach header');
  const ncmds = view.u32(16, 'ncmds');
  const sizeofcmds = view.u32(20, 'sizeofcmds');
  view.check(headerSize, sizeofcmds, 'load commands');
  const end = headerSize + sizeofcmds;
  const file: MachoFile = {
    is64,
    cputype: view.u32(4, 'cputype'),
    cpusubtype: view.u32(8, 'cpusubtype'),
    filetype: view.u32(12, 'filetype'),
    flags: view.u32(24, 'flags'),
    uuid: undefined,
    versions: new Map(),
    sourceVersion: undefined,
    dylibs: [],
    rpaths: [],
    segments: [],
    codeSignature: undefined,
    symbols: [],
    view,
  };
  // Each command takes at least 8 bytes inside sizeofcmds, so ncmds is bounded by it.
  if (ncmds * 8 > sizeofcmds) view.fail(`ncmds ${ncmds} cannot fit in sizeofcmds ${sizeofcmds}`);
  let at = headerSize;
  for (let i = 0; i < ncmds; i++) {
    const cmd = view.u32(at, `load command ${i} cmd`);
    const size = view.u32(at + 4, `load command ${i} cmdsize`);
    if (size < 8 || at + size > end) view.fail(`load command ${i} (${hex(cmd)}) at offset ${hex(at)} has cmdsize ${size}, outside the load commands`);
    const what = `load command ${i} (${hex(cmd)})`;
    const str = (offsetField: number): string => {
      const offset = view.u32(at + offsetField, `${what} string offset`);
      if (offset >= size) view.fail(`${what} string offset ${offset} lies outside the command (${size} bytes)`);
      return view.cstring(at + offset, `${what} string`, at + size);
    };
    switch (cmd) {
      case LC_SEGMENT:
      case LC_SEGMENT_64: {
        const wide = cmd === LC_SEGMENT_64;
        const fixed = wide ? 72 : 56;
        const sectionSize = wide ? 80 : 68;
        if (size < fixed) view.fail(`${what} is ${size} bytes, shorter than a segment command`);
        const name = view.fixedString(at + 8, 16, `${what} segname`);
        const fileoff = wide ? view.u64(at + 40, `${what} fileoff`) : view.u32(at + 32, `${what} fileoff`);
        const filesize = wide ? view.u64(at + 48, `${what} filesize`) : view.u32(at + 36, `${what} filesize`);
        const nsects = view.u32(at + (wide ? 64 : 48), `${what} nsects`);
        if (fixed + nsects * sectionSize > size) view.fail(`${what} claims ${nsects} sections, more than its ${size} bytes hold`);
        if (filesize > 0) view.check(fileoff, filesize, `segment ${name}`);
        const sections: MachoSection[] = [];
        for (let s = 0; s < nsects; s++) {
          const base = at + fixed + s * sectionSize;
          const sectname = view.fixedString(base, 16, `${what} section ${s} sectname`);
          const segname = view.fixedString(base + 16, 16, `${what} section ${s} segname`);
          const sectionSizeValue = wide ? view.u64(base + 40, `section ${sectname} size`) : view.u32(base + 36, `section ${sectname} size`);
          const offset = view.u32(base + (wide ? 48 : 40), `section ${sectname} offset`);
          const flags = view.u32(base + (wide ? 64 : 56), `section ${sectname} flags`);
          const type = flags & 0xff;
          const inFile = !ZEROFILL_TYPES.has(type) && offset !== 0;
          if (inFile) view.check(offset, sectionSizeValue, `section ${segname},${sectname}`);
          sections.push({ name: `${segname},${sectname}`, offset, size: sectionSizeValue, inFile, type });
        }
        file.segments.push({ name, fileoff, filesize, sections });
        break;
      }
      case LC_UUID:
        file.uuid = uuidText(view.bytes(at + 8, 16, 'LC_UUID'));
        break;
      case LC_BUILD_VERSION: {
        const platform = view.u32(at + 8, `${what} platform`);
        file.versions.set('platform', PLATFORMS[platform] ?? String(platform));
        file.versions.set('minos', versionText(view.u32(at + 12, `${what} minos`)));
        file.versions.set('sdk', versionText(view.u32(at + 16, `${what} sdk`)));
        const ntools = view.u32(at + 20, `${what} ntools`);
        if (24 + ntools * 8 > size) view.fail(`${what} claims ${ntools} tools, more than its ${size} bytes hold`);
        for (let t = 0; t < ntools; t++) {
          const tool = view.u32(at + 24 + t * 8, `${what} tool`);
          const name = tool === 1 ? 'clang' : tool === 2 ? 'swift' : tool === 3 ? 'ld' : tool === 4 ? 'lld' : `tool ${tool}`;
          file.versions.set(name, versionText(view.u32(at + 28 + t * 8, `${what} tool version`)));
        }
        break;
      }
      case LC_VERSION_MIN_MACOSX:
      case LC_VERSION_MIN_IPHONEOS:
        file.versions.set('minos', versionText(view.u32(at + 8, `${what} version`)));
        file.versions.set('sdk', versionText(view.u32(at + 12, `${what} sdk`)));
        break;
      case LC_SOURCE_VERSION: {
        const packed = view.u64big(at + 8, `${what} version`);
        // A.B.C.D.E packed as a24.b10.c10.d10.e10.
        const parts = [packed >> 40n, (packed >> 30n) & 0x3ffn, (packed >> 20n) & 0x3ffn, (packed >> 10n) & 0x3ffn, packed & 0x3ffn];
        file.sourceVersion = parts.join('.');
        break;
      }
      case LC_ID_DYLIB:
      case LC_LOAD_DYLIB:
      case LC_LOAD_WEAK_DYLIB:
      case LC_REEXPORT_DYLIB:
        file.dylibs.push({
          command: cmd === LC_ID_DYLIB ? 'LC_ID_DYLIB' : cmd === LC_LOAD_DYLIB ? 'LC_LOAD_DYLIB' : cmd === LC_LOAD_WEAK_DYLIB ? 'LC_LOAD_WEAK_DYLIB' : 'LC_REEXPORT_DYLIB',
          name: str(8),
          timestamp: view.u32(at + 12, `${what} timestamp`),
          currentVersion: versionText(view.u32(at + 16, `${what} current_version`)),
          compatibilityVersion: versionText(view.u32(at + 20, `${what} compatibility_version`)),
        });
        break;
      case LC_RPATH:
        file.rpaths.push(str(8));
        break;
      case LC_CODE_SIGNATURE: {
        const offset = view.u32(at + 8, `${what} dataoff`);
        const length = view.u32(at + 12, `${what} datasize`);
        view.check(offset, length, 'code signature');
        file.codeSignature = { offset, size: length };
        break;
      }
      case LC_SYMTAB: {
        const symoff = view.u32(at + 8, `${what} symoff`);
        const nsyms = view.u32(at + 12, `${what} nsyms`);
        const stroff = view.u32(at + 16, `${what} stroff`);
        const strsize = view.u32(at + 20, `${what} strsize`);
        const entry = is64 ? 16 : 12;
        view.check(symoff, nsyms * entry, `symbol table (${nsyms} × ${entry} bytes)`);
        const strings = view.bytes(stroff, strsize, 'string table');
        for (let s = 0; s < nsyms; s++) {
          const strx = view.u32(symoff + s * entry, 'n_strx');
          const name = tableString(strings, strx);
          if (name !== undefined && name !== '') file.symbols.push(name);
        }
        break;
      }
      default:
        break;
    }
    at += size;
  }
  return file;
}
