/** Backoff and Retry-After arithmetic (pure: the clock and the randomness are passed in). */
import { expect, test } from '@jest/globals';
import { backoffDelay, DEFAULT_RETRY_POLICY, isRetryableStatus, parseRetryAfter } from '../../src/oci/retry.js';

const policy = { ...DEFAULT_RETRY_POLICY, baseDelayMs: 100, maxDelayMs: 1000 };

test('backoff doubles from the base, stays within [ceiling/2, ceiling] and stops at the maximum', () => {
  expect([1, 2, 3, 4, 5, 10].map((attempt) => backoffDelay(attempt, policy, () => 0))).toEqual([50, 100, 200, 400, 500, 500]);
  expect([1, 2, 3, 4, 5, 10].map((attempt) => backoffDelay(attempt, policy, () => 1))).toEqual([100, 200, 400, 800, 1000, 1000]);
  expect(backoffDelay(3, policy, () => 0.5)).toBe(300);
});

test('Retry-After in seconds or as an HTTP date', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  expect(parseRetryAfter('7', now)).toBe(7000);
  expect(parseRetryAfter(['2'], now)).toBe(2000);
  expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30_000);
  expect(parseRetryAfter('Wed, 31 Dec 2025 00:00:00 GMT', now)).toBe(0);
  expect(parseRetryAfter(undefined, now)).toBeUndefined();
  expect(parseRetryAfter('soon', now)).toBeUndefined();
  expect(parseRetryAfter('', now)).toBeUndefined();
});

test('which statuses are worth another try', () => {
  expect([429, 500, 502, 503, 504].every(isRetryableStatus)).toBe(true);
  expect([400, 401, 403, 404, 405, 416, 501].some(isRetryableStatus)).toBe(false);
});
