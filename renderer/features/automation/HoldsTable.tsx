import type { AutomationRuleView } from '../../../shared/automation/automation-rules';
import { useNow } from '../../components/use-now';
import { zonedTime } from './automation-format';
import { useAutomationStore } from './automation-store';
import { holdWords } from './hold-words';

const intro: Record<AutomationRuleView['id'], string> = {
  weather: 'Campaigns this rule keeps paused until their alerts end and the hold-down passes, and those a person resumed during an alert (left running).',
  capacity: 'Campaigns where a person set the limit: the rule leaves them alone until the override is cleared.',
};

/** Only the capacity rule keeps a person's override it can forget; the weather rule releases its campaigns itself. */
const clearable = (rule: AutomationRuleView) => rule.id === 'capacity';

/** Campaigns the rule holds, or backs off from, with a way to clear a person's override. */
export function HoldsTable({ rule }: { rule: AutomationRuleView }) {
  const clearHold = useAutomationStore((s) => s.clearHold);
  const clearing = useAutomationStore((s) => s.clearing);
  const now = useNow(30_000);
  return (
    <section className="panel auto-holds" aria-labelledby="auto-holds-title">
      <h3 id="auto-holds-title" className="auto-h3">
        Holds <span className={`badge badge-${rule.holds.length > 0 ? 'info' : 'neutral'}`}>{rule.holds.length}</span>
      </h3>
      <p className="muted auto-intro">{intro[rule.id]}</p>
      {rule.holds.length > 0 ? (
        <div className="table-scroll auto-holds-scroll" tabIndex={0} role="region" aria-label="Holds">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Campaign</th>
                <th scope="col">State</th>
                <th scope="col">Since</th>
                <th scope="col">Next</th>
              </tr>
            </thead>
            <tbody>
              {rule.holds.map((hold) => {
                const busy = clearing?.ruleId === rule.id && clearing.campaignId === hold.campaignId;
                const name = hold.campaignName ?? hold.campaignId;
                const words = holdWords(hold, now);
                return (
                  <tr key={hold.campaignId} data-campaign-id={hold.campaignId} data-hold-state={hold.state}>
                    <td>{name}</td>
                    <td className="auto-hold-state" title={hold.what}>
                      <span className={`badge badge-${words.tone}`}>{words.label}</span> {words.detail}
                    </td>
                    <td className="auto-nowrap">{zonedTime(hold.since, now)}</td>
                    <td className="auto-hold-next">
                      {clearable(rule) ? (
                        <button
                          type="button"
                          className="button button-small"
                          disabled={busy}
                          aria-label={`Clear override on ${name}`}
                          onClick={() => void clearHold(rule.id, hold.campaignId)}
                        >
                          {busy ? 'Clearing…' : 'Clear override'}
                        </button>
                      ) : (
                        <span className="muted">{words.next}</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : (
        <p className="muted">None.</p>
      )}
    </section>
  );
}
