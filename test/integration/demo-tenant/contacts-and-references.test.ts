import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { busyContactStates, contactSchema, contractPaths, webhookSubscriptionSchema } from '../../../shared/cxone/schemas';
import { startDemoTenant, type DemoContact, type DemoTenantHandle } from '../../../electron/demo-tenant/index';
import { connectedCaller, errorsOf, type ApiCaller } from './tenant-client';

const disposition = (outcomeCode: string) => ({
  outcomeCode,
  agentId: 'agent-007',
  notes: 'Asked for a quote by email',
  dispositionTimestamp: '2026-11-20T15:04:05-06:00',
});

function contactsWhere(tenant: DemoTenantHandle, wanted: (contact: DemoContact) => boolean): DemoContact[] {
  const found: DemoContact[] = [];
  for (const contacts of tenant.state.contacts.values()) for (const contact of contacts.values()) if (wanted(contact)) found.push(contact);
  return found;
}

describe('demo tenant contacts and dispositions', () => {
  let tenant: DemoTenantHandle;
  let api: ApiCaller;
  beforeAll(async () => {
    tenant = await startDemoTenant({ dialerTickMs: 0, campaignCount: 16, contactsPerCampaign: 40 });
    api = await connectedCaller(tenant);
  });
  afterAll(() => tenant.close());

  it('applies a disposition to a pending contact: DONE, version + 1, the new fields', async () => {
    const pending = contactsWhere(tenant, (c) => c.state === 'PENDING')[0];
    if (!pending) throw new Error('no pending contact seeded');
    const before = { ...pending };
    const answer = await api.patch(contractPaths.contact(pending.campaignId, pending.id), {
      ...disposition('CALLBACK_LATER'),
      customFields: { crmId: 'A-17' },
    });
    expect(answer.status).toBe(200);
    expect(contactSchema.parse(answer.body)).toMatchObject({
      id: before.id,
      state: 'DONE',
      outcomeCode: 'CALLBACK_LATER',
      agentId: 'agent-007',
      dispositionTimestamp: '2026-11-20T15:04:05-06:00',
      version: before.version + 1,
    });
    expect(answer.body).toMatchObject({ notes: 'Asked for a quote by email', customFields: { crmId: 'A-17' } });
    expect((await api.get(contractPaths.contact(pending.campaignId, pending.id))).body).toEqual(answer.body);
  });

  it('answers 409 CONTACT_BUSY for a contact the dialer is working and leaves it alone', async () => {
    for (const state of busyContactStates) {
      const busy = contactsWhere(tenant, (c) => c.state === state)[0];
      if (!busy) throw new Error(`no ${state} contact seeded`);
      const version = busy.version;
      const answer = await api.patch(contractPaths.contact(busy.campaignId, busy.id), disposition('INTERESTED'));
      expect(answer.status).toBe(409);
      expect(errorsOf(answer)[0]?.code).toBe('CONTACT_BUSY');
      expect(busy).toMatchObject({ state, version });
    }
  });

  it('answers 422 UNKNOWN_OUTCOME to a well-formed code outside the outcome matrix', async () => {
    const pending = contactsWhere(tenant, (c) => c.state === 'PENDING')[1];
    if (!pending) throw new Error('no pending contact seeded');
    const answer = await api.patch(contractPaths.contact(pending.campaignId, pending.id), disposition('SOLD_A_YACHT'));
    expect(answer.status).toBe(422);
    expect(errorsOf(answer)[0]).toMatchObject({ code: 'UNKNOWN_OUTCOME', path: 'outcomeCode' });
    expect(pending.state).toBe('PENDING');
  });

  it('answers 400 to an outcome code that breaks the pattern', async () => {
    const pending = contactsWhere(tenant, (c) => c.state === 'PENDING')[1];
    if (!pending) throw new Error('no pending contact seeded');
    const answer = await api.patch(contractPaths.contact(pending.campaignId, pending.id), disposition('interested'));
    expect(answer.status).toBe(400);
    expect(errorsOf(answer)[0]?.path).toBe('outcomeCode');
  });

  it('answers 404 for an unknown campaign or contact', async () => {
    const unknownCampaign = await api.patch(contractPaths.contact('cmp-9999', 'cmp-9999-ct-00001'), disposition('BUSY'));
    expect(unknownCampaign.status).toBe(404);
    expect(errorsOf(unknownCampaign)[0]?.message).toContain('cmp-9999');
    const unknownContact = await api.patch(contractPaths.contact('cmp-0001', 'nobody'), disposition('BUSY'));
    expect(unknownContact.status).toBe(404);
    expect(errorsOf(unknownContact)[0]?.message).toContain('nobody');
    expect((await api.get(contractPaths.contacts('cmp-9999'))).status).toBe(404);
  });

  it('puts the number of a DO_NOT_CALL disposition on the internal opt-out list', async () => {
    const pending = contactsWhere(tenant, (c) => c.state === 'PENDING' && !tenant.state.dncNumbers.get('dnc-02')?.has(c.phone))[0];
    if (!pending) throw new Error('no pending contact seeded');
    const path = contractPaths.dncNumber('dnc-02', pending.phone);
    expect((await api.get(path)).status).toBe(404);
    expect((await api.patch(contractPaths.contact(pending.campaignId, pending.id), disposition('DO_NOT_CALL'))).status).toBe(200);
    expect((await api.get(path)).status).toBe(200);
  });

  it('moves running campaigns through the dialer states by tick', async () => {
    const running = [...tenant.state.campaigns.values()].find((c) => c.status === 'running');
    if (!running) throw new Error('no running campaign seeded');
    const contacts = tenant.state.contacts.get(running.id);
    if (!contacts) throw new Error('no contacts');
    const snapshot = () => [...contacts.values()].map((c) => `${c.state}:${c.version}`);
    const pendingBefore = [...contacts.values()].filter((c) => c.state === 'PENDING').length;
    const before = snapshot();
    tenant.tick();
    expect(snapshot()).not.toEqual(before);
    for (let i = 0; i < 20; i++) tenant.tick();
    expect([...contacts.values()].filter((c) => c.state === 'PENDING').length).toBeLessThan(pendingBefore);
    const inFlight = [...contacts.values()].filter((c) => (busyContactStates as readonly string[]).includes(c.state)).length;
    expect(inFlight).toBeLessThanOrEqual(running.rules.maxConcurrentCalls);
  });

  it('changes agent states by tick and stamps stateSince', async () => {
    const before = tenant.state.agents.map((agent) => `${agent.state}@${agent.stateSince}`);
    for (let i = 0; i < 5; i++) tenant.tick();
    const after = tenant.state.agents.map((agent) => `${agent.state}@${agent.stateSince}`);
    expect(after).not.toEqual(before);
  });
});

