#!/usr/bin/env node
// `npm run demo`: build the bundled sample with a real toolchain, then take a snapshot of its
// outputs and walk through what a user does with it: create → info → verify → restore.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const cli = join(root, 'dist/cli/index.js');
const sample = join(root, 'examples/sample-app');
const out = join(root, 'demo-out');
const bold = (s) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s);

const quote = (a) => (/[\s*'$]/.test(a) ? `'${a}'` : a);

/** Runs a step and shows it as the user would type it (`shown`); returns its stdout when captured. */
function run(title, shown, command, args, { capture = false } = {}) {
  console.log(`\n${bold(`▶ ${title}`)}\n$ ${shown.map(quote).join(' ')}`);
  const r = spawnSync(command, args, { stdio: ['ignore', capture ? 'pipe' : 'inherit', 'inherit'], cwd: out, encoding: 'utf8' });
  if (r.status !== 0) {
    console.error(`demo: '${shown.join(' ')}' failed (exit ${r.status}); see the output above`);
    process.exit(r.status ?? 2);
  }
  return r.stdout ?? '';
}

if (!existsSync(cli)) {
  console.error("demo: dist/cli/index.js is missing; run 'npm run bundle' first");
  process.exit(2);
}
rmSync(out, { recursive: true, force: true });
mkdirSync(out);

const vitsnap = (title, args, options) => run(title, ['vitsnap', ...args], process.execPath, [cli, ...args], options);

const makeArgs = ['-s', '-C', sample, `OUT=${join(out, 'build')}`, 'STAMP=2026-01-01T00:00:00Z'];
run('Build the sample project with gcc and make', ['make', '-s', '-C', 'examples/sample-app', 'OUT=demo-out/build'], 'make', makeArgs);
vitsnap('Snapshot the build outputs, with toolchain metadata', ['create', '-C', 'build', '-o', 'build.vitsnap', '--meta-cmd', 'make=make --version']);
vitsnap('Describe the snapshot (reads only its manifest)', ['info', 'build.vitsnap']);
vitsnap('Verify every block, chunk and file digest', ['verify', 'build.vitsnap']);
vitsnap('Restore the exact bytes somewhere else', ['restore', 'build.vitsnap', '-C', 'restored']);
const manifest = JSON.parse(vitsnap('Export the manifest as JSON (here: its files, in sha256sum format)', ['export', 'build.vitsnap', '--json'], { capture: true }));
for (const e of manifest.entries) if (e.type === 'file') console.log(`${e.sha256}  ${e.path}`);

// Check what restore wrote against the build itself.
const digest = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');
const walk = (dir, base = dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const p = join(dir, d.name);
    return d.isDirectory() ? walk(p, base) : [relative(base, p)];
  });
const files = walk(join(out, 'build')).sort();
const same = files.filter((f) => digest(join(out, 'build', f)) === digest(join(out, 'restored', f)) &&
  (statSync(join(out, 'build', f)).mode & 0o777) === (statSync(join(out, 'restored', f)).mode & 0o777));
console.log(`\n${bold('▶ Result')}\nrestored tree matches the build: ${same.length}/${files.length} files identical in bytes and mode`);
if (same.length !== files.length) process.exit(1);
console.log(`snapshot: ${relative(root, join(out, 'build.vitsnap'))} (${statSync(join(out, 'build.vitsnap')).size} bytes)`);
