import { consoleError, ok, type ConsoleError, type Result } from '../errors';
import {
  agentCountPointOf,
  agentCountSteps,
  averageSpeedOfAnswer,
  dialRatioSteps,
  dialerInputSchema,
  dialerSimulationSteps,
  erlangC,
  recommendationOf,
  serviceLevel,
  staffing,
  sweepSettingsOf,
  type AgentCountPoint,
  type CompletionPoint as ModelCompletionPoint,
  type DialRatioRecommendation,
  type DialerInput,
  type DialerOutcome,
  type DialerSettings,
  type DialerSimulationResult,
  type SimulationSteps,
} from '../simulation/index';
import { runAdaptively, type CancelSignal, type ReplicationExecutor } from '../simulation/adaptive-driver';
import type { AdaptiveProgress, AdaptiveSetting } from '../simulation/adaptive-run';
import { wizardPrecision, type PrecisionTarget } from '../simulation/precision';
import { parseInputs } from '../simulation/validation';
import type {
  AgentsPoint,
  CompletionPoint,
  PacingSummary,
  ReportPrecision,
  ReportProgress,
  SimulationReport,
  SimulationRequest,
  StaffingSummary,
} from './simulation-report-schema';

export type {
  AgentsPoint,
  CompletionPoint,
  PacingSummary,
  RatioPoint,
  ReportProgress,
  SimulationReport,
  SimulationRequest,
  StaffingSummary,
} from './simulation-report-schema';

/** The 3% rule: abandoned calls as a share of answered calls. */
export const abandonLimit = 0.03;

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

