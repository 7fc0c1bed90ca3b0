export const id = 777;
export const ids = [777];
export const modules = {

/***/ 5282:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ DeltaEncoder),
/* harmony export */   f: () => (/* binding */ readChunkFromDisk)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(3916);
/* harmony import */ var _snapshot_codecs_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(505);
/* harmony import */ var _patch_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(6572);
/* harmony import */ var _layers_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(6738);
/**
 * What a delta snapshot stores for each chunk of the new tree: nothing when a layer below already
 * has it; else a patch against the parent's version of the same path (or of a renamed file that
 * shares chunks with it) when that is smaller than the chunk compressed on its own.
 */






/**
 * How far around a chunk's own offset its base range reaches into the parent's file: edits that
 * insert or remove up to this much before it still find its old bytes. 2 MiB each side keeps a
 * dictionary at most 8 MiB (a 4 MiB chunk plus margins), which zstd loads in a few milliseconds.
 */
const BASE_MARGIN = 2 * 1024 * 1024;
/** The class level a whole chunk would be stored at (block-planner's LEVEL for text and binaries). */
const WHOLE_LEVEL = 2;
class DeltaEncoder {
    stats = { inherited: 0, inheritedBytes: 0, patched: 0, patchedBytes: 0, patchBytes: 0, whole: 0, wholeBytes: 0 };
    parent;
    byPath = null;
    byChunk = null;
    planned = new Set();
    constructor(parent) {
        this.parent = parent;
    }
    async place(chunk) {
        if (this.planned.has(chunk.sha256))
            return { kind: 'planned' };
        this.planned.add(chunk.sha256);
        if ((0,_layers_js__WEBPACK_IMPORTED_MODULE_5__/* .hasChunk */ .KQ)(this.parent, chunk.sha256)) {
            this.stats.inherited++;
            this.stats.inheritedBytes += chunk.length;
            return { kind: 'inherited' };
        }
        const base = this.baseFile(chunk);
        if (base !== undefined && base.size > 0) {
            const from = Math.max(0, Math.min(chunk.offset, base.size) - BASE_MARGIN);
            const to = Math.min(base.size, chunk.offset + chunk.length + BASE_MARGIN);
            const target = chunk.read();
            const dictionary = (0,_layers_js__WEBPACK_IMPORTED_MODULE_5__/* .readRange */ .qX)(this.parent, base.sha256, from, to - from, chunk.path);
            const data = await (0,_patch_js__WEBPACK_IMPORTED_MODULE_4__/* .encodePatch */ .Dw)(dictionary, target);
            const whole = chunk.cls === 'compressed' ? target.length : (0,_snapshot_codecs_js__WEBPACK_IMPORTED_MODULE_3__/* .zstdCompress */ .oq)(target, WHOLE_LEVEL).length;
            if (data.length < whole) {
                this.stats.patched++;
                this.stats.patchedBytes += chunk.length;
                this.stats.patchBytes += data.length;
                const patch = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(data).digest('hex');
                return { kind: 'patch', data, ref: { chunk: chunk.sha256, size: chunk.length, patch, base: base.sha256, offset: from, length: to - from } };
            }
        }
        this.stats.whole++;
        this.stats.wholeBytes += chunk.length;
        return { kind: 'whole' };
    }
    /** The parent's file at the same path, else one that shares a chunk with this file (a rename). */
    baseFile(chunk) {
        if (this.byPath === null) {
            this.byPath = new Map();
            for (const e of this.parent.manifest.entries)
                if (e.type === 'file')
                    this.byPath.set(e.path, e);
        }
        const same = this.byPath.get(chunk.path);
        if (same !== undefined)
            return same;
        if (chunk.digests.length < 2)
            return undefined;
        if (this.byChunk === null) {
            this.byChunk = new Map();
            for (const e of this.parent.manifest.entries)
                if (e.type === 'file' && e.chunks !== undefined)
                    for (const c of e.chunks)
                        if (!this.byChunk.has(c))
                            this.byChunk.set(c, e);
        }
        for (const d of chunk.digests) {
            const twin = this.byChunk.get(d);
            if (twin !== undefined)
                return twin;
        }
        return undefined;
    }
}
/** A chunk's bytes from disk, checked against the digest the hash pass gave it. */
function readChunkFromDisk(chunk) {
    const buf = Buffer.allocUnsafe(chunk.length);
    const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.openSync)(chunk.absPath, 'r');
    try {
        let done = 0;
        while (done < chunk.length) {
            const n = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readSync)(fd, buf, done, chunk.length - done, chunk.offset + done);
            if (n === 0)
                break;
            done += n;
        }
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.closeSync)(fd);
    }
    if ((0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(buf).digest('hex') !== chunk.sha256) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .OperationError */ .OK('E_CHANGED', `${chunk.path} changed while the snapshot was being taken; capture after the build has finished`);
    }
    return buf;
}


