import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdir, readFile, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import {
  buildCProgram,
  buildStaticLibrary,
  compilePython,
  defaultCProgramOutput,
  defaultPythonOutput,
  encodeTensor,
  jarMainOutput,
  makeJar,
  makeRandomBytes,
  makeTar,
  makeTarGz,
  makeTarXz,
  makeTarZst,
  makeTextFile,
  makeZip,
  removeDir,
  runProgram,
  runTool,
  tempDir,
  writeBf16Tensor,
  writeFp16Tensor,
  writeFp32Tensor,
  writeNpy,
  writeSafetensors,
  type SafetensorsTensor,
} from './toolchain.js';

let root = '';
let counter = 0;

/** A fresh directory per fixture, so builds never see each other's files. */
async function fresh(label: string): Promise<string> {
  counter += 1;
  const dir = join(root, `${counter}-${label}`);
  await mkdir(dir, { recursive: true });
  return dir;
}

beforeAll(async () => {
  root = await tempDir('vitsnap-toolchain-test-');
});

afterAll(async () => {
  await removeDir(root);
});

function mean(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return sum / values.length;
}

function std(values: ArrayLike<number>): number {
  const m = mean(values);
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += (values[i] - m) ** 2;
  return Math.sqrt(sum / values.length);
}

function decodeBf16(bytes: Buffer): Float32Array {
  const bits = new Uint32Array(bytes.length / 2);
  for (let i = 0; i < bits.length; i++) bits[i] = bytes.readUInt16LE(i * 2) << 16;
  return new Float32Array(bits.buffer);
}

function decodeF32(bytes: Buffer): Float32Array {
  const values = new Float32Array(bytes.length / 4);
  for (let i = 0; i < values.length; i++) values[i] = bytes.readFloatLE(i * 4);
  return values;
}

describe('buildCProgram', () => {
  it('makes an ELF that prints what its default source says', async () => {
    const { binary, source } = await buildCProgram(await fresh('c-default'));
    const bytes = await readFile(binary);
    expect(bytes.subarray(0, 4)).toEqual(Buffer.from('\x7fELF', 'latin1'));
    expect(await readFile(source, 'utf8')).toContain('static const char *const messages[]');
    expect((await runProgram(binary, [])).stdout).toBe(defaultCProgramOutput());
  });

  it('compiles a given source and name', async () => {
    const source = '#include <stdio.h>\nint main(void) { printf("custom %d\\n", 3 + 4); return 0; }\n';
    const { binary } = await buildCProgram(await fresh('c-custom'), { name: 'custom', source, cflags: ['-O2'] });
    expect((await runProgram(binary, [])).stdout).toBe('custom 7\n');
  });

  it('takes __DATE__ __TIME__ from SOURCE_DATE_EPOCH', async () => {
    const build = async (epoch: string): Promise<{ binary: string; bytes: Buffer }> => {
      const { binary } = await buildCProgram(await fresh(`c-date-${epoch}`), {
        useDate: true,
        env: { SOURCE_DATE_EPOCH: epoch },
      });
      return { binary, bytes: await readFile(binary) };
    };
    const first = await build('1000000000');
    const again = await build('1000000000');
    const later = await build('1100000000');
    expect(again.bytes.equals(first.bytes)).toBe(true);
    expect(later.bytes.equals(first.bytes)).toBe(false);
    expect((await runProgram(first.binary, [])).stdout).toBe(`${defaultCProgramOutput()}built Sep  9 2001 01:46:40\n`);
    expect((await runProgram(later.binary, [])).stdout).toContain('built Nov  9 2004 11:33:20');
  });

  it('records the build directory only with -g, and -ffile-prefix-map removes it', async () => {
    const pair = async (label: string, flags: (dir: string) => string[]): Promise<[Buffer, Buffer]> => {
      const builds: Buffer[] = [];
      for (const side of ['a', 'b']) {
        const dir = await fresh(`${label}-${side}`);
        builds.push(await readFile((await buildCProgram(dir, { cflags: flags(dir) })).binary));
      }
      return [builds[0], builds[1]];
    };
    const [plainA, plainB] = await pair('c-dir-plain', () => []);
    expect(plainA.equals(plainB)).toBe(true);
    const [debugA, debugB] = await pair('c-dir-debug', () => ['-g']);
    expect(debugA.equals(debugB)).toBe(false);
    const [mappedA, mappedB] = await pair('c-dir-mapped', (dir) => ['-g', `-ffile-prefix-map=${dir}=.`]);
    expect(mappedA.equals(mappedB)).toBe(true);
  });

  it('gives different code for -O0 and -O2', async () => {
    const o0 = await buildCProgram(await fresh('c-o0'), { cflags: ['-O0'] });
    const o2 = await buildCProgram(await fresh('c-o2'), { cflags: ['-O2'] });
    expect((await readFile(o0.binary)).equals(await readFile(o2.binary))).toBe(false);
  });

  it('names the missing tool', async () => {
    await expect(buildCProgram(await fresh('c-missing'), { env: { PATH: '/nonexistent' } })).rejects.toThrow(
      /"gcc" was not found/,
    );
  });
});

