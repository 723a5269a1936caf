import { clearTimer, setTimer, type AbortSignalLike } from './host';

/** Resolves after `ms`; when `signal` aborts first, clears the timer and rejects with the signal's reason. */
export function delay(ms: number, signal?: AbortSignalLike): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    if (signal?.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimer(timer);
      reject(signal?.reason);
    };
    const timer = setTimer(
      () => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      },
      Math.max(0, ms),
    );
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
