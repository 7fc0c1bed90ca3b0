/**
 * A fuzz campaign against the snapshot reader and every command that reads a snapshot. Mutations
 * get past the checksums on purpose: field overwrites in the header, trailer and index with every
 * digest recomputed, splices of two snapshots, and entry/manifest JSON mutations re-encoded through
 * the real encoders with correct digests. Each input goes through `info`, `verify`, `export`,
 * `diff` (against the snapshot it was made from) and `restore` into a sandbox, in this process.
 *
 * A typed error (VitsnapError) is a pass; anything else is a crash. A restore that writes outside
 * its target is an escape. The process's peak RSS covers every input: run it in a child with a
 * capped heap (`fuzz.test.ts` does; `npm run fuzz -- --count 100000` is the long run).
 *
 *   node --max-old-space-size=384 --import ./src/dev/ts-worker-hooks.ts __tests__/helpers/fuzz-campaign.ts --count N --seed S
 *
 * Prints one JSON line: counts per generator and outcome, crashes (with their input saved), peak RSS.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { diffCommand } from '../../src/commands/diff.js';
import { exportCommand } from '../../src/commands/export.js';
import { infoCommand } from '../../src/commands/info.js';
import type { Logger } from '../../src/commands/logger.js';
import { restoreCommand } from '../../src/commands/restore.js';
import { verifyCommand } from '../../src/commands/verify.js';
import { isVitsnapError } from '../../src/errors.js';
import { limitYoungGeneration } from '../../src/heap.js';
import { captureSnapshot } from '../../src/snapshot/capture.js';
import { zstdDecompress } from '../../src/snapshot/codecs.js';
import { BLOCK_RECORD_SIZE, CHUNK_RECORD_SIZE, TRAILER_SIZE } from '../../src/snapshot/format.js';
import { assembleSnapshot, disassembleSnapshot, type SnapshotSections } from './forge-sections.js';
import { peakRssBytes } from './read-probe.js';
import { seededBytes } from './trees.js';

/** mulberry32: small, seedable, good enough to pick mutations. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rand = () => number;
const pick = <T>(r: Rand, items: readonly T[]): T => items[Math.floor(r() * items.length)] as T;
const sha = (b: Uint8Array): Buffer => createHash('sha256').update(b).digest();

// ---- base snapshots -------------------------------------------------------------------------

const FIXED_TIME = new Date(Date.UTC(2026, 0, 1));

function writeTree(root: string, variant: number): void {
  mkdirSync(join(root, 'bin'), { recursive: true });
  mkdirSync(join(root, 'share/doc'), { recursive: true });
  writeFileSync(join(root, 'bin/app'), seededBytes(200_000 + variant * 777, 11 + variant, false), { mode: 0o755 });
  writeFileSync(join(root, 'share/doc/README.txt'), `readme ${variant}\n`.repeat(300));
  writeFileSync(join(root, 'share/build.json'), JSON.stringify({ name: 'app', built: `2026-01-0${1 + variant}`, list: [1, 2, variant] }, null, 2));
  writeFileSync(join(root, 'share/data.gz'), gzipSync(Buffer.from(`payload ${variant}\n`.repeat(200)), { level: 6 }));
  writeFileSync(join(root, 'empty'), '');
  symlinkSync('bin/app', join(root, 'app-link'));
  for (const p of ['bin/app', 'share/doc/README.txt', 'share/build.json', 'share/data.gz', 'empty', 'bin', 'share/doc', 'share', '.']) utimesSync(join(root, p), FIXED_TIME, FIXED_TIME);
}

async function baseSnapshot(work: string, variant: number): Promise<string> {
  const root = join(work, `tree-${variant}`);
  writeTree(root, variant);
  const r = await captureSnapshot({ root, patterns: [], output: join(work, `base-${variant}.vitsnap`), metadata: null, workers: 0 });
  return r.output;
}

// ---- mutators -------------------------------------------------------------------------------

const decompress = (stored: Buffer, rawLength: number): Buffer => zstdDecompress(stored, rawLength, 'fuzz');

interface Field {
  at: number;
  width: 1 | 2 | 4 | 8;
  what: string;
}

/** Every integer field of the header, trailer and index of `file`. */
export function integerFields(file: Buffer): Field[] {
  const fields: Field[] = [];
  for (let at = 0; at < 32; at += 4) fields.push({ at, width: 4, what: `header+${at}` });
  const t = file.length - TRAILER_SIZE;
  fields.push({ at: t, width: 2, what: 'trailer.major' }, { at: t + 2, width: 2, what: 'trailer.minor' }, { at: t + 4, width: 4, what: 'trailer.flags' });
  for (let o = 8; o <= 64; o += 8) fields.push({ at: t + o, width: 8, what: `trailer+${o}` });
  fields.push({ at: t + 72, width: 4, what: 'trailer.blockCount' }, { at: t + 76, width: 4, what: 'trailer.chunkCount' });
  const trailer = file.subarray(t);
  const indexOffset = Number(trailer.readBigUInt64LE(56));
  const blocks = trailer.readUInt32LE(72);
  const chunks = trailer.readUInt32LE(76);
  for (let b = 0; b < blocks; b++) {
    const r = indexOffset + b * BLOCK_RECORD_SIZE;
    fields.push({ at: r, width: 8, what: `block[${b}].offset` }, { at: r + 8, width: 4, what: `block[${b}].storedLength` }, { at: r + 12, width: 4, what: `block[${b}].rawLength` });
    fields.push({ at: r + 16, width: 1, what: `block[${b}].codec` }, { at: r + 17, width: 1, what: `block[${b}].width` });
  }
  for (let c = 0; c < chunks; c++) {
    const r = indexOffset + blocks * BLOCK_RECORD_SIZE + c * CHUNK_RECORD_SIZE;
    fields.push({ at: r + 32, width: 4, what: `chunk[${c}].block` }, { at: r + 36, width: 4, what: `chunk[${c}].offset` }, { at: r + 40, width: 4, what: `chunk[${c}].length` });
  }
  return fields;
}

