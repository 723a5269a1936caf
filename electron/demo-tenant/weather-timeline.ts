import type { DemoTenantState, DemoWeatherAlert } from './public-types';

const minute = 60_000;
/** The script repeats on this period, with fresh alert ids each time. */
export const weatherCycleMs = 180 * minute;

/** The regions with the most running campaigns, busiest first: where the script's weather falls. */
function busiestRegions(state: DemoTenantState): string[] {
  const running = new Map<string, number>();
  for (const campaign of state.campaigns.values()) {
    const region = campaign.customAttributes.region;
    if (campaign.status === 'running' && region) running.set(region, (running.get(region) ?? 0) + 1);
  }
  return [...running.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([region]) => region);
}

/**
 * The demo tenant's scripted weather, on its own clock from `startedAt`, so the severe-weather rule has
 * something real to do from the first start. Every 3 hours, from the start of a cycle (c):
 *
 * - a Severe Winter Storm Warning over the busiest region, effective c−10 min; the feed drops it for
 *   c+20…c+25 min (a blink) and at c+45 min a Cancel message ends it (it would otherwise run to c+60);
 * - a Moderate Flood Advisory over the second region the whole cycle (below the default threshold);
 * - an Extreme Tornado Warning over the second region for c+100…c+115 min, left in the feed until
 *   c+120 after it expired.
 */
export function scriptedWeather(state: DemoTenantState, startedAt: number): (now: number) => DemoWeatherAlert[] {
  const [stormRegion = 'US-TX', otherRegion = 'US-CA'] = busiestRegions(state);
  const iso = (ms: number) => new Date(ms).toISOString();
  return (now) => {
    const cycle = Math.max(0, Math.floor((now - startedAt) / weatherCycleMs));
    const c = startedAt + cycle * weatherCycleMs;
    const at = now - c;
    const id = (n: number) => `urn:oid:2.49.0.1.840.0.demo.${cycle}.${n}`;
    const alerts: DemoWeatherAlert[] = [];
    const storm: DemoWeatherAlert = {
      id: id(1),
      event: 'Winter Storm Warning',
      severity: 'Severe',
      regions: [stormRegion],
      effective: iso(c - 10 * minute),
      expires: iso(c + 60 * minute),
      ends: iso(c + 60 * minute),
      headline: `Winter Storm Warning for ${stormRegion}: heavy snow and power outages expected.`,
    };
    if (at < 20 * minute || (at >= 25 * minute && at < 45 * minute)) alerts.push(storm);
    if (at >= 45 * minute && at < 60 * minute) {
      alerts.push({
        ...storm,
        id: id(2),
        messageType: 'Cancel',
        effective: iso(c + 45 * minute),
        references: [storm.id],
        headline: 'The Winter Storm Warning is cancelled.',
      });
    }
    alerts.push({
      id: id(3),
      event: 'Flood Advisory',
      severity: 'Moderate',
      regions: [otherRegion],
      effective: iso(c - 30 * minute),
      expires: iso(c + weatherCycleMs),
      ends: iso(c + weatherCycleMs),
      headline: `Flood Advisory for ${otherRegion}: minor flooding of low-lying roads.`,
    });
    if (at >= 100 * minute && at < 120 * minute) {
      alerts.push({
        id: id(4),
        event: 'Tornado Warning',
        severity: 'Extreme',
        regions: [otherRegion],
        effective: iso(c + 100 * minute),
        expires: iso(c + 115 * minute),
        ends: iso(c + 115 * minute),
        headline: `Tornado Warning for ${otherRegion}: take shelter now.`,
      });
    }
    return alerts;
  };
}
