#!/usr/bin/env node
// Deterministic benchmark trees for `npm run bench`.
//
//   node bench/generate-tree.mjs OUTDIR [--size-mb 1000] [--files 20000] [--seed 1]
//   node bench/generate-tree.mjs --mutate FROM TO [--percent 1] [--seed 2]
//
// Content classes by bytes: ~35 % text/code/JSON, ~30 % ELF binaries, ~15 % already-compressed,
// ~20 % bf16 tensors. Real files are copied from this machine (sorted listing, seeded selection), so
// a tree is reproducible on the same machine image; a class falls back to generated content when the
// machine has too little of it. Node builtins only.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MIB = 1024 * 1024;
// Fixed mtimes keep trees byte-identical across generations (tar headers included).
const MTIME_BASE = new Date('2024-01-01T00:00:00Z');
const MTIME_MUTATED = new Date('2024-01-02T00:00:00Z');
const MAX_DIR_DEPTH = 6;

const BYTE_SHARE = { text: 0.35, binary: 0.3, compressed: 0.15, tensor: 0.2 };
// Counts chosen so the per-class mean file size matches what this kind of machine offers.
const COUNT_SHARE = { binary: 0.08, compressed: 0.12 };

const TEXT_EXT = new Set([
  '.h', '.hpp', '.hh', '.c', '.cc', '.cpp', '.py', '.pyi', '.js', '.mjs', '.cjs', '.ts', '.mts', '.cts',
  '.json', '.md', '.txt', '.rst', '.html', '.css', '.xml', '.yml', '.yaml', '.toml', '.sh', '.pl',
  '.pm', '.rb', '.lua', '.map', '.svg', '.tcl', '.el', '.cfg', '.ini', '.csv',
]);
const COMPRESSED_MAGIC = {
  '.gz': [0x1f, 0x8b],
  '.tgz': [0x1f, 0x8b],
  '.zip': [0x50, 0x4b],
  '.jar': [0x50, 0x4b],
  '.whl': [0x50, 0x4b],
  '.png': [0x89, 0x50, 0x4e, 0x47],
  '.jpg': [0xff, 0xd8],
  '.jpeg': [0xff, 0xd8],
};
const ELF_MAGIC = [0x7f, 0x45, 0x4c, 0x46];

// ---------- seeded randomness ----------