describe('buildStaticLibrary', () => {
  const memberLines = async (archive: string): Promise<string[]> =>
    (await runTool('ar', ['tv', archive])).stdout.trim().split('\n');

  it('archives two ELF relocatable objects', async () => {
    const { archive, objects } = await buildStaticLibrary(await fresh('ar'));
    expect((await readFile(archive)).subarray(0, 8).toString('latin1')).toBe('!<arch>\n');
    expect((await runTool('ar', ['t', archive])).stdout).toBe('alpha.o\nbeta.o\n');
    for (const object of objects) {
      const bytes = await readFile(object);
      expect(bytes.subarray(0, 4).toString('latin1')).toBe('\x7fELF');
      expect(bytes.readUInt16LE(16)).toBe(1); // ET_REL
    }
  });

  it('zeroes member mtimes with D and keeps them with U', async () => {
    const build = async (deterministic: boolean, seconds: number): Promise<{ archive: string; bytes: Buffer }> => {
      const { archive } = await buildStaticLibrary(await fresh(`ar-${deterministic ? 'D' : 'U'}-${seconds}`), {
        deterministic,
        objectMtime: new Date(seconds * 1000),
      });
      return { archive, bytes: await readFile(archive) };
    };
    const d1 = await build(true, 1_000_000_000);
    const d2 = await build(true, 1_100_000_000);
    expect(d1.bytes.equals(d2.bytes)).toBe(true);
    for (const line of await memberLines(d1.archive)) expect(line).toMatch(/ 0\/0 .* Jan  1 00:00 1970 /);

    const u1 = await build(false, 1_000_000_000);
    const u2 = await build(false, 1_100_000_000);
    expect(u1.bytes.equals(u2.bytes)).toBe(false);
    for (const line of await memberLines(u1.archive)) expect(line).toMatch(/ Sep  9 01:46 2001 /);
  });
});

