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
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, failedAttempts - 1));
  return Math.round(ceiling / 2 + policy.random() * (ceiling / 2));
}

/** Retry-After as delay-seconds or an HTTP date, in milliseconds from `now`, clamped to [0, maxMs]; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null | undefined, now: number, maxMs: number): number | undefined {
  if (!header) return undefined;
  const text = header.trim();
  const delay = /^\d+$/.test(text) ? Number(text) * 1000 : Date.parse(text) - now;
  if (Number.isNaN(delay)) return undefined;
  return Math.min(maxMs, Math.max(0, delay));
}