function hash32(text) {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

// mulberry32: small, fast, and good enough for selection and synthetic weights.
function createRng(seed, stream) {
  let a = (hash32(stream) ^ Math.imul(seed | 0, 0x9e3779b1)) | 0;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  next.int = (n) => Math.floor(next() * n);
  next.pick = (list) => list[Math.floor(next() * list.length)];
  return next;
}

// N(0, std) via Box–Muller, rounded fp32 -> bf16 with round-to-nearest-even.
function fillBf16Normal(out, rng, std) {
  const f32 = new Float32Array(1);
  const u32 = new Uint32Array(f32.buffer);
  const toBf16 = (x) => {
    f32[0] = x;
    const bits = u32[0];
    return (bits + 0x7fff + ((bits >>> 16) & 1)) >>> 16;
  };
  for (let i = 0; i < out.length; i += 2) {
    const r = Math.sqrt(-2 * Math.log(1 - rng())) * std;
    const theta = 2 * Math.PI * rng();
    out[i] = toBf16(r * Math.cos(theta));
    if (i + 1 < out.length) out[i + 1] = toBf16(r * Math.sin(theta));
  }
}

// ---------- generated fallbacks ----------

const WORDS = ('alpha beta gamma delta build cache chunk entry index manifest digest stream block reader writer ' +
  'config option value result error handler request response buffer offset length layer weight tensor ' +
  'module package version target source output input record table column schema session token parse ' +
  'render compare resolve collect encode decode flush commit update insert remove lookup').split(' ');
const VERBS = ['get', 'set', 'make', 'read', 'write', 'find', 'load', 'parse', 'check', 'merge', 'apply', 'emit'];
const TYPES = ['string', 'number', 'boolean', 'Buffer', 'Entry', 'Record<string, number>', 'unknown[]'];

const capitalize = (w) => w[0].toUpperCase() + w.slice(1);

function generateCodeText(rng, bytes) {
  const parts = [];
  let size = 0;
  while (size < bytes) {
    const verb = rng.pick(VERBS);
    const noun = capitalize(rng.pick(WORDS));
    const arg = rng.pick(WORDS);
    const local = rng.pick(WORDS) + capitalize(rng.pick(WORDS));
    const type = rng.pick(TYPES);
    const block =
      `/** ${capitalize(verb)}s the ${rng.pick(WORDS)} ${rng.pick(WORDS)} for a ${rng.pick(WORDS)}. */\n` +
      `export function ${verb}${noun}${rng.int(1000)}(${arg}: ${type}, limit = ${rng.int(4096)}): ${type} {\n` +
      `  const ${local} = lookup(${arg}, '${rng.pick(WORDS)}.${rng.pick(WORDS)}') ?? ${rng.int(65536)};\n` +
      `  if (${local} > limit) {\n    throw new Error(\`${rng.pick(WORDS)} \${${local}} exceeds \${limit}\`);\n  }\n` +
      `  return ${rng.pick(VERBS)}${capitalize(rng.pick(WORDS))}(${arg}, ${local} + ${rng.int(64)});\n}\n\n`;
    parts.push(block);
    size += block.length;
  }
  return Buffer.from(parts.join('')).subarray(0, bytes);
}

// "Random-ish" text: word salad with numbers, so gzip gets ~2-3x rather than code's ~5x.
function generateGzipped(rng, bytes) {
  const words = [];
  let size = 0;
  while (size < bytes * 2.6) {
    const w = rng() < 0.3 ? String(rng.int(1e9)) : rng.pick(WORDS);
    words.push(w);
    size += w.length + 1;
  }
  return zlib.gzipSync(words.join(' '), { level: 6 });
}

// Machine-code-like bytes for machines without ELF files: zero runs, opcode-ish patterns, noise.
function generateBinaryLike(rng, bytes) {
  const out = Buffer.alloc(bytes);
  const motifs = Array.from({ length: 64 }, () => Buffer.from(Array.from({ length: 4 + rng.int(12) }, () => rng.int(256))));
  let i = 0;
  while (i < bytes) {
    const kind = rng();
    if (kind < 0.15) i += 16 + rng.int(512);
    else if (kind < 0.75) {
      const m = rng.pick(motifs);
      m.copy(out, i);
      i += m.length;
    } else {
      const n = Math.min(8 + rng.int(64), bytes - i);
      for (let k = 0; k < n; k++) out[i + k] = rng.int(256);
      i += n;
    }
  }
  return out;
}

// ---------- source pools from this machine ----------

// Walks with lstat semantics (symlinks never followed); returns regular files sorted by path.
function listFiles(root, accept) {
  const files = [];
  const walk = (dir) => {
    let entries;
    try {
      entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const abs = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== '__pycache__' && entry.name !== '.git') walk(abs);
      } else if (entry.isFile() && accept(entry.name)) {
        try {
          const st = fs.statSync(abs);
          if (st.size > 0) files.push({ abs, rel: path.relative(root, abs), size: st.size, ino: `${st.dev}:${st.ino}` });
        } catch {
          // unreadable: not a candidate
        }
      }
    }
  };
  walk(root);
  return files.sort((a, b) => (a.abs < b.abs ? -1 : a.abs > b.abs ? 1 : 0));
}

function listPythonRoots() {
  try {
    return fs.readdirSync('/usr/lib').filter((n) => /^python3/.test(n)).sort().map((n) => [n, `/usr/lib/${n}`]);
  } catch {
    return [];
  }
}

