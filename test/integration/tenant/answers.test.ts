import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DemoTenantHandle } from '../../../electron/demo-tenant/index';
import { attemptsAt, collect, connectTo, definitionLike, failureOf, startTenant } from './support';

describe('tenant client answers, pages and typed errors against the demo tenant', () => {
  let tenant: DemoTenantHandle;
  let someId: string;
  beforeEach(async () => {
    tenant = await startTenant();
    someId = [...tenant.state.campaigns.keys()][0] ?? '';
  });
  afterEach(() => tenant.close());

  it('walks page-style lists to the end', async () => {
    const connection = connectTo(tenant, {}, { pageSize: 7 });
    const campaigns = await collect(connection.campaigns.list());
    expect(campaigns.map((c) => c.id)).toEqual([...tenant.state.campaigns.keys()]);
    const contacts = await collect(connection.contacts.list(someId, { pageSize: 9 }));
    expect(contacts).toHaveLength(tenant.state.contacts.get(someId)?.size ?? -1);
    const dncLists = await collect(connection.referenceData.dncLists());
    expect(dncLists).toHaveLength(tenant.state.dncLists.size);
  });

  it('passes the list filters to the tenant', async () => {
    // Hold activations still, so no campaign turns running between the listing and the count below.
    tenant.setKnobs({ activationMs: 3_600_000 });
    const connection = connectTo(tenant);
    const running = await collect(connection.campaigns.list({ status: 'running' }));
    const expected = [...tenant.state.campaigns.values()].filter((c) => c.status === 'running').length;
    expect(running).toHaveLength(expected);
    expect(running.every((c) => c.status === 'running')).toBe(true);
  });

  it('walks token-style pages until nextPageToken runs out', async () => {
    const connection = connectTo(tenant, {}, { pageSize: 5 });
    const agents = await collect(connection.realtimeAgents.agents());
    expect(agents.map((a) => a.userId)).toEqual(tenant.state.agents.map((a) => a.userId));
    expect(attemptsAt(connection, '/api/v2/realtime/agents').length).toBe(Math.ceil(tenant.state.agents.length / 5));
  });

  it('reports a stale version as a conflict with code STALE_VERSION', async () => {
    const connection = connectTo(tenant);
    const campaign = await connection.campaigns.get(someId);
    const { id: _id, status: _status, createdAt: _c, updatedAt: _u, ...replacement } = campaign;
    const saved = await connection.campaigns.replace(someId, { ...replacement, rules: { maxConcurrentCalls: 3 } });
    expect(saved.version).toBe(campaign.version + 1);
    const error = await failureOf(connection.campaigns.replace(someId, { ...replacement, rules: { maxConcurrentCalls: 4 } }));
    expect(error).toMatchObject({ kind: 'conflict', code: 'STALE_VERSION', status: 409 });
    expect(error.message).toContain(`save campaign ${someId}`);
  });

  it('reports a contact the dialer is working as a conflict with code CONTACT_BUSY', async () => {
    const contacts = tenant.state.contacts.get(someId);
    const contact = [...(contacts?.values() ?? [])][0];
    if (!contact) throw new Error('no contact seeded');
    contact.state = 'CONNECTED';
    const connection = connectTo(tenant);
    const error = await failureOf(
      connection.contacts.applyDisposition(someId, contact.id, {
        outcomeCode: 'INTERESTED',
        agentId: 'agent-001',
        dispositionTimestamp: new Date().toISOString(),
      }),
    );
    expect(error).toMatchObject({ kind: 'conflict', code: 'CONTACT_BUSY' });
  });

  it('turns a truncated JSON answer into invalid_response', async () => {
    const connection = connectTo(tenant);
    tenant.injectFaults({ match: { method: 'GET' }, kind: 'malformed' });
    const error = await failureOf(connection.campaigns.get(someId));
    expect(error.kind).toBe('invalid_response');
    expect(error.target).toBe(`GET /api/v2/outbound/campaigns/${someId}`);
  });

  it('names the missing field and the endpoint when an answer lacks a required field', async () => {
    const stored = tenant.state.campaigns.get(someId) as unknown as Record<string, unknown>;
    delete stored.dialerType;
    const connection = connectTo(tenant);
    const error = await failureOf(connection.campaigns.get(someId));
    expect(error.kind).toBe('invalid_response');
    expect(error.message).toContain('dialerType');
    expect(error.target).toContain(`/api/v2/outbound/campaigns/${someId}`);
    const listError = await failureOf(collect(connection.campaigns.list({ pageSize: 500 })));
    expect(listError.message).toMatch(/entities\[\d+\]\.dialerType/);
  });

  it('tolerates extra fields in answers', async () => {
    const stored = tenant.state.campaigns.get(someId) as unknown as Record<string, unknown>;
    stored.somethingNew = { nested: true };
    const connection = connectTo(tenant);
    expect((await connection.campaigns.get(someId)).id).toBe(someId);
  });

  it('times out a call the tenant does not answer in time', async () => {
    const connection = connectTo(tenant, { timeoutMs: 200 });
    tenant.injectFaults({ match: { method: 'GET' }, kind: 'slow', delayMs: 3000 });
    const error = await failureOf(connection.campaigns.get(someId));
    expect(error.kind).toBe('timeout');
    expect(error.message).toContain(`read campaign ${someId}`);
    expect(attemptsAt(connection, '/api/')).toHaveLength(1);
  });

  it('cancels a call in flight when its AbortSignal fires', async () => {
    const controller = new AbortController();
    const abortingFetch: typeof fetch = (input, init) => {
      const answer = fetch(input, init);
      if (input instanceof Request && input.url.includes('/campaigns/')) controller.abort();
      return answer;
    };
    const connection = connectTo(tenant, {}, { fetch: abortingFetch });
    tenant.injectFaults({ match: { method: 'GET' }, kind: 'slow', delayMs: 3000 });
    const error = await failureOf(connection.campaigns.get(someId, controller.signal));
    expect(error.kind).toBe('cancelled');
    expect(attemptsAt(connection, '/api/')).toHaveLength(1);
  });

  it('cancels a call still waiting for the rate limiter', async () => {
    const connection = connectTo(tenant, { maxConcurrency: 1 });
    tenant.injectFaults({ match: { method: 'GET' }, kind: 'slow', delayMs: 300 });
    const first = connection.campaigns.get(someId);
    const controller = new AbortController();
    const second = connection.campaigns.get(someId, controller.signal);
    controller.abort();
    expect((await failureOf(second)).kind).toBe('cancelled');
    expect((await first).id).toBe(someId);
  });

  it('tells a number on a DNC list from one that is not, and a missing list from both', async () => {
    const [listId, numbers] = [...tenant.state.dncNumbers.entries()].find(([, set]) => set.size > 0) ?? [];
    const listed = [...(numbers ?? [])][0];
    if (!listId || !listed) throw new Error('no DNC number seeded');
    const connection = connectTo(tenant);
    expect(await connection.referenceData.isOnDncList(listId, listed)).toBe(true);
    expect(await connection.referenceData.isOnDncList(listId, '+15125550199')).toBe(false);
    expect((await failureOf(connection.referenceData.isOnDncList('dnc-missing', '+15125550199'))).kind).toBe('not_found');
  });

  it('reaches reference data, webhooks and creation through the ports', async () => {
    const connection = connectTo(tenant);
    const lists = await collect(connection.referenceData.contactLists());
    expect((await connection.referenceData.contactList(lists[0]?.id ?? '')).id).toBe(lists[0]?.id);
    const codes = await collect(connection.referenceData.wrapUpCodes());
    expect((await connection.referenceData.wrapUpCode(codes[0]?.id ?? '')).id).toBe(codes[0]?.id);
    const subscription = await connection.webhooks.create({
      name: 'marketing',
      url: 'https://example.com/hook',
      events: ['campaign.created'],
      active: true,
      secret: 'hook-secret',
    });
    expect(subscription.id).toBeTruthy();
    const created = await connection.campaigns.create(definitionLike(tenant, 'Ports probe'));
    expect((await connection.campaigns.get(created.id)).name).toBe('Ports probe');
  });

  it('explains a licence refusal differently from a missing scope', async () => {
    await tenant.close();
    tenant = await startTenant({ licenceLimit: 1 });
    const connection = connectTo(tenant);
    const error = await failureOf(connection.campaigns.create(definitionLike(tenant, 'Over licence')));
    expect(error.kind).toBe('permission');
    expect(error.message).toMatch(/licen[cs]e/i);
    expect(error.message).not.toContain('scope');
  });

  it('refuses a profile for the CXone admin adapter as not yet supported', async () => {
    const error = await failureOf(async () => connectTo(tenant, { adapter: 'cxone-admin' }));
    expect(error.kind).toBe('configuration');
    expect(error.message).toContain('not yet supported');
  });

  it('sends calls below the profile path prefix and to a configured token URL', async () => {
    const connection = connectTo(tenant, { pathPrefix: '/gateway', tokenUrl: tenant.tokenUrl });
    const error = await failureOf(connection.campaigns.get(someId));
    expect(error.kind).toBe('not_found');
    expect(attemptsAt(connection, '/gateway/api/v2/outbound/campaigns')).toHaveLength(1);
  });
});
