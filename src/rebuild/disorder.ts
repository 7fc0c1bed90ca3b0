/**
 * disorderfs (FUSE) views for the file-order variation: the varied build reads its tree through a
 * mount that shuffles directory entries. Every mount is unmounted when the build ends, fails, or
 * the process is interrupted.
 */
import { execFile, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { findExecutable } from './probe.js';
import { onInterrupt } from '../interrupt.js';
import { OperationError } from '../errors.js';

const DISORDER_ARGS = ['--shuffle-dirents=yes', '--reverse-dirents=no', '--quiet'];

function runMount(backing: string, mountPoint: string, env: NodeJS.ProcessEnv): Promise<string | null> {
  return new Promise((done) => {
    execFile('disorderfs', [...DISORDER_ARGS, backing, mountPoint], { env, timeout: 20_000, encoding: 'utf8' }, (error, stdout, stderr) => {
      if (error === null) done(null);
      else done((`${stderr}`.trim() || `${stdout}`.trim() || error.message).split('\n').filter((l) => l.trim() !== '').pop() ?? 'no reason given');
    });
  });
}

/**
 * Unmounts quietly: fusermount -u, else umount (root without fusermount); lazily as a last resort,
 * when a killed build's processes still hold the mount busy for a moment. True when it is detached.
 */
export function unmountSync(mountPoint: string): boolean {
  const attempts = [['fusermount', '-u'], ['fusermount3', '-u'], ['umount'], ['fusermount', '-u', '-z'], ['fusermount3', '-u', '-z'], ['umount', '-l']];
  for (const argv of attempts.map((a) => [...a, mountPoint])) {
    const [file, ...args] = argv as [string, ...string[]];
    const r = spawnSync(file, args, { stdio: 'ignore', timeout: 20_000 });
    if (r.status === 0) return true;
  }
  return false;
}

export interface DisorderMount {
  /** Unmounts (idempotent); throws E_IO when the mount stays busy. */
  release(): void;
}

/** Mounts a shuffling view of `backing` at `mountPoint` (created if missing). */
export async function mountDisorder(backing: string, mountPoint: string, env: NodeJS.ProcessEnv): Promise<DisorderMount> {
  mkdirSync(mountPoint, { recursive: true });
  const failure = await runMount(backing, mountPoint, env);
  if (failure !== null) throw new OperationError('E_IO', `disorderfs could not mount ${mountPoint}: ${failure}; run with --vary=-file-order to leave this variation out`);
  let mounted = true;
  const forget = onInterrupt(() => {
    unmountSync(mountPoint);
  });
  return {
    release() {
      if (!mounted) return;
      mounted = false;
      forget();
      if (!unmountSync(mountPoint)) throw new OperationError('E_IO', `cannot unmount the disorderfs view at ${mountPoint}; unmount it with 'fusermount -u ${mountPoint}'`);
    },
  };
}

/** null when a disorderfs mount works here, else why not (the tool, /dev/fuse, or the mount's own error). */
export async function probeDisorderfs(workDir: string, env: NodeJS.ProcessEnv): Promise<string | null> {
  if (findExecutable('disorderfs', env, '/') === null) return "disorderfs is not on PATH (Debian package 'disorderfs')";
  if (!existsSync('/dev/fuse')) return 'FUSE is not available (/dev/fuse is missing; in a container, pass --device /dev/fuse --cap-add SYS_ADMIN)';
  const dir = join(workDir, 'disorderfs-probe');
  const backing = join(dir, 'backing');
  const mountPoint = join(dir, 'view');
  mkdirSync(backing, { recursive: true });
  mkdirSync(mountPoint, { recursive: true });
  try {
    const mount = await mountDisorder(backing, mountPoint, env);
    mount.release();
    return null;
  } catch (error) {
    const message = (error as Error).message.replace(/; run with --vary.*$/, '');
    return message;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
