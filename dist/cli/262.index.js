export const id = 262;
export const ids = [262];
export const modules = {

/***/ 5909:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $2: () => (/* binding */ ExpansionBudget),
/* harmony export */   A6: () => (/* binding */ formatPermissions),
/* harmony export */   Fl: () => (/* binding */ baseName),
/* harmony export */   IM: () => (/* binding */ readU64),
/* harmony export */   QC: () => (/* binding */ displayName),
/* harmony export */   SG: () => (/* binding */ outputCap),
/* harmony export */   Xq: () => (/* binding */ formatSize),
/* harmony export */   Y3: () => (/* binding */ ArchiveFormatError),
/* harmony export */   bT: () => (/* binding */ ExpansionLimitError),
/* harmony export */   gJ: () => (/* binding */ errorMessage),
/* harmony export */   jO: () => (/* binding */ formatEpoch),
/* harmony export */   pY: () => (/* binding */ hexBytes),
/* harmony export */   s: () => (/* binding */ take),
/* harmony export */   sn: () => (/* binding */ unsafeNameNote),
/* harmony export */   uh: () => (/* binding */ hex),
/* harmony export */   v4: () => (/* binding */ isOutputLimitError)
/* harmony export */ });
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
/**
 * How many bytes one side may still expand. One budget covers a top-level file's side with all
 * the archives nested in it, and charges a parent (the whole diff's) too, so that nesting never
 * earns a fresh allowance (a 42.zip). A refusal that comes from what was already expanded stops
 * the budget: nothing more is expanded under it, so a bomb costs at most the budget, not one
 * refusal per member it holds.
 */
class ExpansionBudget {
    limit;
    /** Whose budget this is, for messages: `file`, `diff`. */
    scope;
    parent;
    spent = 0;
    stopped = false;
    constructor(limit, options = {}) {
        this.limit = limit;
        this.parent = options.parent ?? null;
        this.scope = options.scope ?? 'archive';
    }
    /** Bytes expanded under this budget so far. */
    get used() {
        return this.spent;
    }
    /** True once a refusal came from what was already expanded: from then on nothing more is. */
    get exhausted() {
        return this.stopped;
    }
    get remaining() {
        if (this.stopped)
            return 0;
        const own = Math.max(0, this.limit - this.spent);
        return this.parent === null ? own : Math.min(own, this.parent.remaining);
    }
    /** Accounts for `bytes` already produced, or throws when they pass what is left. */
    spend(bytes, what) {
        if (bytes > this.remaining)
            throw this.refuse(what, `expands to ${formatSize(bytes)}, more than`);
        this.charge(bytes);
    }
    /**
     * The error for `what`, which `claim`s more than is left (`declares 2 GiB uncompressed, more
     * than`, `expands past`). Alone over the cap it is a bomb by itself, and smaller things may still
     * be expanded; past what earlier expansion left, the budget is exhausted and stops.
     */
    refuse(what, claim) {
        if (this.stopped)
            return new ExpansionLimitError(`expansion budget exhausted: ${what} was not expanded`);
        const binding = this.binding();
        if (binding.spent === 0)
            return new ExpansionLimitError(`${what} ${claim} the ${formatSize(binding.limit)} expansion cap`);
        const left = formatSize(binding.remaining);
        this.stopped = true;
        binding.stopped = true;
        return new ExpansionLimitError(`expansion budget exhausted: ${what} ${claim} the ${left} left of the ${formatSize(binding.limit)} the ${binding.scope} may expand`);
    }
    charge(bytes) {
        this.spent += bytes;
        this.parent?.charge(bytes);
    }
    /** The budget in the chain with the least left. */
    binding() {
        const up = this.parent?.binding();
        return up !== undefined && up.remaining < Math.max(0, this.limit - this.spent) ? up : this;
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
function hex(value, digits = 8) {
    return `0x${value.toString(16).padStart(digits, '0')}`;
}
/** Up to `max` bytes as hex, with the total length when cut. */
function hexBytes(data, max = 48) {
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


/***/ }),

/***/ 5596:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   DL: () => (/* binding */ diffBytes),
/* harmony export */   kH: () => (/* binding */ hexdump),
/* harmony export */   xd: () => (/* binding */ parseHexdump)
/* harmony export */ });
/* unused harmony exports DEFAULT_MAX_RANGES, DEFAULT_MERGE_GAP, mirrorRanges, commonPrefixLength, commonSuffixLength */
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
const GEAR = (() => {
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
            h = ((h << 1) + GEAR[buf[i]]) | 0;
    }
    for (; i < end; i++) {
        h = ((h << 1) + GEAR[buf[i]]) | 0;
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


/***/ }),

/***/ 7555:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CS: () => (/* binding */ fileByteSource),
/* harmony export */   Ob: () => (/* binding */ STREAM_FROM_BYTES),
/* harmony export */   cd: () => (/* binding */ checkRange),
/* harmony export */   er: () => (/* binding */ sameBytes),
/* harmony export */   fq: () => (/* binding */ wholeBytes),
/* harmony export */   kq: () => (/* binding */ bufferSource)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(3916);
/**
 * One file's bytes, read where they are needed instead of all at once. A 58 MB static library
 * changed in one member costs two 58 MB buffers when it is read whole: on this kind of VM that
 * memory's first touch alone is ~0.3 s (docs/benchmarks.md). A comparator that can walk a file
 * (ar: its headers and the member that differs) takes a ByteSource and never holds the whole file.
 */


const COMPARE_STEP = 256 * 1024;
/**
 * Whether two ranges hold the same bytes: what chunk digests prove equal is not read, the rest
 * is compared a piece at a time.
 */
function sameBytes(a, offsetA, b, offsetB, length) {
    const unknown = a.unknownParts?.(offsetA, b, offsetB, length) ?? [[0, length]];
    return unknown.every(([from, to]) => compareBytes(a, offsetA, b, offsetB, from, to));
}
function compareBytes(a, offsetA, b, offsetB, from, to) {
    for (let done = from; done < to; done += COMPARE_STEP) {
        const n = Math.min(COMPARE_STEP, to - done);
        // Each view stays valid while the other source is read: they are different sources, or the same buffer.
        if (!a.view(offsetA + done, n).equals(b.view(offsetB + done, n)))
            return false;
    }
    return true;
}
/** Files at least this big are read through a ByteSource when both sides can give one. */
const STREAM_FROM_BYTES = 16 * 1024 * 1024;
const WINDOW_BYTES = 1024 * 1024;
/** Fails unless [offset, offset + length) lies inside `size` bytes; `what` names the file. */
function checkRange(size, offset, length, what) {
    if (!Number.isSafeInteger(offset) || !Number.isSafeInteger(length) || offset < 0 || length < 0 || offset + length > size) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OperationError */ .OK('E_IO', `${what}: ${length} bytes at offset ${offset} are outside its ${size} bytes`);
    }
}
function bufferSource(buf) {
    const read = (offset, length) => {
        checkRange(buf.length, offset, length, 'buffer');
        return buf.subarray(offset, offset + length);
    };
    return { size: buf.length, read, view: read, close: () => undefined };
}
/** The whole file in one buffer: for comparators that need it so. */
function wholeBytes(source) {
    return source.read(0, source.size);
}
/**
 * A file on disk, `size` bytes as the walk saw them, read through one reused 1 MiB window. A file
 * that shrinks under the diff is an error that names it, not a short buffer.
 */
function fileByteSource(absPath, size, name) {
    let fd = null;
    const window = Buffer.allocUnsafe(Math.min(WINDOW_BYTES, Math.max(size, 1)));
    let windowStart = 0;
    let windowLength = 0;
    const open = () => {
        try {
            fd ??= (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(absPath, 'r');
            return fd;
        }
        catch (error) {
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .fromSystemError */ .Kh)(error, `cannot read ${name}`);
        }
    };
    const fill = (into, position, length) => {
        const handle = open();
        let done = 0;
        while (done < length) {
            let n;
            try {
                n = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync)(handle, into, done, length - done, position + done);
            }
            catch (error) {
                throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .fromSystemError */ .Kh)(error, `cannot read ${name}`);
            }
            if (n === 0)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OperationError */ .OK('E_IO', `${name} became shorter while it was compared (expected ${size} bytes); run the diff again once the tree is stable`);
            done += n;
        }
    };
    const load = (offset) => {
        windowStart = offset;
        windowLength = Math.min(window.length, size - offset);
        fill(window, offset, windowLength);
    };
    const inWindow = (offset, length) => offset >= windowStart && offset + length <= windowStart + windowLength;
    const view = (offset, length) => {
        checkRange(size, offset, length, name);
        if (length > window.length) {
            const out = Buffer.allocUnsafe(length);
            fill(out, offset, length);
            return out;
        }
        if (!inWindow(offset, length))
            load(offset);
        return window.subarray(offset - windowStart, offset - windowStart + length);
    };
    return {
        size,
        view,
        // A view of the window is overwritten by the next load: what the caller keeps is a copy.
        read: (offset, length) => (length > window.length ? view(offset, length) : Buffer.from(view(offset, length))),
        close: () => {
            if (fd !== null)
                (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
            fd = null;
        },
    };
}


/***/ }),

/***/ 4495:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  zv: () => (/* binding */ createCauseClassifier)
});

// UNUSED EXPORTS: classifyCauses, hintFor, verdictOf

// EXTERNAL MODULE: ./src/compare/types.ts
var types = __webpack_require__(8714);
;// CONCATENATED MODULE: ./src/compare/evidence/helpers.ts
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
/** Printable ASCII and tab; in text also every byte of a multi-byte character. */
function isPrintable(byte, binary) {
    return (byte >= 0x20 && byte < 0x7f) || byte === 9 || (!binary && byte >= 0x80);
}

;// CONCATENATED MODULE: ./src/compare/evidence/binary-probes.ts

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

;// CONCATENATED MODULE: ./src/compare/evidence/text-probes.ts

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
/**
 * A UTC offset as `date +%z`, ISO 8601 or a zone name print it: "+1200", "-14:00", "GMT+12". Hours
 * up to 14 and minutes 00/15/30/45, standalone, so a signed count ("+1200 bytes") rarely passes;
 * only tokens touching the differing bytes count, as for every probe.
 */