/** Values that sit on every boundary a reader checks. */
function hostileValues(file: Buffer, field: Field): bigint[] {
  const max = field.width === 8 ? 2n ** 64n - 1n : 2n ** BigInt(field.width * 8) - 1n;
  const size = BigInt(file.length);
  const candidates = [0n, 1n, 2n, 7n, 255n, 256n, 4095n, 65535n, 2n ** 24n, 2n ** 31n - 1n, 2n ** 31n, 2n ** 32n - 1n, 2n ** 32n, 2n ** 53n - 1n, 2n ** 53n + 1n, 2n ** 63n, max];
  candidates.push(size - 1n, size, size + 1n, size - BigInt(TRAILER_SIZE), size - BigInt(TRAILER_SIZE) - 1n, 16n * 2n ** 20n, 16n * 2n ** 20n + 1n);
  const current = readField(file, field);
  candidates.push(current - 1n, current + 1n, current * 2n, current / 2n);
  return [...new Set(candidates.filter((v) => v >= 0n && v <= max && v !== current).map(String))].map(BigInt);
}

function readField(buf: Buffer, f: Field): bigint {
  if (f.width === 8) return buf.readBigUInt64LE(f.at);
  if (f.width === 4) return BigInt(buf.readUInt32LE(f.at));
  if (f.width === 2) return BigInt(buf.readUInt16LE(f.at));
  return BigInt(buf.readUInt8(f.at));
}

function writeField(buf: Buffer, f: Field, v: bigint): void {
  if (f.width === 8) buf.writeBigUInt64LE(v, f.at);
  else if (f.width === 4) buf.writeUInt32LE(Number(v), f.at);
  else if (f.width === 2) buf.writeUInt16LE(Number(v), f.at);
  else buf.writeUInt8(Number(v), f.at);
}

