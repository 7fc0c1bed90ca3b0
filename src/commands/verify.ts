import { resolve } from 'node:path';
import { SnapshotReader } from '../snapshot/reader.js';
import { COMMON_OPTIONS, parseCommandArgs, requireOne, type Command } from './args.js';
import { formatBytes } from './logger.js';

export const verifyCommand: Command = {
  name: 'verify',
  summary: 'check every block, chunk and file digest of a snapshot',
  help: `Usage: vitsnap verify FILE [--json]

Read the whole snapshot and check the trailer, manifest and index checksums, every block's
SHA-256, every chunk's SHA-256 and every file's SHA-256. Exit 0 when all match, 2 otherwise.

Options:
      --json      print the result as JSON
  -q, --quiet     no progress
  -h, --help      show this help

Example:
  vitsnap verify app.vitsnap
`,
  async run(argv, ctx) {
    const { values, positionals } = parseCommandArgs('verify', argv, { ...COMMON_OPTIONS });
    const reader = SnapshotReader.open(resolve(ctx.cwd, requireOne('verify', positionals, 'snapshot file')));
    try {
      const report = reader.verify((done, total) => ctx.log.progress('verifying', done, total, 'block'));
      ctx.log.done();
      if (values.json === true) ctx.log.out(JSON.stringify({ ok: true, ...report }, null, 2));
      else ctx.log.out(`ok: ${report.files} files (${formatBytes(report.bytes)}), ${report.chunks} chunks in ${report.blocks} blocks verified`);
    } finally {
      reader.close();
    }
    return 0;
  },
};
