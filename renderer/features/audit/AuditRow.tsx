import { memo } from 'react';
import type { AuditEntry } from '../../../shared/audit/audit-entry';
import { actorTypeLabels, describeChange, formatAuditTime } from '../../components/audit-format';
import { OutcomeBadge } from '../../components/OutcomeBadge';

interface AuditRowProps {
  entry: AuditEntry;
  index: number;
  active: boolean;
  onFocus(seq: number): void;
  onOpen(seq: number): void;
}

function TargetCell({ target }: { target: AuditEntry['target'] }) {
  const secondary = target.name === undefined ? target.type : target.type === 'campaign' ? target.id : `${target.type} ${target.id}`;
  const title = `${target.type} ${target.id}${target.name ? ` — ${target.name}` : ''}`;
  return (
    <td title={title}>
      <span className="audit-target">
        <span className="audit-target-name">{target.name ?? target.id}</span>
        <span className="muted mono">{secondary}</span>
      </span>
    </td>
  );
}

export const AuditRow = memo(function AuditRow({ entry, index, active, onFocus, onOpen }: AuditRowProps) {
  const change = describeChange(entry.before, entry.after);
  const actorType = actorTypeLabels[entry.actor.type];
  return (
    <tr data-row-index={index} data-seq={entry.seq} tabIndex={active ? 0 : -1} onFocus={() => onFocus(entry.seq)} onDoubleClick={() => onOpen(entry.seq)}>
      <td className="audit-time" title={entry.at}>
        {formatAuditTime(entry.at)}
      </td>
      <td title={`${actorType}: ${entry.actor.name}`}>
        {entry.actor.name} <span className="muted">{actorType}</span>
      </td>
      <td className="mono" title={entry.action}>
        {entry.action}
      </td>
      <TargetCell target={entry.target} />
      <td title={change}>{change || <span className="muted">—</span>}</td>
      <td>
        <OutcomeBadge outcome={entry.outcome} />
      </td>
      <td className="num">{entry.latencyMs === undefined ? <span className="muted">—</span> : `${entry.latencyMs} ms`}</td>
      <td title={entry.reason}>{entry.reason ?? ''}</td>
    </tr>
  );
});
