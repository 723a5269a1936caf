import { IANAZone } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  agentSchema,
  campaignSchema,
  campaignStatuses,
  contactListSchema,
  contactSchema,
  contactStates,
  contractPaths,
  defaultOutcomeMatrix,
  dialerTypes,
  dncListSchema,
  wrapUpCodeSchema,
} from '../../../shared/cxone/schemas';
import { describeDemoTenant, startDemoTenant, type DemoTenantHandle, type DemoTenantState } from '../../../electron/demo-tenant/index';
import { connectedCaller, pollUntil } from './tenant-client';

function plain(state: DemoTenantState) {
  return JSON.stringify({
    campaigns: [...state.campaigns.values()],
    contacts: [...state.contacts.values()].map((byId) => [...byId.values()]),
    contactLists: [...state.contactLists.values()],
    wrapUpCodes: [...state.wrapUpCodes.values()],
    dncLists: [...state.dncLists.values()],
    dncNumbers: [...state.dncNumbers.entries()].map(([id, numbers]) => [id, [...numbers]]),
    agents: state.agents,
  });
}

async function withTenant<T>(options: Parameters<typeof startDemoTenant>[0], use: (tenant: DemoTenantHandle) => Promise<T>): Promise<T> {
  const tenant = await startDemoTenant({ dialerTickMs: 0, ...options });
  try {
    return await use(tenant);
  } finally {
    await tenant.close();
  }
}

describe('demo tenant seed data', () => {
  it('seeds identical data for the same seed and different data for another seed', async () => {
    const options = { campaignCount: 30, contactsPerCampaign: 20 };
    const first = await withTenant({ ...options, seed: 7 }, async (tenant) => plain(tenant.state));
    const again = await withTenant({ ...options, seed: 7 }, async (tenant) => plain(tenant.state));
    const other = await withTenant({ ...options, seed: 8 }, async (tenant) => plain(tenant.state));
    expect(again).toBe(first);
    expect(other).not.toBe(first);
  });

  it('advances the dialer identically for the same seed', async () => {
    const run = (tenant: DemoTenantHandle) => {
      for (let i = 0; i < 10; i++) tenant.tick();
      // stateSince and disposition times are stamped with the clock; compare the rest.
      return JSON.stringify({
        contacts: [...tenant.state.contacts.values()].map((byId) => [...byId.values()].map((c) => [c.state, c.outcomeCode, c.agentId, c.version])),
        agents: tenant.state.agents.map((agent) => agent.state),
      });
    };
    const first = await withTenant({ seed: 3, campaignCount: 20, contactsPerCampaign: 30 }, async (tenant) => run(tenant));
    const again = await withTenant({ seed: 3, campaignCount: 20, contactsPerCampaign: 30 }, async (tenant) => run(tenant));
    expect(again).toBe(first);
  });

  it('serves data that satisfies the contract schemas and covers every status, dialer type and contact state', async () => {
    await withTenant({}, async (tenant) => {
      const { state } = tenant;
      expect(state.campaigns.size).toBe(64);
      const campaigns = [...state.campaigns.values()].map((campaign) => campaignSchema.parse(campaign));
      const countOf = (status: string) => campaigns.filter((c) => c.status === status).length;
      for (const status of campaignStatuses) expect(countOf(status)).toBeGreaterThan(0);
      expect(countOf('running')).toBeGreaterThan(campaigns.length / 2 - 1);
      for (const type of dialerTypes) expect(campaigns.some((c) => c.dialerType === type)).toBe(true);

      const regions = new Set(campaigns.map((c) => c.customAttributes.region));
      expect(regions.size).toBeGreaterThanOrEqual(10);
      for (const campaign of campaigns) {
        expect(campaign.customAttributes.region).toMatch(/^US-[A-Z]{2}$/);
        expect(IANAZone.isValidZone(campaign.customAttributes.timezone ?? '')).toBe(true);
        expect(state.contactLists.has(campaign.contactListId)).toBe(true);
        for (const code of campaign.wrapUpCodeIds) expect(state.wrapUpCodes.has(code)).toBe(true);
        if (campaign.schedule) expect(campaign.schedule.timezone).toBe(campaign.customAttributes.timezone);
      }
      expect(campaigns.filter((c) => c.schedule !== null).length).toBeGreaterThan(campaigns.length / 2);

      const contacts = [...state.contacts.values()].flatMap((byId) => [...byId.values()]);
      expect(contacts).toHaveLength(64 * 1500);
      for (const contact of contacts.slice(0, 3000)) contactSchema.parse(contact);
      for (const contactState of contactStates) expect(contacts.some((c) => c.state === contactState)).toBe(true);
      const settledShare = contacts.filter((c) => c.state === 'PENDING' || c.state === 'DONE').length / contacts.length;
      expect(settledShare).toBeGreaterThan(0.95);

      const outcomes = [...state.wrapUpCodes.values()].map((code) => wrapUpCodeSchema.parse(code).outcomeCode);
      expect(outcomes.length).toBeGreaterThanOrEqual(6);
      expect(outcomes).toEqual(expect.arrayContaining([...defaultOutcomeMatrix]));

      const dncLists = [...state.dncLists.values()].map((list) => dncListSchema.parse(list));
      expect(dncLists.length).toBeGreaterThanOrEqual(2);
      expect(dncLists.some((list) => list.state === 'INACTIVE')).toBe(true);
      for (const list of dncLists) expect(list.recordCount).toBe(state.dncNumbers.get(list.id)?.size);
      for (const list of state.contactLists.values()) contactListSchema.parse(list);

      expect(state.agents.length).toBeGreaterThanOrEqual(40);
      for (const agent of state.agents) {
        agentSchema.parse(agent);
        for (const skill of agent.skills) expect(state.campaigns.has(skill)).toBe(true);
      }
    });
  });

  it('starts with thousands of small campaigns and serves them', async () => {
    await withTenant({ campaignCount: 5000, contactsPerCampaign: 3 }, async (tenant) => {
      expect(tenant.state.campaigns.size).toBe(5000);
      const api = await connectedCaller(tenant);
      const last = await api.get(`${contractPaths.campaigns}?page=10&pageSize=500`);
      expect(last.body).toMatchObject({ total: 5000, pageCount: 10 });
      expect((last.body as { entities: unknown[] }).entities).toHaveLength(500);
    });
  });

  it('describes itself with url, token url and the full-scope client', async () => {
    await withTenant({ campaignCount: 12, contactsPerCampaign: 1 }, async (tenant) => {
      const described = describeDemoTenant(tenant);
      expect(described).toEqual({ url: tenant.url, tokenUrl: `${tenant.url}/oauth2/token`, clientId: tenant.clientId, clientSecret: tenant.clientSecret });
      expect(described.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    });
  });

  it('advances contacts on its own timer when dialerTickMs is set and stops serving after close', async () => {
    const tenant = await startDemoTenant({ campaignCount: 12, contactsPerCampaign: 30, dialerTickMs: 10 });
    const versions = () => [...tenant.state.contacts.values()].reduce((sum, byId) => sum + [...byId.values()].reduce((s, c) => s + c.version, 0), 0);
    const start = versions();
    await pollUntil(
      async () => versions(),
      (now) => now > start,
      5000,
      10,
    );
    await tenant.close();
    await expect(fetch(tenant.tokenUrl, { method: 'POST' })).rejects.toThrow();
  });
});
