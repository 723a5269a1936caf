import { randomUUID } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { AuditActor } from '../../shared/audit/audit-entry';
import {
  automationDecisionSchema,
  ruleSettingsSchemas,
  type AutomationDecision,
  type AutomationRuleId,
  type AutomationRuleView,
  type AutomationRunnerView,
  type CapacitySeries,
  type RuleTickSummary,
} from '../../shared/automation/automation-rules';
import type { RunProgressOf } from '../../shared/runs/run-progress';
import { ConsoleFailure, consoleError, describeError, toConsoleError } from '../../shared/errors';
import type { AuditWriter } from '../audit/audit-writer';
import { withDeadline } from '../base/deadline';
import { withDataFolderLock } from '../files/data-folder-lock';
import { watchFolder } from '../files/watch-folder';
import { createRunProgressReporter } from '../runs/run-progress-reporter';
import type { CampaignsPort, RealtimeAgentsPort } from '../tenant/ports';
import type { AnyAutomationRule } from './automation-rule';
import { capacitySeriesOf } from './capacity-series';
import { decisionAuditEntry, isAuditedDecision, tickProblemAuditEntry } from './decision-audit';
import { createDecisionHistory, type DecisionHistory } from './decision-history';
import { describeHolder } from './runner-lease';
import { cancelledMessage, emergencyHoldMessage, guardedCampaigns, stoppingMessage } from './guarded-tenant';
import { notSentOnCancel } from './automation-rule';
import { createCancellations, type TickCancellation } from './tick-cancellation';
import { loadRuleState, saveRuleState, setAsideRuleState, type LoadedRuleState, type RuleState } from './rule-state-file';
import type { ScheduledTick, TickCoordinator, TickSchedule } from './tick-coordinator';

export interface AutomationEngineOptions {
  /** The tenant's automation folder (automation-folder.ts): state, history, lease. */
  dir: string;
  /** The tenant as the audit log names it. */
  tenantLabel: string;
  ports: () => { campaigns: CampaignsPort; realtimeAgents: RealtimeAgentsPort };
  audit: AuditWriter;
  rules: readonly AnyAutomationRule[];
  coordinator: TickCoordinator;
  /** The settings a rule starts with before anyone saved any (the weather rule's feed URL differs on the demo tenant). */
  defaultSettings: (ruleId: AutomationRuleId) => Record<string, unknown>;
  fetchJson: (url: string, signal: AbortSignal) => Promise<unknown>;
  /** Rules run with these settings whatever is saved, enabled, and nothing about them saved (the command line's `automation weather --alerts-url …`). */
  pinned?: Partial<Record<AutomationRuleId, Record<string, unknown>>>;
  /** A tick that has not ended by then is failed and its signal aborted (default 2 minutes). */
  tickDeadlineMs?: number;
  now?: () => number;
  onProgress?: (progress: RunProgressOf<'automation'>) => void;
  onChanged?: (ruleId: AutomationRuleId | null) => void;
  /** Every decision of every tick, dry runs included, as it is recorded (the command line prints one line each). */
  onDecision?: (decision: AutomationDecision) => void;
  onTick?: (summary: RuleTickSummary) => void;
  /** True while the emergency pause holds campaigns on this tenant: a rule's resume is not sent (skipped, with why). */
  emergencyInForce?: () => boolean;
  /** Watches the folder for another process's changes (the app beside `automation run`); off in tests that need no watcher. */
  watch?: boolean;
}

export interface TickResult {
  summary: RuleTickSummary;
  decisions: AutomationDecision[];
}

