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

  it('spaces requests by the current rate, with at most a tenth of a second saved up', async () => {
    const clock = createManualClock();
    const limiter = createRateLimiter({ maxRatePerSecond: 10, ceilingRatePerSecond: 10, maxConcurrency: 100, clock });
    const { granted } = acquireMany(limiter, 6);
    await settle();
    expect(granted).toHaveLength(1);
    await clock.advance(100);
    expect(granted).toHaveLength(2);
    await clock.advance(300);
    expect(granted).toHaveLength(5);
  });

  it('leaves a Retry-After to the request that got it: the others carry on at the reduced pace', async () => {
    const clock = createManualClock();
    const limiter = createRateLimiter({ maxRatePerSecond: 100, ceilingRatePerSecond: 100, maxConcurrency: 4, clock });
    const first = acquireMany(limiter, 4);
    await settle();
    expect(first.granted).toHaveLength(4);
    const others = acquireMany(limiter, 3);
    await clock.advance(40);
    first.granted[0]?.release({ kind: 'throttled', retryAfterSeconds: 2 });
    await settle();
    const snapshot = limiter.snapshot();
    expect(snapshot.pausedUntil).toBeNull();
    expect(snapshot.recentRateLimited).toBe(1);
    expect(snapshot.ratePerSecond).toBeLessThan(100);
    await clock.advance(200);
    expect(others.granted).toHaveLength(1);
  });

  it('stops every caller until the Retry-After when the tenant keeps throttling', async () => {
    const clock = createManualClock();
    const limiter = createRateLimiter({ maxRatePerSecond: 100, ceilingRatePerSecond: 100, maxConcurrency: 3, stopAllAfterThrottles: 3, clock });
    const first = acquireMany(limiter, 3);
    await settle();
    const others = acquireMany(limiter, 2);
    for (const permit of first.granted) permit.release({ kind: 'throttled', retryAfterSeconds: 2 });
    await settle();
    expect(limiter.snapshot().pausedUntil).toBe(new Date(clock.now() + 2000).toISOString());
    await clock.advance(1990);
    expect(others.granted).toHaveLength(0);
    await clock.advance(200);
    expect(others.granted.length).toBeGreaterThan(0);
  });

  it('counts refusals in a row only: an admitted answer between them keeps everyone going', async () => {
    const clock = createManualClock();
    const limiter = createRateLimiter({ maxRatePerSecond: 100, ceilingRatePerSecond: 100, maxConcurrency: 5, stopAllAfterThrottles: 3, clock });
    const { granted } = acquireMany(limiter, 5);
    await settle();
    const [a, b, c, d, e] = granted;
    a?.release({ kind: 'throttled', retryAfterSeconds: 1 });
    b?.release({ kind: 'throttled', retryAfterSeconds: 1 });
    c?.release({ kind: 'ok' });
    d?.release({ kind: 'throttled', retryAfterSeconds: 1 });
    e?.release({ kind: 'throttled', retryAfterSeconds: 1 });
    expect(limiter.snapshot().pausedUntil).toBeNull();
  });

  it('leaves the rate alone for failures that are not throttling', async () => {
    const clock = createManualClock();
    const limiter = createRateLimiter({ maxRatePerSecond: 10, maxConcurrency: 2, clock });
    (await limiter.acquire()).release({ kind: 'other' });
    expect(limiter.snapshot().ratePerSecond).toBe(10);
  });

  it('speeds up past the configured rate while callers wait and nothing is refused, up to the ceiling', async () => {
    const clock = createManualClock();
    const limiter = createRateLimiter({ maxRatePerSecond: 10, ceilingRatePerSecond: 20, maxConcurrency: 1000, clock });
    acquireMany(limiter, 200);
    await settle();
    await clock.advance(1000);
    expect(limiter.snapshot().ratePerSecond).toBeGreaterThan(19);
    await clock.advance(1000);
    expect(limiter.snapshot().ratePerSecond).toBe(20);
  });

  it('does not speed up when the callers are held by the concurrency cap, not by the rate', async () => {
    const clock = createManualClock();
    const limiter = createRateLimiter({ maxRatePerSecond: 10, maxConcurrency: 1, clock });
    acquireMany(limiter, 20);
    await settle();
    await clock.advance(3000);
    expect(limiter.snapshot().ratePerSecond).toBe(10);
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
