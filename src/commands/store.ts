/** `vitsnap store …`: a content-addressed store shared by many snapshots (docs/store.md). */
import { basename, resolve } from 'node:path';
import { OperationError } from '../errors.js';
import { formatBytes } from '../format-bytes.js';
import { escapeControls } from '../report/escape.js';
import { plural } from '../report/plural.js';
import { parseSize } from '../snapshot/expansion.js';
import { addSnapshot, type AddResult } from '../store/add.js';
import { exportSnapshot } from '../store/export.js';
import { collectGarbage } from '../store/gc.js';
import { defaultStoreDir, openStore } from '../store/layout.js';
import { deltasOn, listRecords, openRecord, removeRecord, resolveRef } from '../store/records.js';
import { verifyStore } from '../store/verify.js';
import { COMMON_OPTIONS, parseCommandArgs, requireOne, type Command, type CommandContext } from './args.js';

const HELP = `Usage: vitsnap store <add|export|ls|rm|gc|verify> [options]

A store keeps the chunks of many snapshots once each: builds that share most of their bytes
share most of their chunks. Snapshots in it are named by the SHA-256 of their .vitsnap file and
may also carry names; any command here takes a name, the id or a unique prefix of the id.

Commands:
  add FILE…              take .vitsnap files in (only chunks the store lacks are written)
  export REF -o FILE     write a stored snapshot out as a standalone .vitsnap file (byte-identical
                         to the one added)
  ls                     list the stored snapshots
  rm REF…                forget snapshots (their chunks go at the next gc)
  gc [--max-size SIZE]   delete chunks no snapshot uses; with --max-size, first forget the least
                         recently used snapshots until the store fits. Shows what it would do;
                         --apply does it
  verify                 check every chunk and every snapshot record

Options:
      --store DIR     the store (default: $VITSNAP_STORE, else $XDG_CACHE_HOME/vitsnap, else
                      ~/.cache/vitsnap)
      --name NAME     add: name the snapshot (one FILE only); a name moves like a tag
  -o, --output FILE   export: the file to write
      --max-size SIZE gc: the budget, e.g. 5G, 500M
      --apply         gc: delete, instead of showing what would be deleted
      --json          print the result as JSON
  -q, --quiet         print only errors (--json still prints the result)
  -h, --help          show this help

Examples:
  vitsnap create -C build --store ./.vitsnap-store --name main
  vitsnap store add nightly.vitsnap --name nightly
  vitsnap store ls
  vitsnap store export main -o main.vitsnap
  vitsnap store gc --max-size 5G --apply
`;

function shortId(id: string): string {
  return id.slice(0, 12);
}

export function describeAdd(r: AddResult, name: string | undefined, root: string): string {
  const label = name === undefined ? shortId(r.id) : `${shortId(r.id)} (${name})`;
  const verb = r.added ? 'stored' : 'already stored';
  return (
    `${verb} ${label} in ${root}: ${plural(r.chunks, 'chunk')}, ${r.newChunks} new, ${r.reusedChunks} reused` +
    ` (${formatBytes(r.reusedBytes)} saved), ${formatBytes(r.writtenBytes)} written`
  );
}

const SUBCOMMANDS = ['add', 'export', 'ls', 'rm', 'gc', 'verify'] as const;

