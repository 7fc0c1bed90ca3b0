/**
 * vitsnap rebuild on real builds made at test time: small C programs, a Makefile, shell scripts and
 * a tar of a directory read in readdir order. Each test varies only what it is about, so the
 * builds stay few; the bisect tests add variations that must not be blamed.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Difference } from '../../src/compare/types.js';
import { runRebuild, type RebuildOptions, type RebuildResult } from '../../src/rebuild/rebuild.js';
import { renderRebuildText } from '../../src/rebuild/report.js';
import { VARIATION_NAMES, type VariationName } from '../../src/rebuild/variations.js';
import { parseJsonOutput, runVitsnap, spawnVitsnap, waitForExit } from '../helpers/cli.js';

/** The builds' environment: this one without SOURCE_DATE_EPOCH, so __DATE__ follows the clock. */
const ENV: NodeJS.ProcessEnv = { ...process.env };
delete ENV.SOURCE_DATE_EPOCH;
const PINNED = new Date('2024-01-02T03:04:05Z');

const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

/** A source tree with pinned modes and times; names in `executables` are mode 0755. */
function fixture(files: Record<string, string>, executables: readonly string[] = []): string {
  const dir = mkdtempSync(join(tmpdir(), 'vitsnap-rebuild-src-'));
  made.push(dir);
  for (const [name, text] of Object.entries(files)) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, text);
    chmodSync(path, executables.includes(name) ? 0o755 : 0o644);
    utimesSync(path, PINNED, PINNED);
  }
  return dir;
}

function rebuild(sourceDir: string, command: string[], vary: readonly VariationName[], more: Partial<RebuildOptions> = {}): Promise<RebuildResult> {
  return runRebuild({ command, outputs: ['out/**'], sourceDir, plainSource: true, vary, bisect: false, maxBuilds: 32, timeoutSeconds: 120, keepDir: null, env: ENV, ...more });
}

function causeIds(result: RebuildResult): Set<string> {
  const ids = new Set<string>();
  const visit = (d: Difference): void => {
    d.causes.forEach((c) => ids.add(c.id));
    d.children.forEach(visit);
  };
  result.compare.root.children.forEach(visit);
  return ids;
}

function record(result: RebuildResult, name: VariationName) {
  const r = result.variations.find((v) => v.name === name);
  if (r === undefined) throw new Error(`no record for ${name}`);
  return r;
}

const C_PROGRAM = '#include <stdio.h>\nint main(void) { puts("built " __DATE__); return 0; }\n';
// -g with the absolute source path: the build directory lands in the debug info. Modes pinned, so umask changes nothing.
const C_BUILD = '#!/bin/sh\nset -e\nmkdir -p out\ngcc -g -O0 -o out/app "$(pwd)/main.c"\nchmod 0755 out out/app\n';

