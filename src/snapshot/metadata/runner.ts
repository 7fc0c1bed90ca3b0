/** The machine a snapshot was captured on: OS, architecture, kernel, distribution, runner image. */
import { readFileSync } from 'node:fs';
import { arch, platform, release } from 'node:os';
import type { RunnerInfo } from '../types.js';

/** Where os-release(5) says to look, in order. */
const OS_RELEASE_FILES = ['/etc/os-release', '/usr/lib/os-release'];

export function describeRunner(env: NodeJS.ProcessEnv = process.env, osReleaseFiles: readonly string[] = OS_RELEASE_FILES): RunnerInfo {
  const info: RunnerInfo = { os: platform(), arch: arch(), release: release() };
  const distro = readPrettyName(osReleaseFiles);
  if (distro !== undefined) info.distro = distro;
  if (env.ImageOS) info.image = env.ImageOS;
  if (env.ImageVersion) info.imageVersion = env.ImageVersion;
  return info;
}

function readPrettyName(files: readonly string[]): string | undefined {
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    return parseOsRelease(text).PRETTY_NAME || undefined;
  }
  return undefined;
}

/** Parses os-release(5) text: shell-style `KEY=value` lines, values optionally quoted. */
export function parseOsRelease(text: string): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const raw of text.split(/\r?\n/)) {
    const match = /^\s*([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(raw);
    if (match === null) continue;
    fields[match[1]] = unquote(match[2].trim());
  }
  return fields;
}

function unquote(value: string): string {
  const quote = value[0];
  if ((quote === '"' || quote === "'") && value.length >= 2 && value.endsWith(quote)) {
    const inner = value.slice(1, -1);
    return quote === '"' ? inner.replace(/\\([\\$"`])/g, '$1') : inner;
  }
  return value;
}
