import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignDefinitionSchema, campaignSchema, contactSchema, contractPaths, type Campaign } from '../../../shared/cxone/schemas';
import { startDemoTenant, type DemoTenantHandle } from '../../../electron/demo-tenant/index';
import { checkSchedule } from '../../../shared/schedules/compliance-gate';
import { detectScheduleConflicts } from '../../../shared/schedules/schedule-conflicts';
import { staffingTimeline } from '../../../shared/schedules/staffing-timeline';
import { connectedCaller, errorsOf, type ApiCaller } from './tenant-client';

const scheduledDraft = (tenant: DemoTenantHandle): Campaign => {
  const found = [...tenant.state.campaigns.values()].find((campaign) => campaign.status === 'draft' && campaign.schedule !== null);
  if (!found) throw new Error('no seeded draft with a schedule');
  return found;
};

describe('demo tenant schedules', () => {
  let tenant: DemoTenantHandle;
  let api: ApiCaller;
  beforeAll(async () => {
    tenant = await startDemoTenant({ dialerTickMs: 0 });
    api = await connectedCaller(tenant);
  });
  afterAll(() => tenant.close());

  it('stores a replaced schedule with its window length and bumps the version', async () => {
    const current = campaignSchema.parse((await api.get(contractPaths.campaign(scheduledDraft(tenant).id))).body);
    const schedule = { ...current.schedule!, cronExpression: '30 9 * * 1-5', windowMinutes: 300 };
    const answer = await api.put(contractPaths.campaign(current.id), { ...campaignDefinitionSchema.parse(current), schedule, version: current.version });
    expect(answer.status).toBe(200);
    expect(campaignSchema.parse(answer.body)).toMatchObject({ version: current.version + 1, schedule: { cronExpression: '30 9 * * 1-5', windowMinutes: 300 } });
  });

  it('answers 422 naming the field to a window of 0 or over 1440 minutes, a bad cron and an unknown zone', async () => {
    const current = campaignSchema.parse((await api.get(contractPaths.campaign(scheduledDraft(tenant).id))).body);
    const put = (schedule: object) =>
      api.put(contractPaths.campaign(current.id), {
        ...campaignDefinitionSchema.parse(current),
        schedule: { ...current.schedule, ...schedule },
        version: current.version,
      });
    for (const windowMinutes of [0, 1441]) {
      const answer = await put({ windowMinutes });
      expect(answer.status).toBe(422);
      expect(errorsOf(answer).map((e) => e.path)).toEqual(['schedule.windowMinutes']);
    }
    const both = await put({ cronExpression: '61 9 * * *', timezone: 'America/Atlantis' });
    expect(both.status).toBe(422);
    expect(errorsOf(both).map((e) => [e.code, e.path])).toEqual([
      ['INVALID_CRON', 'schedule.cronExpression'],
      ['UNKNOWN_TIMEZONE', 'schedule.timezone'],
    ]);
    expect(tenant.state.campaigns.get(current.id)?.version).toBe(current.version);
  });

  it('answers 409 STALE_VERSION to a schedule PUT carrying a version that was overtaken', async () => {
    const read = campaignSchema.parse((await api.get(contractPaths.campaign(scheduledDraft(tenant).id))).body);
    const body = campaignDefinitionSchema.parse(read);
    const first = await api.put(contractPaths.campaign(read.id), { ...body, name: `${read.name} (edited)`, version: read.version });
    expect(first.status).toBe(200);
    const stale = await api.put(contractPaths.campaign(read.id), { ...body, schedule: { ...read.schedule!, windowMinutes: 120 }, version: read.version });
    expect(stale.status).toBe(409);
    expect(errorsOf(stale)[0]?.code).toBe('STALE_VERSION');
    expect(tenant.state.campaigns.get(read.id)?.schedule?.windowMinutes).not.toBe(120);
  });

  it('seeds schedules with windows, contacts in several zones and some without one', () => {
    const campaigns = [...tenant.state.campaigns.values()];
    const scheduled = campaigns.filter((campaign) => campaign.schedule !== null);
    for (const campaign of scheduled) expect(campaign.schedule?.windowMinutes).toBeGreaterThan(0);
    const contacts = [...tenant.state.contacts.values()].flatMap((byId) => [...byId.values()]);
    for (const contact of contacts.slice(0, 2000)) contactSchema.parse(contact);
    expect(contacts.filter((contact) => contact.timezone === '').length).toBeGreaterThan(50);
    const zonesOf = (campaign: Campaign) => new Set([...(tenant.state.contacts.get(campaign.id)?.values() ?? [])].map((c) => c.timezone).filter(Boolean));
    expect(campaigns.filter((campaign) => zonesOf(campaign).size >= 3).length).toBeGreaterThan(10);
  });

  it('seeds some schedules that pass the gate and some that break a rule for part of their list', () => {
    const verdicts = [...tenant.state.campaigns.values()]
      .filter((campaign) => campaign.schedule !== null)
      .map((campaign) => {
        const result = checkSchedule({
          schedule: campaign.schedule!,
          range: { from: '2026-12-07', days: 14 },
          dncRules: [{ type: 'FCC_MIN_TIME' }, { type: 'FCC_MAX_TIME' }, { type: 'STATE_DNC' }],
          dncListId: 'dnc-01',
          dncList: { id: 'dnc-01', state: 'ACTIVE' },
          contacts: [...(tenant.state.contacts.get(campaign.id)?.values() ?? [])],
        });
        if (!result.ok) throw new Error(`seeded schedule of ${campaign.id} is invalid`);
        return result.verdict;
      });
    expect(verdicts.some((verdict) => verdict.compliant)).toBe(true);
    const broken = verdicts.filter((verdict) => !verdict.compliant);
    expect(broken.length).toBeGreaterThan(0);
    expect(broken.some((verdict) => verdict.violations.some((v) => v.rule.startsWith('STATE_')))).toBe(true);
    expect(verdicts.some((verdict) => verdict.unknownTimezoneContacts > 0)).toBe(true);
  });

  it('seeds campaigns whose windows conflict', () => {
    const conflicts = detectScheduleConflicts(
      [...tenant.state.campaigns.values()].map((campaign) => ({ ...campaign, schedule: campaign.schedule })),
      tenant.state.agents,
      { fromMs: Date.parse('2026-12-07T00:00:00Z'), days: 14 },
    );
    expect(conflicts.length).toBeGreaterThan(0);
    expect(conflicts.some((conflict) => conflict.reasons.includes('SHARED_CONTACT_LIST'))).toBe(true);
  });

  it('seeds a handful of conflicts, not one per pair of related campaigns: related campaigns mostly dial on other weekdays', () => {
    const active = [...tenant.state.campaigns.values()].filter((c) => c.schedule !== null && c.status !== 'completed' && c.status !== 'failed');
    const conflicts = detectScheduleConflicts(active, tenant.state.agents, { fromMs: Date.parse('2026-12-07T00:00:00Z'), days: 14 });
    expect(conflicts.length).toBeGreaterThanOrEqual(3);
    expect(conflicts.length).toBeLessThanOrEqual(20);
    expect(conflicts.some((conflict) => conflict.reasons.includes('SHARED_AGENTS'))).toBe(true);
  });

  it('seeds staffing that mostly fits, with a few overloaded stretches: the timeline is not red all day', () => {
    const active = [...tenant.state.campaigns.values()].filter((c) => c.schedule !== null && c.status !== 'completed' && c.status !== 'failed');
    const timeline = staffingTimeline(active, tenant.state.agents, { fromMs: Date.parse('2026-12-07T00:00:00Z'), days: 14 });
    const stepMs = (index: number) => (timeline.demand[index + 1]?.atMs ?? timeline.toMs) - (timeline.demand[index]?.atMs ?? 0);
    const openMs = timeline.demand.reduce((sum, step, index) => sum + (step.needed > 0 ? stepMs(index) : 0), 0);
    const redMs = timeline.overloaded.reduce((sum, stretch) => sum + stretch.endMs - stretch.startMs, 0);
    expect(timeline.overloaded.length).toBeGreaterThanOrEqual(2);
    expect(timeline.overloaded.length).toBeLessThanOrEqual(12);
    expect(redMs / openMs).toBeLessThan(0.4);
    for (const campaign of active) expect(campaign.agentAllocation).toBeGreaterThanOrEqual(0);
  });

  it('seeds retry policies that mostly keep to 3 calls per 24 h, and a few that do not', () => {
    const verdicts = [...tenant.state.campaigns.values()]
      .filter((campaign) => campaign.schedule !== null)
      .map((campaign) => {
        const result = checkSchedule({
          schedule: campaign.schedule!,
          range: { from: '2026-12-07', days: 14 },
          dncRules: [{ type: 'FCC_MIN_TIME' }, { type: 'FCC_MAX_TIME' }, { type: 'STATE_DNC' }],
          dncListId: 'dnc-01',
          dncList: { id: 'dnc-01', state: 'ACTIVE' },
          contacts: [...(tenant.state.contacts.get(campaign.id)?.values() ?? [])],
          retryPolicy: campaign.schedule!.retryPolicy,
        });
        return result.ok && result.verdict.violations.some((v) => v.rule === 'STATE_CALLS_PER_24H');
      });
    const breaking = verdicts.filter(Boolean).length;
    expect(breaking).toBeGreaterThan(0);
    expect(breaking).toBeLessThan(verdicts.length / 5);
  });
});
