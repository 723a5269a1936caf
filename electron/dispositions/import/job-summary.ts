import { emptyImportCounts, type ImportJobSpec, type ImportJobState, type ImportJobSummary } from '../../../shared/dispositions/import-job';
import type { JournalReplay } from './journal-records';

/** What a job's journal says about a job that is not running now. */
export function summarizeJob(spec: ImportJobSpec, replay: JournalReplay): ImportJobSummary {
  const counts = emptyImportCounts();
  for (const held of spec.heldBack) counts[held.kind] += 1;
  for (const record of replay.rows.values()) counts[record.result] += 1;
  counts.pending = spec.rows.length - replay.rows.size;
  counts.waitingBusy = replay.busy.size;
  const state: ImportJobState =
    replay.lastState === 'finished' || replay.lastState === 'cancelled' || replay.lastState === 'paused' ? replay.lastState : 'interrupted';
  return {
    id: spec.contentHash,
    contentHash: spec.contentHash,
    fileName: spec.fileName,
    state,
    startedAt: replay.start?.at ?? '',
    finishedAt: replay.finishedAt,
    total: spec.rows.length + spec.heldBack.length,
    counts,
  };
}
