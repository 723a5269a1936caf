import type { AuditEntryInput } from '../../shared/audit/audit-entry';
import type { AutomationDecision, RuleTickSummary } from '../../shared/automation/automation-rules';

const actionNames: Record<AutomationDecision['action'], string> = {
  pause: 'automation.pause',
  resume: 'automation.resume',
  'set-limit': 'automation.set_limit',
  keep: 'automation.keep',
};

function statesOf(decision: AutomationDecision): { before?: unknown; after?: unknown } {
  switch (decision.action) {
    case 'pause':
      return { before: { status: 'running' }, after: { status: 'paused' } };
    case 'resume':
      return { before: { status: 'paused' }, after: { status: 'running' } };
    case 'set-limit':
      return { before: { maxConcurrentCalls: decision.evidence.oldLimit ?? null }, after: { maxConcurrentCalls: decision.evidence.newLimit ?? null } };
    case 'keep':
      return {};
  }
}

/** Whether a decision changed, or tried to change, the tenant: only those are audited (a dry run never is). */
export const isAuditedDecision = (decision: AutomationDecision): boolean =>
  !decision.dryRun && (decision.outcome === 'applied' || decision.outcome === 'failed');

/** The audit entry of one decision: the rule as actor, the campaign as target, the evidence as details. */
export function decisionAuditEntry(decision: AutomationDecision, tenant: string): AuditEntryInput {
  return {
    actor: { type: 'rule', name: decision.ruleId },
    tenant,
    action: actionNames[decision.action],
    target: { type: 'campaign', id: decision.campaignId, ...(decision.campaignName ? { name: decision.campaignName } : {}) },
    ...statesOf(decision),
    outcome: decision.outcome === 'applied' ? 'success' : 'failed',
    reason: decision.error ? `${decision.reason} — ${decision.error}` : decision.reason,
    details: { tickId: decision.tickId, evidence: decision.evidence },
  };
}

/** The audit entry of a tick that could not do its work (a broken feed, the tenant unreachable, a deadline passed). */
export function tickProblemAuditEntry(summary: RuleTickSummary, tenant: string): AuditEntryInput {
  return {
    actor: { type: 'rule', name: summary.ruleId },
    tenant,
    action: 'automation.tick_problem',
    target: { type: 'automation-rule', id: summary.ruleId },
    outcome: summary.result === 'failed' ? 'failed' : summary.result === 'cancelled' ? 'cancelled' : 'partial',
    reason: summary.problem ?? 'The tick did not finish.',
    details: { tickId: summary.tickId, trigger: summary.trigger, counts: summary.counts, startedAt: summary.startedAt, finishedAt: summary.finishedAt },
  };
}