/***/ }),

/***/ 7777:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  d: () => (/* binding */ captureSnapshot),
  ys: () => (/* binding */ classTotals),
  CL: () => (/* binding */ finishSnapshot),
  wH: () => (/* binding */ parentFields)
});

// UNUSED EXPORTS: EMPTY_SOURCE, createdAtFrom

// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/version.ts
var version = __webpack_require__(311);
// EXTERNAL MODULE: ./src/snapshot/atomic-file.ts
var atomic_file = __webpack_require__(5118);
// EXTERNAL MODULE: ./src/snapshot/block-planner.ts
var block_planner = __webpack_require__(7800);
// EXTERNAL MODULE: ./src/snapshot/format.ts
var format = __webpack_require__(6957);
// EXTERNAL MODULE: ./src/snapshot/globs.ts
var globs = __webpack_require__(5251);
// EXTERNAL MODULE: ./src/snapshot/paths.ts
var paths = __webpack_require__(8588);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/snapshot/canonical-json.ts
var canonical_json = __webpack_require__(7837);
// EXTERNAL MODULE: ./src/snapshot/codecs.ts
var codecs = __webpack_require__(505);
// EXTERNAL MODULE: ./src/delta/patch.ts
var delta_patch = __webpack_require__(6572);
;// CONCATENATED MODULE: ./src/snapshot/snapshot-tail.ts
/**
 * Writes what follows the blocks: the entries and the manifest summary (canonical JSON, zstd each),
 * the index and the trailer.
 */






/** The summary is small and read by `info`; the entry list is large and only read to restore or compare. */
const SUMMARY_LEVEL = 6;
const ENTRIES_LEVEL = 3;
/** A patch this much smaller than the raw list needs no plain frame to beat. */
const CLEARLY_SMALLER = 16;
const sha256 = (data) => (0,external_node_crypto_.createHash)('sha256').update(data).digest();
/**
 * `manifest` is written as given (the caller has validated it; tests forge hostile ones): its
 * `entries` become the entries section, the rest the manifest section. `chunks` are sorted here.
 * `wellFormed` entries (capture's own) take the fast serializer; forged ones the generic one.
 * `entriesBase`, for a delta, is the parent's raw entries section: the entries are stored as a
 * patch against it when that is smaller, and the manifest says so (`entriesPatch`, format.md 16).
 * Returns whether they were.
 */
