import { dirname } from 'node:path';
import type { EmergencyRecord, EmergencyRecordData, RecoveredRecord } from './emergency-record';
import { describeStorageProblem } from './storage-problem';

/**
 * The emergency record as campaign control uses it: a write that fails never stops a pause
 * or resume; the list stays in memory (and wins over the file) until a write succeeds, and
 * why it could not be written is kept as a sentence for the app and the CLI.
 */
export interface EmergencyLedger {
  read(): EmergencyRecordData;
  /** Null when written; else the sentence saying why not (the data is kept in memory). */
  write(data: EmergencyRecordData): string | null;
  /** The record's damage and write failures, one sentence each. */
  problems(): string[];
}

export function recoveredSentence(recovered: RecoveredRecord): string {
  const moved = recovered.copy.endsWith('.corrupt')
    ? `it was moved aside to ${recovered.copy} and will not be overwritten`
    : `it could not be moved aside and is left as it is at ${recovered.copy}`;
  const campaigns =
    recovered.campaigns > 0
      ? `${recovered.campaigns} campaigns it named were recovered and can be resumed with "resume what the emergency pause stopped"`
      : 'no campaign could be recovered from it: look at the copy and the Campaigns screen to see what is still paused';
  return `The emergency record was damaged (${recovered.reason}); ${moved}; ${campaigns}.`;
}

export function createEmergencyLedger(record: () => EmergencyRecord): EmergencyLedger {
  const unsaved = new WeakMap<EmergencyRecord, { data: EmergencyRecordData; problem: string }>();
  return {
    read() {
      const current = record();
      return unsaved.get(current)?.data ?? current.read();
    },
    write(data) {
      const current = record();
      try {
        current.write(data);
        unsaved.delete(current);
        return null;
      } catch (error) {
        const problem = `The emergency record could not be written: ${describeStorageProblem(error, dirname(current.path))}. The console keeps the list in memory until it can; do not close it before resuming.`;
        unsaved.set(current, { data, problem });
        return problem;
      }
    },
    problems() {
      const current = record();
      const data = unsaved.get(current)?.data ?? current.read();
      const failure = unsaved.get(current)?.problem;
      return [...(data.recovered ? [recoveredSentence(data.recovered)] : []), ...(failure ? [failure] : [])];
    },
  };
}
