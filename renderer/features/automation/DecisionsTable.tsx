import type { AutomationDecision } from '../../../shared/automation/automation-rules';
import { useNavigation } from '../../app/navigation';
import { actionLabels, clockTime, evidenceParts, outcomeStyles, readableReason, zoneName } from './automation-format';

/** Decisions with the evidence each rests on; a failed one says what went wrong, on which campaign. */
export function DecisionsTable({ decisions, label }: { decisions: readonly AutomationDecision[]; label: string }) {
  const navigation = useNavigation();
  const now = Date.now();
  return (
    <div className="table-scroll auto-decisions" tabIndex={0} role="region" aria-label={label}>
      <table className="table">
        <caption className="sr-only">{label}</caption>
        <thead>
          <tr>
            <th scope="col" className="auto-col-time">
              Time <span className="muted">({zoneName(now)})</span>
            </th>
            <th scope="col" className="auto-col-campaign">
              Campaign
            </th>
            <th scope="col">Action</th>
            <th scope="col">Outcome</th>
            <th scope="col">Reason</th>
            <th scope="col">Evidence</th>
          </tr>
        </thead>
        <tbody>
          {decisions.map((decision, index) => {
            const style = outcomeStyles[decision.outcome];
            const evidence = evidenceParts(decision.evidence, now);
            return (
              <tr
                key={`${decision.tickId}-${decision.campaignId}-${index}`}
                data-campaign-id={decision.campaignId}
                data-outcome={decision.outcome}
                className={decision.outcome === 'failed' ? 'row-danger' : undefined}
              >
                <td className="auto-nowrap">
                  {clockTime(decision.at, now)}
                  {decision.dryRun ? <span className="muted"> dry run</span> : null}
                </td>
                <td className="auto-col-campaign">
                  <button
                    type="button"
                    className="link-button"
                    title={`Open ${decision.campaignName ?? decision.campaignId} on the Campaigns screen`}
                    onClick={() => navigation.openCampaign(decision.campaignId)}
                  >
                    {decision.campaignName ?? decision.campaignId}
                  </button>
                </td>
                <td className="auto-nowrap">{actionLabels[decision.action]}</td>
                <td>
                  <span className={`badge badge-${style.tone}`}>{style.label}</span>
                </td>
                <td className="auto-reason">
                  <span title={decision.reason}>{readableReason(decision.reason, now)}</span>
                  {decision.error ? <span className="text-danger auto-decision-error">{decision.error}</span> : null}
                </td>
                <td className="auto-evidence">
                  {evidence.length > 0 ? (
                    <ul title={decision.evidence.alerts?.length ? `Alerts: ${decision.evidence.alerts.map((alert) => alert.id).join(', ')}` : undefined}>
                      {evidence.map((part) => (
                        <li key={part}>{part}</li>
                      ))}
                    </ul>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
