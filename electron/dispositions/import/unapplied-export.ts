import { stringify } from 'csv-stringify/sync';
import type { ImportReport } from '../../../shared/dispositions/import-report';
import { spreadsheetSafeCell as safe } from '../../files/spreadsheet-safe-cell';

/** Every row that was not applied, with its reason, as CSV (one header line, RFC 4180 quoting). */
export function unappliedRowsCsv(report: ImportReport): string {
  return stringify(
    report.problems.map((problem) => [
      problem.line,
      safe(problem.campaignId),
      safe(problem.contactId),
      safe(problem.outcomeCode),
      problem.result,
      safe(problem.reason),
    ]),
    { header: true, columns: ['line', 'campaign_id', 'contact_id', 'outcome_code', 'result', 'reason'] },
  );
}

export const unappliedExportFileName = (report: ImportReport) => `${report.fileName.replace(/\.csv$/i, '').replace(/[^A-Za-z0-9._-]+/g, '-')}-not-applied.csv`;
