import type { DialerInput } from '../../../shared/simulation';

/** A small but busy campaign: enough contention that pacing choices show in abandonment. */
export const busyCampaign: DialerInput = {
  contacts: 2_000,
  agents: 10,
  dialerType: 'predictive',
  dialRatio: 2,
  answerRate: 0.3,
  ringSecondsMean: 12,
  noAnswerTimeoutSeconds: 25,
  ahtSeconds: 180,
  handleTimeCv: 0.6,
  wrapUpSeconds: 30,
  callingWindowHoursPerDay: 8,
  replications: 30,
  seed: 20240611,
};
