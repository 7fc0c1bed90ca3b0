/**
 * `ar` archives (issue #10 item 2): static libraries made by binutils' `ar` at test time (with
 * real member times and owners, `U`, and deterministic, `D`), GNU long names, a BSD-format
 * archive written by python3, a thin archive, and a `.deb` built by dpkg-deb.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { classifyCauses } from '../../src/compare/causes.js';
import { verdictOf } from '../../src/compare/compare.js';
import { DEFAULT_COMPARATORS } from '../../src/compare/comparators/index.js';
import { compareFile } from '../../src/compare/registry.js';
import { DEFAULT_LIMITS, type Difference } from '../../src/compare/types.js';
import { removeDir, runTool, tempDir } from '../helpers/toolchain.js';

const EPOCH = 1767225600; // 2026-01-01T00:00:00Z
let work: string;

function at(seconds: number): Date {
  return new Date(seconds * 1000);
}

/** Compiles `name`.c (returning `value`) into `dir`, with the object's mtime pinned to `mtime`. */
async function object(dir: string, name: string, value: number, mtime: number): Promise<string> {
  mkdirSync(dir, { recursive: true });
  const source = join(dir, `${name}.c`);
  writeFileSync(source, `int ${name.replace(/[^a-z]/g, '_')}(void) { return ${value}; }\n`);
  const out = join(dir, `${name}.o`);
  await runTool('gcc', ['-c', '-o', out, `${name}.c`], { cwd: dir });
  utimesSync(out, at(mtime), at(mtime));
  return `${name}.o`;
}

async function library(dir: string, flags: string, objects: string[]): Promise<Buffer> {
  await runTool('ar', [flags, 'lib.a', ...objects], { cwd: dir });
  return readFileSync(join(dir, 'lib.a'));
}

function compare(path: string, a: Buffer, b: Buffer): Difference {
  const root = compareFile(path, a, b, DEFAULT_COMPARATORS, DEFAULT_LIMITS, 0);
  classifyCauses({ path: '', kind: 'modified', summary: '', causes: [], children: [root] });
  return root;
}

function leaves(d: Difference): Difference[] {
  return d.children.length === 0 ? [d] : d.children.flatMap(leaves);
}

const shape = (d: Difference): string[] => leaves(d).map((l) => `${l.path} ${l.causes.map((c) => `${c.id}${c.secondary === true ? '*' : ''}`).join(',')}`);

beforeAll(async () => {
  work = await tempDir('vitsnap-ar-');
}, 30_000);

afterAll(async () => {
  await removeDir(work);
});

