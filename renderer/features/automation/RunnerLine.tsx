import { useNow } from '../../components/use-now';
import { clockTime, relativeTime, runnerKindLabels, runnerModeLabels } from './automation-format';
import { useAutomationStore } from './automation-store';

/** Who runs this tenant's rules (this app, a command line elsewhere, nobody) and since when. */
export function RunnerLine() {
  const runner = useAutomationStore((s) => s.runner);
  const anyEnabled = useAutomationStore((s) => s.rules.some((r) => r.enabled));
  const now = useNow(15_000);
  if (!runner) return null;
  const holder = runner.holder;
  return (
    <p className="auto-runner" aria-label="Automation runner">
      <span className="muted">Runner: </span>
      {holder ? (
        <>
          <span className={`badge badge-${holder.kind === 'this-app' ? 'ok' : 'info'}`}>{runnerKindLabels[holder.kind]}</span>{' '}
          <span title={`${holder.label}, pid ${holder.pid}`}>
            {holder.label} on <span className="mono">{holder.host}</span> (pid {holder.pid})
          </span>{' '}
          <span className="muted">
            since {clockTime(holder.since, now)} ({relativeTime(holder.since, now)})
          </span>
        </>
      ) : (
        <>
          <span className={`badge badge-${anyEnabled ? 'warn' : 'neutral'}`}>Nobody</span>{' '}
          <span className="muted">{anyEnabled ? 'Enabled rules do not run until a runner takes this tenant.' : 'No rule is enabled.'}</span>
        </>
      )}{' '}
      <span className="muted">· {runnerModeLabels[runner.mode]}</span>
    </p>
  );
}
