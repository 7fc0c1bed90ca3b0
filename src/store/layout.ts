/**
 * Where a store keeps what (docs/store.md):
 *
 *   STORE/store.json          format marker; a directory without it is never written to
 *   STORE/chunks/ab/<sha256>  one chunk, compressed by its class, written once and never changed
 *   STORE/snapshots/<sha256>  a snapshot without its blocks (named by the standalone file's SHA-256)
 *   STORE/names/<name>        a name's snapshot id, like a tag
 *   STORE/files/ab/<sha256>-<mode>  a read-only plain copy of a file, for `restore --link`
 *   STORE/tmp/                temp files, renamed into place on the same filesystem
 *   STORE/sessions/           one file per live process that reads or adds chunks (GC waits for them)
 *   STORE/gc.lock/            held by the one running GC
 *   STORE/captures/<key>.statcache  stat records of the last capture of a root+globs (src/incremental/)
 */
import { mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { OperationError, fromSystemError } from '../errors.js';

export const STORE_FORMAT = 'vitsnap-store';
export const STORE_VERSION = 1;

const HEX64 = /^[0-9a-f]{64}$/;
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export interface StoreLayout {
  root: string;
  chunks: string;
  snapshots: string;
  names: string;
  files: string;
  tmp: string;
  sessions: string;
  gcLock: string;
}

/** `--store`, else `$VITSNAP_STORE`, else `$XDG_CACHE_HOME/vitsnap`, else `~/.cache/vitsnap`. */
export function defaultStoreDir(flag: string | undefined, env: NodeJS.ProcessEnv, cwd: string): string {
  if (flag !== undefined && flag !== '') return resolve(cwd, flag);
  if (env.VITSNAP_STORE !== undefined && env.VITSNAP_STORE !== '') return resolve(cwd, env.VITSNAP_STORE);
  const cache = env.XDG_CACHE_HOME !== undefined && env.XDG_CACHE_HOME !== '' ? env.XDG_CACHE_HOME : join(env.HOME ?? homedir(), '.cache');
  return resolve(cwd, cache, 'vitsnap');
}

export function layoutOf(root: string): StoreLayout {
  return {
    root,
    chunks: join(root, 'chunks'),
    snapshots: join(root, 'snapshots'),
    names: join(root, 'names'),
    files: join(root, 'files'),
    tmp: join(root, 'tmp'),
    sessions: join(root, 'sessions'),
    gcLock: join(root, 'gc.lock'),
  };
}

/**
 * Opens a store, creating it when `create` is set and the directory is empty or absent. A
 * non-empty directory that is not a store is refused: we never scatter files into someone's folder.
 */
export function openStore(root: string, create: boolean): StoreLayout {
  const layout = layoutOf(root);
  const marker = join(root, 'store.json');
  let text: string | null = null;
  try {
    text = readFileSync(marker, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw fromSystemError(error, `cannot read store ${root}`);
  }
  if (text === null) {
    if (!create) throw new OperationError('E_NOT_FOUND', `no vitsnap store at ${root}; add a snapshot first (vitsnap store add FILE --store ${root}) or pass --store`);
    let existing: string[] = [];
    try {
      if (!statSync(root).isDirectory()) throw new OperationError('E_USAGE', `cannot use ${root} as a store: it is not a directory`);
      existing = readdirSync(root);
    } catch (error) {
      if ((error as { name?: string }).name === 'OperationError') throw error;
    }
    if (existing.length > 0) {
      throw new OperationError('E_USAGE', `cannot use ${root} as a store: the directory is not empty and has no store.json; pick an empty or new directory`);
    }
    try {
      for (const dir of [layout.chunks, layout.snapshots, layout.names, layout.files, layout.tmp, layout.sessions]) mkdirSync(dir, { recursive: true });
      writeFileSync(marker, `${JSON.stringify({ format: STORE_FORMAT, version: STORE_VERSION })}\n`);
    } catch (error) {
      throw fromSystemError(error, `cannot create store ${root}`);
    }
    return layout;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = null;
  }
  const p = parsed as { format?: unknown; version?: unknown } | null;
  if (p === null || typeof p !== 'object' || p.format !== STORE_FORMAT) {
    throw new OperationError('E_INPUT', `${marker} is not a vitsnap store marker; pass another --store`);
  }
  if (p.version !== STORE_VERSION) {
    throw new OperationError('E_INPUT', `store ${root} has format version ${String(p.version)}; this vitsnap reads version ${STORE_VERSION}: upgrade vitsnap`);
  }
  for (const dir of [layout.chunks, layout.snapshots, layout.names, layout.files, layout.tmp, layout.sessions]) {
    try {
      mkdirSync(dir, { recursive: true });
    } catch (error) {
      throw fromSystemError(error, `cannot open store ${root}`);
    }
  }
  return layout;
}

export function chunkPath(layout: StoreLayout, hex: string): string {
  return join(layout.chunks, hex.slice(0, 2), hex);
}

export function isDigestHex(text: string): boolean {
  return HEX64.test(text);
}

export function checkName(name: string): string {
  if (!NAME.test(name)) {
    throw new OperationError('E_USAGE', `invalid snapshot name ${JSON.stringify(name)}: use letters, digits, '.', '_' and '-' (at most 128, starting with a letter or digit), e.g. main-build`);
  }
  return name;
}
