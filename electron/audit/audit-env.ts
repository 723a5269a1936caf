import { join } from 'node:path';
import { ConsoleFailure, consoleError } from '../../shared/errors';
import type { AuditLogOptions } from './audit-log';

export const auditMaxFileBytesVariable = 'CXONE_AUDIT_MAX_FILE_BYTES';

/** The smallest rotation size accepted: one entry must always fit. */
export const minAuditFileBytes = 4 * 1024;

/**
 * The command line's audit writer for `<dataDir>/audit`: the rotation size comes from
 * CXONE_AUDIT_MAX_FILE_BYTES when set (the app takes it from Settings). The command line never
 * removes history: retention runs only where it is set, in the app.
 */
export function cliAuditLogOptions(dataDir: string, env: Record<string, string | undefined>): AuditLogOptions {
  const raw = env[auditMaxFileBytesVariable]?.trim();
  if (!raw) return { dir: join(dataDir, 'audit') };
  const bytes = Number(raw);
  if (!Number.isInteger(bytes) || bytes < minAuditFileBytes) {
    throw new ConsoleFailure(
      consoleError('configuration', `${auditMaxFileBytesVariable} must be a whole number of bytes, at least ${minAuditFileBytes}; it is "${raw}".`, {
        target: auditMaxFileBytesVariable,
      }),
    );
  }
  return { dir: join(dataDir, 'audit'), maxFileBytes: bytes };
}
