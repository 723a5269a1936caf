import { useEffect, useRef, type ReactNode } from 'react';
import type { AuditEntry } from '../../../shared/audit/audit-entry';
import { actorTypeLabels, formatAuditTime } from '../../components/audit-format';
import { OutcomeBadge } from '../../components/OutcomeBadge';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </>
  );
}

const json = (value: unknown) => (value === undefined ? '—' : <pre className="audit-json">{JSON.stringify(value, null, 2)}</pre>);

/** Every field of one entry, the parts the table cuts short included. */
export function AuditEntryDrawer({ entry, onClose }: { entry: AuditEntry; onClose(): void }) {
  const closeRef = useRef<HTMLButtonElement>(null);
  useEffect(() => closeRef.current?.focus(), [entry.seq]);
  return (
    <div
      className="drawer"
      role="dialog"
      aria-modal="false"
      aria-labelledby="audit-drawer-title"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <header className="drawer-header">
        <h2 id="audit-drawer-title">Audit entry {entry.seq}</h2>
        <OutcomeBadge outcome={entry.outcome} />
        <span className="spacer" />
        <button type="button" className="button button-small" ref={closeRef} onClick={onClose} aria-label="Close entry">
          Close
        </button>
      </header>
      <dl className="fields audit-entry-fields">
        <Field label="Time">
          {formatAuditTime(entry.at)}
          <br />
          <span className="mono muted">{entry.at}</span>
        </Field>
        <Field label="Actor">{`${entry.actor.name} (${actorTypeLabels[entry.actor.type]})`}</Field>
        <Field label="Tenant">{entry.tenant}</Field>
        <Field label="Action">
          <span className="mono">{entry.action}</span>
        </Field>
        <Field label="Target">
          {entry.target.name ? `${entry.target.name} · ` : ''}
          <span className="mono">{`${entry.target.type} ${entry.target.id}`}</span>
        </Field>
        <Field label="Reason">{entry.reason ?? '—'}</Field>
        <Field label="Latency">{entry.latencyMs === undefined ? '—' : `${entry.latencyMs} ms`}</Field>
        <Field label="Before">{json(entry.before)}</Field>
        <Field label="After">{json(entry.after)}</Field>
        <Field label="Details">{json(entry.details)}</Field>
        <Field label="Hash">
          <span className="mono audit-hash">{entry.hash}</span>
        </Field>
        <Field label="Previous hash">
          <span className="mono audit-hash">{entry.prevHash}</span>
        </Field>
      </dl>
    </div>
  );
}
