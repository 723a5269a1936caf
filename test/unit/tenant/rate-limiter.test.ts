import { describe, expect, it } from 'vitest';
import { createRateLimiter, type Permit } from '../../../electron/tenant/rate-limiter';
import { createManualClock } from './manual-clock';

async function settle() {
  for (let i = 0; i < 10; i += 1) await Promise.resolve();
}

/** Starts `count` acquisitions and reports which have been granted so far. */
function acquireMany(limiter: ReturnType<typeof createRateLimiter>, count: number, signal?: AbortSignal) {
  const granted: Permit[] = [];
  const failures: unknown[] = [];
  for (let i = 0; i < count; i += 1) {
    limiter.acquire(signal).then(
      (permit) => granted.push(permit),
      (error: unknown) => failures.push(error),
    );
  }
  return { granted, failures };
}

describe('tenant rate limiter', () => {
  it('never lets more requests run at once than the concurrency cap', async () => {
    const clock = createManualClock();
    const limiter = createRateLimiter({ maxRatePerSecond: 1000, maxConcurrency: 3, clock });
    const { granted } = acquireMany(limiter, 5);
    await settle();
    expect(granted).toHaveLength(3);
    expect(limiter.snapshot()).toMatchObject({ inFlight: 3, waiting: 2 });
    granted[0]?.release({ kind: 'ok' });
    await settle();
    expect(granted).toHaveLength(4);
  });

  it('spaces requests to the configured rate', async () => {
    const clock = createManualClock();
    const limiter = createRateLimiter({ maxRatePerSecond: 2, maxConcurrency: 100, clock });
    const { granted } = acquireMany(limiter, 6);
    await settle();
    expect(granted).toHaveLength(2); // the burst allowance: one second of tokens
    await clock.advance(500);
    expect(granted).toHaveLength(3);
    await clock.advance(1000);
    expect(granted).toHaveLength(5);
  });

  it('halves the rate for every caller on a 429 and pauses everyone until Retry-After', async () => {
    const clock = createManualClock();
    const limiter = createRateLimiter({ maxRatePerSecond: 10, maxConcurrency: 4, clock });
    const first = acquireMany(limiter, 4);
    await settle();
    expect(first.granted).toHaveLength(4);
    const others = acquireMany(limiter, 3);
    first.granted[0]?.release({ kind: 'throttled', retryAfterSeconds: 2 });
    await settle();
    expect(limiter.snapshot().ratePerSecond).toBe(5);
    expect(limiter.snapshot().pausedUntil).not.toBeNull();
    expect(limiter.snapshot().recentRateLimited).toBe(1);
    await clock.advance(1900);
    expect(others.granted).toHaveLength(0);
    await clock.advance(400);
    expect(others.granted.length).toBeGreaterThan(0);
  });

  it('cuts only once for a burst of 429s from requests sent at the old rate', async () => {
    const clock = createManualClock();
    const limiter = createRateLimiter({ maxRatePerSecond: 16, maxConcurrency: 8, clock });
    const { granted } = acquireMany(limiter, 8);
    await settle();
    for (const permit of granted) permit.release({ kind: 'throttled' });
    expect(limiter.snapshot().ratePerSecond).toBe(8);
    expect(limiter.snapshot().recentRateLimited).toBe(8);
  });

  it('cuts again for a 429 to a request sent after the previous cut', async () => {
    const clock = createManualClock();
    const limiter = createRateLimiter({ maxRatePerSecond: 16, maxConcurrency: 8, clock });
    const first = await limiter.acquire();
    first.release({ kind: 'throttled' });
    await clock.advance(1000);
    const second = await limiter.acquire();
    second.release({ kind: 'throttled' });
    expect(limiter.snapshot().ratePerSecond).toBe(4);
  });

  it('recovers additively on success, up to the configured maximum and never beyond', async () => {
    const clock = createManualClock();
    const limiter = createRateLimiter({ maxRatePerSecond: 10, maxConcurrency: 10, clock, increasePerSecond: 1 });
    (await limiter.acquire()).release({ kind: 'throttled' });
    expect(limiter.snapshot().ratePerSecond).toBe(5);
    // five successes at rate 5 ≈ one second of full use: about +1 request/second
    for (let i = 0; i < 5; i += 1) {
      await clock.advance(1000);
      (await limiter.acquire()).release({ kind: 'ok' });
    }
    const recovered = limiter.snapshot().ratePerSecond;
    expect(recovered).toBeGreaterThan(5.8);
    expect(recovered).toBeLessThan(6.2);
    for (let i = 0; i < 500; i += 1) {
      await clock.advance(200);
      (await limiter.acquire()).release({ kind: 'ok' });
    }
    expect(limiter.snapshot().ratePerSecond).toBe(10);
  });

  it('leaves the rate alone for failures that are not throttling', async () => {
    const clock = createManualClock();
    const limiter = createRateLimiter({ maxRatePerSecond: 10, maxConcurrency: 2, clock });
    (await limiter.acquire()).release({ kind: 'other' });
    expect(limiter.snapshot().ratePerSecond).toBe(10);
  });

  it('never falls below the minimum rate', async () => {
    const clock = createManualClock();
    const limiter = createRateLimiter({ maxRatePerSecond: 4, maxConcurrency: 1, clock, minRatePerSecond: 1 });
    for (let i = 0; i < 6; i += 1) {
      const pending = limiter.acquire();
      await clock.advance(5000);
      (await pending).release({ kind: 'throttled' });
    }
    expect(limiter.snapshot().ratePerSecond).toBe(1);
  });

  it('stops waiting when the caller aborts, without taking a slot', async () => {
    const clock = createManualClock();
    const limiter = createRateLimiter({ maxRatePerSecond: 100, maxConcurrency: 1, clock });
    const held = await limiter.acquire();
    const controller = new AbortController();
    const waiting = limiter.acquire(controller.signal);
    controller.abort(new Error('user cancelled'));
    await expect(waiting).rejects.toThrow('user cancelled');
    expect(limiter.snapshot().waiting).toBe(0);
    held.release({ kind: 'ok' });
    const next = await limiter.acquire();
    expect(limiter.snapshot().inFlight).toBe(1);
    next.release({ kind: 'ok' });
  });

  it('rejects waiting callers when closed', async () => {
    const clock = createManualClock();
    const limiter = createRateLimiter({ maxRatePerSecond: 100, maxConcurrency: 1, clock });
    await limiter.acquire();
    const waiting = limiter.acquire();
    limiter.close();
    await expect(waiting).rejects.toMatchObject({ error: { kind: 'cancelled' } });
  });

  it('counts a release only once', async () => {
    const clock = createManualClock();
    const limiter = createRateLimiter({ maxRatePerSecond: 100, maxConcurrency: 2, clock });
    const permit = await limiter.acquire();
    await limiter.acquire();
    permit.release({ kind: 'ok' });
    permit.release({ kind: 'ok' });
    expect(limiter.snapshot().inFlight).toBe(1);
  });
});
