import { RunProgress } from '../../components/RunProgress';
import type { AutomationRuleId, RuleTickSummary } from '../../../shared/automation/automation-rules';
import { clockTime, countsText, readableReason, tickResultStyles, zoneName } from './automation-format';
import { useAutomationStore } from './automation-store';
import { DecisionsTable } from './DecisionsTable';

/** Red only for a run that failed; a cancel the lead asked for is plain text. */
const problemClass: Record<RuleTickSummary['result'], string> = { failed: 'text-danger', partial: 'text-warn', ok: 'text-warn', cancelled: 'muted' };

/** The tick the lead started: its progress while it runs, with a cancel that sends no further write, then its summary and decisions. */
export function RunPanel({ ruleId }: { ruleId: AutomationRuleId }) {
  const running = useAutomationStore((s) => (s.running?.ruleId === ruleId ? s.running : null));
  const cancelRun = useAutomationStore((s) => s.cancelRun);
  const result = useAutomationStore((s) => s.lastRun[ruleId]);
  if (running) {
    const progress = running.progress ?? { done: 0, total: 0 };
    return (
      <div className="notice notice-info auto-run" role="status" aria-live="polite">
        <RunProgress
          progress={progress}
          progressLabel={running.dryRun ? 'Dry run progress' : 'Run progress'}
          title={<strong>{running.dryRun ? 'Dry run under way (writes nothing)' : 'Run under way'}</strong>}
          detail={
            <span>
              {progress.total > 0 ? `${progress.done} of ${progress.total} campaigns` : 'Reading the campaigns…'}
              {running.progress?.note ? ` · ${running.progress.note}` : ''}
            </span>
          }
          actions={
            <button type="button" className="button button-small" disabled={running.cancelling === true} onClick={() => void cancelRun()}>
              {running.cancelling ? 'Cancelling…' : running.dryRun ? 'Cancel dry run' : 'Cancel run'}
            </button>
          }
        />
      </div>
    );
  }
  if (!result) return null;
  const { summary, decisions } = result;
  const style = tickResultStyles[summary.result];
  return (
    <section className="panel auto-run" aria-labelledby="auto-run-title" data-tick-id={summary.tickId}>
      <h3 id="auto-run-title" className="auto-h3">
        {summary.dryRun ? 'Dry run' : 'Run'} at {clockTime(summary.finishedAt)} {zoneName(Date.parse(summary.finishedAt))}:{' '}
        <span className={`badge badge-${style.tone}`}>{style.label}</span> <span className="muted">{countsText(summary.counts)}</span>
        {summary.dryRun ? <span className="muted"> · nothing was written</span> : null}
      </h3>
      {summary.problem ? <p className={problemClass[summary.result]}>{readableReason(summary.problem)}</p> : null}
      {decisions.length > 0 ? <DecisionsTable decisions={decisions} label={`Decisions of this ${summary.dryRun ? 'dry run' : 'run'}`} /> : null}
    </section>
  );
}
