import { ok, type Result } from '../errors';
import { CompletionHistogram, type CompletionPoint } from './completion-histogram';
import { DialerReplication } from './dialer-replication';
import { dialerInputSchema, type DialerInput, type DialerSettings } from './schemas';
import { estimate } from './statistics';
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
  const perHour = new Float64Array(count);
  const occupancy = new Float64Array(count);
  const abandonment = new Float64Array(count);
  const hours = new Float64Array(count);
  let answered = 0;
  let abandoned = 0;
  let connected = 0;
  let completed = 0;
  let finishedAll = true;

  for (let r = 0; r < count; r++) {
    const outcome = replication.run(r, histogram);
    const elapsedHours = outcome.elapsedSeconds / 3600;
    perHour[r] = elapsedHours > 0 ? outcome.completed / elapsedHours : 0;
    occupancy[r] = outcome.elapsedSeconds > 0 ? outcome.busySeconds / (settings.agents * outcome.elapsedSeconds) : 0;
    abandonment[r] = outcome.answered > 0 ? outcome.abandoned / outcome.answered : 0;
    hours[r] = elapsedHours;
    answered += outcome.answered;
    abandoned += outcome.abandoned;
    connected += outcome.connected;
    completed += outcome.completed;
    finishedAll &&= outcome.finished;
    yield { done: r + 1, total: count };
  }

  const perHourEstimate = estimate(perHour, count, 0);
  const occupancyEstimate = estimate(occupancy, count, 0, 1);
  const abandonmentEstimate = estimate(abandonment, count, 0, 1);
  const hoursEstimate = estimate(hours, count, 0);
  return ok({
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
    completionCurve: histogram.curve(count * settings.contacts),
  });
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
