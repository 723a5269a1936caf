/**
 * A signal that aborts when `parent` aborts (with its reason) or `ms` have passed (with a
 * TimeoutError DOMException, like AbortSignal.timeout). Built on setTimeout rather than
 * AbortSignal.timeout so fake timers drive it; the timer does not keep the process alive.
 */
export function withDeadline(parent: AbortSignal | undefined, ms: number): AbortSignal {
  const controller = new AbortController();
  if (parent?.aborted) {
    controller.abort(parent.reason);
    return controller.signal;
  }
  const onParentAbort = () => {
    clearTimeout(timer);
    controller.abort(parent?.reason);
  };
  const timer = setTimeout(
    () => {
      parent?.removeEventListener('abort', onParentAbort);
      controller.abort(new DOMException(`Gave up after ${ms} ms.`, 'TimeoutError'));
    },
    Math.max(0, ms),
  );
  timer.unref?.();
  parent?.addEventListener('abort', onParentAbort, { once: true });
  return controller.signal;
}

/** A signal that aborts after `ms`. */
export const deadline = (ms: number): AbortSignal => withDeadline(undefined, ms);

/** Whether `signal` was aborted by its deadline rather than by its parent. */
export const deadlinePassed = (signal: AbortSignal): boolean =>
  signal.aborted && signal.reason instanceof DOMException && signal.reason.name === 'TimeoutError';
