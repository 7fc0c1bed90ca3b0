/** What a node's file is (by name, by magic bytes, by its container), and whether a toolchain change can explain it. */
import { quote, type Finding, type FormatKey } from '../evidence.js';
import type { Difference } from '../types.js';
import type { ToolchainChange } from './context.js';

const EXTENSION_FORMATS: readonly [RegExp, FormatKey][] = [
  [/\.(?:jar|war|ear|aar)$/i, 'jar'],
  [/\.whl$/i, 'wheel'],
  [/\.(?:zip|apk|nupkg|xpi|epub|docx|xlsx|pptx|odt)$/i, 'zip'],
  [/\.(?:tar|tar\.gz|tgz|tar\.xz|txz|tar\.lzma|tlz|tar\.zst|tzst|tar\.bz2|tbz2)$/i, 'tar'],
  [/\.gz$/i, 'gzip'],
  [/\.pyc$/i, 'pyc'],
  [/\.py$/i, 'python'],
  [/\.class$/i, 'class'],
  [/\.png$/i, 'png'],
  [/\.json$/i, 'json'],
  [/\.(?:m?js|cjs|map|css|html?|wasm)$/i, 'js'],
  [/\.(?:exe|dll|sys|efi)$/i, 'pe'],
  [/\.dylib$/i, 'macho'],
  [/\.(?:so(?:\.\d+)*|o|a|ko|elf)$/i, 'elf'],
  [/\.(?:c|h|cc|cpp|cxx|hpp)$/i, 'c'],
  [/\.rs$/i, 'rust'],
  [/\.go$/i, 'go'],
  [/\.(?:txt|md|csv|tsv|ya?ml|toml|ini|cfg|xml|properties|MF|lst|list)$/i, 'text'],
];

export function formatOfPath(path: string): FormatKey | undefined {
  const name = path.split('/').pop() ?? path;
  return EXTENSION_FORMATS.find(([pattern]) => pattern.test(name))?.[1];
}

function formatOfMagic(head: Buffer | undefined): FormatKey | undefined {
  if (head === undefined || head.length < 4) return undefined;
  const magic = head.readUInt32BE(0);
  if (magic === 0x7f454c46) return 'elf';
  if (head[0] === 0x4d && head[1] === 0x5a) return 'pe';
  if ([0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe].includes(magic)) return 'macho';
  if (magic === 0x504b0304) return 'zip';
  if (head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  if (magic === 0x89504e47) return 'png';
  if (magic === 0xcafebabe) return 'class';
  if (head.subarray(0, 8).toString('latin1') === '!<arch>\n') return 'ar';
  if (head.length >= 262 && head.subarray(257, 262).toString('latin1') === 'ustar') return 'tar';
  return undefined;
}

/** `dist/app.jar!/a.class` → `dist/app.jar`: the archive that holds a member. */
function containerOf(path: string): string {
  const at = path.lastIndexOf('!/');
  return at < 0 ? path : path.slice(0, at);
}

export function formatOfNode(node: Difference, head: Buffer | undefined): FormatKey | undefined {
  switch (node.comparator) {
    case 'zip': {
      const container = formatOfPath(containerOf(node.path));
      return container === 'jar' || container === 'wheel' ? container : 'zip';
    }
    case 'tar':
      return 'tar';
    case 'ar':
      return 'ar';
    case 'gzip':
      return 'gzip';
    case 'elf':
      return 'elf';
    case 'pe':
      return 'pe';
    case 'macho':
      return 'macho';
    case 'pyc':
      return 'pyc';
    case 'class':
      return 'class';
    case 'png':
      return 'png';
    case 'json':
      return 'json';
    case 'sourcemap':
      return 'js';
    case 'text':
      return formatOfPath(node.path) ?? 'text';
    case 'xz':
    case 'lzma':
    case 'zstd':
    case 'binary':
    case undefined:
      return formatOfPath(node.path) ?? formatOfMagic(head) ?? formatOfPath(containerOf(node.path));
  }
}

type CompiledKind = 'native' | 'jvm' | 'python' | 'js' | 'dotnet';

const COMPILED_KINDS: Partial<Record<FormatKey, CompiledKind[]>> = {
  elf: ['native'],
  macho: ['native'],
  pe: ['native', 'dotnet'],
  c: ['native'],
  rust: ['native'],
  go: ['native'],
  class: ['jvm'],
  jar: ['jvm'],
  pyc: ['python'],
  wheel: ['python'],
  js: ['js'],
};

const TOOL_FAMILIES: Record<CompiledKind, RegExp> = {
  native: /^(?:gcc|g\+\+|cc|c\+\+|clang|clang\+\+|ld|ld\.\w+|lld|gold|as|binutils|rustc|cargo|go|zig|swiftc?|gfortran|cmake|make|ninja|nasm)$/i,
  jvm: /^(?:java|javac|jdk|jar|mvn|maven|gradle|kotlinc?|scalac?|sbt)$/i,
  python: /^(?:python[\d.]*|pip[\d.]*|uv|poetry|pdm|hatch)$/i,
  js: /^(?:node|npm|pnpm|yarn|bun|deno|tsc|typescript|esbuild|webpack|rollup|vite|swc|babel|terser)$/i,
  dotnet: /^(?:dotnet|msbuild|csc)$/i,
};

function versionOf(text: string | null | undefined): string {
  if (text === null || text === undefined || text === '') return 'none';
  return /\d+\.\d+(?:\.\d+)?/.exec(text)?.[0] ?? quote(text, 40);
}

/**
 * A toolchain change explains a compiled output's unexplained bytes only when the bytes show it:
 * the new version (and the old one, when known) appears in what differs, as in an ELF `.comment`
 * or a class file's version. Otherwise the change is offered as a possibility and the difference
 * stays unexplained: a wrong "explained" is worse than "unexplained".
 */
export function toolchainFinding(
  format: FormatKey | undefined,
  changes: ReadonlyArray<string | ToolchainChange>,
  shown: (text: string) => boolean,
): { finding?: Finding; possible?: string } {
  const kinds = format === undefined ? undefined : COMPILED_KINDS[format];
  if (kinds === undefined) return {};
  const relevant = changes
    .map((c) => (typeof c === 'string' ? { name: c } : c))
    .filter((c) => kinds.some((kind) => TOOL_FAMILIES[kind].test(c.name)));
  if (relevant.length === 0) return {};
  const number = (text: string | null | undefined): string | null => (text === null || text === undefined ? null : (/\d+\.\d+(?:\.\d+)?/.exec(text)?.[0] ?? null));
  const tied = relevant.filter((c) => {
    const after = number(c.after);
    const before = number(c.before);
    return after !== null && after !== before && shown(after) && (before === null || shown(before));
  });
  if (tied.length > 0) {
    return { finding: { id: 'toolchain', evidence: `${tied.map((c) => `${c.name} ${versionOf(c.before)} → ${versionOf(c.after)}`).join(', ')}: the new version appears in the differing bytes` } };
  }
  const withVersions = relevant.filter((c) => c.before !== undefined || c.after !== undefined);
  const what =
    withVersions.length > 0
      ? withVersions.map((c) => `${c.name} ${versionOf(c.before)} → ${versionOf(c.after)}`).join(', ')
      : `${relevant.map((c) => c.name).join(', ')} changed`;
  return { possible: `possibly the toolchain (${what} between the snapshots), but nothing in these bytes shows it` };
}
