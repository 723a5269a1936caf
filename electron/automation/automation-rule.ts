import type { z } from 'zod';
import type { AutomationDecision, AutomationRuleId, RuleHold } from '../../shared/automation/automation-rules';
import type { CampaignsPort, RealtimeAgentsPort } from '../tenant/ports';

/** The reason of a decision whose write a person's cancel kept from being sent. */
export const notSentOnCancel = 'Not sent: the run was cancelled.';

/** The tick's deadline and the person's cancel as one signal: for reads and work that may stop early, never for a write. */
export const stopSignalOf = (context: { signal: AbortSignal; cancelled?: AbortSignal }): AbortSignal =>
  context.cancelled ? AbortSignal.any([context.signal, context.cancelled]) : context.signal;

/** What a rule may use during one tick. Every tenant write goes through `tenant` (the one client and rate limiter). */
export interface RuleTickContext<Settings, Memory> {
  tickId: string;
  settings: Settings;
  /** A dry run decides and reports exactly as a real tick, and writes nothing (the tenant, the memory and the audit log stay as they were). */
  dryRun: boolean;
  /** The tick's deadline: aborts everything, a write in flight included. */
  signal: AbortSignal;
  /**
   * Aborted when a person cancels the run: start nothing new (no further write, read or simulation;
   * the engine's write guard refuses any write after it anyway), let the write in flight finish (it
   * runs on `signal`, which a cancel does not abort), and give each campaign not written the
   * decision `skipped` with the reason `notSentOnCancel`. Absent where nothing can cancel the tick.
   */
  cancelled?: AbortSignal;
  now: () => number;
  tenant: { campaigns: CampaignsPort; realtimeAgents: RealtimeAgentsPort; label: string };
  /** The rule's persisted state as the last real tick left it. */
  memory: Memory;
  /** Reads an external JSON document (the alerts feed): timeout, size cap and URL rules applied; rejects with a ConsoleFailure. */
  fetchJson(url: string, signal: AbortSignal): Promise<unknown>;
  /** Reports progress within the tick (items done of total). */
  progress(done: number, total: number, note?: string): void;
}

export interface RuleTickOutcome<Memory> {
  decisions: AutomationDecision[];
  /** The state to persist after a real tick (ignored on a dry run). */
  memory: Memory;
  /** Why the tick did nothing on purpose or could not run (a broken feed …): shown on the screen and audited. */
  problem?: string;
}

/**
 * One automation rule. The engine owns scheduling, leases, persistence, audit and progress;
 * a rule only decides and writes, through the context, and returns its decisions and new memory.
 */
export interface AutomationRule<Settings, Memory> {
  id: AutomationRuleId;
  title: string;
  settingsSchema: z.ZodType<Settings>;
  memorySchema: z.ZodType<Memory>;
  initialMemory(): Memory;
  /** Campaigns the rule holds for a reason the screen lists (kept paused, a person's override it backs off from). */
  holds(memory: Memory, settings: Settings): RuleHold[];
  tick(context: RuleTickContext<Settings, Memory>): Promise<RuleTickOutcome<Memory>>;
  /** Forgets the hold on one campaign (a person's override the capacity rule backs off from), so the rule acts on it again; absent where a rule has nothing to clear. */
  clearHold?(memory: Memory, campaignId: string): Memory;
}

/** Any rule, as the engine's registry holds them (its settings and memory are checked by its own schemas). */
export type AnyAutomationRule = AutomationRule<unknown, unknown>;
