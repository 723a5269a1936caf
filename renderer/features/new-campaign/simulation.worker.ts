import { buildSimulationReport } from '../../../shared/new-campaign/simulation-report';
import type { FromSimulationWorker, ToSimulationWorker } from './simulation-protocol';

/** Runs the pure simulation off the UI thread; the page cancels by terminating the worker. */
interface WorkerScope {
  postMessage(message: FromSimulationWorker): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<ToSimulationWorker>) => void): void;
}
const scope = self as unknown as WorkerScope;
const post = (message: FromSimulationWorker) => scope.postMessage(message);
const progressEveryMs = 50;

scope.addEventListener('message', (event) => {
  if (event.data.type !== 'run') return;
  let lastPost = 0;
  try {
    const result = buildSimulationReport(event.data.request, {
      onProgress: (progress) => {
        const now = performance.now();
        if (now - lastPost < progressEveryMs && progress.done < progress.total) return;
        lastPost = now;
        post({ type: 'progress', progress });
      },
    });
    post(result.ok ? { type: 'result', report: result.value } : { type: 'error', message: result.error.message });
  } catch (thrown) {
    post({ type: 'error', message: thrown instanceof Error ? thrown.message : String(thrown) });
  }
});
