/**
 * Real registries for the OCI tests: Debian's docker-registry (CNCF distribution 2.8) on a free
 * loopback port with its own config and storage in a temp dir, without auth, with htpasswd Basic
 * auth, or with token auth against a token server of ours (RS256 JWTs, key and certificate made by
 * openssl at test time, so the real registry verifies our Bearer flow). Also a fault-injecting
 * proxy in front of a registry (429, 503, cut bodies, silence, altered bytes) that logs every
 * request. Every process is stopped by its PID in stop(), and on exit if a test forgot.
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash, createPrivateKey, createPublicKey, createSign, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { createServer as createNetServer, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const REGISTRY_BINARY = '/usr/bin/docker-registry';

const running = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
});

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createNetServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export type RegistryAuthConfig =
  | { kind: 'none' }
  | { kind: 'htpasswd'; users: Record<string, string> }
  | { kind: 'token'; realm: string; service: string; issuer: string; certPath: string };

export interface RunningRegistry {
  port: number;
  /** `127.0.0.1:PORT`, as in an oci:// reference. */
  host: string;
  dir: string;
  /** With `tls`: the registry's self-signed certificate (PEM), to pass as the client's `ca`. */
  certificate?: string;
  stop(): Promise<void>;
}

/** The status of GET `url`, or 0 when nothing answers or the answer lacks our marker header. */
function httpStatus(url: string, marker: string, ca?: string): Promise<number> {
  return new Promise((resolve) => {
    const send = ca === undefined ? request : httpsRequest;
    const req = send(url, { method: 'GET', timeout: 1000, ...(ca === undefined ? {} : { ca }) }, (res) => {
      res.resume();
      resolve(res.headers['x-vitsnap-registry'] === marker ? (res.statusCode ?? 0) : 0);
    });
    req.on('error', () => resolve(0));
    req.on('timeout', () => req.destroy());
    req.end();
  });
}

function authSection(auth: RegistryAuthConfig, dir: string): string {
  if (auth.kind === 'none') return '';
  if (auth.kind === 'htpasswd') {
    const lines = Object.entries(auth.users).map(([user, password]) => execFileSync('htpasswd', ['-Bbn', user, password], { encoding: 'utf8' }).trim());
    const path = join(dir, 'htpasswd');
    writeFileSync(path, `${lines.join('\n')}\n`);
    return `auth:\n  htpasswd:\n    realm: vitsnap-test\n    path: ${path}\n`;
  }
  return `auth:\n  token:\n    realm: ${auth.realm}\n    service: ${auth.service}\n    issuer: ${auth.issuer}\n    rootcertbundle: ${auth.certPath}\n`;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) {
    running.delete(child);
    return;
  }
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
  await exited;
  clearTimeout(timer);
  running.delete(child);
}

/**
 * Starts a registry and waits until GET /v2/ answers (200, or 401 with auth). With `tls`, it
 * serves HTTPS with a self-signed certificate for 127.0.0.1 made by openssl.
 */
