import type { Event, Listener } from './emitter';
import { clearTimer, setTimer, type TimerHandle } from './host';

export interface Debounced<T> {
  /** Keeps `value` and restarts the wait; it is delivered once `ms` pass without another push. */
  push(value: T): void;
  /** Drops the kept value. */
  cancel(): void;
}

/** A debounced listener: the last value pushed is delivered once `ms` have passed without a new one. */
export function debounced<T>(listener: Listener<T>, ms: number): Debounced<T> {
  let timer: TimerHandle | undefined;
  const cancel = () => {
    if (timer !== undefined) clearTimer(timer);
    timer = undefined;
  };
  return {
    push(value) {
      cancel();
      timer = setTimer(() => {
        timer = undefined;
        listener(value);
      }, ms);
    },
    cancel,
  };
}

/** Delivers the last value once `ms` have passed without a new one. */
export function debounce<T>(event: Event<T>, ms: number): Event<T> {
  return (listener) => {
    const gate = debounced(listener, ms);
    const stop = event((value) => gate.push(value));
    return () => {
      gate.cancel();
      stop();
    };
  };
}

export interface Throttled<T> {
  /** Delivers now when no window is open (and `leading` is on), otherwise keeps `value` as the one to deliver when the window closes. */
  push(value: T): void;
  /** Delivers the kept value, if any, now (e.g. the final state of a run). */
  flush(): void;
  /** Drops the kept value and closes the window. */
  cancel(): void;
}

/**
 * Throttle of a listener: at most one value per `ms`, and the last value pushed is always
 * delivered (at the end of its window). The first value goes at once unless `leading` is false,
 * in which case a push opens a window and its last value goes when the window closes.
 */
export function throttled<T>(listener: Listener<T>, ms: number, options: { leading?: boolean } = {}): Throttled<T> {
  const leading = options.leading ?? true;
  let timer: TimerHandle | undefined;
  let pending: { value: T } | undefined;
  const openWindow = () => {
    timer = setTimer(() => {
      timer = undefined;
      if (pending) deliver(take(pending));
    }, ms);
  };
  const deliver = (value: T) => {
    openWindow();
    listener(value);
  };
  const take = (kept: { value: T }) => {
    pending = undefined;
    return kept.value;
  };
  return {
    push(value) {
      if (timer !== undefined) pending = { value };
      else if (leading) deliver(value);
      else {
        pending = { value };
        openWindow();
      }
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
