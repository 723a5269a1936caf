import { createWriteStream } from 'node:fs';
import { mkdir, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { AuditQuery } from '../../shared/audit/audit-query';
import type { AuditExport } from '../../shared/audit/audit-export';
import type { AuditLog } from './audit-log';

/** Above this the CSV stays on disk only: sending it whole over the bridge would hold it all in memory twice. */
export const auditExportInlineMaxBytes = 16 * 1024 * 1024;

const two = (value: number) => String(value).padStart(2, '0');

/** audit-YYYYMMDD-HHmm.csv in local time, the time an operator reads on the clock. */
export function auditExportFileName(at: Date): string {
  const day = `${at.getFullYear()}${two(at.getMonth() + 1)}${two(at.getDate())}`;
  return `audit-${day}-${two(at.getHours())}${two(at.getMinutes())}.csv`;
}

export interface AuditExportOptions {
  /** `<dataDir>/exports`. */
  dir: string;
  now?: () => Date;
  inlineMaxBytes?: number;
}

/**
 * Streams every entry matching `query` into `<dir>/audit-….csv` (written under a temporary
 * name and renamed, so a half-written export never carries the final name) and returns the
 * text too when it is small enough to hand to a browser download.
 */
export async function exportAuditCsv(audit: Pick<AuditLog, 'exportCsv'>, query: AuditQuery, options: AuditExportOptions): Promise<AuditExport> {
  const fileName = auditExportFileName((options.now ?? (() => new Date()))());
  const path = join(options.dir, fileName);
  const partial = `${path}.partial`;
  await mkdir(options.dir, { recursive: true });
  try {
    const { rows } = await audit.exportCsv({ ...query, limit: undefined, before: undefined }, createWriteStream(partial));
    await rename(partial, path);
    const { size } = await stat(path);
    const csv = size <= (options.inlineMaxBytes ?? auditExportInlineMaxBytes) ? await readFile(path, 'utf8') : null;
    return { fileName, path, rows, csv };
  } finally {
    await rm(partial, { force: true });
  }
}
