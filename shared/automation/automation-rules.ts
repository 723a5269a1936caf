import * as z from 'zod';
import { urlSettingSchema } from '../url-setting';

/** The rules the console runs unattended. */
export const automationRuleIds = ['weather', 'capacity'] as const;
export type AutomationRuleId = (typeof automationRuleIds)[number];
export const automationRuleIdSchema = z.enum(automationRuleIds);

/** NWS severities from least to most severe ('Unknown' is below every threshold). */
export const alertSeverities = ['Minor', 'Moderate', 'Severe', 'Extreme'] as const;
export type AlertSeverity = (typeof alertSeverities)[number];

const intervalMinutes = z
  .number()
  .int('Interval (minutes) must be a whole number.')
  .min(1, 'Interval (minutes) must be at least 1.')
  .max(1440, 'Interval (minutes) must be at most 1440 (one day).');

export const weatherRuleSettingsSchema = z.object({
  alertsUrl: urlSettingSchema('Alerts feed URL'),
  severity: z.enum(alertSeverities, { message: 'Severity threshold must be one of Minor, Moderate, Severe, Extreme.' }).default('Severe'),
  holdDownMinutes: z
    .number()
    .int('Hold-down (minutes) must be a whole number.')
    .min(0, 'Hold-down (minutes) must be 0 or more.')
    .max(1440, 'Hold-down (minutes) must be at most 1440.')
    .default(30),
  intervalMinutes: intervalMinutes.default(5),
});
export type WeatherRuleSettings = z.infer<typeof weatherRuleSettingsSchema>;

export const capacityPacingModels = ['agents', 'simulation'] as const;
export const capacityRuleSettingsSchema = z.object({
  safetyFactor: z.number().gt(0, 'Safety factor must be above 0.').max(1, 'Safety factor must be at most 1.').default(0.8),
  /** 'agents': available × safety factor; 'simulation': the New campaign pacing model, predicted abandonment under `maxAbandonRate`. */
  model: z.enum(capacityPacingModels).default('agents'),
  maxAbandonRate: z
    .number()
    .gt(0, 'Maximum abandonment must be above 0.')
    .max(0.03, 'Maximum abandonment must be at most 3% (16 CFR 310.4(b)(4)).')
    .default(0.03),
  /** The simulation model's call assumptions (the tenant keeps none of them): share of dials answered, talk and wrap-up time. */
  answerRate: z.number().gt(0, 'Answer rate must be above 0%.').max(0.95, 'Answer rate must be at most 95%.').default(0.3),
  ahtSeconds: z
    .number()
    .int('Talk time (seconds) must be a whole number.')
    .min(10, 'Talk time (seconds) must be at least 10.')
    .max(3600, 'Talk time (seconds) must be at most 3600.')
    .default(180),
  wrapUpSeconds: z
    .number()
    .int('Wrap-up (seconds) must be a whole number.')
    .min(0, 'Wrap-up (seconds) must be 0 or more.')
    .max(1800, 'Wrap-up (seconds) must be at most 1800.')
    .default(30),
  intervalMinutes: intervalMinutes.default(5),
});
export type CapacityRuleSettings = z.infer<typeof capacityRuleSettingsSchema>;

export const ruleSettingsSchemas = { weather: weatherRuleSettingsSchema, capacity: capacityRuleSettingsSchema } as const;
export type RuleSettingsOf<R extends AutomationRuleId> = z.infer<(typeof ruleSettingsSchemas)[R]>;

export const automationActions = ['pause', 'resume', 'keep', 'set-limit'] as const;
/** applied: written and confirmed; would-apply: a dry run; unchanged: nothing to write; skipped: left alone on purpose (reason says why). */
export const decisionOutcomes = ['applied', 'would-apply', 'unchanged', 'skipped', 'failed'] as const;

export const alertEvidenceSchema = z.object({
  id: z.string(),
  severity: z.string(),
  event: z.string().optional(),
  endsAt: z.string().nullable().optional(),
});

