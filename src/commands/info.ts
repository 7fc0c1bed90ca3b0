import { basename } from 'node:path';
import type { SnapshotReader } from '../snapshot/reader.js';
import { openSnapshotAnywhere } from '../registry/open.js';
import type { ContentClass } from '../snapshot/types.js';
import { CHAIN_HELP, CHAIN_OPTIONS, COMMON_OPTIONS, chainOptions, parseCommandArgs, requireOne, type Command } from './args.js';
import { escapeControls } from '../report/escape.js';
import { formatBytes } from '../format-bytes.js';
import { plural } from '../report/plural.js';

/** Layers from the full snapshot up to this one; a parent that was not found ends the list. */
function chainJson(reader: SnapshotReader): { path: string | null; sha256: string | null; depth: number; size: number | null }[] {
  const layers = [];
  let r: SnapshotReader | null = reader;
  let want: string | null = null;
  while (r !== null) {
    layers.push({ path: r.path, sha256: want, depth: r.summary.depth ?? 0, size: r.fileSize });
    want = r.summary.parent;
    if (want !== null && r.parent === null) layers.push({ path: null, sha256: want, depth: (r.summary.depth ?? 1) - 1, size: null });
    r = r.parent;
  }
  return layers.reverse();
}

function chainLines(reader: SnapshotReader): string[] {
  if (!reader.isDelta) return [];
  const layers = chainJson(reader);
  const shown = layers.map((l) => (l.path === null ? `(parent sha256:${(l.sha256 ?? '').slice(0, 12)}… not found)` : `${basename(l.path)} ${formatBytes(l.size ?? 0)}`));
  const total = layers.reduce((n, l) => n + (l.size ?? 0), 0);
  const parent = `parent     sha256:${reader.summary.parent ?? ''}${reader.summary.parentRef === undefined ? '' : ` (made from ${reader.summary.parentRef})`}`;
  return [parent, `chain      ${shown.join(' ← ')} (${plural(layers.length, 'layer')}, ${formatBytes(total)}${layers[0]?.path === null ? ' found' : ''})`];
}

function describe(reader: SnapshotReader): string[] {
  const m = reader.summary;
  const s = m.stats;
  const lines = [
    `snapshot   ${reader.path}`,
    `format     vitsnap ${reader.trailer.major}.${reader.trailer.minor}, written by vitsnap ${m.tool.version}`,
    `created    ${m.createdAt ?? '(not recorded: set SOURCE_DATE_EPOCH to record a time)'}`,
    `contents   ${plural(s.files, 'file')}, ${plural(s.dirs, 'dir')}, ${plural(s.symlinks, 'symlink')}, ${formatBytes(s.bytes)}`,
    ...chainLines(reader),
    `stored     ${formatBytes(reader.fileSize)} (${s.bytes > 0 ? (s.bytes / reader.fileSize).toFixed(2) : '1.00'}×), ${plural(s.blocks, 'block')}, ${plural(s.chunks, 'unique chunk')}`,
  ];
  const classes = s.classes;
  lines.push(
    `classes    ${(Object.keys(classes) as ContentClass[])
      .filter((c) => classes[c].files > 0)
      .map((c) => `${c} ${classes[c].files} (${formatBytes(classes[c].bytes)})`)
      .join(', ') || 'none'}`,
  );
  const src = m.source;
  if (src.sha !== null || src.repository !== null) {
    lines.push(`source     ${src.repository ?? '(repository unknown)'} ${src.ref ?? ''} ${src.sha ?? ''}${src.dirty === true ? ' (dirty)' : ''}`.trimEnd());
  }
  const md = m.metadata;
  if (md === null) {
    lines.push('metadata   (none recorded)');
    return lines;
  }
  lines.push(`runner     ${md.runner.os}/${md.runner.arch} ${md.runner.distro ?? ''} ${md.runner.image ? `image ${md.runner.image} ${md.runner.imageVersion ?? ''}` : ''}`.trimEnd());
  const found = md.toolchains.filter((t) => t.found);
  lines.push(`toolchains ${found.length} found`);
  for (const t of found) lines.push(`  ${t.name.padEnd(8)} ${(t.version ?? t.error ?? '').split('\n')[0]}`);
  const env = Object.entries(md.env);
  lines.push(`env        ${env.length === 0 ? '(none)' : env.map(([k, v]) => `${k}=${v}`).join(' ')}  umask ${md.umask}`);
  for (const l of md.lockfiles) lines.push(`lockfile   ${l.path} ${l.sha256.slice(0, 16)}…`);
  for (const c of md.commands) lines.push(`command    ${c.name}: ${c.stdout.split('\n')[0] ?? ''}${c.exitCode === 0 ? '' : ` (exit ${c.exitCode ?? 'timeout'})`}`);
  return lines;
}

export const infoCommand: Command = {
  name: 'info',
  summary: 'describe a snapshot (reads only its trailer and manifest)',
  help: `Usage: vitsnap info FILE [--json]

Show what a snapshot holds: counts and sizes, content classes, source commit, runner, toolchains,
recorded environment, lockfiles and metadata commands. Reads only the trailer and the manifest.

A delta snapshot also shows its chain down to the full snapshot, with each layer's size, as far
as its parents are found (next to it, in the store, or given with --parent).

Options:
${CHAIN_HELP}
      --json      print the description as JSON
  -h, --help      show this help

Example:
  vitsnap info app.vitsnap
`,
  async run(argv, ctx) {
    const { values, positionals } = parseCommandArgs('info', argv, { ...COMMON_OPTIONS, ...CHAIN_OPTIONS });
    const { reader } = await openSnapshotAnywhere(requireOne('info', positionals, 'snapshot file'), { cwd: ctx.cwd, env: ctx.env, ...chainOptions(values), partialChain: true });
    try {
      const m = reader.summary;
      if (values.json === true) {
        ctx.log.out(
          JSON.stringify(
            {
              path: reader.path,
              format: { major: reader.trailer.major, minor: reader.trailer.minor },
              fileSize: reader.fileSize,
              tool: m.tool,
              createdAt: m.createdAt,
              source: m.source,
              stats: m.stats,
              metadata: m.metadata,
              ...(reader.isDelta ? { parent: m.parent, depth: m.depth, parentRef: m.parentRef ?? null, chain: chainJson(reader) } : {}),
            },
            null,
            2,
          ),
        );
      } else {
        for (const line of describe(reader)) ctx.log.out(escapeControls(line));
      }
    } finally {
      reader.close();
    }
    return 0;
  },
};