describe('static libraries', () => {
  it('ar rcU vs ar rcD: member times, owners and modes, with the deterministic-mode hint', async () => {
    const dir = join(work, 'times');
    const objects = [await object(dir, 'one', 1, EPOCH), await object(dir, 'two', 2, EPOCH)];
    const real = await library(join(work, 'times'), 'rcU', objects);
    execFileSync('rm', [join(dir, 'lib.a')]);
    const deterministic = await library(dir, 'rcD', objects);
    const d = compare('lib.a', real, deterministic);
    expect(d.comparator).toBe('ar');
    const mtime = leaves(d).find((l) => l.path === 'lib.a!/one.o:ar.mtime');
    expect(mtime?.detail).toEqual({ type: 'field', name: 'mtime', before: expect.stringContaining('2026-01-01T00:00:00Z'), after: expect.stringContaining('1970-01-01T00:00:00Z') });
    expect(mtime?.causes).toEqual([expect.objectContaining({ id: 'timestamp', hint: expect.stringContaining('ar rcD') })]);
    // `U` records the builder's uid/gid, `D` zero: they differ only when the tests do not run as root.
    const owners = shape(d).filter((line) => /:ar\.(uid|gid) /.test(line));
    if (process.getuid?.() === 0 && process.getgid?.() === 0) expect(owners).toEqual([]);
    else expect(owners.length).toBeGreaterThan(0);
    expect(owners.every((line) => line.endsWith(' permissions'))).toBe(true);
    expect(shape(d).filter((line) => !owners.includes(line))).toEqual([
      'lib.a!/(symbol table):ar.mtime timestamp',
      'lib.a!/one.o:ar.mtime timestamp',
      'lib.a!/one.o:ar.mode permissions',
      'lib.a!/two.o:ar.mtime timestamp',
      'lib.a!/two.o:ar.mode permissions',
    ]);
    expect(verdictOf({ path: '', kind: 'modified', summary: '', causes: [], children: [d] })).toBe('drift-explained');
  });

  it('a changed member is compared by the ELF comparator inside the archive; the symbol table follows when offsets moved', async () => {
    const a = join(work, 'change-a');
    const b = join(work, 'change-b');
    const before = await library(a, 'rcD', [await object(a, 'first', 1, EPOCH), await object(a, 'a_member_with_a_name_longer_than_fifteen', 2, EPOCH)]);
    // Another body: `first.o` changes size, so the member after it moves.
    mkdirSync(b, { recursive: true });
    writeFileSync(join(b, 'first.c'), 'int first(void) { static volatile int x = 5; return x * 3 + 1; }\n');
    await runTool('gcc', ['-c', '-o', 'first.o', 'first.c'], { cwd: b });
    const after = await library(b, 'rcD', ['first.o', await object(b, 'a_member_with_a_name_longer_than_fifteen', 2, EPOCH)]);
    const d = compare('lib.a', before, after);
    const paths = leaves(d).map((l) => l.path);
    expect(paths.some((p) => p.startsWith('lib.a!/first.o:.text'))).toBe(true);
    // The GNU long name resolves through the // table: that member is unchanged, so it is not listed.
    expect(paths.some((p) => p.includes('a_member_with_a_name_longer_than_fifteen'))).toBe(false);
    const symbols = leaves(d).find((l) => l.path === 'lib.a!/(symbol table)');
    expect(symbols?.consequence?.of).toBe('member offsets in the symbol table');
    // It takes first.o's causes: here a real code change, so it stays unexplained with it.
    expect(symbols?.causes.map((c) => c.id)).toEqual(['content']);
  });

  it('members in another order: the symbol table is decoded, names the same members, and follows the order as secondary', async () => {
    const dir = join(work, 'order');
    const objects = [await object(dir, 'alpha', 1, EPOCH), await object(dir, 'beta_has_a_longer_body', 2, EPOCH)];
    const forward = await library(dir, 'rcD', objects);
    execFileSync('rm', [join(dir, 'lib.a')]);
    const backward = await library(dir, 'rcD', [...objects].reverse());
    const d = compare('lib.a', forward, backward);
    expect(shape(d)).toEqual(['lib.a:ar.order file-order', 'lib.a!/(symbol table) file-order*']);
    const symbols = leaves(d).find((l) => l.path === 'lib.a!/(symbol table)');
    expect(symbols?.consequence).toEqual({
      of: 'member offsets in the symbol table',
      evidence: 'all 2 symbols name the same members on both sides; only the offsets of members that moved differ',
      from: ['lib.a:ar.order'],
    });
    expect(verdictOf({ path: '', kind: 'modified', summary: '', causes: [], children: [d] })).toBe('drift-explained');
  });

  it('a symbol table that names other symbols is content, not a consequence', async () => {
    const a = join(work, 'symbols-a');
    const b = join(work, 'symbols-b');
    const before = await library(a, 'rcD', [await object(a, 'same_size_one', 1, EPOCH)]);
    const after = await library(b, 'rcD', [await object(b, 'same_size_two', 1, EPOCH)]);
    // Other member names: removed + added, and a symbol table that indexes another symbol.
    const d = compare('lib.a', before, after);
    const symbols = leaves(d).find((l) => l.path === 'lib.a!/(symbol table)');
    expect(symbols?.consequence).toBeUndefined();
    expect(symbols?.causes.map((c) => c.id)).toEqual(['content']);
  });

  it('a BSD __.SYMDEF (ranlib entries pointing at member headers) is decoded the same way', () => {
    // Written by python3 as BSD ar lays it out: `#1/NN` names, the index first, offsets of member headers.
    const bsd = (order: string): Buffer =>
      execFileSync('python3', [
        '-c',
        `import sys, struct
order = sys.argv[1].split(",")
bodies = {"a.txt": b"alpha\\n", "b.txt": b"bravo body\\n"}
syms = {"a.txt": b"_alpha", "b.txt": b"_bravo"}
def member(name, data):
    body = name.encode() + data
    h = (b"#1/%d" % len(name)).ljust(16) + b"0".ljust(12) + b"0".ljust(6) + b"0".ljust(6) + b"644".ljust(8) + str(len(body)).encode().ljust(10) + b"\`\\n"
    return h + body + (b"\\n" if len(body) % 2 else b"")
strtab = b"".join(syms[n] + b"\\0" for n in order)
def symdef(offsets):
    ran, pos = b"", 0
    for n in order:
        ran += struct.pack("<II", pos, offsets[n])
        pos += len(syms[n]) + 1
    return struct.pack("<I", len(ran)) + ran + struct.pack("<I", len(strtab)) + strtab
at = 8 + len(member("__.SYMDEF SORTED", symdef({n: 0 for n in order})))
offsets = {}
for n in order:
    offsets[n] = at
    at += len(member(n, bodies[n]))
sys.stdout.buffer.write(b"!<arch>\\n" + member("__.SYMDEF SORTED", symdef(offsets)) + b"".join(member(n, bodies[n]) for n in order))`,
        order,
      ]);
    const d = compare('lib.a', bsd('a.txt,b.txt'), bsd('b.txt,a.txt'));
    expect(shape(d)).toEqual(['lib.a:ar.order file-order', 'lib.a!/__.SYMDEF SORTED file-order*']);
    expect(leaves(d).find((l) => l.path === 'lib.a!/__.SYMDEF SORTED')?.consequence?.evidence).toBe(
      'all 2 symbols name the same members on both sides; only the offsets of members that moved differ',
    );
  });

  it('reads BSD names (#1/NN) and refuses a thin archive with the reason', async () => {
    const dir = join(work, 'bsd');
    mkdirSync(dir, { recursive: true });
    const bsd = (body: string): Buffer =>
      Buffer.from(
        execFileSync('python3', [
          '-c',
          `import sys
name = b"a_long_bsd_member_name.txt"
data = name + sys.argv[1].encode()
header = b"#1/%d" % len(name)
h = header.ljust(16) + b"0".ljust(12) + b"0".ljust(6) + b"0".ljust(6) + b"644".ljust(8) + str(len(data)).encode().ljust(10) + b"\`\\n"
sys.stdout.buffer.write(b"!<arch>\\n" + h + data + (b"\\n" if len(data) % 2 else b""))`,
          body,
        ]),
      );
    const d = compare('lib.a', bsd('hello\n'), bsd('hullo\n'));
    expect(leaves(d).map((l) => l.path)).toEqual(['lib.a!/a_long_bsd_member_name.txt']);
    await object(dir, 'thin', 1, EPOCH);
    await runTool('ar', ['rc', '--thin', 'thin.a', 'thin.o'], { cwd: dir });
    const thin = readFileSync(join(dir, 'thin.a'));
    const fallback = compare('thin.a', thin, Buffer.concat([thin, Buffer.from('\n')]));
    expect(fallback.comparator).toBe('binary');
    expect(fallback.fallback).toMatch(/ar: cannot read the ar archive \(before\): a thin archive \(ar T\): it holds paths to its members/);
  });
});

