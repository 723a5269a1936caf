import { DateTime } from 'luxon';
import {
  dialerTypes,
  type Agent,
  type AgentState,
  type Campaign,
  type CampaignStatus,
  type ContactList,
  type DialerType,
  type DncList,
  type DncRule,
  type Schedule,
  type WrapUpCode,
} from '../../shared/cxone/schemas';
import { createContacts, phoneNumber } from './contact-factory';
import { createPrng, deriveSeed, type Prng } from './prng';
import { applyScheduleScenarios } from './schedule-scenarios';
import type { DemoTenantState } from './public-types';
import {
  agentFirstNames,
  agentLastNames,
  campaignProducts,
  campaignSuffixes,
  contactListKinds,
  cronExpressions,
  dncListCatalog,
  regions,
  seedAnchorMs,
  weightedPick,
  wrapUpCodeCatalog,
  type Region,
} from './seed-catalog';

export interface SeedOptions {
  seed: number;
  campaignCount: number;
  contactsPerCampaign: number;
  /** Default agentCountFor(campaignCount). */
  agentCount?: number;
}

const dayMs = 24 * 3600 * 1000;
const iso = (ms: number) => new Date(ms).toISOString();
const pad = (n: number, width: number) => String(n).padStart(width, '0');

export const campaignIdOf = (number: number) => `cmp-${pad(number, 4)}`;
export const agentIdOf = (number: number) => `agent-${pad(number, 3)}`;

/** Exact status counts so every status is present; the rest run, as on a busy floor. */
function statusPlan(count: number, prng: Prng): CampaignStatus[] {
  const smallFloor: CampaignStatus[] = ['running', 'paused', 'draft', 'running', 'activating', 'completed', 'failed', 'running', 'paused', 'draft', 'running'];
  if (count < 12) return prng.shuffle(smallFloor.slice(0, count));
  const share = (fraction: number) => Math.max(1, Math.round(count * fraction));
  const plan: CampaignStatus[] = [];
  const add = (status: CampaignStatus, n: number) => {
    for (let i = 0; i < n; i++) plan.push(status);
  };
  add('paused', share(0.17));
  add('draft', share(0.15));
  add('activating', share(0.04));
  add('completed', share(0.06));
  add('failed', share(0.04));
  add('running', count - plan.length);
  return prng.shuffle(plan);
}

const dialerTypeWeights: readonly (readonly [DialerType, number])[] = [
  ['predictive', 40],
  ['progressive', 30],
  ['power', 20],
  ['preview', 10],
];

function seedContactLists(count: number, prng: Prng): { lists: ContactList[]; regionOf: Map<string, Region> } {
  const lists: ContactList[] = [];
  const regionOf = new Map<string, Region>();
  for (let i = 0; i < count; i++) {
    const region = regions[i % regions.length] as Region;
    const id = `cl-${pad(i + 1, 3)}`;
    const month = DateTime.fromMillis(seedAnchorMs - prng.int(0, 10) * 30 * dayMs, { zone: 'utc' }).toFormat('yyyy-MM');
    lists.push({
      id,
      name: `${region.stateCode} ${prng.pick(contactListKinds)} ${month}`,
      recordCount: prng.int(800, 25_000),
      timezoneField: prng.chance(0.7) ? 'timezone' : null,
      createdAt: iso(seedAnchorMs - prng.int(30, 400) * dayMs),
    });
    regionOf.set(id, region);
  }
  // An empty list: campaigns built on it fail activation, as on a real tenant.
  lists.push({
    id: `cl-${pad(count + 1, 3)}`,
    name: 'Unassigned Leads (empty)',
    recordCount: 0,
    timezoneField: null,
    createdAt: iso(seedAnchorMs - 12 * dayMs),
  });
  return { lists, regionOf };
}

