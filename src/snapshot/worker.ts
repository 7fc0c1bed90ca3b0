/** Worker-thread entry: runs capture tasks sent by `TaskPool`. Bundled to dist/worker.js. */
import { parentPort } from 'node:worker_threads';
import { hashFiles, packBlock, SCRATCH_BYTES, type FileToHash, type PackJob } from './tasks.js';

export type TaskRequest = { id: number; kind: 'hash'; files: FileToHash[] } | { id: number; kind: 'pack'; job: PackJob };

export type TaskResponse =
  | { id: number; kind: 'hash'; result: ReturnType<typeof hashFiles> }
  | { id: number; kind: 'pack'; stored: ArrayBuffer; byteOffset: number; byteLength: number; sha256: ArrayBuffer }
  | { id: number; kind: 'error'; error: { name: string; code?: string; message: string } };

/**
 * A Buffer whose whole ArrayBuffer is its own, so it can be transferred. Small Buffers live in
 * Node's shared (untransferable) pool: those are copied, which costs little at their size.
 */
function ownedBuffer(buf: Buffer): Buffer {
  if (buf.length >= 64 * 1024 && buf.byteOffset === 0 && buf.byteLength === buf.buffer.byteLength) return buf;
  const copy = Buffer.from(new ArrayBuffer(buf.length));
  buf.copy(copy);
  return copy;
}

const port = parentPort;
if (port !== null) {
  const scratch = Buffer.allocUnsafeSlow(SCRATCH_BYTES);
  port.on('message', (request: TaskRequest) => {
    try {
      if (request.kind === 'hash') {
        port.postMessage({ id: request.id, kind: 'hash', result: hashFiles(request.files, scratch) } satisfies TaskResponse);
      } else {
        const { stored, sha256 } = packBlock(request.job);
        const owned = ownedBuffer(stored);
        const buffer = owned.buffer as ArrayBuffer;
        const digest = new Uint8Array(sha256).buffer;
        port.postMessage(
          { id: request.id, kind: 'pack', stored: buffer, byteOffset: 0, byteLength: owned.byteLength, sha256: digest } satisfies TaskResponse,
          [buffer, digest],
        );
      }
    } catch (error) {
      const e = error as { name?: string; code?: string; message?: string };
      port.postMessage({
        id: request.id,
        kind: 'error',
        error: { name: e.name ?? 'Error', code: e.code, message: e.message ?? String(error) },
      } satisfies TaskResponse);
    }
  });
}
