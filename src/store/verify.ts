/**
 * `store verify`: every chunk object decodes to bytes that match its name, every record's
 * sections match their checksums, and every chunk a record references is there and good.
 */
import { readFileSync } from 'node:fs';
import { sha256File } from '../snapshot/metadata/lockfiles.js';
import { decodeChunk } from './chunks.js';
import { chunkSizes, referencedChunks } from './gc.js';
import { chunkPath, type StoreLayout } from './layout.js';
import { listPlainCopies } from './plain.js';
import { listRecords } from './records.js';
import { StoreSession } from './sessions.js';

export interface StoreVerifyReport {
  snapshots: number;
  chunks: number;
  bytes: number;
  /** Chunks no snapshot references (GC removes them). */
  orphans: number;
  badChunks: { digest: string; reason: string }[];
  damaged: { id: string; reason: string }[];
  /** Plain copies (restore --link) whose bytes no longer match their name: edited through a hardlink. */
  modifiedPlain: string[];
}

export async function verifyStore(layout: StoreLayout, onProgress?: (done: number, total: number) => void): Promise<StoreVerifyReport> {
  const session = StoreSession.begin(layout, 'verify');
  try {
    const sizes = chunkSizes(layout);
    const bad = new Map<string, string>();
    let done = 0;
    for (const digest of sizes.keys()) {
      try {
        decodeChunk(readFileSync(chunkPath(layout, digest)), digest, layout.root);
      } catch (error) {
        bad.set(digest, (error as Error).message);
      }
      onProgress?.(++done, sizes.size);
    }
    const referenced = new Set<string>();
    const damaged: StoreVerifyReport['damaged'] = [];
    const snapshots = listRecords(layout);
    for (const s of snapshots) {
      let digests: string[];
      try {
        digests = referencedChunks(layout, s.id);
      } catch (error) {
        damaged.push({ id: s.id, reason: (error as Error).message });
        continue;
      }
      const missing = digests.filter((d) => !sizes.has(d));
      const broken = digests.filter((d) => bad.has(d));
      for (const d of digests) referenced.add(d);
      if (missing.length > 0 || broken.length > 0) {
        const parts = [missing.length > 0 ? `${missing.length} chunk(s) missing (${missing[0]?.slice(0, 12)}…)` : '', broken.length > 0 ? `${broken.length} chunk(s) damaged (${broken[0]?.slice(0, 12)}…)` : ''];
        damaged.push({ id: s.id, reason: parts.filter((p) => p !== '').join(', ') });
      }
    }
    const modifiedPlain = listPlainCopies(layout)
      .filter((p) => {
        try {
          return sha256File(p.path) !== p.sha256;
        } catch {
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
  } finally {
    session.end();
  }
}
