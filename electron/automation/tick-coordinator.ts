import type { AutomationRuleId, AutomationRunnerView } from '../../shared/automation/automation-rules';

/** One tick of one rule: `key` is the same on every runner for the same rule and scheduled time, so a tick runs once across runners. */
export interface ScheduledTick {
  ruleId: AutomationRuleId;
  key: string;
  scheduledAt: number;
}

/** When a rule ticks: every `everyMs` plus up to `jitterMs`; `firstAt` (the next run a restart found persisted) places the first tick. */
export interface TickSchedule {
  ruleId: AutomationRuleId;
  everyMs: number;
  jitterMs: number;
  firstAt?: number;
}

/**
 * Decides who runs which tick. Data-folder mode: one runner per tenant holds a lease in the
 * data folder and runs every tick. Redis mode (CXONE_REDIS_URL): BullMQ repeatable jobs, one job
 * id per rule and tick, so several runners execute each tick exactly once; a runner that dies
 * mid-tick is replaced and its job retried.
 */
export interface TickCoordinator {
  /** Starts delivering ticks to `run`; a tick whose run rejects is retried per the coordinator's policy. */
  start(schedule: TickSchedule[], run: (tick: ScheduledTick) => Promise<void>): Promise<void>;
  /** Who holds this tenant's automation now. */
  runner(): Promise<AutomationRunnerView>;
  /** Stops taking ticks, waits for the one in flight and releases the lease. */
  stop(): Promise<void>;
  /** Follows a changed schedule (a rule enabled, disabled, its interval changed) without giving up the lease; where absent, the engine stops and starts again. */
  reschedule?(schedule: TickSchedule[]): Promise<void>;
  /** When this runner will next tick the rule (null: not scheduled here, e.g. another runner holds the lease). */
  nextRunAt?(ruleId: AutomationRuleId): number | null;
}
