/**
 * Requests to one registry with what every call needs: the auth challenge flow, retries with
 * backoff (429, 5xx, dropped connections, timeouts), redirects for reads, and errors that name the
 * registry, the repository and what to do next.
 */
import type { Readable } from 'node:stream';
import { OperationError } from '../errors.js';
import { authHint, RegistryAuth } from './auth.js';
import type { Credentials } from './credentials.js';
import { Agents, sendRequest, SourceError, TransportError, type HttpResponse } from './http.js';
import { backoffDelay, isRetryableStatus, parseRetryAfter, sleep, type RetryPolicy } from './retry.js';

export interface TransportOptions {
  /** `http://host:port` or `https://host`. */
  baseUrl: string;
  /** `host[:port]`, for messages and credentials. */
  registry: string;
  credentials: Credentials | undefined;
  retry: RetryPolicy;
  timeoutMs: number;
  userAgent: string;
  /** Extra CA certificates (PEM) to trust for this registry. */
  ca?: string | Buffer;
  /** Called before each retry, e.g. to log "retrying after 503 (attempt 2 of 5)". */
  onRetry?: (info: RetryInfo) => void;
}

export interface RetryInfo {
  what: string;
  attempt: number;
  attempts: number;
  delayMs: number;
  reason: string;
}

export interface Exchange {
  method: 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** A path under the registry (`/v2/…`) or an absolute URL (an upload Location). */
  target: string;
  headers?: Record<string, string>;
  /** Opened again for each attempt, so a retried request resends the whole body. */
  body?: () => Buffer | Readable;
  /** Scopes the request needs for a Bearer token (`repository:NAME:pull,push`). */
  scopes: readonly string[];
  /** Statuses handed back to the caller; any other one becomes an error. */
  accept: readonly number[];
  /** What we were doing, for messages: "pushing blob sha256:… to owner/repo". */
  what: string;
  /** The E_NOT_FOUND message for a 404 not in `accept`: "what is missing; what to do". */
  notFound?: string;
  /** False for requests that must not be repeated as they are (a PATCH of an upload). */
  retry?: boolean;
  onSent?: (bytes: number) => void;
}

/** One `errors[]` item of a registry's JSON error body. */
interface RegistryErrorItem {
  code?: unknown;
  message?: unknown;
}

const ERROR_BODY_LIMIT = 64 * 1024;
const MAX_REDIRECTS = 5;

/** "HTTP 400 DIGEST_INVALID: provided digest did not match uploaded content" from an error answer. */
export async function describeFailure(response: HttpResponse): Promise<string> {
  let body: Buffer;
  try {
    body = await response.bytes(ERROR_BODY_LIMIT);
  } catch {
    return `HTTP ${response.status}`;
  }
  try {
    const parsed = JSON.parse(body.toString('utf8')) as { errors?: RegistryErrorItem[] };
    const items = Array.isArray(parsed.errors) ? parsed.errors : [];
    const text = items
      .map((e) => [typeof e.code === 'string' ? e.code : '', typeof e.message === 'string' ? e.message : ''].filter((s) => s !== '').join(': '))
      .filter((s) => s !== '')
      .join('; ');
    if (text !== '') return `HTTP ${response.status} ${text}`;
  } catch {
    // not JSON: fall through to the plain text
  }
  const plain = body.toString('utf8').replace(/\s+/g, ' ').trim().slice(0, 200);
  return plain === '' ? `HTTP ${response.status}` : `HTTP ${response.status}: ${plain}`;
}

export class Transport {
  readonly registry: string;
  readonly auth: RegistryAuth;
  readonly #options: TransportOptions;
  readonly #agents: Agents;

