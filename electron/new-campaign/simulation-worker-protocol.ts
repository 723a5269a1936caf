import type { ReplicationTask, ReplicationTaskResult } from '../../shared/simulation/replication-task';

export type ToSimulationWorker = { id: number; task: ReplicationTask };
export type FromSimulationWorker = { id: number; ok: true; result: ReplicationTaskResult } | { id: number; ok: false; message: string };
