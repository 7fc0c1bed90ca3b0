/** `vitsnap flatten` and `vitsnap merge`: rewrite a delta chain as one file or as a shorter chain. */
import { basename, relative, resolve } from 'node:path';
import { OperationError } from '../errors.js';
import { formatBytes } from '../format-bytes.js';
import { openSnapshotAnywhere } from '../registry/open.js';
import { escapeControls } from '../report/escape.js';
import { plural } from '../report/plural.js';
import type { SnapshotReader } from '../snapshot/reader.js';
import { chainOf } from '../delta/chain.js';
import { CHAIN_HELP, CHAIN_OPTIONS, COMMON_OPTIONS, chainOptions, parseCommandArgs, requireOne, type CommandContext, type Command } from './args.js';

function outputOf(command: string, value: string | undefined, ctx: CommandContext): string {
  if (value === undefined) throw new OperationError('E_USAGE', `${command} needs an output file: -o FILE; run 'vitsnap ${command} --help'`);
  return resolve(ctx.cwd, value);
}

function shown(ctx: CommandContext, path: string): string {
  const rel = relative(ctx.cwd, path);
  return escapeControls(rel === '' || rel.startsWith('..') ? path : rel);
}

export const flattenCommand: Command = {
  name: 'flatten',
  summary: 'turn a delta snapshot and its parents into one self-contained snapshot',
  help: `Usage: vitsnap flatten SNAPSHOT -o FILE

Write SNAPSHOT's tree, metadata and source as a full snapshot that needs no parent: the same
file a full 'vitsnap create' of that tree would have written. Every layer is read and every
file checked against its SHA-256 on the way.

Options:
  -o, --output FILE   the full snapshot to write (required)
${CHAIN_HELP}
      --json          print the result as JSON
  -q, --quiet         print only errors
  -h, --help          show this help

Example:
  vitsnap flatten pr-3.vitsnap -o pr-3-full.vitsnap
`,
  async run(argv, ctx) {
    const { values, positionals } = parseCommandArgs('flatten', argv, { ...COMMON_OPTIONS, ...CHAIN_OPTIONS, output: { type: 'string', short: 'o' } });
    const input = requireOne('flatten', positionals, 'snapshot');
    const output = outputOf('flatten', values.output, ctx);
    const { reader } = await openSnapshotAnywhere(input, { cwd: ctx.cwd, env: ctx.env, ...chainOptions(values), fetchAll: true });
    try {
      const { rewriteSnapshot } = await import('../delta/rewrite.js');
      const result = await rewriteSnapshot(reader, output, { parent: null, onProgress: (done, total) => ctx.log.progress('flattening', done, total) });
      ctx.log.done();
      if (values.json === true) ctx.log.out(JSON.stringify({ output: result.output, size: result.size, layers: chainOf(reader).length }, null, 2));
      else if (values.quiet !== true) {
        ctx.log.out(`wrote ${shown(ctx, result.output)}: ${plural(chainOf(reader).length, 'layer')} flattened into ${formatBytes(result.size)} (${plural(result.manifest.stats.files, 'file')}, ${formatBytes(result.manifest.stats.bytes)})`);
      }
    } finally {
      reader.close();
    }
    return 0;
  },
};

export const mergeCommand: Command = {
  name: 'merge',
  summary: 'fold the top layers of a delta chain into one delta',
  help: `Usage: vitsnap merge SNAPSHOT -o FILE [--layers N]

Write SNAPSHOT's tree as one delta against an older layer of its chain, so base ← 1 ← 2 ← 3
becomes base ← 3'. Restoring the result gives exactly what restoring SNAPSHOT gives. By default
every delta layer is folded and the result's parent is the full snapshot at the bottom; --layers N
folds only the top N layers (SNAPSHOT and N-1 below it).

Options:
  -o, --output FILE   the delta to write (required)
      --layers N      fold the top N layers (default: all delta layers)
${CHAIN_HELP}
      --json          print the result as JSON
  -q, --quiet         print only errors
  -h, --help          show this help

Example:
  vitsnap merge nightly-7.vitsnap -o nightly-7-on-base.vitsnap
`,
  async run(argv, ctx) {
    const { values, positionals } = parseCommandArgs('merge', argv, { ...COMMON_OPTIONS, ...CHAIN_OPTIONS, output: { type: 'string', short: 'o' }, layers: { type: 'string' } });
    const input = requireOne('merge', positionals, 'snapshot');
    const output = outputOf('merge', values.output, ctx);
    const { reader } = await openSnapshotAnywhere(input, { cwd: ctx.cwd, env: ctx.env, ...chainOptions(values), fetchAll: true });
    try {
      const layers = chainOf(reader);
      if (!reader.isDelta) throw new OperationError('E_USAGE', `${input} is a full snapshot: there is no chain to merge`);
      const deltas = layers.length - 1;
      const fold = values.layers === undefined ? deltas : Number(values.layers);
      if (!Number.isInteger(fold) || fold < 1 || fold > deltas) {
        throw new OperationError('E_USAGE', `--layers takes a whole number from 1 to ${deltas}, the delta layers of ${input} (got ${escapeControls(values.layers ?? '')})`);
      }
      const above = layers[fold - 1] as SnapshotReader;
      const ancestor = layers[fold] as SnapshotReader;
      const digest = above.summary.parent ?? '';
      const { rewriteSnapshot } = await import('../delta/rewrite.js');
      const result = await rewriteSnapshot(reader, output, { parent: { reader: ancestor, digest, ref: basename(ancestor.path) }, onProgress: (done, total) => ctx.log.progress('merging', done, total) });
      ctx.log.done();
      if (values.json === true) ctx.log.out(JSON.stringify({ output: result.output, size: result.size, folded: fold, parent: digest, depth: result.manifest.depth, delta: result.delta }, null, 2));
      else if (values.quiet !== true) {
        ctx.log.out(`wrote ${shown(ctx, result.output)}: ${plural(fold, 'layer')} folded into one delta of ${formatBytes(result.size)} on ${escapeControls(basename(ancestor.path))} (chain depth ${result.manifest.depth ?? 1})`);
      }
    } finally {
      reader.close();
    }
    return 0;
  },
};
