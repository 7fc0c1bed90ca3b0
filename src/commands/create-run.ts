/** `vitsnap create`'s work, loaded only when create runs (capture threads, metadata probes). */
import { existsSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { OperationError } from '../errors.js';
import { captureSnapshot } from '../snapshot/capture.js';
import { parsePatternList } from '../snapshot/globs.js';
import { collectMetadata } from '../snapshot/metadata/index.js';
import { parseProbeList } from '../snapshot/metadata/toolchains.js';
import { parseMetadataCommand } from '../snapshot/metadata/commands.js';
import { escapeControls } from '../report/escape.js';
import { plural } from '../report/plural.js';
import { COMMON_OPTIONS, chainOptions, parseCommandArgs, type CommandContext } from './args.js';
import { formatBytes } from '../format-bytes.js';
import { addSnapshot, type AddResult } from '../store/add.js';
import { checkName, defaultStoreDir, openStore } from '../store/layout.js';
import { describeAdd } from './store.js';
import { startIncremental } from '../incremental/incremental-create.js';
import { STAT_CACHE_SUFFIX } from '../incremental/cache-files.js';
import { openParentSnapshot } from '../delta/open-parent.js';
import { chainOf } from '../delta/chain.js';
import type { DeltaStats } from '../delta/encoder.js';
import { isStoreRef } from '../store/open.js';
import { isOciRef } from '../registry/open.js';

function describeDelta(d: DeltaStats, ref: string, depth: number): string {
  const parts = [`${plural(d.inherited, 'chunk')} (${formatBytes(d.inheritedBytes)}) from the parent`];
  if (d.patched > 0) parts.push(`${plural(d.patched, 'chunk')} (${formatBytes(d.patchedBytes)}) as ${formatBytes(d.patchBytes)} of patches`);
  if (d.whole > 0) parts.push(`${plural(d.whole, 'new chunk')} (${formatBytes(d.wholeBytes)}) stored whole`);
  return `delta on ${escapeControls(ref)} (chain depth ${depth}): ${parts.join(', ')}`;
}

function displayPath(cwd: string, path: string): string {
  const rel = relative(cwd, path);
  return rel === '' || rel.startsWith('..') ? path : rel;
}

export async function runCreate(argv: string[], ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseCommandArgs('create', argv, {
    ...COMMON_OPTIONS,
    root: { type: 'string', short: 'C' },
    output: { type: 'string', short: 'o' },
    exclude: { type: 'string', multiple: true },
    'meta-cmd': { type: 'string', multiple: true },
    'env-allowlist': { type: 'string' },
    probes: { type: 'string' },
    'no-metadata': { type: 'boolean' },
    workers: { type: 'string' },
    'allow-empty': { type: 'boolean' },
    store: { type: 'string' },
    name: { type: 'string' },
    parent: { type: 'string' },
    'max-depth': { type: 'string' },
    since: { type: 'string' },
    rehash: { type: 'boolean' },
  });
  const { maxDepth } = chainOptions({ 'max-depth': values['max-depth'] });
  const root = resolve(ctx.cwd, values.root ?? '.');
  const toStore = values.store !== undefined || values.name !== undefined;
  const store = toStore ? openStore(defaultStoreDir(values.store, ctx.env, ctx.cwd), true) : null;
  if (values.name !== undefined) checkName(values.name);
  // Into a store without -o: the file is only a vehicle, written in the store's tmp/ and removed.
  const keepFile = store === null || values.output !== undefined;
  const output = store !== null && !keepFile ? join(store.tmp, `create-${process.pid}-${Date.now()}.vitsnap`) : resolve(ctx.cwd, values.output ?? 'snapshot.vitsnap');
  const patterns: string[] = positionals.flatMap((p) => parsePatternList(p));
  for (const ex of values.exclude ?? []) patterns.push(`!${ex.replace(/^!/, '')}`);
  const userPatterns = [...patterns];
  // Stat caches are this machine's state (inodes, times): never captured, like vitsnap's temp files.
  patterns.push(`!**/*.vitsnap${STAT_CACHE_SUFFIX}`);
  const relOutput = relative(root, output);
  if (relOutput !== '' && !relOutput.startsWith('..') && !relOutput.startsWith('/')) {
    // Never capture the snapshot itself (or an older one at the same path), nor its stat cache.
    patterns.push(`!${relOutput.split('\\').join('/')}`, `!${relOutput.split('\\').join('/')}${STAT_CACHE_SUFFIX}`);
  }
  const relStore = store === null ? '' : relative(root, store.root);
  if (store !== null && (relStore === '' || (!relStore.startsWith('..') && !relStore.startsWith('/')))) {
    if (relStore === '') throw new OperationError('E_USAGE', `the store ${store.root} is the directory being captured; keep the store outside it`);
    patterns.push(`!${relStore.split('\\').join('/')}`);
  }
  let workers: number | undefined;
  if (values.workers !== undefined) {
    workers = Number(values.workers);
    if (!Number.isInteger(workers) || workers < 1 || workers > 64) {
      throw new OperationError('E_USAGE', `--workers takes a whole number from 1 to 64 (got ${escapeControls(values.workers)}); leave it out to let vitsnap choose`);
    }
  }
  if (values['no-metadata'] === true && (values['meta-cmd'] !== undefined || values['env-allowlist'] !== undefined || values.probes !== undefined)) {
    throw new OperationError('E_USAGE', '--no-metadata cannot be combined with --meta-cmd, --env-allowlist or --probes; drop one of them');
  }
  const probes = values.probes === undefined ? null : parseProbeList(values.probes.split(','), '--probes', 'E_USAGE');
  if (values.probes !== undefined && probes === null) throw new OperationError('E_USAGE', "--probes takes tool names such as gcc,node, or 'none'; leave it out for the built-in list");
  const commands = (values['meta-cmd'] ?? []).map(parseMetadataCommand);
  const envAllowlist = (values['env-allowlist'] ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
  const started = Date.now();
  const metadata =
    values['no-metadata'] === true
      ? null
      : (signal: AbortSignal) =>
          collectMetadata({ root, envAllowlist, commands, env: ctx.env, probes: probes ?? undefined, signal }).then((m) => {
            for (const w of m.warnings) ctx.log.warn(w);
            return { metadata: m.metadata, source: m.source };
          });
  // Its start time is taken here, before the walk (a parent fetched meanwhile only widens the racy window).
  // A delta on a file made here has that file's stat cache beside it: reuse it unless told otherwise.
  const parentFile = values.parent !== undefined && !isStoreRef(values.parent) && !isOciRef(values.parent) ? resolve(ctx.cwd, values.parent) : null;
  const sincePath = values.since !== undefined ? resolve(ctx.cwd, values.since) : parentFile !== null && values.rehash !== true && existsSync(parentFile + STAT_CACHE_SUFFIX) ? parentFile : null;
  const incremental = startIncremental({
    root,
    patterns: userPatterns,
    excludeHidden: false,
    since: sincePath,
    storeRoot: store?.root ?? null,
    rehash: values.rehash === true,
    warn: (message) => ctx.log.warn(message),
  });
  const parent = values.parent === undefined ? null : await openParentSnapshot(values.parent, { cwd: ctx.cwd, env: ctx.env, maxDepth, onProgress: (done, total) => ctx.log.progress('fetching parent', done, total, 'chunk') });
  // A delta in a store needs its parents there too: the files among them are added first, bottom up.
  const parentFiles = parent === null ? [] : chainOf(parent.reader).map((r) => r.path).filter((p) => !isStoreRef(p) && !isOciRef(p) && existsSync(p)).reverse();
  let result;
  try {
    result = await captureSnapshot({
      parent,
      reuse: incremental.reuse,
      root,
      patterns,
      output,
      workers,
      metadata,
      sourceDateEpoch: ctx.env.SOURCE_DATE_EPOCH,
      allowEmpty: values['allow-empty'] === true,
      onProgress: (p) => ctx.log.progress('capturing', p.doneBytes, p.totalBytes),
    });
  } catch (error) {
    if (!keepFile) rmSync(output, { force: true });
    throw error;
  } finally {
    parent?.reader.close();
  }
  ctx.log.done();
  const cache = incremental.finish(result.output, keepFile, result.sha256);
  let stored: AddResult | null = null;
  if (store !== null) {
    try {
      for (const file of parentFiles) await addSnapshot(store, file);
      stored = await addSnapshot(store, result.output, { name: values.name, verifyBlocks: false, onProgress: (p) => ctx.log.progress('storing', p.doneBlocks, p.totalBlocks, 'block') });
    } finally {
      if (!keepFile) rmSync(result.output, { force: true });
    }
    ctx.log.done();
    cache.intoStore(store.root);
  }
  for (const s of result.skipped) ctx.log.warn(`skipped ${escapeControls(s.path)}: ${s.reason}`);
  const { stats } = result.manifest;
  // --quiet: warnings and errors only; --json is an explicit request for the result, so it still prints.
  if (values.json === true) {
    const file = keepFile ? { output: result.output } : {};
    const chain = result.delta === null ? {} : { parent: result.manifest.parent, depth: result.manifest.depth, delta: result.delta };
    ctx.log.out(JSON.stringify({ ...file, size: result.size, stats, ...chain, skipped: result.skipped, reused: result.reused, ...(stored === null ? {} : { store: { root: store?.root, ...stored } }) }, null, 2));
  } else if (values.quiet !== true) {
    // A ratio only means something once the data outweighs the snapshot's fixed overhead.
    const ratio = stats.bytes > result.size ? ` (${(stats.bytes / result.size).toFixed(2)}×)` : '';
    const what = `${plural(stats.files, 'file')}, ${plural(stats.dirs, 'dir')}, ${plural(stats.symlinks, 'symlink')}, ${formatBytes(stats.bytes)} → ${formatBytes(result.size)}${ratio}`;
    const took = `in ${((Date.now() - started) / 1000).toFixed(2)} s`;
    if (keepFile) ctx.log.out(`wrote ${escapeControls(displayPath(ctx.cwd, result.output))}: ${what} ${took}`);
    if (result.delta !== null && parent !== null) ctx.log.out(describeDelta(result.delta, parent.ref, result.manifest.depth ?? 1));
    if (stored !== null && store !== null) ctx.log.out(`${describeAdd(stored, values.name, store.root)}${keepFile ? '' : ` (${what}) ${took}`}`);
    // "without hashing": a full snapshot still reads their bytes to pack them into blocks.
    if (incremental.source !== null) {
      const since = incremental.source === 'since' && sincePath !== null ? escapeControls(values.since ?? values.parent ?? sincePath) : 'the last capture of this tree into the store';
      ctx.log.out(`${plural(result.reused, 'file')} of ${stats.files} reused without hashing (unchanged since ${since})`);
    }
  }
  return 0;
}
