import type { AuditQuery } from '../../shared/audit/audit-query';
import type { AuditPage } from '../../shared/audit/audit-page';
import type { AuditLog } from './audit-log';

/**
 * One page of matching entries, newest first. Reads one entry past the page so that
 * `hasMore` is exact: the screen never offers "Load older" onto an empty page.
 */
export async function queryAuditPage(audit: Pick<AuditLog, 'query'>, query: AuditQuery & { limit: number }): Promise<AuditPage> {
  const found = await audit.query({ ...query, limit: query.limit + 1 });
  const entries = found.slice(0, query.limit);
  const hasMore = found.length > query.limit;
  const last = entries[entries.length - 1];
  return { entries, hasMore, nextCursor: hasMore && last ? last.seq : null };
}
