/**
 * Token bucket: holds up to one second's worth of requests (at least one) and refills continuously.
 * A rate of 0 means unlimited.
 */
export function createRateLimiter(now: () => number) {
  let ratePerSecond = 0;
  let tokens = 0;
  let refilledAt = now();
  const capacity = () => Math.max(1, ratePerSecond);

  const refill = () => {
    const at = now();
    tokens = Math.min(capacity(), tokens + ((at - refilledAt) / 1000) * ratePerSecond);
    refilledAt = at;
  };

  return {
    setRate(perSecond: number | undefined): void {
      ratePerSecond = perSecond && perSecond > 0 ? perSecond : 0;
      tokens = capacity();
      refilledAt = now();
    },
    /** null when admitted, otherwise the whole seconds (>= 1) to wait. */
    take(): number | null {
      if (ratePerSecond === 0) return null;
      refill();
      if (tokens >= 1) {
        tokens -= 1;
        return null;
      }
      return Math.max(1, Math.ceil((1 - tokens) / ratePerSecond));
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
