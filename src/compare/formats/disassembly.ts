/**
 * Disassembly around changed code, as diffoscope shows it: binutils' `objdump -d` over a window
 * of each side's section, when objdump is on PATH. Without it the report keeps its hexdump and
 * says why there is no disassembly. Bounded: a few windows per section, a few lines per window,
 * one short-lived objdump per window and side, killed after a timeout.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findExecutable } from '../../snapshot/metadata/toolchains.js';

export interface DisassemblyWindow {
  /** Section-relative offset of the window's start, on the old side. */
  offset: number;
  before: string;
  after: string;
}

const WINDOW_MARGIN = 16;
const MAX_LINES = 12;
/** Instructions shown before the one holding the first changed byte. */
const CONTEXT_LINES = 3;
const TIMEOUT_MS = 10_000;

let objdump: string | null | undefined;

/** The objdump on PATH, looked up once; null when there is none. */
export function findObjdump(): string | null {
  if (objdump === undefined) objdump = findExecutable('objdump', process.env.PATH);
  return objdump;
}

/**
 * Instruction lines of `objdump -d` (address: mnemonic operands), without its headers, starting a
 * few instructions before `focus` (the first changed byte) so the change is in view.
 */
function instructions(output: string, focus: bigint): string {
  const lines = output.split('\n').filter((line) => /^\s+[0-9a-f]+:\t/.test(line));
  const address = (line: string): bigint => BigInt(`0x${line.trim().split(':')[0] ?? '0'}`);
  const at = lines.findIndex((_line, i) => i + 1 === lines.length || address(lines[i + 1] as string) > focus);
  const from = Math.max(0, at - CONTEXT_LINES);
  return lines
    .slice(from, from + MAX_LINES)
    .map((line) => line.trim().replace(/\t+/g, '  '))
    .join('\n');
}

function run(tool: string, file: string, section: string, start: bigint, stop: bigint, focus: bigint): string | null {
  const r = spawnSync(tool, ['-d', '--no-show-raw-insn', `--section=${section}`, `--start-address=0x${start.toString(16)}`, `--stop-address=0x${stop.toString(16)}`, file], {
    encoding: 'utf8',
    timeout: TIMEOUT_MS,
    maxBuffer: 4 * 1024 * 1024,
    env: { ...process.env, LC_ALL: 'C' },
  });
  return r.status === 0 ? instructions(r.stdout, focus) : null;
}

/**
 * Disassembles windows of `section` in both ELF files around the given section-relative ranges;
 * null when objdump is missing or cannot read the files (the hexdump then stands alone).
 */
export function disassembleRanges(
  before: Buffer,
  after: Buffer,
  section: { name: string; addrBefore: bigint; addrAfter: bigint },
  ranges: readonly { oldOffset: number; oldLength: number; newOffset: number; newLength: number }[],
): DisassemblyWindow[] | null {
  const tool = findObjdump();
  if (tool === null || ranges.length === 0) return null;
  const dir = mkdtempSync(join(tmpdir(), 'vitsnap-objdump-'));
  try {
    const fileA = join(dir, 'before');
    const fileB = join(dir, 'after');
    writeFileSync(fileA, before);
    writeFileSync(fileB, after);
    const windows: DisassemblyWindow[] = [];
    for (const r of ranges) {
      const window = (addr: bigint, offset: number, length: number): [bigint, bigint] => [addr + BigInt(Math.max(0, offset - WINDOW_MARGIN)), addr + BigInt(offset + length + WINDOW_MARGIN)];
      const [a0, a1] = window(section.addrBefore, r.oldOffset, r.oldLength);
      const [b0, b1] = window(section.addrAfter, r.newOffset, r.newLength);
      const x = run(tool, fileA, section.name, a0, a1, section.addrBefore + BigInt(r.oldOffset));
      const y = run(tool, fileB, section.name, b0, b1, section.addrAfter + BigInt(r.newOffset));
      if (x === null || y === null) return null;
      windows.push({ offset: r.oldOffset, before: x, after: y });
    }
    return windows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
