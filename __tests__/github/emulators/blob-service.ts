/**
 * Azure Block Blob, the subset @azure/storage-blob and the Actions clients use, behind
 * path-style signed URLs (`/<account>/<container>/<blob>?sv=…&se=…&sp=…&sig=…`, the form the SDK
 * parses for IP hosts):
 *
 * - `PUT ?comp=block&blockid=<base64>`: Put Block (artifact uploads, one per 8 MiB chunk; even a
 *   tiny artifact is one block plus a block list, since the client streams).
 * - `PUT ?comp=blocklist` with `<BlockList><Latest>id</Latest>…</BlockList>`: Put Block List.
 * - `PUT` with `x-ms-blob-type: BlockBlob`: Put Blob in one shot (cache saves up to 128 MiB).
 * - `GET`/`HEAD`, with `Range`, answering the stored content type; `rscd`/`rsct` in the URL
 *   override Content-Disposition/Content-Type, as SAS response overrides do.
 *
 * URLs are signed with the world's key (HMAC over permissions, expiry, blob and overrides), so a
 * tampered, expired or read-only URL gets Azure's 403, in Azure's XML error format.
 */
import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import type { EmulatorReply, EmulatorRequest, Service, ServiceContext } from './server.js';
import { newEtag, type StoredBlob, type World } from './world.js';

export const BLOB_ACCOUNT = 'actionsemulator';
const SERVICE_VERSION = '2025-01-05';

/** SAS permissions: r(ead), c(reate), w(rite). */
export type BlobPermissions = 'r' | 'cw' | 'rcw';

export interface SasOverrides {
  /** Content-Disposition to answer reads with. */
  rscd?: string;
  /** Content-Type to answer reads with. */
  rsct?: string;
}

function signature(world: World, permissions: string, expiry: string, key: string, overrides: SasOverrides): Buffer {
  const toSign = [permissions, expiry, key, overrides.rscd ?? '', overrides.rsct ?? ''].join('\n');
  return createHmac('sha256', world.sasKey).update(toSign).digest();
}

/** A signed URL for the blob `key` (`<container>/<path>`), valid for `lifetimeMs`. */
export function signBlobUrl(
  context: ServiceContext,
  key: string,
  permissions: BlobPermissions,
  lifetimeMs: number,
  overrides: SasOverrides = {},
): string {
  const expiry = new Date(context.world.now().getTime() + lifetimeMs).toISOString().replace(/\.\d{3}Z$/, 'Z');
  const path = key.split('/').map(encodeURIComponent).join('/');
  const url = new URL(`${context.urls.blob}/${BLOB_ACCOUNT}/${path}`);
  url.searchParams.set('sv', SERVICE_VERSION);
  url.searchParams.set('sr', 'b');
  url.searchParams.set('sp', permissions);
  url.searchParams.set('se', expiry);
  if (overrides.rscd !== undefined) url.searchParams.set('rscd', overrides.rscd);
  if (overrides.rsct !== undefined) url.searchParams.set('rsct', overrides.rsct);
  url.searchParams.set('sig', signature(context.world, permissions, expiry, key, overrides).toString('base64'));
  return url.href;
}

const ERROR_MESSAGES: Record<string, string> = {
  AuthenticationFailed:
    'Server failed to authenticate the request. Make sure the value of Authorization header is formed correctly including the signature.',
  AuthorizationPermissionMismatch: 'This request is not authorized to perform this operation using this permission.',
  BlobNotFound: 'The specified blob does not exist.',
  InvalidBlockList: 'The specified block list is invalid.',
  InvalidQueryParameterValue: 'Value for one of the query parameters specified in the request URI is invalid.',
  MissingRequiredHeader: 'An HTTP header that\'s mandatory for this request is not specified.',
  InvalidRange: 'The range specified is invalid for the current size of the resource.',
  UnsupportedHttpVerb: 'The resource doesn\'t support the specified HTTP verb.',
  InvalidUri: 'The requested URI does not represent any resource on the server.',
  InternalError: 'Server encountered an internal error. Please try again after some time.',
  ServerBusy: 'The server is currently unable to receive requests. Please retry your request.',
};

function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

function storageError(status: number, code: string, detail?: string): EmulatorReply {
  const requestId = randomUUID();
  const message = [detail ?? ERROR_MESSAGES[code] ?? code, `RequestId:${requestId}`, `Time:${new Date().toISOString()}`].join('\n');
  return {
    status,
    headers: {
      'content-type': 'application/xml',
      'x-ms-error-code': code,
      'x-ms-request-id': requestId,
      'x-ms-version': SERVICE_VERSION,
    },
    body: `<?xml version="1.0" encoding="utf-8"?><Error><Code>${code}</Code><Message>${xmlEscape(message)}</Message></Error>`,
  };
}

