export const id = 686;
export const ids = [686];
export const modules = {

/***/ 7245:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $7: () => (/* binding */ BlockWriter),
/* harmony export */   $C: () => (/* binding */ HashPipeline),
/* harmony export */   Du: () => (/* binding */ batchBySize),
/* harmony export */   gE: () => (/* binding */ INLINE_BELOW_BYTES),
/* harmony export */   t4: () => (/* binding */ toHashTask),
/* harmony export */   ul: () => (/* binding */ batchFiles)
/* harmony export */ });
/* unused harmony export releaseSegmentData */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/**
 * The two halves of capture's pipeline: hash results consumed in file order with bounded
 * look-ahead, and encoded blocks written strictly in plan order with a bounded number in flight.
 */

/** Below this many bytes of file data, threads cost more than they save: tasks run inline. */
const INLINE_BELOW_BYTES = 16 * 1024 * 1024;
const HASH_BATCH_BYTES = 16 * 1024 * 1024;
const HASH_BATCH_FILES = 256;
/** Groups items into jobs of at most 16 MiB or 256 items (a larger item is a job of its own). */
function batchBySize(items, size) {
    const batches = [];
    let batch = [];
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
    if (batch.length > 0)
        batches.push(batch);
    return batches;
}
/** What a hash task needs of a walked file. */
function toHashTask(f) {
    return { absPath: f.absPath, path: f.path, size: f.size, mtimeMs: f.mtimeMs };
}
/** Hash jobs for walked files. */
function batchFiles(files) {
    return batchBySize(files, (f) => f.size).map((batch) => batch.map(toHashTask));
}
/**
 * Hash results in file order, with a bounded number of batches hashing ahead. Pack jobs queue on
 * the same pool as the plan seals blocks, so hashing and packing overlap and both threads stay busy.
 */
