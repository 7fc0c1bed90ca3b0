import type { Command } from './args.js';

export const rebuildCommand: Command = {
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
    const { runRebuildCommand } = await import('./rebuild-run.js');
    return runRebuildCommand(argv, ctx);
  },
};
