import { describe, expect, it } from 'vitest';
import type { WeatherAlert } from '../../../../shared/automation/weather/weather-alert';
import { initialWeatherMemory, weatherHolds, type WeatherMemory } from '../../../../shared/automation/weather/weather-memory';
import { forgetPause, planWeather, recordPause, type WeatherCampaign, type WeatherPlan } from '../../../../shared/automation/weather/weather-planner';

const minute = 60_000;
const start = Date.parse('2027-01-10T12:00:00Z');
const storm: WeatherAlert = {
  id: 'storm',
  event: 'Winter Storm Warning',
  severity: 'Severe',
  regions: ['US-TX'],
  effectiveAt: start - 10 * minute,
  endsAt: start + 600 * minute,
  status: 'Actual',
  messageType: 'Alert',
  references: [],
};

/** A tiny tenant: campaigns by id, and a tick that plans and applies its writes the way the rule does. */
function world(campaigns: WeatherCampaign[]) {
  const byId = new Map(campaigns.map((c) => [c.id, { ...c }]));
  let memory: WeatherMemory = initialWeatherMemory();
  const writes: string[] = [];
  return {
    campaign: (id: string) => byId.get(id) as WeatherCampaign,
    person(id: string, status: WeatherCampaign['status']) {
      const c = byId.get(id) as WeatherCampaign;
      byId.set(id, { ...c, status, version: c.version + 1 });
    },
    remove: (id: string) => byId.delete(id),
    get memory() {
      return memory;
    },
    writes,
    tick(at: number, alerts: WeatherAlert[]): WeatherPlan {
      const plan = planWeather({ alerts, campaigns: [...byId.values()], memory, now: at, severity: 'Severe', holdDownMinutes: 30 });
      memory = plan.memory;
      for (const step of plan.steps) {
        if (!step.write) continue;
        const c = byId.get(step.campaignId) as WeatherCampaign;
        const changed = { ...c, status: step.write, version: c.version + 1 };
        byId.set(c.id, changed);
        writes.push(`${step.action} ${c.id}`);
        memory = step.write === 'paused' ? recordPause(memory, step, changed.version, at) : forgetPause(memory, c.id);
      }
      return plan;
    },
  };
}

const campaign = (id: string, region: string | null, status: WeatherCampaign['status'] = 'running'): WeatherCampaign => ({
  id,
  name: `Campaign ${id}`,
  status,
  version: 3,
  region,
});
const stepFor = (plan: WeatherPlan, id: string) => plan.steps.find((step) => step.campaignId === id);

