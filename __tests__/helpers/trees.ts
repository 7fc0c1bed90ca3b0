/** Random file trees for property tests, and a faithful description of a tree on disk to compare. */
import { createHash } from 'node:crypto';
import { chmodSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';

export type TreeNode =
  | { kind: 'file'; mode: number; size: number; seed: number; text: boolean }
  | { kind: 'symlink'; target: string }
  | { kind: 'dir'; mode: number; children: Record<string, TreeNode> };

const segment = fc
  .string({ unit: fc.constantFrom('a', 'b', 'Z', '0', '.', '-', '_', ' ', 'é', '日', '🙂', '\\', '#', '%', '~'), minLength: 1, maxLength: 12 })
  .filter((s) => s !== '.' && s !== '..' && !/(^|\\)\.\.(\\|$)/.test(s));

const fileNode: fc.Arbitrary<TreeNode> = fc.record({
  kind: fc.constant('file' as const),
  mode: fc.constantFrom(0o644, 0o755, 0o600, 0o700, 0o444, 0o640),
  // Mostly small files; sometimes one that spans several content-defined chunks.
  size: fc.oneof({ weight: 12, arbitrary: fc.nat(5000) }, { weight: 1, arbitrary: fc.integer({ min: 2 * 1024 * 1024 + 1, max: 6 * 1024 * 1024 }) }),
  seed: fc.nat(),
  text: fc.boolean(),
});

const symlinkNode: fc.Arbitrary<TreeNode> = fc.record({
  kind: fc.constant('symlink' as const),
  target: fc.oneof(segment, fc.constant('../outside'), fc.constant('/etc/passwd'), fc.constant('sub/dir/file')),
});

export const treeArbitrary: fc.Arbitrary<TreeNode> = fc.letrec<{ dir: TreeNode; node: TreeNode }>((tie) => ({
  dir: fc.record({
    kind: fc.constant('dir' as const),
    mode: fc.constantFrom(0o755, 0o750, 0o700),
    children: fc.dictionary(segment, tie('node'), { maxKeys: 5 }),
  }),
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, fileNode, fileNode, symlinkNode, tie('dir')),
})).dir;

export function seededBytes(size: number, seed: number, text: boolean): Buffer {
  const out = Buffer.allocUnsafe(size);
  let s = seed | 1;
  for (let i = 0; i < size; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    out[i] = text ? 97 + ((s >>> 0) % 26) : s & 0xff;
  }
  return out;
}

/** Writes `node`'s children under `dir` (which exists). Directory modes are applied after their contents. */
export function writeTree(dir: string, node: TreeNode & { kind: 'dir' }): void {
  for (const [name, child] of Object.entries(node.children)) {
    const path = join(dir, name);
    if (child.kind === 'file') {
      writeFileSync(path, seededBytes(child.size, child.seed, child.text));
      chmodSync(path, child.mode);
    } else if (child.kind === 'symlink') {
      symlinkSync(child.target, path);
    } else {
      mkdirSync(path);
      writeTree(path, child);
      chmodSync(path, child.mode);
    }
  }
}

/** Every entry below `root`: path → "file mode sha256" | "dir mode" | "link target". */
export function describeTree(root: string): Map<string, string> {
  const out = new Map<string, string>();
  const visit = (rel: string): void => {
    for (const name of readdirSync(join(root, rel)).sort()) {
      const path = rel === '' ? name : `${rel}/${name}`;
      const abs = join(root, path);
      const st = lstatSync(abs);
      if (st.isSymbolicLink()) out.set(path, `link ${readlinkSync(abs)}`);
      else if (st.isDirectory()) {
        out.set(path, `dir ${(st.mode & 0o7777).toString(8)}`);
        visit(path);
      } else out.set(path, `file ${(st.mode & 0o7777).toString(8)} ${createHash('sha256').update(readFileSync(abs)).digest('hex')}`);
    }
  };
  visit('');
  return out;
}
