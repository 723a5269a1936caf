import { fail, ok, type Result } from '../../../shared/errors';
import type { ColumnMapping, Field } from '../../../shared/dispositions/disposition-fields';
import { missingRequiredFields, type MappingSuggestion } from '../../../shared/dispositions/column-mapping';
import type { DispositionRow, RowProblem } from '../../../shared/dispositions/disposition-row';
import { describeVerdict } from '../../../shared/dispositions/resolve-duplicates';
import { classifyDispositionFile, type ClassifyOptions } from './classify-disposition-file';
import type { FileEncoding } from './inspect-file';
import { readFailure } from './read-errors';

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

export interface ScanOptions extends ClassifyOptions {
  /** Problems kept in the summary (all are counted); default 1000. */
  maxProblems?: number;
  /** false: only count (winners and skipped stay empty), so a file of any size is checked in flat memory. */
  keepRows?: boolean;
}

/**
 * Reads, validates and de-duplicates a whole file and keeps the rows to apply.
 * Meant for files the app shows in its grid (up to ~100k rows); for bigger ones,
 * iterate classifyDispositionFile, which holds no rows.
 */
export async function scanDispositionFile(path: string, options: ScanOptions): Promise<Result<ScanSummary>> {
  const { maxProblems = 1000, keepRows = true, ...classifyOptions } = options;
  const counts: ScanCounts = { rows: 0, valid: 0, invalid: 0, winners: 0, duplicates: 0, superseded: 0 };
  const problems: RowProblem[] = [];
  const winners: DispositionRow[] = [];
  const skipped: SkippedRow[] = [];
  let problemCount = 0;
  let contentHash = '';
  let unread: ScanSummary['unread'] = null;
  let header: Omit<ScanSummary, 'path' | 'contentHash' | 'counts' | 'problems' | 'problemCount' | 'winners' | 'skipped' | 'unread'> | undefined;

  try {
    for await (const event of classifyDispositionFile(path, { ...classifyOptions, onContentHash: (sha256) => (contentHash = sha256) })) {
      if (event.type === 'header') {
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
      if (event.type === 'unread') {
        unread = { line: event.line, lastLine: event.lastLine, message: event.message };
        continue;
      }
      counts.rows += 1;
      if (event.kind === 'invalid') {
        counts.invalid += 1;
        problemCount += event.problems.length;
        problems.push(...event.problems.slice(0, Math.max(0, maxProblems - problems.length)));
        continue;
      }
      counts.valid += 1;
      if (event.kind === 'winner') {
        counts.winners += 1;
        if (keepRows) winners.push(event.row);
        continue;
      }
      const verdict = event.kind === 'duplicate' ? { kind: event.kind, of: event.of } : { kind: event.kind, by: event.by };
      counts[event.kind === 'duplicate' ? 'duplicates' : 'superseded'] += 1;
      if (!keepRows) continue;
      skipped.push({
        line: event.line,
        campaignId: event.row.campaignId,
        contactId: event.row.contactId,
        outcomeCode: event.row.outcomeCode,
        kind: event.kind,
        winnerLine: event.kind === 'duplicate' ? event.of : event.by,
        reason: `Line ${event.line}: ${describeVerdict(verdict) ?? ''}`,
      });
    }
  } catch (thrown) {
    return fail(readFailure(thrown, path));
  }
  if (header === undefined) return fail(readFailure(new Error('The file has no header line.'), path));
  return ok({ path, contentHash, ...header, counts, problems, problemCount, unread, winners, skipped });
}
