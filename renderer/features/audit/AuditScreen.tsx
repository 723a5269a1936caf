import { useCallback, useEffect, useRef, useState } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import { AuditEntryDrawer } from './AuditEntryDrawer';
import { AuditFilterBar } from './AuditFilterBar';
import { isUnfiltered } from './audit-filters';
import { useAuditStore } from './audit-store';
import { AuditTable } from './AuditTable';
import { AuditToolButtons, AuditToolResults } from './AuditTools';
import { useSearchShortcut } from './use-search-shortcut';

/** The tamper-evident record of every action: filter, page back, export, verify. */
export function AuditScreen() {
  const start = useAuditStore((s) => s.start);
  const entries = useAuditStore((s) => s.entries);
  const form = useAuditStore((s) => s.form);
  const formProblem = useAuditStore((s) => s.formProblem);
  const loading = useAuditStore((s) => s.loading);
  const loadError = useAuditStore((s) => s.loadError);
  const hasMore = useAuditStore((s) => s.hasMore);
  const loadingOlder = useAuditStore((s) => s.loadingOlder);
  const loadOlder = useAuditStore((s) => s.loadOlder);
  const [openSeq, setOpenSeq] = useState<number | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  useEffect(() => start(), [start]);
  useSearchShortcut(searchRef);

  const openEntry = entries.find((entry) => entry.seq === openSeq) ?? null;
  const closeEntry = useCallback(() => {
    const seq = openSeq;
    setOpenSeq(null);
    requestAnimationFrame(() => document.querySelector<HTMLElement>(`.audit-table [data-seq="${seq}"]`)?.focus());
  }, [openSeq]);

  return (
    <section className="screen" aria-labelledby="screen-title">
      <header className="screen-header">
        <h1 id="screen-title">Audit log</h1>
        <span className="muted" aria-live="polite">
          {loading
            ? 'Loading…'
            : `${entries.length} ${entries.length === 1 ? 'entry' : 'entries'} shown${hasMore ? ' (older ones not loaded)' : ''} · newest first`}
        </span>
        <span className="spacer" />
        <AuditToolButtons />
      </header>
      <AuditFilterBar searchRef={searchRef} />
      {formProblem ? (
        <p className="notice notice-warn" role="alert">
          {formProblem}
        </p>
      ) : null}
      <ErrorNotice error={loadError} title="Could not read the audit log" />
      <AuditToolResults />
      <p className="muted keyboard-hint">Keyboard: / search · ↑/↓ move · Enter details · Esc close details</p>
      {entries.length === 0 && !loading ? (
        <p className="muted empty panel">{isUnfiltered(form) ? 'Nothing has been recorded yet.' : 'No audit entry matches these filters.'}</p>
      ) : (
        <AuditTable entries={entries} onOpen={setOpenSeq} />
      )}
      <div className="audit-paging">
        {hasMore ? (
          <button type="button" className="button" disabled={loadingOlder} onClick={() => void loadOlder()}>
            {loadingOlder ? 'Loading older entries…' : 'Load older entries'}
          </button>
        ) : entries.length > 0 && !loading ? (
          <span className="muted">Start of the log: no older entries match.</span>
        ) : null}
      </div>
      {openEntry ? <AuditEntryDrawer entry={openEntry} onClose={closeEntry} /> : null}
    </section>
  );
}
