/**
 * The source tree each build starts from: the files git tracks in a work tree (the default), or
 * everything under a directory (--source). Each build gets a fresh copy, modes and times kept.
 */
import { execFile } from 'node:child_process';
import { cpSync, lstatSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { OperationError } from '../errors.js';
import type { RebuildWording } from './wording.js';

export type SourceTree =
  /** Git-tracked files of the work tree at `dir` (relative paths, from `git ls-files`). */
  | { kind: 'git'; dir: string; files: readonly string[] }
  /** Everything under `dir`. */
  | { kind: 'directory'; dir: string };

function gitLsFiles(dir: string, env: NodeJS.ProcessEnv, wording: RebuildWording): Promise<string[]> {
  return new Promise((done, fail) => {
    execFile('git', ['-C', dir, 'ls-files', '-z', '--cached'], { env, encoding: 'buffer', maxBuffer: 1024 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error !== null) {
        const why = stderr.toString('utf8').trim().split('\n')[0] ?? error.message;
        fail(new OperationError('E_USAGE', `${dir} is not a git work tree (${why || error.message}); ${wording.notGit}`));
        return;
      }
      done(stdout.toString('utf8').split('\0').filter((f) => f !== ''));
    });
  });
}

/** Lists the tree to copy: git's tracked files of `dir`, or (plain) all of it. */
export async function readSourceTree(dir: string, plain: boolean, env: NodeJS.ProcessEnv, wording: RebuildWording): Promise<SourceTree> {
  const stats = lstatSync(dir, { throwIfNoEntry: false });
  if (stats === undefined || !stats.isDirectory()) throw new OperationError('E_NOT_FOUND', `source directory ${dir} does not exist or is not a directory; check --source`);
  if (plain) return { kind: 'directory', dir };
  const files = await gitLsFiles(dir, env, wording);
  if (files.length === 0) throw new OperationError('E_USAGE', `git tracks no files under ${dir}; ${wording.noTrackedFiles}`);
  return { kind: 'git', dir, files };
}

const COPY = { recursive: true, preserveTimestamps: true, verbatimSymlinks: true, errorOnExist: true, force: false } as const;

/**
 * Copies the tree into `target` (created; must not exist yet). A tracked file deleted from the work
 * tree is skipped, as git would build without it. `leaveOut` are absolute paths a plain copy skips:
 * the keep directory, where the control's snapshot appears before the varied build is copied.
 */
export function copySourceTree(tree: SourceTree, target: string, leaveOut: readonly string[] = []): void {
  if (tree.kind === 'directory') {
    cpSync(tree.dir, target, { ...COPY, filter: (from) => !leaveOut.some((p) => from === p || from.startsWith(`${p}/`)) });
    return;
  }
  mkdirSync(target, { recursive: true });
  for (const file of tree.files) {
    const from = join(tree.dir, file);
    if (lstatSync(from, { throwIfNoEntry: false }) === undefined) continue;
    const to = join(target, file);
    mkdirSync(dirname(to), { recursive: true });
    cpSync(from, to, COPY);
  }
}