describe('tar archives', () => {
  const tree = async (label: string, order: readonly string[], mtimeSeconds: number): Promise<string> => {
    const dir = await fresh(label);
    await mkdir(join(dir, 'sub'));
    for (const file of order) await writeFile(join(dir, file), `contents of ${file}\n`.repeat(20));
    for (const file of [...order, 'sub', '.']) await utimes(join(dir, file), mtimeSeconds, mtimeSeconds);
    return dir;
  };

  const cases = [
    { label: 'tar', make: makeTar, name: 'out.tar', magic: null },
    { label: 'tar.gz', make: makeTarGz, name: 'out.tar.gz', magic: Buffer.from([0x1f, 0x8b]) },
    { label: 'tar.xz', make: makeTarXz, name: 'out.tar.xz', magic: Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]) },
    { label: 'tar.zst', make: makeTarZst, name: 'out.tar.zst', magic: Buffer.from([0x28, 0xb5, 0x2f, 0xfd]) },
  ] as const;

  it.each(cases)('$label: right magic, and GNU tar lists the files', async ({ make, name, magic }) => {
    const src = await tree(`tar-src-${name}`, ['a.txt', 'sub/b.txt'], 1_000_000_000);
    const archive = await make(await fresh(`tar-out-${name}`), name, src);
    expect(archive.endsWith(`/${name}`)).toBe(true);
    const bytes = await readFile(archive);
    if (magic === null) {
      expect(bytes.subarray(257, 262).toString('latin1')).toBe('ustar');
    } else {
      expect(bytes.subarray(0, magic.length)).toEqual(magic);
    }
    const listing = (await runTool('tar', ['-tf', archive])).stdout.split('\n');
    expect(listing).toEqual(expect.arrayContaining(['./', './a.txt', './sub/', './sub/b.txt']));
  });

  it('gzip keeps a ustar stream and stores the tar name unless gzipNoName', async () => {
    const src = await tree('tar-gz-src', ['a.txt'], 1_000_000_000);
    const named = await readFile(await makeTarGz(await fresh('tar-gz-named'), 'out.tgz', src));
    const bare = await readFile(await makeTarGz(await fresh('tar-gz-bare'), 'out.tgz', src, { gzipNoName: true }));
    expect(gunzipSync(named).subarray(257, 262).toString('latin1')).toBe('ustar');
    const FNAME = 0x08;
    expect(named[3] & FNAME).toBe(FNAME);
    expect(named.subarray(10, 18).toString('latin1')).toBe('out.tar\0');
    expect(named.readUInt32LE(4)).toBeGreaterThan(0);
    expect(bare[3] & FNAME).toBe(0);
    expect(bare.readUInt32LE(4)).toBe(0);
    expect(gunzipSync(bare).equals(gunzipSync(named))).toBe(true);
  });

  it('sort + mtime make trees built in another order at another time byte-identical', async () => {
    const first = await tree('tar-sort-1', ['a.txt', 'z.txt', 'sub/b.txt'], 1_000_000_000);
    const second = await tree('tar-sort-2', ['sub/b.txt', 'z.txt', 'a.txt'], 1_100_000_000);
    const opts = { sort: true, mtime: '@0', gzipNoName: true };
    const a = await makeTarGz(await fresh('tar-sort-out-1'), 'x.tar.gz', first, opts);
    const b = await makeTarGz(await fresh('tar-sort-out-2'), 'x.tar.gz', second, opts);
    expect((await readFile(a)).equals(await readFile(b))).toBe(true);
    expect((await runTool('tar', ['-tf', a])).stdout).toBe('./\n./a.txt\n./sub/\n./sub/b.txt\n./z.txt\n');
    const verbose = (await runTool('tar', ['-tvf', a, '--full-time'])).stdout.trim().split('\n');
    for (const line of verbose) expect(line).toContain('1970-01-01 00:00:00');
    const unpinned = await makeTar(await fresh('tar-unpinned'), 'x.tar', first, { sort: true });
    expect((await runTool('tar', ['-tvf', unpinned, '--full-time'])).stdout).toContain('2001-09-09 01:46:40');
  });
});