/** One decision a rule made about one campaign in one tick, with the evidence it rests on. */
export const automationDecisionSchema = z.object({
  ruleId: automationRuleIdSchema,
  tickId: z.string(),
  at: z.string(),
  campaignId: z.string(),
  campaignName: z.string().optional(),
  action: z.enum(automationActions),
  outcome: z.enum(decisionOutcomes),
  reason: z.string(),
  dryRun: z.boolean(),
  evidence: z.object({
    alerts: z.array(alertEvidenceSchema).optional(),
    region: z.string().optional(),
    availableAgents: z.number().int().optional(),
    oldLimit: z.number().int().nullable().optional(),
    newLimit: z.number().int().optional(),
    /** When a campaign the weather rule keeps paused resumes if no alert returns (the hold-down's end), ISO. */
    resumesAt: z.string().optional(),
  }),
  /** What went wrong, naming the field or answer (e.g. `rules.maxConcurrentCalls: INVALID_VALUE …`). */
  error: z.string().optional(),
});
export type AutomationDecision = z.infer<typeof automationDecisionSchema>;

export const tickTriggers = ['schedule', 'manual'] as const;
/** One run of one rule: what started it, how it ended and its decisions by outcome. */
export const ruleTickSummarySchema = z.object({
  ruleId: automationRuleIdSchema,
  tickId: z.string(),
  trigger: z.enum(tickTriggers),
  dryRun: z.boolean(),
  startedAt: z.string(),
  finishedAt: z.string(),
  /** `cancelled`: a person cancelled it; what was written before the cancel stands (the problem says how much). */
  result: z.enum(['ok', 'partial', 'failed', 'cancelled']),
  counts: z.record(z.string(), z.number()),
  /** Why the tick did nothing or failed (a broken alerts feed, the tenant unreachable …), in one sentence. */
  problem: z.string().optional(),
});
export type RuleTickSummary = z.infer<typeof ruleTickSummarySchema>;

export const holdStates = ['paused-by-rule', 'waiting-hold-down', 'resumed-by-person', 'limit-by-person'] as const;

/**
 * A campaign a rule holds, or backs off from. `state` says what it is in, plainly: paused by the rule for the
 * weather; paused by it and waiting out the hold-down (`until` then says when it resumes); resumed by a person
 * during the alert (not paused again until it ends, `until` once the hold-down runs); its limit set by a person.
 */
export const ruleHoldSchema = z.object({
  campaignId: z.string(),
  campaignName: z.string().optional(),
  /** The same in one sentence (instants in ISO), for a reader without the screen. */
  what: z.string(),
  since: z.string(),
  state: z.enum(holdStates).optional(),
  until: z.string().nullable().optional(),
  /** The area whose weather the hold is about. */
  region: z.string().optional(),
  holdDownMinutes: z.number().optional(),
  /** The value a person set, for `limit-by-person`. */
  personValue: z.number().int().optional(),
});
export type RuleHold = z.infer<typeof ruleHoldSchema>;

/** A rule as the Automation screen shows it. */
export const automationRuleViewSchema = z.object({
  id: automationRuleIdSchema,
  title: z.string(),
  enabled: z.boolean(),
  settings: z.union([weatherRuleSettingsSchema, capacityRuleSettingsSchema]),
  nextRunAt: z.string().nullable(),
  lastTick: ruleTickSummarySchema.nullable(),
  /** Campaigns where a person's value holds and the rule backs off (capacity), or that the rule keeps paused (weather). */
  holds: z.array(ruleHoldSchema),
});
export type AutomationRuleView = z.infer<typeof automationRuleViewSchema>;

export const runnerKinds = ['this-app', 'cli', 'other-app'] as const;
/** Who runs a tenant's automation now: this app, a command line elsewhere, or nobody (null holder). */
export const automationRunnerViewSchema = z.object({
  mode: z.enum(['data-folder', 'redis']),
  holder: z
    .object({
      kind: z.enum(runnerKinds),
      host: z.string(),
      pid: z.number().int(),
      label: z.string(),
      since: z.string(),
    })
    .nullable(),
});
export type AutomationRunnerView = z.infer<typeof automationRunnerViewSchema>;

/** A point of the capacity chart: available agents and the limit in force at `at`. */
export const capacityPointSchema = z.object({ at: z.string(), availableAgents: z.number().int(), limit: z.number().int().nullable() });
export const capacitySeriesSchema = z.array(z.object({ campaignId: z.string(), campaignName: z.string().optional(), points: z.array(capacityPointSchema) }));
export type CapacitySeries = z.infer<typeof capacitySeriesSchema>;
