import type { DialerType } from '../../cxone/schemas';
import type { Result } from '../../errors';
import { ok } from '../../errors';
import type { DialerInput } from '../../simulation/schemas';
import { dialRatioSteps, type DialRatioRecommendation } from '../../simulation/dialer-sweeps';
import type { SimulationSteps } from '../../simulation/steps';

/** The call assumptions a lead sets on the capacity rule (the tenant keeps none of them). */
export interface CallAssumptions {
  answerRate: number;
  ahtSeconds: number;
  wrapUpSeconds: number;
}

/** The rule's defaults: a 30% answer rate, 3 minutes' talk and 30 s wrap-up. */
export const defaultCallAssumptions: CallAssumptions = { answerRate: 0.3, ahtSeconds: 180, wrapUpSeconds: 30 };

/**
 * What the capacity rule asks the New campaign pacing model besides the call assumptions: the
 * Simulate step's ring times, small and seeded, so a tick stays short and the same question
 * always gives the same limit.
 */
export const capacityPacingAssumptions = {
  contacts: 2_000,
  ringSecondsMean: 12,
  noAnswerTimeoutSeconds: 25,
  callingWindowHoursPerDay: 8,
  replications: 12,
  seed: 4,
} as const;

/** 1.0, 1.2 … 3.0 lines per free agent: coarse enough for a tick. */
export const capacityDialRatios: readonly number[] = Array.from({ length: 11 }, (_, k) => Math.round((1 + k / 5) * 10) / 10);

/** The model's agent ceiling (dialerInputSchema). */
const maxModelAgents = 5_000;

export interface SimulationLimit {
  limit: number;
  /** The dial ratio the limit rests on: 1 for dialers that never dial ahead of a free agent. */
  dialRatio: number;
  /** Why, in a few words, for the decision's reason. */
  basis: string;
}

/** Progressive and preview dial one line per free agent: no call is ever answered without one, so nothing is abandoned. */
const dialsAhead = (dialerType: DialerType): dialerType is 'predictive' | 'power' => dialerType === 'predictive' || dialerType === 'power';

/**
 * The simulation-model limit as steps (one per replication), so the caller can give the
 * event loop a turn between them: available agents × the highest dial ratio whose upper 95%
 * abandonment bound stays under `maxAbandonRate` (FTC TSR 16 CFR 310.4(b)(4): 3% of answered
 * calls). When even 1.0 is not safe, or the dialer never dials ahead, one line per agent.
 */
export function* simulationLimitSteps(
  availableAgents: number,
  dialerType: DialerType,
  maxAbandonRate: number,
  calls: CallAssumptions = defaultCallAssumptions,
): SimulationSteps<SimulationLimit> {
  if (availableAgents <= 0) return ok({ limit: 0, dialRatio: 1, basis: 'no agent available' });
  if (!dialsAhead(dialerType)) return ok({ limit: availableAgents, dialRatio: 1, basis: `${dialerType} dials one line per free agent` });
  const input: DialerInput = {
    ...capacityPacingAssumptions,
    answerRate: calls.answerRate,
    ahtSeconds: calls.ahtSeconds,
    wrapUpSeconds: calls.wrapUpSeconds,
    agents: Math.min(availableAgents, maxModelAgents),
    dialerType,
  };
  const recommendation: Result<DialRatioRecommendation> = yield* dialRatioSteps(input, { maxAbandonment: maxAbandonRate, ratios: [...capacityDialRatios] });
  if (!recommendation.ok) return recommendation;
  const ratio = recommendation.value.recommendedRatio;
  if (ratio === null) return ok({ limit: availableAgents, dialRatio: 1, basis: `no dial ratio keeps predicted abandonment under ${percent(maxAbandonRate)}` });
  return ok({
    limit: Math.max(1, Math.floor(availableAgents * ratio + 1e-9)),
    dialRatio: ratio,
    basis: `dial ratio ${ratio} keeps predicted abandonment under ${percent(maxAbandonRate)}`,
  });
}

const percent = (fraction: number) => `${Math.round(fraction * 1000) / 10}%`;

/** The key under which a simulation limit may be reused: it depends on nothing else. */
export const simulationLimitKey = (availableAgents: number, dialerType: DialerType, maxAbandonRate: number, calls: CallAssumptions = defaultCallAssumptions) =>
  `${dialsAhead(dialerType) ? dialerType : 'one-line'}:${availableAgents}:${maxAbandonRate}:${calls.answerRate}:${calls.ahtSeconds}:${calls.wrapUpSeconds}`;