describe('makeZip', () => {
  it('stores entries in the order given, with or without extra attributes', async () => {
    const src = await fresh('zip-src');
    await mkdir(join(src, 'dir'));
    for (const file of ['one.txt', 'two.txt', 'dir/three.txt']) await writeFile(join(src, file), `${file}\n`);
    const forward = ['one.txt', 'two.txt', 'dir/three.txt'];
    const backward = [...forward].reverse();
    const out = await fresh('zip-out');
    const a = await makeZip(out, 'forward.zip', src, forward);
    const b = await makeZip(out, 'backward.zip', src, backward, { extraAttributes: false });
    const aBytes = await readFile(a);
    const bBytes = await readFile(b);
    expect(aBytes.subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
    expect((await runTool('unzip', ['-Z1', a])).stdout).toBe(`${forward.join('\n')}\n`);
    expect((await runTool('unzip', ['-Z1', b])).stdout).toBe(`${backward.join('\n')}\n`);
    // Local header extra-field length: UT/ux fields by default, none with -X.
    expect(aBytes.readUInt16LE(28)).toBeGreaterThan(0);
    expect(bBytes.readUInt16LE(28)).toBe(0);
  });
});

describe('makeJar', () => {
  it('compiles two classes with javac and jars them', async () => {
    const { jar, classes } = await makeJar(await fresh('jar-two'), { date: '2020-01-01T00:00:00Z' });
    expect((await readFile(jar)).subarray(0, 4).toString('latin1')).toBe('PK\x03\x04');
    expect(classes.map((file) => file.slice(file.lastIndexOf('/') + 1))).toEqual(['Main.class', 'Greeter.class']);
    for (const file of classes) expect((await readFile(file)).readUInt32BE(0)).toBe(0xcafebabe);
    const listing = (await runTool('unzip', ['-l', jar])).stdout;
    expect(listing).toContain('fixture/Main.class');
    expect(listing).toContain('fixture/Greeter.class');
    expect(listing).toContain('META-INF/MANIFEST.MF');
    expect(listing).toMatch(/2020-01-01 00:00 +fixture\/Main\.class/);
    expect((await runTool('java', ['-cp', jar, 'fixture.Main'])).stdout).toBe(jarMainOutput(2));
  });

  it('makes a one-class jar', async () => {
    const { jar, classes } = await makeJar(await fresh('jar-one'), { name: 'single', classCount: 1 });
    expect(jar.endsWith('/single.jar')).toBe(true);
    expect(classes).toHaveLength(1);
    const names = (await runTool('unzip', ['-Z1', jar])).stdout.trim().split('\n');
    expect(names).toContain('fixture/Main.class');
    expect(names).not.toContain('fixture/Greeter.class');
    expect((await runTool('java', ['-cp', jar, 'fixture.Main'])).stdout).toBe(jarMainOutput(1));
  });
});

describe('compilePython', () => {
  const magic = async (): Promise<string> =>
    (await runTool('python3', ['-c', 'import importlib.util;print(importlib.util.MAGIC_NUMBER.hex())'])).stdout.trim();

  it('writes a .pyc with the interpreter magic that python3 runs', async () => {
    const pyc = await compilePython(await fresh('py'), { env: { SOURCE_DATE_EPOCH: '1000000000' } });
    expect(pyc).toMatch(/\/__pycache__\/fixture_module\.[a-z]+-\d+\.pyc$/);
    const bytes = await readFile(pyc);
    expect(bytes.subarray(0, 4).toString('hex')).toBe(await magic());
    // SOURCE_DATE_EPOCH makes py_compile choose checked-hash pycs (flags: hash-based | check_source).
    expect(bytes.readUInt32LE(4)).toBe(0b11);
    expect((await runTool('python3', [pyc])).stdout).toBe(defaultPythonOutput());
  });

  it('records the source mtime and size in timestamp mode', async () => {
    const dir = await fresh('py-ts');
    const pyc = await compilePython(dir, { invalidationMode: 'timestamp', sourceMtime: new Date(1_000_000_000_000) });
    const bytes = await readFile(pyc);
    expect(bytes.readUInt32LE(4)).toBe(0);
    expect(bytes.readUInt32LE(8)).toBe(1_000_000_000);
    expect(bytes.readUInt32LE(12)).toBe((await stat(join(dir, 'fixture_module.py'))).size);
  });
});

describe('tensors', () => {
  const COUNT = 100_000;

  it('bf16 decodes to N(0, 0.02) and tracks the fp32 of the same seed', async () => {
    const dir = await fresh('bf16');
    const bf16 = await readFile(await writeBf16Tensor(join(dir, 'w.bf16'), COUNT, 42));
    const fp32 = await readFile(await writeFp32Tensor(join(dir, 'w.f32'), COUNT, 42));
    expect(bf16.length).toBe(COUNT * 2);
    expect(fp32.length).toBe(COUNT * 4);
    const values = decodeBf16(bf16);
    const reference = decodeF32(fp32);
    expect(Math.abs(mean(values))).toBeLessThan(5e-4);
    expect(std(values)).toBeGreaterThan(0.0195);
    expect(std(values)).toBeLessThan(0.0205);
    expect(Math.abs(mean(reference))).toBeLessThan(5e-4);
    let worst = 0;
    for (let i = 0; i < COUNT; i++) {
      if (reference[i] !== 0) worst = Math.max(worst, Math.abs(values[i] - reference[i]) / Math.abs(reference[i]));
    }
    // bf16 keeps 8 significant bits, so rounding to nearest is off by at most half of 2^-7.
    expect(worst).toBeLessThanOrEqual(2 ** -8);
  });

  it('f16 equals what Python packs from the fp32 values (round to nearest even)', async () => {
    const dir = await fresh('f16');
    const f16 = await writeFp16Tensor(join(dir, 'w.f16'), 20_000, 7);
    const f32 = await writeFp32Tensor(join(dir, 'w.f32'), 20_000, 7);
    const script = [
      'import struct, sys',
      'a = open(sys.argv[1], "rb").read(); h = open(sys.argv[2], "rb").read()',
      'n = len(a) // 4',
      'vals = struct.unpack("<%df" % n, a)',
      'bad = sum(struct.pack("<e", v) != h[2 * i:2 * i + 2] for i, v in enumerate(vals))',
      'sub = sum(1 for v in vals if 0 < abs(v) < 2 ** -14)',
      'print(n, bad, sub)',
    ].join('\n');
    const [n, bad, subnormals] = (await runTool('python3', ['-c', script, f32, f16])).stdout.trim().split(' ').map(Number);
    expect(n).toBe(20_000);
    expect(bad).toBe(0);
    expect(subnormals).toBeGreaterThan(0);
  });

  it('same seed gives the same bytes, another seed other bytes', () => {
    expect(encodeTensor('BF16', 1000, 1).equals(encodeTensor('BF16', 1000, 1))).toBe(true);
    expect(encodeTensor('BF16', 1000, 1).equals(encodeTensor('BF16', 1000, 2))).toBe(false);
    // An odd count uses only the cosine half of the last Box–Muller pair.
    expect(encodeTensor('F32', 3, 9)).toEqual(encodeTensor('F32', 4, 9).subarray(0, 12));
  });
});

describe('writeSafetensors', () => {
  it('writes a padded JSON header whose offsets cover the data exactly', async () => {
    const tensors: SafetensorsTensor[] = [
      { name: 'embed.weight', dtype: 'BF16', shape: [16, 8], seed: 1 },
      { name: 'norm.bias', dtype: 'F32', shape: [3], seed: 2 },
      { name: 'head.weight', dtype: 'F16', shape: [5, 3], seed: 3 },
    ];
    const path = await writeSafetensors(join(await fresh('st'), 'model.safetensors'), tensors, { format: 'pt' });
    const bytes = await readFile(path);
    const headerLength = Number(bytes.readBigUInt64LE(0));
    expect(headerLength % 8).toBe(0);
    const headerText = bytes.subarray(8, 8 + headerLength).toString('utf8');
    expect(headerText.trimEnd().endsWith('}')).toBe(true);
    const header = JSON.parse(headerText) as Record<string, unknown>;
    expect(header.__metadata__).toEqual({ format: 'pt' });
    const data = bytes.subarray(8 + headerLength);
    const spans: Array<[number, number]> = [];
    for (const tensor of tensors) {
      const entry = header[tensor.name] as { dtype: string; shape: number[]; data_offsets: [number, number] };
      expect(entry.dtype).toBe(tensor.dtype);
      expect(entry.shape).toEqual(tensor.shape);
      const [begin, end] = entry.data_offsets;
      const count = tensor.shape.reduce((a, b) => a * b, 1);
      const expected = encodeTensor(tensor.dtype, count, tensor.seed);
      expect(end - begin).toBe(expected.length);
      expect(data.subarray(begin, end).equals(expected)).toBe(true);
      spans.push([begin, end]);
    }
    spans.sort((x, y) => x[0] - y[0]);
    expect(spans[0][0]).toBe(0);
    for (let i = 1; i < spans.length; i++) expect(spans[i][0]).toBe(spans[i - 1][1]);
    expect(spans[spans.length - 1][1]).toBe(data.length);
  });
});

describe('writeNpy', () => {
  it.each([
    { dtype: '<f4', shape: [3, 4], itemSize: 4, shapeText: '(3, 4)' },
    { dtype: '<f2', shape: [7], itemSize: 2, shapeText: '(7,)' },
  ] as const)('$dtype $shapeText has a v1.0 header Python can read', async ({ dtype, shape, itemSize, shapeText }) => {
    const path = await writeNpy(join(await fresh('npy'), 'a.npy'), dtype, [...shape], 5);
    const bytes = await readFile(path);
    expect(bytes.subarray(0, 6).toString('latin1')).toBe('\x93NUMPY');
    expect([bytes[6], bytes[7]]).toEqual([1, 0]);
    const headerLength = bytes.readUInt16LE(8);
    expect((10 + headerLength) % 64).toBe(0);
    const header = bytes.subarray(10, 10 + headerLength).toString('latin1');
    expect(header.endsWith('\n')).toBe(true);
    const match = /^\{'descr': '([^']+)', 'fortran_order': (True|False), 'shape': (\([^)]*\)), \} *\n$/.exec(header);
    expect(match?.slice(1)).toEqual([dtype, 'False', shapeText]);
    const count = shape.reduce((a: number, b: number) => a * b, 1);
    expect(bytes.length - 10 - headerLength).toBe(count * itemSize);

    const script = [
      'import ast, json, struct, sys',
      'b = open(sys.argv[1], "rb").read()',
      'n = struct.unpack("<H", b[8:10])[0]',
      'h = ast.literal_eval(b[10:10 + n].decode("latin1"))',
      'print(json.dumps([h["descr"], h["fortran_order"], list(h["shape"])]))',
    ].join('\n');
    const parsed = JSON.parse((await runTool('python3', ['-c', script, path])).stdout) as unknown;
    expect(parsed).toEqual([dtype, false, [...shape]]);
  });
});

