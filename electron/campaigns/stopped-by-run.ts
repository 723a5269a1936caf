import type { StatusChangeResult } from '../../shared/campaigns/status-change';
import type { Campaign } from '../../shared/cxone/schemas';
import { toConsoleError } from '../../shared/errors';
import type { CampaignsPort } from '../tenant/ports';
import type { CampaignRef } from './status-changer';

/** A campaign an emergency run acts on, with what the run itself saw of it before acting. */
export interface RunCampaignRef extends CampaignRef {
  /** The version the run read from the tenant just now (its listing, or its re-read before resuming). */
  seenVersion?: number;
}

export type TrackedResult = StatusChangeResult & { campaign: Campaign | null };

/**
 * Whether the campaign's current state was reached during this run: the tenant has moved it
 * past the version the run itself read, or (for a campaign the run only knew from the
 * console's last refresh) the tenant changed it after the run started.
 */
export function changedDuringRun(ref: RunCampaignRef, campaign: Campaign, runStartedAt: number): boolean {
  if (ref.seenVersion !== undefined) return campaign.version > ref.seenVersion;
  const updatedAt = Date.parse(campaign.updatedAt);
  return Number.isFinite(updatedAt) && updatedAt > runStartedAt;
}

const verbOf = { paused: 'paused', running: 'running' } as const;
const refusedKinds: ReadonlySet<string> = new Set(['authentication', 'permission', 'configuration']);

/**
 * Contract §4.3 says a 409 whose re-read shows the target counts as "already". For an emergency
 * run that is not enough: when its own request was applied and the answer lost (a 500 after the
 * change, a dropped connection) the retry meets 409 and the re-read shows the target. A campaign
 * the run saw in the other status and now finds in the target counts as changed by the run,
 * whatever the answers were; a failed request is checked with one more read before it is
 * reported as failed.
 */
export async function settleAsRunOwn(
  campaigns: () => CampaignsPort,
  ref: RunCampaignRef,
  result: TrackedResult,
  target: 'paused' | 'running',
  runStartedAt: number,
): Promise<TrackedResult> {
  const claim = (campaign: Campaign, why: string): TrackedResult => {
    const { error: _error, ...rest } = result;
    return { ...rest, outcome: 'changed', statusAfter: campaign.status, campaign, reason: why };
  };
  if (result.outcome === 'already' && result.campaign?.status === target && changedDuringRun(ref, result.campaign, runStartedAt)) {
    return claim(
      result.campaign,
      `The tenant refused a retry (409) and a re-read shows it ${verbOf[target]} since this run saw it otherwise: counted as ${target === 'paused' ? 'stopped' : 'restarted'} by this run.`,
    );
  }
  if (result.outcome !== 'failed') return result;
  // Refused at the door (credentials, scope, settings): a re-read would be refused the same way, and
  // "may have been applied" would alarm a lead about a change the tenant never took.
  if (result.error && refusedKinds.has(result.error.kind)) return result;
  let fresh: Campaign;
  try {
    fresh = await campaigns().get(ref.id);
  } catch (thrown) {
    const error = toConsoleError(thrown);
    return {
      ...result,
      reason: `${result.reason ?? 'The change failed.'} It may have been applied all the same: the campaign could not be re-read to check (${error.message}).`,
    };
  }
  if (fresh.status === target && changedDuringRun(ref, fresh, runStartedAt)) {
    return claim(
      fresh,
      `The tenant's answers were lost (${result.reason ?? 'no answer'}), but a re-read shows it ${verbOf[target]}: counted as ${target === 'paused' ? 'stopped' : 'restarted'} by this run.`,
    );
  }
  if (fresh.status === target) {
    const { error: _error, ...rest } = result;
    return { ...rest, outcome: 'already', statusAfter: fresh.status, campaign: fresh, reason: `Already ${verbOf[target]} before this run.` };
  }
  return { ...result, statusAfter: fresh.status, campaign: fresh };
}
