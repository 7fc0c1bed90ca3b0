/**
 * Worst-case snapshots at the reader's limits (LIMITS in src/snapshot/format.ts), each as cheap
 * to build as possible: what `manifest-limits.test.ts` reads in a child process with a capped heap.
 */
import { CHUNK_RECORD_SIZE, LIMITS } from '../../src/snapshot/format.js';
import { zstdCompress } from '../../src/snapshot/codecs.js';
import { assembleSnapshot, summaryFor } from './forge-sections.js';

const EMPTY_SHA = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** `count` distinct, sorted hex digests: the index in the first 8 hex digits, then a fixed tail. */
function digestHex(i: number): string {
  return i.toString(16).padStart(8, '0') + 'ab'.repeat(28);
}

/** Joins JSON texts into an array without one giant intermediate string. */
function jsonArray(count: number, item: (i: number) => string): Buffer {
  const parts: Buffer[] = [Buffer.from('[')];
  let batch: string[] = [];
  for (let i = 0; i < count; i++) {
    batch.push(item(i));
    if (batch.length === 50_000 || i === count - 1) {
      parts.push(Buffer.from((i + 1 > batch.length ? ',' : '') + batch.join(',')));
      batch = [];
    }
  }
  parts.push(Buffer.from(']'));
  return Buffer.concat(parts);
}

const summary = (counts: Parameters<typeof summaryFor>[0], extra?: Record<string, unknown>): Buffer => Buffer.from(JSON.stringify(summaryFor(counts, extra)));

/** LIMITS.entryCount directories whose paths fill the entries section up to LIMITS.entriesRawBytes. */
export function entriesAtCountLimit(): Buffer {
  const n = LIMITS.entryCount;
  const item = (path: string): string => `{"mode":493,"path":"${path}","type":"dir"}`;
  // Each entry and its comma take an equal share of the section; paths are a common prefix and a serial number.
  const pad = Math.floor((LIMITS.entriesRawBytes - 2) / n) - (item('').length + 1) - 8;
  const prefix = 'p'.repeat(pad);
  const entriesRaw = jsonArray(n, (i) => item(`${prefix}${String(i).padStart(8, '0')}`));
  return assembleSnapshot({ entriesRaw, summaryRaw: summary({ files: 0, dirs: n, symlinks: 0, blocks: 0, chunks: 0 }) });
}

/** As many file entries as the section holds, each with its own digest: the most objects and strings per byte. */
export function entriesAtSizeLimit(): Buffer {
  const item = (i: number): string => `{"class":"text","mode":420,"path":"${String(i).padStart(8, '0')}","sha256":"${digestHex(i)}","size":0,"type":"file"}`;
  const n = Math.floor((LIMITS.entriesRawBytes - 2) / (item(0).length + 1));
  const entriesRaw = jsonArray(n, item);
  return assembleSnapshot({ entriesRaw, summaryRaw: summary({ files: n, dirs: 0, symlinks: 0, blocks: 0, chunks: 0 }) });
}

/** Files whose chunk lists of distinct digests fill the entries section: the most strings per byte. */
export function entriesFullOfChunkDigests(): Buffer {
  const digests = Math.floor(LIMITS.entriesRawBytes / (64 + 3)) - 1000;
  const files = 4;
  const perFile = Math.min(LIMITS.entryMembers, Math.floor(digests / files));
  const entriesRaw = jsonArray(files, (f) => {
    const chunks = Array.from({ length: perFile }, (_, i) => `"${digestHex(f * perFile + i)}"`).join(',');
    return `{"chunks":[${chunks}],"class":"binary","mode":420,"path":"f${f}","sha256":"${EMPTY_SHA}","size":${perFile * 1024},"type":"file"}`;
  });
  return assembleSnapshot({ entriesRaw, summaryRaw: summary({ files, dirs: 0, symlinks: 0, blocks: 0, chunks: 0 }) });
}

/** A manifest section of LIMITS.manifestRawBytes: strings of two-byte characters, each at the string limit. */
export function manifestOfLongStrings(): Buffer {
  const each = 'é'.repeat(Math.floor((LIMITS.manifestStringBytes - 2) / 2));
  const count = Math.floor((LIMITS.manifestRawBytes - 4096) / (each.length * 2 + 3));
  const summaryRaw = summary({ files: 0, dirs: 0, symlinks: 0, blocks: 0, chunks: 0 }, { padding: Array.from({ length: count }, () => each) });
  return assembleSnapshot({ entriesRaw: Buffer.from('[]'), summaryRaw });
}

/** A manifest section padded with whitespace up to LIMITS.manifestRawBytes. */
export function manifestOfWhitespace(): Buffer {
  const body = summary({ files: 0, dirs: 0, symlinks: 0, blocks: 0, chunks: 0 });
  const summaryRaw = Buffer.concat([body.subarray(0, 1), Buffer.alloc(LIMITS.manifestRawBytes - body.length, 0x20), body.subarray(1)]);
  return assembleSnapshot({ entriesRaw: Buffer.from('[]'), summaryRaw });
}

/** LIMITS.chunkCount chunk records (empty chunks of one block) and LIMITS.blockCount-ish blocks would not fit a test; this is the chunk table at its cap. */
export function indexAtChunkLimit(): Buffer {
  const n = LIMITS.chunkCount;
  const table = Buffer.alloc(n * CHUNK_RECORD_SIZE);
  for (let i = 0; i < n; i++) {
    table.writeUInt32BE(i, i * CHUNK_RECORD_SIZE); // sorted, unique digests
    // block 0, offset 0, length 0: inside the block
  }
  const raw = Buffer.alloc(1024);
  const block = { stored: zstdCompress(raw, 1), rawLength: raw.length, codec: 1 as const, width: 0 };
  return assembleSnapshot({
    blocks: [block],
    chunkTable: table,
    entriesRaw: Buffer.from('[]'),
    summaryRaw: summary({ files: 0, dirs: 0, symlinks: 0, blocks: 1, chunks: n }),
  });
}

export const LIMIT_SNAPSHOTS = {
  'entries at the count limit': entriesAtCountLimit,
  'entries at the size limit': entriesAtSizeLimit,
  'entries full of chunk digests': entriesFullOfChunkDigests,
  'manifest of long strings': manifestOfLongStrings,
  'manifest of whitespace': manifestOfWhitespace,
  'chunk table at its limit': indexAtChunkLimit,
} as const;