/**
 * Recomputes every digest that covers a changed field: each block's digest over whatever its
 * (possibly changed) record now points at, the index digest, and the trailer's own checksum. What
 * is left for the reader is the bounds and consistency checks beneath the checksums.
 */
export function reseal(buf: Buffer): Buffer {
  if (buf.length < TRAILER_SIZE) return buf;
  const t = buf.subarray(buf.length - TRAILER_SIZE);
  const indexOffset = Number(t.readBigUInt64LE(56));
  const indexLength = Number(t.readBigUInt64LE(64));
  const bodyEnd = buf.length - TRAILER_SIZE;
  if (Number.isSafeInteger(indexOffset + indexLength) && indexOffset + indexLength <= bodyEnd) {
    const blocks = Math.min(t.readUInt32LE(72), Math.floor(indexLength / BLOCK_RECORD_SIZE));
    for (let b = 0; b < blocks; b++) {
      const r = indexOffset + b * BLOCK_RECORD_SIZE;
      const offset = Number(buf.readBigUInt64LE(r));
      const length = buf.readUInt32LE(r + 8);
      if (Number.isSafeInteger(offset + length) && offset + length <= bodyEnd) sha(buf.subarray(offset, offset + length)).copy(buf, r + 24);
    }
    sha(buf.subarray(indexOffset, indexOffset + indexLength)).copy(t, 144);
  }
  for (const [at, stored] of [[8, 16], [32, 40]] as const) {
    const offset = Number(t.readBigUInt64LE(at));
    const length = Number(t.readBigUInt64LE(stored));
    if (Number.isSafeInteger(offset + length) && offset + length <= bodyEnd) sha(buf.subarray(offset, offset + length)).copy(t, at === 8 ? 80 : 112);
  }
  createHash('sha256').update(t.subarray(0, 176)).digest().subarray(0, 16).copy(t, 176);
  return buf;
}

const HOSTILE_STRINGS = [
  '', '.', '..', '../escape', '/etc/passwd', 'a/../../b', 'a//b', 'a/./b', 'x\u0000y', 'x\ud800', 'C:\\x', 'a\\..\\b', '.vitsnap-restore-1',
  'app-link/inside', 'é'.repeat(3000), 'a'.repeat(256), `${'d/'.repeat(2100)}x`, '\u001b[2Jverdict: identical', 'share', 'bin/app',
];
const HOSTILE_JSON: unknown[] = [
  null, true, false, 0, -1, 1.5, 1e308, -0, 2 ** 53 + 2, 4294967296, Number.MAX_SAFE_INTEGER, [], {}, [[[[[[]]]]]], { a: { b: { c: {} } } },
  ...HOSTILE_STRINGS, 'file', 'dir', 'symlink', 'fifo', 'text', 'binary', 'tensor', 'compressed', 0o777, 0o4755, 0o170000, 0xffffffff,
];
const ENTRY_KEYS = ['type', 'path', 'mode', 'size', 'sha256', 'chunks', 'class', 'target', 'mtime', 'bogus'];

type Json = Record<string, unknown>;

