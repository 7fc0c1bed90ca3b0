/** Collects everything a snapshot records about how its outputs were built, all probes at once. */
import type { CommandOutput, LockfileDigest, Metadata, SourceInfo } from '../types.js';
import { runMetadataCommands, type MetadataCommand } from './commands.js';
import { readUmask, selectBuildEnv } from './environment.js';
import { describeSource, findGitToplevel } from './git.js';
import { digestLockfiles } from './lockfiles.js';
import { describeRunner } from './runner.js';
import { probeToolchains } from './toolchains.js';

export { DEFAULT_ENV_ALLOWLIST, readUmask, selectBuildEnv } from './environment.js';
export { parseMetadataCommand, runMetadataCommands, type MetadataCommand } from './commands.js';
export { describeSource, findGitToplevel } from './git.js';
export { digestLockfiles, KNOWN_LOCKFILES } from './lockfiles.js';
export { describeRunner } from './runner.js';
export { DEFAULT_PROBES, probeToolchains } from './toolchains.js';

export interface CollectMetadataOptions {
  /** Directory the build ran in; git and metadata commands run here. */
  root: string;
  /** Extra environment variable names to record, on top of DEFAULT_ENV_ALLOWLIST. */
  envAllowlist?: readonly string[];
  commands?: readonly MetadataCommand[];
  /** Tools to probe; defaults to DEFAULT_PROBES. */
  probes?: readonly string[];
  /** One timeout for every probe, git call and command; each has its own default otherwise. */
  timeoutMs?: number;
  env?: NodeJS.ProcessEnv;
  /** Where lockfiles are looked for; defaults to the git top level of `root`, else `root`. */
  lockfileDir?: string;
  /** Stops every probe, git call and command still running: the capture failed, nobody will read them. */
  signal?: AbortSignal;
}

export interface CollectedMetadata {
  metadata: Metadata;
  source: SourceInfo;
  /** Things the user should fix (a secret in the allowlist, an unreadable lockfile); never fatal. */
  warnings: string[];
}

/**
 * Runs every metadata probe concurrently. Throws only for invalid options (E_USAGE: a bad probe
 * name, an invalid or duplicate command name); everything else degrades to a warning or a null.
 */
export async function collectMetadata(options: CollectMetadataOptions): Promise<CollectedMetadata> {
  const env = options.env ?? process.env;
  const { root, timeoutMs } = options;
  const git = { timeoutMs, signal: options.signal };
  const warnings: string[] = [];

  const selected = selectBuildEnv(env, options.envAllowlist ?? []);
  warnings.push(...selected.warnings);

  const lockfiles = async (): Promise<LockfileDigest[]> => {
    const dir = options.lockfileDir ?? (await findGitToplevel(root, env, git)) ?? root;
    try {
      return digestLockfiles(dir);
    } catch (error) {
      warnings.push(`lockfile digests were not recorded: ${(error as Error).message}`);
      return [];
    }
  };
  const commands = (): Promise<CommandOutput[]> =>
    options.commands === undefined || options.commands.length === 0
      ? Promise.resolve([])
      : runMetadataCommands(options.commands, { cwd: root, timeoutMs, env, signal: options.signal });

  const [toolchains, source, lockfileDigests, commandOutputs] = await Promise.all([
    probeToolchains({ names: options.probes, timeoutMs, env, signal: options.signal }),
    describeSource(root, env, git),
    lockfiles(),
    commands(),
  ]);

  const metadata: Metadata = {
    toolchains,
    runner: describeRunner(env),
    env: selected.env,
    umask: readUmask(),
    lockfiles: lockfileDigests,
    commands: commandOutputs,
  };
  return { metadata, source, warnings };
}
