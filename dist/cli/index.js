#!/usr/bin/env node
import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 9950:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  SI: () => (/* binding */ EXIT_ERROR),
  Xd: () => (/* binding */ installSignalHandlers),
  ak: () => (/* binding */ runCli)
});

// UNUSED EXPORTS: EXIT_DRIFT, EXIT_OK, describeError

// EXTERNAL MODULE: ./src/snapshot/atomic-file.ts
var atomic_file = __nccwpck_require__(5118);
;// CONCATENATED MODULE: ./src/commands/create.ts
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
      --probes A,B        the toolchains to record (bare command names; 'none' for none)
                          instead of the built-in list of ~26 compilers and build tools:
                          naming only the ones the build uses makes create faster
      --no-metadata       record no toolchain/runner/env/git metadata
      --workers N         hashing/compression threads, 1 to 64 (default: auto, inline for
                          small trees)
      --allow-empty       write a snapshot even when nothing matches
      --store DIR         add the snapshot to the store at DIR (only chunks it lacks are
                          stored); no file is written unless -o is also given; files unchanged
                          since the last capture of the same root and globs into DIR are not
                          hashed again
      --name NAME         name the stored snapshot (implies the default store when --store is
                          not given: $VITSNAP_STORE, else ~/.cache/vitsnap)
      --parent SNAPSHOT   write a delta: only what SNAPSHOT (a file, store:NAME or oci://…)
                          and its own parents lack is stored, changed files as binary patches
                          against their old versions; readers need the parent (docs/delta.md)
      --max-depth N       refuse a parent chain deeper than N layers (default: 16)
      --since SNAPSHOT    incremental: reuse the hash results of SNAPSHOT's capture for files
                          whose inode, size, mode, mtime and ctime are unchanged (read from
                          SNAPSHOT.statcache, which every create writes beside its snapshot)
      --rehash            hash every file even when --store holds an earlier capture's
                          results (a fresh stat cache is still written)
      --json              print the result as JSON
  -q, --quiet             print only warnings and errors (--json still prints the result)
  -h, --help              show this help

Examples:
  vitsnap create -C build -o app.vitsnap
  vitsnap create -C build -o app.vitsnap --probes gcc,ld,make
  vitsnap create 'dist/**' '!dist/**/*.map' -o dist.vitsnap --meta-cmd 'openssl=openssl version'
  vitsnap create -C build --store ~/.cache/vitsnap --name nightly
  vitsnap create -C build -o pr.vitsnap --parent main.vitsnap
  vitsnap create -C build -o new.vitsnap --parent old.vitsnap --since old.vitsnap
`,
    async run(argv, ctx) {
        // Loaded on demand: capture's threads and toolchain probes are not needed by other commands.
        const { runCreate } = await Promise.all(/* import() */[__nccwpck_require__.e(686), __nccwpck_require__.e(899), __nccwpck_require__.e(777), __nccwpck_require__.e(653)]).then(__nccwpck_require__.bind(__nccwpck_require__, 8653));
        return runCreate(argv, ctx);
    },
};

;// CONCATENATED MODULE: ./src/commands/diff.ts
const diffCommand = {
    name: 'diff',
    summary: 'compare two snapshots or directories and explain what drifted and why',
    help: `Usage: vitsnap diff BEFORE AFTER [options]

Compare two builds. Each side is a .vitsnap snapshot or a directory (scanned on the fly); two
plain files (old.so new.so) are compared with each other. Files with equal digests are never
read; changed files go through format-aware comparators (JSON, text in UTF-8, UTF-16 or
ISO-8859-1, zip/jar, tar, ar/.a/.deb, gzip/zstd/xz, ELF with DWARF, PE, Mach-O, .pyc, .class,
PNG, source maps, bytes; code disassembled by objdump when it is on PATH) and every difference
gets a cause with evidence (timestamp, build-path, file-order, build-id, permissions,
compression, …) and a fix hint. Offsets that moved because a build path changed length are
shown as following from it.

On a terminal, a status line on stderr shows how far a long diff has got.

FIFOs, sockets and devices are reported as entries of their type; names that are not valid
UTF-8 are reported as not compared, which makes the verdict drift-unexplained. Snapshot block
contents are read only for files that differ: the report says how many were not read.

Exit codes: 0 identical (or every difference ignored), 1 drift, 2 error.

Options:
      --ignore LIST    accept known noise: timestamps, build-paths, file-order, build-id,
                       compression
                       (comma separated or repeated); ignored differences are still listed
      --exclude GLOB   leave matching paths out of the comparison (repeatable)
      --strip-prefix DIR
                       compare only what is below DIR, with DIR/ removed from the paths, on
                       each side that has it: a snapshot made with 'build/**' against build/
      --strip-hash PATTERN
                       how files found on one side only are paired across renames. A file
                       with the same bytes under a new name is one 'renamed' file; names equal
                       once hashes are stripped (app.3f9a1c.js, app.9b2e41.js) are compared as
                       one modified file. Default: hex (6+) and mixed letter-digit (8+) parts;
                       a regular expression replaces it (matches, or their groups, are removed);
                       'off' lists every such file as added or removed
      --parent FILE    a parent of a delta snapshot side, when it is neither next to it nor
                       in the store (repeatable)
      --max-depth N    follow at most N layers of a delta chain (default: 16)
      --json           print the JSON report (schema: docs/report-schema.md)
      --markdown       print Markdown sized for a PR comment (≤ 65,536 characters)
      --html FILE      write the self-contained HTML report to FILE
      --max-lines N    cut the text report after N lines (default 400)
      --output FILE    also write the JSON report to FILE
      --brief          names and kinds only, like 'diff --brief': changed files are found
                       (by digest; by bytes between directories) but not read again or
                       explained; not with --json, --markdown, --html, --output, --ignore
  -q, --quiet          print only the verdict line
  -h, --help           show this help

Examples:
  vitsnap diff main.vitsnap pr.vitsnap
  vitsnap diff build-a/ build-b/ --ignore timestamps,build-paths
  vitsnap diff old/libfoo.so new/libfoo.so
  vitsnap diff main.vitsnap pr.vitsnap --brief   (which files, not why: fastest)
  vitsnap diff main.vitsnap dist/ --exclude '**/*.map' --json > report.json
  vitsnap diff main.vitsnap build/ --strip-prefix build/   (main made with create 'build/**')
  vitsnap diff dist-a/ dist-b/ --strip-hash '\.[0-9a-z]{5}\.'  (names like main.ab12c.js)
`,
    async run(argv, ctx) {
        // Loaded on demand so the other commands start without parsing every comparator.
        const { runDiff } = await Promise.all(/* import() */[__nccwpck_require__.e(527), __nccwpck_require__.e(686), __nccwpck_require__.e(899), __nccwpck_require__.e(262), __nccwpck_require__.e(502)]).then(__nccwpck_require__.bind(__nccwpck_require__, 9502));
        return runDiff(argv, ctx);
    },
};

// EXTERNAL MODULE: ./src/registry/open.ts
var registry_open = __nccwpck_require__(9155);
// EXTERNAL MODULE: ./src/commands/args.ts
var args = __nccwpck_require__(4690);
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
        const { values, positionals } = (0,args/* parseCommandArgs */.Qx)('export', argv, { ...args/* COMMON_OPTIONS */.DT, ...args/* CHAIN_OPTIONS */.T });
        const { reader } = await (0,registry_open/* openSnapshotAnywhere */.WA)((0,args/* requireOne */.mc)('export', positionals, 'snapshot file'), { cwd: ctx.cwd, env: ctx.env, ...(0,args/* chainOptions */.E3)(values), partialChain: true });
        try {
            writeManifestJson(reader.manifest, ctx.log.out);
        }
        finally {
            reader.close();
        }
        return 0;
    },
};
/** Text is handed to `out` in pieces of about this many characters. */
const BATCH_CHARS = 1 << 20;
/**
 * Prints exactly `JSON.stringify(manifest, null, 2)`, but entry by entry: the whole text of a
 * million-entry manifest is several hundred MB as one string (docs/benchmarks.md).
 */
function writeManifestJson(manifest, out) {
    const { entries, ...summary } = manifest;
    const head = JSON.stringify({ ...summary, entries: [] }, null, 2);
    if (entries.length === 0) {
        out(head);
        return;
    }
    // `head` ends with `"entries": []` and a closing line: open the array there and write the entries into it.
    let batch = `${head.slice(0, head.length - '[]\n}'.length)}[\n`;
    const flush = () => {
        if (batch.length < BATCH_CHARS)
            return;
        // `out` adds the newline the batch ends with.
        out(batch.slice(0, -1));
        batch = '';
    };
    for (let i = 0; i < entries.length; i++) {
        const entry = entries[i];
        const end = i + 1 === entries.length ? '\n  ]\n}' : ',\n';
        const chunks = entry.type === 'file' ? entry.chunks : undefined;
        if (chunks === undefined) {
            batch += `    ${JSON.stringify(entry, null, 2).replaceAll('\n', '\n    ')}${end}`;
        }
        else {
            // `chunks` is the last member and can hold a million digests: written a line at a time.
            const text = JSON.stringify({ ...entry, chunks: [] }, null, 2).replaceAll('\n', '\n    ');
            batch += `    ${text.slice(0, text.length - '[]\n    }'.length)}[\n`;
            for (let c = 0; c < chunks.length; c++) {
                batch += `        ${JSON.stringify(chunks[c])}${c + 1 < chunks.length ? ',' : ''}\n`;
                flush();
            }
            batch += `      ]\n    }${end}`;
        }
        if (i + 1 < entries.length)
            flush();
    }
    out(batch);
}

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __nccwpck_require__(4031);
// EXTERNAL MODULE: ./src/format-bytes.ts
var format_bytes = __nccwpck_require__(7758);
// EXTERNAL MODULE: ./src/report/plural.ts
var plural = __nccwpck_require__(1190);
;// CONCATENATED MODULE: ./src/commands/info.ts






/** Layers from the full snapshot up to this one; a parent that was not found ends the list. */
function chainJson(reader) {
    const layers = [];
    let r = reader;
    let want = null;
    while (r !== null) {
        layers.push({ path: r.path, sha256: want, depth: r.summary.depth ?? 0, size: r.fileSize });
        want = r.summary.parent;
        if (want !== null && r.parent === null)
            layers.push({ path: null, sha256: want, depth: (r.summary.depth ?? 1) - 1, size: null });
        r = r.parent;
    }
    return layers.reverse();
}
function chainLines(reader) {
    if (!reader.isDelta)
        return [];
    const layers = chainJson(reader);
    const shown = layers.map((l) => (l.path === null ? `(parent sha256:${(l.sha256 ?? '').slice(0, 12)}… not found)` : `${(0,external_node_path_.basename)(l.path)} ${(0,format_bytes/* formatBytes */.z)(l.size ?? 0)}`));
    const total = layers.reduce((n, l) => n + (l.size ?? 0), 0);
    const parent = `parent     sha256:${reader.summary.parent ?? ''}${reader.summary.parentRef === undefined ? '' : ` (made from ${reader.summary.parentRef})`}`;
    return [parent, `chain      ${shown.join(' ← ')} (${(0,plural/* plural */.L)(layers.length, 'layer')}, ${(0,format_bytes/* formatBytes */.z)(total)}${layers[0]?.path === null ? ' found' : ''})`];
}
function describe(reader) {
    const m = reader.summary;
    const s = m.stats;
    const lines = [
        `snapshot   ${reader.path}`,
        `format     vitsnap ${reader.trailer.major}.${reader.trailer.minor}, written by vitsnap ${m.tool.version}`,
        `created    ${m.createdAt ?? '(not recorded: set SOURCE_DATE_EPOCH to record a time)'}`,
        `contents   ${(0,plural/* plural */.L)(s.files, 'file')}, ${(0,plural/* plural */.L)(s.dirs, 'dir')}, ${(0,plural/* plural */.L)(s.symlinks, 'symlink')}, ${(0,format_bytes/* formatBytes */.z)(s.bytes)}`,
        ...chainLines(reader),
        `stored     ${(0,format_bytes/* formatBytes */.z)(reader.fileSize)} (${s.bytes > 0 ? (s.bytes / reader.fileSize).toFixed(2) : '1.00'}×), ${(0,plural/* plural */.L)(s.blocks, 'block')}, ${(0,plural/* plural */.L)(s.chunks, 'unique chunk')}`,
    ];
    const classes = s.classes;
    lines.push(`classes    ${Object.keys(classes)
        .filter((c) => classes[c].files > 0)
        .map((c) => `${c} ${classes[c].files} (${(0,format_bytes/* formatBytes */.z)(classes[c].bytes)})`)
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

A delta snapshot also shows its chain down to the full snapshot, with each layer's size, as far
as its parents are found (next to it, in the store, or given with --parent).

Options:
${args/* CHAIN_HELP */.w7}
      --json      print the description as JSON
  -h, --help      show this help

Example:
  vitsnap info app.vitsnap
`,
    async run(argv, ctx) {
        const { values, positionals } = (0,args/* parseCommandArgs */.Qx)('info', argv, { ...args/* COMMON_OPTIONS */.DT, ...args/* CHAIN_OPTIONS */.T });
        const { reader } = await (0,registry_open/* openSnapshotAnywhere */.WA)((0,args/* requireOne */.mc)('info', positionals, 'snapshot file'), { cwd: ctx.cwd, env: ctx.env, ...(0,args/* chainOptions */.E3)(values), partialChain: true });
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
                    ...(reader.isDelta ? { parent: m.parent, depth: m.depth, parentRef: m.parentRef ?? null, chain: chainJson(reader) } : {}),
                }, null, 2));
            }
            else {
                for (const line of describe(reader))
                    ctx.log.out((0,report_escape/* escapeControls */.UN)(line));
            }
        }
        finally {
            reader.close();
        }
        return 0;
    },
};

// EXTERNAL MODULE: ./src/commands/did-you-mean.ts
var did_you_mean = __nccwpck_require__(3651);
;// CONCATENATED MODULE: ./src/commands/logger.ts
/**
 * The CLI's one logger: results to stdout, progress and notes to stderr, a progress bar only on a
 * TTY, colour by the usual conventions (FORCE_COLOR, NO_COLOR, TERM=dumb, TTY).
 */



const BAR_WIDTH = 28;
const REDRAW_MS = 100;
/**
 * Colour or not, for one stream: FORCE_COLOR wins (any value but `0`/`false` turns colour on, as
 * in Node), then NO_COLOR (set and not empty: off, see no-color.org), then TERM=dumb, then the TTY.
 */
function colourEnabled(isTTY, env) {
    const force = env.FORCE_COLOR;
    if (force !== undefined)
        return force !== '0' && force.toLowerCase() !== 'false';
    if (env.NO_COLOR !== undefined && env.NO_COLOR !== '')
        return false;
    if (env.TERM === 'dumb')
        return false;
    return isTTY;
}
function progressAmount(done, total, unit) {
    return unit === 'bytes' ? `${(0,format_bytes/* formatBytes */.z)(done)} / ${(0,format_bytes/* formatBytes */.z)(total)}` : `${done} / ${(0,plural/* plural */.L)(total, unit)}`;
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
    const env = options.env ?? {};
    const stderrColour = colourEnabled(options.stderrIsTTY, env);
    let lastDraw = 0;
    let barShown = false;
    const clear = () => {
        if (barShown) {
            process.stderr.write('\r\x1b[2K');
            barShown = false;
        }
    };
    return {
        colour: colourEnabled(options.stdoutIsTTY === true, env),
        out(line) {
            clear();
            process.stdout.write(`${line}\n`);
        },
        note(line) {
            if (options.quiet)
                return;
            clear();
            process.stderr.write(`${(0,report_escape/* escapeLines */.RQ)(line)}\n`);
        },
        warn(line) {
            clear();
            process.stderr.write(`${stderrColour ? '\x1b[33mwarning:\x1b[0m' : 'warning:'} ${(0,report_escape/* escapeLines */.RQ)(line)}\n`);
        },
        progress(label, done, total, unit = 'bytes') {
            if (options.quiet || !options.stderrIsTTY)
                return;
            const now = Date.now();
            if (now - lastDraw < REDRAW_MS && done < total)
                return;
            lastDraw = now;
            const share = total > 0 ? Math.min(1, done / total) : 1;
            const filled = Math.round(share * BAR_WIDTH);
            const bar = `${'█'.repeat(filled)}${'░'.repeat(BAR_WIDTH - filled)}`;
            process.stderr.write(`\r\x1b[2K${label} ${bar} ${Math.floor(share * 100)}% ${progressAmount(done, total, unit)}`);
            barShown = true;
        },
        status(text) {
            if (options.quiet || !options.stderrIsTTY)
                return;
            const now = Date.now();
            if (now - lastDraw < REDRAW_MS)
                return;
            lastDraw = now;
            process.stderr.write(`\r\x1b[2K${text}`);
            barShown = true;
        },
        done() {
            clear();
        },
    };
}

;// CONCATENATED MODULE: ./src/commands/rebuild.ts
const rebuildCommand = {
    name: 'rebuild',
    summary: 'build twice, the second time in a varied environment, and explain what differs',
    help: `Usage: vitsnap rebuild [options] -- BUILD_COMMAND [ARGS…]

Is the build reproducible? Copies the source tree into a fresh build directory, runs the
control build, captures its outputs into a snapshot, then does the same for a varied build
(another clock, time zone, locale, umask, build path, …) and compares the two snapshots with
the full diff report: every difference with its cause and a fix hint. With --bisect, it then
rebuilds with variations switched off until it knows which of them made the difference.

The source tree is the files git tracks in the current directory (the work tree as it is,
uncommitted edits included), or everything under --source DIR. The build command runs in the
copy, without a shell (use sh -c '…' for one), inheriting this environment except for what a
variation sets. Without build-path, both builds run in the same directory, one after the other.

Variations (all by default; each is tested, or listed as not tested with the reason):
  build-path   build in directories of different names and lengths
  time         the clock 3 years ahead (faketime, NO_FAKE_STAT=1); not for static/Go binaries
  timezone     TZ=GMT+12 vs TZ=GMT-14
  locale       LC_ALL/LANG C.UTF-8 vs another installed locale (else generated with localedef)
  umask        umask 0022 vs 0002
  home         HOME moved to an empty directory
  env          an extra environment variable, and an extra PATH entry
  user         another uid and USER/LOGNAME (unshare --user --map-user)
  hostname     another host name (unshare --uts)
  file-order   directory entries shuffled (disorderfs; needs FUSE)
  num-cpus     all CPUs vs one (taskset -c 0)
  aslr         address space randomisation off (setarch -R) vs on
Tools: Debian packages faketime, disorderfs, util-linux (unshare, taskset, setarch), locales.

Exit codes: 0 reproducible (identical outputs), 1 not reproducible, 2 error (the build failed
or timed out, nothing matched --outputs, bad usage).

Options:
      --vary LIST      variations to apply, comma separated, read left to right: names add,
                       -NAME removes, 'all', 'none' (nothing varied: is the build deterministic
                       at all?). A list starting with -NAME starts from all. Default: all
      --outputs GLOB   the build outputs to compare, relative to the build directory
                       (repeatable; '!GLOB' excludes); default: every file there
      --source DIR     copy everything under DIR instead of git's tracked files here
      --bisect         when the builds differ, find the variations responsible
      --max-builds N   at most N builds in all, bisecting included (default: 32)
      --timeout SEC    kill a build (its whole process group) after SEC seconds (default: 3600)
      --keep DIR       keep control.vitsnap, varied.vitsnap and the build logs in DIR
      --ignore LIST    accept known noise, as in 'vitsnap diff': timestamps, build-paths,
                       file-order, build-id, compression
      --json           print one JSON document: variations, bisect, and the diff report
                       (schema: docs/report-schema.md, "vitsnap-rebuild/1")
      --max-lines N    cut the text report after N lines (default 400)
  -q, --quiet          print only the verdict line (and what bisect found)
  -h, --help           show this help

Examples:
  vitsnap rebuild --outputs 'out/**' -- make
  vitsnap rebuild --vary time,timezone --outputs app -- sh -c 'gcc -o app main.c'
  vitsnap rebuild --vary=-file-order,-user --bisect --outputs 'dist/**' -- npm run build
  vitsnap rebuild --vary none --outputs 'target/release/app' -- cargo build --release
  vitsnap rebuild --source ./pkg --keep rebuild-artifacts --json -- ./build.sh > rebuild.json
`,
    async run(argv, ctx) {
        // Loaded on demand: the comparators and capture pipeline are most of the CLI's code.
        const { runRebuildCommand } = await Promise.all(/* import() */[__nccwpck_require__.e(527), __nccwpck_require__.e(686), __nccwpck_require__.e(899), __nccwpck_require__.e(777), __nccwpck_require__.e(262), __nccwpck_require__.e(75)]).then(__nccwpck_require__.bind(__nccwpck_require__, 5075));
        return runRebuildCommand(argv, ctx);
    },
};

// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(3916);
// EXTERNAL MODULE: ./src/snapshot/expansion.ts
var expansion = __nccwpck_require__(1301);
// EXTERNAL MODULE: ./src/snapshot/globs.ts
var globs = __nccwpck_require__(5251);
// EXTERNAL MODULE: ./src/store/open.ts
var store_open = __nccwpck_require__(9717);
// EXTERNAL MODULE: ./src/store/plain.ts
var plain = __nccwpck_require__(1233);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
;// CONCATENATED MODULE: external "node:timers/promises"
const promises_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:timers/promises");
// EXTERNAL MODULE: ./src/interrupt.ts
var interrupt = __nccwpck_require__(8476);
// EXTERNAL MODULE: ./src/snapshot/paths.ts
var paths = __nccwpck_require__(8588);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __nccwpck_require__(8161);
;// CONCATENATED MODULE: ./src/snapshot/restore-journal.ts
/**
 * A restore's write-ahead journal: every path a restore is about to create, every temp file and
 * every file it moves aside is recorded (one line, before the change) in `.vitsnap-restore-<pid>`
 * at the restore root. Undoing the journal backwards puts the directory back as it was: on a
 * failure in this process, or, after a SIGKILL, by the next restore into the same directory.
 * Paths are relative to the root (the directory may have been moved since) and are re-checked
 * before undoing: a journal is a file in a directory anyone may have written to.
 */






const RESTORE_MARKER = '.vitsnap-restore-';
const JOURNAL_NAME = /^\.vitsnap-restore-(\d+)$/;
/** Temp and backup files: `.vitsnap-restore-<pid>-<n>`, a fixed short length next to any name. */
const SIDE_FILE_NAME = /^\.vitsnap-restore-(\d+)-\d+$/;
/** True for a name restore keeps for itself: a snapshot entry may not be called that. */
function isReservedName(segment) {
    return JOURNAL_NAME.test(segment) || SIDE_FILE_NAME.test(segment);
}
class RestoreJournal {
    base;
    path;
    fd;
    records = [];
    sideFiles = 0;
    constructor(base) {
        this.base = base;
        this.path = (0,external_node_path_.join)(base, `${RESTORE_MARKER}${process.pid}`);
        try {
            this.fd = (0,external_node_fs_.openSync)(this.path, 'wx', 0o600);
        }
        catch (error) {
            throw (0,errors/* fromSystemError */.Kh)(error, `cannot start restoring into ${base}`);
        }
        this.writeLine({ op: 'host', name: (0,external_node_os_.hostname)() });
    }
    /** A fresh short name (relative to the root) next to `relPath`, for a temp or moved-aside file. */
    sideFile(relPath) {
        const slash = relPath.lastIndexOf('/');
        return `${relPath.slice(0, slash + 1)}${RESTORE_MARKER}${process.pid}-${this.sideFiles++}`;
    }
    record(entry) {
        this.records.push(entry);
        this.writeLine(entry);
    }
    writeLine(entry) {
        const line = Buffer.from(`${JSON.stringify(entry)}\n`);
        try {
            let done = 0;
            while (done < line.length)
                done += (0,external_node_fs_.writeSync)(this.fd, line, done, line.length - done);
        }
        catch (error) {
            throw (0,errors/* fromSystemError */.Kh)(error, `cannot write the restore journal ${this.path}`);
        }
    }
    /** Everything is in place: the files it replaced are no longer needed for a rollback. */
    discardMovedAside() {
        for (const r of this.records)
            if (r.op === 'moved')
                removeQuietly(this.base, r.to);
    }
    /** The restore succeeded: drop the journal. */
    finish() {
        this.close();
    }
    /** The restore failed: undo everything it did, newest first, then drop the journal. */
    rollback() {
        undo(this.base, this.records);
        this.close();
    }
    close() {
        if (this.fd >= 0)
            (0,external_node_fs_.closeSync)(this.fd);
        this.fd = -1;
        try {
            (0,external_node_fs_.unlinkSync)(this.path);
        }
        catch {
            // already gone
        }
    }
}
/**
 * Undoes the journals of restores into `base` whose process is gone, and removes their temp files
 * at its top level. Run before a restore looks at what `base` holds.
 */
function recoverAbandonedRestores(base) {
    let names;
    try {
        names = (0,external_node_fs_.readdirSync)(base);
    }
    catch {
        return;
    }
    const abandoned = (pid) => pid !== undefined && (Number(pid) === process.pid || !(0,atomic_file/* processIsAlive */.xT)(Number(pid)));
    const foreign = new Set();
    for (const name of names) {
        const pid = JOURNAL_NAME.exec(name)?.[1];
        if (pid === undefined || !abandoned(pid))
            continue;
        const journal = readJournal((0,external_node_path_.join)(base, name));
        // A pid means nothing on another machine (or container) sharing this directory: leave its journal be.
        if (journal.host !== undefined && journal.host !== (0,external_node_os_.hostname)()) {
            foreign.add(pid);
            continue;
        }
        undo(base, journal.records);
        removeQuietly(base, name);
    }
    for (const name of names) {
        const pid = SIDE_FILE_NAME.exec(name)?.[1];
        if (pid !== undefined && !foreign.has(pid) && abandoned(pid))
            removeQuietly(base, name);
    }
}
/** The host that wrote a journal file, and its records; a torn last line (killed mid-write) is skipped. */
function readJournal(path) {
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(path, 'utf8');
    }
    catch {
        return { host: undefined, records: [] };
    }
    let host;
    const records = [];
    for (const line of text.split('\n')) {
        try {
            const r = JSON.parse(line);
            if (r.op === 'host' && typeof r.name === 'string')
                host = r.name;
            if (typeof r.path !== 'string')
                continue;
            if (r.op === 'created' || r.op === 'temp')
                records.push({ op: r.op, path: r.path });
            else if (r.op === 'moved' && typeof r.to === 'string')
                records.push({ op: 'moved', path: r.path, to: r.to });
        }
        catch {
            // torn or empty line
        }
    }
    return { host, records };
}
/** Best effort: each step that cannot be undone (already gone, or changed since) is skipped. */
function undo(base, records) {
    for (const r of [...records].reverse()) {
        if (r.op !== 'moved') {
            removeQuietly(base, r.path);
            continue;
        }
        const from = safePath(base, r.to);
        const to = safePath(base, r.path);
        if (from === null || to === null)
            continue;
        try {
            (0,external_node_fs_.renameSync)(from, to);
        }
        catch {
            // never moved, or already back
        }
    }
}
/**
 * `base/relPath` when `relPath` is a plain relative path whose parents are real directories (not
 * symlinks), so undoing a tampered journal cannot touch anything outside `base`; otherwise null.
 */
function safePath(base, relPath) {
    if ((0,paths/* entryPathProblem */.h)(relPath) !== null)
        return null;
    const segments = relPath.split('/');
    let current = base;
    for (const segment of segments.slice(0, -1)) {
        current = (0,external_node_path_.join)(current, segment);
        try {
            if (!(0,external_node_fs_.lstatSync)(current).isDirectory())
                return null;
        }
        catch {
            return null;
        }
    }
    return (0,external_node_path_.join)(current, segments[segments.length - 1]);
}
/** Removes a file, a symlink or an empty directory under `base`; anything else is left as it is. */
function removeQuietly(base, relPath) {
    const path = safePath(base, relPath);
    if (path === null)
        return;
    try {
        (0,external_node_fs_.unlinkSync)(path);
        return;
    }
    catch (error) {
        const code = error.code;
        if (code !== 'EISDIR' && code !== 'EPERM')
            return;
    }
    try {
        (0,external_node_fs_.rmdirSync)(path);
    }
    catch {
        // not empty: something that this restore did not make is inside
    }
}

// EXTERNAL MODULE: ./src/snapshot/sparse.ts
var sparse = __nccwpck_require__(9270);
;// CONCATENATED MODULE: ./src/snapshot/restore.ts
/**
 * Restores a snapshot's entries under a target directory. Every entry path is re-checked, every
 * parent directory on disk is checked not to be a symlink before anything is written under it,
 * each file is written to a short temp name, digest-checked, then renamed into place. The target
 * must be empty unless `force`; every change is journaled first (restore-journal.ts), so a failed
 * restore takes back everything it did, and a killed one is taken back by the next restore there.
 */










/**
 * The writer pauses (one event-loop turn) after about this much work, counting 4 KiB per entry
 * besides file bytes: often enough that Ctrl-C is answered within a fraction of a second, rarely
 * enough to cost nothing measurable.
 */
const PAUSE_EVERY_BYTES = 16 * 1024 * 1024;
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
async function restoreSnapshot(reader, targetDir, options = {}) {
    const entries = selectEntries(reader.manifest.entries, options.only);
    if (options.only !== undefined && entries.length === 0) {
        throw new errors/* OperationError */.OK('E_NOT_FOUND', 'no entry in the snapshot matches --only; list its paths with \'vitsnap export FILE --json\'');
    }
    for (const entry of entries) {
        const problem = (0,paths/* entryPathProblem */.h)(entry.path) ?? (entry.path.split('/').some(isReservedName) ? 'names like .vitsnap-restore-<n> are kept for restore\'s own journal' : null);
        if (problem !== null)
            throw new errors/* UnsafePathError */.k0(entry.path, problem);
    }
    (0,expansion/* checkExpansion */.aO)({ path: reader.path, fileSize: reader.chainBytes }, entries, options.limits);
    const target = (0,external_node_path_.resolve)(targetDir);
    const firstCreated = makeDirs(target, targetDir);
    let journal;
    let base;
    try {
        base = (0,external_node_fs_.realpathSync)(target);
        recoverAbandonedRestores(base);
        if (options.force !== true && (0,external_node_fs_.readdirSync)(base).length > 0) {
            throw new errors/* OperationError */.OK('E_INPUT', `${targetDir} is not empty; pass --force to overwrite files in it, or choose an empty directory`);
        }
        (0,expansion/* checkFreeSpace */.f$)(targetDir, entries);
        journal = new RestoreJournal(base);
    }
    catch (error) {
        removeCreatedDirs(target, firstCreated);
        throw (0,errors/* fromSystemError */.Kh)(error, `cannot restore into ${targetDir}`);
    }
    const undo = () => {
        journal.rollback();
        removeCreatedDirs(target, firstCreated);
    };
    // Ctrl-C while writing: the signal handler runs this at the writer's next pause.
    const forget = (0,interrupt/* onInterrupt */.n)(undo);
    try {
        const writer = new EntryWriter(reader, journal, options.onProgress, options.linkSource);
        const report = await writer.writeAll(entries);
        forget();
        // Before the modes: a directory made read-only would keep the moved-aside files in it.
        journal.discardMovedAside();
        writer.applyDirModes();
        journal.finish();
        return report;
    }
    catch (error) {
        forget();
        undo();
        throw error;
    }
}
/**
 * `mkdir -p target`, returning the first directory it made. Not `mkdirSync(recursive)`: on a
 * read-only file system that reports ENOENT instead of EROFS.
 */
function makeDirs(target, shown) {
    const missing = [];
    for (let dir = target; (0,external_node_path_.dirname)(dir) !== dir; dir = (0,external_node_path_.dirname)(dir)) {
        try {
            (0,external_node_fs_.statSync)(dir);
            break;
        }
        catch {
            missing.push(dir);
        }
    }
    let first;
    for (const dir of missing.reverse()) {
        try {
            (0,external_node_fs_.mkdirSync)(dir);
        }
        catch (error) {
            removeCreatedDirs((0,external_node_path_.dirname)(dir), first);
            throw (0,errors/* fromSystemError */.Kh)(error, `cannot create ${shown}`);
        }
        first ??= dir;
    }
    return first;
}
/** Removes `target` and its parents up to `firstCreated` (what `mkdir -p` made), when empty. */
function removeCreatedDirs(target, firstCreated) {
    if (firstCreated === undefined)
        return;
    for (let dir = target;; dir = (0,external_node_path_.dirname)(dir)) {
        try {
            (0,external_node_fs_.rmdirSync)(dir);
        }
        catch {
            return;
        }
        if (dir === firstCreated || (0,external_node_path_.dirname)(dir) === dir)
            return;
    }
}
/** Writes entries under the journal's root, journaling each change before it is made. */
class EntryWriter {
    report = { files: 0, dirs: 0, symlinks: 0, bytes: 0 };
    dirModes = [];
    totalBytes = 0;
    reader;
    journal;
    onProgress;
    linkSource;
    constructor(reader, journal, onProgress, linkSource) {
        this.reader = reader;
        this.journal = journal;
        this.onProgress = onProgress;
        this.linkSource = linkSource;
        if (linkSource !== undefined)
            this.report.linked = 0;
    }
    /** Writes every entry, pausing between entries now and then so a signal can be handled (and the restore undone). */
    async writeAll(entries) {
        this.totalBytes = entries.reduce((sum, e) => sum + (e.type === 'file' ? e.size : 0), 0);
        let sincePause = 0;
        for (const entry of entries) {
            try {
                this.write(entry);
            }
            catch (error) {
                throw entryError(error, entry, this.journal.base);
            }
            sincePause += 4096 + (entry.type === 'file' ? entry.size : 0);
            if (sincePause >= PAUSE_EVERY_BYTES) {
                sincePause = 0;
                await (0,promises_namespaceObject.setImmediate)();
            }
        }
        return this.report;
    }
    /** Directory modes last, deepest first, so a read-only directory does not block its contents. */
    applyDirModes() {
        for (const { abs, mode } of [...this.dirModes].reverse()) {
            try {
                (0,external_node_fs_.chmodSync)(abs, mode);
            }
            catch (error) {
                throw (0,errors/* fromSystemError */.Kh)(error, `cannot set the mode of ${abs}`);
            }
        }
    }
    abs(relPath) {
        return (0,external_node_path_.join)(this.journal.base, ...relPath.split('/'));
    }
    write(entry) {
        this.ensureParents(entry.path);
        const abs = this.abs(entry.path);
        const existing = lstatOrNull(abs);
        if (entry.type === 'dir') {
            if (existing === null) {
                this.journal.record({ op: 'created', path: entry.path });
                (0,external_node_fs_.mkdirSync)(abs, { mode: 0o700 });
            }
            else if (existing.isSymbolicLink())
                throw new errors/* UnsafePathError */.k0(entry.path, 'a symlink is in the way of this directory');
            else if (!existing.isDirectory())
                throw new errors/* OperationError */.OK('E_IO', `cannot restore directory ${entry.path}: a file is in the way; remove it or restore into an empty directory`);
            this.dirModes.push({ abs, mode: entry.mode & RESTORABLE_MODE });
            this.report.dirs++;
            return;
        }
        if (existing?.isDirectory() === true) {
            throw new errors/* OperationError */.OK('E_IO', `cannot restore ${entry.type} ${entry.path}: a directory is in the way; remove it or restore into an empty directory`);
        }
        if (entry.type === 'symlink') {
            this.putInPlace(entry.path, existing, () => this.makeSymlink(entry, abs));
            this.report.symlinks++;
        }
        else {
            const temp = this.linkTemp(entry) ?? this.writeTemp(entry);
            this.putInPlace(entry.path, existing, () => (0,external_node_fs_.renameSync)(temp, abs));
            this.report.files++;
        }
    }
    /** Moves whatever is at `relPath` aside (so a rollback can put it back), then runs `place`. */
    putInPlace(relPath, existing, place) {
        if (existing !== null) {
            const aside = this.journal.sideFile(relPath);
            this.journal.record({ op: 'moved', path: relPath, to: aside });
            (0,external_node_fs_.renameSync)(this.abs(relPath), this.abs(aside));
        }
        this.journal.record({ op: 'created', path: relPath });
        place();
    }
    makeSymlink(entry, abs) {
        try {
            (0,external_node_fs_.symlinkSync)(entry.target, abs);
        }
        catch (error) {
            if (error.code === 'ENAMETOOLONG') {
                const bytes = Buffer.byteLength(entry.target);
                throw new errors/* OperationError */.OK('E_IO', `cannot restore symlink ${entry.path}: its target is ${bytes} bytes, longer than this system allows (Linux: 4095); nothing was restored`);
            }
            throw error;
        }
    }
    /** Hardlinks the entry's plain copy as a temp file next to it; null when it must be written instead. */
    linkTemp(entry) {
        if (this.linkSource === undefined)
            return null;
        const source = this.linkSource(entry);
        const rel = this.journal.sideFile(entry.path);
        this.journal.record({ op: 'temp', path: rel });
        try {
            (0,external_node_fs_.linkSync)(source, this.abs(rel));
        }
        catch (error) {
            const code = error.code;
            if (code !== 'EXDEV' && code !== 'EPERM' && code !== 'EMLINK')
                throw error;
            // Another filesystem (or one without hardlinks): every later file would fail the same way.
            this.linkSource = undefined;
            this.report.linkFallback = code === 'EXDEV' ? 'the store is on another filesystem' : `the filesystem refused a hardlink (${code})`;
            return null;
        }
        this.report.bytes += entry.size;
        this.report.linked = (this.report.linked ?? 0) + 1;
        this.onProgress?.(this.report.bytes, this.totalBytes);
        return this.abs(rel);
    }
    /** Writes a file's bytes to a new temp file next to it and checks their digest; returns the temp path. */
    writeTemp(entry) {
        const rel = this.journal.sideFile(entry.path);
        const temp = this.abs(rel);
        this.journal.record({ op: 'temp', path: rel });
        const fd = (0,external_node_fs_.openSync)(temp, 'wx', 0o600);
        try {
            const hash = (0,external_node_crypto_.createHash)('sha256');
            let position = 0;
            let skipped = 0;
            for (const piece of this.reader.readFile(entry)) {
                hash.update(piece);
                skipped += (0,sparse/* writeSparse */.Mj)(fd, piece, position);
                position += piece.length;
                this.report.bytes += piece.length;
                this.onProgress?.(this.report.bytes, this.totalBytes);
            }
            if (skipped > 0)
                (0,sparse/* finishSparse */.Kn)(fd, entry.size);
            if (hash.digest('hex') !== entry.sha256) {
                throw new errors/* SnapshotFormatError */.wv('E_CHECKSUM', `${entry.path}: restored bytes do not match its SHA-256; the snapshot ${this.reader.path} is corrupt (run 'vitsnap verify' on it); nothing was left in the target`);
            }
        }
        finally {
            (0,external_node_fs_.closeSync)(fd);
        }
        (0,external_node_fs_.chmodSync)(temp, entry.mode & RESTORABLE_MODE);
        return temp;
    }
    /** Creates missing parent directories of `relPath`, refusing to pass through a symlink or a file. */
    ensureParents(relPath) {
        const segments = relPath.split('/');
        for (let i = 1; i < segments.length; i++) {
            const parent = segments.slice(0, i).join('/');
            const st = lstatOrNull(this.abs(parent));
            if (st === null) {
                this.journal.record({ op: 'created', path: parent });
                (0,external_node_fs_.mkdirSync)(this.abs(parent), { mode: 0o755 });
            }
            else if (st.isSymbolicLink()) {
                throw new errors/* UnsafePathError */.k0(relPath, `its parent ${parent} is a symlink`);
            }
            else if (!st.isDirectory()) {
                throw new errors/* UnsafePathError */.k0(relPath, `its parent ${parent} is not a directory`);
            }
        }
    }
}
/** A failure while restoring `entry`, as a coded error that names it; vitsnap's own errors pass through. */
function entryError(error, entry, base) {
    if ((0,errors/* isVitsnapError */.iR)(error))
        return error;
    return (0,errors/* fromSystemError */.Kh)(error, `cannot restore ${entry.type} ${entry.path} in ${base}`);
}
function lstatOrNull(path) {
    try {
        return (0,external_node_fs_.lstatSync)(path);
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return null;
        throw error;
    }
}

;// CONCATENATED MODULE: ./src/commands/restore.ts











const restoreCommand = {
    name: 'restore',
    summary: 'write a snapshot\'s files back to a directory, byte for byte',
    help: `Usage: vitsnap restore FILE -C DIR [--only GLOB]… [--force] [--max-size N | --allow-expand]

Write the snapshot's files, directories and symlinks under DIR with their recorded modes
(setuid/setgid bits are never restored). Each file is checked against its SHA-256 before it is
moved into place. Entries that would land outside DIR ('..', absolute paths, a path through a
symlink) are refused.

DIR must be empty (or missing) unless --force. If the restore fails (a corrupt block, a full
disk) or is interrupted (Ctrl-C), everything it wrote is removed and DIR is left as it was; a
restore that was killed (SIGKILL, a power cut) is undone by the next restore into DIR. Before writing, the total size of the files is checked
against the free space in DIR, and against 10x the snapshot's own size (at least 64 MiB): a
forged snapshot can repeat one chunk to claim terabytes. Snapshots of very compressible or
duplicated files can legitimately exceed that; pass --allow-expand or --max-size for those.

Options:
  -C, --dir DIR       directory to restore into (required; created if missing)
      --only GLOB     restore only matching paths (repeatable)
      --force         restore into a non-empty DIR: files and symlinks the snapshot also has are
                      replaced, everything else is kept. Risk: once the restore succeeds, the
                      files it replaced are gone, and directories the snapshot also has get
                      its modes; a failed restore puts the replaced files back
      --max-size N    refuse snapshots with more than N bytes of files (e.g. 512M, 10G)
      --allow-expand  lift the 10x bound (--max-size still applies)
      --link          for a store:NAME snapshot: hardlink each file to a read-only copy kept in
                      the store instead of writing it (same filesystem; else files are copied,
                      and the output says so). Linked files are read-only: do not chmod them to
                      edit them, copy them first
${args/* CHAIN_HELP */.w7}
      --json          print the result as JSON
  -q, --quiet         print only errors (--json still prints the result)
  -h, --help          show this help

Examples:
  vitsnap restore app.vitsnap -C /tmp/app --only 'bin/**'
  vitsnap restore app.vitsnap -C . --force --max-size 2G
  vitsnap restore store:main -C /tmp/main --link
`,
    async run(argv, ctx) {
        const { values, positionals } = (0,args/* parseCommandArgs */.Qx)('restore', argv, {
            ...args/* COMMON_OPTIONS */.DT,
            dir: { type: 'string', short: 'C' },
            only: { type: 'string', multiple: true },
            force: { type: 'boolean' },
            'max-size': { type: 'string' },
            'allow-expand': { type: 'boolean' },
            link: { type: 'boolean' },
            ...args/* CHAIN_OPTIONS */.T,
        });
        const file = (0,args/* requireOne */.mc)('restore', positionals, 'snapshot file');
        if (values.dir === undefined)
            throw new errors/* OperationError */.OK('E_USAGE', "restore needs a target directory: -C DIR; run 'vitsnap restore --help'");
        const maxSize = values['max-size'] === undefined ? undefined : (0,expansion/* parseSize */.DB)(values['max-size']);
        if (values.link === true && !(0,store_open/* isStoreRef */.Pw)(file) && !(0,registry_open/* isOciRef */.dX)(file)) {
            throw new errors/* OperationError */.OK('E_USAGE', `--link restores from a store: add the snapshot (vitsnap store add ${file}) and restore store:NAME`);
        }
        const { reader, store } = await (0,registry_open/* openSnapshotAnywhere */.WA)(file, { cwd: ctx.cwd, env: ctx.env, ...(0,args/* chainOptions */.E3)(values), fetchAll: true, onProgress: (done, total) => ctx.log.progress('fetching', done, total, 'chunk') });
        try {
            const only = values.only === undefined ? undefined : (0,globs/* compileGlobs */.t)(values.only);
            const report = await restoreSnapshot(reader, (0,external_node_path_.resolve)(ctx.cwd, values.dir), {
                only,
                force: values.force === true,
                limits: { maxSize, allowExpand: values['allow-expand'] === true },
                onProgress: (done, total) => ctx.log.progress('restoring', done, total),
                ...(values.link === true && store !== null ? { linkSource: (entry) => (0,plain/* ensurePlainCopy */.Av)(store, reader, entry) } : {}),
            });
            ctx.log.done();
            if (values.json === true)
                ctx.log.out(JSON.stringify(report, null, 2));
            else if (values.quiet !== true) {
                ctx.log.out(`restored ${(0,plural/* plural */.L)(report.files, 'file')} (${(0,format_bytes/* formatBytes */.z)(report.bytes)}), ${(0,plural/* plural */.L)(report.dirs, 'dir')}, ${(0,plural/* plural */.L)(report.symlinks, 'symlink')} into ${values.dir}`);
                if (report.linked !== undefined)
                    ctx.log.out(`${(0,plural/* plural */.L)(report.linked, 'file')} hardlinked read-only from the store`);
            }
            if (report.linkFallback !== undefined) {
                const copied = report.files - (report.linked ?? 0);
                ctx.log.warn(`--link: ${report.linkFallback}, so ${(0,plural/* plural */.L)(copied, 'file')} ${copied === 1 ? 'was' : 'were'} copied instead of linked`);
            }
        }
        finally {
            reader.close();
        }
        return 0;
    },
};

// EXTERNAL MODULE: ./src/commands/store.ts + 2 modules
var store = __nccwpck_require__(8979);
// EXTERNAL MODULE: ./src/registry/connect.ts
var connect = __nccwpck_require__(6465);
// EXTERNAL MODULE: ./src/registry/pull.ts
var pull = __nccwpck_require__(5504);
// EXTERNAL MODULE: ./src/in-parallel.ts
var in_parallel = __nccwpck_require__(7462);
// EXTERNAL MODULE: ./src/store/layout.ts
var store_layout = __nccwpck_require__(5891);
// EXTERNAL MODULE: ./src/store/records.ts
var records = __nccwpck_require__(2751);
// EXTERNAL MODULE: ./src/store/sessions.ts
var sessions = __nccwpck_require__(1888);
// EXTERNAL MODULE: ./src/registry/referrers.ts
var referrers = __nccwpck_require__(9191);
// EXTERNAL MODULE: ./src/registry/layout.ts
var registry_layout = __nccwpck_require__(7853);
;// CONCATENATED MODULE: ./src/registry/push.ts
/**
 * `vitsnap push`: a stored snapshot into an OCI registry, sending only the blobs it lacks. Chunks
 * the tag's previous snapshot (or a `--base` tag) already lists are known to be there and cost
 * nothing; the others are checked with a HEAD and uploaded when missing.
 */







/** Chunk → blob for every chunk listed by a tag, or an empty map when the tag is absent or not ours. */
async function knownChunks(client, tag) {
    const known = new Map();
    let index;
    try {
        if ((await client.resolveManifest(tag)) === null)
            return known;
        index = (0,registry_layout/* readIndex */.vY)((await client.getManifest(tag)).bytes);
    }
    catch {
        return known; // another kind of artifact under that tag: nothing known
    }
    for (let i = 1; i < index.manifests.length; i++) {
        const d = index.manifests[i];
        if (d === undefined)
            continue;
        for (const c of (0,registry_layout/* readManifest */.WI)((await client.getManifest(d.digest)).bytes, i).chunks)
            known.set(c.chunk, c);
    }
    return known;
}
async function pushSnapshot(layout, id, ref, client, options = {}) {
    const tag = ref.tag ?? 'latest';
    const session = sessions/* StoreSession */.e7.begin(layout, `push ${id.slice(0, 12)}`);
    try {
        const reader = (0,records/* openRecord */.C6)(layout, id);
        let digests;
        let summary;
        try {
            const { chunks } = reader.loadIndex();
            digests = [];
            for (let k = 0; k < chunks.length; k++)
                digests.push(chunks.at(k).sha256.toString('hex'));
            summary = reader.summary;
        }
        finally {
            reader.close();
        }
        const known = new Map();
        for (const t of [tag, ...(options.baseTags ?? [])])
            for (const [k, v] of await knownChunks(client, t))
                known.set(k, v);
        const blobs = [];
        const toSend = [];
        for (const chunk of digests) {
            const listed = known.get(chunk);
            if (listed !== undefined) {
                blobs.push(listed);
                continue;
            }
            const path = (0,store_layout/* chunkPath */.BS)(layout, chunk);
            const bytes = (0,external_node_fs_.readFileSync)(path);
            const blob = { chunk, digest: (0,registry_layout/* sha256Digest */.sI)(bytes), size: bytes.length };
            blobs.push(blob);
            toSend.push({ ...blob, path });
        }
        let uploaded = 0;
        let mounted = 0;
        let uploadedBytes = 0;
        let done = 0;
        await (0,in_parallel/* inParallel */.H)(toSend, options.concurrency ?? 16, async (b) => {
            const result = await client.pushBlob(b.digest, b.size, () => (0,external_node_fs_.readFileSync)(b.path), options.mountFrom === undefined ? undefined : { mountFrom: options.mountFrom });
            if (result === 'mounted')
                mounted++;
            if (result === 'uploaded')
                uploadedBytes += b.size;
            if (result !== 'exists')
                uploaded++;
            options.onProgress?.(++done, toSend.length);
        });
        const record = (0,external_node_fs_.readFileSync)((0,records/* recordPath */.lX)(layout, id));
        const recordDigest = (0,registry_layout/* sha256Digest */.sI)(record);
        await client.pushBlob(recordDigest, record.length, () => record);
        await client.pushBlob(registry_layout/* EMPTY_DIGEST */.Vx, registry_layout/* EMPTY_BLOB */.u.length, () => registry_layout/* EMPTY_BLOB */.u);
        const subject = options.subject === undefined ? undefined : await (0,referrers/* subjectDescriptor */.Ay)(client, options.subject);
        const built = (0,registry_layout/* buildLayout */.XV)(id, summary, { digest: recordDigest, size: record.length }, blobs, subject);
        for (const m of built.manifests)
            await client.putManifest((0,registry_layout/* sha256Digest */.sI)(m), m, registry_layout/* OCI_MANIFEST */.EG);
        const indexDigest = await client.putManifest(tag, built.index, registry_layout/* OCI_INDEX */.$p);
        for (const extra of options.extraTags ?? [])
            await client.putManifest(extra, built.index, registry_layout/* OCI_INDEX */.$p);
        if (subject !== undefined)
            await (0,referrers/* recordReferrer */.zw)(client, subject.digest, { mediaType: registry_layout/* OCI_INDEX */.$p, digest: indexDigest, size: built.index.length, artifactType: registry_layout/* ARTIFACT_TYPE */.gn });
        (0,records/* touchRecord */.h)(layout, id);
        return { indexDigest, chunks: digests.length, uploaded, mounted, uploadedBytes, present: digests.length - uploaded, snapshotBytes: summary.stats.storedBytes + record.length - records/* RECORD_PREFIX */.RI };
    }
    finally {
        session.end();
    }
}

// EXTERNAL MODULE: ./src/store/add.ts
var add = __nccwpck_require__(5702);
;// CONCATENATED MODULE: ./src/commands/registry.ts
/** `vitsnap push` and `vitsnap pull`: snapshots to and from OCI registries (docs/format.md, "OCI layout"). */












const REGISTRY_HELP = `Credentials: VITSNAP_REGISTRY_USER and VITSNAP_REGISTRY_PASSWORD, else docker login's
~/.docker/config.json ($DOCKER_CONFIG), else for ghcr.io GITHUB_TOKEN. Plain HTTP is used for
localhost and 127.0.0.1 only, or for any registry with VITSNAP_REGISTRY_INSECURE=1.
A pull-through mirror (Dragonfly, Kraken, Spegel, a registry proxy) serves pulls when given as
--registry-mirror HOST[:PORT]; pushes always go to the registry named in the reference.`;
const pushCommand = {
    name: 'push',
    summary: 'send a snapshot to an OCI registry (only the chunks it lacks)',
    help: `Usage: vitsnap push SNAPSHOT oci://REGISTRY/REPOSITORY:TAG [--base TAG]… [--store DIR]

Send a snapshot (a .vitsnap file, or store:NAME) to an OCI registry as an image index of
artifactType application/vnd.vitsnap.snapshot.v1. A file is added to the store first (only its new
chunks are written); chunk blobs the registry already has are not sent again. Chunks listed by
the tag's previous snapshot, and by each --base tag, count as present without a request.

${REGISTRY_HELP}

Options:
      --base TAG      another tag of the repository whose chunks are known present (repeatable)
      --subject DIGEST
                      attach the snapshot to this manifest of the repository (the image built
                      from the same commit): 'vitsnap pull' of the image's tag then finds it
      --mount-from R  another repository of the same registry that may hold the chunks: they
                      are mounted from it instead of uploaded
      --store DIR     the local store (default: $VITSNAP_STORE, else ~/.cache/vitsnap)
      --json          print the result as JSON
  -q, --quiet         print only errors (--json still prints the result)
  -h, --help          show this help

Examples:
  vitsnap push build.vitsnap oci://ghcr.io/acme/app-vitsnap:main
  vitsnap push store:pr-42 oci://localhost:5000/app:pr-42 --base main
`,
    async run(argv, ctx) {
        const { values, positionals } = (0,args/* parseCommandArgs */.Qx)('push', argv, { ...args/* COMMON_OPTIONS */.DT, base: { type: 'string', multiple: true }, store: { type: 'string' }, 'mount-from': { type: 'string' }, subject: { type: 'string' } });
        if (positionals.length !== 2)
            throw new errors/* OperationError */.OK('E_USAGE', "push takes a snapshot and a reference: vitsnap push build.vitsnap oci://ghcr.io/OWNER/REPO:TAG; run 'vitsnap push --help'");
        const [source, target] = positionals;
        const ref = (0,connect/* registryReference */.r)(target, ctx.env);
        if (ref.digest !== undefined)
            throw new errors/* OperationError */.OK('E_USAGE', `push needs a tag, not a digest (${target}): a pushed manifest's digest is known only once it is pushed`);
        const layout = (0,store_layout/* openStore */.Ch)((0,store_layout/* defaultStoreDir */.iB)(values.store, ctx.env, ctx.cwd), !(0,store_open/* isStoreRef */.Pw)(source));
        const id = (0,store_open/* isStoreRef */.Pw)(source) ? (0,records/* resolveRef */.qE)(layout, source) : (await (0,add/* addSnapshot */.O)(layout, (0,external_node_path_.resolve)(ctx.cwd, source))).id;
        const client = (0,connect/* connectRegistry */.g)(ref, ctx.env, (line) => ctx.log.note(line));
        try {
            const r = await pushSnapshot(layout, id, ref, client, { baseTags: values.base ?? [], ...(values['mount-from'] === undefined ? {} : { mountFrom: values['mount-from'] }), ...(values.subject === undefined ? {} : { subject: values.subject }), onProgress: (done, total) => ctx.log.progress('uploading', done, total, 'chunk') });
            ctx.log.done();
            if (values.json === true)
                ctx.log.out(JSON.stringify({ id, reference: target, ...r }, null, 2));
            else if (values.quiet !== true) {
                const share = r.snapshotBytes > 0 ? ` (${((100 * r.uploadedBytes) / r.snapshotBytes).toFixed(1)} % of the ${(0,format_bytes/* formatBytes */.z)(r.snapshotBytes)} snapshot)` : '';
                ctx.log.out(`pushed ${id.slice(0, 12)} to ${target} (${r.indexDigest}): ${(0,plural/* plural */.L)(r.chunks, 'chunk')}, ${r.uploaded - r.mounted} sent, ${(0,format_bytes/* formatBytes */.z)(r.uploadedBytes)}${share}${r.mounted > 0 ? `, ${r.mounted} mounted` : ''}; ${r.present} already there`);
            }
        }
        finally {
            client.close();
        }
        return 0;
    },
};
const pullCommand = {
    name: 'pull',
    summary: 'fetch a snapshot from an OCI registry into the store (and -o FILE)',
    help: `Usage: vitsnap pull oci://REGISTRY/REPOSITORY:TAG [-o FILE] [--name NAME] [--store DIR]

Fetch a snapshot pushed by 'vitsnap push' into the local store (a tag of an image fetches the
newest snapshot pushed with --subject that image): chunks the store has are not
fetched, so an interrupted pull resumes where it stopped. Every blob is checked against its
digest and every chunk against its SHA-256, and the snapshot is rebuilt and checked against the
id it claims before it is stored. -o also writes it as a standalone .vitsnap file.

${REGISTRY_HELP}

Options:
  -o, --output FILE       write the snapshot to FILE as well
      --name NAME         name it in the store (then use store:NAME)
      --registry-mirror H fetch through this mirror (host[:port]) instead of the registry
      --store DIR         the local store (default: $VITSNAP_STORE, else ~/.cache/vitsnap)
      --json              print the result as JSON
  -q, --quiet             print only errors (--json still prints the result)
  -h, --help              show this help

Examples:
  vitsnap pull oci://ghcr.io/acme/app-vitsnap:main -o main.vitsnap
  vitsnap pull oci://ghcr.io/acme/app-vitsnap:main --name main && vitsnap diff store:main build/
`,
    async run(argv, ctx) {
        const { values, positionals } = (0,args/* parseCommandArgs */.Qx)('pull', argv, {
            ...args/* COMMON_OPTIONS */.DT,
            output: { type: 'string', short: 'o' },
            name: { type: 'string' },
            store: { type: 'string' },
            'registry-mirror': { type: 'string' },
        });
        if (positionals.length !== 1)
            throw new errors/* OperationError */.OK('E_USAGE', "pull takes one reference: vitsnap pull oci://ghcr.io/OWNER/REPO:TAG; run 'vitsnap pull --help'");
        const ref = (0,connect/* registryReference */.r)(positionals[0], ctx.env, values['registry-mirror'] === undefined ? {} : { mirror: values['registry-mirror'] });
        const layout = (0,store_layout/* openStore */.Ch)((0,store_layout/* defaultStoreDir */.iB)(values.store, ctx.env, ctx.cwd), true);
        const client = (0,connect/* connectRegistry */.g)(ref, ctx.env, (line) => ctx.log.note(line));
        try {
            const r = await (0,pull/* pullSnapshot */.Y2)(layout, client, ref, {
                ...(values.name === undefined ? {} : { name: values.name }),
                ...(values.output === undefined ? {} : { output: (0,external_node_path_.resolve)(ctx.cwd, values.output) }),
                onProgress: (done, total) => ctx.log.progress('fetching', done, total, 'chunk'),
            });
            ctx.log.done();
            if (values.json === true)
                ctx.log.out(JSON.stringify(r, null, 2));
            else if (values.quiet !== true) {
                const out = r.output === null ? '' : `, wrote ${values.output}`;
                ctx.log.out(`pulled ${r.id.slice(0, 12)}${values.name === undefined ? '' : ` (${values.name})`}: ${(0,plural/* plural */.L)(r.chunks, 'chunk')}, ${r.fetched} fetched (${(0,format_bytes/* formatBytes */.z)(r.fetchedBytes)}), ${r.chunks - r.fetched} already in the store${out}`);
            }
        }
        finally {
            client.close();
        }
        return 0;
    },
};

;// CONCATENATED MODULE: ./src/commands/verify.ts





const verifyCommand = {
    name: 'verify',
    summary: 'check every block, chunk and file digest of a snapshot',
    help: `Usage: vitsnap verify FILE [--json] [--max-size N | --allow-expand]

Read the whole snapshot and check the trailer, manifest and index checksums, every block's
SHA-256, every chunk's SHA-256 and every file's SHA-256. Exit 0 when all match, 2 otherwise.

Checking a file's SHA-256 reads all of its bytes, so before that the total size of the files is
checked against 10x the snapshot's own size (at least 64 MiB): a forged snapshot can repeat one
chunk to claim terabytes. Snapshots of very compressible or duplicated files can legitimately
exceed that; pass --allow-expand or --max-size for those.

Options:
      --max-size N    refuse snapshots with more than N bytes of files (e.g. 512M, 10G)
      --allow-expand  lift the 10x bound (--max-size still applies)
${args/* CHAIN_HELP */.w7}
      --json          print the result as JSON
  -q, --quiet         print only errors (--json still prints the result)
  -h, --help          show this help

Example:
  vitsnap verify app.vitsnap
`,
    async run(argv, ctx) {
        const { values, positionals } = (0,args/* parseCommandArgs */.Qx)('verify', argv, {
            ...args/* COMMON_OPTIONS */.DT,
            'max-size': { type: 'string' },
            'allow-expand': { type: 'boolean' },
            ...args/* CHAIN_OPTIONS */.T,
        });
        const file = (0,args/* requireOne */.mc)('verify', positionals, 'snapshot file');
        const maxSize = values['max-size'] === undefined ? undefined : (0,expansion/* parseSize */.DB)(values['max-size']);
        const { reader } = await (0,registry_open/* openSnapshotAnywhere */.WA)(file, { cwd: ctx.cwd, env: ctx.env, ...(0,args/* chainOptions */.E3)(values), fetchAll: true, onProgress: (done, total) => ctx.log.progress('fetching', done, total, 'chunk') });
        try {
            (0,expansion/* checkExpansion */.aO)({ path: reader.path, fileSize: reader.chainBytes }, reader.manifest.entries, { maxSize, allowExpand: values['allow-expand'] === true });
            const report = reader.verify((done, total) => ctx.log.progress('verifying', done, total, 'block'));
            // A delta is only as good as the layers below it: each is checked whole too.
            const parents = [];
            for (let layer = reader.parent; layer !== null; layer = layer.parent) {
                layer.verify((done, total) => ctx.log.progress(`verifying parent ${parents.length + 1}`, done, total, 'block'));
                parents.push(layer.path);
            }
            ctx.log.done();
            if (values.json === true)
                ctx.log.out(JSON.stringify({ ok: true, ...report, ...(reader.isDelta ? { parents } : {}) }, null, 2));
            else if (values.quiet !== true) {
                const chain = reader.isDelta ? `, and its ${(0,plural/* plural */.L)(parents.length, 'parent layer')}` : '';
                ctx.log.out(`ok: ${(0,plural/* plural */.L)(report.files, 'file')} (${(0,format_bytes/* formatBytes */.z)(report.bytes)}), ${(0,plural/* plural */.L)(report.chunks, 'chunk')} in ${(0,plural/* plural */.L)(report.blocks, 'block')} verified${chain}`);
            }
        }
        finally {
            reader.close();
        }
        return 0;
    },
};

// EXTERNAL MODULE: ./src/delta/chain.ts
var chain = __nccwpck_require__(7451);
;// CONCATENATED MODULE: ./src/commands/chain.ts
/** `vitsnap flatten` and `vitsnap merge`: rewrite a delta chain as one file or as a shorter chain. */








function outputOf(command, value, ctx) {
    if (value === undefined)
        throw new errors/* OperationError */.OK('E_USAGE', `${command} needs an output file: -o FILE; run 'vitsnap ${command} --help'`);
    return (0,external_node_path_.resolve)(ctx.cwd, value);
}
function shown(ctx, path) {
    const rel = (0,external_node_path_.relative)(ctx.cwd, path);
    return (0,report_escape/* escapeControls */.UN)(rel === '' || rel.startsWith('..') ? path : rel);
}
const flattenCommand = {
    name: 'flatten',
    summary: 'turn a delta snapshot and its parents into one self-contained snapshot',
    help: `Usage: vitsnap flatten SNAPSHOT -o FILE

Write SNAPSHOT's tree, metadata and source as a full snapshot that needs no parent: the same
file a full 'vitsnap create' of that tree would have written. Every layer is read and every
file checked against its SHA-256 on the way.

Options:
  -o, --output FILE   the full snapshot to write (required)
${args/* CHAIN_HELP */.w7}
      --json          print the result as JSON
  -q, --quiet         print only errors
  -h, --help          show this help

Example:
  vitsnap flatten pr-3.vitsnap -o pr-3-full.vitsnap
`,
    async run(argv, ctx) {
        const { values, positionals } = (0,args/* parseCommandArgs */.Qx)('flatten', argv, { ...args/* COMMON_OPTIONS */.DT, ...args/* CHAIN_OPTIONS */.T, output: { type: 'string', short: 'o' } });
        const input = (0,args/* requireOne */.mc)('flatten', positionals, 'snapshot');
        const output = outputOf('flatten', values.output, ctx);
        const { reader } = await (0,registry_open/* openSnapshotAnywhere */.WA)(input, { cwd: ctx.cwd, env: ctx.env, ...(0,args/* chainOptions */.E3)(values), fetchAll: true });
        try {
            const { rewriteSnapshot } = await Promise.all(/* import() */[__nccwpck_require__.e(686), __nccwpck_require__.e(777), __nccwpck_require__.e(34)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3034));
            const result = await rewriteSnapshot(reader, output, { parent: null, onProgress: (done, total) => ctx.log.progress('flattening', done, total) });
            ctx.log.done();
            if (values.json === true)
                ctx.log.out(JSON.stringify({ output: result.output, size: result.size, layers: (0,chain/* chainOf */.dR)(reader).length }, null, 2));
            else if (values.quiet !== true) {
                ctx.log.out(`wrote ${shown(ctx, result.output)}: ${(0,plural/* plural */.L)((0,chain/* chainOf */.dR)(reader).length, 'layer')} flattened into ${(0,format_bytes/* formatBytes */.z)(result.size)} (${(0,plural/* plural */.L)(result.manifest.stats.files, 'file')}, ${(0,format_bytes/* formatBytes */.z)(result.manifest.stats.bytes)})`);
            }
        }
        finally {
            reader.close();
        }
        return 0;
    },
};
const mergeCommand = {
    name: 'merge',
    summary: 'fold the top layers of a delta chain into one delta',
    help: `Usage: vitsnap merge SNAPSHOT -o FILE [--layers N]

Write SNAPSHOT's tree as one delta against an older layer of its chain, so base ← 1 ← 2 ← 3
becomes base ← 3'. Restoring the result gives exactly what restoring SNAPSHOT gives. By default
every delta layer is folded and the result's parent is the full snapshot at the bottom; --layers N
folds only the top N layers (SNAPSHOT and N-1 below it).

Options:
  -o, --output FILE   the delta to write (required)
      --layers N      fold the top N layers (default: all delta layers)
${args/* CHAIN_HELP */.w7}
      --json          print the result as JSON
  -q, --quiet         print only errors
  -h, --help          show this help

Example:
  vitsnap merge nightly-7.vitsnap -o nightly-7-on-base.vitsnap
`,
    async run(argv, ctx) {
        const { values, positionals } = (0,args/* parseCommandArgs */.Qx)('merge', argv, { ...args/* COMMON_OPTIONS */.DT, ...args/* CHAIN_OPTIONS */.T, output: { type: 'string', short: 'o' }, layers: { type: 'string' } });
        const input = (0,args/* requireOne */.mc)('merge', positionals, 'snapshot');
        const output = outputOf('merge', values.output, ctx);
        const { reader } = await (0,registry_open/* openSnapshotAnywhere */.WA)(input, { cwd: ctx.cwd, env: ctx.env, ...(0,args/* chainOptions */.E3)(values), fetchAll: true });
        try {
            const layers = (0,chain/* chainOf */.dR)(reader);
            if (!reader.isDelta)
                throw new errors/* OperationError */.OK('E_USAGE', `${input} is a full snapshot: there is no chain to merge`);
            const deltas = layers.length - 1;
            const fold = values.layers === undefined ? deltas : Number(values.layers);
            if (!Number.isInteger(fold) || fold < 1 || fold > deltas) {
                throw new errors/* OperationError */.OK('E_USAGE', `--layers takes a whole number from 1 to ${deltas}, the delta layers of ${input} (got ${(0,report_escape/* escapeControls */.UN)(values.layers ?? '')})`);
            }
            const above = layers[fold - 1];
            const ancestor = layers[fold];
            const digest = above.summary.parent ?? '';
            const { rewriteSnapshot } = await Promise.all(/* import() */[__nccwpck_require__.e(686), __nccwpck_require__.e(777), __nccwpck_require__.e(34)]).then(__nccwpck_require__.bind(__nccwpck_require__, 3034));
            const result = await rewriteSnapshot(reader, output, { parent: { reader: ancestor, digest, ref: (0,external_node_path_.basename)(ancestor.path) }, onProgress: (done, total) => ctx.log.progress('merging', done, total) });
            ctx.log.done();
            if (values.json === true)
                ctx.log.out(JSON.stringify({ output: result.output, size: result.size, folded: fold, parent: digest, depth: result.manifest.depth, delta: result.delta }, null, 2));
            else if (values.quiet !== true) {
                ctx.log.out(`wrote ${shown(ctx, result.output)}: ${(0,plural/* plural */.L)(fold, 'layer')} folded into one delta of ${(0,format_bytes/* formatBytes */.z)(result.size)} on ${(0,report_escape/* escapeControls */.UN)((0,external_node_path_.basename)(ancestor.path))} (chain depth ${result.manifest.depth ?? 1})`);
            }
        }
        finally {
            reader.close();
        }
        return 0;
    },
};

// EXTERNAL MODULE: ./src/version.ts
var version = __nccwpck_require__(311);
;// CONCATENATED MODULE: ./src/cli.ts
/** vitsnap: argv → command → exit code (0 ok, 1 drift, 2 error). The only place that exits. */

















const EXIT_OK = 0;
const EXIT_DRIFT = 1;
const EXIT_ERROR = 2;
const COMMANDS = [createCommand, diffCommand, rebuildCommand, infoCommand, verifyCommand, restoreCommand, exportCommand, flattenCommand, mergeCommand, store/* storeCommand */.B, pushCommand, pullCommand];
function usage() {
    const width = Math.max(...COMMANDS.map((c) => c.name.length));
    return `vitsnap ${version/* VERSION */.x}: capture build outputs and toolchain metadata into .vitsnap snapshots

Usage: vitsnap <command> [options]

Commands:
${COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`).join('\n')}

Examples:
  vitsnap create -C build -o build.vitsnap     snapshot everything under build/
  vitsnap diff main.vitsnap build.vitsnap      what drifted, where, and why
  vitsnap info build.vitsnap                   what it holds, and which toolchains made it
  vitsnap restore build.vitsnap -C /tmp/out    the exact bytes back, verified
  vitsnap rebuild --outputs 'out/**' -- make   is the build reproducible? if not, why

Run 'vitsnap <command> --help' for a command's options and examples.
Exit codes: 0 ok (diff: identical), 1 drift found (diff), 2 error.
Colour: on a terminal; NO_COLOR=1 turns it off, FORCE_COLOR=1 turns it on (also into a pipe).
`;
}
async function runCli(argv, env = process.env, cwd = process.cwd()) {
    const [name, ...rest] = argv;
    if (name === undefined) {
        process.stderr.write(usage());
        return EXIT_ERROR;
    }
    if (name === '--help' || name === '-h' || name === 'help') {
        process.stdout.write(usage());
        return EXIT_OK;
    }
    if (name === '--version' || name === '-V') {
        process.stdout.write(`${version/* VERSION */.x}\n`);
        return EXIT_OK;
    }
    const command = COMMANDS.find((c) => c.name === name);
    if (command === undefined) {
        const hint = (0,did_you_mean/* suggestion */.h)(name, COMMANDS.map((c) => c.name));
        process.stderr.write(`vitsnap: error E_USAGE: unknown command ${(0,report_escape/* escapeControls */.UN)(JSON.stringify(name))}${hint}; run 'vitsnap --help' for the list\n`);
        return EXIT_ERROR;
    }
    // After '--' come another program's arguments (rebuild's build command), not ours.
    const end = rest.indexOf('--');
    const own = end === -1 ? rest : rest.slice(0, end);
    if (own.includes('--help') || own.includes('-h')) {
        process.stdout.write(command.help);
        return EXIT_OK;
    }
    const quiet = own.includes('--quiet') || own.includes('-q');
    const log = createLogger({ quiet, stderrIsTTY: process.stderr.isTTY === true, stdoutIsTTY: process.stdout.isTTY === true, env });
    try {
        return await command.run(rest, { log, cwd, env });
    }
    catch (error) {
        log.done();
        process.stderr.write(describeError(error, command.name, env.VITSNAP_DEBUG === '1'));
        return EXIT_ERROR;
    }
}
const REPORT_BUG = 'This is a bug in vitsnap; please report it in the snapshot-action issue tracker with the command you ran and this output.';
const REPORT_BUG_LOWER = 'report it in the snapshot-action issue tracker with the command you ran';
/**
 * The error line(s) for a failed command. A system error that no command mapped still gets a code
 * and its path; anything else is a bug: one line by default, the stack only with VITSNAP_DEBUG=1.
 */
function describeError(error, commandName, debug) {
    const coded = (0,errors/* isSystemError */.Or)(error) ? (0,errors/* fromSystemError */.Kh)(error, `${commandName} could not ${error.syscall ?? 'finish'}${error.path === undefined ? '' : ` ${error.path}`}`) : error;
    // Messages name paths from snapshots and file systems: one line, inert on a terminal.
    if ((0,errors/* isVitsnapError */.iR)(coded)) {
        const stack = debug && error instanceof Error ? `${(0,report_escape/* escapeLines */.RQ)(error.stack ?? '')}\n` : '';
        return `vitsnap: error ${coded.code}: ${(0,report_escape/* escapeControls */.UN)(coded.message)}\n${stack}`;
    }
    const e = coded instanceof Error ? coded : new Error(String(coded));
    const message = (0,report_escape/* escapeControls */.UN)(e.message);
    if (debug)
        return `vitsnap: error E_INTERNAL: ${message}\n${(0,report_escape/* escapeLines */.RQ)(e.stack ?? '')}\n${REPORT_BUG}\n`;
    return `vitsnap: error E_INTERNAL: ${message}; this is a bug in vitsnap: rerun with VITSNAP_DEBUG=1 for the stack trace and ${REPORT_BUG_LOWER}\n`;
}
function installSignalHandlers() {
    for (const [signal, code] of [['SIGINT', 130], ['SIGTERM', 143]]) {
        process.once(signal, () => {
            (0,atomic_file/* abortUnfinishedFiles */.tF)();
            (0,interrupt/* undoInterruptedWork */.S)();
            process.stderr.write(`vitsnap: interrupted by ${signal}; nothing half-written was left behind\n`);
            process.exit(code);
        });
    }
}


/***/ }),

/***/ 4690:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   DT: () => (/* binding */ COMMON_OPTIONS),
/* harmony export */   E3: () => (/* binding */ chainOptions),
/* harmony export */   Qx: () => (/* binding */ parseCommandArgs),
/* harmony export */   T: () => (/* binding */ CHAIN_OPTIONS),
/* harmony export */   mc: () => (/* binding */ requireOne),
/* harmony export */   o0: () => (/* binding */ exclusiveFlags),
/* harmony export */   w7: () => (/* binding */ CHAIN_HELP)
/* harmony export */ });
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_util__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3916);
/* harmony import */ var _snapshot_format_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6957);
/* harmony import */ var _report_escape_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(4031);
/* harmony import */ var _did_you_mean_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(3651);
/** Command-line parsing on node:util parseArgs, with our usage errors. */





const COMMON_OPTIONS = {
    help: { type: 'boolean', short: 'h' },
    quiet: { type: 'boolean', short: 'q' },
    json: { type: 'boolean' },
};
/** Read commands on a delta snapshot: where else its parents may be, and how deep a chain to follow. */
const CHAIN_OPTIONS = {
    parent: { type: 'string', multiple: true },
    'max-depth': { type: 'string' },
};
const CHAIN_HELP = `      --parent FILE   a parent of a delta snapshot, when it is neither next to it nor in the
                      store (repeatable)
      --max-depth N   follow at most N layers of a delta chain (default: 16)`;
/** The chain options as openSnapshotAnywhere takes them. */
function chainOptions(values) {
    const text = values['max-depth'];
    let maxDepth;
    if (text !== undefined) {
        maxDepth = Number(text);
        if (!Number.isInteger(maxDepth) || maxDepth < 1 || maxDepth > _snapshot_format_js__WEBPACK_IMPORTED_MODULE_2__/* .LIMITS */ .b1.chainDepth)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OperationError */ .OK('E_USAGE', `--max-depth takes a whole number from 1 to ${_snapshot_format_js__WEBPACK_IMPORTED_MODULE_2__/* .LIMITS */ .b1.chainDepth} (got ${JSON.stringify(text)})`);
    }
    return { parents: values.parent ?? [], maxDepth };
}
function parseCommandArgs(command, argv, options) {
    try {
        return (0,node_util__WEBPACK_IMPORTED_MODULE_0__.parseArgs)({ args: argv, options, allowPositionals: true, strict: true });
    }
    catch (error) {
        const message = error.message;
        const unknown = /^Unknown option '([^']+)'/.exec(message)?.[1];
        if (unknown !== undefined) {
            const longNames = Object.keys(options).map((name) => `--${name}`);
            // `-workers` reaches parseArgs as the short option `-w`: suggest from the whole word.
            const word = unknown.startsWith('--') ? unknown : argv.find((a) => a.startsWith(unknown) && !a.startsWith('--') && a.length > 2);
            const hint = word === undefined ? '' : (0,_did_you_mean_js__WEBPACK_IMPORTED_MODULE_4__/* .suggestion */ .h)(word.startsWith('--') ? word : `-${word}`, longNames);
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OperationError */ .OK('E_USAGE', `unknown option ${(0,_report_escape_js__WEBPACK_IMPORTED_MODULE_3__/* .escapeControls */ .UN)(word ?? unknown)} for 'vitsnap ${command}'${hint}; run 'vitsnap ${command} --help'`);
        }
        const what = message.split('\n')[0]?.replace(/\.$/, '');
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OperationError */ .OK('E_USAGE', `${what} for 'vitsnap ${command}'; run 'vitsnap ${command} --help'`);
    }
}
/** Refuses options that ask for different things at once (`--json --markdown`) instead of silently picking one. */
function exclusiveFlags(command, values, names) {
    const given = names.filter((name) => values[name] !== undefined && values[name] !== false);
    if (given.length > 1) {
        const list = given.map((name) => `--${name}`);
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OperationError */ .OK('E_USAGE', `${list.join(' and ')} cannot be combined for 'vitsnap ${command}'; pick one (run 'vitsnap ${command} --help')`);
    }
}
function requireOne(command, positionals, what) {
    if (positionals.length !== 1) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OperationError */ .OK('E_USAGE', `${command} takes exactly one ${what}; run 'vitsnap ${command} --help'`);
    }
    return positionals[0];
}


/***/ }),

/***/ 3651:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ suggestion)
/* harmony export */ });
/* unused harmony exports editDistance, closest */
/** "did you mean …?" for a mistyped command or option: the closest known name, when one is close. */
/** Edit distance with adjacent transpositions (optimal string alignment), so `verfiy` is one edit from `verify`. */
function editDistance(a, b) {
    const rows = a.length + 1;
    const cols = b.length + 1;
    const d = Array.from({ length: rows }, (_, i) => Array.from({ length: cols }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
    const at = (i, j) => d[i]?.[j] ?? Number.POSITIVE_INFINITY;
    for (let i = 1; i < rows; i++) {
        for (let j = 1; j < cols; j++) {
            const cost = a[i - 1] === b[j - 1] ? 0 : 1;
            let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
            if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
                best = Math.min(best, at(i - 2, j - 2) + 1);
            const row = d[i];
            if (row !== undefined)
                row[j] = best;
        }
    }
    return at(a.length, b.length);
}
/**
 * The candidate closest to `typed` within a third of its length (at least one edit), or one that
 * `typed` abbreviates (3+ characters); undefined when nothing is close enough to be a typo.
 */
function closest(typed, candidates) {
    const lower = typed.toLowerCase();
    let best;
    for (const name of candidates) {
        const distance = editDistance(lower, name.toLowerCase());
        if (best === undefined || distance < best.distance)
            best = { name, distance };
    }
    if (best !== undefined && best.distance <= Math.max(1, Math.floor(typed.length / 3)))
        return best.name;
    if (lower.length >= 3)
        return candidates.find((name) => name.toLowerCase().startsWith(lower));
    return undefined;
}
/** `; did you mean 'create'?` or nothing. */
function suggestion(typed, candidates) {
    const name = closest(typed, candidates);
    return name === undefined ? '' : `; did you mean '${name}'?`;
}


/***/ }),

/***/ 8979:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  V: () => (/* binding */ describeAdd),
  B: () => (/* binding */ storeCommand)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(3916);
// EXTERNAL MODULE: ./src/format-bytes.ts
var format_bytes = __nccwpck_require__(7758);
// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __nccwpck_require__(4031);
// EXTERNAL MODULE: ./src/report/plural.ts
var plural = __nccwpck_require__(1190);
// EXTERNAL MODULE: ./src/snapshot/expansion.ts
var expansion = __nccwpck_require__(1301);
// EXTERNAL MODULE: ./src/store/add.ts
var add = __nccwpck_require__(5702);
// EXTERNAL MODULE: ./src/store/export.ts
var store_export = __nccwpck_require__(5643);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
// EXTERNAL MODULE: ./src/in-parallel.ts
var in_parallel = __nccwpck_require__(7462);
// EXTERNAL MODULE: ./src/snapshot/atomic-file.ts
var atomic_file = __nccwpck_require__(5118);
// EXTERNAL MODULE: ./src/store/layout.ts
var store_layout = __nccwpck_require__(5891);
// EXTERNAL MODULE: ./src/store/plain.ts
var store_plain = __nccwpck_require__(1233);
// EXTERNAL MODULE: ./src/store/records.ts
var records = __nccwpck_require__(2751);
// EXTERNAL MODULE: ./src/store/sessions.ts
var sessions = __nccwpck_require__(1888);
;// CONCATENATED MODULE: ./src/store/gc.ts
/**
 * Garbage collection: chunks are kept while a snapshot record references them. With a budget,
 * the least recently used snapshots are evicted first until what remains fits; then every chunk
 * no remaining snapshot references is deleted. Runs under the GC lock, so no process is adding
 * or reading while it marks and sweeps.
 */









/** Every chunk object in the store and its size on disk. */
function chunkSizes(layout) {
    const sizes = new Map();
    for (const dir of (0,external_node_fs_.readdirSync)(layout.chunks)) {
        let names;
        try {
            names = (0,external_node_fs_.readdirSync)((0,external_node_path_.join)(layout.chunks, dir));
        }
        catch {
            continue;
        }
        for (const name of names) {
            if (!(0,store_layout/* isDigestHex */.aH)(name))
                continue;
            try {
                sizes.set(name, (0,external_node_fs_.statSync)((0,external_node_path_.join)(layout.chunks, dir, name)).size);
            }
            catch {
                // removed meanwhile
            }
        }
    }
    return sizes;
}
/**
 * The chunk digests a snapshot references (and, when asked, its files' digests). A delta's other
 * chunks are its parent's: `parents` gets the parent's id, which must outlive it.
 */
function referencedChunks(layout, id, files, parents) {
    const reader = (0,records/* openRecord */.C6)(layout, id);
    try {
        const { chunks } = reader.loadIndex();
        const out = [];
        for (let k = 0; k < chunks.length; k++)
            out.push(chunks.at(k).sha256.toString('hex'));
        if (files !== undefined)
            for (const e of reader.manifest.entries)
                if (e.type === 'file')
                    files.add(e.sha256);
        if (parents !== undefined && reader.summary.parent !== null)
            parents.set(id, reader.summary.parent);
        return out;
    }
    finally {
        reader.close();
    }
}
async function collectGarbage(layout, options) {
    const lock = await sessions/* GcLock */.uM.acquire(layout, options.waitMs);
    try {
        removeDeadTemps(layout);
        const snapshots = (0,records/* listRecords */.VI)(layout).sort((a, b) => a.lastUsedMs - b.lastUsedMs || a.id.localeCompare(b.id));
        const sizes = chunkSizes(layout);
        const plain = (0,store_plain/* listPlainCopies */._Z)(layout);
        const fileDigests = new Map();
        const refs = new Map();
        const uses = new Map();
        const unreadable = [];
        const parentOf = new Map();
        for (const s of snapshots) {
            let digests;
            const files = new Set();
            try {
                digests = referencedChunks(layout, s.id, plain.length > 0 ? files : undefined, parentOf);
            }
            catch (error) {
                unreadable.push({ id: s.id, reason: error.message });
                continue;
            }
            uses.set(s.id, digests);
            fileDigests.set(s.id, files);
            for (const d of digests)
                refs.set(d, (refs.get(d) ?? 0) + 1);
        }
        const plainBytes = plain.reduce((a, p) => a + p.size, 0);
        const bytesBefore = [...sizes.values()].reduce((a, b) => a + b, 0) + snapshots.reduce((a, s) => a + s.recordBytes, 0) + plainBytes;
        let live = snapshots.reduce((a, s) => a + s.recordBytes, 0);
        for (const [d, size] of sizes)
            if ((refs.get(d) ?? 0) > 0)
                live += size;
        const evicted = [];
        // Plain copies are a cache that restore --link refills: over budget, they go before any snapshot.
        const dropAllPlain = options.maxBytes !== undefined && live + plainBytes > options.maxBytes;
        // A parent stays while a delta on it stays: it is evicted after its children, never before.
        const children = new Map();
        for (const p of parentOf.values())
            children.set(p, (children.get(p) ?? 0) + 1);
        const evictable = (s) => uses.has(s.id) && (children.get(s.id) ?? 0) === 0;
        if (options.maxBytes !== undefined) {
            const left = [...snapshots];
            while (live > options.maxBytes) {
                const at = left.findIndex(evictable);
                if (at < 0)
                    break;
                const s = left.splice(at, 1)[0];
                const digests = uses.get(s.id) ?? [];
                const parent = parentOf.get(s.id);
                if (parent !== undefined)
                    children.set(parent, (children.get(parent) ?? 1) - 1);
                evicted.push(s);
                live -= s.recordBytes;
                for (const d of digests) {
                    const left = (refs.get(d) ?? 0) - 1;
                    refs.set(d, left);
                    if (left === 0)
                        live -= sizes.get(d) ?? 0;
                }
            }
        }
        const evictedIds = new Set(evicted.map((s) => s.id));
        // With an unreadable record we cannot tell which chunks it needs: delete none.
        const sweep = unreadable.length > 0 ? [] : [...sizes.keys()].filter((d) => (refs.get(d) ?? 0) <= 0);
        const keptFiles = new Set();
        for (const s of snapshots)
            if (!evictedIds.has(s.id))
                for (const f of fileDigests.get(s.id) ?? [])
                    keptFiles.add(f);
        const plainSweep = unreadable.length > 0 && !dropAllPlain ? [] : plain.filter((p) => dropAllPlain || !keptFiles.has(p.sha256));
        const bytesFreed = sweep.reduce((a, d) => a + (sizes.get(d) ?? 0), 0) + evicted.reduce((a, s) => a + s.recordBytes, 0) + plainSweep.reduce((a, p) => a + p.size, 0);
        if (options.apply) {
            for (const s of evicted)
                (0,records/* removeRecord */.GI)(layout, s.id);
            await removeAll([...sweep.map((d) => (0,external_node_path_.join)(layout.chunks, d.slice(0, 2), d)), ...plainSweep.map((p) => p.path)]);
        }
        return {
            evicted,
            kept: snapshots.filter((s) => !evictedIds.has(s.id)),
            chunksDeleted: sweep.length,
            plainDeleted: plainSweep.length,
            bytesFreed,
            bytesBefore,
            bytesAfter: bytesBefore - bytesFreed,
            unreadable,
            applied: options.apply,
        };
    }
    finally {
        lock.release();
    }
}
/**
 * Several unlinks in flight: one at a time costs ~1.7 ms per file on this VM's ext4 (mounted with
 * discard), four at once ~0.12 ms each (measured by the store benchmark's author, docs/benchmarks.md).
 */
async function removeAll(paths) {
    await (0,in_parallel/* inParallel */.H)(paths, 8, (path) => (0,promises_.unlink)(path).catch((error) => {
        if (error.code !== 'ENOENT')
            throw error;
    }));
}
/** Temp files of processes that died while writing (`chunk-<pid>-…`, `.vitsnap-tmp-<pid>-…`). */
function removeDeadTemps(layout) {
    (0,atomic_file/* removeStaleTemps */.jH)(layout.tmp);
    // Records of pulls and registry reads that were killed before they finished.
    for (const name of (0,external_node_fs_.readdirSync)(layout.snapshots)) {
        const pid = /^(?:pull|remote)-(\d+)-/.exec(name)?.[1];
        if (pid !== undefined && !(0,atomic_file/* processIsAlive */.xT)(Number(pid)))
            (0,external_node_fs_.rmSync)((0,external_node_path_.join)(layout.snapshots, name), { force: true });
    }
    for (const name of (0,external_node_fs_.readdirSync)(layout.tmp)) {
        const pid = /^(?:chunk|plain|create)-(\d+)-/.exec(name)?.[1];
        if (pid !== undefined && !(0,atomic_file/* processIsAlive */.xT)(Number(pid)))
            (0,external_node_fs_.rmSync)((0,external_node_path_.join)(layout.tmp, name), { force: true });
    }
}

// EXTERNAL MODULE: ./src/snapshot/metadata/lockfiles.ts
var lockfiles = __nccwpck_require__(1010);
// EXTERNAL MODULE: ./src/store/chunks.ts
var chunks = __nccwpck_require__(9463);
;// CONCATENATED MODULE: ./src/store/verify.ts
/**
 * `store verify`: every chunk object decodes to bytes that match its name, every record's
 * sections match their checksums, and every chunk a record references is there and good.
 */








async function verifyStore(layout, onProgress) {
    const session = sessions/* StoreSession */.e7.begin(layout, 'verify');
    try {
        const sizes = chunkSizes(layout);
        const bad = new Map();
        let done = 0;
        for (const digest of sizes.keys()) {
            try {
                (0,chunks/* decodeChunk */.WQ)((0,external_node_fs_.readFileSync)((0,store_layout/* chunkPath */.BS)(layout, digest)), digest, layout.root);
            }
            catch (error) {
                bad.set(digest, error.message);
            }
            onProgress?.(++done, sizes.size);
        }
        const referenced = new Set();
        const damaged = [];
        const snapshots = (0,records/* listRecords */.VI)(layout);
        for (const s of snapshots) {
            let digests;
            try {
                digests = referencedChunks(layout, s.id);
            }
            catch (error) {
                damaged.push({ id: s.id, reason: error.message });
                continue;
            }
            const missing = digests.filter((d) => !sizes.has(d));
            const broken = digests.filter((d) => bad.has(d));
            for (const d of digests)
                referenced.add(d);
            if (missing.length > 0 || broken.length > 0) {
                const parts = [missing.length > 0 ? `${missing.length} chunk(s) missing (${missing[0]?.slice(0, 12)}…)` : '', broken.length > 0 ? `${broken.length} chunk(s) damaged (${broken[0]?.slice(0, 12)}…)` : ''];
                damaged.push({ id: s.id, reason: parts.filter((p) => p !== '').join(', ') });
            }
        }
        const modifiedPlain = (0,store_plain/* listPlainCopies */._Z)(layout)
            .filter((p) => {
            try {
                return (0,lockfiles/* sha256File */.Q3)(p.path) !== p.sha256;
            }
            catch {
                return false; // removed meanwhile
            }
        })
            .map((p) => p.path);
        return {
            modifiedPlain,
            snapshots: snapshots.length,
            chunks: sizes.size,
            bytes: [...sizes.values()].reduce((a, b) => a + b, 0),
            orphans: [...sizes.keys()].filter((d) => !referenced.has(d)).length,
            badChunks: [...bad].map(([digest, reason]) => ({ digest, reason })),
            damaged,
        };
    }
    finally {
        session.end();
    }
}

// EXTERNAL MODULE: ./src/commands/args.ts
var commands_args = __nccwpck_require__(4690);
;// CONCATENATED MODULE: ./src/commands/store.ts
/** `vitsnap store …`: a content-addressed store shared by many snapshots (docs/store.md). */













const HELP = `Usage: vitsnap store <add|export|ls|rm|gc|verify> [options]

A store keeps the chunks of many snapshots once each: builds that share most of their bytes
share most of their chunks. Snapshots in it are named by the SHA-256 of their .vitsnap file and
may also carry names; any command here takes a name, the id or a unique prefix of the id.

Commands:
  add FILE…              take .vitsnap files in (only chunks the store lacks are written)
  export REF -o FILE     write a stored snapshot out as a standalone .vitsnap file (byte-identical
                         to the one added)
  ls                     list the stored snapshots
  rm REF…                forget snapshots (their chunks go at the next gc)
  gc [--max-size SIZE]   delete chunks no snapshot uses; with --max-size, first forget the least
                         recently used snapshots until the store fits. Shows what it would do;
                         --apply does it
  verify                 check every chunk and every snapshot record

Options:
      --store DIR     the store (default: $VITSNAP_STORE, else $XDG_CACHE_HOME/vitsnap, else
                      ~/.cache/vitsnap)
      --name NAME     add: name the snapshot (one FILE only); a name moves like a tag
  -o, --output FILE   export: the file to write
      --max-size SIZE gc: the budget, e.g. 5G, 500M
      --apply         gc: delete, instead of showing what would be deleted
      --json          print the result as JSON
  -q, --quiet         print only errors (--json still prints the result)
  -h, --help          show this help

Examples:
  vitsnap create -C build --store ./.vitsnap-store --name main
  vitsnap store add nightly.vitsnap --name nightly
  vitsnap store ls
  vitsnap store export main -o main.vitsnap
  vitsnap store gc --max-size 5G --apply
`;
function shortId(id) {
    return id.slice(0, 12);
}
function describeAdd(r, name, root) {
    const label = name === undefined ? shortId(r.id) : `${shortId(r.id)} (${name})`;
    const verb = r.added ? 'stored' : 'already stored';
    return (`${verb} ${label} in ${root}: ${(0,plural/* plural */.L)(r.chunks, 'chunk')}, ${r.newChunks} new, ${r.reusedChunks} reused` +
        ` (${(0,format_bytes/* formatBytes */.z)(r.reusedBytes)} saved), ${(0,format_bytes/* formatBytes */.z)(r.writtenBytes)} written`);
}
const SUBCOMMANDS = ['add', 'export', 'ls', 'rm', 'gc', 'verify'];
const storeCommand = {
    name: 'store',
    summary: 'keep many snapshots in one deduplicating store (add, export, ls, rm, gc, verify)',
    help: HELP,
    async run(argv, ctx) {
        const { values, positionals } = (0,commands_args/* parseCommandArgs */.Qx)('store', argv, {
            ...commands_args/* COMMON_OPTIONS */.DT,
            store: { type: 'string' },
            name: { type: 'string' },
            output: { type: 'string', short: 'o' },
            'max-size': { type: 'string' },
            apply: { type: 'boolean' },
        });
        const [sub, ...args] = positionals;
        if (sub === undefined || !SUBCOMMANDS.includes(sub)) {
            const got = sub === undefined ? 'nothing' : JSON.stringify((0,report_escape/* escapeControls */.UN)(sub));
            throw new errors/* OperationError */.OK('E_USAGE', `vitsnap store takes one of ${SUBCOMMANDS.join(', ')} (got ${got}); run 'vitsnap store --help'`);
        }
        const root = (0,store_layout/* defaultStoreDir */.iB)(values.store, ctx.env, ctx.cwd);
        const json = values.json === true;
        const say = (line) => {
            if (!json && values.quiet !== true)
                ctx.log.out(line);
        };
        switch (sub) {
            case 'add': {
                if (args.length === 0)
                    throw new errors/* OperationError */.OK('E_USAGE', "store add takes one or more .vitsnap files; run 'vitsnap store --help'");
                if (values.name !== undefined && args.length > 1)
                    throw new errors/* OperationError */.OK('E_USAGE', '--name names one snapshot: add the files one at a time to name each');
                const layout = (0,store_layout/* openStore */.Ch)(root, true);
                const results = [];
                for (const file of args) {
                    const r = await (0,add/* addSnapshot */.O)(layout, (0,external_node_path_.resolve)(ctx.cwd, file), {
                        name: values.name,
                        onProgress: (p) => ctx.log.progress(`adding ${(0,external_node_path_.basename)(file)}`, p.doneBlocks, p.totalBlocks, 'block'),
                    });
                    ctx.log.done();
                    results.push({ file, ...r });
                    say(describeAdd(r, values.name, layout.root));
                }
                if (json)
                    ctx.log.out(JSON.stringify({ store: layout.root, added: results }, null, 2));
                return 0;
            }
            case 'export': {
                const layout = (0,store_layout/* openStore */.Ch)(root, false);
                const id = (0,records/* resolveRef */.qE)(layout, (0,commands_args/* requireOne */.mc)('store export', args, 'snapshot (name or id)'));
                if (values.output === undefined)
                    throw new errors/* OperationError */.OK('E_USAGE', `store export needs -o FILE, e.g. vitsnap store export ${shortId(id)} -o build.vitsnap`);
                const r = await (0,store_export/* exportSnapshot */.v)(layout, id, (0,external_node_path_.resolve)(ctx.cwd, values.output), (done, total) => ctx.log.progress('exporting', done, total, 'block'));
                ctx.log.done();
                if (!r.identical)
                    ctx.log.warn(`${values.output}: the blocks encode differently with this vitsnap; the file holds the same content under SHA-256 ${r.sha256}`);
                say(`wrote ${values.output}: ${(0,format_bytes/* formatBytes */.z)(r.bytes)}, sha256 ${r.sha256}`);
                if (json)
                    ctx.log.out(JSON.stringify({ id, ...r }, null, 2));
                return 0;
            }
            case 'ls':
                return listStore((0,store_layout/* openStore */.Ch)(root, false), json, ctx);
            case 'rm': {
                if (args.length === 0)
                    throw new errors/* OperationError */.OK('E_USAGE', "store rm takes one or more snapshot names or ids; run 'vitsnap store --help'");
                const layout = (0,store_layout/* openStore */.Ch)(root, false);
                const ids = args.map((ref) => (0,records/* resolveRef */.qE)(layout, ref));
                for (const id of ids) {
                    const kept = (0,records/* deltasOn */.Pw)(layout, id).filter((child) => !ids.includes(child));
                    if (kept.length > 0) {
                        throw new errors/* OperationError */.OK('E_USAGE', `${shortId(id)} is the parent of ${kept.map(shortId).join(', ')}, which would become unreadable; remove those too, or flatten them first (vitsnap flatten store:${shortId(kept[0] ?? '')} -o FILE)`);
                    }
                }
                const removed = ids.map((id) => {
                    const names = (0,records/* removeRecord */.GI)(layout, id);
                    say(`removed ${shortId(id)}${names.length > 0 ? ` (${names.join(', ')})` : ''}; its chunks are freed by vitsnap store gc --apply`);
                    return { id, names };
                });
                if (json)
                    ctx.log.out(JSON.stringify({ removed }, null, 2));
                return 0;
            }
            case 'gc': {
                const layout = (0,store_layout/* openStore */.Ch)(root, false);
                const maxBytes = values['max-size'] === undefined ? undefined : (0,expansion/* parseSize */.DB)(values['max-size']);
                const plan = await collectGarbage(layout, { maxBytes, apply: values.apply === true });
                for (const u of plan.unreadable)
                    ctx.log.warn(`snapshot ${shortId(u.id)} cannot be read (${u.reason}); no chunk was deleted: fix or rm it first`);
                const verb = plan.applied ? 'deleted' : 'would delete';
                for (const s of plan.evicted)
                    say(`${plan.applied ? 'forgot' : 'would forget'} ${shortId(s.id)}${s.names.length > 0 ? ` (${s.names.join(', ')})` : ''}, last used ${new Date(s.lastUsedMs).toISOString()}`);
                const plainNote = plan.plainDeleted > 0 ? ` and ${(0,plural/* plural */.L)(plan.plainDeleted, 'plain copy', 'plain copies')}` : '';
                say(`${verb} ${(0,plural/* plural */.L)(plan.chunksDeleted, 'chunk')}${plainNote}: ${(0,format_bytes/* formatBytes */.z)(plan.bytesBefore)} → ${(0,format_bytes/* formatBytes */.z)(plan.bytesAfter)} (${(0,plural/* plural */.L)(plan.kept.length, 'snapshot')} kept)`);
                if (!plan.applied && (plan.chunksDeleted > 0 || plan.evicted.length > 0 || plan.plainDeleted > 0))
                    say('nothing was deleted; run again with --apply to do it');
                if (json)
                    ctx.log.out(JSON.stringify({ ...plan, evicted: plan.evicted.map((s) => s.id), kept: plan.kept.map((s) => s.id) }, null, 2));
                return 0;
            }
            case 'verify': {
                const layout = (0,store_layout/* openStore */.Ch)(root, false);
                const r = await verifyStore(layout, (done, total) => ctx.log.progress('verifying', done, total, 'chunk'));
                ctx.log.done();
                const ok = r.badChunks.length === 0 && r.damaged.length === 0;
                if (json)
                    ctx.log.out(JSON.stringify({ ok, ...r }, null, 2));
                for (const b of r.badChunks)
                    ctx.log.warn(`chunk ${shortId(b.digest)}…: ${b.reason}`);
                for (const d of r.damaged)
                    ctx.log.warn(`snapshot ${shortId(d.id)}: ${d.reason}`);
                for (const path of r.modifiedPlain) {
                    ctx.log.warn(`${path}: this read-only copy was edited through a hardlink, so trees restored with --link hold the edited bytes; remove it (rm -f) and restore those trees again`);
                }
                const orphans = r.orphans > 0 ? `; ${(0,plural/* plural */.L)(r.orphans, 'chunk')} unused (vitsnap store gc --apply frees them)` : '';
                if (ok)
                    say(`ok: ${(0,plural/* plural */.L)(r.snapshots, 'snapshot')}, ${(0,plural/* plural */.L)(r.chunks, 'chunk')} (${(0,format_bytes/* formatBytes */.z)(r.bytes)}) verified${orphans}`);
                if (!ok) {
                    throw new errors/* OperationError */.OK('E_IO', `store ${layout.root} is damaged: ${(0,plural/* plural */.L)(r.damaged.length, 'snapshot')} and ${(0,plural/* plural */.L)(r.badChunks.length, 'chunk')} affected; rm the damaged snapshots and add them again from good copies`);
                }
                return 0;
            }
        }
        return 0;
    },
};
function listStore(layout, json, ctx) {
    const rows = (0,records/* listRecords */.VI)(layout).map((s) => {
        const reader = (0,records/* openRecord */.C6)(layout, s.id);
        try {
            const { stats, createdAt, source } = reader.summary;
            return { ...s, files: stats.files, bytes: stats.bytes, createdAt, sha: source.sha };
        }
        finally {
            reader.close();
        }
    });
    if (json) {
        ctx.log.out(JSON.stringify({ store: layout.root, snapshots: rows }, null, 2));
        return 0;
    }
    if (rows.length === 0) {
        ctx.log.out(`store ${layout.root} holds no snapshots; add one with vitsnap store add FILE or vitsnap create --store`);
        return 0;
    }
    for (const r of rows.sort((a, b) => b.lastUsedMs - a.lastUsedMs)) {
        const names = r.names.length > 0 ? ` ${r.names.join(', ')}` : '';
        const from = r.sha !== null ? ` commit ${r.sha.slice(0, 12)}` : r.createdAt !== null ? ` created ${r.createdAt}` : '';
        ctx.log.out(`${shortId(r.id)}${names}: ${(0,plural/* plural */.L)(r.files, 'file')}, ${(0,format_bytes/* formatBytes */.z)(r.bytes)}${from}, last used ${new Date(r.lastUsedMs).toISOString()}`);
    }
    return 0;
}


/***/ }),

/***/ 7451:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   OW: () => (/* binding */ resolveChain),
/* harmony export */   dR: () => (/* binding */ chainOf),
/* harmony export */   ew: () => (/* binding */ missingLayer),
/* harmony export */   he: () => (/* binding */ snapshotDigest)
/* harmony export */ });
/* unused harmony exports DEFAULT_MAX_DEPTH, fileDigest */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(3916);
/* harmony import */ var _incremental_cache_files_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(2309);
/* harmony import */ var _snapshot_reader_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(3580);
/* harmony import */ var _store_layout_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(5891);
/* harmony import */ var _store_records_js__WEBPACK_IMPORTED_MODULE_7__ = __nccwpck_require__(2751);
/* harmony import */ var _store_sessions_js__WEBPACK_IMPORTED_MODULE_8__ = __nccwpck_require__(1888);
/**
 * Finds and attaches the layers below a delta snapshot. A delta names its parent by the SHA-256 of
 * the parent's file, so wherever a candidate comes from, it is used only once that digest matches:
 * a store record (named by that digest), a file given with --parent, the file the delta was made
 * from (`parentRef`) next to it, or any other `.vitsnap` in its directory.
 */









const DEFAULT_MAX_DEPTH = 16;
/** SHA-256 of a whole file, read in 4 MiB pieces. */
function fileDigest(path) {
    const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.openSync)(path, 'r');
    try {
        const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
        const buf = Buffer.allocUnsafe(4 * 1024 * 1024);
        for (;;) {
            const n = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readSync)(fd, buf, 0, buf.length, null);
            if (n === 0)
                break;
            hash.update(buf.subarray(0, n));
        }
        return hash.digest('hex');
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.closeSync)(fd);
    }
}
/**
 * The digest a delta names for the snapshot file at `path`: the one its writer recorded beside it
 * (cache-files.ts, `recordedDigest`), else hashed now (0.3 s for a 450 MB snapshot here).
 */
function snapshotDigest(path) {
    return (0,_incremental_cache_files_js__WEBPACK_IMPORTED_MODULE_4__/* .recordedDigest */ .t6)(path) ?? fileDigest(path);
}
function tooDeep(reader, depth, max) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .OperationError */ .OK('E_CHAIN', `${reader.path} is ${depth} layers above its full snapshot, more than the ${max} this command follows; flatten it (vitsnap flatten ${reader.path} -o full.vitsnap) or pass --max-depth ${depth}`);
}
/** Resolves every layer below `reader` and attaches it; throws E_PARENT naming the digest it could not find. */
function resolveChain(reader, options = {}) {
    const max = options.maxDepth ?? DEFAULT_MAX_DEPTH;
    const top = reader.summary.depth ?? 0;
    if (top > max)
        throw tooDeep(reader, top, max);
    let layer = reader;
    while (layer.summary.parent !== null) {
        const attached = layer.parent;
        if (attached !== null) {
            // Resolved by an earlier call (a retry after a parent was pulled from a registry).
            layer = attached;
            continue;
        }
        const want = layer.summary.parent;
        const parent = findParent(layer, want, options);
        const expected = (layer.summary.depth ?? 1) - 1;
        if ((parent.summary.depth ?? 0) !== expected) {
            parent.close();
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .OperationError */ .OK('E_PARENT', `${parent.path} has the digest ${layer.path} names as its parent but is at chain depth ${parent.summary.depth ?? 0}, not ${expected}: the chain is inconsistent`);
        }
        layer.attachParent(parent);
        layer = parent;
    }
}
/** The lowest layer attached so far whose parent is still missing, or null when the chain is whole. */
function missingLayer(reader) {
    let layer = reader;
    while (layer.parent !== null)
        layer = layer.parent;
    return layer.summary.parent === null ? null : layer;
}
/** The readers of a chain from the top down (`reader` first). */
function chainOf(reader) {
    const out = [];
    for (let r = reader; r !== null; r = r.parent)
        out.push(r);
    return out;
}
function findParent(child, digest, options) {
    const fromStore = openFromStore(digest, options.storeDir ?? null);
    if (fromStore !== null)
        return fromStore;
    const tried = new Set();
    for (const path of fileCandidates(child, options.candidates ?? [])) {
        if (tried.has(path))
            continue;
        tried.add(path);
        let digestOf;
        try {
            digestOf = snapshotDigest(path);
        }
        catch {
            continue;
        }
        if (digestOf === digest)
            return _snapshot_reader_js__WEBPACK_IMPORTED_MODULE_5__/* .SnapshotReader */ .a.open(path);
    }
    const where = [options.storeDir !== null && options.storeDir !== undefined ? `store ${options.storeDir}` : null, ...(isFile(child.path) ? [(0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(child.path))] : []), ...(options.candidates ?? [])]
        .filter((w) => w !== null)
        .join(', ');
    const hint = child.summary.parentRef !== undefined ? ` (it was made from ${child.summary.parentRef})` : '';
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .OperationError */ .OK('E_PARENT', `${child.path} is a delta snapshot; its parent sha256:${digest}${hint} is not in ${where || 'any place searched'}; put the parent next to it, pass it with --parent FILE, or add it to the store`);
}
function isFile(path) {
    try {
        return (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.statSync)(path).isFile();
    }
    catch {
        return false;
    }
}
/** Explicit candidates, then the file the delta names, then every other snapshot in its directory. */
function fileCandidates(child, explicit) {
    const out = explicit.map((p) => (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(p));
    if (!isFile(child.path))
        return out;
    const dir = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(child.path));
    const ref = child.summary.parentRef;
    if (ref !== undefined && !ref.includes(':'))
        out.push((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, (0,node_path__WEBPACK_IMPORTED_MODULE_2__.basename)(ref)));
    let names = [];
    try {
        names = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readdirSync)(dir).filter((n) => n.endsWith('.vitsnap')).sort();
    }
    catch {
        // an unreadable directory just has no candidates
    }
    const self = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(child.path);
    for (const n of names)
        if ((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, n) !== self)
            out.push((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, n));
    return out.filter((p) => isFile(p));
}
/** The record named by `digest` in the store, held in a session until closed; null when absent. */
function openFromStore(digest, storeDir) {
    if (storeDir === null || !(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(storeDir, 'store.json')))
        return null;
    let layout;
    try {
        layout = (0,_store_layout_js__WEBPACK_IMPORTED_MODULE_6__/* .openStore */ .Ch)(storeDir, false);
    }
    catch {
        return null;
    }
    if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)((0,_store_records_js__WEBPACK_IMPORTED_MODULE_7__/* .recordPath */ .lX)(layout, digest)))
        return null;
    const session = _store_sessions_js__WEBPACK_IMPORTED_MODULE_8__/* .StoreSession */ .e7.begin(layout, `read ${digest.slice(0, 12)}`);
    try {
        const reader = (0,_store_records_js__WEBPACK_IMPORTED_MODULE_7__/* .openRecord */ .C6)(layout, digest);
        reader.onClose = () => session.end();
        return reader;
    }
    catch (error) {
        session.end();
        throw error;
    }
}


/***/ }),

/***/ 6738:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   KQ: () => (/* binding */ hasChunk),
/* harmony export */   nr: () => (/* binding */ chunkBytes),
/* harmony export */   qX: () => (/* binding */ readRange)
/* harmony export */ });
/* unused harmony export patchesOf */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3916);
/* harmony import */ var _patch_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6572);
/**
 * Reading through a delta chain: a chunk comes from a layer's own blocks, from a patch against
 * its parent's bytes, or from a layer below. Patched and inherited chunks are checked against
 * their digests here; a layer's own chunks are covered by their block's digest.
 */



const patchTables = new WeakMap();
const contentTables = new WeakMap();
const DAMAGED = 'the file was damaged after it was written; fetch a fresh copy and do not use this one';
/** The patches of every file of a layer, by the chunk each makes. */
function patchesOf(layer) {
    let table = patchTables.get(layer);
    if (table === undefined) {
        table = new Map();
        if (layer.isDelta)
            for (const e of layer.manifest.entries)
                if (e.type === 'file' && e.patches !== undefined)
                    for (const p of e.patches)
                        table.set(p.chunk, p);
        patchTables.set(layer, table);
    }
    return table;
}
/** The first file entry (in path order) of a layer with this content. */
function fileWithDigest(layer, sha256) {
    let table = contentTables.get(layer);
    if (table === undefined) {
        table = new Map();
        for (const e of layer.manifest.entries)
            if (e.type === 'file' && !table.has(e.sha256))
                table.set(e.sha256, e);
        contentTables.set(layer, table);
    }
    return table.get(sha256);
}
/** A chunk's bytes, wherever in the chain it is. */
function chunkBytes(layer, hex, path) {
    const local = layer.localChunk(hex);
    if (local !== null)
        return local;
    const parent = layer.parent;
    if (layer.isDelta && parent === null) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OperationError */ .OK('E_PARENT', `${layer.path} is a delta snapshot and its parent ${(layer.summary.parent ?? '').slice(0, 12)}… was not opened; put it next to this file, add it to the store, or flatten the chain`);
    }
    if (parent === null)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SnapshotFormatError */ .wv('E_CORRUPT', `${path}: chunk ${hex.slice(0, 12)}… is missing from the snapshot`);
    const patch = patchesOf(layer).get(hex);
    if (patch === undefined) {
        const bytes = inheritedChunk(parent, hex, path);
        if (bytes === null)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SnapshotFormatError */ .wv('E_CORRUPT', `${layer.path}: ${path}: chunk ${hex.slice(0, 12)}… is neither in this snapshot nor in its parents`);
        return bytes;
    }
    const stored = chunkBytes(layer, patch.patch, path);
    const base = readRange(parent, patch.base, patch.offset, patch.length, path);
    const out = (0,_patch_js__WEBPACK_IMPORTED_MODULE_2__/* .decodePatch */ .F3)(stored, base, patch.size, `${layer.path}: ${path}: patch ${patch.patch.slice(0, 12)}…`);
    if ((0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(out).digest('hex') !== hex) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SnapshotFormatError */ .wv('E_CHECKSUM', `${layer.path}: ${path}: a patched chunk does not match its digest: this snapshot or its parent is damaged`);
    }
    return out;
}
/** A chunk this layer or one below holds (verified), or null when none does. */
function inheritedChunk(layer, hex, path) {
    if (layer.localChunkLength(hex) === null && !patchesOf(layer).has(hex)) {
        return layer.parent === null ? null : inheritedChunk(layer.parent, hex, path);
    }
    const bytes = chunkBytes(layer, hex, path);
    if ((0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(bytes).digest('hex') !== hex) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SnapshotFormatError */ .wv('E_CHECKSUM', `${layer.path}: chunk ${hex.slice(0, 12)}… does not match its digest: ${DAMAGED}`);
    }
    return bytes;
}
/** Whether this layer or one below can produce a chunk. */
function hasChunk(layer, hex) {
    if (layer.localChunkLength(hex) !== null || patchesOf(layer).has(hex))
        return true;
    return layer.parent !== null && hasChunk(layer.parent, hex);
}
/** A chunk's length from a layer's index or patches, or a layer below; null when none has it. */
function chunkLength(layer, hex) {
    const local = layer.localChunkLength(hex);
    if (local !== null)
        return local;
    const patch = patchesOf(layer).get(hex);
    if (patch !== undefined)
        return patch.size;
    return layer.parent === null ? null : chunkLength(layer.parent, hex);
}
/** Bytes [offset, offset + length) of the layer's file with content `sha256`: a patch's dictionary. */
function readRange(layer, sha256, offset, length, path) {
    const entry = fileWithDigest(layer, sha256);
    if (entry === undefined || offset + length > entry.size) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SnapshotFormatError */ .wv('E_CORRUPT', `${path}: a patch names base ${sha256.slice(0, 12)}… [${offset}, +${length}), which the parent ${layer.path} does not hold`);
    }
    const out = Buffer.allocUnsafe(length);
    let at = 0;
    let filled = 0;
    // Chunks before the range are skipped by their recorded lengths, not decoded.
    for (const hex of entry.size === 0 ? [] : (entry.chunks ?? [entry.sha256])) {
        if (at >= offset + length)
            break;
        const size = chunkLength(layer, hex);
        if (size !== null && at + size <= offset) {
            at += size;
            continue;
        }
        const piece = chunkBytes(layer, hex, path);
        const from = Math.max(offset - at, 0);
        const to = Math.min(offset + length - at, piece.length);
        if (from < to) {
            piece.copy(out, filled, from, to);
            filled += to - from;
        }
        at += piece.length;
    }
    if (filled !== length)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SnapshotFormatError */ .wv('E_CORRUPT', `${path}: the parent's file ${sha256.slice(0, 12)}… is shorter than the range a patch needs`);
    return out;
}


/***/ }),

/***/ 6572:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Dw: () => (/* binding */ encodePatch),
/* harmony export */   F3: () => (/* binding */ decodePatch),
/* harmony export */   jN: () => (/* binding */ encodeEntriesPatch)
/* harmony export */ });
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_util__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(3916);
/**
 * A patch is one zstd frame of the new bytes compressed with the old bytes as its dictionary, with
 * a window that reaches over both, so every unchanged run becomes a match into the old bytes.
 * Node's default parameters cannot see that far (a 4-byte edit to a 2 MiB library costs 600 KB);
 * these make it a few hundred bytes (docs/decisions.md, "Delta snapshots").
 */



const compress = (0,node_util__WEBPACK_IMPORTED_MODULE_0__.promisify)(node_zlib__WEBPACK_IMPORTED_MODULE_1__.zstdCompress);
const PATCH_LEVEL = 6;
/** Larger hash and chain tables find no more matches here and cost ~1 s per patch to fill. */
const MAX_TABLE_LOG = 21;
/** The window a reader accepts: base (≤ 64 MiB) plus one chunk (≤ 16 MiB) fits in 2^27. */
const MAX_WINDOW_LOG = 27;
/** A window over base and target, doubled by default (`extraLog` 1) as the chunk patches were measured with. */
function windowLog(baseLength, targetLength, extraLog = 1) {
    return Math.min(MAX_WINDOW_LOG, Math.max(10, Math.ceil(Math.log2(baseLength + targetLength + 1)) + extraLog));
}
function patchOptions(base, target) {
    const wl = windowLog(base.length, target.length);
    return {
        dictionary: base,
        params: {
            [node_zlib__WEBPACK_IMPORTED_MODULE_1__.constants.ZSTD_c_compressionLevel]: PATCH_LEVEL,
            [node_zlib__WEBPACK_IMPORTED_MODULE_1__.constants.ZSTD_c_windowLog]: wl,
            [node_zlib__WEBPACK_IMPORTED_MODULE_1__.constants.ZSTD_c_hashLog]: Math.min(wl, MAX_TABLE_LOG),
            [node_zlib__WEBPACK_IMPORTED_MODULE_1__.constants.ZSTD_c_chainLog]: Math.min(wl, MAX_TABLE_LOG),
        },
        pledgedSrcSize: target.length,
    };
}
/** Encodes `target` against `base`; deterministic for equal inputs (one thread, fixed parameters). */
async function encodePatch(base, target) {
    return compress(target, patchOptions(base, target));
}
/**
 * A delta's entry list against its parent's, on this thread. Measured on the bench lists (4.8 MB,
 * 1 % of 20,000 files changed): level 1 with 2^20 tables and a window exactly over both gives
 * 16.0 KB in 13 ms; level 6 is no smaller, and the window doubled as for chunks costs 88 ms, most
 * of it first-touching the larger buffers. No digest covers the decoded entries, so the frame
 * carries zstd's checksum of them: a wrong base is E_CORRUPT.
 */
function encodeEntriesPatch(base, target) {
    const wl = windowLog(base.length, target.length, 0);
    const options = {
        dictionary: base,
        params: {
            [node_zlib__WEBPACK_IMPORTED_MODULE_1__.constants.ZSTD_c_compressionLevel]: 1,
            [node_zlib__WEBPACK_IMPORTED_MODULE_1__.constants.ZSTD_c_windowLog]: wl,
            [node_zlib__WEBPACK_IMPORTED_MODULE_1__.constants.ZSTD_c_hashLog]: Math.min(wl, 20),
            [node_zlib__WEBPACK_IMPORTED_MODULE_1__.constants.ZSTD_c_checksumFlag]: 1,
        },
        pledgedSrcSize: target.length,
    };
    return (0,node_zlib__WEBPACK_IMPORTED_MODULE_1__.zstdCompressSync)(target, options);
}
/** Decodes a patch to exactly `size` bytes; anything else is E_CORRUPT, never a larger allocation. */
function decodePatch(patch, base, size, what) {
    let out;
    try {
        out = (0,node_zlib__WEBPACK_IMPORTED_MODULE_1__.zstdDecompressSync)(patch, {
            dictionary: base,
            maxOutputLength: Math.max(size, 1),
            chunkSize: Math.min(Math.max(size, 1024), 16 * 1024 * 1024),
            params: { [node_zlib__WEBPACK_IMPORTED_MODULE_1__.constants.ZSTD_d_windowLogMax]: MAX_WINDOW_LOG },
        });
    }
    catch (error) {
        const reason = error.code === 'ERR_BUFFER_TOO_LARGE' ? 'decodes past its declared size' : 'does not decode against its base';
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .SnapshotFormatError */ .wv('E_CORRUPT', `${what} ${reason}: the snapshot or its parent is damaged`);
    }
    if (out.length !== size)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .SnapshotFormatError */ .wv('E_CORRUPT', `${what} decoded to ${out.length} bytes, expected ${size}`);
    return out;
}


/***/ }),

/***/ 3916:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Kh: () => (/* binding */ fromSystemError),
/* harmony export */   OK: () => (/* binding */ OperationError),
/* harmony export */   Or: () => (/* binding */ isSystemError),
/* harmony export */   iR: () => (/* binding */ isVitsnapError),
/* harmony export */   k0: () => (/* binding */ UnsafePathError),
/* harmony export */   wv: () => (/* binding */ SnapshotFormatError)
/* harmony export */ });
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
        return new OperationError(known.code, `${action}: ${known.what}${where}; ${known.next}`);
    const detail = typeof sys.code === 'string' ? `${sys.code}${sys.syscall !== undefined ? ` in ${sys.syscall}` : ''}` : (sys.message ?? String(error));
    return new OperationError('E_IO', `${action}: system error ${detail}${where}; check the path and retry`);
}


/***/ }),

/***/ 7758:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   z: () => (/* binding */ formatBytes)
/* harmony export */ });
/** Byte counts for people: binary units, three significant digits. Shared by the CLI, reports and checks. */
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


/***/ }),

/***/ 8604:
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

/***/ 7462:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   H: () => (/* binding */ inParallel)
/* harmony export */ });
/** Runs `work` over `items` with at most `limit` in flight; the first failure rejects the whole. */
async function inParallel(items, limit, work) {
    let next = 0;
    const lane = async () => {
        while (next < items.length)
            await work(items[next++]);
    };
    await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
}


/***/ }),

/***/ 2309:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  ud: () => (/* binding */ STAT_CACHE_SUFFIX),
  xi: () => (/* binding */ STORE_CACHES_KEPT),
  D8: () => (/* binding */ buildCache),
  h5: () => (/* binding */ captureScope),
  st: () => (/* binding */ loadSidecar),
  QP: () => (/* binding */ loadStoreCache),
  Ck: () => (/* binding */ nowNs),
  YX: () => (/* binding */ pruneCaches),
  t6: () => (/* binding */ recordedDigest),
  n8: () => (/* binding */ sidecarPath),
  xp: () => (/* binding */ storeCachePath),
  aR: () => (/* binding */ writeCache)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(3916);
// EXTERNAL MODULE: ./src/snapshot/atomic-file.ts
var atomic_file = __nccwpck_require__(5118);
// EXTERNAL MODULE: ./src/version.ts
var version = __nccwpck_require__(311);
// EXTERNAL MODULE: ./src/snapshot/format.ts
var format = __nccwpck_require__(6957);
;// CONCATENATED MODULE: ./src/incremental/snapshot-identity.ts
/**
 * Which snapshot a stat cache belongs to, cheaply: the SHA-256 of the snapshot's 200-byte trailer
 * and its size. The trailer holds the SHA-256 of the entries, the manifest and the index, and the
 * index the SHA-256 of every block, so any other snapshot has another trailer; hashing the whole
 * file instead would read a 1 GB snapshot on every incremental capture.
 */



/** The identity of the snapshot at `path`, or null when there is none there (or it has no trailer). */
function snapshotIdentity(path) {
    let fd;
    try {
        fd = (0,external_node_fs_.openSync)(path, 'r');
    }
    catch {
        return null;
    }
    try {
        const st = (0,external_node_fs_.fstatSync)(fd);
        if (!st.isFile() || st.size < format/* TRAILER_SIZE */.C)
            return null;
        const trailer = Buffer.alloc(format/* TRAILER_SIZE */.C);
        let done = 0;
        while (done < format/* TRAILER_SIZE */.C) {
            const n = (0,external_node_fs_.readSync)(fd, trailer, done, format/* TRAILER_SIZE */.C - done, st.size - format/* TRAILER_SIZE */.C + done);
            if (n === 0)
                return null;
            done += n;
        }
        if (!trailer.subarray(format/* TRAILER_SIZE */.C - format/* TRAILER_MAGIC */.Ku.length).equals(format/* TRAILER_MAGIC */.Ku))
            return null;
        return { trailerSha256: (0,external_node_crypto_.createHash)('sha256').update(trailer).digest('hex'), size: st.size };
    }
    catch {
        return null;
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
function sameSnapshot(a, b) {
    return a.trailerSha256 === b.trailerSha256 && a.size === b.size;
}

// EXTERNAL MODULE: ./src/incremental/stat-cache.ts
var stat_cache = __nccwpck_require__(4919);
;// CONCATENATED MODULE: ./src/incremental/cache-files.ts
/**
 * Where stat caches live and how they are found, checked, written. A cache that is missing,
 * damaged, stale or made for another tree is never an error: the capture hashes every file and
 * says why in a warning.
 *
 *   SNAPSHOT.statcache                  beside every snapshot `create` writes
 *   STORE/captures/<key>.statcache      the last `create --store` of one root and set of globs
 */








const STAT_CACHE_SUFFIX = '.statcache';
/** Stat caches a store keeps (one per root and globs): a runner that captures from fresh temp dirs must not fill it. */
const STORE_CACHES_KEPT = 64;
function captureScope(root, patterns, excludeHidden) {
    let real = (0,external_node_path_.resolve)(root);
    try {
        real = (0,external_node_fs_.realpathSync)(real);
    }
    catch {
        // a missing root fails the capture itself, with its own message
    }
    return { root: real, patterns: [...patterns], excludeHidden };
}
function sidecarPath(snapshot) {
    return `${snapshot}${STAT_CACHE_SUFFIX}`;
}
/** The store's cache for one scope: keyed by root and globs, so captures of different parts of a tree keep their own. */
function storeCachePath(storeRoot, scope) {
    const key = (0,external_node_crypto_.createHash)('sha256').update(JSON.stringify([scope.root, scope.patterns, scope.excludeHidden])).digest('hex');
    return (0,external_node_path_.join)(storeRoot, 'captures', `${key}${STAT_CACHE_SUFFIX}`);
}
/** Removes all but the `keep` most recently written stat caches in `dir`; best effort. */
function pruneCaches(dir, keep) {
    let names;
    try {
        names = (0,external_node_fs_.readdirSync)(dir).filter((n) => n.endsWith(STAT_CACHE_SUFFIX));
    }
    catch {
        return;
    }
    if (names.length <= keep)
        return;
    const aged = names.map((name) => {
        try {
            return { name, mtime: (0,external_node_fs_.statSync)((0,external_node_path_.join)(dir, name)).mtimeMs };
        }
        catch {
            return { name, mtime: Infinity }; // gone meanwhile: nothing to remove
        }
    });
    aged.sort((a, b) => b.mtime - a.mtime || (a.name < b.name ? -1 : 1));
    for (const { name } of aged.slice(keep)) {
        try {
            (0,external_node_fs_.unlinkSync)((0,external_node_path_.join)(dir, name));
        }
        catch {
            // removed by a concurrent create, or not ours to remove
        }
    }
}
/** Reads at most the largest cache vitsnap writes; null when there is no file. */
function readBounded(path) {
    let fd;
    try {
        fd = (0,external_node_fs_.openSync)(path, 'r');
    }
    catch (error) {
        if (error.code === 'ENOENT')
            return null;
        throw error;
    }
    try {
        const size = (0,external_node_fs_.fstatSync)(fd).size;
        // zstd never grows data by more than a fraction of a percent.
        if (size > stat_cache/* STAT_CACHE_HEADER_SIZE */.Kd + stat_cache/* STAT_CACHE_MAX_RAW */.si + (stat_cache/* STAT_CACHE_MAX_RAW */.si >>> 7) + 1024)
            throw new Error(`it is ${size} bytes, larger than any stat cache vitsnap writes`);
        const buf = Buffer.alloc(size);
        let done = 0;
        while (done < size) {
            const n = (0,external_node_fs_.readSync)(fd, buf, done, size - done, done);
            if (n === 0)
                break;
            done += n;
        }
        return buf.subarray(0, done);
    }
    finally {
        (0,external_node_fs_.closeSync)(fd);
    }
}
function reason(error) {
    return (0,errors/* isVitsnapError */.iR)(error) || error instanceof Error ? error.message : String(error);
}
/** Reads and checks a cache file against the scope; `snapshot` set: it must belong to that snapshot too. */
function loadCache(path, scope, snapshot, missing) {
    const ignore = (why) => ({ cache: null, warning: `ignoring stat cache ${path}: ${why}; hashing every file` });
    let cache;
    try {
        const file = readBounded(path);
        if (file === null)
            return { cache: null, warning: missing };
        cache = (0,stat_cache/* decodeStatCache */.Fi)(file, path);
    }
    catch (error) {
        return ignore(reason(error));
    }
    const { meta } = cache;
    if (meta.tool !== version/* VERSION */.x)
        return ignore(`it was written by vitsnap ${meta.tool}, this is ${version/* VERSION */.x}`);
    if (meta.root !== scope.root)
        return ignore(`it was made for root ${meta.root}, this capture's root is ${scope.root}`);
    if (snapshot !== null) {
        const id = snapshotIdentity(snapshot);
        if (id === null || !sameSnapshot(id, meta.snapshot))
            return ignore(`it belongs to another snapshot than ${snapshot} (replaced since?)`);
    }
    return { cache, warning: null };
}
/** The cache beside `previous` (a `.vitsnap` path), for `create --since`. */
function loadSidecar(previous, scope) {
    if (snapshotIdentity(previous) === null) {
        return { cache: null, warning: `--since ${previous}: no snapshot there; hashing every file` };
    }
    return loadCache(sidecarPath(previous), scope, previous, `no stat cache next to ${previous} (${sidecarPath(previous)}); hashing every file`);
}
/**
 * The SHA-256 of the snapshot file at `snapshot` as its writer recorded it in the sidecar, or null
 * (no sidecar, another snapshot's, or none recorded). The sidecar is bound to the snapshot by its
 * trailer, whose digests cover every section and block: another valid snapshot cannot match, and
 * damage to a block still fails that block's own check when it is read.
 */
function recordedDigest(snapshot) {
    const id = snapshotIdentity(snapshot);
    if (id === null)
        return null;
    try {
        const file = readBounded(sidecarPath(snapshot));
        if (file === null)
            return null;
        const { snapshot: recorded } = (0,stat_cache/* decodeStatCacheMeta */.k1)(file, sidecarPath(snapshot));
        return sameSnapshot(id, recorded) ? (recorded.sha256 ?? null) : null;
    }
    catch {
        return null;
    }
}
/** The store's cache for this scope, for `create --store`; none yet is no warning. */
function loadStoreCache(storeRoot, scope) {
    return loadCache(storeCachePath(storeRoot, scope), scope, null, null);
}
/**
 * The cache for a capture that just wrote `snapshot`, started at `startNs` (taken before its walk).
 * Null when the snapshot cannot be identified (then no cache is written).
 */
function buildCache(scope, startNs, snapshot, records, sha256) {
    const id = snapshotIdentity(snapshot);
    if (id === null)
        return null;
    const meta = { tool: version/* VERSION */.x, root: scope.root, patterns: scope.patterns, excludeHidden: scope.excludeHidden, startNs: startNs.toString(), snapshot: sha256 === undefined ? id : { ...id, sha256 } };
    return { meta, records };
}
/** Writes a cache atomically; returns a warning instead of throwing, as a cache is only an optimisation. */
function writeCache(path, cache) {
    let out = null;
    try {
        const data = (0,stat_cache/* encodeStatCache */.Jo)(cache.meta, cache.records);
        (0,external_node_fs_.mkdirSync)((0,external_node_path_.join)(path, '..'), { recursive: true });
        out = new atomic_file/* AtomicFile */.A0(path);
        out.write(data);
        out.commit();
        return null;
    }
    catch (error) {
        out?.abort();
        return `could not write stat cache ${path}: ${reason(error)}; the next incremental capture will hash every file`;
    }
}
/** Wall-clock time now, in ns since 1970. */
function nowNs() {
    return BigInt(Date.now()) * 1000000n;
}


/***/ }),

/***/ 4919:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Fi: () => (/* binding */ decodeStatCache),
/* harmony export */   Jo: () => (/* binding */ encodeStatCache),
/* harmony export */   Kd: () => (/* binding */ STAT_CACHE_HEADER_SIZE),
/* harmony export */   R4: () => (/* binding */ StatTable),
/* harmony export */   k1: () => (/* binding */ decodeStatCacheMeta),
/* harmony export */   si: () => (/* binding */ STAT_CACHE_MAX_RAW)
/* harmony export */ });
/* unused harmony exports STAT_CACHE_MAGIC, STAT_CACHE_VERSION, isRecordable, StatRecords */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3916);
/* harmony import */ var _snapshot_bounded_json_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(3612);
/* harmony import */ var _snapshot_codecs_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(505);
/* harmony import */ var _snapshot_format_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(6957);
/**
 * The stat cache: what one capture learned about each file (its exact stat and its hash results),
 * kept beside the snapshot so the next capture can skip files that did not change
 * (docs/incremental.md). Never part of a snapshot: a snapshot holds no inode or time.
 *
 * File layout (little-endian):
 *
 *   0   8  magic "VSNPSTAT"
 *   8   4  version (1)
 *   12  4  reserved, 0
 *   16  8  payload length, raw
 *   24 32  SHA-256 of the raw payload
 *   56  …  the payload, zstd
 *
 * Payload: u32 meta length, meta (JSON), u32 file count, then per file: u16 path length, path
 * (UTF-8), u64 dev, u64 ino, u64 size, i64 mtimeNs, i64 ctimeNs, u32 mode, u8 class, u8 width,
 * u32 chunk count, 32-byte SHA-256, then per chunk u64 length and 32-byte SHA-256.
 */





const STAT_CACHE_MAGIC = Buffer.from('VSNPSTAT', 'latin1');
const STAT_CACHE_VERSION = 1;
const STAT_CACHE_HEADER_SIZE = 56;
/** Above a 1M-file tree's ~130 MB; a cache over it is not written, one claiming more is not read. */
const STAT_CACHE_MAX_RAW = 256 * 1024 * 1024;
const MAX_META_BYTES = 1024 * 1024;
const CACHE_LEVEL = 3;
const CLASSES = ['text', 'binary', 'compressed', 'tensor'];
const U64_END = 1n << 64n;
const I64_MIN = -(1n << 63n);
const I64_END = 1n << 63n;
/** Path length, then dev, ino, size, mtimeNs, ctimeNs, mode, class, width, chunk count, SHA-256. */
const RECORD_FIXED = 2 + 8 * 5 + 4 + 2 + 4 + 32;
const CHUNK_SIZE = 8 + 32;
/** False for values the table cannot hold exactly; such a file is left out (and so hashed next time). */
function isRecordable(path, r) {
    return (Buffer.byteLength(path) <= 0xffff &&
        r.size < 2 ** 48 &&
        r.dev >= 0n && r.dev < U64_END && r.ino >= 0n && r.ino < U64_END &&
        r.mtimeNs >= I64_MIN && r.mtimeNs < I64_END && r.ctimeNs >= I64_MIN && r.ctimeNs < I64_END);
}
/**
 * Records in their on-disk form, appended as a capture goes: ~130 bytes a file and no objects,
 * where a Map of records would hold ~300 bytes of objects and bigints a file (300 MB at 1M files).
 */
class StatTable {
    buf = Buffer.alloc(64 * 1024);
    used = 0;
    full = false;
    count = 0;
    add(path, r) {
        if (this.full || !isRecordable(path, r))
            return;
        const chunks = r.hashed.chunks ?? [];
        const nameLength = Buffer.byteLength(path);
        const need = RECORD_FIXED + nameLength + chunks.length * CHUNK_SIZE;
        if (this.used + need > STAT_CACHE_MAX_RAW - MAX_META_BYTES - 8) {
            this.full = true;
            return;
        }
        if (this.used + need > this.buf.length) {
            const grown = Buffer.alloc(Math.max(this.buf.length * 2, this.used + need));
            this.buf.copy(grown, 0, 0, this.used);
            this.buf = grown;
        }
        const raw = this.buf;
        let at = raw.writeUInt16LE(nameLength, this.used);
        at += raw.write(path, at, 'utf8');
        at = raw.writeBigUInt64LE(r.dev, at);
        at = raw.writeBigUInt64LE(r.ino, at);
        at = raw.writeBigUInt64LE(BigInt(r.size), at);
        at = raw.writeBigInt64LE(r.mtimeNs, at);
        at = raw.writeBigInt64LE(r.ctimeNs, at);
        at = raw.writeUInt32LE(r.mode, at);
        at = raw.writeUInt8(CLASSES.indexOf(r.hashed.class), at);
        at = raw.writeUInt8(r.hashed.width, at);
        at = raw.writeUInt32LE(chunks.length, at);
        at += raw.write(r.hashed.sha256, at, 32, 'hex');
        for (const c of chunks) {
            at = raw.writeBigUInt64LE(BigInt(c.length), at);
            at += raw.write(c.sha256, at, 32, 'hex');
        }
        this.used = at;
        this.count++;
    }
    /** True when a record did not fit under the size limit (the cache is then not written). */
    get overflowed() {
        return this.full;
    }
    get bytes() {
        return this.buf.subarray(0, this.used);
    }
}
/** A read cache's records, kept in their binary form and decoded one at a time on lookup. */
class StatRecords {
    raw;
    offsets;
    constructor(raw, offsets) {
        this.raw = raw;
        this.offsets = offsets;
    }
    get size() {
        return this.offsets.size;
    }
    get(path) {
        const at = this.offsets.get(path);
        return at === undefined ? undefined : readRecord(this.raw, at);
    }
    *entries() {
        for (const [path, at] of this.offsets)
            yield [path, readRecord(this.raw, at)];
    }
}
/** The record whose fixed fields start at `at` (just after its path); checked by decodeStatCache. */
function readRecord(raw, at) {
    const chunkCount = raw.readUInt32LE(at + 46);
    let chunks = null;
    if (chunkCount > 0) {
        chunks = [];
        for (let c = 0, p = at + 82; c < chunkCount; c++, p += CHUNK_SIZE) {
            chunks.push({ length: raw.readUIntLE(p, 6), sha256: raw.toString('hex', p + 8, p + CHUNK_SIZE) });
        }
    }
    return {
        dev: raw.readBigUInt64LE(at),
        ino: raw.readBigUInt64LE(at + 8),
        size: raw.readUIntLE(at + 16, 6),
        mtimeNs: raw.readBigInt64LE(at + 24),
        ctimeNs: raw.readBigInt64LE(at + 32),
        mode: raw.readUInt32LE(at + 40),
        hashed: { sha256: raw.toString('hex', at + 50, at + 82), class: CLASSES[raw.readUInt8(at + 44)], width: raw.readUInt8(at + 45), chunks },
    };
}
/** A u64 below 2^48 (all sizes the table holds), else -1. */
function safeU64(raw, at) {
    return raw.readUInt16LE(at + 6) === 0 ? raw.readUIntLE(at, 6) : -1;
}
function encodeStatCache(meta, table) {
    if (table.overflowed) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SnapshotFormatError */ .wv('E_LIMIT', `the stat cache would be over ${STAT_CACHE_MAX_RAW} bytes; capture fewer files to use incremental capture`);
    }
    const metaBytes = Buffer.from(JSON.stringify(meta));
    const head = Buffer.alloc(4);
    head.writeUInt32LE(metaBytes.length, 0);
    const count = Buffer.alloc(4);
    count.writeUInt32LE(table.count, 0);
    const raw = Buffer.concat([head, metaBytes, count, table.bytes]);
    const header = Buffer.alloc(STAT_CACHE_HEADER_SIZE);
    STAT_CACHE_MAGIC.copy(header, 0);
    header.writeUInt32LE(STAT_CACHE_VERSION, 8);
    header.writeBigUInt64LE(BigInt(raw.length), 16);
    (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(raw).digest().copy(header, 24);
    return Buffer.concat([header, (0,_snapshot_codecs_js__WEBPACK_IMPORTED_MODULE_3__/* .zstdCompress */ .oq)(raw, CACHE_LEVEL)]);
}
/**
 * Parses a stat cache, checking everything a reuse relies on: the payload digest (a flipped bit
 * in a recorded hash would otherwise go into the next snapshot), and every record's shape.
 * Throws SnapshotFormatError (E_BAD_MAGIC, E_VERSION, E_CORRUPT, E_LIMIT) naming `what`.
 */
/** Header, payload and meta of a cache file, checked; the records are left undecoded after `at`. */
function decodePayload(file, what, corrupt) {
    if (file.length < STAT_CACHE_HEADER_SIZE || !file.subarray(0, 8).equals(STAT_CACHE_MAGIC)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SnapshotFormatError */ .wv('E_BAD_MAGIC', `${what} is not a vitsnap stat cache`);
    }
    const version = file.readUInt32LE(8);
    if (file.readUInt32LE(12) !== 0)
        corrupt('unknown flags');
    if (version !== STAT_CACHE_VERSION)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SnapshotFormatError */ .wv('E_VERSION', `${what} has version ${version}; this vitsnap reads version ${STAT_CACHE_VERSION}`);
    const rawLength = file.readBigUInt64LE(16);
    if (rawLength > BigInt(STAT_CACHE_MAX_RAW))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SnapshotFormatError */ .wv('E_LIMIT', `${what} claims ${rawLength} bytes, over the ${STAT_CACHE_MAX_RAW} vitsnap reads`);
    let raw;
    try {
        raw = (0,_snapshot_codecs_js__WEBPACK_IMPORTED_MODULE_3__/* .zstdDecompress */ .v3)(file.subarray(STAT_CACHE_HEADER_SIZE), Number(rawLength), what);
    }
    catch {
        return corrupt('its payload does not decompress to its declared length');
    }
    if (!(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(raw).digest().equals(file.subarray(24, 56)))
        corrupt('its digest does not match');
    if (raw.length < 4)
        corrupt('truncated at byte 0');
    const metaLength = raw.readUInt32LE(0);
    if (metaLength > MAX_META_BYTES)
        corrupt('its header is too large');
    if (4 + metaLength > raw.length)
        corrupt('truncated at byte 4');
    const meta = checkMeta((0,_snapshot_bounded_json_js__WEBPACK_IMPORTED_MODULE_2__/* .parseBoundedJson */ .Rj)(raw.subarray(4, 4 + metaLength), { maxDepth: 4, maxMembers: 10_000, maxTopMembers: 16, maxValues: 20_000, maxStringBytes: 64 * 1024 }, what), corrupt);
    return { raw, meta, at: 4 + metaLength };
}
function corruptIn(what) {
    return (problem) => {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SnapshotFormatError */ .wv('E_CORRUPT', `${what} is damaged (${problem})`);
    };
}
/** Only the meta of a cache file (checked as fully as decodeStatCache checks it). */
function decodeStatCacheMeta(file, what) {
    return decodePayload(file, what, corruptIn(what)).meta;
}
function decodeStatCache(file, what) {
    const corrupt = corruptIn(what);
    const payload = decodePayload(file, what, corrupt);
    const { raw, meta } = payload;
    let at = payload.at;
    const need = (n) => {
        if (at + n > raw.length)
            corrupt(`truncated at byte ${at}`);
    };
    need(4);
    const count = raw.readUInt32LE(at);
    at += 4;
    if (count > _snapshot_format_js__WEBPACK_IMPORTED_MODULE_4__/* .LIMITS */ .b1.entryCount)
        corrupt(`${count} files, over ${_snapshot_format_js__WEBPACK_IMPORTED_MODULE_4__/* .LIMITS */ .b1.entryCount}`);
    const offsets = new Map();
    for (let i = 0; i < count; i++) {
        need(2);
        const nameLength = raw.readUInt16LE(at);
        at += 2;
        need(nameLength + RECORD_FIXED - 2);
        const path = raw.toString('utf8', at, at + nameLength);
        at += nameLength;
        const size = safeU64(raw, at + 16);
        const cls = CLASSES[raw.readUInt8(at + 44)];
        const width = raw.readUInt8(at + 45);
        const chunkCount = raw.readUInt32LE(at + 46);
        if (cls === undefined || (cls === 'tensor' ? width !== 2 && width !== 4 : width !== 0))
            corrupt(`bad class of file ${i}`);
        if (size < 0 || raw.readUInt32LE(at + 40) > 0o7777 || chunkCount === 1)
            corrupt(`bad record of file ${i}`);
        if (offsets.has(path))
            corrupt(`file ${i} repeats a path`);
        offsets.set(path, at);
        at += RECORD_FIXED - 2;
        if (chunkCount > 0) {
            need(chunkCount * CHUNK_SIZE);
            let sum = 0;
            for (let c = 0; c < chunkCount; c++, at += CHUNK_SIZE) {
                const length = safeU64(raw, at);
                if (length <= 0)
                    corrupt(`bad chunk in file ${i}`);
                sum += length;
            }
            if (sum !== size)
                corrupt(`chunks of file ${i} do not add up to its size`);
        }
    }
    if (at !== raw.length)
        corrupt('bytes after the last record');
    return { meta, files: new StatRecords(raw, offsets) };
}
function checkMeta(value, corrupt) {
    const m = value;
    if (m === null || typeof m !== 'object')
        return corrupt('bad header');
    const snapshot = m.snapshot;
    const ok = typeof m.tool === 'string' &&
        typeof m.root === 'string' &&
        Array.isArray(m.patterns) && m.patterns.every((p) => typeof p === 'string') &&
        typeof m.excludeHidden === 'boolean' &&
        typeof m.startNs === 'string' && /^\d{1,25}$/.test(m.startNs) &&
        snapshot !== null && typeof snapshot === 'object' &&
        typeof snapshot.trailerSha256 === 'string' && /^[0-9a-f]{64}$/.test(snapshot.trailerSha256) &&
        Number.isSafeInteger(snapshot.size) &&
        (snapshot.sha256 === undefined || (typeof snapshot.sha256 === 'string' && /^[0-9a-f]{64}$/.test(snapshot.sha256)));
    if (!ok)
        return corrupt('bad header');
    const digest = snapshot.sha256 === undefined ? {} : { sha256: snapshot.sha256 };
    return {
        tool: m.tool,
        root: m.root,
        patterns: m.patterns,
        excludeHidden: m.excludeHidden,
        startNs: m.startNs,
        snapshot: { trailerSha256: snapshot.trailerSha256, size: snapshot.size, ...digest },
    };
}


/***/ }),

/***/ 8476:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   S: () => (/* binding */ undoInterruptedWork),
/* harmony export */   n: () => (/* binding */ onInterrupt)
/* harmony export */ });
/**
 * Work to undo when the process is interrupted (SIGINT, SIGTERM). Long synchronous work cannot be
 * interrupted, so commands that run long (restore) yield now and then; the signal handler then
 * runs these undo steps before the process exits, and nothing is left half-written.
 */
const undoSteps = new Set();
/** Registers `undo` until the returned function is called (when the work finished or was undone). */
function onInterrupt(undo) {
    undoSteps.add(undo);
    return () => undoSteps.delete(undo);
}
/** Runs every registered undo step, newest first; one that fails does not stop the others. */
function undoInterruptedWork() {
    for (const undo of [...undoSteps].reverse()) {
        undoSteps.delete(undo);
        try {
            undo();
        }
        catch {
            // The process is exiting; the next run's recovery (restore's journal) finishes the job.
        }
    }
}


/***/ }),

/***/ 6287:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  Vt: () => (/* reexport */ OCI_EMPTY_CONFIG),
  $p: () => (/* reexport */ OCI_INDEX),
  EG: () => (/* reexport */ OCI_MANIFEST),
  bP: () => (/* binding */ RegistryClient),
  sI: () => (/* reexport */ sha256Digest)
});

// UNUSED EXPORTS: Credentials, DEFAULT_TIMEOUT_MS, formatReference, isValidDigest, isValidTag, parseReference, referrersTag, resolveCredentials

// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(3916);
;// CONCATENATED MODULE: external "node:http"
const external_node_http_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");
;// CONCATENATED MODULE: external "node:https"
const external_node_https_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");
;// CONCATENATED MODULE: external "node:tls"
const external_node_tls_namespaceObject = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");
var external_node_tls_default = /*#__PURE__*/__nccwpck_require__.n(external_node_tls_namespaceObject);
;// CONCATENATED MODULE: ./src/oci/http.ts
/**
 * One HTTP exchange over node:http/https with an inactivity timeout: the timer restarts on every
 * byte written or read, so a large transfer that keeps moving is never cut, and a peer that stops
 * answering (before the headers or in the middle of a body) fails within `timeoutMs`.
 */




/** A failure of the connection itself (no HTTP status): reset, refused, timed out, cut mid-body. */
class TransportError extends Error {
    name = 'TransportError';
    /** `ETIMEDOUT` for our own timeout, else the system code (`ECONNRESET`, `ECONNREFUSED`, …). */
    code;
    /** Worth another attempt (a reset or a timeout), as opposed to a host that does not exist. */
    retryable;
    constructor(code, message, retryable) {
        super(message);
        this.code = code;
        this.retryable = retryable;
    }
}
/** A request body source failed (a local file read): never retried, reported as is. */
class SourceError extends Error {
    name = 'SourceError';
    cause;
    constructor(cause) {
        super(cause instanceof Error ? cause.message : String(cause));
        this.cause = cause;
    }
}
const RETRYABLE_CODES = new Set(['ECONNRESET', 'ECONNREFUSED', 'ECONNABORTED', 'EPIPE', 'ETIMEDOUT', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH', 'ENETDOWN', 'UND_ERR_SOCKET']);
/** The TransportError for a socket-level error (anything that is not ours). */
function toTransportError(error) {
    if (error instanceof TransportError)
        return error;
    const code = typeof error.code === 'string' ? error.code : 'ECONNRESET';
    const message = error instanceof Error ? error.message : String(error);
    return new TransportError(code, message, RETRYABLE_CODES.has(code) || message === 'aborted' || message === 'socket hang up');
}
/** Keep-alive agents, one pair per client, so `close()` frees every socket. */
class Agents {
    http = new external_node_http_namespaceObject.Agent({ keepAlive: true, maxSockets: 16 });
    https;
    /** `ca`: extra certificates to trust besides Node's (a registry with a private CA). */
    constructor(ca) {
        this.https = new external_node_https_namespaceObject.Agent({ keepAlive: true, maxSockets: 16, ...(ca === undefined ? {} : { ca: [...(external_node_tls_default()).rootCertificates, ca.toString()] }) });
    }
    close() {
        this.http.destroy();
        this.https.destroy();
    }
}
const WRITE_SLICE = 64 * 1024;
async function writeBody(req, body, length, touch, onSent) {
    let sent = 0;
    const write = async (chunk) => {
        if (req.destroyed)
            throw new TransportError('ECONNRESET', 'the connection closed while the body was being sent', true);
        const flushed = req.write(chunk);
        sent += chunk.length;
        touch();
        onSent?.(sent);
        if (!flushed) {
            await new Promise((resolve) => {
                const done = () => {
                    req.off('drain', done);
                    req.off('close', done);
                    resolve();
                };
                req.on('drain', done);
                req.on('close', done);
            });
        }
    };
    if (Buffer.isBuffer(body)) {
        for (let offset = 0; offset < body.length; offset += WRITE_SLICE)
            await write(body.subarray(offset, offset + WRITE_SLICE));
    }
    else {
        try {
            for await (const chunk of body) {
                const bytes = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk);
                if (length !== undefined && sent + bytes.length > length)
                    throw new errors/* OperationError */.OK('E_IO', `the data to upload to ${req.host} has more than the ${length} bytes announced; it changed while being sent: try again once it is stable`);
                await write(bytes);
            }
            // A short body would leave the server waiting for the rest until our timeout.
            if (length !== undefined && sent !== length)
                throw new errors/* OperationError */.OK('E_IO', `the data to upload to ${req.host} ended after ${sent} of the ${length} bytes announced; it changed while being sent: try again once it is stable`);
        }
        catch (error) {
            if (error instanceof TransportError)
                throw error;
            throw new SourceError(error);
        }
    }
    req.end();
}
/** Sends one request; resolves at the response headers (the body is read through the result). */
function sendRequest(options, agents) {
    const secure = options.url.protocol === 'https:';
    const send = secure ? external_node_https_namespaceObject.request : external_node_http_namespaceObject.request;
    return new Promise((resolve, reject) => {
        let timer;
        let failure;
        const req = send(options.url, { method: options.method, headers: options.headers, agent: secure ? agents.https : agents.http });
        const touch = () => {
            if (timer !== undefined)
                timer.refresh();
        };
        const stop = () => {
            if (timer !== undefined)
                clearTimeout(timer);
            timer = undefined;
        };
        let abortRead;
        timer = setTimeout(() => {
            failure = new TransportError('ETIMEDOUT', `no answer for ${options.timeoutMs} ms`, true);
            req.destroy(failure);
            // Whatever events the destroyed response still emits, a read in progress ends here.
            abortRead?.(failure);
        }, options.timeoutMs);
        let responded = false;
        req.on('error', (error) => {
            stop();
            // A body stream the request no longer reads must not keep its file open.
            if (options.body !== undefined && !Buffer.isBuffer(options.body))
                options.body.destroy();
            if (!responded)
                reject(failure ?? (error instanceof SourceError ? error : toTransportError(error)));
        });
        req.on('response', (res) => {
            responded = true;
            touch();
            // Errors before the caller reads the body are kept for consume(): never an unhandled 'error'.
            let early;
            res.on('error', (error) => {
                early ??= failure ?? toTransportError(error);
            });
            const consume = (onChunk) => new Promise((done, fail) => {
                let settled = false;
                // The chunk handler still running, if any: 'end' or a cut can come while it writes.
                let handling = null;
                const finish = (error) => {
                    if (settled)
                        return;
                    settled = true;
                    stop();
                    // Settle only once that handler is done: the caller's next step (a resume from the bytes
                    // counted so far, closing and renaming the file) assumes every chunk has been handled.
                    const after = handling ?? Promise.resolve();
                    after.then(() => (error === undefined ? done() : fail(error)), (handlerError) => fail(error ?? (handlerError instanceof Error ? handlerError : new Error(String(handlerError)))));
                };
                abortRead = finish;
                if (res.readableEnded)
                    return finish();
                if (res.destroyed)
                    return finish(early ?? failure ?? new TransportError('ECONNRESET', 'the connection closed before the whole body arrived', true));
                res.on('data', (chunk) => {
                    if (settled)
                        return;
                    touch();
                    let pending;
                    try {
                        pending = onChunk(chunk);
                    }
                    catch (error) {
                        // Thrown inside an event handler it would be uncaught: fail the read instead.
                        finish(error instanceof Error ? error : new Error(String(error)));
                        req.destroy();
                        return;
                    }
                    if (pending instanceof Promise) {
                        res.pause();
                        handling = pending;
                        pending.then(() => {
                            handling = null;
                            if (!settled)
                                res.resume();
                        }, (error) => {
                            handling = null;
                            finish(error instanceof Error ? error : new Error(String(error)));
                            req.destroy();
                        });
                    }
                });
                res.on('end', () => finish());
                res.on('error', (error) => finish(failure ?? early ?? toTransportError(error)));
                res.on('close', () => {
                    if (!res.complete)
                        finish(failure ?? new TransportError('ECONNRESET', 'the connection closed before the whole body arrived', true));
                });
            });
            resolve({
                status: res.statusCode ?? 0,
                headers: res.headers,
                url: options.url,
                consume,
                async bytes(limit) {
                    const parts = [];
                    let length = 0;
                    await consume((chunk) => {
                        length += chunk.length;
                        if (length > limit)
                            throw new RangeError(`the response body is larger than ${limit} bytes`);
                        parts.push(chunk);
                    });
                    return Buffer.concat(parts, length);
                },
                async discard() {
                    await consume(() => undefined).catch(() => undefined);
                },
            });
        });
        if (options.body === undefined)
            req.end();
        else {
            const announced = options.headers['Content-Length'];
            writeBody(req, options.body, announced === undefined ? undefined : Number(announced), touch, options.onSent).catch((error) => {
                // An early answer (401, 413 …) may close the connection mid-body: the answer is what counts.
                if (!responded)
                    req.destroy(error instanceof Error ? error : new Error(String(error)));
            });
        }
    });
}

;// CONCATENATED MODULE: ./src/oci/auth.ts
/**
 * The registry's challenge flow. A 401 carries `WWW-Authenticate`: `Basic realm=…` means send
 * Basic credentials on every request; `Bearer realm=…,service=…,scope=…` means ask the realm for a
 * token covering the scopes (Basic-authenticated when we have credentials, anonymous otherwise)
 * and send it as `Bearer`. Tokens are cached per scope set until shortly before they expire; one
 * token request may name several scopes (a cross-repository mount needs pull on the source too).
 */

/** Parses a WWW-Authenticate value into its challenges (quoted strings may hold commas). */
function parseChallenges(header) {
    const challenges = [];
    const token = /\s*([!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*/y;
    let i = 0;
    let current;
    while (i < header.length) {
        token.lastIndex = i;
        const name = token.exec(header);
        if (name === null) {
            i += 1; // a stray comma or space
            continue;
        }
        i = token.lastIndex;
        if (header[i] === '=') {
            i += 1;
            let value = '';
            if (header[i] === '"') {
                i += 1;
                while (i < header.length && header[i] !== '"') {
                    if (header[i] === '\\' && i + 1 < header.length)
                        i += 1;
                    value += header[i];
                    i += 1;
                }
                i += 1;
            }
            else {
                token.lastIndex = i;
                const bare = token.exec(header);
                value = bare?.[1] ?? '';
                i = bare === null ? i : token.lastIndex;
            }
            if (current !== undefined)
                current.params[name[1].toLowerCase()] = value;
        }
        else {
            current = { scheme: name[1].toLowerCase(), params: {} };
            challenges.push(current);
        }
        while (i < header.length && (header[i] === ',' || header[i] === ' '))
            i += 1;
    }
    return challenges;
}
/** Tokens are refreshed this long before the server says they expire. */
const EXPIRY_MARGIN_MS = 10_000;
/** What the token spec says to assume when a token server names no lifetime. */
const DEFAULT_TOKEN_SECONDS = 60;
function authHint(registry) {
    return `set VITSNAP_REGISTRY_USER and VITSNAP_REGISTRY_PASSWORD, or run docker login ${registry}`;
}
class RegistryAuth {
    #registry;
    #credentials;
    #fetchToken;
    #now;
    #mode = 'unknown';
    #realm;
    #service;
    #tokens = new Map();
    constructor(registry, credentials, fetchToken, now = Date.now) {
        this.#registry = registry;
        this.#credentials = credentials;
        this.#fetchToken = fetchToken;
        this.#now = now;
    }
    /** What the messages say about who we are. */
    describeIdentity() {
        return this.#credentials === undefined ? 'anonymously (no credentials found)' : `as ${this.#credentials.describe()}`;
    }
    /** The Authorization header for a request that needs `scopes`, or undefined before any challenge. */
    async authorization(scopes) {
        if (this.#mode === 'basic')
            return this.#credentials?.basicAuthorization();
        if (this.#mode === 'bearer')
            return `Bearer ${await this.#token(scopes)}`;
        return undefined;
    }
    /**
     * Learns from a 401. Returns normally when a new attempt may succeed; throws E_AUTH when the
     * same credentials were already refused (so the caller never loops).
     */
    async onUnauthorized(header, scopes, sent) {
        const challenges = parseChallenges(header ?? '');
        const bearer = challenges.find((c) => c.scheme === 'bearer' && c.params.realm !== undefined);
        const basic = challenges.find((c) => c.scheme === 'basic');
        if (bearer !== undefined) {
            const realm = parseRealm(bearer.params.realm, this.#registry);
            const sameRealm = this.#mode === 'bearer' && this.#realm?.href === realm.href && this.#service === bearer.params.service;
            // A request that left before we knew the challenge: the cached tokens are still good.
            if (sameRealm && sent === undefined)
                return;
            // Expired or revoked before its expires_in: forget it and ask again (the caller bounds the rounds).
            if (sameRealm && sent?.startsWith('Bearer ') === true && bearer.params.error === 'invalid_token') {
                this.#tokens.delete(scopeKey(scopes));
                return;
            }
            if (sameRealm && sent?.startsWith('Bearer ') === true) {
                const detail = bearer.params.error === undefined ? '' : ` (${bearer.params.error})`;
                const verb = scopes.some((s) => s.endsWith('push')) ? 'push to' : 'read';
                throw new errors/* OperationError */.OK('E_AUTH', `registry ${this.#registry} refused the token its auth server gave us ${this.describeIdentity()} for ${scopes.join(' ') || 'this request'}${detail}: this account may not ${verb} the repository; ${authHint(this.#registry)} with an account that may ${verb} it`);
            }
            this.#mode = 'bearer';
            this.#realm = realm;
            this.#service = bearer.params.service;
            this.#tokens.clear();
            return;
        }
        if (basic !== undefined) {
            if (this.#credentials === undefined) {
                throw new errors/* OperationError */.OK('E_AUTH', `registry ${this.#registry} requires a user name and password (HTTP 401); ${authHint(this.#registry)}`);
            }
            if (this.#mode === 'basic' && sent !== undefined) {
                throw new errors/* OperationError */.OK('E_AUTH', `registry ${this.#registry} rejected ${this.#credentials.describe()} (HTTP 401): wrong user name or password? ${authHint(this.#registry)}`);
            }
            this.#mode = 'basic';
            return;
        }
        throw new errors/* OperationError */.OK('E_AUTH', `registry ${this.#registry} answered 401 without a Basic or Bearer challenge (WWW-Authenticate: ${JSON.stringify(header ?? '')}); it is not an OCI registry this client can log in to`);
    }
    #token(scopes) {
        const key = scopeKey(scopes);
        const cached = this.#tokens.get(key);
        if (cached !== undefined && cached.expiresAt > this.#now())
            return cached.value;
        const entry = { value: Promise.resolve(''), expiresAt: Number.POSITIVE_INFINITY };
        entry.value = this.#requestToken([...new Set(scopes)].sort()).then(({ token, seconds }) => {
            entry.expiresAt = this.#now() + seconds * 1000 - EXPIRY_MARGIN_MS;
            return token;
        }, (error) => {
            this.#tokens.delete(key);
            throw error;
        });
        this.#tokens.set(key, entry);
        return entry.value;
    }
    async #requestToken(scopes) {
        if (this.#realm === undefined)
            throw new Error('token requested before a Bearer challenge');
        const url = new URL(this.#realm.href);
        if (this.#service !== undefined)
            url.searchParams.set('service', this.#service);
        for (const scope of scopes)
            url.searchParams.append('scope', scope);
        const { status, body } = await this.#fetchToken(url, this.#credentials?.basicAuthorization());
        const where = `the token server ${this.#realm.origin}${this.#realm.pathname} of registry ${this.#registry}`;
        if (status === 401 || status === 403) {
            const why = this.#credentials === undefined ? 'requires credentials' : `rejected ${this.#credentials.describe()}: wrong user name or password?`;
            throw new errors/* OperationError */.OK('E_AUTH', `${where} ${why} (HTTP ${status}); ${authHint(this.#registry)}`);
        }
        if (status !== 200)
            throw new errors/* OperationError */.OK('E_REGISTRY', `${where} answered HTTP ${status} to a token request for ${scopes.join(' ') || 'no scope'}; check the registry's auth service, or try again later`);
        let parsed;
        try {
            parsed = JSON.parse(body.toString('utf8'));
        }
        catch {
            parsed = undefined;
        }
        const fields = typeof parsed === 'object' && parsed !== null ? parsed : {};
        const token = typeof fields.token === 'string' && fields.token !== '' ? fields.token : fields.access_token;
        if (typeof token !== 'string' || token === '')
            throw new errors/* OperationError */.OK('E_REGISTRY', `${where} answered without a "token" or "access_token"; it is not a registry token service this client understands`);
        const seconds = typeof fields.expires_in === 'number' && fields.expires_in > 0 ? fields.expires_in : DEFAULT_TOKEN_SECONDS;
        return { token, seconds };
    }
}
function scopeKey(scopes) {
    return [...new Set(scopes)].sort().join(' ');
}
function parseRealm(realm, registry) {
    try {
        const url = new URL(realm ?? '');
        if (url.protocol === 'http:' || url.protocol === 'https:')
            return url;
    }
    catch {
        // reported below
    }
    throw new errors/* OperationError */.OK('E_REGISTRY', `registry ${registry} named a token realm that is not an http(s) URL: ${JSON.stringify(realm ?? '')}; check the registry's auth configuration`);
}

;// CONCATENATED MODULE: ./src/oci/retry.ts
/**
 * When to try a registry request again: exponential backoff with jitter, bounded attempts, and the
 * registry's own Retry-After when it sends one (429, 503).
 */
const DEFAULT_RETRY_POLICY = { attempts: 5, baseDelayMs: 500, maxDelayMs: 20_000, maxRetryAfterMs: 60_000 };
/** Statuses that say "not now" rather than "no". */
function isRetryableStatus(status) {
    return status === 429 || status === 500 || status === 502 || status === 503 || status === 504;
}
/**
 * The delay before try number `attempt + 1` (attempt counts from 1): half fixed, half random, so
 * clients that failed together do not come back together.
 */
function backoffDelay(attempt, policy, random = Math.random) {
    const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
    return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
/** Retry-After in ms (seconds or an HTTP date), or undefined when absent or unreadable. */
function parseRetryAfter(value, now) {
    const text = Array.isArray(value) ? value[0] : value;
    if (text === undefined || text.trim() === '')
        return undefined;
    if (/^\s*\d+\s*$/.test(text))
        return Number(text) * 1000;
    const date = Date.parse(text);
    return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
function sleep(ms) {
    return new Promise((resolve) => setTimeout(resolve, ms));
}

;// CONCATENATED MODULE: ./src/oci/transport.ts




const ERROR_BODY_LIMIT = 64 * 1024;
const MAX_REDIRECTS = 5;
/** "HTTP 400 DIGEST_INVALID: provided digest did not match uploaded content" from an error answer. */
async function describeFailure(response) {
    let body;
    try {
        body = await response.bytes(ERROR_BODY_LIMIT);
    }
    catch {
        return `HTTP ${response.status}`;
    }
    try {
        const parsed = JSON.parse(body.toString('utf8'));
        const items = Array.isArray(parsed.errors) ? parsed.errors : [];
        const text = items
            .map((e) => [typeof e.code === 'string' ? e.code : '', typeof e.message === 'string' ? e.message : ''].filter((s) => s !== '').join(': '))
            .filter((s) => s !== '')
            .join('; ');
        if (text !== '')
            return `HTTP ${response.status} ${text}`;
    }
    catch {
        // not JSON: fall through to the plain text
    }
    const plain = body.toString('utf8').replace(/\s+/g, ' ').trim().slice(0, 200);
    return plain === '' ? `HTTP ${response.status}` : `HTTP ${response.status}: ${plain}`;
}
class Transport {
    registry;
    auth;
    #options;
    #agents;
    constructor(options) {
        this.#options = options;
        this.#agents = new Agents(options.ca);
        this.registry = options.registry;
        this.auth = new RegistryAuth(options.registry, options.credentials, (url, authorization) => this.#fetchToken(url, authorization));
    }
    get retryPolicy() {
        return this.#options.retry;
    }
    close() {
        this.#agents.close();
    }
    /** Resolves an upload Location (relative or absolute) against the registry, keeping its query. */
    resolve(target) {
        return new URL(target, this.#options.baseUrl);
    }
    /**
     * Sends the request until it gets a status in `accept` (returned with its body unread) or fails
     * for good: E_AUTH for 401/403, E_NOT_FOUND for 404, E_NETWORK when retries ran out, E_REGISTRY
     * for any other answer.
     */
    async send(exchange) {
        const { attempts } = this.#options.retry;
        let url = this.resolve(exchange.target);
        let attempt = 1;
        let authRounds = 0;
        let redirects = 0;
        const crossOrigin = () => url.origin !== new URL(this.#options.baseUrl).origin;
        for (;;) {
            const headers = { 'User-Agent': this.#options.userAgent, ...exchange.headers };
            const authorization = crossOrigin() ? undefined : await this.auth.authorization(exchange.scopes);
            if (authorization !== undefined)
                headers.Authorization = authorization;
            let response;
            try {
                response = await sendRequest({ method: exchange.method, url, headers, body: exchange.body?.(), timeoutMs: this.#options.timeoutMs, onSent: exchange.onSent }, this.#agents);
            }
            catch (error) {
                if (error instanceof SourceError)
                    throw error.cause;
                if (!(error instanceof TransportError))
                    throw error;
                if (error.retryable && exchange.retry !== false && attempt < attempts) {
                    await this.#pause(exchange.what, attempt, backoffDelay(attempt, this.#options.retry), this.#networkReason(error));
                    attempt += 1;
                    continue;
                }
                throw this.networkError(exchange.what, error, attempt);
            }
            const { status } = response;
            if (exchange.accept.includes(status))
                return response;
            if (status === 401 && !crossOrigin() && authRounds < 2) {
                await response.discard();
                authRounds += 1;
                await this.auth.onUnauthorized(headerText(response.headers['www-authenticate']), exchange.scopes, authorization);
                continue;
            }
            const location = headerText(response.headers.location);
            if ((exchange.method === 'GET' || exchange.method === 'HEAD') && [301, 302, 303, 307, 308].includes(status) && location !== undefined && redirects < MAX_REDIRECTS) {
                await response.discard();
                redirects += 1;
                url = new URL(location, url);
                continue;
            }
            if (isRetryableStatus(status) && exchange.retry !== false && attempt < attempts) {
                const retryAfter = parseRetryAfter(response.headers['retry-after'], Date.now());
                await response.discard();
                if (retryAfter !== undefined && retryAfter > this.#options.retry.maxRetryAfterMs) {
                    throw new errors/* OperationError */.OK('E_NETWORK', `registry ${this.registry} answered HTTP ${status} to ${exchange.what} and asked to wait ${Math.ceil(retryAfter / 1000)} s (Retry-After); try again later`);
                }
                const delay = Math.max(retryAfter ?? 0, backoffDelay(attempt, this.#options.retry));
                await this.#pause(exchange.what, attempt, delay, `HTTP ${status}`);
                attempt += 1;
                continue;
            }
            throw await this.statusError(exchange, response, attempt);
        }
    }
    /**
     * send() and read the whole body (at most `limit` bytes), sending again when the body is cut
     * half-way; the status comes back too (for callers that accept a 404).
     */
    async fetchBytes(exchange, limit) {
        const { attempts } = this.#options.retry;
        for (let attempt = 1;; attempt += 1) {
            const response = await this.send(exchange);
            try {
                return { status: response.status, headers: response.headers, body: await response.bytes(limit) };
            }
            catch (error) {
                if (error instanceof RangeError)
                    throw new errors/* OperationError */.OK('E_REGISTRY', `registry ${this.registry} sent more than ${limit} bytes while ${exchange.what}; that is not what an OCI registry sends there`);
                if (!(error instanceof TransportError) || !error.retryable || exchange.retry === false)
                    throw error;
                if (attempt >= attempts)
                    throw this.networkError(exchange.what, error, attempt);
                await this.#pause(exchange.what, attempt, backoffDelay(attempt, this.#options.retry), this.#networkReason(error));
            }
        }
    }
    /** The E_NETWORK error after a connection failure that retries did not cure. */
    networkError(what, error, attempts) {
        const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
        if (error.code === 'ETIMEDOUT') {
            return new errors/* OperationError */.OK('E_NETWORK', `registry ${this.registry} did not answer within ${formatDuration(this.#options.timeoutMs)} while ${what}${tries}; check that it is up and reachable, or try again later`);
        }
        // OpenSSL's text is "… error:0A00010B:SSL routines:func:reason:file:line": the reason is what helps.
        const reason = /SSL routines:[^:]*:([^:]+)/.exec(error.message)?.[1] ?? error.message.replace(/\s+/g, ' ').trim();
        if (/CERT|SELF_SIGNED|ERR_TLS|ERR_SSL|EPROTO/.test(error.code)) {
            return new errors/* OperationError */.OK('E_NETWORK', `cannot talk HTTPS to registry ${this.registry} while ${what} (${error.code}: ${reason}); if it uses a private CA, add it with NODE_EXTRA_CA_CERTS; if it serves plain HTTP, set VITSNAP_REGISTRY_INSECURE=1`);
        }
        return new errors/* OperationError */.OK('E_NETWORK', `cannot reach registry ${this.registry} while ${what} (${error.code}: ${reason})${tries}; check the address, the network and that the registry is running`);
    }
    async statusError(exchange, response, attempts) {
        const detail = await describeFailure(response);
        const { status } = response;
        if (status === 401 || status === 403) {
            return new errors/* OperationError */.OK('E_AUTH', `registry ${this.registry} refused ${exchange.what} ${this.auth.describeIdentity()} (${detail}); ${authHint(this.registry)} with an account that may ${exchange.scopes.some((s) => s.endsWith('push')) ? 'push to' : 'read'} the repository`);
        }
        if (status === 404) {
            // The registry's words go with the fact, before the "; what to do" part.
            const text = exchange.notFound ?? `registry ${this.registry} has nothing at the address used for ${exchange.what}; check the reference`;
            const split = text.indexOf('; ');
            return new errors/* OperationError */.OK('E_NOT_FOUND', split < 0 ? `${text} (${detail})` : `${text.slice(0, split)} (${detail})${text.slice(split)}`);
        }
        if (isRetryableStatus(status)) {
            return new errors/* OperationError */.OK('E_NETWORK', `registry ${this.registry} kept answering ${detail} to ${exchange.what}${attempts > 1 ? ` after ${attempts} attempts` : ''}; try again later`);
        }
        return new errors/* OperationError */.OK('E_REGISTRY', `registry ${this.registry} rejected ${exchange.what}: ${detail}`);
    }
    #networkReason(error) {
        return error.code === 'ETIMEDOUT' ? `no answer within ${formatDuration(this.#options.timeoutMs)}` : `${error.code}: ${error.message}`;
    }
    /** Waits before try `attempt + 1` of something the caller retries itself (told to onRetry like the rest). */
    backoff(what, attempt, reason) {
        return this.#pause(what, attempt, backoffDelay(attempt, this.#options.retry), reason);
    }
    async #pause(what, attempt, delayMs, reason) {
        this.#options.onRetry?.({ what, attempt: attempt + 1, attempts: this.#options.retry.attempts, delayMs, reason });
        await sleep(delayMs);
    }
    /** Token requests go to the realm (maybe another host) with retries but no auth flow of their own. */
    async #fetchToken(url, authorization) {
        const { attempts } = this.#options.retry;
        for (let attempt = 1;; attempt += 1) {
            const headers = { 'User-Agent': this.#options.userAgent, Accept: 'application/json' };
            if (authorization !== undefined)
                headers.Authorization = authorization;
            const what = `asking ${url.origin}${url.pathname} for a token`;
            try {
                const response = await sendRequest({ method: 'GET', url, headers, timeoutMs: this.#options.timeoutMs }, this.#agents);
                if (isRetryableStatus(response.status) && attempt < attempts) {
                    await response.discard();
                    await this.#pause(what, attempt, backoffDelay(attempt, this.#options.retry), `HTTP ${response.status}`);
                    continue;
                }
                return { status: response.status, body: await response.bytes(ERROR_BODY_LIMIT * 16) };
            }
            catch (error) {
                if (!(error instanceof TransportError))
                    throw error;
                if (!error.retryable || attempt >= attempts)
                    throw this.networkError(what, error, attempt);
                await this.#pause(what, attempt, backoffDelay(attempt, this.#options.retry), this.#networkReason(error));
            }
        }
    }
}
/** A header's first value, whether node gave a string or an array. */
function headerText(value) {
    return Array.isArray(value) ? value[0] : value;
}
function formatDuration(ms) {
    return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}

;// CONCATENATED MODULE: ./src/oci/blob-upload.ts



const DEFAULT_CHUNK_THRESHOLD = 64 * 1024 * 1024;
const DEFAULT_CHUNK_SIZE = 16 * 1024 * 1024;
/** Reads a Buffer or a Readable as consecutive pieces of at most `size` bytes. */
class PieceReader {
    #buffer;
    #iterator;
    #offset = 0;
    #pending = Buffer.alloc(0);
    #stream;
    constructor(source) {
        if (Buffer.isBuffer(source))
            this.#buffer = source;
        else {
            this.#stream = source;
            this.#iterator = source[Symbol.asyncIterator]();
        }
    }
    async next(size) {
        if (this.#buffer !== undefined) {
            const piece = this.#buffer.subarray(this.#offset, this.#offset + size);
            this.#offset += piece.length;
            return piece;
        }
        const parts = [this.#pending];
        let length = this.#pending.length;
        while (length < size && this.#iterator !== undefined) {
            const { value, done } = await this.#iterator.next();
            if (done === true)
                break;
            const chunk = Buffer.isBuffer(value) ? value : Buffer.from(value);
            parts.push(chunk);
            length += chunk.length;
        }
        const all = Buffer.concat(parts, length);
        this.#pending = all.subarray(Math.min(size, all.length));
        return all.subarray(0, Math.min(size, all.length));
    }
    close() {
        this.#stream?.destroy();
    }
}
function appendDigest(location, digest) {
    return `${location}${location.includes('?') ? '&' : '?'}digest=${encodeURIComponent(digest)}`;
}
function uploadLocation(ctx, location, status) {
    if (location === undefined || location === '') {
        throw new errors/* OperationError */.OK('E_REGISTRY', `registry ${ctx.transport.registry} answered ${status} to ${ctx.what} without a Location header; it is not speaking the OCI distribution protocol`);
    }
    return location;
}
async function startUpload(ctx) {
    const response = await ctx.transport.send({ method: 'POST', target: `/v2/${ctx.repository}/blobs/uploads/`, headers: { 'Content-Length': '0' }, scopes: ctx.scopes, accept: [202], what: ctx.what });
    await response.discard();
    return uploadLocation(ctx, headerText(response.headers.location), 202);
}
/**
 * The offset the registry holds for an upload session (GET on its Location → `Range: 0-N`) and the
 * Location to go on with. Undefined when it cannot say: distribution cancels a session whose
 * Location state disagrees with the bytes it stored (a PATCH cut half-way), so then we start over.
 */
async function uploadStatus(ctx, location) {
    try {
        const response = await ctx.transport.send({ method: 'GET', target: location, scopes: ctx.scopes, accept: [204], what: `asking how much of ${ctx.digest} arrived` });
        await response.discard();
        // distribution writes "0--1" for an empty upload.
        const range = /^0-(-?\d+)$/.exec(headerText(response.headers.range) ?? '');
        return range === null ? undefined : { offset: Number(range[1]) + 1, location: headerText(response.headers.location) ?? location };
    }
    catch {
        return undefined;
    }
}
/** The closing PUT, with the whole blob (`open`) or, after PATCHes, with no body. */
async function finishUpload(ctx, location, open, onSent) {
    const headers = { 'Content-Type': 'application/octet-stream', 'Content-Length': String(open === undefined ? 0 : ctx.size) };
    const response = await ctx.transport.send({ method: 'PUT', target: appendDigest(location, ctx.digest), headers, ...(open === undefined ? {} : { body: open }), scopes: ctx.scopes, accept: [201], what: ctx.what, retry: false, onSent });
    await response.discard();
}
/**
 * A failure after the upload session was resumed from its reported offset: the registry may still
 * have been storing the cut request when it answered, so the session cannot be trusted; a new
 * upload can.
 */
class SessionSpoiled extends Error {
    cause;
    constructor(cause) {
        super(cause.message);
        this.cause = cause;
    }
}
/** Sends the source in PATCH chunks; returns the Location to close with PUT and whether a chunk was resumed. */
async function sendChunks(ctx, start, reader, chunkSize, onProgress) {
    let location = start;
    let offset = 0;
    let resumed = false;
    while (offset < ctx.size) {
        const piece = await reader.next(Math.min(chunkSize, ctx.size - offset));
        if (piece.length === 0)
            throw new errors/* OperationError */.OK('E_IO', `the source of blob ${ctx.digest} ended after ${offset} of ${ctx.size} bytes; the file changed or the size is wrong`);
        let sent = 0;
        for (let attempt = 1; sent < piece.length; attempt += 1) {
            const part = piece.subarray(sent);
            const first = offset + sent;
            const headers = { 'Content-Type': 'application/octet-stream', 'Content-Length': String(part.length), 'Content-Range': `${first}-${first + part.length - 1}` };
            try {
                const response = await ctx.transport.send({ method: 'PATCH', target: location, headers, body: () => part, scopes: ctx.scopes, accept: [202], what: ctx.what, retry: false, onSent: (n) => onProgress?.(first + n, ctx.size) });
                await response.discard();
                location = uploadLocation(ctx, headerText(response.headers.location), 202);
                sent = piece.length;
            }
            catch (error) {
                if (resumed && error instanceof errors/* OperationError */.OK && error.code !== 'E_NETWORK' && error.code !== 'E_AUTH')
                    throw new SessionSpoiled(error);
                if (!(error instanceof errors/* OperationError */.OK) || error.code !== 'E_NETWORK' || attempt >= ctx.transport.retryPolicy.attempts)
                    throw error;
                // A cut PATCH may have stored part of the chunk: continue from what the registry holds.
                await ctx.transport.backoff(ctx.what, attempt, error.message);
                const status = await uploadStatus(ctx, location);
                if (status === undefined || status.offset < offset || status.offset > offset + piece.length)
                    throw error;
                sent = status.offset - offset;
                location = status.location;
                resumed = true;
            }
        }
        offset += piece.length;
    }
    return { location, resumed };
}
/** Pushes one blob; see RegistryClient.pushBlob. */
async function pushBlob(transport, repository, digest, size, open, options = {}) {
    const push = `repository:${repository}:pull,push`;
    const ctx = { transport, repository, digest, size, scopes: [push], what: `pushing blob ${digest} to ${repository}` };
    const head = await transport.send({ method: 'HEAD', target: `/v2/${repository}/blobs/${digest}`, scopes: ctx.scopes, accept: [200, 404], what: `checking for blob ${digest} in ${repository}` });
    await head.discard();
    if (head.status === 200)
        return 'exists';
    let mounted;
    if (options.mountFrom !== undefined && options.mountFrom !== repository) {
        const query = `mount=${encodeURIComponent(digest)}&from=${encodeURIComponent(options.mountFrom)}`;
        const scopes = [push, `repository:${options.mountFrom}:pull`];
        const response = await transport.send({ method: 'POST', target: `/v2/${repository}/blobs/uploads/?${query}`, headers: { 'Content-Length': '0' }, scopes, accept: [201, 202], what: `mounting blob ${digest} from ${options.mountFrom} into ${repository}` });
        await response.discard();
        if (response.status === 201)
            return 'mounted';
        mounted = uploadLocation(ctx, headerText(response.headers.location), 202);
    }
    const threshold = options.chunkThreshold ?? DEFAULT_CHUNK_THRESHOLD;
    const chunkSize = Math.max(1, options.chunkSize ?? DEFAULT_CHUNK_SIZE);
    const { attempts } = transport.retryPolicy;
    for (let attempt = 1;; attempt += 1) {
        const location = mounted ?? (await startUpload(ctx));
        mounted = undefined;
        try {
            if (size <= threshold) {
                await finishUpload(ctx, location, open, (n) => options.onProgress?.(n, size));
            }
            else {
                const reader = new PieceReader(open());
                try {
                    const chunks = await sendChunks(ctx, location, reader, chunkSize, options.onProgress);
                    try {
                        await finishUpload(ctx, chunks.location, undefined);
                    }
                    catch (error) {
                        // DIGEST_INVALID and the like after a resume: the session took bytes twice or lost some.
                        if (chunks.resumed && error instanceof errors/* OperationError */.OK && error.code !== 'E_NETWORK' && error.code !== 'E_AUTH')
                            throw new SessionSpoiled(error);
                        throw error;
                    }
                }
                finally {
                    reader.close();
                }
            }
            options.onProgress?.(size, size);
            return 'uploaded';
        }
        catch (error) {
            const retryable = error instanceof SessionSpoiled || (error instanceof errors/* OperationError */.OK && error.code === 'E_NETWORK') || (error instanceof TransportError && error.retryable);
            if (!retryable || attempt >= attempts)
                throw error instanceof SessionSpoiled ? error.cause : error;
            await transport.backoff(ctx.what, attempt, error.message);
        }
    }
}

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __nccwpck_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __nccwpck_require__(6760);
;// CONCATENATED MODULE: ./src/oci/blob-download.ts
/**
 * Fetching one blob, verified by its digest. A body cut half-way is resumed with `Range:
 * bytes=N-` when the registry answers 206 from offset N, and fetched again from the start when it
 * answers 200; the SHA-256 runs over the bytes as they arrive, so resuming costs no re-read. Bytes
 * that do not hash to the digest are an error at once: the registry's copy is wrong, and asking
 * again would give the same bytes.
 */






const DEFAULT_MAX_MEMORY_BLOB = 256 * 1024 * 1024;
async function fetchInto(transport, repository, digest, sink, options, limit) {
    const what = `pulling blob ${digest} from ${repository}`;
    const { attempts } = transport.retryPolicy;
    let hash = (0,external_node_crypto_.createHash)('sha256');
    let received = 0;
    let total = options.size;
    let rangeUsable = true;
    let failures = 0;
    const restart = async () => {
        hash = (0,external_node_crypto_.createHash)('sha256');
        received = 0;
        await sink.reset();
    };
    for (;;) {
        const resume = received > 0 && rangeUsable;
        if (received > 0 && !resume)
            await restart();
        const response = await transport.send({
            method: 'GET',
            target: `/v2/${repository}/blobs/${digest}`,
            headers: resume ? { Range: `bytes=${received}-` } : {},
            scopes: [`repository:${repository}:pull`],
            accept: [200, 206, 416],
            what,
            notFound: `blob ${digest} is not in ${repository} on registry ${transport.registry}; the snapshot that names it is incomplete there: push it again`,
        });
        if (response.status === 416) {
            // Asked from the very end (a cut after the last byte): fetch the whole blob once more.
            await response.discard();
            if (!resume)
                throw new errors/* OperationError */.OK('E_REGISTRY', `registry ${transport.registry} answered 416 (range not satisfiable) to a plain GET of blob ${digest} in ${repository}; it is not speaking the OCI distribution protocol`);
            rangeUsable = false;
            continue;
        }
        if (response.status === 206) {
            const range = /^bytes (\d+)-(\d+)\/(\d+|\*)$/.exec(headerText(response.headers['content-range']) ?? '');
            if (!resume || range === null || Number(range[1]) !== received) {
                // A range we did not ask for cannot be spliced in: start over without Range.
                await response.discard();
                rangeUsable = false;
                continue;
            }
            if (range[3] !== '*')
                total ??= Number(range[3]);
        }
        else {
            if (received > 0)
                await restart();
            const length = headerText(response.headers['content-length']);
            if (length !== undefined && /^\d+$/.test(length)) {
                if (options.size !== undefined && Number(length) !== options.size) {
                    await response.discard();
                    throw new errors/* OperationError */.OK('E_REGISTRY', `registry ${transport.registry} offers blob ${digest} in ${repository} with ${length} bytes, but the manifest says ${options.size}; the manifest or the registry's copy is wrong: push the snapshot again`);
                }
                total ??= Number(length);
            }
        }
        const before = received;
        try {
            await response.consume(async (chunk) => {
                if (received + chunk.length > limit) {
                    throw new errors/* OperationError */.OK('E_REGISTRY', `registry ${transport.registry} sent more than ${limit} bytes for blob ${digest} in ${repository}${options.size === undefined ? '' : ' (its expected size)'}; the registry's copy is wrong or this is not the blob: push it again`);
                }
                hash.update(chunk);
                received += chunk.length;
                await sink.write(chunk);
                options.onProgress?.(received, total);
            });
        }
        catch (error) {
            if (!(error instanceof TransportError) || !error.retryable)
                throw error;
            failures = received > before ? 1 : failures + 1;
            if (failures >= attempts)
                throw transport.networkError(what, error, failures);
            await transport.backoff(what, failures, `${error.code}: ${error.message}`);
            continue;
        }
        break;
    }
    const got = `sha256:${hash.digest('hex')}`;
    if (got !== digest) {
        throw new errors/* SnapshotFormatError */.wv('E_CHECKSUM', `registry ${transport.registry} returned different bytes for blob ${digest} in ${repository} (${received} bytes that hash to ${got}); its copy is damaged or a proxy altered it: push the blob again, or pull from another registry`);
    }
    if (options.size !== undefined && received !== options.size) {
        throw new errors/* OperationError */.OK('E_REGISTRY', `blob ${digest} in ${repository} has ${received} bytes, but the manifest says ${options.size}; the manifest is wrong: push the snapshot again`);
    }
    return received;
}
/** The blob in memory, verified. */
async function getBlob(transport, repository, digest, options = {}) {
    let parts = [];
    const limit = options.size ?? options.maxBytes ?? DEFAULT_MAX_MEMORY_BLOB;
    const sink = {
        write: (chunk) => {
            parts.push(chunk);
        },
        reset: () => {
            parts = [];
        },
    };
    const size = await fetchInto(transport, repository, digest, sink, options, limit);
    return Buffer.concat(parts, size);
}
/**
 * The blob written to `path` (replaced atomically: a temporary file beside it is renamed once the
 * digest checks out, and removed on failure). Returns its size.
 */
async function getBlobToFile(transport, repository, digest, path, options = {}) {
    const temp = (0,external_node_path_.join)((0,external_node_path_.dirname)(path), `.${(0,external_node_path_.basename)(path)}.partial-${(0,external_node_crypto_.randomBytes)(6).toString('hex')}`);
    let handle;
    try {
        handle = await (0,promises_.open)(temp, 'wx', 0o644);
    }
    catch (error) {
        throw (0,errors/* fromSystemError */.Kh)(error, `cannot write blob ${digest} to ${path}`);
    }
    let position = 0;
    const sink = {
        write: async (chunk) => {
            // The offset is taken before the write starts, so no later write can reuse it.
            const at = position;
            position += chunk.length;
            await handle.write(chunk, 0, chunk.length, at);
        },
        reset: async () => {
            await handle.truncate(0);
            position = 0;
        },
    };
    try {
        const size = await fetchInto(transport, repository, digest, sink, options, options.size ?? Number.POSITIVE_INFINITY);
        await handle.close();
        await (0,promises_.rename)(temp, path);
        return size;
    }
    catch (error) {
        await handle.close().catch(() => undefined);
        await (0,promises_.unlink)(temp).catch(() => undefined);
        if (typeof error.syscall === 'string')
            throw (0,errors/* fromSystemError */.Kh)(error, `cannot write blob ${digest} to ${path}`);
        throw error;
    }
}

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: external "node:util"
var external_node_util_ = __nccwpck_require__(7975);
;// CONCATENATED MODULE: ./src/oci/credentials.ts
/**
 * Credentials for a registry host, from (first match wins): VITSNAP_REGISTRY_USER/_PASSWORD; the
 * docker config's `auths` entry for the host ($DOCKER_CONFIG/config.json, else
 * ~/.docker/config.json); for ghcr.io, GITHUB_TOKEN. Env and home come in as parameters so tests
 * never read the real ones. The password never appears in a message, a log line or `inspect()`.
 */




class Credentials {
    username;
    /** Where they came from, for messages: "VITSNAP_REGISTRY_USER", "GITHUB_TOKEN", "/home/u/.docker/config.json". */
    source;
    #password;
    constructor(username, password, source) {
        this.username = username;
        this.#password = password;
        this.source = source;
    }
    get password() {
        return this.#password;
    }
    /** `Basic base64(user:password)`. */
    basicAuthorization() {
        return `Basic ${Buffer.from(`${this.username}:${this.#password}`, 'utf8').toString('base64')}`;
    }
    /** "user NAME from SOURCE": what a message may say about them. */
    describe() {
        return `user ${JSON.stringify(this.username)} from ${this.source}`;
    }
    toJSON() {
        return { username: this.username, source: this.source };
    }
    [external_node_util_.inspect.custom]() {
        return `Credentials { ${this.describe()} }`;
    }
}
const GITHUB_REGISTRY = 'ghcr.io';
/** What ghcr.io accepts as the user name with GITHUB_TOKEN when no actor is known. */
const GITHUB_TOKEN_USER = 'x-access-token';
const DOCKER_HUB = ['docker.io', 'index.docker.io', 'registry-1.docker.io'];
function nonEmpty(value) {
    return value === undefined || value === '' ? undefined : value;
}
/** `host[:port]` from a docker config key: `host`, `https://host`, `https://host/v1/`, `http://host:5000`. */
function normalizeKey(key) {
    const withoutScheme = key.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '');
    const slash = withoutScheme.indexOf('/');
    return (slash < 0 ? withoutScheme : withoutScheme.slice(0, slash)).toLowerCase();
}
/** The docker config file to read: `$DOCKER_CONFIG/config.json`, else `~/.docker/config.json`. */
function dockerConfigPath(context) {
    const dir = nonEmpty(context.env.DOCKER_CONFIG);
    return dir === undefined ? (0,external_node_path_.join)(context.home, '.docker', 'config.json') : (0,external_node_path_.join)(dir, 'config.json');
}
function fromDockerConfig(registry, context) {
    const path = dockerConfigPath(context);
    let text;
    try {
        text = (0,external_node_fs_.readFileSync)(path, 'utf8');
    }
    catch (error) {
        if (error.code === 'ENOENT' || error.code === 'ENOTDIR')
            return undefined;
        throw new errors/* OperationError */.OK('E_IO', `cannot read the docker config ${path}: ${error.message}; fix its permissions or set DOCKER_CONFIG to another directory`);
    }
    let config;
    try {
        config = JSON.parse(text);
    }
    catch {
        throw new errors/* OperationError */.OK('E_INPUT', `the docker config ${path} is not valid JSON; fix it (docker login rewrites it) or set DOCKER_CONFIG to another directory`);
    }
    const auths = typeof config === 'object' && config !== null ? config.auths : undefined;
    if (typeof auths !== 'object' || auths === null)
        return undefined;
    const wanted = registry.toLowerCase();
    // docker login stores Docker Hub under its v1 index URL.
    const names = DOCKER_HUB.includes(wanted) ? DOCKER_HUB : [wanted];
    for (const [key, value] of Object.entries(auths)) {
        if (!names.includes(normalizeKey(key)) || typeof value !== 'object' || value === null)
            continue;
        const entry = value;
        if (typeof entry.auth === 'string' && entry.auth !== '') {
            const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
            const colon = decoded.indexOf(':');
            // The message names the key only: the value is a secret.
            if (colon <= 0)
                throw new errors/* OperationError */.OK('E_INPUT', `the "auth" value for ${JSON.stringify(key)} in ${path} is not base64 of user:password; run docker login ${registry} again`);
            return new Credentials(decoded.slice(0, colon), decoded.slice(colon + 1), path);
        }
        if (typeof entry.username === 'string' && entry.username !== '' && typeof entry.password === 'string') {
            return new Credentials(entry.username, entry.password, path);
        }
    }
    return undefined;
}
/**
 * The credentials to offer `registry` (`host[:port]` as in an OciReference), or undefined to go
 * anonymous. Throws E_USAGE when only one of VITSNAP_REGISTRY_USER/_PASSWORD is set, E_INPUT for an
 * unreadable docker config entry.
 */
function resolveCredentials(registry, context) {
    const user = nonEmpty(context.env.VITSNAP_REGISTRY_USER);
    const password = nonEmpty(context.env.VITSNAP_REGISTRY_PASSWORD);
    if (user !== undefined && password !== undefined)
        return new Credentials(user, password, 'VITSNAP_REGISTRY_USER/VITSNAP_REGISTRY_PASSWORD');
    if (user !== undefined || password !== undefined) {
        const missing = user === undefined ? 'VITSNAP_REGISTRY_USER' : 'VITSNAP_REGISTRY_PASSWORD';
        throw new errors/* OperationError */.OK('E_USAGE', `${missing} is not set while its partner is; set both (or neither, to use docker login credentials)`);
    }
    const docker = fromDockerConfig(registry, context);
    if (docker !== undefined)
        return docker;
    const token = nonEmpty(context.env.GITHUB_TOKEN);
    if (registry.toLowerCase() === GITHUB_REGISTRY && token !== undefined) {
        return new Credentials(nonEmpty(context.env.GITHUB_ACTOR) ?? GITHUB_TOKEN_USER, token, 'GITHUB_TOKEN');
    }
    return undefined;
}

// EXTERNAL MODULE: ./src/oci/reference.ts
var reference = __nccwpck_require__(2148);
;// CONCATENATED MODULE: ./src/oci/manifests.ts
/**
 * Manifests, tags and referrers of one repository. Every manifest that comes back is checked
 * against its digest (the one asked for, or the one the registry names), so a tag can be trusted
 * as far as the registry can.
 */




const OCI_MANIFEST = 'application/vnd.oci.image.manifest.v1+json';
const OCI_INDEX = 'application/vnd.oci.image.index.v1+json';
const OCI_EMPTY_CONFIG = 'application/vnd.oci.empty.v1+json';
/** The default Accept of getManifest: distribution 2.8 answers 404 to a GET without one it serves. */
const DEFAULT_MANIFEST_ACCEPT = [OCI_MANIFEST, OCI_INDEX];
/** What registries are required to accept (the image spec's limit). */
const MAX_MANIFEST_BYTES = 4 * 1024 * 1024;
const TAG_LIST_LIMIT = 16 * 1024 * 1024;
function sha256Digest(bytes) {
    return `sha256:${(0,external_node_crypto_.createHash)('sha256').update(bytes).digest('hex')}`;
}
function checkRef(ref, registry) {
    if (!(0,reference/* isValidTag */.r_)(ref) && !(0,reference/* isValidDigest */.fH)(ref)) {
        throw new errors/* OperationError */.OK('E_USAGE', `${JSON.stringify(ref)} is neither a tag (1-128 of A-Z a-z 0-9 _ . -) nor a sha256:<64 hex> digest, so registry ${registry} cannot hold a manifest under it`);
    }
}
function noSuchManifest(transport, repository, ref) {
    const kind = (0,reference/* isValidDigest */.fH)(ref) ? 'manifest' : 'tag';
    return `no such ${kind} ${ref} in ${repository} on registry ${transport.registry}; check the reference (list the repository's tags to see what exists)`;
}
/** Uploads a manifest under a tag or its digest; returns the digest, checked against the registry's. */
async function putManifest(transport, repository, ref, bytes, mediaType) {
    checkRef(ref, transport.registry);
    const digest = sha256Digest(bytes);
    if ((0,reference/* isValidDigest */.fH)(ref) && ref !== digest)
        throw new errors/* OperationError */.OK('E_USAGE', `cannot put a manifest under ${ref}: its bytes hash to ${digest}`);
    if (bytes.length > MAX_MANIFEST_BYTES)
        throw new errors/* OperationError */.OK('E_USAGE', `manifest for ${repository}:${ref} has ${bytes.length} bytes; registries need not accept more than ${MAX_MANIFEST_BYTES}: put fewer layers in it`);
    const response = await transport.send({
        method: 'PUT',
        target: `/v2/${repository}/manifests/${ref}`,
        headers: { 'Content-Type': mediaType, 'Content-Length': String(bytes.length) },
        body: () => bytes,
        scopes: [`repository:${repository}:pull,push`],
        accept: [201],
        what: `pushing manifest ${ref} to ${repository}`,
        notFound: `registry ${transport.registry} does not know a blob that manifest ${ref} for ${repository} names; push every layer and the config before the manifest`,
    });
    await response.discard();
    const answered = headerText(response.headers['docker-content-digest']);
    if (answered !== undefined && answered !== digest) {
        throw new errors/* OperationError */.OK('E_REGISTRY', `registry ${transport.registry} stored manifest ${ref} for ${repository} as ${answered}, but its bytes hash to ${digest}; the registry rewrote it: use a registry that stores manifests as sent`);
    }
    return digest;
}
/** Downloads a manifest; `accept` lists the media types we can read (sent as Accept). */
async function getManifest(transport, repository, ref, accept = DEFAULT_MANIFEST_ACCEPT) {
    checkRef(ref, transport.registry);
    const response = await transport.fetchBytes({
        method: 'GET',
        target: `/v2/${repository}/manifests/${ref}`,
        headers: { Accept: accept.join(', ') },
        scopes: [`repository:${repository}:pull`],
        accept: [200],
        what: `pulling manifest ${ref} from ${repository}`,
        notFound: noSuchManifest(transport, repository, ref),
    }, MAX_MANIFEST_BYTES);
    const bytes = response.body;
    const digest = sha256Digest(bytes);
    const expected = (0,reference/* isValidDigest */.fH)(ref) ? ref : headerText(response.headers['docker-content-digest']);
    if (expected !== undefined && expected !== digest) {
        throw new errors/* OperationError */.OK('E_REGISTRY', `registry ${transport.registry} returned a manifest for ${repository}:${ref} that hashes to ${digest}, not ${expected}; its copy is damaged or a proxy altered it: push it again`);
    }
    return { bytes, digest, mediaType: manifestMediaType(headerText(response.headers['content-type']), bytes) };
}
function manifestMediaType(contentType, bytes) {
    const header = contentType?.split(';')[0]?.trim();
    if (header !== undefined && header !== '' && header !== 'application/json' && header !== 'application/octet-stream')
        return header;
    try {
        const parsed = JSON.parse(bytes.toString('utf8'));
        if (typeof parsed.mediaType === 'string')
            return parsed.mediaType;
    }
    catch {
        // not JSON: keep what the header said
    }
    return header ?? '';
}
/**
 * What a tag or digest points at, without downloading it (HEAD): its digest, media type and size,
 * or null when there is no such manifest.
 */
async function resolveManifest(transport, repository, ref, accept = DEFAULT_MANIFEST_ACCEPT) {
    checkRef(ref, transport.registry);
    const response = await transport.send({ method: 'HEAD', target: `/v2/${repository}/manifests/${ref}`, headers: { Accept: accept.join(', ') }, scopes: [`repository:${repository}:pull`], accept: [200, 404], what: `looking up manifest ${ref} in ${repository}` });
    await response.discard();
    if (response.status === 404)
        return null;
    const digest = headerText(response.headers['docker-content-digest']) ?? ((0,reference/* isValidDigest */.fH)(ref) ? ref : undefined);
    const size = Number(headerText(response.headers['content-length']));
    if (digest === undefined || !(0,reference/* isValidDigest */.fH)(digest) || !Number.isSafeInteger(size)) {
        // Without a digest header HEAD cannot say what the tag is: fetch and hash it instead.
        const fetched = await getManifest(transport, repository, ref, accept);
        return { mediaType: fetched.mediaType, digest: fetched.digest, size: fetched.bytes.length };
    }
    if ((0,reference/* isValidDigest */.fH)(ref) && digest !== ref) {
        throw new errors/* OperationError */.OK('E_REGISTRY', `registry ${transport.registry} answered a HEAD of manifest ${ref} in ${repository} with digest ${digest}; it is not serving what was asked`);
    }
    return { mediaType: headerText(response.headers['content-type'])?.split(';')[0]?.trim() ?? '', digest, size };
}
/** Every tag of the repository (following `Link: <…>; rel="next"` pages); [] when the repository does not exist. */
async function listTags(transport, repository) {
    const tags = [];
    let target = `/v2/${repository}/tags/list`;
    for (let page = 0; target !== undefined; page += 1) {
        if (page >= 10_000)
            throw new errors/* OperationError */.OK('E_REGISTRY', `registry ${transport.registry} kept sending more tag pages for ${repository}; it is looping`);
        const response = await transport.fetchBytes({ method: 'GET', target, scopes: [`repository:${repository}:pull`], accept: [200, 404], what: `listing the tags of ${repository}` }, TAG_LIST_LIMIT);
        if (response.status === 404)
            return tags;
        const body = response.body.toString('utf8');
        let parsed;
        try {
            parsed = JSON.parse(body);
        }
        catch {
            throw new errors/* OperationError */.OK('E_REGISTRY', `registry ${transport.registry} answered the tag list of ${repository} with something that is not JSON; it is not an OCI registry`);
        }
        if (Array.isArray(parsed.tags))
            tags.push(...parsed.tags.filter((t) => typeof t === 'string'));
        const link = /<([^>]+)>\s*;\s*rel="?next"?/.exec(headerText(response.headers.link) ?? '');
        target = link === null ? undefined : link[1];
    }
    return tags;
}
/** Deletes the manifest with this digest (registries delete by digest only, never by tag). */
async function deleteManifest(transport, repository, digest) {
    if (!(0,reference/* isValidDigest */.fH)(digest))
        throw new errors/* OperationError */.OK('E_USAGE', `manifests are deleted by digest: ${JSON.stringify(digest)} is not sha256:<64 hex>; get it with getManifest first`);
    const response = await transport.send({
        method: 'DELETE',
        target: `/v2/${repository}/manifests/${digest}`,
        scopes: [`repository:${repository}:pull,push,delete`],
        accept: [202, 405],
        what: `deleting manifest ${digest} from ${repository}`,
        notFound: noSuchManifest(transport, repository, digest),
    });
    await response.discard();
    if (response.status === 405) {
        throw new errors/* OperationError */.OK('E_REGISTRY', `registry ${transport.registry} does not allow deleting manifests (HTTP 405); enable deletes (distribution: storage.delete.enabled) or delete it in the registry's UI`);
    }
}
/**
 * The manifests that refer to `digest` (the referrers API), optionally only those of one
 * artifactType; null when the registry has no referrers API, so the caller can fall back to the
 * `sha256-<hex>` tag (see referrersTag).
 */
async function getReferrers(transport, repository, digest, artifactType) {
    if (!(0,reference/* isValidDigest */.fH)(digest))
        throw new errors/* OperationError */.OK('E_USAGE', `referrers are looked up by digest: ${JSON.stringify(digest)} is not sha256:<64 hex>`);
    const query = artifactType === undefined ? '' : `?artifactType=${encodeURIComponent(artifactType)}`;
    const response = await transport.fetchBytes({ method: 'GET', target: `/v2/${repository}/referrers/${digest}${query}`, headers: { Accept: OCI_INDEX }, scopes: [`repository:${repository}:pull`], accept: [200, 404], what: `listing the referrers of ${digest} in ${repository}` }, MAX_MANIFEST_BYTES);
    if (response.status === 404)
        return null;
    let index;
    try {
        index = JSON.parse(response.body.toString('utf8'));
    }
    catch {
        throw new errors/* OperationError */.OK('E_REGISTRY', `registry ${transport.registry} answered the referrers of ${digest} in ${repository} with something that is not an image index`);
    }
    const manifests = Array.isArray(index.manifests) ? index.manifests : [];
    // A registry that ignores the filter says so by omitting OCI-Filters-Applied.
    const filtered = headerText(response.headers['oci-filters-applied'])?.split(',').map((s) => s.trim()).includes('artifactType') === true;
    return artifactType === undefined || filtered ? manifests : manifests.filter((m) => m.artifactType === artifactType);
}

// EXTERNAL MODULE: ./src/version.ts
var version = __nccwpck_require__(311);
;// CONCATENATED MODULE: ./src/oci/client.ts












const DEFAULT_TIMEOUT_MS = 60_000;
class RegistryClient {
    registry;
    repository;
    #transport;
    /** `target` is a parsed reference (its tag and digest are ignored here) or registry, scheme and repository. */
    constructor(target, options = {}) {
        this.registry = target.registry;
        this.repository = target.repository;
        this.#transport = new Transport({
            baseUrl: (0,reference/* registryUrl */.NH)(target),
            registry: target.registry,
            credentials: options.credentials,
            retry: { ...DEFAULT_RETRY_POLICY, ...options.retry },
            timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
            userAgent: `vitsnap/${version/* VERSION */.x}`,
            ...(options.onRetry === undefined ? {} : { onRetry: options.onRetry }),
            ...(options.ca === undefined ? {} : { ca: options.ca }),
        });
    }
    /** A client with the credentials found for the reference's registry (see credentials.ts). */
    static forReference(target, context, options = {}) {
        const credentials = resolveCredentials(target.registry, context);
        return new RegistryClient(target, { ...options, ...(credentials === undefined ? {} : { credentials }) });
    }
    close() {
        this.#transport.close();
    }
    async ping() {
        const response = await this.#transport.send({ method: 'GET', target: '/v2/', scopes: [], accept: [200], what: 'checking the registry API (GET /v2/)', notFound: `${this.registry} does not serve the OCI distribution API at /v2/; check the registry address` });
        await response.discard();
    }
    async hasBlob(digest) {
        checkDigest(digest);
        const response = await this.#transport.send({ method: 'HEAD', target: `/v2/${this.repository}/blobs/${digest}`, scopes: [`repository:${this.repository}:pull`], accept: [200, 404], what: `checking for blob ${digest} in ${this.repository}` });
        await response.discard();
        return response.status === 200;
    }
    async pushBlob(digest, size, open, options) {
        checkDigest(digest);
        if (!Number.isSafeInteger(size) || size < 0)
            throw new errors/* OperationError */.OK('E_USAGE', `blob size ${size} is not a byte count`);
        return pushBlob(this.#transport, this.repository, digest, size, open, options);
    }
    async getBlob(digest, options) {
        checkDigest(digest);
        return getBlob(this.#transport, this.repository, digest, options);
    }
    async getBlobToFile(digest, path, options) {
        checkDigest(digest);
        return getBlobToFile(this.#transport, this.repository, digest, path, options);
    }
    async putManifest(tagOrDigest, bytes, mediaType) {
        return putManifest(this.#transport, this.repository, tagOrDigest, bytes, mediaType);
    }
    async getManifest(tagOrDigest, accept = DEFAULT_MANIFEST_ACCEPT) {
        return getManifest(this.#transport, this.repository, tagOrDigest, accept);
    }
    async resolveManifest(tagOrDigest, accept = DEFAULT_MANIFEST_ACCEPT) {
        return resolveManifest(this.#transport, this.repository, tagOrDigest, accept);
    }
    async listTags() {
        return listTags(this.#transport, this.repository);
    }
    async deleteManifest(digest) {
        return deleteManifest(this.#transport, this.repository, digest);
    }
    async referrers(digest, artifactType) {
        return getReferrers(this.#transport, this.repository, digest, artifactType);
    }
}
function checkDigest(digest) {
    if (!(0,reference/* isValidDigest */.fH)(digest))
        throw new errors/* OperationError */.OK('E_USAGE', `${JSON.stringify(digest)} is not a blob digest; expected sha256:<64 lower-case hex digits>`);
}


/***/ }),

/***/ 2148:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   F2: () => (/* binding */ parseReference),
/* harmony export */   LN: () => (/* binding */ referrersTag),
/* harmony export */   NH: () => (/* binding */ registryUrl),
/* harmony export */   fH: () => (/* binding */ isValidDigest),
/* harmony export */   r_: () => (/* binding */ isValidTag)
/* harmony export */ });
/* unused harmony exports isLoopbackHost, formatReference */
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3916);
/**
 * `oci://REGISTRY[:PORT]/REPO[/…][:TAG][@sha256:HEX]` references, validated against the grammar of
 * the OCI distribution spec (repository components, tag, digest) so that a typo fails here with an
 * example instead of as a puzzling 404 from the registry.
 */

const SCHEME = 'oci://';
const EXAMPLE = 'e.g. oci://ghcr.io/owner/snapshots:main or oci://localhost:5000/snapshots@sha256:<64 hex digits>';
const COMPONENT = /^[a-z0-9]+(?:(?:\.|_|__|-+)[a-z0-9]+)*$/;
const TAG = /^[A-Za-z0-9_][A-Za-z0-9._-]{0,127}$/;
const DIGEST = /^sha256:[a-f0-9]{64}$/;
const DOMAIN_LABEL = /^[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?$/;
const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;
const IPV6 = /^[0-9A-Fa-f:.]+$/;
/** What docker and the distribution reference library allow for registry + repository. */
const MAX_NAME_LENGTH = 255;
function invalid(text, why) {
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .OperationError */ .OK('E_USAGE', `invalid registry reference ${JSON.stringify(text)}: ${why}; ${EXAMPLE}`);
}
/** True for `localhost`, 127.0.0.0/8 and ::1: the hosts where plain HTTP never leaves the machine. */
function isLoopbackHost(host) {
    const h = host.toLowerCase();
    if (h === 'localhost' || h === '::1' || h === '0:0:0:0:0:0:0:1')
        return true;
    const v4 = IPV4.exec(h);
    return v4 !== null && v4[1] === '127' && v4.slice(1).every((octet) => Number(octet) <= 255);
}
function parseRegistry(text, registry) {
    let host;
    let portText;
    if (registry.startsWith('[')) {
        const close = registry.indexOf(']');
        if (close < 0)
            throw invalid(text, `unclosed "[" in the registry host ${JSON.stringify(registry)}`);
        host = registry.slice(1, close);
        const rest = registry.slice(close + 1);
        if (rest !== '' && !rest.startsWith(':'))
            throw invalid(text, `unexpected ${JSON.stringify(rest)} after the IPv6 address`);
        portText = rest === '' ? undefined : rest.slice(1);
        if (!IPV6.test(host) || !host.includes(':'))
            throw invalid(text, `${JSON.stringify(host)} is not an IPv6 address`);
    }
    else {
        const colon = registry.lastIndexOf(':');
        host = colon < 0 ? registry : registry.slice(0, colon);
        portText = colon < 0 ? undefined : registry.slice(colon + 1);
        const v4 = IPV4.exec(host);
        if (v4 !== null) {
            if (v4.slice(1).some((octet) => Number(octet) > 255))
                throw invalid(text, `${JSON.stringify(host)} is not an IPv4 address`);
        }
        else if (host === '' || !host.split('.').every((label) => DOMAIN_LABEL.test(label))) {
            throw invalid(text, `${JSON.stringify(host)} is not a valid registry host name`);
        }
    }
    if (portText === undefined)
        return { host: host.toLowerCase() };
    const port = /^\d{1,5}$/.test(portText) ? Number(portText) : NaN;
    if (!(port >= 1 && port <= 65535))
        throw invalid(text, `port ${JSON.stringify(portText)} is not a number from 1 to 65535`);
    return { host: host.toLowerCase(), port };
}
/**
 * Parses a registry reference. Throws E_USAGE naming the offending part and showing a valid
 * example. A bare reference (no `oci://`) must start with something that looks like a registry
 * host (has a dot or a port, or is `localhost`): there is no implicit docker.io here.
 */
function parseReference(text, options = {}) {
    let rest;
    if (text.startsWith(SCHEME))
        rest = text.slice(SCHEME.length);
    else if (options.allowBare === true && !text.includes('://'))
        rest = text;
    else
        throw invalid(text, options.allowBare === true ? 'only the oci:// scheme is supported' : 'it must start with oci://');
    let digest;
    const at = rest.indexOf('@');
    if (at >= 0) {
        digest = rest.slice(at + 1);
        rest = rest.slice(0, at);
        if (!DIGEST.test(digest))
            throw invalid(text, `digest ${JSON.stringify(digest)} is not sha256: followed by 64 lower-case hex digits`);
    }
    const slash = rest.indexOf('/');
    if (slash <= 0)
        throw invalid(text, 'it needs a registry host and a repository, separated by "/"');
    const registryText = rest.slice(0, slash);
    let path = rest.slice(slash + 1);
    const { host, port } = parseRegistry(text, registryText);
    if (!text.startsWith(SCHEME) && !registryText.includes('.') && !registryText.includes(':') && host !== 'localhost') {
        throw invalid(text, `${JSON.stringify(registryText)} does not look like a registry host (no dot, no port); write the registry explicitly`);
    }
    let tag;
    const lastSlash = path.lastIndexOf('/');
    const colon = path.indexOf(':', lastSlash + 1);
    if (colon >= 0) {
        tag = path.slice(colon + 1);
        path = path.slice(0, colon);
        if (!TAG.test(tag))
            throw invalid(text, `tag ${JSON.stringify(tag)} must be 1 to 128 of A-Z a-z 0-9 _ . - and not start with . or -`);
    }
    if (path === '')
        throw invalid(text, 'the repository name is empty');
    for (const component of path.split('/')) {
        if (!COMPONENT.test(component)) {
            throw invalid(text, `repository component ${JSON.stringify(component)} must be lower-case letters and digits, separated by one ".", "_", "__" or dashes`);
        }
    }
    if (registryText.length + 1 + path.length > MAX_NAME_LENGTH)
        throw invalid(text, `registry and repository together exceed ${MAX_NAME_LENGTH} characters`);
    if (tag === undefined && digest === undefined && options.allowMissingTag !== true)
        throw invalid(text, 'it needs a :tag or an @sha256: digest');
    const registry = host.includes(':') ? `[${host}]${port === undefined ? '' : `:${port}`}` : `${host}${port === undefined ? '' : `:${port}`}`;
    const scheme = isLoopbackHost(host) || options.insecure === true ? 'http' : 'https';
    return { registry, host, ...(port === undefined ? {} : { port }), repository: path, ...(tag === undefined ? {} : { tag }), ...(digest === undefined ? {} : { digest }), scheme };
}
/** The reference as text, with `oci://`: the tag and/or digest it carries. */
function formatReference(ref) {
    return `${SCHEME}${ref.registry}/${ref.repository}${ref.tag === undefined ? '' : `:${ref.tag}`}${ref.digest === undefined ? '' : `@${ref.digest}`}`;
}
/** The base URL of the registry's API, without the `/v2/` path. */
function registryUrl(ref) {
    return `${ref.scheme}://${ref.registry}`;
}
/** True for a well-formed tag (for callers that build tags such as `latest-<name>`). */
function isValidTag(tag) {
    return TAG.test(tag);
}
/** True for `sha256:<64 lower-case hex>`, the only digest algorithm this client verifies. */
function isValidDigest(digest) {
    return DIGEST.test(digest);
}
/** The tag under which a registry without the referrers API keeps the referrers of `digest` (`sha256-<hex>`). */
function referrersTag(digest) {
    if (!DIGEST.test(digest))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .OperationError */ .OK('E_USAGE', `not a sha256 digest: ${JSON.stringify(digest)}; expected sha256:<64 hex digits>`);
    return digest.replace(':', '-');
}


/***/ }),

/***/ 6465:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   g: () => (/* binding */ connectRegistry),
/* harmony export */   r: () => (/* binding */ registryReference)
/* harmony export */ });
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _oci_client_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6287);
/* harmony import */ var _oci_reference_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(2148);
/**
 * From a reference's text to a client, the same way for the CLI, `oci://` reads and the action:
 * `VITSNAP_REGISTRY_INSECURE=1` allows plain HTTP beyond loopback, credentials come from the
 * environment and docker's config (RegistryClient.forReference), retries are told to `onRetry`.
 */



/** The reference, optionally without a tag, or with its registry replaced by a mirror for reading. */
function registryReference(text, env, options = {}) {
    const parse = { insecure: env.VITSNAP_REGISTRY_INSECURE === '1', ...(options.allowMissingTag === true ? { allowMissingTag: true } : {}) };
    const ref = (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .parseReference */ .F2)(text, parse);
    return options.mirror === undefined ? ref : (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_2__/* .parseReference */ .F2)(text.replace(/^oci:\/\/[^/]+/, `oci://${options.mirror}`), parse);
}
function connectRegistry(ref, env, say) {
    const onRetry = (info) => say?.(`${ref.registry}: ${info.reason}; retry ${info.attempt} in ${Math.round(info.delayMs)} ms`);
    return _oci_client_js__WEBPACK_IMPORTED_MODULE_1__/* .RegistryClient */ .bP.forReference(ref, { env, home: env.HOME ?? (0,node_os__WEBPACK_IMPORTED_MODULE_0__.homedir)() }, { onRetry });
}


/***/ }),

/***/ 7853:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $p: () => (/* reexport safe */ _oci_client_js__WEBPACK_IMPORTED_MODULE_2__.$p),
/* harmony export */   EG: () => (/* reexport safe */ _oci_client_js__WEBPACK_IMPORTED_MODULE_2__.EG),
/* harmony export */   Vx: () => (/* binding */ EMPTY_DIGEST),
/* harmony export */   WI: () => (/* binding */ readManifest),
/* harmony export */   XV: () => (/* binding */ buildLayout),
/* harmony export */   gn: () => (/* binding */ ARTIFACT_TYPE),
/* harmony export */   p3: () => (/* binding */ isSnapshotIndex),
/* harmony export */   sI: () => (/* reexport safe */ _oci_client_js__WEBPACK_IMPORTED_MODULE_2__.sI),
/* harmony export */   u: () => (/* binding */ EMPTY_BLOB),
/* harmony export */   vY: () => (/* binding */ readIndex)
/* harmony export */ });
/* unused harmony exports RECORD_MEDIA_TYPE, CHUNK_MEDIA_TYPE, EMPTY_MEDIA_TYPE, TITLE, SNAPSHOT_DIGEST_ANNOTATION, LAYERS_PER_MANIFEST, snapshotAnnotations */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3916);
/* harmony import */ var _oci_client_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6287);
/**
 * How a stored snapshot lies in an OCI registry (docs/format.md, "OCI layout"):
 *
 *   TAG → image index (artifactType application/vnd.vitsnap.snapshot.v1, annotations)
 *           ├─ manifest 0: config = the snapshot record (application/vnd.vitsnap.record.v1)
 *           └─ manifest 1…: layers = chunk objects (application/vnd.vitsnap.chunk.v1), each titled
 *                           with the chunk's own SHA-256, grouped by digest prefix
 *
 * Chunk objects are the store's files, so pull writes them into a store unchanged and push sends
 * only the ones the registry lacks. Everything here is derived from the snapshot alone, with
 * `created` taken from SOURCE_DATE_EPOCH, so pushing the same snapshot gives the same digests.
 */



const ARTIFACT_TYPE = 'application/vnd.vitsnap.snapshot.v1';
const RECORD_MEDIA_TYPE = 'application/vnd.vitsnap.record.v1';
const CHUNK_MEDIA_TYPE = 'application/vnd.vitsnap.chunk.v1';

const EMPTY_MEDIA_TYPE = _oci_client_js__WEBPACK_IMPORTED_MODULE_2__/* .OCI_EMPTY_CONFIG */ .Vt;
const EMPTY_BLOB = Buffer.from('{}');
const EMPTY_DIGEST = `sha256:${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(EMPTY_BLOB).digest('hex')}`;
const TITLE = 'org.opencontainers.image.title';
const SNAPSHOT_DIGEST_ANNOTATION = 'dev.vitsnap.snapshot.sha256';
/** Layers per manifest: ~230 bytes each keeps a manifest near 1 MiB, well under the 4 MiB registries must take. */
const LAYERS_PER_MANIFEST = 4096;
const json = (value) => Buffer.from(JSON.stringify(value));
/** Snapshot metadata as OCI annotations; nothing that varies between two pushes of one snapshot. */
function snapshotAnnotations(id, summary) {
    const a = { [SNAPSHOT_DIGEST_ANNOTATION]: id };
    if (summary.createdAt !== null)
        a['org.opencontainers.image.created'] = summary.createdAt;
    const repo = summary.source.repository;
    if (repo !== null)
        a['org.opencontainers.image.source'] = /^[\w.-]+\/[\w.-]+$/.test(repo) ? `https://github.com/${repo}` : repo;
    if (summary.source.sha !== null)
        a['org.opencontainers.image.revision'] = summary.source.sha;
    return a;
}
/** Hex digits of the chunk digest that pick its manifest: 0 (one group), 1 (16) or 2 (256). */
function prefixLength(chunks) {
    if (chunks <= LAYERS_PER_MANIFEST)
        return 0;
    return chunks <= 16 * LAYERS_PER_MANIFEST ? 1 : 2;
}
function buildLayout(id, summary, record, chunks, subject) {
    const annotations = snapshotAnnotations(id, summary);
    const empty = { mediaType: EMPTY_MEDIA_TYPE, digest: EMPTY_DIGEST, size: EMPTY_BLOB.length };
    const first = json({
        schemaVersion: 2,
        mediaType: _oci_client_js__WEBPACK_IMPORTED_MODULE_2__/* .OCI_MANIFEST */ .EG,
        artifactType: ARTIFACT_TYPE,
        config: { mediaType: RECORD_MEDIA_TYPE, digest: record.digest, size: record.size },
        layers: [empty],
        annotations,
    });
    const sorted = [...chunks].sort((a, b) => (a.chunk < b.chunk ? -1 : a.chunk > b.chunk ? 1 : 0));
    const cut = prefixLength(sorted.length);
    const groups = new Map();
    for (const c of sorted) {
        const key = c.chunk.slice(0, cut);
        const group = groups.get(key);
        if (group === undefined)
            groups.set(key, [c]);
        else
            group.push(c);
    }
    const manifests = [first];
    for (const group of groups.values()) {
        manifests.push(json({
            schemaVersion: 2,
            mediaType: _oci_client_js__WEBPACK_IMPORTED_MODULE_2__/* .OCI_MANIFEST */ .EG,
            artifactType: ARTIFACT_TYPE,
            config: empty,
            layers: group.map((c) => ({ mediaType: CHUNK_MEDIA_TYPE, digest: c.digest, size: c.size, annotations: { [TITLE]: c.chunk } })),
        }));
    }
    const index = json({
        schemaVersion: 2,
        mediaType: _oci_client_js__WEBPACK_IMPORTED_MODULE_2__/* .OCI_INDEX */ .$p,
        artifactType: ARTIFACT_TYPE,
        manifests: manifests.map((m) => ({ mediaType: _oci_client_js__WEBPACK_IMPORTED_MODULE_2__/* .OCI_MANIFEST */ .EG, artifactType: ARTIFACT_TYPE, digest: (0,_oci_client_js__WEBPACK_IMPORTED_MODULE_2__/* .sha256Digest */ .sI)(m), size: m.length })),
        ...(subject === undefined ? {} : { subject }),
        annotations,
    });
    return { index, manifests };
}
// ---------- reading it back (registry content is untrusted: validate every field used) ----------
const DIGEST = /^sha256:[0-9a-f]{64}$/;
const HEX64 = /^[0-9a-f]{64}$/;
function fail(what) {
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SnapshotFormatError */ .wv('E_CORRUPT', `the registry's copy is not a vitsnap snapshot: ${what}; push it again with vitsnap push`);
}
function parse(bytes, what) {
    let value;
    try {
        value = JSON.parse(bytes.toString('utf8'));
    }
    catch {
        fail(`${what} is not JSON`);
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value))
        fail(`${what} is not a JSON object`);
    return value;
}
function descriptor(value, what) {
    const d = value;
    if (d === null || typeof d !== 'object' || typeof d.mediaType !== 'string' || typeof d.digest !== 'string' || !DIGEST.test(d.digest))
        fail(`${what} is not a descriptor`);
    if (typeof d.size !== 'number' || !Number.isSafeInteger(d.size) || d.size < 0)
        fail(`${what} has no valid size`);
    const annotations = d.annotations !== undefined && d.annotations !== null && typeof d.annotations === 'object' ? d.annotations : undefined;
    return { mediaType: d.mediaType, digest: d.digest, size: d.size, ...(annotations === undefined ? {} : { annotations }) };
}
/** Whether a manifest or index says it is a vitsnap snapshot (else it may be an image with one attached). */
function isSnapshotIndex(bytes) {
    try {
        const parsed = JSON.parse(bytes.toString('utf8'));
        return parsed.artifactType === ARTIFACT_TYPE;
    }
    catch {
        return false;
    }
}
/** The manifests an index lists, checked to be a vitsnap snapshot's. */
function readIndex(bytes) {
    const index = parse(bytes, 'the tag');
    if (index.mediaType !== _oci_client_js__WEBPACK_IMPORTED_MODULE_2__/* .OCI_INDEX */ .$p || index.artifactType !== ARTIFACT_TYPE)
        fail(`the tag points at ${String(index.mediaType)} with artifactType ${String(index.artifactType)}, not a vitsnap snapshot index`);
    if (!Array.isArray(index.manifests) || index.manifests.length === 0)
        fail('the index lists no manifests');
    const annotations = index.annotations;
    const id = annotations?.[SNAPSHOT_DIGEST_ANNOTATION];
    return { manifests: index.manifests.map((m, i) => descriptor(m, `index entry ${i}`)), snapshotId: typeof id === 'string' && HEX64.test(id) ? id : null };
}
/** Manifest 0's record descriptor, or a chunk manifest's chunk blobs. */
function readManifest(bytes, position) {
    const m = parse(bytes, `manifest ${position}`);
    if (m.mediaType !== _oci_client_js__WEBPACK_IMPORTED_MODULE_2__/* .OCI_MANIFEST */ .EG || m.artifactType !== ARTIFACT_TYPE || !Array.isArray(m.layers))
        fail(`manifest ${position} is not a vitsnap manifest`);
    const config = descriptor(m.config, `manifest ${position}'s config`);
    if (position === 0) {
        if (config.mediaType !== RECORD_MEDIA_TYPE)
            fail(`manifest 0's config is ${config.mediaType}, not the snapshot record`);
        return { record: config, chunks: [] };
    }
    const chunks = m.layers.map((layer, i) => {
        const d = descriptor(layer, `manifest ${position} layer ${i}`);
        const title = d.annotations?.[TITLE];
        if (d.mediaType !== CHUNK_MEDIA_TYPE || typeof title !== 'string' || !HEX64.test(title))
            fail(`manifest ${position} layer ${i} is not a chunk`);
        return { chunk: title, digest: d.digest, size: d.size };
    });
    return { record: null, chunks };
}


/***/ }),

/***/ 9155:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   WA: () => (/* binding */ openSnapshotAnywhere),
/* harmony export */   dX: () => (/* binding */ isOciRef)
/* harmony export */ });
/* unused harmony export OCI_PREFIX */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _store_layout_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(5891);
/* harmony import */ var _store_open_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(9717);
/* harmony import */ var _store_records_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(2751);
/* harmony import */ var _store_sessions_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(1888);
/* harmony import */ var _connect_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(6465);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_7__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_7___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_7__);
/* harmony import */ var _delta_chain_js__WEBPACK_IMPORTED_MODULE_8__ = __nccwpck_require__(7451);
/* harmony import */ var _pull_js__WEBPACK_IMPORTED_MODULE_9__ = __nccwpck_require__(5504);
/**
 * Opens what a command names as a snapshot: a `.vitsnap` file, `store:NAME`, or `oci://…`. A
 * registry snapshot is read through the local store: its record is fetched (and kept under a
 * temporary name while the reader is open), and chunks only when asked for, all of them or
 * those of the files a diff must read.
 */










const OCI_PREFIX = 'oci://';
function isOciRef(arg) {
    return arg.startsWith(OCI_PREFIX);
}
async function openSnapshotAnywhere(arg, options) {
    const opened = await openOne(arg, options);
    const { reader, fetchFiles } = opened;
    try {
        const attached = reader.isDelta ? attachChain(reader, options) : Promise.resolve();
        // partialChain: attached as far as the layers are found (info).
        await (options.partialChain === true ? attached.catch(() => undefined) : attached);
        // After the chain: a delta's entry list may be stored against its parent's.
        if (options.fetchAll === true && fetchFiles !== null)
            await fetchFiles(reader.manifest.entries.filter((e) => e.type === 'file'));
    }
    catch (error) {
        reader.close();
        throw error;
    }
    return opened;
}
/**
 * Attaches a delta's parents. A parent found nowhere locally whose `parentRef` is a registry
 * reference is pulled into the store (verified against its id there), then looked for again.
 */
async function attachChain(reader, options) {
    const storeDir = (0,_store_layout_js__WEBPACK_IMPORTED_MODULE_2__/* .defaultStoreDir */ .iB)(undefined, options.env, options.cwd);
    const pulled = new Set();
    for (;;) {
        try {
            (0,_delta_chain_js__WEBPACK_IMPORTED_MODULE_8__/* .resolveChain */ .OW)(reader, { storeDir, candidates: (options.parents ?? []).map((p) => (0,node_path__WEBPACK_IMPORTED_MODULE_7__.resolve)(options.cwd, p)), maxDepth: options.maxDepth });
            return;
        }
        catch (error) {
            const layer = (0,_delta_chain_js__WEBPACK_IMPORTED_MODULE_8__/* .missingLayer */ .ew)(reader);
            const ref = layer?.summary.parentRef;
            if (error.code !== 'E_PARENT' || ref === undefined || !isOciRef(ref) || pulled.has(ref))
                throw error;
            pulled.add(ref);
            const registryRef = (0,_connect_js__WEBPACK_IMPORTED_MODULE_6__/* .registryReference */ .r)(ref, options.env);
            const client = (0,_connect_js__WEBPACK_IMPORTED_MODULE_6__/* .connectRegistry */ .g)(registryRef, options.env);
            try {
                await (0,_pull_js__WEBPACK_IMPORTED_MODULE_9__/* .pullSnapshot */ .Y2)((0,_store_layout_js__WEBPACK_IMPORTED_MODULE_2__/* .openStore */ .Ch)(storeDir, true), client, registryRef, { onProgress: options.onProgress });
            }
            finally {
                client.close();
            }
        }
    }
}
async function openOne(arg, options) {
    if (!isOciRef(arg))
        return { ...(0,_store_open_js__WEBPACK_IMPORTED_MODULE_3__/* .openSnapshotRef */ .Ol)(arg, options.cwd, options.env), fetchFiles: null };
    const { env, cwd } = options;
    const ref = (0,_connect_js__WEBPACK_IMPORTED_MODULE_6__/* .registryReference */ .r)(arg, env);
    const layout = (0,_store_layout_js__WEBPACK_IMPORTED_MODULE_2__/* .openStore */ .Ch)((0,_store_layout_js__WEBPACK_IMPORTED_MODULE_2__/* .defaultStoreDir */ .iB)(undefined, env, cwd), true);
    const client = (0,_connect_js__WEBPACK_IMPORTED_MODULE_6__/* .connectRegistry */ .g)(ref, env);
    const session = _store_sessions_js__WEBPACK_IMPORTED_MODULE_5__/* .StoreSession */ .e7.begin(layout, `read ${arg}`);
    const pending = `remote-${process.pid}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex')}`;
    let released = false;
    const release = () => {
        if (released)
            return;
        released = true;
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)((0,_store_records_js__WEBPACK_IMPORTED_MODULE_4__/* .recordPath */ .lX)(layout, pending), { force: true });
        session.end();
        client.close();
    };
    try {
        const remote = await (0,_pull_js__WEBPACK_IMPORTED_MODULE_9__/* .fetchRemote */ .Z8)(client, ref);
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeFileSync)((0,_store_records_js__WEBPACK_IMPORTED_MODULE_4__/* .recordPath */ .lX)(layout, pending), remote.record);
        const reader = (0,_store_records_js__WEBPACK_IMPORTED_MODULE_4__/* .openRecord */ .C6)(layout, pending, arg);
        reader.onClose = release;
        const byChunk = new Map(remote.chunks.map((c) => [c.chunk, c]));
        const fetchFiles = async (entries) => {
            const wanted = new Set();
            for (const e of entries) {
                for (const c of reader.fileChunks(e))
                    wanted.add(c.sha256.toString('hex'));
                // A delta's patches are chunks of its own that no file lists.
                for (const p of e.patches ?? [])
                    wanted.add(p.patch);
            }
            const blobs = [...wanted].flatMap((hex) => byChunk.get(hex) ?? []);
            await (0,_pull_js__WEBPACK_IMPORTED_MODULE_9__/* .fetchChunks */ .dC)(layout, client, blobs, { onProgress: options.onProgress });
        };
        return { reader, store: layout, fetchFiles };
    }
    catch (error) {
        release();
        throw error;
    }
}


/***/ }),

/***/ 5504:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Y2: () => (/* binding */ pullSnapshot),
/* harmony export */   Z8: () => (/* binding */ fetchRemote),
/* harmony export */   dC: () => (/* binding */ fetchChunks)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(3916);
/* harmony import */ var _in_parallel_js__WEBPACK_IMPORTED_MODULE_11__ = __nccwpck_require__(7462);
/* harmony import */ var _store_chunks_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(9463);
/* harmony import */ var _store_export_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(5643);
/* harmony import */ var _store_records_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(2751);
/* harmony import */ var _store_sessions_js__WEBPACK_IMPORTED_MODULE_7__ = __nccwpck_require__(1888);
/* harmony import */ var _layout_js__WEBPACK_IMPORTED_MODULE_8__ = __nccwpck_require__(7853);
/* harmony import */ var _referrers_js__WEBPACK_IMPORTED_MODULE_9__ = __nccwpck_require__(9191);
/* harmony import */ var _snapshot_format_js__WEBPACK_IMPORTED_MODULE_10__ = __nccwpck_require__(6957);
/**
 * `vitsnap pull`: a snapshot from an OCI registry into the store (and out as a file with -o).
 * Chunk blobs the store has are not fetched, so a pull that failed half-way resumes where it
 * stopped. Registry content is untrusted: each blob is checked against its digest, each chunk
 * against its own SHA-256, and the snapshot as a whole against the id it claims, by rebuilding
 * the standalone file, before the record takes its name in the store.
 */













/** A record holds sections and index only: this bounds what a hostile registry can make us hold. */
const MAX_RECORD_BYTES = _snapshot_format_js__WEBPACK_IMPORTED_MODULE_10__/* .LIMITS */ .b1.entriesStoredBytes + _snapshot_format_js__WEBPACK_IMPORTED_MODULE_10__/* .LIMITS */ .b1.manifestStoredBytes + _snapshot_format_js__WEBPACK_IMPORTED_MODULE_10__/* .LIMITS */ .b1.blockCount * 56 + _snapshot_format_js__WEBPACK_IMPORTED_MODULE_10__/* .LIMITS */ .b1.chunkCount * 44 + 1024;
/** The index, manifests and record of a tag or digest; no chunk is fetched. */
async function fetchRemote(client, ref) {
    let top = await client.getManifest(ref.digest ?? ref.tag ?? 'latest');
    if (!(0,_layout_js__WEBPACK_IMPORTED_MODULE_8__/* .isSnapshotIndex */ .p3)(top.bytes)) {
        // An image, say: take the newest snapshot attached to it.
        const attached = await (0,_referrers_js__WEBPACK_IMPORTED_MODULE_9__/* .findSnapshotReferrer */ .lA)(client, top.digest);
        if (attached !== null)
            top = await client.getManifest(attached);
    }
    const index = (0,_layout_js__WEBPACK_IMPORTED_MODULE_8__/* .readIndex */ .vY)(top.bytes);
    // push writes at most 1 + 256 manifests; more is not a snapshot of ours, and could be made to go on and on.
    if (index.manifests.length > 257)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .SnapshotFormatError */ .wv('E_LIMIT', `the snapshot index in ${ref.repository} lists ${index.manifests.length} manifests; vitsnap writes at most 257: push it again with vitsnap push`);
    let record = null;
    const chunks = [];
    for (let i = 0; i < index.manifests.length; i++) {
        const d = index.manifests[i];
        if (d === undefined)
            continue;
        const m = (0,_layout_js__WEBPACK_IMPORTED_MODULE_8__/* .readManifest */ .WI)((await client.getManifest(d.digest)).bytes, i);
        if (m.record !== null) {
            if (m.record.size > MAX_RECORD_BYTES)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .SnapshotFormatError */ .wv('E_LIMIT', `the snapshot record in ${ref.repository} claims ${m.record.size} bytes, more than a snapshot's sections can take`);
            record = await client.getBlob(m.record.digest, { size: m.record.size });
        }
        chunks.push(...m.chunks);
        if (chunks.length > _snapshot_format_js__WEBPACK_IMPORTED_MODULE_10__/* .LIMITS */ .b1.chunkCount)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .SnapshotFormatError */ .wv('E_LIMIT', `the snapshot in ${ref.repository} lists more than ${_snapshot_format_js__WEBPACK_IMPORTED_MODULE_10__/* .LIMITS */ .b1.chunkCount} chunks, more than a snapshot can hold`);
    }
    if (record === null)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .SnapshotFormatError */ .wv('E_CORRUPT', `the registry's copy of ${ref.repository} has no snapshot record; push it again with vitsnap push`);
    return { indexDigest: top.digest, claimedId: index.snapshotId, record, chunks };
}
/** Fetches the chunk blobs the store lacks; returns how many and their bytes. */
async function fetchChunks(layout, client, chunks, options = {}) {
    const missing = chunks.filter((c) => !(0,_store_chunks_js__WEBPACK_IMPORTED_MODULE_4__/* .hasChunk */ .KQ)(layout, c.chunk));
    let fetched = 0;
    let bytes = 0;
    await (0,_in_parallel_js__WEBPACK_IMPORTED_MODULE_11__/* .inParallel */ .H)(missing, options.concurrency ?? 16, async (c) => {
        if (c.size > _store_chunks_js__WEBPACK_IMPORTED_MODULE_4__/* .CHUNK_HEADER */ .u5 + _snapshot_format_js__WEBPACK_IMPORTED_MODULE_10__/* .LIMITS */ .b1.blockRawBytes)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .SnapshotFormatError */ .wv('E_LIMIT', `chunk blob ${c.digest} claims ${c.size} bytes, more than a chunk can be`);
        const data = await client.getBlob(c.digest, { size: c.size });
        bytes += (0,_store_chunks_js__WEBPACK_IMPORTED_MODULE_4__/* .putChunkObject */ .Gq)(layout, c.chunk, data);
        fetched++;
        options.onProgress?.(fetched, missing.length);
    });
    return { fetched, bytes };
}
async function pullSnapshot(layout, client, ref, options = {}) {
    const session = _store_sessions_js__WEBPACK_IMPORTED_MODULE_7__/* .StoreSession */ .e7.begin(layout, `pull ${ref.repository}`);
    const pending = `pull-${process.pid}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex')}`;
    try {
        const remote = await fetchRemote(client, ref);
        const { fetched, bytes } = await fetchChunks(layout, client, remote.chunks, { onProgress: options.onProgress });
        // Under a name no listing takes for an id until the rebuilt file proves which snapshot it is.
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeFileSync)((0,_store_records_js__WEBPACK_IMPORTED_MODULE_6__/* .recordPath */ .lX)(layout, pending), remote.record);
        const output = options.output ?? (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(layout.tmp, `${pending}.vitsnap`);
        const exported = await (0,_store_export_js__WEBPACK_IMPORTED_MODULE_5__/* .exportSnapshot */ .v)(layout, pending, output);
        if (options.output === undefined)
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)(output, { force: true });
        const id = exported.sha256;
        if (remote.claimedId !== null && remote.claimedId !== id) {
            if (options.output !== undefined)
                (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)(options.output, { force: true });
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .SnapshotFormatError */ .wv('E_CHECKSUM', `the snapshot in ${ref.repository} claims to be ${remote.claimedId.slice(0, 12)} but its content rebuilds to ${id.slice(0, 12)}: the registry's copy does not match what was pushed; push it again`);
        }
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.renameSync)((0,_store_records_js__WEBPACK_IMPORTED_MODULE_6__/* .recordPath */ .lX)(layout, pending), (0,_store_records_js__WEBPACK_IMPORTED_MODULE_6__/* .recordPath */ .lX)(layout, id));
        if (options.name !== undefined)
            (0,_store_records_js__WEBPACK_IMPORTED_MODULE_6__/* .setName */ .i)(layout, options.name, id);
        return { id, chunks: remote.chunks.length, fetched, fetchedBytes: bytes, output: options.output ?? null };
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)((0,_store_records_js__WEBPACK_IMPORTED_MODULE_6__/* .recordPath */ .lX)(layout, pending), { force: true });
        session.end();
    }
}


/***/ }),

/***/ 9191:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ay: () => (/* binding */ subjectDescriptor),
/* harmony export */   lA: () => (/* binding */ findSnapshotReferrer),
/* harmony export */   zw: () => (/* binding */ recordReferrer)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3916);
/* harmony import */ var _oci_reference_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(2148);
/* harmony import */ var _layout_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(7853);
/**
 * Snapshots attached to an image: a pushed snapshot index may name a `subject` (the image built
 * from the same commit), and `pull` of the image's tag finds the snapshot among its referrers.
 * Registries without the referrers API (distribution 2.8) get the spec's fallback: an image
 * index under the tag `sha256-<hex of the subject>` that lists the referrers, kept up to date by
 * whoever pushes one.
 */



/** The subject's descriptor, as the index's `subject` field takes it. */
async function subjectDescriptor(client, digest) {
    const d = await client.resolveManifest(digest);
    if (d === null)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .OperationError */ .OK('E_NOT_FOUND', `--subject ${digest} is not a manifest in ${client.repository}; push the image first, or drop --subject`);
    return { mediaType: d.mediaType, digest: d.digest, size: d.size };
}
/** Lists `referrer` under the subject's fallback tag when the registry has no referrers API. */
async function recordReferrer(client, subject, referrer) {
    if ((await client.referrers(subject)) !== null)
        return 'api';
    const tag = (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .referrersTag */ .LN)(subject);
    let manifests = [];
    if ((await client.resolveManifest(tag)) !== null) {
        const existing = JSON.parse((await client.getManifest(tag)).bytes.toString('utf8'));
        if (Array.isArray(existing.manifests))
            manifests = existing.manifests;
    }
    if (!manifests.some((m) => m.digest === referrer.digest))
        manifests.push(referrer);
    await client.putManifest(tag, Buffer.from(JSON.stringify({ schemaVersion: 2, mediaType: _layout_js__WEBPACK_IMPORTED_MODULE_2__/* .OCI_INDEX */ .$p, manifests })), _layout_js__WEBPACK_IMPORTED_MODULE_2__/* .OCI_INDEX */ .$p);
    return 'tag';
}
/** The newest snapshot attached to `subject` (the last listed), or null. */
async function findSnapshotReferrer(client, subject) {
    let listed = await client.referrers(subject, _layout_js__WEBPACK_IMPORTED_MODULE_2__/* .ARTIFACT_TYPE */ .gn);
    if (listed === null) {
        const tag = (0,_oci_reference_js__WEBPACK_IMPORTED_MODULE_1__/* .referrersTag */ .LN)(subject);
        if ((await client.resolveManifest(tag)) === null)
            return null;
        const index = JSON.parse((await client.getManifest(tag)).bytes.toString('utf8'));
        listed = Array.isArray(index.manifests) ? index.manifests.filter((m) => m.artifactType === _layout_js__WEBPACK_IMPORTED_MODULE_2__/* .ARTIFACT_TYPE */ .gn) : [];
    }
    return listed.at(-1)?.digest ?? null;
}


/***/ }),

/***/ 4031:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $Q: () => (/* binding */ clip),
/* harmony export */   RQ: () => (/* binding */ escapeLines),
/* harmony export */   UN: () => (/* binding */ escapeControls)
/* harmony export */ });
/* unused harmony export hasControls */
/**
 * Output hygiene for names we did not choose: file paths, archive member names, symlink targets,
 * toolchain versions, metadata command output. A name may hold a newline that forges a report
 * line, an ESC sequence that drives the terminal, or a bidi override that reorders what a reader
 * sees. Every human-facing presenter passes such text through `escapeControls`; JSON stays exact.
 */
/**
 * C0 controls and DEL, C1 controls, the line and paragraph separators, the bidi embeddings,
 * overrides and isolates, the implicit direction marks, lone surrogates (UTF-8 output would turn
 * them into U+FFFD, hiding that two names differ), and byte-order marks / zero-width no-breaks.
 */
// With the `u` flag a surrogate range matches only surrogates that are not half of a pair.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\ufeff\ud800-\udfff]/gu;
const UNSAFE_ONE = new RegExp(UNSAFE.source, 'u');
const NAMED = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };
function escapeOne(ch) {
    const named = NAMED[ch];
    if (named !== undefined)
        return named;
    const code = ch.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}
/** True when `text` holds a character `escapeControls` would rewrite. */
function hasControls(text) {
    return UNSAFE_ONE.test(text);
}
/**
 * `a\nb\x1b[2J` → `a\\nb\\x1b[2J`: every unsafe character as a visible escape, so the text is one
 * line and inert on a terminal. Backslashes are left alone (source lines and Windows paths are
 * full of them); the JSON report is the exact record when a name must be told apart.
 */
function escapeControls(text) {
    return text.replace(UNSAFE, escapeOne);
}
/** Escapes each line of a multi-line text on its own, keeping the line breaks that are ours. */
function escapeLines(text) {
    return text.split('\n').map(escapeControls).join('\n');
}
/** At most `max` characters, ending in `…` when cut; never splits a surrogate pair. */
function clip(text, max) {
    if (text.length <= max)
        return text;
    let end = max - 1;
    const last = text.charCodeAt(end - 1);
    if (last >= 0xd800 && last <= 0xdbff)
        end--;
    return `${text.slice(0, end)}…`;
}


/***/ }),

/***/ 1190:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ plural)
/* harmony export */ });
/** Counts in prose: `1 file`, `2 files`, `0 files`; one helper so no report says "1 files". */
function plural(count, one, many = `${one}s`) {
    return `${count} ${count === 1 ? one : many}`;
}


/***/ }),

/***/ 5118:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   A0: () => (/* binding */ AtomicFile),
/* harmony export */   IE: () => (/* binding */ TEMP_MARKER),
/* harmony export */   jH: () => (/* binding */ removeStaleTemps),
/* harmony export */   tF: () => (/* binding */ abortUnfinishedFiles),
/* harmony export */   xT: () => (/* binding */ processIsAlive)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(3916);
/**
 * A file that appears at its target path whole or not at all: written to a temp file in the same
 * directory, fsynced, renamed over the target, then the directory is fsynced.
 */




const TEMP_MARKER = '.vitsnap-tmp-';
/** Start flushing to disk in the background after this many bytes, so the final fsync is short. */
const FLUSH_EVERY = 64 * 1024 * 1024;
/** Files being written, so a signal handler can remove their temp files before the process exits. */
const unfinished = new Set();
/** `.vitsnap-tmp-<pid>-<hex>`, and the older `.vitsnap-tmp-<target name>-<pid>-<hex>`. */
const TEMP_NAME = /^\.vitsnap-tmp-(?:.*-)?(\d+)-[0-9a-f]{8}$/s;
/**
 * False only when no process has this pid (ESRCH). A process of another user (EPERM) is alive; so
 * is this process, so callers that own this pid's leftovers check `pid === process.pid` first.
 */
function processIsAlive(pid) {
    try {
        process.kill(pid, 0);
        return true;
    }
    catch (error) {
        return error.code !== 'ESRCH';
    }
}
/**
 * Removes the temp files that a killed writer (SIGKILL, power loss) left in `dir`. Best effort: a
 * directory we cannot list or a file we cannot remove is left for the user, as before.
 */
function removeStaleTemps(dir) {
    let names;
    try {
        names = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readdirSync)(dir);
    }
    catch {
        return;
    }
    for (const name of names) {
        const pid = TEMP_NAME.exec(name)?.[1];
        if (pid === undefined || processIsAlive(Number(pid)))
            continue;
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.unlinkSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, name));
        }
        catch {
            // gone already, or not ours to remove
        }
    }
}
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
    hash;
    digest = null;
    /** `hash`: keep the SHA-256 of everything written (`sha256` after commit). */
    constructor(target, options = {}) {
        this.target = target;
        this.hash = options.hash === true ? (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256') : null;
        // Fixed length, so a 255-byte target name still has a valid temp name; the pid lets a later
        // run tell a dead writer's leftover from a live one's.
        this.tempPath = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(target), `${TEMP_MARKER}${process.pid}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(4).toString('hex')}`);
        removeStaleTemps((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(target));
        try {
            this.fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.openSync)(this.tempPath, 'wx', 0o644);
        }
        catch (error) {
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .fromSystemError */ .Kh)(error, `cannot create ${target}`);
        }
        unfinished.add(this);
    }
    get position() {
        return this.written;
    }
    /** SHA-256 of the committed file; only for a file constructed with `hash: true`. */
    get sha256() {
        if (this.digest === null)
            throw new Error(`internal: ${this.target} was not hashed, or is not committed yet`);
        return this.digest;
    }
    write(data) {
        let done = 0;
        try {
            while (done < data.length)
                done += (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeSync)(this.fd, data, done, data.length - done);
        }
        catch (error) {
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .fromSystemError */ .Kh)(error, `cannot write ${this.target}`);
        }
        this.hash?.update(data);
        this.written += data.length;
        this.unflushed += data.length;
        if (this.unflushed >= FLUSH_EVERY && !this.flushing) {
            this.flushing = true;
            this.unflushed = 0;
            // A background flush (libuv thread) while we keep writing; errors surface at the final fsync.
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.fdatasync)(this.fd, () => {
                this.flushing = false;
            });
        }
    }
    commit() {
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.fsyncSync)(this.fd);
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.closeSync)(this.fd);
            this.fd = -1;
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.renameSync)(this.tempPath, this.target);
            unfinished.delete(this);
            this.digest = this.hash?.digest('hex') ?? null;
        }
        catch (error) {
            this.abort();
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .fromSystemError */ .Kh)(error, `cannot write ${this.target}`);
        }
        syncDirectory((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(this.target));
    }
    /** Removes the temp file; the target is untouched. Safe to call more than once. */
    abort() {
        unfinished.delete(this);
        if (this.fd >= 0) {
            try {
                (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.closeSync)(this.fd);
            }
            catch {
                // already closed by a failed commit
            }
            this.fd = -1;
        }
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.unlinkSync)(this.tempPath);
        }
        catch {
            // never created, or already renamed
        }
    }
}
function syncDirectory(dir) {
    let fd = -1;
    try {
        fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.openSync)(dir, 'r');
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.fsyncSync)(fd);
    }
    catch {
        // Some filesystems refuse fsync on a directory; the rename itself has happened.
    }
    finally {
        if (fd >= 0)
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.closeSync)(fd);
    }
}


/***/ }),

/***/ 7800:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   QX: () => (/* binding */ blockLevel),
/* harmony export */   Sj: () => (/* binding */ BlockPlanner)
/* harmony export */ });
/* unused harmony exports BLOCK_TARGET, LARGE_FILE_BYTES */
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6957);
/**
 * Decides, in file order, which block stores each new chunk: deduplicates chunks by digest and
 * packs chunks of one codec class together. Pure bookkeeping, so the layout (and therefore the
 * snapshot bytes) is the same however the hashing threads were scheduled.
 */

/**
 * Raw bytes at which a block is sealed, by class. Small blocks let a reader that wants one file
 * decode little besides it (diffs read a few files of many): text, where changed files are
 * smallest and blocks most numerous, seals at 512 KiB; tensors keep 4 MiB because byte grouping
 * needs long runs to reach its ratio (1 MiB cost 0.5 % of it). docs/decisions.md.
 */
const BLOCK_TARGET = { text: 512 * 1024, binary: 1024 * 1024, compressed: 1024 * 1024, tensor: 4 * 1024 * 1024 };
/**
 * Binaries of at least LARGE_FILE_BYTES go to blocks of their own, sealed at LARGE_BLOCK_TARGET:
 * a reader of such a file decodes all of its blocks anyway, so big blocks cost it little, and
 * zstd finds the repeats a big library holds megabytes apart (the real libraries of the bench: their
 * files of 1 MiB and more take 18 % fewer bytes, the snapshot 12.5 %;
 * docs/benchmarks.md). Small binaries keep small blocks, for diffs that read one of them.
 */
const LARGE_FILE_BYTES = 1024 * 1024;
const LARGE_BLOCK_TARGET = 8 * 1024 * 1024;
/**
 * zstd levels per class, measured in docs/benchmarks.md: level 2 is ~35–50 % faster than 3 for
 * 6–7 % more bytes on text and binaries; grouped tensors compress best at level 1.
 */
const LEVEL = { text: 2, binary: 2, compressed: 0, tensor: 1 };
/**
 * zstd blocks this big are written at level 4: its 2 MiB window finds the far repeats, for
 * about level 2's time on them. Only large-file blocks reach it (others end below 512 KiB or 1 MiB
 * plus one 4 MiB chunk), so blocks written before it existed still re-encode to their own bytes.
 */
const WIDE_BLOCK_BYTES = 6 * 1024 * 1024;
const WIDE_LEVEL = 4;
/**
 * The level a block is encoded at: a function of its codec and raw size only, so that a block
 * rebuilt from its chunks (store export, chunk objects) encodes to the same bytes.
 */
function blockLevel(codec, rawLength) {
    switch (codec) {
        case _format_js__WEBPACK_IMPORTED_MODULE_0__/* .Codec */ .Ne.none:
            return LEVEL.compressed;
        case _format_js__WEBPACK_IMPORTED_MODULE_0__/* .Codec */ .Ne.zstd:
            return rawLength >= WIDE_BLOCK_BYTES ? WIDE_LEVEL : LEVEL.binary;
        case _format_js__WEBPACK_IMPORTED_MODULE_0__/* .Codec */ .Ne.bytegroupZstd:
            return LEVEL.tensor;
    }
}
class BlockPlanner {
    open = new Map();
    seen = new Set();
    sealed = [];
    chunks = [];
    /** Adds one chunk of `file`; returns false when an identical chunk was already planned. */
    addChunk(file, cls, width, sha256Hex, fileOffset, length) {
        return this.append(cls, width, file.size, sha256Hex, fileOffset, length, (blockOffset) => ({ absPath: file.absPath, size: file.size, mtimeMs: file.mtimeMs, fileOffset, length, blockOffset }));
    }
    /**
     * Adds a chunk whose bytes are already in memory, planned exactly as `addChunk` would plan it
     * for a file of `fileSize` bytes: a chunk read back from a snapshot (flatten, merge), or a patch
     * (class `compressed`).
     */
    addData(cls, width, fileSize, sha256Hex, fileOffset, data) {
        return this.append(cls, width, fileSize, sha256Hex, fileOffset, data.length, (blockOffset) => ({ absPath: '', size: data.length, mtimeMs: 0, fileOffset: 0, length: data.length, blockOffset, data }));
    }
    append(cls, width, fileSize, sha256Hex, fileOffset, length, segment) {
        if (this.seen.has(sha256Hex))
            return false;
        this.seen.add(sha256Hex);
        const large = cls === 'binary' && fileSize >= LARGE_FILE_BYTES;
        const key = cls === 'tensor' ? `tensor${width}` : large ? 'binary-large' : cls;
        const target = large ? LARGE_BLOCK_TARGET : BLOCK_TARGET[cls];
        let block = this.open.get(key);
        if (block === undefined) {
            const codec = cls === 'compressed' ? _format_js__WEBPACK_IMPORTED_MODULE_0__/* .Codec */ .Ne.none : cls === 'tensor' ? _format_js__WEBPACK_IMPORTED_MODULE_0__/* .Codec */ .Ne.bytegroupZstd : _format_js__WEBPACK_IMPORTED_MODULE_0__/* .Codec */ .Ne.zstd;
            block = { codec, width: cls === 'tensor' ? width : 0, target, rawLength: 0, segments: [], chunks: [] };
            this.open.set(key, block);
        }
        if (block.width > 1) {
            // Pad so each element keeps its lane: block offset ≡ file offset (mod width).
            block.rawLength += (((fileOffset - block.rawLength) % block.width) + block.width) % block.width;
        }
        block.segments.push(segment(block.rawLength));
        block.chunks.push({ sha256: Buffer.from(sha256Hex, 'hex'), offset: block.rawLength, length });
        block.rawLength += length;
        if (block.rawLength >= block.target) {
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
        this.sealed.push({ codec: block.codec, width: block.width, level: blockLevel(block.codec, block.rawLength), rawLength: block.rawLength, segments: block.segments });
    }
}


/***/ }),

/***/ 3612:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Rj: () => (/* binding */ parseBoundedJson),
/* harmony export */   i0: () => (/* binding */ parseBoundedJsonArray),
/* harmony export */   jA: () => (/* binding */ QUOTE),
/* harmony export */   r_: () => (/* binding */ BACKSLASH),
/* harmony export */   xC: () => (/* binding */ isSpace)
/* harmony export */ });
/* unused harmony export scanJsonBounds */
/* harmony import */ var node_buffer__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(4573);
/* harmony import */ var node_buffer__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_buffer__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3916);
/**
 * Bounds-checks untrusted JSON text in one pass over its bytes before anything is parsed: nesting
 * depth, members per container, values in total and the length of each string. `JSON.parse` on a
 * few KiB can otherwise build a 536 MB array of zeros, recurse 1e8 levels or create millions of
 * keys (issue #8, item 5). The scan allocates nothing but a stack of `maxDepth` counters.
 */


const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
/** JSON's four whitespace bytes. */
function isSpace(c) {
    return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}
/**
 * Scans `text` and throws E_LIMIT (naming `what` and the limit) when it breaks a bound, or
 * E_MANIFEST for unbalanced brackets or an unterminated string. Everything else about the syntax
 * is left to `JSON.parse`, which the caller runs next on text now known to be small in every way.
 */
function scanJsonBounds(text, bounds, what) {
    const over = (limit, at) => {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SnapshotFormatError */ .wv('E_LIMIT', `${what} has ${limit} (at byte ${at}), over the limit vitsnap reads; the file is hostile or damaged and cannot be read`);
    };
    const bad = (problem, at) => {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SnapshotFormatError */ .wv('E_MANIFEST', `${what} is not valid JSON: ${problem} at byte ${at}`);
    };
    const kinds = new Uint8Array(bounds.maxDepth + 1);
    const members = new Float64Array(bounds.maxDepth + 1);
    const scan = { starts: [], ends: [], close: -1 };
    let depth = 0;
    let values = 0;
    let topArray = false;
    // Set on `[`, `{` and `,`: the next non-space byte starts a member (a closing bracket ends an empty container).
    let expectMember = false;
    const n = text.length;
    for (let i = 0; i < n; i++) {
        const c = text[i];
        if (isSpace(c))
            continue;
        if (expectMember && depth > 0 && c !== CLOSE_ARRAY && c !== CLOSE_OBJECT) {
            expectMember = false;
            const count = members[depth] + 1;
            members[depth] = count;
            if (count > (depth === 1 ? bounds.maxTopMembers : bounds.maxMembers))
                over(`more than ${depth === 1 ? bounds.maxTopMembers : bounds.maxMembers} members in one ${kinds[depth] === OPEN_ARRAY ? 'array' : 'object'}`, i);
            if (++values > bounds.maxValues)
                over(`more than ${bounds.maxValues} values`, i);
            if (depth === 1 && topArray)
                scan.starts.push(i);
        }
        if (c === QUOTE) {
            const start = i;
            for (i++; i < n; i++) {
                const s = text[i];
                if (s === QUOTE)
                    break;
                if (s === BACKSLASH)
                    i++;
            }
            if (i >= n)
                bad('unterminated string', start);
            if (i + 1 - start > bounds.maxStringBytes)
                over(`a string longer than ${bounds.maxStringBytes} bytes`, start);
        }
        else if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
            if (depth === 0 && i !== firstNonSpace(text))
                bad('more than one top-level value', i);
            if (++depth > bounds.maxDepth)
                over(`nesting deeper than ${bounds.maxDepth} levels`, i);
            if (depth === 1)
                topArray = c === OPEN_ARRAY;
            kinds[depth] = c;
            members[depth] = 0;
            expectMember = true;
        }
        else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT) {
            if (depth === 0 || kinds[depth] !== (c === CLOSE_ARRAY ? OPEN_ARRAY : OPEN_OBJECT))
                bad('unbalanced brackets', i);
            if (expectMember && members[depth] > 0)
                bad('a comma before a closing bracket', i);
            if (depth === 1) {
                if (topArray && members[1] > 0)
                    scan.ends.push(i);
                scan.close = i;
            }
            depth--;
            expectMember = false;
        }
        else if (c === COMMA && depth > 0) {
            if (depth === 1 && topArray)
                scan.ends.push(i);
            expectMember = true;
        }
    }
    if (depth !== 0)
        bad('unbalanced brackets', n);
    return scan;
}
function firstNonSpace(text) {
    let i = 0;
    while (i < text.length && isSpace(text[i]))
        i++;
    return i;
}
const BOM = [0xef, 0xbb, 0xbf];
/** The text without one leading byte-order mark, checked to be UTF-8 (E_MANIFEST otherwise). */
function utf8Body(raw, what) {
    const body = raw[0] === BOM[0] && raw[1] === BOM[1] && raw[2] === BOM[2] ? raw.subarray(3) : raw;
    if (!(0,node_buffer__WEBPACK_IMPORTED_MODULE_0__.isUtf8)(body))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SnapshotFormatError */ .wv('E_MANIFEST', `${what} is not valid UTF-8 JSON: the file is corrupt`);
    return body;
}
/** `JSON.parse` of `raw` (UTF-8, optional BOM) once it is known to stay within `bounds`. */
function parseBoundedJson(raw, bounds, what) {
    const body = utf8Body(raw, what);
    scanJsonBounds(body, bounds, what);
    try {
        return JSON.parse(body.toString('utf8'));
    }
    catch {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SnapshotFormatError */ .wv('E_MANIFEST', `${what} is not valid UTF-8 JSON: the file is corrupt`);
    }
}
/**
 * Parses a top-level JSON array one element at a time and maps each through `each`, so neither
 * the whole text as a string nor the whole generic value tree is ever in memory at once: only
 * what `each` keeps.
 */
function parseBoundedJsonArray(raw, bounds, what, each) {
    const body = utf8Body(raw, what);
    const scan = scanJsonBounds(body, bounds, what);
    const first = firstNonSpace(body);
    if (body[first] !== OPEN_ARRAY)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SnapshotFormatError */ .wv('E_MANIFEST', `${what} is invalid: expected a JSON array`);
    if (firstNonSpace(body.subarray(scan.close + 1)) !== body.length - scan.close - 1) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SnapshotFormatError */ .wv('E_MANIFEST', `${what} is not valid JSON: text after the closing bracket`);
    }
    const out = new Array(scan.starts.length);
    for (let i = 0; i < scan.starts.length; i++) {
        let value;
        try {
            value = JSON.parse(body.toString('utf8', scan.starts[i], scan.ends[i]));
        }
        catch {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SnapshotFormatError */ .wv('E_MANIFEST', `${what} is not valid JSON: element ${i} does not parse`);
        }
        out[i] = each(value, i);
    }
    return out;
}


/***/ }),

/***/ 7837:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   OP: () => (/* binding */ compareCodePoints),
/* harmony export */   Tb: () => (/* binding */ canonicalEntriesJson),
/* harmony export */   dj: () => (/* binding */ canonicalJson)
/* harmony export */ });
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


/***/ }),

/***/ 505:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   U$: () => (/* binding */ encodeBlock),
/* harmony export */   Wq: () => (/* binding */ decodeBlock),
/* harmony export */   bY: () => (/* binding */ groupBytes),
/* harmony export */   jR: () => (/* binding */ zstdDecompressPrefix),
/* harmony export */   oq: () => (/* binding */ zstdCompress),
/* harmony export */   v3: () => (/* binding */ zstdDecompress)
/* harmony export */ });
/* unused harmony export ungroupBytes */
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(8522);
/* harmony import */ var node_zlib__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_zlib__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3916);
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6957);
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
    return (0,node_zlib__WEBPACK_IMPORTED_MODULE_0__.zstdCompressSync)(raw, {
        params: { [node_zlib__WEBPACK_IMPORTED_MODULE_0__.constants.ZSTD_c_compressionLevel]: level },
        pledgedSrcSize: raw.length,
        // One output buffer big enough for the worst case: Node otherwise fills 16 KiB pieces and
        // concatenates them, which is slower and leaves garbage behind (docs/benchmarks.md).
        chunkSize: Math.min(Math.max(raw.length + (raw.length >>> 7) + 1024, 64 * 1024), DECODE_CHUNK_CAP),
    });
}
/** Node's zstd decoder on `stored`, its errors as the snapshot's: corrupt data or a size past what was declared. */
function decompressChecked(stored, options, what) {
    try {
        return (0,node_zlib__WEBPACK_IMPORTED_MODULE_0__.zstdDecompressSync)(stored, options);
    }
    catch (error) {
        const reason = error.code === 'ERR_BUFFER_TOO_LARGE' ? 'decompresses past its declared size' : 'is not valid zstd data';
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SnapshotFormatError */ .wv('E_CORRUPT', `${what} ${reason}: the snapshot is corrupt`);
    }
}
/** Decompresses at most `rawLength` bytes: a frame that claims or yields more is an error, not an allocation. */
function zstdDecompress(stored, rawLength, what) {
    // chunkSize near the real size makes Node's zstd much faster on incompressible data; it is
    // capped so a hostile claim cannot make us allocate more than that up front.
    const out = decompressChecked(stored, { maxOutputLength: Math.max(rawLength, 1), chunkSize: Math.min(Math.max(rawLength, 1024), DECODE_CHUNK_CAP) }, what);
    if (out.length !== rawLength)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SnapshotFormatError */ .wv('E_CORRUPT', `${what} decompressed to ${out.length} bytes, expected ${rawLength}`);
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
    return decompressChecked(storedPrefix, { maxOutputLength: Math.max(rawLength, 1), chunkSize, finishFlush: node_zlib__WEBPACK_IMPORTED_MODULE_0__.constants.ZSTD_e_continue }, what);
}
function encodeBlock(raw, codec, width, level, scratch) {
    switch (codec) {
        case _format_js__WEBPACK_IMPORTED_MODULE_2__/* .Codec */ .Ne.none:
            return Buffer.from(raw.buffer, raw.byteOffset, raw.length);
        case _format_js__WEBPACK_IMPORTED_MODULE_2__/* .Codec */ .Ne.zstd:
            return zstdCompress(raw, level);
        case _format_js__WEBPACK_IMPORTED_MODULE_2__/* .Codec */ .Ne.bytegroupZstd:
            return zstdCompress(groupBytes(raw, width, scratch?.groupBuffer(raw.length)), level);
    }
}
function decodeBlock(stored, codec, width, rawLength, what) {
    switch (codec) {
        case _format_js__WEBPACK_IMPORTED_MODULE_2__/* .Codec */ .Ne.none:
            return stored;
        case _format_js__WEBPACK_IMPORTED_MODULE_2__/* .Codec */ .Ne.zstd:
            return zstdDecompress(stored, rawLength, what);
        case _format_js__WEBPACK_IMPORTED_MODULE_2__/* .Codec */ .Ne.bytegroupZstd:
            return ungroupBytes(zstdDecompress(stored, rawLength, what), width);
    }
}


/***/ }),

/***/ 1301:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   DB: () => (/* binding */ parseSize),
/* harmony export */   aO: () => (/* binding */ checkExpansion),
/* harmony export */   f$: () => (/* binding */ checkFreeSpace)
/* harmony export */ });
/* unused harmony exports EXPANSION_RATIO, EXPANSION_FLOOR, logicalSize */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3916);
/* harmony import */ var _format_bytes_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(7758);
/**
 * Bounds on how much a snapshot may expand to. A file's chunk list may name one chunk many times
 * (that is how repeated content deduplicates), so an 880-byte snapshot can claim a 1 GiB file and a
 * 13 KB one 7.6 TiB: `verify` would hash for days and `restore` fill the disk. The sizes are in the
 * manifest, so the total is known, and checked, before any block is read.
 */



/** Default bound: this many times the snapshot's own size… */
const EXPANSION_RATIO = 10;
/** …but never less than this, so small snapshots of compressible files are never refused. */
const EXPANSION_FLOOR = 64 * 1024 * 1024;
/** Total bytes of file data the entries expand to. */
function logicalSize(entries) {
    let total = 0;
    for (const e of entries)
        if (e.type === 'file')
            total += e.size;
    return total;
}
/** Throws E_LIMIT when `entries` expand to more than the limits allow. */
function checkExpansion(snapshot, entries, limits = {}) {
    const total = logicalSize(entries);
    if (limits.maxSize !== undefined) {
        if (total > limits.maxSize) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SnapshotFormatError */ .wv('E_LIMIT', `${snapshot.path} holds ${(0,_format_bytes_js__WEBPACK_IMPORTED_MODULE_2__/* .formatBytes */ .z)(total)} of file data, more than --max-size ${(0,_format_bytes_js__WEBPACK_IMPORTED_MODULE_2__/* .formatBytes */ .z)(limits.maxSize)}; raise --max-size if you expect that much`);
        }
        return;
    }
    if (limits.allowExpand === true)
        return;
    const bound = Math.max(EXPANSION_RATIO * snapshot.fileSize, EXPANSION_FLOOR);
    if (total <= bound)
        return;
    const ratio = Math.round(total / Math.max(snapshot.fileSize, 1));
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SnapshotFormatError */ .wv('E_LIMIT', `${snapshot.path} would expand to ${(0,_format_bytes_js__WEBPACK_IMPORTED_MODULE_2__/* .formatBytes */ .z)(total)} of file data, ${ratio}× its ${(0,_format_bytes_js__WEBPACK_IMPORTED_MODULE_2__/* .formatBytes */ .z)(snapshot.fileSize)} on disk; ` +
        `vitsnap stops above ${EXPANSION_RATIO}× (or ${(0,_format_bytes_js__WEBPACK_IMPORTED_MODULE_2__/* .formatBytes */ .z)(EXPANSION_FLOOR)}) by default because a forged snapshot can repeat one chunk to fill a disk. ` +
        'Snapshots of highly compressible or duplicated files can legitimately exceed this: if you trust this file, pass --allow-expand, or --max-size N (e.g. --max-size 10G) to set your own bound');
}
const UNITS = { '': 1, k: 2 ** 10, m: 2 ** 20, g: 2 ** 30, t: 2 ** 40, p: 2 ** 50 };
/** Parses `--max-size` values: a byte count, or a number with K, M, G, T or P (binary: 1K = 1024), e.g. `512M`, `1.5G`, `10GiB`. */
function parseSize(text, option = '--max-size') {
    const m = /^(\d+(?:\.\d+)?)\s*([kmgtp]?)(?:i?b)?$/i.exec(text.trim());
    const unit = m === null ? undefined : UNITS[m[2].toLowerCase()];
    const bytes = m === null || unit === undefined ? NaN : Math.floor(Number(m[1]) * unit);
    if (!Number.isSafeInteger(bytes)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OperationError */ .OK('E_USAGE', `${option} expects a size such as 512M, 10G or 1048576, got ${JSON.stringify(text)}`);
    }
    return bytes;
}
/**
 * Throws E_IO when the file system holding `dir` has too few free blocks or inodes for `entries`.
 * Each file is counted in whole blocks, as the file system allocates it.
 */
function checkFreeSpace(dir, entries) {
    let fs;
    try {
        fs = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statfsSync)(dir);
    }
    catch (error) {
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_1__/* .fromSystemError */ .Kh)(error, `cannot check the free space in ${dir}`);
    }
    const block = fs.bsize > 0 ? fs.bsize : 4096;
    let needed = 0;
    for (const e of entries)
        if (e.type === 'file')
            needed += Math.ceil(e.size / block) * block;
    const free = fs.bavail * block;
    if (needed > free) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OperationError */ .OK('E_IO', `restoring needs ${(0,_format_bytes_js__WEBPACK_IMPORTED_MODULE_2__/* .formatBytes */ .z)(needed)} but ${dir} has ${(0,_format_bytes_js__WEBPACK_IMPORTED_MODULE_2__/* .formatBytes */ .z)(free)} free; free some space or restore elsewhere`);
    }
    // Some file systems (btrfs) report no inode count at all: nothing to check there.
    if (fs.files > 0 && entries.length > fs.ffree) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OperationError */ .OK('E_IO', `restoring needs ${entries.length} inodes but ${dir} has ${fs.ffree} free; free some inodes (df -i) or restore elsewhere`);
    }
}


/***/ }),

/***/ 6957:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   $6: () => (/* binding */ chunksByBlock),
/* harmony export */   Ad: () => (/* binding */ HEADER_SIZE),
/* harmony export */   C: () => (/* binding */ TRAILER_SIZE),
/* harmony export */   CH: () => (/* binding */ encodeTrailer),
/* harmony export */   E2: () => (/* binding */ decodeHeader),
/* harmony export */   GY: () => (/* binding */ FORMAT_MAJOR),
/* harmony export */   KK: () => (/* binding */ HEADER_MAGIC),
/* harmony export */   Ku: () => (/* binding */ TRAILER_MAGIC),
/* harmony export */   Ne: () => (/* binding */ Codec),
/* harmony export */   X1: () => (/* binding */ decodeIndex),
/* harmony export */   YS: () => (/* binding */ encodeHeader),
/* harmony export */   b1: () => (/* binding */ LIMITS),
/* harmony export */   bj: () => (/* binding */ encodeIndex),
/* harmony export */   sm: () => (/* binding */ decodeTrailer),
/* harmony export */   zg: () => (/* binding */ DELTA_MAJOR)
/* harmony export */ });
/* unused harmony exports FORMAT_MINOR, BLOCK_RECORD_SIZE, CHUNK_RECORD_SIZE, ChunkTable */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3916);
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
const Codec = { none: 0, zstd: 1, bytegroupZstd: 2 };
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SnapshotFormatError */ .wv('E_BAD_MAGIC', 'not a .vitsnap file (bad magic); check that the path points at a snapshot');
    }
    if (buf.length < HEADER_SIZE) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SnapshotFormatError */ .wv('E_TRUNCATED', `${name} is truncated (${buf.length} bytes, shorter than the ${HEADER_SIZE}-byte header): the download or copy was cut off; fetch it again`);
    }
    const header = { major: buf.readUInt16LE(8), minor: buf.readUInt16LE(10), flags: buf.readUInt32LE(12) };
    checkVersion(header.major, header.minor);
    // v1 defines no flags and reserves bytes 16–31 as zero, so every header byte is checked.
    if (header.flags !== 0 || buf.subarray(16, HEADER_SIZE).some((b) => b !== 0)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SnapshotFormatError */ .wv('E_CORRUPT', 'snapshot header has unknown flags or non-zero reserved bytes: the file is corrupt');
    }
    return header;
}
function checkVersion(major, minor) {
    if (major !== FORMAT_MAJOR && major !== DELTA_MAJOR) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SnapshotFormatError */ .wv('E_VERSION', `snapshot format ${major}.${minor} is not supported by this vitsnap (reads ${FORMAT_MAJOR}.x and ${DELTA_MAJOR}.x); upgrade vitsnap`);
    }
}
function u64(buf, at, what) {
    const value = buf.readBigUInt64LE(at);
    if (value > BigInt(Number.MAX_SAFE_INTEGER))
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SnapshotFormatError */ .wv('E_CORRUPT', `${what} is out of range`);
    return Number(value);
}
function trailerDigest(body) {
    return (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(body).digest().subarray(0, 16);
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SnapshotFormatError */ .wv('E_TRUNCATED', `${name} is truncated (ends at ${fileSize} bytes; a snapshot has at least ${HEADER_SIZE + TRAILER_SIZE}): the download or copy was cut off; fetch it again`);
    }
    if (!buf.subarray(TRAILER_SIZE - 8, TRAILER_SIZE).equals(TRAILER_MAGIC)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SnapshotFormatError */ .wv('E_TRUNCATED', `${name} has no end marker (${fileSize} bytes): it is truncated or was not written completely (or has bytes appended); fetch or copy it again`);
    }
    if (!trailerDigest(buf.subarray(0, TRAILER_DIGESTED)).equals(buf.subarray(TRAILER_DIGESTED, TRAILER_DIGESTED + 16))) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SnapshotFormatError */ .wv('E_CHECKSUM', `${name}: trailer checksum mismatch: the file was damaged after it was written; fetch a fresh copy`);
    }
    const major = buf.readUInt16LE(0);
    const minor = buf.readUInt16LE(2);
    checkVersion(major, minor);
    if (buf.readUInt32LE(4) !== 0)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SnapshotFormatError */ .wv('E_CORRUPT', 'snapshot trailer has unknown flags');
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SnapshotFormatError */ .wv('E_CORRUPT', `${name}: section offsets do not match the file size (${fileSize} bytes): the file is corrupt or truncated; fetch it again`);
    }
    if (t.manifestStoredLength > LIMITS.manifestStoredBytes) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SnapshotFormatError */ .wv('E_LIMIT', `snapshot manifest is stored in more than ${LIMITS.manifestStoredBytes / 2 ** 20} MiB, over the limit`);
    }
    if (t.manifestRawLength > LIMITS.manifestRawBytes) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SnapshotFormatError */ .wv('E_LIMIT', `snapshot manifest decompresses to more than ${LIMITS.manifestRawBytes / 2 ** 20} MiB, over the limit`);
    }
    if (t.entriesStoredLength > LIMITS.entriesStoredBytes || t.entriesRawLength > LIMITS.entriesRawBytes) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SnapshotFormatError */ .wv('E_LIMIT', `snapshot entry list is larger than vitsnap accepts (${LIMITS.entriesRawBytes / 2 ** 20} MiB)`);
    }
    if (t.blockCount > LIMITS.blockCount || t.chunkCount > LIMITS.chunkCount) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SnapshotFormatError */ .wv('E_LIMIT', 'snapshot claims more blocks or chunks than vitsnap accepts');
    }
    if (t.indexLength !== t.blockCount * BLOCK_RECORD_SIZE + t.chunkCount * CHUNK_RECORD_SIZE) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SnapshotFormatError */ .wv('E_CORRUPT', 'snapshot index length does not match its block and chunk counts');
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
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SnapshotFormatError */ .wv('E_CORRUPT', `block ${i} lies outside the block area`);
        }
        if (buf.readUInt16LE(at + 18) !== 0 || buf.readUInt32LE(at + 20) !== 0) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SnapshotFormatError */ .wv('E_CORRUPT', `block ${i} has non-zero reserved bytes`);
        }
        if (rawLength > LIMITS.blockRawBytes)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SnapshotFormatError */ .wv('E_LIMIT', `block ${i} claims ${rawLength} bytes, over the limit`);
        if (codec !== Codec.none && codec !== Codec.zstd && codec !== Codec.bytegroupZstd) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SnapshotFormatError */ .wv('E_CORRUPT', `block ${i} has unknown codec ${codec}`);
        }
        if (codec === Codec.none && storedLength !== rawLength)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SnapshotFormatError */ .wv('E_CORRUPT', `block ${i} sizes disagree`);
        if (codec === Codec.bytegroupZstd ? width !== 2 && width !== 4 : width !== 0) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SnapshotFormatError */ .wv('E_CORRUPT', `block ${i} has an invalid element width ${width}`);
        }
        blocks[i] = { offset, storedLength, rawLength, codec, width, sha256: Buffer.from(buf.subarray(at + 24, at + 56)) };
        expectedOffset = offset + storedLength;
    }
    if (expectedOffset !== t.entriesOffset)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SnapshotFormatError */ .wv('E_CORRUPT', 'blocks do not fill the block area');
    const table = buf.subarray(at, at + t.chunkCount * CHUNK_RECORD_SIZE);
    for (let i = 0, c = 0; i < t.chunkCount; i++, c += CHUNK_RECORD_SIZE) {
        if (i > 0 && table.compare(table, c - CHUNK_RECORD_SIZE, c - CHUNK_RECORD_SIZE + 32, c, c + 32) <= 0) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SnapshotFormatError */ .wv('E_CORRUPT', 'chunk index is not sorted or has duplicates');
        }
        const owner = blocks[table.readUInt32LE(c + 32)];
        if (owner === undefined || table.readUInt32LE(c + 36) + table.readUInt32LE(c + 40) > owner.rawLength) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .SnapshotFormatError */ .wv('E_CORRUPT', `chunk ${i} points outside its block`);
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


/***/ }),

/***/ 5251:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Y: () => (/* binding */ parsePatternList),
/* harmony export */   t: () => (/* binding */ compileGlobs)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3916);
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
    return new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .OperationError */ .OK('E_USAGE', `invalid path pattern ${JSON.stringify(pattern)}: ${why}`);
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


/***/ }),

/***/ 576:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   _L: () => (/* binding */ parseMetadataCommand),
/* harmony export */   n6: () => (/* binding */ compareText),
/* harmony export */   vR: () => (/* binding */ runMetadataCommands),
/* harmony export */   y6: () => (/* binding */ runFile)
/* harmony export */ });
/* unused harmony exports DEFAULT_COMMAND_TIMEOUT_MS, COMMAND_OUTPUT_CAP, shellFor */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(1421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3916);
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
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OperationError */ .OK('E_USAGE', `metadata command ${JSON.stringify(spec)} has no "=": ${EXPECTED_FORM}`);
    }
    const name = text.slice(0, eq).trim();
    const command = text.slice(eq + 1).trim();
    if (!NAME_PATTERN.test(name)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OperationError */ .OK('E_USAGE', `metadata command ${JSON.stringify(spec)} has an invalid name: ${EXPECTED_FORM}`);
    }
    if (command === '') {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OperationError */ .OK('E_USAGE', `metadata command ${JSON.stringify(spec)} has an empty command: ${EXPECTED_FORM}`);
    }
    return { name, command };
}
/** Runs every command in parallel through `/bin/sh -c`; results sorted by name. */
async function runMetadataCommands(cmds, options) {
    const seen = new Set();
    for (const { name, command } of cmds) {
        if (!NAME_PATTERN.test(name) || command.trim() === '') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OperationError */ .OK('E_USAGE', `metadata command ${JSON.stringify(`${name}=${command}`)} is invalid: ${EXPECTED_FORM}`);
        }
        if (seen.has(name)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .OperationError */ .OK('E_USAGE', `metadata command name ${JSON.stringify(name)} is used twice; give each command its own name`);
        }
        seen.add(name);
    }
    const timeoutMs = options.timeoutMs ?? DEFAULT_COMMAND_TIMEOUT_MS;
    const env = options.env ?? process.env;
    const sorted = [...cmds].sort((a, b) => compareText(a.name, b.name));
    return Promise.all(sorted.map((cmd) => runShellCommand(cmd, options.cwd, timeoutMs, env, options.signal)));
}
function runShellCommand({ name, command }, cwd, timeoutMs, env, signal) {
    return new Promise((resolve) => {
        // Enough bytes to hold COMMAND_OUTPUT_CAP characters of any UTF-8 text, plus one more.
        const keepBytes = 4 * (COMMAND_OUTPUT_CAP + 1);
        const out = [];
        let outBytes = 0;
        let overflowed = false;
        let errTail = '';
        let settled = false;
        // A session of its own, so a timeout can kill everything the shell started, not just the shell.
        const [shell, args] = shellFor(command);
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(shell, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: process.platform !== 'win32' });
        const finish = (result) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(timer);
            signal?.removeEventListener('abort', stop);
            resolve({ name, command, ...result });
        };
        const kill = (error) => {
            killGroup(child.pid);
            child.stdout.destroy();
            child.stderr.destroy();
            finish({ exitCode: null, stdout: '', error });
        };
        const stop = () => kill('stopped: the capture failed');
        const timer = setTimeout(() => kill(`timed out after ${timeoutMs} ms`), timeoutMs);
        if (signal?.aborted === true)
            stop();
        else
            signal?.addEventListener('abort', stop, { once: true });
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
 * The shell a `metadata-commands` line runs in: `/bin/sh -c` on POSIX; on Windows, where there is
 * no /bin/sh, the command interpreter every Windows has (`%ComSpec%`, cmd.exe).
 */
function shellFor(command, platform = process.platform, env = process.env) {
    if (platform === 'win32')
        return [env.ComSpec || 'cmd.exe', ['/d', '/s', '/c', command]];
    return ['/bin/sh', ['-c', command]];
}
/**
 * Runs `file` with `args` (no shell), stdin closed, killed with SIGKILL after `timeoutMs`.
 * `file` is looked up on `env.PATH` when it has no slash.
 */
function runFile(file, args, options) {
    return new Promise((resolve) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.execFile)(file, args, {
            cwd: options.cwd,
            env: options.env ?? process.env,
            timeout: options.timeoutMs,
            killSignal: 'SIGKILL',
            signal: options.signal,
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
            else if (options.signal?.aborted === true) {
                reason = 'stopped: the capture failed';
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


/***/ }),

/***/ 1010:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   D$: () => (/* binding */ digestLockfiles),
/* harmony export */   Q3: () => (/* binding */ sha256File),
/* harmony export */   es: () => (/* binding */ sha256FileAsync)
/* harmony export */ });
/* unused harmony export KNOWN_LOCKFILES */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(1455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(3916);
/* harmony import */ var _commands_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(576);
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
        const file = (0,node_path__WEBPACK_IMPORTED_MODULE_3__.join)(dir, name);
        try {
            if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_2__.statSync)(file).isFile())
                continue;
        }
        catch (error) {
            const code = error.code;
            if (code === 'ENOENT' || code === 'ENOTDIR')
                continue;
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .fromSystemError */ .Kh)(error, 'reading lockfile');
        }
        try {
            digests.push({ path: name, sha256: sha256File(file) });
        }
        catch (error) {
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_4__/* .fromSystemError */ .Kh)(error, 'reading lockfile');
        }
    }
    return digests.sort((a, b) => (0,_commands_js__WEBPACK_IMPORTED_MODULE_5__/* .compareText */ .n6)(a.path, b.path));
}
// One buffer for every synchronous hash: no call can interleave with another.
const HASH_BUFFER = Buffer.allocUnsafe(1024 * 1024);
/** SHA-256 of a file's bytes as lowercase hex (what `sha256sum` prints), read in bounded pieces. */
/** Like `sha256File`, without blocking the event loop: probes hash large compiler binaries while their processes run. */
async function sha256FileAsync(file) {
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    const handle = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_1__.open)(file, 'r');
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
    const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
    const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.openSync)(file, 'r');
    try {
        for (;;) {
            const n = (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.readSync)(fd, HASH_BUFFER, 0, HASH_BUFFER.length, null);
            if (n === 0)
                break;
            hash.update(HASH_BUFFER.subarray(0, n));
        }
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_2__.closeSync)(fd);
    }
    return hash.digest('hex');
}


/***/ }),

/***/ 8588:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   h: () => (/* binding */ entryPathProblem)
/* harmony export */ });
/* harmony import */ var _format_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6957);
/** Rules every entry path in a snapshot obeys; capture skips, and the reader rejects, any path that breaks one. */

const SLASH = 0x2f;
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
    if (path.charCodeAt(0) === SLASH)
        return 'absolute path';
    // A lone surrogate has no UTF-8 form: `x\ud800` and `x\udbff` would both be written as
    // `x\ufffd` and land on one file. Node decodes real file names as UTF-8 (invalid bytes become
    // U+FFFD), so capture never sees one; only a forged manifest can hold it.
    if (!path.isWellFormed())
        return 'path is not well-formed Unicode (it has a lone surrogate)';
    // Per segment (split on '/'): not empty, not '.' or '..', at most segmentBytes long.
    // Per backslash-separated piece: never '..' (a separator on Windows).
    let segStart = 0;
    let pieceStart = 0;
    for (let i = 0; i <= n; i++) {
        const c = i < n ? path.charCodeAt(i) : SLASH;
        if (c === 0)
            return 'path contains a NUL byte';
        if (c === BACKSLASH || c === SLASH) {
            if (i - pieceStart === 2 && path.charCodeAt(pieceStart) === DOT && path.charCodeAt(pieceStart + 1) === DOT) {
                return c === BACKSLASH || path.charCodeAt(pieceStart - 1) === BACKSLASH
                    ? 'path has a ".." segment (with a backslash separator)'
                    : 'path has a ".." segment';
            }
            pieceStart = i + 1;
        }
        if (c === SLASH) {
            const len = i - segStart;
            if (len === 0)
                return 'path has an empty segment';
            if (len === 1 && path.charCodeAt(segStart) === DOT)
                return 'path has a "." segment';
            // UTF-8 is at most 3 bytes per UTF-16 unit: count bytes only when the limit could be reached.
            if (len * 3 > _format_js__WEBPACK_IMPORTED_MODULE_0__/* .LIMITS */ .b1.segmentBytes && utf8Length(path, segStart, i) > _format_js__WEBPACK_IMPORTED_MODULE_0__/* .LIMITS */ .b1.segmentBytes) {
                return `a path segment is longer than ${_format_js__WEBPACK_IMPORTED_MODULE_0__/* .LIMITS */ .b1.segmentBytes} bytes`;
            }
            segStart = i + 1;
        }
    }
    if (n * 3 > _format_js__WEBPACK_IMPORTED_MODULE_0__/* .LIMITS */ .b1.pathBytes && utf8Length(path, 0, n) > _format_js__WEBPACK_IMPORTED_MODULE_0__/* .LIMITS */ .b1.pathBytes)
        return `path is longer than ${_format_js__WEBPACK_IMPORTED_MODULE_0__/* .LIMITS */ .b1.pathBytes} bytes`;
    const c1 = path.charCodeAt(1);
    if (n >= 3 && c1 === 0x3a && /[A-Za-z]/.test(path[0]) && (path.charCodeAt(2) === SLASH || path.charCodeAt(2) === BACKSLASH)) {
        return 'path starts with a drive letter';
    }
    return null;
}


/***/ }),

/***/ 3580:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  a: () => (/* binding */ SnapshotReader)
});

// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __nccwpck_require__(7598);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
// EXTERNAL MODULE: ./src/errors.ts
var errors = __nccwpck_require__(3916);
// EXTERNAL MODULE: ./src/snapshot/codecs.ts
var codecs = __nccwpck_require__(505);
// EXTERNAL MODULE: ./src/snapshot/format.ts
var format = __nccwpck_require__(6957);
// EXTERNAL MODULE: ./src/snapshot/canonical-json.ts
var canonical_json = __nccwpck_require__(7837);
// EXTERNAL MODULE: ./src/snapshot/bounded-json.ts
var bounded_json = __nccwpck_require__(3612);
// EXTERNAL MODULE: ./src/snapshot/paths.ts
var paths = __nccwpck_require__(8588);
;// CONCATENATED MODULE: ./src/snapshot/manifest.ts
/**
 * Turns untrusted manifest JSON into a `Manifest`, checking every field a later step relies on:
 * types, ranges, safe paths, sorted unique entries, digests. Anything off is E_MANIFEST.
 */





const CLASSES = ['text', 'binary', 'compressed', 'tensor'];
/**
 * What the manifest section may hold before it is parsed. The schema nests 5 deep; real captures
 * record a few dozen env variables, toolchains and commands (capture caps env at
 * LIMITS.envVariables), so 10,000 members per container is far above any of them.
 */
const MANIFEST_BOUNDS = {
    maxDepth: format/* LIMITS */.b1.jsonDepth,
    maxMembers: format/* LIMITS */.b1.manifestMembers,
    maxTopMembers: format/* LIMITS */.b1.manifestMembers,
    maxValues: format/* LIMITS */.b1.manifestValues,
    maxStringBytes: format/* LIMITS */.b1.manifestStringBytes,
};
/** The entries section: the top-level array holds the entries, one entry's `chunks` the most members below it. */
const ENTRIES_BOUNDS = {
    maxDepth: format/* LIMITS */.b1.jsonDepth,
    maxMembers: format/* LIMITS */.b1.entryMembers,
    maxTopMembers: format/* LIMITS */.b1.entryCount,
    maxValues: format/* LIMITS */.b1.entriesValues,
    maxStringBytes: format/* LIMITS */.b1.entryStringBytes,
};
function fail(where, problem) {
    throw new errors/* SnapshotFormatError */.wv('E_MANIFEST', `snapshot manifest is invalid at ${where}: ${problem}`);
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
    const problem = (0,paths/* entryPathProblem */.h)(path);
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
            if (e.patches !== undefined) {
                entry.patches = parsePatches(e.patches, entry, at);
                // `chunks` stays the last member: export streams a long chunk list after everything else.
                if (entry.chunks !== undefined) {
                    const list = entry.chunks;
                    delete entry.chunks;
                    entry.chunks = list;
                }
            }
            return entry;
        }
        case 'dir':
            if (!isCount(e.mode, 0o7777))
                fail(at('.mode'), 'expected permission bits (0 to 0o7777)');
            return { type: 'dir', path, mode: e.mode };
        case 'symlink': {
            const target = string(e.target, at('.target'), format/* LIMITS */.b1.symlinkTargetBytes);
            if (target.length === 0 || target.includes('\0'))
                fail(at('.target'), 'empty or NUL in symlink target');
            if (!target.isWellFormed())
                fail(at('.target'), 'symlink target is not well-formed Unicode (it has a lone surrogate)');
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
/** A file's patches: each makes one of its own chunks, at most once, within the limits of a chunk. */
function parsePatches(value, entry, at) {
    if (!Array.isArray(value) || value.length === 0)
        fail(at('.patches'), 'expected a non-empty array');
    const own = new Set(entry.chunks ?? [entry.sha256]);
    const seen = new Set();
    return value.map((item, i) => {
        const where = at(`.patches[${i}]`);
        const p = object(item, where);
        const chunk = digest(p.chunk, `${where}.chunk`);
        if (!own.has(chunk) || seen.has(chunk))
            fail(`${where}.chunk`, 'not one of the file\'s chunks, or patched twice');
        seen.add(chunk);
        return {
            chunk,
            size: integer(p.size, `${where}.size`, format/* LIMITS */.b1.blockRawBytes),
            patch: digest(p.patch, `${where}.patch`),
            base: digest(p.base, `${where}.base`),
            offset: integer(p.offset, `${where}.offset`),
            length: integer(p.length, `${where}.length`, format/* LIMITS */.b1.patchBaseBytes),
        };
    });
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
        ...parseChain(m),
        stats: parseStats(m.stats),
    };
}
function parseChain(m) {
    if (m.entriesPatch !== undefined && (m.entriesPatch !== true || m.parent === null)) {
        fail('entriesPatch', 'only a delta snapshot stores its entries against its parent, and then it is true');
    }
    if (m.parent === null)
        return {};
    const out = { depth: integer(m.depth, 'depth', format/* LIMITS */.b1.chainDepth) };
    if (out.depth === 0)
        fail('depth', 'a delta snapshot is at least one layer above its base');
    const ref = optionalString(m.parentRef, 'parentRef');
    if (ref !== undefined)
        out.parentRef = string(ref, 'parentRef', 4096);
    if (m.entriesPatch === true)
        out.entriesPatch = true;
    return out;
}
/** The entries section: safe paths, sorted by UTF-8 bytes, unique. */
function parseEntries(value) {
    const rawEntries = array(value, 'entries');
    if (rawEntries.length > LIMITS.entryCount) {
        throw new SnapshotFormatError('E_LIMIT', `snapshot has ${rawEntries.length} entries, over the ${LIMITS.entryCount} limit`);
    }
    return checkEntryOrder(rawEntries.map((e, i) => parseEntry(e, i)));
}
/** The entries section read from its bytes one entry at a time, within ENTRIES_BOUNDS. */
function parseEntriesSection(raw, what) {
    return checkEntryOrder((0,bounded_json/* parseBoundedJsonArray */.i0)(raw, ENTRIES_BOUNDS, what, parseEntry));
}
/** The manifest section from its bytes, within MANIFEST_BOUNDS. */
function parseManifestSection(raw, what) {
    return parseManifestSummary((0,bounded_json/* parseBoundedJson */.Rj)(raw, MANIFEST_BOUNDS, what));
}
function checkEntryOrder(entries) {
    for (let i = 1; i < entries.length; i++) {
        const order = (0,canonical_json/* compareCodePoints */.OP)(entries[i - 1].path, entries[i].path);
        if (order === 0)
            fail(`entries[${i}].path`, `duplicate path ${JSON.stringify(entries[i].path)}`);
        if (order > 0)
            fail(`entries[${i}].path`, 'entries are not sorted by path');
    }
    return entries;
}

// EXTERNAL MODULE: ./src/delta/layers.ts
var delta_layers = __nccwpck_require__(6738);
// EXTERNAL MODULE: ./src/delta/patch.ts
var patch = __nccwpck_require__(6572);
;// CONCATENATED MODULE: ./src/snapshot/reader.ts
/**
 * Reads `.vitsnap` files safely: the trailer, manifest and index are validated before use, each
 * block's digest is checked before it is decoded, and decoding is capped by the block's declared
 * size. `SnapshotReader.open` reads just header, trailer and the manifest summary; the entries, the
 * index and the blocks are read (and validated) on first use.
 */








const CACHED_BLOCKS = 4;
const SCRATCH_MIN_BYTES = 2 * 1024 * 1024;
/** A prefix decode is not tried past this share of a block: the rest costs little more than the guess. */
const PREFIX_AT_MOST = 0.75;
const PREFIX_SLACK_BYTES = 8 * 1024;
const ZSTD_BLOCK_BYTES = 128 * 1024;
/** The next step after any checksum mismatch. */
const DAMAGED = 'the file was damaged after it was written; fetch a fresh copy and do not use this one';
class SnapshotReader {
    path;
    fileSize;
    header;
    trailer;
    /** Source, metadata and stats: everything but the entries. */
    summary;
    view;
    /** Where chunks come from when the blocks are not in this file (a store), else null. */
    chunkSource;
    full = null;
    index = null;
    cache = new Map();
    /** Where compressed blocks are read before they are decoded. */
    scratch = null;
    /**
     * Decode blocks only as far as the chunks read need (a diff reading a few files). Off for
     * whole-snapshot reads (restore, verify, export), which read every block to its end anyway.
     */
    prefixDecoding = false;
    /** Raw bytes decoded from blocks so far, prefixes included (what reading cost). */
    decodedBytes = 0;
    /** Delta snapshots: the layer below, attached by the chain resolver (src/delta/chain.ts). */
    parentLayer = null;
    /** The raw entries section, kept once asked for: the base of a child delta's entries (in a chain or a capture). */
    entriesBase = null;
    /**
     * Delta snapshots in a store: opens the parent record when no parent is attached, for a
     * delta whose entries are stored against its parent's (the store holds every parent).
     */
    parentLoader = null;
    constructor(path, view, header, trailer, summary, chunkSource) {
        this.path = path;
        this.view = view;
        this.fileSize = view.size;
        this.chunkSource = chunkSource;
        this.header = header;
        this.trailer = trailer;
        this.summary = summary;
    }
    static open(path) {
        let fd;
        try {
            // A FIFO or a device would block open() (and a sync open cannot be interrupted by a signal):
            // check the type first, and open non-blocking in case the path is swapped in between.
            if (!(0,external_node_fs_.statSync)(path).isFile())
                throw new errors/* OperationError */.OK('E_INPUT', `${path} is not a regular file; pass a .vitsnap file`);
            fd = (0,external_node_fs_.openSync)(path, external_node_fs_.constants.O_RDONLY | (external_node_fs_.constants.O_NONBLOCK ?? 0));
        }
        catch (error) {
            throw (0,errors/* fromSystemError */.Kh)(error, `cannot open snapshot ${path}`);
        }
        try {
            const st = (0,external_node_fs_.fstatSync)(fd);
            if (!st.isFile())
                throw new errors/* OperationError */.OK('E_INPUT', `${path} is not a regular file; pass a .vitsnap file`);
            return SnapshotReader.fromView(path, { fd, size: st.size, prefix: 0, gapStart: st.size, gapLength: 0 }, null);
        }
        catch (error) {
            (0,external_node_fs_.closeSync)(fd);
            throw error;
        }
    }
    /**
     * A snapshot whose blocks live elsewhere (a store): `view` maps the file's offsets onto a file
     * that holds everything but the blocks, and `chunks` supplies each chunk's bytes, verified.
     */
    static openDetached(path, view, chunks) {
        return SnapshotReader.fromView(path, view, chunks);
    }
    /** Called once by close(), e.g. to end a store session. */
    onClose = null;
    static fromView(path, view, chunkSource) {
        const size = view.size;
        const header = (0,format/* decodeHeader */.E2)(readAt(view, 0, Math.min(format/* HEADER_SIZE */.Ad, size), path), path);
        const trailer = (0,format/* decodeTrailer */.sm)(readAt(view, Math.max(0, size - format/* TRAILER_SIZE */.C), Math.min(format/* TRAILER_SIZE */.C, size), path), size, path);
        if (trailer.major !== header.major || trailer.minor !== header.minor) {
            throw new errors/* SnapshotFormatError */.wv('E_CORRUPT', 'snapshot header and trailer disagree on the format version');
        }
        if (chunkSource !== null && trailer.entriesOffset !== view.gapStart + view.gapLength) {
            throw new errors/* SnapshotFormatError */.wv('E_CORRUPT', `${path}: the stored snapshot's sections do not start where its blocks end: the store is damaged`);
        }
        const raw = readSection(view, path, trailer.manifestOffset, trailer.manifestStoredLength, trailer.manifestRawLength, trailer.manifestSha256, 'manifest');
        const summary = parseManifestSection(raw, `${path}: manifest section`);
        if (summary.stats.blocks !== trailer.blockCount || summary.stats.chunks !== trailer.chunkCount) {
            throw new errors/* SnapshotFormatError */.wv('E_MANIFEST', 'snapshot manifest stats disagree with its index');
        }
        return new SnapshotReader(path, view, header, trailer, summary, chunkSource);
    }
    /** The whole manifest; its entries are read and validated on first use. */
    get manifest() {
        if (this.full === null) {
            const entries = parseEntriesSection(this.entriesBase ?? this.readEntries(), `${this.path}: entries section`);
            const s = this.summary.stats;
            const count = (type) => entries.reduce((n, e) => n + (e.type === type ? 1 : 0), 0);
            if (count('file') !== s.files || count('dir') !== s.dirs || count('symlink') !== s.symlinks) {
                throw new errors/* SnapshotFormatError */.wv('E_MANIFEST', 'snapshot entry list disagrees with the manifest stats');
            }
            this.full = { ...this.summary, entries };
        }
        return this.full;
    }
    /** The entries section as canonical JSON: a child delta's entries may be stored against it. */
    rawEntries() {
        this.entriesBase ??= this.readEntries();
        return this.entriesBase;
    }
    readEntries() {
        const t = this.trailer;
        if (this.summary.entriesPatch !== true)
            return readSection(this.view, this.path, t.entriesOffset, t.entriesStoredLength, t.entriesRawLength, t.entriesSha256, 'entries');
        const stored = readVerified(this.view, this.path, t.entriesOffset, t.entriesStoredLength, t.entriesSha256, 'entries');
        return (0,patch/* decodePatch */.F3)(stored, this.parentEntries(), t.entriesRawLength, `${this.path}: entries section`);
    }
    /** The parent's raw entries: from the attached layer, else a store's record, else E_PARENT. */
    parentEntries() {
        if (this.parentLayer !== null)
            return this.parentLayer.rawEntries();
        if (this.parentLoader !== null) {
            const parent = this.parentLoader();
            try {
                return parent.rawEntries();
            }
            finally {
                parent.close();
            }
        }
        throw new errors/* OperationError */.OK('E_PARENT', `${this.path} is a delta snapshot whose entry list is stored against its parent sha256:${this.summary.parent ?? ''}, which was not found; put the parent next to it, pass it with --parent FILE, or add it to the store`);
    }
    /** True for a delta snapshot: chunks it does not hold come from its parent. */
    get isDelta() {
        return this.summary.parent !== null;
    }
    get parent() {
        return this.parentLayer;
    }
    /** Bytes of this snapshot and every layer below it: what a restore's expansion bound measures against. */
    get chainBytes() {
        return this.fileSize + (this.parentLayer?.chainBytes ?? 0);
    }
    /** The layer below; the caller has checked it is the snapshot whose digest `summary.parent` names. Closed with this one. */
    attachParent(parent) {
        this.parentLayer = parent;
    }
    close() {
        this.parentLayer?.close();
        this.parentLayer = null;
        this.entriesBase = null;
        if (this.view.fd >= 0)
            (0,external_node_fs_.closeSync)(this.view.fd);
        this.view.fd = -1;
        this.cache.clear();
        const onClose = this.onClose;
        this.onClose = null;
        onClose?.();
    }
    /** The block and chunk tables, read and validated on first use. */
    loadIndex() {
        if (this.index === null) {
            const buf = readAt(this.view, this.trailer.indexOffset, this.trailer.indexLength, this.path);
            if (!(0,external_node_crypto_.createHash)('sha256').update(buf).digest().equals(this.trailer.indexSha256)) {
                throw new errors/* SnapshotFormatError */.wv('E_CHECKSUM', `${this.path}: index checksum mismatch: ${DAMAGED}`);
            }
            this.index = (0,format/* decodeIndex */.X1)(buf, this.trailer);
        }
        return this.index;
    }
    /** A block's raw bytes, digest-verified and decoded. */
    readBlock(i) {
        return this.readBlockPrefix(i, Number.POSITIVE_INFINITY);
    }
    /**
     * At least the first `end` raw bytes of block `i` (all of them when `end` is past its end). With
     * `prefixDecoding` on, a zstd block is decoded only as far as asked, and further (at least twice
     * as far) when asked again: a diff reading one small file of a block decodes half the block on average.
     */
    readBlockPrefix(i, end) {
        const cached = this.cache.get(i);
        if (cached !== undefined && cached.length >= end) {
            this.cache.delete(i);
            this.cache.set(i, cached);
            return cached;
        }
        const { blocks } = this.loadIndex();
        const b = blocks[i];
        if (b === undefined)
            throw new errors/* SnapshotFormatError */.wv('E_CORRUPT', `block ${i} does not exist`);
        if (cached !== undefined && cached.length >= b.rawLength)
            return cached;
        if (this.chunkSource !== null)
            throw new errors/* OperationError */.OK('E_IO', `${this.path}: the blocks of a stored snapshot are read chunk by chunk`);
        // Compressed bytes are dead once decoded: one buffer serves every block (fresh memory costs ~3 ms/MiB here).
        const scratch = b.codec === format/* Codec */.Ne.none ? undefined : this.storedScratch(b.storedLength);
        const stored = readAt(this.view, b.offset, b.storedLength, this.path, scratch);
        if (!(0,external_node_crypto_.createHash)('sha256').update(stored).digest().equals(b.sha256)) {
            throw new errors/* SnapshotFormatError */.wv('E_CHECKSUM', `${this.path}: block ${i} checksum mismatch: ${DAMAGED}`);
        }
        const want = Math.max(end, 2 * (cached?.length ?? 0));
        let raw = null;
        if (this.prefixDecoding && b.codec === format/* Codec */.Ne.zstd && want < b.rawLength * PREFIX_AT_MOST) {
            // zstd only yields whole internal blocks (≤ 128 KiB raw): the stored bytes up to the end of
            // the one holding `want`, in proportion, and some more (compression is uneven within a block).
            const take = Math.min(b.storedLength, Math.ceil((b.storedLength * (want + ZSTD_BLOCK_BYTES)) / b.rawLength) + PREFIX_SLACK_BYTES);
            const prefix = (0,codecs/* zstdDecompressPrefix */.jR)(stored.subarray(0, take), b.rawLength, want + (want >>> 2), `block ${i}`);
            if (prefix.length >= end)
                raw = prefix;
        }
        raw ??= (0,codecs/* decodeBlock */.Wq)(stored, b.codec, b.width, b.rawLength, `block ${i}`);
        this.decodedBytes += raw.length;
        this.cache.delete(i);
        this.cache.set(i, raw);
        if (this.cache.size > CACHED_BLOCKS)
            this.cache.delete(this.cache.keys().next().value);
        return raw;
    }
    /** Whether block `i` is decoded whole in the cache: reading it now costs nothing. */
    hasBlock(i) {
        const cached = this.cache.get(i);
        const b = this.index?.blocks[i];
        return cached !== undefined && b !== undefined && cached.length >= b.rawLength;
    }
    storedScratch(length) {
        if (this.scratch === null || this.scratch.length < length)
            this.scratch = Buffer.allocUnsafeSlow(Math.max(length, SCRATCH_MIN_BYTES));
        return this.scratch;
    }
    /**
     * The chunk records of a file, in order, checked to add up to its size. A delta snapshot holds
     * only some of them: it returns those, and leaves the rest to `readFile`.
     */
    fileChunks(entry) {
        if (entry.size === 0)
            return [];
        const { chunks } = this.loadIndex();
        const digests = entry.chunks ?? [entry.sha256];
        if (this.isDelta)
            return digests.flatMap((hex) => chunks.find(Buffer.from(hex, 'hex')) ?? []);
        let total = 0;
        const records = digests.map((hex) => {
            const record = chunks.find(Buffer.from(hex, 'hex'));
            if (record === undefined)
                throw new errors/* SnapshotFormatError */.wv('E_CORRUPT', `${entry.path}: chunk ${hex.slice(0, 12)}… is missing from the snapshot`);
            total += record.length;
            return record;
        });
        if (total !== entry.size)
            throw new errors/* SnapshotFormatError */.wv('E_CORRUPT', `${entry.path}: chunks add up to ${total} bytes, expected ${entry.size}`);
        return records;
    }
    /** Yields a file's bytes chunk by chunk (views into cached blocks: copy before keeping them). */
    *readFile(entry) {
        if (this.isDelta) {
            yield* this.readLayeredFile(entry);
            return;
        }
        for (const c of this.fileChunks(entry))
            yield this.readChunk(c);
    }
    /**
     * One chunk of a full snapshot's file, from its block (checked) or the store; the chunk's own
     * digest is the caller's to check. `sequential`: more chunks of the block follow, so decode it whole.
     */
    readChunk(c, sequential = false) {
        const source = this.chunkSource;
        if (source !== null)
            return source.readChunk(c.sha256, c.length);
        return this.readBlockPrefix(c.block, sequential ? Number.POSITIVE_INFINITY : c.offset + c.length).subarray(c.offset, c.offset + c.length);
    }
    *readLayeredFile(entry) {
        let total = 0;
        for (const hex of entry.size === 0 ? [] : (entry.chunks ?? [entry.sha256])) {
            const piece = (0,delta_layers/* chunkBytes */.nr)(this, hex, entry.path);
            total += piece.length;
            if (total > entry.size)
                break;
            yield piece;
        }
        if (total !== entry.size)
            throw new errors/* SnapshotFormatError */.wv('E_CORRUPT', `${this.path}: ${entry.path}: chunks add up to ${total} bytes, expected ${entry.size}`);
    }
    /** A chunk this layer's own blocks hold (not checked against its digest: its block was), or null. */
    localChunk(hex) {
        const record = this.loadIndex().chunks.find(Buffer.from(hex, 'hex'));
        if (record === undefined)
            return null;
        const source = this.chunkSource;
        return source !== null ? source.readChunk(record.sha256, record.length) : this.readBlock(record.block).subarray(record.offset, record.offset + record.length);
    }
    /** The length of a chunk this layer's own blocks hold, or null. */
    localChunkLength(hex) {
        const length = this.loadIndex().chunks.lengthOf(Buffer.from(hex, 'hex'));
        return length < 0 ? null : length;
    }
    /** A whole file in memory, digest-checked. For small files and tests. */
    readFileBuffer(entry) {
        const pieces = [...this.readFile(entry)];
        // A file of one chunk is a view of its decoded block, which nothing writes to: no copy.
        const out = pieces.length === 1 && pieces[0].length === entry.size ? pieces[0] : Buffer.concat(pieces, entry.size);
        if ((0,external_node_crypto_.createHash)('sha256').update(out).digest('hex') !== entry.sha256) {
            throw new errors/* SnapshotFormatError */.wv('E_CHECKSUM', `${this.path}: ${entry.path}: content does not match its SHA-256: ${DAMAGED}`);
        }
        return out;
    }
    /** Checks every block, every chunk digest and every file digest. */
    verify(onProgress) {
        const { blocks, chunks } = this.loadIndex();
        if (this.chunkSource !== null)
            return this.verifyDetached(blocks.length, chunks.length, onProgress);
        // Each block decoded once, for all of its chunks.
        const { start, order } = (0,format/* chunksByBlock */.$6)(blocks.length, chunks);
        for (let i = 0; i < blocks.length; i++) {
            const raw = this.readBlock(i);
            for (let j = start[i]; j < start[i + 1]; j++) {
                const k = order[j];
                const c = chunks.at(k);
                if (!(0,external_node_crypto_.createHash)('sha256').update(raw.subarray(c.offset, c.offset + c.length)).digest().equals(c.sha256)) {
                    throw new errors/* SnapshotFormatError */.wv('E_CHECKSUM', `${this.path}: chunk ${c.sha256.toString('hex').slice(0, 12)}… in block ${i} does not match its digest: ${DAMAGED}`);
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
            if (this.isDelta || records.length > 1 || e.size === 0) {
                const hash = (0,external_node_crypto_.createHash)('sha256');
                for (const piece of this.readFile(e))
                    hash.update(piece);
                if (hash.digest('hex') !== e.sha256)
                    throw new errors/* SnapshotFormatError */.wv('E_CHECKSUM', `${this.path}: ${e.path}: content does not match its SHA-256: ${DAMAGED}`);
            }
            else if (records[0].sha256.toString('hex') !== e.sha256) {
                throw new errors/* SnapshotFormatError */.wv('E_CHECKSUM', `${this.path}: ${e.path}: content does not match its SHA-256: ${DAMAGED}`);
            }
            files++;
            bytes += e.size;
        }
        return { blocks: blocks.length, chunks: chunks.length, files, bytes };
    }
    /** Every file read through the chunk source (which checks each chunk) and its digest checked. */
    verifyDetached(blockCount, chunkCount, onProgress) {
        const files = this.manifest.entries.filter((e) => e.type === 'file');
        let bytes = 0;
        files.forEach((e, i) => {
            const hash = (0,external_node_crypto_.createHash)('sha256');
            for (const piece of this.readFile(e))
                hash.update(piece);
            if (hash.digest('hex') !== e.sha256)
                throw new errors/* SnapshotFormatError */.wv('E_CHECKSUM', `${this.path}: ${e.path}: content does not match its SHA-256: ${DAMAGED}`);
            bytes += e.size;
            onProgress?.(i + 1, files.length);
        });
        return { blocks: blockCount, chunks: chunkCount, files: files.length, bytes };
    }
}
/** Reads a zstd-compressed JSON section, checking its digest before decompressing and its size while decompressing. */
function readSection(view, path, offset, storedLength, rawLength, digest, what) {
    return (0,codecs/* zstdDecompress */.v3)(readVerified(view, path, offset, storedLength, digest, what), rawLength, `${path}: ${what} section`);
}
/** A section's stored bytes, checked against the trailer's digest. */
function readVerified(view, path, offset, storedLength, digest, what) {
    const stored = readAt(view, offset, storedLength, path);
    if (!(0,external_node_crypto_.createHash)('sha256').update(stored).digest().equals(digest)) {
        throw new errors/* SnapshotFormatError */.wv('E_CHECKSUM', `${path}: ${what} section checksum mismatch: ${DAMAGED}`);
    }
    return stored;
}
/** Reads exactly `length` bytes at `position`, or fails with E_TRUNCATED. Callers bound `length` first. */
function readAt(view, position, length, path, into) {
    const fileSize = view.size;
    const truncated = (endsAt) => new errors/* SnapshotFormatError */.wv('E_TRUNCATED', `${path} is truncated (ends at ${endsAt} of at least ${position + length} bytes): the download or copy was cut off; fetch it again`);
    if (position < 0 || position + length > fileSize)
        throw truncated(fileSize);
    if (position < view.gapStart + view.gapLength && position + length > view.gapStart) {
        throw new errors/* SnapshotFormatError */.wv('E_CORRUPT', `${path}: a section points into the blocks, which a stored snapshot does not hold: the store is damaged`);
    }
    const physical = view.prefix + (position >= view.gapStart ? position - view.gapLength : position);
    const fd = view.fd;
    const buf = into === undefined ? Buffer.allocUnsafe(length) : into.subarray(0, length);
    let done = 0;
    while (done < length) {
        const n = (0,external_node_fs_.readSync)(fd, buf, done, length - done, physical + done);
        if (n === 0)
            throw truncated(position + done);
        done += n;
    }
    return buf;
}


/***/ }),

/***/ 9270:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Kn: () => (/* binding */ finishSparse),
/* harmony export */   Mj: () => (/* binding */ writeSparse)
/* harmony export */ });
/* unused harmony export HOLE_MIN_BYTES */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/**
 * Writes file bytes leaving runs of zeros as holes: a run of at least 64 KiB of zero pages is
 * skipped (the file is extended to its size at the end), so a restored sparse file (a disk image,
 * a core dump, a preallocated database) takes the blocks it took before, not its apparent size.
 */

const PAGE = 4096;
const HOLE_MIN_BYTES = 64 * 1024;
const ZERO_PAGE = Buffer.alloc(PAGE);
function zeroPage(buf, at) {
    const end = Math.min(at + PAGE, buf.length);
    return buf.compare(ZERO_PAGE, 0, end - at, at, end) === 0;
}
function writeAll(fd, buf, from, to, position) {
    let done = from;
    while (done < to)
        done += (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeSync)(fd, buf, done, to - done, position + (done - from));
}
/** Writes `piece` at `position`, skipping zero runs of at least HOLE_MIN_BYTES; returns the bytes skipped. */
function writeSparse(fd, piece, position) {
    let skipped = 0;
    let dataFrom = 0;
    let at = 0;
    while (at < piece.length) {
        if (!zeroPage(piece, at)) {
            at += PAGE;
            continue;
        }
        let end = at;
        while (end < piece.length && zeroPage(piece, end))
            end = Math.min(end + PAGE, piece.length);
        if (end - at >= HOLE_MIN_BYTES) {
            writeAll(fd, piece, dataFrom, at, position + dataFrom);
            skipped += end - at;
            dataFrom = end;
        }
        at = end;
    }
    writeAll(fd, piece, dataFrom, piece.length, position + dataFrom);
    return skipped;
}
/** Gives the file its full size when it ends in a hole. */
function finishSparse(fd, size) {
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.ftruncateSync)(fd, size);
}


/***/ }),

/***/ 5702:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   O: () => (/* binding */ addSnapshot)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(3916);
/* harmony import */ var _snapshot_codecs_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(505);
/* harmony import */ var _snapshot_format_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(6957);
/* harmony import */ var _snapshot_reader_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(3580);
/* harmony import */ var _chunks_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(9463);
/* harmony import */ var _records_js__WEBPACK_IMPORTED_MODULE_7__ = __nccwpck_require__(2751);
/* harmony import */ var _sessions_js__WEBPACK_IMPORTED_MODULE_8__ = __nccwpck_require__(1888);
/**
 * `store add`: takes a `.vitsnap` file into the store in one pass over its bytes. Each block is
 * digest-checked and decoded, each chunk checked against its digest and written unless the store
 * has it; the whole file's SHA-256, computed on the way, names the record.
 */









async function addSnapshot(layout, file, options = {}) {
    const session = _sessions_js__WEBPACK_IMPORTED_MODULE_8__/* .StoreSession */ .e7.begin(layout, `add ${file}`);
    try {
        return addWithin(layout, file, options);
    }
    finally {
        session.end();
    }
}
function addWithin(layout, file, options) {
    const reader = _snapshot_reader_js__WEBPACK_IMPORTED_MODULE_5__/* .SnapshotReader */ .a.open(file);
    let fd = -1;
    try {
        const parent = reader.summary.parent;
        if (parent !== null && !(0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)((0,_records_js__WEBPACK_IMPORTED_MODULE_7__/* .recordPath */ .lX)(layout, parent))) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .OperationError */ .OK('E_PARENT', `${file} is a delta snapshot whose parent sha256:${parent} is not in the store ${layout.root}; add the parent first (vitsnap store add PARENT.vitsnap), or flatten it (vitsnap flatten ${file} -o FULL.vitsnap)`);
        }
        if (parent !== null)
            reader.parentLoader = () => (0,_records_js__WEBPACK_IMPORTED_MODULE_7__/* .openRecord */ .C6)(layout, parent);
        const { blocks, chunks } = reader.loadIndex();
        // Every file's chunks must be in the index, adding up to its size: checked before anything is written.
        for (const e of reader.manifest.entries)
            if (e.type === 'file')
                reader.fileChunks(e);
        try {
            fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.openSync)(file, 'r');
        }
        catch (error) {
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .fromSystemError */ .Kh)(error, `cannot open snapshot ${file}`);
        }
        const whole = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
        const header = readExactly(fd, 0, _snapshot_format_js__WEBPACK_IMPORTED_MODULE_4__/* .HEADER_SIZE */ .Ad, file);
        whole.update(header);
        const { start, order } = (0,_snapshot_format_js__WEBPACK_IMPORTED_MODULE_4__/* .chunksByBlock */ .$6)(blocks.length, chunks);
        let position = _snapshot_format_js__WEBPACK_IMPORTED_MODULE_4__/* .HEADER_SIZE */ .Ad;
        let newChunks = 0;
        let reusedChunks = 0;
        let reusedBytes = 0;
        let writtenBytes = 0;
        blocks.forEach((b, i) => {
            if (b.offset !== position)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .SnapshotFormatError */ .wv('E_CORRUPT', `${file}: block ${i} is not where the previous one ends: the file is corrupt; fetch it again`);
            const stored = readExactly(fd, b.offset, b.storedLength, file);
            whole.update(stored);
            position += b.storedLength;
            if (options.verifyBlocks !== false && !(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(stored).digest().equals(b.sha256)) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .SnapshotFormatError */ .wv('E_CHECKSUM', `${file}: block ${i} checksum mismatch: the file was damaged after it was written; fetch a fresh copy`);
            }
            let raw = null;
            for (let j = start[i]; j < start[i + 1]; j++) {
                const k = order[j];
                const c = chunks.at(k);
                const hex = c.sha256.toString('hex');
                if ((0,_chunks_js__WEBPACK_IMPORTED_MODULE_6__/* .hasChunk */ .KQ)(layout, hex)) {
                    reusedChunks++;
                    reusedBytes += c.length;
                    continue;
                }
                raw ??= (0,_snapshot_codecs_js__WEBPACK_IMPORTED_MODULE_3__/* .decodeBlock */ .Wq)(stored, b.codec, b.width, b.rawLength, `${file}: block ${i}`);
                const bytes = raw.subarray(c.offset, c.offset + c.length);
                if (c.offset + c.length > raw.length || (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(bytes).digest('hex') !== hex) {
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .SnapshotFormatError */ .wv('E_CHECKSUM', `${file}: chunk ${hex.slice(0, 12)}… in block ${i} does not match its digest: the file was damaged after it was written; fetch a fresh copy`);
                }
                const written = (0,_chunks_js__WEBPACK_IMPORTED_MODULE_6__/* .putChunk */ .T2)(layout, hex, bytes, b.codec, b.width);
                if (written > 0)
                    newChunks++;
                else
                    reusedChunks++;
                writtenBytes += written;
            }
            options.onProgress?.({ doneBlocks: i + 1, totalBlocks: blocks.length });
        });
        if (position !== reader.trailer.entriesOffset) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .SnapshotFormatError */ .wv('E_CORRUPT', `${file}: bytes between the blocks and the entries belong to no block: the file is corrupt; fetch it again`);
        }
        const tail = readExactly(fd, position, reader.fileSize - position, file);
        whole.update(tail);
        const id = whole.digest('hex');
        const exists = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)((0,_records_js__WEBPACK_IMPORTED_MODULE_7__/* .recordPath */ .lX)(layout, id));
        if (!exists) {
            (0,_records_js__WEBPACK_IMPORTED_MODULE_7__/* .writeRecord */ .rh)(layout, id, reader.fileSize, header, tail);
            writtenBytes += tail.length + _snapshot_format_js__WEBPACK_IMPORTED_MODULE_4__/* .HEADER_SIZE */ .Ad;
        }
        (0,_records_js__WEBPACK_IMPORTED_MODULE_7__/* .touchRecord */ .h)(layout, id);
        if (options.name !== undefined)
            (0,_records_js__WEBPACK_IMPORTED_MODULE_7__/* .setName */ .i)(layout, options.name, id);
        return { id, added: !exists, chunks: chunks.length, newChunks, reusedChunks, reusedBytes, writtenBytes, snapshotBytes: reader.fileSize };
    }
    finally {
        if (fd >= 0)
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.closeSync)(fd);
        reader.close();
    }
}
function readExactly(fd, position, length, file) {
    const buf = Buffer.allocUnsafe(length);
    let done = 0;
    while (done < length) {
        const n = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readSync)(fd, buf, done, length - done, position + done);
        if (n === 0)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .SnapshotFormatError */ .wv('E_TRUNCATED', `${file} is truncated: the download or copy was cut off; fetch it again`);
        done += n;
    }
    return buf;
}


/***/ }),

/***/ 9463:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Gq: () => (/* binding */ putChunkObject),
/* harmony export */   KQ: () => (/* binding */ hasChunk),
/* harmony export */   T2: () => (/* binding */ putChunk),
/* harmony export */   WQ: () => (/* binding */ decodeChunk),
/* harmony export */   ar: () => (/* binding */ readChunk),
/* harmony export */   u5: () => (/* binding */ CHUNK_HEADER)
/* harmony export */ });
/* unused harmony exports encodeChunk, chunkHeader */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(3916);
/* harmony import */ var _snapshot_block_planner_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(7800);
/* harmony import */ var _snapshot_codecs_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(505);
/* harmony import */ var _snapshot_format_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(6957);
/* harmony import */ var _layout_js__WEBPACK_IMPORTED_MODULE_7__ = __nccwpck_require__(5891);
/**
 * Chunk objects: one file per chunk, named by the SHA-256 of its raw bytes and compressed by the
 * codec of the block it came from. Written once (temp file + rename, so a reader never sees half
 * of one) and never modified; a reader checks the digest every time.
 *
 *   "VSC1" | codec u8 | width u8 | 0 u16 | raw length u64 LE | stored bytes
 */








const MAGIC = Buffer.from('VSC1', 'latin1');
const CHUNK_HEADER = 16;
function hasChunk(layout, hex) {
    return (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)((0,_layout_js__WEBPACK_IMPORTED_MODULE_7__/* .chunkPath */ .BS)(layout, hex));
}
/** Encodes `raw` as a chunk object; incompressible chunks are stored as they are. */
function encodeChunk(raw, codec, width) {
    let use = codec;
    let body = codec === _snapshot_format_js__WEBPACK_IMPORTED_MODULE_6__/* .Codec */ .Ne.none ? Buffer.from(raw.buffer, raw.byteOffset, raw.length) : (0,_snapshot_codecs_js__WEBPACK_IMPORTED_MODULE_5__/* .encodeBlock */ .U$)(raw, codec, width, (0,_snapshot_block_planner_js__WEBPACK_IMPORTED_MODULE_4__/* .blockLevel */ .QX)(codec, raw.length));
    if (body.length >= raw.length && codec !== _snapshot_format_js__WEBPACK_IMPORTED_MODULE_6__/* .Codec */ .Ne.none) {
        use = _snapshot_format_js__WEBPACK_IMPORTED_MODULE_6__/* .Codec */ .Ne.none;
        body = Buffer.from(raw.buffer, raw.byteOffset, raw.length);
    }
    const header = Buffer.alloc(CHUNK_HEADER);
    MAGIC.copy(header, 0);
    header.writeUInt8(use, 4);
    header.writeUInt8(use === _snapshot_format_js__WEBPACK_IMPORTED_MODULE_6__/* .Codec */ .Ne.bytegroupZstd ? width : 0, 5);
    header.writeBigUInt64LE(BigInt(raw.length), 8);
    return Buffer.concat([header, body]);
}
/**
 * Writes a chunk unless the store has it. Returns the bytes written, 0 when it was there. Two
 * processes writing the same chunk both rename identical bytes into place, which is harmless.
 */
function putChunk(layout, hex, raw, codec, width) {
    return (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)((0,_layout_js__WEBPACK_IMPORTED_MODULE_7__/* .chunkPath */ .BS)(layout, hex)) ? 0 : writeObject(layout, hex, encodeChunk(raw, codec, width));
}
/** Callers have checked the chunk is absent; a racing writer renames identical bytes over it. */
function writeObject(layout, hex, data) {
    const target = (0,_layout_js__WEBPACK_IMPORTED_MODULE_7__/* .chunkPath */ .BS)(layout, hex);
    const temp = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(layout.tmp, `chunk-${process.pid}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex')}`);
    let fd = -1;
    try {
        fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.openSync)(temp, 'wx', 0o444);
        let done = 0;
        while (done < data.length)
            done += (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeSync)(fd, data, done, data.length - done);
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.closeSync)(fd);
        fd = -1;
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(target), { recursive: true });
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.renameSync)(temp, target);
    }
    catch (error) {
        if (fd >= 0)
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.closeSync)(fd);
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.unlinkSync)(temp);
        }
        catch {
            // never created, or already renamed
        }
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .fromSystemError */ .Kh)(error, `cannot write chunk ${hex.slice(0, 12)}… into store ${layout.root}`);
    }
    return data.length;
}
/**
 * Writes a chunk object received from elsewhere (a registry) after checking it decodes to the
 * chunk its name says; returns the bytes written, 0 when the store had it.
 */
function putChunkObject(layout, hex, data) {
    if ((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)((0,_layout_js__WEBPACK_IMPORTED_MODULE_7__/* .chunkPath */ .BS)(layout, hex)))
        return 0;
    decodeChunk(data, hex, layout.root);
    return writeObject(layout, hex, data);
}
const DAMAGED = 'the store is damaged: run vitsnap store verify, then add the snapshot again from a good copy';
/** Reads, decodes and digest-checks one chunk. */
function readChunk(layout, hex, expectedLength) {
    const path = (0,_layout_js__WEBPACK_IMPORTED_MODULE_7__/* .chunkPath */ .BS)(layout, hex);
    let fd;
    try {
        fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.openSync)(path, 'r');
    }
    catch (error) {
        if (error.code === 'ENOENT') {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .SnapshotFormatError */ .wv('E_CORRUPT', `chunk ${hex.slice(0, 12)}… is missing from store ${layout.root}: ${DAMAGED}`);
        }
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .fromSystemError */ .Kh)(error, `cannot read chunk ${hex.slice(0, 12)}… of store ${layout.root}`);
    }
    let data;
    try {
        const size = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.fstatSync)(fd).size;
        if (size < CHUNK_HEADER || size > CHUNK_HEADER + _snapshot_format_js__WEBPACK_IMPORTED_MODULE_6__/* .LIMITS */ .b1.blockRawBytes) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .SnapshotFormatError */ .wv('E_CORRUPT', `chunk ${hex.slice(0, 12)}… in store ${layout.root} has an impossible size (${size} bytes): ${DAMAGED}`);
        }
        data = Buffer.allocUnsafe(size);
        let done = 0;
        while (done < size) {
            const n = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readSync)(fd, data, done, size - done, done);
            if (n === 0)
                break;
            done += n;
        }
        if (done !== size)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .SnapshotFormatError */ .wv('E_TRUNCATED', `chunk ${hex.slice(0, 12)}… in store ${layout.root} is truncated: ${DAMAGED}`);
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.closeSync)(fd);
    }
    return decodeChunk(data, hex, layout.root, expectedLength);
}
function chunkHeader(data, what) {
    if (data.length < CHUNK_HEADER || !data.subarray(0, 4).equals(MAGIC) || data.readUInt16LE(6) !== 0) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .SnapshotFormatError */ .wv('E_CORRUPT', `${what} is not a chunk object: ${DAMAGED}`);
    }
    const codec = data.readUInt8(4);
    const width = data.readUInt8(5);
    const rawLength = data.readBigUInt64LE(8);
    if (codec > _snapshot_format_js__WEBPACK_IMPORTED_MODULE_6__/* .Codec */ .Ne.bytegroupZstd || rawLength > BigInt(_snapshot_format_js__WEBPACK_IMPORTED_MODULE_6__/* .LIMITS */ .b1.blockRawBytes) || (codec === _snapshot_format_js__WEBPACK_IMPORTED_MODULE_6__/* .Codec */ .Ne.bytegroupZstd) !== (width === 2 || width === 4)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .SnapshotFormatError */ .wv('E_CORRUPT', `${what} has an invalid header: ${DAMAGED}`);
    }
    return { codec: codec, width, rawLength: Number(rawLength), storedLength: data.length };
}
function decodeChunk(data, hex, root, expectedLength) {
    const what = `chunk ${hex.slice(0, 12)}… in store ${root}`;
    const h = chunkHeader(data, what);
    if (expectedLength !== undefined && h.rawLength !== expectedLength) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .SnapshotFormatError */ .wv('E_CORRUPT', `${what} holds ${h.rawLength} bytes, the snapshot expects ${expectedLength}: ${DAMAGED}`);
    }
    const body = data.subarray(CHUNK_HEADER);
    if (h.codec === _snapshot_format_js__WEBPACK_IMPORTED_MODULE_6__/* .Codec */ .Ne.none && body.length !== h.rawLength)
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .SnapshotFormatError */ .wv('E_CORRUPT', `${what} is truncated: ${DAMAGED}`);
    const raw = (0,_snapshot_codecs_js__WEBPACK_IMPORTED_MODULE_5__/* .decodeBlock */ .Wq)(body, h.codec, h.width, h.rawLength, what);
    if ((0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(raw).digest('hex') !== hex) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .SnapshotFormatError */ .wv('E_CHECKSUM', `${what} does not match its SHA-256: ${DAMAGED}`);
    }
    return raw;
}


/***/ }),

/***/ 5643:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   v: () => (/* binding */ exportSnapshot)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(3916);
/* harmony import */ var _snapshot_atomic_file_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(5118);
/* harmony import */ var _snapshot_block_planner_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(7800);
/* harmony import */ var _snapshot_codecs_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(505);
/* harmony import */ var _snapshot_format_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(6957);
/* harmony import */ var _chunks_js__WEBPACK_IMPORTED_MODULE_7__ = __nccwpck_require__(9463);
/* harmony import */ var _records_js__WEBPACK_IMPORTED_MODULE_8__ = __nccwpck_require__(2751);
/* harmony import */ var _sessions_js__WEBPACK_IMPORTED_MODULE_9__ = __nccwpck_require__(1888);
/**
 * `store export`: a stored snapshot back as a standalone `.vitsnap` file. Blocks are rebuilt from
 * their chunks in the recorded layout and encoded as capture encodes them, so the file is the one
 * that was added, byte for byte (its SHA-256 is the snapshot id). Should an encoder ever produce
 * different bytes (another zstd), the blocks are written as encoded now, with the index and
 * trailer rewritten to match: a valid snapshot of the same content, under a new digest.
 */










async function exportSnapshot(layout, id, output, onProgress) {
    const session = _sessions_js__WEBPACK_IMPORTED_MODULE_9__/* .StoreSession */ .e7.begin(layout, `export ${id.slice(0, 12)}`);
    const reader = (0,_records_js__WEBPACK_IMPORTED_MODULE_8__/* .openRecord */ .C6)(layout, id);
    const out = new _snapshot_atomic_file_js__WEBPACK_IMPORTED_MODULE_3__/* .AtomicFile */ .A0(output);
    try {
        const { blocks, chunks } = reader.loadIndex();
        const { start, order } = (0,_snapshot_format_js__WEBPACK_IMPORTED_MODULE_6__/* .chunksByBlock */ .$6)(blocks.length, chunks);
        const record = readRecordBytes(layout, id, reader.fileSize - reader.trailer.entriesOffset);
        const whole = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
        const write = (data) => {
            whole.update(data);
            out.write(data);
        };
        write(record.header);
        const rewritten = [];
        let same = true;
        blocks.forEach((b, i) => {
            const raw = Buffer.alloc(b.rawLength);
            for (let j = start[i]; j < start[i + 1]; j++) {
                const k = order[j];
                const c = chunks.at(k);
                if (c.offset + c.length > raw.length)
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .SnapshotFormatError */ .wv('E_CORRUPT', `${reader.path}: chunk ${c.sha256.toString('hex').slice(0, 12)}… lies outside block ${i}: the store is damaged`);
                (0,_chunks_js__WEBPACK_IMPORTED_MODULE_7__/* .readChunk */ .ar)(layout, c.sha256.toString('hex'), c.length).copy(raw, c.offset);
            }
            const stored = (0,_snapshot_codecs_js__WEBPACK_IMPORTED_MODULE_5__/* .encodeBlock */ .U$)(raw, b.codec, b.width, (0,_snapshot_block_planner_js__WEBPACK_IMPORTED_MODULE_4__/* .blockLevel */ .QX)(b.codec, b.rawLength));
            const sha256 = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(stored).digest();
            if (!sha256.equals(b.sha256) || out.position !== b.offset)
                same = false;
            rewritten.push({ ...b, offset: out.position, storedLength: stored.length, sha256 });
            write(stored);
            onProgress?.(i + 1, blocks.length);
        });
        if (same)
            write(record.tail);
        else
            writeNewTail(write, out.position, record.tail, reader.trailer, rewritten, chunks);
        const sha256 = whole.digest('hex');
        const bytes = out.position;
        out.commit();
        (0,_records_js__WEBPACK_IMPORTED_MODULE_8__/* .touchRecord */ .h)(layout, id);
        return { output: out.target, bytes, sha256, identical: sha256 === id };
    }
    catch (error) {
        out.abort();
        throw error;
    }
    finally {
        reader.close();
        session.end();
    }
}
/** The sections keep their bytes; only offsets, the index's block records and the trailer change. */
function writeNewTail(write, at, tail, t, blocks, table) {
    const sections = tail.subarray(0, t.entriesStoredLength + t.manifestStoredLength);
    const records = [];
    for (let k = 0; k < table.length; k++)
        records.push(table.at(k));
    const index = (0,_snapshot_format_js__WEBPACK_IMPORTED_MODULE_6__/* .encodeIndex */ .bj)(blocks, records);
    write(sections);
    write(index);
    write((0,_snapshot_format_js__WEBPACK_IMPORTED_MODULE_6__/* .encodeTrailer */ .CH)({
        ...t,
        entriesOffset: at,
        manifestOffset: at + t.entriesStoredLength,
        indexOffset: at + sections.length,
        indexLength: index.length,
        indexSha256: (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(index).digest(),
    }));
}
function readRecordBytes(layout, id, tailLength) {
    const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.openSync)((0,_records_js__WEBPACK_IMPORTED_MODULE_8__/* .recordPath */ .lX)(layout, id), 'r');
    try {
        const buf = Buffer.allocUnsafe(_snapshot_format_js__WEBPACK_IMPORTED_MODULE_6__/* .HEADER_SIZE */ .Ad + tailLength);
        let done = 0;
        while (done < buf.length) {
            const n = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readSync)(fd, buf, done, buf.length - done, _records_js__WEBPACK_IMPORTED_MODULE_8__/* .RECORD_PREFIX */ .RI + done);
            if (n === 0)
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .SnapshotFormatError */ .wv('E_TRUNCATED', `the record of snapshot ${id.slice(0, 12)} in store ${layout.root} is truncated: the store is damaged`);
            done += n;
        }
        if (tailLength < _snapshot_format_js__WEBPACK_IMPORTED_MODULE_6__/* .TRAILER_SIZE */ .C)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .SnapshotFormatError */ .wv('E_CORRUPT', `the record of snapshot ${id.slice(0, 12)} is too short: the store is damaged`);
        return { header: buf.subarray(0, _snapshot_format_js__WEBPACK_IMPORTED_MODULE_6__/* .HEADER_SIZE */ .Ad), tail: buf.subarray(_snapshot_format_js__WEBPACK_IMPORTED_MODULE_6__/* .HEADER_SIZE */ .Ad) };
    }
    finally {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.closeSync)(fd);
    }
}


/***/ }),

/***/ 5891:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   BS: () => (/* binding */ chunkPath),
/* harmony export */   Ch: () => (/* binding */ openStore),
/* harmony export */   I3: () => (/* binding */ checkName),
/* harmony export */   aH: () => (/* binding */ isDigestHex),
/* harmony export */   iB: () => (/* binding */ defaultStoreDir)
/* harmony export */ });
/* unused harmony exports STORE_FORMAT, STORE_VERSION, layoutOf */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_os__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(3916);
/**
 * Where a store keeps what (docs/store.md):
 *
 *   STORE/store.json          format marker; a directory without it is never written to
 *   STORE/chunks/ab/<sha256>  one chunk, compressed by its class, written once and never changed
 *   STORE/snapshots/<sha256>  a snapshot without its blocks (named by the standalone file's SHA-256)
 *   STORE/names/<name>        a name's snapshot id, like a tag
 *   STORE/files/ab/<sha256>-<mode>  a read-only plain copy of a file, for `restore --link`
 *   STORE/tmp/                temp files, renamed into place on the same filesystem
 *   STORE/sessions/           one file per live process that reads or adds chunks (GC waits for them)
 *   STORE/gc.lock/            held by the one running GC
 *   STORE/captures/<key>.statcache  stat records of the last capture of a root+globs (src/incremental/)
 */




const STORE_FORMAT = 'vitsnap-store';
const STORE_VERSION = 1;
const HEX64 = /^[0-9a-f]{64}$/;
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
/** `--store`, else `$VITSNAP_STORE`, else `$XDG_CACHE_HOME/vitsnap`, else `~/.cache/vitsnap`. */
function defaultStoreDir(flag, env, cwd) {
    if (flag !== undefined && flag !== '')
        return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(cwd, flag);
    if (env.VITSNAP_STORE !== undefined && env.VITSNAP_STORE !== '')
        return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(cwd, env.VITSNAP_STORE);
    const cache = env.XDG_CACHE_HOME !== undefined && env.XDG_CACHE_HOME !== '' ? env.XDG_CACHE_HOME : (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(env.HOME ?? (0,node_os__WEBPACK_IMPORTED_MODULE_1__.homedir)(), '.cache');
    return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.resolve)(cwd, cache, 'vitsnap');
}
function layoutOf(root) {
    return {
        root,
        chunks: (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(root, 'chunks'),
        snapshots: (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(root, 'snapshots'),
        names: (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(root, 'names'),
        files: (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(root, 'files'),
        tmp: (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(root, 'tmp'),
        sessions: (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(root, 'sessions'),
        gcLock: (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(root, 'gc.lock'),
    };
}
/**
 * Opens a store, creating it when `create` is set and the directory is empty or absent. A
 * non-empty directory that is not a store is refused: we never scatter files into someone's folder.
 */
function openStore(root, create) {
    const layout = layoutOf(root);
    const marker = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(root, 'store.json');
    let text = null;
    try {
        text = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)(marker, 'utf8');
    }
    catch (error) {
        if (error.code !== 'ENOENT')
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .fromSystemError */ .Kh)(error, `cannot read store ${root}`);
    }
    if (text === null) {
        if (!create)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .OperationError */ .OK('E_NOT_FOUND', `no vitsnap store at ${root}; add a snapshot first (vitsnap store add FILE --store ${root}) or pass --store`);
        let existing = [];
        try {
            if (!(0,node_fs__WEBPACK_IMPORTED_MODULE_0__.statSync)(root).isDirectory())
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .OperationError */ .OK('E_USAGE', `cannot use ${root} as a store: it is not a directory`);
            existing = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(root);
        }
        catch (error) {
            if (error.name === 'OperationError')
                throw error;
        }
        if (existing.length > 0) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .OperationError */ .OK('E_USAGE', `cannot use ${root} as a store: the directory is not empty and has no store.json; pick an empty or new directory`);
        }
        try {
            for (const dir of [layout.chunks, layout.snapshots, layout.names, layout.files, layout.tmp, layout.sessions])
                (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(dir, { recursive: true });
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.writeFileSync)(marker, `${JSON.stringify({ format: STORE_FORMAT, version: STORE_VERSION })}\n`);
        }
        catch (error) {
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .fromSystemError */ .Kh)(error, `cannot create store ${root}`);
        }
        return layout;
    }
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch {
        parsed = null;
    }
    const p = parsed;
    if (p === null || typeof p !== 'object' || p.format !== STORE_FORMAT) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .OperationError */ .OK('E_INPUT', `${marker} is not a vitsnap store marker; pass another --store`);
    }
    if (p.version !== STORE_VERSION) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .OperationError */ .OK('E_INPUT', `store ${root} has format version ${String(p.version)}; this vitsnap reads version ${STORE_VERSION}: upgrade vitsnap`);
    }
    for (const dir of [layout.chunks, layout.snapshots, layout.names, layout.files, layout.tmp, layout.sessions]) {
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.mkdirSync)(dir, { recursive: true });
        }
        catch (error) {
            throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .fromSystemError */ .Kh)(error, `cannot open store ${root}`);
        }
    }
    return layout;
}
function chunkPath(layout, hex) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(layout.chunks, hex.slice(0, 2), hex);
}
function isDigestHex(text) {
    return HEX64.test(text);
}
function checkName(name) {
    if (!NAME.test(name)) {
        throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .OperationError */ .OK('E_USAGE', `invalid snapshot name ${JSON.stringify(name)}: use letters, digits, '.', '_' and '-' (at most 128, starting with a letter or digit), e.g. main-build`);
    }
    return name;
}


/***/ }),

/***/ 9717:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ol: () => (/* binding */ openSnapshotRef),
/* harmony export */   Pw: () => (/* binding */ isStoreRef)
/* harmony export */ });
/* unused harmony export STORE_REF_PREFIX */
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _snapshot_reader_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3580);
/* harmony import */ var _layout_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(5891);
/* harmony import */ var _records_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(2751);
/* harmony import */ var _sessions_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(1888);
/** Commands take `store:NAME` (or `store:ID-PREFIX`) wherever they take a .vitsnap file. */





const STORE_REF_PREFIX = 'store:';
function isStoreRef(arg) {
    return arg.startsWith(STORE_REF_PREFIX);
}
/**
 * A snapshot file, or a stored snapshot (from `$VITSNAP_STORE` or the default store) held in a
 * session until the reader is closed, so a GC cannot delete its chunks meanwhile; with the store
 * a `store:` snapshot came from (null for a file).
 */
function openSnapshotRef(arg, cwd, env) {
    if (!isStoreRef(arg))
        return { reader: _snapshot_reader_js__WEBPACK_IMPORTED_MODULE_1__/* .SnapshotReader */ .a.open((0,node_path__WEBPACK_IMPORTED_MODULE_0__.resolve)(cwd, arg)), store: null };
    const layout = (0,_layout_js__WEBPACK_IMPORTED_MODULE_2__/* .openStore */ .Ch)((0,_layout_js__WEBPACK_IMPORTED_MODULE_2__/* .defaultStoreDir */ .iB)(undefined, env, cwd), false);
    const id = (0,_records_js__WEBPACK_IMPORTED_MODULE_3__/* .resolveRef */ .qE)(layout, arg);
    const session = _sessions_js__WEBPACK_IMPORTED_MODULE_4__/* .StoreSession */ .e7.begin(layout, `read ${id.slice(0, 12)}`);
    try {
        const reader = (0,_records_js__WEBPACK_IMPORTED_MODULE_3__/* .openRecord */ .C6)(layout, id);
        reader.onClose = () => session.end();
        (0,_records_js__WEBPACK_IMPORTED_MODULE_3__/* .touchRecord */ .h)(layout, id);
        return { reader, store: layout };
    }
    catch (error) {
        session.end();
        throw error;
    }
}


/***/ }),

/***/ 1233:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Av: () => (/* binding */ ensurePlainCopy),
/* harmony export */   _Z: () => (/* binding */ listPlainCopies)
/* harmony export */ });
/* unused harmony exports PLAIN_MTIME_S, plainMode, plainPath */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(3916);
/* harmony import */ var _snapshot_metadata_lockfiles_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(1010);
/* harmony import */ var _snapshot_sparse_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(9270);
/* harmony import */ var _layout_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(5891);
/**
 * Plain copies for `restore --link`: a file's bytes as an ordinary read-only file in the store,
 * which restored trees hardlink instead of holding copies. Keyed by digest and mode (a hardlink
 * shares its mode). Modes cannot stop root (or a chmod) from writing through a link, so a copy
 * is hashed before every link, and one whose bytes changed is replaced, never linked again.
 */







/** 1970-01-01T00:00:01Z, as Nix does: a plain copy's mtime says nothing about any build. */
const PLAIN_MTIME_S = 1;
/** Permission bits a linked file keeps: no write bits, no special bits. */
const LINKED_MODE = 0o1555;
function plainMode(entry) {
    return entry.mode & LINKED_MODE;
}
function plainPath(layout, sha256, mode) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(layout.files, sha256.slice(0, 2), `${sha256}-${mode.toString(8)}`);
}
/** The path of an intact plain copy of `entry`, made from the snapshot's chunks when missing or changed. */
function ensurePlainCopy(layout, reader, entry) {
    const mode = plainMode(entry);
    const path = plainPath(layout, entry.sha256, mode);
    try {
        const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.statSync)(path);
        if (st.size === entry.size && (st.mode & 0o7777) === mode && (0,_snapshot_metadata_lockfiles_js__WEBPACK_IMPORTED_MODULE_4__/* .sha256File */ .Q3)(path) === entry.sha256)
            return path;
    }
    catch {
        // missing: made below
    }
    const temp = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(layout.tmp, `plain-${process.pid}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex')}`);
    const fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.openSync)(temp, 'wx', 0o600);
    try {
        const hash = (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256');
        let position = 0;
        for (const piece of reader.readFile(entry)) {
            hash.update(piece);
            (0,_snapshot_sparse_js__WEBPACK_IMPORTED_MODULE_5__/* .writeSparse */ .Mj)(fd, piece, position);
            position += piece.length;
        }
        (0,_snapshot_sparse_js__WEBPACK_IMPORTED_MODULE_5__/* .finishSparse */ .Kn)(fd, entry.size);
        if (hash.digest('hex') !== entry.sha256) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .SnapshotFormatError */ .wv('E_CHECKSUM', `${entry.path}: the stored bytes do not match its SHA-256: the store is damaged; run vitsnap store verify`);
        }
    }
    catch (error) {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.closeSync)(fd);
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)(temp, { force: true });
        throw error;
    }
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.closeSync)(fd);
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.chmodSync)(temp, mode);
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.utimesSync)(temp, PLAIN_MTIME_S, PLAIN_MTIME_S);
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(path), { recursive: true });
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.renameSync)(temp, path);
    }
    catch (error) {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)(temp, { force: true });
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .fromSystemError */ .Kh)(error, `cannot make a plain copy of ${entry.path} in store ${layout.root}`);
    }
    return path;
}
function listPlainCopies(layout) {
    const out = [];
    let dirs;
    try {
        dirs = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readdirSync)(layout.files);
    }
    catch {
        return out;
    }
    for (const dir of dirs) {
        let names = [];
        try {
            names = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readdirSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(layout.files, dir));
        }
        catch {
            continue;
        }
        for (const name of names) {
            const sha256 = name.slice(0, 64);
            if (!(0,_layout_js__WEBPACK_IMPORTED_MODULE_6__/* .isDigestHex */ .aH)(sha256) || !/^-[0-7]{1,4}$/.test(name.slice(64)))
                continue;
            const path = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(layout.files, dir, name);
            try {
                out.push({ path, sha256, size: (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.statSync)(path).size });
            }
            catch {
                // removed meanwhile
            }
        }
    }
    return out;
}


/***/ }),

/***/ 2751:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   C6: () => (/* binding */ openRecord),
/* harmony export */   GI: () => (/* binding */ removeRecord),
/* harmony export */   Pw: () => (/* binding */ deltasOn),
/* harmony export */   RI: () => (/* binding */ RECORD_PREFIX),
/* harmony export */   VI: () => (/* binding */ listRecords),
/* harmony export */   h: () => (/* binding */ touchRecord),
/* harmony export */   i: () => (/* binding */ setName),
/* harmony export */   lX: () => (/* binding */ recordPath),
/* harmony export */   qE: () => (/* binding */ resolveRef),
/* harmony export */   rh: () => (/* binding */ writeRecord)
/* harmony export */ });
/* unused harmony exports storeChunkSource, readNames */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(3916);
/* harmony import */ var _snapshot_atomic_file_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(5118);
/* harmony import */ var _snapshot_format_js__WEBPACK_IMPORTED_MODULE_4__ = __nccwpck_require__(6957);
/* harmony import */ var _snapshot_reader_js__WEBPACK_IMPORTED_MODULE_5__ = __nccwpck_require__(3580);
/* harmony import */ var _chunks_js__WEBPACK_IMPORTED_MODULE_6__ = __nccwpck_require__(9463);
/* harmony import */ var _layout_js__WEBPACK_IMPORTED_MODULE_7__ = __nccwpck_require__(5891);
/**
 * Snapshot records: a `.vitsnap` file without its blocks, which live in the store as chunks.
 *
 *   "VSREC001" | snapshot size u64 LE | the snapshot's header (32) | everything after its blocks
 *
 * A record is named by the SHA-256 of the whole standalone file, so `store export` can prove it
 * gave back the very bytes that were added. Its mtime is when the snapshot was last used (GC's LRU).
 */








const RECORD_MAGIC = Buffer.from('VSREC001', 'latin1');
const RECORD_PREFIX = 16;
function recordPath(layout, id) {
    return (0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(layout.snapshots, id);
}
/** Writes a record from the snapshot's header and the bytes after its blocks. */
function writeRecord(layout, id, snapshotSize, header, tail) {
    const prefix = Buffer.alloc(RECORD_PREFIX);
    RECORD_MAGIC.copy(prefix, 0);
    prefix.writeBigUInt64LE(BigInt(snapshotSize), 8);
    const out = new _snapshot_atomic_file_js__WEBPACK_IMPORTED_MODULE_3__/* .AtomicFile */ .A0(recordPath(layout, id));
    try {
        out.write(prefix);
        out.write(header);
        out.write(tail);
        out.commit();
    }
    catch (error) {
        out.abort();
        throw error;
    }
}
function storeChunkSource(layout) {
    return { readChunk: (sha256, length) => (0,_chunks_js__WEBPACK_IMPORTED_MODULE_6__/* .readChunk */ .ar)(layout, sha256.toString('hex'), length) };
}
/** Opens a stored snapshot for reading; its chunks come from the store, each verified as read. */
function openRecord(layout, id, label = `store:${id.slice(0, 12)}`) {
    const path = recordPath(layout, id);
    let fd;
    try {
        fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(path, 'r');
    }
    catch (error) {
        if (error.code === 'ENOENT')
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .OperationError */ .OK('E_NOT_FOUND', `snapshot ${id.slice(0, 12)} is not in store ${layout.root}; list them with vitsnap store ls`);
        throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_2__/* .fromSystemError */ .Kh)(error, `cannot open snapshot ${id.slice(0, 12)} in store ${layout.root}`);
    }
    try {
        const recordSize = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd).size;
        const prefix = Buffer.alloc(RECORD_PREFIX);
        const n = recordSize >= RECORD_PREFIX ? readPrefix(fd, prefix) : 0;
        if (n !== RECORD_PREFIX || !prefix.subarray(0, 8).equals(RECORD_MAGIC)) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .SnapshotFormatError */ .wv('E_CORRUPT', `${path} is not a snapshot record: the store is damaged; remove it with vitsnap store rm ${id.slice(0, 12)}`);
        }
        const size = Number(prefix.readBigUInt64LE(8));
        const kept = recordSize - RECORD_PREFIX;
        if (!Number.isSafeInteger(size) || size < kept || kept < _snapshot_format_js__WEBPACK_IMPORTED_MODULE_4__/* .HEADER_SIZE */ .Ad) {
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .SnapshotFormatError */ .wv('E_CORRUPT', `${path} has an impossible snapshot size: the store is damaged; remove it with vitsnap store rm ${id.slice(0, 12)}`);
        }
        const view = { fd, size, prefix: RECORD_PREFIX, gapStart: _snapshot_format_js__WEBPACK_IMPORTED_MODULE_4__/* .HEADER_SIZE */ .Ad, gapLength: size - kept };
        const reader = _snapshot_reader_js__WEBPACK_IMPORTED_MODULE_5__/* .SnapshotReader */ .a.openDetached(label, view, storeChunkSource(layout));
        const parent = reader.summary.parent;
        // A store holds every stored delta's parent (add and rm see to it).
        if (parent !== null)
            reader.parentLoader = () => openRecord(layout, parent);
        return reader;
    }
    catch (error) {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
        throw error;
    }
}
function readPrefix(fd, into) {
    let done = 0;
    while (done < into.length) {
        const n = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readSync)(fd, into, done, into.length - done, done);
        if (n === 0)
            break;
        done += n;
    }
    return done;
}
function touchRecord(layout, id) {
    const now = new Date();
    try {
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.utimesSync)(recordPath(layout, id), now, now);
    }
    catch {
        // a record removed meanwhile; nothing to mark
    }
}
function listRecords(layout) {
    const names = readNames(layout);
    const out = [];
    for (const id of (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(layout.snapshots).filter(_layout_js__WEBPACK_IMPORTED_MODULE_7__/* .isDigestHex */ .aH).sort()) {
        let fd;
        try {
            fd = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.openSync)(recordPath(layout, id), 'r');
        }
        catch {
            continue; // removed meanwhile
        }
        try {
            const st = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.fstatSync)(fd);
            out.push({ id, names: [...names].filter(([, target]) => target === id).map(([name]) => name).sort(), recordBytes: st.size, lastUsedMs: st.mtimeMs });
        }
        finally {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.closeSync)(fd);
        }
    }
    return out;
}
/** name → snapshot id, skipping names that do not hold an id. */
function readNames(layout) {
    const out = new Map();
    for (const name of (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(layout.names)) {
        if (name.startsWith('.'))
            continue;
        try {
            const id = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(layout.names, name), 'utf8').trim();
            if ((0,_layout_js__WEBPACK_IMPORTED_MODULE_7__/* .isDigestHex */ .aH)(id))
                out.set(name, id);
        }
        catch {
            // removed meanwhile
        }
    }
    return out;
}
function setName(layout, name, id) {
    const out = new _snapshot_atomic_file_js__WEBPACK_IMPORTED_MODULE_3__/* .AtomicFile */ .A0((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(layout.names, (0,_layout_js__WEBPACK_IMPORTED_MODULE_7__/* .checkName */ .I3)(name)));
    try {
        out.write(Buffer.from(`${id}\n`));
        out.commit();
    }
    catch (error) {
        out.abort();
        throw error;
    }
}
/**
 * A snapshot by name, full id, or an id prefix of at least 6 hex digits that only one snapshot
 * has (`store:` in front is allowed, as other commands take it).
 */
function resolveRef(layout, ref) {
    const text = ref.startsWith('store:') ? ref.slice('store:'.length) : ref;
    const named = readNames(layout).get(text);
    if (named !== undefined)
        return named;
    const ids = (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.readdirSync)(layout.snapshots).filter(_layout_js__WEBPACK_IMPORTED_MODULE_7__/* .isDigestHex */ .aH);
    if (/^[0-9a-f]{6,64}$/.test(text)) {
        const matches = ids.filter((id) => id.startsWith(text));
        if (matches.length === 1)
            return matches[0];
        if (matches.length > 1)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .OperationError */ .OK('E_USAGE', `${text} matches ${matches.length} snapshots in store ${layout.root}; give more digits`);
    }
    throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .OperationError */ .OK('E_NOT_FOUND', `no snapshot named or starting with ${JSON.stringify(text)} in store ${layout.root}; list them with vitsnap store ls`);
}
/** Removes a snapshot's record and every name pointing at it; its chunks go at the next GC. */
function removeRecord(layout, id) {
    const removedNames = [];
    for (const [name, target] of readNames(layout)) {
        if (target !== id)
            continue;
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(layout.names, name), { force: true });
        removedNames.push(name);
    }
    (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.rmSync)(recordPath(layout, id), { force: true });
    return removedNames;
}
/** The stored snapshots that are deltas on `id`: they cannot be read once it is gone. */
function deltasOn(layout, id) {
    const out = [];
    for (const s of listRecords(layout)) {
        if (s.id === id)
            continue;
        try {
            const reader = openRecord(layout, s.id);
            try {
                if (reader.summary.parent === id)
                    out.push(s.id);
            }
            finally {
                reader.close();
            }
        }
        catch {
            // an unreadable record is no child we can know of
        }
    }
    return out;
}


/***/ }),

/***/ 1888:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   e7: () => (/* binding */ StoreSession),
/* harmony export */   uM: () => (/* binding */ GcLock)
/* harmony export */ });
/* unused harmony export liveSessions */
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(7598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(6760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__nccwpck_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(3916);
/**
 * Who may touch a store's chunks at once. Adding and reading need no lock between themselves:
 * chunks are written once and renamed into place. Only GC must not run while someone relies on a
 * chunk it might delete, so each such process announces itself with a session file, and GC holds
 * `gc.lock`. Each side writes its own claim first and then looks for the other's (as in Dekker's
 * algorithm): at least one of them sees the other, and the session backs off, so GC never sweeps
 * a chunk a live session is using. A claim whose process has died (SIGKILL, power loss) is stale
 * and is removed by whoever finds it.
 */




const POLL_MS = 50;
/** A claim file or lock still without its owner after this long was left by a process killed while writing it. */
const UNFINISHED_CLAIM_MS = 10_000;
function olderThan(path, ms) {
    try {
        return Date.now() - (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.statSync)(path).mtimeMs > ms;
    }
    catch {
        return true;
    }
}
function startTimeOf(pid) {
    try {
        const stat = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(`/proc/${pid}/stat`, 'latin1');
        // Field 22, counted after the command name, which is in parentheses and may hold spaces.
        return stat.slice(stat.lastIndexOf(')') + 2).split(' ')[19] ?? null;
    }
    catch {
        return null;
    }
}
const OWN_CLAIM = { pid: process.pid, start: startTimeOf(process.pid), what: '' };
function isAlive(claim) {
    if (claim.pid === process.pid)
        return true;
    try {
        process.kill(claim.pid, 0);
    }
    catch (error) {
        if (error.code === 'ESRCH')
            return false;
    }
    const start = startTimeOf(claim.pid);
    return claim.start === null || start === null || start === claim.start;
}
function readClaim(path) {
    try {
        const parsed = JSON.parse((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readFileSync)(path, 'utf8'));
        if (typeof parsed.pid !== 'number')
            return null;
        return { pid: parsed.pid, start: typeof parsed.start === 'string' ? parsed.start : null, what: typeof parsed.what === 'string' ? parsed.what : '' };
    }
    catch {
        return null;
    }
}
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
/** Sessions start synchronously (readers open snapshots synchronously); waiting for a GC blocks. */
function sleepSync(ms) {
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}
/** The live sessions, after removing those of dead processes. */
function liveSessions(layout) {
    let names = [];
    try {
        names = (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readdirSync)(layout.sessions);
    }
    catch {
        return [];
    }
    const live = [];
    for (const name of names) {
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(layout.sessions, name);
        const claim = readClaim(path);
        // A file being written has no JSON yet: its writer has just started, unless it is old.
        if (claim === null) {
            if (olderThan(path, UNFINISHED_CLAIM_MS))
                (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)(path, { force: true });
            else
                live.push({ pid: -1, start: null, what: 'starting' });
            continue;
        }
        if (isAlive(claim))
            live.push(claim);
        else
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)(path, { force: true });
    }
    return live;
}
/** The running GC's claim, removing it when its process is gone. */
function liveGc(layout) {
    const claim = readClaim((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(layout.gcLock, 'owner'));
    if (claim === null) {
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.readdirSync)(layout.gcLock);
        }
        catch {
            return null; // no lock
        }
        // A lock directory without an owner yet: its GC is starting, unless it was killed doing so.
        if (!olderThan(layout.gcLock, UNFINISHED_CLAIM_MS))
            return { pid: -1, start: null, what: 'gc' };
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)(layout.gcLock, { recursive: true, force: true });
        return null;
    }
    if (isAlive(claim))
        return claim;
    (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)(layout.gcLock, { recursive: true, force: true });
    return null;
}
class StoreSession {
    path;
    constructor(path) {
        this.path = path;
    }
    /** Announces a process that reads or adds chunks; waits (up to `waitMs`) while a GC runs. */
    static begin(layout, what, waitMs = 10 * 60_000) {
        const path = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(layout.sessions, `${process.pid}-${(0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.randomBytes)(6).toString('hex')}`);
        const body = JSON.stringify({ ...OWN_CLAIM, what });
        const deadline = Date.now() + waitMs;
        for (;;) {
            try {
                (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeFileSync)(path, body, { flag: 'wx' });
            }
            catch (error) {
                throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .fromSystemError */ .Kh)(error, `cannot use store ${layout.root}`);
            }
            const gc = liveGc(layout);
            if (gc === null)
                return new StoreSession(path);
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.unlinkSync)(path);
            if (Date.now() > deadline) {
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .OperationError */ .OK('E_BUSY', `store ${layout.root} is being garbage-collected (pid ${gc.pid}); try again when it has finished`);
            }
            sleepSync(POLL_MS);
        }
    }
    end() {
        if (this.path === null)
            return;
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)(this.path, { force: true });
        this.path = null;
    }
}
class GcLock {
    layout;
    held = true;
    constructor(layout) {
        this.layout = layout;
    }
    /**
     * Takes the GC lock, then waits (up to `waitMs`) until no session is live. Sessions that start
     * meanwhile see the lock and wait for it.
     */
    static async acquire(layout, waitMs = 60_000) {
        for (let attempt = 0;; attempt++) {
            try {
                (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.mkdirSync)(layout.gcLock);
                break;
            }
            catch (error) {
                if (error.code !== 'EEXIST')
                    throw (0,_errors_js__WEBPACK_IMPORTED_MODULE_3__/* .fromSystemError */ .Kh)(error, `cannot lock store ${layout.root}`);
                const owner = liveGc(layout);
                if (owner !== null && attempt > 0) {
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .OperationError */ .OK('E_BUSY', `another vitsnap store gc (pid ${owner.pid}) is running on ${layout.root}; wait for it to finish`);
                }
                if (owner !== null)
                    await sleep(POLL_MS);
            }
        }
        const lock = new GcLock(layout);
        try {
            (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.writeFileSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(layout.gcLock, 'owner'), JSON.stringify({ ...OWN_CLAIM, what: 'gc' }));
            const deadline = Date.now() + waitMs;
            for (;;) {
                const live = liveSessions(layout);
                if (live.length === 0)
                    return lock;
                if (Date.now() > deadline) {
                    const pids = live.map((c) => `${c.pid} (${c.what})`).join(', ');
                    throw new _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .OperationError */ .OK('E_BUSY', `store ${layout.root} is in use by ${pids}; run vitsnap store gc again when they have finished`);
                }
                await sleep(POLL_MS);
            }
        }
        catch (error) {
            lock.release();
            throw error;
        }
    }
    release() {
        if (!this.held)
            return;
        this.held = false;
        (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.rmSync)(this.layout.gcLock, { recursive: true, force: true });
    }
}


/***/ }),

/***/ 311:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   x: () => (/* binding */ VERSION)
/* harmony export */ });
/** The vitsnap version recorded in every snapshot; kept equal to package.json by a test. */
const VERSION = '0.1.0';


/***/ }),

/***/ 5384:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _cli_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(9950);
/* harmony import */ var _heap_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(8604);
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

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 1421:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:child_process");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 1455:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs/promises");

/***/ }),

/***/ 8161:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:os");

/***/ }),

/***/ 6760:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:path");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

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
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
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
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
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
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(5384);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
