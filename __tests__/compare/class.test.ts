import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { classComparator } from '../../src/compare/comparators/class.js';
import { parseClass } from '../../src/compare/formats/class-file.js';
import { ComparatorFallback, DEFAULT_LIMITS, type CompareContext, type Difference } from '../../src/compare/types.js';
import { makeJar, mulberry32, removeDir, runTool, tempDir } from '../helpers/toolchain.js';

const ctx: CompareContext = {
  limits: DEFAULT_LIMITS,
  depth: 0,
  compareNested: () => {
    throw new Error('class files never nest');
  },
};
const PATH = 'Main.class';
const compare = (a: Buffer, b: Buffer): Difference[] => classComparator.compare(PATH, a, b, ctx);
const paths = (children: readonly Difference[]): string[] => children.map((c) => c.path);
const detailLines = (d: Difference | undefined): string[] => (d?.detail?.type === 'lines' ? d.detail.hunks.flatMap((h) => h.lines) : []);
const child = (children: readonly Difference[], path: string): Difference => {
  const found = children.find((c) => c.path === path);
  if (found === undefined) throw new Error(`no child ${path} in ${paths(children).join(', ')}`);
  return found;
};

function fallbackReason(a: Buffer, b: Buffer): string {
  try {
    compare(a, b);
  } catch (error) {
    if (error instanceof ComparatorFallback) return error.message;
    throw error;
  }
  throw new Error('expected a ComparatorFallback');
}

let root = '';
let counter = 0;
async function fresh(label: string): Promise<string> {
  counter += 1;
  const dir = join(root, `${counter}-${label}`);
  await mkdir(dir, { recursive: true });
  return dir;
}

beforeAll(async () => {
  root = await tempDir('vitsnap-class-');
});

afterAll(async () => {
  await removeDir(root);
});

const mainSource = (message: string, extra = ''): string => `public final class Main {
  public static void main(String[] args) {
    String text = "${message}";
    System.out.println(text);
  }
${extra}}
`;

/** javac in a fresh directory; returns Main.class. */
async function javac(source: string, flags: string[] = [], file = 'Main.java', output = 'Main.class'): Promise<Buffer> {
  const dir = await fresh('javac');
  await writeFile(join(dir, file), source);
  await runTool('javac', [...flags, '-d', 'out', file], { cwd: dir });
  return readFile(join(dir, 'out', output));
}

const MAIN = 'method main([Ljava/lang/String;)V';

let helloClass: Buffer | undefined;
/** One javac run (about two seconds) shared by the tests that only need some real class. */
async function hello(): Promise<Buffer> {
  helloClass ??= await javac(mainSource('hello'));
  return helloClass;
}

