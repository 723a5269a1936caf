import { HistoryPanel } from './HistoryPanel';
import { HoldsTable } from './HoldsTable';
import { RuleSettingsForm } from './RuleSettingsForm';
import { RunPanel } from './RunPanel';
import { useAutomationStore } from './automation-store';
import type { AutomationRuleId } from '../../../shared/automation/automation-rules';

/** One rule opened (its buttons are on its row): the run under way or just finished, its settings, holds and decisions. */
export function RuleDetail({ ruleId }: { ruleId: AutomationRuleId }) {
  const rule = useAutomationStore((s) => s.rules.find((r) => r.id === ruleId));
  if (!rule) return null;
  return (
    <section className="auto-detail" aria-labelledby="auto-rule-title">
      <div className="notice-row">
        <h2 id="auto-rule-title">
          {rule.title} <span className={`badge badge-${rule.enabled ? 'ok' : 'neutral'}`}>{rule.enabled ? 'Enabled' : 'Off'}</span>
        </h2>
        <span className="muted">
          {rule.enabled ? 'Runs on its interval while this runner holds the tenant.' : 'Off: runs only when you press Dry run or Run once.'}
        </span>
      </div>
      <RunPanel ruleId={ruleId} />
      <div className="auto-detail-grid">
        <RuleSettingsForm rule={rule} />
        <HoldsTable rule={rule} />
      </div>
      <HistoryPanel ruleId={ruleId} />
    </section>
  );
}
