import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdir, readFile, symlink, utimes, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { gzipComparator, xzComparator, zstdComparator } from '../../src/compare/comparators/streams.js';
import { tarComparator } from '../../src/compare/comparators/tar.js';
import { zipComparator } from '../../src/compare/comparators/zip.js';
import { compareFile } from '../../src/compare/registry.js';
import {
  ComparatorFallback,
  DEFAULT_LIMITS,
  type Comparator,
  type CompareContext,
  type CompareLimits,
  type Difference,
} from '../../src/compare/types.js';
import { makeTar, makeTarGz, makeTarZst, mulberry32, removeDir, runTool, tempDir } from '../helpers/toolchain.js';

/** Nested members go through the real registry; bytes are a stand-in leaf so only our comparators are under test. */
const bytes: Comparator = {
  id: 'binary',
  recognizes: () => true,
  compare: (path) => [{ path, kind: 'bytes', comparator: 'binary', summary: 'bytes differ', causes: [], children: [] }],
};
const COMPARATORS = [zipComparator, tarComparator, gzipComparator, zstdComparator, xzComparator, bytes];

function context(limits: CompareLimits = DEFAULT_LIMITS, depth = 0): CompareContext {
  return { limits, depth, compareNested: (path, a, b) => compareFile(path, a, b, COMPARATORS, limits, depth + 1) };
}

const T0 = new Date('2024-03-01T10:00:00Z');
const T1 = new Date('2024-03-02T11:30:00Z');
const FILES = { 'a.txt': 'alpha\n', 'b.txt': 'beta\n', 'sub/c.txt': 'gamma\n' };
let root: string;

/** Writes `files` under `dir` and sets every file and directory (the root too) to `mtime`. */
async function writeFiles(dir: string, files: Record<string, string>, mtime = T0): Promise<void> {
  const dirs = new Set<string>([dir]);
  for (const [name, text] of Object.entries(files)) {
    const file = join(dir, name);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, text);
    await utimes(file, mtime, mtime);
    dirs.add(dirname(file));
  }
  for (const d of [...dirs].sort().reverse()) await utimes(d, mtime, mtime);
}

const fieldsOf = (diffs: Difference[]): Array<[string, string]> =>
  diffs.map((d) => [d.path, d.detail?.type === 'field' ? d.detail.name : d.kind]);

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
  root = await tempDir('vitsnap-tar-');
});

afterAll(async () => {
  await removeDir(root);
});

