import { resolve } from 'node:path';
import { SnapshotReader } from '../snapshot/reader.js';
import { COMMON_OPTIONS, parseCommandArgs, requireOne, type Command } from './args.js';

export const exportCommand: Command = {
  name: 'export',
  summary: 'print a snapshot\'s manifest as JSON, for other tools',
  help: `Usage: vitsnap export FILE [--json]

Print the snapshot's manifest (entries with paths, modes, sizes, SHA-256 digests and chunk lists;
source; metadata; stats) as JSON on stdout. JSON is the only export format; --json is accepted for
clarity. The schema is described in docs/format.md.

Example:
  vitsnap export app.vitsnap --json | jq '.entries[] | select(.type=="file") | .sha256 + "  " + .path'
`,
  async run(argv, ctx) {
    const { positionals } = parseCommandArgs('export', argv, { ...COMMON_OPTIONS });
    const reader = SnapshotReader.open(resolve(ctx.cwd, requireOne('export', positionals, 'snapshot file')));
    try {
      ctx.log.out(JSON.stringify(reader.manifest, null, 2));
    } finally {
      reader.close();
    }
    return 0;
  },
};
