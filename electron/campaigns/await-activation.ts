import type { Campaign } from '../../shared/cxone/schemas';
import type { CampaignsPort } from '../tenant/ports';

export interface ActivationPolling {
  /** First wait before re-reading; the contract's base is 2 s. */
  baseMs?: number;
  capMs?: number;
  deadlineMs?: number;
  random?: () => number;
}

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve) => {
    if (signal?.aborted) return resolve();
    const timer = setTimeout(done, ms);
    function done() {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });

/**
 * Polls an activating campaign until it leaves `activating` (contract §4.2: base 2 s,
 * ×2 per attempt, jitter ×0.5–1.5, cap 30 s), the deadline passes or the signal aborts.
 * Returns the last campaign read; its status says which of those happened.
 */
export async function awaitActivation(
  campaigns: CampaignsPort,
  id: string,
  signal: AbortSignal | undefined,
  polling: ActivationPolling = {},
): Promise<Campaign | null> {
  const base = polling.baseMs ?? 2000;
  const cap = polling.capMs ?? 30_000;
  const random = polling.random ?? Math.random;
  const deadline = Date.now() + (polling.deadlineMs ?? 60_000);
  let last: Campaign | null = null;
  for (let attempt = 0; !signal?.aborted; attempt++) {
    const remaining = deadline - Date.now();
    if (remaining <= 0) break;
    const wait = Math.min(cap, base * 2 ** attempt) * (0.5 + random());
    await sleep(Math.min(wait, remaining), signal);
    if (signal?.aborted) break;
    last = await campaigns.get(id, signal);
    if (last.status !== 'activating') return last;
  }
  return last;
}
