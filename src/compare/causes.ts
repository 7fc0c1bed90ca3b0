/**
 * The cause classifier: labels every node of a Difference tree with evidence-backed causes and a
 * one-line fix hint for the ecosystem. Evidence first: a `timestamp` means a date was found in the
 * differing bytes or a time field differs; anything not proven is `content` (unexplained).
 */
import { diffBytes, parseHexdump, type ByteSpan } from './byte-ranges.js';
import { analyzeSite, hexOffset, quote, textSite, type FormatKey, type Finding, type Site } from './evidence.js';
import { RENAME_HINT, renameEvidence } from './renames.js';
import { CAUSE_IDS, type ByteRange, type Cause, type Consequence, type CauseId, type DiffDetail, type Difference, type LineHunk } from './types.js';

/** All bytes of one side of the file a node describes (by its display path), when known. */
export type ReadBytes = (path: string) => Buffer | undefined;

/** A toolchain whose probe differs between the two snapshots' metadata. */
export interface ToolchainChange {
  name: string;
  before?: string | null;
  after?: string | null;
}

export interface ClassifyContext {
  before?: ReadBytes;
  after?: ReadBytes;
  /** Tool names (`gcc`) or changes with their version texts, from the snapshots' metadata. */
  toolchainChanged?: ReadonlyArray<string | ToolchainChange>;
}

export type Verdict = 'identical' | 'drift-explained' | 'drift-unexplained';

/** Byte ranges examined per node; the rest count as unexplained. */
const MAX_SITES = 256;
/** Line pairs examined per text node. */
const MAX_LINE_PAIRS = 512;
/** Findings quoted in one cause's evidence; the rest are counted. */
const MAX_EVIDENCE = 3;

// ---------------------------------------------------------------------------------------------
// Fix hints, by cause and by what the file (or the evidence) is

interface HintContext {
  format: FormatKey | undefined;
  prefixes?: [string, string];
  secondary: boolean;
}

const TIMESTAMP_HINTS: Partial<Record<FormatKey, string>> = {
  gzip: 'gzip -n (--no-name): keep the file name and MTIME out of the gzip header',
  tar: 'tar --sort=name --mtime=@$SOURCE_DATE_EPOCH --owner=0 --group=0 --numeric-owner',
  zip: 'touch the files to $SOURCE_DATE_EPOCH, then zip -X with sorted entries (or run strip-nondeterminism on the zip)',
  jar: 'Gradle: preserveFileTimestamps = false and reproducibleFileOrder = true; jar --date=<ISO time of $SOURCE_DATE_EPOCH>; Maven: project.build.outputTimestamp',
  wheel: 'export SOURCE_DATE_EPOCH before building the wheel (python -m build and pip wheel use it for entry times)',
  pyc: 'python -m compileall --invalidation-mode checked-hash (py_compile: PycInvalidationMode.CHECKED_HASH): no source mtime in the header',
  pe: 'link with /Brepro (MSVC) or -Wl,--no-insert-timestamp (MinGW) so TimeDateStamp is not the build time',
  png: 'strip the tIME chunk (optipng -strip all, or ImageMagick -define png:exclude-chunks=date,time)',
};

const FILE_ORDER_HINTS: Partial<Record<FormatKey, string>> = {
  zip: 'add entries in sorted order and without extra fields: find . -type f | LC_ALL=C sort | zip -X -@ out.zip',
  jar: 'Gradle: reproducibleFileOrder = true (with preserveFileTimestamps = false); with the jar tool, pass files in sorted order',
  wheel: 'build the wheel with current wheel/setuptools (entries sorted) and SOURCE_DATE_EPOCH set',
  tar: 'tar --sort=name (GNU tar ≥ 1.28), or feed a sorted list: find . | LC_ALL=C sort | tar --no-recursion -T -',
  json: 'write JSON with sorted keys and a stable array order (json.dumps(sort_keys=True), sorted object entries)',
};

const PERMISSION_HINTS: Partial<Record<FormatKey, string>> = {
  tar: 'tar --owner=0 --group=0 --numeric-owner --mode=go-w, and a fixed umask (umask 022)',
  zip: 'zip -X (no uid/gid extra fields) and a fixed umask (umask 022) before building',
  jar: 'a fixed umask (umask 022) before building; Gradle: set filePermissions/dirPermissions on archive tasks',
};

function buildPathHint(ctx: HintContext): string {
  const old = ctx.prefixes?.[0] ?? 'OLD';
  switch (ctx.format) {
    case 'rust':
      return `RUSTFLAGS="--remap-path-prefix=${old}=." (Rust)`;
    case 'go':
      return 'go build -trimpath (Go)';
    case 'python':
    case 'pyc':
    case 'wheel':
      return 'build in a fixed directory, or compile with py_compile/compileall ddir= a relative name';
    case 'js':
    case 'json':
      return 'emit relative paths (source maps: sourceRoot / devtool settings); never bake the build directory into bundles';
    case 'class':
    case 'jar':
      return 'build in a fixed directory (or relativise paths written by annotation processors / resources)';
    default:
      return `-ffile-prefix-map=${old}=. (C/C++: gcc ≥ 8, clang ≥ 10); Rust --remap-path-prefix, Go -trimpath`;
  }
}

