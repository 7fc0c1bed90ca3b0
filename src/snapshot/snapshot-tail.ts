/** Writes what follows the blocks: the manifest (canonical JSON, zstd), the index and the trailer. */
import { createHash } from 'node:crypto';
import type { AtomicFile } from './atomic-file.js';
import { canonicalJson } from './canonical-json.js';
import { zstdCompress } from './codecs.js';
import { encodeIndex, encodeTrailer, type BlockRecord, type ChunkRecord } from './format.js';

const MANIFEST_LEVEL = 9;

/** `manifest` is written as given (the caller has validated it); `chunks` are sorted here. */
export function writeSnapshotTail(out: AtomicFile, manifest: unknown, blocks: readonly BlockRecord[], chunks: ChunkRecord[]): void {
  const manifestRaw = Buffer.from(canonicalJson(manifest));
  const manifestStored = zstdCompress(manifestRaw, MANIFEST_LEVEL);
  chunks.sort((a, b) => Buffer.compare(a.sha256, b.sha256));
  const index = encodeIndex(blocks, chunks);
  const manifestOffset = out.position;
  out.write(manifestStored);
  out.write(index);
  out.write(
    encodeTrailer({
      manifestOffset,
      manifestStoredLength: manifestStored.length,
      manifestRawLength: manifestRaw.length,
      indexOffset: manifestOffset + manifestStored.length,
      indexLength: index.length,
      blockCount: blocks.length,
      chunkCount: chunks.length,
      manifestSha256: createHash('sha256').update(manifestStored).digest(),
      indexSha256: createHash('sha256').update(index).digest(),
    }),
  );
}