describe('vitsnap rebuild', () => {
  it('--bisect isolates time (__DATE__) and build-path (-g) exactly among the other variations', async () => {
    const src = fixture({ 'main.c': C_PROGRAM, 'build.sh': C_BUILD }, ['build.sh']);
    // The default source is what git tracks: an untracked file must not reach the build.
    execFileSync('git', ['init', '-q', src]);
    execFileSync('git', ['-C', src, 'add', 'main.c', 'build.sh']);
    writeFileSync(join(src, 'untracked.txt'), 'not copied\n');
    // TZ moves __DATE__ by a day, so timezone stays out; every other variation is in play.
    const vary = VARIATION_NAMES.filter((n) => n !== 'timezone');
    const result = await rebuild(src, ['./build.sh'], vary, { plainSource: false, bisect: true, outputs: [] });

    expect(result.reproducible).toBe(false);
    const timeTested = record(result, 'time').status === 'tested';
    const expected: VariationName[] = timeTested ? ['build-path', 'time'] : ['build-path'];
    if (!timeTested) expect(record(result, 'time').reason).toMatch(/faketime/);
    // The command is a script: what it starts may be out of faketime's reach, and the record says so.
    if (timeTested) expect(record(result, 'time').note).toMatch(/dynamically linked programs only/);
    expect(result.bisect).not.toBeNull();
    expect([...(result.bisect?.culprits ?? [])].sort()).toEqual(expected);
    expect(result.bisect).toMatchObject({ combined: [], unresolved: [], nondeterministic: false, exhausted: false });
    expect(result.builds).toBe(2 + (result.bisect?.builds ?? 0));
    // The comparators' own explanation agrees.
    const ids = causeIds(result);
    expect(ids.has('build-path')).toBe(true);
    if (timeTested) expect(ids.has('timestamp')).toBe(true);
    // With outputs unset, every file of the build directory is compared: the tracked ones, not the untracked.
    const paths = new Set<string>();
    result.compare.root.children.forEach((d) => paths.add(d.path));
    expect(paths.has('out/app')).toBe(true);
    expect(result.compare.counts.added + result.compare.counts.removed).toBe(0);

    const text = renderRebuildText(result, { colour: false, maxLines: 400 });
    expect(text).toContain(`caused by: ${expected.join(', ')} (${result.builds} builds)`);
    expect(text).toMatch(/timezone +not tested +not selected/);
    expect(text).toMatch(/build-path +tested +\S+\/build → \S+\/rebuild-varied-path/);
  });

  it('--ignore accepts the build path as known noise, as diff does', async () => {
    const src = fixture({ 'main.c': '#include <stdio.h>\nint main(void) { puts("hi"); return 0; }\n', 'build.sh': C_BUILD }, ['build.sh']);
    const strict = await rebuild(src, ['./build.sh'], ['build-path']);
    expect(strict.reproducible).toBe(false);
    const lenient = await rebuild(src, ['./build.sh'], ['build-path'], { ignore: ['build-paths', 'build-id'] });
    expect(lenient.reproducible).toBe(true);
    expect(lenient.compare.counts.ignored).toBeGreaterThan(0);
  });

  it('--bisect isolates home and umask baked into the outputs', async () => {
    // The umask fixture: modes are left to the umask on purpose.
    const src = fixture({ 'build.sh': '#!/bin/sh\nset -e\nmkdir -p out\necho "$HOME" > out/home.txt\numask > out/umask.txt\n' }, ['build.sh']);
    const result = await rebuild(src, ['./build.sh'], ['timezone', 'locale', 'umask', 'home', 'env'], { bisect: true });
    expect(result.reproducible).toBe(false);
    expect([...(result.bisect?.culprits ?? [])].sort()).toEqual(['home', 'umask']);
    expect(record(result, 'umask')).toMatchObject({ status: 'tested', control: 'umask 0022', varied: 'umask 0002' });
    expect(causeIds(result).has('permissions')).toBe(true);
  });

  it('finds the time zone a Makefile writes with date (exit 1 from the CLI)', async () => {
    // %Z alone prints GMT under both zones: the offset is what differs.
    const src = fixture({ Makefile: "out/tz.txt:\n\tmkdir -p out\n\tdate +'%Z %z' > out/tz.txt\n\tchmod 0755 out\n\tchmod 0644 out/tz.txt\n" });
    const r = await runVitsnap(['rebuild', '--source', src, '--vary', 'timezone', '--outputs', 'out/**', '--', 'make', '-s'], { env: ENV });
    expect(r.stderr).not.toContain('error');
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/timezone +tested +TZ=GMT\+12 → TZ=GMT-14/);
    expect(r.stdout).toMatch(/time +not tested +not selected/);
    expect(r.stdout).toContain('out/tz.txt');
    expect(r.stdout).toMatch(/-1200/);
    expect(r.stdout).toMatch(/\+1400/);
    // The comparators explain it too: a time cause naming the offsets, with the TZ fix.
    expect(r.stdout).toContain('verdict: drift-explained');
    expect(r.stdout).toContain('UTC offset "-1200" vs "+1400" (the time zone of the build)');
    expect(r.stdout).toContain('build with TZ=UTC');
  });

  it('shuffles directory order with disorderfs where FUSE works, and reports the skip where not', async () => {
    const tree: Record<string, string> = {};
    for (let i = 0; i < 24; i++) tree[`tree/f${String(i).padStart(2, '0')}`] = `file ${i}\n`;
    const build = [
      '#!/bin/sh',
      'set -e',
      'mkdir -p out',
      // No --sort: tar reads the directory in readdir order; everything else about the archive is pinned.
      'tar --mtime=@0 --owner=0 --group=0 --numeric-owner --mode=u=rwX,go=rX -cf out/tree.tar tree',
      'chmod 0755 out',
      'chmod 0644 out/tree.tar',
    ].join('\n');
    const src = fixture({ ...tree, 'build.sh': `${build}\n` }, ['build.sh']);
    const result = await rebuild(src, ['./build.sh'], ['file-order']);
    const fileOrder = record(result, 'file-order');
    if (fuseWorks()) {
      expect(fileOrder.status).toBe('tested');
      expect(result.reproducible).toBe(false);
      expect(causeIds(result).has('file-order')).toBe(true);
    } else {
      expect(fileOrder.status).toBe('skipped');
      expect(fileOrder.reason).toMatch(/disorderfs|FUSE|fuse/);
      expect(result.reproducible).toBe(true);
      expect(renderRebuildText(result, { colour: false, maxLines: 400 })).toMatch(/file-order +not tested +\S/);
    }
  });

  it('reports file-order as not tested, with the mount error, when disorderfs cannot mount', async () => {
    const src = fixture({ 'out/a.txt': 'a\n' });
    // A disorderfs first on PATH that fails as it does without FUSE: the probe must say so, not drop the variation.
    const bin = fixture({ disorderfs: '#!/bin/sh\necho "fuse: device not found, try \'modprobe fuse\' first" >&2\nexit 1\n' }, ['disorderfs']);
    const result = await rebuild(src, ['true'], ['file-order', 'umask'], { env: { ...ENV, PATH: `${bin}:${ENV.PATH ?? ''}` } });
    expect(record(result, 'file-order')).toMatchObject({ status: 'skipped', reason: expect.stringContaining('fuse: device not found') });
    expect(record(result, 'umask').status).toBe('tested');
    expect(renderRebuildText(result, { colour: false, maxLines: 400 })).toMatch(/file-order +not tested +disorderfs could not mount .*fuse: device not found/);
  });

  it('exits 0 for a reproducible build, every variation listed as tested or not tested (--json)', async () => {
    const src = fixture({ 'input.txt': 'same bytes\n', 'build.sh': '#!/bin/sh\nset -e\nmkdir -p out\ncp input.txt out/copy.txt\nchmod 0755 out\nchmod 0644 out/copy.txt\n' }, ['build.sh']);
    // Kept inside the copied tree, with every file compared: the control's snapshot must not reach the varied build's copy.
    const keep = join(src, 'artifacts');
    const r = await runVitsnap(['rebuild', '--source', src, '--keep', keep, '--json', '--', './build.sh'], { env: ENV });
    expect(r.code).toBe(0);
    const doc = parseJsonOutput(r) as { schema: string; reproducible: boolean; builds: number; variations: { name: string; status: string; reason: string | null; control: string | null }[]; bisect: unknown; report: { schema: string; verdict: string } };
    expect(doc).toMatchObject({ schema: 'vitsnap-rebuild/1', reproducible: true, builds: 2, bisect: null, report: { schema: 'vitsnap-report/1', verdict: 'identical' } });
    expect(doc.variations.map((v) => v.name)).toEqual([...VARIATION_NAMES]);
    for (const v of doc.variations) {
      expect(['tested', 'skipped']).toContain(v.status);
      if (v.status === 'skipped') expect(v.reason).toEqual(expect.any(String));
      else expect(v.control).toEqual(expect.any(String));
    }
    expect(readdirSync(keep).sort()).toEqual(['control.log', 'control.vitsnap', 'varied.log', 'varied.vitsnap']);
  });

  it('notes that faketime cannot reach a statically linked build command', async () => {
    const src = fixture({ 'builder.c': '#include <stdio.h>\n#include <sys/stat.h>\nint main(void) { mkdir("out", 0755); FILE *f = fopen("out/x.txt", "w"); fputs("x\\n", f); return fclose(f); }\n' });
    execFileSync('gcc', ['-static', '-o', join(src, 'builder'), join(src, 'builder.c')]);
    const result = await rebuild(src, ['./builder'], ['time']);
    expect(record(result, 'time')).toMatchObject({ status: 'skipped', reason: expect.stringMatching(/statically linked.*faketime/) });
    expect(result.reproducible).toBe(true);
  });
});