describe('demo tenant references, DNC, webhooks and routing', () => {
  let tenant: DemoTenantHandle;
  let api: ApiCaller;
  beforeAll(async () => {
    tenant = await startDemoTenant({ dialerTickMs: 0, campaignCount: 12, contactsPerCampaign: 5 });
    api = await connectedCaller(tenant);
  });
  afterAll(() => tenant.close());

  it('answers a single contact list, wrap-up code and DNC list by id, 404 when absent', async () => {
    expect((await api.get(contractPaths.contactList('cl-001'))).body).toEqual(tenant.state.contactLists.get('cl-001'));
    expect((await api.get(contractPaths.wrapUpCode('wuc-01'))).body).toEqual(tenant.state.wrapUpCodes.get('wuc-01'));
    expect((await api.get(contractPaths.dncList('dnc-03'))).body).toMatchObject({ state: 'INACTIVE' });
    expect((await api.get(contractPaths.contactList('cl-999'))).status).toBe(404);
    expect((await api.get(contractPaths.wrapUpCode('wuc-99'))).status).toBe(404);
  });

  it('answers 200 for a listed DNC number and 404 for one that is not listed', async () => {
    const listed = [...(tenant.state.dncNumbers.get('dnc-01') ?? [])][0] ?? '';
    expect((await api.get(contractPaths.dncNumber('dnc-01', listed))).status).toBe(200);
    const unlisted = await api.get(contractPaths.dncNumber('dnc-01', '+19995550000'));
    expect(unlisted.status).toBe(404);
    expect(errorsOf(unlisted)[0]?.code).toBe('NUMBER_NOT_LISTED');
    expect((await api.get(contractPaths.dncNumber('dnc-01', 'not-a-number'))).status).toBe(400);
    expect((await api.get(contractPaths.dncNumber('dnc-404', listed))).status).toBe(404);
  });

  it('stores a webhook subscription and never echoes its secret', async () => {
    const answer = await api.post(contractPaths.webhooks, {
      name: 'Marketing feed',
      url: 'https://hooks.example.com/cxone',
      events: ['campaign.created', 'campaign.status_changed'],
      active: true,
      secret: 'top-secret-value',
    });
    expect(answer.status).toBe(201);
    const created = webhookSubscriptionSchema.parse(answer.body);
    expect(answer.text).not.toContain('top-secret-value');
    expect(tenant.state.subscriptions.get(created.id)).toMatchObject({ name: 'Marketing feed', secret: 'top-secret-value' });
    const invalid = await api.post(contractPaths.webhooks, { name: 'x', url: 'not a url', events: [], active: true, secret: 's' });
    expect(invalid.status).toBe(400);
    expect(errorsOf(invalid).map((e) => e.path)).toEqual(expect.arrayContaining(['url', 'events']));
  });

  it('answers 404 with the error body for an unknown route and 405 for a wrong method', async () => {
    const unknown = await api.get('/api/v2/outbound/nothing-here');
    expect(unknown.status).toBe(404);
    expect(errorsOf(unknown)[0]?.code).toBe('NOT_FOUND');
    const wrongMethod = await api.send('DELETE', contractPaths.campaign('cmp-0001'));
    expect(wrongMethod.status).toBe(405);
    expect(errorsOf(wrongMethod)[0]?.code).toBe('METHOD_NOT_ALLOWED');
    expect(wrongMethod.headers.get('allow')).toContain('PATCH');
    expect((await api.get(contractPaths.webhooks)).status).toBe(405);
  });
});
