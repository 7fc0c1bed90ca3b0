/**
 * Builds `.vitsnap` files with any manifest we like — including ones capture would never write —
 * through the real encoders (AtomicFile, encodeBlock, writeSnapshotTail). For hostile-input tests.
 */
import { createHash } from 'node:crypto';
import { AtomicFile } from '../../src/snapshot/atomic-file.js';
import { encodeBlock } from '../../src/snapshot/codecs.js';
import { Codec, encodeHeader, type BlockRecord, type ChunkRecord } from '../../src/snapshot/format.js';
import { writeSnapshotTail } from '../../src/snapshot/snapshot-tail.js';

export interface ForgedEntry {
  path: string;
  type: 'file' | 'dir' | 'symlink';
  mode?: number;
  content?: Buffer | string;
  target?: string;
  /**
   * The file is `content` this many times over, stored once: its chunk list names that one chunk
   * `repeat` times (how a forged snapshot claims far more bytes than it holds). `content` must
   * not be empty.
   */
  repeat?: number;
  /** Record this SHA-256 for the file instead of its content's: a file that restores wrong, or too big to hash. */
  sha256?: string;
}

/** SHA-256 of `content` repeated `times` times, without building it. */
function repeatedDigest(content: Buffer, times: number): string {
  const hash = createHash('sha256');
  for (let i = 0; i < times; i++) hash.update(content);
  return hash.digest('hex');
}

const sha = (b: Buffer): Buffer => createHash('sha256').update(b).digest();

/** Writes `entries` in the given order (no sorting, no dedup of paths), one zstd block per file. */
export function forgeSnapshot(outPath: string, entries: ForgedEntry[], patch?: (manifest: Record<string, unknown>) => void): void {
  const out = new AtomicFile(outPath);
  out.write(encodeHeader());
  const blocks: BlockRecord[] = [];
  const chunks: ChunkRecord[] = [];
  const seen = new Set<string>();
  const manifestEntries = entries.map((e) => {
    if (e.type === 'dir') return { type: 'dir', path: e.path, mode: e.mode ?? 0o755 };
    if (e.type === 'symlink') return { type: 'symlink', path: e.path, target: e.target ?? 'x' };
    const content = Buffer.from(e.content ?? '');
    const digest = sha(content);
    const hex = digest.toString('hex');
    if (content.length > 0 && !seen.has(hex)) {
      seen.add(hex);
      const stored = encodeBlock(content, Codec.zstd, 0, 3);
      blocks.push({ offset: out.position, storedLength: stored.length, rawLength: content.length, codec: Codec.zstd, width: 0, sha256: sha(stored) });
      out.write(stored);
      chunks.push({ sha256: digest, block: blocks.length - 1, offset: 0, length: content.length });
    }
    const repeat = e.repeat ?? 1;
    if (repeat > 1) {
      const sha256 = e.sha256 ?? repeatedDigest(content, repeat);
      return { type: 'file', path: e.path, mode: e.mode ?? 0o644, size: content.length * repeat, sha256, chunks: Array<string>(repeat).fill(hex), class: 'text' };
    }
    return { type: 'file', path: e.path, mode: e.mode ?? 0o644, size: content.length, sha256: e.sha256 ?? hex, class: 'text' };
  });
  const manifest: Record<string, unknown> & { entries: unknown } = {
    tool: { name: 'vitsnap', version: 'forged' },
    createdAt: null,
    source: { repository: null, ref: null, sha: null, dirty: null, runId: null },
    metadata: null,
    entries: manifestEntries,
    parent: null,
    stats: {
      files: entries.filter((e) => e.type === 'file').length,
      dirs: entries.filter((e) => e.type === 'dir').length,
      symlinks: entries.filter((e) => e.type === 'symlink').length,
      bytes: 0,
      chunks: chunks.length,
      blocks: blocks.length,
      storedBytes: 0,
      classes: Object.fromEntries(['text', 'binary', 'compressed', 'tensor'].map((c) => [c, { files: 0, bytes: 0 }])),
    },
  };
  patch?.(manifest);
  return writeTailAndCommit(out, manifest, blocks, chunks);
}

function writeTailAndCommit(out: AtomicFile, manifest: Record<string, unknown> & { entries: unknown }, blocks: BlockRecord[], chunks: ChunkRecord[]): void {
  writeSnapshotTail(out, manifest, blocks, chunks);
  out.commit();
}