describe('vitsnap rebuild on a nondeterministic build', () => {
  it('blames no variation when the outputs differ with nothing varied', async () => {
    const src = fixture({ 'build.sh': '#!/bin/sh\nset -e\nmkdir -p out\nhead -c 16 /dev/urandom > out/random.bin\nchmod 0755 out\nchmod 0644 out/random.bin\n' }, ['build.sh']);
    const result = await rebuild(src, ['./build.sh'], ['umask', 'home'], { bisect: true });
    expect(result.reproducible).toBe(false);
    expect(result.bisect).toMatchObject({ nondeterministic: true, culprits: [], builds: 1 });
    expect(renderRebuildText(result, { colour: false, maxLines: 400 })).toContain('caused by: no variation: the outputs differ with nothing varied');
  });
});

describe('vitsnap rebuild errors', () => {
  it('a build command that is not there is E_USAGE before anything is copied', async () => {
    const src = fixture({ 'a.txt': 'a\n' });
    await expect(rebuild(src, ['./missing.sh'], [])).rejects.toMatchObject({ code: 'E_USAGE', message: expect.stringContaining('"./missing.sh" is not an executable file') });
    await expect(rebuild(src, ['vitsnap-no-such-tool'], [])).rejects.toMatchObject({ code: 'E_USAGE', message: expect.stringContaining('is not on PATH') });
  });

  it('a failing build is exit 2 with E_BUILD and the end of its log', async () => {
    const src = fixture({ 'a.txt': 'a\n' });
    const r = await runVitsnap(['rebuild', '--source', src, '--vary', 'none', '--', 'sh', '-c', 'echo the compiler said no >&2; exit 3'], { env: ENV });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('E_BUILD');
    expect(r.stderr).toContain('control build failed with exit code 3');
    expect(r.stderr).toContain('the compiler said no');
  });

  it('an unknown variation is E_USAGE with a suggestion, before anything is built', async () => {
    const r = await runVitsnap(['rebuild', '--vary', 'time,tmezone', '--', 'false'], { env: ENV });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/E_USAGE: unknown variation "tmezone" in --vary; did you mean 'timezone'\?/);
  });

  it('outputs that match nothing are E_NOT_FOUND naming --outputs', async () => {
    const src = fixture({ 'a.txt': 'a\n' });
    await expect(rebuild(src, ['true'], [], { outputs: ['dist/**'] })).rejects.toMatchObject({ code: 'E_NOT_FOUND', message: expect.stringContaining('nothing matched --outputs dist/**') });
  });

  it('a build past --timeout is killed with its process group: E_BUILD', async () => {
    const src = fixture({ 'a.txt': 'a\n' });
    const marker = join(src, '..', `${src.split('/').pop() ?? 'x'}-survivor`);
    made.push(marker);
    // A grandchild that would write the marker later unless the whole group is killed.
    const started = rebuild(src, ['sh', '-c', `(sleep 2; touch ${marker}) & sleep 60`], [], { timeoutSeconds: 1 });
    await expect(started).rejects.toMatchObject({ code: 'E_BUILD', message: expect.stringContaining('timed out after 1 s') });
    await new Promise((resolve) => setTimeout(resolve, 2500));
    expect(existsSync(marker)).toBe(false);
  });
});