  constructor(options: TransportOptions) {
    this.#options = options;
    this.#agents = new Agents(options.ca);
    this.registry = options.registry;
    this.auth = new RegistryAuth(options.registry, options.credentials, (url, authorization) => this.#fetchToken(url, authorization));
  }

  get retryPolicy(): RetryPolicy {
    return this.#options.retry;
  }

  close(): void {
    this.#agents.close();
  }

  /** Resolves an upload Location (relative or absolute) against the registry, keeping its query. */
  resolve(target: string): URL {
    return new URL(target, this.#options.baseUrl);
  }

  /**
   * Sends the request until it gets a status in `accept` (returned with its body unread) or fails
   * for good: E_AUTH for 401/403, E_NOT_FOUND for 404, E_NETWORK when retries ran out, E_REGISTRY
   * for any other answer.
   */
  async send(exchange: Exchange): Promise<HttpResponse> {
    const { attempts } = this.#options.retry;
    let url = this.resolve(exchange.target);
    let attempt = 1;
    let authRounds = 0;
    let redirects = 0;
    const crossOrigin = (): boolean => url.origin !== new URL(this.#options.baseUrl).origin;
    for (;;) {
      const headers: Record<string, string> = { 'User-Agent': this.#options.userAgent, ...exchange.headers };
      const authorization = crossOrigin() ? undefined : await this.auth.authorization(exchange.scopes);
      if (authorization !== undefined) headers.Authorization = authorization;
      let response: HttpResponse;
      try {
        response = await sendRequest({ method: exchange.method, url, headers, body: exchange.body?.(), timeoutMs: this.#options.timeoutMs, onSent: exchange.onSent }, this.#agents);
      } catch (error) {
        if (error instanceof SourceError) throw error.cause;
        if (!(error instanceof TransportError)) throw error;
        if (error.retryable && exchange.retry !== false && attempt < attempts) {
          await this.#pause(exchange.what, attempt, backoffDelay(attempt, this.#options.retry), this.#networkReason(error));
          attempt += 1;
          continue;
        }
        throw this.networkError(exchange.what, error, attempt);
      }
      const { status } = response;
      if (exchange.accept.includes(status)) return response;
      if (status === 401 && !crossOrigin() && authRounds < 2) {
        await response.discard();
        authRounds += 1;
        await this.auth.onUnauthorized(headerText(response.headers['www-authenticate']), exchange.scopes, authorization);
        continue;
      }
      const location = headerText(response.headers.location);
      if ((exchange.method === 'GET' || exchange.method === 'HEAD') && [301, 302, 303, 307, 308].includes(status) && location !== undefined && redirects < MAX_REDIRECTS) {
        await response.discard();
        redirects += 1;
        url = new URL(location, url);
        continue;
      }
      if (isRetryableStatus(status) && exchange.retry !== false && attempt < attempts) {
        const retryAfter = parseRetryAfter(response.headers['retry-after'], Date.now());
        await response.discard();
        if (retryAfter !== undefined && retryAfter > this.#options.retry.maxRetryAfterMs) {
          throw new OperationError('E_NETWORK', `registry ${this.registry} answered HTTP ${status} to ${exchange.what} and asked to wait ${Math.ceil(retryAfter / 1000)} s (Retry-After); try again later`);
        }
        const delay = Math.max(retryAfter ?? 0, backoffDelay(attempt, this.#options.retry));
        await this.#pause(exchange.what, attempt, delay, `HTTP ${status}`);
        attempt += 1;
        continue;
      }
      throw await this.statusError(exchange, response, attempt);
    }
  }

  /**
   * send() and read the whole body (at most `limit` bytes), sending again when the body is cut
   * half-way; the status comes back too (for callers that accept a 404).
   */
  async fetchBytes(exchange: Exchange, limit: number): Promise<{ status: number; headers: HttpResponse['headers']; body: Buffer }> {
    const { attempts } = this.#options.retry;
    for (let attempt = 1; ; attempt += 1) {
      const response = await this.send(exchange);
      try {
        return { status: response.status, headers: response.headers, body: await response.bytes(limit) };
      } catch (error) {
        if (error instanceof RangeError) throw new OperationError('E_REGISTRY', `registry ${this.registry} sent more than ${limit} bytes while ${exchange.what}; that is not what an OCI registry sends there`);
        if (!(error instanceof TransportError) || !error.retryable || exchange.retry === false) throw error;
        if (attempt >= attempts) throw this.networkError(exchange.what, error, attempt);
        await this.#pause(exchange.what, attempt, backoffDelay(attempt, this.#options.retry), this.#networkReason(error));
      }
    }
  }

  /** The E_NETWORK error after a connection failure that retries did not cure. */
  networkError(what: string, error: TransportError, attempts: number): OperationError {
    const tries = attempts > 1 ? ` after ${attempts} attempts` : '';
    if (error.code === 'ETIMEDOUT') {
      return new OperationError('E_NETWORK', `registry ${this.registry} did not answer within ${formatDuration(this.#options.timeoutMs)} while ${what}${tries}; check that it is up and reachable, or try again later`);
    }
    // OpenSSL's text is "… error:0A00010B:SSL routines:func:reason:file:line": the reason is what helps.
    const reason = /SSL routines:[^:]*:([^:]+)/.exec(error.message)?.[1] ?? error.message.replace(/\s+/g, ' ').trim();
    if (/CERT|SELF_SIGNED|ERR_TLS|ERR_SSL|EPROTO/.test(error.code)) {
      return new OperationError('E_NETWORK', `cannot talk HTTPS to registry ${this.registry} while ${what} (${error.code}: ${reason}); if it uses a private CA, add it with NODE_EXTRA_CA_CERTS; if it serves plain HTTP, set VITSNAP_REGISTRY_INSECURE=1`);
    }
    return new OperationError('E_NETWORK', `cannot reach registry ${this.registry} while ${what} (${error.code}: ${reason})${tries}; check the address, the network and that the registry is running`);
  }

  async statusError(exchange: Pick<Exchange, 'what' | 'notFound' | 'scopes'>, response: HttpResponse, attempts: number): Promise<OperationError> {
    const detail = await describeFailure(response);
    const { status } = response;
    if (status === 401 || status === 403) {
      return new OperationError('E_AUTH', `registry ${this.registry} refused ${exchange.what} ${this.auth.describeIdentity()} (${detail}); ${authHint(this.registry)} with an account that may ${exchange.scopes.some((s) => s.endsWith('push')) ? 'push to' : 'read'} the repository`);
    }
    if (status === 404) {
      // The registry's words go with the fact, before the "; what to do" part.
      const text = exchange.notFound ?? `registry ${this.registry} has nothing at the address used for ${exchange.what}; check the reference`;
      const split = text.indexOf('; ');
      return new OperationError('E_NOT_FOUND', split < 0 ? `${text} (${detail})` : `${text.slice(0, split)} (${detail})${text.slice(split)}`);
    }
    if (isRetryableStatus(status)) {
      return new OperationError('E_NETWORK', `registry ${this.registry} kept answering ${detail} to ${exchange.what}${attempts > 1 ? ` after ${attempts} attempts` : ''}; try again later`);
    }
    return new OperationError('E_REGISTRY', `registry ${this.registry} rejected ${exchange.what}: ${detail}`);
  }

  #networkReason(error: TransportError): string {
    return error.code === 'ETIMEDOUT' ? `no answer within ${formatDuration(this.#options.timeoutMs)}` : `${error.code}: ${error.message}`;
  }

  /** Waits before try `attempt + 1` of something the caller retries itself (told to onRetry like the rest). */
  backoff(what: string, attempt: number, reason: string): Promise<void> {
    return this.#pause(what, attempt, backoffDelay(attempt, this.#options.retry), reason);
  }

  async #pause(what: string, attempt: number, delayMs: number, reason: string): Promise<void> {
    this.#options.onRetry?.({ what, attempt: attempt + 1, attempts: this.#options.retry.attempts, delayMs, reason });
    await sleep(delayMs);
  }

  /** Token requests go to the realm (maybe another host) with retries but no auth flow of their own. */
  async #fetchToken(url: URL, authorization: string | undefined): Promise<{ status: number; body: Buffer }> {
    const { attempts } = this.#options.retry;
    for (let attempt = 1; ; attempt += 1) {
      const headers: Record<string, string> = { 'User-Agent': this.#options.userAgent, Accept: 'application/json' };
      if (authorization !== undefined) headers.Authorization = authorization;
      const what = `asking ${url.origin}${url.pathname} for a token`;
      try {
        const response = await sendRequest({ method: 'GET', url, headers, timeoutMs: this.#options.timeoutMs }, this.#agents);
        if (isRetryableStatus(response.status) && attempt < attempts) {
          await response.discard();
          await this.#pause(what, attempt, backoffDelay(attempt, this.#options.retry), `HTTP ${response.status}`);
          continue;
        }
        return { status: response.status, body: await response.bytes(ERROR_BODY_LIMIT * 16) };
      } catch (error) {
        if (!(error instanceof TransportError)) throw error;
        if (!error.retryable || attempt >= attempts) throw this.networkError(what, error, attempt);
        await this.#pause(what, attempt, backoffDelay(attempt, this.#options.retry), this.#networkReason(error));
      }
    }
  }
}

/** A header's first value, whether node gave a string or an array. */
export function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 100) / 10} s`;
}
