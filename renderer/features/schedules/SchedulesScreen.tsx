import { useEffect } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import { StatusBadge } from '../../components/StatusBadge';
import { CampaignPicker } from './CampaignPicker';
import { ConflictsTable } from './ConflictsTable';
import { NextWindows } from './NextWindows';
import { ScheduleEditor } from './ScheduleEditor';
import { StaffingChart } from './StaffingChart';
import { useSchedulesStore } from './schedules-store';
import { VerdictPanel } from './VerdictPanel';

/** Calling windows per campaign, checked against every contact's local calling hours before anything is applied. */
export function SchedulesScreen() {
  const load = useSchedulesStore((s) => s.load);
  const loadOverview = useSchedulesStore((s) => s.loadOverview);
  const watchActivation = useSchedulesStore((s) => s.watchActivation);
  const loading = useSchedulesStore((s) => s.loading);
  const rows = useSchedulesStore((s) => s.rows);
  const view = useSchedulesStore((s) => s.view);
  const error = useSchedulesStore((s) => s.error);
  const unavailable = error?.kind === 'not_available';
  useEffect(() => {
    void load();
    void loadOverview(14);
    return watchActivation();
  }, [load, loadOverview, watchActivation]);
  return (
    <section className="screen schedules-screen" aria-labelledby="screen-title">
      <header className="screen-header">
        <h1 id="screen-title">Schedules</h1>
        <span className="muted" aria-live="polite">
          {loading ? 'Loading…' : `${rows.length} campaigns`}
        </span>
      </header>
      <ErrorNotice error={error} title="Schedules" />
      {unavailable ? null : <p className="muted keyboard-hint">Keyboard: Tab to a campaign · ↑/↓ move · Enter open · Enter in the editor checks</p>}
      <div className="sch-layout">
        <CampaignPicker />
        <div className="sch-detail">
          {view ? (
            <>
              <h2 className="sch-title">
                {view.campaign.name} <StatusBadge status={view.campaign.status} /> <span className="muted">version {view.campaign.version}</span>
              </h2>
              <ScheduleEditor />
              <VerdictPanel />
              <NextWindows />
            </>
          ) : unavailable ? (
            <p className="muted panel">Set each skill’s calling hours per weekday in CXone; pause and resume it from the Campaigns screen.</p>
          ) : (
            <p className="muted panel">Choose a campaign to see and edit its schedule.</p>
          )}
        </div>
      </div>
      <StaffingChart />
      <ConflictsTable />
    </section>
  );
}