function writeSnapshotTail(out, manifest, blocks, chunks, wellFormed = false, major = format/* FORMAT_MAJOR */.GY, entriesBase = null) {
    const { entries, ...rest } = manifest;
    const entriesRaw = Buffer.from(wellFormed ? (0,canonical_json/* canonicalEntriesJson */.Tb)(entries) : (0,canonical_json/* canonicalJson */.dj)(entries));
    const { stored: entriesStored, entriesPatch } = storeEntries(entriesRaw, entriesBase);
    const summary = entriesPatch ? { ...rest, entriesPatch: true } : rest;
    const summaryRaw = Buffer.from((0,canonical_json/* canonicalJson */.dj)(summary));
    if (wellFormed)
        checkReadable(entries, entriesRaw, summaryRaw);
    const summaryStored = (0,codecs/* zstdCompress */.oq)(summaryRaw, SUMMARY_LEVEL);
    chunks.sort((a, b) => Buffer.compare(a.sha256, b.sha256));
    const index = (0,format/* encodeIndex */.bj)(blocks, chunks);
    const entriesOffset = out.position;
    const manifestOffset = entriesOffset + entriesStored.length;
    out.write(entriesStored);
    out.write(summaryStored);
    out.write(index);
    out.write((0,format/* encodeTrailer */.CH)({
        entriesOffset,
        entriesStoredLength: entriesStored.length,
        entriesRawLength: entriesRaw.length,
        manifestOffset,
        manifestStoredLength: summaryStored.length,
        manifestRawLength: summaryRaw.length,
        indexOffset: manifestOffset + summaryStored.length,
        indexLength: index.length,
        blockCount: blocks.length,
        chunkCount: chunks.length,
        entriesSha256: sha256(entriesStored),
        manifestSha256: sha256(summaryStored),
        indexSha256: sha256(index),
    }, major));
    return { entriesPatch };
}
/** The entries as a patch against `base` when there is one and it is smaller, else as plain zstd. */
function storeEntries(raw, base) {
    if (base === null)
        return { stored: (0,codecs/* zstdCompress */.oq)(raw, ENTRIES_LEVEL), entriesPatch: false };
    const patch = (0,delta_patch/* encodeEntriesPatch */.jN)(base, raw);
    if (patch.length * CLEARLY_SMALLER <= raw.length)
        return { stored: patch, entriesPatch: true };
    const plain = (0,codecs/* zstdCompress */.oq)(raw, ENTRIES_LEVEL);
    return patch.length < plain.length ? { stored: patch, entriesPatch: true } : { stored: plain, entriesPatch: false };
}
/** A capture must not write what a reader refuses (docs/format.md 9.1): fail now, naming the limit. */
function checkReadable(entries, entriesRaw, summaryRaw) {
    const over = (what) => {
        throw new errors/* SnapshotFormatError */.wv('E_LIMIT', `${what}, more than a snapshot can hold (docs/format.md, "Hard limits"); capture fewer files (narrow the globs or capture subdirectories separately)`);
    };
    if (entries.length > format/* LIMITS */.b1.entryCount)
        over(`the tree has ${entries.length} entries, over ${format/* LIMITS */.b1.entryCount}`);
    if (entriesRaw.length > format/* LIMITS */.b1.entriesRawBytes)
        over(`the entry list is ${entriesRaw.length} bytes, over ${format/* LIMITS */.b1.entriesRawBytes}`);
    if (summaryRaw.length > format/* LIMITS */.b1.manifestRawBytes)
        over(`the manifest is ${summaryRaw.length} bytes, over ${format/* LIMITS */.b1.manifestRawBytes}`);
}

// EXTERNAL MODULE: ./src/snapshot/capture-pipeline.ts
var capture_pipeline = __webpack_require__(7245);
// EXTERNAL MODULE: ./src/snapshot/task-pool.ts + 2 modules
var task_pool = __webpack_require__(5730);
// EXTERNAL MODULE: ./src/snapshot/walk.ts
var snapshot_walk = __webpack_require__(9767);
// EXTERNAL MODULE: ./src/delta/encoder.ts
var encoder = __webpack_require__(5282);
;// CONCATENATED MODULE: ./src/snapshot/capture.ts
/**
 * `captureSnapshot`: walk → hash/chunk/classify (threads) → plan blocks in file order → encode
 * blocks (threads, bounded window) → write header, blocks, manifest, index, trailer atomically.
 */















