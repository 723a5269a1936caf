import { CronExpressionParser } from 'cron-parser';
import type { Campaign } from '../../shared/cxone/schemas';
import { phoneNumber } from './contact-factory';
import type { Prng } from './prng';
import type { DemoTenantState } from './public-types';
import { regions, seedAnchorMs, type Region } from './seed-catalog';
import { staffingTimeline } from '../../shared/schedules/staffing-timeline';

/** Calling windows close by 20:00 in the campaign's zone unless a scenario says otherwise. */
const closingMinutes = 20 * 60;

/** A cron that opens at noon every day for nine hours: past 20:00 for Florida or Washington, and on Sundays. */
const lateEveryDayCron = '0 12 * * *';

function openingMinutes(cronExpression: string): number {
  const { fields } = CronExpressionParser.parse(cronExpression);
  return Number(fields.hour.values[0] ?? 9) * 60 + Number(fields.minute.values[0] ?? 0);
}

function withWindow(campaign: Campaign, lateScenario: boolean): Campaign {
  const schedule = campaign.schedule;
  if (!schedule) return campaign;
  if (lateScenario) return { ...campaign, schedule: { ...schedule, cronExpression: lateEveryDayCron, windowMinutes: 9 * 60 } };
  const windowMinutes = Math.max(60, Math.min(480, closingMinutes - openingMinutes(schedule.cronExpression)));
  return { ...campaign, schedule: { ...schedule, windowMinutes } };
}

/**
 * Gives the seeded tenant something for the schedule checks to find: every schedule gets a
 * window length; every seventh runs late every day; about half the campaigns have a tenth of
 * their pending contacts living in another region (another zone and state), and a few
 * pending contacts carry no zone, some of them with a number whose area code says nothing
 * (a Toronto 416). Runs after all other seeding on its own random stream, so that the
 * counts and picks the rest of the seed makes stay as they were.
 */
export function applyScheduleScenarios(state: DemoTenantState, prng: Prng): void {
  moveContacts(state, prng);
  spreadOverWeekdays(state);
  fitStaffing(state, prng);
  spreadRetries(state);
}

/** Campaigns whose windows the staffing timeline shows: scheduled and not yet over. */
const staffed = (state: DemoTenantState) =>
  [...state.campaigns.values()].filter((campaign) => campaign.schedule !== null && campaign.status !== 'completed' && campaign.status !== 'failed');

/** Campaigns given more agents than are skilled for them, so the staffing timeline has real shortages to show. */
const understaffedCampaigns = 1;

/**
 * The seeded allocations (2–20 agents against ~2 skilled each) would keep the staffing
 * timeline red all day. A planned tenant asks for what it has: each campaign asks for the
 * agents skilled for it (none for a draft nobody is skilled for yet), lowered one by one
 * where campaigns open at once share agents, until the two weeks fit, then one running campaign
 * asks for three more agents than it has: the shortages a lead should see, on its days.
 */
function fitStaffing(state: DemoTenantState, prng: Prng): void {
  const skilledFor = (id: string) => state.agents.filter((agent) => agent.skills.includes(id)).length;
  for (const campaign of staffed(state)) state.campaigns.set(campaign.id, { ...campaign, agentAllocation: skilledFor(campaign.id) });
  const range = { fromMs: seedAnchorMs, days: 14 };
  for (let round = 0; round < 40; round++) {
    const { overloaded } = staffingTimeline(staffed(state), state.agents, range);
    const crowded = new Set(overloaded.flatMap((stretch) => stretch.campaignIds));
    const lowered = [...crowded].filter((id) => {
      const campaign = state.campaigns.get(id) as Campaign;
      if (campaign.agentAllocation <= 1) return false;
      state.campaigns.set(id, { ...campaign, agentAllocation: campaign.agentAllocation - 1 });
      return true;
    });
    if (lowered.length === 0) break;
  }
  const candidates = staffed(state).filter((campaign) => campaign.agentAllocation > 0 && campaign.status === 'running');
  for (let picked = 0; picked < understaffedCampaigns && candidates.length > 0; picked++) {
    const [campaign] = candidates.splice(prng.int(0, candidates.length - 1), 1) as [Campaign];
    state.campaigns.set(campaign.id, { ...campaign, agentAllocation: skilledFor(campaign.id) + 3 });
  }
}

