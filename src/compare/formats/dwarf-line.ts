/**
 * `.debug_line` unit by unit. Before DWARF 5 a line table's header holds its directory and file
 * names inline, so a build path of another length changes the header's length fields and moves
 * every line program after it, though the programs themselves are the same. Decoding the headers
 * lets the comparator say exactly that: which names changed, and that the rest only moved.
 */
import { ByteView, hex } from './bytes.js';
import { Cursor, unitStart } from './dwarf.js';

export interface LineFile {
  name: string;
  directory: number;
  mtime: number;
  length: number;
}

export interface LineUnit {
  /** Offset of the unit's first byte (what DW_AT_stmt_list holds). */
  start: number;
  /** First byte after the unit. */
  end: number;
  version: number;
  /** First byte of the line number program. */
  programStart: number;
  /** The fixed header fields after `header_length` and before the names (v2–4 only; empty for v5). */
  parameters: Buffer;
  /** Inline names (v2–4 only; v5 tables point into string sections and are left undecoded here). */
  directories: string[];
  files: LineFile[];
}

/** Units per section at most: a hostile file cannot make the walk unbounded. */
const MAX_UNITS = 1_000_000;

function cstring(c: Cursor, what: string): string {
  const from = c.at;
  c.cstring(what);
  return c.view.buf.toString('utf8', from, c.at - 1);
}

/** Every unit of a `.debug_line` section, its header decoded where the names are inline. */
export function lineUnits(view: ByteView): LineUnit[] {
  const units: LineUnit[] = [];
  const c = new Cursor(view, 0);
  while (c.at < view.length) {
    if (units.length >= MAX_UNITS) view.fail(`more than ${MAX_UNITS} line tables`);
    const start = c.at;
    const unit = unitStart(c, '.debug_line');
    if (unit.version < 2 || unit.version > 5) view.fail(`line table of version ${unit.version} at ${hex(start)}`);
    if (unit.version >= 5) c.skip(2, 'address and segment selector sizes');
    const headerLength = c.fixed(unit.offsetSize, 'header_length');
    const programStart = c.at + headerLength;
    if (programStart > unit.end) view.fail(`line table at ${hex(start)}: header_length ${headerLength} runs past the unit`);
    const entry: LineUnit = { start, end: unit.end, version: unit.version, programStart, parameters: Buffer.alloc(0), directories: [], files: [] };
    if (unit.version <= 4) {
      const from = c.at;
      c.skip(unit.version === 4 ? 5 : 4, 'line program parameters');
      const opcodeBase = c.u8('opcode_base');
      c.skip(Math.max(0, opcodeBase - 1), 'standard_opcode_lengths');
      entry.parameters = view.buf.subarray(from, c.at);
      for (let name = cstring(c, 'include directory'); name !== ''; name = cstring(c, 'include directory')) {
        entry.directories.push(name);
        if (c.at > programStart) view.fail(`line table at ${hex(start)}: directories run past the header`);
      }
      for (let name = cstring(c, 'file name'); name !== ''; name = cstring(c, 'file name')) {
        entry.files.push({ name, directory: c.uleb('directory index'), mtime: c.uleb('modification time'), length: c.uleb('file length') });
        if (c.at > programStart) view.fail(`line table at ${hex(start)}: file names run past the header`);
      }
    }
    units.push(entry);
    c.at = unit.end;
  }
  return units;
}

/**
 * Two decodings of `.debug_line` whose units match one for one, with the same versions, line
 * program parameters and programs: the unit pairs, or undefined when anything but the names differs.
 */
export function sameLinePrograms(x: Buffer, a: readonly LineUnit[], y: Buffer, b: readonly LineUnit[]): [LineUnit, LineUnit][] | undefined {
  if (a.length !== b.length) return undefined;
  const pairs: [LineUnit, LineUnit][] = [];
  for (let i = 0; i < a.length; i++) {
    const ua = a[i] as LineUnit;
    const ub = b[i] as LineUnit;
    if (ua.version !== ub.version || ua.version >= 5 || !ua.parameters.equals(ub.parameters)) return undefined;
    if (!x.subarray(ua.programStart, ua.end).equals(y.subarray(ub.programStart, ub.end))) return undefined;
    if (ua.directories.length !== ub.directories.length || ua.files.length !== ub.files.length) return undefined;
    const sameFiles = ua.files.every((f, k) => {
      const g = ub.files[k] as LineFile;
      return f.directory === g.directory && f.mtime === g.mtime && f.length === g.length;
    });
    if (!sameFiles) return undefined;
    pairs.push([ua, ub]);
  }
  return pairs;
}

/** Where a byte of one side's line programs sits on the other side, when both units match; undefined inside a header. */
export function mapProgramOffset(pairs: readonly [LineUnit, LineUnit][], offset: number): number | undefined {
  for (const [ua, ub] of pairs) {
    if (offset >= ua.programStart && offset < ua.end) return ub.programStart + (offset - ua.programStart);
  }
  return undefined;
}
