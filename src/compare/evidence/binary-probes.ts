/**
 * Binary evidence: one run of differing bytes, at the same offsets on both sides, inside a known
 * structure (a gzip or tar header, a zip time field, an ELF note, a PE time stamp) or a bare epoch.
 */
import type { ByteSpan } from '../byte-ranges.js';
import type { Finding } from '../evidence.js';
import { BINARY_EPOCH_SPREAD, byteAt, hexOf, hexOffset, isoOfEpoch, isPrintable, plausibleEpoch, quote, slice, u16le, u32le, within, YEAR, type Interval } from './helpers.js';


export interface Probe {
  finding: Finding;
  /** File offsets accounted for (the same on both sides). */
  cover: Interval;
}

export type BinaryProbe = (before: ByteSpan, after: ByteSpan, run: Interval) => Probe | undefined;

/** gzip header MTIME (RFC 1952: bytes 4–7 after 1f 8b 08). */
const probeGzipMtime: BinaryProbe = (before, after, run) => {
  const field: Interval = [4, 8];
  if (!within(run, field)) return undefined;
  for (const view of [before, after]) {
    if (byteAt(view, 0) !== 0x1f || byteAt(view, 1) !== 0x8b || byteAt(view, 2) !== 8) return undefined;
  }
  const a = u32le(before, 4);
  const b = u32le(after, 4);
  if (a === undefined || b === undefined) return undefined;
  const show = (v: number): string => (v === 0 ? '0' : `${v} (${isoOfEpoch(v)})`);
  return {
    finding: { id: 'timestamp', format: 'gzip', evidence: `gzip header MTIME ${show(a)} vs ${show(b)} at offset 0x4` },
    cover: field,
  };
};

function dosDateTime(date: number, time: number): string {
  const pad = (n: number): string => String(n).padStart(2, '0');
  const year = 1980 + (date >> 9);
  return `${year}-${pad((date >> 5) & 15)}-${pad(date & 31)} ${pad(time >> 11)}:${pad((time >> 5) & 63)}:${pad((time & 31) * 2)}`;
}

/** DOS time and date of a zip local (PK 03 04, at +10) or central (PK 01 02, at +12) header. */
const probeZipDosTime: BinaryProbe = (before, after, run) => {
  for (let q = run[0] - 10; q >= run[0] - 16 && q >= 0; q--) {
    const sig = u32le(before, q);
    const fieldAt = sig === 0x04034b50 ? 10 : sig === 0x02014b50 ? 12 : -1;
    if (fieldAt < 0 || u32le(after, q) !== sig) continue;
    const field: Interval = [q + fieldAt, q + fieldAt + 4];
    if (!within(run, field)) continue;
    const [ta, da, tb, db] = [u16le(before, field[0]), u16le(before, field[0] + 2), u16le(after, field[0]), u16le(after, field[0] + 2)];
    if (ta === undefined || da === undefined || tb === undefined || db === undefined) continue;
    const header = fieldAt === 10 ? 'local' : 'central directory';
    return {
      finding: {
        id: 'timestamp',
        format: 'zip',
        evidence: `DOS time ${dosDateTime(da, ta)} vs ${dosDateTime(db, tb)} in a zip ${header} header at offset ${hexOffset(field[0])}`,
      },
      cover: field,
    };
  }
  return undefined;
};

function tarOctal(view: ByteSpan, start: number, length: number): number | undefined {
  const bytes = slice(view, start, start + length);
  if (bytes === undefined) return undefined;
  const text = bytes.toString('latin1').replace(/[\0 ]+$/, '').trim();
  return /^[0-7]+$/.test(text) ? Number.parseInt(text, 8) : undefined;
}

function isUstar(view: ByteSpan, block: number): boolean {
  return slice(view, block + 257, block + 262)?.toString('latin1') === 'ustar';
}

