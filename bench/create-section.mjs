// The create section: our capture (with its default metadata probes, and without) against
// tar+zstd and sha256sum on one tree; on the generated tree also the bf16 tensors alone.
import path from 'node:path';
import { commandTable, duBytes, havePeers, mb, measureAll, missingPeers, okResult, OUT, peakRss, q, reference, target, TARGET_HEADER } from './measure.mjs';

export const CREATE_TARGETS = {
  throughput: 0.9, // tar+zstd wall / our default create wall, at least (issue #13)
  size: 1.0, // our snapshot / tar.zst, at most (issue #13)
  rssMB: 300, // peak RSS of every command of ours, below
  bf16Ratio: 1.45, // raw tensor bytes / our stored bytes, at least (issue #2)
  infoSeconds: 0.1, // `info` wall, below (issue #2)
};

// ctx: { node, runs, ours }; tree: { dir, id, tensors } — id names the output files.
export function createSection(ctx, tree) {
  const { node, runs, ours } = ctx;
  if (!havePeers('tar', 'zstd', 'sha256sum', 'find', 'xargs')) console.log('create: some peers missing; their rows are skipped');
  const out = (name) => path.join(OUT, `${tree.id}-${name}`);
  const tarOk = !missingPeers.has('tar') && !missingPeers.has('zstd');
  const specs = [
    ours && { id: 'ours-create', label: 'ours: `vitsnap create` (default: with metadata probes)', argv: node('create', '-C', tree.dir, '-o', out('meta.vitsnap')), output: out('meta.vitsnap') },
    ours && { id: 'ours-create-bare', label: 'ours: `vitsnap create --no-metadata`', argv: node('create', '-C', tree.dir, '-o', out('tree.vitsnap'), '--no-metadata'), output: out('tree.vitsnap') },
    ours && { id: 'ours-info', label: 'ours: `vitsnap info`', argv: node('info', out('tree.vitsnap')), needs: 'ours-create-bare' },
    ours && { id: 'ours-verify', label: 'ours: `vitsnap verify`', argv: node('verify', out('tree.vitsnap')), needs: 'ours-create-bare' },
    tarOk && { id: 'tar-zstd', label: "`tar -I 'zstd -T0 -3'`", argv: ['sh', '-c', `tar -C ${q(tree.dir)} -I 'zstd -T0 -3' -cf ${q(out('tree.tar.zst'))} .`], output: out('tree.tar.zst') },
    !missingPeers.has('sha256sum') && { id: 'sha256sum', label: '`xargs -P2 -n 256 sha256sum`', argv: ['sh', '-c', `find ${q(tree.dir)} -type f -print0 | xargs -0 -P2 -n 256 sha256sum > /dev/null`] },
  ].filter(Boolean);
  const tensorsDir = path.join(tree.dir, 'tensors');
  const tensorSpecs = tree.tensors
    ? [
        ours && { id: 'ours-tensors', label: 'ours: `vitsnap create` of tensors/', argv: node('create', '-C', tensorsDir, '-o', out('tensors.vitsnap'), '--no-metadata'), output: out('tensors.vitsnap') },
        tarOk && { id: 'tar-zstd-tensors', label: "`tar -I 'zstd -T0 -3'` of tensors/", argv: ['sh', '-c', `tar -C ${q(tensorsDir)} -I 'zstd -T0 -3' -cf ${q(out('tensors.tar.zst'))} .`], output: out('tensors.tar.zst') },
      ].filter(Boolean)
    : [];
  const all = measureAll([...specs, ...tensorSpecs], runs);
  const pick = (list) => new Map(list.map((s) => [s.id, all.get(s.id)]));
  const rawTree = duBytes(tree.dir);
  const targets = ours ? createTargets(all, tree.tensors ? duBytes(tensorsDir) : undefined) : [];
  const lines = ['### Create', '', commandTable(pick(specs), rawTree)];
  if (tree.tensors) lines.push('', `### bf16 tensors only (tensors/, ${mb(duBytes(tensorsDir))} MB raw)`, '', commandTable(pick(tensorSpecs), duBytes(tensorsDir)));
  lines.push('', '### Create targets', '', ours ? [...TARGET_HEADER, ...targets.map((t) => t.row)].join('\n') : 'ours skipped (--peers-only): no targets evaluated.');
  return { text: lines.join('\n'), targets };
}

function createTargets(c, rawTensorBytes) {
  const T = CREATE_TARGETS;
  const create = okResult(c, 'ours-create');
  const bare = okResult(c, 'ours-create-bare');
  const tar = okResult(c, 'tar-zstd');
  const rss = peakRss(['ours-create', 'ours-create-bare', 'ours-info', 'ours-verify', 'ours-tensors'].map((id) => c.get(id)));
  const rows = [
    target('throughput: tar+zstd wall / our create wall (default, with metadata)', create && tar ? tar.wall / create.wall : undefined, (v) => `${v.toFixed(2)}×`, `≥ ${T.throughput}×`, (v) => v >= T.throughput),
    reference('throughput without metadata (`--no-metadata`)', bare && tar ? tar.wall / bare.wall : undefined, (v) => `${v.toFixed(2)}×`),
    target('size: our snapshot / tar.zst', create?.bytes && tar?.bytes ? create.bytes / tar.bytes : undefined, (v) => `${v.toFixed(3)}×`, `≤ ${T.size}×`, (v) => v <= T.size),
    target('peak RSS, ours (every create, info, verify)', rss, (v) => `${v.toFixed(0)} MB`, `< ${T.rssMB} MB`, (v) => v < T.rssMB),
    target('info wall time', okResult(c, 'ours-info')?.wall, (v) => `${(v * 1000).toFixed(0)} ms`, `< ${T.infoSeconds * 1000} ms`, (v) => v < T.infoSeconds),
  ];
  if (rawTensorBytes !== undefined) {
    const tensors = okResult(c, 'ours-tensors');
    const zstdTensors = okResult(c, 'tar-zstd-tensors');
    const zstdRatio = zstdTensors?.bytes ? ` (tar+zstd-3: ${(rawTensorBytes / zstdTensors.bytes).toFixed(2)}×)` : '';
    rows.push(target('bf16 tensors: raw / our stored bytes', tensors?.bytes ? rawTensorBytes / tensors.bytes : undefined, (v) => `${v.toFixed(3)}×${zstdRatio}`, `≥ ${T.bf16Ratio}×`, (v) => v >= T.bf16Ratio));
  }
  return rows;
}
