import { buildSimulationReport, type SimulationRequest } from './simulation-report';

export type CampaignReportBench = { contacts: 10000; replications: 200; settingsSimulated: number; ms: number };

/**
 * Times what a lead waits for on the wizard's Simulate step at the reference size
 * (10,000 contacts × 200 replications per setting): the dial-ratio sweep, the agent
 * counts and both completion curves. Printed by `npm run bench`, never asserted.
 */
export function benchCampaignReport(clock: () => number): CampaignReportBench {
  const request: SimulationRequest = {
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
  let total = 0;
  const started = clock();
  const result = buildSimulationReport(request, { onProgress: (progress) => (total = progress.total) });
  const ms = clock() - started;
  if (!result.ok) throw new Error(`The campaign report bench inputs are invalid: ${result.error.message}`);
  return { contacts: 10_000, replications: 200, settingsSimulated: total / request.replications, ms };
}