export const storeCommand: Command = {
  name: 'store',
  summary: 'keep many snapshots in one deduplicating store (add, export, ls, rm, gc, verify)',
  help: HELP,
  async run(argv, ctx) {
    const { values, positionals } = parseCommandArgs('store', argv, {
      ...COMMON_OPTIONS,
      store: { type: 'string' },
      name: { type: 'string' },
      output: { type: 'string', short: 'o' },
      'max-size': { type: 'string' },
      apply: { type: 'boolean' },
    });
    const [sub, ...args] = positionals;
    if (sub === undefined || !(SUBCOMMANDS as readonly string[]).includes(sub)) {
      const got = sub === undefined ? 'nothing' : JSON.stringify(escapeControls(sub));
      throw new OperationError('E_USAGE', `vitsnap store takes one of ${SUBCOMMANDS.join(', ')} (got ${got}); run 'vitsnap store --help'`);
    }
    const root = defaultStoreDir(values.store, ctx.env, ctx.cwd);
    const json = values.json === true;
    const say = (line: string): void => {
      if (!json && values.quiet !== true) ctx.log.out(line);
    };
    switch (sub) {
      case 'add': {
        if (args.length === 0) throw new OperationError('E_USAGE', "store add takes one or more .vitsnap files; run 'vitsnap store --help'");
        if (values.name !== undefined && args.length > 1) throw new OperationError('E_USAGE', '--name names one snapshot: add the files one at a time to name each');
        const layout = openStore(root, true);
        const results: (AddResult & { file: string })[] = [];
        for (const file of args) {
          const r = await addSnapshot(layout, resolve(ctx.cwd, file), {
            name: values.name,
            onProgress: (p) => ctx.log.progress(`adding ${basename(file)}`, p.doneBlocks, p.totalBlocks, 'block'),
          });
          ctx.log.done();
          results.push({ file, ...r });
          say(describeAdd(r, values.name, layout.root));
        }
        if (json) ctx.log.out(JSON.stringify({ store: layout.root, added: results }, null, 2));
        return 0;
      }
      case 'export': {
        const layout = openStore(root, false);
        const id = resolveRef(layout, requireOne('store export', args, 'snapshot (name or id)'));
        if (values.output === undefined) throw new OperationError('E_USAGE', `store export needs -o FILE, e.g. vitsnap store export ${shortId(id)} -o build.vitsnap`);
        const r = await exportSnapshot(layout, id, resolve(ctx.cwd, values.output), (done, total) => ctx.log.progress('exporting', done, total, 'block'));
        ctx.log.done();
        if (!r.identical) ctx.log.warn(`${values.output}: the blocks encode differently with this vitsnap; the file holds the same content under SHA-256 ${r.sha256}`);
        say(`wrote ${values.output}: ${formatBytes(r.bytes)}, sha256 ${r.sha256}`);
        if (json) ctx.log.out(JSON.stringify({ id, ...r }, null, 2));
        return 0;
      }
      case 'ls':
        return listStore(openStore(root, false), json, ctx);
      case 'rm': {
        if (args.length === 0) throw new OperationError('E_USAGE', "store rm takes one or more snapshot names or ids; run 'vitsnap store --help'");
        const layout = openStore(root, false);
        const ids = args.map((ref) => resolveRef(layout, ref));
        for (const id of ids) {
          const kept = deltasOn(layout, id).filter((child) => !ids.includes(child));
          if (kept.length > 0) {
            throw new OperationError('E_USAGE', `${shortId(id)} is the parent of ${kept.map(shortId).join(', ')}, which would become unreadable; remove those too, or flatten them first (vitsnap flatten store:${shortId(kept[0] ?? '')} -o FILE)`);
          }
        }
        const removed = ids.map((id) => {
          const names = removeRecord(layout, id);
          say(`removed ${shortId(id)}${names.length > 0 ? ` (${names.join(', ')})` : ''}; its chunks are freed by vitsnap store gc --apply`);
          return { id, names };
        });
        if (json) ctx.log.out(JSON.stringify({ removed }, null, 2));
        return 0;
      }
      case 'gc': {
        const layout = openStore(root, false);
        const maxBytes = values['max-size'] === undefined ? undefined : parseSize(values['max-size']);
        const plan = await collectGarbage(layout, { maxBytes, apply: values.apply === true });
        for (const u of plan.unreadable) ctx.log.warn(`snapshot ${shortId(u.id)} cannot be read (${u.reason}); no chunk was deleted: fix or rm it first`);
        const verb = plan.applied ? 'deleted' : 'would delete';
        for (const s of plan.evicted) say(`${plan.applied ? 'forgot' : 'would forget'} ${shortId(s.id)}${s.names.length > 0 ? ` (${s.names.join(', ')})` : ''}, last used ${new Date(s.lastUsedMs).toISOString()}`);
        const plainNote = plan.plainDeleted > 0 ? ` and ${plural(plan.plainDeleted, 'plain copy', 'plain copies')}` : '';
        say(`${verb} ${plural(plan.chunksDeleted, 'chunk')}${plainNote}: ${formatBytes(plan.bytesBefore)} → ${formatBytes(plan.bytesAfter)} (${plural(plan.kept.length, 'snapshot')} kept)`);
        if (!plan.applied && (plan.chunksDeleted > 0 || plan.evicted.length > 0 || plan.plainDeleted > 0)) say('nothing was deleted; run again with --apply to do it');
        if (json) ctx.log.out(JSON.stringify({ ...plan, evicted: plan.evicted.map((s) => s.id), kept: plan.kept.map((s) => s.id) }, null, 2));
        return 0;
      }
      case 'verify': {
        const layout = openStore(root, false);
        const r = await verifyStore(layout, (done, total) => ctx.log.progress('verifying', done, total, 'chunk'));
        ctx.log.done();
        const ok = r.badChunks.length === 0 && r.damaged.length === 0;
        if (json) ctx.log.out(JSON.stringify({ ok, ...r }, null, 2));
        for (const b of r.badChunks) ctx.log.warn(`chunk ${shortId(b.digest)}…: ${b.reason}`);
        for (const d of r.damaged) ctx.log.warn(`snapshot ${shortId(d.id)}: ${d.reason}`);
        for (const path of r.modifiedPlain) {
          ctx.log.warn(`${path}: this read-only copy was edited through a hardlink, so trees restored with --link hold the edited bytes; remove it (rm -f) and restore those trees again`);
        }
        const orphans = r.orphans > 0 ? `; ${plural(r.orphans, 'chunk')} unused (vitsnap store gc --apply frees them)` : '';
        if (ok) say(`ok: ${plural(r.snapshots, 'snapshot')}, ${plural(r.chunks, 'chunk')} (${formatBytes(r.bytes)}) verified${orphans}`);
        if (!ok) {
          throw new OperationError('E_IO', `store ${layout.root} is damaged: ${plural(r.damaged.length, 'snapshot')} and ${plural(r.badChunks.length, 'chunk')} affected; rm the damaged snapshots and add them again from good copies`);
        }
        return 0;
      }
    }
    return 0;
  },
};

