/**
 * The HTTP core: three loopback listeners (127.0.0.1, port 0) standing in for GitHub's three
 * hosts, sharing one world, one fault list and one request log.
 *
 * | listener  | stands in for                                   | services                      |
 * | --------- | ----------------------------------------------- | ----------------------------- |
 * | `api`     | api.github.com (`GITHUB_API_URL`)               | rest                          |
 * | `results` | results-receiver.actions.githubusercontent.com  | artifact, cache (Twirp JSON)  |
 * |           | (`ACTIONS_RESULTS_URL`)                         |                               |
 * | `blob`    | <account>.blob.core.windows.net (signed URLs)   | blob                          |
 *
 * Separate origins, as on GitHub, so a client that mixes them up fails here too, and a REST 302
 * to a blob URL is cross-origin (fetch drops the Authorization header on the way, as it does
 * against the real blob store).
 *
 * A service turns a buffered request into a reply; the core reads the whole body first, applies
 * faults, logs every request, and turns a service's exception into a 500 in that service's error
 * format (recorded in `failures`, so tests can assert the emulator itself did not break).
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createFaultRule, takeFault, type FaultRule, type FaultSpec, type ServiceName } from './faults.js';
import type { World } from './world.js';

export interface EmulatorRequest {
  method: string;
  /** Absolute, on the listener's origin. */
  url: URL;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface EmulatorReply {
  status: number;
  headers?: Record<string, string>;
  body?: Buffer | string;
}

export interface EmulatorUrls {
  /** `GITHUB_API_URL`. */
  api: string;
  /** `ACTIONS_RESULTS_URL` (with the trailing slash the runner gives it). */
  results: string;
  /** Origin of signed blob URLs. */
  blob: string;
}

export interface ServiceContext {
  world: World;
  urls: EmulatorUrls;
}

export interface Service {
  name: ServiceName;
  /** Whether this service owns the path (services of one listener are asked in order). */
  owns(path: string): boolean;
  handle(request: EmulatorRequest, context: ServiceContext): EmulatorReply | Promise<EmulatorReply>;
  /** An error answer in the service's own format, for injected faults and emulator bugs. */
  errorReply(status: number, message: string): EmulatorReply;
}

export interface RequestLogEntry {
  seq: number;
  service: ServiceName;
  method: string;
  /** Path without the query. */
  path: string;
  /** The query string, with its `?`, or ''. */
  query: string;
  /** The status answered, or 'dropped' when the connection was destroyed. */
  status: number | 'dropped';
  /** Whether a fault rule produced the answer. */
  injected: boolean;
}

export interface Emulator {
  readonly world: World;
  readonly urls: EmulatorUrls;
  /** Every request, in the order they were answered (or dropped). */
  readonly requests: RequestLogEntry[];
  /** Exceptions thrown by service handlers (each answered as a 500). */
  readonly failures: Error[];
  injectFault(spec: FaultSpec): FaultRule;
  clearFaults(): void;
  close(): Promise<void>;
}

export type ListenerName = keyof EmulatorUrls;

export type ServicesByListener = Record<ListenerName, readonly Service[]>;

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
    // A client that gives up mid-body may close without an 'error' on some Node versions.
    request.on('close', () => {
      if (!request.complete) reject(new Error('request aborted'));
    });
  });
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject);
      // listen() on a TCP port always yields an AddressInfo, never a pipe name or null.
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function send(response: ServerResponse, reply: EmulatorReply, method: string): void {
  const body = reply.body === undefined ? Buffer.alloc(0) : Buffer.isBuffer(reply.body) ? reply.body : Buffer.from(reply.body);
  const headers: Record<string, string> = { ...reply.headers };
  if (!Object.keys(headers).some((h) => h.toLowerCase() === 'content-length')) {
    headers['content-length'] = String(body.length);
  }
  response.writeHead(reply.status, headers);
  response.end(method === 'HEAD' ? undefined : body);
}

/**
 * Starts the three listeners. The services are passed in (see `index.ts` for the standard set)
 * so the core stays free of any one protocol.
 */
export async function startListeners(world: World, services: ServicesByListener): Promise<Emulator> {
  const rules: FaultRule[] = [];
  const requests: RequestLogEntry[] = [];
  const failures: Error[] = [];
  let seq = 0;
  // Filled in once every port is known; no request can arrive before that.
  const urls: EmulatorUrls = { api: '', results: '', blob: '' };

  const handler = (listener: ListenerName) => async (incoming: IncomingMessage, response: ServerResponse) => {
    const method = incoming.method ?? 'GET';
    const origin = listener === 'results' ? urls.results.replace(/\/$/, '') : urls[listener];
    const url = new URL(incoming.url ?? '/', origin);
    const owned = services[listener];
    // The last service of a listener is its fallback (it answers unknown routes in its format).
    const service = owned.find((s) => s.owns(url.pathname)) ?? owned[owned.length - 1];
    let body: Buffer;
    try {
      body = await readBody(incoming);
    } catch {
      return; // the client went away mid-request; nothing to answer
    }
    const entry: RequestLogEntry = {
      seq: ++seq,
      service: service.name,
      method,
      path: url.pathname,
      query: url.search,
      status: 0,
      injected: false,
    };
    const fault = takeFault(rules, {
      service: service.name,
      method,
      path: url.pathname,
      pathAndQuery: url.pathname + url.search,
    });
    if (fault !== undefined) {
      entry.injected = true;
      if (fault.kind === 'drop') {
        entry.status = 'dropped';
        requests.push(entry);
        incoming.socket.destroy();
        return;
      }
      const reply = service.errorReply(fault.status, `injected fault: ${fault.status}`);
      entry.status = fault.status;
      requests.push(entry);
      send(response, { ...reply, headers: { ...reply.headers, ...fault.headers } }, method);
      return;
    }
    let reply: EmulatorReply;
    try {
      reply = await service.handle({ method, url, headers: incoming.headers, body }, { world, urls });
    } catch (error) {
      const failure = error instanceof Error ? error : new Error(String(error));
      failures.push(failure);
      reply = service.errorReply(500, `emulator failure: ${failure.message}`);
    }
    entry.status = reply.status;
    requests.push(entry);
    send(response, reply, method);
  };

  const servers: Record<ListenerName, Server> = {
    api: createServer(handler('api')),
    results: createServer(handler('results')),
    blob: createServer(handler('blob')),
  };
  for (const server of Object.values(servers)) {
    // Longer than any client's idle timeout, so the client, never the server, closes idle
    // keep-alive sockets: a server-side close racing a reused socket would look like a fault.
    server.keepAliveTimeout = 120_000;
  }
  const [api, results, blob] = await Promise.all([listen(servers.api), listen(servers.results), listen(servers.blob)]);
  urls.api = `http://127.0.0.1:${api}`;
  urls.results = `http://127.0.0.1:${results}/`;
  urls.blob = `http://127.0.0.1:${blob}`;

  return {
    world,
    urls,
    requests,
    failures,
    injectFault(spec) {
      const rule = createFaultRule(spec);
      rules.push(rule);
      return rule;
    },
    clearFaults() {
      rules.length = 0;
    },
    async close() {
      await Promise.all(
        Object.values(servers).map(
          (server) =>
            new Promise<void>((resolve, reject) => {
              server.close((error) => (error ? reject(error) : resolve()));
              server.closeAllConnections();
            }),
        ),
      );
    },
  };
}
