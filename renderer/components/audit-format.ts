import type { AuditChainReport } from '../../shared/audit/audit-chain';
import type { AuditEntry, AuditOutcome } from '../../shared/audit/audit-entry';

const two = (value: number) => String(value).padStart(2, '0');

/** "2025-03-01 09:30:05" in local time: sortable, unambiguous, and the same width on every row. */
export function formatAuditTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}:${two(date.getSeconds())}`;
}

export const outcomeStyles: Record<AuditOutcome, { tone: 'ok' | 'warn' | 'danger' | 'info' | 'neutral'; label: string }> = {
  success: { tone: 'ok', label: 'Success' },
  already: { tone: 'info', label: 'Already so' },
  impossible: { tone: 'warn', label: 'Not possible' },
  failed: { tone: 'danger', label: 'Failed' },
  skipped: { tone: 'neutral', label: 'Skipped' },
  cancelled: { tone: 'neutral', label: 'Cancelled' },
  partial: { tone: 'warn', label: 'Partial' },
};

export const actorTypeLabels: Record<AuditEntry['actor']['type'], string> = {
  user: 'User',
  rule: 'Rule',
  import: 'Import',
  system: 'System',
  cli: 'Command line',
};

const scalar = (value: unknown): string => {
  if (value === undefined) return '—';
  if (value === null) return 'none';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
};

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * What changed, in one short line: "running → paused" when one field changed (the usual
 * status change), "a: 1 → 2; b: x → y" for several, the JSON of a side otherwise.
 */
export function describeChange(before: unknown, after: unknown): string {
  if (before === undefined && after === undefined) return '';
  if (isRecord(before) && isRecord(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    const changed = keys.filter((key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]));
    const shown = changed.length > 0 ? changed : keys;
    if (shown.length === 1 && shown[0] !== undefined) return `${scalar(before[shown[0]])} → ${scalar(after[shown[0]])}`;
    return shown.map((key) => `${key}: ${scalar(before[key])} → ${scalar(after[key])}`).join('; ');
  }
  return `${scalar(before)} → ${scalar(after)}`;
}

/** The verify result as one sentence for the screen. */
export function describeChainReport(report: AuditChainReport): string {
  if (report.ok) {
    const intact = `Chain intact: ${report.entries} ${report.entries === 1 ? 'entry' : 'entries'}`;
    if (!report.keptFrom) return intact;
    const why = report.keptFrom.removedBy === 'retention' ? 'removed by the retention setting' : 'deleted by the rotation of an older version';
    return `${intact}; kept history begins at entry ${report.keptFrom.seq} (older entries ${why})`;
  }
  const where = [report.file, report.line > 0 ? `line ${report.line}` : ''].filter((part) => part !== '').join(', ');
  return `Chain broken at entry ${report.firstBadSeq}${where ? ` (${where})` : ''}: ${report.message}`;
}
