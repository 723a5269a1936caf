import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAuditLog, type AuditLog } from '../../../electron/audit/audit-log';
import { startDemoTenant, type DemoTenantHandle, type DemoTenantOptions } from '../../../electron/demo-tenant/index';
import { createCampaignCreator } from '../../../electron/new-campaign/campaign-creator';
import { checkDependencies } from '../../../electron/new-campaign/dependency-check';
import { createMarketingSync, type MarketingOutbox } from '../../../electron/new-campaign/marketing-sync';
import type { NewCampaignTenant } from '../../../electron/new-campaign/new-campaign-tenant';
import { newCampaignTenantOf } from '../../../electron/new-campaign/tenant-adapter';
import { connectTenant } from '../../../electron/tenant/connect';
import type { TenantConnection } from '../../../electron/tenant/ports';
import { demoProfile } from '../../../electron/tenant-session/demo-profile';
import { createJsonFileStore } from '../../../electron/settings/json-file-store';
import { ConsoleFailure, consoleError } from '../../../shared/errors';
import { emptyNewCampaignForm, type NewCampaignForm } from '../../../shared/new-campaign/campaign-form';

const person = { type: 'user' as const, name: 'lead' };
const simulation = {
  inputs: { contacts: 5000, agents: 10, answerRate: 0.3, ahtSeconds: 180, seed: 42, replications: 100 },
  recommendation: { recommendedDialRatio: 1.6 },
};

const formFor = (name: string, change: Partial<NewCampaignForm> = {}): NewCampaignForm => ({
  ...emptyNewCampaignForm,
  name,
  contactListId: 'cl-001',
  wrapUpCodeIds: ['wuc-01', 'wuc-02'],
  dncListId: 'dnc-01',
  ...change,
});

