import { openSnapshotAnywhere } from '../registry/open.js';
import type { Entry, Manifest } from '../snapshot/types.js';
import { CHAIN_OPTIONS, COMMON_OPTIONS, chainOptions, parseCommandArgs, requireOne, type Command } from './args.js';

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
    const { values, positionals } = parseCommandArgs('export', argv, { ...COMMON_OPTIONS, ...CHAIN_OPTIONS });
    const { reader } = await openSnapshotAnywhere(requireOne('export', positionals, 'snapshot file'), { cwd: ctx.cwd, env: ctx.env, ...chainOptions(values), partialChain: true });
    try {
      writeManifestJson(reader.manifest, ctx.log.out);
    } finally {
      reader.close();
    }
    return 0;
  },
};

/** Text is handed to `out` in pieces of about this many characters. */
const BATCH_CHARS = 1 << 20;

/**
 * Prints exactly `JSON.stringify(manifest, null, 2)`, but entry by entry: the whole text of a
 * million-entry manifest is several hundred MB as one string (docs/benchmarks.md).
 */
export function writeManifestJson(manifest: Manifest, out: (text: string) => void): void {
  const { entries, ...summary } = manifest;
  const head = JSON.stringify({ ...summary, entries: [] }, null, 2);
  if (entries.length === 0) {
    out(head);
    return;
  }
  // `head` ends with `"entries": []` and a closing line: open the array there and write the entries into it.
  let batch = `${head.slice(0, head.length - '[]\n}'.length)}[\n`;
  const flush = (): void => {
    if (batch.length < BATCH_CHARS) return;
    // `out` adds the newline the batch ends with.
    out(batch.slice(0, -1));
    batch = '';
  };
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i] as Entry;
    const end = i + 1 === entries.length ? '\n  ]\n}' : ',\n';
    const chunks = entry.type === 'file' ? entry.chunks : undefined;
    if (chunks === undefined) {
      batch += `    ${JSON.stringify(entry, null, 2).replaceAll('\n', '\n    ')}${end}`;
    } else {
      // `chunks` is the last member and can hold a million digests: written a line at a time.
      const text = JSON.stringify({ ...entry, chunks: [] }, null, 2).replaceAll('\n', '\n    ');
      batch += `    ${text.slice(0, text.length - '[]\n    }'.length)}[\n`;
      for (let c = 0; c < chunks.length; c++) {
        batch += `        ${JSON.stringify(chunks[c])}${c + 1 < chunks.length ? ',' : ''}\n`;
        flush();
      }
      batch += `      ]\n    }${end}`;
    }
    if (i + 1 < entries.length) flush();
  }
  out(batch);
}
