import { describe, expect, it } from 'vitest';
import { nwsAlertFeed, simpleAlertFeed } from '../../../../electron/demo-tenant/weather-feed';
import { scriptedWeather, weatherCycleMs } from '../../../../electron/demo-tenant/weather-timeline';
import { seedTenantState } from '../../../../electron/demo-tenant/seed-data';
import { parseAlertFeed } from '../../../../shared/automation/weather/alert-feed';
import { alertsInEffect } from '../../../../shared/automation/weather/alerts-in-effect';

const minute = 60_000;
const startedAt = Date.parse('2027-01-10T12:00:00Z');
const state = seedTenantState({ seed: 42, campaignCount: 64, contactsPerCampaign: 5 });
const script = scriptedWeather(state, startedAt);

/** What the rule sees at `minutes` into the script, read through each format: ids of the Severe-or-worse alerts in effect. */
function inEffectAt(minutes: number) {
  const now = startedAt + minutes * minute;
  const read = (document: unknown) => {
    const parsed = parseAlertFeed(JSON.parse(JSON.stringify(document)));
    if (!parsed.ok) throw new Error(parsed.error);
    return alertsInEffect(parsed.value, now, 'Severe').map((alert) => `${alert.event} ${alert.regions.join(',')}`);
  };
  const simple = read(simpleAlertFeed(script(now)));
  expect(read(nwsAlertFeed(script(now), now))).toEqual(simple);
  return simple;
}

describe("the demo tenant's scripted weather", () => {
  const running = new Map<string, number>();
  for (const c of state.campaigns.values())
    if (c.status === 'running') running.set(c.customAttributes.region as string, (running.get(c.customAttributes.region as string) ?? 0) + 1);
  const [busiest] = [...running.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const storm = `Winter Storm Warning ${busiest?.[0]}`;

  it('starts with a storm over the region with the most running campaigns, read alike in both formats', () => {
    expect(busiest?.[1]).toBeGreaterThan(0);
    expect(inEffectAt(0)).toEqual([storm]);
  });

  it('blinks the storm out of the feed, ends it with a Cancel, and brings an Extreme alert elsewhere that expires', () => {
    expect(inEffectAt(19)).toEqual([storm]);
    expect(inEffectAt(22)).toEqual([]);
    expect(inEffectAt(30)).toEqual([storm]);
    expect(script(startedAt + 50 * minute).some((alert) => alert.messageType === 'Cancel')).toBe(true);
    expect(inEffectAt(50)).toEqual([]);
    expect(inEffectAt(105)).toHaveLength(1);
    expect(inEffectAt(105)[0]).toMatch(/^Tornado Warning /);
    expect(script(startedAt + 117 * minute).some((alert) => alert.event === 'Tornado Warning')).toBe(true);
    expect(inEffectAt(117)).toEqual([]);
  });

  it('repeats every cycle with new alert ids', () => {
    const first = script(startedAt + minute).map((alert) => alert.id);
    const second = script(startedAt + weatherCycleMs + minute).map((alert) => alert.id);
    expect(inEffectAt(weatherCycleMs / minute + 1)).toEqual([storm]);
    expect(second.some((id) => first.includes(id))).toBe(false);
  });
});
