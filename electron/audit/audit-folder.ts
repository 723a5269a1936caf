import { existsSync } from 'node:fs';
import type { Writable } from 'node:stream';
import type { AuditChainReport } from '../../shared/audit/audit-chain';
import type { AuditEntry } from '../../shared/audit/audit-entry';
import type { AuditQuery } from '../../shared/audit/audit-query';
import { listLogFiles } from './audit-files';
import { writeAuditCsv } from './audit-csv';
import { withAuditLock } from './audit-lock';
import { openLogFiles, readAuditEntries, type OpenedLogFile } from './read-audit';
import { verifyAuditChain } from './verify-chain';

/**
 * Reading an audit folder from a process that does not write to it (`cxone-console audit …`):
 * nothing is repaired or created, and each read holds the folder's lock so it never sees a
 * writer's half-appended line or a rotation half done.
 */
const underLock = <T>(dir: string, work: () => Promise<T>): Promise<T> => (existsSync(dir) ? withAuditLock(dir, work) : work());

export interface AuditFolderCheck {
  report: AuditChainReport;
  /** Log files present (current and rotated). */
  files: number;
}

export function checkAuditFolder(dir: string): Promise<AuditFolderCheck> {
  return underLock(dir, async () => ({ report: await verifyAuditChain(dir), files: (await listLogFiles(dir)).length }));
}

/** Fixes the files and their sizes under the lock; reading them afterwards needs no lock. */
const openFiles = (dir: string): Promise<OpenedLogFile[]> => underLock(dir, () => openLogFiles(dir));

export async function listAuditFolder(dir: string, query: AuditQuery): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  for await (const entry of readAuditEntries(await openFiles(dir), query)) entries.push(entry);
  return entries;
}

export async function exportAuditFolderCsv(dir: string, query: AuditQuery, output: Writable): Promise<{ rows: number }> {
  return writeAuditCsv(readAuditEntries(await openFiles(dir), query), output);
}
