/**
 * disorderfs (FUSE) views for the file-order variation: the varied build reads its tree through a
 * mount that shuffles directory entries. Every mount is unmounted when the build ends, fails, or
 * the process is interrupted.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { findExecutable, tryCommand } from './probe.js';
import { onInterrupt } from '../interrupt.js';
import { OperationError } from '../errors.js';

const DISORDER_ARGS = ['--shuffle-dirents=yes', '--reverse-dirents=no', '--quiet'];


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

/** Mounts a shuffling view of `backing` at `mountPoint` (created if missing), or says why it could not. */
async function mountView(backing: string, mountPoint: string, env: NodeJS.ProcessEnv): Promise<DisorderMount | string> {
  mkdirSync(mountPoint, { recursive: true });
  const mount = await tryCommand(['disorderfs', ...DISORDER_ARGS, backing, mountPoint], env, 20_000);
  if (!mount.ok) return `disorderfs could not mount ${mountPoint}: ${mount.detail || 'no reason given'}`;
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

/** Mounts a shuffling view of `backing` at `mountPoint` (created if missing). */
export async function mountDisorder(backing: string, mountPoint: string, env: NodeJS.ProcessEnv): Promise<DisorderMount> {
  const mount = await mountView(backing, mountPoint, env);
  if (typeof mount === 'string') throw new OperationError('E_IO', `${mount}; run with --vary=-file-order to leave this variation out`);
  return mount;
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
    const mount = await mountView(backing, mountPoint, env);
    if (typeof mount === 'string') return mount;
    mount.release();
    return null;
  } catch (error) {
    return (error as Error).message;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