const UTC_OFFSET = /(?<![\w+.-])(?:(?:GMT|UTC|UT)[+-](?:1[0-4]|0?[0-9])(?::?(?:00|15|30|45))?|[+-](?:1[0-4]|0[0-9]):?(?:00|15|30|45))(?![\w:])/;
/** The same output in another time zone: the offset differs and nothing else about the time does. */
function probeTimezone(before, after, where) {
    const pairs = pairTokens(scan(before, 'offset', UTC_OFFSET), scan(after, 'offset', UTC_OFFSET));
    if (pairs.length === 0)
        return undefined;
    return {
        findings: [
            {
                id: 'timestamp',
                evidence: `UTC offset ${pairs.map(([b, a]) => `${quote(b.text)} vs ${quote(a.text)}`).join(', ')} (the time zone of the build) at ${where}`,
                hint: "build with TZ=UTC (or print times with date -u / gmtime): local times and offsets follow the builder's time zone",
            },
        ],
        before: pairs.map(([b]) => [b.start, b.end]),
        after: pairs.map(([, a]) => [a.start, a.end]),
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
const TEXT_PROBES = [probeGoBuildIdText, probeDates, probeTimezone, probePaths, probeEnv, probeDecimals];

;// CONCATENATED MODULE: ./src/compare/evidence.ts




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

;// CONCATENATED MODULE: ./src/compare/causes/formats.ts
/** What a node's file is (by name, by magic bytes, by its container), and whether a toolchain change can explain it. */

const EXTENSION_FORMATS = [
    [/\.(?:jar|war|ear|aar)$/i, 'jar'],
    [/\.whl$/i, 'wheel'],
    [/\.(?:zip|apk|nupkg|xpi|epub|docx|xlsx|pptx|odt)$/i, 'zip'],
    [/\.(?:tar|tar\.gz|tgz|tar\.xz|txz|tar\.lzma|tlz|tar\.zst|tzst|tar\.bz2|tbz2)$/i, 'tar'],
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
    if (head.subarray(0, 8).toString('latin1') === '!<arch>\n')
        return 'ar';
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
        case 'ar':
            return 'ar';
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
        case 'lzma':
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
/**
 * A toolchain change explains a compiled output's unexplained bytes only when the bytes show it:
 * the new version (and the old one, when known) appears in what differs, as in an ELF `.comment`
 * or a class file's version. Otherwise the change is offered as a possibility and the difference
 * stays unexplained: a wrong "explained" is worse than "unexplained".
 */
function toolchainFinding(format, changes, shown) {
    const kinds = format === undefined ? undefined : COMPILED_KINDS[format];
    if (kinds === undefined)
        return {};
    const relevant = changes
        .map((c) => (typeof c === 'string' ? { name: c } : c))
        .filter((c) => kinds.some((kind) => TOOL_FAMILIES[kind].test(c.name)));
    if (relevant.length === 0)
        return {};
    const number = (text) => (text === null || text === undefined ? null : (/\d+\.\d+(?:\.\d+)?/.exec(text)?.[0] ?? null));
    const tied = relevant.filter((c) => {
        const after = number(c.after);
        const before = number(c.before);
        return after !== null && after !== before && shown(after) && (before === null || shown(before));
    });
    if (tied.length > 0) {
        return { finding: { id: 'toolchain', evidence: `${tied.map((c) => `${c.name} ${versionOf(c.before)} → ${versionOf(c.after)}`).join(', ')}: the new version appears in the differing bytes` } };
    }
    const withVersions = relevant.filter((c) => c.before !== undefined || c.after !== undefined);
    const what = withVersions.length > 0
        ? withVersions.map((c) => `${c.name} ${versionOf(c.before)} → ${versionOf(c.after)}`).join(', ')
        : `${relevant.map((c) => c.name).join(', ')} changed`;
    return { possible: `possibly the toolchain (${what} between the snapshots), but nothing in these bytes shows it` };
}

;// CONCATENATED MODULE: ./src/compare/causes/hints.ts
const TIMESTAMP_HINTS = {
    gzip: 'gzip -n (--no-name): keep the file name and MTIME out of the gzip header',
    tar: 'tar --sort=name --mtime=@$SOURCE_DATE_EPOCH --owner=0 --group=0 --numeric-owner',
    ar: 'ar rcD (deterministic mode: zero mtime, uid and gid, mode 644; binutils built with --enable-deterministic-archives does it by default); ranlib -D',
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
    ar: 'ar rcD (deterministic mode: zero uid and gid, mode 644)',
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
    compression: (ctx) => ctx.format === 'gzip'
        ? 'pin one gzip and its level on every builder: gzip -n -9 (pigz, zopfli and other levels write other bytes for the same data)'
        : ctx.format === 'zip' || ctx.format === 'jar' || ctx.format === 'wheel'
            ? 'pin the zip implementation and its level (zip -X -9, or the build tool\'s own archiver everywhere): another deflater writes other bytes'
            : 'pin the compressor, its version and its settings (level, window, checksum, threads) on every builder',
    content: () => 'no known cause: a real source change, or nondeterminism vitsnap does not recognise; inspect the differing bytes',
};
function hintFor(id, format, extra = {}) {
    return HINTS[id]({ format, prefixes: extra.prefixes, secondary: extra.secondary === true });
}

// EXTERNAL MODULE: ./src/compare/byte-ranges.ts
var byte_ranges = __webpack_require__(5596);
// EXTERNAL MODULE: ./src/compare/renames.ts
var renames = __webpack_require__(8196);
;// CONCATENATED MODULE: ./src/compare/causes/leaf.ts
/** One leaf of the tree: the findings its evidence proves, plus what stays unexplained. */




/** Byte ranges examined per node; the rest count as unexplained. */
const MAX_SITES = 256;
/** Line pairs examined per text node. */
const MAX_LINE_PAIRS = 512;
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
/**
 * Fields that say how data were compressed, not what they hold: the same payload compressed
 * differently (any container), gzip's XFL (level) and OS byte (the implementation), zip's method
 * and flags, zstd frame parameters, xz check and filter chain.
 */
const COMPRESSION_FIELD = /(?:^|\.)(?:compressed-data|compressed bytes|compression|xfl|window-size|single-segment|filters)$/;
const COMPRESSION_FIELDS_BY_COMPARATOR = {
    gzip: /(?:^|\.)os$/,
    zip: /(?:^|\.)(?:flags|version-needed)$/,
    zstd: /(?:^|\.)(?:checksum|content-size)$/,
    xz: /(?:^|\.)(?:check|blocks|padding)$/,
    // uncompressed-size is only reported when one side records it and the other relies on the end marker.
    lzma: /(?:^|\.)(?:properties|dictionary-size|uncompressed-size)$/,
};
const ZIP_LAYOUT_HINT = 'package the jar the same way on every builder: Mozilla-optimised (mozpack JarWriter with a preload list, optimizejars.py) or a plain zip, not both';
const ZIP_PRELOAD_HINT = 'the preload list comes from a startup jar log (MOZ_JAR_LOG_FILE): package every build with the same log, or with none';
function analyzeField(detail, format, comparator) {
    const { name, before, after } = detail;
    const w = words(name);
    const base = { findings: [], unexplained: [], format };
    // Go's build settings: -trimpath decides whether the build directory is in the binary; the
    // Go version recorded in the binary is the toolchain, shown by the binary itself.
    if (name === 'build -trimpath')
        return { ...base, findings: [{ id: 'build-path', evidence: `go build -trimpath ${before} → ${after}: file paths in the binary ${after === 'true' ? 'lose' : 'gain'} the build directory`, format: 'go' }] };
    if (name === 'go version')
        return { ...base, findings: [{ id: 'toolchain', evidence: `the binary records ${before} → ${after}` }] };
    // How a zip was packed, not what it holds: Mozilla's optimised layout and its startup preload list.
    if (comparator === 'zip' && name === 'layout') {
        return { ...base, findings: [{ id: 'compression', evidence: `central directory placement ${quote(before, 60)} vs ${quote(after, 60)}`, hint: ZIP_LAYOUT_HINT }] };
    }
    if (comparator === 'zip' && name === 'preload') {
        return { ...base, findings: [{ id: 'file-order', evidence: `preloaded members ${quote(before, 60)} vs ${quote(after, 60)}`, hint: ZIP_PRELOAD_HINT }] };
    }
    const byComparator = comparator === undefined ? undefined : COMPRESSION_FIELDS_BY_COMPARATOR[comparator];
    if (COMPRESSION_FIELD.test(name) || byComparator?.test(name) === true) {
        return { ...base, findings: [{ id: 'compression', evidence: fieldValues(name, before, after) }] };
    }
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
    return { before: hexdumps.flatMap((h) => (0,byte_ranges/* parseHexdump */.xd)(h.before)), after: hexdumps.flatMap((h) => (0,byte_ranges/* parseHexdump */.xd)(h.after)) };
}
function spanHolding(spans, start, end) {
    return spans.find((s) => s.offset <= start && s.offset + s.bytes.length >= end);
}
const EXECUTABLE_FORMATS = new Set(['elf', 'pe', 'macho', 'go', 'rust']);
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
        const first = detail.hexdump.flatMap((h) => (0,byte_ranges/* parseHexdump */.xd)(h.before)).find((s) => s.offset === 0);
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
    const needsHead = node.comparator === undefined || node.comparator === 'binary' || node.comparator === 'xz' || node.comparator === 'lzma' || node.comparator === 'zstd';
    const format = node.language ?? formatOfNode(node, needsHead && formatOfPath(node.path) === undefined ? headOf(node, ctx) : undefined);
    const none = { findings: [], unexplained: [], format };
    if (node.consequence !== undefined)
        return { ...none, consequenceOf: node.consequence.of, consequence: node.consequence, unexplained: [node.summary] };
    if (node.kind === 'mode')
        return { ...none, findings: [{ id: 'permissions', evidence: `mode ${detailValues(node)}` }] };
    if (node.kind === 'symlink')
        return { ...none, findings: [{ id: 'symlink', evidence: `symlink target ${detailValues(node)}` }] };
    if (node.kind === 'renamed' && node.from !== undefined) {
        const directory = node.detail?.type === 'field' && node.detail.name === 'directory name';
        const found = (0,renames/* renameEvidence */.EI)(node.from, node.path, directory);
        if (found?.id === 'build-path')
            return { ...none, findings: [{ id: 'build-path', evidence: found.evidence, hint: renames/* RENAME_HINT */.hO }] };
        if (found !== null)
            return { ...none, unexplained: [found.evidence] };
        // A directory renamed whole, its files the same: the tree was made in a directory named after the build.
        if (directory && node.detail?.type === 'field') {
            return { ...none, findings: [{ id: 'build-path', evidence: `the directory holding the same files is named ${JSON.stringify(node.detail.before)} → ${JSON.stringify(node.detail.after)}`, hint: renames/* RENAME_HINT */.hO }] };
        }
    }
    const detail = node.detail;
    if (detail?.type === 'order')
        return analyzeOrder(detail.before, detail.after, format);
    if (node.kind === 'order')
        return { ...none, findings: [{ id: 'file-order', evidence: node.summary }] };
    switch (detail?.type) {
        case 'field':
            return analyzeField(detail, format, node.comparator);
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
            const diff = (0,byte_ranges/* diffBytes */.DL)(a, b);
            return analyzeBytes(node.path, diff.ranges, diff.truncated, [], format, ctx);
        }
    }
    return { ...none, unexplained: [node.summary === '' ? `${node.kind} ${node.path}` : node.summary] };
}

;// CONCATENATED MODULE: ./src/compare/causes.ts





/** Findings quoted in one cause's evidence; the rest are counted. */
const MAX_EVIDENCE = 3;
const origins = new WeakMap();
function leafCauses(analysis, secondaryIds) {
    const causes = [];
    for (const id of types/* CAUSE_IDS */.Rm) {
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
            hint: first.hint ?? hintFor(id, first.format ?? analysis.format, { prefixes: first.prefixes, secondary }),
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
    for (const id of types/* CAUSE_IDS */.Rm) {
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
function classifyCauses(root, ctx = {}, prepared) {
    const parents = new Map();
    const leaves = [];
    collectLeaves(root, parents, undefined, leaves);
    if (isRootContainer(root)) {
        root.causes = [];
        return;
    }
    const analyses = new Map();
    for (const leaf of leaves) {
        analyses.set(leaf, prepared?.get(leaf) ?? analyzeLeaf(leaf, ctx));
        prepared?.delete(leaf);
    }
    // A compiled output with unexplained bytes, and its compiler changed: an explanation only when
    // the differing bytes show the new version; otherwise said as a possibility.
    const toolchains = ctx.toolchainChanged ?? [];
    if (toolchains.length > 0) {
        for (const [leaf, analysis] of analyses) {
            if (analysis.unexplained.length === 0)
                continue;
            const text = `${leaf.summary}\n${JSON.stringify(leaf.detail ?? null)}`;
            const { finding, possible } = toolchainFinding(analysis.format, toolchains, (version) => text.includes(version));
            if (finding !== undefined) {
                analysis.findings.push(finding);
                analysis.unexplained = [];
            }
            else if (possible !== undefined) {
                analysis.unexplained.push(possible);
            }
        }
    }
    const others = (leaf, only) => {
        const scope = scopeOf(leaf, root, parents);
        if (scope === undefined)
            return [];
        return leavesUnder(scope)
            .filter((l) => l !== leaf && (only === undefined || only.some((p) => l.path === p || l.path.startsWith(`${p}:`))))
            .map((l) => analyses.get(l))
            .filter((a) => a !== undefined && a.consequenceOf === undefined);
    };
    const secondary = new Map();
    for (const leaf of leaves) {
        const analysis = analyses.get(leaf);
        if (analysis === undefined)
            continue;
        const siblings = others(leaf, analysis.consequence?.from);
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
            const evidence = analysis.consequence?.evidence ?? `${analysis.consequenceOf} follows from the other differences of this file`;
            analysis.findings = [...primaries.values()].map((f) => ({ ...f, evidence }));
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
/**
 * The classifier split in two: `prepare` analyses one file's leaves as soon as the file is
 * compared (while the diff still waits on other work), `classify` does the rest for the whole
 * tree. The result is the same as `classifyCauses` alone. `prepare` must get the context that
 * `classify` will get.
 */
function createCauseClassifier() {
    const prepared = new Map();
    return {
        prepare: (file, ctx) => {
            const leaves = [];
            collectLeaves(file, new Map(), undefined, leaves);
            for (const leaf of leaves)
                prepared.set(leaf, analyzeLeaf(leaf, ctx));
        },
        classify: (root, ctx) => classifyCauses(root, ctx, prepared),
    };
}


/***/ }),

/***/ 5472:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  u: () => (/* binding */ DEFAULT_COMPARATORS)
});

// EXTERNAL MODULE: ./src/compare/archive/bytes.ts
var archive_bytes = __webpack_require__(5909);
;// CONCATENATED MODULE: ./src/compare/archive/ar-reader.ts

const AR_MAGIC = Buffer.from('!<arch>\n', 'latin1');
const THIN_MAGIC = Buffer.from('!<thin>\n', 'latin1');
const HEADER_SIZE = 60;
function looksLikeAr(head) {
    return head.length >= 8 && (head.subarray(0, 8).equals(AR_MAGIC) || head.subarray(0, 8).equals(THIN_MAGIC));
}
function field(header, start, length) {
    return header.toString('latin1', start, start + length).trimEnd();
}
function decimal(text, what) {
    if (!/^\d+$/.test(text))
        throw new archive_bytes/* ArchiveFormatError */.Y3(`${what} is not a decimal number: ${JSON.stringify(text)}`);
    return Number(text);
}
/** `length` bytes at `offset` of the archive, or an ArchiveFormatError naming `what`. */
function takeFrom(source, offset, length, what) {
    if (offset + length > source.size) {
        throw new archive_bytes/* ArchiveFormatError */.Y3(`${what}: needs ${length} bytes at offset ${offset}, but the data ends at ${source.size}`);
    }
    return source.read(offset, length);
}
/** Parses the members, in archive order; at most `maxMembers`. Only headers and names are read. */
function parseAr(source, maxMembers) {
    return [...arMembers(source, maxMembers)];
}
/** The members one at a time, in archive order, as `parseAr` finds them (two archives can be read in step). */
function* arMembers(source, maxMembers) {
    const magic = takeFrom(source, 0, Math.min(8, source.size), 'magic');
    if (magic.equals(THIN_MAGIC)) {
        throw new archive_bytes/* ArchiveFormatError */.Y3('a thin archive (ar T): it holds paths to its members, not their bytes, so there is nothing inside to compare; compare the member files themselves');
    }
    if (!magic.equals(AR_MAGIC))
        throw new archive_bytes/* ArchiveFormatError */.Y3('no !<arch> magic');
    let count = 0;
    let longNames = null;
    let at = 8;
    while (at < source.size) {
        if (source.size - at === 1 && source.read(at, 1)[0] === 0x0a)
            break; // a final padding byte
        const header = takeFrom(source, at, HEADER_SIZE, `member header at offset ${at}`);
        if (header.toString('latin1', 58, 60) !== '`\n')
            throw new archive_bytes/* ArchiveFormatError */.Y3(`member header at offset ${at} does not end with the \`\\n terminator`);
        const size = decimal(field(header, 48, 10), `size of the member at offset ${at}`);
        if (at + HEADER_SIZE + size > source.size) {
            throw new archive_bytes/* ArchiveFormatError */.Y3(`data of the member at offset ${at}: needs ${size} bytes at offset ${at + HEADER_SIZE}, but the data ends at ${source.size}`);
        }
        let dataOffset = at + HEADER_SIZE;
        let dataSize = size;
        let name = field(header, 0, 16);
        if (name.startsWith('#1/')) {
            // BSD: the name's length, and the name stored at the start of the data.
            const length = decimal(name.slice(3), `BSD name length at offset ${at}`);
            if (length > size)
                throw new archive_bytes/* ArchiveFormatError */.Y3(`BSD name at offset ${at} is longer than its member`);
            name = source.read(dataOffset, length).toString('utf8').replace(/\0+$/, '');
            dataOffset += length;
            dataSize -= length;
        }
        else if (name === '//') {
            longNames = source.read(dataOffset, size);
        }
        else if (/^\/\d+$/.test(name)) {
            const offset = Number(name.slice(1));
            if (longNames === null || offset >= longNames.length)
                throw new archive_bytes/* ArchiveFormatError */.Y3(`member at offset ${at} names long-name entry ${offset}, which does not exist`);
            const end = longNames.indexOf('/\n', offset, 'latin1');
            name = longNames.toString('utf8', offset, end < 0 ? longNames.length : end);
        }
        else if (name !== '/' && name !== '/SYM64/' && name.endsWith('/')) {
            name = name.slice(0, -1); // GNU ends short names with '/'
        }
        const symbolTable = name === '/' || name === '/SYM64/' || name.startsWith('__.SYMDEF');
        if (name !== '//') {
            if (++count > maxMembers)
                throw new archive_bytes/* ArchiveFormatError */.Y3(`more than ${maxMembers} members`);
            yield { name, mtime: field(header, 16, 12), uid: field(header, 28, 6), gid: field(header, 34, 6), mode: field(header, 40, 8), dataOffset, size: dataSize, offset: at, symbolTable };
        }
        at += HEADER_SIZE + size + (size % 2);
    }
}

;// CONCATENATED MODULE: ./src/compare/archive/ar-symbols.ts
function gnuIndex(data, width) {
    if (data.length < width)
        return null;
    const read = (at) => (width === 4 ? data.readUInt32BE(at) : Number(data.readBigUInt64BE(at)));
    const count = read(0);
    const namesAt = width + count * width;
    if (!Number.isSafeInteger(namesAt) || namesAt > data.length)
        return null;
    const entries = [];
    let at = namesAt;
    for (let i = 0; i < count; i++) {
        const end = data.indexOf(0, at);
        if (end < 0)
            return null;
        entries.push({ symbol: data.toString('latin1', at, end), offset: read(width + i * width) });
        at = end + 1;
    }
    return entries;
}
function bsdIndex(data) {
    if (data.length < 4)
        return null;
    const ranlibBytes = data.readUInt32LE(0);
    const stringsAt = 4 + ranlibBytes + 4;
    if (ranlibBytes % 8 !== 0 || stringsAt > data.length)
        return null;
    const stringsSize = data.readUInt32LE(4 + ranlibBytes);
    if (stringsAt + stringsSize > data.length)
        return null;
    const strings = data.subarray(stringsAt, stringsAt + stringsSize);
    const entries = [];
    for (let at = 4; at < 4 + ranlibBytes; at += 8) {
        const name = data.readUInt32LE(at);
        if (name >= strings.length)
            return null;
        const end = strings.indexOf(0, name);
        entries.push({ symbol: strings.toString('latin1', name, end < 0 ? strings.length : end), offset: data.readUInt32LE(at + 4) });
    }
    return entries;
}
/** The symbol index of a symbol-table member named `name`, or null when its layout is not one we decode. */
function decodeSymbolIndex(name, data) {
    if (name === '/')
        return gnuIndex(data, 4);
    if (name === '/SYM64/')
        return gnuIndex(data, 8);
    if (name === '__.SYMDEF' || name === '__.SYMDEF SORTED')
        return bsdIndex(data);
    return null;
}
/**
 * Each symbol with the member that defines it, as `symbol → member`, sorted: equal on both sides
 * exactly when the symbol tables say the same thing apart from where the members sit. Null when
 * the table cannot be decoded or points at an offset where no member starts.
 */
function symbolOwners(name, data, memberAt) {
    const entries = decodeSymbolIndex(name, data);
    if (entries === null)
        return null;
    const owners = [];
    for (const { symbol, offset } of entries) {
        const member = memberAt.get(offset);
        if (member === undefined)
            return null;
        owners.push(`${symbol} → ${member}`);
    }
    return owners.sort();
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
    return `${path}!/${(0,archive_bytes/* displayName */.QC)(name)}`;
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
                `(first at position ${firstMoved + 1}: ${(0,archive_bytes/* displayName */.QC)(commonBefore[firstMoved] ?? '')} → ${(0,archive_bytes/* displayName */.QC)(common[firstMoved] ?? '')})`,
            detail: { type: 'order', before: commonBefore.map(archive_bytes/* displayName */.QC), after: common.map(archive_bytes/* displayName */.QC) },
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
        summary: `member ${kind}: ${(0,archive_bytes/* displayName */.QC)(key)}${what === '' ? '' : ` (${what})`}${(0,archive_bytes/* unsafeNameNote */.sn)(key)}`,
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

// EXTERNAL MODULE: ./src/compare/byte-source.ts
var byte_source = __webpack_require__(7555);
// EXTERNAL MODULE: ./src/compare/types.ts
var types = __webpack_require__(8714);
// EXTERNAL MODULE: ./src/compare/byte-ranges.ts
var byte_ranges = __webpack_require__(5596);
;// CONCATENATED MODULE: ./src/compare/formats/details.ts
/**
 * Building blocks the format comparators share: field, strings, bytes and membership nodes, and
 * the short lists their summaries quote. Everything here is pure and capped, so a comparator's
 * output stays small however big or odd its input.
 */


/** Strings shown in one `lines` detail before it says `truncated`. */
const MAX_DETAIL_LINES = 200;
/** Ranges of a `bytes` detail that get a hexdump. */
const HEXDUMP_RANGES = 3;
/** Runs a parse of one side, naming that side in its fallback reason (`old file: …`). */
function forSide(side, read) {
    try {
        return read();
    }
    catch (error) {
        if (error instanceof types/* ComparatorFallback */.Vj)
            throw new types/* ComparatorFallback */.Vj(`${side} file: ${error.message}`);
        throw error;
    }
}
/** `a, b, c and 4 more`. */
function listText(items, max = 3) {
    if (items.length <= max)
        return items.join(', ');
    return `${items.slice(0, max).join(', ')} and ${items.length - max} more`;
}
function plural(count, word, many = `${word}s`) {
    return `${count} ${count === 1 ? word : many}`;
}
/** A string quoted for a summary, shortened in the middle when long. */
function quote(text, max = 80) {
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
/** Characters two strings share at both ends: how alike a removed and an added string look. */
function likeness(x, y) {
    let head = 0;
    while (head < x.length && head < y.length && x[head] === y[head])
        head++;
    let tail = 0;
    while (tail < x.length - head && tail < y.length - head && x[x.length - 1 - tail] === y[y.length - 1 - tail])
        tail++;
    return head + tail;
}
/**
 * `added` reordered so each entry sits next to the removed string it most likely replaced (most
 * characters shared at both ends: `/tmp/a/x.c` with `/tmp/bb/x.c`, not with `/tmp/bb`; ties keep
 * the order), so the pairs the cause classifier reads line up. Left as it is past 200 × 200 strings.
 */
function alignByLikeness(removed, added) {
    if (removed.length * added.length > 40_000)
        return [...added];
    const left = [...added];
    const out = [];
    for (const r of removed) {
        if (left.length === 0)
            break;
        let best = 0;
        for (let i = 1; i < left.length; i++)
            if (likeness(r, left[i]) > likeness(r, left[best]))
                best = i;
        out.push(...left.splice(best, 1));
    }
    return [...out, ...left];
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
        parts.push(`${plural(removed.length, noun)} removed`);
    if (added.length > 0)
        parts.push(`${removed.length > 0 ? added.length : plural(added.length, noun)} added`);
    const example = removed.length > 0 && added.length > 0
        ? `${quote(removed[0])} → ${quote(added[0])}`
        : quote((removed[0] ?? added[0]));
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
const CONTEXT_BYTES = 32;
const MAX_DUMP_BYTES = 128;
/** `hexdump -C` lines (the shared format the classifier reads back) with offsets moved by `base`. */
function dumpAround(buf, offset, length, base) {
    const start = Math.max(0, Math.floor((offset - CONTEXT_BYTES) / 16) * 16);
    const end = Math.min(buf.length, Math.ceil((offset + length + CONTEXT_BYTES) / 16) * 16, start + MAX_DUMP_BYTES);
    return (0,byte_ranges/* hexdump */.kH)(buf, start, end - start)
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
    const diff = (0,byte_ranges/* diffBytes */.DL)(before, after, { maxRanges: MAX_RANGES });
    const ranges = diff.ranges.map((r) => ({ ...r, oldOffset: r.oldOffset + oldBase, newOffset: r.newOffset + newBase }));
    const hexdumpLines = diff.ranges.slice(0, HEXDUMP_RANGES).map((r) => ({
        offset: r.oldOffset + oldBase,
        before: dumpAround(before, r.oldOffset, r.oldLength, oldBase),
        after: dumpAround(after, r.newOffset, r.newLength, newBase),
    }));
    return { type: 'bytes', ranges, changedBytes: diff.changedBytes, totalBytes: Math.max(before.length, after.length), hexdump: hexdumpLines, truncated: diff.truncated };
}
/** `12 of 4096 bytes differ in 3 ranges` / `size 288 → 320 bytes, 32 bytes differ in 1 range`. */
function bytesSummary(before, after, detail) {
    if (detail.type !== 'bytes')
        return 'bytes differ';
    const count = `${detail.truncated ? 'more than ' : ''}${plural(detail.ranges.length, 'range')}`;
    if (before.length !== after.length)
        return `size ${before.length} → ${after.length} bytes, ${plural(detail.changedBytes, 'byte')} differ in ${count}`;
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
        parts.push(`${plural(changed.length, noun, many)} differ${changed.length === 1 ? 's' : ''}: ${listText(changed, 4)}`);
    if (added.length > 0)
        parts.push(`${added.length} added: ${listText(added)}`);
    if (removed.length > 0)
        parts.push(`${removed.length} removed: ${listText(removed)}`);
    return parts.length === 0 ? 'no differences' : parts.join('; ');
}

;// CONCATENATED MODULE: ./src/compare/comparators/ar.ts
/**
 * `ar` archives (static libraries, `.rlib`, `.deb`): members added and removed, member order, the
 * header fields `ar` records (mtime, uid, gid, mode: zero with `ar D`), and the data of members
 * that differ, compared by the whole registry (an object file reaches the ELF comparator). The
 * symbol table indexes the other members by offset: when it differs only because they moved, it
 * follows from their differences.
 */







const MAX_AR_MEMBERS = 100_000;
function sideOf(source, members) {
    // GNU's `/` would read `lib.a!//`: the symbol table is named for what it is.
    const keys = memberKeys(members.map((m) => (m.name === '/' ? '(symbol table)' : m.name === '/SYM64/' ? '(symbol table, 64-bit)' : m.name)));
    const byKey = new Map(keys.map((key, i) => [key, members[i]]));
    return { source, keys, byKey, keyAt: new Map([...byKey].map(([key, m]) => [m.offset, key])) };
}
/**
 * Both archives' members, read in step: each side advances while it is behind the other in the
 * share of its file read, so the blocks one side has just decoded are still cached when the other
 * reaches the same content (the after side borrows them: src/compare/byte-source.ts).
 */
function readSides(before, after) {
    const walk = (source, label) => ({ source, label, members: arMembers(source, MAX_AR_MEMBERS), found: [], at: 0, done: false });
    const a = walk(before, 'before');
    const b = walk(after, 'after');
    while (!a.done || !b.done) {
        const side = b.done || (!a.done && a.at / Math.max(a.source.size, 1) <= b.at / Math.max(b.source.size, 1)) ? a : b;
        let next;
        try {
            next = side.members.next();
        }
        catch (error) {
            if (error.name !== 'ArchiveFormatError')
                throw error;
            throw new types/* ComparatorFallback */.Vj(`cannot read the ar archive (${side.label}): ${(0,archive_bytes/* errorMessage */.gJ)(error)}`);
        }
        if (next.done === true) {
            side.done = true;
        }
        else {
            side.found.push(next.value);
            side.at = next.value.dataOffset + next.value.size;
        }
    }
    return [sideOf(before, a.found), sideOf(after, b.found)];
}
function data(side, m) {
    return side.source.read(m.dataOffset, m.size);
}
/** Equal member data: known equal from the sources' chunks, else compared byte for byte. */
function sameData(a, ma, b, mb) {
    return ma.size === mb.size && (0,byte_source/* sameBytes */.er)(a.source, ma.dataOffset, b.source, mb.dataOffset, ma.size);
}
function time(text) {
    return /^\d+$/.test(text) ? (0,archive_bytes/* formatEpoch */.jO)(Number(text), text) : JSON.stringify(text);
}
function memberFields(path, key, a, b) {
    const fields = new FieldCollector('ar', memberPath(path, key), `${(0,archive_bytes/* displayName */.QC)(key)}: `);
    fields.add('mtime', 'mtime', time(a.mtime), time(b.mtime));
    fields.add('uid', 'uid', a.uid, b.uid);
    fields.add('gid', 'gid', a.gid, b.gid);
    fields.add('mode', 'mode', a.mode, b.mode);
    return fields.differences;
}
function compareData(path, key, a, ma, b, mb, ctx) {
    if (sameData(a, ma, b, mb))
        return null;
    const target = memberPath(path, key);
    if (!canNest(ctx))
        return unexpandedNode('ar', target, `${(0,archive_bytes/* displayName */.QC)(key)}: content differs (${ma.size} → ${mb.size} bytes)`, depthCapReason(ctx));
    return ctx.compareNested(target, data(a, ma), data(b, mb));
}
/** Both archives' members compared: headers first, then the data of members present on both sides. */
function compareArchives(path, before, after, ctx) {
    const [a, b] = readSides(before, after);
    const describe = (key, side) => `${(side === 'before' ? a : b).byKey.get(key)?.size ?? 0} bytes`;
    const members = diffMemberSets('ar', path, a.keys, b.keys, describe);
    const differences = [...members.differences];
    const symbolTables = [];
    for (const key of members.common) {
        const ma = a.byKey.get(key);
        const mb = b.byKey.get(key);
        if (ma === undefined || mb === undefined)
            continue;
        differences.push(...memberFields(path, key, ma, mb));
        if (ma.symbolTable && mb.symbolTable) {
            if (!sameData(a, ma, b, mb))
                symbolTables.push([key, ma, mb]);
            continue;
        }
        const changed = compareData(path, key, a, ma, b, mb, ctx);
        if (changed !== null)
            differences.push(changed);
    }
    // What can move members: their own data, their order, members added or removed.
    const movers = differences.filter((d) => !/:ar\.(mtime|uid|gid|mode)$/.test(d.path)).map((d) => d.path);
    for (const [key, ma, mb] of symbolTables) {
        const da = data(a, ma);
        const db = data(b, mb);
        const node = bytesNode('ar', memberPath(path, key), `${(0,archive_bytes/* displayName */.QC)(key)} (symbol table)`, da, db);
        const before = symbolOwners(ma.name, da, a.keyAt);
        const after = symbolOwners(mb.name, db, b.keyAt);
        // Decoded, and every symbol still names the same member: only the offsets of moved members differ.
        if (before !== null && after !== null && movers.length > 0 && before.length === after.length && before.every((s, i) => s === after[i])) {
            node.consequence = {
                of: 'member offsets in the symbol table',
                evidence: `all ${before.length} symbols name the same members on both sides; only the offsets of members that moved differ`,
                from: movers,
            };
        }
        differences.push(node);
    }
    return differences;
}
const arComparator = {
    id: 'ar',
    recognizes(_path, head) {
        return looksLikeAr(head);
    },
    compare(path, before, after, ctx) {
        return compareArchives(path, (0,byte_source/* bufferSource */.kq)(before), (0,byte_source/* bufferSource */.kq)(after), ctx);
    },
    compareSources: compareArchives,
};

;// CONCATENATED MODULE: ./src/compare/comparators/binary.ts
/**
 * The last comparator: recognises every file and reports which byte ranges differ, how much of the
 * file that is, and a hexdump around the first ranges.
 */

/** Ranges shown with hexdump context. */
const binary_HEXDUMP_RANGES = 3;
/** Context before and after a range, and the most shown per side. */
const binary_CONTEXT_BYTES = 32;
const binary_MAX_DUMP_BYTES = 128;
const binaryComparator = {
    id: 'binary',
    recognizes: () => true,
    compare(path, before, after) {
        if (before.equals(after))
            return [];
        const diff = (0,byte_ranges/* diffBytes */.DL)(before, after);
        const totalBytes = Math.max(before.length, after.length);
        const detail = {
            type: 'bytes',
            ranges: diff.ranges,
            changedBytes: diff.changedBytes,
            totalBytes,
            hexdump: diff.ranges.slice(0, binary_HEXDUMP_RANGES).map((r) => ({
                offset: r.oldOffset,
                before: binary_dumpAround(before, r.oldOffset, r.oldLength),
                after: binary_dumpAround(after, r.newOffset, r.newLength),
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
function binary_dumpAround(buf, offset, length) {
    const start = Math.max(0, Math.floor((offset - binary_CONTEXT_BYTES) / 16) * 16);
    const end = Math.min(buf.length, Math.ceil((offset + length + binary_CONTEXT_BYTES) / 16) * 16, start + binary_MAX_DUMP_BYTES);
    return (0,byte_ranges/* hexdump */.kH)(buf, start, end - start).join('\n');
}
function binary_plural(count, one, many) {
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
    const where = truncated ? `in more than ${binary_plural(ranges.length, 'range', 'ranges')}` : `in ${binary_plural(ranges.length, 'range', 'ranges')}`;
    const verb = changedBytes === 1 ? 'differs' : 'differ';
    const sizes = beforeSize === afterSize ? '' : `, size ${beforeSize} → ${afterSize} bytes`;
    return `${binary_plural(changedBytes, 'byte', 'bytes')} ${verb} ${where} (${formatShare(changedBytes, totalBytes)})${sizes}`;
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
        throw new types/* ComparatorFallback */.Vj(`${this.format}: ${message}`);
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
function parseClass(buf) {
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
    return forSide(side, () => parseClass(buf));
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

// EXTERNAL MODULE: external "node:zlib"
var external_node_zlib_ = __webpack_require__(8522);
;// CONCATENATED MODULE: ./src/compare/formats/elf.ts
/**
 * ELF reader (System V gABI, ELF32 and ELF64, either byte order): the file header, section headers
 * with names, notes, symbol tables and the dynamic section. Only what the comparator needs, and
 * every offset checked against the file.
 */


const ELF_MAGIC = Buffer.from([0x7f, 0x45, 0x4c, 0x46]);
const SHT_SYMTAB = 2;
const SHT_STRTAB = 3;
const SHT_RELA = 4;
const SHT_DYNAMIC = 6;
const SHT_NOTE = 7;
const SHT_NOBITS = 8;
const SHT_DYNSYM = 11;
const SHF_COMPRESSED = 0x800;
const SHF_EXECINSTR = 0x4;
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
            return external_node_zlib_.inflateSync(payload, { maxOutputLength: Math.max(1, size) });
        // zstd arrived in Node 22.15; older runtimes fall back with the reason below.
        if (chType === 2 && typeof external_node_zlib_.zstdDecompressSync === 'function') {
            return external_node_zlib_.zstdDecompressSync(payload, { maxOutputLength: Math.max(1, size) });
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

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/snapshot/metadata/toolchains.ts + 2 modules
var toolchains = __webpack_require__(6899);
;// CONCATENATED MODULE: ./src/compare/formats/disassembly.ts
/**
 * Disassembly around changed code, as diffoscope shows it: binutils' `objdump -d` over a window
 * of each side's section, when objdump is on PATH. Without it the report keeps its hexdump and
 * says why there is no disassembly. Bounded: a few windows per section, a few lines per window,
 * one short-lived objdump per window and side, killed after a timeout.
 */





const WINDOW_MARGIN = 16;
const MAX_LINES = 12;
/** Instructions shown before the one holding the first changed byte. */
const CONTEXT_LINES = 3;
const TIMEOUT_MS = 10_000;
let objdump;
/** The objdump on PATH, looked up once; null when there is none. */
function findObjdump() {
    if (objdump === undefined)
        objdump = (0,toolchains/* findExecutable */.oq)('objdump', process.env.PATH);
    return objdump;
}
/**
 * Instruction lines of `objdump -d` (address: mnemonic operands), without its headers, starting a
 * few instructions before `focus` (the first changed byte) so the change is in view.
 */
function instructions(output, focus) {
    const lines = output.split('\n').filter((line) => /^\s+[0-9a-f]+:\t/.test(line));
    const address = (line) => BigInt(`0x${line.trim().split(':')[0] ?? '0'}`);
    const at = lines.findIndex((_line, i) => i + 1 === lines.length || address(lines[i + 1]) > focus);
    const from = Math.max(0, at - CONTEXT_LINES);
    return lines
        .slice(from, from + MAX_LINES)
        .map((line) => line.trim().replace(/\t+/g, '  '))
        .join('\n');
}
function run(tool, file, section, start, stop, focus) {
    const r = (0,external_node_child_process_.spawnSync)(tool, ['-d', '--no-show-raw-insn', `--section=${section}`, `--start-address=0x${start.toString(16)}`, `--stop-address=0x${stop.toString(16)}`, file], {
        encoding: 'utf8',
        timeout: TIMEOUT_MS,
        maxBuffer: 4 * 1024 * 1024,
        env: { ...process.env, LC_ALL: 'C' },
    });
    return r.status === 0 ? instructions(r.stdout, focus) : null;
}
/**
 * Disassembles windows of `section` in both ELF files around the given section-relative ranges;
 * null when objdump is missing or cannot read the files (the hexdump then stands alone).
 */
function disassembleRanges(before, after, section, ranges) {
    const tool = findObjdump();
    if (tool === null || ranges.length === 0)
        return null;
    const dir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'vitsnap-objdump-'));
    try {
        const fileA = (0,external_node_path_.join)(dir, 'before');
        const fileB = (0,external_node_path_.join)(dir, 'after');
        (0,external_node_fs_.writeFileSync)(fileA, before);
        (0,external_node_fs_.writeFileSync)(fileB, after);
        const windows = [];
        for (const r of ranges) {
            const window = (addr, offset, length) => [addr + BigInt(Math.max(0, offset - WINDOW_MARGIN)), addr + BigInt(offset + length + WINDOW_MARGIN)];
            const [a0, a1] = window(section.addrBefore, r.oldOffset, r.oldLength);
            const [b0, b1] = window(section.addrAfter, r.newOffset, r.newLength);
            const x = run(tool, fileA, section.name, a0, a1, section.addrBefore + BigInt(r.oldOffset));
            const y = run(tool, fileB, section.name, b0, b1, section.addrAfter + BigInt(r.newOffset));
            if (x === null || y === null)
                return null;
            windows.push({ offset: r.oldOffset, before: x, after: y });
        }
        return windows;
    }
    finally {
        (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
    }
}

;// CONCATENATED MODULE: ./src/compare/formats/go-buildinfo.ts
/**
 * Go build information (`go version -m`): the `.go.buildinfo` blob Go 1.18+ writes with the
 * toolchain version and the module info inline — main package path, module and dependency
 * versions, and the build settings (`-trimpath`, `-ldflags`, `vcs.revision`, `vcs.time`, …).
 * Older binaries point into their data instead; those are not decoded.
 */

const MAGIC = Buffer.from('\xff Go buildinf:', 'latin1');
const FLAG_INLINE = 0x2;
/** The module info is framed by 16 bytes on each side; the last framed byte is a newline. */
const FRAME = 16;
function isGoBuildInfo(buf) {
    return buf.length >= 32 && buf.subarray(0, MAGIC.length).equals(MAGIC);
}
function uvarint(view, at) {
    let value = 0;
    for (let shift = 0, i = at; shift < 64; shift += 7, i++) {
        const byte = view.u8(i, 'string length');
        value += (byte & 0x7f) * 2 ** shift;
        if ((byte & 0x80) === 0)
            return [value, i + 1];
    }
    return view.fail('string length longer than 10 bytes');
}
function inlineString(view, at, what) {
    const [length, start] = uvarint(view, at);
    return [view.bytes(start, length, what).toString('utf8'), start + length];
}
/** Parses the blob of a `.go.buildinfo` section; throws `ComparatorFallback` on what it cannot read. */
function parseGoBuildInfo(buf) {
    const view = new ByteView(buf, 'le', 'Go build info');
    if (!isGoBuildInfo(buf))
        view.fail('no "\\xff Go buildinf:" magic');
    const flags = view.u8(15, 'flags');
    if ((flags & FLAG_INLINE) === 0)
        view.fail('a pre-1.18 layout (version and module info behind pointers), not decoded');
    const [goVersion, next] = inlineString(view, 32, 'Go version');
    let [modinfo] = inlineString(view, next, 'module info');
    if (modinfo.length >= 2 * FRAME + 1 && modinfo[modinfo.length - FRAME - 1] === '\n')
        modinfo = modinfo.slice(FRAME, modinfo.length - FRAME);
    const settings = new Map();
    for (const line of modinfo.split('\n')) {
        const [kind, ...rest] = line.split('\t');
        if (kind === undefined || kind === '')
            continue;
        if (kind === 'build') {
            const setting = rest.join('\t');
            const eq = setting.indexOf('=');
            settings.set(`build ${eq < 0 ? setting : setting.slice(0, eq)}`, eq < 0 ? '' : setting.slice(eq + 1));
        }
        else if (kind === 'dep' || kind === '=>') {
            settings.set(`${kind} ${rest[0] ?? ''}`, rest.slice(1).join(' '));
        }
        else {
            settings.set(kind, rest.join(' '));
        }
    }
    return { goVersion, settings };
}

;// CONCATENATED MODULE: ./src/compare/formats/dwarf.ts
/**
 * Just enough DWARF (versions 2–5) and ELF relocation decoding to know where a debug section
 * holds offsets into a string section: `DW_FORM_strp` / `DW_FORM_line_strp` attribute values in
 * `.debug_info`, the v5 directory and file tables of `.debug_line`, the `.debug_str_offsets`
 * arrays, and the addends of `.rela.debug_*` entries whose symbol is a string section. When a build
 * path changes length, those are the values that move; knowing where they sit lets the comparator
 * show them as a consequence of the string change instead of unexplained bytes.
 */


const STRING_SECTIONS = ['.debug_str', '.debug_line_str'];
const SHT_REL = 9;
const STT_SECTION = 3;
/** Units and DIEs walked per section at most: a hostile file cannot make the walk unbounded. */
const MAX_SITES = 2_000_000;
// DW_FORM codes (DWARF 5, section 7.5.6) and the GNU extensions gcc emits.
const FORM = {
    addr: 0x01, block2: 0x03, block4: 0x04, data2: 0x05, data4: 0x06, data8: 0x07, string: 0x08, block: 0x09, block1: 0x0a,
    data1: 0x0b, flag: 0x0c, sdata: 0x0d, strp: 0x0e, udata: 0x0f, refAddr: 0x10, ref1: 0x11, ref2: 0x12, ref4: 0x13, ref8: 0x14,
    refUdata: 0x15, indirect: 0x16, secOffset: 0x17, exprloc: 0x18, flagPresent: 0x19, strx: 0x1a, addrx: 0x1b, refSup4: 0x1c,
    strpSup: 0x1d, data16: 0x1e, lineStrp: 0x1f, refSig8: 0x20, implicitConst: 0x21, loclistx: 0x22, rnglistx: 0x23, refSup8: 0x24,
    strx1: 0x25, strx2: 0x26, strx3: 0x27, strx4: 0x28, addrx1: 0x29, addrx2: 0x2a, addrx3: 0x2b, addrx4: 0x2c,
    gnuAddrIndex: 0x1f01, gnuStrIndex: 0x1f02, gnuRefAlt: 0x1f20, gnuStrpAlt: 0x1f21,
};
const FIXED_SIZES = new Map([
    [FORM.data1, 1], [FORM.ref1, 1], [FORM.flag, 1], [FORM.strx1, 1], [FORM.addrx1, 1],
    [FORM.data2, 2], [FORM.ref2, 2], [FORM.strx2, 2], [FORM.addrx2, 2],
    [FORM.strx3, 3], [FORM.addrx3, 3],
    [FORM.data4, 4], [FORM.ref4, 4], [FORM.refSup4, 4], [FORM.strx4, 4], [FORM.addrx4, 4],
    [FORM.data8, 8], [FORM.ref8, 8], [FORM.refSig8, 8], [FORM.refSup8, 8],
    [FORM.data16, 16], [FORM.flagPresent, 0], [FORM.implicitConst, 0],
]);
const ULEB_FORMS = new Set([FORM.udata, FORM.refUdata, FORM.strx, FORM.addrx, FORM.loclistx, FORM.rnglistx, FORM.gnuAddrIndex, FORM.gnuStrIndex]);
const OFFSET_FORMS = new Set([FORM.secOffset, FORM.strpSup, FORM.gnuRefAlt, FORM.gnuStrpAlt]);
/** DW_AT_stmt_list: a compilation unit's offset of its line table in `.debug_line`. */
const AT_STMT_LIST = 0x10;
/** A cursor over one section: LEB128 and the reads DWARF needs, all bounds-checked. */
class Cursor {
    view;
    at;
    constructor(view, at) {
        this.view = view;
        this.at = at;
    }
    u8(what) {
        return this.view.u8(this.at++, what);
    }
    fixed(size, what) {
        const at = this.at;
        this.at += size;
        if (size === 1)
            return this.view.u8(at, what);
        if (size === 2)
            return this.view.u16(at, what);
        if (size === 4)
            return this.view.u32(at, what);
        if (size === 8)
            return this.view.u64(at, what);
        this.view.check(at, size, what);
        return 0;
    }
    uleb(what) {
        let value = 0;
        for (let shift = 0; shift < 63; shift += 7) {
            const byte = this.u8(what);
            value += (byte & 0x7f) * 2 ** shift;
            if ((byte & 0x80) === 0)
                return value;
        }
        return this.view.fail(`${what}: LEB128 longer than 9 bytes at ${hex(this.at)}`);
    }
    /** Steps over a signed or unsigned LEB128 whose value is not needed: up to 128 bits, as rustc emits for u128 constants. */
    skipLeb(what) {
        for (let i = 0; i < 19; i++)
            if ((this.u8(what) & 0x80) === 0)
                return;
        this.view.fail(`${what}: LEB128 longer than 19 bytes at ${hex(this.at)}`);
    }
    skip(size, what) {
        this.view.check(this.at, size, what);
        this.at += size;
    }
    cstring(what) {
        const nul = this.view.buf.indexOf(0, this.at);
        if (nul < 0)
            this.view.fail(`${what} at ${hex(this.at)} is not NUL-terminated`);
        this.at = nul + 1;
    }
}
/** `unit_length` (32- or 64-bit DWARF) and `version`, shared by .debug_info, .debug_line and .debug_str_offsets. */
function unitStart(c, what) {
    let length = c.fixed(4, `${what} unit_length`);
    let offsetSize = 4;
    if (length === 0xffffffff) {
        length = c.fixed(8, `${what} unit_length`);
        offsetSize = 8;
    }
    else if (length >= 0xfffffff0) {
        c.view.fail(`${what}: reserved unit_length ${hex(length)}`);
    }
    const end = c.at + length;
    c.view.check(c.at, length, `${what} unit`);
    const version = c.fixed(2, `${what} version`);
    return { end, offsetSize, version };
}
function readAbbrevs(view, offset) {
    const c = new Cursor(view, offset);
    const table = new Map();
    for (;;) {
        const code = c.uleb('abbreviation code');
        if (code === 0)
            return table;
        c.uleb('abbreviation tag');
        const children = c.u8('abbreviation children flag') !== 0;
        const attributes = [];
        for (;;) {
            const name = c.uleb('attribute name');
            const form = c.uleb('attribute form');
            if (name === 0 && form === 0)
                break;
            if (form === FORM.implicitConst)
                c.skipLeb('implicit constant');
            attributes.push({ name, form });
        }
        table.set(code, { children, attributes });
    }
}
/** Steps over one attribute value, recording it when it is a string offset. */
function attributeValue(c, form, unit, sites, name = 0) {
    if (name === AT_STMT_LIST && (form === FORM.secOffset || form === FORM.data4 || form === FORM.data8)) {
        const size = form === FORM.data4 ? 4 : form === FORM.data8 ? 8 : unit.offsetSize;
        sites.push({ at: c.at, size, target: '.debug_line' });
        return c.skip(size, 'line table offset');
    }
    if (form === FORM.strp || form === FORM.lineStrp) {
        sites.push({ at: c.at, size: unit.offsetSize, target: form === FORM.strp ? '.debug_str' : '.debug_line_str' });
        c.skip(unit.offsetSize, 'string offset');
        return;
    }
    const fixed = FIXED_SIZES.get(form);
    if (fixed !== undefined)
        return c.skip(fixed, 'attribute');
    if (ULEB_FORMS.has(form))
        return c.skipLeb('attribute');
    if (OFFSET_FORMS.has(form))
        return c.skip(unit.offsetSize, 'attribute');
    switch (form) {
        case FORM.addr:
            return c.skip(unit.addressSize, 'address');
        case FORM.refAddr:
            return c.skip(unit.version <= 2 ? unit.addressSize : unit.offsetSize, 'reference');
        case FORM.sdata:
            return c.skipLeb('attribute');
        case FORM.string:
            return c.cstring('inline string');
        case FORM.block1:
            return c.skip(c.fixed(1, 'block length'), 'block');
        case FORM.block2:
            return c.skip(c.fixed(2, 'block length'), 'block');
        case FORM.block4:
            return c.skip(c.fixed(4, 'block length'), 'block');
        case FORM.block:
        case FORM.exprloc:
            return c.skip(c.uleb('block length'), 'block');
        case FORM.indirect:
            return attributeValue(c, c.uleb('indirect form'), unit, sites, name);
        default:
            return c.view.fail(`unknown DW_FORM ${hex(form)} at ${hex(c.at)}`);
    }
}
/** String offsets in `.debug_info` (or `.debug_types`): every DIE of every unit, walked with its abbreviations. */
function infoStringSites(info, abbrev) {
    const sites = [];
    const c = new Cursor(info, 0);
    const abbrevCache = new Map();
    while (c.at < info.length) {
        const start = unitStart(c, '.debug_info');
        let abbrevOffset;
        let addressSize;
        if (start.version >= 5) {
            const unitType = c.u8('unit_type');
            addressSize = c.u8('address_size');
            abbrevOffset = c.fixed(start.offsetSize, 'debug_abbrev_offset');
            // skeleton/split units carry a dwo_id; type units a signature and a type offset.
            if (unitType === 0x04 || unitType === 0x05)
                c.skip(8, 'dwo_id');
            else if (unitType === 0x02 || unitType === 0x06)
                c.skip(8 + start.offsetSize, 'type signature');
        }
        else if (start.version >= 2) {
            abbrevOffset = c.fixed(start.offsetSize, 'debug_abbrev_offset');
            addressSize = c.u8('address_size');
        }
        else {
            return info.fail(`.debug_info unit of version ${start.version} at ${hex(c.at)}`);
        }
        const unit = { end: start.end, version: start.version, offsetSize: start.offsetSize, addressSize };
        let abbrevs = abbrevCache.get(abbrevOffset);
        if (abbrevs === undefined)
            abbrevCache.set(abbrevOffset, (abbrevs = readAbbrevs(abbrev, abbrevOffset)));
        while (c.at < unit.end) {
            const code = c.uleb('abbreviation code');
            if (code === 0)
                continue;
            const entry = abbrevs.get(code);
            if (entry === undefined)
                info.fail(`DIE at ${hex(c.at)} uses abbreviation ${code}, which is not defined`);
            for (const { name, form } of entry.attributes)
                attributeValue(c, form, unit, sites, name);
            if (sites.length > MAX_SITES)
                info.fail(`more than ${MAX_SITES} string offsets`);
        }
        c.at = unit.end;
    }
    return sites;
}
/** String offsets in `.debug_line`: the v5 header's directory and file tables (earlier versions inline their strings). */
function lineStringSites(line) {
    const sites = [];
    const c = new Cursor(line, 0);
    while (c.at < line.length) {
        const start = unitStart(c, '.debug_line');
        if (start.version >= 5) {
            const addressSize = c.u8('address_size');
            c.skip(1, 'segment_selector_size');
            c.skip(start.offsetSize, 'header_length');
            c.skip(5, 'line program parameters');
            const opcodeBase = c.u8('opcode_base');
            c.skip(Math.max(0, opcodeBase - 1), 'standard_opcode_lengths');
            const unit = { end: start.end, version: start.version, offsetSize: start.offsetSize, addressSize };
            for (const table of ['directory', 'file name']) {
                const formatCount = c.u8(`${table} entry format count`);
                const forms = [];
                for (let i = 0; i < formatCount; i++) {
                    c.uleb(`${table} content type`);
                    forms.push(c.uleb(`${table} form`));
                }
                const count = c.uleb(`${table} count`);
                for (let i = 0; i < count; i++)
                    for (const form of forms)
                        attributeValue(c, form, unit, sites);
                if (sites.length > MAX_SITES)
                    line.fail(`more than ${MAX_SITES} string offsets`);
            }
        }
        c.at = start.end;
    }
    return sites;
}
/** `.debug_str_offsets`: per unit, a header and an array of offsets into `.debug_str`. */
function strOffsetsSites(view) {
    const sites = [];
    const c = new Cursor(view, 0);
    while (c.at < view.length) {
        const start = unitStart(c, '.debug_str_offsets');
        c.skip(2, 'padding');
        for (let at = c.at; at + start.offsetSize <= start.end; at += start.offsetSize) {
            sites.push({ at, size: start.offsetSize, target: '.debug_str' });
            if (sites.length > MAX_SITES)
                view.fail(`more than ${MAX_SITES} string offsets`);
        }
        c.at = start.end;
    }
    return sites;
}
/**
 * A relocatable object's debug sections hold zeros where string offsets go; the offsets are the
 * addends of relocations against the string section's symbol. Sites are those addend fields.
 */
function relocationStringSites(elf, rela) {
    if (rela.type !== SHT_RELA)
        return [];
    const symtab = elf.sections[rela.link];
    if (symtab === undefined || symtab.type !== SHT_SYMTAB)
        return [];
    const is64 = elf.header.elfClass === 64;
    const symbolSize = is64 ? 24 : 16;
    const entrySize = is64 ? 24 : 12;
    const stride = rela.entsize >= entrySize ? rela.entsize : entrySize;
    const symbols = new ByteView(sectionContents(elf, symtab, Number.MAX_SAFE_INTEGER), elf.view.endian, 'ELF symbol table');
    const view = new ByteView(sectionContents(elf, rela, Number.MAX_SAFE_INTEGER), elf.view.endian, `ELF ${rela.name}`);
    const sectionOfSymbol = new Map();
    const targetOf = (symbol) => {
        let name = sectionOfSymbol.get(symbol);
        if (name !== undefined)
            return name;
        const at = symbol * symbolSize;
        name = null;
        if (at + symbolSize <= symbols.length) {
            const info = symbols.u8(at + (is64 ? 4 : 12), 'st_info');
            const shndx = symbols.u16(at + (is64 ? 6 : 14), 'st_shndx');
            const section = elf.sections[shndx];
            if ((info & 0xf) === STT_SECTION && section !== undefined && STRING_SECTIONS.includes(section.name))
                name = section.name;
        }
        sectionOfSymbol.set(symbol, name);
        return name;
    };
    const sites = [];
    for (let at = 0; at + entrySize <= view.length; at += stride) {
        const symbol = is64 ? Number(view.u64big(at + 8, 'r_info') >> 32n) : view.u32(at + 4, 'r_info') >>> 8;
        const target = targetOf(symbol);
        if (target !== null)
            sites.push({ at: at + (is64 ? 16 : 8), size: is64 ? 8 : 4, target });
    }
    return sites;
}
/** Whether a section can hold string offsets this module finds. */
function holdsStringOffsets(section) {
    const name = section.name;
    if (section.type === SHT_RELA || section.type === SHT_REL)
        return name.startsWith('.rela.debug_') || name.startsWith('.rel.debug_');
    return name === '.debug_info' || name === '.debug_types' || name === '.debug_line' || name === '.debug_str_offsets';
}
/** The string-offset sites of a section (sorted by position), or why they could not be found. */
function stringSites(elf, section, contents, maxBytes) {
    const view = new ByteView(contents, elf.view.endian, `DWARF ${section.name}`);
    if (section.type === SHT_RELA || section.type === SHT_REL)
        return relocationStringSites(elf, section);
    if (section.name === '.debug_line')
        return lineStringSites(view);
    if (section.name === '.debug_str_offsets')
        return strOffsetsSites(view);
    const abbrev = elf.sections.find((s) => s.name === '.debug_abbrev');
    if (abbrev === undefined)
        return view.fail('no .debug_abbrev section to decode the DIEs with');
    return infoStringSites(view, new ByteView(sectionContents(elf, abbrev, maxBytes), elf.view.endian, 'DWARF .debug_abbrev'));
}

;// CONCATENATED MODULE: ./src/compare/formats/dwarf-line.ts
/**
 * `.debug_line` unit by unit. Before DWARF 5 a line table's header holds its directory and file
 * names inline, so a build path of another length changes the header's length fields and moves
 * every line program after it, though the programs themselves are the same. Decoding the headers
 * lets the comparator say exactly that: which names changed, and that the rest only moved.
 */


/** Units per section at most: a hostile file cannot make the walk unbounded. */
const MAX_UNITS = 1_000_000;
function cstring(c, what) {
    const from = c.at;
    c.cstring(what);
    return c.view.buf.toString('utf8', from, c.at - 1);
}
/** Every unit of a `.debug_line` section, its header decoded where the names are inline. */
function lineUnits(view) {
    const units = [];
    const c = new Cursor(view, 0);
    while (c.at < view.length) {
        if (units.length >= MAX_UNITS)
            view.fail(`more than ${MAX_UNITS} line tables`);
        const start = c.at;
        const unit = unitStart(c, '.debug_line');
        if (unit.version < 2 || unit.version > 5)
            view.fail(`line table of version ${unit.version} at ${hex(start)}`);
        if (unit.version >= 5)
            c.skip(2, 'address and segment selector sizes');
        const headerLength = c.fixed(unit.offsetSize, 'header_length');
        const programStart = c.at + headerLength;
        if (programStart > unit.end)
            view.fail(`line table at ${hex(start)}: header_length ${headerLength} runs past the unit`);
        const entry = { start, end: unit.end, version: unit.version, programStart, parameters: Buffer.alloc(0), directories: [], files: [] };
        if (unit.version <= 4) {
            const from = c.at;
            c.skip(unit.version === 4 ? 5 : 4, 'line program parameters');
            const opcodeBase = c.u8('opcode_base');
            c.skip(Math.max(0, opcodeBase - 1), 'standard_opcode_lengths');
            entry.parameters = view.buf.subarray(from, c.at);
            for (let name = cstring(c, 'include directory'); name !== ''; name = cstring(c, 'include directory')) {
                entry.directories.push(name);
                if (c.at > programStart)
                    view.fail(`line table at ${hex(start)}: directories run past the header`);
            }
            for (let name = cstring(c, 'file name'); name !== ''; name = cstring(c, 'file name')) {
                entry.files.push({ name, directory: c.uleb('directory index'), mtime: c.uleb('modification time'), length: c.uleb('file length') });
                if (c.at > programStart)
                    view.fail(`line table at ${hex(start)}: file names run past the header`);
            }
        }
        units.push(entry);
        c.at = unit.end;
    }
    return units;
}
/**
 * Two decodings of `.debug_line` whose units match one for one, with the same versions, line
 * program parameters and programs: the unit pairs, or undefined when anything but the names differs.
 */
function sameLinePrograms(x, a, y, b) {
    if (a.length !== b.length)
        return undefined;
    const pairs = [];
    for (let i = 0; i < a.length; i++) {
        const ua = a[i];
        const ub = b[i];
        if (ua.version !== ub.version || ua.version >= 5 || !ua.parameters.equals(ub.parameters))
            return undefined;
        if (!x.subarray(ua.programStart, ua.end).equals(y.subarray(ub.programStart, ub.end)))
            return undefined;
        if (ua.directories.length !== ub.directories.length || ua.files.length !== ub.files.length)
            return undefined;
        const sameFiles = ua.files.every((f, k) => {
            const g = ub.files[k];
            return f.directory === g.directory && f.mtime === g.mtime && f.length === g.length;
        });
        if (!sameFiles)
            return undefined;
        pairs.push([ua, ub]);
    }
    return pairs;
}
/** Where a byte of one side's line programs sits on the other side, when both units match; undefined inside a header. */
function mapProgramOffset(pairs, offset) {
    for (const [ua, ub] of pairs) {
        if (offset >= ua.programStart && offset < ua.end)
            return ub.programStart + (offset - ua.programStart);
    }
    return undefined;
}

;// CONCATENATED MODULE: ./src/compare/comparators/elf-line.ts
/**
 * DWARF 2–4 line tables whose only change is a name in their headers. A build path of another
 * length changes `unit_length` and `header_length` and moves every line program after it; with
 * the programs and the other header fields equal, the difference is the names, shown as strings
 * so their cause (a build path) is found, and the relocations that patch the moved programs in an
 * object file follow from it.
 */





const elf_line_ID = 'elf';
function decode(contents, endian) {
    try {
        return lineUnits(new ByteView(contents, endian, 'DWARF .debug_line'));
    }
    catch (error) {
        if (error instanceof types/* ComparatorFallback */.Vj)
            return undefined;
        throw error;
    }
}
/** The full name of a file of a line table: its directory (index 0 is the compilation directory, not listed) and name. */
function fileName(unit, k) {
    const file = unit.files[k];
    if (file === undefined)
        return '';
    const directory = file.directory === 0 ? undefined : unit.directories[file.directory - 1];
    return directory === undefined || file.name.startsWith('/') ? file.name : `${directory}/${file.name}`;
}
/**
 * `.debug_line` (contents decompressed) whose units differ only in their directory and file
 * names, as a strings node; undefined when anything else differs (the bytes then speak).
 */
function lineTableNode(path, name, x, y, endian) {
    const a = decode(x, endian);
    const b = decode(y, endian);
    if (a === undefined || b === undefined)
        return undefined;
    const pairs = sameLinePrograms(x, a, y, b);
    if (pairs === undefined)
        return undefined;
    const removed = [];
    const added = [];
    for (const [ua, ub] of pairs) {
        ua.directories.forEach((d, k) => {
            const e = ub.directories[k];
            if (d === e)
                return;
            removed.push(d);
            added.push(e);
        });
        ua.files.forEach((f, k) => {
            // A file listed under a changed directory changes with it; only its own name is news.
            if (f.name === ub.files[k]?.name)
                return;
            removed.push(fileName(ua, k));
            added.push(fileName(ub, k));
        });
    }
    if (removed.length === 0)
        return undefined;
    const moved = pairs.some(([ua, ub]) => ua.start !== ub.start || ua.programStart - ua.start !== ub.programStart - ub.start);
    const count = removed.length === 1 ? '1 name in the line table headers differs' : `${removed.length} names in the line table headers differ`;
    const rest = moved ? 'the line programs are the same, only moved' : 'the line programs are the same';
    const summary = `${name}: ${count} (e.g. ${quote(removed[0])} → ${quote(added[0])}); ${rest}`;
    return node(elf_line_ID, path, 'lines', summary, stringsDetail(removed, added));
}
/**
 * The relocations of an object file's `.debug_line` (`.rela.debug_line`) when the only change is
 * where they apply: each entry the same but for `r_offset`, which moved with the line program it
 * patches. Undefined for anything else.
 */
function lineRelocationConsequence(file, a, sa, x, b, sb, y, maxBytes) {
    if (sa.type !== SHT_RELA || sb.type !== SHT_RELA || x.length !== y.length || x.equals(y))
        return undefined;
    const ta = a.sections[sa.info];
    const tb = b.sections[sb.info];
    if (ta?.name !== '.debug_line' || tb?.name !== '.debug_line')
        return undefined;
    let lineA;
    let lineB;
    try {
        lineA = sectionContents(a, ta, maxBytes);
        lineB = sectionContents(b, tb, maxBytes);
    }
    catch (error) {
        if (error instanceof types/* ComparatorFallback */.Vj)
            return undefined;
        throw error;
    }
    const unitsA = decode(lineA, a.view.endian);
    const unitsB = decode(lineB, b.view.endian);
    if (unitsA === undefined || unitsB === undefined)
        return undefined;
    const pairs = sameLinePrograms(lineA, unitsA, lineB, unitsB);
    if (pairs === undefined)
        return undefined;
    const is64 = a.header.elfClass === 64;
    const entrySize = is64 ? 24 : 12;
    const stride = Math.max(sa.entsize, entrySize);
    if (sb.entsize !== sa.entsize || x.length % stride !== 0)
        return undefined;
    const va = new ByteView(x, a.view.endian, `ELF ${sa.name}`);
    const vb = new ByteView(y, b.view.endian, `ELF ${sb.name}`);
    const offsetAt = (v, at) => (is64 ? v.u64(at, 'r_offset') : v.u32(at, 'r_offset'));
    let moved = 0;
    try {
        for (let at = 0; at < x.length; at += stride) {
            // r_info and r_addend must be the same bytes; r_offset must be where the program moved.
            if (!x.subarray(at + (is64 ? 8 : 4), at + entrySize).equals(y.subarray(at + (is64 ? 8 : 4), at + entrySize)))
                return undefined;
            const before = offsetAt(va, at);
            const after = offsetAt(vb, at);
            if (mapProgramOffset(pairs, before) !== after)
                return undefined;
            if (before !== after)
                moved++;
        }
    }
    catch (error) {
        if (error instanceof types/* ComparatorFallback */.Vj)
            return undefined;
        throw error;
    }
    if (moved === 0)
        return undefined;
    return {
        of: 'relocation offsets into .debug_line',
        evidence: `${moved} relocation${moved === 1 ? '' : 's'} of ${sa.name} moved with the line program ${moved === 1 ? 'it patches' : 'they patch'}: the header before it changed length`,
        from: [`${file}:.debug_line`],
    };
}

;// CONCATENATED MODULE: ./src/compare/comparators/elf-offsets.ts
/**
 * Offsets that moved because strings did. When a build path changes length, `.debug_line_str`
 * and `.debug_str` are laid out anew, and every offset into them in `.debug_info`, `.debug_line`,
 * `.debug_str_offsets` (or, in an object file, the addends of `.rela.debug_*`) changes with them.
 * Each differing byte must lie in such an offset, and each offset must point at a string on
 * both sides; then the section's difference follows from the string sections' and takes their
 * causes as secondary. One byte outside a known offset, and the section stays as it is.
 */





function readOffset(buf, site, endian) {
    if (site.size === 4)
        return endian === 'le' ? buf.readUInt32LE(site.at) : buf.readUInt32BE(site.at);
    const value = endian === 'le' ? buf.readBigInt64LE(site.at) : buf.readBigInt64BE(site.at);
    return value < 0n || value > BigInt(Number.MAX_SAFE_INTEGER) ? -1 : Number(value);
}
/** The sites that cover every differing byte, or null when some byte lies outside all of them. */
function coveringSites(x, y, sites) {
    const touched = [];
    let k = 0;
    for (let i = 0; i < x.length; i++) {
        if (x[i] === y[i])
            continue;
        while (k < sites.length && sites[k].at + sites[k].size <= i)
            k++;
        const site = sites[k];
        if (site === undefined || site.at > i)
            return null;
        if (touched[touched.length - 1] !== site)
            touched.push(site);
    }
    return touched;
}
const elf_offsets_quote = (s) => JSON.stringify(s.length > 60 ? `${s.slice(0, 57)}…` : s);
/**
 * Whether the difference of a debug section (both sides' contents, decompressed) is made of
 * string offsets only; `path` is the file's display path, for naming the string sections' nodes.
 */
function stringOffsetConsequence(path, a, sa, x, b, sb, y, maxBytes) {
    if (!holdsStringOffsets(sa) || !holdsStringOffsets(sb) || x.length !== y.length || x.equals(y))
        return undefined;
    let sitesA;
    let sitesB;
    try {
        sitesA = stringSites(a, sa, x, maxBytes).sort((p, q) => p.at - q.at);
        sitesB = stringSites(b, sb, y, maxBytes).sort((p, q) => p.at - q.at);
    }
    catch (error) {
        if (error instanceof types/* ComparatorFallback */.Vj)
            return undefined; // not decodable: the bytes speak for themselves
        throw error;
    }
    if (sitesA.length !== sitesB.length || sitesA.some((s, i) => s.at !== sitesB[i]?.at || s.size !== sitesB[i]?.size || s.target !== sitesB[i]?.target))
        return undefined;
    const touched = coveringSites(x, y, sitesA);
    if (touched === null || touched.length === 0)
        return undefined;
    const tables = new Map();
    const tableOf = (target) => {
        let pair = tables.get(target);
        if (pair !== undefined)
            return pair;
        const ta = a.sections.find((s) => s.name === target);
        const tb = b.sections.find((s) => s.name === target);
        pair = ta === undefined || tb === undefined ? null : [sectionContents(a, ta, maxBytes), sectionContents(b, tb, maxBytes)];
        tables.set(target, pair);
        return pair;
    };
    // Unit start → position, per side: one lookup per DW_AT_stmt_list, however many units there are.
    const lineStarts = new Map();
    const lineUnitIndex = (side, offset) => {
        let starts = lineStarts.get(side);
        if (starts === undefined) {
            const pair = tableOf('.debug_line');
            const elf = side === 'a' ? a : b;
            starts = pair === null ? null : new Map(lineUnits(new ByteView(pair[side === 'a' ? 0 : 1], elf.view.endian, 'DWARF .debug_line')).map((u, k) => [u.start, k]));
            lineStarts.set(side, starts);
        }
        return starts?.get(offset) ?? -1;
    };
    let same = 0;
    let lines = 0;
    const changed = new Map();
    try {
        for (const site of touched) {
            if (site.target === '.debug_line') {
                // A compilation unit's line table: the same unit (by position) on both sides, moved.
                const k = lineUnitIndex('a', readOffset(x, site, a.view.endian));
                if (k < 0 || k !== lineUnitIndex('b', readOffset(y, site, b.view.endian)))
                    return undefined;
                lines++;
                continue;
            }
            const pair = tableOf(site.target);
            if (pair === null)
                return undefined;
            const before = tableString(pair[0], readOffset(x, site, a.view.endian));
            const after = tableString(pair[1], readOffset(y, site, b.view.endian));
            if (before === undefined || after === undefined)
                return undefined;
            if (before === after)
                same++;
            else
                changed.set(`${elf_offsets_quote(before)} → ${elf_offsets_quote(after)}`, (changed.get(`${elf_offsets_quote(before)} → ${elf_offsets_quote(after)}`) ?? 0) + 1);
        }
    }
    catch (error) {
        if (error instanceof types/* ComparatorFallback */.Vj)
            return undefined;
        throw error;
    }
    const targets = [...new Set(touched.map((s) => s.target))].sort();
    const strings = touched.length - lines;
    const moved = changed.size === 0 ? '' : `, ${strings - same} at strings that changed (${[...changed.keys()].slice(0, 2).join('; ')}${changed.size > 2 ? '; …' : ''})`;
    const lineText = lines === 0 ? '' : `${strings === 0 ? '' : '; '}${lines} still point at the same line table`;
    const stringPart = strings === 0 ? '' : `${same} still point at the same string${moved}`;
    return {
        of: `offsets into ${targets.join(' and ')}`,
        evidence: `${touched.length} offset${touched.length === 1 ? '' : 's'} into ${targets.join(' and ')} changed as the ${strings === 0 ? 'line tables' : 'strings'} moved: ${stringPart}${lineText}`,
        from: targets.map((t) => `${path}:${t}`),
    };
}

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
    return forSide(side, () => parseElf(buf));
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
    const diff = multisetDiff(before, after);
    const { removed } = diff;
    const added = alignByLikeness(removed, diff.added);
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
    else if (name === '.debug_line') {
        const x = decompressed(a, sa, rawA, ctx.limits.maxExpandedBytes);
        const y = decompressed(b, sb, rawB, ctx.limits.maxExpandedBytes);
        special = lineTableNode(path, name, x, y, a.view.endian);
    }
    else if (name === '.go.buildinfo') {
        special = goBuildInfoNode(path, rawA, rawB);
    }
    else if (isReadOnlyData(name)) {
        special = stringChildren(path, name, extractPrintableRuns(rawA), extractPrintableRuns(rawB));
    }
    return special ?? contentsNode(path, a, sa, rawA, b, sb, rawB, ctx);
}
/** objdump reads the whole file from disk: larger ones are not written out for it. */
const MAX_DISASSEMBLED_FILE = 64 * 1024 * 1024;
/** Code that differs: objdump's disassembly around the first two ranges, or a note saying why there is none. */
function addDisassembly(difference, a, sa, b, sb) {
    const detail = difference.detail;
    if (detail?.type !== 'bytes')
        return;
    if (a.view.buf.length > MAX_DISASSEMBLED_FILE || b.view.buf.length > MAX_DISASSEMBLED_FILE) {
        detail.disassemblyNote = `no disassembly: files over ${MAX_DISASSEMBLED_FILE / (1024 * 1024)} MiB are shown as hex`;
        return;
    }
    const ranges = detail.ranges.slice(0, 2).map((r) => ({ ...r, oldOffset: r.oldOffset - sa.offset, newOffset: r.newOffset - sb.offset }));
    const windows = disassembleRanges(a.view.buf, b.view.buf, { name: sa.name, addrBefore: sa.addr, addrAfter: sb.addr }, ranges);
    if (windows !== null)
        detail.disassembly = { tool: 'objdump -d', windows };
    else
        detail.disassemblyNote = findObjdump() === null ? 'no disassembly: objdump (binutils) is not on PATH; shown as hex' : 'no disassembly: objdump could not read this file; shown as hex';
}
/** A compressed section's contents, or its raw bytes when they do not decompress (the bytes are then what is compared). */
function decompressed(elf, section, raw, maxBytes) {
    try {
        return sectionContents(elf, section, maxBytes);
    }
    catch (error) {
        if (error instanceof types/* ComparatorFallback */.Vj)
            return raw;
        throw error;
    }
}
/**
 * The bytes of a section that has no structure of its own here. Compressed sections (gcc -gz) are
 * compared decompressed, so a build path inside them reads as what it is; string offsets in debug
 * sections that moved with their strings are marked as following from the string sections.
 */
function contentsNode(path, a, sa, rawA, b, sb, rawB, ctx) {
    const name = sa.name;
    const compressed = ((sa.flags | sb.flags) & SHF_COMPRESSED) !== 0;
    const maxBytes = ctx.limits.maxExpandedBytes;
    const x = compressed ? decompressed(a, sa, rawA, maxBytes) : rawA;
    const y = compressed ? decompressed(b, sb, rawB, maxBytes) : rawB;
    // A side that does not decompress: both are compared as stored.
    if (compressed && (x === rawA || y === rawB))
        return bytesNode(elf_ID, path, name, rawA, rawB, sa.offset, sb.offset);
    if (compressed && x.equals(y)) {
        // Same contents, compressed differently: the compression header or stream says how.
        return fieldNode(elf_ID, path, 'compressed bytes', `${rawA.length} bytes`, `${rawB.length} bytes`, `${name}: same contents, compressed differently (${rawA.length} → ${rawB.length} bytes)`);
    }
    const difference = compressed ? bytesNode(elf_ID, path, `${name} (decompressed)`, x, y) : bytesNode(elf_ID, path, name, rawA, rawB, sa.offset, sb.offset);
    if (!compressed && ((sa.flags & sb.flags) & SHF_EXECINSTR) !== 0)
        addDisassembly(difference, a, sa, b, sb);
    const file = path.slice(0, path.lastIndexOf(`:${name}`));
    const consequence = stringOffsetConsequence(file, a, sa, x, b, sb, y, maxBytes) ?? lineRelocationConsequence(file, a, sa, x, b, sb, y, maxBytes);
    if (consequence !== undefined)
        difference.consequence = consequence;
    return difference;
}
/**
 * Go's build information, setting by setting (`go version -m`). With `-trimpath` on one side only,
 * the CGO_* settings Go leaves out under it are folded into that one difference.
 */
function goBuildInfoNode(path, rawA, rawB) {
    let a;
    let b;
    try {
        a = parseGoBuildInfo(rawA);
        b = parseGoBuildInfo(rawB);
    }
    catch (error) {
        if (error instanceof types/* ComparatorFallback */.Vj)
            return undefined; // compared as bytes, which say why
        throw error;
    }
    const children = [];
    const add = (key, before, after) => {
        if (before !== after)
            children.push(fieldNode(elf_ID, `${path}:${key}`, key, before, after, `Go ${key}: ${before} → ${after}`));
    };
    add('go version', a.goVersion, b.goVersion);
    const trimpath = (a.settings.get('build -trimpath') ?? 'false') !== (b.settings.get('build -trimpath') ?? 'false');
    const folded = [];
    for (const key of unionKeys(a.settings, b.settings)) {
        const x = a.settings.get(key);
        const y = b.settings.get(key);
        if (trimpath && key.startsWith('build CGO_') && (x === undefined || y === undefined)) {
            folded.push(key.slice('build '.length));
            continue;
        }
        add(key, x ?? '(absent)', y ?? '(absent)');
    }
    const flag = children.find((c) => c.path === `${path}:build -trimpath`);
    if (flag !== undefined && folded.length > 0)
        flag.summary = `${flag.summary} (so ${folded.join(', ')} are not recorded)`;
    if (children.length === 0)
        return undefined;
    return { path, kind: 'modified', comparator: elf_ID, summary: `Go build info: ${children.length === 1 ? '1 setting differs' : `${children.length} settings differ`}`, causes: [], children };
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
/**
 * A Go binary has its build info or build-ID note; a Rust one says so in `.comment` ("rustc
 * version 1.95.0") or, from older compilers, in its DWARF producer ("clang LLVM (rustc version …)").
 */
function languageOf(elf) {
    if (elf.sections.some((s) => s.name === '.go.buildinfo' || s.name === '.note.go.buildid'))
        return 'go';
    const says = (name) => {
        const section = elf.sections.find((s) => s.name === name);
        return section !== undefined && sectionBytes(elf, section).includes('rustc version ');
    };
    return says('.comment') || says('.debug_str') ? 'rust' : undefined;
}
function tagLanguage(node, language) {
    node.language = language;
    for (const child of node.children)
        tagLanguage(child, language);
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
        const language = languageOf(b);
        if (language !== undefined)
            for (const child of children)
                tagLanguage(child, language);
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

// EXTERNAL MODULE: external "node:buffer"
var external_node_buffer_ = __webpack_require__(4573);
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




const text_CONTEXT_LINES = 3;
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
/** Whether a valid multi-byte UTF-8 sequence occurs: then invalid bytes elsewhere are damage, not another encoding. */
function hasUtf8Sequence(buf) {
    for (let i = 0; i < buf.length; i++) {
        const c = buf[i];
        const need = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : 0;
        if (need === 0 || i + need >= buf.length + 0)
            continue;
        let ok = true;
        for (let k = 1; k <= need; k++)
            if (((buf[i + k] ?? 0) & 0xc0) !== 0x80)
                ok = false;
        if (ok)
            return true;
    }
    return false;
}
/**
 * Whether bytes that are not UTF-8 read as ISO-8859-1 / windows-1252 text: no NUL, and nearly all
 * bytes printable, whitespace or letters of the upper half (C0 controls other than tab, CR, LF and
 * form feed are what binary data is full of).
 */
function looksLike8BitText(buf) {
    if (buf.length === 0 || buf.includes(0) || hasUtf8Sequence(buf))
        return false;
    let controls = 0;
    for (const byte of buf)
        if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c)
            controls++;
    return controls <= buf.length / 100;
}
function isTextName(path) {
    const base = external_node_path_.posix.basename(path.replace(/\\/g, '/'));
    return TEXT_EXTENSIONS.has((0,external_node_path_.extname)(base).toLowerCase()) || TEXT_NAMES.has(base.replace(/\.[^.]*$/, ''));
}
/**
 * Decodes a text file exactly, or throws `ComparatorFallback` saying why it is not text. With
 * `legacy`, bytes that are not UTF-8 may be ISO-8859-1 / windows-1252 (formats that must be
 * UTF-8, such as JSON, leave it off).
 */
function decodeText(buf, side, legacy = false) {
    const utf16 = hasUtf16Bom(buf);
    if (utf16 !== null) {
        if (buf.length % 2 !== 0)
            throw new types/* ComparatorFallback */.Vj(`${side} is not valid ${utf16}: odd number of bytes`);
        try {
            const decoder = new TextDecoder(utf16 === 'UTF-16LE' ? 'utf-16le' : 'utf-16be', { fatal: true, ignoreBOM: true });
            return { encoding: utf16, bom: true, text: decoder.decode(buf.subarray(2)) };
        }
        catch {
            throw new types/* ComparatorFallback */.Vj(`${side} is not valid ${utf16} (unpaired surrogate)`);
        }
    }
    const nul = buf.indexOf(0);
    if (nul >= 0)
        throw new types/* ComparatorFallback */.Vj(`${side} contains a NUL byte at offset ${nul}`);
    const bad = (0,external_node_buffer_.isUtf8)(buf) ? -1 : invalidUtf8Offset(buf, false);
    if (bad >= 0) {
        // Not UTF-8: a legacy 8-bit text (a Java .properties file is ISO-8859-1), when it reads as one.
        const where = `${side} is not valid UTF-8 (byte 0x${buf[bad].toString(16).padStart(2, '0')} at offset ${bad})`;
        if (!legacy)
            throw new types/* ComparatorFallback */.Vj(where);
        if (!looksLike8BitText(buf))
            throw new types/* ComparatorFallback */.Vj(`${where} and does not read as 8-bit text`);
        const cp1252 = buf.some((byte) => byte >= 0x80 && byte <= 0x9f);
        return { encoding: cp1252 ? 'windows-1252' : 'ISO-8859-1', bom: false, text: new TextDecoder(cp1252 ? 'windows-1252' : 'latin1').decode(buf) };
    }
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
function text_field(path, name, before, after, summary, comparator = 'text') {
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
function compareText(path, before, after, limits, comparator = 'text') {
    if (before === after)
        return [];
    const a = splitLines(before);
    const b = splitLines(after);
    const most = Math.max(a.lines.length, b.lines.length);
    if (most > limits.maxTextLines)
        throw new types/* ComparatorFallback */.Vj(`more than ${limits.maxTextLines} lines; comparing bytes`);
    const out = [];
    const alignment = alignLines(a.lines, b.lines);
    const styleA = describeEndings(a.endings);
    const styleB = describeEndings(b.endings);
    // 'none' (one unterminated line) is the final-newline field's business, not a style change.
    if (styleA !== styleB && styleA !== 'none' && styleB !== 'none') {
        out.push(text_field(path, 'line endings', styleA, styleB, undefined, comparator));
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
            out.push(text_field(path, 'line endings', first.before, first.after, `line endings: ${text_plural(changed, 'line')} changed terminator (first at line ${first.line}: ${first.before} → ${first.after})`, comparator));
        }
    }
    const finalA = a.endings.length === 0 ? '\n' : a.endings[a.endings.length - 1];
    const finalB = b.endings.length === 0 ? '\n' : b.endings[b.endings.length - 1];
    if ((finalA === '') !== (finalB === '')) {
        const describe = (e) => (e === '' ? 'missing' : e === '\n' ? 'present' : `present (${ENDING_NAMES[e]})`);
        out.push(text_field(path, 'final newline', describe(finalA), describe(finalB), undefined, comparator));
    }
    const { hunks, truncated } = hunksFromAlignment(a.lines, b.lines, alignment, { context: text_CONTEXT_LINES, maxLines: MAX_HUNK_LINES });
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
        const a = decodeText(before, 'old side', true);
        const b = decodeText(after, 'new side', true);
        const out = [];
        const encodingA = describeEncoding(a);
        const encodingB = describeEncoding(b);
        if (encodingA !== encodingB) {
            const bomOnly = a.encoding === b.encoding;
            out.push(bomOnly
                ? text_field(path, 'byte order mark', a.bom ? 'UTF-8 BOM' : 'none', b.bom ? 'UTF-8 BOM' : 'none', `byte order mark ${a.bom ? 'removed' : 'added'} (UTF-8)`)
                : text_field(path, 'encoding', encodingA, encodingB));
        }
        out.push(...compareText(path, a.text, b.text, ctx.limits));
        return out;
    },
};

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./node_modules/jsondiffpatch/lib/index.js + 15 modules
var lib = __webpack_require__(4527);
;// CONCATENATED MODULE: ./src/compare/comparators/json-values.ts
/** JSON values and their one-line and pretty-printed forms, shared by the small and large paths. */
/** Fields that identify an object in an array, in order of preference. */
const KEY_FIELDS = ['id', 'name', 'key', 'path', 'file'];
const VALUE_CHARS = 200;
const SUMMARY_VALUE_CHARS = 60;
const INLINE_WIDTH = 200;
function isObject(value) {
    return typeof value === 'object' && value !== null && !Array.isArray(value);
}
function isContainer(value) {
    return typeof value === 'object' && value !== null;
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

;// CONCATENATED MODULE: ./src/compare/comparators/json-delta.ts
/**
 * The jsondiffpatch path for JSON within the caps: items matched by key or content hash, long
 * arrays aligned by our O(ND) line diff, the delta turned into JSON Pointer changes, and key
 * order changes found through matched items.
 */




/** jsondiffpatch's LCS matrix cells per array, and in all, before our O(ND) alignment takes over. */
const MAX_ARRAY_CELLS = 1_000_000;
const MAX_TOTAL_CELLS = 4_000_000;
const MAX_CHANGES = 1000;
const MAX_LIST = 1000;
class AlignmentTooLarge extends Error {
    name = 'AlignmentTooLarge';
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
        const hash = text.length > 64 ? `#${(0,external_node_crypto_.createHash)('sha1').update(text).digest('base64')}` : text;
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
    const patcher = (0,lib/* create */.vt)({
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

// EXTERNAL MODULE: ./src/snapshot/bounded-json.ts
var bounded_json = __webpack_require__(3612);
;// CONCATENATED MODULE: ./src/compare/comparators/json-region.ts
/**
 * The smallest JSON container that holds every differing byte of two large documents, found on the
 * raw UTF-8 bytes, so only that container is decoded and parsed. Two builds' 17 MB stats.json
 * differ in a few values; parsing both whole cost most of the diff's second. Everything outside
 * the container is byte-identical, hence equal after parsing, so the lockstep walk of the two
 * containers reports exactly what the walk of the whole documents would.
 *
 * The scanner validates the grammar of every byte (prefix, both containers, suffix) and answers
 * null whenever it is unsure — invalid JSON, nesting near the walk's limit, a duplicate key on the
 * path, a container that is most of the document — and the caller parses the whole documents.
 */



const OBJECT = 1;
const ARRAY = 2;
// What the grammar allows next.
const VALUE = 0;
const VALUE_OR_CLOSE = 1;
const KEY_OR_CLOSE = 2;
const KEY = 3;
const COLON = 4;
const COMMA_OR_CLOSE = 5;
const END = 6;
// Why a run stopped.
const STOPPED = 0;
const CLOSED = 1;
const FINISHED = 2;
const INVALID = 3;
function isDigit(c) {
    return c >= 0x30 && c <= 0x39;
}
function isHex(c) {
    return isDigit(c) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}
/** End (after the closing quote) of the string whose opening quote is at `at`, or -1 when invalid. */
function stringEnd(buf, at) {
    const len = buf.length;
    let i = at + 1;
    while (i < len) {
        const c = buf[i];
        if (c === bounded_json/* QUOTE */.jA)
            return i + 1;
        if (c < 0x20)
            return -1;
        if (c === bounded_json/* BACKSLASH */.r_) {
            const e = buf[i + 1];
            if (e === 0x75) {
                // \uXXXX; lone surrogates are valid JSON and JSON.parse keeps them.
                for (let k = 2; k < 6; k++)
                    if (!isHex(buf[i + k] ?? 0))
                        return -1;
                i += 6;
                continue;
            }
            if (e === bounded_json/* QUOTE */.jA || e === bounded_json/* BACKSLASH */.r_ || e === 0x2f || e === 0x62 || e === 0x66 || e === 0x6e || e === 0x72 || e === 0x74) {
                i += 2;
                continue;
            }
            return -1;
        }
        i++;
    }
    return -1;
}
/** End of the number starting at `at` (RFC 8259 grammar), or -1 when invalid. */
function numberEnd(buf, at) {
    let i = at;
    if (buf[i] === 0x2d)
        i++;
    const first = buf[i] ?? 0;
    if (first === 0x30)
        i++;
    else if (first >= 0x31 && first <= 0x39)
        while (isDigit(buf[i] ?? 0))
            i++;
    else
        return -1;
    if (buf[i] === 0x2e) {
        i++;
        if (!isDigit(buf[i] ?? 0))
            return -1;
        while (isDigit(buf[i] ?? 0))
            i++;
    }
    if (buf[i] === 0x65 || buf[i] === 0x45) {
        i++;
        if (buf[i] === 0x2b || buf[i] === 0x2d)
            i++;
        if (!isDigit(buf[i] ?? 0))
            return -1;
        while (isDigit(buf[i] ?? 0))
            i++;
    }
    return i;
}
const LITERALS = { 0x74: Buffer.from('true'), 0x66: Buffer.from('false'), 0x6e: Buffer.from('null') };
function literalEnd(buf, at) {
    const word = LITERALS[buf[at]];
    if (word === undefined || at + word.length > buf.length)
        return -1;
    return buf.compare(word, 0, word.length, at, at + word.length) === 0 ? at + word.length : -1;
}
/** End of the primitive value at `at`, or -1 when there is none. */
function primitiveEnd(buf, c, at) {
    if (c === bounded_json/* QUOTE */.jA)
        return stringEnd(buf, at);
    if (c === 0x2d || isDigit(c))
        return numberEnd(buf, at);
    return literalEnd(buf, at);
}
/**
 * A resumable validating scanner: a stack of open containers and what may come next. Builds no
 * values. In prefix mode it also keeps, per open object, the byte ranges of its keys so far (the
 * current one last) and, per open array, the current element's index.
 */
class Scanner {
    buf;
    pos;
    expect = VALUE;
    depth = 0;
    /** Open containers beneath this scanner's stack (its depth counts from there). */
    base;
    maxDepth;
    kinds = [];
    starts = [];
    indexes = [];
    /** Per open object, where its keys begin in `keyLog`. */
    keyBases = [];
    /** Start and end of each key of the open objects, innermost last. */
    keyLog = [];
    recordKeys = false;
    /** The lowest depth reached: frames below it are still the ones the scan started inside. */
    lowest = 0;
    /** Called for each key read at a depth `<= watchDepth` (suffix mode). */
    watchDepth = -1;
    onKey = () => true;
    constructor(buf, pos, base, maxDepth) {
        this.buf = buf;
        this.pos = pos;
        this.base = base;
        this.maxDepth = maxDepth;
    }
    /** Resumes inside an open container, just after one of its values. */
    enter(kind) {
        this.kinds[this.depth] = kind;
        this.depth++;
        this.expect = COMMA_OR_CLOSE;
    }
    open(kind, at) {
        if (this.base + this.depth + 1 >= this.maxDepth)
            return false;
        const d = this.depth;
        this.kinds[d] = kind;
        this.starts[d] = at;
        this.indexes[d] = 0;
        if (this.recordKeys)
            this.keyBases[d] = this.keyLog.length;
        this.depth = d + 1;
        this.expect = kind === OBJECT ? KEY_OR_CLOSE : VALUE_OR_CLOSE;
        return true;
    }
    close() {
        const d = --this.depth;
        if (d < this.lowest)
            this.lowest = d;
        if (this.recordKeys && this.kinds[d] === OBJECT)
            this.keyLog.length = this.keyBases[d];
        this.expect = d === 0 ? (this.base === 0 ? END : COMMA_OR_CLOSE) : COMMA_OR_CLOSE;
    }
    /**
     * Scans until the next token at or past `stopAt` (or one reaching it), until the depth falls to
     * `floor` (a container closed), or to the end of the buffer.
     */
    run(stopAt, floor) {
        const buf = this.buf;
        const len = buf.length;
        for (;;) {
            let at = this.pos;
            while (at < len && (0,bounded_json/* isSpace */.xC)(buf[at]))
                at++;
            this.pos = at;
            if (at >= len)
                return this.expect === END ? FINISHED : INVALID;
            if (at >= stopAt)
                return STOPPED;
            const c = buf[at];
            switch (this.expect) {
                case VALUE:
                case VALUE_OR_CLOSE:
                    if (c === 0x7b || c === 0x5b) {
                        if (!this.open(c === 0x7b ? OBJECT : ARRAY, at))
                            return INVALID;
                        this.pos = at + 1;
                        continue;
                    }
                    if (c === 0x5d && this.expect === VALUE_OR_CLOSE)
                        break;
                    {
                        const end = primitiveEnd(buf, c, at);
                        if (end < 0)
                            return INVALID;
                        if (end >= stopAt)
                            return STOPPED;
                        this.pos = end;
                        this.expect = this.depth === 0 && this.base === 0 ? END : COMMA_OR_CLOSE;
                    }
                    continue;
                case KEY_OR_CLOSE:
                case KEY:
                    if (c === 0x7d && this.expect === KEY_OR_CLOSE)
                        break;
                    if (c !== bounded_json/* QUOTE */.jA)
                        return INVALID;
                    {
                        const end = stringEnd(buf, at);
                        if (end < 0)
                            return INVALID;
                        if (end >= stopAt)
                            return STOPPED;
                        if (this.recordKeys)
                            this.keyLog.push(at, end);
                        if (this.depth <= this.watchDepth && !this.onKey(this.depth - 1, at, end))
                            return INVALID;
                        this.pos = end;
                        this.expect = COLON;
                    }
                    continue;
                case COLON:
                    if (c !== 0x3a)
                        return INVALID;
                    this.pos = at + 1;
                    this.expect = VALUE;
                    continue;
                case COMMA_OR_CLOSE:
                    if (c === 0x2c) {
                        const kind = this.kinds[this.depth - 1];
                        if (kind === ARRAY)
                            this.indexes[this.depth - 1] = this.indexes[this.depth - 1] + 1;
                        this.pos = at + 1;
                        this.expect = kind === OBJECT ? KEY : VALUE;
                        continue;
                    }
                    break;
                default:
                    return INVALID;
            }
            // A closing bracket where one may stand.
            const kind = this.kinds[this.depth - 1];
            if (!((c === 0x7d && kind === OBJECT) || (c === 0x5d && kind === ARRAY)))
                return INVALID;
            this.close();
            this.pos = at + 1;
            if (this.depth === floor)
                return CLOSED;
        }
    }
}
/** Length of the common prefix of `a` and `b`, by halving with native compares. */
function commonPrefix(a, b) {
    let lo = 0;
    let hi = Math.min(a.length, b.length);
    while (lo < hi) {
        const mid = lo + Math.ceil((hi - lo) / 2);
        if (a.compare(b, lo, mid, lo, mid) === 0)
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo;
}
/** Length of the common suffix, at most `limit`. */
function commonSuffix(a, b, limit) {
    let lo = 0;
    let hi = limit;
    while (lo < hi) {
        const mid = lo + Math.ceil((hi - lo) / 2);
        if (a.compare(b, b.length - mid, b.length - lo, a.length - mid, a.length - lo) === 0)
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo;
}
/**
 * Whether the side is one the whole-document path would decode as plain UTF-8 (BOM or not). A NUL
 * byte needs no search of its own: the scanner reads every byte and refuses one anywhere.
 */
function plainUtf8(buf) {
    const b0 = buf[0];
    const b1 = buf[1];
    if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff))
        return false;
    return (0,external_node_buffer_.isUtf8)(buf);
}
function hasBom(buf) {
    return buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf;
}
function keyText(buf, start, end) {
    return JSON.parse(buf.toString('utf8', start, end));
}
function sameKey(buf, s1, e1, s2, e2) {
    if (buf.compare(buf, s1, e1, s2, e2) === 0)
        return true;
    // "a" and "\u0061" are one key: only escaped keys need decoding.
    const escaped = buf.indexOf(bounded_json/* BACKSLASH */.r_, s1) < e1 || buf.indexOf(bounded_json/* BACKSLASH */.r_, s2) < e2;
    return escaped && keyText(buf, s1, e1) === keyText(buf, s2, e2);
}
/**
 * The region, or null when the whole documents should be parsed instead. `accept` is asked about
 * each candidate container (innermost first) once its byte ranges are known; false widens it to
 * the enclosing container (the caller uses it for arrays matched by item key).
 */
function findJsonRegion(a, b, options, accept) {
    if (!plainUtf8(a) || !plainUtf8(b))
        return null;
    const start = hasBom(a) ? 3 : 0;
    if (hasBom(b) !== (start === 3))
        return null;
    const p = commonPrefix(a, b);
    const s = commonSuffix(a, b, Math.min(a.length, b.length) - p);
    const largest = Math.max(a.length, b.length);
    // The container holds every differing byte: changes far apart need no scan to be sent whole.
    if (Math.max(a.length, b.length) - s - p > largest * options.maxShare)
        return null;
    const prefix = new Scanner(a, start, 0, options.maxDepth);
    prefix.recordKeys = true;
    if (prefix.run(p, -1) !== STOPPED)
        return null;
    let level = prefix.depth - 1;
    if (level < 1)
        return null;
    // Each side's end of the candidate container; widened a level at a time by resuming the scan.
    // A container past the share is not scanned to its end: the whole documents are parsed anyway.
    const limit = (d) => prefix.starts[d] + largest * options.maxShare;
    const sideA = new Scanner(a, prefix.starts[level], level, options.maxDepth);
    const sideB = new Scanner(b, prefix.starts[level], level, options.maxDepth);
    if (sideA.run(limit(level), 0) !== CLOSED || sideB.run(limit(level), 0) !== CLOSED)
        return null;
    for (;;) {
        const endA = sideA.pos;
        const endB = sideB.pos;
        const begin = prefix.starts[level];
        if (endA >= a.length - s && endB >= b.length - s && a.length - endA === b.length - endB) {
            const region = regionAt(prefix, level, begin, endA, endB);
            if (accept(region))
                return checkRest(prefix, level, region, options) ? region : null;
        }
        level--;
        if (level < 1)
            return null;
        const kind = prefix.kinds[level];
        for (const side of [sideA, sideB]) {
            side.enter(kind);
            if (side.run(limit(level), 0) !== CLOSED)
                return null;
        }
    }
}
function regionAt(prefix, level, begin, endA, endB) {
    const segments = [];
    const arrays = [];
    for (let d = 0; d < level; d++) {
        const isArray = prefix.kinds[d] === ARRAY;
        arrays.push(isArray);
        if (isArray) {
            segments.push(String(prefix.indexes[d]));
            continue;
        }
        const last = prefix.keyBases[d + 1] - 2;
        segments.push(escapePointer(keyText(prefix.buf, prefix.keyLog[last], prefix.keyLog[last + 1])));
    }
    return { segments, arrays, a: { start: begin, end: endA }, b: { start: begin, end: endB } };
}
/**
 * The ancestors hold no second copy of a key on the path (JSON.parse keeps the last, which may be
 * outside the region), and the suffix is valid JSON that closes them.
 */
function checkRest(prefix, level, region, options) {
    const buf = prefix.buf;
    const { keyLog, keyBases } = prefix;
    const pathKey = (d) => {
        const last = keyBases[d + 1] - 2;
        return [keyLog[last], keyLog[last + 1]];
    };
    for (let d = 0; d < level; d++) {
        if (prefix.kinds[d] !== OBJECT)
            continue;
        const [ks, ke] = pathKey(d);
        const end = keyBases[d + 1] - 2;
        for (let k = keyBases[d]; k < end; k += 2) {
            if (sameKey(buf, ks, ke, keyLog[k], keyLog[k + 1]))
                return false;
        }
    }
    // The suffix, scanned once on the old side: the new side's is the same bytes after the same stack.
    const suffix = new Scanner(buf, region.a.end, 0, options.maxDepth);
    for (let d = 0; d < level; d++)
        suffix.enter(prefix.kinds[d]);
    suffix.lowest = level;
    suffix.watchDepth = level;
    suffix.onKey = (frame, start, end) => {
        if (frame >= suffix.lowest || prefix.kinds[frame] !== OBJECT)
            return true;
        const [ks, ke] = pathKey(frame);
        return !sameKey(buf, ks, ke, start, end);
    };
    return suffix.run(Infinity, -1) === FINISHED;
}

;// CONCATENATED MODULE: ./src/compare/comparators/json-large.ts
/**
 * JSON past jsondiffpatch's caps (bytes or nodes): one linear walk of both parsed trees in
 * lockstep, emitting JSON Pointer changes. No LCS and no pretty-printing; when most bytes are
 * identical only the container that differs is parsed and walked (json-region.ts). Arrays of
 * keyed objects (`id`, `name`…) are matched by key, so one inserted module does not shift every
 * later index; other arrays pair up by index.
 */



/** The key that identifies an item, or undefined when it has none. */
function itemKey(value) {
    if (!isObject(value))
        return undefined;
    for (const field of KEY_FIELDS) {
        const key = value[field];
        // The type letter keeps id 1 and id "1" apart without a JSON.stringify per item.
        if (typeof key === 'string')
            return `${field}=s${key}`;
        if (typeof key === 'number')
            return `${field}=n${key}`;
    }
    return undefined;
}
/** Item keys when every item has one and none repeats on that side, else null (pair by index). */
function uniqueKeys(items) {
    const index = new Map();
    for (let i = 0; i < items.length; i++) {
        const key = itemKey(items[i]);
        if (key === undefined || index.has(key))
            return null;
        index.set(key, i);
    }
    return index;
}
class LockstepWalker {
    out = { changes: [], dropped: 0, reorders: [], moves: [] };
    limits;
    /** Escaped segments of the current location; the pointer string is built only for a change. */
    path = [];
    constructor(limits, path = []) {
        this.limits = limits;
        this.path.push(...path);
    }
    pointer(last) {
        const parts = last === undefined ? this.path : [...this.path, typeof last === 'number' ? String(last) : escapePointer(last)];
        return parts.length === 0 ? '' : `/${parts.join('/')}`;
    }
    /** Walks the children at `segment` (already escaped). */
    child(a, b, segment, depth) {
        this.path.push(segment);
        this.walk(a, b, depth);
        this.path.pop();
    }
    push(change) {
        if (this.out.changes.length < this.limits.maxChanges)
            this.out.changes.push(change);
        else
            this.out.dropped++;
    }
    walk(a, b, depth) {
        if (a === b)
            return;
        if (depth >= this.limits.maxDepth && isContainer(a) && isContainer(b)) {
            throw new types/* ComparatorFallback */.Vj(`JSON is nested deeper than ${this.limits.maxDepth} levels (at ${this.pointer()})`);
        }
        if (Array.isArray(a) && Array.isArray(b)) {
            this.walkArray(a, b, depth + 1);
            return;
        }
        if (isObject(a) && isObject(b)) {
            this.walkObject(a, b, depth + 1);
            return;
        }
        // Containers of different kinds, or a value against a container, are one replacement.
        this.push({ pointer: this.pointer(), op: 'replace', before: show(a), after: show(b) });
    }
    walkObject(a, b, depth) {
        const ka = Object.keys(a);
        const kb = Object.keys(b);
        let shared = 0;
        let inOrder = true;
        for (let n = 0; n < ka.length; n++) {
            const key = ka[n];
            if (!Object.hasOwn(b, key)) {
                this.push({ pointer: this.pointer(key), op: 'remove', before: show(a[key]) });
                continue;
            }
            shared++;
            if (kb[n] !== key)
                inOrder = false;
            this.child(a[key], b[key], escapePointer(key), depth);
        }
        if (shared < kb.length) {
            for (const key of kb) {
                if (!Object.hasOwn(a, key))
                    this.push({ pointer: this.pointer(key), op: 'add', after: show(b[key]) });
            }
        }
        if (!inOrder && shared === ka.length && shared === kb.length) {
            const { maxList } = this.limits;
            this.out.reorders.push({ pointer: this.pointer(), before: ka.slice(0, maxList), after: kb.slice(0, maxList), moved: 0, total: ka.length });
        }
    }
    walkArray(a, b, depth) {
        const keysA = a.length > 0 && b.length > 0 ? uniqueKeys(a) : null;
        const keysB = keysA === null ? null : uniqueKeys(b);
        if (keysA === null || keysB === null) {
            const shared = Math.min(a.length, b.length);
            for (let i = 0; i < shared; i++)
                this.child(a[i], b[i], String(i), depth);
            for (let i = shared; i < a.length; i++)
                this.push({ pointer: this.pointer(i), op: 'remove', before: show(a[i]) });
            for (let j = shared; j < b.length; j++)
                this.push({ pointer: this.pointer(j), op: 'add', after: show(b[j]) });
            return;
        }
        // Removals at their old index, then matched items and additions at their new index.
        for (let i = 0; i < a.length; i++) {
            if (!keysB.has(itemKey(a[i])))
                this.push({ pointer: this.pointer(i), op: 'remove', before: show(a[i]) });
        }
        let lastOld = -1;
        let moved = 0;
        for (let j = 0; j < b.length; j++) {
            const i = keysA.get(itemKey(b[j]));
            if (i === undefined) {
                this.push({ pointer: this.pointer(j), op: 'add', after: show(b[j]) });
                continue;
            }
            if (i < lastOld)
                moved++;
            else
                lastOld = i;
            this.child(a[i], b[j], String(j), depth);
        }
        if (moved > 0) {
            const { maxList } = this.limits;
            const label = (item) => (itemKey(item) ?? '').replace(/^[a-z]+=[sn]/, '');
            this.out.moves.push({ pointer: this.pointer(), before: a.slice(0, maxList).map(label), after: b.slice(0, maxList).map(label), moved, total: b.length });
        }
    }
}
/**
 * The changes between two parsed documents, the first `maxChanges` listed and the rest counted.
 * Keys like `__proto__` need no detached objects here: JSON.parse makes them own data properties,
 * and every lookup goes through Object.hasOwn or Object.keys.
 */
function diffLargeJson(a, b, limits) {
    const walker = new LockstepWalker(limits);
    walker.walk(a, b, 0);
    return walker.out;
}
/** A partial document: the ancestors of the container, each holding only the next one down. */
function skeleton(region, container) {
    let node = container;
    for (let d = region.segments.length - 1; d >= 0; d--) {
        const segment = region.segments[d];
        if (region.arrays[d]) {
            const array = [];
            array[Number(segment)] = node;
            node = array;
            continue;
        }
        // defineProperty keeps a `__proto__` key an own data property, as JSON.parse does.
        const object = {};
        Object.defineProperty(object, segment.replace(/~1/g, '/').replace(/~0/g, '~'), { value: node, enumerable: true, writable: true, configurable: true });
        node = object;
    }
    return node;
}
/** Documents up to this share of the larger side are parsed as a region; past it, whole. */
const MAX_REGION_SHARE = 0.5;
/**
 * The lockstep walk on the smallest container holding every differing byte (json-region.ts), so
 * two large documents that differ in a few values are not parsed whole; exactly the result of
 * diffLargeJson on the whole documents. Null when the region is not found or not sure: parse all.
 */
function diffLargeJsonRegion(before, after, limits) {
    let parsed = null;
    const accept = (region) => {
        try {
            parsed = [JSON.parse(before.toString('utf8', region.a.start, region.a.end)), JSON.parse(after.toString('utf8', region.b.start, region.b.end))];
        }
        catch {
            return false;
        }
        // An item of a keyed array is paired by its key: only the same key on both sides pairs it by index.
        return region.arrays[region.arrays.length - 1] !== true || itemKey(parsed[0]) === itemKey(parsed[1]);
    };
    const region = findJsonRegion(before, after, { maxDepth: limits.maxDepth, maxShare: MAX_REGION_SHARE }, accept);
    if (region === null || parsed === null)
        return null;
    const [a, b] = parsed;
    const walker = new LockstepWalker(limits, region.segments);
    walker.walk(a, b, region.segments.length);
    return { found: walker.out, roots: [skeleton(region, a), skeleton(region, b)], region };
}

;// CONCATENATED MODULE: ./src/compare/comparators/json-format.ts
/** The formatting line of a large JSON document, read from its bytes. */
function isSpace(c) {
    return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}
/**
 * The formatting line of the whole-document path (json.ts), from the bytes of a document the
 * scanner (json-region.ts) found valid: between tokens there is only ASCII whitespace, so a large
 * document needs no decoding for it.
 */
function describeJsonFormatting(buf) {
    const parts = [];
    const from = buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf ? 3 : 0;
    if (from === 3)
        parts.push('UTF-8 with BOM');
    let end = buf.length;
    while (end > from && isSpace(buf[end - 1]))
        end--;
    let indent = null;
    for (let nl = buf.indexOf(0x0a, from); nl >= 0 && nl < end; nl = buf.indexOf(0x0a, nl + 1)) {
        let i = nl + 1;
        while (i < end && (buf[i] === 0x20 || buf[i] === 0x09))
            i++;
        if (i > nl + 1 && i < end && !isSpace(buf[i])) {
            indent = buf.toString('latin1', nl + 1, i);
            break;
        }
    }
    const body = buf.subarray(from, end);
    const lines = body.includes(0x0a);
    if (indent === null)
        parts.push(lines ? 'not indented' : 'single line');
    else if (indent.includes('\t'))
        parts.push('tab indent');
    else
        parts.push(`${indent.length}-space indent`);
    if (lines)
        parts.push(body.includes('\r\n') ? 'CRLF' : 'LF');
    parts.push(buf.length > from && buf[buf.length - 1] === 0x0a ? 'final newline' : 'no final newline');
    return parts.join(', ');
}

;// CONCATENATED MODULE: ./src/compare/comparators/json.ts
/**
 * JSON: a structural diff by jsondiffpatch (json-delta.ts), arrays of objects matched by a key
 * field or a content hash, reported as JSON Pointer changes grouped per record
 * (`app.json#/assets/3`). Key order and formatting are differences of their own, never folded
 * away. Work is bounded: arrays too long for jsondiffpatch's O(n·m) LCS are aligned by our O(ND)
 * line diff on item keys; past 8 MiB or 200k nodes both trees are walked in lockstep in one linear
 * pass (json-large.ts); past the line diff's edit budget the pretty-printed JSON is line-diffed
 * instead, and the node says why.
 */







const MAX_STRUCTURED_BYTES = 8 * 1024 * 1024;
/** Nodes (values of any kind) on the larger side above which the lockstep walk is used. */
const MAX_JSON_NODES = 200_000;
const MAX_DEPTH = 256;
const JSON_EXTENSIONS = new Set(['.json', '.webmanifest', '.jsonld', '.geojson']);
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
            throw new types/* ComparatorFallback */.Vj(`${side} JSON is nested deeper than ${MAX_DEPTH} levels`);
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
/** `measured` false skips the node count and depth check (the lockstep walk checks depth itself). */
function json_parseSide(buf, side, measured) {
    const decoded = decodeText(buf, side);
    let value;
    try {
        value = JSON.parse(decoded.text);
    }
    catch (error) {
        throw new types/* ComparatorFallback */.Vj(`${side} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
    const { nodes, protoKeys } = measured ? measure(value, side) : { nodes: 0, protoKeys: false };
    const encoding = decoded.encoding === 'UTF-8' && decoded.bom ? 'UTF-8 with BOM' : decoded.encoding;
    return { value: value, text: decoded.text, encoding, bytes: buf.length, nodes, protoKeys };
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
        nodes = compareText(path, `${printJson(a).join('\n')}\n`, `${printJson(b).join('\n')}\n`, ctx.limits, 'json');
    }
    catch (error) {
        if (error.name !== 'ComparatorFallback')
            throw error;
        throw new types/* ComparatorFallback */.Vj(`${reason}, and its pretty-printed form has more than ${ctx.limits.maxTextLines} lines`);
    }
    for (const node of nodes)
        node.fallback = `${reason}: line diff of the pretty-printed JSON`;
    return nodes;
}
function isJsonName(path) {
    const base = external_node_path_.posix.basename(path.replace(/\\/g, '/'));
    return JSON_EXTENSIONS.has((0,external_node_path_.extname)(base).toLowerCase());
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
        return compareJson(path, before, after, ctx);
    },
};
/** Nodes for a region of two large documents (json-region.ts); null when they must be parsed whole. */
function compareRegion(path, before, after) {
    const region = diffLargeJsonRegion(before, after, { maxChanges: MAX_CHANGES, maxList: MAX_LIST, maxDepth: MAX_DEPTH });
    if (region === null)
        return null;
    const { found, roots } = region;
    const out = changeNodes(path, found, roots[0], roots[1]);
    for (const move of found.moves)
        out.push(moveNode(path, move));
    const sameValue = found.changes.length === 0 && found.dropped === 0 && found.moves.length === 0;
    if (found.reorders.length > 0)
        out.push(keyOrderNode(path, found.reorders, sameValue));
    out.push(...formattingNodes(path, describeJsonFormatting(before), describeJsonFormatting(after)));
    if (out.length === 0)
        throw new types/* ComparatorFallback */.Vj(SAME_VALUE);
    return out;
}
const SAME_VALUE = 'same JSON value; only the serialisation differs (escapes, number forms or spacing)';
function formattingNodes(path, formatA, formatB) {
    if (formatA === formatB)
        return [];
    return [
        {
            path,
            kind: 'field',
            comparator: 'json',
            summary: `formatting: ${formatA} → ${formatB}`,
            detail: { type: 'field', name: 'formatting', before: formatA, after: formatB },
            causes: [],
            children: [],
        },
    ];
}
/** `regions` false parses large documents whole (tests compare both paths). */
function compareJson(path, before, after, ctx, regions = true) {
    if (before.equals(after))
        return [];
    // Past 8 MiB neither side is measured or walked twice: one lockstep pass does it all.
    const big = Math.max(before.length, after.length) > MAX_STRUCTURED_BYTES;
    // Most of two builds' large JSON is byte-identical: parse only the container that differs.
    const fast = big && regions ? compareRegion(path, before, after) : null;
    if (fast !== null)
        return fast;
    const a = json_parseSide(before, 'old side', !big);
    const b = json_parseSide(after, 'new side', !big);
    const out = [];
    let reorders = [];
    let sameValue;
    if (big || Math.max(a.nodes, b.nodes) > MAX_JSON_NODES) {
        const found = diffLargeJson(a.value, b.value, { maxChanges: MAX_CHANGES, maxList: MAX_LIST, maxDepth: MAX_DEPTH });
        reorders = found.reorders;
        sameValue = found.changes.length === 0 && found.dropped === 0 && found.moves.length === 0;
        out.push(...changeNodes(path, found, a.value, b.value));
        for (const move of found.moves)
            out.push(moveNode(path, move));
    }
    else {
        if (a.protoKeys || b.protoKeys) {
            a.value = detach(a.value);
            b.value = detach(b.value);
        }
        const keys = new ItemKeys();
        findKeyReorders(a.value, b.value, null, keys, reorders);
        sameValue = deepEqual(a.value, b.value);
        if (!sameValue) {
            try {
                out.push(...structuralDiff(path, a.value, b.value, keys));
            }
            catch (error) {
                if (error.name !== 'AlignmentTooLarge')
                    throw error;
                out.push(...lineFallback(path, a.value, b.value, error.message, ctx));
            }
        }
    }
    if (reorders.length > 0)
        out.push(keyOrderNode(path, reorders, sameValue));
    out.push(...formattingNodes(path, describeFormatting(a), describeFormatting(b)));
    if (out.length === 0)
        throw new types/* ComparatorFallback */.Vj(SAME_VALUE);
    return out;
}

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
const macho_STRING_SECTIONS = new Set(['__DWARF,__debug_str', '__DWARF,__debug_line_str', '__TEXT,__cstring', '__TEXT,__oslogstring']);
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
    if (x.type === CSTRING_TYPE || macho_STRING_SECTIONS.has(x.name)) {
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
    const a = forSide('old', () => parseMacho(before));
    const b = forSide('new', () => parseMacho(after));
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
    const a = keyed(forSide('old', () => parseFat(before)), archName);
    const b = keyed(forSide('new', () => parseFat(after)), archName);
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
/**
 * A universal binary on one side, a thin one on the other: the thin image is compared with the
 * slice of its architecture, and the change of wrapper is a field (with the architectures only
 * the universal binary has).
 */
function compareFatWithThin(path, before, after, fatIsBefore, ctx) {
    const fatBuf = fatIsBefore ? before : after;
    const thinBuf = fatIsBefore ? after : before;
    const arches = forSide(fatIsBefore ? 'old' : 'new', () => parseFat(fatBuf));
    const thin = forSide(fatIsBefore ? 'new' : 'old', () => parseMacho(thinBuf));
    const match = arches.find((arch) => arch.cputype === thin.cputype);
    const thinName = cpuName(thin.cputype);
    if (match === undefined)
        throw new types/* ComparatorFallback */.Vj(`the universal binary has no ${thinName} slice to compare the thin image with`);
    const names = arches.map(archName);
    const wrapper = `universal (${names.join(', ')})`;
    const out = [
        fieldNode(macho_ID, `${path}:universal binary`, 'universal', fatIsBefore ? wrapper : `thin (${thinName})`, fatIsBefore ? `thin (${thinName})` : wrapper, `${fatIsBefore ? `universal binary → thin ${thinName} image` : `thin ${thinName} image → universal binary`}${names.length > 1 ? ` (other architectures: ${names.filter((n) => n !== thinName).join(', ')})` : ''}`),
    ];
    const slice = fatBuf.subarray(match.offset, match.offset + match.size);
    const [x, y] = fatIsBefore ? [slice, thinBuf] : [thinBuf, slice];
    if (!x.equals(y))
        out.push(ctx.compareNested(`${path}:${thinName}`, x, y));
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
        if (kindA !== kindB) {
            if (kindA === undefined || kindB === undefined)
                throw new types/* ComparatorFallback */.Vj(`one side is not a Mach-O image (${kindA ?? 'neither'} vs ${kindB ?? 'neither'})`);
            return compareFatWithThin(path, before, after, kindA === 'fat', ctx);
        }
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
    return forSide(side, () => parsePe(buf));
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
        return (0,external_node_zlib_.inflateSync)(data, { maxOutputLength: Math.max(1, max) }).toString('latin1');
    }
    catch (error) {
        if (error.code === 'ERR_BUFFER_TOO_LARGE')
            return undefined;
        const message = error instanceof Error ? error.message : String(error);
        return view.fail(`${what} does not inflate: ${message}`);
    }
}
function oversized(data, max) {
    return `(compressed text of ${data.length} bytes that inflates past ${max} bytes; sha256 ${(0,external_node_crypto_.createHash)('sha256').update(data).digest('hex')})`;
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
        filtered = (0,external_node_zlib_.inflateSync)(compressed, { maxOutputLength: expected });
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
    return forSide(side, () => parsePng(buf, maxBytes));
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
        const summary = x === undefined ? `${label} added: ${quote(newValue)}` : y === undefined ? `${label} removed: ${quote(oldValue)}` : `${label} differs: ${quote(oldValue)} → ${quote(newValue)}`;
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
function pixelChild(path, a, b, maxBytes) {
    const idatA = compressedData(a);
    const idatB = compressedData(b);
    // The same header and the same compressed stream decode to the same samples: no need to inflate.
    const x = a.header;
    const y = b.header;
    const sameHeader = x.width === y.width && x.height === y.height && x.bitDepth === y.bitDepth && x.colorType === y.colorType && x.interlace === y.interlace;
    if (sameHeader && idatA.equals(idatB))
        return undefined;
    const pa = decodePixels(a, maxBytes);
    const pb = decodePixels(b, maxBytes);
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
        const pixels = pixelChild(path, a, b, max);
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
        const a = forSide('old', () => parsePycHeader(before));
        const b = forSide('new', () => parsePycHeader(after));
        // Walking both validates them: a damaged code object falls back instead of being half-read.
        const codeA = forSide('old', () => walkCode(before, a));
        const codeB = forSide('new', () => walkCode(after, b));
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
        throw new types/* ComparatorFallback */.Vj(`${side} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (typeof map !== 'object' || map === null || Array.isArray(map))
        throw new types/* ComparatorFallback */.Vj(`${side} is not a source map: not a JSON object`);
    const m = map;
    if (m.version !== 3)
        throw new types/* ComparatorFallback */.Vj(`${side} is not a source map v3: version is ${JSON.stringify(m.version) ?? 'missing'}`);
    if ('sections' in m)
        throw new types/* ComparatorFallback */.Vj(`${side} is an index map (sections): compared as JSON`);
    if (typeof m.mappings !== 'string')
        throw new types/* ComparatorFallback */.Vj(`${side} is not a source map v3: "mappings" is not a string`);
    if (!Array.isArray(m.sources))
        throw new types/* ComparatorFallback */.Vj(`${side} is not a source map v3: "sources" is not an array`);
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
            out.push(...compareText(at, ca, cb, ctx.limits, 'sourcemap'));
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
        throw new archive_bytes/* ArchiveFormatError */.Y3(`truncated gzip header: ${what} has no terminating zero`);
    return [buf.toString('latin1', at, end), end + 1];
}
/** Parses the member header at `offset`; ArchiveFormatError when it is not all there. */
function parseGzipHeader(buf, offset) {
    const fixed = (0,archive_bytes/* take */.s)(buf, offset, 10, 'gzip header');
    if (fixed[0] !== 0x1f || fixed[1] !== 0x8b)
        throw new archive_bytes/* ArchiveFormatError */.Y3(`no gzip magic at offset ${offset}`);
    const method = fixed[2] ?? 0;
    if (method !== 8)
        throw new archive_bytes/* ArchiveFormatError */.Y3(`gzip member at offset ${offset} uses compression method ${method}, not deflate (8)`);
    const flags = fixed[3] ?? 0;
    let at = offset + 10;
    let extra;
    let name;
    let comment;
    let headerCrc;
    if (flags & FEXTRA) {
        const length = (0,archive_bytes/* take */.s)(buf, at, 2, 'gzip FEXTRA length').readUInt16LE(0);
        extra = (0,archive_bytes/* take */.s)(buf, at + 2, length, 'gzip FEXTRA field');
        at += 2 + length;
    }
    if (flags & FNAME)
        [name, at] = zeroTerminated(buf, at, 'FNAME');
    if (flags & FCOMMENT)
        [comment, at] = zeroTerminated(buf, at, 'FCOMMENT');
    if (flags & FHCRC) {
        headerCrc = (0,archive_bytes/* take */.s)(buf, at, 2, 'gzip FHCRC').readUInt16LE(0);
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
    const result = (0,external_node_zlib_.inflateRawSync)(input, { info: true, maxOutputLength: (0,archive_bytes/* outputCap */.SG)(maxOutput) });
    if (!isInflateInfo(result))
        throw new archive_bytes/* ArchiveFormatError */.Y3('zlib returned no stream information');
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
        throw budget.refuse('the last gzip member', `declares ${(0,archive_bytes/* formatSize */.Xq)(declaredLastSize(buf))} uncompressed (ISIZE), more than`);
    }
    const members = [];
    const parts = [];
    let at = 0;
    while (at < buf.length) {
        if (members.length > 0 && !(buf[at] === 0x1f && buf[at + 1] === 0x8b))
            break;
        if (members.length >= MAX_MEMBERS)
            throw new archive_bytes/* ArchiveFormatError */.Y3(`more than ${MAX_MEMBERS} gzip members`);
        const header = parseGzipHeader(buf, at);
        const what = `gzip member ${members.length + 1}`;
        const start = at + header.length;
        let inflated;
        try {
            inflated = inflateMember(buf.subarray(start), budget.remaining);
        }
        catch (error) {
            if ((0,archive_bytes/* isOutputLimitError */.v4)(error))
                throw budget.refuse(what, 'expands past');
            throw new archive_bytes/* ArchiveFormatError */.Y3(`${what} at offset ${at}: deflate data corrupt or truncated (${(0,archive_bytes/* errorMessage */.gJ)(error)})`);
        }
        budget.spend(inflated.buffer.length, what);
        const trailer = (0,archive_bytes/* take */.s)(buf, start + inflated.engine.bytesWritten, 8, `${what} trailer`);
        const stored = trailer.readUInt32LE(0);
        const computed = (0,external_node_zlib_.crc32)(inflated.buffer);
        if (stored !== computed)
            throw new archive_bytes/* ArchiveFormatError */.Y3(`${what}: CRC-32 mismatch (stored ${(0,archive_bytes/* hex */.uh)(stored)}, computed ${(0,archive_bytes/* hex */.uh)(computed)})`);
        if (trailer.readUInt32LE(4) !== inflated.buffer.length % 2 ** 32) {
            throw new archive_bytes/* ArchiveFormatError */.Y3(`${what}: ISIZE ${trailer.readUInt32LE(4)} does not match the ${inflated.buffer.length} bytes inflated`);
        }
        members.push(header);
        parts.push(inflated.buffer);
        at = start + inflated.engine.bytesWritten + 8;
    }
    return { members, payload: parts.length === 1 ? parts[0] : Buffer.concat(parts), trailing: buf.subarray(at) };
}

;// CONCATENATED MODULE: ./src/compare/archive/lzma-decoder.ts
/**
 * `.lzma` files (LZMA_alone, as `xz --format=lzma` and the LZMA SDK write them): a 13-byte header
 * and one LZMA1 stream. Neither xz-embedded nor a maintained synchronous package reads them (see
 * docs/decisions.md), so this is our own LZMA1 decoder after the public lzma-specification.txt.
 * Every loop is bounded by the input or by the output cap; output goes through a circular window
 * no larger than the dictionary (or the cap) and leaves it in chunks, so a bomb costs the budget.
 */

const LZMA_HEADER_SIZE = 13;
/** The largest properties byte: (pb 4 * 5 + lp 4) * 9 + lc 8. */
const MAX_PROPERTIES = 224;
/** The decoder's smallest window, whatever the header says (LZMA_DIC_MIN). */
const MIN_DICTIONARY = 4096;
/** Sizes liblzma accepts when it guesses a file is `.lzma`: 256 GiB. */
const MAX_PLAUSIBLE_SIZE = 2 ** 38;
const END_MARKER_DISTANCE = 0xffffffff;
const FIRST_WINDOW = 1 << 16;
/** The 13-byte header; ArchiveFormatError when it is short or impossible. */
function parseLzmaHeader(buf) {
    const header = (0,archive_bytes/* take */.s)(buf, 0, LZMA_HEADER_SIZE, 'lzma header');
    const props = header[0] ?? 0;
    if (props > MAX_PROPERTIES)
        throw new archive_bytes/* ArchiveFormatError */.Y3(`lzma header: properties byte ${props} is over ${MAX_PROPERTIES} (not an .lzma file?)`);
    const size = header.readBigUInt64LE(5);
    const unknown = size === 0xffffffffffffffffn;
    if (!unknown && size > BigInt(Number.MAX_SAFE_INTEGER))
        throw new archive_bytes/* ArchiveFormatError */.Y3(`lzma header: uncompressed size ${size} is too large`);
    return {
        lc: props % 9,
        lp: Math.floor(props / 9) % 5,
        pb: Math.floor(props / 45),
        dictionarySize: header.readUInt32LE(1),
        uncompressedSize: unknown ? undefined : Number(size),
    };
}
/** 2^n or 2^n + 2^(n-1), the dictionary sizes encoders write (and all ones, "as big as needed"). */
function isPlausibleDictionary(size) {
    if (size === 0xffffffff)
        return true;
    for (let n = 0; n < 32; n++) {
        if (size === 2 ** n || (n > 0 && size === 2 ** n + 2 ** (n - 1)))
            return true;
    }
    return false;
}
/**
 * `.lzma` has no magic, so a header is only believed when it looks like what encoders write (the
 * same test liblzma applies before it guesses the format); the caller also checks the file name.
 */
function isLzmaAlone(head) {
    if (head.length < LZMA_HEADER_SIZE || (head[0] ?? 0xff) > MAX_PROPERTIES)
        return false;
    if (!isPlausibleDictionary(head.readUInt32LE(1)))
        return false;
    const size = head.readBigUInt64LE(5);
    return size === 0xffffffffffffffffn || size < BigInt(MAX_PLAUSIBLE_SIZE);
}
/** The binary range decoder: 11-bit probabilities, 5-bit adaptation, bytes fed big-end first. */
class RangeDecoder {
    range = 0xffffffff;
    code = 0;
    at;
    input;
    constructor(input, start) {
        this.input = input;
        this.at = start;
        if (this.next() !== 0)
            throw new archive_bytes/* ArchiveFormatError */.Y3('lzma data: the range coder does not start with a zero byte (corrupt)');
        for (let i = 0; i < 4; i++)
            this.code = this.code * 256 + this.next();
        if (this.code >= this.range)
            throw new archive_bytes/* ArchiveFormatError */.Y3('lzma data: corrupt range coder start');
    }
    get position() {
        return this.at;
    }
    /** The encoder flushes so that a cleanly finished stream leaves the code at zero. */
    get finishedCleanly() {
        return this.code === 0;
    }
    next() {
        const byte = this.input[this.at];
        if (byte === undefined)
            throw new archive_bytes/* ArchiveFormatError */.Y3(`lzma data ends at ${this.input.length} bytes before the stream does (truncated)`);
        this.at++;
        return byte;
    }
    // range stays below 2^32 and code below range, so plain arithmetic stays exact (no sign bit trouble).
    normalize() {
        if (this.range < 0x1000000) {
            this.range *= 256;
            this.code = this.code * 256 + this.next();
        }
    }
    bit(probs, i) {
        const p = probs[i] ?? 0;
        const bound = (this.range >>> 11) * p;
        let bit;
        if (this.code < bound) {
            this.range = bound;
            probs[i] = p + ((2048 - p) >>> 5);
            bit = 0;
        }
        else {
            this.range -= bound;
            this.code -= bound;
            probs[i] = p - (p >>> 5);
            bit = 1;
        }
        this.normalize();
        return bit;
    }
    direct(count) {
        let value = 0;
        for (let i = 0; i < count; i++) {
            this.range = Math.floor(this.range / 2);
            let bit = 0;
            if (this.code >= this.range) {
                this.code -= this.range;
                bit = 1;
            }
            value = value * 2 + bit;
            this.normalize();
        }
        return value;
    }
    tree(probs, offset, bits) {
        let m = 1;
        for (let i = 0; i < bits; i++)
            m = m * 2 + this.bit(probs, offset + m);
        return m - (1 << bits);
    }
    reverseTree(probs, offset, bits) {
        let m = 1;
        let symbol = 0;
        for (let i = 0; i < bits; i++) {
            const bit = this.bit(probs, offset + m);
            m = m * 2 + bit;
            symbol |= bit << i;
        }
        return symbol;
    }
}
function probabilities(count) {
    return new Uint16Array(count).fill(1024);
}
/** Match lengths: 2–9 (low, per position state), 10–17 (mid), 18–273 (high). */
class LengthDecoder {
    choice = probabilities(2);
    low = probabilities(16 << 3);
    mid = probabilities(16 << 3);
    high = probabilities(256);
    /** The length less 2 (the minimum match). */
    decode(rc, posState) {
        if (rc.bit(this.choice, 0) === 0)
            return rc.tree(this.low, posState << 3, 3);
        if (rc.bit(this.choice, 1) === 0)
            return 8 + rc.tree(this.mid, posState << 3, 3);
        return 16 + rc.tree(this.high, 0, 8);
    }
}
/**
 * The output window: linear while it grows towards `capacity`, circular after. What wraps out of
 * it is handed to `emit`, so memory is the output once plus the window, never a re-concatenation.
 */
class OutputWindow {
    buf;
    pos = 0;
    flushed = 0;
    total = 0;
    capacity;
    emit;
    constructor(capacity, emit) {
        this.capacity = capacity;
        this.emit = emit;
        this.buf = new Uint8Array(Math.min(capacity, FIRST_WINDOW));
    }
    /** The byte `distance` back (1 = the last one written); callers check distance ≤ total. */
    back(distance) {
        const i = this.pos - distance;
        return this.buf[i < 0 ? i + this.buf.length : i] ?? 0;
    }
    put(byte) {
        this.buf[this.pos++] = byte;
        this.total++;
        if (this.pos === this.buf.length)
            this.makeRoom();
    }
    copy(distance, length) {
        for (let i = 0; i < length; i++)
            this.put(this.back(distance));
    }
    flush() {
        if (this.pos > this.flushed)
            this.emit(Buffer.from(this.buf.subarray(this.flushed, this.pos)));
        this.flushed = this.pos;
    }
    makeRoom() {
        if (this.buf.length < this.capacity) {
            const grown = new Uint8Array(Math.min(this.capacity, this.buf.length * 2));
            grown.set(this.buf);
            this.buf = grown;
            return;
        }
        this.flush();
        this.pos = 0;
        this.flushed = 0;
    }
}
const STATES = 12;
const POS_STATES_MAX = 16;
/** Decodes one LZMA1 stream with `header`'s settings from `input` at `start` into `window`. */
function decodeStream(input, start, header, window, limit, overLimit) {
    const { lc, lp, pb, uncompressedSize } = header;
    const dictionary = Math.max(header.dictionarySize, MIN_DICTIONARY);
    const rc = new RangeDecoder(input, start);
    const literals = probabilities(0x300 << (lc + lp));
    const isMatch = probabilities(STATES * POS_STATES_MAX);
    const isRep = probabilities(STATES);
    const isRepG0 = probabilities(STATES);
    const isRepG1 = probabilities(STATES);
    const isRepG2 = probabilities(STATES);
    const isRep0Long = probabilities(STATES * POS_STATES_MAX);
    const posSlots = probabilities(4 << 6);
    const posSpecial = probabilities(1 + 128 - 14);
    const align = probabilities(16);
    const lengths = new LengthDecoder();
    const repLengths = new LengthDecoder();
    const pbMask = (1 << pb) - 1;
    const lpMask = (1 << lp) - 1;
    const corrupt = (why) => new archive_bytes/* ArchiveFormatError */.Y3(`lzma data corrupt after ${window.total} bytes of output: ${why}`);
    let state = 0;
    let rep0 = 0;
    let rep1 = 0;
    let rep2 = 0;
    let rep3 = 0;
    const left = () => (uncompressedSize === undefined ? Infinity : uncompressedSize - window.total);
    const room = (length) => {
        if (window.total + length > limit)
            throw overLimit();
    };
    for (;;) {
        // With a recorded size the end marker is optional: a clean range coder there means done.
        if (left() === 0 && rc.finishedCleanly)
            return rc.position;
        const posState = window.total & pbMask;
        if (rc.bit(isMatch, (state << 4) + posState) === 0) {
            if (left() === 0)
                throw corrupt('a literal past the recorded uncompressed size');
            room(1);
            const previous = window.total > 0 ? window.back(1) : 0;
            const base = 0x300 * (((window.total & lpMask) << lc) + (previous >>> (8 - lc)));
            let symbol = 1;
            if (state >= 7) {
                // After a match the literal is coded against the byte the match would have continued with.
                let matchByte = window.back(rep0 + 1);
                while (symbol < 0x100) {
                    const matchBit = (matchByte >>> 7) & 1;
                    matchByte <<= 1;
                    const bit = rc.bit(literals, base + ((1 + matchBit) << 8) + symbol);
                    symbol = (symbol << 1) | bit;
                    if (bit !== matchBit)
                        break;
                }
            }
            while (symbol < 0x100)
                symbol = (symbol << 1) | rc.bit(literals, base + symbol);
            window.put(symbol & 0xff);
            state = state < 4 ? 0 : state < 10 ? state - 3 : state - 6;
            continue;
        }
        let length;
        if (rc.bit(isRep, state) !== 0) {
            if (left() === 0)
                throw corrupt('a repeated match past the recorded uncompressed size');
            if (window.total === 0)
                throw corrupt('a repeated match before any output');
            if (rc.bit(isRepG0, state) === 0) {
                if (rc.bit(isRep0Long, (state << 4) + posState) === 0) {
                    room(1);
                    state = state < 7 ? 9 : 11;
                    window.put(window.back(rep0 + 1));
                    continue;
                }
            }
            else {
                let distance;
                if (rc.bit(isRepG1, state) === 0) {
                    distance = rep1;
                }
                else {
                    if (rc.bit(isRepG2, state) === 0) {
                        distance = rep2;
                    }
                    else {
                        distance = rep3;
                        rep3 = rep2;
                    }
                    rep2 = rep1;
                }
                rep1 = rep0;
                rep0 = distance;
            }
            length = repLengths.decode(rc, posState);
            state = state < 7 ? 8 : 11;
        }
        else {
            rep3 = rep2;
            rep2 = rep1;
            rep1 = rep0;
            length = lengths.decode(rc, posState);
            state = state < 7 ? 7 : 10;
            const slot = rc.tree(posSlots, Math.min(length, 3) << 6, 6);
            if (slot < 4) {
                rep0 = slot;
            }
            else {
                const bits = (slot >>> 1) - 1;
                const base = (2 | (slot & 1)) * 2 ** bits;
                rep0 = slot < 14
                    ? base + rc.reverseTree(posSpecial, base - slot, bits)
                    : base + rc.direct(bits - 4) * 16 + rc.reverseTree(align, 0, 4);
            }
            if (rep0 === END_MARKER_DISTANCE) {
                if (uncompressedSize !== undefined && left() !== 0)
                    throw corrupt(`end marker before the recorded ${uncompressedSize} bytes`);
                if (!rc.finishedCleanly)
                    throw corrupt('the range coder is not at a clean end after the end marker');
                return rc.position;
            }
            if (left() === 0)
                throw corrupt('a match past the recorded uncompressed size');
            if (rep0 >= dictionary || rep0 >= window.total)
                throw corrupt(`match distance ${rep0 + 1} reaches before the start of the data or the dictionary`);
        }
        length += 2;
        if (length > left())
            throw corrupt('a match runs past the recorded uncompressed size');
        room(length);
        window.copy(rep0 + 1, length);
    }
}
/**
 * The payload of an `.lzma` file. ExpansionLimitError past the budget (a recorded size over what
 * is left is refused before decoding); ArchiveFormatError when corrupt or truncated.
 */
function decodeLzma(input, budget) {
    const header = parseLzmaHeader(input);
    const limit = budget.remaining;
    if (header.uncompressedSize !== undefined && header.uncompressedSize > limit) {
        throw budget.refuse('the lzma stream', `declares ${(0,archive_bytes/* formatSize */.Xq)(header.uncompressedSize)} uncompressed (header), more than`);
    }
    const parts = [];
    // A window larger than the output can ever be is never needed, whatever the header asks for.
    const reachable = Math.min(header.dictionarySize, limit, header.uncompressedSize ?? Infinity);
    const window = new OutputWindow(Math.max(MIN_DICTIONARY, reachable), (chunk) => parts.push(chunk));
    const end = decodeStream(input, LZMA_HEADER_SIZE, header, window, limit, () => budget.refuse('the lzma stream', 'expands past'));
    if (end < input.length) {
        throw new archive_bytes/* ArchiveFormatError */.Y3(`${input.length - end} bytes follow the end of the lzma stream at offset ${end}`);
    }
    window.flush();
    budget.spend(window.total, 'the lzma stream');
    return parts.length === 1 ? parts[0] : Buffer.concat(parts);
}

;// CONCATENATED MODULE: ./src/compare/archive/xz-reader.ts
/**
 * xz (.xz file format 1.1.0): what can be known without an LZMA2 decoder — streams, check type,
 * the filter chain and dictionary size of each stream's first block, and the index (block count,
 * uncompressed size). Streams are found from the end, footer → index → header, as xz does.
 */

const HEADER_MAGIC = Buffer.from([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]);
const FOOTER_MAGIC = Buffer.from('YZ', 'latin1');
const MAX_STREAMS = 1000;
const MAX_RECORDS = 100_000;
function isXz(head) {
    return head.length >= 6 && head.subarray(0, 6).equals(HEADER_MAGIC);
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
        const byte = (0,archive_bytes/* take */.s)(buf, at + i, 1, what)[0] ?? 0;
        value += (byte & 0x7f) * 2 ** (7 * i);
        if (!(byte & 0x80)) {
            if (!Number.isSafeInteger(value))
                throw new archive_bytes/* ArchiveFormatError */.Y3(`${what}: value too large`);
            return [value, at + i + 1];
        }
    }
    throw new archive_bytes/* ArchiveFormatError */.Y3(`${what}: integer longer than 9 bytes`);
}
function lzma2Dictionary(props) {
    const bits = props[0] ?? 0;
    if (bits > 40)
        return 'invalid dictionary size';
    const size = bits === 40 ? 0xffffffff : (2 | (bits & 1)) * 2 ** (Math.floor(bits / 2) + 11);
    return `dictionary ${(0,archive_bytes/* formatSize */.Xq)(size)}`;
}
function describeFilters(buf, at, end) {
    const what = `xz block header at offset ${at}`;
    const sizeByte = (0,archive_bytes/* take */.s)(buf, at, 1, what)[0] ?? 0;
    if (sizeByte === 0)
        return '';
    const headerEnd = at + (sizeByte + 1) * 4;
    if (headerEnd > end)
        throw new archive_bytes/* ArchiveFormatError */.Y3(`${what}: runs past the stream`);
    const flags = (0,archive_bytes/* take */.s)(buf, at + 1, 1, what)[0] ?? 0;
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
            throw new archive_bytes/* ArchiveFormatError */.Y3(`${what}: filter properties run past the header`);
        const props = buf.subarray(afterSize, afterSize + size);
        const name = FILTER_NAMES[id] ?? `filter 0x${id.toString(16)}`;
        filters.push(id === 0x21 ? `${name} (${lzma2Dictionary(props)})` : name);
        p = afterSize + size;
    }
    return filters.join(', ');
}
function readStream(buf, footerEnd, padding) {
    const footer = (0,archive_bytes/* take */.s)(buf, footerEnd - 12, 12, 'xz stream footer');
    if (!footer.subarray(10, 12).equals(FOOTER_MAGIC))
        throw new archive_bytes/* ArchiveFormatError */.Y3(`no xz stream footer magic at offset ${footerEnd - 2}`);
    const indexSize = (footer.readUInt32LE(4) + 1) * 4;
    const indexStart = footerEnd - 12 - indexSize;
    const index = (0,archive_bytes/* take */.s)(buf, indexStart, indexSize, 'xz index');
    if (index[0] !== 0)
        throw new archive_bytes/* ArchiveFormatError */.Y3(`no xz index indicator at offset ${indexStart}`);
    const [records, first] = readVli(index, 1, 'xz index record count');
    let at = first;
    if (records > MAX_RECORDS)
        throw new archive_bytes/* ArchiveFormatError */.Y3(`xz index lists ${records} blocks, over the cap of ${MAX_RECORDS}`);
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
    const header = (0,archive_bytes/* take */.s)(buf, offset, 12, 'xz stream header (from the index)');
    if (!header.subarray(0, 6).equals(HEADER_MAGIC))
        throw new archive_bytes/* ArchiveFormatError */.Y3(`xz index does not lead to a stream header (offset ${offset})`);
    if (!header.subarray(6, 8).equals(footer.subarray(8, 10)))
        throw new archive_bytes/* ArchiveFormatError */.Y3('xz stream header and footer flags differ');
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
            throw new archive_bytes/* ArchiveFormatError */.Y3(`more than ${MAX_STREAMS} xz streams`);
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
        throw new archive_bytes/* ArchiveFormatError */.Y3('no xz stream found');
    return streams;
}

;// CONCATENATED MODULE: ./src/compare/archive/xz-sha256.ts
/**
 * SHA-256 integrity checks for xz, which xz-embedded refuses. Streams with a SHA-256 check are
 * rewritten to check type None (header and footer flags, block checks cut out, index sizes
 * reduced), xz-embedded decodes that (validating the index against the blocks), and we verify
 * each block's SHA-256 over its uncompressed bytes ourselves.
 */




const SHA256 = 10;
const CHECK_SIZE = 32;
function vli(value) {
    const out = [];
    let v = value;
    while (v >= 0x80) {
        out.push((v % 0x80) | 0x80);
        v = Math.floor(v / 0x80);
    }
    out.push(v);
    return out;
}
function u32(value) {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(value >>> 0);
    return b;
}
const CORRUPT = 'xz decoder: corrupt data (or a failed integrity check)';
/** Undefined when no stream uses SHA-256: the file is decoded as it is. */
function planSha256(input) {
    const streams = parseXz(input);
    if (!streams.some((s) => s.checkType === SHA256))
        return undefined;
    const parts = [];
    const blocks = [];
    for (const stream of streams) {
        const end = stream.offset + stream.length;
        const footer = (0,archive_bytes/* take */.s)(input, end - 12, 12, 'xz stream footer');
        const indexSize = (footer.readUInt32LE(4) + 1) * 4;
        const indexStart = end - 12 - indexSize;
        const index = (0,archive_bytes/* take */.s)(input, indexStart, indexSize, 'xz index');
        const sha = stream.checkType === SHA256;
        if (sha) {
            const header = (0,archive_bytes/* take */.s)(input, stream.offset, 12, 'xz stream header');
            if ((0,external_node_zlib_.crc32)(header.subarray(6, 8)) !== header.readUInt32LE(8))
                throw new archive_bytes/* ArchiveFormatError */.Y3(`${CORRUPT}: stream header CRC32 mismatch at offset ${stream.offset}`);
            if ((0,external_node_zlib_.crc32)(footer.subarray(4, 10)) !== footer.readUInt32LE(0))
                throw new archive_bytes/* ArchiveFormatError */.Y3(`${CORRUPT}: stream footer CRC32 mismatch`);
            if ((0,external_node_zlib_.crc32)(index.subarray(0, indexSize - 4)) !== index.readUInt32LE(indexSize - 4))
                throw new archive_bytes/* ArchiveFormatError */.Y3(`${CORRUPT}: index CRC32 mismatch`);
        }
        const [count, first] = readVli(index, 1, 'xz index record count');
        let at = first;
        let block = stream.offset + 12;
        const records = [0];
        const kept = [];
        for (let i = 0; i < count; i++) {
            let unpadded;
            let size;
            [unpadded, at] = readVli(index, at, `xz index record ${i + 1}`);
            [size, at] = readVli(index, at, `xz index record ${i + 1}`);
            const total = Math.ceil(unpadded / 4) * 4;
            if (sha) {
                if (unpadded <= CHECK_SIZE)
                    throw new archive_bytes/* ArchiveFormatError */.Y3(`${CORRUPT}: block ${i + 1} is smaller than its check`);
                kept.push((0,archive_bytes/* take */.s)(input, block, total - CHECK_SIZE, `xz block ${i + 1}`));
                blocks.push({ size, digest: (0,archive_bytes/* take */.s)(input, block + total - CHECK_SIZE, CHECK_SIZE, `xz block ${i + 1} check`) });
                records.push(...vli(unpadded - CHECK_SIZE), ...vli(size));
            }
            else {
                blocks.push({ size, digest: undefined });
            }
            block += total;
        }
        const streamEnd = end + stream.padding;
        if (!sha) {
            parts.push(input.subarray(stream.offset, streamEnd));
            continue;
        }
        const body = Buffer.from([0, ...vli(count), ...records.slice(1)]);
        const newIndex = Buffer.concat([body, Buffer.alloc((4 - (body.length % 4)) % 4)]);
        const indexWithCrc = Buffer.concat([newIndex, u32((0,external_node_zlib_.crc32)(newIndex))]);
        const flags = Buffer.from([0, 0]);
        const footerFields = Buffer.concat([u32(indexWithCrc.length / 4 - 1), flags]);
        parts.push(input.subarray(stream.offset, stream.offset + 6), flags, u32((0,external_node_zlib_.crc32)(flags)), ...kept, indexWithCrc, u32((0,external_node_zlib_.crc32)(footerFields)), footerFields, Buffer.from('YZ', 'latin1'), Buffer.alloc(stream.padding));
    }
    return { rewritten: Buffer.concat(parts), blocks };
}
/** Throws the corrupt-xz error when a SHA-256 block's digest does not match its bytes. */
function verifySha256(output, plan) {
    let at = 0;
    plan.blocks.forEach((block, i) => {
        const data = output.subarray(at, at + block.size);
        at += block.size;
        if (block.digest === undefined)
            return;
        const actual = (0,external_node_crypto_.createHash)('sha256').update(data).digest();
        if (!actual.equals(block.digest))
            throw new archive_bytes/* ArchiveFormatError */.Y3(`${CORRUPT}: SHA-256 of block ${i + 1} does not match (computed ${actual.toString('hex').slice(0, 16)}…, recorded ${block.digest.toString('hex').slice(0, 16)}…)`);
    });
}

;// CONCATENATED MODULE: ./src/compare/archive/xz-decoder.ts
/**
 * xz decoding, synchronous and bounded. The decoder is xz-embedded compiled to WebAssembly, as
 * shipped by the `xz-decompress` package (no native code, so it runs on every runner). The
 * package only offers an async web-stream API and comparators are synchronous, so we instantiate
 * its module ourselves and drive it chunk by chunk: the output so far is checked against the
 * expansion budget before the next chunk is produced, so a bomb stops at the budget, never at memory.
 */



/** xz-embedded's return codes (xz.h `enum xz_ret`). */
const XZ_RESULTS = {
    0: 'ok', 1: 'stream end', 2: 'unsupported check', 3: 'memory limit', 4: 'out of memory',
    5: 'not an xz stream (format error)', 7: 'corrupt data (or a failed integrity check)', 8: 'buffer error',
    // SHA-256 streams never reach it: xz-sha256.ts rewrites them to check None and verifies them itself.
    6: 'unsupported options',
};
const wasm = globalThis.WebAssembly;
/** Duck-typed: the module's objects may come from another realm (jest's vm), so no `instanceof`. */
function isXzExports(value) {
    if (typeof value !== 'object' || value === null)
        return false;
    const names = ['create_context', 'destroy_context', 'supply_input', 'get_next_output'];
    return 'memory' in value && typeof value.memory?.buffer?.byteLength === 'number' && names.every((n) => typeof value[n] === 'function');
}
let instance;
/** The package embeds its module as a base64 data URL; read it from the pinned package file. */
function loadDecoder() {
    if (instance !== undefined)
        return instance;
    // A literal `new URL(…, import.meta.url)` so the bundler ships the file as an asset beside the bundle.
    const file = __webpack_require__.ab + "xz-decompress.js";
    const match = /data:application\/wasm;base64,([A-Za-z0-9+/=]+)/.exec((0,external_node_fs_.readFileSync)(file, 'latin1'));
    if (match?.[1] === undefined)
        throw new archive_bytes/* ArchiveFormatError */.Y3(`no WebAssembly module found in ${file.pathname}: reinstall xz-decompress at the version package.json pins`);
    const exports = new wasm.Instance(new wasm.Module(Buffer.from(match[1], 'base64')), {}).exports;
    if (!isXzExports(exports))
        throw new archive_bytes/* ArchiveFormatError */.Y3(`${file.pathname} does not export the xz-embedded functions this build expects`);
    instance = exports;
    return exports;
}
/**
 * Every stream of an .xz file, concatenated (as `xz -d` does). ExpansionLimitError past the
 * budget; ArchiveFormatError when corrupt, truncated or using an option xz-embedded lacks.
 */
function decodeXz(input, budget, declaredSize) {
    const plan = planSha256(input);
    if (plan === undefined)
        return drive(input, budget, declaredSize);
    const output = drive(plan.rewritten, budget, declaredSize);
    verifySha256(output, plan);
    return output;
}
function drive(input, budget, declaredSize) {
    if (declaredSize > budget.remaining) {
        throw budget.refuse('the xz stream', `declares ${(0,archive_bytes/* formatSize */.Xq)(declaredSize)} uncompressed (index), more than`);
    }
    const xz = loadDecoder();
    const ptr = xz.create_context();
    // The context layout (xz-decompress's C glue): bufSize, in ptr, in pos, in size, out ptr, out pos.
    const words = () => new Uint32Array(xz.memory.buffer, ptr, 6);
    const bytes = () => new Uint8Array(xz.memory.buffer);
    const [bufSize = 0, inPtr = 0, , , outPtr = 0] = words();
    const parts = [];
    let at = 0;
    let total = 0;
    try {
        for (;;) {
            const state = words();
            const needsInput = state[2] === state[3];
            if (needsInput) {
                const length = Math.min(bufSize, input.length - at);
                bytes().set(input.subarray(at, at + length), inPtr);
                xz.supply_input(ptr, length);
                at += length;
            }
            const result = xz.get_next_output(ptr);
            if (result !== 0 && result !== 1) {
                throw new archive_bytes/* ArchiveFormatError */.Y3(`xz decoder: ${XZ_RESULTS[result] ?? `error ${result}`}`);
            }
            const produced = words()[5] ?? 0;
            total += produced;
            if (total > budget.remaining)
                throw budget.refuse('the xz stream', 'expands past');
            parts.push(Buffer.from(bytes().slice(outPtr, outPtr + produced)));
            words()[5] = 0;
            if (result === 1)
                break;
            if (needsInput && at >= input.length && produced === 0) {
                throw new archive_bytes/* ArchiveFormatError */.Y3(`xz data ends at ${input.length} bytes before the stream does (truncated)`);
            }
        }
    }
    finally {
        xz.destroy_context(ptr);
    }
    budget.spend(total, 'the xz stream');
    return parts.length === 1 ? parts[0] : Buffer.concat(parts);
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
    const descriptor = (0,archive_bytes/* take */.s)(buf, offset + 4, 1, `${what}: header`)[0] ?? 0;
    if (descriptor & 0x08)
        throw new archive_bytes/* ArchiveFormatError */.Y3(`${what}: reserved header bit set`);
    const fcsFlag = descriptor >> 6;
    const singleSegment = (descriptor & 0x20) !== 0;
    const checksum = (descriptor & 0x04) !== 0;
    const didSize = [0, 1, 2, 4][descriptor & 3] ?? 0;
    const fcsSize = fcsFlag === 0 ? (singleSegment ? 1 : 0) : [0, 2, 4, 8][fcsFlag] ?? 0;
    let at = offset + 5;
    let windowSize;
    if (!singleSegment) {
        const byte = (0,archive_bytes/* take */.s)(buf, at, 1, `${what}: window descriptor`)[0] ?? 0;
        const base = 2 ** (10 + (byte >> 3));
        windowSize = base + (base / 8) * (byte & 7);
        at += 1;
    }
    const did = (0,archive_bytes/* take */.s)(buf, at, didSize, `${what}: dictionary id`);
    const dictionaryId = didSize === 0 ? 0 : did.readUIntLE(0, didSize);
    at += didSize;
    let contentSize;
    if (fcsSize === 8)
        contentSize = (0,archive_bytes/* readU64 */.IM)(buf, at, `${what}: content size`);
    else if (fcsSize > 0)
        contentSize = (0,archive_bytes/* take */.s)(buf, at, fcsSize, `${what}: content size`).readUIntLE(0, fcsSize) + (fcsSize === 2 ? 256 : 0);
    at += fcsSize;
    if (singleSegment)
        windowSize = contentSize;
    const headerLength = at - offset;
    let blocks = 0;
    for (;;) {
        const header = (0,archive_bytes/* take */.s)(buf, at, 3, `${what}: block ${blocks + 1} header`).readUIntLE(0, 3);
        const type = (header >> 1) & 3;
        const size = header >> 3;
        if (type === 3)
            throw new archive_bytes/* ArchiveFormatError */.Y3(`${what}: block ${blocks + 1} has the reserved block type`);
        const bodyLength = type === 1 ? 1 : size;
        (0,archive_bytes/* take */.s)(buf, at + 3, bodyLength, `${what}: block ${blocks + 1}`);
        at += 3 + bodyLength;
        blocks++;
        if (header & 1)
            break;
    }
    const blocksEnd = at - offset;
    if (checksum) {
        (0,archive_bytes/* take */.s)(buf, at, 4, `${what}: content checksum`);
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
            throw new archive_bytes/* ArchiveFormatError */.Y3(`more than ${MAX_FRAMES} zstd frames`);
        const magic = (0,archive_bytes/* take */.s)(buf, at, 4, `zstd frame ${frames.length + 1} magic`).readUInt32LE(0);
        if (isSkippableMagic(magic)) {
            const size = (0,archive_bytes/* take */.s)(buf, at + 4, 4, 'skippable frame size').readUInt32LE(0);
            const data = (0,archive_bytes/* take */.s)(buf, at + 8, size, `skippable frame at offset ${at}`);
            frames.push({ kind: 'skippable', offset: at, length: 8 + size, variant: magic & 0x0f, data });
            at += 8 + size;
        }
        else if (magic === ZSTD_MAGIC) {
            const frame = readFrame(buf, at, frames.length);
            frames.push(frame);
            at += frame.length;
        }
        else {
            throw new archive_bytes/* ArchiveFormatError */.Y3(`no zstd frame magic at offset ${at} (found 0x${magic.toString(16).padStart(8, '0')})`);
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
            throw new archive_bytes/* ArchiveFormatError */.Y3(`${what} needs dictionary ${frame.dictionaryId}, which is not available`);
        if (frame.contentSize !== undefined && frame.contentSize > budget.remaining) {
            throw budget.refuse(what, `declares ${(0,archive_bytes/* formatSize */.Xq)(frame.contentSize)} of content, more than`);
        }
        const cap = Math.min(budget.remaining, frame.contentSize ?? budget.remaining);
        let data;
        try {
            data = (0,external_node_zlib_.zstdDecompressSync)(buf.subarray(frame.offset, frame.offset + frame.length), { maxOutputLength: (0,archive_bytes/* outputCap */.SG)(cap) });
        }
        catch (error) {
            if ((0,archive_bytes/* isOutputLimitError */.v4)(error))
                throw budget.refuse(what, 'expands past');
            throw new archive_bytes/* ArchiveFormatError */.Y3(`${what} at offset ${frame.offset}: data corrupt (${(0,archive_bytes/* errorMessage */.gJ)(error)})`);
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
 * under the top-level file's budget (shared with every level nested in it) and compared by the
 * whole registry (so `x.tar.gz` nests into tar).
 */









const GZIP_SUFFIXES = [['.tgz', '.tar'], ['.taz', '.tar'], ['.svgz', '.svg'], ['.gz', ''], ['.z', '']];
const ZSTD_SUFFIXES = [['.tzst', '.tar'], ['.zstd', ''], ['.zst', '']];
const XZ_SUFFIXES = [['.txz', '.tar'], ['.xz', '']];
const LZMA_SUFFIXES = [['.tlz', '.tar'], ['.lzma', '']];
function payloadPath(path, suffixes) {
    return `${path}!/${payloadName((0,archive_bytes/* baseName */.Fl)(path), suffixes)}`;
}
function parseOrFallback(comparator, label, parse) {
    try {
        return parse();
    }
    catch (error) {
        throw new types/* ComparatorFallback */.Vj(`cannot read the ${comparator} stream (${label}): ${(0,archive_bytes/* errorMessage */.gJ)(error)}`);
    }
}
function digest(data) {
    return `sha256 ${(0,external_node_crypto_.createHash)('sha256').update(data).digest('hex').slice(0, 16)}…`;
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
    const summary = `compressed payload differs (${(0,archive_bytes/* formatSize */.Xq)(bodies[0].length)} → ${(0,archive_bytes/* formatSize */.Xq)(bodies[1].length)})`;
    if (!canNest(ctx))
        return [unexpandedNode(comparator, target, summary, depthCapReason(ctx))];
    const payloads = [];
    for (const side of ['before', 'after']) {
        try {
            payloads.push(job.decode(side, ctx.budgets?.[side] ?? new archive_bytes/* ExpansionBudget */.$2(ctx.limits.maxExpandedBytes)));
        }
        catch (error) {
            const reason = `${side}: ${(0,archive_bytes/* errorMessage */.gJ)(error)}`;
            const limited = error.name === 'ExpansionLimitError';
            if (!limited && !job.foundFields)
                throw new types/* ComparatorFallback */.Vj(`${comparator} payload not decoded: ${reason}`);
            return [unexpandedNode(comparator, target, summary, reason)];
        }
    }
    const [before, after] = payloads;
    if (before.equals(after)) {
        const same = new FieldCollector(comparator, job.path, '');
        const sizes = bodies[0].length !== bodies[1].length;
        same.add('compressed-data', `same payload (${(0,archive_bytes/* formatSize */.Xq)(before.length)}), compressed differently`, sizes ? `${bodies[0].length} bytes compressed` : digest(bodies[0]), sizes ? `${bodies[1].length} bytes compressed` : digest(bodies[1]));
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
    const mtime = (h) => (h.mtime === 0 ? '0 (not set)' : (0,archive_bytes/* formatEpoch */.jO)(h.mtime));
    const text = (value) => (value === undefined ? '(absent)' : JSON.stringify(value));
    fields.add(`${key}mtime`, `${label} MTIME`, mtime(a), mtime(b));
    fields.add(`${key}fname`, `${label} FNAME (original file name)`, text(a.name), text(b.name));
    fields.add(`${key}fcomment`, `${label} FCOMMENT`, text(a.comment), text(b.comment));
    fields.add(`${key}fextra`, `${label} FEXTRA`, a.extra === undefined ? '(absent)' : (0,archive_bytes/* hexBytes */.pY)(a.extra), b.extra === undefined ? '(absent)' : (0,archive_bytes/* hexBytes */.pY)(b.extra));
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
        extra.add('trailing', 'bytes after the last gzip member', (0,archive_bytes/* hexBytes */.pY)(sa.trailing), (0,archive_bytes/* hexBytes */.pY)(sb.trailing));
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
    return skippable.map((f) => `#${f.variant} ${f.data.length} bytes ${(0,archive_bytes/* hexBytes */.pY)(f.data, 16)}`).join('; ');
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
    compare(path, before, after, ctx) {
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
        const declared = (streams) => streams.reduce((sum, s) => sum + s.uncompressedSize, 0);
        const payload = comparePayload({
            comparator: 'xz',
            path,
            target: payloadPath(path, XZ_SUFFIXES),
            foundFields: fields.length > 0,
            bodies: [before, after],
            decode: (side, budget) => (side === 'before' ? decodeXz(before, budget, declared(sa)) : decodeXz(after, budget, declared(sb))),
            ctx,
        });
        return [...fields, ...payload];
    },
};
// ---------------------------------------------------------------------------------------------
// lzma (LZMA_alone): no magic, so the name must say so and the header must look like an encoder's.
function lzmaFields(path, a, b) {
    const fields = new FieldCollector('lzma', path, '');
    const props = (h) => `lc=${h.lc} lp=${h.lp} pb=${h.pb}`;
    fields.add('properties', 'lzma properties', props(a), props(b));
    fields.add('dictionary-size', 'lzma dictionary size', (0,archive_bytes/* formatSize */.Xq)(a.dictionarySize), (0,archive_bytes/* formatSize */.Xq)(b.dictionarySize));
    // Two recorded sizes that differ are the payload's own difference, compared below; only whether
    // the writer recorded one (or relied on the end marker) is a setting of the compressor.
    if ((a.uncompressedSize === undefined) !== (b.uncompressedSize === undefined)) {
        const size = (h) => (h.uncompressedSize === undefined ? '(not recorded; end marker)' : `${h.uncompressedSize} bytes`);
        fields.add('uncompressed-size', 'lzma uncompressed size in the header', size(a), size(b));
    }
    return fields.differences;
}
const lzmaComparator = {
    id: 'lzma',
    recognizes: (path, head) => LZMA_SUFFIXES.some(([suffix]) => (0,archive_bytes/* baseName */.Fl)(path).toLowerCase().endsWith(suffix)) && isLzmaAlone(head),
    compare(path, before, after, ctx) {
        if (before.equals(after))
            return [];
        const ha = parseOrFallback('lzma', 'before', () => parseLzmaHeader(before));
        const hb = parseOrFallback('lzma', 'after', () => parseLzmaHeader(after));
        const fields = lzmaFields(path, ha, hb);
        const payload = comparePayload({
            comparator: 'lzma',
            path,
            target: payloadPath(path, LZMA_SUFFIXES),
            foundFields: fields.length > 0,
            bodies: [before.subarray(LZMA_HEADER_SIZE), after.subarray(LZMA_HEADER_SIZE)],
            decode: (side, budget) => decodeLzma(side === 'before' ? before : after, budget),
            ctx,
        });
        return [...fields, ...payload];
    },
};

// EXTERNAL MODULE: ./src/compare/renames.ts
var renames = __webpack_require__(8196);
;// CONCATENATED MODULE: ./src/compare/archive/member-renames.ts
/**
 * Renamed members of an archive (issue #10 item 3): a tar made in `equivs.TyCgZ2/` and one made
 * in `equivs.b0DMbr/` hold the same files under other names. First one varying path component:
 * every removed member below `A/` and every added one below `B/`, the rest of their paths
 * matching one to one, is the archive's top directory renamed. Otherwise members found on one
 * side only are paired like top-level files (src/compare/renames.ts: same bytes, or names equal
 * once hashes are stripped).
 */




function entry(key, data) {
    return { type: 'file', path: key, mode: 0, size: data.length, sha256: '', class: 'binary' };
}
/** One path component that differs for every remaining member, the rest matching one to one. */
function varyingComponent(removed, added) {
    if (removed.length === 0 || removed.length !== added.length)
        return [];
    const split = (keys) => keys.map((k) => k.split('/'));
    const a = split(removed);
    const b = split(added);
    const depth = Math.min(...a.map((p) => p.length), ...b.map((p) => p.length));
    for (let k = 0; k < depth - 1; k++) {
        const from = a[0]?.[k];
        const to = b[0]?.[k];
        if (from === undefined || to === undefined || from === to)
            continue;
        if (!a.every((p) => p[k] === from) || !b.every((p) => p[k] === to))
            continue;
        const rest = (p) => [...p.slice(0, k), '*', ...p.slice(k + 1)].join('/');
        const byRest = new Map(b.map((p, i) => [rest(p), added[i]]));
        if (byRest.size !== b.length)
            continue;
        const pairs = [];
        for (const [i, p] of a.entries()) {
            const match = byRest.get(rest(p));
            if (match === undefined)
                break;
            pairs.push([removed[i], match]);
        }
        if (pairs.length === removed.length)
            return pairs;
    }
    return [];
}
/** Pairs members present on one side only; `dataOf` gives a member's bytes (null: not a file). */
function pairMembers(removed, added, dataOf) {
    if (removed.length === 0 || added.length === 0)
        return [];
    const sameData = (before, after) => {
        const x = dataOf(before, 'before');
        const y = dataOf(after, 'after');
        return x === null || y === null ? x === y : x.equals(y);
    };
    // A top directory renamed whole explains every member at once: tried first.
    const moved = varyingComponent(removed, added);
    if (moved.length > 0)
        return moved.map(([before, after]) => ({ before, after, same: sameData(before, after), directory: true }));
    const data = new Map();
    const files = [
        ...removed.flatMap((key) => {
            const d = dataOf(key, 'before');
            if (d === null)
                return [];
            data.set(`before\0${key}`, d);
            return [{ side: 'before', entry: entry(key, d) }];
        }),
        ...added.flatMap((key) => {
            const d = dataOf(key, 'after');
            if (d === null)
                return [];
            data.set(`after\0${key}`, d);
            return [{ side: 'after', entry: entry(key, d) }];
        }),
    ];
    const digest = (f) => (0,external_node_crypto_.createHash)('sha256').update(data.get(`${f.side}\0${f.entry.path}`) ?? Buffer.alloc(0)).digest('hex');
    return (0,renames/* pairRenames */.wr)(files, 'default', digest).map((p) => ({ before: p.before.path, after: p.after.path, same: p.same, directory: false }));
}
/** The first path component where two member names differ: `pkg-1/` and `pkg-2/`. */
function varyingParts(before, after) {
    const a = before.split('/');
    const b = after.split('/');
    for (let i = 0; i < Math.min(a.length, b.length); i++)
        if (a[i] !== b[i])
            return [a.slice(0, i + 1).join('/'), b.slice(0, i + 1).join('/')];
    return [before, after];
}
/**
 * The nodes of pairs whose bytes are the same: one `renamed` node each, or one for all the
 * members of a renamed top directory. `from` and `path` are display paths inside the archive.
 */
function sameMemberNodes(comparator, path, pairs) {
    const nodes = [];
    const directories = new Map();
    for (const p of pairs) {
        if (!p.same)
            continue;
        if (p.directory) {
            const [from, to] = varyingParts(p.before, p.after);
            const group = directories.get(`${from}\0${to}`) ?? { from, to, count: 0 };
            group.count++;
            directories.set(`${from}\0${to}`, group);
            continue;
        }
        nodes.push({
            path: memberPath(path, p.after),
            from: memberPath(path, p.before),
            kind: 'renamed',
            comparator,
            summary: `renamed from ${(0,archive_bytes/* displayName */.QC)(p.before)}, same content`,
            detail: { type: 'field', name: 'member name', before: p.before, after: p.after },
            causes: [],
            children: [],
        });
    }
    for (const { from, to, count } of directories.values()) {
        nodes.push({
            path: memberPath(path, to.replace(/\/$/, '')),
            from: memberPath(path, from.replace(/\/$/, '')),
            kind: 'renamed',
            comparator,
            summary: `directory renamed from ${(0,archive_bytes/* displayName */.QC)(from)}: ${count === 1 ? '1 member' : `${count} members`}, same content`,
            detail: { type: 'field', name: 'directory name', before: from, after: to },
            causes: [],
            children: [],
        });
    }
    return nodes;
}
/** The removed and added member nodes a pairing replaced. */
function withoutPaired(differences, path, pairs) {
    const gone = new Set(pairs.map((p) => memberPath(path, p.before)));
    const came = new Set(pairs.map((p) => memberPath(path, p.after)));
    return differences.filter((d) => !(d.kind === 'removed' && gone.has(d.path)) && !(d.kind === 'added' && came.has(d.path)));
}

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
            throw new archive_bytes/* ArchiveFormatError */.Y3(`${what}: base-256 value ${value} is out of range`);
        }
        return Number(value);
    }
    const digits = field.toString('latin1').replace(/\0.*$/s, '').trim();
    if (digits === '')
        return 0;
    if (!/^[0-7]+$/.test(digits))
        throw new archive_bytes/* ArchiveFormatError */.Y3(`${what}: "${digits}" is not an octal number`);
    const value = parseInt(digits, 8);
    if (!Number.isSafeInteger(value))
        throw new archive_bytes/* ArchiveFormatError */.Y3(`${what}: ${digits} is out of range`);
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
        throw new archive_bytes/* ArchiveFormatError */.Y3(`header checksum mismatch at offset ${offset}: stored ${stored}, computed ${unsigned}`);
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
            throw new archive_bytes/* ArchiveFormatError */.Y3(`malformed pax record at offset ${offset + at}`);
        }
        const record = data.toString('utf8', space + 1, at + length - 1);
        const equals = record.indexOf('=');
        if (equals < 0)
            throw new archive_bytes/* ArchiveFormatError */.Y3(`pax record without "=" at offset ${offset + at}`);
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
            throw new archive_bytes/* ArchiveFormatError */.Y3(`truncated: ${buf.length - at} bytes at offset ${at} are not a whole 512-byte header`);
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
            throw new archive_bytes/* ArchiveFormatError */.Y3(`${what}: invalid size ${pax.get('size') ?? declared}`);
        const dataStart = at + BLOCK;
        if (size > buf.length - dataStart) {
            throw new archive_bytes/* ArchiveFormatError */.Y3(`truncated: ${what} declares ${size} bytes of data, but only ${buf.length - dataStart} remain`);
        }
        const data = buf.subarray(dataStart, dataStart + size);
        const next = dataStart + Math.ceil(size / BLOCK) * BLOCK;
        if ((type === 'x' || type === 'g' || type === 'L' || type === 'K') && size > MAX_META_BYTES) {
            throw new archive_bytes/* ArchiveFormatError */.Y3(`${what}: ${size}-byte metadata header is over the ${MAX_META_BYTES}-byte cap`);
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
                throw new archive_bytes/* ArchiveFormatError */.Y3(`tar has more than ${maxEntries} members (the cap)`);
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
        throw new archive_bytes/* ArchiveFormatError */.Y3('truncated: the archive ends after a long-name or pax header, before its member');
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
        throw new types/* ComparatorFallback */.Vj(`cannot read the tar (${label}): ${(0,archive_bytes/* errorMessage */.gJ)(error)}`);
    }
    const keys = memberKeys(archive.entries.map((e) => e.name));
    return { archive, keys, byKey: new Map(keys.map((key, i) => [key, archive.entries[i]])) };
}
function formatMode(mode) {
    return mode > 0o7777 ? `${(0,archive_bytes/* formatPermissions */.A6)(mode)} [raw ${mode.toString(8)}]` : (0,archive_bytes/* formatPermissions */.A6)(mode);
}
function formatTime(value) {
    if (value === undefined)
        return '(absent)';
    const seconds = Number(value);
    return Number.isFinite(seconds) ? (0,archive_bytes/* formatEpoch */.jO)(seconds, value) : JSON.stringify(value);
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
        return `${trailer.length} bytes after the last member, not all zero (${(0,archive_bytes/* hexBytes */.pY)(trailer, 16)})`;
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
function tar_memberFields(path, key, a, b) {
    const fields = new FieldCollector('tar', memberPath(path, key), `${(0,archive_bytes/* displayName */.QC)(key)}${(0,archive_bytes/* unsafeNameNote */.sn)(key)}: `);
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
function tar_compareData(path, key, a, b, ctx) {
    if (a.data.equals(b.data))
        return [];
    const target = memberPath(path, key);
    const subject = `${(0,archive_bytes/* displayName */.QC)(key)}${(0,archive_bytes/* unsafeNameNote */.sn)(key)}`;
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
        const inA = new Set(a.keys);
        const inB = new Set(b.keys);
        const dataOf = (key, side) => {
            const entry = (side === 'before' ? a : b).byKey.get(key);
            return entry !== undefined && CONTENT_TYPES.has(entry.type) ? entry.data : null;
        };
        const pairs = pairMembers(a.keys.filter((k) => !inB.has(k)), b.keys.filter((k) => !inA.has(k)), dataOf);
        const differences = [...withoutPaired(members.differences, path, pairs), ...sameMemberNodes('tar', path, pairs), ...archiveFields(path, a.archive, b.archive)];
        for (const key of members.common) {
            const ea = a.byKey.get(key);
            const eb = b.byKey.get(key);
            if (ea === undefined || eb === undefined)
                continue;
            differences.push(...tar_memberFields(path, key, ea, eb), ...tar_compareData(path, key, ea, eb, ctx));
        }
        for (const pair of pairs) {
            const ea = a.byKey.get(pair.before);
            const eb = b.byKey.get(pair.after);
            if (ea === undefined || eb === undefined)
                continue;
            differences.push(...tar_memberFields(path, pair.after, ea, eb));
            for (const d of pair.same ? [] : tar_compareData(path, pair.after, ea, eb, ctx)) {
                d.from = memberPath(path, pair.before);
                d.summary = `renamed from ${(0,archive_bytes/* displayName */.QC)(pair.before)}; ${d.summary}`;
                differences.push(d);
            }
        }
        return differences.length > 0 ? differences : paddingField(path, a.archive, b.archive);
    },
};

;// CONCATENATED MODULE: ./src/compare/archive/zip-layout.ts
/**
 * Where a zip's central directory is, and where its members may lie. Two layouts:
 *
 * - standard (APPNOTE 4.3.6): members, central directory, end record last (+ zip64 records); bytes
 *   prepended later (a launcher, an SFX stub) shift every offset by the same amount.
 * - Mozilla-optimised (`omni.ja`, written by mozpack's JarWriter with a preload list and by the
 *   old build/optimizejars.py): a 4-byte little-endian read-ahead length, the central directory
 *   at offset 4, a copy of the end record, the members, and the end record again. Both end
 *   records give offset 4. Gecko's nsZipArchive looks for the directory signature at offset 4
 *   before it looks for an end record; generic readers see "extra bytes at the beginning".
 */

const SIG_CENTRAL = 0x02014b50;
const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_EOCD64_LOCATOR = 0x07064b50;
const EOCD_SIZE = 22;
const MAX_COMMENT = 0xffff;
/** Where the Mozilla layout puts the central directory: just after the read-ahead length. */
const MOZILLA_DIRECTORY_OFFSET = 4;
function findEndRecord(buf) {
    if (buf.length < EOCD_SIZE) {
        throw new archive_bytes/* ArchiveFormatError */.Y3(`${buf.length} bytes is too short for a zip end-of-central-directory record (22 bytes)`);
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
    throw new archive_bytes/* ArchiveFormatError */.Y3('no zip end-of-central-directory record in the last 65,557 bytes: truncated, or not a zip');
}
function readEndRecord(buf, maxEntries) {
    const at = findEndRecord(buf);
    const eocd = (0,archive_bytes/* take */.s)(buf, at, EOCD_SIZE, 'end-of-central-directory record');
    const disk = eocd.readUInt16LE(4);
    const cdDisk = eocd.readUInt16LE(6);
    let entries = eocd.readUInt16LE(10);
    let cdSize = eocd.readUInt32LE(12);
    let cdOffset = eocd.readUInt32LE(16);
    const comment = (0,archive_bytes/* take */.s)(buf, at + EOCD_SIZE, eocd.readUInt16LE(20), 'archive comment');
    let cdEnd = at;
    let zip64 = false;
    if (at >= 20 && buf.readUInt32LE(at - 20) === SIG_EOCD64_LOCATOR) {
        zip64 = true;
        const declared = (0,archive_bytes/* readU64 */.IM)(buf, at - 20 + 8, 'zip64 end-of-central-directory locator');
        // An archive with a prefix (SFX stub) keeps offsets relative to the zip: look there too.
        const candidates = [declared, at - 20 - 56];
        const record = candidates.find((offset) => offset >= 0 && offset + 56 <= at - 20 && buf.readUInt32LE(offset) === SIG_EOCD64);
        if (record === undefined)
            throw new archive_bytes/* ArchiveFormatError */.Y3(`zip64 end-of-central-directory record not found at offset ${declared}`);
        const eocd64 = (0,archive_bytes/* take */.s)(buf, record, 56, 'zip64 end-of-central-directory record');
        if (eocd64.readUInt32LE(16) !== 0 || eocd64.readUInt32LE(20) !== 0) {
            throw new archive_bytes/* ArchiveFormatError */.Y3('multi-disk (spanned) zip archives are not supported');
        }
        entries = (0,archive_bytes/* readU64 */.IM)(eocd64, 32, 'zip64 entry count');
        cdSize = (0,archive_bytes/* readU64 */.IM)(eocd64, 40, 'zip64 central directory size');
        cdOffset = (0,archive_bytes/* readU64 */.IM)(eocd64, 48, 'zip64 central directory offset');
        cdEnd = record;
    }
    else if (disk !== 0 || cdDisk !== 0) {
        throw new archive_bytes/* ArchiveFormatError */.Y3('multi-disk (spanned) zip archives are not supported');
    }
    if (entries > maxEntries)
        throw new archive_bytes/* ArchiveFormatError */.Y3(`zip declares ${entries} entries, over the cap of ${maxEntries}`);
    return { at, entries, cdSize, cdOffset, cdEnd, comment, zip64 };
}
/**
 * The Mozilla layout, when the file has it: the end record says offset 4 and a directory entry
 * starts there. Then the copy of the end record that follows the directory must be there and agree.
 */
function mozillaPlacement(buf, end) {
    const start = MOZILLA_DIRECTORY_OFFSET;
    if (end.zip64 || end.cdOffset !== start || buf.length < start + 4 || buf.readUInt32LE(start) !== SIG_CENTRAL)
        return undefined;
    const what = 'Mozilla-optimised zip (central directory first)';
    const cdEnd = start + end.cdSize;
    if (cdEnd + EOCD_SIZE > buf.length) {
        throw new archive_bytes/* ArchiveFormatError */.Y3(`${what}: the central directory at offset ${start} declares ${end.cdSize} bytes, past the end of the file (${buf.length} bytes): truncated or corrupt`);
    }
    if (buf.readUInt32LE(cdEnd) !== SIG_EOCD) {
        throw new archive_bytes/* ArchiveFormatError */.Y3(`${what}: no end-of-central-directory record right after the ${end.cdSize}-byte directory, at offset ${cdEnd}`);
    }
    const entries = buf.readUInt16LE(cdEnd + 10);
    const cdSize = buf.readUInt32LE(cdEnd + 12);
    const cdOffset = buf.readUInt32LE(cdEnd + 16);
    if (entries !== end.entries || cdSize !== end.cdSize || cdOffset !== end.cdOffset) {
        throw new archive_bytes/* ArchiveFormatError */.Y3(`${what}: the end record after the directory (offset ${cdEnd}: ${entries} entries, ${cdSize} bytes at ${cdOffset}) ` +
            `and the one at offset ${end.at} (${end.entries} entries, ${end.cdSize} bytes at ${end.cdOffset}) disagree`);
    }
    // The writers leave the first copy's comment out; the members start right after its fixed part.
    const membersStart = cdEnd + EOCD_SIZE;
    // Without the closing copy (Gecko does not need it) the members run to the end of the file.
    const membersEnd = end.at > cdEnd ? end.at : buf.length;
    return {
        layout: 'mozilla',
        entries: end.entries,
        comment: end.comment,
        zip64: false,
        cdStart: start,
        cdEnd,
        shift: 0,
        membersStart,
        membersEnd,
        readahead: buf.readUInt32LE(0),
    };
}
/** Finds the central directory of either layout; throws ArchiveFormatError with the precise problem. */
function locateDirectory(buf, maxEntries) {
    const end = readEndRecord(buf, maxEntries);
    const mozilla = mozillaPlacement(buf, end);
    if (mozilla !== undefined)
        return mozilla;
    const cdStart = end.cdEnd - end.cdSize;
    if (cdStart < 0)
        throw new archive_bytes/* ArchiveFormatError */.Y3(`central directory size ${end.cdSize} is larger than the data before its end record`);
    // Bytes prepended to the archive (launch scripts, SFX stubs) shift every offset by the same amount.
    const shift = cdStart - end.cdOffset;
    if (shift < 0) {
        throw new archive_bytes/* ArchiveFormatError */.Y3(`central directory offset ${end.cdOffset} points past its end record at ${end.cdEnd}: truncated`);
    }
    return {
        layout: 'standard',
        entries: end.entries,
        comment: end.comment,
        zip64: end.zip64,
        cdStart,
        cdEnd: end.cdEnd,
        shift,
        membersStart: 0,
        membersEnd: cdStart,
    };
}

;// CONCATENATED MODULE: ./src/compare/archive/zip-reader.ts
/**
 * A read-only zip parser (APPNOTE 6.3.x): central directory (found by zip-layout.ts, standard or
 * Mozilla-optimised), local headers, and member expansion (stored, deflate, zstd) under an expansion budget. Nothing
 * is trusted: every size and offset is checked against the buffer, entry counts are capped, and
 * expansion never passes a member's declared size or the budget.
 */



const SIG_LOCAL = 0x04034b50;
const SIG_DATA_DESCRIPTOR = 0x08074b50;
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
/** Replaces 0xFFFF… placeholders with the zip64 extra field's values, in the order APPNOTE 4.5.3 gives. */
function applyZip64(extra, values, name) {
    const needSize = values.size === 0xffffffff;
    const needCompressed = values.compressedSize === 0xffffffff;
    const needOffset = values.offset === 0xffffffff;
    if (!needSize && !needCompressed && !needOffset)
        return;
    const field = extra.find((f) => f.id === 0x0001);
    if (field === undefined)
        throw new archive_bytes/* ArchiveFormatError */.Y3(`member "${name}": zip64 sizes are missing their extra field`);
    let at = 0;
    const what = `member "${name}": zip64 extra field`;
    if (needSize) {
        values.size = (0,archive_bytes/* readU64 */.IM)(field.data, at, what);
        at += 8;
    }
    if (needCompressed) {
        values.compressedSize = (0,archive_bytes/* readU64 */.IM)(field.data, at, what);
        at += 8;
    }
    if (needOffset)
        values.offset = (0,archive_bytes/* readU64 */.IM)(field.data, at, what);
}
function readLocal(buf, offset, name) {
    const fixed = (0,archive_bytes/* take */.s)(buf, offset, 30, `local header of "${name}"`);
    if (fixed.readUInt32LE(0) !== SIG_LOCAL) {
        throw new archive_bytes/* ArchiveFormatError */.Y3(`member "${name}": no local header signature at offset ${offset}`);
    }
    const flags = fixed.readUInt16LE(6);
    const nameLength = fixed.readUInt16LE(26);
    const extraLength = fixed.readUInt16LE(28);
    const rawName = (0,archive_bytes/* take */.s)(buf, offset + 30, nameLength, `local name of "${name}"`);
    const extra = (0,archive_bytes/* take */.s)(buf, offset + 30 + nameLength, extraLength, `local extra field of "${name}"`);
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
    const place = locateDirectory(buf, maxEntries);
    const { cdStart, cdEnd, shift, membersStart, membersEnd } = place;
    const entries = [];
    let at = cdStart;
    for (let i = 0; i < place.entries; i++) {
        const what = `central directory entry ${i + 1} of ${place.entries}`;
        const fixed = (0,archive_bytes/* take */.s)(buf, at, 46, what);
        if (fixed.readUInt32LE(0) !== SIG_CENTRAL)
            throw new archive_bytes/* ArchiveFormatError */.Y3(`${what}: bad signature at offset ${at}`);
        const flags = fixed.readUInt16LE(8);
        const nameLength = fixed.readUInt16LE(28);
        const extraLength = fixed.readUInt16LE(30);
        const commentLength = fixed.readUInt16LE(32);
        if (at + 46 + nameLength + extraLength + commentLength > cdEnd) {
            throw new archive_bytes/* ArchiveFormatError */.Y3(`${what}: runs past the end of the central directory at ${cdEnd}`);
        }
        const name = zip_reader_decodeText((0,archive_bytes/* take */.s)(buf, at + 46, nameLength, what), flags);
        const extra = parseExtra((0,archive_bytes/* take */.s)(buf, at + 46 + nameLength, extraLength, what));
        const comment = zip_reader_decodeText((0,archive_bytes/* take */.s)(buf, at + 46 + nameLength + extraLength, commentLength, what), flags);
        const values = { size: fixed.readUInt32LE(24), compressedSize: fixed.readUInt32LE(20), offset: fixed.readUInt32LE(42) };
        applyZip64(extra, values, name);
        const localOffset = values.offset + shift;
        if (localOffset < membersStart) {
            throw new archive_bytes/* ArchiveFormatError */.Y3(`member "${name}": local header at offset ${localOffset} lies in the central directory or its end record (members start at ${membersStart})`);
        }
        const { header, dataStart } = readLocal(buf, localOffset, name);
        const dataEnd = dataStart + values.compressedSize;
        if (dataEnd > membersEnd) {
            const limit = place.layout === 'standard' ? `the central directory at ${cdStart}` : `the end of the members at ${membersEnd}`;
            throw new archive_bytes/* ArchiveFormatError */.Y3(`member "${name}": ${values.compressedSize} bytes of data at offset ${dataStart} run past ${limit}`);
        }
        const zip64Sizes = extra.some((f) => f.id === 0x0001);
        const recordEnd = flags & FLAG_DATA_DESCRIPTOR ? Math.min(membersEnd, dataEnd + descriptorLength(buf, dataEnd, zip64Sizes)) : dataEnd;
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
            localOffset,
            dataStart,
            dataEnd,
            recordEnd,
        });
        at += 46 + nameLength + extraLength + commentLength;
    }
    markOverlaps(entries);
    const firstMember = entries.reduce((low, e) => Math.min(low, e.localOffset), membersEnd);
    const lastEnd = entries.reduce((high, e) => Math.max(high, e.recordEnd), Math.max(membersStart, shift));
    return {
        entries,
        comment: zip_reader_decodeText(place.comment, 0),
        zip64: place.zip64,
        prefix: buf.subarray(membersStart, firstMember),
        gap: buf.subarray(Math.min(lastEnd, membersEnd), membersEnd),
        layout: place.layout,
        ...(place.readahead === undefined ? {} : { readahead: place.readahead }),
    };
}
/**
 * Marks members whose records share bytes with another's: no archiver writes them, and a crafted
 * archive uses them to expand the same compressed bytes many times. Like CPython's zipfile (and
 * unlike refusing the archive), only reading such a member fails: real jars with a borderline
 * record still list and compare.
 */
function markOverlaps(entries) {
    const byOffset = [...entries].sort((x, y) => x.localOffset - y.localOffset);
    let reach;
    for (const entry of byOffset) {
        // The data's end, not the descriptor's: a descriptor's length is inferred, its data is not.
        if (reach !== undefined && entry.localOffset < reach.dataEnd) {
            entry.overlaps ??= reach.name;
            reach.overlaps ??= entry.name;
        }
        if (reach === undefined || entry.dataEnd > reach.dataEnd)
            reach = entry;
    }
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
        throw new archive_bytes/* ArchiveFormatError */.Y3(`${what} is encrypted`);
    if (entry.overlaps !== undefined) {
        throw new archive_bytes/* ArchiveFormatError */.Y3(`${what} shares bytes with member "${entry.overlaps}": overlapping records, a crafted archive`);
    }
    if (entry.size > budget.remaining)
        throw budget.refuse(what, `declares ${(0,archive_bytes/* formatSize */.Xq)(entry.size)} uncompressed, more than`);
    const raw = buf.subarray(entry.dataStart, entry.dataEnd);
    let data;
    try {
        switch (entry.method) {
            case 0:
                data = raw;
                break;
            case 8:
                data = (0,external_node_zlib_.inflateRawSync)(raw, { maxOutputLength: (0,archive_bytes/* outputCap */.SG)(entry.size) });
                break;
            case 93:
                data = (0,external_node_zlib_.zstdDecompressSync)(raw, { maxOutputLength: (0,archive_bytes/* outputCap */.SG)(entry.size) });
                break;
            default:
                throw new archive_bytes/* ArchiveFormatError */.Y3(`${what} uses compression method ${entry.method} (${METHOD_NAMES[entry.method] ?? 'unknown'}), which is not decoded`);
        }
    }
    catch (error) {
        if ((0,archive_bytes/* isOutputLimitError */.v4)(error)) {
            throw new archive_bytes/* ExpansionLimitError */.bT(`${what} expands past its declared ${(0,archive_bytes/* formatSize */.Xq)(entry.size)}: corrupt, or a bomb`);
        }
        if (error.name === 'ArchiveFormatError')
            throw error;
        throw new archive_bytes/* ArchiveFormatError */.Y3(`${what}: ${METHOD_NAMES[entry.method] ?? 'compressed'} data is corrupt (${(0,archive_bytes/* errorMessage */.gJ)(error)})`);
    }
    if (data.length !== entry.size) {
        throw new archive_bytes/* ArchiveFormatError */.Y3(`${what} expands to ${data.length} bytes, but the directory says ${entry.size}`);
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
    return id < 0 ? EXTRA_NAMES[-1] ?? 'malformed' : `${EXTRA_NAMES[id] ?? 'unknown'} extra field (${(0,archive_bytes/* hex */.uh)(id, 4)})`;
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
        parts.push(`${label} ${(0,archive_bytes/* formatEpoch */.jO)(value)}`);
        at += 4;
    }
    return parts.length > 0 ? parts.join(', ') : `flags ${(0,archive_bytes/* hex */.uh)(flags, 2)}`;
}
function describeUnixIds(data) {
    const uidSize = data[1] ?? 0;
    const gidSizeAt = 2 + uidSize;
    const gidSize = data[gidSizeAt] ?? 0;
    if (data.length < gidSizeAt + 1 + gidSize)
        return (0,archive_bytes/* hexBytes */.pY)(data);
    return `uid ${uintText(data.subarray(2, gidSizeAt))}, gid ${uintText(data.subarray(gidSizeAt + 1, gidSizeAt + 1 + gidSize))}`;
}
/** atime, mtime [, uid, gid]: the layout of 0x000d and 0x5855. */
function describeOldUnix(data) {
    const atime = int32(data, 0);
    const mtime = int32(data, 4);
    if (atime === undefined || mtime === undefined)
        return (0,archive_bytes/* hexBytes */.pY)(data);
    const ids = data.length >= 12 ? `, uid ${data.readUInt16LE(8)}, gid ${data.readUInt16LE(10)}` : '';
    return `mtime ${(0,archive_bytes/* formatEpoch */.jO)(mtime)}, atime ${(0,archive_bytes/* formatEpoch */.jO)(atime)}${ids}`;
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
                return (0,archive_bytes/* formatEpoch */.jO)(Number(ticks / 10000000n - FILETIME_EPOCH_OFFSET), String(ticks));
            });
            return `mtime ${times[0]}, atime ${times[1]}, ctime ${times[2]}`;
        }
        at += 4 + size;
    }
    return (0,archive_bytes/* hexBytes */.pY)(data);
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
            return data.length >= 5 ? JSON.stringify(data.subarray(5).toString('utf8')) : (0,archive_bytes/* hexBytes */.pY)(data);
        case 0xcafe:
            return data.length === 0 ? 'present' : (0,archive_bytes/* hexBytes */.pY)(data);
        case 0xd935:
            return data.length >= 2 ? `align to ${data.readUInt16LE(0)} bytes, ${data.length - 2} padding bytes` : (0,archive_bytes/* hexBytes */.pY)(data);
        default:
            return (0,archive_bytes/* hexBytes */.pY)(data);
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
    const permissions = (0,archive_bytes/* formatPermissions */.A6)(mode);
    return `${mode.toString(8).padStart(6, '0')} (${type}${permissions.slice(permissions.indexOf('(') + 1, -1)})`;
}
const DOS_ATTRIBUTES = [
    [0x01, 'read-only'], [0x02, 'hidden'], [0x04, 'system'], [0x08, 'volume'], [0x10, 'directory'], [0x20, 'archive'],
];
function formatDosAttributes(value) {
    const names = DOS_ATTRIBUTES.filter(([bit]) => value & bit).map(([, name]) => name);
    return `${(0,archive_bytes/* hex */.uh)(value, 4)}${names.length > 0 ? ` (${names.join(', ')})` : ''}`;
}
const FLAG_NAMES = [
    [FLAG_ENCRYPTED, 'encrypted'], [0x0008, 'data-descriptor'], [0x0010, 'enhanced-deflate'], [0x0020, 'patched'],
    [0x0040, 'strong-encryption'], [0x0800, 'utf8'], [0x2000, 'masked-headers'],
];
/** Bits 1–2 are the method's options (deflate level); they show under `compression`. */
function formatFlags(flags) {
    const shown = flags & ~0x0006;
    const names = FLAG_NAMES.filter(([bit]) => shown & bit).map(([, name]) => name);
    return `${(0,archive_bytes/* hex */.uh)(shown, 4)}${names.length > 0 ? ` (${names.join(', ')})` : ''}`;
}
const DEFLATE_LEVELS = ['normal', 'maximum', 'fast', 'super fast'];
function formatMethod(method, flags) {
    const name = METHOD_NAMES[method] ?? `method ${method}`;
    return method === 8 ? `${name} (${DEFLATE_LEVELS[(flags >> 1) & 3]})` : name;
}
function formatContentFacts(entry) {
    return `crc32 ${(0,archive_bytes/* hex */.uh)(entry.crc32)}, ${entry.size} bytes`;
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
// No `.ja` (omni.ja): its magic tells, and `README.ja`-style text must not meet the zip reader first.
const ZIP_EXTENSIONS = /\.(zip|jar|war|ear|whl|egg|apk|aab|aar|nupkg|vsix|xpi|ipa|jmod)$/i;
function hasZipMagic(head) {
    // A Mozilla-optimised jar: a read-ahead length, then a central directory entry.
    if (head.length >= 8 && head.readUInt32LE(4) === SIG_CENTRAL)
        return true;
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
        throw new types/* ComparatorFallback */.Vj(`cannot read the zip (${label}): ${(0,archive_bytes/* errorMessage */.gJ)(error)}`);
    }
    const keys = memberKeys(archive.entries.map((e) => e.name));
    const byKey = new Map(keys.map((key, i) => [key, archive.entries[i]]));
    return { buf, archive, byKey, keys, budget: ctx.budgets?.[label] ?? new archive_bytes/* ExpansionBudget */.$2(ctx.limits.maxExpandedBytes) };
}
function describeBlob(data) {
    if (data.length === 0)
        return '(none)';
    return `${(0,archive_bytes/* formatSize */.Xq)(data.length)}, sha256 ${(0,external_node_crypto_.createHash)('sha256').update(data).digest('hex').slice(0, 16)}…`;
}
function zip_archiveFields(path, a, b) {
    const fields = new FieldCollector('zip', path, '');
    fields.add('comment', 'archive comment', JSON.stringify(a.comment), JSON.stringify(b.comment));
    fields.add('zip64', 'zip64 end records', a.zip64 ? 'present' : 'absent', b.zip64 ? 'present' : 'absent');
    fields.add('prefix', 'bytes before the first member', describeBlob(a.prefix), describeBlob(b.prefix));
    fields.add('pre-directory-data', 'bytes between the members and the central directory', describeBlob(a.gap), describeBlob(b.gap));
    fields.add('layout', 'central directory placement', describeLayout(a), describeLayout(b));
    if (a.layout === 'mozilla' && b.layout === 'mozilla')
        fields.add('preload', 'members Gecko reads ahead at startup', describePreload(a), describePreload(b));
    return fields.differences;
}
function describeLayout(archive) {
    return archive.layout === 'mozilla' ? 'first (Mozilla-optimised jar)' : 'last (standard zip)';
}
/**
 * The read-ahead length as the members it covers: the offset itself moves whenever a preloaded
 * member changes size, the list of preloaded members only when the packaging changed.
 */
function describePreload(archive) {
    const readahead = archive.readahead ?? 0;
    if (readahead === 0)
        return 'none';
    const members = archive.entries.filter((e) => !e.name.endsWith('/')).sort((x, y) => x.localOffset - y.localOffset);
    const covered = members.filter((e) => e.recordEnd <= readahead);
    const cut = members.find((e) => e.localOffset < readahead && e.recordEnd > readahead);
    const last = covered[covered.length - 1];
    const through = last === undefined ? 'the central directory only' : `${covered.length} of ${members.length} members, through ${(0,archive_bytes/* displayName */.QC)(last.name)}`;
    return cut === undefined ? through : `${through}, and part of ${(0,archive_bytes/* displayName */.QC)(cut.name)}`;
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
    const fields = new FieldCollector('zip', memberPath(path, key), `${(0,archive_bytes/* displayName */.QC)(key)}${(0,archive_bytes/* unsafeNameNote */.sn)(key)}: `);
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
        return `${side}: ${(0,archive_bytes/* errorMessage */.gJ)(error)}`;
    }
}
function compareContent(path, key, a, ea, b, eb, ctx) {
    const rawA = a.buf.subarray(ea.dataStart, ea.dataEnd);
    const rawB = b.buf.subarray(eb.dataStart, eb.dataEnd);
    const sameFacts = ea.crc32 === eb.crc32 && ea.size === eb.size;
    if (sameFacts && ea.method === eb.method && rawA.equals(rawB))
        return [];
    const target = memberPath(path, key);
    const subject = `${(0,archive_bytes/* displayName */.QC)(key)}${(0,archive_bytes/* unsafeNameNote */.sn)(key)}`;
    if (sameFacts) {
        const expanded = expandBoth(a, ea, b, eb);
        if (typeof expanded === 'string') {
            // Overlapping records are a crafted archive: equal CRC-32s prove nothing there.
            if (ea.overlaps !== undefined || eb.overlaps !== undefined)
                return [unexpandedNode('zip', target, `${subject}: content differs`, expanded)];
            return recompressedField(target, subject, ea, rawA, rawB, ` (equal by CRC-32; not expanded: ${expanded})`);
        }
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
        const inA = new Set(a.keys);
        const inB = new Set(b.keys);
        // One-sided members are paired by CRC-32 and size (no expansion); each pair is then compared for real.
        const fingerprint = (key, side) => {
            const entry = (side === 'before' ? a : b).byKey.get(key);
            return entry === undefined || entry.name.endsWith('/') ? null : Buffer.from(`${entry.crc32}:${entry.size}`);
        };
        const pairs = pairMembers(a.keys.filter((k) => !inB.has(k)), b.keys.filter((k) => !inA.has(k)), fingerprint);
        const differences = [...withoutPaired(members.differences, path, pairs), ...zip_archiveFields(path, a.archive, b.archive)];
        for (const key of members.common) {
            const ea = a.byKey.get(key);
            const eb = b.byKey.get(key);
            if (ea === undefined || eb === undefined)
                continue;
            differences.push(...zip_memberFields(path, key, ea, eb), ...compareContent(path, key, a, ea, b, eb, ctx));
        }
        const same = [];
        for (const pair of pairs) {
            const ea = a.byKey.get(pair.before);
            const eb = b.byKey.get(pair.after);
            if (ea === undefined || eb === undefined)
                continue;
            differences.push(...zip_memberFields(path, pair.after, ea, eb));
            const content = compareContent(path, pair.after, a, ea, b, eb, ctx);
            if (content.length === 0)
                same.push({ ...pair, same: true });
            for (const d of content) {
                d.from = memberPath(path, pair.before);
                d.summary = `renamed from ${(0,archive_bytes/* displayName */.QC)(pair.before)}; ${d.summary}`;
                differences.push(d);
            }
        }
        differences.push(...sameMemberNodes('zip', path, same));
        return differences;
    },
};

;// CONCATENATED MODULE: ./src/compare/comparators/index.ts














const DEFAULT_COMPARATORS = [
    zipComparator,
    tarComparator,
    arComparator,
    gzipComparator,
    xzComparator,
    lzmaComparator,
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


/***/ }),

/***/ 7924:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  un: () => (/* binding */ IGNORE_PROFILES),
  mr: () => (/* binding */ compareSources)
});

// UNUSED EXPORTS: verdictOf

// EXTERNAL MODULE: ./src/snapshot/canonical-json.ts
var canonical_json = __webpack_require__(7837);
// EXTERNAL MODULE: ./src/compare/archive/bytes.ts
var bytes = __webpack_require__(5909);
;// CONCATENATED MODULE: ./src/compare/coverage.ts
/**
 * What a diff did not look at, said in the report rather than left out: paths it could not
 * compare, and snapshot block contents it did not read (files with equal digests never are, so
 * a damaged block in an unchanged file goes unnoticed until `vitsnap verify`).
 */

/** Sorted by path; one entry per path, `both` when each side had it. */
function mergeNotCompared(items) {
    const byPath = new Map();
    for (const item of items) {
        const seen = byPath.get(item.path);
        if (seen === undefined)
            byPath.set(item.path, { ...item });
        else if (seen.side !== item.side)
            seen.side = 'both';
    }
    return [...byPath.values()].sort((x, y) => (0,canonical_json/* compareCodePoints */.OP)(x.path, y.path));
}
/** One line: how many paths were not compared, the first few, and why. */
function describeNotCompared(items) {
    const shown = items.slice(0, 3).map((n) => `${n.path} (${n.side === 'both' ? 'both sides' : n.side}: ${n.reason})`);
    const more = items.length > shown.length ? `, and ${items.length - shown.length} more (see --json)` : '';
    return `${items.length} ${items.length === 1 ? 'entry was' : 'entries were'} not compared: ${shown.join(', ')}${more}`;
}
/** Sums the snapshot sides' reading; null when no side is a snapshot. */
function verificationOf(sources) {
    const sides = sources.flatMap((s) => (s.verification === undefined ? [] : [s.verification()]));
    if (sides.length === 0)
        return null;
    const sum = (f) => sides.reduce((n, s) => n + f(s), 0);
    const filesNotRead = sum((s) => s.filesNotRead);
    const partly = sum((s) => s.filesPartlyRead ?? 0);
    const unread = sides.filter((s) => s.filesNotRead > 0 || (s.filesPartlyRead ?? 0) > 0);
    const what = [
        ...(filesNotRead > 0 ? [`${filesNotRead} unchanged file${filesNotRead === 1 ? '' : 's'}`] : []),
        ...(partly > 0 ? [`the unchanged parts of ${partly} large file${partly === 1 ? '' : 's'}`] : []),
    ].join(' and ');
    const note = unread.length === 0
        ? ''
        : `block contents of ${what} were not read (${unread.map((s) => `${s.label}: ${s.blocksRead} of ${s.blocksTotal} blocks read`).join('; ')}); ` +
            `run ${unread.map((s) => `\`vitsnap verify ${s.label}\``).join(' and ')} to check them`;
    return { blocksRead: sum((s) => s.blocksRead), blocksTotal: sum((s) => s.blocksTotal), filesNotRead, note, sides };
}

// EXTERNAL MODULE: ./src/compare/byte-source.ts
var byte_source = __webpack_require__(7555);
;// CONCATENATED MODULE: ./src/compare/registry.ts
/**
 * Runs the ordered comparator list on one pair of files: the first comparator that recognises both
 * sides and does not fall back wins; bytes are last. Every fallback is recorded with its reason.
 */


const HEAD_BYTES = 4096;
function errorText(error) {
    return error instanceof Error ? error.message : String(error);
}
function summarise(children, comparator) {
    if (children.length === 1)
        return children[0].summary;
    return `${children.length} differences (${comparator})`;
}
function isReadError(error) {
    const name = error?.name;
    return name === 'SnapshotFormatError' || name === 'OperationError';
}
/** Fresh budgets for one top-level file's two sides, each charging `diff` (the whole run's) when given. */
function fileBudgets(limits, diff) {
    const options = diff === undefined ? { scope: 'file' } : { scope: 'file', parent: diff };
    return { before: new bytes/* ExpansionBudget */.$2(limits.maxExpandedBytes, options), after: new bytes/* ExpansionBudget */.$2(limits.maxExpandedBytes, options) };
}
/**
 * Compares `before` and `after` (known to differ) and returns their `modified` node. Everything
 * nested in the file expands under `budgets` (fresh ones when not given).
 */
function compareFile(path, before, after, comparators, limits, depth = 0, budgets = fileBudgets(limits)) {
    return compareFileSources(path, (0,byte_source/* bufferSource */.kq)(before), (0,byte_source/* bufferSource */.kq)(after), comparators, limits, depth, budgets);
}
/**
 * `compareFile` on sources read as needed: a comparator that walks files itself gets them unread,
 * any other gets both files whole, read once for all of them.
 */
function compareFileSources(path, before, after, comparators, limits, depth = 0, budgets = fileBudgets(limits)) {
    const node = { path, kind: 'modified', summary: '', causes: [], children: [] };
    const fallbacks = [];
    const ctx = {
        limits,
        depth,
        budgets,
        compareNested: (nestedPath, a, b) => {
            if (depth + 1 > limits.maxDepth) {
                const bytesOnly = comparators.filter((c) => c.id === 'binary');
                const nested = compareFile(nestedPath, a, b, bytesOnly, limits, depth + 1, budgets);
                nested.fallback = `nesting deeper than ${limits.maxDepth} levels: compared as bytes`;
                return nested;
            }
            return compareFile(nestedPath, a, b, comparators, limits, depth + 1, budgets);
        },
    };
    const tooBig = Math.max(before.size, after.size) > limits.maxStructuredBytes;
    if (tooBig)
        fallbacks.push(`larger than ${limits.maxStructuredBytes} bytes: compared as bytes`);
    const headA = before.read(0, Math.min(HEAD_BYTES, before.size));
    const headB = after.read(0, Math.min(HEAD_BYTES, after.size));
    let whole = null;
    const wholeFiles = () => (whole ??= [(0,byte_source/* wholeBytes */.fq)(before), (0,byte_source/* wholeBytes */.fq)(after)]);
    for (const comparator of comparators) {
        if (tooBig && comparator.id !== 'binary')
            continue;
        if (!comparator.recognizes(path, headA) || !comparator.recognizes(path, headB))
            continue;
        let children;
        try {
            if (comparator.compareSources !== undefined) {
                children = comparator.compareSources(path, before, after, ctx);
            }
            else {
                const [a, b] = wholeFiles();
                children = comparator.compare(path, a, b, ctx);
            }
        }
        catch (error) {
            // A side that cannot be read (damaged, changed under the diff) fails the diff, as a whole read would.
            if (isReadError(error))
                throw error;
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

// EXTERNAL MODULE: ./src/compare/renames.ts
var compare_renames = __webpack_require__(8196);
;// CONCATENATED MODULE: ./src/compare/toolchain-diff.ts
/** A probe's version line; a probe that failed or timed out is `unavailable (why)`, never a version. */
function probeText(p) {
    if (p === undefined || !p.found)
        return null;
    if (p.version === undefined)
        return `unavailable (${(p.error ?? 'no version printed').split('\n')[0] ?? ''})`;
    return p.version.split('\n')[0] ?? '';
}
/**
 * Whether two probes of one tool differ. A side whose version is unavailable tells nothing about
 * the version, so only different executables (digests) count then: a probe that timed out on a
 * loaded runner is not a toolchain change.
 */
function probesDiffer(a, b) {
    if (a?.found !== true || b?.found !== true)
        return a?.found === true || b?.found === true;
    if (a.version === undefined || b.version === undefined)
        return a.sha256 !== undefined && b.sha256 !== undefined && a.sha256 !== b.sha256;
    return probeText(a) !== probeText(b) || a.sha256 !== b.sha256;
}
function changes(area, a, b, text, differ = (x, y) => text(x) !== text(y)) {
    const out = [];
    for (const name of [...new Set([...a.keys(), ...b.keys()])].sort()) {
        if (differ(a.get(name), b.get(name)))
            out.push({ area, name, before: text(a.get(name)), after: text(b.get(name)) });
    }
    return out;
}
/**
 * What differs between two snapshots' metadata. A toolchain counts as changed when its version
 * text or its binary's digest differs (a rebuilt compiler with the same version string is a
 * change); an unavailable version counts only with a different digest.
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
        ...changes('toolchain', tools(a), tools(b), toolText, probesDiffer),
        ...changes('env', new Map(Object.entries({ ...a.env, umask: a.umask })), new Map(Object.entries({ ...b.env, umask: b.umask })), (v) => v ?? null),
        ...changes('runner', runner(a), runner(b), (v) => v ?? null),
        ...changes('lockfile', new Map(a.lockfiles.map((l) => [l.path, l.sha256])), new Map(b.lockfiles.map((l) => [l.path, l.sha256])), (v) => v ?? null),
        ...changes('command', new Map(a.commands.map((c) => [c.name, c.stdout])), new Map(b.commands.map((c) => [c.name, c.stdout])), (v) => v ?? null),
    ];
}

// EXTERNAL MODULE: ./src/compare/types.ts
var types = __webpack_require__(8714);
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
    compression: 'compression',
};
function yieldToEventLoop() {
    return new Promise((resolve) => setImmediate(resolve));
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
function verdictOf(root) {
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
async function compareSources(sides, options) {
    const { before, after } = sides;
    const limits = options.limits ?? types/* DEFAULT_LIMITS */.dR;
    const metadata = diffMetadata(before.metadata, after.metadata);
    const context = {
        toolchainChanged: metadata.filter((m) => m.area === 'toolchain').map((m) => ({ name: m.name, before: m.before, after: m.after })),
    };
    const differences = [];
    const fileNodes = [];
    // Parts arrive as the workers find them; comparing one lets the next ones in.
    const progress = { filesChecked: 0, bytesRead: 0, filesChanged: 0, filesExplained: 0 };
    const notCompared = [];
    // Every file's nested archives share its budget, and all files share the diff's (42.zip).
    const diffBudget = new bytes/* ExpansionBudget */.$2(limits.maxExpandedBytesPerDiff, { scope: 'diff' });
    const exhausted = [];
    const oneSided = [];
    for await (const part of sides.diff(options.exclude ?? [])) {
        differences.push(...part.differences);
        if (part.only !== undefined)
            for (const f of part.only)
                oneSided.push(f);
        notCompared.push(...(part.notCompared ?? []));
        progress.filesChecked += part.checked?.files ?? 0;
        progress.bytesRead += part.checked?.bytes ?? 0;
        progress.filesChanged += part.modified.length;
        options.onProgress?.({ ...progress });
        await compareAll(part.modified);
    }
    const renames = (0,compare_renames/* pairRenames */.wr)(oneSided, options.stripHash ?? 'default', (f) => (f.side === 'before' ? before : after).digest(f.entry));
    if (renames.length > 0) {
        differences.splice(0, differences.length, ...(0,compare_renames/* applyRenames */.Kn)(differences, oneSided, renames));
        const changed = renames.filter((r) => !r.same);
        progress.filesChanged += changed.length;
        await compareAll(changed, true);
    }
    function compareOpened(path, a, b, budgets) {
        if (Math.max(a.size, b.size) < byte_source/* STREAM_FROM_BYTES */.Ob)
            return compareFile(path, before.readFile(a), after.readFile(b), options.comparators, limits, 0, budgets);
        const opened = [];
        try {
            const sa = before.openFile?.(a) ?? (0,byte_source/* bufferSource */.kq)(before.readFile(a));
            opened.push(sa);
            const sb = after.openFile?.(b) ?? (0,byte_source/* bufferSource */.kq)(after.readFile(b));
            opened.push(sb);
            sb.borrowFrom?.(sa);
            return compareFileSources(path, sa, sb, options.comparators, limits, 0, budgets);
        }
        finally {
            for (const source of opened)
                source.close();
        }
    }
    async function compareAll(pairs, renamed = false) {
        for (const m of pairs) {
            const budgets = fileBudgets(limits, diffBudget);
            const path = m.after.path;
            const node = options.brief === true
                ? { path, kind: 'modified', summary: 'contents differ', causes: [], children: [] }
                : compareOpened(path, m.before, m.after, budgets);
            if (renamed) {
                node.from = m.before.path;
                node.summary = `renamed from ${m.before.path}; ${node.summary}`;
            }
            if (budgets.before.exhausted || budgets.after.exhausted) {
                exhausted.push(path);
                const spent = `expansion budget exhausted after ${(0,bytes/* formatSize */.Xq)(budgets.before.used)} + ${(0,bytes/* formatSize */.Xq)(budgets.after.used)} expanded: what was left is reported as differing, not expanded`;
                node.fallback = node.fallback === undefined ? spent : `${node.fallback}; ${spent}`;
            }
            options.prepare?.(node, context);
            fileNodes.push(node);
            progress.filesExplained++;
            options.onProgress?.({ ...progress });
            await yieldToEventLoop(); // lets worker answers in, so the next tasks start
        }
    }
    const children = [...differences, ...fileNodes].sort((x, y) => (0,canonical_json/* compareCodePoints */.OP)(x.path, y.path));
    const root = { path: '', kind: 'modified', summary: '', causes: [], children };
    if (options.brief !== true)
        options.classify(root, context);
    const ignored = new Set((options.ignore ?? []).map((p) => IGNORE_PROFILES[p]));
    if (ignored.size > 0)
        for (const child of children)
            applyIgnores(child, ignored);
    const counts = {
        added: children.filter((c) => c.kind === 'added').length,
        removed: children.filter((c) => c.kind === 'removed').length,
        modified: children.filter((c) => c.kind === 'modified').length,
        changed: children.filter((c) => c.kind === 'type' || c.kind === 'mode' || c.kind === 'symlink').length,
        renamed: children.filter((c) => c.from !== undefined).length,
        ignored: children.filter((c) => c.ignored === true).length,
    };
    const unchecked = mergeNotCompared(notCompared);
    // What could not be compared may differ: never identical, never fully explained.
    const verdict = unchecked.length > 0 ? 'drift-unexplained' : verdictOf(root);
    root.summary =
        verdict === 'identical'
            ? counts.ignored > 0
                ? `identical apart from ${counts.ignored} ignored differences`
                : 'identical'
            : `${counts.modified} modified, ${counts.added} added, ${counts.removed} removed, ${counts.changed} mode/type/link changes` +
                (counts.renamed > 0 ? `, ${counts.renamed} renamed` : '') +
                (unchecked.length > 0 ? `, ${unchecked.length} not compared` : '') +
                (counts.ignored > 0 ? ` (${counts.ignored} fully ignored)` : '');
    const verification = verificationOf([before, after]);
    const notes = [...sides.notes];
    if (unchecked.length > 0)
        notes.push(describeNotCompared(unchecked));
    if (exhausted.length > 0) {
        notes.push(`expansion budget exhausted in ${exhausted.length} file${exhausted.length === 1 ? '' : 's'} (${exhausted.slice(0, 3).join(', ')}${exhausted.length > 3 ? ', …' : ''}): ` +
            `a file may expand ${(0,bytes/* formatSize */.Xq)(limits.maxExpandedBytes)} per side with everything nested in it; members past that are reported as differing, not expanded`);
    }
    if (verification !== null && verification.note !== '')
        notes.push(verification.note);
    return { before: before.label, after: after.label, root, verdict, counts, metadata, notCompared: unchecked, verification, notes };
}


/***/ }),

/***/ 8196:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   EI: () => (/* binding */ renameEvidence),
/* harmony export */   Kn: () => (/* binding */ applyRenames),
/* harmony export */   Ms: () => (/* binding */ parseStripHash),
/* harmony export */   hO: () => (/* binding */ RENAME_HINT),
/* harmony export */   wr: () => (/* binding */ pairRenames)
/* harmony export */ });
/* unused harmony exports isHashLike, strippedName, renameNodes, pairDirectories */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3916);
/* harmony import */ var _tree_diff_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2927);
/**
 * Files found on one side only, paired when they are one file under two names, so a bundler's
 * `app.3f9a1c.js` → `app.9b2e41.js` reads as one changed file instead of one removed and one
 * added. Two passes, both O(n) with maps:
 *
 * 1. by content: a removed and an added file with the same digest (empty files never pair);
 * 2. by name: paths equal once hash-like parts are stripped (`--strip-hash`), compared as one
 *    modified file with both names shown.
 *
 * A pair needs exactly one candidate on each side; anything ambiguous stays added and removed.
 */


/** Separators inside a path segment: `app.3f9a1c.js`, `index-BWz3x9q1.js`, `chunk~a1b2c3d4`. */
const PART_SEPARATORS = /([.\-~])/;
/**
 * A part of a name that looks computed rather than chosen: hex of 6+ with a digit (webpack's
 * `[contenthash]`), 8+ letters and digits mixed (Vite's base64url), or 6+ mixing upper case,
 * lower case and digits (mktemp's `XXXXXX`). Plain words and versions (`linux64`, `v1`) are not.
 */
function isHashLike(part) {
    if (/^[0-9a-f]{6,}$/i.test(part) && /\d/.test(part))
        return true;
    if (/^[A-Za-z0-9_]{8,}$/.test(part) && /\d/.test(part) && /[A-Za-z]/.test(part))
        return true;
    return /^[A-Za-z0-9]{6,}$/.test(part) && /\d/.test(part) && /[a-z]/.test(part) && /[A-Z]/.test(part);
}
function stripSegment(segment) {
    return segment
        .split(PART_SEPARATORS)
        .map((part) => (isHashLike(part) ? '*' : part))
        .join('');
}
/** Parses a user's strip-hash pattern; a bad one is an error that names the flag or input. */
function parseStripHash(pattern, where, code = 'E_USAGE') {
    pattern = pattern.trim();
    if (pattern === 'off' || pattern === 'false' || pattern === 'none')
        return 'off';
    if (pattern === '' || pattern === 'default' || pattern === 'true')
        return 'default';
    try {
        return new RegExp(pattern, 'g');
    }
    catch (error) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .OperationError */ .OK(code, `${where}: not a regular expression (${error.message}); pass a pattern such as '\\.[0-9a-f]{8}\\.' or 'off'`);
    }
}
/**
 * The name a file keeps across builds: every hash-like part replaced, or, with a user's pattern,
 * every match removed (only its capture groups when it has any, as compressed-size does).
 */
function strippedName(path, rule) {
    if (rule === 'off')
        return path;
    if (rule === 'default')
        return path.split('/').map(stripSegment).join('/');
    return path.replace(rule, (match, ...rest) => {
        const groups = rest.slice(0, -2).filter((g) => typeof g === 'string');
        return groups.reduce((text, g) => text.replace(g, ''), groups.length === 0 ? '' : match);
    });
}
/** Files keyed by a derived value; a key with one file on each side is a pair. */
function uniquePairs(files, keyOf) {
    const groups = new Map();
    for (const f of files) {
        const key = keyOf(f);
        if (key === null)
            continue;
        let group = groups.get(key);
        if (group === undefined)
            groups.set(key, (group = { before: [], after: [] }));
        group[f.side].push(f.entry);
    }
    const pairs = [];
    for (const { before, after } of groups.values()) {
        const [a] = before;
        const [b] = after;
        if (before.length === 1 && after.length === 1 && a !== undefined && b !== undefined)
            pairs.push([a, b]);
    }
    return pairs;
}
/**
 * Pairs one-sided files. `digest` gives a file's SHA-256 (a directory side hashes on demand):
 * it is asked only for non-empty files whose size some file on the other side shares.
 */
function pairRenames(oneSided, rule, digest) {
    const files = oneSided.filter((f) => f.entry.type === 'file');
    if (rule === 'off' || files.length < 2)
        return [];
    const sizes = { before: new Set(), after: new Set() };
    for (const f of files)
        sizes[f.side].add(f.entry.size);
    const other = (f) => sizes[f.side === 'before' ? 'after' : 'before'];
    const byContent = uniquePairs(files, (f) => (f.entry.size > 0 && other(f).has(f.entry.size) ? `${f.entry.size}:${digest(f)}` : null));
    const taken = new Set(byContent.flat());
    const rest = files.filter((f) => !taken.has(f.entry));
    const byName = uniquePairs(rest, (f) => {
        const key = strippedName(f.entry.path, rule);
        return key === f.entry.path ? null : key;
    });
    const sameBytes = (before, after) => before.size === after.size && digest({ side: 'before', entry: before }) === digest({ side: 'after', entry: after });
    return [
        ...byContent.map(([before, after]) => ({ before, after, by: 'content', same: true })),
        ...byName.map(([before, after]) => ({ before, after, by: 'name', same: sameBytes(before, after) })),
    ];
}
/**
 * Why a path changed when the bytes did not, when the names tell: every part that differs looks
 * computed (a temporary directory's random name, a hash). In a directory name that is a build
 * directory that was not fixed: `build-path`. In a file name it is a hash of more than these
 * bytes, which names no cause: the text says so for the unexplained difference.
 */
function renameEvidence(before, after, directory) {
    const a = before.split(/([/.\-~])/);
    const b = after.split(/([/.\-~])/);
    if (a.length !== b.length)
        return null;
    const lastSlash = a.lastIndexOf('/');
    const differing = [];
    let inDirectory = false;
    for (let i = 0; i < a.length; i++) {
        const x = a[i];
        const y = b[i];
        if (x === y)
            continue;
        // Digits alone are a date, a counter or a version: not a hash, and not this cause.
        if (!isHashLike(x) || !isHashLike(y) || !/[A-Za-z]/.test(x + y))
            return null;
        differing.push(`${x} → ${y}`);
        if (directory || i < lastSlash)
            inDirectory = true;
    }
    if (differing.length === 0)
        return null;
    return inDirectory
        ? { id: 'build-path', evidence: `only a generated directory name differs (${differing.join(', ')}): the build ran in a temporary directory` }
        : { id: 'content', evidence: `only the hash in the name differs (${differing.join(', ')}), over the same bytes: the name hashes more than this file's content` };
}
const RENAME_HINT = 'build in a fixed directory instead of a mktemp one (or map it away: -ffile-prefix-map=$PWD=., tar --transform)';
/**
 * The tree-level nodes of a pair: a `renamed` leaf when the bytes are the same (a pair whose
 * bytes differ gets its `modified` node from the comparators), and a mode change when there is one.
 */
function renameNodes(pair) {
    const { before, after } = pair;
    const nodes = [];
    if (pair.same) {
        nodes.push({
            path: after.path,
            from: before.path,
            kind: 'renamed',
            summary: `renamed from ${before.path} (same ${after.size} bytes)`,
            detail: { type: 'field', name: 'file name', before: before.path, after: after.path },
            causes: [],
            children: [],
        });
    }
    if (before.mode !== after.mode)
        nodes.push((0,_tree_diff_js__WEBPACK_IMPORTED_MODULE_1__/* .modeChange */ .IG)(after.path, before.mode, after.mode));
    return nodes;
}
/** The outermost directory of `set` that holds `path`, if any. */
function outermost(path, set) {
    for (let i = path.indexOf('/'); i !== -1; i = path.indexOf('/', i + 1)) {
        const dir = path.slice(0, i);
        if (set.has(dir))
            return dir;
    }
    return null;
}
/**
 * Directories renamed whole (`equivs.TyCgZ2/` → `equivs.b0DMbr/`): every entry below the
 * removed one is a file renamed to the same place below the added one, and the other way round.
 */
function pairDirectories(oneSided, pairs) {
    const dirs = { before: new Set(), after: new Set() };
    for (const o of oneSided)
        if (o.entry.type === 'dir')
            dirs[o.side].add(o.entry.path);
    if (dirs.before.size === 0 || dirs.after.size === 0)
        return [];
    const held = new Map();
    for (const o of oneSided) {
        const top = o.entry.type === 'dir' ? null : outermost(o.entry.path, dirs[o.side]);
        if (top !== null)
            held.set(`${o.side}\0${top}`, (held.get(`${o.side}\0${top}`) ?? 0) + 1);
    }
    const votes = new Map();
    for (const p of pairs) {
        if (!p.same)
            continue;
        const from = outermost(p.before.path, dirs.before);
        const to = outermost(p.after.path, dirs.after);
        if (from === null || to === null || p.before.path.slice(from.length) !== p.after.path.slice(to.length))
            continue;
        const key = `${from}\0${to}`;
        const vote = votes.get(key) ?? { before: from, after: to, files: 0 };
        vote.files++;
        votes.set(key, vote);
    }
    return [...votes.values()].filter((v) => held.get(`before\0${v.before}`) === v.files && held.get(`after\0${v.after}`) === v.files);
}
const below = (path, dir) => path === dir || path.startsWith(`${dir}/`);
/**
 * The tree-level differences with renames applied: paired files leave the added and removed
 * lists, pure renames and mode changes come in, and a directory renamed whole is one node.
 */
function applyRenames(differences, oneSided, pairs) {
    const gone = new Set(pairs.map((r) => r.before.path));
    const came = new Set(pairs.map((r) => r.after.path));
    let out = differences.filter((d) => !(d.kind === 'removed' && gone.has(d.path)) && !(d.kind === 'added' && came.has(d.path)));
    out.push(...pairs.flatMap(renameNodes));
    for (const dir of pairDirectories(oneSided, pairs)) {
        out = out.filter((d) => !(d.kind === 'removed' && below(d.path, dir.before)) && !(d.kind === 'added' && below(d.path, dir.after)) && !(d.kind === 'renamed' && d.from !== undefined && below(d.from, dir.before)));
        out.push({
            path: dir.after,
            from: dir.before,
            kind: 'renamed',
            summary: `renamed from ${dir.before} (a directory of ${dir.files === 1 ? '1 file' : `${dir.files} files`}, same content)`,
            detail: { type: 'field', name: 'directory name', before: dir.before, after: dir.after },
            causes: [],
            children: [],
        });
    }
    return out;
}


/***/ }),

/***/ 4271:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  P: () => (/* binding */ openSides)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/snapshot/capture-pipeline.ts
var capture_pipeline = __webpack_require__(7245);
// EXTERNAL MODULE: ./src/snapshot/canonical-json.ts
var canonical_json = __webpack_require__(7837);
// EXTERNAL MODULE: ./src/snapshot/globs.ts
var globs = __webpack_require__(5251);
// EXTERNAL MODULE: ./src/snapshot/task-pool.ts + 2 modules
var task_pool = __webpack_require__(5730);
// EXTERNAL MODULE: ./src/snapshot/metadata/lockfiles.ts
var lockfiles = __webpack_require__(1010);
// EXTERNAL MODULE: ./src/compare/byte-source.ts
var byte_source = __webpack_require__(7555);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/snapshot/format.ts
var format = __webpack_require__(6957);
;// CONCATENATED MODULE: ./src/compare/file-pair.ts
/**
 * Two plain files (`vitsnap diff old.so new.so`): no snapshot, no directory, just the pair. A
 * regular file is a snapshot when it starts with the `.vitsnap` magic; two files that are not are
 * compared as one file, named by the AFTER side (comparators recognise formats by magic first).
 */





/** Whether a regular file starts like a `.vitsnap` snapshot (anything else is a plain file). */
function looksLikeSnapshot(abs) {
    const head = Buffer.alloc(format/* HEADER_MAGIC */.KK.length);
    let fd = null;
    try {
        fd = (0,external_node_fs_.openSync)(abs, 'r');
        return (0,external_node_fs_.readSync)(fd, head, 0, head.length, 0) === head.length && head.equals(format/* HEADER_MAGIC */.KK);
    }
    catch (error) {
        throw (0,errors/* fromSystemError */.Kh)(error, 'cannot read it');
    }
    finally {
        if (fd !== null)
            (0,external_node_fs_.closeSync)(fd);
    }
}
function fileSource(label, abs, name) {
    const stats = (0,external_node_fs_.statSync)(abs);
    const entry = { type: 'file', path: name, mode: stats.mode & 0o7777, size: stats.size, sha256: '', class: 'binary' };
    // Read once: the byte check and the comparators both want the bytes.
    let bytes = null;
    const read = () => {
        try {
            bytes ??= (0,external_node_fs_.readFileSync)(abs);
            return bytes;
        }
        catch (error) {
            throw (0,errors/* fromSystemError */.Kh)(error, `cannot read ${label}`);
        }
    };
    return {
        entry,
        source: { label, kind: 'directory', metadata: null, readFile: read, digest: () => (0,external_node_crypto_.createHash)('sha256').update(read()).digest('hex') },
    };
}
/** The sides of a two-file diff: one part, with the pair when their bytes differ. */
function filePairSides(before, after) {
    const name = (0,external_node_path_.basename)(after.abs);
    const a = fileSource(before.label, before.abs, name);
    const b = fileSource(after.label, after.abs, name);
    const notes = (0,external_node_path_.basename)(before.abs) === name ? [] : [`comparing two files: ${before.label} and ${after.label}, reported as ${name}`];
    return {
        before: a.source,
        after: b.source,
        notes,
        async *diff() {
            const same = a.entry.size === b.entry.size && a.source.readFile(a.entry).equals(b.source.readFile(b.entry));
            yield { differences: [], modified: same ? [] : [{ path: name, before: a.entry, after: b.entry }], checked: { files: 1, bytes: a.entry.size + b.entry.size } };
        },
        close: () => Promise.resolve(),
    };
}

;// CONCATENATED MODULE: ./src/compare/path-prefix.ts
/**
 * Paths that do not line up between the sides: `vitsnap create 'build/**'` stores `build/…`,
 * while a diff against the directory `build/` sees the paths below it. `--strip-prefix` lines
 * them up; without it, a side whose paths all start with a directory the other side lacks is
 * pointed out with the fix, since otherwise everything reads as removed and added.
 */

/** `build/`, `./build`, `build` → `build`; refuses what could leave a side's root. */
function normalizePrefix(prefix) {
    const parts = prefix.split(/[\\/]+/).filter((p) => p !== '' && p !== '.');
    if (parts.length === 0 || parts.includes('..') || /^([\\/]|[A-Za-z]:)/.test(prefix)) {
        throw new errors/* OperationError */.OK('E_USAGE', `--strip-prefix takes a relative directory such as build/ (got ${JSON.stringify(prefix)})`);
    }
    return parts.join('/');
}
/** Entries below `prefix` with it removed (the prefix directory itself goes), and how many were outside it. */
function stripEntries(entries, prefix) {
    const lead = `${prefix}/`;
    if (!entries.some((e) => e.path.startsWith(lead)))
        return null;
    const kept = [];
    let outside = 0;
    for (const e of entries) {
        if (e.path.startsWith(lead))
            kept.push({ ...e, path: e.path.slice(lead.length) });
        else if (e.path !== prefix)
            outside++;
    }
    return { entries: kept, outside };
}
/** The first directory that (nearly) every non-directory entry sits below, if any. */
function leadingDirectory(entries) {
    const counts = new Map();
    let leaves = 0;
    for (const e of entries) {
        if (e.type === 'dir')
            continue;
        leaves++;
        const slash = e.path.indexOf('/');
        if (slash > 0) {
            const first = e.path.slice(0, slash);
            counts.set(first, (counts.get(first) ?? 0) + 1);
        }
    }
    let best = null;
    let most = 0;
    for (const [dir, n] of counts) {
        if (n > most)
            [best, most] = [dir, n];
    }
    // "Nearly": a stray top-level file or two (a README next to build/) should not hide the mistake.
    return best !== null && most >= 0.9 * leaves ? best : null;
}
/** A note when one side's paths all start with a directory the other side has nowhere, with the fix. */
function prefixMismatch(before, after) {
    for (const [x, y] of [[before, after], [after, before]]) {
        const dir = leadingDirectory(x.entries);
        if (dir === null || !y.entries.some((e) => e.type !== 'dir'))
            continue;
        if (y.entries.some((e) => e.path === dir || e.path.startsWith(`${dir}/`)))
            continue;
        return (`the paths of ${x.name} start with ${dir}/ and those of ${y.name} do not, so files may show as removed and added; ` +
            `pass --strip-prefix ${dir}/ (or diff against the directory that holds ${dir}/)`);
    }
    return null;
}

;// CONCATENATED MODULE: ./src/compare/snapshot-side.ts
/**
 * A `.vitsnap` side of a diff. Opening it checks everything cheap (header, trailer, manifest and
 * index digests), so a damaged file fails at once; block contents are only read for files whose
 * digests differ, so the side counts what it read and the report says what was not.
 */


/**
 * The same error, its message led by the side and the path (`BEFORE main.vitsnap: not a .vitsnap
 * file …`), so a two-input command says which input failed. Other errors pass unchanged.
 */
function onSide(error, side, label) {
    const e = error;
    if (e === null || typeof e !== 'object' || typeof e.message !== 'string' || typeof e.code !== 'string')
        return error;
    const message = `${side} ${label}: ${e.message}`;
    if (e.name === 'SnapshotFormatError')
        return new errors/* SnapshotFormatError */.wv(e.code, message);
    if (e.name === 'OperationError')
        return new errors/* OperationError */.OK(e.code, message);
    return error;
}
/** Opens and checks a snapshot side; every failure names the side. */
function openSnapshotSide(open, side, label) {
    let reader;
    try {
        reader = open();
    }
    catch (error) {
        throw onSide(error, side, label);
    }
    try {
        // The index digest and the entry list's digest: both cheap next to the blocks, and neither is
        // checked again when no file is read (equal digests never are).
        reader.loadIndex();
        // A diff reads a few files here and there: blocks are decoded as far as those files need.
        reader.prefixDecoding = true;
        const entries = reader.manifest.entries;
        const blocksRead = new Set();
        const filesRead = new Set();
        /** The chunks of the files walked through `openFile`, which may leave some blocks unread. */
        const opened = [];
        return {
            label,
            kind: 'snapshot',
            entries,
            metadata: reader.summary.metadata,
            readFile: (entry) => {
                try {
                    for (const chunk of reader.fileChunks(entry))
                        blocksRead.add(chunk.block);
                    filesRead.add(entry.path);
                    return reader.readFileBuffer(entry);
                }
                catch (error) {
                    throw onSide(error, side, label);
                }
            },
            openFile: (entry) => {
                if (reader.isDelta)
                    return null;
                try {
                    const chunks = reader.fileChunks(entry);
                    filesRead.add(entry.path);
                    opened.push(chunks);
                    return chunkedSource(reader, entry, chunks, (error) => onSide(error, side, label), (block) => blocksRead.add(block));
                }
                catch (error) {
                    throw onSide(error, side, label);
                }
            },
            verification: () => {
                const unread = entries.filter((e) => e.type === 'file' && e.size > 0 && !filesRead.has(e.path)).length;
                const partly = opened.filter((chunks) => chunks.some((c) => !blocksRead.has(c.block))).length;
                return { side: side === 'BEFORE' ? 'before' : 'after', label, blocksRead: blocksRead.size, blocksTotal: reader.trailer.blockCount, filesNotRead: unread, filesPartlyRead: partly };
            },
            close: () => reader.close(),
        };
    }
    catch (error) {
        reader.close();
        throw onSide(error, side, label);
    }
}
/** The chunk layout and reader behind each chunked source, for `unknownParts` and `borrowFrom` between two of them. */
const layouts = new WeakMap();
/** A chunk digest as a map key. */
function digestKey(sha256) {
    return sha256.toString('latin1');
}
function chunkAt(layout, offset) {
    let lo = 0;
    let hi = layout.chunks.length - 1;
    while (lo < hi) {
        const mid = (lo + hi + 1) >>> 1;
        if (layout.starts[mid] <= offset)
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo;
}
/**
 * The parts of [offset, offset + length) of `a` not known equal to `b` at `otherOffset`, as
 * [start, end) pairs relative to the range. A part is known equal when the chunk of `a` holding it
 * is matched by a chunk of `b` with the same digest and length at the same place relative to the
 * range: equal chunks hold equal bytes, so neither needs reading.
 */
function unknownParts(a, offset, b, otherOffset, length) {
    const parts = [];
    const end = offset + length;
    for (let i = length > 0 ? chunkAt(a, offset) : a.chunks.length; i < a.chunks.length && a.starts[i] < end; i++) {
        const ca = a.chunks[i];
        const there = otherOffset + (a.starts[i] - offset);
        const j = there >= 0 && there < b.starts[b.chunks.length] ? chunkAt(b, there) : -1;
        const cb = b.chunks[j];
        if (cb !== undefined && b.starts[j] === there && cb.length === ca.length && cb.sha256.equals(ca.sha256))
            continue;
        const from = Math.max(a.starts[i], offset) - offset;
        const to = Math.min(a.starts[i + 1], end) - offset;
        const previous = parts[parts.length - 1];
        if (previous !== undefined && previous[1] === from)
            previous[1] = to;
        else
            parts.push([from, to]);
    }
    return parts;
}
/**
 * A full snapshot's file as its chunks. Blocks are decoded whole as the walk reaches them, a few
 * at a time (the reader's block cache), never the whole file at once; each block's digest is
 * checked as it is read, which covers every byte handed out.
 */
function chunkedSource(reader, entry, chunks, sided, onRead) {
    const starts = new Float64Array(chunks.length + 1);
    for (let k = 0; k < chunks.length; k++)
        starts[k + 1] = starts[k] + chunks[k].length;
    const layout = { chunks, starts };
    let lender = null;
    /** Chunk `chunk`'s bytes from the lender's cache when it has them decoded, else from this reader's blocks. */
    const chunkBytes = (chunk) => {
        if (lender !== null) {
            const theirs = lender.chunks[lender.byDigest.get(digestKey(chunk.sha256)) ?? -1];
            if (theirs !== undefined && lender.reader.hasBlock(theirs.block))
                return lender.reader.readChunk(theirs, true);
        }
        onRead(chunk.block);
        return reader.readChunk(chunk, true);
    };
    const scan = (offset, length, visit) => {
        (0,byte_source/* checkRange */.cd)(entry.size, offset, length, entry.path);
        try {
            for (let at = offset, end = offset + length, k = length > 0 ? chunkAt(layout, offset) : 0; at < end; k++) {
                const start = starts[k];
                const bytes = chunkBytes(chunks[k]);
                const stop = Math.min(end, start + bytes.length);
                visit(bytes.subarray(at - start, stop - start));
                at = stop;
            }
        }
        catch (error) {
            throw sided(error);
        }
    };
    const read = (offset, length) => {
        const parts = [];
        scan(offset, length, (p) => parts.push(p));
        // One piece is a view of a decoded block, which nothing writes to: no copy needed.
        return parts.length === 1 ? parts[0] : Buffer.concat(parts, length);
    };
    const source = {
        size: entry.size,
        read,
        view: read,
        unknownParts: (offset, other, otherOffset, length) => {
            const theirs = layouts.get(other);
            return theirs === undefined ? null : unknownParts(layout, offset, theirs.layout, otherOffset, length);
        },
        borrowFrom: (other) => {
            const theirs = layouts.get(other);
            if (theirs === undefined || theirs.reader === reader)
                return;
            const byDigest = new Map();
            theirs.layout.chunks.forEach((c, i) => byDigest.set(digestKey(c.sha256), i));
            lender = { reader: theirs.reader, chunks: theirs.layout.chunks, byDigest };
        },
        close: () => undefined,
    };
    layouts.set(source, { layout, reader });
    return source;
}

// EXTERNAL MODULE: ./src/registry/open.ts
var registry_open = __webpack_require__(9155);
// EXTERNAL MODULE: ./src/store/open.ts
var store_open = __webpack_require__(9717);
// EXTERNAL MODULE: ./src/compare/tree-diff.ts
var tree_diff = __webpack_require__(2927);
;// CONCATENATED MODULE: ./src/compare/sources.ts
/**
 * The two sides of a comparison: each a `.vitsnap` snapshot or a directory, and the tree diff
 * between them, delivered in parts as it is found so that comparators start early.
 *
 * - Two directories are walked side by side on worker threads (src/snapshot/dir-pair-walk.ts), as
 *   `diff -rq` does: files present in both are compared by bytes as they are met, nothing is
 *   hashed, and only what differs comes back.
 * - With a snapshot on either side, the entry lists meet in `diffTrees`; a directory side is walked
 *   with capture's rules and hashes only its same-size files, to match the manifest's digests.
 *
 * What capture leaves out of a directory is still reported: FIFOs, sockets and devices as entries
 * of their type, names (and symlink targets) that are not valid UTF-8 as "not compared".
 */
















/**
 * A directory or a regular file (a snapshot), decided by stat before anything is opened: opening
 * a FIFO would block until a writer comes, and a device is no snapshot either.
 */
function sidePath(side, label, cwd) {
    const abs = (0,external_node_path_.resolve)(cwd, label);
    if (((0,store_open/* isStoreRef */.Pw)(label) || (0,registry_open/* isOciRef */.dX)(label)) && (0,external_node_fs_.statSync)(abs, { throwIfNoEntry: false }) === undefined)
        return { side, label, abs, directory: false, stored: true };
    let directory;
    try {
        const stats = (0,external_node_fs_.statSync)(abs);
        if (!stats.isDirectory() && !stats.isFile()) {
            throw new errors/* OperationError */.OK('E_INPUT', 'not a regular file or a directory (a FIFO, socket or device); pass a .vitsnap file or a directory');
        }
        directory = stats.isDirectory();
    }
    catch (error) {
        throw onSide((0,errors/* fromSystemError */.Kh)(error, 'cannot compare it'), side, label);
    }
    return { side, label, abs, directory, stored: false };
}
function looksLikeSnapshotOn(p) {
    if (p.stored)
        return true;
    try {
        return looksLikeSnapshot(p.abs);
    }
    catch (error) {
        throw onSide(error, p.side, p.label);
    }
}
/** A directory side that has `prefix` is compared from there; the note says so. */
function descend(p, prefix, notes) {
    if (prefix === null || !p.directory)
        return p;
    const below = (0,external_node_path_.join)(p.abs, prefix);
    if ((0,external_node_fs_.statSync)(below, { throwIfNoEntry: false })?.isDirectory() !== true)
        return p;
    notes.push(`--strip-prefix ${prefix}/: ${p.side} ${p.label} is compared from ${(0,external_node_path_.join)(p.label, prefix)}/`);
    return { ...p, abs: below };
}
async function openSides(beforePath, afterPath, options) {
    const notes = [];
    const prefix = options.stripPrefix === undefined ? null : normalizePrefix(options.stripPrefix);
    const paths = [sidePath('BEFORE', beforePath, options.cwd), sidePath('AFTER', afterPath, options.cwd)].map((p) => descend(p, prefix, notes));
    const [first, second] = paths;
    const plain = paths.map((p) => !p.directory && !looksLikeSnapshotOn(p));
    // Two plain files are compared as such; one next to a directory or snapshot fails as a snapshot would (E_BAD_MAGIC).
    if (plain[0] === true && plain[1] === true)
        return filePairSides(first, second);
    const workers = paths.some((p) => p.directory) ? new task_pool/* TaskPool */.Y(Math.min(2, (0,external_node_os_.availableParallelism)())) : null;
    if (workers !== null && paths.every((p) => p.directory)) {
        const [before, after] = paths.map((p) => directorySource(p.label, p.abs));
        return { before, after, notes, diff: (exclude) => pairWalkParts(before, after, exclude, workers), close: () => workers.close() };
    }
    const snapshots = [];
    const closeAll = async () => {
        for (const s of snapshots)
            s.close();
        await workers?.close();
    };
    try {
        const walks = paths.map((p) => (p.directory && workers !== null ? workers.walk(p.abs, []) : null));
        // Awaited below; this keeps a walk that fails while a snapshot is being opened from going unhandled.
        for (const w of walks)
            w?.catch(() => undefined);
        // Snapshots open while the walk runs on a worker.
        const opened = [];
        const fetchers = [];
        for (let i = 0; i < paths.length; i++) {
            const p = paths[i];
            if (walks[i] !== null) {
                opened.push(null);
                continue;
            }
            let any;
            try {
                any = await (0,registry_open/* openSnapshotAnywhere */.WA)(p.stored ? p.label : p.abs, { cwd: options.cwd, env: options.env ?? process.env, parents: options.parents, maxDepth: options.maxDepth });
            }
            catch (error) {
                throw onSide(error, p.side, p.label);
            }
            const side = openSnapshotSide(() => any.reader, p.side, p.label);
            snapshots.push(side);
            fetchers[i] = any.fetchFiles ?? (async () => undefined);
            opened.push(snapshotSource(side, prefix, notes));
        }
        const sources = [];
        for (let i = 0; i < 2; i++) {
            const walk = walks[i];
            const path = paths[i];
            if (walk === null || walk === undefined) {
                sources.push(opened[i]);
            }
            else {
                try {
                    sources.push(walkedDirectory(path.label, await walk, path.side === 'BEFORE' ? 'before' : 'after'));
                }
                catch (error) {
                    throw onSide(error, path.side, path.label);
                }
            }
        }
        const [before, after] = sources;
        await fetchDiffering(fetchers, before, after, paths);
        if (prefix === null) {
            const mismatch = prefixMismatch({ name: `BEFORE ${before.label}`, entries: before.entries }, { name: `AFTER ${after.label}`, entries: after.entries });
            if (mismatch !== null)
                notes.push(mismatch);
        }
        return { before, after, notes, diff: (exclude) => listedParts(before, after, exclude, workers), close: closeAll };
    }
    catch (error) {
        await closeAll();
        throw error;
    }
}
/**
 * A registry side holds only its record until now: fetch the chunks of the files the other side
 * does not have with the same digest (all of them against a directory, whose digests come later).
 */
async function fetchDiffering(fetchers, before, after, paths) {
    const sides = [before, after];
    for (let i = 0; i < 2; i++) {
        const fetch = fetchers[i];
        if (fetch === undefined)
            continue;
        const own = sides[i];
        const other = sides[1 - i];
        const digests = other.kind === 'directory' ? null : new Set(other.entries.flatMap((e) => (e.type === 'file' ? [e.sha256] : [])));
        const wanted = own.entries.filter((e) => e.type === 'file' && (digests === null || !digests.has(e.sha256)));
        try {
            await fetch(wanted);
        }
        catch (error) {
            const p = paths[i];
            throw onSide(error, p.side, p.label);
        }
    }
}
function snapshotSource(side, prefix, notes) {
    let entries = side.entries;
    const stripped = prefix === null ? null : stripEntries(side.entries, prefix);
    if (stripped !== null && prefix !== null) {
        entries = stripped.entries;
        if (stripped.outside > 0)
            notes.push(`--strip-prefix ${prefix}/: ${stripped.outside} entries of ${side.label} outside ${prefix}/ were left out`);
    }
    return {
        label: side.label,
        kind: 'snapshot',
        entries,
        notCompared: [],
        metadata: side.metadata,
        readFile: (entry) => side.readFile(entry),
        openFile: (entry) => side.openFile(entry),
        digest: (entry) => entry.sha256,
        verification: () => side.verification(),
    };
}
function readFileAt(absPath, path) {
    try {
        return (0,external_node_fs_.readFileSync)(absPath);
    }
    catch (error) {
        throw (0,errors/* fromSystemError */.Kh)(error, `cannot read ${path}`);
    }
}
/** SHA-256 of a directory side's file (read in bounded pieces), an error naming the file when it cannot be read. */
function hashFileAt(absPath, path) {
    try {
        return (0,lockfiles/* sha256File */.Q3)(absPath);
    }
    catch (error) {
        throw (0,errors/* fromSystemError */.Kh)(error, `cannot read ${path}`);
    }
}
/** A directory diffed against another directory: files are read by path (`/` works on Windows too). */
function directorySource(label, abs) {
    const prefix = abs.endsWith(external_node_path_.sep) ? abs : abs + external_node_path_.sep;
    return {
        label,
        kind: 'directory',
        metadata: null,
        prefix,
        readFile: (entry) => readFileAt(prefix + entry.path, entry.path),
        openFile: (entry) => (0,byte_source/* fileByteSource */.CS)(prefix + entry.path, entry.size, entry.path),
        digest: (entry) => hashFileAt(prefix + entry.path, entry.path),
    };
}
function walkedDirectory(label, walk, side) {
    const walked = new Map();
    const entries = walk.entries.map((e) => {
        if (e.type === 'dir')
            return { type: 'dir', path: e.path, mode: e.mode };
        if (e.type === 'symlink')
            return { type: 'symlink', path: e.path, target: e.target };
        walked.set(e.path, e);
        // The class only matters to capture's codecs; comparators sniff the bytes themselves.
        return { type: 'file', path: e.path, mode: e.mode, size: e.size, sha256: '', class: 'binary' };
    });
    const notCompared = [];
    let specials = false;
    for (const s of walk.skipped) {
        if (s.special !== undefined) {
            entries.push(s.special);
            specials = true;
        }
        else {
            notCompared.push({ path: s.path, side, reason: s.reason });
        }
    }
    if (specials)
        entries.sort((x, y) => (0,canonical_json/* compareCodePoints */.OP)(x.path, y.path));
    const source = {
        label,
        kind: 'directory',
        entries,
        notCompared,
        metadata: null,
        walked,
        readFile: (entry) => readFileAt(walkedFile(source, entry.path).absPath, entry.path),
        openFile: (entry) => (0,byte_source/* fileByteSource */.CS)(walkedFile(source, entry.path).absPath, entry.size, entry.path),
        digest: (entry) => hashFileAt(walkedFile(source, entry.path).absPath, entry.path),
    };
    return source;
}
function walkedFile(source, path) {
    const file = source.walked.get(path);
    if (file === undefined)
        throw new errors/* OperationError */.OK('E_IO', `${path} was not found by the directory walk`);
    return file;
}
function excludeFilter(exclude) {
    if (exclude.length === 0)
        return () => true;
    const matcher = (0,globs/* compileGlobs */.t)([...exclude]);
    return (e) => !matcher.matches(e.path);
}
/** A snapshot on at least one side: the entry lists meet, then a directory side's same-size files are hashed. */
async function* listedParts(before, after, exclude, workers) {
    const keep = excludeFilter(exclude);
    const tree = (0,tree_diff/* diffTrees */.j_)(before.entries.filter(keep), after.entries.filter(keep));
    // The workers hash while the caller compares the pairs already known to differ.
    const jobs = settleByDigest(before, after, tree.unsettled, workers);
    for (const job of jobs)
        job.catch(() => undefined); // each is awaited below; no unhandled rejection meanwhile
    const notCompared = [...before.notCompared, ...after.notCompared].filter(keep);
    yield { differences: tree.differences, modified: tree.modified, only: tree.only, notCompared };
    for (const job of jobs)
        yield { differences: [], modified: await job };
}
/** Same-size pairs of a directory and a snapshot: the directory's files are hashed to meet the digests. */
function settleByDigest(before, after, pairs, workers) {
    if (pairs.length === 0)
        return [];
    const dirSide = before.kind === 'directory' ? before : after.kind === 'directory' ? after : null;
    if (workers === null || dirSide === null) {
        return [Promise.reject(new errors/* OperationError */.OK('E_IO', 'snapshot entries without digests: the snapshot reader should have rejected them'))];
    }
    const totalBytes = pairs.reduce((sum, p) => sum + p.before.size, 0);
    // Small work runs inline: handing it to threads costs more than it saves.
    const pool = totalBytes < capture_pipeline/* INLINE_BELOW_BYTES */.gE ? new task_pool/* TaskPool */.Y(0) : workers;
    const dirIsBefore = dirSide === before;
    return (0,capture_pipeline/* batchBySize */.Du)(pairs, (p) => p.before.size).map(async (job) => {
        const hashed = await pool.hash(job.map((p) => (0,capture_pipeline/* toHashTask */.t4)(walkedFile(dirSide, p.path))));
        return job.filter((p, i) => {
            const digest = hashed[i]?.sha256;
            if (digest === undefined)
                throw new errors/* OperationError */.OK('E_IO', 'directory hashing lost track of its files');
            return digest !== (dirIsBefore ? p.after.sha256 : p.before.sha256);
        });
    });
}
/** A task's budget once the work has spread over the workers, and before (so it spreads fast). */
const TASK_BUDGET = { maxEntries: 2048, maxBytes: 32 * 1024 * 1024 };
const SPLIT_BUDGET = { maxEntries: 64, maxBytes: 4 * 1024 * 1024 };
function partOf(facts) {
    const out = { differences: [], modified: [], unsettled: [], only: [] };
    for (const { side, entry } of facts.only)
        out.differences.push((0,tree_diff/* oneSided */.CM)(entry, side === 0 ? 'before' : 'after', out.only));
    for (const { a, b, sameBytes } of facts.pairs)
        (0,tree_diff/* diffPair */.Wf)(a, b, out, sameBytes);
    const notCompared = facts.notCompared.map((n) => ({ path: n.path, side: n.side === 0 ? 'before' : 'after', reason: n.reason }));
    return { differences: out.differences, modified: out.modified, only: out.only, notCompared, checked: { files: facts.filesChecked, bytes: facts.bytesRead } };
}
/**
 * Two directories: tasks of directories to list go to the workers; each comes back with what
 * differs and the directories it left, which are shared out again. Parts are yielded as tasks end.
 */
async function* pairWalkParts(before, after, exclude, pool) {
    const capacity = Math.max(1, pool.size);
    const queue = [''];
    const ready = [];
    let running = 0;
    let failure = null;
    let wake = null;
    const notify = () => {
        const w = wake;
        wake = null;
        w?.();
    };
    const dispatch = () => {
        while (failure === null && queue.length > 0 && running < capacity) {
            const dirs = queue.splice(0, Math.ceil(queue.length / (capacity - running)));
            running++;
            // While a worker would otherwise sit idle, tasks hand back their work early so it spreads.
            const budget = queue.length === 0 && running < capacity ? SPLIT_BUDGET : TASK_BUDGET;
            pool.walkDirPair({ rootA: before.prefix, rootB: after.prefix, dirs, exclude: [...exclude], ...budget }).then((facts) => {
                running--;
                queue.push(...facts.pending);
                ready.push(partOf(facts));
                dispatch();
                notify();
            }, (error) => {
                running--;
                failure ??= error;
                notify();
            });
        }
    };
    dispatch();
    for (;;) {
        if (failure !== null)
            throw failure;
        const part = ready.shift();
        if (part !== undefined) {
            yield part;
            continue;
        }
        if (running === 0 && queue.length === 0)
            return;
        await new Promise((resolve) => {
            wake = resolve;
        });
    }
}


/***/ }),

/***/ 2927:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   CM: () => (/* binding */ oneSided),
/* harmony export */   IG: () => (/* binding */ modeChange),
/* harmony export */   Wf: () => (/* binding */ diffPair),
/* harmony export */   j_: () => (/* binding */ diffTrees)
/* harmony export */ });
/* harmony import */ var _snapshot_canonical_json_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7837);
/**
 * The tree diff, from the two entry lists alone: added, removed, type, mode and symlink changes,
 * and files whose digests (or sizes) differ. Files with equal digests are never read. A directory
 * side has no digests: its same-size pairs are left `unsettled` for the caller to settle (by
 * hashing them, against a snapshot). Two directories are walked side by side instead, and their
 * facts go through `oneSided` and `diffPair` with the byte check's answer.
 */

const octal = (mode) => `0${mode.toString(8).padStart(3, '0')}`;
function describe(e) {
    if (e.type === 'file')
        return `file, ${e.size} bytes`;
    if (e.type === 'symlink')
        return `symlink → ${e.target}`;
    if (e.type === 'special')
        return e.what;
    return 'directory';
}
const typeName = (e) => (e.type === 'special' ? e.what : e.type);
function leaf(path, kind, summary, detail) {
    const d = { path, kind, summary, causes: [], children: [] };
    if (detail !== undefined)
        d.detail = detail;
    return d;
}
/** A permission change of the entry at `path`. */
function modeChange(path, before, after) {
    return leaf(path, 'mode', `mode ${octal(before)} → ${octal(after)}`, { type: 'field', name: 'mode', before: octal(before), after: octal(after) });
}
/** A path present on one side only, also listed in `only` when given. */
function oneSided(entry, side, only) {
    only?.push({ side, entry });
    return side === 'before' ? leaf(entry.path, 'removed', `removed (${describe(entry)})`) : leaf(entry.path, 'added', `added (${describe(entry)})`);
}
/**
 * What differs at a path present on both sides, added to `out`. Files are decided by `sameBytes`
 * when the caller compared them; otherwise by digests, or left unsettled when a side has none.
 */
function diffPair(a, b, out, sameBytes) {
    if (a.type !== b.type || (a.type === 'special' && b.type === 'special' && a.what !== b.what)) {
        out.differences.push(leaf(a.path, 'type', `${typeName(a)} → ${typeName(b)}`, { type: 'field', name: 'type', before: describe(a), after: describe(b) }));
    }
    else if (a.type === 'symlink' && b.type === 'symlink') {
        if (a.target !== b.target) {
            out.differences.push(leaf(a.path, 'symlink', `symlink retargeted: ${a.target} → ${b.target}`, { type: 'field', name: 'target', before: a.target, after: b.target }));
        }
    }
    else if ((a.type === 'file' || a.type === 'dir') && (b.type === 'file' || b.type === 'dir')) {
        if (a.mode !== b.mode) {
            out.differences.push(modeChange(a.path, a.mode, b.mode));
        }
        if (a.type === 'file' && b.type === 'file') {
            const digests = a.sha256 !== '' && b.sha256 !== '';
            if (sameBytes !== undefined) {
                if (!sameBytes)
                    out.modified.push({ path: a.path, before: a, after: b });
            }
            else if (digests ? a.sha256 !== b.sha256 : a.size !== b.size) {
                out.modified.push({ path: a.path, before: a, after: b });
            }
            else if (!digests) {
                out.unsettled.push({ path: a.path, before: a, after: b });
            }
        }
    }
}
/** Merges two sorted entry lists. O(n); both lists come sorted from manifests or the walker. */
function diffTrees(before, after) {
    const out = { differences: [], modified: [], unsettled: [], only: [] };
    let i = 0;
    let j = 0;
    while (i < before.length || j < after.length) {
        const a = before[i];
        const b = after[j];
        const order = a === undefined ? 1 : b === undefined ? -1 : (0,_snapshot_canonical_json_js__WEBPACK_IMPORTED_MODULE_0__/* .compareCodePoints */ .OP)(a.path, b.path);
        if (order < 0 && a !== undefined) {
            out.differences.push(oneSided(a, 'before', out.only));
            i++;
        }
        else if (order > 0 && b !== undefined) {
            out.differences.push(oneSided(b, 'after', out.only));
            j++;
        }
        else if (a !== undefined && b !== undefined) {
            i++;
            j++;
            diffPair(a, b, out);
        }
    }
    return out;
}


/***/ }),

