import * as z from 'zod';

/** What the wizard's Simulate step asks; every field is an input a lead can change. */
export const simulationRequestSchema = z.object({
  /** Records to dial (the contact list's record count by default). */
  contacts: z.number(),
  agents: z.number(),
  /** Share of dials a person answers, 0..1. */
  answerRate: z.number(),
  /** Mean talk time of a connected call, seconds. */
  talkSeconds: z.number(),
  wrapUpSeconds: z.number(),
  /** The campaign's max calls per hour: the dialer's ceiling, used for the Erlang C staffing. */
  maxCallsPerHour: z.number(),
  callingHoursPerDay: z.number(),
  /** Erlang C target: serviceLevel of answered calls reach an agent within targetSeconds. */
  serviceLevel: z.number(),
  targetSeconds: z.number(),
  /** The most replications per setting; fewer run where the intervals are tight sooner. */
  replications: z.number(),
  seed: z.number(),
});
export type SimulationRequest = z.infer<typeof simulationRequestSchema>;

/** A 95% confidence interval [low, high] over replications. */
const interval = z.tuple([z.number(), z.number()]);

export const ratioPointSchema = z.object({
  dialRatio: z.number(),
  /** Mean abandoned share of answered calls across replications. */
  abandonRate: z.number(),
  abandonRateLow: z.number(),
  /** Upper end of the 95% interval: what the recommendation is judged on. */
  abandonRateHigh: z.number(),
  occupancy: z.number(),
  occupancyCi95: interval,
  contactsPerHour: z.number(),
  contactsPerHourCi95: interval,
  /** Replications behind the figures. */
  replications: z.number(),
});
export type RatioPoint = z.infer<typeof ratioPointSchema>;

export const agentsPointSchema = z.object({
  agents: z.number(),
  /** Agent occupancy in the dialer simulation at the recommended pacing. */
  occupancy: z.number(),
  occupancyCi95: interval,
  replications: z.number(),
  /** Erlang C for the answered calls at max calls per hour: traffic ÷ agents, at most 1. */
  erlangOccupancy: z.number(),
  /** Erlang C for the answered calls at max calls per hour. */
  serviceLevel: z.number(),
  probabilityWaiting: z.number(),
  /** Null when the queue never settles with this few agents. */
  asaSeconds: z.number().nullable(),
});
export type AgentsPoint = z.infer<typeof agentsPointSchema>;

export const completionPointSchema = z.object({
  hours: z.number(),
  progressive: z.number(),
  predictive: z.number().nullable(),
});
export type CompletionPoint = z.infer<typeof completionPointSchema>;

export const pacingSummarySchema = z.object({
  dialRatio: z.number(),
  abandonRate: z.number(),
  abandonRateCi95: interval,
  occupancy: z.number(),
  occupancyCi95: interval,
  contactsPerHour: z.number(),
  contactsPerHourCi95: interval,
  /** Calling hours to work the whole list (null: not finished within the model's time limit). */
  completionHours: z.number().nullable(),
  completionHoursCi95: interval.nullable(),
  completionDays: z.number().nullable(),
  replications: z.number(),
});
export type PacingSummary = z.infer<typeof pacingSummarySchema>;

export const staffingSummarySchema = z.object({
  callsPerHour: z.number(),
  handleSeconds: z.number(),
  trafficErlangs: z.number(),
  agentsNeeded: z.number(),
  probabilityWaiting: z.number(),
  serviceLevel: z.number(),
  asaSeconds: z.number(),
  occupancy: z.number(),
});
export type StaffingSummary = z.infer<typeof staffingSummarySchema>;

/** How tight the intervals had to be before a setting stopped (null: every setting ran all its replications). */
export const reportPrecisionSchema = z.object({
  minReplications: z.number(),
  relativeHalfWidth: z.number(),
  abandonmentRelative: z.number(),
  abandonmentAbsolute: z.number(),
});
export type ReportPrecision = z.infer<typeof reportPrecisionSchema>;

export const simulationReportSchema = z.object({
  request: simulationRequestSchema,
  staffing: staffingSummarySchema,
  ratios: z.array(ratioPointSchema),
  /** Highest dial ratio whose predicted abandonment stays under 3% (null: dial progressive). */
  recommendedDialRatio: z.number().nullable(),
  progressive: pacingSummarySchema,
  predictive: pacingSummarySchema.nullable(),
  throughputGain: z.number().nullable(),
  agents: z.array(agentsPointSchema),
  completion: z.array(completionPointSchema),
  precision: reportPrecisionSchema.nullable(),
  /** Distinct settings simulated, and the replications they ran in all. */
  settingsSimulated: z.number(),
  replicationsRun: z.number(),
});
export type SimulationReport = z.infer<typeof simulationReportSchema>;

export const reportProgressSchema = z.object({
  done: z.number(),
  total: z.number(),
  stage: z.string(),
});
export type ReportProgress = z.infer<typeof reportProgressSchema>;
