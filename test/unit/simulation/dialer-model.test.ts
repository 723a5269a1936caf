import { describe, expect, it } from 'vitest';
import { simulateDialer, type DialerInput, type DialerSimulationResult } from '../../../shared/simulation';
import { busyCampaign } from './dialer-inputs';

const simulate = (overrides: Partial<DialerInput> = {}): DialerSimulationResult => {
  const result = simulateDialer({ ...busyCampaign, ...overrides });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

describe('dialer model: pacing', () => {
  it('abandons nothing when progressive or preview, however busy the agents', () => {
    for (const dialerType of ['progressive', 'preview'] as const) {
      const result = simulate({ dialerType, agents: 3, answerRate: 0.9, abandonThresholdSeconds: 0 });
      expect(result.answered).toBeGreaterThan(1_000);
      expect(result.abandoned).toBe(0);
      expect(result.abandonmentRate).toBe(0);
      expect(result.abandonmentCi95).toEqual([0, 0]);
    }
  });

  it('dials one line per free agent in power mode at ratio 1, exactly like progressive', () => {
    const power = simulate({ dialerType: 'power', dialRatio: 1 });
    const progressive = simulate({ dialerType: 'progressive' });
    expect(power.abandoned).toBe(0);
    expect(power.contactsPerHour).toBe(progressive.contactsPerHour);
  });

  it('abandons more as the dial ratio grows', () => {
    const rates = [1, 1.5, 2, 2.5, 3].map((dialRatio) => simulate({ dialRatio }).abandonmentRate);
    for (let k = 1; k < rates.length; k++) expect(rates[k]).toBeGreaterThan(rates[k - 1] as number);
    expect(rates[4]).toBeGreaterThan(0.05);
  });

  it('keeps agents busier and works the list faster as the dial ratio grows', () => {
    const low = simulate({ dialRatio: 1 });
    const high = simulate({ dialRatio: 2.5 });
    expect(high.agentOccupancy).toBeGreaterThan(low.agentOccupancy);
    expect(high.contactsPerHour).toBeGreaterThan(low.contactsPerHour);
  });

  it('abandons less when callers are given longer to reach an agent', () => {
    expect(simulate({ abandonThresholdSeconds: 10 }).abandonmentRate).toBeLessThan(simulate({ abandonThresholdSeconds: 2 }).abandonmentRate);
  });

  it('works the list at least as fast with more agents (same seed)', () => {
    for (const dialerType of ['progressive', 'predictive'] as const) {
      const throughput = [2, 5, 10, 20, 40].map((agents) => simulate({ dialerType, agents }).contactsPerHour);
      for (let k = 1; k < throughput.length; k++) expect(throughput[k]).toBeGreaterThan(throughput[k - 1] as number);
    }
  });

  it('charges preview time to the agents, so previewing is slower than progressive', () => {
    const preview = simulate({ dialerType: 'preview', previewSeconds: 20 });
    const progressive = simulate({ dialerType: 'progressive' });
    expect(preview.contactsPerHour).toBeLessThan(progressive.contactsPerHour);
    expect(preview.agentOccupancy).toBeGreaterThan(progressive.agentOccupancy);
  });
});

describe('dialer model: accounting', () => {
  it('has about contacts × answer rate answered calls', () => {
    const result = simulate({ contacts: 5_000, replications: 40, answerRate: 0.3 });
    expect(result.answered).toBeGreaterThan(5_000 * 0.3 * 0.985);
    expect(result.answered).toBeLessThan(5_000 * 0.3 * 1.015);
    expect(result.connected + result.abandoned).toBeCloseTo(result.answered, 9);
  });

  it('reports occupancy consistent with the talk and wrap-up work done', () => {
    const result = simulate({ dialerType: 'progressive', handleTimeCv: 0 });
    const hours = result.hoursToCompleteList ?? Number.NaN;
    const expectedBusyHours = (result.connected * (180 + 30)) / 3600;
    expect(result.agentOccupancy).toBeGreaterThan(0);
    expect(result.agentOccupancy).toBeLessThan(1);
    expect(result.agentOccupancy * 10 * hours).toBeCloseTo(expectedBusyHours, 0);
  });

  it('converts calling hours to days with the calling window', () => {
    const result = simulate();
    expect(result.listCompleted).toBe(true);
    expect(result.daysToCompleteList).toBeCloseTo((result.hoursToCompleteList ?? 0) / 8, 10);
    expect(result.contactsPerHour).toBeGreaterThan(0);
    const [low, high] = result.contactsPerHourCi95;
    expect(low).toBeLessThanOrEqual(result.contactsPerHour);
    expect(high).toBeGreaterThanOrEqual(result.contactsPerHour);
  });

  it('draws a completion curve that climbs from 0 and ends at 1 when the list completes', () => {
    const { completionCurve, listCompleted, completedFraction } = simulate();
    expect(listCompleted).toBe(true);
    expect(completedFraction).toBe(1);
    expect(completionCurve[0]).toEqual({ hour: 0, completedFraction: 0 });
    for (let k = 1; k < completionCurve.length; k++) {
      const previous = completionCurve[k - 1];
      const point = completionCurve[k];
      expect(point?.hour).toBeGreaterThan(previous?.hour ?? Number.NaN);
      expect(point?.completedFraction).toBeGreaterThanOrEqual(previous?.completedFraction ?? Number.NaN);
    }
    expect(completionCurve.at(-1)?.completedFraction).toBe(1);
  });

  it('stops at the simulated hours limit and says the list is not complete', () => {
    const result = simulate({ maxSimulatedHours: 1 });
    expect(result.listCompleted).toBe(false);
    expect(result.hoursToCompleteList).toBeNull();
    expect(result.daysToCompleteList).toBeNull();
    expect(result.completedFraction).toBeGreaterThan(0);
    expect(result.completedFraction).toBeLessThan(1);
    expect(result.completionCurve.at(-1)?.completedFraction).toBeCloseTo(result.completedFraction, 10);
    expect(result.completionCurve.at(-1)?.hour).toBeLessThanOrEqual(1);
  });
});

describe('dialer model: reproducibility', () => {
  it('gives identical results for the same seed', () => {
    expect(simulate({ seed: 99 })).toEqual(simulate({ seed: 99 }));
  });

  it('gives different results for a different seed', () => {
    const first = simulate({ seed: 99 });
    const second = simulate({ seed: 100 });
    expect(second.answered).not.toBe(first.answered);
    expect(second.completionCurve).not.toEqual(first.completionCurve);
  });

  it('samples gamma handle times as well as lognormal ones, with the same mean', () => {
    const lognormal = simulate({ dialerType: 'progressive', handleTimeDistribution: 'lognormal' });
    const gamma = simulate({ dialerType: 'progressive', handleTimeDistribution: 'gamma' });
    expect(gamma).not.toEqual(lognormal);
    expect(gamma.contactsPerHour).toBeGreaterThan(lognormal.contactsPerHour * 0.97);
    expect(gamma.contactsPerHour).toBeLessThan(lognormal.contactsPerHour * 1.03);
  });
});

describe('dialer model: input errors', () => {
  it('names each invalid field', () => {
    const result = simulateDialer({ ...busyCampaign, answerRate: 1.5, agents: 0, replications: 1 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe('validation');
    expect(result.error.details?.map((detail) => detail.path).sort()).toEqual(['agents', 'answerRate', 'replications']);
    expect(result.error.details?.find((detail) => detail.path === 'answerRate')?.message).toBe('The answer rate must be between 0 and 1');
  });

  it('refuses a mean ring time longer than the no-answer timeout', () => {
    const result = simulateDialer({ ...busyCampaign, ringSecondsMean: 40, noAnswerTimeoutSeconds: 25 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.details?.[0]?.path).toBe('ringSecondsMean');
  });
});
