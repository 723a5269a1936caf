import * as z from 'zod';
import { campaignStatusSchema, retryPolicySchema, scheduleSchema } from '../cxone/schemas';
import { gateVerdictSchema, scheduleProblemSchema } from './schedule-apply-result';

/** The schedule the Schedules screen edits: the window fields, blackout dates and retry policy. */
export const scheduleEditSchema = z.object({
  timezone: z.string().min(1).max(100),
  cronExpression: z.string().min(1).max(200),
  windowMinutes: z.number().int(),
  blackoutDates: z.array(z.string()).max(400).default([]),
  retryPolicy: retryPolicySchema.optional(),
});
export type ScheduleEdit = z.infer<typeof scheduleEditSchema>;

export const viewedWindowSchema = z.object({
  startMs: z.number(),
  endMs: z.number(),
  start: z.string(),
  end: z.string(),
  viewerStart: z.string(),
  viewerEnd: z.string(),
});

/** One campaign's schedule as the screen shows it. */
export const campaignScheduleViewSchema = z.object({
  campaign: z.object({ id: z.string(), name: z.string(), status: campaignStatusSchema, version: z.number(), agentAllocation: z.number() }),
  schedule: scheduleSchema.nullable(),
  blackoutDates: z.array(z.string()),
  /** The cron in plain language, e.g. "At 09:00, Monday through Friday". */
  description: z.string(),
  viewerZone: z.string(),
  nextWindows: z.array(viewedWindowSchema),
});
export type CampaignScheduleView = z.infer<typeof campaignScheduleViewSchema>;

export const scheduleCheckRequestSchema = z.object({
  campaignId: z.string().min(1),
  schedule: scheduleEditSchema,
  /** A date in the schedule's zone; default today there. */
  from: z.string().optional(),
  days: z.number().int().min(1).max(60).default(14),
  /** The lead's own zone, for the next windows. */
  viewerZone: z.string().default('UTC'),
});

export const scheduleCheckResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), verdict: gateVerdictSchema, description: z.string(), nextWindows: z.array(viewedWindowSchema) }),
  z.object({ ok: z.literal(false), problems: z.array(scheduleProblemSchema) }),
]);
export type ScheduleCheckResult = z.infer<typeof scheduleCheckResultSchema>;

export const scheduleApplyRequestSchema = scheduleCheckRequestSchema.extend({
  clip: z.boolean().default(false),
  dryRun: z.boolean().default(false),
  activate: z.boolean().default(true),
  /** The stored schedule the edit started from: a different one stored since comes back side by side instead of being overwritten. */
  base: scheduleSchema.nullable().optional(),
});

export const conflictSideSchema = z.object({ timezone: z.string(), localStart: z.string(), localEnd: z.string() });
export const scheduleConflictSchema = z.object({
  first: z.object({ id: z.string(), name: z.string() }),
  second: z.object({ id: z.string(), name: z.string() }),
  reasons: z.array(z.enum(['SHARED_CONTACT_LIST', 'SHARED_AGENTS'])),
  sharedAgents: z.number(),
  overlaps: z.array(z.object({ start: z.string(), end: z.string(), first: conflictSideSchema, second: conflictSideSchema })),
});

export const scheduledCampaignRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: campaignStatusSchema,
  timezone: z.string().nullable(),
  cronExpression: z.string().nullable(),
  description: z.string(),
  windowMinutes: z.number().nullable(),
  agentAllocation: z.number(),
});
export type ScheduledCampaignRow = z.infer<typeof scheduledCampaignRowSchema>;
