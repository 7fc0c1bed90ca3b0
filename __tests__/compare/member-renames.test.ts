/**
 * Renamed members inside archives (issue #10 item 3): a tar whose top directory name differs
 * (a temporary build directory) and whose files are identical is one rename with a build-path
 * cause; members that changed under a new name are compared as such; zip members are paired by
 * CRC-32 and size and then compared for real. Fixtures by real tar and zip.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { classifyCauses } from '../../src/compare/causes.js';
import { compareSources, type CompareResult, type IgnoreProfile } from '../../src/compare/compare.js';
import { DEFAULT_COMPARATORS } from '../../src/compare/comparators/index.js';
import { openSides } from '../../src/compare/sources.js';
import type { Difference } from '../../src/compare/types.js';
import { removeDir, runTool, tempDir } from '../helpers/toolchain.js';

const EPOCH = 1767225600;
let work: string;

function write(root: string, files: Record<string, string>): void {
  for (const [path, content] of Object.entries(files)) {
    const abs = join(root, path);
    mkdirSync(join(abs, '..'), { recursive: true });
    writeFileSync(abs, content);
  }
}

function pinTimes(dir: string): void {
  for (const name of readdirSync(dir, { recursive: true })) utimesSync(join(dir, String(name)), new Date(EPOCH * 1000), new Date(EPOCH * 1000));
  utimesSync(dir, new Date(EPOCH * 1000), new Date(EPOCH * 1000));
}

/** `tar` of `<stage>/<top>` into `<side>/pkg.tar`, every time and owner pinned. */
async function tarOf(side: string, top: string, files: Record<string, string>): Promise<void> {
  const stage = join(work, `stage-${side}`);
  write(join(stage, top), files);
  pinTimes(join(stage, top));
  mkdirSync(join(work, side), { recursive: true });
  await runTool('tar', ['--sort=name', `--mtime=@${EPOCH}`, '--owner=0', '--group=0', '--numeric-owner', '-cf', join(work, side, 'pkg.tar'), top], { cwd: stage });
}

async function diff(a: string, b: string, ignore: IgnoreProfile[] = []): Promise<CompareResult> {
  const sides = await openSides(a, b, { cwd: work });
  try {
    return await compareSources(sides, { comparators: DEFAULT_COMPARATORS, classify: classifyCauses, ignore });
  } finally {
    await sides.close();
  }
}

const members = (r: CompareResult): Difference[] => r.root.children.flatMap((f) => f.children);
const shape = (r: CompareResult): string[] => members(r).map((d) => `${d.kind} ${d.from === undefined ? '' : `${d.from} → `}${d.path} [${d.causes.map((c) => c.id).join(',')}]`);

beforeAll(async () => {
  work = await tempDir('vitsnap-member-renames-');
}, 30_000);

afterAll(async () => {
  await removeDir(work);
});

describe('tar', () => {
  it('a top directory named by mktemp, the same files: one rename, build-path, ignorable', async () => {
    const files = { 'sub/a.txt': 'a\n', 'sub/b.txt': 'b\n', 'c.txt': 'c\n' };
    await tarOf('t1', 'equivs.TyCgZ2', files);
    await tarOf('t2', 'equivs.b0DMbr', files);
    const r = await diff('t1', 't2');
    expect(shape(r)).toEqual(['renamed pkg.tar!/equivs.TyCgZ2 → pkg.tar!/equivs.b0DMbr [build-path]']);
    expect(members(r)[0]?.summary).toBe('directory renamed from equivs.TyCgZ2: 5 members, same content');
    expect(r.verdict).toBe('drift-explained');
    expect((await diff('t1', 't2', ['build-paths'])).verdict).toBe('identical');
  });

  it('a top directory named after the build, one file changed: the rename and that file under its new name', async () => {
    await tarOf('t3', 'pkg-build1', { 'same.txt': 'same\n', 'notes.txt': 'first\n' });
    await tarOf('t4', 'pkg-build2', { 'same.txt': 'same\n', 'notes.txt': 'second\n' });
    const r = await diff('t3', 't4');
    expect(shape(r)).toEqual([
      'renamed pkg.tar!/pkg-build1 → pkg.tar!/pkg-build2 [build-path]',
      'modified pkg.tar!/pkg-build1/notes.txt → pkg.tar!/pkg-build2/notes.txt [content]',
    ]);
    expect(r.verdict).toBe('drift-unexplained');
  });
});

describe('zip', () => {
  it('a hashed member name that changed with its content is one modified member; a moved member is a rename', async () => {
    for (const [side, hash, body] of [['z1', '3f9a1c2b', 'one();\n'], ['z2', '9b2e41aa', 'two();\n']] as const) {
      const stage = join(work, `stage-${side}`);
      write(stage, { [`assets/app.${hash}.js`]: body, [side === 'z1' ? 'old/logo.svg' : 'new/logo.svg']: '<svg/>\n', 'index.html': '<html/>\n' });
      pinTimes(stage);
      mkdirSync(join(work, side), { recursive: true });
      await runTool('zip', ['-X', '-q', '-r', '-D', join(work, side, 'site.zip'), 'assets', side === 'z1' ? 'old' : 'new', 'index.html'], { cwd: stage, env: { TZ: 'UTC' } });
    }
    const r = await diff('z1', 'z2');
    const relevant = shape(r).filter((s) => !s.includes('dos-time') && !s.includes('extra'));
    expect(relevant).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^modified site\.zip!\/assets\/app\.3f9a1c2b\.js → site\.zip!\/assets\/app\.9b2e41aa\.js \[content\]$/),
        'renamed site.zip!/old/logo.svg → site.zip!/new/logo.svg [content]',
      ]),
    );
    expect(shape(r).some((s) => s.startsWith('added') || s.startsWith('removed'))).toBe(false);
  });
});
