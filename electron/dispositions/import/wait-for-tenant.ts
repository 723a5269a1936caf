import { backoff } from '../../../shared/base/backoff';
import type { TenantStatus } from '../../../shared/tenant/tenant-status';

export interface TenantWatch {
  status(): TenantStatus;
  onStatus(listener: (status: TenantStatus) => void): () => void;
  /** Probes the tenant now and publishes the result. */
  reconnect(): Promise<TenantStatus>;
}

/**
 * Resolves once the tenant answers again: on the session's own "connected" news, or
 * when one of our spaced-out probes finds it (first after 2 s, doubling to 60 s).
 * Rejects when the signal aborts (the import was cancelled or the console closes).
 */
export function waitForTenant(watch: TenantWatch, signal: AbortSignal, firstProbeMs = 2000, maxProbeMs = 60_000): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const probeWait = backoff({ baseMs: firstProbeMs, capMs: maxProbeMs });
    let probes = 0;
    let timer: NodeJS.Timeout | null = null;
    const finish = (outcome: () => void) => {
      off();
      if (timer) clearTimeout(timer);
      signal.removeEventListener('abort', onAbort);
      outcome();
    };
    const onAbort = () => finish(() => reject(signal.reason));
    const off = watch.onStatus((status) => {
      if (status.connection === 'connected') finish(resolve);
    });
    const probeLater = () => {
      timer = setTimeout(() => {
        void watch.reconnect().then(
          (status) => (status.connection === 'connected' ? finish(resolve) : probeLater()),
          () => probeLater(),
        );
      }, probeWait(++probes));
      timer.unref?.();
    };
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    probeLater();
  });
}
