import { alertSeverities, type AlertSeverity } from '../automation-rules';

/** 0 for Minor … 3 for Extreme; -1 for `Unknown` and any word the scale lacks, so it is below every threshold. */
export function severityRank(severity: string): number {
  const word = severity.trim().toLowerCase();
  return alertSeverities.findIndex((known) => known.toLowerCase() === word);
}

export const meetsSeverity = (severity: string, threshold: AlertSeverity): boolean => severityRank(severity) >= severityRank(threshold);
