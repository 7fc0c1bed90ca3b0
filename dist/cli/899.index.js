export const id = 899;
export const ids = [899];
export const modules = {

/***/ 6557:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   J: () => (/* binding */ isExecutableFile)
/* harmony export */ });
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/** Whether a path names a regular file this process may execute, as a shell's PATH search decides. */

function isExecutableFile(file) {
    try {
        if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(file).isFile())
            return false;
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.accessSync)(file, node_fs__WEBPACK_IMPORTED_MODULE_0__.constants.X_OK);
        return true;
    }
    catch {
        return false;
    }
}


/***/ }),

/***/ 6899:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  oq: () => (/* binding */ findExecutable),
  cA: () => (/* binding */ parseProbeList),
  bB: () => (/* binding */ probeToolchains)
});

// UNUSED EXPORTS: DEFAULT_PROBES, DEFAULT_PROBE_TIMEOUT_MS, PROBE_CONCURRENCY, formatVersion, ownBinDirectory

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/snapshot/metadata/commands.ts
var commands = __webpack_require__(576);
// EXTERNAL MODULE: ./src/snapshot/metadata/lockfiles.ts
var lockfiles = __webpack_require__(1010);
// EXTERNAL MODULE: ./src/snapshot/metadata/executable-file.ts
var executable_file = __webpack_require__(6557);
;// CONCATENATED MODULE: ./src/snapshot/metadata/node-script-versions.ts
/**
 * Versions read instead of run: npm, pnpm, yarn (classic) and tsc are Node scripts whose
 * `--version` prints their own package's version, so that package's package.json says what they
 * would print without a Node start (~0.3 s of CPU each). Whenever anything is not exactly as
 * expected the answer is null and the probe runs the tool as before.
 */



const SEMVER = /^\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;
/** How far above the executable its package.json may be (`bin/npm-cli.js`, `dist/bin/x.js`). */
const PACKAGE_DEPTH = 3;
/**
 * pnpm switches to the version a project's `packageManager` (or `devEngines`) names; yarn classic
 * also hands over to a `yarn-path` from any of its rc files, and reads YARN_* settings.
 */
const NODE_SCRIPT_TOOLS = new Map([
    ['npm', { packageName: 'npm', print: (v) => v }],
    ['pnpm', { packageName: 'pnpm', print: (v) => v, switchesVersion: projectPinsPackageManager }],
    ['yarn', { packageName: 'yarn', print: (v) => v, switchesVersion: (c) => projectPinsPackageManager(c) || yarnConfigured(c) }],
    ['tsc', { packageName: 'typescript', print: (v) => `Version ${v}` }],
]);
/**
 * The text `<name> --version` would print, read from the package the executable `real` (a
 * realpath) belongs to; null when that is not certain.
 */