function buildIdHint(ctx: HintContext): string {
  if (ctx.format === 'go') return 'go build -trimpath -ldflags=-buildid= (the Go build ID hashes inputs, paths and flags)';
  if (ctx.secondary) return 'follows from the other differences in this file: fix those and the build-id will match';
  if (ctx.format === 'pe') return 'link with /Brepro (MSVC) so the debug GUID is derived from the content';
  if (ctx.format === 'macho') return 'LC_UUID hashes the output: make the inputs reproducible (ld -no_uuid drops it)';
  return 'use a content-derived build-id (-Wl,--build-id=sha1, not uuid or random) and reproducible inputs';
}

function randomnessHint(ctx: HintContext): string {
  switch (ctx.format) {
    case 'python':
    case 'pyc':
    case 'wheel':
      return 'export PYTHONHASHSEED=0 (set/dict order), and derive IDs from content instead of uuid4()';
    case 'c':
    case 'elf':
      return 'gcc -frandom-seed=<output name> for generated symbols; derive IDs from content hashes, not fresh UUIDs';
    default:
      return 'seed random generators and derive IDs from content hashes instead of fresh UUIDs or nonces';
  }
}

const HINTS: Record<CauseId, (ctx: HintContext) => string> = {
  timestamp: (ctx) =>
    (ctx.format === undefined ? undefined : TIMESTAMP_HINTS[ctx.format === 'python' ? 'pyc' : ctx.format]) ??
    'export SOURCE_DATE_EPOCH (e.g. $(git log -1 --format=%ct)): gcc/clang take __DATE__/__TIME__ from it, most tools use it instead of the clock',
  'build-path': buildPathHint,
  'file-order': (ctx) =>
    (ctx.format === undefined ? undefined : FILE_ORDER_HINTS[ctx.format]) ??
    'sort deterministically (LC_ALL=C sort) instead of relying on readdir or hash order',
  'build-id': buildIdHint,
  permissions: (ctx) =>
    (ctx.format === undefined ? undefined : PERMISSION_HINTS[ctx.format]) ?? 'set a fixed umask (umask 022) and chmod the outputs explicitly in the build',
  symlink: () => 'create the link with a fixed relative target (ln -sfn ../target link), not one derived from the build directory',
  toolchain: () => 'pin the toolchain: container image digest, exact setup-* action version, rust-toolchain.toml, .nvmrc, .python-version',
  locale: () => 'run the build with LC_ALL=C (and TZ=UTC) so sort order and number/date formats do not follow the machine',
  env: () => 'keep $USER, $HOSTNAME and $HOME out of outputs: fixed values in the build (e.g. KBUILD_BUILD_USER/HOST) or stop embedding them',
  randomness: randomnessHint,
  content: () => 'no known cause: a real source change, or nondeterminism vitsnap does not recognise; inspect the differing bytes',
};

export function hintFor(id: CauseId, format: FormatKey | undefined, extra: { prefixes?: [string, string]; secondary?: boolean } = {}): string {
  return HINTS[id]({ format, prefixes: extra.prefixes, secondary: extra.secondary === true });
}

// ---------------------------------------------------------------------------------------------
// What a node's file is

const EXTENSION_FORMATS: readonly [RegExp, FormatKey][] = [
  [/\.(?:jar|war|ear|aar)$/i, 'jar'],
  [/\.whl$/i, 'wheel'],
  [/\.(?:zip|apk|nupkg|xpi|epub|docx|xlsx|pptx|odt)$/i, 'zip'],
  [/\.(?:tar|tar\.gz|tgz|tar\.xz|txz|tar\.zst|tzst|tar\.bz2|tbz2)$/i, 'tar'],
  [/\.gz$/i, 'gzip'],
  [/\.pyc$/i, 'pyc'],
  [/\.py$/i, 'python'],
  [/\.class$/i, 'class'],
  [/\.png$/i, 'png'],
  [/\.json$/i, 'json'],
  [/\.(?:m?js|cjs|map|css|html?|wasm)$/i, 'js'],
  [/\.(?:exe|dll|sys|efi)$/i, 'pe'],
  [/\.dylib$/i, 'macho'],
  [/\.(?:so(?:\.\d+)*|o|a|ko|elf)$/i, 'elf'],
  [/\.(?:c|h|cc|cpp|cxx|hpp)$/i, 'c'],
  [/\.rs$/i, 'rust'],
  [/\.go$/i, 'go'],
  [/\.(?:txt|md|csv|tsv|ya?ml|toml|ini|cfg|xml|properties|MF|lst|list)$/i, 'text'],
];

function formatOfPath(path: string): FormatKey | undefined {
  const name = path.split('/').pop() ?? path;
  return EXTENSION_FORMATS.find(([pattern]) => pattern.test(name))?.[1];
}

