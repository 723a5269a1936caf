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
  // Pages back from the newest entry until it meets one already passed on, however many landed since.
  const catchUp = async () => {
    const unseen: AuditEntry[] = [];
    let before: number | undefined;
    for (;;) {
      const page = await audit.query({ limit: 200, ...(before === undefined ? {} : { before }) });
      const fresh = page.filter((entry) => entry.seq > newestSeq);
      unseen.push(...fresh);
      const oldest = page[page.length - 1];
      if (!oldest || fresh.length < page.length || oldest.seq <= 1) break;
      before = oldest.seq;
    }
    if (closed) return;
    unseen.sort((a, b) => a.seq - b.seq);
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
  // One catch-up at a time, so entries are passed on once and in order.
  let catchingUp = Promise.resolve();
  const stopWatching = watchFolder(
    dir,
    () => {
      catchingUp = catchingUp.then(catchUp).catch(() => undefined);
    },
    debounceMs,
  );
  return {
    ready,
    stop() {
      closed = true;
      stopWatching();
      offAppended();
    },
  };
}
