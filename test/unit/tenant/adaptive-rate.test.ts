import { describe, expect, it } from 'vitest';
import { blindCut, createAdaptiveRate, holdFraction, probeAfterMs, probeGrowthPerSecond } from '../../../electron/tenant/adaptive-rate';

interface Simulated {
  admittedPerSecond: number[];
  throttledPerSecond: number[];
  rateAt: (ms: number) => number;
  learned: number | null;
}

/**
 * Drives the pacing model against a simulated token bucket (capacity one second's worth,
 * like the demo tenant's), millisecond by millisecond: callers always waiting, at most
 * `concurrency` in flight, answers after `latencyMs`. Time is the loop counter.
 */
function simulate(options: { configured: number; tenantRate: number; seconds: number; latencyMs?: number; concurrency?: number }): Simulated {
  const latency = options.latencyMs ?? 40;
  const concurrency = options.concurrency ?? 8;
  const pace = createAdaptiveRate({ initialRate: options.configured, ceilingRate: 1000, minRate: 0.5 });
  let bucket = options.tenantRate;
  let tokens = 1;
  const inFlight: { send: ReturnType<typeof pace.sent>; answerAt: number; admitted: boolean }[] = [];
  const admittedPerSecond = new Array<number>(options.seconds).fill(0);
  const throttledPerSecond = new Array<number>(options.seconds).fill(0);
  const rates: number[] = [];
  for (let t = 0; t < options.seconds * 1000; t += 1) {
    for (let i = inFlight.length - 1; i >= 0; i -= 1) {
      const flight = inFlight[i];
      if (!flight || flight.answerAt > t) continue;
      inFlight.splice(i, 1);
      pace.answered(flight.send, flight.admitted ? 'admitted' : 'throttled', t);
    }
    pace.advance(t, inFlight.length < concurrency);
    const rate = pace.rate();
    rates.push(rate);
    tokens = Math.min(Math.max(1, rate / 10), tokens + rate / 1000);
    bucket = Math.min(options.tenantRate, bucket + options.tenantRate / 1000);
    while (tokens >= 1 && inFlight.length < concurrency) {
      tokens -= 1;
      const admitted = bucket >= 1;
      if (admitted) bucket -= 1;
      const second = Math.floor(t / 1000);
      if (admitted) admittedPerSecond[second] = (admittedPerSecond[second] ?? 0) + 1;
      else throttledPerSecond[second] = (throttledPerSecond[second] ?? 0) + 1;
      inFlight.push({ send: pace.sent(t), answerAt: t + latency, admitted });
    }
  }
  return { admittedPerSecond, throttledPerSecond, rateAt: (ms) => rates[ms] ?? Number.NaN, learned: pace.learnedLimit() };
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('adaptive pacing against a token bucket', () => {
  it.each([20, 50, 200])('configured at %i/s, it finds a 40/s bucket within a few seconds and holds just under it', (configured) => {
    const run = simulate({ configured, tenantRate: 40, seconds: 20 });
    expect(run.learned).not.toBeNull();
    expect(run.learned ?? 0).toBeGreaterThan(36);
    expect(run.learned ?? 0).toBeLessThan(44);
    // From the fifth second on: the tenant's rate is used (a little above it when probing spends
    // what holding just under saved in the tenant's bucket), and almost nothing is refused.
    const settled = run.admittedPerSecond.slice(4);
    for (const admitted of settled) {
      expect(admitted).toBeGreaterThanOrEqual(36);
      expect(admitted).toBeLessThanOrEqual(45);
    }
    expect(sum(settled) / (settled.length * 40)).toBeGreaterThan(0.93);
    const refused = sum(run.throttledPerSecond.slice(4));
    expect(refused / (refused + sum(settled))).toBeLessThan(0.02);
    for (let ms = 4000; ms < 20_000; ms += 250) {
      expect(run.rateAt(ms)).toBeGreaterThan(34);
      expect(run.rateAt(ms)).toBeLessThan(46);
    }
  });

  it('finds a limit that is well below the configured rate, and one well above it', () => {
    expect(
      simulate({ configured: 100, tenantRate: 10, seconds: 15, concurrency: 4 })
        .admittedPerSecond.slice(5)
        .every((n) => n >= 8 && n <= 11),
    ).toBe(true);
    const fast = simulate({ configured: 10, tenantRate: 150, seconds: 10, latencyMs: 20, concurrency: 16 });
    expect(fast.admittedPerSecond.slice(5).every((n) => n >= 130)).toBe(true);
  });

  it('cuts once for a burst of 429s to sends made at the old rate', () => {
    const pace = createAdaptiveRate({ initialRate: 16, ceilingRate: 1000, minRate: 0.5 });
    const sends = Array.from({ length: 8 }, () => pace.sent(0));
    for (const send of sends) pace.answered(send, 'throttled', 40);
    // No estimate yet (one instant), so a blind cut of the measured send rate, at most the rate itself.
    expect(pace.rate()).toBeCloseTo(16 * blindCut, 6);
    const after = pace.sent(50);
    pace.answered(after, 'throttled', 90);
    expect(pace.rate()).toBeCloseTo(16 * blindCut * blindCut, 6);
  });

  it('estimates the refill rate from what was admitted between the 429s of an episode', () => {
    const pace = createAdaptiveRate({ initialRate: 50, ceilingRate: 1000, minRate: 0.5 });
    // One send every 20 ms for 1 s (50/s), answered 40 ms later; the tenant admits 4 of every 5 (40/s).
    const sends = Array.from({ length: 50 }, (_, i) => ({ send: pace.sent(i * 20), throttled: i % 5 === 4 }));
    for (const [i, { send, throttled }] of sends.entries()) pace.answered(send, throttled ? 'throttled' : 'admitted', i * 20 + 40);
    expect(pace.learnedLimit()).toBeGreaterThan(38);
    expect(pace.learnedLimit()).toBeLessThan(42);
    expect(pace.rate()).toBeCloseTo((pace.learnedLimit() ?? 0) * holdFraction, 6);
  });

  it('does not change pace for answers that are faults, not throttling', () => {
    const pace = createAdaptiveRate({ initialRate: 30, ceilingRate: 1000, minRate: 0.5 });
    pace.answered(pace.sent(0), 'admitted', 10);
    expect(pace.rate()).toBe(30);
  });

  it('grows only while callers wait for the rate: doubling per second before any 429, never past the ceiling', () => {
    const pace = createAdaptiveRate({ initialRate: 20, ceilingRate: 60, minRate: 0.5 });
    pace.advance(0, false);
    pace.advance(1000, false);
    expect(pace.rate()).toBe(20);
    pace.advance(1000, true);
    pace.advance(2000, true);
    expect(pace.rate()).toBeCloseTo(40, 6);
    pace.advance(4000, true);
    expect(pace.rate()).toBe(60);
  });

  it('holds just under the learned limit after a 429, then probes upward slowly', () => {
    const pace = createAdaptiveRate({ initialRate: 50, ceilingRate: 1000, minRate: 0.5 });
    const sends = Array.from({ length: 50 }, (_, i) => ({ send: pace.sent(i * 20), throttled: i % 5 === 4 }));
    for (const [i, { send, throttled }] of sends.entries()) pace.answered(send, throttled ? 'throttled' : 'admitted', i * 20 + 40);
    const lastThrottleAt = 49 * 20 + 40;
    const held = pace.rate();
    for (let t = lastThrottleAt; t < lastThrottleAt + probeAfterMs; t += 100) pace.advance(t, true);
    expect(pace.rate()).toBe(held);
    pace.advance(lastThrottleAt + probeAfterMs, true);
    pace.advance(lastThrottleAt + probeAfterMs + 1000, true);
    expect(pace.rate()).toBeCloseTo(held * (1 + probeGrowthPerSecond * 0.1) * (1 + probeGrowthPerSecond), 6);
  });

  it('climbs back quickly toward where a blind cut happened', () => {
    const pace = createAdaptiveRate({ initialRate: 40, ceilingRate: 1000, minRate: 0.5 });
    const burst = Array.from({ length: 40 }, (_, i) => pace.sent(i * 25));
    for (const send of burst.slice(0, 39)) pace.answered(send, 'admitted', send.at + 40);
    pace.answered(burst[39] ?? pace.sent(975), 'throttled', 1015);
    // The measured send rate (39 sends in the last second) times the cut.
    expect(pace.rate()).toBeCloseTo(((39 * 1000) / 990) * blindCut, 6);
    for (let t = 1015; t <= 3015; t += 50) pace.advance(t, true);
    expect(pace.rate()).toBeCloseTo(40 * holdFraction, 6);
  });

  it('never goes below the minimum rate', () => {
    const pace = createAdaptiveRate({ initialRate: 4, ceilingRate: 1000, minRate: 1 });
    for (let i = 0; i < 20; i += 1) pace.answered(pace.sent(i * 5000), 'throttled', i * 5000 + 10);
    expect(pace.rate()).toBe(1);
  });
});
