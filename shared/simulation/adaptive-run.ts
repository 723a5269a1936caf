import { CompletionHistogram } from './completion-histogram';
import type { DialerSimulationResult } from './dialer-model';
import { checkpointsUpTo, isPreciseEnough, type PrecisionTarget } from './precision';
import { ReplicationRecords, packedOutcomeLength, unpackOutcome } from './replication-records';
import type { ReplicationTask, ReplicationTaskResult } from './replication-task';
import type { DialerSettings } from './schemas';

export type AdaptiveSetting = { settings: DialerSettings; target: PrecisionTarget };
export type IssuedTask = { id: number; task: ReplicationTask };
export type AdaptiveProgress = { done: number; planned: number };

type SettingState = {
  settings: DialerSettings;
  target: PrecisionTarget;
  records: ReplicationRecords;
  completions: CompletionHistogram;
  recorded: number;
  result: DialerSimulationResult | null;
};

/** Contact-replications per task: about a tenth of a second of work, so progress and Cancel stay lively. */
export const defaultContactRunsPerTask = 400_000;

/**
 * Runs several settings until each is precise enough (or reaches its replications),
 * as tasks any number of workers can take. Every setting checks its figures only at
 * fixed replication counts, after all replications up to there are in, so the answer
 * is the same for one thread or many, in any order: the same seed, the same report.
 */
export class AdaptiveRun {
  private readonly states: SettingState[];
  private readonly checkpoints: number[];
  private checkpoint = 0;
  private windowStart = 0;
  private nextReplication = 0;
  /** Within one replication split by settings: the next active setting to hand out. */
  private settingCursor = 0;
  private active: number[];
  private readonly pending = new Map<number, number[]>();
  private lastId = 0;

  constructor(
    settings: readonly AdaptiveSetting[],
    private readonly parallelism: number,
    private readonly contactRunsPerTask = defaultContactRunsPerTask,
  ) {
    const max = settings[0]?.settings.replications ?? 0;
    if (settings.some((entry) => entry.settings.replications !== max)) throw new RangeError('Settings run together must share one replication count');
    const min = Math.min(max, ...settings.map((entry) => entry.target.minReplications));
    this.checkpoints = checkpointsUpTo(max, min);
    this.states = settings.map(({ settings: each, target }) => ({
      settings: each,
      target,
      records: new ReplicationRecords(each, each.replications),
      completions: new CompletionHistogram(),
      recorded: 0,
      result: null,
    }));
    this.active = this.states.map((_, index) => index);
  }

  get finished(): boolean {
    return this.states.every((state) => state.result !== null);
  }

  progress(): AdaptiveProgress {
    let done = 0;
    let planned = 0;
    for (const state of this.states) {
      done += state.recorded;
      planned += state.result ? state.recorded : state.settings.replications;
    }
    return { done, planned };
  }

  /** The next task to run, or null while the current checkpoint waits for tasks already out (or when finished). */
  nextTask(): IssuedTask | null {
    const end = this.windowEnd();
    if (this.active.length === 0 || this.nextReplication >= end) return null;
    const contacts = Math.max(...this.active.map((index) => (this.states[index] as SettingState).settings.contacts));
    const settingsPerTask = Math.max(1, Math.floor(this.contactRunsPerTask / contacts));
    let indexes = this.active;
    let to: number;
    if (settingsPerTask < this.active.length) {
      // Long lists: one replication of a few settings per task, so no task runs for seconds.
      indexes = this.active.slice(this.settingCursor, this.settingCursor + settingsPerTask);
      this.settingCursor += indexes.length;
      to = this.nextReplication + 1;
      if (this.settingCursor < this.active.length) to = this.nextReplication;
      else this.settingCursor = 0;
    } else {
      const byBudget = Math.max(1, Math.floor(this.contactRunsPerTask / (contacts * this.active.length)));
      const bySharing = Math.max(1, Math.ceil((end - this.windowStart) / this.parallelism));
      to = Math.min(end, this.nextReplication + Math.min(byBudget, bySharing));
    }
    const from = this.nextReplication;
    const task: ReplicationTask = {
      settings: indexes.map((index) => (this.states[index] as SettingState).settings),
      from,
      to: Math.max(to, from + 1),
    };
    this.nextReplication = to;
    const id = ++this.lastId;
    this.pending.set(id, indexes);
    return { id, task };
  }

  accept(id: number, result: ReplicationTaskResult): void {
    const indexes = this.pending.get(id);
    if (!indexes) throw new RangeError(`Task ${id} was not issued or was already accepted`);
    this.pending.delete(id);
    indexes.forEach((index, k) => {
      const state = this.states[index] as SettingState;
      const packed = result.outcomes[k] as Float64Array;
      for (let r = result.from; r < result.to; r++) state.records.record(r, unpackOutcome(packed, (r - result.from) * packedOutcomeLength));
      state.completions.merge(result.completions[k] as { bucketSeconds: number; counts: Float64Array });
      state.recorded += result.to - result.from;
    });
    if (this.pending.size === 0 && this.nextReplication >= this.windowEnd()) this.closeWindow();
  }

  /** Each setting's result, in the order given; only once finished. */
  results(): DialerSimulationResult[] {
    return this.states.map((state, index) => {
      if (!state.result) throw new RangeError(`Setting ${index} has not finished`);
      return state.result;
    });
  }

  private windowEnd(): number {
    return this.checkpoints[this.checkpoint] ?? 0;
  }

  private closeWindow(): void {
    const reached = this.windowEnd();
    this.active = this.active.filter((index) => {
      const state = this.states[index] as SettingState;
      const result = state.records.summarise(reached, state.completions);
      const last = reached >= state.settings.replications;
      if (last || isPreciseEnough(result, state.target)) {
        state.result = result;
        return false;
      }
      return true;
    });
    this.checkpoint++;
    this.windowStart = reached;
    this.nextReplication = reached;
    this.settingCursor = 0;
  }
}