describe('vitsnap rebuild interrupted', () => {
  it('Ctrl-C kills the build, unmounts the disorderfs view and removes the work directory', async () => {
    const state = mkdtempSync(join(tmpdir(), 'vitsnap-rebuild-state-'));
    const tmp = mkdtempSync(join(tmpdir(), 'vitsnap-rebuild-tmp-'));
    made.push(state, tmp);
    // The control build finishes; the varied build (in the disorderfs view where FUSE works) waits to be interrupted.
    const build = `#!/bin/sh\nif [ ! -e ${state}/control-done ]; then mkdir -p out; echo x > out/x; touch ${state}/control-done; exit 0; fi\necho $$ > ${state}/pid\nexec sleep 60\n`;
    const src = fixture({ 'build.sh': build }, ['build.sh']);
    const child = spawnVitsnap(['rebuild', '--source', src, '--vary', 'file-order', '--outputs', 'out/**', '--', './build.sh'], { env: { ...ENV, TMPDIR: tmp } });
    const exited = waitForExit(child);
    await until(() => existsSync(join(state, 'pid')));
    const pid = Number(readFileSync(join(state, 'pid'), 'utf8'));
    child.kill('SIGINT');
    const r = await exited;
    expect(r.code).toBe(130);
    expect(r.stderr).toContain('interrupted by SIGINT');
    await until(() => !alive(pid));
    expect(readdirSync(tmp)).toEqual([]);
    expect(readFileSync('/proc/mounts', 'utf8')).not.toContain(tmp);
  });
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function until(condition: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Whether a disorderfs mount works here, found independently of the code under test. */
function fuseWorks(): boolean {
  if (!existsSync('/dev/fuse')) return false;
  const dir = mkdtempSync(join(tmpdir(), 'vitsnap-fuse-check-'));
  try {
    mkdirSync(join(dir, 'a'));
    mkdirSync(join(dir, 'b'));
    const mounted = spawnSync('disorderfs', ['--quiet', join(dir, 'a'), join(dir, 'b')], { stdio: 'ignore' }).status === 0;
    if (mounted && spawnSync('fusermount', ['-u', join(dir, 'b')], { stdio: 'ignore' }).status !== 0) spawnSync('umount', [join(dir, 'b')], { stdio: 'ignore' });
    return mounted;
  } catch {
    return false;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
