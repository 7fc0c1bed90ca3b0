/**
 * Two plain files (issue #10 item 7): `vitsnap diff old.so new.so` compares them with each other,
 * through the same comparators and causes as files inside trees; a plain file next to a directory
 * or snapshot still fails as a snapshot that is not one.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseJsonOutput, runVitsnap } from '../helpers/cli.js';
import { removeDir, runTool, tempDir } from '../helpers/toolchain.js';

let work: string;

interface Report {
  verdict: string;
  counts: { modified: number };
  notes: string[];
  differences: { path: string; comparator?: string; causes: { id: string }[] }[];
}

beforeAll(async () => {
  work = await tempDir('vitsnap-file-pair-');
  for (const dir of ['a', 'bb']) {
    mkdirSync(join(work, dir));
    const source = join(work, dir, 'lib.c');
    writeFileSync(source, 'int answer(void) { return 42; }\n');
    await runTool('gcc', ['-g', '-shared', '-fPIC', '-o', join(work, dir, 'libanswer.so'), source], { cwd: join(work, dir) });
  }
  writeFileSync(join(work, 'notes.txt'), 'not a snapshot\n');
}, 60_000);

afterAll(async () => {
  await removeDir(work);
});

describe('vitsnap diff FILE FILE', () => {
  it('compares two shared objects directly: the ELF comparator, the build path, exit 1', async () => {
    const r = await runVitsnap(['diff', 'a/libanswer.so', 'bb/libanswer.so', '--json'], { cwd: work });
    expect(r.code).toBe(1);
    const report = parseJsonOutput(r) as Report;
    expect(report.counts.modified).toBe(1);
    expect(report.differences).toEqual([expect.objectContaining({ path: 'libanswer.so', comparator: 'elf' })]);
    expect(report.differences[0]?.causes.map((c) => c.id)).toContain('build-path');
    expect(report.notes).toEqual([]);
  });

  it('says identical (exit 0) for the same bytes under two names, and notes the names', async () => {
    const r = await runVitsnap(['diff', 'a/libanswer.so', 'a/libanswer.so', '--quiet'], { cwd: work });
    expect([r.code, r.stdout.trim()]).toEqual([0, 'verdict: identical']);
    const named = await runVitsnap(['diff', 'notes.txt', 'a/lib.c', '--json'], { cwd: work });
    expect((parseJsonOutput(named) as Report).notes).toEqual(['comparing two files: notes.txt and a/lib.c, reported as lib.c']);
  });

  it('a plain file next to a directory is still a snapshot that is not one', async () => {
    const r = await runVitsnap(['diff', 'notes.txt', 'a'], { cwd: work });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/E_BAD_MAGIC: BEFORE notes\.txt: not a \.vitsnap file/);
  });
});
