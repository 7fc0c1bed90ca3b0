import { checkExpansion, parseSize } from '../snapshot/expansion.js';
import { openSnapshotAnywhere } from '../registry/open.js';
import { CHAIN_HELP, CHAIN_OPTIONS, COMMON_OPTIONS, chainOptions, parseCommandArgs, requireOne, type Command } from './args.js';
import { formatBytes } from '../format-bytes.js';
import { plural } from '../report/plural.js';

export const verifyCommand: Command = {
  name: 'verify',
  summary: 'check every block, chunk and file digest of a snapshot',
  help: `Usage: vitsnap verify FILE [--json] [--max-size N | --allow-expand]

Read the whole snapshot and check the trailer, manifest and index checksums, every block's
SHA-256, every chunk's SHA-256 and every file's SHA-256. Exit 0 when all match, 2 otherwise.

Checking a file's SHA-256 reads all of its bytes, so before that the total size of the files is
checked against 10x the snapshot's own size (at least 64 MiB): a forged snapshot can repeat one
chunk to claim terabytes. Snapshots of very compressible or duplicated files can legitimately
exceed that; pass --allow-expand or --max-size for those.

Options:
      --max-size N    refuse snapshots with more than N bytes of files (e.g. 512M, 10G)
      --allow-expand  lift the 10x bound (--max-size still applies)
${CHAIN_HELP}
      --json          print the result as JSON
  -q, --quiet         print only errors (--json still prints the result)
  -h, --help          show this help

Example:
  vitsnap verify app.vitsnap
`,
  async run(argv, ctx) {
    const { values, positionals } = parseCommandArgs('verify', argv, {
      ...COMMON_OPTIONS,
      'max-size': { type: 'string' },
      'allow-expand': { type: 'boolean' },
      ...CHAIN_OPTIONS,
    });
    const file = requireOne('verify', positionals, 'snapshot file');
    const maxSize = values['max-size'] === undefined ? undefined : parseSize(values['max-size']);
    const { reader } = await openSnapshotAnywhere(file, { cwd: ctx.cwd, env: ctx.env, ...chainOptions(values), fetchAll: true, onProgress: (done, total) => ctx.log.progress('fetching', done, total, 'chunk') });
    try {
      checkExpansion({ path: reader.path, fileSize: reader.chainBytes }, reader.manifest.entries, { maxSize, allowExpand: values['allow-expand'] === true });
      const report = reader.verify((done, total) => ctx.log.progress('verifying', done, total, 'block'));
      // A delta is only as good as the layers below it: each is checked whole too.
      const parents: string[] = [];
      for (let layer = reader.parent; layer !== null; layer = layer.parent) {
        layer.verify((done, total) => ctx.log.progress(`verifying parent ${parents.length + 1}`, done, total, 'block'));
        parents.push(layer.path);
      }
      ctx.log.done();
      if (values.json === true) ctx.log.out(JSON.stringify({ ok: true, ...report, ...(reader.isDelta ? { parents } : {}) }, null, 2));
      else if (values.quiet !== true) {
        const chain = reader.isDelta ? `, and its ${plural(parents.length, 'parent layer')}` : '';
        ctx.log.out(`ok: ${plural(report.files, 'file')} (${formatBytes(report.bytes)}), ${plural(report.chunks, 'chunk')} in ${plural(report.blocks, 'block')} verified${chain}`);
      }
    } finally {
      reader.close();
    }
    return 0;
  },
};
