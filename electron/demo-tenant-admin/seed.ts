import type { Agent, Campaign } from '../../shared/cxone/schemas';
import { createPrng, deriveSeed } from '../demo-tenant/prng';
import { seedTenantState } from '../demo-tenant/seed-data';
import type { AdminAgentState, AdminApiTenantState, AdminContact, AdminSkill, AdminSkillDisposition } from './public-types';

export interface AdminSeedOptions {
  seed: number;
  skillCount: number;
  contactsPerSkill: number;
}

const firstSkillId = 4_100_001;
const firstContactId = 700_000_001;
const firstAgentId = 2_300_001;
const inboundSkillCount = 8;
const phoneMediaType = { mediaTypeId: 4, mediaTypeName: 'Phone Call' };

/** A seeded campaign's status read as the two flags a skill has. */
function flagsOf(campaign: Campaign): { isActive: boolean; isRunning: boolean } {
  if (campaign.status === 'completed' || campaign.status === 'failed') return { isActive: false, isRunning: false };
  return { isActive: true, isRunning: campaign.status === 'running' };
}

/** The agent states the public facts list, drawn to match the contract demo's floor. */
function agentStateNameOf(agent: Agent, roll: number): string {
  switch (agent.state) {
    case 'available':
      return roll < 0.6 ? 'Dialer' : 'Available';
    case 'on_call':
      return roll < 0.85 ? 'OutboundContact' : 'OutboundConsult';
    case 'wrap_up':
      return 'Unavailable';
    case 'unavailable':
      return roll < 0.5 ? 'Unavailable' : 'LoggedIn';
    case 'logged_out':
      return 'LoggedOut';
  }
}

const nationalNumber = (e164: string) => e164.replace(/^\+1/, '');

/**
 * The same seeded floor as the contract demo (names, regions, statuses, DNC numbers, agents),
 * told the Admin API way: outbound campaigns are Personal Connection skills grouped into
 * CXone campaigns by product, ids are numbers, wrap-up codes are dispositions.
 */
export function seedAdminTenantState(options: AdminSeedOptions): AdminApiTenantState {
  const base = seedTenantState({ seed: options.seed, campaignCount: options.skillCount, contactsPerCampaign: options.contactsPerSkill });
  const prng = createPrng(deriveSeed(options.seed, 7));
  const dispositions: AdminSkillDisposition[] = [...base.wrapUpCodes.values()].map((code, i) => ({ dispositionId: 101 + i, dispositionName: code.name }));
  const dispositionByCodeId = new Map([...base.wrapUpCodes.keys()].map((id, i) => [id, dispositions[i] as AdminSkillDisposition]));

  const cxoneCampaigns = new Map<string, number>();
  const skills = new Map<number, AdminSkill>();
  const skillIdOfCampaign = new Map<string, number>();
  let nextSkillId = firstSkillId;
  for (const campaign of base.campaigns.values()) {
    const product = campaign.name.replace(/^[A-Z]{2} /, '').replace(/ (Q4|Q1|Holiday|Wave 2|Pilot|2026|Spring|Retention)( #\d+)?$/, '');
    if (!cxoneCampaigns.has(product)) cxoneCampaigns.set(product, 501 + cxoneCampaigns.size);
    const skillId = nextSkillId++;
    skillIdOfCampaign.set(campaign.id, skillId);
    skills.set(skillId, {
      skillId,
      skillName: campaign.name,
      ...phoneMediaType,
      ...flagsOf(campaign),
      isOutbound: true,
      outboundStrategy: 'Personal Connection',
      campaignId: cxoneCampaigns.get(product) as number,
      campaignName: product,
      requireDisposition: true,
      dispositions: campaign.wrapUpCodeIds.map((id) => dispositionByCodeId.get(id)).filter((d): d is AdminSkillDisposition => d !== undefined),
    });
  }
  const inboundCampaignId = 501 + cxoneCampaigns.size;
  for (let i = 0; i < inboundSkillCount; i++) {
    const skillId = nextSkillId++;
    skills.set(skillId, {
      skillId,
      skillName: `Inbound Care ${i + 1}`,
      ...phoneMediaType,
      isActive: true,
      isOutbound: false,
      outboundStrategy: null,
      isRunning: false,
      campaignId: inboundCampaignId,
      campaignName: 'Inbound Care',
      requireDisposition: false,
      dispositions: dispositions.slice(0, 3),
    });
  }

  const contacts = new Map<number, AdminContact>();
  let nextContactId = firstContactId;
  for (const [campaignId, byId] of base.contacts) {
    const skillId = skillIdOfCampaign.get(campaignId) as number;
    for (const contact of byId.values()) {
      contacts.set(nextContactId, {
        contactId: nextContactId,
        skillId,
        active: contact.state !== 'PENDING' && contact.state !== 'DONE',
        disposition: null,
      });
      nextContactId++;
    }
  }
  const activeContactsOf = new Map<number, number[]>();
  for (const contact of contacts.values()) {
    if (!contact.active) continue;
    activeContactsOf.set(contact.skillId, [...(activeContactsOf.get(contact.skillId) ?? []), contact.contactId]);
  }

  const agentStates: AdminAgentState[] = base.agents.map((agent, i) => {
    const name = agentStateNameOf(agent, prng.next());
    const skillId = agent.skills[0] ? (skillIdOfCampaign.get(agent.skills[0]) ?? null) : null;
    const onContact = name === 'OutboundContact' || name === 'OutboundConsult';
    const contactId = onContact && skillId !== null ? (activeContactsOf.get(skillId)?.[0] ?? null) : null;
    return {
      agentId: firstAgentId + i,
      agentStateName: name,
      skillId: name === 'LoggedOut' ? null : skillId,
      isOutbound: name !== 'LoggedOut',
      contactId,
      teamId: 9_001 + (i % 6),
      startDate: agent.stateSince,
    };
  });

  const callingLists = [...base.contactLists.values()].map((list, i) => ({
    listId: 3_001 + i,
    listName: list.name,
    status: list.recordCount > 0 ? 'Finalized' : 'Empty',
    totalRecords: list.recordCount,
    validRecords: Math.floor(list.recordCount * 0.97),
    finalizedRecords: list.recordCount,
  }));

  const dncGroups = [...base.dncLists.values()].map((list, i) => ({
    dncGroupId: 61 + i,
    dncGroupName: list.name,
    dncGroupDescription: `${list.name} (seeded)`,
    isActive: list.state === 'ACTIVE',
  }));
  const dncRecords = new Map<number, Map<string, string | null>>();
  [...base.dncNumbers.values()].forEach((numbers, i) => {
    dncRecords.set(61 + i, new Map([...numbers].map((number) => [nationalNumber(number), null])));
  });

  return { skills, contacts, agentStates, dispositions, callingLists, dncGroups, dncRecords, startStopLog: [] };
}
