import type { CampaignSnapshot } from '../../../shared/campaigns/campaign-snapshot';
import { formatAge, useNow } from '../../components/use-now';
import { useCampaignsStore } from './campaigns-store';

/** "Updated 4 s ago", turning amber and then red as the list gets stale. */
export function FreshnessIndicator({ snapshot }: { snapshot: CampaignSnapshot | null }) {
  const now = useNow();
  const refresh = useCampaignsStore((s) => s.refresh);
  const fetchedAt = snapshot?.fetchedAt ?? null;
  const ageSeconds = fetchedAt ? (now - Date.parse(fetchedAt)) / 1000 : Infinity;
  const tone = snapshot?.error || ageSeconds > 120 ? 'danger' : ageSeconds > 30 ? 'warn' : 'neutral';
  return (
    <span className="freshness">
      <span className={`status status-${tone}`} role="status" aria-live="off">
        {snapshot?.refreshing ? 'Refreshing…' : `Updated ${formatAge(fetchedAt, now)}`}
      </span>
      <button type="button" className="button button-small" onClick={() => void refresh()} disabled={snapshot?.refreshing}>
        Refresh
      </button>
    </span>
  );
}
