import * as z from 'zod';
import { auditActorTypes, auditOutcomes, type AuditEntry } from './audit-entry';

export const auditQuerySchema = z.object({
  /** Inclusive ISO-8601 bounds on `at`. */
  from: z.string().optional(),
  to: z.string().optional(),
  actorType: z.enum(auditActorTypes).optional(),
  actorName: z.string().optional(),
  /** Entries whose target is this campaign, or whose details name it (`details.campaignId`). */
  campaignId: z.string().optional(),
  outcome: z.enum(auditOutcomes).optional(),
  /** Case-insensitive substring over action, actor, tenant, target, reason, before/after and details. */
  text: z.string().optional(),
  /** At most this many entries (newest first). */
  limit: z.number().int().positive().optional(),
  /** Cursor: only entries with a seq lower than this (pass the last seq of the previous page). */
  before: z.number().int().positive().optional(),
});
export type AuditQuery = z.infer<typeof auditQuerySchema>;

export const defaultAuditQueryLimit = 200;

const timeOf = (iso: string | undefined): number | undefined => {
  if (iso === undefined) return undefined;
  const time = Date.parse(iso);
  return Number.isNaN(time) ? undefined : time;
};

const searchableText = (entry: AuditEntry): string =>
  [
    entry.action,
    entry.actor.name,
    entry.tenant,
    entry.target.type,
    entry.target.id,
    entry.target.name ?? '',
    entry.outcome,
    entry.reason ?? '',
    entry.before === undefined ? '' : JSON.stringify(entry.before),
    entry.after === undefined ? '' : JSON.stringify(entry.after),
    entry.details === undefined ? '' : JSON.stringify(entry.details),
  ]
    .join('\n')
    .toLowerCase();

const detailsCampaignId = (details: unknown): unknown =>
  typeof details === 'object' && details !== null && 'campaignId' in details ? details.campaignId : undefined;

/**
 * Builds the filter of one query (the cursor and limit are applied by the reader).
 * Pure so the renderer can also decide whether a live-appended entry belongs on screen.
 */
export function auditQueryMatcher(query: AuditQuery): (entry: AuditEntry) => boolean {
  const from = timeOf(query.from);
  const to = timeOf(query.to);
  const text = query.text?.trim().toLowerCase() ?? '';
  const actorName = query.actorName?.trim().toLowerCase() ?? '';
  return (entry) => {
    if (from !== undefined || to !== undefined) {
      const at = Date.parse(entry.at);
      if (from !== undefined && at < from) return false;
      if (to !== undefined && at > to) return false;
    }
    if (query.actorType && entry.actor.type !== query.actorType) return false;
    if (actorName !== '' && entry.actor.name.toLowerCase() !== actorName) return false;
    if (query.outcome && entry.outcome !== query.outcome) return false;
    if (query.campaignId !== undefined) {
      const isTarget = entry.target.type === 'campaign' && entry.target.id === query.campaignId;
      if (!isTarget && detailsCampaignId(entry.details) !== query.campaignId) return false;
    }
    if (text !== '' && !searchableText(entry).includes(text)) return false;
    return true;
  };
}
