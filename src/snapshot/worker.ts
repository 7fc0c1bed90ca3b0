/** Worker-thread entry: runs capture and directory-diff tasks sent by `TaskPool`. Bundled to dist/worker.js. */
import { parentPort } from 'node:worker_threads';
import { walkDirPair, type DirPairFacts, type DirPairTask } from './dir-pair-walk.js';
import { compileGlobs } from './globs.js';
import { releaseSegmentData } from './capture-pipeline.js';
import { hashFiles, packBlock, PackScratch, SCRATCH_BYTES, type FileToHash, type PackJob } from './tasks.js';
import { packWalk, walkTree, type PackedWalk } from './walk.js';

export type TaskRequest =
  | { id: number; kind: 'hash'; files: FileToHash[] }
  | { id: number; kind: 'pack'; job: PackJob }
  | { id: number; kind: 'walk'; root: string; patterns: string[] }
  | { id: number; kind: 'dirpair'; task: DirPairTask };

export type TaskResponse =
  | { id: number; kind: 'hash'; result: ReturnType<typeof hashFiles> }
  | { id: number; kind: 'walk'; result: PackedWalk }
  | { id: number; kind: 'dirpair'; result: DirPairFacts }
  | { id: number; kind: 'pack'; stored: ArrayBuffer; byteOffset: number; byteLength: number; sha256: ArrayBuffer }
  | { id: number; kind: 'error'; error: { name: string; code?: string; message: string } };

/**
 * A Buffer whose ArrayBuffer can be transferred. Small Buffers live in Node's shared pool, which
 * cannot be transferred: those are copied, which costs little at their size. Large ones own their
 * ArrayBuffer (possibly with spare room at the end) and go as they are.
 */
function transferable(buf: Buffer): Buffer {
  if (buf.buffer.byteLength >= 64 * 1024) return buf;
  const copy = Buffer.from(new ArrayBuffer(buf.length));
  buf.copy(copy);
  return copy;
}

const port = parentPort;
if (port !== null) {
  const scratch = Buffer.allocUnsafeSlow(SCRATCH_BYTES);
  const packScratch = new PackScratch();
  port.on('message', (request: TaskRequest) => {
    try {
      if (request.kind === 'hash') {
        port.postMessage({ id: request.id, kind: 'hash', result: hashFiles(request.files, scratch) } satisfies TaskResponse);
      } else if (request.kind === 'walk') {
        port.postMessage({ id: request.id, kind: 'walk', result: packWalk(request.root, walkTree(request.root, compileGlobs(request.patterns))) } satisfies TaskResponse);
      } else if (request.kind === 'dirpair') {
        port.postMessage({ id: request.id, kind: 'dirpair', result: walkDirPair(request.task, scratch) } satisfies TaskResponse);
      } else {
        const { stored, sha256 } = packBlock(request.job, packScratch);
        // The segments' bytes came as copies; nothing here holds them any longer.
        releaseSegmentData(request.job);
        const owned = transferable(stored);
        const buffer = owned.buffer as ArrayBuffer;
        const digest = new Uint8Array(sha256).buffer;
        port.postMessage(
          { id: request.id, kind: 'pack', stored: buffer, byteOffset: owned.byteOffset, byteLength: owned.byteLength, sha256: digest } satisfies TaskResponse,
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
