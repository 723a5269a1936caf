import { consoleError, fail, type Result } from '../errors';

export type SimulationProgress = { done: number; total: number };

/**
 * A long simulation as a generator: it yields progress after each replication and
 * returns its Result. Callers drive it with runSteps (synchronous) or runStepsAsync
 * (gives the event loop a turn between replications, e.g. inside a Web Worker).
 */
export type SimulationSteps<T> = Generator<SimulationProgress, Result<T>, void>;

export type SimulationControl = {
  onProgress?: (done: number, total: number) => void;
  /** Checked between replications; true stops the run with a 'cancelled' error. */
  shouldCancel?: () => boolean;
};

export type AsyncSimulationControl = SimulationControl & {
  /** Resolves when the caller is ready for the next replication (e.g. a zero-delay timer). */
  pause: () => Promise<void>;
};

const cancelled = () => consoleError('cancelled', 'The simulation was cancelled.');

export function runSteps<T>(steps: SimulationSteps<T>, control: SimulationControl = {}): Result<T> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    control.onProgress?.(step.value.done, step.value.total);
    if (control.shouldCancel?.()) {
      steps.return(fail(cancelled()));
      return fail(cancelled());
    }
  }
}

export async function runStepsAsync<T>(steps: SimulationSteps<T>, control: AsyncSimulationControl): Promise<Result<T>> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    control.onProgress?.(step.value.done, step.value.total);
    await control.pause();
    if (control.shouldCancel?.()) {
      steps.return(fail(cancelled()));
      return fail(cancelled());
    }
  }
}

/** Runs sub-steps inside a larger run, reporting progress on the larger run's scale. */
export function* nestedSteps<T>(steps: SimulationSteps<T>, offset: number, total: number): SimulationSteps<T> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    yield { done: offset + step.value.done, total };
  }
}
