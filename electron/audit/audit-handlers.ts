import { join } from 'node:path';
import type { RequestHandlers } from '../ipc/handlers';
import { exportAuditCsv } from './audit-export';
import type { AuditLog } from './audit-log';
import { queryAuditPage } from './audit-page';

type AuditChannel = Extract<keyof RequestHandlers, `audit:${string}`>;

/** The Audit log screen's requests: pages of entries, CSV export into `<dataDir>/exports`, chain verification. */
export function createAuditHandlers(
  audit: Pick<AuditLog, 'query' | 'exportCsv' | 'verify'>,
  dataDir: string,
  now?: () => Date,
): Pick<RequestHandlers, AuditChannel> {
  return {
    'audit:query': (request) => queryAuditPage(audit, request),
    'audit:exportCsv': (filters) => exportAuditCsv(audit, filters, { dir: join(dataDir, 'exports'), now }),
    'audit:verify': () => audit.verify(),
  };
}
