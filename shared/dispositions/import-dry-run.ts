import * as z from 'zod';

/**
 * What the dry run found for one row after reading its contact: it would be applied,
 * it is already so (no-op), the dialer is working the contact now (busy: the real
 * run retries it later), the contact does not exist, or the read failed.
 */
export const dryRunVerdicts = ['will_apply', 'noop', 'busy', 'not_found', 'failed'] as const;
export type DryRunVerdict = (typeof dryRunVerdicts)[number];

export const dryRunRowSchema = z.object({
  line: z.number().int(),
  campaignId: z.string(),
  contactId: z.string(),
  verdict: z.enum(dryRunVerdicts),
  reason: z.string(),
});
export type DryRunRow = z.infer<typeof dryRunRowSchema>;

export const dryRunSummarySchema = z.object({
  contentHash: z.string(),
  checkedAt: z.string(),
  cancelled: z.boolean(),
  total: z.number().int(),
  counts: z.object({
    will_apply: z.number().int(),
    noop: z.number().int(),
    busy: z.number().int(),
    not_found: z.number().int(),
    failed: z.number().int(),
  }),
});
export type DryRunSummary = z.infer<typeof dryRunSummarySchema>;
