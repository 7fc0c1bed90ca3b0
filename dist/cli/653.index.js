export const id = 653;
export const ids = [653];
export const modules = {

/***/ 8653:
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
// EXTERNAL MODULE: ./src/snapshot/capture.ts + 1 modules
var capture = __webpack_require__(7777);
// EXTERNAL MODULE: ./src/snapshot/globs.ts
var globs = __webpack_require__(5251);
// EXTERNAL MODULE: ./src/snapshot/metadata/commands.ts
var metadata_commands = __webpack_require__(576);
// EXTERNAL MODULE: ./src/snapshot/format.ts
var format = __webpack_require__(6957);
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
    const git = (args) => runGit(root, args, env, options);
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
    return (await runGit(root, ['rev-parse', '--show-toplevel'], env, options)) || null;
}
/** Trimmed stdout of a successful git command, null on any failure. */
async function runGit(cwd, args, env, options) {
    // Optional locks off: `git status` must not write the index while a build may be using the repo.
    const result = await (0,metadata_commands/* runFile */.y6)('git', args, { cwd, env: { ...env, GIT_OPTIONAL_LOCKS: '0' }, timeoutMs: options.timeoutMs ?? DEFAULT_GIT_TIMEOUT_MS, signal: options.signal });
    return result.error === undefined ? result.stdout.trim() : null;
}

// EXTERNAL MODULE: ./src/snapshot/metadata/lockfiles.ts
var metadata_lockfiles = __webpack_require__(1010);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
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

// EXTERNAL MODULE: ./src/snapshot/metadata/toolchains.ts + 2 modules
var metadata_toolchains = __webpack_require__(6899);
;// CONCATENATED MODULE: ./src/snapshot/metadata/index.ts












/**
 * Runs every metadata probe concurrently. Throws only for invalid options (E_USAGE: a bad probe
 * name, an invalid or duplicate command name); everything else degrades to a warning or a null.
 */
