import { afterEach, describe, expect, it } from 'vitest';
import type { DemoTenantHandle } from '../../../electron/demo-tenant/index';
import type { TenantConnection } from '../../../electron/tenant/ports';
import { collect, connectTo, definitionLike, failureOf, startTenant } from '../tenant/support';

describe('demo tenant options for capacity pacing', () => {
  let tenant: DemoTenantHandle | undefined;
  let connection: TenantConnection | undefined;
  afterEach(async () => {
    connection?.close();
    await tenant?.close();
  });

  it('seeds exactly agentCount real-time agents, all answered over token pages', async () => {
    tenant = await startTenant({ agentCount: 1234 });
    connection = connectTo(tenant);
    expect(tenant.state.agents).toHaveLength(1234);
    expect(await collect(connection.realtimeAgents.agents())).toHaveLength(1234);
  });

  it('refuses rules.maxConcurrentCalls above maxConcurrentCallsLimit on PUT and POST, naming the path', async () => {
    tenant = await startTenant({ maxConcurrentCallsLimit: 10 });
    connection = connectTo(tenant);
    const campaign = [...tenant.state.campaigns.values()][0]!;
    const { id: _id, status: _status, createdAt: _createdAt, updatedAt: _updatedAt, ...definition } = campaign;
    const put = await failureOf(connection.campaigns.replace(campaign.id, { ...definition, rules: { maxConcurrentCalls: 11 } }));
    expect(put).toMatchObject({ kind: 'validation', status: 400, code: 'INVALID_VALUE', details: [{ path: 'rules.maxConcurrentCalls' }] });
    const post = await failureOf(connection.campaigns.create({ ...definitionLike(tenant, 'Too many lines'), rules: { maxConcurrentCalls: 11 } }));
    expect(post).toMatchObject({ status: 400, details: [{ path: 'rules.maxConcurrentCalls' }] });
    await expect(connection.campaigns.replace(campaign.id, { ...definition, rules: { maxConcurrentCalls: 10 } })).resolves.toMatchObject({
      rules: { maxConcurrentCalls: 10 },
    });
    tenant.setKnobs({ maxConcurrentCallsLimit: undefined });
    const current = tenant.state.campaigns.get(campaign.id)!;
    await expect(
      connection.campaigns.replace(campaign.id, { ...definition, version: current.version, rules: { maxConcurrentCalls: 500 } }),
    ).resolves.toMatchObject({
      rules: { maxConcurrentCalls: 500 },
    });
  });
});
