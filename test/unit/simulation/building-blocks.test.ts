import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../shared/simulation';
import { benchSimulation } from '../../../scripts/bench/simulation';
import { handleTimeSampler, truncatedExponential } from '../../../shared/simulation/distributions';
import { EventHeap } from '../../../shared/simulation/event-heap';
import { estimate, tQuantile975 } from '../../../shared/simulation/statistics';

const moments = (samples: number[]) => {
  const mean = samples.reduce((sum, x) => sum + x, 0) / samples.length;
  const variance = samples.reduce((sum, x) => sum + (x - mean) ** 2, 0) / (samples.length - 1);
  return { mean, cv: Math.sqrt(variance) / mean };
};

describe('random numbers and distributions', () => {
  it('repeats a stream for a seed and differs between seeds', () => {
    const first = mulberry32(7);
    const again = mulberry32(7);
    const other = mulberry32(8);
    const a = Array.from({ length: 5 }, first);
    expect(Array.from({ length: 5 }, again)).toEqual(a);
    expect(Array.from({ length: 5 }, other)).not.toEqual(a);
    for (const x of a) expect(x >= 0 && x < 1).toBe(true);
  });

  it('samples handle times with the requested mean and variation', () => {
    for (const distribution of ['lognormal', 'gamma'] as const) {
      for (const cv of [0.3, 0.6, 1.5]) {
        const random = mulberry32(11);
        const sample = handleTimeSampler(distribution, 180, cv);
        const stats = moments(Array.from({ length: 200_000 }, () => sample(random)));
        expect(stats.mean / 180).toBeCloseTo(1, 1);
        expect(stats.cv / cv).toBeGreaterThan(0.93);
        expect(stats.cv / cv).toBeLessThan(1.07);
      }
    }
  });

  it('makes every handle time the mean when the variation is 0', () => {
    expect(handleTimeSampler('lognormal', 180, 0)(mulberry32(1))).toBe(180);
  });

  it('keeps answered ring times below the no-answer timeout', () => {
    const random = mulberry32(3);
    const rings = Array.from({ length: 50_000 }, () => truncatedExponential(random, 12, 25));
    expect(Math.max(...rings)).toBeLessThan(25);
    expect(Math.min(...rings)).toBeGreaterThanOrEqual(0);
  });
});

describe('event heap', () => {
  it('pops events in time order whatever order they were pushed in', () => {
    const random = mulberry32(5);
    const heap = new EventHeap(4);
    const times = Array.from({ length: 5_000 }, () => random() * 1_000);
    times.forEach((time, index) => heap.push(time, index));
    const popped: number[] = [];
    while (heap.size > 0) {
      expect(times[heap.peekCode()]).toBe(heap.peekTime());
      popped.push(heap.peekTime());
      heap.pop();
    }
    expect(popped).toEqual([...times].sort((a, b) => a - b));
  });
});

describe('replication statistics', () => {
  it('uses Student t quantiles for few replications and approaches 1.96 for many', () => {
    expect(tQuantile975(1)).toBe(12.706);
    expect(tQuantile975(29)).toBe(2.045);
    expect(tQuantile975(60)).toBeCloseTo(2.0003, 3);
    expect(tQuantile975(1_000_000)).toBeCloseTo(1.96, 3);
  });

  it('builds the interval from the spread of replications and clamps it', () => {
    const { mean, ci95 } = estimate([1, 2, 3, 4], 4);
    expect(mean).toBe(2.5);
    expect(ci95[0]).toBeCloseTo(2.5 - 3.182 * Math.sqrt(5 / 3 / 4), 10);
    expect(estimate([0, 0, 0.1], 3, 0, 1).ci95[0]).toBe(0);
  });
});

describe('benchmark', () => {
  it('times the reference workload with the clock it is given', () => {
    let tick = 1_000;
    const clock = () => (tick += 250);
    expect(benchSimulation(clock)).toEqual({ contacts: 10_000, replications: 200, ms: 250 });
  });
});