function moveContacts(state: DemoTenantState, prng: Prng): void {
  let scheduled = 0;
  for (const campaign of state.campaigns.values()) {
    const late = campaign.schedule !== null && scheduled++ % 7 === 3;
    state.campaigns.set(campaign.id, withWindow(campaign, late));
    const contacts = state.contacts.get(campaign.id);
    if (!contacts) continue;
    const home = regions.find((region) => region.code === campaign.customAttributes.region);
    const elsewhere = regions.filter((region) => region.timezone !== home?.timezone);
    const movers = prng.chance(0.5);
    for (const contact of contacts.values()) {
      if (contact.state !== 'PENDING') continue;
      if (movers && prng.chance(0.1)) {
        const region = prng.pick(elsewhere) as Region;
        contact.phone = phoneNumber(region, prng);
        contact.timezone = region.timezone;
      } else if (prng.chance(0.015)) {
        contact.timezone = '';
        if (prng.chance(0.35)) contact.phone = `+1416555${String(prng.int(0, 9999)).padStart(4, '0')}`;
      }
    }
  }
}

/** Campaigns that may conflict: they share a contact list, or an agent's skills name both (§4.7). */
function relatedPairs(state: DemoTenantState, ids: ReadonlySet<string>): Map<string, Set<string>> {
  const related = new Map<string, Set<string>>([...ids].map((id) => [id, new Set<string>()]));
  const relate = (a: string, b: string) => {
    if (a === b || !ids.has(a) || !ids.has(b)) return;
    related.get(a)?.add(b);
    related.get(b)?.add(a);
  };
  const byList = new Map<string, string[]>();
  for (const id of ids) {
    const list = state.campaigns.get(id)?.contactListId ?? '';
    byList.set(list, [...(byList.get(list) ?? []), id]);
  }
  for (const group of byList.values()) group.forEach((a, index) => group.slice(index + 1).forEach((b) => relate(a, b)));
  for (const agent of state.agents) agent.skills.forEach((a, index) => agent.skills.slice(index + 1).forEach((b) => relate(a, b)));
  return related;
}

/** Two weekdays each, far enough apart that the windows of one group never meet another's in any US zone. */
const weekdayGroups = ['1,4', '2,5', '3,6'] as const;

/**
 * Related campaigns dialling on the same days would all conflict (the seeded agents' skills
 * relate most campaigns to a few others), so each scheduled campaign gets a pair of weekdays
 * its related campaigns do not use where that is possible (greedy colouring, most related
 * first). The few it cannot place take the pair with the fewest related campaigns on it: those
 * are the tenant's real conflicts. A campaign that runs late every day keeps its Sunday.
 */
function spreadOverWeekdays(state: DemoTenantState): void {
  const ids = new Set([...state.campaigns.values()].filter((campaign) => campaign.schedule !== null).map((campaign) => campaign.id));
  const related = relatedPairs(state, ids);
  const group = new Map<string, number>();
  const order = [...ids].sort((a, b) => (related.get(b)?.size ?? 0) - (related.get(a)?.size ?? 0) || a.localeCompare(b));
  for (const id of order) {
    const clashes = weekdayGroups.map((_, index) => [...(related.get(id) ?? [])].filter((other) => group.get(other) === index).length);
    group.set(id, clashes.indexOf(Math.min(...clashes)));
  }
  for (const id of ids) {
    const campaign = state.campaigns.get(id) as Campaign;
    const schedule = campaign.schedule as NonNullable<Campaign['schedule']>;
    const fields = schedule.cronExpression.split(' ');
    const days = weekdayGroups[group.get(id) ?? 0] as string;
    fields[4] = schedule.cronExpression === lateEveryDayCron ? `0,${days}` : days;
    state.campaigns.set(id, { ...campaign, schedule: { ...schedule, cronExpression: fields.join(' ') } });
  }
}

/** Retries this far apart never make a fourth call within 24 h, whatever the windows. */
const spreadRetryMs = 8 * 3600_000;

/**
 * Florida, Oklahoma and Maryland allow 3 calls per 24 h on one subject, and most campaigns
 * have contacts there: a campaign allowed more than 3 attempts retries 8 h apart, except every
 * fourth of them, which keeps its short interval for the gate to catch.
 */
function spreadRetries(state: DemoTenantState): void {
  let many = 0;
  for (const campaign of state.campaigns.values()) {
    const policy = campaign.schedule?.retryPolicy;
    if (!campaign.schedule || !policy || policy.maxAttempts <= 3 || many++ % 4 === 3) continue;
    state.campaigns.set(campaign.id, { ...campaign, schedule: { ...campaign.schedule, retryPolicy: { ...policy, retryIntervalMs: spreadRetryMs } } });
  }
}
