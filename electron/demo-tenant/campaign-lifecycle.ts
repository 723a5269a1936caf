import { statusAfterRequest } from '../../shared/campaigns/status-transitions';
import type { Campaign, CampaignStatus, RequestedStatus } from '../../shared/cxone/schemas';
import { apiError, type Checked } from './answers';
import type { DemoTenantState } from './public-types';

export interface LifecycleDependencies {
  state: DemoTenantState;
  now: () => number;
  activationMs: () => number;
}

/** Activation fails for a deterministic subset: an empty or missing contact list, or "fail" in the name. */
export function activationOutcome(campaign: Campaign, state: DemoTenantState): 'running' | 'failed' {
  const list = state.contactLists.get(campaign.contactListId);
  if (!list || list.recordCount === 0) return 'failed';
  return /fail/i.test(campaign.name) ? 'failed' : 'running';
}

export function createCampaignLifecycle(deps: LifecycleDependencies) {
  const activationTimers = new Map<string, NodeJS.Timeout>();

  const stamp = (campaign: Campaign, status: CampaignStatus): Campaign => {
    const changed: Campaign = { ...campaign, status, version: campaign.version + 1, updatedAt: new Date(deps.now()).toISOString() };
    deps.state.campaigns.set(campaign.id, changed);
    return changed;
  };

  const finishActivation = (campaignId: string) => {
    activationTimers.delete(campaignId);
    const campaign = deps.state.campaigns.get(campaignId);
    if (campaign?.status !== 'activating') return;
    stamp(campaign, activationOutcome(campaign, deps.state));
  };

  const scheduleActivation = (campaignId: string) => {
    clearTimeout(activationTimers.get(campaignId));
    const timer = setTimeout(() => finishActivation(campaignId), Math.max(0, deps.activationMs()));
    timer.unref();
    activationTimers.set(campaignId, timer);
  };

  return {
    requestStatus(campaign: Campaign, target: RequestedStatus): Checked<Campaign> {
      const next = statusAfterRequest(campaign.status, target);
      if (!next) {
        return {
          ok: false,
          answer: apiError(409, 'INVALID_TRANSITION', `Campaign ${campaign.id} cannot go from ${campaign.status} to ${target}.`, 'status'),
        };
      }
      const changed = stamp(campaign, next);
      if (next === 'activating') scheduleActivation(campaign.id);
      return { ok: true, value: changed };
    },

    /** Seeded campaigns that start out activating finish like any other. */
    resumePendingActivations(): void {
      for (const campaign of deps.state.campaigns.values()) if (campaign.status === 'activating') scheduleActivation(campaign.id);
    },

    close(): void {
      for (const timer of activationTimers.values()) clearTimeout(timer);
      activationTimers.clear();
    },
  };
}

export type CampaignLifecycle = ReturnType<typeof createCampaignLifecycle>;
