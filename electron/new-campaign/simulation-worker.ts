// A worker thread of the simulation pool: runs replication tasks, one at a time, as they come.
import { parentPort } from 'node:worker_threads';
import { runReplicationTask } from '../../shared/simulation/replication-task';
import type { FromSimulationWorker, ToSimulationWorker } from './simulation-worker-protocol';

const port = parentPort;
if (!port) throw new Error('simulation-worker runs only as a worker thread');

port.on('message', ({ id, task }: ToSimulationWorker) => {
  let reply: FromSimulationWorker;
  try {
    reply = { id, ok: true, result: runReplicationTask(task) };
  } catch (thrown) {
    reply = { id, ok: false, message: thrown instanceof Error ? thrown.message : String(thrown) };
  }
  const transfer = reply.ok
    ? [...reply.result.outcomes, ...reply.result.completions.map((histogram) => histogram.counts)].map((array) => array.buffer as ArrayBuffer)
    : [];
  port.postMessage(reply, transfer);
});
