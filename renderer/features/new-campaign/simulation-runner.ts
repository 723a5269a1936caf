import { ApiError, type ConsoleApi } from '../../api';
import type { SimulationProgress, SimulationReport, SimulationRequest } from './simulation-protocol';

export interface SimulationJob {
  result: Promise<SimulationReport>;
  cancel(): void;
}

export class SimulationCancelled extends Error {
  constructor() {
    super('The simulation was cancelled.');
    this.name = 'SimulationCancelled';
  }
}

let lastRun = 0;

/** Runs the report on the main process's worker threads; progress arrives as events for this run's id. */
export function runSimulation(api: ConsoleApi, request: SimulationRequest, onProgress: (progress: SimulationProgress) => void): SimulationJob {
  const runId = `sim-${Date.now().toString(36)}-${++lastRun}`;
  const unsubscribe = api.on('newCampaign:simulationProgress', ({ runId: of, ...progress }) => {
    if (of === runId) onProgress(progress);
  });
  const result = api
    .call('newCampaign:simulate', { runId, request })
    .catch((thrown: unknown) => {
      if (thrown instanceof ApiError && thrown.error.kind === 'cancelled') throw new SimulationCancelled();
      throw thrown;
    })
    .finally(unsubscribe);
  return {
    result,
    cancel() {
      void api.call('newCampaign:cancelSimulation', { runId }).catch(() => undefined);
    },
  };
}