describe('the weather planner', () => {
  it('pauses running campaigns of the alerted region only, and leaves one a person paused alone', () => {
    const w = world([
      campaign('tx', 'US-TX'),
      campaign('tx-lower', ' us-tx '),
      campaign('ca', 'US-CA'),
      campaign('none', null),
      campaign('mine-not', 'US-TX', 'paused'),
      campaign('draft', 'US-TX', 'draft'),
    ]);
    const plan = w.tick(start, [storm]);
    expect(w.writes).toEqual(['pause tx', 'pause tx-lower']);
    expect(stepFor(plan, 'tx')).toMatchObject({
      action: 'pause',
      region: 'US-TX',
      alerts: [{ id: 'storm', severity: 'Severe', event: 'Winter Storm Warning', endsAt: new Date(storm.endsAt as number).toISOString() }],
    });
    expect(stepFor(plan, 'mine-not')).toMatchObject({ action: 'keep', outcome: 'skipped', reason: 'Paused by a person or another rule — left alone.' });
    expect(stepFor(plan, 'ca')).toBeUndefined();
    expect(stepFor(plan, 'draft')).toBeUndefined();
    expect(Object.keys(w.memory.paused)).toEqual(['tx', 'tx-lower']);
    expect(weatherHolds(w.memory, 30)[0]).toMatchObject({
      campaignId: 'tx',
      what: 'Paused by this rule: severe weather in US-TX; resumes once its alerts end and 30 min pass.',
      since: new Date(start).toISOString(),
    });
  });

  it('keeps its campaigns paused while any alert remains, then resumes them once the region has been clear for the hold-down', () => {
    const w = world([campaign('tx', 'US-TX')]);
    w.tick(start, [storm, { ...storm, id: 'flood', event: 'Flash Flood Warning' }]);
    expect(stepFor(w.tick(start + 5 * minute, [{ ...storm, id: 'flood' }]), 'tx')).toMatchObject({ action: 'keep', outcome: 'unchanged' });
    const cleared = w.tick(start + 10 * minute, []);
    expect(stepFor(cleared, 'tx')?.reason).toContain(`resumes after the hold-down, at ${new Date(start + 40 * minute).toISOString()}`);
    expect(weatherHolds(w.memory, 30)[0]?.what).toBe(
      `Paused by this rule: the alerts for US-TX have ended; resumes after the hold-down, at ${new Date(start + 40 * minute).toISOString()}.`,
    );
    expect(w.tick(start + 39 * minute, []).steps[0]?.action).toBe('keep');
    expect(w.tick(start + 40 * minute, []).steps[0]?.action).toBe('resume');
    expect(w.writes).toEqual(['pause tx', 'resume tx']);
    expect(w.memory).toEqual(initialWeatherMemory());
  });

  it('does not churn when an alert blinks out and back: the hold-down restarts from the last clear', () => {
    const w = world([campaign('tx', 'US-TX')]);
    for (let m = 0; m <= 120; m += 5) w.tick(start + m * minute, m % 10 === 0 ? [storm] : []);
    expect(w.writes).toEqual(['pause tx']);
    w.tick(start + 150 * minute, []);
    expect(w.campaign('tx').status).toBe('paused');
    w.tick(start + 179 * minute, []);
    expect(w.writes).toEqual(['pause tx']);
    w.tick(start + 180 * minute, []);
    expect(w.writes).toEqual(['pause tx', 'resume tx']);
  });

  it('backs off from a person who resumed during the alert until the region is clear for the hold-down, then pauses again on a new alert', () => {
    const w = world([campaign('tx', 'US-TX')]);
    w.tick(start, [storm]);
    w.person('tx', 'running');
    const noticed = w.tick(start + 5 * minute, [storm]);
    expect(stepFor(noticed, 'tx')).toMatchObject({ outcome: 'skipped', reason: expect.stringContaining('Resumed by a person') });
    expect(weatherHolds(w.memory, 30)).toEqual([expect.objectContaining({ campaignId: 'tx', what: expect.stringContaining('Resumed by a person') })]);
    w.tick(start + 10 * minute, [storm]);
    w.tick(start + 15 * minute, []);
    w.tick(start + 20 * minute, [storm]); // a blink does not end the override
    w.tick(start + 25 * minute, []);
    expect(w.writes).toEqual(['pause tx']);
    w.tick(start + 55 * minute, []);
    expect(w.memory.overrides).toEqual({});
    w.tick(start + 60 * minute, [{ ...storm, id: 'storm-2' }]);
    expect(w.writes).toEqual(['pause tx', 'pause tx']);
  });

  it('forgets, and never resumes, a campaign of its that a person or the emergency pause paused again, or that completed or vanished', () => {
    const w = world([campaign('repaused', 'US-TX'), campaign('completed', 'US-TX'), campaign('gone', 'US-TX')]);
    w.tick(start, [storm]);
    w.person('repaused', 'running');
    w.person('repaused', 'paused');
    w.person('completed', 'completed');
    w.remove('gone');
    const plan = w.tick(start + 5 * minute, [storm]);
    expect(stepFor(plan, 'repaused')?.reason).toBe(
      'Changed by a person or another rule since this rule paused it (version 4 → 6) — left alone; it is resumed by hand.',
    );
    expect(stepFor(plan, 'completed')?.reason).toBe("Now completed — no longer this rule's to resume.");
    expect(stepFor(plan, 'gone')?.reason).toBe('No longer on the tenant — forgotten.');
    expect(w.memory).toEqual(initialWeatherMemory());
    w.tick(start + 10 * minute, []);
    w.tick(start + 60 * minute, []);
    expect(w.writes).toEqual(['pause repaused', 'pause completed', 'pause gone']);
    expect(w.campaign('repaused').status).toBe('paused');
  });

  it('waits for an activating campaign to run before pausing it', () => {
    const w = world([campaign('act', 'US-TX', 'activating')]);
    expect(stepFor(w.tick(start, [storm]), 'act')).toMatchObject({ outcome: 'skipped', reason: expect.stringContaining('activating') });
    expect(w.writes).toEqual([]);
  });
});
