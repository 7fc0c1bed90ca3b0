// How the bench measures: one command timed by our clock with GNU time's peak RSS, specs run
// round-robin, and the markdown tables the sections print. Node builtins only.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(BENCH_DIR, '..');
export const WORK = path.join(BENCH_DIR, 'work');
export const OUT = path.join(WORK, 'out');
const GNU_TIME = '/usr/bin/time';
export const haveGnuTime = () => fs.existsSync(GNU_TIME);

export const q = (s) => `'${String(s).replaceAll("'", "'\\''")}'`;
export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
export const mb = (bytes) => (bytes >= 1e6 ? (bytes / 1e6).toFixed(1) : String(Number((bytes / 1e6).toPrecision(2))));
export const fileSize = (p) => (fs.existsSync(p) ? fs.statSync(p).size : undefined);

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
  cp: 'coreutils', cmp: 'diffutils', python3: 'python3',
};
export const missingPeers = new Set();
export function havePeers(...cmds) {
  const missing = cmds.filter((c) => !onPath(c));
  for (const c of missing) {
    if (!missingPeers.has(c)) console.log(`missing peer: ${c} (apt-get install -y ${PEER_PACKAGES[c] ?? c})`);
    missingPeers.add(c);
  }
  return missing.length === 0;
}

export function warmCache(dir) {
  const t0 = performance.now();
  spawnSync('sh', ['-c', `find ${q(dir)} -type f -print0 | xargs -0 cat > /dev/null`], { stdio: 'ignore' });
  return (performance.now() - t0) / 1000;
}

// Regular-file bytes below dir (apparent sizes).
export function duBytes(dir) {
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

// One command: wall from our own clock (GNU time's %e is 10 ms coarse), peak RSS from GNU time's %M.
// With `stdout`, the command's output is returned (for --json results); else it is discarded.
// With `stderr`, its error output is returned too.
export function runOnce(argv, okCodes, { stdout = false, stderr = false } = {}) {
  const rssFile = path.join(OUT, '.rss');
  const useTime = haveGnuTime();
  const full = useTime ? [GNU_TIME, '-f', '%M', '-o', rssFile, ...argv] : argv;
  const t0 = process.hrtime.bigint();
  const r = spawnSync(full[0], full.slice(1), { cwd: ROOT, stdio: ['ignore', stdout ? 'pipe' : 'ignore', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  const rssKB = useTime && fs.existsSync(rssFile) ? Number(fs.readFileSync(rssFile, 'utf8').trim().split('\n').at(-1)) : NaN;
  const ok = okCodes.includes(r.status);
  // Node's crash output ends with its version: the line naming the error says more.
  const lines = (r.stderr?.toString() ?? '').split('\n').map((l) => l.trim()).filter(Boolean);
  const why = ok ? undefined : `exit ${r.status ?? r.signal}: ${lines.find((l) => /error|E_[A-Z]/i.test(l)) ?? lines.at(-1) ?? ''}`;
  return { wall, rssKB, ok, status: r.status, why, lastLine: lines.at(-1) ?? '', stdout: stdout ? (r.stdout?.toString() ?? '') : undefined, stderr: stderr ? (r.stderr?.toString() ?? '') : undefined };
}

// Specs run round-robin (A B C A B C ...) so machine drift lands on every command alike.
// A spec's `scratch` directory is emptied before each of its runs (a restore target); with `stdout`,
// the last run's output is kept (for --json results).
export function measureAll(specs, runs) {
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

export function commandTable(results, rawBytes) {
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

// A target row: value is undefined when ours was skipped or failed. Returns the row and its status.
export function target(name, value, show, goal, pass) {
  const known = value !== undefined && !Number.isNaN(value);
  const status = known ? (pass(value) ? 'PASS' : 'MISS') : 'n/a';
  return { name, status, row: `| ${name} | ${known ? show(value) : '—'} | ${goal} | ${status} |` };
}

// A figure shown beside the targets for reference: never a pass or a miss.
export function reference(name, value, show) {
  const known = value !== undefined && !Number.isNaN(value);
  return { name, status: 'info', row: `| ${name} | ${known ? show(value) : '—'} | for reference | — |` };
}

export const TARGET_HEADER = ['| target | measured | goal | status |', '| --- | ---: | --- | --- |'];

// The result of `id` when it ran without error.
export const okResult = (results, id) => {
  const r = results.get(id);
  return r && !r.error ? r : undefined;
};

// Peak RSS over the given results that ran (MB), undefined when none did.
export function peakRss(results) {
  const ran = [...results].filter((r) => r && !r.error && r.rssMB !== undefined && !Number.isNaN(r.rssMB));
  return ran.length ? Math.max(...ran.map((r) => r.rssMB)) : undefined;
}
