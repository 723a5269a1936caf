import { describe, expect, it } from 'vitest';
import {
  abandonLimit,
  agentCountsAround,
  buildSimulationReport,
  mergeCompletion,
  type SimulationRequest,
} from '../../../shared/new-campaign/simulation-report';

const request: SimulationRequest = {
  contacts: 800,
  agents: 6,
  answerRate: 0.3,
  talkSeconds: 150,
  wrapUpSeconds: 20,
  maxCallsPerHour: 300,
  callingHoursPerDay: 8,
  serviceLevel: 0.8,
  targetSeconds: 20,
  replications: 12,
  seed: 7,
};

describe('campaign simulation report', () => {
  const first = buildSimulationReport(request);
  if (!first.ok) throw new Error(first.error.message);
  const report = first.value;

  it('gives the same report for the same seed, and a different one for another seed', () => {
    expect(buildSimulationReport(request)).toEqual(first);
    const other = buildSimulationReport({ ...request, seed: 8 });
    expect(other.ok && other.value.ratios).not.toEqual(report.ratios);
  });

  it('recommends the highest swept ratio whose upper abandonment bound stays under 3%, and no higher', () => {
    const recommended = report.ratios.find((point) => point.dialRatio === report.recommendedDialRatio);
    expect(recommended).toBeDefined();
    expect(recommended!.abandonRateHigh).toBeLessThan(abandonLimit);
    const nextUp = report.ratios.find((point) => point.dialRatio > report.recommendedDialRatio!);
    expect(nextUp!.abandonRateHigh).toBeGreaterThanOrEqual(abandonLimit);
    expect(report.predictive?.dialRatio).toBe(report.recommendedDialRatio);
  });

  it('compares progressive pacing, which abandons nothing, with the faster predictive pacing', () => {
    expect(report.progressive.abandonRate).toBe(0);
    expect(report.predictive!.contactsPerHour).toBeGreaterThan(report.progressive.contactsPerHour);
    expect(report.throughputGain).toBeGreaterThan(0);
  });

  it('staffs the answered calls at max calls per hour with Erlang C', () => {
    expect(report.staffing.callsPerHour).toBeCloseTo(90);
    expect(report.staffing.trafficErlangs).toBeCloseTo((90 * 170) / 3600);
    expect(report.staffing.serviceLevel).toBeGreaterThanOrEqual(0.8);
    const fewer = report.agents.find((point) => point.agents === report.staffing.agentsNeeded - 1);
    expect(fewer?.serviceLevel ?? 0).toBeLessThan(0.8);
  });

  it('draws list completion curves that only rise and end with the whole list done', () => {
    const shares = report.completion.map((point) => point.progressive);
    expect(shares.every((share, index) => index === 0 || share >= shares[index - 1]!)).toBe(true);
    expect(shares.at(-1)).toBe(1);
    expect(report.completion.at(-1)?.predictive).toBe(1);
  });

  it('reports progress up to its total and stops when cancelled', () => {
    const seen: number[] = [];
    let total = 0;
    buildSimulationReport(request, { onProgress: (p) => ((total = p.total), seen.push(p.done)) });
    expect(seen.at(-1)).toBe(total);
    let calls = 0;
    const cancelled = buildSimulationReport(request, { shouldCancel: () => ++calls > 3 });
    expect(cancelled).toMatchObject({ ok: false, error: { kind: 'cancelled' } });
  });

  it('puts the allocation and the Erlang C answer among the agent counts', () => {
    expect(agentCountsAround(10, 14)).toEqual(expect.arrayContaining([10, 14]));
    expect(agentCountsAround(1, 1)[0]).toBe(1);
    expect(
      mergeCompletion(
        [
          { hour: 0, completedFraction: 0 },
          { hour: 2, completedFraction: 1 },
        ],
        [
          { hour: 0, completedFraction: 0 },
          { hour: 1, completedFraction: 1 },
        ],
      ),
    ).toEqual([
      { hours: 0, progressive: 0, predictive: 0 },
      { hours: 1, progressive: 0, predictive: 1 },
      { hours: 2, progressive: 1, predictive: 1 },
    ]);
  });
});
