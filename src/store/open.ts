/** Commands take `store:NAME` (or `store:ID-PREFIX`) wherever they take a .vitsnap file. */
import { resolve } from 'node:path';
import { SnapshotReader } from '../snapshot/reader.js';
import { defaultStoreDir, openStore, type StoreLayout } from './layout.js';
import { openRecord, resolveRef, touchRecord } from './records.js';
import { StoreSession } from './sessions.js';

export const STORE_REF_PREFIX = 'store:';

export function isStoreRef(arg: string): boolean {
  return arg.startsWith(STORE_REF_PREFIX);
}

/**
 * A snapshot file, or a stored snapshot (from `$VITSNAP_STORE` or the default store) held in a
 * session until the reader is closed, so a GC cannot delete its chunks meanwhile; with the store
 * a `store:` snapshot came from (null for a file).
 */
export function openSnapshotRef(arg: string, cwd: string, env: NodeJS.ProcessEnv): { reader: SnapshotReader; store: StoreLayout | null } {
  if (!isStoreRef(arg)) return { reader: SnapshotReader.open(resolve(cwd, arg)), store: null };
  const layout = openStore(defaultStoreDir(undefined, env, cwd), false);
  const id = resolveRef(layout, arg);
  const session = StoreSession.begin(layout, `read ${id.slice(0, 12)}`);
  try {
    const reader = openRecord(layout, id);
    reader.onClose = () => session.end();
    touchRecord(layout, id);
    return { reader, store: layout };
  } catch (error) {
    session.end();
    throw error;
  }
}
