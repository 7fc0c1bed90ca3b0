import type { ExpansionBudget } from './archive/bytes.js';
import type { ByteSource } from './byte-source.js';

/**
 * One `Difference` tree per comparison; every report (text, JSON, Markdown, HTML) presents it.
 * Comparators add children for what they understand (members, fields, sections, lines, bytes);
 * the cause classifier labels each node with evidence-backed causes.
 */

/** Why bytes differ. `content` means no cause was proven: shown as unexplained. */
export type CauseId =
  | 'timestamp'
  | 'build-path'
  | 'file-order'
  | 'build-id'
  | 'permissions'
  | 'symlink'
  | 'toolchain'
  | 'locale'
  | 'env'
  | 'randomness'
  | 'compression'
  | 'content';

export const CAUSE_IDS: readonly CauseId[] = [
  'timestamp', 'build-path', 'file-order', 'build-id', 'permissions', 'symlink', 'toolchain', 'locale', 'env', 'randomness', 'compression', 'content',
];

export interface Cause {
  id: CauseId;
  /** What was found, concretely: `"2026-01-01T00:00:00Z" vs "2026-01-02T…" at offset 0x1f0`. */
  evidence: string;
  /** One line: what to change in the build so this goes away. */
  hint: string;
  /** True when this difference follows from another (a build-id that changed because code did). */
  secondary?: boolean;
}

/** Closed set of comparators, so every table over them stays exhaustive. */
export type ComparatorId =
  | 'json'
  | 'text'
  | 'zip'
  | 'tar'
  | 'ar'
  | 'gzip'
  | 'xz'
  | 'lzma'
  | 'zstd'
  | 'elf'
  | 'pe'
  | 'macho'
  | 'pyc'
  | 'class'
  | 'png'
  | 'sourcemap'
  | 'binary';

export type DifferenceKind =
  | 'added' // only in the new side
  | 'removed' // only in the old side
  | 'modified' // same path, other bytes (children say how)
  | 'renamed' // one file under another name, same bytes (`from` holds the old name)
  | 'type' // file ↔ dir ↔ symlink
  | 'mode' // permission bits
  | 'symlink' // link target
  | 'field' // a header field or attribute (a zip entry's DOS time, gzip MTIME, an ELF note…)
  | 'order' // the same members in another order
  | 'lines' // text lines
  | 'bytes' // byte ranges (binary fallback)
  | 'json'; // structural JSON change

export interface LineHunk {
  /** 1-based first line in old / new, and how many lines each side spans. */
  oldStart: number;
  oldLines: number;
  newStart: number;
  newLines: number;
  /** Lines prefixed ' ' (context), '-' (old only) or '+' (new only). */
  lines: string[];
}

export interface ByteRange {
  /** Offset in the old and new buffers, and the length on each side (they differ for inserts). */
  oldOffset: number;
  oldLength: number;
  newOffset: number;
  newLength: number;
}

export type DiffDetail =
  | { type: 'field'; name: string; before: string; after: string }
  | { type: 'order'; before: string[]; after: string[] }
  | { type: 'lines'; hunks: LineHunk[]; truncated: boolean }
  | {
      type: 'bytes';
      ranges: ByteRange[];
      /** Bytes that differ (or were inserted/removed), and the larger side's size. */
      changedBytes: number;
      totalBytes: number;
      /** Hexdump lines around the first ranges (old, then new). */
      hexdump: { offset: number; before: string; after: string }[];
      truncated: boolean;
      /** Code around the first ranges, disassembled by `tool` (`objdump -d`), when it was on PATH. */
      disassembly?: { tool: string; windows: { offset: number; before: string; after: string }[] };
      /** Why there is no disassembly of code that differs (no objdump on PATH). */
      disassemblyNote?: string;
    }
  | { type: 'json'; changes: JsonChange[]; truncated: boolean };

export interface JsonChange {
  /** JSON Pointer (RFC 6901) to the changed value. */
  pointer: string;
  op: 'add' | 'remove' | 'replace' | 'move';
  before?: string;
  after?: string;
}