function listStore(layout: ReturnType<typeof openStore>, json: boolean, ctx: CommandContext): number {
  const rows = listRecords(layout).map((s) => {
    const reader = openRecord(layout, s.id);
    try {
      const { stats, createdAt, source } = reader.summary;
      return { ...s, files: stats.files, bytes: stats.bytes, createdAt, sha: source.sha };
    } finally {
      reader.close();
    }
  });
  if (json) {
    ctx.log.out(JSON.stringify({ store: layout.root, snapshots: rows }, null, 2));
    return 0;
  }
  if (rows.length === 0) {
    ctx.log.out(`store ${layout.root} holds no snapshots; add one with vitsnap store add FILE or vitsnap create --store`);
    return 0;
  }
  for (const r of rows.sort((a, b) => b.lastUsedMs - a.lastUsedMs)) {
    const names = r.names.length > 0 ? ` ${r.names.join(', ')}` : '';
    const from = r.sha !== null ? ` commit ${r.sha.slice(0, 12)}` : r.createdAt !== null ? ` created ${r.createdAt}` : '';
    ctx.log.out(`${shortId(r.id)}${names}: ${plural(r.files, 'file')}, ${formatBytes(r.bytes)}${from}, last used ${new Date(r.lastUsedMs).toISOString()}`);
  }
  return 0;
}
