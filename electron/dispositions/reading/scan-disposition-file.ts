import { fail, ok, type Result } from '../../../shared/errors';
import type { ColumnMapping, Field } from '../../../shared/dispositions/disposition-fields';
import { missingRequiredFields, type MappingSuggestion } from '../../../shared/dispositions/column-mapping';
import type { DispositionRow, RowProblem } from '../../../shared/dispositions/disposition-row';
import { describeVerdict } from '../../../shared/dispositions/resolve-duplicates';
import { DuplicateTally } from '../../../shared/dispositions/duplicate-tally';
import { canonicalUtcEpochMs } from '../../../shared/dispositions/disposition-timestamp';
import { plainRowLayout, plainRowValidator, type PlainRow } from '../../../shared/dispositions/plain-row';
import type { HashLanes } from '../../../shared/dispositions/row-content-hash';
import { contentLanesOfRow } from '../../../shared/dispositions/scan-content-hash';
import { readDispositionEvents, type ReadDispositionOptions, type ReadRowEvent } from './read-disposition-file';
import type { FileEncoding } from './inspect-file';
import { readFailure } from './read-errors';
import { createCountingTally, type CountingTally } from './counting-tally';
import { createWorkerTally, tallyWorkerUrl, TallyWorkerFailure } from './tally-worker-client';

/** A valid row that will not be applied because another row about the same contact is. */
export interface SkippedRow {
  line: number;
  campaignId: string;
  contactId: string;
  outcomeCode: string;
  kind: 'duplicate' | 'superseded';
  /** The line that is applied instead. */
  winnerLine: number;
  reason: string;
}

export interface ScanCounts {
  /** Data rows (the header and blank lines not counted). */
  rows: number;
  valid: number;
  invalid: number;
  /** Valid rows to apply: one per contact. */
  winners: number;
  duplicates: number;
  superseded: number;
}

export interface ScanSummary {
  path: string;
  sizeBytes: number;
  /** sha256 of the file's bytes. */
  contentHash: string;
  encoding: FileEncoding;
  headers: string[];
  suggested: MappingSuggestion;
  /** The mapping rows were validated with. */
  mapping: ColumnMapping;
  missingRequired: Field[];
  fileProblems: string[];
  counts: ScanCounts;
  /** The first `maxProblems` row problems, in file order. */
  problems: RowProblem[];
  problemCount: number;
  /** Where the CSV could not be followed any further: lines from there on were not read. */
  unread: { line: number; lastLine: number; message: string } | null;
  /** In file order, ready to apply. */
  winners: DispositionRow[];
  /** Counting only (`keepRows: false`): where duplicates were tallied. */
  countedIn?: 'worker' | 'this-thread';
  skipped: SkippedRow[];
}

export interface ScanOptions extends Omit<ReadDispositionOptions, 'inspection' | 'onBytes'> {
  /** Problems kept in the summary (all are counted); default 1000. */
  maxProblems?: number;
  /** false: only count (winners and skipped stay empty), so a file of any size is checked in flat memory. */
  keepRows?: boolean;
  /**
   * Counting only: where duplicates are tallied. 'auto' (the default): in a worker thread for a
   * file of 4 MiB or more when the worker is built, else in this thread.
   */
  countIn?: 'auto' | 'worker' | 'this-thread';
  /** The worker thread's entry (tests); the bundled tally-worker by default. */
  tallyWorkerUrl?: URL;
  /** How long the worker may leave the scan waiting without a word before it counts as hung (tests; 10 s by default). */
  tallyWorkerStallMs?: number;
}

/** Below this a worker thread's start (tens of milliseconds, ~10 MB) costs more than it saves. */
const workerTallyMinBytes = 4 * 1024 * 1024;

/**
 * Reads, validates and de-duplicates a whole file in one read after the byte census, holding
 * a few bytes per row for duplicate detection (DuplicateTally) and, with `keepRows`, the valid
 * rows. Meant for the app's grid (up to ~100k rows) and, with `keepRows: false`, for files of
 * any size (`dispositions check`). `now` is called once: rows without a timestamp all get that instant.
 */
