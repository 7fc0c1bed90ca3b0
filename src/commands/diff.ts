import type { Command } from './args.js';

export const diffCommand: Command = {
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
    const { runDiff } = await import('./diff-run.js');
    return runDiff(argv, ctx);
  },
};
