import { resolve } from 'node:path';
import { OperationError } from '../errors.js';
import { compileGlobs } from '../snapshot/globs.js';
import { SnapshotReader } from '../snapshot/reader.js';
import { restoreSnapshot } from '../snapshot/restore.js';
import { COMMON_OPTIONS, parseCommandArgs, requireOne, type Command } from './args.js';
import { formatBytes } from './logger.js';

export const restoreCommand: Command = {
  name: 'restore',
  summary: 'write a snapshot\'s files back to a directory, byte for byte',
  help: `Usage: vitsnap restore FILE -C DIR [--only GLOB]…

Write the snapshot's files, directories and symlinks under DIR with their recorded modes
(setuid/setgid bits are never restored). Each file is checked against its SHA-256 before it is
moved into place. Entries that would land outside DIR ('..', absolute paths, a path through a
symlink) are refused.

Options:
  -C, --dir DIR       directory to restore into (required; created if missing)
      --only GLOB     restore only matching paths (repeatable)
      --json          print the result as JSON
  -q, --quiet         no progress
  -h, --help          show this help

Example:
  vitsnap restore app.vitsnap -C /tmp/app --only 'bin/**'
`,
  async run(argv, ctx) {
    const { values, positionals } = parseCommandArgs('restore', argv, {
      ...COMMON_OPTIONS,
      dir: { type: 'string', short: 'C' },
      only: { type: 'string', multiple: true },
    });
    const file = requireOne('restore', positionals, 'snapshot file');
    if (values.dir === undefined) throw new OperationError('E_USAGE', "restore needs a target directory: -C DIR; run 'vitsnap restore --help'");
    const reader = SnapshotReader.open(resolve(ctx.cwd, file));
    try {
      const only = values.only === undefined ? undefined : compileGlobs(values.only);
      const report = restoreSnapshot(reader, resolve(ctx.cwd, values.dir), {
        only,
        onProgress: (done, total) => ctx.log.progress('restoring', done, total),
      });
      ctx.log.done();
      if (values.json === true) ctx.log.out(JSON.stringify(report, null, 2));
      else ctx.log.out(`restored ${report.files} files (${formatBytes(report.bytes)}), ${report.dirs} dirs, ${report.symlinks} symlinks into ${values.dir}`);
    } finally {
      reader.close();
    }
    return 0;
  },
};
