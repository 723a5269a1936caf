import { countOutcomes, isSuccessfulChange } from '../../../shared/campaigns/status-change';
import { formatRate, RunProgress } from '../../components/RunProgress';
import { ErrorNotice } from '../../components/ErrorNotice';
import { StatusChangeReport } from '../../components/StatusChangeReport';
import { useEmergencyStore } from './emergency-store';

/** What the emergency could not write down or found damaged: in red, whatever else is on screen. */
function RecordProblems({ problems }: { problems: readonly string[] }) {
  if (problems.length === 0) return null;
  return (
    <div className="notice notice-danger" role="alert" aria-label="Emergency record problems">
      <strong>The emergency record is not safe on disk: </strong>
      {problems.map((problem) => (
        <p key={problem}>{problem}</p>
      ))}
    </div>
  );
}

/** Live progress of an emergency run, then its report; plus the way back ("resume what it stopped"). */
export function EmergencyPanel() {
  const state = useEmergencyStore((s) => s.state);
  const progress = useEmergencyStore((s) => s.progress);
  const report = useEmergencyStore((s) => s.report);
  const error = useEmergencyStore((s) => s.error);
  const cancel = useEmergencyStore((s) => s.cancel);
  const dismiss = useEmergencyStore((s) => s.dismiss);
  const resume = useEmergencyStore((s) => s.resumeEmergency);
  const owned = state?.pausedByEmergency.length ?? 0;
  const recordProblems = [...new Set([...(report?.recordProblems ?? []), ...(state?.recordProblems ?? [])])];

  if (state?.running) {
    const done = progress?.done ?? 0;
    const total = progress?.total ?? state.lastRun?.total ?? 0;
    const verb = progress?.detail.action === 'resume' ? 'Resuming' : 'Pausing';
    return (
      <section className="emergency-panel" aria-labelledby="emergency-title" role="region">
        <RunProgress
          progress={{ done, total }}
          title={
            <h2 id="emergency-title">
              {verb} campaigns: {done} of {total}
            </h2>
          }
          detail={
            <span className="muted">
              {progress ? formatRate(progress) : ''}
              {progress?.etaMs !== undefined ? ` · about ${Math.ceil(progress.etaMs / 1000)} s left` : ''}
            </span>
          }
          progressLabel={`${verb} progress`}
          onCancel={() => void cancel()}
        />
      </section>
    );
  }

  if (report) {
    const problems = report.results.filter((r) => !isSuccessfulChange(r));
    const { changed, already } = countOutcomes(report.results);
    const verb = report.kind === 'pause' ? 'paused' : 'resumed';
    return (
      <section
        className={`emergency-panel ${problems.length > 0 || recordProblems.length > 0 ? 'emergency-panel-danger' : ''}`}
        aria-labelledby="emergency-title"
        role="region"
      >
        <div className="notice-row">
          <h2 id="emergency-title">
            Emergency {report.kind === 'pause' ? 'pause' : 'resume'}: {changed} {verb}
            {already > 0 ? `, ${already} already ${verb}` : ''}
            {problems.length > 0 ? `, ${problems.length} NOT ${verb}` : ''}
            {report.cancelled ? ' (cancelled)' : ''}
          </h2>
          <span className="spacer" />
          <button type="button" className="button button-small" onClick={dismiss}>
            Dismiss
          </button>
        </div>
        <RecordProblems problems={recordProblems} />
        {report.total === 0 ? <p>No campaign was {report.kind === 'pause' ? 'running' : 'waiting to be resumed'}.</p> : null}
        {problems.length > 0 ? <StatusChangeReport results={problems} caption={`Campaigns not ${verb}`} /> : null}
        {report.kind === 'pause' && owned > 0 ? (
          <p className="muted">
            The console remembers the {owned === 1 ? 'campaign' : `${owned} campaigns`} it paused; resume only {owned === 1 ? 'that one' : 'those'} when the
            emergency is over.
          </p>
        ) : null}
      </section>
    );
  }

  return (
    <>
      <ErrorNotice error={error} title="Emergency action failed" />
      <RecordProblems problems={recordProblems} />
      {owned > 0 ? (
        <section className="emergency-panel emergency-panel-quiet" aria-label="Emergency pause in effect">
          <div className="notice-row">
            <strong>{owned} campaigns are paused by the emergency pause.</strong>
            <span className="spacer" />
            <button type="button" className="button" onClick={() => void resume()}>
              Resume what the emergency pause stopped ({owned})
            </button>
          </div>
        </section>
      ) : null}
    </>
  );
}