function seedSchedule(region: Region, prng: Prng): Schedule {
  const start = DateTime.fromMillis(seedAnchorMs - prng.int(1, 60) * dayMs, { zone: region.timezone })
    .startOf('day')
    .plus({ hours: 8 });
  const end = start.plus({ days: prng.int(60, 400) }).set({ hour: 20 });
  return {
    timezone: region.timezone,
    cronExpression: prng.pick(cronExpressions),
    startTime: start.toISO({ suppressMilliseconds: true }) ?? iso(seedAnchorMs),
    endTime: end.toISO({ suppressMilliseconds: true }) ?? iso(seedAnchorMs),
    retryPolicy: {
      maxAttempts: prng.int(1, 5),
      retryIntervalMs: prng.pick([60_000, 300_000, 900_000, 3_600_000]),
      retryOnBusy: prng.chance(0.8),
      retryOnNoAnswer: prng.chance(0.7),
    },
  };
}

function seedDncRules(prng: Prng): DncRule[] {
  const rules: DncRule[] = [{ type: 'FCC_MIN_TIME' }, { type: 'FCC_MAX_TIME' }];
  if (prng.chance(0.7)) rules.push({ type: 'STATE_DNC' });
  if (prng.chance(0.8)) rules.push({ type: 'INTERNAL_DNC' });
  return rules;
}

function uniqueName(base: string, taken: Map<string, number>): string {
  const seen = taken.get(base) ?? 0;
  taken.set(base, seen + 1);
  return seen === 0 ? base : `${base} #${seen + 1}`;
}

function seedAgents(count: number, skillPool: readonly string[], prng: Prng): Agent[] {
  const stateWeights: readonly (readonly [AgentState, number])[] = [
    ['available', 25],
    ['on_call', 40],
    ['wrap_up', 12],
    ['unavailable', 13],
    ['logged_out', 10],
  ];
  const agents: Agent[] = [];
  for (let i = 0; i < count; i++) {
    const region = regions[i % regions.length] as Region;
    const skills = new Set<string>();
    const skillCount = skillPool.length === 0 ? 0 : prng.int(1, Math.min(4, skillPool.length));
    while (skills.size < skillCount) skills.add(prng.pick(skillPool));
    agents.push({
      userId: agentIdOf(i + 1),
      name: `${prng.pick(agentFirstNames)} ${prng.pick(agentLastNames)}`,
      state: weightedPick(stateWeights, prng.next()),
      queueId: `q-${region.stateCode.toLowerCase()}-outbound`,
      skills: [...skills],
      stateSince: iso(seedAnchorMs - prng.int(10, 3600) * 1000),
    });
  }
  return agents;
}

export function agentCountFor(campaignCount: number): number {
  return Math.max(48, Math.min(500, Math.ceil(campaignCount * 0.75)));
}

