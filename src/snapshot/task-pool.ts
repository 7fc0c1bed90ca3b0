/**
 * Runs capture tasks on worker threads, or inline when `workers` is 0 (small trees, where starting
 * threads costs more than it saves). Callers see the same promise API either way.
 */
import { Worker } from 'node:worker_threads';
import { OperationError, SnapshotFormatError, type FormatErrorCode, type OperationErrorCode } from '../errors.js';
import { walkDirPair, type DirPairFacts, type DirPairTask } from './dir-pair-walk.js';
import { compileGlobs } from './globs.js';
import { hashFiles, packBlock, PackScratch, SCRATCH_BYTES, type FileToHash, type HashedFile, type PackJob, type PackedBlock } from './tasks.js';
import { unpackWalk, walkTree, type WalkResult } from './walk.js';
import type { TaskRequest, TaskResponse } from './worker.js';

interface Pending {
  resolve: (value: TaskResponse) => void;
  reject: (error: Error) => void;
}

/** Where the worker script is: next to the bundle entry, or the TypeScript source under tests. */
function workerLocation(): { url: URL; execArgv: string[] } {
  const here = import.meta.url;
  if (here.endsWith('.ts')) {
    return { url: new URL('./worker.ts', here), execArgv: ['--import', new URL('../dev/ts-worker-hooks.ts', here).href] };
  }
  const name = 'worker.js'; // a variable, so the bundler does not try to inline it as an asset
  return { url: new URL(name, here), execArgv: [] };
}

function rebuildError(e: { name: string; code?: string; message: string }): Error {
  if (e.name === 'SnapshotFormatError') return new SnapshotFormatError(e.code as FormatErrorCode, e.message);
  if (e.name === 'OperationError') return new OperationError(e.code as OperationErrorCode, e.message);
  return new OperationError('E_IO', e.message);
}

export class TaskPool {
  private readonly workers: Worker[] = [];
  private readonly idle: Worker[] = [];
  private readonly queue: { request: TaskRequest; pending: Pending }[] = [];
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private inlineScratch: Buffer | null = null;
  private readonly inlinePackScratch = new PackScratch();
  private failure: Error | null = null;
  readonly size: number;

  constructor(size: number) {
    this.size = size;
    if (size === 0) return;
    const { url, execArgv } = workerLocation();
    for (let i = 0; i < size; i++) {
      const worker = new Worker(url, { execArgv });
      worker.on('message', (response: TaskResponse) => this.settle(worker, response));
      worker.on('error', (error) => this.fail(error));
      worker.on('exit', (code) => {
        if (code !== 0 && this.failure === null) this.fail(new OperationError('E_IO', `a capture worker exited with code ${code}`));
      });
      this.workers.push(worker);
      this.idle.push(worker);
    }
  }

  async hash(files: FileToHash[]): Promise<HashedFile[]> {
    if (this.size === 0) {
      await yieldToEventLoop();
      this.inlineScratch ??= Buffer.allocUnsafeSlow(SCRATCH_BYTES);
      return hashFiles(files, this.inlineScratch);
    }
    const response = await this.submit({ id: this.nextId++, kind: 'hash', files });
    if (response.kind !== 'hash') throw new OperationError('E_IO', 'capture worker answered the wrong task');
    return response.result;
  }

  /** Walks a tree on a worker, so two trees can be walked at once. */
  async walk(root: string, patterns: string[]): Promise<WalkResult> {
    if (this.size === 0) {
      await yieldToEventLoop();
      return walkTree(root, compileGlobs(patterns));
    }
    const response = await this.submit({ id: this.nextId++, kind: 'walk', root, patterns });
    if (response.kind !== 'walk') throw new OperationError('E_IO', 'capture worker answered the wrong task');
    return unpackWalk(response.result);
  }

  /** Walks part of two trees side by side (a directory-vs-directory diff); see dir-pair-walk.ts. */
  async walkDirPair(task: DirPairTask): Promise<DirPairFacts> {
    if (this.size === 0) {
      await yieldToEventLoop();
      this.inlineScratch ??= Buffer.allocUnsafeSlow(SCRATCH_BYTES);
      return walkDirPair(task, this.inlineScratch);
    }
    const response = await this.submit({ id: this.nextId++, kind: 'dirpair', task });
    if (response.kind !== 'dirpair') throw new OperationError('E_IO', 'capture worker answered the wrong task');
    return response.result;
  }

  async pack(job: PackJob): Promise<PackedBlock> {
    if (this.size === 0) {
      await yieldToEventLoop();
      return packBlock(job, this.inlinePackScratch);
    }
    const response = await this.submit({ id: this.nextId++, kind: 'pack', job });
    if (response.kind !== 'pack') throw new OperationError('E_IO', 'capture worker answered the wrong task');
    return { stored: Buffer.from(response.stored, response.byteOffset, response.byteLength), sha256: Buffer.from(response.sha256) };
  }

  async close(): Promise<void> {
    this.failure ??= new OperationError('E_IO', 'task pool closed');
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private submit(request: TaskRequest): Promise<TaskResponse> {
    if (this.failure !== null) return Promise.reject(this.failure);
    return new Promise((resolve, reject) => {
      const pending = { resolve, reject };
      const worker = this.idle.pop();
      if (worker === undefined) {
        this.queue.push({ request, pending });
      } else {
        this.pending.set(request.id, pending);
        worker.postMessage(request);
      }
    });
  }

  private settle(worker: Worker, response: TaskResponse): void {
    const pending = this.pending.get(response.id);
    this.pending.delete(response.id);
    const next = this.queue.shift();
    if (next === undefined) {
      this.idle.push(worker);
    } else {
      this.pending.set(next.request.id, next.pending);
      worker.postMessage(next.request);
    }
    if (pending === undefined) return;
    if (response.kind === 'error') pending.reject(rebuildError(response.error));
    else pending.resolve(response);
  }

  private fail(error: Error): void {
    this.failure = error;
    for (const p of this.pending.values()) p.reject(error);
    for (const q of this.queue) q.pending.reject(error);
    this.pending.clear();
    this.queue.length = 0;
  }
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
