import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntryInput } from '../../../shared/audit/audit-entry';
import type { Campaign } from '../../../shared/cxone/schemas';
import { startDemoTenant, type DemoTenantHandle } from '../../../electron/demo-tenant/index';
import type { ScheduleUpdatedNotification } from '../../../electron/outbox/notifications';
import { createBlackoutDates } from '../../../electron/schedules/blackout-dates';
import { createScheduleApplier } from '../../../electron/schedules/schedule-applier';
import type { KeyValueStore } from '../../../electron/settings/key-value-store';
import type { TenantConnection } from '../../../electron/tenant/ports';
import { connectTo } from '../tenant/support';

function memoryStore(): KeyValueStore & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return { data, get: (key) => data.get(key), set: (key, value) => void data.set(key, value), delete: (key) => void data.delete(key) };
}

describe('applying a schedule end to end (audit, activation, WFM notification, blackout dates)', () => {
  let tenant: DemoTenantHandle;
  let connection: TenantConnection;
  const audits: AuditEntryInput[] = [];
  const sent: { body: ScheduleUpdatedNotification; key: string }[] = [];
  let wfmEnabled = true;
  const store = memoryStore();
  const actor = { type: 'user' as const, name: 'lead (test)' };
  let guarded: Campaign[] = [];

  beforeAll(async () => {
    tenant = await startDemoTenant({ seed: 11, dialerTickMs: 0, campaignCount: 24, contactsPerCampaign: 200, activationMs: 30 });
    connection = connectTo(tenant);
    const hasRules = (c: Campaign) => ['FCC_MIN_TIME', 'FCC_MAX_TIME', 'STATE_DNC'].every((type) => c.dncRules.some((rule) => rule.type === type));
    const activeList = (c: Campaign) => c.dncListId !== null && tenant.state.dncLists.get(c.dncListId)?.state === 'ACTIVE';
    const hasContacts = (c: Campaign) => (tenant.state.contactLists.get(c.contactListId)?.recordCount ?? 0) > 0;
    guarded = [...tenant.state.campaigns.values()].filter((c) => hasRules(c) && activeList(c) && hasContacts(c) && !/fail/i.test(c.name));
    expect(guarded.length).toBeGreaterThanOrEqual(4);
  });
  afterAll(async () => {
    connection.close();
    await tenant.close();
  });

  const applier = () =>
    createScheduleApplier({
      ports: () => connection,
      tenantId: () => 'demo',
      tenantLabel: () => 'Demo tenant',
      audit: { append: async (entry) => void audits.push(entry) },
      wfm: { enabled: () => wfmEnabled, enqueue: async (body, key) => void sent.push({ body, key }) },
      blackoutDates: createBlackoutDates(store),
      activationPolling: { baseMs: 5, capMs: 20, deadlineMs: 5000 },
    });
  const asDraft = (campaign: Campaign, name = campaign.name) => {
    const draft = { ...tenant.state.campaigns.get(campaign.id)!, status: 'draft' as const, name };
    tenant.state.campaigns.set(campaign.id, draft);
    return draft;
  };
  const midday = { cronExpression: '0 13 * * 1-5', timezone: 'America/New_York', windowMinutes: 120 };
  const command = (campaignId: string, changes: object = {}) => ({
    campaignId,
    schedule: midday,
    from: '2027-03-01',
    days: 14,
    nowMs: Date.now(),
    clip: false,
    dryRun: false,
    actor,
    ...changes,
  });

  it('stores the schedule, takes a draft to running, tells the WFM and audits before/after, verdict, who and the latency', async () => {
    const campaign = asDraft(guarded[0]!);
    const progress: string[] = [];
    const result = await applier().apply(command(campaign.id, { onActivation: (report: { status: string }) => progress.push(report.status) }));
    expect(result.kind).toBe('applied');
    if (result.kind !== 'applied') return;
    expect(result.activation?.status).toBe('running');
    expect(progress).toEqual(['activating', 'running']);
    expect(tenant.state.campaigns.get(campaign.id)!.status).toBe('running');
    expect(sent.at(-1)?.body).toMatchObject({
      eventType: 'CAMPAIGN_SCHEDULE_UPDATED',
      campaignId: campaign.id,
      activationLatencyMs: result.activation?.latencyMs,
    });
    expect(typeof sent.at(-1)?.body.conflictsDetected).toBe('boolean');
    const entry = audits.at(-1)!;
    expect(entry).toMatchObject({
      actor,
      tenant: 'Demo tenant',
      action: 'campaign.schedule_apply',
      target: { type: 'campaign', id: campaign.id },
      before: campaign.schedule,
      after: midday,
      outcome: 'success',
      latencyMs: result.activation?.latencyMs,
      details: { verdict: { compliant: true }, activation: { status: 'running' } },
    });
  });

  it('explains an activation that fails, keeps failed as final, and sends no notification', async () => {
    const campaign = asDraft(guarded[1]!, 'Schedule test (fail on purpose)');
    const before = sent.length;
    const result = await applier().apply(command(campaign.id));
    expect(result.kind === 'applied' && result.activation).toMatchObject({ status: 'failed', message: expect.stringMatching(/Activation failed/) });
    expect(tenant.state.campaigns.get(campaign.id)!.status).toBe('failed');
    expect(sent.length).toBe(before);
    expect(audits.at(-1)).toMatchObject({ outcome: 'partial', details: { activation: { status: 'failed' } } });
  });

  it('audits a blocked schedule without writing or notifying', async () => {
    const campaign = tenant.state.campaigns.get(guarded[2]!.id)!;
    const before = sent.length;
    const result = await applier().apply(
      command(campaign.id, { schedule: { cronExpression: '0 7 * * 1-5', timezone: 'America/New_York', windowMinutes: 480 } }),
    );
    expect(result.kind).toBe('blocked');
    expect(tenant.state.campaigns.get(campaign.id)!.version).toBe(campaign.version);
    expect(sent.length).toBe(before);
    expect(audits.at(-1)).toMatchObject({ outcome: 'impossible', actor, details: { verdict: { compliant: false } } });
  });

  it('keeps blackout dates per tenant and campaign, and no window opens on one', async () => {
    const campaign = { ...tenant.state.campaigns.get(guarded[3]!.id)!, status: 'running' as const };
    tenant.state.campaigns.set(campaign.id, campaign);
    wfmEnabled = false;
    // Three attempts: the seeded policy of this campaign may call more often than Florida allows, which is not what this test is about.
    const retryPolicy = { maxAttempts: 3, retryIntervalMs: 60_000, retryOnBusy: true, retryOnNoAnswer: true };
    const result = await applier().apply(command(campaign.id, { schedule: { ...midday, blackoutDates: ['2027-03-03'] }, retryPolicy }));
    expect(result.kind).toBe('applied');
    if (result.kind !== 'applied') return;
    expect(result.verdict.windows.map((w) => w.start.slice(0, 10))).not.toContain('2027-03-03');
    expect(result.verdict.windows.map((w) => w.start.slice(0, 10))).toContain('2027-03-04');
    expect(applier().blackoutDatesOf(campaign.id)).toEqual(['2027-03-03']);
    expect(store.data.get(`demo/${campaign.id}`)).toEqual(['2027-03-03']);
    // A later apply without dates keeps the stored ones.
    const again = await applier().apply(command(campaign.id, { dryRun: true }));
    expect(again.kind === 'dry_run' && again.verdict.windows.map((w) => w.start.slice(0, 10))).not.toContain('2027-03-03');
    expect(result.activation?.status).toBe('not_needed');
    expect(result.notification).toEqual({ sent: false, message: expect.stringMatching(/no WFM webhook URL/) });
  });
});
