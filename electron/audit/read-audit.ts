import { open, type FileHandle } from 'node:fs/promises';
import { auditEntrySchema, type AuditEntry } from '../../shared/audit/audit-entry';
import { auditQueryMatcher, type AuditQuery } from '../../shared/audit/audit-query';
import { listLogFiles } from './audit-files';
import { isMissing, readLogLinesBackward } from '../files/jsonl-files';

export interface OpenedLogFile {
  handle: FileHandle;
  size: number;
  compressed: boolean;
}

/**
 * Opens every log file (compressed rotated ones too), newest first, and fixes each one's size:
 * later appends are not read, and a file a retention run removes meanwhile stays readable through its handle.
 */
export async function openLogFiles(dir: string): Promise<OpenedLogFile[]> {
  const opened: OpenedLogFile[] = [];
  for (const file of await listLogFiles(dir)) {
    try {
      const handle = await open(file.path, 'r');
      opened.push({ handle, size: (await handle.stat()).size, compressed: file.compressed });
    } catch (error) {
      if (!isMissing(error)) throw error;
    }
  }
  return opened;
}

const parseEntry = (text: string): AuditEntry | null => {
  try {
    const parsed = auditEntrySchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
};

/**
 * The entries matching `query`, newest first, read backwards chunk by chunk so that the first
 * page of a big log costs only its last few kilobytes. Unreadable lines are skipped here
 * (verification reports them). `limit` is applied only when given.
 * Takes ownership of `files` and closes them.
 */
export async function* readAuditEntries(files: OpenedLogFile[], query: AuditQuery): AsyncGenerator<AuditEntry> {
  const matches = auditQueryMatcher(query);
  let remaining = query.limit ?? Number.POSITIVE_INFINITY;
  // Entries come in falling seq order; a rotation between opening two files could show one twice.
  let lowestSeen = query.before ?? Number.POSITIVE_INFINITY;
  try {
    for (const file of files) {
      if (remaining <= 0) break;
      for await (const text of readLogLinesBackward(file.handle, file.size, file.compressed)) {
        const entry = parseEntry(text);
        if (!entry || entry.seq >= lowestSeen) continue;
        lowestSeen = entry.seq;
        if (!matches(entry)) continue;
        yield entry;
        remaining -= 1;
        if (remaining <= 0) break;
      }
    }
  } finally {
    await Promise.all(files.map((file) => file.handle.close().catch(() => undefined)));
  }
}

/** Reads the audit folder without a writer (e.g. the command line). */
export async function queryAuditDir(dir: string, query: AuditQuery): Promise<AuditEntry[]> {
  const entries: AuditEntry[] = [];
  for await (const entry of readAuditEntries(await openLogFiles(dir), query)) entries.push(entry);
  return entries;
}