/***/ 8714:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Rm: () => (/* binding */ CAUSE_IDS),
/* harmony export */   Vj: () => (/* binding */ ComparatorFallback),
/* harmony export */   dR: () => (/* binding */ DEFAULT_LIMITS)
/* harmony export */ });
const CAUSE_IDS = [
    'timestamp', 'build-path', 'file-order', 'build-id', 'permissions', 'symlink', 'toolchain', 'locale', 'env', 'randomness', 'compression', 'content',
];
const DEFAULT_LIMITS = {
    maxDepth: 8,
    maxExpandedBytes: 256 * 1024 * 1024,
    maxExpandedBytesPerDiff: 4 * 1024 * 1024 * 1024,
    maxStructuredBytes: 64 * 1024 * 1024,
    maxTextLines: 200_000,
};
/** Thrown by a comparator that cannot handle its input; the registry falls back and records why. */
class ComparatorFallback extends Error {
    name = 'ComparatorFallback';
}


/***/ }),

/***/ 6136:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   IK: () => (/* binding */ summarizeCauses),
/* harmony export */   J7: () => (/* binding */ countsLine),
/* harmony export */   MT: () => (/* binding */ verdictLine),
/* harmony export */   yl: () => (/* binding */ hasSecondaryCause)
/* harmony export */ });
/* unused harmony export causeLabel */
/* harmony import */ var _compare_types_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(8714);
/* harmony import */ var _plural_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(1190);


