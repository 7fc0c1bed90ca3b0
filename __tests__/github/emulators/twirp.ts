/**
 * Twirp over JSON as the results service speaks it: `POST /twirp/<package.Service>/<Method>`,
 * `Content-Type: application/json`, proto field names (snake_case), int64 and wrapper types as
 * strings, and errors as `{"code": "...", "msg": "..."}` with the status Twirp assigns the code.
 *
 * Every answer is JSON: the clients parse every body and retry a non-JSON one as if it were a
 * 5xx, for about a minute.
 */
import type { EmulatorReply, EmulatorRequest } from './server.js';
import { decodeRuntimeToken, type RuntimeTokenClaims } from './runtime-token.js';
import { findRunByBackendId, type World, type WorkflowRun } from './world.js';

export type TwirpCode =
  | 'canceled'
  | 'invalid_argument'
  | 'malformed'
  | 'deadline_exceeded'
  | 'not_found'
  | 'bad_route'
  | 'already_exists'
  | 'permission_denied'
  | 'unauthenticated'
  | 'resource_exhausted'
  | 'failed_precondition'
  | 'aborted'
  | 'out_of_range'
  | 'unimplemented'
  | 'internal'
  | 'unavailable'
  | 'dataloss'
  | 'unknown';

/** The Twirp spec's code → HTTP status table. */
const STATUS_OF: Record<TwirpCode, number> = {
  canceled: 408,
  invalid_argument: 400,
  malformed: 400,
  deadline_exceeded: 408,
  not_found: 404,
  bad_route: 404,
  already_exists: 409,
  permission_denied: 403,
  unauthenticated: 401,
  resource_exhausted: 429,
  failed_precondition: 412,
  aborted: 409,
  out_of_range: 400,
  unimplemented: 501,
  internal: 500,
  unavailable: 503,
  dataloss: 500,
  unknown: 500,
};

export class TwirpError extends Error {
  readonly code: TwirpCode;
  constructor(code: TwirpCode, message: string) {
    super(message);
    this.name = 'TwirpError';
    this.code = code;
  }
}

export function twirpErrorReply(code: TwirpCode, msg: string): EmulatorReply {
  return jsonReply(STATUS_OF[code], { code, msg });
}

/** The code an HTTP status most plausibly came with (for injected faults): the first in the table. */
export function codeForStatus(status: number): TwirpCode {
  const code = (Object.keys(STATUS_OF) as TwirpCode[]).find((c) => STATUS_OF[c] === status);
  return code ?? (status >= 500 ? 'unavailable' : 'unknown');
}

export function jsonReply(status: number, value: unknown): EmulatorReply {
  return { status, headers: { 'content-type': 'application/json' }, body: JSON.stringify(value) };
}

export type JsonObject = Record<string, unknown>;

export interface TwirpCall {
  method: string;
  body: JsonObject;
}

/** The method name and JSON body of a Twirp call to `service`, or a TwirpError. */
export function parseTwirpCall(request: EmulatorRequest, service: string): TwirpCall {
  const prefix = `/twirp/${service}/`;
  if (!request.url.pathname.startsWith(prefix)) {
    throw new TwirpError('bad_route', `no handler for path ${request.url.pathname}`);
  }
  if (request.method !== 'POST') {
    throw new TwirpError('bad_route', `unsupported method ${request.method} (only POST is allowed)`);
  }
  const contentType = String(request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (contentType !== 'application/json') {
    // The real service also takes application/protobuf; the clients only ever send JSON.
    throw new TwirpError('bad_route', `unexpected Content-Type: ${JSON.stringify(contentType)}`);
  }
  let body: unknown;
  try {
    body = request.body.length === 0 ? {} : JSON.parse(request.body.toString('utf8'));
  } catch (error) {
    throw new TwirpError('malformed', `failed to parse request json: ${(error as Error).message}`);
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new TwirpError('malformed', 'request json is not an object');
  }
  return { method: request.url.pathname.slice(prefix.length), body: body as JsonObject };
}

export interface TwirpCaller {
  claims: RuntimeTokenClaims;
  run: WorkflowRun;
}

/** The run behind the request's bearer runtime token, or an `unauthenticated` TwirpError. */
export function authenticateRuntimeToken(request: EmulatorRequest, world: World): TwirpCaller {
  const header = String(request.headers.authorization ?? '');
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (match === null) throw new TwirpError('unauthenticated', 'missing bearer token');
  const claims = decodeRuntimeToken(match[1]);
  if (claims === undefined) throw new TwirpError('unauthenticated', 'invalid token: no Actions.Results scope');
  if (claims.expiresAt.getTime() <= world.now().getTime()) throw new TwirpError('unauthenticated', 'token expired');
  const run = findRunByBackendId(world, claims.runBackendId);
  if (run === undefined) throw new TwirpError('unauthenticated', 'token names an unknown workflow run');
  return { claims, run };
}

// protobuf JSON readers accept the proto name and the lowerCamelCase JSON name; so does this.
function field(body: JsonObject, protoName: string): unknown {
  if (protoName in body) return body[protoName];
  const camel = protoName.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  return body[camel];
}

/** A string field; absent means '' (the client omits default values). */
export function stringField(body: JsonObject, name: string): string {
  const value = field(body, name);
  if (value === undefined || value === null) return '';
  if (typeof value !== 'string') throw new TwirpError('malformed', `${name}: expected a string`);
  return value;
}

/** A `google.protobuf.StringValue` field: a plain string in JSON, or absent. */
export function optionalStringField(body: JsonObject, name: string): string | undefined {
  const value = field(body, name);
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new TwirpError('malformed', `${name}: expected a string`);
  return value;
}

/** An int64 (or Int64Value) field: a decimal string in JSON, a number also accepted; absent means 0. */
export function int64Field(body: JsonObject, name: string): bigint {
  const value = field(body, name);
  if (value === undefined || value === null) return 0n;
  if (typeof value === 'number' && Number.isInteger(value)) return BigInt(value);
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return BigInt(value);
  throw new TwirpError('malformed', `${name}: expected an int64`);
}

export function optionalInt64Field(body: JsonObject, name: string): bigint | undefined {
  const value = field(body, name);
  return value === undefined || value === null ? undefined : int64Field(body, name);
}

export function int32Field(body: JsonObject, name: string): number {
  const value = field(body, name);
  if (value === undefined || value === null) return 0;
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value === 'string' && /^-?\d+$/.test(value)) return Number(value);
  throw new TwirpError('malformed', `${name}: expected an int32`);
}

export function stringListField(body: JsonObject, name: string): string[] {
  const value = field(body, name);
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) {
    throw new TwirpError('malformed', `${name}: expected a list of strings`);
  }
  return value as string[];
}

/** A `google.protobuf.Timestamp` field: RFC 3339 in JSON. */
export function optionalTimestampField(body: JsonObject, name: string): Date | undefined {
  const value = field(body, name);
  if (value === undefined || value === null) return undefined;
  const date = typeof value === 'string' ? new Date(value) : new Date(Number.NaN);
  if (Number.isNaN(date.getTime())) throw new TwirpError('malformed', `${name}: expected an RFC 3339 timestamp`);
  return date;
}

/** RFC 3339 as protobuf JSON writes Timestamps. */
export function timestampJson(date: Date): string {
  return date.toISOString();
}

/** Runs a Twirp handler, turning TwirpErrors into their JSON answers. */
export async function answerTwirp(run: () => EmulatorReply | Promise<EmulatorReply>): Promise<EmulatorReply> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof TwirpError) return twirpErrorReply(error.code, error.message);
    throw error;
  }
}