const EMPTY_SOURCE = { repository: null, ref: null, sha: null, dirty: null, runId: null };
function createdAtFrom(sourceDateEpoch) {
    if (sourceDateEpoch === undefined || sourceDateEpoch === '')
        return null;
    // 8.64e12 s is the last instant a JavaScript Date (and so an ISO timestamp) can hold.
    if (!/^\d{1,13}$/.test(sourceDateEpoch) || Number(sourceDateEpoch) > 8_640_000_000_000) {
        throw new errors/* OperationError */.OK('E_INPUT', `SOURCE_DATE_EPOCH must be whole seconds since 1970 (got ${JSON.stringify(sourceDateEpoch)}); unset it or fix its value`);
    }
    return new Date(Number(sourceDateEpoch) * 1000).toISOString();
}
function classTotals(entries) {
    const totals = {
        text: { files: 0, bytes: 0 },
        binary: { files: 0, bytes: 0 },
        compressed: { files: 0, bytes: 0 },
        tensor: { files: 0, bytes: 0 },
    };
    for (const e of entries) {
        if (e.type !== 'file')
            continue;
        totals[e.class].files++;
        totals[e.class].bytes += e.size;
    }
    return totals;
}
function symlinkTargetProblem(target) {
    if (target.length === 0)
        return 'empty symlink target';
    if (!target.isWellFormed())
        return 'symlink target is not well-formed Unicode';
    return Buffer.byteLength(target) > format/* LIMITS */.b1.symlinkTargetBytes ? 'symlink target is too long' : null;
}
/** Fails before any work when the output cannot be written where asked. */
function checkOutputPath(output) {
    const dir = (0,external_node_path_.dirname)(output);
    let st;
    try {
        st = (0,external_node_fs_.statSync)(dir);
    }
    catch {
        throw new errors/* OperationError */.OK('E_NOT_FOUND', `cannot write ${output}: directory ${dir} does not exist; create it first`);
    }
    if (!st.isDirectory())
        throw new errors/* OperationError */.OK('E_USAGE', `cannot write ${output}: ${dir} is not a directory`);
    try {
        if ((0,external_node_fs_.statSync)(output).isDirectory())
            throw new errors/* OperationError */.OK('E_USAGE', `cannot write ${output}: it is a directory; pass a file name such as ${(0,external_node_path_.join)(output, 'build.vitsnap')}`);
    }
    catch (error) {
        if (error.name === 'OperationError')
            throw error;
    }
}
/**
 * For each file, the index of an earlier name of the same inode that will be read (its result is
 * this file's too), or -1 to read it. Names whose lstat saw another size or mtime are read on
 * their own: the file changed between the two and the thread's check must see it.
 */
function hardLinkTwins(files, earlier) {
    const first = new Map();
    return files.map((f, i) => {
        if (f.inode === undefined || earlier[i] !== null)
            return -1;
        const at = first.get(f.inode);
        if (at === undefined) {
            first.set(f.inode, i);
            return -1;
        }
        const twin = files[at];
        return twin.size === f.size && twin.mtimeMs === f.mtimeMs ? at : -1;
    });
}
/** The manifest members that name a delta's parent: `parent: null` alone for a full snapshot. */
function parentFields(parent) {
    return parent === null ? { parent: null } : { parent: parent.digest, depth: (parent.reader.summary.depth ?? 0) + 1, parentRef: parent.ref };
}
/**
 * Writes what follows the blocks and moves the file into place; returns its size. A delta's
 * entries are stored against its parent's raw entries when that is smaller (`manifest.entriesPatch`
 * is then set).
 */
