import { emptyImportCounts, type ImportJobSpec, type ImportJobState, type ImportJobSummary } from '../../../shared/dispositions/import-job';
import type { JournalReplay } from './journal-records';

/** What a job's journal says about it, without running anything. */
export function summarizeJob(spec: ImportJobSpec, replay: JournalReplay, active: ImportJobState | null): ImportJobSummary {
  const counts = emptyImportCounts();
  for (const held of spec.heldBack) counts[held.kind] += 1;
  for (const record of replay.rows.values()) counts[record.result] += 1;
  counts.pending = spec.rows.length - replay.rows.size;
  const state: ImportJobState =
    active ??
    (replay.lastState === 'finished' || replay.lastState === 'cancelled' || replay.lastState === 'paused' ? replay.lastState : 'interrupted');
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
