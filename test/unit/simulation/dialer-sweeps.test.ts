import { describe, expect, it } from 'vitest';
import { occupancyByAgents, recommendDialRatio, simulateDialer } from '../../../shared/simulation';
import { busyCampaign } from './dialer-inputs';

describe('dial ratio recommendation', () => {
  const ratios = [1, 1.2, 1.4, 1.6, 1.8, 2, 2.2, 2.5, 3];
  const recommend = () => {
    const result = recommendDialRatio(busyCampaign, { maxAbandonment: 0.03, ratios });
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  };

  it('recommends the highest ratio whose upper 95% bound stays under 3% of answered calls', () => {
    const recommendation = recommend();
    expect(recommendation.dialerType).toBe('predictive');
    expect(recommendation.sweep.map((point) => point.ratio)).toEqual(ratios);
    const index = recommendation.sweep.findIndex((point) => point.ratio === recommendation.recommendedRatio);
    expect(index).toBeGreaterThanOrEqual(0);
    for (const point of recommendation.sweep.slice(0, index + 1)) expect(point.ci[1]).toBeLessThan(0.03);
    expect(recommendation.sweep[index + 1]?.ci[1]).toBeGreaterThanOrEqual(0.03);
  });

  it('predicts the recommended ratio stays under 3% when simulated on its own with a fresh seed', () => {
    const { recommendedRatio } = recommend();
    const check = simulateDialer({ ...busyCampaign, dialRatio: recommendedRatio ?? 1, seed: 4242, replications: 60 });
    if (!check.ok) throw new Error(check.error.message);
    expect(check.value.abandonmentRate).toBeLessThan(0.03);
  });

  it('compares the recommended pacing with progressive dialling', () => {
    const { comparison, recommendedRatio } = recommend();
    expect(comparison.progressive).toMatchObject({ dialerType: 'progressive', dialRatio: 1, abandonmentRate: 0 });
    expect(comparison.atRecommendedRatio?.dialRatio).toBe(recommendedRatio);
    expect(comparison.throughputGainOverProgressive).toBeGreaterThan(0);
    expect(comparison.atRecommendedRatio?.contactsPerHour).toBeCloseTo(
      comparison.progressive.contactsPerHour * (1 + (comparison.throughputGainOverProgressive ?? 0)),
      6,
    );
  });

  it('recommends nothing when even the lowest ratio may break the limit', () => {
    const result = recommendDialRatio(busyCampaign, { maxAbandonment: 0.03, ratios: [3, 4] });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.recommendedRatio).toBeNull();
    expect(result.value.comparison.atRecommendedRatio).toBeNull();
    expect(result.value.comparison.throughputGainOverProgressive).toBeNull();
  });

  it('sweeps power pacing when the campaign dials in power mode', () => {
    const result = recommendDialRatio({ ...busyCampaign, dialerType: 'power' }, { ratios: [1, 2] });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.dialerType).toBe('power');
    expect(result.value.sweep[0]?.abandonmentRate).toBe(0);
  });

  it('names an invalid ratio in the options', () => {
    const result = recommendDialRatio(busyCampaign, { ratios: [0.5] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.details?.[0]?.path).toBe('ratios.0');
  });
});

describe('occupancy by agents', () => {
  it('returns one point per agent count, ascending, finishing sooner with more agents', () => {
    const result = occupancyByAgents({ ...busyCampaign, dialerType: 'progressive' }, [20, 5, 10]);
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.map((point) => point.agents)).toEqual([5, 10, 20]);
    for (const point of result.value) {
      expect(point.occupancy).toBeGreaterThan(0.5);
      expect(point.occupancy).toBeLessThan(1);
      expect(point.occupancyCi95[0]).toBeLessThanOrEqual(point.occupancy);
      expect(point.occupancyCi95[1]).toBeGreaterThanOrEqual(point.occupancy);
    }
    const hours = result.value.map((point) => point.hoursToCompleteList ?? Number.NaN);
    expect(hours[1]).toBeLessThan(hours[0] ?? 0);
    expect(hours[2]).toBeLessThan(hours[1] ?? 0);
  });

  it('shows a larger team absorbing predictive over-dialling (fewer abandons at the same ratio)', () => {
    const result = occupancyByAgents(busyCampaign, [5, 10, 20, 40]);
    if (!result.ok) throw new Error(result.error.message);
    const rates = result.value.map((point) => point.abandonmentRate);
    for (let k = 1; k < rates.length; k++) expect(rates[k]).toBeLessThan(rates[k - 1] as number);
  });

  it('names an agent count that is not a whole number', () => {
    const result = occupancyByAgents(busyCampaign, [5, 7.5]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.details?.[0]).toMatchObject({ path: '1', message: 'Enter each agent count as a whole number' });
  });
});