function buildPools() {
  const tag = (roots, accept) => {
    const seen = new Set();
    const pool = [];
    for (const [name, root] of roots) {
      for (const f of listFiles(root, accept)) {
        if (seen.has(f.ino)) continue; // hard links (e.g. Mesa's dri drivers) are one file
        seen.add(f.ino);
        pool.push({ ...f, tag: name });
      }
    }
    return pool;
  };
  const isText = (name) => TEXT_EXT.has(path.extname(name)) || name.endsWith('.d.ts');
  const isCompressed = (name) => path.extname(name).toLowerCase() in COMPRESSED_MAGIC;
  return {
    text: tag(
      [
        ['include', '/usr/include'],
        ['share', '/usr/share'],
        ...listPythonRoots(),
        ['node_modules', path.join(PROJECT_ROOT, 'node_modules')],
        ['lib', '/usr/lib'], // SDKs and toolchains vendored under /usr/lib (Python, JS, headers)
      ],
      isText,
    ),
    binary: tag(
      [['x86_64-linux-gnu', '/usr/lib/x86_64-linux-gnu'], ['bin', '/usr/bin']],
      (name) => /\.so(\.\d+)*$/.test(name) || !name.includes('.'),
    ),
    compressed: tag(
      [['share', '/usr/share'], ['lib', '/usr/lib'], ['node_modules', path.join(PROJECT_ROOT, 'node_modules')]],
      isCompressed,
    ),
  };
}