function formatOfMagic(head: Buffer | undefined): FormatKey | undefined {
  if (head === undefined || head.length < 4) return undefined;
  const magic = head.readUInt32BE(0);
  if (magic === 0x7f454c46) return 'elf';
  if (head[0] === 0x4d && head[1] === 0x5a) return 'pe';
  if ([0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe].includes(magic)) return 'macho';
  if (magic === 0x504b0304) return 'zip';
  if (head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (magic === 0x89504e47) return 'png';
  if (magic === 0xcafebabe) return 'class';
  if (head.length >= 262 && head.subarray(257, 262).toString('latin1') === 'ustar') return 'tar';
  return undefined;
}

/** `dist/app.jar!/a.class` → `dist/app.jar`: the archive that holds a member. */
function containerOf(path: string): string {
  const at = path.lastIndexOf('!/');
  return at < 0 ? path : path.slice(0, at);
}

function formatOfNode(node: Difference, head: Buffer | undefined): FormatKey | undefined {
  switch (node.comparator) {
    case 'zip': {
      const container = formatOfPath(containerOf(node.path));
      return container === 'jar' || container === 'wheel' ? container : 'zip';
    }
    case 'tar':
      return 'tar';
    case 'gzip':
      return 'gzip';
    case 'elf':
      return 'elf';
    case 'pe':
      return 'pe';
    case 'macho':
      return 'macho';
    case 'pyc':
      return 'pyc';
    case 'class':
      return 'class';
    case 'png':
      return 'png';
    case 'json':
      return 'json';
    case 'sourcemap':
      return 'js';
    case 'text':
      return formatOfPath(node.path) ?? 'text';
    case 'xz':
    case 'zstd':
    case 'binary':
    case undefined:
      return formatOfPath(node.path) ?? formatOfMagic(head) ?? formatOfPath(containerOf(node.path));
  }
}

type CompiledKind = 'native' | 'jvm' | 'python' | 'js' | 'dotnet';

const COMPILED_KINDS: Partial<Record<FormatKey, CompiledKind[]>> = {
  elf: ['native'],
  macho: ['native'],
  pe: ['native', 'dotnet'],
  c: ['native'],
  rust: ['native'],
  go: ['native'],
  class: ['jvm'],
  jar: ['jvm'],
  pyc: ['python'],
  wheel: ['python'],
  js: ['js'],
};

const TOOL_FAMILIES: Record<CompiledKind, RegExp> = {
  native: /^(?:gcc|g\+\+|cc|c\+\+|clang|clang\+\+|ld|ld\.\w+|lld|gold|as|binutils|rustc|cargo|go|zig|swiftc?|gfortran|cmake|make|ninja|nasm)$/i,
  jvm: /^(?:java|javac|jdk|jar|mvn|maven|gradle|kotlinc?|scalac?|sbt)$/i,
  python: /^(?:python[\d.]*|pip[\d.]*|uv|poetry|pdm|hatch)$/i,
  js: /^(?:node|npm|pnpm|yarn|bun|deno|tsc|typescript|esbuild|webpack|rollup|vite|swc|babel|terser)$/i,
  dotnet: /^(?:dotnet|msbuild|csc)$/i,
};

function versionOf(text: string | null | undefined): string {
  if (text === null || text === undefined || text === '') return 'none';
  return /\d+\.\d+(?:\.\d+)?/.exec(text)?.[0] ?? quote(text, 40);
}

function toolchainFinding(format: FormatKey | undefined, changes: ReadonlyArray<string | ToolchainChange>): Finding | undefined {
  const kinds = format === undefined ? undefined : COMPILED_KINDS[format];
  if (kinds === undefined) return undefined;
  const relevant = changes
    .map((c) => (typeof c === 'string' ? { name: c } : c))
    .filter((c) => kinds.some((kind) => TOOL_FAMILIES[kind].test(c.name)));
  if (relevant.length === 0) return undefined;
  const withVersions = relevant.filter((c) => c.before !== undefined || c.after !== undefined);
  const evidence =
    withVersions.length > 0
      ? `${withVersions.map((c) => `${c.name} ${versionOf(c.before)} → ${versionOf(c.after)}`).join(', ')} recorded in the snapshots`
      : `${relevant.map((c) => c.name).join(', ')} changed between the snapshots' toolchain metadata`;
  return { id: 'toolchain', evidence };
}

// ---------------------------------------------------------------------------------------------
// One leaf: findings plus what stays unexplained

interface LeafAnalysis {
  findings: Finding[];
  /** What no finding accounts for, as evidence for `content`. */
  unexplained: string[];
  /** A checksum or size field: it differs because the rest does. */
  consequenceOf?: string;
  /** A comparator's proof of the consequence: its evidence, and the paths of the differences it follows from. */
  consequence?: Consequence;
  format: FormatKey | undefined;
}

function words(name: string): Set<string> {
  const split = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/);
  return new Set([...split, name.toLowerCase(), name.toLowerCase().replace(/[^a-z0-9]+/g, '')]);
}

