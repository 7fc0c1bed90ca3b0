/**
 * Writes what follows the blocks: the entries and the manifest summary (canonical JSON, zstd each),
 * the index and the trailer.
 */
import { createHash } from 'node:crypto';
import type { AtomicFile } from './atomic-file.js';
import { canonicalEntriesJson, canonicalJson } from './canonical-json.js';
import { zstdCompress } from './codecs.js';
import { SnapshotFormatError } from '../errors.js';
import { encodeEntriesPatch } from '../delta/patch.js';
import { FORMAT_MAJOR, LIMITS, encodeIndex, encodeTrailer, type BlockRecord, type ChunkRecord } from './format.js';
import type { Entry } from './types.js';

/** The summary is small and read by `info`; the entry list is large and only read to restore or compare. */
const SUMMARY_LEVEL = 6;
const ENTRIES_LEVEL = 3;
/** A patch this much smaller than the raw list needs no plain frame to beat. */
const CLEARLY_SMALLER = 16;

const sha256 = (data: Buffer): Buffer => createHash('sha256').update(data).digest();

/**
 * `manifest` is written as given (the caller has validated it; tests forge hostile ones): its
 * `entries` become the entries section, the rest the manifest section. `chunks` are sorted here.
 * `wellFormed` entries (capture's own) take the fast serializer; forged ones the generic one.
 * `entriesBase`, for a delta, is the parent's raw entries section: the entries are stored as a
 * patch against it when that is smaller, and the manifest says so (`entriesPatch`, format.md 16).
 * Returns whether they were.
 */
export function writeSnapshotTail(
  out: AtomicFile,
  manifest: { entries: unknown },
  blocks: readonly BlockRecord[],
  chunks: ChunkRecord[],
  wellFormed = false,
  major = FORMAT_MAJOR,
  entriesBase: Buffer | null = null,
): { entriesPatch: boolean } {
  const { entries, ...rest } = manifest;
  const entriesRaw = Buffer.from(wellFormed ? canonicalEntriesJson(entries as Entry[]) : canonicalJson(entries));
  const { stored: entriesStored, entriesPatch } = storeEntries(entriesRaw, entriesBase);
  const summary = entriesPatch ? { ...rest, entriesPatch: true } : rest;
  const summaryRaw = Buffer.from(canonicalJson(summary));
  if (wellFormed) checkReadable(entries as Entry[], entriesRaw, summaryRaw);
  const summaryStored = zstdCompress(summaryRaw, SUMMARY_LEVEL);
  chunks.sort((a, b) => Buffer.compare(a.sha256, b.sha256));
  const index = encodeIndex(blocks, chunks);
  const entriesOffset = out.position;
  const manifestOffset = entriesOffset + entriesStored.length;
  out.write(entriesStored);
  out.write(summaryStored);
  out.write(index);
  out.write(
    encodeTrailer({
      entriesOffset,
      entriesStoredLength: entriesStored.length,
      entriesRawLength: entriesRaw.length,
      manifestOffset,
      manifestStoredLength: summaryStored.length,
      manifestRawLength: summaryRaw.length,
      indexOffset: manifestOffset + summaryStored.length,
      indexLength: index.length,
      blockCount: blocks.length,
      chunkCount: chunks.length,
      entriesSha256: sha256(entriesStored),
      manifestSha256: sha256(summaryStored),
      indexSha256: sha256(index),
    }, major),
  );
  return { entriesPatch };
}

/** The entries as a patch against `base` when there is one and it is smaller, else as plain zstd. */
function storeEntries(raw: Buffer, base: Buffer | null): { stored: Buffer; entriesPatch: boolean } {
  if (base === null) return { stored: zstdCompress(raw, ENTRIES_LEVEL), entriesPatch: false };
  const patch = encodeEntriesPatch(base, raw);
  if (patch.length * CLEARLY_SMALLER <= raw.length) return { stored: patch, entriesPatch: true };
  const plain = zstdCompress(raw, ENTRIES_LEVEL);
  return patch.length < plain.length ? { stored: patch, entriesPatch: true } : { stored: plain, entriesPatch: false };
}

/** A capture must not write what a reader refuses (docs/format.md 9.1): fail now, naming the limit. */
function checkReadable(entries: readonly Entry[], entriesRaw: Buffer, summaryRaw: Buffer): void {
  const over = (what: string): never => {
    throw new SnapshotFormatError('E_LIMIT', `${what}, more than a snapshot can hold (docs/format.md, "Hard limits"); capture fewer files (narrow the globs or capture subdirectories separately)`);
  };
  if (entries.length > LIMITS.entryCount) over(`the tree has ${entries.length} entries, over ${LIMITS.entryCount}`);
  if (entriesRaw.length > LIMITS.entriesRawBytes) over(`the entry list is ${entriesRaw.length} bytes, over ${LIMITS.entriesRawBytes}`);
  if (summaryRaw.length > LIMITS.manifestRawBytes) over(`the manifest is ${summaryRaw.length} bytes, over ${LIMITS.manifestRawBytes}`);
}