function leafCauses(node) {
    return node.children.length === 0 ? node.causes : node.children.flatMap(leafCauses);
}
function causeLabel(id) {
    return id === 'content' ? 'unexplained' : id;
}
/** Unexplained first (it is what needs a person), then by how many files each cause touches. */
function summarizeCauses(result) {
    const files = new Map();
    const hints = new Map();
    let ignored = 0;
    for (const d of result.root.children) {
        if (d.ignored === true) {
            ignored++;
            continue;
        }
        const primary = leafCauses(d).filter((c) => c.secondary !== true);
        const ids = new Set(primary.map((c) => c.id));
        if (ids.size === 0)
            ids.add('content');
        for (const id of ids)
            files.set(id, (files.get(id) ?? 0) + 1);
        for (const c of primary) {
            if (c.hint === '')
                continue;
            const byHint = hints.get(c.id) ?? new Map();
            byHint.set(c.hint, (byHint.get(c.hint) ?? 0) + 1);
            hints.set(c.id, byHint);
        }
    }
    const rank = (id) => (id === 'content' ? 0 : 1);
    const causes = _compare_types_js__WEBPACK_IMPORTED_MODULE_0__/* .CAUSE_IDS */ .Rm.filter((id) => files.has(id))
        .map((id) => ({
        id,
        label: causeLabel(id),
        files: files.get(id) ?? 0,
        hints: [...(hints.get(id) ?? new Map()).entries()].sort((a, b) => b[1] - a[1]).map(([hint]) => hint),
    }))
        .sort((a, b) => rank(a.id) - rank(b.id) || b.files - a.files);
    return { causes, ignored };
}
/** `2 modified, 1 added, 1 mode/type/link change`: the counts line, zero counts left out. */
function countsLine(result) {
    const c = result.counts;
    const parts = [];
    if (c.modified > 0)
        parts.push(`${c.modified} modified`);
    if (c.added > 0)
        parts.push(`${c.added} added`);
    if (c.removed > 0)
        parts.push(`${c.removed} removed`);
    if (c.renamed > 0)
        parts.push(`${c.renamed} renamed`);
    if (c.changed > 0)
        parts.push((0,_plural_js__WEBPACK_IMPORTED_MODULE_1__/* .plural */ .L)(c.changed, 'mode/type/link change'));
    if (c.ignored > 0)
        parts.push(`${(0,_plural_js__WEBPACK_IMPORTED_MODULE_1__/* .plural */ .L)(c.ignored, 'difference')} ignored`);
    return parts.length === 0 ? 'no differences' : parts.join(', ');
}
/** The verdict line: `verdict: identical`, or the verdict with what was counted; never the verdict twice. */
function verdictLine(result, paint = (v) => v) {
    const counts = countsLine(result);
    return result.verdict === 'identical' && result.counts.ignored === 0 ? `verdict: ${paint(result.verdict)}` : `verdict: ${paint(result.verdict)} — ${counts}`;
}
/** Whether any node carries a secondary cause (the legend then explains the `*` / faded badge). */
function hasSecondaryCause(nodes) {
    return nodes.some((n) => n.causes.some((c) => c.secondary === true) || hasSecondaryCause(n.children));
}


