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