class HashPipeline {
    pool;
    batches;
    ahead;
    totalBytes;
    onProgress;
    running = [];
    launched = 0;
    current = [];
    position = 0;
    doneBytes = 0;
    constructor(pool, batches, ahead, totalBytes, onProgress) {
        this.pool = pool;
        this.batches = batches;
        this.ahead = ahead;
        this.totalBytes = totalBytes;
        this.onProgress = onProgress;
        this.fill();
    }
    async next() {
        while (this.position >= this.current.length) {
            const batch = this.running.shift();
            if (batch === undefined)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .OperationError */ .OK('E_IO', 'capture planned more files than it hashed');
            this.current = await batch;
            this.position = 0;
            this.fill();
        }
        return this.current[this.position++];
    }
    fill() {
        while (this.running.length < this.ahead && this.launched < this.batches.length) {
            const batch = this.batches[this.launched++];
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
function releaseSegmentData(job) {
    for (const s of job.segments) {
        const data = s.data;
        if (data !== undefined && data.byteOffset === 0 && data.byteLength === data.buffer.byteLength)
            releaseBuffer(data);
    }
}
/**
 * Frees a large buffer's memory now instead of at the next garbage collection: V8 lets an isolate
 * hold ~64 MiB of dead ArrayBuffers before collecting, and capture streams hundreds of MiB of
 * blocks through. Only for buffers nobody else references; small pooled ones are left alone.
 */
function releaseBuffer(buf) {
    const backing = buf.buffer;
    if (backing.byteLength >= 64 * 1024 && backing instanceof ArrayBuffer && !backing.detached) {
        try {
            backing.transfer(0);
        }
        catch {
            // not detachable (e.g. owned by Node); the garbage collector will get it
        }
    }
}
/** Encodes blocks on the pool with a bounded number in flight and writes them strictly in order. */
class BlockWriter {
    inFlight = [];
    window;
    pool;
    out;
    blocks;
    constructor(pool, out, blocks, workers) {
        this.pool = pool;
        this.out = out;
        this.blocks = blocks;
        this.window = Math.max(2, workers * 2);
    }
    async enqueue(jobs) {
        for (const job of jobs) {
            if (this.inFlight.length >= this.window)
                await this.writeOldest();
            const promise = this.pool.pack(job).then((p) => {
                releaseSegmentData(job);
                return { ...p, rawLength: job.rawLength, codec: job.codec, width: job.width };
            });
            promise.catch(() => undefined); // observed when written; avoid an unhandled rejection meanwhile
            this.inFlight.push(promise);
        }
    }
    async drain() {
        while (this.inFlight.length > 0)
            await this.writeOldest();
    }
    async writeOldest() {
        const next = this.inFlight.shift();
        if (next === undefined)
            return;
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


/***/ }),

/***/ 5730:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  Y: () => (/* binding */ TaskPool)
});

// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(5919);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: external "node:buffer"
var external_node_buffer_ = __webpack_require__(4573);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
;// CONCATENATED MODULE: ./src/snapshot/file-equality.ts
/**
 * Do two files hold the same bytes? What `cmp` answers, for directory-vs-directory diffs: reading
 * both files side by side and stopping at the first difference costs less than hashing both, and
 * needs no digest when they turn out equal. The check fstats both files, so the walk that found
 * them need not stat them: sizes and modes come back with the answer.
 */


/**
 * Pieces read at a time from each file. 256 KiB pieces ran ~1.7× faster than 1 MiB pieces here
 * (both halves stay in the CPU cache while compared; docs/benchmarks.md).
 */
const EQUALITY_PIECE_BYTES = 256 * 1024;
function openForCheck(path) {
    try {
        return (0,external_node_fs_.openSync)(path, 'r');
    }
    catch (error) {
        throw (0,errors/* fromSystemError */.Kh)(error, `cannot read ${path}`);
    }
}
function readPiece(fd, buf, length, position, path) {
    try {
        return (0,external_node_fs_.readSync)(fd, buf, 0, length, position);
    }
    catch (error) {
        throw (0,errors/* fromSystemError */.Kh)(error, `cannot read ${path}`);
    }
}
/** Compares `size` bytes of two open files; a short read (a file shrank under us) is a difference. */
function sameContent(fa, fb, size, scratch, a, b) {
    const half = Math.min(EQUALITY_PIECE_BYTES, scratch.length >>> 1);
    const bufA = scratch.subarray(0, half);
    const bufB = scratch.subarray(half, half * 2);
    let bytesRead = 0;
    for (let pos = 0; pos < size;) {
        const want = Math.min(half, size - pos);
        const n = readPiece(fa, bufA, want, pos, a);
        const m = readPiece(fb, bufB, want, pos, b);
        bytesRead += n + m;
        if (n !== m || n === 0 || bufA.compare(bufB, 0, m, 0, n) !== 0)
            return { same: false, bytesRead };
        pos += n;
    }
    return { same: true, bytesRead };
}
/** Checks files `a` and `b`; `scratch` holds two pieces. */
function checkPair(a, b, scratch) {
    const fa = openForCheck(a);
    let fb = -1;
    try {
        fb = openForCheck(b);
        const sa = (0,external_node_fs_.fstatSync)(fa);
        const sb = (0,external_node_fs_.fstatSync)(fb);
        const content = sa.size === sb.size ? sameContent(fa, fb, sa.size, scratch, a, b) : { same: false, bytesRead: 0 };
        return { ...content, sizeA: sa.size, sizeB: sb.size, modeA: sa.mode & 0o7777, modeB: sb.mode & 0o7777 };
    }
    finally {
        (0,external_node_fs_.closeSync)(fa);
        if (fb >= 0)
            (0,external_node_fs_.closeSync)(fb);
    }
}

// EXTERNAL MODULE: ./src/snapshot/globs.ts
var globs = __webpack_require__(5251);
// EXTERNAL MODULE: ./src/snapshot/walk.ts
var snapshot_walk = __webpack_require__(9767);
;// CONCATENATED MODULE: ./src/snapshot/dir-pair-walk.ts
/**
 * Walks two directory trees side by side, as `diff -rq` does, for a directory-vs-directory diff:
 * each directory of one tree is listed with its namesake in the other, files present in both are
 * compared by bytes at once, and only what differs is reported. Nothing is stat'ed that the answer
 * does not need: a file found in both trees costs an open and an fstat per side (which the byte
 * check needs anyway), and the entries of a subtree present on one side only come from `walkTree`.
 *
 * The rules are capture's (src/snapshot/walk.ts): symlinks are never followed and the roots are not
 * entries. What capture leaves out is still reported, never silently equal: FIFOs, sockets and
 * devices as entries of their own type, names that are not valid UTF-8 (and symlinks whose target
 * is not) as "not compared".
 * Work comes in tasks with a budget, so that two workers share a tree between them: a task that
 * has read enough hands back the directories it has not listed yet.
 */






function kindOf(dirent) {
    if (dirent.isFile())
        return 'file';
    if (dirent.isDirectory())
        return 'dir';
    if (dirent.isSymbolicLink())
        return 'symlink';
    if (dirent.isFIFO() || dirent.isSocket() || dirent.isCharacterDevice() || dirent.isBlockDevice())
        return 'special';
    return null; // the filesystem did not say: lstat decides
}
function kindOfStats(stats) {
    if (stats.isFile())
        return 'file';
    if (stats.isDirectory())
        return 'dir';
    if (stats.isSymbolicLink())
        return 'symlink';
    return 'special';
}
function directoryError(error, abs) {
    const code = error.code;
    if (code === 'EACCES' || code === 'EPERM') {
        return new errors/* OperationError */.OK('E_IO', `cannot read directory ${abs}: permission denied; fix its permissions or leave it out with --exclude`);
    }
    return (0,errors/* fromSystemError */.Kh)(error, `walking ${abs}`);
}
/** A directory's names and kinds; a directory that vanished lists as empty, as in `walkTree`. */
function list(abs) {
    let dirents;
    try {
        dirents = (0,external_node_fs_.readdirSync)(abs, { withFileTypes: true });
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENOENT' || code === 'ENOTDIR')
            return { names: [], kinds: new Map(), invalid: [] };
        throw directoryError(error, abs);
    }
    const kinds = new Map();
    let suspect = false;
    for (const dirent of dirents) {
        const name = dirent.name;
        // Node decodes names as UTF-8 and puts U+FFFD where bytes are invalid; such names are checked raw below.
        if (name.includes('\uFFFD'))
            suspect = true;
        const kind = kindOf(dirent) ?? statKind(abs + name);
        if (kind !== null)
            kinds.set(name, kind);
    }
    const invalid = suspect ? takeInvalidNames(abs, kinds) : [];
    return { names: [...kinds.keys()].sort(), kinds, invalid };
}
function statKind(abs) {
    const stats = (0,external_node_fs_.lstatSync)(abs, { throwIfNoEntry: false });
    return stats === undefined ? null : kindOfStats(stats);
}
/**
 * Takes out names that are not valid UTF-8 (a lossy name names no file, and two such names can
 * decode alike) and returns them escaped, sorted.
 */
function takeInvalidNames(abs, kinds) {
    const valid = new Set();
    const invalid = [];
    for (const name of (0,external_node_fs_.readdirSync)(abs, { encoding: 'buffer' })) {
        if ((0,external_node_buffer_.isUtf8)(name))
            valid.add(name.toString('utf8'));
        else
            invalid.push((0,snapshot_walk/* escapeName */.L$)(name));
    }
    for (const name of [...kinds.keys()])
        if (!valid.has(name))
            kinds.delete(name);
    return invalid.sort();
}
function dirMode(abs) {
    try {
        return (0,external_node_fs_.lstatSync)(abs).mode & 0o7777;
    }
    catch (error) {
        throw (0,errors/* fromSystemError */.Kh)(error, `walking ${abs}`);
    }
}
/** The entry for a path of a known kind, or null when it cannot be an entry (a symlink target that is not UTF-8). */
function entryOf(abs, path, kind) {
    try {
        if (kind === 'dir')
            return { type: 'dir', path, mode: dirMode(abs) };
        if (kind === 'symlink') {
            const target = (0,external_node_fs_.readlinkSync)(abs, { encoding: 'buffer' });
            return (0,external_node_buffer_.isUtf8)(target) ? { type: 'symlink', path, target: target.toString('utf8') } : null;
        }
        const stats = (0,external_node_fs_.lstatSync)(abs);
        const special = (0,snapshot_walk/* specialEntry */.AJ)(path, stats);
        if (special !== undefined)
            return special;
        return { type: 'file', path, mode: stats.mode & 0o7777, size: stats.size, sha256: '', class: 'binary' };
    }
    catch (error) {
        throw (0,errors/* fromSystemError */.Kh)(error, `cannot read ${abs}`);
    }
}
const INVALID_NAME = 'name is not valid UTF-8';
const INVALID_TARGET = 'symlink target is not valid UTF-8';
class PairWalk {
    facts = { only: [], pairs: [], notCompared: [], pending: [], filesChecked: 0, bytesRead: 0 };
    keep;
    task;
    scratch;
    entries = 0;
    constructor(task, scratch) {
        this.task = task;
        this.scratch = scratch;
        const matcher = task.exclude.length > 0 ? (0,globs/* compileGlobs */.t)(task.exclude) : null;
        this.keep = matcher === null ? () => true : (path) => !matcher.matches(path);
    }
    run() {
        const stack = [...this.task.dirs].reverse();
        while (stack.length > 0) {
            if (this.entries >= this.task.maxEntries || this.facts.bytesRead >= this.task.maxBytes) {
                this.facts.pending = stack.reverse();
                break;
            }
            this.visit(stack.pop(), stack);
        }
        return this.facts;
    }
    visit(dir, stack) {
        const { rootA, rootB } = this.task;
        const prefix = dir === '' ? '' : `${dir}/`;
        const a = list(rootA + prefix);
        const b = list(rootB + prefix);
        for (const name of a.invalid)
            this.notCompared(0, prefix + name, INVALID_NAME);
        for (const name of b.invalid)
            this.notCompared(1, prefix + name, INVALID_NAME);
        const subdirs = [];
        let i = 0;
        let j = 0;
        while (i < a.names.length || j < b.names.length) {
            const x = a.names[i];
            const y = b.names[j];
            const name = (x === undefined ? y : y === undefined ? x : x <= y ? x : y);
            const kindA = name === x ? a.kinds.get(name) : undefined;
            const kindB = name === y ? b.kinds.get(name) : undefined;
            if (kindA !== undefined)
                i++;
            if (kindB !== undefined)
                j++;
            this.entries++;
            const path = prefix + name;
            if (kindA === 'dir' && kindB === 'dir') {
                this.bothDirs(path);
                subdirs.push(path);
            }
            else {
                this.compareNames(path, kindA, kindB);
            }
        }
        // Pushed in reverse so the stack pops them in name order.
        for (let k = subdirs.length - 1; k >= 0; k--)
            stack.push(subdirs[k]);
    }
    bothDirs(path) {
        const [modeA, modeB] = [dirMode(this.task.rootA + path), dirMode(this.task.rootB + path)];
        if (modeA !== modeB && this.keep(path)) {
            this.facts.pairs.push({ a: { type: 'dir', path, mode: modeA }, b: { type: 'dir', path, mode: modeB }, sameBytes: true });
        }
    }
    compareNames(path, kindA, kindB) {
        const { rootA, rootB } = this.task;
        if (kindA === 'file' && kindB === 'file') {
            if (!this.keep(path))
                return;
            const check = checkPair(rootA + path, rootB + path, this.scratch);
            this.facts.filesChecked++;
            this.facts.bytesRead += check.bytesRead;
            if (check.same && check.modeA === check.modeB)
                return;
            this.facts.pairs.push({
                a: { type: 'file', path, mode: check.modeA, size: check.sizeA, sha256: '', class: 'binary' },
                b: { type: 'file', path, mode: check.modeB, size: check.sizeB, sha256: '', class: 'binary' },
                sameBytes: check.same,
            });
            return;
        }
        const a = kindA === undefined ? null : entryOf(rootA + path, path, kindA);
        const b = kindB === undefined ? null : entryOf(rootB + path, path, kindB);
        if ((kindA !== undefined && a === null) || (kindB !== undefined && b === null)) {
            // A symlink whose target is not UTF-8: what it points to cannot be told apart from another.
            if (kindA !== undefined && a === null)
                this.notCompared(0, path, INVALID_TARGET);
            if (kindB !== undefined && b === null)
                this.notCompared(1, path, INVALID_TARGET);
        }
        else if (a !== null && b !== null) {
            const differs = a.type !== b.type ||
                (a.type === 'symlink' && b.type === 'symlink' && a.target !== b.target) ||
                (a.type === 'special' && b.type === 'special' && a.what !== b.what);
            if (differs && this.keep(path))
                this.facts.pairs.push({ a, b, sameBytes: false });
        }
        else if (a !== null && this.keep(path)) {
            this.facts.only.push({ side: 0, entry: a });
        }
        else if (b !== null && this.keep(path)) {
            this.facts.only.push({ side: 1, entry: b });
        }
        // A directory whose namesake is missing or of another type: all it holds is on one side only.
        if (a?.type === 'dir')
            this.oneSided(0, path);
        if (b?.type === 'dir')
            this.oneSided(1, path);
    }
    notCompared(side, path, reason) {
        if (this.keep(path))
            this.facts.notCompared.push({ side, path, reason });
    }
    oneSided(side, path) {
        const root = side === 0 ? this.task.rootA : this.task.rootB;
        const walk = (0,snapshot_walk/* walkTree */.Ir)(root + path, (0,globs/* compileGlobs */.t)([]));
        for (const s of walk.skipped) {
            const sub = `${path}/${s.path}`;
            if (s.special !== undefined) {
                if (this.keep(sub))
                    this.facts.only.push({ side, entry: { ...s.special, path: sub } });
            }
            else {
                this.notCompared(side, sub, s.reason);
            }
        }
        for (const e of walk.entries) {
            this.entries++;
            const sub = `${path}/${e.path}`;
            if (!this.keep(sub))
                continue;
            const entry = e.type === 'dir'
                ? { type: 'dir', path: sub, mode: e.mode }
                : e.type === 'symlink'
                    ? { type: 'symlink', path: sub, target: e.target }
                    : { type: 'file', path: sub, mode: e.mode, size: e.size, sha256: '', class: 'binary' };
            this.facts.only.push({ side, entry });
        }
    }
}
/** Runs one task; `scratch` holds the byte check's two pieces. */
function walkDirPair(task, scratch) {
    return new PairWalk(task, scratch).run();
}

// EXTERNAL MODULE: ./src/snapshot/tasks.ts + 2 modules
var tasks = __webpack_require__(1011);
;// CONCATENATED MODULE: ./src/snapshot/task-pool.ts
/**
 * Runs capture tasks on worker threads, or inline when `workers` is 0 (small trees, where starting
 * threads costs more than it saves). Callers see the same promise API either way.
 */






/** Where the worker script is: next to the bundle entry, or the TypeScript source under tests. */
function workerLocation() {
    const here = import.meta.url;
    if (here.endsWith('.ts')) {
        return { url: new URL('./worker.ts', here), execArgv: ['--import', new URL('../dev/ts-worker-hooks.ts', here).href] };
    }
    const name = 'worker.js'; // a variable, so the bundler does not try to inline it as an asset
    return { url: new URL(name, here), execArgv: [] };
}
function rebuildError(e) {
    if (e.name === 'SnapshotFormatError')
        return new errors/* SnapshotFormatError */.wv(e.code, e.message);
    if (e.name === 'OperationError')
        return new errors/* OperationError */.OK(e.code, e.message);
    return new errors/* OperationError */.OK('E_IO', e.message);
}
class TaskPool {
    workers = [];
    idle = [];
    queue = [];
    pending = new Map();
    nextId = 1;
    inlineScratch = null;
    inlinePackScratch = new tasks/* PackScratch */.CZ();
    failure = null;
    size;
    constructor(size) {
        this.size = size;
        if (size === 0)
            return;
        const { url, execArgv } = workerLocation();
        for (let i = 0; i < size; i++) {
            const worker = new external_node_worker_threads_.Worker(url, { execArgv });
            worker.on('message', (response) => this.settle(worker, response));
            worker.on('error', (error) => this.fail(error));
            worker.on('exit', (code) => {
                if (code !== 0 && this.failure === null)
                    this.fail(new errors/* OperationError */.OK('E_IO', `a capture worker exited with code ${code}`));
            });
            this.workers.push(worker);
            this.idle.push(worker);
        }
    }
    async hash(files) {
        if (this.size === 0) {
            await yieldToEventLoop();
            this.inlineScratch ??= Buffer.allocUnsafeSlow(tasks/* SCRATCH_BYTES */.L$);
            return (0,tasks/* hashFiles */.yQ)(files, this.inlineScratch);
        }
        const response = await this.submit({ id: this.nextId++, kind: 'hash', files });
        if (response.kind !== 'hash')
            throw new errors/* OperationError */.OK('E_IO', 'capture worker answered the wrong task');
        return response.result;
    }
    /** Walks a tree on a worker, so two trees can be walked at once. */
    async walk(root, patterns) {
        if (this.size === 0) {
            await yieldToEventLoop();
            return (0,snapshot_walk/* walkTree */.Ir)(root, (0,globs/* compileGlobs */.t)(patterns));
        }
        const response = await this.submit({ id: this.nextId++, kind: 'walk', root, patterns });
        if (response.kind !== 'walk')
            throw new errors/* OperationError */.OK('E_IO', 'capture worker answered the wrong task');
        return (0,snapshot_walk/* unpackWalk */.q3)(response.result);
    }
    /** Walks part of two trees side by side (a directory-vs-directory diff); see dir-pair-walk.ts. */
    async walkDirPair(task) {
        if (this.size === 0) {
            await yieldToEventLoop();
            this.inlineScratch ??= Buffer.allocUnsafeSlow(tasks/* SCRATCH_BYTES */.L$);
            return walkDirPair(task, this.inlineScratch);
        }
        const response = await this.submit({ id: this.nextId++, kind: 'dirpair', task });
        if (response.kind !== 'dirpair')
            throw new errors/* OperationError */.OK('E_IO', 'capture worker answered the wrong task');
        return response.result;
    }
    async pack(job) {
        if (this.size === 0) {
            await yieldToEventLoop();
            return (0,tasks/* packBlock */.Lv)(job, this.inlinePackScratch);
        }
        const response = await this.submit({ id: this.nextId++, kind: 'pack', job });
        if (response.kind !== 'pack')
            throw new errors/* OperationError */.OK('E_IO', 'capture worker answered the wrong task');
        return { stored: Buffer.from(response.stored, response.byteOffset, response.byteLength), sha256: Buffer.from(response.sha256) };
    }
    async close() {
        this.failure ??= new errors/* OperationError */.OK('E_IO', 'task pool closed');
        await Promise.all(this.workers.map((w) => w.terminate()));
    }
    submit(request) {
        if (this.failure !== null)
            return Promise.reject(this.failure);
        return new Promise((resolve, reject) => {
            const pending = { resolve, reject };
            const worker = this.idle.pop();
            if (worker === undefined) {
                this.queue.push({ request, pending });
            }
            else {
                this.pending.set(request.id, pending);
                worker.postMessage(request);
            }
        });
    }
    settle(worker, response) {
        const pending = this.pending.get(response.id);
        this.pending.delete(response.id);
        const next = this.queue.shift();
        if (next === undefined) {
            this.idle.push(worker);
        }
        else {
            this.pending.set(next.request.id, next.pending);
            worker.postMessage(next.request);
        }
        if (pending === undefined)
            return;
        if (response.kind === 'error')
            pending.reject(rebuildError(response.error));
        else
            pending.resolve(response);
    }
    fail(error) {
        this.failure = error;
        for (const p of this.pending.values())
            p.reject(error);
        for (const q of this.queue)
            q.pending.reject(error);
        this.pending.clear();
        this.queue.length = 0;
    }
}
function yieldToEventLoop() {
    return new Promise((resolve) => setImmediate(resolve));
}


/***/ }),

