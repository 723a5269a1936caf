import * as z from 'zod';
import { ok, type Result } from '../errors';
import { simulateSettingsSteps, type DialerSimulationResult, type Interval } from './dialer-model';
import { dialerInputSchema, type DialerInput, type DialerSettings } from './schemas';
import { nestedSteps, runSteps, type SimulationControl, type SimulationSteps } from './steps';
import { parseInputs } from './validation';

/** 1.0, 1.1, … 3.0 lines per free agent. */
export const defaultDialRatios: readonly number[] = Array.from({ length: 21 }, (_, k) => Math.round((1 + k / 10) * 10) / 10);

export const dialRatioOptionsSchema = z.object({
  maxAbandonment: z
    .number({ error: 'Enter the abandonment limit as a number, e.g. 0.03 for 3%' })
    .gt(0, 'The abandonment limit must be more than 0 (e.g. 0.03 for 3%)')
    .lt(1, 'The abandonment limit must be below 1 (100%)')
    .default(0.03),
  ratios: z
    .array(
      z
        .number({ error: 'Enter each dial ratio as a number' })
        .min(1, 'Each dial ratio must be at least 1 line per free agent')
        .max(10, 'Each dial ratio must be at most 10 lines per free agent'),
    )
    .min(1, 'List at least one dial ratio to try')
    .max(200, 'Try at most 200 dial ratios at once')
    .optional(),
});
export type DialRatioOptions = z.input<typeof dialRatioOptionsSchema>;

export const agentCountsSchema = z
  .array(
    z
      .number({ error: 'Enter each agent count as a whole number' })
      .int('Enter each agent count as a whole number')
      .min(1, 'Each agent count must be at least 1')
      .max(5_000, 'Each agent count must be at most 5,000'),
  )
  .min(1, 'List at least one agent count to try')
  .max(200, 'Try at most 200 agent counts at once');

/** One point of the "abandonment vs dial ratio" chart. */
export type DialRatioPoint = {
  ratio: number;
  abandonmentRate: number;
  ci: Interval;
  contactsPerHour: number;
  contactsPerHourCi95: Interval;
  occupancy: number;
  occupancyCi95: Interval;
  /** Replications behind the figures (fewer than asked when the intervals were tight early). */
  replications: number;
};

/** The headline figures of one simulated setting, for side-by-side comparison. */
export type DialerOutcome = {
  dialerType: DialerSettings['dialerType'];
  dialRatio: number;
  contactsPerHour: number;
  contactsPerHourCi95: Interval;
  agentOccupancy: number;
  agentOccupancyCi95: Interval;
  abandonmentRate: number;
  abandonmentCi95: Interval;
  hoursToCompleteList: number | null;
  hoursToCompleteListCi95: Interval | null;
  daysToCompleteList: number | null;
  replications: number;
};

export type DialRatioRecommendation = {
  /** The paced dialer swept: the input's when it is predictive or power, otherwise predictive. */
  dialerType: 'predictive' | 'power';
  maxAbandonment: number;
  /** Null when even the lowest ratio tried may break the limit: dial progressive instead. */
  recommendedRatio: number | null;
  sweep: DialRatioPoint[];
  comparison: {
    progressive: DialerOutcome;
    atRecommendedRatio: DialerOutcome | null;
    /** contactsPerHour at the recommended ratio ÷ progressive − 1 (0.25 = 25% faster). */
    throughputGainOverProgressive: number | null;
  };
};

/** One point of the "occupancy vs agents" chart. */
export type AgentCountPoint = {
  agents: number;
  occupancy: number;
  occupancyCi95: Interval;
  contactsPerHour: number;
  abandonmentRate: number;
  hoursToCompleteList: number | null;
  daysToCompleteList: number | null;
  replications: number;
};

const outcomeOf = (result: DialerSimulationResult): DialerOutcome => ({
  dialerType: result.settings.dialerType,
  dialRatio: result.settings.dialerType === 'power' || result.settings.dialerType === 'predictive' ? result.settings.dialRatio : 1,
  contactsPerHour: result.contactsPerHour,
  contactsPerHourCi95: result.contactsPerHourCi95,
  agentOccupancy: result.agentOccupancy,
  agentOccupancyCi95: result.agentOccupancyCi95,
  abandonmentRate: result.abandonmentRate,
  abandonmentCi95: result.abandonmentCi95,
  hoursToCompleteList: result.hoursToCompleteList,
  hoursToCompleteListCi95: result.hoursToCompleteListCi95,
  daysToCompleteList: result.daysToCompleteList,
  replications: result.replications,
});

/** One point of the "occupancy vs agents" chart from the run at that agent count. */
export const agentCountPointOf = (result: DialerSimulationResult): AgentCountPoint => ({
  agents: result.settings.agents,
  occupancy: result.agentOccupancy,
  occupancyCi95: result.agentOccupancyCi95,
  contactsPerHour: result.contactsPerHour,
  abandonmentRate: result.abandonmentRate,
  hoursToCompleteList: result.hoursToCompleteList,
  daysToCompleteList: result.daysToCompleteList,
  replications: result.replications,
});

/** The sweep's paced dialer: the input's when it is predictive or power, otherwise predictive. */
export const pacedDialerOf = (settings: DialerSettings): 'predictive' | 'power' => (settings.dialerType === 'power' ? 'power' : 'predictive');

