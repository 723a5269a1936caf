import * as z from 'zod';
import { campaignSchema, scheduleSchema } from '../cxone/schemas';
import { gateRules } from './gate-rules';

/** The compliance gate's answer (see compliance-gate.ts), as it crosses IPC. */
export const gateViolationSchema = z.object({
  rule: z.enum(gateRules),
  timezone: z.string().nullable(),
  state: z.string().nullable(),
  contacts: z.number(),
  localStart: z.string().nullable(),
  localEnd: z.string().nullable(),
  firstDate: z.string().nullable(),
  field: z.string().optional(),
  message: z.string(),
  source: z.string().optional(),
});

export const clipProposalSchema = z.object({
  timezone: z.string(),
  contacts: z.number(),
  localStart: z.string().nullable(),
  localEnd: z.string().nullable(),
  minutes: z.number(),
  skipDates: z.array(z.string()),
});

/** Keep a contact within a state's calls per 24 h: a longer retry interval (what a clip applies) or fewer attempts. */
export const retryClipSchema = z.object({ limit: z.number(), worstAttempts: z.number(), retryIntervalMs: z.number(), maxAttempts: z.number() });

export const gateVerdictSchema = z.object({
  compliant: z.boolean(),
  violations: z.array(gateViolationSchema),
  windows: z.array(z.object({ start: z.string(), end: z.string() })),
  unknownTimezoneContacts: z.number(),
  clip: z.array(clipProposalSchema),
  retryClip: retryClipSchema.nullable(),
});

export const scheduleProblemSchema = z.object({
  field: z.enum(['cronExpression', 'timezone', 'windowMinutes', 'blackoutDates', 'from', 'days']),
  message: z.string(),
});

export const scheduleClipSchema = z.object({ cronExpression: z.string(), windowMinutes: z.number(), windowsLeftOutside: z.number() });

/**
 * How activation went after a schedule was stored (§4.2): `not_needed` for a campaign that was
 * not a draft, `failed` is terminal, `timed_out` when the console stopped waiting.
 */
export const activationStatuses = ['activating', 'running', 'failed', 'timed_out', 'not_needed'] as const;
export const activationReportSchema = z.object({
  status: z.enum(activationStatuses),
  latencyMs: z.number().nullable(),
  message: z.string(),
});
export type ActivationReport = z.infer<typeof activationReportSchema>;

/** The runs:progress run id of a campaign's activation after its schedule was applied. */
export const activationRunId = (campaignId: string) => `schedule:${campaignId}`;

/** What applying a schedule came to (electron/schedules/schedule-applier.ts). */
export const scheduleApplyResultSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('invalid'), problems: z.array(scheduleProblemSchema) }),
  z.object({ kind: z.literal('blocked'), verdict: gateVerdictSchema, clip: scheduleClipSchema.nullable() }),
  z.object({ kind: z.literal('dry_run'), verdict: gateVerdictSchema, before: scheduleSchema.nullable(), after: scheduleSchema, clipped: z.boolean() }),
  z.object({
    kind: z.literal('applied'),
    verdict: gateVerdictSchema,
    before: scheduleSchema.nullable(),
    after: scheduleSchema,
    clipped: z.boolean(),
    campaign: campaignSchema,
    attempts: z.number(),
    activation: activationReportSchema.optional(),
    notification: z.object({ sent: z.boolean(), message: z.string() }).optional(),
  }),
  z.object({ kind: z.literal('schedule_changed'), verdict: gateVerdictSchema, ours: scheduleSchema, theirs: scheduleSchema.nullable(), version: z.number() }),
]);