describe('member names and limits', () => {
  it('a changed member with a GNU long name (// table) is reported under its full name', async () => {
    const long = 'a_member_with_a_name_longer_than_fifteen';
    const a = join(work, 'long-a');
    const b = join(work, 'long-b');
    const before = await library(a, 'rcD', [await object(a, 'brief', 1, EPOCH), await object(a, long, 2, EPOCH)]);
    const after = await library(b, 'rcD', [await object(b, 'brief', 1, EPOCH), await object(b, long, 3, EPOCH)]);
    expect(before.includes(Buffer.from('//'))).toBe(true);
    const d = compare('lib.a', before, after);
    const paths = leaves(d).map((l) => l.path);
    expect(paths.some((p) => p.startsWith(`lib.a!/${long}.o:.text`))).toBe(true);
    expect(paths.some((p) => p.includes('brief.o') || p.includes('!//'))).toBe(false);
  });

  it('two members of the same name (ar q) are compared in turn, not merged', async () => {
    const a = join(work, 'dup-a');
    const b = join(work, 'dup-b');
    const build = async (dir: string, second: number): Promise<Buffer> => {
      mkdirSync(dir, { recursive: true });
      for (const [sub, value] of [['1', 1], ['2', second]] as const) {
        await object(join(dir, sub), 'same', value, EPOCH);
        await runTool('ar', ['qD', 'lib.a', join(sub, 'same.o')], { cwd: dir });
      }
      return readFileSync(join(dir, 'lib.a'));
    };
    const d = compare('lib.a', await build(a, 2), await build(b, 3));
    const paths = leaves(d).map((l) => l.path);
    expect(paths.some((p) => p.startsWith('lib.a!/same.o [#2]:.text'))).toBe(true);
    expect(paths.some((p) => p.startsWith('lib.a!/same.o:'))).toBe(false);
  });

  it('at the nesting limit a changed member is listed, not expanded, and says why', async () => {
    const a = join(work, 'depth-a');
    const b = join(work, 'depth-b');
    const before = await library(a, 'rcD', [await object(a, 'x', 1, EPOCH)]);
    const after = await library(b, 'rcD', [await object(b, 'x', 2, EPOCH)]);
    const root = compareFile('lib.a', before, after, DEFAULT_COMPARATORS, { ...DEFAULT_LIMITS, maxDepth: 0 }, 0);
    expect(root.comparator).toBe('ar');
    const member = root.children.find((c) => c.path === 'lib.a!/x.o');
    expect(member?.children).toEqual([]);
    expect(member?.fallback).toBe('nesting deeper than 0 levels');
  });
});

