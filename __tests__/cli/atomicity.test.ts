/**
 * A snapshot appears at its path whole or not at all: `vitsnap create` killed midway (SIGKILL,
 * SIGINT) never leaves a partial target, and never damages a snapshot already at that path; the
 * next create there removes the killed one's temp file. A restore killed midway is undone by the
 * next restore into that directory. "Midway" is observed, not timed: each test waits until a temp
 * file has grown on disk.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFile, type ChildProcess } from 'node:child_process';
import { lstat, mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { REPO_ROOT, parseJsonOutput, runVitsnap, runVitsnapOk, spawnVitsnap, waitForExit, type CliResult } from '../helpers/cli.js';
import { removeDir, tempDir } from '../helpers/toolchain.js';
import { describeTree } from '../helpers/trees.js';

const execFileAsync = promisify(execFile);

const TEMP_MARKER = '.vitsnap-tmp-';
/** The temp file must be at least this big before the test interrupts the create. */
const GROWN_BYTES = 4 * 1024 * 1024;
const RANDOM_FILES = 5;
const RANDOM_FILE_BYTES = 60 * 1024 * 1024;
const TEXT_FILES = 4;
const TEXT_FILE_BYTES = 6 * 1024 * 1024;

let work = '';
/** ~325 MB of seeded random and text files: large enough that create takes seconds. */
let big = '';
let small = '';
let bigFileCount = 0;

beforeAll(async () => {
  work = await tempDir('vitsnap-atomic-');
  big = join(work, 'big');
  await mkdir(join(big, 'text'), { recursive: true });
  await generateBigTree(big);
  bigFileCount = RANDOM_FILES + TEXT_FILES;
  small = join(work, 'small');
  await mkdir(small);
  await writeFile(join(small, 'hello.txt'), 'hello\n');
}, 120_000);

afterAll(async () => {
  if (work !== '') await removeDir(work);
});

/**
 * Writes the big tree with the toolchain helpers (makeRandomBytes, makeTextFile) in a plain Node
 * process: inside Jest's VM context their PRNG loops run dozens of times slower.
 */
async function generateBigTree(dir: string): Promise<void> {
  const helpers = pathToFileURL(join(REPO_ROOT, '__tests__', 'helpers', 'toolchain.ts')).href;
  const script = `
    import { makeRandomBytes, makeTextFile } from ${JSON.stringify(helpers)};
    import { join } from 'node:path';
    const dir = ${JSON.stringify(dir)};
    const jobs = [];
    for (let i = 0; i < ${RANDOM_FILES}; i++) jobs.push(makeRandomBytes(join(dir, 'blob-' + i + '.bin'), ${RANDOM_FILE_BYTES}, 1000 + i));
    for (let i = 0; i < ${TEXT_FILES}; i++) jobs.push(makeTextFile(join(dir, 'text', 'src-' + i + '.ts'), ${TEXT_FILE_BYTES}, 2000 + i));
    await Promise.all(jobs);
  `;
  await execFileAsync(process.execPath, ['--disable-warning=ExperimentalWarning', '--input-type=module', '-e', script], {
    timeout: 110_000,
    killSignal: 'SIGKILL',
  });
}

async function tempFilesIn(dir: string, marker = TEMP_MARKER): Promise<string[]> {
  return (await readdir(dir)).filter((name) => name.startsWith(marker));
}

