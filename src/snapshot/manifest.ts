/**
 * Turns untrusted manifest JSON into a `Manifest`, checking every field a later step relies on:
 * types, ranges, safe paths, sorted unique entries, digests. Anything off is E_MANIFEST.
 */
import { SnapshotFormatError } from '../errors.js';
import { compareCodePoints } from './canonical-json.js';
import { parseBoundedJson, parseBoundedJsonArray, type JsonBounds } from './bounded-json.js';
import { LIMITS } from './format.js';
import { entryPathProblem } from './paths.js';
import type {
  CommandOutput,
  ContentClass,
  Entry,
  FileEntry,
  LockfileDigest,
  PatchRef,
  ManifestSummary,
  Metadata,
  RunnerInfo,
  SnapshotStats,
  SourceInfo,
  ToolchainProbe,
} from './types.js';

const CLASSES: readonly ContentClass[] = ['text', 'binary', 'compressed', 'tensor'];

/**
 * What the manifest section may hold before it is parsed. The schema nests 5 deep; real captures
 * record a few dozen env variables, toolchains and commands (capture caps env at
 * LIMITS.envVariables), so 10,000 members per container is far above any of them.
 */
const MANIFEST_BOUNDS: JsonBounds = {
  maxDepth: LIMITS.jsonDepth,
  maxMembers: LIMITS.manifestMembers,
  maxTopMembers: LIMITS.manifestMembers,
  maxValues: LIMITS.manifestValues,
  maxStringBytes: LIMITS.manifestStringBytes,
};

/** The entries section: the top-level array holds the entries, one entry's `chunks` the most members below it. */
const ENTRIES_BOUNDS: JsonBounds = {
  maxDepth: LIMITS.jsonDepth,
  maxMembers: LIMITS.entryMembers,
  maxTopMembers: LIMITS.entryCount,
  maxValues: LIMITS.entriesValues,
  maxStringBytes: LIMITS.entryStringBytes,
};

function fail(where: string, problem: string): never {
  throw new SnapshotFormatError('E_MANIFEST', `snapshot manifest is invalid at ${where}: ${problem}`);
}

type Json = Record<string, unknown>;

function object(value: unknown, where: string): Json {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(where, 'expected an object');
  return value as Json;
}

function array(value: unknown, where: string): unknown[] {
  if (!Array.isArray(value)) fail(where, 'expected an array');
  return value;
}

function string(value: unknown, where: string, maxBytes = 1 << 20): string {
  if (typeof value !== 'string') fail(where, 'expected a string');
  // length (UTF-16 units) ≤ UTF-8 bytes ≤ 3 × length: only count bytes when it can matter.
  if (value.length > maxBytes || (value.length * 3 > maxBytes && Buffer.byteLength(value) > maxBytes)) fail(where, `longer than ${maxBytes} bytes`);
  return value;
}

function nullableString(value: unknown, where: string): string | null {
  return value === null ? null : string(value, where);
}

function optionalString(value: unknown, where: string): string | undefined {
  return value === undefined ? undefined : string(value, where);
}

function integer(value: unknown, where: string, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0 || value > max) fail(where, 'expected a non-negative integer');
  return value;
}

function digest(value: unknown, where: string): string {
  if (!isDigest(value)) fail(where, 'expected a lowercase hex SHA-256');
  return value;
}

function timestamp(value: unknown): string | null {
  if (value === null) return null;
  const text = string(value, 'createdAt', 64);
  if (!/^([+-]\d{6}|\d{4})-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(text)) fail('createdAt', 'expected an ISO 8601 UTC time');
  return text;
}

function isDigest(value: unknown): value is string {
  if (typeof value !== 'string' || value.length !== 64) return false;
  for (let i = 0; i < 64; i++) {
    const c = value.charCodeAt(i);
    if (!((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66))) return false;
  }
  return true;
}

function isCount(value: unknown, max = Number.MAX_SAFE_INTEGER): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= max;
}

/**
 * One entry, checked field by field. Runs for every entry of manifests with 100k+ entries, so the
 * location text of an error (`entries[12].mode`) is only built when something is wrong.
 */