/***/ 1011:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  CZ: () => (/* binding */ PackScratch),
  L$: () => (/* binding */ SCRATCH_BYTES),
  L8: () => (/* binding */ classify),
  yQ: () => (/* binding */ hashFiles),
  Lv: () => (/* binding */ packBlock)
});

// UNUSED EXPORTS: hashFile

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
;// CONCATENATED MODULE: ./src/snapshot/chunker.ts
/**
 * Content-defined chunking (a gear rolling hash with normalised chunk sizes, after FastCDC):
 * cut points depend on the bytes, so an insertion early in a large file moves only nearby
 * boundaries and the rest of its chunks still deduplicate.
 */
const CHUNK_MIN = 256 * 1024;
const CHUNK_AVG = 1024 * 1024;
const CHUNK_MAX = 4 * 1024 * 1024;
/** Files up to this size are stored as one chunk. */
const CHUNKING_THRESHOLD = 2 * 1024 * 1024;
// Below the average size a cut needs more zero bits (rarer), above it fewer: sizes cluster near the average.
const MASK_HARD = 0xfffffc00 | 0; // 22 bits
const MASK_EASY = 0xffffc000 | 0; // 18 bits
/** 256 fixed pseudo-random words; changing them changes chunk boundaries (not readability). */
const GEAR = (() => {
    const table = new Int32Array(256);
    let state = 0x9e3779b9;
    for (let i = 0; i < 256; i++) {
        // xorshift32, seeded with a constant so every build cuts the same way
        state ^= state << 13;
        state ^= state >>> 17;
        state ^= state << 5;
        table[i] = state | 0;
    }
    return table;
})();
/**
 * Finds cut points in a stream fed in buffers of any size. `push` returns the lengths of the chunks
 * completed by that buffer; `finish` returns the length of the last chunk (0 if none is pending).
 */
