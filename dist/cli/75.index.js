export const id = 75;
export const ids = [75];
export const modules = {

/***/ 5075:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  runRebuildCommand: () => (/* binding */ runRebuildCommand)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/compare/compare.ts + 3 modules
var compare = __webpack_require__(7924);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __webpack_require__(3916);
// EXTERNAL MODULE: ./src/report/cause-summary.ts
var cause_summary = __webpack_require__(6136);
// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __webpack_require__(4031);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(3024);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./src/compare/causes.ts + 7 modules
var causes = __webpack_require__(4495);
// EXTERNAL MODULE: ./src/compare/comparators/index.ts + 48 modules
var comparators = __webpack_require__(5472);
// EXTERNAL MODULE: ./src/compare/sources.ts + 3 modules
var sources = __webpack_require__(4271);
// EXTERNAL MODULE: ./src/interrupt.ts
var interrupt = __webpack_require__(8476);
// EXTERNAL MODULE: ./src/snapshot/capture.ts + 1 modules
var capture = __webpack_require__(7777);
;// CONCATENATED MODULE: ./src/rebuild/bisect.ts
/**
 * Finding which variations make a build differ, by building with some of them switched on and the
 * rest off. Pure: the caller's `differs` runs a build; this decides which builds to run.
 *
 * Halving: a set known to differ is split in two and each half tried alone; a half that differs is
 * split again until one variation is left, which is then a culprit on its own. When neither half
 * differs alone, the difference needs variations from both together: each member of the set is then
 * switched off one at a time, and those the difference cannot do without are reported as a group.
 */
/**
 * `all` is known to differ (the varied build did). `differs(on)` builds with exactly `on` switched
 * on; at most `budget` such builds run. The first one is with nothing on, to tell a
 * nondeterministic build from a variation.
 */
async function bisectVariations(all, differs, budget) {
    const outcome = { culprits: [], combined: [], unresolved: [], nondeterministic: false, builds: 0, exhausted: false };
    // The same set is never built twice (a group's members switched off one at a time can repeat a half).
    const known = new Map();
    const test = async (on) => {
        const key = on.map((v) => all.indexOf(v)).sort((a, b) => a - b).join(',');
        const seen = known.get(key);
        if (seen !== undefined)
            return seen;
        if (outcome.builds >= budget) {
            outcome.exhausted = true;
            return null;
        }
        outcome.builds++;
        const answer = await differs(on);
        known.set(key, answer);
        return answer;
    };
    const baseline = await test([]);
    if (baseline === null) {
        outcome.unresolved.push([...all]);
        return outcome;
    }
    if (baseline) {
        outcome.nondeterministic = true;
        return outcome;
    }
    const search = async (set) => {
        if (set.length === 1) {
            outcome.culprits.push(set[0]);
            return;
        }
        const half = Math.ceil(set.length / 2);
        const first = set.slice(0, half);
        const second = set.slice(half);
        const firstDiffers = await test(first);
        if (firstDiffers === null) {
            outcome.unresolved.push([...set]);
            return;
        }
        const secondDiffers = await test(second);
        if (secondDiffers === null) {
            outcome.unresolved.push(...(firstDiffers ? [first] : []), second);
            return;
        }
        if (firstDiffers)
            await search(first);
        if (secondDiffers)
            await search(second);
        if (!firstDiffers && !secondDiffers)
            await isolateGroup(set);
    };
    // Neither half differs alone: keep the members the difference needs.
    const isolateGroup = async (set) => {
        const needed = [];
        for (const member of set) {
            const without = await test(set.filter((m) => m !== member));
            if (without === null) {
                outcome.unresolved.push([...set]);
                return;
            }
            if (!without)
                needed.push(member);
        }
        outcome.combined.push(needed.length > 0 ? needed : [...set]);
    };
    await search(all);
    return outcome;
}

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(1421);
// EXTERNAL MODULE: ./src/snapshot/metadata/executable-file.ts
var executable_file = __webpack_require__(6557);
;// CONCATENATED MODULE: ./src/rebuild/probe.ts
/** Small checks the variations make before a rebuild: is a tool on PATH, does a command work here, what kind of binary is this. */




/** The absolute path `name` runs as: itself when it names a path (relative to `cwd`), else the first executable on PATH. */
function findExecutable(name, env, cwd) {
    const candidates = name.includes('/') ? [(0,external_node_path_.isAbsolute)(name) ? name : (0,external_node_path_.resolve)(cwd, name)] : (env.PATH ?? '').split(external_node_path_.delimiter).filter((d) => d !== '').map((d) => (0,external_node_path_.join)(d, name));
    return candidates.find(executable_file/* isExecutableFile */.J) ?? null;
}
/** Runs a command to see whether it works here (a namespace, a FUSE mount); never throws. */
function tryCommand(argv, env, timeoutMs = 10_000) {
    const [file, ...args] = argv;
    if (file === undefined)
        return Promise.resolve({ ok: false, detail: 'no command' });
    return new Promise((done) => {
        (0,external_node_child_process_.execFile)(file, args, { env, timeout: timeoutMs, encoding: 'utf8' }, (error, stdout, stderr) => {
            const text = `${stderr}`.trim() || `${stdout}`.trim() || (error === null ? '' : error.message);
            const line = text.split('\n').filter((l) => l.trim() !== '').pop() ?? '';
            done({ ok: error === null, detail: line.slice(0, 200) });
        });
    });
}
const GO_BUILDINFO = Buffer.from('\xff Go buildinf:', 'latin1');
const PT_INTERP = 3;
/** Reads an executable's ELF program headers (and looks for Go's build info) to tell how it is linked. */
function binaryKind(path) {
    let fd;
    try {
        fd = (0,external_node_fs_.openSync)(path, 'r');
    }
    catch {
        return 'not-elf';
    }
    try {
        const size = (0,external_node_fs_.statSync)(path).size;
        // Headers and Go's build info sit near the start; 4 MiB bounds the read for huge binaries.
        const head = Buffer.alloc(Math.min(size, 4 * 1024 * 1024));
        (0,external_node_fs_.readSync)(fd, head, 0, head.length, 0);
        if (head.length < 64 || head.readUInt32BE(0) !== 0x7f454c46)
            return 'not-elf';
        if (head.includes(GO_BUILDINFO))
            return 'go';
        const is64 = head[4] === 2;
        const little = head[5] === 1;
        const u16 = (at) => (little ? head.readUInt16LE(at) : head.readUInt16BE(at));
        const u32 = (at) => (little ? head.readUInt32LE(at) : head.readUInt32BE(at));
        const phoff = is64 ? Number(little ? head.readBigUInt64LE(32) : head.readBigUInt64BE(32)) : u32(28);
        const phentsize = u16(is64 ? 54 : 42);
        const phnum = u16(is64 ? 56 : 44);
        for (let i = 0; i < phnum; i++) {
            const at = phoff + i * phentsize;
            if (at + 4 > head.length)
                break;
            if (u32(at) === PT_INTERP)
                return 'dynamic';
        }
        return 'static';
    }
    catch {
        return 'not-elf';
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}

;// CONCATENATED MODULE: ./src/rebuild/locale.ts
/** A locale other than C for the locale variation: an installed one, else one generated for this run. */




/** Preferred because their dates, numbers and collation differ most visibly from C's. */
const PREFERRED = ['fr_FR.utf8', 'de_DE.utf8', 'es_ES.utf8', 'en_US.utf8'];
function listLocales(env) {
    return new Promise((done) => {
        (0,external_node_child_process_.execFile)('locale', ['-a'], { env, timeout: 10_000, encoding: 'utf8' }, (error, stdout) => done(error === null ? stdout.split('\n').map((l) => l.trim()) : []));
    });
}
async function findOtherLocale(workDir, env) {
    const installed = await listLocales(env);
    const utf8 = installed.filter((l) => /\.utf-?8$/i.test(l) && !/^c\./i.test(l));
    const pick = PREFERRED.find((p) => utf8.includes(p)) ?? utf8[0];
    if (pick !== undefined)
        return { name: pick, locpath: null };
    // None installed: compile fr_FR from the i18n sources into a private directory (no root needed).
    const locpath = (0,external_node_path_.join)(workDir, 'locales');
    (0,external_node_fs_.mkdirSync)(locpath, { recursive: true });
    const made = await tryCommand(['localedef', '-i', 'fr_FR', '-f', 'UTF-8', (0,external_node_path_.join)(locpath, 'fr_FR.UTF-8')], env, 60_000);
    if (!made.ok)
        return { reason: `only C/POSIX locales are installed and localedef could not generate fr_FR.UTF-8: ${made.detail || 'no reason given'} (Debian package 'locales')` };
    return { name: 'fr_FR.UTF-8', locpath };
}

;// CONCATENATED MODULE: ./src/rebuild/disorder.ts
/**
 * disorderfs (FUSE) views for the file-order variation: the varied build reads its tree through a
 * mount that shuffles directory entries. Every mount is unmounted when the build ends, fails, or
 * the process is interrupted.
 */






const DISORDER_ARGS = ['--shuffle-dirents=yes', '--reverse-dirents=no', '--quiet'];
/**
 * Unmounts quietly: fusermount -u, else umount (root without fusermount); lazily as a last resort,
 * when a killed build's processes still hold the mount busy for a moment. True when it is detached.
 */
function unmountSync(mountPoint) {
    const attempts = [['fusermount', '-u'], ['fusermount3', '-u'], ['umount'], ['fusermount', '-u', '-z'], ['fusermount3', '-u', '-z'], ['umount', '-l']];
    for (const argv of attempts.map((a) => [...a, mountPoint])) {
        const [file, ...args] = argv;
        const r = (0,external_node_child_process_.spawnSync)(file, args, { stdio: 'ignore', timeout: 20_000 });
        if (r.status === 0)
            return true;
    }
    return false;
}
/** Mounts a shuffling view of `backing` at `mountPoint` (created if missing), or says why it could not. */
async function mountView(backing, mountPoint, env) {
    (0,external_node_fs_.mkdirSync)(mountPoint, { recursive: true });
    const mount = await tryCommand(['disorderfs', ...DISORDER_ARGS, backing, mountPoint], env, 20_000);
    if (!mount.ok)
        return `disorderfs could not mount ${mountPoint}: ${mount.detail || 'no reason given'}`;
    let mounted = true;
    const forget = (0,interrupt/* onInterrupt */.n)(() => {
        unmountSync(mountPoint);
    });
    return {
        release() {
            if (!mounted)
                return;
            mounted = false;
            forget();
            if (!unmountSync(mountPoint))
                throw new errors/* OperationError */.OK('E_IO', `cannot unmount the disorderfs view at ${mountPoint}; unmount it with 'fusermount -u ${mountPoint}'`);
        },
    };
}
/** Mounts a shuffling view of `backing` at `mountPoint` (created if missing). */
async function mountDisorder(backing, mountPoint, env) {
    const mount = await mountView(backing, mountPoint, env);
    if (typeof mount === 'string')
        throw new errors/* OperationError */.OK('E_IO', `${mount}; run with --vary=-file-order to leave this variation out`);
    return mount;
}
/** null when a disorderfs mount works here, else why not (the tool, /dev/fuse, or the mount's own error). */
async function probeDisorderfs(workDir, env) {
    if (findExecutable('disorderfs', env, '/') === null)
        return "disorderfs is not on PATH (Debian package 'disorderfs')";
    if (!(0,external_node_fs_.existsSync)('/dev/fuse'))
        return 'FUSE is not available (/dev/fuse is missing; in a container, pass --device /dev/fuse --cap-add SYS_ADMIN)';
    const dir = (0,external_node_path_.join)(workDir, 'disorderfs-probe');
    const backing = (0,external_node_path_.join)(dir, 'backing');
    const mountPoint = (0,external_node_path_.join)(dir, 'view');
    (0,external_node_fs_.mkdirSync)(backing, { recursive: true });
    (0,external_node_fs_.mkdirSync)(mountPoint, { recursive: true });
    try {
        const mount = await mountView(backing, mountPoint, env);
        if (typeof mount === 'string')
            return mount;
        mount.release();
        return null;
    }
    catch (error) {
        return error.message;
    }
    finally {
        (0,external_node_fs_.rmSync)(dir, { recursive: true, force: true });
    }
}

;// CONCATENATED MODULE: ./src/rebuild/variations.ts
/**
 * The catalogue of environment variations `vitsnap rebuild` can apply: what each sets for the
 * control build and for the varied build, and whether this machine can apply it (with the reason
 * when not). Data only, plus the checks; turning a set of them into a build is build-env.ts.
 */






const VARIATION_NAMES = ['build-path', 'time', 'timezone', 'locale', 'umask', 'home', 'env', 'user', 'hostname', 'file-order', 'num-cpus', 'aslr'];
/** One line each, for --help and the docs. */
const VARIATION_SUMMARIES = {
    'build-path': 'build in directories of different names and lengths',
    time: "the clock years ahead (faketime, NO_FAKE_STAT=1); not for static or Go binaries",
    timezone: 'TZ=GMT+12 vs TZ=GMT-14',
    locale: 'LC_ALL/LANG C.UTF-8 vs another installed locale',
    umask: 'umask 0022 vs 0002',
    home: 'HOME moved to an empty directory',
    env: 'an extra environment variable, and an extra PATH entry',
    user: 'another uid and USER/LOGNAME (unshare --user --map-user)',
    hostname: 'another host name (unshare --uts)',
    'file-order': 'directory entries shuffled (disorderfs, needs FUSE)',
    'num-cpus': 'all CPUs vs one (taskset -c 0)',
    aslr: 'address space randomisation off (setarch -R) vs on',
};
/** The build directory's name when build-path is not varied, and the control's when it is. */
const CONTROL_DIR = 'build';
const VARIED_DIR = 'rebuild-varied-path';
const VARIED_HOSTNAME = 'vitsnap-rebuild-varied-host';
const VARIED_USER = 'vitsnap-rebuild';
const EXTRA_ENV = 'VITSNAP_REBUILD_VARIED';
function sh(script, ...args) {
    // "$0" is the first argument after the script; "$@" the command that follows.
    return ['sh', '-c', script, ...args];
}
/** Shells and build drivers: the programs that do the build are others, started by them. */
const LAUNCHERS = /^(?:(?:ba|da|z|k|mk)?sh|make|gmake|ninja|cmake|npm|npx|pnpm|yarn|node|python[0-9.]*|perl|ruby|mvn|gradle|ant|cargo|go|bazel|bazelisk)$/;
const available = (variation) => ({ available: true, variation });
const missing = (reason) => ({ available: false, reason });
const CHECKS = {
    'build-path': async (ctx) => available({ name: 'build-path', control: { describe: (0,external_node_path_.join)(ctx.workDir, CONTROL_DIR), dirName: CONTROL_DIR }, varied: { describe: (0,external_node_path_.join)(ctx.workDir, VARIED_DIR), dirName: VARIED_DIR } }),
    time: async (ctx) => {
        if (findExecutable('faketime', ctx.env, '/') === null)
            return missing("faketime is not on PATH (Debian package 'faketime')");
        const kind = binaryKind(ctx.executable);
        if (kind === 'static' || kind === 'go') {
            const what = kind === 'go' ? 'a Go binary (it reads the clock without libc)' : 'statically linked (no ELF interpreter)';
            return missing(`${ctx.executable} is ${what}: faketime's LD_PRELOAD cannot change its clock`);
        }
        const epoch = ctx.env.SOURCE_DATE_EPOCH;
        const notes = [
            ...(epoch === undefined ? [] : [`SOURCE_DATE_EPOCH=${epoch} is set for both builds: tools that honour it do not see the clock`]),
            // A script, shell or build driver starts other programs: those it cannot check.
            ...(kind === 'not-elf' || LAUNCHERS.test((0,external_node_path_.basename)(ctx.executable)) ? ["faketime reaches dynamically linked programs only: a static or Go program the build starts keeps the real clock"] : []),
        ];
        const note = notes.length === 0 ? undefined : notes.join('; ');
        return available({
            name: 'time',
            control: { describe: 'the real clock' },
            varied: { describe: 'faketime +3 years (NO_FAKE_STAT=1: file times stay real)', wrapper: ['faketime', '-f', '+3y'], env: { NO_FAKE_STAT: '1' } },
            ...(note === undefined ? {} : { note }),
        });
    },
    timezone: async () => available({ name: 'timezone', control: { describe: 'TZ=GMT+12', env: { TZ: 'GMT+12' } }, varied: { describe: 'TZ=GMT-14', env: { TZ: 'GMT-14' } } }),
    locale: async (ctx) => {
        const other = await findOtherLocale(ctx.workDir, ctx.env);
        if ('reason' in other)
            return missing(other.reason);
        const env = { LC_ALL: other.name, LANG: other.name, ...(other.locpath === null ? {} : { LOCPATH: other.locpath }) };
        return available({
            name: 'locale',
            control: { describe: 'LC_ALL=C.UTF-8 LANG=C.UTF-8', env: { LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8' } },
            varied: { describe: `LC_ALL=${other.name} LANG=${other.name}`, env },
            ...(other.locpath === null ? {} : { note: `${other.name} is not installed: generated with localedef into ${other.locpath} (LOCPATH)` }),
        });
    },
    umask: async () => available({
        name: 'umask',
        control: { describe: 'umask 0022', wrapper: sh('umask "$0" && exec "$@"', '0022') },
        varied: { describe: 'umask 0002', wrapper: sh('umask "$0" && exec "$@"', '0002') },
    }),
    home: async (ctx) => {
        const moved = (0,external_node_path_.join)(ctx.workDir, 'home-varied');
        (0,external_node_fs_.mkdirSync)(moved, { recursive: true });
        return available({ name: 'home', control: { describe: `HOME=${ctx.env.HOME ?? '(unset)'}` }, varied: { describe: `HOME=${moved} (empty)`, env: { HOME: moved } } });
    },
    env: async (ctx) => {
        const extra = (0,external_node_path_.join)(ctx.workDir, 'extra-path');
        (0,external_node_fs_.mkdirSync)(extra, { recursive: true });
        const path = ctx.env.PATH === undefined || ctx.env.PATH === '' ? extra : `${ctx.env.PATH}${external_node_path_.delimiter}${extra}`;
        return available({
            name: 'env',
            control: { describe: 'the inherited environment' },
            varied: { describe: `${EXTRA_ENV}=1, PATH=…${external_node_path_.delimiter}${extra}`, env: { [EXTRA_ENV]: '1', PATH: path } },
        });
    },
    user: async (ctx) => {
        const me = (0,external_node_os_.userInfo)();
        const uid = me.uid === 1999 ? 1998 : 1999;
        const wrapper = ['unshare', '--user', `--map-user=${uid}`, `--map-group=${uid}`, '--'];
        const probe = await tryCommand([...wrapper, 'true'], ctx.env);
        if (!probe.ok)
            return missing(`unshare --user failed here: ${probe.detail || 'no reason given'}`);
        return available({
            name: 'user',
            control: { describe: `uid ${me.uid} (${me.username})` },
            varied: { describe: `uid ${uid}, USER=LOGNAME=${VARIED_USER}`, wrapper, env: { USER: VARIED_USER, LOGNAME: VARIED_USER } },
        });
    },
    hostname: async (ctx) => {
        const root = (0,external_node_os_.userInfo)().uid === 0;
        // Setting a host name needs CAP_SYS_ADMIN in the UTS namespace: root has it; others get it from a user namespace.
        const wrapper = ['unshare', '--uts', ...(root ? [] : ['--map-root-user']), '--', ...sh('hostname "$0" && exec "$@"', VARIED_HOSTNAME)];
        if (findExecutable('hostname', ctx.env, '/') === null)
            return missing("hostname is not on PATH (Debian package 'hostname')");
        const probe = await tryCommand([...wrapper, 'true'], ctx.env);
        if (!probe.ok)
            return missing(`unshare --uts${root ? '' : ' --map-root-user'} failed here: ${probe.detail || 'no reason given'}`);
        return available({
            name: 'hostname',
            control: { describe: (0,external_node_os_.hostname)() },
            varied: { describe: VARIED_HOSTNAME, wrapper },
            ...(root ? {} : { note: 'not root: the varied build runs as uid 0 of a user namespace (--map-root-user)' }),
        });
    },
    'file-order': async (ctx) => {
        const probe = await probeDisorderfs(ctx.workDir, ctx.env);
        if (probe !== null)
            return missing(probe);
        return available({ name: 'file-order', control: { describe: 'directory order of the file system' }, varied: { describe: 'disorderfs --shuffle-dirents=yes', disorder: true } });
    },
    'num-cpus': async (ctx) => {
        const cpus = (0,external_node_os_.availableParallelism)();
        if (cpus < 2)
            return missing('this machine offers one CPU: nothing to vary');
        const wrapper = ['taskset', '-c', '0'];
        const probe = await tryCommand([...wrapper, 'true'], ctx.env);
        if (!probe.ok)
            return missing(`taskset -c 0 failed here: ${probe.detail || 'no reason given'}`);
        return available({ name: 'num-cpus', control: { describe: `${cpus} CPUs` }, varied: { describe: '1 CPU (taskset -c 0)', wrapper } });
    },
    aslr: async (ctx) => {
        if (readRandomizeSetting() === '0')
            return missing('address space randomisation is off system-wide (kernel.randomize_va_space=0)');
        const wrapper = ['setarch', (0,external_node_os_.machine)(), '-R'];
        const probe = await tryCommand([...wrapper, 'true'], ctx.env);
        if (!probe.ok)
            return missing(`setarch -R failed here: ${probe.detail || 'no reason given'}`);
        return available({ name: 'aslr', control: { describe: 'ASLR off (setarch -R)', wrapper }, varied: { describe: 'ASLR on' } });
    },
};
function readRandomizeSetting() {
    try {
        return (0,external_node_fs_.readFileSync)('/proc/sys/kernel/randomize_va_space', 'utf8').trim();
    }
    catch {
        return null;
    }
}
/** Checks the named variations, in parallel; each answer says what it would set or why it cannot. */
async function checkVariations(names, ctx) {
    const answers = await Promise.all(names.map(async (name) => [name, await CHECKS[name](ctx)]));
    return new Map(answers);
}

;// CONCATENATED MODULE: ./src/rebuild/build-env.ts
/** One build's environment from the variations: each switched-on one gives its varied setting, the rest their control setting. */

/**
 * Wrappers nest in this order, outermost first: personality and CPU affinity are inherited by
 * everything below; the namespaces come next; faketime last, so the build itself is preloaded.
 */
const WRAP_ORDER = ['aslr', 'num-cpus', 'hostname', 'user', 'umask', 'time'];
/** The plan for a build with `on` varied (the control build: nothing on). Inherited variables stay unless a setting replaces them. */
function planBuild(variations, on, baseEnv, command) {
    const settings = new Map(variations.map((v) => [v.name, on.has(v.name) ? v.varied : v.control]));
    const env = { ...baseEnv };
    let dirName = CONTROL_DIR;
    let disorder = false;
    for (const setting of settings.values()) {
        Object.assign(env, setting.env ?? {});
        if (setting.dirName !== undefined)
            dirName = setting.dirName;
        if (setting.disorder === true)
            disorder = true;
    }
    const argv = [];
    for (const name of WRAP_ORDER)
        argv.push(...(settings.get(name)?.wrapper ?? []));
    argv.push(...command);
    return { dirName, env, argv, disorder };
}

;// CONCATENATED MODULE: ./src/rebuild/run-build.ts
/** Runs one build: its own process group, output to a log file, a timeout, and the group killed on timeout or Ctrl-C. */




/** Grace between SIGTERM and SIGKILL for a build that timed out. */
const KILL_GRACE_MS = 3000;
const TAIL_LINES = 20;
function killGroup(pid, signal) {
    try {
        process.kill(-pid, signal);
    }
    catch {
        // Already gone.
    }
}
/** How much of a log's end is read for its tail: a build may write gigabytes. */
const TAIL_BYTES = 64 * 1024;
/** The last lines of a build log, indented, for an error message. */
function logTail(logFile, lines = TAIL_LINES) {
    let text;
    try {
        const fd = (0,external_node_fs_.openSync)(logFile, 'r');
        try {
            const size = (0,external_node_fs_.fstatSync)(fd).size;
            const buf = Buffer.alloc(Math.min(size, TAIL_BYTES));
            const n = (0,external_node_fs_.readSync)(fd, buf, 0, buf.length, size - buf.length);
            text = buf.toString('utf8', 0, n);
        }
        finally {
            (0,external_node_fs_.closeSync)(fd);
        }
    }
    catch {
        return '';
    }
    const tail = text.trimEnd().split('\n').slice(-lines);
    return tail.length === 0 || tail[0] === '' ? '' : `\n  | ${tail.join('\n  | ')}`;
}
/** Resolves when the build exits 0; E_BUILD (with the log's tail) when it fails, is killed, or times out. */
async function runBuild(run) {
    const [file, ...args] = run.argv;
    if (file === undefined)
        throw new errors/* OperationError */.OK('E_USAGE', 'no build command given');
    const log = (0,external_node_fs_.openSync)(run.logFile, 'w');
    let outcome;
    try {
        outcome = await new Promise((done) => {
            const child = (0,external_node_child_process_.spawn)(file, args, { cwd: run.cwd, env: run.env, stdio: ['ignore', log, log], detached: true });
            let timedOut = false;
            let killer;
            const timer = setTimeout(() => {
                timedOut = true;
                if (child.pid !== undefined)
                    killGroup(child.pid, 'SIGTERM');
                killer = setTimeout(() => child.pid !== undefined && killGroup(child.pid, 'SIGKILL'), KILL_GRACE_MS);
            }, run.timeoutMs);
            const forget = (0,interrupt/* onInterrupt */.n)(() => child.pid !== undefined && killGroup(child.pid, 'SIGKILL'));
            const finish = (code, signal, error) => {
                clearTimeout(timer);
                if (killer !== undefined)
                    clearTimeout(killer);
                forget();
                // Whatever the build left running in its group (a daemon, a stuck test) goes with it.
                if (child.pid !== undefined)
                    killGroup(child.pid, 'SIGKILL');
                done({ code, signal, timedOut, error });
            };
            child.once('error', (error) => finish(null, null, error));
            child.once('exit', (code, signal) => finish(code, signal, null));
        });
    }
    finally {
        (0,external_node_fs_.closeSync)(log);
    }
    if (outcome.error !== null) {
        const code = outcome.error.code;
        const what = code === 'ENOENT' ? `${file} was not found` : outcome.error.message;
        throw new errors/* OperationError */.OK('E_BUILD', `${run.label} could not start: ${what}; check the command after '--'`);
    }
    const where = run.logKept ? `its log is ${run.logFile}` : run.wording.keepLog;
    if (outcome.timedOut)
        throw new errors/* OperationError */.OK('E_BUILD', `${run.label} timed out after ${run.timeoutMs / 1000} s and was killed; ${run.wording.timeout} (${where}); last lines:${logTail(run.logFile)}`);
    if (outcome.code !== 0) {
        const how = outcome.signal !== null ? `was killed by ${outcome.signal}` : `failed with exit code ${outcome.code}`;
        throw new errors/* OperationError */.OK('E_BUILD', `${run.label} ${how} (${where}); last lines:${logTail(run.logFile)}`);
    }
}

;// CONCATENATED MODULE: ./src/rebuild/source-copy.ts
/**
 * The source tree each build starts from: the files git tracks in a work tree (the default), or
 * everything under a directory (--source). Each build gets a fresh copy, modes and times kept.
 */




function gitLsFiles(dir, env, wording) {
    return new Promise((done, fail) => {
        (0,external_node_child_process_.execFile)('git', ['-C', dir, 'ls-files', '-z', '--cached'], { env, encoding: 'buffer', maxBuffer: 1024 * 1024 * 1024 }, (error, stdout, stderr) => {
            if (error !== null) {
                const why = stderr.toString('utf8').trim().split('\n')[0] ?? error.message;
                fail(new errors/* OperationError */.OK('E_USAGE', `${dir} is not a git work tree (${why || error.message}); ${wording.notGit}`));
                return;
            }
            done(stdout.toString('utf8').split('\0').filter((f) => f !== ''));
        });
    });
}
/** Lists the tree to copy: git's tracked files of `dir`, or (plain) all of it. */
async function readSourceTree(dir, plain, env, wording) {
    const stats = (0,external_node_fs_.lstatSync)(dir, { throwIfNoEntry: false });
    if (stats === undefined || !stats.isDirectory())
        throw new errors/* OperationError */.OK('E_NOT_FOUND', `source directory ${dir} does not exist or is not a directory; check --source`);
    if (plain)
        return { kind: 'directory', dir };
    const files = await gitLsFiles(dir, env, wording);
    if (files.length === 0)
        throw new errors/* OperationError */.OK('E_USAGE', `git tracks no files under ${dir}; ${wording.noTrackedFiles}`);
    return { kind: 'git', dir, files };
}
const COPY = { recursive: true, preserveTimestamps: true, verbatimSymlinks: true, errorOnExist: true, force: false };
/**
 * Copies the tree into `target` (created; must not exist yet). A tracked file deleted from the work
 * tree is skipped, as git would build without it. `leaveOut` are absolute paths a plain copy skips:
 * the keep directory, where the control's snapshot appears before the varied build is copied.
 */
function copySourceTree(tree, target, leaveOut = []) {
    if (tree.kind === 'directory') {
        (0,external_node_fs_.cpSync)(tree.dir, target, { ...COPY, filter: (from) => !leaveOut.some((p) => from === p || from.startsWith(`${p}/`)) });
        return;
    }
    (0,external_node_fs_.mkdirSync)(target, { recursive: true });
    for (const file of tree.files) {
        const from = (0,external_node_path_.join)(tree.dir, file);
        if ((0,external_node_fs_.lstatSync)(from, { throwIfNoEntry: false }) === undefined)
            continue;
        const to = (0,external_node_path_.join)(target, file);
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.dirname)(to), { recursive: true });
        (0,external_node_fs_.cpSync)(from, to, COPY);
    }
}

;// CONCATENATED MODULE: ./src/rebuild/wording.ts
const CLI_WORDING = {
    outputs: '--outputs',
    maxBuilds: '--max-builds',
    notGit: 'run rebuild inside one, or pass --source DIR to copy a plain directory',
    noTrackedFiles: "commit (or 'git add') the sources, or pass --source DIR to copy a plain directory",
    timeout: 'raise --timeout',
    keepLog: 'keep its log with --keep DIR',
};

;// CONCATENATED MODULE: ./src/rebuild/rebuild.ts
/**
 * `vitsnap rebuild`'s pipeline, shared by the CLI and (later) the action: copy the sources, build
 * once as the control and once with the variations on, capture each build's outputs into a
 * snapshot, compare them, and optionally bisect which variations made the difference.
 */


















function recordsFor(selected, checks) {
    return VARIATION_NAMES.map((name) => {
        const check = checks.get(name);
        if (!selected.has(name) || check === undefined)
            return { name, status: 'skipped', control: null, varied: null, reason: 'not selected (--vary)', note: null };
        if (!check.available)
            return { name, status: 'skipped', control: null, varied: null, reason: check.reason, note: null };
        const v = check.variation;
        return { name, status: 'tested', control: v.control.describe, varied: v.varied.describe, reason: null, note: v.note ?? null };
    });
}
/** Builds once with `on` varied, captures the outputs into `snapshot`; the build directory is gone afterwards. */
async function buildAndCapture(run, on, label, snapshot, logFile) {
    const { options, workDir } = run;
    const plan = planBuild(run.active, on, options.env, options.command);
    const buildDir = (0,external_node_path_.join)(workDir, plan.dirName);
    const backing = (0,external_node_path_.join)(workDir, 'disorder-backing');
    options.onProgress?.(`${label}: in ${buildDir}`);
    let mount = null;
    try {
        copySourceTree(run.tree, plan.disorder ? backing : buildDir, [workDir, ...(options.keepDir === null ? [] : [options.keepDir])]);
        if (plan.disorder)
            mount = await mountDisorder(backing, buildDir, options.env);
        try {
            await runBuild({ label, argv: plan.argv, cwd: buildDir, env: plan.env, logFile, logKept: options.keepDir !== null, timeoutMs: options.timeoutSeconds * 1000, wording: options.wording ?? CLI_WORDING });
        }
        catch (error) {
            // The build's failure is the news; a view that will not unmount after it is secondary.
            try {
                mount?.release();
            }
            catch {
                // Lazy unmount failed too: rare, and the build's error is what to report.
            }
            throw error;
        }
        mount?.release();
        await rebuild_capture(plan.disorder ? backing : buildDir, options.outputs, snapshot, label, options.wording ?? CLI_WORDING);
    }
    finally {
        (0,external_node_fs_.rmSync)(buildDir, { recursive: true, force: true });
        (0,external_node_fs_.rmSync)(backing, { recursive: true, force: true });
    }
}
async function rebuild_capture(root, outputs, output, label, wording) {
    try {
        await (0,capture/* captureSnapshot */.d)({ root, patterns: [...outputs], output, metadata: null });
    }
    catch (error) {
        const e = error;
        if (e.name === 'OperationError' && e.code === 'E_NOT_FOUND' && /^no files under/.test(error.message)) {
            const what = outputs.length === 0 ? 'no files at all' : `nothing matched ${wording.outputs} ${outputs.join(' ')}`;
            throw new errors/* OperationError */.OK('E_NOT_FOUND', `after the ${label}, ${what}; the globs are relative to the build directory (the copy of the source tree)`);
        }
        throw error;
    }
}
async function compareSnapshots(before, after, ignore) {
    // Relative labels: reports name control.vitsnap and varied.vitsnap, not a temporary path.
    const sides = await (0,sources/* openSides */.P)((0,external_node_path_.basename)(before), (0,external_node_path_.relative)((0,external_node_path_.dirname)(before), after), { cwd: (0,external_node_path_.dirname)(before) });
    try {
        const result = await (0,compare/* compareSources */.mr)(sides, { comparators: comparators/* DEFAULT_COMPARATORS */.u, ...(0,causes/* createCauseClassifier */.zv)(), ignore, exclude: [] });
        // Both snapshots were written by this run a moment ago: "run vitsnap verify" on unread blocks is no advice here.
        const unread = result.verification?.note;
        if (unread !== undefined && result.notes !== undefined)
            result.notes = result.notes.filter((n) => n !== unread);
        return result;
    }
    finally {
        await sides.close();
    }
}
async function runRebuild(options) {
    const [program] = options.command;
    if (program === undefined)
        throw new errors/* OperationError */.OK('E_USAGE', "no build command: give it after '--', e.g. vitsnap rebuild -- make");
    if (options.maxBuilds < 2)
        throw new errors/* OperationError */.OK('E_USAGE', `${(options.wording ?? CLI_WORDING).maxBuilds} must allow the control and the varied build (at least 2, got ${options.maxBuilds})`);
    const executable = findExecutable(program, options.env, options.sourceDir);
    if (executable === null) {
        const where = program.includes('/') ? `is not an executable file (looked in ${options.sourceDir}, the tree that is copied)` : 'is not on PATH';
        throw new errors/* OperationError */.OK('E_USAGE', `build command ${JSON.stringify(program)} ${where}; check the command after '--'`);
    }
    const tree = await readSourceTree(options.sourceDir, options.plainSource, options.env, options.wording ?? CLI_WORDING);
    const workDir = (0,external_node_fs_.mkdtempSync)((0,external_node_path_.join)(options.tmpDir ?? (0,external_node_os_.tmpdir)(), 'vitsnap-rebuild-'));
    const forget = (0,interrupt/* onInterrupt */.n)(() => (0,external_node_fs_.rmSync)(workDir, { recursive: true, force: true }));
    try {
        const selected = new Set(options.vary);
        const checks = await checkVariations([...selected], { env: options.env, workDir, executable });
        const variations = recordsFor(selected, checks);
        const active = [...checks.values()].flatMap((c) => (c.available ? [c.variation] : []));
        active.sort((a, b) => VARIATION_NAMES.indexOf(a.name) - VARIATION_NAMES.indexOf(b.name));
        const keep = options.keepDir;
        if (keep !== null)
            (0,external_node_fs_.mkdirSync)(keep, { recursive: true });
        const out = keep ?? workDir;
        const run = { options, tree, workDir, out, active };
        const files = { control: (0,external_node_path_.join)(out, 'control.vitsnap'), varied: (0,external_node_path_.join)(out, 'varied.vitsnap'), controlLog: (0,external_node_path_.join)(out, 'control.log'), variedLog: (0,external_node_path_.join)(out, 'varied.log') };
        const all = new Set(active.map((v) => v.name));
        await buildAndCapture(run, new Set(), 'control build', files.control, files.controlLog);
        await buildAndCapture(run, all, 'varied build', files.varied, files.variedLog);
        let builds = 2;
        options.onProgress?.('comparing the control and the varied build');
        const ignore = options.ignore ?? [];
        const compare = await compareSnapshots(files.control, files.varied, ignore);
        const reproducible = compare.verdict === 'identical';
        let bisect = null;
        if (!reproducible && options.bisect) {
            bisect = await bisectRun(run, [...all], files.control, ignore);
            builds += bisect.builds;
        }
        return { reproducible, command: [...options.command], outputs: [...options.outputs], variations, compare, bisect, builds, kept: keep === null ? null : files };
    }
    finally {
        forget();
        (0,external_node_fs_.rmSync)(workDir, { recursive: true, force: true });
    }
}
async function bisectRun(run, names, controlSnapshot, ignore) {
    if (names.length === 0) {
        // Nothing was varied and still the outputs differ: no build can narrow that down.
        return { culprits: [], combined: [], unresolved: [], nondeterministic: true, builds: 0, exhausted: false };
    }
    let n = 0;
    const differs = async (on) => {
        n++;
        const snapshot = (0,external_node_path_.join)(run.workDir, `bisect-${n}.vitsnap`);
        const label = `bisect build ${n} (varying ${on.length === 0 ? 'nothing' : on.join(', ')})`;
        try {
            await buildAndCapture(run, new Set(on), label, snapshot, (0,external_node_path_.join)(run.out, `bisect-${n}.log`));
            const result = await compareSnapshots(controlSnapshot, snapshot, ignore);
            run.options.onProgress?.(`${label}: ${result.verdict === 'identical' ? 'same as the control' : 'differs'}`);
            return result.verdict !== 'identical';
        }
        finally {
            (0,external_node_fs_.rmSync)(snapshot, { force: true });
        }
    };
    return bisectVariations(names, differs, run.options.maxBuilds - 2);
}

// EXTERNAL MODULE: ./src/report/json.ts
var json = __webpack_require__(2794);
// EXTERNAL MODULE: ./src/report/plural.ts
var plural = __webpack_require__(1190);
// EXTERNAL MODULE: ./src/report/text.ts
var report_text = __webpack_require__(5655);
;// CONCATENATED MODULE: ./src/rebuild/report.ts
/** Presenting a rebuild: the variations table, the diff report, and what bisecting blamed (text and JSON). */




const REBUILD_SCHEMA = 'vitsnap-rebuild/1';
/** One row per variation: tested with control → varied, or not tested with the reason; notes below their row. */
function variationLines(records) {
    const width = Math.max(...records.map((r) => r.name.length));
    const lines = [];
    for (const r of records) {
        const name = r.name.padEnd(width);
        if (r.status === 'tested')
            lines.push(`  ${name}  tested      ${(0,report_escape/* escapeControls */.UN)(r.control ?? '')} → ${(0,report_escape/* escapeControls */.UN)(r.varied ?? '')}`);
        else
            lines.push(`  ${name}  not tested  ${(0,report_escape/* escapeControls */.UN)(r.reason ?? '')}`);
        if (r.note !== null)
            lines.push(`  ${' '.repeat(width)}              note: ${(0,report_escape/* escapeControls */.UN)(r.note)}`);
    }
    return lines;
}
/** `caused by: time, build-path (9 builds)`, or why nothing could be blamed. */
function causedByLine(bisect, totalBuilds, maxBuilds, budgetName = '--max-builds') {
    const builds = `(${(0,plural/* plural */.L)(totalBuilds, 'build')})`;
    if (bisect.nondeterministic)
        return `caused by: no variation: the outputs differ with nothing varied, so the build is not deterministic ${builds}`;
    const parts = [...bisect.culprits, ...bisect.combined.map((g) => `${g.join(' + ')} (only together)`)];
    const found = parts.length > 0 ? parts.join(', ') : 'not isolated';
    const left = bisect.unresolved.map((set) => set.join(', ')).join('; ');
    const limit = maxBuilds === undefined ? budgetName : `${budgetName} ${maxBuilds}`;
    const stop = bisect.exhausted ? `; ${limit} reached before isolating the rest of: ${left}` : '';
    const flaky = parts.length === 0 && !bisect.exhausted ? '; the builds disagreed with each other (a flaky build?)' : '';
    return `caused by: ${found} ${builds}${stop}${flaky}`;
}
function renderRebuildText(result, options) {
    const tested = result.variations.filter((v) => v.status === 'tested').length;
    const head = [`rebuild of ${(0,report_escape/* escapeControls */.UN)(result.command.join(' '))}: ${(0,plural/* plural */.L)(tested, 'variation')} tested, ${result.variations.length - tested} not tested`, ...variationLines(result.variations), ''];
    const tail = [];
    if (result.bisect !== null)
        tail.push('', causedByLine(result.bisect, result.builds, options.maxBuilds));
    if (result.kept !== null)
        tail.push('', `kept: ${(0,report_escape/* escapeControls */.UN)(result.kept.control)}, ${(0,report_escape/* escapeControls */.UN)(result.kept.varied)} (and the build logs beside them)`);
    return [...head, (0,report_text/* renderText */.S)(result.compare, { colour: options.colour, maxLines: options.maxLines }), ...tail].join('\n');
}
/** The JSON document (schema in docs/report-schema.md, "vitsnap-rebuild/1"): the diff report nested whole. */
function rebuildJson(result) {
    return {
        schema: REBUILD_SCHEMA,
        reproducible: result.reproducible,
        command: result.command,
        outputs: result.outputs,
        builds: result.builds,
        variations: result.variations,
        bisect: result.bisect,
        kept: result.kept,
        report: (0,json/* reportJson */.l4)(result.compare),
    };
}
function renderRebuildJson(result) {
    return JSON.stringify(rebuildJson(result), null, 2);
}

// EXTERNAL MODULE: ./src/commands/did-you-mean.ts
var did_you_mean = __webpack_require__(3651);
;// CONCATENATED MODULE: ./src/rebuild/vary-list.ts
/** The --vary list (the action's `vary` input too): names to switch on, `-name` to switch off, `all`, `none`. */




/**
 * Items are read left to right, comma or space separated, over all the values given. A list that
 * starts by removing (`-file-order`) starts from all of them; one that starts with a name starts
 * from none. No values at all means all.
 */
function parseVaryList(values, option = '--vary') {
    const items = values.flatMap((v) => v.split(/[\s,]+/)).filter((s) => s !== '');
    const on = new Set(items.length === 0 || items[0]?.startsWith('-') === true ? VARIATION_NAMES : []);
    for (const item of items) {
        const remove = item.startsWith('-');
        const name = remove ? item.slice(1) : item;
        if (name === 'all' || name === 'none') {
            if ((name === 'all') !== remove)
                VARIATION_NAMES.forEach((n) => on.add(n));
            else
                on.clear();
            continue;
        }
        if (!VARIATION_NAMES.includes(name)) {
            const hint = (0,did_you_mean/* suggestion */.h)(name, [...VARIATION_NAMES, 'all', 'none']);
            throw new errors/* OperationError */.OK('E_USAGE', `unknown variation ${(0,report_escape/* escapeControls */.UN)(JSON.stringify(name))} in ${option}${hint}; valid: ${VARIATION_NAMES.join(', ')}, all, none`);
        }
        if (remove)
            on.delete(name);
        else
            on.add(name);
    }
    return VARIATION_NAMES.filter((n) => on.has(n));
}

// EXTERNAL MODULE: ./src/snapshot/globs.ts
var globs = __webpack_require__(5251);
// EXTERNAL MODULE: ./src/commands/args.ts
var args = __webpack_require__(4690);
;// CONCATENATED MODULE: ./src/commands/rebuild-run.ts
/** `vitsnap rebuild`'s work, loaded only when rebuild runs. */










const EXIT_NOT_REPRODUCIBLE = 1;
function wholeNumber(option, text, fallback, min) {
    if (text === undefined)
        return fallback;
    const n = Number(text);
    if (!Number.isInteger(n) || n < min)
        throw new errors/* OperationError */.OK('E_USAGE', `${option} takes a whole number of at least ${min} (got ${(0,report_escape/* escapeControls */.UN)(JSON.stringify(text))})`);
    return n;
}
function parseIgnore(values) {
    const profiles = (values ?? []).flatMap((v) => v.split(',')).map((s) => s.trim()).filter((s) => s !== '');
    for (const p of profiles) {
        if (!(p in compare/* IGNORE_PROFILES */.un))
            throw new errors/* OperationError */.OK('E_USAGE', `unknown --ignore profile ${(0,report_escape/* escapeControls */.UN)(JSON.stringify(p))}; valid: ${Object.keys(compare/* IGNORE_PROFILES */.un).join(', ')}`);
    }
    return profiles;
}
/** `--vary -time` reads to parseArgs as a missing value: take the next word as the list when it is one. */
function joinVaryValues(argv) {
    const out = [];
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        const next = argv[i + 1];
        if (arg === '--vary' && next !== undefined && /^-[a-z]/.test(next) && next !== '-q' && next !== '-h') {
            out.push(`--vary=${next}`);
            i++;
        }
        else
            out.push(arg);
    }
    return out;
}
async function runRebuildCommand(argv, ctx) {
    const end = argv.indexOf('--');
    if (end === -1)
        throw new errors/* OperationError */.OK('E_USAGE', "no build command: put it after '--', e.g. vitsnap rebuild --outputs 'out/**' -- make");
    const command = argv.slice(end + 1);
    const { values, positionals } = (0,args/* parseCommandArgs */.Qx)('rebuild', joinVaryValues(argv.slice(0, end)), {
        ...args/* COMMON_OPTIONS */.DT,
        vary: { type: 'string', multiple: true },
        outputs: { type: 'string', multiple: true },
        source: { type: 'string' },
        bisect: { type: 'boolean' },
        'max-builds': { type: 'string' },
        timeout: { type: 'string' },
        keep: { type: 'string' },
        ignore: { type: 'string', multiple: true },
        'max-lines': { type: 'string' },
    });
    (0,args/* exclusiveFlags */.o0)('rebuild', values, ['json', 'quiet']);
    if (positionals.length > 0)
        throw new errors/* OperationError */.OK('E_USAGE', `unexpected ${(0,report_escape/* escapeControls */.UN)(JSON.stringify(positionals[0]))} before '--'; the build command goes after '--' (run 'vitsnap rebuild --help')`);
    if (command.length === 0)
        throw new errors/* OperationError */.OK('E_USAGE', "no build command after '--', e.g. vitsnap rebuild -- make");
    const maxBuilds = wholeNumber('--max-builds', values['max-builds'], 32, 2);
    const maxLines = wholeNumber('--max-lines', values['max-lines'], 400, 1);
    const result = await runRebuild({
        command,
        outputs: (values.outputs ?? []).flatMap((o) => (0,globs/* parsePatternList */.Y)(o)),
        sourceDir: (0,external_node_path_.resolve)(ctx.cwd, values.source ?? '.'),
        plainSource: values.source !== undefined,
        vary: parseVaryList(values.vary ?? []),
        bisect: values.bisect === true,
        maxBuilds,
        timeoutSeconds: wholeNumber('--timeout', values.timeout, 3600, 1),
        keepDir: values.keep === undefined ? null : (0,external_node_path_.resolve)(ctx.cwd, values.keep),
        env: ctx.env,
        ignore: parseIgnore(values.ignore),
        onProgress: (line) => ctx.log.note(line),
    });
    if (values.json === true)
        ctx.log.out(renderRebuildJson(result));
    else if (values.quiet === true) {
        ctx.log.out((0,cause_summary/* verdictLine */.MT)(result.compare));
        if (result.bisect !== null)
            ctx.log.out(causedByLine(result.bisect, result.builds, maxBuilds));
    }
    else
        ctx.log.out(renderRebuildText(result, { colour: ctx.log.colour === true, maxLines, maxBuilds }));
    return result.reproducible ? 0 : EXIT_NOT_REPRODUCIBLE;
}


/***/ })

};
