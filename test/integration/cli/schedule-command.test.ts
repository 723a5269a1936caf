import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Campaign } from '../../../shared/cxone/schemas';
import { startDemoTenant, type DemoTenantHandle } from '../../../electron/demo-tenant/index';
import { runCli } from '../../../electron/host/cli/cli';
import { contactHome } from '../../../shared/schedules/contact-home';
import { capturedIo } from './cli-io';

interface VerdictJson {
  compliant: boolean;
  violations: {
    rule: string;
    timezone: string | null;
    state: string | null;
    contacts: number;
    localStart: string | null;
    localEnd: string | null;
    firstDate: string | null;
  }[];
  windows: { start: string; end: string }[];
  unknownTimezoneContacts: number;
}

describe('cxone-console schedule', () => {
  let tenant: DemoTenantHandle;
  let env: Record<string, string>;
  let guarded: Campaign;
  let unguarded: Campaign;
  beforeAll(async () => {
    tenant = await startDemoTenant({ seed: 11, dialerTickMs: 0, campaignCount: 24, contactsPerCampaign: 300 });
    env = { CXONE_BASE_URL: tenant.url, CXONE_CLIENT_ID: tenant.clientId, CXONE_CLIENT_SECRET: tenant.clientSecret };
    const campaigns = [...tenant.state.campaigns.values()];
    const hasRules = (c: Campaign) => ['FCC_MIN_TIME', 'FCC_MAX_TIME', 'STATE_DNC'].every((type) => c.dncRules.some((rule) => rule.type === type));
    const activeList = (c: Campaign) => c.dncListId !== null && tenant.state.dncLists.get(c.dncListId)?.state === 'ACTIVE';
    guarded = campaigns.find((c) => hasRules(c) && activeList(c))!;
    unguarded = campaigns.find((c) => !hasRules(c) && activeList(c))!;
    expect(guarded && unguarded).toBeTruthy();
  });
  afterAll(() => tenant.close());

  const check = async (args: string[]) => {
    const terminal = capturedIo(env);
    const code = await runCli(['schedule', 'check', ...args], terminal.io);
    return { code, stdout: terminal.stdout(), stderr: terminal.stderr() };
  };

  it('exits 0 with a compliant verdict for a midday window every US zone may be called in', async () => {
    const result = await check([guarded.id, '--cron', '0 13 * * 1-5', '--tz', 'America/New_York', '--window', '13:00-15:00', '--from', '2027-03-01', '--json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const verdict = JSON.parse(result.stdout) as VerdictJson;
    expect(verdict).toMatchObject({ compliant: true, violations: [] });
    expect(verdict.windows).toHaveLength(10);
    expect(verdict.windows[0]).toEqual({ start: '2027-03-01T13:00:00-05:00', end: '2027-03-01T15:00:00-05:00' });
    expect(Object.keys(verdict)).toEqual(expect.arrayContaining(['compliant', 'violations', 'windows', 'unknownTimezoneContacts']));
  });

  it("exits 1 listing each violation in the issue's JSON shape for a window that opens before 08:00", async () => {
    const result = await check([guarded.id, '--cron', '0 7 * * 1-5', '--tz', 'America/New_York', '--window', '07:00-12:00', '--from', '2027-03-01', '--json']);
    expect(result.code).toBe(1);
    const verdict = JSON.parse(result.stdout) as VerdictJson;
    expect(verdict.compliant).toBe(false);
    const federal = verdict.violations.filter((v) => v.rule === 'FEDERAL_HOURS');
    expect(federal.length).toBeGreaterThan(0);
    for (const violation of federal) {
      expect(violation).toEqual(expect.objectContaining({ firstDate: '2027-03-01' }));
      expect(violation.contacts).toBeGreaterThan(0);
      expect(violation.localStart! < violation.localEnd!).toBe(true);
      expect(violation.state === null || /^[A-Z]{2}$/.test(violation.state)).toBe(true);
    }
    const newYork = federal.find((v) => v.timezone === 'America/New_York');
    if (newYork) expect([newYork.localStart, newYork.localEnd]).toEqual(['07:00', '08:00']);
  });

  it('flags a stored retry policy that calls one contact in Florida, Oklahoma or Maryland more than 3 times in 24 h, and names the retryClip', async () => {
    const limitedStates = new Set(['FL', 'OK', 'MD']);
    const inLimitedState = (c: Campaign) =>
      [...(tenant.state.contacts.get(c.id)?.values() ?? [])].some((contact) => limitedStates.has(contactHome(contact).state ?? ''));
    const campaign = [...tenant.state.campaigns.values()].find((c) => c.schedule !== null && inLimitedState(c))!;
    expect(campaign).toBeTruthy();
    const retryPolicy = { maxAttempts: 5, retryIntervalMs: 30 * 60_000, retryOnBusy: true, retryOnNoAnswer: false };
    tenant.state.campaigns.set(campaign.id, { ...campaign, schedule: { ...campaign.schedule!, retryPolicy } });
    const result = await check([
      campaign.id,
      '--cron',
      '0 13 * * 1-5',
      '--tz',
      'America/New_York',
      '--window',
      '13:00-15:00',
      '--from',
      '2027-03-01',
      '--json',
    ]);
    expect(result.code).toBe(1);
    const verdict = JSON.parse(result.stdout) as VerdictJson & {
      retryClip: { limit: number; worstAttempts: number; retryIntervalMs: number; maxAttempts: number } | null;
    };
    const limited = verdict.violations.filter((v) => v.rule === 'STATE_CALLS_PER_24H');
    expect(limited.length).toBeGreaterThan(0);
    for (const violation of limited) {
      expect(limitedStates.has(violation.state ?? '')).toBe(true);
      expect(violation).toMatchObject({ firstDate: '2027-03-01', localStart: null, localEnd: null });
      expect(violation.contacts).toBeGreaterThan(0);
    }
    // 2-hour windows: 30 min apart fits 4 calls from 13:01 and a 5th at 13:00 the next day; 59 min fits 14:00, 14:59, then 13:00 and 13:59 the next day; an hour does not.
    expect(verdict.retryClip).toEqual({ limit: 3, worstAttempts: 5, retryIntervalMs: 60 * 60_000, maxAttempts: 3 });
    const text = await check([campaign.id, '--cron', '0 13 * * 1-5', '--tz', 'America/New_York', '--window', '13:00-15:00', '--from', '2027-03-01']);
    expect(text.stdout).toMatch(/STATE_CALLS_PER_24H/);
    expect(text.stdout).toMatch(/--clip keeps the attempts and retries every 1 h/);
    tenant.state.campaigns.set(campaign.id, campaign);
  });

  it('flags missing DNC rules on the campaign itself', async () => {
    const result = await check([
      unguarded.id,
      '--cron',
      '0 13 * * 1-5',
      '--tz',
      'America/New_York',
      '--window',
      '13:00-15:00',
      '--from',
      '2027-03-01',
      '--json',
    ]);
    expect(result.code).toBe(1);
    const verdict = JSON.parse(result.stdout) as VerdictJson;
    expect(verdict.violations.filter((v) => v.rule === 'DNC_RULE').length).toBeGreaterThan(0);
  });

  it('checks the stored schedule when no schedule options are given, printing a readable verdict', async () => {
    const scheduled = [...tenant.state.campaigns.values()].find((c) => c.schedule !== null)!;
    const result = await check([scheduled.id, '--from', '2027-03-01']);
    expect([0, 1]).toContain(result.code);
    expect(result.stdout).toContain(scheduled.name);
    expect(result.stdout).toMatch(/Compliant|Not compliant/);
  });

  it('exits 2 naming the field for a bad cron, an unknown zone or a malformed window', async () => {
    const badCron = await check([guarded.id, '--cron', '0 25 * * *', '--tz', 'America/Chicago', '--json']);
    expect(badCron.code).toBe(2);
    expect((JSON.parse(badCron.stdout) as { problems: { field: string }[] }).problems.map((p) => p.field)).toEqual(['cronExpression']);
    const badZone = await check([guarded.id, '--cron', '0 9 * * 1-5', '--tz', 'America/Springfield']);
    expect(badZone.code).toBe(2);
    expect(badZone.stderr).toMatch(/timezone: "America\/Springfield" is not an IANA time zone/);
    const badWindow = await check([guarded.id, '--cron', '0 9 * * 1-5', '--tz', 'America/Chicago', '--window', '9am-5pm']);
    expect(badWindow.code).toBe(2);
    expect(badWindow.stderr).toMatch(/--window "9am-5pm" is not HH:mm-HH:mm/);
    expect((await check([guarded.id, '--days', 'many'])).code).toBe(2);
  });

  it('exits 1 and names a campaign that does not exist', async () => {
    const result = await check(['cmp-9999', '--json']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^cxone-console: /);
  });

  it('lists conflicts between campaigns sharing a contact list or agents, with overlaps in both zones', async () => {
    const terminal = capturedIo(env);
    const code = await runCli(['schedule', 'conflicts', '--from', '2027-03-01', '--days', '14', '--json'], terminal.io);
    expect(code).toBe(1);
    const conflicts = JSON.parse(terminal.stdout()) as {
      first: { id: string };
      second: { id: string };
      reasons: string[];
      overlaps: { start: string; end: string; first: { timezone: string; localStart: string }; second: { timezone: string; localStart: string } }[];
    }[];
    expect(conflicts.length).toBeGreaterThan(0);
    for (const conflict of conflicts) {
      const first = tenant.state.campaigns.get(conflict.first.id)!;
      const second = tenant.state.campaigns.get(conflict.second.id)!;
      const sharesList = first.contactListId === second.contactListId;
      const sharesAgent = tenant.state.agents.some((agent) => agent.skills.includes(first.id) && agent.skills.includes(second.id));
      expect(sharesList || sharesAgent).toBe(true);
      for (const overlap of conflict.overlaps) {
        expect(Date.parse(overlap.start)).toBeLessThan(Date.parse(overlap.end));
        expect(Date.parse(overlap.first.localStart)).toBe(Date.parse(overlap.start));
        expect(Date.parse(overlap.second.localStart)).toBe(Date.parse(overlap.start));
        expect(overlap.first.timezone).toBe(first.schedule?.timezone);
      }
    }
  });
});