class Chunker {
    hash = 0;
    length = 0;
    push(buf) {
        const cuts = [];
        const gear = GEAR;
        const n = buf.length;
        let i = 0;
        let h = this.hash;
        let len = this.length;
        while (i < n) {
            // No cut can happen before the minimum size: skip those bytes without hashing them.
            if (len < CHUNK_MIN) {
                const skip = Math.min(CHUNK_MIN - len, n - i);
                len += skip;
                i += skip;
                continue;
            }
            // Two tight loops (hard mask below the average size, easy mask above) rather than choosing
            // the mask per byte: this loop is the chunker's whole cost.
            let cut = false;
            const hardLeft = CHUNK_AVG - 1 - len;
            if (hardLeft > 0) {
                const end = Math.min(n, i + hardLeft);
                let j = i;
                while (j < end) {
                    h = ((h << 1) + gear[buf[j++]]) | 0;
                    if ((h & MASK_HARD) === 0) {
                        cut = true;
                        break;
                    }
                }
                len += j - i;
                i = j;
                if (!cut && i === n)
                    break;
            }
            if (!cut) {
                const end = Math.min(n, i + (CHUNK_MAX - len));
                let j = i;
                while (j < end) {
                    h = ((h << 1) + gear[buf[j++]]) | 0;
                    if ((h & MASK_EASY) === 0) {
                        cut = true;
                        break;
                    }
                }
                len += j - i;
                i = j;
                if (len >= CHUNK_MAX)
                    cut = true;
            }
            if (cut) {
                cuts.push(len);
                len = 0;
                h = 0;
            }
        }
        this.hash = h;
        this.length = len;
        return cuts;
    }
    finish() {
        const last = this.length;
        this.hash = 0;
        this.length = 0;
        return last;
    }
}
/** Chunk lengths of a whole buffer (tests and small inputs). */
function chunkLengths(buf) {
    const chunker = new Chunker();
    const lengths = chunker.push(buf);
    const last = chunker.finish();
    if (last > 0)
        lengths.push(last);
    return lengths;
}

// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
// EXTERNAL MODULE: ./src/snapshot/codecs.ts
var codecs = __webpack_require__(505);
;// CONCATENATED MODULE: ./src/snapshot/classify.ts
/** Decides a file's content class from its first bytes (magic first) and its name (second). */


const COMPRESSED_EXTENSIONS = new Set([
    'gz', 'tgz', 'xz', 'txz', 'zst', 'tzst', 'bz2', 'tbz2', 'lz4', 'lz', 'lzma', 'br', '7z', 'rar',
    'zip', 'jar', 'war', 'ear', 'whl', 'apk', 'aar', 'nupkg', 'vsix', 'crx', 'xpi', 'egg', 'docx', 'xlsx', 'pptx', 'odt',
    'jpg', 'jpeg', 'png', 'gif', 'webp', 'avif', 'heic', 'jxl', 'mp3', 'mp4', 'm4a', 'm4v', 'mkv', 'webm', 'ogg', 'opus', 'flac',
    'mov', 'woff', 'woff2', 'gguf', 'squashfs', 'deb', 'rpm', 'pdf',
]);
const TENSOR_EXTENSIONS = new Set(['safetensors', 'npy', 'pt', 'pth', 'bin', 'ckpt', 'f16', 'bf16', 'f32', 'raw', 'tensor']);
const MAGICS = [
    [0x1f, 0x8b], // gzip
    [0x50, 0x4b, 0x03, 0x04], // zip family
    [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00], // xz
    [0x28, 0xb5, 0x2f, 0xfd], // zstd
    [0x42, 0x5a, 0x68], // bzip2
    [0x04, 0x22, 0x4d, 0x18], // lz4 frame
    [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], // 7z
    [0x89, 0x50, 0x4e, 0x47], // png
    [0xff, 0xd8, 0xff], // jpeg
    [0x47, 0x49, 0x46, 0x38], // gif
    [0x47, 0x47, 0x55, 0x46], // gguf
    [0x77, 0x4f, 0x46, 0x32], // woff2
];
function startsWith(head, magic) {
    if (head.length < magic.length)
        return false;
    for (let i = 0; i < magic.length; i++)
        if (head[i] !== magic[i])
            return false;
    return true;
}
function extensionOf(path) {
    const slash = path.lastIndexOf('/');
    const dot = path.lastIndexOf('.');
    return dot > slash + 1 ? path.slice(dot + 1).toLowerCase() : '';
}
/** True when the first bytes look like text: no NUL in the first 8 KiB and few control bytes in the first 2 KiB. */
function looksLikeText(head) {
    const sniff = head.subarray(0, 8192);
    if (sniff.indexOf(0) >= 0)
        return false; // native memchr: most binaries stop here
    let control = 0;
    const n = Math.min(head.length, 2048);
    for (let i = 0; i < n; i++) {
        const b = head[i];
        if (b < 9 || (b > 13 && b < 32) || b === 127)
            control++;
    }
    return control * 100 <= n;
}
/**
 * Class from the file's first bytes and name. `tensor` is only a candidate: `chooseTensorWidth`
 * decides whether byte grouping actually pays off for it.
 */
function classifyHead(path, head) {
    if (MAGICS.some((magic) => startsWith(head, magic)))
        return 'compressed';
    if (startsWith(head, [0x52, 0x49, 0x46, 0x46]) && head.length >= 12 && String.fromCharCode(...head.subarray(8, 12)) === 'WEBP') {
        return 'compressed';
    }
    const ext = extensionOf(path);
    if (TENSOR_EXTENSIONS.has(ext))
        return 'tensor';
    if (COMPRESSED_EXTENSIONS.has(ext))
        return 'compressed';
    return looksLikeText(head) ? 'text' : 'binary';
}
function zstdSize(data) {
    return (0,external_node_zlib_.zstdCompressSync)(data, { params: { [external_node_zlib_.constants.ZSTD_c_compressionLevel]: 1 } }).length;
}
/**
 * Picks the element width (2 or 4) whose byte grouping compresses a sample best, or 0 when grouping
 * does not beat plain zstd by at least 3 % (then the file is stored as a plain binary).
 * The sample must start at an element-aligned file offset.
 */
function chooseTensorWidth(sample) {
    if (sample.length < 4096)
        return 0;
    const plain = zstdSize(sample);
    let best = 0;
    let bestSize = plain * 0.97;
    for (const width of [2, 4]) {
        const size = zstdSize((0,codecs/* groupBytes */.bY)(sample, width));
        if (size < bestSize) {
            best = width;
            bestSize = size;
        }
    }
    return best;
}