const BUILD_ID_FIELD = /build[-_ ]?id|lc_uuid|guid|uuid|rsds|codeview|repro/i;
/** Zip extra fields by header id, as the zip comparator names them (`extra.0x5455`). */
const ZIP_TIME_EXTRAS = /0x5455|0x000a/i;
const ZIP_OWNER_EXTRAS = /0x7875|0x7855/i;
const CONSEQUENCE_WORDS = ['crc', 'crc32', 'checksum', 'chksum', 'cksum', 'size', 'compressedsize', 'csize', 'digest'];
const PERMISSION_WORDS = ['mode', 'perm', 'perms', 'permissions', 'attr', 'attrs', 'attributes', 'externalattr', 'externalattributes', 'uid', 'gid', 'owner', 'group', 'uname', 'gname', 'umask'];
const SYMLINK_WORDS = ['linkname', 'linktarget', 'symlink', 'symlinktarget'];
const TIME_WORDS = ['time', 'mtime', 'atime', 'ctime', 'date', 'datetime', 'timestamp', 'stamp', 'timedatestamp', 'modified', 'lastmodified', 'dostime', 'dosdate'];

function hasWord(set: Set<string>, list: readonly string[]): boolean {
  return list.some((w) => set.has(w));
}

function fieldValues(name: string, before: string, after: string): string {
  return `${name} ${quote(before, 60)} vs ${quote(after, 60)}`;
}

function analyzeField(detail: { name: string; before: string; after: string }, format: FormatKey | undefined): LeafAnalysis {
  const { name, before, after } = detail;
  const w = words(name);
  const base: LeafAnalysis = { findings: [], unexplained: [], format };
  if (BUILD_ID_FIELD.test(name)) {
    const idFormat: FormatKey | undefined = /go/i.test(name) ? 'go' : /lc_uuid/i.test(name) ? 'macho' : /guid|rsds|pdb/i.test(name) ? 'pe' : undefined;
    return { ...base, findings: [{ id: 'build-id', evidence: fieldValues(name, before, after), ...(idFormat === undefined ? {} : { format: idFormat }) }] };
  }
  if (hasWord(w, CONSEQUENCE_WORDS)) return { ...base, consequenceOf: name, unexplained: [fieldValues(name, before, after)] };
  if (hasWord(w, PERMISSION_WORDS) || ZIP_OWNER_EXTRAS.test(name)) return { ...base, findings: [{ id: 'permissions', evidence: fieldValues(name, before, after) }] };
  if (hasWord(w, SYMLINK_WORDS) || (w.has('link') && w.has('target'))) {
    return { ...base, findings: [{ id: 'symlink', evidence: `${name} target ${quote(before)} → ${quote(after)}` }] };
  }
  const site = analyzeSite(textSite(before, after, `field ${name}`));
  if (hasWord(w, TIME_WORDS) || ZIP_TIME_EXTRAS.test(name)) {
    // The parser says it is a time; quote the values, with the date we read when we can.
    const dated = site.findings.find((f) => f.id === 'timestamp');
    return { ...base, findings: [dated ?? { id: 'timestamp', evidence: `${fieldValues(name, before, after)} (a time field)` }] };
  }
  return { ...base, findings: site.findings, unexplained: site.explained ? [] : [fieldValues(name, before, after)] };
}

function analyzeOrder(before: readonly string[], after: readonly string[], format: FormatKey | undefined): LeafAnalysis {
  const sorted = (list: readonly string[]): string => [...list].sort().join('\0');
  const same = sorted(before) === sorted(after);
  const first = before.findIndex((item, i) => item !== after[i]);
  const at = first < 0 ? '' : `; first difference at position ${first + 1}: ${quote(before[first] ?? '', 40)} vs ${quote(after[first] ?? '', 40)}`;
  const evidence = same ? `same ${before.length} entries in another order${at}` : `entries in another order (${before.length} vs ${after.length} listed)${at}`;
  return { findings: [{ id: 'file-order', evidence }], unexplained: [], format };
}

const collator = new Intl.Collator('en');

function isSortedBy(list: readonly string[], compare: (a: string, b: string) => number): boolean {
  for (let i = 1; i < list.length; i++) if (compare(list[i - 1], list[i]) > 0) return false;
  return true;
}

function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Same lines in another order: sorted by bytes on one side and by a locale on the other → locale. */
function reorderFinding(removed: string[], added: string[]): Finding | undefined {
  if (removed.length < 2 || removed.length !== added.length) return undefined;
  if ([...removed].sort().join('\n') !== [...added].sort().join('\n')) return undefined;
  const cOrder = (list: string[]): boolean => isSortedBy(list, byteOrder);
  const localeOrder = (list: string[]): boolean => isSortedBy(list, (a, b) => collator.compare(a, b));
  if ((cOrder(removed) && localeOrder(added)) || (localeOrder(removed) && cOrder(added))) {
    const which = cOrder(removed) ? 'byte (C) order before, locale order after' : 'locale order before, byte (C) order after';
    return { id: 'locale', evidence: `same ${removed.length} lines sorted differently: ${which} (first ${quote(removed[0], 40)} vs ${quote(added[0], 40)})` };
  }
  return { id: 'file-order', evidence: `same ${removed.length} lines in another order (first ${quote(removed[0], 40)} vs ${quote(added[0], 40)})` };
}