export async function startRegistry(auth: RegistryAuthConfig = { kind: 'none' }, options: { tls?: boolean } = {}): Promise<RunningRegistry> {
  if (!existsSync(REGISTRY_BINARY)) throw new Error(`${REGISTRY_BINARY} is missing: apt-get install docker-registry apache2-utils (.ci/run installs them)`);
  const dir = mkdtempSync(join(tmpdir(), 'vitsnap-registry-'));
  let tlsSection = '';
  let certificate: string | undefined;
  if (options.tls === true) {
    const keyPath = join(dir, 'tls-key.pem');
    const certPath = join(dir, 'tls-cert.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyPath, '-out', certPath, '-days', '3650', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { stdio: 'ignore' });
    certificate = readFileSync(certPath, 'utf8');
    tlsSection = `  tls:\n    certificate: ${certPath}\n    key: ${keyPath}\n`;
  }
  let lastError = '';
  for (let tries = 0; tries < 3; tries += 1) {
    const port = await freePort();
    // Another test's registry may take the same port between freePort() and our bind: our own
    // header tells the two apart.
    const marker = randomBytes(8).toString('hex');
    const config = join(dir, 'config.yml');
    writeFileSync(
      config,
      `version: 0.1\nlog:\n  level: warn\n  accesslog:\n    disabled: true\nstorage:\n  filesystem:\n    rootdirectory: ${join(dir, 'data')}\n  delete:\n    enabled: true\n` +
        `http:\n  addr: 127.0.0.1:${port}\n  secret: vitsnap-test-secret\n  headers:\n    X-Vitsnap-Registry: [${marker}]\n${tlsSection}${authSection(auth, dir)}`,
    );
    const child = spawn(REGISTRY_BINARY, ['serve', config], { stdio: ['ignore', 'ignore', 'pipe'] });
    running.add(child);
    let stderr = '';
    child.on('error', (error) => {
      stderr += String(error);
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-4000);
    });
    for (let poll = 0; poll < 200 && child.exitCode === null; poll += 1) {
      const status = await httpStatus(`${certificate === undefined ? 'http' : 'https'}://127.0.0.1:${port}/v2/`, marker, certificate);
      if (status === 200 || status === 401) {
        return {
          port,
          host: `127.0.0.1:${port}`,
          dir,
          ...(certificate === undefined ? {} : { certificate }),
          stop: async () => {
            await stopChild(child);
            rmSync(dir, { recursive: true, force: true });
          },
        };
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    await stopChild(child);
    lastError = stderr;
  }
  rmSync(dir, { recursive: true, force: true });
  throw new Error(`docker-registry did not start: ${lastError}`);
}

// ---- token server -------------------------------------------------------------------------

export interface TokenRequest {
  service: string | null;
  scopes: string[];
  /** The user name of the Basic credentials, or null when anonymous. */
  user: string | null;
}

export interface TokenServer {
  realm: string;
  service: string;
  issuer: string;
  certPath: string;
  requests: TokenRequest[];
  /** Answer with `access_token` instead of `token` (both names are in the spec). */
  useAccessTokenField: boolean;
  stop(): Promise<void>;
}

/** libtrust's key id, which distribution 2.8 matches against the JWT `kid`: base32 of SHA-256(SPKI DER)[:30] in groups of 4. */
function libtrustKeyId(spkiDer: Buffer): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const bytes = createHash('sha256').update(spkiDer).digest().subarray(0, 30);
  let bits = 0;
  let value = 0;
  let text = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      text += alphabet[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  return text.match(/.{4}/g)?.join(':') ?? text;
}

function base64url(data: Buffer | string): string {
  return Buffer.from(data).toString('base64url');
}

/**
 * A token server: users authenticate with Basic (anonymous gets pull only); a known user gets
 * every action asked for. Tokens are RS256 JWTs the registry checks against our certificate.
 */
export async function startTokenServer(users: Record<string, string>): Promise<TokenServer> {
  const dir = mkdtempSync(join(tmpdir(), 'vitsnap-token-'));
  const keyPath = join(dir, 'key.pem');
  const certPath = join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', keyPath, '-out', certPath, '-days', '3650', '-subj', '/CN=vitsnap-test-token'], { stdio: 'ignore' });
  const privateKey = createPrivateKey(readFileSync(keyPath));
  const kid = libtrustKeyId(createPublicKey(privateKey).export({ type: 'spki', format: 'der' }));
  const service = 'vitsnap-test-registry';
  const issuer = 'vitsnap-test-issuer';
  const requests: TokenRequest[] = [];
  const state = { useAccessTokenField: false };

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const scopes = url.searchParams.getAll('scope');
    const basic = /^Basic (.+)$/.exec(req.headers.authorization ?? '');
    const decoded = basic === null ? null : Buffer.from(basic[1], 'base64').toString('utf8');
    const user = decoded === null ? null : decoded.slice(0, decoded.indexOf(':'));
    requests.push({ service: url.searchParams.get('service'), scopes, user });
    if (decoded !== null && (user === null || users[user] !== decoded.slice(decoded.indexOf(':') + 1))) {
      res.writeHead(401, { 'Content-Type': 'application/json' }).end('{"details":"wrong user name or password"}');
      return;
    }
    const access = scopes.map((scope) => {
      const [type, ...rest] = scope.split(':');
      const actions = (rest.pop() ?? '').split(',').filter((a) => user !== null || a === 'pull');
      return { type, name: rest.join(':'), actions };
    });
    // The registry checks exp/nbf against its own clock, so these must be real times.
    const now = Math.floor(Date.now() / 1000);
    const header = base64url(JSON.stringify({ typ: 'JWT', alg: 'RS256', kid }));
    const claims = base64url(JSON.stringify({ iss: issuer, sub: user ?? '', aud: service, exp: now + 300, nbf: now - 10, iat: now, jti: randomBytes(8).toString('hex'), access }));
    const signature = createSign('RSA-SHA256').update(`${header}.${claims}`).sign(privateKey);
    const token = `${header}.${claims}.${base64url(signature)}`;
    const body = state.useAccessTokenField ? { access_token: token, expires_in: 300 } : { token, expires_in: 300 };
    res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    realm: `http://127.0.0.1:${port}/token`,
    service,
    issuer,
    certPath,
    requests,
    get useAccessTokenField() {
      return state.useAccessTokenField;
    },
    set useAccessTokenField(value: boolean) {
      state.useAccessTokenField = value;
    },
    stop: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// ---- fault-injecting proxy -----------------------------------------------------------------

export interface ProxiedRequest {
  method: string;
  /** Path and query as the client sent them. */
  url: string;
  headers: IncomingMessage['headers'];
  /** Body bytes the client sent. */
  bytesIn: number;
  /** Status the client got, or 0 when the proxy cut or held the exchange. */
  status: number;
}

export type Fault =
  /** Answer this status without asking the registry. */
  | { kind: 'status'; status: number; headers?: Record<string, string> }
  /** Forward, then cut the connection after this many response body bytes (or, with `hold`, go silent). */
  | { kind: 'cut-body'; after: number; hold?: boolean }
  /** Never answer (the client's timeout must fire). */
  | { kind: 'silence' }
  /** Forward, flipping one byte of the response body. */
  | { kind: 'corrupt' }
  /** Close the connection without any answer. */
  | { kind: 'reset' }
  /** Forward without the Range header, as a registry that cannot serve ranges would answer (200). */
  | { kind: 'strip-range' }
  /** Forward, turning an absolute Location into a relative one (path and query), as some registries send. */
  | { kind: 'relative-location' }
  /** Forward only the first `after` bytes of the request body, then cut both connections. */
  | { kind: 'cut-request'; after: number }
  /** Forward the response body in `pieces` parts with `gapMs` between them: slow but moving. */
  | { kind: 'trickle'; pieces: number; gapMs: number };

export interface FaultProxy {
  port: number;
  host: string;
  log: ProxiedRequest[];
  /** Decides a fault per request (index counts every request the proxy has seen); undefined = forward. */
  fault: (req: ProxiedRequest, index: number) => Fault | undefined;
  stop(): Promise<void>;
}

export async function startFaultProxy(targetPort: number): Promise<FaultProxy> {
  const sockets = new Set<Socket>();
  const proxy: FaultProxy = { port: 0, host: '', log: [], fault: () => undefined, stop: async () => undefined };

  const handle = (req: IncomingMessage, res: ServerResponse, body: Buffer): void => {
    const entry: ProxiedRequest = { method: req.method ?? 'GET', url: req.url ?? '/', headers: req.headers, bytesIn: body.length, status: 0 };
    const index = proxy.log.length;
    proxy.log.push(entry);
    const fault = proxy.fault(entry, index);
    if (fault?.kind === 'silence') return;
    if (fault?.kind === 'reset') {
      req.socket.destroy();
      return;
    }
    const headers = { ...req.headers };
    if (fault?.kind === 'strip-range') delete headers.range;
    if (fault?.kind === 'status') {
      entry.status = fault.status;
      res.writeHead(fault.status, { 'Content-Type': 'application/json', ...fault.headers }).end('{"errors":[{"code":"UNAVAILABLE","message":"injected by the test proxy"}]}');
      return;
    }
    // Host is kept, so the registry's Location headers point back at the proxy.
    const upstream = request({ host: '127.0.0.1', port: targetPort, method: req.method, path: req.url, headers }, (answer) => {
      entry.status = answer.statusCode ?? 0;
      const answerHeaders = { ...answer.headers };
      if (fault?.kind === 'relative-location' && answerHeaders.location !== undefined) {
        const url = new URL(answerHeaders.location, 'http://unused.invalid');
        answerHeaders.location = `${url.pathname}${url.search}`;
      }
      res.writeHead(answer.statusCode ?? 502, answerHeaders);
      let sent = 0;
      let flipped = false;
      if (fault?.kind === 'trickle') {
        const parts: Buffer[] = [];
        answer.on('data', (chunk: Buffer) => parts.push(chunk));
        answer.on('end', () => {
          const body = Buffer.concat(parts);
          const size = Math.ceil(body.length / fault.pieces);
          const next = (offset: number): void => {
            if (offset >= body.length) {
              res.end();
              return;
            }
            res.write(body.subarray(offset, offset + size));
            setTimeout(() => next(offset + size), fault.gapMs);
          };
          next(0);
        });
        return;
      }
      answer.on('data', (chunk: Buffer) => {
        if (fault?.kind === 'cut-body' && sent + chunk.length >= fault.after) {
          const last = chunk.subarray(0, fault.after - sent);
          sent = fault.after;
          answer.destroy();
          res.write(last, () => {
            if (fault.hold !== true) res.socket?.destroy();
          });
          return;
        }
        if (fault?.kind === 'corrupt' && !flipped && chunk.length > 0) {
          chunk = Buffer.from(chunk);
          chunk[0] ^= 0xff;
          flipped = true;
        }
        sent += chunk.length;
        res.write(chunk);
      });
      answer.on('end', () => res.end());
    });
    upstream.on('error', () => res.socket?.destroy());
    if (fault?.kind === 'cut-request') {
      upstream.write(body.subarray(0, fault.after), () => {
        upstream.destroy();
        req.socket.destroy();
      });
      return;
    }
    upstream.end(body);
  };

  const server: Server = createServer((req, res) => {
    const parts: Buffer[] = [];
    req.on('data', (chunk: Buffer) => parts.push(chunk));
    req.on('end', () => handle(req, res, Buffer.concat(parts)));
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  proxy.port = typeof address === 'object' && address !== null ? address.port : 0;
  proxy.host = `127.0.0.1:${proxy.port}`;
  proxy.stop = async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  };
  return proxy;
}

/** A fault for the first `times` requests that `match`, nothing for the rest. */
export function faultFirst(times: number, match: (req: ProxiedRequest) => boolean, fault: Fault): FaultProxy['fault'] {
  let left = times;
  return (req) => {
    if (left <= 0 || !match(req)) return undefined;
    left -= 1;
    return fault;
  };
}
