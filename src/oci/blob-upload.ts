/**
 * Pushing one blob: HEAD to skip what the registry has, an optional cross-repository mount, then
 * POST + PUT (distribution 2.8 does not take single-POST uploads) or, above a size threshold,
 * PATCH chunks with Content-Range and a closing PUT. A chunk cut half-way resumes from the offset
 * the registry reports; anything else starts the upload again, within the retry budget.
 */
import type { Readable } from 'node:stream';
import { OperationError } from '../errors.js';
import { TransportError } from './http.js';
import { headerText, type Transport } from './transport.js';

export type PushResult = 'exists' | 'mounted' | 'uploaded';

export interface PushBlobOptions {
  /** A repository on the same registry that may hold the blob: try a cross-repository mount first. */
  mountFrom?: string;
  /** Blobs larger than this go up in chunks (default 64 MiB). */
  chunkThreshold?: number;
  /** Size of one PATCH (default 16 MiB). */
  chunkSize?: number;
  /** Bytes of this blob the registry has confirmed so far (may start again from 0 when an upload restarts). */
  onProgress?: (bytes: number, total: number) => void;
}

export const DEFAULT_CHUNK_THRESHOLD = 64 * 1024 * 1024;
export const DEFAULT_CHUNK_SIZE = 16 * 1024 * 1024;

/** Reads a Buffer or a Readable as consecutive pieces of at most `size` bytes. */
class PieceReader {
  readonly #buffer: Buffer | undefined;
  readonly #iterator: AsyncIterator<unknown> | undefined;
  #offset = 0;
  #pending: Buffer = Buffer.alloc(0);
  readonly #stream: Readable | undefined;

  constructor(source: Buffer | Readable) {
    if (Buffer.isBuffer(source)) this.#buffer = source;
    else {
      this.#stream = source;
      this.#iterator = source[Symbol.asyncIterator]();
    }
  }

