import { useState } from 'react';
import { decisionOutcomes, type AutomationDecision, type AutomationRuleId } from '../../../shared/automation/automation-rules';
import { ErrorNotice } from '../../components/ErrorNotice';
import { outcomeStyles } from './automation-format';
import { historyLimit, useAutomationStore } from './automation-store';
import { DecisionsTable } from './DecisionsTable';

type Filter = 'all' | 'changes' | AutomationDecision['outcome'];
const changes = new Set<AutomationDecision['outcome']>(['applied', 'would-apply', 'failed']);

/** The rule's decisions, newest first, filtered by outcome; unchanged ones hidden unless asked for. */
export function HistoryPanel({ ruleId }: { ruleId: AutomationRuleId }) {
  const history = useAutomationStore((s) => s.history[ruleId]);
  const error = useAutomationStore((s) => s.historyError);
  const loadHistory = useAutomationStore((s) => s.loadHistory);
  const [filter, setFilter] = useState<Filter>('all');
  const shown = (history ?? []).filter((d) => filter === 'all' || (filter === 'changes' ? changes.has(d.outcome) : d.outcome === filter));
  return (
    <section className="panel auto-history" aria-labelledby="auto-history-title">
      <div className="toolbar">
        <h3 id="auto-history-title" className="auto-h3">
          History
        </h3>
        <span className="muted">
          {history ? `${shown.length} of ${history.length} decisions${history.length >= historyLimit ? ` (newest ${historyLimit})` : ''}` : 'Loading…'}
        </span>
        <span className="spacer" />
        <label htmlFor="auto-history-filter">Show</label>
        <select id="auto-history-filter" value={filter} onChange={(e) => setFilter(e.target.value as Filter)}>
          <option value="all">All decisions</option>
          <option value="changes">Changes and failures</option>
          {decisionOutcomes.map((outcome) => (
            <option key={outcome} value={outcome}>
              {outcomeStyles[outcome].label} only
            </option>
          ))}
        </select>
        <button type="button" className="button button-small" onClick={() => void loadHistory(ruleId)}>
          Refresh
        </button>
      </div>
      <ErrorNotice error={error} title="Reading the history" />
      {history && shown.length === 0 ? (
        <p className="muted empty">{history.length === 0 ? 'No decisions yet: the rule has not run.' : 'No decision matches this filter.'}</p>
      ) : null}
      {shown.length > 0 ? <DecisionsTable decisions={shown} label="History of decisions" /> : null}
    </section>
  );
}
