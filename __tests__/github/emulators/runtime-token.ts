/**
 * The Actions runtime token (`ACTIONS_RUNTIME_TOKEN`): a JWT the runner hands every job. The
 * artifact and cache clients only decode it (never verify it), so the emulator mints unsigned
 * tokens (`alg: none`) with the two claims the services read:
 *
 * - `scp`: space-separated scopes; `Actions.Results:<workflowRunBackendId>:<workflowJobRunBackendId>`
 *   names the run and job the artifact service files uploads under.
 * - `ac`: a JSON *string* holding `[{"Scope":"refs/heads/main","Permission":3}]`, the cache scopes
 *   the job may read (bit 1) and write (bit 2).
 */

/** Bits of a cache scope's `Permission`. */
export const CachePermission = { read: 1, write: 2, readWrite: 3 } as const;

export interface CacheScope {
  /** A ref, e.g. `refs/heads/main` or `refs/pull/7/merge`. */
  scope: string;
  /** A bit set of {@link CachePermission}. */
  permission: number;
}

export interface RuntimeTokenClaims {
  runBackendId: string;
  jobBackendId: string;
  /** In the token's order, which is the order restores search them in. */
  cacheScopes: CacheScope[];
  issuedAt: Date;
  expiresAt: Date;
}

const ISSUER = 'vstoken.actions.githubusercontent.com';

function base64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString('base64url');
}

/** An unsigned JWT carrying the claims; its shape follows the runner's tokens. */
export function mintRuntimeToken(claims: RuntimeTokenClaims): string {
  const header = { typ: 'JWT', alg: 'none' };
  const payload = {
    nameid: 'dddddddd-dddd-dddd-dddd-dddddddddddd',
    scp: [
      'Actions.GenericRead:00000000-0000-0000-0000-000000000000',
      `Actions.UploadArtifacts:00000000-0000-0000-0000-000000000000:${claims.jobBackendId}`,
      `Actions.Results:${claims.runBackendId}:${claims.jobBackendId}`,
    ].join(' '),
    ac: JSON.stringify(claims.cacheScopes.map((s) => ({ Scope: s.scope, Permission: s.permission }))),
    iss: ISSUER,
    aud: ISSUER,
    iat: Math.floor(claims.issuedAt.getTime() / 1000),
    nbf: Math.floor(claims.issuedAt.getTime() / 1000),
    exp: Math.floor(claims.expiresAt.getTime() / 1000),
  };
  // An empty third segment: jwt-decode (what the clients use) reads only the payload.
  return `${base64url(header)}.${base64url(payload)}.`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseCacheScopes(ac: unknown): CacheScope[] | undefined {
  if (ac === undefined) return [];
  if (typeof ac !== 'string') return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(ac);
  } catch {
    return undefined;
  }
  if (!Array.isArray(parsed)) return undefined;
  const scopes: CacheScope[] = [];
  for (const item of parsed) {
    if (!isRecord(item) || typeof item.Scope !== 'string' || typeof item.Permission !== 'number') {
      return undefined;
    }
    scopes.push({ scope: item.Scope, permission: item.Permission });
  }
  return scopes;
}

/** The claims of a runtime token, or undefined when it is not one (malformed, no Results scope). */
export function decodeRuntimeToken(token: string): RuntimeTokenClaims | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  let payload: unknown;
  try {
    payload = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (!isRecord(payload) || typeof payload.scp !== 'string') return undefined;
  const results = payload.scp
    .split(' ')
    .map((s) => s.split(':'))
    .find((s) => s[0] === 'Actions.Results');
  if (results === undefined || results.length !== 3) return undefined;
  const cacheScopes = parseCacheScopes(payload.ac);
  if (cacheScopes === undefined) return undefined;
  const seconds = (claim: unknown): number | undefined => (typeof claim === 'number' ? claim : undefined);
  const iat = seconds(payload.iat) ?? 0;
  const exp = seconds(payload.exp);
  if (exp === undefined) return undefined;
  return {
    runBackendId: results[1],
    jobBackendId: results[2],
    cacheScopes,
    issuedAt: new Date(iat * 1000),
    expiresAt: new Date(exp * 1000),
  };
}