// EXTERNAL MODULE: ./src/snapshot/format.ts
var format = __webpack_require__(6957);
;// CONCATENATED MODULE: ./src/snapshot/tasks.ts
/**
 * The CPU-heavy work of a capture, run inside worker threads (or inline for small trees):
 * `hashFiles` reads each file once to hash, chunk and classify it; `packBlock` gathers a block's
 * chunks from their files, encodes and digests it. Both check the file did not change since the walk.
 */







const SCRATCH_BYTES = 4 * 1024 * 1024;
const TENSOR_SAMPLE_OFFSET = 64 * 1024;
const TENSOR_SAMPLE_BYTES = 256 * 1024;
function openUnchanged(absPath, path, size, mtimeMs) {
    let fd;
    try {
        fd = (0,external_node_fs_.openSync)(absPath, 'r');
    }
    catch (error) {
        throw (0,errors/* fromSystemError */.Kh)(error, `cannot read ${path}`);
    }
    const st = (0,external_node_fs_.fstatSync)(fd);
    if (st.size !== size || st.mtimeMs !== mtimeMs) {
        (0,external_node_fs_.closeSync)(fd);
        throw new errors/* OperationError */.OK('E_CHANGED', `${path} changed while the snapshot was being taken; capture after the build has finished`);
    }
    return fd;
}
function readFully(fd, buf, length, position, path) {
    let done = 0;
    while (done < length) {
        const n = (0,external_node_fs_.readSync)(fd, buf, done, length - done, position + done);
        if (n === 0)
            throw new errors/* OperationError */.OK('E_CHANGED', `${path} became shorter while the snapshot was being taken`);
        done += n;
    }
}
/** Hashes, classifies and (above the threshold) chunks one file with a single read of each byte. */
function hashFile(file, scratch) {
    const fd = openUnchanged(file.absPath, file.path, file.size, file.mtimeMs);
    try {
        const fileHash = (0,external_node_crypto_.createHash)('sha256');
        const chunker = file.size > CHUNKING_THRESHOLD ? new Chunker() : null;
        const chunks = [];
        let chunkHash = (0,external_node_crypto_.createHash)('sha256');
        let chunkFill = 0; // bytes of the current chunk already hashed, from earlier pieces
        let cls = 'text';
        let width = 0;
        let position = 0;
        do {
            const length = Math.min(scratch.length, file.size - position);
            readFully(fd, scratch, length, position, file.path);
            const piece = scratch.subarray(0, length);
            if (position === 0)
                [cls, width] = classify(file.path, piece);
            fileHash.update(piece);
            if (chunker !== null) {
                let from = 0;
                for (const cut of chunker.push(piece)) {
                    const take = cut - chunkFill;
                    chunkHash.update(piece.subarray(from, from + take));
                    chunks.push({ length: cut, sha256: chunkHash.digest('hex') });
                    from += take;
                    chunkHash = (0,external_node_crypto_.createHash)('sha256');
                    chunkFill = 0;
                }
                chunkHash.update(piece.subarray(from));
                chunkFill += length - from;
            }
            position += length;
        } while (position < file.size);
        if (chunker !== null) {
            const last = chunker.finish();
            if (last > 0)
                chunks.push({ length: last, sha256: chunkHash.digest('hex') });
        }
        return { sha256: fileHash.digest('hex'), class: cls, width, chunks: chunks.length > 1 ? chunks : null };
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
function classify(path, head) {
    const cls = classifyHead(path, head);
    if (cls !== 'tensor')
        return [cls, 0];
    // Sample past any header, at an offset that keeps 2- and 4-byte elements aligned.
    const start = head.length >= TENSOR_SAMPLE_OFFSET + TENSOR_SAMPLE_BYTES ? TENSOR_SAMPLE_OFFSET : 0;
    const width = chooseTensorWidth(head.subarray(start, start + TENSOR_SAMPLE_BYTES));
    return width === 0 ? ['binary', 0] : ['tensor', width];
}
function hashFiles(files, scratch) {
    return files.map((file) => hashFile(file, scratch));
}
/** Buffers a thread reuses from block to block, so packing does not churn through large allocations. */
class PackScratch {
    raw = Buffer.alloc(0);
    grouped = Buffer.alloc(0);
    rawBuffer(length) {
        if (this.raw.length < length)
            this.raw = Buffer.from(new ArrayBuffer(length));
        return this.raw.subarray(0, length);
    }
    groupBuffer(length) {
        if (this.grouped.length < length)
            this.grouped = Buffer.from(new ArrayBuffer(length));
        return this.grouped.subarray(0, length);
    }
}
/** Reads a block's chunks from their files into one raw buffer, then encodes and digests it. */
function packBlock(job, scratch) {
    // A stored (uncompressed) block is the raw buffer itself and leaves this thread: give it its own
    // ArrayBuffer. Otherwise reuse the scratch buffer, zeroed where tensor padding leaves gaps.
    const raw = job.codec === format/* Codec */.Ne.none ? Buffer.from(new ArrayBuffer(job.rawLength)) : scratch.rawBuffer(job.rawLength);
    if (job.width > 1)
        raw.fill(0);
    let openPath = '';
    let fd = -1;
    try {
        for (const s of job.segments) {
            if (s.data !== undefined) {
                raw.set(s.data, s.blockOffset);
                continue;
            }
            if (s.absPath !== openPath) {
                if (fd >= 0)
                    (0,external_node_fs_.closeSync)(fd);
                fd = -1;
                fd = openUnchanged(s.absPath, s.absPath, s.size, s.mtimeMs);
                openPath = s.absPath;
            }
            readFully(fd, raw.subarray(s.blockOffset, s.blockOffset + s.length), s.length, s.fileOffset, s.absPath);
        }
    }
    finally {
        if (fd >= 0)
            (0,external_node_fs_.closeSync)(fd);
    }
    const stored = (0,codecs/* encodeBlock */.U$)(raw, job.codec, job.width, job.level, scratch);
    return { stored, sha256: (0,external_node_crypto_.createHash)('sha256').update(stored).digest() };
}


/***/ }),

/***/ 9767:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   AJ: () => (/* binding */ specialEntry),
/* harmony export */   Ir: () => (/* binding */ walkTree),
/* harmony export */   L$: () => (/* binding */ escapeName),
/* harmony export */   q3: () => (/* binding */ unpackWalk)
/* harmony export */ });
/* unused harmony exports msFromNs, packWalk */
/* harmony import */ var node_buffer__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(4573);
/* harmony import */ var node_buffer__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_buffer__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/* harmony import */ var _canonical_json_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(7837);
/**
 * Walks the capture root with lstat semantics: symlinks are recorded with their target text and
 * never followed (so a link to `/` or to a sibling directory adds one entry, not a tree), and
 * anything that is not a file, directory or symlink is skipped with a reason.
 */





