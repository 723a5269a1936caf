import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { ConsoleFailure, consoleError } from '../../shared/errors';
import type { CancelSignal, ReplicationExecutor } from '../../shared/simulation/adaptive-driver';
import type { ReplicationTask, ReplicationTaskResult } from '../../shared/simulation/replication-task';
import { workerEntryUrl } from '../base/worker-entry';
import type { FromSimulationWorker, ToSimulationWorker } from './simulation-worker-protocol';

export interface SimulationPool extends ReplicationExecutor {
  /** Stops every worker; tasks still out are rejected. */
  close(): Promise<void>;
}

export interface SimulationPoolOptions {
  /** Worker threads at most (default: one per core). */
  size?: number;
  /** The bundled worker entry (simulation-worker.ts built next to the app's main bundle). */
  workerUrl?: URL;
}

/** The bundled simulation-worker.ts entry. */
export function defaultSimulationWorkerUrl(): URL {
  return workerEntryUrl('simulation-worker');
}

type Job = {
  id: number;
  task: ReplicationTask;
  signal: CancelSignal;
  resolve(result: ReplicationTaskResult): void;
  reject(error: Error): void;
  onAbort(): void;
};

type Slot = { worker: Worker; job: Job | null };

const cancelledFailure = () => new ConsoleFailure(consoleError('cancelled', 'The simulation was cancelled.'));

/**
 * Worker threads that run the simulation's replication tasks off the main thread,
 * started on first use and kept for the next run. Cancelling a running task ends its
 * worker at once (a fresh one replaces it when needed), so Cancel never waits on a task.
 */
export function createSimulationPool(options: SimulationPoolOptions = {}): SimulationPool {
  const size = Math.max(1, options.size ?? availableParallelism());
  const workerUrl = options.workerUrl ?? defaultSimulationWorkerUrl();
  const slots = new Set<Slot>();
  const queue: Job[] = [];
  let lastId = 0;
  let closed = false;

  const settle = (job: Job) => job.signal.removeEventListener('abort', job.onAbort);

  const retire = (slot: Slot) => {
    slots.delete(slot);
    void slot.worker.terminate();
  };

  const spawn = (): Slot => {
    const worker = new Worker(workerUrl);
    const slot: Slot = { worker, job: null };
    worker.on('message', (reply: FromSimulationWorker) => {
      const job = slot.job;
      if (!job || job.id !== reply.id) return;
      slot.job = null;
      worker.unref();
      settle(job);
      if (reply.ok) job.resolve(reply.result);
      else job.reject(new ConsoleFailure(consoleError('internal', `The simulation failed: ${reply.message}`)));
      pump();
    });
    const lost = (why: string) => {
      slots.delete(slot);
      const job = slot.job;
      slot.job = null;
      if (job) {
        settle(job);
        job.reject(new ConsoleFailure(consoleError('internal', `A simulation worker stopped: ${why}`)));
      }
      pump();
    };
    worker.on('error', (error) => lost(error.message));
    worker.on('exit', (code) => {
      if (slots.has(slot)) lost(`it exited with code ${code}`);
    });
    slots.add(slot);
    return slot;
  };

  function pump(): void {
    while (queue.length > 0 && !closed) {
      let slot = [...slots].find((candidate) => candidate.job === null);
      if (!slot && slots.size < size) slot = spawn();
      if (!slot) return;
      const job = queue.shift() as Job;
      slot.job = job;
      // Referenced only while busy: an idle pool never keeps the CLI or the bench from exiting.
      slot.worker.ref();
      const message: ToSimulationWorker = { id: job.id, task: job.task };
      slot.worker.postMessage(message);
    }
  }

  return {
    parallelism: size,
    execute(task, signal) {
      if (closed) return Promise.reject(new ConsoleFailure(consoleError('internal', 'The simulation pool is closed.')));
      if (signal.aborted) return Promise.reject(cancelledFailure());
      return new Promise<ReplicationTaskResult>((resolve, reject) => {
        const job: Job = {
          id: ++lastId,
          task,
          signal,
          resolve,
          reject,
          onAbort: () => {
            settle(job);
            const queued = queue.indexOf(job);
            if (queued >= 0) queue.splice(queued, 1);
            const running = [...slots].find((slot) => slot.job === job);
            if (running) retire(running);
            reject(cancelledFailure());
            pump();
          },
        };
        signal.addEventListener('abort', job.onAbort);
        queue.push(job);
        pump();
      });
    },
    async close() {
      closed = true;
      for (const job of queue.splice(0)) {
        settle(job);
        job.reject(new ConsoleFailure(consoleError('internal', 'The simulation pool is closed.')));
      }
      const workers = [...slots];
      slots.clear();
      for (const slot of workers) {
        if (slot.job) {
          settle(slot.job);
          slot.job.reject(new ConsoleFailure(consoleError('internal', 'The simulation pool is closed.')));
        }
      }
      await Promise.all(workers.map((slot) => slot.worker.terminate()));
    },
  };
}
