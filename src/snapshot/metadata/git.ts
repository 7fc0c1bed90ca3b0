/** Where a snapshot's inputs came from: repository, ref, commit, run, and uncommitted changes. */
import type { SourceInfo } from '../types.js';
import { runFile } from './commands.js';

export const DEFAULT_GIT_TIMEOUT_MS = 10_000;

export interface GitOptions {
  timeoutMs?: number;
  /** Kills git when the capture it describes failed. */
  signal?: AbortSignal;
}

/** Describes the source at `root`. Never throws: no git, not a repository, or a failure give nulls. */
export async function describeSource(
  root: string,
  env: NodeJS.ProcessEnv = process.env,
  options: GitOptions = {},
): Promise<SourceInfo> {
  const git = (args: string[]): Promise<string | null> => runGit(root, args, env, options);
  const [sha, symbolicRef, status] = await Promise.all([
    git(['rev-parse', '--verify', '-q', 'HEAD']),
    env.GITHUB_REF ? Promise.resolve(null) : git(['symbolic-ref', '-q', 'HEAD']),
    git(['status', '--porcelain', '--untracked-files=no']),
  ]);
  return {
    repository: env.GITHUB_REPOSITORY || null,
    ref: env.GITHUB_REF || symbolicRef || null,
    sha: sha || env.GITHUB_SHA || null,
    dirty: status === null ? null : status !== '',
    runId: env.GITHUB_RUN_ID || null,
  };
}

/** The top directory of the work tree holding `root`, or null when it is not in one. */
export async function findGitToplevel(
  root: string,
  env: NodeJS.ProcessEnv = process.env,
  options: GitOptions = {},
): Promise<string | null> {
  return (await runGit(root, ['rev-parse', '--show-toplevel'], env, options)) || null;
}

/** Trimmed stdout of a successful git command, null on any failure. */
async function runGit(
  cwd: string,
  args: string[],
  env: NodeJS.ProcessEnv,
  options: GitOptions,
): Promise<string | null> {
  // Optional locks off: `git status` must not write the index while a build may be using the repo.
  const result = await runFile('git', args, { cwd, env: { ...env, GIT_OPTIONAL_LOCKS: '0' }, timeoutMs: options.timeoutMs ?? DEFAULT_GIT_TIMEOUT_MS, signal: options.signal });
  return result.error === undefined ? result.stdout.trim() : null;
}
