/**
 * Fetching the layers below a delta artifact (src/github/delta-parents.ts) at the function level:
 * real snapshots made by the CLI and rewritten as deltas with artifact parentRefs, a fetcher that
 * serves them from another directory as the artifact service would.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { fileDigest, resolveChain } from '../../src/delta/chain.js';
import { rewriteSnapshot } from '../../src/delta/rewrite.js';
import { artifactRef, fetchParents, parseArtifactRef, type ParentFetcher } from '../../src/github/delta-parents.js';
import { SnapshotReader } from '../../src/snapshot/reader.js';
import { runVitsnapOk } from '../helpers/cli.js';
import { seededBytes } from '../helpers/trees.js';

let scratch: string;
/** What the "artifact service" holds: parentRef → file. */
const served = new Map<string, string>();
let top: string;
let middle: string;
let base: string;

const fetcher =
  (calls: string[] = []): ParentFetcher =>
  async (ref, dir) => {
    calls.push(ref);
    const file = served.get(ref);
    if (file === undefined) throw new Error(`artifact ${ref} has expired`);
    mkdirSync(dir, { recursive: true });
    copyFileSync(file, join(dir, basename(file)));
    return join(dir, basename(file));
  };

async function capture(name: string, edit: number): Promise<string> {
  const root = join(scratch, `tree-${name}`);
  mkdirSync(root, { recursive: true });
  const bin = seededBytes(64 * 1024, 7, false);
  bin.fill(edit, 1000, 1000 + edit);
  writeFileSync(join(root, 'app.bin'), bin);
  writeFileSync(join(root, 'version.txt'), `${edit}\n`);
  const out = join(scratch, `${name}-full.vitsnap`);
  await runVitsnapOk(['create', '-C', root, '-o', out, '--no-metadata']);
  return out;
}

/** `child` rewritten as a delta against `parent` (whose own chain is in `below`), naming it by an artifact ref. */
async function deltaOf(child: string, parent: string, below: string[], runId: number, out: string): Promise<string> {
  const source = SnapshotReader.open(child);
  const reader = SnapshotReader.open(parent);
  try {
    if (reader.isDelta) resolveChain(reader, { candidates: below });
    const ref = artifactRef({ owner: 'octo', repo: 'app' }, runId, 'vitsnap-snapshot');
    served.set(ref, parent);
    await rewriteSnapshot(source, out, { parent: { reader, digest: fileDigest(parent), ref } });
    return out;
  } finally {
    reader.close();
    source.close();
  }
}

beforeAll(async () => {
  scratch = mkdtempSync(join(tmpdir(), 'vitsnap-delta-parents-'));
  base = await capture('base', 1);
  mkdirSync(join(scratch, 'remote-1'));
  mkdirSync(join(scratch, 'remote-2'));
  mkdirSync(join(scratch, 'here'));
  middle = await deltaOf(await capture('middle', 2), base, [], 1, join(scratch, 'remote-2', 'vitsnap-snapshot-delta.vitsnap'));
  top = await deltaOf(await capture('top', 3), middle, [base], 2, join(scratch, 'here', 'vitsnap-snapshot-delta.vitsnap'));
}, 120_000);

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

describe('artifact parentRefs', () => {
  it('round-trip and refuse anything else', () => {
    expect(parseArtifactRef('artifact:octo/app/42/vitsnap-snapshot')).toEqual({ owner: 'octo', repo: 'app', runId: 42, name: 'vitsnap-snapshot' });
    for (const ref of ['main.vitsnap', 'oci://ghcr.io/o/r@sha256:00', 'artifact:octo/app/x/vitsnap-snapshot', 'artifact:octo/app/1/../etc', 'artifact:octo/1/name']) expect(parseArtifactRef(ref)).toBeNull();
  });
});

describe('fetchParents', () => {
  it('fetches every missing layer by its parentRef, after which the chain attaches and reads', async () => {
    const calls: string[] = [];
    const fetched = await fetchParents(top, fetcher(calls), join(scratch, 'fetched-all'));
    expect(calls).toEqual(['artifact:octo/app/2/vitsnap-snapshot', 'artifact:octo/app/1/vitsnap-snapshot']);
    expect(fetched.map(fileDigest)).toEqual([fileDigest(middle), fileDigest(base)]);
    const reader = SnapshotReader.open(top);
    try {
      resolveChain(reader, { candidates: fetched });
      reader.verify();
      expect(reader.parent?.parent?.isDelta).toBe(false);
    } finally {
      reader.close();
    }
  });

  it('takes a parent found next to the delta (by digest) without fetching it', async () => {
    const dir = join(scratch, 'beside');
    mkdirSync(dir);
    copyFileSync(top, join(dir, 'pr.vitsnap'));
    copyFileSync(middle, join(dir, 'whatever-name.vitsnap'));
    const calls: string[] = [];
    const fetched = await fetchParents(join(dir, 'pr.vitsnap'), fetcher(calls), join(scratch, 'fetched-beside'));
    expect(calls).toEqual(['artifact:octo/app/1/vitsnap-snapshot']);
    expect(fetched.map(fileDigest)).toEqual([fileDigest(base)]);
  });

  it('a full snapshot needs nothing', async () => {
    expect(await fetchParents(base, null, join(scratch, 'none'))).toEqual([]);
  });

  it('a parent that is gone, replaced, or not fetchable is E_PARENT naming the digest', async () => {
    const want = fileDigest(middle);
    const gone: ParentFetcher = async () => {
      throw new Error('artifact vitsnap-snapshot of run 2 has expired');
    };
    await expect(fetchParents(top, gone, join(scratch, 'gone'))).rejects.toMatchObject({ code: 'E_PARENT', message: expect.stringContaining(`its parent sha256:${want} (artifact:octo/app/2/vitsnap-snapshot) could not be fetched (artifact vitsnap-snapshot of run 2 has expired)`) });
    const replaced: ParentFetcher = async (_ref, dir) => fetcher()('artifact:octo/app/1/vitsnap-snapshot', dir);
    await expect(fetchParents(top, replaced, join(scratch, 'replaced'))).rejects.toMatchObject({ code: 'E_PARENT', message: expect.stringContaining('holds a different snapshot than its parent') });
    await expect(fetchParents(top, null, join(scratch, 'no-fetcher'))).rejects.toMatchObject({ code: 'E_PARENT', message: expect.stringContaining(`its parent sha256:${want}`) });
  });
});
