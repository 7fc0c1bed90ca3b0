/**
 * Where the action captures from, the way upload-artifact reads its `path`: globs relative to the
 * workspace, or absolute paths inside the workspace or the runner's temp directory
 * (`${{ runner.temp }}/out`). On Windows `\` separates path segments (it is no escape there).
 * All positive patterns must lie in one of the two places: the snapshot's paths are relative to it.
 */
import { isAbsolute, posix, win32 } from 'node:path';
import { OperationError } from '../errors.js';

export interface CapturePlan {
  /** Directory the snapshot's paths are relative to. */
  root: string;
  /** Globs relative to `root`; `!` kept. */
  patterns: string[];
}

export interface CapturePlaces {
  workspace: string;
  runnerTemp: string;
  platform?: NodeJS.Platform;
}

function isAbsoluteOn(path: string, windows: boolean): boolean {
  return windows ? /^[A-Za-z]:\//.test(path) || path.startsWith('//') : isAbsolute(path);
}

/** `path` relative to `dir`, when it lies inside it (both with `/` separators), else null. */
function inside(path: string, dir: string, windows: boolean): string | null {
  const fold = (s: string): string => (windows ? s.toLowerCase() : s);
  const base = dir.endsWith('/') ? dir : `${dir}/`;
  if (fold(path) === fold(dir)) return '';
  return fold(path).startsWith(fold(base)) ? path.slice(base.length) : null;
}

export function planCapture(patterns: readonly string[], places: CapturePlaces): CapturePlan {
  const windows = (places.platform ?? process.platform) === 'win32';
  const slashes = (s: string): string => (windows ? s.replaceAll('\\', '/') : s);
  const norm = (s: string): string => (windows ? win32.normalize(s).replaceAll('\\', '/') : posix.normalize(s));
  const workspace = norm(places.workspace).replace(/\/$/, '');
  const temp = norm(places.runnerTemp).replace(/\/$/, '');
  const planned = patterns.map((raw) => {
    const negated = raw.startsWith('!');
    const body = slashes(negated ? raw.slice(1) : raw);
    if (!isAbsoluteOn(body, windows)) return { negated, place: 'workspace' as const, rel: body.replace(/^\.\//, '') };
    const abs = norm(body);
    const inWorkspace = inside(abs, workspace, windows);
    if (inWorkspace !== null) return { negated, place: 'workspace' as const, rel: inWorkspace === '' ? '**' : inWorkspace };
    const inTemp = inside(abs, temp, windows);
    if (inTemp !== null) return { negated, place: 'temp' as const, rel: inTemp === '' ? '**' : inTemp };
    throw new OperationError('E_INPUT', `input 'path' names ${raw}, outside the workspace (${workspace}) and the runner's temp directory (${temp}); build into one of them, or give a path relative to the workspace`);
  });
  const places_ = new Set(planned.filter((p) => !p.negated).map((p) => p.place));
  if (places_.size > 1) {
    throw new OperationError('E_INPUT', "input 'path' mixes files in the workspace with files in the runner's temp directory; a snapshot captures from one place: copy the outputs into one directory first");
  }
  const place = places_.has('temp') ? 'temp' : 'workspace';
  return {
    root: place === 'temp' ? places.runnerTemp : places.workspace,
    patterns: planned.filter((p) => p.place === place).map((p) => `${p.negated ? '!' : ''}${p.rel}`),
  };
}
