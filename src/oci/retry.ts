/**
 * When to try a registry request again: exponential backoff with jitter, bounded attempts, and the
 * registry's own Retry-After when it sends one (429, 503).
 */

export interface RetryPolicy {
  /** Tries in all, the first included (default 5). */
  attempts: number;
  /** Delay before the second try; doubles each time (default 500 ms). */
  baseDelayMs: number;
  /** Ceiling of one computed delay (default 20 s). */
  maxDelayMs: number;
  /** The longest Retry-After we wait for; a longer one ends the retries (default 60 s). */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { attempts: 5, baseDelayMs: 500, maxDelayMs: 20_000, maxRetryAfterMs: 60_000 };

/** Statuses that say "not now" rather than "no". */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || status === 500 || status === 502 || status === 503 || status === 504;
}

/**
 * The delay before try number `attempt + 1` (attempt counts from 1): half fixed, half random, so
 * clients that failed together do not come back together.
 */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

/** Retry-After in ms (seconds or an HTTP date), or undefined when absent or unreadable. */
export function parseRetryAfter(value: string | string[] | undefined, now: number): number | undefined {
  const text = Array.isArray(value) ? value[0] : value;
  if (text === undefined || text.trim() === '') return undefined;
  if (/^\s*\d+\s*$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