describe('creating a campaign against the demo tenant', () => {
  let tenant: DemoTenantHandle;
  let connection: TenantConnection;
  let port: NewCampaignTenant;
  let dir: string;
  let audit: AuditLog;
  let queued: { event: string; campaignId: string; name: string; createdAt: string }[];
  let marketingUrl: string;

  const start = async (options: DemoTenantOptions = {}) => {
    tenant = await startDemoTenant({ seed: 11, dialerTickMs: 0, contactsPerCampaign: 10, ...options });
    connection = connectTenant(demoProfile(tenant), async () => tenant.clientSecret);
    port = newCampaignTenantOf(connection);
  };

  const makeCreator = (overrides: Partial<NewCampaignTenant> = {}) => {
    const outbox: MarketingOutbox = {
      async enqueueCampaignCreated(body) {
        queued.push(body);
        return { id: `n-${queued.length}` };
      },
    };
    return createCampaignCreator({
      tenant: () => ({ ...port, ...overrides }),
      tenantLabel: () => 'Demo tenant',
      audit,
      syncMarketing: createMarketingSync({
        store: createJsonFileStore(join(dir, 'settings.json')),
        url: () => marketingUrl,
        secret: async () => 'marketing-secret',
        tenantId: () => 'demo',
        outbox,
      }),
    });
  };
  const auditEntries = async () => (await audit.query({ limit: 1000 })).filter((entry) => entry.action === 'campaign.create');
  const named = (name: string) => [...tenant.state.campaigns.values()].filter((c) => c.name === name);

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cxone-new-campaign-'));
    audit = await createAuditLog({ dir: join(dir, 'audit') });
    queued = [];
    marketingUrl = '';
  });

  afterEach(async () => {
    connection?.close();
    await audit.close();
    await tenant?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('passes a definition whose references all exist and are usable', async () => {
    await start();
    const check = await checkDependencies(port, formFor('Fresh Name'));
    expect(check.passed).toBe(true);
    expect(check.items.map((item) => [item.kind, item.status])).toEqual([
      ['campaignName', 'ok'],
      ['contactList', 'ok'],
      ['wrapUpCode', 'ok'],
      ['wrapUpCode', 'ok'],
      ['dncList', 'ok'],
    ]);
    expect(check.contactList?.recordCount).toBe(tenant.state.contactLists.get('cl-001')?.recordCount);
  });

  it('names every unusable reference and why: missing list, missing code, inactive DNC list, taken name', async () => {
    await start();
    const taken = [...tenant.state.campaigns.values()][0]!.name;
    const check = await checkDependencies(port, formFor(taken, { contactListId: 'cl-999', wrapUpCodeIds: ['wuc-01', 'wuc-99'], dncListId: 'dnc-03' }));
    expect(check.passed).toBe(false);
    const failing = check.items.filter((item) => item.status !== 'ok');
    expect(failing.map((item) => [item.field, item.reference, item.status])).toEqual([
      ['name', taken, 'duplicate'],
      ['contactListId', 'cl-999', 'missing'],
      ['wrapUpCodeIds', 'wuc-99', 'missing'],
      ['dncListId', 'dnc-03', 'inactive'],
    ]);
    expect(failing[1]?.message).toBe('Contact list cl-999 does not exist on this tenant; pick one of its lists.');
    expect(failing[2]?.message).toContain('Wrap-up code wuc-99 does not exist');
    expect(failing[3]?.message).toContain('is INACTIVE');
  });

  it('refuses an empty contact list, which could never activate', async () => {
    await start();
    const empty = [...tenant.state.contactLists.values()].find((list) => list.recordCount === 0)!;
    const check = await checkDependencies(port, formFor('On empty list', { contactListId: empty.id }));
    expect(check.items.find((item) => item.kind === 'contactList')).toMatchObject({ status: 'missing', message: expect.stringContaining('has no records') });
  });

  it('creates a draft and audits validation, simulation and creation latency', async () => {
    await start();
    const result = await makeCreator().create({ form: formFor('Solar Leads Wave 3'), simulation }, person);
    expect(result.outcome).toBe('created');
    if (result.outcome !== 'created') return;
    expect(result.campaign.status).toBe('draft');
    expect(result.marketing).toEqual({ status: 'off' });
    expect(named('Solar Leads Wave 3')).toHaveLength(1);
    const [entry] = await auditEntries();
    expect(entry).toMatchObject({ outcome: 'success', target: { id: result.campaign.id }, latencyMs: expect.any(Number) });
    expect(entry?.details).toMatchObject({
      simulation,
      creationLatencyMs: result.latencyMs,
      validation: { passed: true, items: expect.arrayContaining([expect.objectContaining({ kind: 'contactList', status: 'ok' })]) },
    });
  });

  it('creates nothing when a reference fails the check, and says which', async () => {
    await start();
    const before = tenant.state.campaigns.size;
    const result = await makeCreator().create({ form: formFor('Bad refs', { wrapUpCodeIds: ['wuc-77'] }), simulation }, person);
    expect(result).toMatchObject({ outcome: 'rejected', fieldMessages: { wrapUpCodeIds: expect.stringContaining('wuc-77') } });
    expect(tenant.state.campaigns.size).toBe(before);
    expect((await auditEntries())[0]).toMatchObject({ outcome: 'failed' });
  });

  it('puts a 422 from the tenant on the wizard field (reference deleted after the check)', async () => {
    await start();
    const creator = makeCreator({
      createCampaign: (definition) => {
        tenant.state.wrapUpCodes.delete('wuc-02');
        return port.createCampaign(definition);
      },
    });
    const result = await creator.create({ form: formFor('Race'), simulation }, person);
    expect(result.outcome).toBe('rejected');
    if (result.outcome !== 'rejected') return;
    expect(result.error.status).toBe(422);
    expect(result.fieldMessages.wrapUpCodeIds).toBe('Wrap-up code wuc-02 does not exist.');
    expect(named('Race')).toHaveLength(0);
  });

  it('explains a 403 licence refusal and what to do about it', async () => {
    await start({ campaignCount: 8, licenceLimit: 1 });
    const result = await makeCreator().create({ form: formFor('Over licence'), simulation }, person);
    expect(result.outcome).toBe('rejected');
    if (result.outcome !== 'rejected') return;
    expect(result.error.message).toMatch(/no free campaign licence/);
    expect(result.error.message).toMatch(/Complete a campaign you no longer need, or ask your CXone administrator for more campaign licences/);
  });

  it('finds the campaign by name instead of posting again when the answer to a POST is lost after it ran', async () => {
    await start();
    tenant.injectFaults({ match: { method: 'POST', pathPrefix: '/api/v2/outbound/campaigns' }, kind: 'status', status: 500, afterHandler: true });
    const result = await makeCreator().create({ form: formFor('Lost Answer'), simulation }, person);
    expect(result.outcome).toBe('recovered');
    if (result.outcome !== 'recovered') return;
    expect(result.error.message).toMatch(/found it as .* it was created once, not repeated/);
    expect(named('Lost Answer')).toHaveLength(1);
    expect(result.campaign.id).toBe(named('Lost Answer')[0]?.id);
  });

  it('reports nothing created, safe to retry, when the connection dropped before the tenant ran the POST', async () => {
    await start();
    tenant.injectFaults({ match: { method: 'POST', pathPrefix: '/api/v2/outbound/campaigns' }, kind: 'drop' });
    const result = await makeCreator().create({ form: formFor('Dropped'), simulation }, person);
    expect(result.outcome).toBe('not_created');
    if (result.outcome !== 'not_created') return;
    expect(result.error.message).toMatch(/nothing was created and it is safe to try again/);
    expect(named('Dropped')).toHaveLength(0);
  });

  it('says the outcome is unknown when the look-up after an ambiguous failure fails too', async () => {
    await start();
    let lookups = 0;
    const creator = makeCreator({
      campaignsNamed: (name) => {
        lookups += 1;
        // The first look-up is the name check before the POST; the second is the one after it.
        if (lookups > 1) throw new ConsoleFailure(consoleError('network', 'The tenant could not be reached.'));
        return port.campaignsNamed(name);
      },
    });
    tenant.injectFaults({ match: { method: 'POST', pathPrefix: '/api/v2/outbound/campaigns' }, kind: 'drop' });
    const result = await creator.create({ form: formFor('Unknowable'), simulation }, person);
    expect(result.outcome).toBe('unknown');
    if (result.outcome !== 'unknown') return;
    expect(result.error.message).toMatch(/Look for "Unknowable" in the campaign list before trying again/);
  });

  it('registers the marketing webhook subscription once and queues campaign.created for each campaign', async () => {
    await start();
    marketingUrl = 'https://marketing.example.com/hooks/cxone';
    const creator = makeCreator();
    const first = await creator.create({ form: formFor('Marketing One', { marketingSync: true }), simulation }, person);
    const second = await creator.create({ form: formFor('Marketing Two', { marketingSync: true }), simulation }, person);
    expect(first.outcome === 'created' && first.marketing).toMatchObject({ status: 'queued', subscriptionCreated: true });
    expect(second.outcome === 'created' && second.marketing).toMatchObject({ status: 'queued', subscriptionCreated: false });
    expect([...tenant.state.subscriptions.values()]).toEqual([
      expect.objectContaining({ url: marketingUrl, events: ['campaign.created', 'campaign.status_changed'], active: true, secret: 'marketing-secret' }),
    ]);
    expect(queued.map((body) => [body.event, body.name])).toEqual([
      ['campaign.created', 'Marketing One'],
      ['campaign.created', 'Marketing Two'],
    ]);
  });

  it('skips marketing sync with a reason when no webhook URL is configured', async () => {
    await start();
    const result = await makeCreator().create({ form: formFor('No URL', { marketingSync: true }), simulation }, person);
    expect(result.outcome === 'created' && result.marketing).toMatchObject({ status: 'skipped', reason: expect.stringContaining('Settings') });
    expect(tenant.state.subscriptions.size).toBe(0);
  });
});
