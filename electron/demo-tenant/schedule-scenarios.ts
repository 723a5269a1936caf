import { CronExpressionParser } from 'cron-parser';
import type { Campaign } from '../../shared/cxone/schemas';
import { phoneNumber } from './contact-factory';
import type { Prng } from './prng';
import type { DemoTenantState } from './public-types';
import { regions, type Region } from './seed-catalog';

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
