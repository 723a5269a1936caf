import { ConsoleFailure, consoleError } from '../../shared/errors';
import { createAdaptiveRate } from './adaptive-rate';
import type { Clock } from './clock';

export interface RateLimiterSnapshot {
  ratePerSecond: number;
  /** The configured rate: where pacing starts before the tenant's answers say better. */
  maxRatePerSecond: number;
  /** The tenant's refill rate as estimated from when its 429s arrived, or null. */
  learnedLimitPerSecond: number | null;
  maxConcurrency: number;
  inFlight: number;
  waiting: number;
  /** 429s (and other answers carrying Retry-After) seen in the last minute. */
  recentRateLimited: number;
  /** ISO time until which every caller waits because the tenant kept throttling, or null. */
  pausedUntil: string | null;
}

/** What the UI's diagnostics read. */
export interface RateLimiterView {
  snapshot(): RateLimiterSnapshot;
}

/** How an attempt ended, as far as pacing is concerned. */
export type AttemptFeedback = { kind: 'ok' } | { kind: 'throttled'; retryAfterSeconds?: number } | { kind: 'other' };

export interface Permit {
  /** Call exactly once when the attempt has an answer (or none will come). */
  release(feedback: AttemptFeedback): void;
}

export interface RateLimiter extends RateLimiterView {
  /** Waits for a concurrency slot and a rate token; rejects with the signal's reason on abort. */
  acquire(signal?: AbortSignal): Promise<Permit>;
  close(): void;
}

export interface RateLimiterOptions {
  /** The configured rate; the starting point, found out to be too high or too low from the answers. */
  maxRatePerSecond: number;
  maxConcurrency: number;
  clock: Clock;
  /** Never faster than this, whatever the tenant tolerates (default 1000/s, the profile's maximum). */
  ceilingRatePerSecond?: number;
  /** Floor of the adaptive rate. */
  minRatePerSecond?: number;
  /**
   * Consecutive throttled answers (no admitted one between) after which every caller waits
   * out the Retry-After, not only the requests that got it. Default: twice the concurrency.
   */
  stopAllAfterThrottles?: number;
}

const recentWindowMs = 60_000;

interface Waiter {
  resolve: (permit: Permit) => void;
  reject: (reason: unknown) => void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

/**
 * One per tenant connection, shared by every caller: a concurrency cap plus a small token
 * bucket refilled at the adaptive rate (`adaptive-rate.ts` decides the rate). A 429's
 * Retry-After is the business of the request that got it (the retry policy waits it
 * out); only a tenant that keeps throttling — `stopAllAfterThrottles` refusals in a row —
 * stops every caller until then.
 */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const { clock, maxConcurrency } = options;
  const configuredRate = options.maxRatePerSecond;
  const ceilingRate = Math.max(configuredRate, options.ceilingRatePerSecond ?? 1000);
  const minRate = Math.min(configuredRate, options.minRatePerSecond ?? 0.5);
  const stopAllAfter = options.stopAllAfterThrottles ?? Math.max(4, 2 * maxConcurrency);
  const pace = createAdaptiveRate({ initialRate: configuredRate, ceilingRate, minRate });

  // A tenth of a second's worth: enough to start a few calls at once, never a burst that empties the tenant's bucket.
  const capacity = () => Math.max(1, pace.rate() / 10);
  let tokens = capacity();
  let refilledAt = clock.now();
  let pausedUntil = 0;
  let throttleStreak = 0;
  let inFlight = 0;
  let closed = false;
  const throttledAt: number[] = [];
  const queue: Waiter[] = [];
  let wake: { at: number; controller: AbortController } | null = null;

  const refill = (now: number) => {
    tokens = Math.min(capacity(), tokens + ((now - refilledAt) / 1000) * pace.rate());
    refilledAt = now;
  };

