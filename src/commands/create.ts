import type { Command } from './args.js';

export const createCommand: Command = {
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
    const { runCreate } = await import('./create-run.js');
    return runCreate(argv, ctx);
  },
};
