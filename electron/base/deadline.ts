/** A signal that gives up at a time limit, or earlier with its parent. */
export interface Deadline {
  readonly signal: AbortSignal;
  /** Whether the time limit (not the parent) aborted the signal. */
  readonly passed: boolean;
  /** Stops the timer and the listening to the parent, once the work is done. */
  clear(): void;
}

const timeoutError = (ms: number) => new DOMException(`Gave up after ${ms} ms.`, 'TimeoutError');

/**
 * Aborts when `parent` aborts (with its reason) or `ms` have passed (with `reason`, by default
 * a TimeoutError DOMException, like AbortSignal.timeout). Built on setTimeout rather than
 * AbortSignal.timeout so fake timers drive it; the timer does not keep the process alive.
 * A limit of 0 or less has already passed: the signal is aborted at once.
 */
export function withDeadline(parent: AbortSignal | undefined, ms: number, reason: unknown = timeoutError(ms)): Deadline {
  const controller = new AbortController();
  let passed = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onParentAbort = () => {
    clear();
    controller.abort(parent?.reason);
  };
  const clear = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    parent?.removeEventListener('abort', onParentAbort);
  };
  if (parent?.aborted) {
    controller.abort(parent.reason);
  } else if (ms <= 0) {
    passed = true;
    controller.abort(reason);
  } else {
    timer = setTimeout(() => {
      clear();
      passed = true;
      controller.abort(reason);
    }, ms);
    timer.unref?.();
    parent?.addEventListener('abort', onParentAbort, { once: true });
  }
  return {
    signal: controller.signal,
    get passed() {
      return passed;
    },
    clear,
  };
}

/** A signal that aborts after `ms`. */
export const deadline = (ms: number, reason?: unknown): Deadline => withDeadline(undefined, ms, reason);

/**
 * `work`, or a rejection with `onTimeout()` when it has not settled within `ms`: for work that takes
 * no signal (a client library's promise). The work itself is not stopped; the caller closes what it opened.
 */
export function settleWithin<T>(work: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  const limit = deadline(ms);
  return new Promise<T>((resolve, reject) => {
    limit.signal.addEventListener('abort', () => reject(onTimeout()), { once: true });
    work.then(
      (value) => {
        limit.clear();
        resolve(value);
      },
      (error: unknown) => {
        limit.clear();
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}
