import type { ReplicationExecutor } from '../../shared/simulation/adaptive-driver';
import { buildAdaptiveReport, buildSimulationReport } from '../../shared/new-campaign/simulation-report';
import type { SimulationReport, SimulationRequest } from '../../shared/new-campaign/simulation-report-schema';

export type CampaignReportBench = { settingsSimulated: number; replicationsRun: number; recommendedDialRatio: number | null; ms: number };

/** The wizard's reference size: 10,000 contacts, at most 200 replications per setting. */
export const benchReportRequest: SimulationRequest = {
  contacts: 10_000,
  agents: 25,
  answerRate: 0.3,
  talkSeconds: 180,
  wrapUpSeconds: 30,
  maxCallsPerHour: 1_500,
  callingHoursPerDay: 8,
  serviceLevel: 0.8,
  targetSeconds: 20,
  replications: 200,
  seed: 1,
};

const figuresOf = (report: SimulationReport, ms: number): CampaignReportBench => ({
  settingsSimulated: report.settingsSimulated,
  replicationsRun: report.replicationsRun,
  recommendedDialRatio: report.recommendedDialRatio,
  ms,
});

/**
 * Times what a lead waited for on the Simulate step before the adaptive report: every
 * setting to all 200 replications, one after another on one thread. Printed by `npm run bench`, never asserted.
 */
export function benchCampaignReport(clock: () => number): CampaignReportBench {
  const started = clock();
  const result = buildSimulationReport(benchReportRequest);
  const ms = clock() - started;
  if (!result.ok) throw new Error(`The campaign report bench inputs are invalid: ${result.error.message}`);
  return figuresOf(result.value, ms);
}

/** Times the adaptive report (what the wizard runs) on the given executor. */
export async function benchAdaptiveReport(clock: () => number, executor: ReplicationExecutor): Promise<CampaignReportBench> {
  const started = clock();
  const result = await buildAdaptiveReport(benchReportRequest, executor);
  const ms = clock() - started;
  if (!result.ok) throw new Error(`The campaign report bench inputs are invalid: ${result.error.message}`);
  return figuresOf(result.value, ms);
}
