/**
 * Delta snapshots end to end: real builds (gcc, javac/jar, tar+gzip) changed a little, chains of
 * three layers, flatten and merge, damaged and missing parents, and a property test over random
 * trees and edits.
 */
import { afterAll, describe, expect, it, jest } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { fileDigest, resolveChain } from '../../src/delta/chain.js';
import { captureSnapshot } from '../../src/snapshot/capture.js';
import { SnapshotReader } from '../../src/snapshot/reader.js';
import { restoreSnapshot } from '../../src/snapshot/restore.js';
import { parseJsonOutput, runVitsnap, runVitsnapOk } from '../helpers/cli.js';
import { describeTree, seededBytes } from '../helpers/trees.js';

jest.setTimeout(240_000);

const work = mkdtempSync(join(tmpdir(), 'vitsnap-delta-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const EPOCH = new Date('2024-01-02T03:04:05Z');
const ENV = { ...process.env, SOURCE_DATE_EPOCH: '1700000000', VITSNAP_STORE: join(work, 'no-store'), TZ: 'UTC', LC_ALL: 'C' };

function pin(path: string): void {
  utimesSync(path, EPOCH, EPOCH);
}

/** A C program, a jar and a tar.gz built by the real tools from sources that differ by `variant`. */
function realBuild(dir: string, variant: number): void {
  const src = join(dir, '..', `${dir.split('/').pop() ?? 'b'}-src`);
  mkdirSync(join(src, 'demo'), { recursive: true });
  mkdirSync(join(dir, 'bin'), { recursive: true });
  writeFileSync(join(src, 'main.c'), `#include <stdio.h>\nstatic const char *names[] = {"alpha", "beta", "gamma"};\nint main(void) { for (int i = 0; i < 3; i++) printf("%s %d\\n", names[i], ${40 + variant}); return 0; }\n`);
  execFileSync('gcc', ['-O2', '-g', '-fdebug-prefix-map=' + src + '=.', '-o', join(dir, 'bin', 'app'), 'main.c'], { cwd: src });
  writeFileSync(join(src, 'demo', 'Main.java'), `package demo;\npublic class Main { public static void main(String[] a) { System.out.println("v${variant}"); } }\n`);
  execFileSync('javac', ['-d', join(src, 'classes'), join(src, 'demo', 'Main.java')]);
  execFileSync('find', [join(src, 'classes'), '-exec', 'touch', '-d', '@1700000000', '{}', '+']);
  execFileSync('jar', ['cf', join(dir, 'app.jar'), '-C', join(src, 'classes'), '.']);
  const docs = join(src, 'docs');
  mkdirSync(docs, { recursive: true });
  writeFileSync(join(docs, 'README.txt'), `release notes, build ${variant}\n${'lorem ipsum dolor sit amet\n'.repeat(200)}`);
  execFileSync('tar', ['--sort=name', '--mtime=@1700000000', '--owner=0', '--group=0', '--numeric-owner', '-I', 'gzip -n', '-cf', join(dir, 'docs.tar.gz'), '-C', src, 'docs'], {});
  // A large binary (chunked) of which a few bytes change, as a rebuilt library's would.
  const big = seededBytes(5 * 1024 * 1024, 99, false);
  big.writeUInt32LE(variant, 3 * 1024 * 1024 + 17);
  writeFileSync(join(dir, 'libbig.so'), big);
  writeFileSync(join(dir, 'unchanged.txt'), 'the same in every build\n');
  for (const f of ['bin/app', 'app.jar', 'docs.tar.gz', 'libbig.so', 'unchanged.txt']) pin(join(dir, f));
}

async function capture(dir: string, output: string, parent?: string): Promise<void> {
  const args = ['create', '-C', dir, '-o', output, '--no-metadata', ...(parent === undefined ? [] : ['--parent', parent])];
  await runVitsnapOk(args, { env: ENV });
}

interface ExportedEntry {
  path: string;
  sha256: string;
  patches?: { chunk: string; patch: string; base: string }[];
}

async function exported(file: string): Promise<{ parent: string | null; depth?: number; entries: ExportedEntry[] }> {
  return parseJsonOutput(await runVitsnapOk(['export', file], { env: ENV })) as { parent: string | null; depth?: number; entries: ExportedEntry[] };
}

describe('delta snapshots of real builds', () => {
  const dir = join(work, 'real');
  const builds = [0, 1, 2].map((v) => join(dir, `build${v}`));
  const files = [0, 1, 2].map((v) => join(dir, `b${v}.vitsnap`));

  it('stores a rebuilt gcc binary, jar and tar.gz as patches a fraction of the full size, and restores them exactly', async () => {
    mkdirSync(dir, { recursive: true });
    builds.forEach((b, v) => realBuild(b, v));
    await capture(builds[0] as string, files[0] as string);
    await capture(builds[1] as string, files[1] as string, files[0]);
    const full = join(dir, 'b1-full.vitsnap');
    await capture(builds[1] as string, full);
    const deltaSize = statSync(files[1] as string).size;
    // libbig.so alone is 5 MiB of incompressible bytes: the delta keeps a few KiB of it.
    expect(deltaSize).toBeLessThan(statSync(full).size / 50);
    const manifest = await exported(files[1] as string);
    expect(manifest.parent).toBe(fileDigest(files[0] as string));
    expect(manifest.depth).toBe(1);
    const patched = manifest.entries.filter((e) => e.patches !== undefined).map((e) => e.path);
    expect(patched).toEqual(expect.arrayContaining(['bin/app', 'libbig.so']));
    // The unchanged file is not stored at all: it has no patch, and the delta has no chunk for it.
    expect(patched).not.toContain('unchanged.txt');
    const out = join(dir, 'restored1');
    await runVitsnapOk(['restore', files[1] as string, '-C', out], { env: ENV });
    expect(describeTree(out)).toEqual(describeTree(builds[1] as string));
    const verified = await runVitsnapOk(['verify', files[1] as string], { env: ENV });
    expect(verified.stdout).toMatch(/verified, and its 1 parent layer/);
  });

  it('restores, verifies, shows, flattens and merges a three-layer chain', async () => {
    await capture(builds[2] as string, files[2] as string, files[1]);
    const info = await runVitsnapOk(['info', files[2] as string], { env: ENV });
    expect(info.stdout).toMatch(/chain {6}b0\.vitsnap .* ← b1\.vitsnap .* ← b2\.vitsnap .* \(3 layers, /);
    const out = join(dir, 'restored2');
    await runVitsnapOk(['restore', files[2] as string, '-C', out], { env: ENV });
    expect(describeTree(out)).toEqual(describeTree(builds[2] as string));
    await runVitsnapOk(['verify', files[2] as string], { env: ENV });

    // flatten gives the very file a full capture of the same tree gives.
    const flat = join(dir, 'flat.vitsnap');
    const full = join(dir, 'b2-full.vitsnap');
    await runVitsnapOk(['flatten', files[2] as string, '-o', flat], { env: ENV });
    await capture(builds[2] as string, full);
    expect(readFileSync(flat).equals(readFileSync(full))).toBe(true);

    // merge folds both deltas into one on the base; restoring it equals restoring the chain.
    const merged = join(dir, 'merged.vitsnap');
    const result = parseJsonOutput(await runVitsnapOk(['merge', files[2] as string, '-o', merged, '--json'], { env: ENV })) as { depth: number; folded: number; parent: string };
    expect(result).toMatchObject({ depth: 1, folded: 2, parent: fileDigest(files[0] as string) });
    const viaMerge = join(dir, 'restored-merged');
    await runVitsnapOk(['restore', merged, '-C', viaMerge], { env: ENV });
    expect(describeTree(viaMerge)).toEqual(describeTree(out));
    // Only the top layer folded: a delta on b1.
    const top = join(dir, 'merged-top.vitsnap');
    const one = parseJsonOutput(await runVitsnapOk(['merge', files[2] as string, '-o', top, '--layers', '1', '--json'], { env: ENV })) as { depth: number; parent: string };
    expect(one).toMatchObject({ depth: 2, parent: fileDigest(files[1] as string) });
  });

  it('names the missing parent, refuses a wrong one, and stops at the depth limit', async () => {
    const lone = join(work, 'lone');
    mkdirSync(lone, { recursive: true });
    copyFileSync(files[2] as string, join(lone, 'b2.vitsnap'));
    const missing = await runVitsnap(['restore', join(lone, 'b2.vitsnap'), '-C', join(lone, 'out')], { env: ENV });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('E_PARENT');
    expect(missing.stderr).toContain(`sha256:${fileDigest(files[1] as string)}`);
    expect(missing.stderr).toContain('b1.vitsnap');

    // A file with the parent's name but other content is not taken for it.
    copyFileSync(files[0] as string, join(lone, 'b1.vitsnap'));
    const wrong = await runVitsnap(['verify', join(lone, 'b2.vitsnap')], { env: ENV });
    expect(wrong.stderr).toContain('E_PARENT');

    // --parent points at the real files elsewhere.
    const found = await runVitsnap(['verify', join(lone, 'b2.vitsnap'), '--parent', files[1] as string, '--parent', files[0] as string], { env: ENV });
    expect(found.code).toBe(0);

    const deep = await runVitsnap(['restore', files[2] as string, '-C', join(lone, 'deep'), '--max-depth', '1'], { env: ENV });
    expect(deep.code).toBe(2);
    expect(deep.stderr).toContain('E_CHAIN');
    expect(deep.stderr).toContain('vitsnap flatten');
  });

  it('fails with a typed error, writing nothing, when a middle layer is damaged', async () => {
    const bad = join(work, 'bad');
    mkdirSync(bad, { recursive: true });
    for (const f of files) copyFileSync(f, join(bad, f.split('/').pop() ?? ''));
    // Flip a byte in b1's block area (its patches): its digest no longer matches what b2 names.
    const middle = join(bad, 'b1.vitsnap');
    const bytes = readFileSync(middle);
    bytes[40] = (bytes[40] ?? 0) ^ 0xff;
    writeFileSync(middle, bytes);
    const r = await runVitsnap(['restore', join(bad, 'b2.vitsnap'), '-C', join(bad, 'out')], { env: ENV });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/E_PARENT/);
    expect(() => statSync(join(bad, 'out', 'libbig.so'))).toThrow();
    // Given explicitly and digest-checked the same way: still refused.
    const explicit = await runVitsnap(['verify', join(bad, 'b2.vitsnap'), '--parent', middle], { env: ENV });
    expect(explicit.code).toBe(2);
    // The damaged middle layer itself, checked on its own, says where the damage is.
    const own = await runVitsnap(['verify', middle], { env: ENV });
    expect(own.stderr).toMatch(/E_CHECKSUM|E_CORRUPT/);
  });
});

describe('delta snapshots: threads', () => {
  it('captures a delta right when a stat cache leaves more than the inline limit to read', async () => {
    // With an earlier capture's records, a delta's threads wait for the walk: here 24 MiB of new
    // bytes (over the 16 MiB inline limit) must still be hashed and packed by them.
    const dir = join(work, 'threads');
    const tree = join(dir, 'tree');
    mkdirSync(tree, { recursive: true });
    writeFileSync(join(tree, 'kept.bin'), seededBytes(1024 * 1024, 7, false));
    pin(join(tree, 'kept.bin'));
    await capture(tree, join(dir, 'a.vitsnap'));
    for (let i = 0; i < 3; i++) {
      writeFileSync(join(tree, `new-${i}.bin`), seededBytes(8 * 1024 * 1024, 100 + i, false));
      pin(join(tree, `new-${i}.bin`));
    }
    const r = await runVitsnapOk(['create', '-C', tree, '-o', join(dir, 'b.vitsnap'), '--no-metadata', '--parent', join(dir, 'a.vitsnap'), '--json'], { env: ENV });
    const made = parseJsonOutput(r) as { reused: number; delta: { inherited: number } };
    expect(made.reused).toBe(1);
    expect(made.delta.inherited).toBeGreaterThan(0);
    const out = join(dir, 'out');
    await runVitsnapOk(['restore', join(dir, 'b.vitsnap'), '-C', out], { env: ENV });
    expect(describeTree(out)).toEqual(describeTree(tree));
  });
});

describe('delta snapshots: property', () => {
  it('restore(delta(parent, child)) == child for random trees and random edits', async () => {
    const root = join(work, 'prop');
    let round = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ size: fc.oneof(fc.nat(3000), fc.integer({ min: 2 * 1024 * 1024 + 1, max: 3 * 1024 * 1024 })), seed: fc.nat(), text: fc.boolean() }), { minLength: 1, maxLength: 6 }),
        fc.array(fc.record({ file: fc.nat(), op: fc.constantFrom('flip', 'insert', 'truncate', 'delete', 'rename', 'add'), at: fc.double({ min: 0, max: 1, noNaN: true }), seed: fc.nat() }), { maxLength: 5 }),
        async (specs, edits) => {
          const dir = join(root, `r${round++}`);
          const parentDir = join(dir, 'parent');
          mkdirSync(parentDir, { recursive: true });
          specs.forEach((s, i) => writeFileSync(join(parentDir, `f${i}`), seededBytes(s.size, s.seed, s.text)));
          const parentFile = join(dir, 'parent.vitsnap');
          await captureSnapshot({ root: parentDir, patterns: [], output: parentFile, workers: 0, metadata: null });
          const childDir = join(dir, 'child');
          execFileSync('cp', ['-a', parentDir, childDir]);
          for (const edit of edits) applyEdit(childDir, specs.length, edit);
          const parent = SnapshotReader.open(parentFile);
          const childFile = join(dir, 'child.vitsnap');
          try {
            await captureSnapshot({ root: childDir, patterns: [], output: childFile, workers: 0, metadata: null, allowEmpty: true, parent: { reader: parent, digest: fileDigest(parentFile), ref: 'parent.vitsnap' } });
          } finally {
            parent.close();
          }
          const child = SnapshotReader.open(childFile);
          try {
            resolveChain(child);
            child.verify();
            await restoreSnapshot(child, join(dir, 'out'), { limits: { allowExpand: true } });
          } finally {
            child.close();
          }
          expect(describeTree(join(dir, 'out'))).toEqual(describeTree(childDir));
          rmSync(dir, { recursive: true, force: true });
        },
      ),
      { numRuns: 25, seed: 1205 },
    );
  });
});

function applyEdit(dir: string, count: number, edit: { file: number; op: string; at: number; seed: number }): void {
  const path = join(dir, `f${edit.file % count}`);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch {
    return; // deleted or renamed by an earlier edit
  }
  const at = Math.floor(edit.at * bytes.length);
  switch (edit.op) {
    case 'flip':
      if (bytes.length > 0) bytes[Math.min(at, bytes.length - 1)] ^= 0x5a;
      writeFileSync(path, bytes);
      break;
    case 'insert':
      writeFileSync(path, Buffer.concat([bytes.subarray(0, at), seededBytes(1 + (edit.seed % 5000), edit.seed, false), bytes.subarray(at)]));
      break;
    case 'truncate':
      writeFileSync(path, bytes.subarray(0, at));
      break;
    case 'delete':
      rmSync(path);
      break;
    case 'rename':
      writeFileSync(join(dir, `renamed-${edit.seed}`), bytes);
      rmSync(path);
      break;
    case 'add':
      writeFileSync(join(dir, `new-${edit.seed}`), seededBytes(edit.seed % 4000, edit.seed, true));
      break;
  }
}
