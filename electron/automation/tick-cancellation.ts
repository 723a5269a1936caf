import type { AuditActor } from '../../shared/audit/audit-entry';
import type { AutomationRuleId } from '../../shared/automation/automation-rules';

/**
 * A person's cancel of one run of a rule. Its signal is the tick context's `cancelled`: rules stop
 * starting work on it and the write guard refuses every write after it, while the write in flight
 * (sent on the tick's own deadline signal, which the cancel does not abort) finishes.
 */
export interface TickCancellation {
  readonly signal: AbortSignal;
  /** Who cancelled, once someone did. */
  readonly by: AuditActor | null;
  cancel(actor: AuditActor): void;
}

export function createTickCancellation(): TickCancellation {
  const controller = new AbortController();
  let by: AuditActor | null = null;
  return {
    signal: controller.signal,
    get by() {
      return by;
    },
    cancel(actor) {
      if (by !== null) return;
      by = actor;
      controller.abort(new DOMException(`Cancelled by ${actor.name}.`, 'AbortError'));
    },
  };
}

/** The runs of each rule that can be cancelled now: its tick in flight, and a run by hand waiting for that tick to end. */
export function createCancellations() {
  const byRule = new Map<AutomationRuleId, Set<TickCancellation>>();
  return {
    /** Registers a run until the returned function is called. */
    open(ruleId: AutomationRuleId): { cancellation: TickCancellation; close: () => void } {
      const cancellation = createTickCancellation();
      const open = byRule.get(ruleId) ?? new Set<TickCancellation>();
      open.add(cancellation);
      byRule.set(ruleId, open);
      return {
        cancellation,
        close: () => {
          open.delete(cancellation);
          if (open.size === 0 && byRule.get(ruleId) === open) byRule.delete(ruleId);
        },
      };
    },
    /** Cancels every open run of the rule not cancelled yet; false when there was none. */
    cancel(ruleId: AutomationRuleId, actor: AuditActor): boolean {
      const open = [...(byRule.get(ruleId) ?? [])].filter((cancellation) => cancellation.by === null);
      for (const cancellation of open) cancellation.cancel(actor);
      return open.length > 0;
    },
  };
}
