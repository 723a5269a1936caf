import { busyContactStates, type CampaignStatus, type ContactState } from '../../shared/cxone/schemas';
import type { Prng } from './prng';
import type { DemoContact } from './public-types';
import { outcomeWeights, unansweredOutcomes, weightedPick, type Region } from './seed-catalog';

export interface ContactBatchOptions {
  campaignId: string;
  campaignStatus: CampaignStatus;
  count: number;
  maxConcurrentCalls: number;
  region: Region;
  agentIds: readonly string[];
  /** Dispositions of already finished contacts lie before this instant. */
  beforeMs: number;
  prng: Prng;
}

export const contactId = (campaignId: string, index: number) => `${campaignId}-ct-${String(index + 1).padStart(5, '0')}`;

export function phoneNumber(region: Region, prng: Prng): string {
  return `+1${prng.pick(region.areaCodes)}555${String(prng.int(0, 9999)).padStart(4, '0')}`;
}

/**
 * Counts of finished and in-flight contacts for a campaign in a given status: a dialer
 * works a list front to back, so DONE contacts come first, then those on the line.
 */
function progressOf(options: ContactBatchOptions): { done: number; busy: number; busyStates: readonly ContactState[] } {
  const { campaignStatus, count, maxConcurrentCalls, prng } = options;
  switch (campaignStatus) {
    case 'completed':
      return { done: count, busy: 0, busyStates: [] };
    case 'running': {
      const done = Math.floor(count * (0.15 + prng.next() * 0.6));
      const busy = Math.min(count - done, Math.max(1, maxConcurrentCalls));
      return { done, busy, busyStates: busyContactStates };
    }
    case 'paused': {
      const done = Math.floor(count * (0.1 + prng.next() * 0.6));
      return { done, busy: Math.min(count - done, 2), busyStates: ['WRAP_UP'] };
    }
    default:
      return { done: 0, busy: 0, busyStates: [] };
  }
}

export function createContacts(options: ContactBatchOptions): Map<string, DemoContact> {
  const { campaignId, count, region, prng, agentIds, beforeMs } = options;
  const progress = progressOf(options);
  const contacts = new Map<string, DemoContact>();
  for (let index = 0; index < count; index++) {
    const id = contactId(campaignId, index);
    const contact: DemoContact = {
      id,
      campaignId,
      phone: phoneNumber(region, prng),
      timezone: prng.chance(0.92) ? region.timezone : 'America/New_York',
      state: 'PENDING',
      outcomeCode: null,
      agentId: null,
      dispositionTimestamp: null,
      version: 1,
    };
    if (index < progress.done) {
      const outcome = weightedPick(outcomeWeights, prng.next());
      contact.state = 'DONE';
      contact.outcomeCode = outcome;
      contact.agentId = unansweredOutcomes.has(outcome) || agentIds.length === 0 ? null : prng.pick(agentIds);
      contact.dispositionTimestamp = new Date(beforeMs - prng.int(60, 14 * 24 * 3600) * 1000).toISOString();
      contact.version = prng.int(2, 5);
    } else if (index < progress.done + progress.busy) {
      const state = prng.pick(progress.busyStates);
      contact.state = state;
      contact.version = 2;
      if ((state === 'CONNECTED' || state === 'WRAP_UP') && agentIds.length > 0) contact.agentId = prng.pick(agentIds);
    }
    contacts.set(id, contact);
  }
  return contacts;
}
