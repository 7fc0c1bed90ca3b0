/** Differences in how the two sides were built, from snapshot metadata: a report section of its own. */
import type { Metadata, ToolchainProbe } from '../snapshot/types.js';

export interface MetadataChange {
  /** `toolchain`, `env`, `runner`, `lockfile` or `command`. */
  area: 'toolchain' | 'env' | 'runner' | 'lockfile' | 'command';
  name: string;
  before: string | null;
  after: string | null;
}

/** A probe's version line; a probe that failed or timed out is `unavailable (why)`, never a version. */
function probeText(p: ToolchainProbe | undefined): string | null {
  if (p === undefined || !p.found) return null;
  if (p.version === undefined) return `unavailable (${(p.error ?? 'no version printed').split('\n')[0] ?? ''})`;
  return p.version.split('\n')[0] ?? '';
}

/**
 * Whether two probes of one tool differ. A side whose version is unavailable tells nothing about
 * the version, so only different executables (digests) count then: a probe that timed out on a
 * loaded runner is not a toolchain change.
 */
function probesDiffer(a: ToolchainProbe | undefined, b: ToolchainProbe | undefined): boolean {
  if (a?.found !== true || b?.found !== true) return a?.found === true || b?.found === true;
  if (a.version === undefined || b.version === undefined) return a.sha256 !== undefined && b.sha256 !== undefined && a.sha256 !== b.sha256;
  return probeText(a) !== probeText(b) || a.sha256 !== b.sha256;
}

function changes<T>(
  area: MetadataChange['area'],
  a: Map<string, T>,
  b: Map<string, T>,
  text: (v: T | undefined) => string | null,
  differ: (x: T | undefined, y: T | undefined) => boolean = (x, y) => text(x) !== text(y),
): MetadataChange[] {
  const out: MetadataChange[] = [];
  for (const name of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    if (differ(a.get(name), b.get(name))) out.push({ area, name, before: text(a.get(name)), after: text(b.get(name)) });
  }
  return out;
}

/**
 * What differs between two snapshots' metadata. A toolchain counts as changed when its version
 * text or its binary's digest differs (a rebuilt compiler with the same version string is a
 * change); an unavailable version counts only with a different digest.
 */
export function diffMetadata(a: Metadata | null, b: Metadata | null): MetadataChange[] {
  if (a === null || b === null) return [];
  const tools = (m: Metadata): Map<string, ToolchainProbe> => new Map(m.toolchains.map((t) => [t.name, t]));
  const toolText = (p: ToolchainProbe | undefined): string | null => {
    const text = probeText(p);
    return text === null ? null : `${text}${p?.sha256 === undefined ? '' : ` (${p.sha256.slice(0, 12)})`}`;
  };
  const runner = (m: Metadata): Map<string, string> =>
    new Map(Object.entries({ os: m.runner.os, arch: m.runner.arch, distro: m.runner.distro ?? '', image: `${m.runner.image ?? ''} ${m.runner.imageVersion ?? ''}`.trim() }));
  return [
    ...changes('toolchain', tools(a), tools(b), toolText, probesDiffer),
    ...changes('env', new Map(Object.entries({ ...a.env, umask: a.umask })), new Map(Object.entries({ ...b.env, umask: b.umask })), (v) => v ?? null),
    ...changes('runner', runner(a), runner(b), (v) => v ?? null),
    ...changes('lockfile', new Map(a.lockfiles.map((l) => [l.path, l.sha256])), new Map(b.lockfiles.map((l) => [l.path, l.sha256])), (v) => v ?? null),
    ...changes('command', new Map(a.commands.map((c) => [c.name, c.stdout])), new Map(b.commands.map((c) => [c.name, c.stdout])), (v) => v ?? null),
  ];
}
