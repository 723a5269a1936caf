import type { AuditEntryInput } from '../../shared/audit/audit-entry';

/** What a service needs of the audit log: appending an entry. The audit log is one; tests pass their own. */
export interface AuditWriter {
  append(entry: AuditEntryInput): Promise<unknown>;
}
