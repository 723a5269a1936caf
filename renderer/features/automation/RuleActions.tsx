import type { AutomationRuleView } from '../../../shared/automation/automation-rules';
import { useAutomationStore } from './automation-store';

/** Enable or turn off a rule, and run it once now: as a dry run (writes nothing) or for real. A click also opens the rule (its row selects it). */
export function RuleActions({ rule, compact = false }: { rule: AutomationRuleView; compact?: boolean }) {
  const setEnabled = useAutomationStore((s) => s.setEnabled);
  const runOnce = useAutomationStore((s) => s.runOnce);
  const busy = useAutomationStore((s) => s.running !== null);
  const toggling = useAutomationStore((s) => s.toggling === rule.id);
  const size = compact ? 'button button-small' : 'button';
  return (
    <span className="auto-actions">
      <button
        type="button"
        className={size}
        disabled={toggling}
        aria-label={`${rule.enabled ? 'Turn off' : 'Enable'} ${rule.title}`}
        onClick={() => void setEnabled(rule.id, !rule.enabled)}
      >
        {rule.enabled ? 'Turn off' : 'Enable'}
      </button>
      <button
        type="button"
        className={size}
        disabled={busy}
        aria-label={`Dry run ${rule.title}`}
        title="Works out every decision now and writes nothing"
        onClick={() => void runOnce(rule.id, true)}
      >
        Dry run
      </button>
      <button
        type="button"
        className={size}
        disabled={busy}
        aria-label={`Run ${rule.title} once now`}
        title="Runs one tick now and writes its decisions to the tenant"
        onClick={() => void runOnce(rule.id, false)}
      >
        Run once
      </button>
    </span>
  );
}
