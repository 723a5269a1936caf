import type { CompletionHistogram } from './completion-histogram';
import type { DialerSimulationResult } from './dialer-model';
import type { ReplicationOutcome } from './dialer-replication';
import type { DialerSettings } from './schemas';
import { estimate } from './statistics';

/** Numbers per replication when outcomes travel packed in a Float64Array (e.g. from a worker). */
export const packedOutcomeLength = 7;

export function packOutcome(outcome: ReplicationOutcome, into: Float64Array, offset: number): void {
  into[offset] = outcome.finished ? 1 : 0;
  into[offset + 1] = outcome.elapsedSeconds;
  into[offset + 2] = outcome.completed;
  into[offset + 3] = outcome.answered;
  into[offset + 4] = outcome.abandoned;
  into[offset + 5] = outcome.connected;
  into[offset + 6] = outcome.busySeconds;
}

export function unpackOutcome(from: Float64Array, offset: number): ReplicationOutcome {
  return {
    finished: from[offset] === 1,
    elapsedSeconds: from[offset + 1] as number,
    completed: from[offset + 2] as number,
    answered: from[offset + 3] as number,
    abandoned: from[offset + 4] as number,
    connected: from[offset + 5] as number,
    busySeconds: from[offset + 6] as number,
  };
}

/**
 * What each replication of one setting measured, kept by replication index so that the
 * summary is the same whichever order (or thread) the replications ran in.
 */
export class ReplicationRecords {
  private readonly perHour: Float64Array;
  private readonly occupancy: Float64Array;
  private readonly abandonment: Float64Array;
  private readonly hours: Float64Array;
  private readonly outcomes: (ReplicationOutcome | undefined)[];

  constructor(
    private readonly settings: DialerSettings,
    capacity: number,
  ) {
    this.perHour = new Float64Array(capacity);
    this.occupancy = new Float64Array(capacity);
    this.abandonment = new Float64Array(capacity);
    this.hours = new Float64Array(capacity);
    this.outcomes = new Array<ReplicationOutcome | undefined>(capacity);
  }

  record(index: number, outcome: ReplicationOutcome): void {
    const elapsedHours = outcome.elapsedSeconds / 3600;
    this.perHour[index] = elapsedHours > 0 ? outcome.completed / elapsedHours : 0;
    this.occupancy[index] = outcome.elapsedSeconds > 0 ? outcome.busySeconds / (this.settings.agents * outcome.elapsedSeconds) : 0;
    this.abandonment[index] = outcome.answered > 0 ? outcome.abandoned / outcome.answered : 0;
    this.hours[index] = elapsedHours;
    this.outcomes[index] = outcome;
  }

  /** Means and 95% t-intervals over replications 0…count−1 (all of them recorded). */
  summarise(count: number, completions: CompletionHistogram): DialerSimulationResult {
    const settings = this.settings;
    let answered = 0;
    let abandoned = 0;
    let connected = 0;
    let completed = 0;
    let finishedAll = true;
    for (let r = 0; r < count; r++) {
      const outcome = this.outcomes[r];
      if (!outcome) throw new RangeError(`Replication ${r} of ${count} was not recorded`);
      answered += outcome.answered;
      abandoned += outcome.abandoned;
      connected += outcome.connected;
      completed += outcome.completed;
      finishedAll &&= outcome.finished;
    }
    const perHourEstimate = estimate(this.perHour, count, 0);
    const occupancyEstimate = estimate(this.occupancy, count, 0, 1);
    const abandonmentEstimate = estimate(this.abandonment, count, 0, 1);
    const hoursEstimate = estimate(this.hours, count, 0);
    return {
      settings,
      replications: count,
      contactsPerHour: perHourEstimate.mean,
      contactsPerHourCi95: perHourEstimate.ci95,
      connectsPerHour: hoursEstimate.mean > 0 ? connected / count / hoursEstimate.mean : 0,
      agentOccupancy: occupancyEstimate.mean,
      agentOccupancyCi95: occupancyEstimate.ci95,
      abandonmentRate: abandonmentEstimate.mean,
      abandonmentCi95: abandonmentEstimate.ci95,
      answered: answered / count,
      abandoned: abandoned / count,
      connected: connected / count,
      listCompleted: finishedAll,
      completedFraction: completed / count / settings.contacts,
      hoursToCompleteList: finishedAll ? hoursEstimate.mean : null,
      hoursToCompleteListCi95: finishedAll ? hoursEstimate.ci95 : null,
      daysToCompleteList: finishedAll ? hoursEstimate.mean / settings.callingWindowHoursPerDay : null,
      completionCurve: completions.curve(count * settings.contacts),
    };
  }
}
