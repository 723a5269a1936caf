import type { AutomationRuleId, AutomationRunnerView } from '../../shared/automation/automation-rules';
import { toConsoleError } from '../../shared/errors';
import { createRunnerLease, type RunnerHolderKind, type RunnerLease } from './runner-lease';
import type { ScheduledTick, TickCoordinator, TickSchedule } from './tick-coordinator';

export interface DataFolderCoordinatorOptions {
  /** The tenant's automation folder, where the lease lives. */
  dir: string;
  kind: RunnerHolderKind;
  label: string;
  /** A holder silent for this long is taken over (default 30 s); the lease is renewed three times as often. */
  leaseMs?: number;
  now?: () => number;
  random?: () => number;
  /** The lease changed hands (taken, lost, released, or another holder seen). */
  onRunnerChanged?: () => void;
  /** The lease could not be read or written (a read-only data folder …): one sentence. */
  onProblem?: (message: string) => void;
}

export interface DataFolderCoordinator extends TickCoordinator {
  readonly lease: RunnerLease;
  /** Whether this runner holds the lease now. */
  holding(): boolean;
}

/**
 * The data-folder tick coordinator: one runner per tenant holds the lease (see runner-lease.ts) and
 * runs every tick of every scheduled rule on its own timers, each `everyMs` plus random jitter so
 * runners started together do not hit the tenant together. The others poll the lease and take
 * over once it is released or expires.
 */
export function createDataFolderCoordinator(options: DataFolderCoordinatorOptions): DataFolderCoordinator {
  const leaseMs = options.leaseMs ?? 30_000;
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const lease = createRunnerLease({ dir: options.dir, kind: options.kind, label: options.label, leaseMs, now });
  let schedule: TickSchedule[] = [];
  let run: (tick: ScheduledTick) => Promise<void> = async () => undefined;
  let started = false;
  let holding = false;
  let lastHolderId: string | null = null;
  let leaseTimer: NodeJS.Timeout | null = null;
  const timers = new Map<AutomationRuleId, { timer: NodeJS.Timeout; at: number }>();
  const inFlight = new Set<Promise<void>>();

  const changed = () => options.onRunnerChanged?.();

  const arm = (entry: TickSchedule, at: number) => {
    const timer = setTimeout(() => void fire(entry, at), Math.max(0, at - now()));
    timers.set(entry.ruleId, { timer, at });
  };
  const nextAfter = (entry: TickSchedule, from: number) => from + entry.everyMs + Math.floor(random() * entry.jitterMs);
  const armAll = () => {
    for (const entry of schedule)
      arm(entry, entry.firstAt !== undefined && entry.firstAt > now() ? entry.firstAt : now() + Math.floor(random() * entry.jitterMs));
  };
  const disarmAll = () => {
    for (const { timer } of timers.values()) clearTimeout(timer);
    timers.clear();
  };

  /** Takes or renews the lease; arms the timers when it is newly held, disarms them when it was lost. */
  const attempting = new Set<Promise<boolean>>();
  const attempt = (): Promise<boolean> => {
    const pending = attemptOnce().finally(() => attempting.delete(pending));
    attempting.add(pending);
    return pending;
  };
  const attemptOnce = async (): Promise<boolean> => {
    let held = false;
    let holderId: string | null = null;
    try {
      const result = await lease.tryAcquire();
      held = result.held;
      holderId = result.held ? lease.id : result.holder.id;
    } catch (error) {
      options.onProblem?.(toConsoleError(error).message);
    }
    if (!started) return false;
    if (held && !holding) {
      holding = true;
      armAll();
    } else if (!held && holding) {
      holding = false;
      disarmAll();
    }
    if (holderId !== lastHolderId) {
      lastHolderId = holderId;
      changed();
    }
    return held;
  };

  const keepLease = () => {
    leaseTimer = setTimeout(
      () =>
        void attempt().finally(() => {
          if (started) keepLease();
        }),
      Math.max(250, Math.floor(leaseMs / 3)),
    );
  };

  async function fire(entry: TickSchedule, at: number): Promise<void> {
    timers.delete(entry.ruleId);
    if (!started || !holding) return;
    // Renewed right before acting: a runner whose process stalled past its lease must not act beside the one that took over.
    if (!(await attempt())) return;
    const work = run({ ruleId: entry.ruleId, key: `${entry.ruleId}:${at}`, scheduledAt: at }).catch(() => undefined);
    inFlight.add(work);
    await work;
    inFlight.delete(work);
    // The schedule in force now: a rule rescheduled meanwhile ticks at its new interval, a removed one not at all.
    const current = schedule.find((candidate) => candidate.ruleId === entry.ruleId);
    if (started && holding && current && !timers.has(entry.ruleId)) arm(current, Math.max(now(), nextAfter(current, at)));
  }

  const stopLease = () => {
    if (leaseTimer) clearTimeout(leaseTimer);
    leaseTimer = null;
  };
  /** Lets go of the lease once the ticks and attempts under way have ended. */
  const letGo = async () => {
    await Promise.all([...inFlight, ...attempting]);
    const wasHolding = holding;
    holding = false;
    lastHolderId = null;
    // Released even when not known to be held: an attempt that ended meanwhile may have just taken it.
    await lease.release().catch((error: unknown) => options.onProblem?.(toConsoleError(error).message));
    if (wasHolding) changed();
  };

  return {
    lease,
    holding: () => holding,
    async start(next, runTick) {
      schedule = next;
      run = runTick;
      started = true;
      // With nothing to run, the lease is left to whoever has rules to run.
      if (schedule.length === 0) return;
      await attempt();
      keepLease();
    },
    async reschedule(next) {
      const had = schedule.length > 0;
      schedule = next;
      if (!started) return;
      if (next.length === 0) {
        stopLease();
        disarmAll();
        if (had) await letGo();
        return;
      }
      if (!had || leaseTimer === null) {
        await attempt();
        if (leaseTimer === null) keepLease();
        return;
      }
      // Still held: the timers follow the new schedule without the lease changing hands.
      if (holding) {
        disarmAll();
        armAll();
      }
    },
    runner: (): Promise<AutomationRunnerView> => lease.view(),
    nextRunAt: (ruleId) => timers.get(ruleId)?.at ?? null,
    async stop() {
      started = false;
      stopLease();
      disarmAll();
      if (schedule.length > 0) await letGo();
      else await Promise.all([...inFlight, ...attempting]);
    },
  };
}
