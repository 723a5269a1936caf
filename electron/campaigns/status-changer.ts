import type { StatusChangeResult } from '../../shared/campaigns/status-change';
import { alreadySatisfies } from '../../shared/campaigns/status-transitions';
import type { Campaign, RequestedStatus } from '../../shared/cxone/schemas';
import { toConsoleError } from '../../shared/errors';
import type { CampaignsPort } from '../tenant/ports';

export interface CampaignRef {
  id: string;
  name?: string;
  status?: string;
}

/**
 * One status change per contract §4.3: on a 409 the campaign is re-read; already in
 * the target status counts as done, anything else is reported as impossible with the
 * reason, and nothing is forced.
 */
export async function changeCampaignStatus(
  campaigns: CampaignsPort,
  ref: CampaignRef,
  target: RequestedStatus,
  options: { signal?: AbortSignal; now?: () => number } = {},
): Promise<StatusChangeResult & { campaign: Campaign | null }> {
  const now = options.now ?? Date.now;
  const started = now();
  const base = { campaignId: ref.id, name: ref.name ?? ref.id, target, statusBefore: ref.status ?? null };
  const finish = (rest: Omit<StatusChangeResult, 'campaignId' | 'name' | 'target' | 'statusBefore' | 'latencyMs'>, campaign: Campaign | null) => ({
    ...base,
    ...(campaign ? { name: campaign.name } : {}),
    ...rest,
    latencyMs: now() - started,
    campaign,
  });
  try {
    const campaign = await campaigns.setStatus(ref.id, target, options.signal);
    return finish({ outcome: 'changed', statusAfter: campaign.status }, campaign);
  } catch (thrown) {
    const error = toConsoleError(thrown);
    if (error.kind === 'cancelled') return finish({ outcome: 'cancelled', statusAfter: null, reason: 'Cancelled before the tenant answered.' }, null);
    if (error.kind !== 'conflict') return finish({ outcome: 'failed', statusAfter: null, reason: error.message, error }, null);
    let fresh: Campaign;
    try {
      fresh = await campaigns.get(ref.id, options.signal);
    } catch (rereadThrown) {
      const rereadError = toConsoleError(rereadThrown);
      return finish(
        {
          outcome: 'failed',
          statusAfter: null,
          reason: `The tenant refused the change and the campaign could not be re-read: ${rereadError.message}`,
          error: rereadError,
        },
        null,
      );
    }
    if (alreadySatisfies(fresh.status, target)) {
      return finish({ outcome: 'already', statusAfter: fresh.status, reason: `Already ${fresh.status}.` }, fresh);
    }
    return finish(
      {
        outcome: 'impossible',
        statusAfter: fresh.status,
        reason: `The campaign is ${fresh.status}; the tenant does not allow ${fresh.status} → ${target}${error.code ? ` (${error.code})` : ''}.`,
        error,
      },
      fresh,
    );
  }
}
