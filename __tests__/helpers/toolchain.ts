/**
 * Test fixtures made by the real toolchains (gcc, ar, tar, gzip, xz, zstd, zip, javac, jar,
 * python3) at test time, plus seeded generators for tensors and bulk files. Every builder writes
 * into the directory it is given and returns the absolute paths it made. Tools run without a
 * shell, in a controlled environment (`LC_ALL=C`, `TZ=UTC`, plus what the caller passes), so two
 * builds differ only in what a test varies on purpose.
 */
import { execFile } from 'node:child_process';
import { constants } from 'node:fs';
import { access, mkdir, mkdtemp, open, realpath, rename, rm, utimes, writeFile } from 'node:fs/promises';
import { endianness, tmpdir } from 'node:os';
import { basename, delimiter, isAbsolute, join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

export type Tool =
  | 'gcc'
  | 'ar'
  | 'tar'
  | 'gzip'
  | 'xz'
  | 'zstd'
  | 'zip'
  | 'unzip'
  | 'javac'
  | 'jar'
  | 'java'
  | 'python3';

export interface ToolOutput {
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  cwd?: string;
  env?: Record<string, string>;
}

/** Variables passed through from the test process; everything else a tool sees is explicit. */
const INHERITED_ENV = ['PATH', 'HOME', 'TMPDIR', 'JAVA_HOME', 'PYENV_ROOT', 'PYENV_VERSION'] as const;

function controlledEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {};
  for (const key of INHERITED_ENV) {
    const value = process.env[key];
    if (value !== undefined) env[key] = value;
  }
  return { ...env, LC_ALL: 'C', TZ: 'UTC', ...extra };
}

const resolvedTools = new Map<string, string>();

/** Finds `tool` on the PATH the tool will run with, or throws an Error naming it. */
export async function findTool(tool: Tool, env: Record<string, string> = controlledEnv()): Promise<string> {
  const searchPath = env.PATH ?? '';
  const key = `${tool}\0${searchPath}`;
  const cached = resolvedTools.get(key);
  if (cached !== undefined) return cached;
  for (const dir of searchPath.split(delimiter)) {
    if (dir === '') continue;
    const candidate = join(dir, tool);
    try {
      await access(candidate, constants.X_OK);
      resolvedTools.set(key, candidate);
      return candidate;
    } catch {
      // not in this PATH entry
    }
  }
  throw new Error(
    `toolchain: required tool "${tool}" was not found on PATH (${searchPath || 'empty'}); ` +
      `install it to build this fixture`,
  );
}

/** Runs a tool found on PATH (never through a shell); a failure names the command. */
export async function runTool(tool: Tool, args: readonly string[], options: RunOptions = {}): Promise<ToolOutput> {
  return runProgram(await findTool(tool, controlledEnv(options.env)), args, options);
}

