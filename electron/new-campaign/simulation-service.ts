import { ConsoleFailure } from '../../shared/errors';
import { buildAdaptiveReport } from '../../shared/new-campaign/simulation-report';
import type { RunProgressOf } from '../../shared/runs/run-progress';
import type { RequestHandlers } from '../ipc/handlers';
import { createRunProgressReporter } from '../runs/run-progress-reporter';
import type { SimulationPool } from './simulation-pool';

type SimulationChannel = 'newCampaign:simulate' | 'newCampaign:cancelSimulation';

export interface SimulationService {
  handlers: Pick<RequestHandlers, SimulationChannel>;
  /** Cancels runs in progress and stops the worker threads. */
  dispose(): Promise<void>;
}

/** The wizard's Simulate step on the pool's worker threads: one run per id, progress as events, cancel by id. */
export function createSimulationService(options: { pool: SimulationPool; onProgress: (progress: RunProgressOf<'simulation'>) => void }): SimulationService {
  const runs = new Map<string, AbortController>();
  return {
    handlers: {
      'newCampaign:simulate': async ({ runId, request }) => {
        runs.get(runId)?.abort();
        const controller = new AbortController();
        runs.set(runId, controller);
        let stage = '';
        const reporter = createRunProgressReporter<'simulation'>({
          runId,
          kind: 'simulation',
          total: 0,
          counts: {},
          detail: () => ({ stage }),
          emit: options.onProgress,
          everyMs: 50,
        });
        try {
          const report = await buildAdaptiveReport(request, options.pool, {
            signal: controller.signal,
            onProgress: (progress) => {
              stage = progress.stage;
              reporter.setTotal(progress.total);
              reporter.update(progress.done, {});
            },
          });
          if (!report.ok) throw new ConsoleFailure(report.error);
          reporter.finish('finished');
          return report.value;
        } catch (thrown) {
          reporter.finish(controller.signal.aborted ? 'cancelled' : 'failed');
          throw thrown;
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