/**
 * The recommendation from runs at ascending dial ratios: the highest ratio whose upper
 * 95% abandonment bound is under the limit, climbing until the first one that is not.
 */
export function recommendationOf(
  progressive: DialerSimulationResult,
  runs: readonly DialerSimulationResult[],
  maxAbandonment: number,
  dialerType: 'predictive' | 'power',
): DialRatioRecommendation {
  const sweep: DialRatioPoint[] = [];
  let recommended: DialerSimulationResult | null = null;
  let climbing = true;
  for (const result of runs) {
    sweep.push({
      ratio: result.settings.dialRatio,
      abandonmentRate: result.abandonmentRate,
      ci: result.abandonmentCi95,
      contactsPerHour: result.contactsPerHour,
      contactsPerHourCi95: result.contactsPerHourCi95,
      occupancy: result.agentOccupancy,
      occupancyCi95: result.agentOccupancyCi95,
      replications: result.replications,
    });
    if (climbing && result.abandonmentCi95[1] < maxAbandonment) recommended = result;
    else climbing = false;
  }
  const atRecommendedRatio = recommended ? outcomeOf(recommended) : null;
  const progressiveOutcome = outcomeOf(progressive);
  return {
    dialerType,
    maxAbandonment,
    recommendedRatio: recommended ? recommended.settings.dialRatio : null,
    sweep,
    comparison: {
      progressive: progressiveOutcome,
      atRecommendedRatio,
      throughputGainOverProgressive:
        atRecommendedRatio && progressiveOutcome.contactsPerHour > 0 ? atRecommendedRatio.contactsPerHour / progressiveOutcome.contactsPerHour - 1 : null,
    },
  };
}

/** The settings a sweep runs: progressive first, then the paced dialer at each ratio, ascending. */
export function sweepSettingsOf(
  settings: DialerSettings,
  ratios: readonly number[] = defaultDialRatios,
): { progressive: DialerSettings; paced: DialerSettings[] } {
  const dialerType = pacedDialerOf(settings);
  return {
    progressive: { ...settings, dialerType: 'progressive', dialRatio: 1 },
    paced: [...new Set(ratios)].sort((a, b) => a - b).map((dialRatio) => ({ ...settings, dialerType, dialRatio })),
  };
}

/**
 * Sweeps the dial ratio and recommends the highest one that is safe. "Safe" is judged
 * on the upper end of the 95% interval, not the mean: a mean just under 3% would break
 * the rule on roughly half of real days. Ratios are tried in ascending order and the
 * first one over the limit ends the climb, so Monte Carlo noise cannot make a high
 * ratio look safe past an unsafe one.
 */
export function* dialRatioSteps(input: DialerInput, options: DialRatioOptions = {}): SimulationSteps<DialRatioRecommendation> {
  const parsedInput = parseInputs(dialerInputSchema, 'dialer simulation inputs', input);
  if (!parsedInput.ok) return parsedInput;
  const parsedOptions = parseInputs(dialRatioOptionsSchema, 'dial ratio options', options);
  if (!parsedOptions.ok) return parsedOptions;
  const settings = parsedInput.value;
  const { maxAbandonment } = parsedOptions.value;
  const { progressive: progressiveSettings, paced } = sweepSettingsOf(settings, parsedOptions.value.ratios ?? defaultDialRatios);
  const total = (paced.length + 1) * settings.replications;

  const progressive = yield* nestedSteps(simulateSettingsSteps(progressiveSettings), 0, total);
  if (!progressive.ok) return progressive;
  const runs: DialerSimulationResult[] = [];
  for (const [index, each] of paced.entries()) {
    const run = yield* nestedSteps(simulateSettingsSteps(each), (index + 1) * settings.replications, total);
    if (!run.ok) return run;
    runs.push(run.value);
  }
  return ok(recommendationOf(progressive.value, runs, maxAbandonment, pacedDialerOf(settings)));
}

export function recommendDialRatio(input: DialerInput, options: DialRatioOptions = {}, control?: SimulationControl): Result<DialRatioRecommendation> {
  return runSteps(dialRatioSteps(input, options), control);
}

/** Runs the same list and dialer with each agent count (ascending) for the "occupancy vs agents" chart. */
export function* agentCountSteps(input: DialerInput, agentCounts: readonly number[]): SimulationSteps<AgentCountPoint[]> {
  const parsedInput = parseInputs(dialerInputSchema, 'dialer simulation inputs', input);
  if (!parsedInput.ok) return parsedInput;
  const parsedCounts = parseInputs(agentCountsSchema, 'agent counts', agentCounts);
  if (!parsedCounts.ok) return parsedCounts;
  const settings = parsedInput.value;
  const counts = [...new Set(parsedCounts.value)].sort((a, b) => a - b);
  const total = counts.length * settings.replications;

  const points: AgentCountPoint[] = [];
  for (const [index, agents] of counts.entries()) {
    const run = yield* nestedSteps(simulateSettingsSteps({ ...settings, agents }), index * settings.replications, total);
    if (!run.ok) return run;
    points.push(agentCountPointOf(run.value));
  }
  return ok(points);
}

export function occupancyByAgents(input: DialerInput, agentCounts: readonly number[], control?: SimulationControl): Result<AgentCountPoint[]> {
  return runSteps(agentCountSteps(input, agentCounts), control);
}
