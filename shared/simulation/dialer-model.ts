import { ok, type Result } from '../errors';
import { CompletionHistogram, type CompletionPoint } from './completion-histogram';
import { DialerReplication } from './dialer-replication';
import { dialerInputSchema, type DialerInput, type DialerSettings } from './schemas';
import { ReplicationRecords } from './replication-records';
import { runSteps, type SimulationControl, type SimulationSteps } from './steps';
import { parseInputs } from './validation';

export type Interval = [number, number];

/** Means over replications, with 95% t-intervals from the replication spread. */
export type DialerSimulationResult = {
  /** The inputs as simulated, defaults filled in. */
  settings: DialerSettings;
  replications: number;
  /** List records worked (dialled to an outcome) per calling hour. */
  contactsPerHour: number;
  contactsPerHourCi95: Interval;
  /** Answered calls put through to an agent per calling hour. */
  connectsPerHour: number;
  /** Share of agent time spent previewing, talking or wrapping up. */
  agentOccupancy: number;
  agentOccupancyCi95: Interval;
  /** Abandoned ÷ answered, the measure of the 3% rule. */
  abandonmentRate: number;
  abandonmentCi95: Interval;
  answered: number;
  abandoned: number;
  connected: number;
  /** True when every replication worked the whole list within maxSimulatedHours. */
  listCompleted: boolean;
  /** Mean share of the list worked when the run ended (1 when listCompleted). */
  completedFraction: number;
  /** Calling hours to work the whole list; null when the time limit stopped a replication first. */
  hoursToCompleteList: number | null;
  hoursToCompleteListCi95: Interval | null;
  /** hoursToCompleteList ÷ callingWindowHoursPerDay (fractional calling days). */
  daysToCompleteList: number | null;
  /** Mean share of the list worked by each calling hour, from 0; monotone. */
  completionCurve: CompletionPoint[];
};

/** Runs the replications of one setting and aggregates them. */
export function* simulateSettingsSteps(settings: DialerSettings): SimulationSteps<DialerSimulationResult> {
  const count = settings.replications;
  const replication = new DialerReplication(settings);
  const histogram = new CompletionHistogram();
  const records = new ReplicationRecords(settings, count);
  for (let r = 0; r < count; r++) {
    records.record(r, replication.run(r, histogram));
    yield { done: r + 1, total: count };
  }
  return ok(records.summarise(count, histogram));
}

/** Validates the inputs, then runs the Monte Carlo model step by step (one step per replication). */
export function* dialerSimulationSteps(input: DialerInput): SimulationSteps<DialerSimulationResult> {
  const parsed = parseInputs(dialerInputSchema, 'dialer simulation inputs', input);
  if (!parsed.ok) return parsed;
  return yield* simulateSettingsSteps(parsed.value);
}

/** The Monte Carlo dialer model, run to the end (or until control.shouldCancel()). */
export function simulateDialer(input: DialerInput, control?: SimulationControl): Result<DialerSimulationResult> {
  return runSteps(dialerSimulationSteps(input), control);
}
