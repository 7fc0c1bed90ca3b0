/**
 * The data a `.vitsnap` snapshot holds: a `Manifest`. On disk its `entries` are one section and
 * everything else (the `ManifestSummary`) another, both canonical JSON.
 */

/** How a file's bytes are stored: decides the codec of the blocks that hold them. */
export type ContentClass = 'text' | 'binary' | 'compressed' | 'tensor';

export interface FileEntry {
  type: 'file';
  /** POSIX path relative to the snapshot root, no `.`/`..` segments, no leading `/`. */
  path: string;
  /** Permission bits (`mode & 0o7777`). */
  mode: number;
  size: number;
  /** SHA-256 of the file's bytes, lowercase hex (what `sha256sum` prints). */
  sha256: string;
  /** Content-defined chunk digests in file order; absent when the file is one chunk (its `sha256`). */
  chunks?: string[];
  class: ContentClass;
  /** Delta snapshots only: chunks of this file made by patching a range of a file of the parent. */
  patches?: PatchRef[];
}

/**
 * Chunk `chunk` (`size` bytes) is `patch` (a chunk of this snapshot holding one zstd frame)
 * decompressed with bytes [offset, offset + length) of the parent's file whose SHA-256 is `base`
 * as the dictionary.
 */
export interface PatchRef {
  chunk: string;
  size: number;
  patch: string;
  base: string;
  offset: number;
  length: number;
}

export interface DirEntry {
  type: 'dir';
  path: string;
  mode: number;
}

export interface SymlinkEntry {
  type: 'symlink';
  path: string;
  /** The link's target text, recorded as is and never followed. */
  target: string;
}

export type Entry = FileEntry | DirEntry | SymlinkEntry;

export interface ToolchainProbe {
  /** Probe name, e.g. `gcc`, `node`, `javac`. */
  name: string;
  /** The command line that produced `version`. */
  command: string;
  found: boolean;
  /** Resolved absolute path of the executable found on PATH. */
  path?: string;
  /** `path` with symlinks resolved. */
  realpath?: string;
  /** SHA-256 of the resolved executable. */
  sha256?: string;
  /** Trimmed version text (first lines of its output). */
  version?: string;
  /** Why the probe failed (timeout, non-zero exit), when it did. */
  error?: string;
}

export interface RunnerInfo {
  os: string;
  arch: string;
  /** Kernel release. */
  release: string;
  /** PRETTY_NAME from /etc/os-release, when readable. */
  distro?: string;
  /** GitHub runner image (ImageOS / ImageVersion), when set. */
  image?: string;
  imageVersion?: string;
}

export interface LockfileDigest {
  path: string;
  sha256: string;
}

export interface CommandOutput {
  name: string;
  command: string;
  exitCode: number | null;
  /** Trimmed stdout, capped. */
  stdout: string;
  error?: string;
}

export interface Metadata {
  toolchains: ToolchainProbe[];
  runner: RunnerInfo;
  /** Only allowlisted build-environment variables; never anything else. */
  env: Record<string, string>;
  /** Process umask as octal text, e.g. `0022`. */
  umask: string;
  lockfiles: LockfileDigest[];
  commands: CommandOutput[];
}

export interface SourceInfo {
  repository: string | null;
  ref: string | null;
  sha: string | null;
  dirty: boolean | null;
  runId: string | null;
}

export interface SnapshotStats {
  files: number;
  dirs: number;
  symlinks: number;
  /** Sum of file sizes. */
  bytes: number;
  /** Unique chunks stored. */
  chunks: number;
  blocks: number;
  /** Sum of stored (compressed) block lengths. */
  storedBytes: number;
  /** Files and bytes per content class. */
  classes: Record<ContentClass, ClassStats>;
}

export interface ClassStats {
  files: number;
  bytes: number;
}

export interface Manifest {
  tool: { name: 'vitsnap'; version: string };
  /** From SOURCE_DATE_EPOCH only; null when it is not set, so snapshots stay reproducible. */
  createdAt: string | null;
  source: SourceInfo;
  metadata: Metadata | null;
  /** Sorted by path (UTF-8 byte order), unique. */
  entries: Entry[];
  /** SHA-256 of the parent snapshot for delta snapshots; null for a standalone snapshot. */
  parent: string | null;
  /** Delta snapshots: layers down to a full snapshot (1 on a full parent). */
  depth?: number;
  /** Delta snapshots: where the parent was found when this one was made (a file name, `store:…`, `oci://…`); a hint. */
  parentRef?: string;
  /** Delta snapshots: the entries section is a patch against the parent's (docs/format.md 16). */
  entriesPatch?: true;
  stats: SnapshotStats;
}

/** Everything but the entries: what `info` shows, read without touching the entry list. */
export type ManifestSummary = Omit<Manifest, 'entries'>;