async function collectMetadata(options) {
    const env = options.env ?? process.env;
    const { root, timeoutMs } = options;
    const git = { timeoutMs, signal: options.signal };
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
        : (0,metadata_commands/* runMetadataCommands */.vR)(options.commands, { cwd: root, timeoutMs, env, signal: options.signal });
    const [toolchains, source, lockfileDigests, commandOutputs] = await Promise.all([
        (0,metadata_toolchains/* probeToolchains */.bB)({ names: options.probes, timeoutMs, env, signal: options.signal }),
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
var args = __webpack_require__(4690);
// EXTERNAL MODULE: ./src/format-bytes.ts
var format_bytes = __webpack_require__(7758);
// EXTERNAL MODULE: ./src/store/add.ts
var add = __webpack_require__(5702);
// EXTERNAL MODULE: ./src/store/layout.ts
var store_layout = __webpack_require__(5891);
// EXTERNAL MODULE: ./src/commands/store.ts + 2 modules
var commands_store = __webpack_require__(8979);
// EXTERNAL MODULE: ./src/incremental/cache-files.ts + 1 modules
var cache_files = __webpack_require__(2309);
// EXTERNAL MODULE: ./src/incremental/stat-cache.ts
var stat_cache = __webpack_require__(4919);
;// CONCATENATED MODULE: ./src/incremental/reuse.ts

/**
 * How far before a capture's start a file's times must lie to be trusted. File times come from
 * the kernel's coarse clock (up to a tick, ~4-10 ms, behind the clock we read) and some
 * filesystems keep only 10 ms (exFAT), 1 s (ext3, HFS+) or 2 s (FAT): a ctime with no
 * sub-second part means such a filesystem, and the wide margin.
 */
const RACY_MARGIN_NS = 100000000n;
const COARSE_RACY_MARGIN_NS = 2000000000n;
/** Times at or after this could hide a change made after the capture that recorded them. */
function racyFrom(startNs, ctimeNs) {
    return startNs - (ctimeNs % 1000000000n === 0n ? COARSE_RACY_MARGIN_NS : RACY_MARGIN_NS);
}
/** True when `file` (walked with identity) is certainly the file `earlier` describes, unchanged. */
function isUnchanged(earlier, startNs, file) {
    const now = file.identity;
    if (now === undefined)
        return false;
    const racy = racyFrom(startNs, earlier.ctimeNs);
    return (now.ino === earlier.ino &&
        now.dev === earlier.dev &&
        file.size === earlier.size &&
        now.mtimeNs === earlier.mtimeNs &&
        now.ctimeNs === earlier.ctimeNs &&
        file.mode === earlier.mode &&
        earlier.mtimeNs < racy &&
        earlier.ctimeNs < racy);
}
/**
 * Capture's reuse hook over an earlier capture's stat cache (or none), collecting this capture's
 * records for the next one.
 */
class StatCacheReuse {
    records = new stat_cache/* StatTable */.R4();
    earlier;
    earlierStartNs;
    constructor(earlier) {
        this.earlier = earlier;
        this.earlierStartNs = earlier === null ? 0n : BigInt(earlier.meta.startNs);
    }
    get hasRecords() {
        return this.earlier !== null;
    }
    lookup(file) {
        const record = this.earlier?.files.get(file.path);
        return record !== undefined && isUnchanged(record, this.earlierStartNs, file) ? record.hashed : null;
    }
    record(file, hashed) {
        const id = file.identity;
        if (id === undefined)
            return;
        this.records.add(file.path, { dev: id.dev, ino: id.ino, size: file.size, mtimeNs: id.mtimeNs, ctimeNs: id.ctimeNs, mode: file.mode, hashed });
    }
}

;// CONCATENATED MODULE: ./src/incremental/incremental-create.ts
/**
 * `create`'s incremental capture, start to end: pick the earlier capture's stat cache (`--since`,
 * else the store's), hand capture the reuse hook, then write this capture's cache beside the
 * snapshot and into the store.
 */




function startIncremental(request) {
    if (request.rehash && request.since !== null) {
        throw new errors/* OperationError */.OK('E_USAGE', '--rehash hashes every file, --since reuses an earlier capture: drop one of them');
    }
    const scope = (0,cache_files/* captureScope */.h5)(request.root, request.patterns, request.excludeHidden);
    const loaded = request.rehash
        ? null
        : request.since !== null
            ? (0,cache_files/* loadSidecar */.st)(request.since, scope)
            : request.storeRoot !== null
                ? (0,cache_files/* loadStoreCache */.QP)(request.storeRoot, scope)
                : null;
    if (loaded?.warning != null)
        request.warn(loaded.warning);
    const cache = loaded?.cache ?? null;
    const reuse = new StatCacheReuse(cache);
    // Taken before the walk: a file changed after this moment must not be trusted by the next capture.
    const startNs = (0,cache_files/* nowNs */.Ck)();
    return {
        reuse,
        source: cache === null ? null : request.since !== null ? 'since' : 'store',
        finish(snapshot, keepSidecar, sha256) {
            const fresh = (0,cache_files/* buildCache */.D8)(scope, startNs, snapshot, reuse.records, sha256);
            const write = (target) => {
                const problem = fresh === null ? null : (0,cache_files/* writeCache */.aR)(target, fresh);
                if (problem !== null)
                    request.warn(problem);
            };
            if (keepSidecar)
                write((0,cache_files/* sidecarPath */.n8)(snapshot));
            return {
                intoStore: (storeRoot) => {
                    const path = (0,cache_files/* storeCachePath */.xp)(storeRoot, scope);
                    write(path);
                    (0,cache_files/* pruneCaches */.YX)((0,external_node_path_.dirname)(path), cache_files/* STORE_CACHES_KEPT */.xi);
                },
            };
        },
    };
}

// EXTERNAL MODULE: ./src/snapshot/reader.ts + 1 modules
var snapshot_reader = __webpack_require__(3580);
// EXTERNAL MODULE: ./src/store/records.ts
var records = __webpack_require__(2751);
// EXTERNAL MODULE: ./src/store/open.ts
var store_open = __webpack_require__(9717);
// EXTERNAL MODULE: ./src/store/sessions.ts
var sessions = __webpack_require__(1888);
// EXTERNAL MODULE: ./src/registry/connect.ts
var connect = __webpack_require__(6465);
// EXTERNAL MODULE: ./src/registry/open.ts
var registry_open = __webpack_require__(9155);
// EXTERNAL MODULE: ./src/registry/pull.ts
var pull = __webpack_require__(5504);
// EXTERNAL MODULE: ./src/delta/chain.ts
var chain = __webpack_require__(7451);
;// CONCATENATED MODULE: ./src/delta/open-parent.ts
/**
 * Opens what `create --parent` (and merge) names as the parent, with its own chain, and works out
 * the digest a delta records for it: a store record's id, a pulled registry snapshot's id, or a
 * file's SHA-256.
 */










async function openParentSnapshot(arg, options) {
    const storeDir = (0,store_layout/* defaultStoreDir */.iB)(undefined, options.env, options.cwd);
    if ((0,store_open/* isStoreRef */.Pw)(arg) || (0,registry_open/* isOciRef */.dX)(arg)) {
        const layout = (0,store_layout/* openStore */.Ch)(storeDir, (0,registry_open/* isOciRef */.dX)(arg));
        let id;
        if ((0,registry_open/* isOciRef */.dX)(arg)) {
            const ref = (0,connect/* registryReference */.r)(arg, options.env);
            const client = (0,connect/* connectRegistry */.g)(ref, options.env);
            try {
                id = (await (0,pull/* pullSnapshot */.Y2)(layout, client, ref, { onProgress: options.onProgress })).id;
            }
            finally {
                client.close();
            }
        }
        else {
            id = (0,records/* resolveRef */.qE)(layout, arg);
        }
        const session = sessions/* StoreSession */.e7.begin(layout, `read ${id.slice(0, 12)}`);
        let reader;
        try {
            reader = (0,records/* openRecord */.C6)(layout, id, arg);
            (0,records/* touchRecord */.h)(layout, id);
        }
        catch (error) {
            session.end();
            throw error;
        }
        reader.onClose = () => session.end();
        return withChain({ reader, digest: id, ref: arg }, storeDir, options.maxDepth);
    }
    const path = (0,external_node_path_.resolve)(options.cwd, arg);
    const reader = snapshot_reader/* SnapshotReader */.a.open(path);
    let digest;
    try {
        digest = (0,chain/* snapshotDigest */.he)(path);
    }
    catch (error) {
        reader.close();
        throw error;
    }
    return withChain({ reader, digest, ref: (0,external_node_path_.basename)(path) }, storeDir, options.maxDepth);
}
function withChain(parent, storeDir, maxDepth) {
    try {
        // A delta's own depth counts the new layer too: leave room for it.
        (0,chain/* resolveChain */.OW)(parent.reader, { storeDir, maxDepth: maxDepth === undefined ? undefined : maxDepth - 1 });
    }
    catch (error) {
        parent.reader.close();
        throw error;
    }
    return parent;
}

;// CONCATENATED MODULE: ./src/commands/create-run.ts
/** `vitsnap create`'s work, loaded only when create runs (capture threads, metadata probes). */





















function describeDelta(d, ref, depth) {
    const parts = [`${(0,plural/* plural */.L)(d.inherited, 'chunk')} (${(0,format_bytes/* formatBytes */.z)(d.inheritedBytes)}) from the parent`];
    if (d.patched > 0)
        parts.push(`${(0,plural/* plural */.L)(d.patched, 'chunk')} (${(0,format_bytes/* formatBytes */.z)(d.patchedBytes)}) as ${(0,format_bytes/* formatBytes */.z)(d.patchBytes)} of patches`);
    if (d.whole > 0)
        parts.push(`${(0,plural/* plural */.L)(d.whole, 'new chunk')} (${(0,format_bytes/* formatBytes */.z)(d.wholeBytes)}) stored whole`);
    return `delta on ${(0,report_escape/* escapeControls */.UN)(ref)} (chain depth ${depth}): ${parts.join(', ')}`;
}
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
        probes: { type: 'string' },
        'no-metadata': { type: 'boolean' },
        workers: { type: 'string' },
        'allow-empty': { type: 'boolean' },
        store: { type: 'string' },
        name: { type: 'string' },
        parent: { type: 'string' },
        'max-depth': { type: 'string' },
        since: { type: 'string' },
        rehash: { type: 'boolean' },
    });
    const { maxDepth } = (0,args/* chainOptions */.E3)({ 'max-depth': values['max-depth'] });
    const root = (0,external_node_path_.resolve)(ctx.cwd, values.root ?? '.');
    const toStore = values.store !== undefined || values.name !== undefined;
    const store = toStore ? (0,store_layout/* openStore */.Ch)((0,store_layout/* defaultStoreDir */.iB)(values.store, ctx.env, ctx.cwd), true) : null;
    if (values.name !== undefined)
        (0,store_layout/* checkName */.I3)(values.name);
    // Into a store without -o: the file is only a vehicle, written in the store's tmp/ and removed.
    const keepFile = store === null || values.output !== undefined;
    const output = store !== null && !keepFile ? (0,external_node_path_.join)(store.tmp, `create-${process.pid}-${Date.now()}.vitsnap`) : (0,external_node_path_.resolve)(ctx.cwd, values.output ?? 'snapshot.vitsnap');
    const patterns = positionals.flatMap((p) => (0,globs/* parsePatternList */.Y)(p));
    for (const ex of values.exclude ?? [])
        patterns.push(`!${ex.replace(/^!/, '')}`);
    const userPatterns = [...patterns];
    // Stat caches are this machine's state (inodes, times): never captured, like vitsnap's temp files.
    patterns.push(`!**/*.vitsnap${cache_files/* STAT_CACHE_SUFFIX */.ud}`);
    const relOutput = (0,external_node_path_.relative)(root, output);
    if (relOutput !== '' && !relOutput.startsWith('..') && !relOutput.startsWith('/')) {
        // Never capture the snapshot itself (or an older one at the same path), nor its stat cache.
        patterns.push(`!${relOutput.split('\\').join('/')}`, `!${relOutput.split('\\').join('/')}${cache_files/* STAT_CACHE_SUFFIX */.ud}`);
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
    if (values['no-metadata'] === true && (values['meta-cmd'] !== undefined || values['env-allowlist'] !== undefined || values.probes !== undefined)) {
        throw new errors/* OperationError */.OK('E_USAGE', '--no-metadata cannot be combined with --meta-cmd, --env-allowlist or --probes; drop one of them');
    }
    const probes = values.probes === undefined ? null : (0,metadata_toolchains/* parseProbeList */.cA)(values.probes.split(','), '--probes', 'E_USAGE');
    if (values.probes !== undefined && probes === null)
        throw new errors/* OperationError */.OK('E_USAGE', "--probes takes tool names such as gcc,node, or 'none'; leave it out for the built-in list");
    const commands = (values['meta-cmd'] ?? []).map(metadata_commands/* parseMetadataCommand */._L);
    const envAllowlist = (values['env-allowlist'] ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
    const started = Date.now();
    const metadata = values['no-metadata'] === true
        ? null
        : (signal) => collectMetadata({ root, envAllowlist, commands, env: ctx.env, probes: probes ?? undefined, signal }).then((m) => {
            for (const w of m.warnings)
                ctx.log.warn(w);
            return { metadata: m.metadata, source: m.source };
        });
    // Its start time is taken here, before the walk (a parent fetched meanwhile only widens the racy window).
    // A delta on a file made here has that file's stat cache beside it: reuse it unless told otherwise.
    const parentFile = values.parent !== undefined && !(0,store_open/* isStoreRef */.Pw)(values.parent) && !(0,registry_open/* isOciRef */.dX)(values.parent) ? (0,external_node_path_.resolve)(ctx.cwd, values.parent) : null;
    const sincePath = values.since !== undefined ? (0,external_node_path_.resolve)(ctx.cwd, values.since) : parentFile !== null && values.rehash !== true && (0,external_node_fs_.existsSync)(parentFile + cache_files/* STAT_CACHE_SUFFIX */.ud) ? parentFile : null;
    const incremental = startIncremental({
        root,
        patterns: userPatterns,
        excludeHidden: false,
        since: sincePath,
        storeRoot: store?.root ?? null,
        rehash: values.rehash === true,
        warn: (message) => ctx.log.warn(message),
    });
    const parent = values.parent === undefined ? null : await openParentSnapshot(values.parent, { cwd: ctx.cwd, env: ctx.env, maxDepth, onProgress: (done, total) => ctx.log.progress('fetching parent', done, total, 'chunk') });
    // A delta in a store needs its parents there too: the files among them are added first, bottom up.
    const parentFiles = parent === null ? [] : (0,chain/* chainOf */.dR)(parent.reader).map((r) => r.path).filter((p) => !(0,store_open/* isStoreRef */.Pw)(p) && !(0,registry_open/* isOciRef */.dX)(p) && (0,external_node_fs_.existsSync)(p)).reverse();
    let result;
    try {
        result = await (0,capture/* captureSnapshot */.d)({
            parent,
            reuse: incremental.reuse,
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
    finally {
        parent?.reader.close();
    }
    ctx.log.done();
    const cache = incremental.finish(result.output, keepFile, result.sha256);
    let stored = null;
    if (store !== null) {
        try {
            for (const file of parentFiles)
                await (0,add/* addSnapshot */.O)(store, file);
            stored = await (0,add/* addSnapshot */.O)(store, result.output, { name: values.name, verifyBlocks: false, onProgress: (p) => ctx.log.progress('storing', p.doneBlocks, p.totalBlocks, 'block') });
        }
        finally {
            if (!keepFile)
                (0,external_node_fs_.rmSync)(result.output, { force: true });
        }
        ctx.log.done();
        cache.intoStore(store.root);
    }
    for (const s of result.skipped)
        ctx.log.warn(`skipped ${(0,report_escape/* escapeControls */.UN)(s.path)}: ${s.reason}`);
    const { stats } = result.manifest;
    // --quiet: warnings and errors only; --json is an explicit request for the result, so it still prints.
    if (values.json === true) {
        const file = keepFile ? { output: result.output } : {};
        const chain = result.delta === null ? {} : { parent: result.manifest.parent, depth: result.manifest.depth, delta: result.delta };
        ctx.log.out(JSON.stringify({ ...file, size: result.size, stats, ...chain, skipped: result.skipped, reused: result.reused, ...(stored === null ? {} : { store: { root: store?.root, ...stored } }) }, null, 2));
    }
    else if (values.quiet !== true) {
        // A ratio only means something once the data outweighs the snapshot's fixed overhead.
        const ratio = stats.bytes > result.size ? ` (${(stats.bytes / result.size).toFixed(2)}×)` : '';
        const what = `${(0,plural/* plural */.L)(stats.files, 'file')}, ${(0,plural/* plural */.L)(stats.dirs, 'dir')}, ${(0,plural/* plural */.L)(stats.symlinks, 'symlink')}, ${(0,format_bytes/* formatBytes */.z)(stats.bytes)} → ${(0,format_bytes/* formatBytes */.z)(result.size)}${ratio}`;
        const took = `in ${((Date.now() - started) / 1000).toFixed(2)} s`;
        if (keepFile)
            ctx.log.out(`wrote ${(0,report_escape/* escapeControls */.UN)(displayPath(ctx.cwd, result.output))}: ${what} ${took}`);
        if (result.delta !== null && parent !== null)
            ctx.log.out(describeDelta(result.delta, parent.ref, result.manifest.depth ?? 1));
        if (stored !== null && store !== null)
            ctx.log.out(`${(0,commands_store/* describeAdd */.V)(stored, values.name, store.root)}${keepFile ? '' : ` (${what}) ${took}`}`);
        // "without hashing": a full snapshot still reads their bytes to pack them into blocks.
        if (incremental.source !== null) {
            const since = incremental.source === 'since' && sincePath !== null ? (0,report_escape/* escapeControls */.UN)(values.since ?? values.parent ?? sincePath) : 'the last capture of this tree into the store';
            ctx.log.out(`${(0,plural/* plural */.L)(result.reused, 'file')} of ${stats.files} reused without hashing (unchanged since ${since})`);
        }
    }
    return 0;
}


/***/ })

};
