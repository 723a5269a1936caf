import { HTTPError, type RetryOptions } from 'ky';
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
 */

export type RetryClass = 'idempotent' | 'non_idempotent';

export interface RetryPolicyOptions {
  /** Attempts in all, first try included. */
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  maxRetryAfterMs?: number;
  random?: () => number;
}

export const defaultMaxAttempts = 4;

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

export function backoffDelayMs(retryNumber: number, options: RetryPolicyOptions = {}): number {
  const base = options.baseDelayMs ?? 300;
  return Math.min(options.maxDelayMs ?? 10_000, base * 2 ** (retryNumber - 1));
}

/**
 * ky `retry` options for one call. `extraAttempts()` lets the auth layer's single
 * token-refresh replay (a ky forced retry, counted by ky) not eat a retry of the policy.
 */
export function kyRetryOptions(
  retryClass: RetryClass,
  options: RetryPolicyOptions = {},
  extraAttempts: () => number = () => 0,
  signal?: AbortSignal,
): RetryOptions {
  const maxAttempts = options.maxAttempts ?? defaultMaxAttempts;
  const random = options.random ?? Math.random;
  return {
    // One spare for the forced token-refresh replay; shouldRetry enforces the real bound.
    limit: maxAttempts,
    methods: ['get', 'put', 'patch', 'post', 'head', 'delete', 'options'],
    statusCodes: [...idempotentStatuses],
    afterStatusCodes: [...idempotentStatuses],
    maxRetryAfter: options.maxRetryAfterMs ?? 60_000,
    delay: (retryNumber) => backoffDelayMs(retryNumber, options),
    jitter: (delayMs) => delayMs * (0.5 + random()),
    backoffLimit: options.maxDelayMs ?? 10_000,
    retryOnTimeout: false,
    // false stops; undefined hands over to ky's checks, which also read Retry-After.
    shouldRetry: ({ error, retryCount }) => {
      if (signal?.aborted) return false;
      if (retryCount > maxAttempts - 1 + extraAttempts()) return false;
      return mayRetry(retryClass, classifyAttemptError(error)) ? undefined : false;
    },
  };
}
