// The store section of `npm run bench -- --only store` (issue #11, "Benchmark"): ten successive
// builds of the bench tree, each 1 % of files apart, into one store, against ten standalone
// .vitsnap files and ten tar.zst archives. See bench/README.md ("Store section").
// run.mjs hands in its helpers (`ctx`), so this module has no measuring code of its own.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { pushRows } from './registry.mjs';
import { du, fmtRatio, fmtS, loadNow, parseJson, ratio } from './shared.mjs';

export const BUILDS = 10;
// Build n (n ≥ 1) is build n-1 mutated with seed SEED_BASE + n: distinct from the diff section's seed 2.
const SEED_BASE = 100;
const TARGET_PUSH_SHARE = 0.03;
const TARGET_STORE_VS_ONE = 1.3; // store bytes / one snapshot, at most (issue #11)

const ok = (r) => r.ok;

function sha256File(file) {
  const h = createHash('sha256');
  const buf = Buffer.allocUnsafe(4 * 1024 * 1024);
  const fd = fs.openSync(file, 'r');
  try {
    for (let n; (n = fs.readSync(fd, buf, 0, buf.length, null)) > 0; ) h.update(buf.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return h.digest('hex');
}

/**
 * ctx: { tree, key, work, out, node(...args) → argv, runOnce(argv, okCodes, { stdout }),
 *        cachedTree(name, stalePrefix, generateArgs), warmCache(dir), q, mb, median, haveTar,
 *        keep (keep the store) }
 */
export async function storeSection(ctx) {
  const { out, node, runOnce, mb, median, q } = ctx;
  const store = path.join(out, 'store');
  const snap = path.join(out, 'build.vitsnap');
  const tarZst = path.join(out, 'build.tar.zst');
  fs.rmSync(store, { recursive: true, force: true });
  const buildName = (n) => `${ctx.key}-store-build${n}`;
  const buildDir = (n) => (n === 0 ? ctx.tree : path.join(ctx.work, buildName(n)));
  const dropBuild = (n) => {
    if (n === 0) return;
    fs.rmSync(buildDir(n), { recursive: true, force: true });
    fs.rmSync(`${buildDir(n)}.txt`, { force: true });
  };
  // Builds from an interrupted run, apart from the chain we are about to walk, only take disk.
  for (const name of fs.readdirSync(ctx.work)) {
    if (name.includes('-store-build') && !name.startsWith(`${ctx.key}-store-build`)) fs.rmSync(path.join(ctx.work, name), { recursive: true, force: true });
  }

  const rows = [];
  let generateSeconds = 0;
  for (let n = 0; n < BUILDS; n++) {
    const dir = buildDir(n);
    let mutation = '';
    if (n > 0) {
      const t0 = performance.now();
      const made = ctx.cachedTree(buildName(n), buildName(n), (to) => ['--mutate', buildDir(n - 1), to, '--percent', '1', '--seed', String(SEED_BASE + n)]);
      generateSeconds += (performance.now() - t0) / 1000;
      mutation = made.summary.match(/changed-in-place=\d+ appended=\d+ added=\d+ removed=\d+/)?.[0] ?? '';
      dropBuild(n - 1);
    }
    // The generator's writes are flushed before anything is timed, so writeback does not land on one command.
    spawnSync('sync');
    ctx.warmCache(dir);

    const storeSpec = () => {
      const r = runOnce(node('create', '-C', dir, '--store', store, '--name', `b${n}`, '--no-metadata', '--json'), [0], { stdout: true });
      return { ...r, json: ok(r) ? parseJson(r.stdout)?.store : undefined };
    };
    const plainSpec = () => {
      fs.rmSync(snap, { force: true });
      const r = runOnce(node('create', '-C', dir, '-o', snap, '--no-metadata'), [0]);
      const bytes = ok(r) ? fs.statSync(snap).size : undefined;
      fs.rmSync(snap, { force: true });
      return { ...r, bytes };
    };
    const tarSpec = () => {
      if (!ctx.haveTar) return { ok: false, why: 'tar or zstd missing' };
      fs.rmSync(tarZst, { force: true });
      const r = runOnce(['sh', '-c', `tar -C ${q(dir)} -I 'zstd -T0 -3' -cf ${q(tarZst)} .`], [0]);
      const bytes = ok(r) ? fs.statSync(tarZst).size : undefined;
      fs.rmSync(tarZst, { force: true });
      return { ...r, bytes };
    };
    // Alternate which create goes first, so the one right after the cache warm-up is not always the same.
    process.stderr.write(`  store build ${n}: create --store, create, tar+zstd\n`);
    let stored;
    let plain;
    if (n % 2 === 0) {
      stored = storeSpec();
      plain = plainSpec();
    } else {
      plain = plainSpec();
      stored = storeSpec();
    }
    const tar = tarSpec();
    rows.push({ n, mutation, stored, plain, tar, storeBytes: du(store, false), storeAllocated: du(store, true) });
    if (!ok(stored)) break;
  }
  dropBuild(rows.length - 1);

  const last = rows.at(-1);
  const failed = rows.find((r) => !ok(r.stored) || !ok(r.plain));
  const lines = [
    '## Store: ten builds, 1 % of files apart',
    '',
    `Build 0 is the tree above; build n is build n-1 with 1 % of files changed (\`generate-tree.mjs --mutate --percent 1 --seed ${SEED_BASE}+n\`; ` +
      `half overwritten in place, half appended, 0.2 % added, 0.2 % removed). Each build is measured once, in order: ` +
      '`create --store S --name bN` and a plain `create -o` (alternating which goes first), then `tar -I \'zstd -T0 -3\'`. ' +
      `Files and archives are deleted once measured. Generating builds 1–${BUILDS - 1} took ${generateSeconds.toFixed(0)} s (not timed). ` +
      `Load average at the end of the section: ${loadNow()}.`,
    '',
    '| build | changed | create --store s | chunks new / reused | written MB | plain create s | --store / plain | .vitsnap MB | tar.zst MB | store MB (du -sb) |',
    '| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of rows) {
    const j = r.stored.json;
    const cell = (res, v) => (ok(res) ? v : `ERROR: ${(res.why ?? '').replaceAll('|', '\\|').slice(0, 80)}`);
    lines.push(
      `| ${r.n} | ${r.n === 0 ? '(base)' : r.mutation.replaceAll('=', ' ').replaceAll('changed-in-place', 'in-place')} ` +
        `| ${cell(r.stored, fmtS(r.stored.wall))} | ${j ? `${j.newChunks} / ${j.reusedChunks}` : '—'} | ${j ? mb(j.writtenBytes) : '—'} ` +
        `| ${cell(r.plain, fmtS(r.plain.wall))} | ${ok(r.stored) && ok(r.plain) ? fmtRatio(r.stored.wall / r.plain.wall) : '—'} ` +
        `| ${r.plain.bytes === undefined ? '—' : mb(r.plain.bytes)} | ${r.tar.bytes === undefined ? '—' : mb(r.tar.bytes)} | ${r.storeBytes === undefined ? '—' : mb(r.storeBytes)} |`,
    );
  }
  if (failed || rows.length < BUILDS) {
    lines.push('', `Stopped at build ${last.n}: ${(!ok(last.stored) ? last.stored.why : failed?.plain.why) ?? 'a command failed'}. No totals.`);
    return lines.join('\n');
  }

  const sum = (xs) => (xs.every((x) => x !== undefined) ? xs.reduce((a, b) => a + b, 0) : undefined);
  const snapSum = sum(rows.map((r) => r.plain.bytes));
  const tarSum = sum(rows.map((r) => r.tar.bytes));
  const oneSnap = snapSum / BUILDS;
  const storeBytes = last.storeBytes;
  const later = rows.slice(1);
  const storeWall = median(later.map((r) => r.stored.wall));
  const plainWall = median(later.map((r) => r.plain.wall));
  const wallRatio = median(later.map((r) => r.stored.wall / r.plain.wall));
  const written = median(later.map((r) => r.stored.json?.writtenBytes ?? NaN));
  const peakRss = Math.max(...rows.map((r) => r.stored.rssKB)) / 1024;
  const lastId = last.stored.json?.id;

  // The last build out again as a standalone file: its SHA-256 must be the id the store gave it.
  const exported = path.join(out, 'export.vitsnap');
  fs.rmSync(exported, { force: true });
  process.stderr.write('  store export, gc, verify\n');
  const exp = runOnce(node('store', 'export', `b${BUILDS - 1}`, '--store', store, '-o', exported, '--json'), [0], { stdout: true });
  const expSha = ok(exp) && fs.existsSync(exported) ? sha256File(exported) : undefined;
  const expBytes = expSha ? fs.statSync(exported).size : undefined;
  fs.rmSync(exported, { force: true });

  // Every build to a local registry while the store still holds them all.
  const pushed = await pushRows(ctx, store, BUILDS);

  // Two budgets: room for about one snapshot (LRU keeps the newest, which export just used), then
  // half the store as the issue asks, which is below one snapshot when dedup works, so nothing stays.
  const gcRun = (budget) => {
    const r = runOnce(node('store', 'gc', '--store', store, '--max-size', String(budget), '--apply', '--json'), [0], { stdout: true });
    return { ...r, budget, json: ok(r) ? parseJson(r.stdout) : undefined };
  };
  const gcRow = (g) => {
    if (!ok(g)) return `ERROR: ${g.why}`;
    const after = du(store, false);
    const j = g.json;
    return `${fmtS(g.wall)} s: ${j?.evicted?.length ?? '?'} snapshots evicted, ${j?.kept?.length ?? '?'} kept, ${j?.chunksDeleted ?? '?'} chunks deleted, store → ${j?.bytesAfter === undefined ? '?' : mb(j.bytesAfter)} MB by gc's count (chunks and records; \`du -sb\`, which adds directories: ${mb(after)} MB)`;
  };
  const gcOne = gcRun(Math.floor(oneSnap * 1.1));
  const gcOneRow = gcRow(gcOne);
  const gcHalf = gcRun(Math.floor(storeBytes / 2));
  const gcHalfRow = gcRow(gcHalf);
  const verify = runOnce(node('store', 'verify', '--store', store), [0]);
  if (!ctx.keep) fs.rmSync(store, { recursive: true, force: true });

  const status = (v, pass) => (v === undefined ? 'n/a' : pass ? 'PASS' : 'MISS');
  const storeVsOne = ratio(storeBytes, oneSnap);
  lines.push(
    '',
    '| measure | value |',
    '| --- | ---: |',
    `| store on disk after ${BUILDS} builds (\`du -sb\`) | ${mb(storeBytes)} MB (allocated, \`du -B1\`: ${mb(last.storeAllocated)} MB) |`,
    `| sum of the ${BUILDS} .vitsnap files | ${mb(snapSum)} MB (one: ${mb(oneSnap)} MB on average) |`,
    `| sum of the ${BUILDS} tar.zst archives | ${tarSum === undefined ? '—' : `${mb(tarSum)} MB`} |`,
    `| store / sum of .vitsnap · store / sum of tar.zst | ${fmtRatio(ratio(storeBytes, snapSum), 3)} · ${fmtRatio(ratio(storeBytes, tarSum), 3)} |`,
    `| \`create --store\` of build n+1, median over builds 1–${BUILDS - 1} | ${fmtS(storeWall)} s, ${mb(written)} MB written (plain \`create\`: ${fmtS(plainWall)} s) |`,
    `| \`create --store\` / plain \`create\`, median of the per-build ratios | ${fmtRatio(wallRatio)} |`,
    `| peak RSS of \`create --store\` (max over builds) | ${peakRss.toFixed(0)} MB |`,
    `| \`store export b${BUILDS - 1}\` (1 run) | ${ok(exp) ? `${fmtS(exp.wall)} s, ${mb(expBytes)} MB, SHA-256 ${expSha === lastId ? 'equals the stored id' : `DIFFERS from the stored id (${expSha?.slice(0, 12)} vs ${lastId?.slice(0, 12)})`}` : `ERROR: ${exp.why}`} |`,
    `| \`store gc --max-size ${gcOne.budget} --apply\` (1.1 × one snapshot, 1 run) | ${gcOneRow} |`,
    `| then \`store gc --max-size ${gcHalf.budget} --apply\` (half the full store, 1 run) | ${gcHalfRow} |`,
    `| \`store verify\` after gc (1 run) | ${ok(verify) ? `${fmtS(verify.wall)} s, clean` : `ERROR: ${verify.why}`} |`,
    ...pushed.lines,
    '',
    '| target | measured | goal | status |',
    '| --- | ---: | --- | --- |',
    `| store / one snapshot (mean .vitsnap) | ${fmtRatio(storeVsOne, 3)} | ≤ ${TARGET_STORE_VS_ONE}× | ${status(storeVsOne, storeVsOne <= TARGET_STORE_VS_ONE)} |`,
    `| export is the stored snapshot | ${expSha === undefined ? '—' : expSha === lastId ? 'same SHA-256' : 'different'} | same SHA-256 | ${status(expSha, expSha === lastId)} |`,
    `| push: bytes uploaded / snapshot (median over builds 1–${BUILDS - 1}) | ${pushed.share === undefined ? '—' : `${(100 * pushed.share).toFixed(2)} %`} | ≤ ${TARGET_PUSH_SHARE * 100} % | ${status(pushed.share, pushed.share !== undefined && pushed.share <= TARGET_PUSH_SHARE)} |`,
  );
  return lines.join('\n');
}
