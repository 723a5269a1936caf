import type { Campaign, CampaignStatus } from '../../../shared/cxone/schemas';
import { campaignStatusOfSkill, dialerTypeOfPersonalConnection, unknownTimestamp } from './assumptions';
import type { AdminSkill } from './admin-schemas';

export const personalConnection = 'Personal Connection';

/** Fact: an outbound campaign that dials is a skill with `isOutbound` and the Personal Connection strategy. */
export const isDialingSkill = (skill: AdminSkill) => skill.isOutbound && skill.outboundStrategy === personalConnection;

/** The one value every versionless campaign carries: the Admin API has no `version`, writes read-compare-write instead. */
export const versionless = 0;

/** A Personal Connection skill as the console's campaign; the CXone campaign it reports under is kept beside it. */
export function campaignOfSkill(skill: AdminSkill, status: CampaignStatus = campaignStatusOfSkill(skill)): Campaign {
  return {
    id: skill.skillId,
    name: skill.skillName,
    dialerType: dialerTypeOfPersonalConnection,
    status,
    version: versionless,
    // A skill's calling lists sit in its parameters, not on the skill; the campaign list does not read them.
    contactListId: '-',
    wrapUpCodeIds: skill.dispositions.map((disposition) => disposition.dispositionId),
    maxCallsPerHour: 0,
    agentAllocation: 0,
    suppressionRules: [],
    dncListId: null,
    dncRules: [],
    schedule: null,
    rules: { maxConcurrentCalls: 0 },
    customAttributes: {
      cxoneCampaignId: skill.campaignId ?? '',
      cxoneCampaignName: skill.campaignName ?? '',
      outboundStrategy: skill.outboundStrategy ?? '',
    },
    createdAt: unknownTimestamp,
    updatedAt: unknownTimestamp,
  };
}
