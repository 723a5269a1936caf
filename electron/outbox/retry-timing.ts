import { backoff } from '../../shared/base/backoff';
import { parseRetryAfter } from '../../shared/base/retry-after';

export interface BackoffPolicy {
  baseDelayMs: number;
  maxDelayMs: number;
  /** A number in [0, 1), e.g. Math.random. */
  random: () => number;
}

/**
 * Exponential backoff with "equal jitter": after the n-th failed attempt wait between half and
 * all of min(max, base·2^(n-1)). Spreads retries of many messages while keeping a floor.
 */
export function retryDelayMs(failedAttempts: number, policy: BackoffPolicy): number {
  return Math.round(backoff({ baseMs: policy.baseDelayMs, capMs: policy.maxDelayMs, jitter: 'equal', random: policy.random })(failedAttempts));
}

/** Retry-After as delay-seconds or an HTTP date, in milliseconds from `now`, clamped to [0, maxMs]; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null | undefined, now: number, maxMs: number): number | undefined {
  const delay = parseRetryAfter(header, now);
  return delay === undefined ? undefined : Math.min(maxMs, delay);
}