/***/ }),

/***/ 2794:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   hF: () => (/* binding */ renderJson),
/* harmony export */   l4: () => (/* binding */ reportJson)
/* harmony export */ });
/* unused harmony export REPORT_SCHEMA */
const REPORT_SCHEMA = 'vitsnap-report/1';
/** The report as an object, for documents that hold it (the rebuild report). */
function reportJson(result) {
    return {
        schema: REPORT_SCHEMA,
        before: result.before,
        after: result.after,
        verdict: result.verdict,
        counts: result.counts,
        metadata: result.metadata,
        notCompared: result.notCompared ?? [],
        verification: result.verification ?? null,
        notes: result.notes ?? [],
        differences: result.root.children,
    };
}
function renderJson(result) {
    return JSON.stringify(reportJson(result), null, 2);
}


/***/ }),

/***/ 5152:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Rd: () => (/* binding */ kindsIn),
/* harmony export */   _i: () => (/* binding */ legendEntries),
/* harmony export */   j7: () => (/* binding */ MARKS)
/* harmony export */ });
const MARKS = {
    added: { mark: 'A', meaning: 'added' },
    removed: { mark: 'D', meaning: 'deleted' },
    modified: { mark: 'M', meaning: 'modified' },
    renamed: { mark: 'R', meaning: 'renamed, same content' },
    type: { mark: 'T', meaning: 'type changed (file, directory, symlink)' },
    mode: { mark: 'P', meaning: 'permissions' },
    symlink: { mark: 'L', meaning: 'link target' },
    field: { mark: '~', meaning: 'header field' },
    order: { mark: '↕', meaning: 'member order' },
    lines: { mark: '±', meaning: 'text lines' },
    bytes: { mark: '#', meaning: 'bytes' },
    json: { mark: '{', meaning: 'JSON values' },
};
/** Legend entries for the kinds that occur in `kinds` (all kinds when omitted), in table order. */
function legendEntries(kinds) {
    return Object.keys(MARKS).filter((k) => kinds === undefined || kinds.has(k)).map((k) => MARKS[k]);
}
/** Every kind in a tree, so a legend lists only the marks a report uses. */
function kindsIn(nodes, into = new Set()) {
    for (const n of nodes) {
        into.add(n.kind);
        kindsIn(n.children, into);
    }
    return into;
}


