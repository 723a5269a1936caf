import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentSchema, campaignSchema, contactSchema, contractPaths, pageOf, tokenPageOf } from '../../../shared/cxone/schemas';
import { startDemoTenant, type DemoTenantHandle } from '../../../electron/demo-tenant/index';
import { connectedCaller, errorsOf, type ApiCaller } from './tenant-client';

const campaignPage = pageOf(campaignSchema);
const agentPage = tokenPageOf(agentSchema);

describe('demo tenant pagination', () => {
  let tenant: DemoTenantHandle;
  let api: ApiCaller;
  beforeAll(async () => {
    tenant = await startDemoTenant({ dialerTickMs: 0, campaignCount: 64, contactsPerCampaign: 23 });
    api = await connectedCaller(tenant);
  });
  afterAll(() => tenant.close());

  it('walks every campaign page to the end, each id exactly once', async () => {
    const seen: string[] = [];
    let page = 1;
    let pageCount = 1;
    while (page <= pageCount) {
      const answer = await api.get(`${contractPaths.campaigns}?page=${page}&pageSize=10`);
      expect(answer.status).toBe(200);
      const parsed = campaignPage.parse(answer.body);
      expect(parsed.total).toBe(64);
      pageCount = parsed.pageCount;
      seen.push(...parsed.entities.map((campaign) => campaign.id));
      page++;
    }
    expect(pageCount).toBe(7);
    expect(new Set(seen).size).toBe(64);
    expect(seen).toEqual([...tenant.state.campaigns.keys()]);
  });

  it('answers an empty page past the last one', async () => {
    const parsed = campaignPage.parse((await api.get(`${contractPaths.campaigns}?page=99&pageSize=50`)).body);
    expect(parsed.entities).toEqual([]);
    expect(parsed.pageCount).toBe(2);
  });

  it('refuses a pageSize above 500 with 400 naming pageSize', async () => {
    const answer = await api.get(`${contractPaths.campaigns}?pageSize=501`);
    expect(answer.status).toBe(400);
    expect(errorsOf(answer)[0]?.path).toBe('pageSize');
    expect((await api.get(`${contractPaths.campaigns}?pageSize=500`)).status).toBe(200);
  });

  it('refuses a page number that is not a positive integer', async () => {
    const answer = await api.get(`${contractPaths.campaigns}?page=0`);
    expect(answer.status).toBe(400);
    expect(errorsOf(answer)[0]?.path).toBe('page');
  });

  it('filters campaigns by status and by a case-insensitive name substring', async () => {
    const running = campaignPage.parse((await api.get(`${contractPaths.campaigns}?status=running&pageSize=500`)).body);
    const expectedRunning = [...tenant.state.campaigns.values()].filter((c) => c.status === 'running').length;
    expect(running.total).toBe(expectedRunning);
    expect(running.entities.every((c) => c.status === 'running')).toBe(true);

    const someName = [...tenant.state.campaigns.values()][3]?.name ?? '';
    const fragment = someName.slice(3, 10).toUpperCase();
    const named = campaignPage.parse((await api.get(`${contractPaths.campaigns}?name=${encodeURIComponent(fragment)}&pageSize=500`)).body);
    expect(named.entities.map((c) => c.name)).toContain(someName);
    expect(named.entities.every((c) => c.name.toLowerCase().includes(fragment.toLowerCase()))).toBe(true);
    expect((await api.get(`${contractPaths.campaigns}?status=sleeping`)).status).toBe(400);
  });

  it('pages contacts of a campaign and filters them by state', async () => {
    const all = pageOf(contactSchema).parse((await api.get(`${contractPaths.contacts('cmp-0001')}?pageSize=10&page=3`)).body);
    expect(all.total).toBe(23);
    expect(all.pageCount).toBe(3);
    expect(all.entities).toHaveLength(3);
    const done = pageOf(contactSchema).parse((await api.get(`${contractPaths.contacts('cmp-0001')}?state=DONE&pageSize=500`)).body);
    expect(done.entities.every((contact) => contact.state === 'DONE')).toBe(true);
    expect((await api.get(`${contractPaths.contacts('cmp-0001')}?state=SLEEPING`)).status).toBe(400);
  });

  it('pages contact lists, wrap-up codes and DNC lists', async () => {
    for (const path of [contractPaths.contactLists, contractPaths.wrapUpCodes, contractPaths.dncLists]) {
      const answer = await api.get(`${path}?page=1&pageSize=2`);
      expect(answer.status).toBe(200);
      const body = answer.body as { total: number; pageCount: number; entities: unknown[] };
      expect(body.entities).toHaveLength(2);
      expect(body.pageCount).toBe(Math.ceil(body.total / 2));
    }
  });

  it('follows real-time agent pages by nextPageToken until it is null', async () => {
    const seen: string[] = [];
    let token: string | null | undefined = undefined;
    let pages = 0;
    do {
      const query: string = token ? `?pageSize=7&nextPageToken=${encodeURIComponent(token)}` : '?pageSize=7';
      const answer = await api.get(`${contractPaths.realtimeAgents}${query}`);
      expect(answer.status).toBe(200);
      const parsed = agentPage.parse(answer.body);
      seen.push(...parsed.items.map((agent) => agent.userId));
      token = parsed.nextPageToken;
      pages++;
    } while (token);
    expect(token).toBeNull();
    expect(seen).toEqual(tenant.state.agents.map((agent) => agent.userId));
    expect(pages).toBe(Math.ceil(tenant.state.agents.length / 7));
  });

  it('refuses a nextPageToken it did not issue', async () => {
    const answer = await api.get(`${contractPaths.realtimeAgents}?nextPageToken=garbage`);
    expect(answer.status).toBe(400);
    expect(errorsOf(answer)[0]?.path).toBe('nextPageToken');
  });
});
