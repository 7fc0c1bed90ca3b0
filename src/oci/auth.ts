/**
 * The registry's challenge flow. A 401 carries `WWW-Authenticate`: `Basic realm=…` means send
 * Basic credentials on every request; `Bearer realm=…,service=…,scope=…` means ask the realm for a
 * token covering the scopes (Basic-authenticated when we have credentials, anonymous otherwise)
 * and send it as `Bearer`. Tokens are cached per scope set until shortly before they expire; one
 * token request may name several scopes (a cross-repository mount needs pull on the source too).
 */
import { OperationError } from '../errors.js';
import type { Credentials } from './credentials.js';

export interface Challenge {
  /** Lower-cased: `basic`, `bearer`. */
  scheme: string;
  params: Record<string, string>;
}

/** Parses a WWW-Authenticate value into its challenges (quoted strings may hold commas). */
export function parseChallenges(header: string): Challenge[] {
  const challenges: Challenge[] = [];
  const token = /\s*([!#$%&'*+.^_`|~0-9A-Za-z-]+)\s*/y;
  let i = 0;
  let current: Challenge | undefined;
  while (i < header.length) {
    token.lastIndex = i;
    const name = token.exec(header);
    if (name === null) {
      i += 1; // a stray comma or space
      continue;
    }
    i = token.lastIndex;
    if (header[i] === '=') {
      i += 1;
      let value = '';
      if (header[i] === '"') {
        i += 1;
        while (i < header.length && header[i] !== '"') {
          if (header[i] === '\\' && i + 1 < header.length) i += 1;
          value += header[i];
          i += 1;
        }
        i += 1;
      } else {
        token.lastIndex = i;
        const bare = token.exec(header);
        value = bare?.[1] ?? '';
        i = bare === null ? i : token.lastIndex;
      }
      if (current !== undefined) current.params[name[1].toLowerCase()] = value;
    } else {
      current = { scheme: name[1].toLowerCase(), params: {} };
      challenges.push(current);
    }
    while (i < header.length && (header[i] === ',' || header[i] === ' ')) i += 1;
  }
  return challenges;
}

/** What the registry client gives us to reach a token realm (with its own retries and timeout). */
export type TokenFetcher = (url: URL, authorization: string | undefined) => Promise<{ status: number; body: Buffer }>;

interface CachedToken {
  value: Promise<string>;
  /** ms since the epoch after which we ask again. */
  expiresAt: number;
}

/** Tokens are refreshed this long before the server says they expire. */
const EXPIRY_MARGIN_MS = 10_000;
/** What the token spec says to assume when a token server names no lifetime. */
const DEFAULT_TOKEN_SECONDS = 60;

export function authHint(registry: string): string {
  return `set VITSNAP_REGISTRY_USER and VITSNAP_REGISTRY_PASSWORD, or run docker login ${registry}`;
}

export class RegistryAuth {
  readonly #registry: string;
  readonly #credentials: Credentials | undefined;
  readonly #fetchToken: TokenFetcher;
  readonly #now: () => number;
  #mode: 'unknown' | 'basic' | 'bearer' = 'unknown';
  #realm: URL | undefined;
  #service: string | undefined;
  readonly #tokens = new Map<string, CachedToken>();

  constructor(registry: string, credentials: Credentials | undefined, fetchToken: TokenFetcher, now: () => number = Date.now) {
    this.#registry = registry;
    this.#credentials = credentials;
    this.#fetchToken = fetchToken;
    this.#now = now;
  }

  /** What the messages say about who we are. */
  describeIdentity(): string {
    return this.#credentials === undefined ? 'anonymously (no credentials found)' : `as ${this.#credentials.describe()}`;
  }

  /** The Authorization header for a request that needs `scopes`, or undefined before any challenge. */
  async authorization(scopes: readonly string[]): Promise<string | undefined> {
    if (this.#mode === 'basic') return this.#credentials?.basicAuthorization();
    if (this.#mode === 'bearer') return `Bearer ${await this.#token(scopes)}`;
    return undefined;
  }

  /**
   * Learns from a 401. Returns normally when a new attempt may succeed; throws E_AUTH when the
   * same credentials were already refused (so the caller never loops).
   */
  async onUnauthorized(header: string | undefined, scopes: readonly string[], sent: string | undefined): Promise<void> {
    const challenges = parseChallenges(header ?? '');
    const bearer = challenges.find((c) => c.scheme === 'bearer' && c.params.realm !== undefined);
    const basic = challenges.find((c) => c.scheme === 'basic');
    if (bearer !== undefined) {
      const realm = parseRealm(bearer.params.realm, this.#registry);
      const sameRealm = this.#mode === 'bearer' && this.#realm?.href === realm.href && this.#service === bearer.params.service;
      // A request that left before we knew the challenge: the cached tokens are still good.
      if (sameRealm && sent === undefined) return;
      // Expired or revoked before its expires_in: forget it and ask again (the caller bounds the rounds).
      if (sameRealm && sent?.startsWith('Bearer ') === true && bearer.params.error === 'invalid_token') {
        this.#tokens.delete(scopeKey(scopes));
        return;
      }
      if (sameRealm && sent?.startsWith('Bearer ') === true) {
        const detail = bearer.params.error === undefined ? '' : ` (${bearer.params.error})`;
        const verb = scopes.some((s) => s.endsWith('push')) ? 'push to' : 'read';
        throw new OperationError('E_AUTH', `registry ${this.#registry} refused the token its auth server gave us ${this.describeIdentity()} for ${scopes.join(' ') || 'this request'}${detail}: this account may not ${verb} the repository; ${authHint(this.#registry)} with an account that may ${verb} it`);
      }
      this.#mode = 'bearer';
      this.#realm = realm;
      this.#service = bearer.params.service;
      this.#tokens.clear();
      return;
    }
    if (basic !== undefined) {
      if (this.#credentials === undefined) {
        throw new OperationError('E_AUTH', `registry ${this.#registry} requires a user name and password (HTTP 401); ${authHint(this.#registry)}`);
      }
      if (this.#mode === 'basic' && sent !== undefined) {
        throw new OperationError('E_AUTH', `registry ${this.#registry} rejected ${this.#credentials.describe()} (HTTP 401): wrong user name or password? ${authHint(this.#registry)}`);
      }
      this.#mode = 'basic';
      return;
    }
    throw new OperationError('E_AUTH', `registry ${this.#registry} answered 401 without a Basic or Bearer challenge (WWW-Authenticate: ${JSON.stringify(header ?? '')}); it is not an OCI registry this client can log in to`);
  }

  #token(scopes: readonly string[]): Promise<string> {
    const key = scopeKey(scopes);
    const cached = this.#tokens.get(key);
    if (cached !== undefined && cached.expiresAt > this.#now()) return cached.value;
    const entry: CachedToken = { value: Promise.resolve(''), expiresAt: Number.POSITIVE_INFINITY };
    entry.value = this.#requestToken([...new Set(scopes)].sort()).then(
      ({ token, seconds }) => {
        entry.expiresAt = this.#now() + seconds * 1000 - EXPIRY_MARGIN_MS;
        return token;
      },
      (error: unknown) => {
        this.#tokens.delete(key);
        throw error;
      },
    );
    this.#tokens.set(key, entry);
    return entry.value;
  }

  async #requestToken(scopes: readonly string[]): Promise<{ token: string; seconds: number }> {
    if (this.#realm === undefined) throw new Error('token requested before a Bearer challenge');
    const url = new URL(this.#realm.href);
    if (this.#service !== undefined) url.searchParams.set('service', this.#service);
    for (const scope of scopes) url.searchParams.append('scope', scope);
    const { status, body } = await this.#fetchToken(url, this.#credentials?.basicAuthorization());
    const where = `the token server ${this.#realm.origin}${this.#realm.pathname} of registry ${this.#registry}`;
    if (status === 401 || status === 403) {
      const why = this.#credentials === undefined ? 'requires credentials' : `rejected ${this.#credentials.describe()}: wrong user name or password?`;
      throw new OperationError('E_AUTH', `${where} ${why} (HTTP ${status}); ${authHint(this.#registry)}`);
    }
    if (status !== 200) throw new OperationError('E_REGISTRY', `${where} answered HTTP ${status} to a token request for ${scopes.join(' ') || 'no scope'}; check the registry's auth service, or try again later`);
    let parsed: unknown;
    try {
      parsed = JSON.parse(body.toString('utf8'));
    } catch {
      parsed = undefined;
    }
    const fields = typeof parsed === 'object' && parsed !== null ? (parsed as { token?: unknown; access_token?: unknown; expires_in?: unknown }) : {};
    const token = typeof fields.token === 'string' && fields.token !== '' ? fields.token : fields.access_token;
    if (typeof token !== 'string' || token === '') throw new OperationError('E_REGISTRY', `${where} answered without a "token" or "access_token"; it is not a registry token service this client understands`);
    const seconds = typeof fields.expires_in === 'number' && fields.expires_in > 0 ? fields.expires_in : DEFAULT_TOKEN_SECONDS;
    return { token, seconds };
  }
}

function scopeKey(scopes: readonly string[]): string {
  return [...new Set(scopes)].sort().join(' ');
}

function parseRealm(realm: string | undefined, registry: string): URL {
  try {
    const url = new URL(realm ?? '');
    if (url.protocol === 'http:' || url.protocol === 'https:') return url;
  } catch {
    // reported below
  }
  throw new OperationError('E_REGISTRY', `registry ${registry} named a token realm that is not an http(s) URL: ${JSON.stringify(realm ?? '')}; check the registry's auth configuration`);
}
