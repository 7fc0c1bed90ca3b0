/**
 * Honest toolchain metadata (issue #10 item 6): a probe that times out is `unavailable`, never a
 * version and never a toolchain change; a real code change in a .pyc built while pip's probe
 * failed stays unexplained; a toolchain change only explains bytes that show it.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCauseClassifier } from '../../src/compare/causes.js';
import { compareSources, type CompareResult } from '../../src/compare/compare.js';
import { DEFAULT_COMPARATORS } from '../../src/compare/comparators/index.js';
import { openSides } from '../../src/compare/sources.js';
import { diffMetadata } from '../../src/compare/toolchain-diff.js';
import { captureSnapshot } from '../../src/snapshot/capture.js';
import { collectMetadata } from '../../src/snapshot/metadata/index.js';
import type { Metadata, ToolchainProbe } from '../../src/snapshot/types.js';
import { compilePython, removeDir, tempDir } from '../helpers/toolchain.js';

let work: string;

/** A `pip` on PATH; on a "loaded machine" (PIP_SLOW set) the same executable sleeps past the probe timeout. */
function fakePip(): string {
  const bin = join(work, 'bin');
  mkdirSync(bin, { recursive: true });
  writeFileSync(join(bin, 'pip'), '#!/bin/sh\n[ -n "$PIP_SLOW" ] && sleep 30\necho "pip 23.2.1 from /usr/lib/python3/dist-packages/pip (python 3.11)"\n');
  chmodSync(join(bin, 'pip'), 0o755);
  return bin;
}

async function capture(name: string, source: string, slow: boolean): Promise<string> {
  const root = join(work, name);
  await compilePython(root, { source, invalidationMode: 'unchecked-hash' });
  const output = join(work, `${name}.vitsnap`);
  const env = { PATH: `${fakePip()}:${process.env.PATH ?? ''}`, ...(slow ? { PIP_SLOW: '1' } : {}) };
  await captureSnapshot({
    root,
    patterns: ['**/*.pyc'],
    output,
    metadata: async () => {
      const { metadata, source: info } = await collectMetadata({ root, probes: ['pip'], timeoutMs: 1500, env });
      return { metadata, source: info };
    },
  });
  return output;
}

async function diff(a: string, b: string): Promise<CompareResult> {
  const sides = await openSides(a, b, { cwd: work });
  try {
    return await compareSources(sides, { comparators: DEFAULT_COMPARATORS, ...createCauseClassifier() });
  } finally {
    await sides.close();
  }
}

const probe = (p: Partial<ToolchainProbe>): ToolchainProbe => ({ name: 'pip', command: 'pip --version', found: true, ...p });
const withProbe = (p: ToolchainProbe): Metadata => ({
  toolchains: [p],
  runner: { os: 'linux', arch: 'x64', release: '6.1' },
  env: {},
  umask: '0022',
  lockfiles: [],
  commands: [],
});

beforeAll(async () => {
  work = await tempDir('vitsnap-toolchain-diff-');
}, 30_000);

afterAll(async () => {
  await removeDir(work);
});

describe('a probe that timed out', () => {
  it('is unavailable, not a toolchain change, and the .pyc change it coincided with stays unexplained', async () => {
    const a = await capture('a', 'VALUE = 1\n', false);
    const b = await capture('b', 'VALUE = 2\n', true);
    const r = await diff(a, b);
    expect(r.metadata.filter((m) => m.area === 'toolchain')).toEqual([]);
    expect(r.verdict).toBe('drift-unexplained');
    // The module's path differs too (a/ and b/): that is a build path; the code change is not explained by anything.
    expect(r.root.causes.map((c) => c.id)).toEqual(['build-path', 'content']);
  }, 60_000);

  it('shows as unavailable (why) when the executable itself changed', () => {
    const before = withProbe(probe({ version: 'pip 23.2.1', sha256: 'a'.repeat(64) }));
    const after = withProbe(probe({ error: 'timed out after 5000 ms: pip 23.2.1', sha256: 'b'.repeat(64) }));
    expect(diffMetadata(before, after)).toEqual([{ area: 'toolchain', name: 'pip', before: `pip 23.2.1 (${'a'.repeat(12)})`, after: `unavailable (timed out after 5000 ms: pip 23.2.1) (${'b'.repeat(12)})` }]);
    const same = withProbe(probe({ error: 'timed out after 5000 ms', sha256: 'a'.repeat(64) }));
    expect(diffMetadata(before, same)).toEqual([]);
    // A version change with the probe working on both sides is still one.
    expect(diffMetadata(before, withProbe(probe({ version: 'pip 24.0', sha256: 'a'.repeat(64) })))).toHaveLength(1);
  });
});
