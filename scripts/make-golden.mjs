#!/usr/bin/env node
// Makes __fixtures__/golden-v<major>.<minor>.vitsnap and its expected listing. Run once per released
// format version and commit both; never regenerate an existing golden: later readers must read it as is.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync, chmodSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';

const [version = '1.0'] = process.argv.slice(2);
const root = resolve(import.meta.dirname, '..');
const target = join(root, '__fixtures__', `golden-v${version}.vitsnap`);
if (existsSync(target)) {
  console.error(`${target} exists; goldens are never regenerated`);
  process.exit(2);
}
const tree = mkdtempSync(join(tmpdir(), 'vitsnap-golden-'));
const put = (path, data, mode = 0o644) => {
  mkdirSync(join(tree, path, '..'), { recursive: true });
  writeFileSync(join(tree, path), data);
  chmodSync(join(tree, path), mode);
};
put('README.md', '# golden\nA fixed tree every vitsnap must still read.\n');
put('bin/tool', Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, ...Array(200).fill(0), 1, 2, 3]), 0o755);
// Mostly zeros, 5 MiB: splits into several chunks yet compresses to almost nothing.
const big = Buffer.alloc(5 * 1024 * 1024 + 123);
for (let i = 0; i < big.length; i += 65_537) big[i] = (i >>> 8) & 0xff;
put('data/zeros.img', big);
// bf16 weights, N(0, 0.02): byte-grouping codec.
const w = Buffer.alloc(256 * 1024); // large enough that byte grouping pays off (width 2)
let s = 12345;
const rand = () => ((s = (s * 1664525 + 1013904223) >>> 0) + 1) / 4294967297;
const f = new Float32Array(1);
const u = new Uint32Array(f.buffer);
for (let i = 0; i < w.length / 2; i++) {
  f[0] = Math.sqrt(-2 * Math.log(rand())) * Math.cos(2 * Math.PI * rand()) * 0.02;
  w.writeUInt16LE(u[0] >>> 16, i * 2);
}
put('model/weights.bin', w);
put('dist/notes.txt.gz', gzipSync(Buffer.from('notes\n'.repeat(100)), { level: 9 }));
put('empty', '');
put('ünïcödé/名前.json', '{"ok": true}\n', 0o600);
mkdirSync(join(tree, 'empty-dir'));
symlinkSync('bin/tool', join(tree, 'tool-link'));

const cli = join(root, 'dist/cli/index.js');
const env = { ...process.env, SOURCE_DATE_EPOCH: '1700000000' };
const r = spawnSync(process.execPath, [cli, 'create', '-C', tree, '-o', target, '--meta-cmd', 'golden=echo golden'], { stdio: 'inherit', env });
if (r.status !== 0) process.exit(r.status ?? 2);
const manifest = JSON.parse(spawnSync(process.execPath, [cli, 'export', target, '--json'], { encoding: 'utf8' }).stdout);
const expected = {
  createdAt: manifest.createdAt,
  snapshotSha256: createHash('sha256').update(spawnSync('cat', [target]).stdout).digest('hex'),
  entries: manifest.entries.map((e) =>
    e.type === 'file' ? [e.path, e.type, e.mode, e.size, e.sha256] : e.type === 'dir' ? [e.path, e.type, e.mode] : [e.path, e.type, e.target],
  ),
};
writeFileSync(target.replace(/\.vitsnap$/, '.json'), `${JSON.stringify(expected, null, 2)}\n`);
rmSync(tree, { recursive: true, force: true });
console.log(`wrote ${target} and its expected listing`);