function hasMagic(file, magic) {
  const head = Buffer.alloc(magic.length);
  let fd;
  try {
    fd = fs.openSync(file, 'r');
    if (fs.readSync(fd, head, 0, magic.length, 0) < magic.length) return false;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
  return magic.every((b, i) => head[i] === b);
}

// Seeded pick of about `count` files totalling about `bytes`. Mostly runs of neighbours in path
// order (whole directories, as real trees have); when the pool's mean size is far from the mean still
// needed, more picks come from the pool sorted by size near that mean. Equal sizes (>= 4 KiB) are
// treated as duplicates so no content repeats.
function pickFiles(pool, count, bytes, cap, rng, accept) {
  const eligible = pool.map((_, i) => i).filter((i) => pool[i].size <= cap);
  const bySize = [...eligible].sort((a, b) => pool[a].size - pool[b].size || a - b);
  const poolMean = eligible.reduce((sum, i) => sum + pool[i].size, 0) / Math.max(1, eligible.length);
  const used = new Uint8Array(pool.length);
  const sizes = new Set();
  const picked = [];
  const take = (i) => {
    const file = pool[i];
    if (used[i] || file.size > cap || (file.size >= 4096 && sizes.has(file.size))) return false;
    used[i] = 1;
    if (!accept(file)) return false;
    sizes.add(file.size);
    picked.push(file);
    count--;
    bytes -= file.size;
    return true;
  };
  for (let misses = 0; count > 0 && eligible.length > 0 && misses < 2000; ) {
    const want = Math.max(bytes / count, 512);
    const near = Math.min(poolMean / want, want / poolMean);
    let took = false;
    if (rng() < near) {
      const start = eligible[rng.int(eligible.length)];
      for (let i = start, run = 1 + rng.int(8); i < pool.length && run > 0 && count > 0; i++, run--) {
        if (path.dirname(pool[i].abs) !== path.dirname(pool[start].abs)) break;
        took = take(i) || took;
      }
    } else {
      // Overshoot the needed mean by as much as run picks undershoot it (and vice versa).
      const target = Math.min(cap, (want * want) / poolMean);
      let lo = 0;
      for (let hi = bySize.length; lo < hi; ) {
        const mid = (lo + hi) >> 1;
        if (pool[bySize[mid]].size < target) lo = mid + 1;
        else hi = mid;
      }
      const window = Math.max(8, Math.round(bySize.length * 0.01));
      const j = Math.min(bySize.length - 1, Math.max(0, lo - window + rng.int(2 * window)));
      took = take(bySize[j]);
    }
    misses = took ? 0 : misses + 1;
  }
  return { picked, count, bytes };
}

// ---------- tree writer ----------

class TreeWriter {
  constructor(root) {
    this.root = root;
    this.dirs = new Set();
    this.paths = new Set();
    this.files = [];
    this.stats = { text: [0, 0], binary: [0, 0], compressed: [0, 0], tensor: [0, 0] };
  }

  // Maps a source path into the tree, folding deep paths so depth stays <= MAX_DIR_DEPTH.
  place(classDir, tag, rel) {
    let dirs = path.dirname(rel) === '.' ? [] : path.dirname(rel).split(path.sep);
    const room = MAX_DIR_DEPTH - 2;
    if (dirs.length > room) dirs = [...dirs.slice(0, room - 2), dirs.slice(room - 2, -1).join('-'), dirs.at(-1)];
    let candidate = path.join(classDir, tag, ...dirs, path.basename(rel));
    for (let n = 2; this.paths.has(candidate); n++) {
      const ext = path.extname(rel);
      candidate = path.join(classDir, tag, ...dirs, `${path.basename(rel, ext)}-${n}${ext}`);
    }
    this.paths.add(candidate);
    return candidate;
  }

  ensureDir(relDir) {
    if (this.dirs.has(relDir)) return;
    fs.mkdirSync(path.join(this.root, relDir), { recursive: true });
    for (let d = relDir; d !== '.' && !this.dirs.has(d); d = path.dirname(d)) this.dirs.add(d);
  }

  add(cls, rel, write) {
    this.ensureDir(path.dirname(rel));
    const abs = path.join(this.root, rel);
    write(abs);
    const size = fs.statSync(abs).size;
    fs.utimesSync(abs, MTIME_BASE, MTIME_BASE);
    this.files.push(rel);
    this.stats[cls][0]++;
    this.stats[cls][1] += size;
  }
}

function writeTextClass(tree, pool, count, bytes, rng) {
  const cap = Math.max(MIB, Math.min(8 * MIB, bytes / 20));
  const { picked, count: left, bytes: leftBytes } = pickFiles(pool, count, bytes, cap, rng, (f) => {
    const data = fs.readFileSync(f.abs);
    if (data.includes(0)) return false;
    f.data = data;
    return true;
  });
  for (const f of picked) {
    tree.add('text', tree.place('src', f.tag, f.rel), (abs) => fs.writeFileSync(abs, f.data));
    f.data = undefined;
  }
  generateFallback(tree, 'text', left, leftBytes, rng, (i) => `src/gen/m${i % 17}/${rng.pick(VERBS)}-${rng.pick(WORDS)}-${i}.ts`, generateCodeText);
}

function writeCopiedClass(tree, cls, classDir, pool, count, bytes, rng, magicFor, fallbackName, fallback) {
  const cap = Math.max(MIB, Math.min(24 * MIB, bytes / 10));
  const { picked, count: left, bytes: leftBytes } = pickFiles(pool, count, bytes, cap, rng, (f) => hasMagic(f.abs, magicFor(f)));
  for (const f of picked) tree.add(cls, tree.place(classDir, f.tag, f.rel), (abs) => fs.copyFileSync(f.abs, abs));
  generateFallback(tree, cls, left, leftBytes, rng, fallbackName, fallback);
}

function generateFallback(tree, cls, count, bytes, rng, nameFor, make) {
  if (count <= 0 || bytes <= 0) return;
  const mean = bytes / count;
  for (let i = 0; i < count; i++) {
    const size = Math.max(64, Math.round(mean * (0.25 + 1.5 * rng())));
    const rel = nameFor(i);
    tree.paths.add(rel);
    tree.add(cls, rel, (abs) => fs.writeFileSync(abs, make(rng, size)));
  }
}

// Writes `elements` bf16 values in 4 MiB pieces so a 64 MiB file never sits in memory twice.
function writeBf16(fd, elements, rng) {
  const piece = new Uint16Array(2 * MIB);
  for (let done = 0; done < elements; ) {
    const n = Math.min(piece.length, elements - done);
    const view = piece.subarray(0, n);
    fillBf16Normal(view, rng, 0.02);
    fs.writeSync(fd, new Uint8Array(view.buffer, 0, n * 2));
    done += n;
  }
}

function writeSafetensors(abs, bytes, rng, prefix) {
  const hidden = rng.pick(bytes >= 16 * MIB ? [2048, 4096] : [256, 512, 1024]);
  const tensors = [];
  let offset = 0;
  for (let layer = 0; offset + hidden * 2 <= bytes; layer++) {
    for (const part of ['self_attn.q_proj', 'self_attn.o_proj', 'mlp.up_proj', 'input_layernorm']) {
      const rowsLeft = Math.floor((bytes - offset) / (hidden * 2));
      if (rowsLeft < 1) break;
      const rows = part === 'input_layernorm' ? 1 : Math.min(rowsLeft, part === 'mlp.up_proj' ? hidden * 4 : hidden);
      const shape = rows === 1 ? [hidden] : [rows, hidden];
      const size = rows * hidden * 2;
      tensors.push([`${prefix}.layers.${layer}.${part}.weight`, { dtype: 'BF16', shape, data_offsets: [offset, offset + size] }]);
      offset += size;
    }
  }
  let header = JSON.stringify({ __metadata__: { format: 'pt' }, ...Object.fromEntries(tensors) });
  header = header.padEnd(Math.ceil(header.length / 8) * 8, ' '); // data starts 8-byte aligned, as safetensors does
  const fd = fs.openSync(abs, 'w');
  try {
    const len = Buffer.alloc(8);
    len.writeBigUInt64LE(BigInt(header.length));
    fs.writeSync(fd, len);
    fs.writeSync(fd, header);
    writeBf16(fd, offset / 2, rng);
  } finally {
    fs.closeSync(fd);
  }
}

function writeRawBf16(abs, bytes, rng) {
  const fd = fs.openSync(abs, 'w');
  try {
    writeBf16(fd, Math.floor(bytes / 2), rng);
  } finally {
    fs.closeSync(fd);
  }
}

function writeTensorClass(tree, bytes, rng) {
  let left = bytes;
  let shard = 0;
  // A few large checkpoints, so block/chunk boundaries inside a file get exercised.
  const big = [64, 32, 16, 8].map((m) => m * MIB).filter((size) => {
    if (size > left * 0.6) return false;
    left -= size;
    return true;
  });
  for (const size of big) {
    const rel = `tensors/checkpoints/model-${String(++shard).padStart(5, '0')}-of-${String(big.length).padStart(5, '0')}.safetensors`;
    tree.add('tensor', rel, (abs) => writeSafetensors(abs, size, rng, 'model'));
  }
  const maxSmall = Math.max(64 * 1024, Math.min(6 * MIB, left / 2));
  for (let i = 0; left > 16 * 1024; i++) {
    const logMin = Math.log(Math.min(256 * 1024, maxSmall / 2));
    let size = Math.round(Math.exp(logMin + (Math.log(maxSmall) - logMin) * rng()) / 1024) * 1024;
    if (left - size < 64 * 1024) size = left;
    size = Math.min(size, left);
    left -= size;
    const group = `g${i % 5}`;
    if (i % 3 === 2) {
      tree.add('tensor', `tensors/adapters/${group}/layer-${i}/adapter_model.safetensors`, (abs) => writeSafetensors(abs, size, rng, `adapter${i}`));
    } else {
      tree.add('tensor', `tensors/cache/${group}/shard-${String(i).padStart(4, '0')}.bin`, (abs) => writeRawBf16(abs, size, rng));
    }
  }
}

// A few relative symlinks (files and one directory, all inside the tree) and a few empty dirs.
function addLinksAndEmptyDirs(tree, files, rng) {
  const links = [];
  const nLinks = Math.max(3, Math.round(files / 2000));
  for (let i = 0; i < nLinks && tree.files.length; i++) {
    const target = rng.pick(tree.files);
    const rel = path.join(path.dirname(target), `link-${i}-${path.basename(target)}`);
    fs.symlinkSync(path.basename(target), path.join(tree.root, rel));
    links.push(rel);
  }
  const dirs = [...tree.dirs].sort();
  const dir = rng.pick(dirs.filter((d) => d.includes(path.sep)));
  if (dir) {
    const rel = path.join(path.dirname(dir), `current-${path.basename(dir)}`);
    fs.symlinkSync(path.basename(dir), path.join(tree.root, rel));
    links.push(rel);
  }
  const empty = [];
  const nEmpty = Math.max(2, Math.round(files / 4000));
  for (let i = 0; i < nEmpty; i++) {
    const rel = path.join(rng.pick(dirs), rng.pick(['tmp', 'cache', 'logs', 'empty', '.keep']) + `-${i}`);
    fs.mkdirSync(path.join(tree.root, rel), { recursive: true });
    empty.push(rel);
  }
  return { links, empty };
}

// Directory mtimes last: adding entries changes them.
function fixTimes(root, time) {
  const dirs = [];
  const walk = (dir) => {
    dirs.push(dir);
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) walk(abs);
      else if (e.isSymbolicLink()) fs.lutimesSync(abs, time, time);
    }
  };
  walk(root);
  for (const d of dirs.reverse()) fs.utimesSync(d, time, time);
}

