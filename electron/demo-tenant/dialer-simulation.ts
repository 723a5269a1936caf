import type { Agent, AgentState, Campaign, ContactState } from '../../shared/cxone/schemas';
import type { Prng } from './prng';
import type { DemoContact, DemoTenantState } from './public-types';
import { weightedPick } from './seed-catalog';

export interface DialerDependencies {
  state: DemoTenantState;
  prng: Prng;
  now: () => number;
  /** A DO_NOT_CALL outcome lands the number on this list. */
  recordOptOut: (phone: string) => void;
}

const ringingOutcomes: readonly (readonly [string, number])[] = [
  ['CONNECTED', 55],
  ['NO_ANSWER', 28],
  ['BUSY', 9],
  ['VOICEMAIL_LEFT', 8],
];

const talkedOutcomes: readonly (readonly [string, number])[] = [
  ['NOT_INTERESTED', 40],
  ['INTERESTED', 25],
  ['CALLBACK_LATER', 22],
  ['WRONG_NUMBER', 8],
  ['DO_NOT_CALL', 5],
];

/** Where an agent goes next, weighted; agents move on about one tick in six. */
const agentMoves: Record<AgentState, readonly (readonly [AgentState, number])[]> = {
  available: [
    ['on_call', 70],
    ['unavailable', 20],
    ['logged_out', 10],
  ],
  on_call: [['wrap_up', 100]],
  wrap_up: [
    ['available', 90],
    ['unavailable', 10],
  ],
  unavailable: [
    ['available', 85],
    ['logged_out', 15],
  ],
  logged_out: [['available', 100]],
};

/**
 * One step of a simplified dialer: running campaigns keep up to `rules.maxConcurrentCalls`
 * contacts in flight (PENDING → DIALING → RINGING → CONNECTED → WRAP_UP → DONE); calls
 * already in flight finish even after a pause. Agents drift between states.
 */
export function createDialerSimulation(deps: DialerDependencies) {
  const { state, prng } = deps;

  const outcomeAllowed = (code: string) => {
    for (const wrapUp of state.wrapUpCodes.values()) if (wrapUp.outcomeCode === code) return true;
    return false;
  };

  const pickAgentFor = (campaignId: string): string | null => {
    const skilled = state.agents.filter((agent) => agent.skills.includes(campaignId) && agent.state === 'available');
    const pool = skilled.length > 0 ? skilled : state.agents.filter((agent) => agent.state !== 'logged_out');
    return pool.length > 0 ? prng.pick(pool).userId : null;
  };

  const finish = (contact: DemoContact, outcome: string, at: string) => {
    contact.state = 'DONE';
    contact.outcomeCode = outcomeAllowed(outcome) ? outcome : 'NO_ANSWER';
    contact.dispositionTimestamp = at;
    if (contact.outcomeCode === 'DO_NOT_CALL') deps.recordOptOut(contact.phone);
  };

  /** Moves one in-flight contact on (or leaves it where it is) and says where it ended up. */
  const advance = (campaign: Campaign, contact: DemoContact, at: string): ContactState => {
    switch (contact.state) {
      case 'DIALING':
        contact.state = 'RINGING';
        break;
      case 'RINGING': {
        const next = weightedPick(ringingOutcomes, prng.next());
        if (next === 'CONNECTED') {
          contact.state = 'CONNECTED';
          contact.agentId = pickAgentFor(campaign.id);
        } else {
          finish(contact, next, at);
        }
        break;
      }
      case 'CONNECTED':
        if (!prng.chance(0.6)) return contact.state;
        contact.state = 'WRAP_UP';
        break;
      case 'WRAP_UP':
        if (!prng.chance(0.7)) return contact.state;
        finish(contact, weightedPick(talkedOutcomes, prng.next()), at);
        break;
      default:
        return contact.state;
    }
    contact.version += 1;
    return contact.state;
  };

  const stepCampaign = (campaign: Campaign, contacts: Map<string, DemoContact>, at: string) => {
    let inFlight = 0;
    for (const contact of contacts.values()) {
      if (contact.state === 'PENDING' || contact.state === 'DONE') continue;
      if (advance(campaign, contact, at) !== 'DONE') inFlight++;
    }
    if (campaign.status !== 'running') return;
    const capacity = Math.max(0, campaign.rules.maxConcurrentCalls - inFlight);
    let started = 0;
    for (const contact of contacts.values()) {
      if (started >= capacity) break;
      if (contact.state !== 'PENDING') continue;
      contact.state = 'DIALING';
      contact.version += 1;
      started++;
    }
  };

  const stepAgent = (agent: Agent, at: string) => {
    if (!prng.chance(1 / 6)) return;
    agent.state = weightedPick(agentMoves[agent.state], prng.next());
    agent.stateSince = at;
  };

  return {
    tick(): void {
      const at = new Date(deps.now()).toISOString();
      for (const [campaignId, contacts] of state.contacts) {
        const campaign = state.campaigns.get(campaignId);
        if (campaign) stepCampaign(campaign, contacts, at);
      }
      for (const agent of state.agents) stepAgent(agent, at);
    },
  };
}
