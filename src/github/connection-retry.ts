/**
 * The toolkit's Twirp clients retry 429 and 5xx themselves but give up on a dropped connection
 * (ECONNRESET, "socket hang up"). This retries exactly those, and nothing the clients already
 * retry, so there is never a second loop around theirs.
 */
import * as core from '@actions/core';

const DROPPED = /ECONNRESET|socket hang up|other side closed|EPIPE|ECONNREFUSED|ETIMEDOUT|UND_ERR_SOCKET/i;

export function isDroppedConnection(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown; cause?: unknown };
  const text = `${typeof e.code === 'string' ? e.code : ''} ${typeof e.message === 'string' ? e.message : String(error)}`;
  return DROPPED.test(text) || (e.cause !== undefined && e.cause !== error && isDroppedConnection(e.cause));
}

export async function retryDroppedConnection<T>(what: string, fn: () => Promise<T>, attempts = 3, delayMs = 1000): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (error) {
      if (attempt >= attempts || !isDroppedConnection(error)) throw error;
      core.info(`${what}: connection dropped (${(error as Error).message}); attempt ${attempt + 1} of ${attempts} in ${delayMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, delayMs * attempt));
    }
  }
}
