import { z } from 'zod';

export const requestLogEntrySchema = z.object({
  at: z.string(),
  method: z.string(),
  path: z.string(),
  status: z.number().int().nullable(),
  attempt: z.number().int(),
  latencyMs: z.number(),
  error: z.string().optional(),
});
export type RequestLogEntry = z.infer<typeof requestLogEntrySchema>;
