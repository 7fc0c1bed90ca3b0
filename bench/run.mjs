#!/usr/bin/env node
// `npm run bench [-- options]`: times vitsnap against tar+zstd, sha256sum and the diff peers on a
// generated tree, and writes the markdown report to stdout and bench/results/latest.md.
// See bench/README.md for what each number means. Node builtins only; installs nothing.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { deltaSection } from './delta-section.mjs';
import { storeSection } from './store-section.mjs';

const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(BENCH_DIR, '..');
const WORK = path.join(BENCH_DIR, 'work');
const OUT = path.join(WORK, 'out');
const RESULTS = path.join(BENCH_DIR, 'results', 'latest.md');
const GENERATOR = path.join(BENCH_DIR, 'generate-tree.mjs');
const STATS_GENERATOR = path.join(BENCH_DIR, 'generate-stats-json.mjs');
const DEFAULT_CLI = path.join(ROOT, 'dist', 'cli', 'index.js');
const GNU_TIME = '/usr/bin/time';
const DIFFOSCOPE_TIMEOUT_S = 600;
const MUTATE = { percent: 1, seed: 2 };

const TARGETS = {
  throughput: 0.8, // tar+zstd wall / our create wall, at least
  size: 1.05, // our snapshot / tar.zst, at most
  rssMB: 300, // peak RSS of our commands, below
  bf16Ratio: 1.45, // raw tensor bytes / our stored bytes, at least
  infoSeconds: 0.1, // `info` wall, below
  vsDiffoscope: 50, // diffoscope wall / our dir diff wall, at least
  dirsVsDiffRq: 1.5, // our dir diff wall / `diff -rq` wall, at most
  jsonSeconds: 1, // `diff a.json b.json` wall on the 17 MB stats.json, below (issue #10 item 8)
  snapsVsDiffRq: 10, // `diff -rq` wall / our snapshot diff wall, at least
};

const USAGE = `usage: npm run bench -- [--size-mb 1000] [--files 20000] [--seed 1] [--runs 3]
                       [--only create|diff|json|store|delta] [--keep] [--peers-only] [--cli PATH]
  --only json   only the 17 MB single-line stats.json diff (no tree needed)
  --only store  only the store section: ten builds 1 % apart into one store (not in the default run)
  --only delta  only the delta section: build 1 as a delta on build 0, restore, flatten, --since
                (not in the default run)
  --keep        keep snapshots, archives and the store in bench/work/out (trees are always cached)
  --peers-only  run without dist/cli/index.js: measure the peers alone
  --cli PATH    the vitsnap entry to measure (default dist/cli/index.js), e.g. an older build`;

// ---------- small helpers ----------

const q = (s) => `'${String(s).replaceAll("'", "'\\''")}'`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const mb = (bytes) => (bytes >= 1e6 ? (bytes / 1e6).toFixed(1) : String(Number((bytes / 1e6).toPrecision(2))));
const fileSize = (p) => (fs.existsSync(p) ? fs.statSync(p).size : undefined);

