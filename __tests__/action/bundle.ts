/**
 * The bundled action for end-to-end tests, built once per source state and shared by every test
 * file (and every jest worker) that needs it. The bundle goes to a temp directory named by a digest
 * of everything that goes into it, so `dist/` is left alone and a changed source never reuses a
 * stale build. `VITSNAP_E2E_DIST` names a bundle built by hand (`node scripts/bundle.mjs --out DIR`).
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { REPO_ROOT } from '../helpers/cli.js';

function addTree(hash: ReturnType<typeof createHash>, dir: string): void {
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) addTree(hash, path);
    else hash.update(relative(REPO_ROOT, path)).update('\0').update(readFileSync(path)).update('\0');
  }
}

/** Digest of the inputs of `scripts/bundle.mjs`: sources, build script, lockfile, compiler settings, Node version. */
function bundleKey(): string {
  const hash = createHash('sha256').update(process.version);
  addTree(hash, join(REPO_ROOT, 'src'));
  for (const f of ['scripts/bundle.mjs', 'package-lock.json', 'tsconfig.json']) hash.update(f).update(readFileSync(join(REPO_ROOT, f)));
  return hash.digest('hex').slice(0, 16);
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function build(out: string): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, [join(REPO_ROOT, 'scripts', 'bundle.mjs'), '--out', out], { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`bundle failed with exit ${code}`))));
  });
}

/** Bundles of other source states (other commits, other worktrees) not used for a day. */
function pruneOld(root: string, keep: string): void {
  const dayAgo = Date.now() - 86_400_000;
  for (const name of readdirSync(root)) {
    const path = join(root, name);
    if (path !== keep && /^[0-9a-f]{16}$/.test(name) && statSync(path).mtimeMs < dayAgo) rmSync(path, { recursive: true, force: true });
  }
}

/** Returns a directory holding the bundled action (index.js, worker.js, cli/). */
export async function actionBundle(): Promise<string> {
  const given = process.env.VITSNAP_E2E_DIST;
  if (given !== undefined) return given;
  const root = join(tmpdir(), 'vitsnap-e2e-bundles');
  mkdirSync(root, { recursive: true });
  const dir = join(root, bundleKey());
  const lock = `${dir}.lock`;
  for (;;) {
    if (existsSync(join(dir, 'index.js'))) {
      const now = new Date();
      utimesSync(dir, now, now);
      return dir;
    }
    try {
      mkdirSync(lock);
    } catch {
      // Another worker is building it; take over only when that worker died mid-build.
      const owner = Number(existsSync(join(lock, 'pid')) ? readFileSync(join(lock, 'pid'), 'utf8') : '0');
      if (owner > 0 && !pidAlive(owner)) rmSync(lock, { recursive: true, force: true });
      await sleep(500);
      continue;
    }
    try {
      writeFileSync(join(lock, 'pid'), String(process.pid));
      const staging = `${dir}.tmp-${process.pid}`;
      rmSync(staging, { recursive: true, force: true });
      await build(staging);
      rmSync(dir, { recursive: true, force: true });
      renameSync(staging, dir);
      pruneOld(root, dir);
      return dir;
    } finally {
      rmSync(lock, { recursive: true, force: true });
    }
  }
}