const fmtMB = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;

function generateTree(outDir, { sizeMb, files, seed }) {
  const started = performance.now();
  if (fs.existsSync(outDir) && fs.readdirSync(outDir).length > 0) throw new Error(`${outDir} exists and is not empty; remove it first`);
  fs.mkdirSync(outDir, { recursive: true });
  const total = sizeMb * 1e6;
  const pools = buildPools();
  const tree = new TreeWriter(outDir);

  writeTensorClass(tree, Math.round(total * BYTE_SHARE.tensor), createRng(seed, 'tensor'));
  const nBinary = Math.max(1, Math.round(files * COUNT_SHARE.binary));
  const nCompressed = Math.max(1, Math.round(files * COUNT_SHARE.compressed));

  writeCopiedClass(tree, 'binary', 'lib', pools.binary, nBinary, total * BYTE_SHARE.binary, createRng(seed, 'binary'),
    () => ELF_MAGIC, (i) => `lib/gen/libgen${i}.so`, generateBinaryLike);
  writeCopiedClass(tree, 'compressed', 'assets', pools.compressed, nCompressed, total * BYTE_SHARE.compressed, createRng(seed, 'compressed'),
    (f) => COMPRESSED_MAGIC[path.extname(f.abs).toLowerCase()], (i) => `assets/gen/a${i % 13}/blob-${i}.txt.gz`, generateGzipped);
  // Text takes whatever count the other classes left, so the total lands near --files.
  writeTextClass(tree, pools.text, Math.max(1, files - tree.files.length), total * BYTE_SHARE.text, createRng(seed, 'text'));

  const { links, empty } = addLinksAndEmptyDirs(tree, files, createRng(seed, 'links'));
  fixTimes(outDir, MTIME_BASE);

  const s = tree.stats;
  const bytes = Object.values(s).reduce((a, [, b]) => a + b, 0);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `tree ${outDir}: files=${tree.files.length} bytes=${fmtMB(bytes)} | ` +
      Object.entries(s).map(([k, [n, b]]) => `${k} ${fmtMB(b)} (${n} files, ${((100 * b) / bytes).toFixed(0)} %)`).join(' | ') +
      ` | dirs=${tree.dirs.size} symlinks=${links.length} empty-dirs=${empty.length} | ${seconds} s`,
  );
}

