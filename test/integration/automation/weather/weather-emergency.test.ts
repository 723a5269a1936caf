import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createEmergencyLedger } from '../../../../electron/campaigns/emergency-ledger';
import { createEmergencyRecord, emergencyRecordPath } from '../../../../electron/campaigns/emergency-record';
import { emergencyInForce } from '../../../../electron/automation/emergency-in-force';
import { createWeatherRule } from '../../../../electron/automation/weather/weather-rule';
import type { DemoTenantHandle } from '../../../../electron/demo-tenant/index';
import type { TenantConnection } from '../../../../electron/tenant/ports';
import { connectTo, startTenant } from '../../tenant/support';
import { engineFor, tempDir } from '../support';

const hour = 3_600_000;

describe('the weather rule while the emergency pause is in force', () => {
  let tenant: DemoTenantHandle;
  let connection: TenantConnection;
  let folder: Awaited<ReturnType<typeof tempDir>>;

  beforeEach(async () => {
    tenant = await startTenant({ activationMs: 600_000 });
    connection = connectTo(tenant);
    folder = await tempDir();
  });
  afterEach(async () => {
    connection.close();
    await tenant.close();
    await folder.remove();
  });

  it('resumes nothing it paused until a person lifts the emergency pause, then resumes on its next tick', async () => {
    const campaign = [...tenant.state.campaigns.values()].find((c) => c.status === 'running' && c.customAttributes.region)!;
    const region = campaign.customAttributes.region!;
    const now = Date.now();
    tenant.setWeatherAlerts([
      {
        id: 'storm-1',
        event: 'Winter Storm Warning',
        severity: 'Severe',
        regions: [region],
        effective: new Date(now - hour).toISOString(),
        expires: new Date(now + hour).toISOString(),
        ends: new Date(now + hour).toISOString(),
      },
    ]);
    const dataDir = join(folder.dir, 'data');
    mkdirSync(dataDir, { recursive: true });
    const identity = { apiBaseUrl: tenant.url, clientId: tenant.clientId };
    const { engine } = engineFor({
      dir: join(folder.dir, 'automation'),
      connection,
      rules: [createWeatherRule()],
      pinned: { weather: { alertsUrl: `${tenant.url}/demo/alerts/nws`, holdDownMinutes: 0 } },
      emergencyInForce: emergencyInForce(dataDir, identity),
    });
    await engine.start();
    try {
      await engine.runOnce('weather', false);
      expect(tenant.state.campaigns.get(campaign.id)!.status).toBe('paused');

      // A person's emergency pause now holds another campaign; the storm ends.
      const other = [...tenant.state.campaigns.values()].find((c) => c.status === 'running' && c.id !== campaign.id)!;
      const ledger = createEmergencyLedger(() => createEmergencyRecord(emergencyRecordPath(dataDir, identity)));
      ledger.write({ ...ledger.read(), paused: [{ campaignId: other.id, name: other.name, pausedAt: new Date().toISOString(), version: other.version }] });
      tenant.setWeatherAlerts([]);

      const held = await engine.runOnce('weather', false);
      const decision = held.decisions.find((d) => d.campaignId === campaign.id)!;
      expect(decision).toMatchObject({ action: 'resume', outcome: 'skipped', reason: expect.stringMatching(/emergency pause is in force/) });
      expect(tenant.state.campaigns.get(campaign.id)!.status).toBe('paused');

      ledger.write({ ...ledger.read(), paused: [] });
      const lifted = await engine.runOnce('weather', false);
      expect(lifted.decisions.find((d) => d.campaignId === campaign.id)).toMatchObject({ action: 'resume', outcome: 'applied' });
      expect(tenant.state.campaigns.get(campaign.id)!.status).toBe('running');
    } finally {
      await engine.stop();
    }
  });
});