/** A ustar header's mtime (octal at +136), and its checksum (+148) when the mtime also differs. */
const probeTarMtime: BinaryProbe = (before, after, run) => {
  const block = Math.floor(run[0] / 512) * 512;
  if (!isUstar(before, block) || !isUstar(after, block)) return undefined;
  const mtime: Interval = [block + 136, block + 148];
  const checksum: Interval = [block + 148, block + 156];
  const a = tarOctal(before, mtime[0], 12);
  const b = tarOctal(after, mtime[0], 12);
  if (a === undefined || b === undefined || a === b) return undefined;
  if (!within(run, mtime) && !within(run, checksum)) return undefined;
  return {
    finding: { id: 'timestamp', format: 'tar', evidence: `tar header mtime ${a} (${isoOfEpoch(a)}) vs ${b} (${isoOfEpoch(b)}) at offset ${hexOffset(mtime[0])}` },
    cover: within(run, mtime) ? mtime : checksum,
  };
};

/** ELF note header just before `desc`: namesz 4, descsz, type, then the 4-byte name. */
function noteDescSize(view: ByteSpan, desc: number, name: number, type: number): number | undefined {
  if (u32le(view, desc - 4) !== name || u32le(view, desc - 16) !== 4 || u32le(view, desc - 8) !== type) return undefined;
  const size = u32le(view, desc - 12);
  return size !== undefined && size >= 8 && size <= 256 ? size : undefined;
}

const NOTES = [
  { name: 0x00554e47, type: 3, label: 'GNU build-id note', format: 'elf' as const }, // "GNU\0", NT_GNU_BUILD_ID
  { name: 0x00006f47, type: 4, label: 'Go build ID note', format: 'go' as const }, // "Go\0\0", ELF_NOTE_GOBUILDID_TAG
];

const probeElfBuildId: BinaryProbe = (before, after, run) => {
  for (let desc = run[0]; desc >= run[0] - 256 && desc >= 16; desc--) {
    for (const note of NOTES) {
      const size = noteDescSize(before, desc, note.name, note.type);
      if (size === undefined || noteDescSize(after, desc, note.name, note.type) !== size) continue;
      const field: Interval = [desc, desc + size];
      if (!within(run, field)) continue;
      const a = slice(before, field[0], field[1]);
      const b = slice(after, field[0], field[1]);
      const show = (bytes: Buffer | undefined): string => (note.format === 'go' && bytes !== undefined ? quote(bytes.toString('latin1'), 40) : hexOf(bytes));
      return {
        finding: { id: 'build-id', format: note.format, evidence: `${note.label} ${show(a)} vs ${show(b)} at offset ${hexOffset(desc)}` },
        cover: field,
      };
    }
  }
  return undefined;
};

/** Mach-O LC_UUID (cmd 0x1b, cmdsize 24) and PE CodeView RSDS GUID + age. */
const probeUuidCommands: BinaryProbe = (before, after, run) => {
  for (let at = run[0]; at >= run[0] - 20 && at >= 8; at--) {
    if (u32le(before, at - 8) === 0x1b && u32le(before, at - 4) === 24 && u32le(after, at - 8) === 0x1b && u32le(after, at - 4) === 24) {
      const field: Interval = [at, at + 16];
      if (within(run, field)) {
        return {
          finding: { id: 'build-id', format: 'macho', evidence: `Mach-O LC_UUID ${hexOf(slice(before, at, at + 16), 16)} vs ${hexOf(slice(after, at, at + 16), 16)} at offset ${hexOffset(at)}` },
          cover: field,
        };
      }
    }
    const rsds = 0x53445352; // "RSDS"
    if (u32le(before, at - 4) === rsds && u32le(after, at - 4) === rsds) {
      const field: Interval = [at, at + 20];
      if (within(run, field)) {
        return {
          finding: { id: 'build-id', format: 'pe', evidence: `PE debug (RSDS) GUID ${hexOf(slice(before, at, at + 16), 16)} vs ${hexOf(slice(after, at, at + 16), 16)} at offset ${hexOffset(at)}` },
          cover: field,
        };
      }
    }
  }
  return undefined;
};

