import type { AuditOutcome } from '../../shared/audit/audit-entry';
import { outcomeStyles } from './audit-format';

/** Colour always comes with its word, so the outcome reads without colour too. */
export function OutcomeBadge({ outcome }: { outcome: AuditOutcome }) {
  const { tone, label } = outcomeStyles[outcome];
  return <span className={`badge badge-${tone}`}>{label}</span>;
}
