import * as z from 'zod';

/**
 * The import journal is append-only JSONL, one record a line. A row's result
 * record is fsynced before the row counts as done; `sending` is written (not
 * synced) just before the PATCH so a resumed run knows to check the contact.
 */
export const journalRecordSchema = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('start'),
    at: z.string(),
    jobId: z.string(),
    contentHash: z.string(),
    fileName: z.string(),
    toApply: z.number().int(),
    heldBack: z.number().int(),
  }),
  z.object({ type: z.literal('sending'), at: z.string(), key: z.string(), line: z.number().int() }),
  z.object({
    type: z.literal('row'),
    at: z.string(),
    key: z.string(),
    line: z.number().int(),
    result: z.enum(['applied', 'noop', 'failed']),
    reason: z.string().optional(),
    latencyMs: z.number(),
    attempts: z.number().int(),
    /** The number a DO_NOT_CALL row put on the suppression list. */
    suppressedPhone: z.string().optional(),
    notified: z.boolean().optional(),
    /** An applied row's side effect that did not happen (suppression list, CRM notification). */
    warnings: z.array(z.string()).optional(),
  }),
  /** The run ended while this row's contact was on a call: not applied, kept for `retryBusy`. */
  z.object({ type: z.literal('busy'), at: z.string(), key: z.string(), line: z.number().int(), reason: z.string(), attempts: z.number().int() }),
  z.object({
    type: z.literal('state'),
    at: z.string(),
    state: z.enum(['running', 'paused', 'finished', 'cancelled']),
    reason: z.string().optional(),
  }),
]);
export type JournalRecord = z.infer<typeof journalRecordSchema>;
export type RowRecord = Extract<JournalRecord, { type: 'row' }>;
export type StartRecord = Extract<JournalRecord, { type: 'start' }>;

/** Parses journal text; a torn last line (the process died mid-write) is ignored. */
export function parseJournal(text: string): JournalRecord[] {
  const records: JournalRecord[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    try {
      const parsed = journalRecordSchema.safeParse(JSON.parse(line));
      if (parsed.success) records.push(parsed.data);
    } catch {
      // torn write
    }
  }
  return records;
}

export interface JournalReplay {
  start: StartRecord | null;
  /** The last state written; `running` with no end record means the run was interrupted. */
  lastState: 'running' | 'paused' | 'finished' | 'cancelled' | null;
  finishedAt: string | null;
  rows: Map<string, RowRecord>;
  sending: Set<string>;
  /** Rows left waiting (contact on a call) with no result since. */
  busy: Set<string>;
}

/** Folds the records into what a run needs to resume: which rows are confirmed, which were in flight. */
export function replayJournal(records: readonly JournalRecord[]): JournalReplay {
  const replay: JournalReplay = { start: null, lastState: null, finishedAt: null, rows: new Map(), sending: new Set(), busy: new Set() };
  for (const record of records) {
    switch (record.type) {
      case 'start':
        replay.start = record;
        replay.lastState = 'running';
        break;
      case 'sending':
        replay.sending.add(record.key);
        break;
      case 'row':
        // A failed row may be tried again by a later resume; a success is final.
        if (replay.rows.get(record.key)?.result !== 'applied') replay.rows.set(record.key, record);
        replay.sending.delete(record.key);
        replay.busy.delete(record.key);
        break;
      case 'busy':
        if (!replay.rows.has(record.key)) replay.busy.add(record.key);
        break;
      case 'state':
        replay.lastState = record.state;
        replay.finishedAt = record.state === 'finished' || record.state === 'cancelled' ? record.at : null;
        break;
    }
  }
  return replay;
}
