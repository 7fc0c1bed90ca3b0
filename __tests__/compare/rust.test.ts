/**
 * Rust binaries built in two checkouts whose names differ in length (issue #10 items 1 and 2):
 * cargo records the checkout as DW_AT_comp_dir, so `.debug_str` differs and every offset into it
 * after that string moves in `.debug_info`. The offsets follow from the build path (as secondary),
 * the fix names Rust's own flag, and `--ignore build-paths,build-id` leaves nothing. rustc emits
 * ULEB128 values wider than 64 bits (u128 constants) that the DWARF walk must step over.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { classifyCauses } from '../../src/compare/causes.js';
import { compareSources, type CompareResult, type IgnoreProfile } from '../../src/compare/compare.js';
import { DEFAULT_COMPARATORS } from '../../src/compare/comparators/index.js';
import { openSides } from '../../src/compare/sources.js';
import type { Difference } from '../../src/compare/types.js';
import { removeDir, tempDir } from '../helpers/toolchain.js';

const execFileAsync = promisify(execFile);
// rustup installs into ~/.cargo/bin, which a non-login shell may not have on PATH; Debian's cargo is on PATH.
const PATH = [process.env.PATH ?? '', join(homedir(), '.cargo', 'bin')].join(delimiter);

const MAIN = [
  'fn main() {',
  '    let v: Vec<u128> = std::env::args().skip(1).map(|a| a.parse().unwrap_or(u128::MAX)).collect();',
  '    println!("sum {}", v.iter().fold(0u128, |s, x| s.wrapping_add(*x)));',
  '}',
  '',
].join('\n');

let work: string;

/** `cargo build` (debug) of one crate in `<work>/<checkout>/hello`; the binary is copied to `<work>/out-<checkout>/hello`. */
async function build(checkout: string): Promise<void> {
  const root = join(work, checkout, 'hello');
  mkdirSync(join(root, 'src'), { recursive: true });
  writeFileSync(join(root, 'Cargo.toml'), '[package]\nname = "hello"\nversion = "0.1.0"\nedition = "2021"\n');
  writeFileSync(join(root, 'src', 'main.rs'), MAIN);
  const env = { PATH, HOME: homedir(), CARGO_HOME: join(homedir(), '.cargo'), LC_ALL: 'C', TZ: 'UTC', CARGO_INCREMENTAL: '0' };
  await execFileAsync('cargo', ['build', '--offline', '--quiet'], { cwd: root, env });
  mkdirSync(join(work, `out-${checkout}`), { recursive: true });
  await execFileAsync('cp', [join(root, 'target', 'debug', 'hello'), join(work, `out-${checkout}`, 'hello')]);
}

async function compare(ignore: IgnoreProfile[] = []): Promise<CompareResult> {
  const sides = await openSides(join(work, 'out-a'), join(work, 'out-a-longer-checkout'), { cwd: work });
  try {
    return await compareSources(sides, { comparators: DEFAULT_COMPARATORS, classify: classifyCauses, ignore });
  } finally {
    await sides.close();
  }
}

const section = (r: CompareResult, name: string): Difference | undefined =>
  r.root.children.find((f) => f.path === 'hello')?.children.find((s) => s.path === `hello:${name}`);
const causeIds = (d: Difference | undefined): string[] => (d?.causes ?? []).map((c) => `${c.id}${c.secondary === true ? '*' : ''}`);

beforeAll(async () => {
  work = await tempDir('vitsnap-rust-');
  await Promise.all([build('a'), build('a-longer-checkout')]);
}, 300_000);

afterAll(async () => {
  await removeDir(work);
});

describe('a Rust debug binary built in two checkouts', () => {
  it('the offsets into .debug_str follow from the checkout path, and the fix is Rust’s --remap-path-prefix', async () => {
    const r = await compare();
    const file = r.root.children.find((f) => f.path === 'hello');
    expect(file?.children.map((c) => c.path)).toEqual(['hello:.note.gnu.build-id', 'hello:.debug_info', 'hello:.debug_str']);
    const strings = section(r, '.debug_str');
    expect(strings?.language).toBe('rust');
    expect(causeIds(strings)).toEqual(['build-path']);
    expect(strings?.causes[0]?.hint).toBe(`RUSTFLAGS="--remap-path-prefix=${join(work, 'a')}=." (Rust)`);
    const info = section(r, '.debug_info');
    expect(info?.consequence?.of).toBe('offsets into .debug_str');
    // Where the checkout's own string sits in .debug_str follows LLVM's string pool, which the
    // temporary directory's random name can reorder: when it keeps its offset, no moved offset
    // points at a changed string and the evidence has no second part.
    expect(info?.consequence?.evidence).toMatch(/^\d+ offsets into \.debug_str changed as the strings moved: \d+ still point at the same string(, \d+ at strings that changed \(".*\/a\/hello" → ".*\/a-longer-checkout\/hello"\))?$/);
    expect(causeIds(info)).toEqual(['build-path*']);
    expect(causeIds(section(r, '.note.gnu.build-id'))).toEqual(['build-id*']);
    expect(r.verdict).toBe('drift-explained');
  });

  it('--ignore build-paths,build-id: identical', async () => {
    const r = await compare(['build-paths', 'build-id']);
    expect(r.counts).toMatchObject({ modified: 1, ignored: 1 });
    expect(r.root.children.every((f) => f.ignored === true)).toBe(true);
    expect(r.verdict).toBe('identical');
  });
});
