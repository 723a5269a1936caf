import * as z from 'zod';
import { importCountsSchema, importJobStates } from './import-job';

/** A row that was not applied and why; the report lists them and exports them as CSV. */
export const importProblemSchema = z.object({
  line: z.number().int(),
  campaignId: z.string(),
  contactId: z.string(),
  outcomeCode: z.string(),
  /**
   * `not_sent`: the run was cancelled or stopped before the row's turn. `waiting`: the contact
   * was on a call until the end; the journal keeps the row for a retry of just those contacts.
   */
  result: z.enum(['noop', 'rejected', 'superseded', 'failed', 'not_sent', 'waiting']),
  reason: z.string(),
});
export type ImportProblem = z.infer<typeof importProblemSchema>;

export const suppressedNumberSchema = z.object({
  line: z.number().int(),
  campaignId: z.string(),
  contactId: z.string(),
  phone: z.string(),
});
export type SuppressedNumber = z.infer<typeof suppressedNumberSchema>;

/** Something that went wrong around an applied row (its number not suppressed, its notification not queued). */
export const importWarningSchema = z.object({
  line: z.number().int(),
  campaignId: z.string(),
  contactId: z.string(),
  message: z.string(),
});
export type ImportWarning = z.infer<typeof importWarningSchema>;

export const importReportSchema = z.object({
  jobId: z.string(),
  contentHash: z.string(),
  fileName: z.string(),
  dryRun: z.boolean(),
  state: z.enum(importJobStates),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  total: z.number().int(),
  counts: importCountsSchema,
  /** Latency of the tenant calls that applied a row (read + PATCH), in ms; null when nothing was applied. */
  latencyMs: z.object({ p50: z.number().nullable(), p95: z.number().nullable() }),
  wallMs: z.number(),
  /** DO_NOT_CALL rows whose number went on the console's suppression list. */
  suppressed: z.array(suppressedNumberSchema),
  /** CRM notifications queued (0 when no CRM URL is configured). */
  notificationsQueued: z.number().int(),
  problems: z.array(importProblemSchema),
  warnings: z.array(importWarningSchema),
});
export type ImportReport = z.infer<typeof importReportSchema>;

/** Nearest-rank percentile of unsorted samples; null when there are none. */
export function percentile(samples: readonly number[], p: number): number | null {
  if (samples.length === 0) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] ?? null;
}

/** The CLI's exit code: 0 when every row was applied or was already so, 1 otherwise. */
export const reportExitCode = (report: ImportReport): 0 | 1 =>
  report.counts.rejected + report.counts.superseded + report.counts.failed + report.counts.pending === 0 && report.state === 'finished' ? 0 : 1;
