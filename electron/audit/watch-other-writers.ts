import type { AuditEntry } from '../../shared/audit/audit-entry';
import { watchFolder } from '../files/watch-folder';
import type { AuditLog } from './audit-log';

/**
 * Entries another process (the command line, an import job) appends to the same audit
 * folder reach `onEntry` too, oldest first, shortly after they land on disk. Entries this
 * process writes arrive through `onAppended` as before; a listener may see one twice and
 * should key entries by `seq`.
 */
export function watchOtherWriters(
  audit: Pick<AuditLog, 'query' | 'onAppended'>,
  dir: string,
  onEntry: (entry: AuditEntry) => void,
  debounceMs = 300,
): { stop(): void; /** Resolves once the entries already on disk are known, so only later ones are passed on. */ ready: Promise<void> } {
  let newestSeq = 0;
  let closed = false;
  const offAppended = audit.onAppended((entry) => {
    newestSeq = Math.max(newestSeq, entry.seq);
  });
  const catchUp = async () => {
    const newest = await audit.query({ limit: 200 });
    if (closed) return;
    const unseen = newest.filter((entry) => entry.seq > newestSeq).sort((a, b) => a.seq - b.seq);
    for (const entry of unseen) {
      newestSeq = Math.max(newestSeq, entry.seq);
      onEntry(entry);
    }
  };
  const ready = audit.query({ limit: 1 }).then(
    ([latest]) => {
      newestSeq = Math.max(newestSeq, latest?.seq ?? 0);
    },
    () => undefined,
  );
  const stopWatching = watchFolder(dir, () => void catchUp().catch(() => undefined), debounceMs);
  return {
    ready,
    stop() {
      closed = true;
      stopWatching();
      offAppended();
    },
  };
}
