import { afterAll, describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compileGlobs } from '../../src/snapshot/globs.js';
import { SnapshotReader } from '../../src/snapshot/reader.js';
import { restoreSnapshot } from '../../src/snapshot/restore.js';
import { forgeSnapshot, type ForgedEntry } from '../helpers/forge.js';

const work = mkdtempSync(join(tmpdir(), 'vitsnap-hostile-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

let n = 0;
function forge(entries: ForgedEntry[]): string {
  const file = join(work, `hostile-${n++}.vitsnap`);
  forgeSnapshot(file, entries);
  return file;
}

/** Runs a restore into a fresh target inside a fresh sandbox; returns the error code (or 'ok') and the sandbox. */
async function restoreInSandbox(file: string, prepare?: (target: string) => void): Promise<{ code: string; sandbox: string; target: string }> {
  const sandbox = join(work, `sandbox-${n++}`);
  const target = join(sandbox, 'target');
  mkdirSync(target, { recursive: true });
  prepare?.(target);
  let reader: SnapshotReader | undefined;
  try {
    reader = SnapshotReader.open(file);
    // A prepared target is not empty: only --force restores into it.
    await restoreSnapshot(reader, target, { force: prepare !== undefined });
    return { code: 'ok', sandbox, target };
  } catch (error) {
    return { code: (error as { code?: string }).code ?? String(error), sandbox, target };
  } finally {
    reader?.close();
  }
}

/** Everything in the sandbox outside the target directory. */
function outsideTarget(sandbox: string): string[] {
  return readdirSync(sandbox).filter((name) => name !== 'target');
}

describe('restore refuses hostile snapshots', () => {
  it.each([
    ['a parent-directory entry', [{ path: '../x', type: 'file', content: 'pwned' }]],
    ['an absolute path', [{ path: '/etc/x', type: 'file', content: 'pwned' }]],
    ['a path that climbs out midway', [{ path: 'a/../../x', type: 'file', content: 'pwned' }]],
    ['a backslash climb', [{ path: 'a\\..\\..\\x', type: 'file', content: 'pwned' }]],
    ['a dot segment', [{ path: './x', type: 'file', content: 'x' }]],
    ['an empty segment', [{ path: 'a//x', type: 'file', content: 'x' }]],
    ['an over-long name', [{ path: 'n'.repeat(300), type: 'file', content: 'x' }]],
    ['an over-long path', [{ path: Array.from({ length: 40 }, () => 'd'.repeat(120)).join('/'), type: 'file', content: 'x' }]],
    ['duplicate paths', [{ path: 'x', type: 'file', content: 'one' }, { path: 'x', type: 'file', content: 'two' }]],
    ['unsorted entries', [{ path: 'b', type: 'file', content: 'b' }, { path: 'a', type: 'file', content: 'a' }]],
    ['a NUL in a name', [{ path: 'a\0b', type: 'file', content: 'x' }]],
  ] as [string, ForgedEntry[]][])('%s is rejected before anything is written', async (_what, entries) => {
    const { code, sandbox, target } = await restoreInSandbox(forge(entries));
    expect(code).toBe('E_MANIFEST');
    expect(readdirSync(target)).toEqual([]);
    expect(outsideTarget(sandbox)).toEqual([]);
  });

  it('refuses to write through a symlink planted by the snapshot (d -> outside, then d/x)', async () => {
    const outside = join(work, 'outside-dir');
    mkdirSync(outside, { recursive: true });
    const file = forge([
      { path: 'd', type: 'symlink', target: outside },
      { path: 'd/x', type: 'file', content: 'pwned' },
    ]);
    const { code } = await restoreInSandbox(file);
    expect(code).toBe('E_UNSAFE_PATH');
    expect(readdirSync(outside)).toEqual([]);
  });

  it('refuses a symlink to / followed by a file under it', async () => {
    const { code, sandbox } = await restoreInSandbox(
      forge([
        { path: 'd', type: 'symlink', target: '/' },
        { path: 'd/tmp/vitsnap-should-not-exist', type: 'file', content: 'pwned' },
      ]),
    );
    expect(code).toBe('E_UNSAFE_PATH');
    expect(existsSync('/tmp/vitsnap-should-not-exist')).toBe(false);
    expect(outsideTarget(sandbox)).toEqual([]);
  });

  it('refuses to write through a symlink already present in the target directory', async () => {
    const outside = join(work, 'outside-2');
    mkdirSync(outside, { recursive: true });
    const { code } = await restoreInSandbox(forge([{ path: 'lib/x', type: 'file', content: 'pwned' }]), (target) => symlinkSync(outside, join(target, 'lib')));
    expect(code).toBe('E_UNSAFE_PATH');
    expect(readdirSync(outside)).toEqual([]);
  });

  it('replaces a symlink at a file path instead of writing through it', async () => {
    const victim = join(work, 'victim.txt');
    writeFileSync(victim, 'original');
    const { code, target } = await restoreInSandbox(forge([{ path: 'f', type: 'file', content: 'restored' }]), (t) => symlinkSync(victim, join(t, 'f')));
    expect(code).toBe('ok');
    expect(readFileSync(victim, 'utf8')).toBe('original');
    expect(readFileSync(join(target, 'f'), 'utf8')).toBe('restored');
  });

  it('never restores setuid or setgid bits', async () => {
    const { code, target } = await restoreInSandbox(forge([{ path: 'tool', type: 'file', mode: 0o4755, content: '#!/bin/sh\n' }]));
    expect(code).toBe('ok');
    expect(statSync(join(target, 'tool')).mode & 0o7777).toBe(0o755);
  });

  it('restores only what --only selects, with the directories above it', async () => {
    const file = forge([
      { path: 'bin', type: 'dir' },
      { path: 'bin/tool', type: 'file', content: 'tool', mode: 0o755 },
      { path: 'doc', type: 'dir' },
      { path: 'doc/readme', type: 'file', content: 'docs' },
    ]);
    const target = join(work, 'only-target');
    const reader = SnapshotReader.open(file);
    try {
      const report = await restoreSnapshot(reader, target, { only: compileGlobs(['bin/**']) });
      expect(report.files).toBe(1);
    } finally {
      reader.close();
    }
    expect(readdirSync(target)).toEqual(['bin']);
    expect(readFileSync(join(target, 'bin/tool'), 'utf8')).toBe('tool');
  });
});
