/**
 * The cache half of the results service (`github.actions.results.api.v1.CacheService`), what
 * @actions/cache calls with `ACTIONS_CACHE_SERVICE_V2` set:
 *
 * - `CreateCacheEntry` {key, version} → reserves an entry in the token's first writable scope and
 *   answers a signed upload URL; no writable scope → `ok: false` with a `cache write denied:`
 *   message (the client's policy-denial signal); a taken key+version → `already_exists`.
 * - `FinalizeCacheEntryUpload` {key, version, size_bytes} → checks the blob, publishes the entry.
 * - `GetCacheEntryDownloadURL` {key, restore_keys, version} → searches the token's readable
 *   scopes in token order; in each: `key` exactly, then `key` as a prefix, then each restore key
 *   as a prefix, newest entry first; only entries with the same `version`. Miss → `ok: false`;
 *   no readable scope → `permission_denied` with a `cache read denied:` message.
 *
 * Scopes come from the token's `ac` claim, entries belong to the token's run's repository.
 */
import { signBlobUrl } from './blob-service.js';
import { CachePermission, type CacheScope } from './runtime-token.js';
import type { EmulatorReply, EmulatorRequest, Service, ServiceContext } from './server.js';
import {
  answerTwirp,
  authenticateRuntimeToken,
  codeForStatus,
  int64Field,
  jsonReply,
  parseTwirpCall,
  stringField,
  stringListField,
  twirpErrorReply,
  TwirpError,
  type JsonObject,
  type TwirpCaller,
} from './twirp.js';
import { cacheBlobKey, findRepo, fullName, type CacheEntry, type Repository, type World } from './world.js';

export const CACHE_SERVICE = 'github.actions.results.api.v1.CacheService';

const URL_LIFETIME_MS = 3600_000;
/** The client refuses longer keys itself; the service does too. */
const MAX_KEY_LENGTH = 512;

function readable(scopes: readonly CacheScope[]): CacheScope[] {
  return scopes.filter((s) => (s.permission & CachePermission.read) !== 0);
}

function writable(scopes: readonly CacheScope[]): CacheScope[] {
  return scopes.filter((s) => (s.permission & CachePermission.write) !== 0);
}

function requireKeyAndVersion(body: JsonObject): { key: string; version: string } {
  const key = stringField(body, 'key');
  const version = stringField(body, 'version');
  if (key === '' || key.length > MAX_KEY_LENGTH || key.includes(',')) {
    throw new TwirpError('invalid_argument', `invalid key ${JSON.stringify(key)}`);
  }
  if (version === '') throw new TwirpError('invalid_argument', 'version is required');
  return { key, version };
}

/** The repository of the token's run: cache entries never cross repositories. */
function repoOf(caller: TwirpCaller, world: World): Repository {
  const repo = findRepo(world, caller.run.repo);
  if (repo === undefined) throw new TwirpError('internal', `run ${caller.run.id} names no seeded repository`);
  return repo;
}

function createCacheEntry(body: JsonObject, caller: TwirpCaller, context: ServiceContext): EmulatorReply {
  const { world } = context;
  const { key, version } = requireKeyAndVersion(body);
  const repo = repoOf(caller, world);
  const scope = writable(caller.claims.cacheScopes)[0];
  if (scope === undefined) {
    return jsonReply(200, { ok: false, signed_upload_url: '', message: 'cache write denied: the token grants no writable cache scope' });
  }
  const taken = world.cacheEntries.some(
    (e) => e.repo === fullName(repo) && e.scope === scope.scope && e.key === key && e.version === version,
  );
  if (taken) {
    throw new TwirpError('already_exists', 'cache entry with the same key, version, and scope already exists');
  }
  const id = world.nextIds.cacheEntry++;
  const entry: CacheEntry = {
    id,
    repo: fullName(repo),
    scope: scope.scope,
    key,
    version,
    blobKey: cacheBlobKey(repo, id),
    sizeBytes: 0,
    createdAt: world.now(),
    finalized: false,
  };
  world.cacheEntries.push(entry);
  return jsonReply(200, {
    ok: true,
    signed_upload_url: signBlobUrl(context, entry.blobKey, 'cw', URL_LIFETIME_MS),
    message: '',
  });
}

