// The diff section: our diff of two directories and of their snapshots (explained, and --brief)
// against `diff -rq`, diffoscope (generated tree only: it takes minutes) and xdelta3.
import fs from 'node:fs';
import path from 'node:path';
import { commandTable, havePeers, mb, measureAll, missingPeers, okResult, OUT, peakRss, reference, runOnce, target, TARGET_HEADER } from './measure.mjs';

export const DIFF_TARGETS = {
  vsDiffoscope: 50, // diffoscope wall / our dir diff wall, at least (1 GB generated pair)
  dirsVsDiffRq: 1.3, // our dir diff wall / `diff -rq` wall, at most (issue #13)
  snapsVsDiffRq: 0.5, // our explained snapshot diff wall / `diff -rq` wall, at most (issue #13)
  rssMB: 300,
};
const DIFFOSCOPE_TIMEOUT_S = 600;

// The largest file changed between A and B, by content (both generators give changed files a new mtime).
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

// ctx: { node, runs, ours }; pair: { a, b, id, change, diffoscope } — change says what B is.
export function diffSection(ctx, pair) {
  const { node, runs, ours } = ctx;
  const { a, b } = pair;
  havePeers('diff', 'timeout', 'xdelta3', ...(pair.diffoscope ? ['diffoscope'] : []));
  const snapA = path.join(OUT, `${pair.id}-a.vitsnap`);
  const snapB = path.join(OUT, `${pair.id}-b.vitsnap`);
  if (ours) {
    for (const [dir, snap] of [[a, snapA], [b, snapB]]) {
      fs.rmSync(snap, { force: true });
      const r = runOnce(node('create', '-C', dir, '-o', snap, '--no-metadata'), [0]);
      if (!r.ok) return { text: `### Diff\n\nsnapshot for the diff failed (${r.why}); diff skipped`, targets: [] };
    }
  }
  const changed = largestChangedFile(a, b);
  const delta = path.join(OUT, `${pair.id}-changed.xd3`);
  const specs = [
    ours && { id: 'ours-diff-dirs', label: 'ours: `vitsnap diff dirA dirB`', argv: node('diff', a, b), okCodes: [0, 1] },
    ours && { id: 'ours-diff-snaps', label: 'ours: `vitsnap diff a.vitsnap b.vitsnap`', argv: node('diff', snapA, snapB), okCodes: [0, 1] },
    ours && { id: 'ours-brief-snaps', label: 'ours: `vitsnap diff --brief a.vitsnap b.vitsnap`', argv: node('diff', '--brief', snapA, snapB), okCodes: [0, 1] },
    ours && { id: 'ours-brief-dirs', label: 'ours: `vitsnap diff --brief dirA dirB`', argv: node('diff', '--brief', a, b), okCodes: [0, 1] },
    // --no-dereference: symlinks compared as links, as we do (the real tree has dangling ones, which
    // plain `diff -rq` reports as errors and exits 2).
    !missingPeers.has('diff') && { id: 'diff-rq', label: '`diff -rq --no-dereference`', argv: ['diff', '-rq', '--no-dereference', a, b], okCodes: [0, 1] },
    pair.diffoscope && !missingPeers.has('diffoscope') && !missingPeers.has('timeout') && {
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
  if (results.get('diffoscope')?.status === 2) {
    const label = `\`timeout ${DIFFOSCOPE_TIMEOUT_S} diffoscope --exclude-command ^zipinfo\` (plain diffoscope exited 2: ${results.get('diffoscope').lastLine.slice(0, 100)})`;
    const retry = measureAll([{ id: 'diffoscope', label, argv: ['timeout', String(DIFFOSCOPE_TIMEOUT_S), 'diffoscope', '--exclude-command', '^zipinfo', a, b], okCodes: [0, 1], runs: 1 }], 1);
    results.set('diffoscope', retry.get('diffoscope'));
  }
  const timedOut = results.get('diffoscope')?.status === 124 ? `\ndiffoscope hit the ${DIFFOSCOPE_TIMEOUT_S} s timeout.\n` : '';
  const targets = ours ? diffTargets(results, pair.diffoscope) : [];
  const text = [
    '### Diff',
    '',
    `${pair.change}${pair.diffoscope ? ' diffoscope runs once.' : ''}${timedOut}`,
    '',
    commandTable(results),
    '',
    '### Diff targets',
    '',
    ours ? [...TARGET_HEADER, ...targets.map((t) => t.row)].join('\n') : 'ours skipped (--peers-only): no targets evaluated.',
  ].join('\n');
  return { text, targets };
}

function diffTargets(c, withDiffoscope) {
  const T = DIFF_TARGETS;
  const dirs = okResult(c, 'ours-diff-dirs');
  const snaps = okResult(c, 'ours-diff-snaps');
  const diffRq = okResult(c, 'diff-rq');
  const over = (r) => (r && diffRq ? r.wall / diffRq.wall : undefined);
  const x = (v) => `${v.toFixed(2)}×`;
  const rows = [
    target('our dir diff wall / `diff -rq` wall', over(dirs), x, `≤ ${T.dirsVsDiffRq}×`, (v) => v <= T.dirsVsDiffRq),
    target('our snapshot diff wall (explained) / `diff -rq` wall', over(snaps), x, `≤ ${T.snapsVsDiffRq}×`, (v) => v <= T.snapsVsDiffRq),
    reference('our `--brief` snapshot diff wall / `diff -rq` wall', over(okResult(c, 'ours-brief-snaps')), x),
    reference('our `--brief` dir diff wall / `diff -rq` wall', over(okResult(c, 'ours-brief-dirs')), x),
    target('peak RSS, ours (every diff)', peakRss(['ours-diff-dirs', 'ours-diff-snaps', 'ours-brief-snaps', 'ours-brief-dirs'].map((id) => c.get(id))), (v) => `${v.toFixed(0)} MB`, `< ${T.rssMB} MB`, (v) => v < T.rssMB),
  ];
  if (withDiffoscope) {
    const diffoscope = okResult(c, 'diffoscope');
    rows.unshift(target('diffoscope wall / our dir diff wall', dirs && diffoscope ? diffoscope.wall / dirs.wall : undefined, (v) => `${v.toFixed(1)}×`, `≥ ${T.vsDiffoscope}×`, (v) => v >= T.vsDiffoscope));
  }
  return rows;
}