async function exists(path: string): Promise<boolean> {
  try {
    await lstat(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Waits until `child` is writing a temp file in `dir` that has grown past GROWN_BYTES, and
 * returns its name. Fails (after killing the child) if the child exits first.
 */
async function waitForGrowingTemp(child: ChildProcess, dir: string, marker = TEMP_MARKER): Promise<string> {
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  const before = new Set(await tempFilesIn(dir, marker));
  // Bounded, so a stuck create fails the test instead of hanging it.
  for (let polls = 0; polls < 6000; polls++) {
    for (const name of await tempFilesIn(dir, marker)) {
      if (before.has(name)) continue;
      const size = await stat(join(dir, name)).then((s) => s.size, () => 0);
      if (size > GROWN_BYTES) return name;
    }
    if (exited) throw new Error(`create exited (code ${String(child.exitCode)}) before its temp file in ${dir} grew past ${GROWN_BYTES} bytes`);
    await sleep(20);
  }
  child.kill('SIGKILL');
  throw new Error(`no temp file in ${dir} grew past ${GROWN_BYTES} bytes`);
}

/** Starts `create` of the big tree into `target`, interrupts it with `signal` mid-write. */
async function interruptCreate(target: string, signal: NodeJS.Signals): Promise<{ result: CliResult; temp: string }> {
  const child = spawnVitsnap(['create', '-C', big, '-o', target, '--no-metadata']);
  const done = waitForExit(child, 120_000);
  let temp: string;
  try {
    temp = await waitForGrowingTemp(child, dirname(target));
  } catch (error) {
    await done;
    throw error;
  }
  child.kill(signal);
  return { result: await done, temp };
}

describe('vitsnap create interrupted midway', () => {
  it('SIGKILL leaves no target; the next create succeeds despite the stale temp file', async () => {
    const dir = join(work, 'sigkill');
    await mkdir(dir);
    const target = join(dir, 'target.vitsnap');
    const { result, temp } = await interruptCreate(target, 'SIGKILL');
    expect(result.signal).toBe('SIGKILL');
    expect(await exists(target)).toBe(false);
    // SIGKILL gives no chance to clean up: the partial temp file stays, and must not matter.
    expect(await tempFilesIn(dir)).toEqual([temp]);

    await runVitsnapOk(['create', '-C', big, '-o', target, '--no-metadata'], { timeoutMs: 120_000 });
    expect(await exists(target)).toBe(true);
    // The next create in that directory removed the dead one's temp file.
    expect(await tempFilesIn(dir)).toEqual([]);
    const verify = await runVitsnap(['verify', target], { timeoutMs: 120_000 });
    expect({ code: verify.code, stderr: verify.stderr }).toEqual({ code: 0, stderr: '' });
    expect(verify.stdout).toMatch(new RegExp(`^ok: ${bigFileCount} files`));
    const info = parseJsonOutput(await runVitsnapOk(['info', target, '--json'])) as { stats: { files: number } };
    expect(info.stats.files).toBe(bigFileCount);
  }, 180_000);

  it('SIGINT exits 130, says it was interrupted, and leaves neither target nor temp file', async () => {
    const dir = join(work, 'sigint');
    await mkdir(dir);
    const target = join(dir, 'target.vitsnap');
    const { result } = await interruptCreate(target, 'SIGINT');
    expect({ code: result.code, signal: result.signal }).toEqual({ code: 130, signal: null });
    expect(result.stderr).toMatch(/interrupted/);
    expect(result.stderr).toContain('SIGINT');
    expect(result.stdout).toBe('');
    expect(await exists(target)).toBe(false);
    expect(await readdir(dir)).toEqual([]);
  }, 180_000);

  it('an existing snapshot at the target survives a SIGKILLed create byte for byte', async () => {
    const dir = join(work, 'existing');
    await mkdir(dir);
    const target = join(dir, 'target.vitsnap');
    await runVitsnapOk(['create', '-C', small, '-o', target, '--no-metadata']);
    const original = await readFile(target);

    const { result } = await interruptCreate(target, 'SIGKILL');
    expect(result.signal).toBe('SIGKILL');
    expect((await readFile(target)).equals(original)).toBe(true);
    const verify = await runVitsnap(['verify', target]);
    expect(verify.code).toBe(0);
    expect(verify.stdout).toMatch(/^ok: 1 file /);
  }, 180_000);
});

describe('vitsnap restore killed midway', () => {
  const RESTORE_MARKER = '.vitsnap-restore-';

  /** Every path under `root` whose name carries one of vitsnap's temp markers. */
  async function leftovers(root: string): Promise<string[]> {
    const all = await readdir(root, { recursive: true });
    return all.filter((p) => /(^|\/)\.vitsnap-(restore|tmp)-/.test(p));
  }

  it('SIGKILL leaves a journal and a temp file; the next restore undoes them and restores everything', async () => {
    const dir = join(work, 'restore-kill');
    await mkdir(dir);
    const snapshot = join(dir, 'big.vitsnap');
    await runVitsnapOk(['create', '-C', big, '-o', snapshot, '--no-metadata'], { timeoutMs: 120_000 });
    const target = join(dir, 'out');
    await mkdir(target);

    const child = spawnVitsnap(['restore', snapshot, '-C', target]);
    const done = waitForExit(child, 120_000);
    try {
      await waitForGrowingTemp(child, target, RESTORE_MARKER);
    } catch (error) {
      await done;
      throw error;
    }
    child.kill('SIGKILL');
    expect((await done).signal).toBe('SIGKILL');
    // The kill left the journal and at least one temp file.
    expect((await leftovers(target)).length).toBeGreaterThanOrEqual(2);

    // No --force needed: what the killed restore wrote is taken back first.
    const again = await runVitsnapOk(['restore', snapshot, '-C', target], { timeoutMs: 120_000 });
    expect(again.stdout).toMatch(new RegExp(`^restored ${bigFileCount} files`));
    expect(await leftovers(target)).toEqual([]);
    expect(describeTree(target)).toEqual(describeTree(big));
  }, 240_000);
});
