import { describe, expect, it } from 'vitest';
import { backoff } from '../../../shared/base/backoff';

describe('backoff', () => {
  it('grows by the factor from the base up to the cap', () => {
    expect([1, 2, 3, 4, 5].map(backoff({ baseMs: 100, capMs: 500 }))).toEqual([100, 200, 400, 500, 500]);
    expect([1, 2, 3].map(backoff({ baseMs: 100, factor: 3 }))).toEqual([100, 300, 900]);
  });

  it('counts retry numbers below 1 as the first retry', () => {
    expect([0, -1].map(backoff({ baseMs: 100 }))).toEqual([100, 100]);
  });

  it('grows linearly when asked', () => {
    expect([1, 2, 3, 4, 5].map(backoff({ baseMs: 2000, growth: 'linear', capMs: 8000 }))).toEqual([2000, 4000, 6000, 8000, 8000]);
  });

  it('equal jitter stays between half the step and the step', () => {
    expect(backoff({ baseMs: 1000, jitter: 'equal', random: () => 0 })(2)).toBe(1000);
    expect(backoff({ baseMs: 1000, jitter: 'equal', random: () => 0.5 })(2)).toBe(1500);
  });

  it('proportional jitter spreads the capped step ×0.5–1.5', () => {
    expect(backoff({ baseMs: 1000, capMs: 1500, jitter: 'proportional', random: () => 0 })(3)).toBe(750);
    expect(backoff({ baseMs: 1000, capMs: 1500, jitter: 'proportional', random: () => 0.5 })(3)).toBe(1500);
  });
});
