import type { AuditEntry } from '../../../shared/audit/audit-entry';
import { useEffect } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import { describeChange, formatAuditTime } from '../../components/audit-format';
import { OutcomeBadge } from '../../components/OutcomeBadge';
import { useNavigation } from '../../app/navigation';
import { useCampaignAuditStore } from './campaign-audit-store';

const noEntries: AuditEntry[] = [];

/** The campaign's last few audit entries, live, with a way into the full Audit log. */
export function CampaignAuditTrail({ campaignId }: { campaignId: string }) {
  const watch = useCampaignAuditStore((s) => s.watch);
  // Until the watch for this campaign starts, the store still holds the previous campaign's entries.
  const shown = useCampaignAuditStore((s) => s.campaignId === campaignId);
  const entries = useCampaignAuditStore((s) => (shown ? s.entries : noEntries));
  const loading = useCampaignAuditStore((s) => !shown || s.loading);
  const error = useCampaignAuditStore((s) => (shown ? s.error : null));
  const navigation = useNavigation();
  useEffect(() => watch(campaignId, 10), [watch, campaignId]);
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
      <button type="button" className="button button-small" onClick={() => navigation.openCampaignAudit(campaignId)}>
        Open in Audit log
      </button>
    </div>
  );
}
