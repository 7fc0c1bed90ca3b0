/**
 * Opening the sides of a diff (src/compare/sources.ts, snapshot-side.ts, path-prefix.ts) and what
 * the report says about what it did not compare or read: special files and names that are not
 * UTF-8 are never silently equal, a damaged snapshot fails at open naming its side, unread block
 * contents are said, a path prefix one side lacks is pointed out, and a FIFO argument fails fast.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readdirSync, readSync, writeFileSync, writeSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { join } from 'node:path';
import { classifyCauses } from '../../src/compare/causes.js';
import { compareSources, type CompareResult } from '../../src/compare/compare.js';
import { DEFAULT_COMPARATORS } from '../../src/compare/comparators/index.js';
import { openSides, type OpenOptions } from '../../src/compare/sources.js';
import { captureSnapshot } from '../../src/snapshot/capture.js';
import { SnapshotReader } from '../../src/snapshot/reader.js';
import { runVitsnap } from '../helpers/cli.js';
import { removeDir, tempDir } from '../helpers/toolchain.js';

let work: string;
const servers: Server[] = [];

function write(path: string, content: string | Buffer): void {
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, content);
}

/** A small tree, the same on every side, for variants to differ from. */
function baseTree(root: string): void {
  write(join(root, 'same.txt'), 'same\n');
  write(join(root, 'sub/also.txt'), 'also the same\n');
}

function rawPath(dir: string, name: Buffer): Buffer {
  return Buffer.concat([Buffer.from(`${dir}/`), name]);
}

function listen(path: string): Promise<void> {
  const server = createServer();
  servers.push(server);
  return new Promise((resolve) => server.listen(path, resolve));
}

async function compare(before: string, after: string, options: Partial<OpenOptions> = {}): Promise<CompareResult> {
  const sides = await openSides(before, after, { cwd: work, ...options });
  try {
    return await compareSources(sides, { comparators: DEFAULT_COMPARATORS, classify: classifyCauses });
  } finally {
    await sides.close();
  }
}

const shape = (r: CompareResult): string[] => r.root.children.map((d) => `${d.kind} ${d.path}: ${d.summary}`);
const asRoot = process.getuid?.() === 0 ? it : it.skip;

beforeAll(async () => {
  work = await tempDir('vitsnap-sources-');
  for (const side of ['base', 'fifo', 'socket', 'device', 'badname', 'typed', 'badname-b']) baseTree(join(work, side));
  execFileSync('mkfifo', [join(work, 'fifo', 'pipe')]);
  await listen(join(work, 'socket', 'sub', 'control.sock'));
  if (process.getuid?.() === 0) execFileSync('mknod', [join(work, 'device', 'null'), 'c', '1', '3']);
  writeFileSync(rawPath(join(work, 'badname'), Buffer.from([0x78, 0xff])), 'x');
  writeFileSync(rawPath(join(work, 'badname-b'), Buffer.from([0x78, 0xfe])), 'x');
  // `same.txt` is a file on one side and a FIFO on the other.
  execFileSync('rm', [join(work, 'typed', 'same.txt')]);
  execFileSync('mkfifo', [join(work, 'typed', 'same.txt')]);
  await captureSnapshot({ root: join(work, 'base'), patterns: [], output: join(work, 'base.vitsnap'), metadata: null });
}, 60_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  await removeDir(work);
});

