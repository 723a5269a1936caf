import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAuditLog } from '../audit/audit-log';
import { startDemoTenant } from '../demo-tenant/index';
import { connectTenant } from '../tenant/connect';
import { demoProfile } from '../tenant-session/demo-profile';
import { createCampaignControl } from './campaign-control';
import { createCampaignDirectory } from './campaign-directory';
import { createEmergencyRecord } from './emergency-record';

export interface EmergencyPauseBenchOptions {
  running?: number;
  latencyMs?: number;
  rateLimitPerSecond?: number;
  /** The client profile's configured maximum rate; above the tenant's limit, only 429 feedback finds the pace. */
  clientMaxRequestsPerSecond?: number;
}

export interface EmergencyPauseBenchFigures {
  running: number;
  paused: number;
  notPaused: number;
  wallMs: number;
  floorMs: number;
  wallOverFloor: number;
  requests: number;
  rateLimited: number;
}

/**
 * The reference emergency: `running` campaigns dialing on a demo tenant with
 * added latency and a rate limit, stopped by the real campaign control through the real
 * client, audit log included. Printed by `npm run bench`; never asserted.
 */
export async function benchEmergencyPause(options: EmergencyPauseBenchOptions = {}): Promise<EmergencyPauseBenchFigures> {
  const running = options.running ?? 500;
  const rate = options.rateLimitPerSecond ?? 50;
  const tenant = await startDemoTenant({ dialerTickMs: 0, campaignCount: running + 40, contactsPerCampaign: 2 });
  // Exactly `running` campaigns dialing, every other one stopped, so the floor is known.
  let made = 0;
  for (const campaign of tenant.state.campaigns.values()) {
    campaign.status = made < running ? 'running' : 'paused';
    made++;
  }
  tenant.setKnobs({ latencyMs: options.latencyMs ?? 40, rateLimitPerSecond: rate });
  const dir = mkdtempSync(join(tmpdir(), 'cxone-bench-emergency-'));
  const connection = connectTenant({ ...demoProfile(tenant), maxRequestsPerSecond: options.clientMaxRequestsPerSecond ?? rate }, async () => tenant.clientSecret);
  const audit = await createAuditLog({ dir: join(dir, 'audit') });
  try {
    const directory = createCampaignDirectory({ connection: () => connection, intervalSeconds: () => 3600 });
    const control = createCampaignControl({
      connection: () => connection,
      tenantLabel: () => 'Bench tenant',
      directory,
      record: () => createEmergencyRecord(join(dir, 'emergency.json')),
      audit,
    });
    tenant.resetStats();
    const started = performance.now();
    const run = await control.emergencyPause({ type: 'user', name: 'bench' });
    const wallMs = performance.now() - started;
    const stats = tenant.stats();
    const paused = run.results.filter((r) => r.outcome === 'changed' || r.outcome === 'already').length;
    const floorMs = (running / rate) * 1000;
    return {
      running,
      paused,
      notPaused: run.results.length - paused,
      wallMs: Math.round(wallMs),
      floorMs,
      wallOverFloor: Math.round((wallMs / floorMs) * 100) / 100,
      requests: stats.requests,
      rateLimited: stats.rateLimited,
    };
  } finally {
    connection.close();
    await audit.close();
    await tenant.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
