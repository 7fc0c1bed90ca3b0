/** Differences in how the two sides were built, from snapshot metadata: a report section of its own. */
import type { Metadata, ToolchainProbe } from '../snapshot/types.js';

export interface MetadataChange {
  /** `toolchain`, `env`, `runner`, `lockfile` or `command`. */
  area: 'toolchain' | 'env' | 'runner' | 'lockfile' | 'command';
  name: string;
  before: string | null;
  after: string | null;
}

function probeText(p: ToolchainProbe | undefined): string | null {
  if (p === undefined || !p.found) return null;
  return (p.version ?? p.error ?? '').split('\n')[0] ?? '';
}

function changes<T>(area: MetadataChange['area'], a: Map<string, T>, b: Map<string, T>, text: (v: T | undefined) => string | null): MetadataChange[] {
  const out: MetadataChange[] = [];
  for (const name of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    const before = text(a.get(name));
    const after = text(b.get(name));
    if (before !== after) out.push({ area, name, before, after });
  }
  return out;
}

/**
 * What differs between two snapshots' metadata. A toolchain counts as changed when its version
 * text or its binary's digest differs (a rebuilt compiler with the same version string is a change).
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
    ...changes('toolchain', tools(a), tools(b), toolText),
    ...changes('env', new Map(Object.entries({ ...a.env, umask: a.umask })), new Map(Object.entries({ ...b.env, umask: b.umask })), (v) => v ?? null),
    ...changes('runner', runner(a), runner(b), (v) => v ?? null),
    ...changes('lockfile', new Map(a.lockfiles.map((l) => [l.path, l.sha256])), new Map(b.lockfiles.map((l) => [l.path, l.sha256])), (v) => v ?? null),
    ...changes('command', new Map(a.commands.map((c) => [c.name, c.stdout])), new Map(b.commands.map((c) => [c.name, c.stdout])), (v) => v ?? null),
  ];
}
