import { countOutcomes, isSuccessfulChange } from '../../../shared/campaigns/status-change';
import { RunProgress } from '../../components/RunProgress';
import { StatusChangeReport } from '../../components/StatusChangeReport';
import { useCampaignsStore } from './campaigns-store';

/** The outcome of the last pause/resume: a calm line when all went well, the failures in red otherwise. */
export function ActionResults() {
  const lastAction = useCampaignsStore((s) => s.lastAction);
  const dismiss = useCampaignsStore((s) => s.dismissResults);
  const runningAction = useCampaignsStore((s) => s.runningAction);
  const cancel = useCampaignsStore((s) => s.cancelAction);
  if (runningAction) {
    const { progress } = runningAction;
    return (
      <div className="notice notice-info" role="status" aria-label="Action in progress">
        <RunProgress
          progress={progress}
          title={<strong>{runningAction.label}:</strong>}
          detail={<span>{`${progress.done} of ${progress.total} ${progress.detail.target === 'paused' ? 'paused' : 'resumed'} so far`}</span>}
          progressLabel={`${runningAction.label} progress`}
          onCancel={() => void cancel()}
        />
      </div>
    );
  }
  if (!lastAction) return null;
  const problems = lastAction.results.filter((r) => !isSuccessfulChange(r));
  const counts = countOutcomes(lastAction.results);
  const cancelled = counts.cancelled;
  const failures = counts.failed + counts.impossible;
  const tone = failures > 0 ? 'notice-danger' : cancelled > 0 ? 'notice-warn' : 'notice-info';
  return (
    <div className={`notice ${tone}`} role={failures > 0 ? 'alert' : 'status'}>
      <div className="notice-row">
        <strong>{lastAction.label}:</strong>
        <span>
          {lastAction.results.length - problems.length} done
          {failures > 0 ? `, ${failures} not done` : ''}
          {cancelled > 0 ? `, ${cancelled} not attempted (cancelled)` : ''}
        </span>
        <span className="spacer" />
        <button type="button" className="button button-small" onClick={dismiss}>
          Dismiss
        </button>
      </div>
      {problems.length > 0 ? <StatusChangeReport results={problems} /> : null}
    </div>
  );
}
