import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isVitsnapError } from '../../src/errors.js';
import { captureSnapshot } from '../../src/snapshot/capture.js';
import { BLOCK_RECORD_SIZE, CHUNK_RECORD_SIZE, TRAILER_SIZE } from '../../src/snapshot/format.js';
import { SnapshotReader } from '../../src/snapshot/reader.js';
import { seededBytes } from '../helpers/trees.js';

const FORMAT_CODES = new Set(['E_BAD_MAGIC', 'E_VERSION', 'E_TRUNCATED', 'E_CHECKSUM', 'E_LIMIT', 'E_CORRUPT', 'E_MANIFEST']);

const work = mkdtempSync(join(tmpdir(), 'vitsnap-corrupt-'));
const probe = join(work, 'probe.vitsnap');
let good: Buffer;

beforeAll(async () => {
  const src = join(work, 'src');
  mkdirSync(join(src, 'd'), { recursive: true });
  writeFileSync(join(src, 'a.txt'), 'hello, snapshot\n'.repeat(40));
  writeFileSync(join(src, 'd/b.bin'), seededBytes(3000, 5, false));
  writeFileSync(join(src, 'd/c.json'), JSON.stringify({ n: [1, 2, 3] }));
  writeFileSync(join(src, 'empty'), '');
  const r = await captureSnapshot({ root: src, patterns: [], output: join(work, 'good.vitsnap'), metadata: null });
  good = readFileSync(r.output);
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Opens and fully verifies `bytes`; returns the error code, or 'ok'. Anything but a typed format error fails the test. */
function check(bytes: Buffer): string {
  writeFileSync(probe, bytes);
  let reader: SnapshotReader | undefined;
  try {
    reader = SnapshotReader.open(probe);
    reader.verify();
    for (const e of reader.manifest.entries) if (e.type === 'file') reader.readFileBuffer(e);
    return 'ok';
  } catch (error) {
    if (!isVitsnapError(error) || !FORMAT_CODES.has(error.code)) throw error;
    return error.code;
  } finally {
    reader?.close();
  }
}

function trailerOf(buf: Buffer): Buffer {
  return buf.subarray(buf.length - TRAILER_SIZE);
}

/** Recomputes the index digest (when the index changed) and the trailer checksum, so the bounds checks beneath them are what is tested. */
function reseal(buf: Buffer): Buffer {
  const t = trailerOf(buf);
  const indexOffset = Number(t.readBigUInt64LE(56));
  const indexLength = Number(t.readBigUInt64LE(64));
  if (indexOffset + indexLength <= buf.length - TRAILER_SIZE) {
    createHash('sha256').update(buf.subarray(indexOffset, indexOffset + indexLength)).digest().copy(t, 144);
  }
  createHash('sha256').update(t.subarray(0, 176)).digest().subarray(0, 16).copy(t, 176);
  return buf;
}

describe('reading corrupt snapshots', () => {
  it('reads the intact snapshot', () => {
    expect(check(good)).toBe('ok');
  });

  it('rejects every truncation with a typed error', () => {
    for (let length = 0; length < good.length; length++) {
      const code = check(good.subarray(0, length));
      expect(['E_TRUNCATED', 'E_BAD_MAGIC', 'E_CORRUPT']).toContain(code);
    }
  });

  it('detects every one of 10,000 random byte flips', () => {
    fc.assert(
      fc.property(fc.nat(good.length - 1), fc.integer({ min: 1, max: 255 }), (at, xor) => {
        const bad = Buffer.from(good);
        bad[at] = (bad[at] as number) ^ xor;
        expect(check(bad)).not.toBe('ok');
      }),
      { numRuns: 10_000 },
    );
  });

  it('rejects trailer fields overwritten with hostile values even when the checksum is recomputed', () => {
    const fields: [number, 'u64' | 'u32' | 'u16'][] = [
      [0, 'u16'], [2, 'u16'], [4, 'u32'], [8, 'u64'], [16, 'u64'], [24, 'u64'], [32, 'u64'], [40, 'u64'], [48, 'u64'], [56, 'u64'],
      [64, 'u64'], [72, 'u32'], [76, 'u32'],
    ];
    fc.assert(
      fc.property(fc.constantFrom(...fields), fc.bigInt({ min: 0n, max: 2n ** 64n - 1n }), ([offset, kind], value) => {
        const bad = Buffer.from(good);
        const t = trailerOf(bad);
        const before = Buffer.from(t);
        if (kind === 'u64') t.writeBigUInt64LE(value, offset);
        else if (kind === 'u32') t.writeUInt32LE(Number(value % 2n ** 32n), offset);
        else t.writeUInt16LE(Number(value % 2n ** 16n), offset);
        fc.pre(!t.equals(before));
        expect(check(reseal(bad))).not.toBe('ok');
      }),
      { numRuns: 3000 },
    );
  });

  it('rejects index records overwritten with hostile values even when digests are recomputed', () => {
    const t = trailerOf(good);
    const indexOffset = Number(t.readBigUInt64LE(56));
    const blocks = t.readUInt32LE(72);
    const chunks = t.readUInt32LE(76);
    const slots: number[] = [];
    for (let b = 0; b < blocks; b++) for (const f of [0, 8, 12, 16, 17]) slots.push(indexOffset + b * BLOCK_RECORD_SIZE + f);
    for (let c = 0; c < chunks; c++) for (const f of [0, 32, 36, 40]) slots.push(indexOffset + blocks * BLOCK_RECORD_SIZE + c * CHUNK_RECORD_SIZE + f);
    fc.assert(
      fc.property(fc.constantFrom(...slots), fc.constantFrom(1, 255, 0x7fffffff, 0xffffffff, 16 * 1024 * 1024 + 1), (at, value) => {
        const bad = Buffer.from(good);
        bad.writeUInt32LE(value >>> 0, at);
        fc.pre(!bad.equals(good));
        const code = check(reseal(bad));
        // A changed block digest or chunk digest is caught by checksums; sizes/offsets by bounds checks.
        expect(code).not.toBe('ok');
      }),
      { numRuns: 2000 },
    );
  });

  it('answers a huge claimed block size with an error, not an allocation', () => {
    const t = trailerOf(good);
    const indexOffset = Number(t.readBigUInt64LE(56));
    const bad = Buffer.from(good);
    bad.writeUInt32LE(0xffffffff, indexOffset + 12); // block 0 rawLength
    const before = process.memoryUsage().arrayBuffers;
    expect(check(reseal(bad))).toBe('E_LIMIT');
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(64 * 1024 * 1024);
  });

  it('names the problem for files that are not snapshots', () => {
    expect(check(Buffer.from('just some text, not a snapshot at all, long enough to have a trailer?'.repeat(5)))).toBe('E_BAD_MAGIC');
    const future = Buffer.from(good);
    future.writeUInt16LE(3, 8);
    expect(check(future)).toBe('E_VERSION');
  });
});
