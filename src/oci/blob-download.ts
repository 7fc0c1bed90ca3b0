/**
 * Fetching one blob, verified by its digest. A body cut half-way is resumed with `Range:
 * bytes=N-` when the registry answers 206 from offset N, and fetched again from the start when it
 * answers 200; the SHA-256 runs over the bytes as they arrive, so resuming costs no re-read. Bytes
 * that do not hash to the digest are an error at once: the registry's copy is wrong, and asking
 * again would give the same bytes.
 */
import { createHash, randomBytes } from 'node:crypto';
import { open, rename, unlink, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fromSystemError, OperationError, SnapshotFormatError } from '../errors.js';
import { TransportError } from './http.js';
import { headerText, type Transport } from './transport.js';

export interface GetBlobOptions {
  /** The size the caller expects (from a descriptor): any other length is an error. */
  size?: number;
  /** For a blob read into memory: the most bytes accepted (default 256 MiB). */
  maxBytes?: number;
  /** Bytes received so far and the total when known (may go back to 0 when a registry cannot resume). */
  onProgress?: (bytes: number, total: number | undefined) => void;
}

export const DEFAULT_MAX_MEMORY_BLOB = 256 * 1024 * 1024;

/** Where the bytes go: memory or a temporary file; `reset` forgets everything written. */
interface Sink {
  write(chunk: Buffer): Promise<void> | void;
  reset(): Promise<void> | void;
}

async function fetchInto(transport: Transport, repository: string, digest: string, sink: Sink, options: GetBlobOptions, limit: number): Promise<number> {
  const what = `pulling blob ${digest} from ${repository}`;
  const { attempts } = transport.retryPolicy;
  let hash = createHash('sha256');
  let received = 0;
  let total = options.size;
  let rangeUsable = true;
  let failures = 0;
  const restart = async (): Promise<void> => {
    hash = createHash('sha256');
    received = 0;
    await sink.reset();
  };
  for (;;) {
    const resume = received > 0 && rangeUsable;
    if (received > 0 && !resume) await restart();
    const response = await transport.send({
      method: 'GET',
      target: `/v2/${repository}/blobs/${digest}`,
      headers: resume ? { Range: `bytes=${received}-` } : {},
      scopes: [`repository:${repository}:pull`],
      accept: [200, 206, 416],
      what,
      notFound: `blob ${digest} is not in ${repository} on registry ${transport.registry}; the snapshot that names it is incomplete there: push it again`,
    });
    if (response.status === 416) {
      // Asked from the very end (a cut after the last byte): fetch the whole blob once more.
      await response.discard();
      if (!resume) throw new OperationError('E_REGISTRY', `registry ${transport.registry} answered 416 (range not satisfiable) to a plain GET of blob ${digest} in ${repository}; it is not speaking the OCI distribution protocol`);
      rangeUsable = false;
      continue;
    }
    if (response.status === 206) {
      const range = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(headerText(response.headers['content-range']) ?? '');
      if (!resume || range === null || Number(range[1]) !== received) {
        // A range we did not ask for cannot be spliced in: start over without Range.
        await response.discard();
        rangeUsable = false;
        continue;
      }
      if (range[3] !== '*') total ??= Number(range[3]);
    } else {
      if (received > 0) await restart();
      const length = headerText(response.headers['content-length']);
      if (length !== undefined && /^\d+$/.test(length)) {
        if (options.size !== undefined && Number(length) !== options.size) {
          await response.discard();
          throw new OperationError('E_REGISTRY', `registry ${transport.registry} offers blob ${digest} in ${repository} with ${length} bytes, but the manifest says ${options.size}; the manifest or the registry's copy is wrong: push the snapshot again`);
        }
        total ??= Number(length);
      }
    }
    const before = received;
    try {
      await response.consume(async (chunk) => {
        if (received + chunk.length > limit) {
          throw new OperationError('E_REGISTRY', `registry ${transport.registry} sent more than ${limit} bytes for blob ${digest} in ${repository}${options.size === undefined ? '' : ' (its expected size)'}; the registry's copy is wrong or this is not the blob: push it again`);
        }
        hash.update(chunk);
        received += chunk.length;
        await sink.write(chunk);
        options.onProgress?.(received, total);
      });
    } catch (error) {
      if (!(error instanceof TransportError) || !error.retryable) throw error;
      failures = received > before ? 1 : failures + 1;
      if (failures >= attempts) throw transport.networkError(what, error, failures);
      await transport.backoff(what, failures, `${error.code}: ${error.message}`);
      continue;
    }
    break;
  }
  const got = `sha256:${hash.digest('hex')}`;
  if (got !== digest) {
    throw new SnapshotFormatError('E_CHECKSUM', `registry ${transport.registry} returned different bytes for blob ${digest} in ${repository} (${received} bytes that hash to ${got}); its copy is damaged or a proxy altered it: push the blob again, or pull from another registry`);
  }
  if (options.size !== undefined && received !== options.size) {
    throw new OperationError('E_REGISTRY', `blob ${digest} in ${repository} has ${received} bytes, but the manifest says ${options.size}; the manifest is wrong: push the snapshot again`);
  }
  return received;
}

/** The blob in memory, verified. */
export async function getBlob(transport: Transport, repository: string, digest: string, options: GetBlobOptions = {}): Promise<Buffer> {
  let parts: Buffer[] = [];
  const limit = options.size ?? options.maxBytes ?? DEFAULT_MAX_MEMORY_BLOB;
  const sink: Sink = {
    write: (chunk) => {
      parts.push(chunk);
    },
    reset: () => {
      parts = [];
    },
  };
  const size = await fetchInto(transport, repository, digest, sink, options, limit);
  return Buffer.concat(parts, size);
}

/**
 * The blob written to `path` (replaced atomically: a temporary file beside it is renamed once the
 * digest checks out, and removed on failure). Returns its size.
 */
export async function getBlobToFile(transport: Transport, repository: string, digest: string, path: string, options: GetBlobOptions = {}): Promise<number> {
  const temp = join(dirname(path), `.${basename(path)}.partial-${randomBytes(6).toString('hex')}`);
  let handle: FileHandle;
  try {
    handle = await open(temp, 'wx', 0o644);
  } catch (error) {
    throw fromSystemError(error, `cannot write blob ${digest} to ${path}`);
  }
  let position = 0;
  const sink: Sink = {
    write: async (chunk) => {
      // The offset is taken before the write starts, so no later write can reuse it.
      const at = position;
      position += chunk.length;
      await handle.write(chunk, 0, chunk.length, at);
    },
    reset: async () => {
      await handle.truncate(0);
      position = 0;
    },
  };
  try {
    const size = await fetchInto(transport, repository, digest, sink, options, options.size ?? Number.POSITIVE_INFINITY);
    await handle.close();
    await rename(temp, path);
    return size;
  } catch (error) {
    await handle.close().catch(() => undefined);
    await unlink(temp).catch(() => undefined);
    if (typeof (error as { syscall?: unknown }).syscall === 'string') throw fromSystemError(error, `cannot write blob ${digest} to ${path}`);
    throw error;
  }
}