/** One mutation of the entries array; returns a name for the report. */
function mutateEntries(r: Rand, entries: unknown[]): string {
  const i = Math.floor(r() * entries.length);
  const entry = entries[i];
  const kind = Math.floor(r() * 10);
  if (kind <= 3 && typeof entry === 'object' && entry !== null) {
    const key = pick(r, ENTRY_KEYS);
    (entry as Json)[key] = structuredClone(pick(r, HOSTILE_JSON));
    return `entry.${key}`;
  }
  if (kind === 4 && typeof entry === 'object' && entry !== null) {
    delete (entry as Json)[pick(r, Object.keys(entry))];
    return 'entry.deleteKey';
  }
  if (kind === 5) {
    entries.splice(Math.floor(r() * (entries.length + 1)), 0, structuredClone(entries[Math.floor(r() * entries.length)]));
    return 'duplicate';
  }
  if (kind === 6 && entries.length > 1) {
    const j = Math.floor(r() * entries.length);
    [entries[i], entries[j]] = [entries[j], entries[i]];
    return 'swap';
  }
  if (kind === 7) {
    // Amplification: one chunk named many times, with a size to match or not.
    const file = entries.find((e): e is Json => typeof e === 'object' && e !== null && Array.isArray((e as Json).chunks));
    if (file !== undefined) {
      const times = pick(r, [2, 1000, 100_000]);
      const chunks = file.chunks as unknown[];
      file.chunks = Array<unknown>(times).fill(chunks[0]);
      if (r() < 0.5) file.size = Number(file.size) * times;
      return `amplify×${times}`;
    }
  }
  if (kind === 8) {
    entries.splice(i, 1);
    return 'drop';
  }
  // A symlink planted where a directory is, for restore to follow if it would.
  entries.splice(i, 0, { type: 'symlink', path: pick(r, ['bin', 'share', 'share/doc', 'a']), target: pick(r, ['..', '/tmp', '../..', 'x']) });
  return 'plantSymlink';
}

const MANIFEST_PATHS = [['stats', 'files'], ['stats', 'bytes'], ['stats', 'blocks'], ['stats', 'chunks'], ['stats', 'classes'], ['tool'], ['tool', 'version'], ['source'], ['source', 'sha'], ['metadata'], ['parent'], ['createdAt'], ['bogus']];

function mutateManifest(r: Rand, manifest: Json): string {
  const path = pick(r, MANIFEST_PATHS);
  let at: Json = manifest;
  for (const key of path.slice(0, -1)) {
    const next = at[key];
    if (typeof next !== 'object' || next === null) at[key] = {};
    at = at[key] as Json;
  }
  const last = path[path.length - 1] as string;
  if (r() < 0.15) delete at[last];
  else at[last] = structuredClone(pick(r, HOSTILE_JSON));
  return `manifest.${path.join('.')}`;
}

/** Flips bytes of a raw JSON section (then re-encoded with correct digests): parse errors past the checksums. */
function flipText(r: Rand, raw: Buffer): Buffer {
  const out = Buffer.from(raw);
  const n = 1 + Math.floor(r() * 3);
  for (let k = 0; k < n && out.length > 0; k++) out[Math.floor(r() * out.length)] = pick(r, [0x22, 0x5c, 0x7b, 0x7d, 0x5b, 0x5d, 0x2c, 0x3a, 0x30, 0x20, 0x00, 0xff, 0xc3]);
  return out;
}

export const GENERATORS = ['field', 'splice', 'sectionSplice', 'entries', 'manifest', 'sectionText'] as const;
export type Generator = (typeof GENERATORS)[number];

interface Bases {
  a: Buffer;
  b: Buffer;
  aParts: SnapshotSections;
  bParts: SnapshotSections;
  /** Every (field, hostile value) pair of `a`. */
  pairs: { f: Field; v: bigint }[];
}

function gcd(x: number, y: number): number {
  return y === 0 ? x : gcd(y, x % y);
}

/** A step near 0.618 × n that shares no factor with n. */
function coprimeStride(n: number): number {
  let s = Math.max(1, Math.floor(n * 0.618));
  while (gcd(s, n) !== 1) s++;
  return s;
}