function analyzeLines(hunks: readonly LineHunk[], truncated: boolean, format: FormatKey | undefined): LeafAnalysis {
  const result: LeafAnalysis = { findings: [], unexplained: [], format };
  const removedAll: string[] = [];
  const addedAll: string[] = [];
  const pairs: { before: string; after: string; line: number }[] = [];
  const unpaired: string[] = [];
  for (const hunk of hunks) {
    let oldLine = hunk.oldStart;
    let block: { removed: { text: string; line: number }[]; added: string[] } = { removed: [], added: [] };
    const closeBlock = (): void => {
      const n = Math.min(block.removed.length, block.added.length);
      for (let i = 0; i < n; i++) pairs.push({ before: block.removed[i].text, after: block.added[i], line: block.removed[i].line });
      for (const r of block.removed.slice(n)) unpaired.push(`line ${r.line} removed`);
      if (block.added.length > n) unpaired.push(`${block.added.length - n} line(s) added after line ${oldLine - 1}`);
      block = { removed: [], added: [] };
    };
    for (const line of hunk.lines) {
      const text = line.slice(1);
      if (line.startsWith('-')) {
        if (block.added.length > 0) closeBlock();
        block.removed.push({ text, line: oldLine });
        removedAll.push(text);
        oldLine++;
      } else if (line.startsWith('+')) {
        block.added.push(text);
        addedAll.push(text);
      } else {
        closeBlock();
        oldLine++;
      }
    }
    closeBlock();
  }
  if (truncated) result.unexplained.push('line diff truncated: the rest was not examined');
  const reorder = reorderFinding(removedAll, addedAll);
  if (reorder !== undefined) {
    result.findings.push(reorder);
    return result;
  }
  result.unexplained.push(...unpaired);
  for (const [i, pair] of pairs.entries()) {
    if (i >= MAX_LINE_PAIRS) {
      result.unexplained.push(`${pairs.length - MAX_LINE_PAIRS} changed lines not examined`);
      break;
    }
    const site = analyzeSite(textSite(pair.before, pair.after, `line ${pair.line}`));
    result.findings.push(...site.findings);
    if (!site.explained) result.unexplained.push(`line ${pair.line}: ${quote(pair.before, 60)} vs ${quote(pair.after, 60)}`);
  }
  return result;
}

function analyzeJson(detail: Extract<DiffDetail, { type: 'json' }>, format: FormatKey | undefined): LeafAnalysis {
  const result: LeafAnalysis = { findings: [], unexplained: [], format };
  if (detail.truncated) result.unexplained.push('JSON diff truncated: the rest was not examined');
  for (const change of detail.changes.slice(0, MAX_LINE_PAIRS)) {
    const where = `JSON ${change.pointer === '' ? '/' : change.pointer}`;
    if (change.op === 'move') {
      result.findings.push({ id: 'file-order', format: 'json', evidence: `array item moved at ${where}` });
    } else if (change.op === 'replace' && change.before !== undefined && change.after !== undefined) {
      const site = analyzeSite(textSite(change.before, change.after, where));
      result.findings.push(...site.findings);
      if (!site.explained) result.unexplained.push(`${where}: ${quote(change.before, 60)} vs ${quote(change.after, 60)}`);
    } else {
      result.unexplained.push(`${where} ${change.op === 'add' ? 'added' : change.op === 'remove' ? 'removed' : 'replaced'}`);
    }
  }
  if (detail.changes.length > MAX_LINE_PAIRS) result.unexplained.push(`${detail.changes.length - MAX_LINE_PAIRS} JSON changes not examined`);
  return result;
}

/** The whole file when both readers have it (and it fits the ranges), else the hexdump context. */
function byteViews(
  path: string,
  ranges: readonly ByteRange[],
  hexdumps: readonly { before: string; after: string }[],
  ctx: ClassifyContext,
): { before: ByteSpan[]; after: ByteSpan[] } {
  const a = ctx.before?.(path);
  const b = ctx.after?.(path);
  const fits = ranges.every((r) => a !== undefined && b !== undefined && r.oldOffset + r.oldLength <= a.length && r.newOffset + r.newLength <= b.length);
  if (a !== undefined && b !== undefined && fits) return { before: [{ offset: 0, bytes: a }], after: [{ offset: 0, bytes: b }] };
  return { before: hexdumps.flatMap((h) => parseHexdump(h.before)), after: hexdumps.flatMap((h) => parseHexdump(h.after)) };
}

function spanHolding(spans: readonly ByteSpan[], start: number, end: number): ByteSpan | undefined {
  return spans.find((s) => s.offset <= start && s.offset + s.bytes.length >= end);
}

const EXECUTABLE_FORMATS: ReadonlySet<FormatKey | undefined> = new Set<FormatKey | undefined>(['elf', 'pe', 'macho', 'go']);

