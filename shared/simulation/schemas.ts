import * as z from 'zod';
import { dialerTypes } from '../cxone/schemas';

const capitalised = (what: string) => `${what[0]?.toUpperCase() ?? ''}${what.slice(1)}`;

const number = (what: string) => z.number({ error: `Enter ${what} as a number` });

const wholeNumber = (what: string, min: number, max: number) =>
  number(what)
    .int(`Enter ${what} as a whole number`)
    .min(min, `${capitalised(what)} must be at least ${min.toLocaleString('en-US')}`)
    .max(max, `${capitalised(what)} must be at most ${max.toLocaleString('en-US')}`);

const positiveSeconds = (what: string, max: number) =>
  number(what)
    .gt(0, `${capitalised(what)} must be more than 0 seconds`)
    .max(max, `${capitalised(what)} must be at most ${max.toLocaleString('en-US')} seconds`);

const seconds = (what: string, max: number) =>
  number(what)
    .min(0, `${capitalised(what)} cannot be negative`)
    .max(max, `${capitalised(what)} must be at most ${max.toLocaleString('en-US')} seconds`);

const fraction = (what: string) =>
  number(what)
    .min(0, `${capitalised(what)} must be between 0 and 1`)
    .max(1, `${capitalised(what)} must be between 0 and 1`);

const fourHours = 4 * 3600;

/** Inputs of an Erlang C staffing question for one interval (inbound or answered outbound calls). */
export const staffingInputSchema = z.object({
  calls: number('the number of calls')
    .min(0, 'The number of calls cannot be negative')
    .max(10_000_000, 'The number of calls must be at most 10,000,000 per interval'),
  intervalSeconds: positiveSeconds('the interval length', 7 * 24 * 3600),
  ahtSeconds: positiveSeconds('the average handle time', fourHours),
  serviceLevelTarget: number('the service level target')
    .gt(0, 'The service level target must be more than 0% (e.g. 0.8 for 80%)')
    .lt(1, 'The service level target must be below 100%: no finite staff answers every call in time'),
  targetAnswerSeconds: seconds('the target answer time', 3600),
  maxOccupancy: number('the maximum occupancy')
    .gt(0, 'The maximum occupancy must be more than 0 (e.g. 0.85 for 85%)')
    .max(1, 'The maximum occupancy must be at most 1 (100%)')
    .optional(),
});
export type StaffingInput = z.input<typeof staffingInputSchema>;

export const handleTimeDistributions = ['lognormal', 'gamma'] as const;
export type HandleTimeDistribution = (typeof handleTimeDistributions)[number];

/**
 * Inputs of the outbound dialer Monte Carlo model. Times are in seconds of calling
 * time; the model runs the calling window back to back and converts to days at the end.
 */
export const dialerInputSchema = z
  .object({
    contacts: wholeNumber('the number of contacts', 1, 5_000_000),
    agents: wholeNumber('the number of agents', 1, 5_000),
    dialerType: z.enum(dialerTypes, { error: `Pick a dialer type: ${dialerTypes.join(', ')}` }),
    /** Lines dialled per free agent (predictive and power; progressive and preview always dial one). */
    dialRatio: number('the dial ratio')
      .min(1, 'The dial ratio must be at least 1 line per free agent')
      .max(10, 'The dial ratio must be at most 10 lines per free agent')
      .default(1),
    answerRate: fraction('the answer rate'),
    ringSecondsMean: positiveSeconds('the mean ring time before answer', 600),
    noAnswerTimeoutSeconds: positiveSeconds('the no-answer timeout', 600),
    /** Mean talk time of a connected call, without wrap-up. */
    ahtSeconds: positiveSeconds('the average handle time', fourHours),
    /** Coefficient of variation (standard deviation ÷ mean) of the handle time; 0 makes every call last ahtSeconds. */
    handleTimeCv: number('the handle time variation')
      .min(0, 'The handle time variation cannot be negative')
      .max(5, 'The handle time variation must be at most 5')
      .default(0.6),
    handleTimeDistribution: z
      .enum(handleTimeDistributions, { error: `Pick a handle time distribution: ${handleTimeDistributions.join(', ')}` })
      .default('lognormal'),
    wrapUpSeconds: seconds('the wrap-up time', 3600),
    /** Preview dialer only: how long an agent reads a record before its call is placed. */
    previewSeconds: seconds('the preview time', 3600).default(0),
    abandonThresholdSeconds: seconds('the abandon threshold', 60).default(2),
    callingWindowHoursPerDay: number('the calling hours per day')
      .gt(0, 'The calling hours per day must be more than 0')
      .max(24, 'The calling hours per day must be at most 24'),
    replications: wholeNumber('the number of replications', 2, 10_000),
    seed: wholeNumber('the seed', 0, 0xffff_ffff),
    maxSimulatedHours: number('the simulated hours limit')
      .gt(0, 'The simulated hours limit must be more than 0')
      .max(100_000, 'The simulated hours limit must be at most 100,000 hours')
      .optional(),
  })
  .superRefine((input, context) => {
    if (input.ringSecondsMean > input.noAnswerTimeoutSeconds) {
      context.addIssue({
        code: 'custom',
        path: ['ringSecondsMean'],
        message: `The mean ring time must not exceed the no-answer timeout (${input.noAnswerTimeoutSeconds} s)`,
      });
    }
  });
export type DialerInput = z.input<typeof dialerInputSchema>;
export type DialerSettings = z.output<typeof dialerInputSchema>;
