import * as z from 'zod';
import { auditEntrySchema } from './audit-entry';
import { auditFiltersSchema, fromNotAfterTo } from './audit-filters';
import { defaultAuditQueryLimit } from './audit-query';

/** Largest page one `audit:query` may ask for; the screen pages with the cursor beyond that. */
export const auditPageMaxLimit = 1000;

export const auditQueryRequestSchema = auditFiltersSchema
  .extend({
    limit: z.number().int().min(1).max(auditPageMaxLimit).default(defaultAuditQueryLimit),
    /** Cursor: the `nextCursor` of the previous page (entries with a lower seq follow). */
    before: z.number().int().positive().optional(),
  })
  .superRefine(fromNotAfterTo);
export type AuditQueryRequest = z.input<typeof auditQueryRequestSchema>;

export const auditPageSchema = z.object({
  /** Newest first. */
  entries: z.array(auditEntrySchema),
  /** Pass as `before` to read the next (older) page; null when this page reached the start of the log. */
  nextCursor: z.number().int().positive().nullable(),
  hasMore: z.boolean(),
});
export type AuditPage = z.infer<typeof auditPageSchema>;
