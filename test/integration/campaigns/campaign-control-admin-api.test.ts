import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAuditLog, type AuditLog } from '../../../electron/audit/audit-log';
import { createCampaignControl, type CampaignControl } from '../../../electron/campaigns/campaign-control';
import { createCampaignDirectory, type CampaignDirectory } from '../../../electron/campaigns/campaign-directory';
import { createEmergencyRecord } from '../../../electron/campaigns/emergency-record';
import type { AdminApiDemoTenantHandle } from '../../../electron/demo-tenant-admin/index';
import type { TenantConnection } from '../../../electron/tenant/ports';
import { connectToAdmin, startAdminTenant } from '../tenant-admin-api/support';

const person = { type: 'user' as const, name: 'lead' };

describe('campaign control against the Admin API demo tenant', () => {
  let tenant: AdminApiDemoTenantHandle;
  let connection: TenantConnection;
  let dir: string;
  let audit: AuditLog;
  let directory: CampaignDirectory;
  let control: CampaignControl;

  const running = () => [...tenant.state.skills.values()].filter((s) => s.isOutbound && s.isActive && s.isRunning).map((s) => String(s.skillId));
  const stopPath = (id: string) => `/inContactAPI/services/v${tenant.apiVersion}/skills/${id}/stop`;

  beforeEach(async () => {
    tenant = await startAdminTenant();
    connection = connectToAdmin(tenant);
    dir = mkdtempSync(join(tmpdir(), 'cxone-control-admin-'));
    audit = await createAuditLog({ dir: join(dir, 'audit') });
    directory = createCampaignDirectory({ connection: () => connection, intervalSeconds: () => 60 });
    control = createCampaignControl({
      connection: () => connection,
      tenantLabel: () => 'Admin API tenant',
      directory,
      record: () => createEmergencyRecord(join(dir, 'emergency.json')),
      audit,
    });
  });

  afterEach(async () => {
    connection.close();
    await audit.close();
    await tenant.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    ['the console already showed it dialing', true],
    ['only the tenant listing showed it dialing', false],
  ])('emergency pause counts a stop whose answer was lost as its own, and its resume restarts it (%s)', async (_, refreshed) => {
    if (refreshed) await directory.refresh();
    const dialing = running();
    const lost = dialing[1]!;
    tenant.injectFaults(
      ...Array.from({ length: 4 }, () => ({ match: { method: 'POST', pathPrefix: stopPath(lost) }, kind: 'drop' as const, afterHandler: true })),
    );
    const run = await control.emergencyPause(person);
    expect(tenant.state.skills.get(Number(lost))?.isRunning).toBe(false);
    expect(run.results.find((r) => r.campaignId === lost)).toMatchObject({ outcome: 'changed', statusAfter: 'paused' });
    expect(
      control
        .emergencyState()
        .pausedByEmergency.map((p) => p.campaignId)
        .sort(),
    ).toEqual([...dialing].sort());
    await control.resumeEmergency(person);
    expect(tenant.state.skills.get(Number(lost))?.isRunning).toBe(true);
  });

  it('emergency pause leaves a skill a person stopped before the run to that person, even when the console had not seen it stopped', async () => {
    await directory.refresh();
    const [personal, other] = running();
    tenant.state.skills.get(Number(personal))!.isRunning = false;
    const run = await control.emergencyPause(person);
    expect(run.results.find((r) => r.campaignId === personal)?.outcome).toBe('already');
    expect(run.results.find((r) => r.campaignId === other)?.outcome).toBe('changed');
    await control.resumeEmergency(person);
    expect(tenant.state.skills.get(Number(personal))?.isRunning).toBe(false);
    expect(tenant.state.skills.get(Number(other))?.isRunning).toBe(true);
  });
});
