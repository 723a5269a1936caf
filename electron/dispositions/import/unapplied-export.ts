import { stringify } from 'csv-stringify/sync';
import type { ImportReport } from '../../../shared/dispositions/import-report';

/** Every row that was not applied, with its reason, as CSV (one header line, RFC 4180 quoting). */
export function unappliedRowsCsv(report: ImportReport): string {
  return stringify(
    report.problems.map((problem) => [problem.line, problem.campaignId, problem.contactId, problem.outcomeCode, problem.result, problem.reason]),
    { header: true, columns: ['line', 'campaign_id', 'contact_id', 'outcome_code', 'result', 'reason'] },
  );
}

export const unappliedExportFileName = (report: ImportReport) =>
  `${report.fileName.replace(/\.csv$/i, '').replace(/[^A-Za-z0-9._-]+/g, '-')}-not-applied.csv`;
