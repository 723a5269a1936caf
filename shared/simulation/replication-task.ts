import { CompletionHistogram, type HistogramSnapshot } from './completion-histogram';
import { ContactDraws, DialerReplication } from './dialer-replication';
import { packOutcome, packedOutcomeLength } from './replication-records';
import type { DialerSettings } from './schemas';

/** Replications from…to−1 of several settings: the unit of work a worker thread runs. */
export type ReplicationTask = { settings: DialerSettings[]; from: number; to: number };

export type ReplicationTaskResult = {
  from: number;
  to: number;
  /** Per setting, the packed outcomes of replications from…to−1 (see packOutcome). */
  outcomes: Float64Array[];
  /** Per setting, the completion times of those replications. */
  completions: HistogramSnapshot[];
};

/**
 * Runs a task. Each replication's contacts are drawn once and shared by every setting
 * of the same list (common random numbers), so the figures equal separate runs.
 */
export function runReplicationTask(task: ReplicationTask): ReplicationTaskResult {
  const count = task.to - task.from;
  const draws: ContactDraws[][] = [];
  const drawsFor = (settings: DialerSettings): ContactDraws[] => {
    let found = draws.find((perReplication) => perReplication[0]?.fits(settings));
    if (!found) {
      found = Array.from({ length: count }, (_, k) => new ContactDraws(settings).draw(task.from + k));
      draws.push(found);
    }
    return found;
  };
  const outcomes: Float64Array[] = [];
  const completions: HistogramSnapshot[] = [];
  for (const settings of task.settings) {
    const replication = new DialerReplication(settings);
    const histogram = new CompletionHistogram();
    const packed = new Float64Array(count * packedOutcomeLength);
    const shared = drawsFor(settings);
    for (let k = 0; k < count; k++) packOutcome(replication.runWith(shared[k] as ContactDraws, histogram), packed, k * packedOutcomeLength);
    outcomes.push(packed);
    completions.push(histogram.snapshot());
  }
  return { from: task.from, to: task.to, outcomes, completions };
}
