import { rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { fsyncDir } from './durable-files';
import { listLogFiles, logFileName, readAnchor, writeAnchor, type AuditAnchor } from './audit-files';
import { readLastLine } from './jsonl-files';

const lastEntryOf = async (path: string): Promise<AuditAnchor | null> => {
  const line = await readLastLine(path);
  if (line === null) return null;
  try {
    const parsed = JSON.parse(line) as Partial<AuditAnchor>;
    return typeof parsed.seq === 'number' && typeof parsed.hash === 'string'
      ? { seq: parsed.seq, hash: parsed.hash, at: String(parsed.at ?? '') }
      : null;
  } catch {
    return null;
  }
};

/**
 * Shifts audit.jsonl → audit.1.jsonl → … and deletes what falls beyond `keepFiles`.
 * The anchor is written before any file is deleted, so a crash in between leaves
 * an anchor that verification can still match (it tolerates entries older than the anchor).
 * The caller must have closed its handle on audit.jsonl.
 */
export async function rotateLogFiles(dir: string, keepFiles: number): Promise<void> {
  const files = await listLogFiles(dir);
  const doomed = files.filter((file) => file.index >= keepFiles - 1);
  let anchor: AuditAnchor | null = null;
  for (const file of doomed) {
    anchor = await lastEntryOf(file.path);
    if (anchor) break;
  }
  if (anchor) {
    const previous = await readAnchor(dir).catch(() => null);
    if (!previous || previous.seq < anchor.seq) await writeAnchor(dir, anchor);
  }
  for (const file of doomed) await rm(file.path, { force: true });
  const kept = files.filter((file) => file.index < keepFiles - 1).reverse();
  for (const file of kept) await rename(file.path, join(dir, logFileName(file.index + 1)));
  await fsyncDir(dir);
}
