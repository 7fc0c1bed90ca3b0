// The trees the bench measures, cached under bench/work/ by their parameters and the hash of the
// script that makes them: the generated tree (generate-tree.mjs) with its mutated copy, and a
// pair of real build outputs copied from this machine by the team's mktree.py.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { BENCH_DIR, ROOT, WORK } from './measure.mjs';

const GENERATOR = path.join(BENCH_DIR, 'generate-tree.mjs');
export const MUTATE = { percent: 1, seed: 2 };
// Sizes of the real tree, as issue #13 measured it: ~200 MB of libraries, ~60 MB of Python packages.
export const REAL = { libMb: 200, pyMb: 60 };

const hashOf = (file) => createHash('sha256').update(fs.readFileSync(file)).digest('hex').slice(0, 8);

function dropStale(prefix, keep) {
  for (const old of fs.readdirSync(WORK)) {
    if (old.startsWith(prefix) && old !== keep && old !== `${keep}.txt`) fs.rmSync(path.join(WORK, old), { recursive: true, force: true });
  }
}

// Runs `generate` into DIR.partial and renames, so an interrupted run never leaves a half tree in the cache.
export function cachedTree(name, stalePrefix, generateArgs) {
  const dir = path.join(WORK, name);
  const summaryFile = `${dir}.txt`;
  if (fs.existsSync(dir) && fs.existsSync(summaryFile)) return { dir, summary: fs.readFileSync(summaryFile, 'utf8').trim() };
  dropStale(stalePrefix, name);
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

// The generated tree for these parameters; `key` names it and its mutated copy.
export function generatedTree(sizeMb, files, seed) {
  const params = `${sizeMb}mb-${files}f-seed${seed}`;
  const key = `tree-${params}-${hashOf(GENERATOR)}`;
  const tree = cachedTree(key, `tree-${params}-`, (dir) => [dir, '--size-mb', String(sizeMb), '--files', String(files), '--seed', String(seed)]);
  return { ...tree, key };
}

// Build 1 of the diff and delta sections: the tree with MUTATE.percent % of files changed (cached).
export function mutatedTree(key, from) {
  return cachedTree(`${key}-mutated`, `${key}-mutated`, (dir) => ['--mutate', from, dir, '--percent', String(MUTATE.percent), '--seed', String(MUTATE.seed)]);
}

// The team's script (read-only, beside the checkout); VITSNAP_MKTREE points elsewhere.
export const MKTREE = process.env.VITSNAP_MKTREE ?? path.resolve(ROOT, '..', 'shared', 'bench', 'mktree.py');
const OPENBLAS = '/usr/lib/x86_64-linux-gnu/openblas-pthread';

/**
 * A and B of real build outputs: A copies ELF libraries and archives from /usr/lib/x86_64-linux-gnu
 * and Python packages from /usr/lib/python3/dist-packages; B is A with 1 % of files changed by 4
 * bytes, 20 added and 20 removed (mktree.py). Returns { a, b, summary } or { skip: why }.
 */
export function realTrees() {
  if (!fs.existsSync(MKTREE)) return { skip: `${MKTREE} not found (the team's mktree.py; set VITSNAP_MKTREE to its path)` };
  const name = `real-lib${REAL.libMb}-py${REAL.pyMb}-${hashOf(MKTREE)}`;
  const dir = path.join(WORK, name);
  const summaryFile = `${dir}.txt`;
  const a = path.join(dir, 'A');
  const b = path.join(dir, 'B');
  if (fs.existsSync(a) && fs.existsSync(b) && fs.existsSync(summaryFile)) return { a, b, summary: fs.readFileSync(summaryFile, 'utf8').trim() };
  dropStale(`real-lib${REAL.libMb}-py${REAL.pyMb}-`, name);
  if (!fs.existsSync(OPENBLAS)) console.log('note: libopenblas-pthread-dev is not installed, so the real tree lacks its large .a (apt-get install -y libopenblas-pthread-dev)');
  const partial = `${dir}.partial`;
  fs.rmSync(partial, { recursive: true, force: true });
  console.error(`copying real build outputs into ${path.relative(ROOT, dir)} ...`);
  const r = spawnSync('python3', [MKTREE, partial, String(REAL.libMb), String(REAL.pyMb)], { stdio: ['ignore', 'inherit', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0) return { skip: `mktree.py failed (exit ${r.status}): ${r.stderr.trim().split('\n').at(-1) ?? ''}` };
  fs.renameSync(partial, dir);
  const summary = `real build outputs (mktree.py ${REAL.libMb} ${REAL.pyMb}): ${r.stderr.trim().split('\n').at(-1)}${fs.existsSync(OPENBLAS) ? '' : ' (no libopenblas .a)'}`;
  fs.writeFileSync(summaryFile, `${summary}\n`);
  return { a, b, summary };
}
