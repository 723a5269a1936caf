import { backoff } from '../../shared/base/backoff';
import { delay } from '../../shared/base/delay';
import type { Campaign } from '../../shared/cxone/schemas';
import { withDeadline } from '../base/deadline';
import type { CampaignsPort } from '../tenant/ports';

export interface ActivationPolling {
  /** First wait before re-reading; the contract's base is 2 s. */
  baseMs?: number;
  capMs?: number;
  deadlineMs?: number;
  random?: () => number;
}

/**
 * Polls an activating campaign until it leaves `activating` (contract §4.2: base 2 s,
 * ×2 per attempt, jitter ×0.5–1.5, cap 30 s), the deadline passes or the signal aborts.
 * A wait cut short by the deadline still ends in one last read.
 * Returns the last campaign read; its status says which of those happened.
 */
export async function awaitActivation(
  campaigns: CampaignsPort,
  id: string,
  signal: AbortSignal | undefined,
  polling: ActivationPolling = {},
): Promise<Campaign | null> {
  const wait = backoff({ baseMs: polling.baseMs ?? 2000, capMs: polling.capMs ?? 30_000, jitter: 'proportional', random: polling.random });
  const limit = withDeadline(signal, polling.deadlineMs ?? 60_000);
  let last: Campaign | null = null;
  try {
    for (let retry = 1; !limit.signal.aborted; retry++) {
      await delay(wait(retry), limit.signal).catch(() => undefined);
      if (signal?.aborted) break;
      last = await campaigns.get(id, signal);
      if (last.status !== 'activating') return last;
    }
    return last;
  } finally {
    limit.clear();
  }
}
