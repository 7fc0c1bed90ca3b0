#!/usr/bin/env node
// `npm run demo`: the main job on the bundled sample. Build it twice, as two CI runs would (two
// checkouts, two build dates), snapshot both builds, then compare them and explain the drift.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const cli = join(root, 'dist/cli/index.js');
const out = join(root, 'demo-out');
const bold = (s) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s);
const quote = (a) => (/[\s*'$,]/.test(a) ? `'${a}'` : a);

/** Runs a step, shown as the user would type it; `expect` lists the exit codes that are fine. */
function step(title, shown, command, args, { cwd = out, env = {}, expect = [0] } = {}) {
  console.log(`\n${bold(`▶ ${title}`)}\n$ ${shown.map(quote).join(' ')}`);
  const r = spawnSync(command, args, { stdio: 'inherit', cwd, env: { ...process.env, ...env } });
  if (!expect.includes(r.status ?? -1)) {
    console.error(`demo: '${shown.join(' ')}' exited ${r.status}; see the output above`);
    process.exit(r.status ?? 2);
  }
  return r.status;
}
const vitsnap = (title, args, options) => step(title, ['vitsnap', ...args], process.execPath, [cli, ...args], options);

if (!existsSync(cli)) {
  console.error("demo: dist/cli/index.js is missing; run 'npm run bundle' first");
  process.exit(2);
}
rmSync(out, { recursive: true, force: true });
mkdirSync(out);

// Two checkouts in different directories, built on different days: what two CI runs look like.
const builds = [
  { name: 'build-1', epoch: '1767225600', stamp: '2026-01-01T00:00:00Z' },
  { name: 'build-2', epoch: '1767312000', stamp: '2026-01-02T00:00:00Z' },
];
for (const b of builds) {
  const checkout = join(out, `checkout-${b.name}`);
  cpSync(join(root, 'examples/sample-app'), checkout, { recursive: true });
  step(
    `Build the sample (${b.name}: gcc -g, SOURCE_DATE_EPOCH=${b.epoch})`,
    ['make', '-s', '-C', `checkout-${b.name}`, `OUT=../${b.name}`, `STAMP=${b.stamp}`],
    'make',
    ['-s', '-C', checkout, `OUT=${join(out, b.name)}`, `STAMP=${b.stamp}`],
    { env: { SOURCE_DATE_EPOCH: b.epoch } },
  );
  vitsnap(`Snapshot ${b.name} with its toolchain metadata`, ['create', '-C', b.name, '-o', `${b.name}.vitsnap`, '--meta-cmd', 'make=make --version']);
}
vitsnap('Verify a snapshot end to end', ['verify', 'build-2.vitsnap']);
vitsnap('Compare the two builds: what drifted, where, and why', ['diff', 'build-1.vitsnap', 'build-2.vitsnap'], { expect: [1] });
vitsnap('Accept the known noise explicitly: is anything left?', ['diff', 'build-1.vitsnap', 'build-2.vitsnap', '--ignore', 'timestamps,build-paths,build-id', '--quiet']);
vitsnap('Write the JSON report for other tools', ['diff', 'build-1.vitsnap', 'build-2.vitsnap', '--output', 'report.json', '--quiet'], { expect: [1] });
vitsnap('Restore the exact bytes of build-2 elsewhere', ['restore', 'build-2.vitsnap', '-C', 'restored']);
vitsnap('Check the restore against the build directory itself', ['diff', 'build-2', 'restored', '--quiet']);
console.log(`\n${bold('▶ Done')}: snapshots, report.json and restored/ are in demo-out/`);