function readNodeScriptVersion(name, real, context) {
    const tool = NODE_SCRIPT_TOOLS.get(name);
    if (tool === undefined || !runsUnderNode(real, context))
        return null;
    const pkg = owningPackage(real);
    if (pkg === null || pkg.json.name !== tool.packageName)
        return null;
    const version = pkg.json.version;
    if (typeof version !== 'string' || !SEMVER.test(version))
        return null;
    if (!declaresBin(pkg.json.bin, name, tool.packageName, pkg.dir, real))
        return null;
    if (tool.switchesVersion?.(context) === true)
        return null;
    return tool.print(version);
}
/** A script the kernel would start with a `node` that exists: `#!/usr/bin/env node` or `#!/abs/node`. */
function runsUnderNode(file, context) {
    const words = readShebang(file)?.split(/[ \t]+/).filter((w) => w !== '');
    if (words === undefined)
        return false;
    const [interpreter, ...args] = words;
    if (interpreter === undefined || !(0,external_node_path_.isAbsolute)(interpreter))
        return false;
    if (interpreter.endsWith('/env'))
        return args.length === 1 && args[0] === 'node' && (0,executable_file/* isExecutableFile */.J)(interpreter) && context.isOnPath('node');
    return args.length === 0 && /\/node[0-9.]*$/.test(interpreter) && (0,executable_file/* isExecutableFile */.J)(interpreter);
}
function readShebang(file) {
    let fd;
    try {
        fd = (0,external_node_fs_.openSync)(file, 'r');
    }
    catch {
        return null;
    }
    try {
        const head = Buffer.alloc(256);
        const text = head.subarray(0, (0,external_node_fs_.readSync)(fd, head, 0, head.length, 0)).toString('latin1');
        const end = text.indexOf('\n');
        if (!text.startsWith('#!') || end === -1)
            return null;
        return text.slice(2, end).replace(/\r$/, '').trim();
    }
    catch {
        return null;
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
/** The nearest package.json above `file`, parsed; null when there is none close by or it is not JSON. */
function owningPackage(file) {
    let dir = (0,external_node_path_.dirname)(file);
    for (let depth = 0; depth < PACKAGE_DEPTH; depth++) {
        const json = readPackageJson((0,external_node_path_.join)(dir, 'package.json'));
        if (json !== undefined)
            return json === null ? null : { dir, json };
        const up = (0,external_node_path_.dirname)(dir);
        if (up === dir)
            break;
        dir = up;
    }
    return null;
}
/** undefined: no such file; null: there but unreadable or not a JSON object. */
function readPackageJson(file) {
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(file, 'utf8');
    }
    catch (error) {
        return error.code === 'ENOENT' ? undefined : null;
    }
    try {
        const json = JSON.parse(text);
        return typeof json === 'object' && json !== null && !Array.isArray(json) ? json : null;
    }
    catch {
        return null;
    }
}
/** Whether the package's `bin` names `command` as exactly the script `real`. */
function declaresBin(bin, command, packageName, dir, real) {
    let target;
    if (typeof bin === 'string')
        target = command === packageName ? bin : undefined;
    else if (typeof bin === 'object' && bin !== null && Object.hasOwn(bin, command))
        target = bin[command];
    if (typeof target !== 'string' || target === '')
        return false;
    try {
        return (0,external_node_fs_.realpathSync)((0,external_node_path_.resolve)(dir, target)) === real;
    }
    catch {
        return false;
    }
}
/** A package.json from the working directory up that names a package manager version. */
function projectPinsPackageManager({ cwd }) {
    for (const dir of selfAndAncestors(cwd)) {
        const json = readPackageJson((0,external_node_path_.join)(dir, 'package.json'));
        if (json === null)
            return true;
        if (json !== undefined && (json.packageManager !== undefined || json.devEngines !== undefined))
            return true;
    }
    return false;
}
/** Any yarn classic setting: a YARN_* variable, an rc file where yarn looks for one, a .yarnrc.yml. */
function yarnConfigured({ env, cwd }) {
    if (Object.keys(env).some((key) => /^yarn_/i.test(key)))
        return true;
    const files = ['/etc/yarn/config', '/etc/yarnrc'];
    const home = env.HOME;
    if (home !== undefined && home !== '') {
        files.push((0,external_node_path_.join)(home, '.config', 'yarn', 'config'), (0,external_node_path_.join)(home, '.config', 'yarn'), (0,external_node_path_.join)(home, '.yarn', 'config'), (0,external_node_path_.join)(home, '.yarnrc'), (0,external_node_path_.join)(home, '.yarnrc.yml'));
    }
    for (const dir of selfAndAncestors(cwd))
        files.push((0,external_node_path_.join)(dir, '.yarnrc'), (0,external_node_path_.join)(dir, '.yarnrc.yml'));
    return files.some((file) => {
        try {
            return (0,external_node_fs_.statSync)(file).isFile();
        }
        catch (error) {
            // Only a file that is surely absent is no setting.
            return error.code !== 'ENOENT' && error.code !== 'ENOTDIR';
        }
    });
}
function selfAndAncestors(start) {
    const dirs = [start];
    for (let dir = start, up = (0,external_node_path_.dirname)(dir); up !== dir; dir = up, up = (0,external_node_path_.dirname)(dir))
        dirs.push(up);
    return dirs;
}

;// CONCATENATED MODULE: ./src/snapshot/metadata/pyenv-shims.ts
/**
 * pyenv shims, seen through: a shim is a bash script that runs `pyenv exec`, which costs ~0.25 s
 * before the interpreter starts, and every shim has the same bytes whichever Python it selects.
 * When the version pyenv would select is certain, the probe runs that version's executable the way
 * `pyenv exec` does and records its realpath and digest; otherwise it runs the shim as before.
 */




/** Longer than any shim pyenv writes (~400 bytes). */
const SHIM_MAX_BYTES = 4096;
/** A single version name: `3.12.1`, `pypy3.10-7.3.15`, a virtualenv's name. Not `a:b`, not a path. */
const VERSION_NAME = /^[A-Za-z0-9][A-Za-z0-9._+-]*$/;
const HOOKED_COMMANDS = ['version-name', 'which', 'exec'];
const SYSTEM_HOOK_DIRS = ['/usr/etc/pyenv.d', '/usr/local/etc/pyenv.d', '/etc/pyenv.d', '/usr/lib/pyenv/hooks'];
/** pyenv-virtualenv's `which` hooks only act when the selected version lacks the command, and a target needs it. */
const VIRTUALENV_WHICH_HOOKS = ['conda.bash', 'python-config.bash', 'system-site-packages.bash'];
/**
 * What pyenv would run for the shim `found` (a file PATH resolved), or null when that is not
 * certain: not a shim of this PYENV_ROOT, a version that is `system`, several, missing or a
 * prefix pyenv resolves itself, an unknown hook, PYENV_DIR or PYENV_DEBUG set.
 */
function resolvePyenvShim(found, env, cwd) {
    const root = pyenvRoot(env);
    if (root === null || (0,external_node_path_.dirname)(found) !== (0,external_node_path_.join)(root, 'shims'))
        return null;
    if (nonEmpty(env.PYENV_DIR) || nonEmpty(env.PYENV_DEBUG))
        return null;
    const pyenv = readShim(found, root);
    if (pyenv === null)
        return null;
    const version = selectedVersion(root, env, cwd);
    if (version === null || !isDirectory((0,external_node_path_.join)(root, 'versions', version)))
        return null;
    const executable = (0,external_node_path_.join)(root, 'versions', version, 'bin', (0,external_node_path_.basename)(found));
    if (!(0,executable_file/* isExecutableFile */.J)(executable) || !hooksAreInert(root, pyenv, env))
        return null;
    return {
        executable,
        version,
        env: { ...env, PYENV_ROOT: root, PYENV_VERSION: version, PATH: nonEmpty(env.PATH) ? `${(0,external_node_path_.dirname)(executable)}:${env.PATH}` : (0,external_node_path_.dirname)(executable) },
    };
}
function nonEmpty(value) {
    return value !== undefined && value !== '';
}
/** `$PYENV_ROOT` without trailing slashes, else `~/.pyenv`, as pyenv itself decides. */
function pyenvRoot(env) {
    if (nonEmpty(env.PYENV_ROOT)) {
        const root = env.PYENV_ROOT.replace(/\/+$/, '');
        return (0,external_node_path_.isAbsolute)(root) ? root : null;
    }
    const home = nonEmpty(env.HOME) ? env.HOME : (0,external_node_os_.homedir)();
    return (0,external_node_path_.isAbsolute)(home) ? (0,external_node_path_.join)(home, '.pyenv') : null;
}
/**
 * The pyenv executable a shim of `root` hands over to; null when `file` is not such a shim, line
 * by line: `pyenv rehash` writes them from one template, and any other line could do anything.
 */
function readShim(file, root) {
    let text;
    try {
        if ((0,external_node_fs_.statSync)(file).size > SHIM_MAX_BYTES)
            return null;
        text = (0,external_node_fs_.readFileSync)(file, 'utf8');
    }
    catch {
        return null;
    }
    const lines = text.split('\n').map((line) => line.trim()).filter((line) => line !== '');
    if (lines[0] !== '#!/usr/bin/env bash')
        return null;
    const ownRoot = `export PYENV_ROOT=${JSON.stringify(root)}`;
    let pyenv = null;
    let exportsRoot = false;
    let namesProgram = false;
    for (const line of lines.slice(1)) {
        const exec = /^exec "(\/[^"$`\\]+\/pyenv)" exec "\$program" "\$@"$/.exec(line);
        if (exec !== null && pyenv === null)
            pyenv = exec[1] ?? null;
        else if (line === ownRoot)
            exportsRoot = true;
        else if (line === 'program="${0##*/}"')
            namesProgram = true;
        else if (!INERT_SHIM_LINES.some((pattern) => pattern.test(line)))
            return null;
    }
    return exportsRoot && namesProgram ? pyenv : null;
}
/** The shim's other lines: strict mode, debug tracing (PYENV_DEBUG is refused), and the shim-path bookkeeping that only matters for `system`. */
const INERT_SHIM_LINES = [
    /^#/,
    /^set -e$/,
    /^\[ -n "\$PYENV_DEBUG" \] && set -x$/,
    /^SHIM_PATH=\$\{0%\/\*\}$/,
    /^if \[\[ \$SHIM_PATH != "[^"$`\\]+" \]\]; then$/,
    /^export _PYENV_SHIM_PATH="\$SHIM_PATH"$/,
    /^fi$/,
];
/**
 * The one version pyenv would select: PYENV_VERSION, else the nearest `.python-version` from the
 * working directory up (as the shell sees that directory), else `$PYENV_ROOT/version`. null for
 * `system`, several versions, an unreadable or empty file, or a name that is not a plain version.
 */
function selectedVersion(root, env, cwd) {
    const names = nonEmpty(env.PYENV_VERSION) ? env.PYENV_VERSION.split(':') : readVersionFile(versionFile(root, env, cwd));
    if (names === null || names.length !== 1)
        return null;
    const [name] = names;
    return name !== undefined && name !== 'system' && VERSION_NAME.test(name) ? name : null;
}
function versionFile(root, env, cwd) {
    const start = shellDirectory(cwd, env);
    if (start === null)
        return null;
    for (let dir = start;; dir = (0,external_node_path_.dirname)(dir)) {
        const file = (0,external_node_path_.join)(dir, '.python-version');
        try {
            if ((0,external_node_fs_.statSync)(file).isFile())
                return file;
        }
        catch (error) {
            if (error.code !== 'ENOENT' && error.code !== 'ENOTDIR')
                return null;
        }
        if ((0,external_node_path_.dirname)(dir) === dir)
            return (0,external_node_path_.join)(root, 'version');
    }
}
/**
 * The working directory as bash names it: an inherited $PWD that is this directory (bash keeps
 * the symlinked path the user cd'ed through), else the physical path. pyenv walks that name up.
 */
function shellDirectory(cwd, env) {
    try {
        const here = (0,external_node_fs_.statSync)(cwd);
        const pwd = env.PWD;
        if (nonEmpty(pwd) && (0,external_node_path_.isAbsolute)(pwd)) {
            const there = (0,external_node_fs_.statSync)(pwd);
            if (there.dev === here.dev && there.ino === here.ino) {
                const name = pwd.length > 1 ? pwd.replace(/\/+$/, '') : pwd;
                // With `.`, `..` or `//` in it bash canonicalizes the name against the file system: leave that to pyenv.
                return (0,external_node_path_.normalize)(name) === name ? name : null;
            }
        }
        return (0,external_node_fs_.realpathSync)(cwd);
    }
    catch {
        return null;
    }
}
/** The version names a version file lists: the first word of each line, comments and blank lines skipped. */
function readVersionFile(file) {
    if (file === null)
        return null;
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(file, 'utf8');
    }
    catch {
        return null;
    }
    const names = [];
    for (const line of text.split('\n')) {
        // pyenv reads at most 1024 characters at a time; a longer line is not a version name anyway.
        if (line.length > 1000)
            return null;
        const word = line.trim().split(/[ \t\r]+/)[0] ?? '';
        if (word === '' || word.startsWith('#'))
            continue;
        names.push(word);
    }
    return names.length === 0 ? null : names;
}
/**
 * Whether every hook pyenv would source for version-name, which and exec is one known not to
 * change what a version command prints: pyenv's own pip-rehash (it runs the same pip, and
 * rehashes only after an install) and pyenv-virtualenv's `which` fallbacks.
 */