/** The `n`th input of `gen`: the first field inputs visit every (field, value) pair, then random ones. */
function makeInput(gen: Generator, r: Rand, bases: Bases, n: number): { bytes: Buffer; label: string } {
  switch (gen) {
    case 'field': {
      const all = bases.pairs;
      // A stride coprime to the count visits every pair once in the first all.length inputs, spread over all fields.
      const stride = coprimeStride(all.length);
      const { f, v } = n < all.length ? (all[(n * stride) % all.length] as { f: Field; v: bigint }) : pick(r, all);
      const bytes = Buffer.from(bases.a);
      writeField(bytes, f, v);
      return { bytes: r() < 0.9 ? reseal(bytes) : bytes, label: `${f.what}=${v}` };
    }
    case 'splice': {
      const [x, y] = r() < 0.5 ? [bases.a, bases.b] : [bases.b, bases.a];
      const cut = Math.floor(r() * x.length);
      const from = Math.floor(r() * y.length);
      const bytes = Buffer.concat([x.subarray(0, cut), y.subarray(from)]);
      return { bytes: r() < 0.7 ? reseal(bytes) : bytes, label: `splice@${cut}/${from}` };
    }
    case 'sectionSplice': {
      const keys = ['blocks', 'chunkTable', 'entriesRaw', 'summaryRaw'] as const;
      const parts: SnapshotSections = { ...bases.aParts };
      const taken: string[] = [];
      for (const k of keys) {
        if (r() < 0.5) {
          (parts as unknown as Record<string, unknown>)[k] = bases.bParts[k];
          taken.push(k);
        }
      }
      return { bytes: assembleSnapshot({ ...parts, level: 1 }), label: `B's ${taken.join('+') || 'nothing'}` };
    }
    case 'entries': {
      const entries = JSON.parse(bases.aParts.entriesRaw.toString('utf8')) as unknown[];
      const labels: string[] = [];
      const rounds = 1 + Math.floor(r() * 3);
      for (let k = 0; k < rounds; k++) labels.push(mutateEntries(r, entries));
      return { bytes: assembleSnapshot({ ...bases.aParts, entriesRaw: Buffer.from(JSON.stringify(entries)), level: 1 }), label: labels.join(',') };
    }
    case 'manifest': {
      const manifest = JSON.parse(bases.aParts.summaryRaw.toString('utf8')) as Json;
      const label = mutateManifest(r, manifest);
      return { bytes: assembleSnapshot({ ...bases.aParts, summaryRaw: Buffer.from(JSON.stringify(manifest)), level: 1 }), label };
    }
    case 'sectionText': {
      const which = r() < 0.6 ? 'entriesRaw' : 'summaryRaw';
      return { bytes: assembleSnapshot({ ...bases.aParts, [which]: flipText(r, bases.aParts[which]), level: 1 }), label: `${which} text` };
    }
  }
}

// ---- running one input ------------------------------------------------------------------------

const silent: Logger = { out: () => undefined, note: () => undefined, warn: () => undefined, progress: () => undefined, status: () => undefined, done: () => undefined };

export interface Outcome {
  /** 'ok' | a typed error code | 'exit N' — all passes. */
  results: string[];
  crash: string | null;
  escape: string | null;
}

async function step(results: string[], run: () => Promise<number>): Promise<string | null> {
  try {
    const code = await run();
    results.push(code === 0 ? 'ok' : `exit ${code}`);
    return null;
  } catch (error) {
    if (isVitsnapError(error)) {
      results.push(error.code);
      return null;
    }
    return error instanceof Error ? `${error.name}: ${error.message}\n${error.stack ?? ''}` : String(error);
  }
}

/** Runs every command that reads a snapshot on `file`; `base` is what diff compares it with. */
export async function runInput(file: string, base: string, sandbox: string): Promise<Outcome> {
  const ctx = { log: silent, cwd: sandbox, env: {} };
  const results: string[] = [];
  const target = join(sandbox, 'out');
  const commands: [string, () => Promise<number>][] = [
    ['info', () => infoCommand.run([file], ctx)],
    ['verify', () => verifyCommand.run([file], ctx)],
    ['export', () => exportCommand.run([file, '--json'], ctx)],
    ['diff', () => diffCommand.run(['--json', base, file], ctx)],
    ['restore', () => restoreCommand.run([file, '-C', target], ctx)],
  ];
  for (const [name, run] of commands) {
    const crash = await step(results, run);
    if (crash !== null) return { results, crash: `${name}: ${crash}`, escape: null };
  }
  // Everything restore wrote must be under `out` (a failed restore leaves nothing at all).
  const stray = readdirSync(sandbox).filter((n) => n !== 'out');
  return { results, crash: null, escape: stray.length > 0 ? `restore wrote outside its target: ${stray.join(', ')}` : null };
}

