import { ConsoleFailure, consoleError } from '../../shared/errors';
import type { Clock } from './clock';

export interface RateLimiterSnapshot {
  ratePerSecond: number;
  maxRatePerSecond: number;
  maxConcurrency: number;
  inFlight: number;
  waiting: number;
  /** 429s (and other answers carrying Retry-After) seen in the last minute. */
  recentRateLimited: number;
  /** ISO time until which every caller waits because of a Retry-After, or null. */
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
  maxRatePerSecond: number;
  maxConcurrency: number;
  clock: Clock;
  /** Floor of the adaptive rate. */
  minRatePerSecond?: number;
  /** Multiplicative decrease on a 429. */
  decreaseFactor?: number;
  /** Additive increase: requests/second gained per second of fully used, successful traffic. */
  increasePerSecond?: number;
}

const recentWindowMs = 60_000;

interface Waiter {
  resolve: (permit: Permit) => void;
  reject: (reason: unknown) => void;
  signal?: AbortSignal;
  onAbort?: () => void;
}

/**
 * One per tenant connection, shared by every caller: a concurrency cap plus a token
 * bucket whose rate adapts AIMD-style. A 429 halves the rate for everyone (once per
 * rate generation, so a burst of 429s from requests already in flight cuts only once)
 * and pauses everyone until its Retry-After; each success then adds
 * `increasePerSecond / rate`, i.e. about `increasePerSecond` per second of full use.
 */
export function createRateLimiter(options: RateLimiterOptions): RateLimiter {
  const { clock, maxConcurrency } = options;
  const maxRate = options.maxRatePerSecond;
  const minRate = Math.min(maxRate, options.minRatePerSecond ?? 0.5);
  const decreaseFactor = options.decreaseFactor ?? 0.5;
  const increasePerSecond = options.increasePerSecond ?? Math.max(0.5, maxRate / 20);

  let rate = maxRate;
  let generation = 0;
  const capacity = () => Math.max(1, rate);
  let tokens = capacity();
  let refilledAt = clock.now();
  let pausedUntil = 0;
  let inFlight = 0;
  let closed = false;
  const throttledAt: number[] = [];
  const queue: Waiter[] = [];
  let wake: { at: number; controller: AbortController } | null = null;

  const refill = () => {
    const now = clock.now();
    tokens = Math.min(capacity(), tokens + ((now - refilledAt) / 1000) * rate);
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

  const issue = (grantedIn: number): Permit => {
    let released = false;
    return {
      release(feedback) {
        if (released) return;
        released = true;
        inFlight -= 1;
        if (feedback.kind === 'throttled') throttled(grantedIn, feedback.retryAfterSeconds);
        else if (feedback.kind === 'ok') rate = Math.min(maxRate, rate + increasePerSecond / rate);
        pump();
      },
    };
  };

  const throttled = (grantedIn: number, retryAfterSeconds: number | undefined) => {
    const now = clock.now();
    throttledAt.push(now);
    while (throttledAt.length > 0 && (throttledAt[0] ?? now) < now - recentWindowMs) throttledAt.shift();
    if (grantedIn === generation) {
      refill();
      rate = Math.max(minRate, rate * decreaseFactor);
      generation += 1;
      tokens = Math.min(tokens, 0);
    }
    if (retryAfterSeconds !== undefined && retryAfterSeconds > 0) {
      pausedUntil = Math.max(pausedUntil, now + retryAfterSeconds * 1000);
    }
  };

  function pump(): void {
    while (queue.length > 0 && inFlight < maxConcurrency) {
      const now = clock.now();
      if (pausedUntil > now) {
        scheduleWake(pausedUntil - now);
        return;
      }
      refill();
      if (tokens < 1) {
        scheduleWake(Math.ceil(((1 - tokens) / rate) * 1000));
        return;
      }
      const waiter = queue.shift();
      if (!waiter) return;
      tokens -= 1;
      inFlight += 1;
      detach(waiter);
      waiter.resolve(issue(generation));
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
      return {
        ratePerSecond: Math.round(rate * 100) / 100,
        maxRatePerSecond: maxRate,
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
