/**
 * Opens what a command names as a snapshot: a `.vitsnap` file, `store:NAME`, or `oci://…`. A
 * registry snapshot is read through the local store: its record is fetched (and kept under a
 * temporary name while the reader is open), and chunks only when asked for, all of them or
 * those of the files a diff must read.
 */
import { randomBytes } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import type { SnapshotReader } from '../snapshot/reader.js';
import type { FileEntry } from '../snapshot/types.js';
import { defaultStoreDir, openStore, type StoreLayout } from '../store/layout.js';
import { openSnapshotRef } from '../store/open.js';
import { openRecord, recordPath } from '../store/records.js';
import { StoreSession } from '../store/sessions.js';
import { connectRegistry, registryReference } from './connect.js';
import { resolve } from 'node:path';
import { missingLayer, resolveChain } from '../delta/chain.js';
import { fetchChunks, fetchRemote, pullSnapshot } from './pull.js';

export const OCI_PREFIX = 'oci://';

export function isOciRef(arg: string): boolean {
  return arg.startsWith(OCI_PREFIX);
}

export interface OpenedSnapshot {
  reader: SnapshotReader;
  /** The store its chunks come from (store: and oci:// snapshots). */
  store: StoreLayout | null;
  /** For an oci:// snapshot: fetches the chunks of these files into the store. */
  fetchFiles: ((entries: readonly FileEntry[]) => Promise<void>) | null;
}

export interface OpenOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  /** Where the parents of a delta snapshot may be, besides its directory and the store. */
  parents?: readonly string[];
  /** Layers of a delta chain to follow (default 16). */
  maxDepth?: number;
  /** A missing parent is no error (info): the chain is attached as far as it is found. */
  partialChain?: boolean;
  /** Fetch every chunk of an oci:// snapshot up front (restore, verify). */
  fetchAll?: boolean;
  onProgress?: (done: number, total: number) => void;
}

export async function openSnapshotAnywhere(arg: string, options: OpenOptions): Promise<OpenedSnapshot> {
  const opened = await openOne(arg, options);
  const { reader, fetchFiles } = opened;
  try {
    const attached = reader.isDelta ? attachChain(reader, options) : Promise.resolve();
    // partialChain: attached as far as the layers are found (info).
    await (options.partialChain === true ? attached.catch(() => undefined) : attached);
    // After the chain: a delta's entry list may be stored against its parent's.
    if (options.fetchAll === true && fetchFiles !== null) await fetchFiles(reader.manifest.entries.filter((e): e is FileEntry => e.type === 'file'));
  } catch (error) {
    reader.close();
    throw error;
  }
  return opened;
}

/**
 * Attaches a delta's parents. A parent found nowhere locally whose `parentRef` is a registry
 * reference is pulled into the store (verified against its id there), then looked for again.
 */
async function attachChain(reader: SnapshotReader, options: OpenOptions): Promise<void> {
  const storeDir = defaultStoreDir(undefined, options.env, options.cwd);
  const pulled = new Set<string>();
  for (;;) {
    try {
      resolveChain(reader, { storeDir, candidates: (options.parents ?? []).map((p) => resolve(options.cwd, p)), maxDepth: options.maxDepth });
      return;
    } catch (error) {
      const layer = missingLayer(reader);
      const ref = layer?.summary.parentRef;
      if ((error as { code?: string }).code !== 'E_PARENT' || ref === undefined || !isOciRef(ref) || pulled.has(ref)) throw error;
      pulled.add(ref);
      const registryRef = registryReference(ref, options.env);
      const client = connectRegistry(registryRef, options.env);
      try {
        await pullSnapshot(openStore(storeDir, true), client, registryRef, { onProgress: options.onProgress });
      } finally {
        client.close();
      }
    }
  }
}

async function openOne(arg: string, options: OpenOptions): Promise<OpenedSnapshot> {
  if (!isOciRef(arg)) return { ...openSnapshotRef(arg, options.cwd, options.env), fetchFiles: null };
  const { env, cwd } = options;
  const ref = registryReference(arg, env);
  const layout = openStore(defaultStoreDir(undefined, env, cwd), true);
  const client = connectRegistry(ref, env);
  const session = StoreSession.begin(layout, `read ${arg}`);
  const pending = `remote-${process.pid}-${randomBytes(6).toString('hex')}`;
  let released = false;
  const release = (): void => {
    if (released) return;
    released = true;
    rmSync(recordPath(layout, pending), { force: true });
    session.end();
    client.close();
  };
  try {
    const remote = await fetchRemote(client, ref);
    writeFileSync(recordPath(layout, pending), remote.record);
    const reader = openRecord(layout, pending, arg);
    reader.onClose = release;
    const byChunk = new Map(remote.chunks.map((c) => [c.chunk, c]));
    const fetchFiles = async (entries: readonly FileEntry[]): Promise<void> => {
      const wanted = new Set<string>();
      for (const e of entries) {
        for (const c of reader.fileChunks(e)) wanted.add(c.sha256.toString('hex'));
        // A delta's patches are chunks of its own that no file lists.
        for (const p of e.patches ?? []) wanted.add(p.patch);
      }
      const blobs = [...wanted].flatMap((hex) => byChunk.get(hex) ?? []);
      await fetchChunks(layout, client, blobs, { onProgress: options.onProgress });
    };
    return { reader, store: layout, fetchFiles };
  } catch (error) {
    release();
    throw error;
  }
}
