import { afterAll, describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COARSE_RACY_MARGIN_NS, RACY_MARGIN_NS, StatCacheReuse, isUnchanged } from '../../src/incremental/reuse.js';
import { StatTable, decodeStatCache, encodeStatCache, type StatRecord } from '../../src/incremental/stat-cache.js';
import { captureSnapshot } from '../../src/snapshot/capture.js';
import type { HashedFile } from '../../src/snapshot/tasks.js';
import type { WalkedFile } from '../../src/snapshot/walk.js';

const work = mkdtempSync(join(tmpdir(), 'vitsnap-reuse-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const START = 1_733_400_000_000_000_000n;
const HASHED: HashedFile = { sha256: 'ab'.repeat(32), class: 'text', width: 0, chunks: null };

function earlier(over: Partial<StatRecord> = {}): StatRecord {
  return { dev: 5n, ino: 77n, size: 10, mtimeNs: START - 10_000_000_000n, ctimeNs: START - 5_000_000_001n, mode: 0o644, hashed: HASHED, ...over };
}

function walked(r: StatRecord, over: Partial<StatRecord> = {}): WalkedFile {
  const now = { ...r, ...over };
  return { type: 'file', path: 'a', absPath: '/x/a', mode: now.mode, size: now.size, mtimeMs: 0, identity: { dev: now.dev, ino: now.ino, mtimeNs: now.mtimeNs, ctimeNs: now.ctimeNs } };
}

describe('isUnchanged', () => {
  it('trusts a file whose exact stat matches and lies before the racy window', () => {
    expect(isUnchanged(earlier(), START, walked(earlier()))).toBe(true);
  });

  it.each<[string, Partial<StatRecord>]>([
    ['another inode (a fresh checkout or cp -a)', { ino: 78n }],
    ['another device', { dev: 6n }],
    ['another size', { size: 11 }],
    ['another mtime, by one ns (touch)', { mtimeNs: START - 10_000_000_000n + 1n }],
    ['another ctime (an edit whose mtime was put back)', { ctimeNs: START - 5_000_000_000n }],
    ['another mode', { mode: 0o755 }],
  ])('hashes again for %s', (_what, change) => {
    expect(isUnchanged(earlier(), START, walked(earlier(), change))).toBe(false);
  });

  it('hashes again a file walked without identity', () => {
    const file = walked(earlier());
    delete file.identity;
    expect(isUnchanged(earlier(), START, file)).toBe(false);
  });

  it.each<[string, Partial<StatRecord>, boolean]>([
    ['mtime at the start', { mtimeNs: START }, false],
    ['mtime in the future', { mtimeNs: START + 3_600_000_000_000n }, false],
    ['mtime just inside the margin', { mtimeNs: START - RACY_MARGIN_NS }, false],
    ['mtime just before the margin', { mtimeNs: START - RACY_MARGIN_NS - 1n }, true],
    ['ctime inside the margin (changed as the capture started)', { ctimeNs: START - RACY_MARGIN_NS + 1n }, false],
    ['whole-second ctime (a 1-2 s granularity filesystem) 1 s before', { ctimeNs: START - 1_000_000_000n, mtimeNs: START - 1_000_000_000n }, false],
    ['whole-second ctime past the wide margin', { ctimeNs: (START - COARSE_RACY_MARGIN_NS - 1_000_000_000n) / 1_000_000_000n * 1_000_000_000n }, true],
  ])('racy rule: %s → reused %s', (_what, times, reused) => {
    const record = earlier(times);
    expect(isUnchanged(record, START, walked(record))).toBe(reused);
  });
});

describe('capture with a reuse hook', () => {
  it('takes the looked-up result instead of reading the file, and records every file in order', async () => {
    const root = join(work, 'tree');
    mkdirSync(root);
    writeFileSync(join(root, 'a.txt'), 'content a\n');
    writeFileSync(join(root, 'b.txt'), 'content b\n');
    for (const f of ['a.txt', 'b.txt']) utimesSync(join(root, f), 1_600_000_000, 1_600_000_000);
    // A result no hashing of a.txt could produce: it shows the file was not read to hash it.
    const planted: HashedFile = { sha256: createHash('sha256').update('content a\n').digest('hex').replace(/^../, '00'), class: 'text', width: 0, chunks: null };
    const seen: string[] = [];
    const result = await captureSnapshot({
      root,
      patterns: [],
      output: join(work, 'hook.vitsnap'),
      workers: 0,
      metadata: null,
      reuse: {
        hasRecords: true,
        lookup: (file) => {
          expect(file.identity?.ino).toBeGreaterThan(0n);
          return file.path === 'a.txt' ? planted : null;
        },
        record: (file, hashed) => seen.push(`${file.path} ${hashed.sha256.slice(0, 2)}`),
      },
    });
    expect(result.reused).toBe(1);
    const entries = result.manifest.entries.filter((e) => e.type === 'file');
    expect(entries.map((e) => e.sha256)).toEqual([planted.sha256, createHash('sha256').update('content b\n').digest('hex')]);
    expect(seen).toEqual([`a.txt 00`, `b.txt ${createHash('sha256').update('content b\n').digest('hex').slice(0, 2)}`]);
    expect(readFileSync(join(work, 'hook.vitsnap')).length).toBe(result.size);
  });

  it('StatCacheReuse looks up the earlier capture and records this one in the table format', () => {
    const record = earlier();
    const meta = { tool: 't', root: '/x', patterns: [], excludeHidden: false, startNs: START.toString(), snapshot: { trailerSha256: '0'.repeat(64), size: 1 } };
    const table = new StatTable();
    table.add('a', record);
    const reuse = new StatCacheReuse(decodeStatCache(encodeStatCache(meta, table), 'x'));
    const file = walked(record);
    expect(reuse.lookup(file)).toEqual(HASHED);
    expect(reuse.lookup({ ...file, path: 'b' })).toBeNull();
    reuse.record(file, HASHED);
    reuse.record({ ...file, path: 'c', identity: undefined }, HASHED);
    expect([...decodeStatCache(encodeStatCache(meta, reuse.records), 'x').files.entries()]).toEqual([['a', record]]);
    expect(new StatCacheReuse(null).lookup(file)).toBeNull();
  });
});
