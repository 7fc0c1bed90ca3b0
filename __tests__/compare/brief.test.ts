/**
 * `vitsnap diff --brief`: names and kinds only, like `diff --brief`, on every kind of side. Two
 * builds of a C program (gcc, one string changed), a JSON file, a mode change, an added, a
 * removed and a renamed file.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chmodSync, cpSync, mkdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runVitsnap } from '../helpers/cli.js';
import { buildCProgram, removeDir, tempDir } from '../helpers/toolchain.js';

const PINNED = new Date(Date.UTC(2026, 0, 1));
let work: string;

function pin(path: string, mode = 0o644): void {
  chmodSync(path, mode);
  utimesSync(path, PINNED, PINNED);
}

/** The lines --brief prints for the pair below, whatever the sides are. */
const EXPECTED = [
  'modified app/config.json',
  'removed  app/old.txt',
  'modified bin/prog',
  'added    new.txt',
  'renamed  notes.txt -> renamed.txt',
  'mode     run.sh: mode 0644 → 0755',
];
const COUNTS = 'differ: 2 modified, 1 added, 1 removed, 1 renamed, 1 mode/type/link change';

beforeAll(async () => {
  work = await tempDir('vitsnap-brief-');
  const a = join(work, 'a');
  const b = join(work, 'b');
  for (const [side, tag, retries] of [[a, 'one', 3], [b, 'two', 4]] as const) {
    await buildCProgram(join(side, 'bin'), { source: `int main(void) { return 0; }\nconst char *tag = "build ${tag}";\n` });
    rmSync(join(side, 'bin', 'prog.c'));
    mkdirSync(join(side, 'app'));
    writeFileSync(join(side, 'app', 'config.json'), `{"name":"app","retries":${retries}}\n`);
    writeFileSync(join(side, 'run.sh'), '#!/bin/sh\nexec ./bin/prog\n');
    pin(join(side, 'run.sh'), side === a ? 0o644 : 0o755);
    pin(join(side, 'app', 'config.json'));
    pin(join(side, 'bin', 'prog'), 0o755);
  }
  writeFileSync(join(a, 'app', 'old.txt'), 'only in build one\n');
  pin(join(a, 'app', 'old.txt'));
  writeFileSync(join(b, 'new.txt'), 'only in build two\n');
  pin(join(b, 'new.txt'));
  writeFileSync(join(a, 'notes.txt'), 'moved, not changed\n');
  pin(join(a, 'notes.txt'));
  cpSync(join(a, 'notes.txt'), join(b, 'renamed.txt'), { preserveTimestamps: true });
  for (const side of ['a', 'b']) {
    const made = await runVitsnap(['create', '-C', join(work, side), '-o', join(work, `${side}.vitsnap`), '--no-metadata', '-q']);
    expect(made.code).toBe(0);
  }
}, 120_000);

afterAll(async () => {
  await removeDir(work);
});

describe('diff --brief', () => {
  it.each([
    ['two directories', 'a', 'b'],
    ['two snapshots', 'a.vitsnap', 'b.vitsnap'],
    ['a snapshot and a directory', 'a.vitsnap', 'b'],
  ])('lists kind and path of every difference and exits 1: %s', async (_, before, after) => {
    const r = await runVitsnap(['diff', join(work, before), join(work, after), '--brief']);
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split('\n');
    expect(lines.filter((l) => !l.startsWith('note: ') && !l.startsWith('differ: '))).toEqual(EXPECTED);
    expect(lines.at(-1)).toBe(COUNTS);
  });

  it('reads no block of either snapshot, where the explained diff reads the changed files', async () => {
    const brief = await runVitsnap(['diff', join(work, 'a.vitsnap'), join(work, 'b.vitsnap'), '--brief']);
    expect(brief.stdout).toMatch(/a\.vitsnap: 0 of \d+ blocks read; .*b\.vitsnap: 0 of \d+ blocks read/);
    const full = await runVitsnap(['diff', join(work, 'a.vitsnap'), join(work, 'b.vitsnap')]);
    expect(full.code).toBe(1);
    // The explained diff looked inside: it names the JSON member and the binary's string.
    expect(full.stdout).toContain('retries');
    expect(full.stdout).toMatch(/a\.vitsnap: [1-9]\d* of \d+ blocks read/);
    expect(brief.stdout).not.toContain('retries');
  });

  it('says identical and exits 0 when nothing differs', async () => {
    const r = await runVitsnap(['diff', join(work, 'a'), join(work, 'a.vitsnap'), '--brief']);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n').at(-1)).toBe('identical');
  });

  it.each([['--json'], ['--markdown'], ['--quiet'], ['--ignore', 'timestamps'], ['--output', 'r.json'], ['--html', 'r.html']])(
    'refuses %s with a usage error that names both flags',
    async (...flag) => {
      const r = await runVitsnap(['diff', join(work, 'a'), join(work, 'b'), '--brief', ...flag], { cwd: work });
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('E_USAGE');
      expect(r.stderr).toContain('--brief');
      expect(r.stderr).toContain(flag[0]);
    },
  );
});