function finalizeCacheEntry(body: JsonObject, caller: TwirpCaller, world: World): EmulatorReply {
  const { key, version } = requireKeyAndVersion(body);
  const repo = fullName(repoOf(caller, world));
  const scopes = writable(caller.claims.cacheScopes).map((s) => s.scope);
  const entry = world.cacheEntries.find(
    (e) => e.repo === repo && scopes.includes(e.scope) && e.key === key && e.version === version && !e.finalized,
  );
  if (entry === undefined) throw new TwirpError('not_found', `no reserved cache entry for key ${JSON.stringify(key)}`);
  const content = world.blobs.get(entry.blobKey)?.content;
  if (content === undefined) {
    return jsonReply(200, { ok: false, entry_id: '0', message: 'cache entry has no uploaded content' });
  }
  const size = int64Field(body, 'size_bytes');
  if (size !== BigInt(content.length)) {
    return jsonReply(200, { ok: false, entry_id: '0', message: `size_bytes ${size} does not match the ${content.length} bytes uploaded` });
  }
  entry.sizeBytes = content.length;
  entry.finalized = true;
  return jsonReply(200, { ok: true, entry_id: String(entry.id), message: '' });
}

/** Newest first; the id breaks ties between entries created in the same millisecond. */
function newestFirst(a: CacheEntry, b: CacheEntry): number {
  return b.createdAt.getTime() - a.createdAt.getTime() || b.id - a.id;
}

/** The entry a restore finds, per the search order in the header comment. */
export function findCacheEntry(
  world: World,
  repo: string,
  scopes: readonly string[],
  key: string,
  restoreKeys: readonly string[],
  version: string,
): CacheEntry | undefined {
  for (const scope of scopes) {
    const candidates = world.cacheEntries
      .filter((e) => e.finalized && e.repo === repo && e.scope === scope && e.version === version)
      .sort(newestFirst);
    const exact = candidates.find((e) => e.key === key);
    if (exact !== undefined) return exact;
    for (const prefix of [key, ...restoreKeys]) {
      const match = candidates.find((e) => e.key.startsWith(prefix));
      if (match !== undefined) return match;
    }
  }
  return undefined;
}

function getDownloadUrl(body: JsonObject, caller: TwirpCaller, context: ServiceContext): EmulatorReply {
  const { world } = context;
  const { key, version } = requireKeyAndVersion(body);
  const restoreKeys = stringListField(body, 'restore_keys');
  const scopes = readable(caller.claims.cacheScopes).map((s) => s.scope);
  if (scopes.length === 0) throw new TwirpError('permission_denied', 'cache read denied: the token grants no readable cache scope');
  const entry = findCacheEntry(world, fullName(repoOf(caller, world)), scopes, key, restoreKeys, version);
  if (entry === undefined) return jsonReply(200, { ok: false, signed_download_url: '', matched_key: '' });
  return jsonReply(200, {
    ok: true,
    signed_download_url: signBlobUrl(context, entry.blobKey, 'r', URL_LIFETIME_MS),
    matched_key: entry.key,
  });
}

function handle(request: EmulatorRequest, context: ServiceContext): Promise<EmulatorReply> {
  return answerTwirp(() => {
    const call = parseTwirpCall(request, CACHE_SERVICE);
    const caller = authenticateRuntimeToken(request, context.world);
    switch (call.method) {
      case 'CreateCacheEntry':
        return createCacheEntry(call.body, caller, context);
      case 'FinalizeCacheEntryUpload':
        return finalizeCacheEntry(call.body, caller, context.world);
      case 'GetCacheEntryDownloadURL':
        return getDownloadUrl(call.body, caller, context);
      default:
        throw new TwirpError('bad_route', `no handler for ${CACHE_SERVICE}/${call.method}`);
    }
  });
}

export const cacheService: Service = {
  name: 'cache',
  owns: (path) => path.startsWith(`/twirp/${CACHE_SERVICE}/`),
  handle,
  errorReply: (status, message) => twirpErrorReply(codeForStatus(status), message),
};
