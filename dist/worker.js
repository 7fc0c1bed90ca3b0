import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
var __webpack_exports__ = {};

;// CONCATENATED MODULE: external "node:worker_threads"
const external_node_worker_threads_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");
;// CONCATENATED MODULE: external "node:buffer"
const external_node_buffer_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");
;// CONCATENATED MODULE: external "node:fs"
const external_node_fs_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");
;// CONCATENATED MODULE: ./src/errors.ts
/**
 * The few error classes vitsnap throws. Each carries a stable `code`
 * (listed in docs/format.md, "Errors") and a message that says what to do next. Match on `name`/`code`, never `instanceof`: the action
 * and the CLI are separate bundles.
 */
class VitsnapError extends Error {
}
/** The snapshot file is damaged, hostile, or from an unknown version. */
class errors_SnapshotFormatError extends VitsnapError {
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
class errors_OperationError extends VitsnapError {
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
/** What a system error code means to a user, and what they can do about it. */
const SYSTEM_ERRORS = {
    ENOENT: { code: 'E_NOT_FOUND', what: 'no such file or directory', next: 'check the path' },
    EACCES: { code: 'E_IO', what: 'permission denied', next: 'check ownership and permissions' },
    EPERM: { code: 'E_IO', what: 'operation not permitted', next: 'check ownership, permissions and file attributes (lsattr)' },
    ENOSPC: { code: 'E_IO', what: 'no space left on device', next: 'free disk space (or inodes: df -i) and retry' },
    EDQUOT: { code: 'E_IO', what: 'disk quota exceeded', next: 'free space within your quota and retry' },
    EFBIG: { code: 'E_IO', what: 'file too large', next: 'raise the file-size limit (ulimit -f) or use a file system that allows larger files' },
    ENAMETOOLONG: { code: 'E_IO', what: 'file name too long', next: 'use a shorter path (a name may have at most 255 bytes)' },
    EEXIST: { code: 'E_IO', what: 'already exists', next: 'remove it or choose another path' },
    EISDIR: { code: 'E_IO', what: 'is a directory', next: 'pass a file path, or remove the directory' },
    ENOTDIR: { code: 'E_IO', what: 'a component of the path is not a directory', next: 'check the path; a file is where a directory is expected' },
    ENOTEMPTY: { code: 'E_IO', what: 'directory not empty', next: 'empty or remove it' },
    EROFS: { code: 'E_IO', what: 'read-only file system', next: 'choose a writable location' },
    EMFILE: { code: 'E_IO', what: 'too many open files', next: 'raise the open-file limit (ulimit -n) and retry' },
    ENFILE: { code: 'E_IO', what: 'too many open files in the system', next: 'close other programs or raise the system limit, and retry' },
    ELOOP: { code: 'E_IO', what: 'too many levels of symbolic links', next: 'check the path for a symlink loop' },
    EXDEV: { code: 'E_IO', what: 'cannot move across file systems', next: 'keep the target on one file system' },
    EBUSY: { code: 'E_IO', what: 'resource busy', next: 'retry when it is no longer in use' },
    ETXTBSY: { code: 'E_IO', what: 'file is being executed', next: 'stop the program using it and retry' },
    EIO: { code: 'E_IO', what: 'input/output error', next: 'check the disk (dmesg) and retry' },
    EINVAL: { code: 'E_IO', what: 'invalid argument', next: 'check the path and the file system it is on' },
};
/** True for an error thrown by a Node system call (it has an errno-style `code` and a `syscall`). */
function isSystemError(error) {
    if (typeof error !== 'object' || error === null)
        return false;
    const { code, syscall } = error;
    return typeof code === 'string' && /^E[A-Z0-9]+$/.test(code) && typeof syscall === 'string';
}
/**
 * Maps a Node system error (ENOENT, EACCES, ENOSPC …) to an OperationError that names the path
 * and a next step. `action` says what vitsnap was doing ("cannot restore a/b").
 */
function fromSystemError(error, action) {
    if (isVitsnapError(error))
        return error;
    const sys = error;
    // The path the system call failed on, unless `action` already names it.
    const where = sys.path === undefined || action.includes(sys.path) ? '' : ` (${sys.path}${sys.dest !== undefined ? ` -> ${sys.dest}` : ''})`;
    const known = typeof sys.code === 'string' ? SYSTEM_ERRORS[sys.code] : undefined;
    if (known !== undefined)
        return new errors_OperationError(known.code, `${action}: ${known.what}${where}; ${known.next}`);
    const detail = typeof sys.code === 'string' ? `${sys.code}${sys.syscall !== undefined ? ` in ${sys.syscall}` : ''}` : (sys.message ?? String(error));
    return new errors_OperationError('E_IO', `${action}: system error ${detail}${where}; check the path and retry`);
}

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
        return (0,external_node_fs_namespaceObject.openSync)(path, 'r');
    }
    catch (error) {
        throw fromSystemError(error, `cannot read ${path}`);
    }
}
function readPiece(fd, buf, length, position, path) {
    try {
        return (0,external_node_fs_namespaceObject.readSync)(fd, buf, 0, length, position);
    }
    catch (error) {
        throw fromSystemError(error, `cannot read ${path}`);
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
        const sa = (0,external_node_fs_namespaceObject.fstatSync)(fa);
        const sb = (0,external_node_fs_namespaceObject.fstatSync)(fb);
        const content = sa.size === sb.size ? sameContent(fa, fb, sa.size, scratch, a, b) : { same: false, bytesRead: 0 };
        return { ...content, sizeA: sa.size, sizeB: sb.size, modeA: sa.mode & 0o7777, modeB: sb.mode & 0o7777 };
    }
    finally {
        (0,external_node_fs_namespaceObject.closeSync)(fa);
        if (fb >= 0)
            (0,external_node_fs_namespaceObject.closeSync)(fb);
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
 * would make snapshots look complete when they are not. Exclude them explicitly (`!**\/.env`).
 * The one exception is made by capture, not here: `.git` is never captured (its config can hold
 * a token), and the action leaves hidden files out unless `include-hidden-files` is true.
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
    return new errors_OperationError('E_USAGE', `invalid path pattern ${JSON.stringify(pattern)}: ${why}`);
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

;// CONCATENATED MODULE: external "node:path"
const external_node_path_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");
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
            const patches = e.patches === undefined ? '' : `,"patches":${canonicalJson(e.patches)}`;
            parts[i] = `{${chunks}"class":"${e.class}","mode":${e.mode}${patches},"path":${path},"sha256":"${e.sha256}","size":${e.size},"type":"file"}`;
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
function walkTree(root, matcher, options = {}) {
    const rootAbs = (0,external_node_path_namespaceObject.resolve)(root);
    let rootStats;
    try {
        // The root itself may be a symlink (a workspace mounted elsewhere); only what is inside is not followed.
        rootStats = (0,external_node_fs_namespaceObject.statSync)(rootAbs);
    }
    catch (error) {
        const code = error.code;
        if (code === 'ENOENT' || code === 'ENOTDIR') {
            throw new errors_OperationError('E_NOT_FOUND', `capture root ${rootAbs} does not exist; check the path`);
        }
        throw fromSystemError(error, `reading capture root ${rootAbs}`);
    }
    if (!rootStats.isDirectory()) {
        throw new errors_OperationError('E_USAGE', `capture root ${rootAbs} is a file, not a directory; pass the directory that holds it and select the file with a pattern`);
    }
    const walk = { matcher, identity: options.identity === true, entries: [], skipped: [] };
    if (matcher.mayContain(''))
        walkDirectory(walk, rootAbs, '');
    walk.entries.sort((a, b) => compareCodePoints(a.path, b.path));
    walk.skipped.sort((a, b) => compareCodePoints(a.path, b.path));
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
        if (!(0,external_node_buffer_namespaceObject.isUtf8)(raw)) {
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
            stats = walk.identity ? (0,external_node_fs_namespaceObject.lstatSync)(absPath, { bigint: true, throwIfNoEntry: false }) : (0,external_node_fs_namespaceObject.lstatSync)(absPath, { throwIfNoEntry: false });
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
    return (0,external_node_buffer_namespaceObject.isUtf8)(raw.subarray(at, at + width)) ? width : 0;
}
function walkError(error, dirAbs, dirRel) {
    const code = error.code;
    if (code === 'EACCES' || code === 'EPERM') {
        const exclude = dirRel === '' ? '' : ` (e.g. "!${dirRel}")`;
        return new errors_OperationError('E_IO', `cannot read directory ${dirAbs}: permission denied; fix its permissions or exclude it from the patterns${exclude}`);
    }
    return fromSystemError(error, `walking ${dirAbs}`);
}
const TYPE_CODES = { file: 0, dir: 1, symlink: 2 };
function packWalk(root, walk) {
    const n = walk.entries.length;
    const packed = {
        root: (0,external_node_path_namespaceObject.resolve)(root),
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
    const prefix = packed.root.endsWith(sep) ? packed.root : packed.root + sep;
    let target = 0;
    const entries = packed.paths.map((path, i) => {
        const absPath = prefix + (sep === '/' ? path : path.split('/').join(sep));
        const type = packed.types[i];
        if (type === TYPE_CODES.dir)
            return { type: 'dir', path, absPath, mode: packed.modes[i] };
        if (type === TYPE_CODES.symlink)
            return { type: 'symlink', path, absPath, target: packed.targets[target++] };
        return { type: 'file', path, absPath, mode: packed.modes[i], size: packed.sizes[i], mtimeMs: packed.mtimes[i] };
    });
    return { entries, skipped: packed.skipped };
}

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
        return new errors_OperationError('E_IO', `cannot read directory ${abs}: permission denied; fix its permissions or leave it out with --exclude`);
    }
    return fromSystemError(error, `walking ${abs}`);
}
/** A directory's names and kinds; a directory that vanished lists as empty, as in `walkTree`. */
function list(abs) {
    let dirents;
    try {
        dirents = (0,external_node_fs_namespaceObject.readdirSync)(abs, { withFileTypes: true });
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
    const stats = (0,external_node_fs_namespaceObject.lstatSync)(abs, { throwIfNoEntry: false });
    return stats === undefined ? null : kindOfStats(stats);
}
/**
 * Takes out names that are not valid UTF-8 (a lossy name names no file, and two such names can
 * decode alike) and returns them escaped, sorted.
 */
function takeInvalidNames(abs, kinds) {
    const valid = new Set();
    const invalid = [];
    for (const name of (0,external_node_fs_namespaceObject.readdirSync)(abs, { encoding: 'buffer' })) {
        if ((0,external_node_buffer_namespaceObject.isUtf8)(name))
            valid.add(name.toString('utf8'));
        else
            invalid.push(escapeName(name));
    }
    for (const name of [...kinds.keys()])
        if (!valid.has(name))
            kinds.delete(name);
    return invalid.sort();
}
function dirMode(abs) {
    try {
        return (0,external_node_fs_namespaceObject.lstatSync)(abs).mode & 0o7777;
    }
    catch (error) {
        throw fromSystemError(error, `walking ${abs}`);
    }
}
/** The entry for a path of a known kind, or null when it cannot be an entry (a symlink target that is not UTF-8). */
function entryOf(abs, path, kind) {
    try {
        if (kind === 'dir')
            return { type: 'dir', path, mode: dirMode(abs) };
        if (kind === 'symlink') {
            const target = (0,external_node_fs_namespaceObject.readlinkSync)(abs, { encoding: 'buffer' });
            return (0,external_node_buffer_namespaceObject.isUtf8)(target) ? { type: 'symlink', path, target: target.toString('utf8') } : null;
        }
        const stats = (0,external_node_fs_namespaceObject.lstatSync)(abs);
        const special = specialEntry(path, stats);
        if (special !== undefined)
            return special;
        return { type: 'file', path, mode: stats.mode & 0o7777, size: stats.size, sha256: '', class: 'binary' };
    }
    catch (error) {
        throw fromSystemError(error, `cannot read ${abs}`);
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
        const matcher = task.exclude.length > 0 ? compileGlobs(task.exclude) : null;
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
        const walk = walkTree(root + path, compileGlobs([]));
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

;// CONCATENATED MODULE: ./src/snapshot/capture-pipeline.ts
/**
 * The two halves of capture's pipeline: hash results consumed in file order with bounded
 * look-ahead, and encoded blocks written strictly in plan order with a bounded number in flight.
 */

/** Below this many bytes of file data, threads cost more than they save: tasks run inline. */
const INLINE_BELOW_BYTES = (/* unused pure expression or super */ null && (16 * 1024 * 1024));
const HASH_BATCH_BYTES = (/* unused pure expression or super */ null && (16 * 1024 * 1024));
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

;// CONCATENATED MODULE: external "node:crypto"
const external_node_crypto_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");
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

;// CONCATENATED MODULE: external "node:zlib"
const external_node_zlib_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");
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
/**
 * Delta snapshots (a parent, entries with patches) are major 2: a 1.x reader would find chunks
 * missing and call the file corrupt, while a major it does not know tells it to upgrade. Full
 * snapshots stay 1.0, byte-identical to what earlier versions wrote.
 */
const DELTA_MAJOR = 2;
const HEADER_MAGIC = Buffer.from('VITSNAP\0', 'latin1');
const TRAILER_MAGIC = Buffer.from('VSNPEND\0', 'latin1');
const HEADER_SIZE = 32;
const TRAILER_SIZE = 200;
const BLOCK_RECORD_SIZE = 56;
const CHUNK_RECORD_SIZE = 44;
/** Trailer bytes [0, 176) are covered by the truncated SHA-256 stored at 176. */
const TRAILER_DIGESTED = 176;
/** Codec ids stored in a block record. */
const format_Codec = { none: 0, zstd: 1, bytegroupZstd: 2 };
/**
 * Hard caps a reader enforces before allocating anything a file claims. Chosen so that `verify`
 * of a snapshot at every cap at once stays under 512 MB of RSS (docs/benchmarks.md, "Reading at
 * the limits"; __tests__/snapshot/manifest-limits.test.ts proves it).
 */
const LIMITS = {
    manifestStoredBytes: 16 * 1024 * 1024,
    manifestRawBytes: 32 * 1024 * 1024,
    entriesStoredBytes: 64 * 1024 * 1024,
    entriesRawBytes: 64 * 1024 * 1024,
    /** The writer makes blocks of at most ~8 MiB. */
    blockRawBytes: 16 * 1024 * 1024,
    /** The dictionary a patch is decoded with (a range of a parent's file). */
    patchBaseBytes: 64 * 1024 * 1024,
    /** Layers a chain may declare; how many a reader follows is a setting (default 16). */
    chainDepth: 1024,
    blockCount: 256 * 1024,
    chunkCount: 2 * 1024 * 1024,
    entryCount: 1_000_000,
    pathBytes: 4096,
    segmentBytes: 255,
    symlinkTargetBytes: 4096,
    /** Nesting of arrays and objects in either JSON section (the schema needs 5). */
    jsonDepth: 16,
    /** Members of one array or object in the manifest section (env variables, toolchains, commands …). */
    manifestMembers: 10_000,
    /** Array elements plus object members in the whole manifest section. */
    manifestValues: 200_000,
    /** One string in the manifest section as written, quotes and escapes included. */
    manifestStringBytes: 1024 * 1024,
    /** Members of one array or object below the top level of the entries section (a file's chunk list). */
    entryMembers: 1024 * 1024,
    /** Array elements plus object members in the whole entries section. */
    entriesValues: 16 * 1024 * 1024,
    /** One string in the entries section as written: a 4096-byte path with every byte escaped fits. */
    entryStringBytes: 64 * 1024,
    /** Environment variables capture records, and the bytes of one value. */
    envVariables: 1_000,
    envValueBytes: 64 * 1024,
};
function encodeHeader(major = FORMAT_MAJOR) {
    const out = Buffer.alloc(HEADER_SIZE);
    HEADER_MAGIC.copy(out, 0);
    out.writeUInt16LE(major, 8);
    out.writeUInt16LE(FORMAT_MINOR, 10);
    out.writeUInt32LE(0, 12);
    return out;
}
/** `name` (the file's path) goes into the messages that tell the user to fetch the file again. */
function decodeHeader(buf, name = 'the snapshot') {
    const prefix = Math.min(buf.length, HEADER_MAGIC.length);
    if (!buf.subarray(0, prefix).equals(HEADER_MAGIC.subarray(0, prefix)) || buf.length === 0) {
        throw new SnapshotFormatError('E_BAD_MAGIC', 'not a .vitsnap file (bad magic); check that the path points at a snapshot');
    }
    if (buf.length < HEADER_SIZE) {
        throw new SnapshotFormatError('E_TRUNCATED', `${name} is truncated (${buf.length} bytes, shorter than the ${HEADER_SIZE}-byte header): the download or copy was cut off; fetch it again`);
    }
    const header = { major: buf.readUInt16LE(8), minor: buf.readUInt16LE(10), flags: buf.readUInt32LE(12) };
    checkVersion(header.major, header.minor);
    // v1 defines no flags and reserves bytes 16–31 as zero, so every header byte is checked.
    if (header.flags !== 0 || buf.subarray(16, HEADER_SIZE).some((b) => b !== 0)) {
        throw new SnapshotFormatError('E_CORRUPT', 'snapshot header has unknown flags or non-zero reserved bytes: the file is corrupt');
    }
    return header;
}
function checkVersion(major, minor) {
    if (major !== FORMAT_MAJOR && major !== DELTA_MAJOR) {
        throw new SnapshotFormatError('E_VERSION', `snapshot format ${major}.${minor} is not supported by this vitsnap (reads ${FORMAT_MAJOR}.x and ${DELTA_MAJOR}.x); upgrade vitsnap`);
    }
}
function u64(buf, at, what) {
    const value = buf.readBigUInt64LE(at);
    if (value > BigInt(Number.MAX_SAFE_INTEGER))
        throw new SnapshotFormatError('E_CORRUPT', `${what} is out of range`);
    return Number(value);
}
function trailerDigest(body) {
    return createHash('sha256').update(body).digest().subarray(0, 16);
}
function encodeTrailer(t, major = FORMAT_MAJOR) {
    const out = Buffer.alloc(TRAILER_SIZE);
    out.writeUInt16LE(major, 0);
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
function decodeTrailer(buf, fileSize, name = 'the snapshot') {
    if (buf.length < TRAILER_SIZE || fileSize < HEADER_SIZE + TRAILER_SIZE) {
        throw new SnapshotFormatError('E_TRUNCATED', `${name} is truncated (ends at ${fileSize} bytes; a snapshot has at least ${HEADER_SIZE + TRAILER_SIZE}): the download or copy was cut off; fetch it again`);
    }
    if (!buf.subarray(TRAILER_SIZE - 8, TRAILER_SIZE).equals(TRAILER_MAGIC)) {
        throw new SnapshotFormatError('E_TRUNCATED', `${name} has no end marker (${fileSize} bytes): it is truncated or was not written completely (or has bytes appended); fetch or copy it again`);
    }
    if (!trailerDigest(buf.subarray(0, TRAILER_DIGESTED)).equals(buf.subarray(TRAILER_DIGESTED, TRAILER_DIGESTED + 16))) {
        throw new SnapshotFormatError('E_CHECKSUM', `${name}: trailer checksum mismatch: the file was damaged after it was written; fetch a fresh copy`);
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
        throw new SnapshotFormatError('E_CORRUPT', `${name}: section offsets do not match the file size (${fileSize} bytes): the file is corrupt or truncated; fetch it again`);
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
 * The chunk records, left in the index bytes they were read from: 2 Mi records are 92 MB as bytes
 * but ~600 MB as objects. Records are made on demand.
 */
class ChunkTable {
    length;
    buf;
    constructor(buf, length) {
        this.buf = buf;
        this.length = length;
    }
    at(i) {
        const at = i * CHUNK_RECORD_SIZE;
        const b = this.buf;
        return { sha256: Buffer.from(b.subarray(at, at + 32)), block: b.readUInt32LE(at + 32), offset: b.readUInt32LE(at + 36), length: b.readUInt32LE(at + 40) };
    }
    blockOf(i) {
        return this.buf.readUInt32LE(i * CHUNK_RECORD_SIZE + 32);
    }
    /** Binary search of the digest-sorted table. */
    find(digest) {
        const i = this.indexOf(digest);
        return i < 0 ? undefined : this.at(i);
    }
    /** The chunk's length, or -1 when the table does not have it; allocates nothing. */
    lengthOf(digest) {
        const i = this.indexOf(digest);
        return i < 0 ? -1 : this.buf.readUInt32LE(i * CHUNK_RECORD_SIZE + 40);
    }
    indexOf(digest) {
        let lo = 0;
        let hi = this.length - 1;
        while (lo <= hi) {
            const mid = (lo + hi) >>> 1;
            const at = mid * CHUNK_RECORD_SIZE;
            const order = this.buf.compare(digest, 0, 32, at, at + 32);
            if (order === 0)
                return mid;
            if (order < 0)
                lo = mid + 1;
            else
                hi = mid - 1;
        }
        return -1;
    }
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
        if (codec !== format_Codec.none && codec !== format_Codec.zstd && codec !== format_Codec.bytegroupZstd) {
            throw new SnapshotFormatError('E_CORRUPT', `block ${i} has unknown codec ${codec}`);
        }
        if (codec === format_Codec.none && storedLength !== rawLength)
            throw new SnapshotFormatError('E_CORRUPT', `block ${i} sizes disagree`);
        if (codec === format_Codec.bytegroupZstd ? width !== 2 && width !== 4 : width !== 0) {
            throw new SnapshotFormatError('E_CORRUPT', `block ${i} has an invalid element width ${width}`);
        }
        blocks[i] = { offset, storedLength, rawLength, codec, width, sha256: Buffer.from(buf.subarray(at + 24, at + 56)) };
        expectedOffset = offset + storedLength;
    }
    if (expectedOffset !== t.entriesOffset)
        throw new SnapshotFormatError('E_CORRUPT', 'blocks do not fill the block area');
    const table = buf.subarray(at, at + t.chunkCount * CHUNK_RECORD_SIZE);
    for (let i = 0, c = 0; i < t.chunkCount; i++, c += CHUNK_RECORD_SIZE) {
        if (i > 0 && table.compare(table, c - CHUNK_RECORD_SIZE, c - CHUNK_RECORD_SIZE + 32, c, c + 32) <= 0) {
            throw new SnapshotFormatError('E_CORRUPT', 'chunk index is not sorted or has duplicates');
        }
        const owner = blocks[table.readUInt32LE(c + 32)];
        if (owner === undefined || table.readUInt32LE(c + 36) + table.readUInt32LE(c + 40) > owner.rawLength) {
            throw new SnapshotFormatError('E_CORRUPT', `chunk ${i} points outside its block`);
        }
    }
    return { blocks, chunks: new ChunkTable(table, t.chunkCount) };
}
/**
 * Chunk numbers grouped by the block that holds them (a counting sort over the table, two flat
 * arrays however many blocks): block i's chunks are `order[start[i]]` … `order[start[i + 1] - 1]`.
 */
function chunksByBlock(blockCount, chunks) {
    const start = new Uint32Array(blockCount + 1);
    for (let k = 0; k < chunks.length; k++)
        start[chunks.blockOf(k) + 1]++;
    for (let b = 0; b < blockCount; b++)
        start[b + 1] = start[b + 1] + start[b];
    const order = new Uint32Array(chunks.length);
    const fill = start.slice(0, blockCount);
    for (let k = 0; k < chunks.length; k++) {
        const b = chunks.blockOf(k);
        order[fill[b]] = k;
        fill[b] = fill[b] + 1;
    }
    return { start, order };
}

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
/** Node's (zlib's) smallest accepted output chunk. */
const MIN_CHUNK_SIZE = 64;
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
/** Node's zstd decoder on `stored`, its errors as the snapshot's: corrupt data or a size past what was declared. */
function decompressChecked(stored, options, what) {
    try {
        return zstdDecompressSync(stored, options);
    }
    catch (error) {
        const reason = error.code === 'ERR_BUFFER_TOO_LARGE' ? 'decompresses past its declared size' : 'is not valid zstd data';
        throw new SnapshotFormatError('E_CORRUPT', `${what} ${reason}: the snapshot is corrupt`);
    }
}
/** Decompresses at most `rawLength` bytes: a frame that claims or yields more is an error, not an allocation. */
function zstdDecompress(stored, rawLength, what) {
    // chunkSize near the real size makes Node's zstd much faster on incompressible data; it is
    // capped so a hostile claim cannot make us allocate more than that up front.
    const out = decompressChecked(stored, { maxOutputLength: Math.max(rawLength, 1), chunkSize: Math.min(Math.max(rawLength, 1024), DECODE_CHUNK_CAP) }, what);
    if (out.length !== rawLength)
        throw new SnapshotFormatError('E_CORRUPT', `${what} decompressed to ${out.length} bytes, expected ${rawLength}`);
    return out;
}
/**
 * The first bytes of a zstd frame's output, decoded from a prefix of the frame: everything its
 * complete internal blocks hold (zstd decodes a cut frame up to where it was cut). At most
 * `rawLength` bytes; the caller checks it got as many as it needs.
 */
function zstdDecompressPrefix(storedPrefix, rawLength, expected, what) {
    // Node refuses a chunkSize under 64 bytes (zlib's minimum), which a block of a few small files can be.
    const chunkSize = Math.max(MIN_CHUNK_SIZE, Math.min(Math.max(expected, 1024), rawLength, DECODE_CHUNK_CAP));
    return decompressChecked(storedPrefix, { maxOutputLength: Math.max(rawLength, 1), chunkSize, finishFlush: constants.ZSTD_e_continue }, what);
}
function encodeBlock(raw, codec, width, level, scratch) {
    switch (codec) {
        case format_Codec.none:
            return Buffer.from(raw.buffer, raw.byteOffset, raw.length);
        case format_Codec.zstd:
            return zstdCompress(raw, level);
        case format_Codec.bytegroupZstd:
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
        throw new errors_OperationError('E_CHANGED', `${path} changed while the snapshot was being taken; capture after the build has finished`);
    }
    return fd;
}
function readFully(fd, buf, length, position, path) {
    let done = 0;
    while (done < length) {
        const n = (0,external_node_fs_namespaceObject.readSync)(fd, buf, done, length - done, position + done);
        if (n === 0)
            throw new errors_OperationError('E_CHANGED', `${path} became shorter while the snapshot was being taken`);
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
    const raw = job.codec === format_Codec.none ? Buffer.from(new ArrayBuffer(job.rawLength)) : scratch.rawBuffer(job.rawLength);
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

;// CONCATENATED MODULE: ./src/snapshot/worker.ts
/** Worker-thread entry: runs capture and directory-diff tasks sent by `TaskPool`. Bundled to dist/worker.js. */






/**
 * A Buffer whose ArrayBuffer can be transferred. Small Buffers live in Node's shared pool, which
 * cannot be transferred: those are copied, which costs little at their size. Large ones own their
 * ArrayBuffer (possibly with spare room at the end) and go as they are.
 */
function transferable(buf) {
    if (buf.buffer.byteLength >= 64 * 1024)
        return buf;
    const copy = Buffer.from(new ArrayBuffer(buf.length));
    buf.copy(copy);
    return copy;
}
const port = external_node_worker_threads_namespaceObject.parentPort;
if (port !== null) {
    const scratch = Buffer.allocUnsafeSlow(SCRATCH_BYTES);
    const packScratch = new PackScratch();
    port.on('message', (request) => {
        try {
            if (request.kind === 'hash') {
                port.postMessage({ id: request.id, kind: 'hash', result: hashFiles(request.files, scratch) });
            }
            else if (request.kind === 'walk') {
                port.postMessage({ id: request.id, kind: 'walk', result: packWalk(request.root, walkTree(request.root, compileGlobs(request.patterns))) });
            }
            else if (request.kind === 'dirpair') {
                port.postMessage({ id: request.id, kind: 'dirpair', result: walkDirPair(request.task, scratch) });
            }
            else {
                const { stored, sha256 } = packBlock(request.job, packScratch);
                // The segments' bytes came as copies; nothing here holds them any longer.
                releaseSegmentData(request.job);
                const owned = transferable(stored);
                const buffer = owned.buffer;
                const digest = new Uint8Array(sha256).buffer;
                port.postMessage({ id: request.id, kind: 'pack', stored: buffer, byteOffset: owned.byteOffset, byteLength: owned.byteLength, sha256: digest }, [buffer, digest]);
            }
        }
        catch (error) {
            const e = error;
            port.postMessage({
                id: request.id,
                kind: 'error',
                error: { name: e.name ?? 'Error', code: e.code, message: e.message ?? String(error) },
            });
        }
    });
}