/**
 * Lists what `matcher` selects under `root`. Directories are recorded when they hold a recorded
 * entry or are matched themselves (so an empty `dist/empty/` survives `dist/**`); the root is not.
 */
function walkTree(root, matcher, options = {}) {
    const rootAbs = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(root);
    let rootStats;
    try {
        // The root itself may be a symlink (a workspace mounted elsewhere); only what is inside is not followed.
        rootStats = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.statSync)(rootAbs);
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENOENT' || code === 'ENOTDIR') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .OperationError */ .OK('E_NOT_FOUND', `capture root ${rootAbs} does not exist; check the path`);
        }
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .fromSystemError */ .Kh)(error, `reading capture root ${rootAbs}`);
    }
    if (!rootStats.isDirectory()) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .OperationError */ .OK('E_USAGE', `capture root ${rootAbs} is a file, not a directory; pass the directory that holds it and select the file with a pattern`);
    }
    const walk = { matcher, identity: options.identity === true, entries: [], skipped: [] };
    if (matcher.mayContain(''))
        walkDirectory(walk, rootAbs, '');
    walk.entries.sort((a, b) => (0,_canonical_json_js__WEBPACK_IMPORTED_MODULE_4__/* .compareCodePoints */ .OP)(a.path, b.path));
    walk.skipped.sort((a, b) => (0,_canonical_json_js__WEBPACK_IMPORTED_MODULE_4__/* .compareCodePoints */ .OP)(a.path, b.path));
    return { entries: walk.entries, skipped: walk.skipped };
}
/** Orders siblings as their paths will sort: a directory's contents at `name/`, by raw name bytes. */
function compareDirents(a, b) {
    const x = a.name;
    const y = b.name;
    const n = Math.min(x.length, y.length);
    const common = x.compare(y, 0, n, 0, n);
    if (common !== 0)
        return common;
    const nextX = x.length > n ? x[n] : a.isDirectory() ? 0x2f : -1;
    const nextY = y.length > n ? y[n] : b.isDirectory() ? 0x2f : -1;
    return nextX - nextY;
}
/** Walks one directory; returns how many entries it recorded below it. */
function walkDirectory(walk, dirAbs, dirRel) {
    const { matcher, entries, skipped } = walk;
    let dirents;
    try {
        dirents = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readdirSync)(dirAbs, { withFileTypes: true, encoding: 'buffer' });
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENOENT' || code === 'ENOTDIR') {
            skipped.push({ path: dirRel, reason: 'directory vanished or changed during the walk' });
            return 0;
        }
        throw walkError(error, dirAbs, dirRel);
    }
    // Visiting names in the order their paths sort leaves the final sort almost nothing to do.
    dirents.sort(compareDirents);
    const before = entries.length;
    const prefixAbs = dirAbs.endsWith(node_path__WEBPACK_IMPORTED_MODULE_2__.sep) ? dirAbs : dirAbs + node_path__WEBPACK_IMPORTED_MODULE_2__.sep;
    for (const dirent of dirents) {
        const raw = dirent.name;
        if (!(0,node_buffer__WEBPACK_IMPORTED_MODULE_0__.isUtf8)(raw)) {
            // Kept out rather than renamed: a lossy name could not be restored to the same file.
            const path = dirRel === '' ? escapeName(raw) : `${dirRel}/${escapeName(raw)}`;
            if (matcher.matches(path) || matcher.mayContain(path))
                skipped.push({ path, reason: 'name is not valid UTF-8' });
            continue;
        }
        const name = raw.toString('utf8');
        const path = dirRel === '' ? name : `${dirRel}/${name}`;
        // Decide from the dirent type when the filesystem reports one, so unselected files cost no lstat.
        let leafMatched = null;
        if (dirent.isDirectory()) {
            if (!matcher.mayContain(path))
                continue;
        }
        else if (dirent.isFile() || dirent.isSymbolicLink() || hasOtherType(dirent)) {
            leafMatched = matcher.matches(path);
            if (!leafMatched)
                continue;
        }
        const absPath = prefixAbs + name;
        let stats;
        try {
            stats = walk.identity ? (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.lstatSync)(absPath, { bigint: true, throwIfNoEntry: false }) : (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.lstatSync)(absPath, { throwIfNoEntry: false });
        }
        catch (error) {
            throw walkError(error, dirAbs, dirRel);
        }
        if (stats === undefined) {
            skipped.push({ path, reason: 'vanished during the walk' });
            continue;
        }
        if (stats.isDirectory()) {
            // Pushed first so it precedes its contents; dropped again if it turns out to hold nothing selected.
            entries.push({ type: 'dir', path, absPath, mode: Number(stats.mode) & 0o7777 });
            const recorded = matcher.mayContain(path) ? walkDirectory(walk, absPath, path) : 0;
            if (recorded === 0 && !matcher.matchesDir(path))
                entries.pop();
            continue;
        }
        if (!(leafMatched ?? matcher.matches(path)))
            continue;
        if (stats.isFile()) {
            const file = isBigIntStats(stats) ? exactFile(path, absPath, stats) : {
                type: 'file',
                path,
                absPath,
                mode: stats.mode & 0o7777,
                size: stats.size,
                mtimeMs: stats.mtimeMs,
            };
            const inode = inodeKey(stats);
            if (inode !== null)
                file.inode = inode;
            entries.push(file);
        }
        else if (stats.isSymbolicLink()) {
            recordSymlink(walk, path, absPath, dirAbs, dirRel);
        }
        else {
            skipped.push({ path, reason: `${specialKind(stats)}; only files, directories and symlinks are captured`, special: specialEntry(path, stats) });
        }
    }
    return entries.length - before;
}
/**
 * The key of a file with several names; null for one name, or when a plain stat's numbers may have
 * lost bits (overlayfs puts a filesystem id in an inode number's high bits): two files must never
 * share a key.
 */
function inodeKey(stats) {
    if (isBigIntStats(stats))
        return stats.nlink > 1n ? `${stats.dev}:${stats.ino}` : null;
    if (stats.nlink <= 1 || !Number.isSafeInteger(stats.dev) || !Number.isSafeInteger(stats.ino))
        return null;
    return `${stats.dev}:${stats.ino}`;
}
function isBigIntStats(stats) {
    return typeof stats.mode === 'bigint';
}
function exactFile(path, absPath, stats) {
    return {
        type: 'file',
        path,
        absPath,
        mode: Number(stats.mode & 4095n),
        size: Number(stats.size),
        mtimeMs: msFromNs(stats.mtimeNs),
        identity: { dev: stats.dev, ino: stats.ino, mtimeNs: stats.mtimeNs, ctimeNs: stats.ctimeNs },
    };
}
/**
 * The float `mtimeMs` a plain (non-bigint) stat reports for the same time, computed as Node does
 * (seconds * 1e3 + nanoseconds / 1e6, seconds floored): capture's threads compare it with their
 * own fstat to notice a file that changed, so it must be equal to the last bit.
 */
