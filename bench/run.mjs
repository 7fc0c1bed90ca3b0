#!/usr/bin/env node
// `npm run bench [-- options]`: times vitsnap against tar+zstd, sha256sum and the diff peers on
// a generated tree and on a tree of real build outputs, and writes the markdown report to stdout
// and bench/results/latest.md. See bench/README.md for what each number means. Node builtins only;
// installs nothing.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createSection } from './create-section.mjs';
import { deltaSection } from './delta-section.mjs';
import { diffSection } from './diff-section.mjs';
import { jsonSection } from './json-section.mjs';
import { rebuildSection } from './rebuild-section.mjs';
import { commandTable, haveGnuTime, havePeers, mb, measureAll, median, OUT, q, ROOT, runOnce, warmCache, WORK } from './measure.mjs';
import { storeSection } from './store-section.mjs';
import { cachedTree, generatedTree, MUTATE, mutatedTree, realTrees } from './trees.mjs';

const RESULTS = path.join(ROOT, 'bench', 'results', 'latest.md');
const DEFAULT_CLI = path.join(ROOT, 'dist', 'cli', 'index.js');
const SECTIONS = ['create', 'diff', 'json', 'store', 'delta', 'rebuild'];
const TREES = ['generated', 'real'];

const USAGE = `usage: npm run bench -- [--size-mb 1000] [--files 20000] [--seed 1] [--runs 3]
                       [--only create|diff|json|store|delta|rebuild] [--trees generated,real]
                       [--keep] [--peers-only] [--cli PATH]
  --trees LIST  which trees create and diff run on (default both): the generated one, and real
                build outputs copied by ../shared/bench/mktree.py (VITSNAP_MKTREE overrides)
  --only json   only the 17 MB single-line stats.json diff (no tree needed)
  --only store  only the store section: ten builds 1 % apart into one store (not in the default run)
  --only delta  only the delta section: build 1 as a delta on build 0, restore, flatten, --since
                (not in the default run)
  --only rebuild  builds and wall time to name 1 and 2 culprit variations: ours against
                Debian's reprotest --auto-build (not in the default run)
  --keep        keep snapshots, archives and the store in bench/work/out (trees are always cached)
  --peers-only  run without dist/cli/index.js: measure the peers alone
  --cli PATH    the vitsnap entry to measure (default dist/cli/index.js), e.g. an older build`;

const loadNow = () => os.loadavg().map((l) => l.toFixed(2)).join(' ');

// One row per target, one column per tree: what `npm run bench` promises, at a glance.
function summaryTable(perTree) {
  const names = [];
  for (const { targets } of perTree) for (const t of targets) if (t.status !== 'info' && !names.includes(t.name)) names.push(t.name);
  const cell = (targets, name) => {
    const t = targets.find((x) => x.name === name);
    if (t === undefined) return '—';
    const measured = t.row.split('|')[2].trim();
    return `${measured} ${t.status}`;
  };
  return [
    `| target | ${perTree.map((t) => t.title).join(' | ')} |`,
    `| --- | ${perTree.map(() => '---:').join(' | ')} |`,
    ...names.map((name) => `| ${name} | ${perTree.map((t) => cell(t.targets, name)).join(' | ')} |`),
  ].join('\n');
}