function hooksAreInert(root, pyenv, env) {
    let prefix;
    try {
        prefix = (0,external_node_path_.dirname)((0,external_node_path_.dirname)((0,external_node_fs_.realpathSync)(pyenv)));
    }
    catch {
        return false;
    }
    const own = [(0,external_node_path_.join)(root, 'pyenv.d'), (0,external_node_path_.join)(prefix, 'pyenv.d')];
    const virtualenv = (0,external_node_path_.join)(root, 'plugins', 'pyenv-virtualenv', 'etc', 'pyenv.d');
    const plugins = listDirectory((0,external_node_path_.join)(root, 'plugins'));
    if (plugins === null)
        return false;
    const dirs = [
        ...(env.PYENV_HOOK_PATH ?? '').split(':').filter((d) => d !== ''),
        ...own,
        ...SYSTEM_HOOK_DIRS,
        ...plugins.map((plugin) => (0,external_node_path_.join)(root, 'plugins', plugin, 'etc', 'pyenv.d')),
    ];
    for (const dir of dirs) {
        for (const command of HOOKED_COMMANDS) {
            const hooks = listDirectory((0,external_node_path_.join)(dir, command));
            if (hooks === null)
                return false;
            for (const hook of hooks.filter((h) => h.endsWith('.bash') && !h.startsWith('.'))) {
                const inert = (command === 'exec' && hook === 'pip-rehash.bash' && own.includes(dir)) ||
                    (command === 'which' && VIRTUALENV_WHICH_HOOKS.includes(hook) && dir === virtualenv);
                if (!inert)
                    return false;
            }
        }
    }
    return true;
}
/** Entry names; [] when the directory does not exist; null when it cannot be read. */
function listDirectory(dir) {
    try {
        return (0,external_node_fs_.readdirSync)(dir);
    }
    catch (error) {
        const code = error.code;
        return code === 'ENOENT' || code === 'ENOTDIR' ? [] : null;
    }
}
function isDirectory(path) {
    try {
        return (0,external_node_fs_.statSync)(path).isDirectory();
    }
    catch {
        return false;
    }
}