function codeForStatus(status: number): string {
  if (status === 503 || status === 429) return 'ServerBusy';
  if (status === 403) return 'AuthenticationFailed';
  if (status === 404) return 'BlobNotFound';
  if (status === 400) return 'InvalidQueryParameterValue';
  return 'InternalError';
}

function commonHeaders(request: EmulatorRequest): Record<string, string> {
  return {
    'x-ms-request-id': randomUUID(),
    'x-ms-version': String(request.headers['x-ms-version'] ?? SERVICE_VERSION),
  };
}

function header(request: EmulatorRequest, name: string): string | undefined {
  const value = request.headers[name];
  return Array.isArray(value) ? value[0] : value;
}

interface SignedTarget {
  key: string;
  permissions: string;
  overrides: SasOverrides;
}

/** The blob the URL names, if its signature holds and it has not expired; else a 403 reply. */
function verifySas(request: EmulatorRequest, world: World): SignedTarget | EmulatorReply {
  const segments = request.url.pathname.split('/').slice(1);
  if (segments.length < 3 || segments[0] !== BLOB_ACCOUNT) return storageError(400, 'InvalidUri');
  const key = segments.slice(1).map(decodeURIComponent).join('/');
  const params = request.url.searchParams;
  const permissions = params.get('sp');
  const expiry = params.get('se');
  const sig = params.get('sig');
  if (permissions === null || expiry === null || sig === null) {
    return storageError(403, 'AuthenticationFailed', 'Server failed to authenticate the request: no signature in the URL.');
  }
  const overrides: SasOverrides = {};
  const rscd = params.get('rscd');
  const rsct = params.get('rsct');
  if (rscd !== null) overrides.rscd = rscd;
  if (rsct !== null) overrides.rsct = rsct;
  const expected = signature(world, permissions, expiry, key, overrides);
  const given = Buffer.from(sig, 'base64');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) {
    return storageError(403, 'AuthenticationFailed', 'Signature did not match.');
  }
  if (new Date(expiry).getTime() <= world.now().getTime()) {
    return storageError(403, 'AuthenticationFailed', 'Signed expiry time has passed.');
  }
  return { key, permissions, overrides };
}

function emptyBlob(world: World, key: string): StoredBlob {
  return {
    key,
    contentType: 'application/octet-stream',
    uncommittedBlocks: new Map(),
    committedBlocks: new Map(),
    etag: newEtag(),
    lastModified: world.now(),
  };
}

function commit(world: World, blob: StoredBlob, request: EmulatorRequest, content: Buffer, fallbackType?: string): void {
  blob.content = content;
  blob.contentType = header(request, 'x-ms-blob-content-type') ?? fallbackType ?? 'application/octet-stream';
  blob.contentDisposition = header(request, 'x-ms-blob-content-disposition');
  blob.etag = newEtag();
  blob.lastModified = world.now();
}

function created(request: EmulatorRequest, blob: StoredBlob, extra: Record<string, string> = {}): EmulatorReply {
  return {
    status: 201,
    headers: {
      ...commonHeaders(request),
      etag: blob.etag,
      'last-modified': blob.lastModified.toUTCString(),
      'x-ms-request-server-encrypted': 'true',
      ...extra,
    },
  };
}

/** A block id must be base64 of at most 64 bytes. */
function validBlockId(id: string): boolean {
  return id.length > 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(id) && Buffer.from(id, 'base64').length <= 64;
}

function putBlock(request: EmulatorRequest, world: World, key: string): EmulatorReply {
  const blockId = request.url.searchParams.get('blockid');
  if (blockId === null || !validBlockId(blockId)) return storageError(400, 'InvalidQueryParameterValue', 'Invalid blockid.');
  const blob = world.blobs.get(key) ?? emptyBlob(world, key);
  world.blobs.set(key, blob);
  blob.uncommittedBlocks.set(blockId, request.body);
  return created(request, blob);
}

