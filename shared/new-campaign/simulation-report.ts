import { consoleError, ok, type ConsoleError, type Result } from '../errors';
import {
  agentCountSteps,
  averageSpeedOfAnswer,
  dialRatioSteps,
  dialerSimulationSteps,
  erlangC,
  serviceLevel,
  staffing,
  type CompletionPoint as ModelCompletionPoint,
  type DialerInput,
  type SimulationSteps,
} from '../simulation/index';

/** The 3% rule: abandoned calls as a share of answered calls. */
export const abandonLimit = 0.03;

/** What the wizard's Simulate step asks; every field is an input a lead can change. */
export interface SimulationRequest {
  /** Records to dial (the contact list's record count by default). */
  contacts: number;
  agents: number;
  /** Share of dials a person answers, 0..1. */
  answerRate: number;
  /** Mean talk time of a connected call, seconds. */
  talkSeconds: number;
  wrapUpSeconds: number;
  /** The campaign's max calls per hour: the dialer's ceiling, used for the Erlang C staffing. */
  maxCallsPerHour: number;
  callingHoursPerDay: number;
  /** Erlang C target: serviceLevel of answered calls reach an agent within targetSeconds. */
  serviceLevel: number;
  targetSeconds: number;
  replications: number;
  seed: number;
}

export interface RatioPoint {
  dialRatio: number;
  /** Mean abandoned share of answered calls across replications. */
  abandonRate: number;
  /** Upper end of the 95% interval: what the recommendation is judged on. */
  abandonRateHigh: number;
  occupancy: number;
  contactsPerHour: number;
}

export interface AgentsPoint {
  agents: number;
  /** Agent occupancy in the dialer simulation at the recommended pacing. */
  occupancy: number;
  /** Erlang C for the answered calls at max calls per hour: traffic ÷ agents, at most 1. */
  erlangOccupancy: number;
  /** Erlang C for the answered calls at max calls per hour. */
  serviceLevel: number;
  probabilityWaiting: number;
  /** Null when the queue never settles with this few agents. */
  asaSeconds: number | null;
}

export interface CompletionPoint {
  hours: number;
  progressive: number;
  predictive: number | null;
}

export interface PacingSummary {
  dialRatio: number;
  abandonRate: number;
  occupancy: number;
  contactsPerHour: number;
  /** Calling hours to work the whole list (null: not finished within the model's time limit). */
  completionHours: number | null;
  completionDays: number | null;
}

export interface StaffingSummary {
  callsPerHour: number;
  handleSeconds: number;
  trafficErlangs: number;
  agentsNeeded: number;
  probabilityWaiting: number;
  serviceLevel: number;
  asaSeconds: number;
  occupancy: number;
}

export interface SimulationReport {
  request: SimulationRequest;
  staffing: StaffingSummary;
  ratios: RatioPoint[];
  /** Highest dial ratio whose predicted abandonment stays under 3% (null: dial progressive). */
  recommendedDialRatio: number | null;
  progressive: PacingSummary;
  predictive: PacingSummary | null;
  throughputGain: number | null;
  agents: AgentsPoint[];
  completion: CompletionPoint[];
}

export interface ReportProgress {
  done: number;
  total: number;
  stage: string;
}

const dialerInputOf = (request: SimulationRequest, change: Partial<DialerInput> = {}): DialerInput => ({
  contacts: request.contacts,
  agents: request.agents,
  dialerType: 'predictive',
  answerRate: request.answerRate,
  ringSecondsMean: 12,
  noAnswerTimeoutSeconds: 25,
  ahtSeconds: request.talkSeconds,
  wrapUpSeconds: request.wrapUpSeconds,
  callingWindowHoursPerDay: request.callingHoursPerDay,
  replications: request.replications,
  seed: request.seed,
  ...change,
});

/** Agent counts around the allocation and the Erlang C answer, for the occupancy chart. */
export function agentCountsAround(allocated: number, needed: number): number[] {
  const low = Math.max(1, Math.min(allocated, needed) - 4);
  const high = Math.max(allocated, needed) + 4;
  const step = Math.max(1, Math.ceil((high - low) / 10));
  const counts = new Set<number>([allocated, needed].filter((n) => n >= 1 && n <= 5_000));
  for (let n = low; n <= high && n <= 5_000; n += step) counts.add(n);
  return [...counts].sort((a, b) => a - b);
}

/** Step-shaped share of the list done at `hours` (a curve is monotone, 1 after its end when finished). */
function shareAt(curve: readonly ModelCompletionPoint[], hours: number): number {
  let share = 0;
  for (const point of curve) {
    if (point.hour > hours) break;
    share = point.completedFraction;
  }
  return share;
}

export function mergeCompletion(progressive: readonly ModelCompletionPoint[], predictive: readonly ModelCompletionPoint[] | null): CompletionPoint[] {
  const hours = [...new Set([...progressive, ...(predictive ?? [])].map((point) => point.hour))].sort((a, b) => a - b);
  return hours.map((h) => ({ hours: h, progressive: shareAt(progressive, h), predictive: predictive ? shareAt(predictive, h) : null }));
}