;// CONCATENATED MODULE: ./src/snapshot/metadata/toolchains.ts
/**
 * Toolchain probes: for each tool, the executable PATH resolves to, its real path and digest, and
 * the version text it prints. A tool that is not on PATH costs no process.
 */








/**
 * Generous: a probe that times out records an error instead of a version, and that alone would
 * show as toolchain drift. JVMs and npm take seconds to start on a loaded 2-core runner.
 */
const DEFAULT_PROBE_TIMEOUT_MS = 20_000;
/** Probes running at once: a dozen JVMs and compilers started together on two cores starve each other. */
const PROBE_CONCURRENCY = 2 * (0,external_node_os_.availableParallelism)();
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
/**
 * Probes that take longest start first, so the last to finish is not a slow one started late
 * (a JVM, pip importing itself, a Node script). Measured by hand on this project's 2-core VM:
 * pip ~0.8 s, mvn 0.3, python shims 0.25, javac 0.24, npm 0.21, node and java 0.1, the rest less.
 * (npm and tsc usually need no process now, and pyenv shims are run past; the order still holds
 * when they do.) Results are sorted by name whatever the order they ran in.
 */
const SLOW_FIRST = ['gradle', 'pip', 'mvn', 'dotnet', 'swift', 'python3', 'python', 'javac', 'tsc', 'npm', 'pnpm', 'yarn', 'node', 'java'];
function startOrder(name) {
    const rank = SLOW_FIRST.indexOf(name);
    return rank === -1 ? SLOW_FIRST.length : rank;
}
/**
 * vitsnap's own dependencies' executables: `<its package root>/node_modules/.bin`, found from the
 * running script. In vitsnap's checkout npm scripts put that first on PATH, and its pinned `node`
 * (node@24) is not the project's toolchain. A project that installs vitsnap keeps its own
 * `node_modules/.bin` (its tsc, its esbuild): that is a different directory.
 */
