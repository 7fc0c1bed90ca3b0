// The large-JSON section: a 17 MB single-line webpack stats.json-like pair, one value apart (issue #10 item 8).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { BENCH_DIR, commandTable, havePeers, mb, measureAll, missingPeers, okResult, ROOT, target, TARGET_HEADER, WORK } from './measure.mjs';

const STATS_GENERATOR = path.join(BENCH_DIR, 'generate-stats-json.mjs');
const JSON_SECONDS = 1; // `diff a.json b.json` wall, below
const RSS_MB = 300;

export function jsonSection(ctx) {
  const { node, runs, ours } = ctx;
  const hash = createHash('sha256').update(fs.readFileSync(STATS_GENERATOR)).digest('hex').slice(0, 8);
  const dir = path.join(WORK, `stats-json-${hash}`);
  if (!fs.existsSync(dir)) {
    for (const old of fs.readdirSync(WORK)) if (old.startsWith('stats-json-')) fs.rmSync(path.join(WORK, old), { recursive: true, force: true });
    const partial = `${dir}.partial`;
    const r = spawnSync(process.execPath, [STATS_GENERATOR, partial], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0) return { text: `## Large JSON\n\ngenerating the stats.json pair failed (exit ${r.status}); skipped`, targets: [] };
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
  const mine = okResult(results, 'ours-json');
  const targets = ours
    ? [
        target('our JSON diff wall', mine?.wall, (v) => `${v.toFixed(2)} s`, `< ${JSON_SECONDS} s`, (v) => v < JSON_SECONDS),
        target('peak RSS, our JSON diff', mine?.rssMB, (v) => `${v.toFixed(0)} MB`, `< ${RSS_MB} MB`, (v) => v < RSS_MB),
      ]
    : [];
  const text = [
    '## Large JSON',
    '',
    `\`${path.relative(ROOT, a)}\`: ${mb(fs.statSync(a).size)} MB on one line; b.json has /modules/27182/size + 1.`,
    '',
    commandTable(results),
    '',
    ours ? [...TARGET_HEADER, ...targets.map((t) => t.row)].join('\n') : 'ours skipped (--peers-only): no targets evaluated.',
  ].join('\n');
  return { text, targets };
}
