import { join } from 'node:path';
import { withDataFolderLock, type HeldDataFolderLock } from '../files/data-folder-lock';

/** The lock folder inside the audit folder; it exists only while some process writes or reads. */
export const auditLockName = 'audit.lock';

/**
 * Runs `work` holding the audit folder's lock (the data folder's one cross-process lock).
 * Every process that appends to the same folder — the app, `cxone-console`, import jobs — goes through here.
 */
export function withAuditLock<T>(dir: string, work: (held: HeldDataFolderLock) => Promise<T>): Promise<T> {
  return withDataFolderLock({ lockPath: join(dir, auditLockName), what: `The audit log in ${dir}`, waitMs: 30_000 }, work);
}