export interface AutomationEngine {
  start(): Promise<void>;
  list(): Promise<{ rules: AutomationRuleView[]; runner: AutomationRunnerView }>;
  view(ruleId: AutomationRuleId): Promise<AutomationRuleView>;
  setEnabled(ruleId: AutomationRuleId, enabled: boolean, actor: AuditActor): Promise<AutomationRuleView>;
  /** Merges `input` into the rule's settings; refuses, naming the setting, what its schema refuses. */
  updateSettings(ruleId: AutomationRuleId, input: Record<string, unknown>, actor: AuditActor): Promise<AutomationRuleView>;
  /** One tick now. A real one is refused while another runner holds this tenant's automation; a dry run never is. */
  runOnce(ruleId: AutomationRuleId, dryRun: boolean): Promise<TickResult>;
  /**
   * Cancels the rule's tick in flight (started by hand or by the schedule) and a run by hand waiting
   * for it: the write already sent finishes, no further write is sent, and the tick ends `cancelled`
   * saying who cancelled it and what was written. False when no run of the rule is open.
   */
  cancelRun(ruleId: AutomationRuleId, actor: AuditActor): Promise<boolean>;
  history(ruleId: AutomationRuleId, limit: number): Promise<AutomationDecision[]>;
  clearHold(ruleId: AutomationRuleId, campaignId: string, actor: AuditActor): Promise<AutomationRuleView>;
  capacitySeries(hours: number): Promise<CapacitySeries>;
  runner(): Promise<AutomationRunnerView>;
  /** Stops scheduling, lets the tick in flight finish its write in flight (no new write starts), releases the lease. */
  stop(): Promise<void>;
}

const defaultTickDeadlineMs = 120_000;
const maxJitterMs = 60_000;

