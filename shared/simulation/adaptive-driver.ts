import { consoleError, fail, ok, toConsoleError, type Result } from '../errors';
import { AdaptiveRun, type AdaptiveProgress, type AdaptiveSetting } from './adaptive-run';
import type { DialerSimulationResult } from './dialer-model';
import { runReplicationTask, type ReplicationTask, type ReplicationTaskResult } from './replication-task';

/** The part of an AbortSignal the simulation needs (shared/ has no DOM or Node types). */
export type CancelSignal = {
  readonly aborted: boolean;
  addEventListener(type: 'abort', listener: () => void): void;
  removeEventListener(type: 'abort', listener: () => void): void;
};

const neverCancelled: CancelSignal = { aborted: false, addEventListener: () => undefined, removeEventListener: () => undefined };

/** Where replication tasks run: this thread, or a pool of worker threads (electron/). */
export interface ReplicationExecutor {
  /** How many tasks it runs at once. */
  readonly parallelism: number;
  /** Runs one task; an aborted signal may reject it. */
  execute(task: ReplicationTask, signal: CancelSignal): Promise<ReplicationTaskResult>;
}

/** Runs tasks one after another on the calling thread (tests, and the reference for the pool). */
export const inlineExecutor: ReplicationExecutor = {
  parallelism: 1,
  execute: async (task) => runReplicationTask(task),
};

export type AdaptiveControl = {
  onProgress?: (progress: AdaptiveProgress) => void;
  signal?: CancelSignal;
  /** Size of a task in contacts × settings × replications (smaller: more, shorter tasks). */
  contactRunsPerTask?: number;
};

const cancelled = () => fail(consoleError('cancelled', 'The simulation was cancelled.'));

/** Runs the settings to their precision target on the executor, keeping it busy, and stops when the signal aborts. */
export async function runAdaptively(
  settings: readonly AdaptiveSetting[],
  executor: ReplicationExecutor,
  control: AdaptiveControl = {},
): Promise<Result<DialerSimulationResult[]>> {
  const run = new AdaptiveRun(settings, executor.parallelism, control.contactRunsPerTask);
  const signal = control.signal ?? neverCancelled;
  const inFlight = new Set<Promise<void>>();
  let failure: unknown = null;
  while (!run.finished) {
    if (signal.aborted) return cancelled();
    if (failure !== null) return fail(toConsoleError(failure));
    for (
      let issued = inFlight.size < executor.parallelism ? run.nextTask() : null;
      issued;
      issued = inFlight.size < executor.parallelism ? run.nextTask() : null
    ) {
      const { id, task } = issued;
      const done: Promise<void> = executor.execute(task, signal).then(
        (result) => {
          inFlight.delete(done);
          if (signal.aborted || failure !== null) return;
          run.accept(id, result);
          control.onProgress?.(run.progress());
        },
        (thrown: unknown) => {
          inFlight.delete(done);
          failure ??= thrown;
        },
      );
      inFlight.add(done);
    }
    if (inFlight.size === 0) {
      if (run.finished) break;
      return fail(consoleError('internal', 'The simulation stalled with no work left to run.'));
    }
    await Promise.race(inFlight);
  }
  if (signal.aborted) return cancelled();
  return ok(run.results());
}