describe('what capture leaves out is never silently equal', () => {
  it('reports a FIFO, a socket and a type change as entries of their type', async () => {
    expect(shape(await compare('fifo', 'base'))).toEqual(['removed pipe: removed (fifo)']);
    expect(shape(await compare('base', 'socket'))).toEqual(['added sub/control.sock: added (socket)']);
    expect(shape(await compare('base', 'typed'))).toEqual(['type same.txt: file → fifo']);
    for (const r of [await compare('fifo', 'base'), await compare('base', 'socket'), await compare('base', 'typed')]) {
      expect(r.verdict).toBe('drift-unexplained');
    }
  });

  asRoot('reports a device node with its numbers', async () => {
    expect(shape(await compare('base', 'device'))).toEqual(['added null: added (character device 1,3)']);
  });

  it('reports the same against a snapshot, which can hold none of them', async () => {
    expect(shape(await compare('base.vitsnap', 'socket'))).toEqual(['added sub/control.sock: added (socket)']);
    expect(shape(await compare('fifo', 'base.vitsnap'))).toEqual(['removed pipe: removed (fifo)']);
    expect(shape(await compare('base.vitsnap', 'typed'))).toEqual(['type same.txt: file → fifo']);
  });

  it('reports names that are not valid UTF-8 as not compared, by escaped name, and the verdict is not identical', async () => {
    for (const [before, after] of [['base', 'badname'], ['base.vitsnap', 'badname'], ['badname', 'badname-b']]) {
      const r = await compare(before as string, after as string);
      expect(r.verdict).toBe('drift-unexplained');
      expect(r.root.summary).toMatch(/not compared/);
      expect(r.notes?.some((n) => n.includes('not compared'))).toBe(true);
    }
    // Two names that decode alike (U+FFFD) stay two entries.
    expect((await compare('badname', 'badname-b')).notCompared).toEqual([
      { path: 'x\\xfe', side: 'after', reason: 'name is not valid UTF-8' },
      { path: 'x\\xff', side: 'before', reason: 'name is not valid UTF-8' },
    ]);
    expect((await compare('badname', 'badname')).notCompared).toEqual([{ path: 'x\\xff', side: 'both', reason: 'name is not valid UTF-8' }]);
  });

  it('exits 1 through the CLI for each of them', async () => {
    const pairs = [['fifo', 'base'], ['base', 'socket'], ['base', 'badname'], ['base.vitsnap', 'typed']];
    if (process.getuid?.() === 0) pairs.push(['base', 'device']);
    for (const [before, after] of pairs) {
      const r = await runVitsnap(['diff', before as string, after as string, '-q'], { cwd: work });
      expect([before, after, r.code, r.stdout]).toEqual([before, after, 1, expect.stringMatching(/^verdict: drift-unexplained/)]);
    }
  }, 120_000);
});

describe('opening the sides', () => {
  it('fails fast on a FIFO argument instead of blocking in open()', async () => {
    execFileSync('mkfifo', [join(work, 'arg-pipe')]);
    const r = await runVitsnap(['diff', 'arg-pipe', 'base'], { cwd: work, timeoutMs: 30_000 });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('vitsnap: error E_INPUT: BEFORE arg-pipe: not a regular file or a directory (a FIFO, socket or device); pass a .vitsnap file or a directory\n');
  }, 60_000);

  it('names the side whose file is not a snapshot', async () => {
    writeFileSync(join(work, 'main.vitsnap'), 'not a snapshot at all, just text that is long enough\n'.repeat(4));
    await expect(openSides('main.vitsnap', 'base', { cwd: work })).rejects.toMatchObject({ code: 'E_BAD_MAGIC', message: expect.stringMatching(/^BEFORE main\.vitsnap: not a \.vitsnap file/) });
    await expect(openSides('base', 'main.vitsnap', { cwd: work })).rejects.toMatchObject({ code: 'E_BAD_MAGIC', message: expect.stringMatching(/^AFTER main\.vitsnap: /) });
    await expect(openSides('base', 'missing', { cwd: work })).rejects.toMatchObject({ code: 'E_NOT_FOUND', message: expect.stringMatching(/^AFTER missing: /) });
  });
});

/** Flips one byte of `file` at `offset`. */
function flipByte(file: string, offset: number): void {
  const fd = openSync(file, 'r+');
  try {
    const b = Buffer.alloc(1);
    readSync(fd, b, 0, 1, offset);
    b[0] = (b[0] as number) ^ 0xff;
    writeSync(fd, b, 0, 1, offset);
  } finally {
    closeSync(fd);
  }
}

