#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 142:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  SI: () => (/* binding */ EXIT_ERROR),
  Xd: () => (/* binding */ installSignalHandlers),
  ak: () => (/* binding */ runCli)
});

// UNUSED EXPORTS: EXIT_DRIFT, EXIT_OK

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
;// CONCATENATED MODULE: ./src/errors.ts
/**
 * The few error classes vitsnap throws. Each carries a stable `code`
 * (listed in docs/format.md, "Errors") and a message that says what to do next. Match on `name`/`code`, never `instanceof`: the action
 * and the CLI are separate bundles.
 */
class VitsnapError extends Error {
}
/** The snapshot file is damaged, hostile, or from an unknown version. */
class SnapshotFormatError extends VitsnapError {
    name = 'SnapshotFormatError';
    code;
    constructor(code, message) {
        super(message);
        this.code = code;
    }
}
/** Restoring an entry would write outside the target directory or through a symlink. */
class UnsafePathError extends VitsnapError {
    name = 'UnsafePathError';
    code = 'E_UNSAFE_PATH';
    entryPath;
    constructor(entryPath, reason) {
        super(`refusing to restore ${JSON.stringify(entryPath)}: ${reason}; nothing was written for it`);
        this.entryPath = entryPath;
    }
}
/** A command could not do its work (bad arguments, missing files, I/O failure, input changed). */
class OperationError extends VitsnapError {
    name = 'OperationError';
    code;
    constructor(code, message) {
        super(message);
        this.code = code;
    }
}
/** True for any vitsnap error, across bundle boundaries. */
function isVitsnapError(error) {
    if (typeof error !== 'object' || error === null)
        return false;
    const { name, code } = error;
    return ((name === 'SnapshotFormatError' || name === 'UnsafePathError' || name === 'OperationError') &&
        typeof code === 'string' &&
        code.startsWith('E_'));
}
/** Maps a Node system error (ENOENT, EACCES …) to an OperationError that names the path and a next step. */
function fromSystemError(error, action) {
    if (isVitsnapError(error))
        return error;
    const sys = error;
    const where = sys.path ? ` ${sys.path}` : '';
    switch (sys.code) {
        case 'ENOENT':
            return new OperationError('E_NOT_FOUND', `${action}: no such file or directory${where}; check the path`);
        case 'EACCES':
        case 'EPERM':
            return new OperationError('E_IO', `${action}: permission denied${where}; check ownership and permissions`);
        case 'ENOSPC':
            return new OperationError('E_IO', `${action}: no space left on device${where}; free disk space and retry`);
        default:
            return new OperationError('E_IO', `${action}: ${sys.message ?? String(error)}`);
    }
}

;// CONCATENATED MODULE: ./src/snapshot/atomic-file.ts
/**
 * A file that appears at its target path whole or not at all: written to a temp file in the same
 * directory, fsynced, renamed over the target, then the directory is fsynced.
 */




const TEMP_MARKER = '.vitsnap-tmp-';
/** Start flushing to disk in the background after this many bytes, so the final fsync is short. */
const FLUSH_EVERY = 64 * 1024 * 1024;
/** Files being written, so a signal handler can remove their temp files before the process exits. */
const unfinished = new Set();
function abortUnfinishedFiles() {
    for (const file of [...unfinished])
        file.abort();
}
class AtomicFile {
    target;
    tempPath;
    fd;
    written = 0;
    unflushed = 0;
    flushing = false;
    constructor(target) {
        this.target = target;
        this.tempPath = (0,external_node_path_namespaceObject.join)((0,external_node_path_namespaceObject.dirname)(target), `${TEMP_MARKER}${(0,external_node_path_namespaceObject.basename)(target)}-${process.pid}-${(0,external_node_crypto_namespaceObject.randomBytes)(4).toString('hex')}`);
        try {
            this.fd = (0,external_node_fs_namespaceObject.openSync)(this.tempPath, 'wx', 0o644);
        }
        catch (error) {
            throw fromSystemError(error, `cannot create ${target}`);
        }
        unfinished.add(this);
    }
    get position() {
        return this.written;
    }
    write(data) {
        let done = 0;
        try {
            while (done < data.length)
                done += (0,external_node_fs_namespaceObject.writeSync)(this.fd, data, done, data.length - done);
        }
        catch (error) {
            throw fromSystemError(error, `cannot write ${this.target}`);
        }
        this.written += data.length;
        this.unflushed += data.length;
        if (this.unflushed >= FLUSH_EVERY && !this.flushing) {
            this.flushing = true;
            this.unflushed = 0;
            // A background flush (libuv thread) while we keep writing; errors surface at the final fsync.
            (0,external_node_fs_namespaceObject.fdatasync)(this.fd, () => {
                this.flushing = false;
            });
        }
    }
    commit() {
        try {
            (0,external_node_fs_namespaceObject.fsyncSync)(this.fd);
            (0,external_node_fs_namespaceObject.closeSync)(this.fd);
            this.fd = -1;
            (0,external_node_fs_namespaceObject.renameSync)(this.tempPath, this.target);
            unfinished.delete(this);
        }
        catch (error) {
            this.abort();
            throw fromSystemError(error, `cannot write ${this.target}`);
        }
        syncDirectory((0,external_node_path_namespaceObject.dirname)(this.target));
    }
    /** Removes the temp file; the target is untouched. Safe to call more than once. */
    abort() {
        unfinished.delete(this);
        if (this.fd >= 0) {
            try {
                (0,external_node_fs_namespaceObject.closeSync)(this.fd);
            }
            catch {
                // already closed by a failed commit
            }
            this.fd = -1;
        }
        try {
            (0,external_node_fs_namespaceObject.unlinkSync)(this.tempPath);
        }
        catch {
            // never created, or already renamed
        }
    }
}
function syncDirectory(dir) {
    let fd = -1;
    try {
        fd = (0,external_node_fs_namespaceObject.openSync)(dir, 'r');
        (0,external_node_fs_namespaceObject.fsyncSync)(fd);
    }
    catch {
        // Some filesystems refuse fsync on a directory; the rename itself has happened.
    }
    finally {
        if (fd >= 0)
            (0,external_node_fs_namespaceObject.closeSync)(fd);
    }
}

;// CONCATENATED MODULE: external "node:os"
const external_node_os_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");
;// CONCATENATED MODULE: ./src/version.ts
/** The vitsnap version recorded in every snapshot; kept equal to package.json by a test. */
const VERSION = '0.1.0';

;// CONCATENATED MODULE: ./src/snapshot/format.ts
/**
 * Byte layout of a `.vitsnap` v1 file (specified in docs/format.md):
 *
 *   header (32) | blocks … | entries (zstd JSON) | manifest (zstd JSON) | index | trailer (200)
 *
 * Every section is contiguous and in this order, so a reader can bounds-check each offset against
 * the next section before using it. The manifest is the small summary (source, metadata, stats);
 * the entries (one per path) are a section of their own, so `info` never reads them.
 */


const FORMAT_MAJOR = 1;
const FORMAT_MINOR = 0;
const HEADER_MAGIC = Buffer.from('VITSNAP\0', 'latin1');
const TRAILER_MAGIC = Buffer.from('VSNPEND\0', 'latin1');
const HEADER_SIZE = 32;
const TRAILER_SIZE = 200;
const BLOCK_RECORD_SIZE = 56;
const CHUNK_RECORD_SIZE = 44;
/** Trailer bytes [0, 176) are covered by the truncated SHA-256 stored at 176. */
const TRAILER_DIGESTED = 176;
/** Codec ids stored in a block record. */
const Codec = { none: 0, zstd: 1, bytegroupZstd: 2 };
/** Hard caps a reader enforces before allocating anything a file claims. */
const LIMITS = {
    manifestStoredBytes: 16 * 1024 * 1024,
    manifestRawBytes: 64 * 1024 * 1024,
    entriesStoredBytes: 128 * 1024 * 1024,
    entriesRawBytes: 512 * 1024 * 1024,
    /** The writer makes blocks of at most ~8 MiB. */
    blockRawBytes: 16 * 1024 * 1024,
    blockCount: 4 * 1024 * 1024,
    chunkCount: 16 * 1024 * 1024,
    entryCount: 2_000_000,
    pathBytes: 4096,
    segmentBytes: 255,
    symlinkTargetBytes: 4096,
};
function encodeHeader() {
    const out = Buffer.alloc(HEADER_SIZE);
    HEADER_MAGIC.copy(out, 0);
    out.writeUInt16LE(FORMAT_MAJOR, 8);
    out.writeUInt16LE(FORMAT_MINOR, 10);
    out.writeUInt32LE(0, 12);
    return out;
}
function decodeHeader(buf) {
    const prefix = Math.min(buf.length, HEADER_MAGIC.length);
    if (!buf.subarray(0, prefix).equals(HEADER_MAGIC.subarray(0, prefix)) || buf.length === 0) {
        throw new SnapshotFormatError('E_BAD_MAGIC', 'not a .vitsnap file (bad magic); check that the path points at a snapshot');
    }
    if (buf.length < HEADER_SIZE)
        throw new SnapshotFormatError('E_TRUNCATED', 'file is shorter than a .vitsnap header: it was cut off');
    const header = { major: buf.readUInt16LE(8), minor: buf.readUInt16LE(10), flags: buf.readUInt32LE(12) };
    checkVersion(header.major, header.minor);
    // v1 defines no flags and reserves bytes 16–31 as zero, so every header byte is checked.
    if (header.flags !== 0 || buf.subarray(16, HEADER_SIZE).some((b) => b !== 0)) {
        throw new SnapshotFormatError('E_CORRUPT', 'snapshot header has unknown flags or non-zero reserved bytes: the file is corrupt');
    }
    return header;
}
function checkVersion(major, minor) {
    if (major !== FORMAT_MAJOR) {
        throw new SnapshotFormatError('E_VERSION', `snapshot format ${major}.${minor} is not supported by this vitsnap (reads ${FORMAT_MAJOR}.x); upgrade vitsnap`);
    }
}
function u64(buf, at, what) {
    const value = buf.readBigUInt64LE(at);
    if (value > BigInt(Number.MAX_SAFE_INTEGER))
        throw new SnapshotFormatError('E_CORRUPT', `${what} is out of range`);
    return Number(value);
}
function trailerDigest(body) {
    return (0,external_node_crypto_namespaceObject.createHash)('sha256').update(body).digest().subarray(0, 16);
}
function encodeTrailer(t) {
    const out = Buffer.alloc(TRAILER_SIZE);
    out.writeUInt16LE(FORMAT_MAJOR, 0);
    out.writeUInt16LE(FORMAT_MINOR, 2);
    out.writeUInt32LE(0, 4);
    out.writeBigUInt64LE(BigInt(t.entriesOffset), 8);
    out.writeBigUInt64LE(BigInt(t.entriesStoredLength), 16);
    out.writeBigUInt64LE(BigInt(t.entriesRawLength), 24);
    out.writeBigUInt64LE(BigInt(t.manifestOffset), 32);
    out.writeBigUInt64LE(BigInt(t.manifestStoredLength), 40);
    out.writeBigUInt64LE(BigInt(t.manifestRawLength), 48);
    out.writeBigUInt64LE(BigInt(t.indexOffset), 56);
    out.writeBigUInt64LE(BigInt(t.indexLength), 64);
    out.writeUInt32LE(t.blockCount, 72);
    out.writeUInt32LE(t.chunkCount, 76);
    t.entriesSha256.copy(out, 80);
    t.manifestSha256.copy(out, 112);
    t.indexSha256.copy(out, 144);
    trailerDigest(out.subarray(0, TRAILER_DIGESTED)).copy(out, TRAILER_DIGESTED);
    TRAILER_MAGIC.copy(out, TRAILER_SIZE - 8);
    return out;
}
/**
 * Decodes and validates a trailer against the file size: after this, every section offset in it
 * is known to lie inside the file, in order, and within the hard limits.
 */
function decodeTrailer(buf, fileSize) {
    if (buf.length < TRAILER_SIZE || fileSize < HEADER_SIZE + TRAILER_SIZE) {
        throw new SnapshotFormatError('E_TRUNCATED', 'file is too short to be a complete snapshot; it was probably cut off during upload or copy');
    }
    if (!buf.subarray(TRAILER_SIZE - 8, TRAILER_SIZE).equals(TRAILER_MAGIC)) {
        throw new SnapshotFormatError('E_TRUNCATED', 'snapshot has no end marker: it is truncated, was not written completely, or has bytes appended');
    }
    if (!trailerDigest(buf.subarray(0, TRAILER_DIGESTED)).equals(buf.subarray(TRAILER_DIGESTED, TRAILER_DIGESTED + 16))) {
        throw new SnapshotFormatError('E_CHECKSUM', 'snapshot trailer checksum mismatch: the file is corrupt');
    }
    const major = buf.readUInt16LE(0);
    const minor = buf.readUInt16LE(2);
    checkVersion(major, minor);
    if (buf.readUInt32LE(4) !== 0)
        throw new SnapshotFormatError('E_CORRUPT', 'snapshot trailer has unknown flags');
    const t = {
        major,
        minor,
        flags: buf.readUInt32LE(4),
        entriesOffset: u64(buf, 8, 'entries offset'),
        entriesStoredLength: u64(buf, 16, 'entries length'),
        entriesRawLength: u64(buf, 24, 'entries size'),
        manifestOffset: u64(buf, 32, 'manifest offset'),
        manifestStoredLength: u64(buf, 40, 'manifest length'),
        manifestRawLength: u64(buf, 48, 'manifest size'),
        indexOffset: u64(buf, 56, 'index offset'),
        indexLength: u64(buf, 64, 'index length'),
        blockCount: buf.readUInt32LE(72),
        chunkCount: buf.readUInt32LE(76),
        entriesSha256: Buffer.from(buf.subarray(80, 112)),
        manifestSha256: Buffer.from(buf.subarray(112, 144)),
        indexSha256: Buffer.from(buf.subarray(144, 176)),
    };
    const trailerOffset = fileSize - TRAILER_SIZE;
    if (t.entriesOffset < HEADER_SIZE ||
        t.entriesOffset + t.entriesStoredLength !== t.manifestOffset ||
        t.manifestOffset + t.manifestStoredLength !== t.indexOffset ||
        t.indexOffset + t.indexLength !== trailerOffset) {
        throw new SnapshotFormatError('E_CORRUPT', 'snapshot section offsets do not match the file size: the file is corrupt or truncated');
    }
    if (t.manifestStoredLength > LIMITS.manifestStoredBytes) {
        throw new SnapshotFormatError('E_LIMIT', `snapshot manifest is stored in more than ${LIMITS.manifestStoredBytes / 2 ** 20} MiB, over the limit`);
    }
    if (t.manifestRawLength > LIMITS.manifestRawBytes) {
        throw new SnapshotFormatError('E_LIMIT', `snapshot manifest decompresses to more than ${LIMITS.manifestRawBytes / 2 ** 20} MiB, over the limit`);
    }
    if (t.entriesStoredLength > LIMITS.entriesStoredBytes || t.entriesRawLength > LIMITS.entriesRawBytes) {
        throw new SnapshotFormatError('E_LIMIT', `snapshot entry list is larger than vitsnap accepts (${LIMITS.entriesRawBytes / 2 ** 20} MiB)`);
    }
    if (t.blockCount > LIMITS.blockCount || t.chunkCount > LIMITS.chunkCount) {
        throw new SnapshotFormatError('E_LIMIT', 'snapshot claims more blocks or chunks than vitsnap accepts');
    }
    if (t.indexLength !== t.blockCount * BLOCK_RECORD_SIZE + t.chunkCount * CHUNK_RECORD_SIZE) {
        throw new SnapshotFormatError('E_CORRUPT', 'snapshot index length does not match its block and chunk counts');
    }
    return t;
}
function encodeIndex(blocks, chunks) {
    const out = Buffer.alloc(blocks.length * BLOCK_RECORD_SIZE + chunks.length * CHUNK_RECORD_SIZE);
    let at = 0;
    for (const b of blocks) {
        out.writeBigUInt64LE(BigInt(b.offset), at);
        out.writeUInt32LE(b.storedLength, at + 8);
        out.writeUInt32LE(b.rawLength, at + 12);
        out.writeUInt8(b.codec, at + 16);
        out.writeUInt8(b.width, at + 17);
        b.sha256.copy(out, at + 24);
        at += BLOCK_RECORD_SIZE;
    }
    for (const c of chunks) {
        c.sha256.copy(out, at);
        out.writeUInt32LE(c.block, at + 32);
        out.writeUInt32LE(c.offset, at + 36);
        out.writeUInt32LE(c.length, at + 40);
        at += CHUNK_RECORD_SIZE;
    }
    return out;
}
/**
 * Decodes the index and checks it against the trailer: blocks are contiguous from the header to
 * the manifest, codecs are known, chunks are sorted by digest, unique, and lie inside their block.
 */
function decodeIndex(buf, t) {
    const blocks = new Array(t.blockCount);
    let expectedOffset = HEADER_SIZE;
    let at = 0;
    for (let i = 0; i < t.blockCount; i++, at += BLOCK_RECORD_SIZE) {
        const offset = u64(buf, at, 'block offset');
        const storedLength = buf.readUInt32LE(at + 8);
        const rawLength = buf.readUInt32LE(at + 12);
        const codec = buf.readUInt8(at + 16);
        const width = buf.readUInt8(at + 17);
        if (offset !== expectedOffset || offset + storedLength > t.entriesOffset) {
            throw new SnapshotFormatError('E_CORRUPT', `block ${i} lies outside the block area`);
        }
        if (buf.readUInt16LE(at + 18) !== 0 || buf.readUInt32LE(at + 20) !== 0) {
            throw new SnapshotFormatError('E_CORRUPT', `block ${i} has non-zero reserved bytes`);
        }
        if (rawLength > LIMITS.blockRawBytes)
            throw new SnapshotFormatError('E_LIMIT', `block ${i} claims ${rawLength} bytes, over the limit`);
        if (codec !== Codec.none && codec !== Codec.zstd && codec !== Codec.bytegroupZstd) {
            throw new SnapshotFormatError('E_CORRUPT', `block ${i} has unknown codec ${codec}`);
        }
        if (codec === Codec.none && storedLength !== rawLength)
            throw new SnapshotFormatError('E_CORRUPT', `block ${i} sizes disagree`);
        if (codec === Codec.bytegroupZstd ? width !== 2 && width !== 4 : width !== 0) {
            throw new SnapshotFormatError('E_CORRUPT', `block ${i} has an invalid element width ${width}`);
        }
        blocks[i] = { offset, storedLength, rawLength, codec, width, sha256: Buffer.from(buf.subarray(at + 24, at + 56)) };
        expectedOffset = offset + storedLength;
    }
    if (expectedOffset !== t.entriesOffset)
        throw new SnapshotFormatError('E_CORRUPT', 'blocks do not fill the block area');
    const chunks = new Array(t.chunkCount);
    let previous = null;
    for (let i = 0; i < t.chunkCount; i++, at += CHUNK_RECORD_SIZE) {
        const sha256 = Buffer.from(buf.subarray(at, at + 32));
        const block = buf.readUInt32LE(at + 32);
        const offset = buf.readUInt32LE(at + 36);
        const length = buf.readUInt32LE(at + 40);
        if (previous !== null && Buffer.compare(previous, sha256) >= 0) {
            throw new SnapshotFormatError('E_CORRUPT', 'chunk index is not sorted or has duplicates');
        }
        const owner = blocks[block];
        if (owner === undefined || offset + length > owner.rawLength) {
            throw new SnapshotFormatError('E_CORRUPT', `chunk ${i} points outside its block`);
        }
        chunks[i] = { sha256, block, offset, length };
        previous = sha256;
    }
    return { blocks, chunks };
}
/** Binary search of the digest-sorted chunk table. */
function findChunk(chunks, digest) {
    let lo = 0;
    let hi = chunks.length - 1;
    while (lo <= hi) {
        const mid = (lo + hi) >>> 1;
        const probe = chunks[mid];
        const order = Buffer.compare(probe.sha256, digest);
        if (order === 0)
            return probe;
        if (order < 0)
            lo = mid + 1;
        else
            hi = mid - 1;
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/snapshot/block-planner.ts
/**
 * Decides, in file order, which block stores each new chunk: deduplicates chunks by digest and
 * packs chunks of one codec class together. Pure bookkeeping, so the layout (and therefore the
 * snapshot bytes) is the same however the hashing threads were scheduled.
 */

const BLOCK_TARGET = 4 * 1024 * 1024;
/**
 * zstd levels per class, measured in docs/benchmarks.md: level 2 is ~35–50 % faster than 3 for
 * 6–7 % more bytes on text and binaries; grouped tensors compress best at level 1.
 */
const LEVEL = { text: 2, binary: 2, compressed: 0, tensor: 1 };
class BlockPlanner {
    open = new Map();
    seen = new Set();
    sealed = [];
    chunks = [];
    /** Adds one chunk of `file`; returns false when an identical chunk was already planned. */
    addChunk(file, cls, width, sha256Hex, fileOffset, length) {
        if (this.seen.has(sha256Hex))
            return false;
        this.seen.add(sha256Hex);
        const key = cls === 'tensor' ? `tensor${width}` : cls;
        let block = this.open.get(key);
        if (block === undefined) {
            const codec = cls === 'compressed' ? Codec.none : cls === 'tensor' ? Codec.bytegroupZstd : Codec.zstd;
            block = { codec, width: cls === 'tensor' ? width : 0, level: LEVEL[cls], rawLength: 0, segments: [], chunks: [] };
            this.open.set(key, block);
        }
        if (block.width > 1) {
            // Pad so each element keeps its lane: block offset ≡ file offset (mod width).
            block.rawLength += (((fileOffset - block.rawLength) % block.width) + block.width) % block.width;
        }
        const sha256 = Buffer.from(sha256Hex, 'hex');
        block.segments.push({ absPath: file.absPath, size: file.size, mtimeMs: file.mtimeMs, fileOffset, length, blockOffset: block.rawLength });
        block.chunks.push({ sha256, offset: block.rawLength, length });
        block.rawLength += length;
        if (block.rawLength >= BLOCK_TARGET) {
            this.seal(block);
            this.open.delete(key);
        }
        return true;
    }
    /** Blocks sealed since the last call, in the order they must be written. */
    takeSealed() {
        return this.sealed.splice(0, this.sealed.length);
    }
    /** Seals every open block, in a fixed order. */
    finish() {
        for (const key of [...this.open.keys()].sort())
            this.seal(this.open.get(key));
        this.open.clear();
        return this.takeSealed();
    }
    get blockCount() {
        return this.nextBlock;
    }
    nextBlock = 0;
    seal(block) {
        // Tensor blocks end on an 8-byte boundary so byte grouping always takes its word-at-a-time path.
        if (block.width > 1)
            block.rawLength = Math.ceil(block.rawLength / 8) * 8;
        const index = this.nextBlock++;
        for (const c of block.chunks)
            this.chunks.push({ sha256: c.sha256, block: index, offset: c.offset, length: c.length });
        this.sealed.push({ codec: block.codec, width: block.width, level: block.level, rawLength: block.rawLength, segments: block.segments });
    }
}

;// CONCATENATED MODULE: ./src/snapshot/globs.ts
/**
 * The `path` input's glob language, compiled to linear-time matchers.
 *
 * Patterns are relative to the capture root and matched against POSIX paths with no leading `./`.
 * `*` is any run of characters except `/`, `?` one character except `/`, `**` as a whole segment
 * zero or more segments, `[abc]` `[a-z]` `[!a]` a character class, `{a,b}` alternation (may nest,
 * may hold `/`), `\` escapes the next character. A leading `!` excludes; excludes always win.
 * A pattern that matches a directory takes everything below it (`dist` ≡ `dist/**`); a trailing
 * `/` restricts the pattern to directories. Patterns are not searched at every depth as in
 * .gitignore: `*.log` names top-level logs only; write `**\/*.log` for all of them.
 *
 * Dot files are matched by `*`, `?`, `[...]` and `**` like any other name: a reproducibility tool
 * must capture everything it was asked for, and silently skipping `.env.production` or `.next/`
 * would make snapshots look complete when they are not. Exclude them explicitly (`!**\/.git`).
 */

/** Splits a multi-line input into patterns: one a line, trimmed, without blanks and `#` comments. */
function parsePatternList(text) {
    const patterns = [];
    for (const line of text.split('\n')) {
        const pattern = line.trim();
        if (pattern !== '' && !pattern.startsWith('#'))
            patterns.push(pattern);
    }
    return patterns;
}
/** Compiles include and `!exclude` patterns into one matcher; no includes means everything. */
function compileGlobs(patterns) {
    const includes = [];
    const excludes = [];
    for (const pattern of patterns) {
        const compiled = compilePattern(pattern);
        (compiled.exclude ? excludes : includes).push(compiled);
    }
    const includeAll = includes.length === 0;
    const fileHit = (p, path) => (p.dirOnly ? dirHit(p, parentOf(path)) : dirHit(p, path));
    const excludedDir = (dirPath) => excludes.some((p) => dirHit(p, dirPath));
    return {
        matches(path) {
            if (!includeAll && !includes.some((p) => fileHit(p, path)))
                return false;
            return !excludes.some((p) => fileHit(p, path));
        },
        matchesDir(dirPath) {
            if (!includeAll && !includes.some((p) => dirHit(p, dirPath)))
                return false;
            return !excludedDir(dirPath);
        },
        mayContain(dirPath) {
            // An exclude that matches a directory matches everything below it too.
            if (excludedDir(dirPath))
                return false;
            return includeAll || dirPath === '' || includes.some((p) => p.prefix === null || p.prefix.test(dirPath));
        },
    };
}
/** Whether `p` matches the directory `dirPath` or one above it; `''` is the root. */
function dirHit(p, dirPath) {
    // Tested apart because a segment of stars matches the empty string, and the root is no segment.
    return dirPath === '' ? p.matchesRoot : p.regex.test(dirPath);
}
/** The expansions of one pattern's braces may not exceed this, so a pattern stays cheap to match. */
const MAX_ALTERNATIVES = 1024;
function compilePattern(source) {
    const exclude = source.startsWith('!');
    const body = exclude ? source.slice(1) : source;
    if (body === '') {
        throw usage(source, exclude ? 'nothing follows the "!"' : 'the pattern is empty');
    }
    if (/^[A-Za-z]:[\\/]/.test(body))
        throw usage(source, 'absolute paths are not allowed; write it relative to the root');
    const tree = parseBraces(tokenize(source, body), source);
    let dirOnly = false;
    while (tree.length > 0 && tree[tree.length - 1] === SLASH) {
        tree.pop();
        dirOnly = true;
    }
    const alternatives = [];
    for (const tokens of expand(tree, source)) {
        alternatives.push(toSegments(tokens, source));
    }
    const names = { next: 0 };
    const matchSources = alternatives.map((segments) => matchSource(segments, names));
    const regex = new RegExp(`^(?:${matchSources.join('|')})$`, 'su');
    const prefixSources = [];
    let everyDirectory = false;
    for (const segments of alternatives) {
        const head = [];
        for (const s of segments) {
            if (s === GLOBSTAR)
                break;
            head.push(s);
        }
        if (head.length === 0)
            everyDirectory = true;
        else
            prefixSources.push(prefixSource(head, names));
    }
    const prefix = everyDirectory ? null : new RegExp(`^(?:${prefixSources.join('|')})$`, 'su');
    // Every alternative ends with `**`, so a lone one is `**` itself.
    const matchesRoot = alternatives.some((segments) => segments.length === 1);
    return { exclude, dirOnly, regex, prefix, matchesRoot };
}
function usage(pattern, why) {
    return new OperationError('E_USAGE', `invalid path pattern ${JSON.stringify(pattern)}: ${why}`);
}
function parentOf(path) {
    const slash = path.lastIndexOf('/');
    return slash < 0 ? '' : path.slice(0, slash);
}
const STAR = { kind: 'star' };
const ANY = { kind: 'any' };
const SLASH = { kind: 'slash' };
const OPEN = { kind: 'open' };
const COMMA = { kind: 'comma' };
const CLOSE = { kind: 'close' };
function tokenize(source, body) {
    const chars = Array.from(body);
    const tokens = [];
    for (let i = 0; i < chars.length; i++) {
        const c = chars[i];
        switch (c) {
            case '\\':
                if (i + 1 >= chars.length)
                    throw usage(source, 'it ends with a lone "\\"; write "\\\\" for a backslash');
                i++;
                tokens.push(chars[i] === '/' ? SLASH : { kind: 'char', char: chars[i] });
                break;
            case '*':
                tokens.push(STAR);
                break;
            case '?':
                tokens.push(ANY);
                break;
            case '/':
                tokens.push(SLASH);
                break;
            case '{':
                tokens.push(OPEN);
                break;
            case ',':
                tokens.push(COMMA);
                break;
            case '}':
                tokens.push(CLOSE);
                break;
            case '[': {
                const { regex, end } = parseClass(chars, i, source);
                tokens.push({ kind: 'class', regex });
                i = end;
                break;
            }
            default:
                tokens.push({ kind: 'char', char: c });
        }
    }
    return tokens;
}
/** Parses the class opening at `chars[start]`; returns its regex and the index of its `]`. */
function parseClass(chars, start, source) {
    let i = start + 1;
    const negated = chars[i] === '!' || chars[i] === '^';
    if (negated)
        i++;
    const items = [];
    let first = true;
    while (i < chars.length && (chars[i] !== ']' || first)) {
        first = false;
        let low = chars[i];
        if (low === '\\') {
            i++;
            if (i >= chars.length)
                break;
            low = chars[i];
        }
        i++;
        if (chars[i] === '-' && i + 1 < chars.length && chars[i + 1] !== ']') {
            let high = chars[i + 1];
            i += 2;
            if (high === '\\') {
                if (i >= chars.length)
                    break;
                high = chars[i];
                i++;
            }
            if ((low.codePointAt(0) ?? 0) > (high.codePointAt(0) ?? 0)) {
                throw usage(source, `the range "${low}-${high}" in a [...] class runs backwards`);
            }
            items.push(`${codePointEscape(low)}-${codePointEscape(high)}`);
        }
        else {
            items.push(codePointEscape(low));
        }
    }
    if (i >= chars.length)
        throw usage(source, 'a "[" is never closed; write "\\[" for a literal bracket');
    // A class never matches the separator, whatever its range says.
    const regex = negated ? `[^/${items.join('')}]` : `(?!/)[${items.join('')}]`;
    return { regex, end: i };
}
function codePointEscape(char) {
    return `\\u{${(char.codePointAt(0) ?? 0).toString(16)}}`;
}
function parseBraces(tokens, source) {
    let pos = 0;
    const sequence = (nested) => {
        const out = [];
        while (pos < tokens.length) {
            const t = tokens[pos];
            if (t.kind === 'close' || (t.kind === 'comma' && nested))
                return out;
            pos++;
            if (t.kind === 'open') {
                const options = [sequence(true)];
                while (pos < tokens.length && tokens[pos].kind === 'comma') {
                    pos++;
                    options.push(sequence(true));
                }
                if (pos >= tokens.length)
                    throw usage(source, 'a "{" is never closed; write "\\{" for a literal brace');
                pos++;
                out.push({ kind: 'alt', options });
            }
            else if (t.kind === 'comma') {
                out.push({ kind: 'char', char: ',' });
            }
            else {
                out.push(t);
            }
        }
        return out;
    };
    const tree = sequence(false);
    if (pos < tokens.length)
        throw usage(source, 'a "}" has no matching "{"; write "\\}" for a literal brace');
    return tree;
}
/** Every brace-free token sequence the tree stands for. */
function expand(nodes, source) {
    let results = [[]];
    for (const node of nodes) {
        if (node.kind !== 'alt') {
            for (const r of results)
                r.push(node);
            continue;
        }
        const choices = node.options.flatMap((option) => expand(option, source));
        if (results.length * choices.length > MAX_ALTERNATIVES) {
            throw usage(source, `its {...} alternations expand to more than ${MAX_ALTERNATIVES} patterns; split it up`);
        }
        const next = [];
        for (const r of results)
            for (const c of choices)
                next.push([...r, ...c]);
        results = next;
    }
    return results;
}
/** A whole-segment `**`: zero or more path segments. */
const GLOBSTAR = 'globstar';
/** Splits a brace-free sequence at `/`, drops `.` and empty segments, and appends the implicit `/**`. */
function toSegments(tokens, source) {
    if (tokens[0]?.kind === 'slash')
        throw usage(source, 'absolute paths are not allowed; write it relative to the root');
    const segments = [];
    let current = [];
    const finish = () => {
        const literal = current.every((t) => t.kind === 'char') ? current.map((t) => (t.kind === 'char' ? t.char : '')).join('') : null;
        if (literal === '..')
            throw usage(source, 'a ".." segment would leave the root');
        if (current.length === 0 || literal === '.') {
            // `a//b` and `./a` name the same paths as `a/b` and `a`.
        }
        else if (current.length === 2 && current[0].kind === 'star' && current[1].kind === 'star') {
            if (segments[segments.length - 1] !== GLOBSTAR)
                segments.push(GLOBSTAR);
        }
        else {
            // `a**b` is `a*b`: only a whole segment `**` crosses separators.
            segments.push(current.filter((t, i) => !(t.kind === 'star' && current[i - 1]?.kind === 'star')));
        }
        current = [];
    };
    for (const t of tokens) {
        if (t.kind === 'slash')
            finish();
        else if (t.kind === 'char' || t.kind === 'star' || t.kind === 'any' || t.kind === 'class')
            current.push(t);
    }
    finish();
    if (segments[segments.length - 1] !== GLOBSTAR)
        segments.push(GLOBSTAR);
    return segments;
}
function atomic(inner, names) {
    const name = `g${names.next++}`;
    return `(?=(?<${name}>${inner}))\\k<${name}>`;
}
function tokenSource(t) {
    switch (t.kind) {
        case 'char':
            return t.char.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
        case 'any':
            return '[^/]';
        case 'class':
            return t.regex;
        case 'star':
            return '[^/]*';
    }
}
/** A regex for one segment; callers anchor its end at a `/` or the end of the path. */
function segmentSource(segment, names) {
    const chunks = [''];
    for (const t of segment) {
        if (t.kind === 'star')
            chunks.push('');
        else
            chunks[chunks.length - 1] += tokenSource(t);
    }
    if (chunks.length === 1)
        return chunks[0];
    let out = chunks[0];
    for (let i = 1; i < chunks.length - 1; i++)
        out += atomic(`[^/]*?${chunks[i]}`, names);
    // Only the last `*` backtracks, and only within this segment.
    return `${out}[^/]*${chunks[chunks.length - 1]}`;
}
function groupSource(group, names) {
    return group.map((segment) => segmentSource(segment, names)).join('/');
}
/** A regex for a pattern (which always ends with `**`) over a whole path. */
function matchSource(segments, names) {
    const groups = [[]];
    for (const s of segments) {
        if (s === GLOBSTAR)
            groups.push([]);
        else
            groups[groups.length - 1].push(s);
    }
    // groups: head, then one group after each `**`; the last (after the final `**`) is empty.
    const [head, ...middles] = groups;
    middles.pop();
    if (head.length === 0 && middles.length === 0)
        return '.*';
    let out = groupSource(head, names);
    let atStart = head.length === 0;
    for (const group of middles) {
        const skip = atStart ? '(?:[^/]*/)*?' : '(?:/[^/]*)*?/';
        out += atomic(`${skip}${groupSource(group, names)}(?![^/])`, names);
        atStart = false;
    }
    return `${out}(?:/.*)?`;
}
/** A regex for directories a match could lie at or below: prefixes of `head`, or anything under all of it. */
function prefixSource(head, names) {
    let out = '(?:/.*)?';
    for (let i = head.length - 1; i >= 0; i--) {
        out = segmentSource(head[i], names) + out;
        if (i > 0)
            out = `(?:/${out})?`;
    }
    return out;
}

;// CONCATENATED MODULE: ./src/snapshot/paths.ts
/** Rules every entry path in a snapshot obeys; capture skips, and the reader rejects, any path that breaks one. */

const paths_SLASH = 0x2f;
const BACKSLASH = 0x5c;
const DOT = 0x2e;
/** UTF-8 length of s[from, to): one pass, no allocation. */
function utf8Length(s, from, to) {
    let bytes = 0;
    for (let i = from; i < to; i++) {
        const c = s.charCodeAt(i);
        if (c < 0x80)
            bytes += 1;
        else if (c < 0x800)
            bytes += 2;
        else if (c >= 0xd800 && c <= 0xdbff) {
            bytes += 4;
            i++;
        }
        else
            bytes += 3;
    }
    return bytes;
}
/**
 * Returns why `path` is not a safe snapshot path, or null when it is. A single pass over the
 * characters: the reader checks every entry of manifests with 100k+ entries.
 */
function entryPathProblem(path) {
    const n = path.length;
    if (n === 0)
        return 'empty path';
    if (path.charCodeAt(0) === paths_SLASH)
        return 'absolute path';
    // Per segment (split on '/'): not empty, not '.' or '..', at most segmentBytes long.
    // Per backslash-separated piece: never '..' (a separator on Windows).
    let segStart = 0;
    let pieceStart = 0;
    for (let i = 0; i <= n; i++) {
        const c = i < n ? path.charCodeAt(i) : paths_SLASH;
        if (c === 0)
            return 'path contains a NUL byte';
        if (c === BACKSLASH || c === paths_SLASH) {
            if (i - pieceStart === 2 && path.charCodeAt(pieceStart) === DOT && path.charCodeAt(pieceStart + 1) === DOT) {
                return c === BACKSLASH || path.charCodeAt(pieceStart - 1) === BACKSLASH
                    ? 'path has a ".." segment (with a backslash separator)'
                    : 'path has a ".." segment';
            }
            pieceStart = i + 1;
        }
        if (c === paths_SLASH) {
            const len = i - segStart;
            if (len === 0)
                return 'path has an empty segment';
            if (len === 1 && path.charCodeAt(segStart) === DOT)
                return 'path has a "." segment';
            // UTF-8 is at most 3 bytes per UTF-16 unit: count bytes only when the limit could be reached.
            if (len * 3 > LIMITS.segmentBytes && utf8Length(path, segStart, i) > LIMITS.segmentBytes) {
                return `a path segment is longer than ${LIMITS.segmentBytes} bytes`;
            }
            segStart = i + 1;
        }
    }
    if (n * 3 > LIMITS.pathBytes && utf8Length(path, 0, n) > LIMITS.pathBytes)
        return `path is longer than ${LIMITS.pathBytes} bytes`;
    const c1 = path.charCodeAt(1);
    if (n >= 3 && c1 === 0x3a && /[A-Za-z]/.test(path[0]) && (path.charCodeAt(2) === paths_SLASH || path.charCodeAt(2) === BACKSLASH)) {
        return 'path starts with a drive letter';
    }
    return null;
}

;// CONCATENATED MODULE: ./src/snapshot/canonical-json.ts
/** Canonical JSON: object keys sorted by code point, no whitespace, `undefined` members dropped. */
function canonicalJson(value) {
    if (value === null || typeof value === 'boolean' || typeof value === 'string')
        return JSON.stringify(value);
    if (typeof value === 'number') {
        if (!Number.isFinite(value))
            throw new TypeError('canonical JSON cannot hold a non-finite number');
        return JSON.stringify(value);
    }
    if (Array.isArray(value))
        return `[${value.map((item) => canonicalJson(item === undefined ? null : item)).join(',')}]`;
    if (typeof value === 'object') {
        const record = value;
        const keys = Object.keys(record)
            .filter((key) => record[key] !== undefined)
            .sort(compareCodePoints);
        return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
    }
    throw new TypeError(`canonical JSON cannot hold a ${typeof value}`);
}
/** Orders strings by Unicode code point, which equals UTF-8 byte order (JS `<` compares UTF-16 units). */
function compareCodePoints(a, b) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
        const x = a.charCodeAt(i);
        const y = b.charCodeAt(i);
        if (x === y)
            continue;
        // Surrogates (0xD800–0xDFFF) encode code points above 0xFFFF: they sort after all other BMP units.
        const xs = x >= 0xd800 && x <= 0xdfff;
        const ys = y >= 0xd800 && y <= 0xdfff;
        if (xs !== ys)
            return xs ? 1 : -1;
        return x - y;
    }
    return a.length - b.length;
}
/**
 * `canonicalJson` of a well-formed entry list, without the generic key sorting: capture writes
 * one entry per path, so this runs over 100k+ entries. Keys are written in code-point order, as
 * `canonicalJson` would sort them; a test checks both give the same text.
 */
function canonicalEntriesJson(entries) {
    const parts = new Array(entries.length);
    for (let i = 0; i < entries.length; i++) {
        const e = entries[i];
        const path = JSON.stringify(e.path);
        if (e.type === 'file') {
            const chunks = e.chunks === undefined ? '' : `"chunks":[${e.chunks.map((c) => `"${c}"`).join(',')}],`;
            parts[i] = `{${chunks}"class":"${e.class}","mode":${e.mode},"path":${path},"sha256":"${e.sha256}","size":${e.size},"type":"file"}`;
        }
        else if (e.type === 'dir') {
            parts[i] = `{"mode":${e.mode},"path":${path},"type":"dir"}`;
        }
        else {
            parts[i] = `{"path":${path},"target":${JSON.stringify(e.target)},"type":"symlink"}`;
        }
    }
    return `[${parts.join(',')}]`;
}

;// CONCATENATED MODULE: external "node:zlib"
const external_node_zlib_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");
;// CONCATENATED MODULE: ./src/snapshot/codecs.ts
/**
 * Block codecs: `none` (already-compressed data), `zstd`, and byte grouping + zstd for float
 * tensors. Byte grouping writes byte 0 of every element, then byte 1, … so the slowly varying
 * sign/exponent bytes sit together and compress far better than interleaved with mantissas.
 */



/** The word-at-a-time paths below assume little-endian words; other hosts take the byte loops. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
/**
 * Splits `raw` into `width` streams by byte position modulo `width`: byte 0 of every element, then
 * byte 1, …; a tail shorter than `width` stays last. Writes into `out` (same length) when given.
 */
function groupBytes(raw, width, out = Buffer.allocUnsafe(raw.length)) {
    const count = Math.floor(raw.length / width);
    let done = 0;
    if (LITTLE_ENDIAN && raw.byteOffset % 4 === 0 && (width === 2 || width === 4)) {
        // Read four bytes at a time: several times faster than a byte loop in V8.
        const words = new Uint32Array(raw.buffer, raw.byteOffset, raw.length >>> 2);
        if (width === 2 && count % 2 === 0 && out.byteOffset % 2 === 0) {
            // Two elements per word; each lane takes one 16-bit write.
            const lo = new Uint16Array(out.buffer, out.byteOffset, words.length);
            const hi = new Uint16Array(out.buffer, out.byteOffset + count, words.length);
            for (let k = 0; k < words.length; k++) {
                const v = words[k];
                lo[k] = (v & 0xff) | ((v >>> 8) & 0xff00);
                hi[k] = ((v >>> 8) & 0xff) | ((v >>> 16) & 0xff00);
            }
            done = words.length * 2;
        }
        else if (width === 4) {
            for (let k = 0; k < words.length; k++) {
                const v = words[k];
                out[k] = v & 0xff;
                out[count + k] = (v >>> 8) & 0xff;
                out[2 * count + k] = (v >>> 16) & 0xff;
                out[3 * count + k] = v >>> 24;
            }
            done = words.length;
        }
    }
    for (let e = done; e < count; e++)
        for (let lane = 0; lane < width; lane++)
            out[lane * count + e] = raw[e * width + lane];
    for (let src = count * width; src < raw.length; src++)
        out[src] = raw[src];
    return out;
}
/** Inverse of `groupBytes`. */
function ungroupBytes(grouped, width, out = Buffer.allocUnsafe(grouped.length)) {
    const count = Math.floor(grouped.length / width);
    let done = 0;
    if (LITTLE_ENDIAN && out.byteOffset % 4 === 0 && (width === 2 || width === 4)) {
        const words = new Uint32Array(out.buffer, out.byteOffset, out.length >>> 2);
        if (width === 2 && count % 2 === 0 && grouped.byteOffset % 2 === 0) {
            const lo = new Uint16Array(grouped.buffer, grouped.byteOffset, words.length);
            const hi = new Uint16Array(grouped.buffer, grouped.byteOffset + count, words.length);
            for (let k = 0; k < words.length; k++) {
                const l = lo[k];
                const h = hi[k];
                words[k] = ((l & 0xff) | ((h & 0xff) << 8) | ((l & 0xff00) << 8) | ((h & 0xff00) << 16)) >>> 0;
            }
            done = words.length * 2;
        }
        else if (width === 4) {
            for (let k = 0; k < words.length; k++) {
                words[k] =
                    (grouped[k] | (grouped[count + k] << 8) | (grouped[2 * count + k] << 16) | (grouped[3 * count + k] << 24)) >>> 0;
            }
            done = words.length;
        }
    }
    for (let e = done; e < count; e++)
        for (let lane = 0; lane < width; lane++)
            out[e * width + lane] = grouped[lane * count + e];
    for (let dst = count * width; dst < grouped.length; dst++)
        out[dst] = grouped[dst];
    return out;
}
/** Largest output buffer allocated up front by a decompression. */
const DECODE_CHUNK_CAP = 16 * 1024 * 1024;
function zstdCompress(raw, level) {
    return (0,external_node_zlib_namespaceObject.zstdCompressSync)(raw, {
        params: { [external_node_zlib_namespaceObject.constants.ZSTD_c_compressionLevel]: level },
        pledgedSrcSize: raw.length,
        // One output buffer big enough for the worst case: Node otherwise fills 16 KiB pieces and
        // concatenates them, which is slower and leaves garbage behind (docs/benchmarks.md).
        chunkSize: Math.min(Math.max(raw.length + (raw.length >>> 7) + 1024, 64 * 1024), DECODE_CHUNK_CAP),
    });
}
/** Decompresses at most `rawLength` bytes: a frame that claims or yields more is an error, not an allocation. */
function zstdDecompress(stored, rawLength, what) {
    let out;
    try {
        // chunkSize near the real size makes Node's zstd much faster on incompressible data; it is
        // capped so a hostile claim cannot make us allocate more than that up front.
        out = (0,external_node_zlib_namespaceObject.zstdDecompressSync)(stored, { maxOutputLength: Math.max(rawLength, 1), chunkSize: Math.min(Math.max(rawLength, 1024), DECODE_CHUNK_CAP) });
    }
    catch (error) {
        const reason = error.code === 'ERR_BUFFER_TOO_LARGE' ? 'decompresses past its declared size' : 'is not valid zstd data';
        throw new SnapshotFormatError('E_CORRUPT', `${what} ${reason}: the snapshot is corrupt`);
    }
    if (out.length !== rawLength)
        throw new SnapshotFormatError('E_CORRUPT', `${what} decompressed to ${out.length} bytes, expected ${rawLength}`);
    return out;
}
function encodeBlock(raw, codec, width, level, scratch) {
    switch (codec) {
        case Codec.none:
            return Buffer.from(raw.buffer, raw.byteOffset, raw.length);
        case Codec.zstd:
            return zstdCompress(raw, level);
        case Codec.bytegroupZstd:
            return zstdCompress(groupBytes(raw, width, scratch?.groupBuffer(raw.length)), level);
    }
}
function decodeBlock(stored, codec, width, rawLength, what) {
    switch (codec) {
        case Codec.none:
            return stored;
        case Codec.zstd:
            return zstdDecompress(stored, rawLength, what);
        case Codec.bytegroupZstd:
            return ungroupBytes(zstdDecompress(stored, rawLength, what), width);
    }
}

;// CONCATENATED MODULE: ./src/snapshot/snapshot-tail.ts
/**
 * Writes what follows the blocks: the entries and the manifest summary (canonical JSON, zstd each),
 * the index and the trailer.
 */




/** The summary is small and read by `info`; the entry list is large and only read to restore or compare. */
const SUMMARY_LEVEL = 6;
const ENTRIES_LEVEL = 3;
const sha256 = (data) => (0,external_node_crypto_namespaceObject.createHash)('sha256').update(data).digest();
/**
 * `manifest` is written as given (the caller has validated it; tests forge hostile ones): its
 * `entries` become the entries section, the rest the manifest section. `chunks` are sorted here.
 * `wellFormed` entries (capture's own) take the fast serializer; forged ones the generic one.
 */
function writeSnapshotTail(out, manifest, blocks, chunks, wellFormed = false) {
    const { entries, ...summary } = manifest;
    const entriesRaw = Buffer.from(wellFormed ? canonicalEntriesJson(entries) : canonicalJson(entries));
    const entriesStored = zstdCompress(entriesRaw, ENTRIES_LEVEL);
    const summaryRaw = Buffer.from(canonicalJson(summary));
    const summaryStored = zstdCompress(summaryRaw, SUMMARY_LEVEL);
    chunks.sort((a, b) => Buffer.compare(a.sha256, b.sha256));
    const index = encodeIndex(blocks, chunks);
    const entriesOffset = out.position;
    const manifestOffset = entriesOffset + entriesStored.length;
    out.write(entriesStored);
    out.write(summaryStored);
    out.write(index);
    out.write(encodeTrailer({
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
    }));
}

;// CONCATENATED MODULE: ./src/snapshot/capture-pipeline.ts
/**
 * The two halves of capture's pipeline: hash results consumed in file order with bounded
 * look-ahead, and encoded blocks written strictly in plan order with a bounded number in flight.
 */

const HASH_BATCH_BYTES = 16 * 1024 * 1024;
const HASH_BATCH_FILES = 256;
/** Groups files into hash jobs of at most 16 MiB or 256 files (a larger file is a job of its own). */
function batchFiles(files) {
    const batches = [];
    let batch = [];
    let bytes = 0;
    for (const f of files) {
        if (batch.length > 0 && (bytes + f.size > HASH_BATCH_BYTES || batch.length >= HASH_BATCH_FILES)) {
            batches.push(batch);
            batch = [];
            bytes = 0;
        }
        batch.push({ absPath: f.absPath, path: f.path, size: f.size, mtimeMs: f.mtimeMs });
        bytes += f.size;
    }
    if (batch.length > 0)
        batches.push(batch);
    return batches;
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
                throw new OperationError('E_IO', 'capture planned more files than it hashed');
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
            const promise = this.pool.pack(job).then((p) => ({ ...p, rawLength: job.rawLength, codec: job.codec, width: job.width }));
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

;// CONCATENATED MODULE: external "node:worker_threads"
const external_node_worker_threads_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");
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
    return (0,external_node_zlib_namespaceObject.zstdCompressSync)(data, { params: { [external_node_zlib_namespaceObject.constants.ZSTD_c_compressionLevel]: 1 } }).length;
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
        const size = zstdSize(groupBytes(sample, width));
        if (size < bestSize) {
            best = width;
            bestSize = size;
        }
    }
    return best;
}

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
        fd = (0,external_node_fs_namespaceObject.openSync)(absPath, 'r');
    }
    catch (error) {
        throw fromSystemError(error, `cannot read ${path}`);
    }
    const st = (0,external_node_fs_namespaceObject.fstatSync)(fd);
    if (st.size !== size || st.mtimeMs !== mtimeMs) {
        (0,external_node_fs_namespaceObject.closeSync)(fd);
        throw new OperationError('E_CHANGED', `${path} changed while the snapshot was being taken; capture after the build has finished`);
    }
    return fd;
}
function readFully(fd, buf, length, position, path) {
    let done = 0;
    while (done < length) {
        const n = (0,external_node_fs_namespaceObject.readSync)(fd, buf, done, length - done, position + done);
        if (n === 0)
            throw new OperationError('E_CHANGED', `${path} became shorter while the snapshot was being taken`);
        done += n;
    }
}
/** Hashes, classifies and (above the threshold) chunks one file with a single read of each byte. */
function hashFile(file, scratch) {
    const fd = openUnchanged(file.absPath, file.path, file.size, file.mtimeMs);
    try {
        const fileHash = (0,external_node_crypto_namespaceObject.createHash)('sha256');
        const chunker = file.size > CHUNKING_THRESHOLD ? new Chunker() : null;
        const chunks = [];
        let chunkHash = (0,external_node_crypto_namespaceObject.createHash)('sha256');
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
                    chunkHash = (0,external_node_crypto_namespaceObject.createHash)('sha256');
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
        (0,external_node_fs_namespaceObject.closeSync)(fd);
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
    const raw = job.codec === Codec.none ? Buffer.from(new ArrayBuffer(job.rawLength)) : scratch.rawBuffer(job.rawLength);
    if (job.width > 1)
        raw.fill(0);
    let openPath = '';
    let fd = -1;
    try {
        for (const s of job.segments) {
            if (s.absPath !== openPath) {
                if (fd >= 0)
                    (0,external_node_fs_namespaceObject.closeSync)(fd);
                fd = -1;
                fd = openUnchanged(s.absPath, s.absPath, s.size, s.mtimeMs);
                openPath = s.absPath;
            }
            readFully(fd, raw.subarray(s.blockOffset, s.blockOffset + s.length), s.length, s.fileOffset, s.absPath);
        }
    }
    finally {
        if (fd >= 0)
            (0,external_node_fs_namespaceObject.closeSync)(fd);
    }
    const stored = encodeBlock(raw, job.codec, job.width, job.level, scratch);
    return { stored, sha256: (0,external_node_crypto_namespaceObject.createHash)('sha256').update(stored).digest() };
}

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
        return new SnapshotFormatError(e.code, e.message);
    if (e.name === 'OperationError')
        return new OperationError(e.code, e.message);
    return new OperationError('E_IO', e.message);
}
class TaskPool {
    workers = [];
    idle = [];
    queue = [];
    pending = new Map();
    nextId = 1;
    inlineScratch = null;
    inlinePackScratch = new PackScratch();
    failure = null;
    size;
    constructor(size) {
        this.size = size;
        if (size === 0)
            return;
        const { url, execArgv } = workerLocation();
        for (let i = 0; i < size; i++) {
            const worker = new external_node_worker_threads_namespaceObject.Worker(url, { execArgv });
            worker.on('message', (response) => this.settle(worker, response));
            worker.on('error', (error) => this.fail(error));
            worker.on('exit', (code) => {
                if (code !== 0 && this.failure === null)
                    this.fail(new OperationError('E_IO', `a capture worker exited with code ${code}`));
            });
            this.workers.push(worker);
            this.idle.push(worker);
        }
    }
    async hash(files) {
        if (this.size === 0) {
            await yieldToEventLoop();
            this.inlineScratch ??= Buffer.allocUnsafeSlow(SCRATCH_BYTES);
            return hashFiles(files, this.inlineScratch);
        }
        const response = await this.submit({ id: this.nextId++, kind: 'hash', files });
        if (response.kind !== 'hash')
            throw new OperationError('E_IO', 'capture worker answered the wrong task');
        return response.result;
    }
    async pack(job) {
        if (this.size === 0) {
            await yieldToEventLoop();
            return packBlock(job, this.inlinePackScratch);
        }
        const response = await this.submit({ id: this.nextId++, kind: 'pack', job });
        if (response.kind !== 'pack')
            throw new OperationError('E_IO', 'capture worker answered the wrong task');
        return { stored: Buffer.from(response.stored, response.byteOffset, response.byteLength), sha256: Buffer.from(response.sha256) };
    }
    async close() {
        this.failure ??= new OperationError('E_IO', 'task pool closed');
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

;// CONCATENATED MODULE: external "node:buffer"
const external_node_buffer_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");
;// CONCATENATED MODULE: ./src/snapshot/walk.ts
/**
 * Walks the capture root with lstat semantics: symlinks are recorded with their target text and
 * never followed (so a link to `/` or to a sibling directory adds one entry, not a tree), and
 * anything that is not a file, directory or symlink is skipped with a reason.
 */




/**
 * Lists what `matcher` selects under `root`. Directories are recorded when they hold a recorded
 * entry or are matched themselves (so an empty `dist/empty/` survives `dist/**`); the root is not.
 */
function walkTree(root, matcher) {
    const rootAbs = (0,external_node_path_namespaceObject.resolve)(root);
    let rootStats;
    try {
        // The root itself may be a symlink (a workspace mounted elsewhere); only what is inside is not followed.
        rootStats = (0,external_node_fs_namespaceObject.statSync)(rootAbs);
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENOENT' || code === 'ENOTDIR') {
            throw new OperationError('E_NOT_FOUND', `capture root ${rootAbs} does not exist; check the path`);
        }
        throw fromSystemError(error, `reading capture root ${rootAbs}`);
    }
    if (!rootStats.isDirectory()) {
        throw new OperationError('E_USAGE', `capture root ${rootAbs} is a file, not a directory; pass the directory that holds it and select the file with a pattern`);
    }
    const walk = { matcher, entries: [], skipped: [] };
    if (matcher.mayContain(''))
        walkDirectory(walk, rootAbs, '');
    walk.entries.sort((a, b) => compareUtf8(a.path, b.path));
    walk.skipped.sort((a, b) => compareUtf8(a.path, b.path));
    return { entries: walk.entries, skipped: walk.skipped };
}
/**
 * Orders strings by code point, which is UTF-8 byte order, without encoding them. UTF-16 code
 * units agree with code points except that surrogates (U+10000 and up) must sort after U+E000–U+FFFF.
 */
function compareUtf8(a, b) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
        const x = a.charCodeAt(i);
        const y = b.charCodeAt(i);
        if (x !== y) {
            if (x >= 0xd800 && y >= 0xd800)
                return surrogateLast(x) - surrogateLast(y);
            return x - y;
        }
    }
    return a.length - b.length;
}
function surrogateLast(unit) {
    return unit >= 0xe000 ? unit - 0x800 : unit + 0x2000;
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
        dirents = (0,external_node_fs_namespaceObject.readdirSync)(dirAbs, { withFileTypes: true, encoding: 'buffer' });
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
    const prefixAbs = dirAbs.endsWith(external_node_path_namespaceObject.sep) ? dirAbs : dirAbs + external_node_path_namespaceObject.sep;
    for (const dirent of dirents) {
        const raw = dirent.name;
        const name = raw.toString('utf8');
        const path = dirRel === '' ? name : `${dirRel}/${name}`;
        if (!(0,external_node_buffer_namespaceObject.isUtf8)(raw)) {
            // Kept out rather than renamed: a lossy name could not be restored to the same file.
            if (matcher.matches(path) || matcher.mayContain(path))
                skipped.push({ path, reason: 'name is not valid UTF-8' });
            continue;
        }
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
            stats = (0,external_node_fs_namespaceObject.lstatSync)(absPath, { throwIfNoEntry: false });
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
            entries.push({ type: 'dir', path, absPath, mode: stats.mode & 0o7777 });
            const recorded = matcher.mayContain(path) ? walkDirectory(walk, absPath, path) : 0;
            if (recorded === 0 && !matcher.matchesDir(path))
                entries.pop();
            continue;
        }
        if (!(leafMatched ?? matcher.matches(path)))
            continue;
        if (stats.isFile()) {
            entries.push({
                type: 'file',
                path,
                absPath,
                mode: stats.mode & 0o7777,
                size: stats.size,
                mtimeMs: stats.mtimeMs,
                ino: stats.ino,
                dev: stats.dev,
            });
        }
        else if (stats.isSymbolicLink()) {
            recordSymlink(walk, path, absPath, dirAbs, dirRel);
        }
        else {
            skipped.push({ path, reason: `${specialKind(stats)}; only files, directories and symlinks are captured` });
        }
    }
    return entries.length - before;
}
function recordSymlink(walk, path, absPath, dirAbs, dirRel) {
    let target;
    try {
        target = (0,external_node_fs_namespaceObject.readlinkSync)(absPath, { encoding: 'buffer' });
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENOENT' || code === 'EINVAL') {
            walk.skipped.push({ path, reason: 'vanished or changed during the walk' });
            return;
        }
        throw walkError(error, dirAbs, dirRel);
    }
    if (!(0,external_node_buffer_namespaceObject.isUtf8)(target)) {
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
function walkError(error, dirAbs, dirRel) {
    const code = error.code;
    if (code === 'EACCES' || code === 'EPERM') {
        const exclude = dirRel === '' ? '' : ` (e.g. "!${dirRel}")`;
        return new OperationError('E_IO', `cannot read directory ${dirAbs}: permission denied; fix its permissions or exclude it from the patterns${exclude}`);
    }
    return fromSystemError(error, `walking ${dirAbs}`);
}

;// CONCATENATED MODULE: ./src/snapshot/capture.ts
/**
 * `captureSnapshot`: walk → hash/chunk/classify (threads) → plan blocks in file order → encode
 * blocks (threads, bounded window) → write header, blocks, manifest, index, trailer atomically.
 */














const INLINE_BELOW_BYTES = 16 * 1024 * 1024;
const EMPTY_SOURCE = { repository: null, ref: null, sha: null, dirty: null, runId: null };
function createdAtFrom(sourceDateEpoch) {
    if (sourceDateEpoch === undefined || sourceDateEpoch === '')
        return null;
    // 8.64e12 s is the last instant a JavaScript Date (and so an ISO timestamp) can hold.
    if (!/^\d{1,13}$/.test(sourceDateEpoch) || Number(sourceDateEpoch) > 8_640_000_000_000) {
        throw new OperationError('E_INPUT', `SOURCE_DATE_EPOCH must be whole seconds since 1970 (got ${JSON.stringify(sourceDateEpoch)}); unset it or fix its value`);
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
    return Buffer.byteLength(target) > LIMITS.symlinkTargetBytes ? 'symlink target is too long' : null;
}
/** Fails before any work when the output cannot be written where asked. */
function checkOutputPath(output) {
    const dir = (0,external_node_path_namespaceObject.dirname)(output);
    let st;
    try {
        st = (0,external_node_fs_namespaceObject.statSync)(dir);
    }
    catch {
        throw new OperationError('E_NOT_FOUND', `cannot write ${output}: directory ${dir} does not exist; create it first`);
    }
    if (!st.isDirectory())
        throw new OperationError('E_USAGE', `cannot write ${output}: ${dir} is not a directory`);
    try {
        if ((0,external_node_fs_namespaceObject.statSync)(output).isDirectory())
            throw new OperationError('E_USAGE', `cannot write ${output}: it is a directory; pass a file name such as ${(0,external_node_path_namespaceObject.join)(output, 'build.vitsnap')}`);
    }
    catch (error) {
        if (error.name === 'OperationError')
            throw error;
    }
}
async function captureSnapshot(options) {
    const root = (0,external_node_path_namespaceObject.resolve)(options.root);
    const createdAt = createdAtFrom(options.sourceDateEpoch);
    checkOutputPath((0,external_node_path_namespaceObject.resolve)(options.output));
    // Threads start while we walk; small trees shut them down again and run inline.
    const eagerPool = options.workers === undefined || options.workers > 0 ? new TaskPool(options.workers ?? Math.min(2, (0,external_node_os_namespaceObject.availableParallelism)())) : null;
    // Temp files of an interrupted capture are never part of a tree's contents.
    let walk;
    try {
        walk = walkTree(root, compileGlobs([...options.patterns, `!**/${TEMP_MARKER}*`]));
    }
    catch (error) {
        await eagerPool?.close();
        throw error;
    }
    const skipped = [...walk.skipped];
    const walked = walk.entries.filter((e) => {
        const problem = entryPathProblem(e.path) ?? (e.type === 'symlink' ? symlinkTargetProblem(e.target) : null);
        if (problem !== null)
            skipped.push({ path: e.path, reason: `${problem}; a snapshot cannot hold it` });
        return problem === null;
    });
    const files = walked.filter((e) => e.type === 'file');
    if (walked.length === 0 && options.allowEmpty !== true) {
        await eagerPool?.close();
        const what = options.patterns.length > 0 ? options.patterns.join(', ') : '**';
        throw new OperationError('E_NOT_FOUND', `no files under ${root} match ${what}; check the globs and the root (-C), or pass --allow-empty`);
    }
    const collecting = typeof options.metadata === 'function' ? options.metadata() : null;
    collecting?.catch(() => undefined); // awaited below; a failure before then must not go unhandled
    const totalBytes = files.reduce((sum, f) => sum + f.size, 0);
    let pool = eagerPool ?? new TaskPool(0);
    if (options.workers === undefined && totalBytes < INLINE_BELOW_BYTES) {
        await pool.close();
        pool = new TaskPool(0);
    }
    const workers = pool.size;
    let out;
    try {
        out = new AtomicFile((0,external_node_path_namespaceObject.resolve)(options.output));
    }
    catch (error) {
        await pool.close();
        throw error;
    }
    try {
        const hashed = new HashPipeline(pool, batchFiles(files), Math.max(2, workers * 2), totalBytes, options.onProgress);
        out.write(encodeHeader());
        const planner = new BlockPlanner();
        const entries = [];
        const blocks = [];
        const writer = new BlockWriter(pool, out, blocks, workers);
        for (const e of walked) {
            if (e.type === 'dir') {
                entries.push({ type: 'dir', path: e.path, mode: e.mode });
            }
            else if (e.type === 'symlink') {
                entries.push({ type: 'symlink', path: e.path, target: e.target });
            }
            else {
                const h = await hashed.next();
                const entry = { type: 'file', path: e.path, mode: e.mode, size: e.size, sha256: h.sha256, class: h.class };
                if (h.chunks !== null) {
                    entry.chunks = h.chunks.map((c) => c.sha256);
                    let offset = 0;
                    for (const c of h.chunks) {
                        planner.addChunk(e, h.class, h.width, c.sha256, offset, c.length);
                        offset += c.length;
                    }
                }
                else if (e.size > 0) {
                    planner.addChunk(e, h.class, h.width, h.sha256, 0, e.size);
                }
                entries.push(entry);
                await writer.enqueue(planner.takeSealed());
            }
        }
        await writer.enqueue(planner.finish());
        await writer.drain();
        const collected = collecting === null ? null : await collecting;
        const manifest = {
            tool: { name: 'vitsnap', version: VERSION },
            createdAt,
            source: collected?.source ?? EMPTY_SOURCE,
            metadata: collected?.metadata ?? null,
            entries,
            parent: null,
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
        writeSnapshotTail(out, manifest, blocks, planner.chunks, true);
        const size = out.position;
        out.commit();
        return { output: out.target, manifest, size, skipped };
    }
    catch (error) {
        out.abort();
        throw error;
    }
    finally {
        await pool.close();
    }
}

;// CONCATENATED MODULE: external "node:child_process"
const external_node_child_process_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");
;// CONCATENATED MODULE: ./src/snapshot/metadata/commands.ts
/**
 * Runs the commands metadata is read from: the user's `metadata-commands` (shell text, through
 * `/bin/sh -c`) and our own probes (a resolved file plus arguments, never through a shell).
 * Every run is bounded by a timeout and never throws for what the child does.
 */


const DEFAULT_COMMAND_TIMEOUT_MS = 10_000;
/** Longest stdout a metadata command may record, `[truncated]` marker included. */
const COMMAND_OUTPUT_CAP = 65_536;
const TRUNCATED_MARKER = '\n[truncated]';
const NAME_PATTERN = /^[A-Za-z0-9_.-]{1,64}$/;
const EXPECTED_FORM = 'expected name=command, e.g. "openssl=openssl version", with a name of 1-64 letters, digits, ".", "_" or "-"';
/** Parses one `name=command` line of the `metadata-commands` input. */
function parseMetadataCommand(spec) {
    const text = spec.trim();
    const eq = text.indexOf('=');
    if (eq < 0) {
        throw new OperationError('E_USAGE', `metadata command ${JSON.stringify(spec)} has no "=": ${EXPECTED_FORM}`);
    }
    const name = text.slice(0, eq).trim();
    const command = text.slice(eq + 1).trim();
    if (!NAME_PATTERN.test(name)) {
        throw new OperationError('E_USAGE', `metadata command ${JSON.stringify(spec)} has an invalid name: ${EXPECTED_FORM}`);
    }
    if (command === '') {
        throw new OperationError('E_USAGE', `metadata command ${JSON.stringify(spec)} has an empty command: ${EXPECTED_FORM}`);
    }
    return { name, command };
}
/** Runs every command in parallel through `/bin/sh -c`; results sorted by name. */
async function runMetadataCommands(cmds, options) {
    const seen = new Set();
    for (const { name, command } of cmds) {
        if (!NAME_PATTERN.test(name) || command.trim() === '') {
            throw new OperationError('E_USAGE', `metadata command ${JSON.stringify(`${name}=${command}`)} is invalid: ${EXPECTED_FORM}`);
        }
        if (seen.has(name)) {
            throw new OperationError('E_USAGE', `metadata command name ${JSON.stringify(name)} is used twice; give each command its own name`);
        }
        seen.add(name);
    }
    const timeoutMs = options.timeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
    const env = options.env ?? process.env;
    const sorted = [...cmds].sort((a, b) => compareText(a.name, b.name));
    return Promise.all(sorted.map((cmd) => runShellCommand(cmd, options.cwd, timeoutMs, env)));
}
function runShellCommand({ name, command }, cwd, timeoutMs, env) {
    return new Promise((resolve) => {
        // Enough bytes to hold COMMAND_OUTPUT_CAP characters of any UTF-8 text, plus one more.
        const keepBytes = 4 * (COMMAND_OUTPUT_CAP + 1);
        const out = [];
        let outBytes = 0;
        let overflowed = false;
        let errTail = '';
        let settled = false;
        // A session of its own, so a timeout can kill everything the shell started, not just the shell.
        const child = (0,external_node_child_process_namespaceObject.spawn)('/bin/sh', ['-c', command], { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
        const finish = (result) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(timer);
            resolve({ name, command, ...result });
        };
        const timer = setTimeout(() => {
            killGroup(child.pid);
            child.stdout.destroy();
            child.stderr.destroy();
            finish({ exitCode: null, stdout: '', error: `timed out after ${timeoutMs} ms` });
        }, timeoutMs);
        child.stdout.on('data', (chunk) => {
            if (outBytes >= keepBytes) {
                overflowed = true;
                return;
            }
            out.push(chunk);
            outBytes += chunk.length;
        });
        child.stderr.on('data', (chunk) => {
            errTail = (errTail + chunk.toString('utf8')).slice(-4096);
        });
        child.on('error', (error) => {
            finish({ exitCode: null, stdout: '', error: error.message });
        });
        // 'close' (not 'exit'): all output has arrived. Background children holding the pipe run into the timeout.
        child.on('close', (code, signal) => {
            const stdout = capOutput(Buffer.concat(out).toString('utf8'), overflowed);
            if (code === 0) {
                finish({ exitCode: 0, stdout });
            }
            else if (code !== null) {
                finish({ exitCode: code, stdout, error: describeFailure(`exited with code ${code}`, errTail) });
            }
            else {
                finish({ exitCode: null, stdout, error: describeFailure(`killed by ${signal ?? 'a signal'}`, errTail) });
            }
        });
    });
}
function killGroup(pid) {
    if (pid === undefined)
        return;
    try {
        process.kill(-pid, 'SIGKILL');
    }
    catch {
        // The group is already gone.
    }
}
/** Trims, then caps at COMMAND_OUTPUT_CAP characters with a marker, never splitting a surrogate pair. */
function capOutput(text, overflowed) {
    const trimmed = text.trim();
    if (!overflowed && trimmed.length <= COMMAND_OUTPUT_CAP)
        return trimmed;
    let end = Math.min(trimmed.length, COMMAND_OUTPUT_CAP - TRUNCATED_MARKER.length);
    const last = trimmed.charCodeAt(end - 1);
    if (last >= 0xd800 && last <= 0xdbff)
        end -= 1;
    return trimmed.slice(0, end) + TRUNCATED_MARKER;
}
function describeFailure(what, stderr) {
    const lines = stderr.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
    const last = lines.at(-1);
    return last === undefined ? what : `${what}: ${last.slice(0, 500)}`;
}
/**
 * Runs `file` with `args` (no shell), stdin closed, killed with SIGKILL after `timeoutMs`.
 * `file` is looked up on `env.PATH` when it has no slash.
 */
function runFile(file, args, options) {
    return new Promise((resolve) => {
        const child = (0,external_node_child_process_namespaceObject.execFile)(file, args, {
            cwd: options.cwd,
            env: options.env ?? process.env,
            timeout: options.timeoutMs,
            killSignal: 'SIGKILL',
            maxBuffer: 1024 * 1024,
            encoding: 'utf8',
            windowsHide: true,
        }, (error, stdout, stderr) => {
            if (error === null) {
                resolve({ stdout, stderr, exitCode: 0 });
                return;
            }
            const failure = error;
            const exitCode = typeof failure.code === 'number' ? failure.code : null;
            let reason;
            if (failure.code === 'ERR_CHILD_PROCESS_STDIO_MAXBUFFER') {
                reason = 'printed more than 1 MiB';
            }
            else if (failure.killed === true && failure.signal === 'SIGKILL') {
                reason = `timed out after ${options.timeoutMs} ms`;
            }
            else if (exitCode !== null) {
                reason = `exited with code ${exitCode}`;
            }
            else if (typeof failure.signal === 'string') {
                reason = `killed by ${failure.signal}`;
            }
            else {
                reason = failure.code === undefined ? failure.message : `could not run: ${failure.code}`;
            }
            resolve({ stdout, stderr, exitCode, error: reason });
        });
        // Nothing is ever written to the child; a tool that reads stdin sees EOF instead of waiting.
        child.stdin?.end();
    });
}
/** Byte-order comparison for stable, locale-independent sorting. */
function compareText(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}

;// CONCATENATED MODULE: ./src/snapshot/metadata/environment.ts
/**
 * The build environment worth recording: an allowlist of variables that change build outputs, and
 * the umask. Nothing outside the allowlist is read, and nothing that looks like a secret is kept,
 * even when allowlisted, so a snapshot never carries credentials.
 */


const DEFAULT_ENV_ALLOWLIST = [
    'CC', 'CXX', 'CPP', 'LD', 'AR',
    'CFLAGS', 'CXXFLAGS', 'CPPFLAGS', 'LDFLAGS',
    'RUSTFLAGS', 'CARGO_BUILD_TARGET', 'CARGO_PROFILE_RELEASE_DEBUG',
    'GOFLAGS', 'GOOS', 'GOARCH', 'GOAMD64', 'CGO_ENABLED',
    'SOURCE_DATE_EPOCH', 'TZ',
    'LANG', 'LANGUAGE', 'LC_ALL', 'LC_CTYPE', 'LC_COLLATE', 'LC_TIME',
    'NODE_ENV', 'NODE_OPTIONS',
    'JAVA_TOOL_OPTIONS', 'JAVA_HOME',
    'PYTHONHASHSEED', 'PYTHONDONTWRITEBYTECODE',
    'MAKEFLAGS', 'CMAKE_BUILD_TYPE', 'DEB_BUILD_OPTIONS', 'ZERO_AR_DATE',
];
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const SECRET_NAME = /TOKEN|SECRET|PASSWORD|PASSWD|CREDENTIAL|PRIVATE|API_?KEY|ACCESS_?KEY|AUTH/i;
/** Values that carry a credential whatever the variable is called. */
const SECRET_VALUES = [
    { pattern: /gh[pousr]_[A-Za-z0-9]{20,}/, what: 'a GitHub token' },
    { pattern: /github_pat_[A-Za-z0-9_]{20,}/, what: 'a GitHub token' },
    { pattern: /[A-Za-z][A-Za-z0-9+.-]*:\/\/[^\s/@:]*:[^\s/@]+@/, what: 'a URL with a password' },
];
/** Picks the allowlisted build variables from `env`; warnings name variables, never values. */
function selectBuildEnv(env, extraAllowlist = []) {
    const warnings = [];
    const names = new Set(DEFAULT_ENV_ALLOWLIST);
    for (const raw of extraAllowlist) {
        const name = raw.trim();
        if (name === '')
            continue;
        if (!VARIABLE_NAME.test(name)) {
            warnings.push(`env allowlist entry ${JSON.stringify(name)} is not a variable name (letters, digits, "_"; no wildcards); it was skipped`);
            continue;
        }
        names.add(name);
    }
    const selected = {};
    for (const name of [...names].sort(compareText)) {
        if (SECRET_NAME.test(name)) {
            warnings.push(`${name} looks like a secret, so it is never recorded; remove it from the env allowlist`);
            continue;
        }
        const value = env[name];
        if (value === undefined)
            continue;
        const secret = SECRET_VALUES.find(({ pattern }) => pattern.test(value));
        if (secret !== undefined) {
            warnings.push(`${name} holds what looks like ${secret.what}, so it was not recorded`);
            continue;
        }
        selected[name] = value;
    }
    return { env: selected, warnings };
}
/** The process umask as four octal digits, e.g. `0022`. */
function readUmask() {
    try {
        const match = /^Umask:\s*([0-7]+)\s*$/m.exec((0,external_node_fs_namespaceObject.readFileSync)('/proc/self/status', 'utf8'));
        if (match !== null)
            return match[1].padStart(4, '0');
    }
    catch {
        // No procfs (macOS, Windows, some sandboxes).
    }
    // Reading without an argument is only documentation-deprecated, and unlike set-and-restore it
    // never changes the mask under another thread's feet.
    return process.umask().toString(8).padStart(4, '0');
}

;// CONCATENATED MODULE: ./src/snapshot/metadata/git.ts

const DEFAULT_GIT_TIMEOUT_MS = 10_000;
/** Describes the source at `root`. Never throws: no git, not a repository, or a failure give nulls. */
async function describeSource(root, env = process.env, options = {}) {
    const git = (args) => runGit(root, args, env, options.timeoutMs);
    const [sha, symbolicRef, status] = await Promise.all([
        git(['rev-parse', '--verify', '-q', 'HEAD']),
        env.GITHUB_REF ? Promise.resolve(null) : git(['symbolic-ref', '-q', 'HEAD']),
        git(['status', '--porcelain', '--untracked-files=no']),
    ]);
    return {
        repository: env.GITHUB_REPOSITORY || null,
        ref: env.GITHUB_REF || symbolicRef || null,
        sha: sha || env.GITHUB_SHA || null,
        dirty: status === null ? null : status !== '',
        runId: env.GITHUB_RUN_ID || null,
    };
}
/** The top directory of the work tree holding `root`, or null when it is not in one. */
async function findGitToplevel(root, env = process.env, options = {}) {
    return (await runGit(root, ['rev-parse', '--show-toplevel'], env, options.timeoutMs)) || null;
}
/** Trimmed stdout of a successful git command, null on any failure. */
async function runGit(cwd, args, env, timeoutMs = DEFAULT_GIT_TIMEOUT_MS) {
    // Optional locks off: `git status` must not write the index while a build may be using the repo.
    const result = await runFile('git', args, { cwd, env: { ...env, GIT_OPTIONAL_LOCKS: '0' }, timeoutMs });
    return result.error === undefined ? result.stdout.trim() : null;
}

;// CONCATENATED MODULE: external "node:fs/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");
;// CONCATENATED MODULE: ./src/snapshot/metadata/lockfiles.ts
/** Digests of the dependency lockfiles that pin what a build pulled in. */






/** Lockfile names looked for directly in the lockfile directory (no recursion). */
const KNOWN_LOCKFILES = [
    'package-lock.json',
    'npm-shrinkwrap.json',
    'yarn.lock',
    'pnpm-lock.yaml',
    'bun.lockb',
    'Cargo.lock',
    'go.sum',
    'poetry.lock',
    'Pipfile.lock',
    'uv.lock',
    'requirements.txt',
    'Gemfile.lock',
    'composer.lock',
    'gradle.lockfile',
    'packages.lock.json',
    'flake.lock',
    'pubspec.lock',
    'mix.lock',
];
/** SHA-256 of each known lockfile present in `dir`, sorted by path. A missing `dir` gives none. */
function digestLockfiles(dir) {
    const digests = [];
    for (const name of KNOWN_LOCKFILES) {
        const file = (0,external_node_path_namespaceObject.join)(dir, name);
        try {
            if (!(0,external_node_fs_namespaceObject.statSync)(file).isFile())
                continue;
        }
        catch (error) {
            const code = error.code;
            if (code === 'ENOENT' || code === 'ENOTDIR')
                continue;
            throw fromSystemError(error, 'reading lockfile');
        }
        try {
            digests.push({ path: name, sha256: sha256File(file) });
        }
        catch (error) {
            throw fromSystemError(error, 'reading lockfile');
        }
    }
    return digests.sort((a, b) => compareText(a.path, b.path));
}
// One buffer for every synchronous hash: no call can interleave with another.
const HASH_BUFFER = Buffer.allocUnsafe(1024 * 1024);
/** SHA-256 of a file's bytes as lowercase hex (what `sha256sum` prints), read in bounded pieces. */
/** Like `sha256File`, without blocking the event loop: probes hash large compiler binaries while their processes run. */
async function sha256FileAsync(file) {
    const hash = (0,external_node_crypto_namespaceObject.createHash)('sha256');
    const handle = await (0,promises_namespaceObject.open)(file, 'r');
    try {
        const buffer = Buffer.allocUnsafe(1024 * 1024);
        for (;;) {
            const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
            if (bytesRead === 0)
                break;
            hash.update(buffer.subarray(0, bytesRead));
        }
    }
    finally {
        await handle.close();
    }
    return hash.digest('hex');
}
function sha256File(file) {
    const hash = (0,external_node_crypto_namespaceObject.createHash)('sha256');
    const fd = (0,external_node_fs_namespaceObject.openSync)(file, 'r');
    try {
        for (;;) {
            const n = (0,external_node_fs_namespaceObject.readSync)(fd, HASH_BUFFER, 0, HASH_BUFFER.length, null);
            if (n === 0)
                break;
            hash.update(HASH_BUFFER.subarray(0, n));
        }
    }
    finally {
        (0,external_node_fs_namespaceObject.closeSync)(fd);
    }
    return hash.digest('hex');
}

;// CONCATENATED MODULE: ./src/snapshot/metadata/runner.ts
/** The machine a snapshot was captured on: OS, architecture, kernel, distribution, runner image. */


/** Where os-release(5) says to look, in order. */
const OS_RELEASE_FILES = ['/etc/os-release', '/usr/lib/os-release'];
function describeRunner(env = process.env, osReleaseFiles = OS_RELEASE_FILES) {
    const info = { os: (0,external_node_os_namespaceObject.platform)(), arch: (0,external_node_os_namespaceObject.arch)(), release: (0,external_node_os_namespaceObject.release)() };
    const distro = readPrettyName(osReleaseFiles);
    if (distro !== undefined)
        info.distro = distro;
    if (env.ImageOS)
        info.image = env.ImageOS;
    if (env.ImageVersion)
        info.imageVersion = env.ImageVersion;
    return info;
}
function readPrettyName(files) {
    for (const file of files) {
        let text;
        try {
            text = (0,external_node_fs_namespaceObject.readFileSync)(file, 'utf8');
        }
        catch {
            continue;
        }
        return parseOsRelease(text).PRETTY_NAME || undefined;
    }
    return undefined;
}
/** Parses os-release(5) text: shell-style `KEY=value` lines, values optionally quoted. */
function parseOsRelease(text) {
    const fields = {};
    for (const raw of text.split(/\r?\n/)) {
        const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(raw);
        if (match === null)
            continue;
        fields[match[1]] = unquote(match[2].trim());
    }
    return fields;
}
function unquote(value) {
    const quote = value[0];
    if ((quote === '"' || quote === "'") && value.length >= 2 && value.endsWith(quote)) {
        const inner = value.slice(1, -1);
        return quote === '"' ? inner.replace(/\\([\\$"`])/g, '$1') : inner;
    }
    return value;
}

;// CONCATENATED MODULE: ./src/snapshot/metadata/toolchains.ts
/**
 * Toolchain probes: for each tool, the executable PATH resolves to, its real path and digest, and
 * the version text it prints. A tool that is not on PATH costs no process.
 */





const DEFAULT_PROBE_TIMEOUT_MS = 5_000;
/** The tools probed by default (DESIGN §4). */
const DEFAULT_PROBES = [
    'gcc', 'g++', 'clang', 'cc', 'ld',
    'rustc', 'cargo',
    'go',
    'node', 'npm', 'pnpm', 'yarn', 'tsc',
    'java', 'javac', 'mvn', 'gradle',
    'python3', 'python', 'pip',
    'cmake', 'make', 'ninja',
    'dotnet', 'zig', 'swift',
];
/** Tools whose version is not `--version`. */
const VERSION_ARGS = {
    java: ['-version'],
    javac: ['-version'],
    go: ['version'],
    zig: ['version'],
};
const VERSION_LINES = 3;
const VERSION_LINE_CHARS = 200;
const PROBE_NAME = /^[A-Za-z0-9][A-Za-z0-9_.+-]{0,63}$/;
/** Probes every tool in parallel; results sorted by name. Throws only for an invalid tool name. */
async function probeToolchains(options = {}) {
    const names = [...new Set(options.names ?? DEFAULT_PROBES)].sort(compareText);
    for (const name of names) {
        if (!PROBE_NAME.test(name)) {
            throw new OperationError('E_USAGE', `toolchain probe ${JSON.stringify(name)} is not a command name; use bare names such as "gcc" or "g++", without paths`);
        }
    }
    const env = options.env ?? process.env;
    const timeoutMs = options.timeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS;
    return Promise.all(names.map((name) => probeToolchain(name, env, timeoutMs)));
}
async function probeToolchain(name, env, timeoutMs) {
    const args = VERSION_ARGS[name] ?? ['--version'];
    const command = [name, ...args].join(' ');
    const found = findExecutable(name, env.PATH);
    if (found === null)
        return { name, command, found: false };
    const probe = { name, command, found: true, path: found };
    // Run by the PATH name, not the realpath: multi-call binaries (rustup's proxies, busybox) dispatch on argv[0].
    // Started first so the tool runs while its binary is hashed.
    const running = runFile(found, args, { env, timeoutMs });
    try {
        const real = (0,external_node_fs_namespaceObject.realpathSync)(found);
        probe.realpath = real;
        probe.sha256 = await sha256FileAsync(real);
    }
    catch (error) {
        probe.error = `cannot read ${found}: ${error.code ?? String(error)}`;
        await running;
        return probe;
    }
    const result = await running;
    const text = result.stdout.trim() || result.stderr.trim();
    if (result.error === undefined) {
        probe.version = formatVersion(text);
    }
    else {
        const first = formatVersion(text).split('\n')[0];
        probe.error = first ? `${result.error}: ${first}` : result.error;
    }
    return probe;
}
/**
 * The first executable regular file named `name` in the absolute directories of `pathList`.
 * Empty and relative entries are skipped: they would resolve against whatever the cwd is.
 */
function findExecutable(name, pathList) {
    if (pathList === undefined || name.includes('/'))
        return null;
    for (const dir of pathList.split(external_node_path_namespaceObject.delimiter)) {
        if (dir === '' || !(0,external_node_path_namespaceObject.isAbsolute)(dir))
            continue;
        const candidate = (0,external_node_path_namespaceObject.join)(dir, name);
        try {
            if (!(0,external_node_fs_namespaceObject.statSync)(candidate).isFile())
                continue;
            (0,external_node_fs_namespaceObject.accessSync)(candidate, external_node_fs_namespaceObject.constants.X_OK);
            return candidate;
        }
        catch {
            // Not here, or not executable: keep walking PATH like a shell does.
        }
    }
    return null;
}
/** First non-blank lines of a version text, each capped, terminal escapes and control characters removed. */
function formatVersion(text) {
    return text
        .replace(/\x1b\[[0-9;?]*[ -/]*[@-~]/g, '')
        .replace(/[\x00-\x08\x0b-\x1f\x7f]/g, '')
        .trim()
        .split(/\n/)
        .map((line) => line.trimEnd())
        .filter((line) => line !== '')
        .slice(0, VERSION_LINES)
        .map((line) => line.slice(0, VERSION_LINE_CHARS))
        .join('\n');
}

;// CONCATENATED MODULE: ./src/snapshot/metadata/index.ts












/**
 * Runs every metadata probe concurrently. Throws only for invalid options (E_USAGE: a bad probe
 * name, an invalid or duplicate command name); everything else degrades to a warning or a null.
 */
async function collectMetadata(options) {
    const env = options.env ?? process.env;
    const { root, timeoutMs } = options;
    const git = { timeoutMs };
    const warnings = [];
    const selected = selectBuildEnv(env, options.envAllowlist ?? []);
    warnings.push(...selected.warnings);
    const lockfiles = async () => {
        const dir = options.lockfileDir ?? (await findGitToplevel(root, env, git)) ?? root;
        try {
            return digestLockfiles(dir);
        }
        catch (error) {
            warnings.push(`lockfile digests were not recorded: ${error.message}`);
            return [];
        }
    };
    const commands = () => options.commands === undefined || options.commands.length === 0
        ? Promise.resolve([])
        : runMetadataCommands(options.commands, { cwd: root, timeoutMs, env });
    const [toolchains, source, lockfileDigests, commandOutputs] = await Promise.all([
        probeToolchains({ names: options.probes, timeoutMs, env }),
        describeSource(root, env, git),
        lockfiles(),
        commands(),
    ]);
    const metadata = {
        toolchains,
        runner: describeRunner(env),
        env: selected.env,
        umask: readUmask(),
        lockfiles: lockfileDigests,
        commands: commandOutputs,
    };
    return { metadata, source, warnings };
}

;// CONCATENATED MODULE: external "node:util"
const external_node_util_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");
;// CONCATENATED MODULE: ./src/commands/args.ts
/** Command-line parsing on node:util parseArgs, with our usage errors. */


const COMMON_OPTIONS = {
    help: { type: 'boolean', short: 'h' },
    quiet: { type: 'boolean', short: 'q' },
    json: { type: 'boolean' },
};
function parseCommandArgs(command, argv, options) {
    try {
        return (0,external_node_util_namespaceObject.parseArgs)({ args: argv, options, allowPositionals: true, strict: true });
    }
    catch (error) {
        const message = error.message;
        const unknown = /^Unknown option '([^']+)'/.exec(message);
        const what = unknown !== null ? `unknown option ${unknown[1]}` : message.split('\n')[0]?.replace(/\.$/, '');
        throw new OperationError('E_USAGE', `${what} for 'vitsnap ${command}'; run 'vitsnap ${command} --help'`);
    }
}
function requireOne(command, positionals, what) {
    if (positionals.length !== 1) {
        throw new OperationError('E_USAGE', `${command} takes exactly one ${what}; run 'vitsnap ${command} --help'`);
    }
    return positionals[0];
}

;// CONCATENATED MODULE: ./src/commands/logger.ts
/** The CLI's one logger: results to stdout, progress and notes to stderr, a progress bar only on a TTY. */
const BAR_WIDTH = 28;
const REDRAW_MS = 100;
function formatBytes(n) {
    if (n < 1024)
        return `${n} B`;
    const units = ['KiB', 'MiB', 'GiB', 'TiB'];
    let value = n / 1024;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
    }
    return `${value.toFixed(value < 10 ? 2 : 1)} ${units[unit]}`;
}
/** A reader that stops early (`vitsnap export … | head`) is not an error: stop writing quietly. */
function ignoreClosedPipes() {
    for (const stream of [process.stdout, process.stderr]) {
        stream.on('error', (error) => {
            if (error.code === 'EPIPE')
                process.exit(0);
            throw error;
        });
    }
}
let pipesHandled = false;
function createLogger(options) {
    if (!pipesHandled) {
        ignoreClosedPipes();
        pipesHandled = true;
    }
    let lastDraw = 0;
    let barShown = false;
    const clear = () => {
        if (barShown) {
            process.stderr.write('\r\x1b[2K');
            barShown = false;
        }
    };
    return {
        out(line) {
            clear();
            process.stdout.write(`${line}\n`);
        },
        note(line) {
            if (options.quiet)
                return;
            clear();
            process.stderr.write(`${line}\n`);
        },
        warn(line) {
            clear();
            process.stderr.write(`warning: ${line}\n`);
        },
        progress(label, done, total) {
            if (options.quiet || !options.stderrIsTTY)
                return;
            const now = Date.now();
            if (now - lastDraw < REDRAW_MS && done < total)
                return;
            lastDraw = now;
            const share = total > 0 ? Math.min(1, done / total) : 1;
            const filled = Math.round(share * BAR_WIDTH);
            const bar = `${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}`;
            process.stderr.write(`\r\x1b[2K${label} ${bar} ${Math.floor(share * 100)}% ${formatBytes(done)} / ${formatBytes(total)}`);
            barShown = true;
        },
        done() {
            clear();
        },
    };
}

;// CONCATENATED MODULE: ./src/commands/create.ts








function displayPath(cwd, path) {
    const rel = (0,external_node_path_namespaceObject.relative)(cwd, path);
    return rel === '' || rel.startsWith('..') ? path : rel;
}
const createCommand = {
    name: 'create',
    summary: 'capture files and toolchain metadata into a .vitsnap snapshot',
    help: `Usage: vitsnap create [globs…] [options]

Capture the files under a root that match the globs (all files when none are given) into one
.vitsnap file, with the toolchains, runner, build environment and git state that made them.

Globs: '*' '?' '**' '[a-z]' '{a,b}'; a leading '!' excludes; a directory name means all below it.
Dot files are included. Quote globs so the shell does not expand them.

Options:
  -C, --root DIR          directory the globs are relative to (default: .)
  -o, --output FILE       snapshot to write (default: snapshot.vitsnap)
      --exclude GLOB      exclude matching paths (repeatable; same as '!GLOB')
      --meta-cmd N=CMD    also record the output of shell command CMD as N (repeatable)
      --env-allowlist A,B record these environment variables too (never secrets)
      --no-metadata       record no toolchain/runner/env/git metadata
      --workers N         hashing/compression threads (default: auto)
      --allow-empty       write a snapshot even when nothing matches
      --json              print the result as JSON
  -q, --quiet             no progress or notes
  -h, --help              show this help

Examples:
  vitsnap create -C build -o app.vitsnap
  vitsnap create 'dist/**' '!dist/**/*.map' -o dist.vitsnap --meta-cmd 'openssl=openssl version'
`,
    async run(argv, ctx) {
        const { values, positionals } = parseCommandArgs('create', argv, {
            ...COMMON_OPTIONS,
            root: { type: 'string', short: 'C' },
            output: { type: 'string', short: 'o' },
            exclude: { type: 'string', multiple: true },
            'meta-cmd': { type: 'string', multiple: true },
            'env-allowlist': { type: 'string' },
            'no-metadata': { type: 'boolean' },
            workers: { type: 'string' },
            'allow-empty': { type: 'boolean' },
        });
        const root = (0,external_node_path_namespaceObject.resolve)(ctx.cwd, values.root ?? '.');
        const output = (0,external_node_path_namespaceObject.resolve)(ctx.cwd, values.output ?? 'snapshot.vitsnap');
        const patterns = positionals.flatMap((p) => parsePatternList(p));
        for (const ex of values.exclude ?? [])
            patterns.push(`!${ex.replace(/^!/, '')}`);
        const relOutput = (0,external_node_path_namespaceObject.relative)(root, output);
        if (relOutput !== '' && !relOutput.startsWith('..') && !relOutput.startsWith('/')) {
            // Never capture the snapshot itself (or an older one at the same path).
            patterns.push(`!${relOutput.split('\\').join('/')}`);
        }
        let workers;
        if (values.workers !== undefined) {
            workers = Number(values.workers);
            if (!Number.isInteger(workers) || workers < 0 || workers > 64) {
                throw new OperationError('E_USAGE', `--workers takes a whole number from 0 to 64 (got ${values.workers})`);
            }
        }
        if (values['no-metadata'] === true && (values['meta-cmd'] !== undefined || values['env-allowlist'] !== undefined)) {
            throw new OperationError('E_USAGE', '--no-metadata cannot be combined with --meta-cmd or --env-allowlist; drop one of them');
        }
        const commands = (values['meta-cmd'] ?? []).map(parseMetadataCommand);
        const envAllowlist = (values['env-allowlist'] ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
        const started = Date.now();
        const metadata = values['no-metadata'] === true
            ? null
            : () => collectMetadata({ root, envAllowlist, commands, env: ctx.env }).then((m) => {
                for (const w of m.warnings)
                    ctx.log.warn(w);
                return { metadata: m.metadata, source: m.source };
            });
        const result = await captureSnapshot({
            root,
            patterns,
            output,
            workers,
            metadata,
            sourceDateEpoch: ctx.env.SOURCE_DATE_EPOCH,
            allowEmpty: values['allow-empty'] === true,
            onProgress: (p) => ctx.log.progress('capturing', p.doneBytes, p.totalBytes),
        });
        ctx.log.done();
        for (const s of result.skipped)
            ctx.log.warn(`skipped ${s.path}: ${s.reason}`);
        const { stats } = result.manifest;
        if (values.json === true) {
            ctx.log.out(JSON.stringify({ output: result.output, size: result.size, stats, skipped: result.skipped }, null, 2));
        }
        else {
            // A ratio only means something once the data outweighs the snapshot's fixed overhead.
            const ratio = stats.bytes > result.size ? ` (${(stats.bytes / result.size).toFixed(2)}×)` : '';
            ctx.log.out(`wrote ${displayPath(ctx.cwd, result.output)}: ${stats.files} files, ${stats.dirs} dirs, ${stats.symlinks} symlinks, ` +
                `${formatBytes(stats.bytes)} → ${formatBytes(result.size)}${ratio} in ${((Date.now() - started) / 1000).toFixed(2)} s`);
        }
        return 0;
    },
};

;// CONCATENATED MODULE: ./src/compare/byte-ranges.ts
const DEFAULT_MAX_RANGES = 1000;
const DEFAULT_MERGE_GAP = 8;
/** Native compares run on windows this large before any byte is looked at in JavaScript. */
const WINDOW = 4096;
/** Bytes hashed per anchor: the shortest equal stretch block matching can find. */
const WINDOW_BYTES = 32;
/** About one position in 2^bits anchors; big inputs get more bits to keep the index small. */
const MIN_ANCHOR_BITS = 5;
const MAX_ANCHORS = 1 << 21;
/** Hash-chain entries looked at per anchor: bounds time on repetitive input. */
const MAX_CHAIN = 16;
/** Spreads anchor hashes (whose top bits are zero) over the table's buckets. */
const HASH_MIX = 0x85ebca6b | 0;
function diffBytes(a, b, opts = {}) {
    const maxRanges = Math.max(0, opts.maxRanges ?? DEFAULT_MAX_RANGES);
    const mergeGap = Math.max(0, opts.mergeGap ?? DEFAULT_MERGE_GAP);
    if (a.length === b.length) {
        if (a.equals(b))
            return { ranges: [], changedBytes: 0, truncated: false };
        return diffSameSize(a, b, maxRanges, mergeGap);
    }
    // Always index the shorter side, so diff(b, a) is exactly diff(a, b) mirrored.
    if (a.length > b.length)
        return mirror(diffResized(b, a, maxRanges, mergeGap));
    return diffResized(a, b, maxRanges, mergeGap);
}
/** The same diff seen from the other side. */
function mirrorRanges(ranges) {
    return ranges.map((r) => ({ oldOffset: r.newOffset, oldLength: r.newLength, newOffset: r.oldOffset, newLength: r.oldLength }));
}
function mirror(diff) {
    return { ...diff, ranges: mirrorRanges(diff.ranges) };
}
/** Collects ranges in order, merging close ones and counting past the cap. */
class RangeSink {
    ranges = [];
    truncated = false;
    current;
    maxRanges;
    mergeGap;
    constructor(maxRanges, mergeGap) {
        this.maxRanges = maxRanges;
        this.mergeGap = mergeGap;
    }
    add(oldOffset, oldLength, newOffset, newLength) {
        const cur = this.current;
        if (cur !== undefined) {
            // Equal stretches have the same length on both sides, so one gap measures both.
            const gap = oldOffset - (cur.oldOffset + cur.oldLength);
            if (gap === 0 || gap < this.mergeGap) {
                cur.oldLength = oldOffset + oldLength - cur.oldOffset;
                cur.newLength = newOffset + newLength - cur.newOffset;
                return;
            }
            this.flush();
        }
        this.current = { oldOffset, oldLength, newOffset, newLength };
    }
    finish() {
        this.flush();
        return this.ranges;
    }
    flush() {
        if (this.current === undefined)
            return;
        if (this.ranges.length < this.maxRanges)
            this.ranges.push(this.current);
        else
            this.truncated = true;
        this.current = undefined;
    }
}
function diffSameSize(a, b, maxRanges, mergeGap) {
    const n = a.length;
    const sink = new RangeSink(maxRanges, mergeGap);
    let changedBytes = 0;
    let runStart = -1;
    for (let w = 0; w < n; w += WINDOW) {
        const end = Math.min(n, w + WINDOW);
        if (a.compare(b, w, end, w, end) === 0) {
            if (runStart >= 0) {
                sink.add(runStart, w - runStart, runStart, w - runStart);
                runStart = -1;
            }
            continue;
        }
        for (let i = w; i < end; i++) {
            if (a[i] !== b[i]) {
                changedBytes++;
                if (runStart < 0)
                    runStart = i;
            }
            else if (runStart >= 0) {
                sink.add(runStart, i - runStart, runStart, i - runStart);
                runStart = -1;
            }
        }
    }
    if (runStart >= 0)
        sink.add(runStart, n - runStart, runStart, n - runStart);
    const ranges = sink.finish();
    return { ranges, changedBytes, truncated: sink.truncated };
}
/** Length of the common run of `a` from `ai` and `b` from `bi`, at most `limit`. */
function commonPrefixLength(a, ai, b, bi, limit) {
    let done = 0;
    while (done < limit) {
        const step = Math.min(WINDOW, limit - done);
        if (a.compare(b, bi + done, bi + done + step, ai + done, ai + done + step) === 0) {
            done += step;
            continue;
        }
        while (done < limit && a[ai + done] === b[bi + done])
            done++;
        return done;
    }
    return done;
}
/** Length of the common run of `a` ending before `aEnd` and `b` ending before `bEnd`, at most `limit`. */
function commonSuffixLength(a, aEnd, b, bEnd, limit) {
    let done = 0;
    while (done < limit) {
        const step = Math.min(WINDOW, limit - done);
        if (a.compare(b, bEnd - done - step, bEnd - done, aEnd - done - step, aEnd - done) === 0) {
            done += step;
            continue;
        }
        while (done < limit && a[aEnd - done - 1] === b[bEnd - done - 1])
            done++;
        return done;
    }
    return done;
}
/** `x` is the shorter side. */
function diffResized(x, y, maxRanges, mergeGap) {
    const prefix = commonPrefixLength(x, 0, y, 0, x.length);
    const suffix = commonSuffixLength(x, x.length, y, y.length, x.length - prefix);
    const xe = x.length - suffix;
    const ye = y.length - suffix;
    const matches = matchBlocks(x, prefix, xe, y, prefix, ye);
    const sink = new RangeSink(maxRanges, mergeGap);
    let changedBytes = 0;
    let cx = prefix;
    let cy = prefix;
    const gap = (xEnd, yEnd) => {
        const oldLength = xEnd - cx;
        const newLength = yEnd - cy;
        if (oldLength === 0 && newLength === 0)
            return;
        changedBytes += oldLength === newLength ? countDiffering(x, cx, y, cy, oldLength) : Math.max(oldLength, newLength);
        sink.add(cx, oldLength, cy, newLength);
    };
    for (const m of matches) {
        gap(m.x, m.y);
        cx = m.x + m.length;
        cy = m.y + m.length;
    }
    gap(xe, ye);
    return { ranges: sink.finish(), changedBytes, truncated: sink.truncated };
}
function countDiffering(a, ai, b, bi, length) {
    let count = 0;
    for (let i = 0; i < length; i++)
        if (a[ai + i] !== b[bi + i])
            count++;
    return count;
}
/** A gear hash's random byte table (fixed seed): h = (h << 1) + GEAR[byte] hashes the last 32 bytes. */
const byte_ranges_GEAR = (() => {
    const table = new Int32Array(256);
    let state = 0x2545f491;
    for (let i = 0; i < 256; i++) {
        state ^= state << 13;
        state ^= state >>> 17;
        state ^= state << 5;
        table[i] = state;
    }
    return table;
})();
/**
 * The next content-defined anchor at or after `from`: a position whose 32-byte window has a gear
 * hash with the `mask` bits zero. The same content anchors at the same places on both sides, so
 * only anchors are indexed (of x) and looked up (in y). `state` is [hash, warm]: when warm, the
 * hash of the window ending just before `from + 31` is carried over instead of recomputed.
 */
function nextAnchor(buf, from, end, mask, state) {
    let h = 0;
    let i = from;
    if (state[1] === 1) {
        h = state[0];
        i = from + WINDOW_BYTES - 1;
    }
    else {
        const warm = Math.min(end, from + WINDOW_BYTES - 1);
        for (; i < warm; i++)
            h = ((h << 1) + byte_ranges_GEAR[buf[i]]) | 0;
    }
    for (; i < end; i++) {
        h = ((h << 1) + byte_ranges_GEAR[buf[i]]) | 0;
        if ((h & mask) === 0) {
            state[0] = h;
            state[1] = 1;
            return i - WINDOW_BYTES + 1;
        }
    }
    state[1] = 0;
    return -1;
}
/**
 * Greedy, monotonic anchor matching: anchors of x[xs, xe) go into a hash table (chains in offset
 * order); y[ys, ye) is scanned for anchors, each looked up, verified and extended both ways.
 * Everything between matches is a range.
 */
function matchBlocks(x, xs, xe, y, ys, ye) {
    if (xe - xs < WINDOW_BYTES || ye - ys < WINDOW_BYTES)
        return [];
    // Anchors of x are kept at least `spacing` apart (repetitive input anchors everywhere), which
    // bounds the index at MAX_ANCHORS entries.
    let anchorBits = MIN_ANCHOR_BITS;
    while ((xe - xs) >> (anchorBits - 1) > MAX_ANCHORS)
        anchorBits++;
    const mask = (0xffffffff << (32 - anchorBits)) | 0;
    const spacing = 1 << (anchorBits - 1);
    const state = new Int32Array(2);
    const found = [];
    const foundHashes = [];
    for (let from = xs;;) {
        const q = nextAnchor(x, from, xe, mask, state);
        if (q < 0)
            break;
        found.push(q);
        foundHashes.push(state[0]);
        from = q + spacing;
        state[1] = 0;
    }
    const count = found.length;
    if (count === 0)
        return [];
    const positions = Int32Array.from(found);
    const hashes = Int32Array.from(foundHashes);
    let tableBits = 10;
    while (1 << tableBits < count * 2)
        tableBits++;
    const shift = 32 - tableBits;
    const head = new Int32Array(1 << tableBits).fill(-1);
    const next = new Int32Array(count);
    // Inserted back to front, so each chain runs from the lowest offset up.
    for (let k = count - 1; k >= 0; k--) {
        const bucket = Math.imul(hashes[k], HASH_MIX) >>> shift;
        next[k] = head[bucket];
        head[bucket] = k;
    }
    const matches = [];
    let xPos = xs;
    let yPos = ys;
    state[1] = 0;
    for (let p = ys; p < ye;) {
        const at = nextAnchor(y, p, ye, mask, state);
        if (at < 0)
            break;
        const h = state[0];
        const bucket = Math.imul(h, HASH_MIX) >>> shift;
        // Matches only move forward, so entries behind xPos are dead for good: drop them.
        let k = head[bucket];
        while (k >= 0 && positions[k] < xPos)
            k = next[k];
        head[bucket] = k;
        let match = -1;
        for (let steps = 0; k >= 0 && steps < MAX_CHAIN; steps++, k = next[k]) {
            const q = positions[k];
            if (hashes[k] === h && q + WINDOW_BYTES <= xe && x.compare(y, at, at + WINDOW_BYTES, q, q + WINDOW_BYTES) === 0) {
                match = q;
                break;
            }
        }
        if (match < 0) {
            p = at + 1;
            continue;
        }
        let mx = match;
        let my = at;
        while (mx > xPos && my > yPos && x[mx - 1] === y[my - 1]) {
            mx--;
            my--;
        }
        const forward = commonPrefixLength(x, match + WINDOW_BYTES, y, at + WINDOW_BYTES, Math.min(xe - match, ye - at) - WINDOW_BYTES);
        const length = match + WINDOW_BYTES + forward - mx;
        matches.push({ x: mx, y: my, length });
        xPos = mx + length;
        yPos = my + length;
        p = yPos;
        state[1] = 0;
    }
    return matches;
}
// ---------------------------------------------------------------------------------------------
// Hexdump
const HEX_WIDTH = 16 * 3 + 1;
/** `hexdump -C` style lines: offset, 16 bytes in hex, the printable ASCII. */
function hexdump(buf, offset, length) {
    const start = Math.max(0, offset);
    const end = Math.min(buf.length, start + Math.max(0, length));
    const lines = [];
    for (let line = start; line < end; line += 16) {
        const stop = Math.min(end, line + 16);
        let hex = '';
        let ascii = '';
        for (let i = line; i < stop; i++) {
            const byte = buf[i];
            hex += `${i - line === 8 ? ' ' : ''}${byte.toString(16).padStart(2, '0')} `;
            ascii += byte >= 0x20 && byte < 0x7f ? String.fromCharCode(byte) : '.';
        }
        lines.push(`${line.toString(16).padStart(8, '0')}  ${hex.padEnd(HEX_WIDTH)} |${ascii}|`);
    }
    return lines;
}
const HEXDUMP_LINE = /^([0-9a-f]{8,})  ((?:[0-9a-f]{2} {1,2})+)/;
/** Reads `hexdump` lines back into byte spans (contiguous lines join one span). */
function parseHexdump(text) {
    const spans = [];
    for (const line of text.split('\n')) {
        const m = HEXDUMP_LINE.exec(line);
        if (m === null)
            continue;
        const offset = Number.parseInt(m[1], 16);
        const bytes = m[2].trim().split(/\s+/).map((h) => Number.parseInt(h, 16));
        const last = spans[spans.length - 1];
        if (last !== undefined && last.offset + last.bytes.length === offset)
            last.bytes.push(...bytes);
        else
            spans.push({ offset, bytes });
    }
    return spans.map((s) => ({ offset: s.offset, bytes: Buffer.from(s.bytes) }));
}

;// CONCATENATED MODULE: ./src/compare/evidence.ts
// ---------------------------------------------------------------------------------------------
// Small helpers
const YEAR = 365.25 * 86_400;
/** Epochs further than this from now are not taken for timestamps. */
const EPOCH_WINDOW = 30 * YEAR;
/** Two binary u32 values count as build times only when this close: random words rarely are. */
const BINARY_EPOCH_SPREAD = 366 * 86_400;
/** Text evidence is looked for this far around a differing stretch. */
const MAX_EXPAND = 256;
/** Stretches longer than this are not one token: no text evidence is looked for. */
const MAX_TEXT_SPAN = 4096;
function plausibleEpoch(seconds, nowSeconds = Date.now() / 1000) {
    return Number.isFinite(seconds) && Math.abs(seconds - nowSeconds) <= EPOCH_WINDOW;
}
function isoOfEpoch(seconds) {
    return new Date(seconds * 1000).toISOString().replace('.000Z', 'Z');
}
function hexOffset(offset) {
    return `0x${offset.toString(16)}`;
}
/** A value quoted for evidence, shortened in the middle when long. */
function quote(value, max = 80) {
    const shown = value.length > max ? `${value.slice(0, max / 2 - 1)}…${value.slice(value.length - max / 2)}` : value;
    return JSON.stringify(shown);
}
function byteAt(view, offset) {
    const i = offset - view.offset;
    return i >= 0 && i < view.bytes.length ? view.bytes[i] : -1;
}
function u16le(view, offset) {
    const lo = byteAt(view, offset);
    const hi = byteAt(view, offset + 1);
    return lo < 0 || hi < 0 ? undefined : lo | (hi << 8);
}
function u32le(view, offset) {
    const lo = u16le(view, offset);
    const hi = u16le(view, offset + 2);
    return lo === undefined || hi === undefined ? undefined : lo + hi * 0x10000;
}
function slice(view, start, end) {
    if (start < view.offset || end > view.offset + view.bytes.length)
        return undefined;
    return view.bytes.subarray(start - view.offset, end - view.offset);
}
function hexOf(bytes, max = 12) {
    if (bytes === undefined)
        return '?';
    const hex = bytes.toString('hex');
    return hex.length > max * 2 ? `${hex.slice(0, max * 2)}…` : hex;
}
function within(inner, outer) {
    return inner[0] >= outer[0] && inner[1] <= outer[1];
}
/** gzip header MTIME (RFC 1952: bytes 4–7 after 1f 8b 08). */
const probeGzipMtime = (before, after, run) => {
    const field = [4, 8];
    if (!within(run, field))
        return undefined;
    for (const view of [before, after]) {
        if (byteAt(view, 0) !== 0x1f || byteAt(view, 1) !== 0x8b || byteAt(view, 2) !== 8)
            return undefined;
    }
    const a = u32le(before, 4);
    const b = u32le(after, 4);
    if (a === undefined || b === undefined)
        return undefined;
    const show = (v) => (v === 0 ? '0' : `${v} (${isoOfEpoch(v)})`);
    return {
        finding: { id: 'timestamp', format: 'gzip', evidence: `gzip header MTIME ${show(a)} vs ${show(b)} at offset 0x4` },
        cover: field,
    };
};
function dosDateTime(date, time) {
    const pad = (n) => String(n).padStart(2, '0');
    const year = 1980 + (date >> 9);
    return `${year}-${pad((date >> 5) & 15)}-${pad(date & 31)} ${pad(time >> 11)}:${pad((time >> 5) & 63)}:${pad((time & 31) * 2)}`;
}
/** DOS time and date of a zip local (PK 03 04, at +10) or central (PK 01 02, at +12) header. */
const probeZipDosTime = (before, after, run) => {
    for (let q = run[0] - 10; q >= run[0] - 16 && q >= 0; q--) {
        const sig = u32le(before, q);
        const fieldAt = sig === 0x04034b50 ? 10 : sig === 0x02014b50 ? 12 : -1;
        if (fieldAt < 0 || u32le(after, q) !== sig)
            continue;
        const field = [q + fieldAt, q + fieldAt + 4];
        if (!within(run, field))
            continue;
        const [ta, da, tb, db] = [u16le(before, field[0]), u16le(before, field[0] + 2), u16le(after, field[0]), u16le(after, field[0] + 2)];
        if (ta === undefined || da === undefined || tb === undefined || db === undefined)
            continue;
        const header = fieldAt === 10 ? 'local' : 'central directory';
        return {
            finding: {
                id: 'timestamp',
                format: 'zip',
                evidence: `DOS time ${dosDateTime(da, ta)} vs ${dosDateTime(db, tb)} in a zip ${header} header at offset ${hexOffset(field[0])}`,
            },
            cover: field,
        };
    }
    return undefined;
};
function tarOctal(view, start, length) {
    const bytes = slice(view, start, start + length);
    if (bytes === undefined)
        return undefined;
    const text = bytes.toString('latin1').replace(/[\0 ]+$/, '').trim();
    return /^[0-7]+$/.test(text) ? Number.parseInt(text, 8) : undefined;
}
function isUstar(view, block) {
    return slice(view, block + 257, block + 262)?.toString('latin1') === 'ustar';
}
/** A ustar header's mtime (octal at +136), and its checksum (+148) when the mtime also differs. */
const probeTarMtime = (before, after, run) => {
    const block = Math.floor(run[0] / 512) * 512;
    if (!isUstar(before, block) || !isUstar(after, block))
        return undefined;
    const mtime = [block + 136, block + 148];
    const checksum = [block + 148, block + 156];
    const a = tarOctal(before, mtime[0], 12);
    const b = tarOctal(after, mtime[0], 12);
    if (a === undefined || b === undefined || a === b)
        return undefined;
    if (!within(run, mtime) && !within(run, checksum))
        return undefined;
    return {
        finding: { id: 'timestamp', format: 'tar', evidence: `tar header mtime ${a} (${isoOfEpoch(a)}) vs ${b} (${isoOfEpoch(b)}) at offset ${hexOffset(mtime[0])}` },
        cover: within(run, mtime) ? mtime : checksum,
    };
};
/** ELF note header just before `desc`: namesz 4, descsz, type, then the 4-byte name. */
function noteDescSize(view, desc, name, type) {
    if (u32le(view, desc - 4) !== name || u32le(view, desc - 16) !== 4 || u32le(view, desc - 8) !== type)
        return undefined;
    const size = u32le(view, desc - 12);
    return size !== undefined && size >= 8 && size <= 256 ? size : undefined;
}
const NOTES = [
    { name: 0x00554e47, type: 3, label: 'GNU build-id note', format: 'elf' }, // "GNU\0", NT_GNU_BUILD_ID
    { name: 0x00006f47, type: 4, label: 'Go build ID note', format: 'go' }, // "Go\0\0", ELF_NOTE_GOBUILDID_TAG
];
const probeElfBuildId = (before, after, run) => {
    for (let desc = run[0]; desc >= run[0] - 256 && desc >= 16; desc--) {
        for (const note of NOTES) {
            const size = noteDescSize(before, desc, note.name, note.type);
            if (size === undefined || noteDescSize(after, desc, note.name, note.type) !== size)
                continue;
            const field = [desc, desc + size];
            if (!within(run, field))
                continue;
            const a = slice(before, field[0], field[1]);
            const b = slice(after, field[0], field[1]);
            const show = (bytes) => (note.format === 'go' && bytes !== undefined ? quote(bytes.toString('latin1'), 40) : hexOf(bytes));
            return {
                finding: { id: 'build-id', format: note.format, evidence: `${note.label} ${show(a)} vs ${show(b)} at offset ${hexOffset(desc)}` },
                cover: field,
            };
        }
    }
    return undefined;
};
/** Mach-O LC_UUID (cmd 0x1b, cmdsize 24) and PE CodeView RSDS GUID + age. */
const probeUuidCommands = (before, after, run) => {
    for (let at = run[0]; at >= run[0] - 20 && at >= 8; at--) {
        if (u32le(before, at - 8) === 0x1b && u32le(before, at - 4) === 24 && u32le(after, at - 8) === 0x1b && u32le(after, at - 4) === 24) {
            const field = [at, at + 16];
            if (within(run, field)) {
                return {
                    finding: { id: 'build-id', format: 'macho', evidence: `Mach-O LC_UUID ${hexOf(slice(before, at, at + 16), 16)} vs ${hexOf(slice(after, at, at + 16), 16)} at offset ${hexOffset(at)}` },
                    cover: field,
                };
            }
        }
        const rsds = 0x53445352; // "RSDS"
        if (u32le(before, at - 4) === rsds && u32le(after, at - 4) === rsds) {
            const field = [at, at + 20];
            if (within(run, field)) {
                return {
                    finding: { id: 'build-id', format: 'pe', evidence: `PE debug (RSDS) GUID ${hexOf(slice(before, at, at + 16), 16)} vs ${hexOf(slice(after, at, at + 16), 16)} at offset ${hexOffset(at)}` },
                    cover: field,
                };
            }
        }
    }
    return undefined;
};
/** PE/COFF TimeDateStamp: 4 bytes at +8 after "PE\0\0", when both values are dates. */
const probePeTimestamp = (before, after, run) => {
    for (let pe = run[0] - 8; pe >= run[0] - 11 && pe >= 0; pe--) {
        if (u32le(before, pe) !== 0x00004550 || u32le(after, pe) !== 0x00004550)
            continue;
        const field = [pe + 8, pe + 12];
        const a = u32le(before, field[0]);
        const b = u32le(after, field[0]);
        if (!within(run, field) || a === undefined || b === undefined || !plausibleEpoch(a) || !plausibleEpoch(b))
            continue;
        return {
            finding: { id: 'timestamp', format: 'pe', evidence: `PE TimeDateStamp ${a} (${isoOfEpoch(a)}) vs ${b} (${isoOfEpoch(b)}) at offset ${hexOffset(field[0])}` },
            cover: field,
        };
    }
    return undefined;
};
/** Zip "UT" extended-timestamp extra field (0x5455): flags, then up to three u32 times. */
const probeZipExtendedTime = (before, after, run) => {
    for (let tag = run[0] - 5; tag >= run[0] - 13 && tag >= 0; tag--) {
        if (u16le(before, tag) !== 0x5455 || u16le(after, tag) !== 0x5455)
            continue;
        const size = u16le(before, tag + 2);
        if (size === undefined || size < 5 || size > 13 || (size - 1) % 4 !== 0 || u16le(after, tag + 2) !== size)
            continue;
        const field = [tag + 5, tag + 4 + size];
        if (!within(run, field))
            continue;
        const slot = Math.floor((run[0] - field[0]) / 4) * 4 + field[0];
        const a = u32le(before, slot);
        const b = u32le(after, slot);
        if (a === undefined || b === undefined)
            continue;
        return {
            finding: {
                id: 'timestamp',
                format: 'zip',
                evidence: `zip extended timestamp (UT) ${a} (${isoOfEpoch(a)}) vs ${b} (${isoOfEpoch(b)}) at offset ${hexOffset(slot)}`,
            },
            cover: field,
        };
    }
    return undefined;
};
/** Bare binary epochs must be recent: random words fall in ±30 years far too often (≈ 44 %). */
const RECENT_EPOCH_YEARS = 10;
function recentEpoch(seconds, nowSeconds = Date.now() / 1000) {
    return seconds >= nowSeconds - RECENT_EPOCH_YEARS * YEAR && seconds <= nowSeconds + 86_400;
}
/**
 * A 4-aligned little-endian u32 that is a recent time on both sides, the two within a year, the
 * run starting at its low byte, and not four printable bytes (`"22:1"` reads as a 2011 epoch).
 * Each condition removes most random words; real build clocks pass all of them.
 */
const probeEpochU32 = (before, after, run) => {
    if (run[1] - run[0] > 4 || run[0] % 4 !== 0)
        return undefined;
    const field = [run[0], run[0] + 4];
    for (const view of [before, after]) {
        const bytes = slice(view, field[0], field[1]);
        if (bytes === undefined || bytes.every((byte) => isPrintable(byte, true)))
            return undefined;
    }
    const a = u32le(before, field[0]);
    const b = u32le(after, field[0]);
    if (a === undefined || b === undefined || !recentEpoch(a) || !recentEpoch(b))
        return undefined;
    if (a === b || Math.abs(a - b) > BINARY_EPOCH_SPREAD)
        return undefined;
    return {
        finding: { id: 'timestamp', evidence: `${a} (${isoOfEpoch(a)}) vs ${b} (${isoOfEpoch(b)}) as a little-endian u32 epoch at offset ${hexOffset(field[0])}` },
        cover: field,
    };
};
/** Known headers and notes, most specific first; bare little-endian epochs only after text evidence. */
const STRUCTURE_PROBES = [probeGzipMtime, probeZipDosTime, probeZipExtendedTime, probeTarMtime, probeElfBuildId, probeUuidCommands, probePeTimestamp];
function isPrintable(byte, binary) {
    return (byte >= 0x20 && byte < 0x7f) || byte === 9 || (!binary && byte >= 0x80);
}
/** The printable text around the stretch (its inside may hold NULs); other bytes become NUL. */
function textAround(side, binary) {
    const { view, start, end } = side;
    if (end - start > MAX_TEXT_SPAN)
        return undefined;
    const lo = view.offset;
    const hi = view.offset + view.bytes.length;
    let ws = Math.max(lo, start);
    while (ws > lo && start - ws < MAX_EXPAND && isPrintable(byteAt(view, ws - 1), binary))
        ws--;
    let we = Math.min(hi, end);
    while (we < hi && we - end < MAX_EXPAND && isPrintable(byteAt(view, we), binary))
        we++;
    let text = '';
    for (let i = ws; i < we; i++) {
        const byte = byteAt(view, i);
        text += isPrintable(byte, binary) ? String.fromCharCode(byte) : '\0';
    }
    return { text, base: ws, span: [start, end] };
}
function touches(token, span) {
    if (span[0] === span[1])
        return token.start <= span[0] && token.end >= span[0];
    return token.start < span[1] && token.end > span[0];
}
function scan(side, kind, pattern, accept = () => true) {
    const tokens = [];
    const re = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
    for (let m = re.exec(side.text); m !== null; m = re.exec(side.text)) {
        if (m[0].length === 0) {
            re.lastIndex++;
            continue;
        }
        const token = { kind, text: m[0], start: side.base + m.index, end: side.base + m.index + m[0].length };
        if (touches(token, side.span) && accept(m))
            tokens.push(token);
    }
    return tokens;
}
/** Drops tokens inside a longer token (the time inside an ISO 8601 stamp). */
function outermost(tokens) {
    return tokens.filter((t) => !tokens.some((o) => o !== t && o.start <= t.start && o.end >= t.end && o.end - o.start > t.end - t.start));
}
/** Tokens of the same kind, paired in order; only pairs whose texts differ. */
function pairTokens(before, after) {
    const pairs = [];
    const used = new Set();
    for (const b of before) {
        const a = after.find((t) => t.kind === b.kind && !used.has(t));
        if (a === undefined)
            continue;
        used.add(a);
        if (a.text !== b.text)
            pairs.push([b, a]);
    }
    return pairs;
}
const MONTH = '(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)';
const WEEKDAY = '(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)';
const DATE_PATTERNS = [
    { kind: 'epoch seconds', pattern: /(?<![0-9.])[0-9]{10}(?![0-9])/, accept: (m) => plausibleEpoch(Number(m[0])) },
    { kind: 'epoch milliseconds', pattern: /(?<![0-9.])[0-9]{13}(?![0-9])/, accept: (m) => plausibleEpoch(Number(m[0]) / 1000) },
    {
        kind: 'ISO 8601',
        pattern: /(?<![0-9])[12][0-9]{3}-[01][0-9]-[0-3][0-9](?:[T ][0-2][0-9]:[0-5][0-9](?::[0-5][0-9](?:[.,][0-9]+)?)?(?:Z|[+-][0-2][0-9]:?[0-5][0-9])?)?/,
    },
    { kind: 'ISO 8601', pattern: /(?<![0-9])[12][0-9]{3}[01][0-9][0-3][0-9]T[0-2][0-9][0-5][0-9][0-5][0-9]Z?/ },
    { kind: '__DATE__', pattern: new RegExp(`${MONTH} [ 0-3][0-9] [12][0-9]{3}`) },
    { kind: '__TIME__', pattern: /(?<![0-9:])[0-2][0-9]:[0-5][0-9]:[0-5][0-9](?![0-9:])/ },
    { kind: 'RFC 2822', pattern: new RegExp(`${WEEKDAY}, [0-3]?[0-9] ${MONTH} [12][0-9]{3} [0-2][0-9]:[0-5][0-9](?::[0-5][0-9])? (?:GMT|UTC|UT|[+-][0-9]{4})`) },
    { kind: 'date(1)', pattern: new RegExp(`${WEEKDAY} ${MONTH} [ 0-3]?[0-9] [0-2][0-9]:[0-5][0-9]:[0-5][0-9](?: [A-Z]{2,5})? [12][0-9]{3}`) },
];
function findDates(side) {
    return outermost(DATE_PATTERNS.flatMap((d) => scan(side, d.kind, d.pattern, d.accept)));
}
function showToken(token) {
    if (token.kind === 'epoch seconds')
        return `${quote(token.text)} (${isoOfEpoch(Number(token.text))})`;
    if (token.kind === 'epoch milliseconds')
        return `${quote(token.text)} (${isoOfEpoch(Number(token.text) / 1000)})`;
    return quote(token.text);
}
function probeDates(before, after, where) {
    const pairs = pairTokens(findDates(before), findDates(after));
    if (pairs.length === 0)
        return undefined;
    const shown = pairs.map(([b, a]) => `${showToken(b)} vs ${showToken(a)} (${b.kind})`);
    return {
        findings: [{ id: 'timestamp', evidence: `${shown.join(', ')} at ${where}` }],
        before: pairs.map(([b]) => [b.start, b.end]),
        after: pairs.map(([, a]) => [a.start, a.end]),
    };
}
const POSIX_PATH = /(?<![\w.~@%+=,-])\/(?:[\w.@+~%=,-]+\/)*[\w.@+~%=,-]+\/?/;
const WINDOWS_PATH = /(?<![\w])[A-Za-z]:\\(?:[\w.@+~%=,-]+\\)*[\w.@+~%=,-]+\\?/;
/** Roots where two machines' build trees live; system roots are excluded (a different path there is a toolchain). */
const BUILD_ROOTS = /^(?:\/tmp\/|\/var\/tmp\/|\/private\/(?:var|tmp)\/|\/home\/|\/Users\/|\/root\/|\/build\/|\/builds\/|\/__w\/|\/github\/|\/runner\/|\/workspace|\/work\/|\/src\/|\/mnt\/|\/srv\/|\/data\/|\/opt\/buildagent\/|\/agent\/|[A-Za-z]:\\)/;
const SYSTEM_ROOTS = /^(?:\/usr\/|\/lib|\/bin\/|\/sbin\/|\/etc\/|\/opt\/(?!buildagent)|\/nix\/store\/|\/gnu\/store\/|\/System\/|\/Library\/|\/Applications\/|[A-Za-z]:\\(?:Program Files|Windows))/i;
function segmentsOf(path) {
    return path.replace(/[\\/]+$/, '').split(/[\\/]/);
}
function languageOfPath(path) {
    if (/\.rs$|\/\.cargo\/|\/rustc\//.test(path))
        return 'rust';
    if (/\.go$|\/go\/pkg\/mod\//.test(path))
        return 'go';
    if (/\.(?:c|h|cc|cpp|cxx|hpp|hh|S|s|m|mm)$/.test(path))
        return 'c';
    if (/\.pyw?$|site-packages/.test(path))
        return 'python';
    if (/\.(?:m?js|cjs|ts|tsx|jsx|vue|svelte)$|node_modules/.test(path))
        return 'js';
    if (/\.(?:java|kt|scala)$/.test(path))
        return 'class';
    return undefined;
}
/** `/home/alice` vs `/home/bob`: a home directory, i.e. the user building. */
const HOME_DIR = /^(?:\/home\/[^/]+|\/Users\/[^/]+|\/root|[A-Za-z]:\\Users\\[^\\]+)\/?$/;
/**
 * Two absolute paths that differ only in a leading directory: the old and new prefixes, when the
 * rest is common, or both whole paths when both sit under a build root (a recorded build directory).
 */
function prefixDifference(before, after) {
    if (before === after || SYSTEM_ROOTS.test(before) || SYSTEM_ROOTS.test(after))
        return undefined;
    const sa = segmentsOf(before);
    const sb = segmentsOf(after);
    let common = 0;
    while (common < sa.length - 1 && common < sb.length - 1 && sa[sa.length - 1 - common] === sb[sb.length - 1 - common])
        common++;
    const sep = before.includes('\\') && !before.includes('/') ? '\\' : '/';
    const prefixA = sa.slice(0, sa.length - common).join(sep);
    const prefixB = sb.slice(0, sb.length - common).join(after.includes('\\') && !after.includes('/') ? '\\' : '/');
    const rest = sa.slice(sa.length - common).join(sep);
    if (common === 0 && !(BUILD_ROOTS.test(`${before}/`) && BUILD_ROOTS.test(`${after}/`)))
        return undefined;
    if (prefixA.length < 2 || prefixB.length < 2)
        return undefined;
    return { before: prefixA, after: prefixB, rest };
}
function findPaths(side) {
    return [...scan(side, 'path', POSIX_PATH), ...scan(side, 'path', WINDOWS_PATH)].sort((x, y) => x.start - y.start);
}
function probePaths(before, after, where) {
    const pairs = pairTokens(findPaths(before), findPaths(after));
    const result = { findings: [], before: [], after: [] };
    for (const [b, a] of pairs) {
        if (HOME_DIR.test(b.text) && HOME_DIR.test(a.text)) {
            result.findings.push({ id: 'env', evidence: `home directory ${quote(b.text)} vs ${quote(a.text)} ($HOME) at ${where}` });
        }
        else {
            const diff = prefixDifference(b.text, a.text);
            if (diff === undefined)
                continue;
            const language = languageOfPath(b.text);
            const rest = diff.rest === '' ? '' : ` (common rest ${quote(diff.rest)})`;
            result.findings.push({
                id: 'build-path',
                evidence: `build directory prefix ${quote(diff.before)} vs ${quote(diff.after)}${rest} at ${where}`,
                prefixes: [diff.before, diff.after],
                ...(language === undefined ? {} : { format: language }),
            });
        }
        result.before.push([b.start, b.end]);
        result.after.push([a.start, a.end]);
    }
    return result.findings.length > 0 ? result : undefined;
}
const ENV_PATTERNS = [
    { kind: 'variable', pattern: /\b(?:USER|USERNAME|LOGNAME|HOSTNAME|HOST|COMPUTERNAME|HOME)=[^\s\0"';]+/ },
    // A standalone user@host without a public domain: "alice@buildbox-7", "bob@ci-runner.local"
    {
        kind: 'user@host',
        pattern: /(?<=^|[\0\s"'(=:,])[a-z_][a-z0-9_-]{1,31}@(?=[A-Za-z0-9-]*[A-Za-z])[A-Za-z0-9][A-Za-z0-9-]{2,62}(?:\.(?:local|lan|internal|localdomain|home))?(?=$|[\0\s"'),:;])/,
    },
];
function probeEnv(before, after, where) {
    const find = (side) => ENV_PATTERNS.flatMap((p) => scan(side, p.kind, p.pattern));
    const pairs = pairTokens(find(before), find(after));
    if (pairs.length === 0)
        return undefined;
    return {
        findings: [{ id: 'env', evidence: `${pairs.map(([b, a]) => `${quote(b.text)} vs ${quote(a.text)}`).join(', ')} (user/host of the build) at ${where}` }],
        before: pairs.map(([b]) => [b.start, b.end]),
        after: pairs.map(([, a]) => [a.start, a.end]),
    };
}
const GO_BUILD_ID = /Go build ID: "[^"\0]{8,}"/;
function probeGoBuildIdText(before, after, where) {
    const pairs = pairTokens(scan(before, 'go', GO_BUILD_ID), scan(after, 'go', GO_BUILD_ID));
    if (pairs.length === 0)
        return undefined;
    const [b, a] = pairs[0];
    return {
        findings: [{ id: 'build-id', format: 'go', evidence: `${quote(b.text, 60)} vs ${quote(a.text, 60)} at ${where}` }],
        before: pairs.map(([t]) => [t.start, t.end]),
        after: pairs.map(([, t]) => [t.start, t.end]),
    };
}
/** "1,5" vs "1.5", "1.234,5" vs "1,234.5": the same number in another locale's separators. */
function probeDecimals(before, after, where) {
    const number = /(?<![\d.,])\d+(?:[.,\u00a0\u202f']\d+)+(?![\d])/;
    const pairs = pairTokens(scan(before, 'number', number), scan(after, 'number', number)).filter(([b, a]) => b.text.replace(/\D/g, '') === a.text.replace(/\D/g, ''));
    if (pairs.length === 0)
        return undefined;
    return {
        findings: [{ id: 'locale', evidence: `${pairs.map(([b, a]) => `${quote(b.text)} vs ${quote(a.text)}`).join(', ')} (same digits, other separators) at ${where}` }],
        before: pairs.map(([b]) => [b.start, b.end]),
        after: pairs.map(([, a]) => [a.start, a.end]),
    };
}
const RANDOM_PATTERNS = [
    { kind: 'UUID', pattern: /(?<![0-9a-fA-F-])[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-4[0-9a-fA-F]{3}-[89abAB][0-9a-fA-F]{3}-[0-9a-fA-F]{12}(?![0-9a-fA-F-])/ },
    { kind: 'hex token', pattern: /(?<![0-9a-fA-F])[0-9a-fA-F]{32,}(?![0-9a-fA-F])/ },
];
function probeRandom(before, after, where) {
    const find = (side) => RANDOM_PATTERNS.flatMap((p) => scan(side, p.kind, p.pattern));
    const pairs = pairTokens(find(before), find(after)).filter(([b, a]) => b.text.length === a.text.length);
    if (pairs.length === 0)
        return undefined;
    return {
        findings: [
            {
                id: 'randomness',
                evidence: `${pairs.map(([b, a]) => `${b.kind} ${quote(b.text, 48)} vs ${quote(a.text, 48)}`).join(', ')} (random-looking, equal length, nothing else explains it) at ${where}`,
            },
        ],
        before: pairs.map(([b]) => [b.start, b.end]),
        after: pairs.map(([, a]) => [a.start, a.end]),
    };
}
/** Randomness comes last and only for bytes nothing else accounts for. */
const TEXT_PROBES = [probeGoBuildIdText, probeDates, probePaths, probeEnv, probeDecimals];
// ---------------------------------------------------------------------------------------------
// A site: run every probe, then check every differing byte is accounted for
class Coverage {
    intervals = [];
    add(interval) {
        this.intervals.push(interval);
    }
    has(offset) {
        return this.intervals.some(([s, e]) => offset >= s && offset < e);
    }
    spans(interval) {
        for (let i = interval[0]; i < interval[1]; i++)
            if (!this.has(i))
                return false;
        return true;
    }
}
/** Runs of differing bytes of a same-length site, as file offsets of the before side. */
function differingRuns(site) {
    const runs = [];
    const { before, after } = site;
    const length = before.end - before.start;
    let runStart = -1;
    for (let j = 0; j <= length; j++) {
        const differs = j < length && byteAt(before.view, before.start + j) !== byteAt(after.view, after.start + j);
        if (differs && runStart < 0)
            runStart = j;
        if (!differs && runStart >= 0) {
            runs.push([before.start + runStart, before.start + j]);
            runStart = -1;
        }
    }
    return runs;
}
function analyzeSite(site) {
    // A long stretch is not one token or field: nothing here could prove it.
    if (site.before.end - site.before.start > MAX_TEXT_SPAN || site.after.end - site.after.start > MAX_TEXT_SPAN) {
        return { findings: [], explained: false };
    }
    const findings = [];
    const coverBefore = new Coverage();
    const coverAfter = new Coverage();
    const sameLength = site.before.end - site.before.start === site.after.end - site.after.start;
    const binaryRuns = site.binary && sameLength && site.before.start === site.after.start;
    const runs = sameLength ? differingRuns(site) : [];
    const explained = () => {
        if (sameLength) {
            const shift = site.after.start - site.before.start;
            return runs.every(([s, e]) => {
                for (let i = s; i < e; i++)
                    if (!coverBefore.has(i) && !coverAfter.has(i + shift))
                        return false;
                return true;
            });
        }
        // Different lengths: what no finding covers must read the same on both sides.
        const rest = (side, cover) => {
            const segments = [];
            let current = '';
            for (let i = side.start; i < side.end; i++) {
                if (cover.has(i)) {
                    if (current !== '')
                        segments.push(current);
                    current = '';
                }
                else
                    current += String.fromCharCode(byteAt(side.view, i) & 0xff);
            }
            if (current !== '')
                segments.push(current);
            return segments;
        };
        return rest(site.before, coverBefore).join('\0') === rest(site.after, coverAfter).join('\0');
    };
    const probeRuns = (probes) => {
        if (!binaryRuns)
            return;
        for (const run of runs) {
            if (coverBefore.spans(run))
                continue;
            for (const probe of probes) {
                const hit = probe(site.before.view, site.after.view, run);
                if (hit === undefined)
                    continue;
                findings.push(hit.finding);
                coverBefore.add(hit.cover);
                coverAfter.add(hit.cover);
                break;
            }
        }
    };
    const apply = (result) => {
        if (result === undefined)
            return;
        findings.push(...result.findings);
        result.before.forEach((i) => coverBefore.add(i));
        result.after.forEach((i) => coverAfter.add(i));
    };
    probeRuns(STRUCTURE_PROBES);
    if (explained())
        return { findings, explained: true };
    const textBefore = textAround(site.before, site.binary);
    const textAfter = textAround(site.after, site.binary);
    if (textBefore !== undefined && textAfter !== undefined) {
        for (const probe of TEXT_PROBES)
            apply(probe(textBefore, textAfter, site.where));
        if (explained())
            return { findings, explained: true };
    }
    if (site.bareEpochs === true) {
        probeRuns([probeEpochU32]);
        if (explained())
            return { findings, explained: true };
    }
    if (textBefore !== undefined && textAfter !== undefined)
        apply(probeRandom(textBefore, textAfter, site.where));
    return { findings, explained: explained() };
}
/** A site for two text values (a field, a line, a JSON value): the differing middle, found by common prefix and suffix. */
function textSite(before, after, where) {
    const a = Buffer.from(before, 'utf8');
    const b = Buffer.from(after, 'utf8');
    let prefix = 0;
    while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix])
        prefix++;
    let suffix = 0;
    while (suffix < a.length - prefix && suffix < b.length - prefix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix])
        suffix++;
    return {
        before: { view: { offset: 0, bytes: a }, start: prefix, end: a.length - suffix },
        after: { view: { offset: 0, bytes: b }, start: prefix, end: b.length - suffix },
        where,
        binary: false,
    };
}

;// CONCATENATED MODULE: ./src/compare/types.ts
/**
 * One `Difference` tree per comparison; every report (text, JSON, Markdown, HTML) presents it.
 * Comparators add children for what they understand (members, fields, sections, lines, bytes);
 * the cause classifier labels each node with evidence-backed causes.
 */
const CAUSE_IDS = [
    'timestamp', 'build-path', 'file-order', 'build-id', 'permissions', 'symlink', 'toolchain', 'locale', 'env', 'randomness', 'content',
];
const DEFAULT_LIMITS = {
    maxDepth: 8,
    maxExpandedBytes: 256 * 1024 * 1024,
    maxStructuredBytes: 64 * 1024 * 1024,
    maxTextLines: 200_000,
};
/** Thrown by a comparator that cannot handle its input; the registry falls back and records why. */
class ComparatorFallback extends Error {
    name = 'ComparatorFallback';
}

;// CONCATENATED MODULE: ./src/compare/causes.ts
/**
 * The cause classifier: labels every node of a Difference tree with evidence-backed causes and a
 * one-line fix hint for the ecosystem. Evidence first: a `timestamp` means a date was found in the
 * differing bytes or a time field differs; anything not proven is `content` (unexplained).
 */



/** Byte ranges examined per node; the rest count as unexplained. */
const MAX_SITES = 256;
/** Line pairs examined per text node. */
const MAX_LINE_PAIRS = 512;
/** Findings quoted in one cause's evidence; the rest are counted. */
const MAX_EVIDENCE = 3;
const TIMESTAMP_HINTS = {
    gzip: 'gzip -n (--no-name): keep the file name and MTIME out of the gzip header',
    tar: 'tar --sort=name --mtime=@$SOURCE_DATE_EPOCH --owner=0 --group=0 --numeric-owner',
    zip: 'touch the files to $SOURCE_DATE_EPOCH, then zip -X with sorted entries (or run strip-nondeterminism on the zip)',
    jar: 'Gradle: preserveFileTimestamps = false and reproducibleFileOrder = true; jar --date=<ISO time of $SOURCE_DATE_EPOCH>; Maven: project.build.outputTimestamp',
    wheel: 'export SOURCE_DATE_EPOCH before building the wheel (python -m build and pip wheel use it for entry times)',
    pyc: 'python -m compileall --invalidation-mode checked-hash (py_compile: PycInvalidationMode.CHECKED_HASH): no source mtime in the header',
    pe: 'link with /Brepro (MSVC) or -Wl,--no-insert-timestamp (MinGW) so TimeDateStamp is not the build time',
    png: 'strip the tIME chunk (optipng -strip all, or ImageMagick -define png:exclude-chunks=date,time)',
};
const FILE_ORDER_HINTS = {
    zip: 'add entries in sorted order and without extra fields: find . -type f | LC_ALL=C sort | zip -X -@ out.zip',
    jar: 'Gradle: reproducibleFileOrder = true (with preserveFileTimestamps = false); with the jar tool, pass files in sorted order',
    wheel: 'build the wheel with current wheel/setuptools (entries sorted) and SOURCE_DATE_EPOCH set',
    tar: 'tar --sort=name (GNU tar ≥ 1.28), or feed a sorted list: find . | LC_ALL=C sort | tar --no-recursion -T -',
    json: 'write JSON with sorted keys and a stable array order (json.dumps(sort_keys=True), sorted object entries)',
};
const PERMISSION_HINTS = {
    tar: 'tar --owner=0 --group=0 --numeric-owner --mode=go-w, and a fixed umask (umask 022)',
    zip: 'zip -X (no uid/gid extra fields) and a fixed umask (umask 022) before building',
    jar: 'a fixed umask (umask 022) before building; Gradle: set filePermissions/dirPermissions on archive tasks',
};
function buildPathHint(ctx) {
    const old = ctx.prefixes?.[0] ?? 'OLD';
    switch (ctx.format) {
        case 'rust':
            return `RUSTFLAGS="--remap-path-prefix=${old}=." (Rust)`;
        case 'go':
            return 'go build -trimpath (Go)';
        case 'python':
        case 'pyc':
        case 'wheel':
            return 'build in a fixed directory, or compile with py_compile/compileall ddir= a relative name';
        case 'js':
        case 'json':
            return 'emit relative paths (source maps: sourceRoot / devtool settings); never bake the build directory into bundles';
        case 'class':
        case 'jar':
            return 'build in a fixed directory (or relativise paths written by annotation processors / resources)';
        default:
            return `-ffile-prefix-map=${old}=. (C/C++: gcc ≥ 8, clang ≥ 10); Rust --remap-path-prefix, Go -trimpath`;
    }
}
function buildIdHint(ctx) {
    if (ctx.format === 'go')
        return 'go build -trimpath -ldflags=-buildid= (the Go build ID hashes inputs, paths and flags)';
    if (ctx.secondary)
        return 'follows from the other differences in this file: fix those and the build-id will match';
    if (ctx.format === 'pe')
        return 'link with /Brepro (MSVC) so the debug GUID is derived from the content';
    if (ctx.format === 'macho')
        return 'LC_UUID hashes the output: make the inputs reproducible (ld -no_uuid drops it)';
    return 'use a content-derived build-id (-Wl,--build-id=sha1, not uuid or random) and reproducible inputs';
}
function randomnessHint(ctx) {
    switch (ctx.format) {
        case 'python':
        case 'pyc':
        case 'wheel':
            return 'export PYTHONHASHSEED=0 (set/dict order), and derive IDs from content instead of uuid4()';
        case 'c':
        case 'elf':
            return 'gcc -frandom-seed=<output name> for generated symbols; derive IDs from content hashes, not fresh UUIDs';
        default:
            return 'seed random generators and derive IDs from content hashes instead of fresh UUIDs or nonces';
    }
}
const HINTS = {
    timestamp: (ctx) => (ctx.format === undefined ? undefined : TIMESTAMP_HINTS[ctx.format === 'python' ? 'pyc' : ctx.format]) ??
        'export SOURCE_DATE_EPOCH (e.g. $(git log -1 --format=%ct)): gcc/clang take __DATE__/__TIME__ from it, most tools use it instead of the clock',
    'build-path': buildPathHint,
    'file-order': (ctx) => (ctx.format === undefined ? undefined : FILE_ORDER_HINTS[ctx.format]) ??
        'sort deterministically (LC_ALL=C sort) instead of relying on readdir or hash order',
    'build-id': buildIdHint,
    permissions: (ctx) => (ctx.format === undefined ? undefined : PERMISSION_HINTS[ctx.format]) ?? 'set a fixed umask (umask 022) and chmod the outputs explicitly in the build',
    symlink: () => 'create the link with a fixed relative target (ln -sfn ../target link), not one derived from the build directory',
    toolchain: () => 'pin the toolchain: container image digest, exact setup-* action version, rust-toolchain.toml, .nvmrc, .python-version',
    locale: () => 'run the build with LC_ALL=C (and TZ=UTC) so sort order and number/date formats do not follow the machine',
    env: () => 'keep $USER, $HOSTNAME and $HOME out of outputs: fixed values in the build (e.g. KBUILD_BUILD_USER/HOST) or stop embedding them',
    randomness: randomnessHint,
    content: () => 'no known cause: a real source change, or nondeterminism vitsnap does not recognise; inspect the differing bytes',
};
function hintFor(id, format, extra = {}) {
    return HINTS[id]({ format, prefixes: extra.prefixes, secondary: extra.secondary === true });
}
// ---------------------------------------------------------------------------------------------
// What a node's file is
const EXTENSION_FORMATS = [
    [/\.(?:jar|war|ear|aar)$/i, 'jar'],
    [/\.whl$/i, 'wheel'],
    [/\.(?:zip|apk|nupkg|xpi|epub|docx|xlsx|pptx|odt)$/i, 'zip'],
    [/\.(?:tar|tar\.gz|tgz|tar\.xz|txz|tar\.zst|tzst|tar\.bz2|tbz2)$/i, 'tar'],
    [/\.gz$/i, 'gzip'],
    [/\.pyc$/i, 'pyc'],
    [/\.py$/i, 'python'],
    [/\.class$/i, 'class'],
    [/\.png$/i, 'png'],
    [/\.json$/i, 'json'],
    [/\.(?:m?js|cjs|map|css|html?|wasm)$/i, 'js'],
    [/\.(?:exe|dll|sys|efi)$/i, 'pe'],
    [/\.dylib$/i, 'macho'],
    [/\.(?:so(?:\.\d+)*|o|a|ko|elf)$/i, 'elf'],
    [/\.(?:c|h|cc|cpp|cxx|hpp)$/i, 'c'],
    [/\.rs$/i, 'rust'],
    [/\.go$/i, 'go'],
    [/\.(?:txt|md|csv|tsv|ya?ml|toml|ini|cfg|xml|properties|MF|lst|list)$/i, 'text'],
];
function formatOfPath(path) {
    const name = path.split('/').pop() ?? path;
    return EXTENSION_FORMATS.find(([pattern]) => pattern.test(name))?.[1];
}
function formatOfMagic(head) {
    if (head === undefined || head.length < 4)
        return undefined;
    const magic = head.readUInt32BE(0);
    if (magic === 0x7f454c46)
        return 'elf';
    if (head[0] === 0x4d && head[1] === 0x5a)
        return 'pe';
    if ([0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe].includes(magic))
        return 'macho';
    if (magic === 0x504b0304)
        return 'zip';
    if (head[0] === 0x1f && head[1] === 0x8b)
        return 'gzip';
    if (magic === 0x89504e47)
        return 'png';
    if (magic === 0xcafebabe)
        return 'class';
    if (head.length >= 262 && head.subarray(257, 262).toString('latin1') === 'ustar')
        return 'tar';
    return undefined;
}
/** `dist/app.jar!/a.class` → `dist/app.jar`: the archive that holds a member. */
function containerOf(path) {
    const at = path.lastIndexOf('!/');
    return at < 0 ? path : path.slice(0, at);
}
function formatOfNode(node, head) {
    switch (node.comparator) {
        case 'zip': {
            const container = formatOfPath(containerOf(node.path));
            return container === 'jar' || container === 'wheel' ? container : 'zip';
        }
        case 'tar':
            return 'tar';
        case 'gzip':
            return 'gzip';
        case 'elf':
            return 'elf';
        case 'pe':
            return 'pe';
        case 'macho':
            return 'macho';
        case 'pyc':
            return 'pyc';
        case 'class':
            return 'class';
        case 'png':
            return 'png';
        case 'json':
            return 'json';
        case 'sourcemap':
            return 'js';
        case 'text':
            return formatOfPath(node.path) ?? 'text';
        case 'xz':
        case 'zstd':
        case 'binary':
        case undefined:
            return formatOfPath(node.path) ?? formatOfMagic(head) ?? formatOfPath(containerOf(node.path));
    }
}
const COMPILED_KINDS = {
    elf: ['native'],
    macho: ['native'],
    pe: ['native', 'dotnet'],
    c: ['native'],
    rust: ['native'],
    go: ['native'],
    class: ['jvm'],
    jar: ['jvm'],
    pyc: ['python'],
    wheel: ['python'],
    js: ['js'],
};
const TOOL_FAMILIES = {
    native: /^(?:gcc|g\+\+|cc|c\+\+|clang|clang\+\+|ld|ld\.\w+|lld|gold|as|binutils|rustc|cargo|go|zig|swiftc?|gfortran|cmake|make|ninja|nasm)$/i,
    jvm: /^(?:java|javac|jdk|jar|mvn|maven|gradle|kotlinc?|scalac?|sbt)$/i,
    python: /^(?:python[\d.]*|pip[\d.]*|uv|poetry|pdm|hatch)$/i,
    js: /^(?:node|npm|pnpm|yarn|bun|deno|tsc|typescript|esbuild|webpack|rollup|vite|swc|babel|terser)$/i,
    dotnet: /^(?:dotnet|msbuild|csc)$/i,
};
function versionOf(text) {
    if (text === null || text === undefined || text === '')
        return 'none';
    return /\d+\.\d+(?:\.\d+)?/.exec(text)?.[0] ?? quote(text, 40);
}
function toolchainFinding(format, changes) {
    const kinds = format === undefined ? undefined : COMPILED_KINDS[format];
    if (kinds === undefined)
        return undefined;
    const relevant = changes
        .map((c) => (typeof c === 'string' ? { name: c } : c))
        .filter((c) => kinds.some((kind) => TOOL_FAMILIES[kind].test(c.name)));
    if (relevant.length === 0)
        return undefined;
    const withVersions = relevant.filter((c) => c.before !== undefined || c.after !== undefined);
    const evidence = withVersions.length > 0
        ? `${withVersions.map((c) => `${c.name} ${versionOf(c.before)} → ${versionOf(c.after)}`).join(', ')} recorded in the snapshots`
        : `${relevant.map((c) => c.name).join(', ')} changed between the snapshots' toolchain metadata`;
    return { id: 'toolchain', evidence };
}
function words(name) {
    const split = name.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase().split(/[^a-z0-9]+/);
    return new Set([...split, name.toLowerCase(), name.toLowerCase().replace(/[^a-z0-9]+/g, '')]);
}
const BUILD_ID_FIELD = /build[-_ ]?id|lc_uuid|guid|uuid|rsds|codeview|repro/i;
/** Zip extra fields by header id, as the zip comparator names them (`extra.0x5455`). */
const ZIP_TIME_EXTRAS = /0x5455|0x000a/i;
const ZIP_OWNER_EXTRAS = /0x7875|0x7855/i;
const CONSEQUENCE_WORDS = ['crc', 'crc32', 'checksum', 'chksum', 'cksum', 'size', 'compressedsize', 'csize', 'digest'];
const PERMISSION_WORDS = ['mode', 'perm', 'perms', 'permissions', 'attr', 'attrs', 'attributes', 'externalattr', 'externalattributes', 'uid', 'gid', 'owner', 'group', 'uname', 'gname', 'umask'];
const SYMLINK_WORDS = ['linkname', 'linktarget', 'symlink', 'symlinktarget'];
const TIME_WORDS = ['time', 'mtime', 'atime', 'ctime', 'date', 'datetime', 'timestamp', 'stamp', 'timedatestamp', 'modified', 'lastmodified', 'dostime', 'dosdate'];
function hasWord(set, list) {
    return list.some((w) => set.has(w));
}
function fieldValues(name, before, after) {
    return `${name} ${quote(before, 60)} vs ${quote(after, 60)}`;
}
function analyzeField(detail, format) {
    const { name, before, after } = detail;
    const w = words(name);
    const base = { findings: [], unexplained: [], format };
    if (BUILD_ID_FIELD.test(name)) {
        const idFormat = /go/i.test(name) ? 'go' : /lc_uuid/i.test(name) ? 'macho' : /guid|rsds|pdb/i.test(name) ? 'pe' : undefined;
        return { ...base, findings: [{ id: 'build-id', evidence: fieldValues(name, before, after), ...(idFormat === undefined ? {} : { format: idFormat }) }] };
    }
    if (hasWord(w, CONSEQUENCE_WORDS))
        return { ...base, consequenceOf: name, unexplained: [fieldValues(name, before, after)] };
    if (hasWord(w, PERMISSION_WORDS) || ZIP_OWNER_EXTRAS.test(name))
        return { ...base, findings: [{ id: 'permissions', evidence: fieldValues(name, before, after) }] };
    if (hasWord(w, SYMLINK_WORDS) || (w.has('link') && w.has('target'))) {
        return { ...base, findings: [{ id: 'symlink', evidence: `${name} target ${quote(before)} → ${quote(after)}` }] };
    }
    const site = analyzeSite(textSite(before, after, `field ${name}`));
    if (hasWord(w, TIME_WORDS) || ZIP_TIME_EXTRAS.test(name)) {
        // The parser says it is a time; quote the values, with the date we read when we can.
        const dated = site.findings.find((f) => f.id === 'timestamp');
        return { ...base, findings: [dated ?? { id: 'timestamp', evidence: `${fieldValues(name, before, after)} (a time field)` }] };
    }
    return { ...base, findings: site.findings, unexplained: site.explained ? [] : [fieldValues(name, before, after)] };
}
function analyzeOrder(before, after, format) {
    const sorted = (list) => [...list].sort().join('\0');
    const same = sorted(before) === sorted(after);
    const first = before.findIndex((item, i) => item !== after[i]);
    const at = first < 0 ? '' : `; first difference at position ${first + 1}: ${quote(before[first] ?? '', 40)} vs ${quote(after[first] ?? '', 40)}`;
    const evidence = same ? `same ${before.length} entries in another order${at}` : `entries in another order (${before.length} vs ${after.length} listed)${at}`;
    return { findings: [{ id: 'file-order', evidence }], unexplained: [], format };
}
const collator = new Intl.Collator('en');
function isSortedBy(list, compare) {
    for (let i = 1; i < list.length; i++)
        if (compare(list[i - 1], list[i]) > 0)
            return false;
    return true;
}
function byteOrder(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
}
/** Same lines in another order: sorted by bytes on one side and by a locale on the other → locale. */
function reorderFinding(removed, added) {
    if (removed.length < 2 || removed.length !== added.length)
        return undefined;
    if ([...removed].sort().join('\n') !== [...added].sort().join('\n'))
        return undefined;
    const cOrder = (list) => isSortedBy(list, byteOrder);
    const localeOrder = (list) => isSortedBy(list, (a, b) => collator.compare(a, b));
    if ((cOrder(removed) && localeOrder(added)) || (localeOrder(removed) && cOrder(added))) {
        const which = cOrder(removed) ? 'byte (C) order before, locale order after' : 'locale order before, byte (C) order after';
        return { id: 'locale', evidence: `same ${removed.length} lines sorted differently: ${which} (first ${quote(removed[0], 40)} vs ${quote(added[0], 40)})` };
    }
    return { id: 'file-order', evidence: `same ${removed.length} lines in another order (first ${quote(removed[0], 40)} vs ${quote(added[0], 40)})` };
}
function analyzeLines(hunks, truncated, format) {
    const result = { findings: [], unexplained: [], format };
    const removedAll = [];
    const addedAll = [];
    const pairs = [];
    const unpaired = [];
    for (const hunk of hunks) {
        let oldLine = hunk.oldStart;
        let block = { removed: [], added: [] };
        const closeBlock = () => {
            const n = Math.min(block.removed.length, block.added.length);
            for (let i = 0; i < n; i++)
                pairs.push({ before: block.removed[i].text, after: block.added[i], line: block.removed[i].line });
            for (const r of block.removed.slice(n))
                unpaired.push(`line ${r.line} removed`);
            if (block.added.length > n)
                unpaired.push(`${block.added.length - n} line(s) added after line ${oldLine - 1}`);
            block = { removed: [], added: [] };
        };
        for (const line of hunk.lines) {
            const text = line.slice(1);
            if (line.startsWith('-')) {
                if (block.added.length > 0)
                    closeBlock();
                block.removed.push({ text, line: oldLine });
                removedAll.push(text);
                oldLine++;
            }
            else if (line.startsWith('+')) {
                block.added.push(text);
                addedAll.push(text);
            }
            else {
                closeBlock();
                oldLine++;
            }
        }
        closeBlock();
    }
    if (truncated)
        result.unexplained.push('line diff truncated: the rest was not examined');
    const reorder = reorderFinding(removedAll, addedAll);
    if (reorder !== undefined) {
        result.findings.push(reorder);
        return result;
    }
    result.unexplained.push(...unpaired);
    for (const [i, pair] of pairs.entries()) {
        if (i >= MAX_LINE_PAIRS) {
            result.unexplained.push(`${pairs.length - MAX_LINE_PAIRS} changed lines not examined`);
            break;
        }
        const site = analyzeSite(textSite(pair.before, pair.after, `line ${pair.line}`));
        result.findings.push(...site.findings);
        if (!site.explained)
            result.unexplained.push(`line ${pair.line}: ${quote(pair.before, 60)} vs ${quote(pair.after, 60)}`);
    }
    return result;
}
function analyzeJson(detail, format) {
    const result = { findings: [], unexplained: [], format };
    if (detail.truncated)
        result.unexplained.push('JSON diff truncated: the rest was not examined');
    for (const change of detail.changes.slice(0, MAX_LINE_PAIRS)) {
        const where = `JSON ${change.pointer === '' ? '/' : change.pointer}`;
        if (change.op === 'move') {
            result.findings.push({ id: 'file-order', format: 'json', evidence: `array item moved at ${where}` });
        }
        else if (change.op === 'replace' && change.before !== undefined && change.after !== undefined) {
            const site = analyzeSite(textSite(change.before, change.after, where));
            result.findings.push(...site.findings);
            if (!site.explained)
                result.unexplained.push(`${where}: ${quote(change.before, 60)} vs ${quote(change.after, 60)}`);
        }
        else {
            result.unexplained.push(`${where} ${change.op === 'add' ? 'added' : change.op === 'remove' ? 'removed' : 'replaced'}`);
        }
    }
    if (detail.changes.length > MAX_LINE_PAIRS)
        result.unexplained.push(`${detail.changes.length - MAX_LINE_PAIRS} JSON changes not examined`);
    return result;
}
/** The whole file when both readers have it (and it fits the ranges), else the hexdump context. */
function byteViews(path, ranges, hexdumps, ctx) {
    const a = ctx.before?.(path);
    const b = ctx.after?.(path);
    const fits = ranges.every((r) => a !== undefined && b !== undefined && r.oldOffset + r.oldLength <= a.length && r.newOffset + r.newLength <= b.length);
    if (a !== undefined && b !== undefined && fits)
        return { before: [{ offset: 0, bytes: a }], after: [{ offset: 0, bytes: b }] };
    return { before: hexdumps.flatMap((h) => parseHexdump(h.before)), after: hexdumps.flatMap((h) => parseHexdump(h.after)) };
}
function spanHolding(spans, start, end) {
    return spans.find((s) => s.offset <= start && s.offset + s.bytes.length >= end);
}
const EXECUTABLE_FORMATS = new Set(['elf', 'pe', 'macho', 'go']);
function analyzeBytes(path, ranges, truncated, hexdumps, format, ctx) {
    const result = { findings: [], unexplained: [], format };
    const views = byteViews(path, ranges, hexdumps, ctx);
    const sites = [];
    let unexamined = 0;
    for (const [i, r] of ranges.entries()) {
        const before = i < MAX_SITES ? spanHolding(views.before, r.oldOffset, r.oldOffset + r.oldLength) : undefined;
        const after = i < MAX_SITES ? spanHolding(views.after, r.newOffset, r.newOffset + r.newLength) : undefined;
        if (before === undefined || after === undefined) {
            unexamined++;
            continue;
        }
        const site = {
            before: { view: before, start: r.oldOffset, end: r.oldOffset + r.oldLength },
            after: { view: after, start: r.newOffset, end: r.newOffset + r.newLength },
            where: `offset ${hexOffset(r.oldOffset)}`,
            binary: true,
        };
        sites.push({ site, offset: r.oldOffset });
    }
    let analyses = sites.map(({ site }) => analyzeSite(site));
    // Bare u32 epochs only once neither the name, the magic nor a note says executable.
    const executable = EXECUTABLE_FORMATS.has(format) || analyses.some((a) => a.findings.some((f) => EXECUTABLE_FORMATS.has(f.format)));
    if (!executable)
        analyses = analyses.map((a, i) => (a.explained ? a : analyzeSite({ ...sites[i].site, bareEpochs: true })));
    const unexplained = [];
    for (const [i, analysis] of analyses.entries()) {
        result.findings.push(...analysis.findings);
        if (!analysis.explained)
            unexplained.push(sites[i].offset);
    }
    if (unexplained.length > 0) {
        const shown = unexplained.slice(0, 3).map(hexOffset).join(', ');
        result.unexplained.push(`${unexplained.length} of ${ranges.length} differing ranges with no known cause (at ${shown}${unexplained.length > 3 ? ', …' : ''})`);
    }
    if (unexamined > 0)
        result.unexplained.push(`${unexamined} differing ranges not examined (bytes not available)`);
    if (truncated)
        result.unexplained.push('more differing ranges than were recorded');
    return result;
}
function headOf(node, ctx) {
    const detail = node.detail;
    if (detail?.type === 'bytes') {
        const first = detail.hexdump.flatMap((h) => parseHexdump(h.before)).find((s) => s.offset === 0);
        if (first !== undefined)
            return first.bytes;
    }
    return ctx.before?.(node.path)?.subarray(0, 512);
}
function detailValues(node) {
    return node.detail?.type === 'field' ? `${quote(node.detail.before)} → ${quote(node.detail.after)}` : node.summary;
}
/** Every leaf ends with a cause: one with neither findings nor leftovers is unexplained. */
function analyzeLeaf(node, ctx) {
    const analysis = analyzeLeafDetail(node, ctx);
    if (analysis.findings.length === 0 && analysis.unexplained.length === 0 && analysis.consequenceOf === undefined) {
        analysis.unexplained.push(node.summary === '' ? `${node.kind} ${node.path}` : node.summary);
    }
    return analysis;
}
function analyzeLeafDetail(node, ctx) {
    const needsHead = node.comparator === undefined || node.comparator === 'binary' || node.comparator === 'xz' || node.comparator === 'zstd';
    const format = formatOfNode(node, needsHead && formatOfPath(node.path) === undefined ? headOf(node, ctx) : undefined);
    const none = { findings: [], unexplained: [], format };
    if (node.kind === 'mode')
        return { ...none, findings: [{ id: 'permissions', evidence: `mode ${detailValues(node)}` }] };
    if (node.kind === 'symlink')
        return { ...none, findings: [{ id: 'symlink', evidence: `symlink target ${detailValues(node)}` }] };
    const detail = node.detail;
    if (detail?.type === 'order')
        return analyzeOrder(detail.before, detail.after, format);
    if (node.kind === 'order')
        return { ...none, findings: [{ id: 'file-order', evidence: node.summary }] };
    switch (detail?.type) {
        case 'field':
            return analyzeField(detail, format);
        case 'lines':
            return analyzeLines(detail.hunks, detail.truncated, format);
        case 'json':
            return analyzeJson(detail, format);
        case 'bytes': {
            const analysis = analyzeBytes(node.path, detail.ranges, detail.truncated, detail.hexdump, format, ctx);
            // A format comparator's `file:code signature` / `file:certificate table` hashes the rest of the file.
            const label = node.comparator === 'binary' ? '' : node.path.slice(node.path.lastIndexOf(':') + 1);
            const signature = hasWord(words(label), ['signature', 'certificate']);
            return analysis.unexplained.length > 0 && signature ? { ...analysis, consequenceOf: label } : analysis;
        }
        case undefined:
            break;
    }
    if (node.kind === 'modified') {
        const a = ctx.before?.(node.path);
        const b = ctx.after?.(node.path);
        if (a !== undefined && b !== undefined) {
            const diff = diffBytes(a, b);
            return analyzeBytes(node.path, diff.ranges, diff.truncated, [], format, ctx);
        }
    }
    return { ...none, unexplained: [node.summary === '' ? `${node.kind} ${node.path}` : node.summary] };
}
const origins = new WeakMap();
function leafCauses(analysis, secondaryIds) {
    const causes = [];
    for (const id of CAUSE_IDS) {
        if (id === 'content')
            continue;
        const found = analysis.findings.filter((f) => f.id === id);
        if (found.length === 0)
            continue;
        const first = found[0];
        const secondary = secondaryIds.has(id);
        const distinct = [...new Set(found.map((f) => f.evidence))];
        const more = distinct.length > MAX_EVIDENCE ? ` (+${distinct.length - MAX_EVIDENCE} more)` : '';
        const evidence = `${distinct.slice(0, MAX_EVIDENCE).join('; ')}${more}`;
        causes.push({
            id,
            evidence,
            hint: hintFor(id, first.format ?? analysis.format, { prefixes: first.prefixes, secondary }),
            ...(secondary ? { secondary: true } : {}),
        });
    }
    if (analysis.unexplained.length > 0) {
        const shown = analysis.unexplained.slice(0, 3).join('; ');
        const more = analysis.unexplained.length > 3 ? ` (+${analysis.unexplained.length - 3} more)` : '';
        causes.push({ id: 'content', evidence: `${shown}${more}`, hint: hintFor('content', analysis.format) });
    }
    return causes;
}
/** Union of the children's causes; `content` only when some child is unexplained. */
function summariseChildren(node, own) {
    const merged = new Map();
    const add = (cause, fallbackPath) => {
        const origin = origins.get(cause) ?? { path: fallbackPath, evidence: cause.evidence, count: 1 };
        const entry = merged.get(cause.id);
        if (entry === undefined) {
            merged.set(cause.id, { first: cause, origin, count: origin.count, allSecondary: cause.secondary === true, ...(cause.secondary === true ? {} : { primary: cause }) });
            return;
        }
        entry.count += origin.count;
        entry.allSecondary &&= cause.secondary === true;
        if (entry.primary === undefined && cause.secondary !== true)
            entry.primary = cause;
    };
    for (const cause of own)
        add(cause, node.path);
    for (const child of node.children)
        for (const cause of child.causes)
            add(cause, child.path);
    const causes = [];
    for (const id of CAUSE_IDS) {
        const entry = merged.get(id);
        if (entry === undefined)
            continue;
        const shownFrom = entry.primary ?? entry.first;
        const origin = origins.get(shownFrom) ?? entry.origin;
        const where = origin.path !== node.path && origin.path !== '' ? `${origin.path}: ` : '';
        const more = entry.count > 1 ? ` (and ${entry.count - 1} more)` : '';
        const cause = { id, evidence: `${where}${origin.evidence}${more}`, hint: shownFrom.hint, ...(entry.allSecondary ? { secondary: true } : {}) };
        origins.set(cause, { path: origin.path, evidence: origin.evidence, count: entry.count });
        causes.push(cause);
    }
    return causes;
}
function collectLeaves(node, parents, parent, out) {
    parents.set(node, parent);
    if (node.children.length === 0)
        out.push(node);
    for (const child of node.children)
        collectLeaves(child, parents, node, out);
}
function leavesUnder(node) {
    if (node.children.length === 0)
        return [node];
    return node.children.flatMap(leavesUnder);
}
/** The file a leaf belongs to: its nearest `modified` ancestor below the root, else its parent. */
function scopeOf(leaf, root, parents) {
    for (let p = parents.get(leaf); p !== undefined && p !== root; p = parents.get(p)) {
        if (p.kind === 'modified')
            return p;
    }
    const parent = parents.get(leaf);
    return parent === root ? undefined : parent;
}
function isRootContainer(root) {
    return root.children.length === 0 && root.detail === undefined && root.kind === 'modified';
}
/**
 * Sets `causes` on every node of the tree: leaves from their own evidence, a build-id that changed
 * alongside other bytes of its file as secondary, parents as the union of their children.
 */
function classifyCauses(root, ctx = {}) {
    const parents = new Map();
    const leaves = [];
    collectLeaves(root, parents, undefined, leaves);
    if (isRootContainer(root)) {
        root.causes = [];
        return;
    }
    const analyses = new Map();
    for (const leaf of leaves)
        analyses.set(leaf, analyzeLeaf(leaf, ctx));
    // A compiled output with unexplained bytes, and its compiler changed: that is the explanation.
    const toolchains = ctx.toolchainChanged ?? [];
    if (toolchains.length > 0) {
        for (const analysis of analyses.values()) {
            if (analysis.unexplained.length === 0)
                continue;
            const finding = toolchainFinding(analysis.format, toolchains);
            if (finding === undefined)
                continue;
            analysis.findings.push(finding);
            analysis.unexplained = [];
        }
    }
    const others = (leaf) => {
        const scope = scopeOf(leaf, root, parents);
        if (scope === undefined)
            return [];
        return leavesUnder(scope)
            .filter((l) => l !== leaf)
            .map((l) => analyses.get(l))
            .filter((a) => a !== undefined && a.consequenceOf === undefined);
    };
    const secondary = new Map();
    for (const leaf of leaves) {
        const analysis = analyses.get(leaf);
        if (analysis === undefined)
            continue;
        const siblings = others(leaf);
        if (analysis.consequenceOf !== undefined && siblings.length > 0) {
            // A checksum or size follows from the other differences of its file: it takes their causes.
            const primaries = new Map();
            for (const s of siblings) {
                for (const f of s.findings)
                    if (!primaries.has(f.id))
                        primaries.set(f.id, { ...f, format: f.format ?? s.format });
            }
            const ids = new Set(primaries.keys());
            const unexplained = siblings.some((s) => s.unexplained.length > 0);
            analysis.findings = [...primaries.values()].map((f) => ({ ...f, evidence: `${analysis.consequenceOf} follows from the other differences of this file` }));
            analysis.unexplained = unexplained ? analysis.unexplained : [];
            secondary.set(leaf, ids);
            continue;
        }
        if (!analysis.findings.some((f) => f.id === 'build-id'))
            continue;
        const otherReason = (a) => a.unexplained.length > 0 || a.findings.some((f) => f.id !== 'build-id');
        if (otherReason(analysis) || siblings.some(otherReason))
            secondary.set(leaf, new Set(['build-id']));
    }
    const visit = (node) => {
        node.children.forEach(visit);
        const analysis = analyses.get(node);
        if (analysis !== undefined) {
            node.causes = leafCauses(analysis, secondary.get(node) ?? new Set());
            for (const cause of node.causes)
                origins.set(cause, { path: node.path, evidence: cause.evidence, count: 1 });
            return;
        }
        node.causes = summariseChildren(node, []);
    };
    visit(root);
}
/**
 * `identical` when no leaf differs; `drift-explained` when every leaf has a proven cause and none
 * is left unexplained (`content`). A secondary-only leaf (a build-id that changed because its
 * siblings did) is explained exactly when those siblings are, and they are leaves judged here too.
 */
function verdictOf(root) {
    if (isRootContainer(root))
        return 'identical';
    const leaves = leavesUnder(root);
    const explained = leaves.every((leaf) => leaf.causes.length > 0 && leaf.causes.every((c) => c.id !== 'content'));
    return explained ? 'drift-explained' : 'drift-unexplained';
}

;// CONCATENATED MODULE: ./src/compare/registry.ts
const HEAD_BYTES = 4096;
function errorText(error) {
    return error instanceof Error ? error.message : String(error);
}
function summarise(children, comparator) {
    if (children.length === 1)
        return children[0].summary;
    return `${children.length} differences (${comparator})`;
}
/** Compares `before` and `after` (known to differ) and returns their `modified` node. */
function compareFile(path, before, after, comparators, limits, depth = 0) {
    const node = { path, kind: 'modified', summary: '', causes: [], children: [] };
    const fallbacks = [];
    const ctx = {
        limits,
        depth,
        compareNested: (nestedPath, a, b) => {
            if (depth + 1 > limits.maxDepth) {
                const bytesOnly = comparators.filter((c) => c.id === 'binary');
                const nested = compareFile(nestedPath, a, b, bytesOnly, limits, depth + 1);
                nested.fallback = `nesting deeper than ${limits.maxDepth} levels: compared as bytes`;
                return nested;
            }
            return compareFile(nestedPath, a, b, comparators, limits, depth + 1);
        },
    };
    const tooBig = Math.max(before.length, after.length) > limits.maxStructuredBytes;
    if (tooBig)
        fallbacks.push(`larger than ${limits.maxStructuredBytes} bytes: compared as bytes`);
    const headA = before.subarray(0, HEAD_BYTES);
    const headB = after.subarray(0, HEAD_BYTES);
    for (const comparator of comparators) {
        if (tooBig && comparator.id !== 'binary')
            continue;
        if (!comparator.recognizes(path, headA) || !comparator.recognizes(path, headB))
            continue;
        let children;
        try {
            children = comparator.compare(path, before, after, ctx);
        }
        catch (error) {
            // A fallback is expected; any other error is a comparator failing on odd input: never fatal.
            const reason = error.name === 'ComparatorFallback' ? errorText(error) : `failed: ${errorText(error)}`;
            fallbacks.push(`${comparator.id}: ${reason}`);
            continue;
        }
        if (children.length === 0 && comparator.id !== 'binary') {
            fallbacks.push(`${comparator.id}: found no difference in what it understands`);
            continue;
        }
        node.comparator = comparator.id;
        node.children = children;
        // One child says it best; for several, the comparator's own description beats a count.
        node.summary = children.length === 1 ? summarise(children, comparator.id) : (comparator.describe?.(path, children) ?? summarise(children, comparator.id));
        if (fallbacks.length > 0)
            node.fallback = fallbacks.join('; ');
        return node;
    }
    node.summary = 'contents differ';
    node.fallback = fallbacks.length > 0 ? fallbacks.join('; ') : 'no comparator recognised this file';
    return node;
}

;// CONCATENATED MODULE: ./src/compare/toolchain-diff.ts
function probeText(p) {
    if (p === undefined || !p.found)
        return null;
    return (p.version ?? p.error ?? '').split('\n')[0] ?? '';
}
function changes(area, a, b, text) {
    const out = [];
    for (const name of [...new Set([...a.keys(), ...b.keys()])].sort()) {
        const before = text(a.get(name));
        const after = text(b.get(name));
        if (before !== after)
            out.push({ area, name, before, after });
    }
    return out;
}
/**
 * What differs between two snapshots' metadata. A toolchain counts as changed when its version
 * text or its binary's digest differs (a rebuilt compiler with the same version string is a change).
 */
function diffMetadata(a, b) {
    if (a === null || b === null)
        return [];
    const tools = (m) => new Map(m.toolchains.map((t) => [t.name, t]));
    const toolText = (p) => {
        const text = probeText(p);
        return text === null ? null : `${text}${p?.sha256 === undefined ? '' : ` (${p.sha256.slice(0, 12)})`}`;
    };
    const runner = (m) => new Map(Object.entries({ os: m.runner.os, arch: m.runner.arch, distro: m.runner.distro ?? '', image: `${m.runner.image ?? ''} ${m.runner.imageVersion ?? ''}`.trim() }));
    return [
        ...changes('toolchain', tools(a), tools(b), toolText),
        ...changes('env', new Map(Object.entries({ ...a.env, umask: a.umask })), new Map(Object.entries({ ...b.env, umask: b.umask })), (v) => v ?? null),
        ...changes('runner', runner(a), runner(b), (v) => v ?? null),
        ...changes('lockfile', new Map(a.lockfiles.map((l) => [l.path, l.sha256])), new Map(b.lockfiles.map((l) => [l.path, l.sha256])), (v) => v ?? null),
        ...changes('command', new Map(a.commands.map((c) => [c.name, c.stdout])), new Map(b.commands.map((c) => [c.name, c.stdout])), (v) => v ?? null),
    ];
}

;// CONCATENATED MODULE: ./src/compare/tree-diff.ts
/**
 * The tree diff, from the two entry lists alone: added, removed, type, mode and symlink changes,
 * and files whose digests differ. Files with equal digests are never read.
 */

const octal = (mode) => `0${mode.toString(8).padStart(3, '0')}`;
function describe(e) {
    if (e.type === 'file')
        return `file, ${e.size} bytes`;
    if (e.type === 'symlink')
        return `symlink → ${e.target}`;
    return 'directory';
}
function leaf(path, kind, summary, detail) {
    const d = { path, kind, summary, causes: [], children: [] };
    if (detail !== undefined)
        d.detail = detail;
    return d;
}
/** Merges two sorted entry lists. O(n); both lists come sorted from manifests or the walker. */
function diffTrees(before, after) {
    const differences = [];
    const modified = [];
    let i = 0;
    let j = 0;
    while (i < before.length || j < after.length) {
        const a = before[i];
        const b = after[j];
        const order = a === undefined ? 1 : b === undefined ? -1 : compareCodePoints(a.path, b.path);
        if (order < 0 && a !== undefined) {
            differences.push(leaf(a.path, 'removed', `removed (${describe(a)})`));
            i++;
        }
        else if (order > 0 && b !== undefined) {
            differences.push(leaf(b.path, 'added', `added (${describe(b)})`));
            j++;
        }
        else if (a !== undefined && b !== undefined) {
            i++;
            j++;
            if (a.type !== b.type) {
                differences.push(leaf(a.path, 'type', `${a.type} → ${b.type}`, { type: 'field', name: 'type', before: describe(a), after: describe(b) }));
            }
            else if (a.type === 'symlink' && b.type === 'symlink') {
                if (a.target !== b.target) {
                    differences.push(leaf(a.path, 'symlink', `symlink retargeted: ${a.target} → ${b.target}`, { type: 'field', name: 'target', before: a.target, after: b.target }));
                }
            }
            else if ((a.type === 'file' || a.type === 'dir') && (b.type === 'file' || b.type === 'dir')) {
                if (a.mode !== b.mode) {
                    differences.push(leaf(a.path, 'mode', `mode ${octal(a.mode)} → ${octal(b.mode)}`, { type: 'field', name: 'mode', before: octal(a.mode), after: octal(b.mode) }));
                }
                if (a.type === 'file' && b.type === 'file' && a.sha256 !== b.sha256)
                    modified.push({ path: a.path, before: a, after: b });
            }
        }
    }
    return { differences, modified };
}

;// CONCATENATED MODULE: ./src/compare/compare.ts
/**
 * compare(before, after) → one Difference tree, classified, with ignore rules applied and a verdict.
 * The pipeline the CLI and the action share.
 */





/** Ignore profiles users name in `--ignore` / the `ignore` input, and the causes each covers. */
const IGNORE_PROFILES = {
    timestamps: 'timestamp',
    'build-paths': 'build-path',
    'file-order': 'file-order',
    'build-id': 'build-id',
};
function excludeFilter(exclude) {
    if (exclude === undefined || exclude.length === 0)
        return () => true;
    const matcher = compileGlobs([...exclude]);
    return (e) => !matcher.matches(e.path);
}
/** Marks nodes whose causes are all ignored; a parent is ignored when all its children are. */
function applyIgnores(node, ignored) {
    if (node.children.length > 0) {
        const all = node.children.map((c) => applyIgnores(c, ignored)).every(Boolean);
        if (all)
            node.ignored = true;
        return all;
    }
    const isIgnored = node.causes.length > 0 && node.causes.every((c) => ignored.has(c.id) || c.secondary === true) && node.causes.some((c) => ignored.has(c.id));
    if (isIgnored)
        node.ignored = true;
    return isIgnored;
}
/**
 * Leaves that count: not ignored. Explained when each has causes and none is `content`. A leaf
 * whose only cause is secondary (a build-id) is explained by its siblings, which are judged too.
 */
function compare_verdictOf(root) {
    const leaves = [];
    const visit = (n) => {
        if (n.ignored === true)
            return;
        if (n.children.length === 0)
            leaves.push(n);
        else
            n.children.forEach(visit);
    };
    root.children.forEach(visit);
    if (leaves.length === 0)
        return 'identical';
    const explained = leaves.every((l) => l.causes.length > 0 && l.causes.every((c) => c.id !== 'content'));
    return explained ? 'drift-explained' : 'drift-unexplained';
}
function compareSources(before, after, options) {
    const limits = options.limits ?? DEFAULT_LIMITS;
    const keep = excludeFilter(options.exclude);
    const tree = diffTrees(before.entries.filter(keep), after.entries.filter(keep));
    const fileNodes = tree.modified.map((m) => compareFile(m.path, before.readFile(m.before), after.readFile(m.after), options.comparators, limits));
    const children = [...tree.differences, ...fileNodes].sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0));
    const metadata = diffMetadata(before.metadata, after.metadata);
    const root = { path: '', kind: 'modified', summary: '', causes: [], children };
    options.classify(root, {
        toolchainChanged: metadata.filter((m) => m.area === 'toolchain').map((m) => ({ name: m.name, before: m.before, after: m.after })),
    });
    const ignored = new Set((options.ignore ?? []).map((p) => IGNORE_PROFILES[p]));
    if (ignored.size > 0)
        for (const child of children)
            applyIgnores(child, ignored);
    const counts = {
        added: children.filter((c) => c.kind === 'added').length,
        removed: children.filter((c) => c.kind === 'removed').length,
        modified: children.filter((c) => c.kind === 'modified').length,
        changed: children.filter((c) => c.kind === 'type' || c.kind === 'mode' || c.kind === 'symlink').length,
        ignored: children.filter((c) => c.ignored === true).length,
    };
    const verdict = compare_verdictOf(root);
    root.summary =
        verdict === 'identical'
            ? counts.ignored > 0
                ? `identical apart from ${counts.ignored} ignored differences`
                : 'identical'
            : `${counts.modified} modified, ${counts.added} added, ${counts.removed} removed, ${counts.changed} mode/type/link changes` +
                (counts.ignored > 0 ? ` (${counts.ignored} fully ignored)` : '');
    return { before: before.label, after: after.label, root, verdict, counts, metadata };
}

;// CONCATENATED MODULE: ./src/compare/comparators/binary.ts
/**
 * The last comparator: recognises every file and reports which byte ranges differ, how much of the
 * file that is, and a hexdump around the first ranges.
 */

/** Ranges shown with hexdump context. */
const HEXDUMP_RANGES = 3;
/** Context before and after a range, and the most shown per side. */
const CONTEXT_BYTES = 32;
const MAX_DUMP_BYTES = 128;
const binaryComparator = {
    id: 'binary',
    recognizes: () => true,
    compare(path, before, after) {
        if (before.equals(after))
            return [];
        const diff = diffBytes(before, after);
        const totalBytes = Math.max(before.length, after.length);
        const detail = {
            type: 'bytes',
            ranges: diff.ranges,
            changedBytes: diff.changedBytes,
            totalBytes,
            hexdump: diff.ranges.slice(0, HEXDUMP_RANGES).map((r) => ({
                offset: r.oldOffset,
                before: dumpAround(before, r.oldOffset, r.oldLength),
                after: dumpAround(after, r.newOffset, r.newLength),
            })),
            truncated: diff.truncated,
        };
        const node = {
            path,
            kind: 'bytes',
            comparator: 'binary',
            summary: summarizeBytes(diff.ranges, diff.changedBytes, totalBytes, diff.truncated, before.length, after.length),
            detail,
            causes: [],
            children: [],
        };
        return [node];
    },
};
/** Whole 16-byte lines from a little before the range to a little after it, capped. */
function dumpAround(buf, offset, length) {
    const start = Math.max(0, Math.floor((offset - CONTEXT_BYTES) / 16) * 16);
    const end = Math.min(buf.length, Math.ceil((offset + length + CONTEXT_BYTES) / 16) * 16, start + MAX_DUMP_BYTES);
    return hexdump(buf, start, end - start).join('\n');
}
function plural(count, one, many) {
    return `${count} ${count === 1 ? one : many}`;
}
function formatShare(changed, total) {
    if (total === 0)
        return '0 %';
    const share = (changed / total) * 100;
    if (share > 0 && share < 0.01)
        return '< 0.01 %';
    return `${share.toFixed(2)} %`;
}
/** "12 bytes differ in 2 ranges (0.01 %)", "+10 bytes inserted at 0x0", "-4 bytes removed at 0x1f0". */
function summarizeBytes(ranges, changedBytes, totalBytes, truncated, beforeSize, afterSize) {
    const only = ranges.length === 1 && !truncated ? ranges[0] : undefined;
    if (only !== undefined && only.oldLength === 0)
        return `+${only.newLength} bytes inserted at 0x${only.oldOffset.toString(16)}`;
    if (only !== undefined && only.newLength === 0)
        return `-${only.oldLength} bytes removed at 0x${only.oldOffset.toString(16)}`;
    const where = truncated ? `in more than ${plural(ranges.length, 'range', 'ranges')}` : `in ${plural(ranges.length, 'range', 'ranges')}`;
    const verb = changedBytes === 1 ? 'differs' : 'differ';
    const sizes = beforeSize === afterSize ? '' : `, size ${beforeSize} → ${afterSize} bytes`;
    return `${plural(changedBytes, 'byte', 'bytes')} ${verb} ${where} (${formatShare(changedBytes, totalBytes)})${sizes}`;
}

;// CONCATENATED MODULE: ./src/compare/formats/bytes.ts
/**
 * Bounds-checked reads for the binary format parsers. Every read names what it reads, so a
 * hostile or truncated file turns into a `ComparatorFallback` that says exactly what is wrong and
 * where, never into an out-of-range read, a huge allocation or an unbounded loop.
 */

function hex(value, width = 0) {
    return `0x${value.toString(16).padStart(width, '0')}`;
}
class ByteView {
    buf;
    endian;
    /** Format name that starts every failure message: `ELF`, `PE`, `pyc`… */
    format;
    constructor(buf, endian, format) {
        this.buf = buf;
        this.endian = endian;
        this.format = format;
    }
    get length() {
        return this.buf.length;
    }
    fail(message) {
        throw new ComparatorFallback(`${this.format}: ${message}`);
    }
    /** Throws unless `[offset, offset + size)` lies inside the buffer. */
    check(offset, size, what) {
        if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(size) || offset < 0 || size < 0) {
            this.fail(`${what} has an invalid offset ${offset} or size ${size}`);
        }
        if (offset + size > this.buf.length) {
            this.fail(`${what} at offset ${hex(offset)} (${size} bytes) runs past the end of the file (${this.buf.length} bytes)`);
        }
    }
    u8(offset, what) {
        this.check(offset, 1, what);
        return this.buf[offset];
    }
    u16(offset, what) {
        this.check(offset, 2, what);
        return this.endian === 'le' ? this.buf.readUInt16LE(offset) : this.buf.readUInt16BE(offset);
    }
    u32(offset, what) {
        this.check(offset, 4, what);
        return this.endian === 'le' ? this.buf.readUInt32LE(offset) : this.buf.readUInt32BE(offset);
    }
    i32(offset, what) {
        this.check(offset, 4, what);
        return this.endian === 'le' ? this.buf.readInt32LE(offset) : this.buf.readInt32BE(offset);
    }
    u64big(offset, what) {
        this.check(offset, 8, what);
        return this.endian === 'le' ? this.buf.readBigUInt64LE(offset) : this.buf.readBigUInt64BE(offset);
    }
    /** A 64-bit offset or size: must fit a safe integer (any real one in a file we hold does). */
    u64(offset, what) {
        const value = this.u64big(offset, what);
        if (value > BigInt(Number.MAX_SAFE_INTEGER))
            this.fail(`${what} is ${hex(value)}, larger than any file`);
        return Number(value);
    }
    bytes(offset, size, what) {
        this.check(offset, size, what);
        return this.buf.subarray(offset, offset + size);
    }
    /** A NUL-terminated string starting at `offset`, read at most up to `end` (default: the buffer's end). */
    cstring(offset, what, end = this.buf.length, encoding = 'utf8') {
        const limit = Math.min(end, this.buf.length);
        if (!Number.isSafeInteger(offset) || offset < 0 || offset >= limit) {
            this.fail(`${what} at offset ${hex(Math.max(0, offset))} lies outside its table (ends at ${hex(limit)})`);
        }
        const nul = this.buf.indexOf(0, offset);
        if (nul < 0 || nul >= limit)
            this.fail(`${what} at offset ${hex(offset)} is not NUL-terminated before ${hex(limit)}`);
        return this.buf.toString(encoding, offset, nul);
    }
    /** A fixed-width, NUL-padded name (ELF has none, PE and Mach-O do). */
    fixedString(offset, size, what) {
        const raw = this.bytes(offset, size, what);
        const nul = raw.indexOf(0);
        return raw.toString('latin1', 0, nul < 0 ? size : nul);
    }
}
/** Reads a NUL-terminated string from a standalone table (ELF string tables, symbol names). */
function tableString(table, offset) {
    if (!Number.isSafeInteger(offset) || offset < 0 || offset >= table.length)
        return undefined;
    const nul = table.indexOf(0, offset);
    return table.toString('utf8', offset, nul < 0 ? table.length : nul);
}

;// CONCATENATED MODULE: ./src/compare/formats/class-file.ts
/**
 * Java class files (JVMS §4): version, the constant pool (every tag through 20, with Long and
 * Double taking two slots), fields, methods, and attributes, with the Code attribute's own
 * attributes opened (LineNumberTable, LocalVariableTable…). Every count is bounded by the bytes
 * left, so a hostile count fails fast instead of looping.
 */

const CLASS_MAGIC = 0xcafebabe;
/** Payload size of each constant tag after the tag byte (Utf8 is variable). */
const TAG_SIZES = { 3: 4, 4: 4, 5: 8, 6: 8, 7: 2, 8: 2, 9: 4, 10: 4, 11: 4, 12: 4, 15: 3, 16: 2, 17: 4, 18: 4, 19: 2, 20: 2 };
const TAG_NAMES = {
    1: 'Utf8', 3: 'Integer', 4: 'Float', 5: 'Long', 6: 'Double', 7: 'Class', 8: 'String', 9: 'Fieldref', 10: 'Methodref',
    11: 'InterfaceMethodref', 12: 'NameAndType', 15: 'MethodHandle', 16: 'MethodType', 17: 'Dynamic', 18: 'InvokeDynamic',
    19: 'Module', 20: 'Package',
};
/** Class-file major version → Java release (45 = 1.1 … 52 = 8, then 53 + n = 9 + n). */
function javaVersion(major) {
    if (major >= 53)
        return String(major - 44);
    if (major >= 49)
        return String(major - 44); // 49 = 5, 52 = 8
    if (major >= 45)
        return `1.${major - 44}`;
    return 'unknown';
}
/**
 * Modified UTF-8 (JVMS §4.4.7): like UTF-8 but NUL is two bytes and supplementary characters are
 * surrogate pairs; decoding per code unit keeps both intact.
 */
function decodeModifiedUtf8(bytes) {
    let out = '';
    for (let i = 0; i < bytes.length;) {
        const a = bytes[i];
        if (a < 0x80) {
            out += String.fromCharCode(a);
            i += 1;
        }
        else if ((a & 0xe0) === 0xc0 && i + 1 < bytes.length) {
            out += String.fromCharCode(((a & 0x1f) << 6) | (bytes[i + 1] & 0x3f));
            i += 2;
        }
        else if ((a & 0xf0) === 0xe0 && i + 2 < bytes.length) {
            out += String.fromCharCode(((a & 0x0f) << 12) | ((bytes[i + 1] & 0x3f) << 6) | (bytes[i + 2] & 0x3f));
            i += 3;
        }
        else {
            out += '\ufffd';
            i += 1;
        }
    }
    return out;
}
class Reader {
    view;
    at = 0;
    constructor(buf) {
        this.view = new ByteView(buf, 'be', 'class');
    }
    u1(what) {
        const value = this.view.u8(this.at, what);
        this.at += 1;
        return value;
    }
    u2(what) {
        const value = this.view.u16(this.at, what);
        this.at += 2;
        return value;
    }
    u4(what) {
        const value = this.view.u32(this.at, what);
        this.at += 4;
        return value;
    }
    take(size, what) {
        const value = this.view.bytes(this.at, size, what);
        this.at += size;
        return value;
    }
    /** A count whose items take at least `each` bytes: more than fit in what is left is a lie. */
    count(n, each, what) {
        if (n * each > this.view.length - this.at) {
            this.view.fail(`${what} count ${n} at offset ${hex(this.at - 2)} needs more than the ${this.view.length - this.at} bytes left`);
        }
        return n;
    }
}
function utf8At(pool, index, what, view) {
    const entry = pool[index];
    if (entry === undefined || entry.tag !== 1)
        view.fail(`${what} refers to constant ${index}, which is not a Utf8 entry`);
    return entry.value;
}
function classNameAt(pool, index, what, view) {
    if (index === 0)
        return '';
    const entry = pool[index];
    if (entry === undefined || entry.tag !== 7)
        view.fail(`${what} refers to constant ${index}, which is not a Class entry`);
    return utf8At(pool, Buffer.from(entry.value, 'hex').readUInt16BE(0), what, view);
}
function readAttributes(reader, pool, owner) {
    const count = reader.count(reader.u2(`${owner} attributes_count`), 6, `${owner} attribute`);
    const out = [];
    for (let i = 0; i < count; i++) {
        const name = utf8At(pool, reader.u2(`${owner} attribute name`), `${owner} attribute ${i}`, reader.view);
        const length = reader.u4(`${owner} attribute ${name} length`);
        out.push({ name, data: reader.take(length, `${owner} attribute ${name}`) });
    }
    return out;
}
function readCode(data, pool, owner) {
    const reader = new Reader(data);
    const maxStack = reader.u2(`${owner} max_stack`);
    const maxLocals = reader.u2(`${owner} max_locals`);
    const bytecode = reader.take(reader.u4(`${owner} code_length`), `${owner} bytecode`);
    const exceptions = reader.count(reader.u2(`${owner} exception_table_length`), 8, `${owner} exception table`);
    const exceptionTable = reader.take(exceptions * 8, `${owner} exception table`);
    const attributes = readAttributes(reader, pool, `${owner} Code`);
    return { maxStack, maxLocals, bytecode, exceptionTable, attributes };
}
function readMembers(reader, pool, kind) {
    const count = reader.count(reader.u2(`${kind}s_count`), 8, kind);
    const out = [];
    for (let i = 0; i < count; i++) {
        const accessFlags = reader.u2(`${kind} ${i} access_flags`);
        const name = utf8At(pool, reader.u2(`${kind} ${i} name_index`), `${kind} ${i} name`, reader.view);
        const descriptor = utf8At(pool, reader.u2(`${kind} ${i} descriptor_index`), `${kind} ${i} descriptor`, reader.view);
        const label = `${kind} ${name}${kind === 'field' ? ':' : ''}${descriptor}`;
        const attributes = readAttributes(reader, pool, label);
        const codeAttribute = attributes.find((a) => a.name === 'Code');
        const code = kind === 'method' && codeAttribute !== undefined ? readCode(codeAttribute.data, pool, label) : undefined;
        out.push({ accessFlags, name, descriptor, attributes, code });
    }
    return out;
}
function class_file_parseClass(buf) {
    const reader = new Reader(buf);
    const magic = reader.u4('magic');
    if (magic !== CLASS_MAGIC)
        reader.view.fail(`magic ${hex(magic)} is not 0xcafebabe`);
    const minor = reader.u2('minor_version');
    const major = reader.u2('major_version');
    if (major < 45)
        reader.view.fail(`major version ${major} is below 45 (Java 1.1); not a class file`);
    const poolCount = reader.u2('constant_pool_count');
    // Each entry takes at least 3 bytes (a tag and a u2).
    reader.count(Math.max(0, poolCount - 1), 3, 'constant pool');
    const pool = [undefined];
    for (let index = 1; index < poolCount; index++) {
        const tag = reader.u1(`constant ${index} tag`);
        if (tag === 1) {
            const length = reader.u2(`constant ${index} Utf8 length`);
            pool.push({ tag, value: decodeModifiedUtf8(reader.take(length, `constant ${index} Utf8 bytes`)) });
            continue;
        }
        const size = TAG_SIZES[tag];
        if (size === undefined)
            reader.view.fail(`constant ${index} at offset ${hex(reader.at - 1)} has unknown tag ${tag}`);
        pool.push({ tag, value: reader.take(size, `constant ${index} ${TAG_NAMES[tag] ?? tag}`).toString('hex') });
        if (tag === 5 || tag === 6) {
            // JVMS §4.4.5: the next index is unusable.
            pool.push(undefined);
            index++;
        }
    }
    const accessFlags = reader.u2('access_flags');
    const thisClass = classNameAt(pool, reader.u2('this_class'), 'this_class', reader.view);
    const superClass = classNameAt(pool, reader.u2('super_class'), 'super_class', reader.view);
    const interfaceCount = reader.count(reader.u2('interfaces_count'), 2, 'interface');
    const interfaces = [];
    for (let i = 0; i < interfaceCount; i++)
        interfaces.push(classNameAt(pool, reader.u2(`interface ${i}`), `interface ${i}`, reader.view));
    const fields = readMembers(reader, pool, 'field');
    const methods = readMembers(reader, pool, 'method');
    const attributes = readAttributes(reader, pool, 'class');
    if (reader.at !== buf.length)
        reader.view.fail(`${buf.length - reader.at} bytes follow the class file's last attribute`);
    return { minor, major, pool, accessFlags, thisClass, superClass, interfaces, fields, methods, attributes };
}
/** The Utf8 text an attribute's first u2 names (SourceFile, Signature…), if it names one. */
function attributeUtf8(file, attribute) {
    if (attribute.data.length !== 2)
        return undefined;
    const entry = file.pool[attribute.data.readUInt16BE(0)];
    return entry?.tag === 1 ? entry.value : undefined;
}

;// CONCATENATED MODULE: ./src/compare/formats/details.ts

/** Strings shown in one `lines` detail before it says `truncated`. */
const MAX_DETAIL_LINES = 200;
/** Ranges of a `bytes` detail that get a hexdump. */
const details_HEXDUMP_RANGES = 3;
/** `a, b, c and 4 more`. */
function listText(items, max = 3) {
    if (items.length <= max)
        return items.join(', ');
    return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}
function details_plural(count, word, many = `${word}s`) {
    return `${count} ${count === 1 ? word : many}`;
}
/** A string quoted for a summary, shortened in the middle when long. */
function details_quote(text, max = 80) {
    const shown = text.length > max ? `${text.slice(0, max - 20)}…${text.slice(-19)}` : text;
    return JSON.stringify(shown);
}
function isoFromEpoch(seconds) {
    const date = new Date(seconds * 1000);
    return Number.isNaN(date.getTime()) ? `epoch ${seconds}` : date.toISOString().replace('.000Z', 'Z');
}
function node(comparator, path, kind, summary, detail, children = []) {
    const difference = { path, kind, comparator, summary, causes: [], children };
    if (detail !== undefined)
        difference.detail = detail;
    return difference;
}
/** A header field or attribute that differs; `summary` defaults to `<name> differs: <before> → <after>`. */
function fieldNode(comparator, path, name, before, after, summary = `${name} differs: ${before} → ${after}`) {
    return node(comparator, path, 'field', summary, { type: 'field', name, before, after });
}
/** Pushes a field node when the two values differ. */
function pushField(out, comparator, path, name, before, after) {
    if (before !== after)
        out.push(fieldNode(comparator, path, name, before, after));
}
/** Multiset difference, in each side's own order: what only `before` has, what only `after` has. */
function multisetDiff(before, after) {
    const counts = new Map();
    for (const item of after)
        counts.set(item, (counts.get(item) ?? 0) + 1);
    const removed = [];
    for (const item of before) {
        const left = counts.get(item) ?? 0;
        if (left > 0)
            counts.set(item, left - 1);
        else
            removed.push(item);
    }
    const beforeCounts = new Map();
    for (const item of before)
        beforeCounts.set(item, (beforeCounts.get(item) ?? 0) + 1);
    const added = [];
    for (const item of after) {
        const left = beforeCounts.get(item) ?? 0;
        if (left > 0)
            beforeCounts.set(item, left - 1);
        else
            added.push(item);
    }
    return { removed, added };
}
/** Escapes control characters so one string is one detail line. */
function printable(text) {
    return text.replace(/[\u0000-\u001f\u007f]/g, (c) => (c === '\n' ? '\\n' : c === '\t' ? '\\t' : `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`));
}
/**
 * A `lines` detail for a set difference of strings (string tables, constant pools): one hunk, the
 * removed strings as `-` lines, then the added ones as `+` lines, each side capped.
 */
function stringsDetail(removed, added) {
    const half = MAX_DETAIL_LINES / 2;
    const shownRemoved = removed.slice(0, half).map((s) => `-${printable(s)}`);
    const shownAdded = added.slice(0, half).map((s) => `+${printable(s)}`);
    const hunk = {
        oldStart: 1,
        oldLines: shownRemoved.length,
        newStart: 1,
        newLines: shownAdded.length,
        lines: [...shownRemoved, ...shownAdded],
    };
    return { type: 'lines', hunks: [hunk], truncated: removed.length > half || added.length > half };
}
/** `2 strings removed, 2 added (e.g. "/tmp/a/x.c" → "/tmp/b/x.c")`. */
function stringsSummary(removed, added, noun = 'string') {
    const parts = [];
    if (removed.length > 0)
        parts.push(`${details_plural(removed.length, noun)} removed`);
    if (added.length > 0)
        parts.push(`${removed.length > 0 ? added.length : details_plural(added.length, noun)} added`);
    const example = removed.length > 0 && added.length > 0
        ? `${details_quote(removed[0])} → ${details_quote(added[0])}`
        : details_quote((removed[0] ?? added[0]));
    return `${parts.join(', ')} (e.g. ${example})`;
}
/** Printable strings in a blob: NUL-separated runs of at least `minLength` printable characters. */
function extractStrings(bytes, minLength = 1) {
    const out = [];
    let start = 0;
    for (let i = 0; i <= bytes.length; i++) {
        if (i < bytes.length && bytes[i] !== 0)
            continue;
        if (i - start >= minLength) {
            const text = bytes.toString('utf8', start, i);
            if (isMostlyPrintable(text))
                out.push(text);
        }
        start = i + 1;
    }
    return out;
}
/** Strings in mixed data (.rodata, __const): printable runs that end with a NUL, like strings(1). */
function extractPrintableRuns(bytes, minLength = 4) {
    const out = [];
    let start = 0;
    for (let i = 0; i < bytes.length; i++) {
        const byte = bytes[i];
        if (byte >= 0x20 && byte < 0x7f)
            continue;
        if (byte === 0x09 || byte === 0x0a)
            continue;
        if (byte === 0 && i - start >= minLength)
            out.push(bytes.toString('latin1', start, i));
        start = i + 1;
    }
    return out;
}
function isMostlyPrintable(text) {
    let bad = 0;
    for (const ch of text) {
        const code = ch.codePointAt(0) ?? 0;
        if (code === 0xfffd || (code < 0x20 && code !== 0x09 && code !== 0x0a && code !== 0x0d))
            bad++;
    }
    return bad * 10 <= text.length;
}
/** Ranges kept per bytes detail: as many as the cause classifier examines. */
const MAX_RANGES = 256;
/** Hexdump context around a range, and the most shown per side (as the binary comparator does). */
const details_CONTEXT_BYTES = 32;
const details_MAX_DUMP_BYTES = 128;
/** `hexdump -C` lines (the shared format the classifier reads back) with offsets moved by `base`. */
function details_dumpAround(buf, offset, length, base) {
    const start = Math.max(0, Math.floor((offset - details_CONTEXT_BYTES) / 16) * 16);
    const end = Math.min(buf.length, Math.ceil((offset + length + details_CONTEXT_BYTES) / 16) * 16, start + details_MAX_DUMP_BYTES);
    return hexdump(buf, start, end - start)
        .map((line) => {
        const digits = /^[0-9a-f]+/.exec(line)?.[0] ?? '';
        return `${(Number.parseInt(digits, 16) + base).toString(16).padStart(8, '0')}${line.slice(digits.length)}`;
    })
        .join('\n');
}
/**
 * A `bytes` detail for two blobs, from the shared range finder (positional for equal sizes, block
 * matching otherwise). Offsets are `base + index`, so a section's ranges and hexdump point at file
 * offsets.
 */
function bytesDetail(before, after, oldBase = 0, newBase = 0) {
    const diff = diffBytes(before, after, { maxRanges: MAX_RANGES });
    const ranges = diff.ranges.map((r) => ({ ...r, oldOffset: r.oldOffset + oldBase, newOffset: r.newOffset + newBase }));
    const hexdumpLines = diff.ranges.slice(0, details_HEXDUMP_RANGES).map((r) => ({
        offset: r.oldOffset + oldBase,
        before: details_dumpAround(before, r.oldOffset, r.oldLength, oldBase),
        after: details_dumpAround(after, r.newOffset, r.newLength, newBase),
    }));
    return { type: 'bytes', ranges, changedBytes: diff.changedBytes, totalBytes: Math.max(before.length, after.length), hexdump: hexdumpLines, truncated: diff.truncated };
}
/** `12 of 4096 bytes differ in 3 ranges` / `size 288 → 320 bytes, 32 bytes differ in 1 range`. */
function bytesSummary(before, after, detail) {
    if (detail.type !== 'bytes')
        return 'bytes differ';
    const count = `${detail.truncated ? 'more than ' : ''}${details_plural(detail.ranges.length, 'range')}`;
    if (before.length !== after.length)
        return `size ${before.length} → ${after.length} bytes, ${details_plural(detail.changedBytes, 'byte')} differ in ${count}`;
    return `${detail.changedBytes} of ${detail.totalBytes} bytes differ in ${count}`;
}
/** A leaf saying two blobs differ, with their ranges. */
function bytesNode(comparator, path, label, before, after, oldBase = 0, newBase = 0) {
    const detail = bytesDetail(before, after, oldBase, newBase);
    return node(comparator, path, 'bytes', `${label}: ${bytesSummary(before, after, detail)}`, detail);
}
/** Hex of a short blob; longer ones are cut with their length. */
function hexBytes(bytes, max = 64) {
    const shown = bytes.subarray(0, max).toString('hex');
    return bytes.length > max ? `${shown}… (${bytes.length} bytes)` : shown;
}
/**
 * Matches items by key across two lists. Repeated keys get `#2`, `#3`… in order of appearance, so
 * duplicates (two `.text` sections in an object file) pair up positionally.
 */
function keyed(items, keyOf) {
    const out = new Map();
    const seen = new Map();
    for (const item of items) {
        const key = keyOf(item);
        const n = (seen.get(key) ?? 0) + 1;
        seen.set(key, n);
        out.set(n === 1 ? key : `${key}#${n}`, item);
    }
    return out;
}
/** The keys of both maps: `before`'s order first, then what only `after` has. */
function unionKeys(before, after) {
    const keys = [...before.keys()];
    for (const key of after.keys())
        if (!before.has(key))
            keys.push(key);
    return keys;
}
/** `3 sections differ: .text, .debug_str, .note.gnu.build-id; 1 added: .foo`. */
function describeMembers(children, prefix, noun, many = `${noun}s`) {
    const nameOf = (d) => (d.path.startsWith(prefix) ? d.path.slice(prefix.length) : d.path);
    const changed = children.filter((c) => c.kind !== 'added' && c.kind !== 'removed').map(nameOf);
    const added = children.filter((c) => c.kind === 'added').map(nameOf);
    const removed = children.filter((c) => c.kind === 'removed').map(nameOf);
    const parts = [];
    if (changed.length > 0)
        parts.push(`${details_plural(changed.length, noun, many)} differ${changed.length === 1 ? 's' : ''}: ${listText(changed, 4)}`);
    if (added.length > 0)
        parts.push(`${added.length} added: ${listText(added)}`);
    if (removed.length > 0)
        parts.push(`${removed.length} removed: ${listText(removed)}`);
    return parts.length === 0 ? 'no differences' : parts.join('; ');
}

;// CONCATENATED MODULE: ./src/compare/comparators/class.ts
/**
 * Java `.class`: version (→ Java release), constant-pool strings added and removed, class header
 * fields, and which fields and methods differ and how (bytecode, Code sub-attributes such as
 * LineNumberTable, or other attributes). Class attributes that hold one string (SourceFile,
 * Signature) are shown as that string.
 */




const ID = 'class';
const POOL = 'constant pool';
function parseSide(buf, side) {
    try {
        return class_file_parseClass(buf);
    }
    catch (error) {
        if (error instanceof ComparatorFallback)
            throw new ComparatorFallback(`${side} file: ${error.message}`);
        throw error;
    }
}
function versionText(file) {
    return `${file.major}.${file.minor} (Java ${javaVersion(file.major)})`;
}
function poolEntries(file) {
    return file.pool.flatMap((entry) => (entry === undefined ? [] : [`${TAG_NAMES[entry.tag] ?? entry.tag} ${entry.value}`]));
}
function utf8Strings(file) {
    return file.pool.flatMap((entry) => (entry?.tag === 1 ? [entry.value] : []));
}
function poolChild(path, a, b) {
    const at = `${path}:${POOL}`;
    const { removed, added } = multisetDiff(utf8Strings(a), utf8Strings(b));
    if (removed.length > 0 || added.length > 0) {
        return node(ID, at, 'lines', `${POOL}: ${stringsSummary(removed, added, 'Utf8 string')}`, stringsDetail(removed, added));
    }
    const before = poolEntries(a);
    const after = poolEntries(b);
    if (before.join('\n') === after.join('\n'))
        return undefined;
    const others = multisetDiff(before, after);
    if (others.removed.length === 0 && others.added.length === 0) {
        return node(ID, at, 'order', `${POOL}: the same ${before.length} entries in another order`, { type: 'order', before: before.slice(0, 200), after: after.slice(0, 200) });
    }
    const tags = [...new Set([...others.removed, ...others.added].map((entry) => entry.split(' ')[0]))];
    return node(ID, at, 'lines', `${POOL}: same Utf8 strings; ${listText(tags)} entries differ`, stringsDetail(others.removed, others.added));
}
/**
 * Attribute lists compared by name: added, removed, or changed (shown as its string when it holds
 * one, else as bytes). `prefix` labels Code's own attributes (`Code/LineNumberTable`).
 */
function attributeChildren(path, fa, a, fb, b, prefix = '') {
    const before = keyed(a, (x) => x.name);
    const after = keyed(b, (x) => x.name);
    const out = [];
    for (const key of unionKeys(before, after)) {
        const x = before.get(key);
        const y = after.get(key);
        const label = `${prefix}${key}`;
        const at = `${path}:${label}`;
        if (x === undefined && y !== undefined)
            out.push(node(ID, at, 'added', `attribute ${label} added`));
        else if (y === undefined && x !== undefined)
            out.push(node(ID, at, 'removed', `attribute ${label} removed`));
        else if (x !== undefined && y !== undefined) {
            // Same bytes can still name another string when the constant pool changed under them.
            const valueA = attributeUtf8(fa, x);
            const valueB = attributeUtf8(fb, y);
            if (valueA !== undefined && valueB !== undefined && valueA !== valueB)
                out.push(fieldNode(ID, at, label, valueA, valueB));
            else if (!x.data.equals(y.data))
                out.push(bytesNode(ID, at, `attribute ${label}`, x.data, y.data));
        }
    }
    return out;
}
function memberLabel(member, kind) {
    return kind === 'field' ? `field ${member.name}:${member.descriptor}` : `method ${member.name}${member.descriptor}`;
}
function memberChildren(path, fa, x, fb, y, poolChanged) {
    const out = [];
    pushField(out, ID, `${path}:access flags`, 'access flags', hex(x.accessFlags), hex(y.accessFlags));
    const attrsA = x.attributes.filter((attribute) => attribute.name !== 'Code' || x.code === undefined);
    const attrsB = y.attributes.filter((attribute) => attribute.name !== 'Code' || y.code === undefined);
    out.push(...attributeChildren(path, fa, attrsA, fb, attrsB));
    const ca = x.code;
    const cb = y.code;
    if (ca !== undefined && cb !== undefined) {
        if (!ca.bytecode.equals(cb.bytecode)) {
            const bytecode = bytesNode(ID, `${path}:bytecode`, 'bytecode', ca.bytecode, cb.bytecode);
            if (poolChanged)
                bytecode.summary = `${bytecode.summary} (the constant pool changed too, so indices may have shifted)`;
            out.push(bytecode);
        }
        pushField(out, ID, `${path}:max_stack`, 'max_stack', String(ca.maxStack), String(cb.maxStack));
        pushField(out, ID, `${path}:max_locals`, 'max_locals', String(ca.maxLocals), String(cb.maxLocals));
        if (!ca.exceptionTable.equals(cb.exceptionTable))
            out.push(bytesNode(ID, `${path}:exception table`, 'exception table', ca.exceptionTable, cb.exceptionTable));
        out.push(...attributeChildren(path, fa, ca.attributes, fb, cb.attributes, 'Code/'));
    }
    else if (ca !== undefined || cb !== undefined) {
        out.push(node(ID, `${path}:Code`, ca === undefined ? 'added' : 'removed', `Code attribute ${ca === undefined ? 'added' : 'removed'}`));
    }
    return out;
}
function memberSummary(label, children) {
    const name = (d) => d.path.slice(d.path.lastIndexOf(':') + 1);
    const added = children.filter((c) => c.kind === 'added').map(name);
    const removed = children.filter((c) => c.kind === 'removed').map(name);
    const changed = children.filter((c) => c.kind !== 'added' && c.kind !== 'removed').map(name);
    const parts = [];
    if (removed.length > 0)
        parts.push(`${listText(removed)} removed`);
    if (added.length > 0)
        parts.push(`${listText(added)} added`);
    if (changed.length > 0)
        parts.push(`${listText(changed)} differ${changed.length === 1 ? 's' : ''}`);
    if (!changed.includes('bytecode') && children.every((c) => !c.path.endsWith(':Code')))
        parts.push('bytecode identical');
    return `${label}: ${parts.join('; ')}`;
}
function membersChildren(path, fa, fb, kind, poolChanged) {
    const list = (file) => (kind === 'field' ? file.fields : file.methods);
    const before = keyed(list(fa), (m) => memberLabel(m, kind));
    const after = keyed(list(fb), (m) => memberLabel(m, kind));
    const out = [];
    for (const key of unionKeys(before, after)) {
        const x = before.get(key);
        const y = after.get(key);
        const at = `${path}:${key}`;
        if (x === undefined)
            out.push(node(ID, at, 'added', `${key} added`));
        else if (y === undefined)
            out.push(node(ID, at, 'removed', `${key} removed`));
        else {
            const children = memberChildren(at, fa, x, fb, y, poolChanged);
            if (children.length > 0)
                out.push(node(ID, at, 'modified', memberSummary(key, children), undefined, children));
        }
    }
    return out;
}
const classComparator = {
    id: ID,
    recognizes(_path, head) {
        // Mach-O universal binaries share 0xcafebabe; their next word is a small arch count, ours a version ≥ 45.
        return head.length >= 8 && head.readUInt32BE(0) === 0xcafebabe && head.readUInt16BE(6) >= 45 && head.readUInt32BE(4) >= 45;
    },
    compare(path, before, after) {
        const a = parseSide(before, 'old');
        const b = parseSide(after, 'new');
        if (before.equals(after))
            return [];
        const children = [];
        pushField(children, ID, `${path}:version`, 'version', versionText(a), versionText(b));
        const pool = poolChild(path, a, b);
        if (pool !== undefined)
            children.push(pool);
        pushField(children, ID, `${path}:access flags`, 'access flags', hex(a.accessFlags), hex(b.accessFlags));
        pushField(children, ID, `${path}:this class`, 'this class', a.thisClass, b.thisClass);
        pushField(children, ID, `${path}:super class`, 'super class', a.superClass, b.superClass);
        pushField(children, ID, `${path}:interfaces`, 'interfaces', a.interfaces.join(', '), b.interfaces.join(', '));
        const poolChanged = poolEntries(a).join('\n') !== poolEntries(b).join('\n');
        children.push(...membersChildren(path, a, b, 'field', poolChanged));
        children.push(...membersChildren(path, a, b, 'method', poolChanged));
        children.push(...attributeChildren(path, a, a.attributes, b, b.attributes));
        for (const kind of ['field', 'method']) {
            const order = (file) => (kind === 'field' ? file.fields : file.methods).map((m) => memberLabel(m, kind).slice(kind.length + 1));
            const x = order(a);
            const y = order(b);
            if (x.join('\n') !== y.join('\n') && multisetDiff(x, y).added.length === 0 && multisetDiff(x, y).removed.length === 0) {
                children.push(node(ID, `${path}:order of ${kind}s`, 'order', `the same ${kind}s in another order`, { type: 'order', before: x, after: y }));
            }
        }
        // Everything parsed is compared above; this names any difference it could not place.
        if (children.length === 0)
            children.push(bytesNode(ID, `${path}:bytes`, 'class file bytes', before, after));
        return children;
    },
    describe(path, children) {
        const name = (d) => d.path.slice(path.length + 1);
        const parts = [];
        const pool = children.find((c) => c.path === `${path}:${POOL}`);
        const version = children.find((c) => c.path === `${path}:version`);
        if (version?.detail?.type === 'field')
            parts.push(`version ${version.detail.before} → ${version.detail.after}`);
        if (pool !== undefined)
            parts.push(pool.summary);
        const methods = children.filter((c) => name(c).startsWith('method ')).map((c) => name(c).slice('method '.length));
        const fields = children.filter((c) => name(c).startsWith('field ')).map((c) => name(c).slice('field '.length));
        if (methods.length > 0)
            parts.push(`methods differ: ${listText(methods)}`);
        if (fields.length > 0)
            parts.push(`fields differ: ${listText(fields)}`);
        const rest = children.filter((c) => c !== pool && c !== version && !name(c).startsWith('method ') && !name(c).startsWith('field ')).map(name);
        if (rest.length > 0)
            parts.push(`${listText(rest)} differ${rest.length === 1 ? 's' : ''}`);
        if (methods.length === 0 && fields.length === 0)
            parts.push('methods and fields identical');
        return parts.join('; ');
    },
};

;// CONCATENATED MODULE: ./src/compare/formats/elf.ts
/**
 * ELF reader (System V gABI, ELF32 and ELF64, either byte order): the file header, section headers
 * with names, notes, symbol tables and the dynamic section. Only what the comparator needs, and
 * every offset checked against the file.
 */


const ELF_MAGIC = Buffer.from([0x7f, 0x45, 0x4c, 0x46]);
const SHT_SYMTAB = 2;
const SHT_STRTAB = 3;
const SHT_DYNAMIC = 6;
const SHT_NOTE = 7;
const SHT_NOBITS = 8;
const SHT_DYNSYM = 11;
const SHF_COMPRESSED = 0x800;
const SHN_XINDEX = 0xffff;
function readHeader(buf) {
    const probe = new ByteView(buf, 'le', 'ELF');
    probe.check(0, 16, 'identification bytes (e_ident)');
    if (!buf.subarray(0, 4).equals(ELF_MAGIC))
        probe.fail('no \\x7fELF magic');
    const klass = buf[4];
    if (klass !== 1 && klass !== 2)
        probe.fail(`unknown class ${klass} in e_ident[EI_CLASS] (1 = ELF32, 2 = ELF64)`);
    const data = buf[5];
    if (data !== 1 && data !== 2)
        probe.fail(`unknown data encoding ${data} in e_ident[EI_DATA] (1 = LSB, 2 = MSB)`);
    const elfClass = klass === 1 ? 32 : 64;
    const view = new ByteView(buf, data === 1 ? 'le' : 'be', `ELF${elfClass}`);
    const ehsizeExpected = elfClass === 64 ? 64 : 52;
    view.check(0, ehsizeExpected, 'file header');
    const at = elfClass === 64
        ? { entry: 24, phoff: 32, shoff: 40, flags: 48, ehsize: 52 }
        : { entry: 24, phoff: 28, shoff: 32, flags: 36, ehsize: 40 };
    const word = (offset, what) => (elfClass === 64 ? view.u64(offset, what) : view.u32(offset, what));
    const header = {
        elfClass,
        endian: view.endian,
        osabi: buf[7],
        type: view.u16(16, 'e_type'),
        machine: view.u16(18, 'e_machine'),
        version: view.u32(20, 'e_version'),
        entry: elfClass === 64 ? view.u64big(at.entry, 'e_entry') : BigInt(view.u32(at.entry, 'e_entry')),
        phoff: word(at.phoff, 'e_phoff'),
        shoff: word(at.shoff, 'e_shoff'),
        flags: view.u32(at.flags, 'e_flags'),
        ehsize: view.u16(at.ehsize, 'e_ehsize'),
        phentsize: view.u16(at.ehsize + 2, 'e_phentsize'),
        phnum: view.u16(at.ehsize + 4, 'e_phnum'),
        shentsize: view.u16(at.ehsize + 6, 'e_shentsize'),
        shnum: view.u16(at.ehsize + 8, 'e_shnum'),
        shstrndx: view.u16(at.ehsize + 10, 'e_shstrndx'),
    };
    return { header, view };
}
function readSectionHeader(view, header, index) {
    const base = header.shoff + index * header.shentsize;
    const what = `section header ${index}`;
    const is64 = header.elfClass === 64;
    view.check(base, is64 ? 64 : 40, what);
    const word = (offset, field) => is64 ? view.u64(base + offset, `${what} ${field}`) : view.u32(base + offset, `${what} ${field}`);
    const at = is64
        ? { flags: 8, addr: 16, offset: 24, size: 32, link: 40, info: 44, addralign: 48, entsize: 56 }
        : { flags: 8, addr: 12, offset: 16, size: 20, link: 24, info: 28, addralign: 32, entsize: 36 };
    // Flags above bit 31 carry no meaning we use; keeping the low word avoids unsafe integers.
    const flags = is64 ? Number(view.u64big(base + at.flags, `${what} sh_flags`) & 0xffffffffn) : view.u32(base + at.flags, `${what} sh_flags`);
    return {
        index,
        nameOffset: view.u32(base, `${what} sh_name`),
        name: '',
        type: view.u32(base + 4, `${what} sh_type`),
        flags,
        addr: is64 ? view.u64big(base + at.addr, `${what} sh_addr`) : BigInt(view.u32(base + at.addr, `${what} sh_addr`)),
        offset: word(at.offset, 'sh_offset'),
        size: word(at.size, 'sh_size'),
        link: view.u32(base + at.link, `${what} sh_link`),
        info: view.u32(base + at.info, `${what} sh_info`),
        addralign: word(at.addralign, 'sh_addralign'),
        entsize: word(at.entsize, 'sh_entsize'),
    };
}
function parseElf(buf) {
    const { header, view } = readHeader(buf);
    const sections = [];
    if (header.shoff === 0)
        return { header, sections, view };
    const minimum = header.elfClass === 64 ? 64 : 40;
    if (header.shentsize < minimum)
        view.fail(`e_shentsize is ${header.shentsize}, smaller than a section header (${minimum})`);
    let shnum = header.shnum;
    let shstrndx = header.shstrndx;
    if (shnum === 0 || shstrndx === SHN_XINDEX) {
        // Extended numbering: the real counts live in section header 0 (gABI "Extended Section Indexes").
        const first = readSectionHeader(view, header, 0);
        if (shnum === 0)
            shnum = first.size;
        if (shstrndx === SHN_XINDEX)
            shstrndx = first.link;
    }
    // Each header must lie inside the file, so the count is bounded by the file size.
    view.check(header.shoff, shnum * header.shentsize, `section header table (${shnum} × ${header.shentsize} bytes)`);
    for (let i = 0; i < shnum; i++) {
        const section = readSectionHeader(view, header, i);
        if (section.type !== SHT_NOBITS && section.size > 0) {
            view.check(section.offset, section.size, `section ${i} contents`);
        }
        sections.push(section);
    }
    if (shnum > 0) {
        if (shstrndx >= shnum)
            view.fail(`e_shstrndx ${shstrndx} names no section (there are ${shnum})`);
        const names = sections[shstrndx];
        if (names.type === SHT_NOBITS)
            view.fail(`section name table (section ${shstrndx}) has no bytes in the file`);
        const table = view.bytes(names.offset, names.size, 'section name table');
        for (const section of sections) {
            section.name =
                tableString(table, section.nameOffset) ??
                    view.fail(`section ${section.index} name offset ${hex(section.nameOffset)} lies outside the name table (${table.length} bytes)`);
        }
    }
    return { header: { ...header, shnum, shstrndx }, sections, view };
}
/** The bytes a section holds in the file (none for SHT_NOBITS such as .bss). */
function sectionBytes(elf, section) {
    if (section.type === SHT_NOBITS)
        return Buffer.alloc(0);
    return elf.view.bytes(section.offset, section.size, `section ${section.name || section.index} contents`);
}
/**
 * A section's bytes, decompressed when SHF_COMPRESSED (zlib or zstd, Elf_Chdr), with the output
 * capped at `maxBytes` and at the size the header declares.
 */
function sectionContents(elf, section, maxBytes) {
    const raw = sectionBytes(elf, section);
    if ((section.flags & SHF_COMPRESSED) === 0)
        return raw;
    const view = new ByteView(raw, elf.view.endian, `ELF${elf.header.elfClass}`);
    const is64 = elf.header.elfClass === 64;
    const what = `compression header of ${section.name}`;
    const chType = view.u32(0, what);
    const size = is64 ? view.u64(8, what) : view.u32(4, what);
    const headerSize = is64 ? 24 : 12;
    view.check(0, headerSize, what);
    if (size > maxBytes)
        view.fail(`${section.name} would decompress to ${size} bytes, more than the limit of ${maxBytes}`);
    const payload = raw.subarray(headerSize);
    try {
        if (chType === 1)
            return external_node_zlib_namespaceObject.inflateSync(payload, { maxOutputLength: Math.max(1, size) });
        // zstd arrived in Node 22.15; older runtimes fall back with the reason below.
        if (chType === 2 && typeof external_node_zlib_namespaceObject.zstdDecompressSync === 'function') {
            return external_node_zlib_namespaceObject.zstdDecompressSync(payload, { maxOutputLength: Math.max(1, size) });
        }
    }
    catch (error) {
        view.fail(`${section.name} does not decompress: ${error instanceof Error ? error.message : String(error)}`);
    }
    return view.fail(`${section.name} uses compression type ${chType}, which this runtime cannot decompress`);
}
/** Notes in an SHT_NOTE section: namesz, descsz, type, then name and desc, each padded. */
function parseNotes(elf, section) {
    const bytes = sectionBytes(elf, section);
    const view = new ByteView(bytes, elf.view.endian, `ELF note section ${section.name}`);
    const align = section.addralign === 8 ? 8 : 4;
    const pad = (n) => Math.ceil(n / align) * align;
    const notes = [];
    let offset = 0;
    // Every note consumes at least 12 bytes, so this ends.
    while (offset + 12 <= bytes.length) {
        const namesz = view.u32(offset, 'n_namesz');
        const descsz = view.u32(offset + 4, 'n_descsz');
        const type = view.u32(offset + 8, 'n_type');
        const nameAtOffset = offset + 12;
        const nameBytes = view.bytes(nameAtOffset, namesz, `note ${notes.length} name`);
        const descAt = nameAtOffset + pad(namesz);
        const desc = view.bytes(descAt, descsz, `note ${notes.length} descriptor`);
        const nul = nameBytes.indexOf(0);
        notes.push({ name: nameBytes.toString('latin1', 0, nul < 0 ? namesz : nul), type, desc });
        offset = descAt + pad(descsz);
    }
    return notes;
}
/** Symbols of an SHT_SYMTAB/SHT_DYNSYM section, named through its linked string table. */
function readSymbols(elf, section) {
    const is64 = elf.header.elfClass === 64;
    const entsize = is64 ? 24 : 16;
    if (section.entsize !== 0 && section.entsize < entsize) {
        elf.view.fail(`${section.name} has sh_entsize ${section.entsize}, smaller than a symbol (${entsize})`);
    }
    const stride = section.entsize === 0 ? entsize : section.entsize;
    const strings = elf.sections[section.link];
    if (strings === undefined)
        elf.view.fail(`${section.name} links to string table ${section.link}, which does not exist`);
    const table = sectionBytes(elf, strings);
    const bytes = sectionBytes(elf, section);
    const view = new ByteView(bytes, elf.view.endian, `ELF symbol table ${section.name}`);
    const symbols = [];
    for (let at = 0; at + entsize <= bytes.length; at += stride) {
        const nameOffset = view.u32(at, 'st_name');
        const name = tableString(table, nameOffset) ?? `<name at ${hex(nameOffset)}>`;
        symbols.push(is64
            ? { name, info: view.u8(at + 4, 'st_info'), shndx: view.u16(at + 6, 'st_shndx'), value: view.u64big(at + 8, 'st_value'), size: view.u64big(at + 16, 'st_size') }
            : { name, value: BigInt(view.u32(at + 4, 'st_value')), size: BigInt(view.u32(at + 8, 'st_size')), info: view.u8(at + 12, 'st_info'), shndx: view.u16(at + 14, 'st_shndx') });
    }
    return symbols;
}
/** Entries of the dynamic section, up to DT_NULL. */
function readDynamic(elf, section) {
    const is64 = elf.header.elfClass === 64;
    const size = is64 ? 16 : 8;
    const bytes = sectionBytes(elf, section);
    const view = new ByteView(bytes, elf.view.endian, `ELF dynamic section ${section.name}`);
    const entries = [];
    for (let at = 0; at + size <= bytes.length; at += size) {
        const tag = is64 ? view.u64big(at, 'd_tag') : BigInt(view.u32(at, 'd_tag'));
        const value = is64 ? view.u64big(at + 8, 'd_val') : BigInt(view.u32(at + 4, 'd_val'));
        if (tag === 0n)
            break;
        entries.push({ tag, value });
    }
    return entries;
}
/** Dynamic tags whose value is a string-table offset, and how we label them. */
const DYNAMIC_STRING_TAGS = new Map([
    [1n, 'NEEDED'],
    [14n, 'SONAME'],
    [15n, 'RPATH'],
    [29n, 'RUNPATH'],
]);
const ELF_TYPES = { 0: 'NONE', 1: 'REL', 2: 'EXEC', 3: 'DYN', 4: 'CORE' };

;// CONCATENATED MODULE: ./src/compare/comparators/elf.ts
/**
 * ELF: which sections differ, and for the ones that usually explain drift, how: build-id notes
 * (GNU and Go), strings in debug-info and read-only data (build paths, __DATE__), symbols and the
 * dynamic section. Everything else is a byte comparison per section.
 */




const elf_ID = 'elf';
/** Sections that are nothing but NUL-separated strings. */
const STRING_TABLES = new Set(['.debug_str', '.debug_line_str', '.comment', '.dynstr', '.debug_str.dwo', '.zdebug_str']);
/** Mixed data whose strings are worth listing (`__DATE__`, embedded paths): `.rodata`, `.rodata.str1.1`… */
const isReadOnlyData = (name) => name === '.rodata' || name.startsWith('.rodata.');
/** Children whose path ends in one of these are not sections (for the summary). */
const NON_SECTION_LABELS = ['ELF header', 'program headers', 'section headers', 'bytes outside sections'];
function elf_parseSide(buf, side) {
    try {
        return parseElf(buf);
    }
    catch (error) {
        if (error instanceof ComparatorFallback)
            throw new ComparatorFallback(`${side} file: ${error.message}`);
        throw error;
    }
}
function headerChildren(path, a, b) {
    const fields = [
        ['class', `ELF${a.header.elfClass}`, `ELF${b.header.elfClass}`],
        ['byte order', a.header.endian === 'le' ? 'little-endian' : 'big-endian', b.header.endian === 'le' ? 'little-endian' : 'big-endian'],
        ['OS/ABI', String(a.header.osabi), String(b.header.osabi)],
        ['e_type', ELF_TYPES[a.header.type] ?? String(a.header.type), ELF_TYPES[b.header.type] ?? String(b.header.type)],
        ['e_machine', String(a.header.machine), String(b.header.machine)],
        ['e_entry', hex(a.header.entry), hex(b.header.entry)],
        ['e_flags', hex(a.header.flags), hex(b.header.flags)],
    ];
    const differing = fields.filter(([, before, after]) => before !== after);
    const at = `${path}:ELF header`;
    if (differing.length === 0)
        return [];
    if (differing.length === 1) {
        const [name, before, after] = differing[0];
        return [fieldNode(elf_ID, at, name, before, after, `ELF header ${name} differs: ${before} → ${after}`)];
    }
    const children = differing.map(([name, before, after]) => fieldNode(elf_ID, `${at}:${name}`, name, before, after));
    return [node(elf_ID, at, 'modified', `ELF header: ${differing.map(([name]) => name).join(', ')} differ`, undefined, children)];
}
function noteLabel(note) {
    if (note.name === 'GNU' && note.type === 3)
        return 'GNU build-id';
    if (note.name === 'Go' && note.type === 4)
        return 'Go build ID';
    return `note ${note.name} type ${note.type}`;
}
function noteValue(note) {
    if (note === undefined)
        return '(none)';
    if (note.name === 'Go' && note.type === 4)
        return note.desc.toString('utf8');
    return hexBytes(note.desc, 256);
}
function noteChildren(path, a, sa, b, sb) {
    const before = keyed(parseNotes(a, sa), noteLabel);
    const after = keyed(parseNotes(b, sb), noteLabel);
    const fields = [];
    for (const key of unionKeys(before, after)) {
        const x = before.get(key);
        const y = after.get(key);
        if (x !== undefined && y !== undefined && x.desc.equals(y.desc))
            continue;
        const oldValue = noteValue(x);
        const newValue = noteValue(y);
        const shortOld = oldValue.length > 16 ? `${oldValue.slice(0, 16)}…` : oldValue;
        const shortNew = newValue.length > 16 ? `${newValue.slice(0, 16)}…` : newValue;
        fields.push(fieldNode(elf_ID, `${path}:${key}`, key, oldValue, newValue, `${key} differs: ${shortOld} → ${shortNew}`));
    }
    if (fields.length === 0)
        return undefined;
    if (fields.length === 1) {
        const only = fields[0];
        return { ...only, path };
    }
    return node(elf_ID, path, 'modified', `${sa.name}: ${fields.map((f) => (f.detail?.type === 'field' ? f.detail.name : f.path)).join(', ')} differ`, undefined, fields);
}
function symbolText(symbol) {
    return `${symbol.name} @${hex(symbol.value)} size ${symbol.size}`;
}
function symbolChildren(path, name, a, sa, b, sb) {
    const before = readSymbols(a, sa).filter((s) => s.name !== '');
    const after = readSymbols(b, sb).filter((s) => s.name !== '');
    const names = multisetDiff(before.map((s) => s.name), after.map((s) => s.name));
    // Symbols paired by name (repeated names in order) whose address, size or type moved.
    const uniqueBefore = keyed(before, (s) => s.name);
    const uniqueAfter = keyed(after, (s) => s.name);
    const movedOld = [];
    const movedNew = [];
    for (const [key, x] of uniqueBefore) {
        const y = uniqueAfter.get(key);
        if (y === undefined)
            continue;
        if (x.value !== y.value || x.size !== y.size || x.info !== y.info) {
            movedOld.push(symbolText(x));
            movedNew.push(symbolText(y));
        }
    }
    if (names.removed.length === 0 && names.added.length === 0 && movedOld.length === 0)
        return undefined;
    const parts = [];
    if (names.removed.length + names.added.length > 0)
        parts.push(stringsSummary(names.removed, names.added, 'symbol'));
    if (movedOld.length > 0) {
        const moved = movedOld.map((text) => text.split(' ')[0]);
        parts.push(`${movedOld.length} moved or resized (${moved.slice(0, 3).join(', ')}${moved.length > 3 ? ', …' : ''})`);
    }
    const detail = stringsDetail([...names.removed, ...movedOld], [...names.added, ...movedNew]);
    return node(elf_ID, path, 'lines', `${name}: ${parts.join('; ')}`, detail);
}
function dynamicStrings(elf, section) {
    const strtab = elf.sections[section.link];
    const table = strtab === undefined ? Buffer.alloc(0) : sectionBytes(elf, strtab);
    const out = [];
    for (const entry of readDynamic(elf, section)) {
        const label = DYNAMIC_STRING_TAGS.get(entry.tag);
        if (label === undefined)
            continue;
        const value = entry.value <= BigInt(table.length) ? tableString(table, Number(entry.value)) : undefined;
        out.push(`${label} ${value ?? `<string at ${hex(entry.value)}>`}`);
    }
    return out;
}
/** `.dynamic` with the same bytes can still name other libraries when `.dynstr` changed under it. */
function dynamicThroughStrings(path, a, sa, b, sb) {
    if (sa.type !== SHT_DYNAMIC || sb.type !== SHT_DYNAMIC)
        return undefined;
    const found = stringChildren(path, sa.name, dynamicStrings(a, sa), dynamicStrings(b, sb));
    if (found !== undefined)
        found.summary = `${found.summary} (same entries; their strings in .dynstr changed)`;
    return found;
}
function stringChildren(path, name, before, after) {
    const { removed, added } = multisetDiff(before, after);
    if (removed.length === 0 && added.length === 0)
        return undefined;
    return node(elf_ID, path, 'lines', `${name}: ${stringsSummary(removed, added)}`, stringsDetail(removed, added));
}
function compareSection(path, a, sa, b, sb, ctx) {
    const rawA = sectionBytes(a, sa);
    const rawB = sectionBytes(b, sb);
    if (rawA.equals(rawB) && sa.size === sb.size && sa.type === sb.type && sa.flags === sb.flags)
        return undefined;
    const name = sa.name;
    if (rawA.equals(rawB)) {
        // Same bytes (or both SHT_NOBITS): the header says what changed.
        const [field, before, after] = sa.size !== sb.size
            ? ['sh_size', String(sa.size), String(sb.size)]
            : sa.type !== sb.type
                ? ['sh_type', String(sa.type), String(sb.type)]
                : ['sh_flags', hex(sa.flags), hex(sb.flags)];
        return fieldNode(elf_ID, path, field, before, after, `${name}: ${field} ${before} → ${after}`);
    }
    let special;
    if (sa.type === SHT_NOTE && sb.type === SHT_NOTE) {
        special = noteChildren(path, a, sa, b, sb);
    }
    else if ((sa.type === SHT_SYMTAB || sa.type === SHT_DYNSYM) && sa.type === sb.type) {
        special = symbolChildren(path, name, a, sa, b, sb);
    }
    else if (sa.type === SHT_DYNAMIC && sb.type === SHT_DYNAMIC) {
        special = stringChildren(path, name, dynamicStrings(a, sa), dynamicStrings(b, sb));
    }
    else if (STRING_TABLES.has(name)) {
        const x = sectionContents(a, sa, ctx.limits.maxExpandedBytes);
        const y = sectionContents(b, sb, ctx.limits.maxExpandedBytes);
        special = stringChildren(path, name, extractStrings(x), extractStrings(y));
    }
    else if (isReadOnlyData(name)) {
        special = stringChildren(path, name, extractPrintableRuns(rawA), extractPrintableRuns(rawB));
    }
    return special ?? bytesNode(elf_ID, path, name, rawA, rawB, sa.offset, sb.offset);
}
/** The regions no section covers changed: report the table or bytes that did. */
function structureChildren(path, before, after, a, b) {
    const table = (elf, offset, count, size) => elf.view.bytes(offset, count * size, 'header table');
    const out = [];
    if (a.header.phoff > 0 || b.header.phoff > 0) {
        const pa = table(a, a.header.phoff, a.header.phnum, a.header.phentsize);
        const pb = table(b, b.header.phoff, b.header.phnum, b.header.phentsize);
        if (!pa.equals(pb))
            out.push(bytesNode(elf_ID, `${path}:program headers`, 'program headers', pa, pb, a.header.phoff, b.header.phoff));
    }
    if (a.header.shoff > 0 && b.header.shoff > 0) {
        const ha = table(a, a.header.shoff, a.sections.length, a.header.shentsize);
        const hb = table(b, b.header.shoff, b.sections.length, b.header.shentsize);
        if (!ha.equals(hb))
            out.push(bytesNode(elf_ID, `${path}:section headers`, 'section headers', ha, hb, a.header.shoff, b.header.shoff));
    }
    if (out.length === 0)
        out.push(bytesNode(elf_ID, `${path}:bytes outside sections`, 'bytes outside sections', before, after));
    return out;
}
const elfComparator = {
    id: elf_ID,
    recognizes(_path, head) {
        return head.length >= 4 && head.subarray(0, 4).equals(ELF_MAGIC);
    },
    compare(path, before, after, ctx) {
        const a = elf_parseSide(before, 'old');
        const b = elf_parseSide(after, 'new');
        if (before.equals(after))
            return [];
        const children = headerChildren(path, a, b);
        const sectionsA = keyed(a.sections.filter((s) => s.index > 0), (s) => s.name);
        const sectionsB = keyed(b.sections.filter((s) => s.index > 0), (s) => s.name);
        const keys = unionKeys(sectionsA, sectionsB);
        const membershipChanged = keys.some((key) => !sectionsA.has(key) || !sectionsB.has(key));
        const nameTable = (elf) => elf.sections[elf.header.shstrndx];
        for (const key of keys) {
            const sa = sectionsA.get(key);
            const sb = sectionsB.get(key);
            const at = `${path}:${key}`;
            if (sa === undefined && sb !== undefined) {
                children.push(node(elf_ID, at, 'added', `section ${key} added (${sb.size} bytes)`));
            }
            else if (sb === undefined && sa !== undefined) {
                children.push(node(elf_ID, at, 'removed', `section ${key} removed (${sa.size} bytes)`));
            }
            else if (sa !== undefined && sb !== undefined) {
                // The section-name table differs whenever sections come or go; the membership says it.
                if (membershipChanged && sa === nameTable(a) && sb === nameTable(b))
                    continue;
                const difference = compareSection(at, a, sa, b, sb, ctx) ?? dynamicThroughStrings(at, a, sa, b, sb);
                if (difference !== undefined)
                    children.push(difference);
            }
        }
        if (children.length === 0)
            children.push(...structureChildren(path, before, after, a, b));
        return children;
    },
    describe(path, children) {
        const prefix = `${path}:`;
        const isStructure = (c) => NON_SECTION_LABELS.some((label) => c.path === `${prefix}${label}`);
        const sections = children.filter((c) => !isStructure(c));
        const others = children.filter(isStructure).map((c) => c.path.slice(prefix.length));
        const parts = [];
        if (sections.length > 0)
            parts.push(describeMembers(sections, prefix, 'section'));
        if (others.length > 0)
            parts.push(`${others.join(', ')} differ${others.length === 1 ? 's' : ''}`);
        return parts.length === 0 ? 'no differences' : parts.join('; ');
    },
};

;// CONCATENATED MODULE: ./node_modules/jsondiffpatch/lib/clone.js
function cloneRegExp(re) {
    var _a;
    const regexMatch = /^\/(.*)\/([gimyu]*)$/.exec(re.toString());
    if (!regexMatch) {
        throw new Error("Invalid RegExp");
    }
    return new RegExp((_a = regexMatch[1]) !== null && _a !== void 0 ? _a : "", regexMatch[2]);
}
function clone_clone(arg) {
    if (typeof arg !== "object") {
        return arg;
    }
    if (arg === null) {
        return null;
    }
    if (Array.isArray(arg)) {
        return arg.map(clone_clone);
    }
    if (arg instanceof Date) {
        return new Date(arg.getTime());
    }
    if (arg instanceof RegExp) {
        return cloneRegExp(arg);
    }
    const cloned = {};
    for (const name in arg) {
        if (Object.prototype.hasOwnProperty.call(arg, name)) {
            const value = clone_clone(arg[name]);
            if (name === "__proto__") {
                Object.defineProperty(cloned, name, {
                    value,
                    enumerable: true,
                    configurable: true,
                    writable: true,
                });
            }
            else {
                cloned[name] = value;
            }
        }
    }
    return cloned;
}

;// CONCATENATED MODULE: ./node_modules/jsondiffpatch/lib/assertions/arrays.js
function assertNonEmptyArray(arr, message) {
    if (arr.length === 0) {
        throw new Error(message || "Expected a non-empty array");
    }
}
function assertArrayHasExactly2(arr, message) {
    if (arr.length !== 2) {
        throw new Error(message || "Expected an array with exactly 2 items");
    }
}
function assertArrayHasExactly1(arr, message) {
    if (arr.length !== 1) {
        throw new Error(message || "Expected an array with exactly 1 item");
    }
}
function assertArrayHasAtLeast2(arr, message) {
    if (arr.length < 2) {
        throw new Error(message || "Expected an array with at least 2 items");
    }
}
function isNonEmptyArray(arr) {
    return arr.length > 0;
}
function isArrayWithAtLeast2(arr) {
    return arr.length >= 2;
}
function isArrayWithAtLeast3(arr) {
    return arr.length >= 3;
}
function isArrayWithExactly1(arr) {
    return arr.length === 1;
}
function isArrayWithExactly2(arr) {
    return arr.length === 2;
}
function isArrayWithExactly3(arr) {
    return arr.length === 3;
}
/**
 * type-safe version of `arr[arr.length - 1]`
 * @param arr a non empty array
 * @returns the last element of the array
 */
const lastNonEmpty = (arr) => arr[arr.length - 1];

;// CONCATENATED MODULE: ./node_modules/jsondiffpatch/lib/contexts/context.js

class Context {
    setResult(result) {
        this.result = result;
        this.hasResult = true;
        return this;
    }
    exit() {
        this.exiting = true;
        return this;
    }
    push(child, name) {
        child.parent = this;
        if (typeof name !== "undefined") {
            child.childName = name;
        }
        child.root = this.root || this;
        child.options = child.options || this.options;
        if (!this.children) {
            this.children = [child];
            this.nextAfterChildren = this.next || null;
            this.next = child;
        }
        else {
            assertNonEmptyArray(this.children);
            lastNonEmpty(this.children).next = child;
            this.children.push(child);
        }
        child.next = this;
        return this;
    }
}

;// CONCATENATED MODULE: ./node_modules/jsondiffpatch/lib/contexts/diff.js


class DiffContext extends Context {
    constructor(left, right) {
        super();
        this.left = left;
        this.right = right;
        this.pipe = "diff";
    }
    prepareDeltaResult(result) {
        var _a, _b, _c, _d;
        if (typeof result === "object") {
            if (((_a = this.options) === null || _a === void 0 ? void 0 : _a.omitRemovedValues) &&
                Array.isArray(result) &&
                result.length > 1 &&
                (result.length === 2 || // modified
                    result[2] === 0 || // deleted
                    result[2] === 3) // moved
            ) {
                // omit the left/old value (this delta will be more compact but irreversible)
                result[0] = 0;
            }
            if ((_b = this.options) === null || _b === void 0 ? void 0 : _b.cloneDiffValues) {
                const clone = typeof ((_c = this.options) === null || _c === void 0 ? void 0 : _c.cloneDiffValues) === "function"
                    ? (_d = this.options) === null || _d === void 0 ? void 0 : _d.cloneDiffValues
                    : clone_clone;
                if (typeof result[0] === "object") {
                    result[0] = clone(result[0]);
                }
                if (typeof result[1] === "object") {
                    result[1] = clone(result[1]);
                }
            }
        }
        return result;
    }
    setResult(result) {
        this.prepareDeltaResult(result);
        return super.setResult(result);
    }
}
/* harmony default export */ const diff = (DiffContext);

;// CONCATENATED MODULE: ./node_modules/jsondiffpatch/lib/contexts/patch.js

class PatchContext extends Context {
    constructor(left, delta) {
        super();
        this.left = left;
        this.delta = delta;
        this.pipe = "patch";
    }
}
/* harmony default export */ const patch = (PatchContext);

;// CONCATENATED MODULE: ./node_modules/jsondiffpatch/lib/contexts/reverse.js

class ReverseContext extends Context {
    constructor(delta) {
        super();
        this.delta = delta;
        this.pipe = "reverse";
    }
}
/* harmony default export */ const reverse = (ReverseContext);

;// CONCATENATED MODULE: ./node_modules/jsondiffpatch/lib/pipe.js
// eslint-disable-next-line @typescript-eslint/no-explicit-any
class Pipe {
    constructor(name) {
        this.name = name;
        this.filters = [];
    }
    process(input) {
        if (!this.processor) {
            throw new Error("add this pipe to a processor before using it");
        }
        const debug = this.debug;
        const length = this.filters.length;
        const context = input;
        for (let index = 0; index < length; index++) {
            const filter = this.filters[index];
            if (!filter)
                continue;
            if (debug) {
                this.log(`filter: ${filter.filterName}`);
            }
            filter(context);
            if (typeof context === "object" && context.exiting) {
                context.exiting = false;
                break;
            }
        }
        if (!context.next && this.resultCheck) {
            this.resultCheck(context);
        }
    }
    log(msg) {
        console.log(`[jsondiffpatch] ${this.name} pipe, ${msg}`);
    }
    append(...args) {
        this.filters.push(...args);
        return this;
    }
    prepend(...args) {
        this.filters.unshift(...args);
        return this;
    }
    indexOf(filterName) {
        if (!filterName) {
            throw new Error("a filter name is required");
        }
        for (let index = 0; index < this.filters.length; index++) {
            const filter = this.filters[index];
            if ((filter === null || filter === void 0 ? void 0 : filter.filterName) === filterName) {
                return index;
            }
        }
        throw new Error(`filter not found: ${filterName}`);
    }
    list() {
        return this.filters.map((f) => f.filterName);
    }
    after(filterName, ...params) {
        const index = this.indexOf(filterName);
        this.filters.splice(index + 1, 0, ...params);
        return this;
    }
    before(filterName, ...params) {
        const index = this.indexOf(filterName);
        this.filters.splice(index, 0, ...params);
        return this;
    }
    replace(filterName, ...params) {
        const index = this.indexOf(filterName);
        this.filters.splice(index, 1, ...params);
        return this;
    }
    remove(filterName) {
        const index = this.indexOf(filterName);
        this.filters.splice(index, 1);
        return this;
    }
    clear() {
        this.filters.length = 0;
        return this;
    }
    shouldHaveResult(should) {
        if (should === false) {
            this.resultCheck = null;
            return this;
        }
        if (this.resultCheck) {
            return this;
        }
        this.resultCheck = (context) => {
            if (!context.hasResult) {
                console.log(context);
                const error = new Error(`${this.name} failed`);
                error.noResult = true;
                throw error;
            }
        };
        return this;
    }
}
/* harmony default export */ const pipe = (Pipe);

;// CONCATENATED MODULE: ./node_modules/jsondiffpatch/lib/processor.js
class Processor {
    constructor(options) {
        this.selfOptions = options || {};
        this.pipes = {};
    }
    options(options) {
        if (options) {
            this.selfOptions = options;
        }
        return this.selfOptions;
    }
    pipe(name, pipeArg) {
        let pipe = pipeArg;
        if (typeof name === "string") {
            if (typeof pipe === "undefined") {
                return this.pipes[name];
            }
            this.pipes[name] = pipe;
        }
        if (name && name.name) {
            pipe = name;
            if (pipe.processor === this) {
                return pipe;
            }
            this.pipes[pipe.name] = pipe;
        }
        if (!pipe) {
            throw new Error(`pipe is not defined: ${name}`);
        }
        pipe.processor = this;
        return pipe;
    }
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    process(input, pipe) {
        let context = input;
        context.options = this.options();
        let nextPipe = pipe || input.pipe || "default";
        let lastPipe = undefined;
        while (nextPipe) {
            if (typeof context.nextAfterChildren !== "undefined") {
                // children processed and coming back to parent
                context.next = context.nextAfterChildren;
                context.nextAfterChildren = null;
            }
            if (typeof nextPipe === "string") {
                nextPipe = this.pipe(nextPipe);
            }
            nextPipe.process(context);
            lastPipe = nextPipe;
            nextPipe = null;
            if (context) {
                if (context.next) {
                    context = context.next;
                    nextPipe = context.pipe || lastPipe;
                }
            }
        }
        // eslint-disable-next-line @typescript-eslint/no-unsafe-return
        return context.hasResult ? context.result : undefined;
    }
}
/* harmony default export */ const processor = (Processor);

;// CONCATENATED MODULE: ./node_modules/jsondiffpatch/lib/filters/lcs.js
/*

LCS implementation that supports arrays or strings

reference: http://en.wikipedia.org/wiki/Longest_common_subsequence_problem

*/
const defaultMatch = (array1, array2, index1, index2) => array1[index1] === array2[index2];
const lengthMatrix = (array1, array2, match, context) => {
    var _a, _b, _c;
    const len1 = array1.length;
    const len2 = array2.length;
    let x;
    let y;
    // initialize empty matrix of len1+1 x len2+1
    const matrix = new Array(len1 + 1);
    for (x = 0; x < len1 + 1; x++) {
        const matrixNewRow = new Array(len2 + 1);
        for (y = 0; y < len2 + 1; y++) {
            matrixNewRow[y] = 0;
        }
        matrix[x] = matrixNewRow;
    }
    matrix.match = match;
    // save sequence lengths for each coordinate
    for (x = 1; x < len1 + 1; x++) {
        const matrixRowX = matrix[x];
        if (matrixRowX === undefined) {
            throw new Error("LCS matrix row is undefined");
        }
        const matrixRowBeforeX = matrix[x - 1];
        if (matrixRowBeforeX === undefined) {
            throw new Error("LCS matrix row is undefined");
        }
        for (y = 1; y < len2 + 1; y++) {
            if (match(array1, array2, x - 1, y - 1, context)) {
                matrixRowX[y] = ((_a = matrixRowBeforeX[y - 1]) !== null && _a !== void 0 ? _a : 0) + 1;
            }
            else {
                matrixRowX[y] = Math.max((_b = matrixRowBeforeX[y]) !== null && _b !== void 0 ? _b : 0, (_c = matrixRowX[y - 1]) !== null && _c !== void 0 ? _c : 0);
            }
        }
    }
    return matrix;
};
const backtrack = (matrix, array1, array2, context) => {
    let index1 = array1.length;
    let index2 = array2.length;
    const subsequence = {
        sequence: [],
        indices1: [],
        indices2: [],
    };
    while (index1 !== 0 && index2 !== 0) {
        if (matrix.match === undefined) {
            throw new Error("LCS matrix match function is undefined");
        }
        const sameLetter = matrix.match(array1, array2, index1 - 1, index2 - 1, context);
        if (sameLetter) {
            subsequence.sequence.unshift(array1[index1 - 1]);
            subsequence.indices1.unshift(index1 - 1);
            subsequence.indices2.unshift(index2 - 1);
            --index1;
            --index2;
        }
        else {
            const matrixRowIndex1 = matrix[index1];
            if (matrixRowIndex1 === undefined) {
                throw new Error("LCS matrix row is undefined");
            }
            const valueAtMatrixAbove = matrixRowIndex1[index2 - 1];
            if (valueAtMatrixAbove === undefined) {
                throw new Error("LCS matrix value is undefined");
            }
            const matrixRowBeforeIndex1 = matrix[index1 - 1];
            if (matrixRowBeforeIndex1 === undefined) {
                throw new Error("LCS matrix row is undefined");
            }
            const valueAtMatrixLeft = matrixRowBeforeIndex1[index2];
            if (valueAtMatrixLeft === undefined) {
                throw new Error("LCS matrix value is undefined");
            }
            if (valueAtMatrixAbove > valueAtMatrixLeft) {
                --index2;
            }
            else {
                --index1;
            }
        }
    }
    return subsequence;
};
const get = (array1, array2, match, context) => {
    const innerContext = context || {};
    const matrix = lengthMatrix(array1, array2, match || defaultMatch, innerContext);
    return backtrack(matrix, array1, array2, innerContext);
};
/* harmony default export */ const lcs = ({
    get,
});

;// CONCATENATED MODULE: ./node_modules/jsondiffpatch/lib/filters/arrays.js




const ARRAY_MOVE = 3;
function arraysHaveMatchByRef(array1, array2, len1, len2) {
    for (let index1 = 0; index1 < len1; index1++) {
        const val1 = array1[index1];
        for (let index2 = 0; index2 < len2; index2++) {
            const val2 = array2[index2];
            if (index1 !== index2 && val1 === val2) {
                return true;
            }
        }
    }
    return false;
}
function matchItems(array1, array2, index1, index2, context) {
    const value1 = array1[index1];
    const value2 = array2[index2];
    if (value1 === value2) {
        return true;
    }
    if (typeof value1 !== "object" || typeof value2 !== "object") {
        return false;
    }
    const objectHash = context.objectHash;
    if (!objectHash) {
        // no way to match objects was provided, try match by position
        return context.matchByPosition && index1 === index2;
    }
    context.hashCache1 = context.hashCache1 || [];
    let hash1 = context.hashCache1[index1];
    if (typeof hash1 === "undefined") {
        context.hashCache1[index1] = hash1 = objectHash(value1, index1);
    }
    if (typeof hash1 === "undefined") {
        return false;
    }
    context.hashCache2 = context.hashCache2 || [];
    let hash2 = context.hashCache2[index2];
    if (typeof hash2 === "undefined") {
        context.hashCache2[index2] = hash2 = objectHash(value2, index2);
    }
    if (typeof hash2 === "undefined") {
        return false;
    }
    return hash1 === hash2;
}
const diffFilter = function arraysDiffFilter(context) {
    var _a, _b, _c, _d, _e;
    if (!context.leftIsArray) {
        return;
    }
    const matchContext = {
        objectHash: (_a = context.options) === null || _a === void 0 ? void 0 : _a.objectHash,
        matchByPosition: (_b = context.options) === null || _b === void 0 ? void 0 : _b.matchByPosition,
    };
    let commonHead = 0;
    let commonTail = 0;
    let index;
    let index1;
    let index2;
    const array1 = context.left;
    const array2 = context.right;
    const len1 = array1.length;
    const len2 = array2.length;
    let child;
    if (len1 > 0 &&
        len2 > 0 &&
        !matchContext.objectHash &&
        typeof matchContext.matchByPosition !== "boolean") {
        matchContext.matchByPosition = !arraysHaveMatchByRef(array1, array2, len1, len2);
    }
    // separate common head
    while (commonHead < len1 &&
        commonHead < len2 &&
        matchItems(array1, array2, commonHead, commonHead, matchContext)) {
        index = commonHead;
        child = new diff(array1[index], array2[index]);
        context.push(child, index);
        commonHead++;
    }
    // separate common tail
    while (commonTail + commonHead < len1 &&
        commonTail + commonHead < len2 &&
        matchItems(array1, array2, len1 - 1 - commonTail, len2 - 1 - commonTail, matchContext)) {
        index1 = len1 - 1 - commonTail;
        index2 = len2 - 1 - commonTail;
        child = new diff(array1[index1], array2[index2]);
        context.push(child, index2);
        commonTail++;
    }
    let result;
    if (commonHead + commonTail === len1) {
        if (len1 === len2) {
            // arrays are identical
            context.setResult(undefined).exit();
            return;
        }
        // trivial case, a block (1 or more consecutive items) was added
        result = result || {
            _t: "a",
        };
        for (index = commonHead; index < len2 - commonTail; index++) {
            result[index] = [array2[index]];
            context.prepareDeltaResult(result[index]);
        }
        context.setResult(result).exit();
        return;
    }
    if (commonHead + commonTail === len2) {
        // trivial case, a block (1 or more consecutive items) was removed
        result = result || {
            _t: "a",
        };
        for (index = commonHead; index < len1 - commonTail; index++) {
            const key = `_${index}`;
            result[key] = [array1[index], 0, 0];
            context.prepareDeltaResult(result[key]);
        }
        context.setResult(result).exit();
        return;
    }
    // reset hash cache
    matchContext.hashCache1 = undefined;
    matchContext.hashCache2 = undefined;
    // diff is not trivial, find the LCS (Longest Common Subsequence)
    const trimmed1 = array1.slice(commonHead, len1 - commonTail);
    const trimmed2 = array2.slice(commonHead, len2 - commonTail);
    const seq = lcs.get(trimmed1, trimmed2, matchItems, matchContext);
    const removedItems = [];
    result = result || {
        _t: "a",
    };
    for (index = commonHead; index < len1 - commonTail; index++) {
        if (seq.indices1.indexOf(index - commonHead) < 0) {
            // removed
            const key = `_${index}`;
            result[key] = [array1[index], 0, 0];
            context.prepareDeltaResult(result[key]);
            removedItems.push(index);
        }
    }
    let detectMove = true;
    if (((_c = context.options) === null || _c === void 0 ? void 0 : _c.arrays) && context.options.arrays.detectMove === false) {
        detectMove = false;
    }
    let includeValueOnMove = false;
    if ((_e = (_d = context.options) === null || _d === void 0 ? void 0 : _d.arrays) === null || _e === void 0 ? void 0 : _e.includeValueOnMove) {
        includeValueOnMove = true;
    }
    const removedItemsLength = removedItems.length;
    for (index = commonHead; index < len2 - commonTail; index++) {
        const indexOnArray2 = seq.indices2.indexOf(index - commonHead);
        if (indexOnArray2 < 0) {
            // added, try to match with a removed item and register as position move
            let isMove = false;
            if (detectMove && removedItemsLength > 0) {
                for (let removeItemIndex1 = 0; removeItemIndex1 < removedItemsLength; removeItemIndex1++) {
                    index1 = removedItems[removeItemIndex1];
                    const resultItem = index1 === undefined ? undefined : result[`_${index1}`];
                    if (index1 !== undefined &&
                        resultItem &&
                        matchItems(trimmed1, trimmed2, index1 - commonHead, index - commonHead, matchContext)) {
                        // store position move as: [originalValue, newPosition, ARRAY_MOVE]
                        resultItem.splice(1, 2, index, ARRAY_MOVE);
                        resultItem.splice(1, 2, index, ARRAY_MOVE);
                        if (!includeValueOnMove) {
                            // don't include moved value on diff, to save bytes
                            resultItem[0] = "";
                        }
                        index2 = index;
                        child = new diff(array1[index1], array2[index2]);
                        context.push(child, index2);
                        removedItems.splice(removeItemIndex1, 1);
                        isMove = true;
                        break;
                    }
                }
            }
            if (!isMove) {
                // added
                result[index] = [array2[index]];
                context.prepareDeltaResult(result[index]);
            }
        }
        else {
            // match, do inner diff
            if (seq.indices1[indexOnArray2] === undefined) {
                throw new Error(`Invalid indexOnArray2: ${indexOnArray2}, seq.indices1: ${seq.indices1}`);
            }
            index1 = seq.indices1[indexOnArray2] + commonHead;
            if (seq.indices2[indexOnArray2] === undefined) {
                throw new Error(`Invalid indexOnArray2: ${indexOnArray2}, seq.indices2: ${seq.indices2}`);
            }
            index2 = seq.indices2[indexOnArray2] + commonHead;
            child = new diff(array1[index1], array2[index2]);
            context.push(child, index2);
        }
    }
    context.setResult(result).exit();
};
diffFilter.filterName = "arrays";
const compare = {
    numerically(a, b) {
        return a - b;
    },
    numericallyBy(name) {
        return (a, b) => a[name] - b[name];
    },
};
const patchFilter = function nestedPatchFilter(context) {
    var _a;
    if (!context.nested) {
        return;
    }
    const nestedDelta = context.delta;
    if (nestedDelta._t !== "a") {
        return;
    }
    let index;
    let index1;
    const delta = nestedDelta;
    const array = context.left;
    // first, separate removals, insertions and modifications
    let toRemove = [];
    let toInsert = [];
    const toModify = [];
    for (index in delta) {
        if (index !== "_t") {
            if (index[0] === "_") {
                const removedOrMovedIndex = index;
                // removed item from original array
                if (delta[removedOrMovedIndex] !== undefined &&
                    (delta[removedOrMovedIndex][2] === 0 ||
                        delta[removedOrMovedIndex][2] === ARRAY_MOVE)) {
                    toRemove.push(Number.parseInt(index.slice(1), 10));
                }
                else {
                    throw new Error(`only removal or move can be applied at original array indices, invalid diff type: ${(_a = delta[removedOrMovedIndex]) === null || _a === void 0 ? void 0 : _a[2]}`);
                }
            }
            else {
                const numberIndex = index;
                if (delta[numberIndex].length === 1) {
                    // added item at new array
                    toInsert.push({
                        index: Number.parseInt(numberIndex, 10),
                        value: delta[numberIndex][0],
                    });
                }
                else {
                    // modified item at new array
                    toModify.push({
                        index: Number.parseInt(numberIndex, 10),
                        delta: delta[numberIndex],
                    });
                }
            }
        }
    }
    // remove items, in reverse order to avoid sawing our own floor
    toRemove = toRemove.sort(compare.numerically);
    for (index = toRemove.length - 1; index >= 0; index--) {
        index1 = toRemove[index];
        if (index1 === undefined)
            continue;
        const indexDiff = delta[`_${index1}`];
        const removedValue = array.splice(index1, 1)[0];
        if ((indexDiff === null || indexDiff === void 0 ? void 0 : indexDiff[2]) === ARRAY_MOVE) {
            // reinsert later
            toInsert.push({
                index: indexDiff[1],
                value: removedValue,
            });
        }
    }
    // insert items, in reverse order to avoid moving our own floor
    toInsert = toInsert.sort(compare.numericallyBy("index"));
    const toInsertLength = toInsert.length;
    for (index = 0; index < toInsertLength; index++) {
        const insertion = toInsert[index];
        if (insertion === undefined)
            continue;
        array.splice(insertion.index, 0, insertion.value);
    }
    // apply modifications
    const toModifyLength = toModify.length;
    if (toModifyLength > 0) {
        for (index = 0; index < toModifyLength; index++) {
            const modification = toModify[index];
            if (modification === undefined)
                continue;
            const child = new patch(array[modification.index], modification.delta);
            context.push(child, modification.index);
        }
    }
    if (!context.children) {
        context.setResult(array).exit();
        return;
    }
    context.exit();
};
patchFilter.filterName = "arrays";
const collectChildrenPatchFilter = function collectChildrenPatchFilter(context) {
    if (!context || !context.children) {
        return;
    }
    const deltaWithChildren = context.delta;
    if (deltaWithChildren._t !== "a") {
        return;
    }
    const array = context.left;
    const length = context.children.length;
    for (let index = 0; index < length; index++) {
        const child = context.children[index];
        if (child === undefined)
            continue;
        const arrayIndex = child.childName;
        array[arrayIndex] = child.result;
    }
    context.setResult(array).exit();
};
collectChildrenPatchFilter.filterName = "arraysCollectChildren";
const reverseFilter = function arraysReverseFilter(context) {
    if (!context.nested) {
        const nonNestedDelta = context.delta;
        if (nonNestedDelta[2] === ARRAY_MOVE) {
            const arrayMoveDelta = nonNestedDelta;
            context.newName = `_${arrayMoveDelta[1]}`;
            context
                .setResult([
                arrayMoveDelta[0],
                Number.parseInt(context.childName.substring(1), 10),
                ARRAY_MOVE,
            ])
                .exit();
        }
        return;
    }
    const nestedDelta = context.delta;
    if (nestedDelta._t !== "a") {
        return;
    }
    const arrayDelta = nestedDelta;
    for (const name in arrayDelta) {
        if (name === "_t") {
            continue;
        }
        const child = new reverse(arrayDelta[name]);
        context.push(child, name);
    }
    context.exit();
};
reverseFilter.filterName = "arrays";
const reverseArrayDeltaIndex = (delta, index, itemDelta) => {
    if (typeof index === "string" && index[0] === "_") {
        return Number.parseInt(index.substring(1), 10);
    }
    if (Array.isArray(itemDelta) && itemDelta[2] === 0) {
        return `_${index}`;
    }
    let reverseIndex = +index;
    for (const deltaIndex in delta) {
        const deltaItem = delta[deltaIndex];
        if (Array.isArray(deltaItem)) {
            if (deltaItem[2] === ARRAY_MOVE) {
                const moveFromIndex = Number.parseInt(deltaIndex.substring(1), 10);
                const moveToIndex = deltaItem[1];
                if (moveToIndex === +index) {
                    return moveFromIndex;
                }
                if (moveFromIndex <= reverseIndex && moveToIndex > reverseIndex) {
                    reverseIndex++;
                }
                else if (moveFromIndex >= reverseIndex &&
                    moveToIndex < reverseIndex) {
                    reverseIndex--;
                }
            }
            else if (deltaItem[2] === 0) {
                const deleteIndex = Number.parseInt(deltaIndex.substring(1), 10);
                if (deleteIndex <= reverseIndex) {
                    reverseIndex++;
                }
            }
            else if (deltaItem.length === 1 &&
                Number.parseInt(deltaIndex, 10) <= reverseIndex) {
                reverseIndex--;
            }
        }
    }
    return reverseIndex;
};
const collectChildrenReverseFilter = (context) => {
    if (!context || !context.children) {
        return;
    }
    const deltaWithChildren = context.delta;
    if (deltaWithChildren._t !== "a") {
        return;
    }
    const arrayDelta = deltaWithChildren;
    const length = context.children.length;
    const delta = {
        _t: "a",
    };
    for (let index = 0; index < length; index++) {
        const child = context.children[index];
        if (child === undefined)
            continue;
        let name = child.newName;
        if (typeof name === "undefined") {
            if (child.childName === undefined) {
                throw new Error("child.childName is undefined");
            }
            name = reverseArrayDeltaIndex(arrayDelta, child.childName, child.result);
        }
        if (delta[name] !== child.result) {
            // There's no way to type this well.
            delta[name] = child.result;
        }
    }
    context.setResult(delta).exit();
};
collectChildrenReverseFilter.filterName = "arraysCollectChildren";

;// CONCATENATED MODULE: ./node_modules/jsondiffpatch/lib/filters/dates.js
const dates_diffFilter = function datesDiffFilter(context) {
    if (context.left instanceof Date) {
        if (context.right instanceof Date) {
            if (context.left.getTime() !== context.right.getTime()) {
                context.setResult([context.left, context.right]);
            }
            else {
                context.setResult(undefined);
            }
        }
        else {
            context.setResult([context.left, context.right]);
        }
        context.exit();
    }
    else if (context.right instanceof Date) {
        context.setResult([context.left, context.right]).exit();
    }
};
dates_diffFilter.filterName = "dates";

;// CONCATENATED MODULE: ./node_modules/jsondiffpatch/lib/filters/nested.js



// '__proto__' must never be used as a property key — it bypasses normal
// property assignment and directly modifies the object's prototype chain.
// 'constructor' and 'prototype' are handled by the hasOwnProperty guard below
// (we only traverse own properties of left, so inherited 'constructor' is
// never followed into Object.prototype).
const UNSAFE_KEYS = new Set(["__proto__"]);
const collectChildrenDiffFilter = (context) => {
    if (!context || !context.children) {
        return;
    }
    const length = context.children.length;
    let result = context.result;
    for (let index = 0; index < length; index++) {
        const child = context.children[index];
        if (child === undefined)
            continue;
        if (typeof child.result === "undefined") {
            continue;
        }
        result = result || {};
        if (child.childName === undefined) {
            throw new Error("diff child.childName is undefined");
        }
        result[child.childName] = child.result;
    }
    if (result && context.leftIsArray) {
        result._t = "a";
    }
    context.setResult(result).exit();
};
collectChildrenDiffFilter.filterName = "collectChildren";
const objectsDiffFilter = (context) => {
    var _a;
    if (context.leftIsArray || context.leftType !== "object") {
        return;
    }
    const left = context.left;
    const right = context.right;
    const propertyFilter = (_a = context.options) === null || _a === void 0 ? void 0 : _a.propertyFilter;
    for (const name in left) {
        if (!Object.prototype.hasOwnProperty.call(left, name)) {
            continue;
        }
        if (propertyFilter && !propertyFilter(name, context)) {
            continue;
        }
        const child = new diff(left[name], right[name]);
        context.push(child, name);
    }
    for (const name in right) {
        if (!Object.prototype.hasOwnProperty.call(right, name)) {
            continue;
        }
        if (propertyFilter && !propertyFilter(name, context)) {
            continue;
        }
        if (typeof left[name] === "undefined") {
            const child = new diff(undefined, right[name]);
            context.push(child, name);
        }
    }
    if (!context.children || context.children.length === 0) {
        context.setResult(undefined).exit();
        return;
    }
    context.exit();
};
objectsDiffFilter.filterName = "objects";
const nested_patchFilter = function nestedPatchFilter(context) {
    if (!context.nested) {
        return;
    }
    const nestedDelta = context.delta;
    if (nestedDelta._t) {
        return;
    }
    const objectDelta = nestedDelta;
    let childrenPushed = false;
    for (const name in objectDelta) {
        if (UNSAFE_KEYS.has(name))
            continue;
        if (!Object.prototype.hasOwnProperty.call(objectDelta, name))
            continue;
        const left = context.left;
        // Only read own properties from left to avoid traversing inherited
        // properties (e.g. constructor.prototype → Object.prototype)
        const leftValue = left !== null &&
            typeof left === "object" &&
            Object.prototype.hasOwnProperty.call(left, name)
            ? left[name]
            : undefined;
        const child = new patch(leftValue, objectDelta[name]);
        context.push(child, name);
        childrenPushed = true;
    }
    if (!childrenPushed) {
        // All delta keys were unsafe or filtered out — return left unchanged.
        context.setResult(context.left).exit();
        return;
    }
    context.exit();
};
nested_patchFilter.filterName = "objects";
const nested_collectChildrenPatchFilter = function collectChildrenPatchFilter(context) {
    if (!context || !context.children) {
        return;
    }
    const deltaWithChildren = context.delta;
    if (deltaWithChildren._t) {
        return;
    }
    // If left is not a real object we cannot patch it — return left as-is.
    if (context.left === null || typeof context.left !== "object") {
        context.setResult(context.left).exit();
        return;
    }
    const object = context.left;
    const length = context.children.length;
    for (let index = 0; index < length; index++) {
        const child = context.children[index];
        if (child === undefined)
            continue;
        const property = child.childName;
        if (UNSAFE_KEYS.has(property))
            continue;
        if (Object.prototype.hasOwnProperty.call(context.left, property) &&
            child.result === undefined) {
            delete object[property];
        }
        else if (object[property] !== child.result) {
            object[property] = child.result;
        }
    }
    context.setResult(object).exit();
};
nested_collectChildrenPatchFilter.filterName = "collectChildren";
const nested_reverseFilter = function nestedReverseFilter(context) {
    if (!context.nested) {
        return;
    }
    const nestedDelta = context.delta;
    if (nestedDelta._t) {
        return;
    }
    const objectDelta = context.delta;
    let childrenPushed = false;
    for (const name in objectDelta) {
        if (UNSAFE_KEYS.has(name))
            continue;
        if (!Object.prototype.hasOwnProperty.call(objectDelta, name))
            continue;
        const child = new reverse(objectDelta[name]);
        context.push(child, name);
        childrenPushed = true;
    }
    if (!childrenPushed) {
        // All delta keys were unsafe — return an empty reversed delta.
        context.setResult({}).exit();
        return;
    }
    context.exit();
};
nested_reverseFilter.filterName = "objects";
const nested_collectChildrenReverseFilter = (context) => {
    if (!context || !context.children) {
        return;
    }
    const deltaWithChildren = context.delta;
    if (deltaWithChildren._t) {
        return;
    }
    const length = context.children.length;
    const delta = {};
    for (let index = 0; index < length; index++) {
        const child = context.children[index];
        if (child === undefined)
            continue;
        const property = child.childName;
        if (UNSAFE_KEYS.has(property))
            continue;
        if (delta[property] !== child.result) {
            delta[property] = child.result;
        }
    }
    context.setResult(delta).exit();
};
nested_collectChildrenReverseFilter.filterName = "collectChildren";

;// CONCATENATED MODULE: ./node_modules/jsondiffpatch/lib/filters/texts.js
const TEXT_DIFF = 2;
const DEFAULT_MIN_LENGTH = 60;
let cachedDiffPatch = null;
function getDiffMatchPatch(options, required) {
    var _a;
    if (!cachedDiffPatch) {
        let instance;
        if ((_a = options === null || options === void 0 ? void 0 : options.textDiff) === null || _a === void 0 ? void 0 : _a.diffMatchPatch) {
            instance = new options.textDiff.diffMatchPatch();
        }
        else {
            if (!required) {
                return null;
            }
            const error = new Error("The diff-match-patch library was not provided. Pass the library in through the options or use the `jsondiffpatch/with-text-diffs` entry-point.");
            // eslint-disable-next-line camelcase
            error.diff_match_patch_not_found = true;
            throw error;
        }
        cachedDiffPatch = {
            diff: (txt1, txt2) => instance.patch_toText(instance.patch_make(txt1, txt2)),
            patch: (txt1, patch) => {
                const results = instance.patch_apply(instance.patch_fromText(patch), txt1);
                for (const resultOk of results[1]) {
                    if (!resultOk) {
                        const error = new Error("text patch failed");
                        error.textPatchFailed = true;
                        throw error;
                    }
                }
                return results[0];
            },
        };
    }
    return cachedDiffPatch;
}
const texts_diffFilter = function textsDiffFilter(context) {
    var _a, _b;
    if (context.leftType !== "string") {
        return;
    }
    const left = context.left;
    const right = context.right;
    const minLength = ((_b = (_a = context.options) === null || _a === void 0 ? void 0 : _a.textDiff) === null || _b === void 0 ? void 0 : _b.minLength) || DEFAULT_MIN_LENGTH;
    if (left.length < minLength || right.length < minLength) {
        context.setResult([left, right]).exit();
        return;
    }
    // large text, try to use a text-diff algorithm
    const diffMatchPatch = getDiffMatchPatch(context.options);
    if (!diffMatchPatch) {
        // diff-match-patch library not available,
        // fallback to regular string replace
        context.setResult([left, right]).exit();
        return;
    }
    const diff = diffMatchPatch.diff;
    context.setResult([diff(left, right), 0, TEXT_DIFF]).exit();
};
texts_diffFilter.filterName = "texts";
const texts_patchFilter = function textsPatchFilter(context) {
    if (context.nested) {
        return;
    }
    const nonNestedDelta = context.delta;
    if (nonNestedDelta[2] !== TEXT_DIFF) {
        return;
    }
    const textDiffDelta = nonNestedDelta;
    // text-diff, use a text-patch algorithm
    const patch = getDiffMatchPatch(context.options, true).patch;
    context.setResult(patch(context.left, textDiffDelta[0])).exit();
};
texts_patchFilter.filterName = "texts";
const textDeltaReverse = (delta) => {
    var _a, _b, _c;
    const headerRegex = /^@@ +-(\d+),(\d+) +\+(\d+),(\d+) +@@$/;
    const lines = delta.split("\n");
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i];
        if (line === undefined)
            continue;
        const lineStart = line.slice(0, 1);
        if (lineStart === "@") {
            const header = headerRegex.exec(line);
            if (header !== null) {
                const lineHeader = i;
                // fix header
                lines[lineHeader] =
                    `@@ -${header[3]},${header[4]} +${header[1]},${header[2]} @@`;
            }
        }
        else if (lineStart === "+") {
            lines[i] = `-${(_a = lines[i]) === null || _a === void 0 ? void 0 : _a.slice(1)}`;
            if (((_b = lines[i - 1]) === null || _b === void 0 ? void 0 : _b.slice(0, 1)) === "+") {
                // swap lines to keep default order (-+)
                const lineTmp = lines[i];
                lines[i] = lines[i - 1];
                lines[i - 1] = lineTmp;
            }
        }
        else if (lineStart === "-") {
            lines[i] = `+${(_c = lines[i]) === null || _c === void 0 ? void 0 : _c.slice(1)}`;
        }
    }
    return lines.join("\n");
};
const texts_reverseFilter = function textsReverseFilter(context) {
    if (context.nested) {
        return;
    }
    const nonNestedDelta = context.delta;
    if (nonNestedDelta[2] !== TEXT_DIFF) {
        return;
    }
    const textDiffDelta = nonNestedDelta;
    // text-diff, use a text-diff algorithm
    context
        .setResult([textDeltaReverse(textDiffDelta[0]), 0, TEXT_DIFF])
        .exit();
};
texts_reverseFilter.filterName = "texts";

;// CONCATENATED MODULE: ./node_modules/jsondiffpatch/lib/filters/trivial.js
const trivial_diffFilter = function trivialMatchesDiffFilter(context) {
    if (context.left === context.right) {
        context.setResult(undefined).exit();
        return;
    }
    if (typeof context.left === "undefined") {
        if (typeof context.right === "function") {
            throw new Error("functions are not supported");
        }
        context.setResult([context.right]).exit();
        return;
    }
    if (typeof context.right === "undefined") {
        context.setResult([context.left, 0, 0]).exit();
        return;
    }
    if (typeof context.left === "function" ||
        typeof context.right === "function") {
        throw new Error("functions are not supported");
    }
    context.leftType = context.left === null ? "null" : typeof context.left;
    context.rightType = context.right === null ? "null" : typeof context.right;
    if (context.leftType !== context.rightType) {
        context.setResult([context.left, context.right]).exit();
        return;
    }
    if (context.leftType === "boolean" || context.leftType === "number") {
        context.setResult([context.left, context.right]).exit();
        return;
    }
    if (context.leftType === "object") {
        context.leftIsArray = Array.isArray(context.left);
    }
    if (context.rightType === "object") {
        context.rightIsArray = Array.isArray(context.right);
    }
    if (context.leftIsArray !== context.rightIsArray) {
        context.setResult([context.left, context.right]).exit();
        return;
    }
    if (context.left instanceof RegExp) {
        if (context.right instanceof RegExp) {
            context
                .setResult([context.left.toString(), context.right.toString()])
                .exit();
        }
        else {
            context.setResult([context.left, context.right]).exit();
        }
    }
};
trivial_diffFilter.filterName = "trivial";
const trivial_patchFilter = function trivialMatchesPatchFilter(context) {
    if (typeof context.delta === "undefined") {
        context.setResult(context.left).exit();
        return;
    }
    context.nested = !Array.isArray(context.delta);
    if (context.nested) {
        return;
    }
    const nonNestedDelta = context.delta;
    if (nonNestedDelta.length === 1) {
        context.setResult(nonNestedDelta[0]).exit();
        return;
    }
    if (nonNestedDelta.length === 2) {
        if (context.left instanceof RegExp) {
            const regexArgs = /^\/(.*)\/([gimyu]+)$/.exec(nonNestedDelta[1]);
            if (regexArgs === null || regexArgs === void 0 ? void 0 : regexArgs[1]) {
                context.setResult(new RegExp(regexArgs[1], regexArgs[2])).exit();
                return;
            }
        }
        context.setResult(nonNestedDelta[1]).exit();
        return;
    }
    if (nonNestedDelta.length === 3 && nonNestedDelta[2] === 0) {
        context.setResult(undefined).exit();
    }
};
trivial_patchFilter.filterName = "trivial";
const trivial_reverseFilter = function trivialReferseFilter(context) {
    if (typeof context.delta === "undefined") {
        context.setResult(context.delta).exit();
        return;
    }
    context.nested = !Array.isArray(context.delta);
    if (context.nested) {
        return;
    }
    const nonNestedDelta = context.delta;
    if (nonNestedDelta.length === 1) {
        context.setResult([nonNestedDelta[0], 0, 0]).exit();
        return;
    }
    if (nonNestedDelta.length === 2) {
        context.setResult([nonNestedDelta[1], nonNestedDelta[0]]).exit();
        return;
    }
    if (nonNestedDelta.length === 3 && nonNestedDelta[2] === 0) {
        context.setResult([nonNestedDelta[0]]).exit();
    }
};
trivial_reverseFilter.filterName = "trivial";

;// CONCATENATED MODULE: ./node_modules/jsondiffpatch/lib/diffpatcher.js











class diffpatcher_DiffPatcher {
    constructor(options) {
        this.processor = new processor(options);
        this.processor.pipe(new pipe("diff")
            .append(collectChildrenDiffFilter, trivial_diffFilter, dates_diffFilter, texts_diffFilter, objectsDiffFilter, diffFilter)
            .shouldHaveResult());
        this.processor.pipe(new pipe("patch")
            .append(nested_collectChildrenPatchFilter, collectChildrenPatchFilter, trivial_patchFilter, texts_patchFilter, nested_patchFilter, patchFilter)
            .shouldHaveResult());
        this.processor.pipe(new pipe("reverse")
            .append(nested_collectChildrenReverseFilter, collectChildrenReverseFilter, trivial_reverseFilter, texts_reverseFilter, nested_reverseFilter, reverseFilter)
            .shouldHaveResult());
    }
    options(options) {
        return this.processor.options(options);
    }
    diff(left, right) {
        return this.processor.process(new diff(left, right));
    }
    patch(left, delta) {
        return this.processor.process(new patch(left, delta));
    }
    reverse(delta) {
        return this.processor.process(new reverse(delta));
    }
    unpatch(right, delta) {
        return this.patch(right, this.reverse(delta));
    }
    clone(value) {
        return clone_clone(value);
    }
}
/* harmony default export */ const diffpatcher = (diffpatcher_DiffPatcher);

;// CONCATENATED MODULE: ./node_modules/jsondiffpatch/lib/index.js



function create(options) {
    return new diffpatcher(options);
}
let defaultInstance;
function lib_diff(left, right) {
    if (!defaultInstance) {
        defaultInstance = new DiffPatcher();
    }
    return defaultInstance.diff(left, right);
}
function lib_patch(left, delta) {
    if (!defaultInstance) {
        defaultInstance = new DiffPatcher();
    }
    return defaultInstance.patch(left, delta);
}
function unpatch(right, delta) {
    if (!defaultInstance) {
        defaultInstance = new DiffPatcher();
    }
    return defaultInstance.unpatch(right, delta);
}
function lib_reverse(delta) {
    if (!defaultInstance) {
        defaultInstance = new DiffPatcher();
    }
    return defaultInstance.reverse(delta);
}
function clone(value) {
    if (!defaultInstance) {
        defaultInstance = new DiffPatcher();
    }
    return defaultInstance.clone(value);
}

;// CONCATENATED MODULE: ./src/compare/line-diff.ts
const DEFAULT_MAX_EDIT = 2000;
/** Snake comparisons allowed per alignment; keeps a pathological middle from spinning. */
const WORK_LIMIT = 50_000_000;
function splitLines(text) {
    const lines = [];
    const endings = [];
    let start = 0;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c !== 10 && c !== 13)
            continue;
        lines.push(text.slice(start, i));
        if (c === 13 && text.charCodeAt(i + 1) === 10) {
            endings.push('\r\n');
            i++;
        }
        else {
            endings.push(c === 10 ? '\n' : '\r');
        }
        start = i + 1;
    }
    if (start < text.length) {
        lines.push(text.slice(start));
        endings.push('');
    }
    return { lines, endings };
}
function compareSides(a, b) {
    const n = Math.min(a.length, b.length);
    for (let i = 0; i < n; i++) {
        const x = a[i];
        const y = b[i];
        if (x !== y)
            return x < y ? -1 : 1;
    }
    return a.length - b.length;
}
function intern(a, b) {
    const ids = new Map();
    const encode = (lines) => {
        const out = new Int32Array(lines.length);
        for (let i = 0; i < lines.length; i++) {
            const line = lines[i];
            let id = ids.get(line);
            if (id === undefined) {
                id = ids.size;
                ids.set(line, id);
            }
            out[i] = id;
        }
        return out;
    };
    return { ia: encode(a), ib: encode(b) };
}
/**
 * Myers' forward greedy search on `a[0..n)` vs `b[0..m)`, keeping each round's furthest-reaching
 * points so the path can be walked back. Null when the edit or work budget runs out.
 */
function myers(a, b, maxEdit) {
    const n = a.length;
    const m = b.length;
    const limit = Math.min(n + m, maxEdit);
    const offset = limit + 1;
    const v = new Int32Array(2 * limit + 3);
    const trace = [];
    let work = 0;
    let endD = -1;
    outer: for (let d = 0; d <= limit; d++) {
        for (let k = -d; k <= d; k += 2) {
            let x;
            if (k === -d || (k !== d && v[offset + k - 1] < v[offset + k + 1])) {
                x = v[offset + k + 1];
            }
            else {
                x = v[offset + k - 1] + 1;
            }
            let y = x - k;
            const start = x;
            while (x < n && y < m && a[x] === b[y]) {
                x++;
                y++;
            }
            work += x - start + 1;
            v[offset + k] = x;
            if (x >= n && y >= m) {
                trace.push(v.slice(offset - d, offset + d + 1));
                endD = d;
                break outer;
            }
        }
        trace.push(v.slice(offset - d, offset + d + 1));
        if (work > WORK_LIMIT)
            return null;
    }
    if (endD < 0)
        return null;
    const runs = [];
    let x = n;
    let y = m;
    for (let d = endD; d > 0; d--) {
        const prev = trace[d - 1];
        const at = (k) => prev[k + d - 1];
        const k = x - y;
        const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
        const prevK = down ? k + 1 : k - 1;
        const prevX = at(prevK);
        const prevY = prevX - prevK;
        const snakeX = down ? prevX : prevX + 1;
        if (x > snakeX)
            runs.push({ oldIndex: snakeX, newIndex: snakeX - k, length: x - snakeX });
        x = prevX;
        y = prevY;
    }
    if (x > 0)
        runs.push({ oldIndex: 0, newIndex: 0, length: x });
    return runs.reverse();
}
function alignOriented(a, b, maxEdit) {
    let head = 0;
    while (head < a.length && head < b.length && a[head] === b[head])
        head++;
    let tail = 0;
    while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail])
        tail++;
    const runs = [];
    if (head > 0)
        runs.push({ oldIndex: 0, newIndex: 0, length: head });
    const midA = a.slice(head, a.length - tail);
    const midB = b.slice(head, b.length - tail);
    let coarse = false;
    if (midA.length > 0 && midB.length > 0) {
        const { ia, ib } = intern(midA, midB);
        const middle = myers(ia, ib, maxEdit);
        if (middle === null)
            coarse = true;
        else
            for (const run of middle)
                runs.push({ oldIndex: run.oldIndex + head, newIndex: run.newIndex + head, length: run.length });
    }
    if (tail > 0)
        runs.push({ oldIndex: a.length - tail, newIndex: b.length - tail, length: tail });
    const matched = runs.reduce((sum, run) => sum + run.length, 0);
    return { runs: mergeRuns(runs), coarse, added: b.length - matched, removed: a.length - matched };
}
function mergeRuns(runs) {
    const out = [];
    for (const run of runs) {
        const last = out[out.length - 1];
        if (last !== undefined && last.oldIndex + last.length === run.oldIndex && last.newIndex + last.length === run.newIndex) {
            last.length += run.length;
        }
        else {
            out.push({ ...run });
        }
    }
    return out;
}
/** Which lines of `a` and `b` are kept, by a minimal edit script unless the budget runs out. */
function alignLines(a, b, opts = {}) {
    const maxEdit = Math.max(0, opts.maxEdit ?? DEFAULT_MAX_EDIT);
    if (compareSides(a, b) <= 0)
        return alignOriented(a, b, maxEdit);
    const mirrored = alignOriented(b, a, maxEdit);
    return {
        runs: mirrored.runs.map((run) => ({ oldIndex: run.newIndex, newIndex: run.oldIndex, length: run.length })),
        coarse: mirrored.coarse,
        added: mirrored.removed,
        removed: mirrored.added,
    };
}
function changesOf(alignment, oldLength, newLength) {
    const changes = [];
    let i = 0;
    let j = 0;
    const sentinel = { oldIndex: oldLength, newIndex: newLength, length: 0 };
    for (const run of [...alignment.runs, sentinel]) {
        if (run.oldIndex > i || run.newIndex > j)
            changes.push({ oldStart: i, oldEnd: run.oldIndex, newStart: j, newEnd: run.newIndex });
        i = run.oldIndex + run.length;
        j = run.newIndex + run.length;
    }
    return changes;
}
function makeHunk(oldFrom, newFrom, lines) {
    let oldLines = 0;
    let newLines = 0;
    for (const line of lines) {
        if (line[0] !== '+')
            oldLines++;
        if (line[0] !== '-')
            newLines++;
    }
    // Unified-diff convention: an empty side names the line before the change.
    return {
        oldStart: oldLines === 0 ? oldFrom : oldFrom + 1,
        oldLines,
        newStart: newLines === 0 ? newFrom : newFrom + 1,
        newLines,
        lines,
    };
}
/** Unified-diff hunks for an alignment of `a` and `b`. */
function hunksFromAlignment(a, b, alignment, opts) {
    const context = Math.max(0, opts.context);
    const changes = changesOf(alignment, a.length, b.length);
    const hunks = [];
    let emitted = 0;
    let truncated = alignment.coarse;
    let c = 0;
    while (c < changes.length) {
        // Changes separated by at most 2 × context equal lines share a hunk.
        let last = c;
        while (last + 1 < changes.length) {
            const next = changes[last + 1];
            if (next.oldStart - changes[last].oldEnd > 2 * context)
                break;
            last++;
        }
        const first = changes[c];
        const end = changes[last];
        const lead = Math.min(context, first.oldStart, first.newStart);
        const trail = Math.min(context, a.length - end.oldEnd, b.length - end.newEnd);
        const lines = [];
        for (let i = first.oldStart - lead; i < first.oldStart; i++)
            lines.push(` ${a[i]}`);
        for (let k = c; k <= last; k++) {
            const change = changes[k];
            for (let i = change.oldStart; i < change.oldEnd; i++)
                lines.push(`-${a[i]}`);
            for (let j = change.newStart; j < change.newEnd; j++)
                lines.push(`+${b[j]}`);
            const next = changes[k + 1];
            if (k < last && next !== undefined)
                for (let i = change.oldEnd; i < next.oldStart; i++)
                    lines.push(` ${a[i]}`);
        }
        for (let i = end.oldEnd; i < end.oldEnd + trail; i++)
            lines.push(` ${a[i]}`);
        const oldFrom = first.oldStart - lead;
        const newFrom = first.newStart - lead;
        if (emitted + lines.length > opts.maxLines) {
            truncated = true;
            // Keep at least part of the first hunk so a huge change still shows where it starts.
            if (hunks.length === 0 && opts.maxLines > 0)
                hunks.push(makeHunk(oldFrom, newFrom, lines.slice(0, opts.maxLines)));
            break;
        }
        hunks.push(makeHunk(oldFrom, newFrom, lines));
        emitted += lines.length;
        c = last + 1;
    }
    return { hunks, truncated };
}
/** Line diff of `a` → `b` as unified-diff hunks; empty when the sides are equal. */
function diffLines(a, b, opts) {
    const alignment = alignLines(a, b, { maxEdit: opts.maxEdit });
    const { hunks, truncated } = hunksFromAlignment(a, b, alignment, opts);
    return { hunks, truncated, added: alignment.added, removed: alignment.removed, coarse: alignment.coarse };
}

;// CONCATENATED MODULE: ./src/compare/comparators/text.ts
/**
 * Text: UTF-8 (with or without BOM) or UTF-16 with a BOM. Encoding, BOM, line endings and the
 * final newline are reported as fields of their own, so a CRLF → LF conversion is one difference
 * rather than every line; the content is a line diff with three lines of context.
 */




const CONTEXT_LINES = 3;
/** Hunk lines kept per file; the rest is counted in the summary and marked truncated. */
const MAX_HUNK_LINES = 10_000;
/** Longer lines are shown as a window around the change (minified bundles are one line). */
const MAX_LINE_CHARS = 1000;
const WINDOW_CHARS = 160;
const TEXT_EXTENSIONS = new Set([
    '.txt', '.md', '.rst', '.adoc', '.js', '.mjs', '.cjs', '.jsx', '.ts', '.mts', '.cts', '.tsx', '.css', '.scss',
    '.less', '.html', '.htm', '.xml', '.svg', '.json', '.jsonl', '.map', '.webmanifest', '.yml', '.yaml', '.toml',
    '.ini', '.cfg', '.conf', '.properties', '.csv', '.tsv', '.sh', '.bash', '.py', '.pyi', '.rb', '.go', '.rs',
    '.java', '.kt', '.kts', '.scala', '.gradle', '.c', '.h', '.cc', '.cpp', '.hpp', '.cs', '.swift', '.sql', '.lock',
    '.log', '.mf', '.pom', '.vue', '.svelte', '.graphql', '.proto', '.tex', '.diff', '.patch', '.pc', '.la', '.cmake',
]);
const TEXT_NAMES = new Set(['LICENSE', 'README', 'Makefile', 'Dockerfile', 'CHANGELOG', 'NOTICE', 'AUTHORS', 'RECORD', 'METADATA', 'WHEEL']);
function hasUtf16Bom(buf) {
    // FF FE 00 00 is UTF-32LE's BOM, which we do not decode.
    if (buf.length >= 4 && buf[0] === 0xff && buf[1] === 0xfe && buf[2] === 0 && buf[3] === 0)
        return null;
    if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe)
        return 'UTF-16LE';
    if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff)
        return 'UTF-16BE';
    return null;
}
function hasUtf8Bom(buf) {
    return buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
}
/**
 * Offset of the first byte that breaks UTF-8, or -1. With `allowCutEnd`, a sequence cut off by
 * the end of the buffer is fine (the head is the first 4 KiB of a longer file).
 */
function invalidUtf8Offset(buf, allowCutEnd) {
    let i = 0;
    while (i < buf.length) {
        const c = buf[i];
        if (c < 0x80) {
            i++;
            continue;
        }
        let need;
        let min;
        if (c >= 0xc2 && c <= 0xdf) {
            need = 1;
            min = 0x80;
        }
        else if (c >= 0xe0 && c <= 0xef) {
            need = 2;
            min = 0x800;
        }
        else if (c >= 0xf0 && c <= 0xf4) {
            need = 3;
            min = 0x10000;
        }
        else {
            return i;
        }
        if (i + need >= buf.length) {
            if (!allowCutEnd)
                return i;
            // A sequence cut off by the end of the head: check the bytes that are there.
            for (let k = i + 1; k < buf.length; k++)
                if ((buf[k] & 0xc0) !== 0x80)
                    return i;
            return -1;
        }
        let cp = c & (0x3f >> need);
        for (let k = 1; k <= need; k++) {
            const b = buf[i + k];
            if ((b & 0xc0) !== 0x80)
                return i;
            cp = (cp << 6) | (b & 0x3f);
        }
        if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
            return i;
        i += need + 1;
    }
    return -1;
}
function isTextName(path) {
    const base = external_node_path_namespaceObject.posix.basename(path.replace(/\\/g, '/'));
    return TEXT_EXTENSIONS.has((0,external_node_path_namespaceObject.extname)(base).toLowerCase()) || TEXT_NAMES.has(base.replace(/\.[^.]*$/, ''));
}
/** Decodes a text file exactly, or throws `ComparatorFallback` saying why it is not text. */
function decodeText(buf, side) {
    const utf16 = hasUtf16Bom(buf);
    if (utf16 !== null) {
        if (buf.length % 2 !== 0)
            throw new ComparatorFallback(`${side} is not valid ${utf16}: odd number of bytes`);
        try {
            const decoder = new TextDecoder(utf16 === 'UTF-16LE' ? 'utf-16le' : 'utf-16be', { fatal: true, ignoreBOM: true });
            return { encoding: utf16, bom: true, text: decoder.decode(buf.subarray(2)) };
        }
        catch {
            throw new ComparatorFallback(`${side} is not valid ${utf16} (unpaired surrogate)`);
        }
    }
    const bad = (0,external_node_buffer_namespaceObject.isUtf8)(buf) ? -1 : invalidUtf8Offset(buf, false);
    if (bad >= 0)
        throw new ComparatorFallback(`${side} is not valid UTF-8 (byte 0x${buf[bad].toString(16).padStart(2, '0')} at offset ${bad})`);
    const nul = buf.indexOf(0);
    if (nul >= 0)
        throw new ComparatorFallback(`${side} contains a NUL byte at offset ${nul}`);
    const bom = hasUtf8Bom(buf);
    return { encoding: 'UTF-8', bom, text: buf.toString('utf8', bom ? 3 : 0) };
}
function describeEncoding(d) {
    return d.encoding === 'UTF-8' && d.bom ? 'UTF-8 with BOM' : d.encoding;
}
const ENDING_NAMES = { '\r\n': 'CRLF', '\n': 'LF', '\r': 'CR' };
function describeEndings(endings) {
    const counts = new Map();
    for (const ending of endings)
        if (ending !== '')
            counts.set(ending, (counts.get(ending) ?? 0) + 1);
    if (counts.size === 0)
        return 'none';
    const names = [...counts.entries()].sort((x, y) => y[1] - x[1]).map(([ending, n]) => ({ name: ENDING_NAMES[ending], n }));
    if (names.length === 1)
        return names[0].name;
    return `mixed (${names.map(({ name, n }) => `${n} ${name}`).join(', ')})`;
}
function field(path, name, before, after, summary, comparator = 'text') {
    return {
        path,
        kind: 'field',
        comparator,
        summary: summary ?? `${name}: ${before} → ${after}`,
        detail: { type: 'field', name, before, after },
        causes: [],
        children: [],
    };
}
function text_plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
/** Shows a long line as a window around `from..to`, with what was cut said in place. */
function clip(line, from, to) {
    const start = Math.max(0, from - WINDOW_CHARS);
    const end = Math.min(line.length, Math.max(to, from) + WINDOW_CHARS, start + MAX_LINE_CHARS);
    const head = start > 0 ? `…[${start} chars]…` : '';
    const tail = end < line.length ? `…[${line.length - end} chars]…` : '';
    return `${head}${line.slice(start, end)}${tail}`;
}
/** Long lines in hunks become windows around where each removed/added pair differs. */
function clipLongLines(hunks) {
    let clipped = false;
    for (const hunk of hunks) {
        const lines = hunk.lines;
        for (let i = 0; i < lines.length;) {
            if (lines[i]?.[0] === ' ') {
                const line = lines[i];
                if (line.length > MAX_LINE_CHARS + 1) {
                    lines[i] = ` ${clip(line.slice(1), 0, 0)}`;
                    clipped = true;
                }
                i++;
                continue;
            }
            let minus = i;
            while (minus < lines.length && lines[minus]?.[0] === '-')
                minus++;
            let plus = minus;
            while (plus < lines.length && lines[plus]?.[0] === '+')
                plus++;
            const removed = minus - i;
            const original = lines.slice(i, plus);
            for (let k = i; k < plus; k++) {
                const text = original[k - i].slice(1);
                if (text.length <= MAX_LINE_CHARS)
                    continue;
                const partnerIndex = k < minus ? minus + (k - i) : i + (k - minus);
                const partnerInRange = k < minus ? partnerIndex < plus : partnerIndex < i + removed;
                const partner = partnerInRange ? original[partnerIndex - i].slice(1) : '';
                let prefix = 0;
                while (prefix < text.length && prefix < partner.length && text[prefix] === partner[prefix])
                    prefix++;
                let suffix = 0;
                while (suffix < text.length - prefix &&
                    suffix < partner.length - prefix &&
                    text[text.length - 1 - suffix] === partner[partner.length - 1 - suffix])
                    suffix++;
                lines[k] = `${lines[k][0]}${clip(text, prefix, text.length - suffix)}`;
                clipped = true;
            }
            i = plus > i ? plus : i + 1;
        }
    }
    return clipped;
}
/**
 * Compares two decoded texts: line endings and the final newline as fields, then the lines.
 * Shared with comparators whose members are text (a source map's `sourcesContent`).
 */
function text_compareText(path, before, after, limits, comparator = 'text') {
    if (before === after)
        return [];
    const a = splitLines(before);
    const b = splitLines(after);
    const most = Math.max(a.lines.length, b.lines.length);
    if (most > limits.maxTextLines)
        throw new ComparatorFallback(`more than ${limits.maxTextLines} lines; comparing bytes`);
    const out = [];
    const alignment = alignLines(a.lines, b.lines);
    const styleA = describeEndings(a.endings);
    const styleB = describeEndings(b.endings);
    // 'none' (one unterminated line) is the final-newline field's business, not a style change.
    if (styleA !== styleB && styleA !== 'none' && styleB !== 'none') {
        out.push(field(path, 'line endings', styleA, styleB, undefined, comparator));
    }
    else {
        // Same overall style: look for kept lines whose terminator changed (mixed files).
        let changed = 0;
        let first = null;
        for (const run of alignment.runs) {
            for (let k = 0; k < run.length; k++) {
                const ea = a.endings[run.oldIndex + k];
                const eb = b.endings[run.newIndex + k];
                if (ea === eb || ea === '' || eb === '')
                    continue;
                changed++;
                first ??= { line: run.newIndex + k + 1, before: ENDING_NAMES[ea], after: ENDING_NAMES[eb] };
            }
        }
        if (first !== null) {
            out.push(field(path, 'line endings', first.before, first.after, `line endings: ${text_plural(changed, 'line')} changed terminator (first at line ${first.line}: ${first.before} → ${first.after})`, comparator));
        }
    }
    const finalA = a.endings.length === 0 ? '\n' : a.endings[a.endings.length - 1];
    const finalB = b.endings.length === 0 ? '\n' : b.endings[b.endings.length - 1];
    if ((finalA === '') !== (finalB === '')) {
        const describe = (e) => (e === '' ? 'missing' : e === '\n' ? 'present' : `present (${ENDING_NAMES[e]})`);
        out.push(field(path, 'final newline', describe(finalA), describe(finalB), undefined, comparator));
    }
    const { hunks, truncated } = hunksFromAlignment(a.lines, b.lines, alignment, { context: CONTEXT_LINES, maxLines: MAX_HUNK_LINES });
    if (hunks.length > 0) {
        const clipped = clipLongLines(hunks);
        const changed = alignment.added + alignment.removed;
        const notes = [];
        if (alignment.coarse)
            notes.push('too many edits to align: shown as one replacement');
        else if (truncated)
            notes.push(`hunks cut at ${MAX_HUNK_LINES} lines`);
        if (clipped)
            notes.push(`lines over ${MAX_LINE_CHARS} characters shown around the change`);
        out.push({
            path,
            kind: 'lines',
            comparator,
            summary: `${text_plural(changed, 'line')} changed (+${alignment.added} −${alignment.removed})${notes.length > 0 ? `; ${notes.join('; ')}` : ''}`,
            detail: { type: 'lines', hunks, truncated: truncated || clipped },
            causes: [],
            children: [],
        });
    }
    return out;
}
const textComparator = {
    id: 'text',
    recognizes(path, head) {
        if (hasUtf16Bom(head) !== null)
            return true;
        if (head.includes(0))
            return false;
        return invalidUtf8Offset(head, true) < 0 || isTextName(path);
    },
    compare(path, before, after, ctx) {
        if (before.equals(after))
            return [];
        const a = decodeText(before, 'old side');
        const b = decodeText(after, 'new side');
        const out = [];
        const encodingA = describeEncoding(a);
        const encodingB = describeEncoding(b);
        if (encodingA !== encodingB) {
            const bomOnly = a.encoding === b.encoding;
            out.push(bomOnly
                ? field(path, 'byte order mark', a.bom ? 'UTF-8 BOM' : 'none', b.bom ? 'UTF-8 BOM' : 'none', `byte order mark ${a.bom ? 'removed' : 'added'} (UTF-8)`)
                : field(path, 'encoding', encodingA, encodingB));
        }
        out.push(...text_compareText(path, a.text, b.text, ctx.limits));
        return out;
    },
};

;// CONCATENATED MODULE: ./src/compare/comparators/json.ts
/**
 * JSON: a structural diff by jsondiffpatch, arrays of objects matched by a key field or a content
 * hash, reported as JSON Pointer changes grouped per record (`app.json#/assets/3`). Key order and
 * formatting are differences of their own, never folded away. Work is bounded: arrays too long for
 * jsondiffpatch's O(n·m) LCS are aligned by our O(ND) line diff on item keys; past 8 MiB, 200k
 * nodes or that diff's edit budget, the pretty-printed JSON is line-diffed instead, and the node
 * says why.
 */






const MAX_STRUCTURED_BYTES = 8 * 1024 * 1024;
/** Nodes (values of any kind) on the larger side above which the line diff is used. */
const MAX_JSON_NODES = 200_000;
const MAX_DEPTH = 256;
/** jsondiffpatch's LCS matrix cells per array, and in all, before our O(ND) alignment takes over. */
const MAX_ARRAY_CELLS = 1_000_000;
const MAX_TOTAL_CELLS = 4_000_000;
const MAX_CHANGES = 1000;
const VALUE_CHARS = 200;
const SUMMARY_VALUE_CHARS = 60;
const MAX_LIST = 1000;
const INLINE_WIDTH = 200;
/** Fields that identify an object in an array, in order of preference. */
const KEY_FIELDS = ['id', 'name', 'key', 'path', 'file'];
const JSON_EXTENSIONS = new Set(['.json', '.webmanifest', '.jsonld', '.geojson']);
class AlignmentTooLarge extends Error {
    name = 'AlignmentTooLarge';
}
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function isContainer(value) {
    return typeof value === 'object' && value !== null;
}
/**
 * Counts nodes and checks depth without recursion (the input may be hostile), and notes keys that
 * are also `Object.prototype` names (`constructor`, `__proto__`…), which need detached objects.
 */
function measure(value, side) {
    let nodes = 0;
    let protoKeys = false;
    const values = [value];
    const depths = [0];
    while (values.length > 0) {
        const v = values.pop();
        const depth = depths.pop();
        nodes++;
        if (typeof v !== 'object' || v === null)
            continue;
        if (depth >= MAX_DEPTH)
            throw new ComparatorFallback(`${side} JSON is nested deeper than ${MAX_DEPTH} levels`);
        if (Array.isArray(v)) {
            for (const child of v) {
                values.push(child);
                depths.push(depth + 1);
            }
            continue;
        }
        const obj = v;
        for (const key in obj) {
            if (!protoKeys && key in Object.prototype)
                protoKeys = true;
            values.push(obj[key]);
            depths.push(depth + 1);
        }
    }
    return { nodes, protoKeys };
}
/** Objects without a prototype, so keys like `constructor` are plain data in every lookup. */
function detach(value) {
    if (Array.isArray(value))
        return value.map(detach);
    if (!isContainer(value))
        return value;
    const out = Object.create(null);
    for (const [key, child] of Object.entries(value))
        out[key] = detach(child);
    return out;
}
function json_parseSide(buf, side) {
    const decoded = decodeText(buf, side);
    let value;
    try {
        value = JSON.parse(decoded.text);
    }
    catch (error) {
        throw new ComparatorFallback(`${side} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
    const { nodes, protoKeys } = measure(value, side);
    const encoding = decoded.encoding === 'UTF-8' && decoded.bom ? 'UTF-8 with BOM' : decoded.encoding;
    return { value: value, text: decoded.text, encoding, bytes: buf.length, nodes, protoKeys };
}
function escapePointer(key) {
    if (!key.includes('~') && !key.includes('/'))
        return key;
    return key.replace(/~/g, '~0').replace(/\//g, '~1');
}
function cap(text, limit) {
    return text.length <= limit ? text : `${text.slice(0, limit - 1)}…`;
}
function show(value, limit = VALUE_CHARS) {
    return cap(JSON.stringify(value) ?? 'undefined', limit);
}
function deepEqual(a, b) {
    if (a === b)
        return true;
    if (!isContainer(a) || !isContainer(b) || Array.isArray(a) !== Array.isArray(b))
        return false;
    if (Array.isArray(a) && Array.isArray(b))
        return a.length === b.length && a.every((item, i) => deepEqual(item, b[i]));
    const ka = Object.keys(a);
    const ob = b;
    if (ka.length !== Object.keys(ob).length)
        return false;
    return ka.every((key) => key in ob && deepEqual(a[key], ob[key]));
}
/** Identity of array items for matching: a key field's value, else a hash of the content. */
class ItemKeys {
    content = new WeakMap();
    contentHash(value) {
        if (!isContainer(value))
            return JSON.stringify(value);
        const cached = this.content.get(value);
        if (cached !== undefined)
            return cached;
        const parts = Array.isArray(value)
            ? value.map((item) => this.contentHash(item))
            : Object.keys(value)
                .sort()
                .map((key) => `${JSON.stringify(key)}:${this.contentHash(value[key])}`);
        const text = Array.isArray(value) ? `[${parts.join(',')}]` : `{${parts.join(',')}}`;
        const hash = text.length > 64 ? `#${(0,external_node_crypto_namespaceObject.createHash)('sha1').update(text).digest('base64')}` : text;
        this.content.set(value, hash);
        return hash;
    }
    keyField(value) {
        if (!isObject(value))
            return undefined;
        for (const field of KEY_FIELDS) {
            const key = value[field];
            if (typeof key === 'string' || typeof key === 'number')
                return `${field}=${JSON.stringify(key)}`;
        }
        return undefined;
    }
    match(value) {
        return this.keyField(value) ?? this.contentHash(value);
    }
    /** A short name for an item in an order list. */
    label(value) {
        if (isObject(value)) {
            for (const field of KEY_FIELDS) {
                const key = value[field];
                if (typeof key === 'string' || typeof key === 'number')
                    return String(key);
            }
        }
        return show(value, SUMMARY_VALUE_CHARS);
    }
}
function pointerOf(context) {
    const names = [];
    for (let c = context; c?.childName !== undefined; c = c.parent)
        names.push(escapePointer(String(c.childName)));
    return names.length === 0 ? '/' : `/${names.reverse().join('/')}`;
}
/**
 * Aligns a long array the way jsondiffpatch's own filter would, but with our O(ND) line diff on
 * item keys instead of its O(n·m) LCS matrix; emits the same delta shape (removals `_i`, adds
 * `j`, moves `_i: ['', j, 3]`) and queues matched pairs for the inner diff.
 */
function alignLongArray(context, left, right, keys) {
    const keyOf = (item) => (isContainer(item) ? `o${keys.match(item)}` : `v${JSON.stringify(item)}`);
    const keysA = left.map(keyOf);
    const keysB = right.map(keyOf);
    const alignment = alignLines(keysA, keysB);
    if (alignment.coarse) {
        throw new AlignmentTooLarge(`the array at ${pointerOf(context)} has too many changes to align item by item (${left.length} → ${right.length} items)`);
    }
    const Child = context.constructor;
    const matchedOld = new Uint8Array(left.length);
    const matchedNew = new Uint8Array(right.length);
    for (const run of alignment.runs) {
        for (let k = 0; k < run.length; k++) {
            matchedOld[run.oldIndex + k] = 1;
            matchedNew[run.newIndex + k] = 1;
            context.push(new Child(left[run.oldIndex + k], right[run.newIndex + k]), run.newIndex + k);
        }
    }
    const removedByKey = new Map();
    for (let i = 0; i < left.length; i++) {
        if (matchedOld[i] === 1 || !isContainer(left[i]))
            continue;
        const list = removedByKey.get(keysA[i]) ?? [];
        list.push(i);
        removedByKey.set(keysA[i], list);
    }
    const result = { _t: 'a' };
    let changed = false;
    for (let j = 0; j < right.length; j++) {
        if (matchedNew[j] === 1)
            continue;
        changed = true;
        const from = removedByKey.get(keysB[j])?.shift();
        if (from !== undefined) {
            matchedOld[from] = 1;
            result[`_${from}`] = ['', j, 3];
            context.push(new Child(left[from], right[j]), j);
        }
        else {
            result[j] = [right[j]];
        }
    }
    for (let i = 0; i < left.length; i++) {
        if (matchedOld[i] === 1)
            continue;
        changed = true;
        result[`_${i}`] = [left[i], 0, 0];
    }
    context.setResult(changed ? result : undefined).exit();
}
function makePatcher(keys) {
    const patcher = create({
        objectHash: (item) => keys.match(item),
        arrays: { detectMove: true, includeValueOnMove: false },
    });
    let totalCells = 0;
    // jsondiffpatch aligns arrays with a full LCS matrix: past a budget, align them ourselves.
    const budget = Object.assign((context) => {
        if (!context.leftIsArray || !Array.isArray(context.left) || !Array.isArray(context.right))
            return;
        const left = context.left;
        const right = context.right;
        const same = (x, y) => x === y || (typeof x === 'object' && typeof y === 'object' && keys.match(x) === keys.match(y));
        let head = 0;
        while (head < left.length && head < right.length && same(left[head], right[head]))
            head++;
        let tail = 0;
        while (tail + head < left.length &&
            tail + head < right.length &&
            same(left[left.length - 1 - tail], right[right.length - 1 - tail]))
            tail++;
        const cells = (left.length - head - tail) * (right.length - head - tail);
        if (cells <= MAX_ARRAY_CELLS && totalCells + cells <= MAX_TOTAL_CELLS) {
            totalCells += cells;
            return;
        }
        alignLongArray(context, left, right, keys);
    }, { filterName: 'vitsnapLongArrays' });
    patcher.processor.pipes.diff.before('arrays', budget);
    return patcher;
}
class DeltaWalker {
    out = { changes: [], dropped: 0, moves: [] };
    patcher;
    keys;
    constructor(patcher, keys) {
        this.patcher = patcher;
        this.keys = keys;
    }
    push(change) {
        if (this.out.changes.length < MAX_CHANGES)
            this.out.changes.push(change);
        else
            this.out.dropped++;
    }
    walk(delta, left, right, pointer) {
        if (delta === undefined)
            return;
        if (Array.isArray(delta)) {
            if (delta.length === 1)
                this.push({ pointer, op: 'add', after: show(delta[0]) });
            else if (delta.length === 2)
                this.push({ pointer, op: 'replace', before: show(delta[0]), after: show(delta[1]) });
            else if (delta[2] === 0)
                this.push({ pointer, op: 'remove', before: show(delta[0]) });
            return;
        }
        if ('_t' in delta && delta._t === 'a') {
            this.walkArray(delta, Array.isArray(left) ? left : [], Array.isArray(right) ? right : [], pointer);
            return;
        }
        const l = isObject(left) ? left : undefined;
        const r = isObject(right) ? right : undefined;
        for (const key of Object.keys(delta)) {
            this.walk(delta[key], l?.[key], r?.[key], `${pointer}/${escapePointer(key)}`);
        }
    }
    walkArray(delta, left, right, pointer) {
        const removed = new Set();
        const movedTo = new Map(); // new index → old index
        const added = new Set();
        const nested = new Map(); // new index → inner delta
        for (const [name, item] of Object.entries(delta)) {
            if (name === '_t')
                continue;
            if (name.startsWith('_')) {
                const index = Number(name.slice(1));
                if (Array.isArray(item) && item[2] === 3)
                    movedTo.set(item[1], index);
                else
                    removed.add(index);
            }
            else {
                const index = Number(name);
                if (Array.isArray(item) && item.length === 1)
                    added.add(index);
                else
                    nested.set(index, item);
            }
        }
        const movedFrom = new Set(movedTo.values());
        // Kept items pair up in order: the k-th kept old item is the k-th kept new item.
        const keptOld = [];
        for (let i = 0; i < left.length; i++)
            if (!removed.has(i) && !movedFrom.has(i))
                keptOld.push(i);
        const newToOld = new Map(movedTo);
        const gapOfNew = new Map();
        let kept = 0;
        for (let j = 0; j < right.length; j++) {
            if (added.has(j))
                gapOfNew.set(j, kept);
            else if (!movedTo.has(j))
                newToOld.set(j, keptOld[kept++]);
        }
        const gapOfOld = new Map();
        kept = 0;
        for (let i = 0; i < left.length; i++) {
            if (removed.has(i))
                gapOfOld.set(i, kept);
            else if (!movedFrom.has(i))
                kept++;
        }
        const steps = [];
        const byGap = new Map();
        for (const [i, gap] of gapOfOld) {
            const entry = byGap.get(gap) ?? { olds: [], news: [] };
            entry.olds.push(i);
            byGap.set(gap, entry);
        }
        for (const [j, gap] of gapOfNew) {
            const entry = byGap.get(gap) ?? { olds: [], news: [] };
            entry.news.push(j);
            byGap.set(gap, entry);
        }
        for (const { olds, news } of byGap.values()) {
            olds.sort((x, y) => x - y);
            news.sort((x, y) => x - y);
            // An item replaced in place (its key changed too) is shown field by field when it kept some.
            let p = 0;
            while (p < olds.length && p < news.length) {
                const i = olds[p];
                const j = news[p];
                const inner = this.pairDelta(left[i], right[j]);
                if (inner === null)
                    break;
                steps.push({ at: j, rank: 1, run: () => this.walk(inner, left[i], right[j], `${pointer}/${j}`) });
                p++;
            }
            for (const i of olds.slice(p))
                steps.push({ at: i, rank: 0, run: () => this.push({ pointer: `${pointer}/${i}`, op: 'remove', before: show(left[i]) }) });
            for (const j of news.slice(p))
                steps.push({ at: j, rank: 2, run: () => this.push({ pointer: `${pointer}/${j}`, op: 'add', after: show(right[j]) }) });
        }
        for (const [j, inner] of nested) {
            const i = newToOld.get(j);
            steps.push({ at: j, rank: 1, run: () => this.walk(inner, i === undefined ? undefined : left[i], right[j], `${pointer}/${j}`) });
        }
        steps.sort((x, y) => x.at - y.at || x.rank - y.rank);
        for (const step of steps)
            step.run();
        if (movedTo.size > 0) {
            this.out.moves.push({
                pointer,
                before: left.slice(0, MAX_LIST).map((item) => this.keys.label(item)),
                after: right.slice(0, MAX_LIST).map((item) => this.keys.label(item)),
                moved: movedTo.size,
                total: right.length,
            });
        }
    }
    /** The inner delta of two containers of the same kind that still share a top-level member. */
    pairDelta(a, b) {
        if (!isContainer(a) || !isContainer(b) || Array.isArray(a) !== Array.isArray(b))
            return null;
        const inner = this.patcher.diff(a, b);
        if (inner === undefined)
            return null;
        const members = Array.isArray(a) ? Math.max(a.length, b.length) : new Set([...Object.keys(a), ...Object.keys(b)]).size;
        const touched = Object.keys(inner).filter((k) => k !== '_t').length;
        return touched < members ? inner : null;
    }
}
function pointerOfTrail(trail) {
    const parts = [];
    for (let t = trail; t !== null; t = t.parent)
        parts.push(escapePointer(t.key));
    return parts.length === 0 ? '' : `/${parts.reverse().join('/')}`;
}
/** Objects whose keys are the same set in another order, matched through arrays by item key. */
function findKeyReorders(a, b, trail, keys, out) {
    if (!isContainer(a) || !isContainer(b))
        return;
    if (Array.isArray(a)) {
        if (!Array.isArray(b))
            return;
        if (a.length === b.length) {
            for (let i = 0; i < a.length; i++)
                findKeyReorders(a[i], b[i], { parent: trail, key: String(i) }, keys, out);
            return;
        }
        const index = new Map();
        b.forEach((item, j) => {
            if (!isContainer(item))
                return;
            const key = keys.match(item);
            if (!index.has(key))
                index.set(key, j);
        });
        for (const item of a) {
            if (!isContainer(item))
                continue;
            const j = index.get(keys.match(item));
            if (j !== undefined)
                findKeyReorders(item, b[j], { parent: trail, key: String(j) }, keys, out);
        }
        return;
    }
    if (Array.isArray(b))
        return;
    const ka = Object.keys(a);
    const kb = Object.keys(b);
    let reordered = false;
    if (ka.length === kb.length) {
        for (let i = 0; i < ka.length; i++) {
            if (ka[i] !== kb[i]) {
                reordered = true;
                break;
            }
        }
        if (reordered && ka.every((k) => k in b)) {
            out.push({ pointer: pointerOfTrail(trail), before: ka.slice(0, MAX_LIST), after: kb.slice(0, MAX_LIST), moved: 0, total: ka.length });
        }
    }
    for (const key of ka) {
        const child = a[key];
        if (isContainer(child) && key in b)
            findKeyReorders(child, b[key], { parent: trail, key }, keys, out);
    }
}
function describeFormatting(side) {
    const parts = [];
    if (side.encoding !== 'UTF-8')
        parts.push(side.encoding);
    const body = side.text.trimEnd();
    const indent = /\n([ \t]+)\S/.exec(body);
    if (indent === null)
        parts.push(body.includes('\n') ? 'not indented' : 'single line');
    else if (indent[1].includes('\t'))
        parts.push('tab indent');
    else
        parts.push(`${indent[1].length}-space indent`);
    if (body.includes('\n'))
        parts.push(body.includes('\r\n') ? 'CRLF' : 'LF');
    parts.push(/\n$/.test(side.text) ? 'final newline' : 'no final newline');
    return parts.join(', ');
}
/**
 * Pretty-printed lines, keys in document order. A container that fits in INLINE_WIDTH stays on
 * one line, so a record of a manifest is one line of the diff and the whole record is in view.
 */
function printJson(value) {
    const out = [];
    const memo = new WeakMap();
    // The one-line form of `v`, or null when it is longer than INLINE_WIDTH; each container once.
    const inline = (v) => {
        if (!isContainer(v))
            return JSON.stringify(v);
        const cached = memo.get(v);
        if (cached !== undefined)
            return cached;
        const isArray = Array.isArray(v);
        const keys = isArray ? [] : Object.keys(v);
        const count = isArray ? v.length : keys.length;
        let text = isArray ? '[' : '{';
        for (let i = 0; i < count && text !== null; i++) {
            const lead = isArray ? '' : `${JSON.stringify(keys[i])}: `;
            const child = inline(isArray ? v[i] : v[keys[i]]);
            text = child === null ? null : `${text}${i > 0 ? ', ' : ''}${lead}${child}`;
            if (text !== null && text.length > INLINE_WIDTH)
                text = null;
        }
        if (text !== null)
            text += isArray ? ']' : '}';
        memo.set(v, text);
        return text;
    };
    const emit = (v, indent, lead, trail) => {
        const one = inline(v);
        if (one !== null && (!isContainer(v) || indent.length + lead.length + one.length <= INLINE_WIDTH)) {
            out.push(`${indent}${lead}${one}${trail}`);
            return;
        }
        const inner = `${indent}  `;
        if (Array.isArray(v)) {
            out.push(`${indent}${lead}[`);
            v.forEach((item, i) => emit(item, inner, '', i < v.length - 1 ? ',' : ''));
            out.push(`${indent}]${trail}`);
            return;
        }
        const obj = v;
        const keys = Object.keys(obj);
        out.push(`${indent}${lead}{`);
        keys.forEach((k, i) => emit(obj[k], inner, `${JSON.stringify(k)}: `, i < keys.length - 1 ? ',' : ''));
        out.push(`${indent}}${trail}`);
    };
    emit(value, '', '', '');
    return out;
}
function nodePath(path, pointer) {
    return pointer === '' ? path : `${path}#${pointer}`;
}
function unescapePointer(segment) {
    return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}
/** Pointer of the record a change belongs to: up to and including the first array index. */
function recordOf(pointer, a, b) {
    const parts = pointer.split('/').slice(1);
    let va = a;
    let vb = b;
    for (let n = 0; n < parts.length; n++) {
        if (Array.isArray(va) || Array.isArray(vb))
            return `/${parts.slice(0, n + 1).join('/')}`;
        const key = unescapePointer(parts[n]);
        va = isObject(va) && Object.hasOwn(va, key) ? va[key] : undefined;
        vb = isObject(vb) && Object.hasOwn(vb, key) ? vb[key] : undefined;
    }
    return pointer;
}
function summariseGroup(group, changes) {
    const where = group === '' ? 'document' : group;
    if (changes.length === 1) {
        const change = changes[0];
        const at = change.pointer === '' ? 'document' : change.pointer;
        if (change.op === 'add')
            return `${at} added: ${cap(change.after ?? '', SUMMARY_VALUE_CHARS)}`;
        if (change.op === 'remove')
            return `${at} removed: ${cap(change.before ?? '', SUMMARY_VALUE_CHARS)}`;
        return `${at}: ${cap(change.before ?? '', SUMMARY_VALUE_CHARS)} → ${cap(change.after ?? '', SUMMARY_VALUE_CHARS)}`;
    }
    const [first, second] = changes;
    if (changes.length === 2 && first?.op === 'remove' && second?.op === 'add' && first.pointer === group && second.pointer === group) {
        return `${where} replaced: ${cap(first.before ?? '', SUMMARY_VALUE_CHARS)} → ${cap(second.after ?? '', SUMMARY_VALUE_CHARS)}`;
    }
    const inside = changes.map((c) => c.pointer.slice(group.length) || '/');
    const listed = inside.slice(0, 3).join(', ') + (inside.length > 3 ? ', …' : '');
    return `${where}: ${changes.length} values changed (${listed})`;
}
function changeNodes(path, collected, a, b) {
    const groups = new Map();
    for (const change of collected.changes) {
        const group = recordOf(change.pointer, a, b);
        const list = groups.get(group) ?? [];
        list.push(change);
        groups.set(group, list);
    }
    const out = [...groups].map(([group, changes]) => ({
        path: nodePath(path, group),
        kind: 'json',
        comparator: 'json',
        summary: summariseGroup(group, changes),
        detail: { type: 'json', changes, truncated: false },
        causes: [],
        children: [],
    }));
    if (collected.dropped > 0) {
        out.push({
            path,
            kind: 'json',
            comparator: 'json',
            summary: `${collected.dropped} more JSON changes not listed (first ${MAX_CHANGES} shown)`,
            detail: { type: 'json', changes: [], truncated: true },
            causes: [],
            children: [],
        });
    }
    return out;
}
function moveNode(path, move) {
    return {
        path: nodePath(path, move.pointer),
        kind: 'order',
        comparator: 'json',
        summary: `${move.moved} of ${move.total} items of ${move.pointer || 'the document'} in another order`,
        detail: { type: 'order', before: move.before, after: move.after },
        causes: [],
        children: [],
    };
}
function keyOrderNode(path, reorders, sameValue) {
    const first = reorders[0];
    const where = first.pointer || '/';
    const lead = sameValue ? 'same JSON, keys in another order' : 'keys in another order';
    const summary = reorders.length === 1 ? `${lead} at ${where}` : `${lead} (${reorders.length} objects, first at ${where})`;
    return {
        path: reorders.length === 1 ? nodePath(path, first.pointer) : path,
        kind: 'order',
        comparator: 'json',
        summary,
        detail: { type: 'order', before: first.before, after: first.after },
        causes: [],
        children: [],
    };
}
function structuralDiff(path, a, b, keys) {
    const patcher = makePatcher(keys);
    const delta = patcher.diff(a, b);
    const walker = new DeltaWalker(patcher, keys);
    walker.walk(delta, a, b, '');
    const out = changeNodes(path, walker.out, a, b);
    for (const move of walker.out.moves)
        out.push(moveNode(path, move));
    return out;
}
function lineFallback(path, a, b, reason, ctx) {
    let nodes;
    try {
        nodes = text_compareText(path, `${printJson(a).join('\n')}\n`, `${printJson(b).join('\n')}\n`, ctx.limits, 'json');
    }
    catch (error) {
        if (error.name !== 'ComparatorFallback')
            throw error;
        throw new ComparatorFallback(`${reason}, and its pretty-printed form has more than ${ctx.limits.maxTextLines} lines`);
    }
    for (const node of nodes)
        node.fallback = `${reason}: line diff of the pretty-printed JSON`;
    return nodes;
}
function isJsonName(path) {
    const base = external_node_path_namespaceObject.posix.basename(path.replace(/\\/g, '/'));
    return JSON_EXTENSIONS.has((0,external_node_path_namespaceObject.extname)(base).toLowerCase());
}
function startsLikeJson(head) {
    let i = head.length >= 3 && head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0;
    while (i < head.length && (head[i] === 0x20 || head[i] === 0x09 || head[i] === 0x0a || head[i] === 0x0d))
        i++;
    return head[i] === 0x7b || head[i] === 0x5b; // { or [
}
const jsonComparator = {
    id: 'json',
    recognizes(path, head) {
        return isJsonName(path) || startsLikeJson(head);
    },
    compare(path, before, after, ctx) {
        if (before.equals(after))
            return [];
        const a = json_parseSide(before, 'old side');
        const b = json_parseSide(after, 'new side');
        if (a.protoKeys || b.protoKeys) {
            a.value = detach(a.value);
            b.value = detach(b.value);
        }
        const out = [];
        const keys = new ItemKeys();
        const reorders = [];
        findKeyReorders(a.value, b.value, null, keys, reorders);
        const sameValue = deepEqual(a.value, b.value);
        if (!sameValue) {
            let large = null;
            if (Math.max(a.bytes, b.bytes) > MAX_STRUCTURED_BYTES)
                large = `larger than ${MAX_STRUCTURED_BYTES / 1024 / 1024} MiB`;
            else if (Math.max(a.nodes, b.nodes) > MAX_JSON_NODES)
                large = `more than ${MAX_JSON_NODES} JSON nodes (${Math.max(a.nodes, b.nodes)})`;
            if (large === null) {
                try {
                    out.push(...structuralDiff(path, a.value, b.value, keys));
                }
                catch (error) {
                    if (error.name !== 'AlignmentTooLarge')
                        throw error;
                    large = error.message;
                }
            }
            if (large !== null)
                out.push(...lineFallback(path, a.value, b.value, large, ctx));
        }
        if (reorders.length > 0)
            out.push(keyOrderNode(path, reorders, sameValue));
        const formatA = describeFormatting(a);
        const formatB = describeFormatting(b);
        if (formatA !== formatB) {
            out.push({
                path,
                kind: 'field',
                comparator: 'json',
                summary: `formatting: ${formatA} → ${formatB}`,
                detail: { type: 'field', name: 'formatting', before: formatA, after: formatB },
                causes: [],
                children: [],
            });
        }
        if (out.length === 0) {
            throw new ComparatorFallback('same JSON value; only the serialisation differs (escapes, number forms or spacing)');
        }
        return out;
    },
};

;// CONCATENATED MODULE: ./src/compare/formats/macho.ts
/**
 * Mach-O (<mach-o/loader.h>, <mach-o/fat.h>): thin 32- and 64-bit images in either byte order
 * and universal ("fat") wrappers. Reads the header, every load command's bounds, segments and
 * sections, LC_UUID, build/version commands, dylib commands (with their timestamps), rpaths,
 * the code signature's place and the symbol table's names.
 */

const MH_MAGIC = 0xfeedface;
const MH_MAGIC_64 = 0xfeedfacf;
const FAT_MAGIC = 0xcafebabe;
const FAT_MAGIC_64 = 0xcafebabf;
const LC_SEGMENT = 0x1;
const LC_SYMTAB = 0x2;
const LC_LOAD_DYLIB = 0xc;
const LC_ID_DYLIB = 0xd;
const LC_LOAD_WEAK_DYLIB = 0x80000018;
const LC_REEXPORT_DYLIB = 0x8000001f;
const LC_SEGMENT_64 = 0x19;
const LC_UUID = 0x1b;
const LC_RPATH = 0x8000001c;
const LC_CODE_SIGNATURE = 0x1d;
const LC_VERSION_MIN_MACOSX = 0x24;
const LC_VERSION_MIN_IPHONEOS = 0x25;
const LC_SOURCE_VERSION = 0x2a;
const LC_BUILD_VERSION = 0x32;
/** Section types with no bytes in the file (S_ZEROFILL, S_GB_ZEROFILL, S_THREAD_LOCAL_ZEROFILL). */
const ZEROFILL_TYPES = new Set([0x1, 0xc, 0x12]);
const CPU_TYPES = {
    7: 'i386', 0x01000007: 'x86_64', 12: 'arm', 0x0100000c: 'arm64', 0x0200000c: 'arm64_32', 18: 'ppc', 0x01000012: 'ppc64',
};
const PLATFORMS = {
    1: 'macOS', 2: 'iOS', 3: 'tvOS', 4: 'watchOS', 5: 'bridgeOS', 6: 'Mac Catalyst', 7: 'iOS simulator', 8: 'tvOS simulator',
    9: 'watchOS simulator', 10: 'DriverKit', 11: 'visionOS', 12: 'visionOS simulator',
};
/** `a.b.c` packed as xxxx.yy.zz (nibbles per loader.h). */
function macho_versionText(packed) {
    const patch = packed & 0xff;
    const minor = (packed >>> 8) & 0xff;
    return `${packed >>> 16}.${minor}${patch === 0 ? '' : `.${patch}`}`;
}
function uuidText(bytes) {
    const h = bytes.toString('hex').toUpperCase();
    return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
function machoMagic(head) {
    if (head.length < 8)
        return undefined;
    const be = head.readUInt32BE(0);
    const le = head.readUInt32LE(0);
    if (be === MH_MAGIC || be === MH_MAGIC_64 || le === MH_MAGIC || le === MH_MAGIC_64)
        return 'thin';
    // 0xcafebabe is also Java's magic; a universal binary's next word is a small architecture count.
    if ((be === FAT_MAGIC || be === FAT_MAGIC_64) && head.readUInt32BE(4) > 0 && head.readUInt32BE(4) < 45)
        return 'fat';
    return undefined;
}
function parseFat(buf) {
    const view = new ByteView(buf, 'be', 'Mach-O universal');
    const magic = view.u32(0, 'magic');
    const is64 = magic === FAT_MAGIC_64;
    if (magic !== FAT_MAGIC && !is64)
        view.fail(`magic ${hex(magic)} is not a universal binary's`);
    const count = view.u32(4, 'nfat_arch');
    const entry = is64 ? 32 : 20;
    view.check(8, count * entry, `architecture table (${count} × ${entry} bytes)`);
    const arches = [];
    for (let i = 0; i < count; i++) {
        const at = 8 + i * entry;
        const arch = {
            cputype: view.u32(at, `arch ${i} cputype`),
            cpusubtype: view.u32(at + 4, `arch ${i} cpusubtype`),
            offset: is64 ? view.u64(at + 8, `arch ${i} offset`) : view.u32(at + 8, `arch ${i} offset`),
            size: is64 ? view.u64(at + 16, `arch ${i} size`) : view.u32(at + 12, `arch ${i} size`),
        };
        view.check(arch.offset, arch.size, `arch ${i} (${CPU_TYPES[arch.cputype] ?? hex(arch.cputype)}) slice`);
        arches.push(arch);
    }
    return arches;
}
function parseMacho(buf) {
    const probe = new ByteView(buf, 'le', 'Mach-O');
    probe.check(0, 28, 'mach header');
    const le = buf.readUInt32LE(0);
    const endian = le === MH_MAGIC || le === MH_MAGIC_64 ? 'le' : 'be';
    const view = new ByteView(buf, endian, 'Mach-O');
    const magic = view.u32(0, 'magic');
    if (magic !== MH_MAGIC && magic !== MH_MAGIC_64)
        view.fail(`magic ${hex(magic)} is not a Mach-O magic`);
    const is64 = magic === MH_MAGIC_64;
    const headerSize = is64 ? 32 : 28;
    view.check(0, headerSize, 'mach header');
    const ncmds = view.u32(16, 'ncmds');
    const sizeofcmds = view.u32(20, 'sizeofcmds');
    view.check(headerSize, sizeofcmds, 'load commands');
    const end = headerSize + sizeofcmds;
    const file = {
        is64,
        cputype: view.u32(4, 'cputype'),
        cpusubtype: view.u32(8, 'cpusubtype'),
        filetype: view.u32(12, 'filetype'),
        flags: view.u32(24, 'flags'),
        uuid: undefined,
        versions: new Map(),
        sourceVersion: undefined,
        dylibs: [],
        rpaths: [],
        segments: [],
        codeSignature: undefined,
        symbols: [],
        view,
    };
    // Each command takes at least 8 bytes inside sizeofcmds, so ncmds is bounded by it.
    if (ncmds * 8 > sizeofcmds)
        view.fail(`ncmds ${ncmds} cannot fit in sizeofcmds ${sizeofcmds}`);
    let at = headerSize;
    for (let i = 0; i < ncmds; i++) {
        const cmd = view.u32(at, `load command ${i} cmd`);
        const size = view.u32(at + 4, `load command ${i} cmdsize`);
        if (size < 8 || at + size > end)
            view.fail(`load command ${i} (${hex(cmd)}) at offset ${hex(at)} has cmdsize ${size}, outside the load commands`);
        const what = `load command ${i} (${hex(cmd)})`;
        const str = (offsetField) => {
            const offset = view.u32(at + offsetField, `${what} string offset`);
            if (offset >= size)
                view.fail(`${what} string offset ${offset} lies outside the command (${size} bytes)`);
            return view.cstring(at + offset, `${what} string`, at + size);
        };
        switch (cmd) {
            case LC_SEGMENT:
            case LC_SEGMENT_64: {
                const wide = cmd === LC_SEGMENT_64;
                const fixed = wide ? 72 : 56;
                const sectionSize = wide ? 80 : 68;
                if (size < fixed)
                    view.fail(`${what} is ${size} bytes, shorter than a segment command`);
                const name = view.fixedString(at + 8, 16, `${what} segname`);
                const fileoff = wide ? view.u64(at + 40, `${what} fileoff`) : view.u32(at + 32, `${what} fileoff`);
                const filesize = wide ? view.u64(at + 48, `${what} filesize`) : view.u32(at + 36, `${what} filesize`);
                const nsects = view.u32(at + (wide ? 64 : 48), `${what} nsects`);
                if (fixed + nsects * sectionSize > size)
                    view.fail(`${what} claims ${nsects} sections, more than its ${size} bytes hold`);
                if (filesize > 0)
                    view.check(fileoff, filesize, `segment ${name}`);
                const sections = [];
                for (let s = 0; s < nsects; s++) {
                    const base = at + fixed + s * sectionSize;
                    const sectname = view.fixedString(base, 16, `${what} section ${s} sectname`);
                    const segname = view.fixedString(base + 16, 16, `${what} section ${s} segname`);
                    const sectionSizeValue = wide ? view.u64(base + 40, `section ${sectname} size`) : view.u32(base + 36, `section ${sectname} size`);
                    const offset = view.u32(base + (wide ? 48 : 40), `section ${sectname} offset`);
                    const flags = view.u32(base + (wide ? 64 : 56), `section ${sectname} flags`);
                    const type = flags & 0xff;
                    const inFile = !ZEROFILL_TYPES.has(type) && offset !== 0;
                    if (inFile)
                        view.check(offset, sectionSizeValue, `section ${segname},${sectname}`);
                    sections.push({ name: `${segname},${sectname}`, offset, size: sectionSizeValue, inFile, type });
                }
                file.segments.push({ name, fileoff, filesize, sections });
                break;
            }
            case LC_UUID:
                file.uuid = uuidText(view.bytes(at + 8, 16, 'LC_UUID'));
                break;
            case LC_BUILD_VERSION: {
                const platform = view.u32(at + 8, `${what} platform`);
                file.versions.set('platform', PLATFORMS[platform] ?? String(platform));
                file.versions.set('minos', macho_versionText(view.u32(at + 12, `${what} minos`)));
                file.versions.set('sdk', macho_versionText(view.u32(at + 16, `${what} sdk`)));
                const ntools = view.u32(at + 20, `${what} ntools`);
                if (24 + ntools * 8 > size)
                    view.fail(`${what} claims ${ntools} tools, more than its ${size} bytes hold`);
                for (let t = 0; t < ntools; t++) {
                    const tool = view.u32(at + 24 + t * 8, `${what} tool`);
                    const name = tool === 1 ? 'clang' : tool === 2 ? 'swift' : tool === 3 ? 'ld' : tool === 4 ? 'lld' : `tool ${tool}`;
                    file.versions.set(name, macho_versionText(view.u32(at + 28 + t * 8, `${what} tool version`)));
                }
                break;
            }
            case LC_VERSION_MIN_MACOSX:
            case LC_VERSION_MIN_IPHONEOS:
                file.versions.set('minos', macho_versionText(view.u32(at + 8, `${what} version`)));
                file.versions.set('sdk', macho_versionText(view.u32(at + 12, `${what} sdk`)));
                break;
            case LC_SOURCE_VERSION: {
                const packed = view.u64big(at + 8, `${what} version`);
                // A.B.C.D.E packed as a24.b10.c10.d10.e10.
                const parts = [packed >> 40n, (packed >> 30n) & 0x3ffn, (packed >> 20n) & 0x3ffn, (packed >> 10n) & 0x3ffn, packed & 0x3ffn];
                file.sourceVersion = parts.join('.');
                break;
            }
            case LC_ID_DYLIB:
            case LC_LOAD_DYLIB:
            case LC_LOAD_WEAK_DYLIB:
            case LC_REEXPORT_DYLIB:
                file.dylibs.push({
                    command: cmd === LC_ID_DYLIB ? 'LC_ID_DYLIB' : cmd === LC_LOAD_DYLIB ? 'LC_LOAD_DYLIB' : cmd === LC_LOAD_WEAK_DYLIB ? 'LC_LOAD_WEAK_DYLIB' : 'LC_REEXPORT_DYLIB',
                    name: str(8),
                    timestamp: view.u32(at + 12, `${what} timestamp`),
                    currentVersion: macho_versionText(view.u32(at + 16, `${what} current_version`)),
                    compatibilityVersion: macho_versionText(view.u32(at + 20, `${what} compatibility_version`)),
                });
                break;
            case LC_RPATH:
                file.rpaths.push(str(8));
                break;
            case LC_CODE_SIGNATURE: {
                const offset = view.u32(at + 8, `${what} dataoff`);
                const length = view.u32(at + 12, `${what} datasize`);
                view.check(offset, length, 'code signature');
                file.codeSignature = { offset, size: length };
                break;
            }
            case LC_SYMTAB: {
                const symoff = view.u32(at + 8, `${what} symoff`);
                const nsyms = view.u32(at + 12, `${what} nsyms`);
                const stroff = view.u32(at + 16, `${what} stroff`);
                const strsize = view.u32(at + 20, `${what} strsize`);
                const entry = is64 ? 16 : 12;
                view.check(symoff, nsyms * entry, `symbol table (${nsyms} × ${entry} bytes)`);
                const strings = view.bytes(stroff, strsize, 'string table');
                for (let s = 0; s < nsyms; s++) {
                    const strx = view.u32(symoff + s * entry, 'n_strx');
                    const name = tableString(strings, strx);
                    if (name !== undefined && name !== '')
                        file.symbols.push(name);
                }
                break;
            }
            default:
                break;
        }
        at += size;
    }
    return file;
}

;// CONCATENATED MODULE: ./src/compare/comparators/macho.ts
/**
 * Mach-O: LC_UUID, build and source versions, dylib commands (their timestamps and versions),
 * rpaths, sections by `segment,section` (strings for C-string and DWARF string sections), the
 * __LINKEDIT segment, symbol names and the code signature. Universal binaries recurse into each
 * architecture's slice through the registry.
 */




const macho_ID = 'macho';
/** S_CSTRING_LITERALS, and DWARF string tables by name. */
const CSTRING_TYPE = 0x2;
const STRING_SECTIONS = new Set(['__DWARF,__debug_str', '__DWARF,__debug_line_str', '__TEXT,__cstring', '__TEXT,__oslogstring']);
function guard(side, read) {
    try {
        return read();
    }
    catch (error) {
        if (error instanceof ComparatorFallback)
            throw new ComparatorFallback(`${side} file: ${error.message}`);
        throw error;
    }
}
function cpuName(cputype) {
    return CPU_TYPES[cputype] ?? hex(cputype);
}
function macho_headerChildren(path, a, b) {
    const out = [];
    const field = (name, before, after) => pushField(out, macho_ID, `${path}:${name}`, name, before, after);
    field('cputype', cpuName(a.cputype), cpuName(b.cputype));
    field('filetype', String(a.filetype), String(b.filetype));
    field('flags', hex(a.flags), hex(b.flags));
    field('LC_UUID', a.uuid ?? '(none)', b.uuid ?? '(none)');
    for (const key of unionKeys(a.versions, b.versions))
        field(`build version ${key}`, a.versions.get(key) ?? '(none)', b.versions.get(key) ?? '(none)');
    field('LC_SOURCE_VERSION', a.sourceVersion ?? '(none)', b.sourceVersion ?? '(none)');
    const dylibsA = keyed(a.dylibs, (d) => `${d.command} ${d.name}`);
    const dylibsB = keyed(b.dylibs, (d) => `${d.command} ${d.name}`);
    for (const key of unionKeys(dylibsA, dylibsB)) {
        const x = dylibsA.get(key);
        const y = dylibsB.get(key);
        if (x === undefined || y === undefined) {
            out.push(node(macho_ID, `${path}:${key}`, x === undefined ? 'added' : 'removed', `${key} ${x === undefined ? 'added' : 'removed'}`));
            continue;
        }
        field(`${key} timestamp`, String(x.timestamp), String(y.timestamp));
        field(`${key} current_version`, x.currentVersion, y.currentVersion);
        field(`${key} compatibility_version`, x.compatibilityVersion, y.compatibilityVersion);
    }
    const rpaths = multisetDiff(a.rpaths, b.rpaths);
    if (rpaths.removed.length > 0 || rpaths.added.length > 0) {
        out.push(node(macho_ID, `${path}:LC_RPATH`, 'lines', `LC_RPATH: ${stringsSummary(rpaths.removed, rpaths.added, 'rpath')}`, stringsDetail(rpaths.removed, rpaths.added)));
    }
    return out;
}
function macho_sectionBytes(file, section) {
    return section.inFile ? file.view.bytes(section.offset, section.size, `section ${section.name}`) : Buffer.alloc(0);
}
function sectionChild(path, a, x, b, y) {
    const bytesA = macho_sectionBytes(a, x);
    const bytesB = macho_sectionBytes(b, y);
    if (bytesA.equals(bytesB) && x.size === y.size)
        return undefined;
    if (bytesA.equals(bytesB))
        return bytesNode(macho_ID, path, x.name, Buffer.alloc(x.size), Buffer.alloc(y.size));
    if (x.type === CSTRING_TYPE || STRING_SECTIONS.has(x.name)) {
        const { removed, added } = multisetDiff(extractStrings(bytesA), extractStrings(bytesB));
        if (removed.length > 0 || added.length > 0)
            return node(macho_ID, path, 'lines', `${x.name}: ${stringsSummary(removed, added)}`, stringsDetail(removed, added));
    }
    return bytesNode(macho_ID, path, x.name, bytesA, bytesB, x.offset, y.offset);
}
function contentChildren(path, a, b) {
    const out = [];
    const sectionsA = keyed(a.segments.flatMap((s) => s.sections), (s) => s.name);
    const sectionsB = keyed(b.segments.flatMap((s) => s.sections), (s) => s.name);
    for (const key of unionKeys(sectionsA, sectionsB)) {
        const x = sectionsA.get(key);
        const y = sectionsB.get(key);
        const at = `${path}:${key}`;
        if (x === undefined)
            out.push(node(macho_ID, at, 'added', `section ${key} added`));
        else if (y === undefined)
            out.push(node(macho_ID, at, 'removed', `section ${key} removed`));
        else {
            const child = sectionChild(at, a, x, b, y);
            if (child !== undefined)
                out.push(child);
        }
    }
    // Segments without sections (__LINKEDIT, __PAGEZERO) compare whole.
    const bare = (file) => keyed(file.segments.filter((s) => s.sections.length === 0), (s) => s.name);
    const segmentsA = bare(a);
    const segmentsB = bare(b);
    for (const key of unionKeys(segmentsA, segmentsB)) {
        const x = segmentsA.get(key);
        const y = segmentsB.get(key);
        const at = `${path}:${key}`;
        if (x === undefined)
            out.push(node(macho_ID, at, 'added', `segment ${key} added`));
        else if (y === undefined)
            out.push(node(macho_ID, at, 'removed', `segment ${key} removed`));
        else {
            const bytesA = a.view.bytes(x.fileoff, x.filesize, `segment ${key}`);
            const bytesB = b.view.bytes(y.fileoff, y.filesize, `segment ${key}`);
            if (!bytesA.equals(bytesB))
                out.push(bytesNode(macho_ID, at, `segment ${key}`, bytesA, bytesB, x.fileoff, y.fileoff));
        }
    }
    const symbols = multisetDiff(a.symbols, b.symbols);
    if (symbols.removed.length > 0 || symbols.added.length > 0) {
        out.push(node(macho_ID, `${path}:symbols`, 'lines', `symbols: ${stringsSummary(symbols.removed, symbols.added, 'symbol')}`, stringsDetail(symbols.removed, symbols.added)));
    }
    const signature = (file) => file.codeSignature === undefined ? Buffer.alloc(0) : file.view.bytes(file.codeSignature.offset, file.codeSignature.size, 'code signature');
    const sigA = signature(a);
    const sigB = signature(b);
    if (!sigA.equals(sigB))
        out.push(bytesNode(macho_ID, `${path}:code signature`, 'code signature', sigA, sigB));
    return out;
}
function compareThin(path, before, after) {
    const a = guard('old', () => parseMacho(before));
    const b = guard('new', () => parseMacho(after));
    if (before.equals(after))
        return [];
    const children = [...macho_headerChildren(path, a, b), ...contentChildren(path, a, b)];
    if (children.length === 0) {
        const commandsEnd = (file) => (file.is64 ? 32 : 28) + file.view.u32(20, 'sizeofcmds');
        const ha = before.subarray(0, commandsEnd(a));
        const hb = after.subarray(0, commandsEnd(b));
        children.push(ha.equals(hb) ? bytesNode(macho_ID, `${path}:bytes outside sections`, 'bytes outside sections', before, after) : bytesNode(macho_ID, `${path}:load commands`, 'load commands', ha, hb));
    }
    return children;
}
function archName(arch) {
    return cpuName(arch.cputype);
}
function compareFat(path, before, after, ctx) {
    const a = keyed(guard('old', () => parseFat(before)), archName);
    const b = keyed(guard('new', () => parseFat(after)), archName);
    if (before.equals(after))
        return [];
    const out = [];
    for (const key of unionKeys(a, b)) {
        const x = a.get(key);
        const y = b.get(key);
        const at = `${path}:${key}`;
        if (x === undefined)
            out.push(node(macho_ID, at, 'added', `architecture ${key} added`));
        else if (y === undefined)
            out.push(node(macho_ID, at, 'removed', `architecture ${key} removed`));
        else {
            const sliceA = before.subarray(x.offset, x.offset + x.size);
            const sliceB = after.subarray(y.offset, y.offset + y.size);
            if (!sliceA.equals(sliceB))
                out.push(ctx.compareNested(at, sliceA, sliceB));
        }
    }
    if (out.length === 0)
        out.push(bytesNode(macho_ID, `${path}:universal header`, 'universal header', before.subarray(0, 4096), after.subarray(0, 4096)));
    return out;
}
const machoComparator = {
    id: macho_ID,
    recognizes(_path, head) {
        return machoMagic(head) !== undefined;
    },
    compare(path, before, after, ctx) {
        const kindA = machoMagic(before.subarray(0, 8));
        const kindB = machoMagic(after.subarray(0, 8));
        if (kindA !== kindB)
            throw new ComparatorFallback(`one side is a universal binary and the other is not (${kindA ?? 'neither'} vs ${kindB ?? 'neither'})`);
        return kindA === 'fat' ? compareFat(path, before, after, ctx) : compareThin(path, before, after);
    },
    describe(path, children) {
        const fields = children.filter((c) => c.kind === 'field').map((c) => c.path.slice(path.length + 1));
        const others = children.filter((c) => c.kind !== 'field');
        const parts = [];
        if (fields.length > 0)
            parts.push(`${listText(fields, 4)} differ${fields.length === 1 ? 's' : ''}`);
        if (others.length > 0)
            parts.push(describeMembers(others, `${path}:`, 'part'));
        return parts.length === 0 ? 'no differences' : parts.join('; ');
    },
};

;// CONCATENATED MODULE: ./src/compare/formats/pe.ts
/**
 * PE/COFF images (Microsoft PE Format specification): the MZ stub's e_lfanew, the COFF file
 * header, the optional header (PE32 and PE32+) with its data directories, the section table, and
 * the debug directory with CodeView (RSDS/NB10) and REPRO entries. All offsets are checked.
 */

const DEBUG_TYPES = {
    1: 'COFF', 2: 'CodeView', 3: 'FPO', 4: 'Misc', 5: 'Exception', 6: 'Fixup', 7: 'OMAP to source', 8: 'OMAP from source',
    9: 'Borland', 10: 'Reserved10', 11: 'CLSID', 12: 'VC feature', 13: 'POGO', 14: 'ILTCG', 15: 'MPX', 16: 'REPRO',
    20: 'extended DLL characteristics',
};
const DIRECTORY_EXPORT = 0;
const DIRECTORY_SECURITY = 4;
const DIRECTORY_DEBUG = 6;
function looksLikePe(head) {
    if (head.length < 0x40 || head[0] !== 0x4d || head[1] !== 0x5a)
        return false;
    const lfanew = head.readUInt32LE(0x3c);
    return lfanew + 4 <= head.length && head.readUInt32LE(lfanew) === 0x00004550;
}
/** The file offset of an RVA, through the section that maps it (or the headers). */
function rvaToOffset(file, rva) {
    if (rva < file.sizeOfHeaders)
        return rva;
    for (const section of file.sections) {
        const span = Math.max(section.virtualSize, section.rawSize);
        if (rva >= section.virtualAddress && rva < section.virtualAddress + span) {
            const delta = rva - section.virtualAddress;
            return delta < section.rawSize ? section.rawOffset + delta : undefined;
        }
    }
    return undefined;
}
function guidText(bytes) {
    const h = (b) => b.toString('hex').toUpperCase();
    const d1 = bytes.readUInt32LE(0).toString(16).padStart(8, '0').toUpperCase();
    const d2 = bytes.readUInt16LE(4).toString(16).padStart(4, '0').toUpperCase();
    const d3 = bytes.readUInt16LE(6).toString(16).padStart(4, '0').toUpperCase();
    return `{${d1}-${d2}-${d3}-${h(bytes.subarray(8, 10))}-${h(bytes.subarray(10, 16))}}`;
}
function readCodeView(entry) {
    const view = new ByteView(entry.data, 'le', 'PE CodeView record');
    if (entry.data.length < 4)
        return undefined;
    const signature = entry.data.toString('latin1', 0, 4);
    if (signature === 'RSDS') {
        const guid = guidText(view.bytes(4, 16, 'RSDS GUID'));
        const age = view.u32(20, 'RSDS age');
        return { signature, guid, age, pdbPath: view.cstring(24, 'RSDS PDB path') };
    }
    if (signature === 'NB10') {
        const stamp = view.u32(8, 'NB10 signature');
        const age = view.u32(12, 'NB10 age');
        return { signature, guid: hex(stamp, 8), age, pdbPath: view.cstring(16, 'NB10 PDB path') };
    }
    return undefined;
}
function parsePe(buf) {
    const view = new ByteView(buf, 'le', 'PE');
    view.check(0, 0x40, 'MZ header');
    if (buf[0] !== 0x4d || buf[1] !== 0x5a)
        view.fail('no MZ signature');
    const lfanew = view.u32(0x3c, 'e_lfanew');
    if (view.u32(lfanew, 'PE signature') !== 0x00004550)
        view.fail(`no "PE\\0\\0" signature at e_lfanew ${hex(lfanew)}`);
    const coff = lfanew + 4;
    view.check(coff, 20, 'COFF file header');
    const sectionCount = view.u16(coff + 2, 'NumberOfSections');
    const optionalSize = view.u16(coff + 16, 'SizeOfOptionalHeader');
    const optional = coff + 20;
    view.check(optional, optionalSize, 'optional header');
    const magic = view.u16(optional, 'optional header Magic');
    if (magic !== 0x10b && magic !== 0x20b)
        view.fail(`optional header Magic ${hex(magic)} is neither PE32 (0x10b) nor PE32+ (0x20b)`);
    const plus = magic === 0x20b;
    const fixedSize = plus ? 112 : 96;
    if (optionalSize < fixedSize)
        view.fail(`SizeOfOptionalHeader ${optionalSize} is smaller than the ${fixedSize} bytes a ${plus ? 'PE32+' : 'PE32'} header needs`);
    const directoryCount = view.u32(optional + (plus ? 108 : 92), 'NumberOfRvaAndSizes');
    const maxDirectories = Math.floor((optionalSize - fixedSize) / 8);
    if (directoryCount > maxDirectories)
        view.fail(`NumberOfRvaAndSizes ${directoryCount} does not fit the optional header (room for ${maxDirectories})`);
    const directories = [];
    for (let i = 0; i < directoryCount; i++) {
        const at = optional + fixedSize + i * 8;
        directories.push({ rva: view.u32(at, `data directory ${i}`), size: view.u32(at + 4, `data directory ${i} size`) });
    }
    const table = optional + optionalSize;
    view.check(table, sectionCount * 40, `section table (${sectionCount} × 40 bytes)`);
    const symbolTable = view.u32(coff + 8, 'PointerToSymbolTable');
    const symbolCount = view.u32(coff + 12, 'NumberOfSymbols');
    const sections = [];
    for (let i = 0; i < sectionCount; i++) {
        const at = table + i * 40;
        let name = view.fixedString(at, 8, `section ${i} name`);
        // "/123": an offset into the COFF string table, which follows the symbol table.
        if (/^\/\d+$/.test(name) && symbolTable > 0) {
            const strings = symbolTable + symbolCount * 18;
            name = view.cstring(strings + Number(name.slice(1)), `section ${i} long name`);
        }
        const section = {
            name,
            virtualSize: view.u32(at + 8, `section ${name} VirtualSize`),
            virtualAddress: view.u32(at + 12, `section ${name} VirtualAddress`),
            rawSize: view.u32(at + 16, `section ${name} SizeOfRawData`),
            rawOffset: view.u32(at + 20, `section ${name} PointerToRawData`),
            characteristics: view.u32(at + 36, `section ${name} Characteristics`),
        };
        if (section.rawSize > 0)
            view.check(section.rawOffset, section.rawSize, `section ${name} raw data`);
        sections.push(section);
    }
    const sizeOfHeaders = view.u32(optional + 60, 'SizeOfHeaders');
    const mapping = { sections, sizeOfHeaders };
    const debug = [];
    const debugDirectory = directories[DIRECTORY_DEBUG];
    if (debugDirectory !== undefined && debugDirectory.size > 0) {
        const at = rvaToOffset(mapping, debugDirectory.rva);
        if (at === undefined)
            view.fail(`debug directory RVA ${hex(debugDirectory.rva)} lies in no section's file data`);
        const count = Math.floor(debugDirectory.size / 28);
        view.check(at, count * 28, `debug directory (${count} × 28 bytes)`);
        for (let i = 0; i < count; i++) {
            const entry = at + i * 28;
            const size = view.u32(entry + 16, `debug entry ${i} SizeOfData`);
            const dataOffset = view.u32(entry + 24, `debug entry ${i} PointerToRawData`);
            debug.push({
                timeDateStamp: view.u32(entry + 4, `debug entry ${i} TimeDateStamp`),
                majorVersion: view.u16(entry + 8, `debug entry ${i} MajorVersion`),
                minorVersion: view.u16(entry + 10, `debug entry ${i} MinorVersion`),
                type: view.u32(entry + 12, `debug entry ${i} Type`),
                data: dataOffset === 0 ? Buffer.alloc(0) : view.bytes(dataOffset, size, `debug entry ${i} data`),
                dataOffset,
            });
        }
    }
    let exportTimeDateStamp;
    const exportDirectory = directories[DIRECTORY_EXPORT];
    if (exportDirectory !== undefined && exportDirectory.size >= 40) {
        const at = rvaToOffset(mapping, exportDirectory.rva);
        if (at === undefined)
            view.fail(`export directory RVA ${hex(exportDirectory.rva)} lies in no section's file data`);
        exportTimeDateStamp = view.u32(at + 4, 'export directory TimeDateStamp');
    }
    return {
        machine: view.u16(coff, 'Machine'),
        timeDateStamp: view.u32(coff + 4, 'TimeDateStamp'),
        characteristics: view.u16(coff + 18, 'Characteristics'),
        magic,
        linkerVersion: `${view.u8(optional + 2, 'MajorLinkerVersion')}.${view.u8(optional + 3, 'MinorLinkerVersion')}`,
        entryPoint: view.u32(optional + 16, 'AddressOfEntryPoint'),
        imageBase: plus ? view.u64big(optional + 24, 'ImageBase') : BigInt(view.u32(optional + 28, 'ImageBase')),
        sizeOfImage: view.u32(optional + 56, 'SizeOfImage'),
        sizeOfHeaders,
        checkSum: view.u32(optional + 64, 'CheckSum'),
        checkSumOffset: optional + 64,
        subsystem: view.u16(optional + 68, 'Subsystem'),
        dllCharacteristics: view.u16(optional + 70, 'DllCharacteristics'),
        directories,
        sections,
        debug,
        exportTimeDateStamp,
        view,
    };
}

;// CONCATENATED MODULE: ./src/compare/comparators/pe.ts
/**
 * PE/COFF: the header fields that drift between builds (TimeDateStamp, CheckSum, linker
 * version…), the debug directory (CodeView GUID, age and PDB path; REPRO hash; each entry's
 * TimeDateStamp), the export directory's TimeDateStamp, and sections by name. A section whose only
 * differing bytes are those debug records is not reported again: the fields say it all.
 */




const pe_ID = 'pe';
const MACHINES = { 0x14c: 'i386', 0x8664: 'x86-64', 0xaa64: 'ARM64', 0x1c0: 'ARM', 0x1c4: 'ARMv7 Thumb-2', 0x200: 'IA-64' };
function pe_parseSide(buf, side) {
    try {
        return parsePe(buf);
    }
    catch (error) {
        if (error instanceof ComparatorFallback)
            throw new ComparatorFallback(`${side} file: ${error.message}`);
        throw error;
    }
}
/** Timestamps are shown as both: with /Brepro the field holds a hash, not a time. */
function stampText(stamp) {
    return stamp === undefined ? '(none)' : `${hex(stamp, 8)} (${isoFromEpoch(stamp)})`;
}
function pe_headerChildren(path, a, b) {
    const out = [];
    const field = (name, before, after) => pushField(out, pe_ID, `${path}:${name}`, name, before, after);
    field('Machine', MACHINES[a.machine] ?? hex(a.machine), MACHINES[b.machine] ?? hex(b.machine));
    field('TimeDateStamp', stampText(a.timeDateStamp), stampText(b.timeDateStamp));
    field('CheckSum', hex(a.checkSum, 8), hex(b.checkSum, 8));
    field('Characteristics', hex(a.characteristics, 4), hex(b.characteristics, 4));
    field('optional header Magic', a.magic === 0x20b ? 'PE32+' : 'PE32', b.magic === 0x20b ? 'PE32+' : 'PE32');
    field('LinkerVersion', a.linkerVersion, b.linkerVersion);
    field('AddressOfEntryPoint', hex(a.entryPoint), hex(b.entryPoint));
    field('ImageBase', hex(a.imageBase), hex(b.imageBase));
    field('SizeOfImage', hex(a.sizeOfImage), hex(b.sizeOfImage));
    field('Subsystem', String(a.subsystem), String(b.subsystem));
    field('DllCharacteristics', hex(a.dllCharacteristics, 4), hex(b.dllCharacteristics, 4));
    field('export directory TimeDateStamp', stampText(a.exportTimeDateStamp), stampText(b.exportTimeDateStamp));
    return out;
}
function debugLabel(entry) {
    return DEBUG_TYPES[entry.type] ?? `type ${entry.type}`;
}
function debugChildren(path, a, b) {
    const before = keyed(a.debug, debugLabel);
    const after = keyed(b.debug, debugLabel);
    const out = [];
    for (const key of unionKeys(before, after)) {
        const x = before.get(key);
        const y = after.get(key);
        const at = `${path}:debug ${key}`;
        if (x === undefined) {
            out.push(node(pe_ID, at, 'added', `debug directory entry ${key} added`));
            continue;
        }
        if (y === undefined) {
            out.push(node(pe_ID, at, 'removed', `debug directory entry ${key} removed`));
            continue;
        }
        const field = (name, oldValue, newValue) => pushField(out, pe_ID, `${path}:${name}`, name, oldValue, newValue);
        field(`${key} TimeDateStamp`, stampText(x.timeDateStamp), stampText(y.timeDateStamp));
        field(`${key} version`, `${x.majorVersion}.${x.minorVersion}`, `${y.majorVersion}.${y.minorVersion}`);
        if (x.data.equals(y.data))
            continue;
        const cx = x.type === 2 ? readCodeView(x) : undefined;
        const cy = y.type === 2 ? readCodeView(y) : undefined;
        if (cx !== undefined && cy !== undefined) {
            field('CodeView GUID', cx.guid, cy.guid);
            field('CodeView age', String(cx.age), String(cy.age));
            field('PDB path', cx.pdbPath, cy.pdbPath);
            if (cx.signature !== cy.signature)
                field('CodeView signature', cx.signature, cy.signature);
        }
        else if (x.type === 16) {
            field('REPRO hash', hexBytes(x.data, 128), hexBytes(y.data, 128));
        }
        else {
            out.push(bytesNode(pe_ID, `${path}:debug ${key} data`, `debug ${key} data`, x.data, y.data, x.dataOffset, y.dataOffset));
        }
    }
    return out;
}
/** File ranges the debug fields above already explain: the directory, its records, the export stamp. */
function explainedRanges(file) {
    const ranges = [];
    const debug = file.directories[6];
    if (debug !== undefined && debug.size > 0) {
        const at = rvaToOffset(file, debug.rva);
        if (at !== undefined)
            ranges.push([at, at + debug.size]);
    }
    for (const entry of file.debug)
        if (entry.dataOffset > 0)
            ranges.push([entry.dataOffset, entry.dataOffset + entry.data.length]);
    const exports = file.directories[0];
    if (file.exportTimeDateStamp !== undefined && exports !== undefined) {
        const at = rvaToOffset(file, exports.rva);
        if (at !== undefined)
            ranges.push([at + 4, at + 8]);
    }
    return ranges;
}
function masked(file, section) {
    const bytes = Buffer.from(file.view.bytes(section.rawOffset, section.rawSize, `section ${section.name}`));
    for (const [start, end] of explainedRanges(file)) {
        const from = Math.max(start, section.rawOffset) - section.rawOffset;
        const to = Math.min(end, section.rawOffset + section.rawSize) - section.rawOffset;
        if (to > from)
            bytes.fill(0, from, to);
    }
    return bytes;
}
function sectionChildren(path, a, b) {
    const before = keyed(a.sections, (s) => s.name);
    const after = keyed(b.sections, (s) => s.name);
    const out = [];
    for (const key of unionKeys(before, after)) {
        const x = before.get(key);
        const y = after.get(key);
        const at = `${path}:${key}`;
        if (x === undefined && y !== undefined)
            out.push(node(pe_ID, at, 'added', `section ${key} added (${y.rawSize} bytes)`));
        else if (y === undefined && x !== undefined)
            out.push(node(pe_ID, at, 'removed', `section ${key} removed (${x.rawSize} bytes)`));
        else if (x !== undefined && y !== undefined) {
            const rawA = a.view.bytes(x.rawOffset, x.rawSize, `section ${key}`);
            const rawB = b.view.bytes(y.rawOffset, y.rawSize, `section ${key}`);
            if (rawA.equals(rawB)) {
                pushField(out, pe_ID, `${at}:VirtualSize`, `${key} VirtualSize`, hex(x.virtualSize), hex(y.virtualSize));
                continue;
            }
            // Differences wholly inside the debug records are reported as their fields.
            if (x.rawOffset === y.rawOffset && masked(a, x).equals(masked(b, y)))
                continue;
            out.push(bytesNode(pe_ID, at, key, rawA, rawB, x.rawOffset, y.rawOffset));
        }
    }
    return out;
}
/** The certificate table (Authenticode): its "RVA" is a file offset. */
function certificateChild(path, a, b) {
    const blob = (file) => {
        const entry = file.directories[DIRECTORY_SECURITY];
        return entry === undefined || entry.size === 0 ? Buffer.alloc(0) : file.view.bytes(entry.rva, entry.size, 'certificate table');
    };
    const x = blob(a);
    const y = blob(b);
    if (x.equals(y))
        return undefined;
    return bytesNode(pe_ID, `${path}:certificate table`, 'certificate table (signature)', x, y);
}
const peComparator = {
    id: pe_ID,
    recognizes(path, head) {
        if (looksLikePe(head))
            return true;
        // e_lfanew past the first 4 KiB: trust the name, parsing will tell.
        return head.length >= 2 && head[0] === 0x4d && head[1] === 0x5a && /\.(exe|dll|sys|efi|ocx|scr|cpl|mui|drv)$/i.test(path);
    },
    compare(path, before, after) {
        const a = pe_parseSide(before, 'old');
        const b = pe_parseSide(after, 'new');
        if (before.equals(after))
            return [];
        const children = [...pe_headerChildren(path, a, b), ...debugChildren(path, a, b), ...sectionChildren(path, a, b)];
        const certificate = certificateChild(path, a, b);
        if (certificate !== undefined)
            children.push(certificate);
        if (children.length === 0) {
            const headers = Math.max(a.sizeOfHeaders, b.sizeOfHeaders);
            const ha = before.subarray(0, Math.min(headers, before.length));
            const hb = after.subarray(0, Math.min(headers, after.length));
            children.push(ha.equals(hb) ? bytesNode(pe_ID, `${path}:bytes outside sections`, 'bytes outside sections', before, after) : bytesNode(pe_ID, `${path}:headers`, 'headers', ha, hb));
        }
        return children;
    },
    describe(path, children) {
        const fields = children.filter((c) => c.kind === 'field').map((c) => c.path.slice(path.length + 1));
        const others = children.filter((c) => c.kind !== 'field');
        const parts = [];
        if (fields.length > 0)
            parts.push(`${listText(fields, 4)} differ${fields.length === 1 ? 's' : ''}`);
        if (others.length > 0)
            parts.push(describeMembers(others, `${path}:`, 'section'));
        else
            parts.push('no section content differs');
        return parts.join('; ');
    },
};

;// CONCATENATED MODULE: ./src/compare/formats/png.ts
/**
 * PNG (ISO/IEC 15948, W3C PNG 3rd ed.): signature, chunks with CRCs, IHDR, tIME, the text chunks
 * (tEXt, zTXt, iTXt) and the image data, inflated with an output cap derived from IHDR and
 * unfiltered, so "pixels identical" means the samples are, whatever the encoder's compression or
 * filter choices.
 */



const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CRC_TABLE = (() => {
    const table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
        let c = n;
        for (let k = 0; k < 8; k++)
            c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
        table[n] = c >>> 0;
    }
    return table;
})();
function crc32(...parts) {
    let crc = 0xffffffff;
    for (const part of parts) {
        for (let i = 0; i < part.length; i++)
            crc = CRC_TABLE[(crc ^ part[i]) & 0xff] ^ (crc >>> 8);
    }
    return (crc ^ 0xffffffff) >>> 0;
}
/** Samples per pixel for each colour type. */
const CHANNELS = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const ALLOWED_DEPTHS = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };
/** Text chunks are small; one that inflates past this is summarised instead of expanded. */
const MAX_TEXT_BYTES = 8 * 1024 * 1024;
/** Inflates a compressed text; a too-large one becomes a marker naming its size and digest, never a fallback. */
function inflateText(view, data, max, what) {
    try {
        return (0,external_node_zlib_namespaceObject.inflateSync)(data, { maxOutputLength: Math.max(1, max) }).toString('latin1');
    }
    catch (error) {
        if (error.code === 'ERR_BUFFER_TOO_LARGE')
            return undefined;
        const message = error instanceof Error ? error.message : String(error);
        return view.fail(`${what} does not inflate: ${message}`);
    }
}
function oversized(data, max) {
    return `(compressed text of ${data.length} bytes that inflates past ${max} bytes; sha256 ${(0,external_node_crypto_namespaceObject.createHash)('sha256').update(data).digest('hex')})`;
}
function png_readHeader(view, data) {
    if (data.length !== 13)
        view.fail(`IHDR has ${data.length} bytes, not 13`);
    const header = {
        width: data.readUInt32BE(0),
        height: data.readUInt32BE(4),
        bitDepth: data[8],
        colorType: data[9],
        compression: data[10],
        filter: data[11],
        interlace: data[12],
    };
    if (header.width === 0 || header.height === 0 || header.width > 0x7fffffff || header.height > 0x7fffffff) {
        view.fail(`IHDR size ${header.width}×${header.height} is outside 1…2^31-1`);
    }
    const depths = ALLOWED_DEPTHS[header.colorType];
    if (depths === undefined)
        view.fail(`IHDR colour type ${header.colorType} is not one of 0, 2, 3, 4, 6`);
    if (!depths.includes(header.bitDepth))
        view.fail(`IHDR bit depth ${header.bitDepth} is not allowed for colour type ${header.colorType}`);
    if (header.compression !== 0 || header.filter !== 0 || header.interlace > 1) {
        view.fail(`IHDR compression ${header.compression}, filter ${header.filter}, interlace ${header.interlace}: only 0, 0, 0/1 exist`);
    }
    return header;
}
function readText(view, chunk, maxBytes) {
    const { data, type } = chunk;
    const what = `${type} chunk at offset ${hex(chunk.offset)}`;
    const nul = data.indexOf(0);
    if (nul < 1 || nul > 79)
        view.fail(`${what} has no keyword of 1–79 bytes`);
    const keyword = data.toString('latin1', 0, nul);
    if (type === 'tEXt')
        return { chunk: type, keyword, language: '', translated: '', text: data.toString('latin1', nul + 1) };
    if (type === 'zTXt') {
        if (data[nul + 1] !== 0)
            view.fail(`${what} uses compression method ${data[nul + 1]}, not 0`);
        const body = data.subarray(nul + 2);
        const text = inflateText(view, body, maxBytes, what) ?? oversized(body, maxBytes);
        return { chunk: type, keyword, language: '', translated: '', text };
    }
    // iTXt: keyword, compression flag, method, language tag, translated keyword, text.
    const flag = data[nul + 1];
    const method = data[nul + 2];
    if (flag === undefined || method === undefined || flag > 1)
        view.fail(`${what} has a bad compression flag`);
    const languageEnd = data.indexOf(0, nul + 3);
    const translatedEnd = languageEnd < 0 ? -1 : data.indexOf(0, languageEnd + 1);
    if (translatedEnd < 0)
        view.fail(`${what} lacks the NULs after its language tag and translated keyword`);
    const language = data.toString('latin1', nul + 3, languageEnd);
    const translated = data.toString('utf8', languageEnd + 1, translatedEnd);
    const body = data.subarray(translatedEnd + 1);
    if (flag === 1 && method !== 0)
        view.fail(`${what} uses compression method ${method}, not 0`);
    const inflated = flag === 1 ? inflateText(view, body, maxBytes, what) : body.toString('latin1');
    const text = inflated === undefined ? oversized(body, maxBytes) : Buffer.from(inflated, 'latin1').toString('utf8');
    return { chunk: 'iTXt', keyword, language, translated, text };
}
function readTime(view, chunk) {
    const d = chunk.data;
    if (d.length !== 7)
        view.fail(`tIME at offset ${hex(chunk.offset)} has ${d.length} bytes, not 7`);
    const pad = (n, width = 2) => String(n).padStart(width, '0');
    return `${pad(d.readUInt16BE(0), 4)}-${pad(d[2])}-${pad(d[3])}T${pad(d[4])}:${pad(d[5])}:${pad(d[6])}Z`;
}
function parsePng(buf, maxTextBytes) {
    const view = new ByteView(buf, 'be', 'PNG');
    view.check(0, 8, 'signature');
    if (!buf.subarray(0, 8).equals(PNG_SIGNATURE))
        view.fail('no PNG signature');
    const chunks = [];
    let at = 8;
    let ended = false;
    // Each chunk consumes at least 12 bytes, so this ends.
    while (!ended) {
        const length = view.u32(at, `chunk ${chunks.length} length`);
        if (length > 0x7fffffff)
            view.fail(`chunk ${chunks.length} at offset ${hex(at)} claims ${length} bytes (the limit is 2^31-1)`);
        const typeBytes = view.bytes(at + 4, 4, `chunk ${chunks.length} type`);
        const type = typeBytes.toString('latin1');
        if (!/^[A-Za-z]{4}$/.test(type))
            view.fail(`chunk ${chunks.length} at offset ${hex(at)} has type ${JSON.stringify(type)}, not four letters`);
        const data = view.bytes(at + 8, length, `${type} chunk data`);
        const stored = view.u32(at + 8 + length, `${type} chunk CRC`);
        const computed = crc32(typeBytes, data);
        if (stored !== computed)
            view.fail(`${type} chunk at offset ${hex(at)} has CRC ${hex(stored, 8)}, its bytes give ${hex(computed, 8)}`);
        chunks.push({ type, offset: at, data });
        at += 12 + length;
        if (type === 'IEND')
            ended = true;
        else if (at === buf.length)
            view.fail(`the file ends after ${chunks.length} chunks without IEND`);
    }
    const first = chunks[0];
    if (first === undefined || first.type !== 'IHDR')
        view.fail(`the first chunk is ${first?.type ?? 'missing'}, not IHDR`);
    const header = png_readHeader(view, first.data);
    const texts = chunks.filter((c) => c.type === 'tEXt' || c.type === 'zTXt' || c.type === 'iTXt').map((c) => readText(view, c, maxTextBytes));
    const timeChunk = chunks.find((c) => c.type === 'tIME');
    return { header, chunks, texts, time: timeChunk === undefined ? undefined : readTime(view, timeChunk), trailing: buf.subarray(at) };
}
/** The seven Adam7 passes: start column, start row, column step, row step. */
const ADAM7 = [
    [0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2],
];
function passes(header) {
    if (header.interlace === 0)
        return [{ x0: 0, y0: 0, dx: 1, dy: 1, width: header.width, height: header.height }];
    return ADAM7.map(([x0, y0, dx, dy]) => ({
        x0,
        y0,
        dx,
        dy,
        width: Math.max(0, Math.ceil((header.width - x0) / dx)),
        height: Math.max(0, Math.ceil((header.height - y0) / dy)),
    }));
}
function paeth(a, b, c) {
    const p = a + b - c;
    const pa = Math.abs(p - a);
    const pb = Math.abs(p - b);
    const pc = Math.abs(p - c);
    return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}
/** Copies pixel `from` of a pass row into pixel `to` of an image row, for any bit depth. */
function copyPixel(source, sourceRow, from, target, targetRow, to, bits) {
    if (bits >= 8) {
        const bytes = bits >> 3;
        source.copy(target, targetRow + to * bytes, sourceRow + from * bytes, sourceRow + (from + 1) * bytes);
        return;
    }
    const perByte = 8 / bits;
    const mask = (1 << bits) - 1;
    const fromShift = 8 - bits * ((from % perByte) + 1);
    const value = (source[sourceRow + Math.floor(from / perByte)] >> fromShift) & mask;
    const toIndex = targetRow + Math.floor(to / perByte);
    const toShift = 8 - bits * ((to % perByte) + 1);
    target[toIndex] = (target[toIndex] & ~(mask << toShift)) | (value << toShift);
}
/**
 * The image's samples as one raster, top row first: IDAT inflated (never past what IHDR
 * describes, nor `maxBytes`), every scanline unfiltered, and Adam7 passes put back in place. Two
 * images have the same pixels exactly when these bytes and their IHDR size, depth and colour type
 * are equal, whatever the compression, filters or interlacing.
 */
function decodePixels(file, maxBytes) {
    const { header } = file;
    const bitsPerPixel = (CHANNELS[header.colorType] ?? 1) * header.bitDepth;
    const bpp = Math.max(1, bitsPerPixel >> 3);
    const layout = passes(header).filter((p) => p.width > 0 && p.height > 0);
    const expected = layout.reduce((sum, p) => sum + p.height * (1 + Math.ceil((p.width * bitsPerPixel) / 8)), 0);
    const rowBytes = Math.ceil((header.width * bitsPerPixel) / 8);
    // The inflated data, one pass's rows and the raster live at once.
    if (expected + 2 * rowBytes * header.height > maxBytes) {
        return { ok: false, reason: `the image would decode to ${expected} bytes, more than the limit of ${maxBytes}` };
    }
    const compressed = Buffer.concat(file.chunks.filter((c) => c.type === 'IDAT').map((c) => c.data));
    if (compressed.length === 0)
        return { ok: false, reason: 'there is no IDAT chunk' };
    let filtered;
    try {
        filtered = (0,external_node_zlib_namespaceObject.inflateSync)(compressed, { maxOutputLength: expected });
    }
    catch (error) {
        if (error.code === 'ERR_BUFFER_TOO_LARGE')
            return { ok: false, reason: `IDAT inflates to more than the ${expected} bytes IHDR describes` };
        return { ok: false, reason: `IDAT does not inflate: ${error instanceof Error ? error.message : String(error)}` };
    }
    if (filtered.length !== expected)
        return { ok: false, reason: `IDAT inflates to ${filtered.length} bytes; IHDR describes ${expected}` };
    const raster = Buffer.alloc(rowBytes * header.height);
    let input = 0;
    let scanline = 0;
    for (const pass of layout) {
        const passRowBytes = Math.ceil((pass.width * bitsPerPixel) / 8);
        // Unfiltered in place of the filter bytes' successors: rows of this pass, one after another.
        const rows = Buffer.alloc(passRowBytes * pass.height);
        for (let y = 0; y < pass.height; y++, scanline++) {
            const filter = filtered[input++];
            if (filter > 4)
                return { ok: false, reason: `scanline ${scanline} uses filter type ${filter}; only 0–4 exist` };
            const row = y * passRowBytes;
            const prior = row - passRowBytes;
            for (let x = 0; x < passRowBytes; x++) {
                const raw = filtered[input++];
                const left = x >= bpp ? rows[row + x - bpp] : 0;
                const up = y > 0 ? rows[prior + x] : 0;
                const upLeft = y > 0 && x >= bpp ? rows[prior + x - bpp] : 0;
                const predictor = filter === 0 ? 0 : filter === 1 ? left : filter === 2 ? up : filter === 3 ? (left + up) >> 1 : paeth(left, up, upLeft);
                rows[row + x] = (raw + predictor) & 0xff;
            }
        }
        if (header.interlace === 0) {
            rows.copy(raster);
            continue;
        }
        for (let y = 0; y < pass.height; y++) {
            const targetRow = (pass.y0 + y * pass.dy) * rowBytes;
            for (let x = 0; x < pass.width; x++)
                copyPixel(rows, y * passRowBytes, x, raster, targetRow, pass.x0 + x * pass.dx, bitsPerPixel);
        }
    }
    return { ok: true, pixels: raster, rowBytes, rows: header.height };
}

;// CONCATENATED MODULE: ./src/compare/comparators/png.ts
/**
 * PNG: chunk list, IHDR fields, tIME, text chunks by keyword, other chunks by type, and whether
 * the decoded pixels are identical. "Only metadata differs; pixels are identical" is the finding
 * that matters for a build: an encoder stamped a time or a comment, the image did not change.
 */



const png_ID = 'png';
const PIXELS = 'pixels';
const IDENTICAL = 'pixels are identical';
/** Chunks with their own treatment below; the rest compare as bytes by type. */
const HANDLED = new Set(['IHDR', 'IDAT', 'IEND', 'tIME', 'tEXt', 'zTXt', 'iTXt']);
/** Chunks that change what the pixels look like, not just what is said about them. */
const PIXEL_CHUNKS = new Set(['IHDR', 'PLTE', 'tRNS']);
function png_parseSide(buf, side, maxBytes) {
    try {
        return parsePng(buf, maxBytes);
    }
    catch (error) {
        if (error instanceof ComparatorFallback)
            throw new ComparatorFallback(`${side} file: ${error.message}`);
        throw error;
    }
}
function chunkListChild(path, a, b) {
    const before = a.chunks.map((c) => c.type);
    const after = b.chunks.map((c) => c.type);
    if (before.join(',') === after.join(','))
        return undefined;
    const { removed, added } = multisetDiff(before, after);
    const parts = [];
    if (removed.length > 0)
        parts.push(`${listText([...new Set(removed)])} removed`);
    if (added.length > 0)
        parts.push(`${listText([...new Set(added)])} added`);
    const summary = parts.length === 0 ? 'chunk order differs' : `chunk list differs: ${parts.join(', ')}`;
    return node(png_ID, `${path}:chunks`, 'order', summary, { type: 'order', before, after });
}
function textLabel(text) {
    return `${text.chunk} ${text.keyword}`;
}
function textValue(text) {
    if (text === undefined)
        return '(none)';
    return text.language === '' && text.translated === '' ? text.text : `${text.text} [${text.language}${text.translated === '' ? '' : `, ${text.translated}`}]`;
}
function textChildren(path, a, b) {
    const before = keyed(a.texts, (t) => t.keyword);
    const after = keyed(b.texts, (t) => t.keyword);
    const out = [];
    for (const key of unionKeys(before, after)) {
        const x = before.get(key);
        const y = after.get(key);
        const oldValue = textValue(x);
        const newValue = textValue(y);
        const label = textLabel((x ?? y));
        if (oldValue === newValue && x?.chunk === y?.chunk)
            continue;
        const summary = x === undefined ? `${label} added: ${details_quote(newValue)}` : y === undefined ? `${label} removed: ${details_quote(oldValue)}` : `${label} differs: ${details_quote(oldValue)} → ${details_quote(newValue)}`;
        out.push(fieldNode(png_ID, `${path}:${label}`, label, oldValue, newValue, summary));
    }
    return out;
}
function otherChunkChildren(path, a, b) {
    const before = keyed(a.chunks.filter((c) => !HANDLED.has(c.type)), (c) => c.type);
    const after = keyed(b.chunks.filter((c) => !HANDLED.has(c.type)), (c) => c.type);
    const out = [];
    for (const key of unionKeys(before, after)) {
        const x = before.get(key);
        const y = after.get(key);
        const at = `${path}:${key}`;
        if (x === undefined && y !== undefined)
            out.push(node(png_ID, at, 'added', `${key} chunk added (${y.data.length} bytes)`));
        else if (y === undefined && x !== undefined)
            out.push(node(png_ID, at, 'removed', `${key} chunk removed (${x.data.length} bytes)`));
        else if (x !== undefined && y !== undefined && !x.data.equals(y.data))
            out.push(bytesNode(png_ID, at, `${key} chunk`, x.data, y.data, x.offset + 8, y.offset + 8));
    }
    return out;
}
function png_headerChildren(path, a, b) {
    const out = [];
    const x = a.header;
    const y = b.header;
    pushField(out, png_ID, `${path}:IHDR size`, 'IHDR size', `${x.width}×${x.height}`, `${y.width}×${y.height}`);
    pushField(out, png_ID, `${path}:IHDR bit depth`, 'IHDR bit depth', String(x.bitDepth), String(y.bitDepth));
    pushField(out, png_ID, `${path}:IHDR colour type`, 'IHDR colour type', String(x.colorType), String(y.colorType));
    pushField(out, png_ID, `${path}:IHDR interlace`, 'IHDR interlace', String(x.interlace), String(y.interlace));
    return out;
}
function compressedData(file) {
    return Buffer.concat(file.chunks.filter((c) => c.type === 'IDAT').map((c) => c.data));
}
/** The pixel verdict: identical samples, differing samples (with ranges), or why we could not tell. */
function pixelChild(path, a, b, pa, pb) {
    const idatA = compressedData(a);
    const idatB = compressedData(b);
    const at = `${path}:${PIXELS}`;
    if (!pa.ok || !pb.ok) {
        if (idatA.equals(idatB))
            return undefined;
        const reason = !pa.ok ? `old file: ${pa.reason}` : !pb.ok ? `new file: ${pb.reason}` : '';
        const child = bytesNode(png_ID, `${path}:IDAT`, 'IDAT', idatA, idatB);
        child.summary = `${child.summary}; pixels not compared: ${reason}`;
        return child;
    }
    if (pa.pixels.equals(pb.pixels)) {
        if (idatA.equals(idatB))
            return undefined;
        const child = bytesNode(png_ID, `${path}:IDAT`, 'IDAT', idatA, idatB);
        child.summary = `IDAT bytes differ but the decoded ${IDENTICAL} (other compression or filtering)`;
        return child;
    }
    const detail = bytesDetail(pa.pixels, pb.pixels);
    const sameShape = pa.rowBytes === pb.rowBytes && detail.type === 'bytes';
    let where = '';
    if (sameShape && detail.ranges.length > 0) {
        const first = Math.floor((detail.ranges[0]?.oldOffset ?? 0) / pa.rowBytes);
        const lastRange = detail.ranges[detail.ranges.length - 1];
        const last = Math.floor(((lastRange?.oldOffset ?? 0) + Math.max(0, (lastRange?.oldLength ?? 1) - 1)) / pa.rowBytes);
        where = first === last ? ` in row ${first}` : ` in rows ${first}–${last}${detail.truncated ? ' and beyond' : ''}`;
    }
    const changed = detail.type === 'bytes' ? detail.changedBytes : 0;
    return node(png_ID, at, 'bytes', `pixel data differs: ${changed} of ${Math.max(pa.pixels.length, pb.pixels.length)} sample bytes${where}`, detail);
}
const pngComparator = {
    id: png_ID,
    recognizes(_path, head) {
        return head.length >= 8 && head.subarray(0, 8).equals(PNG_SIGNATURE);
    },
    compare(path, before, after, ctx) {
        const max = ctx.limits.maxExpandedBytes;
        const textMax = Math.min(max, MAX_TEXT_BYTES);
        const a = png_parseSide(before, 'old', textMax);
        const b = png_parseSide(after, 'new', textMax);
        if (before.equals(after))
            return [];
        const children = [...png_headerChildren(path, a, b)];
        const list = chunkListChild(path, a, b);
        if (list !== undefined)
            children.push(list);
        pushField(children, png_ID, `${path}:tIME`, 'tIME', a.time ?? '(none)', b.time ?? '(none)');
        children.push(...textChildren(path, a, b));
        children.push(...otherChunkChildren(path, a, b));
        const pixels = pixelChild(path, a, b, decodePixels(a, max), decodePixels(b, max));
        if (pixels !== undefined)
            children.push(pixels);
        if (!a.trailing.equals(b.trailing))
            children.push(bytesNode(png_ID, `${path}:after IEND`, 'bytes after IEND', a.trailing, b.trailing));
        // Same texts, chunks and pixels, other bytes: a text recompressed, or data inside IEND.
        if (children.length === 0)
            children.push(bytesNode(png_ID, `${path}:chunk bytes`, 'chunk bytes (same decoded content)', before, after));
        const pixelsIdentical = pixels === undefined || (pixels.path !== `${path}:${PIXELS}` && !pixels.summary.includes('not compared'));
        const touchesPixels = children.some((c) => PIXEL_CHUNKS.has(c.path.slice(path.length + 1).split(' ')[0]));
        if (pixelsIdentical && !touchesPixels) {
            for (const child of children)
                if (child.path !== `${path}:IDAT`)
                    child.summary = `${child.summary} (${IDENTICAL})`;
        }
        return children;
    },
    describe(path, children) {
        const name = (d) => d.path.slice(path.length + 1);
        const pixels = children.find((c) => name(c) === PIXELS);
        const idat = children.find((c) => name(c) === 'IDAT');
        const touchesPixels = children.some((c) => PIXEL_CHUNKS.has(name(c).split(' ')[0]));
        const metadata = children.filter((c) => c !== pixels && c !== idat && name(c) !== 'chunks').map(name);
        if (pixels !== undefined)
            return `${pixels.summary}${metadata.length > 0 ? `; also ${listText(metadata)}` : ''}`;
        if (idat !== undefined && idat.summary.includes('not compared'))
            return idat.summary;
        if (touchesPixels)
            return `${listText(metadata)} differ${metadata.length === 1 ? 's' : ''}; the decoded samples are identical`;
        if (metadata.length === 0)
            return idat !== undefined ? `only the IDAT compression differs; ${IDENTICAL}` : `only the chunk order differs; ${IDENTICAL}`;
        return `only metadata differs (${listText(metadata)}${idat !== undefined ? ', and the IDAT compression' : ''}); ${IDENTICAL}`;
    },
};

;// CONCATENATED MODULE: ./src/compare/formats/pyc.ts
/**
 * Python bytecode caches: the header (magic → version; PEP 552 flags; source mtime and size, or
 * the source hash) and a bounded walk of the marshalled code object that collects what explains
 * drift: `co_filename` (the build path) and the text constants and names.
 * Layouts follow CPython's Python/marshal.c and Lib/importlib/_bootstrap_external.py.
 */

/** Magic numbers per release (the range each release's alphas to finals used). */
const PY3_RANGES = [
    [3000, 3140, '3.0'],
    [3141, 3159, '3.1'],
    [3160, 3189, '3.2'],
    [3190, 3249, '3.3'],
    [3250, 3319, '3.4'],
    [3320, 3359, '3.5'],
    [3360, 3389, '3.6'],
    [3390, 3399, '3.7'],
    [3400, 3419, '3.8'],
    [3420, 3429, '3.9'],
    [3430, 3449, '3.10'],
    [3450, 3499, '3.11'],
    [3500, 3549, '3.12'],
    [3550, 3599, '3.13'],
    [3600, 3649, '3.14'],
    [3650, 3699, '3.15'],
];
const PY2_RANGES = [
    [20121, 20121, '1.5'],
    [50428, 50428, '1.6'],
    [50823, 50823, '2.0'],
    [60202, 60202, '2.1'],
    [60717, 60717, '2.2'],
    [62011, 62021, '2.3'],
    [62041, 62061, '2.4'],
    [62071, 62131, '2.5'],
    [62151, 62161, '2.6'],
    [62171, 62211, '2.7'],
];
function pythonVersion(magic) {
    for (const [low, high, version] of [...PY3_RANGES, ...PY2_RANGES])
        if (magic >= low && magic <= high)
            return version;
    return undefined;
}
function looksLikePyc(head) {
    return head.length >= 4 && head[2] === 0x0d && head[3] === 0x0a;
}
function parsePycHeader(buf) {
    const view = new ByteView(buf, 'le', 'pyc');
    view.check(0, 4, 'magic number');
    if (!looksLikePyc(buf))
        view.fail(`magic ${hex(buf.readUInt16LE(0))} is not followed by \\r\\n`);
    const magic = view.u16(0, 'magic number');
    const version = pythonVersion(magic);
    if (magic >= 3392 && magic < 20000) {
        view.check(0, 16, 'PEP 552 header');
        const flags = view.u32(4, 'flags');
        if ((flags & ~0b11) !== 0)
            view.fail(`flags ${hex(flags)} has bits other than hash-based (0x1) and check-source (0x2)`);
        if ((flags & 1) === 1) {
            return { magic, version, flags, mode: (flags & 2) === 2 ? 'checked-hash' : 'unchecked-hash', mtime: undefined, sourceSize: undefined, sourceHash: view.bytes(8, 8, 'source hash'), size: 16 };
        }
        return { magic, version, flags, mode: 'timestamp', mtime: view.u32(8, 'source mtime'), sourceSize: view.u32(12, 'source size'), sourceHash: undefined, size: 16 };
    }
    // 3.3 added the source size; Python 2 and 3.0–3.2 have magic and mtime only.
    const withSize = magic >= 3210 && magic < 20000;
    const size = withSize ? 12 : 8;
    view.check(0, size, 'header');
    return { magic, version, flags: undefined, mode: 'timestamp', mtime: view.u32(4, 'source mtime'), sourceSize: withSize ? view.u32(8, 'source size') : undefined, sourceHash: undefined, size };
}
function codeLayout(magic) {
    if (magic >= 20000)
        return { leadingInts: 4, objects: 8, filenameIndex: 6, trailing: 1 }; // Python 2
    if (magic >= 3700)
        return undefined;
    // 3.11: argcount, posonly, kwonly, stacksize, flags; code … localspluskinds, filename, name, qualname; firstlineno; linetable, exceptiontable
    if (magic >= 3450)
        return { leadingInts: 5, objects: 8, filenameIndex: 5, trailing: 2 };
    // 3.8–3.10 add posonlyargcount to 3.0's argcount, kwonly, nlocals, stacksize, flags.
    if (magic >= 3410)
        return { leadingInts: 6, objects: 8, filenameIndex: 6, trailing: 1 };
    if (magic >= 3000)
        return { leadingInts: 5, objects: 8, filenameIndex: 6, trailing: 1 };
    return undefined;
}
/** CPython refuses deeper nesting too (MAX_MARSHAL_STACK_DEPTH). */
const pyc_MAX_DEPTH = 2000;
/**
 * Walks the marshalled code object after the header. Returns undefined when this Python's code
 * layout is unknown (a newer release); throws a fallback when the bytes are not marshal data.
 */
function walkCode(buf, header) {
    const layout = codeLayout(header.magic);
    if (layout === undefined)
        return undefined;
    const view = new ByteView(buf, 'le', 'pyc code object');
    const python2 = header.magic >= 20000;
    const first = view.u8(header.size, 'type of the marshalled object');
    if ((first & 0x7f) !== 0x63)
        view.fail(`the marshalled data starts with type ${hex(first)}, not a code object ('c')`);
    const refs = [];
    const interned = [];
    const filenames = new Set();
    const strings = new Set();
    let at = header.size;
    const text = (value) => {
        strings.add(value);
        return value;
    };
    /** Reads one object; returns its text when it is a string, else null. */
    const read = (depth) => {
        if (depth > pyc_MAX_DEPTH)
            view.fail(`objects nest deeper than ${pyc_MAX_DEPTH} levels at offset ${hex(at)}`);
        const start = at;
        const code = view.u8(at, 'object type');
        at += 1;
        const type = String.fromCharCode(python2 ? code : code & 0x7f);
        const flagged = !python2 && (code & 0x80) !== 0;
        let slot = -1;
        if (flagged) {
            slot = refs.length;
            refs.push(null);
        }
        const count = (n, each, what) => {
            // Every element takes at least `each` bytes, so a count larger than what is left is a lie.
            if (n * each > buf.length - at)
                view.fail(`${what} at offset ${hex(start)} claims ${n} elements, more than the ${buf.length - at} bytes left`);
            return n;
        };
        const blob = (n, what) => {
            const out = view.bytes(at, n, what);
            at += n;
            return out;
        };
        let value = null;
        switch (type) {
            case '0':
                view.fail(`unexpected NULL object at offset ${hex(start)}`);
                break;
            case 'N':
            case 'T':
            case 'F':
            case 'S':
            case '.':
                break;
            case 'i':
                blob(4, 'int');
                break;
            case 'I':
                blob(8, 'int64');
                break;
            case 'l': {
                const n = Math.abs(view.i32(at, 'long digit count'));
                at += 4;
                blob(count(n, 2, 'long') * 2, 'long digits');
                break;
            }
            case 'f':
                blob(view.u8(at++, 'float length'), 'float text');
                break;
            case 'g':
                blob(8, 'binary float');
                break;
            case 'x':
                blob(view.u8(at++, 'complex real length'), 'complex real');
                blob(view.u8(at++, 'complex imaginary length'), 'complex imaginary');
                break;
            case 'y':
                blob(16, 'binary complex');
                break;
            case 's': {
                const n = view.u32(at, 'bytes length');
                at += 4;
                const bytes = blob(n, 'bytes');
                // Python 2's str is bytes: bytecode and text alike; only printable ones count as text.
                if (python2) {
                    value = bytes.toString('latin1');
                    if (/^[\x20-\x7e\t\n]*$/.test(value))
                        text(value);
                }
                break;
            }
            case 't':
            case 'u':
            case 'a':
            case 'A': {
                const n = view.u32(at, 'string length');
                at += 4;
                const bytes = blob(n, 'string');
                value = text(bytes.toString(type === 'u' || type === 't' ? 'utf8' : 'latin1'));
                if (python2 && type === 't')
                    interned.push(value);
                break;
            }
            case 'z':
            case 'Z': {
                const n = view.u8(at++, 'short string length');
                value = text(blob(n, 'short string').toString('latin1'));
                break;
            }
            case 'R': {
                if (!python2)
                    view.fail(`Python 2 string reference at offset ${hex(start)} in a Python 3 file`);
                const index = view.u32(at, 'string reference');
                at += 4;
                if (index >= interned.length)
                    view.fail(`string reference ${index} at offset ${hex(start)} names no interned string (${interned.length} so far)`);
                value = interned[index];
                break;
            }
            case 'r': {
                const index = view.u32(at, 'object reference');
                at += 4;
                if (index >= refs.length)
                    view.fail(`reference ${index} at offset ${hex(start)} names no earlier object (${refs.length} so far)`);
                value = refs[index];
                break;
            }
            case ')': {
                const n = count(view.u8(at++, 'small tuple size'), 1, 'small tuple');
                for (let i = 0; i < n; i++)
                    read(depth + 1);
                break;
            }
            case '(':
            case '[':
            case '<':
            case '>': {
                const n = view.u32(at, 'container size');
                at += 4;
                count(n, 1, 'container');
                for (let i = 0; i < n; i++)
                    read(depth + 1);
                break;
            }
            case '{': {
                // Key/value pairs up to a NULL key; every pair consumes bytes, so this ends.
                while (view.u8(at, 'dict key type') !== 0x30) {
                    read(depth + 1);
                    read(depth + 1);
                }
                at += 1;
                break;
            }
            case 'c': {
                blob(4 * layout.leadingInts, 'code object fields');
                for (let i = 0; i < layout.objects; i++) {
                    const object = read(depth + 1);
                    if (i === layout.filenameIndex) {
                        if (object === null)
                            view.fail(`co_filename at offset ${hex(start)} is not a string`);
                        filenames.add(object);
                    }
                }
                blob(4, 'co_firstlineno');
                for (let i = 0; i < layout.trailing; i++)
                    read(depth + 1);
                break;
            }
            default:
                view.fail(`unknown marshal type ${hex(code)} at offset ${hex(start)}`);
        }
        if (slot >= 0)
            refs[slot] = value;
        return value;
    };
    read(0);
    return { filenames: [...filenames], strings: [...strings], end: at };
}

;// CONCATENATED MODULE: ./src/compare/comparators/pyc.ts
/**
 * Python `.pyc`: the header fields (magic → Python version, invalidation mode, source mtime and
 * size or source hash) and the marshalled code object. The usual finding is "only the header
 * differs; the code object is identical": a source mtime, not a change in what runs.
 */



const pyc_ID = 'pyc';
const CODE = 'code object';
const HEADER_ONLY = 'the code object is identical';
function pyc_guard(side, read) {
    try {
        return read();
    }
    catch (error) {
        if (error instanceof ComparatorFallback)
            throw new ComparatorFallback(`${side} file: ${error.message}`);
        throw error;
    }
}
function magicText(header) {
    return `${header.magic} (${header.version === undefined ? 'unknown Python' : `Python ${header.version}`})`;
}
function modeText(header) {
    const mode = header.mode === 'timestamp' ? 'timestamp-based' : header.mode === 'checked-hash' ? 'checked hash-based' : 'unchecked hash-based';
    return header.flags === undefined ? mode : `${header.flags} (${mode})`;
}
function mtimeText(mtime) {
    return mtime === undefined ? '(none)' : `${mtime} (${isoFromEpoch(mtime)})`;
}
function headerFields(path, a, b) {
    const optional = (value) => value ?? '(none)';
    const fields = [
        ['magic', magicText(a), magicText(b)],
        ['flags', modeText(a), modeText(b)],
        ['source mtime', mtimeText(a.mtime), mtimeText(b.mtime)],
        ['source size', optional(a.sourceSize?.toString()), optional(b.sourceSize?.toString())],
        ['source hash', optional(a.sourceHash && hexBytes(a.sourceHash)), optional(b.sourceHash && hexBytes(b.sourceHash))],
    ];
    return fields
        .filter(([, before, after]) => before !== after)
        .map(([name, before, after]) => {
        // Both mtimes known: the dates read better than the epochs the detail keeps.
        const summary = name === 'source mtime' && a.mtime !== undefined && b.mtime !== undefined
            ? `source mtime differs: ${isoFromEpoch(a.mtime)} → ${isoFromEpoch(b.mtime)}`
            : `${name} differs: ${before} → ${after}`;
        return fieldNode(pyc_ID, `${path}:${name}`, name, before, after, summary);
    });
}
function codeChildren(path, body, codes, offsets) {
    const at = `${path}:${CODE}`;
    const [x, y] = codes;
    const children = [];
    if (x !== undefined && y !== undefined) {
        const files = multisetDiff(x.filenames, y.filenames);
        if (files.removed.length > 0 || files.added.length > 0) {
            const before = x.filenames.join(', ');
            const after = y.filenames.join(', ');
            children.push(fieldNode(pyc_ID, `${at}:co_filename`, 'co_filename', before, after, `co_filename differs: ${before} → ${after}`));
        }
        // Filenames are reported above; the rest are names and string constants.
        const strings = multisetDiff(x.strings.filter((s) => !x.filenames.includes(s)), y.strings.filter((s) => !y.filenames.includes(s)));
        if (strings.removed.length > 0 || strings.added.length > 0) {
            children.push(node(pyc_ID, `${at}:strings`, 'lines', `strings: ${stringsSummary(strings.removed, strings.added)}`, stringsDetail(strings.removed, strings.added)));
        }
    }
    const bytes = bytesNode(pyc_ID, at, CODE, body[0], body[1], offsets[0], offsets[1]);
    if (children.length === 0)
        return bytes;
    const what = children.map((c) => (c.path.endsWith(':co_filename') ? 'co_filename' : c.summary));
    return node(pyc_ID, at, 'modified', `${CODE} differs (${bytes.summary.slice(CODE.length + 2)}): ${what.join('; ')}`, bytes.detail, children);
}
const pycComparator = {
    id: pyc_ID,
    recognizes(path, head) {
        if (!looksLikePyc(head))
            return false;
        return /\.py[co]$/i.test(path) || pythonVersion(head.readUInt16LE(0)) !== undefined;
    },
    compare(path, before, after) {
        const a = pyc_guard('old', () => parsePycHeader(before));
        const b = pyc_guard('new', () => parsePycHeader(after));
        // Walking both validates them: a damaged code object falls back instead of being half-read.
        const codeA = pyc_guard('old', () => walkCode(before, a));
        const codeB = pyc_guard('new', () => walkCode(after, b));
        if (before.equals(after))
            return [];
        const children = headerFields(path, a, b);
        const bodyA = before.subarray(a.size);
        const bodyB = after.subarray(b.size);
        if (bodyA.equals(bodyB)) {
            for (const child of children)
                child.summary = `${child.summary} (header only: ${HEADER_ONLY})`;
            return children;
        }
        children.push(codeChildren(path, [bodyA, bodyB], [codeA, codeB], [a.size, b.size]));
        return children;
    },
    describe(path, children) {
        const header = children.filter((c) => !c.path.startsWith(`${path}:${CODE}`)).map((c) => c.path.slice(path.length + 1));
        const code = children.find((c) => c.path === `${path}:${CODE}`);
        if (code === undefined)
            return header.length === 0 ? 'no differences' : `only the header differs (${listText(header)}); ${HEADER_ONLY}`;
        return header.length === 0 ? code.summary : `header differs (${listText(header)}); ${code.summary}`;
    },
};

;// CONCATENATED MODULE: ./src/compare/comparators/sourcemap.ts
/**
 * Source maps (v3): the header fields, the `sources` list (saying so when only an absolute build
 * directory differs), each source's embedded content as a line diff, `names`, and the mappings
 * by segment count. Anything else about the file (formatting) is left to the JSON and text
 * comparators by returning no difference.
 */



const sourcemap_VALUE_CHARS = 200;
const sourcemap_HANDLED = new Set(['version', 'file', 'sourceRoot', 'sources', 'sourcesContent', 'names', 'mappings']);
function parseMap(buf, side) {
    let text = decodeText(buf, side).text;
    // The spec lets servers prefix `)]}'` on its own line against XSSI.
    if (text.startsWith(")]}'"))
        text = text.slice(text.indexOf('\n') + 1 || text.length);
    let map;
    try {
        map = JSON.parse(text);
    }
    catch (error) {
        throw new ComparatorFallback(`${side} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (typeof map !== 'object' || map === null || Array.isArray(map))
        throw new ComparatorFallback(`${side} is not a source map: not a JSON object`);
    const m = map;
    if (m.version !== 3)
        throw new ComparatorFallback(`${side} is not a source map v3: version is ${JSON.stringify(m.version) ?? 'missing'}`);
    if ('sections' in m)
        throw new ComparatorFallback(`${side} is an index map (sections): compared as JSON`);
    if (typeof m.mappings !== 'string')
        throw new ComparatorFallback(`${side} is not a source map v3: "mappings" is not a string`);
    if (!Array.isArray(m.sources))
        throw new ComparatorFallback(`${side} is not a source map v3: "sources" is not an array`);
    return m;
}
function sourcemap_show(value) {
    const text = JSON.stringify(value) ?? 'absent';
    return text.length <= sourcemap_VALUE_CHARS ? text : `${text.slice(0, sourcemap_VALUE_CHARS - 1)}…`;
}
function sourcemap_node(path, kind, summary, detail) {
    return { path, kind, comparator: 'sourcemap', summary, detail, causes: [], children: [] };
}
function sourcemap_fieldNode(path, name, before, after, summary) {
    return sourcemap_node(path, 'field', summary ?? `${name}: ${before} → ${after}`, { type: 'field', name, before, after });
}
function isAbsoluteDir(prefix) {
    const path = prefix.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
    return path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\\\');
}
/** `a` = `before + rest` and `b` = `after + rest`, with the split at a directory separator. */
function splitPrefix(a, b) {
    let common = 0;
    while (common < a.length && common < b.length && a[a.length - 1 - common] === b[b.length - 1 - common])
        common++;
    // Walk the common tail back until both prefixes end with a separator.
    for (let keep = common; keep > 0; keep--) {
        const before = a.slice(0, a.length - keep);
        const after = b.slice(0, b.length - keep);
        if (/[/\\]$/.test(before) && /[/\\]$/.test(after))
            return { before, after };
    }
    return null;
}
/** When the two lists differ only by one absolute directory prefix, that prefix pair. */
function prefixChange(a, b) {
    if (a.length !== b.length)
        return null;
    let found = null;
    let count = 0;
    for (let i = 0; i < a.length; i++) {
        if (a[i] === b[i])
            continue;
        const split = splitPrefix(a[i], b[i]);
        if (split === null || !isAbsoluteDir(split.before) || !isAbsoluteDir(split.after))
            return null;
        if (found !== null && (found.before !== split.before || found.after !== split.after))
            return null;
        found = split;
        count++;
    }
    return found === null ? null : { ...found, count };
}
/** Adds, removals and in-place replacements between two string lists, as pointer changes. */
function listChanges(key, a, b) {
    const { runs } = alignLines(a, b);
    const changes = [];
    let i = 0;
    let j = 0;
    for (const run of [...runs, { oldIndex: a.length, newIndex: b.length, length: 0 }]) {
        const removed = run.oldIndex - i;
        const added = run.newIndex - j;
        const paired = Math.min(removed, added);
        for (let k = 0; k < paired; k++) {
            changes.push({ pointer: `/${key}/${j + k}`, op: 'replace', before: sourcemap_show(a[i + k]), after: sourcemap_show(b[j + k]) });
        }
        for (let k = paired; k < removed; k++)
            changes.push({ pointer: `/${key}/${i + k}`, op: 'remove', before: sourcemap_show(a[i + k]) });
        for (let k = paired; k < added; k++)
            changes.push({ pointer: `/${key}/${j + k}`, op: 'add', after: sourcemap_show(b[j + k]) });
        i = run.oldIndex + run.length;
        j = run.newIndex + run.length;
    }
    return changes;
}
function sameMembers(a, b) {
    if (a.length !== b.length)
        return false;
    const sortedA = [...a].sort();
    const sortedB = [...b].sort();
    return sortedA.every((item, i) => item === sortedB[i]);
}
function sourcemap_plural(n, word) {
    return `${n} ${word}${n === 1 ? '' : 's'}`;
}
function compareList(path, key, a, b) {
    if (a.length === b.length && a.every((item, i) => item === b[i]))
        return null;
    const at = `${path}:${key}`;
    const prefix = prefixChange(a, b);
    if (prefix !== null) {
        const changes = listChanges(key, a, b);
        return sourcemap_node(at, 'json', `${key} differ only by directory prefix: ${prefix.before} → ${prefix.after} (${prefix.count} of ${a.length} ${key})`, { type: 'json', changes, truncated: false });
    }
    if (sameMembers(a, b)) {
        return sourcemap_node(at, 'order', `same ${sourcemap_plural(a.length, key.replace(/s$/, ''))} in another order`, { type: 'order', before: [...a], after: [...b] });
    }
    const changes = listChanges(key, a, b);
    const counts = ['add', 'remove', 'replace']
        .map((op) => ({ op, n: changes.filter((c) => c.op === op).length }))
        .filter(({ n }) => n > 0)
        .map(({ op, n }) => `${n} ${op === 'add' ? 'added' : op === 'remove' ? 'removed' : 'replaced'}`);
    return sourcemap_node(at, 'json', `${key} changed: ${counts.join(', ')}`, { type: 'json', changes, truncated: false });
}
function strings(list) {
    return Array.isArray(list) ? list.map((item) => (typeof item === 'string' ? item : JSON.stringify(item) ?? 'null')) : [];
}
function countSegments(mappings) {
    let count = 0;
    let inSegment = false;
    for (let i = 0; i < mappings.length; i++) {
        const c = mappings.charCodeAt(i);
        if (c === 44 || c === 59) {
            // ',' or ';'
            if (inSegment)
                count++;
            inSegment = false;
        }
        else {
            inSegment = true;
        }
    }
    return inSegment ? count + 1 : count;
}
/** Pairs of source indices whose content should be compared: by position or by name. */
function sourcePairs(a, b) {
    if (a.length === b.length && (prefixChange(a, b) !== null || a.every((item, i) => item === b[i]))) {
        return a.map((_, i) => [i, i]);
    }
    const index = new Map();
    b.forEach((name, j) => {
        if (!index.has(name))
            index.set(name, j);
    });
    const pairs = [];
    a.forEach((name, i) => {
        const j = index.get(name);
        if (j !== undefined)
            pairs.push([i, j]);
    });
    return pairs;
}
function compareContents(path, a, b, sa, sb, ctx) {
    const out = [];
    const hasA = Array.isArray(a.sourcesContent);
    const hasB = Array.isArray(b.sourcesContent);
    if (hasA !== hasB) {
        const describe = (has, list) => (has ? `embedded (${list.length})` : 'absent');
        out.push(sourcemap_fieldNode(`${path}:sourcesContent`, 'sourcesContent', describe(hasA, a.sourcesContent), describe(hasB, b.sourcesContent)));
        return out;
    }
    if (!hasA)
        return out;
    const contentA = a.sourcesContent;
    const contentB = b.sourcesContent;
    for (const [i, j] of sourcePairs(sa, sb)) {
        const ca = contentA[i] ?? null;
        const cb = contentB[j] ?? null;
        if (ca === cb)
            continue;
        const at = `${path}:sourcesContent[${sb[j]}]`;
        if (typeof ca !== 'string' || typeof cb !== 'string') {
            const describe = (c) => (typeof c === 'string' ? `${c.length} characters` : 'missing');
            out.push(sourcemap_fieldNode(at, 'content', describe(ca), describe(cb)));
            continue;
        }
        try {
            out.push(...text_compareText(at, ca, cb, ctx.limits, 'sourcemap'));
        }
        catch (error) {
            if (error.name !== 'ComparatorFallback')
                throw error;
            const changed = sourcemap_fieldNode(at, 'content', `${ca.length} characters`, `${cb.length} characters`);
            changed.fallback = error.message;
            out.push(changed);
        }
    }
    return out;
}
const sourcemapComparator = {
    id: 'sourcemap',
    recognizes(path, head) {
        if (!path.toLowerCase().endsWith('.map'))
            return false;
        const start = head.subarray(head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 3 : 0).toString('latin1').trimStart();
        return start.startsWith('{') || start.startsWith(")]}'");
    },
    compare(path, before, after, ctx) {
        if (before.equals(after))
            return [];
        const a = parseMap(before, 'old side');
        const b = parseMap(after, 'new side');
        const out = [];
        for (const key of ['file', 'sourceRoot']) {
            if (JSON.stringify(a[key]) !== JSON.stringify(b[key]))
                out.push(sourcemap_fieldNode(`${path}:${key}`, key, sourcemap_show(a[key]), sourcemap_show(b[key])));
        }
        const sa = strings(a.sources);
        const sb = strings(b.sources);
        const sources = compareList(path, 'sources', sa, sb);
        if (sources !== null)
            out.push(sources);
        out.push(...compareContents(path, a, b, sa, sb, ctx));
        const names = compareList(path, 'names', strings(a.names), strings(b.names));
        if (names !== null)
            out.push(names);
        if (a.mappings !== b.mappings) {
            const na = countSegments(a.mappings);
            const nb = countSegments(b.mappings);
            out.push(sourcemap_fieldNode(`${path}:mappings`, 'mappings', `${na} segments`, `${nb} segments`, `mappings changed (${na} → ${nb} segments)`));
        }
        const others = new Set([...Object.keys(a), ...Object.keys(b)].filter((key) => !sourcemap_HANDLED.has(key)));
        for (const key of [...others].sort()) {
            if (JSON.stringify(a[key]) !== JSON.stringify(b[key]))
                out.push(sourcemap_fieldNode(`${path}:${key}`, key, sourcemap_show(a[key]), sourcemap_show(b[key])));
        }
        return out;
    },
};

;// CONCATENATED MODULE: ./src/compare/archive/bytes.ts
/**
 * Bounds-checked reading and the small formatters the archive comparators share. Archive headers
 * are hostile input: every offset and length is checked against the buffer before it is used, and
 * a failed check says what was being read, where, and how much was there.
 */
/** An archive's structure cannot be read: truncated, corrupt, or over a hard cap. */
class ArchiveFormatError extends Error {
    name = 'ArchiveFormatError';
}
/** Expanding a member or stream would pass the expansion budget (a bomb, or just too big). */
class ExpansionLimitError extends Error {
    name = 'ExpansionLimitError';
}
/** `length` bytes at `offset`, or an ArchiveFormatError naming `what` when they are not all there. */
function take(buf, offset, length, what) {
    if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || offset < 0 || length < 0) {
        throw new ArchiveFormatError(`${what}: invalid offset ${offset} or length ${length}`);
    }
    if (offset + length > buf.length) {
        throw new ArchiveFormatError(`${what}: needs ${length} bytes at offset ${offset}, but the data ends at ${buf.length}`);
    }
    return buf.subarray(offset, offset + length);
}
/** An unsigned 64-bit little-endian value that must fit a safe integer (offsets, sizes). */
function readU64(buf, offset, what) {
    const value = take(buf, offset, 8, what).readBigUInt64LE(0);
    if (value > BigInt(Number.MAX_SAFE_INTEGER))
        throw new ArchiveFormatError(`${what}: value ${value} is too large`);
    return Number(value);
}
/** Tracks how many bytes one side may still expand; shared by every member of one archive side. */
class ExpansionBudget {
    limit;
    used = 0;
    constructor(limit) {
        this.limit = limit;
    }
    get remaining() {
        return Math.max(0, this.limit - this.used);
    }
    /** Accounts for `bytes` already produced, or throws when they pass the limit. */
    spend(bytes, what) {
        if (bytes > this.remaining) {
            throw new ExpansionLimitError(`${what} expands past the ${formatSize(this.limit)} expansion cap`);
        }
        this.used += bytes;
    }
}
/** Node's `maxOutputLength` must be at least 1; 0 still lets an empty stream decode. */
function outputCap(bytes) {
    return Math.max(1, Math.min(bytes, 0x7fffffff));
}
/** True for zlib's "output would pass maxOutputLength" error. */
function isOutputLimitError(error) {
    return error?.code === 'ERR_BUFFER_TOO_LARGE';
}
/** An error's message; zlib's errors may come from another realm, so no `instanceof`. */
function errorMessage(error) {
    const message = error?.message;
    return typeof message === 'string' ? message : String(error);
}
function formatSize(bytes) {
    if (bytes < 1024)
        return `${bytes} B`;
    const units = ['KiB', 'MiB', 'GiB', 'TiB'];
    let value = bytes / 1024;
    let unit = 0;
    while (value >= 1024 && unit < units.length - 1) {
        value /= 1024;
        unit++;
    }
    return `${Number.isInteger(value) ? value : value.toFixed(1)} ${units[unit]}`;
}
function bytes_hex(value, digits = 8) {
    return `0x${value.toString(16).padStart(digits, '0')}`;
}
/** Up to `max` bytes as hex, with the total length when cut. */
function bytes_hexBytes(data, max = 48) {
    const shown = data.subarray(0, max).toString('hex');
    return data.length > max ? `${shown}… (${data.length} bytes)` : shown || '(empty)';
}
/** Seconds since the epoch as `2024-01-01T00:00:00Z (1704067200)`; the epoch shows as evidence. */
function formatEpoch(seconds, text = String(seconds)) {
    const ms = seconds * 1000;
    if (!Number.isFinite(ms) || Math.abs(ms) > 8.64e15)
        return text;
    return `${new Date(ms).toISOString().replace(/\.000Z$/, 'Z')} (${text})`;
}
const PERMISSION_BITS = 'rwxrwxrwx';
/** Permission bits as `0755 (rwxr-xr-x)`, with setuid/setgid/sticky folded into the x positions. */
function formatPermissions(mode) {
    const chars = [...PERMISSION_BITS].map((c, i) => ((mode >> (8 - i)) & 1 ? c : '-'));
    if (mode & 0o4000)
        chars[2] = chars[2] === 'x' ? 's' : 'S';
    if (mode & 0o2000)
        chars[5] = chars[5] === 'x' ? 's' : 'S';
    if (mode & 0o1000)
        chars[8] = chars[8] === 'x' ? 't' : 'T';
    return `${(mode & 0o7777).toString(8).padStart(4, '0')} (${chars.join('')})`;
}
/** Control characters escaped so a hostile member name cannot break a report line. */
function displayName(name) {
    return name.replace(/[\u0000-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}
/** A note for names that would escape an extraction root; such names are reported, never acted on. */
function unsafeNameNote(name) {
    const segments = name.split(/[\\/]/);
    if (name.startsWith('/') || name.startsWith('\\') || /^[A-Za-z]:/.test(name))
        return ' (absolute path)';
    if (segments.includes('..'))
        return ' (path escapes the archive root)';
    return '';
}
/** The last path segment of a display path (`a.zip!/dir/x.tar.gz` → `x.tar.gz`). */
function baseName(path) {
    const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    return path.slice(cut + 1);
}

;// CONCATENATED MODULE: ./src/compare/archive/gzip-reader.ts
/**
 * gzip (RFC 1952): member headers, and the payload of every member expanded under a budget.
 * Member boundaries come from inflating each deflate stream, so multi-member files (`cat a.gz
 * b.gz`, pigz --independent, bgzip) are read member by member.
 */


const FTEXT = 0x01;
const FHCRC = 0x02;
const FEXTRA = 0x04;
const FNAME = 0x08;
const FCOMMENT = 0x10;
/** Members read before giving up: each costs a header and a trailer, so this only stops abuse. */
const MAX_MEMBERS = 10_000;
function isGzip(head) {
    return head.length >= 3 && head[0] === 0x1f && head[1] === 0x8b && head[2] === 8;
}
function zeroTerminated(buf, at, what) {
    const end = buf.indexOf(0, at);
    if (end < 0)
        throw new ArchiveFormatError(`truncated gzip header: ${what} has no terminating zero`);
    return [buf.toString('latin1', at, end), end + 1];
}
/** Parses the member header at `offset`; ArchiveFormatError when it is not all there. */
function parseGzipHeader(buf, offset) {
    const fixed = take(buf, offset, 10, 'gzip header');
    if (fixed[0] !== 0x1f || fixed[1] !== 0x8b)
        throw new ArchiveFormatError(`no gzip magic at offset ${offset}`);
    const method = fixed[2] ?? 0;
    if (method !== 8)
        throw new ArchiveFormatError(`gzip member at offset ${offset} uses compression method ${method}, not deflate (8)`);
    const flags = fixed[3] ?? 0;
    let at = offset + 10;
    let extra;
    let name;
    let comment;
    let headerCrc;
    if (flags & FEXTRA) {
        const length = take(buf, at, 2, 'gzip FEXTRA length').readUInt16LE(0);
        extra = take(buf, at + 2, length, 'gzip FEXTRA field');
        at += 2 + length;
    }
    if (flags & FNAME)
        [name, at] = zeroTerminated(buf, at, 'FNAME');
    if (flags & FCOMMENT)
        [comment, at] = zeroTerminated(buf, at, 'FCOMMENT');
    if (flags & FHCRC) {
        headerCrc = take(buf, at, 2, 'gzip FHCRC').readUInt16LE(0);
        at += 2;
    }
    return { method, flags, mtime: fixed.readUInt32LE(4), xfl: fixed[8] ?? 0, os: fixed[9] ?? 0, extra, name, comment, headerCrc, length: at - offset };
}
function isInflateInfo(value) {
    if (typeof value !== 'object' || value === null || !('buffer' in value) || !('engine' in value))
        return false;
    const engine = value.engine;
    return Buffer.isBuffer(value.buffer) && typeof engine === 'object' && engine !== null && 'bytesWritten' in engine && typeof engine.bytesWritten === 'number';
}
/** Inflates one raw deflate stream and says how many input bytes it used. */
function inflateMember(input, maxOutput) {
    const result = (0,external_node_zlib_namespaceObject.inflateRawSync)(input, { info: true, maxOutputLength: outputCap(maxOutput) });
    if (!isInflateInfo(result))
        throw new ArchiveFormatError('zlib returned no stream information');
    return result;
}
/** Deflate cannot expand more than 1032:1 (a 258-byte match per two bits). */
const MAX_DEFLATE_RATIO = 1032;
/**
 * What the last member says it expands to, when that is believable. ISIZE is the size mod 2^32,
 * so the real size is at least that: a bomb whose ISIZE passes the budget is refused before
 * anything is inflated. A value deflate could not produce (a truncated file) is no evidence: 0.
 */
function declaredLastSize(buf) {
    if (buf.length < 18)
        return 0;
    const size = buf.readUInt32LE(buf.length - 4);
    return size <= buf.length * MAX_DEFLATE_RATIO ? size : 0;
}
/** Expands every member; ExpansionLimitError past the budget, ArchiveFormatError when corrupt. */
function decodeGzip(buf, budget) {
    if (declaredLastSize(buf) > budget.remaining) {
        throw new ExpansionLimitError(`the last gzip member declares ${formatSize(declaredLastSize(buf))} uncompressed (ISIZE), more than the ${formatSize(budget.limit)} expansion cap`);
    }
    const members = [];
    const parts = [];
    let at = 0;
    while (at < buf.length) {
        if (members.length > 0 && !(buf[at] === 0x1f && buf[at + 1] === 0x8b))
            break;
        if (members.length >= MAX_MEMBERS)
            throw new ArchiveFormatError(`more than ${MAX_MEMBERS} gzip members`);
        const header = parseGzipHeader(buf, at);
        const what = `gzip member ${members.length + 1}`;
        const start = at + header.length;
        let inflated;
        try {
            inflated = inflateMember(buf.subarray(start), budget.remaining);
        }
        catch (error) {
            if (isOutputLimitError(error))
                throw new ExpansionLimitError(`${what} expands past the ${formatSize(budget.limit)} expansion cap`);
            throw new ArchiveFormatError(`${what} at offset ${at}: deflate data corrupt or truncated (${errorMessage(error)})`);
        }
        budget.spend(inflated.buffer.length, what);
        const trailer = take(buf, start + inflated.engine.bytesWritten, 8, `${what} trailer`);
        const stored = trailer.readUInt32LE(0);
        const computed = (0,external_node_zlib_namespaceObject.crc32)(inflated.buffer);
        if (stored !== computed)
            throw new ArchiveFormatError(`${what}: CRC-32 mismatch (stored ${bytes_hex(stored)}, computed ${bytes_hex(computed)})`);
        if (trailer.readUInt32LE(4) !== inflated.buffer.length % 2 ** 32) {
            throw new ArchiveFormatError(`${what}: ISIZE ${trailer.readUInt32LE(4)} does not match the ${inflated.buffer.length} bytes inflated`);
        }
        members.push(header);
        parts.push(inflated.buffer);
        at = start + inflated.engine.bytesWritten + 8;
    }
    return { members, payload: parts.length === 1 ? parts[0] : Buffer.concat(parts), trailing: buf.subarray(at) };
}

;// CONCATENATED MODULE: ./src/compare/archive/nodes.ts

/** A header field or attribute that differs: `x.tar.gz:gzip.mtime`, `a.jar!/A.class:zip.dos-time`. */
function fieldDifference(comparator, path, name, before, after, summary) {
    return {
        path: `${path}:${comparator}.${name}`,
        kind: 'field',
        comparator,
        summary,
        detail: { type: 'field', name, before, after },
        causes: [],
        children: [],
    };
}
/**
 * Collects field differences for one subject: `add(name, label, before, after)` records one when
 * the two values differ, summarised as `label: before → after`.
 */
class FieldCollector {
    differences = [];
    comparator;
    path;
    subject;
    constructor(comparator, path, subject) {
        this.comparator = comparator;
        this.path = path;
        this.subject = subject;
    }
    add(name, label, before, after) {
        if (before === after)
            return;
        const summary = `${this.subject}${label}: ${before} → ${after}`;
        this.differences.push(fieldDifference(this.comparator, this.path, name, before, after, summary));
    }
}
/**
 * A nested file that differs but was not expanded (depth cap, expansion cap, unsupported or
 * corrupt data): a `modified` leaf whose `fallback` says why, so the report can show it.
 */
function unexpandedNode(comparator, path, summary, reason) {
    return { path, kind: 'modified', comparator, summary: `${summary}; not expanded: ${reason}`, causes: [], children: [], fallback: reason };
}
/** The note used when nesting one more level would pass `maxDepth`. */
function depthCapReason(ctx) {
    return `nesting deeper than ${ctx.limits.maxDepth} levels`;
}
/** Whether a member may be expanded and compared by the registry at this depth. */
function canNest(ctx) {
    return ctx.depth < ctx.limits.maxDepth;
}
/** Member path in a container: `dist/a.jar!/META-INF/MANIFEST.MF`. */
function memberPath(path, name) {
    return `${path}!/${displayName(name)}`;
}
/** Gives each member a unique key: its name, and `name [#2]`… for later duplicates. */
function memberKeys(names) {
    const seen = new Map();
    return names.map((name) => {
        const count = (seen.get(name) ?? 0) + 1;
        seen.set(name, count);
        return count === 1 ? name : `${name} [#${count}]`;
    });
}
/**
 * Members added and removed, and one `order` difference when the members both sides share appear
 * in another relative order. `describe(key, side)` adds a size or type to the added/removed lines.
 */
function diffMemberSets(comparator, path, before, after, describe) {
    const inBefore = new Set(before);
    const inAfter = new Set(after);
    const differences = [];
    const commonBefore = before.filter((key) => inAfter.has(key));
    const common = after.filter((key) => inBefore.has(key));
    const firstMoved = common.findIndex((key, i) => commonBefore[i] !== key);
    if (firstMoved >= 0) {
        const position = new Map(commonBefore.map((key, i) => [key, i]));
        const moved = common.length - longestIncreasingRun(common.map((key) => position.get(key) ?? 0));
        differences.push({
            path: `${path}:${comparator}.order`,
            kind: 'order',
            comparator,
            summary: `member order changed: ${moved} of ${common.length} shared members moved ` +
                `(first at position ${firstMoved + 1}: ${displayName(commonBefore[firstMoved] ?? '')} → ${displayName(common[firstMoved] ?? '')})`,
            detail: { type: 'order', before: commonBefore.map(displayName), after: common.map(displayName) },
            causes: [],
            children: [],
        });
    }
    for (const key of before) {
        if (inAfter.has(key))
            continue;
        differences.push(memberChange(comparator, path, key, 'removed', describe(key, 'before')));
    }
    for (const key of after) {
        if (inBefore.has(key))
            continue;
        differences.push(memberChange(comparator, path, key, 'added', describe(key, 'after')));
    }
    return { differences, common };
}
function memberChange(comparator, path, key, kind, what) {
    return {
        path: memberPath(path, key),
        kind,
        comparator,
        summary: `member ${kind}: ${displayName(key)}${what === '' ? '' : ` (${what})`}${unsafeNameNote(key)}`,
        causes: [],
        children: [],
    };
}
/** Length of the longest strictly increasing subsequence: the members that kept their relative order. */
function longestIncreasingRun(values) {
    const tails = [];
    for (const value of values) {
        let lo = 0;
        let hi = tails.length;
        while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if ((tails[mid] ?? 0) < value)
                lo = mid + 1;
            else
                hi = mid;
        }
        tails[lo] = value;
    }
    return tails.length;
}
/** Name of a decompressed payload: `x.tar.gz` → `x.tar`, `x.tgz` → `x.tar`, `x.bin` → `x.bin-content`. */
function payloadName(name, suffixes) {
    const lower = name.toLowerCase();
    for (const [suffix, replacement] of suffixes) {
        if (lower.endsWith(suffix) && lower.length > suffix.length)
            return name.slice(0, -suffix.length) + replacement;
    }
    return `${name}-content`;
}

;// CONCATENATED MODULE: ./src/compare/archive/xz-reader.ts
/**
 * xz (.xz file format 1.1.0): what can be known without an LZMA2 decoder — streams, check type,
 * the filter chain and dictionary size of each stream's first block, and the index (block count,
 * uncompressed size). Streams are found from the end, footer → index → header, as xz does.
 */

const xz_reader_HEADER_MAGIC = Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]);
const FOOTER_MAGIC = Buffer.from('YZ', 'latin1');
const MAX_STREAMS = 1000;
const MAX_RECORDS = 100_000;
function isXz(head) {
    return head.length >= 6 && head.subarray(0, 6).equals(xz_reader_HEADER_MAGIC);
}
const CHECK_NAMES = { 0: 'none', 1: 'CRC32', 4: 'CRC64', 10: 'SHA-256' };
const FILTER_NAMES = {
    0x03: 'delta', 0x04: 'x86 BCJ', 0x05: 'PowerPC BCJ', 0x06: 'IA-64 BCJ', 0x07: 'ARM BCJ', 0x08: 'ARM-Thumb BCJ',
    0x09: 'SPARC BCJ', 0x0a: 'ARM64 BCJ', 0x0b: 'RISC-V BCJ', 0x21: 'LZMA2',
};
/** A multibyte integer (1–9 bytes, 7 bits each, little-endian). */
function readVli(buf, at, what) {
    let value = 0;
    for (let i = 0; i < 9; i++) {
        const byte = take(buf, at + i, 1, what)[0] ?? 0;
        value += (byte & 0x7f) * 2 ** (7 * i);
        if (!(byte & 0x80)) {
            if (!Number.isSafeInteger(value))
                throw new ArchiveFormatError(`${what}: value too large`);
            return [value, at + i + 1];
        }
    }
    throw new ArchiveFormatError(`${what}: integer longer than 9 bytes`);
}
function lzma2Dictionary(props) {
    const bits = props[0] ?? 0;
    if (bits > 40)
        return 'invalid dictionary size';
    const size = bits === 40 ? 0xffffffff : (2 | (bits & 1)) * 2 ** (Math.floor(bits / 2) + 11);
    return `dictionary ${formatSize(size)}`;
}
function describeFilters(buf, at, end) {
    const what = `xz block header at offset ${at}`;
    const sizeByte = take(buf, at, 1, what)[0] ?? 0;
    if (sizeByte === 0)
        return '';
    const headerEnd = at + (sizeByte + 1) * 4;
    if (headerEnd > end)
        throw new ArchiveFormatError(`${what}: runs past the stream`);
    const flags = take(buf, at + 1, 1, what)[0] ?? 0;
    let p = at + 2;
    if (flags & 0x40)
        p = readVli(buf, p, `${what}: compressed size`)[1];
    if (flags & 0x80)
        p = readVli(buf, p, `${what}: uncompressed size`)[1];
    const filters = [];
    for (let i = 0; i <= (flags & 3); i++) {
        const [id, afterId] = readVli(buf, p, `${what}: filter id`);
        const [size, afterSize] = readVli(buf, afterId, `${what}: filter properties size`);
        if (afterSize + size > headerEnd)
            throw new ArchiveFormatError(`${what}: filter properties run past the header`);
        const props = buf.subarray(afterSize, afterSize + size);
        const name = FILTER_NAMES[id] ?? `filter 0x${id.toString(16)}`;
        filters.push(id === 0x21 ? `${name} (${lzma2Dictionary(props)})` : name);
        p = afterSize + size;
    }
    return filters.join(', ');
}
function readStream(buf, footerEnd, padding) {
    const footer = take(buf, footerEnd - 12, 12, 'xz stream footer');
    if (!footer.subarray(10, 12).equals(FOOTER_MAGIC))
        throw new ArchiveFormatError(`no xz stream footer magic at offset ${footerEnd - 2}`);
    const indexSize = (footer.readUInt32LE(4) + 1) * 4;
    const indexStart = footerEnd - 12 - indexSize;
    const index = take(buf, indexStart, indexSize, 'xz index');
    if (index[0] !== 0)
        throw new ArchiveFormatError(`no xz index indicator at offset ${indexStart}`);
    const [records, first] = readVli(index, 1, 'xz index record count');
    let at = first;
    if (records > MAX_RECORDS)
        throw new ArchiveFormatError(`xz index lists ${records} blocks, over the cap of ${MAX_RECORDS}`);
    let blocksLength = 0;
    let uncompressedSize = 0;
    for (let i = 0; i < records; i++) {
        let unpadded;
        let uncompressed;
        [unpadded, at] = readVli(index, at, `xz index record ${i + 1}`);
        [uncompressed, at] = readVli(index, at, `xz index record ${i + 1}`);
        blocksLength += Math.ceil(unpadded / 4) * 4;
        uncompressedSize += uncompressed;
    }
    const offset = indexStart - blocksLength - 12;
    const header = take(buf, offset, 12, 'xz stream header (from the index)');
    if (!header.subarray(0, 6).equals(xz_reader_HEADER_MAGIC))
        throw new ArchiveFormatError(`xz index does not lead to a stream header (offset ${offset})`);
    if (!header.subarray(6, 8).equals(footer.subarray(8, 10)))
        throw new ArchiveFormatError('xz stream header and footer flags differ');
    return {
        offset,
        length: footerEnd - offset,
        checkType: (header[7] ?? 0) & 0x0f,
        filters: records > 0 ? describeFilters(buf, offset + 12, indexStart) : '',
        blocks: records,
        uncompressedSize,
        padding,
    };
}
/** Every stream, first to last; ArchiveFormatError with the offset of what does not add up. */
function parseXz(buf) {
    const streams = [];
    let end = buf.length;
    while (end > 0) {
        if (streams.length >= MAX_STREAMS)
            throw new ArchiveFormatError(`more than ${MAX_STREAMS} xz streams`);
        let padding = 0;
        while (end - padding >= 4 && buf.readUInt32LE(end - padding - 4) === 0)
            padding += 4;
        if (padding === end)
            break;
        const stream = readStream(buf, end - padding, padding);
        streams.unshift(stream);
        end = stream.offset;
    }
    if (streams.length === 0)
        throw new ArchiveFormatError('no xz stream found');
    return streams;
}

;// CONCATENATED MODULE: ./src/compare/archive/zstd-reader.ts
/**
 * zstd (RFC 8878): frame headers walked block by block without decoding, skippable frames kept as
 * metadata, and the payload expanded frame by frame with Node's zstd under a budget (Node's
 * decoder stops after the first frame, so frames are decoded one at a time).
 */


const ZSTD_MAGIC = 0xfd2fb528;
const MAX_FRAMES = 10_000;
function isSkippableMagic(magic) {
    return (magic & 0xfffffff0) === 0x184d2a50;
}
function isZstd(head) {
    if (head.length < 4)
        return false;
    const magic = head.readUInt32LE(0);
    return magic === ZSTD_MAGIC || isSkippableMagic(magic);
}
function readFrame(buf, offset, index) {
    const what = `zstd frame ${index + 1} at offset ${offset}`;
    const descriptor = take(buf, offset + 4, 1, `${what}: header`)[0] ?? 0;
    if (descriptor & 0x08)
        throw new ArchiveFormatError(`${what}: reserved header bit set`);
    const fcsFlag = descriptor >> 6;
    const singleSegment = (descriptor & 0x20) !== 0;
    const checksum = (descriptor & 0x04) !== 0;
    const didSize = [0, 1, 2, 4][descriptor & 3] ?? 0;
    const fcsSize = fcsFlag === 0 ? (singleSegment ? 1 : 0) : [0, 2, 4, 8][fcsFlag] ?? 0;
    let at = offset + 5;
    let windowSize;
    if (!singleSegment) {
        const byte = take(buf, at, 1, `${what}: window descriptor`)[0] ?? 0;
        const base = 2 ** (10 + (byte >> 3));
        windowSize = base + (base / 8) * (byte & 7);
        at += 1;
    }
    const did = take(buf, at, didSize, `${what}: dictionary id`);
    const dictionaryId = didSize === 0 ? 0 : did.readUIntLE(0, didSize);
    at += didSize;
    let contentSize;
    if (fcsSize === 8)
        contentSize = readU64(buf, at, `${what}: content size`);
    else if (fcsSize > 0)
        contentSize = take(buf, at, fcsSize, `${what}: content size`).readUIntLE(0, fcsSize) + (fcsSize === 2 ? 256 : 0);
    at += fcsSize;
    if (singleSegment)
        windowSize = contentSize;
    const headerLength = at - offset;
    let blocks = 0;
    for (;;) {
        const header = take(buf, at, 3, `${what}: block ${blocks + 1} header`).readUIntLE(0, 3);
        const type = (header >> 1) & 3;
        const size = header >> 3;
        if (type === 3)
            throw new ArchiveFormatError(`${what}: block ${blocks + 1} has the reserved block type`);
        const bodyLength = type === 1 ? 1 : size;
        take(buf, at + 3, bodyLength, `${what}: block ${blocks + 1}`);
        at += 3 + bodyLength;
        blocks++;
        if (header & 1)
            break;
    }
    const blocksEnd = at - offset;
    if (checksum) {
        take(buf, at, 4, `${what}: content checksum`);
        at += 4;
    }
    return { kind: 'zstd', offset, length: at - offset, headerLength, blocksEnd, contentSize, windowSize, dictionaryId, checksum, singleSegment, blocks };
}
/** Walks every frame; ArchiveFormatError with the frame and offset when one is cut or corrupt. */
function parseZstdFrames(buf) {
    const frames = [];
    let at = 0;
    while (at < buf.length) {
        if (frames.length >= MAX_FRAMES)
            throw new ArchiveFormatError(`more than ${MAX_FRAMES} zstd frames`);
        const magic = take(buf, at, 4, `zstd frame ${frames.length + 1} magic`).readUInt32LE(0);
        if (isSkippableMagic(magic)) {
            const size = take(buf, at + 4, 4, 'skippable frame size').readUInt32LE(0);
            const data = take(buf, at + 8, size, `skippable frame at offset ${at}`);
            frames.push({ kind: 'skippable', offset: at, length: 8 + size, variant: magic & 0x0f, data });
            at += 8 + size;
        }
        else if (magic === ZSTD_MAGIC) {
            const frame = readFrame(buf, at, frames.length);
            frames.push(frame);
            at += frame.length;
        }
        else {
            throw new ArchiveFormatError(`no zstd frame magic at offset ${at} (found 0x${magic.toString(16).padStart(8, '0')})`);
        }
    }
    return frames;
}
/** The decoded content of every zstd frame, in order; skippable frames carry no content. */
function decodeZstd(buf, frames, budget) {
    const parts = [];
    frames.forEach((frame, index) => {
        if (frame.kind !== 'zstd')
            return;
        const what = `zstd frame ${index + 1}`;
        if (frame.dictionaryId !== 0)
            throw new ArchiveFormatError(`${what} needs dictionary ${frame.dictionaryId}, which is not available`);
        if (frame.contentSize !== undefined && frame.contentSize > budget.remaining) {
            throw new ExpansionLimitError(`${what} declares ${formatSize(frame.contentSize)} of content, more than the ${formatSize(budget.limit)} expansion cap`);
        }
        const cap = Math.min(budget.remaining, frame.contentSize ?? budget.remaining);
        let data;
        try {
            data = (0,external_node_zlib_namespaceObject.zstdDecompressSync)(buf.subarray(frame.offset, frame.offset + frame.length), { maxOutputLength: outputCap(cap) });
        }
        catch (error) {
            if (isOutputLimitError(error))
                throw new ExpansionLimitError(`${what} expands past the ${formatSize(budget.limit)} expansion cap`);
            throw new ArchiveFormatError(`${what} at offset ${frame.offset}: data corrupt (${errorMessage(error)})`);
        }
        budget.spend(data.length, what);
        parts.push(data);
    });
    return parts.length === 1 ? parts[0] : Buffer.concat(parts);
}

;// CONCATENATED MODULE: ./src/compare/comparators/streams.ts
/**
 * Single compressed streams — gzip, zstd, xz: header fields (gzip MTIME and FNAME, zstd content
 * size and dictionary id, xz check and filters) kept apart from the payload. A difference only in
 * a header is reported as exactly that: fields, no payload child. A differing payload is expanded
 * under the expansion cap and compared by the whole registry (so `x.tar.gz` nests into tar).
 */







const GZIP_SUFFIXES = [['.tgz', '.tar'], ['.taz', '.tar'], ['.svgz', '.svg'], ['.gz', ''], ['.z', '']];
const ZSTD_SUFFIXES = [['.tzst', '.tar'], ['.zstd', ''], ['.zst', '']];
const XZ_SUFFIXES = [['.txz', '.tar'], ['.xz', '']];
function payloadPath(path, suffixes) {
    return `${path}!/${payloadName(baseName(path), suffixes)}`;
}
function parseOrFallback(comparator, label, parse) {
    try {
        return parse();
    }
    catch (error) {
        throw new ComparatorFallback(`cannot read the ${comparator} stream (${label}): ${errorMessage(error)}`);
    }
}
function digest(data) {
    return `sha256 ${(0,external_node_crypto_namespaceObject.createHash)('sha256').update(data).digest('hex').slice(0, 16)}…`;
}
/**
 * The payload's differences, none when the compressed bodies are equal. Limits (depth, size)
 * become an explained leaf; a corrupt payload too, unless no header field differs, in which case
 * the registry falls back to bytes with the reason.
 */
function comparePayload(job) {
    const { comparator, target, bodies, ctx } = job;
    if (bodies[0].equals(bodies[1]))
        return [];
    const summary = `compressed payload differs (${formatSize(bodies[0].length)} → ${formatSize(bodies[1].length)})`;
    if (!canNest(ctx))
        return [unexpandedNode(comparator, target, summary, depthCapReason(ctx))];
    const payloads = [];
    for (const side of ['before', 'after']) {
        try {
            payloads.push(job.decode(side, new ExpansionBudget(ctx.limits.maxExpandedBytes)));
        }
        catch (error) {
            const reason = `${side}: ${errorMessage(error)}`;
            const limited = error.name === 'ExpansionLimitError';
            if (!limited && !job.foundFields)
                throw new ComparatorFallback(`${comparator} payload not decoded: ${reason}`);
            return [unexpandedNode(comparator, target, summary, reason)];
        }
    }
    const [before, after] = payloads;
    if (before.equals(after)) {
        const same = new FieldCollector(comparator, job.path, '');
        const sizes = bodies[0].length !== bodies[1].length;
        same.add('compressed-data', `same payload (${formatSize(before.length)}), compressed differently`, sizes ? `${bodies[0].length} bytes compressed` : digest(bodies[0]), sizes ? `${bodies[1].length} bytes compressed` : digest(bodies[1]));
        return same.differences;
    }
    return [ctx.compareNested(target, before, after)];
}
// ---------------------------------------------------------------------------------------------
// gzip
const GZIP_OS = {
    0: 'FAT', 1: 'Amiga', 2: 'VMS', 3: 'Unix', 4: 'VM/CMS', 5: 'Atari TOS', 6: 'HPFS', 7: 'Macintosh', 8: 'Z-System',
    9: 'CP/M', 10: 'TOPS-20', 11: 'NTFS', 12: 'QDOS', 13: 'Acorn RISCOS', 255: 'unknown',
};
const XFL_NAMES = { 2: 'maximum compression', 4: 'fastest compression' };
/** FLG bits not already shown by their own fields (FNAME, FCOMMENT, FEXTRA presence). */
function formatFlg(flags) {
    const shown = flags & ~(FNAME | FCOMMENT | FEXTRA);
    const names = [];
    if (shown & 0x01)
        names.push('FTEXT');
    if (shown & 0x02)
        names.push('FHCRC');
    if (shown & 0xe0)
        names.push(`reserved 0x${(shown & 0xe0).toString(16)}`);
    return names.length > 0 ? names.join(', ') : '(none)';
}
function gzipFields(path, prefix, a, b) {
    const fields = new FieldCollector('gzip', path, '');
    const label = prefix === '' ? 'gzip' : `gzip ${prefix}`;
    const key = prefix === '' ? '' : `${prefix}.`;
    const mtime = (h) => (h.mtime === 0 ? '0 (not set)' : formatEpoch(h.mtime));
    const text = (value) => (value === undefined ? '(absent)' : JSON.stringify(value));
    fields.add(`${key}mtime`, `${label} MTIME`, mtime(a), mtime(b));
    fields.add(`${key}fname`, `${label} FNAME (original file name)`, text(a.name), text(b.name));
    fields.add(`${key}fcomment`, `${label} FCOMMENT`, text(a.comment), text(b.comment));
    fields.add(`${key}fextra`, `${label} FEXTRA`, a.extra === undefined ? '(absent)' : bytes_hexBytes(a.extra), b.extra === undefined ? '(absent)' : bytes_hexBytes(b.extra));
    fields.add(`${key}os`, `${label} OS`, `${a.os} (${GZIP_OS[a.os] ?? 'undefined'})`, `${b.os} (${GZIP_OS[b.os] ?? 'undefined'})`);
    fields.add(`${key}xfl`, `${label} XFL`, `${a.xfl}${XFL_NAMES[a.xfl] ? ` (${XFL_NAMES[a.xfl]})` : ''}`, `${b.xfl}${XFL_NAMES[b.xfl] ? ` (${XFL_NAMES[b.xfl]})` : ''}`);
    fields.add(`${key}flg`, `${label} FLG`, formatFlg(a.flags), formatFlg(b.flags));
    return fields.differences;
}
const gzipComparator = {
    id: 'gzip',
    recognizes: (_path, head) => isGzip(head),
    compare(path, before, after, ctx) {
        const ha = parseOrFallback('gzip', 'before', () => parseGzipHeader(before, 0));
        const hb = parseOrFallback('gzip', 'after', () => parseGzipHeader(after, 0));
        const fields = gzipFields(path, '', ha, hb);
        const target = payloadPath(path, GZIP_SUFFIXES);
        const bodies = [before.subarray(ha.length), after.subarray(hb.length)];
        const streams = new Map();
        const decode = (side, budget) => {
            const stream = decodeGzip(side === 'before' ? before : after, budget);
            streams.set(side, stream);
            return stream.payload;
        };
        const payload = comparePayload({ comparator: 'gzip', path, target, foundFields: fields.length > 0, bodies, decode, ctx });
        const sa = streams.get('before');
        const sb = streams.get('after');
        if (sa === undefined || sb === undefined)
            return [...fields, ...payload];
        // Later members of a multi-member file, and what follows the last one.
        const extra = new FieldCollector('gzip', path, '');
        extra.add('members', 'gzip members', String(sa.members.length), String(sb.members.length));
        extra.add('trailing', 'bytes after the last gzip member', bytes_hexBytes(sa.trailing), bytes_hexBytes(sb.trailing));
        const later = [];
        for (let i = 1; i < Math.min(sa.members.length, sb.members.length); i++) {
            later.push(...gzipFields(path, `member${i + 1}`, sa.members[i], sb.members[i]));
        }
        return [...fields, ...extra.differences, ...later, ...payload];
    },
};
// ---------------------------------------------------------------------------------------------
// zstd
function zstdFields(path, prefix, a, b) {
    const fields = new FieldCollector('zstd', path, '');
    const label = prefix === '' ? 'zstd' : `zstd ${prefix}`;
    const key = prefix === '' ? '' : `${prefix}.`;
    const size = (value) => (value === undefined ? '(not recorded)' : `${value} bytes`);
    fields.add(`${key}content-size`, `${label} frame content size`, size(a.contentSize), size(b.contentSize));
    fields.add(`${key}dictionary-id`, `${label} dictionary id`, a.dictionaryId === 0 ? '(none)' : String(a.dictionaryId), b.dictionaryId === 0 ? '(none)' : String(b.dictionaryId));
    fields.add(`${key}checksum`, `${label} content checksum`, a.checksum ? 'present' : 'absent', b.checksum ? 'present' : 'absent');
    fields.add(`${key}window-size`, `${label} window size`, size(a.windowSize), size(b.windowSize));
    fields.add(`${key}single-segment`, `${label} single segment`, String(a.singleSegment), String(b.singleSegment));
    return fields.differences;
}
function describeSkippable(frames) {
    const skippable = frames.filter((f) => f.kind === 'skippable');
    if (skippable.length === 0)
        return '(none)';
    return skippable.map((f) => `#${f.variant} ${f.data.length} bytes ${bytes_hexBytes(f.data, 16)}`).join('; ');
}
/** The blocks of every frame: headers and checksums are fields, so only blocks decide the payload. */
function frameBodies(buf, frames) {
    const bodies = frames.filter((f) => f.kind === 'zstd').map((f) => buf.subarray(f.offset + f.headerLength, f.offset + f.blocksEnd));
    return bodies.length === 1 ? bodies[0] : Buffer.concat(bodies);
}
const zstdComparator = {
    id: 'zstd',
    recognizes: (_path, head) => isZstd(head),
    compare(path, before, after, ctx) {
        const fa = parseOrFallback('zstd', 'before', () => parseZstdFrames(before));
        const fb = parseOrFallback('zstd', 'after', () => parseZstdFrames(after));
        const za = fa.filter((f) => f.kind === 'zstd');
        const zb = fb.filter((f) => f.kind === 'zstd');
        const counts = new FieldCollector('zstd', path, '');
        counts.add('frames', 'zstd frames', String(za.length), String(zb.length));
        counts.add('skippable', 'zstd skippable frames', describeSkippable(fa), describeSkippable(fb));
        const fields = [...counts.differences];
        for (let i = 0; i < Math.min(za.length, zb.length); i++) {
            fields.push(...zstdFields(path, i === 0 ? '' : `frame${i + 1}`, za[i], zb[i]));
        }
        const payload = comparePayload({
            comparator: 'zstd',
            path,
            target: payloadPath(path, ZSTD_SUFFIXES),
            foundFields: fields.length > 0,
            bodies: [frameBodies(before, fa), frameBodies(after, fb)],
            decode: (side, budget) => (side === 'before' ? decodeZstd(before, fa, budget) : decodeZstd(after, fb, budget)),
            ctx,
        });
        return [...fields, ...payload];
    },
};
// ---------------------------------------------------------------------------------------------
// xz
/** Why xz payloads are not compared: Node's zlib has no LZMA2 decoder and none is bundled. */
const XZ_NOT_DECODED = 'xz payload not decoded: no xz (LZMA2) decoder is available in this build';
function xzFields(path, prefix, a, b) {
    const fields = new FieldCollector('xz', path, '');
    const label = prefix === '' ? 'xz' : `xz ${prefix}`;
    const key = prefix === '' ? '' : `${prefix}.`;
    const check = (s) => CHECK_NAMES[s.checkType] ?? `check type ${s.checkType}`;
    fields.add(`${key}check`, `${label} integrity check`, check(a), check(b));
    fields.add(`${key}filters`, `${label} filters`, a.filters || '(no blocks)', b.filters || '(no blocks)');
    fields.add(`${key}blocks`, `${label} blocks`, String(a.blocks), String(b.blocks));
    fields.add(`${key}uncompressed-size`, `${label} uncompressed size`, `${a.uncompressedSize} bytes`, `${b.uncompressedSize} bytes`);
    fields.add(`${key}padding`, `${label} stream padding`, `${a.padding} bytes`, `${b.padding} bytes`);
    return fields.differences;
}
const xzComparator = {
    id: 'xz',
    recognizes: (_path, head) => isXz(head),
    compare(path, before, after) {
        if (before.equals(after))
            return [];
        const sa = parseOrFallback('xz', 'before', () => parseXz(before));
        const sb = parseOrFallback('xz', 'after', () => parseXz(after));
        const counts = new FieldCollector('xz', path, '');
        counts.add('streams', 'xz streams', String(sa.length), String(sb.length));
        const fields = [...counts.differences];
        for (let i = 0; i < Math.min(sa.length, sb.length); i++) {
            fields.push(...xzFields(path, i === 0 ? '' : `stream${i + 1}`, sa[i], sb[i]));
        }
        if (fields.length === 0)
            throw new ComparatorFallback(`${XZ_NOT_DECODED}; stream headers, filters and index are identical`);
        const target = payloadPath(path, XZ_SUFFIXES);
        return [...fields, unexpandedNode('xz', target, `compressed payload differs (${formatSize(before.length)} → ${formatSize(after.length)})`, XZ_NOT_DECODED)];
    },
};

;// CONCATENATED MODULE: ./src/compare/archive/tar-reader.ts
/**
 * A read-only tar parser: v7, ustar, GNU (long names/links, base-256 numbers) and POSIX pax
 * (extended and global headers). Every header's checksum is verified and every size is checked
 * against the buffer; member data are views into it, never copies.
 */

const BLOCK = 512;
/** Long names and pax headers larger than this are hostile, not metadata. */
const MAX_META_BYTES = 1024 * 1024;
function tar_reader_text(field) {
    const nul = field.indexOf(0);
    return (nul < 0 ? field : field.subarray(0, nul)).toString('utf8');
}
/** An octal field, or GNU base-256 (high bit set) for values that do not fit. */
function numeric(field, what) {
    const first = field[0] ?? 0;
    if (first & 0x80) {
        let value = BigInt(first & 0x7f) - (first & 0x40 ? 0x80n : 0n);
        for (const byte of field.subarray(1))
            value = (value << 8n) | BigInt(byte);
        if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
            throw new ArchiveFormatError(`${what}: base-256 value ${value} is out of range`);
        }
        return Number(value);
    }
    const digits = field.toString('latin1').replace(/\0.*$/s, '').trim();
    if (digits === '')
        return 0;
    if (!/^[0-7]+$/.test(digits))
        throw new ArchiveFormatError(`${what}: "${digits}" is not an octal number`);
    const value = parseInt(digits, 8);
    if (!Number.isSafeInteger(value))
        throw new ArchiveFormatError(`${what}: ${digits} is out of range`);
    return value;
}
function verifyChecksum(header, offset) {
    const stored = numeric(header.subarray(148, 156), `header checksum at offset ${offset}`);
    let unsigned = 0;
    let signed = 0;
    for (let i = 0; i < BLOCK; i++) {
        const byte = i >= 148 && i < 156 ? 0x20 : (header[i] ?? 0);
        unsigned += byte;
        signed += byte > 127 ? byte - 256 : byte;
    }
    // Some historic tars summed signed bytes; both are accepted, as GNU tar does.
    if (stored !== unsigned && stored !== signed) {
        throw new ArchiveFormatError(`header checksum mismatch at offset ${offset}: stored ${stored}, computed ${unsigned}`);
    }
}
/** `len key=value\n` records (POSIX pax); a malformed record stops the parse with its offset. */
function parsePax(data, offset) {
    const records = new Map();
    let at = 0;
    while (at < data.length) {
        if (data[at] === 0)
            break;
        const space = data.indexOf(0x20, at);
        const length = space < 0 ? NaN : Number(data.toString('latin1', at, space));
        if (!Number.isSafeInteger(length) || length <= space - at || at + length > data.length) {
            throw new ArchiveFormatError(`malformed pax record at offset ${offset + at}`);
        }
        const record = data.toString('utf8', space + 1, at + length - 1);
        const equals = record.indexOf('=');
        if (equals < 0)
            throw new ArchiveFormatError(`pax record without "=" at offset ${offset + at}`);
        records.set(record.slice(0, equals), record.slice(equals + 1));
        at += length;
    }
    return records;
}
function formatOf(header) {
    const magic = header.toString('latin1', 257, 263);
    if (magic === 'ustar\0')
        return 'ustar';
    if (magic === 'ustar ')
        return 'gnu';
    return 'v7';
}
/** Whether `head` starts with a tar header: ustar/GNU magic, or (v7) a valid checksum. */
function looksLikeTar(head, allowV7) {
    if (head.length < BLOCK)
        return false;
    const header = head.subarray(0, BLOCK);
    if (formatOf(header) === 'v7' && !allowV7)
        return false;
    if (header.every((byte) => byte === 0))
        return false;
    try {
        verifyChecksum(header, 0);
        return true;
    }
    catch {
        return false;
    }
}
/** Types whose size field does not announce data blocks. */
const NO_DATA_TYPES = new Set(['1', '2', '3', '4', '6']);
/** Parses every header of a tar; throws ArchiveFormatError with the offset of what is wrong. */
function parseTar(buf, maxEntries) {
    const entries = [];
    const globals = [];
    let pax = new Map();
    let longName;
    let longLink;
    let at = 0;
    let trailerStart = buf.length;
    while (at < buf.length) {
        if (buf.length - at < BLOCK) {
            if (buf.subarray(at).every((byte) => byte === 0)) {
                trailerStart = at;
                break;
            }
            throw new ArchiveFormatError(`truncated: ${buf.length - at} bytes at offset ${at} are not a whole 512-byte header`);
        }
        const header = buf.subarray(at, at + BLOCK);
        if (header.every((byte) => byte === 0)) {
            trailerStart = at;
            break;
        }
        verifyChecksum(header, at);
        const format = formatOf(header);
        const rawType = String.fromCharCode(header[156] ?? 0);
        const type = rawType === '\0' ? '0' : rawType;
        const what = `header at offset ${at}`;
        const declared = numeric(header.subarray(124, 136), `${what}: size`);
        const size = NO_DATA_TYPES.has(type) ? 0 : type === 'x' || type === 'g' || type === 'L' || type === 'K' ? declared : Number(pax.get('size') ?? declared);
        if (!Number.isSafeInteger(size) || size < 0)
            throw new ArchiveFormatError(`${what}: invalid size ${pax.get('size') ?? declared}`);
        const dataStart = at + BLOCK;
        if (size > buf.length - dataStart) {
            throw new ArchiveFormatError(`truncated: ${what} declares ${size} bytes of data, but only ${buf.length - dataStart} remain`);
        }
        const data = buf.subarray(dataStart, dataStart + size);
        const next = dataStart + Math.ceil(size / BLOCK) * BLOCK;
        if ((type === 'x' || type === 'g' || type === 'L' || type === 'K') && size > MAX_META_BYTES) {
            throw new ArchiveFormatError(`${what}: ${size}-byte metadata header is over the ${MAX_META_BYTES}-byte cap`);
        }
        if (type === 'x') {
            pax = new Map([...pax, ...parsePax(data, dataStart)]);
        }
        else if (type === 'g') {
            for (const [key, value] of parsePax(data, dataStart))
                globals.push(`${key}=${value}`);
        }
        else if (type === 'L') {
            longName = tar_reader_text(data);
        }
        else if (type === 'K') {
            longLink = tar_reader_text(data);
        }
        else {
            if (entries.length >= maxEntries)
                throw new ArchiveFormatError(`tar has more than ${maxEntries} members (the cap)`);
            const prefix = format === 'ustar' ? tar_reader_text(header.subarray(345, 500)) : '';
            const shortName = tar_reader_text(header.subarray(0, 100));
            const name = pax.get('path') ?? longName ?? (prefix === '' ? shortName : `${prefix}/${shortName}`);
            const ids = (key, field, label) => {
                const value = pax.get(key);
                return value !== undefined && /^\d+$/.test(value) ? Number(value) : numeric(field, `${what}: ${label}`);
            };
            const rest = new Map(pax);
            for (const key of ['path', 'linkpath', 'size', 'mtime', 'uid', 'gid', 'uname', 'gname'])
                rest.delete(key);
            entries.push({
                name,
                type,
                mode: numeric(header.subarray(100, 108), `${what}: mode`),
                uid: ids('uid', header.subarray(108, 116), 'uid'),
                gid: ids('gid', header.subarray(116, 124), 'gid'),
                mtime: pax.get('mtime') ?? String(numeric(header.subarray(136, 148), `${what}: mtime`)),
                size,
                linkName: pax.get('linkpath') ?? longLink ?? tar_reader_text(header.subarray(157, 257)),
                uname: pax.get('uname') ?? (format === 'v7' ? '' : tar_reader_text(header.subarray(265, 297))),
                gname: pax.get('gname') ?? (format === 'v7' ? '' : tar_reader_text(header.subarray(297, 329))),
                devMajor: format === 'v7' ? 0 : numeric(header.subarray(329, 337), `${what}: devmajor`),
                devMinor: format === 'v7' ? 0 : numeric(header.subarray(337, 345), `${what}: devminor`),
                format,
                pax: rest,
                data,
                offset: at,
            });
            pax = new Map();
            longName = undefined;
            longLink = undefined;
        }
        // The last member's padding may be cut short; its data are all there.
        at = Math.min(next, buf.length);
    }
    if (longName !== undefined || longLink !== undefined || pax.size > 0) {
        throw new ArchiveFormatError('truncated: the archive ends after a long-name or pax header, before its member');
    }
    return { entries, globals, trailer: buf.subarray(trailerStart) };
}

;// CONCATENATED MODULE: ./src/compare/comparators/tar.ts
/**
 * Tar (v7, ustar, GNU, pax): members added and removed, member order, each member's header fields
 * (type, mode, uid/gid, uname/gname, mtime, link target, device, other pax records) and, for
 * members whose data differ, the data compared by the whole registry. Compressed tars reach this
 * comparator through the stream comparators (gzip, zstd), which nest their payload.
 */




/** Hard cap on members per archive. */
const MAX_TAR_ENTRIES = 100_000;
const TYPE_NAMES = {
    '0': 'regular file',
    '1': 'hard link',
    '2': 'symlink',
    '3': 'character device',
    '4': 'block device',
    '5': 'directory',
    '6': 'fifo',
    '7': 'contiguous file',
    D: 'GNU dump directory',
    M: 'GNU multi-volume continuation',
    S: 'GNU sparse file',
    V: 'GNU volume label',
};
function typeName(type) {
    return TYPE_NAMES[type] ?? `type ${JSON.stringify(type)}`;
}
/** Types whose data are file content worth comparing. */
const CONTENT_TYPES = new Set(['0', '7', 'S', 'D', 'M']);
function readSide(buf, label) {
    let archive;
    try {
        archive = parseTar(buf, MAX_TAR_ENTRIES);
    }
    catch (error) {
        throw new ComparatorFallback(`cannot read the tar (${label}): ${errorMessage(error)}`);
    }
    const keys = memberKeys(archive.entries.map((e) => e.name));
    return { archive, keys, byKey: new Map(keys.map((key, i) => [key, archive.entries[i]])) };
}
function formatMode(mode) {
    return mode > 0o7777 ? `${formatPermissions(mode)} [raw ${mode.toString(8)}]` : formatPermissions(mode);
}
function formatTime(value) {
    if (value === undefined)
        return '(absent)';
    const seconds = Number(value);
    return Number.isFinite(seconds) ? formatEpoch(seconds, value) : JSON.stringify(value);
}
/** Pax records that are times are shown as dates, the rest as they are. */
function paxValue(key, value) {
    if (value === undefined)
        return '(absent)';
    return /(^|\.)(atime|ctime|mtime)$/.test(key) ? formatTime(value) : JSON.stringify(value);
}
/** What ends the archive; zero padding to the record size is left out (it follows from the sizes). */
function describeTrailer(trailer) {
    if (trailer.length === 0)
        return 'no end-of-archive blocks';
    if (!trailer.every((byte) => byte === 0))
        return `${trailer.length} bytes after the last member, not all zero (${bytes_hexBytes(trailer, 16)})`;
    return trailer.length >= 1024 ? 'end-of-archive blocks' : `short end-of-archive marker (${trailer.length} zero bytes)`;
}
function archiveFields(path, a, b) {
    const fields = new FieldCollector('tar', path, '');
    fields.add('pax-global', 'global pax records', JSON.stringify(a.globals), JSON.stringify(b.globals));
    fields.add('end', 'end of archive', describeTrailer(a.trailer), describeTrailer(b.trailer));
    return fields.differences;
}
/** Padding length matters only when nothing else explains why the bytes differ (another blocking factor). */
function paddingField(path, a, b) {
    const fields = new FieldCollector('tar', path, '');
    fields.add('end-padding', 'zero padding after the last member (tar blocking factor)', `${a.trailer.length} bytes`, `${b.trailer.length} bytes`);
    return fields.differences;
}
function memberFields(path, key, a, b) {
    const fields = new FieldCollector('tar', memberPath(path, key), `${displayName(key)}${unsafeNameNote(key)}: `);
    fields.add('type', 'type', typeName(a.type), typeName(b.type));
    fields.add('mode', 'mode', formatMode(a.mode), formatMode(b.mode));
    fields.add('uid', 'uid', String(a.uid), String(b.uid));
    fields.add('gid', 'gid', String(a.gid), String(b.gid));
    fields.add('uname', 'owner name', JSON.stringify(a.uname), JSON.stringify(b.uname));
    fields.add('gname', 'group name', JSON.stringify(a.gname), JSON.stringify(b.gname));
    fields.add('mtime', 'mtime', formatTime(a.mtime), formatTime(b.mtime));
    fields.add('link-target', 'link target', JSON.stringify(a.linkName), JSON.stringify(b.linkName));
    fields.add('device', 'device numbers', `${a.devMajor},${a.devMinor}`, `${b.devMajor},${b.devMinor}`);
    fields.add('header-format', 'header format', a.format, b.format);
    for (const record of [...new Set([...a.pax.keys(), ...b.pax.keys()])].sort()) {
        fields.add(`pax.${record}`, `pax ${record}`, paxValue(record, a.pax.get(record)), paxValue(record, b.pax.get(record)));
    }
    return fields.differences;
}
function compareData(path, key, a, b, ctx) {
    if (a.data.equals(b.data))
        return [];
    const target = memberPath(path, key);
    const subject = `${displayName(key)}${unsafeNameNote(key)}`;
    if (!CONTENT_TYPES.has(a.type) || !CONTENT_TYPES.has(b.type)) {
        return [unexpandedNode('tar', target, `${subject}: data differ (${a.data.length} → ${b.data.length} bytes)`, `${typeName(a.type)} → ${typeName(b.type)} carries no file content`)];
    }
    if (!canNest(ctx)) {
        return [unexpandedNode('tar', target, `${subject}: content differs (${a.data.length} → ${b.data.length} bytes)`, depthCapReason(ctx))];
    }
    return [ctx.compareNested(target, a.data, b.data)];
}
const tarComparator = {
    id: 'tar',
    recognizes(path, head) {
        return looksLikeTar(head, /\.tar$/i.test(path));
    },
    compare(path, before, after, ctx) {
        const a = readSide(before, 'before');
        const b = readSide(after, 'after');
        const describe = (key, side) => {
            const entry = (side === 'before' ? a : b).byKey.get(key);
            return entry === undefined ? '' : entry.type === '0' ? `${entry.size} bytes` : typeName(entry.type);
        };
        const members = diffMemberSets('tar', path, a.keys, b.keys, describe);
        const differences = [...members.differences, ...archiveFields(path, a.archive, b.archive)];
        for (const key of members.common) {
            const ea = a.byKey.get(key);
            const eb = b.byKey.get(key);
            if (ea === undefined || eb === undefined)
                continue;
            differences.push(...memberFields(path, key, ea, eb), ...compareData(path, key, ea, eb, ctx));
        }
        return differences.length > 0 ? differences : paddingField(path, a.archive, b.archive);
    },
};

;// CONCATENATED MODULE: ./src/compare/archive/zip-reader.ts
/**
 * A read-only zip parser (APPNOTE 6.3.x): end of central directory (+ zip64), central directory,
 * local headers, and member expansion (stored, deflate, zstd) under an expansion budget. Nothing
 * is trusted: every size and offset is checked against the buffer, entry counts are capped, and
 * expansion never passes a member's declared size or the budget.
 */


const SIG_LOCAL = 0x04034b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;
const SIG_DATA_DESCRIPTOR = 0x08074b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
const FLAG_ENCRYPTED = 0x0001;
const FLAG_DATA_DESCRIPTOR = 0x0008;
const FLAG_UTF8 = 0x0800;
const CP437_HIGH = 'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜ¢£¥₧ƒáíóúñÑªº¿⌐¬½¼¡«»░▒▓│┤╡╢╖╕╣║╗╝╜╛┐└┴┬├─┼╞╟╚╔╩╦╠═╬╧╨╤╥╙╘╒╓╫╪┘┌█▄▌▐▀αßΓπΣσµτΦΘΩδ∞φε∩≡±≥≤⌠⌡÷≈°∙·√ⁿ²■\u00a0';
/** Names and comments are UTF-8 when flag bit 11 says so, IBM code page 437 otherwise. */
function zip_reader_decodeText(raw, flags) {
    if (flags & FLAG_UTF8)
        return raw.toString('utf8');
    let text = '';
    for (const byte of raw)
        text += byte < 0x80 ? String.fromCharCode(byte) : CP437_HIGH[byte - 0x80];
    return text;
}
/** Extra fields as (id, data); a malformed tail (as zipalign padding can be) is kept as id -1. */
function parseExtra(raw) {
    const fields = [];
    let at = 0;
    while (at + 4 <= raw.length) {
        const id = raw.readUInt16LE(at);
        const size = raw.readUInt16LE(at + 2);
        if (at + 4 + size > raw.length)
            break;
        fields.push({ id, data: raw.subarray(at + 4, at + 4 + size) });
        at += 4 + size;
    }
    if (at < raw.length)
        fields.push({ id: -1, data: raw.subarray(at) });
    return fields;
}
function findEndRecord(buf) {
    if (buf.length < EOCD_SIZE) {
        throw new ArchiveFormatError(`${buf.length} bytes is too short for a zip end-of-central-directory record (22 bytes)`);
    }
    const lowest = Math.max(0, buf.length - EOCD_SIZE - MAX_COMMENT);
    let loose = -1;
    for (let at = buf.length - EOCD_SIZE; at >= lowest; at--) {
        if (buf.readUInt32LE(at) !== SIG_EOCD)
            continue;
        const end = at + EOCD_SIZE + buf.readUInt16LE(at + 20);
        if (end === buf.length)
            return at;
        if (end < buf.length && loose < 0)
            loose = at;
    }
    if (loose >= 0)
        return loose;
    throw new ArchiveFormatError('no zip end-of-central-directory record in the last 65,557 bytes: truncated, or not a zip');
}
function readEndRecord(buf, maxEntries) {
    const at = findEndRecord(buf);
    const eocd = take(buf, at, EOCD_SIZE, 'end-of-central-directory record');
    const disk = eocd.readUInt16LE(4);
    const cdDisk = eocd.readUInt16LE(6);
    let entries = eocd.readUInt16LE(10);
    let cdSize = eocd.readUInt32LE(12);
    let cdOffset = eocd.readUInt32LE(16);
    const comment = take(buf, at + EOCD_SIZE, eocd.readUInt16LE(20), 'archive comment');
    let cdEnd = at;
    let zip64 = false;
    if (at >= 20 && buf.readUInt32LE(at - 20) === SIG_EOCD64_LOCATOR) {
        zip64 = true;
        const declared = readU64(buf, at - 20 + 8, 'zip64 end-of-central-directory locator');
        // An archive with a prefix (SFX stub) keeps offsets relative to the zip: look there too.
        const candidates = [declared, at - 20 - 56];
        const record = candidates.find((offset) => offset >= 0 && offset + 56 <= at - 20 && buf.readUInt32LE(offset) === SIG_EOCD64);
        if (record === undefined)
            throw new ArchiveFormatError(`zip64 end-of-central-directory record not found at offset ${declared}`);
        const eocd64 = take(buf, record, 56, 'zip64 end-of-central-directory record');
        if (eocd64.readUInt32LE(16) !== 0 || eocd64.readUInt32LE(20) !== 0) {
            throw new ArchiveFormatError('multi-disk (spanned) zip archives are not supported');
        }
        entries = readU64(eocd64, 32, 'zip64 entry count');
        cdSize = readU64(eocd64, 40, 'zip64 central directory size');
        cdOffset = readU64(eocd64, 48, 'zip64 central directory offset');
        cdEnd = record;
    }
    else if (disk !== 0 || cdDisk !== 0) {
        throw new ArchiveFormatError('multi-disk (spanned) zip archives are not supported');
    }
    if (entries > maxEntries)
        throw new ArchiveFormatError(`zip declares ${entries} entries, over the cap of ${maxEntries}`);
    return { entries, cdSize, cdOffset, cdEnd, comment, zip64 };
}
/** Replaces 0xFFFF… placeholders with the zip64 extra field's values, in the order APPNOTE 4.5.3 gives. */
function applyZip64(extra, values, name) {
    const needSize = values.size === 0xffffffff;
    const needCompressed = values.compressedSize === 0xffffffff;
    const needOffset = values.offset === 0xffffffff;
    if (!needSize && !needCompressed && !needOffset)
        return;
    const field = extra.find((f) => f.id === 0x0001);
    if (field === undefined)
        throw new ArchiveFormatError(`member "${name}": zip64 sizes are missing their extra field`);
    let at = 0;
    const what = `member "${name}": zip64 extra field`;
    if (needSize) {
        values.size = readU64(field.data, at, what);
        at += 8;
    }
    if (needCompressed) {
        values.compressedSize = readU64(field.data, at, what);
        at += 8;
    }
    if (needOffset)
        values.offset = readU64(field.data, at, what);
}
function readLocal(buf, offset, name) {
    const fixed = take(buf, offset, 30, `local header of "${name}"`);
    if (fixed.readUInt32LE(0) !== SIG_LOCAL) {
        throw new ArchiveFormatError(`member "${name}": no local header signature at offset ${offset}`);
    }
    const flags = fixed.readUInt16LE(6);
    const nameLength = fixed.readUInt16LE(26);
    const extraLength = fixed.readUInt16LE(28);
    const rawName = take(buf, offset + 30, nameLength, `local name of "${name}"`);
    const extra = take(buf, offset + 30 + nameLength, extraLength, `local extra field of "${name}"`);
    return {
        header: {
            versionNeeded: fixed.readUInt16LE(4),
            flags,
            method: fixed.readUInt16LE(8),
            dosTime: fixed.readUInt16LE(10),
            dosDate: fixed.readUInt16LE(12),
            name: zip_reader_decodeText(rawName, flags),
            extra: parseExtra(extra),
        },
        dataStart: offset + 30 + nameLength + extraLength,
    };
}
/** Length of a data descriptor at `at` (with or without its optional signature, zip64 or not). */
function descriptorLength(buf, at, zip64Sizes) {
    const signed = at + 4 <= buf.length && buf.readUInt32LE(at) === SIG_DATA_DESCRIPTOR;
    return (signed ? 4 : 0) + 4 + (zip64Sizes ? 16 : 8);
}
/** Parses the whole directory of a zip; throws ArchiveFormatError with the precise problem. */
function parseZip(buf, maxEntries) {
    const end = readEndRecord(buf, maxEntries);
    const cdStart = end.cdEnd - end.cdSize;
    if (cdStart < 0)
        throw new ArchiveFormatError(`central directory size ${end.cdSize} is larger than the data before its end record`);
    // Bytes prepended to the archive (launch scripts, SFX stubs) shift every offset by the same amount.
    const shift = cdStart - end.cdOffset;
    if (shift < 0) {
        throw new ArchiveFormatError(`central directory offset ${end.cdOffset} points past its end record at ${end.cdEnd}: truncated`);
    }
    const entries = [];
    let at = cdStart;
    for (let i = 0; i < end.entries; i++) {
        const what = `central directory entry ${i + 1} of ${end.entries}`;
        const fixed = take(buf, at, 46, what);
        if (fixed.readUInt32LE(0) !== SIG_CENTRAL)
            throw new ArchiveFormatError(`${what}: bad signature at offset ${at}`);
        const flags = fixed.readUInt16LE(8);
        const nameLength = fixed.readUInt16LE(28);
        const extraLength = fixed.readUInt16LE(30);
        const commentLength = fixed.readUInt16LE(32);
        if (at + 46 + nameLength + extraLength + commentLength > end.cdEnd) {
            throw new ArchiveFormatError(`${what}: runs past the end of the central directory at ${end.cdEnd}`);
        }
        const name = zip_reader_decodeText(take(buf, at + 46, nameLength, what), flags);
        const extra = parseExtra(take(buf, at + 46 + nameLength, extraLength, what));
        const comment = zip_reader_decodeText(take(buf, at + 46 + nameLength + extraLength, commentLength, what), flags);
        const values = { size: fixed.readUInt32LE(24), compressedSize: fixed.readUInt32LE(20), offset: fixed.readUInt32LE(42) };
        applyZip64(extra, values, name);
        const { header, dataStart } = readLocal(buf, values.offset + shift, name);
        const dataEnd = dataStart + values.compressedSize;
        if (dataEnd > cdStart) {
            throw new ArchiveFormatError(`member "${name}": ${values.compressedSize} bytes of data at offset ${dataStart} run past the central directory at ${cdStart}`);
        }
        const zip64Sizes = extra.some((f) => f.id === 0x0001);
        const recordEnd = flags & FLAG_DATA_DESCRIPTOR ? Math.min(cdStart, dataEnd + descriptorLength(buf, dataEnd, zip64Sizes)) : dataEnd;
        entries.push({
            name,
            versionMadeBy: fixed.readUInt16LE(4),
            versionNeeded: fixed.readUInt16LE(6),
            flags,
            method: fixed.readUInt16LE(10),
            dosTime: fixed.readUInt16LE(12),
            dosDate: fixed.readUInt16LE(14),
            crc32: fixed.readUInt32LE(16),
            compressedSize: values.compressedSize,
            size: values.size,
            extra,
            comment,
            internalAttributes: fixed.readUInt16LE(36),
            externalAttributes: fixed.readUInt32LE(38),
            local: header,
            localOffset: values.offset + shift,
            dataStart,
            dataEnd,
            recordEnd,
        });
        at += 46 + nameLength + extraLength + commentLength;
    }
    const firstMember = entries.reduce((low, e) => Math.min(low, e.localOffset), cdStart);
    const lastEnd = entries.reduce((high, e) => Math.max(high, e.recordEnd), shift);
    return {
        entries,
        comment: zip_reader_decodeText(end.comment, 0),
        zip64: end.zip64,
        prefix: buf.subarray(0, firstMember),
        gap: buf.subarray(Math.min(lastEnd, cdStart), cdStart),
    };
}
const METHOD_NAMES = {
    0: 'stored',
    1: 'shrunk',
    6: 'imploded',
    8: 'deflate',
    9: 'deflate64',
    12: 'bzip2',
    14: 'lzma',
    93: 'zstd',
    95: 'xz',
    98: 'ppmd',
    99: 'aes-encrypted',
};
/**
 * A member's bytes, expanded: never more than its declared size or what the budget has left.
 * Throws ExpansionLimitError for the caps, ArchiveFormatError for what cannot be decoded.
 */
function expandMember(buf, entry, budget) {
    const what = `member "${entry.name}"`;
    if (entry.flags & FLAG_ENCRYPTED)
        throw new ArchiveFormatError(`${what} is encrypted`);
    if (entry.size > budget.remaining) {
        throw new ExpansionLimitError(`${what} declares ${formatSize(entry.size)} uncompressed, more than the ${formatSize(budget.remaining)} left of the ${formatSize(budget.limit)} expansion cap`);
    }
    const raw = buf.subarray(entry.dataStart, entry.dataEnd);
    let data;
    try {
        switch (entry.method) {
            case 0:
                data = raw;
                break;
            case 8:
                data = (0,external_node_zlib_namespaceObject.inflateRawSync)(raw, { maxOutputLength: outputCap(entry.size) });
                break;
            case 93:
                data = (0,external_node_zlib_namespaceObject.zstdDecompressSync)(raw, { maxOutputLength: outputCap(entry.size) });
                break;
            default:
                throw new ArchiveFormatError(`${what} uses compression method ${entry.method} (${METHOD_NAMES[entry.method] ?? 'unknown'}), which is not decoded`);
        }
    }
    catch (error) {
        if (isOutputLimitError(error)) {
            throw new ExpansionLimitError(`${what} expands past its declared ${formatSize(entry.size)}: corrupt, or a bomb`);
        }
        if (error.name === 'ArchiveFormatError')
            throw error;
        throw new ArchiveFormatError(`${what}: ${METHOD_NAMES[entry.method] ?? 'compressed'} data is corrupt (${errorMessage(error)})`);
    }
    if (data.length !== entry.size) {
        throw new ArchiveFormatError(`${what} expands to ${data.length} bytes, but the directory says ${entry.size}`);
    }
    budget.spend(data.length, what);
    return data;
}

;// CONCATENATED MODULE: ./src/compare/archive/zip-fields.ts
/**
 * Zip header values as text a person can compare: DOS times, extra fields decoded by header id
 * (times rendered as ISO dates with their epoch, so the cause classifier finds the evidence),
 * host systems, attribute bits, flags and methods.
 */


const pad = (n, width = 2) => String(n).padStart(width, '0');
/** DOS date and time (local time, 2-second resolution) as `2020-01-01T00:00:00`. */
function formatDosTime(date, time) {
    const year = 1980 + (date >> 9);
    const month = (date >> 5) & 0x0f;
    const day = date & 0x1f;
    const text = `${year}-${pad(month)}-${pad(day)}T${pad(time >> 11)}:${pad((time >> 5) & 0x3f)}:${pad((time & 0x1f) * 2)}`;
    const valid = month >= 1 && month <= 12 && day >= 1 && time >> 11 < 24 && ((time >> 5) & 0x3f) < 60 && (time & 0x1f) < 30;
    return valid ? text : `${text} (invalid)`;
}
const EXTRA_NAMES = {
    0x0001: 'zip64 sizes',
    0x000a: 'NTFS times',
    0x000d: 'PKWARE unix',
    0x5455: 'extended timestamp',
    0x5855: 'Info-ZIP unix (old)',
    0x7855: 'Info-ZIP unix uid/gid (old)',
    0x7875: 'unix uid/gid',
    0x7075: 'unicode path',
    0x6375: 'unicode comment',
    0x9901: 'AES encryption',
    0xcafe: 'jar marker',
    0xd935: 'Android alignment',
    [-1]: 'malformed extra data',
};
function extraLabel(id) {
    return id < 0 ? EXTRA_NAMES[-1] ?? 'malformed' : `${EXTRA_NAMES[id] ?? 'unknown'} extra field (${bytes_hex(id, 4)})`;
}
function int32(data, at) {
    return at + 4 <= data.length ? data.readInt32LE(at) : undefined;
}
/** Little-endian unsigned integer of any width, as decimal text. */
function uintText(data) {
    let value = 0n;
    for (let i = data.length - 1; i >= 0; i--)
        value = (value << 8n) | BigInt(data[i] ?? 0);
    return value.toString();
}
function describeUnixTime(data) {
    const flags = data[0] ?? 0;
    const parts = [];
    let at = 1;
    for (const [bit, label] of [[1, 'mtime'], [2, 'atime'], [4, 'ctime']]) {
        if (!(flags & bit))
            continue;
        const value = int32(data, at);
        // The central copy sets the flags for all times but carries only mtime.
        if (value === undefined)
            break;
        parts.push(`${label} ${formatEpoch(value)}`);
        at += 4;
    }
    return parts.length > 0 ? parts.join(', ') : `flags ${bytes_hex(flags, 2)}`;
}
function describeUnixIds(data) {
    const uidSize = data[1] ?? 0;
    const gidSizeAt = 2 + uidSize;
    const gidSize = data[gidSizeAt] ?? 0;
    if (data.length < gidSizeAt + 1 + gidSize)
        return bytes_hexBytes(data);
    return `uid ${uintText(data.subarray(2, gidSizeAt))}, gid ${uintText(data.subarray(gidSizeAt + 1, gidSizeAt + 1 + gidSize))}`;
}
/** atime, mtime [, uid, gid]: the layout of 0x000d and 0x5855. */
function describeOldUnix(data) {
    const atime = int32(data, 0);
    const mtime = int32(data, 4);
    if (atime === undefined || mtime === undefined)
        return bytes_hexBytes(data);
    const ids = data.length >= 12 ? `, uid ${data.readUInt16LE(8)}, gid ${data.readUInt16LE(10)}` : '';
    return `mtime ${formatEpoch(mtime)}, atime ${formatEpoch(atime)}${ids}`;
}
const FILETIME_EPOCH_OFFSET = 11644473600n;
function describeNtfs(data) {
    let at = 4;
    while (at + 4 <= data.length) {
        const tag = data.readUInt16LE(at);
        const size = data.readUInt16LE(at + 2);
        if (tag === 1 && size >= 24 && at + 4 + 24 <= data.length) {
            const times = [0, 8, 16].map((o) => {
                const ticks = data.readBigUInt64LE(at + 4 + o);
                return formatEpoch(Number(ticks / 10000000n - FILETIME_EPOCH_OFFSET), String(ticks));
            });
            return `mtime ${times[0]}, atime ${times[1]}, ctime ${times[2]}`;
        }
        at += 4 + size;
    }
    return bytes_hexBytes(data);
}
/** One extra field's content as text; offsets (zip64) are left out because they move with order. */
function describeExtra(field) {
    const { id, data } = field;
    switch (id) {
        case 0x0001:
            return `present (${data.length} bytes)`;
        case 0x000a:
            return describeNtfs(data);
        case 0x000d:
        case 0x5855:
            return describeOldUnix(data);
        case 0x5455:
            return describeUnixTime(data);
        case 0x7875:
            return describeUnixIds(data);
        case 0x7855:
            return data.length >= 4 ? `uid ${data.readUInt16LE(0)}, gid ${data.readUInt16LE(2)}` : `present (${data.length} bytes)`;
        case 0x7075:
        case 0x6375:
            return data.length >= 5 ? JSON.stringify(data.subarray(5).toString('utf8')) : bytes_hexBytes(data);
        case 0xcafe:
            return data.length === 0 ? 'present' : bytes_hexBytes(data);
        case 0xd935:
            return data.length >= 2 ? `align to ${data.readUInt16LE(0)} bytes, ${data.length - 2} padding bytes` : bytes_hexBytes(data);
        default:
            return bytes_hexBytes(data);
    }
}
/** Ids of every extra field of a member, local and central, in ascending order (malformed last). */
function extraIds(entry) {
    const ids = new Set([...entry.extra, ...entry.local.extra].map((f) => f.id));
    return [...ids].sort((x, y) => (x < 0 ? 1 : y < 0 ? -1 : x - y));
}
/** The value of extra field `id` on one member: local and central copies, or `(absent)`. */
function extraValue(entry, id) {
    const render = (fields) => fields.filter((f) => f.id === id).map(describeExtra).join(' + ');
    const local = render(entry.local.extra);
    const central = render(entry.extra);
    if (local === '' && central === '')
        return '(absent)';
    if (local === central)
        return local;
    return [local === '' ? '' : `local: ${local}`, central === '' ? '' : `central: ${central}`].filter((s) => s !== '').join('; ');
}
const HOSTS = {
    0: 'MS-DOS', 1: 'Amiga', 2: 'OpenVMS', 3: 'Unix', 4: 'VM/CMS', 5: 'Atari ST', 6: 'OS/2 HPFS', 7: 'Macintosh',
    8: 'Z-System', 9: 'CP/M', 10: 'NTFS', 11: 'MVS', 12: 'VSE', 13: 'Acorn RISC OS', 14: 'VFAT', 15: 'MVS (alternate)',
    16: 'BeOS', 17: 'Tandem', 18: 'OS/400', 19: 'OS X',
};
function specVersion(value) {
    const v = value & 0xff;
    return `${Math.floor(v / 10)}.${v % 10}`;
}
function formatMadeBy(value) {
    const host = value >> 8;
    return `${HOSTS[host] ?? `host ${host}`}, spec ${specVersion(value)}`;
}
function formatVersionNeeded(value) {
    return specVersion(value);
}
/** Unix mode bits live in the top half of the external attributes when the host is Unix-like. */
function unixMode(entry) {
    const host = entry.versionMadeBy >> 8;
    const mode = entry.externalAttributes >>> 16;
    return host === 3 || host === 19 || mode !== 0 ? mode : undefined;
}
const FILE_TYPES = {
    0o010000: 'p', 0o020000: 'c', 0o040000: 'd', 0o060000: 'b', 0o100000: '-', 0o120000: 'l', 0o140000: 's',
};
function formatUnixMode(mode) {
    if (mode === undefined)
        return '(not recorded)';
    const type = FILE_TYPES[mode & 0o170000] ?? '?';
    const permissions = formatPermissions(mode);
    return `${mode.toString(8).padStart(6, '0')} (${type}${permissions.slice(permissions.indexOf('(') + 1, -1)})`;
}
const DOS_ATTRIBUTES = [
    [0x01, 'read-only'], [0x02, 'hidden'], [0x04, 'system'], [0x08, 'volume'], [0x10, 'directory'], [0x20, 'archive'],
];
function formatDosAttributes(value) {
    const names = DOS_ATTRIBUTES.filter(([bit]) => value & bit).map(([, name]) => name);
    return `${bytes_hex(value, 4)}${names.length > 0 ? ` (${names.join(', ')})` : ''}`;
}
const FLAG_NAMES = [
    [FLAG_ENCRYPTED, 'encrypted'], [0x0008, 'data-descriptor'], [0x0010, 'enhanced-deflate'], [0x0020, 'patched'],
    [0x0040, 'strong-encryption'], [0x0800, 'utf8'], [0x2000, 'masked-headers'],
];
/** Bits 1–2 are the method's options (deflate level); they show under `compression`. */
function formatFlags(flags) {
    const shown = flags & ~0x0006;
    const names = FLAG_NAMES.filter(([bit]) => shown & bit).map(([, name]) => name);
    return `${bytes_hex(shown, 4)}${names.length > 0 ? ` (${names.join(', ')})` : ''}`;
}
const DEFLATE_LEVELS = ['normal', 'maximum', 'fast', 'super fast'];
function formatMethod(method, flags) {
    const name = METHOD_NAMES[method] ?? `method ${method}`;
    return method === 8 ? `${name} (${DEFLATE_LEVELS[(flags >> 1) & 3]})` : name;
}
function formatContentFacts(entry) {
    return `crc32 ${bytes_hex(entry.crc32)}, ${entry.size} bytes`;
}

;// CONCATENATED MODULE: ./src/compare/comparators/zip.ts
/**
 * Zip family (zip, jar, war, whl, apk, aar, nupkg, vsix …): members added and removed, member
 * order, each member's header fields (DOS time, extra fields, attributes, method, flags), the
 * archive comment, and — for members whose bytes differ — the expanded members, compared by the
 * whole registry. Member names are only ever reported, never used as file-system paths.
 */






/** Hard cap on members per archive, whatever the directory claims. */
const MAX_ZIP_ENTRIES = 100_000;
const ZIP_EXTENSIONS = /\.(zip|jar|war|ear|whl|egg|apk|aab|aar|nupkg|vsix|xpi|ipa|jmod)$/i;
function hasZipMagic(head) {
    if (head.length < 4 || head[0] !== 0x50 || head[1] !== 0x4b)
        return false;
    // A local header, or the end record of an empty archive.
    return (head[2] === 0x03 && head[3] === 0x04) || (head[2] === 0x05 && head[3] === 0x06);
}
function zip_readSide(buf, label, ctx) {
    let archive;
    try {
        archive = parseZip(buf, MAX_ZIP_ENTRIES);
    }
    catch (error) {
        throw new ComparatorFallback(`cannot read the zip (${label}): ${errorMessage(error)}`);
    }
    const keys = memberKeys(archive.entries.map((e) => e.name));
    const byKey = new Map(keys.map((key, i) => [key, archive.entries[i]]));
    return { buf, archive, byKey, keys, budget: new ExpansionBudget(ctx.limits.maxExpandedBytes) };
}
function describeBlob(data) {
    if (data.length === 0)
        return '(none)';
    return `${formatSize(data.length)}, sha256 ${(0,external_node_crypto_namespaceObject.createHash)('sha256').update(data).digest('hex').slice(0, 16)}…`;
}
function zip_archiveFields(path, a, b) {
    const fields = new FieldCollector('zip', path, '');
    fields.add('comment', 'archive comment', JSON.stringify(a.comment), JSON.stringify(b.comment));
    fields.add('zip64', 'zip64 end records', a.zip64 ? 'present' : 'absent', b.zip64 ? 'present' : 'absent');
    fields.add('prefix', 'bytes before the first member', describeBlob(a.prefix), describeBlob(b.prefix));
    fields.add('pre-directory-data', 'bytes between the members and the central directory', describeBlob(a.gap), describeBlob(b.gap));
    return fields.differences;
}
function dosTimeValue(e) {
    const central = formatDosTime(e.dosDate, e.dosTime);
    const local = formatDosTime(e.local.dosDate, e.local.dosTime);
    return local === central ? central : `${central} (local header: ${local})`;
}
function sameExtra(a, b) {
    return a.length === b.length && a.every((f, i) => f.id === b[i]?.id && f.data.equals(b[i]?.data ?? Buffer.alloc(0)));
}
/** Cheap raw comparison first: most members of two builds share every header value. */
function sameHeaders(a, b) {
    return (a.dosDate === b.dosDate && a.dosTime === b.dosTime && a.local.dosDate === b.local.dosDate && a.local.dosTime === b.local.dosTime &&
        a.externalAttributes === b.externalAttributes && a.internalAttributes === b.internalAttributes &&
        a.versionMadeBy === b.versionMadeBy && a.versionNeeded === b.versionNeeded && a.method === b.method && a.flags === b.flags &&
        a.comment === b.comment && (a.local.name === a.name) === (b.local.name === b.name) && a.local.name === b.local.name &&
        sameExtra(a.extra, b.extra) && sameExtra(a.local.extra, b.local.extra));
}
function zip_memberFields(path, key, a, b) {
    if (sameHeaders(a, b))
        return [];
    const fields = new FieldCollector('zip', memberPath(path, key), `${displayName(key)}${unsafeNameNote(key)}: `);
    if (a.dosDate !== b.dosDate || a.dosTime !== b.dosTime || a.local.dosDate !== b.local.dosDate || a.local.dosTime !== b.local.dosTime) {
        fields.add('dos-time', 'DOS time', dosTimeValue(a), dosTimeValue(b));
    }
    if (!sameExtra(a.extra, b.extra) || !sameExtra(a.local.extra, b.local.extra)) {
        for (const id of new Set([...extraIds(a), ...extraIds(b)])) {
            const name = id < 0 ? 'extra.malformed' : `extra.0x${id.toString(16).padStart(4, '0')}`;
            fields.add(name, extraLabel(id), extraValue(a, id), extraValue(b, id));
        }
    }
    if (a.externalAttributes !== b.externalAttributes || a.versionMadeBy !== b.versionMadeBy) {
        fields.add('permissions', 'permissions', formatUnixMode(unixMode(a)), formatUnixMode(unixMode(b)));
        fields.add('dos-attributes', 'DOS attributes', formatDosAttributes(a.externalAttributes & 0xffff), formatDosAttributes(b.externalAttributes & 0xffff));
        fields.add('made-by', 'made by', formatMadeBy(a.versionMadeBy), formatMadeBy(b.versionMadeBy));
    }
    fields.add('internal-attributes', 'internal attributes', String(a.internalAttributes), String(b.internalAttributes));
    fields.add('version-needed', 'version needed to extract', formatVersionNeeded(a.versionNeeded), formatVersionNeeded(b.versionNeeded));
    if (a.method !== b.method || a.flags !== b.flags) {
        fields.add('compression', 'compression', formatMethod(a.method, a.flags), formatMethod(b.method, b.flags));
        fields.add('flags', 'flags', formatFlags(a.flags), formatFlags(b.flags));
    }
    if (a.comment !== b.comment)
        fields.add('comment', 'comment', JSON.stringify(a.comment), JSON.stringify(b.comment));
    const localName = (e) => (e.local.name === e.name ? '(same as central)' : JSON.stringify(e.local.name));
    fields.add('local-name', 'local header name', localName(a), localName(b));
    return fields.differences;
}
/** Expands one member on both sides, or says why it could not. */
function expandBoth(a, ea, b, eb) {
    let side = 'before';
    try {
        const da = expandMember(a.buf, ea, a.budget);
        side = 'after';
        return [da, expandMember(b.buf, eb, b.budget)];
    }
    catch (error) {
        return `${side}: ${errorMessage(error)}`;
    }
}
function compareContent(path, key, a, ea, b, eb, ctx) {
    const rawA = a.buf.subarray(ea.dataStart, ea.dataEnd);
    const rawB = b.buf.subarray(eb.dataStart, eb.dataEnd);
    const sameFacts = ea.crc32 === eb.crc32 && ea.size === eb.size;
    if (sameFacts && ea.method === eb.method && rawA.equals(rawB))
        return [];
    const target = memberPath(path, key);
    const subject = `${displayName(key)}${unsafeNameNote(key)}`;
    if (sameFacts) {
        const expanded = expandBoth(a, ea, b, eb);
        if (typeof expanded === 'string')
            return recompressedField(target, subject, ea, rawA, rawB, ` (equal by CRC-32; not expanded: ${expanded})`);
        if (expanded[0].equals(expanded[1]))
            return recompressedField(target, subject, ea, rawA, rawB, '');
        return [canNest(ctx) ? ctx.compareNested(target, expanded[0], expanded[1]) : unexpandedNode('zip', target, `${subject}: content differs`, depthCapReason(ctx))];
    }
    const summary = `${subject}: content differs (${formatContentFacts(ea)} → ${formatContentFacts(eb)})`;
    if (!canNest(ctx))
        return [unexpandedNode('zip', target, summary, depthCapReason(ctx))];
    const expanded = expandBoth(a, ea, b, eb);
    if (typeof expanded === 'string')
        return [unexpandedNode('zip', target, summary, expanded)];
    if (expanded[0].equals(expanded[1])) {
        const fields = new FieldCollector('zip', target, `${subject}: `);
        fields.add('crc32', 'same content, but the recorded CRC-32/size differ', formatContentFacts(ea), formatContentFacts(eb));
        return fields.differences;
    }
    return [ctx.compareNested(target, expanded[0], expanded[1])];
}
/** Same content, other compressed bytes (another deflate level or implementation). */
function recompressedField(target, subject, entry, rawA, rawB, note) {
    const fields = new FieldCollector('zip', target, `${subject}: `);
    const label = `same content (${entry.size} bytes), compressed differently${note}`;
    const sizes = rawA.length !== rawB.length;
    fields.add('compressed-data', label, sizes ? `${rawA.length} bytes compressed` : describeBlob(rawA), sizes ? `${rawB.length} bytes compressed` : describeBlob(rawB));
    return fields.differences;
}
const zipComparator = {
    id: 'zip',
    recognizes(path, head) {
        return hasZipMagic(head) || ZIP_EXTENSIONS.test(path);
    },
    compare(path, before, after, ctx) {
        const a = zip_readSide(before, 'before', ctx);
        const b = zip_readSide(after, 'after', ctx);
        const describe = (key, side) => {
            const entry = (side === 'before' ? a : b).byKey.get(key);
            return entry === undefined ? '' : `${entry.size} bytes`;
        };
        const members = diffMemberSets('zip', path, a.keys, b.keys, describe);
        const differences = [...members.differences, ...zip_archiveFields(path, a.archive, b.archive)];
        for (const key of members.common) {
            const ea = a.byKey.get(key);
            const eb = b.byKey.get(key);
            if (ea === undefined || eb === undefined)
                continue;
            differences.push(...zip_memberFields(path, key, ea, eb), ...compareContent(path, key, a, ea, b, eb, ctx));
        }
        return differences;
    },
};

;// CONCATENATED MODULE: ./src/compare/comparators/index.ts













const DEFAULT_COMPARATORS = [
    zipComparator,
    tarComparator,
    gzipComparator,
    xzComparator,
    zstdComparator,
    elfComparator,
    peComparator,
    machoComparator,
    pycComparator,
    classComparator,
    pngComparator,
    sourcemapComparator,
    jsonComparator,
    textComparator,
    binaryComparator,
];

;// CONCATENATED MODULE: ./src/snapshot/manifest.ts
/**
 * Turns untrusted manifest JSON into a `Manifest`, checking every field a later step relies on:
 * types, ranges, safe paths, sorted unique entries, digests. Anything off is E_MANIFEST.
 */




const CLASSES = ['text', 'binary', 'compressed', 'tensor'];
function fail(where, problem) {
    throw new SnapshotFormatError('E_MANIFEST', `snapshot manifest is invalid at ${where}: ${problem}`);
}
function object(value, where) {
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        fail(where, 'expected an object');
    return value;
}
function array(value, where) {
    if (!Array.isArray(value))
        fail(where, 'expected an array');
    return value;
}
function string(value, where, maxBytes = 1 << 20) {
    if (typeof value !== 'string')
        fail(where, 'expected a string');
    // length (UTF-16 units) ≤ UTF-8 bytes ≤ 3 × length: only count bytes when it can matter.
    if (value.length > maxBytes || (value.length * 3 > maxBytes && Buffer.byteLength(value) > maxBytes))
        fail(where, `longer than ${maxBytes} bytes`);
    return value;
}
function nullableString(value, where) {
    return value === null ? null : string(value, where);
}
function optionalString(value, where) {
    return value === undefined ? undefined : string(value, where);
}
function integer(value, where, max = Number.MAX_SAFE_INTEGER) {
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0 || value > max)
        fail(where, 'expected a non-negative integer');
    return value;
}
function manifest_digest(value, where) {
    if (!isDigest(value))
        fail(where, 'expected a lowercase hex SHA-256');
    return value;
}
function timestamp(value) {
    if (value === null)
        return null;
    const text = string(value, 'createdAt', 64);
    if (!/^([+-]\d{6}|\d{4})-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/.test(text))
        fail('createdAt', 'expected an ISO 8601 UTC time');
    return text;
}
function isDigest(value) {
    if (typeof value !== 'string' || value.length !== 64)
        return false;
    for (let i = 0; i < 64; i++) {
        const c = value.charCodeAt(i);
        if (!((c >= 0x30 && c <= 0x39) || (c >= 0x61 && c <= 0x66)))
            return false;
    }
    return true;
}
function isCount(value, max = Number.MAX_SAFE_INTEGER) {
    return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= max;
}
/**
 * One entry, checked field by field. Runs for every entry of manifests with 100k+ entries, so the
 * location text of an error (`entries[12].mode`) is only built when something is wrong.
 */
function parseEntry(value, index) {
    const at = (field) => `entries[${index}]${field}`;
    if (typeof value !== 'object' || value === null || Array.isArray(value))
        fail(at(''), 'expected an object');
    const e = value;
    const path = e.path;
    if (typeof path !== 'string')
        fail(at('.path'), 'expected a string');
    const problem = entryPathProblem(path);
    if (problem !== null)
        fail(at('.path'), `${problem} (${JSON.stringify(path.slice(0, 200))})`);
    switch (e.type) {
        case 'file': {
            const { size, mode, sha256, chunks } = e;
            const cls = e.class;
            if (!isCount(size))
                fail(at('.size'), 'expected a non-negative integer');
            if (!isCount(mode, 0o7777))
                fail(at('.mode'), 'expected permission bits (0 to 0o7777)');
            if (!isDigest(sha256))
                fail(at('.sha256'), 'expected a lowercase hex SHA-256');
            if (typeof cls !== 'string' || !CLASSES.includes(cls))
                fail(at('.class'), 'unknown content class');
            const entry = { type: 'file', path, mode, size, sha256, class: cls };
            if (chunks !== undefined) {
                if (!Array.isArray(chunks) || chunks.length < 2 || chunks.length > size)
                    fail(at('.chunks'), 'chunk count does not fit the file size');
                for (let i = 0; i < chunks.length; i++)
                    if (!isDigest(chunks[i]))
                        fail(at(`.chunks[${i}]`), 'expected a lowercase hex SHA-256');
                entry.chunks = chunks;
            }
            return entry;
        }
        case 'dir':
            if (!isCount(e.mode, 0o7777))
                fail(at('.mode'), 'expected permission bits (0 to 0o7777)');
            return { type: 'dir', path, mode: e.mode };
        case 'symlink': {
            const target = string(e.target, at('.target'), LIMITS.symlinkTargetBytes);
            if (target.length === 0 || target.includes('\0'))
                fail(at('.target'), 'empty or NUL in symlink target');
            return { type: 'symlink', path, target };
        }
        default:
            return fail(at('.type'), 'expected "file", "dir" or "symlink"');
    }
}
function parseToolchain(value, where) {
    const t = object(value, where);
    if (typeof t.found !== 'boolean')
        fail(`${where}.found`, 'expected a boolean');
    const probe = { name: string(t.name, `${where}.name`), command: string(t.command, `${where}.command`), found: t.found };
    for (const key of ['path', 'realpath', 'version', 'error']) {
        const v = optionalString(t[key], `${where}.${key}`);
        if (v !== undefined)
            probe[key] = v;
    }
    if (t.sha256 !== undefined)
        probe.sha256 = manifest_digest(t.sha256, `${where}.sha256`);
    return probe;
}
function parseMetadata(value) {
    if (value === null)
        return null;
    const m = object(value, 'metadata');
    const r = object(m.runner, 'metadata.runner');
    const runner = { os: string(r.os, 'runner.os'), arch: string(r.arch, 'runner.arch'), release: string(r.release, 'runner.release') };
    for (const key of ['distro', 'image', 'imageVersion']) {
        const v = optionalString(r[key], `runner.${key}`);
        if (v !== undefined)
            runner[key] = v;
    }
    const envObject = object(m.env, 'metadata.env');
    const env = {};
    for (const [key, v] of Object.entries(envObject))
        env[key] = string(v, `metadata.env.${key}`);
    const lockfiles = array(m.lockfiles, 'metadata.lockfiles').map((item, i) => {
        const l = object(item, `metadata.lockfiles[${i}]`);
        return { path: string(l.path, 'lockfile.path'), sha256: manifest_digest(l.sha256, 'lockfile.sha256') };
    });
    const commands = array(m.commands, 'metadata.commands').map((item, i) => {
        const c = object(item, `metadata.commands[${i}]`);
        const out = {
            name: string(c.name, 'command.name'),
            command: string(c.command, 'command.command'),
            exitCode: c.exitCode === null ? null : integer(c.exitCode, 'command.exitCode', 255),
            stdout: string(c.stdout, 'command.stdout'),
        };
        const error = optionalString(c.error, 'command.error');
        if (error !== undefined)
            out.error = error;
        return out;
    });
    return {
        toolchains: array(m.toolchains, 'metadata.toolchains').map((t, i) => parseToolchain(t, `metadata.toolchains[${i}]`)),
        runner,
        env,
        umask: string(m.umask, 'metadata.umask'),
        lockfiles,
        commands,
    };
}
function parseSource(value) {
    const s = object(value, 'source');
    const dirty = s.dirty;
    if (dirty !== null && typeof dirty !== 'boolean')
        fail('source.dirty', 'expected a boolean or null');
    return {
        repository: nullableString(s.repository, 'source.repository'),
        ref: nullableString(s.ref, 'source.ref'),
        sha: nullableString(s.sha, 'source.sha'),
        dirty,
        runId: nullableString(s.runId, 'source.runId'),
    };
}
function parseClasses(value) {
    const c = object(value, 'stats.classes');
    const out = {};
    for (const cls of CLASSES) {
        const one = object(c[cls], `stats.classes.${cls}`);
        out[cls] = { files: integer(one.files, `stats.classes.${cls}.files`), bytes: integer(one.bytes, `stats.classes.${cls}.bytes`) };
    }
    return out;
}
function parseStats(value) {
    const s = object(value, 'stats');
    return {
        classes: parseClasses(s.classes),
        files: integer(s.files, 'stats.files'),
        dirs: integer(s.dirs, 'stats.dirs'),
        symlinks: integer(s.symlinks, 'stats.symlinks'),
        bytes: integer(s.bytes, 'stats.bytes'),
        chunks: integer(s.chunks, 'stats.chunks'),
        blocks: integer(s.blocks, 'stats.blocks'),
        storedBytes: integer(s.storedBytes, 'stats.storedBytes'),
    };
}
/** The manifest section: everything but the entries. */
function parseManifestSummary(value) {
    const m = object(value, 'manifest');
    const tool = object(m.tool, 'tool');
    if (tool.name !== 'vitsnap')
        fail('tool.name', 'expected "vitsnap"');
    return {
        tool: { name: 'vitsnap', version: string(tool.version, 'tool.version') },
        createdAt: timestamp(m.createdAt),
        source: parseSource(m.source),
        metadata: parseMetadata(m.metadata),
        parent: m.parent === null ? null : manifest_digest(m.parent, 'parent'),
        stats: parseStats(m.stats),
    };
}
/** The entries section: safe paths, sorted by UTF-8 bytes, unique. */
function parseEntries(value) {
    const rawEntries = array(value, 'entries');
    if (rawEntries.length > LIMITS.entryCount) {
        throw new SnapshotFormatError('E_LIMIT', `snapshot has ${rawEntries.length} entries, over the ${LIMITS.entryCount} limit`);
    }
    const entries = rawEntries.map((e, i) => parseEntry(e, i));
    for (let i = 1; i < entries.length; i++) {
        const order = compareCodePoints(entries[i - 1].path, entries[i].path);
        if (order === 0)
            fail(`entries[${i}].path`, `duplicate path ${JSON.stringify(entries[i].path)}`);
        if (order > 0)
            fail(`entries[${i}].path`, 'entries are not sorted by path');
    }
    return entries;
}

;// CONCATENATED MODULE: ./src/snapshot/reader.ts
/**
 * Reads `.vitsnap` files safely: the trailer, manifest and index are validated before use, each
 * block's digest is checked before it is decoded, and decoding is capped by the block's declared
 * size. `SnapshotReader.open` reads just header, trailer and the manifest summary; the entries, the
 * index and the blocks are read (and validated) on first use.
 */






const CACHED_BLOCKS = 4;
class SnapshotReader {
    path;
    fileSize;
    header;
    trailer;
    /** Source, metadata and stats: everything but the entries. */
    summary;
    fd;
    full = null;
    index = null;
    cache = new Map();
    constructor(path, fd, fileSize, header, trailer, summary) {
        this.path = path;
        this.fd = fd;
        this.fileSize = fileSize;
        this.header = header;
        this.trailer = trailer;
        this.summary = summary;
    }
    static open(path) {
        let fd;
        try {
            fd = (0,external_node_fs_namespaceObject.openSync)(path, 'r');
        }
        catch (error) {
            throw fromSystemError(error, `cannot open snapshot ${path}`);
        }
        try {
            const st = (0,external_node_fs_namespaceObject.fstatSync)(fd);
            if (!st.isFile())
                throw new OperationError('E_INPUT', `${path} is not a regular file; pass a .vitsnap file`);
            const size = st.size;
            const header = decodeHeader(readAt(fd, 0, Math.min(HEADER_SIZE, size), size));
            const trailer = decodeTrailer(readAt(fd, size - TRAILER_SIZE, TRAILER_SIZE, size), size);
            if (trailer.major !== header.major || trailer.minor !== header.minor) {
                throw new SnapshotFormatError('E_CORRUPT', 'snapshot header and trailer disagree on the format version');
            }
            const json = readJsonSection(fd, size, trailer.manifestOffset, trailer.manifestStoredLength, trailer.manifestRawLength, trailer.manifestSha256, 'manifest');
            const summary = parseManifestSummary(json);
            if (summary.stats.blocks !== trailer.blockCount || summary.stats.chunks !== trailer.chunkCount) {
                throw new SnapshotFormatError('E_MANIFEST', 'snapshot manifest stats disagree with its index');
            }
            return new SnapshotReader(path, fd, size, header, trailer, summary);
        }
        catch (error) {
            (0,external_node_fs_namespaceObject.closeSync)(fd);
            throw error;
        }
    }
    /** The whole manifest; its entries are read and validated on first use. */
    get manifest() {
        if (this.full === null) {
            const t = this.trailer;
            const entries = parseEntries(readJsonSection(this.fd, this.fileSize, t.entriesOffset, t.entriesStoredLength, t.entriesRawLength, t.entriesSha256, 'entry list'));
            const s = this.summary.stats;
            const count = (type) => entries.reduce((n, e) => n + (e.type === type ? 1 : 0), 0);
            if (count('file') !== s.files || count('dir') !== s.dirs || count('symlink') !== s.symlinks) {
                throw new SnapshotFormatError('E_MANIFEST', 'snapshot entry list disagrees with the manifest stats');
            }
            this.full = { ...this.summary, entries };
        }
        return this.full;
    }
    close() {
        if (this.fd >= 0)
            (0,external_node_fs_namespaceObject.closeSync)(this.fd);
        this.fd = -1;
        this.cache.clear();
    }
    /** The block and chunk tables, read and validated on first use. */
    loadIndex() {
        if (this.index === null) {
            const buf = readAt(this.fd, this.trailer.indexOffset, this.trailer.indexLength, this.fileSize);
            if (!(0,external_node_crypto_namespaceObject.createHash)('sha256').update(buf).digest().equals(this.trailer.indexSha256)) {
                throw new SnapshotFormatError('E_CHECKSUM', 'snapshot index checksum mismatch: the file is corrupt');
            }
            this.index = decodeIndex(buf, this.trailer);
        }
        return this.index;
    }
    /** A block's raw bytes, digest-verified and decoded. */
    readBlock(i) {
        const cached = this.cache.get(i);
        if (cached !== undefined) {
            this.cache.delete(i);
            this.cache.set(i, cached);
            return cached;
        }
        const { blocks } = this.loadIndex();
        const b = blocks[i];
        if (b === undefined)
            throw new SnapshotFormatError('E_CORRUPT', `block ${i} does not exist`);
        const stored = readAt(this.fd, b.offset, b.storedLength, this.fileSize);
        if (!(0,external_node_crypto_namespaceObject.createHash)('sha256').update(stored).digest().equals(b.sha256)) {
            throw new SnapshotFormatError('E_CHECKSUM', `block ${i} checksum mismatch: the snapshot is corrupt`);
        }
        const raw = decodeBlock(stored, b.codec, b.width, b.rawLength, `block ${i}`);
        this.cache.set(i, raw);
        if (this.cache.size > CACHED_BLOCKS)
            this.cache.delete(this.cache.keys().next().value);
        return raw;
    }
    /** The chunk records of a file, in order, checked to add up to its size. */
    fileChunks(entry) {
        if (entry.size === 0)
            return [];
        const { chunks } = this.loadIndex();
        const digests = entry.chunks ?? [entry.sha256];
        let total = 0;
        const records = digests.map((hex) => {
            const record = findChunk(chunks, Buffer.from(hex, 'hex'));
            if (record === undefined)
                throw new SnapshotFormatError('E_CORRUPT', `${entry.path}: chunk ${hex.slice(0, 12)}… is missing from the snapshot`);
            total += record.length;
            return record;
        });
        if (total !== entry.size)
            throw new SnapshotFormatError('E_CORRUPT', `${entry.path}: chunks add up to ${total} bytes, expected ${entry.size}`);
        return records;
    }
    /** Yields a file's bytes chunk by chunk (views into cached blocks: copy before keeping them). */
    *readFile(entry) {
        for (const c of this.fileChunks(entry))
            yield this.readBlock(c.block).subarray(c.offset, c.offset + c.length);
    }
    /** A whole file in memory, digest-checked. For small files and tests. */
    readFileBuffer(entry) {
        const out = Buffer.concat([...this.readFile(entry)], entry.size);
        if ((0,external_node_crypto_namespaceObject.createHash)('sha256').update(out).digest('hex') !== entry.sha256) {
            throw new SnapshotFormatError('E_CHECKSUM', `${entry.path}: content does not match its SHA-256; the snapshot is corrupt`);
        }
        return out;
    }
    /** Checks every block, every chunk digest and every file digest. */
    verify(onProgress) {
        const { blocks, chunks } = this.loadIndex();
        const byBlock = blocks.map(() => []);
        for (const c of chunks)
            byBlock[c.block].push(c);
        for (let i = 0; i < blocks.length; i++) {
            const raw = this.readBlock(i);
            for (const c of byBlock[i]) {
                if (!(0,external_node_crypto_namespaceObject.createHash)('sha256').update(raw.subarray(c.offset, c.offset + c.length)).digest().equals(c.sha256)) {
                    throw new SnapshotFormatError('E_CHECKSUM', `chunk ${c.sha256.toString('hex').slice(0, 12)}… in block ${i} does not match its digest`);
                }
            }
            onProgress?.(i + 1, blocks.length);
        }
        let files = 0;
        let bytes = 0;
        for (const e of this.manifest.entries) {
            if (e.type !== 'file')
                continue;
            const records = this.fileChunks(e);
            if (records.length > 1 || e.size === 0) {
                const hash = (0,external_node_crypto_namespaceObject.createHash)('sha256');
                for (const piece of this.readFile(e))
                    hash.update(piece);
                if (hash.digest('hex') !== e.sha256)
                    throw new SnapshotFormatError('E_CHECKSUM', `${e.path}: content does not match its SHA-256`);
            }
            else if (records[0].sha256.toString('hex') !== e.sha256) {
                throw new SnapshotFormatError('E_CHECKSUM', `${e.path}: content does not match its SHA-256`);
            }
            files++;
            bytes += e.size;
        }
        return { blocks: blocks.length, chunks: chunks.length, files, bytes };
    }
}
/** Reads a zstd-compressed JSON section, checking its digest before decompressing and its size while decompressing. */
function readJsonSection(fd, fileSize, offset, storedLength, rawLength, digest, what) {
    const stored = readAt(fd, offset, storedLength, fileSize);
    if (!(0,external_node_crypto_namespaceObject.createHash)('sha256').update(stored).digest().equals(digest)) {
        throw new SnapshotFormatError('E_CHECKSUM', `snapshot ${what} checksum mismatch: the file is corrupt`);
    }
    const raw = zstdDecompress(stored, rawLength, `snapshot ${what}`);
    try {
        return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw));
    }
    catch {
        throw new SnapshotFormatError('E_MANIFEST', `snapshot ${what} is not valid UTF-8 JSON`);
    }
}
/** Reads exactly `length` bytes at `position`, or fails with E_TRUNCATED. Callers bound `length` first. */
function readAt(fd, position, length, fileSize) {
    if (position < 0 || position + length > fileSize)
        throw new SnapshotFormatError('E_TRUNCATED', 'snapshot is truncated');
    const buf = Buffer.allocUnsafe(length);
    let done = 0;
    while (done < length) {
        const n = (0,external_node_fs_namespaceObject.readSync)(fd, buf, done, length - done, position + done);
        if (n === 0)
            throw new SnapshotFormatError('E_TRUNCATED', 'snapshot ended early while reading');
        done += n;
    }
    return buf;
}

;// CONCATENATED MODULE: ./src/compare/sources.ts
/**
 * One side of a comparison: a `.vitsnap` snapshot, or a directory scanned on the fly with the same
 * walk and hashing as capture (no compression: nothing is written).
 */









const sources_INLINE_BELOW_BYTES = 16 * 1024 * 1024;
async function openSource(path, options) {
    const abs = (0,external_node_path_namespaceObject.resolve)(options.cwd, path);
    let isDir;
    try {
        isDir = (0,external_node_fs_namespaceObject.statSync)(abs).isDirectory();
    }
    catch (error) {
        throw fromSystemError(error, `cannot compare ${path}`);
    }
    return isDir ? scanDirectory(path, abs, options.patterns ?? []) : openSnapshotSource(path, abs);
}
function openSnapshotSource(label, abs) {
    const reader = SnapshotReader.open(abs);
    const entries = reader.manifest.entries;
    return {
        label,
        kind: 'snapshot',
        entries,
        metadata: reader.summary.metadata,
        readFile: (entry) => reader.readFileBuffer(entry),
        close: () => reader.close(),
    };
}
async function scanDirectory(label, root, patterns) {
    const walk = walkTree(root, compileGlobs(patterns));
    const files = walk.entries.filter((e) => e.type === 'file');
    const totalBytes = files.reduce((sum, f) => sum + f.size, 0);
    const pool = new TaskPool(totalBytes < sources_INLINE_BELOW_BYTES ? 0 : Math.min(2, (0,external_node_os_namespaceObject.availableParallelism)()));
    try {
        const hashed = (await Promise.all(batchFiles(files).map((batch) => pool.hash(batch)))).flat();
        let i = 0;
        const entries = walk.entries.map((e) => {
            if (e.type === 'dir')
                return { type: 'dir', path: e.path, mode: e.mode };
            if (e.type === 'symlink')
                return { type: 'symlink', path: e.path, target: e.target };
            const h = hashed[i++];
            if (h === undefined)
                throw new OperationError('E_IO', 'directory scan lost track of its files');
            return { type: 'file', path: e.path, mode: e.mode, size: e.size, sha256: h.sha256, class: h.class };
        });
        return {
            label,
            kind: 'directory',
            entries,
            metadata: null,
            readFile: (entry) => {
                try {
                    return (0,external_node_fs_namespaceObject.readFileSync)((0,external_node_path_namespaceObject.join)(root, ...entry.path.split('/')));
                }
                catch (error) {
                    throw fromSystemError(error, `cannot read ${entry.path}`);
                }
            },
            close: () => undefined,
        };
    }
    finally {
        await pool.close();
    }
}

;// CONCATENATED MODULE: ./src/report/json.ts
const REPORT_SCHEMA = 'vitsnap-report/1';
function renderJson(result) {
    return JSON.stringify({
        schema: REPORT_SCHEMA,
        before: result.before,
        after: result.after,
        verdict: result.verdict,
        counts: result.counts,
        metadata: result.metadata,
        differences: result.root.children,
    }, null, 2);
}

;// CONCATENATED MODULE: ./src/report/html.ts
function esc(text) {
    return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
const STYLE = `
body{font:14px/1.45 system-ui,sans-serif;margin:24px;color:#1f2328;background:#fff}
h1{font-size:20px;margin:0 0 4px} .sub{color:#59636e;margin:0 0 16px}
.verdict{display:inline-block;padding:4px 10px;border-radius:6px;font-weight:600;margin:8px 0}
.identical{background:#dafbe1}.drift-explained{background:#fff8c5}.drift-unexplained{background:#ffebe9}
details{border:1px solid #d1d9e0;border-radius:6px;margin:6px 0;padding:0 10px}
details>summary{cursor:pointer;padding:6px 0;list-style-position:inside}
details details{margin-left:12px}
.path{font-family:ui-monospace,monospace;font-weight:600}
.kind{display:inline-block;width:1.4em;text-align:center;font-weight:700}
.badge{display:inline-block;font-size:12px;padding:0 6px;margin-left:4px;border-radius:10px;background:#ddf4ff;color:#0550ae}
.badge.content{background:#ffebe9;color:#82071e}.badge.secondary{opacity:.6}
.ignored{opacity:.55}
table{border-collapse:collapse;margin:6px 0;font-family:ui-monospace,monospace;font-size:12px}
td,th{border:1px solid #d1d9e0;padding:2px 6px;vertical-align:top;white-space:pre-wrap;word-break:break-all}
.del{background:#ffebe9}.add{background:#dafbe1}.ln{color:#59636e;text-align:right}
.cause{margin:4px 0 8px 0;font-size:13px}.cause b{text-transform:capitalize}
.hint{color:#1a7f37}.note{color:#59636e;font-style:italic}
pre{background:#f6f8fa;padding:6px;overflow:auto;font-size:12px}
`;
function badges(causes) {
    const seen = new Map();
    for (const c of causes)
        if (!seen.has(c.id))
            seen.set(c.id, c);
    return [...seen.values()]
        .map((c) => `<span class="badge${c.id === 'content' ? ' content' : ''}${c.secondary === true ? ' secondary' : ''}" title="${esc(c.hint)}">${esc(c.id === 'content' ? 'unexplained' : c.id)}</span>`)
        .join('');
}
function sideBySide(hunks) {
    const rows = [];
    for (const h of hunks) {
        rows.push(`<tr><td class="ln" colspan="4">@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@</td></tr>`);
        let oldNo = h.oldStart;
        let newNo = h.newStart;
        const dels = [];
        const adds = [];
        const flush = () => {
            for (let k = 0; k < Math.max(dels.length, adds.length); k++) {
                const d = dels[k];
                const a = adds[k];
                rows.push(`<tr><td class="ln">${d === undefined ? '' : oldNo++}</td><td class="${d === undefined ? '' : 'del'}">${esc(d ?? '')}</td>` +
                    `<td class="ln">${a === undefined ? '' : newNo++}</td><td class="${a === undefined ? '' : 'add'}">${esc(a ?? '')}</td></tr>`);
            }
            dels.length = 0;
            adds.length = 0;
        };
        for (const line of h.lines) {
            const text = line.slice(1);
            if (line.startsWith('-'))
                dels.push(text);
            else if (line.startsWith('+'))
                adds.push(text);
            else {
                flush();
                rows.push(`<tr><td class="ln">${oldNo++}</td><td>${esc(text)}</td><td class="ln">${newNo++}</td><td>${esc(text)}</td></tr>`);
            }
        }
        flush();
    }
    return `<table class="sxs">${rows.join('')}</table>`;
}
function detailHtml(d) {
    const detail = d.detail;
    if (detail === undefined)
        return '';
    switch (detail.type) {
        case 'field':
            return `<table><tr><th>${esc(detail.name)}</th><td class="del">${esc(detail.before)}</td><td class="add">${esc(detail.after)}</td></tr></table>`;
        case 'order':
            return `<table><tr><th>before</th><td>${esc(detail.before.join('\n'))}</td><th>after</th><td>${esc(detail.after.join('\n'))}</td></tr></table>`;
        case 'lines':
            return sideBySide(detail.hunks) + (detail.truncated ? '<p class="note">diff truncated</p>' : '');
        case 'bytes':
            return (`<pre>${detail.hexdump.map((h) => `- ${esc(h.before)}\n+ ${esc(h.after)}`).join('\n')}</pre>` +
                `<p class="note">${detail.changedBytes} of ${detail.totalBytes} bytes differ in ${detail.ranges.length}${detail.truncated ? '+' : ''} ranges</p>`);
        case 'json':
            return `<table>${detail.changes.map((c) => `<tr><td>${esc(c.op)}</td><td>${esc(c.pointer)}</td><td class="del">${esc(c.before ?? '')}</td><td class="add">${esc(c.after ?? '')}</td></tr>`).join('')}</table>`;
    }
}
function causeHtml(causes) {
    return causes
        .filter((c) => c.id !== 'content')
        .map((c) => `<div class="cause"><b>${esc(c.id)}</b>${c.secondary === true ? ' (follows from another change)' : ''}: ${esc(c.evidence)}<br><span class="hint">fix: ${esc(c.hint)}</span></div>`)
        .join('');
}
function nodeHtml(d, parentPath) {
    const shown = parentPath !== '' && d.path.startsWith(parentPath) && d.path.length > parentPath.length ? d.path.slice(parentPath.length) : d.path;
    const body = detailHtml(d) +
        (d.fallback === undefined ? '' : `<p class="note">${esc(d.fallback)}</p>`) +
        (d.children.length === 0 ? causeHtml(d.causes) : '') +
        d.children.map((c) => nodeHtml(c, d.path)).join('');
    const head = `<span class="kind">${esc(d.kind.slice(0, 1).toUpperCase())}</span> <span class="path">${esc(shown)}</span> — ${esc(d.summary)} ${badges(d.causes)}`;
    return `<details class="diff${d.ignored === true ? ' ignored' : ''}" data-path="${esc(d.path)}"><summary>${head}</summary>${body}</details>`;
}
function renderHtml(result) {
    const c = result.counts;
    const metadata = result.metadata.length === 0
        ? ''
        : `<h2>Build environment changes</h2><table><tr><th>area</th><th>name</th><th>before</th><th>after</th></tr>${result.metadata
            .map((m) => `<tr><td>${esc(m.area)}</td><td>${esc(m.name)}</td><td class="del">${esc(m.before ?? '—')}</td><td class="add">${esc(m.after ?? '—')}</td></tr>`)
            .join('')}</table>`;
    return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>vitsnap: ${esc(result.before)} → ${esc(result.after)}</title><style>${STYLE}</style></head>
<body>
<h1>vitsnap diff</h1>
<p class="sub"><code>${esc(result.before)}</code> → <code>${esc(result.after)}</code></p>
<div class="verdict ${result.verdict}" id="verdict">${esc(result.verdict)}</div>
<p>${c.modified} modified · ${c.added} added · ${c.removed} removed · ${c.changed} mode/type/link${c.ignored > 0 ? ` · ${c.ignored} ignored` : ''}</p>
<div id="files">${result.root.children.map((d) => nodeHtml(d, '')).join('\n')}</div>
${metadata}
</body></html>
`;
}

;// CONCATENATED MODULE: ./src/report/markdown.ts
const COMMENT_LIMIT = 65_536;
const SUMMARY_LIMIT = (/* unused pure expression or super */ null && (1024 * 1024));
const VERDICT_LINE = {
    identical: '✅ **Identical**: the build outputs match bit for bit.',
    'drift-explained': '⚠️ **Drift, explained**: outputs differ, and every difference has a known cause.',
    'drift-unexplained': '❌ **Drift, unexplained**: some outputs differ for reasons vitsnap could not prove.',
};
/** Table cells: no pipes or newlines, bounded length. */
function cell(text, max = 160) {
    const flat = text.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|').replace(/`/g, "'");
    return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
function causeCell(causes) {
    const ids = [...new Set(causes.filter((c) => c.secondary !== true).map((c) => c.id))];
    return ids.length > 0 ? ids.map((id) => (id === 'content' ? '**unexplained**' : id)).join(', ') : '—';
}
function markdown_leafCauses(node) {
    if (node.children.length === 0)
        return node.causes;
    return node.children.flatMap(markdown_leafCauses);
}
function firstHint(node) {
    return markdown_leafCauses(node).find((c) => c.id !== 'content' && c.secondary !== true)?.hint ?? '';
}
function renderMarkdown(result, options) {
    const blocks = [];
    if (options.header !== undefined)
        blocks.push(options.header);
    blocks.push(`### vitsnap: \`${cell(result.before, 80)}\` → \`${cell(result.after, 80)}\``, VERDICT_LINE[result.verdict]);
    const c = result.counts;
    blocks.push(`${c.modified} modified · ${c.added} added · ${c.removed} removed · ${c.changed} mode/type/link${c.ignored > 0 ? ` · ${c.ignored} ignored` : ''}`);
    const rows = result.root.children.filter((d) => d.ignored !== true);
    const tableHeader = '| | path | what changed | cause | fix |\n| --- | --- | --- | --- | --- |';
    const rowText = (d) => `| ${d.kind === 'added' ? '➕' : d.kind === 'removed' ? '➖' : '✏️'} | \`${cell(d.path, 120)}\` | ${cell(d.summary)} | ${causeCell(markdown_leafCauses(d))} | ${cell(firstHint(d), 120)} |`;
    const metadataBlock = result.metadata.length === 0
        ? null
        : ['**Build environment changes** (may explain the outputs above)', '', '| area | name | before | after |', '| --- | --- | --- | --- |',
            ...result.metadata.map((m) => `| ${m.area} | \`${cell(m.name, 60)}\` | ${cell(m.before ?? '—', 100)} | ${cell(m.after ?? '—', 100)} |`)].join('\n');
    const note = (shown) => `_${rows.length - shown} more differences not shown here${options.fullReportUrl === undefined ? '' : `: see the [full report](${options.fullReportUrl})`}._`;
    // Reserve room for what must always fit: the environment section and the truncation note.
    const reserve = (metadataBlock?.length ?? 0) + note(0).length + 64;
    let used = blocks.reduce((n, b) => n + b.length + 2, 0);
    let shown = 0;
    if (rows.length > 0) {
        const table = [tableHeader];
        used += tableHeader.length + 3;
        for (const d of rows) {
            const row = rowText(d);
            if (used + row.length + 1 + reserve > options.limit)
                break;
            table.push(row);
            used += row.length + 1;
            shown++;
        }
        blocks.push(table.join('\n'));
        if (shown < rows.length)
            blocks.push(note(shown));
    }
    if (metadataBlock !== null && used + metadataBlock.length + 2 <= options.limit)
        blocks.push(metadataBlock);
    const text = blocks.join('\n\n');
    // The reserve makes this unreachable for sane limits; never return more than asked.
    return text.length <= options.limit ? text : `${text.slice(0, Math.max(0, options.limit - 40)).replace(/\n[^\n]*$/, '')}\n\n_report cut at the size limit._`;
}

;// CONCATENATED MODULE: ./src/report/text.ts
const MARK = {
    added: 'A',
    removed: 'D',
    modified: 'M',
    type: 'T',
    mode: 'P',
    symlink: 'L',
    field: '~',
    order: '↕',
    lines: '±',
    bytes: '#',
    json: '{',
};
const DETAIL_LINES = 8;
const HEX_LINES = 3;
const EVIDENCE_CHARS = 240;
function paint(on, code, text) {
    return on ? `\x1b[${code}m${text}\x1b[0m` : text;
}
function causeLabel(causes) {
    const ids = [...new Set(causes.map((c) => (c.secondary === true ? `${c.id}*` : c.id)))];
    return ids.length > 0 ? `[${ids.join(', ')}]` : '';
}
/** A nested node's path relative to its parent, so deep trees stay readable. */
function relativePath(parent, path) {
    return parent !== '' && path.startsWith(parent) && path.length > parent.length ? path.slice(parent.length) : path;
}
function detailLines(d) {
    const detail = d.detail;
    if (detail === undefined)
        return [];
    switch (detail.type) {
        case 'field':
            return [`${detail.name}: ${detail.before} → ${detail.after}`];
        case 'order':
            return [`before: ${detail.before.slice(0, 8).join(', ')}${detail.before.length > 8 ? ', …' : ''}`, `after:  ${detail.after.slice(0, 8).join(', ')}${detail.after.length > 8 ? ', …' : ''}`];
        case 'lines':
            return detail.hunks.flatMap((h) => [`@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@`, ...h.lines]).slice(0, DETAIL_LINES);
        case 'bytes': {
            // The first range only: a few hexdump lines of each side are what a person can compare.
            const first = detail.hexdump[0];
            if (first === undefined)
                return [];
            const cut = (text) => text.split('\n').slice(0, HEX_LINES);
            return [...cut(first.before).map((l) => `- ${l}`), ...cut(first.after).map((l) => `+ ${l}`)];
        }
        case 'json':
            return detail.changes.slice(0, DETAIL_LINES).map((c) => `${c.op} ${c.pointer}${c.before === undefined ? '' : `: ${c.before}`}${c.after === undefined ? '' : ` → ${c.after}`}`);
    }
}
function renderText(result, options) {
    const c = options.colour;
    const lines = [];
    const verdictColour = result.verdict === 'identical' ? '32' : result.verdict === 'drift-explained' ? '33' : '31';
    lines.push(`vitsnap diff ${result.before} → ${result.after}`);
    lines.push(`verdict: ${paint(c, `1;${verdictColour}`, result.verdict)} — ${result.root.summary}`);
    const hints = new Map();
    const visit = (node, parentPath, depth) => {
        const indent = '  '.repeat(depth);
        const ignored = node.ignored === true ? paint(c, '2', ' (ignored)') : '';
        const label = causeLabel(node.causes);
        lines.push(`${indent}${paint(c, '1', MARK[node.kind])} ${relativePath(parentPath, node.path)}  ${node.summary}${label === '' ? '' : ` ${paint(c, '36', label)}`}${ignored}`);
        for (const l of detailLines(node))
            lines.push(`${indent}    ${paint(c, l.startsWith('+') ? '32' : l.startsWith('-') ? '31' : '2', l)}`);
        if (node.fallback !== undefined)
            lines.push(`${indent}    ${paint(c, '2', `note: ${node.fallback}`)}`);
        if (node.children.length === 0) {
            for (const cause of node.causes) {
                if (cause.id === 'content')
                    continue;
                const evidence = cause.evidence.length > EVIDENCE_CHARS ? `${cause.evidence.slice(0, EVIDENCE_CHARS - 1)}…` : cause.evidence;
                lines.push(`${indent}    ${paint(c, '2', `${cause.id}: ${evidence}`)}`);
                hints.set(cause.hint, cause.id);
            }
        }
        for (const child of node.children)
            visit(child, node.path, depth + 1);
    };
    if (result.root.children.length > 0)
        lines.push('');
    for (const child of result.root.children)
        visit(child, '', 0);
    if (result.metadata.length > 0) {
        lines.push('', paint(c, '1', 'build environment changes (may explain the outputs above):'));
        for (const m of result.metadata)
            lines.push(`  ${m.area} ${m.name}: ${m.before ?? '(none)'} → ${m.after ?? '(none)'}`);
    }
    if (hints.size > 0) {
        lines.push('', paint(c, '1', 'how to fix:'));
        for (const [hint, cause] of hints)
            lines.push(`  ${cause}: ${hint}`);
    }
    if (lines.length > options.maxLines) {
        const more = lines.length - options.maxLines;
        return [...lines.slice(0, options.maxLines), `… ${more} more lines (use --max-lines, --json or --html for everything)`].join('\n');
    }
    return lines.join('\n');
}

;// CONCATENATED MODULE: ./src/commands/diff.ts












/** diff(1)'s convention: 1 means the inputs differ. */
const EXIT_DRIFT = 1;
function parseIgnore(values) {
    const profiles = (values ?? []).flatMap((v) => v.split(',')).map((s) => s.trim()).filter((s) => s !== '');
    for (const p of profiles) {
        if (!(p in IGNORE_PROFILES)) {
            throw new OperationError('E_USAGE', `unknown --ignore profile ${JSON.stringify(p)}; valid: ${Object.keys(IGNORE_PROFILES).join(', ')}`);
        }
    }
    return profiles;
}
const diffCommand = {
    name: 'diff',
    summary: 'compare two snapshots or directories and explain what drifted and why',
    help: `Usage: vitsnap diff BEFORE AFTER [options]

Compare two builds. Each side is a .vitsnap snapshot or a directory (scanned on the fly). Files
with equal digests are never read; changed files go through format-aware comparators (JSON, text,
zip/jar, tar, gzip/zstd, ELF, .pyc, .class, PNG, source maps, bytes) and every difference gets a
cause with evidence (timestamp, build-path, file-order, build-id, permissions, …) and a fix hint.

Exit codes: 0 identical (or every difference ignored), 1 drift, 2 error.

Options:
      --ignore LIST    accept known noise: timestamps, build-paths, file-order, build-id
                       (comma separated or repeated); ignored differences are still listed
      --exclude GLOB   leave matching paths out of the comparison (repeatable)
      --json           print the JSON report (schema: docs/report-schema.md)
      --markdown       print Markdown sized for a PR comment (≤ 65,536 characters)
      --html FILE      write the self-contained HTML report to FILE
      --max-lines N    cut the text report after N lines (default 400)
      --output FILE    also write the JSON report to FILE
  -q, --quiet          print only the verdict line
  -h, --help           show this help

Examples:
  vitsnap diff main.vitsnap pr.vitsnap
  vitsnap diff build-a/ build-b/ --ignore timestamps,build-paths
  vitsnap diff main.vitsnap dist/ --exclude '**/*.map' --json > report.json
`,
    async run(argv, ctx) {
        const { values, positionals } = parseCommandArgs('diff', argv, {
            ...COMMON_OPTIONS,
            ignore: { type: 'string', multiple: true },
            exclude: { type: 'string', multiple: true },
            'max-lines': { type: 'string' },
            output: { type: 'string' },
            markdown: { type: 'boolean' },
            html: { type: 'string' },
        });
        if (positionals.length !== 2)
            throw new OperationError('E_USAGE', "diff takes two sides, BEFORE and AFTER; run 'vitsnap diff --help'");
        const maxLines = values['max-lines'] === undefined ? 400 : Number(values['max-lines']);
        if (!Number.isInteger(maxLines) || maxLines < 1)
            throw new OperationError('E_USAGE', `--max-lines takes a positive whole number (got ${values['max-lines']})`);
        const ignore = parseIgnore(values.ignore);
        const sides = [];
        try {
            for (const side of positionals)
                sides.push(await openSource(side, { cwd: ctx.cwd }));
            const [before, after] = sides;
            const result = compareSources(before, after, { comparators: DEFAULT_COMPARATORS, classify: classifyCauses, ignore, exclude: values.exclude ?? [] });
            if (values.output !== undefined)
                (0,external_node_fs_namespaceObject.writeFileSync)((0,external_node_path_namespaceObject.resolve)(ctx.cwd, values.output), `${renderJson(result)}\n`);
            if (values.html !== undefined)
                (0,external_node_fs_namespaceObject.writeFileSync)((0,external_node_path_namespaceObject.resolve)(ctx.cwd, values.html), renderHtml(result));
            if (values.json === true)
                ctx.log.out(renderJson(result));
            else if (values.markdown === true)
                ctx.log.out(renderMarkdown(result, { limit: COMMENT_LIMIT }));
            else if (values.quiet === true)
                ctx.log.out(`verdict: ${result.verdict} — ${result.root.summary}`);
            else
                ctx.log.out(renderText(result, { colour: process.stdout.isTTY === true, maxLines }));
            return result.verdict === 'identical' ? 0 : EXIT_DRIFT;
        }
        finally {
            for (const s of sides)
                s.close();
        }
    },
};

;// CONCATENATED MODULE: ./src/commands/export.ts



const exportCommand = {
    name: 'export',
    summary: 'print a snapshot\'s manifest as JSON, for other tools',
    help: `Usage: vitsnap export FILE [--json]

Print the snapshot's manifest (entries with paths, modes, sizes, SHA-256 digests and chunk lists;
source; metadata; stats) as JSON on stdout. JSON is the only export format; --json is accepted for
clarity. The schema is described in docs/format.md.

Example:
  vitsnap export app.vitsnap --json | jq '.entries[] | select(.type=="file") | .sha256 + "  " + .path'
`,
    async run(argv, ctx) {
        const { positionals } = parseCommandArgs('export', argv, { ...COMMON_OPTIONS });
        const reader = SnapshotReader.open((0,external_node_path_namespaceObject.resolve)(ctx.cwd, requireOne('export', positionals, 'snapshot file')));
        try {
            ctx.log.out(JSON.stringify(reader.manifest, null, 2));
        }
        finally {
            reader.close();
        }
        return 0;
    },
};

;// CONCATENATED MODULE: ./src/commands/info.ts




function info_describe(reader) {
    const m = reader.summary;
    const s = m.stats;
    const lines = [
        `snapshot   ${reader.path}`,
        `format     vitsnap ${reader.trailer.major}.${reader.trailer.minor}, written by vitsnap ${m.tool.version}`,
        `created    ${m.createdAt ?? '(not recorded: set SOURCE_DATE_EPOCH to record a time)'}`,
        `contents   ${s.files} files, ${s.dirs} dirs, ${s.symlinks} symlinks, ${formatBytes(s.bytes)}`,
        `stored     ${formatBytes(reader.fileSize)} (${s.bytes > 0 ? (s.bytes / reader.fileSize).toFixed(2) : '1.00'}×), ${s.blocks} blocks, ${s.chunks} unique chunks`,
    ];
    const classes = s.classes;
    lines.push(`classes    ${Object.keys(classes)
        .filter((c) => classes[c].files > 0)
        .map((c) => `${c} ${classes[c].files} (${formatBytes(classes[c].bytes)})`)
        .join(', ') || 'none'}`);
    const src = m.source;
    if (src.sha !== null || src.repository !== null) {
        lines.push(`source     ${src.repository ?? '(repository unknown)'} ${src.ref ?? ''} ${src.sha ?? ''}${src.dirty === true ? ' (dirty)' : ''}`.trimEnd());
    }
    const md = m.metadata;
    if (md === null) {
        lines.push('metadata   (none recorded)');
        return lines;
    }
    lines.push(`runner     ${md.runner.os}/${md.runner.arch} ${md.runner.distro ?? ''} ${md.runner.image ? `image ${md.runner.image} ${md.runner.imageVersion ?? ''}` : ''}`.trimEnd());
    const found = md.toolchains.filter((t) => t.found);
    lines.push(`toolchains ${found.length} found`);
    for (const t of found)
        lines.push(`  ${t.name.padEnd(8)} ${(t.version ?? t.error ?? '').split('\n')[0]}`);
    const env = Object.entries(md.env);
    lines.push(`env        ${env.length === 0 ? '(none)' : env.map(([k, v]) => `${k}=${v}`).join(' ')}  umask ${md.umask}`);
    for (const l of md.lockfiles)
        lines.push(`lockfile   ${l.path} ${l.sha256.slice(0, 16)}…`);
    for (const c of md.commands)
        lines.push(`command    ${c.name}: ${c.stdout.split('\n')[0] ?? ''}${c.exitCode === 0 ? '' : ` (exit ${c.exitCode ?? 'timeout'})`}`);
    return lines;
}
const infoCommand = {
    name: 'info',
    summary: 'describe a snapshot (reads only its trailer and manifest)',
    help: `Usage: vitsnap info FILE [--json]

Show what a snapshot holds: counts and sizes, content classes, source commit, runner, toolchains,
recorded environment, lockfiles and metadata commands. Reads only the trailer and the manifest.

Options:
      --json      print the description as JSON
  -h, --help      show this help

Example:
  vitsnap info app.vitsnap
`,
    async run(argv, ctx) {
        const { values, positionals } = parseCommandArgs('info', argv, { ...COMMON_OPTIONS });
        const reader = SnapshotReader.open((0,external_node_path_namespaceObject.resolve)(ctx.cwd, requireOne('info', positionals, 'snapshot file')));
        try {
            const m = reader.summary;
            if (values.json === true) {
                ctx.log.out(JSON.stringify({
                    path: reader.path,
                    format: { major: reader.trailer.major, minor: reader.trailer.minor },
                    fileSize: reader.fileSize,
                    tool: m.tool,
                    createdAt: m.createdAt,
                    source: m.source,
                    stats: m.stats,
                    metadata: m.metadata,
                }, null, 2));
            }
            else {
                for (const line of info_describe(reader))
                    ctx.log.out(line);
            }
        }
        finally {
            reader.close();
        }
        return 0;
    },
};

;// CONCATENATED MODULE: ./src/snapshot/restore.ts
/**
 * Restores a snapshot's entries under a target directory. Every entry path is re-checked, every
 * parent directory on disk is checked not to be a symlink before anything is written under it,
 * each file is written to a temp name, digest-checked, then renamed into place.
 */





/** Special bits are never restored: a snapshot must not be able to plant a setuid binary. */
const RESTORABLE_MODE = 0o1777;
function selectEntries(entries, only) {
    if (only === undefined)
        return [...entries];
    const leaves = entries.filter((e) => e.type !== 'dir' && only.matches(e.path));
    const neededDirs = new Set();
    for (const e of leaves) {
        for (let i = e.path.indexOf('/'); i >= 0; i = e.path.indexOf('/', i + 1))
            neededDirs.add(e.path.slice(0, i));
    }
    return entries.filter((e) => (e.type === 'dir' ? neededDirs.has(e.path) || only.matches(e.path) : only.matches(e.path)));
}
function restoreSnapshot(reader, targetDir, options = {}) {
    try {
        (0,external_node_fs_namespaceObject.mkdirSync)(targetDir, { recursive: true });
    }
    catch (error) {
        throw fromSystemError(error, `cannot create ${targetDir}`);
    }
    const base = (0,external_node_fs_namespaceObject.realpathSync)(targetDir);
    const entries = selectEntries(reader.manifest.entries, options.only);
    if (options.only !== undefined && entries.length === 0) {
        throw new OperationError('E_NOT_FOUND', 'no entry in the snapshot matches --only; list its paths with \'vitsnap export FILE --json\'');
    }
    const totalBytes = entries.reduce((sum, e) => sum + (e.type === 'file' ? e.size : 0), 0);
    const report = { files: 0, dirs: 0, symlinks: 0, bytes: 0 };
    const dirModes = [];
    for (const entry of entries) {
        const problem = entryPathProblem(entry.path);
        if (problem !== null)
            throw new UnsafePathError(entry.path, problem);
        const abs = (0,external_node_path_namespaceObject.join)(base, ...entry.path.split('/'));
        ensureParents(base, entry.path);
        if (entry.type === 'dir') {
            const existing = lstatOrNull(abs);
            if (existing === null)
                (0,external_node_fs_namespaceObject.mkdirSync)(abs, { mode: 0o700 });
            else if (existing.isSymbolicLink())
                throw new UnsafePathError(entry.path, 'a symlink is in the way of this directory');
            else if (!existing.isDirectory())
                throw new OperationError('E_IO', `cannot restore directory ${entry.path}: a file is in the way`);
            dirModes.push({ abs, mode: entry.mode & RESTORABLE_MODE });
            report.dirs++;
        }
        else if (entry.type === 'symlink') {
            const existing = lstatOrNull(abs);
            if (existing?.isDirectory() === true)
                throw new OperationError('E_IO', `cannot restore symlink ${entry.path}: a directory is in the way`);
            if (existing !== null)
                (0,external_node_fs_namespaceObject.unlinkSync)(abs);
            (0,external_node_fs_namespaceObject.symlinkSync)(entry.target, abs);
            report.symlinks++;
        }
        else {
            writeFileEntry(reader, entry, abs, (n) => {
                report.bytes += n;
                options.onProgress?.(report.bytes, totalBytes);
            });
            report.files++;
        }
    }
    // Directory modes last, deepest first, so a read-only directory does not block its contents.
    for (const { abs, mode } of dirModes.reverse())
        (0,external_node_fs_namespaceObject.chmodSync)(abs, mode);
    return report;
}
function lstatOrNull(path) {
    try {
        return (0,external_node_fs_namespaceObject.lstatSync)(path);
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return null;
        throw fromSystemError(error, `cannot inspect ${path}`);
    }
}
/** Creates missing parent directories of `relPath`, refusing to pass through a symlink or a file. */
function ensureParents(base, relPath) {
    const segments = relPath.split('/');
    let current = base;
    for (let i = 0; i < segments.length - 1; i++) {
        current = (0,external_node_path_namespaceObject.join)(current, segments[i]);
        const st = lstatOrNull(current);
        if (st === null) {
            (0,external_node_fs_namespaceObject.mkdirSync)(current, { mode: 0o755 });
        }
        else if (st.isSymbolicLink()) {
            throw new UnsafePathError(relPath, `its parent ${segments.slice(0, i + 1).join('/')} is a symlink`);
        }
        else if (!st.isDirectory()) {
            throw new UnsafePathError(relPath, `its parent ${segments.slice(0, i + 1).join('/')} is not a directory`);
        }
    }
}
function writeFileEntry(reader, entry, abs, onBytes) {
    const existing = lstatOrNull(abs);
    if (existing?.isDirectory() === true)
        throw new OperationError('E_IO', `cannot restore file ${entry.path}: a directory is in the way`);
    const temp = `${abs}.vitsnap-restore-${(0,external_node_crypto_namespaceObject.randomBytes)(4).toString('hex')}`;
    const fd = (0,external_node_fs_namespaceObject.openSync)(temp, 'wx', 0o600);
    let renamed = false;
    try {
        const hash = (0,external_node_crypto_namespaceObject.createHash)('sha256');
        for (const piece of reader.readFile(entry)) {
            hash.update(piece);
            let done = 0;
            while (done < piece.length)
                done += (0,external_node_fs_namespaceObject.writeSync)(fd, piece, done, piece.length - done);
            onBytes(piece.length);
        }
        if (hash.digest('hex') !== entry.sha256) {
            throw new SnapshotFormatError('E_CHECKSUM', `${entry.path}: restored bytes do not match its SHA-256; the snapshot is corrupt`);
        }
        (0,external_node_fs_namespaceObject.closeSync)(fd);
        (0,external_node_fs_namespaceObject.chmodSync)(temp, entry.mode & RESTORABLE_MODE);
        (0,external_node_fs_namespaceObject.renameSync)(temp, abs);
        renamed = true;
    }
    finally {
        if (!renamed) {
            try {
                (0,external_node_fs_namespaceObject.closeSync)(fd);
            }
            catch {
                // already closed
            }
            (0,external_node_fs_namespaceObject.rmSync)(temp, { force: true });
        }
    }
}

;// CONCATENATED MODULE: ./src/commands/restore.ts







const restoreCommand = {
    name: 'restore',
    summary: 'write a snapshot\'s files back to a directory, byte for byte',
    help: `Usage: vitsnap restore FILE -C DIR [--only GLOB]…

Write the snapshot's files, directories and symlinks under DIR with their recorded modes
(setuid/setgid bits are never restored). Each file is checked against its SHA-256 before it is
moved into place. Entries that would land outside DIR ('..', absolute paths, a path through a
symlink) are refused.

Options:
  -C, --dir DIR       directory to restore into (required; created if missing)
      --only GLOB     restore only matching paths (repeatable)
      --json          print the result as JSON
  -q, --quiet         no progress
  -h, --help          show this help

Example:
  vitsnap restore app.vitsnap -C /tmp/app --only 'bin/**'
`,
    async run(argv, ctx) {
        const { values, positionals } = parseCommandArgs('restore', argv, {
            ...COMMON_OPTIONS,
            dir: { type: 'string', short: 'C' },
            only: { type: 'string', multiple: true },
        });
        const file = requireOne('restore', positionals, 'snapshot file');
        if (values.dir === undefined)
            throw new OperationError('E_USAGE', "restore needs a target directory: -C DIR; run 'vitsnap restore --help'");
        const reader = SnapshotReader.open((0,external_node_path_namespaceObject.resolve)(ctx.cwd, file));
        try {
            const only = values.only === undefined ? undefined : compileGlobs(values.only);
            const report = restoreSnapshot(reader, (0,external_node_path_namespaceObject.resolve)(ctx.cwd, values.dir), {
                only,
                onProgress: (done, total) => ctx.log.progress('restoring', done, total),
            });
            ctx.log.done();
            if (values.json === true)
                ctx.log.out(JSON.stringify(report, null, 2));
            else
                ctx.log.out(`restored ${report.files} files (${formatBytes(report.bytes)}), ${report.dirs} dirs, ${report.symlinks} symlinks into ${values.dir}`);
        }
        finally {
            reader.close();
        }
        return 0;
    },
};

;// CONCATENATED MODULE: ./src/commands/verify.ts




const verifyCommand = {
    name: 'verify',
    summary: 'check every block, chunk and file digest of a snapshot',
    help: `Usage: vitsnap verify FILE [--json]

Read the whole snapshot and check the trailer, manifest and index checksums, every block's
SHA-256, every chunk's SHA-256 and every file's SHA-256. Exit 0 when all match, 2 otherwise.

Options:
      --json      print the result as JSON
  -q, --quiet     no progress
  -h, --help      show this help

Example:
  vitsnap verify app.vitsnap
`,
    async run(argv, ctx) {
        const { values, positionals } = parseCommandArgs('verify', argv, { ...COMMON_OPTIONS });
        const reader = SnapshotReader.open((0,external_node_path_namespaceObject.resolve)(ctx.cwd, requireOne('verify', positionals, 'snapshot file')));
        try {
            const report = reader.verify((done, total) => ctx.log.progress('verifying', done, total));
            ctx.log.done();
            if (values.json === true)
                ctx.log.out(JSON.stringify({ ok: true, ...report }, null, 2));
            else
                ctx.log.out(`ok: ${report.files} files (${formatBytes(report.bytes)}), ${report.chunks} chunks in ${report.blocks} blocks verified`);
        }
        finally {
            reader.close();
        }
        return 0;
    },
};

;// CONCATENATED MODULE: ./src/cli.ts
/** vitsnap: argv → command → exit code (0 ok, 1 drift, 2 error). The only place that exits. */










const EXIT_OK = 0;
const cli_EXIT_DRIFT = 1;
const EXIT_ERROR = 2;
const COMMANDS = [createCommand, diffCommand, infoCommand, verifyCommand, restoreCommand, exportCommand];
function cli_usage() {
    const width = Math.max(...COMMANDS.map((c) => c.name.length));
    return `vitsnap ${VERSION}: capture build outputs and toolchain metadata into .vitsnap snapshots

Usage: vitsnap <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Examples:
  vitsnap create -C build -o build.vitsnap     snapshot everything under build/
  vitsnap diff main.vitsnap build.vitsnap      what drifted, where, and why
  vitsnap info build.vitsnap                   what it holds, and which toolchains made it
  vitsnap restore build.vitsnap -C /tmp/out    the exact bytes back, verified

Run 'vitsnap <command> --help' for a command's options and examples.
Exit codes: 0 ok (diff: identical), 1 drift found (diff), 2 error.
`;
}
async function runCli(argv, env = process.env, cwd = process.cwd()) {
    const [name, ...rest] = argv;
    if (name === undefined) {
        process.stderr.write(cli_usage());
        return EXIT_ERROR;
    }
    if (name === '--help' || name === '-h' || name === 'help') {
        process.stdout.write(cli_usage());
        return EXIT_OK;
    }
    if (name === '--version' || name === '-V') {
        process.stdout.write(`${VERSION}\n`);
        return EXIT_OK;
    }
    const command = COMMANDS.find((c) => c.name === name);
    if (command === undefined) {
        process.stderr.write(`vitsnap: error E_USAGE: unknown command ${JSON.stringify(name)}; run 'vitsnap --help' for the list\n`);
        return EXIT_ERROR;
    }
    if (rest.includes('--help') || rest.includes('-h')) {
        process.stdout.write(command.help);
        return EXIT_OK;
    }
    const quiet = rest.includes('--quiet') || rest.includes('-q');
    const log = createLogger({ quiet, stderrIsTTY: process.stderr.isTTY === true });
    try {
        return await command.run(rest, { log, cwd, env });
    }
    catch (error) {
        log.done();
        if (isVitsnapError(error)) {
            process.stderr.write(`vitsnap: error ${error.code}: ${error.message}\n`);
        }
        else {
            const e = error;
            process.stderr.write(`vitsnap: error E_INTERNAL: ${e.message}\n${e.stack ?? ''}\nThis is a bug in vitsnap; please report it with the command you ran.\n`);
        }
        return EXIT_ERROR;
    }
}
function installSignalHandlers() {
    for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]]) {
        process.once(signal, () => {
            abortUnfinishedFiles();
            process.stderr.write(`vitsnap: interrupted by ${signal}; no partial snapshot was left behind\n`);
            process.exit(code);
        });
    }
}


/***/ }),

/***/ 604:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  a: () => (/* binding */ limitYoungGeneration)
});

;// CONCATENATED MODULE: external "node:v8"
const external_node_v8_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:v8");
;// CONCATENATED MODULE: ./src/heap.ts
/**
 * Keeps V8's young generation small. On a machine with many GiB of RAM V8 lets it grow to ~48 MiB
 * of mostly dead objects; capture creates short-lived objects for every file, so that growth was
 * a third of peak memory with no speed benefit (measured in docs/benchmarks.md). Setting the flag
 * at start-up takes effect because the young generation has not grown yet.
 */

function limitYoungGeneration() {
    (0,external_node_v8_namespaceObject.setFlagsFromString)('--max-semi-space-size=2');
    (0,external_node_v8_namespaceObject.setFlagsFromString)('--semi-space-growth-factor=1');
}


/***/ }),

/***/ 384:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _cli_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(142);
/* harmony import */ var _heap_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(604);
/** The `vitsnap` executable (bundled to dist/cli/index.js): checks the runtime, then runs the CLI. */


const major = Number(process.versions.node.split('.')[0]);
if (major < 24) {
    process.stderr.write(`vitsnap: error E_NODE: vitsnap needs Node.js 24 or newer (this is ${process.version}); in this repo, run it through 'npx vitsnap' or an npm script\n`);
    process.exitCode = _cli_js__WEBPACK_IMPORTED_MODULE_0__/* .EXIT_ERROR */ .SI;
}
else {
    (0,_heap_js__WEBPACK_IMPORTED_MODULE_1__/* .limitYoungGeneration */ .a)();
    (0,_cli_js__WEBPACK_IMPORTED_MODULE_0__/* .installSignalHandlers */ .Xd)();
    process.exitCode = await (0,_cli_js__WEBPACK_IMPORTED_MODULE_0__/* .runCli */ .ak)(process.argv.slice(2));
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(384);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