/***/ }),

/***/ 5655:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ renderText)
/* harmony export */ });
/* harmony import */ var _cause_summary_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6136);
/* harmony import */ var _escape_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4031);
/* harmony import */ var _marks_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(5152);
/* harmony import */ var _plural_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(1190);




const DETAIL_LINES = 8;
const HEX_LINES = 3;
const EVIDENCE_CHARS = 240;
/** Fix hints shown per cause on top; the details carry the rest. */
const HINTS_PER_CAUSE = 3;
/** Build environment changes shown on top; `--json` has them all. */
const METADATA_LINES = 12;
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
            return [`${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeControls */ .UN)(detail.name)}: ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeControls */ .UN)(detail.before)} → ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeControls */ .UN)(detail.after)}`];
        case 'order': {
            const list = (names) => `${names.slice(0, 8).map(_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeControls */ .UN).join(', ')}${names.length > 8 ? ', …' : ''}`;
            return [`before: ${list(detail.before)}`, `after:  ${list(detail.after)}`];
        }
        case 'lines':
            return detail.hunks.flatMap((h) => [`@@ -${h.oldStart},${h.oldLines} +${h.newStart},${h.newLines} @@`, ...h.lines.map(_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeControls */ .UN)]).slice(0, DETAIL_LINES);
        case 'bytes': {
            // The first range only: a few lines of each side are what a person can compare; code as objdump disassembles it.
            const code = detail.disassembly?.windows[0];
            const first = code ?? detail.hexdump[0];
            if (first === undefined)
                return [];
            const cut = (text) => text.split('\n').slice(0, HEX_LINES).map(_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeControls */ .UN);
            const label = code !== undefined ? [`(${detail.disassembly?.tool ?? 'disassembly'})`] : detail.disassemblyNote === undefined ? [] : [`(${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeControls */ .UN)(detail.disassemblyNote)})`];
            return [...label, ...cut(first.before).map((l) => `- ${l}`), ...cut(first.after).map((l) => `+ ${l}`)];
        }
        case 'json':
            return detail.changes
                .slice(0, DETAIL_LINES)
                .map((c) => `${c.op} ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeControls */ .UN)(c.pointer)}${c.before === undefined ? '' : `: ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeControls */ .UN)(c.before)}`}${c.after === undefined ? '' : ` → ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeControls */ .UN)(c.after)}`}`);
    }
}
/** Verdict, causes with their fixes, environment changes, legend: the part never cut. */
function headLines(result, c) {
    const verdictColour = result.verdict === 'identical' ? '32' : result.verdict === 'drift-explained' ? '33' : '31';
    const lines = [`vitsnap diff ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeControls */ .UN)(result.before)} → ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeControls */ .UN)(result.after)}`, (0,_cause_summary_js__WEBPACK_IMPORTED_MODULE_0__/* .verdictLine */ .MT)(result, (v) => paint(c, `1;${verdictColour}`, v))];
    for (const note of result.notes ?? [])
        lines.push(paint(c, '33', `note: ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeControls */ .UN)(note)}`));
    const overview = (0,_cause_summary_js__WEBPACK_IMPORTED_MODULE_0__/* .summarizeCauses */ .IK)(result);
    if (overview.causes.length > 0 || overview.ignored > 0) {
        lines.push('', paint(c, '1', 'causes and fixes:'));
        const width = Math.max(...overview.causes.map((s) => s.label.length), 'ignored'.length);
        const countWidth = Math.max(...overview.causes.map((s) => (0,_plural_js__WEBPACK_IMPORTED_MODULE_3__/* .plural */ .L)(s.files, 'file').length), 0);
        const pad = ' '.repeat(2 + width + 2 + countWidth + 2);
        for (const s of overview.causes) {
            const hints = s.hints.slice(0, HINTS_PER_CAUSE).map((h) => (s.id === 'content' ? (0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeControls */ .UN)(h) : `fix: ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeControls */ .UN)(h)}`));
            if (s.hints.length > HINTS_PER_CAUSE)
                hints.push(`(${(0,_plural_js__WEBPACK_IMPORTED_MODULE_3__/* .plural */ .L)(s.hints.length - HINTS_PER_CAUSE, 'more fix', 'more fixes')} in the details below)`);
            const label = paint(c, s.id === 'content' ? '1;31' : '36', s.label.padEnd(width));
            lines.push(`  ${label}  ${(0,_plural_js__WEBPACK_IMPORTED_MODULE_3__/* .plural */ .L)(s.files, 'file').padEnd(countWidth)}  ${hints[0] ?? ''}`.trimEnd());
            for (const h of hints.slice(1))
                lines.push(`${pad}${h}`);
        }
        if (overview.ignored > 0)
            lines.push(`  ${'ignored'.padEnd(width)}  ${(0,_plural_js__WEBPACK_IMPORTED_MODULE_3__/* .plural */ .L)(overview.ignored, 'difference')} you chose to ignore (listed below, not counted)`);
    }
    if (result.metadata.length > 0) {
        lines.push('', paint(c, '1', 'build environment changes (may explain the outputs):'));
        for (const m of result.metadata.slice(0, METADATA_LINES))
            lines.push(`  ${m.area} ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeControls */ .UN)(m.name)}: ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeControls */ .UN)(m.before ?? '(none)')} → ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeControls */ .UN)(m.after ?? '(none)')}`);
        if (result.metadata.length > METADATA_LINES)
            lines.push(`  … ${(0,_plural_js__WEBPACK_IMPORTED_MODULE_3__/* .plural */ .L)(result.metadata.length - METADATA_LINES, 'more change')} (--json has them all)`);
    }
    const kinds = (0,_marks_js__WEBPACK_IMPORTED_MODULE_2__/* .kindsIn */ .Rd)(result.root.children);
    if (kinds.size > 0) {
        const secondary = (0,_cause_summary_js__WEBPACK_IMPORTED_MODULE_0__/* .hasSecondaryCause */ .yl)(result.root.children) ? '; cause* follows from another change' : '';
        lines.push('', `legend: ${(0,_marks_js__WEBPACK_IMPORTED_MODULE_2__/* .legendEntries */ ._i)(kinds).map((l) => `${l.mark} ${l.meaning}`).join(' · ')}${secondary}`);
    }
    return lines;
}
function detailTree(result, c) {
    const lines = [];
    const visit = (node, parentPath, depth) => {
        const indent = '  '.repeat(depth);
        const ignored = node.ignored === true ? paint(c, '2', ' (ignored)') : '';
        const label = causeLabel(node.causes);
        lines.push(`${indent}${paint(c, '1', _marks_js__WEBPACK_IMPORTED_MODULE_2__/* .MARKS */ .j7[node.kind].mark)} ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeControls */ .UN)(relativePath(parentPath, node.path))}  ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeControls */ .UN)(node.summary)}${label === '' ? '' : ` ${paint(c, '36', label)}`}${ignored}`);
        for (const l of detailLines(node))
            lines.push(`${indent}    ${paint(c, l.startsWith('+') ? '32' : l.startsWith('-') ? '31' : '2', l)}`);
        if (node.fallback !== undefined)
            lines.push(`${indent}    ${paint(c, '2', `note: ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeControls */ .UN)(node.fallback)}`)}`);
        if (node.children.length === 0) {
            for (const cause of node.causes) {
                if (cause.id === 'content')
                    continue;
                lines.push(`${indent}    ${paint(c, '2', `${cause.id}: ${(0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .escapeControls */ .UN)((0,_escape_js__WEBPACK_IMPORTED_MODULE_1__/* .clip */ .$Q)(cause.evidence, EVIDENCE_CHARS))}`)}`);
            }
        }
        for (const child of node.children)
            visit(child, node.path, depth + 1);
    };
    for (const child of result.root.children)
        visit(child, '', 0);
    return lines;
}
function renderText(result, options) {
    const head = headLines(result, options.colour);
    const details = detailTree(result, options.colour);
    if (details.length === 0)
        return head.join('\n');
    const room = Math.max(0, options.maxLines - head.length - 1);
    if (details.length <= room)
        return [...head, '', ...details].join('\n');
    const more = details.length - room;
    return [...head, '', ...details.slice(0, room), `… ${(0,_plural_js__WEBPACK_IMPORTED_MODULE_3__/* .plural */ .L)(more, 'more line')} of details (use --max-lines, --json or --html for everything)`].join('\n');
}


/***/ })

};
