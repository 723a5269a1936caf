import type { KeyboardEvent } from 'react';
import type { AutomationRuleView } from '../../../shared/automation/automation-rules';
import { useNow } from '../../components/use-now';
import { clockTime, countsText, readableReason, relativeTime, tickResultStyles } from './automation-format';
import { useAutomationStore } from './automation-store';
import { RuleActions } from './RuleActions';

/** Keys on a row (not on its buttons): Enter opens the rule, arrows move between rules. */
function onRowKey(event: KeyboardEvent<HTMLTableRowElement>, open: () => void) {
  if (event.target !== event.currentTarget) return;
  if (event.key === 'Enter' || event.key === ' ') {
    event.preventDefault();
    open();
  } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
    event.preventDefault();
    const next = (event.key === 'ArrowDown' ? event.currentTarget.nextElementSibling : event.currentTarget.previousElementSibling) as HTMLElement | null;
    next?.focus();
  }
}

function StateCell({ rule }: { rule: AutomationRuleView }) {
  const running = useAutomationStore((s) => (s.running?.ruleId === rule.id ? s.running : null));
  const toggling = useAutomationStore((s) => s.toggling === rule.id);
  return (
    <td>
      <span className={`badge badge-${rule.enabled ? 'ok' : 'neutral'}`}>{rule.enabled ? 'Enabled' : 'Off'}</span>
      {toggling ? <span className="pending-label">saving…</span> : null}
      {running ? <span className="badge badge-info auto-badge-gap">{running.dryRun ? 'Dry run…' : 'Running…'}</span> : null}
    </td>
  );
}

/**
 * What went wrong last time, in the tick's own sentence; failed decisions send the lead to the history.
 * Red only when a person is needed now: a rule that is on and whose real run failed. A dry run's or a
 * turned-off rule's failure is shown, in amber.
 */
function lastError(rule: AutomationRuleView): { text: string; tone: 'danger' | 'warn' | 'muted' } | null {
  const tick = rule.lastTick;
  if (!tick || tick.result === 'ok') return null;
  // A cancel is what the lead asked for, not an error; it is still said, plainly.
  if (tick.result === 'cancelled') return { text: tick.problem ?? 'Cancelled.', tone: 'muted' };
  const failed = tick.counts.failed ?? 0;
  const text = tick.problem ?? (failed > 0 ? `${failed} campaign(s) failed: see the history below.` : 'The last run did not finish.');
  return { text, tone: tick.result === 'failed' && rule.enabled && !tick.dryRun ? 'danger' : 'warn' };
}

/** Every rule in one line: state, next run, last result and error, and its buttons. */
export function RulesTable() {
  const rules = useAutomationStore((s) => s.rules);
  const selectedId = useAutomationStore((s) => s.selectedId);
  const select = useAutomationStore((s) => s.select);
  const now = useNow(5_000);
  return (
    <div className="table-scroll panel auto-rules" role="region" aria-label="Rules">
      <table className="table">
        <caption className="sr-only">Automation rules</caption>
        <thead>
          <tr>
            <th scope="col">Rule</th>
            <th scope="col">State</th>
            <th scope="col">Next run</th>
            <th scope="col">Last run</th>
            <th scope="col">Last result</th>
            <th scope="col">Last error</th>
            <th scope="col">
              <span className="sr-only">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rules.map((rule) => {
            const tick = rule.lastTick;
            const problem = lastError(rule);
            return (
              <tr
                key={rule.id}
                data-rule-id={rule.id}
                tabIndex={0}
                aria-selected={rule.id === selectedId}
                className={rule.id === selectedId ? 'row-selected' : undefined}
                onClick={() => select(rule.id)}
                onKeyDown={(event) => onRowKey(event, () => select(rule.id))}
              >
                <th scope="row" className="auto-rule-name">
                  {rule.title}
                </th>
                <StateCell rule={rule} />
                <td>
                  {rule.enabled && rule.nextRunAt ? (
                    <>
                      {clockTime(rule.nextRunAt, now)} <span className="muted auto-sub">{relativeTime(rule.nextRunAt, now)}</span>
                    </>
                  ) : (
                    <span className="muted">{rule.enabled ? 'not scheduled' : '—'}</span>
                  )}
                </td>
                <td>
                  {tick ? (
                    <>
                      {clockTime(tick.finishedAt, now)}{' '}
                      <span className="muted auto-sub">
                        {relativeTime(tick.finishedAt, now)}, {tick.trigger === 'manual' ? 'by hand' : 'scheduled'}
                        {tick.dryRun ? ', dry run' : ''}
                      </span>
                    </>
                  ) : (
                    <span className="muted">never</span>
                  )}
                </td>
                <td>
                  {tick ? (
                    <>
                      <span className={`badge badge-${tickResultStyles[tick.result].tone}`}>{tickResultStyles[tick.result].label}</span>{' '}
                      <span className="muted auto-sub">{countsText(tick.counts)}</span>
                    </>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                <td className="auto-error-cell">
                  {problem ? (
                    <span className={problem.tone === 'danger' ? 'text-danger' : problem.tone === 'warn' ? 'text-warn' : 'muted'}>
                      {readableReason(problem.text, now)}
                    </span>
                  ) : (
                    <span className="muted">None</span>
                  )}
                </td>
                <td className="auto-row-actions">
                  <RuleActions rule={rule} compact />
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
