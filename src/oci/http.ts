/**
 * One HTTP exchange over node:http/https with an inactivity timeout: the timer restarts on every
 * byte written or read, so a large transfer that keeps moving is never cut, and a peer that stops
 * answering (before the headers or in the middle of a body) fails within `timeoutMs`.
 */
import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage, type ClientRequest } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { Readable } from 'node:stream';
import tls from 'node:tls';
import { OperationError } from '../errors.js';

/** A failure of the connection itself (no HTTP status): reset, refused, timed out, cut mid-body. */
export class TransportError extends Error {
  override readonly name = 'TransportError';
  /** `ETIMEDOUT` for our own timeout, else the system code (`ECONNRESET`, `ECONNREFUSED`, …). */
  readonly code: string;
  /** Worth another attempt (a reset or a timeout), as opposed to a host that does not exist. */
  readonly retryable: boolean;
  constructor(code: string, message: string, retryable: boolean) {
    super(message);
    this.code = code;
    this.retryable = retryable;
  }
}

/** A request body source failed (a local file read): never retried, reported as is. */
export class SourceError extends Error {
  override readonly name = 'SourceError';
  override readonly cause: unknown;
  constructor(cause: unknown) {
    super(cause instanceof Error ? cause.message : String(cause));
    this.cause = cause;
  }
}

const RETRYABLE_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN', 'UND_ERR_SOCKET']);

/** The TransportError for a socket-level error (anything that is not ours). */
export function toTransportError(error: unknown): TransportError {
  if (error instanceof TransportError) return error;
  const code = typeof (error as { code?: unknown }).code === 'string' ? (error as { code: string }).code : 'ECONNRESET';
  const message = error instanceof Error ? error.message : String(error);
  return new TransportError(code, message, RETRYABLE_CODES.has(code) || message === 'aborted' || message === 'socket hang up');
}

export interface HttpRequest {
  method: string;
  url: URL;
  headers: Record<string, string>;
  /** Sent with Content-Length from the caller's headers; a Readable is consumed once. */
  body?: Buffer | Readable;
  timeoutMs: number;
  /** Called with the running total of body bytes handed to the socket. */
  onSent?: (bytes: number) => void;
}

export interface HttpResponse {
  status: number;
  headers: IncomingHttpHeaders;
  url: URL;
  /** Feeds every body chunk to `onChunk` (awaited: back-pressure); rejects with a TransportError when the body is cut. */
  consume(onChunk: (chunk: Buffer) => void | Promise<void>): Promise<void>;
  /** The body as a Buffer, at most `limit` bytes (more rejects with a RangeError). */
  bytes(limit: number): Promise<Buffer>;
  /** Reads and drops the body so the connection can be reused; never throws. */
  discard(): Promise<void>;
}

/** Keep-alive agents, one pair per client, so `close()` frees every socket. */
export class Agents {
  readonly http = new HttpAgent({ keepAlive: true, maxSockets: 16 });
  readonly https: HttpsAgent;
  /** `ca`: extra certificates to trust besides Node's (a registry with a private CA). */
  constructor(ca?: string | Buffer) {
    this.https = new HttpsAgent({ keepAlive: true, maxSockets: 16, ...(ca === undefined ? {} : { ca: [...tls.rootCertificates, ca.toString()] }) });
  }
  close(): void {
    this.http.destroy();
    this.https.destroy();
  }
}

const WRITE_SLICE = 64 * 1024;

async function writeBody(req: ClientRequest, body: Buffer | Readable, length: number | undefined, touch: () => void, onSent?: (bytes: number) => void): Promise<void> {
  let sent = 0;
  const write = async (chunk: Buffer): Promise<void> => {
    if (req.destroyed) throw new TransportError('ECONNRESET', 'the connection closed while the body was being sent', true);
    const flushed = req.write(chunk);
    sent += chunk.length;
    touch();
    onSent?.(sent);
    if (!flushed) {
      await new Promise<void>((resolve) => {
        const done = (): void => {
          req.off('drain', done);
          req.off('close', done);
          resolve();
        };
        req.on('drain', done);
        req.on('close', done);
      });
    }
  };
  if (Buffer.isBuffer(body)) {
    for (let offset = 0; offset < body.length; offset += WRITE_SLICE) await write(body.subarray(offset, offset + WRITE_SLICE));
  } else {
    try {
      for await (const chunk of body) {
        const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string);
        if (length !== undefined && sent + bytes.length > length) throw new OperationError('E_IO', `the data to upload to ${req.host} has more than the ${length} bytes announced; it changed while being sent: try again once it is stable`);
        await write(bytes);
      }
      // A short body would leave the server waiting for the rest until our timeout.
      if (length !== undefined && sent !== length) throw new OperationError('E_IO', `the data to upload to ${req.host} ended after ${sent} of the ${length} bytes announced; it changed while being sent: try again once it is stable`);
    } catch (error) {
      if (error instanceof TransportError) throw error;
      throw new SourceError(error);
    }
  }
  req.end();
}