export interface Difference {
  /** Display path: `bin/app`, `dist/app.jar!/META-INF/MANIFEST.MF`, `lib.so:.note.gnu.build-id`. */
  path: string;
  kind: DifferenceKind;
  /** The old name of a file paired with `path` across a rename (kind `renamed`, or `modified` when the bytes differ too). */
  from?: string;
  /** The comparator that produced this node (absent for tree-level nodes). */
  comparator?: ComparatorId;
  /** One line a person reads first. */
  summary: string;
  detail?: DiffDetail;
  causes: Cause[];
  children: Difference[];
  /** Why a comparator handed this over to a more generic one, when it did. */
  fallback?: string;
  /** Every cause of this difference is in an ignore profile the user chose: reported, not counted. */
  ignored?: boolean;
  /** Set by a comparator that proved this difference follows from others of the same file (offsets into a string table that changed). */
  consequence?: Consequence;
  /** The language the file was compiled from, when its comparator could tell (a Rust or Go binary): fixes then name that compiler's flags. */
  language?: 'rust' | 'go';
}

/** A difference that follows from others: it takes their causes, as secondary. */
export interface Consequence {
  /** What the differing values are: `offsets into .debug_line_str`. */
  of: string;
  /** What was checked, concretely: how many values, and what they point at. */
  evidence: string;
  /** Display paths of the differences it follows from (nodes of the same file). */
  from: string[];
}

/** Bytes of one side of a compared file, with what is known without reading them. */
export interface FileSide {
  path: string;
  size: number;
  sha256: string;
  /** The first up to 4 KiB, for magic-byte recognition. */
  head: Buffer;
  /** All bytes (capped by the caller's budget). */
  read(): Buffer;
}

export interface CompareLimits {
  /** Containers nest at most this deep (a jar in a tar.gz in a zip …). */
  maxDepth: number;
  /**
   * One side of a top-level file may expand this many bytes in all: every member and stream at
   * every nesting level together (bombs, 42.zip).
   */
  maxExpandedBytes: number;
  /** A whole diff may expand this many bytes, both sides of all files together. */
  maxExpandedBytesPerDiff: number;
  /** Files larger than this are compared as bytes only. */
  maxStructuredBytes: number;
  /** Text diff gives up (with a note) past this many lines on either side. */
  maxTextLines: number;
}

export const DEFAULT_LIMITS: CompareLimits = {
  maxDepth: 8,
  maxExpandedBytes: 256 * 1024 * 1024,
  maxExpandedBytesPerDiff: 4 * 1024 * 1024 * 1024,
  maxStructuredBytes: 64 * 1024 * 1024,
  maxTextLines: 200_000,
};

/** What a comparator gets besides the two buffers: limits, depth, and a way to compare nested members. */
export interface CompareContext {
  limits: CompareLimits;
  depth: number;
  /**
   * What each side of the top-level file may still expand, shared by everything nested in it.
   * Contexts built without one (tests of one comparator) give each archive its own.
   */
  budgets?: SideBudgets;
  /** Compares two nested buffers (archive members, decompressed payloads) with the whole registry. */
  compareNested(path: string, before: Buffer, after: Buffer): Difference;
}

/**
 * A comparator understands one format. `recognizes` looks at magic bytes first, the name second;
 * `compare` returns the children of the file's `modified` node. It may throw `ComparatorFallback`
 * to hand the pair to the next comparator with a reason.
 */
export interface Comparator {
  id: ComparatorId;
  recognizes(path: string, head: Buffer): boolean;
  compare(path: string, before: Buffer, after: Buffer, ctx: CompareContext): Difference[];
  /**
   * The same comparison on files it reads itself (src/compare/byte-source.ts): given, the registry
   * hands large files over unread instead of loading both whole.
   */
  compareSources?(path: string, before: ByteSource, after: ByteSource, ctx: CompareContext): Difference[];
  /** The file-level one-line summary of `children` ("3 sections differ: .text, …"), when the comparator has a better one than the default. */
  describe?(path: string, children: readonly Difference[]): string;
}

export interface SideBudgets {
  before: ExpansionBudget;
  after: ExpansionBudget;
}

/** Thrown by a comparator that cannot handle its input; the registry falls back and records why. */
export class ComparatorFallback extends Error {
  override readonly name = 'ComparatorFallback';
}

/** A path the diff could not compare (a name or symlink target that is not valid UTF-8). */
export interface NotCompared {
  /** Invalid bytes escaped as `\xff`. */
  path: string;
  side: 'before' | 'after' | 'both';
  reason: string;
}

/** How much of a snapshot side's block contents the diff read (it reads only files that differ). */
export interface SideVerification {
  side: 'before' | 'after';
  label: string;
  blocksRead: number;
  blocksTotal: number;
  /** Non-empty files whose contents were not read because their digests matched. */
  filesNotRead: number;
  /** Large changed files of which some blocks were not read: their chunk digests matched the other side's. */
  filesPartlyRead?: number;
}
