export const id = 442;
export const ids = [442];
export const modules = {

/***/ 6442:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runCreate: () => (/* binding */ runCreate)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
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
;// CONCATENATED MODULE: ./src/snapshot/snapshot-tail.ts
/**
 * Writes what follows the blocks: the entries and the manifest summary (canonical JSON, zstd each),
 * the index and the trailer.
 */





/** The summary is small and read by `info`; the entry list is large and only read to restore or compare. */
const SUMMARY_LEVEL = 6;
const ENTRIES_LEVEL = 3;
const sha256 = (data) => (0,external_node_crypto_.createHash)('sha256').update(data).digest();
/**
 * `manifest` is written as given (the caller has validated it; tests forge hostile ones): its
 * `entries` become the entries section, the rest the manifest section. `chunks` are sorted here.
 * `wellFormed` entries (capture's own) take the fast serializer; forged ones the generic one.
 */
function writeSnapshotTail(out, manifest, blocks, chunks, wellFormed = false) {
    const { entries, ...summary } = manifest;
    const entriesRaw = Buffer.from(wellFormed ? (0,canonical_json/* canonicalEntriesJson */.Tb)(entries) : (0,canonical_json/* canonicalJson */.dj)(entries));
    const entriesStored = (0,codecs/* zstdCompress */.oq)(entriesRaw, ENTRIES_LEVEL);
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
    }));
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
// EXTERNAL MODULE: ./src/snapshot/task-pool.ts + 5 modules
var task_pool = __webpack_require__(1664);
// EXTERNAL MODULE: ./src/snapshot/walk.ts
var snapshot_walk = __webpack_require__(9767);
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
async function captureSnapshot(options) {
    const root = (0,external_node_path_.resolve)(options.root);
    const createdAt = createdAtFrom(options.sourceDateEpoch);
    checkOutputPath((0,external_node_path_.resolve)(options.output));
    // Threads start while we walk; small trees shut them down again and run inline.
    const eagerPool = options.workers === undefined || options.workers > 0 ? new task_pool/* TaskPool */.Y(options.workers ?? Math.min(2, (0,external_node_os_.availableParallelism)())) : null;
    // Temp files of an interrupted capture are never part of a tree's contents.
    let walk;
    try {
        // `.git` is never a build output, and `.git/config` can hold the job's token (actions/checkout
        // persists it there): never captured, whatever the patterns say.
        const always = [`!**/${atomic_file/* TEMP_MARKER */.IE}*`, '!**/.git', ...(options.excludeHidden === true ? ['!**/.*'] : [])];
        walk = (0,snapshot_walk/* walkTree */.Ir)(root, (0,globs/* compileGlobs */.t)([...options.patterns, ...always]));
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
    const collecting = typeof options.metadata === 'function' ? options.metadata() : null;
    collecting?.catch(() => undefined); // awaited below; a failure before then must not go unhandled
    const totalBytes = files.reduce((sum, f) => sum + f.size, 0);
    let pool = eagerPool ?? new task_pool/* TaskPool */.Y(0);
    if (options.workers === undefined && totalBytes < capture_pipeline/* INLINE_BELOW_BYTES */.gE) {
        await pool.close();
        pool = new task_pool/* TaskPool */.Y(0);
    }
    const workers = pool.size;
    let out;
    try {
        out = new atomic_file/* AtomicFile */.A0((0,external_node_path_.resolve)(options.output));
    }
    catch (error) {
        await pool.close();
        throw error;
    }
    try {
        const hashed = new capture_pipeline/* HashPipeline */.$C(pool, (0,capture_pipeline/* batchFiles */.ul)(files), Math.max(2, workers * 2), totalBytes, options.onProgress);
        out.write((0,format/* encodeHeader */.YS)());
        const planner = new block_planner/* BlockPlanner */.Sj();
        const entries = [];
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
            tool: { name: 'vitsnap', version: version/* VERSION */.x },
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

// EXTERNAL MODULE: ./src/snapshot/metadata/commands.ts
var metadata_commands = __webpack_require__(576);
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
    let recorded = 0;
    for (const name of [...names].sort(metadata_commands/* compareText */.n6)) {
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
        if (Buffer.byteLength(value) > format/* LIMITS */.b1.envValueBytes) {
            warnings.push(`${name} is longer than ${format/* LIMITS */.b1.envValueBytes} bytes, so it was not recorded`);
            continue;
        }
        if (recorded >= format/* LIMITS */.b1.envVariables) {
            warnings.push(`more than ${format/* LIMITS */.b1.envVariables} allowlisted variables are set; ${name} and later ones were not recorded`);
            break;
        }
        selected[name] = value;
        recorded++;
    }
    return { env: selected, warnings };
}
/** The process umask as four octal digits, e.g. `0022`. */
function readUmask() {
    try {
        const match = /^Umask:\s*([0-7]+)\s*$/m.exec((0,external_node_fs_.readFileSync)('/proc/self/status', 'utf8'));
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
    const result = await (0,metadata_commands/* runFile */.y6)('git', args, { cwd, env: { ...env, GIT_OPTIONAL_LOCKS: '0' }, timeoutMs });
    return result.error === undefined ? result.stdout.trim() : null;
}

// EXTERNAL MODULE: ./src/snapshot/metadata/lockfiles.ts
var metadata_lockfiles = __webpack_require__(1010);
;// CONCATENATED MODULE: ./src/snapshot/metadata/runner.ts
/** The machine a snapshot was captured on: OS, architecture, kernel, distribution, runner image. */


/** Where os-release(5) says to look, in order. */
const OS_RELEASE_FILES = ['/etc/os-release', '/usr/lib/os-release'];
function describeRunner(env = process.env, osReleaseFiles = OS_RELEASE_FILES) {
    const info = { os: (0,external_node_os_.platform)(), arch: (0,external_node_os_.arch)(), release: (0,external_node_os_.release)() };
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
            text = (0,external_node_fs_.readFileSync)(file, 'utf8');
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

// EXTERNAL MODULE: ./src/snapshot/metadata/toolchains.ts
var metadata_toolchains = __webpack_require__(8766);
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
            return (0,metadata_lockfiles/* digestLockfiles */.D$)(dir);
        }
        catch (error) {
            warnings.push(`lockfile digests were not recorded: ${error.message}`);
            return [];
        }
    };
    const commands = () => options.commands === undefined || options.commands.length === 0
        ? Promise.resolve([])
        : (0,metadata_commands/* runMetadataCommands */.vR)(options.commands, { cwd: root, timeoutMs, env });
    const [toolchains, source, lockfileDigests, commandOutputs] = await Promise.all([
        (0,metadata_toolchains/* probeToolchains */.bB)({ names: options.probes, timeoutMs, env }),
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

// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __webpack_require__(4031);
// EXTERNAL MODULE: ./src/report/plural.ts
var plural = __webpack_require__(1190);
// EXTERNAL MODULE: ./src/commands/args.ts
var args = __webpack_require__(2309);
// EXTERNAL MODULE: ./src/format-bytes.ts
var format_bytes = __webpack_require__(7758);
// EXTERNAL MODULE: ./src/store/add.ts
var add = __webpack_require__(5702);
// EXTERNAL MODULE: ./src/store/layout.ts
var layout = __webpack_require__(5891);
// EXTERNAL MODULE: ./src/commands/store.ts + 2 modules
var commands_store = __webpack_require__(8979);
;// CONCATENATED MODULE: ./src/commands/create-run.ts
/** `vitsnap create`'s work, loaded only when create runs (capture threads, metadata probes). */














function displayPath(cwd, path) {
    const rel = (0,external_node_path_.relative)(cwd, path);
    return rel === '' || rel.startsWith('..') ? path : rel;
}
async function runCreate(argv, ctx) {
    const { values, positionals } = (0,args/* parseCommandArgs */.Qx)('create', argv, {
        ...args/* COMMON_OPTIONS */.DT,
        root: { type: 'string', short: 'C' },
        output: { type: 'string', short: 'o' },
        exclude: { type: 'string', multiple: true },
        'meta-cmd': { type: 'string', multiple: true },
        'env-allowlist': { type: 'string' },
        'no-metadata': { type: 'boolean' },
        workers: { type: 'string' },
        'allow-empty': { type: 'boolean' },
        store: { type: 'string' },
        name: { type: 'string' },
    });
    const root = (0,external_node_path_.resolve)(ctx.cwd, values.root ?? '.');
    const toStore = values.store !== undefined || values.name !== undefined;
    const store = toStore ? (0,layout/* openStore */.Ch)((0,layout/* defaultStoreDir */.iB)(values.store, ctx.env, ctx.cwd), true) : null;
    if (values.name !== undefined)
        (0,layout/* checkName */.I3)(values.name);
    // Into a store without -o: the file is only a vehicle, written in the store's tmp/ and removed.
    const keepFile = store === null || values.output !== undefined;
    const output = store !== null && !keepFile ? (0,external_node_path_.join)(store.tmp, `create-${process.pid}-${Date.now()}.vitsnap`) : (0,external_node_path_.resolve)(ctx.cwd, values.output ?? 'snapshot.vitsnap');
    const patterns = positionals.flatMap((p) => (0,globs/* parsePatternList */.Y)(p));
    for (const ex of values.exclude ?? [])
        patterns.push(`!${ex.replace(/^!/, '')}`);
    const relOutput = (0,external_node_path_.relative)(root, output);
    if (relOutput !== '' && !relOutput.startsWith('..') && !relOutput.startsWith('/')) {
        // Never capture the snapshot itself (or an older one at the same path).
        patterns.push(`!${relOutput.split('\\').join('/')}`);
    }
    const relStore = store === null ? '' : (0,external_node_path_.relative)(root, store.root);
    if (store !== null && (relStore === '' || (!relStore.startsWith('..') && !relStore.startsWith('/')))) {
        if (relStore === '')
            throw new errors/* OperationError */.OK('E_USAGE', `the store ${store.root} is the directory being captured; keep the store outside it`);
        patterns.push(`!${relStore.split('\\').join('/')}`);
    }
    let workers;
    if (values.workers !== undefined) {
        workers = Number(values.workers);
        if (!Number.isInteger(workers) || workers < 1 || workers > 64) {
            throw new errors/* OperationError */.OK('E_USAGE', `--workers takes a whole number from 1 to 64 (got ${(0,report_escape/* escapeControls */.UN)(values.workers)}); leave it out to let vitsnap choose`);
        }
    }
    if (values['no-metadata'] === true && (values['meta-cmd'] !== undefined || values['env-allowlist'] !== undefined)) {
        throw new errors/* OperationError */.OK('E_USAGE', '--no-metadata cannot be combined with --meta-cmd or --env-allowlist; drop one of them');
    }
    const commands = (values['meta-cmd'] ?? []).map(metadata_commands/* parseMetadataCommand */._L);
    const envAllowlist = (values['env-allowlist'] ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
    const started = Date.now();
    const metadata = values['no-metadata'] === true
        ? null
        : () => collectMetadata({ root, envAllowlist, commands, env: ctx.env }).then((m) => {
            for (const w of m.warnings)
                ctx.log.warn(w);
            return { metadata: m.metadata, source: m.source };
        });
    let result;
    try {
        result = await captureSnapshot({
            root,
            patterns,
            output,
            workers,
            metadata,
            sourceDateEpoch: ctx.env.SOURCE_DATE_EPOCH,
            allowEmpty: values['allow-empty'] === true,
            onProgress: (p) => ctx.log.progress('capturing', p.doneBytes, p.totalBytes),
        });
    }
    catch (error) {
        if (!keepFile)
            (0,external_node_fs_.rmSync)(output, { force: true });
        throw error;
    }
    ctx.log.done();
    let stored = null;
    if (store !== null) {
        try {
            stored = await (0,add/* addSnapshot */.O)(store, result.output, { name: values.name, verifyBlocks: false, onProgress: (p) => ctx.log.progress('storing', p.doneBlocks, p.totalBlocks, 'block') });
        }
        finally {
            if (!keepFile)
                (0,external_node_fs_.rmSync)(result.output, { force: true });
        }
        ctx.log.done();
    }
    for (const s of result.skipped)
        ctx.log.warn(`skipped ${(0,report_escape/* escapeControls */.UN)(s.path)}: ${s.reason}`);
    const { stats } = result.manifest;
    // --quiet: warnings and errors only; --json is an explicit request for the result, so it still prints.
    if (values.json === true) {
        const file = keepFile ? { output: result.output } : {};
        ctx.log.out(JSON.stringify({ ...file, size: result.size, stats, skipped: result.skipped, ...(stored === null ? {} : { store: { root: store?.root, ...stored } }) }, null, 2));
    }
    else if (values.quiet !== true) {
        // A ratio only means something once the data outweighs the snapshot's fixed overhead.
        const ratio = stats.bytes > result.size ? ` (${(stats.bytes / result.size).toFixed(2)}×)` : '';
        const what = `${(0,plural/* plural */.L)(stats.files, 'file')}, ${(0,plural/* plural */.L)(stats.dirs, 'dir')}, ${(0,plural/* plural */.L)(stats.symlinks, 'symlink')}, ${(0,format_bytes/* formatBytes */.z)(stats.bytes)} → ${(0,format_bytes/* formatBytes */.z)(result.size)}${ratio}`;
        const took = `in ${((Date.now() - started) / 1000).toFixed(2)} s`;
        if (keepFile)
            ctx.log.out(`wrote ${(0,report_escape/* escapeControls */.UN)(displayPath(ctx.cwd, result.output))}: ${what} ${took}`);
        if (stored !== null && store !== null)
            ctx.log.out(`${(0,commands_store/* describeAdd */.V)(stored, values.name, store.root)}${keepFile ? '' : ` (${what}) ${took}`}`);
    }
    return 0;
}


/***/ })

};