export function parseEntry(value: unknown, index: number): Entry {
  const at = (field: string): string => `entries[${index}]${field}`;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(at(''), 'expected an object');
  const e = value as Json;
  const path = e.path;
  if (typeof path !== 'string') fail(at('.path'), 'expected a string');
  const problem = entryPathProblem(path);
  if (problem !== null) fail(at('.path'), `${problem} (${JSON.stringify(path.slice(0, 200))})`);
  switch (e.type) {
    case 'file': {
      const { size, mode, sha256, chunks } = e;
      const cls = e.class;
      if (!isCount(size)) fail(at('.size'), 'expected a non-negative integer');
      if (!isCount(mode, 0o7777)) fail(at('.mode'), 'expected permission bits (0 to 0o7777)');
      if (!isDigest(sha256)) fail(at('.sha256'), 'expected a lowercase hex SHA-256');
      if (typeof cls !== 'string' || !CLASSES.includes(cls as ContentClass)) fail(at('.class'), 'unknown content class');
      const entry: Entry = { type: 'file', path, mode, size, sha256, class: cls as ContentClass };
      if (chunks !== undefined) {
        if (!Array.isArray(chunks) || chunks.length < 2 || chunks.length > size) fail(at('.chunks'), 'chunk count does not fit the file size');
        for (let i = 0; i < chunks.length; i++) if (!isDigest(chunks[i])) fail(at(`.chunks[${i}]`), 'expected a lowercase hex SHA-256');
        entry.chunks = chunks as string[];
      }
      if (e.patches !== undefined) {
        entry.patches = parsePatches(e.patches, entry, at);
        // `chunks` stays the last member: export streams a long chunk list after everything else.
        if (entry.chunks !== undefined) {
          const list = entry.chunks;
          delete entry.chunks;
          entry.chunks = list;
        }
      }
      return entry;
    }
    case 'dir':
      if (!isCount(e.mode, 0o7777)) fail(at('.mode'), 'expected permission bits (0 to 0o7777)');
      return { type: 'dir', path, mode: e.mode };
    case 'symlink': {
      const target = string(e.target, at('.target'), LIMITS.symlinkTargetBytes);
      if (target.length === 0 || target.includes('\0')) fail(at('.target'), 'empty or NUL in symlink target');
      if (!target.isWellFormed()) fail(at('.target'), 'symlink target is not well-formed Unicode (it has a lone surrogate)');
      return { type: 'symlink', path, target };
    }
    default:
      return fail(at('.type'), 'expected "file", "dir" or "symlink"');
  }
}

function parseToolchain(value: unknown, where: string): ToolchainProbe {
  const t = object(value, where);
  if (typeof t.found !== 'boolean') fail(`${where}.found`, 'expected a boolean');
  const probe: ToolchainProbe = { name: string(t.name, `${where}.name`), command: string(t.command, `${where}.command`), found: t.found };
  for (const key of ['path', 'realpath', 'version', 'error'] as const) {
    const v = optionalString(t[key], `${where}.${key}`);
    if (v !== undefined) probe[key] = v;
  }
  if (t.sha256 !== undefined) probe.sha256 = digest(t.sha256, `${where}.sha256`);
  return probe;
}

function parseMetadata(value: unknown): Metadata | null {
  if (value === null) return null;
  const m = object(value, 'metadata');
  const r = object(m.runner, 'metadata.runner');
  const runner: RunnerInfo = { os: string(r.os, 'runner.os'), arch: string(r.arch, 'runner.arch'), release: string(r.release, 'runner.release') };
  for (const key of ['distro', 'image', 'imageVersion'] as const) {
    const v = optionalString(r[key], `runner.${key}`);
    if (v !== undefined) runner[key] = v;
  }
  const envObject = object(m.env, 'metadata.env');
  const env: Record<string, string> = {};
  for (const [key, v] of Object.entries(envObject)) env[key] = string(v, `metadata.env.${key}`);
  const lockfiles: LockfileDigest[] = array(m.lockfiles, 'metadata.lockfiles').map((item, i) => {
    const l = object(item, `metadata.lockfiles[${i}]`);
    return { path: string(l.path, 'lockfile.path'), sha256: digest(l.sha256, 'lockfile.sha256') };
  });
  const commands: CommandOutput[] = array(m.commands, 'metadata.commands').map((item, i) => {
    const c = object(item, `metadata.commands[${i}]`);
    const out: CommandOutput = {
      name: string(c.name, 'command.name'),
      command: string(c.command, 'command.command'),
      exitCode: c.exitCode === null ? null : integer(c.exitCode, 'command.exitCode', 255),
      stdout: string(c.stdout, 'command.stdout'),
    };
    const error = optionalString(c.error, 'command.error');
    if (error !== undefined) out.error = error;
    return out;
  });
  return {
    toolchains: array(m.toolchains, 'metadata.toolchains').map((t, i) => parseToolchain(t, `metadata.toolchains[${i}]`)),
    runner,
    env,
    umask: string(m.umask, 'metadata.umask'),
    lockfiles,
    commands,
  };
}

function parseSource(value: unknown): SourceInfo {
  const s = object(value, 'source');
  const dirty = s.dirty;
  if (dirty !== null && typeof dirty !== 'boolean') fail('source.dirty', 'expected a boolean or null');
  return {
    repository: nullableString(s.repository, 'source.repository'),
    ref: nullableString(s.ref, 'source.ref'),
    sha: nullableString(s.sha, 'source.sha'),
    dirty,
    runId: nullableString(s.runId, 'source.runId'),
  };
}

function parseClasses(value: unknown): SnapshotStats['classes'] {
  const c = object(value, 'stats.classes');
  const out = {} as SnapshotStats['classes'];
  for (const cls of CLASSES) {
    const one = object(c[cls], `stats.classes.${cls}`);
    out[cls] = { files: integer(one.files, `stats.classes.${cls}.files`), bytes: integer(one.bytes, `stats.classes.${cls}.bytes`) };
  }
  return out;
}

