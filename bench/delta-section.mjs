// The delta section of `npm run bench -- --only delta` (issue #12, "Benchmark"): build 1 (the
// cached tree with 1 % of files changed, the diff section's tree B) as a delta on build 0, against
// a full snapshot and the sum of per-file xdelta3 and zstd --patch-from patches; restore of the
// chain, flatten; incremental re-capture (--since). See bench/README.md ("Delta section").
// run.mjs hands in its measuring helpers (`ctx`), so this module only arranges and reports.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { constants, zstdCompressSync, zstdDecompressSync } from 'node:zlib';
import { fmtRatio, fmtS, loadNow, parseJson, ratio } from './shared.mjs';

const TARGET_VS_XDELTA = 1.5; // delta bytes / sum of per-file xdelta3 patches, at most (issue #12)
const TARGET_SHARE = 0.03; // delta bytes / full snapshot bytes, at most
const TARGET_RECAPTURE = 10; // full create wall / incremental re-capture of the unchanged tree, at least
const TOP = 12; // rows in the biggest-contributors table

const ok = (r) => r && !r.error;
const kb = (bytes) => (bytes === undefined ? '—' : (bytes / 1000).toFixed(1));
const pct = (v) => (v === undefined ? '—' : `${(100 * v).toFixed(2)} %`);
const esc = (s) => String(s).replaceAll('|', '\\|');

// ---------- what changed between the builds ----------

// Files of B that A lacks or holds with another size or mtime (the mutator gives every file it
// touches a later mtime), and files of A that B lacks.
function treeChanges(a, b) {
  const changed = [];
  const added = [];
  const seen = new Set();
  const walk = (rel) => {
    for (const e of fs.readdirSync(path.join(b, rel), { withFileTypes: true })) {
      const r = path.join(rel, e.name);
      if (e.isDirectory()) walk(r);
      if (!e.isFile()) continue;
      seen.add(r);
      const sa = fs.lstatSync(path.join(a, r), { throwIfNoEntry: false });
      const sb = fs.lstatSync(path.join(b, r));
      if (!sa?.isFile()) added.push(r);
      else if (sa.size !== sb.size || sa.mtimeMs !== sb.mtimeMs) changed.push(r);
    }
  };
  walk('');
  const removed = [];
  const walkA = (rel) => {
    for (const e of fs.readdirSync(path.join(a, rel), { withFileTypes: true })) {
      const r = path.join(rel, e.name);
      if (e.isDirectory()) walkA(r);
      else if (e.isFile() && !seen.has(r)) removed.push(r);
    }
  };
  walkA('');
  return { changed, added, removed };
}

// ---------- peers: one patch per changed file ----------

function outputSize(argv, file) {
  fs.rmSync(file, { force: true });
  const r = spawnSync(argv[0], argv.slice(1), { stdio: ['ignore', 'ignore', 'pipe'] });
  const size = r.status === 0 && fs.existsSync(file) ? fs.statSync(file).size : undefined;
  fs.rmSync(file, { force: true });
  return size;
}

// An added file has no old version: xdelta3 without -s (its own matches only) and plain zstd -3.
// -D: xdelta3 would otherwise gunzip a .gz input (and fail on one the mutator damaged).
function peerPatches(ctx, changes, haveXdelta, haveZstd) {
  const xd = path.join(ctx.out, 'peer.xd3');
  const zs = path.join(ctx.out, 'peer.zst');
  const rows = [];
  const t0 = performance.now();
  for (const [kind, list] of [['changed', changes.changed], ['added', changes.added]]) {
    for (const rel of list) {
      const neu = path.join(ctx.build1, rel);
      const old = path.join(ctx.build0, rel);
      const source = kind === 'changed' ? ['-s', old] : [];
      rows.push({
        rel,
        kind,
        size: fs.statSync(neu).size,
        xdelta3: haveXdelta ? outputSize(['xdelta3', '-e', '-9', '-S', 'none', '-D', '-f', ...source, neu, xd], xd) : undefined,
        zstd: haveZstd ? outputSize(['zstd', '-q', '-f', '-3', ...(kind === 'changed' ? [`--patch-from=${old}`] : []), neu, '-o', zs], zs) : undefined,
      });
    }
  }
  return { rows, seconds: (performance.now() - t0) / 1000 };
}

