import type { ImportCounts, ImportJobSpec, ImportJobState } from '../../../shared/dispositions/import-job';
import { percentile, type ImportProblem, type ImportReport, type ImportWarning, type SuppressedNumber } from '../../../shared/dispositions/import-report';

export interface ImportReportInput {
  jobId: string;
  spec: Pick<ImportJobSpec, 'contentHash' | 'fileName' | 'rows' | 'heldBack'>;
  state: ImportJobState;
  startedAt: string;
  finishedAt: string | null;
  counts: ImportCounts;
  latencies: readonly number[];
  suppressed: readonly SuppressedNumber[];
  notificationsQueued: number;
  problems: readonly ImportProblem[];
  warnings: readonly ImportWarning[];
  wallMs: number;
  dryRun: boolean;
}

const rounded = (value: number | null) => (value === null ? null : Math.round(value * 10) / 10);

export function buildImportReport(input: ImportReportInput): ImportReport {
  return {
    jobId: input.jobId,
    contentHash: input.spec.contentHash,
    fileName: input.spec.fileName,
    dryRun: input.dryRun,
    state: input.state,
    startedAt: input.startedAt,
    finishedAt: input.finishedAt,
    total: input.spec.rows.length + input.spec.heldBack.length,
    counts: input.counts,
    latencyMs: { p50: rounded(percentile(input.latencies, 50)), p95: rounded(percentile(input.latencies, 95)) },
    wallMs: Math.round(input.wallMs),
    suppressed: [...input.suppressed].sort((a, b) => a.line - b.line),
    notificationsQueued: input.notificationsQueued,
    problems: [...input.problems].sort((a, b) => a.line - b.line),
    warnings: [...input.warnings].sort((a, b) => a.line - b.line),
  };
}
