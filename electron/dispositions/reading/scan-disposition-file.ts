import { fail, ok, type Result } from '../../../shared/errors';
import type { ColumnMapping, Field } from '../../../shared/dispositions/disposition-fields';
import { missingRequiredFields, type MappingSuggestion } from '../../../shared/dispositions/column-mapping';
import type { DispositionRow, RowProblem } from '../../../shared/dispositions/disposition-row';
import { describeVerdict } from '../../../shared/dispositions/resolve-duplicates';
import { DuplicateTally } from '../../../shared/dispositions/duplicate-tally';
import { canonicalUtcEpochMs } from '../../../shared/dispositions/disposition-timestamp';
import { plainRowCheck, type PlainRow } from '../../../shared/dispositions/plain-row';
import type { HashLanes } from '../../../shared/dispositions/row-content-hash';
import { contentLanesOfRow } from '../../../shared/dispositions/scan-content-hash';
import { readDispositionEvents, type ReadDispositionOptions } from './read-disposition-file';
import type { FileEncoding } from './inspect-file';
import { readFailure } from './read-errors';
import { PlainRowBatch } from './plain-row-batch';

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
  skipped: SkippedRow[];
}

export interface ScanOptions extends Omit<ReadDispositionOptions, 'inspection' | 'onBytes'> {
  /** Problems kept in the summary (all are counted); default 1000. */
  maxProblems?: number;
  /** false: only count (winners and skipped stay empty), so a file of any size is checked in flat memory. */
  keepRows?: boolean;
}

/**
 * Reads, validates and de-duplicates a whole file in one read after the byte census, holding
 * a few bytes per row for duplicate detection (DuplicateTally) and, with `keepRows`, the valid
 * rows. Meant for the app's grid (up to ~100k rows) and, with `keepRows: false`, for files of
 * any size (`dispositions check`). `now` is called once: rows without a timestamp all get that instant.
 */
export async function scanDispositionFile(path: string, options: ScanOptions): Promise<Result<ScanSummary>> {
  const { maxProblems = 1000, keepRows = true, ...readOptions } = options;
  const instant = options.now();
  const counts: ScanCounts = { rows: 0, valid: 0, invalid: 0, winners: 0, duplicates: 0, superseded: 0 };
  const problems: RowProblem[] = [];
  const validRows: DispositionRow[] = [];
  let tally = new DuplicateTally({ verdicts: keepRows });
  const lanes: HashLanes = { hi: 0, lo: 0 };
  const plain: PlainRow = { campaignFrom: 0, campaignTo: 0, contactFrom: 0, contactTo: 0, epochMs: 0, hi: 0, lo: 0 };
  // Counting only: plain rows go straight to the tally, without a row, an event or a second look.
  /** Plain rows not yet handed to the tally (one batch, made with the tally it feeds). */
  const batches: PlainRowBatch[] = [];
  const claimRows: ReadDispositionOptions['claimRows'] = keepRows
    ? undefined
    : (header) => {
        // Sized for the file at once: no table rebuilt or array copied as contacts arrive.
        tally = new DuplicateTally({ verdicts: false, expectedRows: header.inspection.lineCount });
        const tallied = new PlainRowBatch(tally);
        batches.push(tallied);
        const check = plainRowCheck(header.headers, header.mapping, readOptions.outcomeMatrix, instant);
        if (check === null) return null;
        return (text, record, line) => {
          if (!check(text, record, plain)) return false;
          counts.rows += 1;
          counts.valid += 1;
          tallied.add(text, plain, line);
          return true;
        };
      };
  let problemCount = 0;
  let contentHash = '';
  let unread: ScanSummary['unread'] = null;
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
            tally.observe(result.row.campaignId, result.row.contactId, result.row.line, epochMs, lanes.hi, lanes.lo);
            if (keepRows) validRows.push(result.row);
            continue;
          }
          counts.invalid += 1;
          problemCount += result.problems.length;
          if (problems.length < maxProblems) problems.push(...result.problems.slice(0, maxProblems - problems.length));
          continue;
        }
        if (event.type === 'header') {
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
    }
  } catch (thrown) {
    return fail(readFailure(thrown, path));
  }
  if (header === undefined) return fail(readFailure(new Error('The file has no header line.'), path));
  for (const batch of batches) batch.flush();
  Object.assign(counts, tally.counts());
  const winners: DispositionRow[] = [];
  const skipped: SkippedRow[] = [];
  validRows.forEach((row, index) => {
    const verdict = tally.verdict(index);
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
  return ok({ path, contentHash, ...header, counts, problems, problemCount, unread, winners, skipped });
}

/** A valid row's timestamp (always ISO in UTC) in epoch milliseconds. */
function timestampMs(iso: string): number {
  const canonical = canonicalUtcEpochMs(iso);
  return Number.isNaN(canonical) ? Date.parse(iso) : canonical;
}