// ---------- what the delta file is made of ----------

// The trailer, index and entries of a .vitsnap (docs/format.md §2, §6, §7), read directly so the
// breakdown does not depend on what `info --json` chooses to show. A delta whose entries are a
// patch (`entriesPatch`, §16) needs its parent's raw entries.
function readLayout(file, parentRawEntries = null) {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const read = (offset, length) => {
      const buf = Buffer.alloc(length);
      fs.readSync(fd, buf, 0, length, offset);
      return buf;
    };
    const t = read(size - 200, 200);
    const u64 = (o) => Number(t.readBigUInt64LE(o));
    const layout = {
      size,
      blockBytes: u64(8) - 32,
      entriesStored: u64(16),
      manifestStored: u64(40),
      indexLength: u64(64),
      blockCount: t.readUInt32LE(72),
      chunkCount: t.readUInt32LE(76),
    };
    const summary = JSON.parse(zstdDecompressSync(read(u64(32), layout.manifestStored)).toString('utf8'));
    layout.entriesPatch = summary.entriesPatch === true;
    if (layout.entriesPatch && parentRawEntries === null) throw new Error(`${file}: its entries are a patch; pass its parent's`);
    layout.rawEntries = zstdDecompressSync(read(u64(8), layout.entriesStored), layout.entriesPatch ? { dictionary: parentRawEntries } : {});
    const index = read(u64(56), layout.indexLength);
    const blocks = [];
    for (let i = 0; i < layout.blockCount; i++) blocks.push({ stored: index.readUInt32LE(i * 56 + 8), raw: index.readUInt32LE(i * 56 + 12) });
    // A chunk's share of its block's stored bytes, by raw length: blocks mix chunks of many files.
    layout.chunks = new Map();
    for (let i = 0, o = layout.blockCount * 56; i < layout.chunkCount; i++, o += 44) {
      const block = blocks[index.readUInt32LE(o + 32)];
      const length = index.readUInt32LE(o + 40);
      layout.chunks.set(index.toString('hex', o, o + 32), { length, stored: block.raw ? (length * block.stored) / block.raw : 0 });
    }
    return layout;
  } finally {
    fs.closeSync(fd);
  }
}

// Per file of the delta: the stored bytes of its patches and of its chunks stored whole.
function deltaCosts(layout) {
  const costs = new Map();
  const counted = new Set();
  for (const e of JSON.parse(layout.rawEntries.toString('utf8'))) {
    if (e.type !== 'file' || e.size === 0) continue;
    const patches = new Map((e.patches ?? []).map((p) => [p.chunk, p.patch]));
    const cost = { patch: 0, whole: 0, cls: e.class };
    for (const d of e.chunks ?? [e.sha256]) {
      const own = patches.get(d) ?? d;
      if (counted.has(own) || !layout.chunks.has(own)) continue;
      counted.add(own);
      cost[patches.has(d) ? 'patch' : 'whole'] += layout.chunks.get(own).stored;
    }
    if (cost.patch + cost.whole > 0) costs.set(e.path, cost);
  }
  return costs;
}

// What the entries section would take without its parent: plain zstd-3, as a full snapshot stores it.
function entriesAsPlain(rawEntries) {
  return zstdCompressSync(rawEntries, { params: { [constants.ZSTD_c_compressionLevel]: 3 } }).length;
}

// ---------- incremental capture: build 0 edited in place into build 1 ----------