describe('tar comparator', () => {
  it('recognises ustar and GNU headers, and v7 only by name', async () => {
    const src = join(root, 'recognise');
    await writeFiles(src, { 'a.txt': 'alpha\n' });
    for (const format of ['gnu', 'ustar', 'posix'] as const) {
      const head = (await readFile(await makeTar(join(root, `recognise-${format}`), 'x.tar', src, { format }))).subarray(0, 4096);
      expect(tarComparator.recognizes('x.bin', head)).toBe(true);
    }
    const v7 = await readFile(await makeTar(join(root, 'recognise-v7'), 'x.tar', src, { format: 'ustar' }));
    v7.fill(0, 257, 265);
    let sum = 0;
    v7.fill(0x20, 148, 156);
    for (let i = 0; i < 512; i++) sum += v7[i] ?? 0;
    v7.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
    expect(tarComparator.recognizes('x.bin', v7)).toBe(false);
    expect(tarComparator.recognizes('x.tar', v7)).toBe(true);
    expect(tarComparator.recognizes('x.tar', Buffer.alloc(1024))).toBe(false);
  });

  it('finds no difference in an archive compared with itself', async () => {
    const src = join(root, 'same');
    await writeFiles(src, FILES);
    const buf = await readFile(await makeTar(join(root, 'same-out'), 'x.tar', src, { sort: true }));
    expect(tarComparator.compare('x.tar', buf, Buffer.from(buf), context())).toEqual([]);
  });

  it('reports the gzip MTIME and every member mtime of a tar.gz built twice without --mtime or -n', async () => {
    const src = join(root, 'times');
    await writeFiles(src, FILES, T0);
    const a = await readFile(await makeTarGz(join(root, 'times-a'), 'x.tar.gz', src, { sort: true }));
    await writeFiles(src, FILES, T1);
    await sleep(1100); // gzip records the tar file's mtime in whole seconds
    const b = await readFile(await makeTarGz(join(root, 'times-b'), 'x.tar.gz', src, { sort: true }));
    const node = compareFile('dist/x.tar.gz', a, b, COMPARATORS, DEFAULT_LIMITS);
    expect(node.comparator).toBe('gzip');
    expect(node.children.map((d) => [d.path, d.kind])).toEqual([
      ['dist/x.tar.gz:gzip.mtime', 'field'],
      ['dist/x.tar.gz!/x.tar', 'modified'],
    ]);
    const tar = node.children[1] as Difference;
    expect(tar.comparator).toBe('tar');
    expect(fieldsOf(tar.children)).toEqual(
      ['./', './a.txt', './b.txt', './sub/', './sub/c.txt'].map((m) => [`dist/x.tar.gz!/x.tar!/${m}:tar.mtime`, 'mtime']),
    );
    expect(tar.children[1]?.detail).toEqual({
      type: 'field',
      name: 'mtime',
      before: '2024-03-01T10:00:00Z (1709287200)',
      after: '2024-03-02T11:30:00Z (1709379000)',
    });
    expect(tar.children[1]?.summary).toBe('./a.txt: mtime: 2024-03-01T10:00:00Z (1709287200) → 2024-03-02T11:30:00Z (1709379000)');
  });

  it('nests into exactly the member whose content changed, inside a tar.zst', async () => {
    const srcA = join(root, 'content-a');
    const srcB = join(root, 'content-b');
    await writeFiles(srcA, FILES);
    await writeFiles(srcB, { ...FILES, 'sub/c.txt': 'GAMMA\n' });
    const opts = { sort: true, mtime: '@0' };
    const a = await readFile(await makeTarZst(join(root, 'content-out-a'), 'x.tar.zst', srcA, opts));
    const b = await readFile(await makeTarZst(join(root, 'content-out-b'), 'x.tar.zst', srcB, opts));
    const node = compareFile('x.tar.zst', a, b, COMPARATORS, DEFAULT_LIMITS);
    expect(node.comparator).toBe('zstd');
    expect(node.children.map((d) => [d.path, d.comparator])).toEqual([['x.tar.zst!/x.tar', 'tar']]);
    expect(node.children[0]?.children.map((d) => [d.path, d.kind, d.comparator])).toEqual([
      ['x.tar.zst!/x.tar!/./sub/c.txt', 'modified', 'binary'],
    ]);
  });

  it('reports owner, group, mode and link target from the headers', async () => {
    const src = join(root, 'owners');
    await writeFiles(src, { 'a.txt': 'alpha\n' });
    await symlink('a.txt', join(src, 'link'));
    const out = join(root, 'owners-out');
    await mkdir(out, { recursive: true });
    const common = ['--sort=name', '--mtime=@0', '-C', src, '.'];
    await runTool('tar', ['-cf', join(out, 'a.tar'), '--owner=root:0', '--group=root:0', '--mode=go-w', ...common]);
    await runTool('tar', ['-cf', join(out, 'b.tar'), '--owner=builder:1000', '--group=staff:50', '--mode=a+x', ...common]);
    const diffs = tarComparator.compare('x.tar', await readFile(join(out, 'a.tar')), await readFile(join(out, 'b.tar')), context());
    const aTxt = diffs.filter((d) => d.path.startsWith('x.tar!/./a.txt:'));
    expect(aTxt.map((d) => d.detail)).toEqual([
      { type: 'field', name: 'mode', before: '0644 (rw-r--r--)', after: '0755 (rwxr-xr-x)' },
      { type: 'field', name: 'uid', before: '0', after: '1000' },
      { type: 'field', name: 'gid', before: '0', after: '50' },
      { type: 'field', name: 'uname', before: '"root"', after: '"builder"' },
      { type: 'field', name: 'gname', before: '"root"', after: '"staff"' },
    ]);
    await symlink('elsewhere', join(src, 'link2'));
    await runTool('python3', ['-c', 'import os,sys; os.remove(sys.argv[1]); os.symlink("b.txt", sys.argv[1])', join(src, 'link')]);
    await runTool('tar', ['-cf', join(out, 'c.tar'), '--owner=root:0', '--group=root:0', '--mode=go-w', ...common]);
    const relinked = tarComparator.compare('x.tar', await readFile(join(out, 'a.tar')), await readFile(join(out, 'c.tar')), context());
    expect(relinked.map((d) => [d.path, d.kind, d.detail?.type === 'field' ? [d.detail.before, d.detail.after] : d.summary])).toEqual([
      ['x.tar!/./link2', 'added', 'member added: ./link2 (symlink)'],
      ['x.tar!/./link:tar.link-target', 'field', ['"a.txt"', '"b.txt"']],
    ]);
  });

  it('reads pax headers (fractional mtime, atime, ctime) of --format=posix archives', async () => {
    const src = join(root, 'pax');
    await writeFiles(src, { 'a.txt': 'alpha\n' });
    const a = await readFile(await makeTar(join(root, 'pax-a'), 'x.tar', src, { format: 'posix', sort: true }));
    await writeFiles(src, { 'a.txt': 'alpha\n' }, T1);
    const b = await readFile(await makeTar(join(root, 'pax-b'), 'x.tar', src, { format: 'posix', sort: true }));
    const diffs = tarComparator.compare('x.tar', a, b, context());
    const names = fieldsOf(diffs).filter(([path]) => path.startsWith('x.tar!/./a.txt:')).map(([, name]) => name);
    expect(names).toEqual(['mtime', 'pax.atime', 'pax.ctime']);
    const mtime = diffs.find((d) => d.path === 'x.tar!/./a.txt:tar.mtime');
    expect(mtime?.detail).toEqual({
      type: 'field',
      name: 'mtime',
      before: '2024-03-01T10:00:00Z (1709287200)',
      after: '2024-03-02T11:30:00Z (1709379000)',
    });
  });

  it('matches long names across GNU long-name headers, ustar prefixes and pax paths', async () => {
    const long = `${'d'.repeat(60)}/${'n'.repeat(80)}.txt`;
    const longer = `${'e'.repeat(150)}/${'m'.repeat(150)}.txt`;
    const src = join(root, 'long');
    await writeFiles(src, { [long]: 'long\n' });
    const opts = { sort: true, mtime: '@0' };
    const gnu = await readFile(await makeTar(join(root, 'long-gnu'), 'x.tar', src, { ...opts, format: 'gnu' }));
    const ustar = await readFile(await makeTar(join(root, 'long-ustar'), 'x.tar', src, { ...opts, format: 'ustar' }));
    const diffs = tarComparator.compare('x.tar', gnu, ustar, context());
    expect(diffs.some((d) => d.kind === 'added' || d.kind === 'removed')).toBe(false);
    expect(diffs.find((d) => d.path === `x.tar!/./${long}:tar.header-format`)?.detail).toEqual({
      type: 'field',
      name: 'header-format',
      before: 'gnu',
      after: 'ustar',
    });
    await writeFiles(src, { [longer]: 'longer\n' });
    const gnu2 = await readFile(await makeTar(join(root, 'longer-gnu'), 'x.tar', src, { ...opts, format: 'gnu' }));
    const pax = await readFile(await makeTar(join(root, 'longer-pax'), 'x.tar', src, { ...opts, format: 'posix' }));
    const paths = tarComparator.compare('x.tar', gnu2, pax, context()).map((d) => d.path);
    expect(paths).toContain(`x.tar!/./${longer}:tar.header-format`);
    expect(paths.some((p) => p.includes('PaxHeaders'))).toBe(false);
  });

  it('reports members in another order once, and members added and removed', async () => {
    const src = join(root, 'order');
    await writeFiles(src, { ...FILES, 'd.txt': 'delta\n' });
    const out = join(root, 'order-out');
    await mkdir(out, { recursive: true });
    const build = (name: string, members: string[]): Promise<unknown> =>
      runTool('tar', ['-cf', join(out, name), '--mtime=@0', '--owner=0', '--group=0', '-C', src, ...members]);
    await build('a.tar', ['a.txt', 'b.txt', 'sub/c.txt']);
    await build('b.tar', ['sub/c.txt', 'a.txt', 'b.txt']);
    await build('c.tar', ['a.txt', 'd.txt', 'sub/c.txt']);
    const a = await readFile(join(out, 'a.tar'));
    expect(tarComparator.compare('x.tar', a, await readFile(join(out, 'b.tar')), context())).toEqual([
      expect.objectContaining({
        path: 'x.tar:tar.order',
        kind: 'order',
        detail: { type: 'order', before: ['a.txt', 'b.txt', 'sub/c.txt'], after: ['sub/c.txt', 'a.txt', 'b.txt'] },
      }),
    ]);
    expect(tarComparator.compare('x.tar', a, await readFile(join(out, 'c.tar')), context()).map((d) => [d.path, d.kind, d.summary])).toEqual([
      ['x.tar!/b.txt', 'removed', 'member removed: b.txt (5 bytes)'],
      ['x.tar!/d.txt', 'added', 'member added: d.txt (6 bytes)'],
    ]);
  });

  it('reports path-escaping member names as names', async () => {
    const out = join(root, 'slip');
    await mkdir(out, { recursive: true });
    const script =
      'import io,tarfile,sys\nt=tarfile.open(sys.argv[1],"w",format=tarfile.GNU_FORMAT)\nfor n in ["ok.txt"]+sys.argv[2:]:\n' +
      '  i=tarfile.TarInfo(n); i.size=2; i.mtime=0; t.addfile(i,io.BytesIO(b"hi"))\nt.close()';
    await runTool('python3', ['-c', script, join(out, 'a.tar')]);
    await runTool('python3', ['-c', script, join(out, 'b.tar'), '../../evil.sh']);
    const diffs = tarComparator.compare('x.tar', await readFile(join(out, 'a.tar')), await readFile(join(out, 'b.tar')), context());
    expect(diffs.map((d) => [d.path, d.kind, d.summary])).toEqual([
      ['x.tar!/../../evil.sh', 'added', 'member added: ../../evil.sh (2 bytes) (path escapes the archive root)'],
    ]);
  });

  it('stops at the depth cap with a note instead of nesting', async () => {
    const srcA = join(root, 'depth-a');
    const srcB = join(root, 'depth-b');
    await writeFiles(srcA, { 'a.txt': 'one\n' });
    await writeFiles(srcB, { 'a.txt': 'two\n' });
    const a = await readFile(await makeTar(join(root, 'depth-out-a'), 'x.tar', srcA, { mtime: '@0' }));
    const b = await readFile(await makeTar(join(root, 'depth-out-b'), 'x.tar', srcB, { mtime: '@0' }));
    const diffs = tarComparator.compare('x.tar', a, b, context({ ...DEFAULT_LIMITS, maxDepth: 1 }, 1));
    expect(diffs).toEqual([
      expect.objectContaining({
        path: 'x.tar!/./a.txt',
        kind: 'modified',
        summary: './a.txt: content differs (4 → 4 bytes); not expanded: nesting deeper than 1 levels',
        fallback: 'nesting deeper than 1 levels',
      }),
    ]);
  });

  describe('hostile input', () => {
    let whole: Buffer;

    beforeAll(async () => {
      const src = join(root, 'hostile');
      await writeFiles(src, { 'a.txt': 'alpha\n'.repeat(200), 'b.txt': 'beta\n' });
      whole = await readFile(await makeTar(join(root, 'hostile-out'), 'x.tar', src, { sort: true, mtime: '@0' }));
    });

    // Layout: ./ at 0, ./a.txt at 512 (1200 bytes of data from 1024), ./b.txt at 2560.
    it.each([
      ['inside a header', 2560 + 300, /truncated: 300 bytes at offset 2560 are not a whole 512-byte header/],
      ['inside member data', 1024 + 700, /truncated: header at offset 512 declares 1200 bytes of data, but only 700 remain/],
    ])('falls back with a reason for a truncated tar (%s)', (_label, end, reason) => {
      const truncated = whole.subarray(0, end);
      expect(() => tarComparator.compare('x.tar', whole, truncated, context())).toThrow(ComparatorFallback);
      expect(() => tarComparator.compare('x.tar', whole, truncated, context())).toThrow(reason);
      const node = compareFile('x.tar', whole, truncated, COMPARATORS, DEFAULT_LIMITS);
      expect(node.comparator).toBe('binary');
      expect(node.fallback).toMatch(/^tar: cannot read the tar \(after\): truncated/);
    });

    it('falls back for a tar cut to less than one header', () => {
      expect(() => tarComparator.compare('x.tar', whole, whole.subarray(0, 1), context())).toThrow(
        'cannot read the tar (after): truncated: 1 bytes at offset 0 are not a whole 512-byte header',
      );
    });

    it('falls back on a header whose checksum does not match', () => {
      const bad = Buffer.from(whole);
      bad[512] = 0x41;
      expect(() => tarComparator.compare('x.tar', whole, bad, context())).toThrow(
        /cannot read the tar \(after\): header checksum mismatch at offset 512: stored \d+, computed \d+/,
      );
    });

    it('falls back on a size field that claims more data than the archive holds', () => {
      const bad = Buffer.from(whole);
      bad.write('77777777777\0', 512 + 124, 'latin1');
      let sum = 0;
      bad.fill(0x20, 512 + 148, 512 + 156);
      for (let i = 512; i < 1024; i++) sum += bad[i] ?? 0;
      bad.write(`${sum.toString(8).padStart(6, '0')}\0 `, 512 + 148, 'latin1');
      expect(() => tarComparator.compare('x.tar', whole, bad, context())).toThrow(
        /truncated: header at offset 512 declares 8589934591 bytes of data, but only \d+ remain/,
      );
    });

    it('reports only the padding when that is all that differs', () => {
      const padded = Buffer.concat([whole, Buffer.alloc(10240)]);
      expect(fieldsOf(tarComparator.compare('x.tar', whole, padded, context()))).toEqual([['x.tar:tar.end-padding', 'end-padding']]);
    });

    it('never throws anything but a fallback on mutated archives', () => {
      const next = mulberry32(11);
      for (let i = 0; i < 500; i++) {
        const mutated = Buffer.from(whole);
        for (let flips = 1 + (next() % 4); flips > 0; flips--) mutated[next() % 2048] = next() & 0xff;
        try {
          tarComparator.compare('x.tar', whole, mutated, context());
        } catch (error) {
          expect((error as Error).name).toBe('ComparatorFallback');
        }
      }
    });
  });
});