describe('.deb packages', () => {
  it('compares the outer ar, then the control and data tarballs inside', async () => {
    const build = async (name: string, version: string): Promise<Buffer> => {
      const root = join(work, name);
      mkdirSync(join(root, 'DEBIAN'), { recursive: true });
      mkdirSync(join(root, 'usr', 'share', 'demo'), { recursive: true });
      writeFileSync(join(root, 'DEBIAN', 'control'), `Package: demo\nVersion: ${version}\nArchitecture: all\nMaintainer: Test <t@example.com>\nDescription: demo\n`);
      writeFileSync(join(root, 'usr', 'share', 'demo', 'data.txt'), 'payload\n');
      await runTool('tar', ['--version']); // tar must exist for dpkg-deb
      execFileSync('dpkg-deb', ['--root-owner-group', '-Zgzip', '--build', root, join(work, `${name}.deb`)], { env: { ...process.env, SOURCE_DATE_EPOCH: String(EPOCH) }, stdio: 'pipe' });
      return readFileSync(join(work, `${name}.deb`));
    };
    const d = compare('demo.deb', await build('deb-1', '1.0'), await build('deb-2', '1.1'));
    expect(d.comparator).toBe('ar');
    expect(leaves(d).map((l) => l.path)).toContainEqual(expect.stringMatching(/^demo\.deb!\/control\.tar\.gz!\/control\.tar!\/\.\/control/));
  });

  it('a .deb assembled by ar from debian-binary, control.tar.gz and data.tar.gz: a changed file in data.tar.gz', async () => {
    const build = async (name: string, payload: string): Promise<Buffer> => {
      const dir = join(work, name);
      mkdirSync(join(dir, 'control'), { recursive: true });
      mkdirSync(join(dir, 'data', 'usr', 'share', 'demo'), { recursive: true });
      writeFileSync(join(dir, 'debian-binary'), '2.0\n');
      writeFileSync(join(dir, 'control', 'control'), 'Package: demo\nVersion: 1.0\nArchitecture: all\nMaintainer: Test <t@example.com>\nDescription: demo\n');
      writeFileSync(join(dir, 'data', 'usr', 'share', 'demo', 'data.txt'), payload);
      const pinned = ['--sort=name', `--mtime=@${EPOCH}`, '--owner=0', '--group=0', '--numeric-owner', '--mode=u+rw,go+r,go-w'];
      for (const part of ['control', 'data']) {
        await runTool('tar', ['-c', '-f', `${part}.tar`, ...pinned, '-C', part, '.'], { cwd: dir });
        await runTool('gzip', ['-n', '-9', `${part}.tar`], { cwd: dir });
      }
      for (const file of ['debian-binary', 'control.tar.gz', 'data.tar.gz']) utimesSync(join(dir, file), at(EPOCH), at(EPOCH));
      await runTool('ar', ['rcD', 'demo.deb', 'debian-binary', 'control.tar.gz', 'data.tar.gz'], { cwd: dir });
      return readFileSync(join(dir, 'demo.deb'));
    };
    const d = compare('demo.deb', await build('deb-ar-1', 'payload\n'), await build('deb-ar-2', 'paylode\n'));
    expect(d.comparator).toBe('ar');
    const paths = leaves(d).map((l) => l.path);
    expect(paths).toContainEqual(expect.stringMatching(/^demo\.deb!\/data\.tar\.gz!\/data\.tar!\/\.\/usr\/share\/demo\/data\.txt/));
    expect(paths.some((p) => p.includes('control.tar.gz') || p.includes('debian-binary'))).toBe(false);
  });
});