/** The whole seeded tenant. Identical for identical options. */
export function seedTenantState(options: SeedOptions): DemoTenantState {
  const prng = createPrng(deriveSeed(options.seed, 1));
  const wrapUpCodes: WrapUpCode[] = wrapUpCodeCatalog.map((code, i) => ({ id: `wuc-${pad(i + 1, 2)}`, ...code }));
  const wrapUpCodeIds = wrapUpCodes.map((code) => code.id);
  const dncLists: DncList[] = dncListCatalog.map((list, i) => ({ id: `dnc-${pad(i + 1, 2)}`, ...list, recordCount: 0 }));
  const activeDncIds = dncLists.filter((list) => list.state === 'ACTIVE').map((list) => list.id);
  const { lists, regionOf } = seedContactLists(Math.max(8, Math.ceil(options.campaignCount / 3)), prng);
  const usableLists = lists.filter((list) => list.recordCount > 0);
  const agentCount = options.agentCount ?? agentCountFor(options.campaignCount);
  const agentIds = Array.from({ length: agentCount }, (_, i) => agentIdOf(i + 1));

  const campaigns = new Map<string, Campaign>();
  const contacts: DemoTenantState['contacts'] = new Map();
  const takenNames = new Map<string, number>();
  const statuses = statusPlan(options.campaignCount, prng);
  statuses.forEach((status, index) => {
    const id = campaignIdOf(index + 1);
    const list = usableLists[index % usableLists.length] as ContactList;
    const region = regionOf.get(list.id) as Region;
    const createdMs = seedAnchorMs - prng.int(5, 200) * dayMs - prng.int(0, 86_399) * 1000;
    const dialerType: DialerType = index < dialerTypes.length ? (dialerTypes[index] as DialerType) : weightedPick(dialerTypeWeights, prng.next());
    const maxConcurrentCalls = prng.int(2, 16);
    const campaign: Campaign = {
      id,
      name: uniqueName(`${region.stateCode} ${prng.pick(campaignProducts)} ${prng.pick(campaignSuffixes)}`, takenNames),
      dialerType,
      status,
      version: status === 'draft' ? prng.int(1, 3) : prng.int(2, 12),
      contactListId: list.id,
      wrapUpCodeIds: prng.chance(0.7) ? wrapUpCodeIds.slice(0, 6) : [...wrapUpCodeIds],
      maxCallsPerHour: prng.pick([60, 100, 120, 150, 200, 300]),
      agentAllocation: prng.int(2, 20),
      suppressionRules: [
        { type: 'dnc', enabled: true },
        { type: 'do_not_call_list', enabled: prng.chance(0.8) },
      ],
      dncListId: prng.chance(0.9) ? prng.pick(activeDncIds) : null,
      dncRules: seedDncRules(prng),
      schedule: prng.chance(0.85) ? seedSchedule(region, prng) : null,
      rules: { maxConcurrentCalls },
      customAttributes: { region: region.code, timezone: region.timezone, lineOfBusiness: prng.pick(['sales', 'retention', 'collections', 'care']) },
      createdAt: iso(createdMs),
      updatedAt: iso(createdMs + prng.int(0, seedAnchorMs - createdMs)),
    };
    campaigns.set(id, campaign);
    contacts.set(
      id,
      createContacts({
        campaignId: id,
        campaignStatus: status,
        count: options.contactsPerCampaign,
        maxConcurrentCalls,
        region,
        agentIds,
        beforeMs: seedAnchorMs,
        prng,
      }),
    );
  });

  const skillPool = [...campaigns.values()].filter((c) => c.status === 'running' || c.status === 'paused').map((c) => c.id);
  const agents = seedAgents(agentCount, skillPool, prng);

  const dncNumbers = new Map<string, Set<string>>(dncLists.map((list) => [list.id, new Set<string>()]));
  const federal = dncNumbers.get('dnc-01') as Set<string>;
  const internal = dncNumbers.get('dnc-02') as Set<string>;
  const legacy = dncNumbers.get('dnc-03') as Set<string>;
  for (let i = 0; i < 200; i++) federal.add(phoneNumber(prng.pick(regions), prng));
  for (let i = 0; i < 40; i++) internal.add(phoneNumber(prng.pick(regions), prng));
  for (let i = 0; i < 60; i++) legacy.add(phoneNumber(prng.pick(regions), prng));
  for (const byId of contacts.values()) {
    for (const contact of byId.values()) {
      if (contact.outcomeCode === 'DO_NOT_CALL') internal.add(contact.phone);
      else if (prng.next() < 0.01) federal.add(contact.phone);
    }
  }
  for (const list of dncLists) list.recordCount = dncNumbers.get(list.id)?.size ?? 0;

  const state: DemoTenantState = {
    campaigns,
    contacts,
    contactLists: new Map(lists.map((list) => [list.id, list])),
    wrapUpCodes: new Map(wrapUpCodes.map((code) => [code.id, code])),
    dncLists: new Map(dncLists.map((list) => [list.id, list])),
    dncNumbers,
    agents,
    subscriptions: new Map(),
  };
  applyScheduleScenarios(state, createPrng(deriveSeed(options.seed, 5)));
  return state;
}

/** Which region a new campaign's contacts are drawn from. */
export function regionForCampaign(customAttributes: Record<string, string>): Region {
  return regions.find((region) => region.code === customAttributes.region) ?? (regions[0] as Region);
}
