/** Fix hints, by cause and by what the file (or the evidence) is: one line that says what to change in the build. */
import type { FormatKey } from '../evidence.js';
import type { CauseId } from '../types.js';

interface HintContext {
  format: FormatKey | undefined;
  prefixes?: [string, string];
  secondary: boolean;
}

const TIMESTAMP_HINTS: Partial<Record<FormatKey, string>> = {
  gzip: 'gzip -n (--no-name): keep the file name and MTIME out of the gzip header',
  tar: 'tar --sort=name --mtime=@$SOURCE_DATE_EPOCH --owner=0 --group=0 --numeric-owner',
  ar: 'ar rcD (deterministic mode: zero mtime, uid and gid, mode 644; binutils built with --enable-deterministic-archives does it by default); ranlib -D',
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
  ar: 'ar rcD (deterministic mode: zero uid and gid, mode 644)',
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
  compression: (ctx) =>
    ctx.format === 'gzip'
      ? 'pin one gzip and its level on every builder: gzip -n -9 (pigz, zopfli and other levels write other bytes for the same data)'
      : ctx.format === 'zip' || ctx.format === 'jar' || ctx.format === 'wheel'
        ? 'pin the zip implementation and its level (zip -X -9, or the build tool\'s own archiver everywhere): another deflater writes other bytes'
        : 'pin the compressor, its version and its settings (level, window, checksum, threads) on every builder',
  content: () => 'no known cause: a real source change, or nondeterminism vitsnap does not recognise; inspect the differing bytes',
};

export function hintFor(id: CauseId, format: FormatKey | undefined, extra: { prefixes?: [string, string]; secondary?: boolean } = {}): string {
  return HINTS[id]({ format, prefixes: extra.prefixes, secondary: extra.secondary === true });
}
