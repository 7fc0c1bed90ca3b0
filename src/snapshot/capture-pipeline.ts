/**
 * The two halves of capture's pipeline: hash results consumed in file order with bounded
 * look-ahead, and encoded blocks written strictly in plan order with a bounded number in flight.
 */
import { OperationError } from '../errors.js';
import type { AtomicFile } from './atomic-file.js';
import type { BlockRecord } from './format.js';
import type { TaskPool } from './task-pool.js';
import type { FileToHash, HashedFile, PackJob } from './tasks.js';
import type { WalkedFile } from './walk.js';

/** Below this many bytes of file data, threads cost more than they save: tasks run inline. */
export const INLINE_BELOW_BYTES = 16 * 1024 * 1024;

const HASH_BATCH_BYTES = 16 * 1024 * 1024;
const HASH_BATCH_FILES = 256;

export interface HashProgress {
  doneBytes: number;
  totalBytes: number;
}

/** Groups items into jobs of at most 16 MiB or 256 items (a larger item is a job of its own). */
export function batchBySize<T>(items: readonly T[], size: (item: T) => number): T[][] {
  const batches: T[][] = [];
  let batch: T[] = [];
  let bytes = 0;
  for (const item of items) {
    const n = size(item);
    if (batch.length > 0 && (bytes + n > HASH_BATCH_BYTES || batch.length >= HASH_BATCH_FILES)) {
      batches.push(batch);
      batch = [];
      bytes = 0;
    }
    batch.push(item);
    bytes += n;
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}

/** What a hash task needs of a walked file. */
export function toHashTask(f: WalkedFile): FileToHash {
  return { absPath: f.absPath, path: f.path, size: f.size, mtimeMs: f.mtimeMs };
}

/** Hash jobs for walked files. */
export function batchFiles(files: readonly WalkedFile[]): FileToHash[][] {
  return batchBySize(files, (f) => f.size).map((batch) => batch.map(toHashTask));
}

/**
 * Hash results in file order, with a bounded number of batches hashing ahead. Pack jobs queue on
 * the same pool as the plan seals blocks, so hashing and packing overlap and both threads stay busy.
 */
export class HashPipeline {
  private readonly pool: TaskPool;
  private readonly batches: FileToHash[][];
  private readonly ahead: number;
  private readonly totalBytes: number;
  private readonly onProgress: ((progress: HashProgress) => void) | undefined;
  private readonly running: Promise<HashedFile[]>[] = [];
  private launched = 0;
  private current: HashedFile[] = [];
  private position = 0;
  private doneBytes = 0;

  constructor(pool: TaskPool, batches: FileToHash[][], ahead: number, totalBytes: number, onProgress: ((progress: HashProgress) => void) | undefined) {
    this.pool = pool;
    this.batches = batches;
    this.ahead = ahead;
    this.totalBytes = totalBytes;
    this.onProgress = onProgress;
    this.fill();
  }

  async next(): Promise<HashedFile> {
    while (this.position >= this.current.length) {
      const batch = this.running.shift();
      if (batch === undefined) throw new OperationError('E_IO', 'capture planned more files than it hashed');
      this.current = await batch;
      this.position = 0;
      this.fill();
    }
    return this.current[this.position++] as HashedFile;
  }

  private fill(): void {
    while (this.running.length < this.ahead && this.launched < this.batches.length) {
      const batch = this.batches[this.launched++] as FileToHash[];
      const bytes = batch.reduce((sum, f) => sum + f.size, 0);
      const result = this.pool.hash(batch).then((r) => {
        this.doneBytes += bytes;
        this.onProgress?.({ doneBytes: this.doneBytes, totalBytes: this.totalBytes });
        return r;
      });
      result.catch(() => undefined); // observed in order by next(); avoid an unhandled rejection meanwhile
      this.running.push(result);
    }
  }
}

/**
 * Frees the bytes of a job's in-memory segments (rewritten chunks, patches) once the job is
 * packed: `flatten` streams a whole tree through them, and as garbage they held ~200 MiB per
 * thread. Only views that span their whole ArrayBuffer are freed, so no other view loses its bytes.
 */
export function releaseSegmentData(job: PackJob): void {
  for (const s of job.segments) {
    const data = s.data;
    if (data !== undefined && data.byteOffset === 0 && data.byteLength === data.buffer.byteLength) releaseBuffer(data);
  }
}

/**
 * Frees a large buffer's memory now instead of at the next garbage collection: V8 lets an isolate
 * hold ~64 MiB of dead ArrayBuffers before collecting, and capture streams hundreds of MiB of
 * blocks through. Only for buffers nobody else references; small pooled ones are left alone.
 */
function releaseBuffer(buf: Uint8Array): void {
  const backing = buf.buffer;
  if (backing.byteLength >= 64 * 1024 && backing instanceof ArrayBuffer && !backing.detached) {
    try {
      backing.transfer(0);
    } catch {
      // not detachable (e.g. owned by Node); the garbage collector will get it
    }
  }
}

/** Encodes blocks on the pool with a bounded number in flight and writes them strictly in order. */
export class BlockWriter {
  private readonly inFlight: Promise<{ stored: Buffer; sha256: Buffer; rawLength: number; codec: PackJob['codec']; width: number }>[] = [];
  private readonly window: number;
  private readonly pool: TaskPool;
  private readonly out: AtomicFile;
  private readonly blocks: BlockRecord[];

  constructor(pool: TaskPool, out: AtomicFile, blocks: BlockRecord[], workers: number) {
    this.pool = pool;
    this.out = out;
    this.blocks = blocks;
    this.window = Math.max(2, workers * 2);
  }

  async enqueue(jobs: PackJob[]): Promise<void> {
    for (const job of jobs) {
      if (this.inFlight.length >= this.window) await this.writeOldest();
      const promise = this.pool.pack(job).then((p) => {
        releaseSegmentData(job);
        return { ...p, rawLength: job.rawLength, codec: job.codec, width: job.width };
      });
      promise.catch(() => undefined); // observed when written; avoid an unhandled rejection meanwhile
      this.inFlight.push(promise);
    }
  }

  async drain(): Promise<void> {
    while (this.inFlight.length > 0) await this.writeOldest();
  }

  private async writeOldest(): Promise<void> {
    const next = this.inFlight.shift();
    if (next === undefined) return;
    const block = await next;
    this.blocks.push({
      offset: this.out.position,
      storedLength: block.stored.length,
      rawLength: block.rawLength,
      codec: block.codec,
      width: block.width,
      sha256: block.sha256,
    });
    this.out.write(block.stored);
    releaseBuffer(block.stored);
  }
}
