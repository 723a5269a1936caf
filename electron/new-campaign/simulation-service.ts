import { ConsoleFailure } from '../../shared/errors';
import { buildAdaptiveReport, type ReportProgress } from '../../shared/new-campaign/simulation-report';
import type { RequestHandlers } from '../ipc/handlers';
import type { SimulationPool } from './simulation-pool';

type SimulationChannel = 'newCampaign:simulate' | 'newCampaign:cancelSimulation';

export interface SimulationService {
  handlers: Pick<RequestHandlers, SimulationChannel>;
  /** Cancels runs in progress and stops the worker threads. */
  dispose(): Promise<void>;
}

const progressEveryMs = 50;

/** The wizard's Simulate step on the pool's worker threads: one run per id, progress as events, cancel by id. */
export function createSimulationService(options: {
  pool: SimulationPool;
  onProgress: (progress: ReportProgress & { runId: string }) => void;
}): SimulationService {
  const runs = new Map<string, AbortController>();
  return {
    handlers: {
      'newCampaign:simulate': async ({ runId, request }) => {
        runs.get(runId)?.abort();
        const controller = new AbortController();
        runs.set(runId, controller);
        let lastSent = 0;
        try {
          const report = await buildAdaptiveReport(request, options.pool, {
            signal: controller.signal,
            onProgress: (progress) => {
              const now = performance.now();
              if (now - lastSent < progressEveryMs && progress.done < progress.total) return;
              lastSent = now;
              options.onProgress({ runId, ...progress });
            },
          });
          if (!report.ok) throw new ConsoleFailure(report.error);
          return report.value;
        } finally {
          if (runs.get(runId) === controller) runs.delete(runId);
        }
      },
      'newCampaign:cancelSimulation': async ({ runId }) => {
        const run = runs.get(runId);
        run?.abort();
        return { cancelled: run !== undefined };
      },
    },
    async dispose() {
      for (const run of runs.values()) run.abort();
      runs.clear();
      await options.pool.close();
    },
  };
}