function onPath(cmd) {
  return (process.env.PATH ?? '').split(':').some((dir) => {
    try {
      fs.accessSync(path.join(dir, cmd), fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

// Peers by command, with the Debian package that brings each.
const PEER_PACKAGES = {
  tar: 'tar', zstd: 'zstd', sha256sum: 'coreutils', timeout: 'coreutils', find: 'findutils', xargs: 'findutils',
  cat: 'coreutils', du: 'coreutils', sync: 'coreutils', diff: 'diffutils', diffoscope: 'diffoscope', xdelta3: 'xdelta3',
};
const missingPeers = new Set();
function havePeers(...cmds) {
  const missing = cmds.filter((c) => !onPath(c));
  for (const c of missing) {
    if (!missingPeers.has(c)) console.log(`missing peer: ${c} (apt-get install -y ${PEER_PACKAGES[c]})`);
    missingPeers.add(c);
  }
  return missing.length === 0;
}

// ---------- trees (cached by parameters and generator version) ----------

function generatorHash() {
  return createHash('sha256').update(fs.readFileSync(GENERATOR)).digest('hex').slice(0, 8);
}

// Runs `generate` into DIR.partial and renames, so an interrupted run never leaves a half tree in the cache.
function cachedTree(name, stalePrefix, generateArgs) {
  const dir = path.join(WORK, name);
  const summaryFile = `${dir}.txt`;
  if (fs.existsSync(dir) && fs.existsSync(summaryFile)) return { dir, summary: fs.readFileSync(summaryFile, 'utf8').trim() };
  for (const old of fs.readdirSync(WORK)) {
    if (old.startsWith(stalePrefix)) fs.rmSync(path.join(WORK, old), { recursive: true, force: true });
  }
  const partial = `${dir}.partial`;
  fs.rmSync(partial, { recursive: true, force: true });
  console.error(`generating ${path.relative(ROOT, dir)} ...`);
  const r = spawnSync(process.execPath, [GENERATOR, ...generateArgs(partial)], { stdio: ['ignore', 'pipe', 'inherit'], encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`tree generation failed (exit ${r.status})`);
  fs.renameSync(partial, dir);
  const summary = r.stdout.trim().replaceAll(partial, dir);
  fs.writeFileSync(summaryFile, `${summary}\n`);
  return { dir, summary };
}

function warmCache(dir) {
  const t0 = performance.now();
  spawnSync('sh', ['-c', `find ${q(dir)} -type f -print0 | xargs -0 cat > /dev/null`], { stdio: 'ignore' });
  return (performance.now() - t0) / 1000;
}

// Build 1 of the diff and delta sections: the tree with MUTATE.percent % of files changed (cached).
function mutatedTree(key, from) {
  return cachedTree(`${key}-mutated`, `${key}-mutated`, (dir) => ['--mutate', from, dir, '--percent', String(MUTATE.percent), '--seed', String(MUTATE.seed)]);
}

// ---------- measuring ----------

// One command: wall from our own clock (GNU time's %e is 10 ms coarse), peak RSS from GNU time's %M.
// With `stdout`, the command's output is returned (for --json results); else it is discarded.
function runOnce(argv, okCodes, { stdout = false } = {}) {
  const rssFile = path.join(OUT, '.rss');
  const useTime = fs.existsSync(GNU_TIME);
  const full = useTime ? [GNU_TIME, '-f', '%M', '-o', rssFile, ...argv] : argv;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(full[0], full.slice(1), { cwd: ROOT, stdio: ['ignore', stdout ? 'pipe' : 'ignore', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const rssKB = useTime && fs.existsSync(rssFile) ? Number(fs.readFileSync(rssFile, 'utf8').trim().split('\n').at(-1)) : NaN;
  const ok = okCodes.includes(r.status);
  // Node's crash output ends with its version: the line naming the error says more.
  const lines = (r.stderr?.toString() ?? '').split('\n').map((l) => l.trim()).filter(Boolean);
  const why = ok ? undefined : `exit ${r.status ?? r.signal}: ${lines.find((l) => /error|E_[A-Z]/i.test(l)) ?? lines.at(-1) ?? ''}`;
  return { wall, rssKB, ok, status: r.status, why, lastLine: lines.at(-1) ?? '', stdout: stdout ? (r.stdout?.toString() ?? '') : undefined };
}

// Specs run round-robin (A B C A B C ...) so machine drift lands on every command alike.
// A spec's `scratch` directory is emptied before each of its runs (a restore target); with `stdout`,
// the last run's output is kept (for --json results).
function measureAll(specs, runs) {
  const results = new Map(specs.map((s) => [s.id, { ...s, walls: [], rssKB: [], error: undefined, status: undefined }]));
  for (let rep = 0; rep < runs; rep++) {
    for (const spec of specs) {
      const res = results.get(spec.id);
      if (rep >= (spec.runs ?? runs) || res.error) continue;
      if (spec.needs && results.get(spec.needs)?.error) {
        res.error = `needs ${spec.needs}`;
        continue;
      }
      if (spec.output) fs.rmSync(spec.output, { force: true });
      if (spec.scratch) fs.rmSync(spec.scratch, { recursive: true, force: true });
      process.stderr.write(`  ${spec.label} (run ${rep + 1})\n`);
      const r = runOnce(spec.argv, spec.okCodes ?? [0], { stdout: spec.stdout === true });
      res.status = r.status;
      if (spec.stdout) res.stdout = r.stdout;
      res.lastLine = r.lastLine;
      if (!r.ok) res.error = r.why;
      else {
        res.walls.push(r.wall);
        res.rssKB.push(r.rssKB);
      }
    }
  }
  for (const res of results.values()) {
    res.wall = res.walls.length ? median(res.walls) : undefined;
    res.rssMB = res.rssKB.length ? Math.max(...res.rssKB) / 1024 : undefined;
    res.bytes = res.output && !res.error ? fileSize(res.output) : undefined;
  }
  return results;
}

// ---------- report ----------

function commandTable(results, rawBytes) {
  const rows = ['| command | wall s (median) | peak RSS MB | output MB | raw / output |', '| --- | ---: | ---: | ---: | ---: |'];
  for (const r of results.values()) {
    if (r.error) {
      rows.push(`| ${r.label} | ERROR: ${r.error.replaceAll('|', '\\|').slice(0, 120)} | | | |`);
      continue;
    }
    const runs = r.walls.length === 1 ? ' (1 run)' : '';
    const wall = r.wall === undefined ? '—' : `${r.wall < 1 ? r.wall.toFixed(3) : r.wall.toFixed(2)}${runs}`;
    const rss = r.rssMB === undefined || Number.isNaN(r.rssMB) ? '—' : r.rssMB.toFixed(0);
    const out = r.bytes === undefined ? '—' : mb(r.bytes);
    const ratio = r.bytes && rawBytes ? `${(rawBytes / r.bytes).toFixed(2)}×` : '—';
    rows.push(`| ${r.label} | ${wall} | ${rss} | ${out} | ${ratio} |`);
  }
  return rows.join('\n');
}

// A target row: value is undefined when ours was skipped or failed.
function targetRow(name, value, show, goal, pass) {
  const status = value === undefined || Number.isNaN(value) ? 'n/a' : pass(value) ? 'PASS' : 'MISS';
  return `| ${name} | ${value === undefined || Number.isNaN(value) ? '—' : show(value)} | ${goal} | ${status} |`;
}

function targetTable(c, rawTensorBytes) {
  const ok = (r) => (r && !r.error ? r : undefined);
  const create = ok(c.get('ours-create'));
  const tar = ok(c.get('tar-zstd'));
  const oursAll = ['ours-create', 'ours-info', 'ours-verify', 'ours-tensors'].map((id) => ok(c.get(id))).filter(Boolean);
  const peakRss = oursAll.length && create ? Math.max(...oursAll.map((r) => r.rssMB)) : undefined;
  const tensors = ok(c.get('ours-tensors'));
  const zstdTensors = ok(c.get('tar-zstd-tensors'));
  const info = ok(c.get('ours-info'));
  const zstdRatio = zstdTensors?.bytes ? ` (tar+zstd-3: ${(rawTensorBytes / zstdTensors.bytes).toFixed(2)}×)` : '';
  return [
    '| target | measured | goal | status |',
    '| --- | ---: | --- | --- |',
    targetRow('throughput: tar+zstd wall / our create wall', create && tar ? tar.wall / create.wall : undefined, (v) => `${v.toFixed(2)}×`, `≥ ${TARGETS.throughput}×`, (v) => v >= TARGETS.throughput),
    targetRow('size: our snapshot / tar.zst', create?.bytes && tar?.bytes ? create.bytes / tar.bytes : undefined, (v) => `${v.toFixed(3)}×`, `≤ ${TARGETS.size}×`, (v) => v <= TARGETS.size),
    targetRow('peak RSS, ours (max of create/info/verify/tensors)', peakRss, (v) => `${v.toFixed(0)} MB`, `< ${TARGETS.rssMB} MB`, (v) => v < TARGETS.rssMB),
    targetRow('bf16 tensors: raw / our stored bytes', tensors?.bytes ? rawTensorBytes / tensors.bytes : undefined, (v) => `${v.toFixed(3)}×${zstdRatio}`, `≥ ${TARGETS.bf16Ratio}×`, (v) => v >= TARGETS.bf16Ratio),
    targetRow('info wall time', info?.wall, (v) => `${(v * 1000).toFixed(0)} ms`, `< ${TARGETS.infoSeconds * 1000} ms`, (v) => v < TARGETS.infoSeconds),
  ].join('\n');
}

function duBytes(dir) {
  let total = 0;
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const abs = path.join(d, e.name);
      if (e.isDirectory()) walk(abs);
      else if (e.isFile()) total += fs.statSync(abs).size;
    }
  };
  walk(dir);
  return total;
}

// ---------- sections ----------

let cli = DEFAULT_CLI;
const node = (...args) => [process.execPath, cli, ...args];

function createSection(tree, ours, runs) {
  if (!havePeers('tar', 'zstd', 'sha256sum', 'find', 'xargs')) console.log('create: some peers missing; their rows are skipped');
  const tensorsDir = path.join(tree, 'tensors');
  const snap = path.join(OUT, 'tree.vitsnap');
  const tensorSnap = path.join(OUT, 'tensors.vitsnap');
  const tarZst = path.join(OUT, 'tree.tar.zst');
  const tensorTarZst = path.join(OUT, 'tensors.tar.zst');
  const specs = [
    ours && { id: 'ours-create', label: 'ours: `vitsnap create`', argv: node('create', '-C', tree, '-o', snap, '--no-metadata'), output: snap },
    ours && { id: 'ours-info', label: 'ours: `vitsnap info`', argv: node('info', snap), needs: 'ours-create' },
    ours && { id: 'ours-verify', label: 'ours: `vitsnap verify`', argv: node('verify', snap), needs: 'ours-create' },
    !missingPeers.has('tar') && !missingPeers.has('zstd') && { id: 'tar-zstd', label: "`tar -I 'zstd -T0 -3'`", argv: ['sh', '-c', `tar -C ${q(tree)} -I 'zstd -T0 -3' -cf ${q(tarZst)} .`], output: tarZst },
    !missingPeers.has('sha256sum') && { id: 'sha256sum', label: '`xargs -P2 -n 256 sha256sum`', argv: ['sh', '-c', `find ${q(tree)} -type f -print0 | xargs -0 -P2 -n 256 sha256sum > /dev/null`] },
  ].filter(Boolean);
  const tensorSpecs = [
    ours && { id: 'ours-tensors', label: 'ours: `vitsnap create` of tensors/', argv: node('create', '-C', tensorsDir, '-o', tensorSnap, '--no-metadata'), output: tensorSnap },
    !missingPeers.has('tar') && !missingPeers.has('zstd') && { id: 'tar-zstd-tensors', label: "`tar -I 'zstd -T0 -3'` of tensors/", argv: ['sh', '-c', `tar -C ${q(tensorsDir)} -I 'zstd -T0 -3' -cf ${q(tensorTarZst)} .`], output: tensorTarZst },
  ].filter(Boolean);
  const all = measureAll([...specs, ...tensorSpecs], runs);
  const pick = (list) => new Map(list.map((s) => [s.id, all.get(s.id)]));
  const rawTree = duBytes(tree);
  const rawTensors = duBytes(tensorsDir);
  return [
    '## Create',
    '',
    commandTable(pick(specs), rawTree),
    '',
    `## bf16 tensors only (tensors/, ${mb(rawTensors)} MB raw)`,
    '',
    commandTable(pick(tensorSpecs), rawTensors),
    '',
    '## Targets',
    '',
    ours ? targetTable(all, rawTensors) : 'ours skipped (--peers-only): no targets evaluated.',
  ].join('\n');
}

// The largest file changed between A and B (the mutator gives changed files a new mtime).
function largestChangedFile(a, b) {
  let best;
  const walk = (rel) => {
    for (const e of fs.readdirSync(path.join(b, rel), { withFileTypes: true })) {
      const r = path.join(rel, e.name);
      if (e.isDirectory()) walk(r);
      if (!e.isFile()) continue;
      const sa = fs.statSync(path.join(a, r), { throwIfNoEntry: false });
      const sb = fs.statSync(path.join(b, r));
      if (sa && sa.mtimeMs !== sb.mtimeMs && (!best || sb.size > best.size)) best = { rel: r, size: sb.size };
    }
  };
  walk('');
  return best?.rel;
}

function diffSection(a, b, ours, runs) {
  havePeers('diff', 'diffoscope', 'timeout', 'xdelta3');
  const snapA = path.join(OUT, 'a.vitsnap');
  const snapB = path.join(OUT, 'b.vitsnap');
  if (ours) {
    for (const [dir, snap] of [[a, snapA], [b, snapB]]) {
      fs.rmSync(snap, { force: true });
      const r = runOnce(node('create', '-C', dir, '-o', snap, '--no-metadata'), [0]);
      if (!r.ok) return `## Diff\n\nsnapshot for the diff failed (${r.why}); diff skipped`;
    }
  }
  const changed = largestChangedFile(a, b);
  const delta = path.join(OUT, 'changed.xd3');
  const specs = [
    ours && { id: 'ours-diff-dirs', label: 'ours: `vitsnap diff dirA dirB`', argv: node('diff', a, b), okCodes: [0, 1] },
    ours && { id: 'ours-diff-snaps', label: 'ours: `vitsnap diff a.vitsnap b.vitsnap`', argv: node('diff', snapA, snapB), okCodes: [0, 1] },
    !missingPeers.has('diff') && { id: 'diff-rq', label: '`diff -rq`', argv: ['diff', '-rq', a, b], okCodes: [0, 1] },
    !missingPeers.has('diffoscope') && !missingPeers.has('timeout') && {
      id: 'diffoscope', label: `\`timeout ${DIFFOSCOPE_TIMEOUT_S} diffoscope\``, argv: ['timeout', String(DIFFOSCOPE_TIMEOUT_S), 'diffoscope', a, b], okCodes: [0, 1], runs: 1,
    },
    changed && !missingPeers.has('xdelta3') && {
      id: 'xdelta3', label: `\`xdelta3 -e -s\` on the largest changed file (${mb(fs.statSync(path.join(b, changed)).size)} MB)`,
      argv: ['xdelta3', '-e', '-f', '-s', path.join(a, changed), path.join(b, changed), delta], output: delta,
    },
  ].filter(Boolean);
  const results = measureAll(specs, runs);
  // diffoscope can crash on a damaged archive (its zip comparator decodes zipinfo's output as UTF-8):
  // then it is timed once more without zipinfo, which only spares it work, and the row says so.
  const crashed = results.get('diffoscope')?.status === 2;
  if (crashed) {
    const retry = measureAll([{ id: 'diffoscope', label: `\`timeout ${DIFFOSCOPE_TIMEOUT_S} diffoscope --exclude-command ^zipinfo\` (plain diffoscope exited 2: ${results.get('diffoscope').lastLine.slice(0, 100)})`, argv: ['timeout', String(DIFFOSCOPE_TIMEOUT_S), 'diffoscope', '--exclude-command', '^zipinfo', a, b], okCodes: [0, 1], runs: 1 }], 1);
    results.set('diffoscope', retry.get('diffoscope'));
  }
  const timedOut = results.get('diffoscope')?.status === 124 ? `\ndiffoscope hit the ${DIFFOSCOPE_TIMEOUT_S} s timeout.\n` : '';
  return [
    '## Diff',
    '',
    `B = A with ${MUTATE.percent} % of files changed (half in place, half appended), ${MUTATE.percent / 5} % added, ${MUTATE.percent / 5} % removed. diffoscope runs once.${timedOut}`,
    '',
    commandTable(results),
    '',
    ours ? diffTargetTable(results) : 'ours skipped (--peers-only): no targets evaluated.',
  ].join('\n');
}

function diffTargetTable(c) {
  const ok = (r) => (r && !r.error ? r : undefined);
  const dirs = ok(c.get('ours-diff-dirs'));
  const snaps = ok(c.get('ours-diff-snaps'));
  const diffRq = ok(c.get('diff-rq'));
  const diffoscope = ok(c.get('diffoscope'));
  const rss = dirs && snaps ? Math.max(dirs.rssMB, snaps.rssMB) : undefined;
  return [
    '| target | measured | goal | status |',
    '| --- | ---: | --- | --- |',
    targetRow('diffoscope wall / our dir diff wall', dirs && diffoscope ? diffoscope.wall / dirs.wall : undefined, (v) => `${v.toFixed(1)}×`, `≥ ${TARGETS.vsDiffoscope}×`, (v) => v >= TARGETS.vsDiffoscope),
    targetRow('our dir diff wall / `diff -rq` wall', dirs && diffRq ? dirs.wall / diffRq.wall : undefined, (v) => `${v.toFixed(2)}×`, `≤ ${TARGETS.dirsVsDiffRq}×`, (v) => v <= TARGETS.dirsVsDiffRq),
    targetRow('`diff -rq` wall / our snapshot diff wall', snaps && diffRq ? diffRq.wall / snaps.wall : undefined, (v) => `${v.toFixed(2)}×`, `≥ ${TARGETS.snapsVsDiffRq}×`, (v) => v >= TARGETS.snapsVsDiffRq),
    targetRow('peak RSS, ours (max of both diffs)', rss, (v) => `${v.toFixed(0)} MB`, `< ${TARGETS.rssMB} MB`, (v) => v < TARGETS.rssMB),
  ].join('\n');
}

// A 17 MB single-line webpack stats.json-like pair, one value apart: the large-JSON path (issue #10 item 8).
function jsonSection(ours, runs) {
  const hash = createHash('sha256').update(fs.readFileSync(STATS_GENERATOR)).digest('hex').slice(0, 8);
  const dir = path.join(WORK, `stats-json-${hash}`);
  if (!fs.existsSync(dir)) {
    for (const old of fs.readdirSync(WORK)) if (old.startsWith('stats-json-')) fs.rmSync(path.join(WORK, old), { recursive: true, force: true });
    const partial = `${dir}.partial`;
    const r = spawnSync(process.execPath, [STATS_GENERATOR, partial], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0) return `## Large JSON\n\ngenerating the stats.json pair failed (exit ${r.status}); skipped`;
    fs.renameSync(partial, dir);
  }
  const a = path.join(dir, 'a.json');
  const b = path.join(dir, 'b.json');
  havePeers('diff');
  const specs = [
    ours && { id: 'ours-json', label: 'ours: `vitsnap diff a.json b.json`', argv: node('diff', a, b), okCodes: [1] },
    !missingPeers.has('diff') && { id: 'diff-json', label: '`diff a.json b.json`', argv: ['diff', a, b], okCodes: [1] },
  ].filter(Boolean);
  const results = measureAll(specs, runs);
  const mine = results.get('ours-json');
  const ok = mine && !mine.error ? mine : undefined;
  return [
    '## Large JSON',
    '',
    `\`${path.relative(ROOT, a)}\`: ${mb(fs.statSync(a).size)} MB on one line; b.json has /modules/27182/size + 1.`,
    '',
    commandTable(results),
    '',
    ours
      ? [
          '| target | measured | goal | status |',
          '| --- | ---: | --- | --- |',
          targetRow('our JSON diff wall', ok?.wall, (v) => `${v.toFixed(2)} s`, `< ${TARGETS.jsonSeconds} s`, (v) => v < TARGETS.jsonSeconds),
          targetRow('peak RSS, our JSON diff', ok?.rssMB, (v) => `${v.toFixed(0)} MB`, `< ${TARGETS.rssMB} MB`, (v) => v < TARGETS.rssMB),
        ].join('\n')
      : 'ours skipped (--peers-only): no targets evaluated.',
  ].join('\n');
}

// ---------- main ----------

async function main() {
  const { values } = parseArgs({
    options: {
      'size-mb': { type: 'string', default: '1000' },
      files: { type: 'string', default: '20000' },
      seed: { type: 'string', default: '1' },
      runs: { type: 'string', default: '3' },
      only: { type: 'string' },
      keep: { type: 'boolean', default: false },
      'peers-only': { type: 'boolean', default: false },
      cli: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const sizeMb = Number(values['size-mb']);
  const files = Number(values.files);
  const seed = Number(values.seed);
  const runs = Number(values.runs);
  if (![sizeMb, files, seed, runs].every((n) => Number.isFinite(n) && n > 0)) {
    console.error(`bench: --size-mb, --files, --seed and --runs take positive numbers\n${USAGE}`);
    return 2;
  }
  if (values.only !== undefined && !['create', 'diff', 'json', 'store', 'delta'].includes(values.only)) {
    console.error(`bench: --only takes 'create', 'diff', 'json', 'store' or 'delta' (got '${values.only}')`);
    return 2;
  }
  if (Number(process.versions.node.split('.')[0]) < 24) {
    console.error(`bench: run under Node 24 (found ${process.version}); 'npm run bench' puts the node@24 devDependency on PATH.`);
    return 2;
  }
  const ours = !values['peers-only'];
  cli = path.resolve(values.cli ?? DEFAULT_CLI);
  if (ours && !fs.existsSync(cli)) {
    console.error(values.cli ? `bench: --cli ${values.cli} not found` : "bench: dist/cli/index.js not found: run 'npm run bundle' first (or pass --peers-only)");
    return 2;
  }
  if (!fs.existsSync(GNU_TIME)) console.log('missing peer: /usr/bin/time (apt-get install -y time); peak RSS not measured');
  fs.mkdirSync(OUT, { recursive: true });

  const cpu = (os.cpus()[0]?.model ?? 'unknown cpu').trim();
  if (values.only === 'json') {
    const sections = [
      '# vitsnap benchmark: large JSON',
      '',
      `- ${new Date().toISOString()} · Node ${process.version} · ${os.cpus().length} × ${cpu} · load average at start ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`,
      `- wall = median of ${runs} run${runs === 1 ? '' : 's'}; peak RSS = max over runs (GNU time %M). Ours: ${ours ? `\`node ${path.relative(ROOT, cli)}\`` : 'skipped (--peers-only)'}.`,
      '',
      jsonSection(ours, runs),
    ];
    return writeReport(sections, values.keep);
  }
  const params = `${sizeMb}mb-${files}f-seed${seed}`;
  const key = `tree-${params}-${generatorHash()}`;
  const treeA = cachedTree(key, `tree-${params}-`, (dir) => [dir, '--size-mb', String(sizeMb), '--files', String(files), '--seed', String(seed)]);
  const warmA = warmCache(treeA.dir);
  const zstdVersion = spawnSync('zstd', ['--version'], { encoding: 'utf8' }).stdout?.match(/v[\d.]+/)?.[0] ?? '?';
  const sections = [
    '# vitsnap benchmark',
    '',
    `- ${new Date().toISOString()} · Node ${process.version} · ${os.cpus().length} × ${cpu} · zstd ${zstdVersion} · load average at start ${os.loadavg().map((l) => l.toFixed(2)).join(' ')} (anything else running skews wall times)`,
    `- ${treeA.summary.replace(`${ROOT}/`, '')}`,
    `- Warm runs: the tree was read once with \`cat\` first (${warmA.toFixed(1)} s) and the page cache is never dropped.`,
    values.only === 'store'
      ? `- Each command runs once per build; medians are over builds. Peak RSS from GNU time %M. Ours: \`node ${path.relative(ROOT, cli)}\`.`
      : `- wall = median of ${runs} run${runs === 1 ? '' : 's'}, taken round-robin; peak RSS = max over runs (GNU time %M). Ours: ${ours ? `\`node ${path.relative(ROOT, cli)}\`` : 'skipped (--peers-only)'}.`,
  ];

  if (values.only === undefined || values.only === 'create') sections.push('', createSection(treeA.dir, ours, runs));
  if (values.only === undefined || values.only === 'diff') {
    const implemented = ours && spawnSync(process.execPath, [cli, 'diff', '--help'], { stdio: 'ignore' }).status === 0;
    if (ours && !implemented) {
      console.log('diff: not implemented yet, skipped');
      sections.push('', '## Diff', '', 'diff: not implemented yet, skipped');
    } else {
      const treeB = mutatedTree(key, treeA.dir);
      warmCache(treeB.dir);
      sections.push('', diffSection(treeA.dir, treeB.dir, ours, runs));
    }
  }
  if (values.only === undefined) sections.push('', jsonSection(ours, runs));
  if (values.only === 'store') {
    if (!ours) sections.push('', '## Store', '', 'store: needs vitsnap (not with --peers-only), skipped');
    else {
      const haveTar = havePeers('tar', 'zstd', 'du', 'sync');
      sections.push('', await storeSection({ tree: treeA.dir, key, work: WORK, out: OUT, node, runOnce, cachedTree, warmCache, q, mb, median, haveTar, keep: values.keep }));
    }
  }

  if (values.only === 'delta') {
    if (!ours) sections.push('', '## Delta snapshots', '', 'delta: needs vitsnap (not with --peers-only), skipped');
    else {
      const build1 = mutatedTree(key, treeA.dir);
      sections.push('', deltaSection({ build0: treeA.dir, build1: build1.dir, mutation: build1.summary, out: OUT, node, runOnce, measureAll, commandTable, warmCache, havePeers, q, mb, runs }));
    }
  }

  return writeReport(sections, values.keep);
}

function writeReport(sections, keep) {
  const report = `${sections.join('\n')}\n`;
  fs.mkdirSync(path.dirname(RESULTS), { recursive: true });
  fs.writeFileSync(RESULTS, report);
  console.log(`\n${report}`);
  console.error(`written ${path.relative(ROOT, RESULTS)}`);
  if (!keep) fs.rmSync(OUT, { recursive: true, force: true });
  return 0;
}

process.exitCode = await main();
