import { isSuccessfulChange } from '../../../shared/campaigns/status-change';
import { StatusChangeReport } from '../../components/StatusChangeReport';
import { useCampaignsStore } from './campaigns-store';

/** The outcome of the last pause/resume: a calm line when all went well, the failures in red otherwise. */
export function ActionResults() {
  const lastAction = useCampaignsStore((s) => s.lastAction);
  const dismiss = useCampaignsStore((s) => s.dismissResults);
  if (!lastAction) return null;
  const problems = lastAction.results.filter((r) => !isSuccessfulChange(r));
  return (
    <div className={problems.length > 0 ? 'notice notice-danger' : 'notice notice-info'} role={problems.length > 0 ? 'alert' : 'status'}>
      <div className="notice-row">
        <strong>{lastAction.label}:</strong>
        <span>
          {lastAction.results.length - problems.length} done
          {problems.length > 0 ? `, ${problems.length} not done` : ''}
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
