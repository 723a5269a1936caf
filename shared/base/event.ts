import type { Event, Listener } from './emitter';
import { clearTimer, setTimer, type TimerHandle } from './host';

/** Delivers the last value once `ms` have passed without a new one. */
export function debounce<T>(event: Event<T>, ms: number): Event<T> {
  return (listener) => {
    let timer: TimerHandle | undefined;
    const stop = event((value) => {
      if (timer !== undefined) clearTimer(timer);
      timer = setTimer(() => {
        timer = undefined;
        listener(value);
      }, ms);
    });
    return () => {
      if (timer !== undefined) clearTimer(timer);
      timer = undefined;
      stop();
    };
  };
}

export interface Throttled<T> {
  /** Delivers now when no window is open, otherwise keeps `value` as the one to deliver when it closes. */
  push(value: T): void;
  /** Delivers the kept value, if any, now (e.g. the final state of a run). */
  flush(): void;
  /** Drops the kept value and closes the window. */
  cancel(): void;
}

/**
 * Leading and trailing throttle of a listener: the first value goes at once, then at most one
 * per `ms`, and the last value pushed is always delivered (at the end of its window).
 */
export function throttled<T>(listener: Listener<T>, ms: number): Throttled<T> {
  let timer: TimerHandle | undefined;
  let pending: { value: T } | undefined;
  const deliver = (value: T) => {
    timer = setTimer(() => {
      timer = undefined;
      if (pending) deliver(take(pending));
    }, ms);
    listener(value);
  };
  const take = (kept: { value: T }) => {
    pending = undefined;
    return kept.value;
  };
  return {
    push(value) {
      if (timer === undefined) deliver(value);
      else pending = { value };
    },
    flush() {
      if (!pending) return;
      if (timer !== undefined) clearTimer(timer);
      deliver(take(pending));
    },
    cancel() {
      pending = undefined;
      if (timer !== undefined) clearTimer(timer);
      timer = undefined;
    },
  };
}

/** `event` at most once per `ms`, leading and trailing, so the last value is always delivered. */
export function throttle<T>(event: Event<T>, ms: number): Event<T> {
  return (listener) => {
    const gate = throttled(listener, ms);
    const stop = event((value) => gate.push(value));
    return () => {
      gate.cancel();
      stop();
    };
  };
}