// ---------- mutate ----------

function copyTree(from, to) {
  const st = fs.lstatSync(from);
  if (st.isSymbolicLink()) {
    fs.symlinkSync(fs.readlinkSync(from), to);
    fs.lutimesSync(to, st.atime, st.mtime);
  } else if (st.isDirectory()) {
    fs.mkdirSync(to);
    for (const name of fs.readdirSync(from).sort()) copyTree(path.join(from, name), path.join(to, name));
    fs.utimesSync(to, st.atime, st.mtime);
  } else if (st.isFile()) {
    fs.copyFileSync(from, to);
    fs.utimesSync(to, st.atime, st.mtime);
  }
}

function listRegularFiles(root) {
  const out = [];
  const walk = (rel) => {
    for (const e of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
      const r = path.join(rel, e.name);
      if (e.isDirectory()) walk(r);
      else if (e.isFile()) out.push(r);
    }
  };
  walk('');
  return out.sort();
}

function mutateTree(from, to, { percent, seed }) {
  const started = performance.now();
  if (!fs.statSync(from).isDirectory()) throw new Error(`${from} is not a directory`);
  if (fs.existsSync(to)) throw new Error(`${to} exists; remove it first`);
  copyTree(from, to);
  const rng = createRng(seed, 'mutate');
  const files = listRegularFiles(to);
  const order = files.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = rng.int(i + 1);
    [order[i], order[j]] = [order[j], order[i]];
  }
  const nChange = Math.max(1, Math.round((files.length * percent) / 100));
  const nAddRemove = Math.max(1, Math.round((files.length * percent) / 500));
  const counts = { inPlace: 0, appended: 0, added: 0, removed: 0 };

  for (const i of order.slice(0, nChange)) {
    const abs = path.join(to, files[i]);
    const size = fs.statSync(abs).size;
    const fd = fs.openSync(abs, 'r+');
    try {
      if (counts.inPlace <= counts.appended && size > 0) {
        const patch = Buffer.from(Array.from({ length: Math.min(size, 1 + rng.int(64)) }, () => rng.int(256)));
        fs.writeSync(fd, patch, 0, patch.length, rng.int(size - patch.length + 1));
        counts.inPlace++;
      } else {
        fs.writeSync(fd, generateCodeText(rng, 16 + rng.int(4096)), 0, undefined, size);
        counts.appended++;
      }
    } finally {
      fs.closeSync(fd);
    }
    fs.utimesSync(abs, MTIME_MUTATED, MTIME_MUTATED);
  }
  for (const i of order.slice(nChange, nChange + nAddRemove)) {
    fs.rmSync(path.join(to, files[i]));
    counts.removed++;
  }
  for (let k = 0; k < nAddRemove; k++) {
    const dir = path.dirname(files[order[rng.int(order.length)]]);
    const abs = path.join(to, dir, `added-${k}.ts`);
    fs.writeFileSync(abs, generateCodeText(rng, 256 + rng.int(32 * 1024)));
    fs.utimesSync(abs, MTIME_MUTATED, MTIME_MUTATED);
    counts.added++;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `mutate ${from} -> ${to}: files=${files.length} changed-in-place=${counts.inPlace} appended=${counts.appended} ` +
      `added=${counts.added} removed=${counts.removed} | ${seconds} s`,
  );
}