// A hard-linked copy of build 0 (so the cached tree is never written), captured once, then edited
// into build 1 by replacing files (new inodes, as a build's writes give): the case `--since` is for.
function editedCopy(ctx, changes, dir) {
  fs.rmSync(dir, { recursive: true, force: true });
  const r = spawnSync('cp', ['-al', ctx.build0, dir], { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`cp -al ${ctx.build0} ${dir} failed: ${r.stderr}`);
  return () => {
    for (const rel of [...changes.changed, ...changes.added]) {
      const from = path.join(ctx.build1, rel);
      const to = path.join(dir, rel);
      fs.copyFileSync(from, `${to}.bench-tmp`);
      const st = fs.statSync(from);
      fs.utimesSync(`${to}.bench-tmp`, st.atime, st.mtime);
      fs.renameSync(`${to}.bench-tmp`, to);
    }
    for (const rel of changes.removed) fs.rmSync(path.join(dir, rel));
  };
}

const sameBytes = (a, b) => fs.existsSync(a) && fs.existsSync(b) && spawnSync('cmp', ['-s', a, b]).status === 0;
const sameTree = (a, b) => spawnSync('diff', ['-rq', '--no-dereference', a, b], { stdio: 'ignore' }).status === 0;

// ---------- the section ----------

/**
 * ctx: { build0, build1, mutation (the generator's summary line), out, node(...args) → argv,
 *        runOnce, measureAll, commandTable, warmCache, havePeers, q, mb, runs }
 */
export function deltaSection(ctx) {
  const { out, node, mb, runs } = ctx;
  const loadStart = loadNow();
  const haveXdelta = ctx.havePeers('xdelta3');
  const haveZstd = ctx.havePeers('zstd');
  ctx.havePeers('cp', 'cmp', 'diff');
  const b0 = path.join(out, 'b0.vitsnap');
  const full = path.join(out, 'b1-full.vitsnap');
  const delta = path.join(out, 'b1.vitsnap');
  const lines = ['## Delta snapshots', ''];

  // Build 0's full snapshot, the parent of everything below (timed once, for reference).
  process.stderr.write('  delta: full create of build 0 (the parent)\n');
  fs.rmSync(b0, { force: true });
  const base = ctx.runOnce(node('create', '-C', ctx.build0, '-o', b0, '--no-metadata'), [0]);
  if (!base.ok) return [...lines, `create of build 0 failed (${base.why}); delta section skipped`].join('\n');
  ctx.warmCache(ctx.build1);

  // 1–2. Sizes and walls: build 1 full vs as a delta on build 0.
  const create = ctx.measureAll(
    [
      { id: 'full', label: 'full `create` of build 1', argv: node('create', '-C', ctx.build1, '-o', full, '--no-metadata'), output: full },
      { id: 'delta', label: '`create --parent b0.vitsnap` of build 1', argv: node('create', '-C', ctx.build1, '-o', delta, '--no-metadata', '--parent', b0, '--json'), output: delta, stdout: true },
    ],
    runs,
  );
  const fullR = create.get('full');
  const deltaR = create.get('delta');
  if (!ok(fullR) || !ok(deltaR)) {
    return [...lines, ctx.commandTable(create), '', 'a create failed; delta section stopped'].join('\n');
  }
  const deltaJson = parseJson(deltaR.stdout ?? '');
  const stats = deltaJson?.delta;
  const rawBytes = deltaJson?.stats?.bytes;

  process.stderr.write('  delta: per-file xdelta3 and zstd --patch-from of the changed files\n');
  const changes = treeChanges(ctx.build0, ctx.build1);
  const peers = peerPatches(ctx, changes, haveXdelta, haveZstd);
  // A failed peer command leaves its file out of that peer's sum; the report counts them.
  const sum = (rows, key) => (rows.some((r) => r[key] !== undefined) ? rows.reduce((a, r) => a + (r[key] ?? 0), 0) : undefined);
  const peerFailures = (key) => peers.rows.filter((r) => r[key] === undefined).length;
  const changedRows = peers.rows.filter((r) => r.kind === 'changed');
  const xdChanged = sum(changedRows, 'xdelta3');
  const xdAll = sum(peers.rows, 'xdelta3');
  const zsChanged = sum(changedRows, 'zstd');
  const zsAll = sum(peers.rows, 'zstd');

  const parentLayout = readLayout(b0);
  const layout = readLayout(delta, parentLayout.rawEntries);
  const fullLayout = readLayout(full);
  const costs = deltaCosts(layout);
  const entriesPlain = entriesAsPlain(layout.rawEntries);
  const contentBytes = [...costs.values()].reduce((a, c) => a + c.patch + c.whole, 0);

  // 3. Restore of the chain vs of the full snapshot, and flatten.
  const restoreFull = path.join(out, 'restore-full');
  const restoreDelta = path.join(out, 'restore-delta');
  const flat = path.join(out, 'b1-flat.vitsnap');
  const restore = ctx.measureAll(
    [
      { id: 'restore-full', label: '`restore b1-full.vitsnap` (full)', argv: node('restore', full, '-C', restoreFull), scratch: restoreFull },
      { id: 'restore-delta', label: '`restore b1.vitsnap` (chain of 2: b0 ← b1)', argv: node('restore', delta, '-C', restoreDelta), scratch: restoreDelta },
      { id: 'flatten', label: '`flatten b1.vitsnap -o b1-flat.vitsnap`', argv: node('flatten', delta, '-o', flat), output: flat },
    ],
    runs,
  );
  const restoredOk = ok(restore.get('restore-delta')) ? sameTree(ctx.build1, restoreDelta) : undefined;
  const flatSame = ok(restore.get('flatten')) ? sameBytes(flat, full) : undefined;
  fs.rmSync(restoreFull, { recursive: true, force: true });
  fs.rmSync(restoreDelta, { recursive: true, force: true });

  // 4a. Re-capture of the unchanged build 1 (its full snapshot and stat cache are b1-full.vitsnap*).
  const again = (name) => path.join(out, name);
  const unchanged = ctx.measureAll(
    [
      { id: 'full', label: 'full `create` of build 1', argv: node('create', '-C', ctx.build1, '-o', again('u-full.vitsnap'), '--no-metadata'), output: again('u-full.vitsnap') },
      { id: 'since', label: '`create --since b1-full.vitsnap`', argv: node('create', '-C', ctx.build1, '-o', again('u-since.vitsnap'), '--no-metadata', '--since', full, '--json'), output: again('u-since.vitsnap'), stdout: true },
      // --parent FILE uses FILE's stat cache as --since FILE would (docs/delta.md, "Incremental capture").
      {
        id: 'parent-since', label: '`create --parent b1-full.vitsnap` (its stat cache too)',
        argv: node('create', '-C', ctx.build1, '-o', again('u-delta.vitsnap'), '--no-metadata', '--parent', full, '--json'), output: again('u-delta.vitsnap'), stdout: true,
      },
    ],
    runs,
  );

  // 4b. Re-capture after 1 % of files changed: build 0 edited in place into build 1.
  process.stderr.write('  delta: hard-linked copy of build 0, captured, then edited into build 1\n');
  const work = path.join(out, 'edited');
  const s0 = again('s0.vitsnap');
  const edit = editedCopy(ctx, changes, work);
  // The racy-clean rule re-hashes files whose ctime (cp -al moved it) is within 100 ms of the capture's start.
  spawnSync('sleep', ['1']);
  const s0Run = ctx.runOnce(node('create', '-C', work, '-o', s0, '--no-metadata'), [0]);
  edit();
  ctx.warmCache(work);
  const edited = s0Run.ok
    ? ctx.measureAll(
        [
          { id: 'full', label: 'full `create` of the edited tree', argv: node('create', '-C', work, '-o', again('e-full.vitsnap'), '--no-metadata'), output: again('e-full.vitsnap') },
          { id: 'since', label: '`create --since s0.vitsnap`', argv: node('create', '-C', work, '-o', again('e-since.vitsnap'), '--no-metadata', '--since', s0, '--json'), output: again('e-since.vitsnap'), stdout: true },
          { id: 'parent', label: '`create --parent s0.vitsnap --rehash` (every file hashed)', argv: node('create', '-C', work, '-o', again('e-delta.vitsnap'), '--no-metadata', '--parent', s0, '--rehash'), output: again('e-delta.vitsnap') },
          {
            id: 'parent-since', label: '`create --parent s0.vitsnap` (its stat cache too)',
            argv: node('create', '-C', work, '-o', again('e-both.vitsnap'), '--no-metadata', '--parent', s0, '--json'), output: again('e-both.vitsnap'), stdout: true,
          },
        ],
        runs,
      )
    : undefined;
  const editedDeltaSame = edited && ok(edited.get('parent')) && ok(edited.get('parent-since')) ? sameBytes(again('e-delta.vitsnap'), again('e-both.vitsnap')) : undefined;
  const editedFullSame = edited && ok(edited.get('full')) && ok(edited.get('since')) ? sameBytes(again('e-full.vitsnap'), again('e-since.vitsnap')) : undefined;
  fs.rmSync(work, { recursive: true, force: true });

  // ---------- report ----------
  const fullBytes = fullR.bytes;
  const deltaBytes = deltaR.bytes;
  const counts = `${changes.changed.length} changed, ${changes.added.length} added, ${changes.removed.length} removed`;
  lines.push(
    `Build 0 is the tree above; build 1 is the diff section's tree B (${esc(ctx.mutation.match(/changed-in-place=\d+ appended=\d+ added=\d+ removed=\d+/)?.[0] ?? '')}: ${counts} files). ` +
      `Full snapshot of build 0 (the parent): ${mb(fs.statSync(b0).size)} MB in ${fmtS(base.wall)} s (1 run). Load average: ${loadStart} at the start of the section, ${loadNow()} at the end.`,
    '',
    '### Sizes',
    '',
    '| what | bytes | / full snapshot | / xdelta3 sum |',
    '| --- | ---: | ---: | ---: |',
    `| full snapshot of build 1 | ${fullBytes} | 1 | ${fmtRatio(ratio(fullBytes, xdAll), 0)} |`,
    `| **delta of build 1 on build 0** | **${deltaBytes}** | **${pct(ratio(deltaBytes, fullBytes))}** | **${fmtRatio(ratio(deltaBytes, xdAll))}** |`,
    `| sum of \`xdelta3 -e -9 -S none\` patches: ${changes.changed.length} changed files (\`-s OLD\`) + ${changes.added.length} added (no source) | ${xdAll ?? '—'} | ${pct(ratio(xdAll, fullBytes))} | 1 |`,
    `| … the changed files alone | ${xdChanged ?? '—'} | ${pct(ratio(xdChanged, fullBytes))} | ${fmtRatio(ratio(xdChanged, xdAll))} |`,
    `| sum of \`zstd -3 --patch-from=OLD\` (added files: plain \`zstd -3\`) | ${zsAll ?? '—'} | ${pct(ratio(zsAll, fullBytes))} | ${fmtRatio(ratio(zsAll, xdAll))} |`,
    `| … the changed files alone | ${zsChanged ?? '—'} | ${pct(ratio(zsChanged, fullBytes))} | ${fmtRatio(ratio(zsChanged, xdAll))} |`,
    '',
    `Peer patches took ${peers.seconds.toFixed(0)} s (${peers.rows.length * 2} commands, untimed)` +
      `${haveXdelta ? `; xdelta3 failed on ${peerFailures('xdelta3')} files` : '; missing peer: xdelta3 (apt-get install -y xdelta3)'}` +
      `${haveZstd ? `, zstd on ${peerFailures('zstd')}` : '; missing peer: zstd (apt-get install -y zstd)'} (left out of the sums).`,
    '',
    '### What the delta is made of',
    '',
    '| part | bytes | share of the delta |',
    '| --- | ---: | ---: |',
    `| blocks: patches and new chunks | ${layout.blockBytes} | ${pct(ratio(layout.blockBytes, deltaBytes))} |`,
    `| entries section (every path of build 1, ${layout.entriesPatch ? 'a zstd patch against the parent\'s' : 'plain zstd'}) | ${layout.entriesStored} | ${pct(ratio(layout.entriesStored, deltaBytes))} |`,
    `| manifest, index, header, trailer | ${deltaBytes - layout.blockBytes - layout.entriesStored} | ${pct(ratio(deltaBytes - layout.blockBytes - layout.entriesStored, deltaBytes))} |`,
    `| (full snapshot's entries section, for scale) | ${fullLayout.entriesStored} | |`,
    `| (the same entries as plain zstd-3, not what is written) | ${entriesPlain} | ${pct(ratio(entriesPlain, deltaBytes))} |`,
    '',
  );
  if (stats) {
    lines.push(
      '| chunk class (`create --json` .delta) | chunks | raw MB | stored |',
      '| --- | ---: | ---: | ---: |',
      `| inherited from the parent | ${stats.inherited} | ${mb(stats.inheritedBytes)} | 0 |`,
      `| patched | ${stats.patched} | ${mb(stats.patchedBytes)} | ${stats.patchBytes} B of patches |`,
      `| stored whole | ${stats.whole} | ${mb(stats.wholeBytes)} | (in the blocks above) |`,
      '',
    );
  }

  // Per content class and per file: ours (block bytes by chunk share) against the peers.
  const peerByPath = new Map(peers.rows.map((r) => [r.rel, r]));
  const byClass = new Map();
  for (const [p, c] of costs) {
    const k = `${c.cls} / ${peerByPath.get(p)?.kind ?? 'other'}`;
    const row = byClass.get(k) ?? { files: 0, patch: 0, whole: 0, xdelta3: 0, zstd: 0 };
    row.files++;
    row.patch += c.patch;
    row.whole += c.whole;
    row.xdelta3 += peerByPath.get(p)?.xdelta3 ?? 0;
    row.zstd += peerByPath.get(p)?.zstd ?? 0;
    byClass.set(k, row);
  }
  lines.push(
    `Stored bytes per file, from the delta's index (a chunk's share of its block's stored bytes, by raw length): ${contentBytes.toFixed(0)} B over ${costs.size} files.`,
    '',
    '| class / change | files | ours: patches B | ours: whole B | xdelta3 B | zstd --patch-from B | ours / xdelta3 |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...[...byClass].sort((a, b) => b[1].patch + b[1].whole - (a[1].patch + a[1].whole)).map(([k, r]) =>
      `| ${k} | ${r.files} | ${r.patch.toFixed(0)} | ${r.whole.toFixed(0)} | ${r.xdelta3} | ${r.zstd} | ${fmtRatio(ratio(r.patch + r.whole, r.xdelta3))} |`),
    '',
    `Biggest contributors (top ${TOP} files by stored bytes in the delta):`,
    '',
    '| file | class | change | size MB | ours B (patch / whole) | xdelta3 B | zstd --patch-from B |',
    '| --- | --- | --- | ---: | ---: | ---: | ---: |',
    ...[...costs]
      .sort((a, b) => b[1].patch + b[1].whole - (a[1].patch + a[1].whole))
      .slice(0, TOP)
      .map(([p, c]) => {
        const peer = peerByPath.get(p);
        return `| \`${esc(p)}\` | ${c.cls} | ${peer?.kind ?? '?'} | ${peer ? mb(peer.size) : '—'} | ${(c.patch + c.whole).toFixed(0)} (${c.patch.toFixed(0)} / ${c.whole.toFixed(0)}) | ${peer?.xdelta3 ?? '—'} | ${peer?.zstd ?? '—'} |`;
      }),
    '',
    '### Walls',
    '',
    ctx.commandTable(create, rawBytes),
    '',
    ctx.commandTable(restore),
    '',
    `Restored chain equals build 1 (\`diff -rq\`): ${restoredOk === undefined ? '—' : restoredOk ? 'yes' : '**NO**'}. ` +
      `Flattened delta byte-identical to the full create: ${flatSame === undefined ? '—' : flatSame ? 'yes' : '**NO**'}.`,
    '',
    '### Incremental re-capture',
    '',
    'Unchanged build 1, after its full create (the stat cache is `b1-full.vitsnap.statcache`):',
    '',
    ctx.commandTable(unchanged, rawBytes),
    '',
    `Files reused without hashing: \`--since\` ${parseJson(unchanged.get('since').stdout ?? '')?.reused ?? '—'}, \`--parent\` ${parseJson(unchanged.get('parent-since').stdout ?? '')?.reused ?? '—'}.`,
    '',
  );
  if (edited) {
    lines.push(
      `1 % changed: a hard-linked copy of build 0 captured as s0.vitsnap (${fmtS(s0Run.wall)} s), then edited into build 1 (${counts} files replaced by new inodes, as a build writes them):`,
      '',
      ctx.commandTable(edited, rawBytes),
      '',
      `Files reused without hashing: \`--since\` ${parseJson(edited.get('since').stdout ?? '')?.reused ?? '—'}, \`--parent\` ${parseJson(edited.get('parent-since').stdout ?? '')?.reused ?? '—'}. ` +
        `\`--since\` snapshot byte-identical to the full create: ${editedFullSame === undefined ? '—' : editedFullSame ? 'yes' : '**NO**'}; ` +
        `\`--parent\` delta byte-identical to \`--parent --rehash\`: ${editedDeltaSame === undefined ? '—' : editedDeltaSame ? 'yes' : '**NO**'}.`,
      '',
    );
  } else lines.push(`1 % changed: the capture of the copy failed (${s0Run.why}); rows skipped.`, '');

  const wall = (m, id) => (ok(m?.get(id)) ? m.get(id).wall : undefined);
  const vsXdelta = ratio(deltaBytes, xdAll);
  const share = ratio(deltaBytes, fullBytes);
  const recapture = ratio(wall(unchanged, 'full'), wall(unchanged, 'parent-since'));
  const status = (v, pass) => (v === undefined ? 'n/a' : pass ? 'PASS' : 'MISS');
  lines.push(
    '| measure | value |',
    '| --- | ---: |',
    `| \`create --parent\` / full \`create\` of build 1, wall | ${fmtRatio(ratio(wall(create, 'delta'), wall(create, 'full')))} |`,
    `| restore of the chain / restore of the full snapshot, wall | ${fmtRatio(ratio(wall(restore, 'restore-delta'), wall(restore, 'restore-full')))} |`,
    `| unchanged tree: full / \`--since\`, wall | ${fmtRatio(ratio(wall(unchanged, 'full'), wall(unchanged, 'since')))} |`,
    `| 1 % changed: full / \`--since\` · full / \`--parent --rehash\` · full / \`--parent\` (stat cache), wall | ${fmtRatio(ratio(wall(edited, 'full'), wall(edited, 'since')))} · ${fmtRatio(ratio(wall(edited, 'full'), wall(edited, 'parent')))} · ${fmtRatio(ratio(wall(edited, 'full'), wall(edited, 'parent-since')))} |`,
    '',
    '| target | measured | goal | status |',
    '| --- | ---: | --- | --- |',
    `| delta / sum of xdelta3 patches | ${fmtRatio(vsXdelta)} | ≤ ${TARGET_VS_XDELTA}× | ${status(vsXdelta, vsXdelta <= TARGET_VS_XDELTA)} |`,
    `| delta / full snapshot | ${pct(share)} | ≤ ${TARGET_SHARE * 100} % | ${status(share, share <= TARGET_SHARE)} |`,
    `| unchanged tree: full create / \`--parent\` re-capture (stat cache), wall | ${fmtRatio(recapture, 1)} | ≥ ${TARGET_RECAPTURE}× | ${status(recapture, recapture >= TARGET_RECAPTURE)} |`,
  );
  return lines.join('\n');
}