/** Runs an executable by path, e.g. a freshly built fixture, in the controlled environment. */
export async function runProgram(file: string, args: readonly string[], options: RunOptions = {}): Promise<ToolOutput> {
  try {
    const { stdout, stderr } = await execFileAsync(file, [...args], {
      cwd: options.cwd,
      env: controlledEnv(options.env),
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    return { stdout, stderr };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new Error(`toolchain: ${basename(file)} ${args.join(' ')} failed: ${detail}`);
  }
}

export async function tempDir(prefix = 'vitsnap-fixture-'): Promise<string> {
  return realpath(await mkdtemp(join(tmpdir(), prefix)));
}

export async function removeDir(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
}

async function ensureDir(dir: string): Promise<string> {
  const absolute = resolve(dir);
  await mkdir(absolute, { recursive: true });
  return absolute;
}

// ---------------------------------------------------------------------------------------------
// C: gcc and ar

export interface CProgramOptions {
  /** Base name of the source and the binary; default `prog`. */
  name?: string;
  /** Full C source; default a small program with a string table (see `defaultCProgramOutput`). */
  source?: string;
  cflags?: string[];
  /** Extra environment, e.g. `SOURCE_DATE_EPOCH`. */
  env?: Record<string, string>;
  /** Directory gcc runs in (recorded as DW_AT_comp_dir with `-g`); default `dir`. */
  cwd?: string;
  /** Default source only: also print `__DATE__ __TIME__`, which gcc takes from SOURCE_DATE_EPOCH. */
  useDate?: boolean;
}

export interface CProgram {
  binary: string;
  source: string;
}

const C_MESSAGES = ['vitsnap fixture program', 'alpha beta gamma', 'the quick brown fox'] as const;

/** What the default C program prints (without the `built …` line that `useDate` adds). */
export function defaultCProgramOutput(): string {
  const total = C_MESSAGES.reduce((sum, message) => sum + message.length, 0);
  return `${C_MESSAGES.join('\n')}\ntotal=${total}\n`;
}

function defaultCSource(useDate: boolean): string {
  const table = C_MESSAGES.map((message) => `  "${message}",`).join('\n');
  return `#include <stdio.h>
#include <string.h>

static const char *const messages[] = {
${table}
};

#define MESSAGE_COUNT (sizeof messages / sizeof messages[0])

static size_t total_length(void) {
  size_t total = 0;
  for (size_t i = 0; i < MESSAGE_COUNT; i++) total += strlen(messages[i]);
  return total;
}

static void print_messages(void) {
  for (size_t i = 0; i < MESSAGE_COUNT; i++) puts(messages[i]);
}

int main(void) {
  print_messages();
  printf("total=%zu\\n", total_length());
${useDate ? '  printf("built %s %s\\n", __DATE__, __TIME__);\n' : ''}  return 0;
}
`;
}

export async function buildCProgram(dir: string, opts: CProgramOptions = {}): Promise<CProgram> {
  const out = await ensureDir(dir);
  const name = opts.name ?? 'prog';
  const source = join(out, `${name}.c`);
  const binary = join(out, name);
  const cwd = resolve(opts.cwd ?? out);
  await writeFile(source, opts.source ?? defaultCSource(opts.useDate ?? false));
  // Relative paths keep the build directory out of the binary unless -g records it.
  await runTool('gcc', [...(opts.cflags ?? []), '-o', relative(cwd, binary), relative(cwd, source)], {
    cwd,
    env: opts.env,
  });
  return { binary, source };
}

export interface StaticLibraryOptions {
  /** Archive base name: `lib<name>.a`; default `fixture`. */
  name?: string;
  cflags?: string[];
  env?: Record<string, string>;
  /** `ar D` (zero mtimes, uids, gids; the default) or `ar U` (real ones). */
  deterministic?: boolean;
  /** Set the objects' mtime before archiving, so `ar U` builds can differ without sleeping. */
  objectMtime?: Date;
}

export interface StaticLibrary {
  archive: string;
  objects: string[];
}

const LIBRARY_SOURCES: ReadonlyArray<{ file: string; text: string }> = [
  {
    file: 'alpha.c',
    text: `static const char alpha_name[] = "alpha";\n\nint alpha_value(int x) {\n  return x * 3 + (int)sizeof alpha_name;\n}\n`,
  },
  {
    file: 'beta.c',
    text: `int alpha_value(int x);\n\nint beta_value(int x) {\n  int total = 0;\n  for (int i = 0; i < x; i++) total += alpha_value(i);\n  return total;\n}\n`,
  },
];

export async function buildStaticLibrary(dir: string, opts: StaticLibraryOptions = {}): Promise<StaticLibrary> {
  const out = await ensureDir(dir);
  const archive = join(out, `lib${opts.name ?? 'fixture'}.a`);
  const objects: string[] = [];
  for (const { file, text } of LIBRARY_SOURCES) {
    await writeFile(join(out, file), text);
    const object = join(out, file.replace(/\.c$/, '.o'));
    await runTool('gcc', [...(opts.cflags ?? []), '-c', '-o', basename(object), file], { cwd: out, env: opts.env });
    if (opts.objectMtime !== undefined) await utimes(object, opts.objectMtime, opts.objectMtime);
    objects.push(object);
  }
  await rm(archive, { force: true });
  const modifier = opts.deterministic ?? true ? 'D' : 'U';
  await runTool('ar', [`rcs${modifier}`, basename(archive), ...objects.map((object) => basename(object))], {
    cwd: out,
    env: opts.env,
  });
  return { archive, objects };
}

// ---------------------------------------------------------------------------------------------
// Archives: tar (+ gzip, xz, zstd) and zip

export interface TarOptions {
  /** GNU tar `--mtime` value for every entry, e.g. `@0` or `2020-01-01 00:00:00`. */
  mtime?: string;
  /** `--sort=name`, so entry order does not depend on readdir order. */
  sort?: boolean;
  /** gzip `-n`: leave the file name and mtime out of the gzip header. */
  gzipNoName?: boolean;
  format?: 'gnu' | 'posix' | 'ustar';
  env?: Record<string, string>;
}

type Compression = 'none' | 'gzip' | 'xz' | 'zstd';

const COMPRESSED_SUFFIXES: Record<Exclude<Compression, 'none'>, readonly string[]> = {
  gzip: ['.gz', '.tgz'],
  xz: ['.xz', '.txz'],
  zstd: ['.zst', '.tzst'],
};

/** The intermediate `.tar` name for `name`: `out.tar.gz` → `out.tar`, `out.tgz` → `out.tar`. */
function tarNameFor(name: string, compression: Exclude<Compression, 'none'>): string {
  const suffix = COMPRESSED_SUFFIXES[compression].find((candidate) => name.endsWith(candidate));
  const stem = suffix === undefined ? name : name.slice(0, -suffix.length);
  return stem.endsWith('.tar') ? stem : `${stem}.tar`;
}

/**
 * Archives all of `srcDir` (as `./…`) into `dir/name`, then compresses the tar file in place the
 * way a release script would, so gzip records the tar's name and mtime unless `gzipNoName`.
 */
async function makeTarArchive(
  compression: Compression,
  dir: string,
  name: string,
  srcDir: string,
  opts: TarOptions,
): Promise<string> {
  const out = await ensureDir(dir);
  const archive = join(out, name);
  const tarName = compression === 'none' ? name : tarNameFor(name, compression);
  // Never compress a file onto itself when `name` carries no compression suffix.
  const tarFile = join(out, compression !== 'none' && tarName === name ? `${name}.tar` : tarName);
  const args = ['--create', `--file=${tarFile}`];
  if (opts.format !== undefined) args.push(`--format=${opts.format}`);
  if (opts.sort === true) args.push('--sort=name');
  if (opts.mtime !== undefined) args.push(`--mtime=${opts.mtime}`);
  args.push('-C', resolve(srcDir), '.');
  const run = { env: opts.env };
  await runTool('tar', args, run);
  switch (compression) {
    case 'none':
      return archive;
    case 'gzip':
      await runTool('gzip', ['-f', ...(opts.gzipNoName === true ? ['-n'] : []), tarFile], run);
      await moveIfNeeded(`${tarFile}.gz`, archive);
      return archive;
    case 'xz':
      // One thread: multi-threaded xz splits blocks differently.
      await runTool('xz', ['-f', '-T1', tarFile], run);
      await moveIfNeeded(`${tarFile}.xz`, archive);
      return archive;
    case 'zstd':
      await runTool('zstd', ['-q', '-f', '--rm', '-o', archive, tarFile], run);
      return archive;
  }
}

async function moveIfNeeded(from: string, to: string): Promise<void> {
  if (from !== to) await rename(from, to);
}

export async function makeTar(dir: string, name: string, srcDir: string, opts: TarOptions = {}): Promise<string> {
  return makeTarArchive('none', dir, name, srcDir, opts);
}

export async function makeTarGz(dir: string, name: string, srcDir: string, opts: TarOptions = {}): Promise<string> {
  return makeTarArchive('gzip', dir, name, srcDir, opts);
}

export async function makeTarXz(dir: string, name: string, srcDir: string, opts: TarOptions = {}): Promise<string> {
  return makeTarArchive('xz', dir, name, srcDir, opts);
}

export async function makeTarZst(dir: string, name: string, srcDir: string, opts: TarOptions = {}): Promise<string> {
  return makeTarArchive('zstd', dir, name, srcDir, opts);
}

export interface ZipOptions {
  /** Keep zip's extra fields (UT timestamps, ux uid/gid); `false` passes `-X`. Default true. */
  extraAttributes?: boolean;
  env?: Record<string, string>;
}

/** Zips `files` (paths relative to `srcDir`) into `dir/name`, entries in exactly that order. */
export async function makeZip(
  dir: string,
  name: string,
  srcDir: string,
  files: readonly string[],
  opts: ZipOptions = {},
): Promise<string> {
  const out = await ensureDir(dir);
  const archive = join(out, name);
  for (const file of files) {
    if (isAbsolute(file)) throw new Error(`toolchain: makeZip wants paths relative to srcDir, got ${file}`);
  }
  // zip updates an existing archive in place; start fresh so the order is ours.
  await rm(archive, { force: true });
  const flags = ['-q', ...(opts.extraAttributes ?? true ? [] : ['-X'])];
  await runTool('zip', [...flags, archive, ...files], { cwd: resolve(srcDir), env: opts.env });
  return archive;
}

// ---------------------------------------------------------------------------------------------
// Java: javac and jar

export interface JarOptions {
  /** Jar base name; default `fixture`. */
  name?: string;
  /** 1: `fixture.Main` alone; 2 (default): `fixture.Main` using `fixture.Greeter`. */
  classCount?: 1 | 2;
  /** `jar --date` (ISO-8601), e.g. `2020-01-01T00:00:00Z`, to pin entry timestamps. */
  date?: string;
  env?: Record<string, string>;
}

export interface Jar {
  jar: string;
  classes: string[];
}

/** What `java -cp <jar> fixture.Main` prints. */
export function jarMainOutput(classCount: 1 | 2 = 2): string {
  return classCount === 2 ? 'hello from Greeter\n' : 'hello from Main\n';
}

const JAVA_SOURCES: Record<'Main1' | 'Main2' | 'Greeter', string> = {
  Main1: `package fixture;

public final class Main {
  public static void main(String[] args) {
    System.out.println("hello from Main");
  }
}
`,
  Main2: `package fixture;

public final class Main {
  public static void main(String[] args) {
    System.out.println(new Greeter("Greeter").greeting());
  }
}
`,
  Greeter: `package fixture;

public final class Greeter {
  private final String name;

  public Greeter(String name) {
    this.name = name;
  }

  public String greeting() {
    return "hello from " + name;
  }
}
`,
};

export async function makeJar(dir: string, opts: JarOptions = {}): Promise<Jar> {
  const out = await ensureDir(dir);
  const classCount = opts.classCount ?? 2;
  const sourceDir = await ensureDir(join(out, 'src', 'fixture'));
  const classesDir = join(out, 'classes');
  await removeDir(classesDir);
  await ensureDir(classesDir);
  const units = classCount === 2 ? (['Main', 'Greeter'] as const) : (['Main'] as const);
  const sources: string[] = [];
  for (const unit of units) {
    const source = join(sourceDir, `${unit}.java`);
    await writeFile(source, unit === 'Main' ? JAVA_SOURCES[classCount === 2 ? 'Main2' : 'Main1'] : JAVA_SOURCES.Greeter);
    sources.push(source);
  }
  await runTool('javac', ['-d', classesDir, ...sources], { env: opts.env });
  const jar = join(out, `${opts.name ?? 'fixture'}.jar`);
  await rm(jar, { force: true });
  const args = ['--create', `--file=${jar}`];
  if (opts.date !== undefined) args.push(`--date=${opts.date}`);
  args.push('-C', classesDir, '.');
  await runTool('jar', args, { env: opts.env });
  return { jar, classes: units.map((unit) => join(classesDir, 'fixture', `${unit}.class`)) };
}

// ---------------------------------------------------------------------------------------------
// Python: py_compile

export type PycInvalidationMode = 'timestamp' | 'checked-hash' | 'unchecked-hash';

export interface PythonOptions {
  /** Module name; default `fixture_module`. */
  name?: string;
  source?: string;
  /** Default: Python's own choice (timestamp, or checked-hash when SOURCE_DATE_EPOCH is set). */
  invalidationMode?: PycInvalidationMode;
  /** Set the .py mtime before compiling; a timestamp-mode .pyc records it. */
  sourceMtime?: Date;
  env?: Record<string, string>;
}

/** What running the default module prints. */
export function defaultPythonOutput(): string {
  return 'fixture_module total=15\n';
}

const DEFAULT_PYTHON_SOURCE = `"""A small module compiled to a .pyc by the vitsnap test helpers."""

VALUES = [1, 2, 3, 4, 5]


def total(values):
    return sum(values)


if __name__ == "__main__":
    print(f"fixture_module total={total(VALUES)}")
`;

const PY_COMPILE_SCRIPT = `import py_compile, sys
mode = None if sys.argv[2] == "default" else py_compile.PycInvalidationMode[sys.argv[2]]
print(py_compile.compile(sys.argv[1], doraise=True, invalidation_mode=mode))
`;

/** Compiles one module with `py_compile` and returns the .pyc path (under `__pycache__`). */
export async function compilePython(dir: string, opts: PythonOptions = {}): Promise<string> {
  const out = await ensureDir(dir);
  const source = join(out, `${opts.name ?? 'fixture_module'}.py`);
  await writeFile(source, opts.source ?? DEFAULT_PYTHON_SOURCE);
  if (opts.sourceMtime !== undefined) await utimes(source, opts.sourceMtime, opts.sourceMtime);
  const mode = opts.invalidationMode === undefined ? 'default' : opts.invalidationMode.toUpperCase().replace('-', '_');
  const { stdout } = await runTool('python3', ['-c', PY_COMPILE_SCRIPT, source, mode], { cwd: out, env: opts.env });
  return resolve(out, stdout.trim());
}

// ---------------------------------------------------------------------------------------------
// Seeded data: tensors, random bytes, text

/** mulberry32: a tiny 32-bit PRNG; the same seed gives the same stream on every platform. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
}

const TENSOR_STD = 0.02;

/**
 * `count` fp32 samples of N(0, 0.02) (Box–Muller over mulberry32). Every dtype derives from
 * these, so bf16/f16 of a seed are the RNE roundings of the f32 of the same seed.
 */
export function normalSamples(count: number, seed: number): Float32Array {
  const next = mulberry32(seed);
  const samples = new Float32Array(count);
  for (let i = 0; i < count; i += 2) {
    // (0, 1]: log(0) would be -Infinity.
    const u1 = (next() + 1) / 4294967296;
    const u2 = next() / 4294967296;
    const radius = Math.sqrt(-2 * Math.log(u1)) * TENSOR_STD;
    samples[i] = radius * Math.cos(2 * Math.PI * u2);
    if (i + 1 < count) samples[i + 1] = radius * Math.sin(2 * Math.PI * u2);
  }
  return samples;
}

function float32Bits(samples: Float32Array): Uint32Array {
  return new Uint32Array(samples.buffer, samples.byteOffset, samples.length);
}

/** bf16 = top half of the fp32 bits, rounded to nearest even; NaN stays a quiet NaN. */
export function float32BitsToBf16(bits: number): number {
  if ((bits & 0x7fffffff) > 0x7f800000) return ((bits >>> 16) & 0x8000) | 0x7fc0;
  return ((bits + 0x7fff + ((bits >>> 16) & 1)) >>> 16) & 0xffff;
}

/** IEEE binary16 from fp32 bits, round to nearest even, with subnormals, overflow to infinity. */
export function float32BitsToF16(bits: number): number {
  const sign = (bits >>> 16) & 0x8000;
  const exponent = (bits >>> 23) & 0xff;
  const mantissa = bits & 0x7fffff;
  if (exponent === 0xff) return sign | 0x7c00 | (mantissa !== 0 ? 0x200 : 0);
  const halfExponent = exponent - 127 + 15;
  if (halfExponent >= 0x1f) return sign | 0x7c00;
  if (halfExponent <= 0) {
    if (halfExponent < -10) return sign;
    const full = mantissa | 0x800000;
    const shift = 14 - halfExponent;
    const halfway = 1 << (shift - 1);
    const remainder = full & ((1 << shift) - 1);
    let value = full >>> shift;
    if (remainder > halfway || (remainder === halfway && (value & 1) === 1)) value += 1;
    return sign | value;
  }
  const remainder = mantissa & 0x1fff;
  let half = sign | (halfExponent << 10) | (mantissa >>> 13);
  // A carry out of the mantissa correctly bumps the exponent (up to infinity).
  if (remainder > 0x1000 || (remainder === 0x1000 && (half & 1) === 1)) half += 1;
  return half;
}

export type TensorDtype = 'BF16' | 'F16' | 'F32';

const DTYPE_SIZE: Record<TensorDtype, number> = { BF16: 2, F16: 2, F32: 4 };

/** Little-endian bytes of `count` N(0, 0.02) values in `dtype`. */
export function encodeTensor(dtype: TensorDtype, count: number, seed: number): Buffer {
  const samples = normalSamples(count, seed);
  const out = Buffer.alloc(count * DTYPE_SIZE[dtype]);
  if (dtype === 'F32') {
    for (let i = 0; i < count; i++) out.writeFloatLE(samples[i], i * 4);
    return out;
  }
  const bits = float32Bits(samples);
  const convert = dtype === 'BF16' ? float32BitsToBf16 : float32BitsToF16;
  for (let i = 0; i < count; i++) out.writeUInt16LE(convert(bits[i]), i * 2);
  return out;
}

export async function writeFp32Tensor(path: string, count: number, seed: number): Promise<string> {
  return writeTensorFile(path, 'F32', count, seed);
}

export async function writeFp16Tensor(path: string, count: number, seed: number): Promise<string> {
  return writeTensorFile(path, 'F16', count, seed);
}

export async function writeBf16Tensor(path: string, count: number, seed: number): Promise<string> {
  return writeTensorFile(path, 'BF16', count, seed);
}

async function writeTensorFile(path: string, dtype: TensorDtype, count: number, seed: number): Promise<string> {
  const absolute = resolve(path);
  await writeFile(absolute, encodeTensor(dtype, count, seed));
  return absolute;
}

export interface SafetensorsTensor {
  name: string;
  dtype: TensorDtype;
  shape: number[];
  seed: number;
}

function elementCount(shape: readonly number[]): number {
  return shape.reduce((product, dim) => product * dim, 1);
}

/**
 * The safetensors layout: u64 LE header length, JSON header (`__metadata__` first when given,
 * then tensors in the order given with contiguous `data_offsets` into the data section), padded
 * with spaces to a multiple of 8, then the tensor data.
 */
export async function writeSafetensors(
  path: string,
  tensors: readonly SafetensorsTensor[],
  metadata?: Record<string, string>,
): Promise<string> {
  const header: Record<string, unknown> = {};
  if (metadata !== undefined) header.__metadata__ = metadata;
  const blobs: Buffer[] = [];
  let offset = 0;
  for (const tensor of tensors) {
    if (tensor.name === '__metadata__' || tensor.name in header) {
      throw new Error(`toolchain: duplicate or reserved safetensors tensor name ${tensor.name}`);
    }
    const data = encodeTensor(tensor.dtype, elementCount(tensor.shape), tensor.seed);
    header[tensor.name] = { dtype: tensor.dtype, shape: tensor.shape, data_offsets: [offset, offset + data.length] };
    offset += data.length;
    blobs.push(data);
  }
  let json = JSON.stringify(header);
  json += ' '.repeat((8 - (Buffer.byteLength(json) % 8)) % 8);
  const headerBytes = Buffer.from(json, 'utf8');
  const length = Buffer.alloc(8);
  length.writeBigUInt64LE(BigInt(headerBytes.length));
  const absolute = resolve(path);
  await writeFile(absolute, Buffer.concat([length, headerBytes, ...blobs]));
  return absolute;
}

export type NpyDtype = '<f2' | '<f4';

/** NPY v1.0: magic, version, u16 LE header length, Python-literal dict padded to 64 bytes. */
export async function writeNpy(path: string, dtype: NpyDtype, shape: readonly number[], seed: number): Promise<string> {
  const shapeText = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  const dict = `{'descr': '${dtype}', 'fortran_order': False, 'shape': ${shapeText}, }`;
  const prefixLength = 10;
  const unpadded = prefixLength + dict.length + 1;
  const header = dict + ' '.repeat((64 - (unpadded % 64)) % 64) + '\n';
  if (header.length > 0xffff) throw new Error('toolchain: NPY v1.0 header longer than 65535 bytes');
  const prefix = Buffer.alloc(prefixLength);
  prefix.write('\x93NUMPY', 0, 'latin1');
  prefix[6] = 1;
  prefix[7] = 0;
  prefix.writeUInt16LE(header.length, 8);
  const data = encodeTensor(dtype === '<f2' ? 'F16' : 'F32', elementCount(shape), seed);
  const absolute = resolve(path);
  await writeFile(absolute, Buffer.concat([prefix, Buffer.from(header, 'latin1'), data]));
  return absolute;
}

const CHUNK_BYTES = 1 << 20;

/** `size` seeded random bytes, 32 bits per PRNG step, written in 1 MiB chunks. */
export async function makeRandomBytes(path: string, size: number, seed: number): Promise<string> {
  const absolute = resolve(path);
  const next = mulberry32(seed);
  const words = new Uint32Array(CHUNK_BYTES / 4);
  const bytes = Buffer.from(words.buffer);
  const bigEndian = endianness() === 'BE';
  const handle = await open(absolute, 'w');
  try {
    for (let written = 0; written < size; ) {
      const length = Math.min(CHUNK_BYTES, size - written);
      const wordCount = Math.ceil(length / 4);
      for (let i = 0; i < wordCount; i++) words[i] = next();
      // Little-endian on every host, so a seed means the same bytes everywhere.
      if (bigEndian) bytes.subarray(0, wordCount * 4).swap32();
      await handle.write(bytes, 0, length);
      written += length;
    }
  } finally {
    await handle.close();
  }
  return absolute;
}

const VERBS = ['get', 'set', 'load', 'save', 'parse', 'render', 'compute', 'find', 'update', 'create', 'resolve', 'read'];
const NOUNS = [
  'Entry', 'Snapshot', 'Manifest', 'Chunk', 'Config', 'Record', 'Value', 'Index', 'Buffer', 'Result',
  'Header', 'Digest', 'Option', 'Target', 'Source', 'Layer',
];
const LOCALS = ['value', 'entry', 'result', 'index', 'count', 'options', 'item', 'total', 'buffer', 'key', 'name', 'offset'];
const TYPES = ['number', 'string', 'boolean', 'Entry[]', 'Map<string, number>', 'Uint8Array', 'Result | undefined'];

/**
 * About `approxSize` bytes (ending at a line end) of TypeScript-like text: a small vocabulary of
 * identifiers and keywords in recurring shapes, with seeded numbers, so zstd gets roughly 4–6×.
 */
export async function makeTextFile(path: string, approxSize: number, seed: number): Promise<string> {
  const next = mulberry32(seed);
  const pick = <T>(list: readonly T[]): T => list[next() % list.length];
  const ident = (): string => `${pick(VERBS)}${pick(NOUNS)}`;
  const lines: string[] = [];
  let size = 0;
  const push = (line: string): void => {
    lines.push(line);
    size += line.length + 1;
  };
  while (size < approxSize) {
    const fn = ident();
    const a = pick(LOCALS);
    const b = pick(LOCALS);
    push(`export function ${fn}${next() % 100}(${a}: ${pick(TYPES)}, ${b}: ${pick(TYPES)}): ${pick(TYPES)} {`);
    const statements = 2 + (next() % 6);
    for (let i = 0; i < statements; i++) {
      switch (next() % 5) {
        case 0:
          push(`  const ${pick(LOCALS)} = ${ident()}(${a}, ${next() % 1000});`);
          break;
        case 1:
          push(`  if (${pick(LOCALS)}.length > ${next() % 256}) {`);
          push(`    return ${ident()}(${b});`);
          push('  }');
          break;
        case 2: {
          const loop = pick(['i', 'j', 'k']);
          push(`  for (let ${loop} = 0; ${loop} < ${pick(LOCALS)}.length; ${loop}++) {`);
          push(`    ${pick(LOCALS)} += ${pick(LOCALS)}[${loop}] * ${next() % 64};`);
          push('  }');
          break;
        }
        case 3:
          push(`  // ${pick(VERBS)} the ${pick(NOUNS).toLowerCase()} before we ${pick(VERBS)} its ${pick(LOCALS)}`);
          break;
        default:
          push(`  ${pick(LOCALS)} = await ${ident()}(${pick(LOCALS)}, '${pick(NOUNS).toLowerCase()}-${next() % 10000}');`);
      }
    }
    push(`  return ${ident()}(${a}, ${b});`);
    push('}');
    push('');
  }
  const absolute = resolve(path);
  await writeFile(absolute, `${lines.join('\n')}\n`);
  return absolute;
}

/** A reproducible tar of `files` (sorted names, pinned mtime, owner 0), written as `<dir>/x.tar` from `<dir>/src`; returns its path. */
export async function reproducibleTar(dir: string, files: Record<string, string>, mtime: string): Promise<string> {
  const src = join(dir, 'src');
  await mkdir(src, { recursive: true });
  for (const [name, text] of Object.entries(files)) await writeFile(join(src, name), text);
  const tar = join(dir, 'x.tar');
  await runTool('tar', ['--create', `--file=${tar}`, '--sort=name', `--mtime=${mtime}`, '--owner=0', '--group=0', '--numeric-owner', '-C', src, '.']);
  return tar;
}
