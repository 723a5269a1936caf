import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignDefinitionSchema, campaignSchema, contractPaths, type Campaign, type CampaignDefinition } from '../../../shared/cxone/schemas';
import { startDemoTenant, type DemoTenantHandle } from '../../../electron/demo-tenant/index';
import { connectedCaller, errorsOf, pollUntil, tokenFor, type ApiCaller } from './tenant-client';

function definition(overrides: Partial<CampaignDefinition> = {}): CampaignDefinition {
  return {
    name: 'TX Auto Renewals Test',
    dialerType: 'progressive',
    contactListId: 'cl-001',
    wrapUpCodeIds: ['wuc-01', 'wuc-02'],
    maxCallsPerHour: 120,
    agentAllocation: 4,
    suppressionRules: [{ type: 'dnc', enabled: true }],
    dncListId: 'dnc-01',
    dncRules: [{ type: 'FCC_MIN_TIME' }],
    schedule: {
      timezone: 'America/Chicago',
      cronExpression: '0 9 * * 1-5',
      startTime: '2026-12-01T08:00:00-06:00',
      endTime: '2027-03-01T20:00:00-06:00',
      retryPolicy: { maxAttempts: 3, retryIntervalMs: 60000, retryOnBusy: true, retryOnNoAnswer: true },
    },
    rules: { maxConcurrentCalls: 6 },
    customAttributes: { region: 'US-TX', timezone: 'America/Chicago' },
    ...overrides,
  };
}

function definitionOf(campaign: Campaign): CampaignDefinition {
  return campaignDefinitionSchema.parse(campaign);
}

const emptyListId = (tenant: DemoTenantHandle) => [...tenant.state.contactLists.values()].find((list) => list.recordCount === 0)?.id ?? '';

const seededWithStatus = (tenant: DemoTenantHandle, status: Campaign['status']) => {
  const found = [...tenant.state.campaigns.values()].find((campaign) => campaign.status === status);
  if (!found) throw new Error(`no seeded ${status} campaign`);
  return found;
};

