import { resolve } from 'node:path';
import { OperationError } from '../errors.js';
import { parseSize } from '../snapshot/expansion.js';
import { compileGlobs } from '../snapshot/globs.js';
import { isStoreRef } from '../store/open.js';
import { isOciRef, openSnapshotAnywhere } from '../registry/open.js';
import { ensurePlainCopy } from '../store/plain.js';
import type { FileEntry } from '../snapshot/types.js';
import { restoreSnapshot } from '../snapshot/restore.js';
import { CHAIN_HELP, CHAIN_OPTIONS, COMMON_OPTIONS, chainOptions, parseCommandArgs, requireOne, type Command } from './args.js';
import { formatBytes } from '../format-bytes.js';
import { plural } from '../report/plural.js';

export const restoreCommand: Command = {
  name: 'restore',
  summary: 'write a snapshot\'s files back to a directory, byte for byte',
  help: `Usage: vitsnap restore FILE -C DIR [--only GLOB]… [--force] [--max-size N | --allow-expand]

Write the snapshot's files, directories and symlinks under DIR with their recorded modes
(setuid/setgid bits are never restored). Each file is checked against its SHA-256 before it is
moved into place. Entries that would land outside DIR ('..', absolute paths, a path through a
symlink) are refused.

DIR must be empty (or missing) unless --force. If the restore fails (a corrupt block, a full
disk) or is interrupted (Ctrl-C), everything it wrote is removed and DIR is left as it was; a
restore that was killed (SIGKILL, a power cut) is undone by the next restore into DIR. Before writing, the total size of the files is checked
against the free space in DIR, and against 10x the snapshot's own size (at least 64 MiB): a
forged snapshot can repeat one chunk to claim terabytes. Snapshots of very compressible or
duplicated files can legitimately exceed that; pass --allow-expand or --max-size for those.

Options:
  -C, --dir DIR       directory to restore into (required; created if missing)
      --only GLOB     restore only matching paths (repeatable)
      --force         restore into a non-empty DIR: files and symlinks the snapshot also has are
                      replaced, everything else is kept. Risk: once the restore succeeds, the
                      files it replaced are gone, and directories the snapshot also has get
                      its modes; a failed restore puts the replaced files back
      --max-size N    refuse snapshots with more than N bytes of files (e.g. 512M, 10G)
      --allow-expand  lift the 10x bound (--max-size still applies)
      --link          for a store:NAME snapshot: hardlink each file to a read-only copy kept in
                      the store instead of writing it (same filesystem; else files are copied,
                      and the output says so). Linked files are read-only: do not chmod them to
                      edit them, copy them first
${CHAIN_HELP}
      --json          print the result as JSON
  -q, --quiet         print only errors (--json still prints the result)
  -h, --help          show this help

Examples:
  vitsnap restore app.vitsnap -C /tmp/app --only 'bin/**'
  vitsnap restore app.vitsnap -C . --force --max-size 2G
  vitsnap restore store:main -C /tmp/main --link
`,
  async run(argv, ctx) {
    const { values, positionals } = parseCommandArgs('restore', argv, {
      ...COMMON_OPTIONS,
      dir: { type: 'string', short: 'C' },
      only: { type: 'string', multiple: true },
      force: { type: 'boolean' },
      'max-size': { type: 'string' },
      'allow-expand': { type: 'boolean' },
      link: { type: 'boolean' },
      ...CHAIN_OPTIONS,
    });
    const file = requireOne('restore', positionals, 'snapshot file');
    if (values.dir === undefined) throw new OperationError('E_USAGE', "restore needs a target directory: -C DIR; run 'vitsnap restore --help'");
    const maxSize = values['max-size'] === undefined ? undefined : parseSize(values['max-size']);
    if (values.link === true && !isStoreRef(file) && !isOciRef(file)) {
      throw new OperationError('E_USAGE', `--link restores from a store: add the snapshot (vitsnap store add ${file}) and restore store:NAME`);
    }
    const { reader, store } = await openSnapshotAnywhere(file, { cwd: ctx.cwd, env: ctx.env, ...chainOptions(values), fetchAll: true, onProgress: (done, total) => ctx.log.progress('fetching', done, total, 'chunk') });
    try {
      const only = values.only === undefined ? undefined : compileGlobs(values.only);
      const report = await restoreSnapshot(reader, resolve(ctx.cwd, values.dir), {
        only,
        force: values.force === true,
        limits: { maxSize, allowExpand: values['allow-expand'] === true },
        onProgress: (done, total) => ctx.log.progress('restoring', done, total),
        ...(values.link === true && store !== null ? { linkSource: (entry: FileEntry) => ensurePlainCopy(store, reader, entry) } : {}),
      });
      ctx.log.done();
      if (values.json === true) ctx.log.out(JSON.stringify(report, null, 2));
      else if (values.quiet !== true) {
        ctx.log.out(`restored ${plural(report.files, 'file')} (${formatBytes(report.bytes)}), ${plural(report.dirs, 'dir')}, ${plural(report.symlinks, 'symlink')} into ${values.dir}`);
        if (report.linked !== undefined) ctx.log.out(`${plural(report.linked, 'file')} hardlinked read-only from the store`);
      }
      if (report.linkFallback !== undefined) {
        const copied = report.files - (report.linked ?? 0);
        ctx.log.warn(`--link: ${report.linkFallback}, so ${plural(copied, 'file')} ${copied === 1 ? 'was' : 'were'} copied instead of linked`);
      }
    } finally {
      reader.close();
    }
    return 0;
  },
};