export async function scanDispositionFile(path: string, options: ScanOptions): Promise<Result<ScanSummary>> {
  const { maxProblems = 1000, keepRows = true, countIn = 'auto', tallyWorkerUrl: givenWorkerUrl, tallyWorkerStallMs, ...readOptions } = options;
  const instant = options.now();
  const counts: ScanCounts = { rows: 0, valid: 0, invalid: 0, winners: 0, duplicates: 0, superseded: 0 };
  const problems: RowProblem[] = [];
  const validRows: DispositionRow[] = [];
  const tally = keepRows ? new DuplicateTally({ verdicts: true }) : null;
  const lanes: HashLanes = { hi: 0, lo: 0 };
  const plain: PlainRow = { campaignFrom: 0, campaignTo: 0, contactFrom: 0, contactTo: 0, epochMs: 0, hi: 0, lo: 0 };
  // Counting only: plain rows go straight to the counting tally, without a row, an event or a second look.
  let counting = null as CountingTally | null;
  const openCounting = (header: Extract<ReadRowEvent, { type: 'header' }>): CountingTally => {
    if (counting !== null) return counting;
    const start = { columns: header.headers.length, layout: plainRowLayout(header.headers, header.mapping), expectedRows: header.inspection.lineCount };
    const workerUrl =
      countIn === 'this-thread' || (countIn === 'auto' && header.totalBytes < workerTallyMinBytes) ? null : (givenWorkerUrl ?? tallyWorkerUrl());
    if (countIn === 'worker' && workerUrl === null) throw new Error("The duplicate count's worker thread is not built: run `npm run build`.");
    counting = workerUrl === null ? createCountingTally(start) : createWorkerTally(start, workerUrl, tallyWorkerStallMs);
    return counting;
  };
  const claimRows: ReadDispositionOptions['claimRows'] = keepRows
    ? undefined
    : (header) => {
        const tallied = openCounting(header);
        const layout = plainRowLayout(header.headers, header.mapping);
        if (layout === null) return null;
        const check = plainRowValidator(layout, readOptions.outcomeMatrix, instant);
        return (text, record, line) => {
          if (!check(text, record, plain)) return false;
          counts.rows += 1;
          counts.valid += 1;
          tallied.addPlain(text, record.at, 0, line, plain.epochMs);
          return true;
        };
      };
  let problemCount = 0;
  let contentHash = '';
  let unread: ScanSummary['unread'] = null;
  let countedIn: ScanSummary['countedIn'];
  let header: Omit<ScanSummary, 'path' | 'contentHash' | 'counts' | 'problems' | 'problemCount' | 'winners' | 'skipped' | 'unread'> | undefined;

  try {
    for await (const events of readDispositionEvents(path, { ...readOptions, now: () => instant, claimRows })) {
      for (const event of events) {
        if (event.type === 'row') {
          counts.rows += 1;
          const { result } = event;
          if (result.ok) {
            counts.valid += 1;
            const epochMs = timestampMs(result.row.dispositionTimestamp);
            // The same content hash the plain rows get (scan-content-hash.ts): only this scan compares it.
            contentLanesOfRow(result.row, epochMs, lanes);
            if (tally !== null) {
              tally.observe(result.row.campaignId, result.row.contactId, result.row.line, epochMs, lanes.hi, lanes.lo);
              validRows.push(result.row);
            } else counting?.observe(result.row.campaignId, result.row.contactId, result.row.line, epochMs, lanes.hi, lanes.lo);
            continue;
          }
          counts.invalid += 1;
          problemCount += result.problems.length;
          if (problems.length < maxProblems) problems.push(...result.problems.slice(0, maxProblems - problems.length));
          continue;
        }
        if (event.type === 'header') {
          if (!keepRows) openCounting(event);
          contentHash = event.inspection.sha256;
          header = {
            sizeBytes: event.totalBytes,
            encoding: event.encoding,
            headers: event.headers,
            suggested: event.suggested,
            mapping: event.mapping,
            missingRequired: missingRequiredFields(event.mapping),
            fileProblems: event.fileProblems,
          };
          continue;
        }
        unread = { line: event.line, lastLine: event.lastLine, message: event.message };
      }
      const waiting = counting?.ready();
      if (waiting) await waiting;
    }
    if (header === undefined) return fail(readFailure(new Error('The file has no header line.'), path));
    if (tally !== null) Object.assign(counts, tally.counts());
    else if (counting !== null) {
      Object.assign(counts, await counting.counts());
      countedIn = counting.inWorker ? 'worker' : 'this-thread';
    }
  } catch (thrown) {
    // The worker thread is lost with what it had tallied: count again, in this thread.
    if (thrown instanceof TallyWorkerFailure) return scanDispositionFile(path, { ...options, countIn: 'this-thread' });
    return fail(readFailure(thrown, path));
  } finally {
    counting?.close();
  }
  const winners: DispositionRow[] = [];
  const skipped: SkippedRow[] = [];
  validRows.forEach((row, index) => {
    const verdict = (tally as DuplicateTally).verdict(index);
    if (verdict.kind === 'winner') {
      winners.push(row);
      return;
    }
    skipped.push({
      line: row.line,
      campaignId: row.campaignId,
      contactId: row.contactId,
      outcomeCode: row.outcomeCode,
      kind: verdict.kind,
      winnerLine: verdict.kind === 'duplicate' ? verdict.of : verdict.by,
      reason: `Line ${row.line}: ${describeVerdict(verdict) ?? ''}`,
    });
  });
  return ok({ path, contentHash, ...header, counts, problems, problemCount, unread, winners, skipped, ...(countedIn ? { countedIn } : {}) });
}

/** A valid row's timestamp (always ISO in UTC) in epoch milliseconds. */
function timestampMs(iso: string): number {
  const canonical = canonicalUtcEpochMs(iso);
  return Number.isNaN(canonical) ? Date.parse(iso) : canonical;
}
