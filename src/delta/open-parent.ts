/**
 * Opens what `create --parent` (and merge) names as the parent, with its own chain, and works out
 * the digest a delta records for it: a store record's id, a pulled registry snapshot's id, or a
 * file's SHA-256.
 */
import { basename, resolve } from 'node:path';
import type { ParentSnapshot } from '../snapshot/capture.js';
import { SnapshotReader } from '../snapshot/reader.js';
import { defaultStoreDir, openStore } from '../store/layout.js';
import { openRecord, resolveRef, touchRecord } from '../store/records.js';
import { isStoreRef } from '../store/open.js';
import { StoreSession } from '../store/sessions.js';
import { connectRegistry, registryReference } from '../registry/connect.js';
import { isOciRef } from '../registry/open.js';
import { pullSnapshot } from '../registry/pull.js';
import { resolveChain, snapshotDigest } from './chain.js';

export interface ParentOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  maxDepth?: number;
  onProgress?: (done: number, total: number) => void;
}

export async function openParentSnapshot(arg: string, options: ParentOptions): Promise<ParentSnapshot> {
  const storeDir = defaultStoreDir(undefined, options.env, options.cwd);
  if (isStoreRef(arg) || isOciRef(arg)) {
    const layout = openStore(storeDir, isOciRef(arg));
    let id: string;
    if (isOciRef(arg)) {
      const ref = registryReference(arg, options.env);
      const client = connectRegistry(ref, options.env);
      try {
        id = (await pullSnapshot(layout, client, ref, { onProgress: options.onProgress })).id;
      } finally {
        client.close();
      }
    } else {
      id = resolveRef(layout, arg);
    }
    const session = StoreSession.begin(layout, `read ${id.slice(0, 12)}`);
    let reader: SnapshotReader;
    try {
      reader = openRecord(layout, id, arg);
      touchRecord(layout, id);
    } catch (error) {
      session.end();
      throw error;
    }
    reader.onClose = () => session.end();
    return withChain({ reader, digest: id, ref: arg }, storeDir, options.maxDepth);
  }
  const path = resolve(options.cwd, arg);
  const reader = SnapshotReader.open(path);
  let digest: string;
  try {
    digest = snapshotDigest(path);
  } catch (error) {
    reader.close();
    throw error;
  }
  return withChain({ reader, digest, ref: basename(path) }, storeDir, options.maxDepth);
}

function withChain(parent: ParentSnapshot, storeDir: string, maxDepth: number | undefined): ParentSnapshot {
  try {
    // A delta's own depth counts the new layer too: leave room for it.
    resolveChain(parent.reader, { storeDir, maxDepth: maxDepth === undefined ? undefined : maxDepth - 1 });
  } catch (error) {
    parent.reader.close();
    throw error;
  }
  return parent;
}