describe('class comparator: javac fixtures', () => {
  it('reports nothing for the same source compiled twice', async () => {
    const before = await hello();
    const after = await javac(mainSource('hello'));
    expect(before.equals(after)).toBe(true);
    expect(compare(before, after)).toEqual([]);
  });

  it('reports a changed string literal as a constant-pool Utf8 difference, with identical methods', async () => {
    const before = await javac(mainSource('hello from Main'));
    const after = await javac(mainSource('hello from there'));
    const children = compare(before, after);
    expect(paths(children)).toEqual([`${PATH}:constant pool`]);
    const pool = children[0] as Difference;
    expect(pool.kind).toBe('lines');
    expect(pool.comparator).toBe('class');
    expect(pool.causes).toEqual([]);
    expect(detailLines(pool)).toEqual(['-hello from Main', '+hello from there']);
    expect(pool.summary).toBe('constant pool: 1 Utf8 string removed, 1 added (e.g. "hello from Main" → "hello from there")');
    expect(classComparator.describe(PATH, children)).toBe(
      'constant pool: 1 Utf8 string removed, 1 added (e.g. "hello from Main" → "hello from there"); methods and fields identical',
    );
  });

  it('shows the debug attributes -g adds over -g:none', async () => {
    const source = mainSource('hello');
    const before = await javac(source, ['-g']);
    const after = await javac(source, ['-g:none']);
    const children = compare(before, after);
    const pool = child(children, `${PATH}:constant pool`);
    const removed = detailLines(pool).filter((line) => line.startsWith('-'));
    expect(removed).toEqual(expect.arrayContaining(['-LineNumberTable', '-LocalVariableTable', '-SourceFile', '-Main.java', '-this', '-args', '-text']));
    expect(detailLines(pool).filter((line) => line.startsWith('+'))).toEqual([]);

    const main = child(children, `${PATH}:${MAIN}`);
    expect(main.children.map((c) => [c.path.slice(main.path.length + 1), c.kind])).toEqual([
      ['Code/LineNumberTable', 'removed'],
      ['Code/LocalVariableTable', 'removed'],
    ]);
    expect(main.summary).toBe(`${MAIN}: Code/LineNumberTable, Code/LocalVariableTable removed; bytecode identical`);
    expect(child(children, `${PATH}:SourceFile`).kind).toBe('removed');
    expect(classComparator.describe(PATH, children)).toMatch(/methods differ: <init>\(\)V, main\(\[Ljava\/lang\/String;\)V; SourceFile differs$/);
  });

  it('shows the class-file version as a Java release', async () => {
    const before = await javac(mainSource('hello'), ['--release', '8']);
    const after = await javac(mainSource('hello'), ['--release', '17']);
    const version = child(compare(before, after), `${PATH}:version`);
    expect(version.detail).toEqual({ type: 'field', name: 'version', before: '52.0 (Java 8)', after: '61.0 (Java 17)' });
  });

  it('reports a method added and a SourceFile that names another file', async () => {
    const before = await hello();
    const after = await javac(mainSource('hello', '  static int extra() { return 7; }\n'));
    const children = compare(before, after);
    expect(child(children, `${PATH}:method extra()I`).kind).toBe('added');

    const renamed = await javac(`class Main { }\n`, [], 'Other.java');
    const original = await javac(`class Main { }\n`);
    const source = child(compare(original, renamed), `${PATH}:SourceFile`);
    expect(source.detail).toEqual({ type: 'field', name: 'SourceFile', before: 'Main.java', after: 'Other.java' });
  });

  it('parses lambdas, records and module-info (MethodHandle, MethodType, InvokeDynamic, Module, Package)', async () => {
    const lambda = await javac(
      'import java.util.function.Supplier;\npublic final class Main {\n  record Point(int x, int y) {}\n  static Supplier<String> s = () -> "x" + new Point(1, 2);\n}\n',
    );
    const tags = new Set(parseClass(lambda).pool.flatMap((entry) => (entry === undefined ? [] : [entry.tag])));
    expect([...tags].filter((tag) => tag >= 15).sort()).toEqual([15, 16, 18]);

    const dir = await fresh('module');
    await mkdir(join(dir, 'demo', 'api'), { recursive: true });
    await writeFile(join(dir, 'module-info.java'), 'module demo { exports demo.api; }\n');
    await writeFile(join(dir, 'demo', 'api', 'Api.java'), 'package demo.api;\npublic class Api {}\n');
    await runTool('javac', ['-d', 'out', 'module-info.java', 'demo/api/Api.java'], { cwd: dir });
    const moduleInfo = await readFile(join(dir, 'out', 'module-info.class'));
    const moduleTags = new Set(parseClass(moduleInfo).pool.flatMap((entry) => (entry === undefined ? [] : [entry.tag])));
    expect(moduleTags.has(19)).toBe(true);
    expect(moduleTags.has(20)).toBe(true);
  });

  it('compares classes from makeJar', async () => {
    const { classes } = await makeJar(await fresh('jar'));
    const greeter = await readFile(classes[1] as string);
    expect(compare(greeter, greeter)).toEqual([]);
  });
});

/** A class file assembled from JVMS §4.1 with the given constant pool and nothing else. */
function assembleClass(entries: Buffer[], count = entries.length + 1, methods: [number, number][] = []): Buffer {
  const head = Buffer.alloc(10);
  head.writeUInt32BE(0xcafebabe, 0);
  head.writeUInt16BE(0, 4);
  head.writeUInt16BE(61, 6);
  head.writeUInt16BE(count, 8);
  // access, this_class (#2), super_class (0), interfaces_count, fields_count
  const middle = Buffer.from([0x00, 0x21, 0x00, 0x02, 0x00, 0x00, 0, 0, 0, 0]);
  // methods_count, then method_info: access_flags, name_index, descriptor_index, attributes_count (0)
  const methodTable = Buffer.alloc(2 + methods.length * 8);
  methodTable.writeUInt16BE(methods.length, 0);
  methods.forEach(([name, descriptor], i) => {
    methodTable.writeUInt16BE(0x0009, 2 + i * 8);
    methodTable.writeUInt16BE(name, 4 + i * 8);
    methodTable.writeUInt16BE(descriptor, 6 + i * 8);
  });
  // attributes_count
  return Buffer.concat([head, ...entries, middle, methodTable, Buffer.from([0, 0])]);
}

const utf8 = (text: string): Buffer => Buffer.concat([Buffer.from([1, 0, Buffer.byteLength(text)]), Buffer.from(text)]);

describe('class comparator: assembled and hostile input', () => {
  it('reads every constant tag, with Long and Double taking two slots', () => {
    const entries = [
      utf8('Demo'), // #1
      Buffer.from([7, 0, 1]), // #2 Class
      Buffer.from([5, 0, 0, 0, 0, 0, 0, 0, 1]), // #3-4 Long
      Buffer.from([6, 0, 0, 0, 0, 0, 0, 0, 2]), // #5-6 Double
      Buffer.from([3, 0, 0, 0, 3]), // #7 Integer
      Buffer.from([4, 0, 0, 0, 4]), // #8 Float
      Buffer.from([8, 0, 1]), // #9 String
      Buffer.from([12, 0, 1, 0, 1]), // #10 NameAndType
      Buffer.from([9, 0, 2, 0, 10]), // #11 Fieldref
      Buffer.from([10, 0, 2, 0, 10]), // #12 Methodref
      Buffer.from([11, 0, 2, 0, 10]), // #13 InterfaceMethodref
      Buffer.from([15, 6, 0, 12]), // #14 MethodHandle
      Buffer.from([16, 0, 1]), // #15 MethodType
      Buffer.from([17, 0, 0, 0, 10]), // #16 Dynamic
      Buffer.from([18, 0, 0, 0, 10]), // #17 InvokeDynamic
      Buffer.from([19, 0, 1]), // #18 Module
      Buffer.from([20, 0, 1]), // #19 Package
    ];
    const file = parseClass(assembleClass(entries, 20));
    expect(file.pool).toHaveLength(20);
    expect(file.pool[4]).toBeUndefined();
    expect(file.pool[6]).toBeUndefined();
    expect(file.pool.map((entry) => entry?.tag)).toEqual([undefined, 1, 7, 5, undefined, 6, undefined, 3, 4, 8, 12, 9, 10, 11, 15, 16, 17, 18, 19, 20]);
    expect(file.thisClass).toBe('Demo');
  });

  it('reports the same methods in another order', () => {
    const pool = [utf8('Demo'), Buffer.from([7, 0, 1]), utf8('alpha'), utf8('beta'), utf8('()V')];
    const before = assembleClass(pool, 6, [[3, 5], [4, 5]]);
    const after = assembleClass(pool, 6, [[4, 5], [3, 5]]);
    const children = compare(before, after);
    expect(children.map((c) => [c.path, c.kind, c.detail])).toEqual([
      [`${PATH}:order of methods`, 'order', { type: 'order', before: ['alpha()V', 'beta()V'], after: ['beta()V', 'alpha()V'] }],
    ]);
    expect(classComparator.describe(PATH, children)).toBe('order of methods differs; methods and fields identical');
  });

  it('falls back with a reason on truncated files, unknown tags and impossible counts', async () => {
    const real = await hello();
    expect(fallbackReason(real.subarray(0, real.length - 3), real)).toMatch(/^old file: class: class attribute count 1 at offset 0x[0-9a-f]+ needs more than the 5 bytes left$/);
    expect(fallbackReason(real.subarray(0, real.length - 30), real)).toMatch(/^old file: class: .* runs past the end of the file \(\d+ bytes\)$/);
    expect(fallbackReason(real, real.subarray(0, 9))).toBe('new file: class: constant_pool_count at offset 0x8 (2 bytes) runs past the end of the file (9 bytes)');
    expect(fallbackReason(assembleClass([utf8('A'), Buffer.from([2, 0, 0])]), real)).toBe('old file: class: constant 2 at offset 0xe has unknown tag 2');
    expect(fallbackReason(assembleClass([], 0xffff), real)).toMatch(/^old file: class: constant pool count 65534 at offset 0x8 needs more than the \d+ bytes left$/);
  });

  it('does not take a Mach-O universal binary for a class file', () => {
    const fat = Buffer.from([0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 2]);
    expect(classComparator.recognizes('app', fat)).toBe(false);
    expect(classComparator.recognizes('Main.class', Buffer.from([0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 61]))).toBe(true);
  });

  it('falls back on random bytes behind the magic and version, quickly', async () => {
    const real = await hello();
    const next = mulberry32(11);
    for (let i = 0; i < 300; i++) {
      const junk = Buffer.alloc(32 + (next() % 2048));
      for (let j = 0; j < junk.length; j++) junk[j] = next() & 0xff;
      real.copy(junk, 0, 0, 8);
      expect(fallbackReason(junk, real)).toMatch(/^old file: class: /);
    }
    // Mutations of a real class: a fallback or a result, never a crash.
    for (let i = 0; i < 300; i++) {
      const mutated = Buffer.from(real);
      mutated[8 + (next() % (real.length - 8))] = next() & 0xff;
      try {
        compare(real, mutated);
      } catch (error) {
        expect((error as Error).name).toBe('ComparatorFallback');
      }
    }
  });
});