function ownBinDirectory(script = process.argv[1]) {
    if (script === undefined || script === '')
        return null;
    let dir;
    try {
        dir = (0,external_node_path_.dirname)((0,external_node_fs_.realpathSync)(script));
    }
    catch {
        return null;
    }
    for (let depth = 0; depth < 8; depth++) {
        try {
            const pkg = JSON.parse((0,external_node_fs_.readFileSync)((0,external_node_path_.join)(dir, 'package.json'), 'utf8'));
            if (pkg.name === 'snapshot-action')
                return (0,external_node_path_.join)(dir, 'node_modules', '.bin');
        }
        catch {
            // no package.json here, or not ours: keep walking up
        }
        const up = (0,external_node_path_.dirname)(dir);
        if (up === dir)
            break;
        dir = up;
    }
    return null;
}
function withoutDirs(pathList, dirs) {
    if (pathList === undefined || dirs.length === 0)
        return pathList;
    return pathList
        .split(external_node_path_.delimiter)
        .filter((d) => !dirs.includes(d.replace(/[\\/]+$/, '')))
        .join(external_node_path_.delimiter);
}
/**
 * The tools a user asked for (`--probes`, the `probes` input), items already split: none means
 * the default list (null), `none` alone means no probes ([]); a name that is not a bare command
 * name is refused with `code`, naming `what`.
 */