// ---------- entry ----------

const USAGE = `usage: node bench/generate-tree.mjs OUTDIR [--size-mb 1000] [--files 20000] [--seed 1]
       node bench/generate-tree.mjs --mutate FROM TO [--percent 1] [--seed 2]`;

function main(argv) {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      'size-mb': { type: 'string', default: '1000' },
      files: { type: 'string', default: '20000' },
      seed: { type: 'string' },
      mutate: { type: 'boolean', default: false },
      percent: { type: 'string', default: '1' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  const num = (name, value) => {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number (got '${value}')`);
    return n;
  };
  if (values.help) return console.log(USAGE);
  if (values.mutate) {
    if (positionals.length !== 2) throw new Error(`--mutate takes FROM and TO\n${USAGE}`);
    return mutateTree(positionals[0], positionals[1], { percent: num('percent', values.percent), seed: num('seed', values.seed ?? '2') });
  }
  if (positionals.length !== 1) throw new Error(`expected one OUTDIR\n${USAGE}`);
  generateTree(positionals[0], {
    sizeMb: num('size-mb', values['size-mb']),
    files: Math.round(num('files', values.files)),
    seed: num('seed', values.seed ?? '1'),
  });
}

try {
  main(process.argv.slice(2));
} catch (err) {
  console.error(`generate-tree: ${err.message}`);
  process.exit(2);
}
