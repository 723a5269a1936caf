import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCapacityRule } from '../../../../electron/automation/capacity/capacity-rule';
import type { AdminApiDemoTenantHandle } from '../../../../electron/demo-tenant-admin/index';
import type { TenantConnection } from '../../../../electron/tenant/ports';
import { connectToAdmin, startAdminTenant } from '../../tenant-admin-api/support';
import { tickContext } from './support';

describe('capacity-based pacing on a CXone Admin API tenant (no concurrent-call limit to write)', () => {
  let tenant: AdminApiDemoTenantHandle;
  let connection: TenantConnection;
  beforeAll(async () => {
    tenant = await startAdminTenant();
    connection = connectToAdmin(tenant);
  });
  afterAll(async () => {
    connection.close();
    await tenant.close();
  });

  it('says the limit is not available on this tenant instead of failing every campaign, and records no write', async () => {
    const rule = createCapacityRule();
    const skillsBefore = JSON.stringify([...tenant.state.skills.values()]);
    const outcome = await rule.tick(tickContext(connection, rule.initialMemory()));
    expect(outcome.decisions.some((decision) => decision.outcome === 'failed')).toBe(false);
    const skipped = outcome.decisions.filter((decision) => decision.outcome === 'skipped');
    expect(skipped.length).toBeGreaterThan(0);
    expect(skipped[0]?.reason).toMatch(/^Not available on this tenant/);
    expect(outcome.problem).toMatch(/^No limit was set: Not available on this tenant/);
    expect(Object.values(outcome.memory.campaigns).every((entry) => entry.lastWritten === 0 && !entry.hold)).toBe(true);
    expect(JSON.stringify([...tenant.state.skills.values()])).toBe(skillsBefore);
  });
});
