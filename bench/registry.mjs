// A local OCI registry for the store section's push rows: Debian's docker-registry (distribution
// 2.8) on a free loopback port, storage in a temp dir, stopped by PID. Node builtins only.
import { spawn } from 'node:child_process';
import http from 'node:http';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

const BINARY = '/usr/bin/docker-registry';

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function status(url) {
  return new Promise((resolve) => {
    const req = http.get(url, { timeout: 1000 }, (res) => {
      res.resume();
      resolve(res.statusCode);
    });
    req.on('error', () => resolve(0));
    req.on('timeout', () => req.destroy());
  });
}

/** Null when the package is missing (the harness installs nothing; the rows say so). */
export async function startBenchRegistry() {
  if (!fs.existsSync(BINARY)) return null;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vitsnap-bench-registry-'));
  const port = await freePort();
  const config = path.join(dir, 'config.yml');
  fs.writeFileSync(
    config,
    ['version: 0.1', 'log:', '  level: error', 'storage:', '  filesystem:', `    rootdirectory: ${path.join(dir, 'data')}`, '  delete:', '    enabled: true', 'http:', `  addr: 127.0.0.1:${port}`, ''].join('\n'),
  );
  const child = spawn(BINARY, ['serve', config], { stdio: 'ignore' });
  for (let i = 0; i < 100; i++) {
    if ((await status(`http://127.0.0.1:${port}/v2/`)) === 200) break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    host: `127.0.0.1:${port}`,
    stop() {
      child.kill('SIGTERM');
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * Push rows of the store section: every build of the store `store` (names b0…b<builds-1>) to a
 * fresh local registry, build 0 whole, then each build n with `--base b<n-1>` (what the action
 * does). Build 0's push is the whole-file push the incremental ones are compared with.
 */
export async function pushRows(ctx, store, builds) {
  const { node, runOnce, mb, median } = ctx;
  const registry = await startBenchRegistry();
  if (registry === null) return { lines: ['| push of build n+1 when build n is in the registry | missing peer: docker-registry (apt-get install -y docker-registry) |'], share: undefined };
  try {
    const push = (n, repo, base) => {
      const args = ['push', `store:b${n}`, `oci://${registry.host}/${repo}:b${n}`, '--store', store, '--json', ...(base === undefined ? [] : ['--base', base])];
      const r = runOnce(node(...args), [0], { stdout: true });
      let json;
      try {
        json = JSON.parse(r.stdout ?? '');
      } catch {
        json = undefined;
      }
      return { ...r, json };
    };
    process.stderr.write('  push to a local registry\n');
    const first = push(0, 'bench', undefined);
    const steps = [];
    for (let n = 1; n < builds; n++) steps.push(push(n, 'bench', `b${n - 1}`));
    const failed = [first, ...steps].find((r) => r.ok === false || r.json === undefined);
    if (failed !== undefined) return { lines: [`| push | ERROR: ${(failed.why ?? 'no JSON result').slice(0, 100)} |`], share: undefined };
    const shares = steps.map((r) => r.json.uploadedBytes / r.json.snapshotBytes);
    const share = median(shares);
    const wall = median(steps.map((r) => r.wall));
    return {
      lines: [
        `| push of build 0 to an empty repository (1 run) | ${first.wall.toFixed(2)} s, ${first.json.uploaded} chunks, ${mb(first.json.uploadedBytes)} MB sent |`,
        `| push of build n+1 with build n in the registry (\`--base b<n>\`), median over builds 1–${builds - 1} | ${wall.toFixed(2)} s, ${mb(median(steps.map((r) => r.json.uploadedBytes)))} MB sent, ${(100 * share).toFixed(2)} % of the snapshot (range ${(100 * Math.min(...shares)).toFixed(2)}–${(100 * Math.max(...shares)).toFixed(2)} %) |`,
        `| push of build n+1 / push of build 0 whole, wall | ${(wall / first.wall).toFixed(3)}× |`,
      ],
      share,
    };
  } finally {
    registry.stop();
  }
}
