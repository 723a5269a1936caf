import { ErrorNotice } from '../../components/ErrorNotice';
import { describeChange, formatAuditTime } from '../audit/audit-format';
import { useAuditStore } from '../audit/audit-store';
import { OutcomeBadge } from '../audit/OutcomeBadge';
import { useCampaignAudit } from '../audit/use-campaign-audit';

/** The campaign's last few audit entries, live, with a way into the full Audit log. */
export function CampaignAuditTrail({ campaignId }: { campaignId: string }) {
  const { entries, loading, error } = useCampaignAudit(campaignId, 10);
  const showCampaign = useAuditStore((s) => s.showCampaign);
  return (
    <div className="audit-trail">
      <ErrorNotice error={error} title="Could not read the audit log" />
      {entries.length === 0 ? (
        <p className="muted">{loading ? 'Loading…' : 'No console actions recorded yet.'}</p>
      ) : (
        <ol className="audit-trail-list" aria-label="Recent audit entries">
          {entries.map((entry) => {
            const change = describeChange(entry.before, entry.after);
            return (
              <li key={entry.seq} data-seq={entry.seq}>
                <span className="mono muted" title={entry.at}>
                  {formatAuditTime(entry.at)}
                </span>
                <OutcomeBadge outcome={entry.outcome} />
                <span className="audit-trail-main">
                  <span className="mono">{entry.action}</span>
                  {change ? <span>{change}</span> : null}
                </span>
                <span className="muted audit-trail-meta">
                  {entry.actor.name}
                  {entry.reason ? ` · ${entry.reason}` : ''}
                </span>
              </li>
            );
          })}
        </ol>
      )}
      <button type="button" className="button button-small" onClick={() => showCampaign(campaignId)}>
        Open in Audit log
      </button>
    </div>
  );
}