describe('makeRandomBytes and makeTextFile', () => {
  it('makes exactly `size` seeded bytes', async () => {
    const dir = await fresh('random');
    const size = (1 << 20) * 2 + 3;
    const a = await readFile(await makeRandomBytes(join(dir, 'a.bin'), size, 11));
    const b = await readFile(await makeRandomBytes(join(dir, 'b.bin'), size, 11));
    const c = await readFile(await makeRandomBytes(join(dir, 'c.bin'), size, 12));
    expect(a.length).toBe(size);
    expect(a.equals(b)).toBe(true);
    expect(a.equals(c)).toBe(false);
    const compressed = await runTool('zstd', ['-q', '-f', '-o', join(dir, 'a.bin.zst'), join(dir, 'a.bin')]);
    expect(compressed.stderr).toBe('');
    expect((await stat(join(dir, 'a.bin.zst'))).size).toBeGreaterThan(size * 0.99);
  });

  it('makes code-like text that zstd compresses 4–6×', async () => {
    const dir = await fresh('text');
    const approx = 1_000_000;
    const path = await makeTextFile(join(dir, 'a.ts'), approx, 5);
    const again = await makeTextFile(join(dir, 'b.ts'), approx, 5);
    const text = await readFile(path);
    expect(text.equals(await readFile(again))).toBe(true);
    expect(text.length).toBeGreaterThanOrEqual(approx);
    expect(text.length).toBeLessThan(approx + 200);
    await runTool('zstd', ['-q', '-f', '-o', join(dir, 'a.ts.zst'), path]);
    const ratio = text.length / (await stat(join(dir, 'a.ts.zst'))).size;
    expect(ratio).toBeGreaterThan(4);
    expect(ratio).toBeLessThan(6);
  });
});