function parseStats(value: unknown): SnapshotStats {
  const s = object(value, 'stats');
  return {
    classes: parseClasses(s.classes),
    files: integer(s.files, 'stats.files'),
    dirs: integer(s.dirs, 'stats.dirs'),
    symlinks: integer(s.symlinks, 'stats.symlinks'),
    bytes: integer(s.bytes, 'stats.bytes'),
    chunks: integer(s.chunks, 'stats.chunks'),
    blocks: integer(s.blocks, 'stats.blocks'),
    storedBytes: integer(s.storedBytes, 'stats.storedBytes'),
  };
}

/** A file's patches: each makes one of its own chunks, at most once, within the limits of a chunk. */
function parsePatches(value: unknown, entry: FileEntry, at: (field: string) => string): PatchRef[] {
  if (!Array.isArray(value) || value.length === 0) fail(at('.patches'), 'expected a non-empty array');
  const own = new Set(entry.chunks ?? [entry.sha256]);
  const seen = new Set<string>();
  return value.map((item: unknown, i: number): PatchRef => {
    const where = at(`.patches[${i}]`);
    const p = object(item, where);
    const chunk = digest(p.chunk, `${where}.chunk`);
    if (!own.has(chunk) || seen.has(chunk)) fail(`${where}.chunk`, 'not one of the file\'s chunks, or patched twice');
    seen.add(chunk);
    return {
      chunk,
      size: integer(p.size, `${where}.size`, LIMITS.blockRawBytes),
      patch: digest(p.patch, `${where}.patch`),
      base: digest(p.base, `${where}.base`),
      offset: integer(p.offset, `${where}.offset`),
      length: integer(p.length, `${where}.length`, LIMITS.patchBaseBytes),
    };
  });
}

/** The manifest section: everything but the entries. */
export function parseManifestSummary(value: unknown): ManifestSummary {
  const m = object(value, 'manifest');
  const tool = object(m.tool, 'tool');
  if (tool.name !== 'vitsnap') fail('tool.name', 'expected "vitsnap"');
  return {
    tool: { name: 'vitsnap', version: string(tool.version, 'tool.version') },
    createdAt: timestamp(m.createdAt),
    source: parseSource(m.source),
    metadata: parseMetadata(m.metadata),
    parent: m.parent === null ? null : digest(m.parent, 'parent'),
    ...parseChain(m),
    stats: parseStats(m.stats),
  };
}

function parseChain(m: Json): Pick<ManifestSummary, 'depth' | 'parentRef' | 'entriesPatch'> {
  if (m.entriesPatch !== undefined && (m.entriesPatch !== true || m.parent === null)) {
    fail('entriesPatch', 'only a delta snapshot stores its entries against its parent, and then it is true');
  }
  if (m.parent === null) return {};
  const out: Pick<ManifestSummary, 'depth' | 'parentRef' | 'entriesPatch'> = { depth: integer(m.depth, 'depth', LIMITS.chainDepth) };
  if (out.depth === 0) fail('depth', 'a delta snapshot is at least one layer above its base');
  const ref = optionalString(m.parentRef, 'parentRef');
  if (ref !== undefined) out.parentRef = string(ref, 'parentRef', 4096);
  if (m.entriesPatch === true) out.entriesPatch = true;
  return out;
}

/** The entries section: safe paths, sorted by UTF-8 bytes, unique. */
export function parseEntries(value: unknown): Entry[] {
  const rawEntries = array(value, 'entries');
  if (rawEntries.length > LIMITS.entryCount) {
    throw new SnapshotFormatError('E_LIMIT', `snapshot has ${rawEntries.length} entries, over the ${LIMITS.entryCount} limit`);
  }
  return checkEntryOrder(rawEntries.map((e, i) => parseEntry(e, i)));
}

/** The entries section read from its bytes one entry at a time, within ENTRIES_BOUNDS. */
export function parseEntriesSection(raw: Buffer, what: string): Entry[] {
  return checkEntryOrder(parseBoundedJsonArray(raw, ENTRIES_BOUNDS, what, parseEntry));
}

/** The manifest section from its bytes, within MANIFEST_BOUNDS. */
export function parseManifestSection(raw: Buffer, what: string): ManifestSummary {
  return parseManifestSummary(parseBoundedJson(raw, MANIFEST_BOUNDS, what));
}

function checkEntryOrder(entries: Entry[]): Entry[] {
  for (let i = 1; i < entries.length; i++) {
    const order = compareCodePoints((entries[i - 1] as Entry).path, (entries[i] as Entry).path);
    if (order === 0) fail(`entries[${i}].path`, `duplicate path ${JSON.stringify((entries[i] as Entry).path)}`);
    if (order > 0) fail(`entries[${i}].path`, 'entries are not sorted by path');
  }
  return entries;
}
