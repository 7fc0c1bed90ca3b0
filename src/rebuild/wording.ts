/**
 * How rebuild's messages name what the user can change: the CLI's options, or the action's inputs.
 * The pipeline is shared; only the words that tell a user what to do next differ.
 */
export interface RebuildWording {
  /** The output globs: `--outputs`, or the action's `path` input. */
  outputs: string;
  /** The build budget: `--max-builds`, or the `max-builds` input. */
  maxBuilds: string;
  /** What to do when the source is not a git work tree. */
  notGit: string;
  /** What to do when git tracks no files there. */
  noTrackedFiles: string;
  /** What to do when a build ran out of time. */
  timeout: string;
  /** Where a failed build's log can be found when it is not kept. */
  keepLog: string;
}

export const CLI_WORDING: RebuildWording = {
  outputs: '--outputs',
  maxBuilds: '--max-builds',
  notGit: 'run rebuild inside one, or pass --source DIR to copy a plain directory',
  noTrackedFiles: "commit (or 'git add') the sources, or pass --source DIR to copy a plain directory",
  timeout: 'raise --timeout',
  keepLog: 'keep its log with --keep DIR',
};
