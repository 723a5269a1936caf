import { z } from 'zod';
import { auditChainReportSchema } from '../../audit/audit-chain';
import { auditActorTypes, auditEntrySchema, auditOutcomes } from '../../audit/audit-entry';
import { defaultAuditQueryLimit } from '../../audit/audit-query';
import { requestChannel } from '../define';

/** Largest page one `audit:query` may ask for; the screen pages with the cursor beyond that. */
export const auditPageMaxLimit = 1000;

const isoTime = z.iso.datetime({ offset: true });
const optionalText = (max: number) => z.string().trim().max(max).optional();

/** What the Audit log screen filters by; the same filters drive the query and the CSV export. */
export const auditFiltersSchema = z.object({
  /** Inclusive ISO-8601 bounds on the entry's time. */
  from: isoTime.optional(),
  to: isoTime.optional(),
  actorType: z.enum(auditActorTypes).optional(),
  /** Exact actor name, ignoring case. */
  actorName: optionalText(200),
  /** Entries whose target is this campaign (or whose details name it). */
  campaignId: z.string().trim().min(1).max(200).optional(),
  outcome: z.enum(auditOutcomes).optional(),
  /** Case-insensitive substring over action, actor, target, reason, before/after and details. */
  text: optionalText(500),
});
export type AuditFilters = z.infer<typeof auditFiltersSchema>;

const fromNotAfterTo = (filters: Pick<AuditFilters, 'from' | 'to'>, context: z.RefinementCtx) => {
  if (filters.from && filters.to && Date.parse(filters.from) > Date.parse(filters.to)) {
    context.addIssue({ code: 'custom', path: ['to'], message: 'The end of the time range is before its start.' });
  }
};

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

export const auditExportSchema = z.object({
  /** audit-YYYYMMDD-HHmm.csv, local time of the export. */
  fileName: z.string(),
  /** Where main saved it: `<dataDir>/exports/<fileName>`. */
  path: z.string(),
  rows: z.number().int().nonnegative(),
  /** The CSV itself for the browser to download; null when it is too large to send (then use `path`). */
  csv: z.string().nullable(),
});
export type AuditExport = z.infer<typeof auditExportSchema>;

export const auditRequestChannels = {
  'audit:query': requestChannel(auditQueryRequestSchema, auditPageSchema),
  'audit:exportCsv': requestChannel(auditFiltersSchema.superRefine(fromNotAfterTo), auditExportSchema),
  'audit:verify': requestChannel(z.object({}), auditChainReportSchema),
};

export const auditEventChannels = {
  /** Every entry the writer has made durable, as it happens. */
  'audit:appended': auditEntrySchema,
};
