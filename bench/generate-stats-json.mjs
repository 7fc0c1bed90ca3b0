#!/usr/bin/env node
// `node bench/generate-stats-json.mjs DIR [--modules N]`: writes DIR/a.json, a deterministic
// single-line webpack stats.json-like document (~17 MB at the default 32,000 modules), and
// DIR/b.json, the same with one value changed (/modules/27182/size). Node builtins only.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const { positionals, values } = parseArgs({ allowPositionals: true, options: { modules: { type: 'string', default: '32000' } } });
const [dir] = positionals;
const count = Number(values.modules);
if (dir === undefined || !Number.isInteger(count) || count < 2) {
  console.error('usage: node bench/generate-stats-json.mjs DIR [--modules N]');
  process.exit(2);
}

// A fixed LCG, so every run writes the same bytes.
let state = 271828;
const next = () => (state = (state * 1103515245 + 12345) % 2147483648);
const word = () => next().toString(36);

const modules = [];
for (let id = 0; id < count; id++) {
  const name = `./src/${word()}/${word()}-${id}.js`;
  const reasons = [];
  for (let r = 0; r < 3; r++) reasons.push({ moduleId: next() % count, moduleName: `./src/${word()}.js`, type: 'harmony side effect evaluation', userRequest: `./${word()}` });
  modules.push({ id, identifier: `/home/ci/app${name.slice(1)}`, name, size: next() % 20000, chunks: [next() % 200], issuer: `./src/${word()}.js`, built: true, reasons });
}
const chunks = Array.from({ length: 200 }, (_, id) => ({ id, names: [`chunk-${id}`], files: [`static/js/${id}.${word()}.js`], size: next() % 500000 }));
const stats = { hash: 'f00dfeedcafe', version: '5.91.0', time: 12345, builtAt: 1714557600000, outputPath: '/home/ci/app/dist', assetsByChunkName: {}, chunks, modules };

fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, 'a.json'), JSON.stringify(stats));
const changed = Math.min(27182, count - 1);
stats.modules[changed].size += 1;
fs.writeFileSync(path.join(dir, 'b.json'), JSON.stringify(stats));
console.log(`${path.join(dir, 'a.json')}: ${fs.statSync(path.join(dir, 'a.json')).size} bytes, ${count} modules; b.json changes /modules/${changed}/size`);