  async next(size: number): Promise<Buffer> {
    if (this.#buffer !== undefined) {
      const piece = this.#buffer.subarray(this.#offset, this.#offset + size);
      this.#offset += piece.length;
      return piece;
    }
    const parts: Buffer[] = [this.#pending];
    let length = this.#pending.length;
    while (length < size && this.#iterator !== undefined) {
      const { value, done } = await this.#iterator.next();
      if (done === true) break;
      const chunk = Buffer.isBuffer(value) ? value : Buffer.from(value as string);
      parts.push(chunk);
      length += chunk.length;
    }
    const all = Buffer.concat(parts, length);
    this.#pending = all.subarray(Math.min(size, all.length));
    return all.subarray(0, Math.min(size, all.length));
  }

  close(): void {
    this.#stream?.destroy();
  }
}

interface UploadContext {
  transport: Transport;
  repository: string;
  digest: string;
  size: number;
  scopes: string[];
  what: string;
}

function appendDigest(location: string, digest: string): string {
  return `${location}${location.includes('?') ? '&' : '?'}digest=${encodeURIComponent(digest)}`;
}

function uploadLocation(ctx: UploadContext, location: string | undefined, status: number): string {
  if (location === undefined || location === '') {
    throw new OperationError('E_REGISTRY', `registry ${ctx.transport.registry} answered ${status} to ${ctx.what} without a Location header; it is not speaking the OCI distribution protocol`);
  }
  return location;
}

async function startUpload(ctx: UploadContext): Promise<string> {
  const response = await ctx.transport.send({ method: 'POST', target: `/v2/${ctx.repository}/blobs/uploads/`, headers: { 'Content-Length': '0' }, scopes: ctx.scopes, accept: [202], what: ctx.what });
  await response.discard();
  return uploadLocation(ctx, headerText(response.headers.location), 202);
}

/**
 * The offset the registry holds for an upload session (GET on its Location → `Range: 0-N`) and the
 * Location to go on with. Undefined when it cannot say: distribution cancels a session whose
 * Location state disagrees with the bytes it stored (a PATCH cut half-way), so then we start over.
 */
async function uploadStatus(ctx: UploadContext, location: string): Promise<{ offset: number; location: string } | undefined> {
  try {
    const response = await ctx.transport.send({ method: 'GET', target: location, scopes: ctx.scopes, accept: [204], what: `asking how much of ${ctx.digest} arrived` });
    await response.discard();
    // distribution writes "0--1" for an empty upload.
    const range = /^0-(-?\d+)$/.exec(headerText(response.headers.range) ?? '');
    return range === null ? undefined : { offset: Number(range[1]) + 1, location: headerText(response.headers.location) ?? location };
  } catch {
    return undefined;
  }
}

/** The closing PUT, with the whole blob (`open`) or, after PATCHes, with no body. */
async function finishUpload(ctx: UploadContext, location: string, open: (() => Buffer | Readable) | undefined, onSent?: (bytes: number) => void): Promise<void> {
  const headers: Record<string, string> = { 'Content-Type': 'application/octet-stream', 'Content-Length': String(open === undefined ? 0 : ctx.size) };
  const response = await ctx.transport.send({ method: 'PUT', target: appendDigest(location, ctx.digest), headers, ...(open === undefined ? {} : { body: open }), scopes: ctx.scopes, accept: [201], what: ctx.what, retry: false, onSent });
  await response.discard();
}

/**
 * A failure after the upload session was resumed from its reported offset: the registry may still
 * have been storing the cut request when it answered, so the session cannot be trusted; a new
 * upload can.
 */
class SessionSpoiled extends Error {
  override readonly cause: Error;
  constructor(cause: Error) {
    super(cause.message);
    this.cause = cause;
  }
}

/** Sends the source in PATCH chunks; returns the Location to close with PUT and whether a chunk was resumed. */
async function sendChunks(ctx: UploadContext, start: string, reader: PieceReader, chunkSize: number, onProgress?: (bytes: number, total: number) => void): Promise<{ location: string; resumed: boolean }> {
  let location = start;
  let offset = 0;
  let resumed = false;
  while (offset < ctx.size) {
    const piece = await reader.next(Math.min(chunkSize, ctx.size - offset));
    if (piece.length === 0) throw new OperationError('E_IO', `the source of blob ${ctx.digest} ended after ${offset} of ${ctx.size} bytes; the file changed or the size is wrong`);
    let sent = 0;
    for (let attempt = 1; sent < piece.length; attempt += 1) {
      const part = piece.subarray(sent);
      const first = offset + sent;
      const headers = { 'Content-Type': 'application/octet-stream', 'Content-Length': String(part.length), 'Content-Range': `${first}-${first + part.length - 1}` };
      try {
        const response = await ctx.transport.send({ method: 'PATCH', target: location, headers, body: () => part, scopes: ctx.scopes, accept: [202], what: ctx.what, retry: false, onSent: (n) => onProgress?.(first + n, ctx.size) });
        await response.discard();
        location = uploadLocation(ctx, headerText(response.headers.location), 202);
        sent = piece.length;
      } catch (error) {
        if (resumed && error instanceof OperationError && error.code !== 'E_NETWORK' && error.code !== 'E_AUTH') throw new SessionSpoiled(error);
        if (!(error instanceof OperationError) || error.code !== 'E_NETWORK' || attempt >= ctx.transport.retryPolicy.attempts) throw error;
        // A cut PATCH may have stored part of the chunk: continue from what the registry holds.
        await ctx.transport.backoff(ctx.what, attempt, error.message);
        const status = await uploadStatus(ctx, location);
        if (status === undefined || status.offset < offset || status.offset > offset + piece.length) throw error;
        sent = status.offset - offset;
        location = status.location;
        resumed = true;
      }
    }
    offset += piece.length;
  }
  return { location, resumed };
}

/** Pushes one blob; see RegistryClient.pushBlob. */
export async function pushBlob(transport: Transport, repository: string, digest: string, size: number, open: () => Buffer | Readable, options: PushBlobOptions = {}): Promise<PushResult> {
  const push = `repository:${repository}:pull,push`;
  const ctx: UploadContext = { transport, repository, digest, size, scopes: [push], what: `pushing blob ${digest} to ${repository}` };
  const head = await transport.send({ method: 'HEAD', target: `/v2/${repository}/blobs/${digest}`, scopes: ctx.scopes, accept: [200, 404], what: `checking for blob ${digest} in ${repository}` });
  await head.discard();
  if (head.status === 200) return 'exists';

  let mounted: string | undefined;
  if (options.mountFrom !== undefined && options.mountFrom !== repository) {
    const query = `mount=${encodeURIComponent(digest)}&from=${encodeURIComponent(options.mountFrom)}`;
    const scopes = [push, `repository:${options.mountFrom}:pull`];
    const response = await transport.send({ method: 'POST', target: `/v2/${repository}/blobs/uploads/?${query}`, headers: { 'Content-Length': '0' }, scopes, accept: [201, 202], what: `mounting blob ${digest} from ${options.mountFrom} into ${repository}` });
    await response.discard();
    if (response.status === 201) return 'mounted';
    mounted = uploadLocation(ctx, headerText(response.headers.location), 202);
  }

  const threshold = options.chunkThreshold ?? DEFAULT_CHUNK_THRESHOLD;
  const chunkSize = Math.max(1, options.chunkSize ?? DEFAULT_CHUNK_SIZE);
  const { attempts } = transport.retryPolicy;
  for (let attempt = 1; ; attempt += 1) {
    const location = mounted ?? (await startUpload(ctx));
    mounted = undefined;
    try {
      if (size <= threshold) {
        await finishUpload(ctx, location, open, (n) => options.onProgress?.(n, size));
      } else {
        const reader = new PieceReader(open());
        try {
          const chunks = await sendChunks(ctx, location, reader, chunkSize, options.onProgress);
          try {
            await finishUpload(ctx, chunks.location, undefined);
          } catch (error) {
            // DIGEST_INVALID and the like after a resume: the session took bytes twice or lost some.
            if (chunks.resumed && error instanceof OperationError && error.code !== 'E_NETWORK' && error.code !== 'E_AUTH') throw new SessionSpoiled(error);
            throw error;
          }
        } finally {
          reader.close();
        }
      }
      options.onProgress?.(size, size);
      return 'uploaded';
    } catch (error) {
      const retryable = error instanceof SessionSpoiled || (error instanceof OperationError && error.code === 'E_NETWORK') || (error instanceof TransportError && error.retryable);
      if (!retryable || attempt >= attempts) throw error instanceof SessionSpoiled ? error.cause : error;
      await transport.backoff(ctx.what, attempt, (error as Error).message);
    }
  }
}