function putBlockList(request: EmulatorRequest, world: World, key: string): EmulatorReply {
  const xml = request.body.toString('utf8');
  if (!/<BlockList>/.test(xml)) return storageError(400, 'InvalidBlockList', 'The block list XML is missing <BlockList>.');
  const blob = world.blobs.get(key) ?? emptyBlob(world, key);
  const order: Array<[string, Buffer]> = [];
  for (const match of xml.matchAll(/<(Committed|Uncommitted|Latest)>([^<]*)<\/\1>/g)) {
    const [, kind, id] = match;
    const data =
      kind === 'Committed'
        ? blob.committedBlocks.get(id)
        : kind === 'Uncommitted'
          ? blob.uncommittedBlocks.get(id)
          : (blob.uncommittedBlocks.get(id) ?? blob.committedBlocks.get(id));
    if (data === undefined) return storageError(400, 'InvalidBlockList', `Block ${id} (${kind}) does not exist.`);
    order.push([id, data]);
  }
  commit(world, blob, request, Buffer.concat(order.map(([, data]) => data)));
  blob.committedBlocks = new Map(order);
  // Azure drops the uncommitted blocks once a list is committed.
  blob.uncommittedBlocks.clear();
  world.blobs.set(key, blob);
  return created(request, blob);
}

function putBlob(request: EmulatorRequest, world: World, key: string): EmulatorReply {
  const type = header(request, 'x-ms-blob-type');
  if (type === undefined) return storageError(400, 'MissingRequiredHeader', 'x-ms-blob-type is required.');
  if (type !== 'BlockBlob') return storageError(400, 'InvalidQueryParameterValue', `Only BlockBlob is emulated, not ${type}.`);
  const blob = world.blobs.get(key) ?? emptyBlob(world, key);
  commit(world, blob, request, request.body, header(request, 'content-type'));
  blob.committedBlocks = new Map();
  blob.uncommittedBlocks.clear();
  world.blobs.set(key, blob);
  return created(request, blob, { 'content-md5': createHash('md5').update(request.body).digest('base64') });
}

function parseRange(text: string, size: number): { start: number; end: number } | 'invalid' | undefined {
  const match = /^bytes=(\d*)-(\d*)$/.exec(text.trim());
  if (match === null) return undefined; // Azure ignores a Range it cannot parse
  const [, from, to] = match;
  if (from === '' && to === '') return undefined;
  if (from === '') {
    const suffix = Math.min(Number(to), size);
    return suffix === 0 ? 'invalid' : { start: size - suffix, end: size - 1 };
  }
  const start = Number(from);
  const end = to === '' ? size - 1 : Math.min(Number(to), size - 1);
  if (start >= size || end < start) return 'invalid';
  return { start, end };
}

function read(request: EmulatorRequest, world: World, target: SignedTarget): EmulatorReply {
  const blob = world.blobs.get(target.key);
  if (blob === undefined || blob.content === undefined) return storageError(404, 'BlobNotFound');
  const content = blob.content;
  const headers: Record<string, string> = {
    ...commonHeaders(request),
    'content-type': target.overrides.rsct ?? blob.contentType,
    etag: blob.etag,
    'last-modified': blob.lastModified.toUTCString(),
    'accept-ranges': 'bytes',
    'x-ms-blob-type': 'BlockBlob',
    'x-ms-server-encrypted': 'true',
  };
  const disposition = target.overrides.rscd ?? blob.contentDisposition;
  if (disposition !== undefined) headers['content-disposition'] = disposition;
  const rangeHeader = header(request, 'x-ms-range') ?? header(request, 'range');
  const range = rangeHeader === undefined ? undefined : parseRange(rangeHeader, content.length);
  if (range === 'invalid') return storageError(416, 'InvalidRange');
  if (range === undefined) return { status: 200, headers, body: content };
  headers['content-range'] = `bytes ${range.start}-${range.end}/${content.length}`;
  return { status: 206, headers, body: content.subarray(range.start, range.end + 1) };
}

function handle(request: EmulatorRequest, context: ServiceContext): EmulatorReply {
  const { world } = context;
  const target = verifySas(request, world);
  if (!('key' in target)) return target;
  if (request.method === 'GET' || request.method === 'HEAD') {
    if (!target.permissions.includes('r')) return storageError(403, 'AuthorizationPermissionMismatch');
    return read(request, world, target);
  }
  if (request.method !== 'PUT') return storageError(405, 'UnsupportedHttpVerb');
  if (!target.permissions.includes('w') && !target.permissions.includes('c')) {
    return storageError(403, 'AuthorizationPermissionMismatch');
  }
  const comp = request.url.searchParams.get('comp');
  if (comp === 'block') return putBlock(request, world, target.key);
  if (comp === 'blocklist') return putBlockList(request, world, target.key);
  if (comp === null) return putBlob(request, world, target.key);
  return storageError(400, 'InvalidQueryParameterValue', `comp=${comp} is not emulated.`);
}

export const blobService: Service = {
  name: 'blob',
  owns: () => true,
  handle,
  errorReply: (status, message) => storageError(status, codeForStatus(status), message),
};
