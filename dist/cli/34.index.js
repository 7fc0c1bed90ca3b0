export const id = 34;
export const ids = [34];
export const modules = {

/***/ 3034:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   rewriteSnapshot: () => (/* binding */ rewriteSnapshot)
/* harmony export */ });
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(3916);
/* harmony import */ var _snapshot_atomic_file_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(5118);
/* harmony import */ var _snapshot_block_planner_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(7800);
/* harmony import */ var _snapshot_capture_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(7777);
/* harmony import */ var _snapshot_capture_pipeline_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(7245);
/* harmony import */ var _snapshot_format_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(6957);
/* harmony import */ var _snapshot_tasks_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(1011);
/* harmony import */ var _snapshot_task_pool_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(5730);
/* harmony import */ var _encoder_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(5282);
/* harmony import */ var _layers_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(6738);
/**
 * Writes a snapshot's tree again from its own bytes: as a full snapshot (`flatten`), or as a delta
 * against one of its ancestors (`merge`). Blocks are planned exactly as a capture plans them, so
 * flattening gives the very file a full capture of the same tree would have given.
 */













async function rewriteSnapshot(source, output, options) {
    const parent = options.parent;
    const major = parent === null ? _snapshot_format_js__WEBPACK_IMPORTED_MODULE_8__/* .FORMAT_MAJOR */ .GY : _snapshot_format_js__WEBPACK_IMPORTED_MODULE_8__/* .DELTA_MAJOR */ .zg;
    const pool = new _snapshot_task_pool_js__WEBPACK_IMPORTED_MODULE_10__/* .TaskPool */ .Y(Math.min(2, (0,node_os__WEBPACK_IMPORTED_MODULE_0__.availableParallelism)()));
    const out = new _snapshot_atomic_file_js__WEBPACK_IMPORTED_MODULE_4__/* .AtomicFile */ .A0((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(output));
    try {
        out.write((0,_snapshot_format_js__WEBPACK_IMPORTED_MODULE_8__/* .encodeHeader */ .YS)(major));
        const planner = new _snapshot_block_planner_js__WEBPACK_IMPORTED_MODULE_5__/* .BlockPlanner */ .Sj();
        const blocks = [];
        const writer = new _snapshot_capture_pipeline_js__WEBPACK_IMPORTED_MODULE_7__/* .BlockWriter */ .$7(pool, out, blocks, pool.size);
        // Read first: the encoder's parse of the parent's entries then reuses these bytes.
        const parentEntries = parent?.reader.rawEntries() ?? null;
        const delta = parent === null ? null : new _encoder_js__WEBPACK_IMPORTED_MODULE_11__/* .DeltaEncoder */ .J(parent.reader);
        const entries = [];
        const total = source.summary.stats.bytes;
        let done = 0;
        for (const e of source.manifest.entries) {
            if (e.type !== 'file') {
                entries.push(e);
                continue;
            }
            const entry = { type: 'file', path: e.path, mode: e.mode, size: e.size, sha256: e.sha256, class: e.class };
            if (e.chunks !== undefined)
                entry.chunks = e.chunks;
            await planFile(source, e, entry, planner, delta);
            entries.push(entry);
            await writer.enqueue(planner.takeSealed());
            done += e.size;
            options.onProgress?.(done, total);
        }
        await writer.enqueue(planner.finish());
        await writer.drain();
        const files = entries.filter((e) => e.type === 'file').length;
        const { depth: _depth, parentRef: _ref, entriesPatch: _patch, ...summary } = source.summary;
        const manifest = {
            ...summary,
            entries,
            ...(0,_snapshot_capture_js__WEBPACK_IMPORTED_MODULE_6__/* .parentFields */ .wH)(parent),
            stats: {
                ...source.summary.stats,
                files,
                chunks: planner.chunks.length,
                blocks: blocks.length,
                storedBytes: blocks.reduce((sum, b) => sum + b.storedLength, 0),
                classes: (0,_snapshot_capture_js__WEBPACK_IMPORTED_MODULE_6__/* .classTotals */ .ys)(entries),
            },
        };
        const size = (0,_snapshot_capture_js__WEBPACK_IMPORTED_MODULE_6__/* .finishSnapshot */ .CL)(out, manifest, blocks, planner.chunks, major, parentEntries);
        return { output: out.target, manifest, size, delta: delta?.stats ?? null };
    }
    catch (error) {
        out.abort();
        throw error;
    }
    finally {
        await pool.close();
    }
}
/**
 * Plans one file's chunks from the source's bytes. A tensor's element width is not recorded, so
 * it is chosen again from the file's first 4 MiB exactly as capture chose it.
 */
async function planFile(source, e, entry, planner, delta) {
    const digests = e.size === 0 ? [] : (e.chunks ?? [e.sha256]);
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_2__.createHash)('sha256');
    const held = [];
    let heldBytes = 0;
    let width = -1;
    let offset = 0;
    const place = async (c) => {
        if (delta === null) {
            planner.addData(e.class, width, e.size, c.hex, c.offset, c.bytes);
            return;
        }
        const placed = await delta.place({ path: e.path, cls: e.class, digests, sha256: c.hex, offset: c.offset, length: c.bytes.length, read: () => c.bytes });
        if (placed.kind === 'whole')
            planner.addData(e.class, width, e.size, c.hex, c.offset, c.bytes);
        if (placed.kind === 'patch') {
            planner.addData('compressed', 0, placed.data.length, placed.ref.patch, 0, placed.data);
            (entry.patches ??= []).push(placed.ref);
        }
    };
    for (const hex of digests) {
        const bytes = Buffer.from((0,_layers_js__WEBPACK_IMPORTED_MODULE_12__/* .chunkBytes */ .nr)(source, hex, e.path));
        hash.update(bytes);
        held.push({ hex, offset, bytes });
        heldBytes += bytes.length;
        offset += bytes.length;
        if (width < 0 && heldBytes < Math.min(e.size, _snapshot_tasks_js__WEBPACK_IMPORTED_MODULE_9__/* .SCRATCH_BYTES */ .L$))
            continue;
        if (width < 0)
            width = e.class === 'tensor' ? (0,_snapshot_tasks_js__WEBPACK_IMPORTED_MODULE_9__/* .classify */ .L8)(e.path, Buffer.concat(held.map((h) => h.bytes)).subarray(0, _snapshot_tasks_js__WEBPACK_IMPORTED_MODULE_9__/* .SCRATCH_BYTES */ .L$))[1] : 0;
        for (const c of held.splice(0))
            await place(c);
    }
    if (offset !== e.size || hash.digest('hex') !== e.sha256) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .SnapshotFormatError */ .wv('E_CHECKSUM', `${source.path}: ${e.path}: content does not match its SHA-256: the snapshot or one of its parents is damaged; run vitsnap verify on it`);
    }
}


/***/ })

};
