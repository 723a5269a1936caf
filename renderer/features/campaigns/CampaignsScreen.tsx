import { useEffect, useMemo } from 'react';
import { canPause, canResume } from '../../../shared/campaigns/status-transitions';
import { dialerTypes, campaignStatuses } from '../../../shared/cxone/schemas';
import { useAppStore } from '../../app/app-store';
import { ErrorNotice } from '../../components/ErrorNotice';
import { statusLabel } from '../../components/StatusBadge';
import { ActionResults } from './ActionResults';
import { CampaignDrawer } from './CampaignDrawer';
import { CampaignTable } from './CampaignTable';
import { FreshnessIndicator } from './FreshnessIndicator';
import { useCampaignsStore } from './campaigns-store';
import { filterCampaigns } from './filter-campaigns';

export function CampaignsScreen() {
  const start = useCampaignsStore((s) => s.start);
  const snapshot = useCampaignsStore((s) => s.snapshot);
  const filters = useCampaignsStore((s) => s.filters);
  const setFilter = useCampaignsStore((s) => s.setFilter);
  const selected = useCampaignsStore((s) => s.selected);
  const setStatus = useCampaignsStore((s) => s.setStatus);
  const actionError = useCampaignsStore((s) => s.actionError);
  const busy = useCampaignsStore((s) => s.runningAction !== null);
  const tenant = useAppStore((s) => s.tenant);
  useEffect(() => start(), [start]);

  const campaigns = useMemo(() => snapshot?.campaigns ?? [], [snapshot]);
  const visible = useMemo(() => filterCampaigns(campaigns, filters), [campaigns, filters]);
  const regions = useMemo(() => [...new Set(campaigns.map((c) => c.customAttributes.region).filter(Boolean))].sort(), [campaigns]);
  const counts = useMemo(() => {
    const byStatus: Record<string, number> = {};
    for (const c of campaigns) byStatus[c.status] = (byStatus[c.status] ?? 0) + 1;
    return byStatus;
  }, [campaigns]);
  const selectedCampaigns = campaigns.filter((c) => selected.has(c.id));
  const pausable = selectedCampaigns.filter((c) => canPause(c.status)).map((c) => c.id);
  const resumable = selectedCampaigns.filter((c) => canResume(c.status)).map((c) => c.id);

  return (
    <section className="screen" aria-labelledby="screen-title">
      <header className="screen-header">
        <h1 id="screen-title">Campaigns</h1>
        <span className="muted">
          {campaigns.length} campaigns · {counts.running ?? 0} running · {counts.paused ?? 0} paused
          {counts.failed ? (
            <>
              {' · '}
              <span className="text-danger">{counts.failed} failed</span>
            </>
          ) : null}
        </span>
        <span className="spacer" />
        <FreshnessIndicator snapshot={snapshot} />
      </header>
      {snapshot?.error ? (
        <ErrorNotice
          error={snapshot.error}
          title={
            snapshot.fetchedAt ? `Refresh failed; showing the list as of ${new Date(snapshot.fetchedAt).toLocaleTimeString()}` : 'Could not load campaigns'
          }
        />
      ) : null}
      <ErrorNotice error={actionError} title="Action failed" />
      <div className="toolbar" role="search">
        <label className="sr-only" htmlFor="campaign-search">
          Search campaigns
        </label>
        <input
          id="campaign-search"
          type="search"
          placeholder="Search name, id or list…"
          value={filters.text}
          onChange={(e) => setFilter({ text: e.target.value })}
        />
        <label htmlFor="filter-status">Status</label>
        <select id="filter-status" value={filters.status} onChange={(e) => setFilter({ status: e.target.value })}>
          <option value="">All</option>
          {campaignStatuses.map((status) => (
            <option key={status} value={status}>
              {statusLabel(status)} ({counts[status] ?? 0})
            </option>
          ))}
        </select>
        {regions.length > 0 || filters.region !== '' ? (
          <>
            <label htmlFor="filter-region">Region</label>
            <select id="filter-region" value={filters.region} onChange={(e) => setFilter({ region: e.target.value })}>
              <option value="">All</option>
              {regions.map((region) => (
                <option key={region} value={region}>
                  {region}
                </option>
              ))}
            </select>
          </>
        ) : null}
        <label htmlFor="filter-dialer">Dialer</label>
        <select id="filter-dialer" value={filters.dialerType} onChange={(e) => setFilter({ dialerType: e.target.value })}>
          <option value="">All</option>
          {dialerTypes.map((type) => (
            <option key={type} value={type}>
              {type}
            </option>
          ))}
        </select>
        <span className="spacer" />
        <span className="muted">
          {visible.length !== campaigns.length ? `${visible.length} shown · ` : ''}
          {selected.size} selected
        </span>
        <button type="button" className="button" disabled={pausable.length === 0 || busy} onClick={() => void setStatus(pausable, 'paused')}>
          Pause selected ({pausable.length})
        </button>
        <button type="button" className="button" disabled={resumable.length === 0 || busy} onClick={() => void setStatus(resumable, 'running')}>
          Resume selected ({resumable.length})
        </button>
      </div>
      {tenant?.adapter === 'cxone-admin' ? (
        <p className="muted keyboard-hint" id="campaigns-pause-meaning">
          {`This tenant has no pause: Pause stops the skill and lets the calls in progress finish; Resume starts it. The emergency pause ${
            tenant.emergencyStop === 'forced' ? 'forces the stop, ending the calls in progress' : 'stops the same way'
          } (Settings).`}
        </p>
      ) : null}
      <ActionResults />
      <p className="muted keyboard-hint">Keyboard: ↑/↓ move · Space select · Enter details · P pause · R resume · Ctrl+Shift+E emergency pause</p>
      {snapshot === null ? <p className="muted">Loading campaigns…</p> : <CampaignTable campaigns={visible} pending={snapshot.pending} />}
      <CampaignDrawer />
    </section>
  );
}
