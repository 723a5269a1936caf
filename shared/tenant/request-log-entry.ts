import * as z from 'zod';

/** One attempt against the tenant (a retry is a new entry with a higher attempt). */
export const requestLogEntrySchema = z.object({
  at: z.string(),
  method: z.string(),
  /** Path and query as sent, with secret-bearing query parameters redacted. */
  path: z.string(),
  /** null when no answer arrived (dropped connection, timeout, cancellation). */
  status: z.number().int().nullable(),
  /** 1 for the first try. */
  attempt: z.number().int(),
  latencyMs: z.number(),
  error: z.string().optional(),
});
export type RequestLogEntry = z.infer<typeof requestLogEntrySchema>;
