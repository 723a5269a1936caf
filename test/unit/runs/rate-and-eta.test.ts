import { describe, expect, it } from 'vitest';
import { rateAndEta } from '../../../shared/runs/run-progress';

describe('rate and time left of a run', () => {
  it('divides what is done by the time taken, and what is left by that rate', () => {
    expect(rateAndEta(50, 150, 10_000)).toEqual({ ratePerSecond: 5, etaMs: 20_000 });
  });

  it('knows no time left while nothing is done or no time has passed', () => {
    expect(rateAndEta(0, 10, 5000)).toEqual({ ratePerSecond: 0 });
    expect(rateAndEta(3, 10, 0)).toEqual({ ratePerSecond: 0 });
  });

  it('has nothing left once everything is done, also when more than the total was done', () => {
    expect(rateAndEta(10, 10, 2000)).toEqual({ ratePerSecond: 5, etaMs: 0 });
    expect(rateAndEta(12, 10, 2000)).toEqual({ ratePerSecond: 6, etaMs: 0 });
  });
});