  const scheduleWake = (delayMs: number) => {
    const at = clock.now() + delayMs;
    if (wake && wake.at <= at) return;
    wake?.controller.abort();
    const controller = new AbortController();
    wake = { at, controller };
    clock.sleep(delayMs, controller.signal).then(
      () => {
        if (wake?.controller === controller) wake = null;
        pump();
      },
      () => undefined,
    );
  };

  const detach = (waiter: Waiter) => {
    if (waiter.onAbort) waiter.signal?.removeEventListener('abort', waiter.onAbort);
  };

  const throttled = (now: number, retryAfterSeconds: number | undefined) => {
    throttledAt.push(now);
    while (throttledAt.length > 0 && (throttledAt[0] ?? now) < now - recentWindowMs) throttledAt.shift();
    throttleStreak += 1;
    // Whatever tokens were saved up were a guess the tenant just refused.
    tokens = Math.min(tokens, 0);
    if (throttleStreak >= stopAllAfter && retryAfterSeconds !== undefined && retryAfterSeconds > 0) {
      pausedUntil = Math.max(pausedUntil, now + retryAfterSeconds * 1000);
    }
  };

  const issue = (now: number): Permit => {
    const send = pace.sent(now);
    let released = false;
    return {
      release(feedback) {
        if (released) return;
        released = true;
        inFlight -= 1;
        const at = clock.now();
        refill(at);
        if (feedback.kind === 'throttled') {
          pace.answered(send, 'throttled', at);
          throttled(at, feedback.retryAfterSeconds);
        } else {
          // Any other answer (a fault included) went through the tenant's bucket.
          pace.answered(send, 'admitted', at);
          throttleStreak = 0;
        }
        pump();
      },
    };
  };

  function pump(): void {
    const now = clock.now();
    const rateBound = queue.length > 0 && inFlight < maxConcurrency;
    pace.advance(now, rateBound && pausedUntil <= now);
    while (queue.length > 0 && inFlight < maxConcurrency) {
      if (pausedUntil > now) {
        scheduleWake(pausedUntil - now);
        return;
      }
      refill(now);
      if (tokens < 1) {
        scheduleWake(Math.max(1, Math.ceil(((1 - tokens) / pace.rate()) * 1000)));
        return;
      }
      const waiter = queue.shift();
      if (!waiter) return;
      tokens -= 1;
      inFlight += 1;
      detach(waiter);
      waiter.resolve(issue(now));
    }
  }

  return {
    acquire(signal) {
      if (closed) return Promise.reject(new ConsoleFailure(consoleError('cancelled', 'The tenant connection was closed.')));
      if (signal?.aborted) return Promise.reject(signal.reason);
      return new Promise<Permit>((resolve, reject) => {
        const waiter: Waiter = { resolve, reject };
        if (signal) {
          waiter.signal = signal;
          waiter.onAbort = () => {
            const index = queue.indexOf(waiter);
            if (index >= 0) queue.splice(index, 1);
            reject(signal.reason);
          };
          signal.addEventListener('abort', waiter.onAbort, { once: true });
        }
        queue.push(waiter);
        pump();
      });
    },
    snapshot() {
      const now = clock.now();
      const learned = pace.learnedLimit();
      return {
        ratePerSecond: Math.round(pace.rate() * 100) / 100,
        maxRatePerSecond: configuredRate,
        learnedLimitPerSecond: learned === null ? null : Math.round(learned * 100) / 100,
        maxConcurrency,
        inFlight,
        waiting: queue.length,
        recentRateLimited: throttledAt.filter((at) => at >= now - recentWindowMs).length,
        pausedUntil: pausedUntil > now ? new Date(pausedUntil).toISOString() : null,
      };
    },
    close() {
      closed = true;
      wake?.controller.abort();
      wake = null;
      for (const waiter of queue.splice(0)) {
        detach(waiter);
        waiter.reject(new ConsoleFailure(consoleError('cancelled', 'The tenant connection was closed.')));
      }
    },
  };
}