function parseProbeList(items, what, code) {
    const names = items.map((s) => s.trim()).filter((s) => s !== '');
    if (names.length === 0)
        return null;
    if (names.length === 1 && names[0] === 'none')
        return [];
    for (const name of names) {
        if (!PROBE_NAME.test(name) || name === 'none') {
            throw new errors/* OperationError */.OK(code, `${what}: ${JSON.stringify(name)} is not a tool name; give bare command names such as gcc,node (or 'none' alone for no probes)`);
        }
    }
    return [...new Set(names)];
}
/** Probes the tools a few at a time; results sorted by name. Throws only for an invalid tool name. */
async function probeToolchains(options = {}) {
    const names = [...new Set(options.names ?? DEFAULT_PROBES)].sort(commands/* compareText */.n6);
    for (const name of names) {
        if (!PROBE_NAME.test(name)) {
            throw new errors/* OperationError */.OK('E_USAGE', `toolchain probe ${JSON.stringify(name)} is not a command name; use bare names such as "gcc" or "g++", without paths`);
        }
    }
    const given = options.env ?? process.env;
    const own = ownBinDirectory();
    const path = withoutDirs(given.PATH, options.excludeDirs ?? (own === null ? [] : [own]));
    const env = path === undefined ? given : { ...given, PATH: path };
    const context = {
        env,
        cwd: options.cwd,
        timeoutMs: options.timeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS,
        signal: options.signal,
        runner: options.runner ?? commands/* runFile */.y6,
    };
    const results = new Array(names.length);
    const order = names.map((_, i) => i).sort((x, y) => startOrder(names[x]) - startOrder(names[y]) || x - y);
    let next = 0;
    // Each probe's timeout starts when it starts, not while it waits for a slot.
    const lane = async () => {
        for (let k = next++; k < order.length && options.signal?.aborted !== true; k = next++) {
            const i = order[k];
            results[i] = await probeToolchain(names[i], context);
        }
    };
    await Promise.all(Array.from({ length: Math.min(PROBE_CONCURRENCY, names.length) }, lane));
    return results;
}
async function probeToolchain(name, context) {
    const { env, timeoutMs, signal } = context;
    const args = VERSION_ARGS[name] ?? ['--version'];
    const command = [name, ...args].join(' ');
    const found = findExecutable(name, env.PATH);
    if (found === null)
        return { name, command, found: false };
    const probe = { name, command, found: true, path: found };
    const cwd = context.cwd ?? currentDirectory();
    // A pyenv shim is recorded as what it runs: its own bytes are the same for every Python.
    const shim = cwd === null ? null : resolvePyenvShim(found, env, cwd);
    const executable = shim?.executable ?? found;
    let real;
    let unreadable;
    try {
        real = (0,external_node_fs_.realpathSync)(executable);
    }
    catch (error) {
        unreadable = error;
    }
    const known = real === undefined || shim !== null || cwd === null
        ? null
        : readNodeScriptVersion(name, real, { env, cwd, isOnPath: (c) => findExecutable(c, env.PATH) !== null });
    // Run by the PATH name, not the realpath: multi-call binaries (rustup's proxies, busybox) dispatch on argv[0].
    // A pyenv shim's target is run by the path `pyenv exec` runs it by. Started first so the tool runs while its binary is hashed.
    const running = known === null
        ? context.runner(executable, args, { cwd: context.cwd, env: shim?.env ?? env, timeoutMs, signal })
        : Promise.resolve({ stdout: known, stderr: '', exitCode: 0 });
    try {
        if (real === undefined)
            throw unreadable;
        probe.realpath = real;
        probe.sha256 = await (0,lockfiles/* sha256FileAsync */.es)(real);
    }
    catch (error) {
        probe.error = `cannot read ${executable}: ${error.code ?? String(error)}`;
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
/** null when the working directory is gone: then only running a tool tells what it would do. */
function currentDirectory() {
    try {
        return process.cwd();
    }
    catch {
        return null;
    }
}
/**
 * The first executable regular file named `name` in the absolute directories of `pathList`.
 * Empty and relative entries are skipped: they would resolve against whatever the cwd is. On
 * Windows PATH is `;`-separated, files have no execute bit, and `gcc` is found as `gcc.exe`: each
 * PATHEXT extension is tried, as cmd.exe does.
 */
function findExecutable(name, pathList, platform = process.platform, pathExt = process.env.PATHEXT) {
    const windows = platform === 'win32';
    if (pathList === undefined || name.includes('/') || (windows && name.includes('\\')))
        return null;
    const names = windows ? [name, ...(pathExt || '.COM;.EXE;.BAT;.CMD').split(';').filter((e) => e !== '').map((e) => `${name}${e}`)] : [name];
    for (const dir of pathList.split(windows ? ';' : external_node_path_.delimiter)) {
        if (dir === '' || !(windows ? external_node_path_.win32.isAbsolute(dir) : (0,external_node_path_.isAbsolute)(dir)))
            continue;
        for (const file of names) {
            const candidate = (0,external_node_path_.join)(dir, file);
            try {
                if (!(0,external_node_fs_.statSync)(candidate).isFile())
                    continue;
                if (!windows)
                    (0,external_node_fs_.accessSync)(candidate, external_node_fs_.constants.X_OK);
                return candidate;
            }
            catch {
                // Not here, or not executable: keep walking PATH like a shell does.
            }
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


/***/ })

};
