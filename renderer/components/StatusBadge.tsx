import type { CampaignStatus } from '../../shared/cxone/schemas';

const tones: Record<CampaignStatus, { tone: string; label: string }> = {
  running: { tone: 'ok', label: 'Running' },
  paused: { tone: 'warn', label: 'Paused' },
  activating: { tone: 'info', label: 'Activating' },
  draft: { tone: 'neutral', label: 'Draft' },
  completed: { tone: 'neutral', label: 'Completed' },
  failed: { tone: 'danger', label: 'Failed' },
};

/** Colour always comes with its word, so status reads without colour too. */
export function StatusBadge({ status }: { status: CampaignStatus }) {
  const { tone, label } = tones[status];
  return <span className={`badge badge-${tone}`}>{label}</span>;
}

export const statusLabel = (status: CampaignStatus) => tones[status].label;
