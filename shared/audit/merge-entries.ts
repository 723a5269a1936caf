import type { AuditEntry } from './audit-entry';

/**
 * Adds entries to a newest-first list without duplicates (an entry can arrive both live and
 * in a page that was being read when it was written), keeping it newest first.
 */
export function mergeEntries(current: readonly AuditEntry[], incoming: readonly AuditEntry[]): AuditEntry[] {
  if (incoming.length === 0) return [...current];
  const bySeq = new Map<number, AuditEntry>();
  for (const entry of current) bySeq.set(entry.seq, entry);
  for (const entry of incoming) bySeq.set(entry.seq, entry);
  return [...bySeq.values()].sort((a, b) => b.seq - a.seq);
}