const issuesOf = (error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string =>
  error.issues.map((issue) => issue.message).join('; ');

/**
 * Runs a tenant's automation rules: their state in the data folder, ticks one at a time per rule
 * within a deadline, every decision recorded (history, audit log, progress, events). Which ticks
 * run here is the coordinator's call (the data-folder lease, or Redis).
 */
/** One tick to run: which rule, why, whether it may write, the person's cancel, and the slot a scheduled tick was due in. */
interface TickRequest {
  rule: AnyAutomationRule;
  trigger: RuleTickSummary['trigger'];
  dryRun: boolean;
  cancellation: TickCancellation;
  scheduledAt?: number;
}

export function createAutomationEngine(options: AutomationEngineOptions): AutomationEngine {
  const now = options.now ?? Date.now;
  const tickDeadlineMs = options.tickDeadlineMs ?? defaultTickDeadlineMs;
  const rules = new Map(options.rules.map((rule) => [rule.id, rule] as const));
  const histories = new Map<AutomationRuleId, DecisionHistory>(
    options.rules.map((rule) => [rule.id, createDecisionHistory({ dir: options.dir, ruleId: rule.id })]),
  );
  const running = new Map<AutomationRuleId, Promise<TickResult>>();
  const cancellations = createCancellations();
  let stopping = false;
  let started = false;
  let scheduleSignature = '';
  let scheduling: Promise<void> = Promise.resolve();
  let unwatch: (() => void) | null = null;

  const ruleOf = (ruleId: AutomationRuleId): AnyAutomationRule => {
    const rule = rules.get(ruleId);
    if (!rule) throw new ConsoleFailure(consoleError('not_available', `The ${ruleId} rule is not available in this build.`, { target: ruleId }));
    return rule;
  };
  const changed = (ruleId: AutomationRuleId | null) => options.onChanged?.(ruleId);

  const defaultsOf = (rule: AnyAutomationRule) => () => rule.settingsSchema.parse(options.defaultSettings(rule.id));
  const pinnedSettings = (rule: AnyAutomationRule, settings: unknown): unknown => {
    const pinned = options.pinned?.[rule.id];
    if (!pinned) return settings;
    const merged = rule.settingsSchema.safeParse({ ...(settings as Record<string, unknown>), ...pinned });
    if (!merged.success) throw new ConsoleFailure(consoleError('configuration', issuesOf(merged.error), { target: rule.id }));
    return merged.data;
  };

  /** The state as the data folder holds it now (another process may have changed it), with pinned settings applied. */
  const load = async (rule: AnyAutomationRule): Promise<LoadedRuleState<unknown, unknown>> => {
    const loaded = await loadRuleState(options.dir, rule, defaultsOf(rule));
    if (!loaded.ok || !options.pinned?.[rule.id]) return loaded;
    return { ...loaded, state: { ...loaded.state, enabled: true, settings: pinnedSettings(rule, loaded.state.settings) } };
  };

  /** Read-modify-write of a rule's state under the data folder's lock, so the app and the command line never undo each other's change. */
  const update = async <T>(
    rule: AnyAutomationRule,
    change: (loaded: LoadedRuleState<unknown, unknown>) => Promise<{ state: RuleState<unknown, unknown>; value: T } | null>,
  ) => {
    await mkdir(options.dir, { recursive: true });
    return withDataFolderLock({ lockPath: join(options.dir, 'state.lock'), what: 'The automation rules state', waitMs: 15_000 }, async () => {
      const loaded = await loadRuleState(options.dir, rule, defaultsOf(rule));
      const next = await change(loaded);
      if (next) await saveRuleState(options.dir, rule.id, next.state);
      return next?.value;
    });
  };

  const viewOf = (rule: AnyAutomationRule, loaded: LoadedRuleState<unknown, unknown>): AutomationRuleView => {
    const settingsSchema = ruleSettingsSchemas[rule.id];
    if (!loaded.ok) {
      const at = new Date(now()).toISOString();
      return {
        id: rule.id,
        title: rule.title,
        enabled: false,
        settings: settingsSchema.parse(options.defaultSettings(rule.id)),
        nextRunAt: null,
        lastTick: {
          ruleId: rule.id,
          tickId: 'state',
          trigger: 'schedule',
          dryRun: false,
          startedAt: at,
          finishedAt: at,
          result: 'failed',
          counts: {},
          problem: loaded.problem,
        },
        holds: [],
      };
    }
    const { state } = loaded;
    const scheduled = options.coordinator.nextRunAt?.(rule.id);
    const nextRunAt = !state.enabled ? null : scheduled ? new Date(scheduled).toISOString() : state.nextRunAt;
    return {
      id: rule.id,
      title: rule.title,
      enabled: state.enabled,
      settings: settingsSchema.parse(state.settings),
      nextRunAt,
      lastTick: state.lastTick,
      holds: rule.holds(state.memory, state.settings),
    };
  };
  const view = async (ruleId: AutomationRuleId) => {
    const rule = ruleOf(ruleId);
    return viewOf(rule, await load(rule));
  };

  const intervalMsOf = (settings: unknown): number => {
    const minutes = (settings as { intervalMinutes?: unknown }).intervalMinutes;
    return (typeof minutes === 'number' && minutes > 0 ? minutes : 5) * 60_000;
  };

  const scheduleNow = async (): Promise<TickSchedule[]> => {
    const entries: TickSchedule[] = [];
    for (const rule of rules.values()) {
      const loaded = await load(rule);
      if (!loaded.ok || !loaded.state.enabled) continue;
      const everyMs = intervalMsOf(loaded.state.settings);
      const firstAt = loaded.state.nextRunAt ? Date.parse(loaded.state.nextRunAt) : NaN;
      entries.push({ ruleId: rule.id, everyMs, jitterMs: Math.min(maxJitterMs, Math.floor(everyMs / 10)), ...(Number.isFinite(firstAt) ? { firstAt } : {}) });
    }
    return entries;
  };

  /** Restarts the coordinator when which rules run, or how often, changed. */
  const reschedule = () => {
    scheduling = scheduling.then(async () => {
      if (!started || stopping) return;
      const entries = await scheduleNow().catch(() => null);
      if (!entries) return;
      const signature = JSON.stringify(entries.map(({ ruleId, everyMs }) => [ruleId, everyMs]));
      if (signature === scheduleSignature) return;
      const first = scheduleSignature === '';
      scheduleSignature = signature;
      const { coordinator } = options;
      if (first) await coordinator.start(entries, runScheduled);
      else if (coordinator.reschedule) await coordinator.reschedule(entries);
      else {
        await coordinator.stop();
        if (!stopping) await coordinator.start(entries, runScheduled);
      }
      changed(null);
    });
    return scheduling;
  };

  async function runScheduled(tick: ScheduledTick): Promise<void> {
    if (stopping || running.has(tick.ruleId)) return;
    const rule = rules.get(tick.ruleId);
    if (!rule) return;
    // Disabled a moment ago, maybe by a person in another process: the tick is not run.
    const loaded = await load(rule).catch(() => null);
    if (!loaded?.ok || !loaded.state.enabled) return;
    const { cancellation, close } = cancellations.open(rule.id);
    await runTick({ rule, trigger: 'schedule', dryRun: false, cancellation, scheduledAt: tick.scheduledAt })
      .catch(() => undefined)
      .finally(close);
  }

  /** A write the stop kept from being sent changed nothing: it is left alone (skipped), not failed. */
  const notSentOnStop = (decision: AutomationDecision): AutomationDecision => {
    if (decision.outcome !== 'failed') return decision;
    if (stopping && decision.error?.includes(stoppingMessage)) return { ...decision, outcome: 'skipped' };
    if (decision.error?.includes(cancelledMessage)) {
      // Not a failure a person must see to: the lead asked for it.
      const { error: _notAnError, ...rest } = decision;
      return { ...rest, outcome: 'skipped', reason: notSentOnCancel };
    }
    if (decision.error?.includes(emergencyHoldMessage)) return { ...decision, outcome: 'skipped', reason: decision.error };
    return decision;
  };

  const countsOf = (decisions: readonly AutomationDecision[]) => {
    const counts: Record<string, number> = {};
    for (const decision of decisions) counts[decision.outcome] = (counts[decision.outcome] ?? 0) + 1;
    return counts;
  };

  const record = async (summary: RuleTickSummary, decisions: readonly AutomationDecision[]) => {
    for (const decision of decisions.filter(isAuditedDecision)) await options.audit.append(decisionAuditEntry(decision, options.tenantLabel));
    if (summary.problem) await options.audit.append(tickProblemAuditEntry(summary, options.tenantLabel));
    await histories.get(summary.ruleId)?.append(decisions);
  };

  const tickOnce = async ({ rule, trigger, dryRun, cancellation, scheduledAt }: TickRequest): Promise<TickResult> => {
    const loaded = await load(rule);
    if (!loaded.ok) throw new ConsoleFailure(consoleError('conflict', loaded.problem, { target: rule.id }));
    const { state } = loaded;
    const tickId = randomUUID().slice(0, 8);
    const startedAt = new Date(now()).toISOString();
    const reporter = createRunProgressReporter({
      runId: `automation:${rule.id}:${tickId}`,
      kind: 'automation',
      total: 0,
      emit: (progress) => options.onProgress?.(progress),
      counts: {},
      detail: () => undefined,
    });
    const limit = withDeadline(undefined, tickDeadlineMs);
    const ports = options.ports();
    let problem: string | undefined;
    let threw = false;
    let decisions: AutomationDecision[] = [];
    let memory = state.memory;
    const onCancel = () => reporter.update(reporter.current().done, {}, 'Cancelling: the write in flight finishes, no other is sent');
    cancellation.signal.addEventListener('abort', onCancel, { once: true });
    try {
      // Cancelled while it waited for the tick before it: the rule is not started at all.
      if (cancellation.signal.aborted) throw cancellation.signal.reason;
      const ticking = rule.tick({
        tickId,
        settings: state.settings,
        dryRun,
        signal: limit.signal,
        cancelled: cancellation.signal,
        now,
        tenant: {
          campaigns: guardedCampaigns(ports.campaigns, {
            dryRun,
            stopping: () => stopping,
            cancelled: () => cancellation.signal.aborted,
            ruleTitle: rule.title,
            ...(options.emergencyInForce ? { emergencyInForce: options.emergencyInForce } : {}),
          }),
          realtimeAgents: ports.realtimeAgents,
          label: options.tenantLabel,
        },
        memory: state.memory,
        fetchJson: options.fetchJson,
        progress: (done, total, note) => {
          reporter.setTotal(total);
          reporter.update(done, {}, note);
        },
      });
      // A rule that ignores its signal still ends its tick at the deadline.
      const outcome = await Promise.race([
        ticking,
        new Promise<never>((_, reject) =>
          limit.signal.addEventListener(
            'abort',
            () => reject(new ConsoleFailure(consoleError('timeout', `The tick did not end within ${tickDeadlineMs / 1000} s.`))),
            {
              once: true,
            },
          ),
        ),
      ]);
      decisions = outcome.decisions.map((decision) => automationDecisionSchema.parse({ ...decision, ruleId: rule.id, tickId, dryRun })).map(notSentOnStop);
      problem = outcome.problem;
      const checked = rule.memorySchema.safeParse(outcome.memory);
      if (checked.success) memory = checked.data;
      else problem = `The rule's new memory does not fit its schema (${issuesOf(checked.error)}); the previous one is kept.`;
    } catch (thrown) {
      // What the cancel itself cut short (the rule not started, a read it aborted) is no failure.
      const byCancel = cancellation.signal.aborted && (thrown === cancellation.signal.reason || toConsoleError(thrown).kind === 'cancelled');
      if (!byCancel) {
        threw = true;
        problem = describeError(toConsoleError(thrown));
      }
    } finally {
      limit.clear();
      cancellation.signal.removeEventListener('abort', onCancel);
    }
    const counts = countsOf(decisions);
    const cancelledBy = cancellation.by;
    if (cancelledBy !== null) {
      const notSent = decisions.filter((decision) => decision.reason === notSentOnCancel).length;
      const note =
        decisions.length === 0
          ? `Cancelled by ${cancelledBy.name} before it decided anything: nothing was written.`
          : `Cancelled by ${cancelledBy.name}: ${counts.applied ?? 0} written before the cancel, ${notSent} not sent.`;
      problem = problem ? `${note} ${problem}` : note;
    }
    const summary: RuleTickSummary = {
      ruleId: rule.id,
      tickId,
      trigger,
      dryRun,
      startedAt,
      finishedAt: new Date(now()).toISOString(),
      result: threw ? 'failed' : cancelledBy !== null ? 'cancelled' : problem || (counts.failed ?? 0) > 0 ? 'partial' : 'ok',
      counts,
      ...(problem ? { problem } : {}),
    };
    try {
      // A dry run leaves the tenant, the memory, the history and the audit log as they were.
      if (!dryRun) {
        await record(summary, decisions);
        await update(rule, async (current) => {
          if (!current.ok) return null;
          const nextRunAt = scheduledAt === undefined ? current.state.nextRunAt : new Date(scheduledAt + intervalMsOf(current.state.settings)).toISOString();
          return { state: { ...current.state, memory, lastTick: summary, nextRunAt }, value: undefined };
        });
      }
    } finally {
      reporter.update(reporter.current().total, counts, problem);
      reporter.finish(summary.result === 'failed' ? 'failed' : summary.result === 'cancelled' ? 'cancelled' : 'finished');
      for (const decision of decisions) options.onDecision?.(decision);
      options.onTick?.(summary);
      changed(rule.id);
    }
    return { summary, decisions };
  };

  /** One tick at a time per rule: a manual run waits for the one in flight. */
  const runTick = async (request: TickRequest): Promise<TickResult> => {
    const { rule } = request;
    for (let pending = running.get(rule.id); pending; pending = running.get(rule.id)) await pending.catch(() => undefined);
    const work = tickOnce(request);
    running.set(rule.id, work);
    try {
      return await work;
    } finally {
      if (running.get(rule.id) === work) running.delete(rule.id);
    }
  };

  /** Moves a damaged state aside when a person saves over it, and says so in the audit log. */
  const freshFrom = async (rule: AnyAutomationRule, loaded: LoadedRuleState<unknown, unknown>, actor: AuditActor): Promise<RuleState<unknown, unknown>> => {
    if (loaded.ok) return loaded.state;
    const aside = await setAsideRuleState(options.dir, rule.id, now());
    await options.audit.append({
      actor,
      tenant: options.tenantLabel,
      action: 'automation.state_reset',
      target: { type: 'automation-rule', id: rule.id },
      outcome: 'success',
      reason: loaded.problem,
      details: { movedTo: aside },
    });
    return { enabled: false, settings: defaultsOf(rule)(), memory: rule.initialMemory(), lastTick: null, nextRunAt: null };
  };

  const list = async () => {
    const views: AutomationRuleView[] = [];
    for (const rule of rules.values()) views.push(viewOf(rule, await load(rule)));
    return { rules: views, runner: await options.coordinator.runner() };
  };

  return {
    async start() {
      started = true;
      if (options.watch !== false) {
        let seen = '';
        // Another process's change (a tick of `automation run`, a rule enabled in the app, the lease changing hands) shows here; a lease renewal alone does not.
        unwatch = watchFolder(options.dir, () => {
          void reschedule();
          void list()
            .then((now) => {
              const signature = JSON.stringify(now);
              if (seen !== '' && signature !== seen) changed(null);
              seen = signature;
            })
            .catch(() => undefined);
        });
      }
      await reschedule();
    },
    list,
    view,
    async setEnabled(ruleId, enabled, actor) {
      const rule = ruleOf(ruleId);
      await update(rule, async (loaded) => {
        const state = await freshFrom(rule, loaded, actor);
        return { state: { ...state, enabled, nextRunAt: enabled ? state.nextRunAt : null }, value: undefined };
      });
      await options.audit.append({
        actor,
        tenant: options.tenantLabel,
        action: enabled ? 'automation.enable' : 'automation.disable',
        target: { type: 'automation-rule', id: rule.id, name: rule.title },
        outcome: 'success',
      });
      await reschedule();
      changed(ruleId);
      return view(ruleId);
    },
    async updateSettings(ruleId, input, actor) {
      const rule = ruleOf(ruleId);
      const before = await update(rule, async (loaded) => {
        const state = await freshFrom(rule, loaded, actor);
        const parsed = rule.settingsSchema.safeParse({ ...(state.settings as Record<string, unknown>), ...input });
        if (!parsed.success) {
          const first = parsed.error.issues[0];
          throw new ConsoleFailure(
            consoleError('validation', issuesOf(parsed.error), {
              target: first?.path.join('.') || ruleId,
              details: parsed.error.issues.map((issue) => ({ message: issue.message, path: issue.path.join('.') })),
            }),
          );
        }
        return { state: { ...state, settings: parsed.data }, value: state.settings };
      });
      const after = await view(ruleId);
      await options.audit.append({
        actor,
        tenant: options.tenantLabel,
        action: 'automation.settings',
        target: { type: 'automation-rule', id: rule.id, name: rule.title },
        before,
        after: after.settings,
        outcome: 'success',
      });
      await reschedule();
      changed(ruleId);
      return after;
    },
    async runOnce(ruleId, dryRun) {
      const rule = ruleOf(ruleId);
      if (stopping) throw new ConsoleFailure(consoleError('cancelled', 'Automation is stopping.'));
      // Open from the click on, so a cancel that comes while the runner is checked still counts.
      const { cancellation, close } = cancellations.open(rule.id);
      try {
        if (!dryRun) {
          const { holder } = await options.coordinator.runner();
          if (holder && holder.kind !== 'this-app') {
            throw new ConsoleFailure(
              consoleError(
                'conflict',
                `${rule.title}: this tenant's automation is run by ${describeHolder(holder)}; run a dry run here, or stop that runner first.`,
                {
                  code: 'AUTOMATION_HELD',
                },
              ),
            );
          }
        }
        return await runTick({ rule, trigger: 'manual', dryRun, cancellation });
      } finally {
        close();
      }
    },
    async history(ruleId, limit) {
      ruleOf(ruleId);
      return (await histories.get(ruleId)?.newest(limit)) ?? [];
    },
    async cancelRun(ruleId, actor) {
      const rule = ruleOf(ruleId);
      if (!cancellations.cancel(rule.id, actor)) return false;
      await options.audit.append({
        actor,
        tenant: options.tenantLabel,
        action: 'automation.cancel',
        target: { type: 'automation-rule', id: rule.id, name: rule.title },
        outcome: 'success',
        reason: 'The run in flight finishes the write already sent and sends no other.',
      });
      return true;
    },
    async clearHold(ruleId, campaignId, actor) {
      const rule = ruleOf(ruleId);
      const clear = rule.clearHold?.bind(rule);
      if (!clear) throw new ConsoleFailure(consoleError('not_available', `The ${rule.title} rule keeps no hold to clear.`, { target: ruleId }));
      await update(rule, async (loaded) => {
        if (!loaded.ok) throw new ConsoleFailure(consoleError('conflict', loaded.problem, { target: ruleId }));
        return { state: { ...loaded.state, memory: clear(loaded.state.memory, campaignId) }, value: undefined };
      });
      await options.audit.append({
        actor,
        tenant: options.tenantLabel,
        action: 'automation.clear_hold',
        target: { type: 'campaign', id: campaignId },
        outcome: 'success',
        details: { ruleId },
      });
      changed(ruleId);
      return view(ruleId);
    },
    async capacitySeries(hours) {
      const history = histories.get('capacity');
      if (!history) return [];
      const since = new Date(now() - hours * 3_600_000).toISOString();
      return capacitySeriesOf(await history.newest(20_000, (decision) => decision.at < since));
    },
    runner: () => options.coordinator.runner(),
    async stop() {
      if (stopping) return;
      stopping = true;
      unwatch?.();
      await scheduling.catch(() => undefined);
      await options.coordinator.stop();
      await Promise.all([...running.values()].map((work) => work.catch(() => undefined)));
    },
  };
}
