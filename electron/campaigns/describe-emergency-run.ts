import { countOutcomes, type EmergencyRun } from '../../shared/campaigns/status-change';

/** One sentence for notifications and the CLI's human output. */
export function describeEmergencyRun(run: EmergencyRun): string {
  const counts = countOutcomes(run.results);
  const verb = run.kind === 'pause' ? 'paused' : 'resumed';
  const notDone = counts.impossible + counts.failed + counts.cancelled;
  const parts = [`${counts.changed} ${verb}`];
  if (counts.already > 0) parts.push(`${counts.already} already ${verb}`);
  if (notDone > 0) parts.push(`${notDone} NOT ${verb}`);
  const unrecorded = (run.recordProblems ?? []).length > 0 ? ' The emergency record or audit log could not be written: see the console.' : '';
  return `Emergency ${run.kind}: ${parts.join(', ')} (of ${run.total})${run.cancelled ? ', cancelled' : ''}.${unrecorded}`;
}
