/**
 * Property: over rounds of random edits, an incremental capture is byte-identical to a full
 * capture of the same tree, and it reuses exactly the files no edit touched.
 */
import { afterAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { chmodSync, closeSync, existsSync, lstatSync, mkdirSync, mkdtempSync, openSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import fc from 'fast-check';
import { startIncremental } from '../../src/incremental/incremental-create.js';
import { captureSnapshot } from '../../src/snapshot/capture.js';
import { seededBytes } from '../helpers/trees.js';

const work = mkdtempSync(join(tmpdir(), 'vitsnap-incr-prop-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const PINNED = 1_609_459_200;
const NAMES = ['a.txt', 'b.bin', 'd/c.txt', 'd/e.bin', 'd/f/g.txt', 'h.txt'];

type Edit =
  | { kind: 'write'; file: number; size: number; seed: number }
  | { kind: 'inplace'; file: number; seed: number }
  | { kind: 'touch'; file: number }
  | { kind: 'chmod'; file: number }
  | { kind: 'delete'; file: number }
  | { kind: 'swap'; file: number; other: number };

const file = fc.nat(NAMES.length - 1);
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ kind: fc.constant('write' as const), file, size: fc.oneof({ weight: 6, arbitrary: fc.nat(300) }, { weight: 1, arbitrary: fc.constant(2 * 1024 * 1024 + 5000) }), seed: fc.nat() }),
  fc.record({ kind: fc.constant('inplace' as const), file, seed: fc.nat() }),
  fc.record({ kind: fc.constant('touch' as const), file }),
  fc.record({ kind: fc.constant('chmod' as const), file }),
  fc.record({ kind: fc.constant('delete' as const), file }),
  fc.record({ kind: fc.constant('swap' as const), file, other: file }),
);

/** Applies an edit; returns the paths whose stat it changed (they must be hashed again). */
function apply(root: string, e: Edit): string[] {
  const name = NAMES[e.file] as string;
  const path = join(root, name);
  const exists = existsSync(path);
  switch (e.kind) {
    case 'write':
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, seededBytes(e.size, e.seed, name.endsWith('.txt')));
      utimesSync(path, PINNED, PINNED);
      return [name];
    case 'inplace': {
      if (!exists) return [];
      const size = lstatSync(path).size;
      if (size === 0) return [];
      const fd = openSync(path, 'r+');
      writeSync(fd, seededBytes(Math.min(size, 64), e.seed, false), 0, Math.min(size, 64), 0);
      closeSync(fd);
      utimesSync(path, PINNED, PINNED); // mtime put back: only ctime tells
      return [name];
    }
    case 'touch':
      if (!exists) return [];
      execFileSync('touch', [path]);
      return [name];
    case 'chmod':
      if (!exists) return [];
      chmodSync(path, (lstatSync(path).mode & 0o777) === 0o755 ? 0o644 : 0o755);
      return [name];
    case 'delete':
      rmSync(path, { force: true });
      return [];
    case 'swap': {
      const other = NAMES[e.other] as string;
      if (!exists || !existsSync(join(root, other)) || other === name) return [];
      renameSync(path, join(root, 'swap.tmp'));
      renameSync(join(root, other), path);
      renameSync(join(root, 'swap.tmp'), join(root, other));
      return [name, other];
    }
  }
}

/** Waits until no file's ctime is inside the racy window of a capture starting now. */
async function settle(root: string): Promise<void> {
  let wait = 0;
  for (const name of NAMES) {
    const path = join(root, name);
    if (!existsSync(path)) continue;
    const ctimeNs = lstatSync(path, { bigint: true }).ctimeNs;
    wait = Math.max(wait, Number(ctimeNs / 1_000_000n) + (ctimeNs % 1_000_000_000n === 0n ? 2_100 : 150) - Date.now());
  }
  if (wait > 0) await sleep(wait);
}

async function incremental(root: string, output: string, since: string | null): Promise<{ reused: number; recorded: string[] }> {
  const warnings: string[] = [];
  const run = startIncremental({ root, patterns: [], excludeHidden: false, since, storeRoot: null, rehash: false, warn: (m) => warnings.push(m) });
  const result = await captureSnapshot({ root, patterns: [], output, workers: 0, metadata: null, allowEmpty: true, reuse: run.reuse });
  run.finish(output, true);
  expect(warnings).toEqual([]);
  return { reused: result.reused, recorded: result.manifest.entries.filter((e) => e.type === 'file').map((e) => e.path) };
}

let runs = 0;

describe('incremental capture equals full capture', () => {
  it('over random edits in several rounds', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.array(edit, { minLength: 1, maxLength: 4 }), { minLength: 2, maxLength: 3 }), async (rounds) => {
        const dir = join(work, `run-${runs++}`);
        const root = join(dir, 'tree');
        mkdirSync(root, { recursive: true });
        NAMES.forEach((_name, i) => apply(root, { kind: 'write', file: i, size: 100 + i * 37, seed: i }));
        await settle(root);
        let previous = join(dir, 'r0.vitsnap');
        let before = (await incremental(root, previous, null)).recorded;
        for (const [r, edits] of rounds.entries()) {
          const changed = new Set(edits.flatMap((e) => apply(root, e)));
          await settle(root);
          const output = join(dir, `r${r + 1}.vitsnap`);
          const made = await incremental(root, output, previous);
          const fullOutput = join(dir, `full${r + 1}.vitsnap`);
          await captureSnapshot({ root, patterns: [], output: fullOutput, workers: 0, metadata: null, allowEmpty: true });
          expect(readFileSync(output)).toEqual(readFileSync(fullOutput));
          expect(made.reused).toBe(made.recorded.filter((p) => before.includes(p) && !changed.has(p)).length);
          previous = output;
          before = made.recorded;
        }
      }),
      { numRuns: 5 },
    );
    // Up to 15 captures of both kinds: 30 s alone, over 60 s with another suite on the 2 cores.
  }, 300_000);
});
