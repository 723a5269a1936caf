import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../shared/audit/audit-entry';
import type { Campaign } from '../../../shared/cxone/schemas';
import type { RunProgress } from '../../../shared/runs/run-progress';
import type { RequestChannelName } from '../../../shared/ipc/channel-names';
import { requestChannels, type RequestOf, type ResponseOf } from '../../../shared/ipc/contract';
import { createConsoleServices, type ConsoleServices } from '../../../electron/app/console-services';
import { createJsonFileStore } from '../../../electron/settings/json-file-store';
import { createFileVault } from '../../../electron/vault/file-vault';

describe('the Schedules channels over the demo tenant', () => {
  let dataDir: string;
  let services: ConsoleServices;
  const appended: AuditEntry[] = [];
  const activation: string[] = [];
  let guarded: Campaign[] = [];

  /** As the IPC bridge does it: the request parsed by the contract, the answer checked against it. */
  async function ask<K extends RequestChannelName>(channel: K, request: RequestOf<K>): Promise<ResponseOf<K>> {
    const spec = requestChannels[channel];
    const handler = services.handlers[channel] as (parsed: unknown) => Promise<unknown>;
    const answer = await handler(spec.request.parse(request));
    return spec.response.parse(answer) as ResponseOf<K>;
  }

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'cxone-schedules-'));
    services = await createConsoleServices({
      shell: 'web',
      version: 'test',
      dataDir,
      store: createJsonFileStore(join(dataDir, 'settings.json')),
      vault: createFileVault(join(dataDir, 'secrets.json')),
      demoTenant: { dialerTickMs: 0, activationMs: 50, campaignCount: 24, contactsPerCampaign: 200, latencyMs: 0 },
    });
    services.events.subscribe((channel, payload) => {
      if (channel === 'audit:appended') appended.push(payload as AuditEntry);
      const progress = payload as RunProgress;
      if (channel === 'runs:progress' && progress.kind === 'schedule') activation.push(`${progress.state} ${Object.keys(progress.counts).join(',')}`);
    });
    const state = services.tenant.demoTenant()!.state;
    const hasRules = (c: Campaign) => ['FCC_MIN_TIME', 'FCC_MAX_TIME', 'STATE_DNC'].every((type) => c.dncRules.some((rule) => rule.type === type));
    const activeList = (c: Campaign) => c.dncListId !== null && state.dncLists.get(c.dncListId)?.state === 'ACTIVE';
    const hasContacts = (c: Campaign) => (state.contactLists.get(c.contactListId)?.recordCount ?? 0) > 0 && !/fail/i.test(c.name);
    guarded = [...state.campaigns.values()].filter((c) => hasRules(c) && activeList(c) && hasContacts(c) && c.schedule !== null);
    expect(guarded.length).toBeGreaterThanOrEqual(2);
  });
  afterAll(async () => {
    await services.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('lists every campaign with its schedule in plain language', async () => {
    const rows = await ask('schedules:list', {});
    expect(rows.length).toBe(services.tenant.demoTenant()!.state.campaigns.size);
    const row = rows.find((r) => r.id === guarded[0]!.id)!;
    expect(row).toMatchObject({ timezone: guarded[0]!.schedule!.timezone, cronExpression: guarded[0]!.schedule!.cronExpression });
    expect(row.description).not.toBe(row.cronExpression);
  });

  it("gives a campaign's next 10 windows in its zone and the viewer's", async () => {
    const view = await ask('schedules:get', { campaignId: guarded[0]!.id, viewerZone: 'Asia/Tokyo' });
    expect(view.nextWindows).toHaveLength(10);
    const first = view.nextWindows[0]!;
    expect(first.viewerStart).toMatch(/\+09:00$/);
    expect(Date.parse(first.viewerStart)).toBe(first.startMs);
    expect(Date.parse(first.start)).toBe(first.startMs);
  });

  const early = { timezone: 'America/New_York', cronExpression: '0 7 * * 1-5', windowMinutes: 480, blackoutDates: [] };

  it('checks a schedule that starts before 08:00 for its contacts: not compliant, with the rule and a clip per zone', async () => {
    const result = await ask('schedules:check', { campaignId: guarded[0]!.id, schedule: early, from: '2027-03-01', days: 14, viewerZone: 'UTC' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.verdict.compliant).toBe(false);
    expect(result.verdict.violations.some((v) => v.rule === 'FEDERAL_HOURS' && v.contacts > 0 && v.firstDate !== null)).toBe(true);
    expect(result.description).toMatch(/07:00/);
    const bad = await ask('schedules:check', { campaignId: guarded[0]!.id, schedule: { ...early, timezone: 'Mars/Olympus' }, days: 14, viewerZone: 'UTC' });
    expect(bad).toMatchObject({ ok: false, problems: [{ field: 'timezone' }] });
  });

  it('flags a retry policy that calls one contact in Florida, Oklahoma or Maryland more than 3 times in 24 h, with the interval that would not', async () => {
    const midday = { timezone: 'America/New_York', cronExpression: '0 13 * * 1-5', windowMinutes: 120, blackoutDates: [] };
    const ask5 = (retryIntervalMs: number) =>
      ask('schedules:check', {
        campaignId: guarded[1]!.id,
        schedule: { ...midday, retryPolicy: { maxAttempts: 5, retryIntervalMs, retryOnBusy: true, retryOnNoAnswer: true } },
        from: '2027-03-01',
        days: 14,
        viewerZone: 'UTC',
      });
    const result = await ask5(60_000);
    if (!result.ok) throw new Error('the check failed');
    const limited = result.verdict.violations.filter((v) => v.rule === 'STATE_CALLS_PER_24H');
    expect(limited.length).toBeGreaterThan(0);
    for (const violation of limited) {
      expect(['FL', 'OK', 'MD']).toContain(violation.state);
      expect(violation).toMatchObject({ contacts: expect.any(Number), firstDate: '2027-03-01', source: expect.stringMatching(/501\.616|775C|14-450/) });
    }
    expect(result.verdict.retryClip).toMatchObject({ limit: 3, worstAttempts: 5, maxAttempts: 3 });
    const spread = await ask5(result.verdict.retryClip!.retryIntervalMs);
    expect(spread.ok && spread.verdict.violations.filter((v) => v.rule === 'STATE_CALLS_PER_24H')).toEqual([]);
  });

  it('applies it clipped, stores the clipped schedule and the blackout dates, activates a draft and audits it', async () => {
    const state = services.tenant.demoTenant()!.state;
    const campaign = { ...state.campaigns.get(guarded[1]!.id)!, status: 'draft' as const };
    state.campaigns.set(campaign.id, campaign);
    const retryPolicy = { maxAttempts: 5, retryIntervalMs: 120_000, retryOnBusy: false, retryOnNoAnswer: true };
    const result = await ask('schedules:apply', {
      campaignId: campaign.id,
      schedule: { ...early, blackoutDates: ['2027-03-02'], retryPolicy },
      from: '2027-03-01',
      days: 14,
      viewerZone: 'UTC',
      clip: true,
      dryRun: false,
      activate: true,
    });
    expect(result.kind).toBe('applied');
    if (result.kind !== 'applied') return;
    expect(result.clipped).toBe(true);
    const stored = state.campaigns.get(campaign.id)!;
    expect(stored.schedule).toEqual(result.after);
    // Five attempts 2 min apart reach one contact in Florida, Oklahoma or Maryland more than 3 times in 24 h: the clip keeps the attempts and spreads them.
    expect(stored.schedule!.retryPolicy).toEqual({ ...retryPolicy, retryIntervalMs: expect.any(Number) });
    expect(stored.schedule!.retryPolicy.retryIntervalMs).toBeGreaterThan(retryPolicy.retryIntervalMs);
    expect(stored.schedule!.retryPolicy.retryIntervalMs).toBeLessThanOrEqual(8 * 3600_000);
    expect(stored.schedule!.windowMinutes).toBeLessThan(480);
    expect(stored.status).toBe('running');
    expect(result.activation?.status).toBe('running');
    expect(activation).toEqual(['running ', 'finished running']);
    expect((await ask('schedules:get', { campaignId: campaign.id, viewerZone: 'UTC' })).blackoutDates).toEqual(['2027-03-02']);
    expect(appended.find((entry) => entry.action === 'campaign.schedule_apply' && entry.target.id === campaign.id)).toMatchObject({
      outcome: 'success',
      after: result.after,
      details: { clipped: true, blackoutDates: ['2027-03-02'], activation: { status: 'running' } },
    });
  });

  it('returns both versions instead of writing when the stored schedule is no longer the one the edit started from', async () => {
    const state = services.tenant.demoTenant()!.state;
    const campaign = state.campaigns.get(guarded[0]!.id)!;
    const base = campaign.schedule!;
    const theirs = { ...base, cronExpression: '45 10 * * 1-5', windowMinutes: 60 };
    state.campaigns.set(campaign.id, { ...campaign, schedule: theirs, version: campaign.version + 1 });
    const midday = { timezone: 'America/New_York', cronExpression: '0 13 * * 1-5', windowMinutes: 120, blackoutDates: [] };
    const request = { campaignId: campaign.id, schedule: midday, from: '2027-03-01', days: 14, viewerZone: 'UTC', clip: false, dryRun: false, activate: false };
    const result = await ask('schedules:apply', { ...request, base });
    expect(result).toMatchObject({ kind: 'schedule_changed', theirs: { cronExpression: '45 10 * * 1-5' }, ours: { cronExpression: '0 13 * * 1-5' } });
    expect(state.campaigns.get(campaign.id)!.schedule).toEqual(theirs);
    const chosen = await ask('schedules:apply', { ...request, base: theirs });
    expect(chosen.kind).toBe('applied');
    expect(state.campaigns.get(campaign.id)!.schedule).toMatchObject({ cronExpression: '0 13 * * 1-5', windowMinutes: 120 });
  });

  it('lists conflicts and a staffing timeline that match the contract', async () => {
    const conflicts = await ask('schedules:conflicts', { days: 14 });
    for (const conflict of conflicts) expect(conflict.overlaps.length).toBeGreaterThan(0);
    const timeline = await ask('schedules:timeline', { days: 7 });
    expect(timeline.campaigns.length).toBeGreaterThan(0);
    expect(timeline.campaigns.some((c) => c.windows.length > 0)).toBe(true);
    for (const stretch of timeline.overloaded) expect(stretch.needed).toBeGreaterThan(0);
    expect(timeline.toMs - timeline.fromMs).toBe(7 * 24 * 3600_000);
  });
});