function finishSnapshot(out, manifest, blocks, chunks, major, parentEntries) {
    const { entriesPatch } = writeSnapshotTail(out, manifest, blocks, chunks, true, major, parentEntries);
    if (entriesPatch)
        manifest.entriesPatch = true;
    const size = out.position;
    out.commit();
    return size;
}
async function captureSnapshot(options) {
    const stop = new AbortController();
    const collecting = typeof options.metadata === 'function' ? options.metadata(stop.signal) : null;
    collecting?.catch(() => undefined); // awaited at the end; a failure before then must not go unhandled
    try {
        return await capture(options, collecting);
    }
    catch (error) {
        stop.abort();
        throw error;
    }
}
async function capture(options, collecting) {
    const root = (0,external_node_path_.resolve)(options.root);
    const createdAt = createdAtFrom(options.sourceDateEpoch);
    checkOutputPath((0,external_node_path_.resolve)(options.output));
    // Threads start while we walk; small trees shut them down again and run inline. A delta with an
    // earlier capture's records usually reads next to nothing: its threads start after the walk,
    // when the bytes left to read are known (starting them costs ~0.1 s of CPU each).
    const threads = options.workers ?? Math.min(2, (0,external_node_os_.availableParallelism)());
    const lazyPool = options.workers === undefined && options.parent !== undefined && options.reuse?.hasRecords === true;
    const eagerPool = threads > 0 && !lazyPool ? new task_pool/* TaskPool */.Y(threads) : null;
    // Temp files of an interrupted capture are never part of a tree's contents.
    let walk;
    try {
        // `.git` is never a build output, and `.git/config` can hold the job's token (actions/checkout
        // persists it there): never captured, whatever the patterns say.
        const always = [`!**/${atomic_file/* TEMP_MARKER */.IE}*`, '!**/.git', ...(options.excludeHidden === true ? ['!**/.*'] : [])];
        walk = (0,snapshot_walk/* walkTree */.Ir)(root, (0,globs/* compileGlobs */.t)([...options.patterns, ...always]), { identity: options.reuse !== undefined });
    }
    catch (error) {
        await eagerPool?.close();
        throw error;
    }
    const skipped = [...walk.skipped];
    const walked = walk.entries.filter((e) => {
        const problem = (0,paths/* entryPathProblem */.h)(e.path) ?? (e.type === 'symlink' ? symlinkTargetProblem(e.target) : null);
        if (problem !== null)
            skipped.push({ path: e.path, reason: `${problem}; a snapshot cannot hold it` });
        return problem === null;
    });
    const files = walked.filter((e) => e.type === 'file');
    if (walked.length === 0 && options.allowEmpty !== true) {
        await eagerPool?.close();
        const what = options.patterns.length > 0 ? options.patterns.join(', ') : '**';
        throw new errors/* OperationError */.OK('E_NOT_FOUND', `no files under ${root} match ${what}; check the globs and the root (-C), or pass --allow-empty`);
    }
    const totalBytes = files.reduce((sum, f) => sum + f.size, 0);
    const earlier = files.map((f) => options.reuse?.lookup(f) ?? null);
    const sameAs = hardLinkTwins(files, earlier);
    const toHash = files.filter((_, i) => earlier[i] === null && sameAs[i] === -1);
    const hashBytes = toHash.reduce((sum, f) => sum + f.size, 0);
    let pool = eagerPool ?? new task_pool/* TaskPool */.Y(lazyPool && hashBytes >= capture_pipeline/* INLINE_BELOW_BYTES */.gE ? threads : 0);
    if (options.workers === undefined && totalBytes < capture_pipeline/* INLINE_BELOW_BYTES */.gE) {
        await pool.close();
        pool = new task_pool/* TaskPool */.Y(0);
    }
    const workers = pool.size;
    let out;
    try {
        out = new atomic_file/* AtomicFile */.A0((0,external_node_path_.resolve)(options.output), { hash: true });
    }
    catch (error) {
        await pool.close();
        throw error;
    }
    try {
        const hashed = new capture_pipeline/* HashPipeline */.$C(pool, (0,capture_pipeline/* batchFiles */.ul)(toHash), Math.max(2, workers * 2), hashBytes, options.onProgress);
        let fileIndex = 0;
        const parent = options.parent ?? null;
        const major = parent === null ? format/* FORMAT_MAJOR */.GY : format/* DELTA_MAJOR */.zg;
        out.write((0,format/* encodeHeader */.YS)(major));
        const planner = new block_planner/* BlockPlanner */.Sj();
        // Read first: the encoder's parse of the parent's entries then reuses these bytes.
        const parentEntries = parent?.reader.rawEntries() ?? null;
        const delta = parent === null ? null : new encoder/* DeltaEncoder */.J(parent.reader);
        const entries = [];
        // Results a hard link's later names take from its first name, kept only for those.
        const linked = new Map(sameAs.filter((at) => at !== -1).map((at) => [at, null]));
        const blocks = [];
        const writer = new capture_pipeline/* BlockWriter */.$7(pool, out, blocks, workers);
        for (const e of walked) {
            if (e.type === 'dir') {
                entries.push({ type: 'dir', path: e.path, mode: e.mode });
            }
            else if (e.type === 'symlink') {
                entries.push({ type: 'symlink', path: e.path, target: e.target });
            }
            else {
                const twin = sameAs[fileIndex];
                const h = earlier[fileIndex] ?? (twin === -1 ? await hashed.next() : linked.get(twin));
                if (linked.has(fileIndex))
                    linked.set(fileIndex, h);
                fileIndex++;
                options.reuse?.record(e, h);
                const entry = { type: 'file', path: e.path, mode: e.mode, size: e.size, sha256: h.sha256, class: h.class };
                if (h.chunks !== null)
                    entry.chunks = h.chunks.map((c) => c.sha256);
                const pieces = h.chunks ?? (e.size > 0 ? [{ sha256: h.sha256, length: e.size }] : []);
                let offset = 0;
                for (const c of pieces) {
                    if (delta === null) {
                        planner.addChunk(e, h.class, h.width, c.sha256, offset, c.length);
                    }
                    else {
                        const digests = entry.chunks ?? [h.sha256];
                        const chunk = { path: e.path, absPath: e.absPath, sha256: c.sha256, offset, length: c.length };
                        const placed = await delta.place({ ...chunk, cls: h.class, digests, read: () => (0,encoder/* readChunkFromDisk */.f)(chunk) });
                        if (placed.kind === 'whole')
                            planner.addChunk(e, h.class, h.width, c.sha256, offset, c.length);
                        if (placed.kind === 'patch') {
                            planner.addData('compressed', 0, placed.data.length, placed.ref.patch, 0, placed.data);
                            (entry.patches ??= []).push(placed.ref);
                        }
                    }
                    offset += c.length;
                }
                entries.push(entry);
                await writer.enqueue(planner.takeSealed());
            }
        }
        await writer.enqueue(planner.finish());
        await writer.drain();
        const collected = collecting === null ? null : await collecting;
        const manifest = {
            tool: { name: 'vitsnap', version: version/* VERSION */.x },
            createdAt,
            source: collected?.source ?? EMPTY_SOURCE,
            metadata: collected?.metadata ?? null,
            entries,
            ...parentFields(parent),
            stats: {
                files: files.length,
                dirs: entries.filter((e) => e.type === 'dir').length,
                symlinks: entries.filter((e) => e.type === 'symlink').length,
                bytes: totalBytes,
                chunks: planner.chunks.length,
                blocks: blocks.length,
                storedBytes: blocks.reduce((sum, b) => sum + b.storedLength, 0),
                classes: classTotals(entries),
            },
        };
        const size = finishSnapshot(out, manifest, blocks, planner.chunks, major, parentEntries);
        const reused = earlier.reduce((n, e) => (e === null ? n : n + 1), 0);
        return { output: out.target, manifest, size, skipped, delta: delta?.stats ?? null, reused, sha256: out.sha256 };
    }
    catch (error) {
        out.abort();
        throw error;
    }
    finally {
        await pool.close();
    }
}


/***/ })

};