// ---- the campaign ---------------------------------------------------------------------------

export interface CampaignReport {
  inputs: number;
  seed: number;
  /** (field, value) pairs of the header, trailer and index; field inputs visit each once before repeating. */
  fieldPairs: number;
  byGenerator: Record<string, { inputs: number; outcomes: Record<string, number>; examples: Record<string, string[]> }>;
  crashes: { generator: string; label: string; file: string; error: string }[];
  escapes: { generator: string; label: string; file: string; error: string }[];
  slowestMs: number;
  slowest: string;
  maxRssBytes: number;
}

export async function campaign(count: number, seed: number, work: string, keep: string): Promise<CampaignReport> {
  const a = await baseSnapshot(work, 0);
  const b = await baseSnapshot(work, 1);
  const aBytes = readFileSync(a);
  const bBytes = readFileSync(b);
  const pairs = integerFields(aBytes).flatMap((f) => hostileValues(aBytes, f).map((v) => ({ f, v })));
  const bases: Bases = { a: aBytes, b: bBytes, aParts: disassembleSnapshot(aBytes, decompress), bParts: disassembleSnapshot(bBytes, decompress), pairs };
  const report: CampaignReport = { inputs: 0, seed, fieldPairs: pairs.length, byGenerator: {}, crashes: [], escapes: [], slowestMs: 0, slowest: '', maxRssBytes: 0 };
  const r = rng(seed);
  const input = join(work, 'input.vitsnap');
  for (let n = 0; n < count; n++) {
    const gen = GENERATORS[n % GENERATORS.length] as Generator;
    const { bytes, label } = makeInput(gen, r, bases, Math.floor(n / GENERATORS.length));
    writeFileSync(input, bytes);
    const sandbox = mkdtempSync(join(work, 'sb-'));
    const started = performance.now();
    const outcome = await runInput(input, a, sandbox);
    const ms = performance.now() - started;
    rmSync(sandbox, { recursive: true, force: true });
    if (ms > report.slowestMs) [report.slowestMs, report.slowest] = [Math.round(ms), `${gen}: ${label}`];
    const g = (report.byGenerator[gen] ??= { inputs: 0, outcomes: {}, examples: {} });
    g.inputs++;
    report.inputs++;
    const key = outcome.crash !== null ? 'CRASH' : outcome.escape !== null ? 'ESCAPE' : outcome.results.join(' ');
    g.outcomes[key] = (g.outcomes[key] ?? 0) + 1;
    const examples = (g.examples[key] ??= []);
    if (examples.length < 3) examples.push(label);
    if (outcome.crash !== null || outcome.escape !== null) {
      const saved = join(keep, `${gen}-${n}.vitsnap`);
      writeFileSync(saved, bytes);
      const entry = { generator: gen, label, file: saved, error: (outcome.crash ?? outcome.escape ?? '').slice(0, 2000) };
      (outcome.crash !== null ? report.crashes : report.escapes).push(entry);
    }
  }
  report.maxRssBytes = peakRssBytes();
  return report;
}

if (process.argv[1]?.endsWith('fuzz-campaign.ts') === true) {
  limitYoungGeneration();
  const { values } = parseArgs({ options: { count: { type: 'string', default: '600' }, seed: { type: 'string', default: '1' }, keep: { type: 'string' } } });
  const work = mkdtempSync(join(tmpdir(), 'vitsnap-fuzz-'));
  // Inputs that crashed are kept (in --keep DIR, else in the work directory, which then stays).
  const keep = values.keep ?? join(work, 'kept');
  mkdirSync(keep, { recursive: true });
  let found = true;
  try {
    const report = await campaign(Number(values.count), Number(values.seed), work, keep);
    found = report.crashes.length + report.escapes.length > 0;
    process.stdout.write(`${JSON.stringify(report)}\n`);
  } finally {
    if (values.keep !== undefined || !found) rmSync(work, { recursive: true, force: true });
  }
}