function erlangPoint(
  agents: number,
  traffic: number,
  handleSeconds: number,
  targetSeconds: number,
): Omit<AgentsPoint, 'occupancy' | 'occupancyCi95' | 'replications'> {
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

type Staffed = { summary: StaffingSummary; agentCounts: number[] };

function staffingOf(request: SimulationRequest): Result<Staffed> {
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
  return ok({
    summary: {
      callsPerHour,
      handleSeconds,
      trafficErlangs: staffed.value.trafficErlangs,
      agentsNeeded: staffed.value.agents,
      probabilityWaiting: staffed.value.probabilityOfWaiting,
      serviceLevel: staffed.value.serviceLevel,
      asaSeconds: staffed.value.averageSpeedOfAnswerSeconds,
      occupancy: staffed.value.occupancy,
    },
    agentCounts: agentCountsAround(request.agents, Math.max(1, staffed.value.agents)),
  });
}

const pacingOf = (outcome: DialerOutcome): PacingSummary => ({
  dialRatio: outcome.dialRatio,
  abandonRate: outcome.abandonmentRate,
  abandonRateCi95: outcome.abandonmentCi95,
  occupancy: outcome.agentOccupancy,
  occupancyCi95: outcome.agentOccupancyCi95,
  contactsPerHour: outcome.contactsPerHour,
  contactsPerHourCi95: outcome.contactsPerHourCi95,
  completionHours: outcome.hoursToCompleteList,
  completionHoursCi95: outcome.hoursToCompleteListCi95,
  completionDays: outcome.daysToCompleteList,
  replications: outcome.replications,
});

type Simulated = {
  recommendation: DialRatioRecommendation;
  byAgents: AgentCountPoint[];
  progressiveCurve: readonly ModelCompletionPoint[];
  predictiveCurve: readonly ModelCompletionPoint[] | null;
  precision: ReportPrecision | null;
  settingsSimulated: number;
  replicationsRun: number;
};

/** The report from what was simulated: one place for both ways of running it. */
function assembleReport(request: SimulationRequest, staffed: Staffed, simulated: Simulated): SimulationReport {
  const { recommendation } = simulated;
  const { handleSeconds, trafficErlangs } = staffed.summary;
  const paced = recommendation.comparison.atRecommendedRatio;
  return {
    request,
    staffing: staffed.summary,
    ratios: recommendation.sweep.map((point) => ({
      dialRatio: point.ratio,
      abandonRate: point.abandonmentRate,
      abandonRateLow: point.ci[0],
      abandonRateHigh: point.ci[1],
      occupancy: point.occupancy,
      occupancyCi95: point.occupancyCi95,
      contactsPerHour: point.contactsPerHour,
      contactsPerHourCi95: point.contactsPerHourCi95,
      replications: point.replications,
    })),
    recommendedDialRatio: recommendation.recommendedRatio,
    progressive: { ...pacingOf(recommendation.comparison.progressive), dialRatio: 1 },
    predictive: paced ? pacingOf(paced) : null,
    throughputGain: recommendation.comparison.throughputGainOverProgressive,
    agents: simulated.byAgents.map((point): AgentsPoint => ({
      ...erlangPoint(point.agents, trafficErlangs, handleSeconds, request.targetSeconds),
      occupancy: point.occupancy,
      occupancyCi95: point.occupancyCi95,
      replications: point.replications,
    })),
    completion: mergeCompletion(simulated.progressiveCurve, simulated.predictiveCurve),
    precision: simulated.precision,
    settingsSimulated: simulated.settingsSimulated,
    replicationsRun: simulated.replicationsRun,
  };
}

/**
 * The reference: staffing (Erlang C) and pacing (the dialer Monte Carlo model) with every
 * setting run to all its replications, one after another, as steps (progress, cancel
 * between replications). The wizard runs buildAdaptiveReport, which must agree with it.
 */
export function* simulationReportSteps(request: SimulationRequest): Generator<ReportProgress, Result<SimulationReport>, void> {
  const staffed = staffingOf(request);
  if (!staffed.ok) return staffed;
  const agentCounts = staffed.value.agentCounts;
  const ratioCount = 21;
  const settingsSimulated = ratioCount + 1 + agentCounts.length + 2;
  const total = settingsSimulated * request.replications;
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
  const pacedRatio = sweep.value.recommendedRatio;

  const byAgents = yield* stage(
    'Occupancy by agents',
    agentCountSteps(
      pacedRatio === null ? dialerInputOf(request, { dialerType: 'progressive' }) : dialerInputOf(request, { dialRatio: pacedRatio }),
      agentCounts,
    ),
  );
  if (!byAgents.ok) return byAgents;

  const progressiveRun = yield* stage('List completion', dialerSimulationSteps(dialerInputOf(request, { dialerType: 'progressive' })));
  if (!progressiveRun.ok) return progressiveRun;
  const predictiveRun = pacedRatio === null ? null : yield* stage('List completion', dialerSimulationSteps(dialerInputOf(request, { dialRatio: pacedRatio })));
  if (predictiveRun && !predictiveRun.ok) return predictiveRun;

  return ok(
    assembleReport(request, staffed.value, {
      recommendation: sweep.value,
      byAgents: byAgents.value,
      progressiveCurve: progressiveRun.value.completionCurve,
      predictiveCurve: predictiveRun?.ok ? predictiveRun.value.completionCurve : null,
      precision: null,
      settingsSimulated: pacedRatio === null ? settingsSimulated - 1 : settingsSimulated,
      replicationsRun: offset,
    }),
  );
}

/** Runs the reference steps to the end; `shouldCancel` is asked between replications. */
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

/** Settings equal field by field run the same replications (same seed): simulate them once. */
const settingsKey = (settings: DialerSettings) =>
  JSON.stringify(
    Object.entries(settings)
      .filter(([, value]) => value !== undefined)
      .sort(([a], [b]) => a.localeCompare(b)),
  );

export type AdaptiveReportControl = {
  onProgress?: (progress: ReportProgress) => void;
  signal?: CancelSignal;
  contactRunsPerTask?: number;
};

/**
 * The wizard's report: the same settings and the same replications (common random
 * numbers: each replication's contacts are the same for every setting) as the
 * reference, run as tasks on the executor (a pool of worker threads in the app). Each
 * setting stops at the first checkpoint where its 95% intervals are tight and its
 * verdict against the 3% rule is clear; a setting already simulated is not run again.
 */
export async function buildAdaptiveReport(
  request: SimulationRequest,
  executor: ReplicationExecutor,
  control: AdaptiveReportControl = {},
): Promise<Result<SimulationReport>> {
  const staffed = staffingOf(request);
  if (!staffed.ok) return staffed;
  const parsed = parseInputs(dialerInputSchema, 'dialer simulation inputs', dialerInputOf(request));
  if (!parsed.ok) return parsed;
  const settings = parsed.value;
  const { agentCounts } = staffed.value;
  const sweepTarget: PrecisionTarget = { ...wizardPrecision, abandonmentLimit: abandonLimit };
  const agentsTarget: PrecisionTarget = { ...wizardPrecision, abandonmentLimit: null };
  const simulated = new Map<string, DialerSimulationResult>();
  let finishedStages = { done: 0, planned: 0 };
  let laterPlanned = agentCounts.length * settings.replications;

  const runStage = async (label: string, stageSettings: DialerSettings[], target: PrecisionTarget) => {
    const fresh = stageSettings.filter(
      (each, index) => !simulated.has(settingsKey(each)) && stageSettings.findIndex((other) => settingsKey(other) === settingsKey(each)) === index,
    );
    const onProgress = (progress: AdaptiveProgress) =>
      control.onProgress?.({
        done: finishedStages.done + progress.done,
        total: finishedStages.planned + progress.planned + laterPlanned,
        stage: label,
      });
    const entries: AdaptiveSetting[] = fresh.map((each) => ({ settings: each, target }));
    const results = await runAdaptively(entries, executor, { onProgress, signal: control.signal, contactRunsPerTask: control.contactRunsPerTask });
    if (!results.ok) return results;
    results.value.forEach((result, index) => simulated.set(settingsKey(fresh[index] as DialerSettings), result));
    const replications = results.value.reduce((sum, result) => sum + result.replications, 0);
    finishedStages = { done: finishedStages.done + replications, planned: finishedStages.planned + replications };
    return ok(stageSettings.map((each) => simulated.get(settingsKey(each)) as DialerSimulationResult));
  };

  const { progressive, paced } = sweepSettingsOf(settings);
  laterPlanned = agentCounts.length * settings.replications;
  const sweep = await runStage('Dial ratio sweep', [progressive, ...paced], sweepTarget);
  if (!sweep.ok) return sweep;
  const [progressiveResult, ...pacedResults] = sweep.value as [DialerSimulationResult, ...DialerSimulationResult[]];
  const recommendation = recommendationOf(progressiveResult, pacedResults, abandonLimit, 'predictive');
  const pacedRatio = recommendation.recommendedRatio;
  const atRecommended = pacedRatio === null ? null : (pacedResults.find((result) => result.settings.dialRatio === pacedRatio) ?? null);

  const agentsBase: DialerSettings = atRecommended ? atRecommended.settings : progressive;
  laterPlanned = 0;
  const byAgents = await runStage(
    'Occupancy by agents',
    agentCounts.map((agents) => ({ ...agentsBase, agents })),
    agentsTarget,
  );
  if (!byAgents.ok) return byAgents;

  return ok(
    assembleReport(request, staffed.value, {
      recommendation,
      byAgents: byAgents.value.map(agentCountPointOf),
      progressiveCurve: progressiveResult.completionCurve,
      predictiveCurve: atRecommended ? atRecommended.completionCurve : null,
      precision: wizardPrecision,
      settingsSimulated: simulated.size,
      replicationsRun: finishedStages.done,
    }),
  );
}
