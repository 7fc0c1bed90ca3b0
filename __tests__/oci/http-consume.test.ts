/**
 * `HttpResponse.consume` against a real local server: it settles only after the chunk handler it
 * is waiting on has finished, when the body ends and when the connection is cut. A blob written
 * to a file resumes from the bytes counted so far, so a handler still writing when the read ends
 * would put the resumed bytes at the wrong offset (seen once in CI as a verified blob whose file
 * differed).
 */
import { afterAll, beforeAll, expect, test } from '@jest/globals';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Agents, sendRequest, TransportError } from '../../src/oci/http.js';

let server: Server;
let base: string;
const agents = new Agents();

beforeAll(async () => {
  server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': '300000' });
    res.write(Buffer.alloc(100_000, 1));
    if (req.url === '/whole') {
      res.write(Buffer.alloc(100_000, 2));
      res.end(Buffer.alloc(100_000, 3));
    } else {
      // Cut: a third of the promised body, then the socket goes.
      setImmediate(() => res.socket?.destroy());
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  agents.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** Reads `path` with a handler that takes a while per chunk; returns the events in order. */
async function readSlowly(path: string): Promise<string[]> {
  const events: string[] = [];
  const response = await sendRequest({ method: 'GET', url: new URL(path, base), headers: {}, timeoutMs: 10_000 }, agents);
  let bytes = 0;
  const reading = response.consume(async (chunk) => {
    events.push('handler started');
    await new Promise((resolve) => setTimeout(resolve, 30));
    bytes += chunk.length;
    events.push('handler done');
  });
  try {
    await reading;
    events.push(`consume resolved after ${bytes} bytes`);
  } catch (error) {
    events.push(`consume rejected (${(error as TransportError).code})`);
  }
  return events;
}

test('a body that ends while its last chunk is handled: consume resolves after that handler', async () => {
  const events = await readSlowly('/whole');
  expect(events.at(-1)).toBe('consume resolved after 300000 bytes');
  expect(events.at(-2)).toBe('handler done');
  expect(events.filter((e) => e === 'handler started')).toHaveLength(events.filter((e) => e === 'handler done').length);
});

test('a body cut while a chunk is handled: consume rejects as retryable, after that handler', async () => {
  const events = await readSlowly('/cut');
  expect(events.at(-1)).toBe('consume rejected (ECONNRESET)');
  expect(events.at(-2)).toBe('handler done');
  expect(events.filter((e) => e === 'handler started')).toHaveLength(events.filter((e) => e === 'handler done').length);
});
