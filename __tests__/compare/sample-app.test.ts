/**
 * The bundled sample (examples/sample-app), built as the demo builds it: two checkouts in two
 * directories, two build dates. Accepting the known noise (timestamps, build paths, build ids)
 * must leave nothing: the static library, the object files and the DWARF offsets included
 * (issue #10, "done when").
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, runVitsnap } from '../helpers/cli.js';
import { removeDir, tempDir } from '../helpers/toolchain.js';

let work: string;

beforeAll(async () => {
  work = await tempDir('vitsnap-sample-app-');
  for (const [name, epoch, stamp] of [
    ['build-1', '1767225600', '2026-01-01T00:00:00Z'],
    ['build-22', '1767312000', '2026-01-02T00:00:00Z'],
  ] as const) {
    const checkout = join(work, `checkout-${name}`);
    cpSync(join(REPO_ROOT, 'examples', 'sample-app'), checkout, { recursive: true });
    execFileSync('make', ['-s', '-C', checkout, `OUT=${join(work, name)}`, `STAMP=${stamp}`], { env: { ...process.env, SOURCE_DATE_EPOCH: epoch }, stdio: 'pipe' });
  }
}, 120_000);

afterAll(async () => {
  await removeDir(work);
});

describe('the sample app built twice', () => {
  it('drifts only by known noise: with it accepted, identical (checkout names of different lengths)', async () => {
    const noisy = await runVitsnap(['diff', 'build-1', 'build-22', '--quiet'], { cwd: work });
    expect(noisy.code).toBe(1);
    const r = await runVitsnap(['diff', 'build-1', 'build-22', '--ignore', 'timestamps,build-paths,build-id', '--quiet'], { cwd: work });
    expect([r.code, r.stdout.trim()]).toEqual([0, expect.stringMatching(/^verdict: identical — \d+ modified, \d+ differences ignored$/)]);
  });
});