function msFromNs(ns) {
    let seconds = ns / 1000000000n;
    let rest = ns - seconds * 1000000000n;
    if (rest < 0n) {
        seconds -= 1n;
        rest += 1000000000n;
    }
    return Number(seconds) * 1000 + Number(rest) / 1e6;
}
function recordSymlink(walk, path, absPath, dirAbs, dirRel) {
    let target;
    try {
        target = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readlinkSync)(absPath, { encoding: 'buffer' });
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENOENT' || code === 'EINVAL') {
            walk.skipped.push({ path, reason: 'vanished or changed during the walk' });
            return;
        }
        throw walkError(error, dirAbs, dirRel);
    }
    if (!(0,node_buffer__WEBPACK_IMPORTED_MODULE_0__.isUtf8)(target)) {
        walk.skipped.push({ path, reason: 'symlink target is not valid UTF-8' });
        return;
    }
    walk.entries.push({ type: 'symlink', path, absPath, target: target.toString('utf8') });
}
function hasOtherType(dirent) {
    return dirent.isFIFO() || dirent.isSocket() || dirent.isCharacterDevice() || dirent.isBlockDevice();
}
function specialKind(stats) {
    if (stats.isFIFO())
        return 'a FIFO';
    if (stats.isSocket())
        return 'a socket';
    if (stats.isCharacterDevice())
        return 'a character device';
    if (stats.isBlockDevice())
        return 'a block device';
    return 'an unknown file type';
}
/** Linux's encoding of device numbers in `rdev` (glibc's gnu_dev_major/minor). */
function deviceNumbers(rdev) {
    const high = Math.floor(rdev / 2 ** 32);
    const low = rdev % 2 ** 32;
    const major = ((low >>> 8) & 0xfff) | ((high & 0xfffff000) >>> 0);
    const minor = (low & 0xff) | ((low >>> 12) & 0xfff00);
    return `${major},${minor}`;
}
/** What a diff shows for a FIFO, socket or device; undefined for files, directories and symlinks. */
function specialEntry(path, stats) {
    if (stats.isFIFO())
        return { type: 'special', path, what: 'fifo' };
    if (stats.isSocket())
        return { type: 'special', path, what: 'socket' };
    if (stats.isCharacterDevice())
        return { type: 'special', path, what: `character device ${deviceNumbers(Number(stats.rdev))}` };
    if (stats.isBlockDevice())
        return { type: 'special', path, what: `block device ${deviceNumbers(Number(stats.rdev))}` };
    return undefined;
}
/** A name with its invalid UTF-8 bytes as `\xff`: distinct names stay distinct, unlike U+FFFD. */
function escapeName(raw) {
    let out = '';
    let at = 0;
    while (at < raw.length) {
        const width = utf8SequenceLength(raw, at);
        if (width === 0) {
            out += `\\x${raw[at].toString(16).padStart(2, '0')}`;
            at++;
        }
        else {
            out += raw.toString('utf8', at, at + width);
            at += width;
        }
    }
    return out;
}
/** Length of the valid UTF-8 sequence at `at`, or 0 when the byte there starts none. */
function utf8SequenceLength(raw, at) {
    const first = raw[at];
    const width = first < 0x80 ? 1 : first >= 0xc2 && first < 0xe0 ? 2 : first >= 0xe0 && first < 0xf0 ? 3 : first >= 0xf0 && first < 0xf5 ? 4 : 0;
    if (width <= 1 || at + width > raw.length)
        return width === 1 ? 1 : 0;
    return (0,node_buffer__WEBPACK_IMPORTED_MODULE_0__.isUtf8)(raw.subarray(at, at + width)) ? width : 0;
}
function walkError(error, dirAbs, dirRel) {
    const code = error.code;
    if (code === 'EACCES' || code === 'EPERM') {
        const exclude = dirRel === '' ? '' : ` (e.g. "!${dirRel}")`;
        return new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .OperationError */ .OK('E_IO', `cannot read directory ${dirAbs}: permission denied; fix its permissions or exclude it from the patterns${exclude}`);
    }
    return (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .fromSystemError */ .Kh)(error, `walking ${dirAbs}`);
}
const TYPE_CODES = { file: 0, dir: 1, symlink: 2 };
function packWalk(root, walk) {
    const n = walk.entries.length;
    const packed = {
        root: resolve(root),
        paths: new Array(n),
        types: new Uint8Array(n),
        modes: new Uint32Array(n),
        sizes: new Float64Array(n),
        mtimes: new Float64Array(n),
        targets: [],
        skipped: walk.skipped,
    };
    walk.entries.forEach((e, i) => {
        packed.paths[i] = e.path;
        packed.types[i] = TYPE_CODES[e.type];
        if (e.type === 'symlink')
            packed.targets.push(e.target);
        else
            packed.modes[i] = e.mode;
        if (e.type === 'file') {
            packed.sizes[i] = e.size;
            packed.mtimes[i] = e.mtimeMs;
        }
    });
    return packed;
}
/** Inverse of `packWalk`. */
function unpackWalk(packed) {
    const prefix = packed.root.endsWith(node_path__WEBPACK_IMPORTED_MODULE_2__.sep) ? packed.root : packed.root + node_path__WEBPACK_IMPORTED_MODULE_2__.sep;
    let target = 0;
    const entries = packed.paths.map((path, i) => {
        const absPath = prefix + (node_path__WEBPACK_IMPORTED_MODULE_2__.sep === '/' ? path : path.split('/').join(node_path__WEBPACK_IMPORTED_MODULE_2__.sep));
        const type = packed.types[i];
        if (type === TYPE_CODES.dir)
            return { type: 'dir', path, absPath, mode: packed.modes[i] };
        if (type === TYPE_CODES.symlink)
            return { type: 'symlink', path, absPath, target: packed.targets[target++] };
        return { type: 'file', path, absPath, mode: packed.modes[i], size: packed.sizes[i], mtimeMs: packed.mtimes[i] };
    });
    return { entries, skipped: packed.skipped };
}


/***/ })

};
