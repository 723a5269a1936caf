import type { CodeUnits } from '../../../shared/dispositions/code-units';
import type { ColumnMapping } from '../../../shared/dispositions/disposition-fields';
import { DuplicateTally } from '../../../shared/dispositions/duplicate-tally';
import { plainRowContent, plainRowLayout, type PlainRow } from '../../../shared/dispositions/plain-row';
import { PlainRowBatch } from './plain-row-batch';

export interface DuplicateCounts {
  winners: number;
  duplicates: number;
  superseded: number;
}

/** What a counting tally is told about the file before its first row. */
export interface CountingTallyStart {
  headers: readonly string[];
  mapping: ColumnMapping;
  /** About how many rows there will be (the file's line count): the contact table is sized once. */
  expectedRows: number;
}

/**
 * Duplicate detection for a scan that only counts (`dispositions check`): valid rows in any order,
 * then the counts. Plain rows come as the bounds of their values in the text they were read from
 * (the validator has checked them); the tally hashes their content itself. In this thread
 * (createCountingTally) or in a worker thread of its own (tally-worker-client.ts).
 */
export interface CountingTally {
  readonly inWorker: boolean;
  /** A row plainRowValidator said yes to: its values' bounds are at[base, base + 3 × columns). */
  addPlain(text: CodeUnits, at: Int32Array, base: number, line: number, epochMs: number): void;
  /** A valid row the full check built, with its content hash (contentLanesOfRow). */
  observe(campaignId: string, contactId: string, line: number, epochMs: number, hashHi: number, hashLo: number): void;
  /** Hands every plain row given so far to the tally: the texts they were read from may change after. */
  flush(): void;
  /** Null when the tally can take more at once; otherwise resolves when it can (a worker's queue has drained). */
  ready(): Promise<void> | null;
  counts(): Promise<DuplicateCounts>;
  /** Frees what the tally holds; safe to call more than once, and after a failure. */
  close(): void;
}

/** The tally in this thread. */
export function createCountingTally(start: CountingTallyStart): CountingTally {
  const tally = new DuplicateTally({ verdicts: false, expectedRows: start.expectedRows });
  const batch = new PlainRowBatch(tally);
  const layout = plainRowLayout(start.headers, start.mapping);
  const content = layout === null ? null : plainRowContent(layout);
  const contact = layout?.contact ?? 0;
  const campaign = layout?.campaign ?? 0;
  const plain: PlainRow = { campaignFrom: 0, campaignTo: 0, contactFrom: 0, contactTo: 0, epochMs: 0, hi: 0, lo: 0 };
  return {
    inWorker: false,
    addPlain(text, at, base, line, epochMs) {
      if (content === null) throw new Error('A plain row was given to a tally whose mapping lacks a required field.');
      content(text, at, base, epochMs, plain);
      plain.contactFrom = at[base + contact] as number;
      plain.contactTo = at[base + contact + 1] as number;
      plain.campaignFrom = at[base + campaign] as number;
      plain.campaignTo = at[base + campaign + 1] as number;
      plain.epochMs = epochMs;
      batch.add(text, plain, line);
    },
    observe(campaignId, contactId, line, epochMs, hashHi, hashLo) {
      tally.observe(campaignId, contactId, line, epochMs, hashHi, hashLo);
    },
    flush: () => batch.flush(),
    ready: () => null,
    counts() {
      batch.flush();
      return Promise.resolve(tally.counts());
    },
    close() {},
  };
}