function analyzeBytes(path: string, ranges: readonly ByteRange[], truncated: boolean, hexdumps: readonly { before: string; after: string }[], format: FormatKey | undefined, ctx: ClassifyContext): LeafAnalysis {
  const result: LeafAnalysis = { findings: [], unexplained: [], format };
  const views = byteViews(path, ranges, hexdumps, ctx);
  const sites: { site: Site; offset: number }[] = [];
  let unexamined = 0;
  for (const [i, r] of ranges.entries()) {
    const before = i < MAX_SITES ? spanHolding(views.before, r.oldOffset, r.oldOffset + r.oldLength) : undefined;
    const after = i < MAX_SITES ? spanHolding(views.after, r.newOffset, r.newOffset + r.newLength) : undefined;
    if (before === undefined || after === undefined) {
      unexamined++;
      continue;
    }
    const site: Site = {
      before: { view: before, start: r.oldOffset, end: r.oldOffset + r.oldLength },
      after: { view: after, start: r.newOffset, end: r.newOffset + r.newLength },
      where: `offset ${hexOffset(r.oldOffset)}`,
      binary: true,
    };
    sites.push({ site, offset: r.oldOffset });
  }
  let analyses = sites.map(({ site }) => analyzeSite(site));
  // Bare u32 epochs only once neither the name, the magic nor a note says executable.
  const executable = EXECUTABLE_FORMATS.has(format) || analyses.some((a) => a.findings.some((f) => EXECUTABLE_FORMATS.has(f.format)));
  if (!executable) analyses = analyses.map((a, i) => (a.explained ? a : analyzeSite({ ...sites[i].site, bareEpochs: true })));
  const unexplained: number[] = [];
  for (const [i, analysis] of analyses.entries()) {
    result.findings.push(...analysis.findings);
    if (!analysis.explained) unexplained.push(sites[i].offset);
  }
  if (unexplained.length > 0) {
    const shown = unexplained.slice(0, 3).map(hexOffset).join(', ');
    result.unexplained.push(`${unexplained.length} of ${ranges.length} differing ranges with no known cause (at ${shown}${unexplained.length > 3 ? ', …' : ''})`);
  }
  if (unexamined > 0) result.unexplained.push(`${unexamined} differing ranges not examined (bytes not available)`);
  if (truncated) result.unexplained.push('more differing ranges than were recorded');
  return result;
}

function headOf(node: Difference, ctx: ClassifyContext): Buffer | undefined {
  const detail = node.detail;
  if (detail?.type === 'bytes') {
    const first = detail.hexdump.flatMap((h) => parseHexdump(h.before)).find((s) => s.offset === 0);
    if (first !== undefined) return first.bytes;
  }
  return ctx.before?.(node.path)?.subarray(0, 512);
}

function detailValues(node: Difference): string {
  return node.detail?.type === 'field' ? `${quote(node.detail.before)} → ${quote(node.detail.after)}` : node.summary;
}

/** Every leaf ends with a cause: one with neither findings nor leftovers is unexplained. */
function analyzeLeaf(node: Difference, ctx: ClassifyContext): LeafAnalysis {
  const analysis = analyzeLeafDetail(node, ctx);
  if (analysis.findings.length === 0 && analysis.unexplained.length === 0 && analysis.consequenceOf === undefined) {
    analysis.unexplained.push(node.summary === '' ? `${node.kind} ${node.path}` : node.summary);
  }
  return analysis;
}

function analyzeLeafDetail(node: Difference, ctx: ClassifyContext): LeafAnalysis {
  const needsHead = node.comparator === undefined || node.comparator === 'binary' || node.comparator === 'xz' || node.comparator === 'zstd';
  const format = formatOfNode(node, needsHead && formatOfPath(node.path) === undefined ? headOf(node, ctx) : undefined);
  const none: LeafAnalysis = { findings: [], unexplained: [], format };
  if (node.consequence !== undefined) return { ...none, consequenceOf: node.consequence.of, consequence: node.consequence, unexplained: [node.summary] };
  if (node.kind === 'mode') return { ...none, findings: [{ id: 'permissions', evidence: `mode ${detailValues(node)}` }] };
  if (node.kind === 'symlink') return { ...none, findings: [{ id: 'symlink', evidence: `symlink target ${detailValues(node)}` }] };
  if (node.kind === 'renamed' && node.from !== undefined) {
    const found = renameEvidence(node.from, node.path, node.detail?.type === 'field' && node.detail.name === 'directory name');
    if (found?.id === 'build-path') return { ...none, findings: [{ id: 'build-path', evidence: found.evidence, hint: RENAME_HINT }] };
    if (found !== null) return { ...none, unexplained: [found.evidence] };
  }
  const detail = node.detail;
  if (detail?.type === 'order') return analyzeOrder(detail.before, detail.after, format);
  if (node.kind === 'order') return { ...none, findings: [{ id: 'file-order', evidence: node.summary }] };
  switch (detail?.type) {
    case 'field':
      return analyzeField(detail, format);
    case 'lines':
      return analyzeLines(detail.hunks, detail.truncated, format);
    case 'json':
      return analyzeJson(detail, format);
    case 'bytes': {
      const analysis = analyzeBytes(node.path, detail.ranges, detail.truncated, detail.hexdump, format, ctx);
      // A format comparator's `file:code signature` / `file:certificate table` hashes the rest of the file.
      const label = node.comparator === 'binary' ? '' : node.path.slice(node.path.lastIndexOf(':') + 1);
      const signature = hasWord(words(label), ['signature', 'certificate']);
      return analysis.unexplained.length > 0 && signature ? { ...analysis, consequenceOf: label } : analysis;
    }
    case undefined:
      break;
  }
  if (node.kind === 'modified') {
    const a = ctx.before?.(node.path);
    const b = ctx.after?.(node.path);
    if (a !== undefined && b !== undefined) {
      const diff = diffBytes(a, b);
      return analyzeBytes(node.path, diff.ranges, diff.truncated, [], format, ctx);
    }
  }
  return { ...none, unexplained: [node.summary === '' ? `${node.kind} ${node.path}` : node.summary] };
}

