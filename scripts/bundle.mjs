#!/usr/bin/env node
// `npm run bundle`: builds dist/ with ncc. Layout (committed; CI fails when it is stale):
//   dist/index.js        the action entry (action.yml runs it)
//   dist/worker.js       capture worker thread, next to the entry that starts it
//   dist/cli/index.js    the `vitsnap` executable (package.json "bin")
//   dist/cli/worker.js   the same worker, for the CLI
//   dist/**/<n>.index.js chunks ncc splits off for dynamic imports (e.g. `vitsnap diff`'s comparators)
//   dist/**/xz-decompress.js  an asset ncc relocates: the xz decoder's WebAssembly, read at run time
//   dist/package.json    {"type":"module"}: the bundles are ESM
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// The project's own ncc, also when this script is run with plain `node` rather than through npm.
const ncc = existsSync('node_modules/.bin/ncc') ? 'node_modules/.bin/ncc' : 'ncc';

// `--out DIR` builds elsewhere (the end-to-end test bundles into a temp dir); default dist/.
const outFlag = process.argv.indexOf('--out');
const dist = outFlag >= 0 && process.argv[outFlag + 1] ? process.argv[outFlag + 1] : 'dist';
const tmp = outFlag >= 0 ? join(dist, '..', `build-tmp-${process.pid}`) : 'build-tmp';

const builds = [
  { entry: 'src/index.ts', out: `${tmp}/action` },
  { entry: 'src/vitsnap.ts', out: `${tmp}/cli` },
  { entry: 'src/snapshot/worker.ts', out: `${tmp}/worker` },
];

rmSync(tmp, { recursive: true, force: true });
for (const { entry, out } of builds) {
  const r = spawnSync(ncc, ['build', entry, '-o', out, '--quiet', '--target', 'es2024'], { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`bundle: ncc failed for ${entry}`);
    process.exit(r.status ?? 1);
  }
}

rmSync(dist, { recursive: true, force: true });
mkdirSync(`${dist}/cli`, { recursive: true });
/** Chunk files ncc emits next to an entry for its dynamic imports; they load relative to it. */
function copyChunks(from, to) {
  for (const name of readdirSync(from)) if (/^\d+\.index\.js$/.test(name)) copyFileSync(`${from}/${name}`, `${to}/${name}`);
  // Assets ncc relocates from `new URL('…', import.meta.url)` (the xz decoder's WebAssembly), read at run time.
  for (const name of readdirSync(from)) if (name !== 'index.js' && name !== 'package.json' && !/^\d+\.index\.js$/.test(name) && !name.endsWith('.d.ts') && !name.endsWith('.map')) copyFileSync(`${from}/${name}`, `${to}/${name}`);
}

copyFileSync(`${tmp}/action/index.js`, `${dist}/index.js`);
copyChunks(`${tmp}/action`, dist);
copyChunks(`${tmp}/cli`, `${dist}/cli`);
copyFileSync(`${tmp}/worker/index.js`, `${dist}/worker.js`);
copyFileSync(`${tmp}/worker/index.js`, `${dist}/cli/worker.js`);
let cli = readFileSync(`${tmp}/cli/index.js`, 'utf8');
if (!cli.startsWith('#!')) cli = `#!/usr/bin/env node\n${cli}`;
writeFileSync(`${dist}/cli/index.js`, cli);
chmodSync(`${dist}/cli/index.js`, 0o755);
writeFileSync(`${dist}/package.json`, '{\n  "type": "module"\n}\n');
rmSync(tmp, { recursive: true, force: true });
console.log(`bundle: ${dist}/index.js, ${dist}/worker.js, ${dist}/cli/index.js, ${dist}/cli/worker.js`);