async function main() {
  const { values } = parseArgs({
    options: {
      'size-mb': { type: 'string', default: '1000' },
      files: { type: 'string', default: '20000' },
      seed: { type: 'string', default: '1' },
      runs: { type: 'string', default: '3' },
      only: { type: 'string' },
      trees: { type: 'string', default: TREES.join(',') },
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
  if (values.only !== undefined && !SECTIONS.includes(values.only)) {
    console.error(`bench: --only takes ${SECTIONS.map((s) => `'${s}'`).join(', ')} (got '${values.only}')`);
    return 2;
  }
  const trees = values.trees.split(',').map((t) => t.trim()).filter(Boolean);
  if (trees.length === 0 || trees.some((t) => !TREES.includes(t))) {
    console.error(`bench: --trees takes a comma-separated list of ${TREES.join(', ')} (got '${values.trees}')`);
    return 2;
  }
  if (Number(process.versions.node.split('.')[0]) < 24) {
    console.error(`bench: run under Node 24 (found ${process.version}); 'npm run bench' puts the node@24 devDependency on PATH.`);
    return 2;
  }
  const ours = !values['peers-only'];
  const cli = path.resolve(values.cli ?? DEFAULT_CLI);
  if (ours && !fs.existsSync(cli)) {
    console.error(values.cli ? `bench: --cli ${values.cli} not found` : "bench: dist/cli/index.js not found: run 'npm run bundle' first (or pass --peers-only)");
    return 2;
  }
  if (!haveGnuTime()) console.log('missing peer: /usr/bin/time (apt-get install -y time); peak RSS not measured');
  fs.mkdirSync(OUT, { recursive: true });
  const node = (...args) => [process.execPath, cli, ...args];
  const ctx = { node, runs, ours };

  const cpu = (os.cpus()[0]?.model ?? 'unknown cpu').trim();
  const zstdVersion = spawnSync('zstd', ['--version'], { encoding: 'utf8' }).stdout?.match(/v[\d.]+/)?.[0] ?? '?';
  const sections = [
    values.only === 'json' ? '# vitsnap benchmark: large JSON' : values.only === 'rebuild' ? '# vitsnap benchmark: rebuild' : '# vitsnap benchmark',
    '',
    `- ${new Date().toISOString()} · Node ${process.version} · ${os.cpus().length} × ${cpu} · zstd ${zstdVersion} · load average at start ${loadNow()} (anything else running skews wall times)`,
    values.only === 'store'
      ? `- Each command runs once per build; medians are over builds. Peak RSS from GNU time %M. Ours: \`node ${path.relative(ROOT, cli)}\`.`
      : `- wall = median of ${runs} run${runs === 1 ? '' : 's'}, taken round-robin; peak RSS = max over runs (GNU time %M). Ours: ${ours ? `\`node ${path.relative(ROOT, cli)}\`` : 'skipped (--peers-only)'}.`,
    '- Warm runs: each tree is read once with `cat` before it is measured, and the page cache is never dropped.',
  ];
  if (values.only === 'json') {
    sections.push('', jsonSection(ctx).text);
    return writeReport(sections, values.keep);
  }
  if (values.only === 'rebuild') {
    // One run of each tool per project: the other header lines are about trees and medians.
    sections.splice(3, 2, `- Each tool runs once per project. Ours: \`node ${path.relative(ROOT, cli)}\`; reprotest ${spawnSync('dpkg-query', ['-W', '-f', '${Version}', 'reprotest'], { encoding: 'utf8' }).stdout?.trim() || '(version unknown)'} from Debian.`);
    sections.push('', rebuildSection(ctx).text);
    return writeReport(sections, values.keep);
  }

  const perTree = [];
  const wantCreate = values.only === undefined || values.only === 'create';
  const wantDiff = values.only === undefined || values.only === 'diff';
  const generated = trees.includes('generated') || values.only === 'store' || values.only === 'delta' ? generatedTree(sizeMb, files, seed) : null;

  if (generated !== null && trees.includes('generated') && (wantCreate || wantDiff)) {
    const warm = warmCache(generated.dir);
    const title = `generated (${sizeMb} MB)`;
    const part = { title, targets: [] };
    sections.push('', `## Generated tree`, '', `- ${generated.summary.replace(`${ROOT}/`, '')}`, `- read once with \`cat\` first (${warm.toFixed(1)} s)`);
    if (wantCreate) {
      const r = createSection(ctx, { dir: generated.dir, id: 'gen', tensors: true });
      sections.push('', r.text);
      part.targets.push(...r.targets);
    }
    if (wantDiff) {
      const b = mutatedTree(generated.key, generated.dir);
      warmCache(b.dir);
      const change = `B = A with ${MUTATE.percent} % of files changed (half in place, half appended), ${MUTATE.percent / 5} % added, ${MUTATE.percent / 5} % removed.`;
      const r = diffSection(ctx, { a: generated.dir, b: b.dir, id: 'gen', change, diffoscope: true });
      sections.push('', r.text);
      part.targets.push(...r.targets);
    }
    perTree.push(part);
  }

  if (trees.includes('real') && (wantCreate || wantDiff)) {
    sections.push('', '## Real build outputs');
    const real = havePeers('python3', 'cp', 'du') ? realTrees() : { skip: 'python3, cp or du missing' };
    if (real.skip !== undefined) {
      sections.push('', `skipped: ${real.skip}`);
    } else {
      warmCache(real.a);
      warmCache(real.b);
      const part = { title: 'real build outputs', targets: [] };
      sections.push('', `- ${real.summary}`, `- A: \`${path.relative(ROOT, real.a)}\`, B: \`${path.relative(ROOT, real.b)}\``);
      if (wantCreate) {
        const r = createSection(ctx, { dir: real.a, id: 'real', tensors: false });
        sections.push('', r.text);
        part.targets.push(...r.targets);
      }
      if (wantDiff) {
        const change = 'B = A with 1 % of files changed by 4 bytes in place, 20 added, 20 removed (mktree.py). diffoscope is left out: it disassembles every changed library and takes many minutes.';
        const r = diffSection(ctx, { a: real.a, b: real.b, id: 'real', change, diffoscope: false });
        sections.push('', r.text);
        part.targets.push(...r.targets);
      }
      perTree.push(part);
    }
  }

  if (values.only === undefined) sections.push('', jsonSection(ctx).text);

  if (generated !== null && (values.only === 'store' || values.only === 'delta')) {
    sections.push(`- ${generated.summary.replace(`${ROOT}/`, '')}`, `- read once with \`cat\` first (${warmCache(generated.dir).toFixed(1)} s)`);
  }
  if (values.only === 'store') {
    if (!ours) sections.push('', '## Store', '', 'store: needs vitsnap (not with --peers-only), skipped');
    else {
      const haveTar = havePeers('tar', 'zstd', 'du', 'sync');
      sections.push('', await storeSection({ tree: generated.dir, key: generated.key, work: WORK, out: OUT, node, runOnce, cachedTree, warmCache, q, mb, median, haveTar, keep: values.keep }));
    }
  }
  if (values.only === 'delta') {
    if (!ours) sections.push('', '## Delta snapshots', '', 'delta: needs vitsnap (not with --peers-only), skipped');
    else {
      const build1 = mutatedTree(generated.key, generated.dir);
      sections.push('', deltaSection({ build0: generated.dir, build1: build1.dir, mutation: build1.summary, out: OUT, node, runOnce, measureAll, commandTable, warmCache, havePeers, q, mb, runs }));
    }
  }

  if (ours && perTree.length > 0) sections.push('', '## Targets on every tree', '', summaryTable(perTree));
  sections.push('', `- load average at the end: ${loadNow()}`);
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