// ---------------------------------------------------------------------------------------------
// The tree walk

/** Where a cause came from (the leaf path) and how many leaves share it, for parents' evidence. */
interface Origin {
  path: string;
  evidence: string;
  count: number;
}

const origins = new WeakMap<Cause, Origin>();

function leafCauses(analysis: LeafAnalysis, secondaryIds: ReadonlySet<CauseId>): Cause[] {
  const causes: Cause[] = [];
  for (const id of CAUSE_IDS) {
    if (id === 'content') continue;
    const found = analysis.findings.filter((f) => f.id === id);
    if (found.length === 0) continue;
    const first = found[0];
    const secondary = secondaryIds.has(id);
    const distinct = [...new Set(found.map((f) => f.evidence))];
    const more = distinct.length > MAX_EVIDENCE ? ` (+${distinct.length - MAX_EVIDENCE} more)` : '';
    const evidence = `${distinct.slice(0, MAX_EVIDENCE).join('; ')}${more}`;
    causes.push({
      id,
      evidence,
      hint: first.hint ?? hintFor(id, first.format ?? analysis.format, { prefixes: first.prefixes, secondary }),
      ...(secondary ? { secondary: true } : {}),
    });
  }
  if (analysis.unexplained.length > 0) {
    const shown = analysis.unexplained.slice(0, 3).join('; ');
    const more = analysis.unexplained.length > 3 ? ` (+${analysis.unexplained.length - 3} more)` : '';
    causes.push({ id: 'content', evidence: `${shown}${more}`, hint: hintFor('content', analysis.format) });
  }
  return causes;
}

/** Union of the children's causes; `content` only when some child is unexplained. */
function summariseChildren(node: Difference, own: Cause[]): Cause[] {
  const merged = new Map<CauseId, { first: Cause; origin: Origin; count: number; allSecondary: boolean; primary?: Cause }>();
  const add = (cause: Cause, fallbackPath: string): void => {
    const origin = origins.get(cause) ?? { path: fallbackPath, evidence: cause.evidence, count: 1 };
    const entry = merged.get(cause.id);
    if (entry === undefined) {
      merged.set(cause.id, { first: cause, origin, count: origin.count, allSecondary: cause.secondary === true, ...(cause.secondary === true ? {} : { primary: cause }) });
      return;
    }
    entry.count += origin.count;
    entry.allSecondary &&= cause.secondary === true;
    if (entry.primary === undefined && cause.secondary !== true) entry.primary = cause;
  };
  for (const cause of own) add(cause, node.path);
  for (const child of node.children) for (const cause of child.causes) add(cause, child.path);
  const causes: Cause[] = [];
  for (const id of CAUSE_IDS) {
    const entry = merged.get(id);
    if (entry === undefined) continue;
    const shownFrom = entry.primary ?? entry.first;
    const origin = origins.get(shownFrom) ?? entry.origin;
    const where = origin.path !== node.path && origin.path !== '' ? `${origin.path}: ` : '';
    const more = entry.count > 1 ? ` (and ${entry.count - 1} more)` : '';
    const cause: Cause = { id, evidence: `${where}${origin.evidence}${more}`, hint: shownFrom.hint, ...(entry.allSecondary ? { secondary: true } : {}) };
    origins.set(cause, { path: origin.path, evidence: origin.evidence, count: entry.count });
    causes.push(cause);
  }
  return causes;
}

function collectLeaves(node: Difference, parents: Map<Difference, Difference | undefined>, parent: Difference | undefined, out: Difference[]): void {
  parents.set(node, parent);
  if (node.children.length === 0) out.push(node);
  for (const child of node.children) collectLeaves(child, parents, node, out);
}

function leavesUnder(node: Difference): Difference[] {
  if (node.children.length === 0) return [node];
  return node.children.flatMap(leavesUnder);
}

/** The file a leaf belongs to: its nearest `modified` ancestor below the root, else its parent. */
function scopeOf(leaf: Difference, root: Difference, parents: Map<Difference, Difference | undefined>): Difference | undefined {
  for (let p = parents.get(leaf); p !== undefined && p !== root; p = parents.get(p)) {
    if (p.kind === 'modified') return p;
  }
  const parent = parents.get(leaf);
  return parent === root ? undefined : parent;
}

function isRootContainer(root: Difference): boolean {
  return root.children.length === 0 && root.detail === undefined && root.kind === 'modified';
}