describe('demo tenant campaign creation and replacement', () => {
  let tenant: DemoTenantHandle;
  let api: ApiCaller;
  beforeAll(async () => {
    tenant = await startDemoTenant({ dialerTickMs: 0, campaignCount: 12, contactsPerCampaign: 5, activationMs: 20 });
    api = await connectedCaller(tenant);
  });
  afterAll(() => tenant.close());

  it('creates a draft at version 1 and answers 201 with the campaign', async () => {
    const answer = await api.post(contractPaths.campaigns, definition());
    expect(answer.status).toBe(201);
    const created = campaignSchema.parse(answer.body);
    expect(created).toMatchObject({ status: 'draft', version: 1, name: 'TX Auto Renewals Test' });
    expect(tenant.state.campaigns.get(created.id)).toEqual(created);
    expect(tenant.state.contacts.get(created.id)?.size).toBe(5);
    expect((await api.get(contractPaths.campaign(created.id))).body).toEqual(created);
  });

  it('refuses id, version or status in a POST body with 400 naming each field', async () => {
    const answer = await api.post(contractPaths.campaigns, { ...definition(), id: 'mine', status: 'running' });
    expect(answer.status).toBe(400);
    expect(errorsOf(answer).map((e) => e.path)).toEqual(['id', 'status']);
  });

  it('answers schema violations with 400 and the dotted path of the field', async () => {
    const answer = await api.post(contractPaths.campaigns, { ...definition(), rules: { maxConcurrentCalls: -1 } });
    expect(answer.status).toBe(400);
    expect(errorsOf(answer)[0]?.path).toBe('rules.maxConcurrentCalls');
    expect((await api.send('POST', contractPaths.campaigns, undefined)).status).toBe(400);
  });

  it('answers 400 INVALID_JSON to a body that is not JSON', async () => {
    const response = await fetch(`${tenant.url}${contractPaths.campaigns}`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${await tokenFor(tenant)}`, 'Content-Type': 'application/json' },
      body: '{"name": ',
    });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { errors: { code: string }[] }).errors[0]?.code).toBe('INVALID_JSON');
  });

  it('answers 422 UNKNOWN_REFERENCE naming each missing reference', async () => {
    const answer = await api.post(
      contractPaths.campaigns,
      definition({ contactListId: 'cl-404', wrapUpCodeIds: ['wuc-01', 'wuc-02', 'wuc-99'], dncListId: 'dnc-77' }),
    );
    expect(answer.status).toBe(422);
    const errors = errorsOf(answer);
    expect(errors.every((e) => e.code === 'UNKNOWN_REFERENCE')).toBe(true);
    expect(errors.map((e) => e.path)).toEqual(['contactListId', 'wrapUpCodeIds[2]', 'dncListId']);
  });

  it('answers 422 to an unknown dialer type, a bad cron and an unknown time zone', async () => {
    const base = definition();
    const answer = await api.post(contractPaths.campaigns, {
      ...base,
      dialerType: 'telepathic',
      schedule: { ...base.schedule, cronExpression: '0 9 * *', timezone: 'Mars/Olympus_Mons' },
    });
    expect(answer.status).toBe(422);
    expect(errorsOf(answer).map((e) => [e.code, e.path])).toEqual([
      ['UNKNOWN_DIALER_TYPE', 'dialerType'],
      ['INVALID_CRON', 'schedule.cronExpression'],
      ['UNKNOWN_TIMEZONE', 'schedule.timezone'],
    ]);
  });

  it("accepts the source documents' minimal body and defaults every optional field", async () => {
    const minimal = {
      name: 'Minimal body',
      dialerType: 'predictive',
      contactListId: 'cl-001',
      wrapUpCodeIds: ['wuc-01'],
      maxCallsPerHour: 200,
      agentAllocation: 10,
      suppressionRules: [{ type: 'dnc', enabled: true }],
    };
    const answer = await api.post(contractPaths.campaigns, minimal);
    expect(answer.status).toBe(201);
    const created = campaignSchema.parse(answer.body);
    expect(created).toMatchObject({ ...minimal, status: 'draft', version: 1, dncListId: null, dncRules: [], schedule: null, customAttributes: {} });
    expect(created.rules.maxConcurrentCalls).toBeGreaterThan(0);
    expect(tenant.state.campaigns.get(created.id)).toEqual(created);
  });

  it('answers 422 to an unknown dialer type or a missing reference in the minimal body, whatever else is absent', async () => {
    const minimal = {
      name: 'Minimal refused',
      dialerType: 'predictive',
      contactListId: 'cl-001',
      wrapUpCodeIds: ['wuc-01'],
      maxCallsPerHour: 200,
      agentAllocation: 10,
      suppressionRules: [],
    };
    const unknownDialer = await api.post(contractPaths.campaigns, { ...minimal, dialerType: 'robocall' });
    expect(unknownDialer.status).toBe(422);
    expect(errorsOf(unknownDialer).map((e) => [e.code, e.path])).toEqual([['UNKNOWN_DIALER_TYPE', 'dialerType']]);
    const missingList = await api.post(contractPaths.campaigns, { ...minimal, contactListId: 'cl-404' });
    expect(missingList.status).toBe(422);
    expect(errorsOf(missingList).map((e) => [e.code, e.path])).toEqual([['UNKNOWN_REFERENCE', 'contactListId']]);
    // Even with required fields absent, the semantic refusal is what the caller learns first.
    const { maxCallsPerHour: _rate, suppressionRules: _rules, ...incomplete } = minimal;
    const incompleteAnswer = await api.post(contractPaths.campaigns, { ...incomplete, wrapUpCodeIds: ['wuc-99'] });
    expect(incompleteAnswer.status).toBe(422);
    expect(errorsOf(incompleteAnswer)[0]).toMatchObject({ code: 'UNKNOWN_REFERENCE', path: 'wrapUpCodeIds[0]' });
    expect([...tenant.state.campaigns.values()].filter((c) => c.name === 'Minimal refused')).toHaveLength(0);
  });

  it('refuses a six-field or out-of-range cron expression', async () => {
    const base = definition();
    for (const cronExpression of ['0 0 9 * * 1-5', '61 9 * * 1-5']) {
      const answer = await api.post(contractPaths.campaigns, { ...base, schedule: { ...base.schedule, cronExpression } });
      expect(answer.status).toBe(422);
      expect(errorsOf(answer)[0]?.code).toBe('INVALID_CRON');
    }
  });

  it('replaces a campaign when PUT carries the current version and stores version + 1', async () => {
    const current = campaignSchema.parse((await api.get(contractPaths.campaign('cmp-0002'))).body);
    const answer = await api.put(contractPaths.campaign(current.id), { ...definitionOf(current), version: current.version, rules: { maxConcurrentCalls: 11 } });
    expect(answer.status).toBe(200);
    const replaced = campaignSchema.parse(answer.body);
    expect(replaced).toMatchObject({ version: current.version + 1, status: current.status, rules: { maxConcurrentCalls: 11 } });
    expect(Date.parse(replaced.updatedAt)).toBeGreaterThan(Date.parse(current.updatedAt));
  });

  it('answers 409 STALE_VERSION to a PUT with an old version and changes nothing', async () => {
    const current = campaignSchema.parse((await api.get(contractPaths.campaign('cmp-0003'))).body);
    const answer = await api.put(contractPaths.campaign(current.id), { ...current, version: current.version - 1, name: 'Overwritten' });
    expect(answer.status).toBe(409);
    expect(errorsOf(answer)[0]?.code).toBe('STALE_VERSION');
    expect(tenant.state.campaigns.get(current.id)).toEqual(current);
  });

  it('validates references on PUT like on POST', async () => {
    const current = campaignSchema.parse((await api.get(contractPaths.campaign('cmp-0004'))).body);
    const answer = await api.put(contractPaths.campaign(current.id), { ...current, contactListId: 'cl-404' });
    expect(answer.status).toBe(422);
    expect(errorsOf(answer)[0]?.path).toBe('contactListId');
  });

  it('answers 404 to a campaign that does not exist', async () => {
    const answer = await api.get(contractPaths.campaign('cmp-9999'));
    expect(answer.status).toBe(404);
    expect(errorsOf(answer)[0]?.code).toBe('NOT_FOUND');
    expect((await api.patch(contractPaths.campaign('cmp-9999'), { status: 'paused' })).status).toBe(404);
  });
});

describe('demo tenant licence limit', () => {
  it('answers 403 LICENCE_LIMIT once the licensed number of campaigns exists, and frees a seat on completion', async () => {
    const tenant = await startDemoTenant({ dialerTickMs: 0, campaignCount: 12, contactsPerCampaign: 1, licenceLimit: 12 });
    try {
      const api = await connectedCaller(tenant);
      const nonCompleted = [...tenant.state.campaigns.values()].filter((c) => c.status !== 'completed').length;
      for (let i = nonCompleted; i < 12; i++) expect((await api.post(contractPaths.campaigns, definition({ name: `Filler ${i}` }))).status).toBe(201);
      const refused = await api.post(contractPaths.campaigns, definition({ name: 'One too many' }));
      expect(refused.status).toBe(403);
      expect(errorsOf(refused)[0]?.code).toBe('LICENCE_LIMIT');
      expect([...tenant.state.campaigns.values()].some((c) => c.name === 'One too many')).toBe(false);

      const running = seededWithStatus(tenant, 'running');
      expect((await api.patch(contractPaths.campaign(running.id), { status: 'completed' })).status).toBe(200);
      expect((await api.post(contractPaths.campaigns, definition({ name: 'Fits now' }))).status).toBe(201);
    } finally {
      await tenant.close();
    }
  });
});

describe('demo tenant campaign lifecycle', () => {
  let tenant: DemoTenantHandle;
  let api: ApiCaller;
  let seededActivating: string[];
  beforeAll(async () => {
    tenant = await startDemoTenant({ dialerTickMs: 0, campaignCount: 24, contactsPerCampaign: 3, activationMs: 30 });
    seededActivating = [...tenant.state.campaigns.values()].filter((c) => c.status === 'activating').map((c) => c.id);
    api = await connectedCaller(tenant);
  });
  afterAll(() => tenant.close());

  const statusOf = async (id: string) => campaignSchema.parse((await api.get(contractPaths.campaign(id))).body);

  it('pauses a running campaign, resumes it and completes it, bumping version each time', async () => {
    // Not one that was seeded activating: it may already be running, and the test below needs it to stay as activation left it.
    const running = [...tenant.state.campaigns.values()].find((c) => c.status === 'running' && !seededActivating.includes(c.id))!;
    const paused = campaignSchema.parse((await api.patch(contractPaths.campaign(running.id), { status: 'paused' })).body);
    expect(paused).toMatchObject({ status: 'paused', version: running.version + 1 });
    const resumed = campaignSchema.parse((await api.patch(contractPaths.campaign(running.id), { status: 'running' })).body);
    expect(resumed).toMatchObject({ status: 'running', version: running.version + 2 });
    const completed = campaignSchema.parse((await api.patch(contractPaths.campaign(running.id), { status: 'completed' })).body);
    expect(completed).toMatchObject({ status: 'completed', version: running.version + 3 });
  });

  it('answers 409 INVALID_TRANSITION with from and to for forbidden changes', async () => {
    const paused = seededWithStatus(tenant, 'paused');
    const again = await api.patch(contractPaths.campaign(paused.id), { status: 'paused' });
    expect(again.status).toBe(409);
    expect(errorsOf(again)[0]?.code).toBe('INVALID_TRANSITION');
    expect(errorsOf(again)[0]?.message).toContain('from paused to paused');

    const draft = seededWithStatus(tenant, 'draft');
    expect((await api.patch(contractPaths.campaign(draft.id), { status: 'paused' })).status).toBe(409);
    const completed = seededWithStatus(tenant, 'completed');
    const resume = await api.patch(contractPaths.campaign(completed.id), { status: 'running' });
    expect(resume.status).toBe(409);
    expect(errorsOf(resume)[0]?.message).toContain('from completed to running');
    expect(tenant.state.campaigns.get(completed.id)?.version).toBe(completed.version);
  });

  it('accepts only { status } with a requestable status in a PATCH body', async () => {
    const running = seededWithStatus(tenant, 'running');
    expect((await api.patch(contractPaths.campaign(running.id), { status: 'activating' })).status).toBe(400);
    const extra = await api.patch(contractPaths.campaign(running.id), { status: 'paused', name: 'sneaky' });
    expect(extra.status).toBe(400);
    expect(errorsOf(extra)[0]).toMatchObject({ code: 'UNKNOWN_FIELD', path: 'name' });
    expect(tenant.state.campaigns.get(running.id)?.status).toBe('running');
  });

  it('activates a draft asynchronously: activating at once, running later', async () => {
    const created = campaignSchema.parse((await api.post(contractPaths.campaigns, definition({ name: 'CO Solar Leads Launch' }))).body);
    const activating = campaignSchema.parse((await api.patch(contractPaths.campaign(created.id), { status: 'running' })).body);
    expect(activating).toMatchObject({ status: 'activating', version: 2 });
    const settled = await pollUntil(
      () => statusOf(created.id),
      (c) => c.status !== 'activating',
    );
    expect(settled).toMatchObject({ status: 'running', version: 3 });
  });

  it('fails activation of a campaign whose contact list is empty or whose name says fail', async () => {
    const empty = campaignSchema.parse((await api.post(contractPaths.campaigns, definition({ name: 'Empty List', contactListId: emptyListId(tenant) }))).body);
    const named = campaignSchema.parse((await api.post(contractPaths.campaigns, definition({ name: 'Designed To FAIL' }))).body);
    for (const campaign of [empty, named]) {
      expect((await api.patch(contractPaths.campaign(campaign.id), { status: 'running' })).status).toBe(200);
      const settled = await pollUntil(
        () => statusOf(campaign.id),
        (c) => c.status !== 'activating',
      );
      expect(settled.status).toBe('failed');
      expect((await api.patch(contractPaths.campaign(campaign.id), { status: 'running' })).status).toBe(409);
    }
  });

  it('lets seeded activating campaigns finish activating', async () => {
    expect(seededActivating.length).toBeGreaterThan(0);
    for (const id of seededActivating) {
      const settled = await pollUntil(
        () => statusOf(id),
        (c) => c.status !== 'activating',
      );
      expect(['running', 'failed']).toContain(settled.status);
    }
  });

  it('refuses to pause a campaign that is still activating', async () => {
    tenant.setKnobs({ activationMs: 60_000 });
    const created = campaignSchema.parse((await api.post(contractPaths.campaigns, definition({ name: 'Slow Starter' }))).body);
    await api.patch(contractPaths.campaign(created.id), { status: 'running' });
    const answer = await api.patch(contractPaths.campaign(created.id), { status: 'paused' });
    expect(answer.status).toBe(409);
    expect(errorsOf(answer)[0]?.message).toContain('from activating to paused');
    tenant.setKnobs({ activationMs: 30 });
  });
});
