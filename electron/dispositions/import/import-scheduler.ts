/**
 * The run's queue: rows ready now, and rows put back to wait (a busy contact) until
 * a time. Workers take from it; `changed` wakes them when anything moves.
 */
export interface QueuedRow {
  index: number;
  busyTries: number;
  notBefore: number;
}

export function createRowQueue(now: () => number) {
  const ready: QueuedRow[] = [];
  const waiting: QueuedRow[] = [];
  let wake: (() => void) | null = null;
  let wakePromise: Promise<void> | null = null;

  const notify = () => {
    const resolve = wake;
    wake = null;
    wakePromise = null;
    resolve?.();
  };

  return {
    push(item: QueuedRow) {
      (item.notBefore > now() ? waiting : ready).push(item);
      notify();
    },
    /** Puts a row back at the front (it could not be tried: the tenant was unreachable). */
    pushFront(item: QueuedRow) {
      ready.unshift(item);
      notify();
    },
    take(): QueuedRow | null {
      const at = now();
      for (let i = 0; i < waiting.length; i++) {
        const item = waiting[i];
        if (item && item.notBefore <= at) {
          waiting.splice(i, 1);
          ready.push(item);
          i--;
        }
      }
      return ready.shift() ?? null;
    },
    /** Milliseconds until the earliest waiting row is due; null if none waits. */
    nextDueIn(): number | null {
      if (waiting.length === 0) return null;
      return Math.max(0, Math.min(...waiting.map((item) => item.notBefore)) - now());
    },
    /** No waiting row is due later than `at` (the end of the bounded wait for busy contacts). */
    clampWaiting(at: number) {
      for (const item of waiting) item.notBefore = Math.min(item.notBefore, at);
      notify();
    },
    /** Takes every waiting row out (they are not retried any more). */
    drainWaiting(): QueuedRow[] {
      return waiting.splice(0);
    },
    size: () => ready.length + waiting.length,
    waitingCount: () => waiting.length,
    drain(): QueuedRow[] {
      const all = [...ready, ...waiting];
      ready.length = 0;
      waiting.length = 0;
      return all;
    },
    changed(): Promise<void> {
      wakePromise ??= new Promise<void>((resolve) => {
        wake = resolve;
      });
      return wakePromise;
    },
    notify,
  };
}
export type RowQueue = ReturnType<typeof createRowQueue>;