/**
 * Sets `causes` on every node of the tree: leaves from their own evidence, a build-id that changed
 * alongside other bytes of its file as secondary, parents as the union of their children.
 */
export function classifyCauses(root: Difference, ctx: ClassifyContext = {}, prepared?: Map<Difference, LeafAnalysis>): void {
  const parents = new Map<Difference, Difference | undefined>();
  const leaves: Difference[] = [];
  collectLeaves(root, parents, undefined, leaves);
  if (isRootContainer(root)) {
    root.causes = [];
    return;
  }
  const analyses = new Map<Difference, LeafAnalysis>();
  for (const leaf of leaves) {
    analyses.set(leaf, prepared?.get(leaf) ?? analyzeLeaf(leaf, ctx));
    prepared?.delete(leaf);
  }

  // A compiled output with unexplained bytes, and its compiler changed: that is the explanation.
  const toolchains = ctx.toolchainChanged ?? [];
  if (toolchains.length > 0) {
    for (const analysis of analyses.values()) {
      if (analysis.unexplained.length === 0) continue;
      const finding = toolchainFinding(analysis.format, toolchains);
      if (finding === undefined) continue;
      analysis.findings.push(finding);
      analysis.unexplained = [];
    }
  }

  const others = (leaf: Difference, only?: readonly string[]): LeafAnalysis[] => {
    const scope = scopeOf(leaf, root, parents);
    if (scope === undefined) return [];
    return leavesUnder(scope)
      .filter((l) => l !== leaf && (only === undefined || only.some((p) => l.path === p || l.path.startsWith(`${p}:`))))
      .map((l) => analyses.get(l))
      .filter((a): a is LeafAnalysis => a !== undefined && a.consequenceOf === undefined);
  };

  const secondary = new Map<Difference, Set<CauseId>>();
  for (const leaf of leaves) {
    const analysis = analyses.get(leaf);
    if (analysis === undefined) continue;
    const siblings = others(leaf, analysis.consequence?.from);
    if (analysis.consequenceOf !== undefined && siblings.length > 0) {
      // A checksum or size follows from the other differences of its file: it takes their causes.
      const primaries = new Map<CauseId, Finding>();
      for (const s of siblings) {
        for (const f of s.findings) if (!primaries.has(f.id)) primaries.set(f.id, { ...f, format: f.format ?? s.format });
      }
      const ids = new Set(primaries.keys());
      const unexplained = siblings.some((s) => s.unexplained.length > 0);
      const evidence = analysis.consequence?.evidence ?? `${analysis.consequenceOf} follows from the other differences of this file`;
      analysis.findings = [...primaries.values()].map((f) => ({ ...f, evidence }));
      analysis.unexplained = unexplained ? analysis.unexplained : [];
      secondary.set(leaf, ids);
      continue;
    }
    if (!analysis.findings.some((f) => f.id === 'build-id')) continue;
    const otherReason = (a: LeafAnalysis): boolean => a.unexplained.length > 0 || a.findings.some((f) => f.id !== 'build-id');
    if (otherReason(analysis) || siblings.some(otherReason)) secondary.set(leaf, new Set<CauseId>(['build-id']));
  }

  const visit = (node: Difference): void => {
    node.children.forEach(visit);
    const analysis = analyses.get(node);
    if (analysis !== undefined) {
      node.causes = leafCauses(analysis, secondary.get(node) ?? new Set());
      for (const cause of node.causes) origins.set(cause, { path: node.path, evidence: cause.evidence, count: 1 });
      return;
    }
    node.causes = summariseChildren(node, []);
  };
  visit(root);
}

/**
 * `identical` when no leaf differs; `drift-explained` when every leaf has a proven cause and none
 * is left unexplained (`content`). A secondary-only leaf (a build-id that changed because its
 * siblings did) is explained exactly when those siblings are, and they are leaves judged here too.
 */
export function verdictOf(root: Difference): Verdict {
  if (isRootContainer(root)) return 'identical';
  const leaves = leavesUnder(root);
  const explained = leaves.every((leaf) => leaf.causes.length > 0 && leaf.causes.every((c) => c.id !== 'content'));
  return explained ? 'drift-explained' : 'drift-unexplained';
}

/**
 * The classifier split in two: `prepare` analyses one file's leaves as soon as the file is
 * compared (while the diff still waits on other work), `classify` does the rest for the whole
 * tree. The result is the same as `classifyCauses` alone. `prepare` must get the context that
 * `classify` will get.
 */
export function createCauseClassifier(): { prepare: (file: Difference, ctx: ClassifyContext) => void; classify: (root: Difference, ctx: ClassifyContext) => void } {
  const prepared = new Map<Difference, LeafAnalysis>();
  return {
    prepare: (file, ctx) => {
      const leaves: Difference[] = [];
      collectLeaves(file, new Map(), undefined, leaves);
      for (const leaf of leaves) prepared.set(leaf, analyzeLeaf(leaf, ctx));
    },
    classify: (root, ctx) => classifyCauses(root, ctx, prepared),
  };
}
