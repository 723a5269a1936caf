import * as z from 'zod';
import { auditActorTypes, auditOutcomes } from './audit-entry';

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

export const fromNotAfterTo = (filters: Pick<AuditFilters, 'from' | 'to'>, context: z.RefinementCtx) => {
  if (filters.from && filters.to && Date.parse(filters.from) > Date.parse(filters.to)) {
    context.addIssue({ code: 'custom', path: ['to'], message: 'The end of the time range is before its start.' });
  }
};
