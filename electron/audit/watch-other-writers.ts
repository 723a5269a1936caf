import { watch, type FSWatcher } from 'node:fs';
import type { AuditEntry } from '../../shared/audit/audit-entry';
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
  let timer: NodeJS.Timeout | null = null;
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
  let watcher: FSWatcher | null = null;
  try {
    watcher = watch(dir, () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => void catchUp().catch(() => undefined), debounceMs);
    });
    watcher.on('error', () => watcher?.close());
  } catch {
    // A folder that cannot be watched only loses the live view; queries still read everything.
    watcher = null;
  }
  return {
    ready,
    stop() {
      closed = true;
      if (timer) clearTimeout(timer);
      watcher?.close();
      offAppended();
    },
  };
}