function erlangPoint(agents: number, traffic: number, handleSeconds: number, targetSeconds: number): Omit<AgentsPoint, 'occupancy'> {
  const waiting = erlangC(agents, traffic);
  const level = serviceLevel(agents, traffic, handleSeconds, targetSeconds);
  const asa = averageSpeedOfAnswer(agents, traffic, handleSeconds);
  return {
    agents,
    erlangOccupancy: Math.min(1, traffic / agents),
    probabilityWaiting: waiting.ok ? waiting.value : 1,
    serviceLevel: level.ok ? level.value : 0,
    asaSeconds: asa.ok ? asa.value : null,
  };
}

/**
 * Staffing (Erlang C) and pacing (the dialer Monte Carlo model) for one campaign design, as
 * steps so a worker can report progress and stop between replications. Same seed, same report.
 */
export function* simulationReportSteps(request: SimulationRequest): Generator<ReportProgress, Result<SimulationReport>, void> {
  const handleSeconds = request.talkSeconds + request.wrapUpSeconds;
  const callsPerHour = request.maxCallsPerHour * request.answerRate;
  const staffed = staffing({
    calls: callsPerHour,
    intervalSeconds: 3600,
    ahtSeconds: handleSeconds,
    serviceLevelTarget: request.serviceLevel,
    targetAnswerSeconds: request.targetSeconds,
  });
  if (!staffed.ok) return staffed;

  const ratioCount = 21;
  const agentCounts = agentCountsAround(request.agents, Math.max(1, staffed.value.agents));
  const total = (ratioCount + 1 + agentCounts.length + 2) * request.replications;
  let offset = 0;
  function* stage<T>(label: string, steps: SimulationSteps<T>): Generator<ReportProgress, Result<T>, void> {
    const start = offset;
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
      offset = start + step.value.done;
      yield { done: offset, total, stage: label };
    }
  }

  const sweep = yield* stage('Dial ratio sweep', dialRatioSteps(dialerInputOf(request)));
  if (!sweep.ok) return sweep;
  const recommendation = sweep.value;
  const pacedRatio = recommendation.recommendedRatio;

  const byAgents = yield* stage(
    'Occupancy by agents',
    agentCountSteps(pacedRatio === null ? dialerInputOf(request, { dialerType: 'progressive' }) : dialerInputOf(request, { dialRatio: pacedRatio }), agentCounts),
  );
  if (!byAgents.ok) return byAgents;

  const progressiveRun = yield* stage('List completion', dialerSimulationSteps(dialerInputOf(request, { dialerType: 'progressive' })));
  if (!progressiveRun.ok) return progressiveRun;
  const predictiveRun = pacedRatio === null ? null : yield* stage('List completion', dialerSimulationSteps(dialerInputOf(request, { dialRatio: pacedRatio })));
  if (predictiveRun && !predictiveRun.ok) return predictiveRun;

  const progressive = recommendation.comparison.progressive;
  const paced = recommendation.comparison.atRecommendedRatio;
  const traffic = staffed.value.trafficErlangs;
  return ok({
    request,
    staffing: {
      callsPerHour,
      handleSeconds,
      trafficErlangs: traffic,
      agentsNeeded: staffed.value.agents,
      probabilityWaiting: staffed.value.probabilityOfWaiting,
      serviceLevel: staffed.value.serviceLevel,
      asaSeconds: staffed.value.averageSpeedOfAnswerSeconds,
      occupancy: staffed.value.occupancy,
    },
    ratios: recommendation.sweep.map((point) => ({
      dialRatio: point.ratio,
      abandonRate: point.abandonmentRate,
      abandonRateHigh: point.ci[1],
      occupancy: point.occupancy,
      contactsPerHour: point.contactsPerHour,
    })),
    recommendedDialRatio: pacedRatio,
    progressive: {
      dialRatio: 1,
      abandonRate: progressive.abandonmentRate,
      occupancy: progressive.agentOccupancy,
      contactsPerHour: progressive.contactsPerHour,
      completionHours: progressive.hoursToCompleteList,
      completionDays: progressive.daysToCompleteList,
    },
    predictive: paced
      ? {
          dialRatio: paced.dialRatio,
          abandonRate: paced.abandonmentRate,
          occupancy: paced.agentOccupancy,
          contactsPerHour: paced.contactsPerHour,
          completionHours: paced.hoursToCompleteList,
          completionDays: paced.daysToCompleteList,
        }
      : null,
    throughputGain: recommendation.comparison.throughputGainOverProgressive,
    agents: byAgents.value.map((point) => ({ ...erlangPoint(point.agents, traffic, handleSeconds, request.targetSeconds), occupancy: point.occupancy })),
    completion: mergeCompletion(progressiveRun.value.completionCurve, predictiveRun?.ok ? predictiveRun.value.completionCurve : null),
  });
}

/** Runs the steps to the end; `shouldCancel` is asked between replications. */
export function buildSimulationReport(
  request: SimulationRequest,
  control: { onProgress?: (progress: ReportProgress) => void; shouldCancel?: () => boolean } = {},
): Result<SimulationReport, ConsoleError> {
  const steps = simulationReportSteps(request);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    control.onProgress?.(step.value);
    if (control.shouldCancel?.()) return { ok: false, error: consoleError('cancelled', 'The simulation was cancelled.') };
  }
}
