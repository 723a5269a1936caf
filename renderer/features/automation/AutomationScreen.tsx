import { useEffect } from 'react';
import { ErrorNotice } from '../../components/ErrorNotice';
import { AutomationUnavailable } from './AutomationUnavailable';
import { FailureNotice } from './FailureNotice';
import { PacingChart } from './PacingChart';
import { RuleDetail } from './RuleDetail';
import { RulesTable } from './RulesTable';
import { RunnerLine } from './RunnerLine';
import { useAutomationStore } from './automation-store';

/** The rules the console runs unattended: their state, settings, holds and decisions, and the pacing they set. */
export function AutomationScreen() {
  const load = useAutomationStore((s) => s.load);
  const loadCapacity = useAutomationStore((s) => s.loadCapacity);
  const watch = useAutomationStore((s) => s.watch);
  const loading = useAutomationStore((s) => s.loading);
  const rules = useAutomationStore((s) => s.rules);
  const error = useAutomationStore((s) => s.error);
  const selectedId = useAutomationStore((s) => s.selectedId);
  useEffect(() => {
    void load();
    void loadCapacity();
    return watch();
  }, [load, loadCapacity, watch]);
  // No engine in this build, or no tenant to run it for: a calm notice, not a failure.
  const unavailable = (error?.kind === 'not_available' || error?.kind === 'configuration') && rules.length === 0;
  return (
    <section className="screen automation-screen" aria-labelledby="screen-title">
      <header className="screen-header">
        <h1 id="screen-title">Automation</h1>
        <span className="muted" aria-live="polite">
          {loading && rules.length === 0 ? 'Loading…' : unavailable ? '' : `${rules.length} rules · ${rules.filter((r) => r.enabled).length} enabled`}
        </span>
        <span className="spacer" />
        {unavailable ? null : <RunnerLine />}
      </header>
      {unavailable ? (
        <AutomationUnavailable error={error} />
      ) : (
        <>
          {error ? <ErrorNotice error={error} title="Reading the automation rules" /> : null}
          <FailureNotice />
          <RulesTable />
          <p className="muted keyboard-hint">Keyboard: Tab to a rule · ↑/↓ move · Enter open · Tab on to its buttons and settings · Enter in a setting saves</p>
          {selectedId ? <RuleDetail ruleId={selectedId} /> : null}
          <PacingChart />
        </>
      )}
    </section>
  );
}
