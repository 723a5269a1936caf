import { throttled } from '../../shared/base/event';
import { rateAndEta, type RunCountsOf, type RunDetailOf, type RunKind, type RunProgressOf, type RunState } from '../../shared/runs/run-progress';

export interface RunProgressReporterOptions<K extends RunKind> {
  runId: string;
  kind: K;
  total: number;
  emit: (progress: NoInfer<RunProgressOf<K>>) => void;
  /** At most one progress per this many ms; the last update and the finish are always delivered. */
  everyMs?: number;
  /** The clock of the rate and ETA (the throttle's window runs on timers). */
  now?: () => number;
  counts: NoInfer<RunCountsOf<K>>;
  /** The kind's own figures, read each time a progress goes out (`() => undefined` for a kind without any). */
  detail: () => RunDetailOf<K>;
  /** Items done before this run started (a resumed import): counted in `done`, left out of the rate. */
  doneBefore?: number;
}

export interface RunProgressReporter<K extends RunKind> {
  /** The figures now; sent at once or at the end of the throttle window, whichever comes first. */
  update(done: number, counts: RunCountsOf<K>, note?: string): void;
  /** A run whose list of items grows while it works (the emergency pause finds more campaigns). */
  setTotal(total: number): void;
  /** Sends at once an update the throttle still holds back: a change a person waits to see (paused, waiting for the tenant). */
  flush(): void;
  /** Sends the last progress, with how the run ended; later updates are ignored. */
  finish(state: Exclude<RunState, 'running'>): void;
  /** The latest figures, unthrottled: what a request for the run's progress answers. */
  current(): RunProgressOf<K>;
}

/**
 * The one way a main-process run reports progress: it says how far it got as often as it
 * likes, and the reporter throttles, computes rate and ETA, and hands out `RunProgress` values.
 */
export function createRunProgressReporter<K extends RunKind>(options: RunProgressReporterOptions<K>): RunProgressReporter<K> {
  const now = options.now ?? Date.now;
  const everyMs = options.everyMs ?? 100;
  const doneBefore = options.doneBefore ?? 0;
  const startedAt = now();
  let total = options.total;
  let done = doneBefore;
  let counts = options.counts;
  let note: string | undefined;
  let state: RunState = 'running';

  const current = (): RunProgressOf<K> => {
    const { ratePerSecond, etaMs } = rateAndEta(done - doneBefore, total - doneBefore, now() - startedAt);
    const detail = options.detail();
    // One cast: TypeScript cannot narrow a union built from a generic kind; the variant's fields are the options' types.
    return {
      runId: options.runId,
      kind: options.kind,
      done,
      total,
      ratePerSecond,
      ...(etaMs === undefined ? {} : { etaMs }),
      counts,
      ...(note === undefined ? {} : { note }),
      state,
      ...(detail === undefined ? {} : { detail }),
    } as unknown as RunProgressOf<K>;
  };

  const send = () => options.emit(current());
  // Every update goes out when the caller asks for no throttling (a terminal line redrawn in place).
  const gate = everyMs > 0 ? throttled<void>(send, everyMs) : { push: send, flush: () => undefined, cancel: () => undefined };

  return {
    update(nextDone, nextCounts, nextNote) {
      if (state !== 'running') return;
      done = nextDone;
      counts = nextCounts;
      note = nextNote;
      gate.push();
    },
    setTotal(next) {
      total = next;
    },
    flush() {
      if (state === 'running') gate.flush();
    },
    finish(end) {
      if (state !== 'running') return;
      state = end;
      gate.cancel();
      send();
    },
    current,
  };
}
