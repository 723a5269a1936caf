import type { FromSimulationWorker, SimulationProgress, SimulationReport, SimulationRequest } from './simulation-protocol';

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

/** One worker per run: cancelling terminates it, so a long run stops at once. */
export function runSimulation(request: SimulationRequest, onProgress: (progress: SimulationProgress) => void): SimulationJob {
  const worker = new Worker(new URL('./simulation.worker.ts', import.meta.url), { type: 'module' });
  let settle: { reject(error: Error): void } | null = null;
  const result = new Promise<SimulationReport>((resolve, reject) => {
    settle = { reject };
    worker.addEventListener('message', (event: MessageEvent<FromSimulationWorker>) => {
      const message = event.data;
      if (message.type === 'progress') onProgress(message.progress);
      else {
        worker.terminate();
        if (message.type === 'result') resolve(message.report);
        else reject(new Error(`The simulation failed: ${message.message}`));
      }
    });
    worker.addEventListener('error', (event) => {
      worker.terminate();
      reject(new Error(`The simulation worker stopped: ${event.message || 'unknown error'}`));
    });
  });
  worker.postMessage({ type: 'run', request });
  return {
    result,
    cancel() {
      worker.terminate();
      settle?.reject(new SimulationCancelled());
    },
  };
}
