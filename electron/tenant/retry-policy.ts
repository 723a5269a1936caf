import { HTTPError, type RetryOptions } from 'ky';
import { backoff } from '../../shared/base/backoff';
import { parseRetryAfter } from '../../shared/base/retry-after';
import { ConsoleFailure } from '../../shared/errors';

/**
 * The one retry policy of the tenant client, expressed as ky's own `retry` option.
 *
 * Which requests are replayed:
 * - `idempotent` (GET, PUT, PATCH, and the token request): 408, 429, 500, 502, 503, 504
 *   and connections that failed or dropped. PUT carries the version it read, so a replay
 *   of a PUT that did land answers 409 STALE_VERSION and the caller's re-read settles it;
 *   PATCH sets an absolute status or disposition, so a replay reaches the same state (a
 *   replayed status change that already landed answers 409 INVALID_TRANSITION, which the
 *   status changer's re-read counts as done).
 * - `non_idempotent` (POST creating something): only 429 and the gateway answers 502, 503,
 *   504, where the request provably never reached the handler. Never after a 500 or a
 *   dropped connection, where it may have been applied.
 * Never: 400, 401 (the auth layer does its one refresh + replay), 403, 404, 409, 422, a
 * per-attempt timeout (a slow tenant is usually an overloaded one), or a cancellation.
 * Retry-After is honoured (capped at `maxRetryAfterMs`); otherwise exponential backoff
 * with ×0.5–1.5 jitter.
 *
 * Two budgets per request: throttling (429) says "not now", not "broken", so it waits and
 * retries without using the `maxAttempts` meant for faults (5xx, dropped connections),
 * bounded instead by `throttleDeadlineMs` from the first attempt. A request that met a
 * 429 storm still has all its fault retries.
 */

export type RetryClass = 'idempotent' | 'non_idempotent';

export interface RetryPolicyOptions {
  /** Attempts against faults (5xx, dropped connections), first try included; 429s do not count. */
  maxAttempts?: number;
  /** How long one request may keep waiting out 429s, from its first attempt. */
  throttleDeadlineMs?: number;
  now?: () => number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  maxRetryAfterMs?: number;
  random?: () => number;
}

export const defaultMaxAttempts = 4;
export const defaultThrottleDeadlineMs = 120_000;

const idempotentStatuses: readonly number[] = [408, 429, 500, 502, 503, 504];
const nonIdempotentStatuses: readonly number[] = [429, 502, 503, 504];
const idempotentMethods: readonly string[] = ['GET', 'HEAD', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'];

/** Raised by the client when one attempt exceeds its time budget. */
export class AttemptTimeout extends Error {
  readonly timeoutMs: number;
  constructor(timeoutMs: number) {
    super(`No answer within ${timeoutMs} ms.`);
    this.name = 'AttemptTimeout';
    this.timeoutMs = timeoutMs;
  }
}

export function retryClassOf(method: string): RetryClass {
  return idempotentMethods.includes(method.toUpperCase()) ? 'idempotent' : 'non_idempotent';
}

export type AttemptFailure = { kind: 'status'; status: number } | { kind: 'network' } | { kind: 'timeout' } | { kind: 'cancelled' } | { kind: 'final' };

/** The policy itself, free of ky, so it can be read and tested as a table. */
export function mayRetry(retryClass: RetryClass, failure: AttemptFailure): boolean {
  switch (failure.kind) {
    case 'status':
      return (retryClass === 'idempotent' ? idempotentStatuses : nonIdempotentStatuses).includes(failure.status);
    case 'network':
      return retryClass === 'idempotent';
    default:
      return false;
  }
}

export function classifyAttemptError(error: unknown): AttemptFailure {
  if (error instanceof HTTPError) return { kind: 'status', status: error.response.status };
  if (error instanceof AttemptTimeout) return { kind: 'timeout' };
  if (error instanceof ConsoleFailure) return { kind: 'final' };
  if (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError')) return { kind: 'cancelled' };
  if (error instanceof TypeError) return { kind: 'network' };
  return { kind: 'final' };
}

const backoffOf = (options: RetryPolicyOptions, jitter: 'none' | 'proportional') =>
  backoff({ baseMs: options.baseDelayMs ?? 300, capMs: options.maxDelayMs ?? 10_000, jitter, random: options.random });

export function backoffDelayMs(retryNumber: number, options: RetryPolicyOptions = {}): number {
  return backoffOf(options, 'none')(retryNumber);
}

const isThrottled = (failure: AttemptFailure) => failure.kind === 'status' && failure.status === 429;

/**
 * ky `retry` options for one call, with the call's two budgets (faults, throttling) kept
 * here: ky's own retry count also counts the auth layer's forced token-refresh replay and
 * every 429, so it only bounds nothing (`limit`) and `shouldRetry` decides.
 */
export function kyRetryOptions(retryClass: RetryClass, options: RetryPolicyOptions = {}, signal?: AbortSignal): RetryOptions {
  const maxAttempts = options.maxAttempts ?? defaultMaxAttempts;
  const deadlineMs = options.throttleDeadlineMs ?? defaultThrottleDeadlineMs;
  const maxRetryAfterMs = options.maxRetryAfterMs ?? 60_000;
  const now = options.now ?? Date.now;
  const started = now();
  let faultRetries = 0;
  let throttleRetries = 0;
  let last: 'fault' | 'throttle' = 'fault';
  const jitteredDelayMs = backoffOf(options, 'proportional');
  return {
    limit: Number.MAX_SAFE_INTEGER,
    methods: ['get', 'put', 'patch', 'post', 'head', 'delete', 'options'],
    statusCodes: [...idempotentStatuses],
    afterStatusCodes: [...idempotentStatuses],
    maxRetryAfter: maxRetryAfterMs,
    delay: () => jitteredDelayMs(last === 'throttle' ? throttleRetries : faultRetries),
    backoffLimit: options.maxDelayMs ?? 10_000,
    retryOnTimeout: false,
    // false stops; undefined hands over to ky's checks, which also read Retry-After.
    shouldRetry: ({ error }) => {
      if (signal?.aborted) return false;
      const failure = classifyAttemptError(error);
      if (!mayRetry(retryClass, failure)) return false;
      if (isThrottled(failure)) {
        const retryAfter = error instanceof HTTPError ? error.response.headers.get('retry-after') : null;
        const waitMs = Math.min(maxRetryAfterMs, parseRetryAfter(retryAfter, now()) ?? backoffDelayMs(throttleRetries + 1, options));
        if (now() - started + waitMs > deadlineMs) return false;
        throttleRetries += 1;
        last = 'throttle';
        return undefined;
      }
      if (faultRetries >= maxAttempts - 1) return false;
      faultRetries += 1;
      last = 'fault';
      return undefined;
    },
  };
}
