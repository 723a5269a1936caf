import { z } from 'zod';
import { importCountsSchema, importJobStates } from './import-job';

/** Emitted while an import or a dry run works; the UI's progress bar and the CLI render the same figures. */
export const importProgressSchema = z.object({
  jobId: z.string(),
  kind: z.enum(['apply', 'dry_run']),
  state: z.enum(importJobStates),
  /** Rows finished (any result), out of the rows the run sends to the tenant. */
  done: z.number().int(),
  total: z.number().int(),
  ratePerSecond: z.number(),
  etaSeconds: z.number().nullable(),
  counts: importCountsSchema,
  /** Why the run is not moving, when it is not (paused by whom, tenant unreachable …). */
  note: z.string().nullable(),
  /**
   * Only contacts on a call remain: how many, when the next retry goes out and when the run
   * stops waiting for them (they are then left waiting, to be retried later). Null otherwise.
   */
  busyTail: z.object({ contacts: z.number().int(), retryAt: z.string().nullable(), endsAt: z.string() }).nullable().optional(),
});
export type ImportProgress = z.infer<typeof importProgressSchema>;

/** Rows per second over the run so far, and the seconds left at that rate. */
export function rateAndEta(done: number, total: number, elapsedMs: number): { ratePerSecond: number; etaSeconds: number | null } {
  const ratePerSecond = elapsedMs > 0 ? (done * 1000) / elapsedMs : 0;
  const left = Math.max(0, total - done);
  if (left === 0) return { ratePerSecond, etaSeconds: 0 };
  return { ratePerSecond, etaSeconds: ratePerSecond > 0 ? left / ratePerSecond : null };
}