/** PE/COFF TimeDateStamp: 4 bytes at +8 after "PE\0\0", when both values are dates. */
const probePeTimestamp: BinaryProbe = (before, after, run) => {
  for (let pe = run[0] - 8; pe >= run[0] - 11 && pe >= 0; pe--) {
    if (u32le(before, pe) !== 0x00004550 || u32le(after, pe) !== 0x00004550) continue;
    const field: Interval = [pe + 8, pe + 12];
    const a = u32le(before, field[0]);
    const b = u32le(after, field[0]);
    if (!within(run, field) || a === undefined || b === undefined || !plausibleEpoch(a) || !plausibleEpoch(b)) continue;
    return {
      finding: { id: 'timestamp', format: 'pe', evidence: `PE TimeDateStamp ${a} (${isoOfEpoch(a)}) vs ${b} (${isoOfEpoch(b)}) at offset ${hexOffset(field[0])}` },
      cover: field,
    };
  }
  return undefined;
};

/** Zip "UT" extended-timestamp extra field (0x5455): flags, then up to three u32 times. */
const probeZipExtendedTime: BinaryProbe = (before, after, run) => {
  for (let tag = run[0] - 5; tag >= run[0] - 13 && tag >= 0; tag--) {
    if (u16le(before, tag) !== 0x5455 || u16le(after, tag) !== 0x5455) continue;
    const size = u16le(before, tag + 2);
    if (size === undefined || size < 5 || size > 13 || (size - 1) % 4 !== 0 || u16le(after, tag + 2) !== size) continue;
    const field: Interval = [tag + 5, tag + 4 + size];
    if (!within(run, field)) continue;
    const slot = Math.floor((run[0] - field[0]) / 4) * 4 + field[0];
    const a = u32le(before, slot);
    const b = u32le(after, slot);
    if (a === undefined || b === undefined) continue;
    return {
      finding: {
        id: 'timestamp',
        format: 'zip',
        evidence: `zip extended timestamp (UT) ${a} (${isoOfEpoch(a)}) vs ${b} (${isoOfEpoch(b)}) at offset ${hexOffset(slot)}`,
      },
      cover: field,
    };
  }
  return undefined;
};

/** Bare binary epochs must be recent: random words fall in ±30 years far too often (≈ 44 %). */
const RECENT_EPOCH_YEARS = 10;

function recentEpoch(seconds: number, nowSeconds = Date.now() / 1000): boolean {
  return seconds >= nowSeconds - RECENT_EPOCH_YEARS * YEAR && seconds <= nowSeconds + 86_400;
}

/**
 * A 4-aligned little-endian u32 that is a recent time on both sides, the two within a year, the
 * run starting at its low byte, and not four printable bytes (`"22:1"` reads as a 2011 epoch).
 * Each condition removes most random words; real build clocks pass all of them.
 */
export const probeEpochU32: BinaryProbe = (before, after, run) => {
  if (run[1] - run[0] > 4 || run[0] % 4 !== 0) return undefined;
  const field: Interval = [run[0], run[0] + 4];
  for (const view of [before, after]) {
    const bytes = slice(view, field[0], field[1]);
    if (bytes === undefined || bytes.every((byte) => isPrintable(byte, true))) return undefined;
  }
  const a = u32le(before, field[0]);
  const b = u32le(after, field[0]);
  if (a === undefined || b === undefined || !recentEpoch(a) || !recentEpoch(b)) return undefined;
  if (a === b || Math.abs(a - b) > BINARY_EPOCH_SPREAD) return undefined;
  return {
    finding: { id: 'timestamp', evidence: `${a} (${isoOfEpoch(a)}) vs ${b} (${isoOfEpoch(b)}) as a little-endian u32 epoch at offset ${hexOffset(field[0])}` },
    cover: field,
  };
};

/** Known headers and notes, most specific first; bare little-endian epochs only after text evidence. */
export const STRUCTURE_PROBES: readonly BinaryProbe[] = [probeGzipMtime, probeZipDosTime, probeZipExtendedTime, probeTarMtime, probeElfBuildId, probeUuidCommands, probePeTimestamp];
