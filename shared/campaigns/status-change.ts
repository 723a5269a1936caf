import * as z from 'zod';
import { consoleErrorSchema } from '../errors';

/**
 * What happened to one campaign when the console asked for a status:
 * done, already there (a 409 whose re-read shows the target), impossible
 * (the tenant refuses that transition; nothing is forced) or failed.
 */
export const statusChangeOutcomes = ['changed', 'already', 'impossible', 'failed', 'cancelled'] as const;
export type StatusChangeOutcome = (typeof statusChangeOutcomes)[number];

export const statusChangeResultSchema = z.object({
  campaignId: z.string(),
  name: z.string(),
  target: z.enum(['running', 'paused', 'completed']),
  outcome: z.enum(statusChangeOutcomes),
  statusBefore: z.string().nullable(),
  statusAfter: z.string().nullable(),
  reason: z.string().optional(),
  error: consoleErrorSchema.optional(),
  latencyMs: z.number(),
});
export type StatusChangeResult = z.infer<typeof statusChangeResultSchema>;

export const isSuccessfulChange = (result: StatusChangeResult) => result.outcome === 'changed' || result.outcome === 'already';

/** How many results ended each way: what every report of a pause or resume run says first. */
export function countOutcomes(results: readonly StatusChangeResult[]): Record<StatusChangeResult['outcome'], number> {
  const counts = { changed: 0, already: 0, impossible: 0, failed: 0, cancelled: 0 };
  for (const result of results) counts[result.outcome]++;
  return counts;
}

export const emergencyRunSchema = z.object({
  id: z.string(),
  kind: z.enum(['pause', 'resume']),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  total: z.number().int(),
  done: z.number().int(),
  results: z.array(statusChangeResultSchema),
  cancelled: z.boolean(),
  /**
   * What the run could not write down (the emergency record, the audit log) and why, one
   * sentence each. The campaigns were still paused or resumed; these are shown in red.
   */
  recordProblems: z.array(z.string()).optional(),
});
export type EmergencyRun = z.infer<typeof emergencyRunSchema>;

export const emergencyStateSchema = z.object({
  /** Campaigns the emergency pause stopped and nobody has touched since: what "resume" will restart. */
  pausedByEmergency: z.array(z.object({ campaignId: z.string(), name: z.string(), pausedAt: z.string() })),
  lastRun: emergencyRunSchema.nullable(),
  running: z.boolean(),
  /** The emergency record is damaged (kept aside as a copy) or cannot be written: one sentence each, shown in red. */
  recordProblems: z.array(z.string()).optional(),
});
export type EmergencyState = z.infer<typeof emergencyStateSchema>;