describe('a damaged snapshot', () => {
  it('says that block contents were not read when digests matched, so a bad block is not vouched for', async () => {
    execFileSync('cp', [join(work, 'base.vitsnap'), join(work, 'bad-block.vitsnap')]);
    const reader = SnapshotReader.open(join(work, 'bad-block.vitsnap'));
    const block = reader.loadIndex().blocks[0];
    reader.close();
    if (block === undefined) throw new Error('the base snapshot has no block');
    flipByte(join(work, 'bad-block.vitsnap'), block.offset + Math.floor(block.storedLength / 2));
    expect(() => SnapshotReader.open(join(work, 'bad-block.vitsnap')).verify()).toThrow(/checksum mismatch/);
    const r = await compare('base', 'bad-block.vitsnap');
    expect(r.verdict).toBe('identical');
    expect(r.verification).toMatchObject({ blocksRead: 0, blocksTotal: 1, filesNotRead: 2 });
    expect(r.notes).toContain(
      'block contents of 2 unchanged files were not read (bad-block.vitsnap: 0 of 1 blocks read); run `vitsnap verify bad-block.vitsnap` to check them',
    );
    const cli = await runVitsnap(['diff', 'base', 'bad-block.vitsnap'], { cwd: work });
    expect(cli.stdout).toMatch(/^note: block contents of 2 unchanged files were not read/m);
  }, 60_000);

  it('fails at open with E_CHECKSUM naming the side when the index is damaged', async () => {
    execFileSync('cp', [join(work, 'base.vitsnap'), join(work, 'bad-index.vitsnap')]);
    const reader = SnapshotReader.open(join(work, 'bad-index.vitsnap'));
    const { indexOffset } = reader.trailer;
    reader.close();
    flipByte(join(work, 'bad-index.vitsnap'), indexOffset + 4);
    await expect(openSides('base', 'bad-index.vitsnap', { cwd: work })).rejects.toMatchObject({
      code: 'E_CHECKSUM',
      message: expect.stringMatching(/^AFTER bad-index\.vitsnap: .*index checksum mismatch/),
    });
  });
});

describe('report files', () => {
  it('refuses a report into a missing directory before comparing anything, without a stack', async () => {
    // The sides do not exist either: the report path is checked first.
    const r = await runVitsnap(['diff', 'no-such-a', 'no-such-b', '--html', '/nonexistent-dir/r.html'], { cwd: work });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('vitsnap: error E_NOT_FOUND: --html /nonexistent-dir/r.html: directory /nonexistent-dir does not exist; create it or write the report elsewhere\n');
  }, 60_000);

  it('refuses a directory where nothing can be created, naming the option and the path', async () => {
    const r = await runVitsnap(['diff', 'no-such-a', 'no-such-b', '--output', '/proc/vitsnap-report.json'], { cwd: work });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^vitsnap: error E_(IO|NOT_FOUND): --output: cannot create \/proc\/vitsnap-report\.json: /);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  }, 60_000);

  it('writes the reports whole, leaving no temp file', async () => {
    mkdirSync(join(work, 'reports'));
    const r = await runVitsnap(['diff', 'base', 'fifo', '-q', '--html', 'reports/r.html', '--output', 'reports/r.json'], { cwd: work });
    expect(r.code).toBe(1);
    expect(readdirSync(join(work, 'reports')).sort()).toEqual(['r.html', 'r.json']);
  }, 60_000);
});

describe('path prefixes', () => {
  beforeAll(async () => {
    baseTree(join(work, 'proj', 'build'));
    write(join(work, 'proj', 'src', 'main.c'), 'int main(void) { return 0; }\n');
    await captureSnapshot({ root: join(work, 'proj'), patterns: ['build/**'], output: join(work, 'main.vitsnap'), metadata: null });
  }, 60_000);

  it("points out a snapshot made with 'build/**' compared with build/, and the fix", async () => {
    const r = await compare('main.vitsnap', 'proj/build');
    expect(r.notes).toContain(
      'the paths of BEFORE main.vitsnap start with build/ and those of AFTER proj/build do not, so files may show as removed and added; ' +
        'pass --strip-prefix build/ (or diff against the directory that holds build/)',
    );
    expect((await compare('proj/build', 'main.vitsnap')).notes?.[0]).toMatch(/^the paths of AFTER main\.vitsnap start with build\//);
    expect((await compare('base', 'base.vitsnap')).notes?.some((n) => n.includes('--strip-prefix'))).toBe(false);
  });

  it('--strip-prefix lines the sides up: the snapshot loses build/, a directory that holds build/ is read from there', async () => {
    const stripped = await compare('main.vitsnap', 'proj/build', { stripPrefix: 'build/' });
    expect(stripped.verdict).toBe('identical');
    const parent = await compare('main.vitsnap', 'proj', { stripPrefix: 'build' });
    expect(parent.verdict).toBe('identical');
    expect(parent.notes).toContain('--strip-prefix build/: AFTER proj is compared from proj/build/');
    const cli = await runVitsnap(['diff', 'main.vitsnap', 'proj/build/', '--strip-prefix', 'build/', '-q'], { cwd: work });
    expect([cli.code, cli.stdout]).toEqual([0, 'verdict: identical\n']);
  }, 60_000);

  it('refuses a prefix that could leave a side', async () => {
    await expect(openSides('base', 'base', { cwd: work, stripPrefix: '../x' })).rejects.toMatchObject({ code: 'E_USAGE' });
  });
});
