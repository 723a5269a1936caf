import { ConsoleFailure } from '../../shared/errors';
import { simulateDialer } from '../../shared/simulation/dialer-model';

export type SimulationBench = { contacts: 10000; replications: 200; ms: number };

/** Times the reference workload (10,000 contacts × 200 replications, predictive). Printed by `npm run bench`, never asserted. */
export function benchSimulation(clock: () => number): SimulationBench {
  const started = clock();
  const result = simulateDialer({
    contacts: 10_000,
    agents: 25,
    dialerType: 'predictive',
    dialRatio: 1.6,
    answerRate: 0.3,
    ringSecondsMean: 12,
    noAnswerTimeoutSeconds: 25,
    ahtSeconds: 180,
    wrapUpSeconds: 30,
    callingWindowHoursPerDay: 8,
    replications: 200,
    seed: 1,
  });
  const ms = clock() - started;
  if (!result.ok) throw new ConsoleFailure(result.error);
  return { contacts: 10_000, replications: 200, ms };
}
