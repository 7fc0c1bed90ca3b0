// The rebuild section (issue #14): how many builds and how much wall time it takes to name the
// variations that break a build, ours (`vitsnap rebuild --bisect`) against Debian's reprotest
// (`--auto-build`), on two tiny make projects: one culprit (time) and two (time and timezone).
// Builds are counted by the Makefile itself, which appends a line to a file outside the tree.
import fs from 'node:fs';
import path from 'node:path';
import { havePeers, missingPeers, OUT, runOnce } from './measure.mjs';

// A build's outputs depend on the UTC year (time) and, in the second project, on the time zone's
// offset (timezone). `date -u` keeps the first independent of TZ; `%z` is needed because `%Z`
// prints GMT under both TZ=GMT+12 and TZ=GMT-14.
const PROJECTS = [
  { id: 'one', title: '1 culprit (time)', expected: ['time'], recipe: ['date -u +%Y > stamp.txt'] },
  { id: 'two', title: '2 culprits (time, timezone)', expected: ['time', 'timezone'], recipe: ['date -u +%Y > stamp.txt', "date +'%Z %z' > zone.txt"] },
];

function makeProject(dir, counter, recipe) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  // Outputs get explicit modes, so the umask variation does not change them.
  const lines = ['all:', `\techo build >> ${counter}`, ...recipe.map((r) => `\t${r}`), '\tchmod 0644 *.txt'];
  fs.writeFileSync(path.join(dir, 'Makefile'), `${lines.join('\n')}\n`);
}

const countBuilds = (counter) => (fs.existsSync(counter) ? fs.readFileSync(counter, 'utf8').split('\n').filter(Boolean).length : 0);

// reprotest ends with "Observed unreproducibility when varying each of the following:" and the names on the next line.
function reprotestCulprits(text) {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => l.startsWith('Observed unreproducibility when varying'));
  return at < 0 ? [] : (lines[at + 1] ?? '').trim().split(/\s+/).filter(Boolean);
}

export function rebuildSection(ctx) {
  const { node, ours } = ctx;
  havePeers('make', 'faketime', 'reprotest');
  const rows = ['| fixture | tool | builds | wall s (1 run) | culprits named |', '| --- | --- | ---: | ---: | --- |'];
  const figures = [];
  for (const p of PROJECTS) {
    const dir = path.join(OUT, `rebuild-${p.id}`);
    const counter = path.join(OUT, `rebuild-${p.id}.builds`);
    const tools = [
      ours && { tool: 'ours: `vitsnap rebuild --bisect`', argv: node('rebuild', '--source', dir, '--bisect', '--json', '--outputs', '*.txt', '--', 'make'), okCodes: [1], ours: true },
      !missingPeers.has('reprotest') && { tool: 'reprotest `--auto-build`', argv: ['reprotest', '--auto-build', '-c', 'make', dir, '*.txt'], okCodes: [1] },
    ].filter(Boolean);
    for (const t of tools) {
      makeProject(dir, counter, p.recipe);
      fs.rmSync(counter, { force: true });
      process.stderr.write(`  ${t.tool} on ${p.title}\n`);
      const r = runOnce(t.argv, t.okCodes, { stdout: true, stderr: true });
      const builds = countBuilds(counter);
      let named = '—';
      if (r.ok) {
        if (t.ours) {
          const report = JSON.parse(r.stdout);
          named = (report.bisect?.culprits ?? []).join(', ') || 'none';
        } else {
          named = reprotestCulprits(`${r.stdout}\n${r.stderr}`).join(', ') || 'none';
        }
      }
      const wall = r.ok ? r.wall.toFixed(1) : `ERROR: ${(r.why ?? '').replaceAll('|', '\\|').slice(0, 100)}`;
      rows.push(`| ${p.title} | ${t.tool} | ${builds} | ${wall} | ${named} |`);
      figures.push({ project: p.id, ours: t.ours === true, builds, wall: r.ok ? r.wall : undefined });
    }
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(counter, { force: true });
  }
  const text = [
    '## Rebuild: naming the variations that break a build',
    '',
    'Two make projects whose outputs depend on the UTC year (1 culprit) and also on the time zone',
    "offset (2 culprits). Every variation each tool has is on; builds are counted by the Makefile.",
    'reprotest runs as root without a container (its `null` server), with its own defaults.',
    '',
    rows.join('\n'),
  ].join('\n');
  return { text, targets: [], figures };
}
