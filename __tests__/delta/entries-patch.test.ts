/**
 * A delta's entry list stored as a patch against its parent's (docs/format.md 16, `entriesPatch`):
 * kilobytes where the list is megabytes, read back equal to a full capture's, and typed errors
 * when the parent is missing or wrong, or a full snapshot claims a patched list.
 */
import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileDigest, resolveChain } from '../../src/delta/chain.js';
import { SnapshotReader } from '../../src/snapshot/reader.js';
import { runVitsnap, runVitsnapOk } from '../helpers/cli.js';
import { forgeSnapshot } from '../helpers/forge.js';
import { describeTree } from '../helpers/trees.js';

jest.setTimeout(240_000);

const work = mkdtempSync(join(tmpdir(), 'vitsnap-entries-patch-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const EPOCH = new Date('2024-01-02T03:04:05Z');
const ENV = { ...process.env, SOURCE_DATE_EPOCH: '1700000000', VITSNAP_STORE: join(work, 'no-store'), TZ: 'UTC', LC_ALL: 'C' };
const FILES = 3000;

function write(path: string, text: string): void {
  writeFileSync(path, text, { mode: 0o644 });
  utimesSync(path, EPOCH, EPOCH);
}

/** 3000 small files in 60 directories: an entry list of a few hundred KB. */
function makeTree(dir: string): void {
  for (let i = 0; i < FILES; i++) {
    const sub = join(dir, `pkg-${String(i % 60).padStart(2, '0')}`, 'lib');
    mkdirSync(sub, { recursive: true });
    write(join(sub, `module-${i}.js`), `export const id = ${i};\nexport const name = 'module ${i * 7919}';\n`);
  }
}

const tree = join(work, 'tree');
const parent = join(work, 'a.vitsnap');
const delta = join(work, 'b.vitsnap');
const full = join(work, 'b-full.vitsnap');

beforeAll(async () => {
  makeTree(tree);
  await runVitsnapOk(['create', '-C', tree, '-o', parent, '--no-metadata'], { env: ENV });
  write(join(tree, 'pkg-03', 'lib', 'module-3.js'), 'export const id = 3; // changed\n');
  write(join(tree, 'pkg-10', 'lib', 'module-1990.js'), 'changed too\n');
  write(join(tree, 'pkg-10', 'lib', 'added.js'), 'a new file\n');
  await runVitsnapOk(['create', '-C', tree, '-o', delta, '--no-metadata', '--parent', parent, '--rehash'], { env: ENV });
  await runVitsnapOk(['create', '-C', tree, '-o', full, '--no-metadata'], { env: ENV });
}, 600_000);

describe('a delta\'s entry list against its parent\'s', () => {
  it('is a small fraction of the parent\'s list and reads back equal to a full capture\'s', async () => {
    const top = SnapshotReader.open(delta);
    const whole = SnapshotReader.open(full);
    const base = SnapshotReader.open(parent);
    try {
      resolveChain(top, { candidates: [parent] });
      expect(top.summary.entriesPatch).toBe(true);
      expect(whole.summary.entriesPatch).toBeUndefined();
      // Three paths changed among 3001: the list costs a few hundred bytes, not its full size.
      expect(top.trailer.entriesStoredLength * 20).toBeLessThan(base.trailer.entriesStoredLength);
      // The same list as a full capture's, but for how the delta stores the changed files.
      const withoutPatches = top.manifest.entries.map((e) => (e.type === 'file' ? { ...e, patches: undefined } : e));
      expect(withoutPatches).toEqual(whole.manifest.entries);
      expect(top.manifest.entries.filter((e) => e.type === 'file' && e.patches !== undefined).length).toBeGreaterThan(0);
    } finally {
      top.close();
      whole.close();
      base.close();
    }
    const out = join(work, 'restored');
    await runVitsnapOk(['restore', delta, '-C', out], { env: ENV });
    expect(describeTree(out)).toEqual(describeTree(tree));
    // Flattening drops the patch: the full snapshot again, byte for byte.
    const flat = join(work, 'flat.vitsnap');
    await runVitsnapOk(['flatten', delta, '-o', flat], { env: ENV });
    expect(fileDigest(flat)).toBe(fileDigest(full));
  });

  it('needs the parent to list the files: info still works without it, export names the digest', async () => {
    const lone = join(work, 'lone');
    mkdirSync(lone, { recursive: true });
    copyFileSync(delta, join(lone, 'b.vitsnap'));
    const info = await runVitsnap(['info', join(lone, 'b.vitsnap')], { env: ENV });
    expect(info.code).toBe(0);
    expect(info.stdout).toContain(`parent     sha256:${fileDigest(parent)}`);
    const exported = await runVitsnap(['export', join(lone, 'b.vitsnap')], { env: ENV });
    expect(exported.code).toBe(2);
    expect(exported.stderr).toContain('E_PARENT');
    expect(exported.stderr).toContain(`sha256:${fileDigest(parent)}`);
    expect(exported.stdout).toBe('');
    const withParent = await runVitsnap(['export', join(lone, 'b.vitsnap'), '--parent', parent], { env: ENV });
    expect(withParent.code).toBe(0);
  });

  it('refuses a wrong base with E_CORRUPT, never a wrong list', () => {
    const top = SnapshotReader.open(delta);
    try {
      // A loader handing over another snapshot (the full capture of the same tree): its list is
      // not the one the patch was made against.
      top.parentLoader = () => SnapshotReader.open(full);
      expect(() => top.manifest).toThrow(expect.objectContaining({ code: 'E_CORRUPT' }));
    } finally {
      top.close();
    }
  });

  it('is refused in a full snapshot (E_MANIFEST)', async () => {
    const forged = join(work, 'forged.vitsnap');
    forgeSnapshot(forged, [{ path: 'a.txt', type: 'file', content: 'x' }], (m) => {
      m.entriesPatch = true;
    });
    const r = await runVitsnap(['info', forged], { env: ENV });
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('E_MANIFEST');
    expect(r.stderr).toContain('entriesPatch');
  });
});
