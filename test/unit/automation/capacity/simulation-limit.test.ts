import { describe, expect, it } from 'vitest';
import {
  capacityPacingAssumptions,
  defaultCallAssumptions,
  simulationLimitSteps,
  type CallAssumptions,
} from '../../../../shared/automation/capacity/simulation-limit';
import { simulateDialer } from '../../../../shared/simulation/dialer-model';
import { runSteps } from '../../../../shared/simulation/steps';

const limitOf = (
  available: number,
  dialerType: 'predictive' | 'power' | 'progressive' | 'preview',
  maxAbandonRate = 0.03,
  calls: CallAssumptions = defaultCallAssumptions,
) => {
  const result = runSteps(simulationLimitSteps(available, dialerType, maxAbandonRate, calls));
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
};

describe('the simulation-model limit', () => {
  it('is 0 with no agent, and one line per agent for dialers that never dial ahead', () => {
    expect(limitOf(0, 'predictive').limit).toBe(0);
    expect(limitOf(7, 'progressive')).toMatchObject({ limit: 7, dialRatio: 1 });
    expect(limitOf(7, 'preview')).toMatchObject({ limit: 7, dialRatio: 1 });
  });

  it('dials a predictive campaign ahead at a ratio whose predicted abandonment stays under 3%', () => {
    const { limit, dialRatio } = limitOf(20, 'predictive');
    expect(dialRatio).toBeGreaterThan(1);
    expect(limit).toBe(Math.floor(20 * dialRatio + 1e-9));
    const check = simulateDialer({ ...capacityPacingAssumptions, ...defaultCallAssumptions, agents: 20, dialerType: 'predictive', dialRatio });
    if (!check.ok) throw new Error(check.error.message);
    expect(check.value.abandonmentCi95[1]).toBeLessThan(0.03);
  });

  it('never allows more lines under a stricter abandonment limit', () => {
    expect(limitOf(20, 'predictive', 0.005).limit).toBeLessThanOrEqual(limitOf(20, 'predictive', 0.03).limit);
  });

  it('rests on the call assumptions the lead set: a floor that answers more dials gets fewer lines, and its ratio still keeps abandonment under the limit', async () => {
    const answering = { ...defaultCallAssumptions, answerRate: 0.45 };
    const busy = limitOf(20, 'predictive', 0.03, answering);
    const usual = limitOf(20, 'predictive');
    expect(busy.dialRatio).toBeLessThan(usual.dialRatio);
    const check = simulateDialer({ ...capacityPacingAssumptions, ...answering, agents: 20, dialerType: 'predictive', dialRatio: busy.dialRatio });
    if (!check.ok) throw new Error(check.error.message);
    expect(check.value.abandonmentCi95[1]).toBeLessThan(0.03);
  });
});