/** Sends one request; resolves at the response headers (the body is read through the result). */
export function sendRequest(options: HttpRequest, agents: Agents): Promise<HttpResponse> {
  const secure = options.url.protocol === 'https:';
  const send = secure ? httpsRequest : httpRequest;
  return new Promise<HttpResponse>((resolve, reject) => {
    let timer: NodeJS.Timeout | undefined;
    let failure: Error | undefined;
    const req = send(options.url, { method: options.method, headers: options.headers, agent: secure ? agents.https : agents.http });
    const touch = (): void => {
      if (timer !== undefined) timer.refresh();
    };
    const stop = (): void => {
      if (timer !== undefined) clearTimeout(timer);
      timer = undefined;
    };
    let abortRead: ((error: Error) => void) | undefined;
    timer = setTimeout(() => {
      failure = new TransportError('ETIMEDOUT', `no answer for ${options.timeoutMs} ms`, true);
      req.destroy(failure);
      // Whatever events the destroyed response still emits, a read in progress ends here.
      abortRead?.(failure);
    }, options.timeoutMs);
    let responded = false;
    req.on('error', (error) => {
      stop();
      // A body stream the request no longer reads must not keep its file open.
      if (options.body !== undefined && !Buffer.isBuffer(options.body)) options.body.destroy();
      if (!responded) reject(failure ?? (error instanceof SourceError ? error : toTransportError(error)));
    });
    req.on('response', (res: IncomingMessage) => {
      responded = true;
      touch();
      // Errors before the caller reads the body are kept for consume(): never an unhandled 'error'.
      let early: Error | undefined;
      res.on('error', (error) => {
        early ??= failure ?? toTransportError(error);
      });
      const consume = (onChunk: (chunk: Buffer) => void | Promise<void>): Promise<void> =>
        new Promise<void>((done, fail) => {
          let settled = false;
          // The chunk handler still running, if any: 'end' or a cut can come while it writes.
          let handling: Promise<void> | null = null;
          const finish = (error?: Error): void => {
            if (settled) return;
            settled = true;
            stop();
            // Settle only once that handler is done: the caller's next step (a resume from the bytes
            // counted so far, closing and renaming the file) assumes every chunk has been handled.
            const after = handling ?? Promise.resolve();
            after.then(
              () => (error === undefined ? done() : fail(error)),
              (handlerError: unknown) => fail(error ?? (handlerError instanceof Error ? handlerError : new Error(String(handlerError)))),
            );
          };
          abortRead = finish;
          if (res.readableEnded) return finish();
          if (res.destroyed) return finish(early ?? failure ?? new TransportError('ECONNRESET', 'the connection closed before the whole body arrived', true));
          res.on('data', (chunk: Buffer) => {
            if (settled) return;
            touch();
            let pending: void | Promise<void>;
            try {
              pending = onChunk(chunk);
            } catch (error) {
              // Thrown inside an event handler it would be uncaught: fail the read instead.
              finish(error instanceof Error ? error : new Error(String(error)));
              req.destroy();
              return;
            }
            if (pending instanceof Promise) {
              res.pause();
              handling = pending;
              pending.then(
                () => {
                  handling = null;
                  if (!settled) res.resume();
                },
                (error: unknown) => {
                  handling = null;
                  finish(error instanceof Error ? error : new Error(String(error)));
                  req.destroy();
                },
              );
            }
          });
          res.on('end', () => finish());
          res.on('error', (error) => finish(failure ?? early ?? toTransportError(error)));
          res.on('close', () => {
            if (!res.complete) finish(failure ?? new TransportError('ECONNRESET', 'the connection closed before the whole body arrived', true));
          });
        });
      resolve({
        status: res.statusCode ?? 0,
        headers: res.headers,
        url: options.url,
        consume,
        async bytes(limit: number): Promise<Buffer> {
          const parts: Buffer[] = [];
          let length = 0;
          await consume((chunk) => {
            length += chunk.length;
            if (length > limit) throw new RangeError(`the response body is larger than ${limit} bytes`);
            parts.push(chunk);
          });
          return Buffer.concat(parts, length);
        },
        async discard(): Promise<void> {
          await consume(() => undefined).catch(() => undefined);
        },
      });
    });
    if (options.body === undefined) req.end();
    else {
      const announced = options.headers['Content-Length'];
      writeBody(req, options.body, announced === undefined ? undefined : Number(announced), touch, options.onSent).catch((error: unknown) => {
        // An early answer (401, 413 …) may close the connection mid-body: the answer is what counts.
        if (!responded) req.destroy(error instanceof Error ? error : new Error(String(error)));
      });
    }
  });
}
