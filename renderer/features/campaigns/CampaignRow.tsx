import { memo, type ReactNode } from 'react';
import { canPause, canResume } from '../../../shared/campaigns/status-transitions';
import type { Campaign } from '../../../shared/cxone/schemas';
import { StatusBadge } from '../../components/StatusBadge';
import type { CampaignColumnId } from './campaign-columns';
import { useCampaignsStore } from './campaigns-store';

interface CampaignRowProps {
  campaign: Campaign;
  index: number;
  active: boolean;
  selected: boolean;
  pending: 'running' | 'paused' | 'completed' | null;
  /** The columns shown, in order (the selection and action cells are always there). */
  columns: readonly CampaignColumnId[];
  onFocus(): void;
}

const pendingLabel = { running: 'Resuming…', paused: 'Pausing…', completed: 'Completing…' } as const;

function formatChange(iso: string): string {
  const date = new Date(iso);
  const sameDay = date.toDateString() === new Date().toDateString();
  return sameDay ? date.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' }) : date.toLocaleDateString();
}

export const CampaignRow = memo(function CampaignRow({ campaign, index, active, selected, pending, columns, onFocus }: CampaignRowProps) {
  const toggleSelected = useCampaignsStore((s) => s.toggleSelected);
  const openDrawer = useCampaignsStore((s) => s.openDrawer);
  const setStatus = useCampaignsStore((s) => s.setStatus);
  const pausable = canPause(campaign.status);
  const resumable = canResume(campaign.status);
  const cellOf = (id: CampaignColumnId): ReactNode => {
    switch (id) {
      case 'name':
        return (
          <td key={id} className="cell-name">
            <button type="button" tabIndex={-1} className="link-button" onClick={() => openDrawer(campaign.id)} title={campaign.id}>
              {campaign.name}
            </button>
          </td>
        );
      case 'status':
        return (
          <td key={id}>
            <StatusBadge status={campaign.status} />
            {pending ? <span className="pending-label">{pendingLabel[pending]}</span> : null}
          </td>
        );
      case 'dialerType':
        return <td key={id}>{campaign.dialerType}</td>;
      case 'region':
        return <td key={id}>{campaign.customAttributes.region ?? '—'}</td>;
      case 'timezone':
        return <td key={id}>{campaign.schedule?.timezone ?? campaign.customAttributes.timezone ?? '—'}</td>;
      case 'contactListId':
        return (
          <td key={id} className="mono">
            {campaign.contactListId}
          </td>
        );
      case 'maxConcurrentCalls':
        return (
          <td key={id} className="num">
            {campaign.rules.maxConcurrentCalls}
          </td>
        );
      case 'updatedAt':
        return (
          <td key={id} title={campaign.updatedAt}>
            {formatChange(campaign.updatedAt)}
          </td>
        );
    }
  };
  return (
    <tr
      data-row-index={index}
      data-campaign-id={campaign.id}
      data-status={campaign.status}
      tabIndex={active ? 0 : -1}
      className={selected ? 'row-selected' : undefined}
      onFocus={onFocus}
      onDoubleClick={() => openDrawer(campaign.id)}
    >
      <td>
        <input type="checkbox" tabIndex={-1} aria-label={`Select ${campaign.name}`} checked={selected} onChange={() => toggleSelected(campaign.id)} />
      </td>
      {columns.map((id) => cellOf(id))}
      <td>
        {pausable || resumable ? (
          <button
            type="button"
            tabIndex={-1}
            className="button button-small"
            disabled={pending !== null}
            aria-label={`${pausable ? 'Pause' : 'Resume'} ${campaign.name}`}
            onClick={() => void setStatus([campaign.id], pausable ? 'paused' : 'running')}
          >
            {pausable ? 'Pause' : 'Resume'}
          </button>
        ) : null}
      </td>
    </tr>
  );
});
