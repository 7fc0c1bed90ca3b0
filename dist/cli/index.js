#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 490:
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
function digest(value, where) {
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
        probe.sha256 = digest(t.sha256, `${where}.sha256`);
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
        return { path: string(l.path, 'lockfile.path'), sha256: digest(l.sha256, 'lockfile.sha256') };
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
        parent: m.parent === null ? null : digest(m.parent, 'parent'),
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




function describe(reader) {
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
                for (const line of describe(reader))
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
const EXIT_DRIFT = 1;
const EXIT_ERROR = 2;
const COMMANDS = [createCommand, infoCommand, verifyCommand, restoreCommand, exportCommand];
function cli_usage() {
    const width = Math.max(...COMMANDS.map((c) => c.name.length));
    return `vitsnap ${VERSION}: capture build outputs and toolchain metadata into .vitsnap snapshots

Usage: vitsnap <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Examples:
  vitsnap create -C build -o build.vitsnap     snapshot everything under build/
  vitsnap info build.vitsnap                   what it holds, and which toolchains made it
  vitsnap restore build.vitsnap -C /tmp/out    the exact bytes back, verified

Run 'vitsnap <command> --help' for a command's options and examples.
Exit codes: 0 ok, 2 error (1 is reserved for drift, when comparing lands).
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
/* harmony import */ var _cli_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(490);
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
